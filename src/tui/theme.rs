//! Every style and every drawing character the interface uses.
//!
//! Two palettes: the 16 ANSI colours (no RGB, so the terminal's own palette
//! keeps it readable on dark and light backgrounds), and monochrome for
//! `NO_COLOR`, which uses only bold, reverse and dim. `--ascii` swaps the
//! characters for terminals without Unicode fonts. A user's configuration
//! may give each colour role (`Palette`) another of the 16 colours, by name.

use crate::plan::model::Status;
use crate::text::Glyphs;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
    pub ascii: bool,
    pub palette: Palette,
}

/// The colour of each role the interface colours, from the 16 ANSI colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Titles of boxes and the help.
    pub title: Color,
    /// The border of the pane that has the keyboard.
    pub focus: Color,
    /// Secondary text (cancelled programmes, notes).
    pub muted: Color,
    /// Overdue, delayed.
    pub late: Color,
    /// Due soon.
    pub soon: Color,
    /// Done.
    pub good: Color,
    /// Programmes in progress.
    pub in_progress: Color,
    /// Programmes on hold.
    pub on_hold: Color,
    /// The today marker of the timeline.
    pub today: Color,
    /// A message in the status bar.
    pub message: Color,
}

impl Palette {
    /// Cyan, not blue, for titles and progress: ANSI blue is unreadable on
    /// many dark palettes.
    pub const DEFAULT: Palette = Palette {
        title: Color::Cyan,
        focus: Color::Cyan,
        muted: Color::DarkGray,
        late: Color::Red,
        soon: Color::Yellow,
        good: Color::Green,
        in_progress: Color::Cyan,
        on_hold: Color::Magenta,
        today: Color::Yellow,
        message: Color::Yellow,
    };

    /// The roles by the names a configuration file gives them.
    pub const ROLES: [&'static str; 10] = [
        "title",
        "focus",
        "muted",
        "late",
        "soon",
        "good",
        "in_progress",
        "on_hold",
        "today",
        "message",
    ];

    /// The colour of a role, by its name in [`Palette::ROLES`].
    pub fn role_mut(&mut self, role: &str) -> Option<&mut Color> {
        Some(match role {
            "title" => &mut self.title,
            "focus" => &mut self.focus,
            "muted" => &mut self.muted,
            "late" => &mut self.late,
            "soon" => &mut self.soon,
            "good" => &mut self.good,
            "in_progress" => &mut self.in_progress,
            "on_hold" => &mut self.on_hold,
            "today" => &mut self.today,
            "message" => &mut self.message,
            _ => return None,
        })
    }

    pub fn role(&self, role: &str) -> Option<Color> {
        let mut copy = *self;
        copy.role_mut(role).map(|c| *c)
    }
}

/// The 16 ANSI colours by name (`dark-gray`, `light-cyan`), and `default`
/// for the terminal's own text colour. No RGB: the terminal's palette
/// decides the shade, so a theme stays readable on dark and light backgrounds.
pub const COLOURS: [(&str, Color); 17] = [
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

/// A colour by name, in any case; `grey` for `gray` and `_` for `-` too.
pub fn colour_named(name: &str) -> Option<Color> {
    let name = name
        .trim()
        .to_ascii_lowercase()
        .replace('_', "-")
        .replace("grey", "gray");
    COLOURS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The name of one of the 16 colours.
pub fn colour_name(colour: Color) -> &'static str {
    COLOURS
        .iter()
        .find(|(_, c)| *c == colour)
        .map_or("default", |(n, _)| n)
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
            palette: Palette::DEFAULT,
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
        self.colour(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.title,
        )
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
            self.colour(
                Style::default().add_modifier(Modifier::BOLD),
                self.palette.focus,
            )
        } else {
            Style::default()
        }
    }

    pub fn muted(&self) -> Style {
        if self.mono {
            Style::default().add_modifier(Modifier::DIM)
        } else {
            Style::default().fg(self.palette.muted)
        }
    }

    pub fn late(&self) -> Style {
        self.colour(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.late,
        )
    }

    pub fn soon(&self) -> Style {
        self.colour(Style::default(), self.palette.soon)
    }

    pub fn good(&self) -> Style {
        self.colour(Style::default(), self.palette.good)
    }

    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::NotStarted => Style::default(),
            Status::InProgress => self.colour(Style::default(), self.palette.in_progress),
            Status::Done | Status::Operating => self.good(),
            Status::Delayed => self.late(),
            Status::OnHold => self.colour(Style::default(), self.palette.on_hold),
            Status::Cancelled => self.muted(),
        }
    }

    pub fn today(&self) -> Style {
        self.colour(
            Style::default().add_modifier(Modifier::BOLD),
            self.palette.today,
        )
    }

    pub fn status_bar(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn message(&self) -> Style {
        self.colour(
            Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            self.palette.message,
        )
    }
}
