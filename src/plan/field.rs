//! How each field of the schema (`plan::schema`) is read as text, parsed from
//! text, compared and copied: one exhaustive `match` per registry, so a new
//! field's variant makes the compiler ask for each. Its row (kind, where it
//! appears) is the schema's; its words are the strings' (`i18n::fields`).
//!
//! `pantau set`, the edit forms, import, the merge and the audit diff all go
//! through here. The parsing rules live here once: `status=selesai` works
//! under English (the caller passes the words of both languages as a
//! [`Vocabulary`]), and a form and `pantau set` accept and refuse the same
//! values; a refusal says what the field takes as an [`Expected`], which the
//! strings put in words (`i18n::forms`).

use crate::plan::edit::Header;
use crate::plan::followup::{self, FollowUp, FollowUpStatus, Source};
use crate::plan::model::{
    AspectScore, Bands, Budget, BudgetChange, BudgetChangeKind, Dimension, Direction, Evidence,
    EvidenceKind, EvidenceState, FiscalPeriod, Horizon, Measure, Milestone, Period, Plan, Program,
    Status, SubActivity, Target,
};
use crate::plan::schema::Kind;
pub use crate::plan::schema::{
    BudgetChangeField, BudgetField, DimensionField, EvidenceField, FollowUpField, HeaderField,
    Item, MilestoneField, PeriodField, ProgramField, ScoreField, SubActivityField, TargetField,
};
use crate::plan::typed::{self, Convention};

/// The usual funding sources; a file may name others.
pub const FUNDING: &[&str] = &["APBD", "APBN", "DAK", "CSR", "KPBU", "Swasta"];

#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    UnknownField {
        field: String,
        valid: Vec<String>,
    },
    /// `value` is not valid for `field`; `expected` says what is.
    BadValue {
        field: String,
        value: String,
        expected: Expected,
    },
    NoSuchItem {
        what: Item,
        number: usize,
        count: usize,
    },
    Required {
        field: String,
    },
}

/// What a field takes, said when a value is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// One of these names (data-file names, dimension ids, elements).
    OneOf(Vec<String>),
    /// A year inside the plan's period.
    YearIn(Period),
    Year,
    /// A kode wilayah.
    RegionCode,
    Date,
    Bool,
    Number,
    /// An id no other programme has.
    FreeId,
    /// An amount of money.
    Rupiah,
    /// One figure that reads as `indonesian` one way and `english` the other
    /// (`36.500`, `1,500`): never guessed (`plan::typed`).
    Ambiguous {
        indonesian: f64,
        english: f64,
    },
    /// A path or a URL an officer can open.
    Link,
    /// A self-assessment score on the index's scale.
    Score,
    /// A quarter, 1–4 or I–IV.
    Quarter,
    /// A month, 1–12.
    Month,
    /// A percentage from 0 to 100.
    Percent,
    /// A kode sub kegiatan, `2.16.02.1.01.0001`.
    SubActivityCode,
    /// Text without control characters (a follow-up's PIC and agency).
    Printable,
    /// Progress notes, a date then the note on each line; `line` is the
    /// first that is not.
    DatedLines {
        line: String,
    },
    /// A follow-up id no other follow-up of the programme has.
    FreeFollowUpId,
}

fn bad(field: &str, value: &str, expected: Expected) -> FieldError {
    FieldError::BadValue {
        field: field.to_string(),
        value: value.to_string(),
        expected,
    }
}

/// The words an officer may type for a value instead of its data-file name
/// (`berjalan` or `In progress` for `InProgress`), in either language, and
/// the way they write figures when the caller knows it. The strings know
/// the words (`i18n::BothLanguages`); the caller passes them in, so the
/// domain reads them without knowing a language.
pub trait Vocabulary {
    /// The data-file name of the value of `kind` that `typed` names;
    /// `None` when it names none.
    fn key(&self, kind: Kind, typed: &str) -> Option<&'static str>;

    /// How the officer writes figures, when the interface's language, a
    /// form or the file settles it: `36.500` is then read one way instead
    /// of being refused with both readings (`plan::typed`).
    fn convention(&self) -> Option<Convention> {
        None
    }
}

/// Lower case without spaces, `-` and `_`: "In progress", "in-progress" and
/// "InProgress" are the same name.
pub fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A required one-line text: trimmed, not empty.
pub fn line(field: &str, value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldError::Required {
            field: field.to_string(),
        });
    }
    Ok(value.to_string())
}

/// A year inside the plan's period.
fn year(field: &str, value: &str, period: Period) -> Result<i32, FieldError> {
    let expected = || Expected::YearIn(period);
    let year: i32 = value
        .trim()
        .parse()
        .map_err(|_| bad(field, value, expected()))?;
    if period.contains(year) {
        Ok(year)
    } else {
        Err(bad(field, value, expected()))
    }
}

/// Any year, for the plan's own period (validation checks its range).
pub(crate) fn any_year(field: &str, value: &str) -> Result<i32, FieldError> {
    value
        .trim()
        .parse()
        .map_err(|_| bad(field, value, Expected::Year))
}

/// A kode wilayah (`73` or `73.22`), or nothing.
fn region_code(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() || crate::plan::model::is_region_code(v) {
        Ok(v.to_string())
    } else {
        Err(bad(field, value, Expected::RegionCode))
    }
}

/// A strict `YYYY-MM-DD` calendar date, kept as written.
/// A date typed as ISO or day first (`30-11-2026`, `30/11/2026`), kept as
/// ISO: the data file is read by machines too.
fn date(field: &str, value: &str) -> Result<String, FieldError> {
    crate::plan::typed::date(value)
        .map(|d| d.to_string())
        .ok_or_else(|| bad(field, value, Expected::Date))
}

/// What a figure that did not read was expected to be.
fn unread(field: &str, value: &str, e: typed::NumberError, expected: Expected) -> FieldError {
    match e {
        typed::NumberError::NotANumber => bad(field, value, expected),
        typed::NumberError::Ambiguous {
            indonesian,
            english,
        } => bad(
            field,
            value,
            Expected::Ambiguous {
                indonesian,
                english,
            },
        ),
    }
}

fn boolean(field: &str, value: &str) -> Result<bool, FieldError> {
    match value.trim().to_lowercase().as_str() {
        "true" | "yes" | "ya" | "y" | "1" | "done" | "selesai" => Ok(true),
        "false" | "no" | "tidak" | "n" | "0" => Ok(false),
        _ => Err(bad(field, value, Expected::Bool)),
    }
}

/// A finite number as an officer types it, in either convention; one
/// that reads differently in the two is refused with both readings unless
/// `words` knows the officer's convention.
pub(crate) fn number(field: &str, value: &str, words: &dyn Vocabulary) -> Result<f64, FieldError> {
    typed::number(value, words.convention()).map_err(|e| unread(field, value, e, Expected::Number))
}

/// A number, or nothing (empty, `-`, `none`) when not yet known.
pub(crate) fn optional_number(
    field: &str,
    value: &str,
    words: &dyn Vocabulary,
) -> Result<Option<f64>, FieldError> {
    match value.trim().to_lowercase().as_str() {
        "" | "-" | "—" | "none" | "tidak ada" => Ok(None),
        _ => number(field, value, words).map(Some),
    }
}

/// A comma-separated list, trimmed, without empty items.
fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn optional(value: Option<f64>) -> String {
    value.map_or_else(|| "none".to_string(), |n| n.to_string())
}

