//! The spreadsheet layout: the tables pantau writes as CSV and XLSX and reads
//! back with `pantau import`. One registry of columns per table says, for
//! each column, its header in both languages, the cell it writes and the
//! field it sets on import, so what is exported is exactly what imports.
//!
//! A table's columns are either a field of the plan (imported) or a figure
//! pantau works out, such as the count of overdue milestones or a target's
//! achievement (written for the reader, skipped on import). Every part of a
//! plan has its table, so a workbook imported gives back the plan it was
//! written from.

use super::Ctx;
use crate::i18n::Lang;
use crate::i18n::report::ReportText;
use crate::plan::field::{
    BudgetField, DimensionField, EvidenceField, HeaderField, MilestoneField, ProgramField,
    ScoreField, TargetField,
};
use crate::plan::model::{Aspect, Milestone, Program, Target, is_overdue};
use crate::plan::schema::{BudgetChangeField, PeriodField, SubActivityField};
use crate::plan::schema::{Kind, PROGRAMME};
use std::sync::LazyLock;

/// One cell as pantau writes it: XLSX keeps the type (a number stays a
/// number, a date a date), CSV writes the text.
pub(crate) use super::document::{Cell, Table};

/// The tables of a plan that import reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The plan's own fields, one per row: field, value.
    Plan,
    Programmes,
    Milestones,
    Targets,
    /// Each programme's budget years.
    Budget,
    /// Each programme's evidence documents.
    Evidence,
    /// The plan's dimensions, by id.
    Dimensions,
    /// The evaluation's aspect weights, one row per aspect, or none.
    Weights,
    /// The self-assessment, one row per year and aspect.
    Scores,
    /// The ministry's results, one row per year.
    Results,
    /// The resident survey, one row per year.
    Survey,
    /// Each programme's periods of the fiscal year (quarters, months).
    Periods,
    /// Each programme's budget changes.
    BudgetChanges,
    /// Each programme's sub-activities (kode sub kegiatan).
    SubActivities,
}

impl Sheet {
    /// In the order the workbook has them: the tables of 0.2 first, where
    /// they were.
    pub const ALL: [Sheet; 14] = [
        Sheet::Plan,
        Sheet::Programmes,
        Sheet::Milestones,
        Sheet::Targets,
        Sheet::Budget,
        Sheet::Evidence,
        Sheet::Dimensions,
        Sheet::Weights,
        Sheet::Scores,
        Sheet::Results,
        Sheet::Survey,
        Sheet::Periods,
        Sheet::BudgetChanges,
        Sheet::SubActivities,
    ];

