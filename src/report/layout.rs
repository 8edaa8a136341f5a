//! The shape of a plain-text report, whatever it reports: a document of
//! lines (a header repeated on every page, lines kept with the next), tables
//! that fit a width by dropping or shrinking columns, and the cut into pages.
//! The text renderer and the printed timeline both build on it.

use super::ReportError;
use super::document::{Holds, Table as DocTable};
use crate::i18n::Lang;
use crate::text::{Glyphs, escape, fit, width};
use std::borrow::Cow;

/// A text report before it is cut into pages.
#[derive(Default)]
pub(crate) struct Doc {
    pub header: Vec<String>,
    pub body: Vec<Line>,
}

pub(crate) struct Line {
    pub text: String,
    /// Keep on the same page as the next line.
    pub keep: bool,
}

impl Doc {
    pub fn line(&mut self, text: impl Into<String>) {
        self.body.push(Line {
            text: text.into(),
            keep: false,
        });
    }

    pub fn keep(&mut self, text: impl Into<String>) {
        self.body.push(Line {
            text: text.into(),
            keep: true,
        });
    }

    /// An empty line, unless the body is empty or already ends in one.
    pub fn blank(&mut self) {
        if self.body.last().is_some_and(|l| !l.text.is_empty()) {
            self.line("");
        }
    }

    /// A dimension or section heading, underlined, kept with what follows.
    pub fn heading(&mut self, text: &str, w: usize, g: &Glyphs) {
        self.blank();
        let text = fit(text, w, g.ellipsis);
        let rule = g.thin_rule.repeat(width(&text));
        self.keep(text);
        self.keep(rule);
    }

    /// The lines of a [`table`]: its header and rule kept with the first row.
    pub fn table(&mut self, lines: Vec<String>, header: bool) {
        for (i, line) in lines.into_iter().enumerate() {
            if header && i < 2 {
                self.keep(line);
            } else {
                self.line(line);
            }
        }
    }
}

/// A column of a [`table`].
pub(crate) struct Col<'a> {
    title: &'a str,
    right: bool,
    flex: bool,
    /// 0: always shown; otherwise dropped when the width is short, highest first.
    drop: u8,
}

impl<'a> Col<'a> {
    pub fn left(title: &'a str) -> Col<'a> {
        Col {
            title,
            right: false,
            flex: false,
            drop: 0,
        }
    }

    pub fn right(title: &'a str) -> Col<'a> {
        Col {
            right: true,
            ..Col::left(title)
        }
    }

    /// The column that takes the room the others leave (at most one per table).
    pub fn flex(title: &'a str) -> Col<'a> {
        Col {
            flex: true,
            ..Col::left(title)
        }
    }

    pub fn drop(self, rank: u8) -> Col<'a> {
        Col { drop: rank, ..self }
    }
}

/// A table's columns for text: figures right, the first main column the
/// one that gives way, the wide-only ones left out.
pub(crate) fn columns(t: &DocTable) -> Vec<Col<'_>> {
    let flex = t.cols.iter().position(|c| c.flex).or_else(|| {
        t.cols
            .iter()
            .position(|c| c.holds == Holds::Main && !c.wide_only)
    });
    t.cols
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.wide_only)
        .map(|(i, c)| {
            let col = match c.holds {
                _ if Some(i) == flex => Col::flex(&c.title),
                _ if c.right => Col::right(&c.title),
                _ => Col::left(&c.title),
            };
            col.drop(c.drop)
        })
        .collect()
}

/// A table's cells as text shows them, the wide-only columns left out.
pub(crate) fn cells(t: &DocTable, lang: Lang) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&t.cols)
                .filter(|(_, c)| !c.wide_only)
                .map(|(cell, _)| cell.show(lang, true).into_owned())
                .collect()
        })
        .collect()
}

const GAP: usize = 2;
/// The flexible column is not squeezed below this while a column can be dropped.
const FLEX_MIN: usize = 24;

/// Rows (of data, escaped here) in columns two spaces apart after `indent`
/// spaces, never wider than `w`: optional columns are dropped, the flexible
/// one shrinks, and as a last resort the line is cut. With `header`, the
/// titles and a rule come first.
pub(crate) fn table(
    cols: &[Col],
    rows: &[Vec<String>],
    w: usize,
    indent: usize,
    header: bool,
    g: &Glyphs,
) -> Vec<String> {
    Table::new(cols, rows, header).render(w, indent, g)
}