/// What parsing a programme's field needs to know besides the text: the
/// plan (dimensions, period, other ids), which programme it is (`None` for a
/// new one), and the words an officer may type for a status or a horizon.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub index: Option<usize>,
    pub words: &'a dyn Vocabulary,
}

impl ProgramField {
    /// The value as text, as [`ProgramField::parse_into`] reads it back.
    pub fn get(self, p: &Program) -> String {
        match self {
            ProgramField::Name => p.name.clone(),
            ProgramField::Id => p.id.clone(),
            ProgramField::Description => p.description.clone(),
            ProgramField::Dimension => p.dimension.clone(),
            ProgramField::Element => p.element.clone(),
            ProgramField::Rpjmd => p.rpjmd.clone().unwrap_or_default(),
            ProgramField::Renstra => p.renstra.clone().unwrap_or_default(),
            ProgramField::Horizon => p.horizon.key().to_string(),
            ProgramField::Lead => p.lead.clone(),
            ProgramField::Support => p.support.join(", "),
            ProgramField::Funding => p.funding.join(", "),
            ProgramField::Start => p.start.to_string(),
            ProgramField::End => p.end.to_string(),
            ProgramField::Status => p.status.key().to_string(),
            ProgramField::Notes => p.notes.clone(),
        }
    }

    /// Reads `value` into `p`'s field, or says why it is not a valid value.
    /// Checks that need the whole plan afterwards are validation's.
    pub fn parse_into(self, p: &mut Program, value: &str, cx: Context) -> Result<(), FieldError> {
        let (name, plan) = (self.name(), cx.plan);
        match self {
            ProgramField::Name => p.name = line(name, value)?,
            ProgramField::Id => {
                let id = line(name, value)?;
                let taken = plan
                    .programs
                    .iter()
                    .enumerate()
                    .any(|(i, other)| Some(i) != cx.index && other.id == id);
                if taken {
                    return Err(bad(name, value, Expected::FreeId));
                }
                p.id = id;
            }
            ProgramField::Description => p.description = value.to_string(),
            ProgramField::Dimension => {
                let v = value.trim();
                p.dimension = plan.dimension(v).map(|d| d.id.clone()).ok_or_else(|| {
                    let ids: Vec<&str> = plan.dimensions.iter().map(|d| d.id.as_str()).collect();
                    bad(
                        name,
                        value,
                        Expected::OneOf(ids.iter().map(|s| s.to_string()).collect()),
                    )
                })?;
                // The old element belongs to the old dimension.
                if !element_fits(plan, &p.dimension, &p.element) {
                    p.element.clear();
                }
            }
            ProgramField::Element => {
                let v = value.trim();
                if !element_fits(plan, &p.dimension, v) {
                    let elements = plan
                        .dimension(&p.dimension)
                        .map(|d| d.elements.clone())
                        .unwrap_or_default();
                    return Err(bad(name, value, Expected::OneOf(elements)));
                }
                p.element = v.to_string();
            }
            ProgramField::Rpjmd => {
                p.rpjmd = Some(value.trim().to_string()).filter(|v| !v.is_empty());
            }
            ProgramField::Renstra => {
                p.renstra = Some(value.trim().to_string()).filter(|v| !v.is_empty());
            }
            ProgramField::Horizon => {
                p.horizon = choice(
                    name,
                    value,
                    &Horizon::ALL,
                    Horizon::key,
                    Kind::Horizon,
                    cx.words,
                )?
            }
            ProgramField::Lead => p.lead = value.trim().to_string(),
            ProgramField::Support => p.support = list(value),
            ProgramField::Funding => p.funding = list(value),
            ProgramField::Start => p.start = year(name, value, plan.period)?,
            ProgramField::End => p.end = year(name, value, plan.period)?,
            ProgramField::Status => {
                p.status = choice(
                    name,
                    value,
                    &Status::ALL,
                    Status::key,
                    Kind::Status,
                    cx.words,
                )?
            }
            ProgramField::Notes => p.notes = value.to_string(),
        }
        Ok(())
    }

    /// Whether two versions of a programme agree on this field.
    pub fn same(self, a: &Program, b: &Program) -> bool {
        match self {
            ProgramField::Name => a.name == b.name,
            ProgramField::Id => a.id == b.id,
            ProgramField::Description => a.description == b.description,
            ProgramField::Dimension => a.dimension == b.dimension,
            ProgramField::Element => a.element == b.element,
            ProgramField::Rpjmd => a.rpjmd == b.rpjmd,
            ProgramField::Renstra => a.renstra == b.renstra,
            ProgramField::Horizon => a.horizon == b.horizon,
            ProgramField::Lead => a.lead == b.lead,
            ProgramField::Support => a.support == b.support,
            ProgramField::Funding => a.funding == b.funding,
            ProgramField::Start => a.start == b.start,
            ProgramField::End => a.end == b.end,
            ProgramField::Status => a.status == b.status,
            ProgramField::Notes => a.notes == b.notes,
        }
    }

    /// Copies this field from `src` into `dst`.
    pub fn copy(self, dst: &mut Program, src: &Program) {
        match self {
            ProgramField::Name => dst.name.clone_from(&src.name),
            ProgramField::Id => dst.id.clone_from(&src.id),
            ProgramField::Description => dst.description.clone_from(&src.description),
            ProgramField::Dimension => dst.dimension.clone_from(&src.dimension),
            ProgramField::Element => dst.element.clone_from(&src.element),
            ProgramField::Rpjmd => dst.rpjmd.clone_from(&src.rpjmd),
            ProgramField::Renstra => dst.renstra.clone_from(&src.renstra),
            ProgramField::Horizon => dst.horizon = src.horizon,
            ProgramField::Lead => dst.lead.clone_from(&src.lead),
            ProgramField::Support => dst.support.clone_from(&src.support),
            ProgramField::Funding => dst.funding.clone_from(&src.funding),
            ProgramField::Start => dst.start = src.start,
            ProgramField::End => dst.end = src.end,
            ProgramField::Status => dst.status = src.status,
            ProgramField::Notes => dst.notes.clone_from(&src.notes),
        }
    }
}

/// An element belongs to its dimension, or is empty, or the dimension names none.
fn element_fits(plan: &Plan, dimension: &str, element: &str) -> bool {
    match plan.dimension(dimension) {
        None => true,
        Some(d) => {
            element.is_empty() || d.elements.is_empty() || d.elements.iter().any(|e| e == element)
        }
    }
}

impl MilestoneField {
    pub fn get(self, m: &Milestone) -> String {
        match self {
            MilestoneField::Title => m.title.clone(),
            MilestoneField::Due => m.due.clone(),
            MilestoneField::Done => m.done.to_string(),
            MilestoneField::Weight => optional(m.weight),
        }
    }

    /// The value as a form shows it for editing: no weight is empty.
    pub fn edit_text(self, m: &Milestone) -> String {
        match self {
            MilestoneField::Weight => m.weight.map_or_else(String::new, |v| v.to_string()),
            other => other.get(m),
        }
    }

    /// Copies this field from `src` into `dst`.
    pub fn copy(self, dst: &mut Milestone, src: &Milestone) {
        match self {
            MilestoneField::Title => dst.title.clone_from(&src.title),
            MilestoneField::Due => dst.due.clone_from(&src.due),
            MilestoneField::Done => dst.done = src.done,
            MilestoneField::Weight => dst.weight = src.weight,
        }
    }

    /// Whether two versions of a milestone agree on this field.
    pub fn same(self, a: &Milestone, b: &Milestone) -> bool {
        match self {
            MilestoneField::Title => a.title == b.title,
            MilestoneField::Due => a.due == b.due,
            MilestoneField::Done => a.done == b.done,
            MilestoneField::Weight => a.weight == b.weight,
        }
    }

