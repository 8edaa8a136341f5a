//! Three-way merge of plans, for two officers saving the same file.
//!
//! `base` is the plan this session loaded, `mine` what it has now, `theirs`
//! what another officer saved meanwhile. Changes are compared per program
//! (matched by id) and per field; only a field both sides changed, to
//! different values, is a conflict, and the caller decides it.

use crate::plan::edit::Header;
use crate::plan::model::{Dimension, Plan, Program};

/// The fields of a program compared one by one: the scalar ones `pantau set`
/// knows, then milestones and targets, each compared as a whole list.
fn fields() -> impl Iterator<Item = &'static str> {
    crate::plan::field::PROGRAM_FIELDS
        .iter()
        .copied()
        .chain(["milestones", "targets"])
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

/// Whether two programs agree on `field`.
fn same(a: &Program, b: &Program, field: &str) -> bool {
    match field {
        "id" => a.id == b.id,
        "name" => a.name == b.name,
        "description" => a.description == b.description,
        "dimension" => a.dimension == b.dimension,
        "element" => a.element == b.element,
        "horizon" => a.horizon == b.horizon,
        "lead" => a.lead == b.lead,
        "support" => a.support == b.support,
        "funding" => a.funding == b.funding,
        "start" => a.start == b.start,
        "end" => a.end == b.end,
        "status" => a.status == b.status,
        "milestones" => a.milestones == b.milestones,
        "targets" => a.targets == b.targets,
        "notes" => a.notes == b.notes,
        _ => true,
    }
}

/// Copies `field` from `src` into `dst`.
fn take(dst: &mut Program, src: &Program, field: &str) {
    match field {
        "id" => dst.id = src.id.clone(),
        "name" => dst.name = src.name.clone(),
        "description" => dst.description = src.description.clone(),
        "dimension" => dst.dimension = src.dimension.clone(),
        "element" => dst.element = src.element.clone(),
        "horizon" => dst.horizon = src.horizon,
        "lead" => dst.lead = src.lead.clone(),
        "support" => dst.support = src.support.clone(),
        "funding" => dst.funding = src.funding.clone(),
        "start" => dst.start = src.start,
        "end" => dst.end = src.end,
        "status" => dst.status = src.status,
        "milestones" => dst.milestones = src.milestones.clone(),
        "targets" => dst.targets = src.targets.clone(),
        "notes" => dst.notes = src.notes.clone(),
        _ => {}
    }
}

