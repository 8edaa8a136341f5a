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
use std::collections::{HashMap, HashSet};

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
    UnknownDimension {
        dimension: String,
        defined: Vec<String>,
    },
    UnknownElement {
        element: String,
        dimension: String,
        elements: Vec<String>,
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

/// Each dimension's elements by its id (the first of a duplicated id).
fn dimension_elements(plan: &Plan) -> HashMap<&str, &[String]> {
    let mut dimensions: HashMap<&str, &[String]> = HashMap::with_capacity(plan.dimensions.len());
    for d in &plan.dimensions {
        dimensions
            .entry(d.id.as_str())
            .or_insert(d.elements.as_slice());
    }
    dimensions
}

/// Program `index`'s own problems; `duplicate` when its id is taken.
fn program_problems(
    plan: &Plan,
    dimensions: &HashMap<&str, &[String]>,
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
    match dimensions.get(p.dimension.as_str()) {
        None => problem(ProblemKind::UnknownDimension {
            dimension: p.dimension.clone(),
            defined: plan.dimensions.iter().map(|d| d.id.clone()).collect(),
        }),
        Some(elements) => {
            if !p.element.is_empty() && !elements.is_empty() && !elements.contains(&p.element) {
                problem(ProblemKind::UnknownElement {
                    element: p.element.clone(),
                    dimension: p.dimension.clone(),
                    elements: elements.to_vec(),
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
    overspending_of(index, after)
        .into_iter()
        .zip(after.budget.iter().filter(|b| b.overspent()))
        .filter(|(_, b)| before.is_none_or(|p| over(after, b.year) > over(p, b.year)))
        .map(|(problem, _)| problem)
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
