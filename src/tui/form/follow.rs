//! A form under another officer's save: the item it edits found again in the
//! new plan, the officer's typed text kept, others' changes marked.

use super::*;

impl Form {
    /// This form after the plan was reloaded from `old` to `new` under it
    /// (another officer saved): the same item found again in `new` (by id;
    /// milestones and targets as a merge matches them), fields the officer
    /// left alone showing the new values, fields they typed in keeping their
    /// text, and every field someone else changed marked with the value they
    /// saved, so nothing is written back or overwritten unseen.
    pub fn follow(&self, old: &Plan, new: &Plan) -> Form {
        let lang = self.lang;
        let t = lang.text();
        let renamed = std::cell::OnceCell::new();
        let program_at = |index: usize| {
            let id = &old.programs.get(index)?.id;
            new.programs.iter().position(|p| p.id == *id).or_else(|| {
                // Renamed meanwhile: the same programme under its new id.
                renamed
                    .get_or_init(|| {
                        crate::plan::merge::renamed_programs(&old.programs, &new.programs)
                    })
                    .iter()
                    .find(|&&(b, _)| b == index)
                    .map(|&(_, a)| a)
            })
        };
        let fresh = match &self.subject {
            Subject::Program { index, new: None } => match program_at(*index) {
                Some(i) => Some(Form::program(new, i, &new.programs[i], false, lang)),
                None => return self.gone_program(old.programs.get(*index)),
            },
            // Something new: nothing of it is in either plan; it only moves.
            Subject::Program {
                index,
                new: Some(template),
            } => {
                return self.clone_onto(Subject::Program {
                    index: (*index).min(new.programs.len()),
                    new: Some(template.clone()),
                });
            }
            Subject::Milestone {
                program,
                index,
                new: true,
            }
            | Subject::Target {
                program,
                index,
                new: true,
            }
            | Subject::Budget {
                program,
                index,
                new: true,
            }
            | Subject::Evidence {
                program,
                index,
                new: true,
            } => {
                let Some(i) = program_at(*program) else {
                    return self.gone_form();
                };
                let p = &new.programs[i];
                return self.clone_onto(match self.subject {
                    Subject::Milestone { .. } => Subject::Milestone {
                        program: i,
                        index: (*index).min(p.milestones.len()),
                        new: true,
                    },
                    Subject::Target { .. } => Subject::Target {
                        program: i,
                        index: (*index).min(p.targets.len()),
                        new: true,
                    },
                    Subject::Budget { .. } => Subject::Budget {
                        program: i,
                        index: (*index).min(p.budget.len()),
                        new: true,
                    },
                    _ => Subject::Evidence {
                        program: i,
                        index: (*index).min(p.evidence.len()),
                        new: true,
                    },
                });
            }
            Subject::Milestone { program, index, .. } => program_at(*program).and_then(|i| {
                let was = &old.programs[*program].milestones;
                let items = &new.programs[i].milestones;
                let at = find_again_in(was, *index, items, &MILESTONE_KEYS)?;
                Some(Form::milestone(new, i, at, &items[at], false, lang))
            }),
            Subject::Target { program, index, .. } => program_at(*program).and_then(|i| {
                let was = &old.programs[*program].targets;
                let items = &new.programs[i].targets;
                let at = find_again_in(was, *index, items, &TARGET_KEYS)?;
                Some(Form::target(new, i, at, &items[at], false, lang))
            }),
            Subject::Budget { program, index, .. } => program_at(*program).and_then(|i| {
                let was = &old.programs[*program].budget;
                let items = &new.programs[i].budget;
                let at = find_again_in(was, *index, items, &BUDGET_KEYS)?;
                Some(Form::budget(new, i, at, &items[at], false, lang))
            }),
            Subject::Evidence { program, index, .. } => program_at(*program).and_then(|i| {
                let was = &old.programs[*program].evidence;
                let items = &new.programs[i].evidence;
                let at = find_again_in(was, *index, items, &EVIDENCE_KEYS)?;
                Some(Form::evidence(new, i, at, &items[at], false, lang))
            }),
            Subject::Dimension { index } => old.dimensions.get(*index).and_then(|d| {
                let i = new.dimensions.iter().position(|n| n.id == d.id)?;
                Some(Form::dimension(new, i, &new.dimensions[i], lang))
            }),
            Subject::Header => Some(Form::header(new, lang)),
            Subject::Score { year, aspect } => Some(Form::score(new, *year, *aspect, lang)),
        };
        let Some(mut fresh) = fresh else {
            return self.gone_form();
        };
        let mut changed = Vec::new();
        for (now, before) in fresh.fields.iter_mut().zip(&self.fields) {
            if now.key != before.key {
                continue;
            }
            now.changed = before.changed.clone();
            if now.initial != before.initial {
                now.changed = Some(now.shown(t));
                changed.push(now.key.label(lang));
            }
            if before.touched() {
                // The officer's text stays, and is what Enter writes.
                now.input = before.input.clone();
            }
        }
        fresh.focus = self.focus;
        fresh.check(new);
        fresh.problem = if changed.is_empty() {
            self.problem.clone()
        } else {
            Some(fill(t.ui.e_form_changed, &[&changed.join(", ")]))
        };
        fresh
    }

    /// This form once someone else deleted what it edits: it says so and
    /// can only be closed.
    fn gone_form(&self) -> Form {
        let mut gone = self.clone_onto(self.subject.clone());
        gone.gone = true;
        gone.problem = Some(self.lang.text().ui.e_form_gone.to_string());
        gone
    }

    /// This form once someone else deleted the programme it edits: it says
    /// so and keeps the programme as it was, for Enter to add it again as a
    /// new one with the officer's text, or Esc to close.
    fn gone_program(&self, was: Option<&Program>) -> Form {
        let mut gone = self.gone_form();
        if let Some(was) = was {
            gone.revive = Some(Box::new(was.clone()));
            gone.problem = Some(fill(
                self.lang.text().ui.e_form_gone_program,
                &[&crate::text::escape(&was.id)],
            ));
        }
        gone
    }

    /// The same fields over another subject (a new item keeps what was typed).
    fn clone_onto(&self, subject: Subject) -> Form {
        Form {
            subject,
            fields: self.fields.clone(),
            focus: self.focus,
            problem: self.problem.clone(),
            gone: self.gone,
            revive: self.revive.clone(),
            leaving: self.leaving,
            lang: self.lang,
        }
    }
}
