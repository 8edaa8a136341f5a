//! The masterplan as pantau understands it: dimensions, programmes, milestones, targets.
//!
//! Field names here are the data-file contract documented in `docs/FORMAT.md`;
//! people edit these files by hand and other tools read them, so renaming a
//! field is a breaking change. `deny_unknown_fields` makes a typo such as
//! `staus` an error instead of silently dropping what the officer wrote.

pub use crate::plan::followup::FollowUp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use crate::plan::year::{BudgetChange, BudgetChangeKind, FiscalPeriod, SubActivity};

/// The data-file version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub version: u32,
    pub region: String,
    /// The region's code (kode wilayah) from the home ministry's list:
    /// two digits for the province, then two for the regency or city, e.g.
    /// `"73.22"` for Kabupaten Luwu Utara in Sulawesi Selatan (`"73"` for the
    /// province itself). Left out when empty, so a file without it saves as it was.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    /// The province, e.g. `"Sulawesi Selatan"`; left out when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub province: String,
    pub title: String,
    /// The plan's motto or vision, e.g. what "BISA" stands for.
    #[serde(default)]
    pub vision: String,
    pub period: Period,
    /// Which names the achievement bands go by; LKjIP's when left out, and
    /// then not written, so a file without it saves as it was.
    #[serde(default, skip_serializing_if = "Bands::is_lkjip")]
    pub bands: Bands,
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub programs: Vec<Program>,
    /// Follow-ups about no one programme (a letter's recommendation for the
    /// whole plan); left out when empty, so older files save as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followups: Vec<FollowUp>,
    /// The yearly evaluation: aspect weights, self-assessment scores and the
    /// ministry's past results. Absent from a plan that never used it, so a
    /// version-1 file saves as it was read.
    /// Boxed: most plans have none, and a plan travels by value in results.
    #[serde(default, skip_serializing_if = "no_evaluation")]
    pub evaluation: Box<Evaluation>,
}

// serde hands the field itself, a `&Box`.
#[allow(clippy::borrowed_box)]
fn no_evaluation(e: &Box<Evaluation>) -> bool {
    e.is_empty()
}

/// Whether `code` is a kode wilayah down to the regency or city: `NN` (a
/// province) or `NN.NN` (a regency or city in it), ASCII digits only.
pub fn is_region_code(code: &str) -> bool {
    let pair = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    match code.split_once('.') {
        Some((province, regency)) => pair(province) && pair(regency),
        None => pair(code),
    }
}

/// The two sets of names for the same achievement bands (see
/// `plan::achievement::Band`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bands {
    /// Performance reports (LKjIP, SAKIP): Sangat Baik … Sangat Kurang.
    #[default]
    Lkjip,
    /// The RKPD/Renja evaluation (Permendagri 86/2017): Sangat Tinggi …
    /// Sangat Rendah, as Luwu Utara's planning agency reports its plan.
    Rkpd,
}

impl Bands {
    pub const ALL: [Bands; 2] = [Self::Lkjip, Self::Rkpd];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Lkjip => "Lkjip",
            Self::Rkpd => "Rkpd",
        }
    }

    pub fn is_lkjip(&self) -> bool {
        *self == Self::Lkjip
    }
}

/// The top of the index's scale (the ministry does not publish it; every
/// published index and sub-index lies below 5). Here, beside the scores it
/// bounds, so the field registry and validation both reach it from below.
pub const MAX_SCORE: f64 = 5.0;

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
    /// What of the mid-term plan (RPJMD) the programme serves: its mission,
    /// goal or indicator, as the region's RPJMD words it. Left out when not
    /// set, so a file without it saves as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpjmd: Option<String>,
    /// What of the agency's strategic plan (Renstra) the programme serves,
    /// as the Renstra words it; left out when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renstra: Option<String>,
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
    /// Budget per year (pagu, realisasi anggaran); left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<Budget>,
    /// Evidence documents for the evaluation (bukti dukung); left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// The fiscal year inside the programme (`plan::year`): periods reported,
    /// budget changes, sub-activities; each left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<FiscalPeriod>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget_changes: Vec<BudgetChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subactivities: Vec<SubActivity>,
    /// Follow-ups about this programme (tindak lanjut); left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followups: Vec<FollowUp>,
    #[serde(default)]
    pub notes: String,
}

