//! A merge's open questions kept in the plan file itself, for git's merge
//! driver: the file holds this branch's value of every field both branches
//! changed, and its top comment lists each such field with the other
//! branch's value, one `// pantau-conflict {…}` line each. The file stays a
//! valid plan for every tool; pantau reads the lines back to ask, as a save
//! does, and drops them once answered.
//!
//! Anyone who can write the file can write such a line, so a line is only
//! a claim: each records the git objects the driver merged ([`Blobs`]),
//! which the store checks against the repository before a question is
//! trusted, and "mine" is always read from the plan as it is ([`held`]).

use crate::plan::edit::Header;
use crate::plan::field::{
    BudgetChangeField, BudgetField, Context, DimensionField, EvidenceField, FieldError,
    FollowUpField, HeaderField, MilestoneField, PeriodField, ProgramField, SubActivityField,
    TargetField, Vocabulary,
};
use crate::plan::merge::{Choice, Conflict, Field, Subject, merge_comment};
use crate::plan::model::{FiscalPeriod, Plan};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;

/// How each line starts.
pub const MARK: &str = "// pantau-conflict ";

/// One line's content.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    /// `plan`, `dimension`, `program`, `milestone`, `target`, `budget`,
    /// `evidence`, `period` (its tag in `name`: `TW3`, `M08`),
    /// `budget_change` (its date in `name`) or `subactivity` (its code).
    at: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    number: usize,
    #[serde(default, skip_serializing_if = "is_zero_year")]
    year: i32,
    field: String,
    ours: String,
    theirs: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    blobs: Option<Blobs>,
}

/// The git objects (blob ids) of the three versions the merge driver
/// merged: base (`%O`), ours (`%A`) and theirs (`%B`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blobs {
    pub base: String,
    pub ours: String,
    pub theirs: String,
}

/// One `// pantau-conflict` line of a top comment: the question it asks
/// when it reads as one, and the objects it says it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub conflict: Option<Conflict>,
    pub blobs: Option<Blobs>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_zero_year(n: &i32) -> bool {
    *n == 0
}

/// What a merge for git made: the plan and comment to write, the fields
/// left for a person (their value in the file is this branch's), and what
/// was decided without asking so that nothing is lost (an item one branch
/// deleted and the other changed is kept; an order both changed is ours).
pub struct ForGit {
    pub plan: Plan,
    pub comment: String,
    pub open: Vec<Conflict>,
    pub kept: Vec<Conflict>,
    /// Ids of ours the merge changed (a new programme under an id theirs took).
    pub renamed: Vec<crate::plan::merge::Renamed>,
}

/// Merges for git: `ours` is the branch being merged into (`%A`);
/// `blobs`, the objects merged, are recorded in each line.
pub fn merge_for_git(
    (base, base_comment): (&Plan, &str),
    (ours, ours_comment): (&Plan, &str),
    (theirs, theirs_comment): (&Plan, &str),
    blobs: Option<&Blobs>,
) -> ForGit {
    let open = RefCell::new(Vec::new());
    let kept = RefCell::new(Vec::new());
    let decide = |c: &Conflict| -> Option<Choice> {
        match c.field {
            Field::Presence => {
                kept.borrow_mut().push(c.clone());
                Some(if c.mine.is_some() {
                    Choice::Mine
                } else {
                    Choice::Theirs
                })
            }
            Field::Order(_) | Field::Comment | Field::Evaluation => {
                kept.borrow_mut().push(c.clone());
                Some(Choice::Mine)
            }
            _ => {
                open.borrow_mut().push(c.clone());
                Some(Choice::Mine)
            }
        }
    };
    let crate::plan::merge::Merged { plan, renamed, .. } =
        crate::plan::merge::merge_following(base, ours, theirs, &decide);
    let (mut comment, asked) = merge_comment(base_comment, ours_comment, theirs_comment, &|_| None);
    if asked.is_some() {
        // Both changed the comment: ours, then their lines ours lacks.
        comment = ours_comment.to_string();
        for line in theirs_comment.lines() {
            if !ours_comment.lines().any(|l| l == line) {
                comment.push_str(line);
                comment.push('\n');
            }
        }
    }
    let open = open.into_inner();
    let (rest, _) = read(&comment);
    let mut comment = rest;
    comment.push_str(&write(&open, blobs));
    ForGit {
        plan,
        comment,
        open,
        kept: kept.into_inner(),
        renamed,
    }
}

