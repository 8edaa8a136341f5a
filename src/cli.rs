//! The command line: what `pantau --help` shows and what each command takes.
//! clap's types stay here; each command gets the library's own types.

use crate::i18n::Lang;
use crate::report::{
    Filter, Format, Kind, Letter, Logo, Paper, ReportError, Request, Signer, parse_horizon,
    parse_status,
};
use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Every command takes its FILE as its first argument or with -f FILE. Without
one, pantau uses $PANTAU_FILE, else masterplan.ron in your data folder
(created from the bundled Kabupaten Luwu Utara example the first time).
pantau --demo opens a private copy of the example, removed afterwards.

Exit codes: 0 ok, 1 runtime failure, 2 invalid input or usage.
pantau help format prints the reference of the data format.";

const SET_HELP: &str = "\
Fields: id name description dimension element horizon lead support funding
start end status notes; milestone.N.title|due|done and
target.N.year|indicator|unit|baseline|target|actual, counting from 1.
Lists (support, funding) are comma-separated. Empty, - or none clears an
optional number (baseline, actual).

Examples:
  pantau set GOV-01 status=Done
  pantau set GOV-01 milestone.2.done=true
  pantau set plan.ron GOV-01 lead=\"Dinas PMD\" target.1.actual=85.5
  pantau set -f plan.ron GOV-01 status=Delayed

Nothing is written unless every change and the resulting plan are valid.";

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
    /// Interface language (default: Indonesian when LC_ALL/LC_MESSAGES/LANG starts with "id", else English)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Take this date as today, for reproducible printouts and tests
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<Date>,

    /// Only ASCII characters: no box drawing, arrows or ellipses
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Your name in the audit log, beside your login (for an office that shares one login; also PANTAU_OFFICER)
    #[arg(long, global = true, value_name = "NAME")]
    pub officer: Option<String>,

    /// Work on a private copy of the bundled example, removed when pantau ends (nothing is written anywhere else)
    #[arg(long, global = true)]
    pub demo: bool,
}

/// The plan a command works on, taken the same way by every command: as
/// its first argument or with `-f`/`--file` (`pantau log plan.ron`,
/// `pantau log -f plan.ron`).
#[derive(Debug, Clone, Default, Args)]
pub struct PlanFile {
    /// The masterplan file (default: $PANTAU_FILE, else masterplan.ron in your data folder)
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
    #[command(after_help = SET_HELP)]
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
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Only this part: the regions' table, the overdue milestones across
        /// regions, the regions behind on quick wins, or the plans that did
        /// not load (CSV gives one table: the regions unless asked)
        #[arg(long, value_enum)]
        section: Option<RollupSection>,
        /// Never print wider than this many columns (40 to 1000), for text
        #[arg(long, value_name = "N", default_value_t = 80, value_parser = parse_width)]
        width: usize,
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

fn parse_width(text: &str) -> Result<usize, String> {
    text.parse::<usize>()
        .ok()
        .filter(|w| WIDTHS.contains(w))
        .ok_or_else(|| {
            format!(
                "`{}` is not a width: write a number of columns from {} to {}",
                crate::text::escape(text),
                WIDTHS.start(),
                WIDTHS.end()
            )
        })
}

fn parse_today(text: &str) -> Result<Date, String> {
    crate::plan::model::parse_date(text).ok_or_else(|| {
        format!(
            "`{}` is not a date; write YYYY-MM-DD, e.g. 2023-11-02",
            crate::text::escape(text)
        )
    })
}

#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub file: PlanFile,
    /// What to report
    #[arg(long, value_enum, default_value_t = ReportKind::Overview)]
    pub kind: ReportKind,
    /// How to write it
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Only this dimension (its id, e.g. governance)
    #[arg(long, value_name = "ID")]
    pub dimension: Option<String>,
    /// The program for --kind program (its id, e.g. GOV-01)
    #[arg(long, value_name = "ID")]
    pub program: Option<String>,
    /// Only programs with this status
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Only programs with this horizon
    #[arg(long, value_name = "HORIZON")]
    pub horizon: Option<String>,
    /// Text: never wider than this many columns (40 to 1000)
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = parse_width)]
    pub width: usize,
    /// Text: a page break (form feed) and the header again every N lines
    #[arg(long, value_name = "N")]
    pub pages: Option<usize>,
    /// Upcoming: how many days ahead
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(i32).range(0..=3660))]
    pub days: i32,
    /// Evaluation: the year evaluated (default: this year)
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: Option<i32>,
    /// CSV: the separator (`;` for spreadsheets set to the Indonesian locale)
    #[arg(long, value_name = "CHAR", default_value_t = ',')]
    pub sep: char,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// With --output: replace the file if it is there (only a regular file of yours)
    #[arg(long, requires = "output")]
    pub force: bool,
    /// The printable report's paper, letterhead and signature. Boxed: only
    /// `--format html` uses them.
    #[command(flatten)]
    pub letter: Box<LetterArgs>,
}

