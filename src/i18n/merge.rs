/// How a conflict between two officers' changes is named: the item, the
/// field and the values, in the officer's words (the prompt, `pantau set`).
#[derive(Debug)]
pub struct Merge {
    pub m_plan: &'static str,
    /// `dimension {0}`: its name.
    pub m_dimension: &'static str,
    /// `{0} “{1}”`: the programme's id and name.
    pub m_program: &'static str,
    /// `milestone {1} “{2}” of {0}`: the programme's id, the number, the title.
    pub m_milestone: &'static str,
    /// `target {1} “{2}” of {0}`: the programme's id, the year, the indicator.
    pub m_target: &'static str,
    /// `budget {1} ({2}) of {0}`: the programme's id, the number, the year.
    pub m_budget: &'static str,
    /// `evidence {1} “{2}” of {0}`: the programme's id, the number, the document.
    pub m_evidence: &'static str,
    /// The "field" when one side deleted the item and the other changed it.
    pub m_presence: &'static str,
    pub m_order_programs: &'static str,
    pub m_order_dimensions: &'static str,
    pub m_order_milestones: &'static str,
    pub m_order_targets: &'static str,
    pub m_order_budget: &'static str,
    pub m_order_evidence: &'static str,
    pub m_comment: &'static str,
    /// The plan's evaluation section (weights, self-assessment, results).
    pub m_evaluation: &'static str,
    /// What a side that deleted the item holds.
    pub m_deleted: &'static str,
    /// `by {0}, {1}`: who made the other change, and when (from the audit log).
    pub m_by: &'static str,
    /// When the audit log does not say who.
    pub m_by_unknown: &'static str,
}
