//! `--format whatsapp`: a report as a message for an agency heads' group.
//!
//! WhatsApp shows `*bold*`, `_italic_` and `~strike~` but no tables, so a
//! document becomes a bold title, bold headings and one line per table row:
//! numbered where the table numbers its rows, else a bullet; the row's main
//! cell first, then the cells a narrow text page keeps (and those a table
//! marks for chat), each figure or date with its column's title. Dates and figures are written as the report's
//! language writes them (Indonesian: 30-11-2026, 40.000).
//!
//! A phone folds a message longer than [`FOLD_CHARS`] behind "Read more";
//! past it the longest lists are cut from the end and a line says how many
//! were left out ("… dan 4 lainnya"), so what is read first is whole.

use super::Ctx;
use super::document::{Block, Cell, Document, Holds, Table, TargetRow};
use crate::i18n::{Lang, fill};

/// WhatsApp folds a message behind "Read more" at about 3,584 characters,
/// fewer with emoji and other special characters (reported by users, not
/// documented by WhatsApp: docs/REPORTS.md); pantau keeps under 3,000.
pub const FOLD_CHARS: usize = 3_000;

pub(crate) fn render(ctx: &Ctx) -> String {
    let document = super::build::document(ctx);
    let mut head = vec![bold(&document.title), ctx.subtitle()];
    head.extend(ctx.filter_line());
    message(&head, &document, ctx.lang)
}

/// A listing (`pantau rollup`) as a message: its title, then its parts.
pub(crate) fn listing(document: &Document, lang: Lang) -> String {
    message(&[bold(&document.title)], document, lang)
}

/// The message of `document` under `head`, its lists cut to fit [`FOLD_CHARS`].
fn message(head: &[String], document: &Document, lang: Lang) -> String {
    let parts: Vec<Part> = document.blocks.iter().map(|b| part(b, lang)).collect();
    let mut shown: Vec<usize> = parts.iter().map(|p| p.items.len()).collect();
    let mut out = write(head, &parts, &shown, lang);
    // One item at a time off the longest list: linear in what is cut, and
    // a report is a few hundred lines at most.
    while out.chars().count() > FOLD_CHARS {
        let Some((at, _)) = shown
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 1)
            .max_by_key(|(_, n)| **n)
        else {
            break;
        };
        shown[at] -= 1;
        out = write(head, &parts, &shown, lang);
    }
    out
}

/// A block as lines: what stands before its items, and the items.
struct Part {
    lead: Vec<String>,
    items: Vec<String>,
}

fn part(block: &Block, lang: Lang) -> Part {
    let lead = |lines: Vec<String>| Part {
        lead: lines,
        items: Vec::new(),
    };
    match block {
        Block::Heading(_, text) => lead(vec![String::new(), bold(text)]),
        Block::Subject { id, name } => lead(vec![String::new(), bold(&format!("{id} {name}"))]),
        Block::Note(text) => lead(vec![plain(text)]),
        Block::Nothing(text) => lead(vec![italic(text)]),
        Block::Table(t) => Part {
            lead: t.caption.iter().map(|c| plain(c)).collect(),
            items: rows(t, lang),
        },
        Block::Targets(targets) => Part {
            lead: Vec::new(),
            items: rows(&TargetRow::table(targets, lang), lang),
        },
        Block::List(lines) => Part {
            lead: Vec::new(),
            items: lines.iter().map(|l| format!("• {}", plain(l))).collect(),
        },
        Block::Fields(fields) => lead(
            fields
                .iter()
                .map(|(k, v)| format!("{}: {}", plain(k), plain(v)))
                .collect(),
        ),
        // A chart has no chat form; the text report draws it.
        Block::Timeline => lead(Vec::new()),
    }
}

/// The head, then every part with the first `shown` of its items and, for
/// a list cut short, how many more there are.
fn write(head: &[String], parts: &[Part], shown: &[usize], lang: Lang) -> String {
    let mut lines: Vec<String> = head.to_vec();
    lines.push(String::new());
    for (p, &n) in parts.iter().zip(shown) {
        lines.extend(p.lead.iter().cloned());
        lines.extend(p.items.iter().take(n).cloned());
        if n < p.items.len() {
            let more = lang.followups().chat_more;
            lines.push(italic(&fill(more, &[&(p.items.len() - n)])));
        }
    }
    // No blank line at the start of a part right after the head's.
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            if !blank && !out.is_empty() {
                out.push('\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Each row on one line: its number (where the first column counts the
/// rows) or a bullet, the main cell, then the others a narrow page keeps.
fn rows(t: &Table, lang: Lang) -> Vec<String> {
    let counted = t.cols.first().is_some_and(|c| c.holds == Holds::Num)
        && t.rows
            .iter()
            .enumerate()
            .all(|(i, r)| r.first() == Some(&Cell::Int(i as i64 + 1)));
    let main = t
        .cols
        .iter()
        .position(|c| c.flex)
        .or_else(|| t.cols.iter().position(|c| c.holds == Holds::Main));
    t.rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let marker = if counted {
                format!("{}.", i + 1)
            } else {
                "•".to_string()
            };
            let shown = |at: usize| -> Option<String> {
                let value = row.get(at)?.show(lang, false);
                (!value.trim().is_empty()).then(|| plain(&value))
            };
            let first = main.and_then(shown);
            let rest: Vec<String> = (0..t.cols.len())
                .filter(|&at| Some(at) != main && !(counted && at == 0))
                .filter(|&at| {
                    let col = &t.cols[at];
                    col.chat || (col.drop == 0 && !col.wide_only)
                })
                .filter_map(|at| {
                    let value = shown(at)?;
                    let col = &t.cols[at];
                    Some(match col.holds {
                        Holds::Num | Holds::Code => format!("{} {value}", plain(&col.title)),
                        Holds::Text | Holds::Main => value,
                    })
                })
                .collect();
            match (first, rest.is_empty()) {
                (Some(first), true) => format!("{marker} {first}"),
                (Some(first), false) => format!("{marker} {first} ({})", rest.join(", ")),
                (None, _) => format!("{marker} {}", rest.join(", ")),
            }
        })
        .collect()
}

/// Text from the plan, made inert: control characters escaped, and the
/// marks WhatsApp reads as emphasis (`*`, `_`, `~`, a backquote) turned into
/// look-alikes that it does not, so a name cannot bold half the message.
fn plain(text: &str) -> String {
    crate::text::escape(text)
        .chars()
        .map(|c| match c {
            '*' => '∗',
            '_' => '＿',
            '~' => '∼',
            '`' => 'ˋ',
            '\n' | '\r' => ' ',
            c => c,
        })
        .collect()
}

fn bold(text: &str) -> String {
    format!("*{}*", plain(text))
}

fn italic(text: &str) -> String {
    format!("_{}_", plain(text))
}
