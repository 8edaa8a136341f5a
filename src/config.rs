//! The user's configuration file (`~/.config/pantau/config.ron`): where it
//! is, reading it with errors placed at a line and column, and each setting's
//! value in effect with where it came from: a flag, the environment, the
//! file, or the built-in default, in that order of precedence.
//!
//! Keys and colours are only names here: whoever gives the interface its
//! settings answers, through [`Names`], which names there are, and turns
//! them into the interface's own types.

use crate::i18n::{Lang, Text, fill};
use crate::store::{self, LoadError};
use crate::text::{escape, escape_path};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;
use std::path::{Path, PathBuf};

/// The settings a configuration file may give; every one may be left out.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The plan to open when none is given (`~/` is the home folder; a
    /// relative path is taken from the configuration's folder).
    pub plan: Option<PathBuf>,
    #[serde(deserialize_with = "de_lang")]
    pub lang: Option<Lang>,
    /// The officer's name in the audit log, as `--officer`.
    pub officer: Option<String>,
    /// How figures are written: `"id"` (40.000,5) or `"en"` (40,000.5).
    /// Settles a figure typed on the command line that reads two ways
    /// (`36.500`), and a CSV's separator and decimal mark; unset, the
    /// language decides.
    #[serde(deserialize_with = "de_lang")]
    pub numbers: Option<Lang>,
    pub theme: Option<ThemeConfig>,
    /// Per action (`save`, `next-view`), the keys that replace its own.
    #[serde(deserialize_with = "de_keys")]
    pub keys: Option<Overrides>,
}

/// Per action's name, the names of the keys that replace its own, in the
/// file's order.
pub type Overrides = Vec<(String, Vec<String>)>;

/// `theme: (mono: true, late: "light-red")`: a colour's name for any of the
/// palette's roles, and `mono` for no colour at all.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ThemeConfig {
    pub mono: Option<bool>,
    /// Each role given (one of [`Names::roles`]) and its colour's name.
    pub colours: Vec<(&'static str, String)>,
}

/// The interface's names as a configuration file writes them: its actions,
/// keys, colour roles and colours. A name is checked while the file is read,
/// so that an error is placed where the name is; the answer is in the
/// officer's words.
pub trait Names: Sync {
    /// The palette's roles, as the `theme` section names them.
    fn roles(&self) -> &'static [&'static str];
    fn colour(&self, name: &str, t: &Text) -> Result<(), String>;
    fn action(&self, name: &str, t: &Text) -> Result<(), String>;
    fn key(&self, name: &str, t: &Text) -> Result<(), String>;
    /// Whether every action can have the keys given it; else the name of the
    /// action the error is placed at, and why not.
    fn keys(&self, overrides: &Overrides, t: &Text) -> Result<(), (String, String)>;
    /// Each role and the name of its colour, with the theme's over the
    /// defaults.
    fn colours(&self, theme: Option<&ThemeConfig>) -> Vec<(&'static str, String)>;
    /// Each action's name and its keys as the help shows them, with the
    /// overrides over the defaults.
    fn key_labels(
        &self,
        overrides: Option<&Overrides>,
        ascii: bool,
    ) -> Vec<(&'static str, Vec<String>)>;
}

/// Where the configuration is read from: `$PANTAU_CONFIG`, else
/// `$XDG_CONFIG_HOME/pantau/config.ron`, else `~/.config/pantau/config.ron`.
/// A relative `XDG_CONFIG_HOME` is ignored, as the XDG specification says.
pub fn location(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    if let Some(path) = set("PANTAU_CONFIG") {
        return Some(PathBuf::from(path));
    }
    let base = set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| set("HOME").map(|home| Path::new(&home).join(".config")))?;
    Some(base.join("pantau").join("config.ron"))
}

/// Why the configuration file is not used.
#[derive(Debug)]
pub enum ConfigError {
    /// Not readable as text (a folder, a FIFO, not UTF-8, too large).
    Read(LoadError),
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        error: ron::Error,
    },
    /// The keys cannot all be had; placed at the action's name, with the
    /// interface's reason.
    Keys {
        path: PathBuf,
        line: usize,
        col: usize,
        why: String,
    },
}

