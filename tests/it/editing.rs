//! Editing without a terminal: key sequences → actions → the plan, undo and
//! redo, forms that refuse bad values, the quit prompt; and a property test
//! that any edits followed by as many undos give back the original plan.

use crate::common::app;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pantau::plan::model::Status;
use pantau::store;
use pantau::tui::action::{Action, Effect, Outcome, View};
use pantau::tui::app::{App, Modal, Pane};
use pantau::tui::keymap;
use pantau::tui::update::update;
use proptest::prelude::*;

/// One key press, and the work it leaves for the event loop.
pub(crate) fn key(app: &mut App, event: KeyEvent) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keymap::unfold(event) {
        if let Some(action) = keymap::resolve(app, key) {
            effects.extend(update(app, action));
        }
    }
    effects
}

/// Presses keys: ⏎ Enter, ⎋ Esc, ⇥ Tab, ⇤ Shift-Tab, ⌫ Backspace, ^ + letter a Ctrl chord.
pub(crate) fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        let event = match c {
            '⏎' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '⎋' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            '⇥' => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            '⇤' => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            '⌫' => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            '←' => KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
            '→' => KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
            '^' => KeyEvent::new(KeyCode::Char(chars.next().unwrap()), KeyModifiers::CONTROL),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        effects.extend(key(app, event));
    }
    effects
}

fn program<'a>(app: &'a App, id: &str) -> &'a pantau::plan::model::Program {
    app.plan().program(id).unwrap()
}

#[test]
fn s_chooses_the_status_from_a_list_passing_through_none() {
    let mut app = app();
    press(&mut app, "2⏎");
    assert_eq!(program(&app, "GOV-01").status, Status::InProgress);
    press(&mut app, "s");
    assert!(matches!(app.modal(), Some(Modal::Status { .. })));
    assert!(!app.modified(), "opening the list changes nothing");
    press(&mut app, "j⏎");
    assert_eq!(program(&app, "GOV-01").status, Status::Done);
    assert!(app.modified());
    // Done to Delayed by its number: one edit, nothing in between.
    press(&mut app, "s5");
    assert_eq!(program(&app, "GOV-01").status, Status::Delayed);
    assert!(app.message().unwrap().contains("Delayed"));
    press(&mut app, "u");
    assert_eq!(program(&app, "GOV-01").status, Status::Done);
    // Esc leaves it as it was.
    press(&mut app, "skkk⎋");
    assert_eq!(program(&app, "GOV-01").status, Status::Done);
    assert_eq!(app.modal(), None);
}

#[test]
fn undo_and_redo_any_number_of_changes_and_modified_follows() {
    let mut app = app();
    // GOV-01 In progress to Delayed by its number; then the next programme's
    // Operating becomes Delayed.
    press(&mut app, "2⏎s5js5");
    assert_eq!(program(&app, "GOV-01").status, Status::Delayed);
    assert_eq!(program(&app, "GOV-02").status, Status::Delayed);
    press(&mut app, "uu");
    assert_eq!(program(&app, "GOV-01").status, Status::InProgress);
    assert_eq!(program(&app, "GOV-02").status, Status::Operating);
    assert!(!app.modified(), "undone back to the file as loaded");
    press(&mut app, "u");
    assert_eq!(app.message(), Some("Nothing to undo"));
    press(&mut app, "^r");
    assert_eq!(program(&app, "GOV-01").status, Status::Delayed);
    assert!(app.modified());
    press(&mut app, "s1");
    press(&mut app, "^r");
    assert_eq!(
        app.message(),
        Some("Nothing to redo"),
        "a new change ends the redo chain"
    );
}

#[test]
fn undo_reaches_back_across_a_save() {
    let mut app = app();
    let effects = press(&mut app, "2⏎sj⏎^s");
    assert_eq!(
        effects,
        [Effect::Save {
            resolutions: vec![]
        }]
    );
    let _ = update(
        &mut app,
        Outcome::Saved {
            at: "10:15".into(),
            fingerprint: 1,
            renamed: Vec::new(),
            merged: None,
            audit: Vec::new(),
            log_error: None,
            tampered: false,
            backup: None,
        },
    );
    assert!(!app.modified());
    assert_eq!(app.saved_at(), Some("10:15"));
    press(&mut app, "u");
    assert_eq!(program(&app, "GOV-01").status, Status::InProgress);
    assert!(
        app.modified(),
        "the saved file has the change; the session does not"
    );
}

#[test]
fn a_save_after_which_the_history_does_not_check_out_says_so_in_one_line() {
    let mut app = app();
    press(&mut app, "2⏎s^s");
    let _ = update(
        &mut app,
        Outcome::Saved {
            at: "10:15".into(),
            fingerprint: 1,
            renamed: Vec::new(),
            merged: None,
            audit: Vec::new(),
            log_error: None,
            tampered: true,
            backup: None,
        },
    );
    assert!(!app.modified(), "saved all the same");
    let notice = app.message().unwrap();
    assert!(notice.contains("pantau log") && notice.contains("pantau doctor"));
    for lang in [pantau::i18n::Lang::En, pantau::i18n::Lang::Id] {
        let said = lang.text().ui.e_history_tampered;
        assert!(pantau::text::width(said) <= 78, "{lang:?}: {said}");
    }
}

