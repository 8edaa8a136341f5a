//! Reports for paper and for other tools: `pantau report` and the UI's `p`.
//!
//! One entry point, [`render`], turns a plan and a [`Request`] (what to report,
//! in which format, for which programs) into the text to print or save. Eight
//! kinds (overview, dimension, program, timeline, overdue, upcoming, targets,
//! evaluation) in six formats (text, Markdown, CSV, JSON, XLSX, and HTML laid
//! out for print as an official document); `docs/REPORTS.md` describes them,
//! the CSV columns and the JSON shape.
//!
//! Each kind is built once as a document (`document.rs`: headings, notes, tables, field
//! lists) in `build.rs`; text, Markdown and HTML are one renderer of
//! documents each (`text.rs`, `markdown.rs`, `html.rs`). CSV and XLSX write
//! the spreadsheet tables of `sheet.rs` (the tables `pantau import` reads
//! back), which are document tables too; JSON is a typed, versioned
//! serialisation of the plan for other tools (`json.rs`). A new kind is one
//! builder; a new format for people is one renderer.
//!
//! Text is made for paper and terminals: never wider than the width, no escape
//! codes, data strings escaped (see [`crate::text`]). The overview in text is
//! exactly [`summary`], so `pantau summary` stays the short form of `pantau
//! report --kind overview`.

mod alignment;
mod build;
mod csv;
mod document;
mod evaluation;
pub use evaluation::{LineKind, Screen};
mod followups;
mod html;
mod json;
pub mod layout;
mod markdown;
pub mod overview;
mod quarter;
mod questions;
pub mod rollup;
pub mod sheet;
mod text;
mod timeline;
pub mod whatsapp;

pub use crate::plan::achievement::{Band, Capaian};
pub use html::{Letter, Logo, Paper, Signer};

/// A CSV's separator when none is asked for: `;` where figures are
/// written the Indonesian way (a spreadsheet in that locale splits on it
/// and reads a decimal comma, which a `;` CSV then carries), else `,`.
pub fn csv_separator(numbers: crate::i18n::Lang) -> char {
    match numbers {
        crate::i18n::Lang::Id => ';',
        crate::i18n::Lang::En => ',',
    }
}

/// What a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Overview,
    Dimension,
    Program,
    Timeline,
    Overdue,
    Upcoming,
    Targets,
    /// The yearly evaluation: aspects, the estimated index, evidence, budget.
    Evaluation,
    /// The quarterly (or monthly) monitoring table: pagu, RAK, realisation,
    /// deviation and physical progress per agency and programme.
    Quarter,
    /// The alignment matrix: masterplan, RPJMD, Renstra, sub-activities.
    Alignment,
    /// Follow-ups (tindak lanjut): what, source, PIC, agency, deadline,
    /// status, days late.
    FollowUps,
}

impl Kind {
    /// The name on the command line, in JSON and in report file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Overview => "overview",
            Kind::Dimension => "dimension",
            Kind::Program => "program",
            Kind::Timeline => "timeline",
            Kind::Overdue => "overdue",
            Kind::Upcoming => "upcoming",
            Kind::Targets => "targets",
            Kind::Evaluation => "evaluation",
            Kind::Quarter => "quarter",
            Kind::Alignment => "alignment",
            Kind::FollowUps => "followups",
        }
    }
}

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Csv,
    Json,
    /// One self-contained HTML document laid out for print (A4 or F4): the
    /// letterhead, tables with repeated headers, page numbers, a signature.
    Html,
    /// An XLSX workbook, a worksheet per table: bytes, not text, so only
    /// [`render_bytes`] writes it.
    Xlsx,
    /// A message for a WhatsApp group: bold headings, a line per row, no
    /// tables, within what a phone shows before "Read more".
    WhatsApp,
}

impl Format {
    /// The file name extension of a report in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::WhatsApp => "txt",
        }
    }
}
use crate::i18n::{Lang, fill};
use crate::plan::model::{Dimension, Horizon, Plan, Program, Status, Target};
use crate::plan::progress::{self, MilestoneRef};
use crate::text::Glyphs;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The narrowest text report: the same as the summary's.
pub const MIN_WIDTH: usize = crate::report::overview::MIN_WIDTH;

