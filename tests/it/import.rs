//! `pantau import` and `--format xlsx`: the workbook read back with calamine
//! (typed cells, sheets, header), re-importing an export is the identity
//! (XLSX and CSV, both separators), a new plan from a workbook, bad cells
//! named by file, sheet, row and column with nothing written, an import
//! saved as an edit with its audit log, and a property test of the round
//! trip over generated edits of the example.

use calamine::{Data, Reader};
use jiff::civil::date;
use pantau::i18n::Lang;
use pantau::import::{self, RawSheet};
use pantau::plan::model::Plan;
use pantau::report::{Format, Kind, Request, render_bytes};
use pantau::store::{self, EXAMPLE};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_pantau");

fn pantau(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .args(args)
        .env("HOME", dir)
        .env_remove("PANTAU_FILE")
        .env_remove("PANTAU_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("PANTAU_OFFICER", "tester")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("pantau runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn example() -> Plan {
    store::parse(EXAMPLE, Path::new("x")).unwrap().plan
}

/// A folder with the example as plan.ron.
fn office() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, EXAMPLE).unwrap();
    (dir, plan)
}

fn workbook(plan: &Plan, lang: Lang) -> Vec<u8> {
    let request = Request {
        kind: Kind::Overview,
        format: Format::Xlsx,
        ..Request::default()
    };
    render_bytes(plan, &request, lang, date(2026, 12, 2)).unwrap()
}

fn csv(plan: &Plan, kind: Kind, sep: char) -> String {
    let request = Request {
        kind,
        format: Format::Csv,
        sep,
        ..Request::default()
    };
    String::from_utf8(render_bytes(plan, &request, Lang::Id, date(2026, 12, 2)).unwrap()).unwrap()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_workbook_reads_back_with_calamine_typed_and_named() {
    let plan = example();
    for (lang, names) in [
        (
            Lang::En,
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
                "Sub-activities",
            ],
        ),
        (
            Lang::Id,
            [
                "Rencana",
                "Program",
                "Tahapan",
                "Target",
                "Anggaran",
                "Bukti dukung",
                "Dimensi",
                "Bobot aspek",
                "Penilaian mandiri",
                "Hasil resmi",
                "Survei",
                "Periode",
                "Perubahan anggaran",
                "Sub kegiatan",
            ],
        ),
    ] {
        let bytes = workbook(&plan, lang);
        assert_eq!(&bytes[..2], b"PK", "an XLSX is a zip");
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), names.map(String::from).to_vec());
        let programmes = book.worksheet_range(names[1]).unwrap();
        assert_eq!(
            programmes.height(),
            plan.programs.len() + 1,
            "header and a row per programme"
        );
        let header: Vec<String> = programmes
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let start = header
            .iter()
            .position(|h| h == lang.report().start)
            .unwrap();
        let first = programmes.rows().nth(1).unwrap();
        assert_eq!(first[1], Data::String(plan.programs[0].id.clone()));
        assert_eq!(
            first[start],
            Data::Float(f64::from(plan.programs[0].start)),
            "years are numbers"
        );
        let milestones = book.worksheet_range(names[2]).unwrap();
        let count: usize = plan.programs.iter().map(|p| p.milestones.len()).sum();
        assert_eq!(milestones.height(), count + 1);
        let row = milestones.rows().nth(1).unwrap();
        assert!(
            matches!(&row[3], Data::DateTime(d) if d.is_datetime()),
            "a due date is a date: {:?}",
            row[3]
        );
        assert_eq!(
            row[5],
            Data::Bool(plan.programs[0].milestones[0].done),
            "done is a boolean"
        );
        let targets = book.worksheet_range(names[3]).unwrap();
        let count: usize = plan.programs.iter().map(|p| p.targets.len()).sum();
        assert_eq!(targets.height(), count + 1);
        assert!(
            targets
                .rows()
                .skip(1)
                .all(|r| matches!(r[7], Data::Float(_))),
            "targets are numbers"
        );
    }
}

#[test]
fn reimporting_an_export_changes_nothing() {
    let (dir, plan) = office();
    let d = dir.path();
    let out = pantau(
        d,
        &["report", "plan.ron", "--format", "xlsx", "-o", "plan.xlsx"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::write(
        d.join("programmes.csv"),
        csv(&example(), Kind::Overview, ','),
    )
    .unwrap();
    std::fs::write(d.join("targets.csv"), csv(&example(), Kind::Targets, ';')).unwrap();
    let before = files_in(d);
    for args in [
        &["import", "plan.xlsx", "--into", "plan.ron"][..],
        &["import", "programmes.csv", "targets.csv", "-f", "plan.ron"][..],
    ] {
        let out = pantau(d, args, &[]);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("nothing to save"),
            "{}",
            text(&out.stdout)
        );
        assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE, "{args:?}");
    }
    assert_eq!(files_in(d), before, "no log, backup or temporary file");
}

