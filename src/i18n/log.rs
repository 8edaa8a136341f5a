//! The audit log read back (`pantau log`, the detail's recent changes): each
//! change `plan::change` reads from it, in words.

use super::{Text, fill};
use crate::plan::change::{Change, Part, Value, What, Which};
use crate::plan::field::Item;
use crate::text::{escape, fit};

/// The audit log read back: one change in words.
pub struct Log {
    /// `{0}: {1} -> {2}`: what, the value before, the value after.
    pub l_change: &'static str,
    /// `milestone {0}`: its place in the list, from 1.
    pub l_milestone: &'static str,
    /// `target {0}`: its year.
    pub l_target: &'static str,
    pub l_budget: &'static str,
    pub l_evidence: &'static str,
    pub l_milestones: &'static str,
    pub l_targets: &'static str,
    pub l_budgets: &'static str,
    pub l_evidences: &'static str,
    /// `{0} added: {1}` / `{0} removed: {1}`: the item and what it held.
    pub l_added: &'static str,
    pub l_removed: &'static str,
    /// `{0} reordered`: milestones or targets, the same ones in a new order.
    pub l_reordered: &'static str,
    pub l_done: &'static str,
    pub l_due: &'static str,
    pub l_title: &'static str,
    pub l_year: &'static str,
    pub l_indicator: &'static str,
    pub l_baseline: &'static str,
    pub l_goal: &'static str,
    pub l_actual: &'static str,
    pub l_yes: &'static str,
    pub l_no: &'static str,
    /// An empty value.
    pub l_none: &'static str,
    /// Before the login of an entry no one can check (the old log).
    pub l_unverified: &'static str,
    /// What does not check out in the journals. `{0}` a journal's login,
    /// `{1}`, `{2}`… as each says; after `|`, the fix (doctor shows it).
    pub j_link: &'static str,
    pub j_not_regular: &'static str,
    /// `{1}`: the login that owns the file.
    pub j_owner: &'static str,
    /// `{1}`: the mode; `{2}`: the journal's path.
    pub j_writable: &'static str,
    /// `{1}`: the line number.
    pub j_unreadable: &'static str,
    /// `{1}`: the entry's number.
    pub j_chain: &'static str,
    /// `{1}`: the entry's number; `{2}`: the login it names.
    pub j_claims: &'static str,
    /// `{1}`: the entry seen; `{2}`: where it ends now; `{3}`: who saw it.
    pub j_cut: &'static str,
    /// `{1}`: the entry; `{2}`: who saw it.
    pub j_rewritten: &'static str,
    /// `{1}`: the entries seen; `{2}`: who saw them.
    pub j_missing: &'static str,
    /// `{0}`: the journals' folder.
    pub j_folder: &'static str,
    /// `{1}`: the entries this reader saw at its last reading.
    pub j_gone_read: &'static str,
    /// `{1}`: the entry this reader saw last; `{2}`: where it ends now.
    pub j_cut_read: &'static str,
    /// `{1}`: the entry this reader saw as the newest.
    pub j_rewritten_read: &'static str,
    /// `{0}`: the number of entries; `{1}`: the old log.
    pub j_old_log: &'static str,
    /// `{0}`: the journals' folder; `{1}`: its owner.
    pub j_folder_owner: &'static str,
    /// `{0}`: the journals' folder; `{1}`: its mode.
    pub j_folder_mode: &'static str,
    /// `pantau log` after the entries when a journal does not check out.
    pub j_told: &'static str,
}

/// How long a value may be before it is cut.
const MAX_VALUE: usize = 60;

impl Text {
    /// `field: old -> new` as logged, in words; for milestones and targets,
    /// each change inside, joined by `; `.
    pub fn logged_change(&self, field: &str, old: &str, new: &str) -> String {
        let changes: Vec<String> = crate::plan::change::read(field, old, new)
            .iter()
            .map(|c| self.change(c))
            .collect();
        changes.join("; ")
    }

