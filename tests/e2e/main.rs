//! The end-to-end tests: the real binary in a real terminal (tmux), over a
//! real SSH connection (sshd), and as two real logins on a shared folder
//! (root). Each module is one former test file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../../examples/gen.rs"]
#[allow(dead_code)]
mod generator;

mod hostile;
mod shared_use;
mod ssh;
mod tmux;
mod tmux_editing;
