//! JSON reports for other tools: one object, fields in a fixed order,
//! documented in `docs/REPORTS.md`.
//!
//! Programs, dimensions and the plan's header are written exactly as the data
//! file names them (the model's own serde derive), so a tool can read them
//! back into the model. Besides JSON's own escapes, DEL, C1 control and bidi
//! characters are written as `\uXXXX` too, so the output is safe to show in a
//! terminal and still decodes to the same text.

use super::{Ctx, Kind, TargetRef};
use crate::plan::model::{Bands, Dimension, Horizon, Period, Program, Status};
use crate::plan::progress::{self, MilestoneRef, Tally};
use serde::Serialize;
use std::io;

/// Bumped when a field is removed or changes meaning; adding one does not.
/// 2: a target's `achievement` has two decimals and no cap; `counted` is gone.
pub const JSON_VERSION: u32 = 2;

#[derive(Serialize)]
struct Report<'a> {
    format: &'static str,
    version: u32,
    kind: &'static str,
    today: String,
    filter: FilterJson<'a>,
    plan: PlanHead<'a>,
    dimensions: Vec<&'a Dimension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tally: Option<TallyJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    programs: Option<Vec<&'a Program>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    overdue: Option<Vec<MilestoneJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    upcoming: Option<Vec<MilestoneJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    targets: Option<Vec<TargetJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evaluation: Option<serde_json::Value>,
    /// The quarterly report's figures or the alignment matrix.
    #[serde(skip_serializing_if = "Option::is_none")]
    fiscal: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    questions: Option<QuestionsJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    followups: Option<Vec<FollowUpJson<'a>>>,
}

/// The vice-regent's three questions (use, quality, impact) per dimension
/// and in total, for the year, as the summary answers them in words.
#[derive(Serialize)]
struct QuestionsJson<'a> {
    year: i32,
    dimensions: Vec<AnswersRow<'a>>,
    total: AnswersJson,
    /// Programmes without a use or a quality indicator, and which they lack.
    unanswered: Vec<UnansweredJson<'a>>,
}

#[derive(Serialize)]
struct AnswersRow<'a> {
    dimension: &'a str,
    #[serde(flatten)]
    answers: AnswersJson,
}

#[derive(Serialize)]
struct AnswersJson {
    /// Programmes counted (cancelled ones are not).
    programs: usize,
    #[serde(rename = "use")]
    use_: StandingJson,
    quality: StandingJson,
    impact: StandingJson,
}

#[derive(Serialize)]
struct StandingJson {
    /// Programmes with an indicator of the question.
    programs: usize,
    /// Its targets of the year, those measured and those reached.
    targets: usize,
    measured: usize,
    met: usize,
    /// The mean capaian of the measured targets, two decimals, as it is.
    mean_achievement: Option<f64>,
}

#[derive(Serialize)]
struct UnansweredJson<'a> {
    program: &'a str,
    lacks_use: bool,
    lacks_quality: bool,
}

impl From<&crate::plan::questions::Answers> for AnswersJson {
    fn from(a: &crate::plan::questions::Answers) -> AnswersJson {
        let standing = |s: &crate::plan::questions::Standing| StandingJson {
            programs: s.programs,
            targets: s.targets,
            measured: s.measured,
            met: s.met,
            mean_achievement: s.mean().map(super::evaluation::round2),
        };
        let [use_, quality, impact] = &a.standings;
        AnswersJson {
            programs: a.programs,
            use_: standing(use_),
            quality: standing(quality),
            impact: standing(impact),
        }
    }
}

/// The three questions over the selected programmes for `year`.
fn questions<'a>(ctx: &Ctx<'a>, year: i32) -> QuestionsJson<'a> {
    let asked = crate::plan::questions::answer(ctx.plan, year, |p| ctx.sel.keeps(p));
    QuestionsJson {
        year,
        dimensions: asked
            .dimensions
            .iter()
            .map(|(d, a)| AnswersRow {
                dimension: d.id.as_str(),
                answers: a.into(),
            })
            .collect(),
        total: (&asked.total).into(),
        unanswered: asked
            .unanswered
            .iter()
            .map(|u| UnansweredJson {
                program: u.program.id.as_str(),
                lacks_use: u.no_use,
                lacks_quality: u.no_quality,
            })
            .collect(),
    }
}

