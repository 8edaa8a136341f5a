//! Who changed what, as every reader sees it: the journals (one per login,
//! chained by hash: `super::journal`) and the old single log
//! (`super::old_log`) as one history, and an entry as a line for people.

pub use super::journal::Entry;
pub use super::login::{Who, sudo_officer, user_id, user_name};
pub use super::old_log::{LOG_VERSION, MAX_LOG_BYTES, log_path};
use std::io;
use std::path::Path;

/// Records a save's changes in this officer's journal (see
/// [`super::journal::append`]).
pub fn append(
    data: &Path,
    who: &Who,
    changes: &[(String, String, String, String)],
) -> io::Result<()> {
    super::journal::append(data, who, changes)
}

/// The whole history of the plan at `data`: every journal and the old log
/// merged by time, oldest first, with what does not check out.
pub fn history(data: &Path) -> io::Result<super::journal::Journals> {
    let target = super::write::resolve_symlink(data).unwrap_or_else(|_| data.to_path_buf());
    let old = super::old_log::read(&target)?;
    super::journal::read(&target, old)
}

/// [`history`] as a reader reads it (`pantau log`, `doctor`, the
/// interface at open): checked against what this login saw at its last
/// reading, which is then recorded (see `super::seen`). A record that
/// cannot be written leaves the history as read.
pub fn history_remembered(data: &Path) -> io::Result<super::journal::Journals> {
    let target = super::write::resolve_symlink(data).unwrap_or_else(|_| data.to_path_buf());
    let old = super::old_log::read(&target)?;
    let before = super::seen::remembered(&target);
    let journals = super::journal::read_since(&target, old, &before)?;
    let after = super::journal::to_remember(&before, &journals);
    if after != before {
        let _ = super::seen::remember(&target, &after);
    }
    Ok(journals)
}

/// Every entry of [`history`], oldest first; what does not check out is
/// for the readers that report it (`pantau log`, `pantau doctor`).
pub fn read(data: &Path) -> io::Result<Vec<Entry>> {
    history(data).map(|h| h.entries)
}

/// One entry as `pantau log` prints it: `2026-11-28 10:15 +08:00  andi
/// (10.1.2.3)  GOV-01 status: In progress -> Done`, the time with the
/// offset it was logged in; see [`describe`].
pub fn log_line(e: &Entry, t: &crate::i18n::Text) -> String {
    line(e, t, shown_time(&e.when))
}

/// One entry as a line for people, the time to the minute (a programme's
/// recent changes): `2026-11-28 10:15  andi (10.1.2.3)  GOV-01 status: In
/// progress -> Done`; an officer's own name in brackets after the login; a
/// milestone or target list as what changed inside it (`milestone 3 done:
/// no -> yes`); an entry no one can check marked so before its login.
/// Every field escaped, the time too.
pub fn describe(e: &Entry, t: &crate::i18n::Text) -> String {
    let time = shown_time(&e.when);
    // The minute without its offset, where the time reads as one.
    let minute = match time.get(..16) {
        Some(minute) if time.len() > 16 && e.when.get(..16).is_some() => minute.to_string(),
        _ => time,
    };
    line(e, t, minute)
}

fn line(e: &Entry, t: &crate::i18n::Text, time: String) -> String {
    let esc = |s: &str| crate::text::escape(s).into_owned();
    let who = if e.officer.is_empty() {
        esc(&e.user)
    } else {
        format!("{} [{}]", esc(&e.user), esc(&e.officer))
    };
    let mark = if e.unverified {
        format!("{} ", t.log.l_unverified)
    } else {
        String::new()
    };
    format!(
        "{time}  {mark}{who} ({})  {} {}",
        esc(&e.from),
        esc(&e.subject),
        t.logged_change(&e.field, &e.old, &e.new)
    )
}

/// A logged time to the minute with its offset (`2026-11-28 10:15 +08:00`),
/// or, when it is not such a time, as logged, escaped and cut.
pub fn shown_time(when: &str) -> String {
    let parts = (
        when.get(..10),
        when.get(10..11),
        when.get(11..16),
        when.get(19..),
    );
    match parts {
        (Some(day), Some("T"), Some(minute), Some(offset))
            if when.parse::<jiff::Timestamp>().is_ok() =>
        {
            // Seconds' fractions, if any, go before the offset.
            let offset = offset.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
            format!("{day} {minute} {}", crate::text::escape(offset))
        }
        _ => crate::text::fit(&crate::text::escape(when), 32, "…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
        let journal = super::super::journal::folder(&data)
            .join(format!("{}.jsonl", super::super::journal::own_login().0));
        let raw = fs::read(journal).unwrap();
        assert!(
            !raw.iter().any(|&b| b < 0x20 && b != b'\n'),
            "no raw control byte in the file"
        );
    }

    #[test]
    fn the_old_log_is_read_beside_the_journals_by_time_and_marked_unverified() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("plan.ron");
        fs::write(&data, "x").unwrap();
        fs::write(
            log_path(&data),
            concat!(
                r#"{"v":1,"when":"2026-11-28T10:15:00+08:00","user":"andi","from":"local","#,
                r#""subject":"GOV-01","field":"status","old":"InProgress","new":"Done"}"#,
                "\n",
                r#"{"v":1,"when":"2026-11-30T10:15:00+08:00","user":"andi","from":"local","#,
                r#""subject":"GOV-03","field":"status","old":"InProgress","new":"Done"}"#,
                "\n"
            ),
        )
        .unwrap();
        let who = Who {
            user: super::super::journal::own_login().0,
            officer: String::new(),
            from: "local".into(),
            when: "2026-11-29T09:00:00+07:00".into(),
        };
        let change = (
            "GOV-02".into(),
            "status".into(),
            "Done".into(),
            "Delayed".into(),
        );
        append(&data, &who, &[change]).unwrap();
        let read = history(&data).unwrap();
        let shown: Vec<(&str, bool)> = read
            .entries
            .iter()
            .map(|e| (e.subject.as_str(), e.unverified))
            .collect();
        assert_eq!(
            shown,
            [("GOV-01", true), ("GOV-02", false), ("GOV-03", true)]
        );
        assert_eq!(
            read.problems,
            [super::super::journal::Problem::Unverified { entries: 2 }]
        );
        let line = log_line(&read.entries[0], &crate::i18n::EN);
        assert!(
            line.starts_with("2026-11-28 10:15 +08:00  [unverified] andi (local)  GOV-01 status:"),
            "{line}"
        );
        let entry = &read.entries[1];
        assert!(log_line(entry, &crate::i18n::EN).starts_with("2026-11-29 09:00 +07:00  "));
        assert!(describe(entry, &crate::i18n::EN).starts_with("2026-11-29 09:00  "));
    }

    #[test]
    fn a_logged_time_reaches_the_terminal_escaped_with_its_offset() {
        assert_eq!(
            shown_time("2026-11-28T10:15:00+08:00"),
            "2026-11-28 10:15 +08:00"
        );
        assert_eq!(shown_time("2026-11-28T02:15:00Z"), "2026-11-28 02:15 Z");
        let hostile = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{1b}]0;title\u{7}";
        let shown = shown_time(hostile);
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(shown.starts_with("\\u{1b}]52"), "{shown}");
        let entry = Entry {
            when: hostile.into(),
            user: "u".into(),
            ..Default::default()
        };
        for line in [
            log_line(&entry, &crate::i18n::EN),
            describe(&entry, &crate::i18n::EN),
        ] {
            assert!(!line.chars().any(char::is_control), "{line:?}");
        }
    }
}
