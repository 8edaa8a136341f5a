//! One program, every field: the page an officer reads out in a meeting.
//! Its lines are selectable items: the program itself, each milestone, each
//! target; the quick keys and `e` act on the selected one.

use super::block;
use crate::i18n::format::{goal, money, number};
use crate::plan::achievement::{Band, Capaian};
use crate::plan::model::{Direction, EvidenceState, Program, is_overdue};
use crate::plan::progress::{self, Gap};
use crate::plan::schema::{Detail, Kind, PROGRAMME, Row};
use crate::text;
use crate::tui::app::{App, DetailPage, Item};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// How many of the program's latest changes the detail lists.
const RECENT_CHANGES: usize = 3;

/// Each line of the page, and which item it belongs to (None: headings,
/// blank lines).
type Lines = Vec<(Option<Item>, Line<'static>)>;

/// The page as laid out in `area`, around the selected item.
pub fn measure(area: Rect, app: &App, p: &Program, theme: &Theme) -> DetailPage {
    let inner = super::inner(area);
    let lines = page(app, p, theme, inner);
    let selected = Item::of(p, app.drill().item.selected);
    laid_out(&lines, selected, inner)
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, p: &Program, theme: &Theme) {
    let g = theme.glyphs();
    let selected = Item::of(p, app.drill().item.selected);
    let title_style = if selected == Item::Program {
        theme.selected()
    } else {
        theme.title()
    };
    let title = format!(
        " {}{}{} ",
        text::escape(&p.id),
        g.dot,
        text::escape(&p.name)
    );
    let outer = block(Span::styled(title, title_style), true, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let lines = page(app, p, theme, inner);
    show(frame, area, inner, app, lines, selected, theme);
}

/// Every line of the page, wrapped to the inside of its border.
fn page(app: &App, p: &Program, theme: &Theme, inner: Rect) -> Lines {
    let width = usize::from(inner.width).saturating_sub(theme.glyphs().marker.len());
    let mut lines = Lines::new();
    own_fields(&mut lines, app, p, theme, width);
    milestones(&mut lines, app, p, theme, width);
    targets(&mut lines, app, p, theme, width);
    budget(&mut lines, app, p, theme);
    evidence(&mut lines, app, p, theme);
    for row in shown_rows(p).filter(|r| r.detail == Detail::Closing) {
        paragraph(&mut lines, app, p, theme, width, row);
    }
    recent_changes(&mut lines, app, p, theme, width);
    lines
}

/// Where the selected item and the last item fall among the lines.
fn laid_out(lines: &Lines, selected: Item, inner: Rect) -> DetailPage {
    let first = lines
        .iter()
        .position(|(item, _)| *item == Some(selected))
        .unwrap_or(0);
    let last = lines
        .iter()
        .rposition(|(item, _)| *item == Some(selected))
        .unwrap_or(first);
    // Past the last item, j/PgDn/End read on down to the notes and recent
    // changes: one step a line, until the last line is in view.
    let items_end = lines
        .iter()
        .rposition(|(item, _)| item.is_some())
        .map_or(0, |i| i + 1);
    DetailPage {
        first,
        last,
        items_end,
        lines: lines.len(),
        height: usize::from(inner.height),
    }
}

/// The programme's own fields, as the schema places them: labelled lines (the
/// two years on one), then paragraphs. An optional field is shown only when set.
fn own_fields(lines: &mut Lines, app: &App, p: &Program, theme: &Theme, width: usize) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let plan = app.plan();
    let line_label = |row: &Row| match row.detail {
        Detail::Years => t.ui.u_years,
        _ => row.field.heading(app.lang()),
    };
    let label_cols = shown_rows(p)
        .filter(|r| matches!(r.detail, Detail::Line | Detail::Years))
        .map(|r| text::width(line_label(r)))
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
    let esc = |s: &str| text::escape(s).into_owned();
    let value = |row: &Row| -> Span<'static> {
        let v = row.field.get(p);
        match row.kind {
            Kind::Dimension => Span::raw(esc(&plan
                .dimension(&p.dimension)
                .map_or_else(|| p.dimension.clone(), |d| d.name.clone()))),
            Kind::Status => Span::styled(t.status(p.status), theme.status(p.status)),
            Kind::List | Kind::Sources if v.is_empty() => Span::raw(g.none),
            kind => Span::raw(t.word(kind, &v).map_or_else(|| esc(&v), String::from)),
        }
    };
    let mut years_shown = false;
    for row in shown_rows(p) {
        let line = match row.detail {
            Detail::Line => field(line_label(row), value(row)),
            Detail::Years if !years_shown => {
                years_shown = true;
                field(
                    line_label(row),
                    Span::raw(format!("{}{}{}", p.start, g.dash, p.end)),
                )
            }
            Detail::Years | Detail::Title | Detail::Paragraph | Detail::Closing => continue,
        };
        lines.push((Some(Item::Program), line));
    }
    for row in shown_rows(p).filter(|r| r.detail == Detail::Paragraph) {
        paragraph(lines, app, p, theme, width, row);
    }
}

