//! `pantau report --kind quarter`: the monitoring table officers sign each
//! quarter (or month), per agency and programme with its sub-activities:
//! pagu, RAK, realisation in rupiah and percent, deviation, physical
//! progress, problems, follow-up and remarks. One table, which every format
//! lays out (the official HTML around it, CSV and XLSX as a sheet).

use super::Ctx;
use super::document::{Block, Cell, Column, Document, Holds, Table};
use crate::i18n::fill;
use crate::plan::fiscal::{self, Asked, Figures, Reported, Span, Sum};
use crate::plan::model::Program;
use crate::plan::validate::When;

/// The period asked: `--quarter`/`--month` of `--year`, else the last
/// quarter ended by today (the first while it runs; the fourth of a past year).
pub(crate) fn asked(ctx: &Ctx) -> Asked {
    let year = ctx.year();
    let today_year = i32::from(ctx.today.year());
    let span = ctx.request.fiscal.unwrap_or_else(|| {
        Span::Quarter(match year.cmp(&today_year) {
            std::cmp::Ordering::Less => 4,
            std::cmp::Ordering::Greater => 1,
            std::cmp::Ordering::Equal => {
                let month = u8::try_from(ctx.today.month()).unwrap_or(1);
                ((month - 1) / 3).max(1)
            }
        })
    });
    Asked { year, span }
}

fn when(asked: Asked) -> When {
    let (quarter, month) = match asked.span {
        Span::Quarter(q) => (Some(q), None),
        Span::Month(m) => (None, Some(m)),
    };
    When {
        year: asked.year,
        quarter,
        month,
    }
}

pub(crate) fn title(ctx: &Ctx) -> String {
    fill(
        ctx.lang.fiscal().q_title,
        &[&ctx.t().when(when(asked(ctx)))],
    )
}

/// The selected programmes in the year, in the plan's order, with their figures.
fn rows<'a>(ctx: &Ctx<'a>, asked: Asked) -> Vec<(&'a Program, Figures)> {
    ctx.plan
        .programs
        .iter()
        .filter(|p| ctx.sel.keeps(p) && fiscal::in_year(p, asked.year))
        .map(|p| (p, fiscal::figures(p, asked, ctx.today)))
        .collect()
}

/// One agency's programmes with their figures, and their sum.
type Agency<'a> = (&'a str, Sum, Vec<(&'a Program, Figures)>);

/// Grouped by agency, in order of first appearance.
fn by_agency<'a>(rows: &[(&'a Program, Figures)]) -> Vec<Agency<'a>> {
    let mut out: Vec<Agency<'a>> = Vec::new();
    for &(p, f) in rows {
        let agency = fiscal::agency(p);
        let at = match out.iter().position(|(a, _, _)| *a == agency) {
            Some(at) => at,
            None => {
                out.push((agency, Sum::default(), Vec::new()));
                out.len() - 1
            }
        };
        out[at].1.add(&f);
        out[at].2.push((p, f));
    }
    out
}

/// The texts of the periods the asked period is made of, joined.
fn texts(p: &Program, asked: Asked, pick: fn(&crate::plan::year::FiscalPeriod) -> &str) -> String {
    let own = |x: &crate::plan::year::FiscalPeriod| {
        x.year == asked.year
            && match asked.span {
                Span::Quarter(q) => x.in_quarter() == Some(q),
                Span::Month(m) => x.month == Some(m),
            }
    };
    let parts: Vec<&str> = p
        .periods
        .iter()
        .filter(|x| own(x))
        .map(pick)
        .filter(|s| !s.is_empty())
        .collect();
    parts.join("; ")
}

/// Money ahead of work by this many points or more is pointed out, as the
/// summary's gap (docs/FORMAT.md).
const GAP_POINTS: f64 = 25.0;

fn remarks(ctx: &Ctx, f: &Figures) -> String {
    let w = ctx.lang.fiscal();
    match f.reported {
        Reported::Missing => w.q_not_reported.to_string(),
        Reported::Running => w.q_running.to_string(),
        Reported::Yes if f.gap().is_some_and(|g| g >= GAP_POINTS) => w.q_spent_ahead.to_string(),
        Reported::Yes => String::new(),
    }
}

