//! The drill-down: dimensions on the left, the selected dimension's programs
//! on the right; a program's detail takes the whole body.

use super::{block, cell, empty_note, row, visible};
use crate::i18n::format::percent;
use crate::plan::achievement::Band;
use crate::plan::model::{Horizon, Program, Status};
use crate::plan::progress::{self, Gap};
use crate::plan::questions::Answers;
use crate::text;
use crate::tui::app::{App, Pane, Viewport};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Below this width the program list does not share the screen with the dimensions.
const FULL_WIDTH_BELOW: u16 = 110;

/// The detail page when a program is open, else the program list's rows
/// (its heading row off the top), the same on the right or the whole width.
pub fn measure(area: Rect, app: &App, theme: &Theme) -> Viewport {
    if app.drill().pane == Pane::Detail
        && let Some(program) = app.selected_program()
    {
        return Viewport::Detail(super::detail::measure(area, app, program, theme));
    }
    Viewport::Programs {
        rows: program_rows(super::inner(area)),
    }
}

/// The programs listed below the heading row inside the list's border.
fn program_rows(inner: Rect) -> usize {
    usize::from(inner.height).saturating_sub(1)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if app.drill().pane == Pane::Detail
        && let Some(program) = app.selected_program()
    {
        return super::detail::draw(frame, area, app, program, theme);
    }
    // Once inside a dimension on a narrow terminal, its programs take the whole
    // width (the dimension is named in the title): at 80 columns that is the
    // difference between a readable name and lead agency and neither.
    if app.drill().pane == Pane::Programs && area.width < FULL_WIDTH_BELOW {
        return programs(frame, area, app, theme);
    }
    // Wide enough for "Smart Environment" and its count at 80 columns.
    let left_cols = (area.width / 4).clamp(23, 30);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_cols), Constraint::Fill(1)]).areas(area);
    dimensions(frame, left, app, theme);
    programs(frame, right, app, theme);
}

