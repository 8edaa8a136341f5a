//! Who changed what, so that no officer can forge or erase another's record
//! unnoticed: one journal per login in `<plan>.journal/`, each written only
//! by its owner, its lines chained by hash, each save witnessing the other
//! journals' heads; every reader merges them by time and says what does not
//! check out.
//!
//! The folder is setgid and sticky (`3770` for a plan at `0660`): in it no
//! one but a file's owner, the folder's owner and root can remove or replace
//! a journal. A journal is `<login>.jsonl`, created by its owner at `0640`
//! (the group reads, only the owner writes), one JSON object a line:
//! `{"v":2,"n":…,"prev":…,"when":…,"user":…,…,"seen":{login:[n,hash]}}`.
//! `prev` is the SHA-256 of the line before it in the same journal, so a
//! line changed, removed or moved inside a journal breaks the chain at the
//! next one; `seen` is the number and hash of each other journal's newest
//! line when this save was made, so a journal cut short, its newest lines
//! changed, or removed whole, is found by the journals that saw it.
//!
//! What it cannot do: an officer may rewrite their own lines that no later
//! save of another officer has witnessed; root can do anything; the plan
//! itself stays writable by the whole group (the journals show who saved
//! what, so such a change can be found and undone, see docs/SHARING.md).

use super::login::Who;
use super::safe;
use super::sha256;
use crate::i18n::{Text, fill};
use crate::text::escape;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, Metadata};
use std::io::{self, Read, Seek, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The journals' line format version.
pub const JOURNAL_VERSION: u32 = 2;

/// Reading stops at this much of a journal's end (as for the old log).
pub const MAX_JOURNAL_BYTES: u64 = 16 * 1024 * 1024;

/// Where a save looks for the newest line of a journal: its last 64 KB.
const TAIL_BYTES: u64 = 64 * 1024;

/// The journals' folder beside the data file: `plan.ron.journal`.
pub fn folder(data: &Path) -> PathBuf {
    let mut name = data
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".journal");
    data.with_file_name(name)
}

/// One line of a journal as written.
#[derive(Serialize, Deserialize)]
struct Line {
    v: u32,
    /// Its place in the journal, from 1.
    n: u64,
    /// SHA-256 of the journal's line before it, empty for the first.
    prev: String,
    when: String,
    user: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    officer: String,
    from: String,
    subject: String,
    field: String,
    old: String,
    new: String,
    /// Each other journal's newest line this save saw: its number and hash.
    #[serde(default)]
    seen: Seen,
}

/// One logged change, from a journal or the old log.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    pub when: String,
    pub user: String,
    /// The name the officer gave, if any.
    pub officer: String,
    pub from: String,
    pub subject: String,
    pub field: String,
    pub old: String,
    pub new: String,
    /// From the old single log, or a journal others could write or that
    /// named another login: shown, but not proof of who made it.
    pub unverified: bool,
}

/// What does not check out in the journals; `i18n` words it, `doctor` and
/// `pantau log` report it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A journal pantau would not open: a link, a FIFO or device, a file
    /// owned by a login other than the one it is named for. Never read.
    Refused { journal: String, why: Why },
    /// Others than its owner may write it: its lines prove nothing.
    Writable { journal: String, mode: u32 },
    /// A line that does not read as a journal line (line number from 1).
    Unreadable { journal: String, line: usize },
    /// Entry `at` does not follow the line before it: entries before it were
    /// changed, removed or reordered.
    ChainBroken { journal: String, at: u64 },
    /// An entry that names another login than its journal's.
    ClaimsOther {
        journal: String,
        at: u64,
        claimed: String,
    },
    /// `by`'s journal saw entry `seen` of this one, which now ends at `now`.
    CutShort {
        journal: String,
        seen: u64,
        now: u64,
        by: String,
    },
    /// `by`'s journal saw entry `at` of this one as it no longer is.
    Rewritten {
        journal: String,
        at: u64,
        by: String,
    },
    /// `by`'s journal saw `seen` entries of this one, which is gone.
    Missing {
        journal: String,
        seen: u64,
        by: String,
    },
    /// The journals' folder is not a folder (a link, a file).
    FolderRefused { why: Why },
    /// This reader's last reading saw `seen` entries of a journal now gone
    /// (see `super::seen`): found even when every journal went at once.
    GoneSinceRead { journal: String, seen: u64 },
    /// This reader's last reading saw entry `seen`; the journal ends at `now`.
    CutSinceRead {
        journal: String,
        seen: u64,
        now: u64,
    },
    /// Entry `at` is not what this reader's last reading saw as the newest.
    RewrittenSinceRead { journal: String, at: u64 },
    /// The old single log beside the plan, read as history no one can check.
    Unverified { entries: usize },
}

