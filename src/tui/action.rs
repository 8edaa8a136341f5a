//! Every user intent the interface understands, as one enum.
//!
//! Keys become actions in `keymap`; actions change the state in `app::update`.
//! Nothing here knows about terminals, so tests can drive the app with actions.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Dashboard,
    Dimensions,
    Timeline,
}

impl View {
    pub const ALL: [View; 3] = [View::Dashboard, View::Dimensions, View::Timeline];
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    Show(View),
    NextView,
    PrevView,
    Up,
    Down,
    /// Left and right move between panes, and between years in the timeline.
    Left,
    Right,
    PageUp,
    PageDown,
    First,
    Last,
    Open,
    Back,
    ToggleHelp,
    /// `/`: start typing a filter.
    StartFilter,
    FilterInput(char),
    FilterBackspace,
    /// Enter in the filter prompt: keep the filter, leave the prompt.
    FilterAccept,
    /// Esc in the filter prompt: clear the filter.
    FilterClear,
    /// The terminal changed size; lists re-page.
    Resize(u16, u16),

    // Editing.
    /// `s` / `S`: the selected program's status forward or back.
    CycleStatus {
        forward: bool,
    },
    /// Space: a milestone done / not done (in the dashboard: done).
    ToggleDone,
    /// `[` `]` and `{` `}` in the timeline.
    ShiftYear {
        start: bool,
        by: i32,
    },
    Add,
    Delete,
    /// `J` / `K`: move the selected program or milestone down or up.
    Reorder {
        down: bool,
    },
    /// `e`: the edit form of the selected thing.
    Edit,
    Undo,
    Redo,
    /// Ctrl-S: ask the event loop to save.
    Save,
    /// The event loop saved the file at this local time (`HH:MM`). `merged`
    /// is the plan now on disk when another officer's changes were merged in.
    Saved {
        at: String,
        fingerprint: u64,
        merged: Option<Box<crate::plan::model::Plan>>,
        audit: Vec<crate::store::audit::Entry>,
    },
    /// Another officer changed the same fields: nothing was saved yet.
    Conflicts(Vec<crate::plan::merge::Conflict>),
    /// In the conflict prompt: keep my value, or theirs.
    KeepMine,
    KeepTheirs,
    /// The file changed on disk and this session had no edits: here it is.
    Reloaded {
        doc: Box<crate::store::Document>,
        fingerprint: u64,
    },
    /// The file changed on disk while this session has edits.
    ChangedOnDisk,
    /// In the recovery prompt: restore the kept edits, or throw them away.
    Recover,
    Discard,
    /// `p`: write a report of what is on screen to a file, as text; `P`: ask which format.
    Print(crate::report::Format),
    ChoosePrint,
    /// The event loop wrote the report here, or says why it could not.
    Printed(Result<String, String>),
    /// The event loop could not save; the message says why.
    SaveFailed(String),

    // In a form.
    FormChar(char),
    FormBackspace,
    FormDelete,
    FormLeft,
    FormRight,
    FormHome,
    FormEnd,
    FormDeleteWord,
    FormClear,
    FormNext,
    FormPrev,
    /// Enter: a new line in notes, else accept the form.
    FormEnter,
    FormCancel,

    // Answers to a question (delete? save changes?).
    Yes,
    No,
    Cancel,
}

/// Work `update` leaves for the event loop, which owns files and the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Save,
    SaveAndQuit,
    /// Delete the recovery file the user chose not to restore.
    DiscardRecovery,
    /// Write a report of the current view in this format.
    Print(crate::report::Format),
}