fn dimensions(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let focused = app.drill().pane == Pane::Dimensions;
    let outer = block(
        Span::styled(format!(" {} ", t.ui.u_dimensions), theme.header()),
        focused,
        theme,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width).saturating_sub(g.marker.len());
    let dims = &app.plan().dimensions;
    // Six dimensions always fit; scrolling is only for plans that define many.
    let height = usize::from(inner.height);
    let start = app
        .drill()
        .dimension
        .saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = dims
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, d)| {
            let count = app.index().by_dimension[i].len().to_string();
            let name_cols = width.saturating_sub(count.len() + 1);
            row(
                vec![
                    Span::raw(cell(&d.name, name_cols, g)),
                    Span::raw(format!(" {count}")),
                ],
                i == app.drill().dimension,
                focused,
                theme,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn programs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let focused = app.drill().pane == Pane::Programs;
    let plan = app.plan();
    let title = plan
        .dimensions
        .get(app.drill().dimension)
        .map(|d| {
            let lead = if d.lead.is_empty() {
                String::new()
            } else {
                format!("{}{}", g.dot, text::escape(&d.lead))
            };
            // The dimension's physical progress and absorption, as on the dashboard.
            let mut figures = String::new();
            if let Some(tally) = app.index().tallies.get(app.drill().dimension) {
                let labels = &t.ui.u_dash_more;
                let pct = |v: Option<f64>| v.map(percent);
                let year = tally.year;
                if let Some(p) = pct(tally.physical()) {
                    figures.push_str(&format!("{}{} {year} {p}", g.dot, labels[0]));
                }
                if let Some(p) = pct(tally.absorption()) {
                    figures.push_str(&format!("{}{} {year} {p}", g.dot, labels[1]));
                }
            }
            format!(" {}{}{} ", text::escape(&d.name), lead, figures)
        })
        .unwrap_or_default();
    let listed = app.listed_programs();
    // The border's inside: the area less a column each side.
    let width = usize::from(area.width.saturating_sub(2)).saturating_sub(g.marker.len());
    let id = listed
        .iter()
        .map(|&i| text::width(&text::escape(&plan.programs[i].id)))
        .max()
        .unwrap_or(2)
        .clamp(2, 10);
    let horizon = Horizon::ALL
        .iter()
        .map(|h| text::width(t.horizon_short(*h)))
        .max()
        .unwrap_or(0);
    let status = Status::ALL
        .iter()
        .map(|s| text::width(t.status(*s)))
        .max()
        .unwrap_or(0);
    let steps = 5;
    let leads = listed
        .iter()
        .map(|&i| text::width(&plan.programs[i].lead))
        .max()
        .unwrap_or(0);
    // The lead agency shows when the name keeps at least 16 columns.
    // One column after the id for the overdue mark.
    let fixed = id + 1 + horizon + status + steps + 4;
    let lead = if width >= fixed + 16 + 10 {
        leads.clamp(4, 20).min(width - fixed - 16 - 1)
    } else {
        0
    };
    let name = width.saturating_sub(fixed + lead).max(4);
    // Which of the three questions each programme answers (use, quality,
    // impact: a letter each, or a dot), from what the name and the lead
    // leave once the name keeps 18 columns.
    let asks = if name >= 18 + 5 { 5 } else { 0 };
    let name = name - asks;
    let mut outer = block(Span::styled(title, theme.header()), focused, theme);
    // What the marks after the steps mean, when any programme listed has one.
    let gaps: Vec<Gap> = listed
        .iter()
        .filter_map(|&i| progress::gap(&plan.programs[i], app.index.total.year))
        .collect();
    let ev = app.lang().evaluation();
    let mut legend = Vec::new();
    if listed
        .iter()
        .any(|&i| is_late(&plan.programs[i], app.today()))
    {
        legend.push(format!("{} {}", g.overdue, t.ui.u_legend_overdue));
    }
    if gaps.contains(&Gap::SpentAhead) {
        legend.push(format!("$ {}", ev.spent_ahead));
    }
    if gaps.contains(&Gap::WorkAhead) {
        legend.push(format!("~ {}", ev.work_ahead));
    }
    // The short headings say what they are: the steps' count and, where
    // shown, the three questions' letters.
    // Each only whole, while the border has room for it.
    let fits = |item: &str, legend: &mut Vec<String>| {
        let used: usize = legend
            .iter()
            .map(|l| text::width(l) + text::width(g.dot))
            .sum();
        if used + text::width(item) + 4 <= usize::from(area.width) {
            legend.push(item.to_string());
        }
    };
    fits(t.ui.u_steps_legend, &mut legend);
    if asks > 0 {
        fits(app.lang().questions().legend, &mut legend);
    }
    outer = outer.title_bottom(Line::styled(
        format!(" {} ", legend.join(g.dot)),
        theme.muted(),
    ));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    if listed.is_empty() {
        let note = if app.filter().is_empty() {
            t.ui.u_nothing
        } else {
            t.ui.u_no_match
        };
        frame.render_widget(empty_note(note, theme), inner);
        return;
    }

    let q = app.lang().questions();

    let mut head = vec![
        Span::raw(" ".repeat(g.marker.len())),
        Span::raw(format!("{}  ", cell(t.ui.u_id, id, g))),
        Span::raw(format!("{} ", cell(t.ui.u_program, name, g))),
        Span::raw(format!("{} ", cell(t.ui.u_horizon, horizon, g))),
    ];
    if lead > 0 {
        head.push(Span::raw(format!("{} ", cell(t.ui.u_lead, lead, g))));
    }
    head.push(Span::raw(cell(t.ui.u_status, status, g)));
    if asks > 0 {
        head.push(Span::raw(format!(" {} ", q.letters.concat())));
    }
    head.push(Span::raw(format!(
        "{:>steps$}",
        text::fit(t.ui.u_milestones_short, steps, g.ellipsis)
    )));
    let mut lines = vec![Line::from(head).style(theme.header())];

    let range = visible(&app.drill().programs, program_rows(inner), listed.len());
    for n in range {
        let p: &Program = &plan.programs[listed[n]];
        let done = p.milestones.iter().filter(|m| m.done).count();
        // A milestone past its date, marked beside the id.
        let late = if is_late(p, app.today()) {
            Span::styled(g.overdue, theme.late())
        } else {
            Span::raw(" ")
        };
        // After the id's space, so the id reads as itself wherever it is sought.
        let mut spans = vec![
            Span::raw(format!("{} ", cell(&p.id, id, g))),
            late,
            Span::raw(format!("{} ", cell(&p.name, name, g))),
            Span::raw(format!("{} ", cell(t.horizon_short(p.horizon), horizon, g))),
        ];
        if lead > 0 {
            spans.push(Span::raw(format!("{} ", cell(&p.lead, lead, g))));
        }
        spans.push(Span::styled(
            cell(t.status(p.status), status, g),
            theme.status(p.status),
        ));
        if asks > 0 {
            spans.push(Span::raw(" "));
            let answers = Answers::of(p, app.index.total.year);
            for (letter, s) in q.letters.iter().zip(&answers.standings) {
                // The letter in the colour of how its targets do this year.
                let (shown, style) = match (s.programs, s.band()) {
                    (0, _) => (".", theme.muted()),
                    (_, Some(Band::VeryGood | Band::Good)) => (*letter, theme.good()),
                    (_, Some(_)) => (*letter, theme.late()),
                    (_, None) => (*letter, theme.base()),
                };
                spans.push(Span::styled(shown, style));
            }
            spans.push(Span::raw(" "));
        }
        // Spending far ahead of the work (or behind it): marked before the
        // steps, in the room their right alignment leaves; the detail says which.
        let count = format!("{done}/{}", p.milestones.len());
        let (mark, style) = match progress::gap(p, app.index.total.year) {
            Some(Gap::SpentAhead) => ("$", theme.late()),
            Some(Gap::WorkAhead) => ("~", theme.soon()),
            None => ("", theme.base()),
        };
        let pad = steps.saturating_sub(count.len() + mark.len());
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(mark, style));
        spans.push(Span::raw(count));
        lines.push(row(
            spans,
            n == app.drill().programs.selected && app.lost().is_none(),
            focused,
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Whether programme `p`, still open, has a milestone not done past its
/// date: what the dashboard's overdue list counts.
fn is_late(p: &Program, today: jiff::civil::Date) -> bool {
    !p.status.is_closed()
        && p.milestones
            .iter()
            .any(|m| !m.done && m.due_date().is_some_and(|due| due < today))
}
