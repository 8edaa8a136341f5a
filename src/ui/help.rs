//! The help overlay, written from the keymap so it always tells the truth.

use super::block;
use crate::app::App;
use crate::keymap::{help_for, keys_label};
use crate::text;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang.text();
    let bindings = help_for(app);
    let keys: Vec<String> = bindings
        .iter()
        .map(|b| keys_label(b, theme.ascii))
        .collect();
    let key_cols = keys.iter().map(|k| text::width(k)).max().unwrap_or(0);
    let width = (key_cols + 40).min(usize::from(area.width)) as u16;
    let height = (bindings.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let lines: Vec<Line> = bindings
        .iter()
        .zip(&keys)
        .map(|(b, k)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_cols$}  "), theme.header()),
                Span::raw(t.key_help(b.help)),
            ])
        })
        .collect();
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
        Span::styled(format!(" {} ", t.u_help_title), theme.title()),
        true,
        theme,
    );
    frame.render_widget(Paragraph::new(lines).block(outer), popup);
}
