//! Reading, checking and saving plan files: all of pantau's file I/O.
//!
//! A save must leave the file whole whatever happens: pantau writes a temporary
//! file beside it, syncs it, keeps the old version as `<file>.bak`, and renames
//! the new one into place, so a reader (or a crash) sees the old plan or the new
//! one, never half of each.

use crate::canonical;
use crate::i18n::{Text, fill};
use crate::model::{FORMAT_VERSION, Plan};
use crate::validate::{Problem, validate};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The bundled Kabupaten Luwu Utara example, in canonical form.
pub const EXAMPLE: &str = include_str!("../data/luwu-utara.ron");

/// Real plans are a few hundred KB; 10,000 programmes are about 10 MB. Anything
/// far beyond is a wrong path, and refusing it keeps memory bounded.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A plan together with what pantau keeps of its file besides the plan itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub plan: Plan,
    /// The comment lines before the plan, kept on save (comments elsewhere are not).
    pub preamble: String,
}

impl Document {
    pub fn to_ron(&self) -> String {
        canonical::to_ron(&self.plan, &self.preamble)
    }
}

/// A validation problem placed in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedProblem {
    pub line: Option<usize>,
    pub problem: Problem,
}

#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    IsDirectory(PathBuf),
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    Io {
        path: PathBuf,
        error: io::Error,
    },
    NotUtf8 {
        path: PathBuf,
        line: usize,
        col: usize,
    },
    Empty(PathBuf),
    NewerVersion {
        path: PathBuf,
        version: u64,
    },
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        error: ron::Error,
    },
    Invalid {
        path: PathBuf,
        problems: Vec<PlacedProblem>,
    },
}

impl LoadError {
    /// The message for a person: what is wrong, where, and what to do.
    pub fn render(&self, t: &Text) -> String {
        let (message, hint) = match self {
            Self::NotFound(p) => (
                fill(t.not_found, &[&p.display()]),
                Some(fill(t.not_found_hint, &[&p.display()])),
            ),
            Self::IsDirectory(p) => (fill(t.is_directory, &[&p.display()]), None),
            Self::TooLarge { path, bytes } => (
                fill(
                    t.too_large,
                    &[
                        &path.display(),
                        &(bytes / (1024 * 1024)),
                        &(MAX_FILE_BYTES / (1024 * 1024)),
                    ],
                ),
                Some(t.too_large_hint.to_string()),
            ),
            Self::Io { path, error } => (fill(t.unreadable, &[&path.display(), error]), None),
            Self::NotUtf8 { path, line, col } => (
                fill(t.not_utf8, &[&path.display(), line, col]),
                Some(t.not_utf8_hint.to_string()),
            ),
            Self::Empty(p) => (
                fill(t.empty_file, &[&p.display()]),
                Some(fill(t.empty_file_hint, &[&p.display()])),
            ),
            Self::NewerVersion { path, version } => (
                fill(
                    t.version_newer,
                    &[&path.display(), version, &FORMAT_VERSION],
                ),
                None,
            ),
            Self::Syntax {
                path,
                line,
                col,
                error,
            } => {
                let (what, hint) = describe_syntax(error, t);
                (
                    format!("{}:{line}:{col}: {what}", path.display()),
                    Some(hint),
                )
            }
            Self::Invalid { path, problems } => {
                let mut out = format!("{}: ", t.error);
                out.push_str(&fill(t.problems_found, &[&path.display(), &problems.len()]));
                for placed in problems {
                    out.push_str("\n  ");
                    out.push_str(&path.display().to_string());
                    if let Some(line) = placed.line {
                        out.push_str(&format!(":{line}"));
                    }
                    out.push_str(": ");
                    if let Some(id) = &placed.problem.program {
                        out.push_str(&crate::text::escape(id));
                        out.push_str(": ");
                    }
                    out.push_str(&placed.problem.message);
                }
                out.push_str(&format!(
                    "\n{}: {}",
                    t.hint,
                    fill(t.problems_hint, &[&path.display()])
                ));
                return out;
            }
        };
        match hint {
            Some(hint) => format!("{}: {message}\n{}: {hint}", t.error, t.hint),
            None => format!("{}: {message}", t.error),
        }
    }
}

