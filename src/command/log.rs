//! `pantau log`: every officer's journal merged by time, newest first, as
//! plain text, and what in them does not check out.

use super::{CommandError, Console, Settings};
use crate::store::{LoadError, audit, journal};
use std::path::PathBuf;

/// Every entry, or those of one programme or since one day; then, on
/// stderr, each journal that was cut, changed, removed or refused, and exit
/// 1 when history was tampered with.
pub fn log(
    file: Option<PathBuf>,
    program: Option<&str>,
    since: Option<jiff::civil::Date>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let path = settings.plan(file, io)?;
    if !path.exists() {
        return Err(LoadError::NotFound(path).into());
    }
    let journals = audit::history_remembered(&path).map_err(|error| CommandError::Log {
        path: journal::folder(&path),
        error,
    })?;
    let since = since.map(|d| d.to_string());
    let mut out = String::new();
    for e in journals.entries.iter().rev() {
        if program.is_some_and(|id| e.subject != id)
            || since
                .as_deref()
                .is_some_and(|s| e.when.get(..10).unwrap_or("") < s)
        {
            continue;
        }
        out.push_str(&audit::log_line(e, t));
        out.push('\n');
    }
    if out.is_empty() {
        out = format!("{}\n", t.cli.log_empty);
    }
    io.print(&out)?;
    let folder = journal::folder(&crate::store::resolve_symlink(&path).unwrap_or(path));
    let tampered = journals.problems.iter().any(journal::Problem::is_tampering);
    if tampered {
        io.say(t.log.j_told);
    }
    for problem in &journals.problems {
        let text = problem.render(t, &folder);
        let what = text.split_once('|').map_or(text.as_str(), |(what, _)| what);
        let label = if problem.is_tampering() {
            t.cli.d_warning
        } else {
            t.cli.d_note
        };
        io.say(&format!("{label}: {what}"));
    }
    if tampered {
        return Err(CommandError::Stopped);
    }
    Ok(())
}