/// The rows of the schema this programme shows.
fn shown_rows(p: &Program) -> impl Iterator<Item = &'static Row> + '_ {
    PROGRAMME
        .iter()
        .filter(|r| !(r.optional && r.field.value(p).is_empty()))
}

/// A text field as a headed paragraph, wrapped to the page; nothing when empty.
fn paragraph(lines: &mut Lines, app: &App, p: &Program, theme: &Theme, width: usize, row: &Row) {
    let v = row.field.get(p);
    if !v.is_empty() {
        lines.push((None, Line::default()));
        lines.push((
            None,
            Line::styled(row.field.heading(app.lang()), theme.header()),
        ));
        lines.extend(
            text::wrap(&v, width)
                .into_iter()
                .map(|l| (None, Line::raw(l))),
        );
    }
}

/// The milestones, done and open, the late ones with their days late.
/// A long title gives way to the days late, which is what the officer needs.
fn milestones(lines: &mut Lines, app: &App, p: &Program, theme: &Theme, width: usize) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let esc = |s: &str| text::escape(s).into_owned();
    lines.push((None, Line::default()));
    let done = p.milestones.iter().filter(|m| m.done).count();
    lines.push((
        None,
        Line::styled(
            format!("{} ({done}/{})", t.ui.u_milestones, p.milestones.len()),
            theme.header(),
        ),
    ));
    for (i, m) in p.milestones.iter().enumerate() {
        let late = is_overdue(p, m, app.today());
        let mark = format!("{} ", if m.done { g.check } else { g.open });
        let due = esc(&crate::i18n::format::date_text(&m.due, app.lang()));
        let note = late.then(|| {
            let days = m
                .due_date()
                .and_then(|d| d.until(app.today()).ok())
                .map_or(0, |s| s.get_days());
            format!("  ({})", crate::i18n::fill(t.summary.s_days_late, &[&days]))
        });
        let taken =
            text::width(&mark) + text::width(&due) + 2 + note.as_deref().map_or(0, text::width);
        let title = text::fit(&esc(&m.title), width.saturating_sub(taken), g.ellipsis);
        let mut spans = vec![
            Span::raw(mark),
            Span::styled(due, if late { theme.late() } else { theme.base() }),
            Span::raw(format!("  {title}")),
        ];
        if let Some(note) = note {
            spans.push(Span::styled(note, theme.late()));
        }
        lines.push((Some(Item::Milestone(i)), Line::from(spans)));
    }
}

