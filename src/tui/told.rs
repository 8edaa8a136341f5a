//! What an edit changed, in the officer's words, for the status bar: so a
//! form accepted, an undo or a redo says what it did, as `pantau log` would.

use crate::i18n::{Text, fill};
use crate::plan::edit::Edit;
use crate::text::escape;

/// The first thing `edit` changed (`GOV-01 milestone 2 done: no -> yes`),
/// and how many more things it changed after it.
pub(crate) fn what(edit: &Edit, t: &Text) -> String {
    match edit {
        Edit::Program {
            before: Some(before),
            after: Some(after),
            ..
        } => {
            let changes = crate::plan::merge::program_changes(before, after);
            let Some((subject, field, old, new)) = changes.first() else {
                return escape(&after.id).into_owned();
            };
            let first = format!("{} {}", escape(subject), t.logged_change(field, old, new));
            match changes.len() - 1 {
                0 => first,
                more => format!("{first}{}", fill(t.ui.c_more, &[&more])),
            }
        }
        Edit::Program {
            before: None,
            after: Some(after),
            ..
        } => fill(t.ui.c_added, &[&escape(&after.id)]),
        Edit::Program {
            before: Some(before),
            ..
        } => fill(t.ui.c_deleted, &[&escape(&before.id)]),
        Edit::Program { .. } => String::new(),
        Edit::Move { id, .. } => fill(t.ui.c_moved, &[&escape(id)]),
        Edit::Dimension { after, .. } => fill(t.ui.c_dimension, &[&escape(&after.id)]),
        Edit::Header { .. } => t.ui.c_header.to_string(),
        Edit::Whole { .. } => t.ui.c_whole.to_string(),
    }
}
