//! Markdown reports: headings and tables, for an e-mail or a chat message.
//!
//! `# plan title`, the region line, `## report title`, then `### ` per
//! dimension with a table. Data is escaped twice over: control characters as
//! in text (`\u{1b}`), then Markdown's own punctuation with a backslash, so a
//! name can neither break a table (`|`) nor become a link, emphasis or HTML.

use super::Ctx;
use super::document::{Block, Document};

pub(crate) fn render(ctx: &Ctx) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", inline(&ctx.plan.title)));
    out.push_str(&format!("{}\n", paragraph(&ctx.subtitle())));
    if let Some(filter) = ctx.filter_line() {
        out.push_str(&format!("\n{}\n", paragraph(&filter)));
    }
    blocks(ctx, &mut out, &super::build::document(ctx));
    out
}

/// A table of cells already in Markdown, or "none" when there are no rows.
fn table(ctx: &Ctx, out: &mut String, head: &[&str], rows: &[Vec<String>], right: &[bool]) {
    if rows.is_empty() {
        out.push_str(&format!("{}\n", paragraph(ctx.r().none)));
        return;
    }
    table_raw(out, head, rows, right);
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
                let right: Vec<bool> = t.cols.iter().map(|c| c.right).collect();
                let mut rows: Vec<Vec<String>> = t
                    .rows
                    .iter()
                    .map(|row| row.iter().map(|c| cell(&c.show(false))).collect())
                    .collect();
                if t.total
                    && let Some(name) = rows.last_mut().and_then(|row| row.first_mut())
                {
                    // Bold on purpose: Markdown of pantau's own around the word.
                    *name = format!("**{name}**");
                }
                table(ctx, out, &head, &rows, &right);
            }
            Block::Fields(fields) => {
                let r = ctx.r();
                let rows: Vec<Vec<String>> = fields
                    .iter()
                    .map(|(label, value)| vec![cell(label), cell(value)])
                    .collect();
                table(ctx, out, &[r.field, r.value], &rows, &[false, false]);
            }
            Block::Timeline => timeline(ctx, out),
        }
    }
}

/// The text timeline's chart in a fence longer than any run of backticks in it.
fn timeline(ctx: &Ctx, out: &mut String) {
    let (axis, body) = super::timeline::chart(ctx, ctx.request.width);
    let lines: Vec<String> = axis
        .into_iter()
        .chain(body.into_iter().map(|l| l.text))
        .collect();
    let longest = lines.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    out.push_str(&format!("{fence}text\n"));
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("{fence}\n"));
}
