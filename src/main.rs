//! The pantau binary, the edge: parses the command line, reads the clock and
//! the environment, runs a command, and turns every failure into one message
//! and an exit code in one place (`CommandError`). Everything else lives in
//! the library.

use pantau::cli::{Cli, Command};
use pantau::config;
use pantau::i18n::{Lang, Text, fill};
use pantau::plan::field::{FieldError, FieldPath};
use pantau::plan::merge::{Choice, Conflict};
use pantau::plan::validate::Problem;
use pantau::report::ReportError;
use pantau::report::overview as summary;
use pantau::store::{self, LoadError, SaveError};
use pantau::text::{escape, escape_path};
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
    let env = |k: &str| std::env::var(k).ok();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The configuration is read before the command line, whose help may be
    // in the language it names; its own messages are in the language the
    // flag or the locale name.
    let early = pantau::cli::lang_in_args(&args).or_else(|| config::locale_lang(&env).map(|l| l.0));
    let config_path = config::location(env);
    let config = match &config_path {
        Some(path) => config::load(path, early.unwrap_or(Lang::En)),
        None => Ok(None),
    };
    let loaded = config.as_ref().ok().and_then(Option::as_ref);
    let help_lang = early
        .or_else(|| loaded.and_then(|l| l.config.lang))
        .unwrap_or(Lang::En);
    let mut cli = match pantau::cli::parse(args, help_lang) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, help_lang),
    };
    cli.common.ascii |= Lang::locale_is_ascii(env);
    let flags = config::Flags {
        lang: cli.common.lang.map(Lang::from),
        officer: cli.common.officer.clone(),
        demo: cli.common.demo,
    };
    let effective = config::resolve(&flags, &env, loaded, config_path.as_deref());
    let lang = effective.lang.value;
    let config_error = config.err();
    // `pantau config` shows it as its error; every other command warns and
    // goes on with the built-in settings.
    if let Some(error) = &config_error
        && !matches!(cli.command, Some(Command::Config))
    {
        let t = lang.text();
        eprintln!("{}", error.render(t.warning, t));
    }
    if let (Some(plan), config::Source::File(_)) = (&effective.plan.value, &effective.plan.from) {
        let _ = CONFIG_PLAN.set(plan.clone());
    }
    let today = cli
        .common
        .today
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let settings = Settings {
        effective,
        path: config_path,
        error: config_error,
    };
    match run(cli, lang, today, settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let message = error.render(lang);
            if !message.is_empty() {
                eprintln!("{message}");
            }
            ExitCode::from(error.exit_code())
        }
    }
}

/// clap's help, version and usage errors, printed as clap would but with
/// everything escaped: a usage error echoes what was typed, and what was
/// typed may hold an escape sequence.
fn usage_error(e: &clap::Error, lang: Lang) -> ExitCode {
    let text: String = pantau::cli::render_error(e, lang)
        .split('\n')
        .map(|line| escape(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    if e.use_stderr() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(EXIT_INVALID))
}

/// Why a command stopped. Every failure of every command is one of these,
/// carried typed to here and rendered in one place, [`CommandError::render`],
/// in the officer's language, with a hint where there is something to do.
enum CommandError {
    Load(LoadError),
    /// `pantau plan.ron check`: the file before the command.
    FileBeforeCommand(PathBuf),
    Width {
        min: usize,
    },
    UnknownDimension {
        given: String,
        valid: Vec<String>,
    },
    InitExists(PathBuf),
    /// `--demo` together with a plan file.
    DemoWithFile(PathBuf),
    NoHome,
    NeedsTerminal,
    NoProgram {
        id: String,
        path: PathBuf,
        /// The plan's id nearest to the one given, if one is near.
        near: Option<String>,
    },
    NotAssignment(String),
    /// `pantau set FILE ID` without a change.
    NoChanges {
        file: String,
        id: String,
    },
    /// `pantau help TOPIC` of no command and not `format`.
    UnknownTopic {
        given: String,
        topics: String,
        meant: Option<String>,
    },
    /// A FILE that is no file and near a command's name.
    UnknownCommand {
        given: String,
        meant: String,
    },
    Field(FieldError),
    /// The plan would not be valid after `set`'s changes.
    SetInvalid(Vec<Problem>),
    Conflicts(Vec<Conflict>),
    /// Git's merge driver left fields for a person (git then reports a conflict).
    MergeConflicts {
        name: String,
        conflicts: Vec<Conflict>,
    },
    Git(store::git::GitError),
    /// `sync` stopped with nothing lost: a merge left questions, or the
    /// remote could not be reached. What it did is already printed.
    SyncStopped,
    /// `check`: the plan still lists merge conflicts.
    OpenConflicts {
        path: PathBuf,
        count: usize,
    },
    Save {
        path: PathBuf,
        error: SaveError,
    },
    /// Writing a file other than the plan: `init`, a report's `--output`.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    Log {
        path: PathBuf,
        error: std::io::Error,
    },
    Report(ReportError),
    OutputIsPlan(PathBuf),
    OutputExists(PathBuf),
    OutputRefused(store::safe::Refused),
    Stdout(std::io::Error),
    Terminal(std::io::Error),
    /// The interface was stopped (the link dropped); it has said what it kept.
    Stopped,
    /// `pantau config`: the configuration file is not used.
    Config(config::ConfigError),
    /// `pantau import`: a file that is not a spreadsheet pantau reads; the
    /// message names it.
    ImportRead(String),
    /// `pantau import`: every cell that is wrong, by file, sheet, row, column.
    Import(Vec<pantau::report::import::Problem>),
}

