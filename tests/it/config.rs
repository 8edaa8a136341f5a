//! The configuration file (`~/.config/pantau/config.ron`): the real binary
//! with `PANTAU_CONFIG` pointing at a file of the test's own (a bad file is a
//! warning at its line and column and pantau goes on; `pantau config` lists
//! every setting's source; `--help` and usage errors in Indonesian), the
//! keymap a partial override gives (only the named action changes, the help
//! and the status bar show the new key), and one end-to-end save with a
//! rebound key in tmux.

use crate::common;

use common::app;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pantau::store;
use pantau::tui::action::{Action, View};
use pantau::tui::app::App;
use pantau::tui::keymap::{self, Help, Keymap, KeymapError, parse_key};
use pantau::tui::theme::{Palette, Theme};
use pantau::tui::update::update;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use std::path::PathBuf;
use std::process::{Command, Output};
use tempfile::TempDir;

/// A private HOME with a plan and a configuration file (`config`, if any).
struct Home {
    dir: TempDir,
    config: PathBuf,
    plan: PathBuf,
}

fn home(config: Option<&str>) -> Home {
    let dir = TempDir::new().unwrap();
    let config_path = dir.path().join("settings").join("config.ron");
    std::fs::create_dir_all(config_path.parent().unwrap()).unwrap();
    if let Some(text) = config {
        std::fs::write(&config_path, text).unwrap();
    }
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, store::EXAMPLE).unwrap();
    Home {
        dir,
        config: config_path,
        plan,
    }
}

