//! Undo's rebase: an edit recorded on an earlier plan made to fit the plan
//! as it is now, three ways through the merge, or the conflicts that stop it.

use super::*;

/// `edit`, recorded on an earlier plan, made to fit `plan`, which may have
/// changed under it since (another officer's save merged in, a reload): the
/// same change to the same items, found by id, applied three ways so that
/// what others changed meanwhile stays. An edit whose items are unchanged
/// comes back as it was. `Err` holds what someone else changed in the same
/// fields (or the item they deleted): the edit no longer applies.
pub fn rebase(edit: &Edit, plan: &Plan) -> Result<Edit, Vec<Conflict>> {
    let mut asker = Asker {
        decide: &|_| None,
        open: Vec::new(),
        renamed: Vec::new(),
    };
    let gone = |subject: Subject, mine: String| {
        vec![Conflict {
            subject,
            field: Field::Presence,
            mine: Some(mine),
            theirs: None,
            by: None,
            changed: Vec::new(),
        }]
    };
    let find = |index: usize, id: &str| match plan.programs.get(index) {
        Some(p) if p.id == id => Some(index),
        _ => plan.programs.iter().position(|p| p.id == id),
    };
    let rebased = match edit {
        Edit::Program {
            index,
            before: Some(before),
            after,
        } => {
            let subject = before.subject(&Subject::Plan, 0);
            let Some(at) = find(*index, &before.id) else {
                return Err(gone(subject, before.summary()));
            };
            let now = &plan.programs[at];
            match after {
                _ if now == &**before => Edit::Program {
                    index: at,
                    before: Some(before.clone()),
                    after: after.clone(),
                },
                // A removal of a programme someone has changed since.
                None => {
                    return Err(vec![Conflict {
                        subject,
                        field: Field::Presence,
                        mine: None,
                        theirs: Some(now.summary()),
                        by: None,
                        changed: Vec::new(),
                    }]);
                }
                Some(after) => Edit::Program {
                    index: at,
                    before: Some(Box::new(now.clone())),
                    after: Some(Box::new(Program::merge3(
                        &mut asker,
                        &subject,
                        Some(before),
                        after,
                        now,
                    ))),
                },
            }
        }
        Edit::Program {
            index,
            before: None,
            after: Some(after),
        } => {
            if plan.program(&after.id).is_some() {
                return Err(vec![Conflict {
                    subject: after.subject(&Subject::Plan, 0),
                    field: Field::Program(ProgramField::Id),
                    mine: Some(after.id.clone()),
                    theirs: Some(after.id.clone()),
                    by: None,
                    changed: Vec::new(),
                }]);
            }
            Edit::Program {
                index: (*index).min(plan.programs.len()),
                before: None,
                after: Some(after.clone()),
            }
        }
        Edit::Program { .. } => edit.clone(),
        Edit::Move { id, from, to } => {
            let Some(at) = find(*from, id) else {
                return Err(gone(
                    Subject::Program {
                        id: id.clone(),
                        name: String::new(),
                    },
                    id.clone(),
                ));
            };
            let last = plan.programs.len() - 1;
            let to = (at + to).saturating_sub(*from).min(last);
            Edit::Move {
                id: id.clone(),
                from: at,
                to,
            }
        }
        Edit::Dimension {
            index,
            before,
            after,
        } => {
            let subject = before.subject(&Subject::Plan, 0);
            let at = match plan.dimensions.get(*index) {
                Some(d) if d.id == before.id => Some(*index),
                _ => plan.dimensions.iter().position(|d| d.id == before.id),
            };
            let Some(at) = at else {
                return Err(gone(subject, before.summary()));
            };
            let now = &plan.dimensions[at];
            if now == before {
                return Ok(Edit::Dimension {
                    index: at,
                    before: before.clone(),
                    after: after.clone(),
                });
            }
            Edit::Dimension {
                index: at,
                before: now.clone(),
                after: Dimension::merge3(&mut asker, &subject, Some(before), after, now),
            }
        }
        Edit::Header { before, .. } if **before == Header::of(plan) => edit.clone(),
        Edit::Header { before, after } => {
            let now = Header::of(plan);
            Edit::Header {
                after: Box::new(merge_header(&mut asker, before, after, &now)),
                before: Box::new(now),
            }
        }
        // Nothing changed under it: exactly as recorded.
        Edit::Whole { before, .. } if **before == *plan => edit.clone(),
        Edit::Whole { before, after } => Edit::Whole {
            before: Box::new(plan.clone()),
            after: Box::new(merge_plan(&mut asker, before, after, plan)),
        },
    };
    if asker.open.is_empty() {
        Ok(rebased)
    } else {
        Err(asker.open)
    }
}
