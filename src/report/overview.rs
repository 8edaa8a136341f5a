//! The plain-text status summary officers print for the regent.
//!
//! Plain text only: no escape codes ever, never wider than the page, data
//! strings escaped, so it can go to a printer, an e-mail or a chat as is.

use crate::i18n::format::{goal, number};
use crate::i18n::{Lang, fill};
use crate::plan::model::Plan;
use crate::plan::progress::{self, MilestoneRef, Tally};
use crate::text::Glyphs;
use crate::text::{fit, pad, pad_left, width};
use jiff::civil::Date;

/// The narrowest page the summary is laid out for.
pub const MIN_WIDTH: usize = 40;

#[derive(Debug, Clone)]
pub struct Options<'a> {
    pub width: usize,
    pub today: Date,
    pub lang: Lang,
    pub ascii: bool,
    pub dimension: Option<&'a str>,
    /// How far ahead "due soon" looks.
    pub days: i32,
}

/// The summary up to this year's targets; [`crate::report::summary`] adds
/// the three questions, laid out from the same blocks as Markdown and HTML.
pub fn render(plan: &Plan, o: &Options) -> String {
    let t = o.lang.text();
    let g = Glyphs::of(o.ascii);
    let w = o.width.max(MIN_WIDTH);
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };

    line(&fit(&plan.title, w, g.ellipsis));
    let subtitle = |today: String| {
        format!(
            "{}{}{} {}{}{}{}{} {today}",
            plan.region,
            g.dot,
            t.summary.s_period,
            plan.period.start,
            g.dash,
            plan.period.end,
            g.dot,
            t.summary.s_as_of,
        )
    };
    // The month's name where there is room; a date is never cut.
    let long = subtitle(crate::i18n::format::long_date(o.today, o.lang));
    line(&fit(
        &if width(&long) <= w {
            long
        } else {
            subtitle(crate::i18n::format::date(o.today, o.lang))
        },
        w,
        g.ellipsis,
    ));
    line(&g.rule.repeat(w));

    let (rows, total) = progress::tally(plan, o.dimension, i32::from(o.today.year()));
    table(&mut line, &rows, &total, o, g, w);
    let share = |v| crate::i18n::format::share_or(v, g.none, o.lang);
    if total.programs > 0 {
        // Wrapped, not cut: the share is the figure an officer reads out.
        let running = fill(
            t.summary.s_running,
            &[
                &total.running,
                &total.programs,
                &share(total.percent_running()),
            ],
        );
        for l in crate::text::wrap(&running, w) {
            line(&l);
        }
    }
    if total.physical().is_some() || total.absorption().is_some() {
        line("");
        for l in crate::text::wrap(
            &fill(
                o.lang.evaluation().progress_line,
                &[
                    &total.year,
                    &share(total.physical()),
                    &share(total.absorption()),
                ],
            ),
            w,
        ) {
            line(&l);
        }
        if let Some(spent) = crate::i18n::spent_line(o.lang, &total) {
            for l in crate::text::wrap(&spent, w) {
                line(&l);
            }
        }
    }

    let overdue = progress::overdue(plan, o.dimension, o.today);
    line("");
    line(&fit(
        &format!("{} ({})", t.summary.s_overdue, overdue.len()),
        w,
        g.ellipsis,
    ));
    milestone_lines(&mut line, &overdue, o, g, w, |m| {
        fill(
            t.summary.s_days_late,
            &[&(m.due.until(o.today).map_or(0, |s| s.get_days()))],
        )
    });

    // Late follow-ups beside the late milestones; only a plan that has some
    // says so, so a summary without follow-ups reads as it always did.
    let late: Vec<progress::FollowUpRef> = progress::late_followups(plan, o.today)
        .into_iter()
        .filter(|f| match (f.program, o.dimension) {
            (_, None) => true,
            (Some(p), Some(d)) => p.dimension == d,
            (None, Some(_)) => false,
        })
        .collect();
    if !late.is_empty() {
        line("");
        line(&fit(
            &fill(o.lang.followups().late_heading, &[&late.len()]),
            w,
            g.ellipsis,
        ));
        followup_lines(&mut line, &late, o, g, w);
    }

    let soon = progress::due_soon(plan, o.dimension, o.today, o.days);
    line("");
    line(&fit(
        &format!(
            "{} ({})",
            fill(t.summary.s_due_soon, &[&o.days]),
            soon.len()
        ),
        w,
        g.ellipsis,
    ));
    milestone_lines(&mut line, &soon, o, g, w, |m| {
        let days = o.today.until(m.due).map_or(0, |s| s.get_days());
        if days == 0 {
            t.summary.s_today.to_string()
        } else {
            fill(t.summary.s_in_days, &[&days])
        }
    });

    let year = i32::from(o.today.year());
    let targets = progress::targets_for_year(plan, o.dimension, year);
    line("");
    line(&fit(
        &format!(
            "{} ({})",
            fill(t.summary.s_targets_year, &[&year]),
            targets.len()
        ),
        w,
        g.ellipsis,
    ));
    if targets.is_empty() {
        line(&format!("  {}", t.summary.s_none));
    }
    let id_cols = id_width(targets.iter().map(|(p, _)| p.id.as_str()));
    let none = || g.none.to_string();
    // "40 → 90 %" and "actual 85", each escaped and cut to a third of the page at most.
    let figures: Vec<(String, String)> = targets
        .iter()
        .map(|(_, target)| {
            let unit = if target.unit.is_empty() {
                String::new()
            } else {
                format!(" {}", target.unit)
            };
            let plan = format!(
                "{} {} {}{}",
                target.baseline.map_or_else(none, |v| number(v, o.lang)),
                g.arrow,
                goal(target, o.lang, g.dash),
                unit
            );
            let figure = target.actual.map_or_else(none, |v| number(v, o.lang));
            let labelled = format!("{} {figure}", t.summary.s_actual);
            // A figure is never cut (`36.5…` would read as another number):
            // the word goes first.
            let actual = if width(&labelled) <= w / 3 {
                labelled
            } else {
                figure
            };
            (fit(&plan, w / 3, g.ellipsis), actual)
        })
        .collect();
    let plan_cols = figures.iter().map(|(p, _)| width(p)).max().unwrap_or(0);
    let actual_cols = figures.iter().map(|(_, a)| width(a)).max().unwrap_or(0);
    let lead = 2 + id_cols + 2;
    let room = w.saturating_sub(lead + 2 + plan_cols + 2 + actual_cols);
    for ((p, target), (plan, actual)) in targets.iter().zip(&figures) {
        let id = pad(&p.id, id_cols, g.ellipsis);
        let figures = format!(
            "{}  {}",
            pad_left(plan, plan_cols),
            pad(actual, actual_cols, g.ellipsis)
        );
        if room >= 16 {
            line(
                format!(
                    "  {id}  {}  {figures}",
                    pad(&target.indicator, room, g.ellipsis)
                )
                .trim_end(),
            );
        } else {
            // Too narrow for the indicator beside the figures: figures go below it.
            line(&format!(
                "  {id}  {}",
                fit(&target.indicator, w.saturating_sub(lead), g.ellipsis)
            ));
            line(format!("{}{}", " ".repeat(lead), figures).trim_end());
        }
    }
    out
}

