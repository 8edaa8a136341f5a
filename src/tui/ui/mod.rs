//! Drawing: one file per view, plus what they share. Views only read the
//! app; `measure` lays the view on screen out at the app's terminal size, as
//! it is drawn, so `update` can keep the selection in view.

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
use crate::tui::app::{App, Scroll, Viewport};
use crate::tui::theme::{Palette, Theme};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Below this the views cannot show a useful table; a message says so instead.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;

/// Whether a terminal of `size` is too small to draw the views: then only a
/// message shows, and keys that act are refused (`update`).
pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_WIDTH || size.1 < MIN_HEIGHT
}

/// The tabs, the view and the status bar.
fn screen_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// What the view on screen shows of what scrolls, at the app's terminal
/// size and laid out as `draw` lays it out.
pub fn measure(app: &App) -> Viewport {
    let area = Rect::new(0, 0, app.size().0, app.size().1);
    if too_small(app.size()) {
        return Viewport::Fixed;
    }
    let [_, body, _] = screen_areas(area);
    // Where lines fall does not depend on colours; the glyphs are the app's.
    let theme = Theme {
        mono: true,
        ascii: app.ascii,
        palette: Palette::DEFAULT,
    };
    match app.view() {
        View::Dashboard => dashboard::measure(body, app),
        View::Dimensions => dimension::measure(body, app, &theme),
        View::Timeline => timeline::measure(body),
        View::Evaluation => evaluation::measure(body, app, &theme),
    }
}

/// The province dashboard's title line, regions' table, plans that did not
/// load (`failed` of them) and status bar.
fn province_areas(area: Rect, failed: usize) -> [Rect; 4] {
    let failed_height = if failed == 0 {
        0
    } else {
        (failed as u16 + 2).min(area.height / 4).max(3)
    };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(failed_height),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The regions the province's table shows below its heading at `size`
/// (with `failed` plans that did not load), as it is drawn; none when the
/// terminal is too small to draw it.
pub fn province_rows(size: (u16, u16), failed: usize) -> Option<usize> {
    let area = Rect::new(0, 0, size.0, size.1);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [_, table, _, _] = province_areas(area, failed);
    Some(usize::from(inner(table).height).saturating_sub(1))
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if too_small((area.width, area.height)) {
        let t = app.lang().text();
        let mut message = fill(
            t.ui.u_too_small,
            &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT],
        );
        // A question or form waiting (the recovery question at a start in a
        // small terminal) is never hidden without a word; a key refused
        // meanwhile says why, under the size.
        if app.modal().is_some() {
            message = format!("{message}\n\n{}", t.ui.u_too_small_question);
        }
        if let Some(said) = app.message() {
            message = format!("{message}\n\n{}", text::escape(said));
        }
        let message = if theme.ascii {
            message.replace('×', "x")
        } else {
            message
        };
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let [top, body, bottom] = screen_areas(area);
    tabs(frame, top, app, theme);
    match app.view() {
        View::Dashboard => dashboard::draw(frame, body, app, theme),
        View::Dimensions => dimension::draw(frame, body, app, theme),
        View::Timeline => timeline::draw(frame, body, app, theme),
        View::Evaluation => evaluation::draw(frame, body, app, theme),
    }
    status_bar::draw(frame, bottom, app, theme);
    if app.help() {
        help::draw(frame, body, app, theme);
    }
    form::draw(frame, body, app, theme);
}

/// The view tabs on the left, the plan's title on the right.
fn tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let mut spans = Vec::new();
    for (i, view) in View::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, t.ui.view_names[i]);
        let style = if *view == app.view() {
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

/// The inside of a bordered block in `area`.
pub(crate) fn inner(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
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
