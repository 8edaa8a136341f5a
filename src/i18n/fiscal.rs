//! The fiscal year inside a programme in words: the names of its periods',
//! budget changes' and sub-activities' fields and lists, and what those
//! fields take.

use super::format::{money, number};
use super::{Lang, Text, fill};
use crate::plan::change::ItemField;
use crate::plan::model::BudgetChangeKind;
use crate::plan::schema::{BudgetChangeField, Item, PeriodField, SubActivityField};
use crate::plan::validate::{ProblemKind, When};
use crate::text::escape;

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
    /// A period by name: `{0}` the quarter in `quarter_numerals`, `{1}` the year.
    pub quarter_of: &'static str,
    pub quarter_numerals: [&'static str; 4],
    /// `{0}` the month's name, `{1}` the year.
    pub month_of: &'static str,
    /// A period with neither a quarter nor a month.
    pub no_period: &'static str,
    /// Problems. `{0}` the item's number; the others as each says.
    /// `{1}` the list's word, `{0}` the number, `{2}` the year, `{3}`–`{4}` the plan's period.
    pub p_year: &'static str,
    /// `{1}` the year.
    pub p_when: &'static str,
    /// `{1}` the earlier number, `{2}` the period.
    pub p_repeated: &'static str,
    /// `{1}` the list's word, `{2}` the value.
    pub p_amount: &'static str,
    /// `{1}` the period, `{2}` the value.
    pub p_physical_range: &'static str,
    /// `{1}` the period, `{2}` the value, `{3}` the earlier value.
    pub p_physical_down: &'static str,
    /// `{1}` the period.
    pub p_months_disagree: &'static str,
    /// `{1}` the year, `{2}` the date as written.
    pub p_change_date: &'static str,
    /// `{1}` the code as written.
    pub p_code: &'static str,
    /// `{0}` the period, `{1}` spending to date, `{2}` the pagu then.
    pub p_overspent: &'static str,
    /// `{1}` the code, `{2}` its allocation here, `{3}` the other programme,
    /// `{4}` its allocation there.
    pub w_code_conflict: &'static str,
    /// What a field takes.
    pub e_quarter: &'static str,
    pub e_month: &'static str,
    pub e_percent: &'static str,
    pub e_code: &'static str,
    /// The quarterly report. `{0}` the period in words.
    pub q_title: &'static str,
    /// `{0}` the period's last day in words.
    pub q_intro: &'static str,
    pub q_no: &'static str,
    pub q_code: &'static str,
    pub q_programme: &'static str,
    pub q_pagu: &'static str,
    pub q_rak: &'static str,
    pub q_real: &'static str,
    pub q_real_pct: &'static str,
    pub q_deviation: &'static str,
    pub q_physical: &'static str,
    pub q_remarks: &'static str,
    pub q_total: &'static str,
    pub q_not_reported: &'static str,
    pub q_running: &'static str,
    pub q_spent_ahead: &'static str,
    /// `{0}` how many programmes, `{1}` how many of them not reported.
    pub q_missing: &'static str,
    pub q_none: &'static str,
    /// The alignment matrix.
    pub a_title: &'static str,
    pub a_intro: &'static str,
    pub a_dimension: &'static str,
    pub a_subactivities: &'static str,
    pub a_aligned: &'static str,
    /// `{0}` what is missing.
    pub a_missing: &'static str,
    /// `{0}` how many.
    pub a_unaligned: &'static str,
    pub a_all_aligned: &'static str,
    pub a_missing_col: &'static str,
}

impl Item {
    /// The fiscal lists' words; `None` for the others (`Item::word`).
    pub(super) fn fiscal_word(self, lang: Lang) -> Option<&'static str> {
        let f = lang.fiscal();
        match self {
            Item::Period => Some(f.period),
            Item::BudgetChange => Some(f.budget_change),
            Item::SubActivity => Some(f.subactivity),
            Item::Milestone | Item::Target | Item::Budget | Item::Evidence | Item::FollowUp => None,
        }
    }

    /// One item of a fiscal list in the log, `{0}` its number.
    pub(super) fn fiscal_logged(self, lang: Lang) -> Option<(&'static str, &'static str)> {
        let f = lang.fiscal();
        match self {
            Item::Period => Some((f.l_period, f.l_periods)),
            Item::BudgetChange => Some((f.l_budget_change, f.l_budget_changes)),
            Item::SubActivity => Some((f.l_subactivity, f.l_subactivities)),
            Item::Milestone | Item::Target | Item::Budget | Item::Evidence | Item::FollowUp => None,
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
            ItemField::FollowUp(f) => f.label(lang),
        }
    }
}

impl Text {
    /// A period in words: `Q3 2026`, `Triwulan III 2026`, `Agustus 2026`.
    pub fn when(&self, w: When) -> String {
        let f = self.lang.fiscal();
        match (w.quarter, w.month) {
            (Some(q @ 1..=4), None) => fill(
                f.quarter_of,
                &[&f.quarter_numerals[usize::from(q - 1)], &w.year],
            ),
            (None, Some(m @ 1..=12)) => fill(
                f.month_of,
                &[&self.lang.report().months[usize::from(m - 1)], &w.year],
            ),
            _ => fill(f.no_period, &[&w.year]),
        }
    }

    /// A problem of the fiscal year in words, values from the file escaped.
    pub(super) fn fiscal_problem(&self, kind: &ProblemKind) -> String {
        let f = self.lang.fiscal();
        let lang = self.lang;
        let list = |item: Item| item.fiscal_word(lang).unwrap_or_default();
        match kind {
            ProblemKind::FiscalYear {
                list: item,
                number,
                year,
                period,
            } => fill(
                f.p_year,
                &[number, &list(*item), year, &period.start, &period.end],
            ),
            ProblemKind::PeriodWhen { number, year } => fill(f.p_when, &[number, year]),
            ProblemKind::PeriodRepeated {
                number,
                first,
                when,
            } => fill(f.p_repeated, &[number, first, &self.when(*when)]),
            ProblemKind::FiscalAmount {
                list: item,
                number: n,
                value,
            } => fill(f.p_amount, &[n, &list(*item), value]),
            ProblemKind::PhysicalRange {
                number: n,
                when,
                value,
            } => fill(f.p_physical_range, &[n, &self.when(*when), value]),
            ProblemKind::PhysicalDown {
                number: n,
                when,
                value,
                before,
            } => fill(
                f.p_physical_down,
                &[
                    n,
                    &self.when(*when),
                    &number(*value, lang),
                    &number(*before, lang),
                ],
            ),
            ProblemKind::MonthsDisagree { number, when } => {
                fill(f.p_months_disagree, &[number, &self.when(*when)])
            }
            ProblemKind::ChangeDate { number, year, date } => {
                fill(f.p_change_date, &[number, year, &escape(date)])
            }
            ProblemKind::SubActivityCode { number, code } => {
                fill(f.p_code, &[number, &escape(code)])
            }
            ProblemKind::PeriodOverspent { when, spent, pagu } => fill(
                f.p_overspent,
                &[&self.when(*when), &money(*spent, lang), &money(*pagu, lang)],
            ),
            ProblemKind::CodeConflict {
                number,
                code,
                allocation,
                other,
                other_allocation,
            } => fill(
                f.w_code_conflict,
                &[
                    number,
                    &escape(code),
                    &money(*allocation, lang),
                    &escape(other),
                    &money(*other_allocation, lang),
                ],
            ),
            _ => String::new(),
        }
    }

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