impl CommandError {
    /// A file other than the plan (a report, a merge) was not written.
    fn output(path: &Path, e: store::OutputError) -> CommandError {
        match e {
            store::OutputError::Exists(path) => CommandError::OutputExists(path),
            store::OutputError::Refused(refused) => CommandError::OutputRefused(refused),
            store::OutputError::Io(error) => CommandError::Write {
                path: path.to_path_buf(),
                error,
            },
        }
    }

    /// 2 for something the user can fix in what they typed or wrote, 1 for
    /// the world (permissions, a full disk, a lost terminal).
    fn exit_code(&self) -> u8 {
        match self {
            CommandError::Load(LoadError::Io { .. })
            | CommandError::NeedsTerminal
            | CommandError::Write { .. }
            | CommandError::Log { .. }
            | CommandError::Stdout(_)
            | CommandError::Terminal(_)
            | CommandError::Stopped
            | CommandError::MergeConflicts { .. }
            | CommandError::SyncStopped
            | CommandError::Save {
                error:
                    SaveError::Io(_)
                    | SaveError::Busy
                    | SaveError::ReadOnly(_)
                    | SaveError::Replaced { .. },
                ..
            } => EXIT_FAILURE,
            _ => EXIT_INVALID,
        }
    }

    fn render(&self, lang: Lang) -> String {
        let t = lang.text();
        let esc = |s: &str| escape(s).into_owned();
        let error = |message: String| format!("{}: {message}", t.error);
        let with_hint =
            |message: String, hint: &str| format!("{}: {message}\n{}: {hint}", t.error, t.hint);
        match self {
            CommandError::Load(e) => e.render(t),
            CommandError::FileBeforeCommand(file) => {
                error(fill(t.cli.file_before_command, &[&escape_path(file)]))
            }
            CommandError::DemoWithFile(file) => {
                error(fill(t.cli.demo_with_file, &[&escape_path(file)]))
            }
            CommandError::Width { min } => error(fill(t.cli.bad_width, &[min])),
            CommandError::UnknownDimension { given, valid } => error(fill(
                t.cli.unknown_dimension_flag,
                &[&esc(given), &esc(&valid.join(", "))],
            )),
            CommandError::InitExists(path) => with_hint(
                fill(t.cli.init_exists, &[&escape_path(path)]),
                t.cli.init_exists_hint,
            ),
            CommandError::NoHome => error(t.cli.no_home.to_string()),
            CommandError::NeedsTerminal => error(t.cli.ui_needs_terminal.to_string()),
            CommandError::NoProgram { id, path, near } => {
                let message = fill(t.cli.set_no_program, &[&esc(id), &escape_path(path)]);
                match near {
                    Some(near) => with_hint(message, &fill(t.cli.did_you_mean, &[&esc(near)])),
                    None => error(message),
                }
            }
            CommandError::NoChanges { file, id } => {
                error(fill(t.cli.set_no_changes, &[&esc(file), &esc(id)]))
            }
            CommandError::UnknownTopic {
                given,
                topics,
                meant,
            } => {
                let message = fill(t.cli.unknown_topic, &[&esc(given), topics]);
                match meant {
                    Some(m) => with_hint(message, &fill(t.cli.did_you_mean, &[&esc(m)])),
                    None => error(message),
                }
            }
            CommandError::UnknownCommand { given, meant } => with_hint(
                fill(t.cli.unknown_command, &[&esc(given)]),
                &fill(t.cli.did_you_mean_command, &[&esc(meant)]),
            ),
            CommandError::NotAssignment(change) => {
                error(fill(t.cli.set_not_assignment, &[&esc(change)]))
            }
            CommandError::Field(e) => error(e.render(t)),
            CommandError::ImportRead(message) => error(message.clone()),
            CommandError::Import(problems) => {
                let mut out: Vec<String> = problems.iter().map(|p| error(p.render(t))).collect();
                out.push(format!("{}: {}", t.hint, t.sheets.nothing_written));
                out.join("\n")
            }
            CommandError::SetInvalid(problems) => {
                let list: Vec<String> = problems
                    .iter()
                    .map(|p| format!("  {}", p.message))
                    .collect();
                error(format!("{}\n{}", t.cli.set_invalid_result, list.join("\n")))
            }
            CommandError::Conflicts(conflicts) => {
                let list: Vec<String> = conflicts
                    .iter()
                    .map(|c| {
                        fill(
                            t.cli.set_conflict,
                            &[
                                &esc(&c.item(t)),
                                &c.label(lang),
                                &esc(&c.show(Choice::Theirs, lang)),
                                &esc(&c.show(Choice::Mine, lang)),
                                &esc(&c.author(t)),
                            ],
                        )
                    })
                    .collect();
                error(format!("{}\n  {}", t.cli.set_conflicts, list.join("\n  ")))
            }
            CommandError::MergeConflicts { name, conflicts } => {
                let list: Vec<String> = conflicts
                    .iter()
                    .map(|c| {
                        fill(
                            t.cli.md_conflict,
                            &[
                                &esc(&c.item(t)),
                                &c.label(lang),
                                &esc(&c.show(Choice::Mine, lang)),
                                &esc(&c.show(Choice::Theirs, lang)),
                            ],
                        )
                    })
                    .collect();
                format!(
                    "{}\n  {}",
                    fill(t.cli.md_conflicts, &[&esc(name), &conflicts.len()]),
                    list.join("\n  ")
                )
            }
            CommandError::Git(e) => error(e.render(t)),
            CommandError::SyncStopped => String::new(),
            CommandError::OpenConflicts { path, count } => {
                error(fill(t.cli.check_conflicts, &[&escape_path(path), count]))
            }
            CommandError::Save { path, error: e } => error(e.render(path, t)),
            CommandError::Write { path, error: e } => {
                error(fill(t.cli.save_failed, &[&escape_path(path), e]))
            }
            CommandError::Log { path, error: e } => error(format!("{}: {e}", escape_path(path))),
            CommandError::Report(e) => error(e.message(lang)),
            CommandError::OutputIsPlan(output) => error(fill(
                lang.report().e_output_is_plan,
                &[&escape_path(output)],
            )),
            CommandError::OutputExists(path) => {
                error(fill(lang.report().e_output_exists, &[&escape_path(path)]))
            }
            CommandError::OutputRefused(refused) => error(fill(
                lang.report().e_output_refused,
                &[&escape_path(refused.path())],
            )),
            CommandError::Stdout(e) => error(fill(t.cli.e_stdout, &[e])),
            CommandError::Terminal(e) => error(e.to_string()),
            CommandError::Stopped => String::new(),
            CommandError::Config(e) => e.render(t.error, t),
        }
    }
}

