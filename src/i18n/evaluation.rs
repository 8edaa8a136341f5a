//! The yearly evaluation (`--kind evaluation`, the interface's evaluation view):
//! aspects, the estimated index, evidence and budget, in both languages.

/// The yearly evaluation's strings.
pub struct EvaluationText {
    /// `{0}`: the year.
    pub title: &'static str,
    /// The five aspects in `Aspect::ALL`'s order.
    pub aspects: [&'static str; 5],
    pub aspect: &'static str,
    pub weight: &'static str,
    pub measured: &'static str,
    pub score: &'static str,
    pub from: &'static str,
    /// Where a score comes from.
    pub from_measured: &'static str,
    pub from_officer: &'static str,
    pub from_missing: &'static str,
    /// `{0}` year, `{1}` the index.
    pub index_line: &'static str,
    /// `{0}`: the weight × score terms.
    pub index_terms: &'static str,
    /// `{0}`: the aspects without a score.
    pub index_missing: &'static str,
    /// `{0}`: the weights in words.
    pub caveat: &'static str,
    pub weights_default: &'static str,
    pub weights_plan: &'static str,
    pub measures_note: &'static str,
    pub by_dimension: &'static str,
    /// Physical progress (realisasi fisik).
    pub physical: &'static str,
    /// Budget absorption (serapan anggaran).
    pub absorption: &'static str,
    pub allocated: &'static str,
    pub spent: &'static str,
    /// `{0}`: how many.
    pub evidence_open: &'static str,
    pub evidence_by_lead: &'static str,
    pub document: &'static str,
    pub state: &'static str,
    pub count: &'static str,
    /// `{0}`: how many.
    pub gaps: &'static str,
    pub spent_ahead: &'static str,
    pub work_ahead: &'static str,
    pub results: &'static str,
    pub index: &'static str,
    pub letter: &'static str,
    /// `{0}`: the year.
    pub estimate_row: &'static str,
    pub e_year: &'static str,
    pub lower_is_better: &'static str,
    /// Said of a range only: a single target is higher-is-better unless told.
    pub higher_is_better: &'static str,
    pub range: &'static str,
    pub base_year: &'static str,
    pub budget_heading: &'static str,
    pub progress_line: &'static str,
    pub allocated_inline: &'static str,
    pub spent_inline: &'static str,
    pub overspent: &'static str,
    pub evidence_heading: &'static str,
}
