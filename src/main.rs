//! The pantau binary: parses the command line, reads the clock and the
//! environment, and runs a command. Everything else lives in the library.

use clap::Parser;
use pantau::cli::{Cli, Command};
use pantau::i18n::{Lang, Text, fill};
use pantau::plan::field::FieldPath;
use pantau::report::overview as summary;
use pantau::store::{self, LoadError};
use pantau::tui;
use pantau::tui::app::App;
use pantau::tui::theme::Theme;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes, as documented in `--help`.
const EXIT_FAILURE: u8 = 1;
const EXIT_INVALID: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::detect(cli.common.lang.map(Lang::from), |k| std::env::var(k).ok());
    let today = cli
        .common
        .today
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    match run(cli, lang, today) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid(message)) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_INVALID)
        }
        Err(Failure::Runtime(message)) => {
            if !message.is_empty() {
                eprintln!("{message}");
            }
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Why a command stopped: the user's input (exit 2) or the world (exit 1).
enum Failure {
    Invalid(String),
    Runtime(String),
}

impl Failure {
    /// A file that cannot be read for reasons outside the file (permissions, a
    /// disk error) is a runtime failure; anything wrong with the file is invalid input.
    fn from_load(error: LoadError, t: &Text) -> Failure {
        let message = error.render(t);
        match error {
            LoadError::Io { .. } => Failure::Runtime(message),
            _ => Failure::Invalid(message),
        }
    }
}

fn run(cli: Cli, lang: Lang, today: jiff::civil::Date) -> Result<(), Failure> {
    let t = lang.text();
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        // `pantau plan.ron check` would otherwise check the default plan.
        return Err(Failure::Invalid(format!(
            "{}: {}",
            t.error,
            fill(t.file_before_command, &[&file.display()])
        )));
    }
    match cli.command {
        Some(Command::Check { file }) => {
            let path = plan_path(file, t)?;
            let doc = store::load(&path, t).map_err(|e| Failure::from_load(e, t))?;
            let plan = &doc.plan;
            let milestones: usize = plan.programs.iter().map(|p| p.milestones.len()).sum();
            let targets: usize = plan.programs.iter().map(|p| p.targets.len()).sum();
            print(&format!(
                "{}\n",
                fill(
                    t.check_ok,
                    &[
                        &path.display(),
                        &plan.programs.len(),
                        &plan.dimensions.len(),
                        &milestones,
                        &targets
                    ]
                )
            ))
        }
        Some(Command::Summary {
            file,
            dimension,
            width,
            days,
        }) => {
            if width < summary::MIN_WIDTH {
                return Err(Failure::Invalid(format!(
                    "{}: {}",
                    t.error,
                    fill(t.bad_width, &[&summary::MIN_WIDTH])
                )));
            }
            let path = plan_path(file, t)?;
            let doc = store::load(&path, t).map_err(|e| Failure::from_load(e, t))?;
            if let Some(id) = &dimension
                && doc.plan.dimension(id).is_none()
            {
                let ids: Vec<&str> = doc.plan.dimensions.iter().map(|d| d.id.as_str()).collect();
                return Err(Failure::Invalid(format!(
                    "{}: {}",
                    t.error,
                    fill(
                        t.unknown_dimension_flag,
                        &[&pantau::text::escape(id), &ids.join(", ")]
                    )
                )));
            }
            let options = summary::Options {
                width,
                today,
                lang,
                ascii: cli.common.ascii,
                dimension: dimension.as_deref(),
                days,
            };
            print(&summary::render(&doc.plan, &options))
        }
        Some(Command::Set { file, id, changes }) => set(file, &id, &changes, t),
        Some(Command::Log {
            file,
            program,
            since,
        }) => log(file, program.as_deref(), since, t),
        Some(Command::Report(args)) => report(args, lang, today, cli.common.ascii),
        Some(Command::Init { file }) => {
            let path = match file {
                Some(path) => path,
                None => default_path(t)?,
            };
            match store::create_new(&path, store::EXAMPLE) {
                Ok(()) => print(&format!("{}\n", fill(t.init_done, &[&path.display()]))),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(Failure::Invalid(format!(
                        "{}: {}\n{}: {}",
                        t.error,
                        fill(t.init_exists, &[&path.display()]),
                        t.hint,
                        t.init_exists_hint
                    )))
                }
                Err(e) => Err(Failure::Runtime(format!(
                    "{}: {}",
                    t.error,
                    fill(t.save_failed, &[&path.display(), &e])
                ))),
            }
        }
        None => {
            let path = plan_path(cli.file, t)?;
            // Validate up front so a broken file is reported as text, before
            // the screen is taken over.
            let (doc, fingerprint) =
                store::load_with_fingerprint(&path, t).map_err(|e| Failure::from_load(e, t))?;
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return Err(Failure::Runtime(format!(
                    "{}: {}",
                    t.error, t.ui_needs_terminal
                )));
            }
            let label = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let mut app = App::new(doc, label, today, lang);
            app.ascii = cli.common.ascii;
            app.disk = fingerprint;
            app.audit = pantau::store::audit::read(&path).unwrap_or_default();
            // Edits kept from a session that ended badly are offered back first.
            if let Some(kept) = pantau::store::recovery::read(&path) {
                app.modal = Some(pantau::tui::app::Modal::Recover(Box::new(kept)));
            }
            let theme = Theme::from_env(std::env::var_os("NO_COLOR"), cli.common.ascii);
            match tui::run(&mut app, &theme, &path) {
                Ok(tui::Ending::Quit) => Ok(()),
                Ok(tui::Ending::Stopped(kept)) => {
                    // The terminal may be gone; stderr may still reach a log.
                    if let Some(kept) = kept {
                        eprintln!("{}", fill(t.kept_for_recovery, &[&kept.display()]));
                    }
                    Err(Failure::Runtime(String::new()))
                }
                Err(e) => Err(Failure::Runtime(format!("{}: {e}", t.error))),
            }
        }
    }
}

