//! Where a plan stands on a given day: counts per dimension, late and coming
//! milestones, the year's targets. Shared by the summary and the dashboard so
//! that paper and screen always agree.

use crate::plan::followup::FollowUp;
use crate::plan::model::{
    Dimension, Horizon, Milestone, Plan, Program, Status, Target, is_due_within, is_overdue,
    parse_date,
};
use jiff::civil::Date;

/// Counts of programmes, and one fiscal year's money: what a dimension, an
/// agency or the plan adds up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// The fiscal year (tahun anggaran) the money figures are for; the
    /// counts are the programmes' as they stand.
    pub year: i32,
    pub programs: usize,
    pub done: usize,
    pub in_progress: usize,
    pub delayed: usize,
    /// Under way or delivered ([`Status::is_running`]).
    pub running: usize,
    pub quick_wins: usize,
    /// Quick wins delivered: done, or running as a service.
    pub quick_wins_done: usize,
    /// Σ fisik × pagu: the year's physical progress in basis points
    /// (hundredths of a percent) times the year's allocation in rupiah, over
    /// the programmes that have both; and Σ pagu of those. Integers, so that
    /// adding and taking back a programme is exact.
    pub physical_weighted: u128,
    pub physical_allocated: u128,
    /// Rupiah allocated and spent in the year, over the programmes whose
    /// spending for it is reported.
    pub allocated: u128,
    pub spent: u128,
}

impl Tally {
    /// Nothing counted yet; money for fiscal year `year`.
    pub fn new(year: i32) -> Tally {
        Tally {
            year,
            programs: 0,
            done: 0,
            in_progress: 0,
            delayed: 0,
            running: 0,
            quick_wins: 0,
            quick_wins_done: 0,
            physical_weighted: 0,
            physical_allocated: 0,
            allocated: 0,
            spent: 0,
        }
    }

    pub fn add(&mut self, p: &Program) {
        self.programs += 1;
        match p.status {
            Status::Done => self.done += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Delayed => self.delayed += 1,
            _ => {}
        }
        if p.status.is_running() {
            self.running += 1;
        }
        if p.horizon == Horizon::QuickWin {
            self.quick_wins += 1;
            if p.status.is_delivered() {
                self.quick_wins_done += 1;
            }
        }
        let Some(money) = year_budget(p, self.year) else {
            return;
        };
        if let Some(physical) = physical_in(p, self.year) {
            self.physical_weighted += basis_points(physical) * money.allocated;
            self.physical_allocated += money.allocated;
        }
        if let Some(spent) = money.spent {
            self.allocated += money.allocated;
            self.spent += spent;
        }
    }

    /// Takes back what [`Tally::add`] counted for `p`.
    pub fn remove(&mut self, p: &Program) {
        let mut one = Tally::new(self.year);
        one.add(p);
        self.programs -= one.programs;
        self.done -= one.done;
        self.in_progress -= one.in_progress;
        self.delayed -= one.delayed;
        self.running -= one.running;
        self.quick_wins -= one.quick_wins;
        self.quick_wins_done -= one.quick_wins_done;
        self.physical_weighted -= one.physical_weighted;
        self.physical_allocated -= one.physical_allocated;
        self.allocated -= one.allocated;
        self.spent -= one.spent;
    }

    /// Adds `other`'s counts; both are for the same fiscal year.
    pub fn merge(&mut self, other: &Tally) {
        debug_assert_eq!(self.year, other.year, "money of two fiscal years added up");
        self.programs += other.programs;
        self.done += other.done;
        self.in_progress += other.in_progress;
        self.delayed += other.delayed;
        self.running += other.running;
        self.quick_wins += other.quick_wins;
        self.quick_wins_done += other.quick_wins_done;
        self.physical_weighted += other.physical_weighted;
        self.physical_allocated += other.physical_allocated;
        self.allocated += other.allocated;
        self.spent += other.spent;
    }

    /// The year's physical progress weighted by allocation, in percent:
    /// Σ(fisik × pagu) ÷ Σ pagu, as WP-SIPD weighs it; a large sub-activity
    /// moves the figure more than a small one.
    pub fn physical(&self) -> Option<f64> {
        (self.physical_allocated > 0)
            .then(|| self.physical_weighted as f64 / self.physical_allocated as f64 / 100.0)
    }

    /// The year's absorption (serapan): Σ spent ÷ Σ pagu, in percent.
    pub fn absorption(&self) -> Option<f64> {
        (self.allocated > 0).then(|| self.spent as f64 / self.allocated as f64 * 100.0)
    }