    /// The worksheet's name in `lang` (at most 31 characters, as Excel allows).
    pub fn name(self, lang: Lang) -> &'static str {
        let s = &lang.text().sheets;
        match self {
            Sheet::Plan => s.plan,
            Sheet::Programmes => s.programmes,
            Sheet::Milestones => s.milestones,
            Sheet::Targets => s.targets,
            Sheet::Budget => s.budget,
            Sheet::Evidence => s.evidence,
            Sheet::Dimensions => s.dimensions,
            Sheet::Weights => s.weights,
            Sheet::Scores => s.scores,
            Sheet::Results => s.results,
            Sheet::Survey => s.survey,
            Sheet::Periods => s.periods,
            Sheet::BudgetChanges => s.budget_changes,
            Sheet::SubActivities => s.subactivities,
        }
    }

    /// Whether a programme's rows in this table are its whole list of
    /// something (milestones, targets, budget years, evidence, periods,
    /// budget changes, sub-activities).
    pub(crate) fn lists_items(self) -> bool {
        matches!(
            self,
            Sheet::Milestones
                | Sheet::Targets
                | Sheet::Budget
                | Sheet::Evidence
                | Sheet::Periods
                | Sheet::BudgetChanges
                | Sheet::SubActivities
        )
    }

    /// Whether import reads `column` in this table: not a figure pantau
    /// works out, nor in the tables of a programme's items the programme's
    /// dimension and name, which are there for the reader (the programmes
    /// table sets them).
    pub(crate) fn imports(self, column: Column) -> bool {
        match column {
            Column::Figure(_) => false,
            Column::Dimension | Column::Program(_) if self.lists_items() => {
                column == Column::Program(ProgramField::Id)
            }
            _ => true,
        }
    }

    /// The table's columns, in the order they are written.
    pub(crate) fn columns(self) -> &'static [Column] {
        match self {
            Sheet::Plan => &[Column::Field, Column::Value],
            Sheet::Programmes => programme_columns(),
            Sheet::Milestones => MILESTONES,
            Sheet::Targets => TARGETS,
            Sheet::Budget => BUDGET,
            Sheet::Evidence => EVIDENCE,
            Sheet::Dimensions => DIMENSIONS,
            Sheet::Weights => &[Column::Aspect, Column::Weight],
            Sheet::Scores => SCORES,
            Sheet::Results => RESULTS,
            Sheet::Survey => &[Column::Year, Column::Survey],
            Sheet::Periods => PERIODS,
            Sheet::BudgetChanges => BUDGET_CHANGES,
            Sheet::SubActivities => SUBACTIVITIES,
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// The programme's dimension, by name (its id reads too).
    Dimension,
    Program(ProgramField),
    Milestone(MilestoneField),
    Target(TargetField),
    Budget(BudgetField),
    Evidence(EvidenceField),
    Period(PeriodField),
    BudgetChange(BudgetChangeField),
    SubActivity(SubActivityField),
    /// A dimension's id in the dimensions sheet, and its other fields.
    DimensionId,
    DimensionField(DimensionField),
    /// The plan sheet's two columns.
    Field,
    Value,
    /// The evaluation's sheets: a year, an aspect by its name, an aspect's
    /// weight in percent, a self-assessment's score or note, the ministry's
    /// index and sub-indices and its letter, the survey's result.
    Year,
    Aspect,
    Weight,
    Score(ScoreField),
    Index,
    SubIndex(Aspect),
    Letter,
    Survey,
    /// A figure pantau works out; import skips it.
    Figure(Figure),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Figure {
    Milestones,
    MilestonesDone,
    Overdue,
    NextDue,
    Targets,
    Achievement,
    Band,
    /// A budget year's absorption (serapan), in percent.
    Absorption,
}

use Column::{
    Budget as B, Dimension as Dim, Evidence as E, Figure as Fig, Milestone as M, Program as P,
    Target as T,
};

/// The overview's CSV columns, which are also the programmes sheet: the
/// programme's fields where the schema places them (0.1's columns keep their
/// place), the figures pantau works out between them.
fn programme_columns() -> &'static [Column] {
    static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
        let figures = [
            Figure::Milestones,
            Figure::MilestonesDone,
            Figure::Overdue,
            Figure::NextDue,
            Figure::Targets,
        ];
        let mut placed: Vec<(usize, Column)> = vec![(0, Dim)];
        placed.extend(
            figures
                .into_iter()
                .enumerate()
                .map(|(i, f)| (11 + i, Fig(f))),
        );
        placed.extend(
            PROGRAMME
                .iter()
                .filter_map(|row| Some((row.sheet?, P(row.field)))),
        );
        placed.sort_by_key(|(at, _)| *at);
        placed.into_iter().map(|(_, column)| column).collect()
    });
    &COLUMNS
}

/// Every milestone, in its programme's order.
const MILESTONES: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    M(MilestoneField::Due),
    M(MilestoneField::Title),
    M(MilestoneField::Done),
    M(MilestoneField::Weight),
];

/// The targets report's CSV columns, which are also the targets sheet.
const TARGETS: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    T(TargetField::Year),
    T(TargetField::Indicator),
    T(TargetField::Unit),
    T(TargetField::Baseline),
    T(TargetField::Target),
    T(TargetField::Actual),
    Fig(Figure::Achievement),
    Fig(Figure::Band),
    T(TargetField::Direction),
    T(TargetField::Upper),
    T(TargetField::BaseYear),
    T(TargetField::Source),
    T(TargetField::Definition),
    T(TargetField::Measures),
];

/// Every budget year, in its programme's order.
const BUDGET: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    B(BudgetField::Year),
    B(BudgetField::Allocation),
    B(BudgetField::Spent),
    Fig(Figure::Absorption),
    B(BudgetField::Source),
];

