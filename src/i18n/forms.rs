//! Edit forms and `pantau set`: field names and what a valid value is, and
//! a refused value (`plan::field::FieldError`) in words.

use super::{Text, fill};
use crate::plan::field::{Expected, FieldError};
use crate::plan::schema::Kind;

/// Edit forms and `pantau set`: field names and what a valid value is.
pub struct Forms {
    pub fields: FieldLabels,
    pub f_year: &'static str,
    /// What a region code looks like.
    pub f_code: &'static str,
    pub f_end_after_start: &'static str,
    pub f_unknown_field: &'static str,
    pub f_bad_value: &'static str,
    pub f_no_such_item: &'static str,
    pub f_milestone: &'static str,
    pub f_target: &'static str,
    pub f_budget: &'static str,
    pub f_evidence: &'static str,
    pub f_required: &'static str,
    pub f_required_short: &'static str,
    pub f_one_of: &'static str,
    pub f_year_in: &'static str,
    pub f_date: &'static str,
    pub f_bool: &'static str,
    pub f_number: &'static str,
    pub f_id_taken: &'static str,
    /// An amount of money, e.g. `1500000000` or `1.500.000.000`.
    pub f_rupiah: &'static str,
    /// `{0}` the Indonesian reading, `{1}` the English one.
    pub f_ambiguous: &'static str,
    /// An evidence link: a path or a URL.
    pub f_link: &'static str,
    /// A self-assessment score on the index's scale.
    pub f_score: &'static str,
    pub evidence_kinds: EvidenceKindWords,
    pub evidence_states: EvidenceStateWords,
    /// Which way an indicator is good.
    pub directions: DirectionWords,
    /// The names a plan's achievement bands go by.
    pub regimes: RegimeWords,
    /// What an indicator measures.
    pub measures: MeasureWords,
}

/// Output, use, quality, impact: what an indicator measures.
pub struct MeasureWords {
    pub output: &'static str,
    pub usage: &'static str,
    pub quality: &'static str,
    pub impact: &'static str,
}

pub struct RegimeWords {
    pub lkjip: &'static str,
    pub rkpd: &'static str,
}

pub struct EvidenceKindWords {
    pub policy: &'static str,
    pub inventory: &'static str,
    pub review: &'static str,
    pub other: &'static str,
}

pub struct EvidenceStateWords {
    pub missing: &'static str,
    pub draft: &'static str,
    pub ready: &'static str,
}

pub struct DirectionWords {
    pub higher: &'static str,
    pub lower: &'static str,
    pub range: &'static str,
}

/// What each field of the schema (`plan::schema`) is called: the one label
/// family, read through `ProgramField::label` and the like (`i18n::fields`).
pub struct FieldLabels {
    /// A programme's fields as a column or a line of the detail view names
    /// them, where that is shorter than the form's label.
    pub headings: Headings,
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub dimension: &'static str,
    pub element: &'static str,
    /// What of the mid-term plan (RPJMD) a programme serves.
    pub rpjmd: &'static str,
    pub horizon: &'static str,
    pub lead: &'static str,
    pub support: &'static str,
    pub funding: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub status: &'static str,
    pub notes: &'static str,
    pub title: &'static str,
    pub due: &'static str,
    pub done: &'static str,
    pub year: &'static str,
    pub indicator: &'static str,
    pub unit: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    pub direction: &'static str,
    pub upper: &'static str,
    pub base_year: &'static str,
    pub source: &'static str,
    pub definition: &'static str,
    /// What a target's indicator measures (output, use, quality, impact).
    pub measures: &'static str,
    pub weight: &'static str,
    pub allocation: &'static str,
    pub spent: &'static str,
    pub budget_source: &'static str,
    pub document: &'static str,
    pub kind: &'static str,
    pub state: &'static str,
    pub link: &'static str,
    pub score: &'static str,
    pub region: &'static str,
    pub code: &'static str,
    pub province: &'static str,
    pub vision: &'static str,
    pub period_start: &'static str,
    pub period_end: &'static str,
    pub bands: &'static str,
    pub elements: &'static str,
}