/// The file a command works on: the argument, else `$PANTAU_FILE`, else the
/// default plan in the data folder, created from the example the first time
/// so that a new user's very first command works.
fn plan_path(file: Option<PathBuf>, t: &Text) -> Result<PathBuf, Failure> {
    if let Some(path) = file {
        return Ok(path);
    }
    if let Some(path) = std::env::var_os("PANTAU_FILE").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    let path = default_path(t)?;
    if !path.exists() {
        create_default(&path, t)?;
    }
    Ok(path)
}

fn create_default(path: &Path, t: &Text) -> Result<(), Failure> {
    match store::create_new(path, store::EXAMPLE) {
        Ok(()) => {
            eprintln!("{}", fill(t.created_default, &[&path.display()]));
            Ok(())
        }
        // Another pantau created it a moment ago: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Failure::Runtime(format!(
            "{}: {}",
            t.error,
            fill(t.save_failed, &[&path.display(), &e])
        ))),
    }
}

fn default_path(t: &Text) -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("", "", "pantau")
        .map(|dirs| dirs.data_dir().join("masterplan.ron"))
        .ok_or_else(|| Failure::Invalid(format!("{}: {}", t.error, t.no_home)))
}

/// Writes to stdout; a closed pipe (`pantau summary | head`) is not an error.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Runtime(format!("stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// `pantau set`: every change is checked, then the whole plan, and only then
/// is the file written (atomically); on any error the file is left untouched.
fn set(file: Option<PathBuf>, id: &str, changes: &[String], t: &Text) -> Result<(), Failure> {
    let invalid = |message: String| Failure::Invalid(format!("{}: {message}", t.error));
    let path = plan_path(file, t)?;
    let (mut doc, fingerprint) =
        store::load_with_fingerprint(&path, t).map_err(|e| Failure::from_load(e, t))?;
    let base = doc.plan.clone();
    let index = doc
        .plan
        .programs
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| {
            invalid(fill(
                t.set_no_program,
                &[&pantau::text::escape(id), &path.display()],
            ))
        })?;
    let mut report = String::new();
    for change in changes {
        let Some((field, value)) = change.split_once('=') else {
            return Err(invalid(fill(
                t.set_not_assignment,
                &[&pantau::text::escape(change)],
            )));
        };
        let field = field.trim();
        let path =
            FieldPath::parse(field, &doc.plan.programs[index]).map_err(|e| invalid(e.render(t)))?;
        let before = path.get(&doc.plan.programs[index]);
        // Applied one by one, so `dimension=… element=…` sees the new dimension.
        let program = pantau::plan::field::set(&doc.plan, index, field, value, t)
            .map_err(|e| invalid(e.render(t)))?;
        let after = path.get(&program);
        doc.plan.programs[index] = program;
        let show = |v: Option<String>| pantau::text::escape(&v.unwrap_or_default()).into_owned();
        report.push_str(&format!(
            "{}: {field}: {} -> {}\n",
            pantau::text::escape(id),
            show(before),
            show(after)
        ));
    }
    let problems = pantau::plan::validate::validate(&doc.plan, t);
    if !problems.is_empty() {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("  {}", p.message))
            .collect();
        return Err(invalid(format!(
            "{}\n{}",
            t.set_invalid_result,
            list.join("\n")
        )));
    }
    // Another officer may have saved since we read the file: their changes are
    // merged with ours; only a field we both changed stops the save.
    let who = pantau::store::audit::Who::from_env(|k| std::env::var(k).ok(), now_rfc3339());
    match store::save_merging(&path, &base, fingerprint, &doc, &|_| None, &who, t) {
        Ok(store::Saved::Written { .. }) => print(&report),
        Ok(store::Saved::Conflicts(conflicts)) => {
            let list: Vec<String> = conflicts
                .iter()
                .map(|c| {
                    fill(
                        t.set_conflict,
                        &[
                            &pantau::text::escape(&c.subject),
                            &c.field,
                            &pantau::text::escape(&c.theirs),
                            &pantau::text::escape(&c.mine),
                        ],
                    )
                })
                .collect();
            Err(invalid(format!(
                "{}\n  {}",
                t.set_conflicts,
                list.join("\n  ")
            )))
        }
        Err(store::SaveError::Io(e)) => Err(Failure::Runtime(format!(
            "{}: {}",
            t.error,
            fill(t.save_failed, &[&path.display(), &e])
        ))),
        Err(e) => Err(invalid(fill(t.save_failed, &[&path.display(), &e]))),
    }
}

