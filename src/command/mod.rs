//! The commands' bodies: each takes the resolved [`Settings`] and its own
//! typed arguments, writes to a [`Console`], and returns a [`CommandError`]
//! when it stops; the binary only parses, resolves and dispatches, so tests
//! reach every command in-process.

use std::io::Write;

mod check;
mod doctor;
mod error;
mod git;
mod import;
mod interface;
mod log;
mod report;
mod set;
mod settings;
mod show_config;
pub mod vocabulary;

pub use check::{check, init, summary};
pub use doctor::doctor;
pub use error::{CommandError, Kind};
pub use git::{git_setup, merge_driver, sync};
pub use import::import;
pub use interface::{interface, province};
pub use log::log;
pub use report::{report, rollup};
pub use set::set;
pub use settings::{ConfigFile, Demo, Settings, default_path};
pub use show_config::show_config;

/// Where a command writes: its output, and its messages for the person
/// (stdout and stderr at the edge; buffers in tests).
pub struct Console<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

impl Console<'_> {
    /// Writes the command's output; a closed pipe (`pantau summary | head`)
    /// is not an error.
    pub fn print(&mut self, text: &str) -> Result<(), CommandError> {
        self.print_bytes(text.as_bytes())
    }

    pub fn print_bytes(&mut self, bytes: &[u8]) -> Result<(), CommandError> {
        match self.out.write_all(bytes).and_then(|()| self.out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CommandError::Stdout(e)),
            _ => Ok(()),
        }
    }

    /// One line for the person beside the output: a warning, a hint, what
    /// was done. A message that cannot be written is not worth stopping for.
    pub fn say(&mut self, line: &str) {
        let _ = writeln!(self.err, "{line}");
    }
}

