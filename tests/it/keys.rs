//! Key handling without a terminal: key → action → state.

use crate::common::app;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pantau::i18n::Lang;
use pantau::store;
use pantau::tui::action::{Action, View};
use pantau::tui::app::{App, DashFocus, Modal, Pane, Today};
use pantau::tui::keymap;
use pantau::tui::update::update;
use std::path::Path;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses keys the way the event loop does.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            '⎋' => KeyCode::Esc,
            '⇥' => KeyCode::Tab,
            '⌫' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        if let Some(action) = keymap::resolve(app, key(code)) {
            update(app, action);
        }
    }
}

fn selected_id(app: &App) -> &str {
    &app.selected_program().unwrap().id
}

#[test]
fn number_keys_and_tab_switch_views() {
    let mut app = app();
    assert_eq!(app.view(), View::Dashboard);
    press(&mut app, "2");
    assert_eq!(app.view(), View::Dimensions);
    press(&mut app, "3");
    assert_eq!(app.view(), View::Timeline);
    press(&mut app, "4");
    assert_eq!(app.view(), View::Evaluation);
    press(&mut app, "⇥");
    assert_eq!(app.view(), View::Dashboard, "tab wraps around");
    let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    let action = keymap::resolve(&app, back_tab).unwrap();
    update(&mut app, action);
    assert_eq!(app.view(), View::Evaluation);
}

#[test]
fn enter_drills_down_and_esc_backs_out_one_level() {
    let mut app = app();
    press(&mut app, "2j");
    assert_eq!(app.drill().dimension, 1, "j moves down the dimensions");
    press(&mut app, "⏎");
    assert_eq!(app.drill().pane, Pane::Programs);
    assert!(selected_id(&app).starts_with("BRD-"));
    press(&mut app, "jj");
    assert_eq!(selected_id(&app), "BRD-03");
    press(&mut app, "⏎");
    assert_eq!(app.drill().pane, Pane::Detail);
    press(&mut app, "⎋");
    assert_eq!(app.drill().pane, Pane::Programs);
    assert_eq!(selected_id(&app), "BRD-03", "the selection survives");
    press(&mut app, "⎋");
    assert_eq!(app.drill().pane, Pane::Dimensions);
}

#[test]
fn arrows_and_vim_keys_are_the_same() {
    let mut a = app();
    let mut b = app();
    press(&mut a, "2⏎jjk");
    press(&mut b, "2");
    for code in [KeyCode::Right, KeyCode::Down, KeyCode::Down, KeyCode::Up] {
        let action = keymap::resolve(&b, key(code)).unwrap();
        update(&mut b, action);
    }
    assert_eq!(selected_id(&a), selected_id(&b));
    assert_eq!(a.drill().pane, b.drill().pane);
}

#[test]
fn g_and_shift_g_jump_to_the_ends_and_moves_stop_there() {
    let mut app = app();
    press(&mut app, "2⏎G");
    assert_eq!(selected_id(&app), "GOV-06");
    press(&mut app, "jjj");
    assert_eq!(selected_id(&app), "GOV-06", "no wrap past the end");
    press(&mut app, "g");
    assert_eq!(selected_id(&app), "GOV-01");
    press(&mut app, "k");
    assert_eq!(selected_id(&app), "GOV-01");
}

#[test]
fn filter_is_live_keeps_its_text_and_esc_clears_it() {
    let mut app = app();
    press(&mut app, "2⏎/qris");
    assert!(app.filtering());
    assert_eq!(app.filter(), "qris");
    let economy = app
        .plan()
        .dimensions
        .iter()
        .position(|d| d.id == "economy")
        .unwrap();
    assert_eq!(
        app.index().by_dimension[economy].len(),
        1,
        "only the QRIS program"
    );
    assert!(app.index().by_dimension[0].is_empty());
    press(&mut app, "⌫⌫⌫⌫");
    assert_eq!(app.filter(), "");
    press(&mut app, "kominfo⏎");
    assert!(
        !app.filtering(),
        "Enter keeps the filter and leaves the prompt"
    );
    assert_eq!(app.filter(), "kominfo", "matches the lead agency");
    assert!(app.index().by_dimension.iter().flatten().all(|&i| {
        let p = &app.plan().programs[i];
        [&p.id, &p.name, &p.lead]
            .iter()
            .any(|s| s.to_lowercase().contains("kominfo"))
    }));
    press(&mut app, "q");
    assert!(app.should_quit(), "outside the prompt, q quits again");
}

