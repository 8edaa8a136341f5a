//! Saving with other officers: under the lock, re-read the file, merge what
//! they saved since with this session's changes, validate, write, and append
//! what changed to the audit log.

use super::lock::lock;
use super::write::{save_over, sweep_leftovers};
use super::{Document, LoadError, fingerprint, parse, read};
use crate::i18n::Text;
use crate::plan::model::Plan;
use crate::plan::validate::{Problem, validate};
use std::io;
use std::path::Path;

/// How a save that checks for other officers' saves ended.
#[derive(Debug)]
pub enum Saved {
    /// Written (or already identical on disk); `text` is what the file now
    /// holds. `merged` is the plan now in the file when another officer's
    /// changes were merged with this session's; without it, the file holds
    /// this session's plan.
    Written {
        text: String,
        merged: Option<Plan>,
        changes: Vec<Change>,
    },
    /// Someone else changed the same fields: nothing was written.
    Conflicts(Vec<crate::plan::merge::Conflict>),
}

/// One changed field for the audit log: (subject, field, old, new).
pub type Change = (String, String, String, String);

/// The plan a session's edits started from: what a save compares the file
/// with (by `fingerprint`) and, when another officer saved since, the common
/// ancestor of the merge.
pub struct Base<'a> {
    pub fingerprint: u64,
    pub plan: BasePlan<'a>,
    /// What changed since the base, when the caller knows (`pantau set`
    /// changed one program); otherwise it is worked out from the base plan.
    pub changes: Option<Vec<Change>>,
}

pub enum BasePlan<'a> {
    /// Kept parsed (the interface keeps it for its whole session).
    Plan(&'a Plan),
    /// The text it was read from, parsed only if a merge needs it: a one-shot
    /// command never pays for a second copy of a 10,000-program plan.
    Text(&'a str),
}

impl BasePlan<'_> {
    fn plan(&self, path: &Path) -> Result<std::borrow::Cow<'_, Plan>, SaveError> {
        match self {
            BasePlan::Plan(plan) => Ok(std::borrow::Cow::Borrowed(plan)),
            BasePlan::Text(text) => parse(text, path)
                .map(|doc| std::borrow::Cow::Owned(doc.plan))
                .map_err(|e| SaveError::Broken(Box::new(e))),
        }
    }
}

#[derive(Debug)]
pub enum SaveError {
    Io(io::Error),
    /// The file on disk no longer parses or validates: not overwritten blindly.
    Broken(Box<LoadError>),
    /// The merged plan would not be valid.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Io(e) => write!(f, "{e}"),
            SaveError::Broken(why) => f.write_str(&why.render(crate::i18n::Lang::En.text())),
            SaveError::Invalid(problems) => {
                let list: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
                f.write_str(&list.join("; "))
            }
        }
    }
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        SaveError::Io(e)
    }
}

/// Saves `mine` unless someone saved since this session read `base`: then
/// merges their plan with this session's changes and saves that, or returns
/// the conflicts for `decide` to settle. Holds the lock from reading to
/// renaming; appends what changed to the audit log.
///
/// `mine` must be valid (the interface and `set` check every edit); a merge
/// brings in someone else's work, so a merged plan is checked again here.
/// Every step is linear in the plan, and the file is read once.
pub fn save_merging(
    path: &Path,
    base: Base,
    mine: &Document,
    decide: &dyn Fn(&crate::plan::merge::Conflict) -> Option<crate::plan::merge::Choice>,
    who: &crate::store::audit::Who,
    t: &Text,
) -> Result<Saved, SaveError> {
    let _lock = lock(path)?;
    sweep_leftovers(path);
    let disk = match read(path) {
        Ok(text) => Some(text),
        Err(LoadError::NotFound(_)) => None,
        Err(LoadError::Io { error, .. }) => return Err(SaveError::Io(error)),
        Err(other) => return Err(SaveError::Broken(Box::new(other))),
    };
    let theirs = match &disk {
        Some(text) if fingerprint(text) != base.fingerprint => {
            let doc = parse(text, path).map_err(|e| SaveError::Broken(Box::new(e)))?;
            Some(doc.plan)
        }
        _ => None,
    };
    let (merged, changes) = match theirs {
        None => {
            debug_assert!(validate(&mine.plan, t).is_empty(), "saving an invalid plan");
            let changes = match base.changes {
                Some(changes) => changes,
                None => crate::plan::merge::changes(base.plan.plan(path)?.as_ref(), &mine.plan),
            };
            (None, changes)
        }
        Some(theirs) => {
            let base_plan = base.plan.plan(path)?;
            let (plan, open) =
                crate::plan::merge::merge(base_plan.as_ref(), &mine.plan, &theirs, decide);
            if !open.is_empty() {
                return Ok(Saved::Conflicts(open));
            }
            let problems = validate(&plan, t);
            if !problems.is_empty() {
                return Err(SaveError::Invalid(problems));
            }
            let changes = crate::plan::merge::changes(&theirs, &plan);
            (Some(plan), changes)
        }
    };
    let text =
        crate::plan::canonical::to_ron(merged.as_ref().unwrap_or(&mine.plan), &mine.preamble);
    save_over(path, &text, disk.as_deref())?;
    drop(disk);
    if !changes.is_empty() {
        // The log is a record, not the data: a failure to append must not undo the save.
        let _ = crate::store::audit::append(path, who, &changes);
    }
    Ok(Saved::Written {
        text,
        merged,
        changes,
    })
}
