//! An interface safe to drive in a meeting, in the real terminal: what `p`
//! writes goes beside the plan, and under `--demo` into the demo's own
//! folder, never into the folder pantau was started in.

use crate::common::{self, Tmux, looks, pantau_argv, wait_until};
use std::ffi::OsString;
use std::path::Path;
use tempfile::TempDir;

/// The reports named `pantau-*` directly in `folder`.
fn reports_in(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("pantau-overview-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn p_under_demo_writes_into_the_demos_folder_not_the_working_folder() {
    if !common::tmux_or_skip() {
        return;
    }
    let (home, tmp, started_in) = (
        TempDir::new().unwrap(),
        TempDir::new().unwrap(),
        TempDir::new().unwrap(),
    );
    // `pantau --demo` started in a folder of its own, its copy under `tmp`.
    let run = pantau_argv(home.path(), Path::new("--demo"), &[]);
    let mut argv: Vec<OsString> = vec!["env".into(), "-C".into(), started_in.path().into()];
    let mut tmpdir = OsString::from("TMPDIR=");
    tmpdir.push(tmp.path());
    argv.push(tmpdir);
    argv.extend(run);
    let tmux = Tmux::start((80, 24), &argv);
    tmux.wait_for("the demo's dashboard", looks::dashboard);
    tmux.key("P");
    tmux.wait_for("the print menu naming the folder", |s| {
        s.contains("into the folder") && s.contains("pantau-demo-")
    });
    tmux.key("t");
    tmux.wait_for("the report written", |s| {
        common::bottom_line(s).contains("Report written to")
    });
    let written = wait_until("the report in the demo's folder", || {
        let demo = std::fs::read_dir(tmp.path())
            .ok()?
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("pantau-demo-"))?;
        let reports = reports_in(&demo.path());
        (!reports.is_empty()).then_some(reports)
    });
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(
        reports_in(started_in.path()).is_empty(),
        "nothing in the folder pantau was started in"
    );
    tmux.key("q");
}