/// Every evidence document, in its programme's order.
const EVIDENCE: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    E(EvidenceField::Name),
    E(EvidenceField::Kind),
    E(EvidenceField::State),
    E(EvidenceField::Link),
];

/// Every period of the fiscal year, in its programme's order.
const PERIODS: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    Column::Period(PeriodField::Year),
    Column::Period(PeriodField::Quarter),
    Column::Period(PeriodField::Month),
    Column::Period(PeriodField::CashPlan),
    Column::Period(PeriodField::Spent),
    Column::Period(PeriodField::Physical),
    Column::Period(PeriodField::Problems),
    Column::Period(PeriodField::FollowUp),
];

/// Every budget change, in its programme's order.
const BUDGET_CHANGES: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    Column::BudgetChange(BudgetChangeField::Year),
    Column::BudgetChange(BudgetChangeField::Date),
    Column::BudgetChange(BudgetChangeField::Allocation),
    Column::BudgetChange(BudgetChangeField::Kind),
    Column::BudgetChange(BudgetChangeField::Note),
];

/// Every sub-activity, in its programme's order.
const SUBACTIVITIES: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    Column::SubActivity(SubActivityField::Code),
    Column::SubActivity(SubActivityField::Name),
    Column::SubActivity(SubActivityField::Agency),
    Column::SubActivity(SubActivityField::Allocation),
];

const DIMENSIONS: &[Column] = &[
    Column::DimensionId,
    Column::DimensionField(DimensionField::Name),
    Column::DimensionField(DimensionField::Lead),
    Column::DimensionField(DimensionField::Elements),
];

const SCORES: &[Column] = &[
    Column::Year,
    Column::Aspect,
    Column::Score(ScoreField::Score),
    Column::Score(ScoreField::Note),
];

const RESULTS: &[Column] = &[
    Column::Year,
    Column::Index,
    Column::SubIndex(Aspect::Baseline),
    Column::SubIndex(Aspect::Output),
    Column::SubIndex(Aspect::Outcome),
    Column::SubIndex(Aspect::Impact),
    Column::SubIndex(Aspect::QuickWin),
    Column::Letter,
];

/// An aspect's name in a sheet's key, as the data file names its weight
/// and sub-index.
pub(crate) fn aspect_key(aspect: Aspect) -> &'static str {
    match aspect {
        Aspect::Baseline => "baseline",
        Aspect::Output => "output",
        Aspect::Outcome => "outcome",
        Aspect::Impact => "impact",
        Aspect::QuickWin => "quick_win",
    }
}

/// An aspect's name in `lang`, as the evaluation report writes it.
pub(crate) fn aspect_word(aspect: Aspect, lang: Lang) -> &'static str {
    let i = Aspect::ALL.iter().position(|&a| a == aspect).unwrap_or(0);
    lang.evaluation().aspects[i]
}

