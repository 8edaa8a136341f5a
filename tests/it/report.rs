//! `pantau report`: golden files for every kind × format × language (text at
//! widths 80 and 60), the CSV, JSON and Markdown read back with real parsers,
//! overdue and upcoming checked against an independent computation over
//! generated plans, widths, hostile data, and the command line.
//!
//! The golden files are insta snapshots in `tests/golden/` (`common::golden`):
//! `cargo insta review` after a change.

use crate::common::golden;
use jiff::civil::{Date, date};
use pantau::i18n::Lang;
use pantau::plan::model::{
    Bands, Dimension, Direction, Horizon, Milestone, Period, Plan, Program, Status, Target,
};
use pantau::report::{self, Filter, Format, Kind, Request};
use pantau::store::{self, EXAMPLE};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

const KINDS: [Kind; 11] = [
    Kind::Overview,
    Kind::Dimension,
    Kind::Program,
    Kind::Timeline,
    Kind::Overdue,
    Kind::Upcoming,
    Kind::Targets,
    Kind::Evaluation,
    Kind::Quarter,
    Kind::Alignment,
    Kind::FollowUps,
];
const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Csv, Format::Json];
const LANGS: [Lang; 2] = [Lang::En, Lang::Id];

fn today() -> Date {
    date(2026, 12, 2)
}

fn example() -> Plan {
    store::parse(EXAMPLE, Path::new("x")).unwrap().plan
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Overview => "overview",
        Kind::Dimension => "dimension",
        Kind::Program => "program",
        Kind::Timeline => "timeline",
        Kind::Overdue => "overdue",
        Kind::Upcoming => "upcoming",
        Kind::Targets => "targets",
        Kind::Evaluation => "evaluation",
        Kind::Quarter => "quarter",
        Kind::Alignment => "alignment",
        Kind::FollowUps => "followups",
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Id => "id",
    }
}

/// A request for `kind` in `format`; the program kind reports GOV-01.
fn request(kind: Kind, format: Format, width: usize) -> Request {
    Request {
        kind,
        format,
        width,
        filter: Filter {
            program: (kind == Kind::Program).then(|| "GOV-01".to_string()),
            ..Filter::default()
        },
        ..Request::default()
    }
}

fn render(plan: &Plan, request: &Request, lang: Lang) -> String {
    report::render(plan, request, lang, today()).unwrap_or_else(|e| panic!("{request:?}: {e}"))
}

// ---------------------------------------------------------------- golden files

/// Every golden file: name and contents.
fn goldens() -> Vec<(String, String)> {
    let plan = example();
    let mut out = Vec::new();
    for kind in KINDS {
        let k = kind_name(kind);
        for lang in LANGS {
            let l = lang_name(lang);
            for width in [80, 60] {
                let text = render(&plan, &request(kind, Format::Text, width), lang);
                out.push((format!("{k}.{l}.{width}.txt"), text));
            }
            // Markdown and CSV do not depend on the width, except the timeline's chart.
            let md = render(&plan, &request(kind, Format::Markdown, 80), lang);
            out.push((format!("{k}.{l}.md"), md));
            if kind == Kind::Timeline {
                let md = render(&plan, &request(kind, Format::Markdown, 60), lang);
                out.push((format!("{k}.{l}.60.md"), md));
            }
            let csv = render(&plan, &request(kind, Format::Csv, 80), lang);
            out.push((format!("{k}.{l}.csv"), csv));
        }
        // JSON is the same in every language: one file.
        let json = render(&plan, &request(kind, Format::Json, 80), Lang::En);
        let id = render(&plan, &request(kind, Format::Json, 80), Lang::Id);
        assert_eq!(json, id, "JSON does not depend on the language");
        out.push((format!("{k}.json"), json));
    }
    // The chat messages for an agency heads' group, in both languages.
    for kind in [Kind::Overview, Kind::Overdue, Kind::FollowUps] {
        for lang in LANGS {
            let chat = render(&plan, &request(kind, Format::WhatsApp, 80), lang);
            let name = format!("{}.{}.whatsapp", kind_name(kind), lang_name(lang));
            out.push((name, chat));
        }
    }
    // The summary for the regent as the printed letter, in both languages.
    for lang in LANGS {
        let html = render(&plan, &request(Kind::Overview, Format::Html, 80), lang);
        out.push((format!("overview.{}.html", lang_name(lang)), html));
    }
    // Filters, ASCII, pages and the Indonesian spreadsheet separator.
    let variants: [(&str, Request, Lang); 4] = [
        (
            "dimension-filtered.en.80.txt",
            Request {
                filter: Filter {
                    dimension: Some("Smart Branding".into()),
                    status: Some(Status::Delayed),
                    ..Filter::default()
                },
                ..request(Kind::Dimension, Format::Text, 80)
            },
            Lang::En,
        ),
        (
            "overdue-ascii.id.60.txt",
            Request {
                ascii: true,
                ..request(Kind::Overdue, Format::Text, 60)
            },
            Lang::Id,
        ),
        (
            "targets-pages.en.80.txt",
            Request {
                pages: Some(24),
                filter: Filter {
                    query: "kominfo".into(),
                    ..Filter::default()
                },
                ..request(Kind::Targets, Format::Text, 80)
            },
            Lang::En,
        ),
        (
            "targets-semicolon.id.csv",
            Request {
                sep: ';',
                ..request(Kind::Targets, Format::Csv, 80)
            },
            Lang::Id,
        ),
    ];
    for (name, request, lang) in variants {
        out.push((name.to_string(), render(&plan, &request, lang)));
    }
    out.extend(crate::money::goldens());
    // The achievement rules, each case once, in both regimes' names.
    for (bands, lang) in [(Bands::Rkpd, Lang::Id), (Bands::Lkjip, Lang::En)] {
        let plan = achievement_rules(bands);
        let l = lang_name(lang);
        for format in [Format::Text, Format::Markdown, Format::Csv] {
            let text = render(&plan, &request(Kind::Targets, format, 80), lang);
            let ext = match format {
                Format::Text => "80.txt",
                Format::Markdown => "md",
                _ => "csv",
            };
            out.push((format!("targets-rules.{l}.{ext}"), text));
        }
    }
    let json = render(
        &achievement_rules(Bands::Lkjip),
        &request(Kind::Targets, Format::Json, 80),
        Lang::En,
    );
    out.push(("targets-rules.json".to_string(), json));
    out
}

