//! What each field of the schema is called, and every value a field can hold
//! in words: the one place the interface, the spreadsheets, a merge's
//! questions and the audit log take them from.

use super::{Lang, Text, format};
use crate::plan::achievement::{Band, Capaian};
use crate::plan::field::{Vocabulary, fold};
use crate::plan::followup::{FollowUpStatus, Source};
use crate::plan::model::{
    Bands, BudgetChangeKind, Direction, EvidenceKind, EvidenceState, Horizon, Measure, Status,
};
use crate::plan::schema::{
    BudgetField, DimensionField, EvidenceField, HeaderField, Item, Kind, MilestoneField,
    ProgramField, ScoreField, TargetField,
};
use crate::plan::typed::Convention;

const LANGS: [Lang; 2] = [Lang::En, Lang::Id];

/// The words of both languages, for reading a value an officer typed:
/// `status=selesai` works under English.
pub struct BothLanguages;

impl Vocabulary for BothLanguages {
    fn key(&self, kind: Kind, typed: &str) -> Option<&'static str> {
        match kind {
            Kind::Status => Status::parse(typed).map(Status::key),
            Kind::Horizon => Horizon::parse(typed).map(Horizon::key),
            Kind::Direction => worded(&Direction::ALL, Direction::key, Direction::word, typed),
            Kind::Bands => worded(&Bands::ALL, Bands::key, Bands::word, typed),
            Kind::Measure => worded(&Measure::ALL, Measure::key, Measure::word, typed),
            Kind::EvidenceKind => worded(
                &EvidenceKind::ALL,
                EvidenceKind::key,
                EvidenceKind::word,
                typed,
            ),
            Kind::EvidenceState => worded(
                &EvidenceState::ALL,
                EvidenceState::key,
                EvidenceState::word,
                typed,
            ),
            Kind::BudgetChangeKind => worded(
                &BudgetChangeKind::ALL,
                BudgetChangeKind::key,
                BudgetChangeKind::word,
                typed,
            ),
            Kind::Quarter | Kind::Month | Kind::Percent | Kind::SubActivityCode => None,
            Kind::Source => worded(&Source::ALL, Source::key, Source::word, typed),
            Kind::FollowUpStatus => worded(
                &FollowUpStatus::ALL,
                FollowUpStatus::key,
                FollowUpStatus::word,
                typed,
            ),
            Kind::Bool
            | Kind::Line
            | Kind::Prose
            | Kind::List
            | Kind::Sources
            | Kind::Dimension
            | Kind::Element
            | Kind::Year
            | Kind::Number
            | Kind::Date => None,
        }
    }
}

/// The words of both languages, with figures read in the officer's
/// convention where the caller knows it (`None`: a figure that reads two
/// ways is refused with both readings).
pub struct Writing(pub Option<Convention>);

impl Vocabulary for Writing {
    fn key(&self, kind: Kind, typed: &str) -> Option<&'static str> {
        BothLanguages.key(kind, typed)
    }

    fn convention(&self) -> Option<Convention> {
        self.0
    }
}

/// The data-file name of the one of `all` whose word in either language is
/// `typed`, ignoring case and spaces.
fn worded<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    word: fn(T, Lang) -> &'static str,
    typed: &str,
) -> Option<&'static str> {
    let want = fold(typed);
    all.iter()
        .copied()
        .find(|&x| LANGS.iter().any(|&l| fold(word(x, l)) == want))
        .map(key)
}

