//! Edit forms: the fields of a program, milestone, target, dimension or the
//! plan's header, edited as text or picked from a list, checked as you type.
//! Each field is a registry field (`plan::field`), parsed and checked by it.
//! Pure state; `ui::form` draws it and `update` turns an accepted form into an `Edit`.
//! The model and its building are here; the text widget (`text_input`), a
//! form following another officer's save (`follow`) and a form kept in a
//! recovery file (`kept`) have rooms of their own.

use crate::i18n::{Lang, Text, fill};
use crate::plan::edit::{Edit, Header};
use crate::plan::field::{
    BudgetField, Context, DimensionField, EvidenceField, FUNDING, FieldError, HeaderField,
    MilestoneField, ProgramField, ScoreField, TargetField,
};
use crate::plan::merge::{BUDGET_KEYS, EVIDENCE_KEYS, MILESTONE_KEYS, TARGET_KEYS, find_again_in};
use crate::plan::model::{
    Aspect, AspectScore, Bands, Budget, Dimension, Direction, Evidence, EvidenceKind,
    EvidenceState, Horizon, Measure, Milestone, Plan, Program, Status, Target,
};
use crate::plan::schema::{Kind, PROGRAMME};

mod follow;
mod kept;
mod text_input;
pub use text_input::TextInput;

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

/// Which field of the registry a form field edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Program(ProgramField),
    Milestone(MilestoneField),
    Target(TargetField),
    Budget(BudgetField),
    Evidence(EvidenceField),
    Score(ScoreField),
    Dimension(DimensionField),
    Header(HeaderField),
}

impl Key {
    /// Whether the field holds a figure (a target, an amount, a score).
    fn is_figure(self) -> bool {
        let kind = match self {
            Key::Milestone(f) => f.kind(),
            Key::Target(f) => f.kind(),
            Key::Budget(f) => f.kind(),
            Key::Score(f) => return f == ScoreField::Score,
            Key::Program(_) | Key::Evidence(_) | Key::Dimension(_) | Key::Header(_) => {
                return false;
            }
        };
        kind == Kind::Number
    }

    /// The field's name in the data file.
    pub fn name(self) -> &'static str {
        match self {
            Key::Program(f) => f.name(),
            Key::Milestone(f) => f.name(),
            Key::Target(f) => f.name(),
            Key::Budget(f) => f.name(),
            Key::Evidence(f) => f.name(),
            Key::Score(f) => f.name(),
            Key::Dimension(f) => f.name(),
            Key::Header(f) => f.name(),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Key::Program(f) => f.label(lang),
            Key::Milestone(f) => f.label(lang),
            Key::Target(f) => f.label(lang),
            Key::Budget(f) => f.label(lang),
            Key::Evidence(f) => f.label(lang),
            Key::Score(f) => f.label(lang),
            Key::Dimension(f) => f.label(lang),
            Key::Header(f) => f.label(lang),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: Key,
    pub input: Input,
    /// Why the value is not valid, shown beside it; `None` when it is.
    pub error: Option<String>,
    /// The value when the form opened: an accepted form writes only the
    /// fields whose value moved from this, so it never writes back a value
    /// someone else changed meanwhile in a field this officer did not touch.
    pub initial: String,
    /// Someone else changed this field since the form opened: the value
    /// they saved, shown beside it (the field shows it too unless the
    /// officer had typed their own).
    pub changed: Option<String>,
}

/// What the form edits, and where.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// An existing program, or a new one (described by `template`) inserted at `index`.
    Program {
        index: usize,
        new: Option<Box<Program>>,
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
    Budget {
        program: usize,
        index: usize,
        new: bool,
    },
    Evidence {
        program: usize,
        index: usize,
        new: bool,
    },
    Dimension {
        index: usize,
    },
    Header,
    /// The self-assessment of one aspect for one year.
    Score {
        year: i32,
        aspect: Aspect,
    },
}

impl Subject {
    /// Whether the form adds something rather than changing it.
    pub fn is_new(&self) -> bool {
        match self {
            Subject::Program { new, .. } => new.is_some(),
            Subject::Milestone { new, .. }
            | Subject::Target { new, .. }
            | Subject::Budget { new, .. }
            | Subject::Evidence { new, .. } => *new,
            Subject::Dimension { .. } | Subject::Header | Subject::Score { .. } => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub subject: Subject,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A problem with the form as a whole (e.g. the plan would not be valid).
    pub problem: Option<String>,
    /// Someone else deleted what the form edits: it can only be closed,
    /// or, for a programme, added again as a new one (`revive`).
    pub gone: bool,
    /// A programme deleted under the form, as it was: what Enter adds again
    /// as a new programme with the officer's text.
    pub revive: Option<Box<Program>>,
    /// Esc was pressed once on typed text: the next Esc throws it away.
    pub leaving: bool,
    lang: Lang,
}

fn field(key: Key, input: Input) -> Field {
    let mut f = Field {
        key,
        input,
        error: None,
        initial: String::new(),
        changed: None,
    };
    f.initial = f.value();
    f
}

fn text(key: Key, value: &str) -> Field {
    field(
        key,
        Input::Text {
            input: TextInput::new(value),
            multiline: false,
        },
    )
}

fn multiline(key: Key, value: &str) -> Field {
    field(
        key,
        Input::Text {
            input: TextInput::new(value),
            multiline: true,
        },
    )
}

fn choice(key: Key, options: Vec<(String, String)>, value: &str) -> Field {
    let at = options.iter().position(|(v, _)| v == value).unwrap_or(0);
    field(key, Input::Choice { options, at })
}

fn element_options(plan: &Plan, dimension: &str, t: &Text) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), t.ui.u_none_choice.to_string())];
    if let Some(d) = plan.dimension(dimension) {
        options.extend(d.elements.iter().map(|e| (e.clone(), e.clone())));
    }
    options
}