impl Column {
    /// The header in `lang`: the report's column names where a report has
    /// the column, else the edit form's label.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        let r: &ReportText = lang.report();
        let f = &lang.text().forms.fields;
        match self {
            Column::Dimension => r.dimension,
            Column::Program(p) => p.heading(lang),
            Column::Milestone(m) => match m {
                MilestoneField::Title => r.milestone,
                MilestoneField::Due => r.due,
                MilestoneField::Done => r.done,
                MilestoneField::Weight => f.weight,
            },
            Column::Target(x) => match x {
                TargetField::Year => r.year,
                TargetField::Indicator => r.indicator,
                TargetField::Unit => r.unit,
                TargetField::Baseline => r.baseline,
                TargetField::Target => r.target,
                TargetField::Actual => r.actual,
                other => other.label(lang),
            },
            Column::Budget(b) => b.label(lang),
            Column::Evidence(e) => e.label(lang),
            Column::Period(x) => x.label(lang),
            Column::BudgetChange(c) => c.label(lang),
            Column::SubActivity(x) => x.label(lang),
            Column::DimensionId => f.id,
            Column::DimensionField(d) => d.label(lang),
            Column::Field => lang.text().sheets.field,
            Column::Value => r.value,
            Column::Year => r.year,
            Column::Aspect => lang.evaluation().aspect,
            Column::Weight => lang.evaluation().weight,
            Column::Score(s) => s.label(lang),
            Column::Index => lang.evaluation().index,
            Column::SubIndex(a) => aspect_word(a, lang),
            Column::Letter => lang.evaluation().letter,
            Column::Survey => lang.text().sheets.survey_result,
            Column::Figure(g) => match g {
                Figure::Milestones => r.milestones,
                Figure::MilestonesDone => r.milestones_done,
                Figure::Overdue => r.overdue,
                Figure::NextDue => r.next_due,
                Figure::Targets => r.targets,
                Figure::Achievement => r.achievement,
                Figure::Band => r.band,
                Figure::Absorption => lang.evaluation().absorption,
            },
        }
    }

    /// The name the data file and `pantau set` use, which a header may also be.
    pub(crate) fn key(self) -> Option<&'static str> {
        match self {
            Column::Dimension => Some("dimension"),
            Column::Program(p) => Some(p.name()),
            Column::Milestone(m) => Some(m.name()),
            Column::Target(x) => Some(x.name()),
            Column::Budget(b) => Some(b.name()),
            Column::Evidence(e) => Some(e.name()),
            Column::Period(x) => Some(x.name()),
            Column::BudgetChange(c) => Some(c.name()),
            Column::SubActivity(x) => Some(x.name()),
            Column::DimensionId => Some("id"),
            Column::DimensionField(d) => Some(d.name()),
            Column::Field => Some("field"),
            Column::Value => Some("value"),
            Column::Year => Some("year"),
            Column::Aspect => Some("aspect"),
            Column::Weight => Some("weight"),
            Column::Score(s) => Some(s.name()),
            Column::Index => Some("index"),
            Column::SubIndex(a) => Some(aspect_key(a)),
            Column::Letter => Some("letter"),
            Column::Survey => Some("survey"),
            Column::Figure(_) => None,
        }
    }

    /// How many characters wide the column starts in a workbook: room for
    /// names and notes, less for codes and figures.
    fn width(self) -> f64 {
        match self {
            Column::Program(
                ProgramField::Name | ProgramField::Description | ProgramField::Notes,
            )
            | Column::Milestone(MilestoneField::Title)
            | Column::Target(TargetField::Indicator | TargetField::Definition)
            | Column::Evidence(EvidenceField::Name)
            | Column::Period(PeriodField::Problems | PeriodField::FollowUp)
            | Column::SubActivity(SubActivityField::Name)
            | Column::DimensionField(DimensionField::Elements)
            | Column::Score(ScoreField::Note)
            | Column::Value => 48.0,
            Column::Program(ProgramField::Lead | ProgramField::Support)
            | Column::Target(TargetField::Source)
            | Column::Evidence(EvidenceField::Link)
            | Column::DimensionField(DimensionField::Lead)
            | Column::BudgetChange(BudgetChangeField::Note)
            | Column::SubActivity(SubActivityField::Agency)
            | Column::Letter => 28.0,
            Column::Dimension
            | Column::Field
            | Column::Program(_)
            | Column::DimensionId
            | Column::DimensionField(_)
            | Column::Budget(BudgetField::Allocation | BudgetField::Spent)
            | Column::Period(PeriodField::CashPlan | PeriodField::Spent)
            | Column::BudgetChange(BudgetChangeField::Allocation | BudgetChangeField::Date)
            | Column::SubActivity(SubActivityField::Code | SubActivityField::Allocation)
            | Column::Aspect => 16.0,
            _ => 12.0,
        }
    }
}

/// An empty table of `sheet`: its worksheet's name, its columns' headers and widths.
fn table_of(sheet: Sheet, lang: Lang) -> Table {
    Table::sheet(
        sheet.name(lang).to_string(),
        sheet.columns().iter().map(|c| (c.header(lang), c.width())),
    )
}

