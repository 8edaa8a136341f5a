//! Reports of a 10,000-program plan against loading it (parse and validate).
//! The target: a full report within 1.5 × the load time.
//!
//! `cargo bench --bench report`; the medians are in
//! `target/criterion/report_10k/*/new/estimates.json` (and `rollup_500/*`
//! for the 500-region rollup).

use criterion::{Criterion, criterion_group, criterion_main};
use pantau::i18n::{EN, Lang};
use pantau::plan::validate;
use pantau::report::{self, Filter, Format, Kind, Request};
use pantau::store;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[path = "../tests/common/generator.rs"]
mod generator;

const ALL: [Kind; 7] = [
    Kind::Overview,
    Kind::Dimension,
    Kind::Program,
    Kind::Timeline,
    Kind::Overdue,
    Kind::Upcoming,
    Kind::Targets,
];

fn request(kind: Kind, format: Format, plan: &pantau::plan::model::Plan) -> Request {
    Request {
        kind,
        format,
        filter: Filter {
            program: (kind == Kind::Program).then(|| plan.programs[0].id.clone()),
            ..Filter::default()
        },
        ..Request::default()
    }
}

fn benches(c: &mut Criterion) {
    let text = generator::generate_text(10_000, 7);
    let path = Path::new("plan.ron");
    let plan = store::parse(&text, path).unwrap().plan;
    assert!(validate::validate(&plan).is_empty());
    let today = jiff::civil::date(2024, 6, 1);
    let run = |kinds: &[Kind], format: Format| -> usize {
        kinds
            .iter()
            .map(|&kind| {
                report::render(
                    black_box(&plan),
                    &request(kind, format, &plan),
                    Lang::En,
                    today,
                )
                .unwrap()
                .len()
            })
            .sum()
    };

    let mut g = c.benchmark_group("report_10k");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    g.bench_function("load_parse_validate", |b| {
        b.iter(|| {
            let doc = store::parse(black_box(&text), path).unwrap();
            assert!(validate::validate(&doc.plan).is_empty());
            black_box(doc)
        })
    });
    g.bench_function("text_overview_targets_timeline", |b| {
        b.iter(|| {
            run(
                &[Kind::Overview, Kind::Targets, Kind::Timeline],
                Format::Text,
            )
        })
    });
    g.bench_function("text_all_kinds", |b| b.iter(|| run(&ALL, Format::Text)));
    for kind in ALL {
        let name = format!("text_{kind:?}").to_lowercase();
        g.bench_function(name, |b| b.iter(|| run(&[kind], Format::Text)));
    }
    for (name, format) in [
        ("markdown_all_kinds", Format::Markdown),
        ("csv_all_kinds", Format::Csv),
        ("json_all_kinds", Format::Json),
        ("html_all_kinds", Format::Html),
    ] {
        g.bench_function(name, |b| b.iter(|| run(&ALL, format)));
    }
    g.finish();
}

/// The 500-region rollup: 500 generated regions of 100 programmes (50,000
/// programmes, ~50 MB of RON) written to a temporary folder, found and
/// loaded on every core (`store::load_province`) and rolled up as CSV; and
/// the rollup alone of the loaded plans. `scripts/rollup.sh` measures the
/// same against one 50,000-programme file as whole processes.
fn rollup(c: &mut Criterion) {
    use pantau::report::rollup::{Region, render};
    let dir = tempfile::TempDir::new().unwrap();
    for n in 1..=500 {
        let plan = generator::generate_region(100, n as u64, n);
        let text = pantau::plan::canonical::to_ron(&plan, "");
        std::fs::write(dir.path().join(format!("region-{n:03}.ron")), text).unwrap();
    }
    let today = jiff::civil::date(2026, 12, 2);
    let folder = [dir.path().to_path_buf()];
    let glyphs = pantau::text::Glyphs::of(false);
    let roll = |loaded: &[(std::path::PathBuf, Result<store::Document, String>)]| {
        let regions: Vec<Region> = loaded
            .iter()
            .map(|(p, r)| Region {
                file: p.display().to_string(),
                plan: r.as_ref().map(|d| &d.plan).map_err(String::clone),
            })
            .collect();
        render(&regions, Format::Csv, Lang::En, today, 80, glyphs).len()
    };
    let mut g = c.benchmark_group("rollup_500");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(20));
    g.bench_function("load_and_roll_up", |b| {
        b.iter(|| {
            let loaded = store::load_province(black_box(&folder), &EN);
            assert_eq!(loaded.len(), 500);
            roll(&loaded)
        })
    });
    let loaded = store::load_province(&folder, &EN);
    assert!(loaded.iter().all(|(_, r)| r.is_ok()));
    g.bench_function("roll_up_only", |b| b.iter(|| roll(black_box(&loaded))));
    g.finish();
}

criterion_group!(report_benches, benches, rollup);
criterion_main!(report_benches);
