//! Checks a parsed plan and reports every problem at once, each with its program.
//!
//! An officer fixing a hand-edited file should see the whole list in one run,
//! not one error per attempt.

use crate::i18n::format::money;
use crate::i18n::{Text, fill};
use crate::plan::edit::Edit;
use crate::plan::field::is_link;
use crate::plan::model::{Aspect, Direction, FORMAT_VERSION, MAX_SCORE, Plan, Program, parse_date};
use crate::text::escape;
use std::collections::{HashMap, HashSet};

/// Names, titles and other one-line text.
pub const MAX_LINE_CHARS: usize = 2_000;
/// Notes and descriptions, which may run to several paragraphs.
pub const MAX_NOTE_CHARS: usize = 100_000;
/// The years a plan's period may use, and how long it may be.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;
pub const MAX_PERIOD_YEARS: i32 = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The program the problem is in, when it is in one.
    pub program: Option<String>,
    /// Index into `plan.programs`, used to find the problem's line in the file.
    pub program_index: Option<usize>,
    pub message: String,
}

pub fn validate(plan: &Plan, t: &Text) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut plan_problem = |message: String| {
        problems.push(Problem {
            program: None,
            program_index: None,
            message,
        });
    };
    if plan.version != FORMAT_VERSION {
        plan_problem(fill(
            t.validate.p_version,
            &[&plan.version, &FORMAT_VERSION],
        ));
    }
    if plan.period.end < plan.period.start {
        plan_problem(fill(
            t.validate.p_period,
            &[&plan.period.end, &plan.period.start],
        ));
    }
    // A masterplan spans 5–10 years; bounding the period keeps every year
    // computation (timeline columns, reports) small and free of overflow.
    if plan.period.start < MIN_YEAR
        || plan.period.end > MAX_YEAR
        || plan.period.end - plan.period.start > MAX_PERIOD_YEARS
    {
        plan_problem(fill(
            t.validate.p_period_range,
            &[
                &plan.period.start,
                &plan.period.end,
                &MIN_YEAR,
                &MAX_YEAR,
                &MAX_PERIOD_YEARS,
            ],
        ));
    }
    if plan.title.trim().is_empty() {
        plan_problem(t.validate.p_empty_title.to_string());
    }
    if !plan.code.is_empty() && !crate::plan::model::is_region_code(&plan.code) {
        plan_problem(fill(t.validate.p_code, &[&escape(&plan.code)]));
    }
    for (label, value) in [
        ("region", &plan.region),
        ("province", &plan.province),
        ("title", &plan.title),
    ] {
        check_length(label, value, MAX_LINE_CHARS, t, &mut plan_problem);
    }
    check_length("vision", &plan.vision, MAX_NOTE_CHARS, t, &mut plan_problem);
    evaluation_problems(plan, t, &mut plan_problem);

    let dimensions = dimension_elements(plan);
    for (i, d) in plan.dimensions.iter().enumerate() {
        if d.id.trim().is_empty() {
            plan_problem(fill(t.validate.p_dimension_empty_id, &[&(i + 1)]));
        } else if plan.dimensions[..i].iter().any(|other| other.id == d.id) {
            plan_problem(fill(t.validate.p_dimension_duplicate, &[&escape(&d.id)]));
        }
        if d.name.trim().is_empty() {
            plan_problem(fill(t.validate.p_dimension_empty_name, &[&escape(&d.id)]));
        }
        for value in [&d.id, &d.name, &d.lead].into_iter().chain(&d.elements) {
            check_length("dimension", value, MAX_LINE_CHARS, t, &mut plan_problem);
        }
    }

    let mut seen: HashSet<&str> = HashSet::with_capacity(plan.programs.len());
    let mut reported_duplicates: HashSet<&str> = HashSet::new();
    for (index, p) in plan.programs.iter().enumerate() {
        let duplicate =
            !p.id.trim().is_empty() && !seen.insert(&p.id) && reported_duplicates.insert(&p.id);
        program_problems(plan, &dimensions, index, duplicate, t, &mut problems);
    }
    problems
}

/// The problems a change to program `index` alone can bring: its own, and
/// an id another program has. The rest of a plan that was valid before
/// stays valid, so a quick edit at 10,000 programs checks one program, not
/// all of them (`validate` is the whole check, and debug builds compare).
pub fn validate_program(plan: &Plan, index: usize, t: &Text) -> Vec<Problem> {
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
        t,
        &mut problems,
    );
    problems
}

