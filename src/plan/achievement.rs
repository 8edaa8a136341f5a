//! Achievement (capaian) as the government computes it, and its bands.
//!
//! Every view and report asks here, so a target reads the same on screen, on
//! paper and in JSON. The rules (domain notes, `docs/FORMAT.md`):
//!
//! - higher is better: actual ÷ target × 100;
//! - lower is better ("kondisi khusus": poverty, stunting):
//!   (1 + (1 − actual ÷ target)) × 100;
//! - a range: 100 inside it; above it, as lower-is-better against the upper
//!   bound; below it, as higher-is-better against the lower bound;
//! - the performance-management rule counts an achievement above
//!   [`CAP_ABOVE`] % as [`CAPPED`] %, and one below zero as zero. Both the
//!   computed and the counted figure are kept, so the views show the cap
//!   ("115%→120%") instead of hiding it.

use crate::plan::model::{Direction, Target};

/// Above this many percent an achievement is counted as [`CAPPED`]
/// (PermenPANRB on the performance-management system).
pub const CAP_ABOVE: f64 = 110.0;
/// What an achievement above [`CAP_ABOVE`] counts as.
pub const CAPPED: f64 = 120.0;

/// A target's achievement as of a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Capaian {
    /// Measured: `computed` by the direction's formula, `counted` after the
    /// cap. Both finite.
    Measured { computed: f64, counted: f64 },
    /// The target's year is over and no actual value was entered.
    NoData,
    /// The year is not over yet and no actual value was entered.
    Pending,
    /// The target cannot be measured against: a target of 0, or a range
    /// without its upper bound (validation reports both).
    Undefined,
}

impl Capaian {
    /// The achievement of `target` in `this_year` (to tell "no data" from
    /// "not yet").
    pub fn of(target: &Target, this_year: i32) -> Capaian {
        let Some(actual) = target.actual.filter(|a| a.is_finite()) else {
            return if target.year < this_year {
                Capaian::NoData
            } else {
                Capaian::Pending
            };
        };
        match computed(target, actual) {
            Some(computed) => Capaian::Measured {
                computed,
                counted: counted(computed),
            },
            None => Capaian::Undefined,
        }
    }

    /// The figure that counts (after the cap), when measured.
    pub fn counted(self) -> Option<f64> {
        match self {
            Capaian::Measured { counted, .. } => Some(counted),
            _ => None,
        }
    }

    /// The figure the formula gives, when measured.
    pub fn computed(self) -> Option<f64> {
        match self {
            Capaian::Measured { computed, .. } => Some(computed),
            _ => None,
        }
    }

    /// Whether the cap changed the figure (above 110 % or below 0 %).
    pub fn adjusted(self) -> bool {
        matches!(self, Capaian::Measured { computed, counted } if computed != counted)
    }

    pub fn band(self) -> Option<Band> {
        self.counted().map(Band::of)
    }

    /// The figure as printed: `95%`, or `115%→120%` where the cap applied.
    /// Empty when not measured.
    pub fn percent(self, arrow: &str) -> String {
        match self {
            Capaian::Measured { computed, counted } if computed != counted => format!(
                "{}%{arrow}{}%",
                whole_percent(computed),
                whole_percent(counted)
            ),
            Capaian::Measured { counted, .. } => format!("{}%", whole_percent(counted)),
            _ => String::new(),
        }
    }

    /// Whether the target was reached (100 % or more before the cap).
    pub fn met(self) -> Option<bool> {
        self.computed().map(|c| c >= 100.0)
    }

    /// The name in JSON: a band's key, `no_data`, `pending` or `undefined`.
    pub fn key(self) -> &'static str {
        match self {
            Capaian::Measured { .. } => self.band().map_or("undefined", Band::key),
            Capaian::NoData => "no_data",
            Capaian::Pending => "pending",
            Capaian::Undefined => "undefined",
        }
    }
}

