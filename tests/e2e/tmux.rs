//! End to end: the real `pantau` binary in a real terminal (tmux), driven by
//! key presses and read back from the screen.
//!
//! Needs tmux; without it these tests fail and say so, unless
//! `PANTAU_SKIP_TMUX=1`, which skips them with a note (but not under CI:
//! see `common::verdict`).

use crate::common;

use common::{DIMENSIONS, Tmux, bottom_line, example, line, looks, pantau_argv, tmux_or_skip};
use std::path::PathBuf;
use tempfile::TempDir;

/// A test of what a screen shows (see `common::looks`).
type Looks = fn(&str) -> bool;

/// pantau running in tmux on its own copy of the example plan.
struct Ui {
    // First, so the server (and pantau) go before the folders they use.
    tmux: Tmux,
    plan: PathBuf,
    _home: TempDir,
    _data: TempDir,
}

/// Starts pantau at `size` on a copy of `plan` (file name `name`), with
/// `extra` arguments, and waits for the dashboard.
fn start_with(size: (u16, u16), name: &str, plan: &str, extra: &[&str]) -> Ui {
    let home = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let path = data.path().join(name);
    std::fs::write(&path, plan).unwrap();
    let tmux = Tmux::start(size, &pantau_argv(home.path(), &path, extra));
    let ui = Ui {
        tmux,
        plan: path,
        _home: home,
        _data: data,
    };
    ui.tmux.wait_for("the dashboard", looks::dashboard);
    ui
}

/// pantau at 80×24 on a copy of the example, on the dashboard.
fn start(extra: &[&str]) -> Ui {
    start_with((80, 24), "luwu-utara.ron", &example(), extra)
}

#[test]
fn opens_at_80x24_on_the_dashboard_with_every_dimension_the_totals_and_the_status_bar() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    assert_eq!(t.format("#{window_width}x#{window_height}"), "80x24");
    let screen = t.wait_for_all(&DIMENSIONS);
    for needle in ["Total", "Overdue milestones (", "Due in 30 days ("] {
        assert!(screen.contains(needle), "{needle:?} in\n{screen}");
    }
    // Dimensions in the plan's order, one per line.
    let rows: Vec<usize> = DIMENSIONS
        .iter()
        .map(|d| screen.lines().position(|l| l.contains(d)).unwrap())
        .collect();
    assert!(rows.windows(2).all(|w| w[1] == w[0] + 1), "{rows:?}");
    assert_eq!(screen.lines().count(), 24, "fills the screen:\n{screen}");
    let status = bottom_line(&screen);
    assert!(status.contains("luwu-utara.ron"), "status bar: {status:?}");
    assert!(status.contains("36 programs"), "status bar: {status:?}");
    assert!(!t.dead());
}

#[test]
fn keys_1_to_4_tab_and_shift_tab_switch_views() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    let steps: [(&str, &str, Looks); 13] = [
        ("2", "the dimensions view", looks::dimensions),
        ("3", "the timeline", looks::timeline),
        ("4", "the evaluation", looks::evaluation),
        ("1", "the dashboard", looks::dashboard),
        ("Tab", "the dimensions view after Tab", looks::dimensions),
        ("Tab", "the timeline after Tab", looks::timeline),
        ("Tab", "the evaluation after Tab", looks::evaluation),
        ("Tab", "the dashboard after Tab (wraps)", looks::dashboard),
        (
            "BTab",
            "the evaluation after Shift-Tab (wraps)",
            looks::evaluation,
        ),
        ("BTab", "the timeline after Shift-Tab", looks::timeline),
        ("BTab", "the dimensions after Shift-Tab", looks::dimensions),
        ("3", "the timeline", looks::timeline),
        ("1", "the dashboard", looks::dashboard),
    ];
    for (key, what, looks_right) in steps {
        t.key(key);
        let screen = t.wait_for(what, looks_right);
        if looks::timeline(&screen) {
            assert!(screen.contains("Timeline 2022–2031"), "{screen}");
        }
        if looks::dimensions(&screen) {
            assert!(screen.contains("Smart Environment"), "{screen}");
        }
    }
}

