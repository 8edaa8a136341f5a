//! Money per fiscal year: absorption and physical progress of one year,
//! weighted by allocation; spending above the pagu an error that still opens.

use jiff::civil::date;
use pantau::i18n::{ID, Lang};
use pantau::plan::edit::Edit;
use pantau::plan::model::Plan;
use pantau::plan::validate;
use pantau::report::{self, Filter, Format, Kind, Request};
use pantau::store::{self, EXAMPLE};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

/// One dimension, two programmes: a large one all but done in 2025 and half
/// done in 2026, a small one the other way round. Their plain mean and their
/// allocation-weighted figure differ, and so do the two years.
const TWO_YEARS: &str = r#"(
    version: 1,
    region: "Kabupaten Contoh",
    title: "Masterplan Smart City",
    period: (start: 2025, end: 2029),
    dimensions: [
        (id: "governance", name: "Smart Governance", lead: "Bapperida"),
    ],
    programs: [
        (
            id: "GOV-01",
            name: "Pusat data",
            dimension: "governance",
            horizon: Short,
            lead: "Dinas Kominfo SP",
            start: 2025,
            end: 2026,
            status: InProgress,
            milestones: [
                (title: "Ruang server", due: "2025-06-30", done: true),
                (title: "Migrasi aplikasi", due: "2026-03-31", done: true),
                (title: "Pemulihan bencana", due: "2026-11-30", done: false),
            ],
            budget: [
                (year: 2025, allocation: 900000000.0, spent: Some(900000000.0), source: "APBD"),
                (year: 2026, allocation: 1000000000.0, spent: Some(400000000.0), source: "APBD"),
            ],
        ),
        (
            id: "GOV-02",
            name: "Tanda tangan elektronik",
            dimension: "governance",
            horizon: Short,
            lead: "Dinas Kominfo SP",
            start: 2025,
            end: 2026,
            status: InProgress,
            milestones: [
                (title: "Kajian", due: "2025-09-30", done: false),
                (title: "Penerapan di semua OPD", due: "2026-09-30", done: true),
            ],
            budget: [
                (year: 2025, allocation: 100000000.0, spent: Some(20000000.0), source: "APBD"),
                (year: 2026, allocation: 3000000000.0, spent: Some(2700000000.0), source: "DAK"),
            ],
        ),
    ],
)
"#;

fn two_years() -> Plan {
    store::parse(TWO_YEARS, Path::new("two-years.ron"))
        .expect("the test plan parses")
        .plan
}

fn request(kind: Kind, format: Format, year: Option<i32>) -> Request {
    Request {
        kind,
        format,
        width: 80,
        year,
        filter: Filter {
            program: (kind == Kind::Program).then(|| "GOV-01".to_string()),
            ..Filter::default()
        },
        ..Request::default()
    }
}

fn render(plan: &Plan, request: &Request, lang: Lang) -> String {
    report::render(plan, request, lang, date(2026, 12, 2))
        .unwrap_or_else(|e| panic!("{request:?}: {e}"))
}

/// The goldens of this module, for `report::goldens` (which also finds the
/// files no test writes any more): the dimension report of each fiscal year
/// in both languages, and its JSON.
pub fn goldens() -> Vec<(String, String)> {
    let plan = two_years();
    let mut out = Vec::new();
    for year in [2025, 2026] {
        for (lang, l) in [(Lang::En, "en"), (Lang::Id, "id")] {
            let text = render(
                &plan,
                &request(Kind::Dimension, Format::Text, Some(year)),
                lang,
            );
            out.push((format!("money-{year}.{l}.80.txt"), text));
        }
    }
    let json = render(
        &plan,
        &request(Kind::Overview, Format::Json, Some(2026)),
        Lang::En,
    );
    out.push(("money-2026.json".to_string(), json));
    out
}