const TARGET_FORM: [TargetField; 12] = [
    TargetField::Indicator,
    TargetField::Year,
    TargetField::Unit,
    TargetField::Measures,
    TargetField::Direction,
    TargetField::Baseline,
    TargetField::Target,
    TargetField::Upper,
    TargetField::Actual,
    TargetField::BaseYear,
    TargetField::Source,
    TargetField::Definition,
];

impl Field {
    /// The value as text, as the registry parses it.
    pub fn value(&self) -> String {
        match &self.input {
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

    /// Puts `value` (as [`Field::value`] writes it) into the input.
    fn set(&mut self, value: &str) {
        match &mut self.input {
            Input::Text { input, .. } => *input = TextInput::new(value),
            Input::Choice { options, at } => {
                if let Some(i) = options.iter().position(|(v, _)| v == value) {
                    *at = i;
                }
            }
            Input::Many {
                options, chosen, ..
            } => {
                let wanted: Vec<&str> = value.split(", ").collect();
                for (o, c) in options.iter().zip(chosen.iter_mut()) {
                    *c = wanted.contains(&o.as_str());
                }
            }
            Input::Toggle(on) => *on = value == "true",
        }
    }

    /// The value as the form shows it: a choice by its label, yes or no.
    fn shown(&self, t: &Text) -> String {
        match &self.input {
            Input::Choice { options, at } => options
                .get(*at)
                .map(|(_, label)| label.clone())
                .unwrap_or_default(),
            Input::Toggle(on) => (if *on { t.log.l_yes } else { t.log.l_no }).to_string(),
            _ => self.value(),
        }
    }

    fn touched(&self) -> bool {
        self.value() != self.initial
    }
}

/// What a form makes of its fields: the thing edited, or each field's reason.
enum Built {
    // Boxed: a programme is many times larger than the other items.
    // Boxed: a programme is many times the size of the other items.
    Program(Box<Program>),
    Milestone(Milestone),
    Target(Target),
    Budget(Budget),
    Evidence(Evidence),
    Dimension(Dimension),
    Header(Header),
    /// The score (`None`: taken out) and its note.
    Score(Option<f64>, String),
}

impl Form {
    /// Whether the officer typed or picked anything in it: text that counts
    /// as unsaved, asked about before it is thrown away.
    pub fn typed(&self) -> bool {
        self.fields.iter().any(Field::touched)
    }

    /// The id the form was opened on (or last followed to), for its title:
    /// its own, even when the programme is gone from the plan.
    pub fn program_id(&self) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.key == Key::Program(ProgramField::Id))
            .map(|f| f.initial.as_str())
    }

