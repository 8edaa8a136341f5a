//! The vice-regent's three questions of every programme (is it used, is it
//! good, does it change anything), answered from the indicators that say
//! they measure use, quality or impact: per programme, per dimension and
//! for the plan, and the programmes that cannot answer the first two.
//!
//! A programme answers a question when any of its targets, of any year,
//! measures it; how it is doing is the capaian of those targets set for the
//! year asked, by the rules of [`crate::plan::achievement`], and their mean
//! (as the province's rollup takes it). A cancelled programme is asked
//! nothing: it will not be used, good or felt.

use crate::plan::achievement::{Band, Capaian};
use crate::plan::model::{Dimension, Measure, Plan, Program, Status};

/// How one question stands over some programmes in one year.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Standing {
    /// Programmes with at least one indicator of it, in any year.
    pub programs: usize,
    /// Its indicators' targets set for the year.
    pub targets: usize,
    /// Of those, the ones measured (an actual value entered).
    pub measured: usize,
    /// Of those measured, the ones that reached their target (100 % or more).
    pub met: usize,
    /// The sum of the measured capaian, for the mean.
    sum: f64,
}

impl Standing {
    /// The mean capaian of the measured targets, as they are (no cap).
    pub fn mean(&self) -> Option<f64> {
        (self.measured > 0).then(|| self.sum / self.measured as f64)
    }

    /// The band of the mean, in the plan's regime when worded.
    pub fn band(&self) -> Option<Band> {
        self.mean().map(Band::of)
    }

    fn add(&mut self, p: &Program, measure: Measure, year: i32) {
        let mut any = false;
        for t in p.targets.iter().filter(|t| t.measures == measure) {
            any = true;
            if t.year != year {
                continue;
            }
            self.targets += 1;
            if let Some(figure) = Capaian::of(t, year).figure() {
                self.measured += 1;
                self.sum += figure;
                self.met += usize::from(figure >= 100.0);
            }
        }
        self.programs += usize::from(any);
    }

    fn merge(&mut self, other: &Standing) {
        self.programs += other.programs;
        self.targets += other.targets;
        self.measured += other.measured;
        self.met += other.met;
        self.sum += other.sum;
    }
}

/// The three questions over some programmes in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answers {
    pub year: i32,
    /// The programmes asked (none cancelled).
    pub programs: usize,
    /// Use, quality, impact, in the order of [`Measure::QUESTIONS`].
    pub standings: [Standing; 3],
}

impl Answers {
    pub fn new(year: i32) -> Answers {
        Answers {
            year,
            programs: 0,
            standings: [Standing::default(); 3],
        }
    }

    /// The answers of one programme (nothing asked of a cancelled one).
    pub fn of(p: &Program, year: i32) -> Answers {
        let mut a = Answers::new(year);
        a.add(p);
        a
    }

    pub fn add(&mut self, p: &Program) {
        if p.status == Status::Cancelled {
            return;
        }
        self.programs += 1;
        for (standing, measure) in self.standings.iter_mut().zip(Measure::QUESTIONS) {
            standing.add(p, measure, self.year);
        }
    }

    pub fn merge(&mut self, other: &Answers) {
        self.programs += other.programs;
        for (mine, theirs) in self.standings.iter_mut().zip(&other.standings) {
            mine.merge(theirs);
        }
    }

    /// How `measure` stands; `None` for output, which is not a question.
    pub fn get(&self, measure: Measure) -> Option<&Standing> {
        Measure::QUESTIONS
            .iter()
            .position(|&m| m == measure)
            .map(|i| &self.standings[i])
    }
}

/// A programme that cannot say whether it is used, or whether it is good.
#[derive(Debug, Clone, Copy)]
pub struct Unanswered<'a> {
    pub program: &'a Program,
    pub no_use: bool,
    pub no_quality: bool,
}

/// The questions answered per dimension in the plan's order, for the plan,
/// and the programmes without a use or a quality indicator, in plan order.
#[derive(Debug, Clone)]
pub struct Questions<'a> {
    pub dimensions: Vec<(&'a Dimension, Answers)>,
    pub total: Answers,
    pub unanswered: Vec<Unanswered<'a>>,
}

