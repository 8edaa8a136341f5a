//! `pantau rollup`: many regions' plans side by side, for a province: one row
//! per region with each dimension's share of programmes done, the quick wins
//! done, and the overdue milestones; then the regions behind on quick wins,
//! and every plan that did not load, with its error (it never stops the rest).

use super::Format;
use super::layout::{Col, table};
use crate::i18n::{Lang, fill};
use crate::plan::model::Plan;
use crate::plan::progress::{Tally, overdue, tally};
use crate::text::Glyphs;
use jiff::civil::Date;

/// One region's plan, or why it is not there.
pub struct Region<'a> {
    /// Where it was found, as given or found under a folder.
    pub file: String,
    pub plan: Result<&'a Plan, String>,
}

/// The figures of one region.
struct Row {
    region: String,
    file: String,
    programs: usize,
    /// Per dimension id of the rollup's columns: share done, `None` where
    /// the region has no such dimension.
    dimensions: Vec<Option<u32>>,
    total: Tally,
    late: usize,
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

fn rows(regions: &[Region], columns: &[(String, String)], today: Date) -> Vec<Row> {
    let mut rows: Vec<Row> = regions
        .iter()
        .filter_map(|r| Some((r, r.plan.as_ref().ok()?)))
        .map(|(r, plan)| {
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
                region: plan.region.clone(),
                file: r.file.clone(),
                programs: plan.programs.len(),
                dimensions,
                late: overdue(plan, None, today).len(),
                total,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.region.cmp(&b.region).then(a.file.cmp(&b.file)));
    rows
}

fn quick_wins(t: &Tally) -> String {
    format!("{}/{}", t.quick_wins_done, t.quick_wins)
}

fn share(done: usize, of: usize) -> usize {
    (done * 100).checked_div(of).unwrap_or(0)
}

/// The regions with quick wins still open, furthest behind first.
fn behind(rows: &[Row]) -> Vec<&Row> {
    let mut out: Vec<&Row> = rows
        .iter()
        .filter(|r| r.total.quick_wins_done < r.total.quick_wins)
        .collect();
    out.sort_by_key(|r| share(r.total.quick_wins_done, r.total.quick_wins));
    out
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
    let r = lang.report();
    let columns = columns(regions);
    let rows = rows(regions, &columns, today);
    let failed: Vec<(&str, &str)> = regions
        .iter()
        .filter_map(|x| x.plan.as_ref().err().map(|e| (x.file.as_str(), e.as_str())))
        .collect();
    let programmes: usize = rows.iter().map(|x| x.programs).sum();
    let title = fill(r.ro_title, &[&rows.len(), &programmes, &today]);
    let percent = |p: Option<u32>| p.map_or_else(|| "-".to_string(), |p| format!("{p}%"));
    let cells = |x: &Row| -> Vec<String> {
        let mut cells = vec![x.region.clone(), x.programs.to_string()];
        cells.extend(x.dimensions.iter().map(|p| percent(*p)));
        cells.push(quick_wins(&x.total));
        cells.push(x.late.to_string());
        cells
    };
    let mut head: Vec<&str> = vec![r.ro_region, r.ro_programs];
    head.extend(columns.iter().map(|(_, short)| short.as_str()));
    head.extend([r.ro_quick_wins, r.ro_late]);
    let behind = behind(&rows);
    let behind_line = |x: &Row| {
        fill(
            r.ro_behind_line,
            &[
                &x.region,
                &x.total.quick_wins_done,
                &x.total.quick_wins,
                &share(x.total.quick_wins_done, x.total.quick_wins),
            ],
        )
    };
    match format {
        Format::Csv => {
            let mut w = super::csv::Writer::new();
            let mut names = head.clone();
            names.push(r.ro_file);
            w.header(&names);
            for x in &rows {
                for c in cells(x) {
                    w.text(&c);
                }
                w.text(&x.file);
                w.end();
            }
            w.out
        }
        Format::Json => {
            let region = |x: &Row| {
                let dims: serde_json::Map<String, serde_json::Value> = columns
                    .iter()
                    .zip(&x.dimensions)
                    .filter_map(|((id, _), p)| Some((id.clone(), (*p)?.into())))
                    .collect();
                serde_json::json!({
                    "region": x.region,
                    "file": x.file,
                    "programs": x.programs,
                    "percent_done": dims,
                    "quick_wins": x.total.quick_wins,
                    "quick_wins_done": x.total.quick_wins_done,
                    "overdue_milestones": x.late,
                })
            };
            let json = serde_json::json!({
                "as_of": today.to_string(),
                "regions": rows.iter().map(region).collect::<Vec<_>>(),
                "failed": failed.iter().map(|(f, e)| serde_json::json!({"file": f, "error": e})).collect::<Vec<_>>(),
            });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            )
        }
        Format::Markdown => {
            let mut out = format!("# {}\n\n", super::markdown::inline(&title));
            let right: Vec<bool> = (0..head.len()).map(|i| i > 0).collect();
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|x| cells(x).iter().map(|c| super::markdown::cell(c)).collect())
                .collect();
            super::markdown::table_raw(&mut out, &head, &body, &right);
            if !behind.is_empty() {
                out.push_str(&format!(
                    "\n## {}\n\n",
                    super::markdown::inline(r.ro_behind)
                ));
                for x in &behind {
                    out.push_str(&format!("- {}\n", super::markdown::inline(&behind_line(x))));
                }
            }
            if !failed.is_empty() {
                out.push_str(&format!(
                    "\n## {}\n\n",
                    super::markdown::inline(r.ro_failed)
                ));
                for (file, error) in &failed {
                    out.push_str(&format!(
                        "- {}: {}\n",
                        super::markdown::inline(file),
                        super::markdown::inline(error)
                    ));
                }
            }
            out
        }
        Format::Html => {
            use super::html::{Col, Paper, Table, document, esc, table_raw};
            let mut out = format!("<h1>{}</h1>\n", esc(&title));
            let cols: Vec<Col> = (0..head.len())
                .map(|i| if i == 0 { Col::Text } else { Col::Num })
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
            let list = |out: &mut String, heading: &str, items: Vec<String>| {
                if !items.is_empty() {
                    out.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(heading)));
                    for item in items {
                        out.push_str(&format!("<li>{}</li>\n", esc(&item)));
                    }
                    out.push_str("</ul>\n");
                }
            };
            list(
                &mut out,
                r.ro_behind,
                behind.iter().map(|x| behind_line(x)).collect(),
            );
            list(
                &mut out,
                r.ro_failed,
                failed.iter().map(|(f, e)| format!("{f}: {e}")).collect(),
            );
            document(lang, Paper::A4, &title, &out)
        }
        Format::Text => {
            let mut cols = vec![Col::flex(r.ro_region), Col::right(r.ro_programs).drop(1)];
            cols.extend(columns.iter().map(|(_, short)| Col::right(short)));
            cols.extend([Col::right(r.ro_quick_wins), Col::right(r.ro_late)]);
            let body: Vec<Vec<String>> = rows.iter().map(cells).collect();
            let mut out = vec![
                crate::text::fit(&crate::text::escape(&title), width, g.ellipsis),
                String::new(),
            ];
            out.extend(table(&cols, &body, width, 0, true, g));
            if !behind.is_empty() {
                out.push(String::new());
                out.push(r.ro_behind.to_string());
                out.extend(behind.iter().map(|x| {
                    crate::text::fit(
                        &format!("  {}", crate::text::escape(&behind_line(x))),
                        width,
                        g.ellipsis,
                    )
                }));
            }
            if !failed.is_empty() {
                out.push(String::new());
                out.push(r.ro_failed.to_string());
                for (file, error) in &failed {
                    out.push(crate::text::fit(
                        &format!(
                            "  {}: {}",
                            crate::text::escape(file),
                            crate::text::escape(error)
                        ),
                        width,
                        g.ellipsis,
                    ));
                }
            }
            format!("{}\n", out.join("\n"))
        }
    }
}
