//! The atomic writer, the one way pantau puts a file on disk: the plan, a
//! report's output, a new plan from `init`. A reader (or a crash) sees the old
//! file or the new one, never half of each.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A new file is private to its group.
const NEW_FILE_MODE: u32 = 0o640;

/// Writes `text` to `path` so that the file is always whole: the old version
/// or the new one. Keeps the old version as `<file>.bak`, keeps permissions and
/// owner, and writes through a symlink to its target. Writing text identical
/// to what is on disk changes nothing, not even the modification time.
pub fn save(path: &Path, text: &str) -> io::Result<()> {
    save_over(path, text, None).map(|_| ())
}

/// What a save found at `<file>.bak` that pantau does not keep there, and
/// how it went on: a colleague's folder, link or FIFO at that name never
/// stops a save, and the officer is told.
#[derive(Debug)]
pub enum Backup {
    /// A folder was there: it was moved aside to `to` (same folder) and the
    /// backup kept as usual.
    MovedAside { from: PathBuf, to: PathBuf },
    /// A link, FIFO, device or socket was there: replaced by the backup
    /// (the link itself, never what it points at).
    Replaced { at: PathBuf },
    /// The name could not be freed or written: this save kept no backup.
    NotKept { at: PathBuf, error: io::Error },
}

impl Backup {
    /// What the officer is told, in their language.
    pub fn render(&self, t: &crate::i18n::Text) -> String {
        use crate::i18n::fill;
        use crate::text::{escape, escape_path};
        match self {
            Backup::MovedAside { from, to } => fill(
                t.cli.bak_moved_aside,
                &[&escape_path(from), &escape_path(to)],
            ),
            Backup::Replaced { at } => fill(t.cli.bak_replaced, &[&escape_path(at)]),
            Backup::NotKept { at, error } => fill(
                t.cli.bak_not_kept,
                &[&escape_path(at), &escape(&error.to_string())],
            ),
        }
    }
}

