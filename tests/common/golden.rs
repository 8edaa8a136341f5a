//! The one golden mechanism: every output a test pins byte for byte is an
//! insta snapshot in `tests/golden/`. Review a change with `cargo insta
//! review` (`cargo install cargo-insta`), or accept every change with
//! `INSTA_UPDATE=always cargo test` and read `git diff`.

use std::path::{Path, PathBuf};

/// Where the golden snapshots live.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Pins `output` as the golden `name` (`overview.en.80.txt`), byte for byte.
///
/// insta keeps a text snapshot trimmed, with CRLF read as LF, so only output
/// that it gives back unchanged is one (`NAME.snap`, whose change shows as a
/// diff): no carriage return, no blank start, exactly one line end at the
/// end. Any other output (a CSV's CRLF lines, a trailing blank line) is a
/// binary snapshot, its bytes in a file of their own (`STEM.snap.EXT`); an
/// output that moves from one kind to the other fails as a new snapshot.
pub fn assert_golden(name: &str, output: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir());
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        if kept_as_text(output) {
            insta::assert_snapshot!(name, output);
        } else {
            insta::assert_binary_snapshot!(&binary_name(name), output.as_bytes().to_vec());
        }
    });
}

/// The files in `tests/golden/` that hold the golden `name` of `output`.
pub fn files_of(name: &str, output: &str) -> Vec<String> {
    if kept_as_text(output) {
        return vec![format!("{name}.snap")];
    }
    let binary = binary_name(name);
    let (stem, extension) = binary.split_once('.').unwrap_or((&binary, ""));
    vec![format!("{stem}.snap"), format!("{stem}.snap.{extension}")]
}

/// Whether insta's text snapshot gives `output` back unchanged.
fn kept_as_text(output: &str) -> bool {
    !output.contains('\r')
        && !output.starts_with('\n')
        && output.ends_with('\n')
        && !output.ends_with("\n\n")
        && output.trim_end() == &output[..output.len() - 1]
}

/// insta takes a binary snapshot's name up to its first dot: the dots
/// before the extension become dashes (`overview.en.csv`: `overview-en.csv`).
fn binary_name(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{}.{extension}", stem.replace('.', "-")),
        None => name.to_string(),
    }
}
