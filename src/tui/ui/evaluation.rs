//! The evaluation view: the year's estimated index and how it was computed,
//! each aspect's measure or self-assessment (Enter enters one), the aspects
//! per dimension, the evidence still to be made ready, and the trend. The
//! same sections as `pantau report --kind evaluation`, laid out to the width.

use super::block;
use crate::report::LineKind;
use crate::text;
use crate::tui::app::{ASPECTS, App, Viewport};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The year's page, wrapped to the inside of its border.
fn page(app: &App, theme: &Theme, inner: Rect) -> crate::report::Screen {
    let width = usize::from(inner.width).saturating_sub(theme.glyphs().marker.len());
    crate::report::evaluation_screen(
        app.plan(),
        app.evaluation().year,
        app.lang(),
        theme.ascii,
        width,
        app.today(),
    )
}

/// The first line shown when the last aspect is as low as it goes, and the
/// steps the page reads on down past it, one line each.
fn reach(screen: &crate::report::Screen, height: usize) -> (usize, usize) {
    let aspects_end = screen.aspects.last().map_or(0, |l| l + 1);
    let most = screen.lines.len().saturating_sub(height);
    let aspects_bottom = aspects_end.saturating_sub(height).min(most);
    (aspects_bottom, most - aspects_bottom)
}

/// How far past the aspects the page reads on down.
pub fn measure(area: Rect, app: &App, theme: &Theme) -> Viewport {
    let inner = super::inner(area);
    let screen = page(app, theme, inner);
    let (_, below) = reach(&screen, usize::from(inner.height));
    Viewport::Evaluation { below }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let ev = app.lang().evaluation();
    let year = app.evaluation().year;
    let title = format!(
        " {}{}{} {} ",
        crate::i18n::fill(ev.title, &[&year]),
        g.dot,
        g.arrow_left,
        g.arrow
    );
    let outer = block(Span::styled(title, theme.title()), true, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let screen = page(app, theme, inner);
    let lines = &screen.lines;
    let height = usize::from(inner.height);

    // The aspects are selectable; past them, the page reads on down one
    // line a step, as the detail does.
    let selected = app.evaluation().selected;
    let most = lines.len().saturating_sub(height);
    let (aspects_bottom, _) = reach(&screen, height);
    let offset = if selected < ASPECTS {
        let line = screen.aspects.get(selected).copied().unwrap_or(0);
        (line + 1).saturating_sub(height)
    } else {
        (aspects_bottom + selected + 1 - ASPECTS).min(most)
    };

    let here = screen.aspects.get(selected).copied();
    let shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(n, (kind, text))| {
            let chosen = Some(n) == here;
            let marker = if chosen {
                g.marker.to_string()
            } else {
                " ".repeat(g.marker.len())
            };
            let style = match kind {
                LineKind::Heading => theme.header(),
                LineKind::Header => theme.muted(),
                LineKind::Note => theme.muted(),
                LineKind::Row | LineKind::Blank => theme.base(),
            };
            let line = Line::from(vec![Span::raw(marker), Span::styled(text.clone(), style)]);
            if chosen {
                line.patch_style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);

    if lines.len() > offset + height && area.height > 2 {
        let more = format!(" {} ", t.ui.u_more_below);
        let w = (text::width(&more) as u16).min(area.width.saturating_sub(2));
        let at = Rect {
            x: area.x + area.width.saturating_sub(w + 1),
            y: area.y + area.height - 1,
            width: w,
            height: 1,
        };
        frame.render_widget(Span::styled(more, theme.header()), at);
    }
}
