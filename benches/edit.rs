//! One quick edit and a save of a 10,000-program plan, against serialising
//! the same plan with `ron` alone (the yardstick: under 2×).
//!
//! `cargo bench --bench edit`

use criterion::{Criterion, criterion_group, criterion_main};
use pantau::i18n::Lang;
use pantau::store;
use pantau::tui::action::{Action, View};
use pantau::tui::app::App;
use pantau::tui::update::update;
use std::hint::black_box;
use std::path::Path;

#[allow(dead_code)]
#[path = "../examples/gen.rs"]
mod generator;

fn edit_and_save(c: &mut Criterion) {
    let text = generator::generate_text(10_000, 7);
    let doc = store::parse(&text, Path::new("plan.ron")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, &text).unwrap();

    let mut group = c.benchmark_group("edit_save_10k");
    group.sample_size(20);
    group.bench_function("ron_serialise_only", |b| {
        b.iter(|| {
            ron::ser::to_string_pretty(black_box(&doc.plan), ron::ser::PrettyConfig::default())
                .unwrap()
        })
    });
    group.bench_function("canonical_text_only", |b| {
        b.iter(|| black_box(&doc).to_ron())
    });

    let mut app = App::new(
        doc.clone(),
        "plan.ron".into(),
        jiff::civil::date(2024, 6, 1),
        Lang::En,
    );
    update(&mut app, Action::Resize(80, 24));
    update(&mut app, Action::Show(View::Dimensions));
    update(&mut app, Action::Open);
    // What Ctrl-S after `s` does: the edit (with validation and re-index), then
    // the atomic save (temporary file, fsync, backup link, rename).
    group.bench_function("status_edit_and_atomic_save", |b| {
        b.iter(|| {
            update(&mut app, Action::CycleStatus { forward: true });
            store::save(&path, &app.doc.to_ron()).unwrap();
        })
    });
    group.bench_function("status_edit_only", |b| {
        b.iter(|| update(&mut app, Action::CycleStatus { forward: true }))
    });
    group.finish();
}

criterion_group!(benches, edit_and_save);
criterion_main!(benches);