/// The problems `edit`, just applied to `plan` (valid before it), brings:
/// one program's check for a program's change or insertion, nothing for a
/// removal or a move, the whole check for what reaches across programs (a
/// dimension's elements, the plan's period, a merge).
pub fn validate_edit(plan: &Plan, edit: &Edit, t: &Text) -> Vec<Problem> {
    let problems = match edit {
        Edit::Program {
            index,
            after: Some(_),
            ..
        } => validate_program(plan, *index, t),
        Edit::Program { after: None, .. } | Edit::Move { .. } => Vec::new(),
        Edit::Dimension { .. } | Edit::Header { .. } | Edit::Whole { .. } => validate(plan, t),
    };
    debug_assert_eq!(
        problems.is_empty(),
        validate(plan, t).is_empty(),
        "the check of an edit and the whole check disagree"
    );
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
    t: &Text,
    problems: &mut Vec<Problem>,
) {
    let p = &plan.programs[index];
    // Every value from the file is escaped: a message is printed as it is.
    let defined = || {
        let ids: Vec<&str> = plan.dimensions.iter().map(|d| d.id.as_str()).collect();
        escape(&ids.join(", ")).into_owned()
    };
    let mut problem = |message: String| {
        problems.push(Problem {
            program: (!p.id.is_empty()).then(|| p.id.clone()),
            program_index: Some(index),
            message,
        });
    };
    if p.id.trim().is_empty() {
        problem(fill(t.validate.p_empty_id, &[&(index + 1)]));
    } else if duplicate {
        problem(t.validate.p_duplicate_id.to_string());
    }
    if p.name.trim().is_empty() {
        problem(t.validate.p_empty_name.to_string());
    }
    match dimensions.get(p.dimension.as_str()) {
        None => problem(fill(
            t.validate.p_unknown_dimension,
            &[&escape(&p.dimension), &defined()],
        )),
        Some(elements) => {
            if !p.element.is_empty() && !elements.is_empty() && !elements.contains(&p.element) {
                problem(fill(
                    t.validate.p_unknown_element,
                    &[&p.element, &p.dimension, &elements.join(", ")],
                ));
            }
        }
    }
    if p.end < p.start {
        problem(fill(t.validate.p_end_before_start, &[&p.end, &p.start]));
    }
    for (label, year) in [("start", p.start), ("end", p.end)] {
        if !plan.period.contains(year) {
            problem(fill(
                t.validate.p_year_outside,
                &[&label, &year, &plan.period.start, &plan.period.end],
            ));
        }
    }
    check_program_text(p, t, &mut problem);
    for (i, m) in p.milestones.iter().enumerate() {
        let n = i + 1;
        if m.title.trim().is_empty() {
            problem(fill(t.validate.p_milestone_title, &[&n]));
        }
        if parse_date(&m.due).is_none() {
            problem(fill(
                t.validate.p_milestone_date,
                &[&n, &crate::text::escape(&m.due)],
            ));
        }
    }
    for (i, target) in p.targets.iter().enumerate() {
        let n = i + 1;
        if !plan.period.contains(target.year) {
            problem(fill(
                t.validate.p_target_year,
                &[&n, &target.year, &plan.period.start, &plan.period.end],
            ));
        }
        if target.indicator.trim().is_empty() {
            problem(fill(t.validate.p_target_indicator, &[&n]));
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
                problem(fill(t.validate.p_target_number, &[&n, &value]));
            }
        }
        // A target of 0 and a range in any direction are measured
        // (plan::achievement); only a range without its bounds in order is not.
        match (target.direction, target.upper) {
            (Direction::Range, None) => problem(fill(t.validate.p_range_upper, &[&n])),
            (_, Some(upper)) if upper < target.target => problem(fill(
                t.validate.p_range_reversed,
                &[&n, &target.target, &upper],
            )),
            _ => {}
        }
    }
    check_weights(p, t, &mut problem);
    for (i, b) in p.budget.iter().enumerate() {
        let n = i + 1;
        if !plan.period.contains(b.year) {
            problem(fill(
                t.validate.p_budget_year,
                &[&n, &b.year, &plan.period.start, &plan.period.end],
            ));
        } else if p.budget[..i].iter().any(|other| other.year == b.year) {
            problem(fill(t.validate.p_budget_duplicate, &[&n, &b.year]));
        }
        for value in [Some(b.allocation), b.spent].into_iter().flatten() {
            if !value.is_finite() || value < 0.0 {
                problem(fill(t.validate.p_budget_amount, &[&n, &value]));
            }
        }
    }
    for (i, e) in p.evidence.iter().enumerate() {
        let n = i + 1;
        if e.name.trim().is_empty() {
            problem(fill(t.validate.p_evidence_name, &[&n]));
        }
        if !e.link.is_empty() && !is_link(&e.link) {
            problem(fill(t.validate.p_evidence_link, &[&n, &escape(&e.link)]));
        }
    }
}

/// Milestone weights: each 0–100; together at most 100, and exactly 100 when
/// every milestone has one (the rest share what is left otherwise).
fn check_weights(p: &Program, t: &Text, problem: &mut impl FnMut(String)) {
    let weights: Vec<f64> = p.milestones.iter().filter_map(|m| m.weight).collect();
    if weights.is_empty() {
        return;
    }
    for (i, m) in p.milestones.iter().enumerate() {
        if let Some(w) = m.weight
            && !(w.is_finite() && (0.0..=100.0).contains(&w))
        {
            problem(fill(t.validate.p_weight_range, &[&(i + 1), &w]));
            return;
        }
    }
    let sum: f64 = weights.iter().sum();
    let all = weights.len() == p.milestones.len();
    if sum > 100.0 + WEIGHT_SLACK || (all && (sum - 100.0).abs() > WEIGHT_SLACK) {
        problem(fill(t.validate.p_weight_sum, &[&round2(sum)]));
    }
}