/// The example with GOV-01's targets replaced by one of each achievement
/// rule (docs/FORMAT.md, "Achievement") and every other target removed.
fn achievement_rules(bands: Bands) -> Plan {
    let mut plan = example();
    plan.bands = bands;
    for p in &mut plan.programs {
        p.targets.clear();
    }
    let rule = |indicator: &str, direction, target, upper, actual| Target {
        year: 2025,
        indicator: indicator.into(),
        unit: "%".into(),
        target,
        upper,
        actual: Some(actual),
        direction,
        ..Target::default()
    };
    use Direction::{Higher, Lower, Range};
    plan.programs[0].targets = vec![
        rule(
            "higher, range, above: 92 / 90",
            Higher,
            80.0,
            Some(90.0),
            92.0,
        ),
        rule(
            "higher, range, below: 72 / 80",
            Higher,
            80.0,
            Some(90.0),
            72.0,
        ),
        rule("higher, range, inside", Higher, 80.0, Some(90.0), 85.0),
        rule(
            "lower, range, below: 2 - 6.5 / 7",
            Lower,
            7.0,
            Some(8.0),
            6.5,
        ),
        rule("lower, range, above: 2 - 9 / 8", Lower, 7.0, Some(8.0), 9.0),
        rule("lower, range, inside", Lower, 7.0, Some(8.0), 7.5),
        rule("within a range only, above", Range, 60.0, Some(80.0), 88.0),
        rule("no cap: 125 / 100", Higher, 100.0, None, 125.0),
        rule("below zero: 2 - 30 / 10", Lower, 10.0, None, 30.0),
        rule("two decimals: 12.66 against 12.5", Lower, 12.5, None, 12.66),
        rule("band on two decimals: 90.004", Higher, 100.0, None, 90.004),
        rule("target 0, higher, reached", Higher, 0.0, None, 25.0),
        rule("target 0, lower, none", Lower, 0.0, None, 0.0),
        rule("target 0, lower, some", Lower, 0.0, None, 3.0),
    ];
    plan
}

#[test]
fn golden_files_match() {
    let all = goldens();
    // Each golden on its own, so that one run leaves every changed one for
    // `cargo insta review`, not only the first.
    let failed: Vec<&str> = all
        .iter()
        .filter(|(name, text)| {
            std::panic::catch_unwind(|| golden::assert_golden(name, text)).is_err()
        })
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        failed.is_empty(),
        "{} golden file(s) in tests/golden differ: {}; review them with \
         `cargo insta review` (or accept them all with `INSTA_UPDATE=always`)",
        failed.len(),
        failed.join(", ")
    );
    // Files no test writes any more (`rollup*` are tests/it/rollup.rs's,
    // `estimate*` tests/it/estimate.rs's).
    let ours: BTreeSet<String> = all
        .iter()
        .flat_map(|(name, text)| golden::files_of(name, text))
        .collect();
    let stale: Vec<String> = std::fs::read_dir(golden::dir())
        .into_iter()
        .flatten()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("rollup") && !name.starts_with("estimate"))
        .filter(|name| !name.contains(".snap.new"))
        .filter(|name| !ours.contains(name))
        .collect();
    assert!(
        stale.is_empty(),
        "no test writes these golden files any more; delete them: {stale:?}"
    );
}

#[test]
fn every_kind_and_format_has_a_golden_file_in_both_languages() {
    let names: BTreeSet<String> = goldens().into_iter().map(|(n, _)| n).collect();
    for kind in KINDS {
        let k = kind_name(kind);
        for l in ["en", "id"] {
            for suffix in ["80.txt", "60.txt", "md", "csv"] {
                assert!(
                    names.contains(&format!("{k}.{l}.{suffix}")),
                    "{k}.{l}.{suffix}"
                );
            }
        }
        assert!(names.contains(&format!("{k}.json")));
    }
}

