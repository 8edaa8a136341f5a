//! Edit forms: the fields of a program, milestone, target, dimension or the
//! plan's header, edited as text or picked from a list, checked as you type.
//! Pure state; `ui::form` draws it and `app` turns an accepted form into an `Edit`.

use crate::i18n::Text;
use crate::plan::edit::{Edit, Header};
use crate::plan::field::{self, FUNDING, FieldError};
use crate::plan::model::{Dimension, Horizon, Milestone, Plan, Program, Status, Target};
use unicode_segmentation::UnicodeSegmentation;

/// A line of text and a cursor that moves by grapheme, so "é" written as
/// e + combining accent, or an emoji, is one step and one deletion.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    pub value: String,
    /// Byte offset, always on a grapheme boundary.
    pub cursor: usize,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.len(),
        }
    }

    fn prev(&self) -> usize {
        self.value[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self) -> usize {
        self.value[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    pub fn insert(&mut self, c: char) {
        self.value.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        // A combining mark joins the grapheme before it; keep the cursor after the whole cluster.
        self.cursor = self.next_boundary_at_or_after(self.cursor);
    }

    fn next_boundary_at_or_after(&self, at: usize) -> usize {
        let mut offset = 0;
        for g in self.value.graphemes(true) {
            if offset >= at {
                return offset;
            }
            offset += g.len();
        }
        offset
    }

    pub fn backspace(&mut self) {
        let start = self.prev();
        self.value.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn delete(&mut self) {
        let end = self.next();
        self.value.replace_range(self.cursor..end, "");
    }

    pub fn left(&mut self) {
        self.cursor = self.prev();
    }

    pub fn right(&mut self) {
        self.cursor = self.next();
    }

    /// Start of the current line (notes are multi-line).
    pub fn home(&mut self) {
        self.cursor = self.value[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
    }

    pub fn end(&mut self) {
        self.cursor = self.value[self.cursor..]
            .find('\n')
            .map_or(self.value.len(), |i| self.cursor + i);
    }

    /// Ctrl-W: the word before the cursor and the spaces after it.
    pub fn delete_word(&mut self) {
        let before = &self.value[..self.cursor];
        let trimmed = before.trim_end_matches(' ');
        let start = trimmed.rfind([' ', '\n']).map_or(0, |i| i + 1);
        self.value.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Ctrl-U: the whole field.
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// One line of text, or several when `multiline` (notes, descriptions).
    Text {
        input: TextInput,
        multiline: bool,
    },
    /// Pick one: `(value, label)` pairs.
    Choice {
        options: Vec<(String, String)>,
        at: usize,
    },
    /// Pick any: funding sources.
    Many {
        options: Vec<String>,
        chosen: Vec<bool>,
        at: usize,
    },
    Toggle(bool),
}

/// What a field holds, which decides how it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Name,
    Id,
    Description,
    Dimension,
    Element,
    Horizon,
    Lead,
    Support,
    Funding,
    Start,
    End,
    Status,
    Notes,
    Title,
    Due,
    Done,
    Year,
    Indicator,
    Unit,
    Baseline,
    Target,
    Actual,
    Region,
    Vision,
    PeriodStart,
    PeriodEnd,
    Elements,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: Key,
    pub input: Input,
    /// Why the value is not valid, shown beside it; `None` when it is.
    pub error: Option<String>,
}

/// What the form edits, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// An existing program, or a new one inserted at `index`.
    Program {
        index: usize,
        new: bool,
    },
    Milestone {
        program: usize,
        index: usize,
        new: bool,
    },
    Target {
        program: usize,
        index: usize,
        new: bool,
    },
    Dimension {
        index: usize,
    },
    Header,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub subject: Subject,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A problem with the form as a whole (e.g. the plan would not be valid).
    pub problem: Option<String>,
}

fn text(key: Key, value: &str) -> Field {
    Field {
        key,
        input: Input::Text {
            input: TextInput::new(value),
            multiline: false,
        },
        error: None,
    }
}

fn multiline(key: Key, value: &str) -> Field {
    Field {
        key,
        input: Input::Text {
            input: TextInput::new(value),
            multiline: true,
        },
        error: None,
    }
}

fn choice(key: Key, options: Vec<(String, String)>, value: &str) -> Field {
    let at = options.iter().position(|(v, _)| v == value).unwrap_or(0);
    Field {
        key,
        input: Input::Choice { options, at },
        error: None,
    }
}

fn number_text(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn element_options(plan: &Plan, dimension: &str, t: &Text) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), t.u_none_choice.to_string())];
    if let Some(d) = plan.dimension(dimension) {
        options.extend(d.elements.iter().map(|e| (e.clone(), e.clone())));
    }
    options
}

