//! The fiscal year inside a programme, as the data file holds it: the
//! periods reported (a quarter or a month: cash plan, spending, physical
//! progress, problems, follow-up), the budget changes during a year, and the
//! sub-activities (SIPD's kode sub kegiatan) the programme is budgeted under.
//!
//! Every list is flat, one item per entry, so the field schema addresses
//! them as it does milestones (`period.3.spent`, `budget_change.1.date`,
//! `subactivity.2.code`). Figures derived from them are `plan::fiscal`'s.

use serde::{Deserialize, Serialize};

/// One period's report of a programme: a quarter (triwulan) or a month of a
/// fiscal year, with its figures for that period alone. Cumulative figures
/// (RAK and realisation to date) are computed, never typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiscalPeriod {
    pub year: i32,
    /// Triwulan I–IV as 1–4; `None` for a month's report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// 1–12; `None` for a quarter's report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The cash plan for this period alone (RAK, rencana anggaran kas), rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash_plan: Option<f64>,
    /// Spending in this period alone (realisasi keuangan), rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spent: Option<f64>,
    /// Physical progress at the period's end, cumulative over the fiscal
    /// year, in percent (realisasi fisik as WP-SIPD reports it: the work done
    /// so far, not the work of the period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub physical: Option<f64>,
    /// Permasalahan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub problems: String,
    /// Tindak lanjut.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub follow_up: String,
}

impl FiscalPeriod {
    /// The quarter the period falls in: its own, or its month's.
    pub fn in_quarter(&self) -> Option<u8> {
        match (self.quarter, self.month) {
            (Some(q), None) => Some(q),
            (None, Some(m)) => quarter_of_month(m),
            _ => None,
        }
    }

    /// The last month the period covers (3, 6, 9, 12 for a quarter).
    pub fn last_month(&self) -> Option<u8> {
        match (self.quarter, self.month) {
            (Some(q @ 1..=4), None) => Some(q * 3),
            (None, Some(m @ 1..=12)) => Some(m),
            _ => None,
        }
    }

    /// The period's short name in a conflict line and the audit log: `TW3`
    /// for a quarter, `M08` for a month, `?` for a period with neither.
    pub fn tag(&self) -> String {
        match (self.quarter, self.month) {
            (Some(q), None) => format!("TW{q}"),
            (None, Some(m)) => format!("M{m:02}"),
            _ => "?".to_string(),
        }
    }

    /// The quarter and month a [`FiscalPeriod::tag`] names.
    pub fn from_tag(tag: &str) -> (Option<u8>, Option<u8>) {
        let number = |s: &str| s.parse::<u8>().ok();
        match (tag.strip_prefix("TW"), tag.strip_prefix('M')) {
            (Some(q), _) => (number(q), None),
            (_, Some(m)) => (None, number(m)),
            _ => (None, None),
        }
    }

    /// Whether the period says nothing yet: no figure and no text.
    pub fn is_blank(&self) -> bool {
        self.cash_plan.is_none()
            && self.spent.is_none()
            && self.physical.is_none()
            && self.problems.is_empty()
            && self.follow_up.is_empty()
    }
}

/// The quarter of month `m` (1–12).
pub fn quarter_of_month(m: u8) -> Option<u8> {
    (1..=12).contains(&m).then(|| (m - 1) / 3 + 1)
}

/// A new allocation of a programme's year from a date on: the pagu after a
/// budget amendment or a shift, recorded beside the original, never over it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetChange {
    pub year: i32,
    /// `YYYY-MM-DD`, kept as written so validation reports a bad one.
    pub date: String,
    /// The allocation (pagu) from that date on, rupiah.
    pub allocation: f64,
    pub kind: BudgetChangeKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How an allocation changes during the year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BudgetChangeKind {
    /// Pergeseran anggaran: money moved between rows within the budget.
    #[default]
    Shift,
    /// APBD Perubahan: the amended regional budget.
    Amendment,
}

impl BudgetChangeKind {
    pub const ALL: [BudgetChangeKind; 2] = [Self::Shift, Self::Amendment];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Shift => "Shift",
            Self::Amendment => "Amendment",
        }
    }
}

/// A sub-activity of the national nomenclature the programme is budgeted
/// under (kode sub kegiatan, Permendagri 90/2019): the row every SIPD and
/// WP-SIPD sheet is keyed by.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubActivity {
    /// urusan.bidang.program.kegiatan.sub-kegiatan: `2.16.02.1.01.0001`.
    pub code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The agency (OPD) whose budget holds it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    /// Its own allocation (pagu), when the programme's budget is split
    /// over several sub-activities.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<f64>,
}

/// Whether `code` has the shape of a kode sub kegiatan: six groups of
/// ASCII digits, `1.2.2.1.2.4` digits wide (`2.16.02.1.01.0001`). The
/// urusan's group is one digit, the bidang's two (an X stands for an affair
/// shared by several, `X.XX`, which SIPD also uses).
pub fn is_subactivity_code(code: &str) -> bool {
    const WIDTHS: [usize; 6] = [1, 2, 2, 1, 2, 4];
    let groups: Vec<&str> = code.split('.').collect();
    groups.len() == WIDTHS.len()
        && groups.iter().zip(WIDTHS).enumerate().all(|(i, (g, w))| {
            g.len() == w
                && g.bytes()
                    .all(|b| b.is_ascii_digit() || (i < 2 && (b == b'X' || b == b'x')))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subactivity_code_has_six_groups_of_the_nomenclatures_widths() {
        for good in [
            "2.16.02.1.01.0001",
            "1.02.02.2.02.0003",
            "X.XX.01.1.01.0001",
        ] {
            assert!(is_subactivity_code(good), "{good}");
        }
        for bad in [
            "2.16.02.1.01",
            "2.16.02.1.01.001",
            "2.16.2.1.01.0001",
            "2.16.02.1.01.0001.",
            "2,16,02,1,01,0001",
            "2.16.02.1.01.000a",
            " 2.16.02.1.01.0001",
            "2.16.0X.1.01.0001",
            "",
        ] {
            assert!(!is_subactivity_code(bad), "{bad}");
        }
    }

    #[test]
    fn a_month_falls_in_its_quarter_and_a_quarter_ends_in_its_third_month() {
        assert_eq!(quarter_of_month(1), Some(1));
        assert_eq!(quarter_of_month(7), Some(3));
        assert_eq!(quarter_of_month(12), Some(4));
        assert_eq!(quarter_of_month(0), None);
        assert_eq!(quarter_of_month(13), None);
        let q3 = FiscalPeriod {
            quarter: Some(3),
            ..FiscalPeriod::default()
        };
        assert_eq!((q3.in_quarter(), q3.last_month()), (Some(3), Some(9)));
        let both = FiscalPeriod {
            quarter: Some(3),
            month: Some(8),
            ..FiscalPeriod::default()
        };
        assert_eq!((both.in_quarter(), both.last_month()), (None, None));
    }
}