    /// The form for program `index`; `new` for one not yet in the plan,
    /// which `template` then describes.
    pub fn program(plan: &Plan, index: usize, template: &Program, new: bool, lang: Lang) -> Form {
        let t = lang.text();
        let p = template;
        let dimensions: Vec<(String, String)> = plan
            .dimensions
            .iter()
            .map(|d| (d.id.clone(), d.name.clone()))
            .collect();
        let horizons: Vec<(String, String)> = Horizon::ALL
            .iter()
            .map(|h| (h.key().to_string(), t.horizon(*h).to_string()))
            .collect();
        let statuses: Vec<(String, String)> = Status::ALL
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
        let chosen: Vec<bool> = funding.iter().map(|f| p.funding.contains(f)).collect();
        let fields = PROGRAMME
            .iter()
            .filter(|row| row.form)
            .map(|row| {
                let key = Key::Program(row.field);
                let value = row.field.get(p);
                match row.kind {
                    Kind::Prose => multiline(key, &value),
                    Kind::Dimension => choice(key, dimensions.clone(), &value),
                    Kind::Element => choice(key, element_options(plan, &p.dimension, t), &value),
                    Kind::Horizon => choice(key, horizons.clone(), &value),
                    Kind::Status => choice(key, statuses.clone(), &value),
                    Kind::Sources => field(
                        key,
                        Input::Many {
                            options: funding.clone(),
                            chosen: chosen.clone(),
                            at: 0,
                        },
                    ),
                    _ => text(key, &value),
                }
            })
            .collect();
        let new = new.then(|| Box::new(p.clone()));
        Form::open(Subject::Program { index, new }, fields, plan, lang)
    }

    pub fn milestone(
        plan: &Plan,
        program: usize,
        index: usize,
        m: &Milestone,
        new: bool,
        lang: Lang,
    ) -> Form {
        let fields = MilestoneField::ALL
            .iter()
            .map(|&f| match f {
                MilestoneField::Done => field(Key::Milestone(f), Input::Toggle(m.done)),
                _ => text(Key::Milestone(f), &f.edit_text(m)),
            })
            .collect();
        let subject = Subject::Milestone {
            program,
            index,
            new,
        };
        Form::open(subject, fields, plan, lang)
    }

    pub fn target(
        plan: &Plan,
        program: usize,
        index: usize,
        x: &Target,
        new: bool,
        lang: Lang,
    ) -> Form {
        let directions: Vec<(String, String)> = Direction::ALL
            .iter()
            .map(|d| (d.key().to_string(), d.word(lang).to_string()))
            .collect();
        let measures: Vec<(String, String)> = Measure::ALL
            .iter()
            .map(|m| (m.key().to_string(), m.word(lang).to_string()))
            .collect();
        let fields = TARGET_FORM
            .iter()
            .map(|&f| match f {
                TargetField::Direction => {
                    choice(Key::Target(f), directions.clone(), &f.edit_text(x))
                }
                TargetField::Measures => choice(Key::Target(f), measures.clone(), &f.edit_text(x)),
                TargetField::Definition => multiline(Key::Target(f), &f.edit_text(x)),
                _ => text(Key::Target(f), &f.edit_text(x)),
            })
            .collect();
        let subject = Subject::Target {
            program,
            index,
            new,
        };
        Form::open(subject, fields, plan, lang)
    }

    pub fn budget(
        plan: &Plan,
        program: usize,
        index: usize,
        b: &Budget,
        new: bool,
        lang: Lang,
    ) -> Form {
        let fields = BudgetField::ALL
            .iter()
            .map(|&f| text(Key::Budget(f), &f.edit_text(b)))
            .collect();
        let subject = Subject::Budget {
            program,
            index,
            new,
        };
        Form::open(subject, fields, plan, lang)
    }