/// The lines for `conflicts`, each recording `blobs`.
pub fn write(conflicts: &[Conflict], blobs: Option<&Blobs>) -> String {
    let mut out = String::new();
    for c in conflicts {
        let (at, id, name, number, year) = match &c.subject {
            Subject::Plan => ("plan", String::new(), String::new(), 0, 0),
            Subject::Dimension { id, name } => ("dimension", id.clone(), name.clone(), 0, 0),
            Subject::Program { id, name } => ("program", id.clone(), name.clone(), 0, 0),
            Subject::Milestone {
                program,
                number,
                title,
            } => ("milestone", program.clone(), title.clone(), *number, 0),
            Subject::Target {
                program,
                number,
                year,
                indicator,
            } => ("target", program.clone(), indicator.clone(), *number, *year),
            Subject::Budget {
                program,
                number,
                year,
            } => ("budget", program.clone(), String::new(), *number, *year),
            Subject::Evidence {
                program,
                number,
                name,
            } => ("evidence", program.clone(), name.clone(), *number, 0),
            Subject::Period {
                program,
                number,
                year,
                quarter,
                month,
            } => {
                let tag = FiscalPeriod {
                    quarter: *quarter,
                    month: *month,
                    ..FiscalPeriod::default()
                }
                .tag();
                ("period", program.clone(), tag, *number, *year)
            }
            Subject::BudgetChange {
                program,
                number,
                date,
            } => ("budget_change", program.clone(), date.clone(), *number, 0),
            Subject::SubActivity {
                program,
                number,
                code,
            } => ("subactivity", program.clone(), code.clone(), *number, 0),
            Subject::FollowUp {
                program,
                number,
                id,
            } => ("followup", program.clone(), id.clone(), *number, 0),
        };
        let field = match c.field {
            Field::Header(f) => f.name(),
            Field::Dimension(f) => f.name(),
            Field::Program(f) => f.name(),
            Field::Milestone(f) => f.name(),
            Field::Target(f) => f.name(),
            Field::Budget(f) => f.name(),
            Field::Evidence(f) => f.name(),
            Field::Period(f) => f.name(),
            Field::BudgetChange(f) => f.name(),
            Field::SubActivity(f) => f.name(),
            Field::FollowUp(f) => f.name(),
            // Decided without asking; never written.
            Field::Presence
            | Field::Order(_)
            | Field::List(_)
            | Field::Comment
            | Field::Evaluation => continue,
        };
        let line = Line {
            at: at.into(),
            id,
            name,
            number,
            year,
            field: field.into(),
            ours: c.mine.clone().unwrap_or_default(),
            theirs: c.theirs.clone().unwrap_or_default(),
            blobs: blobs.cloned(),
        };
        // JSON escapes newlines, so each conflict is one comment line.
        if let Ok(json) = serde_json::to_string(&line) {
            out.push_str(MARK);
            out.push_str(&json);
            out.push('\n');
        }
    }
    out
}

/// The conflicts recorded in a top comment that read as questions, and the
/// comment without any `// pantau-conflict` line: answering drops them all,
/// including those that did not read (which `check` and `sync` count too).
pub fn read(comment: &str) -> (String, Vec<Conflict>) {
    let (rest, recorded) = recorded(comment);
    (
        rest,
        recorded.into_iter().filter_map(|r| r.conflict).collect(),
    )
}

/// Every `// pantau-conflict` line of a top comment, read or not, and the
/// comment without them.
pub fn recorded(comment: &str) -> (String, Vec<Recorded>) {
    let mut rest = String::with_capacity(comment.len());
    let mut found = Vec::new();
    for line in comment.split_inclusive('\n') {
        let Some(json) = line.strip_prefix(MARK) else {
            rest.push_str(line);
            continue;
        };
        found.push(match serde_json::from_str::<Line>(json.trim_end()) {
            Ok(mut line) => Recorded {
                blobs: line.blobs.take(),
                conflict: conflict(line),
            },
            Err(_) => Recorded {
                conflict: None,
                blobs: None,
            },
        });
    }
    (rest, found)
}

/// The questions of `comment` as the plan now stands: "mine" is what the
/// file holds, whatever a line says it is.
pub fn questions(plan: &Plan, comment: &str) -> Vec<Conflict> {
    let (_, found) = read(comment);
    found
        .into_iter()
        .map(|mut c| {
            c.mine = held(plan, &c);
            c
        })
        .collect()
}

