//! Keys to actions, in one table that also writes the help screen and the
//! status-bar hints, so what the help says is what the keys do. The table
//! and the user's overrides of it live in `bindings`; this module reads the
//! app's state to find which of them apply.

use crate::tui::action::{Action, View};
use crate::tui::app::{App, Modal, Pane};
pub use crate::tui::bindings::{
    BINDINGS, Binding, Context, Help, Key, KeyNameError, Keymap, KeymapError, keys_label, label,
    parse_key,
};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The action for a key press in the app's current state, if any.
pub fn resolve(app: &App, event: KeyEvent) -> Option<Action> {
    resolve_with(&app.keymap().bindings, current_context(app), event)
}

/// The action for a key press in `context` with the built-in keys: the
/// province dashboard, which has no plan (and no App) of its own.
pub fn resolve_in(context: Context, event: KeyEvent) -> Option<Action> {
    resolve_with(BINDINGS, context, event)
}

fn resolve_with(bindings: &[Binding], context: Context, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let key = normalise(event);
    if let KeyCode::Char(c) = key.code
        && !key.mods.contains(KeyModifiers::CONTROL)
    {
        match context {
            Context::Filter => return Some(Action::FilterInput(c)),
            Context::Form => return Some(Action::FormChar(c)),
            _ => {}
        }
    }
    let chain: &[Context] = match context {
        Context::Filter
        | Context::Help
        | Context::Form
        | Context::Confirm
        | Context::QuitPrompt
        | Context::Conflict
        | Context::Recover
        | Context::PrintFormat
        | Context::StatusChoice
        | Context::Province => &[context],
        view => &[view, Context::Global],
    };
    chain.iter().find_map(|ctx| {
        bindings
            .iter()
            .filter(|b| b.context == *ctx)
            .find_map(|b| b.keys.iter().find(|(k, _)| *k == key))
            .map(|(_, action)| action.clone())
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
    if let Some(modal) = &app.modal() {
        match modal {
            Modal::Form(_) => Context::Form,
            Modal::Confirm(_) => Context::Confirm,
            Modal::QuitPrompt(_) => Context::QuitPrompt,
            Modal::Conflict { .. } => Context::Conflict,
            Modal::Recover(_) => Context::Recover,
            Modal::PrintFormat => Context::PrintFormat,
            Modal::Status { .. } => Context::StatusChoice,
        }
    } else if app.filtering() {
        Context::Filter
    } else if app.help() {
        Context::Help
    } else {
        match app.view() {
            View::Dashboard => Context::Dashboard,
            View::Dimensions => Context::Drill,
            View::Timeline => Context::Timeline,
            View::Evaluation => Context::Evaluation,
        }
    }
}

/// Bindings to show on the help screen for `app`'s state: its context first,
/// then the global ones.
pub fn help_for(app: &App) -> Vec<&Binding> {
    let context = match current_context(app) {
        Context::Help => match app.view() {
            View::Dashboard => Context::Dashboard,
            View::Dimensions => Context::Drill,
            View::Timeline => Context::Timeline,
            View::Evaluation => Context::Evaluation,
        },
        other => other,
    };
    let bindings = &app.keymap().bindings;
    let mut list: Vec<&Binding> = bindings.iter().filter(|b| b.context == context).collect();
    // Global keys do nothing while a prompt, a form or the filter has the keyboard.
    if context.takes_global_keys() {
        list.extend(bindings.iter().filter(|b| b.context == Context::Global));
    }
    list
}

/// Bindings to show on the help screen in `context` with the built-in keys
/// (the province dashboard): its own, then the global ones where they apply.
pub fn help_in(context: Context) -> Vec<&'static Binding> {
    let mut list: Vec<&Binding> = BINDINGS.iter().filter(|b| b.context == context).collect();
    if context.takes_global_keys() {
        list.extend(BINDINGS.iter().filter(|b| b.context == Context::Global));
    }
    list
}

/// The status-bar hints of a context that takes no global keys (the province).
pub fn hints_in(context: Context) -> Vec<&'static Binding> {
    BINDINGS
        .iter()
        .filter(|b| b.hint && b.context == context)
        .collect()
}

/// Hints for the status bar: the current view's and the global ones marked `hint`.
pub fn hints_for(app: &App) -> Vec<&Binding> {
    let context = current_context(app);
    let mut hints: Vec<&Binding> = app
        .keymap
        .bindings
        .iter()
        // Global keys do not work while a prompt or form has the keyboard: no hints for them then.
        .filter(|b| {
            b.hint
                && (b.context == context
                    || (b.context == Context::Global && context.takes_global_keys()))
        })
        .filter(|b| {
            !(b.keys.iter().any(|(_, a)| *a == Action::Open)
                && app.view() == View::Dimensions
                && app.drill().pane == Pane::Detail)
        })
        .collect();
    // The view's own keys first, help at the right end where it is looked for.
    let place = |b: &Binding| match (b.context, b.help) {
        (Context::Global, Help::Help) => 4,
        (Context::Global, Help::Quit) => 3,
        (Context::Global, Help::Save) => 2,
        (Context::Global, _) => 1,
        _ => 0,
    };
    hints.sort_by_key(|b| place(b));
    hints
}

/// Which hints a narrow status bar keeps longest, lowest first: help, so
/// an officer can always find the rest; then quitting and saving, then the
/// view's own keys, then the other global ones.
pub fn hint_priority(binding: &Binding) -> u8 {
    match (binding.context, binding.help) {
        (Context::Global, Help::Help) => 0,
        (Context::Global, Help::Quit) => 1,
        (Context::Global, Help::Save) => 2,
        (Context::Global, _) => 4,
        _ => 3,
    }
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