    pub fn evidence(
        plan: &Plan,
        program: usize,
        index: usize,
        e: &Evidence,
        new: bool,
        lang: Lang,
    ) -> Form {
        let kinds: Vec<(String, String)> = EvidenceKind::ALL
            .iter()
            .map(|k| (k.key().to_string(), k.word(lang).to_string()))
            .collect();
        let states: Vec<(String, String)> = EvidenceState::ALL
            .iter()
            .map(|s| (s.key().to_string(), s.word(lang).to_string()))
            .collect();
        let fields = EvidenceField::ALL
            .iter()
            .map(|&f| match f {
                EvidenceField::Kind => choice(Key::Evidence(f), kinds.clone(), &f.get(e)),
                EvidenceField::State => choice(Key::Evidence(f), states.clone(), &f.get(e)),
                _ => text(Key::Evidence(f), &f.get(e)),
            })
            .collect();
        let subject = Subject::Evidence {
            program,
            index,
            new,
        };
        Form::open(subject, fields, plan, lang)
    }

    /// The self-assessment of `aspect` for `year`: the latest one written.
    pub fn score(plan: &Plan, year: i32, aspect: Aspect, lang: Lang) -> Form {
        let now = current_score(plan, year, aspect);
        let fields = ScoreField::ALL
            .iter()
            .map(|&f| text(Key::Score(f), &f.edit_text(now)))
            .collect();
        Form::open(Subject::Score { year, aspect }, fields, plan, lang)
    }

    pub fn dimension(plan: &Plan, index: usize, d: &Dimension, lang: Lang) -> Form {
        let fields = DimensionField::ALL
            .iter()
            .map(|&f| text(Key::Dimension(f), &f.get(d)))
            .collect();
        Form::open(Subject::Dimension { index }, fields, plan, lang)
    }

    pub fn header(plan: &Plan, lang: Lang) -> Form {
        let h = Header::of(plan);
        let fields = HeaderField::ALL
            .iter()
            .map(|&f| match f {
                HeaderField::Vision => multiline(Key::Header(f), &f.get(&h)),
                HeaderField::Bands => {
                    let regimes = Bands::ALL
                        .iter()
                        .map(|b| (b.key().to_string(), b.word(lang).to_string()))
                        .collect();
                    choice(Key::Header(f), regimes, &f.get(&h))
                }
                _ => text(Key::Header(f), &f.get(&h)),
            })
            .collect();
        Form::open(Subject::Header, fields, plan, lang)
    }

    fn open(subject: Subject, mut fields: Vec<Field>, plan: &Plan, lang: Lang) -> Form {
        // Figures are shown the way the interface's language writes them
        // (`36,125` in Indonesian), and read back the same way (`words`).
        for f in fields.iter_mut().filter(|f| f.key.is_figure()) {
            if let Input::Text { input, .. } = &mut f.input
                && let Ok(v) = input.value.trim().parse::<f64>()
            {
                *input = TextInput::new(&crate::i18n::format::number(v, lang));
                f.initial = input.value.clone();
            }
        }
        let mut form = Form {
            subject,
            fields,
            focus: 0,
            problem: None,
            gone: false,
            revive: None,
            leaving: false,
            lang,
        };
        form.check(plan);
        form
    }

    /// A form on a programme deleted meanwhile made a form adding it again
    /// as a new programme, at about its old place, as it was with the
    /// officer's text over it; `false` (and nothing changes) for any other.
    /// Its id stays unless someone took it meanwhile: then the form marks it.
    pub fn revive(&mut self, plan: &Plan) -> bool {
        let (Some(template), Subject::Program { index, new: None }) =
            (self.revive.take(), &self.subject)
        else {
            return false;
        };
        self.subject = Subject::Program {
            index: (*index).min(plan.programs.len()),
            new: Some(template),
        };
        self.gone = false;
        self.problem = None;
        self.check(plan);
        true
    }

    pub fn focused(&mut self) -> &mut Field {
        let at = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[at]
    }

    fn value(&self, key: Key) -> String {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(Field::value)
            .unwrap_or_default()
    }

