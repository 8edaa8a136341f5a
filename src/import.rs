//! `pantau import`: the tables of [`crate::report::sheet`] read back into a plan.
//!
//! A spreadsheet (XLSX, XLS or ODS through calamine, or one CSV table per
//! file) is read whole, every cell is checked with the same field registry
//! that `pantau set` and the edit forms use, and then the whole plan is
//! validated; any problem, named by file, sheet, row and column, means no
//! plan at all, so the caller never writes half an import.
//!
//! What a table says replaces what the plan says, and nothing else changes:
//! a programme's row sets the fields whose columns the table has; a
//! programme's milestones (targets) in the table are its whole list, matched
//! to the plan's by title (by year and indicator) so each keeps its place;
//! programmes the spreadsheet does not list are kept. Re-importing an export
//! therefore changes nothing.

pub mod biff;
pub mod bounds;
mod lists;
pub mod sipd;

use crate::i18n::{Lang, Text, fill};
use crate::plan::edit::Header;
use crate::plan::field::{Context, HeaderField, ProgramField};
use crate::plan::model::{Milestone, Plan, Program, Target};
use crate::plan::typed::Convention;
use crate::report::sheet::{Column, Sheet};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// One cell as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
}

impl Raw {
    /// The cell as the field registry reads text: whole numbers without a
    /// decimal point, dates as YYYY-MM-DD.
    fn text(&self) -> String {
        match self {
            Raw::Empty => String::new(),
            Raw::Text(s) => s.clone(),
            Raw::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", *v as i64),
            // A number cell is no one's typing: `36.125` would also read as
            // thirty-six thousand, so it goes on as `36.1250`, which reads
            // one way only (`plan::typed`).
            Raw::Number(v) => match v.to_string() {
                s if s.split_once('.').is_some_and(|(_, f)| f.len() == 3) => s + "0",
                s => s,
            },
            Raw::Bool(b) => b.to_string(),
            Raw::Date(d) => d.to_string(),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A row as read: its number as the spreadsheet shows it, and its cells.
pub type Row = (u32, Vec<Raw>);

/// A worksheet (or a CSV file) as read: its name and its rows, each with
/// its number as the spreadsheet shows it (the header is row 1).
#[derive(Debug, Clone, PartialEq)]
pub struct RawSheet {
    /// `None` for a CSV file, which is one table.
    pub name: Option<String>,
    pub rows: Vec<Row>,
    /// How the file writes figures typed as text, when it says so: a
    /// `;`-separated CSV comes from a spreadsheet in the Indonesian locale
    /// (decimal comma), a `,`-separated one cannot hold a decimal comma
    /// unquoted and writes a point. A workbook's number cells need none.
    pub convention: Option<Convention>,
}

/// A problem, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<u32>,
    /// The column's letter and header, e.g. `("C", "Due")`.
    pub column: Option<(String, String)>,
    pub message: String,
}

impl Problem {
    pub fn render(&self, t: &Text) -> String {
        let s = &t.sheets;
        let mut at = vec![crate::text::escape(&self.file).into_owned()];
        if let Some(sheet) = &self.sheet {
            at.push(fill(s.at_sheet, &[&crate::text::escape(sheet)]));
        }
        if let Some(row) = self.row {
            at.push(fill(s.at_row, &[&row]));
        }
        if let Some((letter, header)) = &self.column {
            at.push(fill(s.at_column, &[letter, &crate::text::escape(header)]));
        }
        format!("{}: {}", at.join(", "), self.message)
    }
}

/// What an import did, for the summary and the audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    pub added: Vec<String>,
    pub changed: Vec<String>,
    /// Programmes the plan has that no table of the import lists.
    pub kept: usize,
    /// Columns and sheets skipped, as warnings.
    pub warnings: Vec<Problem>,
}

/// An item the import takes out of the plan: a programme's milestones
/// (targets, budget years, evidence) in a table are its whole list, and so
/// are the dimensions and each part of the evaluation, so what the table
/// lacks goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Removed {
    Milestone {
        program: String,
        title: String,
    },
    Target {
        program: String,
        year: i32,
        indicator: String,
    },
    Budget {
        program: String,
        year: i32,
    },
    Evidence {
        program: String,
        name: String,
    },
    /// A period's report, by its year and tag (`2026 TW3`).
    Period {
        program: String,
        period: String,
    },
    BudgetChange {
        program: String,
        change: String,
    },
    SubActivity {
        program: String,
        code: String,
    },
    Dimension(String),
    /// The plan's own aspect weights, so the default applies again.
    Weights,
    Score {
        year: i32,
        aspect: crate::plan::model::Aspect,
    },
    Result(i32),
    Survey(i32),
}

