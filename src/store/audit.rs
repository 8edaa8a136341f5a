//! Who changed what: an append-only log beside the data file (`<file>.log`).
//!
//! One JSON object a line, newest last, every value escaped in the file
//! itself (a programme name holding an escape sequence stays inert text):
//! `{"v":1,"when":…,"user":…,"officer":…,"from":…,"subject":…,"field":…,
//! "old":…,"new":…}`. Logs written by pantau 0.1, one tab-separated line a
//! change (`when user from subject field old new`, with `\t`, `\n`, `\\`
//! escapes), are still read.
//!
//! "Who" is the login of the real user id, never an environment variable a
//! colleague can set; under sudo, the officer behind it. The SSH address is
//! what the session claims (`SSH_CONNECTION`), recorded as such.

use super::safe;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The log's format version, in every line.
pub const LOG_VERSION: u32 = 1;

/// Reading stops at this much of the log's end: the newest changes are
/// what anyone looks for, and a log that is not a log cannot eat memory.
pub const MAX_LOG_BYTES: u64 = 16 * 1024 * 1024;

/// Who is saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    /// The login, from the real user id (`sari`, or `sari (sudo)` behind sudo).
    pub user: String,
    /// A name the officer gave (`--officer`, `PANTAU_OFFICER`), for offices
    /// that share one login; recorded beside the login, never instead of it.
    pub officer: String,
    /// The client address the SSH session claims, or `local`.
    pub from: String,
    /// Local time of the save, RFC 3339 with offset.
    pub when: String,
}

impl Who {
    /// This process's officer (the process edge calls this).
    pub fn from_env(env: impl Fn(&str) -> Option<String>, when: String) -> Who {
        Who::from_ids(safe::real_uid(), safe::effective_uid(), env, when)
    }

    /// This process's officer, saving at `when`, under `officer` when the
    /// settings give a name.
    pub fn named(officer: Option<&str>, when: String) -> Who {
        let mut who = Who::from_env(|k| std::env::var(k).ok(), when);
        if let Some(officer) = officer {
            who.officer = officer.to_string();
        }
        who
    }

    /// From the user ids and the environment: `SUDO_USER` counts only when
    /// pantau really runs under sudo (effective root, and `SUDO_UID` is that
    /// user's id); `USER` and `LOGNAME` never count.
    pub fn from_ids(
        uid: u32,
        euid: u32,
        env: impl Fn(&str) -> Option<String>,
        when: String,
    ) -> Who {
        let set = |k: &str| env(k).filter(|v| !v.is_empty());
        let login = user_name(uid).unwrap_or_else(|| format!("uid {uid}"));
        let sudo = match (euid, set("SUDO_USER"), set("SUDO_UID")) {
            (0, Some(name), Some(id)) => {
                let id: Option<u32> = id.parse().ok();
                (id.is_some() && user_id(&name) == id).then_some(name)
            }
            _ => None,
        };
        let user = match sudo {
            Some(name) => format!("{name} (sudo)"),
            None => login,
        };
        // SSH_CONNECTION is "address port address port"; SSH_CLIENT "address port port".
        let from = set("SSH_CONNECTION")
            .or_else(|| set("SSH_CLIENT"))
            .and_then(|v| v.split_whitespace().next().map(String::from))
            .unwrap_or_else(|| "local".into());
        let officer = set("PANTAU_OFFICER").unwrap_or_default();
        Who {
            user,
            officer,
            from,
            when,
        }
    }
}

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
}

/// One line of the log as written.
#[derive(Serialize, Deserialize)]
struct Line {
    v: u32,
    when: String,
    user: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    officer: String,
    from: String,
    subject: String,
    field: String,
    old: String,
    new: String,
}

