//! The spreadsheet layout: the tables pantau writes as CSV and XLSX and reads
//! back with `pantau import`. One registry of columns per table says, for
//! each column, its header in both languages, the cell it writes and the
//! field it sets on import, so what is exported is exactly what imports.
//!
//! A table's columns are either a field of the plan (imported) or a figure
//! pantau works out, such as the count of overdue milestones or a target's
//! achievement (written for the reader, skipped on import).

use super::Ctx;
use crate::i18n::Lang;
use crate::i18n::report::ReportText;
use crate::plan::field::{HeaderField, MilestoneField, ProgramField, TargetField};
use crate::plan::model::{Milestone, Program, Target, is_overdue};
use crate::plan::schema::{Kind, PROGRAMME};
use std::sync::LazyLock;

/// One cell as pantau writes it: XLSX keeps the type (a number stays a
/// number, a date a date), CSV writes the text.
pub(crate) use super::document::{Cell, Table};

/// The tables of a plan that import reads back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The plan's own fields, one per row: field, value.
    Plan,
    Programmes,
    Milestones,
    Targets,
}

impl Sheet {
    pub const ALL: [Sheet; 4] = [
        Sheet::Plan,
        Sheet::Programmes,
        Sheet::Milestones,
        Sheet::Targets,
    ];

    /// The worksheet's name in `lang` (at most 31 characters, as Excel allows).
    pub fn name(self, lang: Lang) -> &'static str {
        let s = &lang.text().sheets;
        match self {
            Sheet::Plan => s.plan,
            Sheet::Programmes => s.programmes,
            Sheet::Milestones => s.milestones,
            Sheet::Targets => s.targets,
        }
    }

    /// Whether import reads `column` in this table: not a figure pantau
    /// works out, nor in the milestones and targets tables the programme's
    /// dimension and name, which are there for the reader (the programmes
    /// table sets them).
    pub(crate) fn imports(self, column: Column) -> bool {
        match column {
            Column::Figure(_) => false,
            Column::Dimension | Column::Program(_)
                if matches!(self, Sheet::Milestones | Sheet::Targets) =>
            {
                column == Column::Program(ProgramField::Id)
            }
            _ => true,
        }
    }

    /// The table's columns, in the order they are written.
    pub(crate) fn columns(self) -> &'static [Column] {
        match self {
            Sheet::Plan => &[Column::Field, Column::Value],
            Sheet::Programmes => programme_columns(),
            Sheet::Milestones => MILESTONES,
            Sheet::Targets => TARGETS,
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// The programme's dimension, by name (its id reads too).
    Dimension,
    Program(ProgramField),
    Milestone(MilestoneField),
    Target(TargetField),
    /// The plan sheet's two columns.
    Field,
    Value,
    /// A figure pantau works out; import skips it.
    Figure(Figure),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Figure {
    Milestones,
    MilestonesDone,
    Overdue,
    NextDue,
    Targets,
    Achievement,
    Band,
}

use Column::{Dimension as Dim, Figure as Fig, Milestone as M, Program as P, Target as T};

/// The overview's CSV columns, which are also the programmes sheet: the
/// programme's fields where the schema places them (0.1's columns keep their
/// place), the figures pantau works out between them.
fn programme_columns() -> &'static [Column] {
    static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
        let figures = [
            Figure::Milestones,
            Figure::MilestonesDone,
            Figure::Overdue,
            Figure::NextDue,
            Figure::Targets,
        ];
        let mut placed: Vec<(usize, Column)> = vec![(0, Dim)];
        placed.extend(
            figures
                .into_iter()
                .enumerate()
                .map(|(i, f)| (11 + i, Fig(f))),
        );
        placed.extend(
            PROGRAMME
                .iter()
                .filter_map(|row| Some((row.sheet?, P(row.field)))),
        );
        placed.sort_by_key(|(at, _)| *at);
        placed.into_iter().map(|(_, column)| column).collect()
    });
    &COLUMNS
}

/// Every milestone, in its programme's order.
const MILESTONES: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    M(MilestoneField::Due),
    M(MilestoneField::Title),
    M(MilestoneField::Done),
    M(MilestoneField::Weight),
];