#[test]
fn typing_q_in_the_filter_is_text_not_quit() {
    let mut app = app();
    press(&mut app, "/q");
    assert!(!app.should_quit());
    assert_eq!(app.filter(), "q");
    press(&mut app, "⎋");
    assert_eq!(app.filter(), "");
    assert!(!app.filtering());
}

#[test]
fn help_opens_and_closes_and_does_not_move_anything() {
    let mut app = app();
    press(&mut app, "2?");
    assert!(app.help());
    press(&mut app, "j");
    assert_eq!(app.drill().dimension, 0, "keys under the help do nothing");
    press(&mut app, "⎋");
    assert!(!app.help());
    press(&mut app, "?q");
    assert!(!app.help() && !app.should_quit(), "q closes the help first");
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    for setup in ["", "/", "?", "2⏎⏎"] {
        let mut app = app();
        press(&mut app, setup);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let action = keymap::resolve(&app, ctrl_c).unwrap();
        update(&mut app, action);
        assert!(app.should_quit(), "after {setup:?}");
    }
}

#[test]
fn dashboard_enter_opens_the_late_milestones_program() {
    let mut app = app();
    let (program, _) = app.index().overdue[1];
    let id = app.plan().programs[program].id.clone();
    press(&mut app, "j⏎");
    assert_eq!(app.view(), View::Dimensions);
    assert_eq!(app.drill().pane, Pane::Detail);
    assert_eq!(selected_id(&app), id);
}

#[test]
fn dashboard_left_and_right_switch_lists() {
    let mut app = app();
    press(&mut app, "l");
    assert_eq!(app.dashboard().focus, DashFocus::DueSoon);
    press(&mut app, "h");
    assert_eq!(app.dashboard().focus, DashFocus::Overdue);
}

#[test]
fn timeline_skips_dimension_headings_and_scrolls_years() {
    let mut app = app();
    press(&mut app, "3");
    let first = app.selected_timeline_program().unwrap();
    assert_eq!(app.plan().programs[first].id, "GOV-01");
    press(&mut app, "jjjjjj");
    let seventh = app
        .selected_timeline_program()
        .expect("never rests on a heading");
    assert_eq!(app.plan().programs[seventh].id, "BRD-01");
    press(&mut app, "ll");
    assert_eq!(app.timeline().year_offset, 2);
    press(&mut app, "hhh");
    assert_eq!(app.timeline().year_offset, 0);
    press(&mut app, "⏎");
    assert_eq!(app.view(), View::Dimensions);
    assert_eq!(selected_id(&app), "BRD-01");
}

#[test]
fn page_keys_move_by_a_screenful() {
    let mut app = app();
    press(&mut app, "3");
    let page_down = keymap::resolve(&app, key(KeyCode::PageDown)).unwrap();
    update(&mut app, page_down);
    assert!(
        app.timeline().rows.selected >= 10,
        "{}",
        app.timeline().rows.selected
    );
}

/// A key by the name the help screen gives it: `j`, `Space`, `Up`, `Ctrl-R`.
fn named(name: &str) -> KeyEvent {
    let code = match name {
        "Space" => KeyCode::Char(' '),
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" => KeyCode::BackTab,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        ctrl if ctrl.starts_with("Ctrl-") => {
            let c = ctrl["Ctrl-".len()..].to_lowercase().chars().next().unwrap();
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        c => KeyCode::Char(c.chars().next().unwrap()),
    };
    key(code)
}

