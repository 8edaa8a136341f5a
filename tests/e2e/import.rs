//! Spreadsheets in the real terminal: P then x writes the workbook. The rest
//! of the spreadsheet tests are `tests/it/import.rs`'s.

use crate::common;
use calamine::Reader;
use pantau::store::{self, EXAMPLE};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A folder with the example as plan.ron.
fn office() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, EXAMPLE).unwrap();
    (dir, plan)
}

#[test]
fn the_interface_prints_a_workbook_with_p_x() {
    if !common::tmux_or_skip() {
        return;
    }
    let (dir, plan) = office();
    let mut argv = common::pantau_argv(dir.path(), &plan, &[]);
    // The report goes to the working folder: the test's own, not the repository.
    argv.splice(1..1, ["-C".into(), dir.path().as_os_str().to_owned()]);
    let tmux = common::Tmux::start((80, 24), &argv);
    tmux.wait_for("the dashboard", |s| s.contains("Smart Governance"));
    tmux.key("P");
    let menu = tmux.wait_for("the print menu", |s| s.contains("x XLSX   Esc cancel"));
    assert!(!menu.contains('\u{1b}'));
    tmux.key("x");
    let name = "pantau-overview-2026-12-02.xlsx";
    tmux.wait_for("the report's path in the status bar", |s| s.contains(name));
    let bytes = std::fs::read(dir.path().join(name)).unwrap();
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Plan", "Programmes", "Milestones", "Targets"]
    );
    let programmes = book.worksheet_range("Programmes").unwrap();
    assert_eq!(
        programmes.height(),
        store::parse(EXAMPLE, Path::new("x"))
            .unwrap()
            .plan
            .programs
            .len()
            + 1
    );
    tmux.key("q");
}
