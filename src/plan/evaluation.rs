//! The ministry's yearly evaluation as far as the plan can tell: per
//! dimension, what pantau measures for each of the five aspects in the year
//! asked, the officers' self-assessment where the plan cannot know, and an
//! estimated index as the weighted sum, set beside the ministry's own results
//! so an officer sees how far the estimate has been off. Always an estimate:
//! the ministry's assessors score from questionnaires, documents, interviews
//! and a resident survey.
//!
//! What is measured for a year (docs/FORMAT.md, "The estimated index"):
//!
//! - baseline ≈ the ministry's previous result, where the plan has one;
//!   else the share of the year's indicators with a baseline value;
//! - output ≈ share of programmes with a budget allocated for the year,
//!   and of policy documents ready (the mean of the two where both exist;
//!   a plan that records no budget at all measures only the documents);
//! - outcome ≈ share of the programmes scheduled that year (start ≤ year ≤
//!   end, not cancelled) that were running or done, as regencies report it
//!   ("10 of 12 programmes running, 83.33 %");
//! - impact ≈ the resident survey where entered; else a proxy, the mean
//!   achievement of the year's targets, each at most 100 %, a target without
//!   an actual counting 0 — so missing data never raises the score;
//! - quick win ≈ share of the quick wins scheduled that year that were done.
//!
//! The plan keeps no status history, so for a past year a programme's status
//! "as it stood then" is derived from its tahapan and years ([`standing`]);
//! the current year and later ones use the statuses recorded now.
//!
//! A share becomes a score on the index's scale as share × 5: 100 % is 5.

use crate::plan::achievement::Capaian;
use crate::plan::model::MAX_SCORE;
use crate::plan::model::{
    Aspect, AspectScore, Dimension, EvidenceKind, EvidenceState, Horizon, OfficialResult, Plan,
    Program, Status, Weights,
};

/// A part of a whole: `10 of 12`. The part may be fractional (achievement).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Share {
    pub part: f64,
    pub whole: f64,
}

impl Share {
    pub fn percent(self) -> Option<f64> {
        (self.whole > 0.0).then(|| self.part / self.whole * 100.0)
    }

    fn add(&mut self, part: f64, whole: f64) {
        self.part += part;
        self.whole += whole;
    }

    fn count(&mut self, yes: bool) {
        self.add(f64::from(u8::from(yes)), 1.0);
    }

    fn merge(&mut self, other: Share) {
        self.add(other.part, other.whole);
    }
}

/// Where a year's programme statuses come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statuses {
    /// The current year: the statuses recorded in the plan.
    Recorded,
    /// A past year: derived from tahapan and years, the plan keeping no
    /// history ([`standing`]).
    Derived,
    /// A year still to come: nothing is known of it but today's statuses.
    Ahead,
}

impl Statuses {
    pub fn of(year: i32, this_year: i32) -> Statuses {
        match year.cmp(&this_year) {
            std::cmp::Ordering::Less => Statuses::Derived,
            std::cmp::Ordering::Equal => Statuses::Recorded,
            std::cmp::Ordering::Greater => Statuses::Ahead,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Statuses::Recorded => "recorded",
            Statuses::Derived => "derived",
            Statuses::Ahead => "ahead",
        }
    }
}

/// How a programme stood in a year, as far as the evaluation counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    NotRunning,
    Running,
    Done,
}

/// Whether `p` is scheduled in `year`: its years cover it and it is not
/// cancelled. The plan does not say when a programme was cancelled, so a
/// cancelled one counts in no year.
pub fn scheduled(p: &Program, year: i32) -> bool {
    p.status != Status::Cancelled && p.start <= year && year <= p.end
}

