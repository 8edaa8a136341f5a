//! `--kind evaluation`: the yearly evaluation as far as the plan can tell.
//!
//! One set of sections, worked out once from [`crate::plan::evaluation`],
//! then laid out per format: the estimate and how it was computed, the
//! aspects per dimension with physical progress and absorption, the
//! evidence still to be made ready (per programme and per lead agency),
//! programmes whose spending and physical progress are far apart, and the
//! ministry's past results for the trend. CSV is one tidy table and JSON
//! one object, for other tools.

use super::Ctx;
use super::document::Document;
use super::document::{Cell, Table};
use crate::i18n::evaluation::EvaluationText;
use crate::i18n::format::money;
use crate::plan::evaluation::{Estimate, From, Measures, Statuses, estimate};
use crate::plan::model::{Aspect, Plan, Program};
use crate::plan::progress::{self, Gap, Tally};
use serde::Serialize;
use std::borrow::Cow;

/// A table under a heading, with sentences before it: what the evaluation
/// works out, before it becomes a document.
struct Section {
    pub title: String,
    pub lines: Vec<String>,
    pub head: Vec<&'static str>,
    /// Which columns hold numbers (aligned right).
    pub right: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// The column that gives way on a narrow page.
    pub flex: usize,
    /// Text: which columns a narrow page leaves out, highest first (0: kept).
    pub drop: Vec<u8>,
}

/// The programmes the report covers, as a plan of their own when filtered.
fn covered<'a>(ctx: &Ctx<'a>) -> Cow<'a, Plan> {
    if !ctx.sel.narrowed {
        return Cow::Borrowed(ctx.plan);
    }
    let mut plan = Plan {
        programs: Vec::new(),
        ..ctx.plan.clone()
    };
    plan.programs = ctx
        .plan
        .programs
        .iter()
        .filter(|p| ctx.sel.keeps(p))
        .cloned()
        .collect();
    Cow::Owned(plan)
}

fn e(ctx: &Ctx) -> &'static EvaluationText {
    ctx.lang.evaluation()
}

fn fixed(ctx: &Ctx, value: f64) -> String {
    crate::i18n::format::decimal(value, ctx.lang)
}

fn percent(ctx: &Ctx, value: Option<f64>) -> String {
    crate::i18n::format::share_or(value, "", ctx.lang)
}

/// Where an aspect's score comes from, in words.
fn from_words(ctx: &Ctx, a: &crate::plan::evaluation::AspectRow) -> String {
    let e = e(ctx);
    match a.from {
        From::Measured(_) if a.aspect == Aspect::Impact => e.from_proxy.to_string(),
        From::Measured(_) => e.from_measured.to_string(),
        From::Survey(_) => e.from_survey.to_string(),
        From::Previous(r) => crate::i18n::fill(e.from_previous, &[&r.year]),
        From::Officer(_) => e.from_officer.to_string(),
        // Nothing to judge is no input, not a failure: the index waits for
        // a self-assessment rather than counting the aspect as 0.
        From::Missing if a.aspect == Aspect::QuickWin => e.from_no_quick_win.to_string(),
        From::Missing => e.from_missing.to_string(),
    }
}

pub(crate) fn aspect_name(ctx: &Ctx, a: Aspect) -> &'static str {
    e(ctx).aspects[a as usize]
}

