//! Reading one field's value from text, the same way for the edit forms and
//! for `pantau set`: what a valid value is, and what to say when it is not.

use crate::i18n::{Text, fill};
use crate::plan::model::{Horizon, Milestone, Plan, Program, Status, Target, parse_date};

pub const PROGRAM_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "dimension",
    "element",
    "horizon",
    "lead",
    "support",
    "funding",
    "start",
    "end",
    "status",
    "notes",
];
pub const MILESTONE_FIELDS: &[&str] = &["title", "due", "done"];
pub const TARGET_FIELDS: &[&str] = &["year", "indicator", "unit", "baseline", "target", "actual"];

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
        expected: String,
    },
    NoSuchItem {
        what: &'static str,
        number: usize,
        count: usize,
    },
    Required {
        field: String,
    },
}

impl FieldError {
    pub fn render(&self, t: &Text) -> String {
        let esc = |s: &str| crate::text::escape(s).into_owned();
        match self {
            FieldError::UnknownField { field, valid } => {
                fill(t.f_unknown_field, &[&esc(field), &valid.join(", ")])
            }
            FieldError::BadValue {
                field,
                value,
                expected,
            } => fill(t.f_bad_value, &[&esc(value), &esc(field), expected]),
            FieldError::NoSuchItem {
                what,
                number,
                count,
            } => {
                let what = if *what == "milestone" {
                    t.f_milestone
                } else {
                    t.f_target
                };
                fill(t.f_no_such_item, &[&what, number, count])
            }
            FieldError::Required { field } => fill(t.f_required, &[&esc(field)]),
        }
    }

    /// Only the reason, for showing beside a field in a form.
    pub fn reason(&self, t: &Text) -> String {
        match self {
            FieldError::BadValue { expected, .. } => expected.clone(),
            FieldError::Required { .. } => t.f_required_short.to_string(),
            other => other.render(t),
        }
    }
}

fn bad(field: &str, value: &str, expected: String) -> FieldError {
    FieldError::BadValue {
        field: field.to_string(),
        value: value.to_string(),
        expected,
    }
}

/// A required one-line text: trimmed, not empty, no line breaks.
pub fn line(field: &str, value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldError::Required {
            field: field.to_string(),
        });
    }
    Ok(value.to_string())
}

pub fn status(field: &str, value: &str, t: &Text) -> Result<Status, FieldError> {
    let v = value.trim();
    Status::ALL
        .into_iter()
        .find(|s| s.key().eq_ignore_ascii_case(v) || t.status(*s).eq_ignore_ascii_case(v))
        .ok_or_else(|| {
            bad(
                field,
                value,
                fill(t.f_one_of, &[&keys(Status::ALL.map(Status::key))]),
            )
        })
}

pub fn horizon(field: &str, value: &str, t: &Text) -> Result<Horizon, FieldError> {
    let v = value.trim();
    Horizon::ALL
        .into_iter()
        .find(|h| h.key().eq_ignore_ascii_case(v) || t.horizon(*h).eq_ignore_ascii_case(v))
        .ok_or_else(|| {
            bad(
                field,
                value,
                fill(t.f_one_of, &[&keys(Horizon::ALL.map(Horizon::key))]),
            )
        })
}

fn keys<const N: usize>(keys: [&str; N]) -> String {
    keys.join(" | ")
}

