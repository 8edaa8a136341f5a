//! Where a plan stands on a given day: counts per dimension, late and coming
//! milestones, the year's targets. Shared by the summary and the dashboard so
//! that paper and screen always agree.

use crate::plan::model::{
    Dimension, Horizon, Milestone, Plan, Program, Status, Target, is_due_within, is_overdue,
};
use jiff::civil::Date;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub programs: usize,
    pub done: usize,
    pub in_progress: usize,
    pub delayed: usize,
    /// Under way or delivered ([`Status::is_running`]).
    pub running: usize,
    pub quick_wins: usize,
    /// Quick wins delivered: done, or running as a service.
    pub quick_wins_done: usize,
    /// Physical progress summed over the programmes that have a figure, in
    /// basis points (hundredths of a percent), and how many those are.
    /// Integers, so that adding and taking back a programme is exact.
    pub physical_bp: u64,
    pub physical_programs: usize,
    /// Rupiah allocated and spent, over the budget lines with spending reported.
    pub allocated: u128,
    pub spent: u128,
}

impl Tally {
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
        if let Some(percent) = physical(p) {
            self.physical_bp += (percent * 100.0).round() as u64;
            self.physical_programs += 1;
        }
        let (allocated, spent) = reported_budget(p);
        self.allocated += allocated;
        self.spent += spent;
    }

    /// Takes back what [`Tally::add`] counted for `p`.
    pub fn remove(&mut self, p: &Program) {
        let mut one = Tally::default();
        one.add(p);
        self.programs -= one.programs;
        self.done -= one.done;
        self.in_progress -= one.in_progress;
        self.delayed -= one.delayed;
        self.running -= one.running;
        self.quick_wins -= one.quick_wins;
        self.quick_wins_done -= one.quick_wins_done;
        self.physical_bp -= one.physical_bp;
        self.physical_programs -= one.physical_programs;
        self.allocated -= one.allocated;
        self.spent -= one.spent;
    }

    pub fn merge(&mut self, other: &Tally) {
        self.programs += other.programs;
        self.done += other.done;
        self.in_progress += other.in_progress;
        self.delayed += other.delayed;
        self.running += other.running;
        self.quick_wins += other.quick_wins;
        self.quick_wins_done += other.quick_wins_done;
        self.physical_bp += other.physical_bp;
        self.physical_programs += other.physical_programs;
        self.allocated += other.allocated;
        self.spent += other.spent;
    }

    /// The mean physical progress of the programmes that have one, in percent.
    pub fn physical(&self) -> Option<f64> {
        (self.physical_programs > 0)
            .then(|| self.physical_bp as f64 / 100.0 / self.physical_programs as f64)
    }

    /// Spent ÷ allocated over the reported budget lines, in percent.
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

    /// Share of programmes under way or delivered, in percent (two decimals
    /// where printed, as regencies report "83,33 persen").
    pub fn percent_running(&self) -> Option<f64> {
        (self.programs > 0).then(|| self.running as f64 / self.programs as f64 * 100.0)
    }
}

/// Physical progress (realisasi fisik) in percent: the weighted share of done
/// milestones. A milestone without a weight shares, with the others without
/// one, what the weights leave; without any weights every milestone counts
/// the same. `None` for a programme without milestones.
pub fn physical(p: &Program) -> Option<f64> {
    if p.milestones.is_empty() {
        return None;
    }
    let given: f64 = p
        .milestones
        .iter()
        .filter_map(|m| m.weight)
        .filter(|w| w.is_finite() && *w >= 0.0)
        .sum();
    let unweighted = p.milestones.iter().filter(|m| m.weight.is_none()).count();
    let share = if unweighted == 0 {
        0.0
    } else {
        (100.0 - given).max(0.0) / unweighted as f64
    };
    let weight = |m: &Milestone| {
        m.weight
            .filter(|w| w.is_finite() && *w >= 0.0)
            .unwrap_or(share)
    };
    let total: f64 = p.milestones.iter().map(weight).sum();
    if total <= 0.0 {
        return None;
    }
    let done: f64 = p.milestones.iter().filter(|m| m.done).map(weight).sum();
    Some((done / total * 100.0).clamp(0.0, 100.0))
}

