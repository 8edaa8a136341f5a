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

#[derive(Debug, Clone, PartialEq, Eq)]
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
}
