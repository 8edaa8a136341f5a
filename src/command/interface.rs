//! `pantau [FILE]` and `pantau DIR`: the terminal interface on one plan, or
//! the province dashboard of every plan under a folder.

use super::{CommandError, Console, Settings};
use crate::i18n::fill;
use crate::store;
use crate::text::escape_path;
use crate::tui;
use crate::tui::app::{App, Session, Today};
use crate::tui::theme::Theme;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Opens the plan in the terminal interface until the officer quits.
pub fn interface(
    file: Option<PathBuf>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let path = settings.plan(file, io)?;
    // Validate up front so a broken file is reported as text, before
    // the screen is taken over.
    // The text read is not kept for the session: the interface keeps its
    // base as a plan (its undo history).
    let (doc, fingerprint, file) = {
        let opened = store::Opened::open(&path)?;
        (opened.doc, opened.fingerprint, opened.file)
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CommandError::NeedsTerminal);
    }
    let mut label = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if settings.demo {
        label = fill(t.cli.demo_label, &[&label]);
    }
    let today = if settings.today_given {
        Today::Given(settings.today)
    } else {
        Today::Clock(settings.today)
    };
    let conflict_lines = conflict_lines(&path, &doc.preamble);
    let history = store::audit::history_remembered(&path).unwrap_or_default();
    let mut app = App::open(
        doc,
        Session {
            ascii: settings.ascii,
            officer: settings.officer().unwrap_or_default().to_string(),
            keymap: settings.keymap.clone(),
            fingerprint,
            message: (history.tampered()).then(|| t.ui.e_history_tampered.to_string()),
            audit: history.entries,
            recovery_name: store::recovery::session_id(),
            recoveries: store::recovery::list(&path),
            merge_by: conflict_lines
                .is_some()
                .then(|| store::authors::merge_author(&path))
                .flatten(),
            conflict_lines,
            reports: Some(reports_folder(&path)),
            ..Session::new(label, today, settings.lang)
        },
    );
    let theme = Theme {
        mono: settings.effective.mono.value,
        ascii: settings.ascii,
        palette: settings.palette,
    };
    match tui::run(&mut app, &theme, &file) {
        Ok(tui::Ending::Quit) => Ok(()),
        Ok(tui::Ending::Stopped(kept)) => {
            // The terminal may be gone; stderr may still reach a log.
            if let Some(kept) = kept {
                io.say(&fill(t.cli.kept_for_recovery, &[&escape_path(&kept)]));
            }
            Err(CommandError::Stopped)
        }
        Err(e) => Err(CommandError::Terminal(e)),
    }
}

/// Where the interface's reports go: the plan's own folder, where the
/// officers who share the plan find them (and `--demo`'s private folder for
/// its copy), whatever folder pantau was started in.
fn reports_folder(plan: &Path) -> PathBuf {
    match plan.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `pantau DIR`: the province dashboard of every plan under the folder,
/// read-only; a region opens as its own dashboard.
pub fn province(dir: &Path, settings: &Settings) -> Result<(), CommandError> {
    let (lang, ascii) = (settings.lang, settings.ascii);
    let plans = store::load_province(&[dir.to_path_buf()], lang.text());
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CommandError::NeedsTerminal);
    }
    let mut province =
        tui::province::Province::new(dir.display().to_string(), plans, settings.today, lang);
    province.ascii = ascii;
    let theme = Theme::from_env(std::env::var_os("NO_COLOR"), ascii);
    match tui::run_province(&mut province, &theme) {
        Ok(tui::Ending::Quit) => Ok(()),
        Ok(tui::Ending::Stopped(_)) => Err(CommandError::Stopped),
        Err(e) => Err(CommandError::Terminal(e)),
    }
}

/// Which `// pantau-conflict` lines of the plan git's record of the merge
/// under way bears out; git is asked only when the plan holds such lines.
fn conflict_lines(path: &Path, preamble: &str) -> Option<Vec<bool>> {
    preamble
        .lines()
        .any(|l| l.starts_with(crate::plan::conflicts::MARK))
        .then(|| store::git::check_conflicts(path, preamble))
}