impl From<LoadError> for CommandError {
    fn from(error: LoadError) -> CommandError {
        CommandError::Load(error)
    }
}

impl From<ReportError> for CommandError {
    fn from(error: ReportError) -> CommandError {
        CommandError::Report(error)
    }
}

/// The configuration in effect, and what became of its file.
struct Settings {
    effective: config::Effective,
    path: Option<PathBuf>,
    error: Option<config::ConfigError>,
}

fn run(
    cli: Cli,
    lang: Lang,
    today: jiff::civil::Date,
    settings: Settings,
) -> Result<(), CommandError> {
    let t = lang.text();
    let officer = settings.effective.officer.value.clone();
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        // `pantau plan.ron check` would otherwise check the default plan.
        return Err(CommandError::FileBeforeCommand(file.clone()));
    }
    // Held until the command ends: dropping it removes the private copy.
    let _demo = if cli.common.demo {
        if let Some(file) = given_file(&cli) {
            return Err(CommandError::DemoWithFile(file.to_path_buf()));
        }
        let mut demo = Demo::create(t)?;
        // Only said around the interface: a command's output stays as without --demo.
        if cli.command.is_none() {
            eprintln!("{}", fill(t.cli.demo_opened, &[&escape_path(&demo.plan)]));
        } else {
            demo.said = "";
        }
        Some(demo)
    } else {
        None
    };
    match cli.command {
        Some(Command::Git {
            action: pantau::cli::GitCommand::Setup { file },
        }) => git_setup(file.path(), t),
        Some(Command::Rollup {
            paths,
            format,
            section,
            width,
        }) => rollup(
            &paths,
            format.into(),
            section.map(Into::into),
            width,
            lang,
            today,
            cli.common.ascii,
        ),
        Some(Command::Sync { file, bundle }) => sync(file.path(), bundle, t),
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            name,
        }) => merge_driver(&base, &ours, &theirs, name, t),
        Some(Command::Check { file }) => {
            let path = plan_path(file.path(), t)?;
            let (doc, source) = store::load_keeping_text(&path, t)?;
            for w in store::warnings(&source, &doc.plan, t) {
                eprintln!("{}: {}", t.warning, w.render(&path));
            }
            if store::git::driver_missing(&path) == Some(true) {
                eprintln!(
                    "{}: {}",
                    t.hint,
                    fill(t.cli.check_no_driver, &[&escape_path(&path)])
                );
            }
            let (_, open) = pantau::plan::conflicts::read(&doc.preamble);
            if !open.is_empty() {
                return Err(CommandError::OpenConflicts {
                    path,
                    count: open.len(),
                });
            }
            let plan = &doc.plan;
            let milestones: usize = plan.programs.iter().map(|p| p.milestones.len()).sum();
            let targets: usize = plan.programs.iter().map(|p| p.targets.len()).sum();
            print(&format!(
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
        Some(Command::Summary {
            file,
            dimension,
            width,
            days,
        }) => {
            if width < summary::MIN_WIDTH {
                return Err(CommandError::Width {
                    min: summary::MIN_WIDTH,
                });
            }
            let path = plan_path(file.path(), t)?;
            let doc = store::load(&path, t)?;
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
                today,
                lang,
                ascii: cli.common.ascii,
                dimension: dimension.as_deref(),
                days,
            };
            print(&summary::render(&doc.plan, &options))
        }
        Some(Command::Set {
            file,
            mut id,
            mut changes,
        }) => {
            // `pantau set plan.ron GOV-01 status=Done`: an id never holds
            // `=` and a change always does, so two words without one are
            // the file and the id.
            let file = match file {
                None if changes.first().is_some_and(|c| !c.contains('=')) => {
                    let file = std::mem::replace(&mut id, changes.remove(0));
                    if changes.is_empty() {
                        return Err(CommandError::NoChanges { file, id });
                    }
                    Some(PathBuf::from(file))
                }
                file => file,
            };
            set(file, &id, &changes, officer.as_deref(), t)
        }
        Some(Command::Log {
            file,
            program,
            since,
        }) => log(file.path(), program.as_deref(), since, t),
        Some(Command::Report(args)) => report(args, lang, today, cli.common.ascii),
        Some(Command::Doctor { file }) => doctor(file.path(), t),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            pantau::cli::completions(shell, &mut out);
            print(&String::from_utf8_lossy(&out))
        }
        Some(Command::Help { topic }) => help(topic.as_deref(), lang),
        Some(Command::Config) => show_config(settings, t, cli.common.ascii),
        Some(Command::Import {
            files,
            into,
            output,
            dry_run,
        }) => import(&files, into, output, dry_run, officer.as_deref(), lang),
        Some(Command::Init { file }) => {
            let path = match file.path() {
                Some(path) => path,
                None => default_path()?,
            };
            match store::create_new(&path, store::EXAMPLE) {
                Ok(()) => print(&format!(
                    "{}\n",
                    fill(t.cli.init_done, &[&escape_path(&path)])
                )),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(CommandError::InitExists(path))
                }
                Err(error) => Err(CommandError::Write { path, error }),
            }
        }
        None => {
            // `pantau summry` is a command mistyped, not a plan to open.
            if let Some(file) = &cli.file
                && !file.exists()
                && let Some(name) = file.to_str()
                && let Some(meant) = pantau::text::nearest(
                    name,
                    pantau::cli::command_names().iter().map(String::as_str),
                )
            {
                return Err(CommandError::UnknownCommand {
                    given: name.to_string(),
                    meant: meant.to_string(),
                });
            }
            // A folder: the province dashboard of every plan under it.
            if let Some(dir) = cli.file.as_ref().filter(|f| f.is_dir()) {
                return province(dir, lang, today, cli.common.ascii);
            }
            let path = plan_path(cli.file, t)?;
            // Validate up front so a broken file is reported as text, before
            // the screen is taken over.
            let (doc, fingerprint) = store::load_with_fingerprint(&path, t)?;
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return Err(CommandError::NeedsTerminal);
            }
            let mut label = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if cli.common.demo {
                label = fill(t.cli.demo_label, &[&label]);
            }
            let mut app = App::new(doc, label, today, lang);
            app.ascii = cli.common.ascii;
            app.officer = officer.unwrap_or_default();
            app.keymap = settings.effective.keymap.clone();
            app.disk = fingerprint;
            app.audit = pantau::store::audit::read(&path).unwrap_or_default();
            app.session = pantau::store::recovery::session_id();
            // Edits kept from sessions that ended badly are offered back
            // first, one session at a time.
            app.recoveries = pantau::store::recovery::list(&path);
            // A git merge's open questions come first, then kept edits.
            app.ask_file_conflicts();
            app.offer_next_recovery();
            let theme = Theme {
                mono: settings.effective.mono.value,
                ascii: cli.common.ascii,
                palette: settings.effective.palette,
            };
            match tui::run(&mut app, &theme, &path) {
                Ok(tui::Ending::Quit) => Ok(()),
                Ok(tui::Ending::Stopped(kept)) => {
                    // The terminal may be gone; stderr may still reach a log.
                    if let Some(kept) = kept {
                        eprintln!("{}", fill(t.cli.kept_for_recovery, &[&escape_path(&kept)]));
                    }
                    Err(CommandError::Stopped)
                }
                Err(e) => Err(CommandError::Terminal(e)),
            }
        }
    }
}

