//! The evaluation estimate per year (issue 21): each aspect for the year
//! asked, statuses of past years derived from tahapan and dates, missing
//! targets counted, the resident survey and the previous official result
//! used where the plan has them, and the estimate set beside the ministry's
//! results. A plan of our own, so the example's figures can move freely.

use crate::common::golden;
use jiff::civil::{Date, date};
use pantau::i18n::Lang;
use pantau::plan::evaluation::{From, Standing, estimate, standing};
use pantau::plan::model::{Aspect, Plan};
use pantau::report::{self, Format, Kind, Request};
use pantau::store;
use std::path::Path;

/// Six programmes whose statuses differ by year: A runs 2023–2025 with a
/// tahapan done each year but the last; B is a 2023 quick win, done; C's
/// 2024 tahapan is still open, its 2025 one done; D starts in 2027; E is
/// cancelled; F is a 2024–2025 quick win done in 2025; G a quick win of
/// 2026–2027 under way. A 2024 target has no actual; 2025 has a survey
/// result; the ministry published 2.30 for 2024.
const PLAN: &str = r#"(
    version: 1,
    region: "Kabupaten Contoh",
    title: "Masterplan Contoh",
    period: (start: 2023, end: 2028),
    dimensions: [
        (id: "GOV", name: "Smart Governance"),
        (id: "LIV", name: "Smart Living"),
    ],
    programs: [
        (id: "A", name: "Layanan daring", dimension: "GOV", horizon: Short, start: 2023, end: 2025, status: InProgress,
            milestones: [
                (title: "Rancangan", due: "2023-06-30", done: true),
                (title: "Peluncuran", due: "2024-06-30", done: true),
                (title: "Perluasan", due: "2025-06-30"),
            ],
            targets: [
                (year: 2023, indicator: "Layanan daring", baseline: Some(5.0), target: 10.0, actual: Some(9.0)),
                (year: 2024, indicator: "Layanan daring", baseline: Some(5.0), target: 20.0, actual: None),
            ],
            evidence: [(name: "Perbup layanan daring", kind: Policy, state: Ready)],
        ),
        (id: "B", name: "Kanal aduan", dimension: "GOV", horizon: QuickWin, start: 2023, end: 2023, status: Done,
            milestones: [
                (title: "Kanal dibuka", due: "2023-03-31", done: true),
                (title: "Aduan dijawab dalam 3 hari", due: "2023-09-30", done: true),
            ],
            targets: [(year: 2023, indicator: "Aduan dijawab", target: 50.0, actual: Some(50.0))],
        ),
        (id: "C", name: "Puskesmas terhubung", dimension: "LIV", horizon: Medium, start: 2024, end: 2026, status: InProgress,
            milestones: [
                (title: "Jaringan 10 puskesmas", due: "2024-12-31"),
                (title: "Rekam medis elektronik", due: "2025-06-30", done: true),
            ],
            targets: [
                (year: 2024, indicator: "Puskesmas terhubung", baseline: Some(2.0), target: 10.0, actual: Some(12.0)),
                (year: 2025, indicator: "Puskesmas terhubung", baseline: Some(2.0), target: 20.0, actual: Some(15.0)),
                (year: 2026, indicator: "Puskesmas terhubung", baseline: Some(2.0), target: 30.0, actual: None),
            ],
            evidence: [(name: "SK tim rekam medis", kind: Policy, state: Draft)],
        ),
        (id: "D", name: "Transportasi cerdas", dimension: "LIV", horizon: Long, start: 2027, end: 2028, status: NotStarted),
        (id: "E", name: "Kios informasi", dimension: "GOV", horizon: Short, start: 2023, end: 2026, status: Cancelled),
        (id: "F", name: "Ambulans desa", dimension: "LIV", horizon: QuickWin, start: 2024, end: 2025, status: Done,
            milestones: [
                (title: "Armada siap", due: "2024-06-30", done: true),
                (title: "Layanan 24 jam", due: "2025-03-31", done: true),
            ],
        ),
        (id: "G", name: "Wifi taman", dimension: "LIV", horizon: QuickWin, start: 2026, end: 2027, status: InProgress,
            milestones: [(title: "Titik pertama", due: "2026-03-31", done: true)],
            targets: [(year: 2026, indicator: "Titik wifi", target: 5.0, actual: Some(5.0))],
        ),
    ],
    evaluation: (
        results: [
            (year: 2024, index: 2.3, letter: "B-123/DJAI/2025"),
        ],
        survey: {2025: 3.4},
    ),
)
"#;

fn today() -> Date {
    date(2026, 6, 15)
}

