//! The end-to-end tests: the real binary in a real terminal (tmux), over a
//! real SSH connection (sshd), as two real logins on a shared folder (root),
//! and the HTML report printed by a real browser (chromium). Each module is
//! a former test file, or the end-to-end part of one (`config`, `import`,
//! `print`).

#[path = "../common/mod.rs"]
mod common;

use common::generator;

mod config;
mod hostile;
mod import;
mod print;
mod safety;
mod shared_use;
mod ssh;
mod tmux;
mod tmux_editing;