    /// `path` names the field in messages (`milestone.2.due` for `set`).
    pub fn parse_into(
        self,
        m: &mut Milestone,
        path: &str,
        value: &str,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            MilestoneField::Title => m.title = line(path, value)?,
            MilestoneField::Due => m.due = date(path, value)?,
            MilestoneField::Done => m.done = boolean(path, value)?,
            MilestoneField::Weight => m.weight = optional_number(path, value, words)?,
        }
        Ok(())
    }
}

impl TargetField {
    pub fn get(self, x: &Target) -> String {
        match self {
            TargetField::Indicator => x.indicator.clone(),
            TargetField::Year => x.year.to_string(),
            TargetField::Unit => x.unit.clone(),
            TargetField::Baseline => optional(x.baseline),
            TargetField::Target => x.target.to_string(),
            TargetField::Actual => optional(x.actual),
            TargetField::Direction => x.direction.key().to_string(),
            TargetField::Upper => optional(x.upper),
            TargetField::BaseYear => x
                .base_year
                .map_or_else(|| "none".to_string(), |y| y.to_string()),
            TargetField::Source => x.source.clone(),
            TargetField::Definition => x.definition.clone(),
            TargetField::Measures => x.measures.key().to_string(),
        }
    }

    /// Copies this field from `src` into `dst`.
    pub fn copy(self, dst: &mut Target, src: &Target) {
        match self {
            TargetField::Indicator => dst.indicator.clone_from(&src.indicator),
            TargetField::Year => dst.year = src.year,
            TargetField::Unit => dst.unit.clone_from(&src.unit),
            TargetField::Baseline => dst.baseline = src.baseline,
            TargetField::Target => dst.target = src.target,
            TargetField::Actual => dst.actual = src.actual,
            TargetField::Direction => dst.direction = src.direction,
            TargetField::Upper => dst.upper = src.upper,
            TargetField::BaseYear => dst.base_year = src.base_year,
            TargetField::Source => dst.source.clone_from(&src.source),
            TargetField::Definition => dst.definition.clone_from(&src.definition),
            TargetField::Measures => dst.measures = src.measures,
        }
    }

    /// Whether two versions of a target agree on this field.
    pub fn same(self, a: &Target, b: &Target) -> bool {
        match self {
            TargetField::Indicator => a.indicator == b.indicator,
            TargetField::Year => a.year == b.year,
            TargetField::Unit => a.unit == b.unit,
            TargetField::Baseline => a.baseline == b.baseline,
            TargetField::Target => a.target == b.target,
            TargetField::Actual => a.actual == b.actual,
            TargetField::Direction => a.direction == b.direction,
            TargetField::Upper => a.upper == b.upper,
            TargetField::BaseYear => a.base_year == b.base_year,
            TargetField::Source => a.source == b.source,
            TargetField::Definition => a.definition == b.definition,
            TargetField::Measures => a.measures == b.measures,
        }
    }

    /// The value as a form shows it for editing: an unknown number is empty.
    pub fn edit_text(self, x: &Target) -> String {
        match self {
            TargetField::Baseline => x.baseline.map_or_else(String::new, |v| v.to_string()),
            TargetField::Actual => x.actual.map_or_else(String::new, |v| v.to_string()),
            TargetField::Upper => x.upper.map_or_else(String::new, |v| v.to_string()),
            TargetField::BaseYear => x.base_year.map_or_else(String::new, |y| y.to_string()),
            other => other.get(x),
        }
    }

    pub fn parse_into(
        self,
        x: &mut Target,
        path: &str,
        value: &str,
        period: Period,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            TargetField::Indicator => x.indicator = line(path, value)?,
            TargetField::Year => x.year = year(path, value, period)?,
            TargetField::Unit => x.unit = value.trim().to_string(),
            TargetField::Baseline => x.baseline = optional_number(path, value, words)?,
            TargetField::Target => x.target = number(path, value, words)?,
            TargetField::Actual => x.actual = optional_number(path, value, words)?,
            TargetField::Direction => {
                x.direction = choice(
                    path,
                    value,
                    &Direction::ALL,
                    Direction::key,
                    Kind::Direction,
                    words,
                )?
            }
            TargetField::Upper => x.upper = optional_number(path, value, words)?,
            TargetField::BaseYear => {
                x.base_year = match value.trim() {
                    "" | "-" | "none" => None,
                    v => Some(any_year(path, v)?),
                }
            }
            TargetField::Source => x.source = value.trim().to_string(),
            TargetField::Definition => x.definition = value.to_string(),
            TargetField::Measures => {
                x.measures = choice(
                    path,
                    value,
                    &Measure::ALL,
                    Measure::key,
                    Kind::Measure,
                    words,
                )?
            }
        }
        Ok(())
    }
}

/// A value of `all` by its data-file name, ignoring case and spaces, or by
/// its name in `words`; the error lists the data-file names.
fn choice<T: Copy>(
    path: &str,
    value: &str,
    all: &[T],
    key: fn(T) -> &'static str,
    kind: Kind,
    words: &dyn Vocabulary,
) -> Result<T, FieldError> {
    let want = fold(value);
    let by_key = |k: &str| all.iter().copied().find(|&x| key(x) == k);
    all.iter()
        .copied()
        .find(|&x| fold(key(x)) == want)
        .or_else(|| words.key(kind, value).and_then(by_key))
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|&x| key(x)).collect();
            bad(
                path,
                value,
                Expected::OneOf(names.iter().map(|s| s.to_string()).collect()),
            )
        })
}

impl BudgetField {
    pub fn get(self, b: &Budget) -> String {
        match self {
            BudgetField::Year => b.year.to_string(),
            BudgetField::Allocation => b.allocation.to_string(),
            BudgetField::Spent => optional(b.spent),
            BudgetField::Source => b.source.clone(),
        }
    }

    /// The value as a form shows it for editing: nothing spent yet is empty.
    pub fn edit_text(self, b: &Budget) -> String {
        match self {
            BudgetField::Spent => b.spent.map_or_else(String::new, |v| v.to_string()),
            other => other.get(b),
        }
    }

    pub fn copy(self, dst: &mut Budget, src: &Budget) {
        match self {
            BudgetField::Year => dst.year = src.year,
            BudgetField::Allocation => dst.allocation = src.allocation,
            BudgetField::Spent => dst.spent = src.spent,
            BudgetField::Source => dst.source.clone_from(&src.source),
        }
    }

    pub fn same(self, a: &Budget, b: &Budget) -> bool {
        match self {
            BudgetField::Year => a.year == b.year,
            BudgetField::Allocation => a.allocation == b.allocation,
            BudgetField::Spent => a.spent == b.spent,
            BudgetField::Source => a.source == b.source,
        }
    }

    /// Amounts in rupiah: `1500000000`, with thousands dots as Indonesians
    /// write them (`1.500.000.000`), or in words (`1,5 miliar`).
    pub fn parse_into(
        self,
        b: &mut Budget,
        path: &str,
        value: &str,
        period: Period,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            BudgetField::Year => b.year = year(path, value, period)?,
            BudgetField::Allocation => b.allocation = rupiah(path, value, words)?,
            BudgetField::Spent => {
                b.spent = match value.trim().to_lowercase().as_str() {
                    "" | "-" | "—" | "none" | "tidak ada" => None,
                    _ => Some(rupiah(path, value, words)?),
                }
            }
            BudgetField::Source => b.source = value.trim().to_string(),
        }
        Ok(())
    }
}