    /// One change in words: `milestone 3 done: no -> yes`, `budget 2 added:
    /// …`, `evidence reordered`; every logged text escaped.
    pub fn change(&self, change: &Change) -> String {
        let l = &self.log;
        match *change {
            Change::Set { what, old, new } => fill(
                l.l_change,
                &[&self.what(what), &self.logged(old), &self.logged(new)],
            ),
            Change::Added { item, text } => {
                fill(l.l_added, &[&self.which(item), &self.logged(text)])
            }
            Change::Removed { item, text } => {
                fill(l.l_removed, &[&self.which(item), &self.logged(text)])
            }
            Change::Reordered(item) => fill(l.l_reordered, &[&self.list(item)]),
        }
    }

    fn what(&self, what: What) -> String {
        let l = &self.log;
        match what {
            What::Field(name) => escape(name).into_owned(),
            What::ItemField(item, field) => {
                let lang = self.lang;
                let name = field.label(lang);
                format!("{} {}", self.which(item), lowercase_first(name))
            }
            What::Part(item, part) => {
                let name = match part {
                    Part::Done => l.l_done,
                    Part::Due => l.l_due,
                    Part::Title => l.l_title,
                    Part::Year => l.l_year,
                    Part::Indicator => l.l_indicator,
                    Part::Baseline => l.l_baseline,
                    Part::Goal => l.l_goal,
                    Part::Actual => l.l_actual,
                };
                format!("{} {name}", self.which(item))
            }
        }
    }

    /// `milestone 3`, `target 2024`.
    fn which(&self, which: Which) -> String {
        let l = &self.log;
        match which {
            Which::Number(item, number) => {
                let one = match item {
                    Item::Milestone => l.l_milestone,
                    Item::Target => l.l_target,
                    Item::Budget => l.l_budget,
                    Item::Evidence => l.l_evidence,
                    Item::Period | Item::BudgetChange | Item::SubActivity => {
                        item.fiscal_logged(self.lang).unwrap_or_default().0
                    }
                    Item::FollowUp => self.lang.followups().numbered,
                };
                fill(one, &[&number])
            }
            Which::TargetOfYear(year) => fill(l.l_target, &[&escape(year)]),
        }
    }

    /// A list by name: `milestones`.
    fn list(&self, item: Item) -> &'static str {
        let l = &self.log;
        match item {
            Item::Milestone => l.l_milestones,
            Item::Target => l.l_targets,
            Item::Budget => l.l_budgets,
            Item::Evidence => l.l_evidences,
            Item::Period | Item::BudgetChange | Item::SubActivity => {
                item.fiscal_logged(self.lang).unwrap_or_default().1
            }
            Item::FollowUp => self.lang.followups().list,
        }
    }

    /// A value as the log shows it: in words where its kind has them, cut
    /// when long; a whole item of an old list whole.
    fn logged(&self, value: Value) -> String {
        let l = &self.log;
        let cut = |s: &str| fit(&escape(s), MAX_VALUE, "…");
        match value {
            Value::Of(kind, v) => cut(&self.value(kind, v)),
            Value::Text(v) => cut(v),
            Value::Whole(v) => escape(v).into_owned(),
            Value::Done(true) => l.l_yes.to_string(),
            Value::Done(false) => l.l_no.to_string(),
            Value::Nothing => l.l_none.to_string(),
        }
    }
}

