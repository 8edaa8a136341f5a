//! CSV reports for spreadsheets: a header row, then one row per program (per
//! milestone for overdue and upcoming, per target for targets).
//!
//! RFC 4180: records end in CRLF; a cell holding the separator, a quote or a
//! line break is quoted, quotes doubled. UTF-8 without a byte-order mark.
//! Against spreadsheet formula injection a text cell that begins with `=`,
//! `+`, `@`, a tab or a carriage return, or with `-` when it is not a number,
//! gets a leading `'` (as does one that begins with `'`, so that `pantau
//! import` takes exactly one off). Control and bidi characters in data are written
//! escaped (`\u{1b}`), except a line break inside a quoted cell.
//!
//! With `;` as the separator (spreadsheets in the Indonesian locale) numbers
//! get a decimal comma, which those spreadsheets expect; otherwise a point.

use super::document::{Cell, Table};
use super::{Ctx, Kind};
use crate::i18n::Lang;
use crate::plan::model::{is_due_within, is_overdue};

pub(crate) fn render(ctx: &Ctx) -> String {
    let mut w = Writer {
        out: String::new(),
        sep: ctx.request.sep,
        comma: ctx.request.sep == ';',
        first: true,
    };
    match ctx.request.kind {
        Kind::Overview | Kind::Dimension | Kind::Program | Kind::Timeline => {
            w.table(&super::sheet::programmes(ctx, true), ctx.lang);
        }
        Kind::Overdue | Kind::Upcoming => w.table(&milestone_table(ctx), ctx.lang),
        Kind::Evaluation => super::evaluation::with(ctx, |_, est| {
            w.table(&super::evaluation::table(ctx, est), ctx.lang);
        }),
        Kind::Targets => w.table(&super::sheet::targets(ctx, true), ctx.lang),
        Kind::Quarter => w.table(&super::quarter::table(ctx), ctx.lang),
        Kind::Alignment => w.table(&super::alignment::table(ctx), ctx.lang),
        Kind::FollowUps => w.table(
            &super::followups::table(ctx, &super::followups::selected(ctx)),
            ctx.lang,
        ),
    }
    w.out
}

/// The overdue or upcoming milestones, with the days late or left.
pub(crate) fn milestone_table(ctx: &Ctx) -> Table {
    let (r, t) = (ctx.r(), ctx.t());
    let late = ctx.request.kind == Kind::Overdue;
    let header = [
        r.dimension,
        r.id,
        r.program,
        r.status,
        r.lead,
        r.due,
        r.milestone,
        if late { r.days_late } else { r.days_left },
    ];
    let list = if late { ctx.overdue() } else { ctx.upcoming() };
    let mut rows = Vec::new();
    for (dimension, items) in &list.groups {
        for m in items {
            debug_assert!(if late {
                is_overdue(m.program, m.milestone, ctx.today)
            } else {
                is_due_within(m.program, m.milestone, ctx.today, ctx.request.days)
            });
            rows.push(vec![
                Cell::Text(dimension.name.clone()),
                Cell::Text(m.program.id.clone()),
                Cell::Text(m.program.name.clone()),
                Cell::Text(t.status(m.program.status).to_string()),
                Cell::Text(m.program.lead.clone()),
                Cell::Date(m.due),
                Cell::Text(m.milestone.title.clone()),
                Cell::Int(if late {
                    Ctx::days(m.due, ctx.today)
                } else {
                    Ctx::days(ctx.today, m.due)
                }),
            ]);
        }
    }
    let widths = [16.0, 10.0, 40.0, 14.0, 28.0, 12.0, 48.0, 10.0];
    let name = ctx.title(rows.len());
    Table {
        rows,
        ..Table::sheet(name, header.into_iter().zip(widths))
    }
}

pub(crate) struct Writer {
    pub(crate) out: String,
    sep: char,
    /// Decimal comma (for `;`-separated files).
    comma: bool,
    /// At the start of a record.
    first: bool,
}

