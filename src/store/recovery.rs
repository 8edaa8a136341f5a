//! Unsaved edits kept safe when the session ends badly (the SSH link drops,
//! the server stops the process, pantau panics): written to a private file in
//! the user's state folder, never half-applied into the plan itself, and
//! offered back the next time that plan is opened.

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
}

/// Where the recovery for `data` lives: the state folder (the data folder
/// where there is none), one file per plan, named by a hash of its path.
pub fn path_for(data: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "pantau")?;
    let folder = dirs
        .state_dir()
        .unwrap_or_else(|| dirs.data_dir())
        .join("recovery");
    Some(folder.join(file_name(data)))
}

/// Where edits go when the state folder cannot be written (a full or
/// read-only home): a folder of this login's own under the system's
/// temporary folder, 0700, refused if someone else made it or it is a link.
pub fn fallback_path_for(data: &Path) -> Option<PathBuf> {
    let folder = std::env::temp_dir().join(format!("pantau-{}", super::safe::real_uid()));
    Some(folder.join("recovery").join(file_name(data)))
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

fn file_name(data: &Path) -> String {
    let absolute = fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
    // FNV-1a: stable across runs and Rust versions, unlike the std hasher.
    let hash = absolute
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}.ron")
}

/// Writes the recovery file, readable by its owner only (0600), whole or not at all.
pub fn write(data: &Path, recovery: &Recovery) -> io::Result<PathBuf> {
    let text = ron::ser::to_string(recovery).map_err(io::Error::other)?;
    let mut last = io::Error::other("no home folder for the recovery file");
    // The state folder, else a private one under /tmp: the edits are kept
    // somewhere, and the caller says where.
    for path in [path_for(data), fallback_path_for(data)]
        .into_iter()
        .flatten()
    {
        let folder = path.parent().unwrap_or(Path::new("."));
        let top = folder.parent().unwrap_or(folder);
        if !private_folder_is_ours(top) || !private_folder_is_ours(folder) {
            continue;
        }
        match create_private_dir(folder)
            .and_then(|()| super::write::save_private(&path, text.as_bytes()))
        {
            Ok(()) => return Ok(path),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// The kept edits for `data`, if any. A damaged recovery file is ignored
/// (and left in place for a person to look at), never fatal.
pub fn read(data: &Path) -> Option<Recovery> {
    use std::io::Read;
    let path = [path_for(data), fallback_path_for(data)]
        .into_iter()
        .flatten()
        .find(|p| p.exists())?;
    // Never through a link or from a FIFO, and bounded like a plan.
    let (file, _) = super::safe::open_side_to_read(&path).ok()?;
    let mut text = String::new();
    file.take(2 * super::MAX_FILE_BYTES + 1024)
        .read_to_string(&mut text)
        .ok()?;
    ron::Options::default().from_str(&text).ok()
}

/// The folder for recovery files, private to its owner (0700).
fn create_private_dir(folder: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

pub fn discard(data: &Path) {
    for path in [path_for(data), fallback_path_for(data)]
        .into_iter()
        .flatten()
    {
        let _ = fs::remove_file(path);
    }
}