/// The questions of `comment` whose lines `trusted` vouches for (one flag a
/// line, in the order [`recorded`] lists them; git's record of the merge
/// under way says which), "mine" as the file holds it, and how many lines
/// were left unasked because they do not check out or do not read.
pub fn trusted_questions(plan: &Plan, comment: &str, trusted: &[bool]) -> (Vec<Conflict>, usize) {
    let (_, found) = recorded(comment);
    let mut asked = Vec::new();
    let mut unasked = 0;
    for (i, line) in found.into_iter().enumerate() {
        match (line.conflict, trusted.get(i).copied().unwrap_or(false)) {
            (Some(mut c), true) => {
                c.mine = held(plan, &c);
                asked.push(c);
            }
            _ => unasked += 1,
        }
    }
    (asked, unasked)
}

/// The value `plan` holds for the field `c` asks about, as the registry
/// writes it; `None` when the item is not there.
pub fn held(plan: &Plan, c: &Conflict) -> Option<String> {
    let program = |id: &str| plan.programs.iter().find(|p| p.id == id);
    match (&c.subject, c.field) {
        (Subject::Plan, Field::Header(f)) => Some(f.get(&Header::of(plan))),
        (Subject::Dimension { id, .. }, Field::Dimension(f)) => plan
            .dimensions
            .iter()
            .find(|d| d.id == *id)
            .map(|d| f.get(d)),
        (Subject::Program { id, .. }, Field::Program(f)) => program(id).map(|p| f.get(p)),
        (
            Subject::Milestone {
                program: id,
                number,
                title,
            },
            Field::Milestone(f),
        ) => {
            let ms = &program(id)?.milestones;
            ms.iter()
                .find(|m| m.title == *title)
                .or_else(|| ms.get(number.checked_sub(1)?))
                .map(|m| f.get(m))
        }
        (
            Subject::Target {
                program: id,
                number,
                year,
                indicator,
            },
            Field::Target(f),
        ) => {
            let ts = &program(id)?.targets;
            ts.iter()
                .find(|x| x.year == *year && x.indicator == *indicator)
                .or_else(|| ts.get(number.checked_sub(1)?))
                .map(|x| f.get(x))
        }
        (
            Subject::Budget {
                program: id,
                number,
                year,
            },
            Field::Budget(f),
        ) => {
            let bs = &program(id)?.budget;
            bs.iter()
                .find(|b| b.year == *year)
                .or_else(|| bs.get(number.checked_sub(1)?))
                .map(|b| f.get(b))
        }
        (
            Subject::Evidence {
                program: id,
                number,
                name,
            },
            Field::Evidence(f),
        ) => {
            let es = &program(id)?.evidence;
            es.iter()
                .find(|e| e.name == *name)
                .or_else(|| es.get(number.checked_sub(1)?))
                .map(|e| f.get(e))
        }
        (
            Subject::Period {
                program: id,
                number,
                year,
                quarter,
                month,
            },
            Field::Period(f),
        ) => {
            let xs = &program(id)?.periods;
            xs.iter()
                .find(|x| x.year == *year && x.quarter == *quarter && x.month == *month)
                .or_else(|| xs.get(number.checked_sub(1)?))
                .map(|x| f.get(x))
        }
        (
            Subject::BudgetChange {
                program: id,
                number,
                date,
            },
            Field::BudgetChange(f),
        ) => {
            let cs = &program(id)?.budget_changes;
            cs.iter()
                .find(|c| c.date == *date)
                .or_else(|| cs.get(number.checked_sub(1)?))
                .map(|c| f.get(c))
        }
        (
            Subject::SubActivity {
                program: id,
                number,
                code,
            },
            Field::SubActivity(f),
        ) => {
            let ss = &program(id)?.subactivities;
            ss.iter()
                .find(|s| s.code == *code)
                .or_else(|| ss.get(number.checked_sub(1)?))
                .map(|s| f.get(s))
        }
        (
            Subject::FollowUp {
                program: id,
                number,
                id: followup,
            },
            Field::FollowUp(f),
        ) => {
            let fs = if id.is_empty() {
                &plan.followups
            } else {
                &program(id)?.followups
            };
            fs.iter()
                .find(|x| x.id == *followup)
                .or_else(|| fs.get(number.checked_sub(1)?))
                .map(|x| f.get(x))
        }
        _ => None,
    }
}

