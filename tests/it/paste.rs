//! Bracketed paste without a terminal: a paste is one action, typed into the
//! focused text field at the cursor or into the filter, never run as keys.
//! (`tmux_editing.rs` pastes through a real terminal.)

use crate::common::example_app;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pantau::i18n::{EN, Lang};
use pantau::tui::action::{Action, View};
use pantau::tui::app::{App, Modal, Pane};
use pantau::tui::form::Input;
use pantau::tui::keymap;
use pantau::tui::update::update;

/// Letters that are commands outside a field: move, add, save, delete, yes, undo, quit.
const COMMANDS: &str = "l a s d y u q";

/// The example on 2 November 2023.
fn app() -> App {
    example_app(Lang::En, jiff::civil::date(2023, 11, 2), (80, 24))
}

/// Presses keys: ⏎ Enter, ⎋ Esc, ⇥ Tab, ⇤ Shift-Tab, ← →, ^ + letter a Ctrl chord.
fn press(app: &mut App, keys: &str) {
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        let event = match c {
            '⏎' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '⎋' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            '⇥' => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            '⇤' => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            '←' => KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
            '^' => KeyEvent::new(KeyCode::Char(chars.next().unwrap()), KeyModifiers::CONTROL),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        if let Some(action) = keymap::resolve(app, event) {
            update(app, action);
        }
    }
}

fn paste(app: &mut App, text: &str) {
    update(app, Action::Paste(text.to_string()));
}

fn gov_01(app: &App) -> &pantau::plan::model::Program {
    app.plan().program("GOV-01").unwrap()
}

/// The text in the form's focused field.
fn focused_text(app: &App) -> String {
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("a form is open")
    };
    match &form.fields[form.focus].input {
        Input::Text { input, .. } => input.value.clone(),
        other => panic!("a text field has focus, not {other:?}"),
    }
}

#[test]
fn a_multi_line_paste_into_the_notes_keeps_its_lines_and_runs_nothing() {
    let mut app = app();
    let before = app.plan().clone();
    let notes = gov_01(&app).notes.clone();
    // GOV-01's detail, its program line, the edit form, Shift-Tab to Notes (the last field).
    press(&mut app, "2⏎⏎ke⇤");
    let pasted = format!("Rapat 3 Nov:\r\n{COMMANDS}\nselesai");
    paste(&mut app, &pasted);
    assert!(
        matches!(app.modal(), Some(Modal::Form(_))),
        "the form stays open: the newline did not accept it"
    );
    assert_eq!(
        focused_text(&app),
        format!("{notes}Rapat 3 Nov:\n{COMMANDS}\nselesai"),
        "at the cursor (the end), Windows line ends made plain"
    );
    assert_eq!(app.view(), View::Dimensions, "no key ran");
    assert!(!app.should_quit());
    // Tab off the notes, Enter accepts.
    press(&mut app, "⇥⏎");
    assert!(app.modal().is_none(), "{:?}", app.message());
    assert_eq!(
        gov_01(&app).notes,
        format!("{notes}Rapat 3 Nov:\n{COMMANDS}\nselesai")
    );
    let mut expected = before;
    expected.programs[0]
        .notes
        .push_str(&format!("Rapat 3 Nov:\n{COMMANDS}\nselesai"));
    assert_eq!(*app.plan(), expected, "nothing else changed");
    press(&mut app, "u");
    assert_eq!(gov_01(&app).notes, notes, "one paste, one form, one undo");
}

#[test]
fn a_paste_into_a_one_line_field_goes_in_at_the_cursor_as_one_line() {
    let mut app = app();
    press(&mut app, "2⏎⏎ke^uSuper Luwu←←←←");
    paste(&mut app, "App\n\u{1b}[31m\tBaru\n");
    assert_eq!(
        focused_text(&app),
        "Super App [31m BaruLuwu",
        "newline and tab as spaces, the trailing newline and ESC dropped"
    );
    assert!(matches!(app.modal(), Some(Modal::Form(_))), "not accepted");
}

#[test]
fn a_paste_into_the_filter_is_one_line_of_filter() {
    let mut app = app();
    press(&mut app, "2/");
    paste(&mut app, "super\napp\n");
    assert_eq!(app.filter(), "super app");
    assert!(app.filtering(), "still typing the filter");
    assert_eq!(app.view(), View::Dimensions);
    assert_eq!(app.drill().pane, Pane::Dimensions, "no key ran");
}

#[test]
fn a_paste_outside_a_text_field_changes_nothing_and_says_so() {
    let mut app = app();
    let before = app.plan().clone();
    // The dashboard, a program list, a detail, the timeline.
    for keys in ["", "2⏎", "2⏎⏎", "3"] {
        let mut app = self::app();
        press(&mut app, keys);
        let (view, pane) = (app.view(), app.drill().pane);
        paste(&mut app, &format!("{COMMANDS}\n"));
        assert_eq!(*app.plan(), before, "after {keys:?}");
        assert!(!app.modified() && !app.should_quit() && app.modal().is_none());
        assert_eq!((app.view(), app.drill().pane), (view, pane));
        assert_eq!(app.message(), Some(EN.ui.e_paste_nowhere));
    }
    // "Delete GOV-02?" is not answered by a pasted `y`.
    press(&mut app, "2⏎jd");
    paste(&mut app, "y");
    assert!(
        matches!(app.modal(), Some(Modal::Confirm(_))),
        "still asking"
    );
    assert!(app.plan().program("GOV-02").is_some());
}

#[test]
fn a_paste_onto_a_choice_in_a_form_changes_nothing_and_says_so() {
    let mut app = app();
    // Program form: Name, Id, Description, Dimension (a choice).
    press(&mut app, "2⏎⏎ke⇥⇥⇥");
    paste(&mut app, "economy");
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("the form stays open")
    };
    assert_eq!(form.problem.as_deref(), Some(EN.ui.e_paste_nowhere));
    press(&mut app, "⎋");
    assert_eq!(gov_01(&app).dimension, "governance");
    assert!(!app.modified());
}
