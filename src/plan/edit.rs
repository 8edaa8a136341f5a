//! Changes to a plan as values: applied, inverted, undone and redone.
//!
//! Every change, from a status key to a whole form, is one `Edit` holding the
//! before and after of what it touched (a program, a dimension, the header),
//! so undo is exact and unlimited without copying a 10,000-program plan.

use crate::plan::model::{Bands, Dimension, Period, Plan, Program};

/// The plan's own fields, edited together in the header form.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub region: String,
    pub code: String,
    pub province: String,
    pub title: String,
    pub vision: String,
    pub period: Period,
    pub bands: Bands,
}

impl Header {
    pub fn of(plan: &Plan) -> Header {
        Header {
            region: plan.region.clone(),
            code: plan.code.clone(),
            province: plan.province.clone(),
            title: plan.title.clone(),
            vision: plan.vision.clone(),
            period: plan.period,
            bands: plan.bands,
        }
    }

    /// Puts these fields into `plan`.
    pub fn apply(&self, plan: &mut Plan) {
        plan.region.clone_from(&self.region);
        plan.code.clone_from(&self.code);
        plan.province.clone_from(&self.province);
        plan.title.clone_from(&self.title);
        plan.vision.clone_from(&self.vision);
        plan.period = self.period;
        plan.bands = self.bands;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace (both), insert (no `before`) or remove (no `after`) the program at `index`.
    Program {
        index: usize,
        before: Option<Box<Program>>,
        after: Option<Box<Program>>,
    },
    /// Move the program at `from` (whose id is `id`) so that it ends up at `to`.
    Move { id: String, from: usize, to: usize },
    Dimension {
        index: usize,
        before: Dimension,
        after: Dimension,
    },
    /// Boxed: the header's texts would make every edit twice as large.
    Header {
        before: Box<Header>,
        after: Box<Header>,
    },
    /// The whole plan at once: a merge with another officer's save, or
    /// restored edits. Rare, so the two copies are affordable.
    Whole { before: Box<Plan>, after: Box<Plan> },
}

impl Edit {
    /// A replacement of program `index` by `after`.
    pub fn replace(plan: &Plan, index: usize, after: Program) -> Option<Edit> {
        let before = plan.programs.get(index)?.clone();
        (before != after).then_some(Edit::Program {
            index,
            before: Some(Box::new(before)),
            after: Some(Box::new(after)),
        })
    }

    /// Applies the edit. Returns false (and changes nothing) when it does not
    /// fit the plan, which would be a bug in whoever built it.
    pub fn apply(&self, plan: &mut Plan) -> bool {
        match self {
            Edit::Program {
                index,
                before,
                after,
            } => {
                let index = *index;
                match (before, after) {
                    (Some(_), Some(after)) if index < plan.programs.len() => {
                        plan.programs[index] = (**after).clone()
                    }
                    (None, Some(after)) if index <= plan.programs.len() => {
                        plan.programs.insert(index, (**after).clone())
                    }
                    (Some(_), None) if index < plan.programs.len() => {
                        plan.programs.remove(index);
                    }
                    _ => return false,
                }
            }
            Edit::Move { from, to, .. } => {
                let len = plan.programs.len();
                if *from >= len || *to >= len {
                    return false;
                }
                let program = plan.programs.remove(*from);
                plan.programs.insert(*to, program);
            }
            Edit::Dimension { index, after, .. } => match plan.dimensions.get_mut(*index) {
                Some(d) => *d = after.clone(),
                None => return false,
            },
            Edit::Whole { after, .. } => *plan = (**after).clone(),
            Edit::Header { after, .. } => after.apply(plan),
        }
        true
    }

    /// The edit that takes the plan back.
    pub fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::Program {
                index,
                before,
                after,
            } => Edit::Program {
                index,
                before: after,
                after: before,
            },
            Edit::Move { id, from, to } => Edit::Move {
                id,
                from: to,
                to: from,
            },
            Edit::Dimension {
                index,
                before,
                after,
            } => Edit::Dimension {
                index,
                before: after,
                after: before,
            },
            Edit::Header { before, after } => Edit::Header {
                before: after,
                after: before,
            },
            Edit::Whole { before, after } => Edit::Whole {
                before: after,
                after: before,
            },
        }
    }

    /// The same edit for a plan in which programme `from` is now `to` (a
    /// merge or reload renamed it): undo and redo then find it.
    pub fn follow(&mut self, from: &str, to: &str) {
        let rename = |id: &mut String| {
            if id == from {
                *id = to.to_string();
            }
        };
        match self {
            Edit::Program { before, after, .. } => {
                for p in [before, after].into_iter().flatten() {
                    rename(&mut p.id);
                }
            }
            Edit::Move { id, .. } => rename(id),
            // Rebased three ways, which matches a renamed programme itself.
            Edit::Dimension { .. } | Edit::Header { .. } | Edit::Whole { .. } => {}
        }
    }

    /// The program the edit is about, to select it after undo or redo.
    pub fn program_index(&self) -> Option<usize> {
        match self {
            Edit::Program { index, .. } => Some(*index),
            Edit::Move { to, .. } => Some(*to),
            _ => None,
        }
    }
}
