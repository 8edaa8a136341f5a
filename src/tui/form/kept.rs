//! A form as a recovery file keeps it, and opened again from one.

use super::*;

impl Form {
    /// The form as a recovery file keeps it, if anything was typed in it.
    pub fn to_kept(&self) -> Option<crate::store::recovery::KeptForm> {
        if !self.fields.iter().any(Field::touched) {
            return None;
        }
        let (kind, at, index, new, template) = match &self.subject {
            Subject::Program { index, new } => {
                ("program", 0, *index, new.is_some(), new.as_deref().cloned())
            }
            Subject::Milestone {
                program,
                index,
                new,
            } => ("milestone", *program, *index, *new, None),
            Subject::Target {
                program,
                index,
                new,
            } => ("target", *program, *index, *new, None),
            Subject::Budget {
                program,
                index,
                new,
            } => ("budget", *program, *index, *new, None),
            Subject::Evidence {
                program,
                index,
                new,
            } => ("evidence", *program, *index, *new, None),
            Subject::Dimension { index } => ("dimension", *index, 0, false, None),
            Subject::Header => ("header", 0, 0, false, None),
            Subject::Score { year, aspect } => (
                "score",
                *aspect as usize,
                usize::try_from(*year).unwrap_or(0),
                false,
                None,
            ),
        };
        Some(crate::store::recovery::KeptForm {
            kind: kind.to_string(),
            at,
            index,
            new,
            template,
            fields: self
                .fields
                .iter()
                .map(|f| (f.key.name().to_string(), f.value()))
                .collect(),
        })
    }

    /// A kept form opened again on `plan` (the restored one) with the text
    /// that was typed; `None` when what it edited is not there.
    pub fn from_kept(
        kept: &crate::store::recovery::KeptForm,
        plan: &Plan,
        lang: Lang,
    ) -> Option<Form> {
        let blank_milestone = Milestone::default();
        let blank_target = Target {
            year: plan.period.end,
            ..Target::default()
        };
        let mut form = match (kept.kind.as_str(), kept.new) {
            ("program", true) => Form::program(
                plan,
                kept.index.min(plan.programs.len()),
                kept.template.as_ref()?,
                true,
                lang,
            ),
            ("program", false) => Form::program(
                plan,
                kept.index,
                plan.programs.get(kept.index)?,
                false,
                lang,
            ),
            ("milestone", new) => {
                let p = plan.programs.get(kept.at)?;
                let m = if new {
                    &blank_milestone
                } else {
                    p.milestones.get(kept.index)?
                };
                Form::milestone(
                    plan,
                    kept.at,
                    kept.index.min(p.milestones.len()),
                    m,
                    new,
                    lang,
                )
            }
            ("target", new) => {
                let p = plan.programs.get(kept.at)?;
                let x = if new {
                    &blank_target
                } else {
                    p.targets.get(kept.index)?
                };
                Form::target(plan, kept.at, kept.index.min(p.targets.len()), x, new, lang)
            }
            ("budget", new) => {
                let p = plan.programs.get(kept.at)?;
                let blank = Budget::default();
                let b = if new {
                    &blank
                } else {
                    p.budget.get(kept.index)?
                };
                Form::budget(plan, kept.at, kept.index.min(p.budget.len()), b, new, lang)
            }
            ("evidence", new) => {
                let p = plan.programs.get(kept.at)?;
                let blank = Evidence::default();
                let e = if new {
                    &blank
                } else {
                    p.evidence.get(kept.index)?
                };
                Form::evidence(
                    plan,
                    kept.at,
                    kept.index.min(p.evidence.len()),
                    e,
                    new,
                    lang,
                )
            }
            ("dimension", _) => Form::dimension(plan, kept.at, plan.dimensions.get(kept.at)?, lang),
            ("header", _) => Form::header(plan, lang),
            ("score", _) => Form::score(
                plan,
                i32::try_from(kept.index).ok()?,
                *Aspect::ALL.get(kept.at)?,
                lang,
            ),
            _ => return None,
        };
        for (name, value) in &kept.fields {
            if let Some(f) = form.fields.iter_mut().find(|f| f.key.name() == name) {
                f.set(value);
            }
        }
        form.refresh_choices(plan);
        form.check(plan);
        Some(form)
    }
}