/// Which programs a report covers. Every filter that is set must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A dimension's id (or, case-insensitively, its id or name).
    pub dimension: Option<String>,
    /// One program's id. Required by [`Kind::Program`], which ignores the
    /// other filters; for the other kinds it narrows to that program.
    pub program: Option<String>,
    pub status: Option<Status>,
    pub horizon: Option<Horizon>,
    /// Free text matched against id, name and lead agency, ignoring case, as
    /// the interface's `/` filter does; empty matches everything.
    pub query: String,
    /// Follow-ups: only those of this agency (case and spaces at the ends
    /// ignored); the other kinds ignore it.
    pub agency: Option<String>,
}

/// What to report and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    pub format: Format,
    pub filter: Filter,
    /// Text (and the Markdown timeline): never wider than this many columns;
    /// at least [`MIN_WIDTH`].
    pub width: usize,
    /// Text and Markdown: only ASCII characters of pantau's own.
    pub ascii: bool,
    /// Text: a form feed and the header again every this many lines.
    pub pages: Option<usize>,
    /// Upcoming (and the overview's "due soon"): days ahead of today.
    pub days: i32,
    /// CSV: the separator; with `;` numbers get a decimal comma.
    pub sep: char,
    /// HTML: the paper, the letterhead and the signature. Boxed: the other
    /// formats have none, and a request travels by value in the interface's
    /// actions.
    pub letter: Box<Letter>,
    /// The year evaluated and the fiscal year of money figures; this year when `None`.
    pub year: Option<i32>,
    /// The quarterly report's quarter or month of `year`; the last ended
    /// quarter when `None`.
    pub fiscal: Option<crate::plan::fiscal::Span>,
}

impl Default for Request {
    fn default() -> Request {
        Request {
            kind: Kind::Overview,
            format: Format::Text,
            filter: Filter::default(),
            width: 80,
            ascii: false,
            pages: None,
            days: 30,
            sep: ',',
            letter: Box::default(),
            year: None,
            fiscal: None,
        }
    }
}

impl Request {
    /// What can be checked without the plan.
    pub fn check(&self) -> Result<(), ReportError> {
        if self.width < MIN_WIDTH {
            return Err(ReportError::Width { min: MIN_WIDTH });
        }
        let sep = self.sep;
        // One ASCII byte that cannot start or be part of a value's usual text.
        let control = sep.is_ascii_control() && sep != '\t';
        if !sep.is_ascii() || control || matches!(sep, '"' | '\'' | ' ') || sep.is_alphanumeric() {
            return Err(ReportError::Separator(sep));
        }
        Ok(())
    }
}

/// Why a report cannot be made: always the user's input (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    Width {
        min: usize,
    },
    Pages {
        min: usize,
        header: usize,
    },
    Separator(char),
    UnknownDimension {
        given: String,
        valid: Vec<String>,
    },
    /// With the plan's nearest id, when one is near.
    UnknownProgram {
        id: String,
        near: Option<String>,
    },
    NeedsProgram {
        example: Option<String>,
    },
    Status(String),
    Horizon(String),
    /// `--year` outside the plan's period.
    Year {
        year: i32,
        start: i32,
        end: i32,
    },
    /// The logo file could not be read; `reason` says why.
    LogoRead {
        path: String,
        reason: String,
    },
    /// The logo file is not a PNG, JPEG or SVG image.
    LogoType {
        path: String,
    },
    /// The logo is a folder, a FIFO or a device.
    LogoNotFile {
        path: String,
    },
    /// The logo is larger than [`Logo::MAX_BYTES`]; `bytes` is its size.
    LogoSize {
        path: String,
        bytes: u64,
    },
    /// XLSX asked of [`render`], which gives text.
    Binary,
    /// The workbook could not be put together (rust_xlsxwriter's reason).
    Xlsx(String),
}

