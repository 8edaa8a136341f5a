//! The command line: what `pantau --help` shows and what each command takes.
//! clap's types stay here; each command gets the library's own types.

use crate::command::CommandError;
use crate::i18n::{Lang, Usage, fill};
use clap::{Args, Parser, Subcommand, ValueEnum};

mod localise;
mod report_args;

use jiff::civil::Date;
use localise::localise;
pub use localise::render_error;
pub use report_args::*;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Every command takes its FILE as its first argument or with -f FILE. Without
one, pantau uses $PANTAU_FILE, else `plan` in the configuration file, else
masterplan.ron in your data folder (created from the bundled Kabupaten Luwu
Utara example the first time). pantau --demo opens a private copy of the
example, removed afterwards. Settings: ~/.config/pantau/config.ron
(`pantau config` shows them).

Exit codes: 0 ok, 1 runtime failure, 2 invalid input or usage.
pantau help format prints the reference of the data format.";

#[derive(Debug, Parser)]
#[command(
    name = "pantau",
    version,
    // Our own `help`, which also knows the topic `format`.
    disable_help_subcommand = true,
    about = "Track the quick wins and long-term targets of a smart-city masterplan",
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// The masterplan file to open in the terminal interface
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub common: Common,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command understands, before or after its name.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", then `lang` in the configuration file, else English)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Take this date as today, for reproducible printouts and tests
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<Date>,

    /// Only ASCII characters: no box drawing, arrows or ellipses
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER or `officer` in the configuration file)
    #[arg(long, global = true, value_name = "NAME")]
    pub officer: Option<String>,

    /// Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)
    #[arg(long, global = true)]
    pub demo: bool,
}

impl Common {
    /// What these flags say that the settings depend on.
    pub fn flags(&self) -> crate::config::Flags {
        crate::config::Flags {
            lang: self.lang.map(Lang::from),
            officer: self.officer.clone(),
            demo: self.demo,
            ascii: self.ascii,
        }
    }
}

/// The plan a command works on, taken the same way by every command: as
/// its first argument or with `-f`/`--file` (`pantau log plan.ron`,
/// `pantau log -f plan.ron`).
#[derive(Debug, Clone, Default, Args)]
pub struct PlanFile {
    /// The masterplan file (default: $PANTAU_FILE, else `plan` in the configuration file, else masterplan.ron in your data folder)
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The masterplan file, as an option
    #[arg(
        short = 'f',
        long = "file",
        value_name = "FILE",
        conflicts_with = "file"
    )]
    pub file_flag: Option<PathBuf>,
}

impl PlanFile {
    pub fn path(self) -> Option<PathBuf> {
        self.file.or(self.file_flag)
    }

    pub fn given(&self) -> Option<&std::path::Path> {
        self.file.as_deref().or(self.file_flag.as_deref())
    }
}

/// The names of the commands, for "did you mean" when a FILE is one mistyped.
pub fn command_names() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

