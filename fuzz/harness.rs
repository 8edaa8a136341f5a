//! What the fuzz targets check, shared word for word with the proptest
//! versions in `tests/it/robustness.rs` (which include this file with
//! `#[path]`), so a crashing input found by `cargo fuzz` replays as a
//! plain `#[test]`.
//!
//! Only pantau's own dependencies are used here (crossterm, ratatui, jiff), so
//! the main crate's tests compile this file without the fuzz crate.

// Each includer uses a different half.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use pantau::i18n::{EN, ID, Lang};
use pantau::plan::{canonical, validate};
use pantau::store::{self, Document, LoadError, PlacedProblem};
use pantau::tui::action::{Action, Effect, Outcome};
use pantau::tui::app::{App, Modal, Today};
use pantau::tui::keymap;
use pantau::tui::theme::Theme;
use pantau::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::OnceLock;

// ---------------------------------------------------------------- load ----

/// Any text as a plan file: never panics; a plan that parses and validates
/// survives `canonical::to_ron` → `parse` unchanged and writes the same bytes
/// again; every error message renders in both languages.
pub fn load(text: &str) {
    let path = Path::new("plan.ron");
    let parsed = store::parse(text, path);
    // The parse on several threads gives the whole parse's plan, or leaves it
    // to the whole parse: it never accepts what that refuses.
    if let Some(fast) = store::fast::parse(text, 3) {
        match &parsed {
            Ok(doc) => assert_eq!(fast, doc.plan, "the parallel parse read another plan"),
            Err(LoadError::NewerVersion { .. }) => {}
            Err(error) => panic!(
                "the parallel parse accepted what the whole parse refuses: {}\n{text}",
                error.render(&EN)
            ),
        }
    }
    let doc = match parsed {
        Ok(doc) => doc,
        Err(error) => {
            render(&error);
            return;
        }
    };
    let problems = validate::validate(&doc.plan);
    if !problems.is_empty() {
        // `store::load` places problems on lines with a private helper; the
        // message must render with a line or without one.
        let problems = problems
            .into_iter()
            .enumerate()
            .map(|(i, problem)| PlacedProblem {
                line: (i % 2 == 0).then_some(i + 1),
                problem,
            })
            .collect();
        render(&LoadError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
        for problem in validate::validate(&doc.plan) {
            let _ = problem.message(&ID);
        }
        return;
    }

    let written = canonical::to_ron(&doc.plan, &doc.preamble);
    assert_eq!(written, doc.to_ron());
    let again = match store::parse(&written, path) {
        Ok(again) => again,
        Err(error) => panic!(
            "the canonical text does not parse: {}\n--- input ---\n{text}\n--- written ---\n{written}",
            error.render(&EN)
        ),
    };
    assert_eq!(
        again.plan, doc.plan,
        "the plan changed in a round trip\n--- written ---\n{written}"
    );
    assert_eq!(
        again.preamble, doc.preamble,
        "the preamble changed in a round trip"
    );
    let problems = validate::validate(&again.plan);
    assert!(
        problems.is_empty(),
        "valid before a round trip, not after: {problems:?}"
    );
    assert_eq!(
        canonical::to_ron(&again.plan, &again.preamble),
        written,
        "the same plan must always give the same bytes"
    );
}

fn render(error: &LoadError) {
    let en = error.render(&EN);
    let id = error.render(&ID);
    assert!(!en.is_empty() && !id.is_empty());
}

// ---------------------------------------------------------------- keys ----

/// Keys taken from one input; more are ignored, which bounds the time per input.
pub const MAX_KEYS: usize = 300;

/// Dates the session may take as today (`--today` accepts any YYYY-MM-DD):
/// before, inside and after the example's period, and the ends of the range.
const TODAYS: [(i16, i8, i8); 8] = [
    (2023, 11, 2),
    (2019, 1, 1),
    (2021, 6, 15),
    (2025, 12, 31),
    (2031, 12, 31),
    (2045, 3, 1),
    (1, 1, 1),
    (9999, 12, 31),
];

/// One step of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Key(KeyEvent),
    /// The terminal is now `w`×`h`: the app is told and the next frames use it.
    Resize(u16, u16),
    /// The app is told a size the frames do not have (a resize still on its
    /// way, or a terminal reporting 0×0).
    ResizeAppOnly(u16, u16),
}

