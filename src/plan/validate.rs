//! Checks a parsed plan and reports every problem at once, each with its program.
//!
//! An officer fixing a hand-edited file should see the whole list in one run,
//! not one error per attempt. A problem is a value (what is wrong, with the
//! file's own raw values); the strings put it in words (`i18n::validate`),
//! escaping what came from the file.

use crate::plan::edit::Edit;
use crate::plan::field::{is_link, other_scheme};
use crate::plan::followup::{FollowUp, FollowUpStatus};
use crate::plan::model::{
    Aspect, Direction, FORMAT_VERSION, MAX_SCORE, Period, Plan, Program, parse_date,
};
use crate::plan::schema::FollowUpField;
use crate::plan::schema::Item;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Names, titles and other one-line text.
pub const MAX_LINE_CHARS: usize = 2_000;
/// Notes and descriptions, which may run to several paragraphs.
pub const MAX_NOTE_CHARS: usize = 100_000;
/// The years a plan's period may use, and how long it may be.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;
pub const MAX_PERIOD_YEARS: i32 = 100;

/// What is wrong with a follow-up.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowUpProblem {
    NoId,
    /// Another follow-up of the same list has its id.
    Duplicate,
    NoWhat,
    /// The PIC or the agency is empty.
    Empty(FollowUpField),
    /// The PIC or the agency holds control characters (escaped when shown).
    Control(FollowUpField, String),
    /// A date field that is not a `YYYY-MM-DD` date; the deadline must be one.
    Date(FollowUpField, String),
    /// The deadline lies before the day it was set: its `created` date, else
    /// the meeting's or letter's.
    DeadlineBefore {
        deadline: jiff::civil::Date,
        set: jiff::civil::Date,
    },
    /// Dropped without a reason.
    NoReason,
}

/// One thing wrong in a plan, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The program the problem is in, when it is in one.
    pub program: Option<String>,
    /// Index into `plan.programs`, used to find the problem's line in the file.
    pub program_index: Option<usize>,
    pub kind: ProblemKind,
}

