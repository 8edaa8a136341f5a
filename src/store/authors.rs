//! Who made a change this session did not make: the journals first, and for
//! a change that came through git (a sync, the merge driver) the author of
//! the commit that brought it; a question or notice names "another officer"
//! only when neither says.

use super::audit::Entry;
use super::git::{git, locate};
use crate::plan::merge::{Author, Conflict, List, Renamed, Why, logged_under};
use std::path::Path;

/// The name an entry's officer gave, else their login; when, to the minute.
pub fn author(e: &Entry) -> Author {
    Author {
        who: if e.officer.is_empty() {
            e.user.clone()
        } else {
            e.officer.clone()
        },
        when: e.when.get(..16).unwrap_or(&e.when).replacen('T', " ", 1),
    }
}

/// The newest entry that changed `field` of `subject` (a list's items
/// count under the list: see [`logged_under`]).
pub fn changed_by(entries: &[Entry], subject: &str, field: &str) -> Option<Author> {
    entries
        .iter()
        .rev()
        .find(|e| e.subject == subject && logged_under(&e.field, field))
        .map(author)
}

/// The newest entry that deleted programme `id` (`list: None`) or an item
/// of its `list` (`milestone`, `target`…).
pub fn deleted_by(entries: &[Entry], id: &str, list: Option<&str>) -> Option<Author> {
    entries
        .iter()
        .rev()
        .find(|e| {
            e.subject == id
                && e.new == "(deleted)"
                && match list {
                    None => e.field == "(program)",
                    Some(list) => logged_under(&e.field, list),
                }
        })
        .map(author)
}

/// Who made the other side of each conflict, and when: the newest journal
/// entry for that item and field, else the git commit that brought it.
/// Journals that cannot be read leave them to git; the question is asked
/// either way.
pub fn name_conflicts(path: &Path, conflicts: &mut [Conflict]) {
    let entries = super::audit::read(path).unwrap_or_default();
    let mut merging = None;
    for c in conflicts {
        c.by = c
            .log_key()
            .and_then(|(subject, field)| changed_by(&entries, &subject, field))
            .or_else(|| match c.program() {
                Some(id) => by_git(path, id, c.theirs.is_none()),
                None => merging.get_or_insert_with(|| merge_author(path)).clone(),
            });
    }
}

/// Who took each id or renamed each programme: the newest journal entry that
/// added (or renamed) it, else the git commit that did.
pub fn name_renamers(path: &Path, renamed: &mut [Renamed]) {
    let entries = super::audit::read(path).unwrap_or_default();
    for r in renamed.iter_mut().filter(|r| r.list == List::Programs) {
        let (subject, field) = match r.why {
            Why::Taken => (&r.from, "(program)"),
            Why::RenamedThere => (&r.to, "id"),
        };
        r.by = entries
            .iter()
            .rev()
            .find(|e| &e.subject == subject && e.field == field)
            .map(author)
            .or_else(|| by_git(path, subject, false));
    }
}

/// The author of the newest commit that touched programme `id` in the plan
/// at `path`: its lines while it is in the file, or the commit that took its
/// id out when it is `gone`. While a merge is under way, only the commits
/// it brings in count (the other side of its questions); otherwise only
/// when the file is as `HEAD` has it. `None` outside a repository, for a
/// file git does not track, or an id no commit touched.
pub fn by_git(path: &Path, id: &str, gone: bool) -> Option<Author> {
    let (root, relative) = locate(path).ok()?;
    let merging = git(&root, &["rev-parse", "-q", "--verify", "MERGE_HEAD"]).is_ok();
    // Outside a merge, only a file as git has it came through git: another
    // login's save since is theirs to name (their journal), not HEAD's author.
    if !merging && git(&root, &["diff", "--quiet", "HEAD", "--", &relative]).is_err() {
        return None;
    }
    let (tip, range) = if merging {
        ("MERGE_HEAD", "HEAD..MERGE_HEAD")
    } else {
        ("HEAD", "HEAD")
    };
    let line = format!("id: {},", quoted(id));
    let at_tip = git(
        &root,
        &["grep", "-q", "-F", "-e", &line, tip, "--", &relative],
    )
    .is_ok();
    if at_tip == gone {
        // Deleted here but not there, or the other way round: git did not do it.
        return None;
    }
    let out = if gone {
        let pickaxe = format!("-S{line}");
        log(&root, &[&pickaxe, range, "--", &relative])
    } else {
        // From the programme's id line to the line that closes it, as the
        // canonical layout writes them (`canonical.rs`).
        let lines = format!("-L/^ *{}$/,/^        [)],$/:{relative}", regex(&line)?);
        log(&root, &["-s", &lines, range])
    };
    out.or_else(|| merging.then(|| merge_author(path)).flatten())
}

