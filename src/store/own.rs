//! Which paths are pantau's own files beside a plan, never to be written over by a report.

use std::fs;
use std::path::{Path, PathBuf};

/// Whether `output` is the plan at `plan` or one of the files pantau keeps
/// beside it: its audit log, backup, lock, the temporary files of a save,
/// or anything in a folder named after the plan (a journal). A report
/// written over one would erase the plan's history or stop its saves.
pub fn is_own_file(plan: &Path, output: &Path) -> bool {
    let outputs = [resolved(output), fs::canonicalize(output).ok()];
    // The plan as named and, through a symlink, the file it points at:
    // side files live beside the one a save writes.
    let plans = [resolved(plan), fs::canonicalize(plan).ok()];
    let pairs = plans
        .iter()
        .flatten()
        .flat_map(|p| outputs.iter().flatten().map(move |o| (p, o)));
    pairs.into_iter().any(|(plan, output)| {
        let (Some(dir), Some(name)) = (plan.parent(), plan.file_name()) else {
            return false;
        };
        let name = name.to_string_lossy();
        let Ok(inside) = output.strip_prefix(dir) else {
            return false;
        };
        let mut parts = inside.components().map(|c| c.as_os_str().to_string_lossy());
        let Some(first) = parts.next() else {
            return false;
        };
        let own_side = [
            format!("{name}.log"),
            format!("{name}.bak"),
            format!(".{name}.lock"),
        ];
        first == name
            || own_side.iter().any(|side| first == side.as_str())
            || first.starts_with(&format!(".{name}.pantau-"))
            || first.starts_with(&format!("{name}.bak.pantau-"))
            || ((first.starts_with(&format!("{name}.")) || first.starts_with(&format!(".{name}.")))
                && parts.next().is_some())
    })
}

/// `path` with its folder made absolute and free of links, its own name
/// kept as given: a report's file may not exist yet.
fn resolved(path: &Path) -> Option<PathBuf> {
    let dir = fs::canonicalize(super::write::parent_dir(path)).ok()?;
    Some(dir.join(path.file_name()?))
}