/// The formula of the target's direction; `None` where it has no meaning.
fn computed(target: &Target, actual: f64) -> Option<f64> {
    let higher = |goal: f64| (goal != 0.0).then(|| actual / goal * 100.0);
    let lower = |goal: f64| (goal != 0.0).then(|| (1.0 + (1.0 - actual / goal)) * 100.0);
    let percent = match target.direction {
        Direction::Higher => higher(target.target)?,
        Direction::Lower => lower(target.target)?,
        Direction::Range => {
            let (low, high) = (target.target, target.upper?);
            if high < low {
                return None;
            }
            if actual > high {
                lower(high)?
            } else if actual < low {
                higher(low)?
            } else {
                100.0
            }
        }
    };
    // Binary fractions make 115 ÷ 100 × 100 come out as 114.999…: rounded
    // to a millionth, the figure floors and caps as a person computes it.
    let percent = (percent * 1e6).round() / 1e6;
    percent.is_finite().then_some(percent)
}

/// The cap: above 110 counts as 120, below 0 as 0.
fn counted(computed: f64) -> f64 {
    if computed > CAP_ABOVE {
        CAPPED
    } else {
        computed.max(0.0)
    }
}

/// Whole percent as printed: rounded down.
pub fn whole_percent(percent: f64) -> i64 {
    percent.floor() as i64
}

/// The achievement bands of Indonesian performance reports (LKjIP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    /// Sangat Baik: 91 % and more (over-achievement included).
    VeryGood,
    /// Baik: 76–90 %.
    Good,
    /// Cukup: 66–75 %.
    Fair,
    /// Kurang: 51–65 %.
    Poor,
    /// Sangat Kurang: 50 % and less.
    VeryPoor,
}

impl Band {
    pub const ALL: [Band; 5] = [
        Band::VeryGood,
        Band::Good,
        Band::Fair,
        Band::Poor,
        Band::VeryPoor,
    ];

    /// The band of an achievement in percent, taken in whole percent rounded
    /// down (as printed): 90.9 % is 90 %, Baik.
    pub fn of(percent: f64) -> Band {
        match percent.floor() {
            p if p >= 91.0 => Band::VeryGood,
            p if p >= 76.0 => Band::Good,
            p if p >= 66.0 => Band::Fair,
            p if p >= 51.0 => Band::Poor,
            _ => Band::VeryPoor,
        }
    }

    /// The name in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Band::VeryGood => "sangat_baik",
            Band::Good => "baik",
            Band::Fair => "cukup",
            Band::Poor => "kurang",
            Band::VeryPoor => "sangat_kurang",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn target(direction: Direction, goal: f64, upper: Option<f64>, actual: Option<f64>) -> Target {
        Target {
            year: 2025,
            indicator: "x".into(),
            target: goal,
            actual,
            direction,
            upper,
            ..Target::default()
        }
    }