/// The dimensions' tally, headed in full where the names keep room, else
/// by the short headings with a legend line under the table.
fn table(
    line: &mut impl FnMut(&str),
    rows: &[(&crate::plan::model::Dimension, Tally)],
    total: &Tally,
    o: &Options,
    g: &Glyphs,
    w: usize,
) {
    let t = o.lang.text();
    let full = [
        t.summary.s_programs,
        t.summary.s_done,
        t.summary.s_in_progress,
        t.summary.s_delayed,
        t.summary.s_percent_done,
        t.summary.s_quick_wins,
    ];
    let cells = |r: &Tally| {
        [
            r.programs.to_string(),
            r.done.to_string(),
            r.in_progress.to_string(),
            r.delayed.to_string(),
            crate::i18n::format::share_or(r.share_done(), g.none, o.lang),
            format!("{}/{}", r.quick_wins_done, r.quick_wins),
        ]
    };
    let all: Vec<[String; 6]> = rows
        .iter()
        .map(|(_, r)| cells(r))
        .chain([cells(total)])
        .collect();
    let widths = |labels: &[&str; 6]| {
        let mut cols = [0usize; 6];
        for (i, label) in labels.iter().enumerate() {
            cols[i] = all
                .iter()
                .map(|c| width(&c[i]))
                .max()
                .unwrap_or(0)
                .max(width(label));
        }
        cols
    };
    // Each number column is preceded by one space; the name takes what is left.
    let name_room = |cols: &[usize; 6]| w.saturating_sub(cols.iter().map(|c| c + 1).sum());
    let mut labels = full;
    let mut cols = widths(&labels);
    // Full headings while every dimension's name keeps its room (up to 20
    // columns of it); short ones with a legend before any name is cut.
    let names = rows
        .iter()
        .map(|(d, _)| width(&d.name))
        .max()
        .unwrap_or(0)
        .clamp(12, 20);
    let short = name_room(&cols) < names;
    if short {
        labels = t.summary.s_short;
        cols = widths(&labels);
    }
    let name_cols = name_room(&cols);
    let row = |name: &str, values: &[&str]| {
        let mut s = pad(name, name_cols, g.ellipsis);
        for (i, v) in values.iter().enumerate() {
            s.push(' ');
            s.push_str(&pad_left(v, cols[i]));
        }
        s
    };
    line(&row(t.summary.s_dimension, &labels));
    line(&g.thin_rule.repeat(w));
    for ((d, _), values) in rows.iter().zip(&all) {
        line(&row(&d.name, &values.each_ref().map(String::as_str)));
    }
    if o.dimension.is_none() {
        line(&g.thin_rule.repeat(w));
        if let Some(values) = all.last() {
            line(&row(
                t.summary.s_total,
                &values.each_ref().map(String::as_str),
            ));
        }
    }
    if short {
        for l in crate::text::wrap(t.summary.s_short_legend, w) {
            line(&l);
        }
    }
}