    /// After a choice changed: a new dimension offers its own elements.
    pub fn refresh_choices(&mut self, plan: &Plan) {
        let t = self.lang.text();
        let dimension = self.value(Key::Program(ProgramField::Dimension));
        let element = self.value(Key::Program(ProgramField::Element));
        if let Some(field) = self
            .fields
            .iter_mut()
            .find(|f| f.key == Key::Program(ProgramField::Element))
        {
            let options = element_options(plan, &dimension, t);
            let at = options.iter().position(|(v, _)| *v == element).unwrap_or(0);
            field.input = Input::Choice { options, at };
        }
    }

    /// Reads the fields into what the form edits, through the registry. With
    /// `only_touched`, fields the officer left alone keep `plan`'s current
    /// value. Each field's problem, if any, is in the second list.
    fn build(&self, plan: &Plan, only_touched: bool) -> (Option<Built>, Vec<Option<String>>) {
        let t = self.lang.text();
        let mut errors = vec![None; self.fields.len()];
        let wanted = |f: &Field| !only_touched || f.touched();
        let mut note = |at: usize, e: FieldError| errors[at] = Some(e.reason(t));
        let words = crate::i18n::Writing(Some(self.lang.convention()));
        let words = &words;
        let built = match &self.subject {
            Subject::Program { index, new } => {
                let current = match new {
                    Some(template) => Some((**template).clone()),
                    None => plan.programs.get(*index).cloned(),
                };
                current.map(|mut p| {
                    let cx = Context {
                        plan,
                        index: new.is_none().then_some(*index),
                        words,
                    };
                    for (at, f) in self.fields.iter().enumerate() {
                        if let Key::Program(pf) = f.key
                            && (wanted(f) || new.is_some())
                            && let Err(e) = pf.parse_into(&mut p, &f.value(), cx)
                        {
                            note(at, e);
                        }
                    }
                    Built::Program(Box::new(p))
                })
            }
            Subject::Milestone {
                program,
                index,
                new,
            } => plan.programs.get(*program).and_then(|p| {
                let mut m = match new {
                    true => Milestone::default(),
                    false => p.milestones.get(*index)?.clone(),
                };
                for (at, f) in self.fields.iter().enumerate() {
                    if let Key::Milestone(mf) = f.key
                        && (wanted(f) || *new)
                        && let Err(e) = mf.parse_into(&mut m, mf.name(), &f.value(), words)
                    {
                        note(at, e);
                    }
                }
                Some(Built::Milestone(m))
            }),
            Subject::Target {
                program,
                index,
                new,
            } => plan.programs.get(*program).and_then(|p| {
                let mut x = match new {
                    true => Target {
                        year: plan.period.end,
                        indicator: String::new(),
                        unit: String::new(),
                        baseline: None,
                        target: 0.0,
                        actual: None,
                        ..Target::default()
                    },
                    false => p.targets.get(*index)?.clone(),
                };
                for (at, f) in self.fields.iter().enumerate() {
                    if let Key::Target(tf) = f.key
                        && (wanted(f) || *new)
                        && let Err(e) =
                            tf.parse_into(&mut x, tf.name(), &f.value(), plan.period, words)
                    {
                        note(at, e);
                    }
                }
                Some(Built::Target(x))
            }),
            Subject::Budget {
                program,
                index,
                new,
            } => plan.programs.get(*program).and_then(|p| {
                let mut b = match new {
                    true => Budget::default(),
                    false => p.budget.get(*index)?.clone(),
                };
                for (at, f) in self.fields.iter().enumerate() {
                    if let Key::Budget(bf) = f.key
                        && (wanted(f) || *new)
                        && let Err(e) =
                            bf.parse_into(&mut b, bf.name(), &f.value(), plan.period, words)
                    {
                        note(at, e);
                    }
                }
                Some(Built::Budget(b))
            }),
            Subject::Evidence {
                program,
                index,
                new,
            } => plan.programs.get(*program).and_then(|p| {
                let mut x = match new {
                    true => Evidence::default(),
                    false => p.evidence.get(*index)?.clone(),
                };
                for (at, f) in self.fields.iter().enumerate() {
                    if let Key::Evidence(ef) = f.key
                        && (wanted(f) || *new)
                        && let Err(e) = ef.parse_into(&mut x, ef.name(), &f.value(), words)
                    {
                        note(at, e);
                    }
                }
                Some(Built::Evidence(x))
            }),
            Subject::Dimension { index } => plan.dimensions.get(*index).map(|d| {
                let mut d = d.clone();
                for (at, f) in self.fields.iter().enumerate() {
                    if let Key::Dimension(df) = f.key
                        && wanted(f)
                        && let Err(e) = df.parse_into(&mut d, &f.value())
                    {
                        note(at, e);
                    }
                }
                Built::Dimension(d)
            }),
            Subject::Header => {
                let mut h = Header::of(plan);
                for (at, f) in self.fields.iter().enumerate() {
                    if let Key::Header(hf) = f.key
                        && wanted(f)
                        && let Err(e) = hf.parse_into(&mut h, &f.value())
                    {
                        note(at, e);
                    }
                }
                Some(Built::Header(h))
            }
            Subject::Score { year, aspect } => {
                let now = current_score(plan, *year, *aspect);
                let mut score = now.map(|s| s.score);
                let mut remark = now.map(|s| s.note.clone()).unwrap_or_default();
                for (at, f) in self.fields.iter().enumerate() {
                    if let Key::Score(sf) = f.key
                        && wanted(f)
                        && let Err(e) = sf.parse_into(&mut score, &mut remark, &f.value(), words)
                    {
                        note(at, e);
                    }
                }
                Some(Built::Score(score, remark))
            }
        };
        // Across fields: nothing ends before it starts.
        let order = |start: Key, end: Key| -> Option<usize> {
            let (s, e) = (self.value(start), self.value(end));
            let (s, e) = (s.trim().parse::<i32>().ok()?, e.trim().parse::<i32>().ok()?);
            (e < s).then(|| self.fields.iter().position(|f| f.key == end))?
        };
        for (start, end) in [
            (ProgramField::Start, ProgramField::End).map_keys(Key::Program),
            (HeaderField::PeriodStart, HeaderField::PeriodEnd).map_keys(Key::Header),
        ] {
            if let Some(at) = order(start, end) {
                errors[at].get_or_insert_with(|| t.forms.f_end_after_start.to_string());
            }
        }
        (built, errors)
    }