/// Each target: its indicator, the figures with achievement and band, and
/// where the figure comes from when the plan says.
fn targets(lines: &mut Lines, app: &App, p: &Program, theme: &Theme, width: usize) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let esc = |s: &str| text::escape(s).into_owned();
    lines.push((None, Line::default()));
    lines.push((None, Line::styled(t.ui.u_targets, theme.header())));
    let ev = app.lang().evaluation();
    let this_year = i32::from(app.today().year());
    for (i, target) in p.targets.iter().enumerate() {
        let none = || g.none.to_string();
        let unit = if target.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", esc(&target.unit))
        };
        let item = Some(Item::Target(i));
        lines.push((
            item,
            Line::from(vec![
                Span::styled(format!("{} ", target.year), theme.header()),
                Span::raw(esc(&target.indicator)),
            ]),
        ));
        // The goal as the direction reads it: "60–80 %" for a range, "≤ 10 %"
        // for lower is better.
        let goal = match (target.direction, target.upper) {
            (Direction::Lower, None) => {
                format!("{} {}", g.at_most, number(target.target, app.lang()))
            }
            _ => goal(target, app.lang(), g.dash),
        };
        let capaian = Capaian::of(target, this_year);
        let mut figures = vec![Span::raw(format!(
            "     {} {} {goal}{unit}{}{} {}",
            target.baseline.map_or_else(none, |v| number(v, app.lang())),
            g.arrow,
            g.dot,
            t.summary.s_actual,
            target.actual.map_or_else(none, |v| number(v, app.lang())),
        ))];
        let verdict = capaian.judgement(app.lang(), app.plan().bands, g.dot);
        if !verdict.is_empty() {
            let percent = capaian.percent(app.lang());
            let shown = if percent.is_empty() {
                format!("{}{verdict}", g.dot)
            } else {
                format!("{}{percent} {verdict}", g.dot)
            };
            let style = match capaian.band() {
                Some(Band::VeryGood | Band::Good) => theme.good(),
                Some(_) => theme.late(),
                None => theme.muted(),
            };
            figures.push(Span::styled(shown, style));
        }
        lines.push((item, Line::from(figures)));
        // Where the figure comes from, when the plan says.
        let mut about = Vec::new();
        if !target.measures.is_output() {
            let measures = target.measures.word(app.lang());
            about.push(crate::i18n::fill(
                app.lang().questions().about,
                &[&measures],
            ));
        }
        match target.direction {
            Direction::Lower => about.push(ev.lower_is_better.to_string()),
            Direction::Range => about.push(ev.range.to_string()),
            // A range says which side is better; a single target need not.
            Direction::Higher if target.upper.is_some() => {
                about.push(ev.higher_is_better.to_string())
            }
            Direction::Higher => {}
        }
        if let Some(year) = target.base_year {
            about.push(crate::i18n::fill(ev.base_year, &[&year]));
        }
        if !target.source.is_empty() {
            about.push(esc(&target.source));
        }
        if !about.is_empty() {
            lines.push((
                item,
                Line::styled(format!("     {}", about.join(g.dot)), theme.muted()),
            ));
        }
        if !target.definition.is_empty() {
            for l in text::wrap(&target.definition, width.saturating_sub(5).max(10)) {
                lines.push((item, Line::styled(format!("     {l}"), theme.muted())));
            }
        }
    }
}

/// Physical progress and spending, then the budget by year.
fn budget(lines: &mut Lines, app: &App, p: &Program, theme: &Theme) {
    let g = theme.glyphs();
    let ev = app.lang().evaluation();
    let esc = |s: &str| text::escape(s).into_owned();
    // The fiscal year of today: a multi-year sum is not a figure anyone reports.
    let year = app.index.total.year;
    let physical = progress::physical_in(p, year);
    let absorption = progress::absorption_in(p, year);
    if physical.is_some() || !p.budget.is_empty() {
        lines.push((None, Line::default()));
        lines.push((None, Line::styled(ev.budget_heading, theme.header())));
        let pct = |v: Option<f64>| crate::i18n::format::share_or(v, g.none, app.lang());
        let mut spans = vec![Span::raw(crate::i18n::fill(
            ev.progress_line,
            &[&year, &pct(physical), &pct(absorption)],
        ))];
        match progress::gap(p, year) {
            Some(Gap::SpentAhead) => spans.push(Span::styled(
                format!("{}{}", g.dot, ev.spent_ahead),
                theme.late(),
            )),
            Some(Gap::WorkAhead) => spans.push(Span::styled(
                format!("{}{}", g.dot, ev.work_ahead),
                theme.soon(),
            )),
            None => {}
        }
        lines.push((None, Line::from(spans)));
        for (i, b) in p.budget.iter().enumerate() {
            let spent = b.spent.map_or_else(
                || g.none.to_string(),
                |s| format!("Rp {}", money(s, app.lang())),
            );
            let mut spans = vec![
                Span::styled(format!("{} ", b.year), theme.header()),
                Span::raw(format!(
                    "{} Rp {}{}{} {spent}",
                    ev.allocated_inline,
                    money(b.allocation, app.lang()),
                    g.dot,
                    ev.spent_inline
                )),
            ];
            if let Some(a) = b.absorption() {
                spans.push(Span::raw(format!(
                    " ({})",
                    crate::i18n::format::share(a, app.lang())
                )));
            }
            if !b.source.is_empty() {
                spans.push(Span::raw(format!("{}{}", g.dot, esc(&b.source))));
            }
            if b.spent.is_some_and(|s| s > b.allocation) {
                spans.push(Span::styled(
                    format!("{}{}", g.dot, ev.overspent),
                    theme.late(),
                ));
            }
            lines.push((Some(Item::Budget(i)), Line::from(spans)));
        }
    }
}

