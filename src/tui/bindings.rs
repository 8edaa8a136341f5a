//! The key bindings as data: contexts, keys, what each line of the help
//! says, the one table of defaults (`BINDINGS`) and the effective
//! `Keymap` built from it and the user's overrides. Nothing here looks at
//! the app's state (`keymap` does), so the app can hold a `Keymap`.

use crate::report::Format as ReportFormat;
use crate::tui::action::{Action, View};
use crossterm::event::{KeyCode, KeyModifiers};
use std::borrow::Cow;

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
    /// Which status for the programme?
    StatusChoice,
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
    Language,
    PrintText,
    PrintMarkdown,
    PrintCsv,
    PrintJson,
    PrintXlsx,
    /// In the status list: the highlighted status, or one by its number.
    StatusPick,
    StatusNumber,
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
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    /// Borrowed from [`BINDINGS`] unless the user's configuration changed them.
    pub keys: Cow<'static, [(Key, Action)]>,
    pub help: Help,
    /// Shown in the status bar as one of the most useful keys.
    pub hint: bool,
}

const fn bind(context: Context, keys: &'static [(Key, Action)], help: Help) -> Binding {
    Binding {
        context,
        keys: Cow::Borrowed(keys),
        help,
        hint: false,
    }
}
const fn hint(context: Context, keys: &'static [(Key, Action)], help: Help) -> Binding {
    Binding {
        context,
        keys: Cow::Borrowed(keys),
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
    // Ctrl-S in a form accepts it and saves, as everywhere else.
    bind(Form, &[(ctrl('s'), Action::Save)], Help::Save),
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
        &[(k('x'), Action::Print(ReportFormat::Xlsx))],
        Help::PrintXlsx,
    ),
    hint(
        PrintFormat,
        &[(code(KeyCode::Esc), Action::Cancel)],
        Help::FormCancel,
    ),
    // The status list: Enter takes the highlighted one, a number its own.
    hint(
        StatusChoice,
        &[(code(KeyCode::Enter), Action::Yes)],
        Help::StatusPick,
    ),
    bind(
        StatusChoice,
        &[
            (k('1'), Action::PickStatus(0)),
            (k('2'), Action::PickStatus(1)),
            (k('3'), Action::PickStatus(2)),
            (k('4'), Action::PickStatus(3)),
            (k('5'), Action::PickStatus(4)),
            (k('6'), Action::PickStatus(5)),
            (k('7'), Action::PickStatus(6)),
        ],
        Help::StatusNumber,
    ),
    bind(
        StatusChoice,
        &[
            (code(KeyCode::Up), Action::ChoiceMove { down: false }),
            (k('k'), Action::ChoiceMove { down: false }),
            (code(KeyCode::Down), Action::ChoiceMove { down: true }),
            (k('j'), Action::ChoiceMove { down: true }),
        ],
        Help::Move,
    ),
    hint(
        StatusChoice,
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
    bind(Drill, &[(k('s'), Action::ChooseStatus)], Help::Status),
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
    bind(Timeline, &[(k('s'), Action::ChooseStatus)], Help::Status),
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
    bind(Global, &[(k('L'), Action::SwitchLanguage)], Help::Language),
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
        KeyCode::Insert => "Ins".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if key.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", name.to_uppercase())
    } else if key.mods.contains(KeyModifiers::SHIFT) && !matches!(key.code, KeyCode::Char(_)) {
        format!("Shift-{name}")
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

/// The contexts whose keys a user's configuration may change: the views and
/// the keys of every view. The keys of forms and prompts (y/n, Esc, typing)
/// stay as they are.
const VIEWS: [Context; 4] = [
    Context::Dashboard,
    Context::Drill,
    Context::Timeline,
    Context::Evaluation,
];

fn configurable(context: Context) -> bool {
    context.takes_global_keys()
}

impl Action {
    /// The name a configuration file gives the action (`save`, `next-view`),
    /// for the actions a key in a view can give. Exhaustive, so a new action
    /// is named or declared unbindable here.
    pub fn config_name(&self) -> Option<&'static str> {
        use ReportFormat as F;
        Some(match self {
            Action::Quit => "quit",
            Action::Show(View::Dashboard) => "dashboard",
            Action::Show(View::Dimensions) => "dimensions",
            Action::Show(View::Timeline) => "timeline",
            Action::Show(View::Evaluation) => "evaluation",
            Action::NextView => "next-view",
            Action::PrevView => "previous-view",
            Action::Up => "up",
            Action::Down => "down",
            Action::Left => "left",
            Action::Right => "right",
            Action::PageUp => "page-up",
            Action::PageDown => "page-down",
            Action::First => "first",
            Action::Last => "last",
            Action::Open => "open",
            Action::Back => "back",
            Action::ToggleHelp => "help",
            Action::SwitchLanguage => "language",
            Action::StartFilter => "filter",
            Action::ChooseStatus => "status",
            Action::ToggleDone => "done",
            Action::ShiftYear {
                start: false,
                by: 1,
            } => "end-later",
            Action::ShiftYear {
                start: false,
                by: -1,
            } => "end-earlier",
            Action::ShiftYear { start: true, by: 1 } => "start-later",
            Action::ShiftYear {
                start: true,
                by: -1,
            } => "start-earlier",
            Action::Add => "add",
            Action::AddBudget => "add-budget",
            Action::AddEvidence => "add-evidence",
            Action::Delete => "delete",
            Action::Reorder { down: true } => "move-down",
            Action::Reorder { down: false } => "move-up",
            Action::Edit => "edit",
            Action::EditHeader => "edit-plan",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Sync => "sync",
            Action::Save => "save",
            Action::Print(F::Text) => "print",
            Action::ChoosePrint => "print-as",
            Action::ShiftYear { .. }
            | Action::Print(F::Markdown | F::Csv | F::Json | F::Html | F::Xlsx | F::WhatsApp)
            | Action::PickStatus(_)
            | Action::ChoiceMove { .. }
            | Action::FilterInput(_)
            | Action::FilterBackspace
            | Action::FilterAccept
            | Action::FilterClear
            | Action::Resize(..)
            | Action::Paste(_)
            | Action::KeepMine
            | Action::KeepTheirs
            | Action::Recover
            | Action::Discard
            | Action::FormChar(_)
            | Action::FormBackspace
            | Action::FormDelete
            | Action::FormLeft
            | Action::FormRight
            | Action::FormHome
            | Action::FormEnd
            | Action::FormDeleteWord
            | Action::FormClear
            | Action::FormNext
            | Action::FormPrev
            | Action::FormEnter
            | Action::FormCancel
            | Action::Yes
            | Action::No
            | Action::Cancel => return None,
        })
    }
}

/// Why a key's name in a configuration file is not a key pantau can bind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyNameError {
    /// Nothing that names a key.
    Unknown(String),
    /// Alt keys reach pantau as Esc and then the key.
    Alt(String),
    /// `shift-g`: the capital letter is the key.
    ShiftChar(String),
    /// `ctrl-m` is Enter, `ctrl-i` Tab, `ctrl-h` Backspace, `ctrl-[` Esc on a terminal.
    SameAs { given: String, key: &'static str },
}

/// A key as a configuration file writes it: `q`, `G`, `?`, `space`, `enter`,
/// `esc`, `tab`, `shift-tab`, `backspace`, `delete`, `insert`, `up`, `down`,
/// `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `f1`…`f12`, and `ctrl-`
/// or `shift-` before one (`ctrl-w`, `shift-up`). A single character is
/// taken as it is (`g` and `G` are two keys); names are read in any case.
pub fn parse_key(text: &str) -> Result<Key, KeyNameError> {
    let unknown = || KeyNameError::Unknown(text.to_string());
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_control() || c.is_whitespace() && c != ' ' {
            Err(unknown())
        } else {
            Ok(k(c))
        };
    }
    let lower = text.to_lowercase();
    let (mods, rest, original) = if let Some(rest) = lower.strip_prefix("ctrl-") {
        (KeyModifiers::CONTROL, rest, text.get("ctrl-".len()..))
    } else if let Some(rest) = lower.strip_prefix("shift-").filter(|r| *r != "tab") {
        (KeyModifiers::SHIFT, rest, text.get("shift-".len()..))
    } else if lower.starts_with("alt-") || lower.starts_with("meta-") {
        return Err(KeyNameError::Alt(text.to_string()));
    } else {
        (KeyModifiers::NONE, lower.as_str(), Some(text))
    };
    let named = match rest {
        "space" => Some(KeyCode::Char(' ')),
        "enter" | "return" => Some(KeyCode::Enter),
        "esc" | "escape" => Some(KeyCode::Esc),
        "tab" => Some(KeyCode::Tab),
        "shift-tab" | "backtab" => Some(KeyCode::BackTab),
        "backspace" => Some(KeyCode::Backspace),
        "delete" | "del" => Some(KeyCode::Delete),
        "insert" | "ins" => Some(KeyCode::Insert),
        "up" => Some(KeyCode::Up),
        "down" => Some(KeyCode::Down),
        "left" => Some(KeyCode::Left),
        "right" => Some(KeyCode::Right),
        "pgup" | "pageup" | "page-up" => Some(KeyCode::PageUp),
        "pgdn" | "pagedown" | "page-down" => Some(KeyCode::PageDown),
        "home" => Some(KeyCode::Home),
        "end" => Some(KeyCode::End),
        f if f.starts_with('f') => f[1..]
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=12).contains(n))
            .map(KeyCode::F),
        _ => None,
    };
    let code = match named {
        Some(code) => code,
        None => {
            // After ctrl- or shift-: one character, as typed.
            let mut chars = original.unwrap_or_default().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if mods == KeyModifiers::CONTROL && c.is_ascii_alphabetic() => {
                    KeyCode::Char(c.to_ascii_lowercase())
                }
                (Some('['), None) if mods == KeyModifiers::CONTROL => {
                    return Err(KeyNameError::SameAs {
                        given: text.to_string(),
                        key: "esc",
                    });
                }
                (Some(c), None) if mods == KeyModifiers::SHIFT && !c.is_control() => {
                    return Err(KeyNameError::ShiftChar(text.to_string()));
                }
                _ => return Err(unknown()),
            }
        }
    };
    if mods == KeyModifiers::CONTROL
        && let KeyCode::Char(c) = code
    {
        let same = match c {
            'h' => Some("backspace"),
            'i' => Some("tab"),
            'j' | 'm' => Some("enter"),
            ' ' => return Err(unknown()),
            _ => None,
        };
        if let Some(key) = same {
            return Err(KeyNameError::SameAs {
                given: text.to_string(),
                key,
            });
        }
    }
    if mods == KeyModifiers::SHIFT {
        match code {
            KeyCode::Char(' ') => return Err(KeyNameError::ShiftChar(text.to_string())),
            KeyCode::Tab => return Ok(code_key(KeyCode::BackTab)),
            _ => {}
        }
    }
    if code == KeyCode::BackTab {
        return Ok(code_key(KeyCode::BackTab));
    }
    Ok(Key { code, mods })
}

