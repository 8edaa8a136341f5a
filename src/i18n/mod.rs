//! Every string a person reads, in Indonesian and English.
//!
//! Officers read Indonesian first; English is the interface's second language.
//! The strings are grouped by concern (`load`, `validate`, `cli`, `summary`,
//! `ui`, `forms`, `report`: one struct each) and written once per language
//! (`en.rs`, `id.rs`). Templates number their placeholders (`{0}`), filled
//! by [`fill`]; a test checks both languages use the same ones everywhere.

use crate::plan::model::{Horizon, Status};
use crate::plan::typed::Convention;

pub use fields::{BothLanguages, Writing};
pub use summary::spent_line;

mod cli;
mod config;
mod en;
pub mod evaluation;
mod fields;
pub mod fiscal;
pub mod followups;
pub mod format;
mod forms;
mod id;
mod load;
mod log;
mod merge;
pub mod questions;
pub mod report;
mod sheets;
mod summary;
mod ui;
mod usage;
mod validate;

pub use cli::Cli;
pub use config::Config;
/// The English and Indonesian strings, for tests and tools that name a language.
pub use en::TEXT as EN;
pub use forms::{
    DirectionWords, EvidenceKindWords, EvidenceStateWords, FieldLabels, Forms, Headings,
    MeasureWords, RegimeWords,
};
pub use id::TEXT as ID;
pub use load::Load;
pub use log::Log;
pub use merge::Merge;
pub use sheets::{FORMER_HEADINGS, Sheets};
pub use summary::Summary;
pub use ui::Ui;
pub use usage::{Usage, set_help};
pub use validate::Validate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    /// How figures are written in this language: what a form shows, and so
    /// what it reads back.
    pub fn convention(self) -> Convention {
        match self {
            Lang::Id => Convention::Indonesian,
            Lang::En => Convention::English,
        }
    }

    /// What this language settles in a figure typed on the command line:
    /// Indonesian does (`36.500` is thirty-six thousand five hundred);
    /// English does not, since English is also what a server with no locale
    /// speaks to an officer who writes the Indonesian way, so `36.500` is
    /// refused there with both readings.
    pub fn typed_convention(self) -> Option<Convention> {
        match self {
            Lang::Id => Some(Convention::Indonesian),
            Lang::En => None,
        }
    }

    /// `--lang` wins; otherwise the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// decides (POSIX precedence): Indonesian when it starts with `id`.
    pub fn detect(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.starts_with("id") {
            Lang::Id
        } else {
            Lang::En
        }
    }

    /// Whether the locale's character set is not UTF-8 (`LANG=C`, `POSIX`,
    /// `id_ID.ISO-8859-1`): then only ASCII can be trusted to show, as with
    /// `--ascii`. The character set is `LC_CTYPE`'s, so the first set of
    /// `LC_ALL`, `LC_CTYPE`, `LANG` decides. With none set at all the
    /// terminal is left to itself: many SSH logins send no locale to a
    /// server whose terminals show UTF-8 fine.
    pub fn locale_is_ascii(env: impl Fn(&str) -> Option<String>) -> bool {
        ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.is_empty())
            .is_some_and(|locale| {
                let charset = locale.split('@').next().unwrap_or("").to_ascii_lowercase();
                !(charset.ends_with(".utf-8") || charset.ends_with(".utf8"))
            })
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &en::TEXT,
            Lang::Id => &id::TEXT,
        }
    }

    /// The strings of the yearly evaluation (report and view).
    pub fn evaluation(self) -> &'static evaluation::EvaluationText {
        match self {
            Lang::En => &en::EVALUATION,
            Lang::Id => &id::EVALUATION,
        }
    }

    /// The vice-regent's three questions, wherever they are answered.
    pub fn questions(self) -> &'static questions::QuestionsText {
        match self {
            Lang::En => &en::QUESTIONS,
            Lang::Id => &id::QUESTIONS,
        }
    }

    /// The fiscal year's words: periods, budget changes, sub-activities.
    pub fn fiscal(self) -> &'static fiscal::FiscalText {
        match self {
            Lang::En => &en::FISCAL,
            Lang::Id => &id::FISCAL,
        }
    }

    /// The strings of follow-ups, wherever they appear.
    pub fn followups(self) -> &'static followups::FollowUpText {
        match self {
            Lang::En => &en::FOLLOWUPS,
            Lang::Id => &id::FOLLOWUPS,
        }
    }

    /// The strings of the reports (`pantau report`).
    pub fn report(self) -> &'static report::ReportText {
        match self {
            Lang::En => &en::REPORT,
            Lang::Id => &id::REPORT,
        }
    }
}