pub fn log_path(data: &Path) -> PathBuf {
    let mut name = data
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".log");
    data.with_file_name(name)
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Appends one line per change, in one write so two officers' lines never
/// interleave. The log is opened as [`safe`] opens side files: never through
/// a link, never a FIFO or device, created with the plan's group and mode.
pub fn append(
    data: &Path,
    who: &Who,
    changes: &[(String, String, String, String)],
) -> io::Result<()> {
    let target = super::write::resolve_symlink(data)?;
    let plan = fs::metadata(&target)?;
    let path = log_path(&target);
    let mut file = safe::open_side_to_append(&path, &plan)?;
    let mut text = String::new();
    for (subject, field, old, new) in changes {
        let line = Line {
            v: LOG_VERSION,
            when: who.when.clone(),
            user: who.user.clone(),
            officer: who.officer.clone(),
            from: who.from.clone(),
            subject: subject.clone(),
            field: field.clone(),
            old: old.clone(),
            new: new.clone(),
        };
        text.push_str(&serde_json::to_string(&line).map_err(io::Error::other)?);
        text.push('\n');
    }
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Every entry, oldest first, of the log's last [`MAX_LOG_BYTES`]. Lines
/// that do not parse (a hand edit, a torn write from a crash) are skipped,
/// not fatal; a log that is a link, a FIFO or a device is refused at once.
pub fn read(data: &Path) -> io::Result<Vec<Entry>> {
    let target = super::write::resolve_symlink(data).unwrap_or_else(|_| data.to_path_buf());
    let (mut file, meta) = match safe::open_side_to_read(&log_path(&target)) {
        Ok(opened) => opened,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let skip = meta.len().saturating_sub(MAX_LOG_BYTES);
    file.seek(io::SeekFrom::Start(skip))?;
    let mut bytes = Vec::with_capacity((meta.len() - skip) as usize);
    file.take(MAX_LOG_BYTES).read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    // Started in the middle of a line: that line is not whole.
    let text = if skip > 0 {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        &text
    };
    Ok(text.lines().filter_map(parse_line).collect())
}

fn parse_line(line: &str) -> Option<Entry> {
    if line.starts_with('{') {
        let l: Line = serde_json::from_str(line).ok()?;
        return Some(Entry {
            when: l.when,
            user: l.user,
            officer: l.officer,
            from: l.from,
            subject: l.subject,
            field: l.field,
            old: l.old,
            new: l.new,
        });
    }
    let cells: Vec<String> = line.split('\t').map(unescape).collect();
    let [when, user, from, subject, field, old, new]: [String; 7] = cells.try_into().ok()?;
    Some(Entry {
        when,
        user,
        officer: String::new(),
        from,
        subject,
        field,
        old,
        new,
    })
}

/// One entry as a line for people: `2026-11-28 10:15  andi (10.1.2.3)  GOV-01
/// status: In progress -> Done`; an officer's own name in brackets after the
/// login; a milestone or target list as what changed inside it
/// (`milestone 3 done: no -> yes`).
pub fn describe(e: &Entry, t: &crate::i18n::Text) -> String {
    let when = e.when.get(..16).unwrap_or(&e.when).replacen('T', " ", 1);
    let esc = |s: &str| crate::text::escape(s).into_owned();
    let who = if e.officer.is_empty() {
        esc(&e.user)
    } else {
        format!("{} [{}]", esc(&e.user), esc(&e.officer))
    };
    format!(
        "{when}  {who} ({})  {} {}",
        esc(&e.from),
        esc(&e.subject),
        t.logged_change(&e.field, &e.old, &e.new)
    )
}

/// The login of user id `uid`, from /etc/passwd.
pub fn user_name(uid: u32) -> Option<String> {
    passwd().find_map(|(name, id)| (id == uid).then_some(name))
}

/// The user id of login `name`, from /etc/passwd.
pub fn user_id(name: &str) -> Option<u32> {
    passwd().find_map(|(n, id)| (n == name).then_some(id))
}

fn passwd() -> impl Iterator<Item = (String, u32)> {
    let text = fs::read_to_string("/etc/passwd").unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut cells = line.split(':');
            let name = cells.next()?.to_string();
            let id = cells.nth(1)?.parse().ok()?;
            Some((name, id))
        })
        .collect::<Vec<_>>()
        .into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::env;

    #[test]
    fn who_is_the_real_user_whatever_the_environment_claims() {
        let forged = env(&[
            ("SUDO_USER", "andi"),
            ("SUDO_UID", "1000"),
            ("USER", "andi"),
            ("LOGNAME", "andi"),
            ("SSH_CLIENT", "10.9.9.9 1 22"),
        ]);
        // Not running as root: SUDO_USER and USER are just text someone set.
        let who = Who::from_ids(0xfff0, 0xfff0, &forged, String::new());
        assert_eq!(
            who.user, "uid 65520",
            "the real user id, named from /etc/passwd"
        );
        assert_eq!(
            who.from, "10.9.9.9",
            "the address, as the session claims it"
        );
        // Under sudo, the officer behind it, when SUDO_UID is that login's id.
        let root = user_id("root").unwrap_or(0);
        let sudo = env(&[("SUDO_USER", "root"), ("SUDO_UID", "0")]);
        assert_eq!(
            Who::from_ids(root, 0, &sudo, String::new()).user,
            "root (sudo)"
        );
        let mismatched = env(&[("SUDO_USER", "root"), ("SUDO_UID", "4242")]);
        assert_eq!(Who::from_ids(0, 0, &mismatched, String::new()).user, "root");
        let named = env(&[("PANTAU_OFFICER", "Sari")]);
        let who = Who::from_ids(0, 0, &named, String::new());
        assert_eq!((who.user.as_str(), who.officer.as_str()), ("root", "Sari"));
    }

    #[test]
    fn values_with_tabs_newlines_and_escapes_survive_the_log_and_stay_inert_in_it() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("plan.ron");
        fs::write(&data, "x").unwrap();
        let who = Who {
            user: "u".into(),
            officer: String::new(),
            from: "local".into(),
            when: "t".into(),
        };
        let change = (
            "GOV-01".to_string(),
            "notes".to_string(),
            "a\tb\nc\\d \u{1b}]0;pwned\u{7}".to_string(),
            String::new(),
        );
        append(&data, &who, std::slice::from_ref(&change)).unwrap();
        append(&data, &who, std::slice::from_ref(&change)).unwrap();
        let entries = read(&data).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].old, change.2);
        let raw = fs::read(log_path(&data)).unwrap();
        assert!(
            !raw.iter().any(|&b| b < 0x20 && b != b'\n'),
            "no raw control byte in the file"
        );
    }

    #[test]
    fn logs_of_pantau_0_1_are_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("plan.ron");
        fs::write(&data, "x").unwrap();
        fs::write(
            log_path(&data),
            "2026-11-28T10:15:00+08:00\tandi\t10.1.2.3\tGOV-01\tnotes\ta\\tb\t\n",
        )
        .unwrap();
        let entries = read(&data).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(
            (entries[0].user.as_str(), entries[0].old.as_str()),
            ("andi", "a\tb")
        );
    }
}