fn plan() -> Plan {
    store::parse(PLAN, Path::new("contoh.ron")).unwrap().plan
}

fn program<'a>(plan: &'a Plan, id: &str) -> &'a pantau::plan::model::Program {
    plan.programs.iter().find(|p| p.id == id).unwrap()
}

fn counts(plan: &Plan, year: i32, aspect: Aspect) -> (u64, u64) {
    let e = estimate(plan, year, 2026);
    let s = e.total.share(aspect).unwrap();
    (s.part as u64, s.whole as u64)
}

#[test]
fn the_fixture_passes_check_and_saves_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.ron");
    std::fs::write(&file, PLAN).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(["--lang", "en", "check"])
        .arg(&file)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    // The survey is written back as the plan has it.
    let written = pantau::plan::canonical::to_ron(&plan(), "");
    assert!(
        written.contains("        survey: {2025: 3.4},\n"),
        "{written}"
    );
    assert_eq!(store::parse(&written, Path::new("x")).unwrap().plan, plan());
}

#[test]
fn a_past_year_derives_each_programmes_status_from_its_tahapan_and_years() {
    let plan = plan();
    let (a, c, f) = (
        program(&plan, "A"),
        program(&plan, "C"),
        program(&plan, "F"),
    );
    assert_eq!(
        standing(a, 2023, 2026),
        Standing::Running,
        "a tahapan of 2023 done"
    );
    assert_eq!(
        standing(c, 2024, 2026),
        Standing::NotRunning,
        "its 2024 tahapan still open"
    );
    assert_eq!(
        standing(c, 2025, 2026),
        Standing::Running,
        "its 2025 tahapan done"
    );
    assert_eq!(
        standing(f, 2024, 2026),
        Standing::Running,
        "done now, but ends in 2025"
    );
    assert_eq!(standing(f, 2025, 2026), Standing::Done);
    // The current year reads the recorded status.
    assert_eq!(standing(c, 2026, 2026), Standing::Running);
}

#[test]
fn outcome_and_quick_win_count_the_programmes_scheduled_that_year_as_they_stood() {
    let plan = plan();
    // 2023: A running, B done; E is cancelled and counts in no year.
    assert_eq!(counts(&plan, 2023, Aspect::Outcome), (2, 2));
    assert_eq!(counts(&plan, 2023, Aspect::QuickWin), (1, 1));
    // 2024: C's tahapan was open, F not yet done.
    assert_eq!(counts(&plan, 2024, Aspect::Outcome), (2, 3));
    assert_eq!(counts(&plan, 2024, Aspect::QuickWin), (0, 1));
    // 2025: all three running or done, F done.
    assert_eq!(counts(&plan, 2025, Aspect::Outcome), (3, 3));
    assert_eq!(counts(&plan, 2025, Aspect::QuickWin), (1, 1));
    // 2026: C and G; D starts in 2027, E is cancelled.
    assert_eq!(counts(&plan, 2026, Aspect::Outcome), (2, 2));
    assert_eq!(
        counts(&plan, 2027, Aspect::Outcome),
        (1, 2),
        "D not started, G running"
    );
}

#[test]
fn a_target_without_an_actual_is_missing_and_counts_as_nothing() {
    let plan = plan();
    let e = estimate(&plan, 2024, 2026);
    // 2024: A has no actual, C reached 120 % (100 % at most): 50 %, not 100 %.
    assert_eq!(
        counts(&plan, 2024, Aspect::Impact),
        (1, 2),
        "1 of 2 measured"
    );
    assert_eq!(e.total.targets_missing(), 1);
    let impact = e.total.percent(Aspect::Impact).unwrap();
    assert!((impact - 50.0).abs() < 1e-9, "{impact}");
    // Entering the missing actual can only raise it.
    let mut filled = plan.clone();
    filled.programs[0].targets[1].actual = Some(10.0);
    let more = estimate(&filled, 2024, 2026)
        .total
        .percent(Aspect::Impact)
        .unwrap();
    assert!((more - 75.0).abs() < 1e-9, "{more}");
}

#[test]
fn the_survey_replaces_the_impact_proxy_and_the_previous_official_result_the_baseline() {
    let plan = plan();
    let row = |year, aspect| {
        estimate(&plan, year, 2026)
            .aspects
            .into_iter()
            .find(|a| a.aspect == aspect)
            .unwrap()
    };
    assert_eq!(row(2025, Aspect::Impact).from, From::Survey(3.4));
    assert!(matches!(row(2024, Aspect::Impact).from, From::Measured(_)));
    // 2024 has no earlier result; 2025 compares with 2024's.
    assert!(matches!(
        row(2024, Aspect::Baseline).from,
        From::Measured(_)
    ));
    assert_eq!(row(2025, Aspect::Baseline).score(), Some(2.3));
}

