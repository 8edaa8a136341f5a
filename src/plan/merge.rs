//! Three-way merge of plans, for two officers saving the same file.
//!
//! `base` is the plan this session loaded, `mine` what it has now, `theirs`
//! what another officer saved meanwhile. Changes are compared per program
//! (matched by id) and per field; only a field both sides changed, to
//! different values, is a conflict, and the caller decides it.

use crate::plan::edit::Header;
use crate::plan::field::{DimensionField, HeaderField, ProgramField};
use crate::plan::model::{Milestone, Plan, Program, Target};
use std::collections::HashMap;

/// What a merge compares in a programme: each field of the registry, then
/// the milestones and the targets, each (for now) as a whole list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Field(ProgramField),
    Milestones,
    Targets,
}

impl Part {
    fn all() -> impl Iterator<Item = Part> {
        ProgramField::ALL
            .iter()
            .map(|f| Part::Field(*f))
            .chain([Part::Milestones, Part::Targets])
    }

    /// The name in conflicts and the audit log.
    pub fn name(self) -> &'static str {
        match self {
            Part::Field(f) => f.name(),
            Part::Milestones => "milestones",
            Part::Targets => "targets",
        }
    }

    fn same(self, a: &Program, b: &Program) -> bool {
        match self {
            Part::Field(f) => f.same(a, b),
            Part::Milestones => a.milestones == b.milestones,
            Part::Targets => a.targets == b.targets,
        }
    }

    fn copy(self, dst: &mut Program, src: &Program) {
        match self {
            Part::Field(f) => f.copy(dst, src),
            Part::Milestones => dst.milestones.clone_from(&src.milestones),
            Part::Targets => dst.targets.clone_from(&src.targets),
        }
    }

    /// The value as one line of text, for conflict prompts and the audit log.
    pub fn show(self, p: &Program) -> String {
        match self {
            Part::Field(f) => f.get(p),
            Part::Milestones => p
                .milestones
                .iter()
                .map(show_milestone)
                .collect::<Vec<_>>()
                .join("; "),
            Part::Targets => p
                .targets
                .iter()
                .map(show_target)
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

fn show_milestone(m: &Milestone) -> String {
    format!("[{}] {} {}", if m.done { "x" } else { " " }, m.due, m.title)
}

fn show_target(t: &Target) -> String {
    let opt = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |n| n.to_string());
    format!(
        "{} {}: {} -> {} (actual {})",
        t.year,
        t.indicator,
        opt(t.baseline),
        t.target,
        opt(t.actual)
    )
}

/// A field both sides changed differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The program's id, or `dimension:<id>`, or `plan`.
    pub subject: String,
    pub field: String,
    pub mine: String,
    pub theirs: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
}

/// The parts that differ between two versions of a program.
pub fn changed_parts(before: &Program, after: &Program) -> Vec<Part> {
    Part::all().filter(|f| !f.same(before, after)).collect()
}

/// Programmes by id, for lookups that stay linear in the plan.
fn by_id(plan: &Plan) -> HashMap<&str, usize> {
    plan.programs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect()
}