fn sum_cells(label: String, s: &Sum) -> Vec<Cell> {
    vec![
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Text(label),
        Cell::Num(Some(s.pagu)),
        Cell::Num(Some(s.rak)),
        Cell::Num((s.reported > 0).then_some(s.spent)),
        Cell::Decimal(s.absorption()),
        Cell::Decimal(s.deviation()),
        Cell::Decimal(s.physical()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
    ]
}

/// The monitoring table: agencies, their programmes and sub-activities, the total.
pub(crate) fn table(ctx: &Ctx) -> Table {
    let w = ctx.lang.fiscal();
    let asked = asked(ctx);
    let rows = rows(ctx, asked);
    let cols = vec![
        // A narrow text page keeps the name, the percentages and the remark.
        Column::new(w.q_no, Holds::Num),
        Column::new(w.q_code, Holds::Code).drop(4),
        Column::new(w.q_programme, Holds::Main).flex(),
        Column::new(w.q_pagu, Holds::Num).drop(2),
        Column::new(w.q_rak, Holds::Num).drop(6),
        Column::new(w.q_real, Holds::Num).drop(5),
        Column::new(w.q_real_pct, Holds::Num),
        Column::new(w.q_deviation, Holds::Num).drop(3),
        Column::new(w.q_physical, Holds::Num),
        Column::new(w.problems, Holds::Text).wide_only(),
        Column::new(w.follow_up, Holds::Text).wide_only(),
        Column::new(w.q_remarks, Holds::Text).drop(1),
    ];
    let mut out = Vec::new();
    let mut total = Sum::default();
    let mut number = 0;
    for (agency, sum, programmes) in by_agency(&rows) {
        out.push(sum_cells(agency.to_string(), &sum));
        for (p, f) in programmes {
            total.add(&f);
            number += 1;
            out.push(vec![
                Cell::Int(number),
                Cell::Text(p.id.clone()),
                Cell::Text(p.name.clone()),
                Cell::Num(f.pagu),
                Cell::Num(f.rak),
                Cell::Num(f.spent),
                Cell::Decimal(f.absorption()),
                Cell::Decimal(f.deviation()),
                Cell::Decimal(f.physical),
                Cell::Text(texts(p, asked, |x| &x.problems)),
                Cell::Text(texts(p, asked, |x| &x.follow_up)),
                Cell::Text(remarks(ctx, &f)),
            ]);
            for s in &p.subactivities {
                // The agency only where another's budget holds it.
                let name = match s.agency.as_str() {
                    "" => s.name.clone(),
                    agency if agency == p.lead => s.name.clone(),
                    agency => format!("{} ({agency})", s.name),
                };
                let mut row = vec![
                    Cell::Text(String::new()),
                    Cell::Text(s.code.clone()),
                    Cell::Text(name),
                    Cell::Num(s.allocation),
                ];
                row.extend((0..8).map(|_| Cell::Text(String::new())));
                out.push(row);
            }
        }
    }
    out.push(sum_cells(w.q_total.to_string(), &total));
    Table {
        total: true,
        ..Table::new(cols, out)
    }
}

pub(crate) fn document(ctx: &Ctx) -> Document {
    let w = ctx.lang.fiscal();
    let asked = asked(ctx);
    let last = asked
        .last_day()
        .map(|d| crate::i18n::format::long_date(d, ctx.lang))
        .unwrap_or_default();
    let mut blocks = vec![Block::Note(fill(w.q_intro, &[&last]))];
    let rows = rows(ctx, asked);
    if rows.is_empty() {
        blocks.push(Block::Nothing(w.q_none.to_string()));
        return Document::report(title(ctx), blocks);
    }
    blocks.push(Block::Table(table(ctx)));
    let missing = rows
        .iter()
        .filter(|(_, f)| f.reported == Reported::Missing)
        .count();
    if missing > 0 {
        blocks.push(Block::Note(fill(w.q_missing, &[&rows.len(), &missing])));
    }
    Document::report(title(ctx), blocks)
}

/// The figures for other tools: per programme and agency, and the total.
pub(crate) fn json(ctx: &Ctx) -> serde_json::Value {
    use serde_json::json;
    let asked = asked(ctx);
    let rows = rows(ctx, asked);
    let sum = |s: &Sum| {
        json!({
            "programmes": s.programmes,
            "reported": s.reported,
            "not_reported": s.missing,
            "pagu": s.pagu,
            "rak": s.rak,
            "realisation": s.spent,
            "absorption": s.absorption(),
            "deviation": s.deviation(),
            "physical": s.physical(),
        })
    };
    let mut total = Sum::default();
    let programmes: Vec<serde_json::Value> = rows
        .iter()
        .map(|(p, f)| {
            total.add(f);
            json!({
                "id": p.id,
                "agency": fiscal::agency(p),
                "subactivities": p.subactivities.iter().map(|s| &s.code).collect::<Vec<_>>(),
                "reported": match f.reported {
                    Reported::Yes => "yes",
                    Reported::Missing => "missing",
                    Reported::Running => "running",
                },
                "pagu": f.pagu,
                "rak": f.rak,
                "realisation": f.spent,
                "absorption": f.absorption(),
                "deviation": f.deviation(),
                "physical": f.physical,
            })
        })
        .collect();
    let agencies: Vec<serde_json::Value> = by_agency(&rows)
        .iter()
        .map(|(a, s, _)| json!({"agency": a, "figures": sum(s)}))
        .collect();
    let (quarter, month) = match asked.span {
        Span::Quarter(q) => (Some(q), None),
        Span::Month(m) => (None, Some(m)),
    };
    json!({
        "year": asked.year,
        "quarter": quarter,
        "month": month,
        "until": asked.last_day().map(|d| d.to_string()),
        "programmes": programmes,
        "agencies": agencies,
        "total": sum(&total),
    })
}