/// An amount of money: `1.500.000.000`, `Rp 1.500.000.000`, `1,5 miliar`.
fn rupiah(field: &str, value: &str, words: &dyn Vocabulary) -> Result<f64, FieldError> {
    typed::rupiah(value, words.convention()).map_err(|e| unread(field, value, e, Expected::Rupiah))
}

impl EvidenceField {
    pub fn get(self, e: &Evidence) -> String {
        match self {
            EvidenceField::Name => e.name.clone(),
            EvidenceField::Kind => e.kind.key().to_string(),
            EvidenceField::State => e.state.key().to_string(),
            EvidenceField::Link => e.link.clone(),
        }
    }

    pub fn copy(self, dst: &mut Evidence, src: &Evidence) {
        match self {
            EvidenceField::Name => dst.name.clone_from(&src.name),
            EvidenceField::Kind => dst.kind = src.kind,
            EvidenceField::State => dst.state = src.state,
            EvidenceField::Link => dst.link.clone_from(&src.link),
        }
    }

    pub fn same(self, a: &Evidence, b: &Evidence) -> bool {
        match self {
            EvidenceField::Name => a.name == b.name,
            EvidenceField::Kind => a.kind == b.kind,
            EvidenceField::State => a.state == b.state,
            EvidenceField::Link => a.link == b.link,
        }
    }

    pub fn parse_into(
        self,
        e: &mut Evidence,
        path: &str,
        value: &str,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            EvidenceField::Name => e.name = line(path, value)?,
            EvidenceField::Kind => {
                e.kind = choice(
                    path,
                    value,
                    &EvidenceKind::ALL,
                    EvidenceKind::key,
                    Kind::EvidenceKind,
                    words,
                )?
            }
            EvidenceField::State => {
                e.state = choice(
                    path,
                    value,
                    &EvidenceState::ALL,
                    EvidenceState::key,
                    Kind::EvidenceState,
                    words,
                )?
            }
            EvidenceField::Link => {
                let v = value.trim();
                if !v.is_empty() && !is_link(v) {
                    return Err(bad(path, value, Expected::Link));
                }
                e.link = v.to_string();
            }
        }
        Ok(())
    }
}

/// Text that may be empty, as the data file writes a number that may be
/// absent and a form shows it.
fn optional_edit(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// An amount that may not be known yet.
fn optional_rupiah(
    field: &str,
    value: &str,
    words: &dyn Vocabulary,
) -> Result<Option<f64>, FieldError> {
    match value.trim().to_lowercase().as_str() {
        "" | "-" | "—" | "none" | "tidak ada" => Ok(None),
        _ => rupiah(field, value, words).map(Some),
    }
}

/// A quarter as officers write it: `3`, `III`, `TW III`, `Q3`, `triwulan 3`.
fn quarter(field: &str, value: &str) -> Result<Option<u8>, FieldError> {
    let v = fold(value);
    let v = ["triwulan", "tw", "q"]
        .iter()
        .find_map(|p| v.strip_prefix(p))
        .unwrap_or(&v);
    let q = match v {
        "" | "none" => return Ok(None),
        "1" | "i" => 1,
        "2" | "ii" => 2,
        "3" | "iii" => 3,
        "4" | "iv" => 4,
        _ => return Err(bad(field, value, Expected::Quarter)),
    };
    Ok(Some(q))
}

/// A month, 1–12, or nothing.
fn month(field: &str, value: &str) -> Result<Option<u8>, FieldError> {
    match value.trim() {
        "" | "-" | "none" => Ok(None),
        v => match v.parse::<u8>() {
            Ok(m @ 1..=12) => Ok(Some(m)),
            _ => Err(bad(field, value, Expected::Month)),
        },
    }
}

/// A percentage 0–100 (a trailing `%` is allowed), or nothing.
fn percent(field: &str, value: &str, words: &dyn Vocabulary) -> Result<Option<f64>, FieldError> {
    let v = value.trim().trim_end_matches('%').trim_end();
    let Some(p) = optional_number(field, v, words)? else {
        return Ok(None);
    };
    if (0.0..=100.0).contains(&p) {
        Ok(Some(p))
    } else {
        Err(bad(field, value, Expected::Percent))
    }
}

impl PeriodField {
    pub fn get(self, x: &FiscalPeriod) -> String {
        let small = |v: Option<u8>| v.map_or_else(|| "none".to_string(), |n| n.to_string());
        match self {
            PeriodField::Year => x.year.to_string(),
            PeriodField::Quarter => small(x.quarter),
            PeriodField::Month => small(x.month),
            PeriodField::CashPlan => optional(x.cash_plan),
            PeriodField::Spent => optional(x.spent),
            PeriodField::Physical => optional(x.physical),
            PeriodField::Problems => x.problems.clone(),
            PeriodField::FollowUp => x.follow_up.clone(),
        }
    }

    /// The value as a form shows it for editing: nothing is empty.
    pub fn edit_text(self, x: &FiscalPeriod) -> String {
        let small = |v: Option<u8>| v.map_or_else(String::new, |n| n.to_string());
        match self {
            PeriodField::Quarter => small(x.quarter),
            PeriodField::Month => small(x.month),
            PeriodField::CashPlan => optional_edit(x.cash_plan),
            PeriodField::Spent => optional_edit(x.spent),
            PeriodField::Physical => optional_edit(x.physical),
            other => other.get(x),
        }
    }

    pub fn copy(self, dst: &mut FiscalPeriod, src: &FiscalPeriod) {
        match self {
            PeriodField::Year => dst.year = src.year,
            PeriodField::Quarter => dst.quarter = src.quarter,
            PeriodField::Month => dst.month = src.month,
            PeriodField::CashPlan => dst.cash_plan = src.cash_plan,
            PeriodField::Spent => dst.spent = src.spent,
            PeriodField::Physical => dst.physical = src.physical,
            PeriodField::Problems => dst.problems.clone_from(&src.problems),
            PeriodField::FollowUp => dst.follow_up.clone_from(&src.follow_up),
        }
    }

    pub fn same(self, a: &FiscalPeriod, b: &FiscalPeriod) -> bool {
        match self {
            PeriodField::Year => a.year == b.year,
            PeriodField::Quarter => a.quarter == b.quarter,
            PeriodField::Month => a.month == b.month,
            PeriodField::CashPlan => a.cash_plan == b.cash_plan,
            PeriodField::Spent => a.spent == b.spent,
            PeriodField::Physical => a.physical == b.physical,
            PeriodField::Problems => a.problems == b.problems,
            PeriodField::FollowUp => a.follow_up == b.follow_up,
        }
    }

    /// Amounts as the budget reads them (`240 juta`, `1.500.000`); physical
    /// progress as a percentage with or without `%`. A quarter and a month
    /// exclude each other: setting one clears the other.
    pub fn parse_into(
        self,
        x: &mut FiscalPeriod,
        path: &str,
        value: &str,
        period: Period,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            PeriodField::Year => x.year = year(path, value, period)?,
            PeriodField::Quarter => {
                x.quarter = quarter(path, value)?;
                if x.quarter.is_some() {
                    x.month = None;
                }
            }
            PeriodField::Month => {
                x.month = month(path, value)?;
                if x.month.is_some() {
                    x.quarter = None;
                }
            }
            PeriodField::CashPlan => x.cash_plan = optional_rupiah(path, value, words)?,
            PeriodField::Spent => x.spent = optional_rupiah(path, value, words)?,
            PeriodField::Physical => x.physical = percent(path, value, words)?,
            PeriodField::Problems => x.problems = value.trim().to_string(),
            PeriodField::FollowUp => x.follow_up = value.trim().to_string(),
        }
        Ok(())
    }
}

