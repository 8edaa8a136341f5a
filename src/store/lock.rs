//! The plan's advisory lock: one read-check-write at a time.

use super::write::{parent_dir, resolve_symlink};
use std::fs;
use std::io;
use std::path::Path;

/// Holds the plan's advisory lock (a `.<name>.lock` beside the target) for a
/// read-check-write, so two saves never interleave. Released on drop.
pub struct Lock {
    _file: fs::File,
}

pub fn lock(path: &Path) -> io::Result<Lock> {
    let target = resolve_symlink(path)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lock_path = parent_dir(&target).join(format!(".{name}.lock"));
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let mode = fs::metadata(&target).map_or(0o640, |m| m.permissions().mode() & 0o666);
        options.mode(mode);
    }
    let file = options.open(&lock_path)?;
    file.lock()?;
    Ok(Lock { _file: file })
}
