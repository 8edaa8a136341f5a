//! The tables of a programme's budget years and evidence, the plan's
//! dimensions and its evaluation, read into the plan: each table is the
//! whole list it holds, its rows matched to the plan's items by key (a
//! year, a name, an id) so that each keeps its place.

use super::{Column, LANGS, Removed, Row, Work, fold, keyed};
use crate::i18n::fill;
use crate::plan::field::{
    self, BudgetField, DimensionField, EvidenceField, FieldError, ScoreField,
};
use crate::plan::model::{
    Aspect, AspectScore, Budget, BudgetChange, Dimension, Evidence, FiscalPeriod, OfficialResult,
    Plan, SubActivity, Weights,
};
use crate::plan::schema::{BudgetChangeField, PeriodField, SubActivityField};
use crate::report::sheet::{aspect_key, aspect_word};
use std::collections::{BTreeMap, HashMap, HashSet};

impl Work<'_, '_> {
    /// The text of `column`'s cell in `cells`, trimmed; empty when the
    /// table has no such column.
    fn text(&self, cells: &[super::Raw], column: Column) -> String {
        let value = self.table.cell(cells, column).unwrap_or_default();
        value.trim().to_string()
    }

    /// The data rows, owned, so the plan can change while they are read.
    fn all_rows(&self) -> Vec<Row> {
        self.table.rows().cloned().collect()
    }

    /// A problem when `key` was on an earlier row of this table.
    fn once(&mut self, seen: &mut HashMap<String, u32>, key: String, row: u32, column: Column) {
        match seen.get(&key) {
            Some(&first) => {
                let message = fill(
                    self.t.sheets.row_twice,
                    &[&crate::text::escape(&key), &first],
                );
                self.fail(row, Some(column), message);
            }
            None => {
                seen.insert(key, row);
            }
        }
    }

    fn refused(&mut self, row: u32, column: Column, e: FieldError) {
        self.fail(row, Some(column), e.reason(self.t));
    }

    pub(super) fn budget(&mut self) {
        let year = Column::Budget(BudgetField::Year);
        for (index, rows) in self.by_program() {
            let old = self.plan.programs[index].budget.clone();
            let lists = keyed(
                &old,
                &rows,
                |b| b.year.to_string(),
                |cells| self.text(cells, year),
            );
            let mut list = Vec::with_capacity(rows.len());
            let mut seen = HashMap::new();
            for (start, (row, cells)) in lists {
                let mut b = start.unwrap_or_else(Budget::default);
                for &f in BudgetField::ALL {
                    let column = Column::Budget(f);
                    if let Some(value) = self.table.cell(&cells, column)
                        && let Err(e) = f.parse_into(
                            &mut b,
                            f.name(),
                            &value,
                            self.plan.period,
                            &self.table.words(),
                        )
                    {
                        self.refused(row, column, e);
                    }
                }
                self.once(&mut seen, b.year.to_string(), row, year);
                list.push(b);
            }
            self.plan.programs[index].budget = list;
        }
    }

    pub(super) fn evidence(&mut self) {
        let name = Column::Evidence(EvidenceField::Name);
        for (index, rows) in self.by_program() {
            let old = self.plan.programs[index].evidence.clone();
            let lists = keyed(
                &old,
                &rows,
                |e| e.name.trim().to_string(),
                |cells| self.text(cells, name),
            );
            let mut list = Vec::with_capacity(rows.len());
            for (start, (row, cells)) in lists {
                let mut e = start.unwrap_or_else(Evidence::default);
                for &f in EvidenceField::ALL {
                    let column = Column::Evidence(f);
                    if let Some(value) = self.table.cell(&cells, column)
                        && let Err(why) =
                            f.parse_into(&mut e, f.name(), &value, &self.table.words())
                    {
                        self.refused(row, column, why);
                    }
                }
                list.push(e);
            }
            self.plan.programs[index].evidence = list;
        }
    }

    /// The dimensions, in the plan's order and then the table's; a
    /// dimension the table lacks goes (validation refuses it while a
    /// programme is in it).
    pub(super) fn dimensions(&mut self) {
        let rows = self.all_rows();
        let old = self.plan.dimensions.clone();
        let lists = keyed(
            &old,
            &rows,
            |d| d.id.clone(),
            |cells| self.text(cells, Column::DimensionId),
        );
        let mut list = Vec::with_capacity(rows.len());
        let mut seen = HashMap::new();
        for (start, (row, cells)) in lists {
            let id = self.text(&cells, Column::DimensionId);
            if id.is_empty() {
                let e = FieldError::Required { field: "id".into() };
                self.refused(row, Column::DimensionId, e);
                continue;
            }
            self.once(&mut seen, id.clone(), row, Column::DimensionId);
            let mut d = start.unwrap_or_else(|| Dimension {
                id,
                name: String::new(),
                lead: String::new(),
                elements: Vec::new(),
            });
            for &f in DimensionField::ALL {
                let column = Column::DimensionField(f);
                if let Some(value) = self.table.cell(&cells, column)
                    && let Err(e) = f.parse_into(&mut d, &value)
                {
                    self.refused(row, column, e);
                }
            }
            list.push(d);
        }
        self.plan.dimensions = list;
    }