impl Cli {
    /// The plan file named on the command line, by whichever command.
    pub fn given_file(&self) -> Option<&std::path::Path> {
        match &self.command {
            None => self.file.as_deref(),
            Some(
                Command::Check { file }
                | Command::Summary { file, .. }
                | Command::Log { file, .. }
                | Command::Doctor { file }
                | Command::Init { file }
                | Command::Sync { file, .. }
                | Command::Git {
                    action: GitCommand::Setup { file },
                },
            ) => file.given(),
            // A first word of two without `=` is the file (see `set_words`).
            Some(Command::Set { file, changes, id }) => file.as_deref().or_else(|| {
                changes
                    .first()
                    .filter(|c| !c.contains('='))
                    .map(|_| std::path::Path::new(id.as_str()))
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
}

/// `pantau set`'s words as file, id and changes: `pantau set plan.ron
/// GOV-01 status=Done` gives the file first. An id never holds `=` and a
/// change always does, so two words without one are the file and the id.
pub fn set_words(
    file: Option<PathBuf>,
    mut id: String,
    mut changes: Vec<String>,
) -> Result<(Option<PathBuf>, String, Vec<String>), CommandError> {
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
    Ok((file, id, changes))
}

/// `pantau help [TOPIC]`: clap's help for the whole or one command, or the
/// data format's reference.
pub fn help(topic: Option<&str>, lang: Lang) -> Result<String, CommandError> {
    let mut command = command(lang);
    match topic {
        None => Ok(command.render_long_help().to_string()),
        Some("format") => Ok(FORMAT_REFERENCE.to_string()),
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => {
                let mut sub = sub.clone().bin_name(format!("pantau {name}"));
                let mut text = sub.render_long_help().to_string();
                if name == "import" {
                    text.push('\n');
                    text.push_str(&crate::report::sheet::reference(lang));
                }
                Ok(text)
            }
            None => {
                let mut topics = command_names();
                topics.push("format".to_string());
                let meant = crate::text::nearest(name, topics.iter().map(String::as_str));
                Err(CommandError::UnknownTopic {
                    given: name.to_string(),
                    topics: topics.join(", "),
                    meant: meant.map(str::to_string),
                })
            }
        },
    }
}

/// `pantau summry` is a command mistyped, not a plan to open: the command
/// meant, when `file` is no file and near one's name.
pub fn mistyped_command(file: &std::path::Path) -> Result<(), CommandError> {
    if !file.exists()
        && let Some(name) = file.to_str()
        && let Some(meant) = crate::text::nearest(name, command_names().iter().map(String::as_str))
    {
        return Err(CommandError::UnknownCommand {
            given: name.to_string(),
            meant: meant.to_string(),
        });
    }
    Ok(())
}

const IMPORT_HELP: &str = "\
Examples:
  pantau import plan.xlsx --into plan.ron
  pantau import programmes.csv targets.csv --into plan.ron --dry-run
  pantau import plan.xlsx -o new-plan.ron

The columns of each table: pantau help import. Nothing is written if any
cell is wrong.";

pub const MERGE_DRIVER_HELP: &str = "\
Merges two versions of a plan per programme, field, milestone, target, order
and comment, and writes canonical RON over OURS. Exit status 0: merged cleanly.
1: fields both branches changed differently are left for a person: the file
holds this branch's values and lists the other's in `// pantau-conflict` lines
at the top; open the plan in pantau to answer them, save, and commit.
An item one branch deleted and the other changed is kept.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a plan file and list every problem in it
    Check {
        #[command(flatten)]
        file: PlanFile,
    },
    /// Print a plain-text status summary for printing
    Summary {
        #[command(flatten)]
        file: PlanFile,
        /// Only this dimension (its id, e.g. governance)
        #[arg(long, value_name = "ID")]
        dimension: Option<String>,
        /// Never print wider than this many columns (40 to 1000)
        #[arg(long, value_name = "N", default_value_t = 80, value_parser = parse_width)]
        width: usize,
        /// How many days ahead "due soon" looks
        #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(i32).range(0..=3660))]
        days: i32,
    },
    /// Change fields of one program from a script: pantau set GOV-01 status=Done
    #[command(after_help = crate::i18n::set_help(Lang::En))]
    Set {
        /// The masterplan file (default as for the other commands); also as
        /// the first argument, before the id: pantau set plan.ron GOV-01 status=Done
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: Option<PathBuf>,
        /// The program's id, e.g. GOV-01 (after the file, if the file comes first)
        #[arg(value_name = "[FILE] ID")]
        id: String,
        /// One or more changes, each FIELD=VALUE
        #[arg(value_name = "FIELD=VALUE", required = true)]
        changes: Vec<String>,
    },
    /// Who changed what, newest first, from the audit log beside the plan
    Log {
        #[command(flatten)]
        file: PlanFile,
        /// Only changes to this program
        #[arg(long, value_name = "ID")]
        program: Option<String>,
        /// Only changes on or after this date
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today)]
        since: Option<Date>,
    },
    /// Print a report as text, Markdown, CSV, JSON or printable HTML (A4/F4, letterhead, signature)
    Report(ReportArgs),
    /// Check a plan's folder and the files beside it for shared use: what is unsafe, and the fix
    Doctor {
        #[command(flatten)]
        file: PlanFile,
    },
    /// Print shell completions: pantau completions bash > /etc/bash_completion.d/pantau
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Help on a command, or on the data format: pantau help format
    Help {
        /// A command's name, or `format` for the reference of the plan file
        topic: Option<String>,
    },
    /// Git's merge driver for plans: pantau git setup registers it
    #[command(name = "merge-driver", after_help = MERGE_DRIVER_HELP)]
    MergeDriver {
        /// The common ancestor (git's %O)
        base: PathBuf,
        /// This branch's version; the merged plan is written here (%A)
        ours: PathBuf,
        /// The other branch's version (%B)
        theirs: PathBuf,
        /// The plan's path in the repository, for messages (%P)
        name: Option<String>,
    },
    /// Use git to share the plan: `pantau git setup` registers the merge driver
    Git {
        #[command(subcommand)]
        action: GitCommand,
    },
    /// Commit this office's saved changes, merge what the remote has, send ours
    Sync {
        #[command(flatten)]
        file: PlanFile,
        /// Without a link: read this git bundle if it exists, then write ours to it
        #[arg(long, value_name = "PATH")]
        bundle: Option<PathBuf>,
    },
    /// Many regions' plans side by side, for a province: every plan found in
    /// the folders (recursively) and files given, loaded on all cores
    Rollup {
        /// Folders of plans (one clone per regency) or plan files
        #[arg(value_name = "DIR|FILE", required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = RollupFormat::Text)]
        format: RollupFormat,
        /// Only this part: the regions' table, the overdue milestones across
        /// regions, the regions behind on quick wins, or the plans that did
        /// not load (CSV gives one table: the regions unless asked)
        #[arg(long, value_enum)]
        section: Option<RollupSection>,
        /// Never print wider than this many columns (40 to 1000), for text
        #[arg(long, value_name = "N", default_value_t = 80, value_parser = parse_width)]
        width: usize,
    },
    /// Print the settings in effect (plan, language, officer, theme, keys) and
    /// where each comes from: a flag, the environment, the configuration file
    /// or the default
    Config,
    /// Read programmes, milestones and targets from a spreadsheet (XLSX, XLS,
    /// ODS or CSV laid out as pantau's export): pantau help import
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// The spreadsheets: a workbook's sheets, or one table per CSV file
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// The plan to import into, saved as an edit (lock, merge, audit log);
        /// without it a new plan is written to --output or standard output
        #[arg(
            long = "into",
            short = 'f',
            visible_alias = "file",
            value_name = "PLAN"
        )]
        into: Option<PathBuf>,
        /// Without --into: the new plan's file (never overwritten)
        #[arg(long, short = 'o', value_name = "PATH", conflicts_with = "into")]
        output: Option<PathBuf>,
        /// Check everything and say what would change, writing nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the bundled Luwu Utara example plan to a new file
    Init {
        /// Where to write it (never overwritten)
        #[command(flatten)]
        file: PlanFile,
    },
}

