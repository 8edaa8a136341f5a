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