// ---------------------------------------------------------------- text

#[test]
fn the_overview_is_the_summary() {
    let plan = example();
    for lang in LANGS {
        for width in [40, 72, 80, 132] {
            let options = pantau::report::overview::Options {
                width,
                today: today(),
                lang,
                ascii: false,
                dimension: None,
                days: 30,
            };
            assert_eq!(
                render(&plan, &request(Kind::Overview, Format::Text, width), lang),
                pantau::report::summary(&plan, &options)
            );
        }
    }
}

#[test]
fn text_reports_have_a_heading_per_dimension() {
    let plan = example();
    for kind in [Kind::Dimension, Kind::Timeline] {
        let text = render(&plan, &request(kind, Format::Text, 80), Lang::En);
        for d in &plan.dimensions {
            let at = text
                .lines()
                .position(|l| l.starts_with(&d.name))
                .unwrap_or_else(|| panic!("{:?}: no heading {}", kind, d.name));
            let rule = text.lines().nth(at + 1).unwrap();
            assert!(
                rule.starts_with('─'),
                "{kind:?}: heading underlined: {rule}"
            );
        }
    }
}

#[test]
fn pages_break_with_a_form_feed_and_repeat_the_header() {
    let plan = example();
    let page = 30;
    let text = render(
        &plan,
        &Request {
            pages: Some(page),
            ..request(Kind::Dimension, Format::Text, 80)
        },
        Lang::En,
    );
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() > 2, "{} pages", pages.len());
    let header: Vec<&str> = pages[0].lines().take(4).collect();
    for p in &pages {
        assert!(
            p.lines().count() <= page,
            "page of {} lines:\n{p}",
            p.lines().count()
        );
        let top: Vec<&str> = p.lines().take(4).collect();
        assert_eq!(top, header, "header repeated");
        let last = p.lines().last().unwrap();
        assert!(
            !last.starts_with("Smart "),
            "no heading at the foot of a page:\n{p}"
        );
    }
    // Every line of the unpaged report is still there, in order.
    let plain = render(&plan, &request(Kind::Dimension, Format::Text, 80), Lang::En);
    let paged_body: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.lines().skip(4))
        .filter(|l| !l.is_empty())
        .collect();
    let plain_body: Vec<&str> = plain.lines().skip(4).filter(|l| !l.is_empty()).collect();
    assert_eq!(paged_body, plain_body);
    let too_small = report::render(
        &plan,
        &Request {
            pages: Some(5),
            ..request(Kind::Dimension, Format::Text, 80)
        },
        Lang::En,
        today(),
    );
    assert!(matches!(too_small, Err(report::ReportError::Pages { .. })));
}

#[test]
fn targets_carry_the_achievement_band() {
    let plan = example();
    let text = render(&plan, &request(Kind::Targets, Format::Text, 80), Lang::Id);
    // GOV-04's 2024 target: 45 of 75 is 60,00 %, Rendah (51–65 %) in the
    // example's RKPD names; at 80 columns the band may take a line of its own.
    let at = text
        .lines()
        .position(|l| l.contains("GOV-04") && l.contains("2024"))
        .unwrap();
    let figures: Vec<&str> = text.lines().skip(at + 1).take(2).collect();
    let figures = figures.join("\n");
    assert!(
        figures.contains("60,00 %") && figures.contains("Rendah"),
        "{figures}"
    );
    // A decimal comma in Indonesian.
    assert!(text.contains("12,66"), "{text}");
}

#[test]
fn filters_narrow_every_kind() {
    let plan = example();
    let only = |filter: Filter| Request {
        filter,
        ..request(Kind::Dimension, Format::Csv, 80)
    };
    let rows = |request: &Request| render(&plan, request, Lang::En).lines().count() - 1;
    let all = rows(&only(Filter::default()));
    assert_eq!(all, plan.programs.len());
    let status = only(Filter {
        status: Some(Status::Done),
        ..Filter::default()
    });
    let done = plan
        .programs
        .iter()
        .filter(|p| p.status == Status::Done)
        .count();
    assert_eq!(rows(&status), done);
    let horizon = only(Filter {
        horizon: Some(Horizon::QuickWin),
        dimension: Some("branding".into()),
        ..Filter::default()
    });
    let expect = plan
        .programs
        .iter()
        .filter(|p| p.horizon == Horizon::QuickWin && p.dimension == "branding")
        .count();
    assert_eq!(rows(&horizon), expect);
    // The free-text filter is the interface's: id, name or lead, any case.
    let query = only(Filter {
        query: "  KOMINFO ".into(),
        ..Filter::default()
    });
    let expect = plan
        .programs
        .iter()
        .filter(|p| {
            [&p.id, &p.name, &p.lead]
                .iter()
                .any(|s| s.to_lowercase().contains("kominfo"))
        })
        .count();
    assert!(expect > 0);
    assert_eq!(rows(&query), expect);
    let unknown = report::render(
        &plan,
        &only(Filter {
            dimension: Some("health".into()),
            ..Filter::default()
        }),
        Lang::En,
        today(),
    )
    .unwrap_err();
    assert!(
        unknown.message(Lang::En).contains("governance, branding"),
        "{unknown}"
    );
}

