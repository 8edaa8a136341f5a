//! `pantau set`: fields of one programme changed from a script, saved as an
//! edit (locked, merged with what another officer saved meanwhile, logged).

use super::{CommandError, Console, Settings};
use crate::i18n::fill;
use crate::plan::field::FieldPath;
use crate::store;
use crate::text::{escape, escape_path};
use std::path::PathBuf;

/// Every change is checked, then the whole plan, and only then is the file
/// written (atomically); on any error the file is left untouched.
pub fn set(
    file: Option<PathBuf>,
    id: &str,
    changes: &[String],
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let path = settings.plan(file, io)?;
    // The text is kept rather than a second copy of the plan: it is parsed
    // again only if another officer saved meanwhile and a merge needs it.
    let mut opened = store::Opened::open(&path)?;
    let doc = &mut opened.doc;
    let index = doc
        .plan
        .programs
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| CommandError::NoProgram {
            id: id.to_string(),
            path: path.clone(),
            near: crate::text::nearest(id, doc.plan.programs.iter().map(|p| p.id.as_str()))
                .map(str::to_string),
        })?;
    let before = doc.plan.programs[index].clone();
    // `36.500` in Indonesian is thirty-six thousand five hundred; in English
    // it is refused with both readings (`Lang::typed_convention`), unless
    // the configuration's `numbers` says how the officer writes figures.
    let words = crate::i18n::Writing(settings.typed_convention());
    let mut report = String::new();
    for change in changes {
        let Some((field, value)) = change.split_once('=') else {
            return Err(CommandError::NotAssignment(change.clone()));
        };
        let field = field.trim();
        let at = FieldPath::parse(field, &doc.plan.programs[index]).map_err(CommandError::Field)?;
        let before = at.get(&doc.plan.programs[index]);
        // Applied one by one, so `dimension=… element=…` sees the new dimension.
        let program = crate::plan::field::set(&doc.plan, index, field, value, &words)
            .map_err(CommandError::Field)?;
        let after = at.get(&program);
        doc.plan.programs[index] = program;
        // Said as the audit log says it, in the officer's language:
        // "status: Berjalan -> Selesai", not the data file's InProgress.
        report.push_str(&format!(
            "{}: {}\n",
            escape(id),
            t.logged_change(
                field,
                &before.unwrap_or_default(),
                &after.unwrap_or_default()
            )
        ));
    }
    // A follow-up added here is dated today unless the officer said
    // otherwise, so a deadline before the day it was set is refused.
    let added = before.followups.len()..;
    if let Some(new) = doc.plan.programs[index].followups.get_mut(added) {
        for f in new.iter_mut().filter(|f| f.created.is_empty()) {
            f.created = settings.today.to_string();
        }
    }
    // The plan was valid as loaded; only this program changed.
    let mut problems = crate::plan::validate::validate_program(&doc.plan, index);
    problems.extend(crate::plan::validate::overspending_added(
        index,
        Some(&before),
        &doc.plan.programs[index],
    ));
    if !problems.is_empty() {
        return Err(CommandError::SetInvalid(problems));
    }
    // Another officer may have saved since we read the file: their changes are
    // merged with ours; only a field we both changed stops the save.
    let changes = crate::plan::merge::program_changes(&before, &doc.plan.programs[index]);
    save_edit(&opened, Some(changes), settings, io)?;
    io.print(&report)
}

/// Saves the edit a command made to the plan it opened: locked, merged
/// with what another officer saved meanwhile (a field both changed stops
/// it), logged under this officer. A log that could not be written is said
/// on stderr; the plan is saved all the same.
pub(super) fn save_edit(
    opened: &store::Opened,
    changes: Option<Vec<store::Change>>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let who = store::audit::Who::named(settings.officer(), super::now_rfc3339());
    let mut waiting = |_: store::safe::Waiting| {
        let since = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
        io.say(&fill(t.cli.save_waiting, &[&since]));
    };
    let path = opened.path();
    match opened.save(changes, &who, &mut waiting) {
        Ok(store::Saved::Written {
            log_error,
            backup,
            renamed,
            ..
        }) => {
            for r in &renamed {
                io.say(&r.message(t));
            }
            if let Some(e) = log_error {
                let log = escape_path(&store::journal::folder(path));
                io.say(&fill(t.cli.log_failed, &[&log, &escape(&e.to_string())]));
            }
            if let Some(backup) = backup {
                io.say(&backup.render(t));
            }
            Ok(())
        }
        Ok(store::Saved::Conflicts(conflicts)) => Err(CommandError::Conflicts(conflicts)),
        Err(error) => Err(CommandError::Save {
            path: path.to_path_buf(),
            error,
        }),
    }
}