    /// Share of programmes done, in whole percent, rounded down so that a plan
    /// is never shown as 100% done while one programme is still open.
    pub fn percent_done(&self) -> u32 {
        (self.done * 100)
            .checked_div(self.programs)
            .map_or(0, |p| p as u32)
    }

    /// Share of programmes done, in percent, as reports print it with two
    /// decimals: short of 99,995 while one programme is still open, so a
    /// plan never reads 100,00 % done before it is.
    pub fn share_done(&self) -> Option<f64> {
        (self.programs > 0).then(|| {
            let share = self.done as f64 / self.programs as f64 * 100.0;
            if self.done < self.programs {
                share.min(99.99)
            } else {
                share
            }
        })
    }

    /// Share of programmes under way or delivered, in percent (two decimals
    /// where printed, as regencies report "83,33 persen").
    pub fn percent_running(&self) -> Option<f64> {
        (self.programs > 0).then(|| self.running as f64 / self.programs as f64 * 100.0)
    }
}

fn basis_points(percent: f64) -> u128 {
    (percent * 100.0).round().clamp(0.0, 10_000.0) as u128
}

/// Whole rupiah; nothing for an amount that is not a positive number.
fn rupiah(amount: f64) -> u128 {
    if amount.is_finite() && amount > 0.0 {
        amount.round() as u128
    } else {
        0
    }
}

/// Each milestone's weight in the programme: its own, or an even share of
/// what the given weights leave to the milestones without one; without any
/// weights every milestone counts the same.
fn milestone_weights(p: &Program) -> impl Iterator<Item = (&Milestone, f64)> {
    let valid = |w: &f64| w.is_finite() && *w >= 0.0;
    let given: f64 = p
        .milestones
        .iter()
        .filter_map(|m| m.weight)
        .filter(valid)
        .sum();
    let unweighted = p.milestones.iter().filter(|m| m.weight.is_none()).count();
    let share = if unweighted == 0 {
        0.0
    } else {
        (100.0 - given).max(0.0) / unweighted as f64
    };
    p.milestones
        .iter()
        .map(move |m| (m, m.weight.filter(valid).unwrap_or(share)))
}

/// The weighted share of done milestones among `which`, in percent.
fn done_share<'a>(weights: impl Iterator<Item = (&'a Milestone, f64)>) -> Option<f64> {
    let (done, total) = weights.fold((0.0, 0.0), |(done, total), (m, w)| {
        (if m.done { done + w } else { done }, total + w)
    });
    (total > 0.0).then(|| (done / total * 100.0).clamp(0.0, 100.0))
}

/// Physical progress (realisasi fisik) of the whole programme in percent:
/// the weighted share of done milestones. A milestone without a weight
/// shares, with the others without one, what the weights leave; without any
/// weights every milestone counts the same. `None` for a programme without
/// milestones.
pub fn physical(p: &Program) -> Option<f64> {
    done_share(milestone_weights(p))
}

/// Physical progress of fiscal year `year`: the weighted share of done
/// milestones among those due in that year (the year's work, as the
/// quarterly forms count it), each with its weight in the programme.
/// `None` when no milestone is due in the year.
pub fn physical_in(p: &Program, year: i32) -> Option<f64> {
    done_share(
        milestone_weights(p)
            .filter(|(m, _)| m.due_date().is_some_and(|d| i32::from(d.year()) == year)),
    )
}

/// One programme's money in one fiscal year, in whole rupiah.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearBudget {
    /// The year's allocation (pagu), all its budget lines together.
    pub allocated: u128,
    /// Spending (realisasi anggaran); `None` until a line of the year reports it.
    pub spent: Option<u128>,
}

/// The programme's budget for `year`; `None` when it has no line for it.
pub fn year_budget(p: &Program, year: i32) -> Option<YearBudget> {
    p.budget
        .iter()
        .filter(|b| b.year == year)
        .fold(None, |sum: Option<YearBudget>, b| {
            let spent = b.spent.map(rupiah);
            Some(match sum {
                None => YearBudget {
                    allocated: rupiah(b.allocation),
                    spent,
                },
                Some(s) => YearBudget {
                    allocated: s.allocated + rupiah(b.allocation),
                    spent: match (s.spent, spent) {
                        (Some(a), Some(b)) => Some(a + b),
                        (a, b) => a.or(b),
                    },
                },
            })
        })
}