/// The programmes the report covers, each with its dimension's name: by
/// dimension for a report, in the plan's order for the workbook (so that a
/// new plan made from it lists them as the plan did).
fn covered<'a>(ctx: &Ctx<'a>, by_dimension: bool) -> Vec<(&'a str, &'a Program)> {
    if by_dimension {
        let groups = ctx.sel.groups.iter();
        return groups
            .flat_map(|g| g.programs.iter().map(|p| (g.dimension.name.as_str(), *p)))
            .collect();
    }
    let plan = ctx.plan;
    (plan.programs.iter())
        .filter(|p| ctx.sel.keeps(p))
        .map(|p| {
            let dimension = plan.dimension(&p.dimension);
            (dimension.map_or("", |d| d.name.as_str()), p)
        })
        .collect()
}

/// The programmes the report covers, one row each: by dimension for the
/// overview's CSV, in the plan's order for the workbook.
pub(crate) fn programmes(ctx: &Ctx, by_dimension: bool) -> Table {
    let mut table = table_of(Sheet::Programmes, ctx.lang);
    for (dimension, p) in covered(ctx, by_dimension) {
        let row = programme_columns()
            .iter()
            .map(|&c| program_cell(ctx, dimension, p, c))
            .collect();
        table.rows.push(row);
    }
    table
}

fn program_cell(ctx: &Ctx, dimension: &str, p: &Program, column: Column) -> Cell {
    let count = |n: usize| Cell::Int(n as i64);
    match column {
        Column::Dimension => Cell::Text(dimension.to_string()),
        Column::Program(f) => {
            let value = f.get(p);
            match (f.kind(), value.parse()) {
                (Kind::Year, Ok(year)) => Cell::Int(year),
                // Statuses and horizons in words, as the views show them.
                (kind, _) => Cell::Text(
                    ctx.lang
                        .text()
                        .word(kind, &value)
                        .map_or(value, String::from),
                ),
            }
        }
        Column::Figure(Figure::Milestones) => count(p.milestones.len()),
        Column::Figure(Figure::MilestonesDone) => {
            count(p.milestones.iter().filter(|m| m.done).count())
        }
        Column::Figure(Figure::Overdue) => count(
            p.milestones
                .iter()
                .filter(|m| is_overdue(p, m, ctx.today))
                .count(),
        ),
        Column::Figure(Figure::NextDue) => {
            // A closed program's open milestones are no one's to chase.
            let next = p
                .milestones
                .iter()
                .filter(|m| !m.done && !p.status.is_closed())
                .filter_map(Milestone::due_date)
                .min();
            next.map_or_else(|| Cell::Text(String::new()), Cell::Date)
        }
        Column::Figure(Figure::Targets) => count(p.targets.len()),
        _ => Cell::Text(String::new()),
    }
}

/// Every milestone of the programmes the report covers, in each programme's order.
pub(crate) fn milestones(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Milestones, ctx.lang);
    for (dimension, p) in covered(ctx, false) {
        for m in &p.milestones {
            let row = MILESTONES
                .iter()
                .map(|&c| match c {
                    Column::Milestone(MilestoneField::Due) => m
                        .due_date()
                        .map_or_else(|| Cell::Text(m.due.clone()), Cell::Date),
                    Column::Milestone(MilestoneField::Done) => Cell::Bool(m.done),
                    Column::Milestone(MilestoneField::Weight) => Cell::Num(m.weight),
                    Column::Milestone(MilestoneField::Title) => Cell::Text(m.title.clone()),
                    other => program_cell(ctx, dimension, p, other),
                })
                .collect();
            table.rows.push(row);
        }
    }
    table
}

/// The targets of the programmes the report covers: by year for the
/// targets report, in each programme's order for the workbook (so that a
/// new plan made from it lists them as the plan did).
pub(crate) fn targets(ctx: &Ctx, by_year: bool) -> Table {
    let mut table = table_of(Sheet::Targets, ctx.lang);
    let mut push = |dimension: &str, p: &Program, x: &Target| {
        let row = TARGETS
            .iter()
            .map(|&c| target_cell(ctx, dimension, p, x, c))
            .collect();
        table.rows.push(row);
    };
    if by_year {
        for (dimension, items) in &ctx.targets().groups {
            for item in items {
                push(&dimension.name, item.program, item.target);
            }
        }
    } else {
        for (dimension, p) in covered(ctx, false) {
            for x in &p.targets {
                push(dimension, p, x);
            }
        }
    }
    table
}

