//! The timeline: the plan's years as columns, a bar per program from its start
//! to its end year, with milestone and target markers and today's mark.

use super::{block, cell, row, visible};
use crate::plan::model::{Program, is_overdue};
use crate::report::layout::Scale;
use crate::text;
use crate::tui::app::{App, TimelineRow, Viewport};
use crate::tui::theme::Theme;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The narrowest a year can be drawn: four digits and a gap.
const MIN_YEAR_COLS: usize = 5;

/// Which years are on screen and how wide each is; dates map onto the
/// columns by the printed timeline's own [`Scale`].
struct Columns {
    first_year: i32,
    years: usize,
    year_cols: usize,
    scale: Scale,
}

impl Columns {
    fn new(app: &App, width: usize) -> Columns {
        let period = app.plan().period;
        let total = (period.end - period.start + 1).max(1) as usize;
        let fit = (width / MIN_YEAR_COLS).max(1);
        let (first_year, years, year_cols) = if total <= fit {
            (
                period.start,
                total,
                (width / total).clamp(MIN_YEAR_COLS, 12),
            )
        } else {
            let offset = usize::from(app.timeline().year_offset).min(total - fit);
            (period.start + offset as i32, fit, MIN_YEAR_COLS)
        };
        Columns {
            first_year,
            years,
            year_cols,
            scale: Scale {
                first_year,
                years,
                cols: years * year_cols,
            },
        }
    }

    fn width(&self) -> usize {
        self.scale.cols
    }

    /// The column of a date, if its year is on screen.
    fn of_date(&self, date: Date) -> Option<usize> {
        self.scale.date(date)
    }

    /// The columns a year covers, if on screen.
    fn of_year(&self, year: i32) -> Option<std::ops::Range<usize>> {
        self.scale.year(year)
    }
}

/// The chart (a heading row, then the rows) and the footer, inside the border.
fn areas(inner: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]).areas(inner)
}

