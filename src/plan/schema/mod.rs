//! The field schema: every field of a programme, milestone, target, budget
//! year, evidence document, dimension and the plan's header, by name and kind,
//! and for a programme's own fields one row saying where each appears.
//!
//! The enums are the registries' keys; how a field is read, parsed, compared
//! and copied is an exhaustive `match` on them in `plan::field`, so the
//! compiler asks for those. Where a field appears (the form, the detail view,
//! the spreadsheet, the data file, `pantau set`) is the row in [`PROGRAMME`]:
//! every consumer loops over the rows, and `every_field_reaches_every_consumer`
//! fails when a field has no row. Nothing here knows a language: the strings
//! layer names each field and words each kind of value.

use crate::plan::model::{Horizon, Program, Status};

/// Defines a registry enum with its variants in data-file order, `ALL`, the
/// data-file name and the lookup by name.
macro_rules! registry {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name in the data file and in `pantau set`.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn from_name(name: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|f| f.name() == name)
            }
        }
    };
}

registry! {
    /// A programme's own fields (its milestones and targets have their own registries).
    ProgramField {
        Id => "id",
        Name => "name",
        Description => "description",
        Dimension => "dimension",
        Element => "element",
        Rpjmd => "rpjmd",
        Renstra => "renstra",
        Horizon => "horizon",
        Lead => "lead",
        Support => "support",
        Funding => "funding",
        Start => "start",
        End => "end",
        Status => "status",
        Notes => "notes",
    }
}

registry! {
    MilestoneField {
        Title => "title",
        Due => "due",
        Done => "done",
        Weight => "weight",
    }
}

registry! {
    /// One year of a programme's budget.
    BudgetField {
        Year => "year",
        Allocation => "allocation",
        Spent => "spent",
        Source => "source",
    }
}

registry! {
    /// One evidence document of a programme.
    EvidenceField {
        Name => "name",
        Kind => "kind",
        State => "state",
        Link => "link",
    }
}

registry! {
    /// One follow-up (tindak lanjut), of a programme or of the plan.
    FollowUpField {
        Id => "id",
        What => "what",
        Source => "source",
        Reference => "reference",
        SourceDate => "source_date",
        Created => "created",
        Pic => "pic",
        Agency => "agency",
        Deadline => "deadline",
        Status => "status",
        Reason => "reason",
        Evidence => "evidence",
        Progress => "progress",
    }
}

registry! {
    TargetField {
        Year => "year",
        Indicator => "indicator",
        Unit => "unit",
        Baseline => "baseline",
        Target => "target",
        Actual => "actual",
        Direction => "direction",
        Upper => "upper",
        BaseYear => "base_year",
        Source => "source",
        Definition => "definition",
        Measures => "measures",
    }
}

registry! {
    /// One period (a quarter or a month) of a programme's fiscal year.
    PeriodField {
        Year => "year",
        Quarter => "quarter",
        Month => "month",
        CashPlan => "cash_plan",
        Spent => "spent",
        Physical => "physical",
        Problems => "problems",
        FollowUp => "follow_up",
    }
}

registry! {
    /// A change of a year's allocation (APBD-P, pergeseran).
    BudgetChangeField {
        Year => "year",
        Date => "date",
        Allocation => "allocation",
        Kind => "kind",
        Note => "note",
    }
}

registry! {
    /// A sub-activity (kode sub kegiatan) the programme is budgeted under.
    SubActivityField {
        Code => "code",
        Name => "name",
        Agency => "agency",
        Allocation => "allocation",
    }
}

registry! {
    /// An officer's self-assessment of one aspect for one year.
    ScoreField {
        Score => "score",
        Note => "note",
    }
}

registry! {
    DimensionField {
        Name => "name",
        Lead => "lead",
        Elements => "elements",
    }
}

registry! {
    /// The plan's own fields; the period's two years are edited separately.
    HeaderField {
        Title => "title",
        Region => "region",
        Code => "code",
        Province => "province",
        Vision => "vision",
        PeriodStart => "period.start",
        PeriodEnd => "period.end",
        Bands => "bands",
    }
}

/// A programme's lists that `pantau set` addresses by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Milestone,
    Target,
    Budget,
    Evidence,
    Period,
    BudgetChange,
    SubActivity,
    FollowUp,
}