#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Register pantau's merge driver for the plan in its git repository
    /// (.gitattributes and the repository's config); running it again
    /// changes nothing
    Setup {
        #[command(flatten)]
        file: PlanFile,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia
    Id,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(value: LangArg) -> Self {
        match value {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

/// The widths a printout may have: a page at least as wide as the summary's
/// narrowest layout, and at most what any printer or terminal has.
pub const WIDTHS: std::ops::RangeInclusive<usize> = 40..=1000;

pub(super) fn parse_width(text: &str) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|w| WIDTHS.contains(w))
        .ok_or_else(|| {
            fill(
                usage_text().e_not_width,
                &[&crate::text::escape(text), WIDTHS.start(), WIDTHS.end()],
            )
        })
}

pub(super) fn parse_today(text: &str) -> Result<Date, String> {
    crate::plan::typed::date(text)
        .ok_or_else(|| fill(usage_text().e_not_date, &[&crate::text::escape(text)]))
}

/// The language of the command line's help and errors, set once by
/// [`parse`]: clap's value parsers are plain functions, told nothing else.
static HELP_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn usage_text() -> &'static Usage {
    &HELP_LANG.get().copied().unwrap_or(Lang::En).text().usage
}

/// `--lang id` or `--lang=id` among the arguments, before any `--`: the
/// help's language must be known before clap reads them.
pub fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut words = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(word) = words.next() {
        let value = match word {
            "--" => return None,
            "--lang" => words.next().unwrap_or(""),
            w => match w.strip_prefix("--lang=") {
                Some(v) => v,
                None => continue,
            },
        };
        return match value {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        };
    }
    None
}

/// The command line as clap reads it, its help in `lang`: English is
/// clap's own from the definitions above; Indonesian replaces every about,
/// help and heading clap lets a program set (see [`Usage`]).
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let command = Cli::command();
    match lang {
        Lang::En => command,
        Lang::Id => {
            let u = &lang.text().usage;
            localise(command.about(u.about).after_help(u.after_help), "", u)
        }
    }
}

/// Parses `args` (the program's name first) with the help in `lang`.
pub fn parse(args: Vec<std::ffi::OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let _ = HELP_LANG.set(lang);
    let matches = command(lang).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The data format's reference, in the binary so that a server with only
/// the binary has it: `pantau help format`.
pub const FORMAT_REFERENCE: &str = include_str!("../../docs/FORMAT.md");

/// `pantau completions SHELL`, from the same definitions as the parser.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Cli::command(), "pantau", out);
}

/// The configuration file, for the man page's FILES section (generated by
/// tests/it/manpage.rs).
pub const CONFIG_HELP: &str = "\
$PANTAU_CONFIG, else $XDG_CONFIG_HOME/pantau/config.ron, else
~/.config/pantau/config.ron: the user's settings, each optional. A flag wins
over the environment (LC_ALL/LC_MESSAGES/LANG naming id or en, PANTAU_FILE,
PANTAU_OFFICER, NO_COLOR), which wins over the file, which wins over the
built-in default. A file with an error is named with its line and column on
stderr and not used; pantau goes on with the defaults. `pantau config`
prints every setting in effect and where it came from.