#[test]
fn space_in_the_detail_toggles_the_selected_milestone() {
    let mut app = app();
    press(&mut app, "2⏎⏎jjj");
    assert!(!program(&app, "GOV-01").milestones[3].done);
    press(&mut app, " ");
    assert!(program(&app, "GOV-01").milestones[3].done);
    press(&mut app, " ");
    assert!(!program(&app, "GOV-01").milestones[3].done);
}

#[test]
fn space_on_the_dashboard_marks_the_overdue_milestone_done() {
    let mut app = app();
    let before = app.index().overdue.len();
    let (p, m) = app.index().overdue[0];
    press(&mut app, " ");
    assert!(app.plan().programs[p].milestones[m].done);
    assert_eq!(
        app.index().overdue.len(),
        before - 1,
        "it leaves the overdue list"
    );
}

#[test]
fn timeline_brackets_move_years_within_the_period() {
    let mut app = app();
    press(&mut app, "3");
    let index = app.selected_timeline_program().unwrap();
    let (start, end) = (
        app.plan().programs[index].start,
        app.plan().programs[index].end,
    );
    press(&mut app, "]]");
    assert_eq!(app.plan().programs[index].end, end + 2);
    press(&mut app, "{{{{{{");
    assert_eq!(
        app.plan().programs[index].start,
        app.plan().period.start,
        "never before the period"
    );
    press(&mut app, "}}}}}}}}}}}}}}}}}}}}");
    assert_eq!(
        app.plan().programs[index].start,
        app.plan().programs[index].end,
        "never after the end year"
    );
    press(&mut app, "[[[[[[[[[[[[[[[[[[[[");
    assert!(app.plan().programs[index].end >= app.plan().programs[index].start);
    assert!(start >= app.plan().period.start);
}

#[test]
fn e_edits_a_name_with_any_unicode_and_enter_accepts() {
    let mut app = app();
    press(&mut app, "2⏎⏎ke");
    assert!(matches!(app.modal(), Some(&Modal::Form(_))));
    press(&mut app, "^uLayanan Terpadu – Luwu Utara ✓ ᨒᨘᨓᨘ⏎");
    assert!(app.modal().is_none(), "{:?}", app.message());
    assert_eq!(
        program(&app, "GOV-01").name,
        "Layanan Terpadu – Luwu Utara ✓ ᨒᨘᨓᨘ"
    );
    press(&mut app, "u");
    assert_eq!(
        program(&app, "GOV-01").name,
        "Super App Luwu Utara",
        "a whole form is one undo"
    );
}

#[test]
fn the_cursor_starts_at_the_end_of_the_name() {
    let mut app = app();
    press(&mut app, "2⏎⏎ke!⏎");
    assert_eq!(program(&app, "GOV-01").name, "Super App Luwu Utara!");
    press(&mut app, "e^w⌫⏎");
    assert_eq!(
        program(&app, "GOV-01").name,
        "Super App Luwu",
        "Ctrl-W took the last word"
    );
}

#[test]
fn an_invalid_form_cannot_be_accepted_and_esc_cancels_it() {
    let mut app = app();
    press(&mut app, "2⏎⏎e⇥^u03/31/2023⏎");
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("the form stays open")
    };
    assert!(form.fields[1].error.is_some(), "the date is marked");
    assert!(form.problem.is_some());
    press(&mut app, "⎋");
    assert!(
        matches!(app.modal(), Some(Modal::Form(_))),
        "Esc on typed text asks first"
    );
    press(&mut app, "⎋");
    assert!(app.modal().is_none());
    assert!(!app.modified(), "nothing changed");
}

#[test]
fn enumerations_are_picked_not_typed() {
    let mut app = app();
    // Program form: Name, Id, Description, Dimension, Element, Horizon…
    press(&mut app, "2⏎⏎ke⇥⇥⇥⇥⇥xyz→⏎");
    assert_eq!(
        program(&app, "GOV-01").horizon,
        pantau::plan::model::Horizon::Short,
        "typing does nothing; → picks the next"
    );
}

#[test]
fn a_duplicate_id_is_refused_as_you_type() {
    let mut app = app();
    press(&mut app, "2⏎⏎ke⇥^uGOV-02");
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!()
    };
    assert!(
        form.fields[1]
            .error
            .as_deref()
            .unwrap()
            .contains("already has this id")
    );
}