/// What is wrong, with the values as the file has them (unescaped: the
/// strings escape them when they put them in words). Items (`number`) and
/// dimensions count from 1, as an officer counts them in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file's format version is not the one this pantau reads.
    Version {
        found: u32,
    },
    PeriodReversed {
        period: Period,
    },
    /// The period lies outside [`MIN_YEAR`]–[`MAX_YEAR`] or spans more than
    /// [`MAX_PERIOD_YEARS`].
    PeriodRange {
        period: Period,
    },
    EmptyTitle,
    RegionCode {
        code: String,
    },
    DimensionEmptyId {
        number: usize,
    },
    DimensionDuplicate {
        id: String,
    },
    DimensionEmptyName {
        id: String,
    },
    /// A text longer than `max` characters; `field` names it as the file does.
    TooLong {
        field: &'static str,
        chars: usize,
        max: usize,
    },
    EvaluationWeightNegative,
    /// The aspect weights add up to `sum`, not 100.
    EvaluationWeightSum {
        sum: f64,
    },
    EvaluationScore {
        year: i32,
        aspect: Aspect,
        score: f64,
    },
    /// A year's result has an index or sub-index off the 0–[`MAX_SCORE`] scale.
    EvaluationResult {
        year: i32,
    },
    /// Program `number` (its place in the file) has no id.
    EmptyId {
        number: usize,
    },
    DuplicateId,
    EmptyName,
    /// `defined` and `elements` are shared by every problem that lists
    /// them: a plan of thousands of elements and programmes stays linear.
    UnknownDimension {
        dimension: String,
        defined: Arc<[String]>,
    },
    UnknownElement {
        element: String,
        dimension: String,
        elements: Arc<[String]>,
    },
    EndBeforeStart {
        start: i32,
        end: i32,
    },
    /// The program's `start` or `end` (`field`) lies outside the plan's period.
    YearOutside {
        field: &'static str,
        year: i32,
        period: Period,
    },
    MilestoneTitle {
        number: usize,
    },
    MilestoneDate {
        number: usize,
        due: String,
    },
    /// A milestone's weight outside 0–100 (or not a number).
    WeightRange {
        number: usize,
        weight: f64,
    },
    /// The milestones' weights add up to `sum`: above 100, or not 100 when
    /// every milestone has one.
    WeightSum {
        sum: f64,
    },
    TargetYear {
        number: usize,
        year: i32,
        period: Period,
    },
    TargetIndicator {
        number: usize,
    },
    TargetNumber {
        number: usize,
        value: f64,
    },
    RangeUpper {
        number: usize,
    },
    RangeReversed {
        number: usize,
        target: f64,
        upper: f64,
    },
    /// Follow-up `number` (counting from 1 in its list: the programme's, or
    /// the plan's own), whose id is `id`.
    FollowUp {
        number: usize,
        id: String,
        problem: FollowUpProblem,
    },
    BudgetYear {
        number: usize,
        year: i32,
        period: Period,
    },
    BudgetDuplicate {
        number: usize,
        year: i32,
    },
    BudgetAmount {
        number: usize,
        value: f64,
    },
    EvidenceName {
        number: usize,
    },
    /// An evidence link with a scheme other than http, https or file.
    EvidenceScheme {
        number: usize,
        scheme: String,
    },
    EvidenceLink {
        number: usize,
        link: String,
    },
    /// Spending above the allocation: an edit may not bring it, though a
    /// file that has it loads (see [`overspending_added`]).
    Overspent {
        number: usize,
        year: i32,
        spent: f64,
        allocation: f64,
    },
    /// A warning, never a refusal: a milestone due outside its programme's
    /// years (`period`).
    MilestoneOutside {
        number: usize,
        title: String,
        due: jiff::civil::Date,
        period: Period,
    },
    /// A warning, never a refusal: two targets of one programme for the same
    /// year and indicator (a merge keeps both: each officer's work stays);
    /// `number` the later, `first` the earlier, counting from 1.
    TargetRepeated {
        number: usize,
        first: usize,
        year: i32,
        indicator: String,
    },
    /// A hint, never a refusal: a `Range` is good only within its bounds,
    /// and most ranges are better on one side (plan::achievement).
    PlainRange {
        number: usize,
        lower: f64,
        upper: f64,
    },
    // The fiscal year inside a programme (plan::year): `number` counts the
    // item in its list (`list`) from 1; a period is named by its year,
    // quarter or month.
    /// A period's or budget change's year outside the plan's period.
    FiscalYear {
        list: Item,
        number: usize,
        year: i32,
        period: Period,
    },
    /// A period with neither a quarter nor a month, both, or one out of range.
    PeriodWhen {
        number: usize,
        year: i32,
    },
    /// The same quarter or month of a year twice; `first` the earlier.
    PeriodRepeated {
        number: usize,
        first: usize,
        when: When,
    },
    /// An amount below zero or not a number.
    FiscalAmount {
        list: Item,
        number: usize,
        value: f64,
    },
    /// Physical progress outside 0–100 (or not a number).
    PhysicalRange {
        number: usize,
        when: When,
        value: f64,
    },
    /// Physical progress is cumulative over the year: it may not go down.
    PhysicalDown {
        number: usize,
        when: When,
        value: f64,
        before: f64,
    },
    /// A quarter entered beside its months with other figures than theirs.
    MonthsDisagree {
        number: usize,
        when: When,
    },
    /// A budget change's date malformed or outside its year.
    ChangeDate {
        number: usize,
        year: i32,
        date: String,
    },
    SubActivityCode {
        number: usize,
        code: String,
    },
    /// Spending to the end of a period above the pagu then: an error to
    /// fix with a budget change, like [`ProblemKind::Overspent`].
    PeriodOverspent {
        when: When,
        spent: f64,
        pagu: f64,
    },
    /// A warning: one sub-activity code in two programmes with different
    /// allocations (`other`, its allocation there).
    CodeConflict {
        number: usize,
        code: String,
        allocation: f64,
        other: String,
        other_allocation: f64,
    },
}

/// A period of a fiscal year, as a problem names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct When {
    pub year: i32,
    pub quarter: Option<u8>,
    pub month: Option<u8>,
}

impl When {
    pub fn of(x: &crate::plan::year::FiscalPeriod) -> When {
        When {
            year: x.year,
            quarter: x.quarter,
            month: x.month,
        }
    }
}

pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut plan_problem = |kind: ProblemKind| {
        problems.push(Problem {
            program: None,
            program_index: None,
            kind,
        });
    };
    if plan.version != FORMAT_VERSION {
        plan_problem(ProblemKind::Version {
            found: plan.version,
        });
    }
    if plan.period.end < plan.period.start {
        plan_problem(ProblemKind::PeriodReversed {
            period: plan.period,
        });
    }
    // A masterplan spans 5–10 years; bounding the period keeps every year
    // computation (timeline columns, reports) small and free of overflow.
    if plan.period.start < MIN_YEAR
        || plan.period.end > MAX_YEAR
        || plan.period.end - plan.period.start > MAX_PERIOD_YEARS
    {
        plan_problem(ProblemKind::PeriodRange {
            period: plan.period,
        });
    }
    if plan.title.trim().is_empty() {
        plan_problem(ProblemKind::EmptyTitle);
    }
    if !plan.code.is_empty() && !crate::plan::model::is_region_code(&plan.code) {
        plan_problem(ProblemKind::RegionCode {
            code: plan.code.clone(),
        });
    }
    for (label, value) in [
        ("region", &plan.region),
        ("province", &plan.province),
        ("title", &plan.title),
    ] {
        check_length(label, value, MAX_LINE_CHARS, &mut plan_problem);
    }
    check_length("vision", &plan.vision, MAX_NOTE_CHARS, &mut plan_problem);
    evaluation_problems(plan, &mut plan_problem);
    followup_problems(&plan.followups, &mut plan_problem);

    let dimensions = dimension_elements(plan);
    let mut dimension_ids: HashSet<&str> = HashSet::with_capacity(plan.dimensions.len());
    for (i, d) in plan.dimensions.iter().enumerate() {
        if d.id.trim().is_empty() {
            plan_problem(ProblemKind::DimensionEmptyId { number: i + 1 });
        } else if !dimension_ids.insert(&d.id) {
            plan_problem(ProblemKind::DimensionDuplicate { id: d.id.clone() });
        }
        if d.name.trim().is_empty() {
            plan_problem(ProblemKind::DimensionEmptyName { id: d.id.clone() });
        }
        for value in [&d.id, &d.name, &d.lead].into_iter().chain(&d.elements) {
            check_length("dimension", value, MAX_LINE_CHARS, &mut plan_problem);
        }
    }

    let mut seen: HashSet<&str> = HashSet::with_capacity(plan.programs.len());
    let mut reported_duplicates: HashSet<&str> = HashSet::new();
    for (index, p) in plan.programs.iter().enumerate() {
        let duplicate =
            !p.id.trim().is_empty() && !seen.insert(&p.id) && reported_duplicates.insert(&p.id);
        program_problems(plan, &dimensions, index, duplicate, &mut problems);
    }
    problems
}

/// The problems a change to program `index` alone can bring: its own, and
/// an id another program has. The rest of a plan that was valid before
/// stays valid, so a quick edit at 10,000 programs checks one program, not
/// all of them (`validate` is the whole check, and debug builds compare).
pub fn validate_program(plan: &Plan, index: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    let Some(p) = plan.programs.get(index) else {
        return problems;
    };
    let duplicate = !p.id.trim().is_empty()
        && plan
            .programs
            .iter()
            .enumerate()
            .any(|(i, other)| i != index && other.id == p.id);
    program_problems(
        plan,
        &dimension_elements(plan),
        index,
        duplicate,
        &mut problems,
    );
    problems
}

/// The problems `edit`, just applied to `plan` (valid before it), brings:
/// one program's check for a program's change or insertion, nothing for a
/// removal or a move, the whole check for what reaches across programs (a
/// dimension's elements, the plan's period, a merge).
pub fn validate_edit(plan: &Plan, edit: &Edit) -> Vec<Problem> {
    let mut problems = match edit {
        Edit::Program {
            index,
            after: Some(_),
            ..
        } => validate_program(plan, *index),
        Edit::Program { after: None, .. } | Edit::Move { .. } => Vec::new(),
        Edit::Dimension { .. } | Edit::Header { .. } | Edit::Whole { .. } => validate(plan),
    };
    debug_assert_eq!(
        problems.is_empty(),
        validate(plan).is_empty(),
        "the check of an edit and the whole check disagree"
    );
    if let Edit::Program {
        index,
        before,
        after: Some(after),
    } = edit
    {
        problems.extend(overspending_added(*index, before.as_deref(), after));
    }
    problems
}

/// The plan's dimensions as programmes are checked against them: each one's
/// elements by its id (the first of a duplicated id) as a set, and the lists
/// a problem names, made once when the first problem needs them.
struct Dimensions<'a> {
    by_id: HashMap<&'a str, Elements<'a>>,
    plan: &'a Plan,
    defined: OnceCell<Arc<[String]>>,
}

struct Elements<'a> {
    set: HashSet<&'a str>,
    listed: &'a [String],
    shared: OnceCell<Arc<[String]>>,
}

impl<'a> Dimensions<'a> {
    fn defined(&self) -> Arc<[String]> {
        let ids = || self.plan.dimensions.iter().map(|d| d.id.clone()).collect();
        Arc::clone(self.defined.get_or_init(ids))
    }
}

impl Elements<'_> {
    fn shared(&self) -> Arc<[String]> {
        Arc::clone(self.shared.get_or_init(|| self.listed.into()))
    }
}

