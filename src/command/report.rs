//! `pantau report` and `pantau rollup`: reports of one plan, and the
//! province's table of many.

use super::{CommandError, Console, Settings};
use crate::report::{Format, ReportError, Request, rollup};
use crate::store;
use std::io::IsTerminal;
use std::path::PathBuf;

/// `pantau report`: see `crate::report`; to standard output, or to
/// `output` (replaced only when `force`).
pub fn report(
    request: &Request,
    file: Option<PathBuf>,
    output: Option<PathBuf>,
    force: bool,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let path = settings.plan(file, io)?;
    if let Some(output) = &output
        && store::is_own_file(&path, output)
    {
        return Err(CommandError::OutputIsPlan(output.clone()));
    }
    // A workbook's bytes would land on the terminal as control characters.
    if request.format == Format::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        return Err(CommandError::Report(ReportError::Binary));
    }
    let doc = store::load(&path)?;
    let bytes = crate::report::render_bytes(&doc.plan, request, settings.lang, settings.today)?;
    match output {
        None => io.print_bytes(&bytes),
        Some(path) => {
            store::save_report(&path, &bytes, force).map_err(|e| CommandError::output(&path, e))
        }
    }
}

/// `pantau rollup DIR|FILE…`: the province's table; plans that fail to load
/// are listed with their error and never stop the rest.
pub fn rollup(
    given: &[PathBuf],
    format: Format,
    section: Option<rollup::Section>,
    width: usize,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let loaded = store::load_province(given, settings.text());
    let regions: Vec<rollup::Region> = loaded
        .iter()
        .map(|(path, result)| rollup::Region {
            file: path.display().to_string(),
            plan: result.as_ref().map(|doc| &doc.plan).map_err(String::clone),
        })
        .collect();
    let glyphs = crate::text::Glyphs::of(settings.ascii);
    io.print(&rollup::render_section(
        &regions,
        format,
        section,
        settings.lang,
        settings.today,
        width,
        glyphs,
    ))?;
    // The rollup is printed whole, failed plans listed in it; the exit code
    // and standard error say so too, for a script that reads only those.
    let failed: Vec<(String, String)> = (regions.iter())
        .filter_map(|r| Some((r.file.clone(), r.plan.as_ref().err()?.clone())))
        .collect();
    if failed.is_empty() {
        return Ok(());
    }
    Err(CommandError::NotAllLoaded {
        failed,
        total: regions.len(),
    })
}