/// Now, in the local time zone, as RFC 3339 (for the audit log).
fn now_rfc3339() -> String {
    jiff::ZonedDateTime::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Flags;
    use crate::i18n::Lang;
    use crate::store::{LoadError, SaveError};
    use std::path::{Path, PathBuf};

    /// An environment of just `pairs`.
    fn env(pairs: Vec<(&'static str, String)>) -> impl Fn(&str) -> Option<String> {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone())
    }

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2024, 6, 1)
    }

    /// The settings from a configuration file holding `config` (if any),
    /// the environment `pairs` and the command line's `given`.
    fn settings(
        dir: &Path,
        config: Option<&str>,
        pairs: Vec<(&'static str, String)>,
        given: Flags,
    ) -> Settings {
        let file = dir.join("config.ron");
        if let Some(text) = config {
            std::fs::write(&file, text).unwrap();
        }
        let mut pairs = pairs;
        pairs.push(("PANTAU_CONFIG", file.display().to_string()));
        let env = env(pairs);
        let config = ConfigFile::read(&env, None);
        Settings::resolve(given, config, &env, today())
    }

    /// Runs `command` with buffers for stdout and stderr.
    fn run(
        command: impl FnOnce(&mut Console) -> Result<(), CommandError>,
    ) -> (Result<(), CommandError>, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let result = command(&mut Console {
            out: &mut out,
            err: &mut err,
        });
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (result, text(out), text(err))
    }

    fn plan_of(s: &Settings, given: Option<&str>) -> PathBuf {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut io = Console {
            out: &mut out,
            err: &mut err,
        };
        s.plan(given.map(PathBuf::from), &mut io).unwrap()
    }

    #[test]
    fn the_plan_is_the_one_given_then_demo_then_pantau_file_then_the_configuration() {
        let dir = tempfile::tempdir().unwrap();
        let config = Some("(plan: \"plans/luwu.ron\")");
        let from_file = dir.path().join("plans/luwu.ron");
        let s = settings(dir.path(), config, Vec::new(), Flags::default());
        assert_eq!(plan_of(&s, None), from_file);
        assert_eq!(plan_of(&s, Some("mine.ron")), Path::new("mine.ron"));
        let pantau_file = vec![("PANTAU_FILE", "/srv/plan.ron".to_string())];
        let s = settings(dir.path(), config, pantau_file.clone(), Flags::default());
        assert_eq!(plan_of(&s, None), Path::new("/srv/plan.ron"));
        // `pantau config` shows the plan the commands use, and why.
        assert_eq!(
            s.effective.plan.from,
            crate::config::Source::Env("PANTAU_FILE=/srv/plan.ron".into())
        );
        let demo = Flags {
            demo: true,
            ..Flags::default()
        };
        let mut s = settings(dir.path(), config, pantau_file, demo);
        let guard = s.start_demo(false).unwrap();
        let copy = plan_of(&s, None);
        assert!(
            copy.ends_with("luwu-utara.ron") && copy.exists(),
            "{copy:?}"
        );
        assert!(!copy.starts_with(dir.path()));
        drop(guard);
        assert!(!copy.exists(), "the private copy is removed afterwards");
    }

    #[test]
    fn a_flag_wins_over_the_locale_over_the_configuration_for_the_language() {
        let dir = tempfile::tempdir().unwrap();
        let config = Some("(lang: \"id\", officer: \"Sari\")");
        let s = settings(dir.path(), config, Vec::new(), Flags::default());
        assert_eq!((s.lang, s.officer()), (Lang::Id, Some("Sari")));
        let locale = vec![("LANG", "en_US.UTF-8".to_string())];
        let s = settings(dir.path(), config, locale.clone(), Flags::default());
        assert_eq!(s.lang, Lang::En);
        let flag = Flags {
            lang: Some(Lang::Id),
            officer: Some("Budi".into()),
            ..Flags::default()
        };
        let s = settings(dir.path(), config, locale, flag);
        assert_eq!((s.lang, s.officer()), (Lang::Id, Some("Budi")));
        // A file pantau cannot use is reported and the defaults used.
        let s = settings(
            dir.path(),
            Some("(lang: \"fr\")"),
            Vec::new(),
            Flags::default(),
        );
        assert_eq!(s.lang, Lang::En);
        assert!(s.config_error.is_some());
    }

    #[test]
    fn what_the_user_can_fix_exits_2_and_what_the_world_did_exits_1() {
        let path = || PathBuf::from("plan.ron");
        let io_error = || std::io::Error::other("disk");
        let fixable = [
            CommandError::Width { min: 40 },
            CommandError::Load(LoadError::NotFound(path())),
            CommandError::Load(LoadError::Empty(path())),
            CommandError::Save {
                path: path(),
                error: SaveError::Invalid(Vec::new()),
            },
            CommandError::NoChanges {
                file: "plan.ron".into(),
                id: "GOV-01".into(),
            },
            CommandError::OutputExists(path()),
        ];
        for error in &fixable {
            assert_eq!((error.kind(), error.exit_code()), (Kind::Invalid, 2));
        }
        let world = [
            CommandError::Load(LoadError::Io {
                path: path(),
                error: io_error(),
            }),
            CommandError::Save {
                path: path(),
                error: SaveError::Busy,
            },
            CommandError::Write {
                path: path(),
                error: io_error(),
            },
            CommandError::Stdout(io_error()),
            CommandError::NeedsTerminal,
            CommandError::SyncStopped,
        ];
        for error in &world {
            assert_eq!((error.kind(), error.exit_code()), (Kind::Failure, 1));
        }
        // What a stopped sync did is already printed: no message of its own.
        assert_eq!(CommandError::SyncStopped.render(Lang::En), "");
    }

    #[test]
    fn commands_run_in_process_on_a_plan_and_say_what_they_did() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.ron");
        std::fs::write(&plan, crate::store::EXAMPLE).unwrap();
        let s = settings(dir.path(), None, Vec::new(), Flags::default());
        let (result, out, err) = run(|io| check(Some(plan.clone()), &s, io));
        assert!(result.is_ok(), "{err}");
        assert!(out.contains(": valid: "), "{out}");
        let changes = ["status=Done".to_string()];
        let (result, out, _) = run(|io| set(Some(plan.clone()), "GOV-01", &changes, &s, io));
        assert!(result.is_ok());
        assert!(out.starts_with("GOV-01: status: "), "{out}");
        let saved = crate::store::load(&plan).unwrap();
        let gov = saved.plan.programs.iter().find(|p| p.id == "GOV-01");
        assert_eq!(
            gov.map(|p| p.status),
            Some(crate::plan::model::Status::Done)
        );
        // A mistyped id is the user's to fix, with the nearest one offered.
        let (result, _, _) = run(|io| set(Some(plan.clone()), "GOV-1", &changes, &s, io));
        let error = result.unwrap_err();
        assert_eq!(error.exit_code(), 2);
        assert_eq!(error.hints(Lang::En), ["did you mean `GOV-01`?"]);
        let said = error.render(Lang::En);
        assert!(said.starts_with("error: ") && said.ends_with("\nhint: did you mean `GOV-01`?"));
        // A width too narrow is refused before the file is read.
        let missing = dir.path().join("missing.ron");
        let (result, out, _) = run(|io| summary(Some(missing), None, 10, 30, &s, io));
        assert!(matches!(result, Err(CommandError::Width { .. })) && out.is_empty());
    }
}
