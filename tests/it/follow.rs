//! The selection follows the item, not the row: across another officer's
//! save reloaded under the session, reorders, and a filter cleared; and when
//! the item is gone, the screen says which and nothing is selected that a key
//! could change by accident.

use crate::common::app;
use crate::editing::press;
use pantau::plan::model::Plan;
use pantau::tui::action::Outcome;
use pantau::tui::app::{App, Focus, Modal};
use pantau::tui::update::update;

/// Another officer's save, as the watcher reloads it: the plan on screen
/// changed by `change`.
fn reload(app: &mut App, change: impl FnOnce(&mut Plan)) {
    let mut doc = pantau::store::parse(pantau::store::EXAMPLE, std::path::Path::new("x"))
        .expect("the example parses");
    doc.plan = app.plan().clone();
    change(&mut doc.plan);
    let _ = update(
        app,
        Outcome::Reloaded {
            doc: Box::new(doc),
            fingerprint: 1,
        },
    );
}

/// A journal entry by `who`, as the edge reads the journals.
pub fn entry(subject: &str, field: &str, new: &str, who: &str) -> pantau::store::audit::Entry {
    pantau::store::audit::Entry {
        when: "2026-12-02T10:15:00+08:00".into(),
        user: who.into(),
        officer: String::new(),
        from: "tty".into(),
        subject: subject.into(),
        field: field.into(),
        old: String::new(),
        new: new.into(),
        unverified: false,
    }
}

fn selected(app: &App) -> &str {
    &app.selected_program().expect("a programme selected").id
}

fn position(plan: &Plan, id: &str) -> usize {
    plan.programs.iter().position(|p| p.id == id).expect(id)
}

/// Who deleted it is named: from their journal, else from the git commit
/// that brought the deletion (a sync), else "someone else".
#[test]
fn the_notice_of_a_deleted_selection_names_who_deleted_it() {
    let by = |audit, git: Option<&str>| {
        let mut app = app();
        press(&mut app, "2⏎jjjjj⏎jj");
        let deleted_by_git = git
            .map(|who| {
                let author = pantau::plan::merge::Author {
                    who: who.into(),
                    when: "2026-12-02 10:15".into(),
                };
                vec![("GOV-06".to_string(), author)]
            })
            .unwrap_or_default();
        let _ = update(
            &mut app,
            Outcome::Authors {
                audit,
                deleted_by_git,
                merge_by: None,
            },
        );
        reload(&mut app, |plan| plan.programs.retain(|p| p.id != "GOV-06"));
        app.message().unwrap_or_default().to_string()
    };
    let andi = vec![
        entry("GOV-06", "status", "Done", "budi"),
        entry("GOV-06", "(program)", "(deleted)", "andi"),
    ];
    assert_eq!(
        by(andi.clone(), Some("dewi")),
        "GOV-06 was deleted by andi; nothing is selected"
    );
    assert_eq!(
        by(Vec::new(), Some("dewi")),
        "GOV-06 was deleted by dewi; nothing is selected"
    );
    assert_eq!(
        by(vec![entry("GOV-06", "status", "Done", "budi")], None),
        "GOV-06 was deleted by someone else; nothing is selected",
        "budi only changed it"
    );
    // A milestone deleted inside a programme still there: its deleter.
    let mut app = app();
    press(&mut app, "2⏎jjjjj⏎");
    let title = app.plan().programs[position(app.plan(), "GOV-06")].milestones[0]
        .title
        .clone();
    let _ = update(
        &mut app,
        Outcome::Authors {
            audit: vec![entry("GOV-06", "milestone.1", "(deleted)", "citra")],
            deleted_by_git: Vec::new(),
            merge_by: None,
        },
    );
    reload(&mut app, |plan| {
        let at = position(plan, "GOV-06");
        plan.programs[at].milestones.remove(0);
    });
    assert_eq!(
        app.message().map(str::to_string),
        Some(format!("{title} was deleted by citra; nothing is selected"))
    );
}

#[test]
fn a_programme_deleted_under_its_detail_is_named_and_no_key_acts_on_its_neighbour() {
    let mut app = app();
    press(&mut app, "2⏎jjjjj⏎");
    assert_eq!(selected(&app), "GOV-06");
    reload(&mut app, |plan| plan.programs.retain(|p| p.id != "GOV-06"));
    assert_eq!(
        app.message(),
        Some("GOV-06 was deleted by someone else; nothing is selected")
    );
    assert_eq!((app.lost(), app.focus()), (Some("GOV-06"), Focus::Nothing));
    let before = app.plan().clone();
    for key in [" ", "s", "d", "e", "J"] {
        press(&mut app, key);
        assert_eq!(app.plan(), &before, "{key:?} changed nothing");
        assert!(app.modal().is_none(), "{key:?} opened nothing");
        assert_eq!(
            app.message(),
            Some("Nothing is selected (GOV-06 was deleted): move to choose"),
            "{key:?} says why"
        );
    }
    // The first move shows where the selection is; then keys act again.
    press(&mut app, "j");
    assert_eq!(app.lost(), None);
    assert!(app.focus().program().is_some());
}