/// What `plan` no longer has of `base`'s milestones and targets, programme
/// by programme (found by id, so linear in the plan).
pub fn removed(base: &Plan, plan: &Plan) -> Vec<Removed> {
    let after: HashMap<&str, &Program> = plan.programs.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out = Vec::new();
    for before in &base.programs {
        let Some(now) = after.get(before.id.as_str()) else {
            continue;
        };
        let titles: HashSet<&str> = now.milestones.iter().map(|m| m.title.as_str()).collect();
        for m in before
            .milestones
            .iter()
            .filter(|m| !titles.contains(m.title.as_str()))
        {
            out.push(Removed::Milestone {
                program: before.id.clone(),
                title: m.title.clone(),
            });
        }
        let targets: HashSet<(i32, &str)> = (now.targets.iter())
            .map(|t| (t.year, t.indicator.as_str()))
            .collect();
        for t in before
            .targets
            .iter()
            .filter(|t| !targets.contains(&(t.year, t.indicator.as_str())))
        {
            out.push(Removed::Target {
                program: before.id.clone(),
                year: t.year,
                indicator: t.indicator.clone(),
            });
        }
        let years: HashSet<i32> = now.budget.iter().map(|b| b.year).collect();
        for b in before.budget.iter().filter(|b| !years.contains(&b.year)) {
            out.push(Removed::Budget {
                program: before.id.clone(),
                year: b.year,
            });
        }
        let names: HashSet<&str> = now.evidence.iter().map(|e| e.name.as_str()).collect();
        for e in (before.evidence.iter()).filter(|e| !names.contains(e.name.as_str())) {
            out.push(Removed::Evidence {
                program: before.id.clone(),
                name: e.name.clone(),
            });
        }
        lists::removed_fiscal(before, now, &mut out);
    }
    lists::removed(base, plan, &mut out);
    out
}