/// A follow-up as the file has it, with its programme (absent for the
/// plan's own) and the days it is late (absent when it is not).
#[derive(Serialize)]
struct FollowUpJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    program: Option<&'a str>,
    #[serde(flatten)]
    followup: &'a crate::plan::followup::FollowUp,
    #[serde(skip_serializing_if = "Option::is_none")]
    late_days: Option<i64>,
}

#[derive(Serialize)]
struct FilterJson<'a> {
    dimension: Option<&'a str>,
    program: Option<&'a str>,
    status: Option<Status>,
    horizon: Option<Horizon>,
    query: Option<&'a str>,
    days: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    agency: Option<&'a str>,
}

#[derive(Serialize)]
struct PlanHead<'a> {
    version: u32,
    region: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    code: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    province: &'a str,
    title: &'a str,
    vision: &'a str,
    period: Period,
    /// Which names the bands go by: `Lkjip` or `Rkpd` (the `band` keys stay
    /// LKjIP's either way).
    bands: Bands,
    /// As in the data file; only when the plan has one.
    #[serde(skip_serializing_if = "crate::plan::model::Evaluation::is_empty")]
    evaluation: &'a crate::plan::model::Evaluation,
    /// The plan's own follow-ups, as in the data file; only when it has some.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    followups: &'a [crate::plan::followup::FollowUp],
}

#[derive(Serialize)]
struct TallyJson<'a> {
    dimensions: Vec<TallyRow<'a>>,
    total: Counts,
}

#[derive(Serialize)]
struct TallyRow<'a> {
    dimension: &'a str,
    #[serde(flatten)]
    counts: Counts,
}

#[derive(Serialize)]
struct Counts {
    programs: usize,
    done: usize,
    in_progress: usize,
    delayed: usize,
    percent_done: u32,
    /// Programmes under way or delivered, and their share in percent.
    running: usize,
    percent_running: Option<f64>,
    quick_wins: usize,
    quick_wins_done: usize,
    /// The fiscal year of the money below.
    fiscal_year: i32,
    /// Allocation-weighted physical progress and absorption of the year,
    /// two decimals; `null` without a budget.
    physical_percent: Option<f64>,
    absorption_percent: Option<f64>,
    /// Rupiah allocated and spent in the year, where spending is reported.
    allocated: u128,
    spent: u128,
}

impl From<&Tally> for Counts {
    fn from(t: &Tally) -> Counts {
        Counts {
            programs: t.programs,
            done: t.done,
            in_progress: t.in_progress,
            delayed: t.delayed,
            percent_done: t.percent_done(),
            running: t.running,
            percent_running: t.percent_running().map(|p| (p * 100.0).round() / 100.0),
            quick_wins: t.quick_wins,
            quick_wins_done: t.quick_wins_done,
            fiscal_year: t.year,
            physical_percent: t.physical().map(super::evaluation::round2),
            absorption_percent: t.absorption().map(super::evaluation::round2),
            allocated: t.allocated,
            spent: t.spent,
        }
    }
}

#[derive(Serialize)]
struct MilestoneJson<'a> {
    dimension: &'a str,
    program: &'a str,
    program_name: &'a str,
    program_status: Status,
    lead: &'a str,
    /// 1-based, as in `pantau set ID milestone.N.done=true`.
    milestone: usize,
    title: &'a str,
    due: &'a str,
    /// Days late (overdue) or days left (upcoming).
    days: i64,
}