impl Item {
    pub const ALL: [Item; 8] = [
        Item::Milestone,
        Item::Target,
        Item::Budget,
        Item::Evidence,
        Item::Period,
        Item::BudgetChange,
        Item::SubActivity,
        Item::FollowUp,
    ];

    /// The list's name in a path: `milestone.2.done`, `budget.1.spent`.
    pub fn name(self) -> &'static str {
        match self {
            Item::Milestone => "milestone",
            Item::Target => "target",
            Item::Budget => "budget",
            Item::Evidence => "evidence",
            Item::Period => "period",
            Item::BudgetChange => "budget_change",
            Item::SubActivity => "subactivity",
            Item::FollowUp => "followup",
        }
    }

    pub fn count(self, p: &Program) -> usize {
        match self {
            Item::Milestone => p.milestones.len(),
            Item::Target => p.targets.len(),
            Item::Budget => p.budget.len(),
            Item::Evidence => p.evidence.len(),
            Item::Period => p.periods.len(),
            Item::BudgetChange => p.budget_changes.len(),
            Item::SubActivity => p.subactivities.len(),
            Item::FollowUp => p.followups.len(),
        }
    }

    /// The names of the item's fields.
    pub fn fields(self) -> Vec<&'static str> {
        match self {
            Item::Milestone => MilestoneField::ALL.iter().map(|f| f.name()).collect(),
            Item::Target => TargetField::ALL.iter().map(|f| f.name()).collect(),
            Item::Budget => BudgetField::ALL.iter().map(|f| f.name()).collect(),
            Item::Evidence => EvidenceField::ALL.iter().map(|f| f.name()).collect(),
            Item::Period => PeriodField::ALL.iter().map(|f| f.name()).collect(),
            Item::BudgetChange => BudgetChangeField::ALL.iter().map(|f| f.name()).collect(),
            Item::SubActivity => SubActivityField::ALL.iter().map(|f| f.name()).collect(),
            Item::FollowUp => FollowUpField::ALL.iter().map(|f| f.name()).collect(),
        }
    }
}

/// What a field holds: how a form edits it, how the data file writes it and
/// how its value reads in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Free text over several lines.
    Prose,
    /// A comma-separated list of names.
    List,
    /// Funding sources: the usual ones and those the plan already uses.
    Sources,
    /// One of the plan's dimensions, by id.
    Dimension,
    /// One of the programme's dimension's elements, or none.
    Element,
    Year,
    Status,
    Horizon,
    /// Yes or no.
    Bool,
    /// A number, perhaps not known yet.
    Number,
    Date,
    Direction,
    /// What an indicator measures: output, use, quality or impact.
    Measure,
    EvidenceKind,
    EvidenceState,
    /// The names a plan's achievement bands go by (LKjIP or RKPD).
    Bands,
    /// A quarter of the fiscal year, 1–4 (I–IV).
    Quarter,
    /// A month, 1–12.
    Month,
    /// A percentage from 0 to 100, perhaps not known yet.
    Percent,
    /// How an allocation changed: a shift or the amended budget.
    BudgetChangeKind,
    /// A kode sub kegiatan, `2.16.02.1.01.0001`.
    SubActivityCode,
    /// Where a follow-up came from: a meeting or a letter.
    Source,
    /// How far a follow-up is: open, in progress, done, dropped.
    FollowUpStatus,
}

/// How the detail view shows a programme's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// In the panel's title, beside the programme's id.
    Title,
    /// A labelled line among the programme's fields.
    Line,
    /// The start year, on the line of the years (start–end) with the end.
    Years,
    /// A heading and the text wrapped under it, where it has any, under the
    /// programme's lines (the description).
    Paragraph,
    /// The same at the end, after the targets, budget and evidence (the notes).
    Closing,
}

/// Where one of a programme's fields appears.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub field: ProgramField,
    pub kind: Kind,
    /// In the edit form, which shows the rows in their order here.
    pub form: bool,
    pub detail: Detail,
    /// The column of the programmes sheet (and the overview's CSV) it is
    /// written in, counted from 0 with the dimension's name first; `None` for
    /// a field the sheet does not hold. Columns 0.1 wrote keep their place.
    pub sheet: Option<usize>,
    /// Its line in a programme report's header (`pantau report --kind
    /// program`), counted from 0; the start and end years share one line.
    /// `None` for the id and name, which head the report.
    pub report: Option<usize>,
    /// An optional field: written to the data file, and shown in the detail
    /// view and a programme report, only when it has a value, so that files
    /// and pages from before the field existed stay byte for byte as they were.
    pub optional: bool,
}