/// Absorption (serapan) of one programme in fiscal year `year`: spent ÷
/// that year's allocation, in percent; `None` without a reported spending
/// or an allocation. Years are never added up: a multi-year sum is not a
/// figure anyone reports.
pub fn absorption_in(p: &Program, year: i32) -> Option<f64> {
    let money = year_budget(p, year)?;
    let spent = money.spent?;
    (money.allocated > 0).then(|| spent as f64 / money.allocated as f64 * 100.0)
}

/// How far spending and physical progress may differ, in points, before a
/// programme is pointed out.
pub const GAP_POINTS: f64 = 25.0;

/// Spending and physical progress that disagree by [`GAP_POINTS`] or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Spent much more than it has done.
    SpentAhead,
    /// Done much more than it has spent (spending not yet reported, or cheap).
    WorkAhead,
}

/// Whether the programme's spending and physical progress of fiscal year
/// `year` are far apart.
pub fn gap(p: &Program, year: i32) -> Option<Gap> {
    let (physical, absorption) = (physical_in(p, year)?, absorption_in(p, year)?);
    if absorption - physical >= GAP_POINTS {
        Some(Gap::SpentAhead)
    } else if physical - absorption >= GAP_POINTS {
        Some(Gap::WorkAhead)
    } else {
        None
    }
}

/// Per dimension in the plan's order, then the total.
/// Money is for fiscal year `year`.
pub fn tally<'a>(
    plan: &'a Plan,
    only: Option<&str>,
    year: i32,
) -> (Vec<(&'a Dimension, Tally)>, Tally) {
    let mut rows: Vec<(&Dimension, Tally)> = plan
        .dimensions
        .iter()
        .filter(|d| only.is_none_or(|id| d.id == id))
        .map(|d| (d, Tally::new(year)))
        .collect();
    for p in &plan.programs {
        if let Some((_, t)) = rows.iter_mut().find(|(d, _)| d.id == p.dimension) {
            t.add(p);
        }
    }
    let mut total = Tally::new(year);
    for (_, t) in &rows {
        total.merge(t);
    }
    (rows, total)
}

/// A milestone together with its programme and position, for lists.
#[derive(Debug, Clone, Copy)]
pub struct MilestoneRef<'a> {
    pub program: &'a Program,
    pub index: usize,
    pub milestone: &'a Milestone,
    pub due: Date,
}

fn milestones_where<'a>(
    plan: &'a Plan,
    only: Option<&str>,
    keep: impl Fn(&Program, &Milestone) -> bool,
) -> Vec<MilestoneRef<'a>> {
    let mut out: Vec<MilestoneRef<'a>> = plan
        .programs
        .iter()
        .filter(|p| only.is_none_or(|id| p.dimension == id))
        .flat_map(|p| p.milestones.iter().enumerate().map(move |(i, m)| (p, i, m)))
        .filter(|(p, _, m)| keep(p, m))
        .filter_map(|(program, index, milestone)| {
            Some(MilestoneRef {
                program,
                index,
                milestone,
                due: milestone.due_date()?,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.program.id.cmp(&b.program.id))
    });
    out
}

/// Open milestones past their due date, oldest first.
pub fn overdue<'a>(plan: &'a Plan, only: Option<&str>, today: Date) -> Vec<MilestoneRef<'a>> {
    milestones_where(plan, only, |p, m| is_overdue(p, m, today))
}

/// Open milestones due from today to `days` ahead, soonest first.
pub fn due_soon<'a>(
    plan: &'a Plan,
    only: Option<&str>,
    today: Date,
    days: i32,
) -> Vec<MilestoneRef<'a>> {
    milestones_where(plan, only, |p, m| is_due_within(p, m, today, days))
}

/// A follow-up with the programme it is about (`None`: the plan's own).
#[derive(Debug, Clone, Copy)]
pub struct FollowUpRef<'a> {
    pub program: Option<&'a Program>,
    pub followup: &'a FollowUp,
    /// Its deadline, when it is a date.
    pub deadline: Option<Date>,
    /// Days past the deadline of one still open or in progress (due
    /// yesterday: 1); `None` when not late.
    pub late: Option<i64>,
}

/// How many days `f` is late on `today`: open or in progress, deadline
/// before today (docs/FORMAT.md, `followups` items).
pub fn followup_late_days(f: &FollowUp, today: Date) -> Option<i64> {
    let deadline = parse_date(&f.deadline)?;
    (!f.status.is_closed() && deadline < today).then(|| i64::from((today - deadline).get_days()))
}