#[test]
fn a_adds_a_program_with_a_fresh_id_into_the_dimension() {
    let mut app = app();
    let before = app.plan().programs.len();
    press(&mut app, "2⏎aPortal Desa Digital⏎");
    assert!(app.modal().is_none(), "{:?}", app.modal());
    assert_eq!(app.plan().programs.len(), before + 1);
    let p = program(&app, "GOV-07");
    assert_eq!(
        (p.name.as_str(), p.dimension.as_str()),
        ("Portal Desa Digital", "governance")
    );
    assert_eq!(
        app.selected_program().unwrap().id,
        "GOV-07",
        "the new program is selected"
    );
    let position = app
        .plan()
        .programs
        .iter()
        .position(|p| p.id == "GOV-07")
        .unwrap();
    assert_eq!(
        app.plan().programs[position - 1].id,
        "GOV-06",
        "kept with its dimension in the file"
    );
}

#[test]
fn a_in_the_detail_adds_a_milestone_and_d_deletes_after_asking() {
    let mut app = app();
    press(&mut app, "2⏎⏎");
    let count = program(&app, "GOV-01").milestones.len();
    press(&mut app, "aUji coba dengan warga⇥^u2023-12-15⏎");
    assert_eq!(program(&app, "GOV-01").milestones.len(), count + 1);
    assert_eq!(
        program(&app, "GOV-01").milestones[1].title,
        "Uji coba dengan warga",
        "inserted after the selected one"
    );
    press(&mut app, "d");
    assert!(matches!(app.modal(), Some(&Modal::Confirm(_))));
    press(&mut app, "n");
    assert_eq!(
        program(&app, "GOV-01").milestones.len(),
        count + 1,
        "n keeps it"
    );
    press(&mut app, "dy");
    assert_eq!(program(&app, "GOV-01").milestones.len(), count);
}

#[test]
fn b_adds_a_budget_year_and_capital_e_a_document_that_space_moves_along() {
    use pantau::plan::model::EvidenceState;
    let mut app = app();
    press(&mut app, "2⏎⏎");
    let years: Vec<i32> = program(&app, "GOV-01")
        .budget
        .iter()
        .map(|b| b.year)
        .collect();
    let documents = program(&app, "GOV-01").evidence.len();
    // The year after the last budgeted one; allocation with thousands dots.
    press(&mut app, "b⇥1.500.000.000⇥950000000⏎");
    let b = &program(&app, "GOV-01").budget;
    assert_eq!(b.len(), years.len() + 1, "{:?}", app.modal());
    let new = b.last().unwrap();
    assert_eq!(
        (new.year, new.allocation, new.spent),
        (years.iter().max().unwrap() + 1, 1.5e9, Some(9.5e8))
    );
    assert_eq!(new.source, "APBD", "the programme's first funding source");
    // A negative allocation is refused in the form, which stays open.
    press(&mut app, "b⇥-5⏎");
    assert!(matches!(app.modal(), Some(&Modal::Form(_))), "refused");
    // Esc asks before it throws the typed amount away; the second closes.
    press(&mut app, "⎋⎋");
    assert_eq!(program(&app, "GOV-01").budget.len(), years.len() + 1);

    // A document with a link that is no path or URL is refused; a URL is kept.
    press(&mut app, "EPerbup No. 7 Tahun 2026⇥⇥⇥Perbup");
    assert!(matches!(app.modal(), Some(&Modal::Form(_))));
    press(&mut app, "⏎");
    assert!(
        matches!(app.modal(), Some(&Modal::Form(_))),
        "not a link: refused"
    );
    press(&mut app, "^uhttps://jdih.example.go.id/perbup-7.pdf⏎");
    let e = &program(&app, "GOV-01").evidence;
    assert_eq!(e.len(), documents + 1, "{:?}", app.modal());
    let at = e.len() - 1;
    assert_eq!(e[at].name, "Perbup No. 7 Tahun 2026");
    assert_eq!(e[at].state, EvidenceState::Missing);
    // The new document is selected: Space moves it to draft, then ready.
    press(&mut app, " ");
    assert_eq!(
        program(&app, "GOV-01").evidence[at].state,
        EvidenceState::Draft
    );
    press(&mut app, " ");
    assert_eq!(
        program(&app, "GOV-01").evidence[at].state,
        EvidenceState::Ready
    );
    assert!(
        app.message().unwrap().contains("Ready"),
        "{:?}",
        app.message()
    );
    // d deletes it after asking; u brings it back.
    press(&mut app, "dy");
    assert_eq!(program(&app, "GOV-01").evidence.len(), documents);
    press(&mut app, "u");
    assert_eq!(program(&app, "GOV-01").evidence.len(), documents + 1);
}

#[test]
fn d_deletes_a_program_only_after_y() {
    let mut app = app();
    press(&mut app, "2⏎j");
    press(&mut app, "d⎋");
    assert!(app.plan().program("GOV-02").is_some(), "Esc keeps it");
    press(&mut app, "dy");
    assert!(app.plan().program("GOV-02").is_none());
    press(&mut app, "u");
    assert!(app.plan().program("GOV-02").is_some());
}