/// What every key does outside prompts and forms, written out by hand from
/// the help's meaning, not taken from the keymap.
fn global_keys() -> Vec<(&'static str, Action)> {
    use pantau::report::Format;
    vec![
        ("p", Action::Print(Format::Text)),
        ("P", Action::ChoosePrint),
        ("u", Action::Undo),
        ("Ctrl-R", Action::Redo),
        ("Ctrl-S", Action::Save),
        ("Ctrl-G", Action::Sync),
        ("L", Action::SwitchLanguage),
        ("1", Action::Show(View::Dashboard)),
        ("2", Action::Show(View::Dimensions)),
        ("3", Action::Show(View::Timeline)),
        ("4", Action::Show(View::Evaluation)),
        ("Tab", Action::NextView),
        ("Shift-Tab", Action::PrevView),
        ("Up", Action::Up),
        ("k", Action::Up),
        ("Down", Action::Down),
        ("j", Action::Down),
        ("PgUp", Action::PageUp),
        ("PgDn", Action::PageDown),
        ("Home", Action::First),
        ("g", Action::First),
        ("End", Action::Last),
        ("G", Action::Last),
        ("/", Action::StartFilter),
        ("Esc", Action::Back),
        ("?", Action::ToggleHelp),
        ("q", Action::Quit),
        ("Ctrl-C", Action::Quit),
    ]
}

fn sideways() -> Vec<(&'static str, Action)> {
    vec![
        ("Left", Action::Left),
        ("h", Action::Left),
        ("Right", Action::Right),
        ("l", Action::Right),
        ("Enter", Action::Open),
    ]
}