/// `--format html`: the paper, the letterhead and the signature.
#[derive(Debug, Clone, Args)]
pub struct LetterArgs {
    /// The paper to lay the report out for (F4 is folio, 215×330 mm)
    #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4, help_heading = HTML)]
    pub paper: PaperArg,
    /// The agency on the letterhead, under the region, e.g. "Dinas Komunikasi, Informatika dan Persandian"
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub agency: Option<String>,
    /// The letterhead's address line
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub address: Option<String>,
    /// A logo for the letterhead, embedded in the file (.png, .jpg, .jpeg or .svg)
    #[arg(long, value_name = "PATH", help_heading = HTML)]
    pub logo: Option<PathBuf>,
    /// Where the report is signed, before the date, e.g. Masamba
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub place: Option<String>,
    /// The signer's name, under the room for the signature
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub signer_name: Option<String>,
    /// The signer's position, above the signature, e.g. "Kepala Dinas"
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub signer_position: Option<String>,
    /// The signer's NIP (civil-servant number), under the name
    #[arg(long, value_name = "NIP", help_heading = HTML)]
    pub signer_nip: Option<String>,
    /// The date above the signature (default: today, or --today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today, help_heading = HTML)]
    pub date: Option<Date>,
}

const HTML: &str = "Printable report (--format html)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    F4,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Paper {
        match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::F4 => Paper::F4,
        }
    }
}

impl ReportArgs {
    /// The report these arguments ask for: clap's values mapped onto the
    /// report's own types, status and horizon names read in either language,
    /// and what can be checked without the plan checked now.
    pub fn request(&self, ascii: bool) -> Result<Request, ReportError> {
        let request = Request {
            kind: self.kind.into(),
            format: self.format.into(),
            filter: Filter {
                dimension: self.dimension.clone(),
                program: self.program.clone(),
                status: self.status.as_deref().map(parse_status).transpose()?,
                horizon: self.horizon.as_deref().map(parse_horizon).transpose()?,
                query: String::new(),
            },
            width: self.width,
            ascii,
            pages: self.pages,
            days: self.days,
            sep: self.sep,
            letter: Box::new(self.letter()?),
            year: self.year,
        };
        request.check()?;
        Ok(request)
    }

    /// The paper, letterhead and signature; reads the logo, if one is given,
    /// only for HTML (nothing else shows it).
    fn letter(&self) -> Result<Letter, ReportError> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let a = &self.letter;
        let logo = match &a.logo {
            Some(path) if self.format == ReportFormat::Html => {
                let name = || path.to_string_lossy().into_owned();
                let read = |e: std::io::Error| ReportError::LogoRead {
                    path: name(),
                    reason: e.to_string(),
                };
                // Looked at first: reading a FIFO would wait for ever, and
                // a huge file is refused before it is read.
                let meta = std::fs::metadata(path).map_err(read)?;
                if !meta.is_file() {
                    return Err(ReportError::LogoNotFile { path: name() });
                }
                if meta.len() > Logo::MAX_BYTES {
                    return Err(ReportError::LogoSize {
                        path: name(),
                        bytes: meta.len(),
                    });
                }
                Some(Logo::new(path, std::fs::read(path).map_err(read)?)?)
            }
            _ => None,
        };
        Ok(Letter {
            paper: a.paper.into(),
            agency: text(&a.agency),
            address: text(&a.address),
            logo,
            place: text(&a.place),
            signer: Signer {
                name: text(&a.signer_name),
                position: text(&a.signer_position),
                nip: text(&a.signer_nip),
            },
            date: a.date,
        })
    }
}

impl From<ReportKind> for Kind {
    fn from(kind: ReportKind) -> Kind {
        match kind {
            ReportKind::Overview => Kind::Overview,
            ReportKind::Dimension => Kind::Dimension,
            ReportKind::Program => Kind::Program,
            ReportKind::Timeline => Kind::Timeline,
            ReportKind::Overdue => Kind::Overdue,
            ReportKind::Upcoming => Kind::Upcoming,
            ReportKind::Targets => Kind::Targets,
            ReportKind::Evaluation => Kind::Evaluation,
        }
    }
}

impl From<ReportFormat> for Format {
    fn from(format: ReportFormat) -> Format {
        match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
            ReportFormat::Html => Format::Html,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    Overview,
    Dimension,
    Program,
    Timeline,
    Overdue,
    Upcoming,
    Targets,
    /// The yearly evaluation: aspects, estimated index, evidence, budget
    Evaluation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupSection {
    Regions,
    Overdue,
    Behind,
    Failed,
}

impl From<RollupSection> for crate::report::rollup::Section {
    fn from(s: RollupSection) -> Self {
        use crate::report::rollup::Section;
        match s {
            RollupSection::Regions => Section::Regions,
            RollupSection::Overdue => Section::Overdue,
            RollupSection::Behind => Section::Behind,
            RollupSection::Failed => Section::Failed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Markdown,
    Csv,
    Json,
    Html,
}

/// The data format's reference, in the binary so that a server with only
/// the binary has it: `pantau help format`.
pub const FORMAT_REFERENCE: &str = include_str!("../docs/FORMAT.md");

/// `pantau completions SHELL`, from the same definitions as the parser.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Cli::command(), "pantau", out);
}

/// The man page (`doc/pantau.1`), from the same definitions as the parser:
/// the top level, then each command's options as a section of its own.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    use clap::CommandFactory;
    let command = Cli::command();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        let name = sub.get_name();
        let sub = sub.clone().bin_name(format!("pantau {name}"));
        let mut text = Vec::new();
        let man = clap_mangen::Man::new(sub);
        man.render_synopsis_section(&mut text)?;
        man.render_options_section(&mut text)?;
        // Each command's sections under its own heading, not a second SYNOPSIS.
        let text = String::from_utf8_lossy(&text)
            .replace(
                ".SH SYNOPSIS",
                &format!(".SH \"PANTAU {}\"", name.to_uppercase()),
            )
            .replace(".SH OPTIONS", ".SS Options");
        out.extend_from_slice(text.as_bytes());
    }
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}