/// The rows the chart shows below its heading.
pub fn measure(area: Rect) -> Viewport {
    let [chart, _] = areas(super::inner(area));
    Viewport::Timeline {
        rows: usize::from(chart.height).saturating_sub(1),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let period = app.plan().period;
    let title = format!(
        " {} {}{}{} ",
        t.ui.view_names[2], period.start, g.dash, period.end
    );
    let outer = block(Span::styled(title, theme.header()), true, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [chart, footer] = areas(inner);

    let width = usize::from(chart.width);
    let label_cols = (width / 3).clamp(14, 32).saturating_sub(g.marker.len());
    let columns = Columns::new(app, width.saturating_sub(label_cols + g.marker.len() + 1));
    let today_col = columns.of_date(app.today());

    let mut head = vec![
        Span::raw(" ".repeat(g.marker.len())),
        Span::raw(format!("{} ", cell(t.ui.u_program, label_cols, g))),
    ];
    let mut years = String::new();
    for y in 0..columns.years {
        years.push_str(&format!(
            "{:<w$}",
            columns.first_year + y as i32,
            w = columns.year_cols
        ));
    }
    head.push(Span::raw(years));
    let mut lines = vec![Line::from(head).style(theme.header())];

    let plan = app.plan();
    let rows = &app.index().timeline;
    let range = visible(
        &app.timeline().rows,
        usize::from(chart.height).saturating_sub(1),
        rows.len(),
    );
    for n in range {
        let selected = n == app.timeline().rows.selected && app.lost().is_none();
        match rows[n] {
            TimelineRow::Dimension(d) => {
                let name = plan.dimensions.get(d).map_or("", |d| d.name.as_str());
                let mut spans = vec![Span::styled(
                    format!("{} ", cell(name, label_cols, g)),
                    theme.header(),
                )];
                spans.extend(track(&columns, (app.today(), today_col), None, theme));
                lines.push(row(spans, false, true, theme));
            }
            TimelineRow::Program(i) => {
                let p = &plan.programs[i];
                let label = format!("{} {}", text::escape(&p.id), text::escape(&p.name));
                // Only the label shows the selection: reversed bars would lose their status colour.
                let (marker, style) = if selected {
                    (g.marker.to_string(), theme.selected())
                } else {
                    (" ".repeat(g.marker.len()), theme.base())
                };
                let mut spans = vec![
                    Span::styled(marker, style),
                    Span::styled(cell(&label, label_cols, g), style),
                    Span::raw(" "),
                ];
                spans.extend(track(&columns, (app.today(), today_col), Some(p), theme));
                lines.push(Line::from(spans));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), chart);
    draw_footer(frame, footer, app, theme);
}

/// The bar, markers and today's line (today, and its column if on screen)
/// for one row, as runs of styled text.
fn track(
    columns: &Columns,
    (date, today): (Date, Option<usize>),
    program: Option<&Program>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let g = theme.glyphs();
    let mut cells: Vec<(&'static str, Style)> = vec![(" ", Style::default()); columns.width()];
    // Later layers win: bar, then today's line, then target and milestone markers.
    let bar = program.map_or_else(Style::default, |p| theme.status(p.status));
    if let Some(p) = program {
        for year in p.start..=p.end {
            if let Some(span) = columns.of_year(year) {
                for cell in &mut cells[span] {
                    *cell = (g.bar, bar);
                }
            }
        }
    }
    if let Some(col) = today {
        cells[col] = (g.today, theme.today());
    }
    if let Some(p) = program {
        // A marker on the bar keeps the bar's colour behind it, so the bar
        // reads as one piece; off the bar it stands alone.
        let mark =
            |cells: &mut [(&'static str, Style)], col: usize, glyph: &'static str, style: Style| {
                let on_bar = cells[col].0 == g.bar && !theme.mono;
                cells[col] = (
                    glyph,
                    if on_bar {
                        style.bg(bar.fg.unwrap_or_default()).fg(Color::Black)
                    } else {
                        style
                    },
                );
            };
        for target in &p.targets {
            if let Some(span) = columns.of_year(target.year) {
                mark(&mut cells, span.end - 1, g.target, theme.header());
            }
        }
        // Overdue milestones last, so one sharing a column with another still shows:
        // the printed timeline's `!`, a glyph as well as a colour (NO_COLOR).
        let mut milestones: Vec<_> = p
            .milestones
            .iter()
            .map(|m| (is_overdue(p, m, date), m))
            .collect();
        milestones.sort_by_key(|(late, _)| *late);
        for (late, m) in milestones {
            if let Some(col) = m.due_date().and_then(|d| columns.of_date(d)) {
                let (glyph, style) = if late {
                    (g.overdue, theme.late())
                } else if m.done {
                    (g.milestone_done, theme.good())
                } else {
                    (g.milestone, theme.header())
                };
                mark(&mut cells, col, glyph, style);
            }
        }
    }
    // Merge runs of one style into one span: fewer spans, fewer bytes over SSH.
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut style = Style::default();
    for (glyph, s) in cells {
        if s != style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        style = s;
        run.push_str(glyph);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style));
    }
    spans
}

fn draw_footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let width = usize::from(area.width);
    let mut lines = Vec::new();
    if let Some(p) = app
        .selected_timeline_program()
        .and_then(|i| app.plan().programs.get(i))
    {
        let done = p.milestones.iter().filter(|m| m.done).count();
        let next = p
            .milestones
            .iter()
            .filter(|m| !m.done)
            .filter_map(|m| Some((m.due_date()?, m)))
            .min_by_key(|(d, _)| *d)
            .map(|(d, m)| {
                format!(
                    "{}{}: {d} {}",
                    g.dot,
                    t.ui.u_next_due,
                    text::escape(&m.title)
                )
            })
            .unwrap_or_default();
        let about = format!(
            "{} {}{}{}{}{}{}{}{}{}/{}{}",
            text::escape(&p.id),
            text::escape(&p.name),
            g.dot,
            text::escape(&p.lead),
            g.dot,
            t.status(p.status),
            g.dot,
            format_args!("{}{}{}", p.start, g.dash, p.end),
            g.dot,
            done,
            p.milestones.len(),
            next
        );
        lines.push(Line::raw(text::fit(&about, width, g.ellipsis)));
    } else {
        lines.push(Line::default());
    }
    let legend = format!(
        "{}{} {}  {} {}  {} {}  {} {}  {} {}  {} {}",
        g.bar,
        g.bar,
        t.ui.u_legend[0],
        g.milestone,
        t.ui.u_legend[1],
        g.milestone_done,
        t.ui.u_legend[2],
        g.overdue,
        t.ui.u_legend[3],
        g.target,
        t.ui.u_legend[4],
        g.today,
        t.ui.u_legend[5]
    );
    lines.push(Line::styled(
        text::fit(&legend, width, g.ellipsis),
        theme.muted(),
    ));
    frame.render_widget(Paragraph::new(lines), area);
}
