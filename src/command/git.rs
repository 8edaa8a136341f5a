//! The plan shared through git: `pantau git setup`, `pantau sync`, and git's
//! merge driver `pantau merge-driver`.

use super::{CommandError, Console, Settings};
use crate::i18n::fill;
use crate::store::{self, SaveError};
use crate::text::{escape, escape_path};
use std::path::{Path, PathBuf};

/// `pantau git setup [FILE]`: registers the merge driver, and says what it did.
pub fn git_setup(
    file: Option<PathBuf>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let path = settings.plan(file, io)?;
    // The plan must be one pantau reads before git is told to merge it.
    store::load(&path)?;
    let exe = std::env::current_exe().map_err(CommandError::Stdout)?;
    let done = store::git::setup(&path, &exe).map_err(CommandError::Git)?;
    let root = escape_path(&done.root);
    let attribute = escape(&done.attribute);
    let lines = [
        fill(
            if done.attribute_added {
                t.cli.gs_attribute_added
            } else {
                t.cli.gs_attribute_kept
            },
            &[&attribute, &root],
        ),
        fill(
            if done.driver_set {
                t.cli.gs_driver_set
            } else {
                t.cli.gs_driver_kept
            },
            &[&escape(&done.driver)],
        ),
        format!("{}: {}", t.hint, t.cli.gs_commit_hint),
    ];
    io.print(&format!("{}\n", lines.join("\n")))
}

/// `pantau sync [FILE] [--bundle PATH]`: says plainly what went in and out.
pub fn sync(
    file: Option<PathBuf>,
    bundle: Option<PathBuf>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let path = settings.plan(file, io)?;
    store::load(&path)?;
    let who = store::audit::Who::named(settings.officer(), super::now_rfc3339());
    let done = store::git::sync(&path, bundle.as_deref(), &who).map_err(CommandError::Git)?;
    let remote = escape(&done.remote);
    let mut lines = vec![match &done.committed {
        Some(message) => fill(t.cli.sy_committed, &[&escape(message)]),
        None => t.cli.sy_nothing_new.to_string(),
    }];
    if done.came_in > 0 {
        lines.push(fill(t.cli.sy_came_in, &[&done.came_in, &remote]));
    }
    if done.went_out > 0 {
        lines.push(fill(t.cli.sy_went_out, &[&done.went_out, &remote]));
    }
    let stopped = done.conflicts || done.offline.is_some() || done.refused.is_some();
    if done.conflicts {
        lines.push(fill(t.cli.sy_conflicts, &[&escape_path(&path)]));
    } else if let Some(why) = &done.offline {
        lines.push(fill(t.cli.sy_offline, &[&remote, &escape(why)]));
    } else if let Some(why) = &done.refused {
        lines.push(fill(t.cli.sy_refused, &[&remote, &escape(why)]));
    } else if done.came_in == 0 && done.went_out == 0 {
        lines.push(fill(t.cli.sy_up_to_date, &[&remote]));
    }
    io.print(&format!("{}\n", lines.join("\n")))?;
    if stopped {
        Err(CommandError::SyncStopped)
    } else {
        Ok(())
    }
}

/// `pantau merge-driver %O %A %B %P`: git's merge of two versions of a plan.
/// Writes the result over `ours` (whole or not at all); an error leaves
/// `ours` as it was, so git reports a conflict and nothing is lost.
pub fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<String>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let name = name.unwrap_or_else(|| ours.display().to_string());
    let (ours_doc, theirs_doc) = (store::load(ours)?, store::load(theirs)?);
    // Without a common ancestor (both branches added the file) git gives
    // an empty one: every item is then new on both sides.
    let base_doc = match std::fs::metadata(base) {
        Ok(meta) if meta.len() == 0 => store::Document {
            plan: crate::plan::model::Plan {
                dimensions: Vec::new(),
                programs: Vec::new(),
                ..ours_doc.plan.clone()
            },
            preamble: String::new(),
        },
        _ => store::load(base)?,
    };
    let merged = crate::plan::conflicts::merge_for_git(
        (&base_doc.plan, &base_doc.preamble),
        (&ours_doc.plan, &ours_doc.preamble),
        (&theirs_doc.plan, &theirs_doc.preamble),
        store::git::blobs([base, ours, theirs], &name).as_ref(),
    );
    let problems = crate::plan::validate::validate(&merged.plan);
    if !problems.is_empty() {
        return Err(CommandError::Save {
            path: ours.to_path_buf(),
            error: SaveError::Invalid(problems),
        });
    }
    let text = crate::plan::canonical::to_ron(&merged.plan, &merged.comment);
    store::save_report(ours, text.as_bytes(), true).map_err(|e| CommandError::output(ours, e))?;
    for r in &merged.renamed {
        io.say(&r.message(t));
    }
    for c in &merged.kept {
        if c.field == crate::plan::merge::Field::Presence {
            io.say(&fill(t.cli.md_kept, &[&escape(&c.item(t))]));
        }
    }
    if merged.open.is_empty() {
        io.say(&fill(t.cli.md_merged, &[&escape(&name)]));
        Ok(())
    } else {
        Err(CommandError::MergeConflicts {
            name,
            conflicts: merged.open,
        })
    }
}
