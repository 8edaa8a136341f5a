//! Reports of a 10,000-program plan against loading it (parse and validate).
//! The target: a full report within 1.5 × the load time.
//!
//! `cargo bench --bench report`; the medians are in
//! `target/criterion/report_10k/*/new/estimates.json`.

use criterion::{Criterion, criterion_group, criterion_main};
use pantau::i18n::{EN, Lang};
use pantau::plan::validate;
use pantau::report::{self, Filter, Format, Kind, Request};
use pantau::store;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
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
    assert!(validate::validate(&plan, &EN).is_empty());
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
            assert!(validate::validate(&doc.plan, &EN).is_empty());
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

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
