//! `pantau import`: spreadsheets read and checked whole, and only then one
//! plan written.

use super::{CommandError, Console, Settings};
use crate::i18n::fill;
use crate::store;
use crate::text::{escape, escape_path};
use std::path::PathBuf;

/// Into `--into` as an edit (locked, merged with what a colleague saved
/// meanwhile, logged), or as a new file, or to stdout.
pub fn import(
    files: &[PathBuf],
    into: Option<PathBuf>,
    output: Option<PathBuf>,
    dry_run: bool,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    use crate::import;
    let (lang, t) = (settings.lang, settings.text());
    let s = &t.sheets;
    let mut read = Vec::new();
    for path in files {
        let shown = escape_path(path);
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if !matches!(
            extension.as_str(),
            "csv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods"
        ) {
            return Err(CommandError::ImportRead(fill(s.not_a_sheet, &[&shown])));
        }
        // A folder, a FIFO or a file of gigabytes is refused as a plan would be.
        let bytes = store::read_bytes(path)?;
        let sheets = if matches!(extension.as_str(), "csv" | "txt") {
            let text = String::from_utf8(bytes)
                .map_err(|_| CommandError::ImportRead(fill(s.not_utf8, &[&shown])))?;
            import::read_csv(&text).map(|sheet| vec![sheet])
        } else {
            import::read_workbook(bytes)
        }
        .map_err(|why| CommandError::ImportRead(read_error(&shown, &why, t)))?;
        read.push((path.display().to_string(), sheets));
    }
    if (read.iter()).any(|(_, sheets)| sheets.iter().any(import::is_monitoring)) {
        return monitoring(&read, into, dry_run, settings, io);
    }
    let loaded = match &into {
        Some(path) => Some(store::Opened::open(path)?),
        None => None,
    };
    // The plan read is the base as it stands: import copies it once, itself.
    let fresh;
    let base = match &loaded {
        Some(opened) => &opened.doc.plan,
        None => {
            fresh = store::new_plan();
            &fresh
        }
    };
    let imported = import::import(base, &read, lang).map_err(CommandError::Import)?;
    for w in &imported.warnings {
        io.say(&format!("{}: {}", t.warning, w.render(t)));
    }
    let (added, changed, kept) = (imported.added.len(), imported.changed.len(), imported.kept);
    let same = (imported.plan.programs.len()).saturating_sub(added + changed + kept);
    let summary = |plan: &str| {
        let line = fill(s.done, &[&plan, &added, &changed, &same, &kept]);
        format!("{line}\n")
    };
    let Some(mut opened) = loaded else {
        let text = crate::plan::canonical::to_ron(&imported.plan, "");
        return match output {
            _ if dry_run => io.print(&summary("-")),
            None => io.print(&text),
            Some(output) => match store::create_new(&output, &text) {
                Ok(()) => io.print(&summary(&escape_path(&output))),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(CommandError::OutputExists(output))
                }
                Err(error) => Err(CommandError::Write {
                    path: output,
                    error,
                }),
            },
        };
    };
    let shown = escape_path(opened.path());
    if imported.plan == opened.doc.plan {
        return io.print(&format!("{}\n", fill(s.unchanged, &[&shown])));
    }
    if dry_run {
        // Nothing is written, so the officer sees here what would go.
        for gone in import::removed(&opened.doc.plan, &imported.plan) {
            let line = match &gone {
                import::Removed::Milestone { program, title } => fill(
                    s.would_remove_milestone,
                    &[&escape(program), &escape(title)],
                ),
                import::Removed::Target {
                    program,
                    year,
                    indicator,
                } => fill(
                    s.would_remove_target,
                    &[&escape(program), year, &escape(indicator)],
                ),
                import::Removed::Budget { program, year } => {
                    fill(s.would_remove_budget, &[&escape(program), year])
                }
                import::Removed::Evidence { program, name } => {
                    fill(s.would_remove_evidence, &[&escape(program), &escape(name)])
                }
                import::Removed::Period { program, period } => {
                    fill(s.would_remove_period, &[&escape(program), period])
                }
                import::Removed::BudgetChange { program, change } => {
                    fill(s.would_remove_budget_change, &[&escape(program), change])
                }
                import::Removed::SubActivity { program, code } => fill(
                    s.would_remove_subactivity,
                    &[&escape(program), &escape(code)],
                ),
                import::Removed::Dimension(id) => fill(s.would_remove_dimension, &[&escape(id)]),
                import::Removed::Weights => s.would_remove_weights.to_string(),
                import::Removed::Score { year, aspect } => fill(
                    s.would_remove_score,
                    &[year, &crate::report::sheet::aspect_word(*aspect, lang)],
                ),
                import::Removed::Result(year) => fill(s.would_remove_result, &[year]),
                import::Removed::Survey(year) => fill(s.would_remove_survey, &[year]),
            };
            io.print(&format!("{line}\n"))?;
        }
        return io.print(&summary(&shown));
    }
    opened.doc.plan = imported.plan;
    super::set::save_edit(&opened, None, settings, io)?;
    io.print(&summary(&shown))
}

