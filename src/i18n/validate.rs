//! Validation problems in words: what is wrong in a plan that parsed.

use super::format::money;
use super::{Text, fill};
use crate::plan::model::MAX_SCORE;
use crate::plan::validate::{MAX_PERIOD_YEARS, MAX_YEAR, MIN_YEAR, Problem, ProblemKind};
use crate::text::escape;

/// Validation problems: what is wrong in a plan that parsed.
pub struct Validate {
    pub p_version: &'static str,
    pub p_period: &'static str,
    pub p_empty_title: &'static str,
    /// `{0}` the code as written.
    pub p_code: &'static str,
    pub p_dimension_empty_id: &'static str,
    pub p_dimension_empty_name: &'static str,
    pub p_dimension_duplicate: &'static str,
    pub p_empty_id: &'static str,
    pub p_duplicate_id: &'static str,
    pub p_empty_name: &'static str,
    pub p_unknown_dimension: &'static str,
    pub p_unknown_element: &'static str,
    /// A long list of choices cut short: `{0}` the first ones, `{1}` how many in all.
    pub p_list_cut: &'static str,
    pub p_end_before_start: &'static str,
    pub p_year_outside: &'static str,
    pub p_milestone_title: &'static str,
    pub p_milestone_date: &'static str,
    pub p_target_year: &'static str,
    pub p_target_indicator: &'static str,
    pub p_target_number: &'static str,
    pub p_string_too_long: &'static str,
    pub p_period_range: &'static str,
    pub p_range_upper: &'static str,
    pub p_range_reversed: &'static str,
    pub p_weight_range: &'static str,
    pub p_weight_sum: &'static str,
    pub p_budget_year: &'static str,
    pub p_budget_duplicate: &'static str,
    pub p_budget_amount: &'static str,
    pub p_evidence_name: &'static str,
    /// `{0}` the evidence's number, `{1}` the scheme refused.
    pub p_evidence_scheme: &'static str,
    pub p_evidence_link: &'static str,
    pub p_eval_weight_negative: &'static str,
    pub p_eval_weight_sum: &'static str,
    pub p_eval_score: &'static str,
    pub p_eval_result: &'static str,
    /// Spending above the allocation: an error `check` reports and an edit
    /// may not bring, though a file that has it still opens.
    pub p_overspent: &'static str,
    /// A warning: a milestone due outside its programme's years.
    pub w_milestone_outside: &'static str,
    /// A hint: `{0}` the target's number, `{1}`–`{2}` its range, good only
    /// within it; most ranges are better on one side.
    pub w_plain_range: &'static str,
    /// `target {0} repeats target {1}`: the later, the earlier, the year, the indicator.
    pub w_target_repeated: &'static str,
}

impl Problem {
    /// The problem in a sentence, every value from the file escaped: a
    /// message is printed as it is.
    pub fn message(&self, t: &Text) -> String {
        t.problem(&self.kind)
    }
}

