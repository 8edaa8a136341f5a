//! `pantau rollup`: a province's plans found in folders (recursively, one
//! clone per regency), loaded in parallel; one row per region; a plan that
//! does not load is listed with its error and never stops the rest.

mod common;

use common::{BIN, example};
use std::process::Command;
use tempfile::TempDir;

/// A province: two regencies in folders of their own (one with a `.git`
/// folder that must be skipped) and a broken plan.
fn province() -> TempDir {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("luwu-utara/.git")).unwrap();
    std::fs::write(root.join("luwu-utara/plan.ron"), example()).unwrap();
    std::fs::write(root.join("luwu-utara/.git/old.ron"), "not a plan").unwrap();
    std::fs::create_dir_all(root.join("timur")).unwrap();
    // A second regency, by another name.
    let timur = example().replace(
        "region: \"Kabupaten Luwu Utara\"",
        "region: \"Kabupaten Luwu Timur\"",
    );
    assert!(timur.contains("Luwu Timur"));
    std::fs::write(root.join("timur/plan.ron"), timur).unwrap();
    std::fs::write(root.join("broken.ron"), "(version: 1, region: ").unwrap();
    dir
}

fn rollup(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(["rollup", "--today", "2026-12-02", "--lang", "en"])
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_folder_of_regencies_gives_one_row_each_and_lists_what_did_not_load() {
    let dir = province();
    let root = dir.path().to_string_lossy().into_owned();
    let (code, text, err) = rollup(&[&root]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.starts_with("Provincial rollup: 2 region(s), 72 programmes"),
        "{text}"
    );
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Kabupaten"))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0].starts_with("Kabupaten Luwu Timur") && rows[1].starts_with("Kabupaten Luwu Utara")
    );
    assert!(text.lines().all(|l| pantau::text::width(l) <= 80), "{text}");
    assert!(text.contains("Plans that did not load"), "{text}");
    assert!(text.contains("broken.ron"), "{text}");
    assert!(!text.contains("old.ron"), "a .git folder is not searched");

    let (code, csv, _) = rollup(&[&root, "--format", "csv"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("Region,Progs,"), "{csv}");
    assert_eq!(lines.len(), 3, "a header and a row per region: {csv}");

    let (code, json, _) = rollup(&[&root, "--format", "json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["regions"].as_array().unwrap().len(), 2);
    assert_eq!(value["regions"][1]["programs"], 36);
    assert_eq!(value["failed"].as_array().unwrap().len(), 1);
    assert!(value["regions"][0]["percent_done"]["governance"].is_number());
}

#[test]
fn files_may_be_named_one_by_one_and_a_missing_one_is_a_listed_failure() {
    let dir = province();
    let one = dir.path().join("timur/plan.ron");
    let missing = dir.path().join("nowhere.ron");
    let (code, text, _) = rollup(&[
        &one.to_string_lossy(),
        &missing.to_string_lossy(),
        "--width",
        "60",
    ]);
    assert_eq!(code, 0);
    assert!(text.contains("1 region(s), 36 programmes"), "{text}");
    assert!(text.contains("nowhere.ron"), "{text}");
    assert!(text.lines().all(|l| pantau::text::width(l) <= 60), "{text}");
}