impl BudgetChangeField {
    pub fn get(self, c: &BudgetChange) -> String {
        match self {
            BudgetChangeField::Year => c.year.to_string(),
            BudgetChangeField::Date => c.date.clone(),
            BudgetChangeField::Allocation => c.allocation.to_string(),
            BudgetChangeField::Kind => c.kind.key().to_string(),
            BudgetChangeField::Note => c.note.clone(),
        }
    }

    pub fn edit_text(self, c: &BudgetChange) -> String {
        self.get(c)
    }

    pub fn copy(self, dst: &mut BudgetChange, src: &BudgetChange) {
        match self {
            BudgetChangeField::Year => dst.year = src.year,
            BudgetChangeField::Date => dst.date.clone_from(&src.date),
            BudgetChangeField::Allocation => dst.allocation = src.allocation,
            BudgetChangeField::Kind => dst.kind = src.kind,
            BudgetChangeField::Note => dst.note.clone_from(&src.note),
        }
    }

    pub fn same(self, a: &BudgetChange, b: &BudgetChange) -> bool {
        match self {
            BudgetChangeField::Year => a.year == b.year,
            BudgetChangeField::Date => a.date == b.date,
            BudgetChangeField::Allocation => a.allocation == b.allocation,
            BudgetChangeField::Kind => a.kind == b.kind,
            BudgetChangeField::Note => a.note == b.note,
        }
    }

    pub fn parse_into(
        self,
        c: &mut BudgetChange,
        path: &str,
        value: &str,
        period: Period,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            BudgetChangeField::Year => c.year = year(path, value, period)?,
            BudgetChangeField::Date => c.date = date(path, value)?,
            BudgetChangeField::Allocation => c.allocation = rupiah(path, value, words)?,
            BudgetChangeField::Kind => {
                c.kind = choice(
                    path,
                    value,
                    &BudgetChangeKind::ALL,
                    BudgetChangeKind::key,
                    Kind::BudgetChangeKind,
                    words,
                )?
            }
            BudgetChangeField::Note => c.note = value.trim().to_string(),
        }
        Ok(())
    }
}

impl SubActivityField {
    pub fn get(self, s: &SubActivity) -> String {
        match self {
            SubActivityField::Code => s.code.clone(),
            SubActivityField::Name => s.name.clone(),
            SubActivityField::Agency => s.agency.clone(),
            SubActivityField::Allocation => optional(s.allocation),
        }
    }

    pub fn edit_text(self, s: &SubActivity) -> String {
        match self {
            SubActivityField::Allocation => optional_edit(s.allocation),
            other => other.get(s),
        }
    }

    pub fn copy(self, dst: &mut SubActivity, src: &SubActivity) {
        match self {
            SubActivityField::Code => dst.code.clone_from(&src.code),
            SubActivityField::Name => dst.name.clone_from(&src.name),
            SubActivityField::Agency => dst.agency.clone_from(&src.agency),
            SubActivityField::Allocation => dst.allocation = src.allocation,
        }
    }

    pub fn same(self, a: &SubActivity, b: &SubActivity) -> bool {
        match self {
            SubActivityField::Code => a.code == b.code,
            SubActivityField::Name => a.name == b.name,
            SubActivityField::Agency => a.agency == b.agency,
            SubActivityField::Allocation => a.allocation == b.allocation,
        }
    }

    pub fn parse_into(
        self,
        s: &mut SubActivity,
        path: &str,
        value: &str,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            SubActivityField::Code => {
                let v = value.trim();
                if !crate::plan::year::is_subactivity_code(v) {
                    return Err(bad(path, value, Expected::SubActivityCode));
                }
                s.code = v.to_string();
            }
            SubActivityField::Name => s.name = value.trim().to_string(),
            SubActivityField::Agency => s.agency = value.trim().to_string(),
            SubActivityField::Allocation => s.allocation = optional_rupiah(path, value, words)?,
        }
        Ok(())
    }
}

/// A path (absolute, `./`, `../`, `~/`, or a Windows share) or an
/// `http(s)://` URL, without spaces at the ends or control characters:
/// something an officer can open. Validation applies the same rule to a
/// hand-edited file.
pub fn is_link(link: &str) -> bool {
    let url = ["https://", "http://", "file://"]
        .iter()
        .find_map(|scheme| link.strip_prefix(scheme))
        .map(|rest| {
            !rest.is_empty() && !rest.starts_with('/') && !rest.contains(char::is_whitespace)
        });
    let path = ["/", "./", "../", "~/", "\\\\"]
        .iter()
        .any(|start| link.starts_with(start))
        || is_drive_path(link)
        || (!link.contains("://") && link.contains('/'));
    link.trim() == link
        && !link.chars().any(char::is_control)
        && other_scheme(link).is_none()
        && url.unwrap_or(path)
}

/// The scheme of a link that is neither `http(s)` nor `file` (`javascript`,
/// `data`, `vbscript`, …): a report would turn it into something a reader
/// clicks, so it is never a link to evidence. A drive letter (`C:\`) is a
/// path, not a scheme.
pub fn other_scheme(link: &str) -> Option<&str> {
    let (scheme, _) = link.split_once(':')?;
    let mut chars = scheme.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let known = ["http", "https", "file"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s));
    (well_formed && !known && !is_drive_path(link)).then_some(scheme)
}

/// `C:\\Dokumen\\perbup.pdf`: a Windows drive path, as offices share them.
fn is_drive_path(link: &str) -> bool {
    let b = link.as_bytes();
    b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && (b[2] == b'\\' || b[2] == b'/')
}

impl ScoreField {
    /// The value as a form shows it; no score yet is empty.
    pub fn edit_text(self, s: Option<&AspectScore>) -> String {
        match (self, s) {
            (_, None) => String::new(),
            (ScoreField::Score, Some(s)) => s.score.to_string(),
            (ScoreField::Note, Some(s)) => s.note.clone(),
        }
    }

    /// Reads `value` into `s`; an empty score leaves `score` as `None`
    /// (the self-assessment is taken out).
    pub fn parse_into(
        self,
        score: &mut Option<f64>,
        note: &mut String,
        value: &str,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        match self {
            ScoreField::Score => {
                let v = optional_number(self.name(), value, words)?;
                if let Some(x) = v
                    && !(0.0..=crate::plan::model::MAX_SCORE).contains(&x)
                {
                    return Err(bad(self.name(), value, Expected::Score));
                }
                *score = v;
            }
            ScoreField::Note => *note = value.trim().to_string(),
        }
        Ok(())
    }
}

impl DimensionField {
    pub fn get(self, d: &Dimension) -> String {
        match self {
            DimensionField::Name => d.name.clone(),
            DimensionField::Lead => d.lead.clone(),
            DimensionField::Elements => d.elements.join(", "),
        }
    }

    pub fn parse_into(self, d: &mut Dimension, value: &str) -> Result<(), FieldError> {
        match self {
            DimensionField::Name => d.name = line(self.name(), value)?,
            DimensionField::Lead => d.lead = value.trim().to_string(),
            DimensionField::Elements => d.elements = list(value),
        }
        Ok(())
    }

    /// Whether two versions of a dimension agree on this field.
    pub fn same(self, a: &Dimension, b: &Dimension) -> bool {
        match self {
            DimensionField::Name => a.name == b.name,
            DimensionField::Lead => a.lead == b.lead,
            DimensionField::Elements => a.elements == b.elements,
        }
    }