fn conflict(line: Line) -> Option<Conflict> {
    let (subject, field) = match line.at.as_str() {
        "plan" => (
            Subject::Plan,
            Field::Header(HeaderField::from_name(&line.field)?),
        ),
        "dimension" => (
            Subject::Dimension {
                id: line.id,
                name: line.name,
            },
            Field::Dimension(DimensionField::from_name(&line.field)?),
        ),
        "program" => (
            Subject::Program {
                id: line.id,
                name: line.name,
            },
            Field::Program(ProgramField::from_name(&line.field)?),
        ),
        "milestone" => (
            Subject::Milestone {
                program: line.id,
                number: line.number,
                title: line.name,
            },
            Field::Milestone(MilestoneField::from_name(&line.field)?),
        ),
        "target" => (
            Subject::Target {
                program: line.id,
                number: line.number,
                year: line.year,
                indicator: line.name,
            },
            Field::Target(TargetField::from_name(&line.field)?),
        ),
        "budget" => (
            Subject::Budget {
                program: line.id,
                number: line.number,
                year: line.year,
            },
            Field::Budget(BudgetField::from_name(&line.field)?),
        ),
        "evidence" => (
            Subject::Evidence {
                program: line.id,
                number: line.number,
                name: line.name,
            },
            Field::Evidence(EvidenceField::from_name(&line.field)?),
        ),
        "period" => {
            let (quarter, month) = FiscalPeriod::from_tag(&line.name);
            (
                Subject::Period {
                    program: line.id,
                    number: line.number,
                    year: line.year,
                    quarter,
                    month,
                },
                Field::Period(PeriodField::from_name(&line.field)?),
            )
        }
        "budget_change" => (
            Subject::BudgetChange {
                program: line.id,
                number: line.number,
                date: line.name,
            },
            Field::BudgetChange(BudgetChangeField::from_name(&line.field)?),
        ),
        "subactivity" => (
            Subject::SubActivity {
                program: line.id,
                number: line.number,
                code: line.name,
            },
            Field::SubActivity(SubActivityField::from_name(&line.field)?),
        ),
        "followup" => (
            Subject::FollowUp {
                program: line.id,
                number: line.number,
                id: line.name,
            },
            Field::FollowUp(FollowUpField::from_name(&line.field)?),
        ),
        _ => return None,
    };
    Some(Conflict {
        subject,
        field,
        mine: Some(line.ours),
        theirs: Some(line.theirs),
        by: None,
        changed: Vec::new(),
    })
}