/// A field's value as one line of text, for conflict prompts and the audit log.
pub fn show(p: &Program, field: &str) -> String {
    match field {
        "milestones" => p
            .milestones
            .iter()
            .map(|m| format!("[{}] {} {}", if m.done { "x" } else { " " }, m.due, m.title))
            .collect::<Vec<_>>()
            .join("; "),
        "targets" => p
            .targets
            .iter()
            .map(|t| {
                let opt = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |n| n.to_string());
                format!(
                    "{} {}: {} -> {} (actual {})",
                    t.year,
                    t.indicator,
                    opt(t.baseline),
                    t.target,
                    opt(t.actual)
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        field => crate::plan::field::get(p, field).unwrap_or_default(),
    }
}

/// The fields that differ between two versions of a program.
pub fn changed_fields<'a>(before: &Program, after: &Program) -> Vec<&'a str> {
    fields().filter(|f| !same(before, after, f)).collect()
}

fn dimension_fields(d: &Dimension) -> [(&'static str, String); 3] {
    [
        ("name", d.name.clone()),
        ("lead", d.lead.clone()),
        ("elements", d.elements.join(", ")),
    ]
}

fn header_fields(h: &Header) -> [(&'static str, String); 4] {
    [
        ("title", h.title.clone()),
        ("region", h.region.clone()),
        ("vision", h.vision.clone()),
        ("period", format!("{}-{}", h.period.start, h.period.end)),
    ]
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
    let (hb, hm, ht) = (Header::of(base), Header::of(mine), Header::of(theirs));
    let mut header = ht.clone();
    for ((name, b), ((_, m), (_, t))) in header_fields(&hb)
        .into_iter()
        .zip(header_fields(&hm).into_iter().zip(header_fields(&ht)))
    {
        if m != b
            && m != t
            && (t == b
                || resolve(Conflict {
                    subject: "plan".into(),
                    field: name.into(),
                    mine: m,
                    theirs: t,
                }) == Choice::Mine)
        {
            match name {
                "title" => header.title = hm.title.clone(),
                "region" => header.region = hm.region.clone(),
                "vision" => header.vision = hm.vision.clone(),
                _ => header.period = hm.period,
            }
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
        let fields = dimension_fields(db)
            .into_iter()
            .zip(dimension_fields(dm).into_iter().zip(dimension_fields(dt)));
        for ((name, b), ((_, m), (_, t))) in fields {
            if m != b
                && m != t
                && (t == b
                    || resolve(Conflict {
                        subject: subject.clone(),
                        field: name.into(),
                        mine: m,
                        theirs: t,
                    }) == Choice::Mine)
            {
                match name {
                    "name" => dt.name = dm.name.clone(),
                    "lead" => dt.lead = dm.lead.clone(),
                    _ => dt.elements = dm.elements.clone(),
                }
            }
        }
    }

    // Programs, by id: changed and added by me.
    for pm in &mine.programs {
        let pb = base.programs.iter().find(|p| p.id == pm.id);
        match (pb, merged.programs.iter().position(|p| p.id == pm.id)) {
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
                    insert_grouped(&mut merged, pm.clone());
                }
            }
            // New in mine.
            (None, None) => insert_grouped(&mut merged, pm.clone()),
            // New in both with one id: merge field by field as if from nothing.
            (None, Some(at)) => {
                let result = merge_program(None, pm, &merged.programs[at], &mut resolve);
                merged.programs[at] = result;
            }
        }
    }
    // Deleted by me: gone, unless they changed it meanwhile.
    for pb in &base.programs {
        if mine.programs.iter().any(|p| p.id == pb.id) {
            continue;
        }
        if let Some(at) = merged.programs.iter().position(|p| p.id == pb.id) {
            let theirs_changed = &merged.programs[at] != pb;
            if !theirs_changed
                || resolve(Conflict {
                    subject: pb.id.clone(),
                    field: "(program)".into(),
                    mine: "(deleted)".into(),
                    theirs: merged.programs[at].name.clone(),
                }) == Choice::Mine
            {
                merged.programs.remove(at);
            }
        }
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
    for field in fields() {
        let mine_changed = base.is_none_or(|b| !same(mine, b, field));
        if !mine_changed || same(mine, theirs, field) {
            continue;
        }
        let theirs_changed = base.is_none_or(|b| !same(theirs, b, field));
        let conflict = || Conflict {
            subject: mine.id.clone(),
            field: field.to_string(),
            mine: show(mine, field),
            theirs: show(theirs, field),
        };
        if !theirs_changed || resolve(conflict()) == Choice::Mine {
            take(&mut result, mine, field);
        }
    }
    result
}

/// Puts a program after the last one of its dimension, so the file stays grouped.
fn insert_grouped(plan: &mut Plan, program: Program) {
    let at = plan
        .programs
        .iter()
        .rposition(|p| p.dimension == program.dimension)
        .map_or(plan.programs.len(), |i| i + 1);
    plan.programs.insert(at, program);
}

/// Every change from `before` to `after`, as (subject, field, old, new), for the audit log.
pub fn changes(before: &Plan, after: &Plan) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for ((name, b), (_, a)) in header_fields(&Header::of(before))
        .into_iter()
        .zip(header_fields(&Header::of(after)))
    {
        if a != b {
            out.push(("plan".to_string(), name.to_string(), b, a));
        }
    }
    for da in &after.dimensions {
        if let Some(db) = before.dimensions.iter().find(|d| d.id == da.id) {
            for ((name, b), (_, a)) in dimension_fields(db).into_iter().zip(dimension_fields(da)) {
                if a != b {
                    out.push((format!("dimension:{}", da.id), name.to_string(), b, a));
                }
            }
        }
    }
    for pa in &after.programs {
        match before.programs.iter().find(|p| p.id == pa.id) {
            Some(pb) => {
                for field in changed_fields(pb, pa) {
                    out.push((
                        pa.id.clone(),
                        field.to_string(),
                        show(pb, field),
                        show(pa, field),
                    ));
                }
            }
            None => out.push((
                pa.id.clone(),
                "(program)".to_string(),
                "(none)".to_string(),
                pa.name.clone(),
            )),
        }
    }
    for pb in &before.programs {
        if !after.programs.iter().any(|p| p.id == pb.id) {
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
