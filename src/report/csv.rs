//! CSV reports for spreadsheets: a header row, then one row per program (per
//! milestone for overdue and upcoming, per target for targets).
//!
//! RFC 4180: records end in CRLF; a cell holding the separator, a quote or a
//! line break is quoted, quotes doubled. UTF-8 without a byte-order mark.
//! Against spreadsheet formula injection a text cell that begins with `=`,
//! `+`, `@`, a tab or a carriage return, or with `-` when it is not a number,
//! gets a leading `'`. Control and bidi characters in data are written
//! escaped (`\u{1b}`), except a line break inside a quoted cell.
//!
//! With `;` as the separator (spreadsheets in the Indonesian locale) numbers
//! get a decimal comma, which those spreadsheets expect; otherwise a point.

use super::{Ctx, Kind, whole_percent};
use crate::plan::model::{is_due_within, is_overdue};

pub(crate) fn render(ctx: &Ctx) -> String {
    let mut w = Writer {
        out: String::new(),
        sep: ctx.request.sep,
        comma: ctx.request.sep == ';',
        first: true,
    };
    let r = ctx.r();
    let t = ctx.t();
    match ctx.request.kind {
        Kind::Overview | Kind::Dimension | Kind::Program | Kind::Timeline => {
            w.header(&[
                r.dimension,
                r.id,
                r.program,
                r.element,
                r.horizon,
                r.status,
                r.lead,
                r.support,
                r.funding,
                r.start,
                r.end,
                r.milestones,
                r.milestones_done,
                r.overdue,
                r.next_due,
                r.targets,
                r.description,
                r.notes,
            ]);
            for group in &ctx.sel.groups {
                for p in &group.programs {
                    let done = p.milestones.iter().filter(|m| m.done).count();
                    let overdue = p
                        .milestones
                        .iter()
                        .filter(|m| is_overdue(p, m, ctx.today))
                        .count();
                    // A closed program's open milestones are no one's to chase.
                    let next = p
                        .milestones
                        .iter()
                        .filter(|m| !m.done && !p.status.is_closed())
                        .filter_map(|m| m.due_date())
                        .min();
                    w.text(&group.dimension.name);
                    w.text(&p.id);
                    w.text(&p.name);
                    w.text(&p.element);
                    w.text(t.horizon(p.horizon));
                    w.text(t.status(p.status));
                    w.text(&p.lead);
                    w.text(&p.support.join(", "));
                    w.text(&p.funding.join(", "));
                    w.int(i64::from(p.start));
                    w.int(i64::from(p.end));
                    w.int(p.milestones.len() as i64);
                    w.int(done as i64);
                    w.int(overdue as i64);
                    w.text(&next.map_or_else(String::new, |d| d.to_string()));
                    w.int(p.targets.len() as i64);
                    w.text(&p.description);
                    w.text(&p.notes);
                    w.end();
                }
            }
        }
        Kind::Overdue | Kind::Upcoming => {
            let late = ctx.request.kind == Kind::Overdue;
            w.header(&[
                r.dimension,
                r.id,
                r.program,
                r.status,
                r.lead,
                r.due,
                r.milestone,
                if late { r.days_late } else { r.days_left },
            ]);
            let list = if late { ctx.overdue() } else { ctx.upcoming() };
            for (dimension, items) in &list.groups {
                for m in items {
                    debug_assert!(if late {
                        is_overdue(m.program, m.milestone, ctx.today)
                    } else {
                        is_due_within(m.program, m.milestone, ctx.today, ctx.request.days)
                    });
                    w.text(&dimension.name);
                    w.text(&m.program.id);
                    w.text(&m.program.name);
                    w.text(t.status(m.program.status));
                    w.text(&m.program.lead);
                    w.text(&m.due.to_string());
                    w.text(&m.milestone.title);
                    w.int(if late {
                        Ctx::days(m.due, ctx.today)
                    } else {
                        Ctx::days(ctx.today, m.due)
                    });
                    w.end();
                }
            }
        }
        Kind::Evaluation => super::evaluation::with(ctx, |_, est| {
            use super::evaluation::Cell;
            let (head, rows) = super::evaluation::csv_rows(ctx, est);
            w.header(&head);
            for row in rows {
                for cell in row {
                    match cell {
                        Cell::Text(s) => w.text(&s),
                        Cell::Int(n) => w.int(n),
                        Cell::Num(v) => w.number(v),
                    }
                }
                w.end();
            }
        }),
        Kind::Targets => {
            w.header(&[
                r.dimension,
                r.id,
                r.program,
                r.year,
                r.indicator,
                r.unit,
                r.baseline,
                r.target,
                r.actual,
                r.achievement,
                r.counted,
                r.band,
                t.forms.fields.direction,
                t.forms.fields.base_year,
                t.forms.fields.source,
                t.forms.fields.definition,
            ]);
            for (dimension, items) in &ctx.targets().groups {
                for item in items {
                    let target = item.target;
                    let capaian = ctx.capaian(target);
                    w.text(&dimension.name);
                    w.text(&item.program.id);
                    w.text(&item.program.name);
                    w.int(i64::from(target.year));
                    w.text(&target.indicator);
                    w.text(&target.unit);
                    w.number(target.baseline);
                    w.number(Some(target.target));
                    w.number(target.actual);
                    for figure in [capaian.computed(), capaian.counted()] {
                        match figure {
                            Some(p) => w.int(whole_percent(p)),
                            None => w.text(""),
                        }
                    }
                    w.text(capaian.verdict(ctx.lang));
                    w.text(target.direction.key());
                    match target.base_year {
                        Some(y) => w.int(i64::from(y)),
                        None => w.text(""),
                    }
                    w.text(&target.source);
                    w.text(&target.definition);
                    w.end();
                }
            }
        }
    }
    w.out
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

    pub(crate) fn header(&mut self, names: &[&str]) {
        for name in names {
            self.text(name);
        }
        self.end();
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
        Some('=' | '+' | '@' | '\t' | '\r') => true,
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