impl Program {
    /// A programme with nothing in it yet: a quick win not started, running
    /// in `year`, led by `lead`; what a new row of the interface or of an
    /// import starts from.
    pub fn new(id: String, dimension: String, lead: String, year: i32) -> Program {
        Program {
            id,
            name: String::new(),
            description: String::new(),
            dimension,
            element: String::new(),
            rpjmd: None,
            renstra: None,
            horizon: Horizon::QuickWin,
            lead,
            support: Vec::new(),
            funding: Vec::new(),
            start: year,
            end: year,
            status: Status::NotStarted,
            milestones: Vec::new(),
            targets: Vec::new(),
            budget: Vec::new(),
            evidence: Vec::new(),
            periods: Vec::new(),
            budget_changes: Vec::new(),
            subactivities: Vec::new(),
            followups: Vec::new(),
            notes: String::new(),
        }
    }
}

/// One year's budget of a programme, in rupiah.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub year: i32,
    /// The budget ceiling (pagu anggaran).
    pub allocation: f64,
    /// Spending to date (realisasi anggaran); `None` until reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spent: Option<f64>,
    /// Where the money comes from: APBD, APBN, DAK, CSR, KPBU, Swasta.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Budget {
    /// Absorption (serapan): spent ÷ allocation × 100, when both are known
    /// and the allocation is not zero.
    pub fn absorption(&self) -> Option<f64> {
        let spent = self.spent?;
        (self.allocation > 0.0)
            .then(|| spent / self.allocation * 100.0)
            .filter(|p| p.is_finite())
    }

    /// Spending above the ceiling: not allowed without a budget change
    /// that raises it (Permendagri 13/2006 art. 122).
    pub fn overspent(&self) -> bool {
        self.spent.is_some_and(|s| s > self.allocation)
    }
}

/// A supporting document the evaluation asks for (bukti dukung).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What it is: "Perbup No. 12 Tahun 2023 tentang Super App".
    pub name: String,
    #[serde(default)]
    pub kind: EvidenceKind,
    #[serde(default)]
    pub state: EvidenceState,
    /// Where it is: a path on the office share or a URL; empty until there is one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
}

/// What the evaluation uses a document for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvidenceKind {
    /// A regulation, decree or guideline (Perbup, SK, pedoman).
    Policy,
    /// An inventory entry: an application and the unit that runs it.
    Inventory,
    /// A field-review or monitoring report.
    Review,
    #[default]
    Other,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 4] = [Self::Policy, Self::Inventory, Self::Review, Self::Other];

    pub fn key(self) -> &'static str {
        match self {
            Self::Policy => "Policy",
            Self::Inventory => "Inventory",
            Self::Review => "Review",
            Self::Other => "Other",
        }
    }
}

/// How far a document is: missing, a draft, or ready to upload.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum EvidenceState {
    #[default]
    Missing,
    Draft,
    Ready,
}

impl EvidenceState {
    pub const ALL: [EvidenceState; 3] = [Self::Missing, Self::Draft, Self::Ready];

