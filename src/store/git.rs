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
    /// The clone at this path belongs to another login and git will not
    /// work in it ("dubious ownership") until it is named safe.
    NotTrusted(PathBuf),
    /// The clone at this path is on no branch (a detached HEAD): a commit
    /// would belong to no branch and never be sent.
    Detached(PathBuf),
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
            GitError::NotTrusted(dir) => fill(t.cli.git_not_trusted, &[&escape_path(dir)]),
            GitError::Detached(dir) => fill(t.cli.git_detached, &[&escape_path(dir)]),
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
pub(super) fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
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
pub(super) fn locate(plan: &Path) -> Result<(PathBuf, String), GitError> {
    let absolute = std::fs::canonicalize(plan)?;
    let dir = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
    let root = match git(&dir, &["rev-parse", "--show-toplevel"]) {
        Ok(root) => PathBuf::from(root),
        Err(GitError::Failed { stderr, .. }) if stderr.contains("dubious ownership") => {
            // git names the repository between quotes: the path to trust.
            let named = stderr.split('\'').nth(1).map(PathBuf::from);
            return Err(GitError::NotTrusted(named.unwrap_or(dir)));
        }
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
    /// Which of those lines git's record of the merge bears out, one flag a
    /// line ([`check_conflicts`]).
    pub conflict_lines: Vec<bool>,
    /// The remote could not be reached: what git said. Everything is
    /// committed here; nothing is lost.
    pub offline: Option<String>,
    /// The remote was reached and refused (a rejected push, a protected
    /// branch, a hook, no such branch): what git said. Everything is
    /// committed here; nothing is lost.
    pub refused: Option<String>,
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
        done.conflict_lines = borne_out(plan);
        return Ok(done);
    }
    // On no branch, a commit would be lost to every other office.
    if git(&root, &["symbolic-ref", "-q", "HEAD"]).is_err() {
        return Err(GitError::Detached(root));
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
                if let Err(said) = talk(&root, &["fetch", "-q", &path, &branch]) {
                    said.into(&mut done)?;
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
            // The remote and branch the upstream names, which may differ
            // from this clone's (local `master` tracking `origin/main`).
            let name = git(&root, &["config", &format!("branch.{branch}.remote")])?;
            let merge = git(&root, &["config", &format!("branch.{branch}.merge")])?;
            done.remote = name.clone();
            if let Err(said) = talk(&root, &["fetch", "-q", &name]) {
                said.into(&mut done)?;
                return Ok(done);
            }
            (Some(upstream.clone()), Some((upstream, name, merge)))
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
                    done.conflict_lines = borne_out(plan);
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
        (None, Some((upstream, name, merge))) => {
            done.went_out = git(
                &root,
                &["rev-list", "--count", &format!("{upstream}..HEAD")],
            )?
            .parse()
            .unwrap_or(0);
            if done.went_out > 0
                && let Err(said) = talk(&root, &["push", "-q", &name, &format!("HEAD:{merge}")])
            {
                done.went_out = 0;
                said.into(&mut done)?;
            }
        }
        (None, None) => {}
    }
    Ok(done)
}

/// Why git did not fetch or push: the remote out of reach, or reached and
/// refusing; the two need different fixes, so they are told apart.
enum Said {
    Unreachable(String),
    Refused(String),
    Other(GitError),
}

impl Said {
    /// Records what git said in `done`; anything else is an error.
    fn into(self, done: &mut Synced) -> Result<(), GitError> {
        match self {
            Said::Unreachable(why) => done.offline = Some(why),
            Said::Refused(why) => done.refused = Some(why),
            Said::Other(e) => return Err(e),
        }
        Ok(())
    }
}

/// What git prints when the remote answered and said no; anything else a
/// failed fetch or push prints means the remote was not reached.
const REFUSALS: [&str; 8] = [
    "[rejected]",
    "[remote rejected]",
    "failed to push some refs",
    "hook declined",
    "protected branch",
    "couldn't find remote ref",
    "does not match the name of your current branch",
    "denied",
];

/// `git -C dir args…` for a fetch or push, with what git said read whole
/// (a refusal is rarely on its first line).
fn talk(dir: &Path, args: &[&str]) -> Result<(), Said> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            Said::Other(match e.kind() {
                io::ErrorKind::NotFound => GitError::NotInstalled,
                _ => GitError::Io(e),
            })
        })?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines = || stderr.lines().map(str::trim).filter(|l| !l.is_empty());
    let refusal = lines().find(|l| REFUSALS.iter().any(|r| l.contains(r)));
    Err(match refusal {
        Some(line) => Said::Refused(line.to_string()),
        None => Said::Unreachable(lines().next().unwrap_or_default().to_string()),
    })
}