/// Every follow-up, the plan's own first, then each programme's in plan
/// order; `agency`, when given, keeps those of that agency (case and spaces
/// at the ends ignored, as officers type it).
pub fn followups<'a>(plan: &'a Plan, agency: Option<&str>, today: Date) -> Vec<FollowUpRef<'a>> {
    let wanted = |f: &FollowUp| {
        agency.is_none_or(|a| f.agency.trim().to_lowercase() == a.trim().to_lowercase())
    };
    let own = plan.followups.iter().map(|f| (None, f));
    let programmes = plan
        .programs
        .iter()
        .flat_map(|p| p.followups.iter().map(move |f| (Some(p), f)));
    own.chain(programmes)
        .filter(|(_, f)| wanted(f))
        .map(|(program, followup)| FollowUpRef {
            program,
            followup,
            deadline: parse_date(&followup.deadline),
            late: followup_late_days(followup, today),
        })
        .collect()
}

/// The late follow-ups, the longest late first.
pub fn late_followups<'a>(plan: &'a Plan, today: Date) -> Vec<FollowUpRef<'a>> {
    let mut late: Vec<FollowUpRef<'a>> = followups(plan, None, today)
        .into_iter()
        .filter(|f| f.late.is_some())
        .collect();
    late.sort_by_key(|f| std::cmp::Reverse(f.late));
    late
}