impl ConfigError {
    /// `prefix: file:line:col: what` and a hint, for a person.
    pub fn render(&self, prefix: &str, t: &Text) -> String {
        let mut hint = t.config.not_used_hint.to_string();
        let message = match self {
            ConfigError::Read(e) => {
                let text = e.render(t);
                let first = format!("{}: ", t.error);
                // LoadError's own hint is about plans: only its first line.
                let line = text.lines().next().unwrap_or_default();
                line.strip_prefix(&first).unwrap_or(line).to_string()
            }
            ConfigError::Syntax {
                path,
                line,
                col,
                error,
            } => {
                let what = match error {
                    // Our own messages, already in the officer's words.
                    ron::Error::Message(m) => escape(m).into_owned(),
                    // The valid names, before the rest.
                    ron::Error::NoSuchStructField { .. } => {
                        let (what, fields) = store::describe_syntax(error, t);
                        hint = format!("{fields}\n{}: {hint}", t.hint);
                        what
                    }
                    other => store::describe_syntax(other, t).0,
                };
                format!("{}:{line}:{col}: {what}", escape_path(path))
            }
            ConfigError::Keys {
                path,
                line,
                col,
                why,
            } => format!("{}:{line}:{col}: {why}", escape_path(path)),
        };
        format!("{prefix}: {message}\n{}: {hint}", t.hint)
    }
}

/// Reads the configuration at `path`; `Ok(None)` when there is none.
/// Messages are in `lang`'s words.
pub fn load(
    path: &Path,
    lang: Lang,
    names: &'static dyn Names,
) -> Result<Option<Config>, ConfigError> {
    let source = match store::read(path) {
        Ok(source) => source,
        Err(LoadError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(ConfigError::Read(e)),
    };
    parse(&source, path, lang, names).map(Some)
}

/// Parses configuration text; `path` names the file in errors and is where
/// a relative `plan` is taken from.
pub fn parse(
    source: &str,
    path: &Path,
    lang: Lang,
    names: &'static dyn Names,
) -> Result<Config, ConfigError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let only_comments = source
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with("//"));
    let config: Config = if only_comments {
        Config::default()
    } else {
        let previous = TEXT.with(|t| t.replace(lang.text()));
        let previous_names = NAMES.with(|n| n.replace(Some(names)));
        let parsed = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str::<Config>(source);
        TEXT.with(|t| t.set(previous));
        NAMES.with(|n| n.set(previous_names));
        parsed.map_err(|e| {
            // ron reports a cut-off file as whatever it expected next; at
            // the very end of the text the truth is "the file ends too early".
            let end = (e.span.end.line, e.span.end.col);
            let error = if end >= line_col(source.trim_end()) {
                ron::Error::Eof
            } else {
                e.code
            };
            ConfigError::Syntax {
                path: path.to_path_buf(),
                line: e.span.start.line,
                col: e.span.start.col,
                error,
            }
        })?
    };
    if let Some(keys) = &config.keys {
        names.keys(keys, lang.text()).map_err(|(name, why)| {
            let (line, col) = place_of(source, &format!("\"{name}\""));
            ConfigError::Keys {
                path: path.to_path_buf(),
                line,
                col,
                why,
            }
        })?;
    }
    Ok(config)
}

/// Line and column of `needle`'s first use after `keys`, else of `keys`.
fn place_of(source: &str, needle: &str) -> (usize, usize) {
    let from = source.find("keys").unwrap_or(0);
    let at = source[from..].find(needle).map_or(from, |i| from + i);
    line_col(&source[..at])
}

/// The line and column just after `before`.
fn line_col(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

thread_local! {
    /// The language of the messages the deserializers below write: serde
    /// gives them no other way to know it.
    static TEXT: Cell<&'static Text> = Cell::new(&crate::i18n::EN);
}

thread_local! {
    /// The interface's names, for the deserializers below, as [`TEXT`].
    static NAMES: Cell<Option<&'static dyn Names>> = const { Cell::new(None) };
}

fn text() -> &'static Text {
    TEXT.with(Cell::get)
}

/// A name checked against the interface's, while [`parse`] reads; outside
/// it there are none to check against, and every name is refused.
fn check(
    name: &str,
    ask: impl Fn(&dyn Names, &str, &Text) -> Result<(), String>,
) -> Result<(), String> {
    match NAMES.with(Cell::get) {
        Some(names) => ask(names, name, text()),
        None => Err(escape(name).into_owned()),
    }
}