impl ReportError {
    /// The message for a person, in their language; data is escaped.
    pub fn message(&self, lang: Lang) -> String {
        let r = lang.report();
        let t = lang.text();
        let esc = |s: &str| crate::text::escape(s).into_owned();
        match self {
            Self::Width { min } => fill(r.e_width, &[min]),
            Self::Pages { min, header } => fill(r.e_pages, &[min, header]),
            Self::Separator(c) => fill(r.e_sep, &[&c.escape_debug()]),
            Self::UnknownDimension { given, valid } => fill(
                r.e_unknown_dimension,
                &[&esc(given), &esc(&valid.join(", "))],
            ),
            Self::UnknownProgram { id, near: None } => fill(r.e_unknown_program, &[&esc(id)]),
            Self::UnknownProgram {
                id,
                near: Some(near),
            } => fill(r.e_unknown_program_near, &[&esc(id), &esc(near)]),
            Self::NeedsProgram { example } => fill(
                r.e_needs_program,
                &[&esc(example.as_deref().unwrap_or("GOV-01"))],
            ),
            Self::Status(given) => {
                let keys: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
                let names: Vec<&str> = Status::ALL.iter().map(|s| t.status(*s)).collect();
                fill(
                    r.e_status,
                    &[&esc(given), &keys.join(", "), &names.join(", ")],
                )
            }
            Self::Horizon(given) => {
                let keys: Vec<&str> = Horizon::ALL.iter().map(|h| h.key()).collect();
                let names: Vec<&str> = Horizon::ALL.iter().map(|h| t.horizon(*h)).collect();
                fill(
                    r.e_horizon,
                    &[&esc(given), &keys.join(", "), &names.join(", ")],
                )
            }
            Self::LogoRead { path, reason } => fill(r.e_logo_read, &[&esc(path), &esc(reason)]),
            Self::LogoType { path } => fill(r.e_logo_type, &[&esc(path)]),
            Self::Year { year, start, end } => fill(lang.evaluation().e_year, &[year, start, end]),
            Self::LogoNotFile { path } => fill(r.e_logo_not_file, &[&esc(path)]),
            Self::LogoSize { path, bytes } => {
                let mb = |n: u64| format!("{:.1}", n as f64 / 1_000_000.0);
                fill(
                    r.e_logo_size,
                    &[&esc(path), &mb(*bytes), &mb(Logo::MAX_BYTES)],
                )
            }
            Self::Binary => t.sheets.binary_to_terminal.to_string(),
            Self::Xlsx(reason) => fill(r.e_xlsx, &[&esc(reason)]),
        }
    }
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ReportError {}

/// A status by any of its names (see [`Status::parse`]).
pub fn parse_status(name: &str) -> Result<Status, ReportError> {
    Status::parse(name).ok_or_else(|| ReportError::Status(name.to_string()))
}

/// A horizon by any of its names (see [`Horizon::parse`]).
pub fn parse_horizon(name: &str) -> Result<Horizon, ReportError> {
    Horizon::parse(name).ok_or_else(|| ReportError::Horizon(name.to_string()))
}

/// The report of `plan` that `request` asks for, as of `today`.
/// `pantau summary`: the plain-text status summary for the regent.
pub fn summary(plan: &Plan, options: &overview::Options) -> String {
    text::summary(plan, options)
}

pub fn render(
    plan: &Plan,
    request: &Request,
    lang: Lang,
    today: Date,
) -> Result<String, ReportError> {
    with_ctx(plan, request, lang, today, |ctx| {
        Ok(match request.format {
            Format::Text => text::render(ctx)?,
            Format::Markdown => markdown::render(ctx),
            Format::Csv => csv::render(ctx),
            Format::Json => json::render(ctx),
            Format::Html => html::render(ctx),
            Format::WhatsApp => whatsapp::render(ctx),
            Format::Xlsx => return Err(ReportError::Binary),
        })
    })
}

/// The report as bytes to write: the text formats' UTF-8, or an XLSX
/// workbook with a worksheet per table (for the overview and the kinds
/// that list programmes: every part of the plan, the tables `pantau
/// import` reads back).
pub fn render_bytes(
    plan: &Plan,
    request: &Request,
    lang: Lang,
    today: Date,
) -> Result<Vec<u8>, ReportError> {
    if request.format != Format::Xlsx {
        return render(plan, request, lang, today).map(String::into_bytes);
    }
    with_ctx(plan, request, lang, today, |ctx| {
        let tables = match request.kind {
            Kind::Overview | Kind::Dimension | Kind::Program | Kind::Timeline => {
                let mut tables = vec![
                    sheet::plan(ctx),
                    sheet::programmes(ctx, false),
                    sheet::milestones(ctx),
                    sheet::targets(ctx, false),
                    sheet::budget(ctx),
                    sheet::evidence(ctx),
                    sheet::dimensions(ctx),
                ];
                tables.extend(sheet::evaluation(ctx));
                tables.extend(sheet::fiscal(ctx));
                tables
            }
            Kind::Targets => vec![sheet::targets(ctx, true)],
            Kind::Overdue | Kind::Upcoming => vec![csv::milestone_table(ctx)],
            Kind::Evaluation => vec![evaluation::with(ctx, |_, est| evaluation::table(ctx, est))],
            Kind::Quarter => vec![quarter::table(ctx)],
            Kind::Alignment => vec![alignment::table(ctx)],
            Kind::FollowUps => vec![followups::table(ctx, &followups::selected(ctx))],
        };
        sheet::xlsx(&tables).map_err(|e| ReportError::Xlsx(e.to_string()))
    })
}

/// `f` with the context of `request`: the request checked, the programmes
/// it covers selected.
fn with_ctx<R>(
    plan: &Plan,
    request: &Request,
    lang: Lang,
    today: Date,
    f: impl FnOnce(&Ctx) -> Result<R, ReportError>,
) -> Result<R, ReportError> {
    request.check()?;
    let selection = Selection::new(plan, request)?;
    f(&Ctx {
        plan,
        request,
        lang,
        today,
        sel: &selection,
        g: Glyphs::of(request.ascii),
    })
}

/// The evaluation of `year` laid out `width` columns wide for the
/// interface's evaluation view (the same figures as `--kind evaluation`).
pub fn evaluation_screen(
    plan: &Plan,
    year: i32,
    lang: Lang,
    ascii: bool,
    width: usize,
    today: Date,
) -> Screen {
    let request = Request {
        kind: Kind::Evaluation,
        width,
        ascii,
        year: Some(year),
        ..Request::default()
    };
    let Ok(selection) = Selection::new(plan, &request) else {
        return Screen::default();
    };
    let ctx = Ctx {
        plan,
        request: &request,
        lang,
        today,
        sel: &selection,
        g: Glyphs::of(ascii),
    };
    evaluation::screen(&ctx)
}

/// Everything a format's renderer needs.
pub(crate) struct Ctx<'a> {
    pub plan: &'a Plan,
    pub request: &'a Request,
    pub lang: Lang,
    pub today: Date,
    pub sel: &'a Selection<'a>,
    pub g: &'static Glyphs,
}