    /// The aspect a row names, or a problem listing the five.
    fn aspect(&mut self, row: u32, cells: &[super::Raw]) -> Option<Aspect> {
        let typed = self.text(cells, Column::Aspect);
        let found = aspect_named(&typed);
        if found.is_none() {
            let names: Vec<&str> = Aspect::ALL.map(|a| aspect_word(a, self.lang)).to_vec();
            let message = fill(self.t.forms.f_one_of, &[&names.join(" | ")]);
            self.fail(row, Some(Column::Aspect), message);
        }
        found
    }

    /// A weight for each of the five aspects, or no row at all for the
    /// default.
    pub(super) fn weights(&mut self) {
        let mut weights: [Option<f64>; 5] = [None; 5];
        let mut seen = HashMap::new();
        for (row, cells) in self.all_rows() {
            let Some(aspect) = self.aspect(row, &cells) else {
                continue;
            };
            self.once(&mut seen, aspect_key(aspect).into(), row, Column::Aspect);
            let value = self.text(&cells, Column::Weight);
            match field::number("weight", &value, &self.table.words()) {
                Ok(w) => weights[index_of(aspect)] = Some(w),
                Err(e) => self.refused(row, Column::Weight, e),
            }
        }
        if seen.is_empty() {
            self.plan.evaluation.weights = None;
            return;
        }
        let missing: Vec<&str> = (Aspect::ALL.into_iter())
            .filter(|&a| weights[index_of(a)].is_none() && !seen.contains_key(aspect_key(a)))
            .map(|a| aspect_word(a, self.lang))
            .collect();
        if !missing.is_empty() {
            let header = self.table.sheet.rows.first().map_or(1, |(r, _)| *r);
            let message = fill(self.t.sheets.weights_partial, &[&missing.join(", ")]);
            self.fail(header, Some(Column::Aspect), message);
            return;
        }
        let w = |a: Aspect| weights[index_of(a)].unwrap_or_default();
        self.plan.evaluation.weights = Some(Weights {
            baseline: w(Aspect::Baseline),
            output: w(Aspect::Output),
            outcome: w(Aspect::Outcome),
            impact: w(Aspect::Impact),
            quick_win: w(Aspect::QuickWin),
        });
    }

    /// The self-assessment: a row with no score has none.
    pub(super) fn scores(&mut self) {
        let rows = self.all_rows();
        let old = self.plan.evaluation.scores.clone();
        let key = |year: &str, aspect: Option<Aspect>, typed: &str| match aspect {
            Some(a) => format!("{year} {}", aspect_key(a)),
            None => format!("{year} {typed}"),
        };
        let lists = keyed(
            &old,
            &rows,
            |s| key(&s.year.to_string(), Some(s.aspect), ""),
            |cells| {
                let typed = self.text(cells, Column::Aspect);
                key(
                    &self.text(cells, Column::Year),
                    aspect_named(&typed),
                    &typed,
                )
            },
        );
        let mut list = Vec::with_capacity(rows.len());
        let mut seen = HashMap::new();
        for (_, (row, cells)) in lists {
            let year = self.year(row, &cells);
            let aspect = self.aspect(row, &cells);
            let (mut score, mut note) = (None, String::new());
            for f in ScoreField::ALL {
                let column = Column::Score(*f);
                let value = self.table.cell(&cells, column).unwrap_or_default();
                if let Err(e) = f.parse_into(&mut score, &mut note, &value, &self.table.words()) {
                    self.refused(row, column, e);
                }
            }
            let (Some(year), Some(aspect), Some(score)) = (year, aspect, score) else {
                continue;
            };
            let shown = format!("{year} {}", aspect_word(aspect, self.lang));
            self.once(&mut seen, shown, row, Column::Aspect);
            list.push(AspectScore {
                year,
                aspect,
                score,
                note,
            });
        }
        self.plan.evaluation.scores = list;
    }

    /// The row's year, any year (a result may come before the plan), or a problem.
    fn year(&mut self, row: u32, cells: &[super::Raw]) -> Option<i32> {
        let value = self.text(cells, Column::Year);
        match field::any_year("year", &value) {
            Ok(y) => Some(y),
            Err(e) => {
                self.refused(row, Column::Year, e);
                None
            }
        }
    }