/// The author of the newest commit a merge under way brings in that touched
/// the plan (else the merged commit itself): who the other side of a
/// `// pantau-conflict` question is by.
pub fn merge_author(path: &Path) -> Option<Author> {
    let (root, relative) = locate(path).ok()?;
    log(&root, &["HEAD..MERGE_HEAD", "--", &relative]).or_else(|| log(&root, &["MERGE_HEAD"]))
}

/// `git log -1` with `args`, read as an author and the minute.
fn log(root: &Path, args: &[&str]) -> Option<Author> {
    let mut all = vec![
        "log",
        "-1",
        "--format=%an%x1f%ad",
        "--date=format:%Y-%m-%d %H:%M",
    ];
    all.extend_from_slice(args);
    let out = git(root, &all).ok()?;
    let (who, when) = out.lines().next()?.split_once('\u{1f}')?;
    (!who.is_empty()).then(|| Author {
        who: who.to_string(),
        when: when.to_string(),
    })
}

/// An id as the plan file writes it, between quotes.
fn quoted(id: &str) -> String {
    format!("\"{}\"", id.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `text` as a git line-range pattern matching itself: letters and digits
/// as they are, the few other characters an id line holds in brackets;
/// `None` for anything else, which is then not looked for.
fn regex(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match c {
            c if c.is_ascii_alphanumeric() || c == ' ' || c == '"' || c == ':' || c == ',' => {
                out.push(c);
            }
            '-' | '_' | '.' => {
                out.push('[');
                out.push(c);
                out.push(']');
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(subject: &str, field: &str, new: &str, who: &str) -> Entry {
        Entry {
            when: "2026-11-28T10:15:00+08:00".into(),
            user: who.into(),
            officer: String::new(),
            from: "tty".into(),
            subject: subject.into(),
            field: field.into(),
            old: String::new(),
            new: new.into(),
            unverified: false,
        }
    }

    #[test]
    fn the_newest_entry_that_deleted_an_item_names_who() {
        let entries = [
            entry("GOV-06", "status", "Done", "budi"),
            entry("GOV-06", "milestone.2", "(deleted)", "citra"),
            entry("GOV-06", "(program)", "(deleted)", "andi"),
        ];
        let who = |list| deleted_by(&entries, "GOV-06", list).map(|a| a.who);
        assert_eq!(who(None).as_deref(), Some("andi"));
        assert_eq!(who(Some("milestone")).as_deref(), Some("citra"));
        assert_eq!(who(Some("target")), None);
        assert_eq!(deleted_by(&entries, "GOV-05", None), None);
        let changed = changed_by(&entries, "GOV-06", "milestone").map(|a| a.who);
        assert_eq!(changed.as_deref(), Some("citra"));
        assert_eq!(
            author(&entries[0]).when,
            "2026-11-28 10:15",
            "to the minute"
        );
    }

    #[test]
    fn an_id_line_is_matched_as_written_and_odd_ids_are_not_looked_for() {
        assert_eq!(
            regex("id: \"GOV-06\",").as_deref(),
            Some("id: \"GOV[-]06\",")
        );
        assert_eq!(regex("id: \"a/b\","), None);
        assert_eq!(regex("id: \"a(b\","), None);
    }
}