impl Text {
    /// A value as the schema writes it (`InProgress`, `true`, `Ready`), in
    /// words; `None` for a value of a kind that reads as it is written.
    pub fn word(&self, kind: Kind, value: &str) -> Option<&'static str> {
        let lang = self.lang;
        match kind {
            Kind::Status => Status::parse(value).map(|s| self.status(s)),
            Kind::Horizon => Horizon::parse(value).map(|h| self.horizon(h)),
            Kind::Bool => Some(if value == "true" {
                self.log.l_yes
            } else {
                self.log.l_no
            }),
            Kind::EvidenceState => {
                keyed(&EvidenceState::ALL, EvidenceState::key, value).map(|s| s.word(lang))
            }
            Kind::EvidenceKind => {
                keyed(&EvidenceKind::ALL, EvidenceKind::key, value).map(|k| k.word(lang))
            }
            Kind::Direction => keyed(&Direction::ALL, Direction::key, value).map(|d| d.word(lang)),
            Kind::Bands => keyed(&Bands::ALL, Bands::key, value).map(|b| b.word(lang)),
            Kind::Measure => keyed(&Measure::ALL, Measure::key, value).map(|m| m.word(lang)),
            Kind::BudgetChangeKind => {
                keyed(&BudgetChangeKind::ALL, BudgetChangeKind::key, value).map(|k| k.word(lang))
            }
            Kind::Quarter | Kind::Month | Kind::Percent | Kind::SubActivityCode => None,
            Kind::Source => keyed(&Source::ALL, Source::key, value).map(|s| s.word(lang)),
            Kind::FollowUpStatus => {
                keyed(&FollowUpStatus::ALL, FollowUpStatus::key, value).map(|s| s.word(lang))
            }
            Kind::Line
            | Kind::Prose
            | Kind::List
            | Kind::Sources
            | Kind::Dimension
            | Kind::Element
            | Kind::Year
            | Kind::Number
            | Kind::Date => None,
        }
    }

    /// A value in words, as a merge's question and the audit log show it:
    /// statuses, horizons and the like by name, yes or no, `(none)` for
    /// nothing, a figure as the language writes it (`36.500`, `12,5`);
    /// anything else as written (the caller escapes it for a terminal).
    pub fn value(&self, kind: Kind, value: &str) -> String {
        match self.word(kind, value) {
            Some(w) => w.to_string(),
            None if value.is_empty() || value == "none" => self.log.l_none.to_string(),
            // The data file's figure, as Rust wrote it: `36500`, `12.5`.
            None if kind == Kind::Number => match value.parse::<f64>() {
                Ok(v) if v.is_finite() => format::number(v, self.lang),
                _ => value.to_string(),
            },
            None => value.to_string(),
        }
    }
}

/// The one of `all` whose data-file name is `value`.
fn keyed<T: Copy>(all: &[T], key: fn(T) -> &'static str, value: &str) -> Option<T> {
    all.iter().copied().find(|&x| key(x) == value)
}

impl Status {
    /// A status by its data-file name (`InProgress`) or its name in either
    /// language (`In progress`, `Berjalan`), ignoring case, spaces, `-` and `_`.
    pub fn parse(name: &str) -> Option<Status> {
        let want = fold(name);
        Status::ALL.into_iter().find(|s| {
            fold(s.key()) == want || LANGS.iter().any(|l| fold(l.text().status(*s)) == want)
        })
    }
}

impl Horizon {
    /// A horizon by its data-file name (`QuickWin`) or its name in either
    /// language, long or short (`Medium term`, `Jangka menengah`, `Menengah`).
    pub fn parse(name: &str) -> Option<Horizon> {
        let want = fold(name);
        Horizon::ALL.into_iter().find(|h| {
            fold(h.key()) == want
                || LANGS.iter().any(|l| {
                    let t = l.text();
                    fold(t.horizon(*h)) == want || fold(t.horizon_short(*h)) == want
                })
        })
    }
}

impl Capaian {
    /// The figure as reports print it, two decimals in the reader's way:
    /// `98,72 %`, `98.72 %`. Empty when not measured.
    pub fn percent(self, lang: Lang) -> String {
        self.figure()
            .map_or_else(String::new, |p| format::capaian(p, lang))
    }

    /// The verdict, with "missed" after a Sangat Baik whose target was not
    /// reached: a poverty rate of 12.66 % against 12.5 % is 98,72 %, Sangat
    /// Baik, yet the target was missed. Below that band the word says it.
    pub fn judgement(self, lang: Lang, bands: Bands, dot: &str) -> String {
        let verdict = self.verdict(lang, bands);
        match (self.band(), self.met()) {
            (Some(Band::VeryGood), Some(false)) => {
                format!("{verdict}{dot}{}", lang.report().missed)
            }
            _ => verdict.to_string(),
        }
    }

    /// The band's name, or "no data" for a year that passed unmeasured.
    pub fn verdict(self, lang: Lang, bands: Bands) -> &'static str {
        match self {
            Capaian::NoData => lang.report().no_data,
            other => other.band().map_or("", |b| b.name(lang, bands)),
        }
    }
}

