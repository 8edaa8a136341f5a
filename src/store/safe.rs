//! Files in a folder other officers can write. Everything pantau opens
//! beside a plan goes through here, so that what a colleague planted in its
//! place is refused, never followed: a symbolic link (it would send our
//! write wherever they chose), a FIFO or a device (it would hang us or feed
//! us without end), a file owned by someone else outside the plan's group.
//! Files pantau creates get the plan's group and mode, never wider, whatever
//! the saver's umask, so every officer who may write the plan may save.

use std::fs::{self, File, Metadata};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a file beside the plan was not used.
#[derive(Debug)]
pub enum Refused {
    /// A symbolic link where pantau keeps a file of its own.
    Link(PathBuf),
    /// A FIFO, device, socket or folder where a regular file belongs.
    NotRegular(PathBuf),
    /// Owned by another login and not in the plan's group.
    Foreign { path: PathBuf, owner: u32 },
}

impl Refused {
    pub fn path(&self) -> &Path {
        match self {
            Refused::Link(p) | Refused::NotRegular(p) | Refused::Foreign { path: p, .. } => p,
        }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = crate::text::escape_path(self.path());
        match self {
            Refused::Link(_) => write!(
                f,
                "{path} is a symbolic link; pantau does not follow links it did not make"
            ),
            Refused::NotRegular(_) => write!(f, "{path} is not a regular file"),
            Refused::Foreign { owner, .. } => write!(
                f,
                "{path} belongs to user {owner}, outside the plan's group"
            ),
        }
    }
}

impl From<Refused> for io::Error {
    fn from(refused: Refused) -> io::Error {
        io::Error::new(io::ErrorKind::PermissionDenied, refused.to_string())
    }
}

#[cfg(unix)]
const NO_FOLLOW: i32 = libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC;

fn options(read: bool, append: bool, create: bool) -> fs::OpenOptions {
    let mut options = fs::OpenOptions::new();
    options.read(read).append(append).create(create);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, NO_FOLLOW);
    options
}

/// Turns "too many links" from `O_NOFOLLOW` into the refusal it means.
fn opened(path: &Path, result: io::Result<File>) -> io::Result<File> {
    match result {
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            Err(Refused::Link(path.to_path_buf()).into())
        }
        other => other,
    }
}

/// A regular file, checked on the open descriptor (no race with a swap).
fn regular(path: &Path, file: &File) -> io::Result<Metadata> {
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(Refused::NotRegular(path.to_path_buf()).into());
    }
    Ok(meta)
}

/// Opens `path` to read, refusing in bounded time what is not a regular file
/// (a FIFO would block an ordinary open for ever). Links are followed: the
/// plan itself may be one, as documented.
pub fn open_to_read(path: &Path) -> io::Result<(File, Metadata)> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_CLOEXEC,
    );
    let file = options.open(path)?;
    let meta = regular(path, &file)?;
    Ok((file, meta))
}

/// Opens a side file pantau owns (the audit log) to read, never through a link.
pub fn open_side_to_read(path: &Path) -> io::Result<(File, Metadata)> {
    let file = opened(path, options(true, false, false).open(path))?;
    let meta = regular(path, &file)?;
    Ok((file, meta))
}

/// Opens the side file at `path` to append (creating it the first time),
/// never through a link, only a regular file that is ours or the group's;
/// one it creates gets `plan`'s group and mode.
pub fn open_side_to_append(path: &Path, plan: &Metadata) -> io::Result<File> {
    let existed = fs::symlink_metadata(path).is_ok();
    let file = opened(path, options(false, true, true).open(path))?;
    let meta = regular(path, &file)?;
    if existed {
        check_owner(path, &meta, plan)?;
    } else {
        fit_to_plan(&file, plan);
    }
    Ok(file)
}

/// A file of another login is accepted only when it is shared through the
/// plan's group (the group folder's own files are).
fn check_owner(path: &Path, meta: &Metadata, plan: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let me = effective_uid();
        if meta.uid() != me && meta.uid() != plan.uid() && meta.gid() != plan.gid() {
            return Err(Refused::Foreign {
                path: path.to_path_buf(),
                owner: meta.uid(),
            }
            .into());
        }
    }
    let _ = (path, meta, plan);
    Ok(())
}

