//! One logged change in words, for `pantau log` and the detail's recent
//! changes: statuses and horizons as the views name them, and for the
//! milestone and target lists (logged whole, as [`super::merge::Part::show`]
//! writes them) only what changed inside: `milestone 3 done: no -> yes`,
//! `target 2024 actual: 9 -> 12`. Derived from the two logged texts, so
//! every log ever written reads this way; a text that does not parse is
//! shown as it was logged.

use crate::i18n::{Text, fill};
use crate::plan::field::{
    BudgetField, EvidenceField, Item, MilestoneField, ProgramField, TargetField,
};
use crate::plan::schema::Kind;

/// How long a plain value may be before it is cut.
const MAX_VALUE: usize = 60;

/// `field: old -> new` in words; for milestones and targets, each change inside.
pub fn describe(field: &str, old: &str, new: &str, t: &Text) -> String {
    let esc = |s: &str| crate::text::escape(s).into_owned();
    let kind = ProgramField::from_name(field).map_or(Kind::Line, ProgramField::kind);
    let plain = |value: &str| crate::text::fit(&esc(&t.value(kind, value)), MAX_VALUE, "…");
    if let Some(words) = item_change(field, old, new, t) {
        return words;
    }
    let inner = match field {
        "milestones" => milestones(old).zip(milestones(new)),
        "targets" => targets(old).zip(targets(new)),
        _ => None,
    };
    if let Some((before, after)) = inner {
        let list = if field == "milestones" {
            t.log.l_milestones
        } else {
            t.log.l_targets
        };
        let changes = diff(&before, &after, list, t);
        if !changes.is_empty() {
            return changes.join("; ");
        }
    }
    fill(t.log.l_change, &[&esc(field), &plain(old), &plain(new)])
}

/// A change inside a list as pantau logs it now, by registry path
/// (`milestone.3.done`, `budget.2`, `evidence.order`): `milestone 3 done:
/// no -> yes`, `budget 2 added: …`, `evidence reordered`. `None` for any
/// other field.
fn item_change(field: &str, old: &str, new: &str, t: &Text) -> Option<String> {
    let l = &t.log;
    let mut parts = field.splitn(3, '.');
    let head = parts.next()?;
    let item = Item::ALL.into_iter().find(|i| i.name() == head)?;
    let (number, sub) = (parts.next()?, parts.next());
    let esc = |s: &str| crate::text::fit(&crate::text::escape(s), MAX_VALUE, "…");
    let (one, all) = match item {
        Item::Milestone => (l.l_milestone, l.l_milestones),
        Item::Target => (l.l_target, l.l_targets),
        Item::Budget => (l.l_budget, l.l_budgets),
        Item::Evidence => (l.l_evidence, l.l_evidences),
    };
    if number == "order" {
        return Some(fill(l.l_reordered, &[&all]));
    }
    let number: usize = number.parse().ok()?;
    let label = fill(one, &[&number]);
    let Some(sub) = sub else {
        return Some(match (old, new) {
            ("(none)", added) => fill(l.l_added, &[&label, &esc(added)]),
            (removed, _) => fill(l.l_removed, &[&label, &esc(removed)]),
        });
    };
    let lang = t.lang;
    let (name, kind) = match item {
        Item::Milestone => MilestoneField::from_name(sub).map(|f| (f.label(lang), f.kind())),
        Item::Target => TargetField::from_name(sub).map(|f| (f.label(lang), f.kind())),
        Item::Budget => BudgetField::from_name(sub).map(|f| (f.label(lang), f.kind())),
        Item::Evidence => EvidenceField::from_name(sub).map(|f| (f.label(lang), f.kind())),
    }?;
    let word = |value: &str| esc(&t.value(kind, value));
    let what = format!("{label} {}", lowercase_first(name));
    Some(fill(l.l_change, &[&what, &word(old), &word(new)]))
}

/// "Done" → "done", "Pagu (Rp)" → "pagu (Rp)": a label inside a sentence.
fn lowercase_first(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// One milestone or target as logged: its whole text, what identifies it
/// across a change, and its parts.
#[derive(Debug)]
struct Logged<'a> {
    text: &'a str,
    milestone: bool,
    /// Title (milestones) or indicator (targets).
    name: &'a str,
    year: &'a str,
    parts: Vec<(Part, &'a str)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Done,
    Due,
    Title,
    Year,
    Indicator,
    Baseline,
    Goal,
    Actual,
}

/// Splits a logged list at each `"; "` where `cut(item so far, rest)`: a
/// `;` inside a title stays in it.
fn split(list: &str, cut: impl Fn(&str, &str) -> bool) -> Vec<&str> {
    if list.is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut from = 0;
    for (at, _) in list.match_indices("; ") {
        if at >= from && cut(&list[from..at], &list[at + 2..]) {
            items.push(&list[from..at]);
            from = at + 2;
        }
    }
    items.push(&list[from..]);
    items
}

/// `[x] 2023-03-31 Title; [ ] 2024-06-28 Other`.
fn milestones(list: &str) -> Option<Vec<Logged<'_>>> {
    let starts = |s: &str| s.starts_with("[x] ") || s.starts_with("[ ] ");
    split(list, |_, rest| starts(rest))
        .into_iter()
        .map(|text| {
            let done = text.starts_with("[x] ");
            if !starts(text) {
                return None;
            }
            let (due, title) = text[4..].split_once(' ').unwrap_or((&text[4..], ""));
            Some(Logged {
                text,
                milestone: true,
                name: title,
                year: "",
                parts: vec![
                    (Part::Done, if done { "x" } else { "" }),
                    (Part::Due, due),
                    (Part::Title, title),
                ],
            })
        })
        .collect()
}