#[test]
fn shift_j_and_k_reorder_programs_and_milestones() {
    let mut app = app();
    press(&mut app, "2⏎J");
    let ids: Vec<&str> = app
        .listed_programs()
        .iter()
        .map(|&i| app.plan().programs[i].id.as_str())
        .collect();
    assert_eq!(&ids[..3], ["GOV-02", "GOV-01", "GOV-03"]);
    assert_eq!(
        app.selected_program().unwrap().id,
        "GOV-01",
        "the selection moves with it"
    );
    press(&mut app, "K⏎");
    let first = program(&app, "GOV-01").milestones[0].title.clone();
    press(&mut app, "J");
    assert_eq!(program(&app, "GOV-01").milestones[1].title, first);
}

#[test]
fn quitting_with_changes_asks_and_each_answer_does_what_it_says() {
    let mut app = app();
    press(&mut app, "2⏎sj⏎q");
    assert_eq!(app.modal(), Some(&Modal::QuitPrompt(None)));
    assert!(!app.should_quit());
    press(&mut app, "⎋");
    assert!(
        app.modal().is_none() && !app.should_quit(),
        "Esc keeps working"
    );
    let effects = press(&mut app, "qy");
    assert_eq!(
        (effects, app.quit_after_save()),
        (
            vec![Effect::Save {
                resolutions: vec![]
            }],
            true
        ),
        "y asks the event loop to save, then quit"
    );
    let mut app2 = self::app();
    let effects = press(&mut app2, "2⏎sj⏎qn");
    assert!(app2.should_quit(), "n quits without saving");
    assert_eq!(
        effects,
        [Effect::DiscardOwnRecovery],
        "and nothing of this session is offered again"
    );
    let mut app3 = self::app();
    press(&mut app3, "q");
    assert!(app3.should_quit(), "nothing changed: no question");
}

#[test]
fn a_failed_save_keeps_the_session_open_and_says_why() {
    let mut app = app();
    press(&mut app, "2⏎sj⏎qy");
    let _ = update(
        &mut app,
        Outcome::SaveFailed {
            path: "plan.ron".into(),
            error: pantau::store::SaveError::Io(std::io::Error::other("disk full")),
        },
    );
    assert!(!app.should_quit());
    assert!(app.modified());
    assert!(app.message().unwrap().contains("disk full"));
}

#[test]
fn an_edit_that_would_break_the_plan_is_refused() {
    let mut app = app();
    // The header form: a period ending before the programs do.
    press(&mut app, "1e⇥⇥⇥⇥⇥⇥^u2023⏎");
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("the form stays open")
    };
    assert!(
        form.problem
            .as_deref()
            .unwrap()
            .contains("outside the plan's period"),
        "{:?}",
        form.problem
    );
    assert_eq!(app.plan().period.end, 2031);
    assert!(!app.modified());
}

#[test]
fn the_help_lists_the_editing_keys() {
    let mut app = app();
    press(&mut app, "2⏎");
    let helps: Vec<_> = keymap::help_for(&app).iter().map(|b| b.help).collect();
    for h in [
        keymap::Help::Status,
        keymap::Help::Edit,
        keymap::Help::Undo,
        keymap::Help::Save,
        keymap::Help::Add,
    ] {
        assert!(helps.contains(&h), "{h:?}");
    }
    assert_eq!(app.view(), View::Dimensions);
    assert_eq!(app.drill().pane, Pane::Programs);
}

// ---- property: edits then as many undos give back the original plan ----

fn edit_key() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("s"),
        Just("S"),
        Just(" "),
        Just("J"),
        Just("K"),
        Just("j"),
        Just("k"),
        Just("⏎"),
        Just("⎋"),
        Just("2"),
        Just("3"),
        Just("1"),
        Just("]"),
        Just("["),
        Just("}"),
        Just("{"),
        Just("dy"),
        Just("dn"),
        Just("ax⏎"),
        Just("e!⏎"),
        Just("e^u⏎⎋"),
        Just("l"),
        Just("h"),
        Just("G"),
        Just("g"),
        Just("b⇥1.500.000.000⇥750000000⏎"),
        Just("EPerbup 12⏎"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_edits_then_as_many_undos_restore_the_plan(keys in proptest::collection::vec(edit_key(), 1..40)) {
        let mut app = app();
        let original = app.plan().clone();
        for k in &keys {
            press(&mut app, k);
            // Out of modal states between presses (no key here quits).
            crate::common::interface::close_modal(&mut app);
            prop_assert!(!app.should_quit());
        }
        let mut undos = 0;
        while app.history().can_undo() {
            press(&mut app, "u");
            undos += 1;
            prop_assert!(undos < 1000);
        }
        prop_assert_eq!(app.plan(), &original);
        prop_assert!(!app.modified());
        // And the plan was valid after every step: nothing invalid got in.
        prop_assert!(pantau::plan::validate::validate(app.plan()).is_empty());
    }
}

