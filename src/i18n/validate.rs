//! Validation problems: what is wrong in a plan that parsed.

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
    pub p_end_before_start: &'static str,
    pub p_year_outside: &'static str,
    pub p_milestone_title: &'static str,
    pub p_milestone_date: &'static str,
    pub p_target_year: &'static str,
    pub p_target_indicator: &'static str,
    pub p_target_number: &'static str,
    pub p_string_too_long: &'static str,
    pub p_period_range: &'static str,
    pub p_target_zero: &'static str,
    pub p_range_upper: &'static str,
    pub p_range_reversed: &'static str,
    pub p_upper_not_range: &'static str,
    pub p_weight_range: &'static str,
    pub p_weight_sum: &'static str,
    pub p_budget_year: &'static str,
    pub p_budget_duplicate: &'static str,
    pub p_budget_amount: &'static str,
    pub p_evidence_name: &'static str,
    pub p_evidence_link: &'static str,
    pub p_eval_weight_negative: &'static str,
    pub p_eval_weight_sum: &'static str,
    pub p_eval_score: &'static str,
    pub p_eval_result: &'static str,
    /// A warning, not a problem: spending above the allocation.
    pub w_overspent: &'static str,
    /// A hint: `{0}` the target's number, `{1}`–`{2}` its range, good only
    /// within it; most ranges are better on one side.
    pub w_plain_range: &'static str,
}