/// `2027 Indicator: 4 -> 40 (actual -); 2028 …`.
fn targets(list: &str) -> Option<Vec<Logged<'_>>> {
    // A target's text ends with `)` and the next starts with its year.
    let cut = |item: &str, rest: &str| {
        item.ends_with(')') && rest.starts_with(|c: char| c.is_ascii_digit() || c == '-')
    };
    split(list, cut)
        .into_iter()
        .map(|text| {
            let (head, actual) = text.strip_suffix(')')?.rsplit_once(" (actual ")?;
            let (head, goal) = head.rsplit_once(" -> ")?;
            let (head, baseline) = head.rsplit_once(": ")?;
            let (year, indicator) = head.split_once(' ')?;
            Some(Logged {
                text,
                milestone: false,
                name: indicator,
                year,
                parts: vec![
                    (Part::Year, year),
                    (Part::Indicator, indicator),
                    (Part::Baseline, baseline),
                    (Part::Goal, goal),
                    (Part::Actual, actual),
                ],
            })
        })
        .collect()
}

/// What changed between two logged lists, each change in words.
fn diff(before: &[Logged], after: &[Logged], list: &str, t: &Text) -> Vec<String> {
    let l = &t.log;
    let mut old_texts: Vec<&str> = before.iter().map(|i| i.text).collect();
    let mut new_texts: Vec<&str> = after.iter().map(|i| i.text).collect();
    if old_texts != new_texts && {
        old_texts.sort_unstable();
        new_texts.sort_unstable();
        old_texts == new_texts
    } {
        return vec![fill(l.l_reordered, &[&list])];
    }
    // Pair the items: the same text, then the same name, then by place.
    let mut pair: Vec<Option<usize>> = vec![None; after.len()];
    let mut taken = vec![false; before.len()];
    type Same = dyn Fn(&Logged, &Logged) -> bool;
    let rules: [&Same; 2] = [&|a, b| a.text == b.text, &|a, b| a.name == b.name];
    for same in rules {
        for (n, new) in after.iter().enumerate() {
            if pair[n].is_some() {
                continue;
            }
            if let Some(o) = (0..before.len()).find(|&o| !taken[o] && same(&before[o], new)) {
                pair[n] = Some(o);
                taken[o] = true;
            }
        }
    }
    let unpaired_old: Vec<usize> = (0..before.len()).filter(|&o| !taken[o]).collect();
    let mut unpaired_old = unpaired_old.into_iter();
    for slot in pair.iter_mut().filter(|p| p.is_none()) {
        match unpaired_old.next() {
            Some(o) => {
                *slot = Some(o);
                taken[o] = true;
            }
            None => break,
        }
    }
    let label = |item: &Logged, at: usize| {
        if item.milestone {
            fill(l.l_milestone, &[&(at + 1)])
        } else {
            fill(l.l_target, &[&crate::text::escape(item.year)])
        }
    };
    let word = |part: Part, value: &str| -> String {
        match part {
            Part::Done => if value.is_empty() { l.l_no } else { l.l_yes }.to_string(),
            _ if value.is_empty() || value == "-" => l.l_none.to_string(),
            _ => crate::text::fit(&crate::text::escape(value), MAX_VALUE, "…"),
        }
    };
    let name = |part: Part| match part {
        Part::Done => l.l_done,
        Part::Due => l.l_due,
        Part::Title => l.l_title,
        Part::Year => l.l_year,
        Part::Indicator => l.l_indicator,
        Part::Baseline => l.l_baseline,
        Part::Goal => l.l_goal,
        Part::Actual => l.l_actual,
    };
    let mut out = Vec::new();
    for (o, item) in before.iter().enumerate() {
        if !taken[o] {
            let text = crate::text::escape(item.text);
            out.push(fill(l.l_removed, &[&label(item, o), &text]));
        }
    }
    for (n, new) in after.iter().enumerate() {
        let Some(o) = pair[n] else {
            let text = crate::text::escape(new.text);
            out.push(fill(l.l_added, &[&label(new, n), &text]));
            continue;
        };
        let old = &before[o];
        for (&(part, was), &(_, now)) in old.parts.iter().zip(&new.parts) {
            if was != now {
                let what = format!("{} {}", label(new, n), name(part));
                out.push(fill(
                    l.l_change,
                    &[&what, &word(part, was), &word(part, now)],
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, ID};
    use crate::plan::model::Horizon;

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
            "anggaran 1 realisasi (Rp): (kosong) -> 750000000"
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