    /// Checks every field; true when all are valid.
    pub fn check(&mut self, plan: &Plan) -> bool {
        let (_, errors) = self.build(plan, false);
        for (field, error) in self.fields.iter_mut().zip(errors) {
            field.error = error;
        }
        self.fields.iter().all(|f| f.error.is_none())
    }

    /// The edit this form makes on `plan` as it is now, if every field is
    /// valid; `None` when it changes nothing. Only the fields the officer
    /// touched are written (see [`Field::initial`]).
    pub fn to_edit(&self, plan: &Plan) -> Option<Edit> {
        if self.gone {
            return None;
        }
        let (built, errors) = self.build(plan, true);
        if errors.iter().any(Option::is_some) {
            return None;
        }
        match (built?, &self.subject) {
            (Built::Program(p), Subject::Program { index, new }) => {
                if new.is_some() {
                    Some(Edit::Program {
                        index: *index,
                        before: None,
                        after: Some(p),
                    })
                } else {
                    Edit::replace(plan, *index, *p)
                }
            }
            (
                Built::Milestone(m),
                Subject::Milestone {
                    program,
                    index,
                    new,
                },
            ) => {
                let mut p = plan.programs.get(*program)?.clone();
                put(&mut p.milestones, *index, *new, m)?;
                Edit::replace(plan, *program, p)
            }
            (
                Built::Target(x),
                Subject::Target {
                    program,
                    index,
                    new,
                },
            ) => {
                let mut p = plan.programs.get(*program)?.clone();
                put(&mut p.targets, *index, *new, x)?;
                Edit::replace(plan, *program, p)
            }
            (
                Built::Budget(b),
                Subject::Budget {
                    program,
                    index,
                    new,
                },
            ) => {
                let mut p = plan.programs.get(*program)?.clone();
                put(&mut p.budget, *index, *new, b)?;
                Edit::replace(plan, *program, p)
            }
            (
                Built::Evidence(e),
                Subject::Evidence {
                    program,
                    index,
                    new,
                },
            ) => {
                let mut p = plan.programs.get(*program)?.clone();
                put(&mut p.evidence, *index, *new, e)?;
                Edit::replace(plan, *program, p)
            }
            (Built::Dimension(after), Subject::Dimension { index }) => {
                let before = plan.dimensions.get(*index)?.clone();
                (before != after).then_some(Edit::Dimension {
                    index: *index,
                    before,
                    after,
                })
            }
            (Built::Header(after), Subject::Header) => {
                let before = Header::of(plan);
                (before != after).then(|| Edit::Header {
                    before: Box::new(before),
                    after: Box::new(after),
                })
            }
            (Built::Score(score, note), Subject::Score { year, aspect }) => {
                // The whole plan: a score lives in the evaluation section,
                // which merges and undoes as one.
                let mut after = plan.clone();
                let scores = &mut after.evaluation.scores;
                let at = scores
                    .iter()
                    .rposition(|s| s.year == *year && s.aspect == *aspect);
                match (at, score) {
                    (Some(i), Some(score)) => {
                        scores[i].score = score;
                        scores[i].note = note;
                    }
                    (Some(i), None) => {
                        scores.remove(i);
                    }
                    (None, Some(score)) => scores.push(AspectScore {
                        year: *year,
                        aspect: *aspect,
                        score,
                        note,
                    }),
                    (None, None) => {}
                }
                (after != *plan).then(|| Edit::Whole {
                    before: Box::new(plan.clone()),
                    after: Box::new(after),
                })
            }
            _ => None,
        }
    }
}