fn target_cell(ctx: &Ctx, dimension: &str, p: &Program, x: &Target, column: Column) -> Cell {
    let capaian = || ctx.capaian(x);
    match column {
        Column::Target(f) => match f {
            TargetField::Year => Cell::Int(i64::from(x.year)),
            TargetField::Baseline => Cell::Num(x.baseline),
            TargetField::Target => Cell::Num(Some(x.target)),
            TargetField::Actual => Cell::Num(x.actual),
            TargetField::Upper => Cell::Num(x.upper),
            // In words, as the status is: import reads both.
            TargetField::Direction => Cell::Text(x.direction.word(ctx.lang).to_string()),
            TargetField::BaseYear => x
                .base_year
                .map_or_else(|| Cell::Text(String::new()), |y| Cell::Int(i64::from(y))),
            TargetField::Indicator => Cell::Text(x.indicator.clone()),
            TargetField::Unit => Cell::Text(x.unit.clone()),
            TargetField::Source => Cell::Text(x.source.clone()),
            TargetField::Definition => Cell::Text(x.definition.clone()),
            // In words, as the form offers it: import reads either language's.
            TargetField::Measures => Cell::Text(x.measures.word(ctx.lang).to_string()),
        },
        Column::Figure(Figure::Achievement) => Cell::Decimal(capaian().figure()),
        Column::Figure(Figure::Band) => {
            Cell::Text(capaian().verdict(ctx.lang, ctx.plan.bands).to_string())
        }
        other => program_cell(ctx, dimension, p, other),
    }
}

/// The plan's own fields, one row each.
pub(crate) fn plan(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Plan, ctx.lang);
    let header = crate::plan::edit::Header::of(ctx.plan);
    for &f in HeaderField::ALL {
        let value = match f {
            HeaderField::PeriodStart | HeaderField::PeriodEnd => {
                Cell::Int(f.get(&header).parse().unwrap_or_default())
            }
            _ => Cell::Text(f.get(&header)),
        };
        table
            .rows
            .push(vec![Cell::Text(f.label(ctx.lang).to_string()), value]);
    }
    table
}

/// Every budget year of the programmes the report covers, in each
/// programme's order.
pub(crate) fn budget(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Budget, ctx.lang);
    for (dimension, p) in covered(ctx, false) {
        for b in &p.budget {
            let row = BUDGET
                .iter()
                .map(|&c| match c {
                    Column::Budget(BudgetField::Year) => Cell::Int(i64::from(b.year)),
                    Column::Budget(BudgetField::Allocation) => Cell::Num(Some(b.allocation)),
                    Column::Budget(BudgetField::Spent) => Cell::Num(b.spent),
                    Column::Budget(BudgetField::Source) => Cell::Text(b.source.clone()),
                    Column::Figure(Figure::Absorption) => Cell::Decimal(b.absorption()),
                    other => program_cell(ctx, dimension, p, other),
                })
                .collect();
            table.rows.push(row);
        }
    }
    table
}

/// Every evidence document of the programmes the report covers, in each
/// programme's order; kinds and states in words, as the form offers them.
pub(crate) fn evidence(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Evidence, ctx.lang);
    for (dimension, p) in covered(ctx, false) {
        for e in &p.evidence {
            let row = EVIDENCE
                .iter()
                .map(|&c| match c {
                    Column::Evidence(EvidenceField::Name) => Cell::Text(e.name.clone()),
                    Column::Evidence(EvidenceField::Kind) => {
                        Cell::Text(e.kind.word(ctx.lang).to_string())
                    }
                    Column::Evidence(EvidenceField::State) => {
                        Cell::Text(e.state.word(ctx.lang).to_string())
                    }
                    Column::Evidence(EvidenceField::Link) => Cell::Text(e.link.clone()),
                    other => program_cell(ctx, dimension, p, other),
                })
                .collect();
            table.rows.push(row);
        }
    }
    table
}