/// Every (context, key) pair: the exact action, and that the help shows
/// exactly the keys listed here, no more and no fewer.
#[test]
fn every_key_in_every_context_gives_exactly_its_action() {
    use pantau::report::Format;
    let shift = |start, by| Action::ShiftYear { start, by };
    let with_global = |mut own: Vec<(&'static str, Action)>| {
        // A view's own binding wins over the global one for the same key.
        let mut all = global_keys();
        all.retain(|(k, _)| !own.iter().any(|(o, _)| o == k));
        own.extend(all);
        own
    };
    let mut dashboard = sideways();
    dashboard.extend([("Space", Action::ToggleDone), ("e", Action::EditHeader)]);
    let mut drill = sideways();
    drill.extend([
        ("e", Action::Edit),
        ("s", Action::ChooseStatus),
        ("Space", Action::ToggleDone),
        ("a", Action::Add),
        ("b", Action::AddBudget),
        ("E", Action::AddEvidence),
        ("d", Action::Delete),
        ("J", Action::Reorder { down: true }),
        ("K", Action::Reorder { down: false }),
    ]);
    let mut timeline = sideways();
    timeline.extend([
        ("e", Action::Edit),
        ("s", Action::ChooseStatus),
        ("]", shift(false, 1)),
        ("[", shift(false, -1)),
        ("}", shift(true, 1)),
        ("{", shift(true, -1)),
        ("d", Action::Delete),
    ]);
    let mut evaluation = sideways();
    evaluation.retain(|(k, _)| *k != "Enter");
    evaluation.extend([("Enter", Action::Edit), ("e", Action::Edit)]);
    let filter = vec![
        ("Enter", Action::FilterAccept),
        ("Esc", Action::FilterClear),
        ("Backspace", Action::FilterBackspace),
        ("Up", Action::Up),
        ("Down", Action::Down),
        ("PgUp", Action::PageUp),
        ("PgDn", Action::PageDown),
        ("Ctrl-C", Action::Quit),
    ];
    let help = vec![
        ("Esc", Action::ToggleHelp),
        ("?", Action::ToggleHelp),
        ("q", Action::ToggleHelp),
        ("Ctrl-C", Action::Quit),
    ];
    let form = vec![
        ("Enter", Action::FormEnter),
        ("Esc", Action::FormCancel),
        ("Ctrl-S", Action::Save),
        ("Tab", Action::FormNext),
        ("Shift-Tab", Action::FormPrev),
        ("Down", Action::FormNext),
        ("Up", Action::FormPrev),
        ("Left", Action::FormLeft),
        ("Right", Action::FormRight),
        ("Home", Action::FormHome),
        ("End", Action::FormEnd),
        ("Space", Action::FormChar(' ')),
        ("Backspace", Action::FormBackspace),
        ("Delete", Action::FormDelete),
        ("Ctrl-W", Action::FormDeleteWord),
        ("Ctrl-U", Action::FormClear),
        ("Ctrl-C", Action::Quit),
    ];
    let confirm = vec![
        ("y", Action::Yes),
        ("n", Action::No),
        ("t", Action::No),
        ("Esc", Action::No),
    ];
    let quit = vec![
        ("y", Action::Yes),
        ("n", Action::No),
        ("t", Action::No),
        ("Esc", Action::Cancel),
        ("Ctrl-C", Action::Cancel),
    ];
    let print = vec![
        ("t", Action::Print(Format::Text)),
        ("m", Action::Print(Format::Markdown)),
        ("c", Action::Print(Format::Csv)),
        ("j", Action::Print(Format::Json)),
        ("x", Action::Print(Format::Xlsx)),
        ("Esc", Action::Cancel),
    ];
    let conflict = vec![
        ("m", Action::KeepMine),
        ("t", Action::KeepTheirs),
        ("Esc", Action::Cancel),
    ];
    let recover = vec![("r", Action::Recover), ("d", Action::Discard)];
    let status = vec![
        ("Enter", Action::Yes),
        ("1", Action::PickStatus(0)),
        ("2", Action::PickStatus(1)),
        ("3", Action::PickStatus(2)),
        ("4", Action::PickStatus(3)),
        ("5", Action::PickStatus(4)),
        ("6", Action::PickStatus(5)),
        ("7", Action::PickStatus(6)),
        ("Up", Action::ChoiceMove { down: false }),
        ("k", Action::ChoiceMove { down: false }),
        ("Down", Action::ChoiceMove { down: true }),
        ("j", Action::ChoiceMove { down: true }),
        ("Esc", Action::Cancel),
    ];
    let conflict_modal = |app: &mut App| {
        // As a save that met another officer's changes reports it.
        let conflicts =
            pantau::tui::action::Outcome::Conflicts(vec![pantau::plan::merge::Conflict {
                subject: pantau::plan::merge::Subject::Program {
                    id: "GOV-01".into(),
                    name: "Super App".into(),
                },
                field: pantau::plan::merge::Field::Program(
                    pantau::plan::field::ProgramField::Status,
                ),
                mine: Some("Done".into()),
                theirs: Some("Delayed".into()),
                by: None,
                changed: Vec::new(),
            }]);
        update(app, conflicts);
    };
    let recover_modal = |app: &mut App| {
        // As a session that finds another's kept edits opens.
        let plan = app.plan().clone();
        let kept = pantau::store::recovery::Kept {
            path: "kept.ron".into(),
            recovery: pantau::store::recovery::Recovery {
                file: "plan.ron".into(),
                written: String::new(),
                base: plan.clone(),
                mine: plan,
                form: None,
            },
            changed: Vec::new(),
        };
        *app = crate::common::interface::app_opened(|s| s.recoveries = vec![kept]);
    };
    let none = |_: &mut App| {};
    type Setup<'a> = (&'a str, &'a dyn Fn(&mut App), Vec<(&'static str, Action)>);
    let cases: Vec<Setup> = vec![
        ("", &none, with_global(dashboard)),
        ("2", &none, with_global(drill.clone())),
        ("2⏎⏎", &none, with_global(drill)),
        ("3", &none, with_global(timeline)),
        ("4", &none, with_global(evaluation)),
        ("/", &none, filter),
        ("?", &none, help),
        ("2⏎⏎e", &none, form),
        ("2⏎d", &none, confirm),
        ("2⏎s1q", &none, quit),
        ("2⏎s", &none, status),
        ("P", &none, print),
        ("", &conflict_modal, conflict),
        ("", &recover_modal, recover),
    ];
    for (setup, modal, expected) in cases {
        let mut app = app();
        press(&mut app, setup);
        modal(&mut app);
        for (name, action) in &expected {
            assert_eq!(
                keymap::resolve(&app, named(name)).as_ref(),
                Some(action),
                "after {setup:?}: {name}"
            );
        }
        // Open over a view, the help lists that view's keys (checked above).
        if keymap::current_context(&app) == keymap::Context::Help {
            continue;
        }
        let mut shown: Vec<String> = keymap::help_for(&app)
            .iter()
            .flat_map(|b| b.keys.iter().map(|(k, _)| keymap::label(k, true)))
            .collect();
        shown.sort();
        shown.dedup();
        let mut listed: Vec<String> = expected.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        listed.dedup();
        assert_eq!(shown, listed, "after {setup:?}: the keys the help shows");
    }
}

