//! Keys to actions, in one table that also writes the help screen and the
//! status-bar hints, so what the help says is what the keys do.

use crate::action::{Action, View};
use crate::app::{App, Pane};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, unless the current view binds the same key.
    Global,
    Dashboard,
    Drill,
    Timeline,
    /// The help overlay is open.
    Help,
    /// The filter prompt is taking text.
    Filter,
}

/// What a binding is for, as the help screen says it (text in `i18n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    Quit,
    Help,
    Views,
    NextView,
    Move,
    Page,
    Ends,
    Filter,
    Back,
    SwitchList,
    OpenProgram,
    Open,
    Panes,
    Years,
    CloseHelp,
    FilterKeep,
    FilterClear,
    FilterDelete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: Help,
    /// Shown in the status bar as one of the most useful keys.
    pub hint: bool,
}

const fn bind(context: Context, keys: &'static [Key], action: Action, help: Help) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint: false,
    }
}
const fn hint(context: Context, keys: &'static [Key], action: Action, help: Help) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint: true,
    }
}

use Context::*;

pub const BINDINGS: &[Binding] = &[
    // The filter prompt: typed characters go to the filter (see `resolve`).
    bind(
        Filter,
        &[code(KeyCode::Enter)],
        Action::FilterAccept,
        Help::FilterKeep,
    ),
    bind(
        Filter,
        &[code(KeyCode::Esc)],
        Action::FilterClear,
        Help::FilterClear,
    ),
    bind(
        Filter,
        &[code(KeyCode::Backspace)],
        Action::FilterBackspace,
        Help::FilterDelete,
    ),
    bind(Filter, &[code(KeyCode::Up)], Action::Up, Help::Move),
    bind(Filter, &[code(KeyCode::Down)], Action::Down, Help::Move),
    bind(Filter, &[code(KeyCode::PageUp)], Action::PageUp, Help::Page),
    bind(
        Filter,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        Help::Page,
    ),
    bind(Filter, &[ctrl('c')], Action::Quit, Help::Quit),
    // The help overlay.
    bind(
        Help,
        &[code(KeyCode::Esc), k('?'), k('q')],
        Action::ToggleHelp,
        Help::CloseHelp,
    ),
    bind(Help, &[ctrl('c')], Action::Quit, Help::Quit),
    // The dashboard.
    bind(
        Dashboard,
        &[code(KeyCode::Left), k('h'), code(KeyCode::Right), k('l')],
        Action::Right,
        Help::SwitchList,
    ),
    bind(
        Dashboard,
        &[code(KeyCode::Enter)],
        Action::Open,
        Help::OpenProgram,
    ),
    // The dimension drill-down.
    bind(Drill, &[code(KeyCode::Enter)], Action::Open, Help::Open),
    bind(
        Drill,
        &[code(KeyCode::Left), k('h'), code(KeyCode::Right), k('l')],
        Action::Right,
        Help::Panes,
    ),
    // The timeline.
    bind(
        Timeline,
        &[code(KeyCode::Left), k('h'), code(KeyCode::Right), k('l')],
        Action::Right,
        Help::Years,
    ),
    bind(
        Timeline,
        &[code(KeyCode::Enter)],
        Action::Open,
        Help::OpenProgram,
    ),
    // Everywhere.
    // No status-bar hint: the tabs at the top already show 1, 2 and 3.
    bind(
        Global,
        &[k('1'), k('2'), k('3')],
        Action::Show(View::Dashboard),
        Help::Views,
    ),
    bind(
        Global,
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        Action::NextView,
        Help::NextView,
    ),
    bind(
        Global,
        &[code(KeyCode::Up), k('k'), code(KeyCode::Down), k('j')],
        Action::Down,
        Help::Move,
    ),
    bind(
        Global,
        &[code(KeyCode::PageUp), code(KeyCode::PageDown)],
        Action::PageDown,
        Help::Page,
    ),
    bind(
        Global,
        &[code(KeyCode::Home), k('g'), code(KeyCode::End), k('G')],
        Action::Last,
        Help::Ends,
    ),
    hint(Global, &[k('/')], Action::StartFilter, Help::Filter),
    bind(Global, &[code(KeyCode::Esc)], Action::Back, Help::Back),
    hint(Global, &[k('?')], Action::ToggleHelp, Help::Help),
    hint(Global, &[k('q'), ctrl('c')], Action::Quit, Help::Quit),
];