/// The fiscal year's lists of the programmes the report covers, each in
/// its programme's order: periods, budget changes, sub-activities.
pub(crate) fn fiscal(ctx: &Ctx) -> [Table; 3] {
    let lang = ctx.lang;
    let small =
        |v: Option<u8>| v.map_or_else(|| Cell::Text(String::new()), |n| Cell::Int(n.into()));
    let mut periods = table_of(Sheet::Periods, lang);
    let mut changes = table_of(Sheet::BudgetChanges, lang);
    let mut subactivities = table_of(Sheet::SubActivities, lang);
    for (dimension, p) in covered(ctx, false) {
        let row = |columns: &[Column], cell: &dyn Fn(Column) -> Option<Cell>| {
            (columns.iter())
                .map(|&c| cell(c).unwrap_or_else(|| program_cell(ctx, dimension, p, c)))
                .collect::<Vec<Cell>>()
        };
        for x in &p.periods {
            periods.rows.push(row(PERIODS, &|c| {
                Some(match c {
                    Column::Period(f) => match f {
                        PeriodField::Year => Cell::Int(i64::from(x.year)),
                        PeriodField::Quarter => small(x.quarter),
                        PeriodField::Month => small(x.month),
                        PeriodField::CashPlan => Cell::Num(x.cash_plan),
                        PeriodField::Spent => Cell::Num(x.spent),
                        PeriodField::Physical => Cell::Num(x.physical),
                        PeriodField::Problems => Cell::Text(x.problems.clone()),
                        PeriodField::FollowUp => Cell::Text(x.follow_up.clone()),
                    },
                    _ => return None,
                })
            }));
        }
        for x in &p.budget_changes {
            changes.rows.push(row(BUDGET_CHANGES, &|c| {
                Some(match c {
                    Column::BudgetChange(f) => match f {
                        BudgetChangeField::Year => Cell::Int(i64::from(x.year)),
                        BudgetChangeField::Date => crate::plan::model::parse_date(&x.date)
                            .map_or_else(|| Cell::Text(x.date.clone()), Cell::Date),
                        BudgetChangeField::Allocation => Cell::Num(Some(x.allocation)),
                        BudgetChangeField::Kind => Cell::Text(x.kind.word(lang).to_string()),
                        BudgetChangeField::Note => Cell::Text(x.note.clone()),
                    },
                    _ => return None,
                })
            }));
        }
        for x in &p.subactivities {
            subactivities.rows.push(row(SUBACTIVITIES, &|c| {
                Some(match c {
                    Column::SubActivity(f) => match f {
                        SubActivityField::Allocation => Cell::Num(x.allocation),
                        other => Cell::Text(other.get(x)),
                    },
                    _ => return None,
                })
            }));
        }
    }
    [periods, changes, subactivities]
}

/// The plan's dimensions, all of them whatever the report covers: the
/// programmes sheet names them.
pub(crate) fn dimensions(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Dimensions, ctx.lang);
    for d in &ctx.plan.dimensions {
        let mut row = vec![Cell::Text(d.id.clone())];
        row.extend(DimensionField::ALL.iter().map(|f| Cell::Text(f.get(d))));
        table.rows.push(row);
    }
    table
}

/// The evaluation's four tables: aspect weights (none when the plan keeps
/// the default), self-assessment, official results, survey.
pub(crate) fn evaluation(ctx: &Ctx) -> [Table; 4] {
    let (lang, e) = (ctx.lang, &ctx.plan.evaluation);
    let aspect = |a: Aspect| Cell::Text(aspect_word(a, lang).to_string());
    let year = |y: i32| Cell::Int(i64::from(y));
    let mut weights = table_of(Sheet::Weights, lang);
    if let Some(w) = e.weights {
        for a in Aspect::ALL {
            weights.rows.push(vec![aspect(a), Cell::Num(Some(w.of(a)))]);
        }
    }
    let mut scores = table_of(Sheet::Scores, lang);
    for s in &e.scores {
        scores.rows.push(vec![
            year(s.year),
            aspect(s.aspect),
            Cell::Num(Some(s.score)),
            Cell::Text(s.note.clone()),
        ]);
    }
    let mut results = table_of(Sheet::Results, lang);
    for r in &e.results {
        let mut row = vec![year(r.year), Cell::Num(Some(r.index))];
        row.extend(Aspect::ALL.map(|a| Cell::Num(r.sub_index(a))));
        row.push(Cell::Text(r.letter.clone()));
        results.rows.push(row);
    }
    let mut survey = table_of(Sheet::Survey, lang);
    for (&y, &v) in &e.survey {
        survey.rows.push(vec![year(y), Cell::Num(Some(v))]);
    }
    [weights, scores, results, survey]
}

