//! A conflict: the same field of the same item changed two different ways,
//! and what it is about (the strings put it to the officer: `i18n::merge`).

use super::*;

/// Whether an audit-log entry's field is one [`Conflict::log_key`] names: the
/// field itself, or for a list (`milestone`) any of its items
/// (`milestone.3.done`, `milestone.4`) and the whole list as pantau 0.1
/// logged it (`milestones`).
pub fn logged_under(entry_field: &str, key: &str) -> bool {
    entry_field == key
        || entry_field
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('.') || rest == "s")
}

/// Who made a change and when, as the audit log has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub who: String,
    pub when: String,
}

/// The item a conflict is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The plan's header, its comment, the order of its programmes or dimensions.
    Plan,
    Dimension {
        id: String,
        name: String,
    },
    Program {
        id: String,
        name: String,
    },
    /// `number` counts from 1, in the common base (or on the side that added it).
    Milestone {
        program: String,
        number: usize,
        title: String,
    },
    Target {
        program: String,
        number: usize,
        year: i32,
        indicator: String,
    },
    Budget {
        program: String,
        number: usize,
        year: i32,
    },
    Evidence {
        program: String,
        number: usize,
        name: String,
    },
    /// A quarter's or a month's report, by its name (`2026 TW 3`, `2026-08`).
    Period {
        program: String,
        number: usize,
        year: i32,
        quarter: Option<u8>,
        month: Option<u8>,
    },
    BudgetChange {
        program: String,
        number: usize,
        date: String,
    },
    SubActivity {
        program: String,
        number: usize,
        code: String,
    },
    /// A follow-up, by its id; `program` empty for one of the plan's own.
    FollowUp {
        program: String,
        number: usize,
        id: String,
    },
}

/// Which list an order conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Programs,
    Dimensions,
    Milestones,
    Targets,
    Budget,
    Evidence,
    Periods,
    BudgetChanges,
    SubActivities,
    FollowUps,
}

impl List {
    /// The name a programme's list goes by in the log (`milestone`), for
    /// the lists inside a programme.
    pub fn item_name(self) -> Option<&'static str> {
        match self {
            List::Milestones => Some("milestone"),
            List::Targets => Some("target"),
            List::Budget => Some("budget"),
            List::Evidence => Some("evidence"),
            List::Periods => Some("period"),
            List::BudgetChanges => Some("budget_change"),
            List::SubActivities => Some("subactivity"),
            List::FollowUps => Some("followup"),
            List::Programs | List::Dimensions => None,
        }
    }
}

/// What of the item both sides changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Header(HeaderField),
    Dimension(DimensionField),
    Program(ProgramField),
    Milestone(MilestoneField),
    Target(TargetField),
    Budget(BudgetField),
    Evidence(EvidenceField),
    Period(PeriodField),
    BudgetChange(BudgetChangeField),
    SubActivity(SubActivityField),
    FollowUp(FollowUpField),
    /// The item itself: one side deleted it, the other changed it.
    Presence,
    /// Both sides put the same items in different orders.
    Order(List),
    /// A programme's list, its items added, removed or changed (only what a
    /// deleted-versus-changed question says the other side changed).
    List(List),
    /// The comment lines at the top of the file.
    Comment,
    /// The plan's evaluation section, as one field.
    Evaluation,
}

/// The same field of the same item, changed two different ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub subject: Subject,
    pub field: Field,
    /// The values as the registry writes them (`NotStarted`, `true`);
    /// `None` where that side deleted the item.
    pub mine: Option<String>,
    pub theirs: Option<String>,
    /// Who made their change and when, when the audit log says (filled in by
    /// the store, which reads the log).
    pub by: Option<Author>,
    /// For a deleted-versus-changed question (`Field::Presence`): the
    /// fields the side that kept the item changed in it since the base.
    pub changed: Vec<Field>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
}

impl Conflict {
    /// The programme the conflict is inside, if any.
    pub fn program(&self) -> Option<&str> {
        match &self.subject {
            Subject::Program { id, .. } => Some(id),
            Subject::Milestone { program, .. }
            | Subject::Target { program, .. }
            | Subject::Budget { program, .. }
            | Subject::Evidence { program, .. }
            | Subject::Period { program, .. }
            | Subject::BudgetChange { program, .. }
            | Subject::SubActivity { program, .. } => Some(program),
            Subject::FollowUp { program, .. } if !program.is_empty() => Some(program),
            Subject::Plan | Subject::Dimension { .. } | Subject::FollowUp { .. } => None,
        }
    }

    /// Whether `other` asks the same question (another run of the same merge)
    /// with the same values: an answer given to a question whose other side
    /// has changed since (a third save meanwhile) does not carry over, so it
    /// is asked again with what the file holds now.
    pub fn same_question(&self, other: &Conflict) -> bool {
        self.subject == other.subject
            && self.field == other.field
            && self.mine == other.mine
            && self.theirs == other.theirs
            && self.changed == other.changed
    }

    /// The subject and field under which the audit log records a change of
    /// this kind, to find who made it; `None` for what the log does not keep.
    /// A list item's key is its list (`milestone`): see [`logged_under`].
    pub fn log_key(&self) -> Option<(String, &'static str)> {
        let program_list = |program: &str, list: &'static str| Some((program.to_string(), list));
        match (&self.subject, self.field) {
            (Subject::Plan, Field::Header(f)) => Some(("plan".to_string(), f.name())),
            (Subject::Dimension { id, .. }, Field::Dimension(f)) => {
                Some((format!("dimension:{id}"), f.name()))
            }
            (Subject::Program { id, .. }, Field::Program(f)) => Some((id.clone(), f.name())),
            (Subject::Program { id, .. }, Field::Presence) => Some((id.clone(), "(program)")),
            // A programme's list reordered is logged as `milestone.order`.
            (Subject::Program { id, .. }, Field::Order(list)) => {
                list.item_name().map(|name| (id.clone(), name))
            }
            (Subject::Milestone { program, .. }, _) => program_list(program, "milestone"),
            (Subject::Target { program, .. }, _) => program_list(program, "target"),
            (Subject::Budget { program, .. }, _) => program_list(program, "budget"),
            (Subject::Evidence { program, .. }, _) => program_list(program, "evidence"),
            (Subject::Period { program, .. }, _) => program_list(program, "period"),
            (Subject::BudgetChange { program, .. }, _) => program_list(program, "budget_change"),
            (Subject::SubActivity { program, .. }, _) => program_list(program, "subactivity"),
            (Subject::FollowUp { program, .. }, _) if program.is_empty() => {
                Some(("plan".to_string(), "followup"))
            }
            (Subject::FollowUp { program, .. }, _) => program_list(program, "followup"),
            _ => None,
        }
    }
}