/// Reads, parses and validates the plan at `path`.
pub fn load(path: &Path, t: &Text) -> Result<Document, LoadError> {
    load_with_fingerprint(path, t).map(|(document, _)| document)
}

/// `load`, and the fingerprint of the text it read, for a later `save_merging`.
pub fn load_with_fingerprint(path: &Path, t: &Text) -> Result<(Document, u64), LoadError> {
    let source = read(path)?;
    let document = parse(&source, path)?;
    let problems = validate(&document.plan, t);
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems: place(&source, &document.plan, problems),
        });
    }
    Ok((document, fingerprint(&source)))
}

/// Reads the file as UTF-8 text, refusing what cannot be a plan before
/// spending memory on it.
pub fn read(path: &Path) -> Result<String, LoadError> {
    let io_error = |error: io::Error| match error.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        _ => LoadError::Io {
            path: path.to_path_buf(),
            error,
        },
    };
    let meta = fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(path.to_path_buf()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
    let file = fs::File::open(path).map_err(io_error)?;
    // `take` bounds the read even when the size lied (a FIFO, /dev/zero, a file growing underneath us).
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let (line, col) = line_col(std::str::from_utf8(valid).unwrap_or_default());
        LoadError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            col,
        }
    })
}

/// Parses plan text; `path` only names the file in errors.
pub fn parse(source: &str, path: &Path) -> Result<Document, LoadError> {
    // Windows editors like to start UTF-8 files with a byte-order mark.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    if source.trim().is_empty() {
        return Err(LoadError::Empty(path.to_path_buf()));
    }
    let preamble = preamble(source);
    let newer = |version: u64| LoadError::NewerVersion {
        path: path.to_path_buf(),
        version,
    };
    let plan: Plan = ron::Options::default().from_str(source).map_err(|e| {
        if let Some(version) = declared_version(source).filter(|v| *v > u64::from(FORMAT_VERSION)) {
            return newer(version);
        }
        let (line, col) = (e.span.start.line, e.span.start.col);
        // ron reports a cut-off file as whatever it expected next ("expected a
        // comma"); at the very end of the text the truth is "the file ends too early".
        let end = (e.span.end.line, e.span.end.col);
        let error = if end >= line_col(source.trim_end()) {
            ron::Error::Eof
        } else {
            e.code
        };
        LoadError::Syntax {
            path: path.to_path_buf(),
            line,
            col,
            error,
        }
    })?;
    if u64::from(plan.version) > u64::from(FORMAT_VERSION) {
        return Err(newer(u64::from(plan.version)));
    }
    Ok(Document { plan, preamble })
}

/// The leading comment and blank lines, with `\n` line ends.
fn preamble(source: &str) -> String {
    let mut out = String::new();
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        if !(trimmed.is_empty() || trimmed.starts_with("//")) {
            break;
        }
        out.push_str(line.trim_end_matches(['\r', '\n']));
        out.push('\n');
    }
    out
}

