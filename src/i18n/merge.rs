//! A conflict between two officers' changes put to the officer: the item, the
//! field and both values in words (the prompt, `pantau set`, the merge driver).

use super::{Lang, Text, fill};
use crate::plan::merge::{Choice, Conflict, Field, List, Renamed, Subject, Why};
use crate::plan::schema::Kind;

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
    /// `{0} of {1}`: a field of an item, as a question names it.
    pub m_field_of: &'static str,
    /// `whether {0} is kept`: the question when one side deleted the item.
    pub m_presence_of: &'static str,
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
    /// `changed: {0}`: what the side that kept an item the other deleted
    /// changed in it, the fields' labels.
    pub m_changed: &'static str,
    /// A programme's lists, as a changed "field".
    pub m_list_milestones: &'static str,
    pub m_list_targets: &'static str,
    pub m_list_budget: &'static str,
    pub m_list_evidence: &'static str,
    /// `by {0}, {1}`: who made the other change, and when (from the audit log).
    pub m_by: &'static str,
    /// When the audit log does not say who.
    pub m_by_unknown: &'static str,
    /// Who, when the audit log does not say: `{0} was taken by …`.
    pub m_someone: &'static str,
    /// The officer's new programme under a free id: the id offered, the
    /// id it has now, who took the first meanwhile.
    pub m_taken_program: &'static str,
    /// The same for a new dimension.
    pub m_taken_dimension: &'static str,
    /// A programme renamed meanwhile: its old id, its new one, who.
    pub m_renamed_there: &'static str,
}

/// A conflict put to the officer: the item, the field and both values in
/// words.
impl Conflict {
    /// The item in words: `GOV-02 “Super App”`, `milestone 3 “Uji coba” of GOV-02`.
    pub fn item(&self, t: &Text) -> String {
        let m = &t.merge;
        match &self.subject {
            Subject::Plan => m.m_plan.to_string(),
            Subject::Dimension { name, .. } => fill(m.m_dimension, &[name]),
            Subject::Program { id, name } => fill(m.m_program, &[id, name]),
            Subject::Milestone {
                program,
                number,
                title,
            } => fill(m.m_milestone, &[program, number, title]),
            Subject::Target {
                program,
                year,
                indicator,
                ..
            } => fill(m.m_target, &[program, year, indicator]),
            Subject::Budget {
                program,
                number,
                year,
            } => fill(m.m_budget, &[program, number, year]),
            Subject::Evidence {
                program,
                number,
                name,
            } => fill(m.m_evidence, &[program, number, name]),
            Subject::Period {
                program,
                number,
                year,
                quarter,
                month,
            } => {
                let tag = crate::plan::model::FiscalPeriod {
                    quarter: *quarter,
                    month: *month,
                    ..Default::default()
                }
                .tag();
                t.period_subject(program, *number, *year, &tag)
            }
            Subject::BudgetChange {
                program,
                number,
                date,
            } => fill(t.lang.fiscal().m_budget_change, &[program, number, date]),
            Subject::SubActivity {
                program,
                number,
                code,
            } => fill(t.lang.fiscal().m_subactivity, &[program, number, code]),
            Subject::FollowUp {
                program,
                number,
                id,
            } => {
                let f = t.lang.followups();
                let owner = if program.is_empty() {
                    f.of_plan
                } else {
                    program
                };
                fill(f.in_merge, &[&owner, number, id])
            }
        }
    }

    /// What the question is about, in words: `Status of GOV-02 “Super App”`,
    /// `whether milestone 3 “Uji coba” of GOV-02 is kept`, `order of the
    /// programs`: the label and the item joined as the field needs; raw,
    /// for the caller to escape.
    pub fn what(&self, lang: Lang) -> String {
        let t = lang.text();
        let item = self.item(t);
        match (&self.subject, self.field) {
            (_, Field::Presence) => fill(t.merge.m_presence_of, &[&item]),
            (Subject::Plan, Field::Order(_) | Field::Comment | Field::Evaluation) => {
                self.label(lang).to_string()
            }
            _ => fill(t.merge.m_field_of, &[&self.label(lang), &item]),
        }
    }

    /// The field's label as the forms show it.
    pub fn label(&self, lang: Lang) -> &'static str {
        label(self.field, lang)
    }

    /// One side's value as the views show it: statuses and horizons in
    /// words, yes and no, `(none)` for nothing, `(deleted)`.
    pub fn show(&self, side: Choice, lang: Lang) -> String {
        let t = lang.text();
        let value = match side {
            Choice::Mine => &self.mine,
            Choice::Theirs => &self.theirs,
        };
        let Some(value) = value else {
            return t.merge.m_deleted.to_string();
        };
        let kind = match self.field {
            Field::Header(f) => f.kind(),
            Field::Dimension(f) => f.kind(),
            Field::Program(f) => f.kind(),
            Field::Milestone(f) => f.kind(),
            Field::Target(f) => f.kind(),
            Field::Budget(f) => f.kind(),
            Field::Evidence(f) => f.kind(),
            // The side that kept an item the other deleted: what it changed.
            Field::Presence if !self.changed.is_empty() => {
                let fields: Vec<&str> = self.changed.iter().map(|&f| label(f, lang)).collect();
                return fill(t.merge.m_changed, &[&fields.join(", ")]);
            }
            Field::Period(f) => f.kind(),
            Field::BudgetChange(f) => f.kind(),
            Field::SubActivity(f) => f.kind(),
            Field::FollowUp(f) => f.kind(),
            Field::Presence
            | Field::Order(_)
            | Field::List(_)
            | Field::Comment
            | Field::Evaluation => Kind::Line,
        };
        t.value(kind, value)
    }

    /// Who made the other change, in words.
    pub fn author(&self, t: &Text) -> String {
        match &self.by {
            Some(a) => fill(t.merge.m_by, &[&a.who, &a.when]),
            None => t.merge.m_by_unknown.to_string(),
        }
    }
}

