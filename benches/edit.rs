//! Edits and saves as an officer meets them, at 1,000 and 10,000 programmes:
//! a quick edit from key press to new state (status, milestone done, one
//! form field), and the interface's whole Ctrl-S (lock, re-read, fingerprint,
//! canonical write, fsync, backup, audit diff and append), against loading
//! the same file (read, parse, validate: what `pantau check` does).
//!
//! `cargo bench --bench edit`

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pantau::i18n::Lang;
use pantau::store::{self, Base, BasePlan};
use pantau::tui::action::{Action, View};
use pantau::tui::app::{App, Session, Today};
use pantau::tui::keymap;
use pantau::tui::update::update;
use std::hint::black_box;
use std::path::Path;

#[path = "../tests/common/generator.rs"]
mod generator;
#[path = "../tests/common/interface.rs"]
mod interface;

/// Presses one key the way the event loop does: keymap, then update.
fn press(app: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = keymap::resolve(app, key) {
        let _ = update(app, action);
    }
}

const TODAY: jiff::civil::Date = jiff::civil::date(2024, 6, 1);

fn app_for(text: &str) -> App {
    let mut app = interface::app_of(text, "plan.ron", TODAY, Lang::En, (80, 24));
    let _ = update(&mut app, Action::Show(View::Dimensions));
    let _ = update(&mut app, Action::Open);
    app
}

fn quick_edits(c: &mut Criterion) {
    let mut group = c.benchmark_group("quick_edit");
    for n in [1_000, 10_000] {
        let text = generator::generate_text(n, 7);
        let mut app = app_for(&text);
        group.bench_with_input(BenchmarkId::new("status_key", n), &n, |b, _| {
            b.iter(|| press(&mut app, KeyCode::Char('s')))
        });
        // The first milestone of the selected programme, in its detail.
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('j'));
        group.bench_with_input(BenchmarkId::new("milestone_done_space", n), &n, |b, _| {
            b.iter(|| press(&mut app, KeyCode::Char(' ')))
        });
        // The programme's form, opened, its lead agency retyped, accepted:
        // every key of it, so an upper bound on the Enter alone.
        press(&mut app, KeyCode::Char('k'));
        let mut lead = 0u32;
        group.bench_with_input(BenchmarkId::new("form_lead_whole", n), &n, |b, _| {
            b.iter(|| {
                press(&mut app, KeyCode::Char('e'));
                for _ in 0..6 {
                    press(&mut app, KeyCode::Tab);
                }
                let clear = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
                if let Some(action) = keymap::resolve(&app, clear) {
                    let _ = update(&mut app, action);
                }
                lead = (lead + 1) % 1000;
                for c in format!("Dinas {lead}").chars() {
                    press(&mut app, KeyCode::Char(c));
                }
                press(&mut app, KeyCode::Enter);
                assert!(app.modal().is_none(), "the form was accepted");
            })
        });
    }
    group.finish();
}

fn saves(c: &mut Criterion) {
    let mut group = c.benchmark_group("save");
    group.sample_size(20);
    for n in [1_000, 10_000] {
        let text = generator::generate_text(n, 7);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, &text).unwrap();
        group.bench_with_input(BenchmarkId::new("load", n), &n, |b, _| {
            b.iter(|| store::load(black_box(&path)).unwrap())
        });
        let file = store::PlanFile::at(&path);
        // Opened as the interface opens it, so a save knows the file unchanged.
        let opened = file.open().unwrap();
        let session = Session {
            fingerprint: opened.fingerprint,
            ..Session::new("plan.ron".into(), Today::Given(TODAY), Lang::En)
        };
        let mut app = App::open(opened.doc, session);
        for action in [
            Action::Resize(80, 24),
            Action::Show(View::Dimensions),
            Action::Open,
        ] {
            let _ = update(&mut app, action);
        }
        let who = store::audit::Who {
            user: "bench".into(),
            officer: String::new(),
            from: "local".into(),
            when: "2024-06-01T10:00:00+08:00".into(),
        };
        // What Ctrl-S after `s` does, from the edit to the file on disk and
        // the session's new base (as `tui::run` and `update` do it).
        group.bench_with_input(
            BenchmarkId::new("ui_status_key_and_ctrl_s", n),
            &n,
            |b, _| {
                b.iter(|| {
                    press(&mut app, KeyCode::Char('s'));
                    let base_plan = app.base_plan();
                    let base = Base {
                        fingerprint: app.disk(),
                        plan: BasePlan::Plan(&base_plan),
                        changes: None,
                    };
                    let saved = file
                        .save(base, app.doc(), &|_| None, &who, &mut |_| {})
                        .unwrap();
                    drop(base_plan);
                    let store::Saved::Written { text, .. } = saved else {
                        panic!("no one else saves here")
                    };
                    let _ = update(
                        &mut app,
                        pantau::tui::action::Outcome::Saved {
                            at: "10:00".into(),
                            fingerprint: store::fingerprint(&text),
                            renamed: Vec::new(),
                            merged: None,
                            audit: store::audit::read(&path).unwrap_or_default(),
                            log_error: None,
                            tampered: false,
                            backup: None,
                        },
                    );
                })
            },
        );
    }
    group.finish();
}

/// A merge where both officers changed every programme (different fields):
/// the worst case for a merge, which must stay linear in the plan.
fn merges(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let base = store::parse(&generator::generate_text(n, 7), Path::new("p"))
            .unwrap()
            .plan;
        let mut mine = base.clone();
        let mut theirs = base.clone();
        for p in &mut mine.programs {
            p.notes.push_str(" (mine)");
        }
        for p in &mut theirs.programs {
            p.lead.push_str(" (theirs)");
        }
        group.bench_with_input(
            BenchmarkId::new("every_programme_both_sides", n),
            &n,
            |b, _| b.iter(|| pantau::plan::merge::merge(&base, &mine, &theirs, &|_| None)),
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = quick_edits, saves, merges
}
criterion_main!(benches);