/// The action for a key press in the app's current state, if any.
///
/// Pairs such as ←/→ share one table row for the help screen; the row's
/// action is the "forward" one and `direction` picks the right one here.
pub fn resolve(app: &App, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = normalise(event);
    let context = current_context(app);
    if context == Context::Filter
        && let KeyCode::Char(c) = key.code
        && !key.mods.contains(KeyModifiers::CONTROL)
    {
        return Some(Action::FilterInput(c));
    }
    let chain: &[Context] = match context {
        Context::Filter | Context::Help => &[context],
        view => &[view, Context::Global],
    };
    chain.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.contains(&key))
            .map(|b| direction(&b.action, key))
    })
}

/// Esc followed at once by a key reaches us as Alt+key, and pantau binds no
/// Alt keys: give it back as the two presses the user made.
pub fn unfold(event: KeyEvent) -> Vec<KeyEvent> {
    if event.modifiers.contains(KeyModifiers::ALT) {
        let mut key = event;
        key.modifiers.remove(KeyModifiers::ALT);
        vec![KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), key]
    } else {
        vec![event]
    }
}

/// The context whose bindings apply first.
pub fn current_context(app: &App) -> Context {
    if app.filtering {
        Context::Filter
    } else if app.help {
        Context::Help
    } else {
        match app.view {
            View::Dashboard => Context::Dashboard,
            View::Dimensions => Context::Drill,
            View::Timeline => Context::Timeline,
        }
    }
}

/// Bindings to show on the help screen for `app`'s state: its context first,
/// then the global ones.
pub fn help_for(app: &App) -> Vec<&'static Binding> {
    let context = match current_context(app) {
        Context::Help => match app.view {
            View::Dashboard => Context::Dashboard,
            View::Dimensions => Context::Drill,
            View::Timeline => Context::Timeline,
        },
        other => other,
    };
    let mut list: Vec<&Binding> = BINDINGS.iter().filter(|b| b.context == context).collect();
    if context != Context::Filter {
        list.extend(BINDINGS.iter().filter(|b| b.context == Context::Global));
    }
    list
}

/// Hints for the status bar: the current view's and the global ones marked `hint`.
pub fn hints_for(app: &App) -> Vec<&'static Binding> {
    let context = current_context(app);
    BINDINGS
        .iter()
        .filter(|b| b.hint && (b.context == context || b.context == Context::Global))
        .filter(|b| {
            !(b.action == Action::Open
                && app.view == View::Dimensions
                && app.drill.pane == Pane::Detail)
        })
        .collect()
}

/// Shift is part of the character for `G` and `?`; terminals disagree on
/// whether they also report it as a modifier, so drop it for characters.
fn normalise(event: KeyEvent) -> Key {
    let mut mods =
        event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Key {
        code: event.code,
        mods,
    }
}

/// The member of a paired binding that `key` asks for.
fn direction(action: &Action, key: Key) -> Action {
    use KeyCode::*;
    let backward = matches!(
        key.code,
        Up | Left | PageUp | Home | BackTab | Char('k' | 'h' | 'g')
    );
    match (action, key.code) {
        (Action::Show(_), Char('1')) => Action::Show(View::Dashboard),
        (Action::Show(_), Char('2')) => Action::Show(View::Dimensions),
        (Action::Show(_), Char('3')) => Action::Show(View::Timeline),
        (Action::NextView, _) if backward => Action::PrevView,
        (Action::Down, _) if backward => Action::Up,
        (Action::PageDown, _) if backward => Action::PageUp,
        (Action::Last, _) if backward => Action::First,
        (Action::Right, _) if backward => Action::Left,
        (other, _) => other.clone(),
    }
}

/// How a key is written on the help screen and in hints.
pub fn label(key: &Key, ascii: bool) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => if ascii { "Up" } else { "↑" }.to_string(),
        KeyCode::Down => if ascii { "Down" } else { "↓" }.to_string(),
        KeyCode::Left => if ascii { "Left" } else { "←" }.to_string(),
        KeyCode::Right => if ascii { "Right" } else { "→" }.to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}

/// All keys of a binding, e.g. `↑ k ↓ j`.
pub fn keys_label(binding: &Binding, ascii: bool) -> String {
    binding
        .keys
        .iter()
        .map(|k| label(k, ascii))
        .collect::<Vec<_>>()
        .join(" ")
}