    pub(super) fn results(&mut self) {
        let rows = self.all_rows();
        let old = self.plan.evaluation.results.clone();
        let lists = keyed(
            &old,
            &rows,
            |r| r.year.to_string(),
            |cells| self.text(cells, Column::Year),
        );
        let mut list = Vec::with_capacity(rows.len());
        let mut seen = HashMap::new();
        for (start, (row, cells)) in lists {
            let mut r = start.unwrap_or_else(OfficialResult::default);
            if let Some(year) = self.year(row, &cells) {
                r.year = year;
                self.once(&mut seen, year.to_string(), row, Column::Year);
            }
            let words = self.table.words();
            let value = self.text(&cells, Column::Index);
            match field::number("index", &value, &words) {
                Ok(v) => r.index = v,
                Err(e) => self.refused(row, Column::Index, e),
            }
            for aspect in Aspect::ALL {
                let column = Column::SubIndex(aspect);
                let Some(value) = self.table.cell(&cells, column) else {
                    continue;
                };
                match field::optional_number(aspect_key(aspect), &value, &words) {
                    Ok(v) => *sub_index(&mut r, aspect) = v,
                    Err(e) => self.refused(row, column, e),
                }
            }
            if let Some(letter) = self.table.cell(&cells, Column::Letter) {
                r.letter = letter.trim().to_string();
            }
            list.push(r);
        }
        self.plan.evaluation.results = list;
    }

    pub(super) fn survey(&mut self) {
        let mut survey = BTreeMap::new();
        let mut seen = HashMap::new();
        for (row, cells) in self.all_rows() {
            let year = self.year(row, &cells);
            let value = self.text(&cells, Column::Survey);
            let result = match field::number("survey", &value, &self.table.words()) {
                Ok(v) => Some(v),
                Err(e) => {
                    self.refused(row, Column::Survey, e);
                    None
                }
            };
            if let (Some(year), Some(result)) = (year, result) {
                self.once(&mut seen, year.to_string(), row, Column::Year);
                survey.insert(year, result);
            }
        }
        self.plan.evaluation.survey = survey;
    }
}

impl Work<'_, '_> {
    pub(super) fn periods(&mut self) {
        let (year, quarter, month) = (
            Column::Period(PeriodField::Year),
            Column::Period(PeriodField::Quarter),
            Column::Period(PeriodField::Month),
        );
        for (index, rows) in self.by_program() {
            let old = self.plan.programs[index].periods.clone();
            let lists = keyed(&old, &rows, period_key, |cells| {
                let typed = |c| self.text(cells, c);
                format!("{} {} {}", typed(year), typed(quarter), typed(month))
            });
            let mut list = Vec::with_capacity(rows.len());
            let mut seen = HashMap::new();
            for (start, (row, cells)) in lists {
                let mut x = start.unwrap_or_else(|| FiscalPeriod {
                    year: self.plan.period.start,
                    ..FiscalPeriod::default()
                });
                for &f in PeriodField::ALL {
                    let column = Column::Period(f);
                    if let Some(value) = self.table.cell(&cells, column)
                        && let Err(e) = f.parse_into(
                            &mut x,
                            f.name(),
                            &value,
                            self.plan.period,
                            &self.table.words(),
                        )
                    {
                        self.refused(row, column, e);
                    }
                }
                self.once(&mut seen, format!("{} {}", x.year, x.tag()), row, year);
                list.push(x);
            }
            self.plan.programs[index].periods = list;
        }
    }

    pub(super) fn budget_changes(&mut self) {
        let (year, date) = (
            Column::BudgetChange(BudgetChangeField::Year),
            Column::BudgetChange(BudgetChangeField::Date),
        );
        for (index, rows) in self.by_program() {
            let old = self.plan.programs[index].budget_changes.clone();
            let lists = keyed(
                &old,
                &rows,
                |c| format!("{} {}", c.year, c.date),
                |cells| {
                    let typed = self.text(cells, date);
                    let date = crate::plan::typed::date(&typed).map_or(typed, |d| d.to_string());
                    format!("{} {date}", self.text(cells, year))
                },
            );
            let mut list = Vec::with_capacity(rows.len());
            for (start, (row, cells)) in lists {
                let mut c = start.unwrap_or_else(BudgetChange::default);
                for &f in BudgetChangeField::ALL {
                    let column = Column::BudgetChange(f);
                    if let Some(value) = self.table.cell(&cells, column)
                        && let Err(e) = f.parse_into(
                            &mut c,
                            f.name(),
                            &value,
                            self.plan.period,
                            &self.table.words(),
                        )
                    {
                        self.refused(row, column, e);
                    }
                }
                list.push(c);
            }
            self.plan.programs[index].budget_changes = list;
        }
    }