fn roles() -> &'static [&'static str] {
    NAMES.with(Cell::get).map_or(&[], |names| names.roles())
}

fn de_lang<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    struct Name(Lang);
    impl<'de> Deserialize<'de> for Name {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let name = String::deserialize(d)?;
            match name.trim().to_ascii_lowercase().as_str() {
                "id" => Ok(Name(Lang::Id)),
                "en" => Ok(Name(Lang::En)),
                _ => Err(de::Error::custom(fill(
                    text().config.unknown_lang,
                    &[&escape(&name)],
                ))),
            }
        }
    }
    Ok(Option::<Name>::deserialize(d)?.map(|n| n.0))
}

/// A colour's name, one the interface has.
struct ColourName(String);

impl<'de> Deserialize<'de> for ColourName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        check(&name, |n, name, t| n.colour(name, t)).map_err(de::Error::custom)?;
        Ok(ColourName(name))
    }
}

/// A field's name, as ron gives it for a struct (`(title: …)`).
struct Ident(String);

impl<'de> Deserialize<'de> for Ident {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Ident;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Ident, E> {
                Ok(Ident(v.to_string()))
            }
        }
        d.deserialize_identifier(V)
    }
}

fn theme_fields() -> &'static [&'static str] {
    static FIELDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let mut all = vec!["mono"];
        all.extend(roles());
        all
    })
}

impl<'de> Deserialize<'de> for ThemeConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ThemeConfig;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the theme, e.g. (late: \"light-red\", mono: false)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ThemeConfig, A::Error> {
                let mut theme = ThemeConfig::default();
                while let Some(Ident(name)) = map.next_key::<Ident>()? {
                    if name == "mono" {
                        if theme.mono.is_some() {
                            return Err(de::Error::duplicate_field("mono"));
                        }
                        theme.mono = Some(map.next_value::<bool>()?);
                        continue;
                    }
                    let Some(role) = roles().iter().find(|r| **r == name) else {
                        return Err(de::Error::custom(fill(
                            text().config.unknown_role,
                            &[&escape(&name), &roles().join(", ")],
                        )));
                    };
                    if theme.colours.iter().any(|(r, _)| r == role) {
                        return Err(de::Error::duplicate_field(role));
                    }
                    let ColourName(colour) = map.next_value()?;
                    theme.colours.push((role, colour));
                }
                Ok(theme)
            }
        }
        d.deserialize_struct("ThemeConfig", theme_fields(), V)
    }
}

/// One key's name or a list of them: `"ctrl-w"` or `["q", "ctrl-q"]`.
struct KeyList(Vec<String>);

fn one_key<E: de::Error>(name: &str) -> Result<String, E> {
    check(name, |n, name, t| n.key(name, t)).map_err(E::custom)?;
    Ok(name.to_string())
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of keys, e.g. [\"q\", \"ctrl-q\"]")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyList, E> {
                Ok(KeyList(vec![one_key(v)?]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    keys.push(one_key(&name)?);
                }
                Ok(KeyList(keys))
            }
        }
        d.deserialize_any(V)
    }
}

fn de_keys<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Overrides>, D::Error> {
    struct Map(Overrides);
    impl<'de> Deserialize<'de> for Map {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Map;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("actions and their keys, e.g. { \"save\": [\"ctrl-w\"] }")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Map, A::Error> {
                    let mut out: Overrides = Vec::new();
                    while let Some(name) = map.next_key::<String>()? {
                        check(&name, |n, name, t| n.action(name, t)).map_err(de::Error::custom)?;
                        if out.iter().any(|(a, _)| *a == name) {
                            return Err(de::Error::custom(fill(
                                text().config.duplicate_action,
                                &[&escape(&name)],
                            )));
                        }
                        let KeyList(keys) = map.next_value()?;
                        out.push((name, keys));
                    }
                    Ok(Map(out))
                }
            }
            d.deserialize_map(V)
        }
    }
    Ok(Option::<Map>::deserialize(d)?.map(|o| o.0))
}

/// Where a setting's value in effect comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, e.g. `--lang`.
    Flag(&'static str),
    /// An environment variable and its value: `LANG=id_ID.UTF-8`.
    Env(String),
    /// The configuration file.
    File(PathBuf),
    Default,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub from: Source,
}