/// The latest self-assessment of `aspect` for `year`, if any.
fn current_score(plan: &Plan, year: i32, aspect: Aspect) -> Option<&AspectScore> {
    plan.evaluation
        .scores
        .iter()
        .rev()
        .find(|s| s.year == year && s.aspect == aspect)
}

/// Inserts `item` at `index` when it is new, else replaces the one there.
fn put<T>(items: &mut Vec<T>, index: usize, new: bool, item: T) -> Option<()> {
    if new {
        items.insert(index.min(items.len()), item);
    } else {
        *items.get_mut(index)? = item;
    }
    Some(())
}

trait MapKeys<A> {
    fn map_keys(self, f: fn(A) -> Key) -> (Key, Key);
}

impl<A> MapKeys<A> for (A, A) {
    fn map_keys(self, f: fn(A) -> Key) -> (Key, Key) {
        (f(self.0), f(self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The target the form would write, every field read as typed.
    fn built_target(form: &Form, plan: &Plan) -> Target {
        match form.build(plan, false) {
            (Some(Built::Target(x)), errors) if errors.iter().all(Option::is_none) => x,
            (_, errors) => panic!("{errors:?}"),
        }
    }

    #[test]
    fn a_form_shows_figures_as_its_language_writes_them_and_reads_them_back_so() {
        let mut plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let x = &mut plan.programs[0].targets[0];
        (x.target, x.actual) = (36.125, Some(1234.5));
        let x = x.clone();
        let at = |form: &Form, f: TargetField| {
            let i = form.fields.iter().position(|g| g.key == Key::Target(f));
            i.unwrap()
        };
        for (lang, shown, typed, meant) in [
            (Lang::Id, "36,125", "36.500", 36_500.0),
            (Lang::En, "36.125", "36.500", 36.5),
        ] {
            let mut form = Form::target(&plan, 0, 0, &x, false, lang);
            let target = at(&form, TargetField::Target);
            assert_eq!(form.fields[target].value(), shown, "{lang:?}");
            assert_eq!(built_target(&form, &plan), x, "{lang:?}: unchanged");
            let actual = at(&form, TargetField::Actual);
            form.fields[actual].input = Input::Text {
                input: TextInput::new(typed),
                multiline: false,
            };
            assert_eq!(built_target(&form, &plan).actual, Some(meant), "{lang:?}");
        }
    }

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