fn dimension_elements(plan: &Plan) -> Dimensions<'_> {
    let mut by_id = HashMap::with_capacity(plan.dimensions.len());
    for d in &plan.dimensions {
        by_id.entry(d.id.as_str()).or_insert_with(|| Elements {
            set: d.elements.iter().map(String::as_str).collect(),
            listed: d.elements.as_slice(),
            shared: OnceCell::new(),
        });
    }
    Dimensions {
        by_id,
        plan,
        defined: OnceCell::new(),
    }
}

/// Program `index`'s own problems; `duplicate` when its id is taken.
fn program_problems(
    plan: &Plan,
    dimensions: &Dimensions,
    index: usize,
    duplicate: bool,
    problems: &mut Vec<Problem>,
) {
    let p = &plan.programs[index];
    let period = plan.period;
    let mut problem = |kind: ProblemKind| {
        problems.push(Problem {
            program: (!p.id.is_empty()).then(|| p.id.clone()),
            program_index: Some(index),
            kind,
        });
    };
    if p.id.trim().is_empty() {
        problem(ProblemKind::EmptyId { number: index + 1 });
    } else if duplicate {
        problem(ProblemKind::DuplicateId);
    }
    if p.name.trim().is_empty() {
        problem(ProblemKind::EmptyName);
    }
    match dimensions.by_id.get(p.dimension.as_str()) {
        None => problem(ProblemKind::UnknownDimension {
            dimension: p.dimension.clone(),
            defined: dimensions.defined(),
        }),
        Some(elements) => {
            let known = elements.set.is_empty() || elements.set.contains(p.element.as_str());
            if !p.element.is_empty() && !known {
                problem(ProblemKind::UnknownElement {
                    element: p.element.clone(),
                    dimension: p.dimension.clone(),
                    elements: elements.shared(),
                });
            }
        }
    }
    if p.end < p.start {
        problem(ProblemKind::EndBeforeStart {
            start: p.start,
            end: p.end,
        });
    }
    for (field, year) in [("start", p.start), ("end", p.end)] {
        if !period.contains(year) {
            problem(ProblemKind::YearOutside {
                field,
                year,
                period,
            });
        }
    }
    check_program_text(p, &mut problem);
    followup_problems(&p.followups, &mut problem);
    for (i, m) in p.milestones.iter().enumerate() {
        let number = i + 1;
        if m.title.trim().is_empty() {
            problem(ProblemKind::MilestoneTitle { number });
        }
        if parse_date(&m.due).is_none() {
            problem(ProblemKind::MilestoneDate {
                number,
                due: m.due.clone(),
            });
        }
    }
    for (i, target) in p.targets.iter().enumerate() {
        let number = i + 1;
        if !period.contains(target.year) {
            problem(ProblemKind::TargetYear {
                number,
                year: target.year,
                period,
            });
        }
        if target.indicator.trim().is_empty() {
            problem(ProblemKind::TargetIndicator { number });
        }
        for value in [
            target.baseline,
            Some(target.target),
            target.actual,
            target.upper,
        ]
        .into_iter()
        .flatten()
        {
            if !value.is_finite() {
                problem(ProblemKind::TargetNumber { number, value });
            }
        }
        // A target of 0 and a range in any direction are measured
        // (plan::achievement); only a range without its bounds in order is not.
        match (target.direction, target.upper) {
            (Direction::Range, None) => problem(ProblemKind::RangeUpper { number }),
            (_, Some(upper)) if upper < target.target => problem(ProblemKind::RangeReversed {
                number,
                target: target.target,
                upper,
            }),
            _ => {}
        }
    }
    check_weights(p, &mut problem);
    let mut budget_years = HashSet::with_capacity(p.budget.len());
    for (i, b) in p.budget.iter().enumerate() {
        let number = i + 1;
        if !period.contains(b.year) {
            problem(ProblemKind::BudgetYear {
                number,
                year: b.year,
                period,
            });
        } else if !budget_years.insert(b.year) {
            problem(ProblemKind::BudgetDuplicate {
                number,
                year: b.year,
            });
        }
        for value in [Some(b.allocation), b.spent].into_iter().flatten() {
            if !value.is_finite() || value < 0.0 {
                problem(ProblemKind::BudgetAmount { number, value });
            }
        }
    }
    for (i, e) in p.evidence.iter().enumerate() {
        let number = i + 1;
        if e.name.trim().is_empty() {
            problem(ProblemKind::EvidenceName { number });
        }
        if let Some(scheme) = other_scheme(&e.link) {
            problem(ProblemKind::EvidenceScheme {
                number,
                scheme: scheme.to_string(),
            });
        } else if !e.link.is_empty() && !is_link(&e.link) {
            problem(ProblemKind::EvidenceLink {
                number,
                link: e.link.clone(),
            });
        }
    }
    fiscal_problems(p, period, &mut problem);
}