#[test]
fn p_prints_what_is_on_screen_and_shift_p_asks_the_format() {
    use pantau::report::{Format, Kind};
    let mut app = app();
    let effects = press(&mut app, "p");
    assert_eq!(effects, [Effect::Print(app.report_request(Format::Text))]);
    assert_eq!(app.report_request(Format::Text).kind, Kind::Overview);
    press(&mut app, "2⏎⏎P");
    assert_eq!(app.modal(), Some(&Modal::PrintFormat));
    let effects = press(&mut app, "m");
    let request = app.report_request(Format::Markdown);
    assert_eq!(effects, [Effect::Print(request.clone())]);
    assert_eq!(
        (request.kind, request.filter.program.as_deref()),
        (Kind::Program, Some("GOV-01"))
    );
    press(&mut app, "⎋⎋/kominfo⏎");
    let request = app.report_request(Format::Csv);
    assert_eq!(request.kind, Kind::Dimension);
    assert_eq!(
        request.filter.query, "kominfo",
        "the live filter goes into the report"
    );
    let _ = update(
        &mut app,
        Outcome::Printed(Ok("/tmp/pantau-dimension.txt".into())),
    );
    assert!(
        app.message().unwrap().contains("/tmp/pantau-dimension.txt"),
        "says where"
    );
}

#[test]
fn the_merge_base_is_the_plan_last_saved_through_undo_redo_and_a_cut_redo_chain() {
    let saved_outcome = || Outcome::Saved {
        at: "10:15".into(),
        fingerprint: 1,
        renamed: Vec::new(),
        merged: None,
        audit: Vec::new(),
        log_error: None,
        tampered: false,
        backup: None,
    };
    let mut app = app();
    let loaded = app.plan().clone();
    assert_eq!(
        *app.base_plan(),
        loaded,
        "no edit yet: the base is the plan"
    );
    press(&mut app, "2⏎sj⏎");
    assert_eq!(*app.base_plan(), loaded, "an edit since the load");
    press(&mut app, "sj⏎");
    let _ = update(&mut app, saved_outcome());
    let saved = app.plan().clone();
    assert_ne!(saved, loaded);
    assert_eq!(*app.base_plan(), saved, "after a save");
    press(&mut app, "u");
    assert_eq!(
        *app.base_plan(),
        saved,
        "undone past the save: the base is still the saved plan"
    );
    press(&mut app, "^r");
    assert_eq!(*app.base_plan(), saved, "redone up to it");
    press(&mut app, "uu");
    // A new edit now ends the redo chain that held the saved state.
    press(&mut app, "J");
    assert_eq!(*app.base_plan(), saved, "kept before the redo chain went");
    assert!(app.modified());
}

// ---- every refused quick edit says so and changes nothing ----

/// Breaks program `index` the way a restored recovery file could (an empty
/// name), so that validation refuses every change to it.
fn broken(app: &mut App, index: usize) -> pantau::plan::model::Plan {
    reloaded(app, |plan| plan.programs[index].name.clear());
    app.plan().clone()
}

/// The plan did not move, nothing is in the history, and the bar says why.
fn assert_refused(app: &App, before: &pantau::plan::model::Plan, what: &str) {
    assert_eq!(app.plan(), before, "{what}: the plan is unchanged");
    assert!(!app.modified(), "{what}: nothing to save or undo");
    let message = app.message().unwrap_or("");
    assert!(
        message.starts_with("Not changed: ") && message.contains("name"),
        "{what}: the refusal and its reason, not a success: {message:?}"
    );
}

#[test]
fn a_refused_status_change_says_so_both_ways() {
    // The next status from the list, and one by its number.
    for keys in ["sj⏎", "s5"] {
        let mut app = app();
        let before = broken(&mut app, 0);
        press(&mut app, "2⏎");
        assert_eq!(app.selected_program().unwrap().id, "GOV-01");
        press(&mut app, keys);
        assert_refused(&app, &before, keys);
        // In the detail, the same.
        press(&mut app, "⏎");
        press(&mut app, keys);
        assert_refused(&app, &before, &format!("{keys} in the detail"));
    }
}

#[test]
fn a_refused_milestone_tick_says_so_in_the_detail_and_on_the_dashboard() {
    let mut app = app();
    let before = broken(&mut app, 0);
    press(&mut app, "2⏎⏎ ");
    assert_refused(&app, &before, "Space in the detail");

    let mut app = self::app();
    let (program, _) = app.index().overdue[0];
    let before = broken(&mut app, program);
    press(&mut app, " ");
    assert_refused(&app, &before, "Space on the dashboard");
    assert_eq!(app.index().overdue[0].0, program, "still listed as overdue");
}

