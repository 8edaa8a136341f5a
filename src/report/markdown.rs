//! Markdown reports: headings and tables, for an e-mail or a chat message.
//!
//! `# plan title`, the region line, `## report title`, then `### ` per
//! dimension with a table. Data is escaped twice over: control characters as
//! in text (`\u{1b}`), then Markdown's own punctuation with a backslash, so a
//! name can neither break a table (`|`) nor become a link, emphasis or HTML.

use super::document::{Block, Document, Holds};
use super::{Ctx, Kind, TargetRef};
use crate::i18n::fill;
use crate::plan::progress::{self, MilestoneRef, Tally};

pub(crate) fn render(ctx: &Ctx) -> String {
    let mut out = String::new();
    let r = ctx.r();
    out.push_str(&format!("# {}\n\n", inline(&ctx.plan.title)));
    out.push_str(&format!("{}\n", paragraph(&ctx.subtitle())));
    if let Some(filter) = ctx.filter_line() {
        out.push_str(&format!("\n{}\n", paragraph(&filter)));
    }
    if let Some(document) = super::build::document(ctx) {
        blocks(ctx, &mut out, &document);
        return out;
    }
    match ctx.request.kind {
        Kind::Overview => overview(ctx, &mut out),
        Kind::Program => program(ctx, &mut out),
        Kind::Timeline => {
            out.push_str(&format!("\n## {}\n\n", inline(&ctx.title(0))));
            let (axis, body) = super::timeline::chart(ctx, ctx.request.width);
            let lines: Vec<String> = axis
                .into_iter()
                .chain(body.into_iter().map(|l| l.text))
                .collect();
            // A fence longer than any run of backticks inside it.
            let longest = lines.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
            let fence = "`".repeat(longest.max(2) + 1);
            out.push_str(&format!("{fence}text\n"));
            for line in lines {
                out.push_str(&line);
                out.push('\n');
            }
            out.push_str(&format!("{fence}\n"));
        }
        Kind::Targets => {
            let list = ctx.targets();
            out.push_str(&format!("\n## {}\n", inline(&ctx.title(list.count()))));
            if list.groups.is_empty() {
                out.push_str(&format!("\n{}\n", paragraph(r.none)));
            }
            for (dimension, items) in &list.groups {
                out.push_str(&format!(
                    "\n### {}\n",
                    inline(&super::build::dimension_heading(dimension, ctx.g))
                ));
                targets_table(ctx, &mut out, items, true);
            }
        }
        Kind::Dimension | Kind::Overdue | Kind::Upcoming | Kind::Evaluation => {}
    }
    out
}

/// The summary's content as tables: dimensions, overdue, due soon, this year's targets.
fn overview(ctx: &Ctx, out: &mut String) {
    let r = ctx.r();
    let mut total = Tally::default();
    let mut rows: Vec<Vec<String>> = ctx
        .sel
        .groups
        .iter()
        .map(|g| {
            let mut tally = Tally::default();
            for p in &g.programs {
                tally.add(p);
            }
            total.merge(&tally);
            tally_cells(cell(&g.dimension.name), &tally)
        })
        .collect();
    // Bold on purpose: written as Markdown, not escaped.
    rows.push(tally_cells(format!("**{}**", r.total), &total));
    out.push_str(&format!("\n## {}\n\n", inline(r.dimension)));
    let head = [
        r.dimension,
        r.programs,
        r.done,
        r.in_progress,
        r.delayed,
        r.percent_done,
        r.quick_wins,
    ];
    table_raw(
        out,
        &head,
        &rows,
        &[false, true, true, true, true, true, true],
    );

    let keep = |m: &MilestoneRef| ctx.sel.keeps(m.program);
    let overdue: Vec<MilestoneRef> = progress::overdue(ctx.plan, None, ctx.today)
        .into_iter()
        .filter(keep)
        .collect();
    out.push_str(&format!(
        "\n## {}\n",
        inline(&fill(r.title_overdue, &[&overdue.len()]))
    ));
    milestones_table(ctx, out, &overdue, true, false);

    let days = ctx.request.days;
    let soon: Vec<MilestoneRef> = progress::due_soon(ctx.plan, None, ctx.today, days)
        .into_iter()
        .filter(keep)
        .collect();
    out.push_str(&format!(
        "\n## {}\n",
        inline(&fill(r.title_upcoming, &[&days, &soon.len()]))
    ));
    milestones_table(ctx, out, &soon, false, false);

    let year = i32::from(ctx.today.year());
    let targets: Vec<TargetRef> = ctx
        .plan
        .programs
        .iter()
        .filter(|p| ctx.sel.keeps(p))
        .flat_map(|p| TargetRef::all_of(p).filter(move |t| t.target.year == year))
        .collect();
    out.push_str(&format!(
        "\n## {}\n",
        inline(&fill(r.targets_year, &[&year, &targets.len()]))
    ));
    targets_table(ctx, out, &targets, true);
}

fn tally_cells(name: String, t: &Tally) -> Vec<String> {
    vec![
        name,
        t.programs.to_string(),
        t.done.to_string(),
        t.in_progress.to_string(),
        t.delayed.to_string(),
        format!("{}%", t.percent_done()),
        format!("{}/{}", t.quick_wins_done, t.quick_wins),
    ]
}