numbers: id or en, how figures are written (40.000,5 or 40,000.5): it settles
a typed figure that reads two ways (36.500) and a CSV's separator (; with a
decimal comma, or ,); unset, the language decides.
keys: each action named gets the keys given, in every view, and loses its
own; the other actions keep theirs. A key that another action has in the
same view is refused. The names are those `pantau config` lists.
theme: title, focus, muted, late, soon, good, in_progress, on_hold, today,
message, each one of default, black, red, green, yellow, blue, magenta, cyan,
gray, dark-gray, light-red, light-green, light-yellow, light-blue,
light-magenta, light-cyan, white; mono: true for no colour.";

/// An example configuration, in the man page and the README.
pub const CONFIG_EXAMPLE: &str = r#"(
    plan: "~/rencana/luwu-utara.ron",
    lang: "id",
    officer: "Sari (Bappelitbangda)",
    numbers: "id",
    theme: (late: "light-red", in_progress: "light-cyan", mono: false),
    keys: { "save": ["ctrl-w"], "quit": ["q", "ctrl-q"] },
)"#;

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and option with its path, as the Indonesian tables name them.
    fn everything(
        cmd: &clap::Command,
        path: &str,
        commands: &mut Vec<String>,
        args: &mut Vec<(String, String)>,
    ) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().to_string();
            // A global option is named once, at the top.
            let inherited = arg.is_global_set() && !path.is_empty();
            if id != "help" && id != "version" && !inherited {
                args.push((path.to_string(), id));
            }
        }
        for sub in cmd.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            commands.push(sub_path.clone());
            everything(sub, &sub_path, commands, args);
        }
    }

    #[test]
    fn the_indonesian_help_names_every_command_and_option_and_nothing_else() {
        let u = &Lang::Id.text().usage;
        let (mut commands, mut args) = (Vec::new(), Vec::new());
        everything(&Cli::command(), "", &mut commands, &mut args);
        for c in &commands {
            assert!(
                u.commands.iter().any(|(p, _)| p == c),
                "no Indonesian about for `{c}`"
            );
        }
        for (p, _) in u.commands {
            assert!(commands.iter().any(|c| c == p), "no command `{p}`");
        }
        for (path, id) in &args {
            let covered = u.args.iter().any(|(p, i, _)| {
                *i == id.as_str() && (*p == path.as_str() || (*p == "*" && !path.is_empty()))
            });
            assert!(covered, "no Indonesian help for `{id}` of `{path}`");
        }
        for (p, i, _) in u.args {
            let real = args
                .iter()
                .any(|(path, id)| id == i && (path == p || (*p == "*" && !path.is_empty())));
            assert!(real, "no option `{i}` in `{p}`");
        }
    }

    #[test]
    fn indonesian_help_and_errors_and_english_as_clap_writes_them() {
        let mut id = command(Lang::Id);
        let help = id.render_long_help().to_string();
        assert!(help.contains("Penggunaan: pantau"), "{help}");
        assert!(
            help.contains("Perintah:") && help.contains("Opsi:"),
            "{help}"
        );
        assert!(help.contains("Tampilkan bantuan"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let mut en = command(Lang::En);
        assert_eq!(
            en.render_long_help().to_string(),
            Cli::command().render_long_help().to_string()
        );
        let e = command(Lang::Id)
            .try_get_matches_from(["pantau", "summary", "--dimesion", "x"])
            .unwrap_err();
        let text = render_error(&e, Lang::Id);
        assert!(
            text.contains("argumen '--dimesion' tidak dikenal"),
            "{text}"
        );
        assert!(
            text.contains("saran: ada argumen yang mirip: '--dimension'"),
            "{text}"
        );
        assert!(text.contains("Penggunaan: pantau summary"), "{text}");
        let e = command(Lang::Id)
            .try_get_matches_from(["pantau", "report", "--format", "mardown"])
            .unwrap_err();
        let text = render_error(&e, Lang::Id);
        assert!(text.contains("ada nilai yang mirip: 'markdown'"), "{text}");
        let e = Cli::command()
            .try_get_matches_from(["pantau", "summary", "--dimesion", "x"])
            .unwrap_err();
        assert_eq!(render_error(&e, Lang::En), e.render().to_string());
    }

    #[test]
    fn the_language_flag_is_found_before_clap_reads_the_arguments() {
        let args = |list: &[&str]| list.iter().map(Into::into).collect::<Vec<_>>();
        assert_eq!(
            lang_in_args(&args(&["pantau", "--lang", "id", "x"])),
            Some(Lang::Id)
        );
        assert_eq!(
            lang_in_args(&args(&["pantau", "summary", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in_args(&args(&["pantau", "--", "--lang", "id"])), None);
        assert_eq!(lang_in_args(&args(&["pantau", "--lang"])), None);
    }
}