/// The file a command works on: the argument, else `$PANTAU_FILE`, else the
/// default plan in the data folder, created from the example the first time
/// so that a new user's very first command works.
fn plan_path(file: Option<PathBuf>, t: &Text) -> Result<PathBuf, CommandError> {
    if let Some(path) = file {
        return Ok(path);
    }
    if let Some(path) = DEMO_PLAN.get() {
        return Ok(path.clone());
    }
    if let Some(path) = std::env::var_os("PANTAU_FILE").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    if let Some(path) = CONFIG_PLAN.get() {
        return Ok(path.clone());
    }
    let path = default_path()?;
    if !path.exists() {
        create_default(&path, t)?;
    }
    Ok(path)
}

/// The plan file named on the command line, by whichever command.
fn given_file(cli: &Cli) -> Option<&Path> {
    match &cli.command {
        None => cli.file.as_deref(),
        Some(
            Command::Check { file }
            | Command::Summary { file, .. }
            | Command::Log { file, .. }
            | Command::Doctor { file }
            | Command::Init { file }
            | Command::Sync { file, .. }
            | Command::Git {
                action: pantau::cli::GitCommand::Setup { file },
            },
        ) => file.given(),
        // A first word of two without `=` is the file (see `run`).
        Some(Command::Set { file, changes, id }) => file.as_deref().or_else(|| {
            changes
                .first()
                .filter(|c| !c.contains('='))
                .map(|_| Path::new(id.as_str()))
        }),
        Some(Command::Report(args)) => args.file.given(),
        Some(
            Command::Completions { .. }
            | Command::Help { .. }
            | Command::MergeDriver { .. }
            | Command::Config
            | Command::Import { .. }
            | Command::Rollup { .. },
        ) => None,
    }
}