/// A session decoded from bytes.
#[derive(Debug, Clone)]
pub struct Session {
    pub size: (u16, u16),
    pub lang: Lang,
    pub theme: Theme,
    pub today: jiff::civil::Date,
    pub steps: Vec<Step>,
}

fn key(code: KeyCode) -> Step {
    Step::Key(KeyEvent::new(code, KeyModifiers::NONE))
}
fn with(code: KeyCode, mods: KeyModifiers) -> Step {
    Step::Key(KeyEvent::new(code, mods))
}
fn ch(c: char) -> Step {
    key(KeyCode::Char(c))
}

/// The frame size for two bytes: 1..=200 × 1..=60.
pub fn size_of(w: u8, h: u8) -> (u16, u16) {
    (1 + u16::from(w) % 200, 1 + u16::from(h) % 60)
}

/// Bytes to a session. The first three bytes are the frame size (width,
/// height) and flags (bit 0 Indonesian, bit 1 monochrome, bit 2 ASCII, bits
/// 3-5 which of `TODAYS`); each later byte is a key:
///
/// - printable ASCII `0x20..=0x7e` is that character, so seeds are readable
///   (`2\r\re` opens the drill-down, a program, its form);
/// - `0x01..=0x1a` Ctrl+letter, except Backspace `0x08`, Tab `0x09`, Enter `0x0d`;
/// - `0x00` Ctrl-Space, `0x1b` Esc, `0x7f` Backspace, `0x1c..=0x1f` ↑ ↓ → ←;
/// - `0x80..` arrows and editing keys, Shift-Tab, Shift+letter, Alt+key (two
///   presses after `keymap::unfold`), releases, non-ASCII text (accents,
///   wide CJK, emoji, combining and bidi marks), resizes (`0xc0` takes the
///   next two bytes as a new size);
/// - the rest repeats the keys that matter most.
pub fn decode(data: &[u8]) -> Session {
    let b = |i: usize, default: u8| data.get(i).copied().unwrap_or(default);
    let flags = b(2, 0);
    let (y, m, d) = TODAYS[usize::from(flags >> 3) % TODAYS.len()];
    let mut session = Session {
        size: size_of(b(0, 79), b(1, 23)),
        lang: if flags & 1 == 0 { Lang::En } else { Lang::Id },
        theme: Theme {
            mono: flags & 2 != 0,
            ascii: flags & 4 != 0,
            palette: pantau::tui::theme::Palette::DEFAULT,
        },
        today: jiff::civil::date(y, m, d),
        steps: Vec::new(),
    };
    let mut bytes = data.iter().skip(3).copied();
    while session.steps.len() < MAX_KEYS {
        let Some(byte) = bytes.next() else { break };
        let step = match byte {
            0x00 => with(KeyCode::Char(' '), KeyModifiers::CONTROL),
            0x08 | 0x7f => key(KeyCode::Backspace),
            0x09 => key(KeyCode::Tab),
            0x0d => key(KeyCode::Enter),
            0x01..=0x1a => with(
                KeyCode::Char(char::from(b'a' + byte - 1)),
                KeyModifiers::CONTROL,
            ),
            0x1b => key(KeyCode::Esc),
            0x1c => key(KeyCode::Up),
            0x1d => key(KeyCode::Down),
            0x1e => key(KeyCode::Right),
            0x1f => key(KeyCode::Left),
            0x20..=0x7e => ch(char::from(byte)),
            0x80 => key(KeyCode::Up),
            0x81 => key(KeyCode::Down),
            0x82 => key(KeyCode::Left),
            0x83 => key(KeyCode::Right),
            0x84 => key(KeyCode::Home),
            0x85 => key(KeyCode::End),
            0x86 => key(KeyCode::PageUp),
            0x87 => key(KeyCode::PageDown),
            0x88 => with(KeyCode::BackTab, KeyModifiers::SHIFT),
            0x89 => key(KeyCode::Delete),
            0x8a => key(KeyCode::Insert),
            0x8b => key(KeyCode::F(1)),
            0x8c => key(KeyCode::Enter),
            0x8d => key(KeyCode::Esc),
            0x8e => key(KeyCode::Tab),
            0x8f => key(KeyCode::BackTab),
            // Text beyond ASCII, as typed into forms and the filter.
            0x90 => ch('é'),
            0x91 => ch('–'),
            0x92 => ch('漢'),
            0x93 => ch('😀'),
            0x94 => ch('\u{301}'),  // combining acute
            0x95 => ch('\u{202e}'), // right-to-left override
            0x96 => ch('\u{200b}'), // zero-width space
            0x97 => ch('ᨒ'),
            0x98 => ch('\u{feff}'),
            0x99 => ch('ß'),
            0x9a => ch('İ'), // lower-cases to two chars
            0x9b => ch('\u{a0}'),
            0x9c => ch('\u{2028}'),
            0x9d => ch('ﷺ'),         // one char, very wide
            0x9e => ch('\u{1f1ee}'), // a regional indicator
            0x9f => ch('\u{fe0f}'),
            // Shift reported with the character, as some terminals do.
            0xa0 => with(KeyCode::Char('G'), KeyModifiers::SHIFT),
            0xa1 => with(KeyCode::Char('S'), KeyModifiers::SHIFT),
            0xa2 => with(KeyCode::Char('J'), KeyModifiers::SHIFT),
            0xa3 => with(KeyCode::Char('K'), KeyModifiers::SHIFT),
            0xa4 => with(KeyCode::Char('?'), KeyModifiers::SHIFT),
            0xa5 => with(KeyCode::Char('{'), KeyModifiers::SHIFT),
            0xa6 => with(KeyCode::Char('}'), KeyModifiers::SHIFT),
            0xa7 => with(KeyCode::Char('P'), KeyModifiers::SHIFT),
            0xa8 => with(KeyCode::Up, KeyModifiers::SHIFT),
            0xa9 => with(KeyCode::Enter, KeyModifiers::SHIFT),
            0xaa => with(
                KeyCode::Char('s'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT,
            ),
            0xab => with(KeyCode::Char('S'), KeyModifiers::CONTROL),
            0xac => with(KeyCode::Char('R'), KeyModifiers::CONTROL),
            0xad => with(KeyCode::Left, KeyModifiers::CONTROL),
            0xae => with(KeyCode::Backspace, KeyModifiers::CONTROL),
            0xaf => with(KeyCode::Char('c'), KeyModifiers::CONTROL),
            // Esc and the next key in one read: Alt+key.
            0xb0 => with(KeyCode::Char('j'), KeyModifiers::ALT),
            0xb1 => with(KeyCode::Char('2'), KeyModifiers::ALT),
            0xb2 => with(KeyCode::Char('u'), KeyModifiers::ALT),
            0xb3 => with(KeyCode::Char('s'), KeyModifiers::ALT),
            0xb4 => with(KeyCode::Char('y'), KeyModifiers::ALT),
            0xb5 => with(KeyCode::Char('e'), KeyModifiers::ALT),
            0xb6 => with(KeyCode::Enter, KeyModifiers::ALT),
            0xb7 => with(KeyCode::Esc, KeyModifiers::ALT),
            0xb8 => with(KeyCode::Char('q'), KeyModifiers::ALT),
            0xb9 => with(KeyCode::Char('/'), KeyModifiers::ALT),
            0xba => with(
                KeyCode::Char('s'),
                KeyModifiers::ALT | KeyModifiers::CONTROL,
            ),
            0xbb => with(KeyCode::Char('x'), KeyModifiers::ALT),
            // Key releases and repeats (kitty keyboard protocol).
            0xbc => Step::Key(KeyEvent::new_with_kind(
                KeyCode::Char('u'),
                KeyModifiers::NONE,
                KeyEventKind::Release,
            )),
            0xbd => Step::Key(KeyEvent::new_with_kind(
                KeyCode::Char('s'),
                KeyModifiers::NONE,
                KeyEventKind::Repeat,
            )),
            0xbe => Step::Key(KeyEvent::new_with_kind(
                KeyCode::Enter,
                KeyModifiers::NONE,
                KeyEventKind::Release,
            )),
            0xbf => key(KeyCode::Null),
            // Resizes.
            0xc0 => {
                let (w, h) = size_of(bytes.next().unwrap_or(79), bytes.next().unwrap_or(23));
                Step::Resize(w, h)
            }
            0xc1 => Step::Resize(1, 1),
            0xc2 => Step::Resize(50, 12),
            0xc3 => Step::Resize(49, 11),
            0xc4 => Step::Resize(200, 60),
            0xc5 => Step::ResizeAppOnly(0, 0),
            0xc6 => Step::ResizeAppOnly(u16::MAX, u16::MAX),
            0xc7 => Step::ResizeAppOnly(1, 1),
            // The rest: the keys that do the most.
            _ => {
                const COMMON: [Step; 8] = [
                    Step::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                    Step::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
                    Step::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)),
                    Step::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE)),
                    Step::Key(KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE)),
                    Step::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE)),
                    Step::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
                    Step::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
                ];
                COMMON[usize::from(byte - 0xc8) % COMMON.len()]
            }
        };
        session.steps.push(step);
    }
    session
}

