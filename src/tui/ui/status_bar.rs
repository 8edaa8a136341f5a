//! The bottom line: the file, its state, counts, the useful keys, a message,
//! or the filter being typed.

use crate::i18n::fill;
use crate::text;
use crate::tui::app::App;
use crate::tui::keymap::{Binding, hint_priority, hints_for, label};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let width = usize::from(area.width);
    // A kept filter stays in view beside everything else the bar says.
    let filter = if app.filter().is_empty() {
        String::new()
    } else {
        format!("{}{}: {}", g.dot, t.ui.u_filter, text::escape(app.filter()))
    };
    let line = if app.filtering() {
        // The typed text, with a cursor and the keys that end it.
        let message = app
            .message
            .as_ref()
            .map(|m| format!("{}{m}", g.dot))
            .unwrap_or_default();
        let text = format!(
            " {}: {}_  ({}){message}",
            t.ui.u_filter,
            text::escape(app.filter()),
            t.ui.u_filter_keys,
        );
        Line::styled(text::pad(&text, width, g.ellipsis), theme.status_bar())
    } else if let Some(message) = &app.message() {
        Line::styled(
            text::pad(&format!(" {message}{filter}"), width, g.ellipsis),
            theme.message(),
        )
    } else {
        let modified = if app.modified() {
            " [+]".to_string()
        } else {
            String::new()
        };
        let saved = app
            .saved_at
            .as_ref()
            .map(|at| format!("{}{}", g.dot, fill(t.ui.u_saved_at, &[at])))
            .unwrap_or_default();
        let left = format!(
            " {}{modified}{saved}{filter}{}{}{}{}",
            text::escape(app.file_label()),
            g.dot,
            fill(t.ui.u_programs_count, &[&app.plan().programs.len()]),
            g.dot,
            fill(t.ui.u_overdue_count, &[&app.index().overdue.len()]),
        );
        let hints: Vec<(u8, String)> = hints_for(app)
            .iter()
            .map(|b| {
                let words = format!("{} {}", hint_keys(b, theme.ascii), b.help.hint(app.lang()));
                (hint_priority(b), words)
            })
            .collect();
        let room = width.saturating_sub(text::width(&left) + 2);
        let right = fit_hints(&hints, room, g.ellipsis);
        let gap = width.saturating_sub(text::width(&left) + text::width(&right));
        Line::from(vec![
            Span::raw(left),
            Span::raw(" ".repeat(gap)),
            Span::raw(right),
        ])
        .style(theme.status_bar())
    };
    frame.render_widget(line, area);
}

/// The plain keys of a binding, `1/2/3` or `q` (or its chord, `Ctrl-S`): short enough for the status bar.
pub(crate) fn hint_keys(binding: &Binding, ascii: bool) -> String {
    let plain: Vec<String> = binding
        .keys
        .iter()
        .filter(|(k, _)| k.mods.is_empty())
        .map(|(k, _)| label(k, ascii))
        .collect();
    match (plain.is_empty(), binding.keys.first()) {
        // Only chords, like Ctrl-S: show the first.
        (true, Some((key, _))) => label(key, ascii),
        _ => plain.join("/"),
    }
}

/// The hints that fit in `room` columns, whole, in their order: the ones
/// kept longest are taken first, and a hint that does not fit is left out
/// while a later, shorter one may still fit. Only when not even the first
/// fits is it cut.
fn fit_hints(hints: &[(u8, String)], room: usize, ellipsis: &str) -> String {
    const GAP: usize = 2;
    let mut order: Vec<usize> = (0..hints.len()).collect();
    order.sort_by_key(|&i| hints[i].0);
    let mut kept = vec![false; hints.len()];
    // One column after the last hint, as before.
    let mut used = 1;
    for i in order {
        let width = text::width(&hints[i].1);
        let gap = if used > 1 { GAP } else { 0 };
        if used + gap + width <= room {
            used += gap + width;
            kept[i] = true;
        }
    }
    let shown: Vec<&str> = hints
        .iter()
        .zip(&kept)
        .filter(|(_, k)| **k)
        .map(|((_, h), _)| h.as_str())
        .collect();
    match (shown.is_empty(), hints.iter().min_by_key(|(p, _)| *p)) {
        (true, Some((_, first))) => text::fit(&format!("{first} "), room, ellipsis),
        _ => format!("{} ", shown.join("  ")),
    }
}
