//! pantau: track a regional smart-city masterplan from the terminal.
//!
//! Layers point one way, and `tests/layers.rs` keeps them so:
//!
//! - `text`, `i18n`: escaping and measuring strings; every word a person reads.
//! - `plan`: the domain (model, field registry, validation, progress, edits,
//!   merge, the canonical writer). No I/O.
//! - `format`: numbers and dates as people read them, in either language.
//! - `store`: files: loading with diagnostics, the atomic writer, the lock,
//!   saving with a merge, the audit log, recovery files.
//! - `report`: reports for paper and other tools, in four formats.
//! - `import`: spreadsheets read back into a plan, through the report's sheet
//!   columns.
//! - `tui`: the terminal interface and its event loop.
//! - `cli` and the binary's `main`: arguments, environment, clock, exit codes.

pub mod cli;
pub mod config;
pub mod format;
pub mod i18n;
pub mod import;
pub mod plan;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