/// The short names of a programme's fields, for columns and the detail view.
pub struct Headings {
    pub id: &'static str,
    pub name: &'static str,
    pub lead: &'static str,
}

impl FieldError {
    /// The refusal in a sentence: which value, which field, what it takes.
    pub fn render(&self, t: &Text) -> String {
        let esc = |s: &str| crate::text::escape(s).into_owned();
        match self {
            FieldError::UnknownField { field, valid } => {
                fill(t.forms.f_unknown_field, &[&esc(field), &valid.join(", ")])
            }
            FieldError::BadValue {
                field,
                value,
                expected,
            } => fill(
                t.forms.f_bad_value,
                &[&esc(value), &esc(field), &t.expected(expected)],
            ),
            FieldError::NoSuchItem {
                what,
                number,
                count,
            } => fill(
                t.forms.f_no_such_item,
                &[&what.word(t), number, count, &(count + 1)],
            ),
            FieldError::Required { field } => fill(t.forms.f_required, &[&esc(field)]),
        }
    }

    /// Only the reason, for showing beside a field in a form.
    pub fn reason(&self, t: &Text) -> String {
        match self {
            FieldError::BadValue { expected, .. } => t.expected(expected),
            FieldError::Required { .. } => t.forms.f_required_short.to_string(),
            other => other.render(t),
        }
    }
}

/// The kinds whose values the data file names by a key with a word of its own.
const VALUE_KINDS: [Kind; 8] = [
    Kind::Status,
    Kind::Horizon,
    Kind::Direction,
    Kind::EvidenceKind,
    Kind::EvidenceState,
    Kind::Bands,
    Kind::FollowUpStatus,
    Kind::Source,
];

impl Text {
    /// What a field takes, in words.
    pub fn expected(&self, e: &Expected) -> String {
        let f = &self.forms;
        match e {
            Expected::OneOf(names) => {
                // In the reader's words (`Berjalan`, not `InProgress`):
                // `set`, forms and import read both.
                let words: Vec<&str> = names
                    .iter()
                    .map(|name| {
                        VALUE_KINDS
                            .iter()
                            .find_map(|&kind| self.word(kind, name))
                            .unwrap_or(name)
                    })
                    .collect();
                fill(f.f_one_of, &[&words.join(" | ")])
            }
            Expected::YearIn(period) => fill(f.f_year_in, &[&period.start, &period.end]),
            Expected::Year => f.f_year.to_string(),
            Expected::RegionCode => f.f_code.to_string(),
            Expected::Date => f.f_date.to_string(),
            Expected::Bool => f.f_bool.to_string(),
            Expected::Number => f.f_number.to_string(),
            Expected::FreeId => f.f_id_taken.to_string(),
            Expected::Rupiah => f.f_rupiah.to_string(),
            Expected::Ambiguous {
                indonesian,
                english,
            } => fill(
                f.f_ambiguous,
                &[
                    &super::format::ungrouped(*indonesian, crate::i18n::Lang::Id),
                    &super::format::ungrouped(*english, crate::i18n::Lang::En),
                ],
            ),
            Expected::Link => f.f_link.to_string(),
            Expected::Score => f.f_score.to_string(),
            Expected::Quarter => self.lang.fiscal().e_quarter.to_string(),
            Expected::Month => self.lang.fiscal().e_month.to_string(),
            Expected::Percent => self.lang.fiscal().e_percent.to_string(),
            Expected::SubActivityCode => self.lang.fiscal().e_code.to_string(),
            Expected::Printable => self.lang.followups().printable.to_string(),
            Expected::DatedLines { line } => fill(
                self.lang.followups().dated_lines,
                &[&crate::text::escape(line)],
            ),
            Expected::FreeFollowUpId => self.lang.followups().free_id.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::plan::edit::Header;
    use crate::plan::field::HeaderField;

    #[test]
    fn a_refused_region_code_says_what_one_looks_like() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let t = Lang::En.text();
        let mut h = Header::of(&plan);
        let e = HeaderField::Code.parse_into(&mut h, "73.2").unwrap_err();
        assert!(e.render(t).contains("73.22"), "{}", e.render(t));
    }
}