/// Gives a file pantau just created the plan's group and mode (no wider than
/// read and write), whatever the umask; run as root (sudo), its owner too,
/// so the next officer's save is not locked out. Best effort: a system that
/// refuses leaves the file as created, which `pantau doctor` reports.
pub fn fit_to_plan(file: &File, plan: &Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let _ = std::os::unix::fs::fchown(file, None, Some(plan.gid()));
        if effective_uid() == 0 {
            let _ = std::os::unix::fs::fchown(file, Some(plan.uid()), Some(plan.gid()));
        }
        let _ = file.set_permissions(fs::Permissions::from_mode(plan.mode() & 0o666));
    }
    let _ = (file, plan);
}

/// The effective user id (root under sudo).
pub fn effective_uid() -> u32 {
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions and cannot fail.
        unsafe { libc::geteuid() }
    }
    #[cfg(not(unix))]
    {
        0
    }
}

/// The real user id: who started pantau, whatever the environment says.
pub fn real_uid() -> u32 {
    #[cfg(unix)]
    {
        // SAFETY: getuid has no preconditions and cannot fail.
        unsafe { libc::getuid() }
    }
    #[cfg(not(unix))]
    {
        0
    }
}

/// Whether this process may write `path` (its permissions, not the folder's).
pub fn can_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: `c` is a valid NUL-terminated path for the call's duration.
        unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK, libc::AT_EACCESS) == 0 }
    }
    #[cfg(not(unix))]
    {
        fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
    }
}

/// Who holds the folder's lock, as far as anyone can tell, and since when
/// this process has waited: for "waiting for another officer's save".
#[derive(Debug, Clone, Copy)]
pub struct Waiting {
    pub since: Instant,
}

/// Holds a plan's lock: one read-check-write at a time. Released on drop.
pub struct PlanLock {
    _held: File,
}

/// Opens what a save of the plan `target` locks: its lock file
/// `.<file>.lock`, which only those who may write the plan can open. It is
/// created 0660 with the plan's group whatever the umask, and a wider one
/// of this officer's is narrowed, because any login that can open a file
/// can `flock` it and so stop every save. Where that name holds something
/// else (a colleague's link, folder or FIFO, or a file this officer may not
/// open), the plan's folder is locked instead, as every saver then does:
/// the same for all of them, and doctor reports it. Without `create`, a
/// lock file not there yet is not made (nobody has saved through it).
pub fn lock_file(target: &Path, create: bool) -> io::Result<File> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = dir.join(format!(".{name}.lock"));
    let existed = fs::symlink_metadata(&path).is_ok();
    let mut options = options(true, false, create);
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o660);
    let file = match options.open(&path) {
        Ok(file) if file.metadata().is_ok_and(|m| m.is_file()) => file,
        _ => return File::open(&dir),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = file.metadata()?;
        let plan = fs::metadata(target).ok();
        if !existed {
            if let Some(plan) = &plan {
                let _ = std::os::unix::fs::fchown(&file, None, Some(plan.gid()));
            }
            let _ = file.set_permissions(fs::Permissions::from_mode(0o660));
        } else if meta.mode() & 0o007 != 0 && meta.uid() == effective_uid() {
            let _ = file.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o770));
        }
    }
    let _ = existed;
    Ok(file)
}

/// How long a save waits for another officer's before it gives up.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// [`LOCK_TIMEOUT`], or `PANTAU_LOCK_TIMEOUT` seconds (1 to 3600) where an
/// office needs another limit.
pub fn lock_timeout() -> Duration {
    std::env::var("PANTAU_LOCK_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| (1..=3600).contains(s))
        .map_or(LOCK_TIMEOUT, Duration::from_secs)
}

/// Takes the lock of the plan `target` (see [`lock_file`]), telling
/// `waiting` once if someone else holds it, and giving up after `timeout`
/// (the edits stay in the session).
pub fn lock_plan(
    target: &Path,
    timeout: Duration,
    waiting: &mut dyn FnMut(Waiting),
) -> io::Result<PlanLock> {
    let held = lock_file(target, true)?;
    let since = Instant::now();
    let mut told = false;
    loop {
        match held.try_lock() {
            Ok(()) => return Ok(PlanLock { _held: held }),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        if !told {
            waiting(Waiting { since });
            told = true;
        }
        if since.elapsed() >= timeout {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "another officer's save still holds the plan's lock",
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
