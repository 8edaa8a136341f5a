//! `pantau report --kind alignment`: the matriks keselarasan officers keep
//! by hand since bimtek II: each programme of the masterplan beside the
//! RPJMD and Renstra it serves and the sub-activities it is budgeted under,
//! and what is not aligned yet.

use super::Ctx;
use super::document::{Block, Cell, Column, Document, Holds, Table};
use crate::i18n::fill;
use crate::plan::model::Program;

/// What a programme lacks: RPJMD, Renstra, a sub-activity, in that order.
fn missing(ctx: &Ctx, p: &Program) -> Vec<&'static str> {
    let w = ctx.lang.fiscal();
    let l = &ctx.t().forms.fields;
    let mut out = Vec::new();
    if p.rpjmd.is_none() {
        out.push(l.rpjmd);
    }
    if p.renstra.is_none() {
        out.push(w.renstra);
    }
    if p.subactivities.is_empty() {
        out.push(w.subactivity);
    }
    out
}

fn remark(ctx: &Ctx, p: &Program) -> String {
    let w = ctx.lang.fiscal();
    let lacking = missing(ctx, p);
    if lacking.is_empty() {
        w.a_aligned.to_string()
    } else {
        fill(w.a_missing, &[&lacking.join(", ")])
    }
}

/// The matrix: one row per selected programme.
pub(crate) fn table(ctx: &Ctx) -> Table {
    let w = ctx.lang.fiscal();
    let l = &ctx.t().forms.fields;
    let cols = vec![
        Column::new(w.q_no, Holds::Num),
        Column::new(w.q_code, Holds::Code),
        Column::new(w.q_programme, Holds::Main).flex(),
        Column::new(w.a_dimension, Holds::Text).drop(2),
        Column::new(l.rpjmd, Holds::Text),
        Column::new(w.renstra, Holds::Text),
        Column::new(w.a_subactivities, Holds::Text),
        Column::new(w.q_remarks, Holds::Text).drop(1),
    ];
    let rows = ctx
        .sel
        .programs()
        .enumerate()
        .map(|(i, p)| {
            let dimension = ctx
                .plan
                .dimension(&p.dimension)
                .map_or_else(|| p.dimension.clone(), |d| d.name.clone());
            let subs: Vec<String> = p
                .subactivities
                .iter()
                .map(|s| match s.name.as_str() {
                    "" => s.code.clone(),
                    name => format!("{} {name}", s.code),
                })
                .collect();
            vec![
                Cell::Int(i64::try_from(i + 1).unwrap_or(i64::MAX)),
                Cell::Text(p.id.clone()),
                Cell::Text(p.name.clone()),
                Cell::Text(dimension),
                Cell::Text(p.rpjmd.clone().unwrap_or_default()),
                Cell::Text(p.renstra.clone().unwrap_or_default()),
                Cell::Text(subs.join("; ")),
                Cell::Text(remark(ctx, p)),
            ]
        })
        .collect();
    Table::new(cols, rows)
}

pub(crate) fn document(ctx: &Ctx) -> Document {
    let w = ctx.lang.fiscal();
    let mut blocks = vec![Block::Note(w.a_intro.to_string()), Block::Table(table(ctx))];
    let unaligned: Vec<String> = ctx
        .sel
        .programs()
        .filter_map(|p| {
            let lacking = missing(ctx, p);
            (!lacking.is_empty()).then(|| {
                format!(
                    "{}{}{}: {}",
                    p.id,
                    ctx.g.dot,
                    p.name,
                    fill(w.a_missing, &[&lacking.join(", ")])
                )
            })
        })
        .collect();
    blocks.push(Block::Heading(2, fill(w.a_unaligned, &[&unaligned.len()])));
    if unaligned.is_empty() {
        blocks.push(Block::Nothing(w.a_all_aligned.to_string()));
    } else {
        blocks.push(Block::List(unaligned));
    }
    Document::report(w.a_title.to_string(), blocks)
}

/// The matrix for other tools.
pub(crate) fn json(ctx: &Ctx) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = ctx
        .sel
        .programs()
        .map(|p| {
            serde_json::json!({
                "id": p.id,
                "rpjmd": p.rpjmd,
                "renstra": p.renstra,
                "subactivities": p.subactivities,
                "aligned": p.rpjmd.is_some() && p.renstra.is_some() && !p.subactivities.is_empty(),
            })
        })
        .collect();
    serde_json::json!({ "alignment": rows })
}