/// Weights written with decimals (33.33 × 3) add up to 100 within this.
const WEIGHT_SLACK: f64 = 0.05;

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// What is legitimate but worth a second look, such as spending above the
/// allocation (a budget shift, or a typo): `pantau check` and the views show
/// these, and they never stop a save.
pub fn warnings(plan: &Plan, t: &Text) -> Vec<Problem> {
    let mut out = Vec::new();
    for (index, p) in plan.programs.iter().enumerate() {
        for (i, b) in p.budget.iter().enumerate() {
            if let Some(spent) = b.spent
                && spent > b.allocation
            {
                out.push(Problem {
                    program: (!p.id.is_empty()).then(|| p.id.clone()),
                    program_index: Some(index),
                    message: fill(
                        t.validate.w_overspent,
                        &[&(i + 1), &b.year, &money(spent), &money(b.allocation)],
                    ),
                });
            }
        }
        // A range is usually better on one side (plan::achievement).
        for (i, x) in p.targets.iter().enumerate() {
            if let (Direction::Range, Some(upper)) = (x.direction, x.upper) {
                out.push(Problem {
                    program: (!p.id.is_empty()).then(|| p.id.clone()),
                    program_index: Some(index),
                    message: fill(t.validate.w_plain_range, &[&(i + 1), &x.target, &upper]),
                });
            }
        }
    }
    out
}

/// The evaluation section: weights that add up to 100, scores and indices on
/// the index's 0–5 scale.
fn evaluation_problems(plan: &Plan, t: &Text, problem: &mut impl FnMut(String)) {
    let e = &plan.evaluation;
    if let Some(w) = e.weights {
        let values = Aspect::ALL.map(|a| w.of(a));
        if values.iter().any(|v| !v.is_finite() || *v < 0.0) {
            problem(t.validate.p_eval_weight_negative.to_string());
        } else {
            let sum: f64 = values.iter().sum();
            if (sum - 100.0).abs() > WEIGHT_SLACK {
                problem(fill(t.validate.p_eval_weight_sum, &[&round2(sum)]));
            }
        }
    }
    let on_scale = |v: f64| v.is_finite() && (0.0..=MAX_SCORE).contains(&v);
    for s in &e.scores {
        if !on_scale(s.score) {
            problem(fill(
                t.validate.p_eval_score,
                &[&s.year, &s.aspect.key(), &s.score, &MAX_SCORE],
            ));
        }
    }
    for r in &e.results {
        let subs = Aspect::ALL.map(|a| r.sub_index(a));
        if !on_scale(r.index) || subs.into_iter().flatten().any(|v| !on_scale(v)) {
            problem(fill(t.validate.p_eval_result, &[&r.year, &MAX_SCORE]));
        }
    }
}

fn check_program_text(p: &Program, t: &Text, problem: &mut impl FnMut(String)) {
    let one_line = [
        ("id", &p.id),
        ("name", &p.name),
        ("dimension", &p.dimension),
        ("element", &p.element),
        ("lead", &p.lead),
    ];
    for (label, value) in one_line {
        check_length(label, value, MAX_LINE_CHARS, t, problem);
    }
    for value in p.support.iter().chain(&p.funding) {
        check_length("support/funding", value, MAX_LINE_CHARS, t, problem);
    }
    for m in &p.milestones {
        check_length("milestone", &m.title, MAX_LINE_CHARS, t, problem);
    }
    for target in &p.targets {
        check_length("indicator", &target.indicator, MAX_LINE_CHARS, t, problem);
        check_length("unit", &target.unit, MAX_LINE_CHARS, t, problem);
        check_length("source", &target.source, MAX_LINE_CHARS, t, problem);
        check_length("definition", &target.definition, MAX_NOTE_CHARS, t, problem);
    }
    for b in &p.budget {
        check_length("budget source", &b.source, MAX_LINE_CHARS, t, problem);
    }
    for e in &p.evidence {
        check_length("evidence", &e.name, MAX_LINE_CHARS, t, problem);
        check_length("link", &e.link, MAX_LINE_CHARS, t, problem);
    }
    check_length("description", &p.description, MAX_NOTE_CHARS, t, problem);
    check_length("notes", &p.notes, MAX_NOTE_CHARS, t, problem);
}

fn check_length(label: &str, value: &str, max: usize, t: &Text, problem: &mut impl FnMut(String)) {
    // Bytes bound chars from above, so the common case never counts chars.
    if value.len() > max {
        let chars = value.chars().count();
        if chars > max {
            problem(fill(t.validate.p_string_too_long, &[&label, &chars, &max]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_region_code_is_refused_with_the_rule() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let t = crate::i18n::Lang::En.text();
        assert!(validate(&plan, t).is_empty());
        let mut wrong = plan.clone();
        wrong.code = "7322".into();
        let problems = validate(&wrong, t);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("`7322`") && problems[0].message.contains("73.22"));
        wrong.code = String::new();
        assert!(validate(&wrong, t).is_empty(), "no code at all is fine");
    }
}
