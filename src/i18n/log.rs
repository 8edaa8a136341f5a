//! The audit log read back (`pantau log`, the detail's recent changes).

/// The audit log read back: one change in words.
pub struct Log {
    /// `{0}: {1} -> {2}`: what, the value before, the value after.
    pub l_change: &'static str,
    /// `milestone {0}`: its place in the list, from 1.
    pub l_milestone: &'static str,
    /// `target {0}`: its year.
    pub l_target: &'static str,
    pub l_budget: &'static str,
    pub l_evidence: &'static str,
    pub l_milestones: &'static str,
    pub l_targets: &'static str,
    pub l_budgets: &'static str,
    pub l_evidences: &'static str,
    /// `{0} added: {1}` / `{0} removed: {1}`: the item and what it held.
    pub l_added: &'static str,
    pub l_removed: &'static str,
    /// `{0} reordered`: milestones or targets, the same ones in a new order.
    pub l_reordered: &'static str,
    pub l_done: &'static str,
    pub l_due: &'static str,
    pub l_title: &'static str,
    pub l_year: &'static str,
    pub l_indicator: &'static str,
    pub l_baseline: &'static str,
    pub l_goal: &'static str,
    pub l_actual: &'static str,
    pub l_yes: &'static str,
    pub l_no: &'static str,
    /// An empty value.
    pub l_none: &'static str,
}
