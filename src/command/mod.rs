//! The commands' bodies: each takes the resolved [`Settings`] and its own
//! typed arguments, writes to a [`Console`], and returns a [`CommandError`]
//! when it stops; the binary only parses, resolves and dispatches, so tests
//! reach every command in-process.

use std::io::Write;

mod check;
mod doctor;
mod error;
mod git;
mod import;
mod interface;
mod log;
mod report;
mod set;
mod settings;
mod show_config;

pub use check::{check, init, summary};
pub use doctor::doctor;
pub use error::{CommandError, Kind};
pub use git::{git_setup, merge_driver, sync};
pub use import::import;
pub use interface::{interface, province};
pub use log::log;
pub use report::{report, rollup};
pub use set::set;
pub use settings::{ConfigFile, Demo, Given, Settings, default_path};
pub use show_config::show_config;

/// Where a command writes: its output, and its messages for the person
/// (stdout and stderr at the edge; buffers in tests).
pub struct Console<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

impl Console<'_> {
    /// Writes the command's output; a closed pipe (`pantau summary | head`)
    /// is not an error.
    pub fn print(&mut self, text: &str) -> Result<(), CommandError> {
        self.print_bytes(text.as_bytes())
    }

    pub fn print_bytes(&mut self, bytes: &[u8]) -> Result<(), CommandError> {
        match self.out.write_all(bytes).and_then(|()| self.out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CommandError::Stdout(e)),
            _ => Ok(()),
        }
    }

    /// One line for the person beside the output: a warning, a hint, what
    /// was done. A message that cannot be written is not worth stopping for.
    pub fn say(&mut self, line: &str) {
        let _ = writeln!(self.err, "{line}");
    }
}

/// Now, in the local time zone, as RFC 3339 (for the audit log).
fn now_rfc3339() -> String {
    jiff::ZonedDateTime::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}
