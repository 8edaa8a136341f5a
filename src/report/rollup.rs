//! `pantau rollup`: many regions' plans side by side, for a province: one row
//! per region (sorted by region code, then name) with each dimension's share
//! of programmes done, the quick wins done, the overdue milestones, the mean
//! achievement of the year's measured targets and the estimated smart-city
//! index where the evaluation data is complete; then the overdue milestones
//! across regions (oldest first), the regions behind on quick wins, and every
//! plan that did not load, with its error (it never stops the rest).
//!
//! The figures are [`crate::plan::province`]'s; this module lays them out.

use super::Format;
use super::document::{Block, Cell, Column, Document, Holds, Table};
use crate::i18n::format::{decimal, percent_or};
use crate::i18n::{Lang, fill};
use crate::plan::progress::Tally;
pub use crate::plan::province::Region;
use crate::plan::province::{Late, Rollup, Row};
use crate::text::Glyphs;
use jiff::civil::Date;

/// How many overdue milestones text, Markdown and HTML list before "and N
/// more" (CSV and JSON list them all).
pub const OVERDUE_SHOWN: usize = 20;

/// Which part of the rollup to give; every part when none is asked for
/// (CSV, one table, then gives the regions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Regions,
    Overdue,
    Behind,
    Failed,
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
    let ro = Rollup::of(regions, today);
    match format {
        // The rollup's command line offers no XLSX; were it asked, the CSV
        // is the same table.
        Format::Csv | Format::Xlsx => {
            let mut w = super::csv::Writer::new();
            w.table(&csv_table(&ro, section, lang), lang);
            w.out
        }
        Format::Json => json(&ro, section),
        Format::Markdown => super::markdown::listing(&document(&ro, section, lang), lang, g),
        Format::Html => super::html::listing(&document(&ro, section, lang), lang, g),
        Format::Text => super::text::listing(&document(&ro, section, lang), lang, width, g),
        // Not offered for a rollup; were it asked, the chat form of its document.
        Format::WhatsApp => super::whatsapp::listing(&document(&ro, section, lang), lang),
    }
}

/// "24 region(s), 480 programmes, as of 2026-12-02"
fn title(ro: &Rollup, lang: Lang) -> String {
    let programmes: usize = ro.rows.iter().map(|x| x.programs).sum();
    fill(
        lang.report().ro_title,
        &[&ro.rows.len(), &programmes, &ro.today],
    )
}

/// The regions table's column titles: code, region, programmes, each
/// dimension's short title, quick wins, overdue, achievement, index.
fn region_titles<'a>(ro: &'a Rollup, lang: Lang) -> Vec<&'a str> {
    let r = lang.report();
    let mut head: Vec<&str> = vec![r.ro_code, r.ro_region, r.ro_programs];
    head.extend(ro.columns.iter().map(|(_, short)| short.as_str()));
    head.extend([r.ro_quick_wins, r.ro_late, r.ro_achievement, r.ro_index]);
    head
}

/// A region's row as people read it, `none` for a figure that is not there.
fn region_cells(x: &Row, none: &str, lang: Lang) -> Vec<String> {
    let mut cells = vec![
        x.code().to_string(),
        x.region().to_string(),
        x.programs.to_string(),
    ];
    cells.extend(
        x.dimensions
            .iter()
            .map(|p| p.map_or_else(|| none.to_string(), |p| format!("{p}%"))),
    );
    cells.push(quick_wins(&x.total));
    cells.push(x.late.to_string());
    cells.push(percent_or(x.achievement, none));
    cells.push(
        x.index
            .map_or_else(|| none.to_string(), |i| decimal(i, lang)),
    );
    cells
}

/// The regions with quick wins still open, furthest behind first.
fn behind<'a>(ro: &'a Rollup) -> Vec<&'a Row<'a>> {
    ro.behind.iter().map(|&i| &ro.rows[i]).collect()
}

