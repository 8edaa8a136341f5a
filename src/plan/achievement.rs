//! Achievement (capaian) as the government computes it, and its bands.
//!
//! Every view and report asks here, so a target reads the same on screen, on
//! paper and in JSON. The rules (domain notes, `docs/FORMAT.md`):
//!
//! - higher is better: actual ÷ target × 100;
//! - lower is better ("kondisi khusus": poverty, stunting):
//!   (1 + (1 − actual ÷ target)) × 100;
//! - a range (a target with an upper bound) follows its direction, as the
//!   PermenPANRB annex on performance management has it: 100 inside; outside,
//!   the direction's formula against the bound it left. A plain `Range`
//!   (good only within) is measured as higher-is-better below and
//!   lower-is-better above;
//! - a target of 0: 100 when the actual is on the good side of 0 or at it,
//!   0 when not (there is no scale to measure a miss by);
//! - the figure is kept as it is, with two decimals: no cap (the "above 110
//!   counts as 120" rule is for a civil servant's SKP score, not capaian),
//!   and below zero stays below zero.

use crate::plan::model::{Direction, Target};

/// A target's achievement as of a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Capaian {
    /// Measured: the figure in percent, rounded to two decimals as it is
    /// printed and judged. Finite.
    Measured(f64),
    /// The target's year is over and no actual value was entered.
    NoData,
    /// The year is not over yet and no actual value was entered.
    Pending,
    /// The target cannot be measured against: a `Range` without its upper
    /// bound, or a range whose bounds are reversed (validation reports both).
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
        computed(target, actual).map_or(Capaian::Undefined, Capaian::Measured)
    }

    /// The figure in percent with two decimals, when measured.
    pub fn figure(self) -> Option<f64> {
        match self {
            Capaian::Measured(figure) => Some(figure),
            _ => None,
        }
    }

    pub fn band(self) -> Option<Band> {
        self.figure().map(Band::of)
    }

    /// Whether the target was reached (100 % or more).
    pub fn met(self) -> Option<bool> {
        self.figure().map(|c| c >= 100.0)
    }

    /// The name in JSON: a band's key, `no_data`, `pending` or `undefined`.
    pub fn key(self) -> &'static str {
        match self {
            Capaian::Measured(_) => self.band().map_or("undefined", Band::key),
            Capaian::NoData => "no_data",
            Capaian::Pending => "pending",
            Capaian::Undefined => "undefined",
        }
    }
}

/// The formula of the target's direction; `None` where it has no meaning.
fn computed(target: &Target, actual: f64) -> Option<f64> {
    let (low, high) = (target.target, target.upper.unwrap_or(target.target));
    if high < low {
        return None;
    }
    let percent = match target.direction {
        Direction::Higher if actual > high => higher(high, actual),
        Direction::Higher if actual < low => higher(low, actual),
        Direction::Lower if actual > high => lower(high, actual),
        Direction::Lower if actual < low => lower(low, actual),
        Direction::Range if target.upper.is_none() => return None,
        // A plain range is good only within: leaving it either way is a miss.
        Direction::Range if actual > high => lower(high, actual),
        Direction::Range if actual < low => higher(low, actual),
        // On the target, or inside the range.
        _ => 100.0,
    };
    two_decimals(percent)
}

/// Higher is better against `goal`.
fn higher(goal: f64, actual: f64) -> f64 {
    if goal == 0.0 {
        on_zero(actual >= 0.0)
    } else {
        actual / goal * 100.0
    }
}

/// Lower is better against `goal`.
fn lower(goal: f64, actual: f64) -> f64 {
    if goal == 0.0 {
        on_zero(actual <= 0.0)
    } else {
        (1.0 + (1.0 - actual / goal)) * 100.0
    }
}

/// A target of 0 gives no scale: reaching it is 100 %, missing it 0 %.
fn on_zero(reached: bool) -> f64 {
    if reached { 100.0 } else { 0.0 }
}

/// The figure as printed and judged, or `None` when it is not a number.
fn two_decimals(percent: f64) -> Option<f64> {
    // Binary fractions make 115 ÷ 100 × 100 come out as 114.999…: rounded
    // to a millionth first, the figure rounds as a person computes it.
    let percent = (percent * 1e6).round() / 1e6;
    // + 0.0 turns a -0.0 into 0.0, so it never prints as "-0,00".
    let percent = (percent * 100.0).round() / 100.0 + 0.0;
    percent.is_finite().then_some(percent)
}