/// The fiscal year's lists of one programme: periods in the plan's years,
/// each a quarter or a month once, amounts of zero or more, physical
/// progress 0–100 and never down within a year, a quarter beside its months
/// agreeing with them; budget changes dated in their year; codes of the
/// nomenclature's shape.
fn fiscal_problems(p: &Program, period: Period, problem: &mut impl FnMut(ProblemKind)) {
    use crate::plan::year::is_subactivity_code;
    let mut seen: HashMap<When, usize> = HashMap::with_capacity(p.periods.len());
    for (i, x) in p.periods.iter().enumerate() {
        let number = i + 1;
        let when = When::of(x);
        if !period.contains(x.year) {
            problem(ProblemKind::FiscalYear {
                list: Item::Period,
                number,
                year: x.year,
                period,
            });
        }
        if x.last_month().is_none() {
            problem(ProblemKind::PeriodWhen {
                number,
                year: x.year,
            });
        } else if let Some(&first) = seen.get(&when) {
            problem(ProblemKind::PeriodRepeated {
                number,
                first,
                when,
            });
        } else {
            seen.insert(when, number);
        }
        for value in [x.cash_plan, x.spent].into_iter().flatten() {
            if !value.is_finite() || value < 0.0 {
                problem(ProblemKind::FiscalAmount {
                    list: Item::Period,
                    number,
                    value,
                });
            }
        }
        if let Some(value) = x.physical
            && !(value.is_finite() && (0.0..=100.0).contains(&value))
        {
            problem(ProblemKind::PhysicalRange {
                number,
                when,
                value,
            });
        }
        if let (Some(q), None) = (x.quarter, x.month) {
            let months: Vec<_> = p
                .periods
                .iter()
                .filter(|m| m.year == x.year && m.month.is_some() && m.in_quarter() == Some(q))
                .collect();
            let sum = |f: fn(&crate::plan::year::FiscalPeriod) -> Option<f64>| {
                months.iter().filter_map(|m| f(m)).sum::<f64>()
            };
            let differs =
                |quarter: Option<f64>, months: f64| (quarter.unwrap_or(0.0) - months).abs() > 0.5;
            let last_physical = months
                .iter()
                .filter_map(|m| m.physical.map(|v| (m.month, v)))
                .max_by_key(|(m, _)| *m)
                .map(|(_, v)| v);
            if !months.is_empty()
                && (differs(x.cash_plan, sum(|m| m.cash_plan))
                    || differs(x.spent, sum(|m| m.spent))
                    || (x.physical.is_some() && x.physical != last_physical))
            {
                problem(ProblemKind::MonthsDisagree { number, when });
            }
        }
    }
    // Cumulative physical progress along each year, in the order of the
    // periods' last months (a quarter beside its third month compares equal).
    let mut along: Vec<(i32, u8, usize, f64)> = p
        .periods
        .iter()
        .enumerate()
        .filter_map(|(i, x)| {
            Some((
                x.year,
                x.last_month()?,
                i,
                x.physical.filter(|v| v.is_finite())?,
            ))
        })
        .collect();
    along.sort_by_key(|&(year, month, i, _)| (year, month, i));
    for pair in along.windows(2) {
        let [(year_a, _, _, before), (year_b, _, i, value)] = [pair[0], pair[1]];
        if year_a == year_b && value < before {
            problem(ProblemKind::PhysicalDown {
                number: i + 1,
                when: When::of(&p.periods[i]),
                value,
                before,
            });
        }
    }
    for (i, c) in p.budget_changes.iter().enumerate() {
        let number = i + 1;
        if !period.contains(c.year) {
            problem(ProblemKind::FiscalYear {
                list: Item::BudgetChange,
                number,
                year: c.year,
                period,
            });
        }
        if parse_date(&c.date).is_none_or(|d| i32::from(d.year()) != c.year) {
            problem(ProblemKind::ChangeDate {
                number,
                year: c.year,
                date: c.date.clone(),
            });
        }
        if !c.allocation.is_finite() || c.allocation < 0.0 {
            problem(ProblemKind::FiscalAmount {
                list: Item::BudgetChange,
                number,
                value: c.allocation,
            });
        }
    }
    for (i, s) in p.subactivities.iter().enumerate() {
        let number = i + 1;
        if !is_subactivity_code(&s.code) {
            problem(ProblemKind::SubActivityCode {
                number,
                code: s.code.clone(),
            });
        }
        if let Some(value) = s.allocation
            && (!value.is_finite() || value < 0.0)
        {
            problem(ProblemKind::FiscalAmount {
                list: Item::SubActivity,
                number,
                value,
            });
        }
    }
}

