//! A plan as a command or a session opened it: where it is, the file it was
//! then, the text read, its fingerprint and the plan parsed from it; and the
//! one save every writer of a plan goes through.

use super::save::{Base, BasePlan, Change, SaveError, Saved, save_merging};
use super::{Document, LoadError, fingerprint, load_text, resolve_symlink};
use crate::plan::merge::{Choice, Conflict};
use crate::store::audit::Who;
use crate::store::safe::Waiting;
use std::path::{Path, PathBuf};

/// Where an opened plan lives: the path it was opened by, and the file that
/// was then (a link resolved). A save never writes anywhere else, so a plan
/// swapped behind an open session for a link to someone's home folder is
/// refused, not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    pub path: PathBuf,
    pub target: Option<PathBuf>,
}

impl PlanFile {
    /// The plan at `path`, as it resolves now.
    pub fn at(path: &Path) -> PlanFile {
        PlanFile {
            path: path.to_path_buf(),
            target: resolve_symlink(path).ok(),
        }
    }

    /// Reads, parses and validates the plan as it is now, keeping where it
    /// was opened; a problem is a value its caller renders.
    pub fn open(&self) -> Result<Opened, LoadError> {
        let (doc, text) = load_text(&self.path)?;
        Ok(Opened {
            file: self.clone(),
            fingerprint: fingerprint(&text),
            text,
            doc,
        })
    }

    /// Saves `mine`, an edit of `base`: locked, merged with what another
    /// officer saved since `base` was read (`decide` answers the fields both
    /// changed; those it leaves come back as conflicts and nothing is
    /// written), written atomically, and logged under `who`.
    pub fn save(
        &self,
        base: Base,
        mine: &Document,
        decide: &dyn Fn(&Conflict) -> Option<Choice>,
        who: &Who,
        waiting: &mut dyn FnMut(Waiting),
    ) -> Result<Saved, SaveError> {
        save_merging(
            &self.path,
            self.target.as_deref(),
            base,
            mine,
            decide,
            who,
            waiting,
        )
    }
}

/// A plan opened by a command: the file, the text read (the base of an
/// edit, parsed again only if a merge needs it) and the plan to edit.
#[derive(Debug)]
pub struct Opened {
    pub file: PlanFile,
    /// Of the text read: a save compares the file on disk with it.
    pub fingerprint: u64,
    text: String,
    /// The plan read; a command edits it in place and then saves it.
    pub doc: Document,
}

impl Opened {
    /// Reads, parses and validates the plan at `path`.
    pub fn open(path: &Path) -> Result<Opened, LoadError> {
        PlanFile::at(path).open()
    }

    pub fn path(&self) -> &Path {
        &self.file.path
    }

    /// The text the plan was read from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Saves the plan as edited, against the text read: a field another
    /// officer changed meanwhile too stops it with the conflicts. `changes`
    /// are what the edit changed when the caller knows (else worked out).
    pub fn save(
        &self,
        changes: Option<Vec<Change>>,
        who: &Who,
        waiting: &mut dyn FnMut(Waiting),
    ) -> Result<Saved, SaveError> {
        let base = Base {
            fingerprint: self.fingerprint,
            plan: BasePlan::Text(&self.text),
            changes,
        };
        self.file.save(base, &self.doc, &|_| None, who, waiting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{EXAMPLE, audit, load, save};

    fn who() -> Who {
        Who {
            user: "sari".into(),
            officer: String::new(),
            from: "local".into(),
            when: "2024-06-01T10:00:00+08:00".into(),
        }
    }

    /// The example at `dir/plan.ron`, opened; then a colleague renames the
    /// programme at `theirs` to `name` and saves before we do.
    fn opened_then_colleague_saves(dir: &Path, theirs: usize, name: &str) -> Opened {
        let path = dir.join("plan.ron");
        std::fs::write(&path, EXAMPLE).unwrap();
        let opened = Opened::open(&path).unwrap();
        let mut colleague = load(&path).unwrap();
        colleague.plan.programs[theirs].name = name.to_string();
        save(&path, &colleague.to_ron()).unwrap();
        opened
    }

    #[test]
    fn an_edit_saved_after_a_colleagues_save_keeps_both_and_logs_only_ours() {
        let dir = tempfile::tempdir().unwrap();
        let mut opened = opened_then_colleague_saves(dir.path(), 1, "Their name");
        opened.doc.plan.programs[0].name = "Our name".into();
        let saved = opened.save(None, &who(), &mut |_| {}).unwrap();
        assert!(matches!(
            saved,
            Saved::Written {
                merged: Some(_),
                ..
            }
        ));
        let now = load(opened.path()).unwrap().plan;
        assert_eq!(now.programs[0].name, "Our name");
        assert_eq!(now.programs[1].name, "Their name");
        let ours = &now.programs[0].id;
        let log = audit::read(opened.path()).unwrap();
        assert!(!log.is_empty() && log.iter().all(|e| &e.subject == ours));
    }

    #[test]
    fn a_field_both_changed_stops_the_save_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut opened = opened_then_colleague_saves(dir.path(), 0, "Their name");
        let before = std::fs::read_to_string(opened.path()).unwrap();
        opened.doc.plan.programs[0].name = "Our name".into();
        let saved = opened.save(None, &who(), &mut |_| {}).unwrap();
        assert!(matches!(saved, Saved::Conflicts(ref c) if c.len() == 1));
        assert_eq!(std::fs::read_to_string(opened.path()).unwrap(), before);
    }
}
