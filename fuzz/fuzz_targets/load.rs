//! `load`: any bytes as a plan file. Text that is not UTF-8 stops where
//! `store::read` stops it; the rest goes through `store::parse`, `validate`,
//! the error messages, and a canonical round trip (see `harness::load`).
//!
//! Run: `cargo fuzz run -a load` in `fuzz/`'s parent (see fuzz/README.md).

#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        harness::load(text);
    }
});