#[test]
fn a_dimension_is_weighted_by_allocation_for_the_year_asked() {
    let plan = two_years();
    let y2026 = render(
        &plan,
        &request(Kind::Dimension, Format::Text, Some(2026)),
        Lang::En,
    );
    // (50 × 1,0 M + 100 × 3,0 M) ÷ 4,0 M, not the plain mean 75; 3,1 of 4,0 M spent.
    assert!(
        y2026.contains("Fiscal year 2026: physical progress 87.50 %, budget absorbed 77.50 %"),
        "{y2026}"
    );
    let y2025 = render(
        &plan,
        &request(Kind::Dimension, Format::Text, Some(2025)),
        Lang::Id,
    );
    assert!(
        y2025.contains("Tahun anggaran 2025: realisasi fisik 90,00 %, serapan anggaran 92,00 %"),
        "{y2025}"
    );
}

#[test]
fn gov_01_reads_its_2026_absorption_not_the_years_added_up() {
    let plan = store::parse(EXAMPLE, Path::new("luwu-utara.ron"))
        .unwrap()
        .plan;
    let en = render(&plan, &request(Kind::Program, Format::Text, None), Lang::En);
    assert!(en.contains("budget absorbed 68.57 %"), "{en}");
    let id = render(
        &plan,
        &request(Kind::Program, Format::Markdown, None),
        Lang::Id,
    );
    assert!(id.contains("Tahun anggaran 2026:"), "{id}");
    assert!(id.contains("serapan anggaran 68,57 %"), "{id}");
    // 1.455 of 1.600 million over three years would read 90,94 %.
    assert!(!id.contains("90,9"), "{id}");
}

/// The example with GOV-01's 2026 spending above its pagu of 350 million.
fn overspent_example() -> String {
    let from = "(year: 2026, allocation: 350000000.0, spent: Some(240000000.0)";
    assert!(EXAMPLE.contains(from));
    EXAMPLE.replacen(
        from,
        "(year: 2026, allocation: 350000000.0, spent: Some(360000000.0)",
        1,
    )
}