    pub fn key(self) -> &'static str {
        match self {
            Self::Missing => "Missing",
            Self::Draft => "Draft",
            Self::Ready => "Ready",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub title: String,
    /// `YYYY-MM-DD`. Kept as written so that a malformed date is reported by
    /// validation together with every other problem, not as a parse error.
    pub due: String,
    #[serde(default)]
    pub done: bool,
    /// Its share of the programme's physical progress (bobot tahapan), in
    /// percent; milestones without one share what the others leave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

impl Milestone {
    pub fn due_date(&self) -> Option<Date> {
        parse_date(&self.due)
    }
}

/// A measurable target for one year: indicator, unit, baseline → target, actual.
///
/// The fields after `actual` are optional and left out of the file when not
/// set, so a target written before they existed reads and saves unchanged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub year: i32,
    pub indicator: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub baseline: Option<f64>,
    /// The target; with an `upper` bound, the range's lower bound.
    pub target: f64,
    #[serde(default)]
    pub actual: Option<f64>,
    /// Which way is good: higher (the default), lower (poverty) or a range.
    #[serde(default, skip_serializing_if = "Direction::is_higher")]
    pub direction: Direction,
    /// A range's upper bound: `target`–`upper` is the target, measured in
    /// the direction's way (a [`Direction::Range`] must have one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The year the baseline was measured (tahun dasar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    /// Where the actual value comes from, e.g. "BPS Luwu Utara".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// How the indicator is defined or computed (definisi operasional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    /// Which of the vice-regent's questions the indicator answers: output
    /// (the default, left out of the file), use, quality or impact.
    #[serde(default, skip_serializing_if = "Measure::is_output")]
    pub measures: Measure,
}

/// Which way an indicator is good, as SIPD's "Tren Positif / Tren Negatif".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Higher is better (tren positif): most indicators.
    #[default]
    Higher,
    /// Lower is better (tren negatif, "kondisi khusus"): poverty, stunting.
    Lower,
    /// Good only between `target` and `upper`, both inclusive: a miss on
    /// either side ("stay within"). A range that is better on one side says
    /// `Higher` or `Lower` with its `upper` instead.
    Range,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Self::Higher, Self::Lower, Self::Range];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Higher => "Higher",
            Self::Lower => "Lower",
            Self::Range => "Range",
        }
    }

    pub fn is_higher(&self) -> bool {
        *self == Self::Higher
    }
}

/// What an indicator measures: the work delivered, or one of the three
/// things the vice-regent asks of every programme (and the bureaucratic-reform
/// indicators of every digital service): is it used, is it good, does it
/// change anything. An indicator that says nothing measures output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Keluaran: what was built or delivered (CCTV installed, datasets published).
    #[default]
    Output,
    /// Pemanfaatan: whether the service is used (registered users, transactions).
    Use,
    /// Kualitas: how well it serves (response times, complaints handled).
    Quality,
    /// Dampak: what changed for residents (poverty, HDI).
    Impact,
}

impl Measure {
    pub const ALL: [Measure; 4] = [Self::Output, Self::Use, Self::Quality, Self::Impact];

    /// The three the vice-regent asks about, from the service to what it
    /// changes (he asked impact first).
    pub const QUESTIONS: [Measure; 3] = [Self::Use, Self::Quality, Self::Impact];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Output => "Output",
            Self::Use => "Use",
            Self::Quality => "Quality",
            Self::Impact => "Impact",
        }
    }

    pub fn is_output(&self) -> bool {
        *self == Self::Output
    }
}

/// The five aspects of the ministry's yearly evaluation (not the six dimensions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Aspect {
    Baseline,
    Output,
    Outcome,
    Impact,
    QuickWin,
}

impl Aspect {
    pub const ALL: [Aspect; 5] = [
        Self::Baseline,
        Self::Output,
        Self::Outcome,
        Self::Impact,
        Self::QuickWin,
    ];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Baseline => "Baseline",
            Self::Output => "Output",
            Self::Outcome => "Outcome",
            Self::Impact => "Impact",
            Self::QuickWin => "QuickWin",
        }
    }
}

/// The evaluation section of a plan; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The aspects' weights in percent; [`Weights::DEFAULT`] when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weights: Option<Weights>,
    /// Officers' self-assessment, where the plan cannot know (0–5 per aspect).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<AspectScore>,
    /// The ministry's published results of past years, for the trend.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<OfficialResult>,
    /// The resident survey's result per year, on the index's scale (0–5):
    /// what the ministry scores impact on, where the plan's targets are only
    /// a proxy. `{2023: 3.1}`; left out when empty.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub survey: std::collections::BTreeMap<i32, f64>,
}

