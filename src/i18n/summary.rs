//! The summary (`pantau summary`, the overview report).

/// The summary (`pantau summary`, the overview report).
pub struct Summary {
    pub s_period: &'static str,
    pub s_as_of: &'static str,
    pub s_dimension: &'static str,
    pub s_programs: &'static str,
    pub s_done: &'static str,
    pub s_in_progress: &'static str,
    pub s_delayed: &'static str,
    pub s_percent_done: &'static str,
    pub s_percent_running: &'static str,
    /// `{0}` programmes under way or delivered of `{1}`, `{2}` their share.
    pub s_running: &'static str,
    pub s_quick_wins: &'static str,
    pub s_total: &'static str,
    pub s_overdue: &'static str,
    pub s_due_soon: &'static str,
    pub s_targets_year: &'static str,
    pub s_none: &'static str,
    pub s_days_late: &'static str,
    pub s_in_days: &'static str,
    pub s_today: &'static str,
    pub s_actual: &'static str,
}