#[test]
fn enter_drills_down_to_a_program_and_esc_backs_out_one_level_at_a_time() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    t.key("2");
    t.wait_for("the dimension list", |s| {
        looks::dimension_selected(s, "Smart Governance")
    });
    t.key("Enter");
    t.wait_for("Smart Governance's programs", |s| {
        looks::program_selected(s, "GOV-01") && s.contains("GOV-06")
    });
    t.key("j");
    t.wait_for("the second program selected", |s| {
        looks::program_selected(s, "GOV-02")
    });
    t.key("Enter");
    let screen = t.wait_for("GOV-02's detail", |s| looks::detail(s, "GOV-02"));
    for needle in ["Labosopro", "Milestones (3/3)", "Targets", "Kesbangpol"] {
        assert!(screen.contains(needle), "{needle:?} in\n{screen}");
    }
    t.key("Escape");
    t.wait_for("the program list again, GOV-02 still selected", |s| {
        looks::program_selected(s, "GOV-02") && !s.contains("Milestones (")
    });
    t.key("Escape");
    t.wait_for("the dimension list focused again", |s| {
        looks::dimension_selected(s, "Smart Governance") && s.contains("GOV-02")
    });
    // Esc at the top level does nothing harmful. Keys are read in order, so
    // once the `j` after it has moved the selection, the Esc has been handled
    // too (no sleeping and hoping it was): still in the dimension list.
    t.key("Escape");
    t.key("j");
    t.wait_for("Esc ignored, then j selecting Smart Branding", |s| {
        looks::dimension_selected(s, "Smart Branding")
    });
    assert!(!t.dead());
}

/// The dashboard's first overdue row: LIV-02's milestone of 31 August 2026,
/// `days` late.
fn liv02_late_by(s: &str, days: u32) -> bool {
    looks::dashboard(s)
        && s.lines()
            .any(|l| l.contains("2026-08-31 LIV-02") && l.contains(&format!(" {days}d")))
}

#[test]
fn the_day_given_with_today_holds_through_key_presses_and_the_clocks_check() {
    if !tmux_or_skip() {
        return;
    }
    // `--today 2026-12-02` (every test's): 31 August is 93 days back.
    let ui = start(&[]);
    let t = &ui.tmux;
    t.wait_for("LIV-02 93 days late on the given day", |s| {
        liv02_late_by(s, 93)
    });
    t.key("2");
    t.wait_for("the dimensions view", looks::dimensions);
    t.key("1");
    t.wait_for("the dashboard again, still 93 days", |s| {
        liv02_late_by(s, 93)
    });
    t.key("j");
    t.key("k");
    t.wait_for("the selection back on LIV-02, still 93 days", |s| {
        liv02_late_by(s, 93) && s.contains("> 2026-08-31 LIV-02")
    });
    // The clock is read in the same pass that looks at the file, before
    // it: once another officer's save shows as reloaded, the clock has
    // been read at least once since the keys, with no sleeping.
    let next = ui.plan.with_extension("next");
    std::fs::write(&next, format!("// saved by another officer\n{}", example())).unwrap();
    std::fs::rename(&next, &ui.plan).unwrap();
    let screen = t.wait_for("the reload after another officer's save", |s| {
        bottom_line(s).contains("Reloaded")
    });
    assert!(
        liv02_late_by(&screen, 93),
        "--today holds after the clock was read:\n{screen}"
    );
    assert!(!t.dead());
}

