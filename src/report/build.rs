//! What each report kind says, built once as a [`Document`] that every
//! format lays out: a new kind is one builder here, a new format one
//! renderer of documents.

use super::document::{Block, Cell, Column, Document, Holds, Table, TargetRow};
use super::{Ctx, Kind, TargetRef};
use crate::i18n::fill;
use crate::plan::model::{Dimension, Program, Target};
use crate::plan::progress::{self, MilestoneRef, Tally};
use crate::plan::schema::{self, PROGRAMME, Row};
use crate::text::Glyphs;

/// The document of the request's kind.
pub(crate) fn document(ctx: &Ctx) -> Document {
    match ctx.request.kind {
        Kind::Overview => overview(ctx),
        Kind::Dimension => dimensions(ctx),
        Kind::Program => program(ctx),
        Kind::Timeline => Document::report(ctx.title(0), vec![Block::Timeline]),
        Kind::Overdue | Kind::Upcoming => milestones(ctx),
        Kind::Targets => targets(ctx),
        Kind::Evaluation => super::evaluation::document(ctx),
        Kind::Quarter => super::quarter::document(ctx),
        Kind::Alignment => super::alignment::document(ctx),
        Kind::FollowUps => super::followups::document(ctx),
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
            &crate::i18n::format::share_or(tally.share_done(), ctx.g.none, ctx.lang),
            &tally.quick_wins_done,
            &tally.quick_wins,
        ],
    )
}

/// "Fiscal year 2026: physical progress 62.50 %, budget absorbed 68.57 %":
/// the year's money of a tally, when it has any.
pub(crate) fn money_line(ctx: &Ctx, tally: &Tally) -> Option<String> {
    let (physical, absorption) = (tally.physical(), tally.absorption());
    if physical.is_none() && absorption.is_none() {
        return None;
    }
    let share = |v| crate::i18n::format::share_or(v, ctx.g.none, ctx.lang);
    Some(fill(
        ctx.lang.evaluation().progress_line,
        &[&tally.year, &share(physical), &share(absorption)],
    ))
}

/// The programmes per dimension, each dimension with its tally and the
/// money of the fiscal year asked for (`--year`, else this year).
fn dimensions(ctx: &Ctx) -> Document {
    let (r, t, g) = (ctx.r(), ctx.t(), ctx.g);
    let mut blocks = Vec::new();
    for group in ctx.sel.shown() {
        blocks.push(Block::Heading(2, dimension_heading(group.dimension, g)));
        let mut tally = Tally::new(ctx.year());
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
                    program_remark(ctx, p).into(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            name: String::new(),
            cols: vec![
                Column::new(r.id, Holds::Code),
                Column::new(r.program, Holds::Main),
                Column::new(r.horizon, Holds::Text).drop(2),
                Column::new(r.status, Holds::Text),
                Column::new(r.years, Holds::Code).drop(3),
                Column::new(r.steps, Holds::Num).drop(1),
                Column::new(r.lead, Holds::Text).wide_only(),
                Column::new(r.remarks, Holds::Text).wide_only(),
            ],
            rows,
            caption: Some(tally_line(ctx, &tally)),
            aligned: true,
            total: false,
            flush: false,
            bare: false,
        }));
        blocks.extend(money_line(ctx, &tally).map(Block::Note));
    }
    if blocks.is_empty() {
        blocks.push(Block::Nothing(r.no_programs.to_string()));
    }
    Document::report(ctx.title(0), blocks)
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
                vec![
                    Cell::Date(m.due),
                    m.program.id.as_str().into(),
                    m.program.name.as_str().into(),
                    m.milestone.title.as_str().into(),
                    m.program.lead.as_str().into(),
                    milestone_remark(ctx, m, late).into(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            name: String::new(),
            cols: vec![
                Column::new(r.due, Holds::Code),
                Column::new(r.id, Holds::Code),
                Column::new(r.program, Holds::Main).wide_only(),
                Column::new(r.milestone, Holds::Main),
                Column::new(r.lead, Holds::Text).drop(1),
                Column::new(r.remarks, Holds::Code).right(),
            ],
            rows,
            caption: None,
            aligned: true,
            total: false,
            flush: false,
            bare: false,
        }));
    }
    Document::report(ctx.title(list.count()), blocks)
}