impl Ctx<'_> {
    pub fn r(&self) -> &'static crate::i18n::report::ReportText {
        self.lang.report()
    }

    /// The evaluation's year: asked for, else this year.
    pub fn year(&self) -> i32 {
        self.request.year.unwrap_or(i32::from(self.today.year()))
    }

    /// A target's achievement as of the report's day.
    pub fn capaian(&self, t: &Target) -> Capaian {
        Capaian::of(t, i32::from(self.today.year()))
    }

    pub fn t(&self) -> &'static crate::i18n::Text {
        self.lang.text()
    }

    pub fn number(&self, value: f64) -> String {
        crate::i18n::format::number(value, self.lang)
    }

    /// "Overdue milestones (9)", "Program GOV-01", …; `count` is the number
    /// of items for the kinds that list milestones or targets.
    pub fn title(&self, count: usize) -> String {
        let r = self.r();
        let p = self.plan.period;
        match self.request.kind {
            Kind::Overview => self.plan.title.clone(),
            Kind::Dimension => r.title_dimension.to_string(),
            Kind::Program => fill(
                r.title_program,
                &[&self.request.filter.program.as_deref().unwrap_or("")],
            ),
            Kind::Timeline => fill(
                r.title_timeline,
                &[&format!("{}{}{}", p.start, self.g.dash, p.end)],
            ),
            Kind::Overdue => fill(r.title_overdue, &[&count]),
            Kind::Upcoming => fill(r.title_upcoming, &[&self.request.days, &count]),
            Kind::Targets => fill(r.title_targets, &[&count]),
            Kind::Evaluation => fill(self.lang.evaluation().title, &[&self.year()]),
            Kind::Quarter => quarter::title(self),
            Kind::Alignment => self.lang.fiscal().a_title.to_string(),
            Kind::FollowUps => followups::title(self, count),
        }
    }

    /// "Kabupaten Luwu Utara · Periode 2022–2031 · per 2 November 2023", or
    /// "per 02-11-2023" where the page has no room for the month's name
    /// (a date is never cut).
    pub fn subtitle(&self) -> String {
        let (r, g, p) = (self.r(), &self.g, self.plan.period);
        let with = |today: String| {
            format!(
                "{}{}{} {}{}{}{}{} {today}",
                self.plan.region, g.dot, r.period, p.start, g.dash, p.end, g.dot, r.as_of
            )
        };
        let long = with(crate::i18n::format::long_date(self.today, self.lang));
        if crate::text::width(&long) <= self.request.width {
            long
        } else {
            with(crate::i18n::format::date(self.today, self.lang))
        }
    }

    /// "Filter: Smart Governance, In progress, "super"", when a filter is set.
    pub fn filter_line(&self) -> Option<String> {
        let f = &self.request.filter;
        if self.request.kind == Kind::Program {
            return None;
        }
        let mut parts: Vec<String> = Vec::new();
        if let Some(d) = self.sel.dimension {
            parts.push(d.name.clone());
        }
        if let Some(p) = &f.program {
            parts.push(p.clone());
        }
        if let Some(s) = f.status {
            parts.push(self.t().status(s).to_string());
        }
        if let Some(h) = f.horizon {
            parts.push(self.t().horizon(h).to_string());
        }
        if !f.query.trim().is_empty() {
            parts.push(format!("\"{}\"", f.query.trim()));
        }
        (!parts.is_empty()).then(|| format!("{}: {}", self.r().filter, parts.join(", ")))
    }

    /// Open milestones past due, per dimension (only dimensions with some).
    pub fn overdue(&self) -> Grouped<'_, MilestoneRef<'_>> {
        self.sel
            .group_items(progress::overdue(self.plan, None, self.today), |m| {
                m.program
            })
    }

    /// Open milestones due from today to `days` ahead, per dimension.
    pub fn upcoming(&self) -> Grouped<'_, MilestoneRef<'_>> {
        self.sel.group_items(
            progress::due_soon(self.plan, None, self.today, self.request.days),
            |m| m.program,
        )
    }

    /// Every target of the selected programs, by year, per dimension.
    pub fn targets(&self) -> Grouped<'_, TargetRef<'_>> {
        let mut all: Vec<TargetRef> = self
            .sel
            .groups
            .iter()
            .flat_map(|g| &g.programs)
            .flat_map(|p| TargetRef::all_of(p))
            .collect();
        all.sort_by_key(|t| t.target.year);
        self.sel.group_items(all, |t| t.program)
    }

    /// Days from `a` to `b` (negative when `b` is earlier).
    pub fn days(a: Date, b: Date) -> i64 {
        a.until(b).map_or(0, |s| i64::from(s.get_days()))
    }
}