/// The plan of `--demo`, once made: every command's default plan. A static
/// rather than a parameter because only the edge sets it, once, before any
/// command looks for its file.
static DEMO_PLAN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// The configuration file's `plan`, used after `$PANTAU_FILE` and before
/// the data folder's; set by the edge, once, like [`DEMO_PLAN`].
static CONFIG_PLAN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// `pantau config`: each setting in effect and its source; exit 2, with the
/// error, when the file is not used.
fn show_config(settings: Settings, t: &Text, ascii: bool) -> Result<(), CommandError> {
    let state = match (&settings.error, &settings.path) {
        (Some(_), _) => config::FileState::Bad,
        (None, Some(path)) if path.exists() => config::FileState::Read,
        _ => config::FileState::Missing,
    };
    let default_plan = DEMO_PLAN.get().cloned().or_else(|| default_path().ok());
    print(&config::render(
        &settings.effective,
        settings.path.as_deref(),
        state,
        default_plan.as_deref(),
        t,
        ascii,
    ))?;
    match settings.error {
        Some(error) => Err(CommandError::Config(error)),
        None => Ok(()),
    }
}

/// `--demo`'s private copy of the example: a folder of its own (mode 0700)
/// under the temporary folder, so that the repository, the data folder and
/// other logins never see it, with the plan and whatever pantau puts beside
/// it (backup, audit log), all removed when this is dropped.
struct Demo {
    dir: PathBuf,
    plan: PathBuf,
    said: &'static str,
}

impl Demo {
    fn create(t: &Text) -> Result<Demo, CommandError> {
        use std::os::unix::fs::DirBuilderExt;
        let base = std::env::temp_dir();
        let pid = std::process::id();
        let mut attempt = 0u32;
        let dir = loop {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let dir = base.join(format!("pantau-demo-{pid}-{nanos:x}"));
            // `create`, never reuse: a folder planted under that name is not ours.
            match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
                Ok(()) => break dir,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 16 => {
                    attempt += 1;
                }
                Err(error) => return Err(CommandError::Write { path: dir, error }),
            }
        };
        let plan = dir.join("luwu-utara.ron");
        let demo = Demo {
            dir,
            plan: plan.clone(),
            said: t.cli.demo_removed,
        };
        store::create_new(&plan, store::EXAMPLE).map_err(|error| CommandError::Write {
            path: plan.clone(),
            error,
        })?;
        let _ = DEMO_PLAN.set(plan);
        Ok(demo)
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        // A hang-up keeps unsaved edits for the next session of the same
        // plan; the demo's copy is never opened again, so its kept edits
        // would only lie in the recovery folder for ever.
        for kept in store::recovery::list(&self.plan) {
            store::recovery::remove(&kept.path);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        // Said only when an officer may have edited: after the interface.
        if self.said.is_empty() {
            return;
        }
        eprintln!("{}", self.said);
    }
}

fn create_default(path: &Path, t: &Text) -> Result<(), CommandError> {
    match store::create_new(path, store::EXAMPLE) {
        Ok(()) => {
            eprintln!("{}", fill(t.cli.created_default, &[&escape_path(path)]));
            Ok(())
        }
        // Another pantau created it a moment ago: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(CommandError::Write {
            path: path.to_path_buf(),
            error,
        }),
    }
}

fn default_path() -> Result<PathBuf, CommandError> {
    directories::ProjectDirs::from("", "", "pantau")
        .map(|dirs| dirs.data_dir().join("masterplan.ron"))
        .ok_or(CommandError::NoHome)
}

/// Writes to stdout; a closed pipe (`pantau summary | head`) is not an error.
fn print(text: &str) -> Result<(), CommandError> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), CommandError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CommandError::Stdout(e)),
        _ => Ok(()),
    }
}

/// `pantau set`: every change is checked, then the whole plan, and only then
/// is the file written (atomically); on any error the file is left untouched.
fn set(
    file: Option<PathBuf>,
    id: &str,
    changes: &[String],
    officer: Option<&str>,
    t: &Text,
) -> Result<(), CommandError> {
    let path = plan_path(file, t)?;
    // The text is kept rather than a second copy of the plan: it is parsed
    // again only if another officer saved meanwhile and a merge needs it.
    let opened = store::resolve_symlink(&path).ok();
    let (mut doc, source) = store::load_keeping_text(&path, t)?;
    let index = doc
        .plan
        .programs
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| CommandError::NoProgram {
            id: id.to_string(),
            path: path.clone(),
            near: pantau::text::nearest(id, doc.plan.programs.iter().map(|p| p.id.as_str()))
                .map(str::to_string),
        })?;
    let before = doc.plan.programs[index].clone();
    let mut report = String::new();
    for change in changes {
        let Some((field, value)) = change.split_once('=') else {
            return Err(CommandError::NotAssignment(change.clone()));
        };
        let field = field.trim();
        let at = FieldPath::parse(field, &doc.plan.programs[index]).map_err(CommandError::Field)?;
        let before = at.get(&doc.plan.programs[index]);
        // Applied one by one, so `dimension=… element=…` sees the new dimension.
        let program = pantau::plan::field::set(&doc.plan, index, field, value)
            .map_err(CommandError::Field)?;
        let after = at.get(&program);
        doc.plan.programs[index] = program;
        let show = |v: Option<String>| escape(&v.unwrap_or_default()).into_owned();
        report.push_str(&format!(
            "{}: {}: {} -> {}\n",
            escape(id),
            escape(field),
            show(before),
            show(after)
        ));
    }
    // The plan was valid as loaded; only this program changed.
    let problems = pantau::plan::validate::validate_program(&doc.plan, index, t);
    if !problems.is_empty() {
        return Err(CommandError::SetInvalid(problems));
    }
    // Another officer may have saved since we read the file: their changes are
    // merged with ours; only a field we both changed stops the save.
    let changes = pantau::plan::merge::program_changes(&before, &doc.plan.programs[index]);
    save_edit(&path, opened, &source, &doc, Some(changes), officer, t)?;
    print(&report)
}