#[test]
fn a_reorder_by_another_officer_keeps_the_same_programme_selected_for_s() {
    let mut app = app();
    press(&mut app, "2⏎jjj");
    assert_eq!(selected(&app), "GOV-04");
    let gov_05 = app.plan().program("GOV-05").unwrap().status;
    reload(&mut app, |plan| {
        let (a, b) = (position(plan, "GOV-04"), position(plan, "GOV-05"));
        plan.programs.swap(a, b);
    });
    assert_eq!(selected(&app), "GOV-04");
    let gov_04 = app.plan().program("GOV-04").unwrap().status;
    press(&mut app, "sj⏎");
    assert_ne!(app.plan().program("GOV-04").unwrap().status, gov_04);
    assert_eq!(app.plan().program("GOV-05").unwrap().status, gov_05);
}

#[test]
fn clearing_a_filter_keeps_the_selected_programme() {
    let mut app = app();
    press(&mut app, "2⏎/gov-05⏎");
    assert_eq!(selected(&app), "GOV-05");
    press(&mut app, "⎋");
    assert_eq!(app.filter(), "");
    assert_eq!(selected(&app), "GOV-05", "not the first row");
}

#[test]
fn a_milestone_deleted_under_the_detail_is_named_and_space_ticks_no_other() {
    let mut app = app();
    press(&mut app, "2⏎⏎");
    let first = app.plan().program("GOV-01").unwrap().milestones[0]
        .title
        .clone();
    assert_eq!(
        app.focus(),
        Focus::Milestone {
            program: position(app.plan(), "GOV-01"),
            index: 0
        }
    );
    reload(&mut app, |plan| {
        let at = position(plan, "GOV-01");
        plan.programs[at].milestones.remove(0);
    });
    assert_eq!(app.lost(), Some(first.as_str()));
    let before = app.plan().clone();
    press(&mut app, " ");
    assert_eq!(app.plan(), &before, "no other milestone ticked");
}

#[test]
fn a_milestone_moved_under_the_detail_stays_selected() {
    let mut app = app();
    press(&mut app, "2⏎⏎j");
    let p = position(app.plan(), "GOV-01");
    let title = app.plan().programs[p].milestones[1].title.clone();
    reload(&mut app, |plan| plan.programs[p].milestones.swap(0, 1));
    assert_eq!(
        app.focus(),
        Focus::Milestone {
            program: p,
            index: 0
        }
    );
    assert_eq!(app.plan().programs[p].milestones[0].title, title);
}

#[test]
fn the_dashboards_late_milestone_stays_selected_when_one_above_it_is_done() {
    let mut app = app();
    press(&mut app, "j");
    let Focus::DueMilestone { program, milestone } = app.focus() else {
        panic!("a late milestone selected")
    };
    let held = (
        app.plan().programs[program].id.clone(),
        app.plan().programs[program].milestones[milestone]
            .title
            .clone(),
    );
    let Some(&(p0, m0)) = app.index().overdue.first() else {
        panic!("overdue milestones")
    };
    reload(&mut app, |plan| {
        plan.programs[p0].milestones[m0].done = true
    });
    let Focus::DueMilestone { program, milestone } = app.focus() else {
        panic!("still a late milestone selected")
    };
    let now = (
        app.plan().programs[program].id.clone(),
        app.plan().programs[program].milestones[milestone]
            .title
            .clone(),
    );
    assert_eq!(now, held);
}

#[test]
fn a_form_on_a_programme_deleted_meanwhile_keeps_its_own_title_and_its_text() {
    let mut app = app();
    press(&mut app, "2⏎jjjjje note");
    reload(&mut app, |plan| plan.programs.retain(|p| p.id != "GOV-06"));
    let Some(Modal::Form(form)) = app.modal() else {
        panic!("the form stays open")
    };
    assert!(form.gone && form.typed());
    assert_eq!(form.program_id(), Some("GOV-06"));
    // Esc asks before the typed text goes.
    press(&mut app, "⎋");
    assert!(matches!(app.modal(), Some(Modal::Form(_))));
}

#[test]
fn the_timelines_programme_stays_selected_when_another_officer_reorders() {
    let mut app = app();
    press(&mut app, "3jj");
    let Focus::Program { index, .. } = app.focus() else {
        panic!("a programme selected in the timeline")
    };
    let id = app.plan().programs[index].id.clone();
    reload(&mut app, |plan| plan.programs.swap(index, index + 1));
    let Focus::Program { index, .. } = app.focus() else {
        panic!("still a programme selected")
    };
    assert_eq!(app.plan().programs[index].id, id);
}

#[test]
fn a_save_that_merged_in_a_delete_of_the_selected_programme_says_so() {
    let mut app = app();
    press(&mut app, "2⏎jjjjj");
    // The save merges in another officer's delete of the selected programme.
    let mut merged = app.plan().clone();
    merged.programs.retain(|p| p.id != "GOV-06");
    let mut doc = pantau::store::parse(pantau::store::EXAMPLE, std::path::Path::new("x"))
        .expect("the example parses");
    doc.plan = merged;
    assert_eq!(selected(&app), "GOV-06");
    let _ = update(
        &mut app,
        Outcome::Saved {
            at: "10:15".into(),
            fingerprint: 1,
            merged: Some(Box::new(doc)),
            audit: Vec::new(),
            log_error: None,
            tampered: false,
            backup: None,
            renamed: Vec::new(),
        },
    );
    assert_eq!(
        app.message(),
        Some(
            "Saved at 10:15, merged with changes another officer saved meanwhile \
             (u undoes only your own edits); GOV-06 was deleted by someone else; \
             nothing is selected"
        )
    );
    assert_eq!(app.focus(), Focus::Nothing);
}