#[test]
fn slash_filters_the_program_list_live_enter_keeps_it_and_esc_clears_it() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    t.key("2");
    t.wait_for("the dimension list", looks::dimensions);
    // Start in Smart Governance: the filter looks across dimensions and moves
    // to the first one with a match.
    t.key("Enter");
    t.wait_for("Smart Governance's programs", |s| {
        looks::program_selected(s, "GOV-01") && s.contains("GOV-02")
    });

    // Typed text shows in the bottom line; Esc in the prompt clears it.
    t.key("/");
    t.wait_for("the filter prompt", |s| {
        bottom_line(s).contains("Filter: _")
    });
    t.type_text("qris");
    let screen = t.wait_for("the list narrowed to ECO-01", |s| {
        bottom_line(s).contains("Filter: qris_") && s.contains("ECO-01") && !s.contains("ECO-02")
    });
    assert!(
        screen.contains("Smart Economy · Disporapar") && screen.contains("> ECO-01"),
        "moved to the dimension with the match:\n{screen}"
    );
    t.key("Escape");
    t.wait_for("the filter cleared by Esc", |s| {
        !bottom_line(s).contains("Filter") && s.contains("ECO-02") && s.contains("ECO-05")
    });

    // Enter keeps the filter (no cursor); Esc afterwards clears it.
    t.key("/");
    t.wait_for("the filter prompt again", |s| {
        bottom_line(s).contains("Filter: _")
    });
    t.type_text("qris");
    t.wait_for("the list narrowed again", |s| {
        bottom_line(s).contains("Filter: qris_") && !s.contains("ECO-02")
    });
    t.key("Enter");
    let screen = t.wait_for("the filter kept", |s| {
        let bottom = bottom_line(s);
        bottom.contains("Filter: qris") && !bottom.contains("qris_")
    });
    assert!(screen.contains("ECO-01") && !screen.contains("ECO-02"));
    // With the prompt closed, keys are commands again, and the kept filter
    // narrows the timeline too.
    t.key("3");
    t.wait_for("the timeline with ECO-01 only", |s| {
        looks::timeline(s) && s.contains("ECO-01") && !s.contains("GOV-01") && !s.contains("ECO-02")
    });
    t.key("2");
    t.wait_for("the filtered program list again", |s| {
        looks::program_selected(s, "ECO-01") && !s.contains("ECO-02")
    });
    t.key("Escape");
    t.wait_for("the filter cleared by Esc after Enter", |s| {
        !bottom_line(s).contains("Filter") && s.contains("ECO-02")
    });
    assert!(!t.dead());
}

#[test]
fn question_mark_opens_the_help_overlay_and_esc_closes_it() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    t.key("?");
    let screen = t.wait_for("the help overlay", |s| s.contains(" Keys "));
    // "quit" inside the overlay, not (only) in the status bar.
    let lines: Vec<&str> = screen.lines().collect();
    let body = &lines[..lines.len() - 1];
    assert!(
        body.iter()
            .any(|l| l.contains("q Ctrl-C") && l.contains("quit")),
        "help lists quit:\n{screen}"
    );
    t.key("Escape");
    t.wait_for("the dashboard without the overlay", |s| {
        !s.contains(" Keys ") && looks::dashboard(s)
    });
    // `?` toggles too, and the overlay does not eat the view keys afterwards.
    t.key("?");
    t.wait_for("the help overlay again", |s| s.contains(" Keys "));
    t.key("?");
    t.wait_for("the overlay closed by ?", |s| !s.contains(" Keys "));
    t.key("2");
    t.wait_for("the dimensions view", looks::dimensions);
}