const fn row(
    field: ProgramField,
    kind: Kind,
    detail: Detail,
    sheet: Option<usize>,
    report: Option<usize>,
) -> Row {
    Row {
        field,
        kind,
        form: true,
        detail,
        sheet,
        report,
        optional: false,
    }
}

/// A programme's fields in the order a person reads them: what it is first,
/// then who runs it, when, and how it stands. The form shows them in this
/// order, the detail view too (its lines, then its paragraphs).
pub const PROGRAMME: &[Row] = &[
    row(P::Name, Kind::Line, Detail::Title, Some(2), None),
    row(P::Id, Kind::Line, Detail::Title, Some(1), None),
    row(
        P::Description,
        Kind::Prose,
        Detail::Paragraph,
        Some(16),
        Some(8),
    ),
    // The sheet names the dimension in column 0 by its name, not its id.
    row(P::Dimension, Kind::Dimension, Detail::Line, None, Some(0)),
    row(P::Element, Kind::Element, Detail::Line, Some(3), Some(1)),
    row(P::Horizon, Kind::Horizon, Detail::Line, Some(4), Some(2)),
    row(P::Lead, Kind::Line, Detail::Line, Some(6), Some(5)),
    row(P::Support, Kind::List, Detail::Line, Some(7), Some(6)),
    row(P::Funding, Kind::Sources, Detail::Line, Some(8), Some(7)),
    row(P::Start, Kind::Year, Detail::Years, Some(9), Some(4)),
    row(P::End, Kind::Year, Detail::Years, Some(10), Some(4)),
    row(P::Status, Kind::Status, Detail::Line, Some(5), Some(3)),
    // After the status, so the fields before keep their places and the
    // notes stay last.
    Row {
        optional: true,
        ..row(P::Rpjmd, Kind::Line, Detail::Line, Some(18), Some(10))
    },
    Row {
        optional: true,
        ..row(P::Renstra, Kind::Line, Detail::Line, Some(19), Some(11))
    },
    row(P::Notes, Kind::Prose, Detail::Closing, Some(17), Some(9)),
];

use ProgramField as P;

/// A programme's field as its type holds it, for what writes it by type
/// (the data file, a spreadsheet cell) rather than as text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Text(&'a str),
    /// Text that may be absent (`None` is not the empty text to the data file).
    Maybe(Option<&'a str>),
    List(&'a [String]),
    Year(i32),
    Status(Status),
    Horizon(Horizon),
}

impl Value<'_> {
    /// Whether the value says nothing: empty text or list, or absent.
    pub fn is_empty(self) -> bool {
        match self {
            Value::Text(s) => s.is_empty(),
            Value::Maybe(s) => s.is_none(),
            Value::List(l) => l.is_empty(),
            Value::Year(_) | Value::Status(_) | Value::Horizon(_) => false,
        }
    }
}

/// The data file writes a programme's lists (milestones, targets, budget,
/// evidence) after this field and before the ones after it.
pub const LISTS_AFTER: ProgramField = ProgramField::Status;

impl ProgramField {
    /// The field's value in `p`, typed.
    pub fn value(self, p: &Program) -> Value<'_> {
        match self {
            ProgramField::Id => Value::Text(&p.id),
            ProgramField::Name => Value::Text(&p.name),
            ProgramField::Description => Value::Text(&p.description),
            ProgramField::Dimension => Value::Text(&p.dimension),
            ProgramField::Element => Value::Text(&p.element),
            ProgramField::Rpjmd => Value::Maybe(p.rpjmd.as_deref()),
            ProgramField::Renstra => Value::Maybe(p.renstra.as_deref()),
            ProgramField::Horizon => Value::Horizon(p.horizon),
            ProgramField::Lead => Value::Text(&p.lead),
            ProgramField::Support => Value::List(&p.support),
            ProgramField::Funding => Value::List(&p.funding),
            ProgramField::Start => Value::Year(p.start),
            ProgramField::End => Value::Year(p.end),
            ProgramField::Status => Value::Status(p.status),
            ProgramField::Notes => Value::Text(&p.notes),
        }
    }

    /// The field's row of [`PROGRAMME`].
    pub fn row(self) -> Option<&'static Row> {
        PROGRAMME.iter().find(|r| r.field == self)
    }

    pub fn kind(self) -> Kind {
        self.row().map_or(Kind::Line, |r| r.kind)
    }
}

