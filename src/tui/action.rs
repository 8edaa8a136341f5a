//! The protocol between `update` and the event loop: every user intent
//! (`Action`, from keys), every piece of news from the edge (`Outcome`), and
//! the work `update` asks the edge to do (`Effect`), as values.
//!
//! Nothing here knows about terminals, so tests drive the app with actions
//! and outcomes and read the effects back.

use crate::plan::merge::{Choice, Conflict};
use crate::store::audit::Entry;
use crate::store::{Document, SaveError};
use jiff::civil::Date;
use std::io;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Dashboard,
    Dimensions,
    Timeline,
    /// The yearly evaluation: the estimated index, its aspects, evidence.
    Evaluation,
}

impl View {
    pub const ALL: [View; 4] = [
        View::Dashboard,
        View::Dimensions,
        View::Timeline,
        View::Evaluation,
    ];
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
    /// `L`: the interface in the other language, at once: a meeting may
    /// want Indonesian on the projector while the officer works in English.
    SwitchLanguage,
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
    /// Text pasted (bracketed paste): typed into the focused text field or
    /// the filter as it stands, never run as keys.
    Paste(String),

    // Editing.
    /// `s`: choose the selected programme's status from a list, so no
    /// status is passed through on the way to another.
    ChooseStatus,
    /// In the status list: the status of this number (from 0, in
    /// `Status::ALL`'s order), picked at once.
    PickStatus(usize),
    /// In the status list: the highlight one down or up.
    ChoiceMove {
        down: bool,
    },
    /// Space: a milestone done / not done (in the dashboard: done).
    ToggleDone,
    /// `[` `]` and `{` `}` in the timeline.
    ShiftYear {
        start: bool,
        by: i32,
    },
    Add,
    /// `b`: a budget year for the program in view.
    AddBudget,
    /// `E`: an evidence document for the program in view.
    AddEvidence,
    Delete,
    /// `J` / `K`: move the selected program or milestone down or up.
    Reorder {
        down: bool,
    },
    /// `e`: the edit form of the selected thing.
    Edit,
    Undo,
    Redo,
    /// Commit the saved plan, merge the remote's, send ours (`pantau sync`).
    Sync,
    /// Ctrl-S: ask the event loop to save.
    Save,
    /// In the conflict prompt: keep my value, or theirs.
    KeepMine,
    KeepTheirs,
    /// In the recovery prompt: restore the kept edits, or throw them away.
    Recover,
    Discard,
    /// `p`: write a report of what is on screen to a file, as text; `P`: ask which format.
    Print(crate::report::Format),
    ChoosePrint,
    /// `e` on the dashboard: the plan's own fields.
    EditHeader,

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

impl Action {
    /// Whether the action changes the selected item (or adds beside it):
    /// what a selection another officer deleted refuses.
    pub fn acts_on_selection(&self) -> bool {
        matches!(
            self,
            Action::ChooseStatus
                | Action::ToggleDone
                | Action::ShiftYear { .. }
                | Action::Add
                | Action::AddBudget
                | Action::AddEvidence
                | Action::Delete
                | Action::Reorder { .. }
                | Action::Edit
        )
    }

    /// Whether the action changes the plan or writes beside it (edits, undo,
    /// save, sync, print): what a read-only region of the province refuses.
    pub fn writes(&self) -> bool {
        self.acts_on_selection()
            || matches!(
                self,
                Action::EditHeader
                    | Action::Undo
                    | Action::Redo
                    | Action::Sync
                    | Action::Save
                    | Action::Print(_)
                    | Action::ChoosePrint
            )
    }
}

/// Work `update` returns for the event loop, which owns files and the clock.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save with the lock and a merge; `resolutions` answer conflicts the
    /// officer has already decided.
    Save {
        resolutions: Vec<(Conflict, Choice)>,
    },
    /// Delete the recovery file the user chose not to restore.
    DiscardRecovery(std::path::PathBuf),
    /// The officer quit without saving: this session's own recovery file
    /// (written when it restored kept edits) goes too.
    DiscardOwnRecovery,
    /// Edits from this recovery file were restored into the session: keep
    /// them in this session's own file, then remove that one.
    Restored(std::path::PathBuf),
    /// Write this report to a new file in the working folder.
    Print(crate::report::Request),
    /// Run `pantau sync` on the plan, then reload it.
    Sync,
}

/// What the event loop reports back: the outcome of an effect, the file
/// watcher's news, or the clock.
#[derive(Debug)]
pub enum Outcome {
    /// The file was saved at this local time (`HH:MM`). `merged` is the plan
    /// now on disk (and its top comment) when another officer's changes were
    /// merged in.
    Saved {
        at: String,
        fingerprint: u64,
        merged: Option<Box<crate::store::Document>>,
        /// Ids of this session's items the merge changed.
        renamed: Vec<crate::plan::merge::Renamed>,
        audit: Vec<Entry>,
        /// Saved, but the audit log could not be written (its path, why).
        log_error: Option<(PathBuf, io::Error)>,
        /// The journals, read again after the save, do not check out.
        tampered: bool,
        /// Saved, but `<file>.bak` held something pantau stepped around.
        backup: Option<crate::store::Backup>,
    },
    /// Another officer's save holds the plan since this local time; this
    /// one waits (up to a limit) before it goes on.
    Waiting {
        since: String,
    },
    /// Ctrl-Z where no shell could continue pantau after a stop.
    NoJobControl,
    /// Keys typed while a save waited for another officer's were dropped
    /// unread, so that none acts on a screen the officer did not see.
    KeysIgnored {
        keys: usize,
    },
    /// Another officer changed the same fields: nothing was saved yet.
    Conflicts(Vec<Conflict>),
    SaveFailed {
        path: PathBuf,
        error: SaveError,
    },
    /// Who changed the plan, as the journals say now and, for programmes
    /// a change through git deleted, as git says; and who the other side
    /// of a merge under way is by: what the notices and questions that
    /// follow (a reload's, an undo refused, a sync's merge) name. Sent
    /// before the reload.
    Authors {
        audit: Vec<crate::store::audit::Entry>,
        deleted_by_git: Vec<(String, crate::plan::merge::Author)>,
        merge_by: Option<crate::plan::merge::Author>,
    },
    /// The file changed on disk and this session had no edits: here it is.
    Reloaded {
        doc: Box<Document>,
        fingerprint: u64,
    },
    /// The file changed on disk while this session has edits.
    ChangedOnDisk,
    /// `pantau sync` ran (the plan, if it changed, was reloaded first).
    Synced(Result<crate::store::git::Synced, crate::store::git::GitError>),
    Printed(Result<PathBuf, PrintError>),
    /// The date, read by the event loop: a session left open past midnight
    /// shows the new day's overdue list.
    Tick {
        today: Date,
    },
}

/// Why a report could not be written from the interface.
#[derive(Debug)]
pub enum PrintError {
    Report(crate::report::ReportError),
    Io {
        path: PathBuf,
        error: io::Error,
    },
    /// Every name for today's report of this kind is taken.
    NoFreeName {
        folder: PathBuf,
    },
}

/// Anything `update` takes: a user's intent or news from the edge.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    Outcome(Outcome),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

impl From<Outcome> for Msg {
    fn from(outcome: Outcome) -> Msg {
        Msg::Outcome(outcome)
    }
}