#[test]
fn below_50x12_says_too_small_and_survives_1x1_then_redraws_when_bigger() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    t.resize(40, 10);
    t.wait_for("the too-small message", |s| {
        looks::too_small(s) && s.contains("40×10") && s.contains("50×12")
    });
    t.resize(80, 24);
    t.wait_for("the dashboard again", |s| {
        looks::dashboard(s) && !looks::too_small(s)
    });

    // The limits themselves.
    t.resize(50, 12);
    t.wait_for("the dashboard at exactly 50x12", |s| {
        line(s, 0).contains("Dashboard") && !looks::too_small(s)
    });
    t.resize(49, 12);
    t.wait_for("too small at 49x12", |s| {
        looks::too_small(s) && s.contains("49×12")
    });
    t.resize(50, 11);
    t.wait_for("too small at 50x11", |s| {
        looks::too_small(s) && s.contains("50×11")
    });

    // Down to a single cell, with the dimension view open, and back.
    t.resize(80, 24);
    t.wait_for("the dashboard", looks::dashboard);
    t.key("2");
    t.wait_for("the dimensions view", looks::dimensions);
    t.resize(1, 1);
    t.wait_for("the first letter of the message", |s| s.trim() == "T");
    assert_eq!(t.format("#{pane_dead}"), "0", "pantau survives 1x1");
    t.resize(80, 24);
    t.wait_for("the dimensions view again at 80x24", |s| {
        looks::dimensions(s) && s.lines().count() == 24
    });
    // Keys still work after all that.
    t.key("1");
    t.wait_for("the dashboard", looks::dashboard);
    assert!(!t.dead());
}

/// What the wrapper shell of `start_in_shell` prints when it is about to read
/// a line: after pantau's exit status and the whole `stty -a`.
const READING: &str = "shell reading a line:";

/// pantau started by a shell that, once pantau ends, prints its exit status
/// and the terminal's mode, says it is reading, then reads a line and prints it.
fn start_in_shell(extra: &[&str]) -> Ui {
    let home = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let plan = data.path().join("plan.ron");
    std::fs::write(&plan, example()).unwrap();
    let script = format!(
        r#""$@"; echo "pantau exited: $?"; stty -a; echo "{READING}"; read -r line; echo "shell read: $line""#
    );
    let mut argv: Vec<std::ffi::OsString> =
        vec!["sh".into(), "-c".into(), script.into(), "sh".into()];
    argv.extend(pantau_argv(home.path(), &plan, extra));
    let tmux = Tmux::start((80, 24), &argv);
    let ui = Ui {
        tmux,
        plan,
        _home: home,
        _data: data,
    };
    ui.tmux.wait_for("the dashboard", looks::dashboard);
    ui
}

/// After pantau has ended: exit status 0, the normal screen back, the
/// cursor visible, and the terminal in its normal (cooked, echoing) mode.
fn assert_terminal_restored(t: &Tmux) {
    // Not just "pantau exited:": the `stty -a` after it must have printed
    // in full, and the shell must be at its `read`, before anything is
    // checked or typed.
    let screen = t.wait_for("pantau to exit and the shell to reach its read", |s| {
        s.contains("pantau exited:") && s.contains(READING)
    });
    assert!(screen.contains("pantau exited: 0"), "{screen}");
    assert!(
        !screen.contains("Smart Governance"),
        "dashboard left behind:\n{screen}"
    );
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "left the alternate screen"
    );
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown again");
    let words: Vec<&str> = screen.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&mode) && !words.contains(&format!("-{mode}").as_str()),
            "terminal mode {mode} restored:\n{screen}"
        );
    }
    // The shell after it reads a line, typed and echoed: the terminal works.
    t.type_text("typed");
    t.wait_for("the typing echoed", |s| {
        s.lines().any(|l| l.trim() == "typed")
    });
    t.key("Enter");
    t.wait_for("the shell to read the line", |s| {
        s.contains("shell read: typed")
    });
    t.wait_for_exit("the shell to end");
}

#[test]
fn q_quits_and_restores_the_terminal() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start_in_shell(&[]);
    let t = &ui.tmux;
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "the UI uses the alternate screen"
    );
    // From a deeper view than the dashboard.
    t.key("2");
    t.wait_for("the dimensions view", looks::dimensions);
    t.key("q");
    assert_terminal_restored(t);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal_even_from_the_filter_prompt() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start_in_shell(&[]);
    let t = &ui.tmux;
    t.key("2");
    t.wait_for("the dimensions view", looks::dimensions);
    t.key("/");
    t.wait_for("the filter prompt", |s| {
        bottom_line(s).contains("Filter: _")
    });
    // In the prompt `q` is text, not quit.
    t.key("q");
    t.wait_for("q typed into the filter", |s| {
        bottom_line(s).contains("Filter: q_")
    });
    assert!(!t.screen().contains("pantau exited"));
    t.key("C-c");
    assert_terminal_restored(t);
}