/// "10 × 3.10 + 20 × 2.25 + …": how the index was computed.
fn terms(ctx: &Ctx, est: &Estimate) -> String {
    est.aspects
        .iter()
        .filter_map(|a| {
            a.score()
                .map(|s| format!("{} {} {}", ctx.number(a.weight), ctx.g.times, fixed(ctx, s)))
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The sentence with the index, or what it waits for.
pub(crate) fn index_line(ctx: &Ctx, est: &Estimate) -> String {
    let e = e(ctx);
    match est.index() {
        Some(index) => crate::i18n::fill(e.index_line, &[&est.year, &fixed(ctx, index)]),
        None => crate::i18n::fill(e.index_line, &[&est.year, &ctx.g.none]),
    }
}

fn weights_words(ctx: &Ctx, est: &Estimate) -> String {
    let e = e(ctx);
    if est.weights_default {
        return e.weights_default.to_string();
    }
    let w: Vec<String> = Aspect::ALL
        .iter()
        .map(|&a| ctx.number(est.weights.of(a)))
        .collect();
    crate::i18n::fill(e.weights_plan, &[&w.join("/")])
}

fn share_cell(ctx: &Ctx, m: &Measures, a: Aspect) -> String {
    let p = percent(ctx, m.percent(a));
    match m.share(a) {
        Some(s) if !p.is_empty() => format!("{p} ({}/{})", s.part as u64, s.whole as u64),
        _ => p,
    }
}

/// Everything the report shows, in order.
fn sections(ctx: &Ctx, plan: &Plan, est: &Estimate) -> Vec<Section> {
    let mut out = Vec::new();
    for section in [
        estimate_section,
        dimension_section,
        evidence_sections,
        gap_section,
        agency_section,
        trend_section,
    ] {
        section(ctx, plan, est, &mut out);
    }
    out
}

/// The estimate and how it was computed.
fn estimate_section(ctx: &Ctx, _plan: &Plan, est: &Estimate, out: &mut Vec<Section>) {
    let e = e(ctx);
    let rows = est
        .aspects
        .iter()
        .map(|a| {
            let from = match a.from {
                From::Officer(s) if !s.note.is_empty() => {
                    format!("{}: {}", e.from_officer, s.note)
                }
                _ => from_words(ctx, a),
            };
            vec![
                aspect_name(ctx, a.aspect).to_string(),
                format!("{} %", ctx.number(a.weight)),
                share_cell(ctx, &est.total, a.aspect),
                a.score().map_or_else(String::new, |s| fixed(ctx, s)),
                from,
            ]
        })
        .collect();
    out.push(Section {
        title: index_line(ctx, est),
        lines: std::iter::once(match est.index() {
            Some(_) => crate::i18n::fill(e.index_terms, &[&terms(ctx, est)]),
            None => {
                let missing: Vec<&str> = est
                    .missing()
                    .into_iter()
                    .map(|a| aspect_name(ctx, a))
                    .collect();
                crate::i18n::fill(e.index_missing, &[&missing.join(", ")])
            }
        })
        .chain(official_lines(ctx, est))
        .chain(std::iter::once(statuses_line(ctx, est)))
        .chain(impact_line(ctx, est))
        .chain([
            crate::i18n::fill(e.caveat, &[&weights_words(ctx, est)]),
            e.measures_note.to_string(),
        ])
        .collect(),
        head: vec![e.aspect, e.weight, e.measured, e.score, e.from],
        right: vec![false, true, true, true, false],
        rows,
        flex: 4,
        drop: Vec::new(),
    });
}

/// The last official index, always, and how far the estimate is off in
/// each year the ministry published a result for.
fn official_lines(ctx: &Ctx, est: &Estimate) -> Vec<String> {
    let e = e(ctx);
    let Some(last) = est.last_official() else {
        return vec![e.no_official.to_string()];
    };
    let items: Vec<String> = est
        .past
        .iter()
        .map(|past| match (past.estimate, past.off_by()) {
            (Some(estimate), Some(off)) => crate::i18n::fill(
                e.off_by_item,
                &[
                    &past.result.year,
                    &fixed(ctx, estimate),
                    &fixed(ctx, past.result.index),
                    &signed(ctx, off),
                ],
            ),
            _ => crate::i18n::fill(e.off_by_none, &[&past.result.year]),
        })
        .collect();
    vec![
        crate::i18n::fill(e.last_official, &[&last.year, &fixed(ctx, last.index)]),
        crate::i18n::fill(e.off_by, &[&items.join("; ")]),
    ]
}

/// A difference with its sign: `+0.54`, `-0.10`.
fn signed(ctx: &Ctx, value: f64) -> String {
    let text = fixed(ctx, value);
    if text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

/// Where the year's statuses come from (derived for a past year).
fn statuses_line(ctx: &Ctx, est: &Estimate) -> String {
    let e = e(ctx);
    let words = match est.statuses {
        Statuses::Recorded => e.statuses_recorded,
        Statuses::Derived => e.statuses_derived,
        Statuses::Ahead => e.statuses_ahead,
    };
    crate::i18n::fill(words, &[&est.year])
}

/// How many of the year's targets have an actual, and how many do not.
fn impact_line(ctx: &Ctx, est: &Estimate) -> Option<String> {
    let m = est.total.measured;
    (m.whole > 0.0).then(|| {
        crate::i18n::fill(
            e(ctx).impact_targets,
            &[
                &(m.part as u64),
                &(m.whole as u64),
                &est.year,
                &est.total.targets_missing(),
            ],
        )
    })
}

/// Per dimension, with physical progress and absorption.
fn dimension_section(ctx: &Ctx, plan: &Plan, est: &Estimate, out: &mut Vec<Section>) {
    let (e, r) = (e(ctx), ctx.r());
    let mut rows = Vec::new();
    for (d, m) in &est.dimensions {
        let mut tally = Tally::new(est.year);
        for p in plan.programs.iter().filter(|p| p.dimension == d.id) {
            tally.add(p);
        }
        if tally.programs == 0 {
            continue;
        }
        let mut row = vec![d.name.clone()];
        row.extend(Aspect::ALL.iter().map(|&a| percent(ctx, m.percent(a))));
        row.push(percent(ctx, tally.physical()));
        row.push(percent(ctx, tally.absorption()));
        rows.push(row);
    }
    let mut head = vec![r.dimension];
    head.extend(e.aspects);
    head.extend([e.physical, e.absorption]);
    out.push(Section {
        title: e.by_dimension.to_string(),
        lines: vec![crate::i18n::fill(e.money_year, &[&est.year])],
        head,
        right: vec![false, true, true, true, true, true, true, true],
        rows,
        flex: 0,
        drop: vec![0, 1, 0, 0, 0, 0, 2, 3],
    });
}

/// Evidence still to be made ready, then per lead agency.
fn evidence_sections(ctx: &Ctx, plan: &Plan, _est: &Estimate, out: &mut Vec<Section>) {
    let (e, r) = (e(ctx), ctx.r());
    let open = crate::plan::evaluation::evidence_open(plan);
    let dimension_name = |p: &Program| {
        plan.dimension(&p.dimension)
            .map_or_else(|| p.dimension.clone(), |d| d.name.clone())
    };
    let rows = open
        .iter()
        .map(|(p, ev)| {
            vec![
                p.id.clone(),
                ev.name.clone(),
                ev.kind.word(ctx.lang).to_string(),
                ev.state.word(ctx.lang).to_string(),
                lead(p, plan),
            ]
        })
        .collect();
    out.push(Section {
        title: crate::i18n::fill(e.evidence_open, &[&open.len()]),
        lines: Vec::new(),
        head: vec![r.id, e.document, ctx.t().forms.fields.kind, e.state, r.lead],
        right: vec![false; 5],
        rows,
        flex: 1,
        drop: Vec::new(),
    });
    let mut by_lead: Vec<(String, String, usize)> = Vec::new();
    for (p, _) in &open {
        let (lead, dim) = (lead(p, plan), dimension_name(p));
        match by_lead.iter_mut().find(|(l, d, _)| *l == lead && *d == dim) {
            Some(row) => row.2 += 1,
            None => by_lead.push((lead, dim, 1)),
        }
    }
    if !by_lead.is_empty() {
        out.push(Section {
            title: e.evidence_by_lead.to_string(),
            lines: Vec::new(),
            head: vec![r.lead, r.dimension, e.count],
            right: vec![false, false, true],
            rows: by_lead
                .into_iter()
                .map(|(l, d, n)| vec![l, d, n.to_string()])
                .collect(),
            flex: 0,
            drop: Vec::new(),
        });
    }
}

/// Spending and physical progress far apart.
fn gap_section(ctx: &Ctx, plan: &Plan, est: &Estimate, out: &mut Vec<Section>) {
    let (e, r) = (e(ctx), ctx.r());
    let year = est.year;
    let gaps: Vec<(&Program, Gap)> = plan
        .programs
        .iter()
        .filter_map(|p| progress::gap(p, year).map(|g| (p, g)))
        .collect();
    out.push(Section {
        title: crate::i18n::fill(e.gaps, &[&gaps.len(), &year]),
        lines: Vec::new(),
        head: vec![r.id, r.program, e.physical, e.absorption, e.spent, ""],
        right: vec![false, false, true, true, true, false],
        rows: gaps
            .iter()
            .map(|(p, g)| {
                let spent = progress::year_budget(p, year)
                    .and_then(|b| b.spent)
                    .unwrap_or(0);
                vec![
                    p.id.clone(),
                    p.name.clone(),
                    percent(ctx, progress::physical_in(p, year)),
                    percent(ctx, progress::absorption_in(p, year)),
                    money(spent as f64, ctx.lang),
                    match g {
                        Gap::SpentAhead => e.spent_ahead,
                        Gap::WorkAhead => e.work_ahead,
                    }
                    .to_string(),
                ]
            })
            .collect(),
        flex: 1,
        drop: Vec::new(),
    });
}

/// The evaluated year's money per lead agency (OPD), each agency's figures
/// weighted by allocation as a dimension's are: what WP-SIPD shows per OPD.
fn agency_section(ctx: &Ctx, plan: &Plan, est: &Estimate, out: &mut Vec<Section>) {
    let (e, r) = (e(ctx), ctx.r());
    let mut by_lead: Vec<(String, Tally)> = Vec::new();
    for p in &plan.programs {
        let lead = lead(p, plan);
        let at = match by_lead.iter().position(|(l, _)| *l == lead) {
            Some(at) => at,
            None => {
                by_lead.push((lead, Tally::new(est.year)));
                by_lead.len() - 1
            }
        };
        by_lead[at].1.add(p);
    }
    by_lead.retain(|(_, t)| t.physical_allocated > 0 || t.allocated > 0);
    if by_lead.is_empty() {
        return;
    }
    out.push(Section {
        title: crate::i18n::fill(e.money_by_lead, &[&est.year]),
        lines: Vec::new(),
        head: vec![r.lead, e.allocated, e.spent, e.physical, e.absorption],
        right: vec![false, true, true, true, true],
        rows: by_lead
            .iter()
            .map(|(lead, t)| {
                vec![
                    lead.clone(),
                    money(t.allocated as f64, ctx.lang),
                    money(t.spent as f64, ctx.lang),
                    percent(ctx, t.physical()),
                    percent(ctx, t.absorption()),
                ]
            })
            .collect(),
        flex: 0,
        drop: vec![0, 1, 2, 0, 0],
    });
}

/// The trend: the ministry's results, then this year's estimate.
fn trend_section(ctx: &Ctx, _plan: &Plan, est: &Estimate, out: &mut Vec<Section>) {
    let (e, r) = (e(ctx), ctx.r());
    let mut rows: Vec<Vec<String>> = est
        .past
        .iter()
        .map(|past| {
            let res = past.result;
            let mut row = vec![
                res.year.to_string(),
                fixed(ctx, res.index),
                past.estimate.map_or_else(String::new, |i| fixed(ctx, i)),
                past.off_by().map_or_else(String::new, |d| signed(ctx, d)),
            ];
            row.extend(
                Aspect::ALL
                    .iter()
                    .map(|&a| res.sub_index(a).map_or_else(String::new, |v| fixed(ctx, v))),
            );
            row.push(res.letter.clone());
            row
        })
        .collect();
    if !rows.is_empty() || est.index().is_some() {
        let mut row = vec![
            crate::i18n::fill(e.estimate_row, &[&est.year]),
            String::new(),
            est.index().map_or_else(String::new, |i| fixed(ctx, i)),
            String::new(),
        ];
        row.extend(
            est.aspects
                .iter()
                .map(|a| a.score().map_or_else(String::new, |s| fixed(ctx, s))),
        );
        row.push(String::new());
        rows.push(row);
        let mut head = vec![r.year, e.index, e.estimate_col, e.off_by_col];
        head.extend(e.aspects);
        head.push(e.letter);
        out.push(Section {
            title: e.results.to_string(),
            lines: Vec::new(),
            head,
            right: vec![false, true, true, true, true, true, true, true, true, false],
            rows,
            flex: 9,
            // A narrow page keeps the index, the estimate and the difference.
            drop: vec![0, 0, 0, 0, 5, 4, 3, 2, 1, 6],
        });
    }
}

/// The sections as a document: a heading, the sentences, the table.
pub(crate) fn document(ctx: &Ctx) -> Document {
    use super::document::{Block, Column, Holds};
    let mut blocks = Vec::new();
    with(ctx, |plan, est| {
        for section in sections(ctx, plan, est) {
            blocks.push(Block::Heading(2, section.title));
            blocks.extend(section.lines.into_iter().map(Block::Note));
            let cols = section
                .head
                .iter()
                .zip(&section.right)
                .enumerate()
                .map(|(i, (title, &right))| {
                    let holds = match (i == section.flex, right) {
                        (true, _) => Holds::Main,
                        (false, true) => Holds::Num,
                        (false, false) => Holds::Text,
                    };
                    Column::new(title, holds).drop(section.drop.get(i).copied().unwrap_or(0))
                })
                .collect();
            blocks.push(Block::Table(Table {
                name: String::new(),
                cols,
                rows: section
                    .rows
                    .into_iter()
                    .map(|row| row.into_iter().map(Cell::from).collect())
                    .collect(),
                caption: None,
                aligned: false,
                total: false,
                flush: false,
                bare: false,
            }));
        }
    });
    Document::report(ctx.title(0), blocks)
}

/// The programme's lead agency, else its dimension's.
fn lead(p: &Program, plan: &Plan) -> String {
    if !p.lead.is_empty() {
        return p.lead.clone();
    }
    plan.dimension(&p.dimension)
        .map(|d| d.lead.clone())
        .unwrap_or_default()
}

/// Runs `f` with the plan the report covers and its estimate.
pub(crate) fn with<R>(ctx: &Ctx, f: impl FnOnce(&Plan, &Estimate) -> R) -> R {
    let plan = covered(ctx);
    let est = estimate(&plan, ctx.year(), i32::from(ctx.today.year()));
    f(&plan, &est)
}

// ---------------------------------------------------------------- CSV

/// One tidy table: a row per scope (the plan, then each dimension) and
/// aspect, then the index; spreadsheets pivot it as they like.
pub(crate) fn table(ctx: &Ctx, est: &Estimate) -> Table {
    let e = e(ctx);
    let r = ctx.r();
    let head = vec![
        r.year,
        r.dimension,
        e.aspect,
        e.weight,
        e.measured,
        e.score,
        e.from,
    ];
    // In the reader's words, as the text report says them; the JSON keeps
    // the keys.
    let mut rows = Vec::new();
    for a in &est.aspects {
        rows.push(vec![
            Cell::Int(i64::from(est.year)),
            Cell::Text(String::new()),
            Cell::Text(aspect_name(ctx, a.aspect).to_string()),
            Cell::Num(Some(a.weight)),
            Cell::Num(a.measured.map(round2)),
            Cell::Num(a.score().map(round2)),
            Cell::Text(from_words(ctx, a)),
        ]);
    }
    rows.push(vec![
        Cell::Int(i64::from(est.year)),
        Cell::Text(String::new()),
        Cell::Text(e.index.to_string()),
        Cell::Num(Some(100.0)),
        Cell::Num(None),
        Cell::Num(est.index().map(round3)),
        Cell::Text(e.estimate_col.to_string()),
    ]);
    // Each official result beside the estimate for its year.
    for past in &est.past {
        // The year asked has its estimate's row above already.
        let estimate = (past.result.year != est.year).then_some((
            e.index.to_string(),
            past.estimate,
            e.estimate_col.to_string(),
        ));
        let official = (
            e.index.to_string(),
            Some(past.result.index),
            crate::i18n::fill(e.from_previous, &[&past.result.year]),
        );
        for (aspect, score, from) in std::iter::once(official).chain(estimate) {
            rows.push(vec![
                Cell::Int(i64::from(past.result.year)),
                Cell::Text(String::new()),
                Cell::Text(aspect),
                Cell::Num(Some(100.0)),
                Cell::Num(None),
                Cell::Num(score.map(round3)),
                Cell::Text(from),
            ]);
        }
    }
    for (d, m) in &est.dimensions {
        for &a in &Aspect::ALL {
            rows.push(vec![
                Cell::Int(i64::from(est.year)),
                Cell::Text(d.name.clone()),
                Cell::Text(aspect_name(ctx, a).to_string()),
                Cell::Num(Some(est.weights.of(a))),
                Cell::Num(m.percent(a).map(round2)),
                Cell::Num(None),
                Cell::Text(
                    if m.percent(a).is_some() {
                        e.from_measured
                    } else {
                        e.from_missing
                    }
                    .to_string(),
                ),
            ]);
        }
    }
    let widths = [8.0, 14.0, 14.0, 10.0, 10.0, 10.0, 16.0];
    Table {
        rows,
        ..Table::sheet(
            crate::i18n::fill(e.title, &[&est.year]),
            head.into_iter().zip(widths),
        )
    }
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

// ---------------------------------------------------------------- JSON

#[derive(Serialize)]
pub(crate) struct EvaluationJson<'a> {
    year: i32,
    /// Where the year's programme statuses come from: `recorded` (the
    /// current year), `derived` (a past year) or `ahead` (a coming one).
    statuses: &'static str,
    /// The year's targets with an actual, and without.
    targets_measured: usize,
    targets_missing: usize,
    weights: crate::plan::model::Weights,
    weights_default: bool,
    aspects: Vec<AspectJson<'a>>,
    /// Σ weight × score ÷ 100, rounded to three decimals; `null` while an
    /// aspect has no score (see `missing`).
    index: Option<f64>,
    missing: Vec<Aspect>,
    dimensions: Vec<DimensionJson<'a>>,
    evidence_open: Vec<EvidenceJson<'a>>,
    gaps: Vec<GapJson<'a>>,
    results: Vec<&'a crate::plan::model::OfficialResult>,
    /// Each official result's year with the estimate for it, rounded to
    /// three decimals, and estimate − official.
    past: Vec<PastJson>,
}

#[derive(Serialize)]
struct PastJson {
    year: i32,
    official: f64,
    estimate: Option<f64>,
    off_by: Option<f64>,
}

#[derive(Serialize)]
struct AspectJson<'a> {
    aspect: Aspect,
    weight: f64,
    measured_percent: Option<f64>,
    score: Option<f64>,
    /// `measured`, `self_assessment`, `survey`, `official` or `missing`.
    from: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
}

#[derive(Serialize)]
struct DimensionJson<'a> {
    id: &'a str,
    name: &'a str,
    baseline_percent: Option<f64>,
    output_percent: Option<f64>,
    outcome_percent: Option<f64>,
    impact_percent: Option<f64>,
    quick_win_percent: Option<f64>,
    physical_percent: Option<f64>,
    absorption_percent: Option<f64>,
    /// Rupiah over the budget lines with spending reported.
    allocated: u128,
    spent: u128,
}

#[derive(Serialize)]
struct EvidenceJson<'a> {
    program: &'a str,
    lead: String,
    name: &'a str,
    kind: &'static str,
    state: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    link: &'a str,
}

#[derive(Serialize)]
struct GapJson<'a> {
    program: &'a str,
    physical_percent: Option<f64>,
    absorption_percent: Option<f64>,
    /// `spent_ahead` or `work_ahead`.
    gap: &'static str,
}

