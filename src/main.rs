//! The pantau binary, the edge: parses the command line, reads the clock and
//! the environment once into the settings, dispatches to the library's
//! commands, and turns every failure into one message and an exit code.

use pantau::cli::{self, Cli, Command, GitCommand};
use pantau::command::{self, CommandError, ConfigFile, Console, Kind, Settings};
use pantau::config;
use pantau::i18n::Lang;
use pantau::text::escape;
use std::process::ExitCode;

fn main() -> ExitCode {
    let env = |k: &str| std::env::var(k).ok();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The configuration is read before the command line, whose help may be
    // in the language it names; its own messages are in the language the
    // flag or the locale name.
    let early = cli::lang_in_args(&args).or_else(|| config::locale_lang(&env).map(|l| l.0));
    let file = ConfigFile::read(&env, early);
    let help_lang = early.or_else(|| file.lang()).unwrap_or(Lang::En);
    let cli = match cli::parse(args, help_lang) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, help_lang),
    };
    let given = cli.common.today;
    let today = given.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let mut settings = Settings::resolve(cli.common.flags(), file, &env, today);
    settings.today_given = given.is_some();
    // `pantau config` shows it as its error; every other command warns and
    // goes on with the built-in settings.
    if let Some(error) = &settings.config_error
        && !matches!(cli.command, Some(Command::Config))
    {
        let t = settings.text();
        eprintln!("{}", error.render(t.warning, t));
    }
    let lang = settings.lang;
    let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
    let mut io = Console {
        out: &mut out,
        err: &mut err,
    };
    match run(cli, settings, &mut io) {
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
    let text: String = cli::render_error(e, lang)
        .split('\n')
        .map(|line| escape(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    if e.use_stderr() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(Kind::Invalid.exit_code()))
}

/// One command, with the settings in effect.
fn run(cli: Cli, mut settings: Settings, io: &mut Console) -> Result<(), CommandError> {
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        // `pantau plan.ron check` would otherwise check the default plan.
        return Err(CommandError::FileBeforeCommand(file.clone()));
    }
    // Held until the command ends: dropping it removes the private copy.
    let _demo = match cli.given_file() {
        Some(file) if settings.demo => {
            return Err(CommandError::DemoWithFile(file.to_path_buf()));
        }
        _ if settings.demo => Some(settings.start_demo(cli.command.is_none())?),
        _ => None,
    };
    match cli.command {
        Some(Command::Check { file }) => command::check(file.path(), &settings, io),
        Some(Command::Summary {
            file,
            dimension,
            width,
            days,
        }) => command::summary(file.path(), dimension, width, days, &settings, io),
        Some(Command::Set { file, id, changes }) => {
            let (file, id, changes) = cli::set_words(file, id, changes)?;
            command::set(file, &id, &changes, &settings, io)
        }
        Some(Command::Log {
            file,
            program,
            since,
        }) => command::log(file.path(), program.as_deref(), since, &settings, io),
        Some(Command::Report(args)) => {
            // Usage errors (a bad status, width or separator) before touching any file.
            let request = args.request(settings.ascii, settings.numbers())?;
            let (file, output) = (args.file.path(), args.output);
            command::report(&request, file, output, args.force, &settings, io)
        }
        Some(Command::Doctor { file }) => command::doctor(file.path(), &settings, io),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            cli::completions(shell, &mut out);
            io.print(&String::from_utf8_lossy(&out))
        }
        Some(Command::Help { topic }) => io.print(&cli::help(topic.as_deref(), settings.lang)?),
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            name,
        }) => command::merge_driver(&base, &ours, &theirs, name, &settings, io),
        Some(Command::Git {
            action: GitCommand::Setup { file },
        }) => command::git_setup(file.path(), &settings, io),
        Some(Command::Sync { file, bundle }) => command::sync(file.path(), bundle, &settings, io),
        Some(Command::Rollup {
            paths,
            format,
            section,
            width,
        }) => {
            let section = section.map(Into::into);
            command::rollup(&paths, format.into(), section, width, &settings, io)
        }
        Some(Command::Config) => command::show_config(settings, io),
        Some(Command::Import {
            files,
            into,
            output,
            dry_run,
        }) => command::import(&files, into, output, dry_run, &settings, io),
        Some(Command::Init { file }) => command::init(file.path(), &settings, io),
        None => {
            if let Some(file) = &cli.file {
                cli::mistyped_command(file)?;
            }
            // A folder: the province dashboard of every plan under it.
            if let Some(dir) = cli.file.as_ref().filter(|f| f.is_dir()) {
                return command::province(dir, &settings);
            }
            command::interface(cli.file, &settings, io)
        }
    }
}