/// How `p` stood in `year`. The current and later years read the recorded
/// status. A past year derives it, since a status is kept only as it is now
/// and a tahapan only says whether it is done, not when:
///
/// - done: done now, ended by that year, and every tahapan was due by its
///   end (none left for later);
/// - running: a tahapan due by the end of that year is done now; or none was
///   due yet and the programme has started by now (running, late or done)
///   and by its years had begun;
/// - not running otherwise: not started even now, or the tahapan due by then
///   are all still open.
pub fn standing(p: &Program, year: i32, this_year: i32) -> Standing {
    let recorded = match p.status {
        Status::InProgress | Status::Delayed => Standing::Running,
        Status::Done | Status::Operating => Standing::Done,
        Status::NotStarted | Status::OnHold | Status::Cancelled => Standing::NotRunning,
    };
    if year >= this_year || recorded == Standing::NotRunning {
        return recorded;
    }
    let Ok(year_end) = jiff::civil::Date::new(i16::try_from(year).unwrap_or(i16::MAX), 12, 31)
    else {
        return recorded;
    };
    let due_by = |m: &crate::plan::model::Milestone| m.due_date().is_some_and(|d| d <= year_end);
    if recorded == Standing::Done
        && p.end <= year
        && p.milestones.iter().all(|m| m.done && due_by(m))
    {
        return Standing::Done;
    }
    let mut due = p.milestones.iter().filter(|m| due_by(m)).peekable();
    if due.peek().is_none() {
        return if p.start <= year {
            Standing::Running
        } else {
            Standing::NotRunning
        };
    }
    if due.any(|m| m.done) {
        Standing::Running
    } else {
        Standing::NotRunning
    }
}

/// The five aspects' measures for some programmes.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Measures {
    pub baseline: Share,
    /// Programmes with a budget for the year.
    pub budgeted: Share,
    /// Policy documents ready.
    pub policy: Share,
    /// Scheduled programmes running or done.
    pub outcome: Share,
    /// The year's targets' achievement, a target without an actual as 0.
    pub impact: Share,
    /// The year's targets with an actual, of all the year's targets.
    pub measured: Share,
    /// Scheduled quick wins done.
    pub quick_win: Share,
}

impl Measures {
    fn add(&mut self, p: &Program, year: i32, this_year: i32) {
        for t in p.targets.iter().filter(|t| t.year == year) {
            self.baseline.count(t.baseline.is_some());
            // The survey asks whether life got better, not whether a target
            // was beaten: above 100 % adds nothing; below 0 % is 0.
            let achieved = Capaian::of(t, year + 1)
                .figure()
                .map(|c| c.clamp(0.0, 100.0));
            self.impact.add(achieved.unwrap_or(0.0) / 100.0, 1.0);
            self.measured.count(achieved.is_some());
        }
        // Evidence carries no year: a policy document counts in every year.
        for e in p.evidence.iter().filter(|e| e.kind == EvidenceKind::Policy) {
            self.policy.count(e.state == EvidenceState::Ready);
        }
        if !scheduled(p, year) {
            return;
        }
        let budgeted = p
            .budget
            .iter()
            .any(|b| b.year == year && b.allocation > 0.0);
        self.budgeted.count(budgeted);
        let standing = standing(p, year, this_year);
        self.outcome.count(standing != Standing::NotRunning);
        if p.horizon == Horizon::QuickWin {
            self.quick_win.count(standing == Standing::Done);
        }
    }

    fn merge(&mut self, other: &Measures) {
        self.baseline.merge(other.baseline);
        self.budgeted.merge(other.budgeted);
        self.policy.merge(other.policy);
        self.outcome.merge(other.outcome);
        self.impact.merge(other.impact);
        self.measured.merge(other.measured);
        self.quick_win.merge(other.quick_win);
    }

    /// The measured share of an aspect, in percent, when there is one.
    pub fn percent(&self, aspect: Aspect) -> Option<f64> {
        match aspect {
            Aspect::Baseline => self.baseline.percent(),
            Aspect::Output => match (self.budgeted.percent(), self.policy.percent()) {
                (Some(a), Some(b)) => Some((a + b) / 2.0),
                (one, other) => one.or(other),
            },
            Aspect::Outcome => self.outcome.percent(),
            Aspect::Impact => self.impact.percent(),
            Aspect::QuickWin => self.quick_win.percent(),
        }
    }

    /// The share shown as counts where that is what it is: `10/12`; for
    /// impact, the targets measured of all.
    pub fn share(&self, aspect: Aspect) -> Option<Share> {
        let s = match aspect {
            Aspect::Baseline => self.baseline,
            Aspect::Outcome => self.outcome,
            Aspect::QuickWin => self.quick_win,
            Aspect::Impact => self.measured,
            Aspect::Output => return None,
        };
        (s.whole > 0.0).then_some(s)
    }

    /// The year's targets without an actual.
    pub fn targets_missing(&self) -> usize {
        (self.measured.whole - self.measured.part).round() as usize
    }
}

