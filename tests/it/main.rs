//! The in-process tests: one binary for everything that needs only cargo
//! and the built `pantau` (the library called directly, or the binary run
//! without a terminal). The tests that need tmux, sshd, chromium or root are
//! the `e2e` runner's (`tests/e2e/`). Each module is one former test file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../../examples/gen.rs"]
#[allow(dead_code)]
mod generator;

mod cli;
mod config;
mod editing;
mod example;
mod git;
mod html;
mod import;
mod keys;
mod layers;
mod manpage;
mod merge;
mod paste;
mod report;
mod robustness;
mod rollup;
mod screenshots;
mod store;
mod ui;
