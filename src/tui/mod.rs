//! The terminal interface: the state (`app`), the one `update` that changes
//! it, the keymap, forms, one file per view under `ui/`, and the event loop
//! at the edge (`run`) that performs the effects `update` returns.

pub mod action;
pub mod app;
pub mod bindings;
mod editing;
pub mod form;
mod help_words;
pub mod keymap;
pub mod province;
mod run;
#[cfg(test)]
mod schema_reach;
pub mod theme;
mod told;
pub mod ui;
pub mod update;

pub use run::{Ending, run, run_province};
