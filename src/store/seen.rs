//! What this reader saw of a plan's journals at its last reading (each journal's newest line), kept in the reader's own state folder, so that journals gone since are found even when all went at once.
//!
//! The journals witness each other, but a folder moved aside and made
//! again, or the only officer's journal removed, leaves no journal that
//! saw what went. So each `pantau log`, `pantau doctor` and opening of the
//! interface records the heads it read, in
//! `~/.local/state/pantau/seen/<plan key>.json` (0600, in a 0700 folder:
//! only this login writes it), and the next reading by the same login
//! checks the journals against it. Its limit: it protects a reader who has
//! read before, against others; the login itself can remove its own
//! record, and a reader who never read the plan has nothing to compare.

use super::journal::Heads;
use std::io;
use std::path::{Path, PathBuf};

/// The record of the plan at `target`, in the state folder (the data folder
/// where there is none); `None` without a home folder.
fn record(target: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "pantau")?;
    let folder = dirs
        .state_dir()
        .unwrap_or_else(|| dirs.data_dir())
        .join("seen");
    Some(folder.join(format!("{}.json", super::recovery::plan_key(target))))
}

/// The heads this login saw at its last reading of the plan at `target`;
/// none when it never read it or its record does not read (a record is a
/// convenience of this reader's, never a reason to stop).
pub fn remembered(target: &Path) -> Heads {
    let Some(path) = record(target) else {
        return Heads::new();
    };
    std::fs::read(&path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Records `heads` as this login's reading of the plan at `target`, whole
/// or not at all.
pub fn remember(target: &Path, heads: &Heads) -> io::Result<()> {
    let path = record(target).ok_or_else(|| io::Error::other("no home folder"))?;
    if let Some(folder) = path.parent() {
        super::recovery::create_private_dir(folder)?;
    }
    let text = serde_json::to_vec(heads).map_err(io::Error::other)?;
    super::write::save_private(&path, &text)
}