/// Every cell of `files` read into `base`: the new plan, or every problem.
pub fn import(
    base: &Plan,
    files: &[(String, Vec<RawSheet>)],
    lang: Lang,
) -> Result<Imported, Vec<Problem>> {
    let t = lang.text();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    // Every table first, so the plan's header and the programmes are in
    // before their milestones and targets refer to them.
    let mut tables: Vec<Located> = Vec::new();
    for (file, sheets) in files {
        for sheet in sheets {
            match classify(file, sheet, t) {
                Ok(Some(table)) => tables.push(table),
                Ok(None) => warnings.push(Problem {
                    file: file.clone(),
                    sheet: sheet.name.clone(),
                    row: None,
                    column: None,
                    message: t.sheets.skipped_sheet.to_string(),
                }),
                Err(mut p) => problems.append(&mut p),
            }
        }
    }
    for table in &tables {
        warnings.extend(table.skipped.iter().cloned());
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if tables.iter().all(|table| {
        table
            .sheet
            .rows
            .iter()
            .all(|(_, r)| r.iter().all(Raw::is_empty))
    }) {
        let file = files.first().map(|(f, _)| f.clone()).unwrap_or_default();
        return Err(vec![Problem {
            file,
            sheet: None,
            row: None,
            column: None,
            message: t.sheets.nothing.to_string(),
        }]);
    }
    let mut plan = base.clone();
    let mut rows_of: HashMap<String, (usize, u32)> = HashMap::new();
    let mut added = Vec::new();
    // By id, so that a 10,000-programme plan is not searched once per row.
    let mut index_of: HashMap<String, usize> = (plan.programs.iter().enumerate())
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    // The dimensions before the programmes that name them, the programmes
    // before their items.
    for kind in [
        Sheet::Plan,
        Sheet::Dimensions,
        Sheet::Programmes,
        Sheet::Milestones,
        Sheet::Targets,
        Sheet::Budget,
        Sheet::Evidence,
        Sheet::Weights,
        Sheet::Scores,
        Sheet::Results,
        Sheet::Survey,
        Sheet::Periods,
        Sheet::BudgetChanges,
        Sheet::SubActivities,
    ] {
        for (i, table) in tables.iter().enumerate().filter(|(_, x)| x.kind == kind) {
            let mut cx = Work {
                plan: &mut plan,
                table,
                index: i,
                t,
                lang,
                problems: &mut problems,
                rows_of: &mut rows_of,
                index_of: &mut index_of,
                added: &mut added,
            };
            match kind {
                Sheet::Plan => cx.header(),
                Sheet::Programmes => cx.programmes(),
                Sheet::Milestones => cx.milestones(),
                Sheet::Targets => cx.targets(),
                Sheet::Budget => cx.budget(),
                Sheet::Evidence => cx.evidence(),
                Sheet::Dimensions => cx.dimensions(),
                Sheet::Weights => cx.weights(),
                Sheet::Scores => cx.scores(),
                Sheet::Results => cx.results(),
                Sheet::Survey => cx.survey(),
                Sheet::Periods => cx.periods(),
                Sheet::BudgetChanges => cx.budget_changes(),
                Sheet::SubActivities => cx.subactivities(),
            }
        }
    }
    if problems.is_empty() {
        // A programme of the programmes table with no milestone (target,
        // budget, evidence) rows has none, when the import has that table
        // at all.
        let ids_in = |kind: Sheet| -> HashSet<String> {
            let of_kind = tables.iter().filter(move |x| x.kind == kind);
            of_kind.flat_map(|x| x.ids()).collect()
        };
        let programmes = ids_in(Sheet::Programmes);
        for kind in Sheet::ALL.into_iter().filter(|k| k.lists_items()) {
            if !tables.iter().any(|x| x.kind == kind) {
                continue;
            }
            let listed = ids_in(kind);
            for p in plan.programs.iter_mut() {
                let id = p.id.as_str();
                if programmes.contains(id) && !listed.contains(id) {
                    match kind {
                        Sheet::Milestones => p.milestones.clear(),
                        Sheet::Targets => p.targets.clear(),
                        Sheet::Budget => p.budget.clear(),
                        Sheet::Periods => p.periods.clear(),
                        Sheet::BudgetChanges => p.budget_changes.clear(),
                        Sheet::SubActivities => p.subactivities.clear(),
                        _ => p.evidence.clear(),
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        for v in crate::plan::validate::validate(&plan) {
            let at = v.program.as_ref().and_then(|id| rows_of.get(id));
            let (file, sheet, row) = match at {
                Some(&(table, row)) => (
                    tables[table].file.clone(),
                    tables[table].sheet.name.clone(),
                    Some(row),
                ),
                None => (files[0].0.clone(), None, None),
            };
            problems.push(Problem {
                file,
                sheet,
                row,
                column: None,
                message: v.message(t),
            });
        }
    }
    if problems.is_empty() {
        // A plan written that pantau then refuses to open would lock the
        // office out of its own file: held to the loader's bound before
        // anything is written.
        let bytes = crate::plan::canonical::to_ron(&plan, "").len() as u64;
        if bytes > crate::store::MAX_FILE_BYTES {
            let mb = |b: u64| b.div_ceil(1024 * 1024);
            problems.push(Problem {
                file: files[0].0.clone(),
                sheet: None,
                row: None,
                column: None,
                message: fill(
                    t.sheets.result_too_large,
                    &[&mb(bytes), &mb(crate::store::MAX_FILE_BYTES)],
                ),
            });
        }
    }
    if !problems.is_empty() {
        // In the order a person reads the files: file, sheet, row, column.
        let order = |p: &Problem| {
            let file = files.iter().position(|(f, _)| *f == p.file);
            let column = p.column.as_ref().map(|(l, _)| (l.len(), l.clone()));
            (file, p.sheet.clone(), p.row, column)
        };
        problems.sort_by_key(order);
        return Err(problems);
    }
    let before: HashMap<&str, &Program> =
        base.programs.iter().map(|p| (p.id.as_str(), p)).collect();
    let changed = plan
        .programs
        .iter()
        .filter(|p| before.get(p.id.as_str()).is_some_and(|b| *b != *p))
        .map(|p| p.id.clone())
        .collect();
    let kept = plan
        .programs
        .iter()
        .filter(|p| !rows_of.contains_key(&p.id))
        .count();
    Ok(Imported {
        plan,
        added,
        changed,
        kept,
        warnings,
    })
}

/// Whether `sheet` is a monitoring sheet as SIPD and WP-SIPD download it
/// ([`sipd`]) rather than one of pantau's tables: pantau's sub-activities
/// sheet has a code and an allocation too, so a sheet named as one of
/// pantau's is pantau's.
pub fn is_monitoring(sheet: &RawSheet) -> bool {
    let pantau = sheet.name.as_deref().is_some_and(|name| {
        let name = current(name);
        (Sheet::ALL.iter()).any(|k| LANGS.iter().any(|&l| fold(k.name(l)) == name))
    });
    !pantau && sipd::is_monitoring(sheet)
}

/// A table recognised: what it is, and which of its columns are which.
struct Located<'a> {
    file: String,
    sheet: &'a RawSheet,
    kind: Sheet,
    /// Column index in the file → the column it is.
    columns: Vec<Option<Column>>,
    skipped: Vec<Problem>,
}

impl Located<'_> {
    fn position(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    /// The data rows, without the header and blank rows.
    fn rows(&self) -> impl Iterator<Item = &Row> {
        self.sheet
            .rows
            .iter()
            .skip(1)
            .filter(|(_, r)| !r.iter().all(Raw::is_empty))
    }

    /// The programme ids the table's rows name.
    fn ids(&self) -> impl Iterator<Item = String> {
        self.rows().map(|(_, r)| self.id(r))
    }

    /// The programme id a row names (empty when it names none).
    fn id(&self, row: &[Raw]) -> String {
        let id = self.cell(row, Column::Program(ProgramField::Id));
        id.unwrap_or_default().trim().to_string()
    }

    /// The text of `column`'s cell in `row`, or `None` when the table has no
    /// such column or import does not read it there.
    fn cell(&self, row: &[Raw], column: Column) -> Option<String> {
        if !self.kind.imports(column) {
            return None;
        }
        self.position(column)
            .map(|i| row.get(i).map_or_else(String::new, Raw::text))
    }

    /// The words of both languages, and the file's way with figures.
    fn words(&self) -> crate::i18n::Writing {
        crate::i18n::Writing(self.sheet.convention)
    }

    fn problem(&self, row: u32, column: Option<Column>, message: String) -> Problem {
        let column = column.and_then(|c| self.position(c)).map(|i| {
            let header = match self.sheet.rows.first().and_then(|(_, h)| h.get(i)) {
                Some(h) => h.text(),
                None => String::new(),
            };
            (letter(i), header)
        });
        Problem {
            file: self.file.clone(),
            sheet: self.sheet.name.clone(),
            row: Some(row),
            column,
            message,
        }
    }
}

/// `A`, `B`, … `Z`, `AA`: the spreadsheet's name for column `i` (from 0).
pub fn letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Case, spaces and punctuation set aside: `Due date` is `due_date`.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

const LANGS: [Lang; 2] = [Lang::En, Lang::Id];

/// A heading or sheet name folded, with a word an earlier pantau wrote
/// taken as the word that replaced it (`Tonggak` is `Tahapan`).
fn current(name: &str) -> String {
    let folded = fold(name);
    crate::i18n::FORMER_HEADINGS
        .iter()
        .find(|(former, _)| fold(former) == folded)
        .map_or(folded, |(_, now)| fold(now))
}

/// Whether `header` names `column`: its header or field label in either
/// language, or its name in the data file. A word an earlier pantau wrote
/// reads as the word that replaced it, unless it is the column's own
/// (`Baseline` is the ministry's sub-index too).
fn names(column: Column, header: &str) -> bool {
    let (now, h) = (current(header), fold(header));
    let is = |name: &str| {
        let name = fold(name);
        !name.is_empty() && (name == now || name == h)
    };
    column.key().is_some_and(is)
        || LANGS.iter().any(|&l| {
            is(column.header(l))
                || match column {
                    Column::Program(f) => is(f.label(l)),
                    Column::Milestone(f) => is(f.label(l)),
                    Column::Target(f) => is(f.label(l)),
                    _ => false,
                }
        })
}

/// Which table a sheet is (by its name, else by its header) and where its
/// columns are; `None` for a worksheet that is none of pantau's.
fn classify<'a>(
    file: &str,
    sheet: &'a RawSheet,
    t: &Text,
) -> Result<Option<Located<'a>>, Vec<Problem>> {
    let s = &t.sheets;
    let at = |row: Option<u32>, message: String| Problem {
        file: file.to_string(),
        sheet: sheet.name.clone(),
        row,
        column: None,
        message,
    };
    let Some((header_row, header)) = sheet.rows.first() else {
        return match sheet.name {
            Some(_) => Ok(None),
            None => Err(vec![at(None, s.empty.to_string())]),
        };
    };
    let header: Vec<String> = header.iter().map(Raw::text).collect();
    let has = |column: Column| header.iter().any(|h| names(column, h));
    // The overdue and upcoming reports list only some milestones; taking one
    // for the whole list would remove the rest.
    let partial = |h: &String| {
        LANGS.iter().any(|l| {
            let r = l.report();
            fold(r.days_late) == current(h) || fold(r.days_left) == current(h)
        })
    };
    if header.iter().any(partial) {
        return Err(vec![at(Some(*header_row), s.partial_report.to_string())]);
    }
    let by_name = sheet.name.as_deref().and_then(|name| {
        Sheet::ALL
            .into_iter()
            .find(|k| LANGS.iter().any(|&l| fold(k.name(l)) == current(name)))
    });
    use crate::plan::field::{BudgetField, EvidenceField, MilestoneField, TargetField};
    use crate::plan::schema::{BudgetChangeField, PeriodField, SubActivityField};
    let kind = by_name.or_else(|| {
        if has(Column::Budget(BudgetField::Allocation)) {
            Some(Sheet::Budget)
        } else if has(Column::Evidence(EvidenceField::Name))
            && has(Column::Evidence(EvidenceField::State))
        {
            Some(Sheet::Evidence)
        } else if has(Column::Milestone(MilestoneField::Done))
            && has(Column::Milestone(MilestoneField::Title))
        {
            Some(Sheet::Milestones)
        } else if has(Column::Target(TargetField::Indicator)) {
            Some(Sheet::Targets)
        } else if has(Column::Program(ProgramField::Id)) {
            Some(Sheet::Programmes)
        } else if has(Column::Field) && has(Column::Value) {
            Some(Sheet::Plan)
        } else {
            None
        }
    });
    let Some(kind) = kind else {
        return match sheet.name {
            Some(_) => Ok(None),
            None => Err(vec![at(Some(*header_row), s.unknown_table.to_string())]),
        };
    };
    let mut columns = Vec::with_capacity(header.len());
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let found = kind.columns().iter().copied().find(|&c| names(c, h));
        if let Some(c) = found
            && let Some(first) = columns.iter().position(|x| *x == Some(c))
        {
            problems.push(Problem {
                column: Some((letter(i), h.clone())),
                ..at(Some(*header_row), fill(s.twice, &[&letter(first)]))
            });
        }
        if found.is_none() && !h.trim().is_empty() {
            skipped.push(Problem {
                column: Some((letter(i), h.clone())),
                ..at(Some(*header_row), s.skipped_column.to_string())
            });
        }
        columns.push(found);
    }
    let needed: &[Column] = match kind {
        Sheet::Plan => &[Column::Field, Column::Value],
        Sheet::Programmes => &[Column::Program(ProgramField::Id)],
        Sheet::Milestones => &[
            Column::Program(ProgramField::Id),
            Column::Milestone(MilestoneField::Title),
            Column::Milestone(MilestoneField::Due),
        ],
        Sheet::Targets => &[
            Column::Program(ProgramField::Id),
            Column::Target(TargetField::Year),
            Column::Target(TargetField::Indicator),
            Column::Target(TargetField::Target),
        ],
        Sheet::Budget => &[
            Column::Program(ProgramField::Id),
            Column::Budget(BudgetField::Year),
            Column::Budget(BudgetField::Allocation),
        ],
        Sheet::Evidence => &[
            Column::Program(ProgramField::Id),
            Column::Evidence(EvidenceField::Name),
        ],
        Sheet::Dimensions => &[
            Column::DimensionId,
            Column::DimensionField(crate::plan::field::DimensionField::Name),
        ],
        Sheet::Weights => &[Column::Aspect, Column::Weight],
        Sheet::Scores => &[
            Column::Year,
            Column::Aspect,
            Column::Score(crate::plan::field::ScoreField::Score),
        ],
        Sheet::Results => &[Column::Year, Column::Index],
        Sheet::Survey => &[Column::Year, Column::Survey],
        Sheet::Periods => &[
            Column::Program(ProgramField::Id),
            Column::Period(PeriodField::Year),
        ],
        Sheet::BudgetChanges => &[
            Column::Program(ProgramField::Id),
            Column::BudgetChange(BudgetChangeField::Year),
            Column::BudgetChange(BudgetChangeField::Date),
            Column::BudgetChange(BudgetChangeField::Allocation),
        ],
        Sheet::SubActivities => &[
            Column::Program(ProgramField::Id),
            Column::SubActivity(SubActivityField::Code),
        ],
    };
    for &c in needed {
        if !columns.contains(&Some(c)) {
            problems.push(at(
                Some(*header_row),
                fill(s.missing_column, &[&c.header(t.lang)]),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Some(Located {
        file: file.to_string(),
        sheet,
        kind,
        columns,
        skipped,
    }))
}

/// One table being applied to the plan.
struct Work<'a, 'b> {
    plan: &'a mut Plan,
    table: &'b Located<'b>,
    /// The table's place in the import, for [`Work::rows_of`].
    index: usize,
    t: &'static Text,
    lang: Lang,
    problems: &'a mut Vec<Problem>,
    /// Each programme the import lists: its first row (table, row).
    rows_of: &'a mut HashMap<String, (usize, u32)>,
    /// Each programme's place in the plan, by id.
    index_of: &'a mut HashMap<String, usize>,
    added: &'a mut Vec<String>,
}

impl Work<'_, '_> {
    fn fail(&mut self, row: u32, column: Option<Column>, message: String) {
        self.problems.push(self.table.problem(row, column, message));
    }

    fn header(&mut self) {
        let mut header = Header::of(self.plan);
        for (row, cells) in self.table.rows() {
            let field = self.table.cell(cells, Column::Field).unwrap_or_default();
            let value = self.table.cell(cells, Column::Value).unwrap_or_default();
            let found = HeaderField::ALL.iter().copied().find(|f| {
                fold(f.name()) == fold(&field)
                    || LANGS.iter().any(|&l| fold(f.label(l)) == fold(&field))
            });
            let Some(f) = found else {
                let valid: Vec<&str> = HeaderField::ALL
                    .iter()
                    .map(|f| f.label(self.lang))
                    .collect();
                let message = fill(
                    self.t.sheets.unknown_field,
                    &[&crate::text::escape(&field), &valid.join(", ")],
                );
                self.fail(*row, Some(Column::Field), message);
                continue;
            };
            if let Err(e) = f.parse_into(&mut header, &value) {
                self.fail(*row, Some(Column::Value), e.reason(self.t));
            }
        }
        header.apply(self.plan);
    }

    fn programmes(&mut self) {
        let id_column = Column::Program(ProgramField::Id);
        for (row, cells) in self.table.rows() {
            let id = self.table.id(cells);
            if id.is_empty() {
                self.fail(*row, Some(id_column), self.t.sheets.no_id.to_string());
                continue;
            }
            if let Some(&(table, first)) = self.rows_of.get(&id)
                && table == self.index
            {
                let message = fill(
                    self.t.sheets.program_twice,
                    &[&crate::text::escape(&id), &first],
                );
                self.fail(*row, Some(id_column), message);
                continue;
            }
            self.rows_of.entry(id.clone()).or_insert((self.index, *row));
            let index = self.index_of.get(&id).copied();
            let mut p = match index {
                Some(i) => self.plan.programs[i].clone(),
                // Its row gives the dimension (and so the lead is the row's too).
                None => Program::new(
                    id.clone(),
                    String::new(),
                    String::new(),
                    self.plan.period.start,
                ),
            };
            if let Some(value) = self.table.cell(cells, Column::Dimension) {
                let wanted = fold(&value);
                match self
                    .plan
                    .dimensions
                    .iter()
                    .find(|d| fold(&d.id) == wanted || fold(&d.name) == wanted)
                {
                    Some(d) => {
                        let id = d.id.clone();
                        if p.dimension != id {
                            p.dimension = id;
                            if !p.element.is_empty()
                                && !self
                                    .table
                                    .columns
                                    .contains(&Some(Column::Program(ProgramField::Element)))
                            {
                                p.element.clear();
                            }
                        }
                    }
                    None => {
                        let names: Vec<&str> = self
                            .plan
                            .dimensions
                            .iter()
                            .map(|d| d.name.as_str())
                            .collect();
                        let message = fill(self.t.forms.f_one_of, &[&names.join(" | ")]);
                        self.fail(*row, Some(Column::Dimension), message);
                    }
                }
            } else if index.is_none() {
                let message = fill(
                    self.t.sheets.new_needs,
                    &[&Column::Dimension.header(self.lang)],
                );
                self.fail(*row, Some(id_column), message);
            }
            for &f in ProgramField::ALL {
                if f == ProgramField::Id || f == ProgramField::Dimension {
                    continue;
                }
                let Some(value) = self.table.cell(cells, Column::Program(f)) else {
                    continue;
                };
                let words = self.table.words();
                let cx = Context {
                    plan: self.plan,
                    index,
                    words: &words,
                };
                if let Err(e) = f.parse_into(&mut p, &value, cx) {
                    self.fail(*row, Some(Column::Program(f)), e.reason(self.t));
                }
            }
            if index.is_none() && p.name.trim().is_empty() {
                let message = fill(
                    self.t.sheets.new_needs,
                    &[&Column::Program(ProgramField::Name).header(self.lang)],
                );
                self.fail(*row, Some(id_column), message);
            }
            match index {
                Some(i) => self.plan.programs[i] = p,
                None => {
                    self.index_of.insert(id.clone(), self.plan.programs.len());
                    self.added.push(id);
                    self.plan.programs.push(p);
                }
            }
        }
    }

    /// The rows of each programme, in order, or a problem for an id the plan lacks.
    fn by_program(&mut self) -> Vec<(usize, Vec<Row>)> {
        let id_column = Column::Program(ProgramField::Id);
        let mut groups: Vec<(usize, Vec<Row>)> = Vec::new();
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        for (row, cells) in self.table.rows() {
            let id = self.table.id(cells);
            let Some(index) = self.index_of.get(&id).copied() else {
                let message = if id.is_empty() {
                    self.t.sheets.no_id.to_string()
                } else {
                    let near =
                        crate::text::nearest(&id, self.plan.programs.iter().map(|p| p.id.as_str()));
                    let near = near.map_or_else(String::new, |n| fill(self.t.sheets.near, &[&n]));
                    fill(
                        self.t.sheets.no_program,
                        &[&crate::text::escape(&id), &near],
                    )
                };
                self.fail(*row, Some(id_column), message);
                continue;
            };
            self.rows_of.entry(id).or_insert((self.index, *row));
            match group_of.get(&index) {
                Some(&g) => groups[g].1.push((*row, cells.clone())),
                None => {
                    group_of.insert(index, groups.len());
                    groups.push((index, vec![(*row, cells.clone())]));
                }
            }
        }
        groups
    }

    fn milestones(&mut self) {
        use crate::plan::field::MilestoneField;
        for (index, rows) in self.by_program() {
            let old = self.plan.programs[index].milestones.clone();
            let title = Column::Milestone(MilestoneField::Title);
            let lists = keyed(
                &old,
                &rows,
                |m| m.title.trim().to_string(),
                |cells| {
                    self.table
                        .cell(cells, title)
                        .unwrap_or_default()
                        .trim()
                        .to_string()
                },
            );
            let mut list = Vec::with_capacity(rows.len());
            for (start, (row, cells)) in lists {
                let mut m = start.unwrap_or_else(|| Milestone {
                    title: String::new(),
                    due: String::new(),
                    done: false,
                    weight: None,
                });
                for &f in MilestoneField::ALL {
                    if let Some(value) = self.table.cell(&cells, Column::Milestone(f))
                        && let Err(e) = f.parse_into(&mut m, f.name(), &value, &self.table.words())
                    {
                        self.fail(row, Some(Column::Milestone(f)), e.reason(self.t));
                    }
                }
                list.push(m);
            }
            self.plan.programs[index].milestones = list;
        }
    }

    fn targets(&mut self) {
        use crate::plan::field::TargetField;
        for (index, rows) in self.by_program() {
            let old = self.plan.programs[index].targets.clone();
            let (year, indicator) = (
                Column::Target(TargetField::Year),
                Column::Target(TargetField::Indicator),
            );
            let lists = keyed(
                &old,
                &rows,
                |x| format!("{} {}", x.year, x.indicator.trim()),
                |cells| {
                    format!(
                        "{} {}",
                        self.table.cell(cells, year).unwrap_or_default().trim(),
                        self.table.cell(cells, indicator).unwrap_or_default().trim()
                    )
                },
            );
            let mut list = Vec::with_capacity(rows.len());
            for (start, (row, cells)) in lists {
                let mut x = start.unwrap_or_else(|| Target {
                    year: self.plan.period.start,
                    ..Target::default()
                });
                for &f in TargetField::ALL {
                    if let Some(value) = self.table.cell(&cells, Column::Target(f))
                        && let Err(e) = f.parse_into(
                            &mut x,
                            f.name(),
                            &value,
                            self.plan.period,
                            &self.table.words(),
                        )
                    {
                        self.fail(row, Some(Column::Target(f)), e.reason(self.t));
                    }
                }
                list.push(x);
            }
            self.plan.programs[index].targets = list;
        }
    }
}

/// A programme's rows matched to its list: each row to the first unmatched
/// item with the same key. The matched items come first, in the list's
/// order (so sorting a sheet moves nothing), then the new rows in theirs;
/// items no row names are gone.
fn keyed<T: Clone>(
    old: &[T],
    rows: &[Row],
    key: impl Fn(&T) -> String,
    row_key: impl Fn(&[Raw]) -> String,
) -> Vec<(Option<T>, Row)> {
    let mut taken = vec![None::<usize>; old.len()];
    let mut fresh = Vec::new();
    for (r, (_, cells)) in rows.iter().enumerate() {
        let k = row_key(cells);
        match (0..old.len()).find(|&i| taken[i].is_none() && key(&old[i]) == k) {
            Some(i) => taken[i] = Some(r),
            None => fresh.push(r),
        }
    }
    let mut out: Vec<(Option<T>, Row)> = taken
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (Some(old[i].clone()), rows[r].clone())))
        .collect();
    out.extend(fresh.into_iter().map(|r| (None, rows[r].clone())));
    out
}

// ---------------------------------------------------------------- reading

/// A CSV file (RFC 4180, `,` or `;` or tab as found in its header, UTF-8
/// with or without a byte-order mark) as one table. A leading `'`, which
/// pantau's export puts before a cell a spreadsheet would take for a
/// formula, is taken off again.
/// A quoted cell left open is an error naming the row it starts on; a file
/// of separators and line ends alone (64 MB of `,` are 64 million empty
/// cells) is held to [`bounds::MAX_CELLS`].
///
/// Read by hand rather than with the `csv` crate: csv 1.x takes a quote left
/// open as one cell running to the end of the file, so an officer's sheet
/// with one stray `"` would import its first rows and silently drop the rest
/// into a name (`tests/it/import.rs` pins the error).
pub fn read_csv(text: &str) -> Result<RawSheet, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let sep = [',', ';', '\t']
        .into_iter()
        .max_by_key(|&c| first_line.matches(c).count())
        .unwrap_or(',');
    let mut rows = Vec::new();
    let mut row: Vec<Raw> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut number = 1u32;
    let mut tally = bounds::Tally::default();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => cell.push('\n'),
                '\r' if chars.peek() == Some(&'\n') => {}
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            '\r' if chars.peek() == Some(&'\n') => {}
            c if c == sep => {
                tally.cells(None, 1)?;
                finish(&mut cell, &mut row);
            }
            '\n' => {
                tally.cells(None, 1)?;
                finish(&mut cell, &mut row);
                rows.push((number, std::mem::take(&mut row)));
                number += 1;
            }
            c => cell.push(c),
        }
    }
    if quoted {
        return Err(ReadError::UnclosedQuote(number));
    }
    if !cell.is_empty() || !row.is_empty() {
        finish(&mut cell, &mut row);
        rows.push((number, row));
    }
    let convention = match sep {
        ';' => Some(Convention::Indonesian),
        ',' => Some(Convention::English),
        _ => None,
    };
    Ok(RawSheet {
        name: None,
        rows,
        convention,
    })
}