#[derive(Serialize)]
struct TargetJson<'a> {
    dimension: &'a str,
    program: &'a str,
    program_name: &'a str,
    /// 1-based, as in `pantau set ID target.N.actual=…`.
    target_index: usize,
    year: i32,
    indicator: &'a str,
    unit: &'a str,
    baseline: Option<f64>,
    target: f64,
    actual: Option<f64>,
    /// `Higher`, `Lower` or `Range`.
    direction: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    upper: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_year: Option<i32>,
    #[serde(skip_serializing_if = "str::is_empty")]
    source: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    definition: &'a str,
    /// `Output`, `Use`, `Quality` or `Impact`.
    measures: &'static str,
    /// By the direction's formula, in percent with two decimals, as it is
    /// (no cap).
    achievement: Option<f64>,
    /// The band's key, or `no_data`, `pending`, `undefined`.
    band: &'static str,
    /// Whether the target was reached (100 % or more), when measured.
    met: Option<bool>,
}

pub(crate) fn render(ctx: &Ctx) -> String {
    let f = &ctx.request.filter;
    let plan = ctx.plan;
    let query = f.query.trim();
    let mut report = Report {
        format: "pantau-report",
        version: JSON_VERSION,
        kind: Kind::name(ctx.request.kind),
        today: ctx.today.to_string(),
        filter: FilterJson {
            dimension: ctx.sel.dimension.map(|d| d.id.as_str()),
            program: f.program.as_deref(),
            status: f.status,
            horizon: f.horizon,
            query: (!query.is_empty()).then_some(query),
            days: ctx.request.days,
            agency: f.agency.as_deref(),
        },
        plan: PlanHead {
            version: plan.version,
            region: &plan.region,
            code: &plan.code,
            province: &plan.province,
            title: &plan.title,
            vision: &plan.vision,
            period: plan.period,
            bands: plan.bands,
            evaluation: &plan.evaluation,
            followups: &plan.followups,
        },
        dimensions: ctx.sel.shown().map(|g| g.dimension).collect(),
        tally: None,
        programs: None,
        overdue: None,
        upcoming: None,
        targets: None,
        evaluation: None,
        fiscal: None,
        questions: None,
        followups: None,
    };
    let keep = |m: &MilestoneRef| ctx.sel.keeps(m.program);
    match ctx.request.kind {
        Kind::Overview => {
            report.tally = Some(tally(ctx));
            report.programs = Some(plan_order(ctx));
            report.overdue = Some(milestones(
                ctx,
                progress::overdue(plan, None, ctx.today)
                    .into_iter()
                    .filter(keep),
                true,
            ));
            report.upcoming = Some(milestones(
                ctx,
                progress::due_soon(plan, None, ctx.today, ctx.request.days)
                    .into_iter()
                    .filter(keep),
                false,
            ));
            let year = i32::from(ctx.today.year());
            report.questions = Some(questions(ctx, year));
            report.targets = Some(
                plan_order(ctx)
                    .into_iter()
                    .flat_map(|p| TargetRef::all_of(p).filter(move |t| t.target.year == year))
                    .map(|t| target(ctx, t))
                    .collect(),
            );
        }
        Kind::Dimension => {
            report.tally = Some(tally(ctx));
            report.programs = Some(ctx.sel.programs().collect());
        }
        Kind::Program | Kind::Timeline => {
            report.programs = Some(ctx.sel.programs().collect());
            if ctx.request.kind == Kind::Program {
                report.targets = Some(
                    ctx.sel
                        .programs()
                        .flat_map(TargetRef::all_of)
                        .map(|t| target(ctx, t))
                        .collect(),
                );
            }
        }
        Kind::Overdue => {
            let list = ctx.overdue();
            report.overdue = Some(milestones(
                ctx,
                list.groups.into_iter().flat_map(|(_, items)| items),
                true,
            ));
        }
        Kind::Upcoming => {
            let list = ctx.upcoming();
            report.upcoming = Some(milestones(
                ctx,
                list.groups.into_iter().flat_map(|(_, items)| items),
                false,
            ));
        }
        Kind::Evaluation => {}
        Kind::Quarter => report.fiscal = Some(super::quarter::json(ctx)),
        Kind::Alignment => report.fiscal = Some(super::alignment::json(ctx)),
        Kind::FollowUps => {
            report.followups = Some(
                super::followups::selected(ctx)
                    .into_iter()
                    .map(|f| FollowUpJson {
                        program: f.program.map(|p| p.id.as_str()),
                        followup: f.followup,
                        late_days: f.late,
                    })
                    .collect(),
            );
        }
        Kind::Targets => {
            let list = ctx.targets();
            report.targets = Some(
                list.groups
                    .into_iter()
                    .flat_map(|(_, items)| items)
                    .map(|t| target(ctx, t))
                    .collect(),
            );
        }
    }
    if ctx.request.kind == Kind::Evaluation {
        report.evaluation = Some(super::evaluation::with(ctx, super::evaluation::json));
    }
    let mut bytes = Vec::with_capacity(64 * 1024);
    let mut ser = serde_json::Serializer::with_formatter(&mut bytes, Safe::default());
    report
        .serialize(&mut ser)
        .expect("a report serialises: every number is finite or null");
    bytes.push(b'\n');
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// The selected programs in the plan's order (as the summary lists them).
fn plan_order<'a>(ctx: &Ctx<'a>) -> Vec<&'a Program> {
    ctx.plan
        .programs
        .iter()
        .filter(|p| ctx.sel.keeps(p))
        .collect()
}

