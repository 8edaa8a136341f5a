//! pantau: track a regional smart-city masterplan from the terminal.
//!
//! The library holds everything but the process edges (argument parsing,
//! terminal set-up, the clock), so tests and benchmarks drive the same code
//! the binary runs.

pub mod action;
pub mod app;
pub mod audit;
pub mod canonical;
pub mod cli;
pub mod edit;
pub mod editing;
pub mod fields;
pub mod form;
pub mod i18n;
pub mod keymap;
pub mod merge;
pub mod model;
pub mod progress;
pub mod recovery;
pub mod report;
pub mod store;
pub mod summary;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod validate;
