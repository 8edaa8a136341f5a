//! Fast tier, in seconds: `cargo test-fast` (unit tests and this runner less its slowest; .cargo/config.toml).
//!
//! The in-process tests: one binary for everything that needs only cargo,
//! git and the built `pantau` (the library called directly, or the binary
//! run without a terminal). The tests that need tmux, sshd, chromium or root
//! are the `e2e` runner's (`tests/e2e/`). Each module is one former test file.
//! `cargo test` runs both runners and every test.

#[path = "../common/mod.rs"]
mod common;

use common::generator;

mod cli;
mod config;
mod docs;
mod editing;
mod estimate;
mod example;
mod fiscal;
mod follow;
mod followups;
mod git;
mod hostile_sheets;
mod hostile_xls;
mod html;
mod import;
mod journals;
mod keys;
mod layers;
mod manpage;
mod merge;
mod money;
mod paste;
mod report;
mod robustness;
mod rollup;
mod safety;
mod screenshots;
mod store;
mod ui;
mod unsaved;
mod unseen;
mod vocabulary;

use std::path::Path;

/// Every test file is a module of a runner: a file under a runner's folder
/// that its `main.rs` does not name is never compiled, so its tests would
/// silently not run, and a loose `tests/NAME.rs` would link the whole crate
/// once more as a binary of its own.
#[test]
fn every_test_file_is_a_module_of_a_runner() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut forgotten = Vec::new();
    for (name, is_dir) in entries(&tests) {
        match (name.as_str(), is_dir) {
            ("it" | "e2e", true) => forgotten.extend(undeclared(&tests.join(&name), "main.rs")),
            ("common", true) => forgotten.extend(undeclared(&tests.join(&name), "mod.rs")),
            // Data the tests read: goldens, and the failing cases proptest
            // keeps and replays first.
            ("golden" | "proptest-regressions", true) => {}
            (_, true) => forgotten.push(format!("tests/{name}/: a folder no runner knows")),
            (_, false) if name.ends_with(".rs") => forgotten.push(format!(
                "tests/{name}: a binary of its own; make it a module of tests/it or tests/e2e"
            )),
            (_, false) => {}
        }
    }
    assert!(forgotten.is_empty(), "{}", forgotten.join("\n"));
}

/// The files and folders of `dir` that its root file (`main.rs`, `mod.rs`)
/// does not declare as a module; snapshots are data, not modules.
fn undeclared(dir: &Path, root: &str) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join(root)).expect("the runner's root file");
    let declared = |module: &str| {
        text.lines()
            .map(str::trim)
            .any(|l| l == format!("mod {module};") || l == format!("pub mod {module};"))
    };
    let folder = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    let folder = folder.unwrap_or_default();
    entries(dir)
        .into_iter()
        .filter_map(|(name, is_dir)| {
            let module = match name.strip_suffix(".rs") {
                Some(_) if name == root => return None,
                Some(module) if !is_dir => module.to_string(),
                _ if is_dir && name != "snapshots" => name.clone(),
                _ => return None,
            };
            (!declared(&module)).then(|| format!("tests/{folder}/{name}: not a module of {root}"))
        })
        .collect()
}

/// The names in `dir`, each with whether it is a folder.
fn entries(dir: &Path) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = std::fs::read_dir(dir)
        .expect("the tests folder is readable")
        .map(|e| {
            let e = e.expect("a readable entry");
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .collect();
    out.sort();
    out
}

/// The fast tier skips tests by name (`.cargo/config.toml`): each name must
/// still be a test, or a renamed slow test would silently join the fast tier
/// and a removed one leave a stale entry.
#[test]
fn every_test_the_fast_tier_skips_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read_to_string(root.join(".cargo/config.toml")).expect("the aliases");
    let skipped: Vec<&str> = config
        .lines()
        .filter_map(|l| l.trim().strip_prefix("\"--skip\", \""))
        .filter_map(|l| l.strip_suffix("\","))
        .collect();
    assert!(!skipped.is_empty(), "no --skip found in .cargo/config.toml");
    for name in skipped {
        let (module, test) = name.split_once("::").expect("module::test");
        let source = std::fs::read_to_string(root.join(format!("tests/it/{module}.rs")));
        let source = source.unwrap_or_default();
        assert!(
            source.contains(&format!("fn {test}(")),
            "the fast tier skips {name}, which is no test of tests/it/{module}.rs"
        );
    }
}
