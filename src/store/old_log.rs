//! The single log pantau 0.2 wrote beside the plan (`<file>.log`), read,
//! no longer written: any officer of the group could change it, so its
//! entries are shown as unverified history.
//!
//! One JSON object a line, newest last, every value escaped in the file
//! itself: `{"v":1,"when":…,"user":…,"officer":…,"from":…,"subject":…,
//! "field":…,"old":…,"new":…}`. Logs written by pantau 0.1, one
//! tab-separated line a change (`when user from subject field old new`,
//! with `\t`, `\n`, `\\` escapes), are still read.

use super::journal::Entry;
use super::safe;
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Seek};
use std::path::{Path, PathBuf};

/// The log's format version, in every line.
pub const LOG_VERSION: u32 = 1;

/// Reading stops at this much of the log's end: the newest changes are
/// what anyone looks for, and a log that is not a log cannot eat memory.
pub const MAX_LOG_BYTES: u64 = 16 * 1024 * 1024;

/// One line of the old log as written.
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

/// The old single log beside the plan, `<file>.log`: read, no longer written.
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

/// Every entry of the old log (`<file>.log`), oldest first, of its last
/// [`MAX_LOG_BYTES`], each marked unverified. Lines that do not parse are
/// skipped; a log that is a link, a FIFO or a device is refused at once.
pub fn read(target: &Path) -> io::Result<Vec<Entry>> {
    let (mut file, meta) = match safe::open_side_to_read(&log_path(target)) {
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
    Ok(text
        .lines()
        .filter_map(parse_line)
        .map(|e| Entry {
            unverified: true,
            ..e
        })
        .collect())
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
            unverified: true,
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
        unverified: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
        assert!(entries[0].unverified);
        assert_eq!(entries.len(), 1);
        assert_eq!(
            (entries[0].user.as_str(), entries[0].old.as_str()),
            ("andi", "a\tb")
        );
    }
}