/// Ends a CSV cell; the export's formula guard comes off an unquoted or
/// quoted cell alike.
fn finish(cell: &mut String, row: &mut Vec<Raw>) {
    let mut value = std::mem::take(cell);
    if let Some(rest) = value.strip_prefix('\'') {
        value = rest.to_string();
    }
    row.push(if value.is_empty() {
        Raw::Empty
    } else {
        Raw::Text(value)
    });
}

/// Why a spreadsheet could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// A CSV cell's quote left open, on the row it starts on.
    UnclosedQuote(u32),
    /// calamine's own words for a workbook it cannot read.
    Unreadable(String),
    /// Reading it would take more than [`bounds`] allow.
    TooLarge(bounds::TooLarge),
}

impl From<bounds::TooLarge> for ReadError {
    fn from(why: bounds::TooLarge) -> Self {
        ReadError::TooLarge(why)
    }
}

/// Every worksheet of an XLSX, XLS or ODS workbook, each within
/// [`bounds`] before it is laid out whole.
pub fn read_workbook(bytes: Vec<u8>) -> Result<Vec<RawSheet>, ReadError> {
    use calamine::{Data, Reader, Sheets};
    bounds::check_zip(&bytes)?;
    bounds::check_ods(&bytes)?;
    biff::check(&bytes)?;
    let unreadable = |e: calamine::Error| ReadError::Unreadable(e.to_string());
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    let mut tally = bounds::Tally::default();
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = match &mut book {
            Sheets::Xlsx(xlsx) => bounds::xlsx_sheet(xlsx, &name, &mut tally)?
                .map_err(|e| unreadable(calamine::Error::Xlsx(e)))?,
            other => other.worksheet_range(&name).map_err(unreadable)?,
        };
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            // Columns before the used range's first are blank: keep the letters true.
            let mut row = vec![Raw::Empty; left as usize];
            row.extend(cells.iter().map(|c| {
                match c {
                    Data::Empty => Raw::Empty,
                    Data::String(s) => Raw::Text(s.clone()),
                    Data::Int(n) => Raw::Number(*n as f64),
                    Data::Float(v) => Raw::Number(*v),
                    Data::Bool(b) => Raw::Bool(*b),
                    Data::DateTime(d) if d.is_datetime() => {
                        excel_date(d.as_f64()).map_or(Raw::Number(d.as_f64()), Raw::Date)
                    }
                    Data::DateTime(d) => Raw::Number(d.as_f64()),
                    Data::DateTimeIso(s) => s
                        .get(..10)
                        .and_then(|d| d.parse::<Date>().ok())
                        .map_or_else(|| Raw::Text(s.clone()), Raw::Date),
                    Data::DurationIso(s) => Raw::Text(s.clone()),
                    Data::Error(e) => Raw::Text(format!("#{e:?}")),
                }
            }));
            // Numbered as the spreadsheet shows it, however far down the used range starts.
            rows.push((top + i as u32 + 1, row));
        }
        sheets.push(RawSheet {
            name: Some(name),
            rows,
            convention: None,
        });
    }
    Ok(sheets)
}