/// A year inside the plan's period.
pub fn year(field: &str, value: &str, plan: &Plan, t: &Text) -> Result<i32, FieldError> {
    let period = plan.period;
    let expected = || fill(t.f_year_in, &[&period.start, &period.end]);
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

/// A strict `YYYY-MM-DD` calendar date, kept as written.
pub fn date(field: &str, value: &str, t: &Text) -> Result<String, FieldError> {
    let v = value.trim();
    parse_date(v)
        .map(|_| v.to_string())
        .ok_or_else(|| bad(field, value, t.f_date.to_string()))
}

pub fn boolean(field: &str, value: &str, t: &Text) -> Result<bool, FieldError> {
    match value.trim().to_lowercase().as_str() {
        "true" | "yes" | "ya" | "y" | "1" | "done" | "selesai" => Ok(true),
        "false" | "no" | "tidak" | "n" | "0" => Ok(false),
        _ => Err(bad(field, value, t.f_bool.to_string())),
    }
}

/// A finite number; a decimal comma is read as Indonesians write it.
pub fn number(field: &str, value: &str, t: &Text) -> Result<f64, FieldError> {
    let v = value.trim().replace(',', ".");
    v.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(|| bad(field, value, t.f_number.to_string()))
}

/// A number, or nothing (empty, `-`, `none`) when not yet known.
pub fn optional_number(field: &str, value: &str, t: &Text) -> Result<Option<f64>, FieldError> {
    match value.trim().to_lowercase().as_str() {
        "" | "-" | "—" | "none" | "tidak ada" => Ok(None),
        _ => number(field, value, t).map(Some),
    }
}

/// A comma-separated list, trimmed, without empty items.
pub fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// An existing dimension id.
pub fn dimension(field: &str, value: &str, plan: &Plan, t: &Text) -> Result<String, FieldError> {
    let v = value.trim();
    plan.dimension(v).map(|d| d.id.clone()).ok_or_else(|| {
        let ids: Vec<&str> = plan.dimensions.iter().map(|d| d.id.as_str()).collect();
        bad(field, value, fill(t.f_one_of, &[&ids.join(" | ")]))
    })
}

/// One of the dimension's elements, or empty.
pub fn element(
    field: &str,
    value: &str,
    dimension: &str,
    plan: &Plan,
    t: &Text,
) -> Result<String, FieldError> {
    let v = value.trim();
    let Some(d) = plan.dimension(dimension) else {
        return Ok(v.to_string());
    };
    if v.is_empty() || d.elements.is_empty() || d.elements.iter().any(|e| e == v) {
        Ok(v.to_string())
    } else {
        Err(bad(
            field,
            value,
            fill(t.f_one_of, &[&d.elements.join(" | ")]),
        ))
    }
}

/// A program id that no other program (other than `index`) uses.
pub fn program_id(
    field: &str,
    value: &str,
    plan: &Plan,
    index: Option<usize>,
    t: &Text,
) -> Result<String, FieldError> {
    let v = line(field, value)?;
    let taken = plan
        .programs
        .iter()
        .enumerate()
        .any(|(i, p)| Some(i) != index && p.id == v);
    if taken {
        Err(bad(field, value, t.f_id_taken.to_string()))
    } else {
        Ok(v)
    }
}

/// Sets `path` (`status`, `milestone.2.done`, `target.1.actual`) of program
/// `index` to the value written as text. The caller validates the whole plan after.
pub fn set(
    plan: &Plan,
    index: usize,
    path: &str,
    value: &str,
    t: &Text,
) -> Result<Program, FieldError> {
    let mut p = plan.programs[index].clone();
    let mut parts = path.splitn(3, '.');
    let head = parts.next().unwrap_or_default();
    match (head, parts.next(), parts.next()) {
        ("milestone", Some(n), Some(field)) => {
            let m = item(&mut p.milestones, "milestone", n, path)?;
            set_milestone(m, field, path, value, t)?;
        }
        ("target", Some(n), Some(field)) => {
            let target = item(&mut p.targets, "target", n, path)?;
            set_target(target, field, path, value, plan, t)?;
        }
        (field, None, None) => set_program(&mut p, field, value, plan, index, t)?,
        _ => return Err(unknown(path, PROGRAM_FIELDS, true)),
    }
    Ok(p)
}

fn unknown(field: &str, fields: &[&str], with_items: bool) -> FieldError {
    let mut valid: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
    if with_items {
        valid.extend(MILESTONE_FIELDS.iter().map(|f| format!("milestone.N.{f}")));
        valid.extend(TARGET_FIELDS.iter().map(|f| format!("target.N.{f}")));
    }
    FieldError::UnknownField {
        field: field.to_string(),
        valid,
    }
}

/// The N-th (from 1, as officers count) item of a list.
fn item<'a, T>(
    items: &'a mut [T],
    what: &'static str,
    n: &str,
    path: &str,
) -> Result<&'a mut T, FieldError> {
    let count = items.len();
    let number: usize = n.parse().map_err(|_| unknown(path, PROGRAM_FIELDS, true))?;
    if number == 0 || number > count {
        return Err(FieldError::NoSuchItem {
            what,
            number,
            count,
        });
    }
    Ok(&mut items[number - 1])
}