/// The tables as one XLSX workbook: a worksheet per table, the header row
/// bold and frozen, numbers and dates as such, columns sized for their data.
pub(crate) fn xlsx(tables: &[Table]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    let two_decimals = Format::new().set_num_format("0.00");
    // The same bytes for the same plan: no creation time from the clock.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    for table in tables {
        let sheet = book.add_worksheet();
        // Excel refuses these characters in a worksheet's name, and more than 31.
        let name: String = table
            .name
            .chars()
            .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
            .take(31)
            .collect();
        sheet.set_name(name.trim_matches('\''))?;
        for (col, column) in table.cols.iter().enumerate() {
            let (col, name) = (col as u16, &column.title);
            sheet.write_string_with_format(0, col, name, &bold)?;
            sheet.set_column_width(col, column.width.max(name.chars().count() as f64 + 2.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (i, row) in table.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let col = col as u16;
                match cell {
                    Cell::Text(s) if s.is_empty() => {}
                    Cell::Text(s) if s.contains('\n') => {
                        sheet.write_string_with_format(r, col, s, &wrap)?;
                    }
                    Cell::Text(s) => {
                        sheet.write_string(r, col, s)?;
                    }
                    Cell::Word { full, .. } => {
                        sheet.write_string(r, col, *full)?;
                    }
                    Cell::Int(n) => {
                        sheet.write_number(r, col, *n as f64)?;
                    }
                    Cell::Num(None) | Cell::Decimal(None) => {}
                    Cell::Decimal(Some(v)) => {
                        sheet.write_number_with_format(r, col, *v, &two_decimals)?;
                    }
                    Cell::Num(Some(v)) => {
                        sheet.write_number(r, col, *v)?;
                    }
                    Cell::Date(d) => {
                        let when = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        sheet.write_datetime_with_format(r, col, &when, &date)?;
                    }
                    Cell::Bool(b) => {
                        sheet.write_boolean(r, col, *b)?;
                    }
                }
            }
        }
        if !table.rows.is_empty() {
            sheet.autofilter(
                0,
                0,
                table.rows.len() as u32,
                table.cols.len().max(1) as u16 - 1,
            )?;
        }
    }
    book.save_to_buffer()
}

/// The tables and their columns in `lang`, for `pantau help import`:
/// written from the registry above, so it always says what import reads.
pub fn reference(lang: Lang) -> String {
    let s = &lang.text().sheets;
    let other = match lang {
        Lang::En => Lang::Id,
        Lang::Id => Lang::En,
    };
    let mut out = format!("{}\n", s.help_intro);
    for sheet in Sheet::ALL {
        out.push_str(&format!("\n{} ({})\n", sheet.name(lang), sheet.name(other)));
        for &c in sheet.columns() {
            let key = c.key().map_or_else(String::new, |k| format!(" ({k})"));
            let mark = if sheet.imports(c) { "" } else { " *" };
            out.push_str(&format!("  {}{key}{mark}\n", c.header(lang)));
        }
        if sheet == Sheet::Plan {
            out.push_str(&format!("  {}:\n", s.help_fields));
            for f in HeaderField::ALL {
                out.push_str(&format!("    {} ({})\n", f.label(lang), f.name()));
            }
        }
    }
    out.push_str(&format!("\n{}\n\n{}\n", s.help_figures, s.help_rules));
    out.push_str(&format!("\n{}\n", s.sipd_help_intro));
    for column in s.sipd_help_columns {
        out.push_str(&format!("  {column}\n"));
    }
    out.push_str(&format!("\n{}\n", s.sipd_help_rules));
    out
}