/// Saves an edit a command made to the plan it read as `source`: locked,
/// merged with what another officer saved meanwhile (a field both changed
/// stops it), logged under this officer. A log that could not be written is
/// said on stderr; the plan is saved all the same.
fn save_edit(
    path: &Path,
    opened: Option<PathBuf>,
    source: &str,
    doc: &store::Document,
    changes: Option<Vec<store::Change>>,
    officer: Option<&str>,
    t: &Text,
) -> Result<(), CommandError> {
    let mut who = pantau::store::audit::Who::from_env(|k| std::env::var(k).ok(), now_rfc3339());
    if let Some(officer) = officer {
        who.officer = officer.to_string();
    }
    let base = store::Base {
        fingerprint: store::fingerprint(source),
        target: opened,
        plan: store::BasePlan::Text(source),
        changes,
    };
    let mut waiting = |_: store::safe::Waiting| {
        let since = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
        eprintln!("{}", fill(t.cli.save_waiting, &[&since]));
    };
    match store::save_merging(path, base, doc, &|_| None, &who, &mut waiting, t) {
        Ok(store::Saved::Written { log_error, .. }) => {
            if let Some(e) = log_error {
                let log = escape_path(&pantau::store::audit::log_path(path));
                eprintln!(
                    "{}",
                    fill(t.cli.log_failed, &[&log, &escape(&e.to_string())])
                );
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

/// `pantau import`: every spreadsheet read and checked, and only then one
/// plan written: into `--into` as an edit (locked, merged with what a
/// colleague saved meanwhile, logged), or as a new file, or to stdout.
fn import(
    files: &[PathBuf],
    into: Option<PathBuf>,
    output: Option<PathBuf>,
    dry_run: bool,
    officer: Option<&str>,
    lang: Lang,
) -> Result<(), CommandError> {
    use pantau::report::import;
    let t = lang.text();
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
        let sheets =
            if matches!(extension.as_str(), "csv" | "txt") {
                let text = String::from_utf8(bytes)
                    .map_err(|_| CommandError::ImportRead(fill(s.not_utf8, &[&shown])))?;
                vec![import::read_csv(&text).map_err(|row| {
                    CommandError::ImportRead(fill(s.unclosed_quote, &[&shown, &row]))
                })?]
            } else {
                import::read_workbook(bytes).map_err(|why| {
                    CommandError::ImportRead(fill(s.unreadable, &[&shown, &escape(&why)]))
                })?
            };
        read.push((path.display().to_string(), sheets));
    }
    // Where the plan was when read: a save never goes anywhere else.
    let opened = into.as_deref().and_then(|p| store::resolve_symlink(p).ok());
    let loaded = match &into {
        Some(path) => Some(store::load_keeping_text(path, t)?),
        None => None,
    };
    // The plan read is the base as it stands: import copies it once, itself.
    let fresh;
    let base = match &loaded {
        Some((doc, _)) => &doc.plan,
        None => {
            fresh = store::new_plan();
            &fresh
        }
    };
    let imported = import::import(base, &read, lang).map_err(CommandError::Import)?;
    for w in &imported.warnings {
        eprintln!("{}: {}", t.warning, w.render(t));
    }
    let (added, changed, kept) = (imported.added.len(), imported.changed.len(), imported.kept);
    let same = (imported.plan.programs.len()).saturating_sub(added + changed + kept);
    let summary = |plan: &str| {
        let line = fill(s.done, &[&plan, &added, &changed, &same, &kept]);
        format!("{line}\n")
    };
    let Some((mut doc, source)) = loaded else {
        let text = pantau::plan::canonical::to_ron(&imported.plan, "");
        return match output {
            _ if dry_run => print(&summary("-")),
            None => print(&text),
            Some(output) => match store::create_new(&output, &text) {
                Ok(()) => print(&summary(&escape_path(&output))),
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
    let Some(path) = into else {
        return Ok(());
    };
    let shown = escape_path(&path);
    if imported.plan == doc.plan {
        return print(&format!("{}\n", fill(s.unchanged, &[&shown])));
    }
    if dry_run {
        return print(&summary(&shown));
    }
    doc.plan = imported.plan;
    save_edit(&path, opened, &source, &doc, None, officer, t)?;
    print(&summary(&shown))
}

/// `pantau git setup [FILE]`: registers the merge driver, and says what it did.
fn git_setup(file: Option<PathBuf>, t: &Text) -> Result<(), CommandError> {
    let path = plan_path(file, t)?;
    // The plan must be one pantau reads before git is told to merge it.
    store::load(&path, t)?;
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
    print(&format!("{}\n", lines.join("\n")))
}

/// `pantau DIR`: the province dashboard of every plan under the folder,
/// read-only; a region opens as its own dashboard.
fn province(
    dir: &Path,
    lang: Lang,
    today: jiff::civil::Date,
    ascii: bool,
) -> Result<(), CommandError> {
    let t = lang.text();
    let plans = store::load_province(&[dir.to_path_buf()], t);
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CommandError::NeedsTerminal);
    }
    let mut province =
        pantau::tui::province::Province::new(dir.display().to_string(), plans, today, lang);
    province.ascii = ascii;
    let theme = Theme::from_env(std::env::var_os("NO_COLOR"), ascii);
    match tui::run_province(&mut province, &theme) {
        Ok(tui::Ending::Quit) => Ok(()),
        Ok(tui::Ending::Stopped(_)) => Err(CommandError::Stopped),
        Err(e) => Err(CommandError::Terminal(e)),
    }
}

/// `pantau rollup DIR|FILE…`: the province's table; plans that fail to load
/// are listed with their error and never stop the rest.
fn rollup(
    given: &[PathBuf],
    format: pantau::report::Format,
    section: Option<pantau::report::rollup::Section>,
    width: usize,
    lang: Lang,
    today: jiff::civil::Date,
    ascii: bool,
) -> Result<(), CommandError> {
    let t = lang.text();
    let loaded = store::load_province(given, t);
    let regions: Vec<pantau::report::rollup::Region> = loaded
        .iter()
        .map(|(path, result)| pantau::report::rollup::Region {
            file: path.display().to_string(),
            plan: result.as_ref().map(|doc| &doc.plan).map_err(String::clone),
        })
        .collect();
    let glyphs = pantau::text::Glyphs::of(ascii);
    print(&pantau::report::rollup::render_section(
        &regions, format, section, lang, today, width, glyphs,
    ))
}

/// `pantau sync [FILE] [--bundle PATH]`: says plainly what went in and out.
fn sync(file: Option<PathBuf>, bundle: Option<PathBuf>, t: &Text) -> Result<(), CommandError> {
    let path = plan_path(file, t)?;
    store::load(&path, t)?;
    let done = store::git::sync(&path, bundle.as_deref()).map_err(CommandError::Git)?;
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
    let stopped = done.conflicts || done.offline.is_some();
    if done.conflicts {
        lines.push(fill(t.cli.sy_conflicts, &[&escape_path(&path)]));
    } else if let Some(why) = &done.offline {
        lines.push(fill(t.cli.sy_offline, &[&remote, &escape(why)]));
    } else if done.came_in == 0 && done.went_out == 0 {
        lines.push(fill(t.cli.sy_up_to_date, &[&remote]));
    }
    print(&format!("{}\n", lines.join("\n")))?;
    if stopped {
        Err(CommandError::SyncStopped)
    } else {
        Ok(())
    }
}

/// `pantau merge-driver %O %A %B %P`: git's merge of two versions of a plan.
/// Writes the result over `ours` (whole or not at all); an error leaves
/// `ours` as it was, so git reports a conflict and nothing is lost.
fn merge_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    name: Option<String>,
    t: &Text,
) -> Result<(), CommandError> {
    let name = name.unwrap_or_else(|| ours.display().to_string());
    let (ours_doc, theirs_doc) = (store::load(ours, t)?, store::load(theirs, t)?);
    // Without a common ancestor (both branches added the file) git gives
    // an empty one: every item is then new on both sides.
    let base_doc = match std::fs::metadata(base) {
        Ok(meta) if meta.len() == 0 => store::Document {
            plan: pantau::plan::model::Plan {
                dimensions: Vec::new(),
                programs: Vec::new(),
                ..ours_doc.plan.clone()
            },
            preamble: String::new(),
        },
        _ => store::load(base, t)?,
    };
    let merged = pantau::plan::conflicts::merge_for_git(
        (&base_doc.plan, &base_doc.preamble),
        (&ours_doc.plan, &ours_doc.preamble),
        (&theirs_doc.plan, &theirs_doc.preamble),
    );
    let problems = pantau::plan::validate::validate(&merged.plan, t);
    if !problems.is_empty() {
        return Err(CommandError::Save {
            path: ours.to_path_buf(),
            error: SaveError::Invalid(problems),
        });
    }
    let text = pantau::plan::canonical::to_ron(&merged.plan, &merged.comment);
    store::save_report(ours, text.as_bytes(), true).map_err(|e| CommandError::output(ours, e))?;
    for c in &merged.kept {
        if c.field == pantau::plan::merge::Field::Presence {
            eprintln!("{}", fill(t.cli.md_kept, &[&escape(&c.item(t))]));
        }
    }
    if merged.open.is_empty() {
        eprintln!("{}", fill(t.cli.md_merged, &[&escape(&name)]));
        Ok(())
    } else {
        Err(CommandError::MergeConflicts {
            name,
            conflicts: merged.open,
        })
    }
}

/// `pantau log`: the audit log, newest first, as plain text.
fn log(
    file: Option<PathBuf>,
    program: Option<&str>,
    since: Option<jiff::civil::Date>,
    t: &Text,
) -> Result<(), CommandError> {
    let path = plan_path(file, t)?;
    if !path.exists() {
        return Err(LoadError::NotFound(path).into());
    }
    let entries = pantau::store::audit::read(&path).map_err(|error| CommandError::Log {
        path: pantau::store::audit::log_path(&path),
        error,
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
        out.push_str(&pantau::store::audit::describe(e, t));
        out.push('\n');
    }
    if out.is_empty() {
        out = format!("{}\n", t.cli.log_empty);
    }
    print(&out)
}

/// `pantau help [TOPIC]`: clap's help for the whole or one command, or the
/// data format's reference.
fn help(topic: Option<&str>, lang: Lang) -> Result<(), CommandError> {
    let mut command = pantau::cli::command(lang);
    match topic {
        None => print(&command.render_long_help().to_string()),
        Some("format") => print(pantau::cli::FORMAT_REFERENCE),
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => {
                let mut sub = sub.clone().bin_name(format!("pantau {name}"));
                let mut text = sub.render_long_help().to_string();
                if name == "import" {
                    text.push('\n');
                    text.push_str(&pantau::report::sheet::reference(lang));
                }
                print(&text)
            }
            None => {
                let mut topics = pantau::cli::command_names();
                topics.push("format".to_string());
                let meant = pantau::text::nearest(name, topics.iter().map(String::as_str));
                Err(CommandError::UnknownTopic {
                    given: name.to_string(),
                    topics: topics.join(", "),
                    meant: meant.map(str::to_string),
                })
            }
        },
    }
}

/// `pantau doctor`: the plan's folder and side files, as an administrator
/// would look at them; exit 1 when something is unsafe.
fn doctor(file: Option<PathBuf>, t: &Text) -> Result<(), CommandError> {
    use pantau::store::doctor::{Finding, Severity, examine};
    let path = plan_path(file, t)?;
    if std::fs::symlink_metadata(&path).is_err() {
        return Err(LoadError::NotFound(path).into());
    }
    let found = examine(&path).map_err(|error| CommandError::Log {
        path: path.clone(),
        error,
    })?;
    let c = &t.cli;
    let plan = escape_path(&path);
    let target = store::resolve_symlink(&path).unwrap_or_else(|_| path.clone());
    let folder = escape_path(target.parent().unwrap_or(Path::new(".")));
    let mut out = String::new();
    if found.is_empty() {
        out.push_str(&fill(c.d_ok, &[&plan]));
        out.push('\n');
    }
    let mode = |m: &u32| format!("{m:04o}");
    for finding in &found {
        let text = match finding {
            Finding::PlanIsLink { to } => fill(c.d_plan_link, &[&escape_path(to)]),
            Finding::PlanNotRegular => c.d_plan_not_regular.to_string(),
            Finding::PlanWorldWritable { mode: m } => fill(c.d_plan_world, &[&mode(m), &plan]),
            Finding::PlanNotGroupWritable { mode: m } => fill(c.d_plan_group, &[&mode(m), &plan]),
            Finding::PlanGroupDiffers { plan: g, folder: f } => {
                fill(c.d_plan_group_differs, &[&escape(g), &escape(f), &plan])
            }
            Finding::FolderWorldWritable { mode: m } => {
                fill(c.d_folder_world, &[&mode(m), &folder])
            }
            Finding::FolderNotGroupWritable { mode: m } => {
                fill(c.d_folder_group, &[&mode(m), &folder])
            }
            Finding::FolderNotSetgid => fill(c.d_folder_setgid, &[&folder]),
            Finding::FolderSticky => fill(c.d_folder_sticky, &[&folder]),
            Finding::SideIsLink { path: p } => fill(c.d_side_link, &[&escape_path(p)]),
            Finding::SideNotRegular { path: p } => fill(c.d_side_not_regular, &[&escape_path(p)]),
            Finding::SideWider {
                path: p,
                mode: m,
                plan: pm,
            } => fill(c.d_side_wider, &[&escape_path(p), &mode(m), &mode(pm)]),
            Finding::SideOtherGroup { path: p, group } => {
                fill(c.d_side_group, &[&escape_path(p), &escape(group), &plan])
            }
            Finding::OldLockFile { path: p } => fill(c.d_old_lock, &[&escape_path(p)]),
            Finding::Leftover { path: p } => fill(c.d_leftover, &[&escape_path(p)]),
        };
        let label = match finding.severity() {
            Severity::Unsafe => c.d_unsafe,
            Severity::Warning => c.d_warning,
            Severity::Note => c.d_note,
        };
        match text.split_once('|') {
            Some((what, fix)) => out.push_str(&format!("{label}: {what}\n  {}: {fix}\n", c.d_fix)),
            None => out.push_str(&format!("{label}: {text}\n")),
        }
    }
    print(&out)?;
    if found.iter().any(|f| f.severity() == Severity::Unsafe) {
        return Err(CommandError::Stopped);
    }
    Ok(())
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
) -> Result<(), CommandError> {
    let t = lang.text();
    // Usage errors (a bad status, width or separator) before touching any file.
    let request = args.request(ascii)?;
    let path = plan_path(args.file.clone().path(), t)?;
    if let Some(output) = &args.output
        && std::fs::canonicalize(output)
            .ok()
            .is_some_and(|o| std::fs::canonicalize(&path).is_ok_and(|p| p == o))
    {
        return Err(CommandError::OutputIsPlan(output.clone()));
    }
    // A workbook's bytes would land on the terminal as control characters.
    if request.format == pantau::report::Format::Xlsx
        && args.output.is_none()
        && std::io::stdout().is_terminal()
    {
        return Err(CommandError::Report(ReportError::Binary));
    }
    let doc = store::load(&path, t)?;
    let bytes = pantau::report::render_bytes(&doc.plan, &request, lang, today)?;
    match args.output {
        None => print_bytes(&bytes),
        Some(output) => store::save_report(&output, &bytes, args.force)
            .map_err(|e| CommandError::output(&output, e)),
    }
}