impl Form {
    /// The form for program `index`; `new` for one not yet in the plan,
    /// which `template` then describes.
    pub fn program(plan: &Plan, index: usize, template: &Program, new: bool, t: &Text) -> Form {
        let p = template;
        let dimensions = plan
            .dimensions
            .iter()
            .map(|d| (d.id.clone(), d.name.clone()))
            .collect();
        let horizons = Horizon::ALL
            .iter()
            .map(|h| (h.key().to_string(), t.horizon(*h).to_string()))
            .collect();
        let statuses = Status::ALL
            .iter()
            .map(|s| (s.key().to_string(), t.status(*s).to_string()))
            .collect();
        let mut funding: Vec<String> = FUNDING.iter().map(|f| f.to_string()).collect();
        // Sources the file already uses stay pickable, and come first after the usual ones.
        for f in plan
            .programs
            .iter()
            .flat_map(|p| &p.funding)
            .chain(&p.funding)
        {
            if !funding.contains(f) {
                funding.push(f.clone());
            }
        }
        let chosen = funding.iter().map(|f| p.funding.contains(f)).collect();
        let mut form = Form {
            subject: Subject::Program { index, new },
            fields: vec![
                text(Key::Name, &p.name),
                text(Key::Id, &p.id),
                multiline(Key::Description, &p.description),
                choice(Key::Dimension, dimensions, &p.dimension),
                choice(
                    Key::Element,
                    element_options(plan, &p.dimension, t),
                    &p.element,
                ),
                choice(Key::Horizon, horizons, p.horizon.key()),
                text(Key::Lead, &p.lead),
                text(Key::Support, &p.support.join(", ")),
                Field {
                    key: Key::Funding,
                    input: Input::Many {
                        options: funding,
                        chosen,
                        at: 0,
                    },
                    error: None,
                },
                text(Key::Start, &p.start.to_string()),
                text(Key::End, &p.end.to_string()),
                choice(Key::Status, statuses, p.status.key()),
                multiline(Key::Notes, &p.notes),
            ],
            focus: 0,
            problem: None,
        };
        form.check(plan, t);
        form
    }

    pub fn milestone(
        plan: &Plan,
        program: usize,
        index: usize,
        m: &Milestone,
        new: bool,
        t: &Text,
    ) -> Form {
        let mut form = Form {
            subject: Subject::Milestone {
                program,
                index,
                new,
            },
            fields: vec![
                text(Key::Title, &m.title),
                text(Key::Due, &m.due),
                Field {
                    key: Key::Done,
                    input: Input::Toggle(m.done),
                    error: None,
                },
            ],
            focus: 0,
            problem: None,
        };
        form.check(plan, t);
        form
    }

    pub fn target(
        plan: &Plan,
        program: usize,
        index: usize,
        x: &Target,
        new: bool,
        t: &Text,
    ) -> Form {
        let mut form = Form {
            subject: Subject::Target {
                program,
                index,
                new,
            },
            fields: vec![
                text(Key::Indicator, &x.indicator),
                text(Key::Year, &x.year.to_string()),
                text(Key::Unit, &x.unit),
                text(Key::Baseline, &number_text(x.baseline)),
                text(Key::Target, &x.target.to_string()),
                text(Key::Actual, &number_text(x.actual)),
            ],
            focus: 0,
            problem: None,
        };
        form.check(plan, t);
        form
    }

    pub fn dimension(plan: &Plan, index: usize, d: &Dimension, t: &Text) -> Form {
        let mut form = Form {
            subject: Subject::Dimension { index },
            fields: vec![
                text(Key::Name, &d.name),
                text(Key::Lead, &d.lead),
                text(Key::Elements, &d.elements.join(", ")),
            ],
            focus: 0,
            problem: None,
        };
        form.check(plan, t);
        form
    }

    pub fn header(plan: &Plan, t: &Text) -> Form {
        let mut form = Form {
            subject: Subject::Header,
            fields: vec![
                text(Key::Title, &plan.title),
                text(Key::Region, &plan.region),
                multiline(Key::Vision, &plan.vision),
                text(Key::PeriodStart, &plan.period.start.to_string()),
                text(Key::PeriodEnd, &plan.period.end.to_string()),
            ],
            focus: 0,
            problem: None,
        };
        form.check(plan, t);
        form
    }

