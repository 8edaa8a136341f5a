//! Saving with other officers: under the lock, re-read the file, merge what
//! they saved since with this session's changes, validate, write, and append
//! what changed to the audit log.

use super::lock::lock;
use super::write::{save, sweep_leftovers};
use super::{Document, LoadError, fingerprint, parse, read};
use crate::i18n::Text;
use crate::plan::model::Plan;
use crate::plan::validate::{Problem, validate};
use std::io;
use std::path::Path;

/// How a save that checks for other officers' saves ended.
#[derive(Debug)]
pub enum Saved {
    /// Written (or already identical on disk). `plan` is what is now in the
    /// file: this session's plan, or the merge of it with theirs.
    Written {
        plan: Plan,
        text: String,
        merged: bool,
        changes: Vec<(String, String, String, String)>,
    },
    /// Someone else changed the same fields: nothing was written.
    Conflicts(Vec<crate::plan::merge::Conflict>),
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

/// Saves `mine` unless someone saved since this session read `base` (whose
/// text had `base_fingerprint`): then merges their plan with this session's
/// changes and saves that, or returns the conflicts for `decide` to settle.
/// Holds the lock from reading to renaming; appends what changed to the audit log.
pub fn save_merging(
    path: &Path,
    base: &Plan,
    base_fingerprint: u64,
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
        Some(text) if fingerprint(text) != base_fingerprint => {
            let doc = parse(text, path).map_err(|e| SaveError::Broken(Box::new(e)))?;
            Some(doc.plan)
        }
        _ => None,
    };
    let (plan, merged) = match &theirs {
        None => (mine.plan.clone(), false),
        Some(theirs) => {
            let (plan, open) = crate::plan::merge::merge(base, &mine.plan, theirs, decide);
            if !open.is_empty() {
                return Ok(Saved::Conflicts(open));
            }
            (plan, true)
        }
    };
    let problems = validate(&plan, t);
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    let text = crate::plan::canonical::to_ron(&plan, &mine.preamble);
    let before = theirs.as_ref().unwrap_or(base);
    let changes = crate::plan::merge::changes(before, &plan);
    save(path, &text)?;
    if !changes.is_empty() {
        // The log is a record, not the data: a failure to append must not undo the save.
        let _ = crate::store::audit::append(path, who, &changes);
    }
    Ok(Saved::Written {
        plan,
        text,
        merged,
        changes,
    })
}