/// One section as a CSV table (the regions when none is asked for). A
/// figure that is not there is an empty cell, where `-` would read as the
/// start of a formula.
fn csv_table(ro: &Rollup, section: Option<Section>, lang: Lang) -> Table {
    let (r, rows, failed) = (lang.report(), &ro.rows, &ro.failed);
    let text = |s: &str| Cell::Text(s.to_string());
    let count = |n: usize| Cell::Int(n as i64);
    let head = region_titles(ro, lang);
    let cells = |x: &Row| region_cells(x, "", lang);
    let behind = behind(ro);
    let (names, body): (Vec<&str>, Vec<Vec<Cell>>) = match section.unwrap_or(Section::Regions) {
        Section::Regions => {
            let mut names = head.clone();
            names.push(r.ro_file);
            let body = rows
                .iter()
                .map(|x| {
                    let mut row: Vec<Cell> = cells(x).into_iter().map(Cell::Text).collect();
                    row.push(text(x.file));
                    row
                })
                .collect();
            (names, body)
        }
        Section::Overdue => {
            let names = vec![
                r.ro_code,
                r.ro_region,
                r.program,
                lang.text().forms.fields.name,
                r.milestone,
                r.due,
                r.days_late,
                r.ro_file,
            ];
            let body = ro
                .overdue
                .iter()
                .map(|l| {
                    let x = &rows[l.row];
                    vec![
                        text(x.code()),
                        text(x.region()),
                        text(&l.program.id),
                        text(&l.program.name),
                        text(&l.milestone.title),
                        Cell::Date(l.due),
                        Cell::Int(l.days),
                        text(x.file),
                    ]
                })
                .collect();
            (names, body)
        }
        Section::Behind => {
            let names = vec![
                r.ro_code,
                r.ro_region,
                r.ro_quick_wins,
                r.ro_quick_wins_all,
                r.ro_file,
            ];
            let body = behind
                .iter()
                .map(|x| {
                    vec![
                        text(x.code()),
                        text(x.region()),
                        count(x.total.quick_wins_done),
                        count(x.total.quick_wins),
                        text(x.file),
                    ]
                })
                .collect();
            (names, body)
        }
        Section::Failed => {
            let body = failed.iter().map(|(f, e)| vec![text(f), text(e)]).collect();
            (vec![r.ro_file, r.ro_error], body)
        }
    };
    // A CSV is often the only thing read: a plan that did not load is a row
    // of its own, its file and why, in every section, never only on stderr.
    let (names, body) = match section.unwrap_or(Section::Regions) {
        Section::Failed => (names, body),
        _ => with_failed(names, body, failed, r.ro_file, r.ro_error),
    };
    Table {
        rows: body,
        ..Table::sheet(String::new(), names.into_iter().map(|n| (n, 12.0)))
    }
}

/// A section's table with an error column, empty for the plans that
/// loaded, and a row for each plan that did not: its file and why.
fn with_failed<'a>(
    mut names: Vec<&'a str>,
    mut body: Vec<Vec<Cell>>,
    failed: &[(&str, &str)],
    file: &'a str,
    error: &'a str,
) -> (Vec<&'a str>, Vec<Vec<Cell>>) {
    let at = names.iter().position(|n| *n == file);
    names.push(error);
    for row in &mut body {
        row.push(Cell::Text(String::new()));
    }
    for (f, e) in failed {
        let mut row = vec![Cell::Text(String::new()); names.len()];
        if let Some(at) = at {
            row[at] = Cell::Text(f.to_string());
        }
        row[names.len() - 1] = Cell::Text(e.to_string());
        body.push(row);
    }
    (names, body)
}

/// The rollup as JSON, every figure as a number, every overdue milestone.
fn json(ro: &Rollup, section: Option<Section>) -> String {
    let (rows, failed, today) = (&ro.rows, &ro.failed, ro.today);
    let wants = |s: Section| section.is_none_or(|x| x == s);
    let behind = behind(ro);
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
    // Whatever the section asked for: a table without a region must say so.
    let list: Vec<serde_json::Value> = failed
        .iter()
        .map(|(f, e)| serde_json::json!({"file": f, "error": e}))
        .collect();
    json.insert("failed".into(), list.into());
    format!(
        "{}\n",
        serde_json::to_string_pretty(&serde_json::Value::Object(json)).unwrap_or_default()
    )
}

