//! A province's plans side by side: one row per region (sorted by region
//! code, then name) with each dimension's share of programmes done, the quick
//! wins done, the overdue milestones, the mean achievement of the year's
//! measured targets and the estimated smart-city index where the evaluation
//! data is complete; the overdue milestones across regions (oldest first),
//! the regions behind on quick wins, and every plan that did not load.
//!
//! [`Rollup::of`] computes the figures once; `pantau rollup`'s formats
//! (`report::rollup`) and the TUI's province dashboard show the same rows.

use crate::plan::achievement::Capaian;
use crate::plan::model::{Milestone, Plan, Program};
use crate::plan::progress::{Tally, overdue, tally, targets_for_year};
use jiff::civil::Date;

/// One region's plan, or why it is not there.
pub struct Region<'a> {
    /// Where it was found, as given or found under a folder.
    pub file: String,
    pub plan: Result<&'a Plan, String>,
}

/// The figures of one region.
pub struct Row<'a> {
    pub plan: &'a Plan,
    /// Where in the list of [`Region`]s the plan came from.
    pub source: usize,
    pub file: &'a str,
    pub programs: usize,
    /// Per dimension of [`Rollup::columns`]: share done, `None` where the
    /// region has no such dimension.
    pub dimensions: Vec<Option<u32>>,
    pub total: Tally,
    pub late: usize,
    /// Mean achievement (capaian) of this year's measured targets, each as it is.
    pub achievement: Option<f64>,
    /// The estimated index for this year, when every aspect has a score.
    pub index: Option<f64>,
}

impl Row<'_> {
    pub fn code(&self) -> &str {
        &self.plan.code
    }

    pub fn region(&self) -> &str {
        &self.plan.region
    }
}

/// One overdue milestone of one region.
pub struct Late<'a> {
    pub row: usize,
    pub program: &'a Program,
    pub milestone: &'a Milestone,
    pub due: Date,
    pub days: i64,
}

/// The rollup's figures, in the order shown.
pub struct Rollup<'a> {
    /// The dimension columns: (id, short title).
    pub columns: Vec<(String, String)>,
    pub rows: Vec<Row<'a>>,
    /// Oldest first.
    pub overdue: Vec<Late<'a>>,
    /// Indices into `rows`: the regions with quick wins still open, furthest
    /// behind first.
    pub behind: Vec<usize>,
    /// (file, error) of the plans that did not load.
    pub failed: Vec<(&'a str, &'a str)>,
    pub today: Date,
}

/// The dimension columns: every id in the order first met, with a short
/// title (the last word of its name, cut to four letters: `Gove`, `Bran`).
fn columns(regions: &[Region]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for plan in regions.iter().filter_map(|r| r.plan.as_ref().ok()) {
        for d in &plan.dimensions {
            if !out.iter().any(|(id, _)| *id == d.id) {
                let word = d.name.split_whitespace().last().unwrap_or(&d.id);
                out.push((d.id.clone(), word.chars().take(4).collect()));
            }
        }
    }
    out
}

/// Mean achievement of `year`'s measured targets, each as it is (no cap).
pub fn achievement(plan: &Plan, year: i32) -> Option<f64> {
    let (sum, n) = targets_for_year(plan, None, year)
        .iter()
        .filter_map(|(_, t)| Capaian::of(t, year).figure())
        .fold((0.0, 0usize), |(s, n), c| (s + c, n + 1));
    (n > 0).then(|| sum / n as f64)
}

pub fn share(done: usize, of: usize) -> usize {
    (done * 100).checked_div(of).unwrap_or(0)
}

impl<'a> Rollup<'a> {
    pub fn of(regions: &'a [Region<'a>], today: Date) -> Rollup<'a> {
        let columns = columns(regions);
        let year = i32::from(today.year());
        let mut rows: Vec<Row<'a>> = regions
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r, *r.plan.as_ref().ok()?)))
            .map(|(source, r, plan)| {
                let (per, total) = tally(plan, None, year);
                let dimensions = columns
                    .iter()
                    .map(|(id, _)| {
                        per.iter()
                            .find(|(d, _)| d.id == *id)
                            .map(|(_, t)| t.percent_done())
                    })
                    .collect();
                Row {
                    plan,
                    source,
                    file: &r.file,
                    programs: plan.programs.len(),
                    dimensions,
                    late: 0,
                    total,
                    achievement: achievement(plan, year),
                    index: crate::plan::evaluation::estimate(plan, year, year).index(),
                }
            })
            .collect();
        // By code, regions without one last; then by name and file.
        rows.sort_by(|a, b| {
            (a.code().is_empty(), a.code(), a.region(), a.file).cmp(&(
                b.code().is_empty(),
                b.code(),
                b.region(),
                b.file,
            ))
        });
        let mut late = Vec::new();
        for (i, row) in rows.iter_mut().enumerate() {
            let list = overdue(row.plan, None, today);
            row.late = list.len();
            late.extend(list.into_iter().map(|m| Late {
                row: i,
                program: m.program,
                milestone: m.milestone,
                due: m.due,
                days: m.due.until(today).map_or(0, |s| i64::from(s.get_days())),
            }));
        }
        // Oldest first; the row order (code, name) among the same day.
        late.sort_by(|a, b| a.due.cmp(&b.due).then(a.row.cmp(&b.row)));
        let mut behind: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].total.quick_wins_done < rows[i].total.quick_wins)
            .collect();
        behind.sort_by_key(|&i| share(rows[i].total.quick_wins_done, rows[i].total.quick_wins));
        let failed = regions
            .iter()
            .filter_map(|x| x.plan.as_ref().err().map(|e| (x.file.as_str(), e.as_str())))
            .collect();
        Rollup {
            columns,
            rows,
            overdue: late,
            behind,
            failed,
            today,
        }
    }
}