impl Problem {
    /// In words, for the plan whose journals' folder is `folder`:
    /// `what|fix` where there is a fix.
    pub fn render(&self, t: &Text, folder: &Path) -> String {
        let l = &t.log;
        let e = |s: &str| escape(s).into_owned();
        let dir = crate::text::escape_path(folder);
        match self {
            Problem::Refused { journal, why } => match why {
                Why::Link => fill(l.j_link, &[&e(journal), &dir]),
                Why::NotRegular => fill(l.j_not_regular, &[&e(journal), &dir]),
                Why::Owner(owner) => fill(l.j_owner, &[&e(journal), &e(owner), &dir]),
            },
            Problem::Writable { journal, mode } => {
                let path = crate::text::escape_path(&folder.join(format!("{journal}.jsonl")));
                fill(l.j_writable, &[&e(journal), &format!("{mode:04o}"), &path])
            }
            Problem::Unreadable { journal, line } => fill(l.j_unreadable, &[&e(journal), line]),
            Problem::ChainBroken { journal, at } => fill(l.j_chain, &[&e(journal), at]),
            Problem::ClaimsOther {
                journal,
                at,
                claimed,
            } => fill(l.j_claims, &[&e(journal), at, &e(claimed)]),
            Problem::CutShort {
                journal,
                seen,
                now,
                by,
            } => fill(l.j_cut, &[&e(journal), seen, now, &e(by)]),
            Problem::Rewritten { journal, at, by } => {
                fill(l.j_rewritten, &[&e(journal), at, &e(by)])
            }
            Problem::Missing { journal, seen, by } => {
                fill(l.j_missing, &[&e(journal), seen, &e(by)])
            }
            Problem::FolderRefused { .. } => fill(l.j_folder, &[&dir]),
            Problem::GoneSinceRead { journal, seen } => fill(l.j_gone_read, &[&e(journal), seen]),
            Problem::CutSinceRead { journal, seen, now } => {
                fill(l.j_cut_read, &[&e(journal), seen, now])
            }
            Problem::RewrittenSinceRead { journal, at } => {
                fill(l.j_rewritten_read, &[&e(journal), at])
            }
            Problem::Unverified { entries } => {
                let old = folder.with_extension("log");
                fill(l.j_old_log, &[entries, &crate::text::escape_path(&old)])
            }
        }
    }
}

/// Why a file or folder was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Link,
    NotRegular,
    /// Owned by this login instead of the one in its name.
    Owner(String),
}

impl Journals {
    /// Whether any problem shows history changed or withheld.
    pub fn tampered(&self) -> bool {
        self.problems.iter().any(Problem::is_tampering)
    }
}

impl Problem {
    /// Whether it shows history changed or withheld (not only a setup to fix).
    pub fn is_tampering(&self) -> bool {
        !matches!(self, Problem::Unverified { .. } | Problem::Writable { .. })
    }
}

/// The journals read: every entry, oldest first, and what did not check out.
#[derive(Debug, Default)]
pub struct Journals {
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
    /// Each journal's newest line as read: its number and hash.
    pub heads: Heads,
}

/// Journals' newest lines by login: number and hash.
pub type Heads = BTreeMap<String, (u64, String)>;

/// The login whose journal this process writes, and its user id: the real
/// user's, or under sudo the officer behind it (as [`Who`] records it).
pub fn own_login() -> (String, u32) {
    let uid = super::login::sudo_officer(safe::effective_uid(), |k| std::env::var(k).ok())
        .map_or_else(safe::real_uid, |(_, id)| id);
    (journal_name(uid), uid)
}

/// A journal's name for user id `uid`: the login, or `uid-N` when it has no
/// name that is safe as a file name.
fn journal_name(uid: u32) -> String {
    match super::login::user_name(uid) {
        Some(name)
            if !name.is_empty()
                && !name.starts_with('.')
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-@".contains(c)) =>
        {
            name
        }
        _ => format!("uid-{uid}"),
    }
}

/// The mode of a new journals' folder: setgid and sticky, and for each of
/// group and others what the plan gives them (read: list, write: add).
fn folder_mode(plan: &Metadata) -> u32 {
    let p = plan.mode();
    let mut mode = 0o3700;
    for shift in [3, 0] {
        if p & (0o4 << shift) != 0 {
            mode |= 0o5 << shift;
        }
        if p & (0o2 << shift) != 0 {
            mode |= 0o3 << shift;
        }
    }
    mode
}