// ---------------------------------------------------------------- CSV

fn read_csv(text: &str, sep: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_reads_back_with_a_csv_parser() {
    let plan = example();
    let overdue = |p: &Program| {
        p.milestones
            .iter()
            .filter(|m| !m.done && !p.status.is_closed() && m.due.as_str() < "2026-12-02")
            .count()
    };
    // Due from today to 30 days ahead (2027-01-01).
    let upcoming = |p: &Program| {
        p.milestones
            .iter()
            .filter(|m| {
                !m.done
                    && !p.status.is_closed()
                    && ("2026-12-02"..="2027-01-01").contains(&m.due.as_str())
            })
            .count()
    };
    let targets: usize = plan.programs.iter().map(|p| p.targets.len()).sum();
    for kind in KINDS {
        for lang in LANGS {
            for sep in [',', ';', '\t'] {
                let text = render(
                    &plan,
                    &Request {
                        sep,
                        ..request(kind, Format::Csv, 80)
                    },
                    lang,
                );
                assert!(text.ends_with("\r\n"), "records end in CRLF");
                let (header, rows) = read_csv(&text, sep as u8);
                for row in &rows {
                    assert_eq!(row.len(), header.len(), "{kind:?}: {row:?}");
                }
                let expected = match kind {
                    Kind::Program => 1,
                    Kind::Overdue => plan.programs.iter().map(overdue).sum(),
                    Kind::Upcoming => plan.programs.iter().map(upcoming).sum(),
                    Kind::Targets => targets,
                    // The aspects and the index, each dimension's aspects,
                    // and each official result beside its estimate.
                    Kind::Evaluation => {
                        6 + 5 * plan.dimensions.len() + 2 * plan.evaluation.results.len()
                    }
                    // An agency's row, its programmes of the year with
                    // their sub-activities, and the total.
                    Kind::Quarter => {
                        let year: Vec<_> = plan
                            .programs
                            .iter()
                            .filter(|p| pantau::plan::fiscal::in_year(p, 2026))
                            .collect();
                        let agencies: std::collections::HashSet<&str> =
                            year.iter().map(|p| p.lead.as_str()).collect();
                        let subs: usize = year.iter().map(|p| p.subactivities.len()).sum();
                        agencies.len() + year.len() + subs + 1
                    }
                    // The plan's own and every programme's.
                    Kind::FollowUps => {
                        plan.followups.len()
                            + plan
                                .programs
                                .iter()
                                .map(|p| p.followups.len())
                                .sum::<usize>()
                    }
                    _ => plan.programs.len(),
                };
                assert_eq!(rows.len(), expected, "{kind:?} {sep:?}");
            }
        }
    }
    // Semicolons for the Indonesian locale: numbers with a decimal comma.
    let text = render(
        &plan,
        &Request {
            sep: ';',
            ..request(Kind::Targets, Format::Csv, 80)
        },
        Lang::Id,
    );
    let (header, rows) = read_csv(&text, b';');
    let actual = header.iter().position(|h| h == "Realisasi").unwrap();
    assert!(rows.iter().any(|r| r[actual] == "12,66"), "decimal comma");
}

/// A plan whose strings try to be formulas, break tables and take over a terminal.
fn hostile() -> Plan {
    let mut plan = example();
    let p = &mut plan.programs[0];
    p.name = "Super \u{1b}]0;x\u{7} App \u{202e}evil | *bold* [link](x) <b>".into();
    p.lead = "=HYPERLINK(\"http://x\",\"klik\")".into();
    p.notes = "+62 812 0000".into();
    p.description = "line one\nline two; with, separators \"quoted\"".into();
    p.support = vec!["@SUM(A1:A9)".into(), "-1+1".into()];
    p.targets[0].unit = "-12.5".into();
    p.targets[0].indicator = "\tTab first".into();
    // GOV-04's fourth milestone is overdue on today(), so it is in the overdue report.
    plan.programs[3].milestones[3].title = "-x\u{9b}31m \u{7f}".into();
    plan.title = "\u{1b}[31mRed \u{202e}title".into();
    plan
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let plan = hostile();
    for kind in [Kind::Dimension, Kind::Overdue, Kind::Targets] {
        let text = render(
            &plan,
            &Request {
                sep: ';',
                ..request(kind, Format::Csv, 80)
            },
            Lang::En,
        );
        let (header, rows) = read_csv(&text, b';');
        for row in &rows {
            assert_eq!(row.len(), header.len());
            for cell in row {
                let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
                    || (cell.starts_with('-') && cell.parse::<f64>().is_err());
                assert!(!risky, "{kind:?}: formula cell {cell:?}");
            }
        }
        let all: Vec<&String> = rows.iter().flatten().collect();
        match kind {
            Kind::Dimension => {
                assert!(all.iter().any(|c| c.starts_with("'=HYPERLINK")));
                assert!(all.iter().any(|c| *c == "'+62 812 0000"));
                assert!(all.iter().any(|c| *c == "'@SUM(A1:A9), -1+1"));
                assert!(
                    all.iter().any(|c| c.contains("line one\nline two")),
                    "line breaks kept inside a cell"
                );
            }
            Kind::Overdue => assert!(all.iter().any(|c| c.starts_with("'-x\\u{9b}"))),
            Kind::Targets => {
                assert!(all.iter().any(|c| *c == "-12.5"), "a number is left alone");
                assert!(
                    all.iter().any(|c| *c == "\\u{9}Tab first"),
                    "tab shown escaped"
                );
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_round_trips_the_plan() {
    let plan = example();
    let text = render(&plan, &request(Kind::Overview, Format::Json, 80), Lang::En);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "pantau-report");
    assert_eq!(value["kind"], "overview");
    assert_eq!(value["today"], "2026-12-02");
    let head = &value["plan"];
    let rebuilt = serde_json::json!({
        "version": head["version"],
        "region": head["region"],
        "code": head["code"],
        "province": head["province"],
        "title": head["title"],
        "vision": head["vision"],
        "period": head["period"],
        "bands": head["bands"],
        "dimensions": value["dimensions"],
        "programs": value["programs"],
        "evaluation": head["evaluation"],
        "followups": head["followups"],
    });
    let back: Plan = serde_json::from_value(rebuilt).unwrap();
    assert!(!plan.evaluation.is_empty(), "the example has an evaluation");
    assert_eq!(back, plan, "the whole plan comes back, evaluation included");
    assert_eq!(value["tally"]["total"]["programs"], 36);
    assert_eq!(value["overdue"].as_array().unwrap().len(), 11);
    // The fields come in a fixed order.
    let keys: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  \""))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "format",
            "version",
            "kind",
            "today",
            "filter",
            "plan",
            "dimensions",
            "tally",
            "programs",
            "overdue",
            "upcoming",
            "targets",
            "questions"
        ]
    );
    // The three questions, machine-readably, as the summary words them:
    // 15 of 34 programmes with a use indicator, mean 92.24 %.
    let q = &value["questions"];
    assert_eq!(q["year"], 2026);
    assert_eq!(q["total"]["use"]["programs"], 15);
    assert_eq!(q["total"]["use"]["mean_achievement"], 92.24);
    assert_eq!(q["total"]["quality"]["met"], 1);
    assert_eq!(q["total"]["impact"]["measured"], 1);
    assert_eq!(q["unanswered"].as_array().unwrap().len(), 34);
    assert_eq!(q["dimensions"][0]["dimension"], "governance");
    // Targets carry the achievement and band.
    let targets = render(&plan, &request(Kind::Targets, Format::Json, 80), Lang::En);
    let value: serde_json::Value = serde_json::from_str(&targets).unwrap();
    let gov04 = value["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["program"] == "GOV-04" && t["year"] == 2024)
        .unwrap();
    assert_eq!(gov04["achievement"], 60.0, "two decimals, as a number");
    assert_eq!(gov04["band"], "kurang");
}

#[test]
fn json_of_a_hostile_plan_decodes_to_the_same_text() {
    let plan = hostile();
    let text = render(&plan, &request(Kind::Dimension, Format::Json, 80), Lang::En);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let programs: Vec<Program> = serde_json::from_value(value["programs"].clone()).unwrap();
    assert_eq!(programs[0], plan.programs[0]);
    assert!(text.contains("\\u202e") && text.contains("\\u001b") && text.contains("\\u009b"));
}

// ---------------------------------------------------------------- Markdown

/// Each table's rows' cell counts, header first.
fn markdown_tables(text: &str) -> Vec<Vec<usize>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut tables = Vec::new();
    let mut cells = 0;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                tables.last_mut().unwrap().push(cells);
            }
            _ => {}
        }
    }
    tables
}

