//! `pantau report --kind followups`: the follow-ups (tindak lanjut) as one
//! official table, No. to Keterangan, late ones marked with their days.
//!
//! One document for every format for people, the same table for CSV and
//! XLSX, and the items themselves for JSON.

use super::document::{Block, Cell, Column, Document, Holds, Table};
use super::{Ctx, Kind};
use crate::i18n::fill;
use crate::plan::followup::FollowUpStatus;
use crate::plan::progress::{self, FollowUpRef};

/// The follow-ups the request covers: the plan's own (unless a filter
/// narrows the programmes) and the selected programmes', in the plan's
/// order; `--for` keeps one agency's.
pub(crate) fn selected<'a>(ctx: &Ctx<'a>) -> Vec<FollowUpRef<'a>> {
    let agency = ctx.request.filter.agency.as_deref();
    progress::followups(ctx.plan, agency, ctx.today)
        .into_iter()
        .filter(|f| match f.program {
            Some(p) => ctx.sel.keeps(p),
            None => !ctx.sel.narrowed,
        })
        .collect()
}

/// The title: "Follow-ups (5)", "Follow-ups of Diskominfo (2)".
pub(crate) fn title(ctx: &Ctx, count: usize) -> String {
    let w = ctx.lang.followups();
    let title = match &ctx.request.filter.agency {
        // As the plan writes it, not as it was typed after `--for`.
        Some(agency) => {
            let named = selected(ctx)
                .first()
                .map_or(agency.trim().to_string(), |f| f.followup.agency.clone());
            fill(w.title_agency, &[&named])
        }
        None => w.title.to_string(),
    };
    format!("{title} ({count})")
}

/// "2 late, 4 open, 5 in all".
pub(crate) fn tally(ctx: &Ctx, items: &[FollowUpRef]) -> String {
    let late = items.iter().filter(|f| f.late.is_some()).count();
    let open = items
        .iter()
        .filter(|f| !f.followup.status.is_closed())
        .count();
    fill(ctx.lang.followups().tally, &[&late, &open, &items.len()])
}

/// The source in a cell: "Rakor Smart City Triwulan III, 14-10-2026", or
/// "Meeting" alone when nothing more was written.
pub(crate) fn source(ctx: &Ctx, f: &FollowUpRef) -> String {
    let fu = f.followup;
    let w = ctx.lang.followups();
    let named = if fu.reference.trim().is_empty() {
        fu.source.word(ctx.lang).to_string()
    } else {
        fu.reference.clone()
    };
    match crate::plan::model::parse_date(&fu.source_date) {
        Some(d) => fill(
            w.source_dated,
            &[&named, &crate::i18n::format::date(d, ctx.lang)],
        ),
        None => named,
    }
}

/// Keterangan: why it was dropped, what closed it, else the last progress note.
pub(crate) fn remarks(ctx: &Ctx, f: &FollowUpRef) -> String {
    let fu = f.followup;
    let w = ctx.lang.followups();
    match fu.status {
        FollowUpStatus::Dropped if !fu.reason.is_empty() => fill(w.dropped_because, &[&fu.reason]),
        FollowUpStatus::Done if !fu.evidence.is_empty() => fill(w.closed_by, &[&fu.evidence]),
        _ => fu
            .progress
            .last()
            .map(|n| {
                let date = crate::i18n::format::date_text(&n.date, ctx.lang);
                fill(w.last_note, &[&date, &n.note])
            })
            .unwrap_or_default(),
    }
}

/// The table every format shows: No., the programme, what, source, PIC,
/// agency, deadline, status, days late, Keterangan.
pub(crate) fn table(ctx: &Ctx, items: &[FollowUpRef]) -> Table {
    let w = ctx.lang.followups();
    let cols = vec![
        Column::new(w.col_no, Holds::Num),
        // Text gives what is to be done the room: the agency, the source
        // and the PIC go first on a narrow page (Markdown, HTML and the
        // sheets keep every column).
        Column::new(w.col_program, Holds::Code).drop(1),
        Column::new(w.col_what, Holds::Main).flex(),
        Column::new(w.col_source, Holds::Text).drop(5),
        Column::new(w.col_pic, Holds::Text).drop(4).chat(),
        Column::new(w.col_agency, Holds::Text).drop(6).chat(),
        Column::new(w.col_deadline, Holds::Code),
        Column::new(w.col_status, Holds::Text),
        Column::new(w.col_late, Holds::Num),
        Column::new(w.col_remarks, Holds::Text).wide_only(),
    ];
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let fu = f.followup;
            let id = match f.program {
                Some(p) => format!("{} {}", p.id, fu.id),
                None => fu.id.clone(),
            };
            vec![
                Cell::Int(i as i64 + 1),
                Cell::Text(id),
                Cell::Text(fu.what.clone()),
                Cell::Text(source(ctx, f)),
                Cell::Text(fu.pic.clone()),
                Cell::Text(fu.agency.clone()),
                f.deadline
                    .map_or_else(|| Cell::Text(fu.deadline.clone()), Cell::Date),
                Cell::Word {
                    full: fu.status.word(ctx.lang),
                    short: fu.status.short_word(ctx.lang),
                },
                f.late.map_or_else(|| Cell::Text(String::new()), Cell::Int),
                Cell::Text(remarks(ctx, f)),
            ]
        })
        .collect();
    Table {
        name: w.title.to_string(),
        ..Table::new(cols, rows)
    }
}

/// The report: its tally and the one table, or "No follow-ups."
pub(crate) fn document(ctx: &Ctx) -> Document {
    debug_assert_eq!(ctx.request.kind, Kind::FollowUps);
    let items = selected(ctx);
    let mut blocks = Vec::new();
    if items.is_empty() {
        blocks.push(Block::Nothing(ctx.lang.followups().none.to_string()));
    } else {
        let mut table = table(ctx, &items);
        table.name = String::new();
        table.caption = Some(tally(ctx, &items));
        blocks.push(Block::Table(table));
    }
    Document::report(title(ctx, items.len()), blocks)
}
