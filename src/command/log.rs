//! `pantau log`: the audit log, newest first, as plain text.

use super::{CommandError, Console, Settings};
use crate::store::{LoadError, audit};
use std::path::PathBuf;

/// Every entry, or those of one programme or since one day.
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
    let entries = audit::read(&path).map_err(|error| CommandError::Log {
        path: audit::log_path(&path),
        error,
    })?;
    let since = since.map(|d| d.to_string());
    let mut out = String::new();
    for e in entries.iter().rev() {
        if program.is_some_and(|id| e.subject != id)
            || since
                .as_deref()
                .is_some_and(|s| e.when.get(..10).unwrap_or("") < s)
        {
            continue;
        }
        out.push_str(&audit::describe(e, t));
        out.push('\n');
    }
    if out.is_empty() {
        out = format!("{}\n", t.cli.log_empty);
    }
    io.print(&out)
}