#[test]
fn markdown_reads_back_with_a_markdown_parser() {
    for plan in [example(), hostile()] {
        for kind in KINDS {
            for lang in LANGS {
                let text = render(&plan, &request(kind, Format::Markdown, 80), lang);
                let tables = markdown_tables(&text);
                if kind == Kind::Timeline {
                    assert!(text.contains("```text\n"), "the chart is a code block");
                    continue;
                }
                assert!(!tables.is_empty(), "{kind:?}: tables found");
                for table in &tables {
                    let header = table[0];
                    assert!(header >= 2);
                    assert!(table.len() >= 2, "{kind:?}: a table with rows");
                    for row in table {
                        assert_eq!(*row, header, "{kind:?}: cells per row as in the header");
                    }
                }
            }
        }
    }
    // Headings: the plan's title, the report's, a dimension's.
    let text = render(
        &example(),
        &request(Kind::Overdue, Format::Markdown, 80),
        Lang::En,
    );
    assert!(text.starts_with("# Masterplan BISA Smart City\n"));
    assert!(text.contains("\n## Overdue milestones (11)\n"));
    assert!(text.contains("\n### Smart Governance · Bapperida\n"));
}

// ---------------------------------------------------------------- safety

#[test]
fn bare_urls_and_e_mail_addresses_in_markdown_stay_text() {
    let mut plan = example();
    let p = &mut plan.programs[0];
    p.name = "Portal https://evil.example/x www.evil.example lapor@evil.example".into();
    p.lead = "WWW.Evil.example, http://x.y".into();
    for kind in [Kind::Overview, Kind::Dimension, Kind::Program] {
        let mut request = request(kind, Format::Markdown, 80);
        request.filter.program = Some(plan.programs[0].id.clone());
        let text = render(&plan, &request, Lang::En);
        // What GitHub's renderer would link, each broken by an escape.
        for bare in ["https://", "http://", "www.", "WWW.", "lapor@"] {
            assert!(!text.contains(bare), "{kind:?}: {bare} in\n{text}");
        }
        if kind == Kind::Program {
            assert!(text.contains("https\\://evil.example/x"), "{text}");
            assert!(text.contains("lapor\\@evil.example"), "{text}");
        }
    }
}