/// Merges. `decide` answers each conflict; with `None` from it the conflict
/// is collected and theirs is kept for now. Returns the merged plan and the
/// undecided conflicts.
pub fn merge(
    base: &Plan,
    mine: &Plan,
    theirs: &Plan,
    decide: &dyn Fn(&Conflict) -> Option<Choice>,
) -> (Plan, Vec<Conflict>) {
    let mut merged = theirs.clone();
    let mut open = Vec::new();
    let mut resolve = |conflict: Conflict| -> Choice {
        match decide(&conflict) {
            Some(choice) => choice,
            None => {
                open.push(conflict);
                Choice::Theirs
            }
        }
    };

    // The plan's own fields.
    let (hb, hm) = (Header::of(base), Header::of(mine));
    let mut header = Header::of(theirs);
    for &f in HeaderField::ALL {
        let (b, m, t) = (f.get(&hb), f.get(&hm), f.get(&header));
        if m != b
            && m != t
            && (t == b
                || resolve(Conflict {
                    subject: "plan".into(),
                    field: f.name().into(),
                    mine: m,
                    theirs: t,
                }) == Choice::Mine)
        {
            f.copy(&mut header, &hm);
        }
    }
    merged.title = header.title;
    merged.region = header.region;
    merged.vision = header.vision;
    merged.period = header.period;

    // Dimensions, by id.
    for dm in &mine.dimensions {
        let Some(db) = base.dimensions.iter().find(|d| d.id == dm.id) else {
            continue;
        };
        let Some(dt) = merged.dimensions.iter_mut().find(|d| d.id == dm.id) else {
            continue;
        };
        let subject = format!("dimension:{}", dm.id);
        for &f in DimensionField::ALL {
            let (b, m, t) = (f.get(db), f.get(dm), f.get(dt));
            if m != b
                && m != t
                && (t == b
                    || resolve(Conflict {
                        subject: subject.clone(),
                        field: f.name().into(),
                        mine: m,
                        theirs: t,
                    }) == Choice::Mine)
            {
                f.copy(dt, dm);
            }
        }
    }

    // Programs, by id: changed and added by me. Linear in the plan: ids are
    // looked up in maps, and additions and deletions are applied in one pass.
    let in_base = by_id(base);
    let in_theirs: std::collections::HashMap<String, usize> = merged
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let mut added: Vec<Program> = Vec::new();
    for pm in &mine.programs {
        let pb = in_base.get(pm.id.as_str()).map(|&i| &base.programs[i]);
        // Unchanged by me: theirs stands, whatever it is.
        if pb == Some(pm) {
            continue;
        }
        match (pb, in_theirs.get(pm.id.as_str()).copied()) {
            (Some(pb), Some(at)) => {
                let result = merge_program(Some(pb), pm, &merged.programs[at], &mut resolve);
                merged.programs[at] = result;
            }
            // They deleted a program I changed: keep mine only if I say so.
            (Some(pb), None) => {
                if pm != pb
                    && resolve(Conflict {
                        subject: pm.id.clone(),
                        field: "(program)".into(),
                        mine: pm.name.clone(),
                        theirs: "(deleted)".into(),
                    }) == Choice::Mine
                {
                    added.push(pm.clone());
                }
            }
            // New in mine.
            (None, None) => added.push(pm.clone()),
            // New in both with one id: merge field by field as if from nothing.
            (None, Some(at)) => {
                let result = merge_program(None, pm, &merged.programs[at], &mut resolve);
                merged.programs[at] = result;
            }
        }
    }
    // Deleted by me: gone, unless they changed it meanwhile.
    let in_mine = by_id(mine);
    let mut deleted = std::collections::HashSet::new();
    for pb in &base.programs {
        if in_mine.contains_key(pb.id.as_str()) {
            continue;
        }
        if let Some(&at) = in_theirs.get(pb.id.as_str()) {
            let theirs_changed = &merged.programs[at] != pb;
            if !theirs_changed
                || resolve(Conflict {
                    subject: pb.id.clone(),
                    field: "(program)".into(),
                    mine: "(deleted)".into(),
                    theirs: merged.programs[at].name.clone(),
                }) == Choice::Mine
            {
                deleted.insert(at);
            }
        }
    }
    if !added.is_empty() || !deleted.is_empty() {
        let kept = std::mem::take(&mut merged.programs)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !deleted.contains(i))
            .map(|(_, p)| p)
            .collect();
        merged.programs = grouped(kept, added);
    }
    (merged, open)
}

/// One program, field by field: my change wins where they left the field as
/// it was in `base`; where both changed it differently, `resolve` decides.
/// Without a base (both added the id) every difference is asked about.
fn merge_program(
    base: Option<&Program>,
    mine: &Program,
    theirs: &Program,
    resolve: &mut impl FnMut(Conflict) -> Choice,
) -> Program {
    let mut result = theirs.clone();
    for part in Part::all() {
        let mine_changed = base.is_none_or(|b| !part.same(mine, b));
        if !mine_changed || part.same(mine, theirs) {
            continue;
        }
        let theirs_changed = base.is_none_or(|b| !part.same(theirs, b));
        let conflict = || Conflict {
            subject: mine.id.clone(),
            field: part.name().to_string(),
            mine: part.show(mine),
            theirs: part.show(theirs),
        };
        if !theirs_changed || resolve(conflict()) == Choice::Mine {
            part.copy(&mut result, mine);
        }
    }
    result
}

/// `added` put after the last program of their dimension, in their order,
/// so the file stays grouped; those of a dimension no program has go last.
fn grouped(programs: Vec<Program>, added: Vec<Program>) -> Vec<Program> {
    let mut last_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, p) in programs.iter().enumerate() {
        last_of.insert(p.dimension.as_str(), i);
    }
    let mut after: Vec<Vec<Program>> = Vec::new();
    after.resize_with(programs.len(), Vec::new);
    let mut at_end = Vec::new();
    for p in added {
        match last_of.get(p.dimension.as_str()) {
            Some(&i) => after[i].push(p),
            None => at_end.push(p),
        }
    }
    let mut out = Vec::with_capacity(programs.len() + at_end.len());
    for (p, following) in programs.into_iter().zip(after) {
        out.push(p);
        out.extend(following);
    }
    out.extend(at_end);
    out
}

/// What changed in one program, as (subject, field, old, new) for the audit log.
pub fn program_changes(before: &Program, after: &Program) -> Vec<(String, String, String, String)> {
    changed_parts(before, after)
        .into_iter()
        .map(|part| {
            (
                after.id.clone(),
                part.name().to_string(),
                part.show(before),
                part.show(after),
            )
        })
        .collect()
}