#[test]
fn dashboard_lists_agree_with_the_printed_summary() {
    // The screen and the printout must never disagree on what is late or due.
    for today in [
        jiff::civil::date(2023, 1, 15),
        jiff::civil::date(2023, 11, 2),
        jiff::civil::date(2024, 6, 1),
    ] {
        let doc = store::parse(store::EXAMPLE, Path::new("x")).unwrap();
        let app = App::new(doc, "x".into(), Today::Given(today), Lang::En);
        let plan = app.plan();
        let keyed = |list: Vec<pantau::plan::progress::MilestoneRef>| -> Vec<(String, usize)> {
            list.iter()
                .map(|m| (m.program.id.clone(), m.index))
                .collect()
        };
        let shown = |list: &[(usize, usize)]| -> Vec<(String, usize)> {
            list.iter()
                .map(|&(p, m)| (plan.programs[p].id.clone(), m))
                .collect()
        };
        assert_eq!(
            shown(&app.index().overdue),
            keyed(pantau::plan::progress::overdue(plan, None, today))
        );
        assert_eq!(
            shown(&app.index().due_soon),
            keyed(pantau::plan::progress::due_soon(
                plan,
                None,
                today,
                pantau::tui::app::DUE_SOON_DAYS
            ))
        );
    }
}

#[test]
fn filtering_live_gives_the_same_lists_as_building_from_scratch() {
    let mut app = app();
    press(&mut app, "/in");
    let fresh = pantau::tui::app::Index::build(app.plan(), "in", app.today());
    assert_eq!(app.index().by_dimension, fresh.by_dimension);
    assert_eq!(app.index().overdue, fresh.overdue);
    assert_eq!(app.index().due_soon, fresh.due_soon);
    assert_eq!(app.index().timeline, fresh.timeline);
    assert!(
        app.index().overdue.len()
            < pantau::tui::app::Index::build(app.plan(), "", app.today())
                .overdue
                .len()
    );
}

#[test]
fn esc_and_a_key_arriving_together_act_as_both() {
    let mut app = app();
    press(&mut app, "2⏎⏎");
    assert_eq!(app.drill().pane, Pane::Detail);
    // What crossterm reports when Esc and j arrive in one read.
    for key in keymap::unfold(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT)) {
        if let Some(action) = keymap::resolve(&app, key) {
            update(&mut app, action);
        }
    }
    assert_eq!(app.drill().pane, Pane::Programs, "Esc backed out");
    assert_eq!(selected_id(&app), "GOV-02", "and j moved down");
}

#[test]
fn a_filter_in_the_drill_down_finds_programs_in_other_dimensions() {
    let mut app = app();
    press(&mut app, "2⏎/qris");
    assert_eq!(
        app.plan().dimensions[app.drill().dimension].id,
        "economy",
        "moved to where the match is"
    );
    assert_eq!(selected_id(&app), "ECO-01");
}

