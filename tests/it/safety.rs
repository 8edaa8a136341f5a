//! An interface safe to drive in a meeting (issue 26): what a key did is
//! said, a status is chosen rather than cycled through, Esc goes back where
//! the officer came from, help is never lost, late things are marked.

use crate::common::example_app;
use crate::common::interface::today;
use crate::editing::press;
use pantau::i18n::Lang;
use pantau::tui::app::App;

fn app(lang: Lang) -> App {
    example_app(lang, today(), (80, 24))
}

#[test]
fn undo_and_redo_say_what_they_took_back_in_both_languages() {
    for (lang, undone, redone) in [
        (
            Lang::En,
            "Undone: GOV-01 milestone 4 done: no -> yes",
            "Redone: GOV-01 milestone 4 done: no -> yes",
        ),
        (
            Lang::Id,
            "Dibatalkan: GOV-01 tahapan 4 selesai: tidak -> ya",
            "Diulangi: GOV-01 tahapan 4 selesai: tidak -> ya",
        ),
    ] {
        let mut app = app(lang);
        // The second milestone of the drill-down's first programme, ticked.
        press(&mut app, "2⏎⏎jjj ");
        press(&mut app, "u");
        assert_eq!(app.message(), Some(undone));
        press(&mut app, "^r");
        assert_eq!(app.message(), Some(redone));
    }
}

#[test]
fn a_form_accepted_says_what_it_changed() {
    let mut app = app(Lang::En);
    press(&mut app, "2⏎e");
    // The form opens on the programme's name: type after it, accept.
    press(&mut app, "X⏎");
    let said = app.message().unwrap_or_default().to_string();
    assert!(said.starts_with("Changed: GOV-01 name: "), "{said}");
    assert!(said.ends_with("X"), "{said}");
}

#[test]
fn esc_from_a_detail_goes_back_to_the_view_it_was_opened_from() {
    use pantau::tui::action::View;
    use pantau::tui::app::Pane;
    let mut app = app(Lang::En);
    // The dashboard's first overdue milestone, opened, and Esc.
    press(&mut app, "⏎");
    assert_eq!(
        (app.view(), app.drill().pane),
        (View::Dimensions, Pane::Detail)
    );
    press(&mut app, "⎋");
    assert_eq!(app.view(), View::Dashboard, "back to the dashboard");
    // From the timeline the same.
    press(&mut app, "3j⏎⎋");
    assert_eq!(app.view(), View::Timeline, "back to the timeline");
    // Opened in the drill-down itself, Esc goes up one level as before.
    press(&mut app, "2⏎⏎⎋");
    assert_eq!(
        (app.view(), app.drill().pane),
        (View::Dimensions, Pane::Programs)
    );
    // Left out of a detail opened from the dashboard: the drill-down is
    // where the officer chose to be, so Esc stays in it.
    press(&mut app, "1⏎←⏎⎋");
    assert_eq!(
        (app.view(), app.drill().pane),
        (View::Dimensions, Pane::Programs)
    );
}

/// The screen as text, drawn without colour at the app's size.
fn screen(app: &App) -> String {
    use ratatui::backend::TestBackend;
    let theme = pantau::tui::theme::Theme {
        mono: true,
        ascii: false,
        palette: pantau::tui::theme::Palette::DEFAULT,
    };
    let (w, h) = app.size();
    let mut terminal = ratatui::Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|f| pantau::tui::ui::draw(f, app, &theme))
        .expect("drawn");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let line: String = (0..w).map(|x| buffer[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_status_list_shows_every_status_numbered_and_the_programmes_own() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Id, "id")] {
        let mut app = app(lang);
        press(&mut app, "2⏎s");
        insta::assert_snapshot!(format!("status-list-{code}-80x24"), screen(&app));
    }
}

#[test]
fn help_is_the_last_hint_the_status_bar_gives_up_at_80_columns() {
    for (lang, help) in [(Lang::En, "? help"), (Lang::Id, "? bantuan")] {
        for keys in ["", "2", "2⏎", "2⏎⏎", "3", "4"] {
            let mut app = app(lang);
            press(&mut app, keys);
            let shown = screen(&app);
            let bar = shown.lines().nth(23).unwrap_or_default();
            assert!(bar.ends_with(help), "after {keys:?}: {bar:?}");
            assert!(!bar.contains('…'), "whole hints only: {bar:?}");
        }
    }
}

#[test]
fn late_programmes_are_marked_in_the_drill_down_and_the_dashboard_shows_the_whole_title() {
    let mut app = app(Lang::En);
    let shown = screen(&app);
    // The first overdue milestone, whose title the list cuts, in full below it.
    let bottom = shown.lines().nth(22).unwrap_or_default();
    assert!(
        bottom.contains("LIV-02 Perluasan kemitraan pengemudi lokal"),
        "{bottom:?}"
    );
    press(&mut app, "2⏎");
    let shown = screen(&app);
    let row = |id: &str| {
        shown
            .lines()
            .find(|l| l.contains(id))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("GOV-01").contains("GOV-01 !"),
        "late: {}",
        row("GOV-01")
    );
    assert!(
        row("GOV-02").contains("GOV-02 "),
        "on time: {}",
        row("GOV-02")
    );
    assert!(
        shown.contains("! milestone overdue"),
        "the legend says what ! is"
    );
}

#[test]
fn l_switches_the_language_at_once_and_back() {
    let mut app = app(Lang::En);
    press(&mut app, "2⏎");
    press(&mut app, "L");
    assert_eq!(app.lang(), Lang::Id);
    let shown = screen(&app);
    assert!(
        shown.contains("2 Dimensi") && shown.contains("Berjalan"),
        "{shown}"
    );
    assert!(
        app.message()
            .unwrap_or_default()
            .starts_with("Bahasa Indonesia")
    );
    // The view and its selection stay where they were.
    assert_eq!(
        app.selected_program().map(|p| p.id.as_str()),
        Some("GOV-01")
    );
    press(&mut app, "L");
    assert_eq!(app.lang(), Lang::En);
    assert!(screen(&app).contains("2 Dimensions"));
}
