//! The interface at scale: one key press (update + draw into a `TestBackend`)
//! on a 10,000-program plan, the selection held and found again by identity
//! across another officer's save, and the first frame after loading.
//!
//! `cargo bench --bench ui`

use criterion::{Criterion, criterion_group, criterion_main};
use pantau::i18n::Lang;
use pantau::store::{self, Document};
use pantau::tui::action::{Action, Outcome, View};
use pantau::tui::app::App;
use pantau::tui::theme::Theme;
use pantau::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;

#[path = "../tests/common/generator.rs"]
mod generator;
#[path = "../tests/common/interface.rs"]
mod interface;

const THEME: Theme = Theme {
    mono: false,
    ascii: false,
    palette: pantau::tui::theme::Palette::DEFAULT,
};

fn app_with(doc: Document) -> App {
    let today = jiff::civil::date(2024, 6, 1);
    interface::app_with(doc, "plan.ron", today, Lang::En, (80, 24))
}

fn key_press(c: &mut Criterion) {
    let n = 10_000;
    let text = generator::generate_text(n, 7);
    let doc = store::parse(&text, Path::new("plan.ron")).unwrap();
    let mut group = c.benchmark_group("key_press_10k");
    let setups: [(&str, Vec<Action>); 4] = [
        ("dashboard", vec![]),
        (
            "programs",
            vec![Action::Show(View::Dimensions), Action::Open],
        ),
        ("timeline", vec![Action::Show(View::Timeline)]),
        (
            "detail",
            vec![Action::Show(View::Dimensions), Action::Open, Action::Open],
        ),
    ];
    for (name, setup) in setups {
        let mut app = app_with(doc.clone());
        for action in setup {
            update(&mut app, action);
        }
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| pantau::tui::ui::draw(f, &app, &THEME))
            .unwrap();
        // Alternate down and up so the selection stays in the same place over many iterations.
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                update(&mut app, if down { Action::Down } else { Action::Up });
                down = !down;
                terminal
                    .draw(|f| pantau::tui::ui::draw(f, black_box(&app), &THEME))
                    .unwrap();
            })
        });
    }
    group.finish();

    // Typing into the filter rebuilds the index over all 10,000 programs.
    let mut group = c.benchmark_group("filter_keystroke_10k");
    let mut app = app_with(doc.clone());
    update(&mut app, Action::Show(View::Dimensions));
    update(&mut app, Action::StartFilter);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    group.bench_function("type_and_delete", |b| {
        b.iter(|| {
            update(&mut app, Action::FilterInput('a'));
            terminal
                .draw(|f| pantau::tui::ui::draw(f, &app, &THEME))
                .unwrap();
            update(&mut app, Action::FilterBackspace);
            terminal
                .draw(|f| pantau::tui::ui::draw(f, &app, &THEME))
                .unwrap();
        })
    });
    group.bench_function("refilter_only", |b| {
        let mut index =
            pantau::tui::app::Index::build(&doc.plan, "", jiff::civil::date(2024, 6, 1));
        b.iter(|| {
            index.refilter("a");
            index.refilter("");
        })
    });
    group.finish();

    // From the file's text to the first frame, against parsing alone.
    let mut group = c.benchmark_group("first_frame_10k");
    group.sample_size(10);
    group.bench_function("parse_only", |b| {
        b.iter(|| store::parse(black_box(&text), Path::new("p")).unwrap())
    });
    // A load as `pantau check` does it: the target is a first frame within 1.2x of this.
    group.bench_function("parse_validate", |b| {
        b.iter(|| {
            let doc = store::parse(black_box(&text), Path::new("p")).unwrap();
            assert!(pantau::plan::validate::validate(&doc.plan).is_empty());
            doc
        })
    });
    group.bench_function("parse_validate_first_frame", |b| {
        b.iter(|| {
            let doc = store::parse(black_box(&text), Path::new("p")).unwrap();
            assert!(pantau::plan::validate::validate(&doc.plan).is_empty());
            let app = app_with(doc);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|f| pantau::tui::ui::draw(f, &app, &THEME))
                .unwrap();
        })
    });
    group.finish();
}

/// Another officer's save reloaded under a session whose detail is open on
/// a programme near the end: the index rebuilt, then the selection found
/// again by identity (`hold` before, `settle` after) where the save moved
/// it, against the index rebuilt alone.
fn selection(c: &mut Criterion) {
    let n = 10_000;
    let text = generator::generate_text(n, 7);
    let doc = store::parse(&text, Path::new("plan.ron")).unwrap();
    let today = jiff::civil::date(2024, 6, 1);
    // The other save moves the first programme to the end: every index
    // after it shifts by one, so the selection is found by identity.
    let mut moved = doc.clone();
    let first = moved.plan.programs.remove(0);
    moved.plan.programs.push(first);
    let mut app = app_with(doc.clone());
    update(&mut app, Action::Show(View::Dimensions));
    update(&mut app, Action::Open);
    for _ in 0..200 {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Open);
    let held = app.selected_program().map(|p| p.id.clone());
    let mut group = c.benchmark_group("selection_10k");
    group.sample_size(20);
    let mut turn = false;
    group.bench_function("reload_moved_and_find_again", |b| {
        b.iter_batched(
            || {
                turn = !turn;
                if turn { moved.clone() } else { doc.clone() }
            },
            |doc| {
                update(
                    &mut app,
                    Outcome::Reloaded {
                        doc: Box::new(doc),
                        fingerprint: 1,
                    },
                )
            },
            criterion::BatchSize::LargeInput,
        )
    });
    assert_eq!(
        app.selected_program().map(|p| p.id.clone()),
        held,
        "the same programme is selected after every reload"
    );
    group.bench_function("index_build_only", |b| {
        b.iter(|| pantau::tui::app::Index::build(black_box(&moved.plan), "", today))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = key_press, selection
}
criterion_main!(benches);