    pub fn copy(self, dst: &mut Dimension, src: &Dimension) {
        match self {
            DimensionField::Name => dst.name.clone_from(&src.name),
            DimensionField::Lead => dst.lead.clone_from(&src.lead),
            DimensionField::Elements => dst.elements.clone_from(&src.elements),
        }
    }
}

impl HeaderField {
    pub fn get(self, h: &Header) -> String {
        match self {
            HeaderField::Title => h.title.clone(),
            HeaderField::Region => h.region.clone(),
            HeaderField::Code => h.code.clone(),
            HeaderField::Province => h.province.clone(),
            HeaderField::Vision => h.vision.clone(),
            HeaderField::PeriodStart => h.period.start.to_string(),
            HeaderField::PeriodEnd => h.period.end.to_string(),
            HeaderField::Bands => h.bands.key().to_string(),
        }
    }

    pub fn parse_into(self, h: &mut Header, value: &str) -> Result<(), FieldError> {
        match self {
            HeaderField::Title => h.title = value.trim().to_string(),
            HeaderField::Region => h.region = value.trim().to_string(),
            HeaderField::Code => h.code = region_code(self.name(), value)?,
            HeaderField::Province => h.province = value.trim().to_string(),
            HeaderField::Vision => h.vision = value.to_string(),
            HeaderField::PeriodStart => h.period.start = any_year(self.name(), value)?,
            HeaderField::PeriodEnd => h.period.end = any_year(self.name(), value)?,
            // By its data-file name, as the form's choice and the plan sheet
            // write it (`Rkpd`, any case).
            HeaderField::Bands => {
                let want = fold(value);
                h.bands = Bands::ALL
                    .into_iter()
                    .find(|b| fold(b.key()) == want)
                    .ok_or_else(|| {
                        let names = Bands::ALL.iter().map(|b| b.key().to_string()).collect();
                        bad(self.name(), value, Expected::OneOf(names))
                    })?
            }
        }
        Ok(())
    }

    pub fn copy(self, dst: &mut Header, src: &Header) {
        match self {
            HeaderField::Title => dst.title.clone_from(&src.title),
            HeaderField::Region => dst.region.clone_from(&src.region),
            HeaderField::Code => dst.code.clone_from(&src.code),
            HeaderField::Province => dst.province.clone_from(&src.province),
            HeaderField::Vision => dst.vision.clone_from(&src.vision),
            HeaderField::PeriodStart => dst.period.start = src.period.start,
            HeaderField::PeriodEnd => dst.period.end = src.period.end,
            HeaderField::Bands => dst.bands = src.bands,
        }
    }
}

impl FollowUpField {
    pub fn get(self, f: &FollowUp) -> String {
        match self {
            FollowUpField::Id => f.id.clone(),
            FollowUpField::What => f.what.clone(),
            FollowUpField::Source => f.source.key().to_string(),
            FollowUpField::Reference => f.reference.clone(),
            FollowUpField::SourceDate => f.source_date.clone(),
            FollowUpField::Created => f.created.clone(),
            FollowUpField::Pic => f.pic.clone(),
            FollowUpField::Agency => f.agency.clone(),
            FollowUpField::Deadline => f.deadline.clone(),
            FollowUpField::Status => f.status.key().to_string(),
            FollowUpField::Reason => f.reason.clone(),
            FollowUpField::Evidence => f.evidence.clone(),
            FollowUpField::Progress => followup::progress_text(&f.progress),
        }
    }

    pub fn same(self, a: &FollowUp, b: &FollowUp) -> bool {
        match self {
            FollowUpField::Id => a.id == b.id,
            FollowUpField::What => a.what == b.what,
            FollowUpField::Source => a.source == b.source,
            FollowUpField::Reference => a.reference == b.reference,
            FollowUpField::SourceDate => a.source_date == b.source_date,
            FollowUpField::Created => a.created == b.created,
            FollowUpField::Pic => a.pic == b.pic,
            FollowUpField::Agency => a.agency == b.agency,
            FollowUpField::Deadline => a.deadline == b.deadline,
            FollowUpField::Status => a.status == b.status,
            FollowUpField::Reason => a.reason == b.reason,
            FollowUpField::Evidence => a.evidence == b.evidence,
            FollowUpField::Progress => a.progress == b.progress,
        }
    }

    pub fn copy(self, dst: &mut FollowUp, src: &FollowUp) {
        match self {
            FollowUpField::Id => dst.id.clone_from(&src.id),
            FollowUpField::What => dst.what.clone_from(&src.what),
            FollowUpField::Source => dst.source = src.source,
            FollowUpField::Reference => dst.reference.clone_from(&src.reference),
            FollowUpField::SourceDate => dst.source_date.clone_from(&src.source_date),
            FollowUpField::Created => dst.created.clone_from(&src.created),
            FollowUpField::Pic => dst.pic.clone_from(&src.pic),
            FollowUpField::Agency => dst.agency.clone_from(&src.agency),
            FollowUpField::Deadline => dst.deadline.clone_from(&src.deadline),
            FollowUpField::Status => dst.status = src.status,
            FollowUpField::Reason => dst.reason.clone_from(&src.reason),
            FollowUpField::Evidence => dst.evidence.clone_from(&src.evidence),
            FollowUpField::Progress => dst.progress.clone_from(&src.progress),
        }
    }

    /// Reads `value` into the field of `f`; `others` are the other
    /// follow-ups of its list, whose ids it may not take.
    pub fn parse_into(
        self,
        f: &mut FollowUp,
        others: &[FollowUp],
        path: &str,
        value: &str,
        words: &dyn Vocabulary,
    ) -> Result<(), FieldError> {
        let optional_date = |value: &str| -> Result<String, FieldError> {
            if value.trim().is_empty() {
                Ok(String::new())
            } else {
                date(path, value)
            }
        };
        match self {
            FollowUpField::Id => {
                let id = line(path, value)?;
                if others.iter().any(|o| o.id == id) {
                    return Err(bad(path, value, Expected::FreeFollowUpId));
                }
                f.id = id;
            }
            FollowUpField::What => f.what = line(path, value)?,
            FollowUpField::Source => {
                f.source = choice(path, value, &Source::ALL, Source::key, Kind::Source, words)?
            }
            FollowUpField::Reference => f.reference = value.trim().to_string(),
            FollowUpField::SourceDate => f.source_date = optional_date(value)?,
            FollowUpField::Created => f.created = optional_date(value)?,
            FollowUpField::Pic => f.pic = printable(path, value)?,
            FollowUpField::Agency => f.agency = printable(path, value)?,
            FollowUpField::Deadline => f.deadline = date(path, value)?,
            FollowUpField::Status => {
                f.status = choice(
                    path,
                    value,
                    &FollowUpStatus::ALL,
                    FollowUpStatus::key,
                    Kind::FollowUpStatus,
                    words,
                )?
            }
            FollowUpField::Reason => f.reason = value.trim().to_string(),
            FollowUpField::Evidence => f.evidence = value.trim().to_string(),
            FollowUpField::Progress => {
                f.progress =
                    followup::read_progress(value, |d| typed::date(d).map(|d| d.to_string()))
                        .map_err(|line| bad(path, value, Expected::DatedLines { line }))?
            }
        }
        Ok(())
    }
}

