//! Saving with other officers: under the lock, re-read the file, merge what
//! they saved since with this session's changes, validate, write, and append
//! what changed to the audit log.

use super::lock::lock;
use super::write::{save_over, sweep_leftovers};
use super::{Document, LoadError, fingerprint, parse, read};
use crate::i18n::Text;
use crate::plan::model::Plan;
use crate::plan::validate::{Problem, validate};
use std::fs;
use std::io;
use std::path::Path;

/// How a save that checks for other officers' saves ended.
#[derive(Debug)]
pub enum Saved {
    /// Written (or already identical on disk); `text` is what the file now
    /// holds. `merged` is the plan now in the file when another officer's
    /// changes were merged with this session's; without it, the file holds
    /// this session's plan (and its top comment).
    Written {
        text: String,
        merged: Option<Box<Document>>,
        changes: Vec<Change>,
        /// Ids of this session's items the merge changed: its new programme
        /// under an id taken meanwhile, a programme renamed meanwhile.
        renamed: Vec<crate::plan::merge::Renamed>,
        /// The audit log could not be written: the save stands, and the
        /// officer is told (the log is a record, not the data).
        log_error: Option<io::Error>,
        /// `<file>.bak` held something pantau does not keep there: the
        /// save stands, and the officer is told what was done instead.
        backup: Option<super::write::Backup>,
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
    /// The base plan, and its top comment where known: a session keeps the
    /// comment it read in its document (no edit changes it), so without
    /// the text the comment is this session's own.
    fn plan(&self, path: &Path) -> Result<(std::borrow::Cow<'_, Plan>, Option<String>), SaveError> {
        match self {
            BasePlan::Plan(plan) => Ok((std::borrow::Cow::Borrowed(plan), None)),
            BasePlan::Text(text) => parse(text, path)
                .map(|doc| (std::borrow::Cow::Owned(doc.plan), Some(doc.preamble)))
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
    /// The plan is no longer the file it was when opened: a link now, or a
    /// link that points elsewhere. Nothing was written.
    Replaced {
        opened: std::path::PathBuf,
        now: std::path::PathBuf,
    },
    /// The plan is read-only for this officer; saving would replace a file
    /// they may not change.
    ReadOnly(std::path::PathBuf),
    /// Another officer's save held the lock for too long; nothing was written.
    Busy,
}

impl SaveError {
    /// The message for a person: what went wrong with saving `path`, and what
    /// to do; the same words in the interface and on the command line.
    pub fn render(&self, path: &Path, t: &Text) -> String {
        use crate::i18n::fill;
        use crate::text::escape_path;
        let shown = escape_path(path);
        match self {
            SaveError::Io(e) => {
                let why = fill(
                    t.cli.save_failed,
                    &[&shown, &crate::text::escape(&e.to_string())],
                );
                let folder = escape_path(path.parent().unwrap_or(Path::new(".")));
                match e.kind() {
                    io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                        format!(
                            "{why}\n{}: {}",
                            t.hint,
                            fill(t.cli.save_denied_hint, &[&folder])
                        )
                    }
                    io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                        format!("{why}\n{}: {}", t.hint, t.cli.save_full_hint)
                    }
                    _ => why,
                }
            }
            SaveError::Broken(load) => fill(t.cli.save_failed, &[&shown, &load.render(t)]),
            SaveError::Invalid(problems) => {
                let list: Vec<String> = problems.iter().map(|p| named(p, t)).collect();
                fill(t.cli.save_failed, &[&shown, &list.join("; ")])
            }
            SaveError::Replaced { opened, now } => fill(
                t.cli.save_replaced,
                &[&shown, &escape_path(opened), &escape_path(now)],
            ),
            SaveError::ReadOnly(file) => format!(
                "{}\n{}: {}",
                fill(t.cli.save_read_only, &[&escape_path(file)]),
                t.hint,
                t.cli.save_read_only_hint
            ),
            SaveError::Busy => fill(
                t.cli.save_busy,
                &[&shown, &super::safe::lock_timeout().as_secs()],
            ),
        }
    }
}

/// A problem of a merged plan with the programme it is in: two officers'
/// milestone weights adding to 120 % name the programme to look at.
fn named(problem: &Problem, t: &Text) -> String {
    match &problem.program {
        Some(id) => format!("{}: {}", crate::text::escape(id), problem.message(t)),
        None => problem.message(t),
    }
}

impl SaveError {
    /// [`render`](SaveError::render) for the interface's one status line: a
    /// full disk said short enough for 80 columns with what to do, and the
    /// hint of any other error on the same line rather than below it.
    pub fn render_line(&self, path: &Path, t: &Text) -> String {
        match self {
            SaveError::Io(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
                ) =>
            {
                t.ui.e_save_full.to_string()
            }
            _ => self.render(path, t).replace('\n', "; "),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Io(e) => write!(f, "{e}"),
            SaveError::Broken(why) => f.write_str(&why.render(crate::i18n::Lang::En.text())),
            SaveError::Invalid(problems) => {
                let en = crate::i18n::Lang::En.text();
                let list: Vec<String> = problems.iter().map(|p| named(p, en)).collect();
                f.write_str(&list.join("; "))
            }
            SaveError::Replaced { opened, now } => write!(
                f,
                "the plan was {} when opened and is {} now",
                crate::text::escape_path(opened),
                crate::text::escape_path(now)
            ),
            SaveError::ReadOnly(path) => {
                write!(f, "{} is read-only", crate::text::escape_path(path))
            }
            SaveError::Busy => f.write_str("another officer's save holds the plan"),
        }
    }
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::TimedOut {
            SaveError::Busy
        } else {
            SaveError::Io(e)
        }
    }
}

