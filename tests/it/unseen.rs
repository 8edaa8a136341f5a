//! No key acts on what the screen does not show: while only "Terminal too
//! small" is drawn, keys that would change the plan or write files are
//! refused with a message drawn under it; keys typed while a save waited are
//! dropped and said so after how the save ended.

use crate::common::app;
use crate::common::interface::app_opened;
use crate::editing::press;
use pantau::tui::action::{Action, Effect, Outcome};
use pantau::tui::app::{App, Modal};
use pantau::tui::update::update;

const REFUSED: &str = "Not done: make the window larger to see what this key acts on";

/// The screen as drawn at `w`×`h`, one line per row.
fn render_text(app: &App, w: u16, h: u16) -> String {
    let theme = pantau::tui::theme::Theme {
        mono: true,
        ascii: false,
        palette: pantau::tui::theme::Palette::DEFAULT,
    };
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|f| pantau::tui::ui::draw(f, app, &theme))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn small(app: &mut App) {
    let _ = update(app, Action::Resize(40, 12));
}

#[test]
fn at_40x12_delete_yes_and_ctrl_s_do_nothing_and_say_why_under_the_size() {
    let mut app = app();
    press(&mut app, "2⏎");
    small(&mut app);
    let effects = press(&mut app, "dy^s");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.modal().is_none(), "no question was opened unseen");
    assert!(app.plan().program("GOV-01").is_some() && !app.modified());
    assert_eq!(app.message(), Some(REFUSED));
    let screen = render_text(&app, 40, 12);
    assert!(
        screen.contains("Terminal too small") && screen.contains("Not done"),
        "{screen}"
    );
}

#[test]
fn at_40x12_enter_does_not_accept_a_half_typed_form() {
    let mut app = app();
    press(&mut app, "2⏎e half");
    small(&mut app);
    press(&mut app, "⏎");
    assert!(matches!(app.modal(), Some(Modal::Form(f)) if f.typed()));
    assert!(!app.modified());
    // Bigger again, the form is as it was and Enter accepts it.
    let _ = update(&mut app, Action::Resize(80, 24));
    press(&mut app, "⏎");
    assert!(
        app.plan()
            .program("GOV-01")
            .unwrap()
            .name
            .ends_with(" half")
    );
}

#[test]
fn at_40x12_p_x_writes_no_workbook() {
    let mut app = app();
    small(&mut app);
    let effects = press(&mut app, "Px");
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn a_start_at_40x12_keeps_the_recovery_question_and_d_does_not_drop_the_kept_edits() {
    let mut app = app_opened(|s| {
        let plan = pantau::store::parse(pantau::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        s.recoveries = vec![pantau::store::recovery::Kept {
            path: "kept.ron".into(),
            recovery: pantau::store::recovery::Recovery {
                file: "plan.ron".into(),
                written: String::new(),
                base: plan.clone(),
                mine: plan,
                form: None,
            },
            changed: Vec::new(),
        }];
    });
    small(&mut app);
    let screen = render_text(&app, 40, 12);
    assert!(
        screen.contains("A question or a form is open"),
        "not hidden without a word:\n{screen}"
    );
    let effects = press(&mut app, "d");
    assert!(effects.is_empty(), "nothing discarded: {effects:?}");
    assert!(matches!(app.modal(), Some(Modal::Recover(_))));
    let _ = update(&mut app, Action::Resize(80, 24));
    let effects = press(&mut app, "d");
    assert_eq!(effects, vec![Effect::DiscardRecovery("kept.ron".into())]);
}

#[test]
fn at_40x12_ctrl_c_still_asks_and_esc_gives_the_form_back() {
    let mut app = app();
    press(&mut app, "2⏎e half");
    small(&mut app);
    press(&mut app, "^c");
    assert!(matches!(app.modal(), Some(Modal::QuitPrompt(Some(_)))));
    press(&mut app, "n");
    assert!(!app.should_quit(), "the answer is refused unseen");
    press(&mut app, "⎋");
    assert!(matches!(app.modal(), Some(Modal::Form(_))));
}

#[test]
fn keys_dropped_while_a_save_waited_are_said_after_how_the_save_ended() {
    let mut app = app();
    let _ = update(
        &mut app,
        Outcome::Waiting {
            since: "10:00:00".into(),
        },
    );
    let waiting = app.message().unwrap().to_string();
    let _ = update(&mut app, Outcome::KeysIgnored { keys: 3 });
    assert_eq!(
        app.message(),
        Some(format!("[3 key(s) typed meanwhile ignored] {waiting}").as_str())
    );
}
