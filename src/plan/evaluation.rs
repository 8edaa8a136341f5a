//! The ministry's yearly evaluation as far as the plan can tell: per
//! dimension, what pantau measures for each of the five aspects, the
//! officers' self-assessment where the plan cannot know, and an estimated
//! index as the weighted sum. Always an estimate: the ministry's assessors
//! score from questionnaires, documents and interviews.
//!
//! What is measured (docs/FORMAT.md, "The yearly evaluation"):
//!
//! - baseline ≈ share of the year's indicators with a baseline value;
//! - output ≈ share of programmes with a budget allocated for the year,
//!   and of policy documents ready (the mean of the two where both exist;
//!   a plan that records no budget at all measures only the documents);
//! - outcome ≈ share of programmes running or done, as regencies report it
//!   ("10 of 12 programmes running, 83.33 %");
//! - impact ≈ mean achievement of the year's targets (each taken between 0 and 100);
//! - quick win ≈ share of quick wins done.
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

    fn merge(&mut self, other: Share) {
        self.add(other.part, other.whole);
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
    pub outcome: Share,
    pub impact: Share,
    pub quick_win: Share,
}

impl Measures {
    fn add(&mut self, p: &Program, year: i32) {
        let targets = p.targets.iter().filter(|t| t.year == year);
        for t in targets {
            self.baseline
                .add(f64::from(u8::from(t.baseline.is_some())), 1.0);
            // A share of the aspect: an over-achievement fills its part and
            // no more, a figure below zero counts as none.
            if let Some(figure) = Capaian::of(t, year + 1).figure() {
                self.impact.add(figure.clamp(0.0, 100.0) / 100.0, 1.0);
            }
        }
        if p.status != Status::Cancelled && p.start <= year && year <= p.end {
            let budgeted = p
                .budget
                .iter()
                .any(|b| b.year == year && b.allocation > 0.0);
            self.budgeted.add(f64::from(u8::from(budgeted)), 1.0);
        }
        for e in p.evidence.iter().filter(|e| e.kind == EvidenceKind::Policy) {
            self.policy
                .add(f64::from(u8::from(e.state == EvidenceState::Ready)), 1.0);
        }
        self.outcome
            .add(f64::from(u8::from(p.status.is_running())), 1.0);
        if p.horizon == Horizon::QuickWin {
            self.quick_win
                .add(f64::from(u8::from(p.status.is_delivered())), 1.0);
        }
    }

    fn merge(&mut self, other: &Measures) {
        self.baseline.merge(other.baseline);
        self.budgeted.merge(other.budgeted);
        self.policy.merge(other.policy);
        self.outcome.merge(other.outcome);
        self.impact.merge(other.impact);
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

    /// The share shown as counts where that is what it is: `10/12`.
    pub fn share(&self, aspect: Aspect) -> Option<Share> {
        let s = match aspect {
            Aspect::Baseline => self.baseline,
            Aspect::Outcome => self.outcome,
            Aspect::QuickWin => self.quick_win,
            Aspect::Output | Aspect::Impact => return None,
        };
        (s.whole > 0.0).then_some(s)
    }
}

/// Where an aspect's score in the estimate comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum From<'a> {
    /// The officers' self-assessment for the year.
    Officer(&'a AspectScore),
    /// The plan's measure: share × 5.
    Measured(f64),
    /// Neither: the estimate cannot be made without it.
    Missing,
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
            From::Measured(score) => Some(score),
            From::Missing => None,
        }
    }
}

/// The evaluation of one year as pantau estimates it.
#[derive(Debug, Clone)]
pub struct Estimate<'a> {
    pub year: i32,
    pub weights: Weights,
    /// Whether the weights are the plan's own or the default.
    pub weights_default: bool,
    pub aspects: Vec<AspectRow<'a>>,
    pub dimensions: Vec<(&'a Dimension, Measures)>,
    pub total: Measures,
    /// The ministry's results, oldest first.
    pub results: Vec<&'a OfficialResult>,
}

impl Estimate<'_> {
    /// Σ weight × score ÷ 100, when every aspect has a score.
    pub fn index(&self) -> Option<f64> {
        let scores: Option<Vec<f64>> = self.aspects.iter().map(AspectRow::score).collect();
        let scores = scores?;
        let mut five = [0.0; 5];
        five.copy_from_slice(&scores);
        Some(index(five, self.weights))
    }

    /// The aspects without a score, which the estimate waits for.
    pub fn missing(&self) -> Vec<Aspect> {
        self.aspects
            .iter()
            .filter(|a| a.score().is_none())
            .map(|a| a.aspect)
            .collect()
    }
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

/// The estimate for `year`.
pub fn estimate(plan: &Plan, year: i32) -> Estimate<'_> {
    let mut dimensions: Vec<(&Dimension, Measures)> = plan
        .dimensions
        .iter()
        .map(|d| (d, Measures::default()))
        .collect();
    for p in &plan.programs {
        if let Some((_, m)) = dimensions.iter_mut().find(|(d, _)| d.id == p.dimension) {
            m.add(p, year);
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
            let from = match (officer, measured) {
                (Some(s), _) => From::Officer(s),
                (None, Some(percent)) => From::Measured(percent / 100.0 * MAX_SCORE),
                (None, None) => From::Missing,
            };
            AspectRow {
                aspect,
                weight: weights.of(aspect),
                measured,
                from,
            }
        })
        .collect();
    let mut results: Vec<&OfficialResult> = e.results.iter().collect();
    results.sort_by_key(|r| r.year);
    Estimate {
        year,
        weights,
        weights_default: e.weights.is_none(),
        aspects,
        dimensions,
        total,
        results,
    }
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
    fn outcome_is_the_share_of_programmes_running_or_done() {
        let plan = example();
        let e = estimate(&plan, 2024);
        let running = plan
            .programs
            .iter()
            .filter(|p| p.status.is_running())
            .count();
        let share = e.total.share(Aspect::Outcome).unwrap();
        assert_eq!(share.part as usize, running);
        assert_eq!(share.whole as usize, plan.programs.len());
    }

    #[test]
    fn officer_scores_replace_the_measure_and_a_gap_stops_the_index() {
        let mut plan = example();
        // No baseline values for a year without targets: nothing measured.
        let e = estimate(&plan, 2030);
        assert!(e.missing().contains(&Aspect::Impact), "{:?}", e.missing());
        assert_eq!(e.index(), None);
        for aspect in Aspect::ALL {
            plan.evaluation.scores.push(AspectScore {
                year: 2030,
                aspect,
                score: 3.0,
                note: String::new(),
            });
        }
        let e = estimate(&plan, 2030);
        assert!(e.missing().is_empty());
        assert!((e.index().unwrap() - 3.0).abs() < 1e-9);
    }
}