/// The `version: N` near the top, read without parsing the rest, so that a
/// file from a newer pantau gets "update pantau" rather than a field error.
fn declared_version(source: &str) -> Option<u64> {
    // The header is at the top; never scan a whole 10 MB file for it.
    let line = source
        .lines()
        .take(200)
        .map(str::trim_start)
        .filter(|l| !l.starts_with("//"))
        .find(|l| l.contains("version:"))?;
    let after = &line[line.find("version:")? + "version:".len()..];
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn line_col(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Finds the line of each problem's program: the k-th program with a given id
/// is the k-th line after `programs:` that starts with `id: "<that id>"`.
fn place(source: &str, plan: &Plan, problems: Vec<Problem>) -> Vec<PlacedProblem> {
    let programs_at = source
        .lines()
        .position(|line| line.trim_start().starts_with("programs:"))
        .unwrap_or(0);
    let line_of = |index: usize| -> Option<usize> {
        let id = &plan.programs.get(index)?.id;
        let nth = plan.programs[..index]
            .iter()
            .filter(|p| &p.id == id)
            .count();
        let mut needle = String::from("id: ");
        canonical::push_string(&mut needle, id);
        source
            .lines()
            .enumerate()
            .skip(programs_at)
            .filter(|(_, line)| line.trim_start().starts_with(&needle))
            .map(|(n, _)| n + 1)
            .nth(nth)
    };
    problems
        .into_iter()
        .map(|problem| PlacedProblem {
            line: problem.program_index.and_then(line_of),
            problem,
        })
        .collect()
}

/// Text for a RON syntax or shape error, and a hint on what to do.
fn describe_syntax(error: &ron::Error, t: &Text) -> (String, String) {
    use ron::Error as E;
    let general = || t.syntax_hint.to_string();
    match error {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            fill(t.unknown_field, &[found, &thing(outer.as_deref(), t)]),
            fill(t.unknown_field_hint, &[&expected.join(", ")]),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            fill(
                t.unknown_value,
                &[found, &thing(outer.as_deref(), t), &expected.join(" | ")],
            ),
            general(),
        ),
        E::MissingStructField { field, outer } => (
            fill(t.missing_field, &[&thing(outer.as_deref(), t), field]),
            fill(t.missing_field_hint, &[field]),
        ),
        E::DuplicateStructField { field, outer } => (
            fill(t.duplicate_field, &[field, &thing(outer.as_deref(), t)]),
            general(),
        ),
        E::Eof => (
            t.unexpected_end.to_string(),
            t.unexpected_end_hint.to_string(),
        ),
        E::ExpectedStringEnd => (
            t.unclosed_string.to_string(),
            t.unexpected_end_hint.to_string(),
        ),
        E::ExpectedOption => (t.expected_option.to_string(), general()),
        E::ExceededRecursionLimit => (t.too_deep.to_string(), general()),
        E::ExpectedComma => (t.expected_comma.to_string(), general()),
        E::UnexpectedChar(c) => (fill(t.unexpected_char, &[&c.escape_debug()]), general()),
        E::TrailingCharacters => (t.trailing.to_string(), general()),
        E::InvalidValueForType { expected, found } => {
            (fill(t.wrong_type, &[expected, found]), general())
        }
        other => (
            crate::text::escape(&other.to_string()).into_owned(),
            general(),
        ),
    }
}

/// What ron calls a struct or enum, in the officer's words.
fn thing(outer: Option<&str>, t: &Text) -> String {
    let name = outer.unwrap_or("");
    t.things
        .iter()
        .find(|(rust, _)| *rust == name)
        .map_or_else(|| format!("`{name}`"), |(_, word)| word.to_string())
}

/// Writes `text` to `path` so that the file is always whole: the old version
/// or the new one. Keeps the old version as `<file>.bak`, keeps permissions and
/// owner, and writes through a symlink to its target. Writing text identical
/// to what is on disk changes nothing, not even the modification time.
pub fn save(path: &Path, text: &str) -> io::Result<()> {
    let target = resolve_symlink(path)?;
    let existing = fs::metadata(&target).ok();
    if let Some(meta) = &existing
        && meta.len() == text.len() as u64
        && fs::read(&target).is_ok_and(|old| old == text.as_bytes())
    {
        return Ok(());
    }
    let dir = parent_dir(&target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = temp_path(&dir, &format!(".{name}"));
    let result = (|| {
        write_synced(&tmp, text.as_bytes(), existing.as_ref())?;
        if existing.is_some() {
            keep_backup(&target, &dir.join(format!("{name}.bak")))?;
        }
        fs::rename(&tmp, &target)?;
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
pub fn create_new(path: &Path, text: &str) -> io::Result<()> {
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
    write_synced(&tmp, text.as_bytes(), None)?;
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
fn temp_path(dir: &Path, stem: &str) -> PathBuf {
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
fn sweep_leftovers(path: &Path) {
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

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a symlink (or chain of them) finally points at; `path` itself otherwise.
fn resolve_symlink(path: &Path) -> io::Result<PathBuf> {
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

fn write_synced(tmp: &Path, bytes: &[u8], like: Option<&fs::Metadata>) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        // Never wider than the file it replaces; a new file is private to its group.
        let mode = like.map_or(0o640, |m| m.permissions().mode() & 0o7777);
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
        // Only root may give a file away; for anyone else the owner is already theirs.
        let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
    }
    file.write_all(bytes)?;
    file.sync_all()
}

/// Points `<file>.bak` at the current version without a moment where it is missing.
fn keep_backup(target: &Path, backup: &Path) -> io::Result<()> {
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staging = temp_path(&parent_dir(backup), &name);
    if fs::hard_link(target, &staging).is_err() {
        fs::copy(target, &staging)?;
    }
    fs::rename(&staging, backup)
}

fn sync_dir(dir: &Path) {
    // Makes the rename itself durable; not every platform can open a directory.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Identifies one version of a file's text; changes when anyone saves it.
pub fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// What a cheap look at the file says: enough to notice a save by someone else
/// without reading 10 MB every two seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

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

/// How a save that checks for other officers' saves ended.
#[derive(Debug)]
pub enum Saved {
    /// Written (or already identical on disk). `plan` is what is now in the
    /// file: this session's plan, or the merge of it with theirs.
    Written {
        plan: Plan,
        text: String,
        merged: bool,
        changes: Vec<(String, String, String, String)>,
    },
    /// Someone else changed the same fields: nothing was written.
    Conflicts(Vec<crate::merge::Conflict>),
}

#[derive(Debug)]
pub enum SaveError {
    Io(io::Error),
    /// The file on disk no longer parses or validates: not overwritten blindly.
    Broken(String),
    /// The merged plan would not be valid.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Io(e) => write!(f, "{e}"),
            SaveError::Broken(why) => f.write_str(why),
            SaveError::Invalid(problems) => {
                let list: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
                f.write_str(&list.join("; "))
            }
        }
    }
}

impl From<io::Error> for SaveError {
    fn from(e: io::Error) -> Self {
        SaveError::Io(e)
    }
}

/// Saves `mine` unless someone saved since this session read `base` (whose
/// text had `base_fingerprint`): then merges their plan with this session's
/// changes and saves that, or returns the conflicts for `decide` to settle.
/// Holds the lock from reading to renaming; appends what changed to the audit log.
pub fn save_merging(
    path: &Path,
    base: &Plan,
    base_fingerprint: u64,
    mine: &Document,
    decide: &dyn Fn(&crate::merge::Conflict) -> Option<crate::merge::Choice>,
    who: &crate::audit::Who,
    t: &Text,
) -> Result<Saved, SaveError> {
    let _lock = lock(path)?;
    sweep_leftovers(path);
    let disk = match read(path) {
        Ok(text) => Some(text),
        Err(LoadError::NotFound(_)) => None,
        Err(LoadError::Io { error, .. }) => return Err(SaveError::Io(error)),
        Err(other) => return Err(SaveError::Broken(other.render(t))),
    };
    let theirs = match &disk {
        Some(text) if fingerprint(text) != base_fingerprint => {
            let doc = parse(text, path).map_err(|e| SaveError::Broken(e.render(t)))?;
            Some(doc.plan)
        }
        _ => None,
    };
    let (plan, merged) = match &theirs {
        None => (mine.plan.clone(), false),
        Some(theirs) => {
            let (plan, open) = crate::merge::merge(base, &mine.plan, theirs, decide);
            if !open.is_empty() {
                return Ok(Saved::Conflicts(open));
            }
            (plan, true)
        }
    };
    let problems = validate(&plan, t);
    if !problems.is_empty() {
        return Err(SaveError::Invalid(problems));
    }
    let text = crate::canonical::to_ron(&plan, &mine.preamble);
    let before = theirs.as_ref().unwrap_or(base);
    let changes = crate::merge::changes(before, &plan);
    save(path, &text)?;
    if !changes.is_empty() {
        // The log is a record, not the data: a failure to append must not undo the save.
        let _ = crate::audit::append(path, who, &changes);
    }
    Ok(Saved::Written {
        plan,
        text,
        merged,
        changes,
    })
}