impl Band {
    /// The band's name in the plan's regime.
    pub fn name(self, lang: Lang, bands: Bands) -> &'static str {
        let b = match bands {
            Bands::Lkjip => &lang.report().bands,
            Bands::Rkpd => &lang.report().bands_rkpd,
        };
        match self {
            Band::VeryGood => b.very_good,
            Band::Good => b.good,
            Band::Fair => b.fair,
            Band::Poor => b.poor,
            Band::VeryPoor => b.very_poor,
        }
    }
}

impl Direction {
    /// In the form's choice: "higher is better", "lower is better", "a range".
    pub fn word(self, lang: Lang) -> &'static str {
        let w = &lang.text().forms.directions;
        match self {
            Direction::Higher => w.higher,
            Direction::Lower => w.lower,
            Direction::Range => w.range,
        }
    }
}

impl Measure {
    /// In the form's choice and the log: "use", "pemanfaatan".
    pub fn word(self, lang: Lang) -> &'static str {
        let w = &lang.text().forms.measures;
        match self {
            Measure::Output => w.output,
            Measure::Use => w.usage,
            Measure::Quality => w.quality,
            Measure::Impact => w.impact,
        }
    }
}

impl Bands {
    /// In the header form's choice: "LKjIP (Sangat Baik … Sangat Kurang)".
    pub fn word(self, lang: Lang) -> &'static str {
        let w = &lang.text().forms.regimes;
        match self {
            Bands::Lkjip => w.lkjip,
            Bands::Rkpd => w.rkpd,
        }
    }
}

impl EvidenceKind {
    pub fn word(self, lang: Lang) -> &'static str {
        let w = &lang.text().forms.evidence_kinds;
        match self {
            EvidenceKind::Policy => w.policy,
            EvidenceKind::Inventory => w.inventory,
            EvidenceKind::Review => w.review,
            EvidenceKind::Other => w.other,
        }
    }
}

impl EvidenceState {
    pub fn word(self, lang: Lang) -> &'static str {
        let w = &lang.text().forms.evidence_states;
        match self {
            EvidenceState::Missing => w.missing,
            EvidenceState::Draft => w.draft,
            EvidenceState::Ready => w.ready,
        }
    }
}

impl Item {
    pub fn word(self, t: &Text) -> &'static str {
        match self {
            Item::Milestone => t.forms.f_milestone,
            Item::Target => t.forms.f_target,
            Item::Budget => t.forms.f_budget,
            Item::Evidence => t.forms.f_evidence,
            Item::Period | Item::BudgetChange | Item::SubActivity => {
                self.fiscal_word(t.lang).unwrap_or_default()
            }
            Item::FollowUp => t.lang.followups().item,
        }
    }
}

impl ProgramField {
    /// The field's name in the edit form.
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            ProgramField::Name => l.name,
            ProgramField::Id => l.id,
            ProgramField::Description => l.description,
            ProgramField::Dimension => l.dimension,
            ProgramField::Element => l.element,
            ProgramField::Rpjmd => l.rpjmd,
            ProgramField::Renstra => lang.fiscal().renstra,
            ProgramField::Horizon => l.horizon,
            ProgramField::Lead => l.lead,
            ProgramField::Support => l.support,
            ProgramField::Funding => l.funding,
            ProgramField::Start => l.start,
            ProgramField::End => l.end,
            ProgramField::Status => l.status,
            ProgramField::Notes => l.notes,
        }
    }

    /// The field's name over a column or beside a line of the detail view:
    /// the form's label, shorter where the form says more ("Lead agency").
    pub fn heading(self, lang: Lang) -> &'static str {
        let h = &lang.text().forms.fields.headings;
        match self {
            ProgramField::Id => h.id,
            ProgramField::Name => h.name,
            ProgramField::Lead => h.lead,
            other => other.label(lang),
        }
    }
}

impl MilestoneField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            MilestoneField::Title => l.title,
            MilestoneField::Due => l.due,
            MilestoneField::Done => l.done,
            MilestoneField::Weight => l.weight,
        }
    }
}

