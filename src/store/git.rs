//! pantau inside a git repository: the merge driver's registration, done
//! with the `git` program itself (no library, no protocol of our own), so
//! whatever remote and credentials an office already uses keep working.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug)]
pub enum GitError {
    /// No `git` program on the PATH.
    NotInstalled,
    /// The plan is not inside a git work tree.
    NotARepository(PathBuf),
    /// git ran and said no.
    Failed {
        args: String,
        stderr: String,
    },
    Io(io::Error),
}

impl From<io::Error> for GitError {
    fn from(e: io::Error) -> Self {
        GitError::Io(e)
    }
}

/// Runs `git -C dir args…` and returns what it printed.
fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => GitError::NotInstalled,
            _ => GitError::Io(e),
        })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).trim_end().to_string())
    } else {
        Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    }
}

/// The plan's folder, its work tree's top and its path from there (with `/`).
fn locate(plan: &Path) -> Result<(PathBuf, String), GitError> {
    let absolute = std::fs::canonicalize(plan)?;
    let dir = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
    let root = match git(&dir, &["rev-parse", "--show-toplevel"]) {
        Ok(root) => PathBuf::from(root),
        Err(GitError::Failed { .. }) => return Err(GitError::NotARepository(dir)),
        Err(e) => return Err(e),
    };
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let relative = absolute
        .strip_prefix(&root)
        .map_err(|_| GitError::NotARepository(dir.clone()))?
        .to_string_lossy()
        .replace('\\', "/");
    Ok((root, relative))
}

/// The `.gitattributes` line for a plan: its path, quoted when it has spaces.
fn attribute_line(relative: &str) -> String {
    if relative.contains(char::is_whitespace) || relative.contains('"') {
        let quoted = relative.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"/{quoted}\" merge=pantau")
    } else {
        format!("/{relative} merge=pantau")
    }
}

/// The driver command git runs, with this pantau's path quoted for the shell.
pub fn driver_command(exe: &Path) -> String {
    let exe = exe.to_string_lossy().replace('\'', "'\\''");
    format!("'{exe}' merge-driver %O %A %B %P")
}

/// What `setup` found and did.
#[derive(Debug, PartialEq, Eq)]
pub struct Setup {
    pub root: PathBuf,
    pub attribute: String,
    pub attribute_added: bool,
    pub driver: String,
    pub driver_set: bool,
}

/// Registers pantau's merge driver for `plan`: a line in the work tree's
/// `.gitattributes` (to be committed, so every clone merges alike) and the
/// driver in the repository's own config (each clone runs this once).
/// Running it again changes nothing.
pub fn setup(plan: &Path, exe: &Path) -> Result<Setup, GitError> {
    let (root, relative) = locate(plan)?;
    let attribute = attribute_line(&relative);
    let path = root.join(".gitattributes");
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    let attribute_added = !existing.lines().any(|l| l.trim() == attribute);
    if attribute_added {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&attribute);
        text.push('\n');
        super::write::save_report(&path, &text, true).map_err(|e| match e {
            super::write::OutputError::Io(e) => GitError::Io(e),
            other => GitError::Io(io::Error::other(format!("{other:?}"))),
        })?;
    }
    let driver = driver_command(exe);
    let current = git(&root, &["config", "--get", "merge.pantau.driver"]).ok();
    let driver_set = current.as_deref() != Some(driver.as_str());
    if driver_set {
        git(
            &root,
            &[
                "config",
                "merge.pantau.name",
                "pantau: plans merged per programme and field",
            ],
        )?;
        git(&root, &["config", "merge.pantau.driver", &driver])?;
    }
    Ok(Setup {
        root,
        attribute,
        attribute_added,
        driver,
        driver_set,
    })
}

/// For `pantau check`: `Some(true)` when the plan is in a git work tree
/// that would merge it line by line (no pantau driver for it), `None` when
/// it is not in one (or git is not there to say).
pub fn driver_missing(plan: &Path) -> Option<bool> {
    let (root, relative) = locate(plan).ok()?;
    let attr = git(&root, &["check-attr", "merge", "--", &relative]).ok()?;
    let configured = git(&root, &["config", "--get", "merge.pantau.driver"]).is_ok();
    Some(!(attr.ends_with(": merge: pantau") && configured))
}