/// A journal's mode: its owner writes, whoever may read the plan reads.
fn journal_mode(plan: &Metadata) -> u32 {
    0o600 | (plan.mode() & 0o044)
}

/// Opens `name` inside the open folder `dir`, never through a link and
/// never blocking on a FIFO.
fn open_in(dir: &File, name: &str, flags: i32, mode: u32) -> io::Result<File> {
    use std::os::fd::{AsRawFd, FromRawFd};
    let c =
        std::ffi::CString::new(name).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
    let flags = flags | libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC;
    // SAFETY: `dir` is an open descriptor and `c` a NUL-terminated name,
    // both alive for the call; the returned descriptor is owned by the File.
    let fd = unsafe { libc::openat(dir.as_raw_fd(), c.as_ptr(), flags, mode as libc::c_uint) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` was just opened and is owned by nothing else.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// Opens the journals' folder, refusing a link or anything not a folder.
fn open_folder(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_DIRECTORY | libc::O_NOFOLLOW | libc::O_CLOEXEC,
    );
    options.open(path)
}

fn refusal(error: &io::Error) -> Option<Why> {
    match error.raw_os_error() {
        Some(libc::ELOOP) => Some(Why::Link),
        Some(libc::ENOTDIR) => Some(Why::NotRegular),
        _ => None,
    }
}

/// Why the journals' folder at `path` did not open as one, if it is not:
/// a link (refused by `O_NOFOLLOW`, which Linux says as "not a folder"
/// when a folder is asked for) or something else.
fn folder_refusal(path: &Path, error: &io::Error) -> Option<Why> {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match refusal(error) {
        Some(_) if link => Some(Why::Link),
        other => other,
    }
}

/// The journals' folder, made the first time with the plan's group and the
/// mode of [`folder_mode`], whatever the umask.
fn ensure_folder(path: &Path, plan: &Metadata) -> io::Result<File> {
    match open_folder(path) {
        Ok(dir) => return Ok(dir),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    match fs::create_dir(path) {
        Ok(()) => {}
        // Another officer's save made it first.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return open_folder(path),
        Err(e) => return Err(e),
    }
    let dir = open_folder(path)?;
    let _ = std::os::unix::fs::fchown(&dir, None, Some(plan.gid()));
    let _ = dir.set_permissions(fs::Permissions::from_mode(folder_mode(plan)));
    Ok(dir)
}

/// A journal opened to read, with its owner checked against its name.
fn open_journal(dir: &File, name: &str, login: &str) -> Result<(File, Metadata), Why> {
    let file = match open_in(dir, name, libc::O_RDONLY, 0) {
        Ok(file) => file,
        Err(e) => return Err(refusal(&e).unwrap_or(Why::NotRegular)),
    };
    let meta = file.metadata().map_err(|_| Why::NotRegular)?;
    if !meta.is_file() {
        return Err(Why::NotRegular);
    }
    if journal_name(meta.uid()) != login {
        return Err(Why::Owner(journal_name(meta.uid())));
    }
    Ok((file, meta))
}

/// The journals' names in the folder (`andi` for `andi.jsonl`), sorted.
fn names(path: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    name.strip_suffix(".jsonl")
                        .filter(|n| !n.is_empty())
                        .map(String::from)
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The last whole line of `file` (of its last [`TAIL_BYTES`]), if any.
fn last_line(file: &mut File, len: u64) -> io::Result<Option<String>> {
    let skip = len.saturating_sub(TAIL_BYTES);
    file.seek(io::SeekFrom::Start(skip))?;
    let mut bytes = Vec::new();
    file.take(TAIL_BYTES).read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(text
        .trim_end_matches('\n')
        .rsplit('\n')
        .next()
        .filter(|l| !l.is_empty())
        .map(String::from))
}

/// A journal's newest line as others witness it: its number and hash.
fn head(line: &str) -> (u64, String) {
    let n = serde_json::from_str::<Line>(line).map_or(0, |l| l.n);
    (n, sha256::hex(line.as_bytes()))
}

/// Appends one line per change to this login's journal, in one write,
/// chained to its last line and witnessing the other journals' heads.
/// Called under the plan folder's lock. Another officer's journal that is
/// not as it should be is left out of what this save witnesses, never a
/// reason for the save to fail.
pub fn append(
    data: &Path,
    who: &Who,
    changes: &[(String, String, String, String)],
) -> io::Result<()> {
    let target = super::write::resolve_symlink(data)?;
    let plan = fs::metadata(&target)?;
    let path = folder(&target);
    let dir = ensure_folder(&path, &plan).map_err(|e| match folder_refusal(&path, &e) {
        Some(Why::Link) => safe::Refused::Link(path.clone()).into(),
        Some(_) => safe::Refused::NotRegular(path.clone()).into(),
        None => e,
    })?;
    let (login, uid) = own_login();
    let mut seen = BTreeMap::new();
    for other in names(&path).into_iter().filter(|n| *n != login) {
        let Ok((mut file, meta)) = open_journal(&dir, &format!("{other}.jsonl"), &other) else {
            continue;
        };
        if let Ok(Some(line)) = last_line(&mut file, meta.len()) {
            seen.insert(other, head(&line));
        }
    }
    let name = format!("{login}.jsonl");
    let mut file = open_in(
        &dir,
        &name,
        libc::O_RDWR | libc::O_APPEND | libc::O_CREAT,
        journal_mode(&plan),
    )
    .map_err(|e| match refusal(&e) {
        Some(_) => safe::Refused::Link(path.join(&name)).into(),
        None => e,
    })?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(safe::Refused::NotRegular(path.join(&name)).into());
    }
    if meta.uid() != uid {
        // Made just now by root under sudo: given to the officer behind it.
        if meta.uid() == 0 && meta.len() == 0 {
            std::os::unix::fs::fchown(&file, Some(uid), Some(plan.gid()))?;
        } else {
            return Err(safe::Refused::Foreign {
                path: path.join(&name),
                owner: meta.uid(),
            }
            .into());
        }
    }
    if meta.mode() & 0o777 != journal_mode(&plan) {
        let _ = file.set_permissions(fs::Permissions::from_mode(journal_mode(&plan)));
    }
    let after = match last_line(&mut file, meta.len())? {
        Some(line) => head(&line),
        None => (0, String::new()),
    };
    let text = encode(after, who, changes, &seen)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// A save's lines, numbered and chained after the journal's line `after`
/// (its number and hash; `(0, "")` for a new journal).
fn encode(
    after: (u64, String),
    who: &Who,
    changes: &[(String, String, String, String)],
    seen: &Seen,
) -> io::Result<String> {
    let (mut n, mut prev) = after;
    let mut text = String::new();
    for (subject, field, old, new) in changes {
        n += 1;
        let line = Line {
            v: JOURNAL_VERSION,
            n,
            prev,
            when: who.when.clone(),
            user: who.user.clone(),
            officer: who.officer.clone(),
            from: who.from.clone(),
            subject: subject.clone(),
            field: field.clone(),
            old: old.clone(),
            new: new.clone(),
            seen: seen.clone(),
        };
        let json = serde_json::to_string(&line).map_err(io::Error::other)?;
        prev = sha256::hex(json.as_bytes());
        text.push_str(&json);
        text.push('\n');
    }
    Ok(text)
}

/// Each other journal's newest line a save saw: its number and hash.
type Seen = Heads;

/// One journal as read: its lines by number with their hashes.
struct Read1 {
    name: String,
    /// (n, hash, entry, seen), in file order.
    lines: Vec<(u64, String, Entry, Seen)>,
}

/// Reads one journal, checking its chain and who its entries name.
fn read_one(
    name: &str,
    mut file: File,
    meta: &Metadata,
    problems: &mut Vec<Problem>,
) -> io::Result<Read1> {
    let skip = meta.len().saturating_sub(MAX_JOURNAL_BYTES);
    file.seek(io::SeekFrom::Start(skip))?;
    let mut bytes = Vec::new();
    file.take(MAX_JOURNAL_BYTES).read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let text = if skip > 0 {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        &text
    };
    let writable = meta.mode() & 0o022 != 0;
    if writable {
        problems.push(Problem::Writable {
            journal: name.to_string(),
            mode: meta.mode() & 0o7777,
        });
    }
    Ok(check(name, text, skip > 0, writable, problems))
}

/// One journal's text checked: each line follows the one before it (by
/// number and hash; from the first, unless `from_middle`) and names the
/// journal's login. Entries of a journal others may write, or that name
/// another login, are marked unverified.
fn check(
    name: &str,
    text: &str,
    from_middle: bool,
    writable: bool,
    problems: &mut Vec<Problem>,
) -> Read1 {
    let mut read = Read1 {
        name: name.to_string(),
        lines: Vec::new(),
    };
    // The hash and number of the line before; None before the first.
    let mut before: Option<(String, u64)> = None;
    for (number, raw) in text.lines().enumerate() {
        let hash = sha256::hex(raw.as_bytes());
        let Ok(line) = serde_json::from_str::<Line>(raw) else {
            problems.push(Problem::Unreadable {
                journal: name.to_string(),
                line: number + 1,
            });
            before = Some((hash, 0));
            continue;
        };
        let follows = match &before {
            None => from_middle || (line.n == 1 && line.prev.is_empty()),
            Some((prev, n)) => line.prev == *prev && (*n == 0 || line.n == n + 1),
        };
        if !follows {
            problems.push(Problem::ChainBroken {
                journal: name.to_string(),
                at: line.n,
            });
        }
        let own = line.user == name || line.user.strip_suffix(" (sudo)").is_some_and(|u| u == name);
        if !own {
            problems.push(Problem::ClaimsOther {
                journal: name.to_string(),
                at: line.n,
                claimed: line.user.clone(),
            });
        }
        before = Some((hash.clone(), line.n));
        let entry = Entry {
            when: line.when,
            user: if own { line.user } else { name.to_string() },
            officer: line.officer,
            from: line.from,
            subject: line.subject,
            field: line.field,
            old: line.old,
            new: line.new,
            unverified: writable || !own,
        };
        read.lines.push((line.n, hash, entry, line.seen));
    }
    read
}

/// Every journal of the plan file `target` (a link already resolved) and
/// the old log's entries, merged by time (oldest first), with what does not
/// check out. A plan with neither has no entries and no problems.
pub fn read(target: &Path, old: Vec<Entry>) -> io::Result<Journals> {
    read_since(target, old, &Heads::new())
}

/// As [`read`], and checked against the heads this reader saw last time
/// (`remembered`): a journal gone, cut short or rewritten since is a
/// problem even when no other journal witnessed it.
pub fn read_since(target: &Path, old: Vec<Entry>, remembered: &Heads) -> io::Result<Journals> {
    let mut problems = Vec::new();
    let mut journals = Vec::new();
    let path = folder(target);
    match open_folder(&path) {
        Ok(dir) => {
            for name in names(&path) {
                match open_journal(&dir, &format!("{name}.jsonl"), &name) {
                    Ok((file, meta)) => journals.push(read_one(&name, file, &meta, &mut problems)?),
                    Err(why) => problems.push(Problem::Refused { journal: name, why }),
                }
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => match folder_refusal(&path, &e) {
            Some(why) => problems.push(Problem::FolderRefused { why }),
            None => return Err(e),
        },
    }
    let mut read = assemble(journals, problems, old);
    since_read(remembered, &mut read);
    Ok(read)
}

/// The journals read and the old log's entries as one checked history.
fn assemble(journals: Vec<Read1>, mut problems: Vec<Problem>, old: Vec<Entry>) -> Journals {
    witness(&journals, &problems.clone(), &mut problems);
    if !old.is_empty() {
        problems.push(Problem::Unverified { entries: old.len() });
    }
    let heads = (journals.iter())
        .filter_map(|j| {
            let (n, hash, ..) = j.lines.iter().max_by_key(|(n, ..)| *n)?;
            Some((j.name.clone(), (*n, hash.clone())))
        })
        .collect();
    let entries = merge(journals, old);
    Journals {
        entries,
        problems,
        heads,
    }
}

/// What this reader saw last time (`remembered`) checked against the
/// journals now, where no other journal has already said it.
fn since_read(remembered: &Heads, read: &mut Journals) {
    let told = |name: &str| {
        read.problems.iter().any(|p| match p {
            Problem::Refused { journal, .. }
            | Problem::Missing { journal, .. }
            | Problem::CutShort { journal, .. }
            | Problem::Rewritten { journal, .. } => journal == name,
            _ => false,
        })
    };
    let mut found = Vec::new();
    for (name, (seen, hash)) in remembered {
        if told(name) {
            continue;
        }
        match read.heads.get(name) {
            None => found.push(Problem::GoneSinceRead {
                journal: name.clone(),
                seen: *seen,
            }),
            Some((now, _)) if now < seen => found.push(Problem::CutSinceRead {
                journal: name.clone(),
                seen: *seen,
                now: *now,
            }),
            Some((now, head)) if now == seen && head != hash => {
                found.push(Problem::RewrittenSinceRead {
                    journal: name.clone(),
                    at: *seen,
                })
            }
            // A line before the newest is checked by the chain from it.
            Some(_) => {}
        }
    }
    read.problems.extend(found);
}

/// What a reader records after reading: each journal's head now, except
/// where it went back, so a journal cut short or removed is said again at
/// every reading, not only the first.
pub fn to_remember(remembered: &Heads, read: &Journals) -> Heads {
    let mut out = remembered.clone();
    for (name, (n, hash)) in &read.heads {
        let went_back = read.problems.iter().any(|p| match p {
            Problem::CutSinceRead { journal, .. } | Problem::RewrittenSinceRead { journal, .. } => {
                journal == name
            }
            _ => false,
        });
        if !went_back {
            out.insert(name.clone(), (*n, hash.clone()));
        }
    }
    out
}

/// What each journal's lines say they saw of the others, checked against
/// what those journals now hold.
fn witness(journals: &[Read1], already: &[Problem], problems: &mut Vec<Problem>) {
    let by_name: BTreeMap<&str, &Read1> = journals.iter().map(|j| (j.name.as_str(), j)).collect();
    // Every line names the heads it saw, so a search through the seen
    // journal per line would make reading quadratic in its length.
    let hashes: BTreeMap<&str, std::collections::HashMap<u64, &str>> = (journals.iter())
        .map(|j| {
            let mut by_n = std::collections::HashMap::new();
            for (n, h, ..) in &j.lines {
                // The first line of a number, as a search would find it.
                by_n.entry(*n).or_insert(h.as_str());
            }
            (j.name.as_str(), by_n)
        })
        .collect();
    let refused: Vec<&str> = already
        .iter()
        .filter_map(|p| match p {
            Problem::Refused { journal, .. } => Some(journal.as_str()),
            _ => None,
        })
        .collect();
    // Per journal seen, the furthest entry any other saw, and by whom.
    let mut furthest: BTreeMap<&str, (u64, &str)> = BTreeMap::new();
    let mut rewritten: BTreeMap<&str, (u64, &str)> = BTreeMap::new();
    for j in journals {
        for (_, _, _, seen) in &j.lines {
            for (other, (n, hash)) in seen {
                let slot = furthest.entry(other.as_str()).or_insert((0, ""));
                if *n > slot.0 {
                    *slot = (*n, j.name.as_str());
                }
                let Some(theirs) = hashes.get(other.as_str()) else {
                    continue;
                };
                let changed = theirs.get(n).is_some_and(|h| h != hash);
                if changed {
                    rewritten
                        .entry(other.as_str())
                        .or_insert((*n, j.name.as_str()));
                }
            }
        }
    }
    for (name, (seen, by)) in furthest {
        if refused.contains(&name) {
            continue;
        }
        match by_name.get(name) {
            None => problems.push(Problem::Missing {
                journal: name.to_string(),
                seen,
                by: by.to_string(),
            }),
            Some(j) => {
                let now = j.lines.iter().map(|(n, ..)| *n).max().unwrap_or(0);
                if now < seen {
                    problems.push(Problem::CutShort {
                        journal: name.to_string(),
                        seen,
                        now,
                        by: by.to_string(),
                    });
                }
            }
        }
    }
    for (name, (at, by)) in rewritten {
        problems.push(Problem::Rewritten {
            journal: name.to_string(),
            at,
            by: by.to_string(),
        });
    }
}

/// The instant of a logged time, for ordering; `None` when it does not read.
fn instant(when: &str) -> Option<jiff::Timestamp> {
    when.parse().ok()
}

/// All journals and the old log as one history, oldest first: by time,
/// and where two saves share a second, the one another saw first.
fn merge(journals: Vec<Read1>, old: Vec<Entry>) -> Vec<Entry> {
    struct Queue {
        name: String,
        // (instant, n, entry, seen), in the journal's order.
        items: Vec<(Option<jiff::Timestamp>, u64, Entry, Seen)>,
        next: usize,
        done: u64,
        last: u64,
    }
    let mut queues: Vec<Queue> = journals
        .into_iter()
        .map(|j| {
            let last = j.lines.iter().map(|(n, ..)| *n).max().unwrap_or(0);
            let mut at = None;
            let items = j
                .lines
                .into_iter()
                .map(|(n, _, entry, seen)| {
                    // A time that does not read keeps its place after the one before.
                    at = instant(&entry.when).or(at);
                    (at, n, entry, seen)
                })
                .collect();
            Queue {
                name: j.name,
                items,
                next: 0,
                done: 0,
                last,
            }
        })
        .collect();
    let mut at = None;
    queues.push(Queue {
        name: String::new(),
        items: old
            .into_iter()
            .map(|entry| {
                at = instant(&entry.when).or(at);
                (at, 0, entry, BTreeMap::new())
            })
            .collect(),
        next: 0,
        done: 0,
        last: 0,
    });
    let total = queues.iter().map(|q| q.items.len()).sum();
    let mut out = Vec::with_capacity(total);
    while out.len() < total {
        let waiting = |q: &Queue| -> bool {
            let (_, _, _, seen) = &q.items[q.next];
            seen.iter().any(|(other, (n, _))| {
                queues
                    .iter()
                    .find(|o| o.name == *other)
                    .is_some_and(|o| o.done < *n && *n <= o.last)
            })
        };
        let open: Vec<usize> = (0..queues.len())
            .filter(|&i| queues[i].next < queues[i].items.len())
            .collect();
        let ready: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| !waiting(&queues[i]))
            .collect();
        let from = if ready.is_empty() { &open } else { &ready };
        let Some(&pick) = from
            .iter()
            .min_by_key(|&&i| queues[i].items[queues[i].next].0)
        else {
            break;
        };
        let q = &mut queues[pick];
        let (_, n, entry, _) = std::mem::take(&mut q.items[q.next]);
        q.done = n;
        q.next += 1;
        out.push(entry);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(user: &str, when: &str) -> Who {
        Who {
            user: user.into(),
            officer: String::new(),
            from: "local".into(),
            when: when.into(),
        }
    }

    fn change(subject: &str, new: &str) -> (String, String, String, String) {
        (
            subject.into(),
            "status".into(),
            "InProgress".into(),
            new.into(),
        )
    }

    /// An office's journals kept as text: each save appends to its login's
    /// journal as `append` does, witnessing the others' heads.
    #[derive(Default)]
    struct Office(BTreeMap<String, String>);

    impl Office {
        fn save(&mut self, login: &str, when: &str, changes: &[(String, String, String, String)]) {
            let seen = self
                .0
                .iter()
                .filter(|(name, _)| *name != login)
                .filter_map(|(name, text)| Some((name.clone(), head(text.lines().last()?))))
                .collect();
            let text = self.0.entry(login.into()).or_default();
            let after = text.lines().last().map_or((0, String::new()), head);
            text.push_str(&encode(after, &who(login, when), changes, &seen).unwrap());
        }

        fn read(&self) -> Journals {
            let mut problems = Vec::new();
            let journals = self
                .0
                .iter()
                .map(|(name, text)| check(name, text, false, false, &mut problems))
                .collect();
            assemble(journals, problems, Vec::new())
        }

        fn lines(&mut self, login: &str, edit: impl FnOnce(&mut Vec<String>)) {
            let text = self.0.get_mut(login).unwrap();
            let mut lines: Vec<String> = text.lines().map(String::from).collect();
            edit(&mut lines);
            *text = lines.iter().map(|l| format!("{l}\n")).collect();
        }
    }

    /// Andi saves twice, Budi once between, Andi again: every one seen.
    fn office() -> Office {
        let mut office = Office::default();
        office.save(
            "andi",
            "2026-11-28T09:00:00+08:00",
            &[change("GOV-01", "Done")],
        );
        office.save(
            "budi",
            "2026-11-28T10:00:00+08:00",
            &[change("GOV-02", "Delayed")],
        );
        office.save(
            "andi",
            "2026-11-28T11:00:00+08:00",
            &[change("GOV-03", "Done"), change("GOV-04", "Done")],
        );
        office.save(
            "budi",
            "2026-11-28T12:00:00+08:00",
            &[change("GOV-05", "Done")],
        );
        office
    }

    fn subjects(journals: &Journals) -> Vec<&str> {
        journals
            .entries
            .iter()
            .map(|e| e.subject.as_str())
            .collect()
    }

    #[test]
    fn journals_that_check_out_merge_by_time_with_no_problem() {
        let read = office().read();
        assert_eq!(read.problems, []);
        assert_eq!(
            subjects(&read),
            ["GOV-01", "GOV-02", "GOV-03", "GOV-04", "GOV-05"]
        );
        assert!(read.entries.iter().all(|e| !e.unverified));
    }

    #[test]
    fn saves_in_one_second_are_ordered_by_what_each_saw() {
        let mut office = Office::default();
        let second = "2026-11-28T09:00:00+08:00";
        // Budi's journal sorts first by name; Andi saved first.
        office.save("budi", second, &[change("GOV-01", "Done")]);
        office.save("andi", second, &[change("GOV-02", "Done")]);
        office.save("budi", second, &[change("GOV-03", "Done")]);
        assert_eq!(subjects(&office.read()), ["GOV-01", "GOV-02", "GOV-03"]);
        // Times in other zones compare as instants.
        let mut office = Office::default();
        office.save(
            "andi",
            "2026-11-28T09:30:00+08:00",
            &[change("GOV-01", "Done")],
        );
        office.save(
            "budi",
            "2026-11-28T09:00:00+07:00",
            &[change("GOV-02", "Done")],
        );
        assert_eq!(subjects(&office.read()), ["GOV-01", "GOV-02"]);
    }

    #[test]
    fn an_entry_changed_in_a_journal_breaks_its_chain() {
        let mut office = office();
        office.lines("andi", |lines| {
            lines[1] = lines[1].replace("GOV-03", "GOV-09")
        });
        assert!(office.read().problems.contains(&Problem::ChainBroken {
            journal: "andi".into(),
            at: 3
        }));
    }

    #[test]
    fn an_entry_removed_from_the_middle_or_moved_breaks_its_chain() {
        let mut removed = office();
        removed.lines("andi", |lines| {
            lines.remove(1);
        });
        let problems = removed.read().problems;
        assert!(
            problems.contains(&Problem::ChainBroken {
                journal: "andi".into(),
                at: 3
            }),
            "{problems:?}"
        );
        let mut moved = office();
        moved.lines("andi", |lines| lines.swap(0, 2));
        let problems = moved.read().problems;
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Problem::ChainBroken { journal, .. } if journal == "andi")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_first_entries_removed_break_the_chain_at_the_new_first() {
        let mut office = office();
        office.lines("andi", |lines| {
            lines.remove(0);
        });
        assert!(office.read().problems.contains(&Problem::ChainBroken {
            journal: "andi".into(),
            at: 2
        }));
    }

    #[test]
    fn newest_entries_cut_off_are_found_by_the_journal_that_saw_them() {
        let mut office = office();
        // Andi removes his two newest lines, which Budi's last save saw.
        office.lines("andi", |lines| lines.truncate(1));
        let read = office.read();
        assert_eq!(
            read.problems,
            [Problem::CutShort {
                journal: "andi".into(),
                seen: 3,
                now: 1,
                by: "budi".into()
            }]
        );
    }

    #[test]
    fn a_newest_entry_rewritten_whole_with_its_chain_is_found_by_the_witness() {
        let mut office = office();
        // Andi rewrites his last line and would have to recompute nothing
        // after it: only Budi's record of its hash shows it.
        office.lines("andi", |lines| {
            lines[2] = lines[2].replace("GOV-04", "GOV-44");
        });
        assert_eq!(
            office.read().problems,
            [Problem::Rewritten {
                journal: "andi".into(),
                at: 3,
                by: "budi".into()
            }]
        );
    }

    #[test]
    fn a_journal_removed_whole_is_named_by_those_that_saw_it() {
        let mut office = office();
        office.0.remove("andi");
        assert_eq!(
            office.read().problems,
            [Problem::Missing {
                journal: "andi".into(),
                seen: 3,
                by: "budi".into()
            }]
        );
    }

    #[test]
    fn an_entry_naming_another_login_is_shown_as_its_journals_and_reported() {
        let mut office = Office::default();
        let text = encode(
            (0, String::new()),
            &who("andi", "2026-11-28T09:00:00+08:00"),
            &[change("GOV-01", "Cancelled")],
            &BTreeMap::new(),
        )
        .unwrap();
        office.0.insert("budi".into(), text);
        let read = office.read();
        assert_eq!(
            read.problems,
            [Problem::ClaimsOther {
                journal: "budi".into(),
                at: 1,
                claimed: "andi".into()
            }]
        );
        assert_eq!(read.entries[0].user, "budi");
        assert!(read.entries[0].unverified);
    }

    #[test]
    fn a_line_that_is_not_an_entry_is_reported_by_its_number() {
        let mut office = office();
        office.lines("budi", |lines| lines.push("{\"torn".into()));
        assert_eq!(
            office.read().problems,
            [Problem::Unreadable {
                journal: "budi".into(),
                line: 3
            }]
        );
    }
}