/// Each reported period whose spending to date is above the pagu at its end.
fn period_overspending(p: &Program) -> Vec<ProblemKind> {
    use crate::plan::fiscal::{Asked, figures};
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for x in p.periods.iter().filter(|x| x.spent.is_some()) {
        let asked = match (x.quarter, x.month) {
            (Some(q), None) => Asked::quarter(x.year, q),
            (None, Some(m)) => Asked::month(x.year, m),
            _ => continue,
        };
        // Any day after the year: the period has ended whatever today is.
        let after = jiff::civil::date(9999, 1, 1);
        let f = figures(p, asked, after);
        if let (Some(spent), Some(pagu)) = (f.spent, f.pagu)
            && spent > pagu + 0.5
            && seen.insert(When::of(x))
        {
            out.push(ProblemKind::PeriodOverspent {
                when: When::of(x),
                spent,
                pagu,
            });
        }
    }
    out
}

/// A list of follow-ups: each with an id of its own in the list, what is to
/// be done, a PIC and an agency that name someone, real dates, a deadline
/// not before the day it was set, and a reason when dropped.
fn followup_problems(items: &[FollowUp], problem: &mut impl FnMut(ProblemKind)) {
    let mut ids: HashSet<&str> = HashSet::with_capacity(items.len());
    for (i, f) in items.iter().enumerate() {
        let mut said = |kind: FollowUpProblem| {
            problem(ProblemKind::FollowUp {
                number: i + 1,
                id: f.id.clone(),
                problem: kind,
            })
        };
        if f.id.trim().is_empty() {
            said(FollowUpProblem::NoId);
        } else if !ids.insert(&f.id) {
            said(FollowUpProblem::Duplicate);
        }
        if f.what.trim().is_empty() {
            said(FollowUpProblem::NoWhat);
        }
        for (field, value) in [
            (FollowUpField::Pic, &f.pic),
            (FollowUpField::Agency, &f.agency),
        ] {
            let visible = value
                .chars()
                .any(|c| !c.is_whitespace() && !c.is_control() && !crate::text::is_bidi_control(c));
            if value.trim().is_empty() {
                said(FollowUpProblem::Empty(field));
            } else if !visible || value.chars().any(char::is_control) {
                said(FollowUpProblem::Control(field, value.clone()));
            }
        }
        let mut dated = |field: FollowUpField, value: &str, required: bool| {
            let date = parse_date(value);
            if date.is_none() && (required || !value.is_empty()) {
                said(FollowUpProblem::Date(field, value.to_string()));
            }
            date
        };
        let deadline = dated(FollowUpField::Deadline, &f.deadline, true);
        let created = dated(FollowUpField::Created, &f.created, false);
        let source = dated(FollowUpField::SourceDate, &f.source_date, false);
        if let (Some(deadline), Some(set)) = (deadline, created.or(source))
            && deadline < set
        {
            said(FollowUpProblem::DeadlineBefore { deadline, set });
        }
        if f.status == FollowUpStatus::Dropped && f.reason.trim().is_empty() {
            said(FollowUpProblem::NoReason);
        }
        for value in [
            &f.id,
            &f.what,
            &f.reference,
            &f.pic,
            &f.agency,
            &f.reason,
            &f.evidence,
        ] {
            check_length("followup", value, MAX_LINE_CHARS, problem);
        }
        for n in &f.progress {
            if parse_date(&n.date).is_none() {
                problem(ProblemKind::FollowUp {
                    number: i + 1,
                    id: f.id.clone(),
                    problem: FollowUpProblem::Date(FollowUpField::Progress, n.date.clone()),
                });
            }
            check_length("followup", &n.note, MAX_LINE_CHARS, problem);
        }
    }
}

/// Milestone weights: each 0–100; together at most 100, and exactly 100 when
/// every milestone has one (the rest share what is left otherwise).
fn check_weights(p: &Program, problem: &mut impl FnMut(ProblemKind)) {
    let weights: Vec<f64> = p.milestones.iter().filter_map(|m| m.weight).collect();
    if weights.is_empty() {
        return;
    }
    for (i, m) in p.milestones.iter().enumerate() {
        if let Some(w) = m.weight
            && !(w.is_finite() && (0.0..=100.0).contains(&w))
        {
            problem(ProblemKind::WeightRange {
                number: i + 1,
                weight: w,
            });
            return;
        }
    }
    let sum: f64 = weights.iter().sum();
    let all = weights.len() == p.milestones.len();
    if sum > 100.0 + WEIGHT_SLACK || (all && (sum - 100.0).abs() > WEIGHT_SLACK) {
        problem(ProblemKind::WeightSum { sum });
    }
}

