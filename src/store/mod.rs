//! Plan files: reading and checking them with diagnostics that name the
//! file, line and column; the writer, the lock, saving with a merge, the
//! audit log and recovery files live in the modules below.
//!
//! A save must leave the file whole whatever happens: pantau writes a temporary
//! file beside it, syncs it, keeps the old version as `<file>.bak`, and renames
//! the new one into place, so a reader (or a crash) sees the old plan or the new
//! one, never half of each.

use crate::i18n::{Text, fill};
use crate::plan::canonical;
use crate::plan::model::{FORMAT_VERSION, Plan};
use crate::plan::validate::{Problem, validate};
use crate::text::escape_path;
use std::collections::HashMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub mod audit;
pub mod authors;
pub mod doctor;
pub mod fast;
pub mod git;
pub mod journal;
mod lock;
pub mod login;
pub mod old_log;
mod opened;
mod own;
pub mod recovery;
pub mod safe;
mod save;
mod seen;
mod sha256;
mod write;

pub use lock::{Lock, lock, lock_is_held};
pub use opened::{Opened, PlanFile};
pub use own::is_own_file;
pub use save::{Base, BasePlan, Change, SaveError, Saved};
pub use write::{Backup, OutputError, create_new, resolve_symlink, save, save_over, save_report};

/// The bundled Kabupaten Luwu Utara example, in canonical form.
pub const EXAMPLE: &str = include_str!("../../data/luwu-utara.ron");

/// A plan with nothing in it yet but the six dimensions of the movement
/// (with the example's elements and lead agencies) and the example's period:
/// what `pantau import` without `--into` fills. Its title says it is new;
/// the region is for the officer to write (a plan sheet may give both).
pub fn new_plan() -> Plan {
    let mut plan = parse(EXAMPLE, Path::new("example"))
        .map(|doc| doc.plan)
        .unwrap_or_else(|_| unreachable!("the bundled example is a valid plan (tested)"));
    plan.programs.clear();
    // The example's follow-ups are its own, as its programmes are.
    plan.followups.clear();
    *plan.evaluation = Default::default();
    plan.title = "Masterplan Smart City".to_string();
    plan.region.clear();
    plan.code.clear();
    plan.province.clear();
    plan.vision.clear();
    // The regime is the new plan's own choice, not the example's.
    plan.bands = Default::default();
    plan
}

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
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedProblem {
    pub line: Option<usize>,
    pub problem: Problem,
}

#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    IsDirectory(PathBuf),
    /// A FIFO, a device or a socket where the plan should be.
    NotRegular(PathBuf),
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
                fill(t.load.not_found, &[&escape_path(p)]),
                Some(fill(t.load.not_found_hint, &[&escape_path(p)])),
            ),
            Self::IsDirectory(p) => (fill(t.load.is_directory, &[&escape_path(p)]), None),
            Self::NotRegular(p) => (fill(t.load.not_regular, &[&escape_path(p)]), None),
            Self::TooLarge { path, bytes } => (
                fill(
                    t.load.too_large,
                    &[
                        &escape_path(path),
                        &(bytes / (1024 * 1024)),
                        &(MAX_FILE_BYTES / (1024 * 1024)),
                    ],
                ),
                Some(t.load.too_large_hint.to_string()),
            ),
            Self::Io { path, error } => (
                fill(
                    t.load.unreadable,
                    &[&escape_path(path), &crate::text::escape(&error.to_string())],
                ),
                None,
            ),
            Self::NotUtf8 { path, line, col } => (
                fill(t.load.not_utf8, &[&escape_path(path), line, col]),
                Some(t.load.not_utf8_hint.to_string()),
            ),
            Self::Empty(p) => (
                fill(t.load.empty_file, &[&escape_path(p)]),
                Some(fill(t.load.empty_file_hint, &[&escape_path(p)])),
            ),
            Self::NewerVersion { path, version } => (
                fill(
                    t.load.version_newer,
                    &[&escape_path(path), version, &FORMAT_VERSION],
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
                    format!("{}:{line}:{col}: {what}", escape_path(path)),
                    Some(hint),
                )
            }
            Self::Invalid { path, problems } => {
                let mut out = format!("{}: ", t.error);
                out.push_str(&fill(
                    t.load.problems_found,
                    &[&escape_path(path), &problems.len()],
                ));
                for placed in problems {
                    out.push_str("\n  ");
                    out.push_str(&placed.render(path, t));
                }
                out.push_str(&format!(
                    "\n{}: {}",
                    t.hint,
                    fill(t.load.problems_hint, &[&escape_path(path)])
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

/// Reads, parses and validates the plan at `path`. To edit and save it,
/// [`Opened::open`] keeps what a save needs.
///
/// The strings are no longer needed here (a problem is a value the caller
/// renders); the parameter stays until the callers drop it.
pub fn load(path: &Path) -> Result<Document, LoadError> {
    load_text(path).map(|(document, _)| document)
}

/// `load`, and the text it read.
fn load_text(path: &Path) -> Result<(Document, String), LoadError> {
    let source = read(path)?;
    let document = parse(&source, path)?;
    let problems = validate(&document.plan);
    if !problems.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            problems: place(&source, &document.plan, problems),
        });
    }
    Ok((document, source))
}

