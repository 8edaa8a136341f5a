//! The masterplan as pantau understands it: dimensions, programmes, milestones, targets.
//!
//! Field names here are the data-file contract documented in `docs/FORMAT.md`;
//! people edit these files by hand and other tools read them, so renaming a
//! field is a breaking change. `deny_unknown_fields` makes a typo such as
//! `staus` an error instead of silently dropping what the officer wrote.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The data-file version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub version: u32,
    pub region: String,
    pub title: String,
    /// The plan's motto or vision, e.g. what "BISA" stands for.
    #[serde(default)]
    pub vision: String,
    pub period: Period,
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub programs: Vec<Program>,
}

/// The years a masterplan covers, both inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

impl Period {
    pub fn contains(&self, year: i32) -> bool {
        (self.start..=self.end).contains(&year)
    }
}

/// One of the six smart-city dimensions (Governance, Branding, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    /// The lead agency (OPD) for the dimension.
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub elements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub dimension: String,
    #[serde(default)]
    pub element: String,
    pub horizon: Horizon,
    #[serde(default)]
    pub lead: String,
    #[serde(default)]
    pub support: Vec<String>,
    #[serde(default)]
    pub funding: Vec<String>,
    pub start: i32,
    pub end: i32,
    pub status: Status,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub targets: Vec<Target>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub title: String,
    /// `YYYY-MM-DD`. Kept as written so that a malformed date is reported by
    /// validation together with every other problem, not as a parse error.
    pub due: String,
    #[serde(default)]
    pub done: bool,
}

impl Milestone {
    pub fn due_date(&self) -> Option<Date> {
        parse_date(&self.due)
    }
}

/// A measurable target for one year: indicator, unit, baseline → target, actual.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub year: i32,
    pub indicator: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub baseline: Option<f64>,
    pub target: f64,
    #[serde(default)]
    pub actual: Option<f64>,
}

/// When a programme is meant to deliver: quick wins in the first one or two
/// years, then short, medium and long term (jangka pendek / menengah / panjang).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Horizon {
    QuickWin,
    Short,
    Medium,
    Long,
}

impl Horizon {
    pub const ALL: [Horizon; 4] = [Self::QuickWin, Self::Short, Self::Medium, Self::Long];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::QuickWin => "QuickWin",
            Self::Short => "Short",
            Self::Medium => "Medium",
            Self::Long => "Long",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
    Delayed,
    OnHold,
    Cancelled,
}

impl Status {
    /// In the order the quick-edit key cycles through them.
    pub const ALL: [Status; 6] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::Delayed,
        Self::OnHold,
        Self::Cancelled,
    ];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::NotStarted => "NotStarted",
            Self::InProgress => "InProgress",
            Self::Done => "Done",
            Self::Delayed => "Delayed",
            Self::OnHold => "OnHold",
            Self::Cancelled => "Cancelled",
        }
    }

    /// A closed programme's open milestones are no longer anyone's to chase.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Done | Self::Cancelled)
    }
}

/// Strict `YYYY-MM-DD`: four-digit year, two-digit month and day, a real
/// calendar date. jiff alone would also accept forms people do not write.
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        b[r].iter().try_fold(0i32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
        })
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// A milestone that is still open, due before `today`, in a programme that
/// is neither Done nor Cancelled.
pub fn is_overdue(program: &Program, milestone: &Milestone, today: Date) -> bool {
    !milestone.done
        && !program.status.is_closed()
        && milestone.due_date().is_some_and(|due| due < today)
}

/// An open milestone of an open programme due from `today` up to `days` ahead.
pub fn is_due_within(program: &Program, milestone: &Milestone, today: Date, days: i32) -> bool {
    if milestone.done || program.status.is_closed() {
        return false;
    }
    let Some(due) = milestone.due_date() else {
        return false;
    };
    let Ok(last) = today.checked_add(jiff::Span::new().days(days)) else {
        return false;
    };
    today <= due && due <= last
}

impl Plan {
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(status: Status) -> Program {
        Program {
            id: "GOV-01".into(),
            name: "Super app".into(),
            description: String::new(),
            dimension: "governance".into(),
            element: String::new(),
            horizon: Horizon::QuickWin,
            lead: String::new(),
            support: vec![],
            funding: vec![],
            start: 2022,
            end: 2023,
            status,
            milestones: vec![],
            targets: vec![],
            notes: String::new(),
        }
    }

    fn milestone(due: &str, done: bool) -> Milestone {
        Milestone {
            title: "m".into(),
            due: due.into(),
            done,
        }
    }

    #[test]
    fn dates_must_be_strict_iso_calendar_dates() {
        assert_eq!(
            parse_date("2023-03-31"),
            Some(jiff::civil::date(2023, 3, 31))
        );
        for bad in [
            "2023-02-30",
            "2023-3-31",
            "31-03-2023",
            "2023-03-31 ",
            "",
            "2023/03/31",
            "２０２３-03-31",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?} must be rejected");
        }
    }

    #[test]
    fn overdue_means_open_past_due_in_an_open_programme() {
        let today = jiff::civil::date(2023, 6, 1);
        let late = milestone("2023-05-31", false);
        assert!(is_overdue(&program(Status::InProgress), &late, today));
        assert!(
            !is_overdue(
                &program(Status::InProgress),
                &milestone("2023-06-01", false),
                today
            ),
            "due today is not late"
        );
        assert!(
            !is_overdue(
                &program(Status::InProgress),
                &milestone("2023-05-31", true),
                today
            ),
            "done is not late"
        );
        assert!(!is_overdue(&program(Status::Done), &late, today));
        assert!(!is_overdue(&program(Status::Cancelled), &late, today));
        assert!(is_overdue(&program(Status::OnHold), &late, today));
    }

    #[test]
    fn due_within_counts_today_and_the_last_day() {
        let today = jiff::civil::date(2023, 6, 1);
        let p = program(Status::Delayed);
        assert!(is_due_within(
            &p,
            &milestone("2023-06-01", false),
            today,
            30
        ));
        assert!(is_due_within(
            &p,
            &milestone("2023-07-01", false),
            today,
            30
        ));
        assert!(!is_due_within(
            &p,
            &milestone("2023-07-02", false),
            today,
            30
        ));
        assert!(!is_due_within(
            &p,
            &milestone("2023-05-31", false),
            today,
            30
        ));
    }
}
