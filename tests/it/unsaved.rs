//! Text typed in a form counts as unsaved everywhere: Esc, Ctrl-S, quitting
//! and Ctrl-C ask about it or take it along, never drop it unasked. One test
//! per path by which a form's text could be lost.

use crate::common::app;
use crate::editing::press;
use pantau::tui::action::Effect;
use pantau::tui::app::{App, Modal};

/// GOV-01's name as the plan holds it now.
fn gov_01_name(app: &App) -> &str {
    &app.plan().program("GOV-01").expect("GOV-01").name
}

/// GOV-01's edit form, with " (rev)" typed after its name.
fn typed_form() -> (App, String) {
    let mut app = app();
    let before = gov_01_name(&app).to_string();
    press(&mut app, "2⏎e (rev)");
    assert!(matches!(app.modal(), Some(Modal::Form(f)) if f.typed()));
    (app, format!("{before} (rev)"))
}

fn form_problem(app: &App) -> Option<&str> {
    match app.modal() {
        Some(Modal::Form(form)) => form.problem.as_deref(),
        _ => None,
    }
}

fn save() -> Vec<Effect> {
    vec![Effect::Save {
        resolutions: vec![],
    }]
}

#[test]
fn esc_on_a_typed_form_asks_first_and_only_a_second_esc_throws_the_text_away() {
    let (mut app, _) = typed_form();
    let before = gov_01_name(&app).to_string();
    press(&mut app, "⎋");
    assert!(
        form_problem(&app).is_some_and(|p| p.starts_with("Esc again throws away")),
        "{:?}",
        form_problem(&app)
    );
    // Typing on takes the question back: the next Esc asks again.
    press(&mut app, "!⎋");
    assert!(matches!(app.modal(), Some(Modal::Form(_))), "asked again");
    press(&mut app, "⎋");
    assert!(app.modal().is_none(), "the second Esc closes it");
    assert_eq!(gov_01_name(&app), before, "and nothing was written");
}

#[test]
fn esc_on_a_form_nothing_was_typed_in_closes_it_at_once() {
    let mut app = app();
    press(&mut app, "2⏎e⎋");
    assert!(app.modal().is_none());
}

#[test]
fn ctrl_s_in_a_form_accepts_it_and_saves() {
    let (mut app, typed) = typed_form();
    let effects = press(&mut app, "^s");
    assert_eq!(effects, save());
    assert!(app.modal().is_none());
    assert_eq!(gov_01_name(&app), typed);
}

#[test]
fn ctrl_s_in_a_form_with_a_field_to_fix_saves_nothing_and_says_what_to_do() {
    let mut app = app();
    press(&mut app, "2⏎e");
    // Tab to the start year and make it unreadable.
    let effects = press(&mut app, "⇥⇥⇥⇥⇥⇥⇥⇥⇥^uyear^s");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        form_problem(&app),
        Some("Fix the marked fields first (Esc cancels)")
    );
}

#[test]
fn ctrl_c_with_a_typed_form_asks_and_yes_saves_the_form_with_the_other_edits() {
    let (mut app, typed) = typed_form();
    // An edit made before the form was opened is saved with it.
    press(&mut app, "⎋⎋sj⏎");
    let status = app.plan().program("GOV-01").expect("GOV-01").status;
    press(&mut app, "e (rev)^c");
    assert!(matches!(app.modal(), Some(Modal::QuitPrompt(Some(_)))));
    assert!(
        app.form().is_some_and(|f| f.typed()),
        "a hang-up now keeps it"
    );
    let effects = press(&mut app, "y");
    assert_eq!((effects, app.quit_after_save()), (save(), true));
    assert_eq!(gov_01_name(&app), typed);
    assert_eq!(app.plan().program("GOV-01").expect("GOV-01").status, status);
}

