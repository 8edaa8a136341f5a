//! Load, validate, summarise and save large generated plans.
//!
//! `ron_only` is the baseline: a bare `ron::from_str` into the model, which any
//! loader must pay. The target is `summary` ≤ 1.2 × `ron_only` at
//! 10,000 programmes (~10 MB).
//!
//! Run with `cargo bench --bench plan`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pantau::i18n::Lang;
use pantau::plan::model::Plan;
use pantau::plan::{canonical, validate};
use pantau::report::overview as summary;
use pantau::store;
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[path = "../tests/common/generator.rs"]
mod generator;

const SIZES: [usize; 2] = [1_000, 10_000];
const SEED: u64 = 1;

struct Input {
    programs: usize,
    text: String,
    document: store::Document,
}

fn inputs() -> Vec<Input> {
    SIZES
        .iter()
        .map(|&programs| {
            let text = generator::generate_text(programs, SEED);
            let document =
                store::parse(&text, Path::new("bench.ron")).expect("generated plan parses");
            assert!(
                validate::validate(&document.plan).is_empty(),
                "generated plan is valid"
            );
            assert!(document.to_ron() == text, "generated plan is canonical");
            Input {
                programs,
                text,
                document,
            }
        })
        .collect()
}

fn options() -> summary::Options<'static> {
    summary::Options {
        width: 80,
        today: jiff::civil::date(2024, 6, 1),
        lang: Lang::En,
        ascii: false,
        dimension: None,
        days: 30,
    }
}

fn benches(c: &mut Criterion) {
    let inputs = inputs();
    let path = Path::new("bench.ron");

    let mut group = |name: &str, run: &dyn Fn(&Input)| {
        let mut g = c.benchmark_group(name);
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(Duration::from_secs(6));
        for input in &inputs {
            g.throughput(Throughput::Bytes(input.text.len() as u64));
            g.bench_with_input(
                BenchmarkId::from_parameter(input.programs),
                input,
                |b, i| b.iter(|| run(i)),
            );
        }
        g.finish();
    };

    group("ron_only", &|i| {
        let plan: Plan = ron::from_str(black_box(&i.text)).unwrap();
        black_box(plan);
    });
    group("load_validate", &|i| {
        let doc = store::parse(black_box(&i.text), path).unwrap();
        let problems = validate::validate(&doc.plan);
        assert!(problems.is_empty());
        black_box(doc);
    });
    group("summary", &|i| {
        let doc = store::parse(black_box(&i.text), path).unwrap();
        let problems = validate::validate(&doc.plan);
        assert!(problems.is_empty());
        black_box(pantau::report::summary(&doc.plan, &options()));
    });
    group("save_text", &|i| {
        black_box(canonical::to_ron(
            black_box(&i.document.plan),
            &i.document.preamble,
        ));
    });
}

criterion_group!(plan, benches);
criterion_main!(plan);
