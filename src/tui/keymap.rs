//! Keys to actions, in one table that also writes the help screen and the
//! status-bar hints, so what the help says is what the keys do.

use crate::report::Format as ReportFormat;
use crate::tui::action::{Action, View};
use crate::tui::app::{App, Modal, Pane};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, unless the current view binds the same key.
    Global,
    Dashboard,
    Drill,
    Timeline,
    Evaluation,
    /// The province dashboard (`pantau DIR`): one row per region.
    Province,
    /// The help overlay is open.
    Help,
    /// The filter prompt is taking text.
    Filter,
    /// An edit form is open.
    Form,
    /// "Delete …?"
    Confirm,
    /// "Save changes?" on quitting.
    QuitPrompt,
    /// Another officer changed the same field: keep mine or theirs?
    Conflict,
    /// Edits kept from a session that ended badly: restore or discard?
    Recover,
    /// Which report format?
    PrintFormat,
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
    /// Enter on the province dashboard: the region's own dashboard, read-only.
    OpenRegion,
    Open,
    Panes,
    Years,
    CloseHelp,
    FilterKeep,
    FilterClear,
    FilterDelete,
    Status,
    Toggle,
    MarkDone,
    EndYear,
    StartYear,
    Add,
    AddBudget,
    EvaluationYear,
    EditScore,
    AddEvidence,
    Delete,
    Reorder,
    Edit,
    EditHeader,
    Undo,
    Redo,
    Save,
    Sync,
    FormNext,
    FormAccept,
    FormCancel,
    FormPick,
    FormWord,
    FormClear,
    FormCursor,
    ConfirmYes,
    ConfirmNo,
    QuitSave,
    QuitDiscard,
    QuitCancel,
    KeepMine,
    KeepTheirs,
    DontSave,
    Recover,
    Discard,
    Print,
    ChoosePrint,
    PrintText,
    PrintMarkdown,
    PrintCsv,
    PrintJson,
}

impl Context {
    /// Whether the global keys (views, undo, save, quit…) apply here.
    pub fn takes_global_keys(self) -> bool {
        matches!(
            self,
            Context::Global
                | Context::Dashboard
                | Context::Drill
                | Context::Timeline
                | Context::Evaluation
        )
    }
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

/// One line of the help screen: the keys it names, each with the action it
/// gives (a pair such as ↑/↓ shares a line), and what the line says.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [(Key, Action)],
    pub help: Help,
    /// Shown in the status bar as one of the most useful keys.
    pub hint: bool,
}

const fn bind(context: Context, keys: &'static [(Key, Action)], help: Help) -> Binding {
    Binding {
        context,
        keys,
        help,
        hint: false,
    }
}
const fn hint(context: Context, keys: &'static [(Key, Action)], help: Help) -> Binding {
    Binding {
        context,
        keys,
        help,
        hint: true,
    }
}

use Context::*;