/// Runs pantau with the home's configuration, an English-neutral locale and
/// nothing of the caller's environment that pantau reads.
fn pantau(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(common::BIN);
    cmd.args(args)
        .env("HOME", home.dir.path())
        .env("PANTAU_CONFIG", &home.config)
        .env("LANG", "C.UTF-8");
    for var in [
        "PANTAU_FILE",
        "PANTAU_OFFICER",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "LC_ALL",
        "LC_MESSAGES",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("pantau runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn summary(home: &Home, extra: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let plan = home.plan.to_str().unwrap();
    let mut args = vec!["summary", plan, "--today", common::TODAY];
    args.extend_from_slice(extra);
    let out = pantau(home, &args, env);
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn a_bad_configuration_is_a_warning_at_its_line_and_column_and_the_command_still_runs() {
    let english = summary(&home(None), &[], &[]).1;
    for (config, place, says) in [
        (
            "(\n    lang: \"id\",\n    theme: (late: \"purple\"),\n)\n",
            ":3:",
            "unknown colour `purple`",
        ),
        (
            "(\n    lang: \"id\",\n    colour: 3,\n)\n",
            ":3:",
            "unknown field `colour`",
        ),
        ("(lang: \"id\"", ":1:", "the file ends too early"),
        (
            "(\n  lang: \"id\",\n  keys: {\n    \"save\": [\"u\"],\n  },\n)",
            ":4:5:",
            "the key u for `save` already does `undo`",
        ),
        (
            "(keys: { \"sav\": [\"ctrl-w\"] })",
            ":1:",
            "no key action is called `sav`",
        ),
        (
            "(keys: { \"save\": [\"alt-s\"] })",
            ":1:",
            "Alt keys cannot be bound",
        ),
    ] {
        let home = home(Some(config));
        let (code, stdout, stderr) = summary(&home, &[], &[]);
        assert_eq!(code, 0, "{config}: {stderr}");
        let at = format!("warning: {}{place}", home.config.display());
        assert!(stderr.starts_with(&at), "{config}: {at} in\n{stderr}");
        assert!(stderr.contains(says), "{config}: {says} in\n{stderr}");
        assert!(stderr.contains("built-in settings"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        // The built-in settings: English, although the file says "id".
        assert_eq!(stdout, english, "{config}");
    }
    // A folder where the file should be, and raw control bytes in it.
    let home = home(None);
    std::fs::create_dir_all(&home.config).unwrap();
    let (code, _, stderr) = summary(&home, &[], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("is a directory"), "{stderr}");
    std::fs::remove_dir(&home.config).unwrap();
    std::fs::write(
        &home.config,
        "(officer: \"\u{1b}[31m\u{7}\", lang: \"\u{1b}]0;x\u{7}\")",
    )
    .unwrap();
    let (code, _, stderr) = summary(&home, &[], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
}

#[test]
fn no_configuration_file_is_no_warning() {
    let home = home(None);
    let (code, _, stderr) = summary(&home, &[], &[]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let out = pantau(&home, &["config"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("(not there: built-in settings)"));
}

#[test]
fn a_flag_beats_the_locale_beats_the_file_beats_the_default() {
    let indonesian = summary(&home(None), &["--lang", "id"], &[]).1;
    let english = summary(&home(None), &[], &[]).1;
    assert_ne!(indonesian, english);
    let home = home(Some("(lang: \"id\")"));
    assert_eq!(
        summary(&home, &[], &[]).1,
        indonesian,
        "the file's language"
    );
    let en_us = [("LANG", "en_US.UTF-8")];
    assert_eq!(summary(&home, &[], &en_us).1, english, "the locale's");
    let id = [("LC_ALL", "id_ID.UTF-8")];
    assert_eq!(
        summary(&home, &["--lang", "en"], &id).1,
        english,
        "the flag's"
    );
}

#[test]
fn the_plan_of_the_file_is_opened_when_none_is_given() {
    let home = home(Some("(plan: \"../plan.ron\")"));
    let out = pantau(&home, &["check"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(
            home.config
                .parent()
                .unwrap()
                .join("../plan.ron")
                .to_str()
                .unwrap()
        ),
        "{stdout}"
    );
    // $PANTAU_FILE comes before it.
    let other = home.dir.path().join("other.ron");
    let out = pantau(
        &home,
        &["check"],
        &[("PANTAU_FILE", other.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("other.ron: no such file"));
}

/// The words of the line of `pantau config` that starts with `name`.
fn setting(listing: &str, name: &str) -> String {
    listing
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("{name} in\n{listing}"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn pantau_config_prints_each_value_and_where_it_came_from() {
    let home = home(Some(
        "// Sari's settings\n(\n    officer: \"Sari\",\n    lang: \"en\",\n    theme: (late: \"light-red\"),\n    keys: { \"save\": [\"ctrl-w\"], \"quit\": [\"q\", \"ctrl-q\"] },\n)\n",
    ));
    let file = home.config.display().to_string();
    let out = pantau(
        &home,
        &["config", "--ascii"],
        &[("NO_COLOR", "1"), ("LANG", "id_ID.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(
        listing.starts_with(&format!("Berkas konfigurasi: {file}\n")),
        "{listing}"
    );
    assert_eq!(
        setting(&listing, "lang"),
        "lang id lingkungan LANG=id_ID.UTF-8"
    );
    assert_eq!(setting(&listing, "officer"), format!("officer Sari {file}"));
    assert_eq!(
        setting(&listing, "theme.mono"),
        "theme.mono ya lingkungan NO_COLOR=1"
    );
    assert_eq!(
        setting(&listing, "theme.late"),
        format!("theme.late light-red {file}")
    );
    assert_eq!(setting(&listing, "theme.title"), "theme.title cyan bawaan");
    assert_eq!(
        setting(&listing, "keys.save"),
        format!("keys.save Ctrl-W {file}")
    );
    assert_eq!(
        setting(&listing, "keys.quit"),
        format!("keys.quit q Ctrl-Q {file}")
    );
    assert_eq!(setting(&listing, "keys.undo"), "keys.undo u bawaan");
    assert_eq!(setting(&listing, "keys.down"), "keys.down Down j bawaan");
    // The flags, in English.
    let out = pantau(&home, &["config", "--officer", "Budi", "--lang", "en"], &[]);
    let listing = text(&out.stdout);
    assert_eq!(setting(&listing, "lang"), "lang en flag --lang");
    assert_eq!(setting(&listing, "officer"), "officer Budi flag --officer");
    assert_eq!(setting(&listing, "theme.mono"), "theme.mono no default");
    let plan = setting(&listing, "plan");
    assert!(plan.ends_with("masterplan.ron default"), "{plan}");
    let out = pantau(&home, &["config"], &[("PANTAU_OFFICER", "Ani")]);
    assert_eq!(
        setting(&text(&out.stdout), "officer"),
        "officer Ani environment PANTAU_OFFICER=Ani"
    );
}

#[test]
fn pantau_config_of_a_bad_file_shows_the_error_and_exits_2() {
    let home = home(Some("(\n  lang: \"fr\",\n)"));
    let out = pantau(&home, &["config"], &[]);
    assert_eq!(out.status.code(), Some(2));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stdout.contains("(not used: it has an error, below)"),
        "{stdout}"
    );
    assert_eq!(setting(&stdout, "lang"), "lang en default");
    let at = format!("error: {}:2:", home.config.display());
    assert!(stderr.starts_with(&at), "{at} in {stderr}");
    assert!(stderr.contains("unknown language `fr`"), "{stderr}");
    assert_eq!(
        stderr.matches("unknown language").count(),
        1,
        "said once: {stderr}"
    );
}

#[test]
fn help_and_usage_errors_are_in_indonesian_for_an_indonesian_locale_or_file() {
    let english = home(None);
    let out = pantau(&english, &["--help"], &[]);
    assert!(text(&out.stdout).contains("Usage: pantau"));
    for (home, env) in [
        (home(None), vec![("LANG", "id_ID.UTF-8")]),
        (home(Some("(lang: \"id\")")), vec![]),
    ] {
        let out = pantau(&home, &["--help"], &env);
        let help = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0));
        assert!(help.contains("Penggunaan: pantau"), "{help}");
        assert!(help.contains("Bahasa antarmuka"), "{help}");
        let out = pantau(&home, &["summary", "--help"], &env);
        let help = text(&out.stdout);
        assert!(help.contains("Cetak ringkasan status"), "{help}");
        assert!(help.contains("[bawaan: 80]"), "{help}");
        let out = pantau(&home, &["summary", "--dimesion", "x"], &env);
        assert_eq!(out.status.code(), Some(2));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("kesalahan: argumen '--dimesion' tidak dikenal"),
            "{stderr}"
        );
        assert!(
            stderr.contains("saran: ada argumen yang mirip: '--dimension'"),
            "{stderr}"
        );
        let out = pantau(&home, &["summary", "--width", "5"], &env);
        assert!(
            text(&out.stderr).contains("bukan lebar"),
            "{}",
            text(&out.stderr)
        );
    }
    // --lang en on the command line wins over the locale for the help too.
    let out = pantau(
        &english,
        &["--lang", "en", "--help"],
        &[("LANG", "id_ID.UTF-8")],
    );
    assert!(text(&out.stdout).contains("Usage: pantau"));
}

// The keymap a configuration gives, without a terminal.

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn plain(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn render(app: &App, theme: &Theme) -> ratatui::buffer::Buffer {
    let mut terminal = ratatui::Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| pantau::tui::ui::draw(f, app, theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn screen(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

const MONO: Theme = Theme {
    mono: true,
    ascii: true,
    palette: Palette::DEFAULT,
};

#[test]
fn a_partial_override_changes_only_the_named_action_and_the_help_and_hints_show_it() {
    let plain_app = app();
    let keys = Keymap::with_overrides(&[
        (Action::Save, vec![parse_key("ctrl-w").unwrap()]),
        (Action::Down, vec![parse_key("n").unwrap()]),
    ])
    .unwrap();
    let app = common::interface::app_opened(|s| s.keymap = keys);
    assert_eq!(keymap::resolve(&app, ctrl('w')), Some(Action::Save));
    assert_eq!(
        keymap::resolve(&app, ctrl('s')),
        None,
        "Ctrl-S no longer saves"
    );
    assert_eq!(keymap::resolve(&app, plain('n')), Some(Action::Down));
    assert_eq!(
        keymap::resolve(&app, plain('j')),
        None,
        "j no longer moves down"
    );
    let down_arrow = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(keymap::resolve(&app, down_arrow), None);
    // Every other key of every view as before.
    for view in ["1", "2", "3", "4"] {
        let mut a = common::interface::app_opened(|s| s.keymap = app.keymap().clone());
        let mut b = self::app();
        for app in [&mut a, &mut b] {
            let show = keymap::resolve(app, plain(view.chars().next().unwrap())).unwrap();
            update(app, show);
        }
        for c in " abdeghklpqsuyEGJKPS/?[]{}12345".chars() {
            assert_eq!(
                keymap::resolve(&a, plain(c)),
                keymap::resolve(&b, plain(c)),
                "{view}: {c}"
            );
        }
        for c in "rgc".chars() {
            assert_eq!(
                keymap::resolve(&a, ctrl(c)),
                keymap::resolve(&b, ctrl(c)),
                "{view}: Ctrl-{c}"
            );
        }
    }
    // The help says Ctrl-W and n, never Ctrl-S or j.
    let keys_of = |app: &App, help: Help| -> Vec<String> {
        keymap::help_for(app)
            .iter()
            .filter(|b| b.help == help)
            .flat_map(|b| {
                b.keys
                    .iter()
                    .map(|(k, _)| keymap::label(k, true))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(keys_of(&app, Help::Save), ["Ctrl-W"]);
    assert_eq!(keys_of(&app, Help::Move), ["Up", "k", "n"]);
    assert_eq!(keys_of(&plain_app, Help::Save), ["Ctrl-S"]);
    // On screen: the help overlay and the status bar.
    let mut shown = app;
    update(&mut shown, Action::ToggleHelp);
    let help = screen(&render(&shown, &MONO));
    assert!(
        help.contains("Ctrl-W") && !help.contains("Ctrl-S"),
        "{help}"
    );
    update(&mut shown, Action::ToggleHelp);
    let status = screen(&render(&shown, &MONO));
    let bar = status.lines().last().unwrap();
    assert!(bar.contains("Ctrl-W save"), "{bar}");
    // A form keeps its own keys: Ctrl-W there still deletes a word.
    update(&mut shown, Action::Show(View::Dimensions));
    update(&mut shown, Action::Open);
    update(&mut shown, Action::Edit);
    assert_eq!(keymap::current_context(&shown), keymap::Context::Form);
    assert_eq!(
        keymap::resolve(&shown, ctrl('w')),
        Some(Action::FormDeleteWord)
    );
}

#[test]
fn an_override_that_collides_with_another_action_is_refused() {
    let refused = Keymap::with_overrides(&[(Action::Save, vec![parse_key("u").unwrap()])]);
    assert!(
        matches!(
            refused,
            Err(KeymapError::Collision {
                action: "save",
                other: "undo",
                ..
            })
        ),
        "{refused:?}"
    );
    // A view's own key (e edits the plan on the dashboard) against a global one.
    let refused = Keymap::with_overrides(&[(Action::Sync, vec![parse_key("e").unwrap()])]);
    assert!(
        matches!(
            refused,
            Err(KeymapError::Collision {
                other: "edit-plan",
                ..
            })
        ),
        "{refused:?}"
    );
    // Swapping two actions' keys is fine when both are named.
    let swapped = Keymap::with_overrides(&[
        (Action::Undo, vec![parse_key("ctrl-z").unwrap()]),
        (Action::Save, vec![parse_key("u").unwrap()]),
    ]);
    assert!(swapped.is_ok(), "{swapped:?}");
    // Help rebound: the overlay closes with the new key too.
    let keys =
        Keymap::with_overrides(&[(Action::ToggleHelp, vec![parse_key("f1").unwrap()])]).unwrap();
    let mut app = common::interface::app_opened(|s| s.keymap = keys);
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(keymap::resolve(&app, f1), Some(Action::ToggleHelp));
    update(&mut app, Action::ToggleHelp);
    assert_eq!(keymap::resolve(&app, f1), Some(Action::ToggleHelp));
    assert_eq!(keymap::resolve(&app, plain('?')), None);
}

#[test]
fn the_default_keys_give_no_key_two_actions_in_a_view() {
    use keymap::Context;
    let defaults = Keymap::default();
    for view in [
        Context::Dashboard,
        Context::Drill,
        Context::Timeline,
        Context::Evaluation,
    ] {
        let mut seen: Vec<(keymap::Key, &Action)> = Vec::new();
        for context in [view, Context::Global] {
            for b in defaults.bindings.iter().filter(|b| b.context == context) {
                for (key, action) in b.keys.iter() {
                    match seen.iter().find(|(k, _)| k == key) {
                        Some((_, other)) => assert_eq!(*other, action, "{view:?}: {key:?}"),
                        None => seen.push((*key, action)),
                    }
                }
            }
        }
    }
    // Every action a file may name can be given a key of its own.
    for (name, action) in Keymap::actions() {
        assert!(!Keymap::default().keys_of(&action).is_empty(), "{name}");
        let own = Keymap::with_overrides(&[(action.clone(), vec![parse_key("f12").unwrap()])]);
        assert!(own.is_ok(), "{name}: {own:?}");
        assert_eq!(
            own.unwrap().keys_of(&action),
            [parse_key("f12").unwrap()],
            "{name}"
        );
    }
}

#[test]
fn a_theme_colour_from_the_configuration_colours_its_role() {
    let app = app();
    let mut palette = Palette::DEFAULT;
    palette.late = Color::LightRed;
    let theme = Theme {
        mono: false,
        ascii: false,
        palette,
    };
    let buffer = render(&app, &theme);
    let colours: Vec<Color> = buffer.content().iter().map(|c| c.fg).collect();
    assert!(
        colours.contains(&Color::LightRed),
        "overdue rows in the new colour"
    );
    assert!(!colours.contains(&Color::Red), "and none in the old");
}

/// `numbers` says how the officer writes figures: with `"id"` an English
/// command line reads `36.500` as thirty-six thousand five hundred (without
/// it, refused with both readings) and a CSV is `;`-separated with a
/// decimal comma, as a spreadsheet in the Indonesian locale reads it, and
/// reads back; `--sep` still wins. `pantau config` shows where it came from.
#[test]
fn the_numbers_setting_settles_typed_figures_and_the_csv_separator() {
    let plain = home(None);
    let plan = plain.plan.to_str().unwrap();
    let out = pantau(
        &plain,
        &["set", plan, "GOV-01", "target.2.actual=36.500"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("36500"), "{}", text(&out.stderr));
    let csv = pantau(
        &plain,
        &["report", plan, "--kind", "targets", "--format", "csv"],
        &[],
    );
    assert!(text(&csv.stdout).starts_with("Dimension,ID,"));
    // Indonesian figures by the language alone.
    let csv = pantau(
        &plain,
        &[
            "report", plan, "--kind", "targets", "--format", "csv", "--lang", "id",
        ],
        &[],
    );
    let csv = text(&csv.stdout);
    assert!(csv.starts_with("Dimensi;ID;"), "{csv}");
    assert!(csv.contains(";80,00;"), "{csv}");

    let home = home(Some("(numbers: \"id\")\n"));
    let plan = home.plan.to_str().unwrap();
    let out = pantau(
        &home,
        &["set", plan, "GOV-01", "target.2.actual=36.500"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let saved = std::fs::read_to_string(&home.plan).unwrap();
    assert!(
        saved.contains("actual: Some(36500.0)"),
        "36.500 read as 36500"
    );
    let csv = pantau(
        &home,
        &["report", plan, "--kind", "targets", "--format", "csv"],
        &[],
    );
    let csv = text(&csv.stdout);
    assert!(csv.starts_with("Dimension;ID;"), "{csv}");
    assert!(csv.contains(";80,00;"), "{csv}");
    let sheet = home.dir.path().join("targets.csv");
    std::fs::write(&sheet, &csv).unwrap();
    let back = pantau(
        &home,
        &[
            "import",
            sheet.to_str().unwrap(),
            "--into",
            plan,
            "--dry-run",
        ],
        &[],
    );
    assert_eq!(back.status.code(), Some(0), "{}", text(&back.stderr));
    assert!(
        !text(&back.stdout).contains("changed"),
        "{}",
        text(&back.stdout)
    );
    let csv = pantau(
        &home,
        &[
            "report", plan, "--kind", "targets", "--format", "csv", "--sep", ",",
        ],
        &[],
    );
    assert!(text(&csv.stdout).starts_with("Dimension,ID,"));
    let listing = text(&pantau(&home, &["config"], &[]).stdout);
    assert_eq!(
        setting(&listing, "numbers"),
        format!("numbers id {}", home.config.display())
    );
    let listing = text(&pantau(&plain, &["config"], &[]).stdout);
    assert_eq!(
        setting(&listing, "numbers"),
        "numbers (as the language: en) default"
    );
}