const fn code_key(c: KeyCode) -> Key {
    code(c)
}

/// A user's keys that cannot all be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapError {
    /// No action of a view goes by this name.
    UnknownAction {
        name: String,
        valid: Vec<&'static str>,
    },
    /// An action given no key: it could not be reached any more.
    NoKeys { action: &'static str },
    /// The key would give two actions in one view.
    Collision {
        key: Key,
        action: &'static str,
        other: &'static str,
    },
}

/// The bindings in effect: [`BINDINGS`], with the keys of the actions a
/// user's configuration names replaced. The help screen and the status bar
/// are written from these, so they show the user's keys.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

impl Keymap {
    /// The names a configuration file may give, each with the action it
    /// stands for: the global ones, then the views', in the table's order.
    pub fn actions() -> Vec<(&'static str, Action)> {
        let mut out: Vec<(&'static str, Action)> = Vec::new();
        // The keys of every view first, then each view's own.
        let global = BINDINGS.iter().filter(|b| b.context == Context::Global);
        let views = BINDINGS
            .iter()
            .filter(|b| b.context != Context::Global && configurable(b.context));
        for b in global.chain(views) {
            for (_, action) in b.keys.iter() {
                if let Some(name) = action.config_name()
                    && !out.iter().any(|(n, _)| *n == name)
                {
                    out.push((name, action.clone()));
                }
            }
        }
        out
    }

    /// The action a configuration file's name stands for.
    pub fn action_named(name: &str) -> Result<Action, KeymapError> {
        // The status keys cycled once; a configuration naming them still
        // binds the key, now to the list of statuses.
        let name = match name {
            "next-status" | "previous-status" => "status",
            other => other,
        };
        let actions = Keymap::actions();
        actions
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| a.clone())
            .ok_or_else(|| KeymapError::UnknownAction {
                name: name.to_string(),
                valid: actions.iter().map(|(n, _)| *n).collect(),
            })
    }