/// The date of an Excel serial number (days since 1899-12-30 in the 1900 system).
fn excel_date(serial: f64) -> Option<Date> {
    let epoch = Date::new(1899, 12, 30).ok()?;
    epoch
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_go_on_past_z() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(27), "AB");
        assert_eq!(letter(701), "ZZ");
        assert_eq!(letter(702), "AAA");
    }

    #[test]
    fn csv_reads_quotes_separators_and_the_formula_guard() {
        let sheet = read_csv("\u{feff}a;b;c\r\n\"x;y\";'=1+1;\"two\nlines\"\r\n;;\r\n").unwrap();
        assert_eq!(sheet.rows.len(), 3);
        assert_eq!(sheet.rows[1].0, 2);
        assert_eq!(
            sheet.rows[1].1,
            vec![
                Raw::Text("x;y".into()),
                Raw::Text("=1+1".into()),
                Raw::Text("two\nlines".into())
            ]
        );
        assert_eq!(sheet.rows[2].1, vec![Raw::Empty, Raw::Empty, Raw::Empty]);
        assert_eq!(
            read_csv("a,b\n\"open,c\n").unwrap_err(),
            ReadError::UnclosedQuote(2)
        );
    }

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(excel_date(46358.0), Some(Date::new(2026, 12, 2).unwrap()));
    }
}
