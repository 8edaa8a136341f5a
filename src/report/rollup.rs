//! `pantau rollup`: many regions' plans side by side, for a province: one row
//! per region (sorted by region code, then name) with each dimension's share
//! of programmes done, the quick wins done, the overdue milestones, the mean
//! achievement of the year's measured targets and the estimated smart-city
//! index where the evaluation data is complete; then the overdue milestones
//! across regions (oldest first), the regions behind on quick wins, and every
//! plan that did not load, with its error (it never stops the rest).
//!
//! [`Rollup::of`] computes the figures once; the report formats here and the
//! TUI's province dashboard show the same rows.

use super::Format;
use super::layout::{Col, table};
use crate::i18n::{Lang, fill};
use crate::plan::achievement::{Capaian, whole_percent};
use crate::plan::model::{Milestone, Plan, Program};
use crate::plan::progress::{Tally, overdue, tally, targets_for_year};
use crate::text::Glyphs;
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
    /// Mean counted achievement (capaian) of this year's measured targets.
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

/// How many overdue milestones text, Markdown and HTML list before "and N
/// more" (CSV and JSON list them all).
pub const OVERDUE_SHOWN: usize = 20;

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

/// Mean counted achievement of `year`'s measured targets.
pub fn achievement(plan: &Plan, year: i32) -> Option<f64> {
    let (sum, n) = targets_for_year(plan, None, year)
        .iter()
        .filter_map(|(_, t)| Capaian::of(t, year).counted())
        .fold((0.0, 0usize), |(s, n), c| (s + c, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn share(done: usize, of: usize) -> usize {
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
                let (per, total) = tally(plan, None);
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
                    index: crate::plan::evaluation::estimate(plan, year).index(),
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
                days: super::Ctx::days(m.due, today),
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

/// Which part of the rollup to give; every part when none is asked for
/// (CSV, one table, then gives the regions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Regions,
    Overdue,
    Behind,
    Failed,
}

/// A figure with two decimals, a decimal comma in Indonesian.
pub fn decimal(value: f64, lang: Lang) -> String {
    let s = format!("{value:.2}");
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

/// Whole percent, or `-`.
pub fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{}%", whole_percent(p)))
}

/// Quick wins done of all: `3/5`.
pub fn quick_wins(t: &Tally) -> String {
    format!("{}/{}", t.quick_wins_done, t.quick_wins)
}

/// The rollup in `format`, at most `width` columns wide for text.
pub fn render(
    regions: &[Region],
    format: Format,
    lang: Lang,
    today: Date,
    width: usize,
    g: &Glyphs,
) -> String {
    render_section(regions, format, None, lang, today, width, g)
}

/// [`render`], only `section` when given.
pub fn render_section(
    regions: &[Region],
    format: Format,
    section: Option<Section>,
    lang: Lang,
    today: Date,
    width: usize,
    g: &Glyphs,
) -> String {
    let r = lang.report();
    let ro = Rollup::of(regions, today);
    let rows = &ro.rows;
    let wants = |s: Section| section.is_none_or(|x| x == s);
    let programmes: usize = rows.iter().map(|x| x.programs).sum();
    let title = fill(r.ro_title, &[&rows.len(), &programmes, &today]);
    // A figure that is not there: `-`, or an empty cell in CSV (where `-`
    // would read as the start of a formula).
    let none = if format == Format::Csv { "" } else { "-" };
    let dim_percent = |p: Option<u32>| p.map_or_else(|| none.to_string(), |p| format!("{p}%"));
    let index = |x: &Row| {
        x.index
            .map_or_else(|| none.to_string(), |i| decimal(i, lang))
    };
    let achieved = |x: &Row| match x.achievement {
        Some(_) => percent(x.achievement),
        None => none.to_string(),
    };
    let cells = |x: &Row| -> Vec<String> {
        let mut cells = vec![
            x.code().to_string(),
            x.region().to_string(),
            x.programs.to_string(),
        ];
        cells.extend(x.dimensions.iter().map(|p| dim_percent(*p)));
        cells.push(quick_wins(&x.total));
        cells.push(x.late.to_string());
        cells.push(achieved(x));
        cells.push(index(x));
        cells
    };
    let mut head: Vec<&str> = vec![r.ro_code, r.ro_region, r.ro_programs];
    head.extend(ro.columns.iter().map(|(_, short)| short.as_str()));
    head.extend([r.ro_quick_wins, r.ro_late, r.ro_achievement, r.ro_index]);
    let behind: Vec<&Row> = ro.behind.iter().map(|&i| &rows[i]).collect();
    let behind_line = |x: &Row| {
        fill(
            r.ro_behind_line,
            &[
                &x.region(),
                &x.total.quick_wins_done,
                &x.total.quick_wins,
                &share(x.total.quick_wins_done, x.total.quick_wins),
            ],
        )
    };
    let late_line = |l: &Late| {
        fill(
            r.ro_overdue_line,
            &[
                &rows[l.row].region(),
                &l.program.id,
                &l.milestone.title,
                &l.due,
                &l.days,
            ],
        )
    };
    let shown = ro.overdue.len().min(OVERDUE_SHOWN);
    let more = (ro.overdue.len() > shown).then(|| fill(r.ro_more, &[&(ro.overdue.len() - shown)]));
    let failed = &ro.failed;
    match format {
        // The rollup's command line offers no XLSX; were it asked, the CSV
        // is the same table.
        Format::Csv | Format::Xlsx => {
            let mut w = super::csv::Writer::new();
            match section.unwrap_or(Section::Regions) {
                Section::Regions => {
                    let mut names = head.clone();
                    names.push(r.ro_file);
                    w.header(&names);
                    for x in rows {
                        for c in cells(x) {
                            w.text(&c);
                        }
                        w.text(x.file);
                        w.end();
                    }
                }
                Section::Overdue => {
                    w.header(&[
                        r.ro_code,
                        r.ro_region,
                        r.program,
                        lang.text().forms.fields.name,
                        r.milestone,
                        r.due,
                        r.days_late,
                        r.ro_file,
                    ]);
                    for l in &ro.overdue {
                        let x = &rows[l.row];
                        w.text(x.code());
                        w.text(x.region());
                        w.text(&l.program.id);
                        w.text(&l.program.name);
                        w.text(&l.milestone.title);
                        w.text(&l.due.to_string());
                        w.int(l.days);
                        w.text(x.file);
                        w.end();
                    }
                }
                Section::Behind => {
                    w.header(&[
                        r.ro_code,
                        r.ro_region,
                        r.ro_quick_wins,
                        r.ro_quick_wins_all,
                        r.ro_file,
                    ]);
                    for x in &behind {
                        w.text(x.code());
                        w.text(x.region());
                        w.int(x.total.quick_wins_done as i64);
                        w.int(x.total.quick_wins as i64);
                        w.text(x.file);
                        w.end();
                    }
                }
                Section::Failed => {
                    w.header(&[r.ro_file, r.ro_error]);
                    for (file, error) in failed {
                        w.text(file);
                        w.text(error);
                        w.end();
                    }
                }
            }
            w.out
        }
        Format::Json => {
            let region = |x: &Row| {
                let dims: serde_json::Map<String, serde_json::Value> = ro
                    .columns
                    .iter()
                    .zip(&x.dimensions)
                    .filter_map(|((id, _), p)| Some((id.clone(), (*p)?.into())))
                    .collect();
                serde_json::json!({
                    "code": x.code(),
                    "region": x.region(),
                    "province": x.plan.province,
                    "file": x.file,
                    "programs": x.programs,
                    "percent_done": dims,
                    "quick_wins": x.total.quick_wins,
                    "quick_wins_done": x.total.quick_wins_done,
                    "overdue_milestones": x.late,
                    "achievement": x.achievement.map(round2),
                    "estimated_index": x.index.map(round3),
                })
            };
            let late = |l: &Late| {
                let x = &rows[l.row];
                serde_json::json!({
                    "code": x.code(),
                    "region": x.region(),
                    "program": l.program.id,
                    "name": l.program.name,
                    "milestone": l.milestone.title,
                    "due": l.due.to_string(),
                    "days_late": l.days,
                })
            };
            let mut json = serde_json::Map::new();
            json.insert("as_of".into(), today.to_string().into());
            if wants(Section::Regions) {
                json.insert("regions".into(), rows.iter().map(region).collect());
            }
            if wants(Section::Overdue) {
                json.insert("overdue".into(), ro.overdue.iter().map(late).collect());
            }
            if wants(Section::Behind) {
                let list: Vec<serde_json::Value> = behind
                    .iter()
                    .map(|x| {
                        serde_json::json!({
                            "code": x.code(),
                            "region": x.region(),
                            "quick_wins": x.total.quick_wins,
                            "quick_wins_done": x.total.quick_wins_done,
                        })
                    })
                    .collect();
                json.insert("behind_on_quick_wins".into(), list.into());
            }
            if wants(Section::Failed) {
                let list: Vec<serde_json::Value> = failed
                    .iter()
                    .map(|(f, e)| serde_json::json!({"file": f, "error": e}))
                    .collect();
                json.insert("failed".into(), list.into());
            }
            format!(
                "{}\n",
                serde_json::to_string_pretty(&serde_json::Value::Object(json)).unwrap_or_default()
            )
        }
        Format::Markdown => {
            use super::markdown::inline;
            let mut out = format!("# {}\n\n", inline(&title));
            let list = |out: &mut String, heading: &str, items: Vec<String>| {
                if !items.is_empty() {
                    if !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                    out.push_str(&format!("## {}\n\n", inline(heading)));
                    for item in items {
                        out.push_str(&format!("- {}\n", inline(&item)));
                    }
                }
            };
            if wants(Section::Regions) {
                let right: Vec<bool> = (0..head.len()).map(|i| i > 1).collect();
                let body: Vec<Vec<String>> = rows
                    .iter()
                    .map(|x| cells(x).iter().map(|c| super::markdown::cell(c)).collect())
                    .collect();
                super::markdown::table_raw(&mut out, &head, &body, &right);
            }
            if wants(Section::Overdue) {
                let mut items: Vec<String> = ro.overdue[..shown].iter().map(late_line).collect();
                items.extend(more.clone());
                list(&mut out, r.ro_overdue, items);
            }
            if wants(Section::Behind) {
                list(
                    &mut out,
                    r.ro_behind,
                    behind.iter().map(|x| behind_line(x)).collect(),
                );
            }
            if wants(Section::Failed) {
                list(
                    &mut out,
                    r.ro_failed,
                    failed.iter().map(|(f, e)| failure(f, e)).collect(),
                );
            }
            out
        }
        Format::Html => {
            use super::html::{Col, Paper, Table, document, esc, table_raw};
            let mut out = format!("<h1>{}</h1>\n", esc(&title));
            if wants(Section::Regions) {
                let cols: Vec<Col> = (0..head.len())
                    .map(|i| if i < 2 { Col::Text } else { Col::Num })
                    .collect();
                let body: Vec<Vec<String>> = rows.iter().map(cells).collect();
                table_raw(
                    &mut out,
                    &Table {
                        head: &head,
                        cols: &cols,
                        rows: &body,
                        total: false,
                    },
                );
            }
            let list = |out: &mut String, heading: &str, items: Vec<String>| {
                if !items.is_empty() {
                    out.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(heading)));
                    for item in items {
                        out.push_str(&format!("<li>{}</li>\n", esc(&item)));
                    }
                    out.push_str("</ul>\n");
                }
            };
            if wants(Section::Overdue) {
                let mut items: Vec<String> = ro.overdue[..shown].iter().map(late_line).collect();
                items.extend(more.clone());
                list(&mut out, r.ro_overdue, items);
            }
            if wants(Section::Behind) {
                list(
                    &mut out,
                    r.ro_behind,
                    behind.iter().map(|x| behind_line(x)).collect(),
                );
            }
            if wants(Section::Failed) {
                list(
                    &mut out,
                    r.ro_failed,
                    failed.iter().map(|(f, e)| failure(f, e)).collect(),
                );
            }
            document(lang, Paper::A4, &title, &out)
        }
        Format::Text => {
            let fit = |s: String| crate::text::fit(&s, width, g.ellipsis);
            let esc = |s: &str| crate::text::escape(s).into_owned();
            let mut out = vec![fit(esc(&title))];
            let list = |out: &mut Vec<String>, heading: &str, items: Vec<String>| {
                if !items.is_empty() {
                    out.push(String::new());
                    out.push(heading.to_string());
                    out.extend(items.iter().map(|x| fit(format!("  {}", esc(x)))));
                }
            };
            if wants(Section::Regions) {
                // At 80 columns the region keeps its name and the dimensions;
                // the programme count, code, index and achievement give way
                // in that order.
                let mut cols = vec![
                    Col::left(r.ro_code).drop(3),
                    Col::flex(r.ro_region),
                    Col::right(r.ro_programs).drop(4),
                ];
                cols.extend(ro.columns.iter().map(|(_, short)| Col::right(short)));
                cols.extend([
                    Col::right(r.ro_quick_wins),
                    Col::right(r.ro_late),
                    Col::right(r.ro_achievement).drop(1),
                    Col::right(r.ro_index).drop(2),
                ]);
                let body: Vec<Vec<String>> = rows.iter().map(cells).collect();
                out.push(String::new());
                out.extend(table(&cols, &body, width, 0, true, g));
            }
            if wants(Section::Overdue) && !ro.overdue.is_empty() {
                out.push(String::new());
                out.push(r.ro_overdue.to_string());
                let cols = [
                    Col::right(r.days_late),
                    Col::left(r.due).drop(2),
                    Col::left(r.ro_region),
                    Col::left(r.program).drop(1),
                    Col::flex(r.milestone),
                ];
                let body: Vec<Vec<String>> = ro.overdue[..shown]
                    .iter()
                    .map(|l| {
                        vec![
                            l.days.to_string(),
                            l.due.to_string(),
                            rows[l.row].region().to_string(),
                            l.program.id.clone(),
                            l.milestone.title.clone(),
                        ]
                    })
                    .collect();
                out.extend(table(&cols, &body, width, 2, true, g));
                out.extend(more.map(|m| fit(format!("  {}", esc(&m)))));
            }
            if wants(Section::Behind) {
                list(
                    &mut out,
                    r.ro_behind,
                    behind.iter().map(|x| behind_line(x)).collect(),
                );
            }
            if wants(Section::Failed) {
                list(
                    &mut out,
                    r.ro_failed,
                    failed.iter().map(|(f, e)| failure(f, e)).collect(),
                );
            }
            format!("{}\n", out.join("\n"))
        }
    }
}

/// A plan that did not load: its file, then the error (once, when the error
/// already starts with the file).
fn failure(file: &str, error: &str) -> String {
    if error.starts_with(file) {
        error.to_string()
    } else {
        format!("{file}: {error}")
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