#[test]
fn a_session_left_open_past_midnight_shows_the_new_days_overdue_list() {
    use pantau::tui::action::Outcome;
    let doc = store::parse(store::EXAMPLE, Path::new("x")).unwrap();
    let mut app = App::new(
        doc,
        "x".into(),
        Today::Clock(crate::common::interface::today()),
        Lang::En,
    );
    let before = app.index().overdue.len();
    let a_year_later = jiff::civil::date(2027, 12, 2);
    let _ = update(
        &mut app,
        Outcome::Tick {
            today: a_year_later,
        },
    );
    assert_eq!(app.today(), a_year_later);
    let expected = pantau::plan::progress::overdue(app.plan(), None, a_year_later).len();
    assert_eq!(app.index().overdue.len(), expected);
    assert!(
        expected > before,
        "more is late a year on: {before} -> {expected}"
    );
}

#[test]
fn the_detail_of_a_program_without_targets_never_focuses_a_target() {
    use pantau::tui::app::Focus;
    let mut app = app();
    let at = 0;
    // Cut down as another officer's save would leave it, reloaded.
    let mut doc = app.doc().clone();
    let p = &mut doc.plan.programs[at];
    p.targets.clear();
    p.budget.clear();
    p.evidence.clear();
    p.milestones.truncate(1);
    update(
        &mut app,
        pantau::tui::action::Outcome::Reloaded {
            doc: Box::new(doc),
            fingerprint: 1,
        },
    );
    // Tall enough for the whole page: no notes below to read on down to.
    update(&mut app, Action::Resize(80, 80));
    // Any line past the end is below the items (the notes), never a target that is not there.
    use pantau::tui::app::Item;
    assert!(matches!(
        Item::of(&app.plan().programs[at], 9),
        Item::Below(_)
    ));
    let dimension = app.plan().programs[at].dimension.clone();
    let d = app
        .plan()
        .dimensions
        .iter()
        .position(|x| x.id == dimension)
        .unwrap();
    press(&mut app, "2");
    for _ in 0..d {
        press(&mut app, "j");
    }
    press(&mut app, "⏎");
    while app.selected_program_index() != Some(at) {
        press(&mut app, "j");
    }
    // The detail opens on its first milestone.
    press(&mut app, "⏎");
    assert_eq!(
        app.focus(),
        Focus::Milestone {
            program: at,
            index: 0
        }
    );
    // Past the last line there is nothing more: the milestone stays selected.
    press(&mut app, "jjj");
    assert_eq!(
        app.focus(),
        Focus::Milestone {
            program: at,
            index: 0
        }
    );
    // `d` on the last line asks about the milestone there, never a target that is not there.
    press(&mut app, "d");
    assert_eq!(
        app.modal(),
        Some(&Modal::Confirm(pantau::tui::app::Deletion::Milestone(
            at, 0
        )))
    );
}

/// A small province: the example twice (as two regencies, one without a
/// code) and a plan that did not load.
fn province() -> pantau::tui::province::Province {
    let utara = store::parse(store::EXAMPLE, Path::new("x")).unwrap();
    let mut timur = utara.clone();
    timur.plan.region = "Kabupaten Luwu Timur".into();
    timur.plan.code = "73.25".into();
    let mut other = utara.clone();
    other.plan.region = "Kabupaten Tanpa Kode".into();
    other.plan.code = String::new();
    let mut p = pantau::tui::province::Province::new(
        "sulsel".into(),
        vec![
            ("sulsel/utara/plan.ron".into(), Ok(utara)),
            ("sulsel/lain/plan.ron".into(), Ok(other)),
            ("sulsel/broken.ron".into(), Err("broken".into())),
            ("sulsel/timur/plan.ron".into(), Ok(timur)),
        ],
        jiff::civil::date(2026, 12, 2),
        Lang::En,
    );
    p.update(Action::Resize(80, 24));
    p
}

fn press_province(p: &mut pantau::tui::province::Province, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            '⎋' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        if let Some(action) = p.resolve(key(code)) {
            p.update(action);
        }
    }
}