impl Writer {
    /// A comma-separated file with a decimal point.
    pub(crate) fn new() -> Writer {
        Writer {
            out: String::new(),
            sep: ',',
            comma: false,
            first: true,
        }
    }

    /// A table: its column titles, then its rows.
    pub(crate) fn table(&mut self, table: &Table, lang: Lang) {
        let words = &lang.text().sheets;
        for col in &table.cols {
            self.text(&col.title);
        }
        self.end();
        for row in &table.rows {
            for cell in row {
                match cell {
                    Cell::Text(s) => self.text(s),
                    Cell::Word { full, .. } => self.text(full),
                    Cell::Int(n) => self.int(*n),
                    Cell::Num(v) => self.number(*v),
                    Cell::Decimal(v) => self.decimal(*v),
                    Cell::Date(d) => self.text(&d.to_string()),
                    Cell::Bool(b) => self.text(if *b { words.yes } else { words.no }),
                }
            }
            self.end();
        }
    }

    fn start_cell(&mut self) {
        if !self.first {
            self.out.push(self.sep);
        }
        self.first = false;
    }

    /// A cell of data: escaped, neutralised, quoted as needed.
    pub(crate) fn text(&mut self, value: &str) {
        self.start_cell();
        let value = safe(value);
        let value = if needs_neutralising(&value) {
            format!("'{value}")
        } else {
            value
        };
        self.raw(&value);
    }

    /// A figure of pantau's own (never neutralised).
    fn number(&mut self, value: Option<f64>) {
        self.start_cell();
        if let Some(v) = value {
            let s = format!("{v}");
            let s = if self.comma { s.replace('.', ",") } else { s };
            self.raw(&s);
        }
    }

    /// A figure of pantau's own with two decimals (an achievement).
    fn decimal(&mut self, value: Option<f64>) {
        self.start_cell();
        if let Some(v) = value {
            let s = format!("{v:.2}");
            let s = if self.comma { s.replace('.', ",") } else { s };
            self.raw(&s);
        }
    }

    pub(crate) fn int(&mut self, value: i64) {
        self.start_cell();
        self.out.push_str(&value.to_string());
    }

    fn raw(&mut self, value: &str) {
        let quote = value
            .chars()
            .any(|c| c == self.sep || matches!(c, '"' | '\n' | '\r'));
        if quote {
            self.out.push('"');
            self.out.push_str(&value.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(value);
        }
    }

    pub(crate) fn end(&mut self) {
        self.out.push_str("\r\n");
        self.first = true;
    }
}

/// Control and bidi characters escaped, line breaks kept (the cell is then quoted).
fn safe(value: &str) -> String {
    value
        .split('\n')
        .map(|line| crate::text::escape(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether a spreadsheet could take the cell for a formula.
fn needs_neutralising(value: &str) -> bool {
    match value.chars().next() {
        // A leading `'` is doubled, so import can always take one off.
        Some('=' | '+' | '@' | '\t' | '\r' | '\'') => true,
        Some('-') => !is_number(value),
        _ => false,
    }
}

/// A plain decimal number such as `-12.5`, `-12,5` or `-1e3` (not `-inf`).
fn is_number(value: &str) -> bool {
    value.chars().any(|c| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | ',' | 'e' | 'E'))
        && value.replacen(',', ".", 1).parse::<f64>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_numbers_are_not() {
        for cell in [
            "=1+1", "+62 812", "@SUM(A1)", "-x", "-", "\tx", "-inf", "=-1",
        ] {
            assert!(needs_neutralising(cell), "{cell:?}");
        }
        for cell in ["-12.5", "-12,5", "-1e3", "12", "a=b", "", "Dinas PMD"] {
            assert!(!needs_neutralising(cell), "{cell:?}");
        }
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        let mut w = Writer {
            out: String::new(),
            sep: ';',
            comma: true,
            first: true,
        };
        w.text("a;b");
        w.text("say \"hi\"");
        w.text("two\nlines");
        w.number(Some(12.66));
        w.end();
        assert_eq!(w.out, "\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";12,66\r\n");
    }
}