/// Saves `mine` unless someone saved since this session read `base`: then
/// merges their plan with this session's changes and saves that, or returns
/// the conflicts for `decide` to settle. Holds the lock from reading to
/// renaming; appends what changed to the audit log.
///
/// `mine` must be valid (the interface and `set` check every edit); a merge
/// brings in someone else's work, so a merged plan is checked again here.
/// Every step is linear in the plan, and the file is read once. `target`
/// is the file the plan was when opened: nothing is written anywhere else.
#[allow(clippy::too_many_arguments)]
pub(super) fn save_merging(
    path: &Path,
    target: Option<&Path>,
    base: Base,
    mine: &Document,
    decide: &dyn Fn(&crate::plan::merge::Conflict) -> Option<crate::plan::merge::Choice>,
    who: &crate::store::audit::Who,
    waiting: &mut dyn FnMut(super::safe::Waiting),
) -> Result<Saved, SaveError> {
    // Before anything is opened or locked where the plan now points.
    let replaced = |now: std::path::PathBuf| match target {
        Some(opened) if opened != now => Err(SaveError::Replaced {
            opened: opened.to_path_buf(),
            now,
        }),
        _ => Ok(()),
    };
    replaced(super::write::resolve_symlink(path)?)?;
    let _lock = lock(path, waiting)?;
    // And again under the lock, which a swap may have raced.
    let now = super::write::resolve_symlink(path)?;
    replaced(now.clone())?;
    if fs::symlink_metadata(&now).is_ok() && !super::safe::can_write(&now) {
        return Err(SaveError::ReadOnly(now));
    }
    sweep_leftovers(path);
    let disk = match read(path) {
        Ok(text) => Some(text),
        Err(LoadError::NotFound(_)) => None,
        Err(LoadError::Io { error, .. }) => return Err(SaveError::Io(error)),
        Err(other) => return Err(SaveError::Broken(Box::new(other))),
    };
    let theirs = match &disk {
        Some(text) if fingerprint(text) != base.fingerprint => {
            Some(parse(text, path).map_err(|e| SaveError::Broken(Box::new(e)))?)
        }
        _ => None,
    };
    let mut renamed = Vec::new();
    let (merged, changes) = match theirs {
        None => {
            debug_assert!(validate(&mine.plan).is_empty(), "saving an invalid plan");
            let changes = match base.changes {
                Some(changes) => changes,
                None => crate::plan::merge::changes(base.plan.plan(path)?.0.as_ref(), &mine.plan),
            };
            (None, changes)
        }
        Some(theirs) => {
            let (base_plan, base_comment) = base.plan.plan(path)?;
            let crate::plan::merge::Merged {
                plan,
                mut open,
                renamed: ids,
            } = crate::plan::merge::merge_following(
                base_plan.as_ref(),
                &mine.plan,
                &theirs.plan,
                decide,
            );
            let base_comment = base_comment.as_deref().unwrap_or(&mine.preamble);
            let (preamble, comment_conflict) = crate::plan::merge::merge_comment(
                base_comment,
                &mine.preamble,
                &theirs.preamble,
                decide,
            );
            open.extend(comment_conflict);
            if !open.is_empty() {
                super::authors::name_conflicts(path, &mut open);
                return Ok(Saved::Conflicts(open));
            }
            let problems = validate(&plan);
            if !problems.is_empty() {
                return Err(SaveError::Invalid(problems));
            }
            let changes = crate::plan::merge::changes(&theirs.plan, &plan);
            renamed = ids;
            super::authors::name_renamers(path, &mut renamed);
            (Some(Box::new(Document { plan, preamble })), changes)
        }
    };
    let text = match &merged {
        Some(doc) => doc.to_ron(),
        None => mine.to_ron(),
    };
    let backup = save_over(path, &text, disk.as_deref())?;
    drop(disk);
    // The log is a record, not the data: a failure to append must not undo
    // the save, but it is reported.
    let log_error = if changes.is_empty() {
        None
    } else {
        crate::store::audit::append(path, who, &changes).err()
    };
    Ok(Saved::Written {
        text,
        merged,
        changes,
        renamed,
        log_error,
        backup,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_full_disk_is_one_status_line_that_fits_80_columns_with_what_to_do() {
        let full = SaveError::Io(io::Error::from(io::ErrorKind::StorageFull));
        let path = Path::new("/srv/pantau/luwu-utara.ron");
        for lang in [Lang::En, Lang::Id] {
            let line = full.render_line(path, lang.text());
            assert!(!line.contains('\n') && !line.contains('\\'), "{line}");
            assert!(crate::text::width(&line) < 80, "{line}");
            assert!(line.contains("Ctrl-S"), "{line}");
        }
        let denied = SaveError::Io(io::Error::from(io::ErrorKind::PermissionDenied));
        let line = denied.render_line(path, Lang::En.text());
        assert!(!line.contains('\n') && line.contains("hint: "), "{line}");
    }
}
