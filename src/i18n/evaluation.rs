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
    /// The quick-win aspect of a year with no quick win scheduled: no
    /// input, never a 0.
    pub from_no_quick_win: &'static str,
    /// Impact from the resident survey.
    pub from_survey: &'static str,
    /// Baseline from the ministry's previous result; `{0}`: its year.
    pub from_previous: &'static str,
    /// Impact measured from the plan's targets: a proxy of the survey.
    pub from_proxy: &'static str,
    /// `{0}`: the year, `{1}`: the index.
    pub last_official: &'static str,
    pub no_official: &'static str,
    /// `{0}`: the years' items, each `off_by_item` or `off_by_none`.
    pub off_by: &'static str,
    /// `{0}` year, `{1}` estimate, `{2}` official, `{3}` the signed difference.
    pub off_by_item: &'static str,
    /// `{0}`: the year.
    pub off_by_none: &'static str,
    /// How the year's statuses were found; `{0}`: the year.
    pub statuses_recorded: &'static str,
    pub statuses_derived: &'static str,
    pub statuses_ahead: &'static str,
    /// `{0}` measured, `{1}` of, `{2}` the year, `{3}` missing.
    pub impact_targets: &'static str,
    /// Column titles of the results table.
    pub estimate_col: &'static str,
    pub off_by_col: &'static str,
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
    /// `{0}`: how many, `{1}`: the fiscal year.
    pub gaps: &'static str,
    /// `{0}`: the fiscal year of the physical progress and absorption.
    pub money_year: &'static str,
    /// `{0}`: the fiscal year; the heading of the money per lead agency.
    pub money_by_lead: &'static str,
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
    /// `{0}`: the fiscal year, `{1}` physical progress, `{2}` absorption.
    pub progress_line: &'static str,
    pub allocated_inline: &'static str,
    pub spent_inline: &'static str,
    pub overspent: &'static str,
    pub evidence_heading: &'static str,
}