/// `pantau log`: the audit log, newest first, as plain text.
fn log(
    file: Option<PathBuf>,
    program: Option<&str>,
    since: Option<jiff::civil::Date>,
    t: &Text,
) -> Result<(), Failure> {
    let path = plan_path(file, t)?;
    if !path.exists() {
        return Err(Failure::Invalid(LoadError::NotFound(path).render(t)));
    }
    let entries = pantau::store::audit::read(&path).map_err(|e| {
        Failure::Runtime(format!(
            "{}: {}: {e}",
            t.error,
            pantau::store::audit::log_path(&path).display()
        ))
    })?;
    let since = since.map(|d| d.to_string());
    let mut out = String::new();
    for e in entries.iter().rev() {
        if program.is_some_and(|id| e.subject != id)
            || since
                .as_deref()
                .is_some_and(|s| e.when.get(..10).unwrap_or("") < s)
        {
            continue;
        }
        out.push_str(&pantau::store::audit::describe(e));
        out.push('\n');
    }
    if out.is_empty() {
        out = format!("{}\n", t.log_empty);
    }
    print(&out)
}

/// Now, in the local time zone, as RFC 3339 (for the audit log).
fn now_rfc3339() -> String {
    jiff::ZonedDateTime::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// `pantau report`: see `pantau::report`.
fn report(
    args: pantau::cli::ReportArgs,
    lang: Lang,
    today: jiff::civil::Date,
    ascii: bool,
) -> Result<(), Failure> {
    let t = lang.text();
    let invalid = |e: pantau::report::ReportError| {
        Failure::Invalid(format!("{}: {}", t.error, e.message(lang)))
    };
    // Usage errors (a bad status, width or separator) before touching any file.
    let request = args.request(ascii).map_err(invalid)?;
    let path = plan_path(args.file, t)?;
    if let Some(output) = &args.output
        && std::fs::canonicalize(output)
            .ok()
            .is_some_and(|o| std::fs::canonicalize(&path).is_ok_and(|p| p == o))
    {
        return Err(Failure::Invalid(format!(
            "{}: {}",
            t.error,
            fill(lang.report().e_output_is_plan, &[&output.display()])
        )));
    }
    let doc = store::load(&path, t).map_err(|e| Failure::from_load(e, t))?;
    let text = pantau::report::render(&doc.plan, &request, lang, today).map_err(invalid)?;
    match &args.output {
        None => print(&text),
        Some(output) => store::save(output, &text).map_err(|e| {
            Failure::Runtime(format!(
                "{}: {}",
                t.error,
                fill(t.save_failed, &[&output.display(), &e])
            ))
        }),
    }
}