/// The targets report's CSV columns, which are also the targets sheet.
const TARGETS: &[Column] = &[
    Dim,
    P(ProgramField::Id),
    P(ProgramField::Name),
    T(TargetField::Year),
    T(TargetField::Indicator),
    T(TargetField::Unit),
    T(TargetField::Baseline),
    T(TargetField::Target),
    T(TargetField::Actual),
    Fig(Figure::Achievement),
    Fig(Figure::Band),
    T(TargetField::Direction),
    T(TargetField::Upper),
    T(TargetField::BaseYear),
    T(TargetField::Source),
    T(TargetField::Definition),
    T(TargetField::Measures),
];

impl Column {
    /// The header in `lang`: the report's column names where a report has
    /// the column, else the edit form's label.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        let r: &ReportText = lang.report();
        let f = &lang.text().forms.fields;
        match self {
            Column::Dimension => r.dimension,
            Column::Program(p) => p.heading(lang),
            Column::Milestone(m) => match m {
                MilestoneField::Title => r.milestone,
                MilestoneField::Due => r.due,
                MilestoneField::Done => r.done,
                MilestoneField::Weight => f.weight,
            },
            Column::Target(x) => match x {
                TargetField::Year => r.year,
                TargetField::Indicator => r.indicator,
                TargetField::Unit => r.unit,
                TargetField::Baseline => r.baseline,
                TargetField::Target => r.target,
                TargetField::Actual => r.actual,
                other => other.label(lang),
            },
            Column::Field => lang.text().sheets.field,
            Column::Value => r.value,
            Column::Figure(g) => match g {
                Figure::Milestones => r.milestones,
                Figure::MilestonesDone => r.milestones_done,
                Figure::Overdue => r.overdue,
                Figure::NextDue => r.next_due,
                Figure::Targets => r.targets,
                Figure::Achievement => r.achievement,
                Figure::Band => r.band,
            },
        }
    }

    /// The name the data file and `pantau set` use, which a header may also be.
    pub(crate) fn key(self) -> Option<&'static str> {
        match self {
            Column::Dimension => Some("dimension"),
            Column::Program(p) => Some(p.name()),
            Column::Milestone(m) => Some(m.name()),
            Column::Target(x) => Some(x.name()),
            Column::Field => Some("field"),
            Column::Value => Some("value"),
            Column::Figure(_) => None,
        }
    }

    /// How many characters wide the column starts in a workbook: room for
    /// names and notes, less for codes and figures.
    fn width(self) -> f64 {
        match self {
            Column::Program(
                ProgramField::Name | ProgramField::Description | ProgramField::Notes,
            )
            | Column::Milestone(MilestoneField::Title)
            | Column::Target(TargetField::Indicator | TargetField::Definition)
            | Column::Value => 48.0,
            Column::Program(ProgramField::Lead | ProgramField::Support)
            | Column::Target(TargetField::Source) => 28.0,
            Column::Dimension | Column::Field | Column::Program(_) => 16.0,
            _ => 12.0,
        }
    }
}

/// An empty table of `sheet`: its worksheet's name, its columns' headers and widths.
fn table_of(sheet: Sheet, lang: Lang) -> Table {
    Table::sheet(
        sheet.name(lang).to_string(),
        sheet.columns().iter().map(|c| (c.header(lang), c.width())),
    )
}

/// The programmes the report covers, one row each.
pub(crate) fn programmes(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Programmes, ctx.lang);
    for group in &ctx.sel.groups {
        for p in &group.programs {
            let row = programme_columns()
                .iter()
                .map(|&c| program_cell(ctx, &group.dimension.name, p, c))
                .collect();
            table.rows.push(row);
        }
    }
    table
}