impl Evaluation {
    pub fn is_empty(&self) -> bool {
        self.weights.is_none()
            && self.scores.is_empty()
            && self.results.is_empty()
            && self.survey.is_empty()
    }
}

/// The weight of each aspect in the index, in percent (they add up to 100).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub baseline: f64,
    pub output: f64,
    pub outcome: f64,
    pub impact: f64,
    pub quick_win: f64,
}

impl Weights {
    /// 10/20/30/20/20: these reproduce the published indices of Kota Kediri
    /// (2022) and Kota Jambi (2024) from their sub-indices (`docs/FORMAT.md`).
    pub const DEFAULT: Weights = Weights {
        baseline: 10.0,
        output: 20.0,
        outcome: 30.0,
        impact: 20.0,
        quick_win: 20.0,
    };

    pub fn of(self, aspect: Aspect) -> f64 {
        match aspect {
            Aspect::Baseline => self.baseline,
            Aspect::Output => self.output,
            Aspect::Outcome => self.outcome,
            Aspect::Impact => self.impact,
            Aspect::QuickWin => self.quick_win,
        }
    }
}

/// An officer's self-assessment of one aspect for one year, on the index's
/// scale (0–5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectScore {
    pub year: i32,
    pub aspect: Aspect,
    pub score: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One year's result from the ministry's letter: the index and, when the
/// letter gives them, the five sub-indices.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialResult {
    pub year: i32,
    pub index: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quick_win: Option<f64>,
    /// The letter's number or where it is filed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub letter: String,
}

impl OfficialResult {
    pub fn sub_index(&self, aspect: Aspect) -> Option<f64> {
        match aspect {
            Aspect::Baseline => self.baseline,
            Aspect::Output => self.output,
            Aspect::Outcome => self.outcome,
            Aspect::Impact => self.impact,
            Aspect::QuickWin => self.quick_win,
        }
    }
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
    /// A quick win delivered that now runs as a service (beroperasi): the
    /// regent told the 2023 evaluators the innovations "carry on". Neither
    /// late nor finished work; its open milestones are still chased.
    Operating,
    Delayed,
    OnHold,
    Cancelled,
}

impl Status {
    /// In the order the quick-edit key cycles through them.
    pub const ALL: [Status; 7] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::Operating,
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
            Self::Operating => "Operating",
            Self::Delayed => "Delayed",
            Self::OnHold => "OnHold",
            Self::Cancelled => "Cancelled",
        }
    }

    /// A closed programme's open milestones are no longer anyone's to chase.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Done | Self::Cancelled)
    }

    /// Under way or delivered, as regencies count programmes that "telah
    /// berjalan" ("10 dari 12 program telah berjalan … 83,33 persen",
    /// Kebumen): in progress, delayed, done or operating.
    pub fn is_running(self) -> bool {
        matches!(
            self,
            Self::InProgress | Self::Delayed | Self::Done | Self::Operating
        )
    }

    /// Delivered: done, or done and running as a service.
    pub fn is_delivered(self) -> bool {
        matches!(self, Self::Done | Self::Operating)
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
            rpjmd: None,
            renstra: None,
            horizon: Horizon::QuickWin,
            lead: String::new(),
            support: vec![],
            funding: vec![],
            start: 2022,
            end: 2023,
            status,
            milestones: vec![],
            targets: vec![],
            budget: vec![],
            evidence: vec![],
            periods: vec![],
            budget_changes: vec![],
            subactivities: vec![],
            followups: vec![],
            notes: String::new(),
        }
    }

    fn milestone(due: &str, done: bool) -> Milestone {
        Milestone {
            title: "m".into(),
            due: due.into(),
            done,
            weight: None,
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