#[test]
fn a_hostile_plan_never_puts_control_characters_in_any_format() {
    let plan = hostile();
    for kind in KINDS {
        for format in FORMATS {
            for lang in LANGS {
                for ascii in [false, true] {
                    let request = Request {
                        ascii,
                        ..request(kind, format, 60)
                    };
                    let out = render(&plan, &request, lang);
                    let bad = out.chars().find(|&c| {
                        let allowed = c == '\n' || (c == '\r' && format == Format::Csv);
                        (c.is_control() && !allowed) || pantau::text::is_bidi_control(c)
                    });
                    assert_eq!(bad, None, "{kind:?} {format:?} {lang:?}");
                    if format == Format::Text {
                        for line in out.lines() {
                            assert!(line.width() <= 60, "{kind:?}: {line:?}");
                        }
                    }
                    if ascii && matches!(format, Format::Text | Format::Markdown) {
                        assert!(out.is_ascii(), "{kind:?} {format:?}: ASCII only:\n{out}");
                    }
                }
            }
        }
    }
    let text = render(
        &plan,
        &request(Kind::Dimension, Format::Text, 200),
        Lang::En,
    );
    assert!(text.contains("\\u{1b}]0;x\\u{7}"), "shown escaped:\n{text}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn text_lines_fit_any_width(
        width in 40usize..200,
        kind in 0usize..7,
        id in any::<bool>(),
        ascii in any::<bool>(),
        hostile_plan in any::<bool>(),
    ) {
        let plan = if hostile_plan { hostile() } else { example() };
        let lang = if id { Lang::Id } else { Lang::En };
        let request = Request { ascii, ..request(KINDS[kind], Format::Text, width) };
        let out = render(&plan, &request, lang);
        for line in out.lines() {
            prop_assert!(line.width() <= width, "{} > {width}: {line:?}", line.width());
        }
    }
}

// ---------------------------------------------------------------- overdue and upcoming

fn plan_strategy() -> impl Strategy<Value = (Plan, Date, i32)> {
    let status = prop::sample::select(Status::ALL.to_vec());
    let milestone = (0i64..730, any::<bool>());
    let program = (0usize..3, status, prop::collection::vec(milestone, 0..5));
    (prop::collection::vec(program, 0..14), 0i64..730, 0i32..90).prop_map(
        |(programs, today, days)| {
            let base = date(2023, 1, 1);
            let day = |n: i64| base.checked_add(jiff::Span::new().days(n)).unwrap();
            let dimensions = (0..3)
                .map(|i| Dimension {
                    id: format!("d{i}"),
                    name: format!("Dimension {i}"),
                    lead: String::new(),
                    elements: vec![],
                })
                .collect();
            let programs = programs
                .into_iter()
                .enumerate()
                .map(|(i, (d, status, milestones))| Program {
                    id: format!("P{i:02}"),
                    name: format!("Program {i}"),
                    description: String::new(),
                    dimension: format!("d{d}"),
                    element: String::new(),
                    rpjmd: None,
                    renstra: None,
                    horizon: Horizon::Short,
                    lead: String::new(),
                    support: vec![],
                    funding: vec![],
                    start: 2023,
                    end: 2024,
                    status,
                    milestones: milestones
                        .into_iter()
                        .enumerate()
                        .map(|(m, (offset, done))| Milestone {
                            title: format!("m{m}"),
                            due: day(offset).to_string(),
                            done,
                            weight: None,
                        })
                        .collect(),
                    targets: vec![Target {
                        year: 2023,
                        indicator: "x".into(),
                        unit: String::new(),
                        baseline: None,
                        target: 1.0,
                        actual: None,
                        ..Target::default()
                    }],
                    budget: vec![],
                    evidence: vec![],
                    periods: vec![],
                    budget_changes: vec![],
                    subactivities: vec![],
                    followups: vec![],
                    notes: String::new(),
                })
                .collect();
            let plan = Plan {
                version: 1,
                region: "R".into(),
                code: String::new(),
                province: String::new(),
                title: "T".into(),
                vision: String::new(),
                period: Period {
                    start: 2022,
                    end: 2026,
                },
                bands: Default::default(),
                dimensions,
                programs,
                followups: vec![],
                evaluation: Default::default(),
            };
            (plan, day(today), days)
        },
    )
}