/// The summary's content as tables: dimensions, overdue, due soon, this
/// year's targets. (Text writes the summary itself, as `pantau summary`.)
fn overview(ctx: &Ctx) -> Document {
    let r = ctx.r();
    let mut total = Tally::new(ctx.year());
    let tally_cells = |name: String, t: &Tally| -> Vec<Cell> {
        vec![
            name.into(),
            Cell::Int(t.programs as i64),
            Cell::Int(t.done as i64),
            Cell::Int(t.in_progress as i64),
            Cell::Int(t.delayed as i64),
            crate::i18n::format::share_or(t.share_done(), "", ctx.lang).into(),
            crate::i18n::format::share_or(t.percent_running(), "", ctx.lang).into(),
            format!("{}/{}", t.quick_wins_done, t.quick_wins).into(),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = ctx
        .sel
        .groups
        .iter()
        .map(|g| {
            let mut tally = Tally::new(ctx.year());
            for p in &g.programs {
                tally.add(p);
            }
            total.merge(&tally);
            tally_cells(g.dimension.name.clone(), &tally)
        })
        .collect();
    rows.push(tally_cells(r.total.to_string(), &total));
    let mut cols = vec![Column::new(r.dimension, Holds::Main)];
    cols.extend(
        [
            r.programs,
            r.done,
            r.in_progress,
            r.delayed,
            r.percent_done,
            r.percent_running,
            r.quick_wins,
        ]
        .map(|title| Column::new(title, Holds::Num)),
    );
    let mut blocks = vec![
        Block::Heading(2, r.dimension.to_string()),
        Block::Table(Table {
            total: true,
            ..Table::new(cols, rows)
        }),
    ];
    blocks.extend(money_line(ctx, &total).map(Block::Note));
    blocks.extend(crate::i18n::spent_line(ctx.lang, &total).map(Block::Note));

    let keep = |m: &MilestoneRef| ctx.sel.keeps(m.program);
    let overdue: Vec<MilestoneRef> = progress::overdue(ctx.plan, None, ctx.today)
        .into_iter()
        .filter(keep)
        .collect();
    blocks.push(Block::Heading(2, fill(r.title_overdue, &[&overdue.len()])));
    blocks.push(Block::Table(milestone_table(ctx, &overdue, true)));
    // Late follow-ups beside them, where the plan has any (a plan without
    // follow-ups keeps its summary as it was).
    let late: Vec<_> = super::followups::selected(ctx)
        .into_iter()
        .filter(|f| f.late.is_some())
        .collect();
    if !late.is_empty() {
        let heading = fill(ctx.lang.followups().late_heading, &[&late.len()]);
        blocks.push(Block::Heading(2, heading));
        blocks.push(Block::Table(super::followups::table(ctx, &late)));
    }

    let days = ctx.request.days;
    let soon: Vec<MilestoneRef> = progress::due_soon(ctx.plan, None, ctx.today, days)
        .into_iter()
        .filter(keep)
        .collect();
    blocks.push(Block::Heading(
        2,
        fill(r.title_upcoming, &[&days, &soon.len()]),
    ));
    blocks.push(Block::Table(milestone_table(ctx, &soon, false)));

    let year = i32::from(ctx.today.year());
    let targets: Vec<TargetRef> = ctx
        .plan
        .programs
        .iter()
        .filter(|p| ctx.sel.keeps(p))
        .flat_map(|p| TargetRef::all_of(p).filter(move |t| t.target.year == year))
        .collect();
    blocks.push(Block::Heading(
        2,
        fill(r.targets_year, &[&year, &targets.len()]),
    ));
    blocks.push(Block::Targets(target_rows(ctx, &targets, true)));
    blocks.extend(super::questions::blocks(
        ctx.plan,
        year,
        |p| ctx.sel.keeps(p),
        ctx.lang,
        ctx.g,
    ));
    Document {
        title: ctx.title(0),
        headed: true,
        listing: false,
        blocks,
    }
}

/// Days a milestone is late by (`late`), or days until it is due.
fn days_off(ctx: &Ctx, m: &MilestoneRef, late: bool) -> i64 {
    if late {
        Ctx::days(m.due, ctx.today)
    } else {
        Ctx::days(ctx.today, m.due)
    }
}

/// Milestones due or overdue, without their programme's name.
fn milestone_table(ctx: &Ctx, items: &[MilestoneRef], late: bool) -> Table {
    let r = ctx.r();
    let rows = items
        .iter()
        .map(|m| {
            vec![
                Cell::Date(m.due),
                m.program.id.as_str().into(),
                m.milestone.title.as_str().into(),
                m.program.lead.as_str().into(),
                milestone_remark(ctx, m, late).into(),
            ]
        })
        .collect();
    Table::new(
        vec![
            Column::new(r.due, Holds::Code),
            Column::new(r.id, Holds::Code),
            Column::new(r.milestone, Holds::Main),
            Column::new(r.lead, Holds::Text),
            Column::new(r.remarks, Holds::Code).right(),
        ],
        rows,
    )
}

/// A milestone's remark in an official table: "terlambat 63 hari", "9 hari
/// lagi" or "hari ini", as the summary says it.
fn milestone_remark(ctx: &Ctx, m: &MilestoneRef, late: bool) -> String {
    let r = ctx.r();
    match days_off(ctx, m, late) {
        days if late => fill(r.late, &[&days]),
        0 => r.today.to_string(),
        days => fill(r.in_days, &[&days]),
    }
}

/// A programme's remark in an official table: how many of its milestones
/// are overdue and by how long the oldest is, else its next deadline;
/// nothing for a programme closed or without an open dated milestone.
fn program_remark(ctx: &Ctx, p: &Program) -> String {
    let r = ctx.r();
    let late = p
        .milestones
        .iter()
        .filter(|m| crate::plan::model::is_overdue(p, m, ctx.today))
        .filter_map(|m| m.due_date());
    let (count, oldest) = late.fold((0usize, None), |(n, oldest), due| {
        (
            n + 1,
            Some(oldest.map_or(due, |o: jiff::civil::Date| o.min(due))),
        )
    });
    if let Some(oldest) = oldest {
        let days = Ctx::days(oldest, ctx.today);
        return match count {
            1 => fill(r.remark_overdue_one, &[&days]),
            _ => fill(r.remark_overdue, &[&count, &days]),
        };
    }
    if p.status.is_closed() {
        return String::new();
    }
    p.milestones
        .iter()
        .filter(|m| !m.done)
        .filter_map(|m| m.due_date())
        .filter(|due| *due >= ctx.today)
        .min()
        .map(|due| fill(r.remark_next, &[&crate::i18n::format::date(due, ctx.lang)]))
        .unwrap_or_default()
}

/// Targets with their figures, achievement and verdict; `with_id` names
/// the programme.
fn target_rows(ctx: &Ctx, items: &[TargetRef], with_id: bool) -> Vec<TargetRow> {
    items
        .iter()
        .map(|item| {
            let t = item.target;
            let capaian = ctx.capaian(t);
            TargetRow {
                year: t.year,
                id: with_id.then(|| item.program.id.clone()),
                indicator: t.indicator.clone(),
                about: target_about(ctx, t),
                unit: t.unit.clone(),
                baseline: t.baseline,
                goal: crate::i18n::format::goal(t, ctx.lang, ctx.g.dash),
                actual: t.actual,
                percent: capaian.percent(ctx.lang),
                band: capaian.judgement(ctx.lang, ctx.plan.bands, ctx.g.dot),
            }
        })
        .collect()
}

/// Every target of the selected programmes by year, per dimension.
fn targets(ctx: &Ctx) -> Document {
    let list = ctx.targets();
    let mut blocks = Vec::new();
    if list.groups.is_empty() {
        blocks.push(Block::Nothing(ctx.r().none.to_string()));
    }
    for (dimension, items) in &list.groups {
        blocks.push(Block::Heading(2, dimension_heading(dimension, ctx.g)));
        blocks.push(Block::Targets(target_rows(ctx, items, true)));
    }
    Document::report(ctx.title(list.count()), blocks)
}

/// One programme: its fields, its milestones, its targets.
fn program(ctx: &Ctx) -> Document {
    let r = ctx.r();
    let mut blocks = Vec::new();
    if let Some(p) = ctx.sel.programs().next() {
        blocks.push(Block::Subject {
            id: p.id.clone(),
            name: p.name.clone(),
        });
        blocks.push(Block::Fields(
            program_fields(ctx, p)
                .into_iter()
                .map(|(label, value)| (label.to_string(), value))
                .collect(),
        ));
        let done = p.milestones.iter().filter(|m| m.done).count();
        blocks.push(Block::Heading(
            3,
            fill(r.milestones_count, &[&p.milestones.len(), &done]),
        ));
        blocks.push(Block::Table(Table {
            bare: true,
            ..Table::new(
                vec![
                    Column::new(r.done, Holds::Code),
                    Column::new(r.due, Holds::Code),
                    Column::new(r.milestone, Holds::Main),
                    Column::new(r.status, Holds::Text).right(),
                ],
                milestone_rows(ctx, p)
                    .into_iter()
                    .map(|row| row.into_iter().map(Cell::from).collect())
                    .collect(),
            )
        }));
        blocks.push(Block::Heading(
            3,
            fill(r.targets_count, &[&p.targets.len()]),
        ));
        let items: Vec<TargetRef> = TargetRef::all_of(p).collect();
        blocks.push(Block::Targets(target_rows(ctx, &items, false)));
        program_budget(ctx, p, &mut blocks);
        evidence_blocks(ctx, p, &mut blocks);
    }
    Document {
        title: ctx.title(0),
        headed: true,
        listing: false,
        blocks,
    }
}

/// The year's physical progress and absorption, then the budget line by
/// line, each year's absorption against its own allocation.
fn program_budget(ctx: &Ctx, p: &Program, blocks: &mut Vec<Block>) {
    let ev = ctx.lang.evaluation();
    let mut tally = Tally::new(ctx.year());
    tally.add(p);
    let line = money_line(ctx, &tally);
    if line.is_none() && p.budget.is_empty() {
        return;
    }
    blocks.push(Block::Heading(3, ev.budget_heading.to_string()));
    blocks.extend(line.map(Block::Note));
    if p.budget.is_empty() {
        return;
    }
    let rows = p
        .budget
        .iter()
        .map(|b| {
            let share = b
                .absorption()
                .map(|a| crate::i18n::format::share(a, ctx.lang));
            let over = b.spent.is_some_and(|s| s > b.allocation);
            vec![
                Cell::Int(i64::from(b.year)),
                crate::i18n::format::money(b.allocation, ctx.lang).into(),
                b.spent
                    .map(|s| crate::i18n::format::money(s, ctx.lang))
                    .unwrap_or_default()
                    .into(),
                share.unwrap_or_default().into(),
                b.source.as_str().into(),
                if over { ev.overspent } else { "" }.into(),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table::new(
        vec![
            Column::new(ctx.r().year, Holds::Code),
            Column::new(ev.allocated, Holds::Num),
            Column::new(ev.spent, Holds::Num),
            Column::new(ev.absorption, Holds::Num),
            Column::new(ctx.t().forms.fields.budget_source, Holds::Text).drop(1),
            Column::new(ctx.r().remarks, Holds::Main),
        ],
        rows,
    )));
}

/// The programme's evidence documents for the evaluation, with their kind,
/// state and where they are. Nothing when it has none.
fn evidence_blocks(ctx: &Ctx, p: &Program, blocks: &mut Vec<Block>) {
    use crate::plan::field::EvidenceField;
    if p.evidence.is_empty() {
        return;
    }
    let ev = ctx.lang.evaluation();
    let label = |f: EvidenceField| f.label(ctx.lang);
    blocks.push(Block::Heading(3, ev.evidence_heading.to_string()));
    let rows = p
        .evidence
        .iter()
        .map(|e| {
            vec![
                e.name.clone().into(),
                e.kind.word(ctx.lang).into(),
                e.state.word(ctx.lang).into(),
                e.link.clone().into(),
            ]
        })
        .collect();
    // A link is the first thing a narrow page leaves out: the document's
    // name is what an officer looks for.
    blocks.push(Block::Table(Table::new(
        vec![
            Column::new(label(EvidenceField::Name), Holds::Main),
            Column::new(label(EvidenceField::Kind), Holds::Text),
            Column::new(label(EvidenceField::State), Holds::Text),
            Column::new(label(EvidenceField::Link), Holds::Text).drop(1),
        ],
        rows,
    )));
}

/// What a target says of itself beyond its figures: "lower is better ·
/// base year 2021 · BPS Luwu Utara", when it says anything.
fn target_about(ctx: &Ctx, t: &Target) -> Option<String> {
    let ev = ctx.lang.evaluation();
    let mut about = Vec::new();
    if !t.measures.is_output() {
        let measures = t.measures.word(ctx.lang);
        about.push(fill(ctx.lang.questions().about, &[&measures]));
    }
    match t.direction {
        crate::plan::model::Direction::Lower => about.push(ev.lower_is_better.to_string()),
        crate::plan::model::Direction::Range => about.push(ev.range.to_string()),
        // A range says which side is better; a single target need not.
        crate::plan::model::Direction::Higher if t.upper.is_some() => {
            about.push(ev.higher_is_better.to_string())
        }
        crate::plan::model::Direction::Higher => {}
    }
    if let Some(year) = t.base_year {
        about.push(fill(ev.base_year, &[&year]));
    }
    if !t.source.is_empty() {
        about.push(t.source.clone());
    }
    if !t.definition.is_empty() {
        about.push(t.definition.clone());
    }
    (!about.is_empty()).then(|| about.join(ctx.g.dot))
}

/// A program's fields as (label, value) pairs, an empty value shown as the
/// "none" glyph: the program report's header in text and Markdown.
fn program_fields(ctx: &Ctx, p: &Program) -> Vec<(&'static str, String)> {
    let (r, t, g) = (ctx.r(), ctx.t(), &ctx.g);
    let dimension = ctx
        .plan
        .dimension(&p.dimension)
        .map_or_else(|| p.dimension.clone(), |d| format!("{} ({})", d.name, d.id));
    let mut placed: Vec<(usize, &Row)> = PROGRAMME
        .iter()
        .filter(|row| !(row.optional && row.field.value(p).is_empty()))
        .filter_map(|row| Some((row.report?, row)))
        .collect();
    placed.sort_by_key(|(at, _)| *at);
    // The start and end years share one line.
    placed.dedup_by_key(|(at, _)| *at);
    let shown = |value: String| {
        if value.trim().is_empty() {
            g.none.to_string()
        } else {
            value
        }
    };
    placed
        .into_iter()
        .map(|(_, row)| match row.kind {
            schema::Kind::Year => (r.years, shown(super::years(p, g))),
            schema::Kind::Dimension => (row.field.heading(ctx.lang), shown(dimension.clone())),
            kind => {
                let value = row.field.get(p);
                let words = t.word(kind, &value).map(String::from);
                (row.field.heading(ctx.lang), shown(words.unwrap_or(value)))
            }
        })
        .collect()
}

/// A program's milestones as table rows: done mark, due date, title, and
/// "N days late" / "in N days" / "today" where it applies.
fn milestone_rows(ctx: &Ctx, p: &Program) -> Vec<Vec<String>> {
    let r = ctx.r();
    p.milestones
        .iter()
        .map(|m| {
            let when = match m.due_date() {
                Some(due) if crate::plan::model::is_overdue(p, m, ctx.today) => {
                    fill(r.late, &[&Ctx::days(due, ctx.today)])
                }
                Some(due)
                    if crate::plan::model::is_due_within(p, m, ctx.today, ctx.request.days) =>
                {
                    match Ctx::days(ctx.today, due) {
                        0 => r.today.to_string(),
                        n => fill(r.in_days, &[&n]),
                    }
                }
                _ => String::new(),
            };
            let check = if m.done { ctx.g.check } else { ctx.g.open };
            let due = crate::i18n::format::date_text(&m.due, ctx.lang);
            vec![check.to_string(), due, m.title.clone(), when]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::report::{Filter, Format, Request, render, with_ctx};

    /// The formats are renderers of one document, so none can leave out a
    /// part another shows: every heading of every kind's document appears
    /// in text, Markdown and HTML, and so does its title (the overview in
    /// text is the summary).
    #[test]
    fn every_format_shows_every_heading_of_the_document() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let today = jiff::civil::date(2026, 12, 2);
        for kind in [
            Kind::Overview,
            Kind::Dimension,
            Kind::Program,
            Kind::Timeline,
            Kind::Overdue,
            Kind::Upcoming,
            Kind::Targets,
            Kind::Evaluation,
            Kind::Quarter,
            Kind::Alignment,
            Kind::FollowUps,
        ] {
            let request = Request {
                kind,
                width: 200,
                filter: Filter {
                    program: (kind == Kind::Program).then(|| "GOV-01".to_string()),
                    ..Filter::default()
                },
                ..Request::default()
            };
            let headings: Vec<String> = with_ctx(&plan, &request, Lang::En, today, |ctx| {
                let document = document(ctx);
                // Markdown leaves a headed document's title out.
                let title = (!document.headed).then_some(document.title);
                Ok(title
                    .into_iter()
                    .chain(document.blocks.into_iter().filter_map(|b| match b {
                        Block::Heading(_, text) => Some(text),
                        Block::Subject { name, .. } => Some(name),
                        _ => None,
                    }))
                    .collect())
            })
            .unwrap_or_default();
            assert!(!headings.is_empty(), "{kind:?} has no headings");
            for format in [Format::Text, Format::Markdown, Format::Html] {
                if kind == Kind::Overview && format == Format::Text {
                    continue;
                }
                let out = render(
                    &plan,
                    &Request {
                        format,
                        ..request.clone()
                    },
                    Lang::En,
                    today,
                )
                .unwrap_or_default();
                // Word by word: each format escapes punctuation its own way.
                for heading in &headings {
                    for word in heading.split(|c: char| !c.is_alphanumeric()) {
                        assert!(out.contains(word), "{kind:?} {format:?}: {heading}");
                    }
                }
            }
        }
    }
}