/// Rupiah (allocated, spent) over the budget lines with spending reported: a
/// coming year's allocation, with nothing spent yet, does not lower absorption.
pub fn reported_budget(p: &Program) -> (u128, u128) {
    let rupiah = |x: f64| {
        if x.is_finite() && x > 0.0 {
            x.round() as u128
        } else {
            0
        }
    };
    p.budget
        .iter()
        .filter_map(|b| Some((rupiah(b.allocation), rupiah(b.spent?))))
        .fold((0, 0), |(a, s), (x, y)| (a + x, s + y))
}

/// Absorption (serapan) of one programme: spent ÷ allocated over its
/// reported budget lines, in percent.
pub fn absorption(p: &Program) -> Option<f64> {
    let (allocated, spent) = reported_budget(p);
    (allocated > 0).then(|| spent as f64 / allocated as f64 * 100.0)
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

pub fn gap(p: &Program) -> Option<Gap> {
    let (physical, absorption) = (physical(p)?, absorption(p)?);
    if absorption - physical >= GAP_POINTS {
        Some(Gap::SpentAhead)
    } else if physical - absorption >= GAP_POINTS {
        Some(Gap::WorkAhead)
    } else {
        None
    }
}

/// Per dimension in the plan's order, then the total.
pub fn tally<'a>(plan: &'a Plan, only: Option<&str>) -> (Vec<(&'a Dimension, Tally)>, Tally) {
    let mut rows: Vec<(&Dimension, Tally)> = plan
        .dimensions
        .iter()
        .filter(|d| only.is_none_or(|id| d.id == id))
        .map(|d| (d, Tally::default()))
        .collect();
    for p in &plan.programs {
        if let Some((_, t)) = rows.iter_mut().find(|(d, _)| d.id == p.dimension) {
            t.add(p);
        }
    }
    let mut total = Tally::default();
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
    use super::*;
    use crate::plan::model::Budget;

    fn program(milestones: &[(bool, Option<f64>)], budget: &[(f64, Option<f64>)]) -> Program {
        let mut p = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan
            .programs[0]
            .clone();
        p.milestones = milestones
            .iter()
            .map(|&(done, weight)| Milestone {
                title: "m".into(),
                due: "2025-01-31".into(),
                done,
                weight,
            })
            .collect();
        p.budget = budget
            .iter()
            .enumerate()
            .map(|(i, &(allocation, spent))| Budget {
                year: 2024 + i as i32,
                allocation,
                spent,
                source: "APBD".into(),
            })
            .collect();
        p
    }

    #[test]
    fn an_operating_quick_win_runs_and_is_delivered_but_is_neither_done_nor_late() {
        let mut tally = Tally::default();
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
            &[(true, None), (false, None), (false, None), (true, None)],
            &[],
        );
        assert_eq!(physical(&even), Some(50.0));
        let weighted = program(
            &[(true, Some(10.0)), (false, Some(60.0)), (true, Some(30.0))],
            &[],
        );
        assert_eq!(physical(&weighted), Some(40.0));
        // 40 given; the two without a weight share the other 60.
        let mixed = program(&[(true, Some(40.0)), (true, None), (false, None)], &[]);
        assert_eq!(physical(&mixed), Some(70.0));
        assert_eq!(physical(&program(&[], &[])), None);
    }

    #[test]
    fn absorption_counts_the_years_with_spending_reported() {
        let p = program(
            &[],
            &[
                (1_000_000_000.0, Some(750_000_000.0)),
                (2_000_000_000.0, None),
            ],
        );
        assert_eq!(absorption(&p), Some(75.0));
        assert_eq!(
            absorption(&program(&[], &[(0.0, Some(0.0))])),
            None,
            "no division by zero"
        );
    }

    #[test]
    fn spending_far_ahead_of_the_work_is_pointed_out() {
        let spent = program(
            &[(true, None), (false, None), (false, None), (false, None)],
            &[(100.0, Some(90.0))],
        );
        assert_eq!(gap(&spent), Some(Gap::SpentAhead));
        let worked = program(&[(true, None), (true, None)], &[(100.0, Some(10.0))]);
        assert_eq!(gap(&worked), Some(Gap::WorkAhead));
        let even = program(&[(true, None), (false, None)], &[(100.0, Some(60.0))]);
        assert_eq!(gap(&even), None);
    }

    #[test]
    fn a_tally_takes_back_exactly_what_it_added() {
        let p = program(
            &[(true, Some(33.33)), (false, None)],
            &[(1.5e9, Some(7.5e8))],
        );
        let mut t = Tally::default();
        t.add(&p);
        assert_eq!(t.absorption(), Some(50.0));
        t.remove(&p);
        assert_eq!(t, Tally::default());
    }
}