/// (program, milestone number, due) as the JSON report lists them.
fn listed(plan: &Plan, kind: Kind, today: Date, days: i32) -> Vec<(String, u64, String)> {
    let request = Request {
        days,
        ..request(kind, Format::Json, 80)
    };
    let text = report::render(plan, &request, Lang::En, today).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let key = if kind == Kind::Overdue {
        "overdue"
    } else {
        "upcoming"
    };
    let mut out: Vec<(String, u64, String)> = value[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["program"].as_str().unwrap().to_string(),
                m["milestone"].as_u64().unwrap(),
                m["due"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn overdue_and_upcoming_match_an_independent_computation((plan, today, days) in plan_strategy()) {
        // Written from the definitions, on ISO date strings (which sort as dates).
        let today_s = today.to_string();
        let last_s = today.checked_add(jiff::Span::new().days(days)).unwrap().to_string();
        let open = |p: &Program| p.status != Status::Done && p.status != Status::Cancelled;
        let mut overdue = Vec::new();
        let mut upcoming = Vec::new();
        for p in &plan.programs {
            for (i, m) in p.milestones.iter().enumerate() {
                if m.done || !open(p) {
                    continue;
                }
                let entry = (p.id.clone(), i as u64 + 1, m.due.clone());
                if m.due < today_s {
                    overdue.push(entry);
                } else if m.due <= last_s {
                    upcoming.push(entry);
                }
            }
        }
        overdue.sort();
        upcoming.sort();
        prop_assert_eq!(listed(&plan, Kind::Overdue, today, days), overdue);
        prop_assert_eq!(listed(&plan, Kind::Upcoming, today, days), upcoming);
    }
}

// ---------------------------------------------------------------- the command line

fn pantau(args: &[&str]) -> (i32, String, String) {
    let home = TempDir::new().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(args)
        .env("HOME", home.path())
        .env_remove("PANTAU_FILE")
        .env_remove("XDG_DATA_HOME")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn plan_file() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    (dir, path)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn cli_report_prints_what_the_library_renders() {
    let (_d, path) = plan_file();
    let plan = example();
    let (code, stdout, stderr) = pantau(&[
        "report",
        s(&path),
        "--kind",
        "targets",
        "--format",
        "csv",
        "--sep",
        ";",
        "--lang",
        "id",
        "--today",
        "2026-12-02",
        "--status",
        "berjalan",
        "--horizon",
        "Jangka Panjang",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let request = Request {
        sep: ';',
        filter: Filter {
            status: Some(Status::InProgress),
            horizon: Some(Horizon::Long),
            ..Filter::default()
        },
        ..request(Kind::Targets, Format::Csv, 80)
    };
    assert_eq!(stdout, render(&plan, &request, Lang::Id));
}

#[test]
fn cli_summary_is_the_short_form_of_the_overview() {
    let (_d, path) = plan_file();
    for extra in [
        &[][..],
        &["--width", "60", "--lang", "id"][..],
        &["--ascii", "--dimension", "economy"][..],
    ] {
        let mut summary = vec!["summary", s(&path), "--today", "2026-12-02"];
        summary.extend(extra);
        let mut report = vec![
            "report",
            s(&path),
            "--today",
            "2026-12-02",
            "--kind",
            "overview",
        ];
        report.extend(extra);
        let (a, b) = (pantau(&summary), pantau(&report));
        assert_eq!(a.0, 0);
        assert_eq!(a.1, b.1, "{extra:?}");
    }
}

#[test]
fn cli_output_writes_the_file_and_nothing_to_stdout() {
    let (dir, path) = plan_file();
    let out = dir.path().join("overdue.md");
    let (code, stdout, stderr) = pantau(&[
        "report",
        s(&path),
        "--kind",
        "overdue",
        "--format",
        "markdown",
        "--today",
        "2026-12-02",
        "--output",
        s(&out),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    let (_, printed, _) = pantau(&[
        "report",
        s(&path),
        "--kind",
        "overdue",
        "--format",
        "markdown",
        "--today",
        "2026-12-02",
    ]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), printed);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Never over the plan itself.
    let (code, _, stderr) = pantau(&["report", s(&path), "--output", s(&path)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("is the plan or one of pantau's own files"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), EXAMPLE);
    // Nor over the files beside it, even with --force and by another way there.
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let beside = |side: String| dir.path().join(side);
    std::fs::create_dir(beside(format!("{name}.journal"))).unwrap();
    for own in [
        beside(format!("{name}.log")),
        beside(format!("{name}.bak")),
        beside(format!(".{name}.lock")),
        beside(format!("{name}.journal/tester")),
        dir.path().join(".").join(format!("{name}.log")),
    ] {
        std::fs::write(&own, "kept").unwrap();
        let (code, _, stderr) = pantau(&["report", s(&path), "-o", s(&own), "--force"]);
        assert_eq!(code, 2, "{}: {stderr}", own.display());
        assert!(stderr.contains("one of pantau's own files"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&own).unwrap(), "kept");
    }
    // A report named after the plan is the officer's own file.
    let html = beside(format!("{name}.html"));
    let (code, _, stderr) = pantau(&["report", s(&path), "-o", s(&html)]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn cli_bad_input_exits_2_and_says_what_is_valid() {
    let (_d, path) = plan_file();
    let p = s(&path);
    let cases: [(&[&str], &[&str]); 11] = [
        (
            &["--status", "Finished"],
            &[
                "unknown status `Finished`",
                "NotStarted, InProgress",
                "In progress",
            ],
        ),
        (
            &["--horizon", "soon"],
            &["unknown horizon `soon`", "QuickWin, Short, Medium, Long"],
        ),
        (
            &["--dimension", "health"],
            &["no dimension `health`", "governance"],
        ),
        (
            &["--kind", "program"],
            &["--kind program needs --program", "GOV-01"],
        ),
        (
            &["--kind", "program", "--program", "GOV-99"],
            &["no program `GOV-99`"],
        ),
        (&["--width", "30"], &["from 40 to 1000"]),
        (&["--width", "18446744073709551615"], &["from 40 to 1000"]),
        (&["--width", "1000000000"], &["from 40 to 1000"]),
        (&["--sep", "\""], &["--sep"]),
        (&["--pages", "3"], &["--pages must be at least"]),
        (&["--kind", "gantt"], &["possible values", "timeline"]),
    ];
    for (extra, needles) in cases {
        let mut args = vec!["report", p, "--today", "2026-12-02"];
        args.extend(extra);
        let (code, stdout, stderr) = pantau(&args);
        assert_eq!(code, 2, "{extra:?}: {stderr}");
        assert!(stdout.is_empty());
        for needle in needles {
            assert!(
                stderr.contains(needle),
                "{extra:?}: {needle:?} not in {stderr}"
            );
        }
    }
    // In Indonesian too.
    let (code, _, stderr) = pantau(&["report", p, "--status", "x", "--lang", "id"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("status `x` tidak dikenal") && stderr.contains("Berjalan"),
        "{stderr}"
    );
}

#[test]
fn cli_ascii_reports_are_ascii() {
    let (_d, path) = plan_file();
    for kind in [
        "overview",
        "dimension",
        "timeline",
        "overdue",
        "upcoming",
        "targets",
    ] {
        for format in ["text", "markdown"] {
            let (code, stdout, _) = pantau(&[
                "report",
                s(&path),
                "--kind",
                kind,
                "--format",
                format,
                "--ascii",
                "--today",
                "2026-12-02",
            ]);
            assert_eq!(code, 0);
            assert!(stdout.is_ascii(), "{kind} {format}:\n{stdout}");
        }
    }
}

#[test]
fn the_documented_report_printouts_are_what_report_prints() {
    let (_d, path) = plan_file();
    let seen = crate::common::golden::assert_printouts(
        "docs/REPORTS.md",
        "pantau report ",
        &path,
        |args| {
            let (code, stdout, stderr) = pantau(args);
            assert_eq!(code, 0, "{args:?}: {stderr}");
            stdout
        },
    );
    assert!(seen >= 2, "docs/REPORTS.md shows report printouts");
}

// ---------------------------------------------------------------- WhatsApp

#[test]
fn a_chat_message_fits_a_phone_says_what_it_left_out_and_cannot_be_restyled_by_data() {
    use pantau::report::whatsapp::FOLD_CHARS;
    let mut plan = example();
    // Many late follow-ups, one named to bold half the message.
    let p = &mut plan.programs[0];
    for n in 1..=60 {
        p.followups.push(pantau::plan::followup::FollowUp {
            id: format!("TL-{:02}", n + 10),
            what: format!("*Rapat* _lanjutan_ ~{n}~ dengan seluruh OPD pengampu layanan"),
            pic: "Kabid Aplikasi Informatika".into(),
            agency: "Dinas Kominfo SP".into(),
            deadline: "2026-11-01".into(),
            ..Default::default()
        });
    }
    let chat = render(
        &plan,
        &request(Kind::FollowUps, Format::WhatsApp, 80),
        Lang::Id,
    );
    assert!(
        chat.chars().count() <= FOLD_CHARS,
        "{} characters",
        chat.chars().count()
    );
    assert!(chat.starts_with("*Tindak Lanjut (66)*\n"), "{chat}");
    let cut = chat
        .lines()
        .find_map(|l| l.strip_prefix("_… dan ")?.strip_suffix(" lainnya_"))
        .unwrap_or_else(|| panic!("says how many were left out:\n{chat}"));
    let shown = chat.lines().filter(|l| l.contains(". ")).count();
    assert!(cut.parse::<usize>().unwrap() > 0);
    // Every line from the data is inert: no emphasis mark survives in it.
    for line in chat.lines().filter(|l| l.contains("Rapat")) {
        assert!(!line.contains(['*', '_', '~']), "{line}");
    }
    assert!(shown > 3, "the first items are whole");
    // Short enough: nothing left out.
    let chat = render(
        &example(),
        &request(Kind::FollowUps, Format::WhatsApp, 80),
        Lang::En,
    );
    assert!(!chat.contains("more_"), "{chat}");
    assert!(!chat.contains('|'), "no table");
}
