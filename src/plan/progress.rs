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
    pub quick_wins: usize,
    pub quick_wins_done: usize,
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
        if p.horizon == Horizon::QuickWin {
            self.quick_wins += 1;
            if p.status == Status::Done {
                self.quick_wins_done += 1;
            }
        }
    }

    /// Takes back what [`Tally::add`] counted for `p`.
    pub fn remove(&mut self, p: &Program) {
        let mut one = Tally::default();
        one.add(p);
        self.programs -= one.programs;
        self.done -= one.done;
        self.in_progress -= one.in_progress;
        self.delayed -= one.delayed;
        self.quick_wins -= one.quick_wins;
        self.quick_wins_done -= one.quick_wins_done;
    }

    pub fn merge(&mut self, other: &Tally) {
        self.programs += other.programs;
        self.done += other.done;
        self.in_progress += other.in_progress;
        self.delayed += other.delayed;
        self.quick_wins += other.quick_wins;
        self.quick_wins_done += other.quick_wins_done;
    }

    /// Share of programmes done, in whole percent, rounded down so that a plan
    /// is never shown as 100% done while one programme is still open.
    pub fn percent_done(&self) -> u32 {
        (self.done * 100)
            .checked_div(self.programs)
            .map_or(0, |p| p as u32)
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
