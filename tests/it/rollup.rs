//! `pantau rollup`: a province's plans found in folders (recursively, one
//! clone per regency), loaded in parallel; one row per region; a plan that
//! does not load is listed with its error and never stops the rest.

use crate::common;

use crate::generator;

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
    // Printed whole, and the exit code says a region is missing from it.
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("1 of 3 plans did not load"), "{err}");
    assert!(err.contains("broken.ron"), "{err}");
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

    let (code, csv, err) = rollup(&[&root, "--format", "csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("broken.ron"), "{err}");
    let (head, rows) = read_csv(&csv);
    assert_eq!(head[..3], ["Code", "Region", "Progs"]);
    assert_eq!(head[head.len() - 2..], ["File", "Error"]);
    assert_eq!(
        rows.len(),
        3,
        "a row per region and one per failed plan: {csv}"
    );
    assert!(rows[..2].iter().all(|r| r[head.len() - 1].is_empty()));
    let failed = &rows[2];
    assert!(failed[head.len() - 2].ends_with("broken.ron"), "{failed:?}");
    assert!(!failed[head.len() - 1].is_empty(), "the reason: {failed:?}");
    assert!(
        failed[..2].iter().all(String::is_empty),
        "no region: {failed:?}"
    );
    for section in ["overdue", "behind"] {
        let (code, csv, _) = rollup(&[&root, "--format", "csv", "--section", section]);
        assert_eq!(code, 1, "{section}");
        let (_, rows) = read_csv(&csv);
        let last = rows.last().unwrap();
        assert!(
            last.iter().any(|c| c.ends_with("broken.ron")),
            "{section}: {csv}"
        );
    }

    let (code, json, _) = rollup(&[&root, "--format", "json"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["regions"].as_array().unwrap().len(), 2);
    assert_eq!(value["regions"][1]["programs"], 36);
    assert_eq!(value["failed"].as_array().unwrap().len(), 1);
    assert!(value["regions"][0]["percent_done"]["governance"].is_number());
    assert_eq!(value["regions"][1]["code"], "73.22");
    assert_eq!(value["regions"][1]["estimated_index"], 2.678);
    assert_eq!(value["overdue"].as_array().unwrap().len(), 22);
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
    assert_eq!(code, 1);
    assert!(text.contains("1 region(s), 36 programmes"), "{text}");
    assert!(text.contains("nowhere.ron"), "{text}");
    assert!(text.lines().all(|l| pantau::text::width(l) <= 60), "{text}");
}

/// A generated province: Sulawesi Selatan's 24 regencies and cities, one
/// folder (clone) each, 20 programmes apiece, plus one broken plan.
fn sulsel() -> TempDir {
    let dir = TempDir::new().unwrap();
    for n in 1..=24 {
        let plan = generator::generate_region(20, n as u64, n);
        let folder = dir.path().join(format!("{n:02}"));
        std::fs::create_dir_all(&folder).unwrap();
        let text = pantau::plan::canonical::to_ron(&plan, &generator::preamble(20, n as u64));
        std::fs::write(folder.join("plan.ron"), text).unwrap();
    }
    std::fs::write(
        dir.path().join("broken.ron"),
        example().replace("code: \"73.22\"", "code: \"7322\""),
    )
    .unwrap();
    dir
}

fn rollup_in(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(["rollup", "--today", "2026-12-02", "--lang", "en", "."])
        .args(args)
        .current_dir(dir)
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    // The broken plan: printed whole, exit 1, and named on standard error.
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("broken.ron"), "{err}");
    String::from_utf8(out.stdout).unwrap()
}

/// Compares with the golden `name` in `tests/golden/` (`cargo insta review`).
fn golden(name: &str, actual: &str) {
    crate::common::golden::assert_golden(name, actual);
}

#[test]
fn a_generated_province_of_24_regencies_and_a_broken_plan_matches_the_golden_files() {
    let dir = sulsel();
    let text = rollup_in(dir.path(), &[]);
    assert!(text.starts_with("Provincial rollup: 24 region(s), 480 programmes"));
    assert!(text.lines().all(|l| pantau::text::width(l) <= 80), "{text}");
    assert!(text.contains("./broken.ron:"), "{text}");
    golden("rollup.en.80.txt", &text);
    let wide = rollup_in(dir.path(), &["--width", "140"]);
    golden("rollup.en.140.txt", &wide);
    let csv = rollup_in(dir.path(), &["--format", "csv"]);
    golden("rollup.en.csv", &csv);
    let overdue = rollup_in(dir.path(), &["--format", "csv", "--section", "overdue"]);
    golden("rollup-overdue.en.csv", &overdue);

    // The regions by code: Selayar (73.01) first, Palopo (73.73) last.
    let (head, rows) = read_csv(&csv);
    assert_eq!(head[..3], ["Code", "Region", "Progs"]);
    assert_eq!(rows.len(), 25, "24 regions and the plan that did not load");
    let (rows, failed) = rows.split_at(24);
    assert!(failed[0].last().unwrap().contains("`7322`"), "{failed:?}");
    assert_eq!(rows[0][..2], ["73.01", "Kabupaten Kepulauan Selayar"]);
    assert_eq!(rows[23][..2], ["73.73", "Kota Palopo"]);
    let codes: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
    // Every third region has no self-assessment: its index is blank.
    let index = head.iter().position(|h| h == "Index").unwrap();
    assert_eq!(rows[2][index], "", "Bantaeng, region 3");
    assert!(rows[0][index].parse::<f64>().is_ok());
    // The overdue across regions are oldest first and add up to the rows.
    let (_, late) = read_csv(&overdue);
    let (late, _) = late.split_at(late.len() - 1);
    let late_col = head.iter().position(|h| h == "Overdue").unwrap();
    let total: usize = rows
        .iter()
        .map(|r| r[late_col].parse::<usize>().unwrap())
        .sum();
    assert_eq!(late.len(), total);
    let days: Vec<i64> = late.iter().map(|r| r[6].parse().unwrap()).collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "oldest first");
    // The text lists the first 20 and says how many more.
    assert!(text.contains(&format!("and {} more", total - 20)), "{text}");
    // JSON has every section.
    let json = rollup_in(dir.path(), &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["regions"].as_array().unwrap().len(), 24);
    assert_eq!(value["overdue"].as_array().unwrap().len(), total);
    assert!(!value["behind_on_quick_wins"].as_array().unwrap().is_empty());
    assert!(
        value["failed"][0]["error"]
            .as_str()
            .unwrap()
            .contains("`7322`")
    );
    // Markdown: the table and the sections.
    let md = rollup_in(dir.path(), &["--format", "markdown"]);
    assert!(md.contains("| 73.22 | Kabupaten Luwu Utara |"), "{md}");
    assert!(md.contains("## Overdue across regions"));
    assert!(md.contains("## Behind on quick wins"));
    assert!(md.contains("## Plans that did not load"));
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let head = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (head, rows)
}

