//! The one golden mechanism: every output a test pins byte for byte is an
//! insta snapshot (the reports' and rollup's here in `tests/golden/`, the
//! interface's in `tests/it/snapshots/`), reviewed with `cargo insta review`
//! (`cargo install cargo-insta`). The generated files kept at paths others
//! name (screenshots, man page, completions) follow insta's switch:
//! `INSTA_UPDATE=always cargo test` accepts every change, then `git diff`.
//!
//! `cargo install cargo-insta` works from crates.io (1.49, checked); CI does
//! not need it. `cargo insta test --unreferenced=reject` also fails on a
//! snapshot no test asserts any more.

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

/// Whether this run accepts changed goldens: insta's own switch
/// (`INSTA_UPDATE=always`, or `INSTA_FORCE_UPDATE=1`), which the checked-in
/// artifacts (`assert_artifact`) follow too.
pub fn accepting() -> bool {
    std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always")
        || std::env::var("INSTA_FORCE_UPDATE").is_ok_and(|v| v == "1")
}

/// Checks the checked-in file at `path` (from the repository's root) against
/// `now`, or writes it when `accepting()`. For generated files that others
/// name by their path (the README's screenshots, the man page and
/// completions the .deb installs, docs/generated/IMPORT.md), which insta's snapshot
/// files, with their header and their own names, cannot be.
pub fn assert_artifact(path: &str, now: &[u8]) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let checked_in = std::fs::read(&file).ok();
    if checked_in.as_deref() == Some(now) {
        return;
    }
    if accepting() {
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).expect("the artifact's folder");
        }
        std::fs::write(&file, now).expect("the artifact is writable");
        return;
    }
    panic!(
        "{path} is out of date ({}); accept with `INSTA_UPDATE=always cargo test`, \
         then review with `git diff`",
        first_difference(checked_in.as_deref(), now)
    );
}

/// Where `old` and `now` first differ, by line, for a failure message.
fn first_difference(old: Option<&[u8]>, now: &[u8]) -> String {
    let Some(old) = old else {
        return "missing".to_string();
    };
    let (old, now) = (String::from_utf8_lossy(old), String::from_utf8_lossy(now));
    let line = old
        .split('\n')
        .zip(now.split('\n'))
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| old.split('\n').count().min(now.split('\n').count()));
    format!(
        "line {}: was {:?}, now {:?}",
        line + 1,
        old.split('\n').nth(line).unwrap_or(""),
        now.split('\n').nth(line).unwrap_or("")
    )
}

/// Checks the printouts a guide shows: each block that follows a line
/// `$ PREFIX…` in a fenced block, up to the fence's end, must be what
/// `run(args)` prints, `args` being the command's words after `pantau` with
/// the bundled example's path replaced by `plan` (a copy the test owns).
/// With `accepting()` the guide is rewritten with the printouts as they are
/// now, so a guide never needs editing by hand when an output changes.
pub fn assert_printouts(
    path: &str,
    prefix: &str,
    plan: &Path,
    run: impl Fn(&[&str]) -> String,
) -> usize {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let guide = std::fs::read_to_string(&file).expect("the guide");
    let mut now = String::with_capacity(guide.len());
    let mut rest = guide.as_str();
    let mut seen = 0;
    let needle = format!("$ {prefix}");
    while let Some(at) = rest.find(&needle) {
        let line_end = at + rest[at..].find('\n').expect("a command line ends");
        let command = &rest[at + 2..line_end];
        let shown_end = line_end + 1 + rest[line_end + 1..].find("```").expect("a fence");
        now.push_str(&rest[..=line_end]);
        let plan = plan.to_str().expect("a UTF-8 path");
        let args: Vec<&str> = command
            .split_whitespace()
            .skip(1)
            .map(|a| if a == "data/luwu-utara.ron" { plan } else { a })
            .collect();
        now.push_str(&run(&args));
        rest = &rest[shown_end..];
        seen += 1;
    }
    now.push_str(rest);
    assert_artifact(path, now.as_bytes());
    seen
}