/// A target together with its programme and position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TargetRef<'a> {
    pub program: &'a Program,
    pub index: usize,
    pub target: &'a Target,
}

impl<'a> TargetRef<'a> {
    /// Every target of `p`, in its order.
    pub fn all_of(p: &'a Program) -> impl Iterator<Item = TargetRef<'a>> {
        p.targets
            .iter()
            .enumerate()
            .map(move |(index, target)| TargetRef {
                program: p,
                index,
                target,
            })
    }
}

/// Items per dimension, in the plan's dimension order; dimensions without
/// items left out.
pub(crate) struct Grouped<'a, T> {
    pub groups: Vec<(&'a Dimension, Vec<T>)>,
}

impl<T> Grouped<'_, T> {
    pub fn count(&self) -> usize {
        self.groups.iter().map(|(_, items)| items.len()).sum()
    }
}

/// The dimensions and programs a request covers.
pub(crate) struct Selection<'a> {
    /// Selected dimensions in plan order, each with its matching programs in plan order.
    pub groups: Vec<Group<'a>>,
    /// The dimension chosen by the filter, if any.
    pub dimension: Option<&'a Dimension>,
    /// A filter on programs (not just the dimension) is active.
    pub narrowed: bool,
    group_of: HashMap<&'a str, usize, Fnv>,
    /// The selected programs, by address.
    selected: HashSet<*const Program, Fnv>,
}

pub(crate) struct Group<'a> {
    pub dimension: &'a Dimension,
    pub programs: Vec<&'a Program>,
}