/// Targets set for `year`, in plan order.
pub fn targets_for_year<'a>(
    plan: &'a Plan,
    only: Option<&str>,
    year: i32,
) -> Vec<(&'a Program, &'a Target)> {
    plan.programs
        .iter()
        .filter(|p| only.is_none_or(|id| p.dimension == id))
        .flat_map(|p| {
            p.targets
                .iter()
                .filter(move |t| t.year == year)
                .map(move |t| (p, t))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_follow_up_is_late_from_the_day_after_its_deadline_until_closed() {
        use crate::plan::followup::FollowUpStatus;
        let mut f = FollowUp {
            deadline: "2026-11-30".into(),
            ..FollowUp::default()
        };
        let day = |d| jiff::civil::date(2026, 12, d);
        assert_eq!(
            followup_late_days(&f, jiff::civil::date(2026, 11, 30)),
            None
        );
        assert_eq!(followup_late_days(&f, day(1)), Some(1));
        assert_eq!(followup_late_days(&f, day(8)), Some(8));
        f.status = FollowUpStatus::Done;
        assert_eq!(followup_late_days(&f, day(8)), None, "done is not late");
        f.status = FollowUpStatus::InProgress;
        assert_eq!(followup_late_days(&f, day(8)), Some(8));
        f.deadline = "31-11-2026".into();
        assert_eq!(followup_late_days(&f, day(8)), None, "no date, no lateness");
    }

    use super::*;
    use crate::plan::model::Budget;

    /// A programme with milestones `(due, done, weight)` and budget lines
    /// `(year, allocation, spent)`.
    fn program(
        milestones: &[(&str, bool, Option<f64>)],
        budget: &[(i32, f64, Option<f64>)],
    ) -> Program {
        let mut p = Program::new("X-01".into(), "governance".into(), String::new(), 2025);
        p.milestones = milestones
            .iter()
            .map(|&(due, done, weight)| Milestone {
                title: "m".into(),
                due: due.into(),
                done,
                weight,
            })
            .collect();
        p.budget = budget
            .iter()
            .map(|&(year, allocation, spent)| Budget {
                year,
                allocation,
                spent,
                source: "APBD".into(),
            })
            .collect();
        p
    }

    const D: &str = "2025-01-31";

    #[test]
    fn an_operating_quick_win_runs_and_is_delivered_but_is_neither_done_nor_late() {
        let mut tally = Tally::new(2025);
        let mut p = program(&[], &[]);
        p.horizon = Horizon::QuickWin;
        for status in [Status::Operating, Status::NotStarted, Status::Delayed] {
            p.status = status;
            tally.add(&p);
        }
        assert_eq!((tally.done, tally.in_progress, tally.delayed), (0, 0, 1));
        assert_eq!(tally.running, 2, "operating and delayed run");
        assert_eq!(tally.quick_wins_done, 1, "operating is delivered");
        let share = tally.percent_running().unwrap();
        assert!((share - 200.0 / 3.0).abs() < 1e-9);
        p.status = Status::Operating;
        tally.remove(&p);
        assert_eq!((tally.running, tally.quick_wins_done), (1, 0));
    }

    #[test]
    fn physical_progress_weighs_the_done_milestones() {
        let even = program(
            &[
                (D, true, None),
                (D, false, None),
                (D, false, None),
                (D, true, None),
            ],
            &[],
        );
        assert_eq!(physical(&even), Some(50.0));
        let weighted = program(
            &[
                (D, true, Some(10.0)),
                (D, false, Some(60.0)),
                (D, true, Some(30.0)),
            ],
            &[],
        );
        assert_eq!(physical(&weighted), Some(40.0));
        // 40 given; the two without a weight share the other 60.
        let mixed = program(
            &[(D, true, Some(40.0)), (D, true, None), (D, false, None)],
            &[],
        );
        assert_eq!(physical(&mixed), Some(70.0));
        assert_eq!(physical(&program(&[], &[])), None);
    }

    #[test]
    fn physical_progress_of_a_year_counts_that_years_milestones() {
        let p = program(
            &[
                ("2025-03-31", true, Some(20.0)),
                ("2026-03-31", true, Some(20.0)),
                ("2026-09-30", false, Some(60.0)),
            ],
            &[],
        );
        assert_eq!(physical_in(&p, 2025), Some(100.0));
        assert_eq!(physical_in(&p, 2026), Some(25.0));
        assert_eq!(physical_in(&p, 2027), None, "no work due that year");
    }

    #[test]
    fn absorption_is_the_years_spending_over_the_years_allocation() {
        let p = program(
            &[],
            &[
                (2024, 850_000_000.0, Some(830_000_000.0)),
                (2025, 400_000_000.0, Some(385_000_000.0)),
                (2026, 350_000_000.0, Some(240_000_000.0)),
                (2027, 2_000_000_000.0, None),
            ],
        );
        let in_2026 = absorption_in(&p, 2026).map(|a| (a * 100.0).round() / 100.0);
        assert_eq!(in_2026, Some(68.57), "240 of 350, not the years added up");
        assert_eq!(absorption_in(&p, 2027), None, "nothing reported yet");
        assert_eq!(absorption_in(&p, 2023), None, "no budget that year");
        assert_eq!(
            absorption_in(&program(&[], &[(2025, 0.0, Some(0.0))]), 2025),
            None,
            "no division by zero"
        );
    }

    #[test]
    fn a_dimension_weighs_its_programmes_by_allocation() {
        let big = program(&[(D, true, None)], &[(2025, 900.0, Some(900.0))]);
        let small = program(&[(D, false, None)], &[(2025, 100.0, Some(0.0))]);
        let unbudgeted = program(&[(D, false, None)], &[]);
        let mut t = Tally::new(2025);
        for p in [&big, &small, &unbudgeted] {
            t.add(p);
        }
        // (100 × 900 + 0 × 100) ÷ 1000, not the plain mean of 100 and 0.
        assert_eq!(t.physical(), Some(90.0));
        assert_eq!(t.absorption(), Some(90.0));
        assert_eq!(t.programs, 3);
        let mut other_year = Tally::new(2026);
        other_year.add(&big);
        assert_eq!(
            (other_year.physical(), other_year.absorption()),
            (None, None)
        );
    }

    #[test]
    fn spending_far_ahead_of_the_work_is_pointed_out() {
        let spent = program(
            &[
                (D, true, None),
                (D, false, None),
                (D, false, None),
                (D, false, None),
            ],
            &[(2025, 100.0, Some(90.0))],
        );
        assert_eq!(gap(&spent, 2025), Some(Gap::SpentAhead));
        assert_eq!(gap(&spent, 2026), None, "another year's money");
        let worked = program(
            &[(D, true, None), (D, true, None)],
            &[(2025, 100.0, Some(10.0))],
        );
        assert_eq!(gap(&worked, 2025), Some(Gap::WorkAhead));
        let even = program(
            &[(D, true, None), (D, false, None)],
            &[(2025, 100.0, Some(60.0))],
        );
        assert_eq!(gap(&even, 2025), None);
    }

    #[test]
    fn a_tally_takes_back_exactly_what_it_added() {
        let p = program(
            &[(D, true, Some(33.33)), (D, false, None)],
            &[(2025, 1.5e9, Some(7.5e8)), (2026, 2e9, Some(1e9))],
        );
        let q = program(
            &[(D, true, Some(12.34))],
            &[(2025, 123_456_789.0, Some(1.0))],
        );
        let mut t = Tally::new(2025);
        t.add(&q);
        let before = t;
        t.add(&p);
        assert_eq!(t.absorption().map(f64::round), Some(46.0));
        t.remove(&p);
        assert_eq!(t, before);
        t.remove(&q);
        assert_eq!(t, Tally::new(2025));
    }
}