/// The blob ids of the three versions git hands its merge driver (`%O`,
/// `%A`, `%B` as files, `name` the plan's path in the work tree), as git
/// stores them; `None` outside a repository.
pub fn blobs(files: [&Path; 3], name: &str) -> Option<crate::plan::conflicts::Blobs> {
    let id = |file: &Path| {
        let file = file.to_string_lossy();
        git(
            Path::new("."),
            &["hash-object", &format!("--path={name}"), "--", &file],
        )
        .ok()
    };
    let [base, ours, theirs] = files;
    Some(crate::plan::conflicts::Blobs {
        base: id(base)?,
        ours: id(ours)?,
        theirs: id(theirs)?,
    })
}

/// [`check_conflicts`] of the plan as it now stands on disk.
fn borne_out(plan: &Path) -> Vec<bool> {
    let Ok(text) = std::fs::read_to_string(plan) else {
        return Vec::new();
    };
    match crate::store::parse(&text, plan) {
        Ok(doc) => check_conflicts(plan, &doc.preamble),
        Err(_) => Vec::new(),
    }
}

/// Whether each `// pantau-conflict` line of the plan's top `comment` is
/// one git's merge driver recorded for this file in the merge now under
/// way: its objects are this file at `HEAD` and at `MERGE_HEAD`, and merging
/// them again asks the same question with the same value of theirs. Any
/// other line (forged, from a merge already committed, or unreadable) is
/// `false`.
pub fn check_conflicts(plan: &Path, comment: &str) -> Vec<bool> {
    let (_, recorded) = crate::plan::conflicts::recorded(comment);
    let Ok((root, relative)) = locate(plan) else {
        return vec![false; recorded.len()];
    };
    let at = |rev: &str| {
        git(
            &root,
            &["rev-parse", "-q", "--verify", &format!("{rev}:{relative}")],
        )
        .ok()
    };
    let (head, merge_head) = (at("HEAD"), at("MERGE_HEAD"));
    let mut merges: Vec<(
        crate::plan::conflicts::Blobs,
        Vec<crate::plan::merge::Conflict>,
    )> = Vec::new();
    recorded
        .iter()
        .map(|r| {
            let (Some(c), Some(blobs)) = (&r.conflict, &r.blobs) else {
                return false;
            };
            if head.as_deref() != Some(blobs.ours.as_str())
                || merge_head.as_deref() != Some(blobs.theirs.as_str())
            {
                return false;
            }
            if !merges.iter().any(|(b, _)| b == blobs) {
                let open = remerge(&root, blobs).unwrap_or_default();
                merges.push((blobs.clone(), open));
            }
            merges
                .iter()
                .find(|(b, _)| b == blobs)
                .is_some_and(|(_, open)| {
                    open.iter()
                        .any(|o| o.same_question(c) && o.theirs == c.theirs)
                })
        })
        .collect()
}

/// The questions merging the three recorded objects asks, read from git's
/// object store (never from the file that names them).
fn remerge(
    root: &Path,
    blobs: &crate::plan::conflicts::Blobs,
) -> Option<Vec<crate::plan::merge::Conflict>> {
    let doc = |id: &str| {
        let text = git(root, &["cat-file", "blob", id]).ok()?;
        super::parse(&text, Path::new(id)).ok()
    };
    let (base, ours, theirs) = (doc(&blobs.base)?, doc(&blobs.ours)?, doc(&blobs.theirs)?);
    let merged = crate::plan::conflicts::merge_for_git(
        (&base.plan, &base.preamble),
        (&ours.plan, &ours.preamble),
        (&theirs.plan, &theirs.preamble),
        None,
    );
    Some(merged.open)
}
