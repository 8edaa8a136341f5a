//! Unsaved edits kept safe when the session ends badly (the SSH link drops,
//! the server stops the process, pantau panics): written to a private file in
//! the user's state folder, never half-applied into the plan itself, and
//! offered back the next time that plan is opened.
//!
//! One file per session (the plan's hash and the session's id), so two
//! sessions of one login on one plan never overwrite each other's edits;
//! the next start lists them all.

use crate::plan::model::Plan;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What is kept: the plan as this session loaded it (so the edits can be
/// merged with whatever others saved since) and the plan with the edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The data file, as an absolute path.
    pub file: String,
    /// Local time the edits were kept, RFC 3339.
    pub written: String,
    pub base: Plan,
    pub mine: Plan,
    /// A form that was open, with what had been typed in it, so that it
    /// opens again as it was (files of pantau 0.1 have none).
    #[serde(default)]
    pub form: Option<KeptForm>,
}

/// An open form as kept: what it edits and each field's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptForm {
    /// `program`, `milestone`, `target`, `dimension` or `header`.
    pub kind: String,
    /// The programme (for milestones and targets) or the dimension, from 0.
    pub at: usize,
    /// The milestone's or target's place, or a new programme's.
    pub index: usize,
    /// Adds an item rather than changing one.
    pub new: bool,
    /// A new programme's starting values.
    pub template: Option<crate::plan::model::Program>,
    /// Each field's data-file name and text.
    pub fields: Vec<(String, String)>,
}

impl Recovery {
    /// What the kept edits change, as (programme or `plan`, field) pairs.
    pub fn changed(&self) -> Vec<(String, String)> {
        crate::plan::merge::changes(&self.base, &self.mine)
            .into_iter()
            .map(|(subject, field, _, _)| (subject, field))
            .collect()
    }
}

/// A name for this session's recovery file: its process and start time.
pub fn session_id() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        jiff::Timestamp::now().as_second()
    )
}

/// The folders recovery files live in: the state folder (the data folder
/// where there is none), else a private fallback (see [`write`]).
fn folders() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(dirs) = directories::ProjectDirs::from("", "", "pantau") {
        out.push(
            dirs.state_dir()
                .unwrap_or_else(|| dirs.data_dir())
                .join("recovery"),
        );
    }
    // A folder of this login's own under the system's temporary folder, for
    // a full or read-only home; refused if someone else made it or it is a link.
    out.push(
        std::env::temp_dir()
            .join(format!("pantau-{}", super::safe::real_uid()))
            .join("recovery"),
    );
    out
}

fn private_folder_is_ours(folder: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match fs::symlink_metadata(folder) {
            Ok(meta) => {
                meta.is_dir()
                    && meta.uid() == super::safe::effective_uid()
                    && meta.mode() & 0o077 == 0
            }
            Err(_) => true,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        true
    }
}

/// What names the recovery files of `data`: a hash of its absolute path.
pub(super) fn plan_key(data: &Path) -> String {
    let absolute = fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
    // FNV-1a: stable across runs and Rust versions, unlike the std hasher.
    let hash = absolute
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

fn file_name(data: &Path, session: &str) -> String {
    format!("{}-{session}.ron", plan_key(data))
}

/// Writes this session's recovery file, readable by its owner only (0600),
/// whole or not at all, and returns where.
pub fn write(data: &Path, session: &str, recovery: &Recovery) -> io::Result<PathBuf> {
    let text = ron::ser::to_string(recovery).map_err(io::Error::other)?;
    let mut last = io::Error::other("no home folder for the recovery file");
    // The state folder, else a private one under /tmp: the edits are kept
    // somewhere, and the caller says where.
    for folder in folders() {
        let path = folder.join(file_name(data, session));
        let top = folder.parent().unwrap_or(&folder);
        if !private_folder_is_ours(top) || !private_folder_is_ours(&folder) {
            continue;
        }
        match create_private_dir(&folder)
            .and_then(|()| super::write::save_private(&path, text.as_bytes()))
        {
            Ok(()) => return Ok(path),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// One session's kept edits, and the file they are in.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub path: PathBuf,
    pub recovery: Recovery,
    /// What the kept edits change (see [`Recovery::changed`]), worked out
    /// once when listed rather than on every frame of the question.
    pub changed: Vec<(String, String)>,
}

/// Every session's kept edits for `data`, oldest first (a file of pantau
/// 0.1, one per plan, too). A damaged recovery file is skipped (and left in
/// place for a person to look at), never fatal.
pub fn list(data: &Path) -> Vec<Kept> {
    use std::io::Read;
    let key = plan_key(data);
    let mut out = Vec::new();
    for folder in folders() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = name == format!("{key}.ron")
                || (name.starts_with(&format!("{key}-")) && name.ends_with(".ron"));
            if !ours {
                continue;
            }
            let path = entry.path();
            // Never through a link or from a FIFO, and bounded like a plan.
            let Ok((file, _)) = super::safe::open_side_to_read(&path) else {
                continue;
            };
            let mut text = String::new();
            if file
                .take(2 * super::MAX_FILE_BYTES + 1024)
                .read_to_string(&mut text)
                .is_err()
            {
                continue;
            }
            if let Ok(recovery) = ron::Options::default().from_str::<Recovery>(&text) {
                let changed = recovery.changed();
                out.push(Kept {
                    path,
                    recovery,
                    changed,
                });
            }
        }
    }
    out.sort_by(|a, b| a.recovery.written.cmp(&b.recovery.written));
    out
}

/// The folder for recovery files, private to its owner (0700).
pub(super) fn create_private_dir(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

/// Removes one recovery file: discarded, or restored into a session.
pub fn remove(path: &Path) {
    let _ = fs::remove_file(path);
}

/// Removes this session's own recovery file: its edits were saved, or the
/// officer chose to quit without them.
pub fn discard_session(data: &Path, session: &str) {
    for folder in folders() {
        let _ = fs::remove_file(folder.join(file_name(data, session)));
    }
}