impl MilestoneField {
    pub fn kind(self) -> Kind {
        match self {
            MilestoneField::Title => Kind::Line,
            MilestoneField::Due => Kind::Date,
            MilestoneField::Done => Kind::Bool,
            MilestoneField::Weight => Kind::Number,
        }
    }
}

impl TargetField {
    pub fn kind(self) -> Kind {
        match self {
            TargetField::Year | TargetField::BaseYear => Kind::Year,
            TargetField::Indicator | TargetField::Unit | TargetField::Source => Kind::Line,
            TargetField::Definition => Kind::Prose,
            TargetField::Baseline
            | TargetField::Target
            | TargetField::Actual
            | TargetField::Upper => Kind::Number,
            TargetField::Direction => Kind::Direction,
            TargetField::Measures => Kind::Measure,
        }
    }
}

impl BudgetField {
    pub fn kind(self) -> Kind {
        match self {
            BudgetField::Year => Kind::Year,
            BudgetField::Allocation | BudgetField::Spent => Kind::Number,
            BudgetField::Source => Kind::Line,
        }
    }
}

impl EvidenceField {
    pub fn kind(self) -> Kind {
        match self {
            EvidenceField::Name | EvidenceField::Link => Kind::Line,
            EvidenceField::Kind => Kind::EvidenceKind,
            EvidenceField::State => Kind::EvidenceState,
        }
    }
}

impl PeriodField {
    pub fn kind(self) -> Kind {
        match self {
            PeriodField::Year => Kind::Year,
            PeriodField::Quarter => Kind::Quarter,
            PeriodField::Month => Kind::Month,
            PeriodField::CashPlan | PeriodField::Spent => Kind::Number,
            PeriodField::Physical => Kind::Percent,
            PeriodField::Problems | PeriodField::FollowUp => Kind::Prose,
        }
    }
}

impl BudgetChangeField {
    pub fn kind(self) -> Kind {
        match self {
            BudgetChangeField::Year => Kind::Year,
            BudgetChangeField::Date => Kind::Date,
            BudgetChangeField::Allocation => Kind::Number,
            BudgetChangeField::Kind => Kind::BudgetChangeKind,
            BudgetChangeField::Note => Kind::Line,
        }
    }
}

impl SubActivityField {
    pub fn kind(self) -> Kind {
        match self {
            SubActivityField::Code => Kind::SubActivityCode,
            SubActivityField::Name | SubActivityField::Agency => Kind::Line,
            SubActivityField::Allocation => Kind::Number,
        }
    }
}

impl FollowUpField {
    pub fn kind(self) -> Kind {
        match self {
            FollowUpField::Id
            | FollowUpField::What
            | FollowUpField::Reference
            | FollowUpField::Pic
            | FollowUpField::Agency
            | FollowUpField::Reason
            | FollowUpField::Evidence => Kind::Line,
            FollowUpField::Source => Kind::Source,
            FollowUpField::SourceDate | FollowUpField::Created | FollowUpField::Deadline => {
                Kind::Date
            }
            FollowUpField::Status => Kind::FollowUpStatus,
            // A dated note a line.
            FollowUpField::Progress => Kind::Prose,
        }
    }
}

impl DimensionField {
    pub fn kind(self) -> Kind {
        match self {
            DimensionField::Name | DimensionField::Lead => Kind::Line,
            DimensionField::Elements => Kind::List,
        }
    }
}

impl HeaderField {
    pub fn kind(self) -> Kind {
        match self {
            HeaderField::Title
            | HeaderField::Region
            | HeaderField::Code
            | HeaderField::Province => Kind::Line,
            HeaderField::Vision => Kind::Prose,
            HeaderField::PeriodStart | HeaderField::PeriodEnd => Kind::Year,
            HeaderField::Bands => Kind::Bands,
        }
    }
}