fn program(ctx: &Ctx, out: &mut String) {
    let (r, g) = (ctx.r(), &ctx.g);
    let Some(p) = ctx.sel.programs().next() else {
        return;
    };
    out.push_str(&format!(
        "\n## {}{}{}\n\n",
        inline(&p.id),
        g.dot,
        inline(&p.name)
    ));
    let rows: Vec<Vec<String>> = ctx
        .program_fields(p)
        .into_iter()
        .map(|(label, value)| vec![label.to_string(), value])
        .collect();
    table(ctx, out, &[r.field, r.value], &rows, &[false, false]);

    let done = p.milestones.iter().filter(|m| m.done).count();
    out.push_str(&format!(
        "\n### {}\n\n",
        inline(&fill(r.milestones_count, &[&p.milestones.len(), &done]))
    ));
    let rows = ctx.milestone_rows(p);
    table(
        ctx,
        out,
        &[r.done, r.due, r.milestone, r.status],
        &rows,
        &[false, false, false, true],
    );

    out.push_str(&format!(
        "\n### {}\n",
        inline(&fill(r.targets_count, &[&p.targets.len()]))
    ));
    let items: Vec<TargetRef> = TargetRef::all_of(p).collect();
    targets_table(ctx, out, &items, false);
}

/// A table of milestones; `with_program` adds the program's name.
fn milestones_table(
    ctx: &Ctx,
    out: &mut String,
    items: &[MilestoneRef],
    late: bool,
    with_program: bool,
) {
    let r = ctx.r();
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|m| {
            let days = if late {
                Ctx::days(m.due, ctx.today)
            } else {
                Ctx::days(ctx.today, m.due)
            };
            let mut row = vec![m.due.to_string(), m.program.id.clone()];
            if with_program {
                row.push(m.program.name.clone());
            }
            row.extend([
                m.milestone.title.clone(),
                m.program.lead.clone(),
                days.to_string(),
            ]);
            row
        })
        .collect();
    let days = if late { r.days_late } else { r.days_left };
    out.push('\n');
    if with_program {
        table(
            ctx,
            out,
            &[r.due, r.id, r.program, r.milestone, r.lead, days],
            &rows,
            &[false, false, false, false, false, true],
        );
    } else {
        table(
            ctx,
            out,
            &[r.due, r.id, r.milestone, r.lead, days],
            &rows,
            &[false, false, false, false, true],
        );
    }
}

fn targets_table(ctx: &Ctx, out: &mut String, items: &[TargetRef], with_id: bool) {
    let (head, rows) = ctx.target_table(items, with_id);
    let mut right = vec![false];
    if with_id {
        right.push(false);
    }
    right.extend([false, false, true, true, true, true, false]);
    out.push('\n');
    table(ctx, out, &head, &rows, &right);
}

/// A table of data cells (escaped here), or "none" when there are no rows.
fn table(ctx: &Ctx, out: &mut String, head: &[&str], rows: &[Vec<String>], right: &[bool]) {
    if rows.is_empty() {
        out.push_str(&format!("{}\n", paragraph(ctx.r().none)));
        return;
    }
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| cell(c)).collect())
        .collect();
    table_raw(out, head, &rows, right);
}

/// A paragraph of one line that must not turn into a list, a quote or a
/// heading because of how the data begins.
fn paragraph(value: &str) -> String {
    let text = inline(value);
    let starts_block = text.starts_with(['-', '+', '='])
        || text
            .find(|c: char| !c.is_ascii_digit())
            .is_some_and(|at| at > 0 && text[at..].starts_with(['.', ')']));
    if !starts_block {
        return text;
    }
    if text.starts_with(['-', '+', '=']) {
        return format!("\\{text}");
    }
    // "2023. …" would start an ordered list: escape the dot or parenthesis.
    let at = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
    format!("{}\\{}", &text[..at], &text[at..])
}

pub(crate) use super::cells::md::{cell, inline, table_raw};

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// The blocks of a built document: headings a level under the title, every
/// block after a blank line (a table's caption just above it).
fn blocks(ctx: &Ctx, out: &mut String, document: &Document) {
    let shift = if document.headed {
        0
    } else {
        out.push_str(&format!("\n## {}\n", inline(&document.title)));
        1
    };
    for block in &document.blocks {
        out.push('\n');
        match block {
            Block::Heading(level, text) => {
                let marks = "#".repeat(usize::from(level + shift));
                out.push_str(&format!("{marks} {}\n", inline(text)));
            }
            Block::Note(text) | Block::Nothing(text) => {
                out.push_str(&format!("{}\n", paragraph(text)));
            }
            Block::Table(t) => {
                if let Some(caption) = &t.caption {
                    out.push_str(&format!("{}\n", paragraph(caption)));
                }
                let head: Vec<&str> = t.cols.iter().map(|c| c.title.as_str()).collect();
                let right: Vec<bool> = t.cols.iter().map(|c| c.holds == Holds::Num).collect();
                let rows: Vec<Vec<String>> = t
                    .rows
                    .iter()
                    .map(|row| row.iter().map(|c| c.show(false).into_owned()).collect())
                    .collect();
                table(ctx, out, &head, &rows, &right);
            }
        }
    }
}