/// A required one-line name without control characters: a PIC or agency
/// made of tabs or escape codes names no one.
fn printable(field: &str, value: &str) -> Result<String, FieldError> {
    let v = line(field, value)?;
    if v.chars()
        .any(|c| c.is_control() || crate::text::is_bidi_control(c))
    {
        return Err(bad(field, value, Expected::Printable));
    }
    Ok(v)
}

/// A field of a programme as `pantau set` names it: `status`,
/// `milestone.2.done`, `target.1.actual` (items counted from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldPath {
    Program(ProgramField),
    /// The milestone's index from 0.
    Milestone(usize, MilestoneField),
    Target(usize, TargetField),
    Budget(usize, BudgetField),
    Evidence(usize, EvidenceField),
    Period(usize, PeriodField),
    BudgetChange(usize, BudgetChangeField),
    SubActivity(usize, SubActivityField),
    FollowUp(usize, FollowUpField),
}

impl FieldPath {
    /// Every path `set` understands, for "valid fields" in errors and help.
    pub fn valid_names() -> Vec<String> {
        let mut valid: Vec<String> = ProgramField::ALL
            .iter()
            .map(|f| f.name().to_string())
            .collect();
        for item in Item::ALL {
            valid.extend(
                item.fields()
                    .into_iter()
                    .map(|f| format!("{}.N.{f}", item.name())),
            );
        }
        valid
    }

    /// Reads a path; the item number is checked against `p`. One past the
    /// last (`budget.1.year` where there is no budget yet) adds an item.
    pub fn parse(path: &str, p: &Program) -> Result<FieldPath, FieldError> {
        let unknown = || FieldError::UnknownField {
            field: path.to_string(),
            valid: FieldPath::valid_names(),
        };
        let mut parts = path.splitn(3, '.');
        let head = parts.next().unwrap_or_default();
        match (head, parts.next(), parts.next()) {
            (field, None, None) => ProgramField::from_name(field)
                .map(FieldPath::Program)
                .ok_or_else(unknown),
            (list, Some(n), Some(field)) => {
                let what = Item::ALL
                    .into_iter()
                    .find(|i| i.name() == list)
                    .ok_or_else(unknown)?;
                let count = what.count(p);
                let number: usize = n.parse().map_err(|_| unknown())?;
                if number == 0 || number > count + 1 {
                    return Err(FieldError::NoSuchItem {
                        what,
                        number,
                        count,
                    });
                }
                let i = number - 1;
                let path = match what {
                    Item::Milestone => {
                        MilestoneField::from_name(field).map(|f| FieldPath::Milestone(i, f))
                    }
                    Item::Target => TargetField::from_name(field).map(|f| FieldPath::Target(i, f)),
                    Item::Budget => BudgetField::from_name(field).map(|f| FieldPath::Budget(i, f)),
                    Item::Evidence => {
                        EvidenceField::from_name(field).map(|f| FieldPath::Evidence(i, f))
                    }
                    Item::Period => PeriodField::from_name(field).map(|f| FieldPath::Period(i, f)),
                    Item::BudgetChange => {
                        BudgetChangeField::from_name(field).map(|f| FieldPath::BudgetChange(i, f))
                    }
                    Item::SubActivity => {
                        SubActivityField::from_name(field).map(|f| FieldPath::SubActivity(i, f))
                    }
                    Item::FollowUp => {
                        FollowUpField::from_name(field).map(|f| FieldPath::FollowUp(i, f))
                    }
                };
                path.ok_or_else(|| FieldError::UnknownField {
                    field: path_name(list, number, field),
                    valid: what.fields().into_iter().map(String::from).collect(),
                })
            }
            _ => Err(unknown()),
        }
    }

    /// The path as `set` writes it.
    pub fn name(self) -> String {
        match self {
            FieldPath::Program(f) => f.name().to_string(),
            FieldPath::Milestone(i, f) => path_name("milestone", i + 1, f.name()),
            FieldPath::Target(i, f) => path_name("target", i + 1, f.name()),
            FieldPath::Budget(i, f) => path_name("budget", i + 1, f.name()),
            FieldPath::Evidence(i, f) => path_name("evidence", i + 1, f.name()),
            FieldPath::Period(i, f) => path_name("period", i + 1, f.name()),
            FieldPath::BudgetChange(i, f) => path_name("budget_change", i + 1, f.name()),
            FieldPath::SubActivity(i, f) => path_name("subactivity", i + 1, f.name()),
            FieldPath::FollowUp(i, f) => path_name("followup", i + 1, f.name()),
        }
    }

    /// The value at this path in `p`, as text; `None` for a missing item.
    pub fn get(self, p: &Program) -> Option<String> {
        Some(match self {
            FieldPath::Program(f) => f.get(p),
            FieldPath::Milestone(i, f) => f.get(p.milestones.get(i)?),
            FieldPath::Target(i, f) => f.get(p.targets.get(i)?),
            FieldPath::Budget(i, f) => f.get(p.budget.get(i)?),
            FieldPath::Evidence(i, f) => f.get(p.evidence.get(i)?),
            FieldPath::Period(i, f) => f.get(p.periods.get(i)?),
            FieldPath::BudgetChange(i, f) => f.get(p.budget_changes.get(i)?),
            FieldPath::SubActivity(i, f) => f.get(p.subactivities.get(i)?),
            FieldPath::FollowUp(i, f) => f.get(p.followups.get(i)?),
        })
    }

    /// Reads `value` into the field of `p` at this path; one past the last
    /// item adds a blank one first (validation then wants its other fields).
    pub fn parse_into(self, p: &mut Program, value: &str, cx: Context) -> Result<(), FieldError> {
        let path = self.name();
        let period = cx.plan.period;
        match self {
            FieldPath::Program(f) => f.parse_into(p, value, cx),
            FieldPath::Milestone(i, f) => f.parse_into(
                slot(&mut p.milestones, i, Item::Milestone)?,
                &path,
                value,
                cx.words,
            ),
            FieldPath::Target(i, f) => f.parse_into(
                slot(&mut p.targets, i, Item::Target)?,
                &path,
                value,
                period,
                cx.words,
            ),
            FieldPath::Budget(i, f) => f.parse_into(
                slot(&mut p.budget, i, Item::Budget)?,
                &path,
                value,
                period,
                cx.words,
            ),
            FieldPath::Evidence(i, f) => f.parse_into(
                slot(&mut p.evidence, i, Item::Evidence)?,
                &path,
                value,
                cx.words,
            ),
            FieldPath::Period(i, f) => f.parse_into(
                slot(&mut p.periods, i, Item::Period)?,
                &path,
                value,
                period,
                cx.words,
            ),
            FieldPath::BudgetChange(i, f) => f.parse_into(
                slot(&mut p.budget_changes, i, Item::BudgetChange)?,
                &path,
                value,
                period,
                cx.words,
            ),
            FieldPath::SubActivity(i, f) => f.parse_into(
                slot(&mut p.subactivities, i, Item::SubActivity)?,
                &path,
                value,
                cx.words,
            ),
            FieldPath::FollowUp(i, f) => {
                let fresh = i == p.followups.len();
                let mut others = p.followups.clone();
                let item = slot(&mut p.followups, i, Item::FollowUp)?;
                if fresh {
                    // A follow-up added by its first field gets the next id.
                    item.id = followup::next_id(&others);
                } else {
                    others.remove(i);
                }
                f.parse_into(item, &others, &path, value, cx.words)
            }
        }
    }
}

fn path_name(list: &str, number: usize, field: &str) -> String {
    format!("{list}.{number}.{field}")
}

