//! A report's content, built once per kind and laid out by each format: a
//! title and a list of blocks (headings, notes, tables, field lists). The
//! builders in [`super::build`] and [`super::evaluation`] make documents; the
//! text, Markdown and HTML renderers lay them out, each in its own file.

use crate::i18n::Lang;
use crate::i18n::format::{decimal, number};
use jiff::civil::Date;
use std::borrow::Cow;

/// What a report says, before any format.
pub(crate) struct Document {
    /// "Overdue milestones (9)": the third header line in text, `##` in
    /// Markdown, the `<h1>` (and the tab's title) in HTML.
    pub title: String,
    /// Markdown leaves the title out and starts its headings a level
    /// higher: the title is already said, above (the overview's is the
    /// plan's own) or by the first heading (the program's "GOV-01 · name").
    pub headed: bool,
    /// A listing rather than a report (`pantau rollup`): text sets it
    /// without a page header, its headings unruled, each part after a
    /// blank line.
    pub listing: bool,
    pub blocks: Vec<Block>,
}

impl Document {
    /// A report whose title heads it in every format (not a listing).
    pub fn report(title: String, blocks: Vec<Block>) -> Document {
        Document {
            title,
            headed: false,
            listing: false,
            blocks,
        }
    }
}

pub(crate) enum Block {
    /// A heading under the title: 2 for a dimension or a section, 3 for a
    /// part of one (text rules only the first).
    Heading(u8, String),
    /// A heading naming one thing by its id and name: text sets the two
    /// apart like columns, the others join them with a dot.
    Subject {
        id: String,
        name: String,
    },
    /// A sentence of its own, wrapped in text.
    Note(String),
    /// Said where a list has nothing in it ("none", "no programmes").
    Nothing(String),
    Table(Table),
    /// Targets with their figures: a table in Markdown and HTML, two or
    /// three lines each in text (aligned down the page).
    Targets(Vec<TargetRow>),
    /// Lines of their own, one thing each (a region behind, a plan that
    /// did not load).
    List(Vec<String>),
    /// Labelled values, one per line (a programme's fields).
    Fields(Vec<(String, String)>),
    /// The programmes on the plan's years, drawn at the renderer's width.
    Timeline,
}

/// The one table type: columns that say what they hold, rows of cells.
/// Reports show it; CSV writes it and an XLSX workbook makes it a worksheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// The worksheet's name in a workbook (empty in a report's body).
    pub name: String,
    pub cols: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// A line about the rows, just above them (a dimension's tally).
    pub caption: Option<String>,
    /// Text: laid out together with the document's other aligned tables, so
    /// that their columns line up down the page.
    pub aligned: bool,
    /// The last row is a total, set in bold.
    pub total: bool,
    /// Text: against the left margin instead of indented.
    pub flush: bool,
    /// Text: the rows alone, without the column titles (a checklist).
    pub bare: bool,
}

impl Table {
    pub fn new(cols: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            name: String::new(),
            cols,
            rows,
            caption: None,
            aligned: false,
            total: false,
            flush: false,
            bare: false,
        }
    }

    /// A table for a spreadsheet: its worksheet's name, and each column's
    /// title with its width in characters.
    pub fn sheet<'a>(name: String, cols: impl IntoIterator<Item = (&'a str, f64)>) -> Table {
        Table {
            name,
            ..Table::new(
                cols.into_iter()
                    .map(|(title, width)| Column {
                        width,
                        ..Column::new(title, Holds::Text)
                    })
                    .collect(),
                Vec::new(),
            )
        }
    }
}

/// What a column holds, which decides how each format sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    /// Names and running text.
    Text,
    /// What the table is about (a programme, a milestone): given the most
    /// room, and in text the column that gives way on a narrow page.
    Main,
    /// Ids and dates: kept on one line.
    Code,
    /// Figures: aligned right.
    Num,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub title: String,
    pub holds: Holds,
    /// Aligned right in text and Markdown (figures, and "3 days late").
    pub right: bool,
    /// Text: 0 always shown; otherwise left out on a narrow page, highest first.
    pub drop: u8,
    /// Text: the column that gives way on a narrow page; when none is
    /// marked, the first main column text shows.
    pub flex: bool,
    /// Text leaves the column out (Markdown and HTML have the room).
    pub wide_only: bool,
    /// XLSX: the column's width in characters.
    pub width: f64,
    /// A chat message keeps it though a narrow text page drops it (who is
    /// to act, in a reminder).
    pub chat: bool,
}