#[test]
fn q_after_a_typed_form_is_text_and_ctrl_c_then_esc_gives_the_form_back() {
    let (mut app, _) = typed_form();
    press(&mut app, "q^c⎋");
    match app.modal() {
        Some(Modal::Form(form)) => assert!(form.typed()),
        other => panic!("the form is back: {other:?}"),
    }
    assert!(!app.should_quit());
}

#[test]
fn saving_changes_on_quit_with_a_form_that_cannot_be_accepted_puts_it_back_and_stays() {
    let mut app = app();
    press(&mut app, "2⏎e⇥⇥⇥⇥⇥⇥⇥⇥⇥^uyear^c");
    let effects = press(&mut app, "y");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!app.should_quit() && !app.quit_after_save());
    assert_eq!(
        form_problem(&app),
        Some("Fix the marked fields first (Esc cancels)")
    );
}

#[test]
fn ctrl_c_with_a_form_nothing_was_typed_in_and_no_edits_quits_at_once() {
    let mut app = app();
    press(&mut app, "2⏎e^c");
    assert!(app.should_quit());
}

#[test]
fn answering_no_to_the_quit_question_drops_the_form_only_when_asked() {
    let (mut app, _) = typed_form();
    let effects = press(&mut app, "^cn");
    assert!(app.should_quit());
    assert_eq!(effects, vec![Effect::DiscardOwnRecovery]);
}

/// Another officer's reload, as the watcher delivers it: the plan on
/// screen changed by `change`.
fn reloaded(app: &mut App, change: impl FnOnce(&mut pantau::plan::model::Plan)) {
    let mut doc = pantau::store::Document {
        plan: app.plan().clone(),
        preamble: String::new(),
    };
    change(&mut doc.plan);
    let _ = pantau::tui::update::update(
        app,
        pantau::tui::action::Outcome::Reloaded {
            doc: Box::new(doc),
            fingerprint: 9,
        },
    );
}

/// A form open on a programme another officer deletes: its text is never
/// lost silently. Ctrl-S saves nothing unasked; Enter, as the notice says,
/// adds the programme again as a new one with the text (milestones and all,
/// as it was); Esc asks before the text goes.
#[test]
fn a_form_on_a_programme_deleted_meanwhile_adds_it_again_as_new_on_enter() {
    let (mut app, name) = typed_form();
    let was = app.plan().program("GOV-01").expect("GOV-01").clone();
    reloaded(&mut app, |plan| plan.programs.retain(|p| p.id != "GOV-01"));
    assert_eq!(
        form_problem(&app),
        Some("GOV-01 was deleted meanwhile: Enter adds it again as new, Esc closes")
    );
    assert!(
        press(&mut app, "^s").is_empty(),
        "Ctrl-S re-adds nothing unasked"
    );
    assert!(matches!(app.modal(), Some(Modal::Form(f)) if f.gone));
    press(&mut app, "⏎");
    assert!(app.modal().is_none(), "{:?}", form_problem(&app));
    assert_eq!(
        app.message(),
        Some("GOV-01 added again as a new programme, with your text (u undoes it)")
    );
    let back = app.plan().program("GOV-01").expect("GOV-01 is back");
    assert_eq!(back.name, name, "with the typed name");
    assert_eq!(back.milestones, was.milestones, "and the rest as it was");
    assert_eq!(
        app.plan().programs.iter().position(|p| p.id == "GOV-01"),
        Some(0)
    );
    assert!(app.modified(), "an unsaved edit, saved with Ctrl-S");
    press(&mut app, "u");
    assert!(app.plan().program("GOV-01").is_none(), "u takes it back");

    // Esc on the deleted programme's typed text asks first, then closes.
    let (mut app, _) = typed_form();
    reloaded(&mut app, |plan| plan.programs.retain(|p| p.id != "GOV-01"));
    press(&mut app, "⎋");
    assert!(matches!(app.modal(), Some(Modal::Form(f)) if f.gone));
    press(&mut app, "⎋");
    assert!(app.modal().is_none());
    assert!(
        app.plan().program("GOV-01").is_none(),
        "nothing added unasked"
    );
}
