//! `keys`: bytes as a size, a language, a theme, a today and up to 300 key
//! presses on the bundled example (the byte-to-key table is `harness::decode`).
//! After every key nothing panics, a frame of that size draws and the plan
//! validates; at the end, undo back to the start gives the plan as loaded.
//!
//! Run: `cargo fuzz run -a keys` in `fuzz/`'s parent (see fuzz/README.md).

#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::keys(data));