impl Text {
    /// What is wrong, in words.
    pub fn problem(&self, kind: &ProblemKind) -> String {
        let v = &self.validate;
        let esc = |s: &str| escape(s).into_owned();
        match kind {
            ProblemKind::Version { found } => {
                fill(v.p_version, &[found, &crate::plan::model::FORMAT_VERSION])
            }
            ProblemKind::PeriodReversed { period } => {
                fill(v.p_period, &[&period.end, &period.start])
            }
            ProblemKind::PeriodRange { period } => fill(
                v.p_period_range,
                &[
                    &period.start,
                    &period.end,
                    &MIN_YEAR,
                    &MAX_YEAR,
                    &MAX_PERIOD_YEARS,
                ],
            ),
            ProblemKind::EmptyTitle => v.p_empty_title.to_string(),
            ProblemKind::RegionCode { code } => fill(v.p_code, &[&esc(code)]),
            ProblemKind::DimensionEmptyId { number } => fill(v.p_dimension_empty_id, &[number]),
            ProblemKind::DimensionDuplicate { id } => fill(v.p_dimension_duplicate, &[&esc(id)]),
            ProblemKind::DimensionEmptyName { id } => fill(v.p_dimension_empty_name, &[&esc(id)]),
            ProblemKind::TooLong { field, chars, max } => {
                fill(v.p_string_too_long, &[field, chars, max])
            }
            ProblemKind::EvaluationWeightNegative => v.p_eval_weight_negative.to_string(),
            ProblemKind::EvaluationWeightSum { sum } => fill(v.p_eval_weight_sum, &[&round2(*sum)]),
            ProblemKind::EvaluationScore {
                year,
                aspect,
                score,
            } => fill(v.p_eval_score, &[year, &aspect.key(), score, &MAX_SCORE]),
            ProblemKind::EvaluationResult { year } => fill(v.p_eval_result, &[year, &MAX_SCORE]),
            ProblemKind::EmptyId { number } => fill(v.p_empty_id, &[number]),
            ProblemKind::DuplicateId => v.p_duplicate_id.to_string(),
            ProblemKind::EmptyName => v.p_empty_name.to_string(),
            ProblemKind::UnknownDimension { dimension, defined } => fill(
                v.p_unknown_dimension,
                &[&esc(dimension), &esc(&listed(defined, v))],
            ),
            ProblemKind::UnknownElement {
                element,
                dimension,
                elements,
            } => fill(
                v.p_unknown_element,
                &[&esc(element), &esc(dimension), &esc(&listed(elements, v))],
            ),
            ProblemKind::EndBeforeStart { start, end } => fill(v.p_end_before_start, &[end, start]),
            ProblemKind::YearOutside {
                field,
                year,
                period,
            } => fill(v.p_year_outside, &[field, year, &period.start, &period.end]),
            ProblemKind::MilestoneTitle { number } => fill(v.p_milestone_title, &[number]),
            ProblemKind::MilestoneDate { number, due } => {
                fill(v.p_milestone_date, &[number, &esc(due)])
            }
            ProblemKind::WeightRange { number, weight } => {
                fill(v.p_weight_range, &[number, weight])
            }
            ProblemKind::WeightSum { sum } => fill(v.p_weight_sum, &[&round2(*sum)]),
            ProblemKind::TargetYear {
                number,
                year,
                period,
            } => fill(v.p_target_year, &[number, year, &period.start, &period.end]),
            ProblemKind::TargetIndicator { number } => fill(v.p_target_indicator, &[number]),
            ProblemKind::TargetNumber { number, value } => {
                fill(v.p_target_number, &[number, value])
            }
            ProblemKind::RangeUpper { number } => fill(v.p_range_upper, &[number]),
            ProblemKind::RangeReversed {
                number,
                target,
                upper,
            } => fill(v.p_range_reversed, &[number, target, upper]),
            ProblemKind::BudgetYear {
                number,
                year,
                period,
            } => fill(v.p_budget_year, &[number, year, &period.start, &period.end]),
            ProblemKind::BudgetDuplicate { number, year } => {
                fill(v.p_budget_duplicate, &[number, year])
            }
            ProblemKind::BudgetAmount { number, value } => {
                fill(v.p_budget_amount, &[number, value])
            }
            ProblemKind::EvidenceName { number } => fill(v.p_evidence_name, &[number]),
            ProblemKind::EvidenceScheme { number, scheme } => {
                fill(v.p_evidence_scheme, &[number, &esc(scheme)])
            }
            ProblemKind::EvidenceLink { number, link } => {
                fill(v.p_evidence_link, &[number, &esc(link)])
            }
            ProblemKind::Overspent {
                number,
                year,
                spent,
                allocation,
            } => fill(
                v.p_overspent,
                &[
                    number,
                    year,
                    &money(*spent, self.lang),
                    &money(*allocation, self.lang),
                ],
            ),
            ProblemKind::FollowUp {
                number,
                id,
                problem,
            } => self.followup_problem(*number, id, problem),
            ProblemKind::MilestoneOutside {
                number,
                title,
                due,
                period,
            } => fill(
                v.w_milestone_outside,
                &[number, &esc(title), due, &period.start, &period.end],
            ),
            ProblemKind::PlainRange {
                number,
                lower,
                upper,
            } => fill(v.w_plain_range, &[number, lower, upper]),
            ProblemKind::TargetRepeated {
                number,
                first,
                year,
                indicator,
            } => fill(v.w_target_repeated, &[number, first, year, &esc(indicator)]),
            ProblemKind::FiscalYear { .. }
            | ProblemKind::PeriodWhen { .. }
            | ProblemKind::PeriodRepeated { .. }
            | ProblemKind::FiscalAmount { .. }
            | ProblemKind::PhysicalRange { .. }
            | ProblemKind::PhysicalDown { .. }
            | ProblemKind::MonthsDisagree { .. }
            | ProblemKind::ChangeDate { .. }
            | ProblemKind::SubActivityCode { .. }
            | ProblemKind::PeriodOverspent { .. }
            | ProblemKind::CodeConflict { .. } => self.fiscal_problem(kind),
        }
    }
}