#[test]
fn a_new_plan_from_a_workbook_is_the_plan_it_came_from() {
    let (dir, _) = office();
    let d = dir.path();
    assert!(
        pantau(
            d,
            &[
                "report",
                "plan.ron",
                "--format",
                "xlsx",
                "-o",
                "plan.xlsx",
                "--lang",
                "id"
            ],
            &[]
        )
        .status
        .success()
    );
    let out = pantau(d, &["import", "plan.xlsx", "-o", "new.ron"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("36 programmes added"),
        "{}",
        text(&out.stdout)
    );
    let new = store::load(&d.join("new.ron")).unwrap().plan;
    // Budgets, evidence, the dimensions and the evaluation too: the
    // estimated index is the plan's. Follow-ups are not in the workbook yet.
    let mut want = example();
    for p in &mut want.programs {
        p.followups.clear();
    }
    want.followups.clear();
    assert_eq!(new, want);
    // Never over an existing file.
    let out = pantau(d, &["import", "plan.xlsx", "-o", "new.ron"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn bad_cells_are_named_by_file_sheet_row_and_column_and_nothing_is_written() {
    let (dir, plan) = office();
    let d = dir.path();
    std::fs::write(
        d.join("bad.csv"),
        "Id,Program,Status,Start,Dimension\nGOV-01,Super app,Finished,2023,Smart Governance\n\
         NEW-1,,In progress,20x5,Nope\nGOV-01,Dup,Done,2022,governance\n",
    )
    .unwrap();
    let before = files_in(d);
    let out = pantau(d, &["import", "bad.csv", "--into", "plan.ron"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    for expect in [
        "bad.csv, row 2, column C (Status):",
        "bad.csv, row 3, column D (Start): a year from 2022 to 2031",
        "bad.csv, row 3, column E (Dimension): one of Smart Governance",
        "bad.csv, row 3, column A (Id): a new programme needs a value in column Program",
        "bad.csv, row 4, column A (Id): programme GOV-01 is also on row 2",
        "Nothing was written",
    ] {
        assert!(err.contains(expect), "{expect:?} in\n{err}");
    }
    let rows: Vec<usize> = err
        .lines()
        .filter_map(|l| l.split(", row ").nth(1)?.split(',').next()?.parse().ok())
        .collect();
    assert!(rows.is_sorted(), "in reading order: {rows:?}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
    assert_eq!(files_in(d), before);

    // A workbook's problems name the sheet; in Indonesian too.
    let mut broken = example();
    broken.programs[0].milestones[0].due = "2022-12-15".into();
    let bytes = workbook(&broken, Lang::Id);
    std::fs::write(d.join("plan.xlsx"), corrupt_due(bytes)).unwrap();
    let out = pantau(
        d,
        &["import", "plan.xlsx", "--into", "plan.ron"],
        &[("LANG", "id_ID.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("plan.xlsx, lembar Tahapan, baris 2, kolom D (Batas waktu)"),
        "{err}"
    );
    assert!(err.contains("Tidak ada yang ditulis"), "{err}");

    // The overdue report lists some milestones only: refused, not taken for all.
    let out = pantau(
        d,
        &[
            "report", "plan.ron", "--kind", "overdue", "--format", "csv", "-o", "late.csv",
        ],
        &[],
    );
    assert!(out.status.success());
    let out = pantau(d, &["import", "late.csv", "--into", "plan.ron"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("overdue or upcoming report"),
        "{}",
        text(&out.stderr)
    );
    // Not a spreadsheet, an open quote, not UTF-8: each said plainly.
    std::fs::write(d.join("notes.doc"), "x").unwrap();
    std::fs::write(d.join("open.csv"), "Id,Program\n\"GOV-01,x\n").unwrap();
    std::fs::write(d.join("latin1.csv"), b"Id,Program\nGOV-01,Caf\xe9\n").unwrap();
    std::fs::write(d.join("fake.xlsx"), "not a zip").unwrap();
    for (file, expect) in [
        ("notes.doc", "pantau imports .xlsx"),
        ("open.csv", "row 2: a quoted cell is not closed"),
        ("latin1.csv", "not UTF-8"),
        ("fake.xlsx", "cannot be read as a spreadsheet"),
    ] {
        let out = pantau(d, &["import", file, "--into", "plan.ron"], &[]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        let err = text(&out.stderr);
        assert!(err.contains(expect), "{file}: {err}");
        assert!(!err.contains('\u{1b}'), "no control byte");
    }
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
}

/// The workbook with the first milestone's due date turned into text that is no date.
fn corrupt_due(bytes: Vec<u8>) -> Vec<u8> {
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let sheet = out.add_worksheet();
        sheet.set_name(&name).unwrap();
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    _ if name == "Tahapan" && r == 1 && c == 3 => {
                        sheet.write_string(r, c, "15 Desember").unwrap();
                    }
                    Data::Float(v) => {
                        sheet.write_number(r, c, *v).unwrap();
                    }
                    Data::Bool(b) => {
                        sheet.write_boolean(r, c, *b).unwrap();
                    }
                    Data::DateTime(d) => {
                        let day = date(1899, 12, 30)
                            .checked_add(jiff::Span::new().days(d.as_f64() as i64))
                            .unwrap();
                        sheet.write_string(r, c, day.to_string()).unwrap();
                    }
                    Data::Empty => {}
                    other => {
                        sheet.write_string(r, c, other.to_string()).unwrap();
                    }
                }
            }
        }
    }
    out.save_to_buffer().unwrap()
}

#[test]
fn an_import_is_saved_as_an_edit_with_the_audit_log() {
    let (dir, plan) = office();
    let d = dir.path();
    let mut edited = example();
    edited.programs[1].status = pantau::plan::model::Status::Delayed;
    edited.programs[2]
        .milestones
        .push(pantau::plan::model::Milestone {
            title: "Sosialisasi ke kecamatan".into(),
            due: "2027-02-01".into(),
            done: false,
            weight: Some(2.0),
        });
    std::fs::write(d.join("plan.xlsx"), workbook(&edited, Lang::En)).unwrap();
    let out = pantau(
        d,
        &["import", "plan.xlsx", "--into", "plan.ron", "--dry-run"],
        &[],
    );
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("2 changed"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        EXAMPLE,
        "a dry run writes nothing"
    );

    let out = pantau(d, &["import", "plan.xlsx", "--into", "plan.ron"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let saved = store::load(&plan).unwrap().plan;
    assert_eq!(saved, edited);
    let log = pantau(d, &["log", "plan.ron"], &[]);
    let log = text(&log.stdout);
    assert!(log.contains("tester"), "{log}");
    assert!(
        log.contains(&edited.programs[1].id) && log.contains("status"),
        "{log}"
    );
    assert!(log.contains("Sosialisasi ke kecamatan"), "{log}");
}

#[test]
fn help_import_lists_every_column_in_both_languages() {
    let dir = TempDir::new().unwrap();
    let en = text(&pantau(dir.path(), &["help", "import"], &[]).stdout);
    let id = text(&pantau(dir.path(), &["help", "import"], &[("LANG", "id_ID.UTF-8")]).stdout);
    for (out, words) in [
        (
            &en,
            [
                "Programmes (Program)",
                "Milestones (Tahapan)",
                "Due (due)",
                "Overdue milestones *",
            ],
        ),
        (
            &id,
            [
                "Program (Programmes)",
                "Tahapan (Milestones)",
                "Batas waktu (due)",
                "Tahapan lewat batas waktu *",
            ],
        ),
    ] {
        for w in words {
            assert!(out.contains(w), "{w:?} in\n{out}");
        }
    }
}

// ---- property: export → import is the identity ----

/// An edit of the example through `pantau set`'s own parsing, so the plan
/// stays what a person could have made: statuses, names and notes with
/// commas, quotes, semicolons, line breaks and formula-like beginnings,
/// numbers with decimals, milestones added and removed.
#[derive(Debug, Clone)]
enum Change {
    Field(usize, &'static str, String),
    AddMilestone(usize, String, u32, bool),
    DropMilestone(usize),
    AddTarget(usize, i32, String, f64, Option<f64>),
}

fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 ,;\"']{1,16}",
        "[=+@\\-'][A-Za-z0-9 ]{0,8}",
        "[a-zé✓ ]{1,6}\n[a-z,]{1,6}",
        Just("'leading quote".to_string()),
        Just("-12".to_string()),
    ]
    .prop_map(|s| s.trim().to_string())
    .prop_filter("not empty", |s| !s.is_empty())
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (
            0..36usize,
            prop_oneof![
                Just("name"),
                Just("notes"),
                Just("description"),
                Just("lead")
            ],
            words()
        )
            .prop_map(|(p, f, v)| Change::Field(p, f, v)),
        (
            0..36usize,
            prop_oneof![Just("done"), Just("in_progress"), Just("delayed")]
        )
            .prop_map(|(p, s)| Change::Field(p, "status", s.to_string())),
        (0..36usize, words(), 0..3000u32, any::<bool>())
            .prop_map(|(p, t, d, done)| Change::AddMilestone(p, t, d, done)),
        (0..36usize).prop_map(Change::DropMilestone),
        (
            0..36usize,
            2022..=2031i32,
            words(),
            figure(),
            proptest::option::of(figure())
        )
            .prop_map(|(p, y, i, t, a)| Change::AddTarget(p, y, i, t, a)),
    ]
}

/// Any figure, and often one with exactly three decimals (`36.125`), which
/// a reader without the file's convention could take for thousands.
fn figure() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6..1e6f64,
        (-1_000_000_000i64..1_000_000_000).prop_map(|m| m as f64 / 1000.0),
    ]
}

fn apply(plan: &mut Plan, change: &Change) {
    match change {
        Change::Field(p, field, value) => {
            if let Ok(program) =
                pantau::plan::field::set(plan, *p, field, value, &pantau::i18n::BothLanguages)
            {
                plan.programs[*p] = program;
            }
        }
        Change::AddMilestone(p, title, days, done) => {
            let due = date(2022, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(*days)))
                .unwrap();
            plan.programs[*p]
                .milestones
                .push(pantau::plan::model::Milestone {
                    title: title.clone(),
                    due: due.to_string(),
                    done: *done,
                    weight: None,
                });
        }
        Change::DropMilestone(p) => {
            plan.programs[*p].milestones.pop();
        }
        Change::AddTarget(p, year, indicator, target, actual) => {
            plan.programs[*p].targets.push(pantau::plan::model::Target {
                year: *year,
                indicator: indicator.clone(),
                unit: "%".into(),
                target: *target,
                actual: *actual,
                ..Default::default()
            });
        }
    }
}

fn import_into(base: &Plan, files: Vec<(String, Vec<RawSheet>)>) -> Plan {
    match import::import(base, &files, Lang::En) {
        Ok(imported) => imported.plan,
        Err(problems) => panic!(
            "{:#?}",
            problems
                .iter()
                .map(|p| p.render(Lang::En.text()))
                .collect::<Vec<_>>()
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Every part of a plan goes into the workbook and comes back: a new
    /// plan made from it, as `import -o` makes one, is the plan, and so is
    /// the plan it is imported into.
    #[test]
    fn a_workbook_of_every_part_of_a_plan_imports_back_as_that_plan(seed in any::<u64>(), id in any::<bool>()) {
        let plan = crate::generator::generate_every_part(12, seed);
        let problems: Vec<String> = pantau::plan::validate::validate(&plan)
            .iter()
            .map(|v| v.message(Lang::En.text()))
            .collect();
        prop_assert!(problems.is_empty(), "{problems:#?}");
        let lang = if id { Lang::Id } else { Lang::En };
        let sheets = import::read_workbook(workbook(&plan, lang)).unwrap();
        let files = vec![("plan.xlsx".to_string(), sheets)];
        prop_assert_eq!(&import_into(&store::new_plan(), files.clone()), &plan);
        prop_assert_eq!(&import_into(&plan, files), &plan);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn an_exported_plan_imports_back_unchanged(changes in proptest::collection::vec(change(), 1..12), id in any::<bool>(), semicolon in any::<bool>()) {
        let original = example();
        let mut plan = original.clone();
        for c in &changes {
            apply(&mut plan, c);
        }
        prop_assume!(pantau::plan::validate::validate(&plan).is_empty());
        let lang = if id { Lang::Id } else { Lang::En };

        // The workbook into the plan it came from, and into the example it was edited from.
        let sheets = import::read_workbook(workbook(&plan, lang)).unwrap();
        let files = vec![("plan.xlsx".to_string(), sheets)];
        prop_assert_eq!(&import_into(&plan, files.clone()), &plan);
        prop_assert_eq!(&import_into(&original, files), &plan);

        // The programmes and targets CSVs carry all but the milestones.
        let sep = if semicolon { ';' } else { ',' };
        let files = vec![
            ("programmes.csv".to_string(), vec![import::read_csv(&csv(&plan, Kind::Overview, sep)).unwrap()]),
            ("targets.csv".to_string(), vec![import::read_csv(&csv(&plan, Kind::Targets, sep)).unwrap()]),
        ];
        prop_assert_eq!(&import_into(&plan, files.clone()), &plan);
        // Into the example: the milestones stay the example's, and the new
        // targets, which the targets report lists by year, come after the
        // old ones in that order.
        let mut want = plan.clone();
        for (p, o) in want.programs.iter_mut().zip(&original.programs) {
            p.milestones.clone_from(&o.milestones);
            p.targets[o.targets.len()..].sort_by_key(|t| t.year);
        }
        prop_assert_eq!(&import_into(&original, files), &want);
    }
}

#[test]
fn a_hand_made_milestones_sheet_means_what_an_officer_would() {
    let plan = example();
    // The programme's name is only shown in a milestones table: a different
    // one there changes nothing.
    let sheet = import::read_csv(
        "id;milestone;due;done;program\r\nGOV-01;Rapat koordinasi;2027-01-15;tidak;Another name\r\n",
    )
    .unwrap();
    let out = import::import(&plan, &[("m.csv".into(), vec![sheet])], Lang::Id).unwrap();
    let p = &out.plan.programs[0];
    assert_eq!(
        p.name, plan.programs[0].name,
        "the programme's name is untouched"
    );
    assert_eq!(
        p.milestones.len(),
        1,
        "the sheet is the programme's whole list"
    );
    assert_eq!(p.milestones[0].title, "Rapat koordinasi");
    assert_eq!(p.milestones[0].due, "2027-01-15");
    assert!(!p.milestones[0].done);
    assert_eq!(out.changed, vec![plan.programs[0].id.clone()]);
    assert_eq!(out.kept, plan.programs.len() - 1);
    // A column pantau does not read is a warning, not an error.
    let sheet = import::read_csv("id,status,remarks\nGOV-01,done,checked by Pak Andi\n").unwrap();
    let out = import::import(&plan, &[("p.csv".into(), vec![sheet])], Lang::En).unwrap();
    assert_eq!(
        out.plan.programs[0].status,
        pantau::plan::model::Status::Done
    );
    assert_eq!(out.warnings.len(), 1);
    assert!(
        out.warnings[0]
            .render(Lang::En.text())
            .contains("column C (remarks): not a column pantau reads")
    );
}

#[test]
fn the_guide_shows_what_import_says() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/GUIDE.md")).unwrap();
    let block = readme
        .split("$ cat bad.csv\n")
        .nth(1)
        .expect("the user guide shows a bad import");
    let (csv, rest) = block
        .split_once("$ pantau import bad.csv --into plan.ron\n")
        .unwrap();
    let shown = &rest[..rest.find("```").unwrap()];
    let (dir, plan) = office();
    std::fs::write(dir.path().join("bad.csv"), csv).unwrap();
    let out = pantau(
        dir.path(),
        &["import", "bad.csv", "--into", "plan.ron"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        shown,
        "docs/GUIDE.md's import printout is stale"
    );
    assert_eq!(std::fs::read_to_string(plan).unwrap(), EXAMPLE);
}

#[test]
fn a_fifo_or_a_folder_given_as_a_spreadsheet_is_refused_not_waited_on() {
    let (dir, plan) = office();
    let d = dir.path();
    let fifo = d.join("rencana.xlsx");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::fs::create_dir(d.join("folder.csv")).unwrap();
    for file in ["rencana.xlsx", "folder.csv"] {
        // Were it opened plainly, a FIFO with no writer would block here for ever.
        let out = pantau(d, &["import", file, "--into", "plan.ron"], &[]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(file), "{}", text(&out.stderr));
    }
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
}

/// A sheet carries the achievement as a number with two decimals (no cap),
/// and the band in the plan's names; the CSV writes it the same way, with a
/// decimal comma for an Indonesian spreadsheet.
#[test]
fn the_achievement_in_a_workbook_and_a_csv_has_two_decimals_and_the_plans_band_names() {
    let mut plan = example();
    // A poverty rate of 12,66 % against a target of 12,5 %: lower is
    // better, so 98,72 %, the top band yet missed.
    for t in plan.programs.iter_mut().flat_map(|p| p.targets.iter_mut()) {
        if t.indicator == "Persentase penduduk miskin" && t.actual == Some(12.66) {
            t.target = 12.5;
        }
    }
    let bytes = workbook(&plan, Lang::Id);
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let targets = book.worksheet_range("Target").unwrap();
    let header: Vec<String> = targets
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (achievement, band) = (column("Capaian"), column("Predikat"));
    assert!(
        !header.iter().any(|h| h == "Diakui"),
        "no counted column: {header:?}"
    );
    let poverty = targets
        .rows()
        .find(|r| {
            r.contains(&Data::String("Persentase penduduk miskin".into()))
                && r.contains(&Data::Float(12.66))
        })
        .unwrap();
    assert_eq!(poverty[achievement], Data::Float(98.72));
    assert_eq!(poverty[band], Data::String("Sangat Tinggi".into()));
    let visitors = targets
        .rows()
        .find(|r| r.contains(&Data::Float(12500.0)) && r.contains(&Data::Float(10000.0)))
        .unwrap();
    assert_eq!(
        visitors[achievement],
        Data::Float(125.0),
        "as it is, not 120"
    );
    let csv = csv(&plan, Kind::Targets, ';');
    assert!(csv.contains(";98,72;Sangat Tinggi;"), "{csv}");
    assert!(csv.contains(";125,00;Sangat Tinggi;"), "{csv}");
}

#[test]
fn a_workbook_written_with_the_former_indonesian_words_still_imports() {
    let plan = example();
    // pantau 0.2 called a milestone "tonggak", its deadline "jatuh tempo",
    // a subdimension "elemen" and the term "horizon".
    let mut milestones = import::read_csv(
        "Id;Judul;Jatuh tempo;Selesai\r\nGOV-01;Rapat koordinasi;2027-01-15;tidak\r\n",
    )
    .unwrap();
    milestones.name = Some("Tonggak".into());
    // Until issue 21 the lead agency's column was headed "OPD" alone.
    let programmes =
        import::read_csv("Id;Elemen;Horizon;OPD\r\nGOV-01;Birokrasi;Jangka pendek;Dinas PMD\r\n")
            .unwrap();
    let files = [
        ("lama.xlsx".to_string(), vec![milestones]),
        ("program.csv".to_string(), vec![programmes]),
    ];
    let out = import::import(&plan, &files, Lang::Id).unwrap();
    assert!(
        out.warnings.is_empty(),
        "no column skipped: {:?}",
        out.warnings
    );
    let p = &out.plan.programs[0];
    assert_eq!(p.milestones.len(), 1);
    assert_eq!(p.milestones[0].due, "2027-01-15");
    assert_eq!(p.element, "Birokrasi");
    assert_eq!(p.horizon, pantau::plan::model::Horizon::Short);
    assert_eq!(p.lead, "Dinas PMD");
}

#[test]
fn a_quote_left_open_is_refused_with_its_row_and_nothing_is_written() {
    let sheet = "id,name\nGOV-01,\"Super App\nGOV-02,Other\nGOV-03,Third\n";
    assert_eq!(
        import::read_csv(sheet).err(),
        Some(import::ReadError::UnclosedQuote(2)),
        "the row the open quote starts on, not a name swallowing the rest"
    );
    let (dir, plan) = office();
    let d = dir.path();
    std::fs::write(d.join("program.csv"), sheet).unwrap();
    let before = files_in(d);
    let out = pantau(d, &["import", "program.csv", "--into", "plan.ron"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("program.csv: row 2: a quoted cell is not closed"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
    assert_eq!(files_in(d), before);
}

#[test]
fn a_dry_run_lists_the_targets_it_would_remove() {
    let (dir, plan) = office();
    let d = dir.path();
    let example = example();
    let gone = &example.programs[0].targets[0];
    let all = csv(&example, Kind::Targets, ',');
    // The first target's row left out of the sheet the officer sends back.
    let mut lines: Vec<&str> = all.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(&gone.indicator) && l.contains(&gone.year.to_string()))
        .unwrap();
    lines.remove(at);
    std::fs::write(d.join("targets.csv"), lines.join("\n")).unwrap();
    let out = pantau(
        d,
        &[
            "import",
            "targets.csv",
            "--into",
            "plan.ron",
            "--dry-run",
            "--lang",
            "en",
        ],
        &[],
    );
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected = format!(
        "would remove: {}: target {} \"{}\"",
        example.programs[0].id, gone.year, gone.indicator
    );
    assert!(said.contains(&expected), "{said}");
    assert_eq!(said.matches("would remove").count(), 1, "{said}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
}

#[test]
fn a_csv_says_by_its_separator_how_it_writes_figures_and_a_tab_separated_one_refuses_both_readings()
{
    let plan = example();
    let read = |text: &str| {
        let sheet = import::read_csv(text).unwrap();
        import::import(&plan, &[("t.csv".into(), vec![sheet])], Lang::Id)
    };
    // An Indonesian Excel separates with `;` and groups thousands with `.`.
    let out =
        read("ID;Tahun;Indikator;Target;Realisasi\r\nGOV-01;2024;Pengguna;1.234;36.500,5\r\n")
            .unwrap();
    let t = &out.plan.programs[0].targets[0];
    assert_eq!((t.target, t.actual), (1234.0, Some(36_500.5)));
    // A `,`-separated file cannot hold a decimal comma unquoted: a point.
    let out =
        read("ID,Tahun,Indikator,Target,Realisasi\r\nGOV-01,2024,Pengguna,1.234,\"36,500\"\r\n")
            .unwrap();
    let t = &out.plan.programs[0].targets[0];
    assert_eq!((t.target, t.actual), (1.234, Some(36_500.0)));
    // A tab says nothing: what reads two ways is refused with both.
    let problems =
        read("ID\tTahun\tIndikator\tTarget\r\nGOV-01\t2024\tPengguna\t36.500\r\n").unwrap_err();
    let said = problems[0].render(Lang::Id.text());
    assert!(said.contains("36500") && said.contains("36,5"), "{said}");
}

#[test]
fn a_dry_run_lists_the_budget_evidence_and_evaluation_it_would_remove_and_the_import_then_keeps_the_rest()
 {
    let (dir, plan) = office();
    let d = dir.path();
    let mut edited = example();
    let with_budget = edited
        .programs
        .iter()
        .position(|p| p.budget.len() > 1)
        .unwrap();
    let with_evidence = edited
        .programs
        .iter()
        .position(|p| !p.evidence.is_empty())
        .unwrap();
    let year = edited.programs[with_budget].budget.pop().unwrap().year;
    let document = edited.programs[with_evidence].evidence.remove(0).name;
    edited.evaluation.scores.clear();
    std::fs::write(d.join("plan.xlsx"), workbook(&edited, Lang::En)).unwrap();
    let out = pantau(
        d,
        &["import", "plan.xlsx", "--into", "plan.ron", "--dry-run"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    for line in [
        format!(
            "would remove: {}: the budget of {year}\n",
            edited.programs[with_budget].id
        ),
        format!(
            "would remove: {}: evidence \"{document}\"\n",
            edited.programs[with_evidence].id
        ),
        "would remove: the self-assessment of Baseline for 2026\n".to_string(),
    ] {
        assert!(said.contains(&line), "{line:?} in {said}");
    }
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
    let out = pantau(d, &["import", "plan.xlsx", "--into", "plan.ron"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(store::load(&plan).unwrap().plan, edited);
}

#[test]
fn bad_cells_of_the_budget_and_evaluation_sheets_are_named_by_sheet_row_and_column() {
    let (dir, plan) = office();
    let d = dir.path();
    let mut book = rust_xlsxwriter::Workbook::new();
    let rows: [(&str, &[&[&str]]); 3] = [
        (
            "Bobot aspek",
            &[
                &["Aspek", "Bobot"],
                &["Baseline", "10"],
                &["Dampak", "banyak"],
                &["Hasil", "30"],
            ],
        ),
        (
            "Survei",
            &[
                &["Tahun", "Hasil survei (0–5)"],
                &["2024", "3,1"],
                &["2024", "3,2"],
            ],
        ),
        (
            "Anggaran",
            &[
                &["ID", "Tahun", "Pagu (Rp)", "Realisasi (Rp)"],
                &["GOV-01", "2040", "1.500.000.000", ""],
                &["GOV-01", "2026", "satu miliar", "-"],
            ],
        ),
    ];
    for (name, rows) in rows {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    std::fs::write(d.join("bad.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    let out = pantau(
        d,
        &["import", "bad.xlsx", "--into", "plan.ron", "--lang", "en"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    for expect in [
        "bad.xlsx, sheet Bobot aspek, row 1, column A (Aspek): the aspect weights need a row for each of the five aspects, or no row at all for the default 10/20/30/20/20; no weight for Output, Outcome, Quick win",
        "bad.xlsx, sheet Bobot aspek, row 3, column B (Bobot): a number, e.g. 12.5",
        "bad.xlsx, sheet Bobot aspek, row 4, column A (Aspek): one of Baseline | Output | Outcome | Impact | Quick win",
        "bad.xlsx, sheet Survei, row 3, column A (Tahun): 2024 is also on row 2; one row each",
        "bad.xlsx, sheet Anggaran, row 2, column B (Tahun): a year from 2022 to 2031",
        "bad.xlsx, sheet Anggaran, row 3, column C (Pagu (Rp)): an amount in rupiah, e.g. 1500000000, 1.500.000.000 or 1,5 miliar",
    ] {
        assert!(err.contains(expect), "{expect:?} in {err}");
    }
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
}

/// A monitoring workbook as WP-SIPD downloads it: two title rows, the
/// header, the nomenclature's heading rows, then one row per sub-activity
/// (`rows`: code, name, pagu, spent to date, physical %, problems).
fn monitoring_workbook(quarter: &str, rows: &[(&str, &str, f64, f64, f64, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("RFK").unwrap();
    sheet
        .write_string(0, 0, "LAPORAN REALISASI FISIK DAN KEUANGAN")
        .unwrap();
    sheet.write_string(1, 0, "Tahun Anggaran 2026").unwrap();
    let header = [
        "No",
        "Kode",
        "Sub Kegiatan",
        "Pagu DPA (Rp)",
        "Triwulan",
        "Realisasi s.d. (Rp)",
        "Realisasi Fisik (%)",
        "Permasalahan",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    sheet.write_string(4, 1, "2.16").unwrap();
    sheet
        .write_string(4, 2, "URUSAN KOMUNIKASI DAN INFORMATIKA")
        .unwrap();
    for (i, (code, name, pagu, spent, physical, problems)) in rows.iter().enumerate() {
        let r = 5 + i as u32;
        sheet.write_number(r, 0, (i + 1) as f64).unwrap();
        sheet.write_string(r, 1, *code).unwrap();
        sheet.write_string(r, 2, *name).unwrap();
        sheet.write_number(r, 3, *pagu).unwrap();
        sheet.write_string(r, 4, quarter).unwrap();
        sheet.write_number(r, 5, *spent).unwrap();
        sheet.write_number(r, 6, *physical).unwrap();
        sheet.write_string(r, 7, *problems).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_monitoring_workbook_is_matched_by_sub_activity_code_listed_and_saved_as_an_edit() {
    use pantau::plan::model::{FiscalPeriod, SubActivity};
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let mut plan = example();
    for (p, code) in [(0, "2.16.02.1.01.0901"), (1, "2.16.03.1.02.0904")] {
        // Only the test's own: the example's codes and quarters set aside.
        plan.programs[p].subactivities.clear();
        plan.programs[p].periods.clear();
        plan.programs[p].subactivities.push(SubActivity {
            code: code.into(),
            ..SubActivity::default()
        });
    }
    plan.programs[0].periods.push(FiscalPeriod {
        year: 2026,
        quarter: Some(1),
        spent: Some(100_000_000.0),
        ..FiscalPeriod::default()
    });
    let (first, second) = (plan.programs[0].id.clone(), plan.programs[1].id.clone());
    let ron = pantau::plan::canonical::to_ron(&plan, "");
    std::fs::write(d.join("plan.ron"), &ron).unwrap();
    std::fs::write(
        d.join("rfk.xlsx"),
        monitoring_workbook(
            "TW II",
            &[
                (
                    "2.16.02.1.01.0901",
                    "Pengelolaan Super App",
                    500_000_000.0,
                    240_000_000.0,
                    45.0,
                    "Server terlambat",
                ),
                (
                    "2.16.03.1.02.0904",
                    "Jaringan Intra Pemerintah",
                    300_000_000.0,
                    90_000_000.0,
                    30.0,
                    "",
                ),
                (
                    "2.16.02.1.01.0999",
                    "Sub kegiatan lain",
                    80_000_000.0,
                    10_000_000.0,
                    10.0,
                    "",
                ),
            ],
        ),
    )
    .unwrap();
    let dry = pantau(
        d,
        &[
            "import",
            "rfk.xlsx",
            "--into",
            "plan.ron",
            "--dry-run",
            "--lang",
            "en",
        ],
        &[],
    );
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));
    let (said, warned) = (text(&dry.stdout), text(&dry.stderr));
    assert!(
        warned.contains("rfk.xlsx, sheet RFK, row 8: sub-activity 2.16.02.1.01.0999 (Sub kegiatan lain) is in no programme of the plan: not imported"),
        "{warned}"
    );
    assert!(warned.contains("1 rows without a sub-activity"), "{warned}");
    assert!(
        said.contains("plan.ron: 2 sub-activity rows matched to 2 programmes, 1 matched none"),
        "{said}"
    );
    assert!(said.contains(&format!("{first}: ")), "{said}");
    assert!(said.contains(&format!("{second}: ")), "{said}");
    assert_eq!(
        std::fs::read_to_string(d.join("plan.ron")).unwrap(),
        ron,
        "a dry run writes nothing"
    );

    let real = pantau(
        d,
        &["import", "rfk.xlsx", "--into", "plan.ron", "--lang", "en"],
        &[],
    );
    assert_eq!(real.status.code(), Some(0), "{}", text(&real.stderr));
    let after = store::load(&d.join("plan.ron")).unwrap().plan;
    // TW II's own spending is the figure to date less TW I's.
    let tw2 = |p: &pantau::plan::model::Program| {
        p.periods
            .iter()
            .find(|x| x.year == 2026 && x.quarter == Some(2))
            .cloned()
            .unwrap()
    };
    let one = tw2(&after.programs[0]);
    assert_eq!(one.spent, Some(140_000_000.0));
    assert_eq!(one.physical, Some(45.0));
    assert_eq!(one.problems, "Server terlambat");
    assert_eq!(tw2(&after.programs[1]).spent, Some(90_000_000.0));
    assert_eq!(
        after.programs[0].subactivities[0].allocation,
        Some(500_000_000.0)
    );
    assert_eq!(
        after.programs[0].subactivities[0].name,
        "Pengelolaan Super App"
    );
    let log = pantau(d, &["log", "plan.ron", "--lang", "en"], &[]);
    assert!(text(&log.stdout).contains(&first), "{}", text(&log.stdout));

    // Figures to date never go down: TW II below what TW I already has.
    let down = monitoring_workbook(
        "TW III",
        &[(
            "2.16.02.1.01.0901",
            "",
            500_000_000.0,
            50_000_000.0,
            50.0,
            "",
        )],
    );
    std::fs::write(d.join("down.xlsx"), down).unwrap();
    let saved = std::fs::read_to_string(d.join("plan.ron")).unwrap();
    let out = pantau(
        d,
        &["import", "down.xlsx", "--into", "plan.ron", "--lang", "en"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("down.xlsx, sheet RFK, row 6: "),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(d.join("plan.ron")).unwrap(), saved);
}
