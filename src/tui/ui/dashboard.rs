//! The dashboard: every dimension's standing, then what is late and what is due.

use super::{block, cell, empty_note, row, visible};
use crate::i18n::fill;
use crate::plan::achievement::Band;
use crate::plan::progress::Tally;
use crate::plan::questions::{self, Answers};
use crate::text;
use crate::tui::app::{App, DashFocus, MilestoneAt, Scroll, Viewport};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The dimension table, then the overdue and due-soon lists side by side.
fn areas(area: Rect, app: &App) -> [Rect; 3] {
    let dims = app.plan().dimensions.len() as u16;
    // Borders, a heading row, a row per dimension, the total, and the
    // questions' legend when the border has no room for it.
    let legend = u16::from(legend_inside(area.width, app));
    let table_height = (dims + 4 + legend).min(area.height.saturating_sub(5));
    let [table, lists] =
        Layout::vertical([Constraint::Length(table_height), Constraint::Fill(1)]).areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(lists);
    [table, left, right]
}

/// The rows each list shows.
pub fn measure(area: Rect, app: &App) -> Viewport {
    let [_, left, right] = areas(area, app);
    Viewport::Dashboard {
        overdue: usize::from(super::inner(left).height),
        due_soon: usize::from(super::inner(right).height),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [table, left, right] = areas(area, app);
    dimension_table(frame, table, app, theme);
    let t = app.lang().text();
    let late = fill(
        "{} ({})",
        &[&t.summary.s_overdue, &app.index().overdue.len()],
    );
    let soon = fill(
        "{} ({})",
        &[
            &fill(t.ui.u_due_soon, &[&crate::tui::app::DUE_SOON_DAYS]),
            &app.index().due_soon.len(),
        ],
    );
    let focus = app.dashboard().focus;
    milestone_list(
        frame,
        left,
        app,
        theme,
        &late,
        &app.index().overdue,
        &app.dashboard().overdue,
        focus == DashFocus::Overdue,
        true,
    );
    milestone_list(
        frame,
        right,
        app,
        theme,
        &soon,
        &app.index().due_soon,
        &app.dashboard().due_soon,
        focus == DashFocus::DueSoon,
        false,
    );
    // The late follow-ups' count keeps the right end of the border; the
    // selected milestone's title takes what is left of it.
    let reserved = late_followups(frame, right, app, theme);
    selected_title(frame, left, right, reserved, app, theme);
}

/// The selected milestone's programme and whole title, across the bottom
/// border of both lists: the list cuts it at half the width.
fn selected_title(
    frame: &mut Frame,
    left: Rect,
    right: Rect,
    reserved: u16,
    app: &App,
    theme: &Theme,
) {
    let (items, scroll) = match app.dashboard().focus {
        DashFocus::Overdue => (&app.index().overdue, &app.dashboard().overdue),
        DashFocus::DueSoon => (&app.index().due_soon, &app.dashboard().due_soon),
    };
    let Some(&(p, m)) = items.get(scroll.selected).filter(|_| app.lost().is_none()) else {
        return;
    };
    let plan = app.plan();
    let Some(milestone) = plan.programs.get(p).and_then(|p| p.milestones.get(m)) else {
        return;
    };
    if left.height < 3 {
        return;
    }
    let cols = usize::from((right.x + right.width).saturating_sub(left.x + 4 + reserved));
    let whole = format!(
        "{} {}",
        text::escape(&plan.programs[p].id),
        text::escape(&milestone.title)
    );
    let shown = format!(" {} ", text::fit(&whole, cols, theme.glyphs().ellipsis));
    let area = Rect {
        x: left.x + 1,
        y: left.y + left.height - 1,
        width: (text::width(&shown) as u16)
            .min((right.x + right.width).saturating_sub(left.x + 2 + reserved)),
        height: 1,
    };
    frame.render_widget(Line::styled(shown, theme.header()), area);
}

fn dimension_table(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let plan = app.plan();
    // The physical progress and absorption are one fiscal year's: today's.
    let title = format!(
        " {}{}{} {}{}{}{}{} ",
        text::escape(&plan.region),
        g.dot,
        t.summary.s_period,
        plan.period.start,
        g.dash,
        plan.period.end,
        g.dot,
        fill(t.ui.u_fiscal_year, &[&app.index.total.year]),
    );
    // The three questions' letters are explained on the border where it
    // has room for both legends whole, else on a line of their own under
    // the total: letters without their meaning are a riddle.
    let mut legend = t.ui.u_dash_legend.to_string();
    let questions = app.lang().questions().legend;
    let inside = legend_inside(area.width, app);
    if border_holds_both(area.width, app) {
        legend = format!("{legend} {questions}");
    }
    let legend = Line::styled(format!(" {legend} "), theme.muted());
    let outer = block(Span::styled(title, theme.title()), false, theme).title_bottom(legend);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);

    let width = usize::from(inner.width);
    let room = Room::of(width, app);
    let labels = t.ui.u_dash_cols;
    let Room {
        nums,
        more,
        gauge,
        lead,
        questions: shown,
        ..
    } = room;
    let qw = QW;
    let asked = questions::answer(plan, app.index.total.year, |_| true);
    // Each count as wide as the plan's total of it, after a space.
    let digits: [usize; 3] = asked.total.standings.map(|s| s.programs.to_string().len());
    let q_cols = if shown {
        digits.iter().map(|d| d + 1).sum::<usize>()
    } else {
        0
    };
    let name = room.name.saturating_sub(q_cols).max(4);

    let right = |label: &str, cols: usize| {
        Span::raw(format!("{:>cols$}", text::fit(label, cols - 1, g.ellipsis)))
    };
    let mut head = vec![Span::raw(cell(t.summary.s_dimension, name, g))];
    if lead > 0 {
        head.push(Span::raw(format!(" {}", cell(t.ui.u_lead, lead, g))));
    }
    for (label, cols) in labels.iter().zip(nums) {
        head.push(right(label, cols));
    }
    head.push(Span::raw(format!(" {}", cell(labels[4], gauge - 1, g))));
    head.push(right(labels[5], qw));
    for &(label, cols) in &more {
        head.push(right(label, cols));
    }
    let q = app.lang().questions();
    if q_cols > 0 {
        for (letter, cols) in q.letters.iter().zip(digits) {
            head.push(Span::raw(format!(" {letter:>cols$}")));
        }
    }
    let mut lines = vec![Line::from(head).style(theme.header())];

    let answers = |d: Option<&str>| -> Answers {
        match d {
            None => asked.total,
            Some(id) => asked
                .dimensions
                .iter()
                .find(|(x, _)| x.id == id)
                .map_or(Answers::new(asked.total.year), |(_, a)| *a),
        }
    };
    let line = |label: &str, lead_text: &str, tally: &Tally, a: Answers| -> Line<'static> {
        let mut spans = vec![Span::raw(cell(label, name, g))];
        if lead > 0 {
            spans.push(Span::raw(format!(" {}", cell(lead_text, lead, g))));
        }
        let figures = [tally.programs, tally.done, tally.in_progress, tally.delayed];
        for (i, (value, cols)) in figures.iter().zip(nums).enumerate() {
            let style = match i {
                1 => theme.good(),
                3 if *value > 0 => theme.late(),
                _ => theme.base(),
            };
            spans.push(Span::styled(format!("{value:>cols$}"), style));
        }
        spans.push(Span::raw(" "));
        spans.extend(gauge_spans(tally.percent_done(), gauge - 1, theme));
        spans.push(Span::raw(format!(
            "{:>qw$}",
            format!("{}/{}", tally.quick_wins_done, tally.quick_wins)
        )));
        let figures = [tally.physical(), tally.absorption()];
        for (&(_, cols), figure) in more.iter().zip(figures) {
            let shown = crate::i18n::format::percent_or(figure, g.none);
            spans.push(Span::raw(format!("{shown:>cols$}")));
        }
        if q_cols > 0 {
            for (s, cols) in a.standings.iter().zip(digits) {
                // The count in the colour of how its targets do this year.
                let style = match (s.programs, s.band()) {
                    (0, _) => theme.muted(),
                    (_, Some(Band::VeryGood | Band::Good)) => theme.good(),
                    (_, Some(_)) => theme.late(),
                    (_, None) => theme.base(),
                };
                spans.push(Span::styled(format!(" {:>cols$}", s.programs), style));
            }
        }
        Line::from(spans)
    };
    for (d, tally) in plan.dimensions.iter().zip(&app.index().tallies) {
        lines.push(line(&d.name, &d.lead, tally, answers(Some(&d.id))));
    }
    lines
        .push(line(t.summary.s_total, "", &app.index().total, answers(None)).style(theme.header()));
    if inside {
        lines.push(Line::styled(
            text::fit(questions, width, g.ellipsis),
            theme.muted(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The quick-win column: "10/14" after a space.
const QW: usize = 6;

/// How the dashboard's table shares its width: number columns as wide as
/// their heading, the gauge, the money columns, the lead agency and the
/// name, and whether the three questions' counts are shown.
struct Room<'a> {
    nums: [usize; 4],
    more: Vec<(&'a str, usize)>,
    gauge: usize,
    lead: usize,
    /// The name with the questions' columns still in it.
    name: usize,
    questions: bool,
}

impl<'a> Room<'a> {
    fn of(width: usize, app: &'a App) -> Room<'a> {
        let t = app.lang().text();
        let plan = app.plan();
        let labels = t.ui.u_dash_cols;
        // Number columns as wide as their heading (at least 4), each after a space.
        let nums: [usize; 4] = std::array::from_fn(|i| text::width(labels[i]).max(4) + 1);
        let budgets = app.index().total.allocated > 0;
        // Physical progress always (milestones give it); absorption only in a
        // plan that records budgets.
        let extra = &t.ui.u_dash_more;
        let more: Vec<(&str, usize)> = [(extra[0], true), (extra[1], budgets)]
            .into_iter()
            .filter(|(_, on)| *on)
            .map(|(label, _)| (label, text::width(label).max(4) + 1))
            .collect();
        let longest = plan
            .dimensions
            .iter()
            .map(|d| text::width(&text::escape(&d.lead)))
            .max()
            .unwrap_or(0)
            .max(text::width(t.ui.u_lead))
            .min(24);
        // The bar, when the lead agency (and 18 columns of name) still fit
        // beside it; else only the figure.
        let others = nums.iter().sum::<usize>() + QW + more.iter().map(|(_, c)| c).sum::<usize>();
        let bar = if width >= 100 { 16 } else { 11 };
        let gauge = if width.saturating_sub(others + bar) >= longest + 18 {
            bar
        } else {
            text::width(labels[4]).max(5) + 1
        };
        let rest = width.saturating_sub(others + gauge);
        // The three questions, a count of programmes per question, when the
        // name keeps 12 columns beside them: the widest a count can be is
        // the plan's programmes, so the choice needs no counting.
        let digits = plan.programs.len().to_string().len();
        let q_cols = 3 * (digits + 1);
        let name_beside = |lead: usize| rest.saturating_sub(lead + 1).max(4);
        // The lead agency shares what is left with the name, and goes first
        // when space is short: before the questions, which the vice-regent
        // asks of every programme (the dimension view names the agency).
        let mut lead = if rest >= 30 {
            longest.min(rest - 18)
        } else {
            0
        };
        if name_beside(lead) < q_cols + 12 && name_beside(0) >= q_cols + 12 {
            lead = 0;
        }
        let mut name = name_beside(lead);
        let mut gauge = gauge;
        // Without the lead agency the bar may fit after all.
        if lead == 0 && gauge < bar && name >= (bar - gauge) + q_cols + 18 {
            name -= bar - gauge;
            gauge = bar;
        }
        Room {
            nums,
            more,
            gauge,
            lead,
            name,
            questions: name >= q_cols + 12,
        }
    }
}

/// The border under the table holds the columns' legend and the
/// questions' legend together.
fn border_holds_both(width: u16, app: &App) -> bool {
    let t = app.lang().text();
    let questions = app.lang().questions().legend;
    text::width(t.ui.u_dash_legend) + text::width(questions) + 5 <= usize::from(width)
}

/// The questions' counts are shown but their legend has no room on the
/// border: it takes a line of the table.
fn legend_inside(width: u16, app: &App) -> bool {
    let inner = usize::from(width.saturating_sub(2));
    !border_holds_both(width, app) && Room::of(inner, app).questions
}

/// `████░░░░  40%`: a bar and the figure, `cols` wide.
fn gauge_spans(percent: u32, cols: usize, theme: &Theme) -> Vec<Span<'static>> {
    let g = theme.glyphs();
    // Too narrow for a bar worth reading: the figure alone.
    if cols < 8 {
        return vec![Span::raw(format!("{:>cols$}", format!("{percent}%")))];
    }
    let bar = cols.saturating_sub(5);
    // Rounded, so 16% of a five-cell bar shows one cell rather than none.
    let full = ((bar * percent as usize + 50) / 100).min(bar);
    vec![
        Span::styled(g.gauge_full.repeat(full), theme.good()),
        Span::styled(g.gauge_empty.repeat(bar - full), theme.muted()),
        Span::raw(format!("{percent:>4}%")),
    ]
}

/// How many follow-ups are late, at the right end of the lists' bottom
/// border, where the plan has any: beside the late milestones without taking
/// a row from them (`pantau report --kind followups` lists them). Returns the
/// columns it took.
fn late_followups(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> u16 {
    let late = crate::plan::progress::late_followups(app.plan(), app.today()).len();
    if late == 0 || area.height < 3 || area.width < 6 {
        return 0;
    }
    let words = fill(app.lang().followups().late_heading, &[&late]);
    let room = usize::from(area.width - 4);
    let text = format!(
        " {} ",
        text::fit(&words, room.saturating_sub(2), theme.glyphs().ellipsis)
    );
    let width = (text::width(&text) as u16).min(area.width - 4);
    let at = Rect {
        x: area.right() - 2 - width,
        y: area.bottom() - 1,
        width,
        height: 1,
    };
    frame.render_widget(Paragraph::new(Span::styled(text, theme.late())), at);
    width + 1
}

#[allow(clippy::too_many_arguments)]
fn milestone_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    title: &str,
    items: &[MilestoneAt],
    scroll: &Scroll,
    focused: bool,
    late: bool,
) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let outer = block(
        Span::styled(format!(" {title} "), theme.header()),
        focused,
        theme,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    if items.is_empty() {
        frame.render_widget(empty_note(t.ui.u_nothing, theme), inner);
        return;
    }
    let plan = app.plan();
    let width = usize::from(inner.width).saturating_sub(g.marker.len());
    let range = visible(scroll, usize::from(inner.height), items.len());
    let id_cols = items[range.clone()]
        .iter()
        .map(|&(p, _)| text::width(&text::escape(&plan.programs[p].id)))
        .max()
        .unwrap_or(0)
        .min(10);
    let mut lines = Vec::with_capacity(range.len());
    for i in range {
        let (p, m) = items[i];
        let program = &plan.programs[p];
        let milestone = &program.milestones[m];
        let due = milestone.due_date().unwrap_or(app.today());
        let days = if late {
            due.until(app.today())
        } else {
            app.today().until(due)
        }
        .map_or(0, |s| s.get_days());
        let when = fill(t.ui.u_days, &[&days]);
        let title_cols = width.saturating_sub(10 + 1 + id_cols + 1 + 1 + when.len());
        lines.push(row(
            vec![
                Span::raw(format!("{} ", crate::i18n::format::date(due, app.lang()))),
                Span::raw(format!("{} ", cell(&program.id, id_cols, g))),
                Span::raw(cell(&milestone.title, title_cols, g)),
                Span::styled(
                    format!(" {when}"),
                    if late { theme.late() } else { theme.soon() },
                ),
            ],
            i == scroll.selected && app.lost().is_none(),
            focused,
            theme,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