    pub(super) fn subactivities(&mut self) {
        let code = Column::SubActivity(SubActivityField::Code);
        for (index, rows) in self.by_program() {
            let old = self.plan.programs[index].subactivities.clone();
            let lists = keyed(
                &old,
                &rows,
                |x| x.code.clone(),
                |cells| self.text(cells, code),
            );
            let mut list = Vec::with_capacity(rows.len());
            let mut seen = HashMap::new();
            for (start, (row, cells)) in lists {
                let mut x = start.unwrap_or_else(SubActivity::default);
                for &f in SubActivityField::ALL {
                    let column = Column::SubActivity(f);
                    if let Some(value) = self.table.cell(&cells, column)
                        && let Err(e) = f.parse_into(&mut x, f.name(), &value, &self.table.words())
                    {
                        self.refused(row, column, e);
                    }
                }
                self.once(&mut seen, x.code.clone(), row, code);
                list.push(x);
            }
            self.plan.programs[index].subactivities = list;
        }
    }
}

/// A period as a row names it: year, quarter and month as typed, `none`
/// and blank alike.
fn period_key(x: &FiscalPeriod) -> String {
    let small = |v: Option<u8>| v.map_or_else(String::new, |n| n.to_string());
    format!("{} {} {}", x.year, small(x.quarter), small(x.month))
}

/// The aspect `typed` names: its name in either language, its data-file
/// name or its key in a sheet (`quick_win`).
fn aspect_named(typed: &str) -> Option<Aspect> {
    let want = fold(typed);
    if want.is_empty() {
        return None;
    }
    Aspect::ALL.into_iter().find(|&a| {
        fold(a.key()) == want
            || fold(aspect_key(a)) == want
            || LANGS.iter().any(|&l| fold(aspect_word(a, l)) == want)
    })
}

fn index_of(aspect: Aspect) -> usize {
    Aspect::ALL.iter().position(|&a| a == aspect).unwrap_or(0)
}

fn sub_index(r: &mut OfficialResult, aspect: Aspect) -> &mut Option<f64> {
    match aspect {
        Aspect::Baseline => &mut r.baseline,
        Aspect::Output => &mut r.output,
        Aspect::Outcome => &mut r.outcome,
        Aspect::Impact => &mut r.impact,
        Aspect::QuickWin => &mut r.quick_win,
    }
}

/// What `plan` no longer has of `base`'s dimensions and evaluation.
pub(super) fn removed(base: &Plan, plan: &Plan, out: &mut Vec<Removed>) {
    let ids: HashSet<&str> = plan.dimensions.iter().map(|d| d.id.as_str()).collect();
    for d in base
        .dimensions
        .iter()
        .filter(|d| !ids.contains(d.id.as_str()))
    {
        out.push(Removed::Dimension(d.id.clone()));
    }
    let (before, now) = (&base.evaluation, &plan.evaluation);
    if before.weights.is_some() && now.weights.is_none() {
        out.push(Removed::Weights);
    }
    let scores: HashSet<(i32, Aspect)> = now.scores.iter().map(|s| (s.year, s.aspect)).collect();
    for s in (before.scores.iter()).filter(|s| !scores.contains(&(s.year, s.aspect))) {
        out.push(Removed::Score {
            year: s.year,
            aspect: s.aspect,
        });
    }
    let years: HashSet<i32> = now.results.iter().map(|r| r.year).collect();
    for r in before.results.iter().filter(|r| !years.contains(&r.year)) {
        out.push(Removed::Result(r.year));
    }
    for &year in before.survey.keys().filter(|y| !now.survey.contains_key(y)) {
        out.push(Removed::Survey(year));
    }
}

/// What `now` no longer has of `before`'s periods, budget changes and
/// sub-activities (one programme in two versions).
pub(super) fn removed_fiscal(
    before: &crate::plan::model::Program,
    now: &crate::plan::model::Program,
    out: &mut Vec<Removed>,
) {
    let program = || before.id.clone();
    let tag = |x: &FiscalPeriod| format!("{} {}", x.year, x.tag());
    let periods: HashSet<String> = now.periods.iter().map(tag).collect();
    for x in before.periods.iter().filter(|x| !periods.contains(&tag(x))) {
        out.push(Removed::Period {
            program: program(),
            period: tag(x),
        });
    }
    let change = |c: &BudgetChange| format!("{} {}", c.year, c.date);
    let changes: HashSet<String> = now.budget_changes.iter().map(change).collect();
    for c in (before.budget_changes.iter()).filter(|c| !changes.contains(&change(c))) {
        out.push(Removed::BudgetChange {
            program: program(),
            change: change(c),
        });
    }
    let codes: HashSet<&str> = now.subactivities.iter().map(|x| x.code.as_str()).collect();
    for x in (before.subactivities.iter()).filter(|x| !codes.contains(x.code.as_str())) {
        out.push(Removed::SubActivity {
            program: program(),
            code: x.code.clone(),
        });
    }
}
