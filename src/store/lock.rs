//! The plan's advisory lock: one read-check-write at a time, taken on the
//! plan's lock file, which only those who may write the plan can open (see
//! [`super::safe::lock_file`]).

use super::safe::{self, PlanLock, Waiting};
use super::write::resolve_symlink;
use std::io;
use std::path::Path;

pub type Lock = PlanLock;

/// Locks the file `path` is (or points to), telling `waiting` if another
/// officer's save holds it, and giving up after [`safe::lock_timeout`].
pub fn lock(path: &Path, waiting: &mut dyn FnMut(Waiting)) -> io::Result<Lock> {
    let target = resolve_symlink(path)?;
    safe::lock_plan(&target, safe::lock_timeout(), waiting)
}

/// Whether another save holds the lock of `path` right now.
pub fn lock_is_held(path: &Path) -> bool {
    let Ok(target) = resolve_symlink(path) else {
        return false;
    };
    let Ok(held) = safe::lock_file(&target, false) else {
        return false;
    };
    matches!(held.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}
