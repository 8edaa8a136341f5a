//! The officer's own undo history: their edits, undone and redone even
//! after another officer's save was merged in or the plan was reloaded.
//!
//! Edits are kept as recorded. Undo and redo [`rebase`] each one onto the
//! plan as it is now, so `u` takes back this officer's change and keeps
//! what others saved meanwhile; an edit that no longer applies (someone
//! changed the same field since) is dropped with the reason, never forced.

use crate::plan::edit::Edit;
use crate::plan::merge::{Conflict, rebase};
use crate::plan::model::Plan;

/// What an undo or redo did.
#[derive(Debug)]
pub enum Step {
    /// Nothing left to undo (or redo).
    Nothing,
    /// Applied: the edit as it fit the plan now.
    Applied(Edit),
    /// Not applied and dropped from the history: someone else has since
    /// changed what the edit touched (`conflicts`), or the result would not
    /// be a valid plan (`conflicts` empty).
    Dropped(Vec<Conflict>),
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

    /// Takes back the newest edit, rebased onto `plan`; `valid` checks the
    /// result (a rebased edit can meet a plan it was not made on).
    pub fn undo(&mut self, plan: &mut Plan, valid: &dyn Fn(&Plan, &Edit) -> bool) -> Step {
        let Some((id, edit)) = self.done.pop() else {
            return Step::Nothing;
        };
        match Self::step(plan, &edit.inverse(), valid) {
            Ok(applied) => {
                self.undone.push((id, applied.inverse()));
                Step::Applied(applied)
            }
            Err(conflicts) => {
                self.forget(id);
                Step::Dropped(conflicts)
            }
        }
    }

    /// Applies again the newest undone edit, rebased onto `plan`.
    pub fn redo(&mut self, plan: &mut Plan, valid: &dyn Fn(&Plan, &Edit) -> bool) -> Step {
        let Some((id, edit)) = self.undone.pop() else {
            return Step::Nothing;
        };
        match Self::step(plan, &edit, valid) {
            Ok(applied) => {
                self.done.push((id, applied.clone()));
                Step::Applied(applied)
            }
            Err(conflicts) => {
                self.forget(id);
                Step::Dropped(conflicts)
            }
        }
    }

    fn step(
        plan: &mut Plan,
        edit: &Edit,
        valid: &dyn Fn(&Plan, &Edit) -> bool,
    ) -> Result<Edit, Vec<Conflict>> {
        let applied = rebase(edit, plan)?;
        if !applied.apply(plan) {
            return Err(Vec::new());
        }
        if !valid(plan, &applied) {
            applied.inverse().apply(plan);
            return Err(Vec::new());
        }
        Ok(applied)
    }

    /// An edit dropped without changing the plan: if the plan was in its
    /// saved state, it still is.
    fn forget(&mut self, id: u64) {
        if self.saved == id {
            self.saved = self.current();
        }
    }

    fn current(&self) -> u64 {
        self.done.last().map_or(0, |(id, _)| *id)
    }

    /// Every kept edit made to fit a plan in which programme `from` is now
    /// `to`: an id another officer changed, or this officer's new programme
    /// saved under a free id.
    pub fn follow(&mut self, from: &str, to: &str) {
        for (_, edit) in self.done.iter_mut().chain(self.undone.iter_mut()) {
            edit.follow(from, to);
        }
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