pub(crate) fn json(plan: &Plan, est: &Estimate) -> serde_json::Value {
    serde_json::to_value(json_of(plan, est)).unwrap_or(serde_json::Value::Null)
}

fn json_of<'a>(plan: &'a Plan, est: &Estimate<'a>) -> EvaluationJson<'a> {
    let opt2 = |v: Option<f64>| v.map(round2);
    EvaluationJson {
        year: est.year,
        statuses: est.statuses.key(),
        targets_measured: est.total.measured.part as usize,
        targets_missing: est.total.targets_missing(),
        weights: est.weights,
        weights_default: est.weights_default,
        aspects: est
            .aspects
            .iter()
            .map(|a| AspectJson {
                aspect: a.aspect,
                weight: a.weight,
                measured_percent: opt2(a.measured),
                score: opt2(a.score()),
                from: a.from.key(),
                note: match a.from {
                    From::Officer(s) => &s.note,
                    _ => "",
                },
            })
            .collect(),
        index: est.index().map(round3),
        missing: est.missing(),
        dimensions: est
            .dimensions
            .iter()
            .map(|(d, m)| {
                let mut tally = Tally::new(est.year);
                for p in plan.programs.iter().filter(|p| p.dimension == d.id) {
                    tally.add(p);
                }
                DimensionJson {
                    id: &d.id,
                    name: &d.name,
                    baseline_percent: opt2(m.percent(Aspect::Baseline)),
                    output_percent: opt2(m.percent(Aspect::Output)),
                    outcome_percent: opt2(m.percent(Aspect::Outcome)),
                    impact_percent: opt2(m.percent(Aspect::Impact)),
                    quick_win_percent: opt2(m.percent(Aspect::QuickWin)),
                    physical_percent: opt2(tally.physical()),
                    absorption_percent: opt2(tally.absorption()),
                    allocated: tally.allocated,
                    spent: tally.spent,
                }
            })
            .collect(),
        evidence_open: crate::plan::evaluation::evidence_open(plan)
            .into_iter()
            .map(|(p, ev)| EvidenceJson {
                program: &p.id,
                lead: lead(p, plan),
                name: &ev.name,
                kind: ev.kind.key(),
                state: ev.state.key(),
                link: &ev.link,
            })
            .collect(),
        gaps: plan
            .programs
            .iter()
            .filter_map(|p| {
                progress::gap(p, est.year).map(|g| GapJson {
                    program: &p.id,
                    physical_percent: opt2(progress::physical_in(p, est.year)),
                    absorption_percent: opt2(progress::absorption_in(p, est.year)),
                    gap: match g {
                        Gap::SpentAhead => "spent_ahead",
                        Gap::WorkAhead => "work_ahead",
                    },
                })
            })
            .collect(),
        results: est.results.clone(),
        past: est
            .past
            .iter()
            .map(|p| PastJson {
                year: p.result.year,
                official: p.result.index,
                estimate: p.estimate.map(round3),
                off_by: p.off_by().map(round3),
            })
            .collect(),
    }
}

