//! The timeline as text: a Gantt chart of the programs across the years of
//! the plan's period, with milestone and target markers and today's mark,
//! compressed to fit the width.
//!
//! Each year gets the same whole number of columns (at most 12); when the
//! page is too narrow for one column a year, a column covers several years.
//! A date falls in the column of its share of its year, so a milestone due in
//! June sits in the middle of its year.

use super::Ctx;
use super::layout::{Doc, Line, Scale};
use crate::plan::model::{Program, is_overdue};
use crate::text::width;
use crate::text::{escape, pad};

/// The axis (two lines, repeated with the header on every page) and the body.
pub(crate) fn chart(ctx: &Ctx, w: usize) -> (Vec<String>, Vec<Line>) {
    let (r, g) = (ctx.r(), &ctx.g);
    let period = ctx.plan.period;
    let years = (i64::from(period.end) - i64::from(period.start) + 1).max(1);
    let label_need = ctx
        .sel
        .programs()
        .map(|p| width(&escape(&p.id)) + 1 + width(&escape(&p.name)))
        .max()
        .unwrap_or(0);
    let label_min = 24.min(w * 2 / 5);
    let room = w.saturating_sub(label_min + 1);
    let per_year = (room as i64 / years).min(12);
    let cols = if per_year >= 1 {
        (years * per_year) as usize
    } else {
        room.max(1)
    };
    let label_cols = w.saturating_sub(cols + 1).min(label_need.max(12));
    let scale = Scale {
        first_year: period.start,
        years: years as usize,
        cols,
    };

    // Year labels: "2022" when a year has five columns, "'22" or "22" with
    // four or three, else four digits wherever they fit without touching.
    let mut labels = vec![' '; cols];
    let mut free = 0;
    for year in period.start..=period.end {
        let Some(at) = scale.col(year, 0) else {
            continue;
        };
        let text = match per_year {
            5.. => year.to_string(),
            4 => format!("'{:02}", year.rem_euclid(100)),
            3 => format!("{:02}", year.rem_euclid(100)),
            _ => year.to_string(),
        };
        if at >= free && at + text.len() <= cols {
            for (k, c) in text.chars().enumerate() {
                labels[at + k] = c;
            }
            free = at + text.len() + 1;
        }
    }
    let today = scale.date(ctx.today);
    let ruler: String = (0..cols)
        .map(|c| {
            if Some(c) == today {
                g.today_mark
            } else {
                g.thin_rule
            }
        })
        .collect();
    let margin = " ".repeat(label_cols + 1);
    let axis = vec![
        format!("{margin}{}", labels.iter().collect::<String>())
            .trim_end()
            .to_string(),
        format!("{margin}{ruler}"),
    ];

    let mut doc = Doc::default();
    let mut any = false;
    for group in ctx.sel.shown() {
        any = true;
        let d = group.dimension;
        doc.heading(&d.name, w, g);
        if group.programs.is_empty() {
            doc.line(format!("  {}", r.none));
        }
        for p in &group.programs {
            let mut label = String::with_capacity(p.id.len() + p.name.len() + 1);
            label.push_str(&p.id);
            label.push(' ');
            label.push_str(&p.name);
            let mut line = pad(&label, label_cols, g.ellipsis);
            line.reserve(1 + scale.cols * 3);
            line.push(' ');
            row(ctx, &scale, p, today, &mut line);
            line.truncate(line.trim_end().len());
            doc.line(line);
        }
    }
    if !any {
        doc.blank();
        doc.line(format!("  {}", r.no_programs));
    }

    // The legend, as many entries a line as fit.
    doc.blank();
    let entries = [
        (g.bar, r.legend_years),
        (g.milestone, r.legend_milestone),
        (g.milestone_done, r.legend_done),
        (g.overdue, r.legend_overdue),
        (g.target, r.legend_target),
        (g.today, r.legend_today),
    ];
    let mut line = String::new();
    for (glyph, word) in entries {
        let entry = format!("{glyph} {word}");
        if !line.is_empty() && width(&line) + 3 + width(&entry) > w {
            doc.line(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str("   ");
        }
        line.push_str(&entry);
    }
    doc.line(line);
    (axis, doc.body)
}

/// One program's bar and markers. The strongest mark wins a column: an
/// overdue milestone, an open one, a target, a milestone done, the bar, today.
fn row(ctx: &Ctx, scale: &Scale, p: &Program, today: Option<usize>, out: &mut String) {
    let g = &ctx.g;
    // Every mark is one character (see `Glyphs`).
    let glyph = |s: &str| s.chars().next().unwrap_or(' ');
    let mut cells: Vec<(u8, char)> = vec![(0, ' '); scale.cols];
    let mut put = |col: Option<usize>, rank: u8, mark: char| {
        if let Some(c) = col
            && let Some(cell) = cells.get_mut(c)
            && cell.0 < rank
        {
            *cell = (rank, mark);
        }
    };
    put(today, 1, glyph(g.today));
    let period = ctx.plan.period;
    let (from, to) = (p.start.max(period.start), p.end.min(period.end));
    if let (Some(a), Some(b)) = (scale.col(from, 0), scale.col(to, 365)) {
        let bar = glyph(g.bar);
        for c in a..=b {
            put(Some(c), 2, bar);
        }
    }
    for t in &p.targets {
        put(scale.col(t.year, 365), 3, glyph(g.target));
    }
    for m in &p.milestones {
        let Some(due) = m.due_date() else { continue };
        let (rank, mark) = if is_overdue(p, m, ctx.today) {
            (6, g.overdue)
        } else if m.done {
            (4, g.milestone_done)
        } else {
            (5, g.milestone)
        };
        put(scale.date(due), rank, glyph(mark));
    }
    let end = cells.iter().rposition(|c| c.1 != ' ').map_or(0, |i| i + 1);
    for (_, mark) in &cells[..end] {
        out.push(*mark);
    }
}