#[test]
fn refused_year_moves_in_the_timeline_say_so() {
    for keys in ["]", "[", "{", "}"] {
        let mut app = app();
        press(&mut app, "3");
        let index = app.selected_timeline_program().unwrap();
        let before = broken(&mut app, index);
        // Room to move either way, so only validation can refuse.
        let period = app.plan().period;
        reloaded(&mut app, |plan| {
            plan.programs[index].start = period.start + 1;
            plan.programs[index].end = period.start + 3;
        });
        let before = {
            let mut plan = before;
            plan.programs[index].start = period.start + 1;
            plan.programs[index].end = period.start + 3;
            plan
        };
        press(&mut app, keys);
        assert_refused(&app, &before, keys);
    }
}

#[test]
fn refused_reorders_and_deletes_of_milestones_and_targets_say_so() {
    let targets = app().plan().programs[0].milestones.len();
    // Keys from the detail's first milestone: J, then K from the second;
    // delete a milestone; J and delete on the first target.
    let down_to_target = "j".repeat(targets);
    for keys in [
        "J".to_string(),
        "jK".to_string(),
        "dy".to_string(),
        format!("{down_to_target}J"),
        format!("{down_to_target}dy"),
    ] {
        let mut app = app();
        let before = broken(&mut app, 0);
        press(&mut app, "2⏎⏎");
        press(&mut app, &keys);
        assert!(app.modal().is_none(), "{keys}");
        assert_refused(&app, &before, &keys);
    }
}

/// Another officer's save, as the watcher reports it to an idle session.
fn reloaded(app: &mut App, change: impl FnOnce(&mut pantau::plan::model::Plan)) {
    let mut doc = store::Document {
        plan: app.plan().clone(),
        preamble: String::new(),
    };
    change(&mut doc.plan);
    let _ = update(
        app,
        Outcome::Reloaded {
            doc: Box::new(doc),
            fingerprint: 7,
        },
    );
}

fn saved(app: &mut App, merged: Option<pantau::plan::model::Plan>) {
    let _ = update(
        app,
        Outcome::Saved {
            at: "10:15".into(),
            fingerprint: 3,
            renamed: Vec::new(),
            merged: merged.map(|plan| {
                Box::new(store::Document {
                    plan,
                    preamble: String::new(),
                })
            }),
            audit: Vec::new(),
            log_error: None,
            tampered: false,
            backup: None,
        },
    );
}

#[test]
fn a_form_open_during_another_save_shows_their_change_and_writes_only_mine() {
    let mut app = app();
    press(&mut app, "2⏎je");
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("no form");
    };
    let name = program(&app, "GOV-02").name.clone();
    assert!(form.fields[0].value() == name);
    // Someone sets GOV-02 Delayed and adds a programme before it.
    reloaded(&mut app, |plan| {
        plan.programs[1].status = Status::Delayed;
        let mut new = plan.programs[0].clone();
        new.id = "GOV-00".into();
        plan.programs.insert(0, new);
    });
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("the form closed on a reload");
    };
    let problem = form.problem.clone().unwrap_or_default();
    assert!(
        problem.contains("Changed by someone else") && problem.contains("Status"),
        "{problem}"
    );
    let status = form.fields.iter().find(|f| f.changed.is_some()).unwrap();
    assert_eq!(status.value(), "Delayed", "the form shows their value");
    assert_eq!(status.changed.as_deref(), Some("Delayed"));
    press(&mut app, " X⏎");
    assert!(app.modal().is_none(), "{:?}", app.message());
    let p = program(&app, "GOV-02");
    assert_eq!(
        (p.status, p.name.clone()),
        (Status::Delayed, format!("{name} X"))
    );
    assert_eq!(
        program(&app, "GOV-00").name,
        program(&app, "GOV-01").name,
        "the programme before it untouched"
    );
}

/// A milestone's form once someone deleted the milestone: it says so and
/// Enter writes nothing. (A programme's form offers to add it again: see
/// `unsaved::a_form_on_a_programme_deleted_meanwhile_adds_it_again_as_new_on_enter`.)
#[test]
fn a_form_whose_item_someone_deleted_says_so_and_cannot_write() {
    let mut app = app();
    press(&mut app, "2⏎⏎e");
    let count = program(&app, "GOV-01").milestones.len();
    reloaded(&mut app, |plan| {
        plan.programs[0].milestones.remove(0);
    });
    press(&mut app, "X⏎");
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("the form closed");
    };
    assert!(form.problem.as_deref().unwrap().contains("deleted"));
    press(&mut app, "⎋");
    assert_eq!(program(&app, "GOV-01").milestones.len(), count - 1);
    assert!(!app.modified());
}

#[test]
fn undo_after_a_merged_save_takes_back_only_my_edit() {
    let mut app = app();
    press(&mut app, "2⏎sj⏎^s");
    assert_eq!(program(&app, "GOV-01").status, Status::Done);
    let mut merged = app.plan().clone();
    merged.programs[1].lead = "Dinas PMD".into();
    saved(&mut app, Some(merged));
    assert_eq!(program(&app, "GOV-02").lead, "Dinas PMD");
    press(&mut app, "u");
    assert_eq!(program(&app, "GOV-01").status, Status::InProgress);
    assert_eq!(
        program(&app, "GOV-02").lead,
        "Dinas PMD",
        "their change stays"
    );
    press(&mut app, "u");
    assert_eq!(app.message(), Some("Nothing to undo"));
}

