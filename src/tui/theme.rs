//! Every style and every drawing character the interface uses.
//!
//! Two palettes: the 16 ANSI colours (no RGB, so the terminal's own palette
//! keeps it readable on dark and light backgrounds), and monochrome for
//! `NO_COLOR`, which uses only bold, reverse and dim. `--ascii` swaps the
//! characters for terminals without Unicode fonts.

use crate::plan::model::Status;
use crate::text::Glyphs;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
    pub ascii: bool,
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

impl Theme {
    /// Monochrome when `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env(no_color: Option<std::ffi::OsString>, ascii: bool) -> Theme {
        Theme {
            mono: no_color.is_some_and(|v| !v.is_empty()),
            ascii,
        }
    }

    pub fn glyphs(&self) -> &'static Glyphs {
        Glyphs::of(self.ascii)
    }

    /// Box borders: ratatui's plain lines, or ASCII.
    pub fn border_set(&self) -> border::Set<'static> {
        if self.ascii {
            ASCII_BORDER
        } else {
            border::PLAIN
        }
    }

    fn colour(&self, style: Style, colour: Color) -> Style {
        if self.mono { style } else { style.fg(colour) }
    }

    pub fn base(&self) -> Style {
        Style::default()
    }

    pub fn title(&self) -> Style {
        self.colour(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn header(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// The selected row: reverse video works on every palette and without colour.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A selection in a pane without focus.
    pub fn selected_unfocused(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.colour(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
        } else {
            Style::default()
        }
    }

    pub fn muted(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            Style::default().fg(Color::DarkGray)
        }
    }

    pub fn late(&self) -> Style {
        self.colour(Style::default().add_modifier(Modifier::BOLD), Color::Red)
    }

    pub fn soon(&self) -> Style {
        self.colour(Style::default(), Color::Yellow)
    }

    pub fn good(&self) -> Style {
        self.colour(Style::default(), Color::Green)
    }

    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::NotStarted => Style::default(),
            // Cyan, not blue: ANSI blue is unreadable on many dark palettes.
            Status::InProgress => self.colour(Style::default(), Color::Cyan),
            Status::Done => self.good(),
            Status::Delayed => self.late(),
            Status::OnHold => self.colour(Style::default(), Color::Magenta),
            Status::Cancelled => self.muted(),
        }
    }

    pub fn today(&self) -> Style {
        self.colour(Style::default().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    pub fn status_bar(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn message(&self) -> Style {
        self.colour(
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            Color::Yellow,
        )
    }
}