/// What the command line says about the settings the file also gives.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub lang: Option<Lang>,
    pub officer: Option<String>,
    /// `--demo`: the plan is the private copy.
    pub demo: bool,
    /// `--ascii`: only ASCII characters (also when the locale has no more).
    pub ascii: bool,
}

/// Every setting in effect, with its source.
#[derive(Debug, Clone)]
pub struct Effective {
    pub lang: Setting<Lang>,
    /// `None`: the officer is named by the login only.
    pub officer: Setting<Option<String>>,
    /// `None`: the plan in the data folder.
    pub plan: Setting<Option<PathBuf>>,
    /// The way figures are written; `None`: the language's.
    pub numbers: Setting<Option<Lang>>,
    pub mono: Setting<bool>,
    /// Only ASCII: asked for, or the locale cannot show more.
    pub ascii: bool,
    /// Each palette role and its colour's name.
    pub colours: Vec<(&'static str, Setting<String>)>,
    /// Each action and its keys, as the help shows them.
    pub keys: Vec<(&'static str, Setting<Vec<String>>)>,
}

/// The language the locale names, with the variable that names it: the
/// first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (POSIX precedence), when it
/// is Indonesian (`id…`) or English (`en…`). `C`, `POSIX`, `C.UTF-8` or
/// another language choose nothing, and the file or the default decide.
pub fn locale_lang(env: &dyn Fn(&str) -> Option<String>) -> Option<(Lang, String)> {
    let (name, value) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| env(k).filter(|v| !v.is_empty()).map(|v| (*k, v)))?;
    let lang = if value.starts_with("id") {
        Lang::Id
    } else if value.starts_with("en") {
        Lang::En
    } else {
        return None;
    };
    Some((lang, format!("{name}={value}")))
}

/// The settings in effect: a flag, else the environment, else the file at
/// `path` (`config`), else the built-in default.
pub fn resolve(
    flags: &Flags,
    env: &dyn Fn(&str) -> Option<String>,
    config: Option<&Config>,
    path: Option<&Path>,
    names: &dyn Names,
) -> Effective {
    let ascii = flags.ascii || Lang::locale_is_ascii(env);
    let file = || Source::File(path.map(Path::to_path_buf).unwrap_or_default());
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    let lang = if let Some(lang) = flags.lang {
        Setting {
            value: lang,
            from: Source::Flag("--lang"),
        }
    } else if let Some((lang, var)) = locale_lang(env) {
        Setting {
            value: lang,
            from: Source::Env(var),
        }
    } else if let Some(lang) = config.and_then(|c| c.lang) {
        Setting {
            value: lang,
            from: file(),
        }
    } else {
        Setting {
            value: Lang::En,
            from: Source::Default,
        }
    };
    let officer = if let Some(name) = &flags.officer {
        Setting {
            value: Some(name.clone()),
            from: Source::Flag("--officer"),
        }
    } else if let Some(name) = set("PANTAU_OFFICER") {
        Setting {
            value: Some(name.clone()),
            from: Source::Env(format!("PANTAU_OFFICER={name}")),
        }
    } else if let Some(name) = config.and_then(|c| c.officer.clone()) {
        Setting {
            value: Some(name),
            from: file(),
        }
    } else {
        Setting {
            value: None,
            from: Source::Default,
        }
    };
    let plan = if flags.demo {
        Setting {
            value: None,
            from: Source::Flag("--demo"),
        }
    } else if let Some(name) = set("PANTAU_FILE") {
        Setting {
            value: Some(PathBuf::from(&name)),
            from: Source::Env(format!("PANTAU_FILE={name}")),
        }
    } else if let Some(plan) = config.and_then(|c| c.plan.as_deref()) {
        Setting {
            value: Some(plan_path(plan, path, set("HOME").as_deref())),
            from: file(),
        }
    } else {
        Setting {
            value: None,
            from: Source::Default,
        }
    };
    let numbers = Setting {
        value: config.and_then(|c| c.numbers),
        from: match config.and_then(|c| c.numbers) {
            Some(_) => file(),
            None => Source::Default,
        },
    };
    let theme = config.and_then(|c| c.theme.clone()).unwrap_or_default();
    let mono = if let Some(value) = set("NO_COLOR") {
        Setting {
            value: true,
            from: Source::Env(format!("NO_COLOR={value}")),
        }
    } else if let Some(mono) = theme.mono {
        Setting {
            value: mono,
            from: file(),
        }
    } else {
        Setting {
            value: false,
            from: Source::Default,
        }
    };
    let colours = names
        .colours(Some(&theme))
        .into_iter()
        .map(|(role, colour)| {
            let given = theme.colours.iter().any(|(r, _)| *r == role);
            let from = if given { file() } else { Source::Default };
            (
                role,
                Setting {
                    value: colour,
                    from,
                },
            )
        })
        .collect();
    let overrides = config.and_then(|c| c.keys.as_ref());
    let keys = names
        .key_labels(overrides, ascii)
        .into_iter()
        .map(|(name, labels)| {
            let given = overrides.is_some_and(|o| o.iter().any(|(n, _)| n == name));
            let from = if given { file() } else { Source::Default };
            (
                name,
                Setting {
                    value: labels,
                    from,
                },
            )
        })
        .collect();
    Effective {
        lang,
        officer,
        plan,
        numbers,
        mono,
        ascii,
        colours,
        keys,
    }
}

/// The file's `plan`: `~/` is the home folder, a relative path is taken from
/// the configuration's folder.
fn plan_path(plan: &Path, config: Option<&Path>, home: Option<&str>) -> PathBuf {
    if let (Ok(rest), Some(home)) = (plan.strip_prefix("~"), home) {
        return Path::new(home).join(rest);
    }
    if plan.is_relative()
        && let Some(folder) = config.and_then(Path::parent)
    {
        return folder.join(plan);
    }
    plan.to_path_buf()
}

/// `pantau config`: the file, then each setting, its value and its source,
/// in columns. `default_plan` is the plan opened when the setting names
/// none: `--demo`'s copy, or the data folder's.
pub fn render(
    effective: &Effective,
    path: Option<&Path>,
    state: FileState,
    default_plan: Option<&Path>,
    t: &Text,
) -> String {
    let c = &t.config;
    let shown = path.map_or_else(|| c.c_none.to_string(), escape_path);
    let mut out = fill(
        match state {
            FileState::Read => c.c_file,
            FileState::Missing => c.c_file_missing,
            FileState::Bad => c.c_file_bad,
        },
        &[&shown],
    );
    out.push_str("\n\n");
    let from = |s: &Source| match s {
        Source::Flag(flag) => fill(c.c_from_flag, &[flag]),
        Source::Env(var) => fill(c.c_from_env, &[&escape(var)]),
        Source::File(p) => escape_path(p),
        Source::Default => c.c_from_default.to_string(),
    };
    let yes_no = |b: bool| if b { c.c_yes } else { c.c_no }.to_string();
    let e = effective;
    let mut rows: Vec<(String, String, String)> = vec![(
        c.c_setting.to_string(),
        c.c_value.to_string(),
        c.c_from.to_string(),
    )];
    let lang = match e.lang.value {
        Lang::Id => "id",
        Lang::En => "en",
    };
    rows.push(("lang".into(), lang.into(), from(&e.lang.from)));
    rows.push((
        "officer".into(),
        e.officer
            .value
            .as_deref()
            .map_or_else(|| c.c_login_only.to_string(), |o| escape(o).into_owned()),
        from(&e.officer.from),
    ));
    let plan = e
        .plan
        .value
        .as_deref()
        .or(default_plan)
        .map_or_else(|| c.c_none.to_string(), escape_path);
    rows.push(("plan".into(), plan, from(&e.plan.from)));
    let numbers = match e.numbers.value {
        Some(Lang::Id) => "id".to_string(),
        Some(Lang::En) => "en".to_string(),
        None => fill(c.c_numbers_lang, &[&lang]),
    };
    rows.push(("numbers".into(), numbers, from(&e.numbers.from)));
    rows.push((
        "theme.mono".into(),
        yes_no(e.mono.value),
        from(&e.mono.from),
    ));
    for (role, setting) in &e.colours {
        rows.push((
            format!("theme.{role}"),
            setting.value.clone(),
            from(&setting.from),
        ));
    }
    let keys_at = rows.len();
    for (name, setting) in &e.keys {
        rows.push((
            format!("keys.{name}"),
            setting.value.join(" "),
            from(&setting.from),
        ));
    }
    let width = |i: usize| {
        rows.iter()
            .map(|r| crate::text::width([&r.0, &r.1, &r.2][i]))
            .max()
            .unwrap_or(0)
    };
    let (w0, w1) = (width(0), width(1));
    for (i, (name, value, source)) in rows.iter().enumerate() {
        if i == keys_at {
            out.push_str(&format!("\n{}\n", c.c_keys));
        }
        let line = format!(
            "{}  {}  {source}",
            crate::text::pad(name, w0, ""),
            crate::text::pad(value, w1, "")
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// What `pantau config` found at the configuration's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    Read,
    Missing,
    Bad,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::vocabulary::{INTERFACE, keymap, palette};
    use crate::i18n::tests::env;
    use crate::tui::action::{Action, View};
    use crate::tui::keymap::{Key, Keymap, label};
    use crate::tui::theme::{COLOURS, Palette};
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::style::Color;

    /// No flag but `--ascii`, for key labels that read the same everywhere.
    fn ascii() -> Flags {
        Flags {
            ascii: true,
            ..Flags::default()
        }
    }

    fn parsed(text: &str) -> Result<Config, ConfigError> {
        parse(
            text,
            Path::new("/home/sari/.config/pantau/config.ron"),
            Lang::En,
            &INTERFACE,
        )
    }

    fn error(text: &str) -> String {
        parsed(text)
            .unwrap_err()
            .render("warning", &crate::i18n::EN)
    }

    #[test]
    fn the_documented_example_and_names_are_the_ones_pantau_reads() {
        let example = crate::cli::CONFIG_EXAMPLE;
        let loaded = parse(example, Path::new("/c/config.ron"), Lang::En, &INTERFACE).unwrap();
        assert_eq!(loaded.lang, Some(Lang::Id));
        assert!(loaded.keys.is_some() && loaded.theme.is_some());
        let readme = include_str!("../docs/GUIDE.md");
        assert!(readme.contains(example), "the user guide shows the example");
        let documented = |name: &str| {
            readme.contains(&format!("`{name}`")) && crate::cli::CONFIG_HELP.contains(name)
        };
        for role in Palette::ROLES {
            assert!(documented(role), "{role}");
        }
        for (colour, _) in COLOURS {
            assert!(documented(colour), "{colour}");
        }
        for (name, _) in Keymap::actions() {
            assert!(
                readme.contains(&format!("`{name}`")),
                "{name} in the user guide"
            );
        }
    }

    #[test]
    fn a_cut_off_or_garbled_file_is_an_error_never_a_panic() {
        let example = crate::cli::CONFIG_EXAMPLE;
        let cuts = example.char_indices().map(|(at, _)| &example[..at]);
        for text in cuts.chain([
            "\u{0}",
            "((((((((((",
            "[1, 2]",
            "(keys: 3)",
            "(theme: \"red\")",
        ]) {
            match parsed(text) {
                Ok(_) => {}
                Err(
                    ConfigError::Syntax { line, col, .. } | ConfigError::Keys { line, col, .. },
                ) => {
                    assert!(line >= 1 && col >= 1, "{text:?}");
                }
                Err(ConfigError::Read(e)) => panic!("{text:?}: {e:?}"),
            }
        }
    }

    #[test]
    fn the_file_is_found_by_pantau_config_then_xdg_then_home() {
        let at = |pairs| location(env(pairs)).map(|p| p.display().to_string());
        assert_eq!(
            at(&[("PANTAU_CONFIG", "/tmp/c.ron"), ("HOME", "/home/s")]),
            Some("/tmp/c.ron".into())
        );
        assert_eq!(
            at(&[("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/s")]),
            Some("/xdg/pantau/config.ron".into())
        );
        assert_eq!(
            at(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/home/s")]),
            Some("/home/s/.config/pantau/config.ron".into())
        );
        assert_eq!(at(&[("PANTAU_CONFIG", ""), ("HOME", "")]), None);
    }

    #[test]
    fn every_setting_is_read_and_each_may_be_left_out() {
        let loaded = parsed(
            r#"// mine
(
    plan: "~/plans/luwu.ron",
    lang: "id",
    officer: "Sari",
    theme: (late: "light-red", mono: false, in_progress: "Light_Blue"),
    keys: { "save": ["ctrl-w"], "quit": ["q", "ctrl-q"], "next-view": "f2" },
)"#,
        )
        .unwrap();
        let c = &loaded;
        assert_eq!(c.lang, Some(Lang::Id));
        assert_eq!(c.officer.as_deref(), Some("Sari"));
        let theme = c.theme.as_ref().unwrap();
        assert_eq!(theme.mono, Some(false));
        assert_eq!(palette(Some(theme)).late, Color::LightRed);
        assert_eq!(palette(Some(theme)).in_progress, Color::LightBlue);
        assert_eq!(palette(Some(theme)).title, Palette::DEFAULT.title);
        let ctrl_w = Key {
            code: KeyCode::Char('w'),
            mods: KeyModifiers::CONTROL,
        };
        let keys = keymap(c.keys.as_ref());
        assert_eq!(keys.keys_of(&Action::Save), [ctrl_w]);
        assert_eq!(keys.keys_of(&Action::NextView).len(), 1);
        // Only what it names.
        assert_eq!(
            keys.keys_of(&Action::Undo),
            Keymap::default().keys_of(&Action::Undo)
        );
        assert_eq!(parsed("()").unwrap(), Config::default());
        assert_eq!(parsed("// nothing yet\n").unwrap(), Config::default());
        assert_eq!(parsed("(lang: Some(\"en\"))").unwrap().lang, Some(Lang::En));
    }

    #[test]
    fn a_bad_file_is_placed_at_its_line_and_column() {
        let e = error("(\n    lang: \"fr\",\n)");
        assert!(
            e.starts_with("warning: /home/sari/.config/pantau/config.ron:2:"),
            "{e}"
        );
        assert!(e.contains("unknown language `fr`"), "{e}");
        assert!(e.contains("built-in settings"), "{e}");
        let e = error("(\n  colour: \"red\",\n)");
        assert!(e.contains("config.ron:2:"), "{e}");
        assert!(
            e.contains("unknown field `colour` in the configuration file"),
            "{e}"
        );
        assert!(
            e.contains("the valid fields are: plan, lang, officer, numbers, theme, keys"),
            "{e}"
        );
        let e = error("(theme: (late: \"purple\"))");
        assert!(e.contains("unknown colour `purple`"), "{e}");
        assert!(e.contains("light-cyan"), "{e}");
        let e = error("(theme: (alarm: \"red\"))");
        assert!(e.contains("no colour `alarm`"), "{e}");
        let e = error("(\n keys: {\n  \"safe\": [\"ctrl-w\"] },\n)");
        assert!(e.contains("config.ron:3:"), "{e}");
        assert!(e.contains("no key action is called `safe`"), "{e}");
        assert!(e.contains("save"), "the valid names are listed: {e}");
        for (key, says) in [
            ("ctrl-ww", "is not a key"),
            ("alt-x", "Alt keys"),
            ("shift-g", "\"G\""),
            ("ctrl-m", "as enter"),
        ] {
            let e = error(&format!("(keys: {{ \"save\": [\"{key}\"] }})"));
            assert!(e.contains(says), "{key}: {e}");
        }
        let e = error("(lang: \"id\"");
        assert!(e.contains("config.ron:1:"), "{e}");
        let e = error("(lang: \"\u{1b}[31m\")");
        assert!(!e.contains('\u{1b}'), "no raw escape: {e:?}");
    }

    #[test]
    fn a_key_that_another_action_has_is_refused_at_its_name() {
        let e = error("(\n  keys: {\n    \"save\": [\"u\"],\n  },\n)");
        assert!(e.contains("config.ron:3:5:"), "{e}");
        assert!(
            e.contains("the key u for `save` already does `undo`"),
            "{e}"
        );
        // Given undo other keys too, both are had.
        let both = parsed("(keys: { \"save\": [\"u\"], \"undo\": [\"z\"] })").unwrap();
        assert_eq!(keymap(both.keys.as_ref()).keys_of(&Action::Save).len(), 1);
        // A view's own key clashes with a global one given to it.
        let e = error("(keys: { \"dashboard\": [\"e\"] })");
        assert!(e.contains("`dashboard` already does"), "{e}");
        let e = error("(keys: { \"save\": [] })");
        assert!(e.contains("given no key"), "{e}");
        let e = error("(keys: { \"save\": [\"x\"], \"save\": [\"y\"] })");
        assert!(e.contains("given twice"), "{e}");
    }

    #[test]
    fn a_flag_wins_over_the_environment_over_the_file_over_the_default() {
        let loaded =
            parsed("(lang: \"id\", officer: \"Sari\", plan: \"plans/a.ron\", theme: (mono: true))")
                .unwrap();
        let path = Path::new("/home/sari/.config/pantau/config.ron");
        let file = Source::File(path.to_path_buf());
        let none = env(&[]);
        let e = resolve(&ascii(), &none, Some(&loaded), Some(path), &INTERFACE);
        assert_eq!((e.lang.value, &e.lang.from), (Lang::Id, &file));
        assert_eq!(e.officer.value.as_deref(), Some("Sari"));
        assert_eq!(
            e.plan.value.as_deref(),
            Some(Path::new("/home/sari/.config/pantau/plans/a.ron"))
        );
        assert_eq!((e.mono.value, &e.mono.from), (true, &file));
        // The environment.
        let environment = env(&[
            ("LANG", "en_US.UTF-8"),
            ("PANTAU_OFFICER", "Budi"),
            ("PANTAU_FILE", "/srv/plan.ron"),
        ]);
        let e = resolve(
            &ascii(),
            &environment,
            Some(&loaded),
            Some(path),
            &INTERFACE,
        );
        assert_eq!(e.lang.value, Lang::En);
        assert_eq!(e.lang.from, Source::Env("LANG=en_US.UTF-8".into()));
        assert_eq!(e.officer.value.as_deref(), Some("Budi"));
        assert_eq!(e.plan.value.as_deref(), Some(Path::new("/srv/plan.ron")));
        // A locale that names no language leaves it to the file.
        let c = env(&[("LANG", "C.UTF-8")]);
        assert_eq!(
            resolve(&ascii(), &c, Some(&loaded), Some(path), &INTERFACE)
                .lang
                .value,
            Lang::Id
        );
        // The flags.
        let flags = Flags {
            lang: Some(Lang::En),
            officer: Some("Ani".into()),
            demo: true,
            ascii: true,
        };
        let e = resolve(&flags, &environment, Some(&loaded), Some(path), &INTERFACE);
        assert_eq!(e.lang.from, Source::Flag("--lang"));
        assert_eq!(e.officer.value.as_deref(), Some("Ani"));
        assert_eq!(e.plan.from, Source::Flag("--demo"));
        // Nothing anywhere.
        let e = resolve(&ascii(), &none, None, None, &INTERFACE);
        assert_eq!((e.lang.value, &e.lang.from), (Lang::En, &Source::Default));
        assert_eq!(e.officer.value, None);
        assert!(!e.mono.value);
        assert!(e.keys.iter().all(|(_, s)| s.from == Source::Default));
        let show = e
            .keys
            .iter()
            .find(|(n, _)| *n == "dashboard")
            .map(|(_, s)| s.value.clone());
        let dashboard = Keymap::default().keys_of(&Action::Show(View::Dashboard));
        let labels = dashboard.iter().map(|k| label(k, true)).collect();
        assert_eq!(show, Some(labels));
    }

    #[test]
    fn pantau_config_lists_each_value_and_its_source_in_both_languages() {
        let path = Path::new("/c/config.ron");
        let loaded = parse(
            "(keys: { \"save\": \"ctrl-w\" }, officer: \"Sari\")",
            path,
            Lang::En,
            &INTERFACE,
        )
        .unwrap();
        let e = resolve(
            &ascii(),
            &env(&[("LANG", "id_ID.UTF-8")]),
            Some(&loaded),
            Some(path),
            &INTERFACE,
        );
        let out = render(&e, Some(path), FileState::Read, None, &crate::i18n::ID);
        assert!(
            out.starts_with("Berkas konfigurasi: /c/config.ron"),
            "{out}"
        );
        let line = |name: &str| {
            out.lines()
                .find(|l| l.starts_with(&format!("{name} ")))
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(line("lang"), "lang id lingkungan LANG=id_ID.UTF-8");
        assert_eq!(line("officer"), "officer Sari /c/config.ron");
        assert_eq!(line("keys.save"), "keys.save Ctrl-W /c/config.ron");
        assert_eq!(line("keys.undo"), "keys.undo u bawaan");
        assert_eq!(line("theme.late"), "theme.late red bawaan");
        let en = render(&e, Some(path), FileState::Read, None, &crate::i18n::EN);
        assert!(en.contains("keys.undo"), "{en}");
        assert!(
            en.lines()
                .any(|l| l.starts_with("keys.undo") && l.ends_with("default"))
        );
    }
}