/// The example plan as loaded, in a session started the way `tui` starts one.
pub fn example_app(session: &Session) -> App {
    // Parsed once: 45 KB of RON per input would cost as much as the keys.
    static EXAMPLE: OnceLock<Document> = OnceLock::new();
    let doc = EXAMPLE.get_or_init(|| {
        store::parse(store::EXAMPLE, Path::new("luwu-utara.ron"))
            .expect("the bundled example parses")
    });
    let mut app = App::new(
        doc.clone(),
        "luwu-utara.ron".into(),
        Today::Given(session.today),
        session.lang,
    );
    update(&mut app, Action::Resize(session.size.0, session.size.1));
    app
}

/// Closes whatever form or question is open without answering it, as Esc does.
fn close_modal(app: &mut App) {
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

/// Plays a session on the example plan. After every step: no panic, a frame
/// of the current size draws, the plan validates. At the end, undo back to
/// the start gives the plan exactly as loaded.
pub fn keys(data: &[u8]) {
    let session = decode(data);
    let mut app = example_app(&session);
    let original = app.plan().clone();
    // What was last saved, kept the obvious way, to check the merge base
    // the app reaches through its history instead.
    let mut saved = original.clone();
    let (mut w, mut h) = session.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    draw(&mut terminal, &app, &session.theme);
    for (n, step) in session.steps.iter().enumerate() {
        match *step {
            Step::Key(event) => {
                for event in keymap::unfold(event) {
                    if let Some(action) = keymap::resolve(&app, event) {
                        let effects = update(&mut app, action);
                        if perform(&mut app, effects) {
                            saved = app.plan().clone();
                        }
                    }
                }
            }
            Step::Resize(new_w, new_h) => {
                (w, h) = (new_w, new_h);
                terminal.backend_mut().resize(w, h);
                let _ = update(&mut app, Action::Resize(w, h));
            }
            Step::ResizeAppOnly(w, h) => {
                let _ = update(&mut app, Action::Resize(w, h));
            }
        }
        draw(&mut terminal, &app, &session.theme);
        let problems = validate::validate(app.plan());
        assert!(
            problems.is_empty(),
            "after step {n} ({step:?}) the plan no longer validates: {problems:?}"
        );
        assert!(
            *app.base_plan() == saved,
            "after step {n} ({step:?}) the merge base is not the plan last saved"
        );
        // The event loop ends the session on quit; so does the play.
        if app.should_quit() {
            break;
        }
    }
    // Undo is refused while the screen is too small to show what it undoes
    // (issue 24): the officer makes the terminal larger first.
    terminal.backend_mut().resize(80, 24);
    let _ = update(&mut app, Action::Resize(80, 24));
    close_modal(&mut app);
    let mut undos = 0;
    while app.history().can_undo() {
        let _ = update(&mut app, Action::Undo);
        undos += 1;
        assert!(undos <= 10 * MAX_KEYS, "undo never ends");
    }
    assert!(
        app.plan() == &original,
        "undoing every change did not give back the plan as loaded"
    );
    draw(&mut terminal, &app, &session.theme);
}

/// What the event loop does with an effect, without files: a save succeeds at
/// once. Other effects (printing a report) are dropped. True when it saved.
fn perform(app: &mut App, effects: Vec<Effect>) -> bool {
    let mut saved = false;
    for effect in effects {
        if let Effect::Save { .. } = effect {
            let more = update(
                app,
                Outcome::Saved {
                    at: "10:15".into(),
                    fingerprint: 1,
                    renamed: Vec::new(),
                    merged: None,
                    audit: Vec::new(),
                    log_error: None,
                    tampered: false,
                    backup: None,
                },
            );
            saved = true;
            saved |= perform(app, more);
        }
    }
    saved
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    terminal
        .draw(|frame| pantau::tui::ui::draw(frame, app, theme))
        .expect("TestBackend never fails");
}