/// Fills `template`'s placeholders: `{0}`, `{1}` … name `args` by position,
/// so a translation may put them in any order; a bare `{}` takes the next
/// one. A placeholder without a value is left out, never a panic.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut next = 0;
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if after.as_bytes().get(digits) != Some(&b'}') {
            // Not a placeholder: a literal brace.
            out.push('{');
            rest = after;
            continue;
        }
        let index = if digits == 0 {
            next += 1;
            next - 1
        } else {
            after[..digits].parse().unwrap_or(usize::MAX)
        };
        if let Some(arg) = args.get(index) {
            out.push_str(&arg.to_string());
        }
        rest = &after[digits + 1..];
    }
    out.push_str(rest);
    out
}

/// Every string a person reads, by concern.
pub struct Text {
    /// The language these strings are in, for what takes a [`Lang`].
    pub lang: Lang,
    pub status: StatusLabels,
    pub horizon: HorizonLabels,
    pub error: &'static str,
    pub hint: &'static str,
    pub warning: &'static str,
    pub horizon_short: HorizonLabels,
    pub load: Load,
    pub validate: Validate,
    pub cli: Cli,
    pub summary: Summary,
    pub ui: Ui,
    pub forms: Forms,
    pub log: Log,
    pub merge: Merge,
    pub config: Config,
    pub usage: Usage,
    pub sheets: Sheets,
}

impl Text {
    pub fn status(&self, s: Status) -> &'static str {
        let l = &self.status;
        match s {
            Status::NotStarted => l.not_started,
            Status::InProgress => l.in_progress,
            Status::Done => l.done,
            Status::Operating => l.operating,
            Status::Delayed => l.delayed,
            Status::OnHold => l.on_hold,
            Status::Cancelled => l.cancelled,
        }
    }

    pub fn horizon(&self, h: Horizon) -> &'static str {
        self.horizon.of(h)
    }

    /// The one-word horizon for narrow columns.
    pub fn horizon_short(&self, h: Horizon) -> &'static str {
        self.horizon_short.of(h)
    }
}

/// A name for each status, by name rather than by position, so reordering
/// the enum can never shift a label.
pub struct StatusLabels {
    pub not_started: &'static str,
    pub in_progress: &'static str,
    pub done: &'static str,
    pub operating: &'static str,
    pub delayed: &'static str,
    pub on_hold: &'static str,
    pub cancelled: &'static str,
}

pub struct HorizonLabels {
    pub quick_win: &'static str,
    pub short: &'static str,
    pub medium: &'static str,
    pub long: &'static str,
}

