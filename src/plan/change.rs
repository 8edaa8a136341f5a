//! One logged change read back as values, for `pantau log` and the detail's
//! recent changes (the strings put it in words: `i18n::log`): statuses and
//! horizons as values of their kind, and for the milestone and target lists
//! (logged whole, as [`super::merge::Part::show`] writes them) only what
//! changed inside: milestone 3's done, no to yes; target 2024's actual, 9 to
//! 12. Derived from the two logged texts, so every log ever written reads
//! this way; a text that does not parse is a plain change of the field.

use crate::plan::field::{
    BudgetChangeField, BudgetField, EvidenceField, FollowUpField, Item, MilestoneField,
    PeriodField, ProgramField, SubActivityField, TargetField,
};
use crate::plan::schema::Kind;

/// One change as the log has it: what changed and its values, no words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change<'a> {
    /// `what` went from `old` to `new`.
    Set {
        what: What<'a>,
        old: Value<'a>,
        new: Value<'a>,
    },
    /// An item added, holding `text`.
    Added {
        item: Which<'a>,
        text: Value<'a>,
    },
    Removed {
        item: Which<'a>,
        text: Value<'a>,
    },
    /// The same items of a list, in another order.
    Reordered(Item),
}

/// Which item of a list a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which<'a> {
    /// By its place in the list, counting from 1.
    Number(Item, usize),
    /// A target of a list logged whole, by its year as logged.
    TargetOfYear(&'a str),
}

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What<'a> {
    /// A field by the name the log gives it: a programme's, or one this
    /// pantau does not know.
    Field(&'a str),
    /// A field of a list's item, as pantau logs it now (`milestone.3.done`).
    ItemField(Which<'a>, ItemField),
    /// A part of an item in a list logged whole.
    Part(Which<'a>, Part),
}

/// A field of one of a programme's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemField {
    Milestone(MilestoneField),
    Target(TargetField),
    Budget(BudgetField),
    Evidence(EvidenceField),
    Period(PeriodField),
    BudgetChange(BudgetChangeField),
    SubActivity(SubActivityField),
    FollowUp(FollowUpField),
}

impl ItemField {
    pub fn kind(self) -> Kind {
        match self {
            ItemField::Milestone(f) => f.kind(),
            ItemField::Target(f) => f.kind(),
            ItemField::Budget(f) => f.kind(),
            ItemField::Evidence(f) => f.kind(),
            ItemField::Period(f) => f.kind(),
            ItemField::BudgetChange(f) => f.kind(),
            ItemField::SubActivity(f) => f.kind(),
            ItemField::FollowUp(f) => f.kind(),
        }
    }
}

/// A value before or after a change, as logged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value<'a> {
    /// A value of `kind` as the registry writes it (`InProgress`, `true`, `none`).
    Of(Kind, &'a str),
    /// A part of a logged item, or an item pantau logs now, as written.
    Text(&'a str),
    /// A whole item of a list logged whole, as written.
    Whole(&'a str),
    /// Whether a milestone was done.
    Done(bool),
    /// An empty part.
    Nothing,
}

/// `field` changed from `old` to `new`: each change inside for milestones
/// and targets, one change otherwise.
pub fn read<'a>(field: &'a str, old: &'a str, new: &'a str) -> Vec<Change<'a>> {
    if let Some(change) = item_change(field, old, new) {
        return vec![change];
    }
    let inner = match field {
        "milestones" => milestones(old).zip(milestones(new)),
        "targets" => targets(old).zip(targets(new)),
        _ => None,
    };
    if let Some((before, after)) = inner {
        let list = if field == "milestones" {
            Item::Milestone
        } else {
            Item::Target
        };
        let changes = diff(&before, &after, list);
        if !changes.is_empty() {
            return changes;
        }
    }
    let kind = ProgramField::from_name(field).map_or(Kind::Line, ProgramField::kind);
    vec![Change::Set {
        what: What::Field(field),
        old: Value::Of(kind, old),
        new: Value::Of(kind, new),
    }]
}

/// A change inside a list as pantau logs it now, by registry path
/// (`milestone.3.done`, `budget.2`, `evidence.order`). `None` for any other
/// field.
fn item_change<'a>(field: &'a str, old: &'a str, new: &'a str) -> Option<Change<'a>> {
    let mut parts = field.splitn(3, '.');
    let head = parts.next()?;
    let item = Item::ALL.into_iter().find(|i| i.name() == head)?;
    let (number, sub) = (parts.next()?, parts.next());
    if number == "order" {
        return Some(Change::Reordered(item));
    }
    let which = Which::Number(item, number.parse().ok()?);
    let Some(sub) = sub else {
        return Some(match (old, new) {
            ("(none)", added) => Change::Added {
                item: which,
                text: Value::Text(added),
            },
            (removed, _) => Change::Removed {
                item: which,
                text: Value::Text(removed),
            },
        });
    };
    let field = match item {
        Item::Milestone => MilestoneField::from_name(sub).map(ItemField::Milestone),
        Item::Target => TargetField::from_name(sub).map(ItemField::Target),
        Item::Budget => BudgetField::from_name(sub).map(ItemField::Budget),
        Item::Evidence => EvidenceField::from_name(sub).map(ItemField::Evidence),
        Item::Period => PeriodField::from_name(sub).map(ItemField::Period),
        Item::BudgetChange => BudgetChangeField::from_name(sub).map(ItemField::BudgetChange),
        Item::SubActivity => SubActivityField::from_name(sub).map(ItemField::SubActivity),
        Item::FollowUp => FollowUpField::from_name(sub).map(ItemField::FollowUp),
    }?;
    let kind = field.kind();
    Some(Change::Set {
        what: What::ItemField(which, field),
        old: Value::Of(kind, old),
        new: Value::Of(kind, new),
    })
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