/// Where an aspect's score in the estimate comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum From<'a> {
    /// The officers' self-assessment for the year.
    Officer(&'a AspectScore),
    /// Impact: the resident survey's result for the year.
    Survey(f64),
    /// Baseline: the ministry's latest result before the year.
    Previous(&'a OfficialResult),
    /// The plan's measure: share × 5 (impact's is a proxy).
    Measured(f64),
    /// Neither: the estimate cannot be made without it.
    Missing,
}

impl From<'_> {
    /// The name in CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            From::Officer(_) => "self_assessment",
            From::Survey(_) => "survey",
            From::Previous(_) => "official",
            From::Measured(_) => "measured",
            From::Missing => "missing",
        }
    }
}

/// One aspect of the estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AspectRow<'a> {
    pub aspect: Aspect,
    /// In percent.
    pub weight: f64,
    /// The plan-wide measure, in percent.
    pub measured: Option<f64>,
    pub from: From<'a>,
}

impl AspectRow<'_> {
    /// The score that goes into the index (0–5).
    pub fn score(&self) -> Option<f64> {
        match self.from {
            From::Officer(s) => Some(s.score),
            From::Survey(score) | From::Measured(score) => Some(score),
            From::Previous(r) => Some(r.index),
            From::Missing => None,
        }
    }
}

/// A year the ministry published a result for, beside what pantau
/// estimates for that year from the plan as it is now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Past<'a> {
    pub result: &'a OfficialResult,
    pub estimate: Option<f64>,
}

impl Past<'_> {
    /// Estimate − official: how far the estimate is off (positive: too high).
    pub fn off_by(&self) -> Option<f64> {
        self.estimate.map(|e| e - self.result.index)
    }
}

/// The evaluation of one year as pantau estimates it.
#[derive(Debug, Clone)]
pub struct Estimate<'a> {
    pub year: i32,
    /// Where the year's programme statuses come from.
    pub statuses: Statuses,
    pub weights: Weights,
    /// Whether the weights are the plan's own or the default.
    pub weights_default: bool,
    pub aspects: Vec<AspectRow<'a>>,
    pub dimensions: Vec<(&'a Dimension, Measures)>,
    pub total: Measures,
    /// The ministry's results, oldest first.
    pub results: Vec<&'a OfficialResult>,
    /// Each official result with the estimate for its year, oldest first.
    pub past: Vec<Past<'a>>,
}

impl Estimate<'_> {
    /// Σ weight × score ÷ 100, when every aspect has a score.
    pub fn index(&self) -> Option<f64> {
        index_of(&self.aspects, self.weights)
    }

    /// The aspects without a score, which the estimate waits for.
    pub fn missing(&self) -> Vec<Aspect> {
        self.aspects
            .iter()
            .filter(|a| a.score().is_none())
            .map(|a| a.aspect)
            .collect()
    }

    /// The ministry's latest result.
    pub fn last_official(&self) -> Option<&OfficialResult> {
        self.results.last().copied()
    }
}

fn index_of(aspects: &[AspectRow], weights: Weights) -> Option<f64> {
    let scores: Option<Vec<f64>> = aspects.iter().map(AspectRow::score).collect();
    let scores = scores?;
    let mut five = [0.0; 5];
    five.copy_from_slice(&scores);
    Some(index(five, weights))
}

/// The index from five sub-indices in [`Aspect::ALL`]'s order: the weighted
/// sum, weights in percent.
pub fn index(scores: [f64; 5], weights: Weights) -> f64 {
    Aspect::ALL
        .iter()
        .zip(scores)
        .map(|(&a, s)| weights.of(a) * s)
        .sum::<f64>()
        / 100.0
}

/// The estimate for `year`, in `this_year` (which tells a past year, whose
/// statuses are derived, from the current one).
pub fn estimate(plan: &Plan, year: i32, this_year: i32) -> Estimate<'_> {
    let (aspects, dimensions, total) = year_aspects(plan, year, this_year);
    let e = &plan.evaluation;
    let weights = e.weights.unwrap_or(Weights::DEFAULT);
    let mut results: Vec<&OfficialResult> = e.results.iter().collect();
    results.sort_by_key(|r| r.year);
    let past = results
        .iter()
        .map(|&result| Past {
            result,
            estimate: index_of(&year_aspects(plan, result.year, this_year).0, weights),
        })
        .collect();
    Estimate {
        year,
        statuses: Statuses::of(year, this_year),
        weights,
        weights_default: e.weights.is_none(),
        aspects,
        dimensions,
        total,
        results,
        past,
    }
}