/// [`save`], when the caller has just read what the file holds (`current`),
/// so it is not read again to see whether anything changed; says what it
/// did about a backup it could not keep as usual.
pub fn save_over(path: &Path, text: &str, current: Option<&str>) -> io::Result<Option<Backup>> {
    let target = resolve_symlink(path)?;
    let existing = fs::metadata(&target).ok();
    if let Some(meta) = &existing
        && meta.len() == text.len() as u64
        && match current {
            Some(current) => current == text,
            None => fs::read(&target).is_ok_and(|old| old == text.as_bytes()),
        }
    {
        return Ok(None);
    }
    let dir = parent_dir(&target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = temp_path(&dir, &format!(".{name}"));
    let result = (|| {
        write_synced(&tmp, text.as_bytes(), existing.as_ref(), NEW_FILE_MODE)?;
        let backup = match existing {
            Some(_) => keep_backup(&target, &dir.join(format!("{name}.bak"))),
            None => None,
        };
        fs::rename(&tmp, &target)?;
        sync_dir(&dir);
        Ok(backup)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Why a report was not written over what is at its output path.
#[derive(Debug)]
pub enum OutputError {
    /// Something is there, and `--force` was not given.
    Exists(PathBuf),
    /// A link, a FIFO or device, or another login's file: never replaced.
    Refused(super::safe::Refused),
    Io(io::Error),
}

/// Writes a report to `path`, whole or not at all, without a backup. What is
/// already there is replaced only with `force`, and then only when it is a
/// regular file of this officer's: never a link (which would send the
/// report wherever someone pointed it), a FIFO or another login's file.
pub fn save_report(path: &Path, bytes: &[u8], force: bool) -> Result<(), OutputError> {
    use super::safe::Refused;
    if let Ok(meta) = fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            return Err(OutputError::Refused(Refused::Link(path.to_path_buf())));
        }
        if !meta.is_file() {
            return Err(OutputError::Refused(Refused::NotRegular(
                path.to_path_buf(),
            )));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if meta.uid() != super::safe::effective_uid() {
                return Err(OutputError::Refused(Refused::Foreign {
                    path: path.to_path_buf(),
                    owner: meta.uid(),
                }));
            }
        }
        if !force {
            return Err(OutputError::Exists(path.to_path_buf()));
        }
    }
    // The umask decides who may read a report, as for any file the officer makes.
    replace_new(path, bytes, 0o666).map_err(OutputError::Io)
}

/// Writes `bytes` to `path` readable and writable by its owner only (0600),
/// whole or not at all, without a backup: for files that are one person's
/// alone, such as a recovery file.
pub fn save_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_new(path, bytes, 0o600)
}

/// A new file of `mode` with `bytes`, renamed over `path`: whole or not at
/// all, without a backup, the temporary file removed on any failure.
fn replace_new(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = temp_path(&dir, &format!(".{name}"));
    let result = (|| {
        write_synced(&tmp, bytes, None, mode)?;
        fs::rename(&tmp, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Creates `path` with `text`, failing if it exists, without ever leaving a
/// partly written file under that name.
pub fn create_new(path: &Path, text: impl AsRef<[u8]>) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    let dir = parent_dir(path);
    fs::create_dir_all(&dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = temp_path(&dir, &format!(".{name}"));
    write_synced(&tmp, text.as_ref(), None, NEW_FILE_MODE)?;
    // A hard link fails if the name exists, so this cannot replace a file
    // another process created meanwhile.
    let linked = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    linked?;
    sync_dir(&dir);
    Ok(())
}

/// A temporary name beside `name` that no other process uses: a process id
/// alone is not enough, since a `kill -9` leaves its file and ids are reused.
pub(crate) fn temp_path(dir: &Path, stem: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(
        "{stem}.pantau-{}-{n}-{nanos:09}.tmp",
        std::process::id()
    ))
}

/// Removes temporary files that saves killed with `kill -9` left behind.
/// Only called under the lock, when no other save can be writing one.
pub(crate) fn sweep_leftovers(path: &Path) {
    let Ok(target) = resolve_symlink(path) else {
        return;
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Ok(entries) = fs::read_dir(parent_dir(&target)) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let ours = (file.starts_with(&format!(".{name}.pantau-"))
            || file.starts_with(&format!("{name}.bak.pantau-")))
            && file.ends_with(".tmp");
        if ours {
            let _ = fs::remove_file(entry.path());
        }
    }
}

pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a symlink (or chain of them) finally points at; `path` itself otherwise.
pub fn resolve_symlink(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    parent_dir(&current).join(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes a new temporary file: with `like`'s mode and owner when it
/// replaces a file, else with `mode`.
fn write_synced(
    tmp: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
    mode: u32,
) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        // Never wider than the file it replaces.
        let mode = like.map_or(mode, |m| m.permissions().mode() & 0o7777);
        options.mode(mode);
    }
    let mut file = options.open(tmp)?;
    #[cfg(unix)]
    if let Some(meta) = like {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // The umask may have narrowed the mode; keep exactly the old one.
        file.set_permissions(fs::Permissions::from_mode(
            meta.permissions().mode() & 0o7777,
        ))?;
        // The plan's group, which any member may give a file; the owner too
        // when run as root (sudo), so the next officer can still save.
        let _ = std::os::unix::fs::fchown(&file, None, Some(meta.gid()));
        if super::safe::effective_uid() == 0 {
            let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
        }
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Points `<file>.bak` at the current version without a moment where it is
/// missing. What a colleague planted at that name is stepped around, never
/// a reason to stop the save: a folder (which no rename can replace, and
/// `rm` may not remove) is moved aside within the folder, which any group
/// member may do where the folder is not sticky; a link or FIFO is replaced.
fn keep_backup(target: &Path, backup: &Path) -> Option<Backup> {
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = parent_dir(backup);
    let not_kept = |error: io::Error| {
        Some(Backup::NotKept {
            at: backup.to_path_buf(),
            error,
        })
    };
    let planted = fs::symlink_metadata(backup)
        .ok()
        .filter(|m| !m.file_type().is_file());
    let mut note = None;
    if let Some(meta) = &planted {
        if meta.is_dir() {
            let aside = set_aside_path(&dir, &name);
            if let Err(error) = fs::rename(backup, &aside) {
                return not_kept(error);
            }
            note = Some(Backup::MovedAside {
                from: backup.to_path_buf(),
                to: aside,
            });
        } else {
            note = Some(Backup::Replaced {
                at: backup.to_path_buf(),
            });
        }
    }
    let staging = temp_path(&dir, &name);
    if fs::hard_link(target, &staging).is_err()
        && let Err(error) = fs::copy(target, &staging)
    {
        let _ = fs::remove_file(&staging);
        return not_kept(error);
    }
    if let Err(error) = fs::rename(&staging, backup) {
        let _ = fs::remove_file(&staging);
        return not_kept(error);
    }
    note
}

/// Where a folder planted at `<file>.bak` is moved: beside it, under a name
/// `pantau doctor` recognises and no other save uses.
pub(crate) fn set_aside_path(dir: &Path, backup_name: &str) -> PathBuf {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    dir.join(format!(
        "{backup_name}{SET_ASIDE}{secs}-{}",
        std::process::id()
    ))
}

/// What follows `<file>.bak` in the name of a thing a save moved aside.
pub const SET_ASIDE: &str = ".set-aside-";

fn sync_dir(dir: &Path) {
    // Makes the rename itself durable; not every platform can open a directory.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