/// A part of a milestone or target in the lists pantau 0.1 logged whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
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

/// What changed between two logged lists.
fn diff<'a>(before: &[Logged<'a>], after: &[Logged<'a>], list: Item) -> Vec<Change<'a>> {
    let mut old_texts: Vec<&str> = before.iter().map(|i| i.text).collect();
    let mut new_texts: Vec<&str> = after.iter().map(|i| i.text).collect();
    if old_texts != new_texts && {
        old_texts.sort_unstable();
        new_texts.sort_unstable();
        old_texts == new_texts
    } {
        return vec![Change::Reordered(list)];
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
    let which = |item: &Logged<'a>, at: usize| {
        if item.milestone {
            Which::Number(Item::Milestone, at + 1)
        } else {
            Which::TargetOfYear(item.year)
        }
    };
    let value = |part: Part, value: &'a str| match part {
        Part::Done => Value::Done(!value.is_empty()),
        _ if value.is_empty() || value == "-" => Value::Nothing,
        _ => Value::Text(value),
    };
    let mut out = Vec::new();
    for (o, item) in before.iter().enumerate() {
        if !taken[o] {
            out.push(Change::Removed {
                item: which(item, o),
                text: Value::Whole(item.text),
            });
        }
    }
    for (n, new) in after.iter().enumerate() {
        let Some(o) = pair[n] else {
            out.push(Change::Added {
                item: which(new, n),
                text: Value::Whole(new.text),
            });
            continue;
        };
        let old = &before[o];
        for (&(part, was), &(_, now)) in old.parts.iter().zip(&new.parts) {
            if was != now {
                out.push(Change::Set {
                    what: What::Part(which(new, n), part),
                    old: value(part, was),
                    new: value(part, now),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: &str =
        "[x] 2022-12-15 Kajian; [ ] 2023-03-31 Peluncuran; [ ] 2023-09-30 Integrasi; OPD";

    #[test]
    fn a_ticked_milestone_is_found_by_its_place_in_the_logged_list() {
        let new = M.replace("[ ] 2023-09-30", "[x] 2023-09-30");
        assert_eq!(
            read("milestones", M, &new),
            [Change::Set {
                what: What::Part(Which::Number(Item::Milestone, 3), Part::Done),
                old: Value::Done(false),
                new: Value::Done(true),
            }]
        );
    }

    #[test]
    fn an_item_path_names_the_item_and_its_field() {
        assert_eq!(
            read("budget.1.spent", "none", "750000000"),
            [Change::Set {
                what: What::ItemField(
                    Which::Number(Item::Budget, 1),
                    ItemField::Budget(BudgetField::Spent)
                ),
                old: Value::Of(Kind::Number, "none"),
                new: Value::Of(Kind::Number, "750000000"),
            }]
        );
        assert_eq!(
            read("evidence.order", "", ""),
            [Change::Reordered(Item::Evidence)]
        );
    }
}
