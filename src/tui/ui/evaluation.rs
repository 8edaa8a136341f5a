//! The evaluation view: the year's estimated index and how it was computed,
//! each aspect's measure or self-assessment (Enter enters one), the aspects
//! per dimension, the evidence still to be made ready, and the trend. The
//! same sections as `pantau report --kind evaluation`, laid out to the width.

use super::block;
use crate::report::LineKind;
use crate::text;
use crate::tui::app::{ASPECTS, App};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang.text();
    let g = theme.glyphs();
    let ev = app.lang.evaluation();
    let year = app.evaluation.year;
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
    let width = usize::from(inner.width).saturating_sub(g.marker.len());
    let screen = crate::report::evaluation_screen(
        app.plan(),
        year,
        app.lang,
        theme.ascii,
        width,
        app.today(),
    );
    let lines = &screen.lines;
    let height = usize::from(inner.height);

    // The aspects are selectable; past them, the page reads on down one
    // line a step, as the detail does.
    let selected = app.evaluation.selected;
    let aspects_end = screen.aspects.last().map_or(0, |l| l + 1);
    let most = lines.len().saturating_sub(height);
    let aspects_bottom = aspects_end.saturating_sub(height).min(most);
    app.evaluation.below.set(most - aspects_bottom);
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
