//! The settings every command runs with, resolved once from the flags, the
//! environment and the configuration file (ripgrep's low-level arguments
//! turned into high-level ones), and which plan a command works on when the
//! command line names none.

use super::vocabulary::{self, INTERFACE};
use super::{CommandError, Console};
use crate::config;
use crate::i18n::{Lang, Text, fill};
use crate::store;
use crate::text::escape_path;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Palette;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// The configuration file, read before the command line: its `lang` is the
/// language of the command line's own help.
pub struct ConfigFile {
    path: Option<PathBuf>,
    read: Result<Option<config::Config>, config::ConfigError>,
}

impl ConfigFile {
    /// Reads the file where the environment says it is; its own messages are
    /// in `lang` (the flag's or the locale's), else in English.
    pub fn read(env: &dyn Fn(&str) -> Option<String>, lang: Option<Lang>) -> ConfigFile {
        let path = config::location(env);
        let read = match &path {
            Some(path) => config::load(path, lang.unwrap_or(Lang::En), &INTERFACE),
            None => Ok(None),
        };
        ConfigFile { path, read }
    }

    /// The `lang` the file gives, if it was read.
    pub fn lang(&self) -> Option<Lang> {
        self.read
            .as_ref()
            .ok()
            .and_then(Option::as_ref)
            .and_then(|c| c.lang)
    }
}

/// The settings in effect for this run.
pub struct Settings {
    pub lang: Lang,
    pub today: Date,
    /// `today` is `--today`'s, not the clock's: it holds for a whole
    /// interface session, past midnight too.
    pub today_given: bool,
    /// Only ASCII: asked for, or the locale cannot show more.
    pub ascii: bool,
    /// `--demo`: commands work on a private copy of the example.
    pub demo: bool,
    /// Each setting of the configuration in effect, with its source.
    pub effective: config::Effective,
    /// The interface's keys and colours, as the configuration gives them.
    pub keymap: Keymap,
    pub palette: Palette,
    /// Where the configuration file is looked for.
    pub config_path: Option<PathBuf>,
    /// Why the configuration file is not used, when it is not.
    pub config_error: Option<config::ConfigError>,
    /// `--demo`'s plan, once made.
    demo_plan: Option<PathBuf>,
}

impl Settings {
    /// A flag, else the environment, else the configuration file, else the
    /// built-in default: for every setting, here and nowhere else.
    pub fn resolve(
        flags: config::Flags,
        file: ConfigFile,
        env: &dyn Fn(&str) -> Option<String>,
        today: Date,
    ) -> Settings {
        let loaded = file.read.as_ref().ok().and_then(Option::as_ref);
        let path = file.path.as_deref();
        let mut effective = config::resolve(&flags, env, loaded, path, &INTERFACE);
        // A path need not be UTF-8; `env` only sees the variables that are.
        if let (config::Source::File(_) | config::Source::Default, Some(path)) = (
            &effective.plan.from,
            std::env::var_os("PANTAU_FILE").filter(|v| !v.is_empty() && v.to_str().is_none()),
        ) {
            effective.plan = config::Setting {
                from: config::Source::Env(format!("PANTAU_FILE={}", path.to_string_lossy())),
                value: Some(PathBuf::from(path)),
            };
        }
        Settings {
            lang: effective.lang.value,
            today,
            today_given: false,
            ascii: effective.ascii,
            demo: flags.demo,
            keymap: vocabulary::keymap(loaded.and_then(|c| c.keys.as_ref())),
            palette: vocabulary::palette(loaded.and_then(|c| c.theme.as_ref())),
            effective,
            config_path: file.path,
            config_error: file.read.err(),
            demo_plan: None,
        }
    }

    pub fn text(&self) -> &'static Text {
        self.lang.text()
    }

    /// How figures are written: the configuration's `numbers`, else the
    /// language's way.
    pub fn numbers(&self) -> Lang {
        self.effective.numbers.value.unwrap_or(self.lang)
    }

    /// What settles a figure typed on the command line that reads two ways
    /// (`36.500`): the configuration's `numbers` when it is set (an officer
    /// who said how they write figures), else the language
    /// ([`Lang::typed_convention`]).
    pub fn typed_convention(&self) -> Option<crate::plan::typed::Convention> {
        match self.effective.numbers.value {
            Some(numbers) => Some(numbers.convention()),
            None => self.lang.typed_convention(),
        }
    }

    /// The officer's name for the audit log, when one is given.
    pub fn officer(&self) -> Option<&str> {
        self.effective.officer.value.as_deref()
    }

    /// The file a command works on: the one given, else `--demo`'s copy,
    /// else `$PANTAU_FILE`, else the configuration's `plan`, else the
    /// default plan in the data folder, created from the example the first
    /// time so that a new user's very first command works.
    pub fn plan(&self, given: Option<PathBuf>, io: &mut Console) -> Result<PathBuf, CommandError> {
        if let Some(path) = given {
            return Ok(path);
        }
        if let Some(path) = &self.demo_plan {
            return Ok(path.clone());
        }
        if let Some(path) = &self.effective.plan.value {
            return Ok(path.clone());
        }
        let path = default_path()?;
        if !path.exists() {
            create_default(&path, self.text(), io)?;
        }
        Ok(path)
    }

    /// The plan opened when the configuration names none: `--demo`'s copy,
    /// or the data folder's.
    pub fn default_plan(&self) -> Option<PathBuf> {
        self.demo_plan.clone().or_else(|| default_path().ok())
    }

    /// Makes `--demo`'s private copy, every command's plan from now on; it
    /// is removed when the returned guard is dropped. `interface`: the
    /// officer is told where it is and, afterwards, that it is gone.
    pub fn start_demo(&mut self, interface: bool) -> Result<Demo, CommandError> {
        let t = self.text();
        let mut demo = Demo::create(t)?;
        // Only said around the interface: a command's output stays as without --demo.
        if interface {
            eprintln!("{}", fill(t.cli.demo_opened, &[&escape_path(&demo.plan)]));
        } else {
            demo.said = "";
        }
        self.demo_plan = Some(demo.plan.clone());
        Ok(demo)
    }
}

/// `--demo`'s private copy of the example: a folder of its own (mode 0700)
/// under the temporary folder, so that the repository, the data folder and
/// other logins never see it, with the plan and whatever pantau puts beside
/// it (backup, audit log), all removed when this is dropped.
pub struct Demo {
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

fn create_default(path: &Path, t: &Text, io: &mut Console) -> Result<(), CommandError> {
    match store::create_new(path, store::EXAMPLE) {
        Ok(()) => {
            io.say(&fill(t.cli.created_default, &[&escape_path(path)]));
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

/// The default plan: `masterplan.ron` in the data folder.
pub fn default_path() -> Result<PathBuf, CommandError> {
    directories::ProjectDirs::from("", "", "pantau")
        .map(|dirs| dirs.data_dir().join("masterplan.ron"))
        .ok_or(CommandError::NoHome)
}
