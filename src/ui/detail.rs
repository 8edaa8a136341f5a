//! One program, every field: the page an officer reads out in a meeting.

use super::block;
use crate::app::App;
use crate::model::{Program, is_overdue};
use crate::summary::number;
use crate::text;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, p: &Program, theme: &Theme) {
    let t = app.lang.text();
    let g = theme.glyphs();
    let plan = app.plan();
    let title = format!(
        " {}{}{} ",
        text::escape(&p.id),
        g.dot,
        text::escape(&p.name)
    );
    let outer = block(Span::styled(title, theme.title()), true, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);

    let label_cols = [
        t.s_dimension,
        t.u_element,
        t.u_horizon,
        t.u_lead,
        t.u_support,
        t.u_funding,
        t.u_years,
        t.u_status,
    ]
    .iter()
    .map(|l| text::width(l))
    .max()
    .unwrap_or(0)
        + 1;
    let field = |label: &str, value: Span<'static>| -> Line<'static> {
        Line::from(vec![
            Span::styled(format!("{label:<label_cols$}"), theme.header()),
            Span::raw(" "),
            value,
        ])
    };
    let dimension = plan
        .dimension(&p.dimension)
        .map_or_else(|| p.dimension.clone(), |d| d.name.clone());
    let list = |items: &[String]| {
        if items.is_empty() {
            g.none.to_string()
        } else {
            text::escape(&items.join(", ")).into_owned()
        }
    };
    let mut lines = vec![
        field(
            t.s_dimension,
            Span::raw(text::escape(&dimension).into_owned()),
        ),
        field(
            t.u_element,
            Span::raw(text::escape(&p.element).into_owned()),
        ),
        field(t.u_horizon, Span::raw(t.horizon(p.horizon))),
        field(t.u_lead, Span::raw(text::escape(&p.lead).into_owned())),
        field(t.u_support, Span::raw(list(&p.support))),
        field(t.u_funding, Span::raw(list(&p.funding))),
        field(
            t.u_years,
            Span::raw(format!("{}{}{}", p.start, g.dash, p.end)),
        ),
        field(
            t.u_status,
            Span::styled(t.status(p.status), theme.status(p.status)),
        ),
    ];
    if !p.description.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(t.u_description, theme.header()));
        lines.extend(paragraphs(&p.description));
    }

    lines.push(Line::default());
    let done = p.milestones.iter().filter(|m| m.done).count();
    lines.push(Line::styled(
        format!("{} ({done}/{})", t.u_milestones, p.milestones.len()),
        theme.header(),
    ));
    for m in &p.milestones {
        let late = is_overdue(p, m, app.today);
        let mark = if m.done { g.check } else { g.open };
        let mut spans = vec![
            Span::raw(format!("  {mark} ")),
            Span::styled(
                text::escape(&m.due).into_owned(),
                if late { theme.late() } else { theme.base() },
            ),
            Span::raw(format!("  {}", text::escape(&m.title))),
        ];
        if late {
            let days = m
                .due_date()
                .and_then(|d| d.until(app.today).ok())
                .map_or(0, |s| s.get_days());
            spans.push(Span::styled(
                format!("  ({})", crate::i18n::fill(t.s_days_late, &[&days])),
                theme.late(),
            ));
        }
        lines.push(Line::from(spans));
    }

    lines.push(Line::default());
    lines.push(Line::styled(t.u_targets, theme.header()));
    let mut targets: Vec<_> = p.targets.iter().collect();
    targets.sort_by_key(|t| t.year);
    for target in targets {
        let none = || g.none.to_string();
        let unit = if target.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", text::escape(&target.unit))
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", target.year), theme.header()),
            Span::raw(text::escape(&target.indicator).into_owned()),
        ]));
        lines.push(Line::from(Span::raw(format!(
            "       {} {} {}{}{}{} {}",
            target.baseline.map_or_else(none, |v| number(v, app.lang)),
            g.arrow,
            number(target.target, app.lang),
            unit,
            g.dot,
            t.s_actual,
            target.actual.map_or_else(none, |v| number(v, app.lang)),
        ))));
    }

    if !p.notes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(t.u_notes, theme.header()));
        lines.extend(paragraphs(&p.notes));
    }
    // Say there is more below, so the targets and notes are not missed at 80×24.
    let total = lines.len() as u16;
    let shown_to = app.drill.detail_scroll.saturating_add(inner.height);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.drill.detail_scroll, 0)),
        inner,
    );
    if total > shown_to && area.height > 2 {
        let more = format!(" {} ", t.u_more_below);
        let width = (text::width(&more) as u16).min(area.width.saturating_sub(2));
        let at = Rect {
            x: area.x + area.width.saturating_sub(width + 1),
            y: area.y + area.height - 1,
            width,
            height: 1,
        };
        frame.render_widget(Span::styled(more, theme.header()), at);
    }
}

/// Multi-line text: one line per line, each escaped.
fn paragraphs(value: &str) -> Vec<Line<'static>> {
    // No indent: wrapped lines start at the border, and an indent on the
    // first line only would make a paragraph look ragged.
    value
        .lines()
        .map(|l| Line::raw(text::escape(l).into_owned()))
        .collect()
}