type Aspects<'a> = (Vec<AspectRow<'a>>, Vec<(&'a Dimension, Measures)>, Measures);

/// The five aspects of `year`, per dimension and in all.
fn year_aspects(plan: &Plan, year: i32, this_year: i32) -> Aspects<'_> {
    let mut dimensions: Vec<(&Dimension, Measures)> = plan
        .dimensions
        .iter()
        .map(|d| (d, Measures::default()))
        .collect();
    for p in &plan.programs {
        if let Some((_, m)) = dimensions.iter_mut().find(|(d, _)| d.id == p.dimension) {
            m.add(p, year, this_year);
        }
    }
    // A plan that records no budget at all says nothing about output's
    // budget half: not measured, rather than 0 %.
    if plan.programs.iter().all(|p| p.budget.is_empty()) {
        for (_, m) in &mut dimensions {
            m.budgeted = Share::default();
        }
    }
    let mut total = Measures::default();
    for (_, m) in &dimensions {
        total.merge(m);
    }
    let e = &plan.evaluation;
    let weights = e.weights.unwrap_or(Weights::DEFAULT);
    // The ministry's latest word on where the region stood before the year.
    let previous = e
        .results
        .iter()
        .filter(|r| r.year < year)
        .max_by_key(|r| r.year);
    let aspects = Aspect::ALL
        .iter()
        .map(|&aspect| {
            let measured = total.percent(aspect);
            // The latest self-assessment of the year, if several were written.
            let officer = e
                .scores
                .iter()
                .rev()
                .find(|s| s.year == year && s.aspect == aspect);
            let survey = e.survey.get(&year).filter(|_| aspect == Aspect::Impact);
            let previous = previous.filter(|_| aspect == Aspect::Baseline);
            let from = match (officer, survey, previous, measured) {
                (Some(s), ..) => From::Officer(s),
                (None, Some(&score), ..) => From::Survey(score),
                (None, None, Some(r), _) => From::Previous(r),
                (None, None, None, Some(percent)) => From::Measured(percent / 100.0 * MAX_SCORE),
                (None, None, None, None) => From::Missing,
            };
            AspectRow {
                aspect,
                weight: weights.of(aspect),
                measured,
                from,
            }
        })
        .collect();
    (aspects, dimensions, total)
}

/// Evidence not yet ready, with its programme: what the evaluation still
/// needs, in plan order.
pub fn evidence_open(plan: &Plan) -> Vec<(&Program, &crate::plan::model::Evidence)> {
    plan.programs
        .iter()
        .flat_map(|p| {
            p.evidence
                .iter()
                .filter(|e| e.state != EvidenceState::Ready)
                .map(move |e| (p, e))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published indices these weights reproduce (domain notes).
    #[test]
    fn default_weights_reproduce_kediri_2022_and_jambi_2024() {
        let kediri = index([3.60, 3.21, 3.23, 3.07, 3.65], Weights::DEFAULT);
        assert!((kediri - 3.315).abs() < 1e-9, "{kediri}");
        assert!((kediri - 3.31).abs() <= 0.005, "published 3.31");
        let jambi = index([3.84, 3.18, 3.53, 3.63, 3.35], Weights::DEFAULT);
        assert!((jambi - 3.475).abs() < 1e-9, "{jambi}");
        assert!((jambi - 3.48).abs() <= 0.005, "published 3.48");
    }

    fn example() -> Plan {
        crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan
    }

    #[test]
    fn officer_scores_replace_the_measure_and_a_gap_stops_the_index() {
        let mut plan = example();
        // No quick win is scheduled in 2030: nothing to measure it by.
        let e = estimate(&plan, 2030, 2026);
        assert_eq!(e.missing(), [Aspect::QuickWin]);
        assert_eq!(e.index(), None);
        for aspect in Aspect::ALL {
            plan.evaluation.scores.push(AspectScore {
                year: 2030,
                aspect,
                score: 3.0,
                note: String::new(),
            });
        }
        let e = estimate(&plan, 2030, 2026);
        assert!(e.missing().is_empty());
        assert!((e.index().unwrap() - 3.0).abs() < 1e-9);
        // A self-assessment is the officer's word: it replaces a survey too.
        plan.evaluation.survey.insert(2030, 4.5);
        let e = estimate(&plan, 2030, 2026);
        assert!((e.index().unwrap() - 3.0).abs() < 1e-9);
        plan.evaluation
            .scores
            .retain(|s| s.aspect != Aspect::Impact);
        let e = estimate(&plan, 2030, 2026);
        let impact = e
            .aspects
            .iter()
            .find(|a| a.aspect == Aspect::Impact)
            .unwrap();
        assert_eq!(impact.from, From::Survey(4.5));
    }
}
