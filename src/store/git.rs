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

impl GitError {
    /// What went wrong and what to do, in the officer's language.
    pub fn render(&self, t: &crate::i18n::Text) -> String {
        use crate::i18n::fill;
        use crate::text::{escape, escape_path};
        match self {
            GitError::NotInstalled => t.cli.git_not_installed.to_string(),
            GitError::NotARepository(dir) => fill(t.cli.git_not_repo, &[&escape_path(dir)]),
            GitError::Failed { args, stderr } => {
                fill(t.cli.git_failed, &[&escape(args), &escape(stderr)])
            }
            GitError::Io(e) => escape(&e.to_string()).into_owned(),
        }
    }
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
        // git's first line says what failed; the rest is advice for its own CLI.
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(GitError::Failed {
            args: args.join(" "),
            stderr: stderr
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default()
                .trim()
                .to_string(),
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
        super::write::save_report(&path, text.as_bytes(), true).map_err(|e| match e {
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

/// What `sync` did, for the officer: what went into a commit, what came in,
/// what went out, and what stopped it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Synced {
    /// The message of the commit made of this office's saved changes.
    pub committed: Option<String>,
    /// Commits that came in and were merged.
    pub came_in: usize,
    /// Commits sent to the remote (or written into the bundle).
    pub went_out: usize,
    /// The merge left questions in the plan (`// pantau-conflict` lines).
    pub conflicts: bool,
    /// The remote could not be reached: what git said. Everything is
    /// committed here; nothing is lost.
    pub offline: Option<String>,
    /// The remote's name, or the bundle written.
    pub remote: String,
}

/// How many changed fields a commit message lists before "and N more".
const MESSAGE_LINES: usize = 40;

/// The commit message for this office's saved changes, from what git is
/// about to commit: the plan at HEAD against the file in the work tree,
/// through the audit diff. Never from the journals' text, which a colleague
/// may have written; every value escaped. Names the login that syncs, the
/// officer's own name only beside it.
fn message(root: &Path, relative: &str, plan: &Path, who: &super::audit::Who) -> String {
    use crate::text::escape;
    let by = if who.officer.is_empty() {
        escape(&who.user).into_owned()
    } else {
        format!("{} [{}]", escape(&who.user), escape(&who.officer))
    };
    let now = super::load(plan).ok();
    let head = git(root, &["show", &format!("HEAD:{relative}")])
        .ok()
        .and_then(|text| super::parse(&text, plan).ok());
    let (Some(now), Some(head)) = (now, head) else {
        return format!("pantau: plan updated by {by}");
    };
    let changes = crate::plan::merge::changes(&head.plan, &now.plan);
    if changes.is_empty() {
        return format!("pantau: plan updated by {by}");
    }
    let mut subjects: Vec<&str> = Vec::new();
    for (subject, ..) in &changes {
        if !subjects.contains(&subject.as_str()) {
            subjects.push(subject);
        }
    }
    let mut named: Vec<String> = subjects
        .iter()
        .take(5)
        .map(|s| escape(s).into_owned())
        .collect();
    if subjects.len() > 5 {
        named.push("…".into());
    }
    let mut lines: Vec<String> = Vec::new();
    for (subject, field, ..) in &changes {
        let line = format!("{} {}", escape(subject), escape(field));
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    if lines.len() > MESSAGE_LINES {
        let more = lines.len() - MESSAGE_LINES;
        lines.truncate(MESSAGE_LINES);
        lines.push(format!("… and {more} more"));
    }
    format!(
        "pantau: {} change(s) by {by} to {}\n\n{}\n",
        changes.len(),
        named.join(", "),
        lines.join("\n")
    )
}

/// Commits this office's saved changes to the plan, merges what the remote
/// (or a bundle) has with pantau's driver, and sends this office's commits
/// back. Stops, with nothing lost, at a merge that left questions or a
/// remote that cannot be reached.
pub fn sync(
    plan: &Path,
    bundle: Option<&Path>,
    who: &super::audit::Who,
) -> Result<Synced, GitError> {
    let (root, relative) = locate(plan)?;
    let mut done = Synced::default();
    // Questions a merge left must be answered before anything is committed.
    let text = std::fs::read_to_string(plan)?;
    if text
        .lines()
        .any(|l| l.starts_with(crate::plan::conflicts::MARK))
    {
        done.conflicts = true;
        return Ok(done);
    }
    let merging = git(&root, &["rev-parse", "-q", "--verify", "MERGE_HEAD"]).is_ok();
    let changed = !git(&root, &["status", "--porcelain", "--", &relative])?.is_empty();
    if merging {
        // The answers to an earlier sync's merge: that merge is committed now.
        git(&root, &["add", "--", &relative])?;
        git(&root, &["commit", "-q", "--no-edit"])?;
        done.committed = Some(git(&root, &["log", "-1", "--format=%s"])?);
    } else if changed {
        let message = message(&root, &relative, plan, who);
        git(&root, &["add", "--", &relative])?;
        git(&root, &["commit", "-q", "-m", &message, "--", &relative])?;
        done.committed = Some(message.lines().next().unwrap_or_default().to_string());
    }
    let branch = git(&root, &["rev-parse", "--abbrev-ref", "HEAD"])?;
    let (incoming, remote) = match bundle {
        Some(bundle) => {
            done.remote = bundle.display().to_string();
            if bundle.exists() {
                let path = bundle.to_string_lossy().into_owned();
                if let Err(GitError::Failed { stderr, .. }) =
                    git(&root, &["fetch", "-q", &path, &branch])
                {
                    done.offline = Some(stderr);
                    return Ok(done);
                }
                (Some("FETCH_HEAD".to_string()), None)
            } else {
                (None, None)
            }
        }
        None => {
            let upstream = git(&root, &["rev-parse", "--abbrev-ref", "@{u}"]).map_err(|e| match e {
                GitError::Failed { stderr, .. } => GitError::Failed {
                    args: "rev-parse @{u}".into(),
                    stderr: format!("{stderr} (no remote branch to sync with: git push -u origin {branch} sets one)"),
                },
                other => other,
            })?;
            let name = upstream.split('/').next().unwrap_or("origin").to_string();
            done.remote = name.clone();
            if let Err(GitError::Failed { stderr, .. }) = git(&root, &["fetch", "-q", &name]) {
                done.offline = Some(stderr);
                return Ok(done);
            }
            (Some(upstream.clone()), Some(upstream))
        }
    };
    if let Some(incoming) = &incoming {
        done.came_in = git(
            &root,
            &["rev-list", "--count", &format!("HEAD..{incoming}")],
        )?
        .parse()
        .unwrap_or(0);
        if done.came_in > 0 {
            match git(&root, &["merge", "-q", "--no-edit", incoming]) {
                Ok(_) => {}
                Err(GitError::Failed { .. }) => {
                    done.conflicts = true;
                    return Ok(done);
                }
                Err(e) => return Err(e),
            }
        }
    }
    match (bundle, remote) {
        (Some(bundle), _) => {
            let path = bundle.to_string_lossy().into_owned();
            done.went_out = git(&root, &["rev-list", "--count", "HEAD"])?
                .parse()
                .unwrap_or(0);
            git(&root, &["bundle", "create", "-q", &path, &branch])?;
        }
        (None, Some(upstream)) => {
            done.went_out = git(
                &root,
                &["rev-list", "--count", &format!("{upstream}..HEAD")],
            )?
            .parse()
            .unwrap_or(0);
            if done.went_out > 0
                && let Err(GitError::Failed { stderr, .. }) = git(&root, &["push", "-q"])
            {
                done.went_out = 0;
                done.offline = Some(stderr);
            }
        }
        (None, None) => {}
    }
    Ok(done)
}