/// Every change from `before` to `after`, as (subject, field, old, new), for
/// the audit log. Linear in the plan: programmes are matched through an index.
pub fn changes(before: &Plan, after: &Plan) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    let (hb, ha) = (Header::of(before), Header::of(after));
    for &f in HeaderField::ALL {
        let (b, a) = (f.get(&hb), f.get(&ha));
        if a != b {
            out.push(("plan".to_string(), f.name().to_string(), b, a));
        }
    }
    for da in &after.dimensions {
        if let Some(db) = before.dimensions.iter().find(|d| d.id == da.id) {
            for &f in DimensionField::ALL {
                let (b, a) = (f.get(db), f.get(da));
                if a != b {
                    out.push((format!("dimension:{}", da.id), f.name().to_string(), b, a));
                }
            }
        }
    }
    let (ib, ia) = (by_id(before), by_id(after));
    for pa in &after.programs {
        match ib.get(pa.id.as_str()).map(|&i| &before.programs[i]) {
            // Unchanged programmes, nearly all of them at 10,000, cost one comparison.
            Some(pb) if pb == pa => {}
            Some(pb) => out.extend(program_changes(pb, pa)),
            None => out.push((
                pa.id.clone(),
                "(program)".to_string(),
                "(none)".to_string(),
                pa.name.clone(),
            )),
        }
    }
    for pb in &before.programs {
        if !ia.contains_key(pb.id.as_str()) {
            out.push((
                pb.id.clone(),
                "(program)".to_string(),
                pb.name.clone(),
                "(deleted)".to_string(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::Status;
    use std::path::Path;

    fn plan() -> Plan {
        crate::store::parse(crate::store::EXAMPLE, Path::new("x"))
            .unwrap()
            .plan
    }

    fn undecided(_: &Conflict) -> Option<Choice> {
        None
    }

    #[test]
    fn edits_to_different_programs_both_survive() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.programs[0].status = Status::Done;
        theirs.programs[1].status = Status::Delayed;
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert!(conflicts.is_empty());
        assert_eq!(merged.programs[0].status, Status::Done);
        assert_eq!(merged.programs[1].status, Status::Delayed);
    }

    #[test]
    fn different_fields_of_one_program_both_survive() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.programs[0].status = Status::Done;
        theirs.programs[0].lead = "Dinas PMD".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert!(conflicts.is_empty());
        assert_eq!(
            (merged.programs[0].status, merged.programs[0].lead.as_str()),
            (Status::Done, "Dinas PMD")
        );
    }

    #[test]
    fn one_field_changed_differently_is_a_conflict_decided_by_the_caller() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.programs[0].status = Status::Done;
        theirs.programs[0].status = Status::Delayed;
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            (conflicts[0].mine.as_str(), conflicts[0].theirs.as_str()),
            ("Done", "Delayed")
        );
        assert_eq!(
            merged.programs[0].status,
            Status::Delayed,
            "undecided keeps theirs"
        );
        let (mine_wins, _) = merge(&base, &mine, &theirs, &|_| Some(Choice::Mine));
        assert_eq!(mine_wins.programs[0].status, Status::Done);
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = plan();
        let mut mine = base.clone();
        mine.programs[0].status = Status::Done;
        let (merged, conflicts) = merge(&base, &mine, &mine.clone(), &undecided);
        assert!(conflicts.is_empty());
        assert_eq!(merged, mine);
    }

    #[test]
    fn added_and_deleted_programs_carry_over() {
        let base = plan();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let mut new = base.programs[0].clone();
        new.id = "GOV-99".into();
        mine.programs.push(new);
        mine.programs.retain(|p| p.id != "BRD-01");
        theirs.programs[5].notes = "theirs".into();
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        assert!(conflicts.is_empty());
        assert!(merged.program("GOV-99").is_some());
        assert!(merged.program("BRD-01").is_none());
        assert_eq!(
            merged
                .programs
                .iter()
                .filter(|p| p.notes == "theirs")
                .count(),
            1
        );
        let at = merged
            .programs
            .iter()
            .position(|p| p.id == "GOV-99")
            .unwrap();
        assert_eq!(
            merged.programs[at + 1].dimension,
            "branding",
            "kept with its dimension"
        );
    }

    #[test]
    fn changes_lists_every_field_that_moved() {
        let base = plan();
        let mut after = base.clone();
        after.programs[0].status = Status::Done;
        after.programs[0].milestones[2].done = true;
        after.title = "Masterplan BISA".into();
        let list = changes(&base, &after);
        let fields: Vec<(&str, &str)> = list
            .iter()
            .map(|(s, f, _, _)| (s.as_str(), f.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("plan", "title"),
                ("GOV-01", "status"),
                ("GOV-01", "milestones")
            ]
        );
        assert_eq!(
            (list[1].2.as_str(), list[1].3.as_str()),
            ("InProgress", "Done")
        );
    }
}