impl HorizonLabels {
    pub fn of(&self, h: Horizon) -> &'static str {
        match h {
            Horizon::QuickWin => self.quick_win,
            Horizon::Short => self.short,
            Horizon::Medium => self.medium,
            Horizon::Long => self.long,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An environment of just `pairs`, for what reads one through a closure
    /// (the locale here, the configuration's and the audit log's variables).
    pub(crate) fn env(
        pairs: &'static [(&'static str, &'static str)],
    ) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn indonesian_locale_selects_indonesian() {
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "id_ID.UTF-8")])),
            Lang::Id
        );
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::detect(None, env(&[])), Lang::En);
        assert_eq!(
            Lang::detect(None, env(&[("LC_ALL", "id_ID"), ("LANG", "en_US")])),
            Lang::Id
        );
        assert_eq!(
            Lang::detect(Some(Lang::En), env(&[("LC_ALL", "id_ID")])),
            Lang::En
        );
    }

    #[test]
    fn a_locale_without_utf_8_means_ascii_and_no_locale_leaves_it() {
        assert!(Lang::locale_is_ascii(env(&[("LANG", "C")])));
        assert!(Lang::locale_is_ascii(env(&[("LANG", "POSIX")])));
        assert!(Lang::locale_is_ascii(env(&[("LANG", "id_ID.ISO-8859-1")])));
        assert!(Lang::locale_is_ascii(env(&[
            ("LC_ALL", "C"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(!Lang::locale_is_ascii(env(&[("LANG", "C.UTF-8")])));
        assert!(!Lang::locale_is_ascii(env(&[("LANG", "id_ID.utf8")])));
        assert!(!Lang::locale_is_ascii(env(&[(
            "LC_CTYPE",
            "en_US.UTF-8@euro"
        )])));
        assert!(!Lang::locale_is_ascii(env(&[])));
    }

    #[test]
    fn fill_places_values_in_order() {
        assert_eq!(fill("{}:{}: {}", &[&"a.ron", &3, &"x"]), "a.ron:3: x");
        assert_eq!(fill("no args", &[]), "no args");
    }

    #[test]
    fn placeholders_are_filled_by_number_in_any_order() {
        assert_eq!(fill("{1} sebelum {0}", &[&"a", &"b"]), "b sebelum a");
        assert_eq!(fill("{} then {}", &[&1, &2]), "1 then 2");
        assert_eq!(fill("`{` and {9}", &[&1]), "`{` and ");
    }

    /// Every `field: "template"` of a language file, by its path (`ui.e_saved`).
    fn templates(source: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut groups: Vec<String> = Vec::new();
        for line in source.lines() {
            let trimmed = line.trim();
            if let Some((name, rest)) = trimmed.split_once(": ") {
                let name = name.trim();
                if rest.ends_with('{') && !rest.starts_with('"') {
                    groups.push(name.to_string());
                    continue;
                }
                if rest.starts_with('"') {
                    let mut path = groups.clone();
                    path.push(name.to_string());
                    out.push((path.join("."), rest.to_string()));
                    continue;
                }
            }
            if trimmed.starts_with('}') {
                groups.pop();
            }
        }
        out
    }

    fn placeholders(template: &str) -> Vec<String> {
        let mut found: Vec<String> = template
            .match_indices('{')
            .filter_map(|(at, _)| {
                let after = &template[at + 1..];
                let digits = after.bytes().take_while(u8::is_ascii_digit).count();
                (after.as_bytes().get(digits) == Some(&b'}')).then(|| after[..digits].to_string())
            })
            .collect();
        found.sort();
        found
    }

    #[test]
    fn both_languages_have_every_string_with_the_same_placeholders() {
        let en = templates(include_str!("en.rs"));
        let id = templates(include_str!("id.rs"));
        let names =
            |list: &[(String, String)]| list.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&en),
            names(&id),
            "the two files list the same strings in the same order"
        );
        assert!(
            en.len() > 250,
            "the parser found the templates: {}",
            en.len()
        );
        let mut templated = 0;
        for ((name, e), (_, i)) in en.iter().zip(&id) {
            let (pe, pi) = (placeholders(e), placeholders(i));
            assert_eq!(pe, pi, "{name}: {e} / {i}");
            assert!(
                !pe.iter().any(String::is_empty),
                "{name}: number every placeholder"
            );
            templated += usize::from(!pe.is_empty());
        }
        assert!(templated > 60, "templated strings checked: {templated}");
    }
}