/// Cells escaped and measured once, however often they are laid out.
pub(crate) struct Table<'c, 'r> {
    cols: &'c [Col<'c>],
    titles: Vec<(Cow<'c, str>, usize)>,
    cells: Vec<Vec<(Cow<'r, str>, usize)>>,
    natural: Vec<usize>,
    header: bool,
}

impl<'c, 'r> Table<'c, 'r> {
    pub fn new(cols: &'c [Col<'c>], rows: &'r [Vec<String>], header: bool) -> Table<'c, 'r> {
        let measure = |s: &'r str| {
            let e = escape(s);
            let n = width(&e);
            (e, n)
        };
        let cells: Vec<Vec<(Cow<str>, usize)>> = rows
            .iter()
            .map(|row| row.iter().map(|c| measure(c)).collect())
            .collect();
        let titles: Vec<(Cow<str>, usize)> = cols
            .iter()
            .map(|c| {
                let e = escape(c.title);
                let n = width(&e);
                (e, n)
            })
            .collect();
        let natural = (0..cols.len())
            .map(|i| {
                let title = if header { titles[i].1 } else { 0 };
                cells
                    .iter()
                    .map(|row| row[i].1)
                    .max()
                    .unwrap_or(0)
                    .max(title)
            })
            .collect();
        Table {
            cols,
            titles,
            cells,
            natural,
            header,
        }
    }

    /// The width of the widest line with every column at its natural width.
    pub fn natural_width(&self) -> usize {
        self.natural.iter().sum::<usize>() + GAP * self.cols.len().saturating_sub(1)
    }

    pub fn render(&self, w: usize, indent: usize, g: &Glyphs) -> Vec<String> {
        let (cols, natural) = (self.cols, &self.natural);
        let flex = cols.iter().position(|c| c.flex);
        let mut on = vec![true; cols.len()];
        let (active, widths) = loop {
            let active: Vec<usize> = (0..cols.len()).filter(|&i| on[i]).collect();
            let fixed = indent
                + GAP * active.len().saturating_sub(1)
                + active
                    .iter()
                    .filter(|&&i| Some(i) != flex)
                    .map(|&i| natural[i])
                    .sum::<usize>();
            let flex_need = flex
                .filter(|&f| on[f])
                .map_or(0, |f| natural[f].min(FLEX_MIN));
            let victim = active
                .iter()
                .copied()
                .filter(|&i| cols[i].drop > 0)
                .max_by_key(|&i| cols[i].drop);
            if fixed.saturating_add(flex_need) > w
                && let Some(i) = victim
            {
                on[i] = false;
                continue;
            }
            let mut widths = natural.clone();
            if let Some(f) = flex {
                widths[f] = natural[f].min(w.saturating_sub(fixed));
            }
            break (active, widths);
        };
        let used =
            active.iter().map(|&i| widths[i]).sum::<usize>() + GAP * active.len().saturating_sub(1);
        let line = |row: &[(Cow<str>, usize)]| -> String {
            let mut s = String::with_capacity(indent + used + 16);
            s.extend(std::iter::repeat_n(' ', indent));
            for (k, &i) in active.iter().enumerate() {
                if k > 0 {
                    s.push_str("  ");
                }
                let (cell, n) = &row[i];
                let (cell, n) = if *n <= widths[i] {
                    (Cow::Borrowed(cell.as_ref()), *n)
                } else {
                    let cut = fit(cell, widths[i], g.ellipsis);
                    let n = width(&cut);
                    (Cow::Owned(cut), n)
                };
                let room = widths[i].saturating_sub(n);
                if cols[i].right {
                    s.extend(std::iter::repeat_n(' ', room));
                    s.push_str(&cell);
                } else {
                    s.push_str(&cell);
                    s.extend(std::iter::repeat_n(' ', room));
                }
            }
            s.truncate(s.trim_end().len());
            if indent + used > w {
                fit(&s, w, g.ellipsis)
            } else {
                s
            }
        };
        let mut out = Vec::with_capacity(self.cells.len() + 2);
        if self.header {
            out.push(line(&self.titles));
            out.push(format!(
                "{}{}",
                " ".repeat(indent),
                g.thin_rule.repeat(used.min(w.saturating_sub(indent)))
            ));
        }
        for row in &self.cells {
            out.push(line(row));
        }
        out
    }
}

/// How dates map onto the columns of a timeline, on paper and on screen
/// alike, so the two never disagree by a column: `cols` columns for `years`
/// years from `first_year`, each year 366 days wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub first_year: i32,
    pub years: usize,
    pub cols: usize,
}

impl Scale {
    /// The column of day `day` (from 0) of `year`, if the year is on the scale.
    pub fn col(&self, year: i32, day: i64) -> Option<usize> {
        let at = i64::from(year) - i64::from(self.first_year);
        let years = self.years as i64;
        if at < 0 || at >= years {
            return None;
        }
        let cols = self.cols as i64;
        Some(((at * 366 + day.clamp(0, 365)) * cols / (years * 366)) as usize)
    }

    pub fn date(&self, date: jiff::civil::Date) -> Option<usize> {
        self.col(i32::from(date.year()), i64::from(date.day_of_year()) - 1)
    }

    /// The columns a whole year covers.
    pub fn year(&self, year: i32) -> Option<std::ops::Range<usize>> {
        Some(self.col(year, 0)?..self.col(year, 365)? + 1)
    }
}

/// The lines of `doc`, with a form feed and the header again every `pages`
/// lines when asked.
pub(crate) fn paginate(doc: &Doc, pages: Option<usize>) -> Result<String, ReportError> {
    let size: usize = doc
        .header
        .iter()
        .chain(doc.body.iter().map(|l| &l.text))
        .map(|l| l.len() + 1)
        .sum();
    let mut out = String::with_capacity(size + 64);
    let push_header = |out: &mut String| {
        for line in &doc.header {
            out.push_str(line);
            out.push('\n');
        }
    };
    let Some(page) = pages else {
        push_header(&mut out);
        for line in &doc.body {
            out.push_str(&line.text);
            out.push('\n');
        }
        return Ok(out);
    };
    let header = doc.header.len();
    // A page holds the header and at least two lines of the body.
    if page < header + 2 {
        return Err(ReportError::Pages {
            min: header + 2,
            header,
        });
    }
    let room = page - header;
    push_header(&mut out);
    let mut used = 0;
    for (i, line) in doc.body.iter().enumerate() {
        // This line and those kept with it: a heading, its rule, the first row.
        let chain = doc.body[i..].iter().take_while(|l| l.keep).count() + 1;
        let must = used == room;
        let should = used > 0
            && used + chain.min(doc.body.len() - i) > room
            && chain <= room
            && (i == 0 || !doc.body[i - 1].keep);
        if must || should {
            out.push('\u{c}');
            push_header(&mut out);
            used = 0;
        }
        if used == 0 && line.text.is_empty() {
            continue;
        }
        out.push_str(&line.text);
        out.push('\n');
        used += 1;
    }
    Ok(out)
}