#[test]
fn a_reload_keeps_undo_and_an_edit_someone_changed_since_is_dropped_with_a_notice() {
    let mut app = app();
    press(&mut app, "2⏎sj⏎jsj⏎");
    let gov02 = program(&app, "GOV-02").status;
    saved(&mut app, None);
    reloaded(&mut app, |plan| plan.programs[2].notes = "theirs".into());
    press(&mut app, "u");
    assert_eq!(
        app.message(),
        Some("Undone: GOV-02 status: Operating -> Delayed")
    );
    assert_ne!(program(&app, "GOV-02").status, gov02, "my last edit undone");
    assert_eq!(
        program(&app, "GOV-03").notes,
        "theirs",
        "their change stays"
    );
    assert_eq!(program(&app, "GOV-01").status, Status::Done);
    // Someone sets GOV-01 Delayed: my Done can no longer be undone.
    let _ = update(&mut app, Action::Redo);
    assert_eq!(program(&app, "GOV-02").status, gov02);
    saved(&mut app, None);
    reloaded(&mut app, |plan| plan.programs[0].status = Status::Delayed);
    press(&mut app, "uu");
    let said = app.message().unwrap();
    assert!(
        said.contains("Not undone") && said.contains("Status") && said.contains("GOV-01"),
        "{said}"
    );
    assert_eq!(program(&app, "GOV-01").status, Status::Delayed);
    assert!(app.modified(), "GOV-02's undo is unsaved");
}

#[test]
fn the_evaluation_view_moves_between_years_within_the_period_and_scores_the_selected_aspect() {
    let mut app = app();
    press(&mut app, "4");
    assert_eq!(app.view(), View::Evaluation);
    let year = app.evaluation().year;
    assert_eq!(year, i32::from(app.today().year()));
    press(&mut app, "h");
    assert_eq!(app.evaluation().year, year - 1);
    press(&mut app, &"h".repeat(30));
    assert_eq!(
        app.evaluation().year,
        app.plan().period.start,
        "not before the period"
    );
    press(&mut app, &"l".repeat(30));
    assert_eq!(app.evaluation().year, app.plan().period.end, "not after it");
    // Down to Impact (the fourth aspect); Enter scores it for the year shown.
    press(&mut app, "jjj⏎2,75⇥survei warga⏎");
    let s = app.plan().evaluation.scores.last().unwrap().clone();
    assert_eq!(
        (s.year, s.aspect, s.score, s.note.as_str()),
        (
            app.plan().period.end,
            pantau::plan::model::Aspect::Impact,
            2.75,
            "survei warga"
        )
    );
    // Emptied, the self-assessment goes; u brings it back.
    let count = app.plan().evaluation.scores.len();
    press(&mut app, "⏎^u⏎");
    assert_eq!(app.plan().evaluation.scores.len(), count - 1);
    press(&mut app, "u");
    assert_eq!(app.plan().evaluation.scores.len(), count);
}

/// B has GOV-02's form open when A renames it GOV-20: the form follows to
/// GOV-20, shows the new id, and B's typed text is saved onto GOV-20.
#[test]
fn a_form_on_a_programme_renamed_meanwhile_follows_it_and_keeps_the_typed_text() {
    let mut app = app();
    press(&mut app, "2⏎je X");
    reloaded(&mut app, |plan| plan.programs[1].id = "GOV-20".into());
    let Some(Modal::Form(form)) = &app.modal() else {
        panic!("the form closed on a reload");
    };
    let problem = form.problem.clone().unwrap_or_default();
    assert!(!problem.contains("deleted"), "{problem}");
    assert!(
        form.fields.iter().any(|f| f.value() == "GOV-20"),
        "the id field shows the new id"
    );
    press(&mut app, "⏎");
    assert!(app.modal().is_none(), "{:?}", app.message());
    assert!(app.plan().program("GOV-02").is_none(), "no GOV-02 back");
    assert!(program(&app, "GOV-20").name.ends_with(" X"));
}

/// My status change to GOV-02 saved merged with A's rename of it to GOV-20:
/// undo takes my change back on GOV-20 instead of finding nothing.
#[test]
fn undo_follows_a_programme_renamed_in_a_merged_save() {
    let mut app = app();
    press(&mut app, "2⏎jsj⏎");
    let mine = program(&app, "GOV-02").status;
    let mut merged = app.plan().clone();
    merged.programs[1].id = "GOV-20".into();
    let _ = update(
        &mut app,
        Outcome::Saved {
            at: "10:15".into(),
            fingerprint: 3,
            renamed: vec![pantau::plan::merge::Renamed {
                list: pantau::plan::merge::List::Programs,
                from: "GOV-02".into(),
                to: "GOV-20".into(),
                why: pantau::plan::merge::Why::RenamedThere,
                by: Some(pantau::plan::merge::Author {
                    who: "Andi".into(),
                    when: "2026-12-07 10:14".into(),
                }),
            }],
            merged: Some(Box::new(store::Document {
                plan: merged,
                preamble: String::new(),
            })),
            audit: Vec::new(),
            log_error: None,
            tampered: false,
            backup: None,
        },
    );
    let message = app.message().unwrap_or_default().to_string();
    assert!(
        message.contains("GOV-20") && message.contains("Andi"),
        "{message}"
    );
    press(&mut app, "u");
    let p = program(&app, "GOV-20");
    assert_ne!(p.status, mine, "{:?}", app.message());
    assert!(app.plan().program("GOV-02").is_none());
}