/// Puts the other branch's value of `c` into `plan`, through the registry
/// (a status or the like also by its name in `words`). `Ok(false)` when the
/// item is no longer there.
pub fn take_theirs(
    plan: &mut Plan,
    c: &Conflict,
    words: &dyn Vocabulary,
) -> Result<bool, FieldError> {
    let value = c.theirs.as_deref().unwrap_or_default();
    let program_at = |plan: &Plan, id: &str| plan.programs.iter().position(|p| p.id == id);
    match (&c.subject, c.field) {
        (Subject::Plan, Field::Header(f)) => {
            let mut h = Header::of(plan);
            f.parse_into(&mut h, value)?;
            h.apply(plan);
        }
        (Subject::Dimension { id, .. }, Field::Dimension(f)) => {
            let Some(d) = plan.dimensions.iter_mut().find(|d| d.id == *id) else {
                return Ok(false);
            };
            f.parse_into(d, value)?;
        }
        (Subject::Program { id, .. }, Field::Program(f)) => {
            let Some(i) = program_at(plan, id) else {
                return Ok(false);
            };
            let mut p = plan.programs[i].clone();
            let cx = Context {
                plan,
                index: Some(i),
                words,
            };
            f.parse_into(&mut p, value, cx)?;
            plan.programs[i] = p;
        }
        (
            Subject::Milestone {
                program,
                number,
                title,
            },
            Field::Milestone(f),
        ) => {
            let Some(i) = program_at(plan, program) else {
                return Ok(false);
            };
            let ms = &mut plan.programs[i].milestones;
            let Some(at) = item_at(ms, *number, |m| m.title == *title) else {
                return Ok(false);
            };
            f.parse_into(&mut ms[at], f.name(), value, words)?;
        }
        (
            Subject::Target {
                program,
                number,
                year,
                indicator,
            },
            Field::Target(f),
        ) => {
            let Some(i) = program_at(plan, program) else {
                return Ok(false);
            };
            let period = plan.period;
            let ts = &mut plan.programs[i].targets;
            let Some(at) = item_at(ts, *number, |x| {
                x.year == *year && x.indicator == *indicator
            }) else {
                return Ok(false);
            };
            f.parse_into(&mut ts[at], f.name(), value, period, words)?;
        }
        (
            Subject::Budget {
                program,
                number,
                year,
            },
            Field::Budget(f),
        ) => {
            let Some(i) = program_at(plan, program) else {
                return Ok(false);
            };
            let period = plan.period;
            let bs = &mut plan.programs[i].budget;
            let Some(at) = item_at(bs, *number, |b| b.year == *year) else {
                return Ok(false);
            };
            f.parse_into(&mut bs[at], f.name(), value, period, words)?;
        }
        (
            Subject::Evidence {
                program,
                number,
                name,
            },
            Field::Evidence(f),
        ) => {
            let Some(i) = program_at(plan, program) else {
                return Ok(false);
            };
            let es = &mut plan.programs[i].evidence;
            let Some(at) = item_at(es, *number, |e| e.name == *name) else {
                return Ok(false);
            };
            f.parse_into(&mut es[at], f.name(), value, words)?;
        }
        (
            Subject::Period {
                program,
                number,
                year,
                quarter,
                month,
            },
            Field::Period(f),
        ) => {
            let Some(i) = program_at(plan, program) else {
                return Ok(false);
            };
            let period = plan.period;
            let xs = &mut plan.programs[i].periods;
            let Some(at) = item_at(xs, *number, |x| {
                x.year == *year && x.quarter == *quarter && x.month == *month
            }) else {
                return Ok(false);
            };
            f.parse_into(&mut xs[at], f.name(), value, period, words)?;
        }
        (
            Subject::BudgetChange {
                program,
                number,
                date,
            },
            Field::BudgetChange(f),
        ) => {
            let Some(i) = program_at(plan, program) else {
                return Ok(false);
            };
            let period = plan.period;
            let cs = &mut plan.programs[i].budget_changes;
            let Some(at) = item_at(cs, *number, |c| c.date == *date) else {
                return Ok(false);
            };
            f.parse_into(&mut cs[at], f.name(), value, period, words)?;
        }
        (
            Subject::SubActivity {
                program,
                number,
                code,
            },
            Field::SubActivity(f),
        ) => {
            let Some(i) = program_at(plan, program) else {
                return Ok(false);
            };
            let ss = &mut plan.programs[i].subactivities;
            let Some(at) = item_at(ss, *number, |s| s.code == *code) else {
                return Ok(false);
            };
            f.parse_into(&mut ss[at], f.name(), value, words)?;
        }
        (
            Subject::FollowUp {
                program,
                number,
                id,
            },
            Field::FollowUp(f),
        ) => {
            let fs = if program.is_empty() {
                &mut plan.followups
            } else {
                let Some(i) = program_at(plan, program) else {
                    return Ok(false);
                };
                &mut plan.programs[i].followups
            };
            let Some(at) = item_at(fs, *number, |x| x.id == *id) else {
                return Ok(false);
            };
            let mut others = fs.clone();
            others.remove(at);
            f.parse_into(&mut fs[at], &others, f.name(), value, words)?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Where the item a conflict line names stands in its list now: found by
/// its key, else by its number (counting from 1) while the list has one there.
fn item_at<T>(items: &[T], number: usize, key: impl Fn(&T) -> bool) -> Option<usize> {
    items
        .iter()
        .position(key)
        .or_else(|| number.checked_sub(1).filter(|n| *n < items.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::Status;

    fn plan() -> Plan {
        crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .unwrap()
            .plan
    }

    #[test]
    fn conflicts_go_into_the_comment_and_come_back_and_theirs_can_be_taken() {
        let base = plan();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.programs[0].status = Status::Done;
        theirs.programs[0].status = Status::Delayed;
        ours.programs[0].milestones[0].title = "ours \"quoted\"\nline".into();
        theirs.programs[0].milestones[0].title = "theirs".into();
        ours.programs[1].notes = "ours".into();
        theirs.programs.remove(1);
        let merged = merge_for_git(
            (&base, "// top\n"),
            (&ours, "// top\n"),
            (&theirs, "// top\n"),
            None,
        );
        assert_eq!(merged.open.len(), 2, "{:?}", merged.open);
        assert_eq!(
            merged.plan.programs[0].status,
            Status::Done,
            "ours in the file"
        );
        assert_eq!(
            merged.plan.programs[1].notes, "ours",
            "a changed programme is kept"
        );
        assert_eq!(merged.kept.len(), 1);
        assert!(merged.comment.starts_with("// top\n"));
        assert_eq!(merged.comment.lines().count(), 3, "{}", merged.comment);
        let (rest, back) = read(&merged.comment);
        assert_eq!(rest, "// top\n");
        assert_eq!(back, merged.open);
        let mut plan = merged.plan.clone();
        for c in &back {
            assert!(take_theirs(&mut plan, c, &crate::plan::field::NoWords).unwrap());
        }
        assert_eq!(plan.programs[0].status, Status::Delayed);
        assert_eq!(plan.programs[0].milestones[0].title, "theirs");
    }
}