// ---------------------------------------------------------------- screen

/// What a line of the evaluation view is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A section's heading (the first one carries the index).
    Heading,
    /// A table's column titles and rule.
    Header,
    Row,
    /// The sentences that explain how figures were made.
    Note,
    Blank,
}

/// The evaluation laid out for the interface: the same sections as the
/// report, in lines of the screen's width, and where each aspect's row is
/// (the rows a self-assessment is entered on).
#[derive(Debug, Clone, Default)]
pub struct Screen {
    pub lines: Vec<(LineKind, String)>,
    pub aspects: Vec<usize>,
}

pub(crate) fn screen(ctx: &Ctx) -> Screen {
    use super::document::Block;
    use super::layout::table;
    let (w, g) = (ctx.request.width, &ctx.g);
    let mut out = Screen::default();
    let mut section = 0;
    let mut notes: Vec<&String> = Vec::new();
    let document = document(ctx);
    for block in &document.blocks {
        match block {
            Block::Heading(_, title) => {
                if !out.lines.is_empty() {
                    out.lines.push((LineKind::Blank, String::new()));
                    section += 1;
                }
                out.lines
                    .push((LineKind::Heading, crate::text::fit(title, w, g.ellipsis)));
                notes.clear();
            }
            Block::Note(text) => notes.push(text),
            Block::Table(t) if t.rows.is_empty() => {
                out.lines
                    .push((LineKind::Note, format!("  {}", ctx.r().none)));
            }
            // On screen the table comes first, the sentences explain it below.
            Block::Table(t) => {
                let rows = super::layout::cells(t, ctx.lang);
                for (i, line) in table(&super::layout::columns(t), &rows, w, 1, true, g)
                    .into_iter()
                    .enumerate()
                {
                    if section == 0 && i >= 2 {
                        out.aspects.push(out.lines.len());
                    }
                    let kind = if i < 2 {
                        LineKind::Header
                    } else {
                        LineKind::Row
                    };
                    out.lines.push((kind, line));
                }
                for line in &notes {
                    for l in crate::text::wrap(line, w.saturating_sub(1).max(20)) {
                        out.lines.push((LineKind::Note, format!(" {l}")));
                    }
                }
            }
            _ => {}
        }
    }
    out
}
