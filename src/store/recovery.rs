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
    let absolute = fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
    // FNV-1a: stable across runs and Rust versions, unlike the std hasher.
    let hash = absolute
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    Some(folder.join(format!("{hash:016x}.ron")))
}

/// Writes the recovery file, readable by its owner only (0600), whole or not at all.
pub fn write(data: &Path, recovery: &Recovery) -> io::Result<PathBuf> {
    let path =
        path_for(data).ok_or_else(|| io::Error::other("no home folder for the recovery file"))?;
    let folder = path.parent().unwrap_or(Path::new("."));
    create_private_dir(folder)?;
    let text = ron::ser::to_string(recovery).map_err(io::Error::other)?;
    super::write::save_private(&path, text.as_bytes())?;
    Ok(path)
}

/// The kept edits for `data`, if any. A damaged recovery file is ignored
/// (and left in place for a person to look at), never fatal.
pub fn read(data: &Path) -> Option<Recovery> {
    use std::io::Read;
    // Never through a link or from a FIFO, and bounded like a plan.
    let (file, _) = super::safe::open_side_to_read(&path_for(data)?).ok()?;
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
    if let Some(path) = path_for(data) {
        let _ = fs::remove_file(path);
    }
}
