//! Validation problems: what is wrong in a plan that parsed.

/// Validation problems: what is wrong in a plan that parsed.
pub struct Validate {
    pub p_version: &'static str,
    pub p_period: &'static str,
    pub p_empty_title: &'static str,
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
}