/// Loads many plans on every core (a province's regencies, one file each),
/// each with its own result: a plan that fails to load never stops the
/// others. In the order of `paths`.
pub fn load_many(paths: &[PathBuf]) -> Vec<Result<Document, LoadError>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<Document, LoadError>>> = Vec::with_capacity(paths.len());
    results.resize_with(paths.len(), || None);
    let done = std::sync::Mutex::new(&mut results);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(i) else {
                        return;
                    };
                    let loaded = load(path);
                    if let Ok(mut results) = done.lock() {
                        results[i] = Some(loaded);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .zip(paths)
        .map(|(result, path)| {
            result.unwrap_or_else(|| {
                Err(LoadError::Io {
                    path: path.clone(),
                    error: io::Error::other("not loaded"),
                })
            })
        })
        .collect()
}

/// Every `.ron` under `dir`, recursively and in name order, hidden entries
/// (`.git`) skipped: a FIFO, a device or a
/// link named `.ron` is named too, for the loader to refuse with its reason
/// (without waiting on it), and a folder that cannot be read is named with
/// its error, so no region is left out without a word.
pub fn plans_under(dir: &Path, out: &mut Vec<(PathBuf, Option<io::Error>)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => return out.push((dir.to_path_buf(), Some(error))),
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        // A link to a folder is not followed: it could loop back on itself.
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => plans_under(&path, out),
            Ok(_) if path.extension().is_some_and(|e| e == "ron") => out.push((path, None)),
            _ => {}
        }
    }
}

/// A province's plans: the files given and every plan under the folders
/// given, loaded on all cores ([`load_many`]); a plan that fails to load
/// comes with the first line of its error (without the leading "error: ").
pub fn load_province(given: &[PathBuf], t: &Text) -> Vec<(PathBuf, Result<Document, String>)> {
    let mut found = Vec::new();
    for path in given {
        if path.is_dir() {
            plans_under(path, &mut found);
        } else {
            found.push((path.clone(), None));
        }
    }
    let paths: Vec<PathBuf> = (found.iter())
        .filter(|(_, unread)| unread.is_none())
        .map(|(path, _)| path.clone())
        .collect();
    let mut loaded = load_many(&paths).into_iter();
    found
        .into_iter()
        .map(|(path, unread)| {
            let result = match unread {
                Some(error) => Err(LoadError::Io {
                    path: path.clone(),
                    error,
                }),
                None => loaded
                    .next()
                    .unwrap_or(Err(LoadError::NotFound(path.clone()))),
            };
            let result = result.map_err(|e| {
                // The first problem, where it is; how many there are.
                if let LoadError::Invalid { path, problems } = &e
                    && let Some(first) = problems.first()
                {
                    return match problems.len() {
                        1 => first.render(path, t),
                        n => format!("{} (+{})", first.render(path, t), n - 1),
                    };
                }
                let message = e.render(t);
                let first = message.lines().next().unwrap_or_default();
                first
                    .strip_prefix(&format!("{}: ", t.error))
                    .unwrap_or(first)
                    .to_string()
            });
            (path, result)
        })
        .collect()
}