fn program_cell(ctx: &Ctx, dimension: &str, p: &Program, column: Column) -> Cell {
    let count = |n: usize| Cell::Int(n as i64);
    match column {
        Column::Dimension => Cell::Text(dimension.to_string()),
        Column::Program(f) => {
            let value = f.get(p);
            match (f.kind(), value.parse()) {
                (Kind::Year, Ok(year)) => Cell::Int(year),
                // Statuses and horizons in words, as the views show them.
                (kind, _) => Cell::Text(
                    ctx.lang
                        .text()
                        .word(kind, &value)
                        .map_or(value, String::from),
                ),
            }
        }
        Column::Figure(Figure::Milestones) => count(p.milestones.len()),
        Column::Figure(Figure::MilestonesDone) => {
            count(p.milestones.iter().filter(|m| m.done).count())
        }
        Column::Figure(Figure::Overdue) => count(
            p.milestones
                .iter()
                .filter(|m| is_overdue(p, m, ctx.today))
                .count(),
        ),
        Column::Figure(Figure::NextDue) => {
            // A closed program's open milestones are no one's to chase.
            let next = p
                .milestones
                .iter()
                .filter(|m| !m.done && !p.status.is_closed())
                .filter_map(Milestone::due_date)
                .min();
            next.map_or_else(|| Cell::Text(String::new()), Cell::Date)
        }
        Column::Figure(Figure::Targets) => count(p.targets.len()),
        _ => Cell::Text(String::new()),
    }
}

/// Every milestone of the programmes the report covers, in each programme's order.
pub(crate) fn milestones(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Milestones, ctx.lang);
    for group in &ctx.sel.groups {
        for p in &group.programs {
            for m in &p.milestones {
                let row = MILESTONES
                    .iter()
                    .map(|&c| match c {
                        Column::Milestone(MilestoneField::Due) => m
                            .due_date()
                            .map_or_else(|| Cell::Text(m.due.clone()), Cell::Date),
                        Column::Milestone(MilestoneField::Done) => Cell::Bool(m.done),
                        Column::Milestone(MilestoneField::Weight) => Cell::Num(m.weight),
                        Column::Milestone(MilestoneField::Title) => Cell::Text(m.title.clone()),
                        other => program_cell(ctx, &group.dimension.name, p, other),
                    })
                    .collect();
                table.rows.push(row);
            }
        }
    }
    table
}

/// The targets of the programmes the report covers: by year for the
/// targets report, in each programme's order for the workbook (so that a
/// new plan made from it lists them as the plan did).
pub(crate) fn targets(ctx: &Ctx, by_year: bool) -> Table {
    let mut table = table_of(Sheet::Targets, ctx.lang);
    let mut push = |dimension: &str, p: &Program, x: &Target| {
        let row = TARGETS
            .iter()
            .map(|&c| target_cell(ctx, dimension, p, x, c))
            .collect();
        table.rows.push(row);
    };
    if by_year {
        for (dimension, items) in &ctx.targets().groups {
            for item in items {
                push(&dimension.name, item.program, item.target);
            }
        }
    } else {
        for group in &ctx.sel.groups {
            for p in &group.programs {
                for x in &p.targets {
                    push(&group.dimension.name, p, x);
                }
            }
        }
    }
    table
}

fn target_cell(ctx: &Ctx, dimension: &str, p: &Program, x: &Target, column: Column) -> Cell {
    let capaian = || ctx.capaian(x);
    match column {
        Column::Target(f) => match f {
            TargetField::Year => Cell::Int(i64::from(x.year)),
            TargetField::Baseline => Cell::Num(x.baseline),
            TargetField::Target => Cell::Num(Some(x.target)),
            TargetField::Actual => Cell::Num(x.actual),
            TargetField::Upper => Cell::Num(x.upper),
            // In words, as the status is: import reads both.
            TargetField::Direction => Cell::Text(x.direction.word(ctx.lang).to_string()),
            TargetField::BaseYear => x
                .base_year
                .map_or_else(|| Cell::Text(String::new()), |y| Cell::Int(i64::from(y))),
            TargetField::Indicator => Cell::Text(x.indicator.clone()),
            TargetField::Unit => Cell::Text(x.unit.clone()),
            TargetField::Source => Cell::Text(x.source.clone()),
            TargetField::Definition => Cell::Text(x.definition.clone()),
            // In words, as the form offers it: import reads either language's.
            TargetField::Measures => Cell::Text(x.measures.word(ctx.lang).to_string()),
        },
        Column::Figure(Figure::Achievement) => Cell::Decimal(capaian().figure()),
        Column::Figure(Figure::Band) => {
            Cell::Text(capaian().verdict(ctx.lang, ctx.plan.bands).to_string())
        }
        other => program_cell(ctx, dimension, p, other),
    }
}