/// Characters that `--ascii` must never draw: box drawing, block elements,
/// geometric shapes, arrows, and the typographic ones the Unicode theme uses.
fn not_ascii_theme(c: char) -> bool {
    matches!(c, '\u{2500}'..='\u{259F}' | '\u{25A0}'..='\u{25FF}' | '\u{2190}'..='\u{21FF}')
        || "…·–—×✓✔".contains(c)
}

#[test]
fn ascii_mode_draws_no_box_drawing_or_other_unicode_glyphs_in_any_view() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&["--ascii"]);
    let t = &ui.tmux;
    let plan_text = std::fs::read_to_string(&ui.plan).unwrap();
    let check = |what: &str, screen: &str| {
        for c in screen.chars() {
            assert!(
                !not_ascii_theme(c),
                "{what}: {c:?} (U+{:04X}) on an --ascii screen:\n{screen}",
                c as u32
            );
            // Anything else beyond ASCII can only come from the plan's own text.
            assert!(
                c.is_ascii() || plan_text.contains(c),
                "{what}: {c:?} (U+{:04X}) is not from the plan:\n{screen}",
                c as u32
            );
        }
    };
    check("dashboard", &t.screen());
    let steps: [(&str, &str, Looks); 9] = [
        ("2", "dimensions", looks::dimensions),
        ("Enter", "program list", |s| {
            looks::program_selected(s, "GOV-01")
        }),
        ("Enter", "program detail", |s| looks::detail(s, "GOV-01")),
        ("?", "help over the detail", |s| s.contains(" Keys ")),
        ("Escape", "detail again", |s| {
            looks::detail(s, "GOV-01") && !s.contains(" Keys ")
        }),
        ("3", "timeline", looks::timeline),
        ("?", "help over the timeline", |s| s.contains(" Keys ")),
        ("Escape", "timeline again", |s| {
            looks::timeline(s) && !s.contains(" Keys ")
        }),
        ("1", "dashboard", looks::dashboard),
    ];
    for (key, what, looks_right) in steps {
        t.key(key);
        let screen = t.wait_for(what, looks_right);
        check(what, &screen);
    }
    // The drill-down is still on the detail; back to the list for the filter.
    t.key("2");
    t.wait_for("the detail again", |s| looks::detail(s, "GOV-01"));
    t.key("Escape");
    t.wait_for("the program list", |s| looks::program_selected(s, "GOV-01"));
    t.key("/");
    t.type_text("zzz");
    let screen = t.wait_for("an empty filtered list", |s| {
        s.contains("No programs match") && bottom_line(s).contains("zzz")
    });
    check("filter prompt, nothing matches", &screen);
    t.key("Escape");
    t.resize(40, 10);
    let screen = t.wait_for("too small", looks::too_small);
    check("too small", &screen);
    assert!(
        screen.contains("40x10") && screen.contains("50x12"),
        "{screen}"
    );
}

