//! pantau: track a regional smart-city masterplan from the terminal.
//!
//! Layers point one way, and `tests/it/layers.rs` keeps them so:
//!
//! - `text`, `i18n`: escaping and measuring strings; every word a person reads,
//!   and numbers and dates as people write them (`i18n::format`).
//! - `plan`: the domain (model, field registry, validation, progress, edits,
//!   merge, the canonical writer). No I/O.
//! - `store`: files: loading with diagnostics, the atomic writer, the lock,
//!   saving with a merge, the audit log, recovery files.
//! - `report`: reports for paper and other tools, in four formats.
//! - `import`: spreadsheets read back into a plan, through the report's sheet
//!   columns.
//! - `config`: the configuration file, whose keys and colours are names the
//!   interface's types are made from above it.
//! - `tui`: the terminal interface and its event loop.
//! - `command`: each command's body, taking resolved settings and returning
//!   typed errors whose kind decides the exit code.
//! - `cli` and the binary's `main`: arguments, environment, clock, dispatch.

pub mod cli;
pub mod command;
pub mod config;
pub mod i18n;
pub mod import;
pub mod plan;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
