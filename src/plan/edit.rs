//! Changes to a plan as values: applied, inverted, undone and redone.
//!
//! Every change, from a status key to a whole form, is one `Edit` holding the
//! before and after of what it touched (a program, a dimension, the header),
//! so undo is exact and unlimited without copying a 10,000-program plan.

use crate::plan::model::{Dimension, Period, Plan, Program};

/// The plan's own fields, edited together in the header form.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub region: String,
    pub title: String,
    pub vision: String,
    pub period: Period,
}

impl Header {
    pub fn of(plan: &Plan) -> Header {
        Header {
            region: plan.region.clone(),
            title: plan.title.clone(),
            vision: plan.vision.clone(),
            period: plan.period,
        }
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
    /// Move the program at `from` so that it ends up at `to`.
    Move {
        from: usize,
        to: usize,
    },
    Dimension {
        index: usize,
        before: Dimension,
        after: Dimension,
    },
    Header {
        before: Header,
        after: Header,
    },
    /// The whole plan at once: a merge with another officer's save, or
    /// restored edits. Rare, so the two copies are affordable.
    Whole {
        before: Box<Plan>,
        after: Box<Plan>,
    },
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
            Edit::Move { from, to } => {
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
            Edit::Header { after, .. } => {
                plan.region = after.region.clone();
                plan.title = after.title.clone();
                plan.vision = after.vision.clone();
                plan.period = after.period;
            }
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
            Edit::Move { from, to } => Edit::Move { from: to, to: from },
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

    /// The program the edit is about, to select it after undo or redo.
    pub fn program_index(&self) -> Option<usize> {
        match self {
            Edit::Program { index, .. } => Some(*index),
            Edit::Move { to, .. } => Some(*to),
            _ => None,
        }
    }
}

/// Undo and redo stacks, and which state was last saved.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<(u64, Edit)>,
    undone: Vec<(u64, Edit)>,
    next_id: u64,
    /// The id of the newest applied edit when the file was last saved (0: none).
    saved: u64,
}

impl History {
    /// Applies `edit` to `plan` and records it; a new edit ends the redo chain.
    pub fn record(&mut self, plan: &mut Plan, edit: Edit) -> bool {
        if !edit.apply(plan) {
            return false;
        }
        self.push_applied(edit);
        true
    }

    /// Records an edit the caller has already applied (and checked).
    pub fn push_applied(&mut self, edit: Edit) {
        self.next_id += 1;
        self.done.push((self.next_id, edit));
        self.undone.clear();
    }

    pub fn undo(&mut self, plan: &mut Plan) -> Option<&Edit> {
        let (id, edit) = self.done.pop()?;
        edit.inverse().apply(plan);
        self.undone.push((id, edit));
        self.undone.last().map(|(_, e)| e)
    }

    pub fn redo(&mut self, plan: &mut Plan) -> Option<&Edit> {
        let (id, edit) = self.undone.pop()?;
        edit.apply(plan);
        self.done.push((id, edit));
        self.done.last().map(|(_, e)| e)
    }

    fn current(&self) -> u64 {
        self.done.last().map_or(0, |(id, _)| *id)
    }

    /// Whether the plan differs from what was last saved (or loaded). Undoing
    /// back to the saved state makes it unmodified again.
    pub fn is_modified(&self) -> bool {
        self.current() != self.saved
    }

    pub fn mark_saved(&mut self) {
        self.saved = self.current();
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// The edits that take the current plan back to the state last saved
    /// (or loaded), in the order to apply them: inverses of what was done
    /// since, or redos of what was undone past it. How the interface gets its
    /// merge base without keeping a second copy of the plan all session.
    pub fn to_saved(&self) -> Vec<Edit> {
        if self.saved == self.current() {
            return Vec::new();
        }
        // Saved further down the done stack (or before every edit): undo to it.
        if self.saved == 0 || self.done.iter().any(|(id, _)| *id == self.saved) {
            return self
                .done
                .iter()
                .rev()
                .take_while(|(id, _)| *id != self.saved)
                .map(|(_, edit)| edit.inverse())
                .collect();
        }
        // Saved, then undone past: redo up to it.
        let mut redo = Vec::new();
        for (id, edit) in self.undone.iter().rev() {
            redo.push(edit.clone());
            if *id == self.saved {
                return redo;
            }
        }
        // The saved state is no longer reachable (a new edit ended its redo
        // chain): the caller keeps an explicit base for that case.
        Vec::new()
    }

    /// Whether the saved state lies in the redo chain, which the next new
    /// edit ends: the caller must keep that state before it goes.
    pub fn saved_is_undone(&self) -> bool {
        self.saved != 0 && self.undone.iter().any(|(id, _)| *id == self.saved)
    }
}