fn pantau(args: &[&str]) -> (i32, String, String) {
    let home = TempDir::new().unwrap();
    let out: Output = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(args)
        .env("HOME", home.path())
        .env_remove("PANTAU_FILE")
        .env_remove("PANTAU_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn plan_file(text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn spending_above_the_pagu_fails_check_with_the_fix_yet_the_plan_opens() {
    let (_dir, path) = plan_file(&overspent_example());
    let path = path.to_str().unwrap();
    let (code, _, stderr) = pantau(&["check", path]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("error:"), "{stderr}");
    assert!(
        stderr.contains("plan.ron:") && stderr.contains("GOV-01: budget 3 (2026)"),
        "file, line, programme and budget line: {stderr}"
    );
    assert!(
        stderr.contains("APBD-P"),
        "the message says the fix: {stderr}"
    );
    let (code, _, stderr) = pantau(&["check", path, "--lang", "id"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("melebihi pagu"), "{stderr}");
    // A plan accepted yesterday opens today: the summary prints.
    let (code, stdout, stderr) = pantau(&["summary", path, "--today", "2026-12-02"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Fiscal year 2026"), "{stdout}");
}

#[test]
fn set_refuses_new_overspending_but_not_other_edits_of_such_a_plan() {
    let (_dir, path) = plan_file(&overspent_example());
    let path = path.to_str().unwrap();
    // Another field of the same programme saves: the officer is not stuck.
    let (code, _, stderr) = pantau(&["set", path, "GOV-01", "notes=Rapat 2 Desember"]);
    assert_eq!(code, 0, "{stderr}");
    // Spending above GOV-04's 2026 pagu of 500 million is refused, with the fix.
    let (code, _, stderr) = pantau(&["set", path, "GOV-04", "budget.2.spent=600000000"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("APBD-P"), "{stderr}");
    // More of it where there was some already is refused too.
    let (code, _, stderr) = pantau(&["set", path, "GOV-01", "budget.3.spent=370000000"]);
    assert_ne!(code, 0, "{stderr}");
    // The fix the message names: the raised pagu. Then check passes.
    let (code, _, stderr) = pantau(&["set", path, "GOV-01", "budget.3.allocation=400000000"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = pantau(&["check", path]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn an_edit_in_the_interface_that_overspends_is_refused_and_one_that_fixes_it_is_not() {
    let mut plan = store::parse(EXAMPLE, Path::new("x")).unwrap().plan;
    let index = plan.programs.iter().position(|p| p.id == "GOV-01").unwrap();
    let mut after = plan.programs[index].clone();
    after.budget[2].spent = Some(360_000_000.0);
    let edit = Edit::replace(&plan, index, after).unwrap();
    assert!(edit.apply(&mut plan));
    let problems = validate::validate_edit(&plan, &edit);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message(&ID).contains("APBD-P"));
    // Raising the pagu afterwards is an edit like any other.
    let mut fixed = plan.programs[index].clone();
    fixed.budget[2].allocation = 400_000_000.0;
    let edit = Edit::replace(&plan, index, fixed).unwrap();
    assert!(edit.apply(&mut plan));
    assert!(validate::validate_edit(&plan, &edit).is_empty());
}

#[test]
fn check_warns_of_a_milestone_outside_its_programmes_years_with_the_fix() {
    let from = r#"(title: "Integrasi layanan administrasi kependudukan", due: "2026-11-16""#;
    assert!(EXAMPLE.contains(from));
    let text = EXAMPLE.replacen(
        from,
        r#"(title: "Integrasi layanan administrasi kependudukan", due: "2028-11-16""#,
        1,
    );
    let (_dir, path) = plan_file(&text);
    let (code, _, stderr) = pantau(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "a warning does not fail check: {stderr}");
    assert!(
        stderr.contains("warning:")
            && stderr.contains("GOV-01: milestone 4")
            && stderr.contains("outside the programme's years 2022–2027")
            && stderr.contains("move its date"),
        "{stderr}"
    );
}

#[test]
fn the_example_passes_check_without_a_warning() {
    let (_dir, path) = plan_file(EXAMPLE);
    let (code, stdout, stderr) = pantau(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("valid"), "{stdout}");
    assert_eq!(stderr, "", "no warning and no error");
}

#[test]
fn a_tally_of_many_programmes_weighs_them_by_allocation_and_takes_each_back_exactly() {
    use pantau::plan::model::Budget;
    use pantau::plan::progress::{Tally, absorption_in, physical_in, year_budget};
    let mut plan = crate::generator::generate(400, 21);
    for (i, p) in plan.programs.iter_mut().enumerate() {
        // Odd rupiah, some spending not reported yet, some years without a line.
        let allocation = 1_000_000.0 * ((i % 97) as f64 + 0.333);
        p.budget = [2025, 2026]
            .into_iter()
            .filter(|y| !(i + *y as usize).is_multiple_of(4))
            .map(|year| Budget {
                year,
                allocation,
                spent: (i % 3 != 0).then(|| (allocation * (i % 11) as f64 / 11.0).round()),
                source: String::new(),
            })
            .collect();
    }
    for year in [2025, 2026] {
        let mut tally = Tally::new(year);
        for p in &plan.programs {
            tally.add(p);
        }
        let (mut weighted, mut pagu, mut spent, mut reported) = (0.0, 0.0, 0.0, 0.0);
        for p in &plan.programs {
            let Some(money) = year_budget(p, year) else {
                continue;
            };
            if let Some(f) = physical_in(p, year) {
                weighted += f * money.allocated as f64;
                pagu += money.allocated as f64;
            }
            if absorption_in(p, year).is_some() || money.spent.is_some() {
                spent += money.spent.unwrap_or(0) as f64;
                reported += money.allocated as f64;
            }
        }
        assert!(pagu > 0.0 && reported > 0.0, "the test has money in {year}");
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 0.01);
        assert!(close(tally.physical(), weighted / pagu), "{year}");
        assert!(
            close(tally.absorption(), spent / reported * 100.0),
            "{year}"
        );
        // Taken back in another order, one by one, to nothing at all.
        for p in plan.programs.iter().rev() {
            tally.remove(p);
        }
        assert_eq!(tally, Tally::new(year));
    }
}