/// Reads the file as UTF-8 text, refusing what cannot be a plan before
/// spending memory on it.
pub fn read(path: &Path) -> Result<String, LoadError> {
    let bytes = read_bytes(path)?;
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

/// Reads the file whole, refusing a folder, a FIFO or device (which would
/// block for ever) and anything larger than [`MAX_FILE_BYTES`]: a plan, or a
/// spreadsheet to import.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io_error = |error: io::Error| match error.kind() {
        io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        _ => LoadError::Io {
            path: path.to_path_buf(),
            error,
        },
    };
    // Not a plain open: a FIFO put where the plan was would block it for ever.
    let (file, meta) = match safe::open_to_read(path) {
        Ok(opened) => opened,
        Err(_) if fs::metadata(path).is_ok_and(|m| m.is_dir()) => {
            return Err(LoadError::IsDirectory(path.to_path_buf()));
        }
        Err(_) if fs::metadata(path).is_ok_and(|m| !m.is_file()) => {
            return Err(LoadError::NotRegular(path.to_path_buf()));
        }
        Err(e) => return Err(io_error(e)),
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
        });
    }
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
    Ok(bytes)
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
    // The size first: available_parallelism() reads the cgroup files on each
    // call (three files opened and read), which 500 small plans paid 500 times.
    let fast = (source.len() >= fast::PARALLEL_FROM_BYTES)
        .then(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .filter(|&threads| threads > 1)
        .and_then(|threads| fast::parse(source, threads));
    if let Some(plan) = fast {
        if u64::from(plan.version) > u64::from(FORMAT_VERSION) {
            return Err(newer(u64::from(plan.version)));
        }
        return Ok(Document { plan, preamble });
    }
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

/// What is worth a second look in a plan that loaded (a milestone outside
/// its programme's years), each placed at its programme's line in `source`.
pub fn warnings(source: &str, plan: &Plan) -> Vec<PlacedProblem> {
    place(source, plan, crate::plan::validate::warnings(plan))
}

/// Spending above the allocation in a plan that loaded: errors to fix,
/// each placed at its programme's line in `source`.
pub fn overspending(source: &str, plan: &Plan) -> Vec<PlacedProblem> {
    place(source, plan, crate::plan::validate::overspending(plan))
}

impl PlacedProblem {
    /// `plan.ron:42: ECO-01: message`, escaped for the terminal.
    pub fn render(&self, path: &Path, t: &Text) -> String {
        let mut out = escape_path(path).to_string();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        out.push_str(": ");
        if let Some(id) = &self.problem.program {
            out.push_str(&crate::text::escape(id));
            out.push_str(": ");
        }
        out.push_str(&self.problem.message(t));
        out
    }
}

/// Finds the line of each problem's program: the k-th program with a given id
/// is the k-th line after `programs:` that starts with `id: "<that id>"`.
/// The file is read once and the programs counted once, whatever the number
/// of problems: 40,000 bad programmes once took a minute here, each problem
/// reading the whole file again.
fn place(source: &str, plan: &Plan, problems: Vec<Problem>) -> Vec<PlacedProblem> {
    let programs_at = source
        .lines()
        .position(|line| line.trim_start().starts_with("programs:"))
        .unwrap_or(0);
    let mut lines_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, line) in source.lines().enumerate().skip(programs_at) {
        if let Some(id) = quoted_id(line.trim_start()) {
            lines_of.entry(id).or_default().push(n + 1);
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let nth: Vec<usize> = (plan.programs.iter())
        .map(|p| {
            let count = seen.entry(p.id.as_str()).or_default();
            *count += 1;
            *count - 1
        })
        .collect();
    let line_of = |index: usize| -> Option<usize> {
        let mut needle = String::from("id: ");
        canonical::push_string(&mut needle, &plan.programs.get(index)?.id);
        lines_of
            .get(needle.as_str())?
            .get(*nth.get(index)?)
            .copied()
    };
    problems
        .into_iter()
        .map(|problem| PlacedProblem {
            line: problem.program_index.and_then(line_of),
            problem,
        })
        .collect()
}

/// A line's `id: "…"` up to the quote that closes it, as the canonical
/// writer writes it (a `"` inside is always escaped).
fn quoted_id(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("id: \"")?;
    let mut bytes = rest.bytes().enumerate();
    while let Some((i, b)) = bytes.next() {
        match b {
            b'\\' => {
                bytes.next();
            }
            b'"' => return line.get(..5 + i + 1),
            _ => {}
        }
    }
    None
}

/// Text for a RON syntax or shape error, and a hint on what to do.
pub fn describe_syntax(error: &ron::Error, t: &Text) -> (String, String) {
    use ron::Error as E;
    let general = || t.load.syntax_hint.to_string();
    match error {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            fill(t.load.unknown_field, &[found, &thing(outer.as_deref(), t)]),
            fill(t.load.unknown_field_hint, &[&expected.join(", ")]),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            fill(
                t.load.unknown_value,
                &[found, &thing(outer.as_deref(), t), &expected.join(" | ")],
            ),
            general(),
        ),
        E::MissingStructField { field, outer } => (
            fill(t.load.missing_field, &[&thing(outer.as_deref(), t), field]),
            fill(t.load.missing_field_hint, &[field]),
        ),
        E::DuplicateStructField { field, outer } => (
            fill(
                t.load.duplicate_field,
                &[field, &thing(outer.as_deref(), t)],
            ),
            general(),
        ),
        E::Eof => (
            t.load.unexpected_end.to_string(),
            t.load.unexpected_end_hint.to_string(),
        ),
        E::ExpectedStringEnd => (
            t.load.unclosed_string.to_string(),
            t.load.unexpected_end_hint.to_string(),
        ),
        E::ExpectedOption => (t.load.expected_option.to_string(), general()),
        E::ExceededRecursionLimit => (t.load.too_deep.to_string(), general()),
        E::ExpectedComma => (t.load.expected_comma.to_string(), general()),
        E::UnexpectedChar(c) => (
            fill(t.load.unexpected_char, &[&c.escape_debug()]),
            general(),
        ),
        E::TrailingCharacters => (t.load.trailing.to_string(), general()),
        E::InvalidValueForType { expected, found } => {
            (fill(t.load.wrong_type, &[expected, found]), general())
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
    t.load
        .things
        .iter()
        .find(|(rust, _)| *rust == name)
        .map_or_else(|| format!("`{name}`"), |(_, word)| word.to_string())
}

/// Identifies one version of a file's text; changes when anyone saves it.
/// Word at a time (FxHash's step) with a final mix: a 10 MB plan hashes in
/// about a millisecond, where the standard SipHash took several on each save.
/// Not a defence against a colleague who crafts a collision: one who can
/// write the file can change it anyway, and the lock still orders saves.
pub fn fingerprint(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = text.as_bytes();
    let mut hash = (bytes.len() as u64).wrapping_mul(K);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
    for &byte in words.remainder() {
        hash = (hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
    }
    // splitmix64's finaliser, so that nearby texts land far apart.
    hash ^= hash >> 30;
    hash = hash.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash ^= hash >> 27;
    hash = hash.wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
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