/// The achievement bands of Indonesian performance reports. The ranges are
/// LKjIP's; a plan names them by its [`Bands`](crate::plan::model::Bands)
/// regime (LKjIP's Sangat Baik … or the RKPD evaluation's Sangat Tinggi …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    /// Sangat Baik / Sangat Tinggi: above 90 % (91–100 and over-achievement).
    VeryGood,
    /// Baik / Tinggi: above 75 % up to 90 %.
    Good,
    /// Cukup / Sedang: above 65 % up to 75 %.
    Fair,
    /// Kurang / Rendah: above 50 % up to 65 %.
    Poor,
    /// Sangat Kurang / Sangat Rendah: 50 % and less.
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

    /// The band of an achievement in percent, as printed with two decimals.
    /// The published ranges are whole numbers (91–100, 76–90, …, ≤ 50); a
    /// figure between two of them (90,50) belongs to the upper one, as "≤ 50"
    /// for the lowest says: each band starts just above the one below.
    pub fn of(percent: f64) -> Band {
        match percent {
            p if p > 90.0 => Band::VeryGood,
            p if p > 75.0 => Band::Good,
            p if p > 65.0 => Band::Fair,
            p if p > 50.0 => Band::Poor,
            _ => Band::VeryPoor,
        }
    }

    /// The name in JSON output: LKjIP's, whatever the plan's regime, so a
    /// tool reading it need not know the regime.
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
    use crate::plan::model::Bands;
    use proptest::prelude::*;

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

    fn figure(direction: Direction, goal: f64, upper: Option<f64>, actual: f64) -> f64 {
        match Capaian::of(&target(direction, goal, upper, Some(actual)), 2026) {
            Capaian::Measured(figure) => figure,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn higher_is_actual_over_target_with_two_decimals() {
        assert_eq!(figure(Direction::Higher, 150.0, None, 120.0), 80.0);
        assert_eq!(figure(Direction::Higher, 20.0, None, 20.0), 100.0);
        assert_eq!(figure(Direction::Higher, 100.0, None, 110.0), 110.0);
        assert_eq!(figure(Direction::Higher, 40_000.0, None, 36_500.0), 91.25);
        assert_eq!(figure(Direction::Higher, 3.0, None, 2.0), 66.67);
    }

    #[test]
    fn lower_is_better_turns_a_miss_below_100() {
        // Luwu Utara's poverty rate: 12.66 % against a target of 12.5 %.
        assert_eq!(figure(Direction::Lower, 12.5, None, 12.66), 98.72);
        let poverty = target(Direction::Lower, 12.5, None, Some(12.66));
        let c = Capaian::of(&poverty, 2026);
        assert_eq!(c.met(), Some(false));
        assert_eq!(
            c.judgement(Lang::En, Bands::Lkjip, " · "),
            "Very good · missed"
        );
        assert_eq!(
            c.judgement(Lang::Id, Bands::Lkjip, " · "),
            "Sangat Baik · belum tercapai"
        );
        let poor = Capaian::of(&target(Direction::Higher, 100.0, None, Some(60.0)), 2026);
        assert_eq!(
            poor.judgement(Lang::En, Bands::Lkjip, " · "),
            "Poor",
            "the band says it"
        );
        assert_eq!(figure(Direction::Lower, 12.5, None, 11.0), 112.0);
        assert_eq!(figure(Direction::Lower, 10.0, None, 10.0), 100.0);
    }

    #[test]
    fn no_cap_above_and_no_floor_below() {
        // An SKP score would count 125 as 120 and -100 as 0; capaian does not.
        let over = Capaian::of(
            &target(Direction::Higher, 10_000.0, None, Some(12_500.0)),
            2026,
        );
        assert_eq!(over.figure(), Some(125.0));
        assert_eq!(over.percent(Lang::Id), "125,00 %");
        assert_eq!(over.percent(Lang::En), "125.00 %");
        // Three times a lower-is-better target: the formula goes below zero.
        let under = Capaian::of(&target(Direction::Lower, 10.0, None, Some(30.0)), 2026);
        assert_eq!(under.figure(), Some(-100.0));
        assert_eq!(under.band(), Some(Band::VeryPoor));
        assert_eq!(under.percent(Lang::Id), "-100,00 %");
    }

    #[test]
    fn a_higher_is_better_range_divides_by_the_bound_it_left() {
        // The annex's example: 80–90 %, actual 92 → 92 ÷ 90.
        let range = |actual| figure(Direction::Higher, 80.0, Some(90.0), actual);
        assert_eq!(range(92.0), 102.22, "above: ÷ upper");
        assert_eq!(range(72.0), 90.0, "below: ÷ lower");
        assert_eq!(range(80.0), 100.0);
        assert_eq!(range(85.0), 100.0, "inside");
        assert_eq!(range(90.0), 100.0);
        let above = Capaian::of(
            &target(Direction::Higher, 80.0, Some(90.0), Some(92.0)),
            2026,
        );
        assert_eq!(above.met(), Some(true), "an over-achievement, not a miss");
        assert_eq!(
            above.judgement(Lang::Id, Bands::Lkjip, " · "),
            "Sangat Baik"
        );
        assert_eq!(above.percent(Lang::Id), "102,22 %");
        assert_eq!(above.percent(Lang::En), "102.22 %");
    }

    #[test]
    fn a_lower_is_better_range_uses_the_lower_formula_against_the_bound_it_left() {
        // 7–8 months to finish.
        let range = |actual| figure(Direction::Lower, 7.0, Some(8.0), actual);
        assert_eq!(range(6.5), 107.14, "below: (1 + (1 − 6.5 ÷ 7))");
        assert_eq!(range(9.0), 87.5, "above: (1 + (1 − 9 ÷ 8))");
        assert_eq!(range(7.5), 100.0, "inside");
        let late = Capaian::of(&target(Direction::Lower, 7.0, Some(8.0), Some(9.0)), 2026);
        assert_eq!(late.met(), Some(false));
        assert_eq!(late.judgement(Lang::En, Bands::Rkpd, " · "), "High");
        assert_eq!(late.judgement(Lang::Id, Bands::Rkpd, " · "), "Tinggi");
    }

    #[test]
    fn a_plain_range_is_good_only_within_it() {
        let range = |actual| figure(Direction::Range, 60.0, Some(80.0), actual);
        assert_eq!(range(60.0), 100.0);
        assert_eq!(range(70.0), 100.0);
        assert_eq!(range(80.0), 100.0);
        assert_eq!(range(48.0), 80.0, "below: 48 ÷ 60");
        assert_eq!(range(88.0), 90.0, "above: (1 + (1 − 88 ÷ 80))");
    }

    #[test]
    fn a_target_of_zero_is_reached_at_zero_and_never_divides() {
        for direction in [Direction::Higher, Direction::Lower] {
            assert_eq!(figure(direction, 0.0, None, 0.0), 100.0, "{direction:?}");
        }
        // Users of a new service against a target of none: reached.
        assert_eq!(figure(Direction::Higher, 0.0, None, 25.0), 100.0);
        assert_eq!(figure(Direction::Higher, 0.0, None, -2.0), 0.0);
        // Audit findings against a target of none: any finding is a miss.
        assert_eq!(figure(Direction::Lower, 0.0, None, 3.0), 0.0);
        let findings = Capaian::of(&target(Direction::Lower, 0.0, None, Some(3.0)), 2026);
        assert_eq!(
            findings.judgement(Lang::En, Bands::Lkjip, " · "),
            "Very poor"
        );
        // A range starting at 0, left below it.
        assert_eq!(figure(Direction::Lower, 0.0, Some(2.0), 0.0), 100.0);
        assert_eq!(figure(Direction::Lower, 0.0, Some(2.0), 3.0), 50.0);
    }

    #[test]
    fn bands_are_judged_on_the_two_decimal_figure() {
        let cases = [
            (125.0, Band::VeryGood),
            (91.0, Band::VeryGood),
            (90.01, Band::VeryGood),
            (90.0, Band::Good),
            (76.0, Band::Good),
            (75.5, Band::Good),
            (75.0, Band::Fair),
            (66.0, Band::Fair),
            (65.01, Band::Fair),
            (65.0, Band::Poor),
            (51.0, Band::Poor),
            (50.01, Band::Poor),
            (50.0, Band::VeryPoor),
            (-100.0, Band::VeryPoor),
        ];
        for (p, band) in cases {
            assert_eq!(Band::of(p), band, "{p}");
        }
        // 90.004 prints as 90,00 and is judged so: Baik, not Sangat Baik.
        let c = Capaian::of(&target(Direction::Higher, 100.0, None, Some(90.004)), 2026);
        assert_eq!((c.figure(), c.band()), (Some(90.0), Some(Band::Good)));
    }

    #[test]
    fn each_regime_names_the_same_ranges_in_both_languages() {
        let names = |bands, lang| Band::ALL.map(|b| b.name(lang, bands));
        assert_eq!(
            names(Bands::Lkjip, Lang::Id),
            ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
        );
        assert_eq!(
            names(Bands::Lkjip, Lang::En),
            ["Very good", "Good", "Fair", "Poor", "Very poor"]
        );
        assert_eq!(
            names(Bands::Rkpd, Lang::Id),
            [
                "Sangat Tinggi",
                "Tinggi",
                "Sedang",
                "Rendah",
                "Sangat Rendah"
            ]
        );
        assert_eq!(
            names(Bands::Rkpd, Lang::En),
            ["Very high", "High", "Medium", "Low", "Very low"]
        );
        let missed = Capaian::of(&target(Direction::Higher, 100.0, None, Some(97.0)), 2026);
        assert_eq!(
            missed.judgement(Lang::Id, Bands::Rkpd, " · "),
            "Sangat Tinggi · belum tercapai"
        );
    }

    #[test]
    fn a_passed_year_without_actual_is_no_data_and_a_coming_one_pending() {
        let missing = target(Direction::Higher, 10.0, None, None);
        assert_eq!(Capaian::of(&missing, 2026), Capaian::NoData);
        assert_eq!(Capaian::of(&missing, 2025), Capaian::Pending);
        assert_eq!(
            Capaian::NoData.verdict(Lang::Id, Bands::Lkjip),
            "tidak ada data"
        );
        assert_eq!(Capaian::NoData.key(), "no_data");
    }

    #[test]
    fn what_cannot_be_measured_is_undefined_never_nan() {
        for t in [
            target(Direction::Range, 10.0, None, Some(5.0)),
            target(Direction::Range, 10.0, Some(5.0), Some(7.0)),
            target(Direction::Higher, 10.0, Some(5.0), Some(7.0)),
            target(Direction::Higher, 1e-320, None, Some(1e300)),
        ] {
            let c = Capaian::of(&t, 2026);
            assert_eq!(c, Capaian::Undefined, "{t:?}");
            assert_eq!(c.percent(Lang::Id), "");
        }
    }

    fn printed_back(text: &str, lang: Lang) -> f64 {
        let digits = text.trim_end_matches(" %");
        crate::plan::typed::number(digits, Some(lang.convention())).unwrap_or(f64::NAN)
    }

    proptest! {
        /// The band is judged on the figure as printed, never on a figure
        /// rounded some other way: an officer who checks the band against
        /// the printed percentage, in either language, always agrees.
        #[test]
        fn the_band_is_that_of_the_printed_figure(
            goal in 0.0f64..1000.0,
            actual in -100.0f64..2000.0,
            upper in proptest::option::of(0.0f64..500.0),
            direction in prop_oneof![Just(Direction::Higher), Just(Direction::Lower), Just(Direction::Range)],
        ) {
            let upper = upper.map(|u| goal + u);
            let c = Capaian::of(&target(direction, goal, upper, Some(actual)), 2026);
            for lang in [Lang::Id, Lang::En] {
                let printed = c.percent(lang);
                match c.band() {
                    Some(band) => prop_assert_eq!(Band::of(printed_back(&printed, lang)), band, "{} in {:?}", printed, lang),
                    None => prop_assert_eq!(printed, ""),
                }
            }
        }

        /// A higher figure never has a worse band, however close the two.
        #[test]
        fn a_higher_figure_never_has_a_worse_band(a in -200.0f64..300.0, b in -200.0f64..300.0) {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(Band::of(high) <= Band::of(low), "{} {}", low, high);
        }
    }
}