/// Undo of a change to a programme someone deleted since says it was
/// deleted, in words, not "someone else changed the whether it is kept of".
#[test]
fn an_undo_on_a_programme_deleted_meanwhile_says_it_was_deleted() {
    let mut app = app();
    press(&mut app, "2⏎jsj⏎");
    saved(&mut app, None);
    reloaded(&mut app, |plan| {
        plan.programs.remove(1);
    });
    press(&mut app, "u");
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.starts_with("Not undone: GOV-02") && said.contains("was deleted by someone else"),
        "{said}"
    );
    assert!(!said.contains("whether"), "{said}");
}

/// The officer who deleted it, as their journal has it: undo names them.
#[test]
fn an_undo_refused_names_who_deleted_or_changed_it_from_the_journals() {
    let mut app = app();
    // GOV-02's status, chosen one down the list.
    press(&mut app, "2⏎jsj⏎");
    saved(&mut app, None);
    let _ = update(
        &mut app,
        Outcome::Authors {
            audit: vec![crate::follow::entry(
                "GOV-02",
                "(program)",
                "(deleted)",
                "andi",
            )],
            deleted_by_git: Vec::new(),
            merge_by: None,
        },
    );
    reloaded(&mut app, |plan| {
        plan.programs.remove(1);
    });
    press(&mut app, "u");
    let said = app.message().unwrap_or_default().to_string();
    assert!(
        said.contains("GOV-02") && said.contains("was deleted by andi since"),
        "{said}"
    );

    // A status changed by citra meanwhile: the undo of mine names her.
    let mut app = crate::common::example_app(
        pantau::i18n::Lang::Id,
        crate::common::interface::today(),
        (80, 24),
    );
    press(&mut app, "2⏎jsj⏎");
    saved(&mut app, None);
    let _ = update(
        &mut app,
        Outcome::Authors {
            audit: vec![crate::follow::entry("GOV-02", "status", "OnHold", "citra")],
            deleted_by_git: Vec::new(),
            merge_by: None,
        },
    );
    reloaded(&mut app, |plan| {
        plan.programs[1].status = pantau::plan::model::Status::OnHold;
    });
    press(&mut app, "u");
    let said = app.message().unwrap_or_default().to_string();
    assert!(said.contains("sudah diubah oleh citra"), "{said}");
}

/// Matching rule 4 (FORMAT.md): a milestone whose title and date another
/// officer both changed is still that milestone to an open form, which
/// follows it with the typed text, and to undo, which takes back the
/// officer's tick on it rather than calling it deleted.
#[test]
fn forms_and_undo_find_a_milestone_whose_title_and_date_both_changed() {
    let moved = |plan: &mut pantau::plan::model::Plan| {
        let m = &mut plan.programs[0].milestones[1];
        m.title = "Judul baru".into();
        m.due = "2031-01-31".into();
    };
    // The form.
    let mut app = app();
    press(&mut app, "2⏎⏎je X");
    reloaded(&mut app, moved);
    let Some(Modal::Form(form)) = app.modal() else {
        panic!("the form stays open");
    };
    assert!(!form.gone, "{:?}", form.problem);
    assert!(
        form.problem.as_deref().is_some_and(|p| p.contains("Due")),
        "the date someone changed is marked: {:?}",
        form.problem
    );
    press(&mut app, "⏎");
    assert!(app.modal().is_none(), "accepted");
    // The title the officer typed in stays theirs; the date is the new one.
    let m = &app.plan().programs[0].milestones[1];
    assert!(m.title.ends_with(" X") && m.due == "2031-01-31", "{m:?}");
    let count = app.plan().programs[0].milestones.len();

    // Undo.
    let mut app = crate::common::app();
    press(&mut app, "2⏎⏎j ");
    let ticked = app.plan().programs[0].milestones[1].done;
    saved(&mut app, None);
    reloaded(&mut app, moved);
    press(&mut app, "u");
    assert_eq!(
        app.message(),
        Some("Undone: GOV-01 milestone 2 done: yes -> no"),
        "not refused as deleted"
    );
    let m = &app.plan().programs[0].milestones[1];
    assert_eq!((m.title.as_str(), m.done), ("Judul baru", !ticked));
    assert_eq!(app.plan().programs[0].milestones.len(), count);
}
