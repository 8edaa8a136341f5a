//! The plan's advisory lock: one read-check-write at a time, taken on the
//! plan's folder (see [`super::safe::lock_folder`]).

use super::safe::{self, FolderLock, Waiting};
use super::write::{parent_dir, resolve_symlink};
use std::io;
use std::path::Path;

pub type Lock = FolderLock;

/// Locks the folder of the file `path` is (or points to), telling `waiting`
/// if another officer's save holds it, and giving up after
/// [`safe::lock_timeout`].
pub fn lock(path: &Path, waiting: &mut dyn FnMut(Waiting)) -> io::Result<Lock> {
    let target = resolve_symlink(path)?;
    safe::lock_folder(&parent_dir(&target), safe::lock_timeout(), waiting)
}

/// Whether another save holds the lock of `path`'s folder right now.
pub fn lock_is_held(path: &Path) -> bool {
    let Ok(target) = resolve_symlink(path) else {
        return false;
    };
    let Ok(dir) = std::fs::File::open(parent_dir(&target)) else {
        return false;
    };
    matches!(dir.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}
