//! The summary's section on the vice-regent's three questions, built once as
//! document blocks: the text summary, Markdown and HTML all lay out these.

use super::document::{Block, Cell, Column, Holds, Table};
use crate::i18n::format::capaian;
use crate::i18n::{Lang, fill};
use crate::plan::model::{Measure, Plan, Program};
use crate::plan::questions::{self, Answers, Standing};
use crate::text::Glyphs;

/// Per dimension, how many programmes have a use, quality or impact
/// indicator and how its targets of `year` do; for the plan, each question
/// in a sentence with its band; then the programmes without a use or a
/// quality indicator.
pub(crate) fn blocks(
    plan: &Plan,
    year: i32,
    keep: impl Fn(&Program) -> bool,
    lang: Lang,
    g: &Glyphs,
) -> Vec<Block> {
    let (q, r) = (lang.questions(), lang.report());
    let answered = questions::answer(plan, year, keep);
    let mut blocks = vec![
        Block::Heading(2, q.title.to_string()),
        Block::Note(fill(q.intro, &[&year, &g.none])),
    ];
    let row = |name: &str, a: &Answers| -> Vec<Cell> {
        let mut cells = vec![name.into(), Cell::Int(a.programs as i64)];
        cells.extend(a.standings.iter().map(|s| Cell::Text(cell(s, lang, g))));
        cells
    };
    let mut rows: Vec<Vec<Cell>> = answered
        .dimensions
        .iter()
        .map(|(d, a)| row(&d.name, a))
        .collect();
    rows.push(row(r.total, &answered.total));
    let mut cols = vec![
        Column::new(r.dimension, Holds::Main),
        // On a narrow page the count of programmes goes first: the totals
        // in the sentences below say it.
        Column::new(r.programs, Holds::Num).drop(1),
    ];
    cols.extend(q.columns.map(|title| Column::new(title, Holds::Num)));
    blocks.push(Block::Table(Table {
        total: true,
        ..Table::new(cols, rows)
    }));
    for (name, standing) in q.columns.iter().zip(&answered.total.standings) {
        blocks.push(Block::Note(sentence(
            name,
            standing,
            &answered.total,
            plan,
            lang,
        )));
    }

    blocks.push(Block::Heading(
        3,
        fill(q.unanswered, &[&answered.unanswered.len()]),
    ));
    if answered.unanswered.is_empty() {
        blocks.push(Block::Note(q.all_answered.to_string()));
        return blocks;
    }
    let rows = answered
        .unanswered
        .iter()
        .map(|u| {
            let lacks: Vec<&str> = [(u.no_use, Measure::Use), (u.no_quality, Measure::Quality)]
                .into_iter()
                .filter(|(lacks, _)| *lacks)
                .map(|(_, m)| m.word(lang))
                .collect();
            vec![
                u.program.id.as_str().into(),
                u.program.name.as_str().into(),
                u.program.lead.as_str().into(),
                lacks.join(", ").into(),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table::new(
        vec![
            Column::new(r.id, Holds::Code),
            Column::new(r.program, Holds::Main),
            Column::new(r.lead, Holds::Text).drop(1),
            Column::new(q.without, Holds::Text),
        ],
        rows,
    )));
    blocks
}

/// "4 · 97,50 %": the programmes with an indicator of the question and the
/// mean capaian of its measured targets; the count alone while none is
/// measured, the "none" glyph where no programme has one.
fn cell(s: &Standing, lang: Lang, g: &Glyphs) -> String {
    match (s.programs, s.mean()) {
        (0, _) => g.none.to_string(),
        (n, None) => n.to_string(),
        (n, Some(mean)) => format!("{n}{}{}", g.dot, capaian(mean, lang)),
    }
}

/// The plan's answer to one question in a sentence, with the band of its
/// mean in the plan's names.
fn sentence(name: &str, s: &Standing, all: &Answers, plan: &Plan, lang: Lang) -> String {
    let q = lang.questions();
    match s.mean() {
        _ if s.programs == 0 => fill(q.standing_none, &[&name]),
        None => fill(
            q.standing_unmeasured,
            &[&name, &s.programs, &all.programs, &all.year],
        ),
        Some(mean) => {
            let band = s.band().map_or("", |b| b.name(lang, plan.bands));
            fill(
                q.standing,
                &[
                    &name,
                    &s.programs,
                    &all.programs,
                    &s.measured,
                    &s.targets,
                    &all.year,
                    &s.met,
                    &format!("{} ({band})", capaian(mean, lang)),
                ],
            )
        }
    }
}