/// The province dashboard's own context: every key gives exactly its action,
/// the help shows exactly those keys, and no global key (views, undo, save,
/// print, filter) reaches it.
#[test]
fn every_key_of_the_province_dashboard_gives_exactly_its_action() {
    use keymap::Context;
    let expected = [
        ("Enter", Action::Open),
        ("Up", Action::Up),
        ("k", Action::Up),
        ("Down", Action::Down),
        ("j", Action::Down),
        ("PgUp", Action::PageUp),
        ("PgDn", Action::PageDown),
        ("Home", Action::First),
        ("g", Action::First),
        ("End", Action::Last),
        ("G", Action::Last),
        ("?", Action::ToggleHelp),
        ("q", Action::Quit),
        ("Ctrl-C", Action::Quit),
    ];
    let p = province();
    assert_eq!(p.context(), Context::Province);
    for (name, action) in &expected {
        assert_eq!(p.resolve(named(name)).as_ref(), Some(action), "{name}");
    }
    for name in [
        "1", "2", "u", "Ctrl-S", "Ctrl-G", "p", "P", "/", "e", "Space", "Tab",
    ] {
        assert_eq!(p.resolve(named(name)), None, "{name} does nothing here");
    }
    let mut shown: Vec<String> = keymap::help_in(Context::Province)
        .iter()
        .flat_map(|b| b.keys.iter().map(|(k, _)| keymap::label(k, true)))
        .collect();
    shown.sort();
    let mut listed: Vec<String> = expected.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(shown, listed, "the keys the help shows");
    // The help over the province closes with its own keys.
    let mut p = province();
    press_province(&mut p, "?");
    assert_eq!(p.context(), Context::Help);
    assert_eq!(p.resolve(named("Esc")), Some(Action::ToggleHelp));
    press_province(&mut p, "⎋");
    assert_eq!(p.context(), Context::Province);
}

#[test]
fn enter_drills_into_a_region_read_only_and_esc_comes_back() {
    let mut p = province();
    // By code, regions without one last; the broken plan is no row.
    let order: Vec<&str> = p.rows.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(
        order,
        [
            "Kabupaten Luwu Utara",
            "Kabupaten Luwu Timur",
            "Kabupaten Tanpa Kode"
        ]
    );
    assert_eq!(p.failed, [("sulsel/broken.ron".into(), "broken".into())]);
    assert_eq!(p.rows[0].late, 11);
    assert!(p.rows[0].index.is_some() && p.rows[0].achievement.is_some());
    press_province(&mut p, "jjjjk⏎");
    let app = p.open.as_ref().expect("Timur is open");
    assert_eq!(app.plan().region, "Kabupaten Luwu Timur");
    assert_eq!(app.view(), View::Dashboard);
    assert_eq!(p.context(), keymap::Context::Dashboard);
    // Every key that would change the plan, save, sync or print says how
    // to edit instead, and changes nothing.
    for keys in ["Space", "e", "u", "Ctrl-S", "Ctrl-G", "p", "P"] {
        let action = p.resolve(named(keys)).unwrap();
        p.update(action);
        let app = p.open.as_ref().unwrap();
        assert_eq!(
            app.message(),
            Some("read-only here: open the plan to edit: pantau sulsel/timur/plan.ron"),
            "{keys}"
        );
        assert!(app.modal().is_none() && !app.modified(), "{keys}");
    }
    // The drill-down and the detail read as ever; s and d are refused there.
    press_province(&mut p, "2⏎⏎sd");
    let app = p.open.as_ref().unwrap();
    assert_eq!(app.drill().pane, Pane::Detail);
    assert!(app.modal().is_none() && !app.modified());
    assert!(app.message().unwrap().starts_with("read-only here"));
    // Esc backs out of the panes first, then out of the region.
    press_province(&mut p, "⎋⎋");
    assert!(p.open.is_some(), "still in the region's dimensions");
    press_province(&mut p, "⎋");
    assert!(p.open.is_none(), "back on the province");
    assert_eq!(p.selected.selected, 1, "on the region left");
    // q in a region quits (there is nothing to save).
    press_province(&mut p, "⏎q");
    assert!(p.should_quit);
}