pub const BINDINGS: &[Binding] = &[
    // The filter prompt: typed characters go to the filter (see `resolve`).
    bind(
        Filter,
        &[(code(KeyCode::Enter), Action::FilterAccept)],
        Help::FilterKeep,
    ),
    bind(
        Filter,
        &[(code(KeyCode::Esc), Action::FilterClear)],
        Help::FilterClear,
    ),
    bind(
        Filter,
        &[(code(KeyCode::Backspace), Action::FilterBackspace)],
        Help::FilterDelete,
    ),
    bind(Filter, &[(code(KeyCode::Up), Action::Up)], Help::Move),
    bind(Filter, &[(code(KeyCode::Down), Action::Down)], Help::Move),
    bind(
        Filter,
        &[(code(KeyCode::PageUp), Action::PageUp)],
        Help::Page,
    ),
    bind(
        Filter,
        &[(code(KeyCode::PageDown), Action::PageDown)],
        Help::Page,
    ),
    bind(Filter, &[(ctrl('c'), Action::Quit)], Help::Quit),
    // The help overlay.
    bind(
        Help,
        &[
            (code(KeyCode::Esc), Action::ToggleHelp),
            (k('?'), Action::ToggleHelp),
            (k('q'), Action::ToggleHelp),
        ],
        Help::CloseHelp,
    ),
    bind(Help, &[(ctrl('c'), Action::Quit)], Help::Quit),
    // An edit form: typed characters go to the field (see `resolve`).
    hint(
        Form,
        &[(code(KeyCode::Enter), Action::FormEnter)],
        Help::FormAccept,
    ),
    hint(
        Form,
        &[(code(KeyCode::Esc), Action::FormCancel)],
        Help::FormCancel,
    ),
    hint(
        Form,
        &[
            (code(KeyCode::Tab), Action::FormNext),
            (code(KeyCode::BackTab), Action::FormPrev),
            (code(KeyCode::Down), Action::FormNext),
            (code(KeyCode::Up), Action::FormPrev),
        ],
        Help::FormNext,
    ),
    bind(
        Form,
        &[
            (code(KeyCode::Left), Action::FormLeft),
            (code(KeyCode::Right), Action::FormRight),
            (code(KeyCode::Home), Action::FormHome),
            (code(KeyCode::End), Action::FormEnd),
        ],
        Help::FormCursor,
    ),
    hint(Form, &[(k(' '), Action::FormChar(' '))], Help::FormPick),
    bind(
        Form,
        &[
            (code(KeyCode::Backspace), Action::FormBackspace),
            (code(KeyCode::Delete), Action::FormDelete),
        ],
        Help::FilterDelete,
    ),
    bind(Form, &[(ctrl('w'), Action::FormDeleteWord)], Help::FormWord),
    bind(Form, &[(ctrl('u'), Action::FormClear)], Help::FormClear),
    bind(Form, &[(ctrl('c'), Action::Quit)], Help::Quit),
    // "Delete …?" and "Save changes?": y/n, and t for "tidak".
    hint(Confirm, &[(k('y'), Action::Yes)], Help::ConfirmYes),
    hint(
        Confirm,
        &[
            (k('n'), Action::No),
            (k('t'), Action::No),
            (code(KeyCode::Esc), Action::No),
        ],
        Help::ConfirmNo,
    ),
    hint(QuitPrompt, &[(k('y'), Action::Yes)], Help::QuitSave),
    hint(
        QuitPrompt,
        &[(k('n'), Action::No), (k('t'), Action::No)],
        Help::QuitDiscard,
    ),
    hint(
        QuitPrompt,
        &[
            (code(KeyCode::Esc), Action::Cancel),
            (ctrl('c'), Action::Cancel),
        ],
        Help::QuitCancel,
    ),
    hint(Conflict, &[(k('m'), Action::KeepMine)], Help::KeepMine),
    hint(Conflict, &[(k('t'), Action::KeepTheirs)], Help::KeepTheirs),
    hint(
        Conflict,
        &[(code(KeyCode::Esc), Action::Cancel)],
        Help::DontSave,
    ),
    hint(Recover, &[(k('r'), Action::Recover)], Help::Recover),
    hint(Recover, &[(k('d'), Action::Discard)], Help::Discard),
    hint(
        PrintFormat,
        &[(k('t'), Action::Print(ReportFormat::Text))],
        Help::PrintText,
    ),
    hint(
        PrintFormat,
        &[(k('m'), Action::Print(ReportFormat::Markdown))],
        Help::PrintMarkdown,
    ),
    hint(
        PrintFormat,
        &[(k('c'), Action::Print(ReportFormat::Csv))],
        Help::PrintCsv,
    ),
    hint(
        PrintFormat,
        &[(k('j'), Action::Print(ReportFormat::Json))],
        Help::PrintJson,
    ),
    hint(
        PrintFormat,
        &[(code(KeyCode::Esc), Action::Cancel)],
        Help::FormCancel,
    ),
    // The dashboard.
    bind(Dashboard, &[(k(' '), Action::ToggleDone)], Help::MarkDone),
    bind(Dashboard, &[(k('e'), Action::EditHeader)], Help::EditHeader),
    bind(
        Dashboard,
        &[
            (code(KeyCode::Left), Action::Left),
            (k('h'), Action::Left),
            (code(KeyCode::Right), Action::Right),
            (k('l'), Action::Right),
        ],
        Help::SwitchList,
    ),
    bind(
        Dashboard,
        &[(code(KeyCode::Enter), Action::Open)],
        Help::OpenProgram,
    ),
    // The dimension drill-down.
    bind(Drill, &[(code(KeyCode::Enter), Action::Open)], Help::Open),
    bind(
        Drill,
        &[
            (code(KeyCode::Left), Action::Left),
            (k('h'), Action::Left),
            (code(KeyCode::Right), Action::Right),
            (k('l'), Action::Right),
        ],
        Help::Panes,
    ),
    hint(Drill, &[(k('e'), Action::Edit)], Help::Edit),
    bind(
        Drill,
        &[
            (k('s'), Action::CycleStatus { forward: true }),
            (k('S'), Action::CycleStatus { forward: false }),
        ],
        Help::Status,
    ),
    bind(Drill, &[(k(' '), Action::ToggleDone)], Help::Toggle),
    bind(Drill, &[(k('a'), Action::Add)], Help::Add),
    bind(Drill, &[(k('b'), Action::AddBudget)], Help::AddBudget),
    bind(Drill, &[(k('E'), Action::AddEvidence)], Help::AddEvidence),
    bind(Drill, &[(k('d'), Action::Delete)], Help::Delete),
    bind(
        Drill,
        &[
            (k('J'), Action::Reorder { down: true }),
            (k('K'), Action::Reorder { down: false }),
        ],
        Help::Reorder,
    ),
    // The timeline.
    hint(Timeline, &[(k('e'), Action::Edit)], Help::Edit),
    bind(
        Timeline,
        &[
            (k('s'), Action::CycleStatus { forward: true }),
            (k('S'), Action::CycleStatus { forward: false }),
        ],
        Help::Status,
    ),
    bind(
        Timeline,
        &[
            (
                k(']'),
                Action::ShiftYear {
                    start: false,
                    by: 1,
                },
            ),
            (
                k('['),
                Action::ShiftYear {
                    start: false,
                    by: -1,
                },
            ),
        ],
        Help::EndYear,
    ),
    bind(
        Timeline,
        &[
            (k('}'), Action::ShiftYear { start: true, by: 1 }),
            (
                k('{'),
                Action::ShiftYear {
                    start: true,
                    by: -1,
                },
            ),
        ],
        Help::StartYear,
    ),
    bind(Timeline, &[(k('d'), Action::Delete)], Help::Delete),
    bind(
        Timeline,
        &[
            (code(KeyCode::Left), Action::Left),
            (k('h'), Action::Left),
            (code(KeyCode::Right), Action::Right),
            (k('l'), Action::Right),
        ],
        Help::Years,
    ),
    bind(
        Timeline,
        &[(code(KeyCode::Enter), Action::Open)],
        Help::OpenProgram,
    ),
    // The evaluation.
    hint(
        Evaluation,
        &[(code(KeyCode::Enter), Action::Edit), (k('e'), Action::Edit)],
        Help::EditScore,
    ),
    bind(
        Evaluation,
        &[
            (code(KeyCode::Left), Action::Left),
            (k('h'), Action::Left),
            (code(KeyCode::Right), Action::Right),
            (k('l'), Action::Right),
        ],
        Help::EvaluationYear,
    ),
    // The province dashboard: a list of regions, read-only; it takes no
    // global keys (there is no plan of its own to edit, save or print).
    hint(
        Province,
        &[(code(KeyCode::Enter), Action::Open)],
        Help::OpenRegion,
    ),
    bind(
        Province,
        &[
            (code(KeyCode::Up), Action::Up),
            (k('k'), Action::Up),
            (code(KeyCode::Down), Action::Down),
            (k('j'), Action::Down),
        ],
        Help::Move,
    ),
    bind(
        Province,
        &[
            (code(KeyCode::PageUp), Action::PageUp),
            (code(KeyCode::PageDown), Action::PageDown),
        ],
        Help::Page,
    ),
    bind(
        Province,
        &[
            (code(KeyCode::Home), Action::First),
            (k('g'), Action::First),
            (code(KeyCode::End), Action::Last),
            (k('G'), Action::Last),
        ],
        Help::Ends,
    ),
    hint(Province, &[(k('?'), Action::ToggleHelp)], Help::Help),
    hint(
        Province,
        &[(k('q'), Action::Quit), (ctrl('c'), Action::Quit)],
        Help::Quit,
    ),
    // Everywhere.
    bind(
        Global,
        &[(k('p'), Action::Print(ReportFormat::Text))],
        Help::Print,
    ),
    bind(Global, &[(k('P'), Action::ChoosePrint)], Help::ChoosePrint),
    bind(Global, &[(k('u'), Action::Undo)], Help::Undo),
    bind(Global, &[(ctrl('r'), Action::Redo)], Help::Redo),
    hint(Global, &[(ctrl('s'), Action::Save)], Help::Save),
    bind(Global, &[(ctrl('g'), Action::Sync)], Help::Sync),
    // No status-bar hint: the tabs at the top already show 1 to 4.
    bind(
        Global,
        &[
            (k('1'), Action::Show(View::Dashboard)),
            (k('2'), Action::Show(View::Dimensions)),
            (k('3'), Action::Show(View::Timeline)),
            (k('4'), Action::Show(View::Evaluation)),
        ],
        Help::Views,
    ),
    bind(
        Global,
        &[
            (code(KeyCode::Tab), Action::NextView),
            (code(KeyCode::BackTab), Action::PrevView),
        ],
        Help::NextView,
    ),
    bind(
        Global,
        &[
            (code(KeyCode::Up), Action::Up),
            (k('k'), Action::Up),
            (code(KeyCode::Down), Action::Down),
            (k('j'), Action::Down),
        ],
        Help::Move,
    ),
    bind(
        Global,
        &[
            (code(KeyCode::PageUp), Action::PageUp),
            (code(KeyCode::PageDown), Action::PageDown),
        ],
        Help::Page,
    ),
    bind(
        Global,
        &[
            (code(KeyCode::Home), Action::First),
            (k('g'), Action::First),
            (code(KeyCode::End), Action::Last),
            (k('G'), Action::Last),
        ],
        Help::Ends,
    ),
    hint(Global, &[(k('/'), Action::StartFilter)], Help::Filter),
    bind(Global, &[(code(KeyCode::Esc), Action::Back)], Help::Back),
    hint(Global, &[(k('?'), Action::ToggleHelp)], Help::Help),
    hint(
        Global,
        &[(k('q'), Action::Quit), (ctrl('c'), Action::Quit)],
        Help::Quit,
    ),
];

