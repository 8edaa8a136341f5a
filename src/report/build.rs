//! What each report kind says, built once as a [`Document`] that every
//! format lays out: a new kind is one builder here, a new format one
//! renderer of documents.

use super::document::{Block, Cell, Column, Document, Holds, Table};
use super::{Ctx, Kind};
use crate::i18n::fill;
use crate::plan::model::Dimension;
use crate::plan::progress::Tally;
use crate::text::Glyphs;

/// The document of the request's kind, for the kinds built here (the
/// others are still written per format).
pub(crate) fn document(ctx: &Ctx) -> Option<Document> {
    match ctx.request.kind {
        Kind::Overdue | Kind::Upcoming => Some(milestones(ctx)),
        Kind::Dimension => Some(dimensions(ctx)),
        Kind::Evaluation => Some(super::evaluation::document(ctx)),
        _ => None,
    }
}

/// "Smart Governance · Bappelitbangda"
pub(crate) fn dimension_heading(d: &Dimension, g: &Glyphs) -> String {
    if d.lead.is_empty() {
        d.name.clone()
    } else {
        format!("{}{}{}", d.name, g.dot, d.lead)
    }
}

/// "12 programmes: 3 done, …": a dimension's tally in one sentence.
pub(crate) fn tally_line(ctx: &Ctx, tally: &Tally) -> String {
    fill(
        ctx.r().tally,
        &[
            &tally.programs,
            &tally.done,
            &tally.in_progress,
            &tally.delayed,
            &tally.percent_done(),
            &tally.quick_wins_done,
            &tally.quick_wins,
        ],
    )
}

/// The programmes per dimension, each dimension with its tally.
fn dimensions(ctx: &Ctx) -> Document {
    let (r, t, g) = (ctx.r(), ctx.t(), ctx.g);
    let mut blocks = Vec::new();
    for group in ctx.sel.shown() {
        blocks.push(Block::Heading(2, dimension_heading(group.dimension, g)));
        let mut tally = Tally::default();
        for p in &group.programs {
            tally.add(p);
        }
        let rows = group
            .programs
            .iter()
            .map(|p| {
                let done = p.milestones.iter().filter(|m| m.done).count();
                vec![
                    p.id.as_str().into(),
                    p.name.as_str().into(),
                    Cell::Word {
                        full: t.horizon(p.horizon),
                        short: t.horizon_short(p.horizon),
                    },
                    t.status(p.status).into(),
                    super::years(p, g).into(),
                    format!("{done}/{}", p.milestones.len()).into(),
                    p.lead.as_str().into(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            cols: vec![
                Column::new(r.id, Holds::Code),
                Column::new(r.program, Holds::Main),
                Column::new(r.horizon, Holds::Text).drop(2),
                Column::new(r.status, Holds::Text),
                Column::new(r.years, Holds::Code).drop(3),
                Column::new(r.steps, Holds::Num).drop(1),
                Column::new(r.lead, Holds::Text).wide_only(),
            ],
            rows,
            caption: Some(tally_line(ctx, &tally)),
            aligned: true,
        }));
    }
    if blocks.is_empty() {
        blocks.push(Block::Nothing(r.no_programs.to_string()));
    }
    Document {
        title: ctx.title(0),
        headed: false,
        blocks,
    }
}

/// Overdue or upcoming milestones, a table per dimension.
fn milestones(ctx: &Ctx) -> Document {
    let r = ctx.r();
    let late = ctx.request.kind == Kind::Overdue;
    let list = if late { ctx.overdue() } else { ctx.upcoming() };
    let mut blocks = Vec::new();
    if list.groups.is_empty() {
        blocks.push(Block::Nothing(r.none.to_string()));
    }
    for (dimension, items) in &list.groups {
        blocks.push(Block::Heading(2, dimension_heading(dimension, ctx.g)));
        let rows = items
            .iter()
            .map(|m| {
                let days = if late {
                    Ctx::days(m.due, ctx.today)
                } else {
                    Ctx::days(ctx.today, m.due)
                };
                vec![
                    Cell::Date(m.due),
                    m.program.id.as_str().into(),
                    m.program.name.as_str().into(),
                    m.milestone.title.as_str().into(),
                    m.program.lead.as_str().into(),
                    Cell::Int(days),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            cols: vec![
                Column::new(r.due, Holds::Code),
                Column::new(r.id, Holds::Code),
                Column::new(r.program, Holds::Main).wide_only(),
                Column::new(r.milestone, Holds::Main),
                Column::new(r.lead, Holds::Text).drop(1),
                Column::new(if late { r.days_late } else { r.days_left }, Holds::Num),
            ],
            rows,
            caption: None,
            aligned: true,
        }));
    }
    Document {
        title: ctx.title(list.count()),
        headed: false,
        blocks,
    }
}