impl Column {
    pub fn new(title: &str, holds: Holds) -> Column {
        Column {
            title: title.to_string(),
            holds,
            right: holds == Holds::Num,
            drop: 0,
            flex: false,
            wide_only: false,
            width: 12.0,
            chat: false,
        }
    }

    pub fn chat(self) -> Column {
        Column { chat: true, ..self }
    }

    pub fn drop(self, rank: u8) -> Column {
        Column { drop: rank, ..self }
    }

    pub fn right(self) -> Column {
        Column {
            right: true,
            ..self
        }
    }

    pub fn flex(self) -> Column {
        Column { flex: true, ..self }
    }

    pub fn wide_only(self) -> Column {
        Column {
            wide_only: true,
            ..self
        }
    }
}

/// One cell: what it is, so each format can write it its way.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    /// A word with a shorter form for a text table ("Short term", "Short").
    Word {
        full: &'static str,
        short: &'static str,
    },
    Int(i64),
    /// A figure that may be unknown (an empty cell).
    Num(Option<f64>),
    /// A figure always written with two decimals, as an achievement is
    /// (98,72); may be unknown.
    Decimal(Option<f64>),
    Date(Date),
    Bool(bool),
}

impl Cell {
    /// The cell as a person reads it in `lang`; `short` in a text table.
    pub fn show(&self, lang: Lang, short: bool) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Word { full, short: s } => Cow::Borrowed(if short { s } else { full }),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Num(v) => Cow::Owned(v.map_or_else(String::new, |v| number(v, lang))),
            Cell::Decimal(v) => Cow::Owned(v.map_or_else(String::new, |v| decimal(v, lang))),
            Cell::Date(d) => Cow::Owned(crate::i18n::format::date(*d, lang)),
            Cell::Bool(b) => {
                let words = &lang.text().sheets;
                Cow::Borrowed(if *b { words.yes } else { words.no })
            }
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

/// One target as every format shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TargetRow {
    pub year: i32,
    /// The programme, when the list is not one programme's.
    pub id: Option<String>,
    pub indicator: String,
    /// What the target says of itself: "lower is better · base year 2021".
    pub about: Option<String>,
    pub unit: String,
    pub baseline: Option<f64>,
    /// The target as printed: "80", or a range "80–90".
    pub goal: String,
    pub actual: Option<f64>,
    /// The achievement ("98,72 %").
    pub percent: String,
    /// The verdict ("Very good").
    pub band: String,
}

impl TargetRow {
    /// The rows as a table: year, programme, indicator, unit, figures,
    /// achievement, verdict, and in the remarks what the target says of
    /// itself (its kind, direction, base year, source).
    pub fn table(rows: &[TargetRow], lang: Lang) -> Table {
        let r = lang.report();
        let with_id = rows.first().is_some_and(|t| t.id.is_some());
        let mut cols = vec![Column::new(r.year, Holds::Code)];
        if with_id {
            cols.push(Column::new(r.id, Holds::Code));
        }
        cols.extend([
            Column::new(r.indicator, Holds::Main),
            Column::new(r.unit, Holds::Text),
            Column::new(r.baseline, Holds::Num),
            Column::new(r.target, Holds::Num),
            Column::new(r.actual, Holds::Num),
            Column::new(r.achievement, Holds::Num),
            Column::new(r.band, Holds::Text),
            Column::new(r.remarks, Holds::Text),
        ]);
        let rows = rows
            .iter()
            .map(|t| {
                let mut row = vec![Cell::Int(i64::from(t.year))];
                row.extend(t.id.clone().map(Cell::Text));
                row.extend([
                    Cell::Text(t.indicator.clone()),
                    Cell::Text(t.unit.clone()),
                    Cell::Num(t.baseline),
                    Cell::Text(t.goal.clone()),
                    Cell::Num(t.actual),
                    Cell::Text(t.percent.clone()),
                    Cell::Text(t.band.clone()),
                    Cell::Text(t.about.clone().unwrap_or_default()),
                ]);
                row
            })
            .collect();
        Table::new(cols, rows)
    }
}
