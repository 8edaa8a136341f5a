//! pantau: track a regional smart-city masterplan from the terminal.
//!
//! The library holds everything but the process edges (argument parsing,
//! terminal set-up, the clock), so tests and benchmarks drive the same code
//! the binary runs.

pub mod action;
pub mod audit;
pub mod app;
pub mod canonical;
pub mod cli;
pub mod edit;
pub mod editing;
pub mod fields;
pub mod form;
pub mod i18n;
pub mod keymap;
pub mod model;
pub mod merge;
pub mod progress;
pub mod report;
pub mod recovery;
pub mod store;
pub mod summary;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod validate;
