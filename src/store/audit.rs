//! Who changed what: an append-only log beside the data file (`<file>.log`).
//!
//! One line per changed field, tab-separated, newest last:
//! `when  who  from  subject  field  old  new`. Tabs, newlines and
//! backslashes inside values are written as `\t`, `\n`, `\\`.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Who is saving: the login user (or the one behind `sudo`) and, over SSH,
/// the client's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub user: String,
    pub from: String,
    /// Local time of the save, RFC 3339 with offset.
    pub when: String,
}

impl Who {
    /// Read from the environment (the process edge calls this).
    pub fn from_env(env: impl Fn(&str) -> Option<String>, when: String) -> Who {
        let set = |k: &str| env(k).filter(|v| !v.is_empty());
        let user = set("SUDO_USER")
            .or_else(|| set("USER"))
            .or_else(|| set("LOGNAME"))
            .or_else(user_from_passwd)
            .unwrap_or_else(|| "unknown".into());
        // SSH_CLIENT is "address port port"; SSH_CONNECTION "address port address port".
        let from = set("SSH_CLIENT")
            .or_else(|| set("SSH_CONNECTION"))
            .and_then(|v| v.split_whitespace().next().map(String::from))
            .unwrap_or_else(|| "local".into());
        Who { user, from, when }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub when: String,
    pub user: String,
    pub from: String,
    pub subject: String,
    pub field: String,
    pub old: String,
    pub new: String,
}

pub fn log_path(data: &Path) -> PathBuf {
    let mut name = data
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".log");
    data.with_file_name(name)
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
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

/// Appends one line per change. The log gets the data file's permissions and
/// owner, so it is never readable by more people than the plan.
pub fn append(
    data: &Path,
    who: &Who,
    changes: &[(String, String, String, String)],
) -> io::Result<()> {
    let target = fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
    let path = log_path(&target);
    let mut options = fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let mode = fs::metadata(&target).map_or(0o640, |m| m.permissions().mode() & 0o666);
        options.mode(mode);
    }
    let existed = path.exists();
    let mut file = options.open(&path)?;
    #[cfg(unix)]
    if !existed && let Ok(meta) = fs::metadata(&target) {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
    }
    let mut text = String::new();
    for (subject, field, old, new) in changes {
        let cells = [&who.when, &who.user, &who.from, subject, field, old, new];
        let line: Vec<String> = cells.iter().map(|c| escape(c)).collect();
        text.push_str(&line.join("\t"));
        text.push('\n');
    }
    // One write, so lines from two officers saving at once never interleave.
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Every entry, oldest first. Lines that do not parse (a hand edit, a torn
/// write from a crash) are skipped, not fatal.
pub fn read(data: &Path) -> io::Result<Vec<Entry>> {
    let target = fs::canonicalize(data).unwrap_or_else(|_| data.to_path_buf());
    let text = match fs::read_to_string(log_path(&target)) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(text
        .lines()
        .filter_map(|line| {
            let cells: Vec<String> = line.split('\t').map(unescape).collect();
            let [when, user, from, subject, field, old, new]: [String; 7] =
                cells.try_into().ok()?;
            Some(Entry {
                when,
                user,
                from,
                subject,
                field,
                old,
                new,
            })
        })
        .collect())
}

/// One entry as a line for people: `2026-11-28 10:15  andi (10.1.2.3)  GOV-01 status: In progress -> Done`;
/// a milestone or target list as what changed inside it (`milestone 3 done: no -> yes`).
pub fn describe(e: &Entry, t: &crate::i18n::Text) -> String {
    let when = e.when.get(..16).unwrap_or(&e.when).replacen('T', " ", 1);
    let esc = |s: &str| crate::text::escape(s).into_owned();
    format!(
        "{when}  {} ({})  {} {}",
        esc(&e.user),
        esc(&e.from),
        esc(&e.subject),
        crate::plan::change::describe(&e.field, &e.old, &e.new, t)
    )
}

/// The login name for uid-only environments (cron, `su -c`): looked up in /etc/passwd.
pub fn user_from_passwd() -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let uid = fs::metadata("/proc/self").ok()?.uid();
        let passwd = fs::read_to_string("/etc/passwd").ok()?;
        passwd.lines().find_map(|line| {
            let mut cells = line.split(':');
            let name = cells.next()?;
            (cells.nth(1)?.parse::<u32>().ok()? == uid).then(|| name.to_string())
        })
    }
    #[cfg(not(unix))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_prefers_sudo_user_and_takes_the_ssh_address() {
        let env = |k: &str| match k {
            "SUDO_USER" => Some("andi".to_string()),
            "USER" => Some("root".to_string()),
            "SSH_CLIENT" => Some("10.1.2.3 51514 22".to_string()),
            _ => None,
        };
        let who = Who::from_env(env, "2026-11-28T10:00:00+08:00".into());
        assert_eq!((who.user.as_str(), who.from.as_str()), ("andi", "10.1.2.3"));
        let local = Who::from_env(|k| (k == "USER").then(|| "sari".to_string()), String::new());
        assert_eq!(
            (local.user.as_str(), local.from.as_str()),
            ("sari", "local")
        );
    }

    #[test]
    fn values_with_tabs_and_newlines_survive_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("plan.ron");
        fs::write(&data, "x").unwrap();
        let who = Who {
            user: "u".into(),
            from: "local".into(),
            when: "t".into(),
        };
        let change = (
            "GOV-01".to_string(),
            "notes".to_string(),
            "a\tb\nc\\d".to_string(),
            String::new(),
        );
        append(&data, &who, std::slice::from_ref(&change)).unwrap();
        append(&data, &who, std::slice::from_ref(&change)).unwrap();
        let entries = read(&data).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].old, "a\tb\nc\\d");
    }
}