/// The three questions for the programmes `keep` keeps, in `year`.
pub fn answer<'a>(plan: &'a Plan, year: i32, keep: impl Fn(&Program) -> bool) -> Questions<'a> {
    let mut dimensions: Vec<(&Dimension, Answers)> = plan
        .dimensions
        .iter()
        .map(|d| (d, Answers::new(year)))
        .collect();
    let mut unanswered = Vec::new();
    for p in plan.programs.iter().filter(|p| keep(p)) {
        let Some((_, answers)) = dimensions.iter_mut().find(|(d, _)| d.id == p.dimension) else {
            continue;
        };
        answers.add(p);
        let has = |m: Measure| p.targets.iter().any(|t| t.measures == m);
        let (no_use, no_quality) = (!has(Measure::Use), !has(Measure::Quality));
        if p.status != Status::Cancelled && (no_use || no_quality) {
            unanswered.push(Unanswered {
                program: p,
                no_use,
                no_quality,
            });
        }
    }
    dimensions.retain(|(_, a)| a.programs > 0);
    let mut total = Answers::new(year);
    for (_, a) in &dimensions {
        total.merge(a);
    }
    Questions {
        dimensions,
        total,
        unanswered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Bands, Period, Target};

    fn target(year: i32, measures: Measure, goal: f64, actual: Option<f64>) -> Target {
        Target {
            year,
            indicator: "x".into(),
            target: goal,
            actual,
            measures,
            ..Target::default()
        }
    }

    fn program(id: &str, dimension: &str, targets: Vec<Target>) -> Program {
        let mut p = Program::new(id.into(), dimension.into(), String::new(), 2025);
        p.targets = targets;
        p
    }

    fn plan(programs: Vec<Program>) -> Plan {
        let dimension = |id: &str| Dimension {
            id: id.into(),
            name: id.into(),
            lead: String::new(),
            elements: Vec::new(),
        };
        Plan {
            version: 1,
            region: "Kabupaten Contoh".into(),
            code: String::new(),
            province: String::new(),
            title: "Masterplan".into(),
            vision: String::new(),
            period: Period {
                start: 2022,
                end: 2031,
            },
            bands: Bands::default(),
            dimensions: vec![dimension("governance"), dimension("living")],
            programs,
            followups: Vec::new(),
            evaluation: Box::default(),
        }
    }

    #[test]
    fn each_dimension_says_who_has_an_indicator_of_each_question_and_how_it_does() {
        use Measure::{Impact, Output, Quality, Use};
        let mut cancelled = program("GOV-03", "governance", vec![]);
        cancelled.status = Status::Cancelled;
        let plan = plan(vec![
            // Users 36,500 of 40,000 (91.25 %); an older year's use target
            // counts as having one but not in 2026's figures.
            program(
                "GOV-01",
                "governance",
                vec![
                    target(2025, Use, 20_000.0, Some(21_000.0)),
                    target(2026, Use, 40_000.0, Some(36_500.0)),
                    target(2026, Output, 10.0, Some(10.0)),
                ],
            ),
            // Response time, lower is better: 11.5 against 12 minutes.
            program(
                "GOV-02",
                "governance",
                vec![
                    Target {
                        direction: crate::plan::model::Direction::Lower,
                        ..target(2026, Quality, 12.0, Some(11.5))
                    },
                    target(2026, Use, 80.0, None),
                ],
            ),
            cancelled,
            program(
                "LIV-01",
                "living",
                vec![target(2026, Impact, 70.0, Some(77.0))],
            ),
        ]);
        let q = answer(&plan, 2026, |_| true);

        let (gov, a) = &q.dimensions[0];
        assert_eq!(gov.id, "governance");
        assert_eq!(a.programs, 2, "the cancelled programme is not asked");
        let used = a.get(Use).unwrap();
        assert_eq!(
            (used.programs, used.targets, used.measured, used.met),
            (2, 2, 1, 0)
        );
        assert_eq!(used.mean(), Some(91.25));
        assert_eq!(used.band(), Some(Band::VeryGood));
        let good = a.get(Quality).unwrap();
        assert_eq!((good.programs, good.measured, good.met), (1, 1, 1));
        assert_eq!(good.mean(), Some(104.17));
        assert_eq!(a.get(Impact).unwrap().programs, 0);
        assert!(
            a.get(Output).is_none(),
            "output is not one of the questions"
        );

        let (_, living) = &q.dimensions[1];
        assert_eq!(living.get(Impact).unwrap().mean(), Some(110.0));
        assert_eq!(q.total.programs, 3);
        assert_eq!(q.total.get(Use).unwrap().programs, 2);

        let listed: Vec<(&str, bool, bool)> = q
            .unanswered
            .iter()
            .map(|u| (u.program.id.as_str(), u.no_use, u.no_quality))
            .collect();
        assert_eq!(
            listed,
            [("GOV-01", false, true), ("LIV-01", true, true)],
            "GOV-02 has both; the cancelled GOV-03 is not listed"
        );
    }

    #[test]
    fn a_filter_keeps_only_its_programmes_and_drops_empty_dimensions() {
        let plan = plan(vec![
            program("GOV-01", "governance", vec![]),
            program("LIV-01", "living", vec![]),
        ]);
        let q = answer(&plan, 2026, |p| p.dimension == "living");
        assert_eq!(q.dimensions.len(), 1);
        assert_eq!(q.total.programs, 1);
        assert_eq!(q.unanswered.len(), 1);
    }
}