/// Item `i` of `items`, a new blank one when `i` is one past the last.
fn slot<T: Default>(items: &mut Vec<T>, i: usize, what: Item) -> Result<&mut T, FieldError> {
    if i == items.len() {
        items.push(T::default());
    }
    let count = items.len();
    items.get_mut(i).ok_or(FieldError::NoSuchItem {
        what,
        number: i + 1,
        count,
    })
}

/// Sets `path` (`status`, `milestone.2.done`, `target.1.actual`) of programme
/// `index` to the value written as text (a status or the like by its name in
/// `words` too), returning the changed programme. The caller validates the
/// whole plan after.
pub fn set(
    plan: &Plan,
    index: usize,
    path: &str,
    value: &str,
    words: &dyn Vocabulary,
) -> Result<Program, FieldError> {
    let mut p = plan.programs[index].clone();
    let field = FieldPath::parse(path, &p)?;
    let cx = Context {
        plan,
        index: Some(index),
        words,
    };
    field.parse_into(&mut p, value, cx)?;
    Ok(p)
}

/// No words at all, for tests: only data-file names are read.
#[cfg(test)]
pub(crate) struct NoWords;

#[cfg(test)]
impl Vocabulary for NoWords {
    fn key(&self, _: Kind, _: &str) -> Option<&'static str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_reads_by_its_data_file_name_in_any_spelling_and_by_the_callers_words() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let status = |value: &str, words: &dyn Vocabulary| {
            set(&plan, 0, "status", value, words).map(|p| p.status)
        };
        assert_eq!(status("in-progress", &NoWords), Ok(Status::InProgress));
        assert_eq!(status("DONE", &NoWords), Ok(Status::Done));
        let refused = status("finished", &NoWords).unwrap_err();
        let keys: Vec<String> = Status::ALL.map(|s| s.key().to_string()).to_vec();
        assert_eq!(
            refused,
            FieldError::BadValue {
                field: "status".into(),
                value: "finished".into(),
                expected: Expected::OneOf(keys),
            },
            "the refusal offers the data-file names"
        );
        struct Officer;
        impl Vocabulary for Officer {
            fn key(&self, kind: Kind, typed: &str) -> Option<&'static str> {
                (kind == Kind::Status && typed == "rampung").then_some("Done")
            }
        }
        assert_eq!(status("rampung", &Officer), Ok(Status::Done));
        assert!(status("rampung", &NoWords).is_err());
    }

    #[test]
    fn every_program_field_reads_back_what_it_wrote() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let cx = Context {
            plan: &plan,
            index: Some(0),
            words: &NoWords,
        };
        let p = &plan.programs[0];
        for f in ProgramField::ALL {
            let mut copy = p.clone();
            f.parse_into(&mut copy, &f.get(p), cx).unwrap();
            assert!(f.same(&copy, p), "{f:?}");
            assert_eq!(&copy, p, "{f:?} touched another field");
        }
    }

    #[test]
    fn the_fiscal_years_lists_are_set_by_path_written_and_read_back() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let mut plan = plan;
        let before = crate::plan::canonical::to_ron(&plan, "");
        let steps = [
            ("renstra", "Renstra Diskominfo 2021–2026, sasaran 2"),
            ("period.1.year", "2026"),
            ("period.1.quarter", "TW III"),
            ("period.1.cash_plan", "240.000.000"),
            ("period.1.spent", "1,5 miliar"),
            ("period.1.physical", "65 %"),
            ("period.1.problems", "Lelang ulang"),
            ("period.1.follow_up", "Percepatan kontrak"),
            ("period.2.year", "2026"),
            ("period.2.month", "8"),
            ("budget_change.1.year", "2026"),
            ("budget_change.1.date", "30-09-2026"),
            ("budget_change.1.allocation", "2.000.000.000"),
            ("budget_change.1.kind", "APBD Perubahan"),
            ("subactivity.1.code", "2.16.02.1.01.0001"),
            ("subactivity.1.name", "Pengelolaan aplikasi"),
            ("subactivity.1.allocation", "750.000.000"),
        ];
        for (path, value) in steps {
            plan.programs[0] = set(&plan, 0, path, value, &crate::i18n::BothLanguages)
                .unwrap_or_else(|e| {
                    panic!("{path}={value}: {e:?}");
                });
        }
        let p = &plan.programs[0];
        assert_eq!(p.periods[0].quarter, Some(3));
        assert_eq!(p.periods[0].spent, Some(1.5e9));
        assert_eq!(p.periods[0].physical, Some(65.0));
        assert_eq!(p.periods[1].month, Some(8));
        assert_eq!(p.budget_changes[0].date, "2026-09-30");
        assert_eq!(p.budget_changes[0].kind, BudgetChangeKind::Amendment);
        let text = crate::plan::canonical::to_ron(&plan, "");
        assert_ne!(text, before);
        let again = crate::store::parse(&text, std::path::Path::new("x"))
            .unwrap()
            .plan;
        assert_eq!(again, plan, "written and read back unchanged");
        assert_eq!(crate::plan::canonical::to_ron(&again, ""), text);
        for (path, _) in steps {
            let at = FieldPath::parse(path, p).unwrap();
            let mut copy = p.clone();
            at.parse_into(
                &mut copy,
                &at.get(p).unwrap(),
                Context {
                    plan: &plan,
                    index: Some(0),
                    words: &NoWords,
                },
            )
            .unwrap();
            assert_eq!(&copy, p, "{path} reads back what it wrote");
        }
        // A month set on a quarter's period makes it a month's.
        let p = set(&plan, 0, "period.1.month", "9", &NoWords).unwrap();
        assert_eq!((p.periods[0].quarter, p.periods[0].month), (None, Some(9)));
    }

    #[test]
    fn a_fiscal_value_of_the_wrong_shape_is_refused_with_what_it_takes() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let refused = |path: &str, value: &str| match set(&plan, 0, path, value, &NoWords) {
            Err(FieldError::BadValue { expected, .. }) => Some(expected),
            _ => None,
        };
        assert_eq!(refused("period.1.quarter", "5"), Some(Expected::Quarter));
        assert_eq!(refused("period.1.month", "13"), Some(Expected::Month));
        assert_eq!(refused("period.1.physical", "120"), Some(Expected::Percent));
        assert_eq!(refused("period.1.physical", "-1"), Some(Expected::Percent));
        assert_eq!(
            refused("subactivity.1.code", "2.16.2.1.01.0001"),
            Some(Expected::SubActivityCode)
        );
        assert!(matches!(
            refused("budget_change.1.date", "31-02-2026"),
            Some(Expected::Date)
        ));
    }

    #[test]
    fn a_region_code_is_two_digits_or_two_a_dot_and_two() {
        use crate::plan::model::is_region_code;
        for good in ["73", "73.22", "11.01", "00"] {
            assert!(is_region_code(good), "{good}");
        }
        for bad in [
            "7", "7322", "73.2", "73.22.01", "73,22", "ab.cd", "٧٣", " 73", "73.",
        ] {
            assert!(!is_region_code(bad), "{bad}");
        }
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let mut h = Header::of(&plan);
        assert_eq!(h.code, "73.22");
        assert_eq!(h.province, "Sulawesi Selatan");
        HeaderField::Code.parse_into(&mut h, " 73.24 ").unwrap();
        assert_eq!(h.code, "73.24");
        HeaderField::Code.parse_into(&mut h, "").unwrap();
        assert_eq!(h.code, "", "the code may be cleared");
        let e = HeaderField::Code.parse_into(&mut h, "73.2").unwrap_err();
        assert_eq!(e, bad("code", "73.2", Expected::RegionCode));
    }
}