#[test]
fn each_official_result_stands_beside_the_estimate_for_its_year() {
    let plan = plan();
    let e = estimate(&plan, 2026, 2026);
    assert_eq!(e.past.len(), 1);
    let past = e.past[0];
    assert_eq!(past.result.year, 2024);
    let then = estimate(&plan, 2024, 2026).index().unwrap();
    assert_eq!(past.estimate, Some(then));
    assert!((past.off_by().unwrap() - (then - 2.3)).abs() < 1e-12);
}

fn text(year: i32, lang: Lang, format: Format) -> String {
    let request = Request {
        kind: Kind::Evaluation,
        format,
        width: 80,
        year: Some(year),
        ..Request::default()
    };
    report::render(&plan(), &request, lang, today()).unwrap()
}

/// The estimate of each year in both languages: 2023 and 2025 differ from
/// 2026 where the statuses then differ, the 2024 figure stands beside the
/// ministry's 2.30, and the last official index is always printed.
#[test]
fn the_estimate_of_each_year_reads_as_golden_in_both_languages() {
    for year in 2023..=2026 {
        for (lang, l) in [(Lang::En, "en"), (Lang::Id, "id")] {
            let out = text(year, lang, Format::Text);
            golden::assert_golden(&format!("estimate-{year}.{l}.80.txt"), &out);
        }
    }
    golden::assert_golden("estimate-2024.json", &text(2024, Lang::En, Format::Json));
    golden::assert_golden("estimate-2024.en.csv", &text(2024, Lang::En, Format::Csv));
}

#[test]
fn the_last_official_index_and_the_difference_are_printed_in_every_year() {
    for year in 2023..=2027 {
        let en = text(year, Lang::En, Format::Text);
        assert!(
            en.contains("Last official index: 2.30 for 2024."),
            "{year}:\n{en}"
        );
        // 2024: 10 × 5 (baselines) + 20 × 2.5 (a policy of two ready) +
        // 30 × 10/3 (two of three running) + 20 × 2.5 (one target of two)
        // + 20 × 0 (the quick win not yet done) = 2.50.
        assert!(en.contains("2024: 2.50 - 2.30 ="), "{year}:\n{en}");
        let id = text(year, Lang::Id, Format::Text);
        assert!(
            id.contains("Indeks resmi terakhir: 2,30 untuk 2024."),
            "{year}:\n{id}"
        );
    }
    let mut plan = plan();
    plan.evaluation.results.clear();
    let request = Request {
        kind: Kind::Evaluation,
        width: 80,
        ..Request::default()
    };
    let out = report::render(&plan, &request, Lang::En, today()).unwrap();
    assert!(out.contains("No official result in the plan yet"), "{out}");
}

#[test]
fn a_survey_result_off_the_scale_is_refused_with_its_year() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("contoh.ron");
    let text = PLAN.replace("survey: {2025: 3.4}", "survey: {2025: 34.0}");
    std::fs::write(&file, &text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(["--lang", "en", "check"])
        .arg(&file)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("Impact score for 2025 is 34"), "{said}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        text,
        "left as it was"
    );
}

/// The quick-win aspect judges the quick wins scheduled in the year: one
/// still running past its first years counts as not delivered (the bundled
/// example's 2026: 0 of 4, two of them due that year, two running on to
/// 2027); a year with none scheduled is no input, said so, and never a 0.
#[test]
fn a_year_without_a_scheduled_quick_win_is_no_input_not_zero() {
    for (lang, words) in [
        (Lang::En, "no quick win scheduled"),
        (Lang::Id, "tidak ada quick win terjadwal"),
    ] {
        let out = text(2028, lang, Format::Text);
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with("Quick win"))
            .unwrap_or_default();
        assert!(line.contains(words), "{line}");
        assert!(!line.contains("0.00") && !line.contains("0,00"), "{line}");
    }
    let plan = plan();
    let e = estimate(&plan, 2028, 2026);
    assert_eq!(e.total.share(Aspect::QuickWin), None);
    assert_eq!(e.index(), None, "the index waits for a self-assessment");

    let example = store::parse(store::EXAMPLE, Path::new("x")).unwrap().plan;
    let s = estimate(&example, 2026, 2026)
        .total
        .share(Aspect::QuickWin)
        .unwrap();
    assert_eq!((s.part as u64, s.whole as u64), (0, 4));
}
