//! `pantau check`, `pantau summary` and `pantau init`: a plan looked at, in
//! brief, or made.

use super::{CommandError, Console, Settings};
use crate::i18n::fill;
use crate::report::overview as summary;
use crate::store;
use crate::text::escape_path;
use std::path::PathBuf;

/// `pantau check`: every problem in the plan; warnings on stderr, the
/// figures on stdout when it loads.
pub fn check(
    file: Option<PathBuf>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let path = settings.plan(file, io)?;
    let opened = store::Opened::open(&path)?;
    let doc = &opened.doc;
    for w in store::warnings(opened.text(), &doc.plan) {
        io.say(&format!("{}: {}", t.warning, w.render(&path, t)));
    }
    // Spending above the pagu is an error, yet the file opens: a plan that
    // was accepted yesterday must open today for the officer to fix it.
    let overspent = store::overspending(opened.text(), &doc.plan);
    for e in &overspent {
        io.say(&format!("{}: {}", t.error, e.render(&path, t)));
    }
    if store::git::driver_missing(&path) == Some(true) {
        io.say(&format!(
            "{}: {}",
            t.hint,
            fill(t.cli.check_no_driver, &[&escape_path(&path)])
        ));
    }
    if !overspent.is_empty() {
        return Err(CommandError::Overspent {
            path,
            count: overspent.len(),
        });
    }
    // Every line counts, read or not, as for sync; those git's record of
    // the merge under way does not bear out are said apart.
    let (_, open) = crate::plan::conflicts::recorded(&doc.preamble);
    if !open.is_empty() {
        let unchecked = store::git::check_conflicts(&path, &doc.preamble)
            .iter()
            .filter(|trusted| !**trusted)
            .count();
        if unchecked > 0 {
            io.say(&fill(t.cli.check_unchecked, &[&unchecked]));
        }
        return Err(CommandError::OpenConflicts {
            path,
            count: open.len(),
        });
    }
    let plan = &doc.plan;
    let milestones: usize = plan.programs.iter().map(|p| p.milestones.len()).sum();
    let targets: usize = plan.programs.iter().map(|p| p.targets.len()).sum();
    io.print(&format!(
        "{}\n",
        fill(
            t.load.check_ok,
            &[
                &escape_path(&path),
                &plan.programs.len(),
                &plan.dimensions.len(),
                &milestones,
                &targets
            ]
        )
    ))
}

/// `pantau summary`: the plain-text status summary for printing.
pub fn summary(
    file: Option<PathBuf>,
    dimension: Option<String>,
    width: usize,
    days: i32,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    if width < summary::MIN_WIDTH {
        return Err(CommandError::Width {
            min: summary::MIN_WIDTH,
        });
    }
    let path = settings.plan(file, io)?;
    let doc = store::load(&path)?;
    if let Some(id) = &dimension
        && doc.plan.dimension(id).is_none()
    {
        return Err(CommandError::UnknownDimension {
            given: id.clone(),
            valid: doc.plan.dimensions.iter().map(|d| d.id.clone()).collect(),
        });
    }
    let options = summary::Options {
        width,
        today: settings.today,
        lang: settings.lang,
        ascii: settings.ascii,
        dimension: dimension.as_deref(),
        days,
    };
    io.print(&summary::render(&doc.plan, &options))
}

/// `pantau init [FILE]`: the bundled example, written where no file is.
pub fn init(
    file: Option<PathBuf>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let path = match file {
        Some(path) => path,
        None => super::default_path()?,
    };
    match store::create_new(&path, store::EXAMPLE) {
        Ok(()) => io.print(&format!(
            "{}\n",
            fill(settings.text().cli.init_done, &[&escape_path(&path)])
        )),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(CommandError::InitExists(path))
        }
        Err(error) => Err(CommandError::Write { path, error }),
    }
}