/// One sub-activity code with different allocations in two programmes: the
/// SIPD row has one pagu. Named at the later programme, against the first.
fn code_conflicts(plan: &Plan, out: &mut Vec<Problem>) {
    let mut first: HashMap<&str, (&str, f64)> = HashMap::new();
    for (index, p) in plan.programs.iter().enumerate() {
        for (i, s) in p.subactivities.iter().enumerate() {
            let Some(allocation) = s.allocation else {
                continue;
            };
            match first.get(s.code.as_str()) {
                Some(&(other, other_allocation))
                    if other != p.id && (other_allocation - allocation).abs() > 0.5 =>
                {
                    out.push(Problem {
                        program: (!p.id.is_empty()).then(|| p.id.clone()),
                        program_index: Some(index),
                        kind: ProblemKind::CodeConflict {
                            number: i + 1,
                            code: s.code.clone(),
                            allocation,
                            other: other.to_string(),
                            other_allocation,
                        },
                    });
                }
                Some(_) => {}
                None => {
                    first.insert(&s.code, (&p.id, allocation));
                }
            }
        }
    }
}

/// Weights written with decimals (33.33 × 3) add up to 100 within this.
const WEIGHT_SLACK: f64 = 0.05;

/// Spending above the allocation in `after` that `before` did not have (or
/// had less of): an edit may not bring it, though a file that has it loads,
/// so that a plan accepted yesterday still opens and the officer can fix it.
pub fn overspending_added(index: usize, before: Option<&Program>, after: &Program) -> Vec<Problem> {
    let over = |p: &Program, year: i32| {
        p.budget
            .iter()
            .filter(|b| b.year == year)
            .filter_map(|b| b.spent.map(|s| s - b.allocation))
            .fold(0.0, f64::max)
    };
    let was = before.map(period_overspending).unwrap_or_default();
    overspending_of(index, after)
        .into_iter()
        .zip(after.budget.iter().filter(|b| b.overspent()))
        .filter(|(_, b)| before.is_none_or(|p| over(after, b.year) > over(p, b.year)))
        .map(|(problem, _)| problem)
        .chain(
            period_overspending(after)
                .into_iter()
                .filter(|kind| !was.contains(kind))
                .map(|kind| Problem {
                    program: (!after.id.is_empty()).then(|| after.id.clone()),
                    program_index: Some(index),
                    kind,
                }),
        )
        .collect()
}

fn overspending_of(index: usize, p: &Program) -> Vec<Problem> {
    p.budget
        .iter()
        .enumerate()
        .filter(|(_, b)| b.overspent())
        .map(|(i, b)| Problem {
            program: (!p.id.is_empty()).then(|| p.id.clone()),
            program_index: Some(index),
            kind: ProblemKind::Overspent {
                number: i + 1,
                year: b.year,
                spent: b.spent.unwrap_or_default(),
                allocation: b.allocation,
            },
        })
        .chain(period_overspending(p).into_iter().map(|kind| Problem {
            program: (!p.id.is_empty()).then(|| p.id.clone()),
            program_index: Some(index),
            kind,
        }))
        .collect()
}

/// Every budget line of the plan that spends above its allocation: errors
/// for `pantau check` to list with their fix.
pub fn overspending(plan: &Plan) -> Vec<Problem> {
    plan.programs
        .iter()
        .enumerate()
        .flat_map(|(index, p)| overspending_of(index, p))
        .collect()
}

/// What is legitimate but worth a second look, such as a milestone due
/// outside its programme's years: `pantau check` shows these, and they
/// never stop a save.
pub fn warnings(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    code_conflicts(plan, &mut out);
    for (index, p) in plan.programs.iter().enumerate() {
        for (i, m) in p.milestones.iter().enumerate() {
            if let Some(due) = m.due_date()
                && !(p.start..=p.end).contains(&i32::from(due.year()))
            {
                out.push(Problem {
                    program: (!p.id.is_empty()).then(|| p.id.clone()),
                    program_index: Some(index),
                    kind: ProblemKind::MilestoneOutside {
                        number: i + 1,
                        title: m.title.clone(),
                        due,
                        period: Period {
                            start: p.start,
                            end: p.end,
                        },
                    },
                });
            }
        }
        let mut seen: HashMap<(i32, &str), usize> = HashMap::new();
        for (i, x) in p.targets.iter().enumerate() {
            if let Some(&first) = seen.get(&(x.year, x.indicator.as_str())) {
                out.push(Problem {
                    program: (!p.id.is_empty()).then(|| p.id.clone()),
                    program_index: Some(index),
                    kind: ProblemKind::TargetRepeated {
                        number: i + 1,
                        first,
                        year: x.year,
                        indicator: x.indicator.clone(),
                    },
                });
            } else {
                seen.insert((x.year, x.indicator.as_str()), i + 1);
            }
        }
        // A range is usually better on one side (plan::achievement).
        for (i, x) in p.targets.iter().enumerate() {
            if let (Direction::Range, Some(upper)) = (x.direction, x.upper) {
                out.push(Problem {
                    program: (!p.id.is_empty()).then(|| p.id.clone()),
                    program_index: Some(index),
                    kind: ProblemKind::PlainRange {
                        number: i + 1,
                        lower: x.target,
                        upper,
                    },
                });
            }
        }
    }
    out
}