#[test]
fn no_color_draws_without_colour_codes() {
    if !tmux_or_skip() {
        return;
    }
    // Any SGR parameter that sets a foreground or background colour.
    fn colours(screen: &str) -> Vec<String> {
        let mut found = Vec::new();
        for seq in screen.split('\u{1b}').skip(1) {
            let Some(params) = seq.strip_prefix('[').and_then(|s| s.split_once('m')) else {
                continue;
            };
            let params = params.0;
            if params.split(';').any(|p| {
                matches!(
                    p.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                )
            }) {
                found.push(format!("ESC[{params}m"));
            }
        }
        found
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    let steps: [(&str, Looks); 5] = [
        ("1", looks::dashboard),
        ("2", looks::dimensions),
        ("Enter", |s| looks::program_selected(s, "GOV-01")),
        ("Enter", |s| looks::detail(s, "GOV-01")),
        ("3", looks::timeline),
    ];
    for (key, looks_right) in steps {
        t.key(key);
        t.wait_for(&format!("the screen after {key}"), looks_right);
        let found = colours(&t.screen_with_attributes());
        assert!(
            found.is_empty(),
            "colours with NO_COLOR=1 after {key}: {found:?}"
        );
    }

    // The same screen in colour does have colours, so the check above can fail.
    let home = TempDir::new().unwrap();
    let mut argv = pantau_argv(home.path(), &ui.plan, &[]);
    argv.retain(|a| a != "NO_COLOR=1");
    argv.splice(1..1, ["-u".into(), "NO_COLOR".into()]);
    let coloured = Tmux::start((80, 24), &argv);
    coloured.wait_for("the dashboard in colour", looks::dashboard);
    let screen = coloured.screen_with_attributes();
    assert!(!colours(&screen).is_empty(), "no colours without NO_COLOR");
}

/// The example, with terminal control sequences in a program's name, in the
/// plan's title, and in the file name itself.
fn hostile_plan() -> String {
    let plan = example();
    let name = r#"name: "Super App Luwu Utara""#;
    let title = r#"title: "Masterplan BISA Smart City""#;
    assert!(plan.contains(name) && plan.contains(title));
    plan.replacen(
        name,
        r#"name: "\u{1b}]0;pwned\u{7}Super App\u{9b}2J Luwu Utara""#,
        1,
    )
    .replacen(title, r#"title: "Masterplan \u{1b}]2;pwned\u{7}BISA""#, 1)
}

#[test]
fn control_characters_in_the_plan_are_shown_escaped_and_cannot_retitle_the_terminal() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start_with(
        (80, 24),
        "evil\u{1b}]0;pwned\u{7}.ron",
        &hostile_plan(),
        &[],
    );
    let t = &ui.tmux;
    // This tmux does let a program set the pane title (so the test means something).
    t.run(&[
        "new-window",
        "-d",
        "--",
        "sh",
        "-c",
        r"printf '\033]0;control-title\007'; sleep 600",
    ]);
    common::wait_until(
        "the control window's title (does tmux here take titles from programs?)",
        || {
            t.run(&["display-message", "-p", "-t", ":1", "#{pane_title}"])
                .contains("control-title")
                .then_some(())
        },
    );

    let untouched = |what: &str| {
        let title = t.format("#{pane_title}");
        assert!(
            !title.contains("pwned"),
            "{what}: the pane title is now {title:?}"
        );
    };
    let screen = t.screen();
    assert!(
        // Cut to the room the four tabs leave, escaped all the same.
        line(&screen, 0).contains(r"Masterplan \u{1b}]2;pwn"),
        "escaped plan title:\n{screen}"
    );
    assert!(
        bottom_line(&screen).contains(r"evil\u{1b}]0;pwned\u{7}.ron"),
        "escaped file name:\n{screen}"
    );
    untouched("dashboard");

    t.key("2");
    t.wait_for("the dimensions view", looks::dimensions);
    t.key("Enter");
    let screen = t.wait_for("the program list", |s| looks::program_selected(s, "GOV-01"));
    assert!(
        screen
            .lines()
            .any(|l| l.contains("GOV-01 ") && l.contains(r"\u{1b}]0;")),
        "escaped name in the list:\n{screen}"
    );
    untouched("program list");

    t.key("Enter");
    let screen = t.wait_for("GOV-01's detail", |s| looks::detail(s, "GOV-01"));
    assert!(
        screen.contains(r"\u{1b}]0;pwned\u{7}Super App\u{9b}2J Luwu Utara"),
        "the whole name, escaped, in the detail:\n{screen}"
    );
    // `\u{9b}2J` (CSI, clear screen) did not clear it.
    assert!(screen.contains("Milestones ("), "{screen}");
    untouched("detail");

    t.key("3");
    let screen = t.wait_for("the timeline", looks::timeline);
    assert!(
        screen.contains(r"\u{1b}]0;pwned\u{7}Super App"),
        "timeline footer:\n{screen}"
    );
    untouched("timeline");
    assert!(!t.dead());
}

#[test]
fn esc_followed_quickly_by_another_key_counts_as_both() {
    if !tmux_or_skip() {
        return;
    }
    let ui = start(&[]);
    let t = &ui.tmux;
    t.key("2");
    t.wait_for("the dimension list", looks::dimensions);
    t.key("Enter");
    t.wait_for("the program list", |s| looks::program_selected(s, "GOV-01"));
    t.key("Enter");
    t.wait_for("the detail", |s| looks::detail(s, "GOV-01"));
    // Esc (back to the list) then j (next program), arriving together as a
    // fast typist or a laggy SSH link delivers them.
    t.keys_at_once(&["Escape", "j"]);
    t.wait_for("the list with GOV-02 selected", |s| {
        looks::program_selected(s, "GOV-02")
    });
    // Two Escs in one read are not covered: crossterm 0.29 reads "\x1b\x1b"
    // as a single Esc (event/sys/unix/parse.rs), so the second is gone before
    // pantau sees it.
}

/// `pantau DIR`: the province dashboard in a real terminal; Enter opens a
/// region's dashboard read-only, an editing key says so, Esc comes back, q quits.
#[test]
fn a_folder_opens_the_province_dashboard_and_enter_a_read_only_region() {
    if !tmux_or_skip() {
        return;
    }
    let home = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    std::fs::create_dir_all(data.path().join("luwu-utara")).unwrap();
    std::fs::write(data.path().join("luwu-utara/plan.ron"), example()).unwrap();
    std::fs::create_dir_all(data.path().join("luwu-timur")).unwrap();
    let timur = example()
        .replace("Kabupaten Luwu Utara", "Kabupaten Luwu Timur")
        .replace("code: \"73.22\"", "code: \"73.25\"");
    std::fs::write(data.path().join("luwu-timur/plan.ron"), &timur).unwrap();
    std::fs::write(data.path().join("broken.ron"), "(version: 1,").unwrap();
    let t = Tmux::start((80, 24), &pantau_argv(home.path(), data.path(), &[]));
    let screen = t.wait_for("the province dashboard", |s| {
        s.contains("Province: 2 region(s), 72 programmes")
    });
    let utara = screen.lines().position(|l| l.contains("73.22")).unwrap();
    let timur_row = screen.lines().position(|l| l.contains("73.25")).unwrap();
    assert!(utara < timur_row, "by code:\n{screen}");
    assert!(screen.contains("Sulawesi Selatan"), "{screen}");
    assert!(screen.contains("Plans that did not load (1)"), "{screen}");
    assert!(screen.contains("broken.ron"), "{screen}");
    t.key("j");
    t.key("Enter");
    t.wait_for("Luwu Timur's dashboard", |s| {
        looks::dashboard(s) && s.contains("Kabupaten Luwu Timur")
    });
    t.key("Space");
    t.wait_for("the read-only note", |s| {
        bottom_line(s).contains("read-only here: open the plan to edit")
    });
    t.key("Escape");
    t.wait_for("the province again", |s| {
        s.contains("Province: 2 region(s)")
    });
    t.key("q");
    t.wait_for_exit("pantau to quit");
    // Nothing was written: the plans are as they were.
    let after = std::fs::read_to_string(data.path().join("luwu-timur/plan.ron")).unwrap();
    assert_eq!(after, timur);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_there_brings_the_screen_back_unharmed() {
    if !tmux_or_skip() {
        return;
    }
    let home = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let plan = data.path().join("plan.ron");
    std::fs::write(&plan, example()).unwrap();
    // A shell with job control: it reads a line once pantau stops (so what
    // is typed there is the shell's), then continues pantau with `fg`.
    let script = r#"set -m; "$@"; echo "pantau stopped: $?"; read -r line; echo "shell read: $line"; fg; echo "pantau exited: $?"; read -r _"#;
    let mut argv: Vec<std::ffi::OsString> =
        vec!["bash".into(), "-c".into(), script.into(), "bash".into()];
    argv.extend(pantau_argv(home.path(), &plan, &[]));
    let ui = Ui {
        tmux: Tmux::start((80, 24), &argv),
        plan,
        _home: home,
        _data: data,
    };
    let t = &ui.tmux;
    t.wait_for("the dashboard", looks::dashboard);
    t.key("2");
    t.wait_for("the dimensions view", looks::dimensions);
    t.key("C-z");
    t.wait_for("the shell, pantau stopped", |s| {
        s.contains("pantau stopped: 148")
    });
    assert_eq!(t.format("#{alternate_on}"), "0", "the shell's screen back");
    t.type_text("fg");
    t.key("Enter");
    t.wait_for("the dimensions view again, drawn whole", |s| {
        looks::dimensions(s) && s.lines().count() == 24
    });
    assert_eq!(t.format("#{alternate_on}"), "1");
    // What was typed went to the shell's read, and pantau still takes keys.
    t.key("1");
    t.wait_for("the dashboard", looks::dashboard);
    t.key("q");
    let screen = t.wait_for("pantau to quit", |s| s.contains("pantau exited:"));
    assert!(screen.contains("shell read: fg"), "{screen}");
    assert!(screen.contains("pantau exited: 0"), "{screen}");
}

#[test]
fn ctrl_z_where_no_shell_could_continue_pantau_says_so_and_keeps_running() {
    if !tmux_or_skip() {
        return;
    }
    // `sh -c` without job control: a stop would leave nothing to type `fg` to.
    let ui = start_in_shell(&[]);
    let t = &ui.tmux;
    t.key("C-z");
    t.wait_for("the refusal in the status bar", |s| {
        bottom_line(s).contains("Not suspended") && looks::dashboard(s)
    });
    t.key("q");
    assert_terminal_restored(t);
}

#[test]
fn a_change_history_that_does_not_check_out_is_said_at_open_and_after_a_save() {
    if !tmux_or_skip() {
        return;
    }
    let home = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let path = data.path().join("luwu-utara.ron");
    std::fs::write(&path, example()).unwrap();
    // Two saves in this login's journal, then its first line changed: the
    // second no longer follows it.
    for new in ["Done", "Delayed"] {
        let who = pantau::store::audit::Who::named(None, "2026-12-01T09:00:00+08:00".into());
        let change = (
            "GOV-01".into(),
            "status".into(),
            "InProgress".into(),
            new.into(),
        );
        pantau::store::audit::append(&path, &who, &[change]).unwrap();
    }
    let folder = pantau::store::journal::folder(&path);
    let journal = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&journal).unwrap();
    std::fs::write(&journal, text.replacen("\"Done\"", "\"Cancelled\"", 1)).unwrap();
    let notice = "Change history altered or cut short: see pantau log, pantau doctor";
    let tmux = Tmux::start((80, 24), &pantau_argv(home.path(), &path, &[]));
    let screen = tmux.wait_for("the notice at open", |s| bottom_line(s).contains(notice));
    assert!(looks::dashboard(&screen), "{screen}");
    // A save reads the journals again and says so again, not only "saved".
    for key in ["2", "Enter", "s", "j", "Enter", "C-s"] {
        tmux.key(key);
    }
    tmux.wait_for("the file saved", |_| {
        std::fs::read_to_string(&path).is_ok_and(|now| now != example())
    });
    tmux.wait_for("the notice after the save", |s| {
        bottom_line(s).contains(notice)
    });
}