/// A monitoring workbook (SIPD, WP-SIPD) into `--into`: its rows matched
/// to programmes by sub-activity code, every row that matches none listed,
/// and saved as an edit; a dry run lists every change the log would get.
fn monitoring(
    read: &[(String, Vec<crate::import::RawSheet>)],
    into: Option<PathBuf>,
    dry_run: bool,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    use crate::import::{self, Problem, sipd};
    let t = settings.text();
    let s = &t.sheets;
    let Some(into) = into else {
        let file = read.first().map(|(f, _)| escape(f)).unwrap_or_default();
        return Err(CommandError::ImportRead(fill(s.sipd_needs_into, &[&file])));
    };
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let note = |file: &str, sheet: &Option<String>, message: String| Problem {
        file: file.to_string(),
        sheet: sheet.clone(),
        row: None,
        column: None,
        message,
    };
    for (file, sheets) in read {
        for sheet in sheets {
            if !import::is_monitoring(sheet) {
                warnings.push(note(file, &sheet.name, s.skipped_sheet.to_string()));
                continue;
            }
            match sipd::read(file, sheet, t) {
                Ok(got) => {
                    if !got.skipped.is_empty() {
                        let columns = got.skipped.join(", ");
                        let message = fill(s.sipd_skipped, &[&escape(&columns)]);
                        warnings.push(note(file, &sheet.name, message));
                    }
                    if got.headings > 0 {
                        let message = fill(s.sipd_headings, &[&got.headings]);
                        warnings.push(note(file, &sheet.name, message));
                    }
                    rows.extend(got.rows);
                }
                Err(mut p) => problems.append(&mut p),
            }
        }
    }
    if !problems.is_empty() {
        return Err(CommandError::Import(problems));
    }
    let mut opened = store::Opened::open(&into)?;
    let applied = sipd::apply(&opened.doc.plan, &rows, t).map_err(CommandError::Import)?;
    for w in &warnings {
        io.say(&format!("{}: {}", t.warning, w.render(t)));
    }
    // Never dropped: each row that matches no programme is named.
    for r in &applied.unmatched {
        let name = if r.name.is_empty() {
            "-"
        } else {
            r.name.as_str()
        };
        let p = Problem {
            file: r.file.clone(),
            sheet: r.sheet.clone(),
            row: Some(r.row),
            column: None,
            message: fill(s.sipd_unmatched, &[&escape(&r.code), &escape(name)]),
        };
        io.say(&format!("{}: {}", t.warning, p.render(t)));
    }
    for (program, code) in &applied.not_listed {
        let line = fill(s.sipd_not_listed, &[&escape(program), &escape(code)]);
        io.say(&format!("{}: {line}", t.warning));
    }
    let shown = escape_path(opened.path());
    let summary = fill(
        s.sipd_done,
        &[
            &shown,
            &applied.matched,
            &applied.programmes,
            &applied.unmatched.len(),
        ],
    );
    if applied.plan == opened.doc.plan {
        io.print(&format!("{summary}\n"))?;
        return io.print(&format!("{}\n", fill(s.unchanged, &[&shown])));
    }
    if dry_run {
        // Every change the audit log would get, removals included.
        let changes = crate::plan::merge::changes(&opened.doc.plan, &applied.plan);
        for (subject, field, old, new) in &changes {
            let said = t.logged_change(field, old, new);
            io.print(&format!("{}: {said}\n", escape(subject)))?;
        }
        return io.print(&format!("{summary}\n"));
    }
    opened.doc.plan = applied.plan;
    super::set::save_edit(&opened, None, settings, io)?;
    io.print(&format!("{summary}\n"))
}

/// Why `shown` could not be read, in the officer's words.
fn read_error(shown: &str, why: &crate::import::ReadError, t: &crate::i18n::Text) -> String {
    use crate::import::{ReadError, bounds, bounds::TooLarge};
    let s = &t.sheets;
    let mib = |bytes: u64| bytes / (1024 * 1024);
    let at = |sheet: &Option<String>| match sheet {
        Some(sheet) => format!("{shown}, {}", fill(s.at_sheet, &[&escape(sheet)])),
        None => shown.to_string(),
    };
    match why {
        ReadError::UnclosedQuote(row) => fill(s.unclosed_quote, &[&shown, row]),
        ReadError::Unreadable(why) => fill(s.unreadable, &[&shown, &escape(why)]),
        ReadError::TooLarge(TooLarge::Parts) => {
            fill(s.too_many_parts, &[&shown, &bounds::MAX_PARTS])
        }
        ReadError::TooLarge(TooLarge::Unpacked { part }) => fill(
            s.too_unpacked,
            &[&shown, &escape(part), &mib(bounds::MAX_UNPACKED_BYTES)],
        ),
        ReadError::TooLarge(TooLarge::Cells { sheet }) => {
            fill(s.too_many_cells, &[&at(sheet), &bounds::MAX_CELLS])
        }
        ReadError::TooLarge(TooLarge::Text { sheet }) => {
            fill(s.too_much_text, &[&at(sheet), &mib(bounds::MAX_TEXT_BYTES)])
        }
    }
}