/// The evaluation section: weights that add up to 100, scores and indices on
/// the index's 0–5 scale.
fn evaluation_problems(plan: &Plan, problem: &mut impl FnMut(ProblemKind)) {
    let e = &plan.evaluation;
    if let Some(w) = e.weights {
        let values = Aspect::ALL.map(|a| w.of(a));
        if values.iter().any(|v| !v.is_finite() || *v < 0.0) {
            problem(ProblemKind::EvaluationWeightNegative);
        } else {
            let sum: f64 = values.iter().sum();
            if (sum - 100.0).abs() > WEIGHT_SLACK {
                problem(ProblemKind::EvaluationWeightSum { sum });
            }
        }
    }
    let on_scale = |v: f64| v.is_finite() && (0.0..=MAX_SCORE).contains(&v);
    for s in &e.scores {
        if !on_scale(s.score) {
            problem(ProblemKind::EvaluationScore {
                year: s.year,
                aspect: s.aspect,
                score: s.score,
            });
        }
    }
    for (year, &score) in &e.survey {
        if !on_scale(score) {
            problem(ProblemKind::EvaluationScore {
                year: *year,
                aspect: Aspect::Impact,
                score,
            });
        }
    }
    for r in &e.results {
        let subs = Aspect::ALL.map(|a| r.sub_index(a));
        if !on_scale(r.index) || subs.into_iter().flatten().any(|v| !on_scale(v)) {
            problem(ProblemKind::EvaluationResult { year: r.year });
        }
    }
}

fn check_program_text(p: &Program, problem: &mut impl FnMut(ProblemKind)) {
    let one_line = [
        ("id", &p.id),
        ("name", &p.name),
        ("dimension", &p.dimension),
        ("element", &p.element),
        ("lead", &p.lead),
    ];
    for (label, value) in one_line {
        check_length(label, value, MAX_LINE_CHARS, problem);
    }
    for value in p.support.iter().chain(&p.funding) {
        check_length("support/funding", value, MAX_LINE_CHARS, problem);
    }
    for m in &p.milestones {
        check_length("milestone", &m.title, MAX_LINE_CHARS, problem);
    }
    for target in &p.targets {
        check_length("indicator", &target.indicator, MAX_LINE_CHARS, problem);
        check_length("unit", &target.unit, MAX_LINE_CHARS, problem);
        check_length("source", &target.source, MAX_LINE_CHARS, problem);
        check_length("definition", &target.definition, MAX_NOTE_CHARS, problem);
    }
    for b in &p.budget {
        check_length("budget source", &b.source, MAX_LINE_CHARS, problem);
    }
    for e in &p.evidence {
        check_length("evidence", &e.name, MAX_LINE_CHARS, problem);
        check_length("link", &e.link, MAX_LINE_CHARS, problem);
    }
    check_length("description", &p.description, MAX_NOTE_CHARS, problem);
    check_length("notes", &p.notes, MAX_NOTE_CHARS, problem);
}

fn check_length(
    field: &'static str,
    value: &str,
    max: usize,
    problem: &mut impl FnMut(ProblemKind),
) {
    // Bytes bound chars from above, so the common case never counts chars.
    if value.len() > max {
        let chars = value.chars().count();
        if chars > max {
            problem(ProblemKind::TooLong { field, chars, max });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_region_code_is_refused_as_written() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        assert!(validate(&plan).is_empty());
        let mut wrong = plan.clone();
        wrong.code = "7322".into();
        let problems = validate(&wrong);
        assert_eq!(
            problems,
            [Problem {
                program: None,
                program_index: None,
                kind: ProblemKind::RegionCode {
                    code: "7322".into()
                },
            }]
        );
        wrong.code = String::new();
        assert!(validate(&wrong).is_empty(), "no code at all is fine");
    }
}