impl<'a> Selection<'a> {
    fn new(plan: &'a Plan, request: &Request) -> Result<Selection<'a>, ReportError> {
        let f = &request.filter;
        if let Some(year) = request.year
            && !plan.period.contains(year)
        {
            return Err(ReportError::Year {
                year,
                start: plan.period.start,
                end: plan.period.end,
            });
        }
        let program = match (&f.program, request.kind) {
            (Some(id), _) => Some(plan.program(id).ok_or_else(|| {
                ReportError::UnknownProgram {
                    id: id.clone(),
                    near: crate::text::nearest(id, plan.programs.iter().map(|p| p.id.as_str()))
                        .map(str::to_string),
                }
            })?),
            (None, Kind::Program) => {
                return Err(ReportError::NeedsProgram {
                    example: plan.programs.first().map(|p| p.id.clone()),
                });
            }
            (None, _) => None,
        };
        let dimension = match &f.dimension {
            Some(given) if request.kind != Kind::Program => Some(find_dimension(plan, given)?),
            _ => None,
        };
        let only_program = request.kind == Kind::Program;
        let needle = f.query.trim().to_lowercase();
        let matches = |p: &Program| -> bool {
            if only_program {
                return program.is_some_and(|only| std::ptr::eq(only, p));
            }
            program.is_none_or(|only| std::ptr::eq(only, p))
                && f.status.is_none_or(|s| p.status == s)
                && f.horizon.is_none_or(|h| p.horizon == h)
                && (needle.is_empty()
                    || [&p.id, &p.name, &p.lead]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&needle)))
        };
        let mut groups: Vec<Group> = plan
            .dimensions
            .iter()
            .filter(|d| match (only_program, program, dimension) {
                (true, Some(p), _) => d.id == p.dimension,
                (_, _, Some(only)) => std::ptr::eq(only, *d),
                _ => true,
            })
            .map(|d| Group {
                dimension: d,
                programs: Vec::new(),
            })
            .collect();
        let mut group_of: HashMap<&str, usize, Fnv> =
            HashMap::with_capacity_and_hasher(groups.len(), Fnv::default());
        for (i, g) in groups.iter().enumerate() {
            group_of.entry(g.dimension.id.as_str()).or_insert(i);
        }
        for p in &plan.programs {
            if let Some(&i) = group_of.get(p.dimension.as_str())
                && matches(p)
            {
                groups[i].programs.push(p);
            }
        }
        let narrowed = only_program
            || program.is_some()
            || f.status.is_some()
            || f.horizon.is_some()
            || !needle.is_empty();
        let selected = groups
            .iter()
            .flat_map(|g| g.programs.iter().map(|p| *p as *const Program))
            .collect();
        Ok(Selection {
            groups,
            selected,
            dimension,
            narrowed,
            group_of,
        })
    }

    /// Whether `p` is one of the selected programs.
    pub fn keeps(&self, p: &Program) -> bool {
        self.selected.contains(&(p as *const Program))
    }

    /// The groups to show: all selected dimensions, or only those with
    /// programs once a filter narrows the programs.
    pub fn shown(&self) -> impl Iterator<Item = &Group<'a>> {
        self.groups
            .iter()
            .filter(|g| !self.narrowed || !g.programs.is_empty())
    }

    pub fn programs(&self) -> impl Iterator<Item = &'a Program> + '_ {
        self.groups.iter().flat_map(|g| g.programs.iter().copied())
    }

    /// `items` (in their order) split by the dimension of their program, for
    /// selected programs only.
    fn group_items<T>(&self, items: Vec<T>, program: impl Fn(&T) -> &Program) -> Grouped<'a, T> {
        let mut groups: Vec<(&'a Dimension, Vec<T>)> = self
            .groups
            .iter()
            .map(|g| (g.dimension, Vec::new()))
            .collect();
        for item in items {
            let p = program(&item);
            if !self.keeps(p) {
                continue;
            }
            if let Some(&i) = self.group_of.get(p.dimension.as_str()) {
                groups[i].1.push(item);
            }
        }
        groups.retain(|(_, items)| !items.is_empty());
        Grouped { groups }
    }
}

/// FNV-1a: the sets here hold short ids and addresses, which SipHash (the
/// default, made to resist crafted keys) hashes several times slower.
type Fnv = BuildHasherDefault<FnvHasher>;

pub(crate) struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_usize(&mut self, n: usize) {
        // Addresses: their low bits are alignment; mix the rest in one step.
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The dimension `given` names: its id exactly, else its id or name ignoring case.
fn find_dimension<'a>(plan: &'a Plan, given: &str) -> Result<&'a Dimension, ReportError> {
    let folded = given.trim().to_lowercase();
    plan.dimension(given)
        .or_else(|| {
            plan.dimensions
                .iter()
                .find(|d| d.id.to_lowercase() == folded || d.name.to_lowercase() == folded)
        })
        .ok_or_else(|| ReportError::UnknownDimension {
            given: given.to_string(),
            valid: plan.dimensions.iter().map(|d| d.id.clone()).collect(),
        })
}

/// "2022–2025", or "2022" for a program of one year.
pub(crate) fn years(p: &Program, g: &Glyphs) -> String {
    if p.start == p.end {
        p.start.to_string()
    } else {
        format!("{}{}{}", p.start, g.dash, p.end)
    }
}