/// What text, Markdown and HTML show: the regions table, the overdue
/// milestones (the oldest [`OVERDUE_SHOWN`]), the regions behind on quick
/// wins, the plans that did not load.
fn document(ro: &Rollup, section: Option<Section>, lang: Lang) -> Document {
    let (r, rows, failed) = (lang.report(), &ro.rows, &ro.failed);
    let wants = |s: Section| section.is_none_or(|x| x == s);
    let cells = |x: &Row| region_cells(x, "-", lang);
    let behind = behind(ro);
    let behind_line = |x: &Row| {
        fill(
            r.ro_behind_line,
            &[
                &x.region(),
                &x.total.quick_wins_done,
                &x.total.quick_wins,
                &crate::i18n::format::share_or(
                    (x.total.quick_wins > 0).then(|| {
                        x.total.quick_wins_done as f64 / x.total.quick_wins as f64 * 100.0
                    }),
                    "-",
                    lang,
                ),
            ],
        )
    };
    let shown = ro.overdue.len().min(OVERDUE_SHOWN);
    let more = (ro.overdue.len() > shown).then(|| fill(r.ro_more, &[&(ro.overdue.len() - shown)]));
    let mut blocks = Vec::new();
    if wants(Section::Regions) {
        let mut cols = vec![
            Column::new(r.ro_code, Holds::Text).drop(3),
            Column::new(r.ro_region, Holds::Text).flex(),
            Column::new(r.ro_programs, Holds::Num).drop(4),
        ];
        cols.extend(
            ro.columns
                .iter()
                .map(|(_, short)| Column::new(short, Holds::Num)),
        );
        cols.extend([
            Column::new(r.ro_quick_wins, Holds::Num),
            Column::new(r.ro_late, Holds::Num),
            Column::new(r.ro_achievement, Holds::Num).drop(1),
            Column::new(r.ro_index, Holds::Num).drop(2),
        ]);
        let body = rows
            .iter()
            .map(|x| cells(x).into_iter().map(Cell::from).collect())
            .collect();
        blocks.push(Block::Table(Table {
            flush: true,
            ..Table::new(cols, body)
        }));
    }
    if wants(Section::Overdue) && !ro.overdue.is_empty() {
        blocks.push(Block::Heading(2, r.ro_overdue.to_string()));
        let body = ro.overdue[..shown]
            .iter()
            .map(|l| {
                vec![
                    Cell::Int(l.days),
                    Cell::Date(l.due),
                    rows[l.row].region().into(),
                    l.program.id.as_str().into(),
                    l.milestone.title.as_str().into(),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table::new(
            vec![
                Column::new(r.days_late, Holds::Num),
                Column::new(r.due, Holds::Code).drop(2),
                Column::new(r.ro_region, Holds::Text),
                Column::new(r.program, Holds::Code).drop(1),
                Column::new(r.milestone, Holds::Main),
            ],
            body,
        )));
        blocks.extend(more.map(|m| Block::List(vec![m])));
    }
    let mut list = |heading: &str, items: Vec<String>| {
        if !items.is_empty() {
            blocks.push(Block::Heading(2, heading.to_string()));
            blocks.push(Block::List(items));
        }
    };
    if wants(Section::Behind) {
        list(r.ro_behind, behind.iter().map(|x| behind_line(x)).collect());
    }
    // Whatever the section asked for: a table without a region must say so.
    list(
        r.ro_failed,
        failed.iter().map(|(f, e)| failure(f, e)).collect(),
    );
    Document {
        title: title(ro, lang),
        headed: true,
        listing: true,
        blocks,
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
