//! The help overlay, written from the keymap so it always tells the truth.
//! When the list is taller than the screen it flows into two columns, so
//! every key stays visible at 80×24.

use super::block;
use crate::i18n::Lang;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, help_for, keys_label};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    draw_list(frame, area, &help_for(app), app.lang(), theme);
}

/// The help overlay listing `bindings`.
pub fn draw_list(frame: &mut Frame, area: Rect, bindings: &[&Binding], lang: Lang, theme: &Theme) {
    let t = lang.text();
    let g = theme.glyphs();
    let entries: Vec<(String, &str)> = bindings
        .iter()
        .map(|b| (keys_label(b, theme.ascii), b.help.describe(lang)))
        .collect();
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let columns = if entries.len() > room { 2 } else { 1 };
    let rows = entries.len().div_ceil(columns);
    let chunks: Vec<&[(String, &str)]> = entries.chunks(rows.max(1)).collect();
    // Each column as wide as its own keys and descriptions, or what fits.
    let inner_width = usize::from(area.width.saturating_sub(2));
    let widths: Vec<(usize, usize)> = chunks
        .iter()
        .map(|chunk| {
            let keys = chunk.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
            let descs = chunk.iter().map(|(_, d)| text::width(d)).max().unwrap_or(0);
            let cols = (keys + descs + 4).min(inner_width / columns);
            (keys, cols.saturating_sub(keys + 4))
        })
        .collect();
    let total: usize = widths.iter().map(|(k, d)| k + d + 4).sum();
    let width = (total + 2).min(usize::from(area.width)) as u16;
    let height = (rows as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };

    let mut lines: Vec<Line> = Vec::with_capacity(rows);
    for row in 0..rows {
        let mut spans = Vec::new();
        for (chunk, (key_cols, desc_cols)) in chunks.iter().zip(&widths) {
            let Some((keys, desc)) = chunk.get(row) else {
                continue;
            };
            spans.push(Span::styled(
                format!(" {keys:<key_cols$}  "),
                theme.header(),
            ));
            spans.push(Span::raw(format!(
                "{} ",
                text::pad(desc, *desc_cols, g.ellipsis)
            )));
        }
        lines.push(Line::from(spans));
    }
    // Clear a margin too, so no cut-off words of the view show beside the box.
    let left = popup.x.saturating_sub(1).max(area.x);
    let right = (popup.right() + 1).min(area.right());
    frame.render_widget(
        Clear,
        Rect {
            x: left,
            y: popup.y,
            width: right - left,
            height: popup.height,
        },
    );
    let outer = block(
        Span::styled(format!(" {} ", t.ui.u_help_title), theme.title()),
        true,
        theme,
    );
    frame.render_widget(Paragraph::new(lines).block(outer), popup);
}
