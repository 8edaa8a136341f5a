//! Spreadsheets in the real terminal: P then x writes the workbook; a
//! monitoring workbook imported at a shell prompt, dry run, then for real,
//! then `pantau log`. The rest of the spreadsheet tests are
//! `tests/it/import.rs`'s.

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
        [
            "Plan",
            "Programmes",
            "Milestones",
            "Targets",
            "Budget",
            "Evidence",
            "Dimensions",
            "Aspect weights",
            "Self-assessment",
            "Official results",
            "Survey",
            "Periods",
            "Budget changes",
            "Sub-activities"
        ]
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

/// A WP-SIPD-style monitoring sheet: a title, the year above the header,
/// a heading row, two sub-activities of the plan and one of none.
fn monitoring_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("RFK").unwrap();
    sheet.write_string(0, 0, "LAPORAN RFK").unwrap();
    sheet.write_string(1, 0, "Tahun Anggaran 2026").unwrap();
    let header = [
        "Kode",
        "Sub Kegiatan",
        "Pagu",
        "Triwulan",
        "Realisasi s.d.",
        "Fisik (%)",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    sheet.write_string(4, 0, "2.16.02.1.01").unwrap();
    let rows = [
        (
            "2.16.02.1.01.0901",
            "Super App",
            500_000_000.0,
            240_000_000.0,
            45.0,
        ),
        (
            "2.16.03.1.02.0904",
            "Jaringan Intra",
            300_000_000.0,
            90_000_000.0,
            30.0,
        ),
        (
            "2.16.02.1.01.0999",
            "Di luar rencana",
            80_000_000.0,
            10_000_000.0,
            10.0,
        ),
    ];
    for (i, (code, name, pagu, spent, physical)) in rows.into_iter().enumerate() {
        let r = 5 + i as u32;
        sheet.write_string(r, 0, code).unwrap();
        sheet.write_string(r, 1, name).unwrap();
        sheet.write_number(r, 2, pagu).unwrap();
        sheet.write_string(r, 3, "III").unwrap();
        sheet.write_number(r, 4, spent).unwrap();
        sheet.write_number(r, 5, physical).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_monitoring_workbook_at_the_prompt_dry_run_then_real_then_the_log() {
    if !common::tmux_or_skip() {
        return;
    }
    let (dir, plan) = office();
    let d = dir.path();
    let mut p = store::parse(EXAMPLE, Path::new("x")).unwrap().plan;
    for (i, code) in [(0, "2.16.02.1.01.0901"), (1, "2.16.03.1.02.0904")] {
        // Only the test's own: the example's codes and quarters set aside.
        p.programs[i].subactivities.clear();
        p.programs[i].periods.clear();
        p.programs[i]
            .subactivities
            .push(pantau::plan::model::SubActivity {
                code: code.into(),
                ..Default::default()
            });
    }
    let ron = pantau::plan::canonical::to_ron(&p, "");
    std::fs::write(&plan, &ron).unwrap();
    std::fs::write(d.join("rfk.xlsx"), monitoring_workbook()).unwrap();
    let mut argv = common::pantau_argv(d, &plan, &[]);
    // A shell in the office folder instead of the interface.
    let bin = argv.iter().position(|a| a == common::BIN).unwrap();
    argv.truncate(bin);
    argv.push("PANTAU_OFFICER=tester".into());
    argv.extend(["sh", "-c"].map(Into::into));
    argv.push(format!("cd '{}' && PS1='$ ' exec sh", d.display()).into());
    let tmux = common::Tmux::start((120, 40), &argv);
    tmux.wait_for("the prompt", |s| s.contains('$'));
    let pantau = common::BIN;
    tmux.type_text(&format!(
        "{pantau} import rfk.xlsx --into plan.ron --dry-run --lang en; echo dry-$?"
    ));
    tmux.key("Enter");
    let dry = tmux.wait_for("the dry run", |s| s.contains("dry-0"));
    assert!(
        dry.contains("sub-activity 2.16.02.1.01.0999 (Di luar rencana) is in no programme"),
        "{dry}"
    );
    assert!(dry.contains("GOV-01: period 1 added: 2026 TW3"), "{dry}");
    assert!(
        dry.contains("2 sub-activity rows matched to 2 programmes, 1 matched none"),
        "{dry}"
    );
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        ron,
        "a dry run writes nothing"
    );
    tmux.type_text("clear");
    tmux.key("Enter");
    tmux.type_text(&format!(
        "{pantau} import rfk.xlsx --into plan.ron --lang en; echo real-$?"
    ));
    tmux.key("Enter");
    tmux.wait_for("the import", |s| s.contains("real-0"));
    let after = store::load(&plan).unwrap().plan;
    assert_eq!(after.programs[0].periods[0].spent, Some(240_000_000.0));
    tmux.type_text("clear");
    tmux.key("Enter");
    tmux.type_text(&format!("{pantau} log plan.ron --lang en; echo log-$?"));
    tmux.key("Enter");
    let log = tmux.wait_for("the log", |s| s.contains("log-0"));
    assert!(log.contains("tester"), "{log}");
    assert!(log.contains("period 1 added: 2026 TW3"), "{log}");
}
