//! Drawing: one file per view, plus what they share. Views only read the app.

mod dashboard;
mod detail;
mod dimension;
mod evaluation;
mod form;
mod help;
pub mod province;
mod status_bar;
mod timeline;

use crate::i18n::fill;
use crate::text;
use crate::text::Glyphs;
use crate::tui::action::View;
use crate::tui::app::{App, Scroll};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Below this the views cannot show a useful table; a message says so instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let t = app.lang.text();
        let message = fill(
            t.ui.u_too_small,
            &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT],
        );
        let message = if theme.ascii {
            message.replace('×', "x")
        } else {
            message
        };
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    tabs(frame, top, app, theme);
    match app.view {
        View::Dashboard => dashboard::draw(frame, body, app, theme),
        View::Dimensions => dimension::draw(frame, body, app, theme),
        View::Timeline => timeline::draw(frame, body, app, theme),
        View::Evaluation => evaluation::draw(frame, body, app, theme),
    }
    status_bar::draw(frame, bottom, app, theme);
    if app.help {
        help::draw(frame, body, app, theme);
    }
    form::draw(frame, body, app, theme);
}

/// The view tabs on the left, the plan's title on the right.
fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang.text();
    let mut spans = Vec::new();
    for (i, view) in View::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, t.ui.view_names[i]);
        let style = if *view == app.view {
            theme.selected()
        } else {
            theme.base()
        };
        spans.push(Span::styled(label, style));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(used + 2);
    let title = text::fit(&app.plan().title, room, theme.glyphs().ellipsis);
    let gap = room.saturating_sub(text::width(&title)) + 1;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(title, theme.title()));
    frame.render_widget(Line::from(spans), area);
}

/// A bordered block with a title, drawn with the theme's characters.
pub(crate) fn block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .border_style(theme.border(focused))
        .title(title)
}

/// Data text escaped, cut and padded to exactly `cols` columns.
pub(crate) fn cell(value: &str, cols: usize, g: &Glyphs) -> String {
    text::pad(value, cols, g.ellipsis)
}

/// The rows of a list that fit in `height`, keeping the selection in view.
pub(crate) fn visible(scroll: &Scroll, height: usize, len: usize) -> std::ops::Range<usize> {
    let start = scroll.window(height, len);
    start..(start + height).min(len)
}

/// A list row: the selection marker or blank space, then the row's spans, all
/// in the selection style when selected.
pub(crate) fn row<'a>(
    spans: Vec<Span<'a>>,
    selected: bool,
    focused: bool,
    theme: &Theme,
) -> Line<'a> {
    let g = theme.glyphs();
    let blank = " ".repeat(g.marker.len());
    let (marker, style) = match (selected, focused) {
        (true, true) => (g.marker.to_string(), theme.selected()),
        // Without focus the marker goes, so only one row on screen says "here".
        (true, false) => (blank, theme.selected_unfocused()),
        _ => (blank, Style::default()),
    };
    let mut all = vec![Span::raw(marker)];
    all.extend(spans);
    let line = Line::from(all);
    if selected { line.style(style) } else { line }
}

/// A short, centred, muted line for an empty list.
pub(crate) fn empty_note<'a>(text: &'a str, theme: &Theme) -> Paragraph<'a> {
    Paragraph::new(Line::styled(text, theme.muted()))
}
