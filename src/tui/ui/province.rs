//! The province dashboard: a row per region (code, region, programmes, share
//! done, quick wins, late, achievement, estimated index), the plans that did
//! not load below; a region opened from it is drawn as its own dashboard.

use super::{block, cell, empty_note, row, visible};
use crate::i18n::fill;
use crate::i18n::format::{decimal, percent_or};
use crate::text;
use crate::tui::keymap::{Context, help_in, hints_in};
use crate::tui::province::Province;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, p: &Province, theme: &Theme) {
    if let Some(app) = &p.open {
        super::draw(frame, app, theme);
        return;
    }
    let area = frame.area();
    let t = p.lang.text();
    if area.width < super::MIN_WIDTH || area.height < super::MIN_HEIGHT {
        let message = fill(
            t.ui.u_too_small,
            &[
                &area.width,
                &area.height,
                &super::MIN_WIDTH,
                &super::MIN_HEIGHT,
            ],
        );
        frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
        return;
    }
    let [top, table, failed, bottom] = super::province_areas(area, p.failed.len());
    let g = theme.glyphs();
    let programmes: usize = p.rows.iter().map(|r| r.programs).sum();
    let title = fill(
        t.ui.u_province_title,
        &[
            &p.rows.len(),
            &programmes,
            &crate::i18n::format::date(p.today, p.lang),
        ],
    );
    // The province, when every region names the same one.
    let provinces: Vec<&str> = p
        .plans
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .map(|d| d.plan.province.as_str())
        .collect();
    let province = match provinces.first() {
        Some(first) if !first.is_empty() && provinces.iter().all(|x| x == first) => {
            text::escape(first).into_owned()
        }
        _ => String::new(),
    };
    let width = usize::from(top.width);
    let left = text::fit(&format!(" {title}"), width, g.ellipsis);
    let gap = width.saturating_sub(text::width(&left) + text::width(&province) + 1);
    frame.render_widget(
        Line::from(vec![
            Span::styled(left, theme.title()),
            Span::raw(" ".repeat(gap)),
            Span::styled(province.clone(), theme.title()),
        ]),
        top,
    );
    regions(frame, table, p, theme);
    if !p.failed.is_empty() {
        let outer = block(
            Span::styled(
                format!(" {} ", fill(t.ui.u_province_failed, &[&p.failed.len()])),
                theme.late(),
            ),
            false,
            theme,
        );
        let inner = outer.inner(failed);
        frame.render_widget(outer, failed);
        let cols = usize::from(inner.width);
        let lines: Vec<Line> = p
            .failed
            .iter()
            .take(usize::from(inner.height))
            .map(|(file, error)| {
                let shown = if error.starts_with(file.as_str()) {
                    text::escape(error).into_owned()
                } else {
                    format!("{}: {}", text::escape(file), text::escape(error))
                };
                Line::raw(text::fit(&format!(" {shown}"), cols, g.ellipsis))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
    let hints: Vec<String> = hints_in(Context::Province)
        .iter()
        .map(|b| {
            format!(
                "{} {}",
                super::status_bar::hint_keys(b, theme.ascii),
                b.help.hint(p.lang)
            )
        })
        .collect();
    let width = usize::from(bottom.width);
    let left = format!(" {}", text::escape(&p.label));
    let right = format!("{} ", hints.join("  "));
    let room = width.saturating_sub(text::width(&left) + 2);
    let right = text::fit(&right, room, g.ellipsis);
    let gap = width.saturating_sub(text::width(&left) + text::width(&right));
    frame.render_widget(
        Line::from(vec![
            Span::raw(left),
            Span::raw(" ".repeat(gap)),
            Span::raw(right),
        ])
        .style(theme.status_bar()),
        bottom,
    );
    if p.help {
        super::help::draw_list(frame, table, &help_in(Context::Province), p.lang, theme);
    }
}

fn regions(frame: &mut Frame, area: Rect, p: &Province, theme: &Theme) {
    let t = p.lang.text();
    let g = theme.glyphs();
    let outer = block(Span::raw(""), true, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    if p.rows.is_empty() {
        frame.render_widget(empty_note(t.ui.u_province_none, theme), inner);
        return;
    }
    let labels = t.ui.u_province_cols;
    let marker = g.marker.len();
    // Each figure as wide as its heading or its widest value, after a space.
    let figures: Vec<Vec<String>> = p
        .rows
        .iter()
        .map(|r| {
            vec![
                r.programs.to_string(),
                format!("{}%", r.done),
                r.quick_wins.clone(),
                r.late.to_string(),
                percent_or(r.achievement, "-"),
                r.index
                    .map_or_else(|| "-".to_string(), |i| decimal(i, p.lang)),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            let widest = figures
                .iter()
                .map(|f| text::width(&f[i]))
                .max()
                .unwrap_or(0);
            widest.max(text::width(labels[i + 2])) + 1
        })
        .collect();
    let code = p
        .rows
        .iter()
        .map(|r| text::width(&r.code))
        .max()
        .unwrap_or(0)
        .max(text::width(labels[0]))
        + 1;
    let width = usize::from(inner.width);
    let name = width
        .saturating_sub(marker + code + widths.iter().sum::<usize>())
        .max(8);
    let right = |s: &str, cols: usize| format!("{:>cols$}", text::fit(s, cols - 1, g.ellipsis));
    let mut head = vec![Span::raw(" ".repeat(marker))];
    head.push(Span::raw(cell(labels[0], code, g)));
    head.push(Span::raw(cell(labels[1], name, g)));
    for (i, w) in widths.iter().enumerate() {
        head.push(Span::raw(right(labels[i + 2], *w)));
    }
    let [heading, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Line::from(head).style(theme.header()), heading);
    let height = usize::from(list.height);
    let lines: Vec<Line> = visible(&p.selected, height, p.rows.len())
        .map(|i| {
            let r = &p.rows[i];
            let mut spans = vec![
                Span::raw(cell(&text::escape(&r.code), code, g)),
                Span::raw(cell(&text::escape(&r.region), name, g)),
            ];
            for (j, w) in widths.iter().enumerate() {
                let s = Span::raw(right(&figures[i][j], *w));
                // Late milestones stand out.
                spans.push(if j == 3 && r.late > 0 {
                    s.style(theme.late())
                } else {
                    s
                });
            }
            row(spans, i == p.selected.selected, true, theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