fn set_program(
    p: &mut Program,
    field: &str,
    value: &str,
    plan: &Plan,
    index: usize,
    t: &Text,
) -> Result<(), FieldError> {
    match field {
        "id" => p.id = program_id(field, value, plan, Some(index), t)?,
        "name" => p.name = line(field, value)?,
        "description" => p.description = value.to_string(),
        "dimension" => {
            p.dimension = dimension(field, value, plan, t)?;
            // The old element belongs to the old dimension.
            if element(field, &p.element, &p.dimension, plan, t).is_err() {
                p.element.clear();
            }
        }
        "element" => p.element = element(field, value, &p.dimension, plan, t)?,
        "horizon" => p.horizon = horizon(field, value, t)?,
        "lead" => p.lead = value.trim().to_string(),
        "support" => p.support = list(value),
        "funding" => p.funding = list(value),
        "start" => p.start = year(field, value, plan, t)?,
        "end" => p.end = year(field, value, plan, t)?,
        "status" => p.status = status(field, value, t)?,
        "notes" => p.notes = value.to_string(),
        _ => return Err(unknown(field, PROGRAM_FIELDS, true)),
    }
    Ok(())
}

fn set_milestone(
    m: &mut Milestone,
    field: &str,
    path: &str,
    value: &str,
    t: &Text,
) -> Result<(), FieldError> {
    match field {
        "title" => m.title = line(path, value)?,
        "due" => m.due = date(path, value, t)?,
        "done" => m.done = boolean(path, value, t)?,
        _ => return Err(unknown(path, MILESTONE_FIELDS, false)),
    }
    Ok(())
}

fn set_target(
    target: &mut Target,
    field: &str,
    path: &str,
    value: &str,
    plan: &Plan,
    t: &Text,
) -> Result<(), FieldError> {
    match field {
        "year" => target.year = year(path, value, plan, t)?,
        "indicator" => target.indicator = line(path, value)?,
        "unit" => target.unit = value.trim().to_string(),
        "baseline" => target.baseline = optional_number(path, value, t)?,
        "target" => target.target = number(path, value, t)?,
        "actual" => target.actual = optional_number(path, value, t)?,
        _ => return Err(unknown(path, TARGET_FIELDS, false)),
    }
    Ok(())
}

/// The value of `path` in `p` as text, as `set` would read it back.
pub fn get(p: &Program, path: &str) -> Option<String> {
    let mut parts = path.splitn(3, '.');
    let head = parts.next()?;
    let opt = |v: Option<f64>| v.map_or_else(|| "none".to_string(), |n| n.to_string());
    Some(match (head, parts.next(), parts.next()) {
        ("milestone", Some(n), Some(field)) => {
            let m = p.milestones.get(n.parse::<usize>().ok()?.checked_sub(1)?)?;
            match field {
                "title" => m.title.clone(),
                "due" => m.due.clone(),
                "done" => m.done.to_string(),
                _ => return None,
            }
        }
        ("target", Some(n), Some(field)) => {
            let t = p.targets.get(n.parse::<usize>().ok()?.checked_sub(1)?)?;
            match field {
                "year" => t.year.to_string(),
                "indicator" => t.indicator.clone(),
                "unit" => t.unit.clone(),
                "baseline" => opt(t.baseline),
                "target" => t.target.to_string(),
                "actual" => opt(t.actual),
                _ => return None,
            }
        }
        (field, None, None) => match field {
            "id" => p.id.clone(),
            "name" => p.name.clone(),
            "description" => p.description.clone(),
            "dimension" => p.dimension.clone(),
            "element" => p.element.clone(),
            "horizon" => p.horizon.key().to_string(),
            "lead" => p.lead.clone(),
            "support" => p.support.join(", "),
            "funding" => p.funding.join(", "),
            "start" => p.start.to_string(),
            "end" => p.end.to_string(),
            "status" => p.status.key().to_string(),
            "notes" => p.notes.clone(),
            _ => return None,
        },
        _ => return None,
    })
}
