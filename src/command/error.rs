//! Why a command stopped: every failure of every command, typed, with its
//! exit code decided by its kind and its message rendered in one place.

use crate::config;
use crate::i18n::{Lang, fill};
use crate::plan::field::FieldError;
use crate::plan::merge::{Choice, Conflict};
use crate::plan::validate::Problem;
use crate::report::ReportError;
use crate::store::{self, LoadError, SaveError};
use crate::text::{escape, escape_path};
use std::path::{Path, PathBuf};

/// What kind of failure stopped a command: the exit code, as `--help`
/// documents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The world: permissions, a full disk, a lost terminal, a merge left
    /// for a person. Exit 1.
    Failure,
    /// Something the user can fix in what they typed or wrote. Exit 2.
    Invalid,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Failure => 1,
            Kind::Invalid => 2,
        }
    }
}

/// Why a command stopped. Every failure of every command is one of these,
/// carried typed to here and rendered in one place, [`CommandError::render`],
/// in the officer's language, with a hint where there is something to do.
#[derive(Debug)]
pub enum CommandError {
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
    /// Budget lines spending above their allocation (each said already).
    Overspent {
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
    /// `pantau rollup` printed, but these plans (file, why) are not in it.
    NotAllLoaded {
        failed: Vec<(String, String)>,
        total: usize,
    },
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
    Import(Vec<crate::import::Problem>),
}

impl CommandError {
    /// A file other than the plan (a report, a merge) was not written.
    pub fn output(path: &Path, e: store::OutputError) -> CommandError {
        match e {
            store::OutputError::Exists(path) => CommandError::OutputExists(path),
            store::OutputError::Refused(refused) => CommandError::OutputRefused(refused),
            store::OutputError::Io(error) => CommandError::Write {
                path: path.to_path_buf(),
                error,
            },
        }
    }

    /// What kind of failure this is, which decides the exit code. Every
    /// variant is named: a new one must be given its kind.
    pub fn kind(&self) -> Kind {
        use CommandError as E;
        match self {
            E::Load(load) => match load {
                LoadError::Io { .. } => Kind::Failure,
                LoadError::NotFound(_)
                | LoadError::IsDirectory(_)
                | LoadError::NotRegular(_)
                | LoadError::TooLarge { .. }
                | LoadError::NotUtf8 { .. }
                | LoadError::Empty(_)
                | LoadError::NewerVersion { .. }
                | LoadError::Syntax { .. }
                | LoadError::Invalid { .. } => Kind::Invalid,
            },
            E::Save { error, .. } => match error {
                SaveError::Io(_)
                | SaveError::Busy
                | SaveError::ReadOnly(_)
                | SaveError::Replaced { .. } => Kind::Failure,
                SaveError::Broken(_) | SaveError::Invalid(_) => Kind::Invalid,
            },
            E::NeedsTerminal
            | E::Write { .. }
            | E::Log { .. }
            | E::Stdout(_)
            | E::Terminal(_)
            | E::Stopped
            | E::MergeConflicts { .. }
            | E::SyncStopped
            | E::NotAllLoaded { .. } => Kind::Failure,
            E::FileBeforeCommand(_)
            | E::Width { .. }
            | E::UnknownDimension { .. }
            | E::InitExists(_)
            | E::DemoWithFile(_)
            | E::NoHome
            | E::NoProgram { .. }
            | E::NotAssignment(_)
            | E::NoChanges { .. }
            | E::UnknownTopic { .. }
            | E::UnknownCommand { .. }
            | E::Field(_)
            | E::SetInvalid(_)
            | E::Conflicts(_)
            | E::Git(_)
            | E::OpenConflicts { .. }
            | E::Overspent { .. }
            | E::Report(_)
            | E::OutputIsPlan(_)
            | E::OutputExists(_)
            | E::OutputRefused(_)
            | E::Config(_)
            | E::ImportRead(_)
            | E::Import(_) => Kind::Invalid,
        }
    }

    /// The process's exit code, as documented in `--help`.
    pub fn exit_code(&self) -> u8 {
        self.kind().exit_code()
    }

    /// The message for a person, in `lang`: `error: what` and a line
    /// `hint: what to do` for each hint; empty when what the command did is
    /// already printed.
    pub fn render(&self, lang: Lang) -> String {
        let t = lang.text();
        let (message, hints) = self.said(lang);
        let mut out = match message {
            Message::Error(what) => format!("{}: {what}", t.error),
            Message::Whole(text) => text,
        };
        for hint in hints {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("{}: {hint}", t.hint));
        }
        out
    }

    /// What to do about it, in `lang`, where there is something to do that
    /// the message does not say itself.
    pub fn hints(&self, lang: Lang) -> Vec<String> {
        self.said(lang).1
    }

    fn said(&self, lang: Lang) -> (Message, Vec<String>) {
        let t = lang.text();
        let esc = |s: &str| escape(s).into_owned();
        let error = |what: String| (Message::Error(what), Vec::new());
        let with_hint = |what: String, hint: &str| (Message::Error(what), vec![hint.to_string()]);
        let whole = |text: String| (Message::Whole(text), Vec::new());
        match self {
            CommandError::Load(e) => whole(e.render(t)),
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
                let errors: Vec<String> = problems
                    .iter()
                    .map(|p| format!("{}: {}", t.error, p.render(t)))
                    .collect();
                let hint = t.sheets.nothing_written.to_string();
                (Message::Whole(errors.join("\n")), vec![hint])
            }
            CommandError::SetInvalid(problems) => {
                let list: Vec<String> = problems
                    .iter()
                    .map(|p| format!("  {}", p.message(t)))
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
                whole(format!(
                    "{}\n  {}",
                    fill(t.cli.md_conflicts, &[&esc(name), &conflicts.len()]),
                    list.join("\n  ")
                ))
            }
            CommandError::Git(e) => error(e.render(t)),
            CommandError::SyncStopped => whole(String::new()),
            CommandError::OpenConflicts { path, count } => {
                error(fill(t.cli.check_conflicts, &[&escape_path(path), count]))
            }
            CommandError::Overspent { path, count } => {
                error(fill(t.cli.check_overspent, &[&escape_path(path), count]))
            }
            CommandError::Save { path, error: e } => error(e.render(path, t)),
            CommandError::Write { path, error: e } => {
                error(fill(t.cli.save_failed, &[&escape_path(path), e]))
            }
            CommandError::Log { path, error: e } => error(format!("{}: {e}", escape_path(path))),
            CommandError::Report(e) => error(e.message(lang)),
            CommandError::NotAllLoaded { failed, total } => {
                let mut what = fill(lang.report().e_not_all_loaded, &[&failed.len(), total]);
                for (file, why) in failed {
                    what.push_str(&format!("\n  {}: {}", esc(file), esc(why)));
                }
                error(what)
            }
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
            CommandError::Stopped => whole(String::new()),
            CommandError::Config(e) => whole(e.render(t.error, t)),
        }
    }
}

/// The first line of what a person reads when a command stops.
enum Message {
    /// What went wrong, after `error: `.
    Error(String),
    /// Already whole, with its own prefix and hints (a plan that did not
    /// load, a configuration not used), or nothing: what the command did is
    /// already printed.
    Whole(String),
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
