//! The `pantau` binary as a user runs it: every command, every class of bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const EXAMPLE: &str = pantau::store::EXAMPLE;

/// Runs pantau with a private HOME and an English locale unless told otherwise.
fn pantau(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pantau"));
    cmd.args(args)
        .env("HOME", home)
        .env_remove("PANTAU_FILE")
        .env_remove("PANTAU_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("pantau runs")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let home = TempDir::new().unwrap();
    let out = pantau(home.path(), args, &[]);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A plan file in a fresh folder.
fn plan_file(contents: impl AsRef<[u8]>) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

fn example_with(from: &str, to: &str) -> String {
    assert!(EXAMPLE.contains(from), "example contains {from:?}");
    EXAMPLE.replacen(from, to, 1)
}

/// Exit 2, a message naming the file, and no panic.
fn assert_invalid(args: &[&str], expect: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 2, "exit code for {args:?}\nstderr: {stderr}");
    assert!(stdout.is_empty(), "nothing on stdout: {stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for needle in expect {
        assert!(
            stderr.contains(needle),
            "stderr lacks {needle:?}:\n{stderr}"
        );
    }
    stderr
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn check_reports_counts_of_a_valid_plan() {
    let (_d, path) = plan_file(EXAMPLE);
    let (code, stdout, _) = run(&["check", s(&path)]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("valid: 36 programs in 6 dimensions"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1, "one-line summary");
}

#[test]
fn syntax_error_names_file_line_column_and_hint() {
    // Drop the comma after `region: "…"`.
    let broken = example_with(
        "region: \"Kabupaten Luwu Utara\",",
        "region: \"Kabupaten Luwu Utara\"",
    );
    // ron stops at the next field, the line after `region` (`code` in the example).
    let line = broken
        .lines()
        .position(|l| l.contains("region: \"Kabupaten Luwu Utara\""))
        .unwrap()
        + 2;
    let (_d, path) = plan_file(broken);
    let stderr = assert_invalid(&["check", s(&path)], &["hint:"]);
    assert!(
        stderr.contains(&format!("plan.ron:{line}:")),
        "line {line} named:\n{stderr}"
    );
}

#[test]
fn misspelt_field_is_an_error_naming_it_and_the_valid_fields() {
    let (_d, path) = plan_file(example_with("status: InProgress", "staus: InProgress"));
    assert_invalid(
        &["check", s(&path)],
        &["unknown field `staus`", "program", "status", "milestones"],
    );
}

#[test]
fn unknown_status_lists_the_valid_ones() {
    let (_d, path) = plan_file(example_with("status: InProgress", "status: Finished"));
    assert_invalid(
        &["check", s(&path)],
        &[
            "`Finished`",
            "NotStarted | InProgress | Done | Operating | Delayed | OnHold | Cancelled",
        ],
    );
}

#[test]
fn missing_required_field_is_named() {
    let (_d, path) = plan_file(example_with("            horizon: QuickWin,\n", ""));
    assert_invalid(&["check", s(&path)], &["missing the field `horizon`"]);
}

#[test]
fn every_validation_problem_is_reported_at_once_with_its_program() {
    let mut plan = pantau::store::parse(EXAMPLE, Path::new("x")).unwrap();
    let programs = &mut plan.plan.programs;
    programs[1].id = programs[0].id.clone();
    programs[2].dimension = "smart-nothing".into();
    programs[3].end = programs[3].start - 1;
    programs[4].targets[0].year = 2040;
    programs[5].milestones[0].due = "31/03/2023".into();
    programs[6].name = "  ".into();
    let (id2, id3, id4, id5, id6) = (
        programs[2].id.clone(),
        programs[3].id.clone(),
        programs[4].id.clone(),
        programs[5].id.clone(),
        programs[6].id.clone(),
    );
    let dup = programs[0].id.clone();
    let (_d, path) = plan_file(plan.to_ron());
    let stderr = assert_invalid(&["check", s(&path)], &["6 problem(s)"]);
    for (id, what) in [
        (&dup, "more than one program"),
        (&id2, "dimension `smart-nothing` does not exist"),
        (&id3, "is before start"),
        (&id4, "year 2040 is outside the plan's period 2022–2031"),
        (&id5, "`31/03/2023` is not a date"),
        (&id6, "the name is empty"),
    ] {
        let line = stderr
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what}:\n{stderr}"));
        assert!(line.contains(&format!(": {id}: ")), "{line}");
        assert!(line.contains("plan.ron:"), "file and line named: {line}");
    }
}

#[test]
fn hostile_files_get_a_clear_error_not_a_crash() {
    let nested = "[".repeat(100_000);
    let nested_in_field = format!("(version: 1, region: {}", "(".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", vec![], "the file is empty"),
        ("blank", b"  \n\n".to_vec(), "the file is empty"),
        (
            "truncated",
            EXAMPLE.as_bytes()[..EXAMPLE.len() / 2].to_vec(),
            "may be truncated",
        ),
        (
            "truncated between fields",
            EXAMPLE.as_bytes()[..EXAMPLE.find("    programs: [").unwrap()].to_vec(),
            "ends too early",
        ),
        (
            "truncated mid-string",
            EXAMPLE.as_bytes()[..EXAMPLE.find("Smart Governance").unwrap()].to_vec(),
            "may be truncated",
        ),
        (
            "garbage",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            "error:",
        ),
        (
            "invalid utf-8",
            b"(\n  region: \"Luwu \xff\xfe\"".to_vec(),
            "plan.ron:2:",
        ),
        ("nested brackets", nested.into_bytes(), "plan.ron:1:1"),
        (
            "nested in a field",
            nested_in_field.into_bytes(),
            "plan.ron:1:",
        ),
        ("json", br#"{"version": 1}"#.to_vec(), "plan.ron:1:1"),
    ];
    for (name, bytes, expect) in cases {
        let (_d, path) = plan_file(bytes);
        let started = std::time::Instant::now();
        let stderr = assert_invalid(&["check", s(&path)], &[expect]);
        assert!(
            started.elapsed().as_secs() < 10,
            "{name} took {:?}",
            started.elapsed()
        );
        assert!(stderr.contains("plan.ron"), "{name}: file named: {stderr}");
    }
}

#[test]
fn utf8_error_points_at_the_bad_byte() {
    let (_d, path) = plan_file(b"(\n  region: \"Luwu \xff\"");
    assert_invalid(
        &["check", s(&path)],
        &[
            "plan.ron:2:17: the file is not valid UTF-8",
            "save the file as UTF-8",
        ],
    );
}

#[test]
fn a_directory_or_a_missing_file_is_named() {
    let dir = TempDir::new().unwrap();
    assert_invalid(&["check", s(dir.path())], &["is a directory"]);
    let missing = dir.path().join("nope.ron");
    assert_invalid(
        &["summary", s(&missing)],
        &["nope.ron: no such file", "pantau init"],
    );
}

#[test]
fn a_plan_from_a_newer_pantau_says_to_update() {
    let (_d, path) = plan_file(example_with("version: 1,", "version: 7,\n    budget: 10,"));
    assert_invalid(&["check", s(&path)], &["version 7", "Update pantau"]);
}

#[test]
fn summary_shows_dimensions_totals_and_milestone_lists() {
    let (_d, path) = plan_file(EXAMPLE);
    let (code, stdout, stderr) = run(&["summary", s(&path), "--today", "2023-11-02"]);
    assert_eq!(code, 0, "{stderr}");
    for needle in [
        "Masterplan BISA Smart City",
        "as of 2 November 2023",
        "Smart Governance",
        "Smart Environment",
        "Total",
        "Overdue milestones (",
        "Due in the next 30 days (",
        "Targets for 2023 (",
    ] {
        assert!(stdout.contains(needle), "{needle:?} missing:\n{stdout}");
    }
    // The total line adds up every dimension's programs.
    let total = stdout.lines().find(|l| l.starts_with("Total")).unwrap();
    assert!(total.split_whitespace().nth(1) == Some("36"), "{total}");
}

#[test]
fn summary_overdue_count_matches_the_definition() {
    let plan = pantau::store::parse(EXAMPLE, Path::new("x")).unwrap().plan;
    let today = jiff::civil::date(2026, 12, 2);
    // Independent count: open milestone, due before today, programme neither Done nor Cancelled.
    let expected = plan
        .programs
        .iter()
        .filter(|p| {
            !matches!(
                p.status,
                pantau::plan::model::Status::Done | pantau::plan::model::Status::Cancelled
            )
        })
        .flat_map(|p| &p.milestones)
        .filter(|m| !m.done && m.due.as_str() < "2026-12-02")
        .count();
    assert!(expected > 0);
    let (_d, path) = plan_file(EXAMPLE);
    let (_, stdout, _) = run(&["summary", s(&path), "--today", &today.to_string()]);
    assert!(
        stdout.contains(&format!("Overdue milestones ({expected})")),
        "{stdout}"
    );
}

#[test]
fn summary_never_exceeds_the_width_and_never_emits_escapes() {
    let hostile = example_with(
        "name: \"Smart Governance\"",
        "name: \"Smart \\u{1b}]0;pwned\\u{7}Governance with a very long name indeed\"",
    );
    let hostile = hostile.replacen(
        "title: \"Masterplan BISA Smart City\"",
        "title: \"\\u{1b}[31mRed \\u{202e}title\"",
        1,
    );
    let (_d, path) = plan_file(hostile);
    for width in ["40", "60", "80", "132"] {
        for lang in ["en", "id"] {
            for ascii in [false, true] {
                let mut args = vec![
                    "summary",
                    s(&path),
                    "--width",
                    width,
                    "--lang",
                    lang,
                    "--today",
                    "2023-06-01",
                ];
                if ascii {
                    args.push("--ascii");
                }
                let (code, stdout, stderr) = run(&args);
                assert_eq!(code, 0, "{stderr}");
                assert!(
                    !stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'),
                    "raw escape in output"
                );
                assert!(stdout.contains("\\u{1b}"), "escape shown escaped");
                let max = width.parse::<usize>().unwrap();
                for line in stdout.lines() {
                    let cols = unicode_width::UnicodeWidthStr::width(line);
                    assert!(cols <= max, "{cols} > {max} at {lang}: {line:?}");
                }
                if ascii {
                    assert!(stdout.is_ascii(), "--ascii output is ASCII:\n{stdout}");
                }
            }
        }
    }
}

#[test]
fn summary_speaks_indonesian_by_flag_or_locale() {
    let (_d, path) = plan_file(EXAMPLE);
    let home = TempDir::new().unwrap();
    let by_locale = pantau(
        home.path(),
        &["summary", s(&path), "--today", "2023-11-02"],
        &[("LANG", "id_ID.UTF-8")],
    );
    let by_flag = pantau(
        home.path(),
        &["summary", s(&path), "--today", "2023-11-02", "--lang", "id"],
        &[],
    );
    for out in [by_locale, by_flag] {
        let stdout = text(&out.stdout);
        assert!(stdout.contains("Tahapan lewat batas waktu"), "{stdout}");
        assert!(stdout.contains("Periode 2022–2031"), "{stdout}");
        assert!(stdout.contains("Dimensi"), "{stdout}");
    }
    let english = pantau(
        home.path(),
        &["summary", s(&path), "--lang", "en"],
        &[("LC_ALL", "id_ID.UTF-8")],
    );
    assert!(
        text(&english.stdout).contains("Overdue milestones"),
        "--lang beats the locale"
    );
}

#[test]
fn summary_of_one_dimension() {
    let (_d, path) = plan_file(EXAMPLE);
    let (code, stdout, _) = run(&[
        "summary",
        s(&path),
        "--dimension",
        "economy",
        "--today",
        "2023-11-02",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Smart Economy") && !stdout.contains("Smart Governance"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("  GOV-"),
        "other dimensions' milestones left out:\n{stdout}"
    );
    assert_invalid(
        &["summary", s(&path), "--dimension", "health"],
        &["no dimension `health`", "governance"],
    );
}

#[test]
fn usage_errors_exit_2() {
    let (_d, path) = plan_file(EXAMPLE);
    assert_invalid(
        &["summary", s(&path), "--width", "20"],
        &["from 40 to 1000"],
    );
    assert_invalid(
        &["summary", s(&path), "--today", "2023-02-30"],
        &["not a date"],
    );
    assert_invalid(&["summary", s(&path), "--lang", "fr"], &["possible values"]);
    assert_invalid(&["frobnicate", "x", "y"], &["Usage"]);
}

#[test]
fn init_writes_the_example_and_never_overwrites() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("new.ron");
    let (code, stdout, _) = run(&["init", s(&path)]);
    assert_eq!(code, 0);
    assert!(stdout.contains("new.ron"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
    std::fs::write(&path, "mine").unwrap();
    assert_invalid(&["init", s(&path)], &["already exists"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "mine",
        "left untouched"
    );
}

#[test]
fn first_command_of_a_new_user_creates_the_default_plan() {
    let home = TempDir::new().unwrap();
    let out = pantau(home.path(), &["check"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let default = home.path().join(".local/share/pantau/masterplan.ron");
    assert_eq!(std::fs::read_to_string(&default).unwrap(), EXAMPLE);
    assert!(
        text(&out.stderr).contains(s(&default)),
        "path said on stderr: {}",
        text(&out.stderr)
    );
    // The second time it is simply used, and nothing is said.
    let again = pantau(home.path(), &["summary"], &[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(again.stderr.is_empty(), "{}", text(&again.stderr));
}

#[test]
fn pantau_file_names_the_plan() {
    let (_d, path) = plan_file(example_with(
        "region: \"Kabupaten Luwu Utara\"",
        "region: \"Kabupaten Contoh\"",
    ));
    let home = TempDir::new().unwrap();
    let out = pantau(home.path(), &["summary"], &[("PANTAU_FILE", s(&path))]);
    assert!(text(&out.stdout).contains("Kabupaten Contoh"));
    assert!(
        !home.path().join(".local/share/pantau").exists(),
        "no default plan created"
    );
}

#[test]
fn help_names_the_commands() {
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for needle in ["check", "summary", "init", "PANTAU_FILE", "Exit codes"] {
        assert!(stdout.contains(needle), "{needle}");
    }
}

#[test]
fn a_file_before_the_command_is_refused_not_ignored() {
    let (_d, path) = plan_file(EXAMPLE);
    assert_invalid(&[s(&path), "check"], &["put the file after the command"]);
}

#[test]
fn options_work_before_and_after_the_command() {
    let (_d, path) = plan_file(EXAMPLE);
    for args in [
        vec!["--lang", "id", "check", s(&path)],
        vec!["check", "--lang", "id", s(&path)],
        vec!["check", s(&path), "--lang", "id"],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stdout.contains("sah: 36 program"), "{args:?}: {stdout}");
    }
}

#[test]
fn a_newer_version_that_parses_still_says_update() {
    let (_d, path) = plan_file(example_with("version: 1,", "version: 2,"));
    assert_invalid(&["check", s(&path)], &["version 2", "Update pantau"]);
    // A comment that mentions a version is not the file's version.
    let (_d, path) = plan_file(format!(
        "// version: 3 draft\n{}",
        example_with("status: Done", "staus: Done")
    ));
    let stderr = assert_invalid(&["check", s(&path)], &["unknown field `staus`"]);
    assert!(!stderr.contains("Update pantau"), "{stderr}");
}

#[test]
fn a_bare_number_where_an_option_belongs_explains_some() {
    let (_d, path) = plan_file(example_with("baseline: None", "baseline: 80.89"));
    assert_invalid(&["check", s(&path)], &["`Some(80.89)`"]);
}

#[test]
fn the_guide_printout_is_what_summary_prints() {
    let (_d, path) = plan_file(EXAMPLE);
    let seen = crate::common::golden::assert_printouts(
        "docs/GUIDE.md",
        "pantau summary data/luwu-utara.ron",
        &path,
        |args| {
            let (code, stdout, stderr) = run(args);
            assert_eq!(code, 0, "{args:?}: {stderr}");
            stdout
        },
    );
    assert_eq!(seen, 1, "the user guide shows a printout");
}

#[test]
fn set_changes_fields_and_milestones_and_says_what_changed() {
    let (_d, path) = plan_file(EXAMPLE);
    let (code, stdout, stderr) = run(&[
        "set",
        "-f",
        s(&path),
        "GOV-01",
        "status=Done",
        "milestone.4.done=true",
        "lead=Dinas PMD",
        "target.1.actual=85,5",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("GOV-01: status: In progress -> Done"),
        "{stdout}"
    );
    // In Indonesian, the words officers read, never the file's InProgress.
    let (code, stdout, stderr) = run(&[
        "set",
        "--lang",
        "id",
        "-f",
        s(&path),
        "GOV-01",
        "status=Berjalan",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "GOV-01: status: Selesai -> Berjalan\n");
    let (code, _, stderr) = run(&["set", "-f", s(&path), "GOV-01", "status=Done"]);
    assert_eq!(code, 0, "{stderr}");
    let plan = pantau::store::load(&path).unwrap().plan;
    let p = plan.program("GOV-01").unwrap();
    assert_eq!(p.status, pantau::plan::model::Status::Done);
    assert!(p.milestones[3].done);
    assert_eq!(p.lead, "Dinas PMD");
    assert_eq!(
        p.targets[0].actual,
        Some(85.5),
        "decimal comma read as Indonesians write it"
    );
    // The log says what changed inside the lists, and statuses in words.
    let before = pantau::store::parse(EXAMPLE, &path).unwrap().plan;
    let old = &before.program("GOV-01").unwrap().targets[0];
    let old_actual = old.actual.map_or("(none)".to_string(), |v| v.to_string());
    let (code, log, stderr) = run(&["log", "--lang", "en", "-f", s(&path)]);
    assert_eq!(code, 0, "{stderr}");
    for line in [
        "GOV-01 status: In progress -> Done".to_string(),
        "GOV-01 milestone 4 done: no -> yes".to_string(),
        "GOV-01 lead: ".to_string(),
        // Named as `pantau set` names it: target.1.actual.
        format!("GOV-01 target 1 actual: {old_actual} -> 85.5"),
    ] {
        assert!(log.contains(&line), "{line:?} in:\n{log}");
    }
    let (_, log, _) = run(&["log", "--lang", "id", "-f", s(&path)]);
    assert!(
        log.contains("GOV-01 tahapan 4 selesai: tidak -> ya"),
        "{log}"
    );
    // Everything else is as it was: only those lines changed.
    let after = std::fs::read_to_string(&path).unwrap();
    let changed = EXAMPLE
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(changed, 4);
}

#[test]
fn set_refuses_bad_input_and_leaves_the_file_untouched() {
    let (dir, path) = plan_file(EXAMPLE);
    for (args, expect) in [
        (
            vec!["GOV-01", "status=Finished"],
            "Not started | In progress | Done | Operating | Delayed | On hold | Cancelled",
        ),
        (vec!["GOV-99", "status=Done"], "no program with id `GOV-99`"),
        (vec!["GOV-01", "staus=Done"], "unknown field `staus`"),
        (
            vec!["GOV-01", "milestone.9.done=true"],
            "there is no milestone 9",
        ),
        (vec!["GOV-01", "end=2040"], "a year from 2022 to 2031"),
        (
            vec!["GOV-01", "start=2023", "end=2022"],
            "nothing was written",
        ),
        (vec!["GOV-01", "milestone.1.due=03/31/2023"], "31-03-2023"),
        (
            vec!["GOV-01", "target.1.actual=36.500"],
            "reads as 36500 the Indonesian way and 36.5 the English way",
        ),
        (
            vec!["GOV-01", "budget.1.allocation=1,250 miliar"],
            "reads as 1,25 the Indonesian way and 1250 the English way",
        ),
        (vec!["GOV-01", "status"], "is not FIELD=VALUE"),
        (
            vec!["GOV-01", "status=Done", "horizon=Someday"],
            "Quick win | Short term | Medium term | Long term",
        ),
        (vec!["GOV-01", "id=GOV-02"], "already has this id"),
    ] {
        let mut all = vec!["set", "-f", s(&path)];
        all.extend(args.iter().copied());
        assert_invalid(&all, &[expect]);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            EXAMPLE,
            "{args:?} left the file as it was"
        );
    }
    assert!(
        !dir.path().join("plan.ron.bak").exists(),
        "not even a backup was made"
    );
}

#[test]
fn set_and_report_read_a_status_in_every_spelling_and_language() {
    // `report --status` always took these; `set` refused them before the field registry.
    let done = example_with("status: InProgress", "status: Done");
    for (plan, given, change) in [
        (EXAMPLE.to_string(), "selesai", "In progress -> Done"),
        (done.clone(), "in-progress", "Done -> In progress"),
        (done, "Ditunda", "Done -> On hold"),
        (EXAMPLE.to_string(), "on_hold", "In progress -> On hold"),
    ] {
        let (_d, path) = plan_file(plan);
        let (code, _, stderr) = run(&["report", s(&path), "--status", given]);
        assert_eq!(code, 0, "report --status {given}: {stderr}");
        let (code, stdout, stderr) = run(&[
            "set",
            "--lang",
            "en",
            "-f",
            s(&path),
            "GOV-01",
            &format!("status={given}"),
        ]);
        assert_eq!(code, 0, "set status={given}: {stderr}");
        assert!(stdout.contains(change), "status={given}: {stdout}");
    }
}

#[test]
fn demo_runs_any_command_on_a_private_copy_and_removes_it_after() {
    let home = TempDir::new().unwrap();
    let tmp = TempDir::new().unwrap();
    let tmp_str = tmp.path().to_str().unwrap();
    let out = pantau(
        home.path(),
        &["--demo", "set", "GOV-01", "status=Done"],
        &[("TMPDIR", tmp_str)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "GOV-01: status: In progress -> Done\n");
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    // Nor the data folder's default plan: a demo never creates it.
    assert!(!home.path().join(".local").exists());
    let out = pantau(home.path(), &["check", "--demo"], &[("TMPDIR", tmp_str)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("luwu-utara.ron"));
}

#[test]
fn demo_with_a_plan_file_is_refused_before_anything_is_written() {
    let (_dir, plan) = plan_file(EXAMPLE);
    let p = plan.to_str().unwrap();
    assert_invalid(&["--demo", p], &["--demo", "plan.ron"]);
    assert_invalid(&["summary", p, "--demo"], &["leave out the file"]);
}

#[test]
fn every_command_takes_the_plan_as_its_first_argument_or_with_f() {
    let (_dir, plan) = plan_file(EXAMPLE);
    let p = plan.to_str().unwrap();
    for args in [
        vec!["check", p],
        vec!["check", "-f", p],
        vec!["summary", "--file", p, "--today", "2023-11-02"],
        vec![
            "report",
            "-f",
            p,
            "--kind",
            "overdue",
            "--today",
            "2023-11-02",
        ],
        vec!["doctor", "-f", p],
    ] {
        let (code, stdout, stderr) = run(&args);
        // doctor may find a temp folder unsafe (exit 1); it still read this plan.
        assert!(code == 0 || args[0] == "doctor", "{args:?}: {stderr}");
        assert!(!stdout.is_empty(), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
    // set: FILE ID FIELD=VALUE, the form of the issue, and the old -f form.
    let (code, stdout, stderr) = run(&["set", p, "GOV-02", "status=OnHold"]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    assert!(stdout.starts_with("GOV-02: status:"), "{stdout}");
    let (code, _, stderr) = run(&["set", "-f", p, "GOV-02", "status=Delayed"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    // log reads what those two wrote, positional or with -f.
    for args in [vec!["log", p], vec!["log", "-f", p]] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert_eq!(stdout.matches("GOV-02").count(), 2, "{args:?}: {stdout}");
    }
    assert_invalid(&["set", p, "GOV-02"], &["no FIELD=VALUE after the id"]);
    assert_invalid(&["check", p, "-f", p], &["cannot be used with"]);
}

#[test]
fn a_mistyped_command_suggests_the_command_not_init() {
    let (code, stdout, stderr) = run(&["summry"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("did you mean `pantau summary`?"),
        "{stderr}"
    );
    assert!(!stderr.contains("init"), "{stderr}");
    // A plan's name that is near no command is still a missing plan.
    let (_, _, stderr) = run(&["plan-2027.ron"]);
    assert!(!stderr.contains("did you mean `pantau"), "{stderr}");
}

#[test]
fn an_unknown_program_id_suggests_the_nearest_one() {
    let (_dir, plan) = plan_file(EXAMPLE);
    let p = plan.to_str().unwrap();
    let stderr = assert_invalid(&["set", p, "gov-01", "status=Done"], &["gov-01"]);
    assert!(stderr.contains("did you mean `GOV-01`?"), "{stderr}");
    assert_invalid(
        &["report", p, "--kind", "program", "--program", "BRD01"],
        &["did you mean `BRD-01`?"],
    );
    let stderr = assert_invalid(&["set", p, "NOPE-77", "status=Done"], &["NOPE-77"]);
    assert!(!stderr.contains("did you mean"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), EXAMPLE);
}

#[test]
fn a_locale_without_utf_8_prints_ascii_only() {
    let (_dir, plan) = plan_file(EXAMPLE);
    let p = plan.to_str().unwrap();
    let home = TempDir::new().unwrap();
    let args = ["summary", p, "--today", "2023-11-02"];
    let c = pantau(home.path(), &args, &[("LANG", "C")]);
    let utf8 = pantau(home.path(), &args, &[]);
    let ascii = pantau(home.path(), &[&args[..], &["--ascii"]].concat(), &[]);
    assert_eq!(c.status.code(), Some(0));
    assert!(c.stdout.is_ascii(), "{}", text(&c.stdout));
    assert_eq!(c.stdout, ascii.stdout, "LANG=C is --ascii");
    assert!(!utf8.stdout.is_ascii(), "C.UTF-8 keeps the box drawing");
}

/// A target of 0 and a range with a direction are measured, not refused;
/// a plain `Range` is accepted with a hint to say which side is better.
#[test]
fn a_target_of_zero_and_a_directed_range_pass_check_and_a_plain_range_gets_a_hint() {
    let gov02_2024 = r#"target: 80.0, actual: Some(85.0), measures: Use),"#;
    for (target, hint) in [
        ("target: 0.0, actual: Some(0.0), direction: Lower),", false),
        (
            "target: 80.0, actual: Some(92.0), upper: Some(90.0)),",
            false,
        ),
        (
            "target: 7.0, actual: Some(6.5), direction: Lower, upper: Some(8.0)),",
            false,
        ),
        (
            "target: 80.0, actual: Some(92.0), direction: Range, upper: Some(90.0)),",
            true,
        ),
    ] {
        let (_d, path) = plan_file(example_with(gov02_2024, target));
        let (code, stdout, stderr) = run(&["check", s(&path), "--lang", "en"]);
        assert_eq!(code, 0, "{target}\n{stdout}{stderr}");
        assert_eq!(
            stderr.contains("GOV-02: target 1: direction: Range counts leaving 80–90"),
            hint,
            "{target}\n{stderr}"
        );
    }
    // The range reads as a range and its figure as the rule gives it.
    let (_d, path) = plan_file(example_with(
        gov02_2024,
        "target: 80.0, actual: Some(92.0), upper: Some(90.0)),",
    ));
    let (code, stdout, _) = run(&[
        "report",
        s(&path),
        "--kind",
        "program",
        "--program",
        "GOV-02",
        "--lang",
        "id",
        "--today",
        "2026-12-02",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("0 → 80–90 %"), "{stdout}");
    assert!(stdout.contains("102,22 %  Sangat Tinggi\n"), "{stdout}");
}

/// Every bad figure of the evaluation's fields is a problem with the
/// programme and its line, never a NaN, a panic or a half-written file.
#[test]
fn bad_targets_budgets_weights_and_links_are_named_with_their_line() {
    let gov02_2024 = r#"target: 80.0, actual: Some(85.0), measures: Use),"#;
    let cases: [(String, &[&str]); 10] = [
        (
            example_with(
                gov02_2024,
                "target: 80.0, actual: Some(85.0), upper: Some(70.0)),",
            ),
            &["GOV-02", "lower bound 80 is above its upper bound 70"],
        ),
        (
            example_with(
                gov02_2024,
                "target: 80.0, actual: Some(85.0), direction: Range, upper: Some(60.0)),",
            ),
            &["GOV-02", "lower bound 80 is above its upper bound 60"],
        ),
        (
            example_with(
                gov02_2024,
                "target: 80.0, actual: Some(85.0), direction: Range),",
            ),
            &["GOV-02", "needs an upper bound"],
        ),
        (
            example_with(
                "allocation: 850000000.0, spent: Some(830000000.0)",
                "allocation: -850000000.0, spent: Some(830000000.0)",
            ),
            &["GOV-01", "-850000000 is not an amount in rupiah"],
        ),
        (
            example_with(
                r#"due: "2025-11-28", done: true, weight: Some(30.0)"#,
                r#"due: "2025-11-28", done: true, weight: Some(35.0)"#,
            ),
            &["GOV-05", "weights add up to 105 %"],
        ),
        (
            example_with(
                r#"link: "/srv/bukti/gov-01/inventaris-super-app.pdf""#,
                r#"link: "inventaris super app""#,
            ),
            &["GOV-01", "`inventaris super app` is not a path or a URL"],
        ),
        (
            example_with(
                r#"link: "/srv/bukti/gov-01/inventaris-super-app.pdf""#,
                r#"link: "javascript:alert(document.cookie)//srv/bukti.pdf""#,
            ),
            &["GOV-01", "evidence 2: a `javascript:` link is refused"],
        ),
        (
            example_with(
                r#"link: "/srv/bukti/gov-01/inventaris-super-app.pdf""#,
                r#"link: "data:text/html,<script>/x</script>""#,
            ),
            &["GOV-01", "evidence 2: a `data:` link is refused"],
        ),
        (
            example_with(
                "    evaluation: (\n",
                "    evaluation: (\n        weights: Some((baseline: 10.0, output: 20.0, outcome: 30.0, impact: 20.0, quick_win: 30.0)),\n",
            ),
            &["aspect weights add up to 110", "10/20/30/20/20"],
        ),
        (
            example_with(
                "aspect: Baseline, score: 3.2",
                "aspect: Baseline, score: 7.5",
            ),
            &["Baseline score for 2026 is 7.5", "0 to 5"],
        ),
    ];
    for (text, expect) in cases {
        let (_d, path) = plan_file(&text);
        let mut needles = vec!["plan.ron:"];
        needles.extend(expect.iter());
        assert_invalid(&["check", s(&path)], &needles);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "the file is left as it was"
        );
        // Every command refuses it the same way, the interface's report too.
        assert_invalid(&["report", s(&path), "--kind", "evaluation"], expect);
    }
}

#[test]
fn set_adds_a_budget_year_and_an_evidence_document_by_the_next_number() {
    let (_d, path) = plan_file(EXAMPLE);
    let (code, stdout, stderr) = run(&[
        "set",
        s(&path),
        "GOV-01",
        "budget.4.year=2027",
        "budget.4.allocation=1.200.000.000",
        "evidence.3.name=SK Tim Smart City 2026",
        "evidence.3.kind=kebijakan",
        "evidence.3.state=draf",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("GOV-01: budget 4 allocation (Rp): 0 -> 1,200,000,000"),
        "{stdout}"
    );
    let plan = pantau::store::load(&path).unwrap().plan;
    let p = plan.program("GOV-01").unwrap();
    assert_eq!((p.budget[3].year, p.budget[3].allocation), (2027, 1.2e9));
    let e = &p.evidence[2];
    assert_eq!(
        e.kind,
        pantau::plan::model::EvidenceKind::Policy,
        "read in Indonesian"
    );
    assert_eq!(e.state, pantau::plan::model::EvidenceState::Draft);
    // Two past the last is refused, naming how many there are and how to add one.
    let (code, _, stderr) = run(&["set", s(&path), "GOV-01", "budget.9.spent=5"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("there is no budget 9; the program has 4 (budget 5 adds one)"),
        "{stderr}"
    );
    // The log reads the new paths as sentences.
    let (_, log, _) = run(&["log", "--lang", "en", s(&path)]);
    assert!(
        log.contains("GOV-01 budget 4 added") || log.contains("GOV-01 budget 4 year"),
        "{log}"
    );
    assert!(log.contains("GOV-01 evidence 3"), "{log}");
}

#[test]
fn numbers_and_dates_typed_the_indonesian_way_are_read_as_meant() {
    let (_d, path) = plan_file(EXAMPLE);
    let (code, _, stderr) = run(&[
        "set",
        "-f",
        s(&path),
        "GOV-01",
        "target.2.actual=36.500,5",
        "milestone.5.due=30/11/2027",
        "budget.1.allocation=1,5 miliar",
        "budget.2.allocation=Rp 400.000.000",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let plan = pantau::store::parse(
        &std::fs::read_to_string(&path).unwrap(),
        std::path::Path::new("plan.ron"),
    )
    .unwrap()
    .plan;
    let p = &plan.programs[0];
    assert_eq!(p.targets[1].actual, Some(36_500.5));
    assert_eq!(p.milestones[4].due, "2027-11-30", "kept as ISO in the file");
    assert_eq!(p.budget[0].allocation, 1_500_000_000.0);
    assert_eq!(p.budget[1].allocation, 400_000_000.0);
}

/// An officer says what an indicator measures in their own words; the
/// summary's list of programmes without a use or quality indicator follows,
/// and setting it back to output leaves the file as it was, byte for byte.
#[test]
fn set_says_what_an_indicator_measures_and_the_summary_answers_from_it() {
    let (_d, path) = plan_file(EXAMPLE);
    let lacks = |path: &Path| {
        let (code, stdout, stderr) =
            run(&["summary", s(path), "--lang", "id", "--today", "2026-12-02"]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("Tiga pertanyaan"), "{stdout}");
        // The list is the section's last part: its ENV-04 line is the last.
        stdout
            .lines()
            .rfind(|l| l.trim_start().starts_with("ENV-04"))
            .filter(|l| l.contains("pemanfaatan"))
            .map(|l| l.to_string())
    };
    let before = lacks(&path).expect("ENV-04 is listed");
    assert!(before.ends_with("pemanfaatan, kualitas"), "{before}");

    let (code, stdout, stderr) = run(&[
        "set",
        "--lang",
        "id",
        "-f",
        s(&path),
        "ENV-04",
        "target.1.measures=kualitas",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("keluaran -> kualitas"), "{stdout}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("measures: Quality")
    );
    let after = lacks(&path).expect("ENV-04 still lacks a use indicator");
    assert!(after.ends_with("pemanfaatan"), "{after}");

    let (code, _, stderr) = run(&["set", "-f", s(&path), "ENV-04", "target.1.measures=output"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
}

#[test]
fn an_indonesian_command_line_reads_a_lone_group_of_three_as_thousands_and_english_refuses_it() {
    let read = |path: &Path| {
        pantau::store::parse(
            &std::fs::read_to_string(path).unwrap(),
            std::path::Path::new("plan.ron"),
        )
        .unwrap()
        .plan
    };
    let (_d, path) = plan_file(EXAMPLE);
    let (code, stdout, stderr) = run(&[
        "set",
        "--lang",
        "id",
        "-f",
        s(&path),
        "GOV-01",
        "target.2.actual=36.500",
        "target.2.target=1,500",
        "budget.1.allocation=2.500 juta",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let p = &read(&path).programs[0];
    assert_eq!(p.targets[1].actual, Some(36_500.0), "thirty-six thousand");
    assert_eq!(p.targets[1].target, 1.5, "one and a half");
    assert_eq!(p.budget[0].allocation, 2_500_000_000.0);
    assert!(
        stdout.contains("-> 36.500"),
        "said the Indonesian way: {stdout}"
    );

    let (_d, path) = plan_file(EXAMPLE);
    let stderr = assert_invalid(
        &[
            "set",
            "--lang",
            "en",
            "-f",
            s(&path),
            "GOV-01",
            "target.2.actual=36.500",
        ],
        &["reads as 36500 the Indonesian way and 36.5 the English way"],
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
}

#[test]
fn today_may_be_given_day_first_and_a_wrong_date_says_how_to_write_it() {
    let (_d, path) = plan_file(EXAMPLE);
    let (code, stdout, stderr) =
        run(&["summary", s(&path), "--lang", "id", "--today", "02/11/2023"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("per 2 November 2023"), "{stdout}");
    assert_invalid(
        &["summary", s(&path), "--lang", "id", "--today", "11/30/2023"],
        &["bukan tanggal; tulis tanggal lebih dulu, mis. 02-11-2023"],
    );
}

#[test]
fn a_refused_value_lists_the_choices_in_the_officers_words() {
    let (_d, path) = plan_file(EXAMPLE);
    assert_invalid(
        &[
            "set",
            "--lang",
            "id",
            "-f",
            s(&path),
            "GOV-01",
            "status=rampung",
        ],
        &["Belum dimulai | Berjalan | Selesai | Beroperasi | Terlambat | Ditunda | Dibatalkan"],
    );
    assert_invalid(
        &[
            "set",
            "--lang",
            "id",
            "-f",
            s(&path),
            "GOV-01",
            "target.1.direction=naik",
        ],
        &["makin tinggi makin baik | makin rendah makin baik | hanya dalam rentang"],
    );
}
