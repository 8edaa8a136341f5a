//! The interface in-process: a plan opened in an `App` at a terminal size,
//! as the tests and the benchmarks drive it without a terminal.

// Each includer (the two runners, the benchmarks) uses a different part.
#![allow(dead_code)]

use jiff::civil::Date;
use pantau::i18n::Lang;
use pantau::store::{self, Document};
use pantau::tui::action::Action;
use pantau::tui::app::{App, Modal, Session, Today};
use pantau::tui::update::update;
use std::path::Path;

/// The day the tests of the example are pinned to (`TODAY` on a command line).
pub fn today() -> Date {
    jiff::civil::date(2026, 12, 2)
}

/// The bundled example in English on an 80×24 terminal, on `today()`.
pub fn app() -> App {
    example_app(Lang::En, today(), (80, 24))
}

/// The bundled example, as `luwu-utara.ron`, in `lang` on `today` at `size`.
pub fn example_app(lang: Lang, today: Date, size: (u16, u16)) -> App {
    app_of(store::EXAMPLE, "luwu-utara.ron", today, lang, size)
}

/// `text`, read as the file `file`, in the interface in `lang` on `today` at
/// `size`. Panics if it does not parse: the tests' plans are known good.
pub fn app_of(text: &str, file: &str, today: Date, lang: Lang, size: (u16, u16)) -> App {
    let doc = store::parse(text, Path::new(file)).expect("the test's plan parses");
    app_with(doc, file, today, lang, size)
}

/// The bundled example in English at 80×24 on `today()`, opened with what
/// `beside` puts in the session beside the plan (keys, audit log, kept edits).
pub fn app_opened(beside: impl FnOnce(&mut Session)) -> App {
    let doc = store::parse(store::EXAMPLE, Path::new("luwu-utara.ron"))
        .expect("the bundled example parses");
    let mut session = Session::new("luwu-utara.ron".into(), Today::Given(today()), Lang::En);
    beside(&mut session);
    let mut app = App::open(doc, session);
    let _ = update(&mut app, Action::Resize(80, 24));
    app
}

/// Closes whatever form or question is open without answering it, as Esc
/// does (a form's Esc, else the question's).
pub fn close_modal(app: &mut App) {
    // Each close may offer the next kept edits; there are never many.
    for _ in 0..8 {
        let action = match app.modal() {
            None => return,
            Some(Modal::Form(_)) => Action::FormCancel,
            Some(_) => Action::Cancel,
        };
        let _ = update(app, action);
    }
}

/// An already parsed plan in the interface, shown as `file` (for a plan
/// parsed once and opened many times).
pub fn app_with(doc: Document, file: &str, today: Date, lang: Lang, size: (u16, u16)) -> App {
    let mut app = App::new(doc, file.into(), Today::Given(today), lang);
    let _ = update(&mut app, Action::Resize(size.0, size.1));
    app
}