    pub fn focused(&mut self) -> &mut Field {
        let at = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[at]
    }

    fn value(&self, key: Key) -> String {
        let Some(field) = self.fields.iter().find(|f| f.key == key) else {
            return String::new();
        };
        match &field.input {
            Input::Text { input, .. } => input.value.clone(),
            Input::Choice { options, at } => {
                options.get(*at).map(|(v, _)| v.clone()).unwrap_or_default()
            }
            Input::Many {
                options, chosen, ..
            } => options
                .iter()
                .zip(chosen)
                .filter(|(_, c)| **c)
                .map(|(o, _)| o.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            Input::Toggle(on) => on.to_string(),
        }
    }

    /// After a choice changed: a new dimension offers its own elements.
    pub fn refresh_choices(&mut self, plan: &Plan, t: &Text) {
        let dimension = self.value(Key::Dimension);
        let element = self.value(Key::Element);
        if let Some(field) = self.fields.iter_mut().find(|f| f.key == Key::Element) {
            let options = element_options(plan, &dimension, t);
            let at = options.iter().position(|(v, _)| *v == element).unwrap_or(0);
            field.input = Input::Choice { options, at };
        }
    }

    /// Checks every field; true when all are valid.
    pub fn check(&mut self, plan: &Plan, t: &Text) -> bool {
        let index = match self.subject {
            Subject::Program { index, new: false } => Some(index),
            _ => None,
        };
        let period = |key: Key| -> Result<i32, FieldError> {
            let v = self.value(key);
            v.trim().parse::<i32>().map_err(|_| FieldError::BadValue {
                field: String::new(),
                value: v.clone(),
                expected: t.f_year.to_string(),
            })
        };
        let (start, end) = (period(Key::PeriodStart), period(Key::PeriodEnd));
        let mut errors = Vec::with_capacity(self.fields.len());
        for field in &self.fields {
            let v = self.value(field.key);
            let result: Result<(), FieldError> = match field.key {
                Key::Name | Key::Title | Key::Indicator => field::line("", &v).map(drop),
                Key::Id => field::program_id("", &v, plan, index, t).map(drop),
                Key::Start | Key::End | Key::Year => field::year("", &v, plan, t).map(drop),
                Key::Due => field::date("", &v, t).map(drop),
                Key::Target => field::number("", &v, t).map(drop),
                Key::Baseline | Key::Actual => field::optional_number("", &v, t).map(drop),
                Key::PeriodStart => start.clone().map(drop),
                Key::PeriodEnd => match (&start, &end) {
                    (Ok(s), Ok(e)) if e < s => Err(FieldError::BadValue {
                        field: String::new(),
                        value: v.clone(),
                        expected: t.f_end_after_start.to_string(),
                    }),
                    _ => end.clone().map(drop),
                },
                _ => Ok(()),
            };
            errors.push(result.err().map(|e| e.reason(t)));
        }
        // Cross-field: a program ends no earlier than it starts.
        if let (Ok(s), Ok(e)) = (
            self.value(Key::Start).trim().parse::<i32>(),
            self.value(Key::End).trim().parse::<i32>(),
        ) && e < s
            && let Some(at) = self.fields.iter().position(|f| f.key == Key::End)
        {
            errors[at].get_or_insert_with(|| t.f_end_after_start.to_string());
        }
        for (field, error) in self.fields.iter_mut().zip(errors) {
            field.error = error;
        }
        self.fields.iter().all(|f| f.error.is_none())
    }

    /// The edit this form makes, if every field is valid.
    pub fn to_edit(&self, plan: &Plan, t: &Text) -> Option<Edit> {
        let v = |key| self.value(key);
        let year = |key| v(key).trim().parse::<i32>().ok();
        let num = |key| field::number("", &v(key), t).ok();
        let opt = |key| field::optional_number("", &v(key), t).ok();
        match self.subject {
            Subject::Program { index, new } => {
                let base = if new { None } else { plan.programs.get(index) };
                let p = Program {
                    id: v(Key::Id).trim().to_string(),
                    name: v(Key::Name).trim().to_string(),
                    description: v(Key::Description),
                    dimension: v(Key::Dimension),
                    element: v(Key::Element),
                    horizon: Horizon::ALL
                        .into_iter()
                        .find(|h| h.key() == v(Key::Horizon))?,
                    lead: v(Key::Lead).trim().to_string(),
                    support: field::list(&v(Key::Support)),
                    funding: field::list(&v(Key::Funding)),
                    start: year(Key::Start)?,
                    end: year(Key::End)?,
                    status: Status::ALL
                        .into_iter()
                        .find(|s| s.key() == v(Key::Status))?,
                    milestones: base.map(|b| b.milestones.clone()).unwrap_or_default(),
                    targets: base.map(|b| b.targets.clone()).unwrap_or_default(),
                    notes: v(Key::Notes),
                };
                if new {
                    Some(Edit::Program {
                        index,
                        before: None,
                        after: Some(Box::new(p)),
                    })
                } else {
                    Edit::replace(plan, index, p)
                }
            }
            Subject::Milestone {
                program,
                index,
                new,
            } => {
                let mut p = plan.programs.get(program)?.clone();
                let m = Milestone {
                    title: v(Key::Title).trim().to_string(),
                    due: v(Key::Due).trim().to_string(),
                    done: v(Key::Done) == "true",
                };
                if new {
                    p.milestones.insert(index.min(p.milestones.len()), m);
                } else {
                    *p.milestones.get_mut(index)? = m;
                }
                Edit::replace(plan, program, p)
            }
            Subject::Target {
                program,
                index,
                new,
            } => {
                let mut p = plan.programs.get(program)?.clone();
                let x = Target {
                    year: year(Key::Year)?,
                    indicator: v(Key::Indicator).trim().to_string(),
                    unit: v(Key::Unit).trim().to_string(),
                    baseline: opt(Key::Baseline)?,
                    target: num(Key::Target)?,
                    actual: opt(Key::Actual)?,
                };
                if new {
                    p.targets.insert(index.min(p.targets.len()), x);
                } else {
                    *p.targets.get_mut(index)? = x;
                }
                Edit::replace(plan, program, p)
            }
            Subject::Dimension { index } => {
                let before = plan.dimensions.get(index)?.clone();
                let after = Dimension {
                    id: before.id.clone(),
                    name: v(Key::Name).trim().to_string(),
                    lead: v(Key::Lead).trim().to_string(),
                    elements: field::list(&v(Key::Elements)),
                };
                (before != after).then_some(Edit::Dimension {
                    index,
                    before,
                    after,
                })
            }
            Subject::Header => {
                let before = Header::of(plan);
                let after = Header {
                    title: v(Key::Title).trim().to_string(),
                    region: v(Key::Region).trim().to_string(),
                    vision: v(Key::Vision),
                    period: crate::plan::model::Period {
                        start: year_any(&v(Key::PeriodStart))?,
                        end: year_any(&v(Key::PeriodEnd))?,
                    },
                };
                (before != after).then_some(Edit::Header { before, after })
            }
        }
    }
}

fn year_any(v: &str) -> Option<i32> {
    v.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_moves_and_deletes_by_grapheme() {
        // "é" as e + combining acute, then a family emoji made of four code points.
        let mut input = TextInput::new("Kale\u{301} 👨‍👩‍👧‍👦");
        input.backspace();
        assert_eq!(
            input.value, "Kale\u{301} ",
            "the whole emoji went in one step"
        );
        input.left();
        input.left();
        assert_eq!(
            &input.value[input.cursor..],
            "e\u{301} ",
            "one step over e + accent"
        );
        input.delete();
        assert_eq!(input.value, "Kal ");
        input.insert('é');
        assert_eq!(input.value, "Kalé ");
    }

    #[test]
    fn ctrl_w_deletes_a_word_and_ctrl_u_the_field() {
        let mut input = TextInput::new("Dinas Kominfo SP  ");
        input.delete_word();
        assert_eq!(input.value, "Dinas Kominfo ");
        input.delete_word();
        assert_eq!(input.value, "Dinas ");
        input.clear();
        assert_eq!((input.value.as_str(), input.cursor), ("", 0));
    }

    #[test]
    fn home_and_end_stay_on_the_current_line() {
        let mut input = TextInput::new("first\nsecond");
        input.home();
        assert_eq!(&input.value[input.cursor..], "second");
        input.left();
        input.home();
        assert_eq!(input.cursor, 0);
        input.end();
        assert_eq!(input.cursor, 5);
    }
}
