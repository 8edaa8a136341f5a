//! Markdown reports: headings and tables, for an e-mail or a chat message.
//!
//! `# plan title`, the region line, `## report title`, then `### ` per
//! dimension with a table. Data is escaped twice over: control characters as
//! in text (`\u{1b}`), then Markdown's own punctuation with a backslash, so a
//! name can neither break a table (`|`) nor become a link, emphasis or HTML.

use super::Ctx;
use super::document::{Block, Document, Table, TargetRow};
use super::layout::Line;
use crate::i18n::Lang;
use crate::text::Glyphs;

pub(crate) fn render(ctx: &Ctx) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", inline(&ctx.plan.title)));
    out.push_str(&format!("{}\n", paragraph(&ctx.subtitle())));
    if let Some(filter) = ctx.filter_line() {
        out.push_str(&format!("\n{}\n", paragraph(&filter)));
    }
    let chart = || super::timeline::chart(ctx, ctx.request.width);
    blocks(
        &mut out,
        &super::build::document(ctx),
        ctx.lang,
        ctx.g,
        &chart,
    );
    out
}

/// `pantau rollup` as Markdown: its title, then its parts.
pub(crate) fn listing(document: &Document, lang: Lang, g: &Glyphs) -> String {
    let mut out = format!("# {}\n", inline(&document.title));
    blocks(&mut out, document, lang, g, &|| (Vec::new(), Vec::new()));
    out
}

/// A table of cells already in Markdown, or "none" when there are no rows.
fn table(out: &mut String, none: &str, head: &[&str], rows: &[Vec<String>], right: &[bool]) {
    if rows.is_empty() {
        out.push_str(&format!("{}\n", paragraph(none)));
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

/// A GitHub-flavoured table of cells already in Markdown.
fn table_raw(out: &mut String, head: &[&str], rows: &[Vec<String>], right: &[bool]) {
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        out.push('|');
        for c in cells {
            out.push(' ');
            out.push_str(&c);
            out.push_str(" |");
        }
        out.push('\n');
    };
    line(out, &mut head.iter().map(|h| inline(h)));
    line(
        out,
        &mut right
            .iter()
            .map(|&r| if r { "---:" } else { "---" }.to_string()),
    );
    for row in rows {
        line(out, &mut row.iter().cloned());
    }
}

/// Text inside a line (a heading, a cell): control characters shown escaped,
/// Markdown punctuation backslash-escaped, line breaks as spaces.
fn inline(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for (i, part) in value.split('\n').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        punctuation(&crate::text::escape(part), &mut out);
    }
    out
}

/// A table cell: as [`inline`], but line breaks kept as `<br>`.
fn cell(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for (i, part) in value.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        punctuation(&crate::text::escape(part), &mut out);
    }
    out
}

fn punctuation(text: &str, out: &mut String) {
    for (at, c) in text.char_indices() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
        ) || autolinks(text, at, c)
        {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether `c` at `at` is where a GitHub-style renderer would start a link
/// of bare text: the `:` of `http://`, the `.` of `www.`, the `@` of an
/// e-mail address. Escaped, the text stays text.
fn autolinks(text: &str, at: usize, c: char) -> bool {
    match c {
        '@' => true,
        ':' => text[at..].starts_with("://"),
        '.' => text[..at]
            .get(at.saturating_sub(3)..)
            .is_some_and(|w| w.eq_ignore_ascii_case("www")),
        _ => false,
    }
}

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
fn blocks(
    out: &mut String,
    document: &Document,
    lang: Lang,
    g: &Glyphs,
    chart: &dyn Fn() -> (Vec<String>, Vec<Line>),
) {
    let r = lang.report();
    let shift = if document.headed {
        0
    } else {
        out.push_str(&format!("\n## {}\n", inline(&document.title)));
        1
    };
    for block in &document.blocks {
        // A blank line between blocks (the title may have left one).
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        match block {
            Block::Heading(level, text) => {
                let marks = "#".repeat(usize::from(level + shift));
                out.push_str(&format!("{marks} {}\n", inline(text)));
            }
            Block::Subject { id, name } => {
                let marks = "#".repeat(usize::from(2 + shift));
                out.push_str(&format!(
                    "{marks} {}{}{}\n",
                    inline(id),
                    g.dot,
                    inline(name)
                ));
            }
            Block::Targets(rows) => table_block(out, &TargetRow::table(rows, lang), lang),
            Block::Note(text) | Block::Nothing(text) => {
                out.push_str(&format!("{}\n", paragraph(text)));
            }
            Block::Table(t) => table_block(out, t, lang),
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", inline(item)));
                }
            }
            Block::Fields(fields) => {
                let rows: Vec<Vec<String>> = fields
                    .iter()
                    .map(|(label, value)| vec![cell(label), cell(value)])
                    .collect();
                table(out, r.none, &[r.field, r.value], &rows, &[false, false]);
            }
            Block::Timeline => timeline(out, chart()),
        }
    }
}

/// The text timeline's chart in a fence longer than any run of backticks in it.
fn timeline(out: &mut String, (axis, body): (Vec<String>, Vec<Line>)) {
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

/// A table: its caption, then its rows (the total in bold), or "none".
fn table_block(out: &mut String, t: &Table, lang: Lang) {
    if let Some(caption) = &t.caption {
        out.push_str(&format!("{}\n", paragraph(caption)));
    }
    let head: Vec<&str> = t.cols.iter().map(|c| c.title.as_str()).collect();
    let right: Vec<bool> = t.cols.iter().map(|c| c.right).collect();
    let mut rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|row| row.iter().map(|c| cell(&c.show(lang, false))).collect())
        .collect();
    if t.total
        && let Some(name) = rows.last_mut().and_then(|row| row.first_mut())
    {
        // Bold on purpose: Markdown of pantau's own around the word.
        *name = format!("**{name}**");
    }
    table(out, lang.report().none, &head, &rows, &right);
}