/// The action for a key press in the app's current state, if any.
pub fn resolve(app: &App, event: KeyEvent) -> Option<Action> {
    resolve_in(current_context(app), event)
}

/// The action for a key press in `context`, if any.
pub fn resolve_in(context: Context, event: KeyEvent) -> Option<Action> {
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
        | Context::Province => &[context],
        view => &[view, Context::Global],
    };
    chain.iter().find_map(|ctx| {
        BINDINGS
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
    if let Some(modal) = &app.modal {
        match modal {
            Modal::Form(_) => Context::Form,
            Modal::Confirm(_) => Context::Confirm,
            Modal::QuitPrompt => Context::QuitPrompt,
            Modal::Conflict { .. } => Context::Conflict,
            Modal::Recover(_) => Context::Recover,
            Modal::PrintFormat => Context::PrintFormat,
        }
    } else if app.filtering {
        Context::Filter
    } else if app.help {
        Context::Help
    } else {
        match app.view {
            View::Dashboard => Context::Dashboard,
            View::Dimensions => Context::Drill,
            View::Timeline => Context::Timeline,
            View::Evaluation => Context::Evaluation,
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
            View::Evaluation => Context::Evaluation,
        },
        other => other,
    };
    help_in(context)
}

/// Bindings to show on the help screen in `context`: its own, then the
/// global ones where they apply.
pub fn help_in(context: Context) -> Vec<&'static Binding> {
    let mut list: Vec<&Binding> = BINDINGS.iter().filter(|b| b.context == context).collect();
    // Global keys do nothing while a prompt, a form or the filter has the keyboard.
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
pub fn hints_for(app: &App) -> Vec<&'static Binding> {
    let context = current_context(app);
    let mut hints: Vec<&Binding> = BINDINGS
        .iter()
        // Global keys do not work while a prompt or form has the keyboard: no hints for them then.
        .filter(|b| {
            b.hint
                && (b.context == context
                    || (b.context == Context::Global && context.takes_global_keys()))
        })
        .filter(|b| {
            !(b.keys.iter().any(|(_, a)| *a == Action::Open)
                && app.view == View::Dimensions
                && app.drill.pane == Pane::Detail)
        })
        .collect();
    // A narrow status bar cuts from the right: keep quitting and saving in view.
    let rank = |b: &Binding| match (b.context, b.help) {
        (Context::Global, Help::Quit) => 1,
        (Context::Global, Help::Save) => 2,
        (Context::Global, Help::Help) => 3,
        (Context::Global, _) => 4,
        _ => 0,
    };
    hints.sort_by_key(|b| rank(b));
    hints
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
        .map(|(k, _)| label(k, ascii))
        .collect::<Vec<_>>()
        .join(" ")
}
