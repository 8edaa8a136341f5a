//! The audit diff: what changed between two versions of a plan, field by
//! field through the registries and item by item as a merge matches items,
//! as the audit log records it.

use super::*;

/// The evaluation section in one line for the audit log: its weights and
/// self-assessments (`2026 Baseline 3.2`); the ministry's results by year.
fn show_evaluation(e: &crate::plan::model::Evaluation) -> String {
    let mut parts = Vec::new();
    if let Some(w) = e.weights {
        parts.push(format!(
            "weights {}/{}/{}/{}/{}",
            w.baseline, w.output, w.outcome, w.impact, w.quick_win
        ));
    }
    parts.extend(
        e.scores
            .iter()
            .map(|s| format!("{} {} {}", s.year, s.aspect.key(), s.score)),
    );
    parts.extend(
        e.results
            .iter()
            .map(|r| format!("{} index {}", r.year, r.index)),
    );
    parts.extend(
        e.survey
            .iter()
            .map(|(year, score)| format!("{year} survey {score}")),
    );
    parts.join("; ")
}

/// Programmes by id, for lookups that stay linear in the plan.
fn by_id(plan: &Plan) -> HashMap<&str, usize> {
    plan.programs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect()
}

/// One audit-log change: (subject, field, old, new).
pub type Logged = (String, String, String, String);

/// What changed in one program, as (subject, field, old, new) for the audit
/// log, through the registries: `status`, and inside the lists each item's
/// field by its path (`milestone.3.done`, `budget.1.spent`), an item added or
/// removed (`target.2`), or a list reordered (`milestone.order`). Items are
/// matched as a merge matches them.
pub fn program_changes(before: &Program, after: &Program) -> Vec<Logged> {
    let mut out: Vec<Logged> = ProgramField::ALL
        .iter()
        .filter(|f| !f.same(before, after))
        .map(|f| {
            (
                after.id.clone(),
                f.name().to_string(),
                f.get(before),
                f.get(after),
            )
        })
        .collect();
    let id = &after.id;
    list_changes(id, &before.milestones, &after.milestones, &mut out);
    list_changes(id, &before.targets, &after.targets, &mut out);
    list_changes(id, &before.budget, &after.budget, &mut out);
    list_changes(id, &before.evidence, &after.evidence, &mut out);
    list_changes(id, &before.periods, &after.periods, &mut out);
    list_changes(id, &before.budget_changes, &after.budget_changes, &mut out);
    list_changes(id, &before.subactivities, &after.subactivities, &mut out);
    list_changes(id, &before.followups, &after.followups, &mut out);
    out
}

/// The changes inside one list; see [`program_changes`].
fn list_changes<T: Listed>(id: &str, before: &[T], after: &[T], out: &mut Vec<Logged>) {
    if before == after {
        return;
    }
    let (matched, _) = by_match(before, after, &[], T::KEYS);
    let mut kept = vec![false; before.len()];
    let mut order = Vec::with_capacity(after.len());
    let list = T::NAME;
    for (i, (ident, now)) in matched.iter().zip(after).enumerate() {
        let path = format!("{list}.{}", i + 1);
        match *ident {
            Ident::Base(b) => {
                kept[b] = true;
                order.push(b);
                for (field, old, new) in T::changed(&before[b], now) {
                    out.push((id.to_string(), format!("{path}.{field}"), old, new));
                }
            }
            _ => out.push((id.to_string(), path, "(none)".to_string(), now.summary())),
        }
    }
    for (b, was) in before.iter().enumerate().filter(|(b, _)| !kept[*b]) {
        out.push((
            id.to_string(),
            format!("{list}.{}", b + 1),
            was.summary(),
            "(deleted)".to_string(),
        ));
    }
    if order.windows(2).any(|w| w[0] > w[1]) {
        out.push((
            id.to_string(),
            format!("{list}.order"),
            String::new(),
            String::new(),
        ));
    }
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
    if before.evaluation != after.evaluation {
        out.push((
            "plan".to_string(),
            "evaluation".to_string(),
            show_evaluation(&before.evaluation),
            show_evaluation(&after.evaluation),
        ));
    }
    list_changes("plan", &before.followups, &after.followups, &mut out);
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
    // A programme renamed is one programme whose id changed, not a deletion and an addition.
    let renamed = renamed_programs(&before.programs, &after.programs);
    let was: HashMap<usize, usize> = renamed.iter().map(|&(b, a)| (a, b)).collect();
    let gone_as_renamed: std::collections::HashSet<usize> =
        renamed.iter().map(|&(b, _)| b).collect();
    for (a, pa) in after.programs.iter().enumerate() {
        let before_it = ib
            .get(pa.id.as_str())
            .or_else(|| was.get(&a))
            .map(|&i| &before.programs[i]);
        match before_it {
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
    for (b, pb) in before.programs.iter().enumerate() {
        if !ia.contains_key(pb.id.as_str()) && !gone_as_renamed.contains(&b) {
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