/// The evaluation's supporting documents.
fn evidence(lines: &mut Lines, app: &App, p: &Program, theme: &Theme) {
    let g = theme.glyphs();
    let ev = app.lang().evaluation();
    let esc = |s: &str| text::escape(s).into_owned();
    if !p.evidence.is_empty() {
        lines.push((None, Line::default()));
        let ready = p
            .evidence
            .iter()
            .filter(|e| e.state == EvidenceState::Ready)
            .count();
        lines.push((
            None,
            Line::styled(
                format!("{} ({ready}/{})", ev.evidence_heading, p.evidence.len()),
                theme.header(),
            ),
        ));
        for (i, e) in p.evidence.iter().enumerate() {
            let style = match e.state {
                EvidenceState::Ready => theme.good(),
                EvidenceState::Draft => theme.soon(),
                EvidenceState::Missing => theme.late(),
            };
            let mark = if e.state == EvidenceState::Ready {
                g.check
            } else {
                g.open
            };
            lines.push((
                Some(Item::Evidence(i)),
                Line::from(vec![
                    Span::raw(format!("{mark} ")),
                    Span::styled(format!("{} ", e.state.word(app.lang())), style),
                    Span::raw(esc(&e.name)),
                    Span::styled(format!(" ({})", e.kind.word(app.lang())), theme.muted()),
                ]),
            ));
            if !e.link.is_empty() {
                lines.push((
                    Some(Item::Evidence(i)),
                    Line::styled(format!("    {}", esc(&e.link)), theme.muted()),
                ));
            }
        }
    }
}

/// Who changed the programme lately, from the audit log (newest first).
fn recent_changes(lines: &mut Lines, app: &App, p: &Program, theme: &Theme, width: usize) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let recent: Vec<&crate::store::audit::Entry> = app
        .audit
        .iter()
        .rev()
        .filter(|e| e.subject == p.id)
        .take(RECENT_CHANGES)
        .collect();
    if !recent.is_empty() {
        lines.push((None, Line::default()));
        lines.push((None, Line::styled(t.ui.u_recent_changes, theme.header())));
        for e in recent {
            lines.push((
                None,
                Line::styled(
                    text::fit(&crate::store::audit::describe(e, t), width, g.ellipsis),
                    theme.muted(),
                ),
            ));
        }
    }
}

/// Shows the lines that fit, scrolled so the selected item stays in view
/// (moving as little as possible), and says when there is more below.
fn show(
    frame: &mut Frame,
    area: Rect,
    inner: Rect,
    app: &App,
    lines: Lines,
    selected: Item,
    theme: &Theme,
) {
    let t = app.lang().text();
    let g = theme.glyphs();
    let height = usize::from(inner.height);
    // `update` keeps the offset at this terminal's size; asking again gives
    // the same line, and a sensible one when drawn at another size.
    let offset = laid_out(&lines, selected, inner).offset(selected, app.drill().item.offset);

    let total = lines.len();
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(offset)
        .take(height)
        .map(|(item, line)| {
            let here =
                item == Some(selected) && item != Some(Item::Program) && app.lost().is_none();
            let marker = if here {
                g.marker.to_string()
            } else {
                " ".repeat(g.marker.len())
            };
            let mut spans = vec![Span::raw(marker)];
            spans.extend(line.spans);
            let line = Line::from(spans).style(line.style);
            if here {
                line.patch_style(theme.selected())
            } else {
                line.patch_style(Style::default())
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);

    // Say there is more below, so the targets and notes are not missed at 80×24.
    if total > offset + height && area.height > 2 {
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