fn milestone_lines(
    line: &mut impl FnMut(&str),
    items: &[MilestoneRef],
    o: &Options,
    g: &Glyphs,
    w: usize,
    when: impl Fn(&MilestoneRef) -> String,
) {
    if items.is_empty() {
        line(&format!("  {}", o.lang.text().summary.s_none));
        return;
    }
    let id_cols = id_width(items.iter().map(|m| m.program.id.as_str()));
    let whens: Vec<String> = items.iter().map(&when).collect();
    // One column for "63 d late", right-aligned so the figures line up.
    let when_cols = whens.iter().map(|w| width(w)).max().unwrap_or(0);
    for (m, when) in items.iter().zip(&whens) {
        // "  2023-03-31  GOV-01  title  120 d late"
        let room = w.saturating_sub(2 + 10 + 2 + id_cols + 2 + 2 + when_cols);
        let id = pad(&m.program.id, id_cols, g.ellipsis);
        // On a page too narrow for any of the title, the date, the
        // programme and how late say what an officer acts on.
        let due = crate::i18n::format::date(m.due, o.lang);
        let text = if room < 4 {
            format!("  {due}  {id}  {when}")
        } else {
            format!(
                "  {due}  {id}  {}  {}",
                pad(&m.milestone.title, room, g.ellipsis),
                pad_left(when, when_cols)
            )
        };
        line(&fit(&text, w, g.ellipsis));
    }
}

/// Late follow-ups as the milestones are listed: the deadline, the
/// programme and the follow-up's id, what is to be done, how late; the PIC
/// and agency where the page has room for them too.
fn followup_lines(
    line: &mut impl FnMut(&str),
    items: &[progress::FollowUpRef],
    o: &Options,
    g: &Glyphs,
    w: usize,
) {
    let t = o.lang.text();
    let ids: Vec<String> = items
        .iter()
        .map(|f| match f.program {
            Some(p) => format!("{} {}", p.id, f.followup.id),
            None => f.followup.id.clone(),
        })
        .collect();
    let id_cols = id_width(ids.iter().map(String::as_str));
    let whens: Vec<String> = items
        .iter()
        .map(|f| fill(t.summary.s_days_late, &[&f.late.unwrap_or(0)]))
        .collect();
    let when_cols = whens.iter().map(|w| width(w)).max().unwrap_or(0);
    for ((f, id), when) in items.iter().zip(&ids).zip(&whens) {
        let room = w.saturating_sub(2 + 10 + 2 + id_cols + 2 + 2 + when_cols);
        let id = pad(id, id_cols, g.ellipsis);
        let due = f.deadline.map_or_else(
            || f.followup.deadline.clone(),
            |d| crate::i18n::format::date(d, o.lang),
        );
        let fu = f.followup;
        let what = format!("{}{}{}, {}", fu.what, g.dot, fu.pic, fu.agency);
        let text = if room < 4 {
            format!("  {due}  {id}  {when}")
        } else {
            format!(
                "  {due}  {id}  {}  {}",
                pad(&what, room, g.ellipsis),
                pad_left(when, when_cols)
            )
        };
        line(&fit(&text, w, g.ellipsis));
    }
}

/// The id column: as wide as the widest id, but never more than 12 columns.
fn id_width<'a>(ids: impl Iterator<Item = &'a str>) -> usize {
    ids.map(|id| width(&crate::text::escape(id)))
        .max()
        .unwrap_or(0)
        .min(12)
}
