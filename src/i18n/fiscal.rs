//! The fiscal year inside a programme in words: the names of its periods',
//! budget changes' and sub-activities' fields and lists, and what those
//! fields take.

use super::{Lang, Text, fill};
use crate::plan::change::ItemField;
use crate::plan::model::BudgetChangeKind;
use crate::plan::schema::{BudgetChangeField, Item, PeriodField, SubActivityField};

pub struct FiscalText {
    /// The programme's reference to the agency's strategic plan.
    pub renstra: &'static str,
    /// The lists as a form and `set --help` name them (lower case).
    pub period: &'static str,
    pub budget_change: &'static str,
    pub subactivity: &'static str,
    /// One item of each list in the log: `{0}` its number.
    pub l_period: &'static str,
    pub l_budget_change: &'static str,
    pub l_subactivity: &'static str,
    /// The lists whole in the log.
    pub l_periods: &'static str,
    pub l_budget_changes: &'static str,
    pub l_subactivities: &'static str,
    /// An item in a merge's question: `{0}` the programme, `{1}` the item's
    /// number, `{2}` what names it (`2026 TW3`, a date, a code).
    pub m_period: &'static str,
    pub m_budget_change: &'static str,
    pub m_subactivity: &'static str,
    pub m_order_periods: &'static str,
    pub m_order_budget_changes: &'static str,
    pub m_order_subactivities: &'static str,
    /// A period's fields.
    pub quarter: &'static str,
    pub month: &'static str,
    pub cash_plan: &'static str,
    pub spent: &'static str,
    pub physical: &'static str,
    pub problems: &'static str,
    pub follow_up: &'static str,
    /// A budget change's fields.
    pub date: &'static str,
    pub new_allocation: &'static str,
    pub change_kind: &'static str,
    pub note: &'static str,
    /// A sub-activity's fields.
    pub code: &'static str,
    pub subactivity_name: &'static str,
    pub agency: &'static str,
    pub allocation: &'static str,
    /// The kinds of budget change.
    pub shift: &'static str,
    pub amendment: &'static str,
    /// What a field takes.
    pub e_quarter: &'static str,
    pub e_month: &'static str,
    pub e_percent: &'static str,
    pub e_code: &'static str,
}

impl Item {
    /// The fiscal lists' words; `None` for the others (`Item::word`).
    pub(super) fn fiscal_word(self, lang: Lang) -> Option<&'static str> {
        let f = lang.fiscal();
        match self {
            Item::Period => Some(f.period),
            Item::BudgetChange => Some(f.budget_change),
            Item::SubActivity => Some(f.subactivity),
            Item::Milestone | Item::Target | Item::Budget | Item::Evidence => None,
        }
    }

    /// One item of a fiscal list in the log, `{0}` its number.
    pub(super) fn fiscal_logged(self, lang: Lang) -> Option<(&'static str, &'static str)> {
        let f = lang.fiscal();
        match self {
            Item::Period => Some((f.l_period, f.l_periods)),
            Item::BudgetChange => Some((f.l_budget_change, f.l_budget_changes)),
            Item::SubActivity => Some((f.l_subactivity, f.l_subactivities)),
            Item::Milestone | Item::Target | Item::Budget | Item::Evidence => None,
        }
    }
}

impl PeriodField {
    pub fn label(self, lang: Lang) -> &'static str {
        let f = lang.fiscal();
        match self {
            PeriodField::Year => lang.text().forms.fields.year,
            PeriodField::Quarter => f.quarter,
            PeriodField::Month => f.month,
            PeriodField::CashPlan => f.cash_plan,
            PeriodField::Spent => f.spent,
            PeriodField::Physical => f.physical,
            PeriodField::Problems => f.problems,
            PeriodField::FollowUp => f.follow_up,
        }
    }
}

impl BudgetChangeField {
    pub fn label(self, lang: Lang) -> &'static str {
        let f = lang.fiscal();
        match self {
            BudgetChangeField::Year => lang.text().forms.fields.year,
            BudgetChangeField::Date => f.date,
            BudgetChangeField::Allocation => f.new_allocation,
            BudgetChangeField::Kind => f.change_kind,
            BudgetChangeField::Note => f.note,
        }
    }
}

impl SubActivityField {
    pub fn label(self, lang: Lang) -> &'static str {
        let f = lang.fiscal();
        match self {
            SubActivityField::Code => f.code,
            SubActivityField::Name => f.subactivity_name,
            SubActivityField::Agency => f.agency,
            SubActivityField::Allocation => f.allocation,
        }
    }
}

impl BudgetChangeKind {
    pub fn word(self, lang: Lang) -> &'static str {
        let f = lang.fiscal();
        match self {
            BudgetChangeKind::Shift => f.shift,
            BudgetChangeKind::Amendment => f.amendment,
        }
    }
}

impl ItemField {
    /// The label of a list item's field, for the log.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ItemField::Milestone(f) => f.label(lang),
            ItemField::Target(f) => f.label(lang),
            ItemField::Budget(f) => f.label(lang),
            ItemField::Evidence(f) => f.label(lang),
            ItemField::Period(f) => f.label(lang),
            ItemField::BudgetChange(f) => f.label(lang),
            ItemField::SubActivity(f) => f.label(lang),
        }
    }
}

impl Text {
    /// A period's name in a merge question: `2026 TW3`.
    pub(super) fn period_subject(
        &self,
        program: &str,
        number: usize,
        year: i32,
        tag: &str,
    ) -> String {
        fill(
            self.lang.fiscal().m_period,
            &[&program, &number, &format!("{year} {tag}")],
        )
    }
}