/// A field's label as the forms show it; a list by its name.
fn label(field: Field, lang: Lang) -> &'static str {
    let m = &lang.text().merge;
    match field {
        Field::Header(f) => f.label(lang),
        Field::Dimension(f) => f.label(lang),
        Field::Program(f) => f.label(lang),
        Field::Milestone(f) => f.label(lang),
        Field::Target(f) => f.label(lang),
        Field::Budget(f) => f.label(lang),
        Field::Evidence(f) => f.label(lang),
        Field::Period(f) => f.label(lang),
        Field::BudgetChange(f) => f.label(lang),
        Field::SubActivity(f) => f.label(lang),
        Field::FollowUp(f) => f.label(lang),
        Field::Presence => m.m_presence,
        Field::Order(List::Programs) => m.m_order_programs,
        Field::Order(List::Dimensions) => m.m_order_dimensions,
        Field::Order(List::Milestones) => m.m_order_milestones,
        Field::Order(List::Targets) => m.m_order_targets,
        Field::Order(List::Budget) => m.m_order_budget,
        Field::Order(List::Evidence) => m.m_order_evidence,
        Field::Order(List::Periods) => lang.fiscal().m_order_periods,
        Field::Order(List::BudgetChanges) => lang.fiscal().m_order_budget_changes,
        Field::Order(List::SubActivities) => lang.fiscal().m_order_subactivities,
        Field::Order(List::FollowUps) => lang.followups().order,
        Field::Comment => m.m_comment,
        Field::Evaluation => m.m_evaluation,
        Field::List(List::Milestones) => m.m_list_milestones,
        Field::List(List::Targets) => m.m_list_targets,
        Field::List(List::Budget) => m.m_list_budget,
        Field::List(List::Evidence) => m.m_list_evidence,
        Field::List(List::Periods) => lang.fiscal().l_periods,
        Field::List(List::BudgetChanges) => lang.fiscal().l_budget_changes,
        Field::List(List::SubActivities) => lang.fiscal().l_subactivities,
        Field::List(List::FollowUps) => lang.followups().list,
        // Never changed as a "field": programmes and dimensions are the items.
        Field::List(List::Programs) => m.m_order_programs,
        Field::List(List::Dimensions) => m.m_order_dimensions,
    }
}

/// An id a merge changed, told to the officer whose session knew the old one.
impl Renamed {
    pub fn message(&self, t: &Text) -> String {
        let m = &t.merge;
        let who = self.by.as_ref().map_or(m.m_someone, |a| a.who.as_str());
        let words = match (self.why, self.list) {
            (Why::Taken, List::Dimensions) => m.m_taken_dimension,
            (Why::Taken, _) => m.m_taken_program,
            (Why::RenamedThere, _) => m.m_renamed_there,
        };
        fill(
            words,
            &[
                &crate::text::escape(&self.from),
                &crate::text::escape(&self.to),
                &crate::text::escape(who),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::field::{BudgetField, ProgramField};
    use crate::plan::merge::Author;

    #[test]
    fn a_conflict_is_asked_in_the_officers_words() {
        let c = Conflict {
            subject: Subject::Program {
                id: "GOV-01".into(),
                name: "Super App".into(),
            },
            field: Field::Program(ProgramField::Status),
            mine: Some("Done".into()),
            theirs: Some("NotStarted".into()),
            by: None,
            changed: Vec::new(),
        };
        let id = Lang::Id;
        assert_eq!(c.label(id), id.text().forms.fields.status);
        assert_eq!(c.show(Choice::Mine, id), "Selesai");
        assert_eq!(c.show(Choice::Theirs, Lang::En), "Not started");
        assert_eq!(c.item(Lang::En.text()), "GOV-01 “Super App”");
        assert_eq!(c.what(Lang::En), "Status of GOV-01 “Super App”");
        let gone = Conflict {
            field: Field::Presence,
            theirs: None,
            ..c.clone()
        };
        assert_eq!(gone.what(Lang::En), "whether GOV-01 “Super App” is kept");
        assert_eq!(gone.what(Lang::Id), "apakah GOV-01 “Super App” tetap ada");
        assert_eq!(
            c.author(Lang::En.text()),
            Lang::En.text().merge.m_by_unknown
        );
        let by = Conflict {
            by: Some(Author {
                who: "andi".into(),
                when: "2026-11-28 10:15".into(),
            }),
            ..c
        };
        assert!(by.author(Lang::En.text()).contains("andi"));
    }

    #[test]
    fn a_budget_line_is_named_by_number_and_year_and_a_deleted_side_says_so() {
        let c = Conflict {
            subject: Subject::Budget {
                program: "GOV-01".into(),
                number: 1,
                year: 2024,
            },
            field: Field::Budget(BudgetField::Spent),
            mine: Some("3".into()),
            theirs: None,
            by: None,
            changed: Vec::new(),
        };
        assert_eq!(c.label(Lang::En), "Spent (Rp)");
        assert_eq!(c.item(Lang::En.text()), "budget 1 (2024) of GOV-01");
        assert_eq!(c.show(Choice::Theirs, Lang::En), "(deleted)");
    }
}