/// "Done" → "done", "Pagu (Rp)" → "pagu (Rp)": a label inside a sentence.
fn lowercase_first(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use crate::i18n::{EN, ID, Text};
    use crate::plan::model::Horizon;

    fn describe(field: &str, old: &str, new: &str, t: &Text) -> String {
        t.logged_change(field, old, new)
    }

    const M: &str =
        "[x] 2022-12-15 Kajian; [ ] 2023-03-31 Peluncuran; [ ] 2023-09-30 Integrasi; OPD";

    #[test]
    fn a_ticked_milestone_is_named_by_place_with_the_change_in_words() {
        let new = M.replace("[ ] 2023-09-30", "[x] 2023-09-30");
        assert_eq!(
            describe("milestones", M, &new, &EN),
            "milestone 3 done: no -> yes"
        );
        assert_eq!(
            describe("milestones", M, &new, &ID),
            "tahapan 3 selesai: tidak -> ya"
        );
    }

    #[test]
    fn a_target_actual_is_named_by_year() {
        let old = "2023 Layanan: 4 -> 40 (actual -); 2024 Layanan; daring: 4 -> 40 (actual 9)";
        let new = "2023 Layanan: 4 -> 40 (actual -); 2024 Layanan; daring: 4 -> 40 (actual 12)";
        assert_eq!(
            describe("targets", old, new, &EN),
            "target 2024 actual: 9 -> 12"
        );
        let none = "2023 Layanan: 4 -> 40 (actual 5); 2024 Layanan; daring: 4 -> 40 (actual 9)";
        assert_eq!(
            describe("targets", old, none, &EN),
            "target 2023 actual: (none) -> 5"
        );
    }

    #[test]
    fn added_removed_and_reordered_items_say_so() {
        let added = format!("{M}; [ ] 2024-01-31 Baru");
        assert_eq!(
            describe("milestones", M, &added, &EN),
            "milestone 4 added: [ ] 2024-01-31 Baru"
        );
        assert_eq!(
            describe("milestones", &added, M, &EN),
            "milestone 4 removed: [ ] 2024-01-31 Baru"
        );
        let swapped =
            "[ ] 2023-03-31 Peluncuran; [x] 2022-12-15 Kajian; [ ] 2023-09-30 Integrasi; OPD";
        assert_eq!(
            describe("milestones", M, swapped, &EN),
            "milestones reordered"
        );
        // A tick and an addition at once: both.
        let both = format!(
            "{}; [ ] 2024-01-31 Baru",
            M.replace("[ ] 2023-03-31", "[x] 2023-03-31")
        );
        assert_eq!(
            describe("milestones", M, &both, &EN),
            "milestone 2 done: no -> yes; milestone 4 added: [ ] 2024-01-31 Baru"
        );
        assert_eq!(
            describe("milestones", "", "[ ] 2024-01-31 Baru", &EN),
            "milestone 1 added: [ ] 2024-01-31 Baru"
        );
    }

    #[test]
    fn item_paths_read_as_sentences_with_the_registry_labels() {
        assert_eq!(
            describe("milestone.3.done", "false", "true", &EN),
            "milestone 3 done: no -> yes"
        );
        assert_eq!(
            describe("milestone.3.done", "false", "true", &ID),
            "tahapan 3 selesai: tidak -> ya"
        );
        assert_eq!(
            describe("budget.1.spent", "none", "750000000", &ID),
            "anggaran 1 realisasi (Rp): (kosong) -> 750.000.000"
        );
        assert_eq!(
            describe("target.1.actual", "36.5", "36500", &ID),
            "target 1 realisasi: 36,5 -> 36.500",
            "figures as the language writes them"
        );
        assert_eq!(
            describe("target.1.actual", "36.5", "36500", &EN),
            "target 1 actual: 36.5 -> 36,500"
        );
        assert_eq!(
            describe("evidence.2.state", "Draft", "Ready", &EN),
            "evidence 2 state: Draft -> Ready"
        );
        assert_eq!(
            describe("target.2", "(none)", "2027 X: - -> 5 (actual -)", &EN),
            "target 2 added: 2027 X: - -> 5 (actual -)"
        );
        assert_eq!(
            describe("milestone.1", "[ ] 2024-01-31 Baru", "(deleted)", &EN),
            "milestone 1 removed: [ ] 2024-01-31 Baru"
        );
        assert_eq!(
            describe("evidence.order", "", "", &EN),
            "evidence reordered"
        );
    }

    #[test]
    fn statuses_and_horizons_are_words_and_other_values_as_logged() {
        assert_eq!(
            describe("status", "InProgress", "Done", &EN),
            "status: In progress -> Done"
        );
        assert_eq!(
            describe("horizon", "QuickWin", "Medium", &EN),
            format!(
                "horizon: {} -> {}",
                EN.horizon(Horizon::QuickWin),
                EN.horizon(Horizon::Medium)
            )
        );
        assert_eq!(
            describe("lead", "", "Dinas \u{1b}Kominfo", &EN),
            "lead: (none) -> Dinas \\u{1b}Kominfo"
        );
        // A list that does not parse (a hand edit of the log) is shown as it was.
        assert_eq!(
            describe("targets", "odd", "odder", &EN),
            "targets: odd -> odder"
        );
    }
}