/// A sum of weights as an officer compares it with 100: two decimals at most.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Choices a problem names, the first [`LISTED`] of them and how many in
/// all when there are more: one problem per programme naming thousands of
/// elements each would make the output grow with their product.
fn listed(choices: &[String], v: &Validate) -> String {
    if choices.len() <= LISTED {
        return choices.join(", ");
    }
    fill(
        v.p_list_cut,
        &[&choices[..LISTED].join(", "), &choices.len()],
    )
}

/// How many choices a problem names before it says how many there are.
const LISTED: usize = 20;

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn a_dimension_of_thousands_of_elements_is_named_shortly_and_checked_once() {
        let mut plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let d = plan.programs[0].dimension.clone();
        let dimension = plan.dimensions.iter_mut().find(|x| x.id == d).unwrap();
        dimension.elements = (0..3000).map(|i| format!("Elemen {i}")).collect();
        let ours: Vec<usize> = (plan.programs.iter().enumerate())
            .filter(|(_, p)| p.dimension == d)
            .map(|(i, _)| i)
            .collect();
        for &i in &ours {
            plan.programs[i].element = "Elemen 2999".into();
        }
        assert!(
            crate::plan::validate::validate(&plan).is_empty(),
            "found by the set"
        );
        for &i in &ours {
            plan.programs[i].element = "Lain".into();
        }
        let problems = crate::plan::validate::validate(&plan);
        assert_eq!(problems.len(), ours.len());
        let en = problems[0].message(Lang::En.text());
        assert!(
            en.ends_with("Elemen 18, Elemen 19, ... (3000 in all)"),
            "{en}"
        );
        let id = problems[0].message(Lang::Id.text());
        assert!(id.ends_with("Elemen 19, ... (seluruhnya 3000)"), "{id}");
        // One list for every problem, not a copy in each.
        let lists: Vec<_> = (problems.iter())
            .filter_map(|p| match &p.kind {
                crate::plan::validate::ProblemKind::UnknownElement { elements, .. } => {
                    Some(elements)
                }
                _ => None,
            })
            .collect();
        assert!(lists.iter().all(|l| std::sync::Arc::ptr_eq(l, lists[0])));
    }

    #[test]
    fn a_malformed_region_code_is_refused_with_the_rule() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let mut wrong = plan.clone();
        wrong.code = "7322".into();
        let problems = crate::plan::validate::validate(&wrong);
        let message = problems[0].message(Lang::En.text());
        assert!(
            message.contains("`7322`") && message.contains("73.22"),
            "{message}"
        );
    }

    #[test]
    fn values_from_the_file_are_escaped_in_the_sentence() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let mut wrong = plan.clone();
        wrong.programs[0].milestones[0].due = "besok\u{1b}[2J".into();
        let problems = crate::plan::validate::validate(&wrong);
        let message = problems[0].message(Lang::Id.text());
        assert!(message.contains("besok\\u{1b}[2J"), "{message}");

        let mut wrong = plan.clone();
        wrong.programs[0].element = "Layanan\u{7}".into();
        let problems = crate::plan::validate::validate(&wrong);
        let message = problems[0].message(Lang::En.text());
        assert!(
            message.contains("Layanan\\u{7}") && !message.contains('\u{7}'),
            "{message}"
        );
    }
}