impl TargetField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            TargetField::Indicator => l.indicator,
            TargetField::Year => l.year,
            TargetField::Unit => l.unit,
            TargetField::Baseline => l.baseline,
            TargetField::Target => l.target,
            TargetField::Actual => l.actual,
            TargetField::Direction => l.direction,
            TargetField::Upper => l.upper,
            TargetField::BaseYear => l.base_year,
            TargetField::Source => l.source,
            TargetField::Definition => l.definition,
            TargetField::Measures => l.measures,
        }
    }
}

impl BudgetField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            BudgetField::Year => l.year,
            BudgetField::Allocation => l.allocation,
            BudgetField::Spent => l.spent,
            BudgetField::Source => l.budget_source,
        }
    }
}

impl EvidenceField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            EvidenceField::Name => l.document,
            EvidenceField::Kind => l.kind,
            EvidenceField::State => l.state,
            EvidenceField::Link => l.link,
        }
    }
}

impl ScoreField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            ScoreField::Score => l.score,
            ScoreField::Note => l.notes,
        }
    }
}

impl DimensionField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            DimensionField::Name => l.name,
            DimensionField::Lead => l.lead,
            DimensionField::Elements => l.elements,
        }
    }
}

impl HeaderField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.text().forms.fields;
        match self {
            HeaderField::Title => l.title,
            HeaderField::Region => l.region,
            HeaderField::Code => l.code,
            HeaderField::Province => l.province,
            HeaderField::Vision => l.vision,
            HeaderField::PeriodStart => l.period_start,
            HeaderField::PeriodEnd => l.period_end,
            HeaderField::Bands => l.bands,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::field::{Context, set};
    use crate::plan::model::{Evidence, Target};

    #[test]
    fn statuses_and_horizons_parse_in_every_spelling_and_language() {
        for s in Status::ALL {
            for l in LANGS {
                assert_eq!(Status::parse(l.text().status(s)), Some(s));
            }
            assert_eq!(Status::parse(s.key()), Some(s));
        }
        assert_eq!(Status::parse("in-progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("SELESAI"), Some(Status::Done));
        assert_eq!(Status::parse("finished"), None);
        assert_eq!(Horizon::parse("quick_win"), Some(Horizon::QuickWin));
        assert_eq!(Horizon::parse("Menengah"), Some(Horizon::Medium));
    }

    #[test]
    fn every_word_of_either_language_sets_its_own_value() {
        let plan = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan;
        let words = &BothLanguages;
        let cx = Context {
            plan: &plan,
            index: Some(0),
            words,
        };
        for l in LANGS {
            let t = l.text();
            for s in Status::ALL {
                let p = set(&plan, 0, "status", t.status(s), words).unwrap();
                assert_eq!(p.status, s, "{}", t.status(s));
            }
            for h in Horizon::ALL {
                for word in [t.horizon(h), t.horizon_short(h)] {
                    let p = set(&plan, 0, "horizon", word, words).unwrap();
                    assert_eq!(p.horizon, h, "{word}");
                }
            }
            for d in Direction::ALL {
                let mut x = Target::default();
                TargetField::Direction
                    .parse_into(&mut x, "direction", d.word(l), plan.period, cx.words)
                    .unwrap();
                assert_eq!(x.direction, d, "{}", d.word(l));
            }
            for m in Measure::ALL {
                let mut x = Target::default();
                TargetField::Measures
                    .parse_into(&mut x, "measures", m.word(l), plan.period, cx.words)
                    .unwrap();
                assert_eq!(x.measures, m, "{}", m.word(l));
            }
            for k in EvidenceKind::ALL {
                let mut e = Evidence::default();
                EvidenceField::Kind
                    .parse_into(&mut e, "kind", k.word(l), words)
                    .unwrap();
                assert_eq!(e.kind, k, "{}", k.word(l));
            }
            for s in EvidenceState::ALL {
                let mut e = Evidence::default();
                EvidenceField::State
                    .parse_into(&mut e, "state", s.word(l), words)
                    .unwrap();
                assert_eq!(e.state, s, "{}", s.word(l));
            }
        }
        assert_eq!(
            set(&plan, 0, "status", "berjalan", words).unwrap().status,
            Status::InProgress
        );
    }
}