/// The plan's own fields, one row each.
pub(crate) fn plan(ctx: &Ctx) -> Table {
    let mut table = table_of(Sheet::Plan, ctx.lang);
    let header = crate::plan::edit::Header::of(ctx.plan);
    for &f in HeaderField::ALL {
        let value = match f {
            HeaderField::PeriodStart | HeaderField::PeriodEnd => {
                Cell::Int(f.get(&header).parse().unwrap_or_default())
            }
            _ => Cell::Text(f.get(&header)),
        };
        table
            .rows
            .push(vec![Cell::Text(f.label(ctx.lang).to_string()), value]);
    }
    table
}

/// The tables as one XLSX workbook: a worksheet per table, the header row
/// bold and frozen, numbers and dates as such, columns sized for their data.
pub(crate) fn xlsx(tables: &[Table]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let wrap = Format::new().set_text_wrap();
    let two_decimals = Format::new().set_num_format("0.00");
    // The same bytes for the same plan: no creation time from the clock.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    for table in tables {
        let sheet = book.add_worksheet();
        // Excel refuses these characters in a worksheet's name, and more than 31.
        let name: String = table
            .name
            .chars()
            .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
            .take(31)
            .collect();
        sheet.set_name(name.trim_matches('\''))?;
        for (col, column) in table.cols.iter().enumerate() {
            let (col, name) = (col as u16, &column.title);
            sheet.write_string_with_format(0, col, name, &bold)?;
            sheet.set_column_width(col, column.width.max(name.chars().count() as f64 + 2.0))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (i, row) in table.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let col = col as u16;
                match cell {
                    Cell::Text(s) if s.is_empty() => {}
                    Cell::Text(s) if s.contains('\n') => {
                        sheet.write_string_with_format(r, col, s, &wrap)?;
                    }
                    Cell::Text(s) => {
                        sheet.write_string(r, col, s)?;
                    }
                    Cell::Word { full, .. } => {
                        sheet.write_string(r, col, *full)?;
                    }
                    Cell::Int(n) => {
                        sheet.write_number(r, col, *n as f64)?;
                    }
                    Cell::Num(None) | Cell::Decimal(None) => {}
                    Cell::Decimal(Some(v)) => {
                        sheet.write_number_with_format(r, col, *v, &two_decimals)?;
                    }
                    Cell::Num(Some(v)) => {
                        sheet.write_number(r, col, *v)?;
                    }
                    Cell::Date(d) => {
                        let when = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        sheet.write_datetime_with_format(r, col, &when, &date)?;
                    }
                    Cell::Bool(b) => {
                        sheet.write_boolean(r, col, *b)?;
                    }
                }
            }
        }
        if !table.rows.is_empty() {
            sheet.autofilter(
                0,
                0,
                table.rows.len() as u32,
                table.cols.len().max(1) as u16 - 1,
            )?;
        }
    }
    book.save_to_buffer()
}

/// The tables and their columns in `lang`, for `pantau help import`:
/// written from the registry above, so it always says what import reads.
pub fn reference(lang: Lang) -> String {
    let s = &lang.text().sheets;
    let other = match lang {
        Lang::En => Lang::Id,
        Lang::Id => Lang::En,
    };
    let mut out = format!("{}\n", s.help_intro);
    for sheet in Sheet::ALL {
        out.push_str(&format!("\n{} ({})\n", sheet.name(lang), sheet.name(other)));
        for &c in sheet.columns() {
            let key = c.key().map_or_else(String::new, |k| format!(" ({k})"));
            let mark = if sheet.imports(c) { "" } else { " *" };
            out.push_str(&format!("  {}{key}{mark}\n", c.header(lang)));
        }
        if sheet == Sheet::Plan {
            out.push_str(&format!("  {}:\n", s.help_fields));
            for f in HeaderField::ALL {
                out.push_str(&format!("    {} ({})\n", f.label(lang), f.name()));
            }
        }
    }
    out.push_str(&format!("\n{}\n\n{}\n", s.help_figures, s.help_rules));
    out
}