    fn percent(direction: Direction, goal: f64, upper: Option<f64>, actual: f64) -> (i64, i64) {
        match Capaian::of(&target(direction, goal, upper, Some(actual)), 2026) {
            Capaian::Measured { computed, counted } => {
                (whole_percent(computed), whole_percent(counted))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn higher_is_actual_over_target() {
        assert_eq!(percent(Direction::Higher, 150.0, None, 120.0), (80, 80));
        assert_eq!(percent(Direction::Higher, 20.0, None, 20.0), (100, 100));
        assert_eq!(percent(Direction::Higher, 100.0, None, 110.0), (110, 110));
    }

    #[test]
    fn lower_is_better_turns_a_miss_below_100() {
        // Luwu Utara's poverty rate: 12.66 % against a target of 12.5 %.
        let (computed, counted) = percent(Direction::Lower, 12.5, None, 12.66);
        assert_eq!((computed, counted), (98, 98), "missed, not 101 %");
        let poverty = target(Direction::Lower, 12.5, None, Some(12.66));
        let c = Capaian::of(&poverty, 2026);
        assert_eq!(c.met(), Some(false));
        assert_eq!(c.judgement(Lang::En, " · "), "Very good · missed");
        assert_eq!(c.judgement(Lang::Id, " · "), "Sangat Baik · belum tercapai");
        let poor = Capaian::of(&target(Direction::Higher, 100.0, None, Some(60.0)), 2026);
        assert_eq!(poor.judgement(Lang::En, " · "), "Poor", "the band says it");
        // Beating it: 11 % against 12.5 % is (1 + 0.12) × 100 = 112 → 120.
        assert_eq!(percent(Direction::Lower, 12.5, None, 11.0), (112, 120));
        assert_eq!(percent(Direction::Lower, 10.0, None, 10.0), (100, 100));
        // Three times the target: the formula goes below zero, counted as 0.
        assert_eq!(percent(Direction::Lower, 10.0, None, 30.0), (-100, 0));
    }

    #[test]
    fn a_range_is_100_inside_and_measured_against_the_bound_it_left() {
        let range = |actual| percent(Direction::Range, 60.0, Some(80.0), actual);
        assert_eq!(range(60.0), (100, 100));
        assert_eq!(range(70.0), (100, 100));
        assert_eq!(range(80.0), (100, 100));
        assert_eq!(range(48.0), (80, 80), "below: 48 ÷ 60");
        assert_eq!(range(88.0), (90, 90), "above: (1 + (1 − 88 ÷ 80))");
    }

    #[test]
    fn the_cap_counts_above_110_as_120_and_says_so() {
        let c = Capaian::of(&target(Direction::Higher, 100.0, None, Some(115.0)), 2026);
        assert!(c.adjusted());
        assert_eq!(c.counted(), Some(120.0));
        assert_eq!(c.percent("→"), "115%→120%");
        let just = Capaian::of(&target(Direction::Higher, 100.0, None, Some(110.0)), 2026);
        assert!(!just.adjusted(), "110 itself is not above 110");
        assert_eq!(just.percent("->"), "110%");
    }

    #[test]
    fn bands_follow_lkjip_in_whole_percent() {
        let cases = [
            (120.0, Band::VeryGood),
            (91.0, Band::VeryGood),
            (90.99, Band::Good),
            (76.0, Band::Good),
            (75.5, Band::Fair),
            (66.0, Band::Fair),
            (65.9, Band::Poor),
            (51.0, Band::Poor),
            (50.9, Band::VeryPoor),
            (0.0, Band::VeryPoor),
        ];
        for (p, band) in cases {
            assert_eq!(Band::of(p), band, "{p}");
        }
        assert_eq!(Band::VeryGood.name(Lang::Id), "Sangat Baik");
        assert_eq!(Band::VeryPoor.name(Lang::Id), "Sangat Kurang");
    }

    #[test]
    fn a_passed_year_without_actual_is_no_data_and_a_coming_one_pending() {
        let missing = target(Direction::Higher, 10.0, None, None);
        assert_eq!(Capaian::of(&missing, 2026), Capaian::NoData);
        assert_eq!(Capaian::of(&missing, 2025), Capaian::Pending);
        assert_eq!(Capaian::NoData.verdict(Lang::Id), "tidak ada data");
        assert_eq!(Capaian::NoData.key(), "no_data");
    }

    #[test]
    fn what_cannot_be_measured_is_undefined_never_nan() {
        for t in [
            target(Direction::Higher, 0.0, None, Some(5.0)),
            target(Direction::Lower, 0.0, None, Some(5.0)),
            target(Direction::Range, 10.0, None, Some(5.0)),
            target(Direction::Range, 10.0, Some(5.0), Some(7.0)),
            target(Direction::Higher, 1e-320, None, Some(1e300)),
        ] {
            let c = Capaian::of(&t, 2026);
            assert_eq!(c, Capaian::Undefined, "{t:?}");
            assert_eq!(c.percent("→"), "");
        }
    }
}