fn tally<'a>(ctx: &Ctx<'a>) -> TallyJson<'a> {
    let mut total = Tally::new(ctx.year());
    let dimensions = ctx
        .sel
        .groups
        .iter()
        .map(|g| {
            let mut t = Tally::new(ctx.year());
            for p in &g.programs {
                t.add(p);
            }
            total.merge(&t);
            TallyRow {
                dimension: &g.dimension.id,
                counts: Counts::from(&t),
            }
        })
        .collect();
    TallyJson {
        dimensions,
        total: Counts::from(&total),
    }
}

fn milestones<'a>(
    ctx: &Ctx<'a>,
    items: impl Iterator<Item = MilestoneRef<'a>>,
    late: bool,
) -> Vec<MilestoneJson<'a>> {
    items
        .map(|m| MilestoneJson {
            dimension: &m.program.dimension,
            program: &m.program.id,
            program_name: &m.program.name,
            program_status: m.program.status,
            lead: &m.program.lead,
            milestone: m.index + 1,
            title: &m.milestone.title,
            due: &m.milestone.due,
            days: if late {
                Ctx::days(m.due, ctx.today)
            } else {
                Ctx::days(ctx.today, m.due)
            },
        })
        .collect()
}

fn target<'a>(ctx: &Ctx<'a>, t: TargetRef<'a>) -> TargetJson<'a> {
    let capaian = ctx.capaian(t.target);
    TargetJson {
        dimension: &t.program.dimension,
        program: &t.program.id,
        program_name: &t.program.name,
        target_index: t.index + 1,
        year: t.target.year,
        indicator: &t.target.indicator,
        unit: &t.target.unit,
        baseline: t.target.baseline,
        target: t.target.target,
        actual: t.target.actual,
        direction: t.target.direction.key(),
        upper: t.target.upper,
        base_year: t.target.base_year,
        source: &t.target.source,
        definition: &t.target.definition,
        measures: t.target.measures.key(),
        achievement: capaian.figure(),
        band: capaian.key(),
        met: capaian.met(),
    }
}

/// serde_json's pretty layout (two spaces), with DEL, C1 controls and bidi
/// controls escaped as well: they are valid raw in JSON, but not on a screen.
#[derive(Default)]
struct Safe {
    pretty: serde_json::ser::PrettyFormatter<'static>,
}

fn unsafe_char(c: char) -> bool {
    c.is_control() || crate::text::is_bidi_control(c)
}

impl serde_json::ser::Formatter for Safe {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !fragment.chars().any(unsafe_char) {
            return writer.write_all(fragment.as_bytes());
        }
        for c in fragment.chars() {
            if unsafe_char(c) {
                write!(writer, "\\u{:04x}", c as u32)?;
            } else {
                let mut buf = [0u8; 4];
                writer.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            }
        }
        Ok(())
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(w)
    }
}