#[test]
fn a_fifo_and_a_folder_that_cannot_be_read_are_listed_not_lost() {
    use std::os::unix::fs::PermissionsExt;
    let dir = province();
    let d = dir.path();
    // A FIFO named like a plan: never opened to wait for a writer.
    let fifo = d.join("x.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let locked = d.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("plan.ron"), example()).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Root reads any folder: the officer's view is another login's.
    let as_officer = |format: &str| {
        let mut cmd = if unsafe { libc::geteuid() } == 0 {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
            c
        } else {
            Command::new(BIN)
        };
        let out = cmd
            .args([
                "rollup",
                "--today",
                "2026-12-02",
                "--lang",
                "en",
                "--format",
                format,
            ])
            .arg(d)
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for format in ["text", "markdown", "html", "json"] {
        let (code, out, err) = as_officer(format);
        assert_eq!(code, Some(1), "{format}: {err}");
        for name in ["x.ron", "locked", "broken.ron"] {
            assert!(out.contains(name), "{format} lacks {name}: {out}");
        }
        assert!(out.contains("Permission denied"), "{format}: {out}");
    }
    let (code, out, err) = as_officer("csv");
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("3 of 5 plans did not load"), "{err}");
    for name in ["x.ron", "locked", "broken.ron"] {
        assert!(err.contains(name), "csv's stderr lacks {name}: {err}");
        assert!(out.contains(name), "csv lacks {name}: {out}");
    }
    assert!(out.contains("Permission denied"), "csv: {out}");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}