    /// The keys that give `action` in the views, in the order of the table.
    pub fn keys_of(&self, action: &Action) -> Vec<Key> {
        let mut keys: Vec<Key> = Vec::new();
        for b in self.bindings.iter().filter(|b| configurable(b.context)) {
            for (key, a) in b.keys.iter() {
                if a == action && !keys.contains(key) {
                    keys.push(*key);
                }
            }
        }
        keys
    }

    /// The defaults with each named action's keys replaced by the given
    /// ones, wherever the action is bound in a view; every other key stays.
    /// Refused when a key would then give two actions in one view (the
    /// view's own keys and the global ones together).
    pub fn with_overrides(overrides: &[(Action, Vec<Key>)]) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        for (action, keys) in overrides {
            let name = action.config_name().unwrap_or("?");
            if keys.is_empty() {
                return Err(KeymapError::NoKeys { action: name });
            }
            let mut keys_unique: Vec<Key> = Vec::new();
            for key in keys {
                if !keys_unique.contains(key) {
                    keys_unique.push(*key);
                }
            }
            for b in keymap
                .bindings
                .iter_mut()
                .filter(|b| configurable(b.context))
            {
                let Some(at) = b.keys.iter().position(|(_, a)| a == action) else {
                    continue;
                };
                let mut list: Vec<(Key, Action)> = b
                    .keys
                    .iter()
                    .filter(|(_, a)| a != action)
                    .cloned()
                    .collect();
                let new = keys_unique.iter().map(|k| (*k, action.clone()));
                list.splice(at.min(list.len())..at.min(list.len()), new);
                b.keys = Cow::Owned(list);
            }
            // The help overlay closes with the keys that open it.
            if *action == Action::ToggleHelp
                && let Some(b) = keymap
                    .bindings
                    .iter_mut()
                    .find(|b| b.context == Context::Help && b.help == Help::CloseHelp)
            {
                let mut list: Vec<(Key, Action)> = vec![
                    (code(KeyCode::Esc), Action::ToggleHelp),
                    (k('q'), Action::ToggleHelp),
                ];
                for key in &keys_unique {
                    if !list.iter().any(|(k, _)| k == key) {
                        list.push((*key, Action::ToggleHelp));
                    }
                }
                b.keys = Cow::Owned(list);
            }
        }
        keymap.check(overrides)?;
        Ok(keymap)
    }

    /// No key gives two actions in a view; only the user's keys can clash,
    /// the defaults are checked by the tests.
    fn check(&self, overrides: &[(Action, Vec<Key>)]) -> Result<(), KeymapError> {
        let named = |a: &Action| overrides.iter().any(|(o, _)| o == a);
        for view in VIEWS {
            let mut seen: Vec<(Key, &Action)> = Vec::new();
            // The view's own keys first: they win over the global ones.
            for context in [view, Context::Global] {
                for b in self.bindings.iter().filter(|b| b.context == context) {
                    for (key, action) in b.keys.iter() {
                        match seen.iter().find(|(k, _)| k == key) {
                            Some((_, other)) if *other != action => {
                                if named(action) || named(other) {
                                    let (mine, theirs) = if named(action) {
                                        (action, *other)
                                    } else {
                                        (*other, action)
                                    };
                                    return Err(KeymapError::Collision {
                                        key: *key,
                                        action: mine.config_name().unwrap_or("?"),
                                        other: theirs.config_name().unwrap_or("?"),
                                    });
                                }
                            }
                            Some(_) => {}
                            None => seen.push((*key, action)),
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
