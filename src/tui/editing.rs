//! `update` for the actions that change the plan: quick edits, forms, add,
//! delete, reorder, undo, redo and saving. Still pure: saving is only asked
//! for (an `Effect`); the event loop does the writing and reports back.

use crate::i18n::fill;
use crate::plan::edit::Edit;
use crate::plan::model::{Horizon, Milestone, Program, Status, Target};
use crate::tui::action::{Action, Effect, View};
use crate::tui::app::{App, DashFocus, Deletion, Item, Modal, Pane, Scroll};
use crate::tui::form::{Form, Input, Subject};

pub(crate) fn update(app: &mut App, action: Action) {
    match action {
        Action::CycleStatus { forward } => cycle_status(app, forward),
        Action::ToggleDone => toggle_done(app),
        Action::ShiftYear { start, by } => shift_year(app, start, by),
        Action::Add => add(app),
        Action::Delete => ask_delete(app),
        Action::Reorder { down } => reorder(app, down),
        Action::Edit => open_form(app),
        Action::Undo => undo_redo(app, true),
        Action::Redo => undo_redo(app, false),
        Action::Save => app.effect = Some(Effect::Save),
        Action::Saved {
            at,
            fingerprint,
            merged,
            audit,
        } => saved(app, at, fingerprint, merged, audit),
        Action::SaveFailed(why) => {
            app.should_quit = false;
            app.quit_after_save = false;
            app.message = Some(why);
        }
        Action::Conflicts(conflicts) => {
            let n = conflicts.len();
            app.modal = Some(Modal::Conflict {
                conflicts,
                at: 0,
                choices: Vec::with_capacity(n),
            });
        }
        Action::KeepMine | Action::KeepTheirs => keep(app, action == Action::KeepMine),
        Action::Reloaded { doc, fingerprint } => {
            // Only reached without unsaved edits; the undo history would point
            // into a plan that is gone, so it starts afresh.
            app.doc = *doc;
            app.base = app.doc.plan.clone();
            app.disk = fingerprint;
            app.history = crate::plan::edit::History::default();
            app.rebuild();
            app.message = Some(app.lang.text().e_reloaded.to_string());
        }
        Action::ChangedOnDisk => app.message = Some(app.lang.text().e_changed_on_disk.to_string()),
        Action::Recover => {
            if let Some(Modal::Recover(kept)) = app.modal.take() {
                let before = Box::new(app.doc.plan.clone());
                let after = Box::new(kept.mine.clone());
                if app
                    .history
                    .record(&mut app.doc.plan, Edit::Whole { before, after })
                {
                    // Merge at save time against the plan the edits were made on.
                    app.base = kept.base;
                    app.disk = 0;
                    app.rebuild();
                    app.message = Some(app.lang.text().e_recovered.to_string());
                }
            }
        }
        Action::Discard => {
            if let Some(Modal::Recover(_)) = app.modal.take() {
                app.effect = Some(Effect::DiscardRecovery);
            }
        }
        Action::ChoosePrint => app.modal = Some(Modal::PrintFormat),
        Action::Print(format) => {
            app.modal = None;
            app.effect = Some(Effect::Print(format));
        }
        Action::Printed(Ok(path)) => app.message = Some(fill(app.lang.text().e_printed, &[&path])),
        Action::Printed(Err(why)) => app.message = Some(why),
        Action::Yes | Action::No | Action::Cancel => answer(app, action),
        form_action => form(app, form_action),
    }
}

/// The program the quick keys act on in the current view.
fn current_program(app: &App) -> Option<usize> {
    match app.view {
        View::Dimensions if app.drill.pane != Pane::Dimensions => app.selected_program_index(),
        View::Timeline => app.selected_timeline_program(),
        _ => None,
    }
}

/// Applies an edit through the history, keeping the plan valid: an edit that
/// would make it invalid is taken back and the reason shown.
fn apply(app: &mut App, edit: Edit) -> bool {
    let t = app.lang.text();
    if !edit.apply(&mut app.doc.plan) {
        return false;
    }
    let problems = crate::plan::validate::validate(&app.doc.plan, t);
    if let Some(problem) = problems.first() {
        // Taken back before it reaches the history, so redo is not lost either.
        edit.inverse().apply(&mut app.doc.plan);
        let what = match &problem.program {
            Some(id) => format!("{}: {}", crate::text::escape(id), problem.message),
            None => problem.message.clone(),
        };
        app.message = Some(fill(t.e_refused, &[&what]));
        return false;
    }
    app.history.push_applied(edit);
    app.rebuild();
    true
}

/// Changes program `index` with `change`, as one undoable edit.
fn change_program(app: &mut App, index: usize, change: impl FnOnce(&mut Program)) -> bool {
    let Some(mut p) = app.doc.plan.programs.get(index).cloned() else {
        return false;
    };
    change(&mut p);
    match Edit::replace(&app.doc.plan, index, p) {
        Some(edit) => apply(app, edit),
        None => false,
    }
}

fn cycle_status(app: &mut App, forward: bool) {
    let Some(index) = current_program(app) else {
        return;
    };
    let t = app.lang.text();
    let mut now = Status::NotStarted;
    change_program(app, index, |p| {
        let at = Status::ALL.iter().position(|s| *s == p.status).unwrap_or(0);
        let n = Status::ALL.len();
        p.status = Status::ALL[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        now = p.status;
    });
    let id = app.doc.plan.programs[index].id.clone();
    app.message = Some(fill(
        t.e_status,
        &[&crate::text::escape(&id), &t.status(now)],
    ));
}

fn toggle_done(app: &mut App) {
    let target = match app.view {
        View::Dashboard => {
            let (list, scroll) = match app.dashboard.focus {
                DashFocus::Overdue => (&app.index.overdue, &app.dashboard.overdue),
                DashFocus::DueSoon => (&app.index.due_soon, &app.dashboard.due_soon),
            };
            list.get(scroll.selected).copied()
        }
        View::Dimensions if app.drill.pane == Pane::Detail => {
            let program = app.selected_program_index();
            match (
                program,
                app.selected_program()
                    .map(|p| Item::of(p, app.drill.item.selected)),
            ) {
                (Some(p), Some(Item::Milestone(m))) => Some((p, m)),
                _ => None,
            }
        }
        _ => None,
    };
    let Some((program, milestone)) = target else {
        return;
    };
    let t = app.lang.text();
    let mut done = false;
    change_program(app, program, |p| {
        let m = &mut p.milestones[milestone];
        m.done = !m.done;
        done = m.done;
    });
    let title = app.doc.plan.programs[program].milestones[milestone]
        .title
        .clone();
    let what = if done { t.e_done } else { t.e_not_done };
    app.message = Some(fill(what, &[&crate::text::escape(&title)]));
}

fn shift_year(app: &mut App, start: bool, by: i32) {
    if app.view != View::Timeline {
        return;
    }
    let Some(index) = current_program(app) else {
        return;
    };
    let period = app.doc.plan.period;
    let p = &app.doc.plan.programs[index];
    let (mut s, mut e) = (p.start, p.end);
    if start {
        s = (s + by).clamp(period.start, e);
    } else {
        e = (e + by).clamp(s, period.end);
    }
    if (s, e) == (p.start, p.end) {
        return;
    }
    change_program(app, index, |p| {
        p.start = s;
        p.end = e;
    });
}

fn add(app: &mut App) {
    let t = app.lang.text();
    let plan = &app.doc.plan;
    match (app.view, app.drill.pane) {
        (View::Dimensions, Pane::Programs | Pane::Dimensions) => {
            let Some(dimension) = plan.dimensions.get(app.drill.dimension) else {
                return;
            };
            // New programs go after the last one of their dimension, so the file stays grouped.
            let index = plan
                .programs
                .iter()
                .rposition(|p| p.dimension == dimension.id)
                .map_or(plan.programs.len(), |i| i + 1);
            let year = i32::from(app.today.year()).clamp(plan.period.start, plan.period.end);
            let template = Program {
                id: next_id(app, &dimension.id),
                name: String::new(),
                description: String::new(),
                dimension: dimension.id.clone(),
                element: String::new(),
                horizon: Horizon::QuickWin,
                lead: dimension.lead.clone(),
                support: Vec::new(),
                funding: Vec::new(),
                start: year,
                end: year,
                status: Status::NotStarted,
                milestones: Vec::new(),
                targets: Vec::new(),
                notes: String::new(),
            };
            let form = Form::program(plan, index, &template, true, t);
            app.modal = Some(Modal::Form(Box::new(form)));
        }
        (View::Dimensions, Pane::Detail) => {
            let (Some(index), Some(p)) = (app.selected_program_index(), app.selected_program())
            else {
                return;
            };
            let form = match Item::of(p, app.drill.item.selected) {
                Item::Target(i) => {
                    let year = p.targets.get(i).map_or(plan.period.end, |x| x.year);
                    let blank = Target {
                        year,
                        indicator: String::new(),
                        unit: String::new(),
                        baseline: None,
                        target: 0.0,
                        actual: None,
                    };
                    Form::target(plan, index, i + 1, &blank, true, t)
                }
                item => {
                    let after = match item {
                        Item::Milestone(m) => m + 1,
                        _ => p.milestones.len(),
                    };
                    let due = app
                        .today
                        .checked_add(jiff::Span::new().days(30))
                        .unwrap_or(app.today);
                    let blank = Milestone {
                        title: String::new(),
                        due: due.to_string(),
                        done: false,
                    };
                    Form::milestone(plan, index, after, &blank, true, t)
                }
            };
            app.modal = Some(Modal::Form(Box::new(form)));
        }
        _ => {}
    }
}

/// The next free id in a dimension's numbering: `GOV-06` → `GOV-07`.
fn next_id(app: &App, dimension: &str) -> String {
    let plan = &app.doc.plan;
    let ids: Vec<&str> = plan
        .programs
        .iter()
        .filter(|p| p.dimension == dimension)
        .map(|p| p.id.as_str())
        .collect();
    let prefix = ids
        .last()
        .map(|id| {
            id.trim_end_matches(|c: char| c.is_ascii_digit())
                .to_string()
        })
        .unwrap_or_else(|| {
            format!(
                "{}-",
                dimension.chars().take(3).collect::<String>().to_uppercase()
            )
        });
    let width = ids
        .last()
        .map_or(2, |id| {
            id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len()
        })
        .max(2);
    (1..)
        .map(|n| format!("{prefix}{n:0width$}"))
        .find(|id| plan.programs.iter().all(|p| &p.id != id))
        .unwrap_or_default()
}

fn ask_delete(app: &mut App) {
    let what = match (app.view, app.drill.pane) {
        (View::Dimensions, Pane::Programs) => app.selected_program_index().map(Deletion::Program),
        (View::Dimensions, Pane::Detail) => {
            let (Some(index), Some(p)) = (app.selected_program_index(), app.selected_program())
            else {
                return;
            };
            Some(match Item::of(p, app.drill.item.selected) {
                Item::Program => Deletion::Program(index),
                Item::Milestone(m) => Deletion::Milestone(index, m),
                Item::Target(x) if !p.targets.is_empty() => Deletion::Target(index, x),
                Item::Target(_) => return,
            })
        }
        (View::Timeline, _) => app.selected_timeline_program().map(Deletion::Program),
        _ => None,
    };
    if let Some(what) = what {
        app.modal = Some(Modal::Confirm(what));
    }
}

fn delete(app: &mut App, what: Deletion) {
    match what {
        Deletion::Program(index) => {
            let Some(p) = app.doc.plan.programs.get(index).cloned() else {
                return;
            };
            if apply(
                app,
                Edit::Program {
                    index,
                    before: Some(Box::new(p)),
                    after: None,
                },
            ) && app.drill.pane == Pane::Detail
            {
                app.drill.pane = Pane::Programs;
            }
        }
        Deletion::Milestone(index, m) => {
            change_program(app, index, |p| {
                p.milestones.remove(m);
            });
        }
        Deletion::Target(index, x) => {
            change_program(app, index, |p| {
                p.targets.remove(x);
            });
        }
    }
}

fn reorder(app: &mut App, down: bool) {
    match (app.view, app.drill.pane) {
        (View::Dimensions, Pane::Programs) => {
            let listed = app.listed_programs();
            let at = app.drill.programs.selected;
            let Some(other) = (if down {
                at.checked_add(1)
            } else {
                at.checked_sub(1)
            })
            .filter(|&o| o < listed.len()) else {
                return;
            };
            let (from, to) = (listed[at], listed[other]);
            if apply(app, Edit::Move { from, to }) {
                app.drill.programs.selected = other;
            }
        }
        (View::Dimensions, Pane::Detail) => {
            let (Some(index), Some(p)) = (app.selected_program_index(), app.selected_program())
            else {
                return;
            };
            let item = Item::of(p, app.drill.item.selected);
            let (len, at) = match item {
                Item::Milestone(m) => (p.milestones.len(), m),
                Item::Target(x) => (p.targets.len(), x),
                Item::Program => return,
            };
            let Some(other) = (if down {
                at.checked_add(1)
            } else {
                at.checked_sub(1)
            })
            .filter(|&o| o < len) else {
                return;
            };
            let moved = change_program(app, index, |p| match item {
                Item::Milestone(_) => p.milestones.swap(at, other),
                _ => p.targets.swap(at, other),
            });
            if moved {
                app.drill.item.selected = if down {
                    app.drill.item.selected + 1
                } else {
                    app.drill.item.selected - 1
                };
            }
        }
        _ => {}
    }
}

fn open_form(app: &mut App) {
    let t = app.lang.text();
    let plan = &app.doc.plan;
    let form = match (app.view, app.drill.pane) {
        (View::Dashboard, _) => Some(Form::header(plan, t)),
        (View::Dimensions, Pane::Dimensions) => plan
            .dimensions
            .get(app.drill.dimension)
            .map(|d| Form::dimension(plan, app.drill.dimension, d, t)),
        (View::Dimensions, Pane::Detail) => {
            let (Some(index), Some(p)) = (app.selected_program_index(), app.selected_program())
            else {
                return;
            };
            Some(match Item::of(p, app.drill.item.selected) {
                Item::Program => Form::program(plan, index, p, false, t),
                Item::Milestone(m) => Form::milestone(plan, index, m, &p.milestones[m], false, t),
                Item::Target(x) if !p.targets.is_empty() => {
                    Form::target(plan, index, x, &p.targets[x], false, t)
                }
                Item::Target(_) => Form::program(plan, index, p, false, t),
            })
        }
        _ => current_program(app).map(|i| Form::program(plan, i, &plan.programs[i], false, t)),
    };
    app.modal = form.map(|f| Modal::Form(Box::new(f)));
}

fn undo_redo(app: &mut App, undo: bool) {
    let t = app.lang.text();
    let edit = if undo {
        app.history.undo(&mut app.doc.plan)
    } else {
        app.history.redo(&mut app.doc.plan)
    };
    let Some(edit) = edit.cloned() else {
        app.message = Some(
            if undo {
                t.e_nothing_to_undo
            } else {
                t.e_nothing_to_redo
            }
            .to_string(),
        );
        return;
    };
    app.rebuild();
    app.message = Some(if undo { t.e_undone } else { t.e_redone }.to_string());
    // Show what changed back: select its program where it is listed.
    if let Some(index) = edit.program_index()
        && app.view == View::Dimensions
        && let Some(at) = app.listed_programs().iter().position(|&i| i == index)
    {
        app.drill.programs.selected = at;
    }
}

fn answer(app: &mut App, action: Action) {
    match (app.modal.take(), action) {
        (Some(Modal::Confirm(what)), Action::Yes) => delete(app, what),
        (Some(Modal::QuitPrompt), Action::Yes) => {
            app.quit_after_save = true;
            app.effect = Some(Effect::SaveAndQuit);
        }
        (Some(Modal::Conflict { .. }), _) => {
            app.resolutions.clear();
            app.quit_after_save = false;
            app.message = Some(app.lang.text().e_not_saved.to_string());
        }
        (Some(Modal::QuitPrompt), Action::No) => app.should_quit = true,
        // No or Esc to a delete, Esc to the quit prompt: nothing happens.
        (Some(Modal::Form(form)), _) => app.modal = Some(Modal::Form(form)),
        _ => {}
    }
}

fn form(app: &mut App, action: Action) {
    let t = app.lang.text();
    let Some(Modal::Form(form)) = app.modal.as_mut() else {
        return;
    };
    let plan = &app.doc.plan;
    let multiline = matches!(
        form.focused().input,
        Input::Text {
            multiline: true,
            ..
        }
    );
    match action {
        Action::FormCancel => {
            app.modal = None;
            return;
        }
        Action::FormNext => form.focus = (form.focus + 1) % form.fields.len(),
        Action::FormPrev => form.focus = (form.focus + form.fields.len() - 1) % form.fields.len(),
        Action::FormEnter if multiline => edit_text(form, |i| i.insert('\n')),
        Action::FormEnter => return accept(app),
        Action::FormChar(c) => match &mut form.focused().input {
            Input::Text { input, .. } => input.insert(c),
            Input::Choice { options, at } if c == ' ' => *at = (*at + 1) % options.len().max(1),
            Input::Many { chosen, at, .. } if c == ' ' => {
                if let Some(on) = chosen.get_mut(*at) {
                    *on = !*on;
                }
            }
            Input::Toggle(on) if c == ' ' => *on = !*on,
            _ => {}
        },
        Action::FormLeft | Action::FormRight => {
            let forward = action == Action::FormRight;
            match &mut form.focused().input {
                Input::Text { input, .. } => {
                    if forward {
                        input.right()
                    } else {
                        input.left()
                    }
                }
                Input::Choice { options, at } => {
                    let n = options.len().max(1);
                    *at = if forward {
                        (*at + 1) % n
                    } else {
                        (*at + n - 1) % n
                    };
                }
                Input::Many { options, at, .. } => {
                    let n = options.len().max(1);
                    *at = if forward {
                        (*at + 1) % n
                    } else {
                        (*at + n - 1) % n
                    };
                }
                Input::Toggle(on) => *on = !*on,
            }
        }
        Action::FormBackspace => edit_text(form, |i| i.backspace()),
        Action::FormDelete => edit_text(form, |i| i.delete()),
        Action::FormHome => edit_text(form, |i| i.home()),
        Action::FormEnd => edit_text(form, |i| i.end()),
        Action::FormDeleteWord => edit_text(form, |i| i.delete_word()),
        Action::FormClear => edit_text(form, |i| i.clear()),
        _ => return,
    }
    form.problem = None;
    form.refresh_choices(plan, t);
    form.check(plan, t);
}

fn edit_text(form: &mut Form, change: impl FnOnce(&mut crate::tui::form::TextInput)) {
    if let Input::Text { input, .. } = &mut form.focused().input {
        change(input);
    }
}

/// Enter on a form: nothing happens until every field is valid; then the
/// form becomes one undoable edit.
fn accept(app: &mut App) {
    let t = app.lang.text();
    let Some(Modal::Form(form)) = app.modal.take() else {
        return;
    };
    let mut form = form;
    if !form.check(&app.doc.plan, t) {
        form.problem = Some(t.e_fix_fields.to_string());
        app.modal = Some(Modal::Form(form));
        return;
    }
    let Some(edit) = form.to_edit(&app.doc.plan, t) else {
        // Nothing changed: closing the form is all there is to do.
        return;
    };
    let subject = form.subject;
    if !apply(app, edit) {
        form.problem = app.message.take();
        app.modal = Some(Modal::Form(form));
        return;
    }
    select_after(app, subject);
}

/// After a form: show what it made.
fn select_after(app: &mut App, subject: Subject) {
    match subject {
        Subject::Program { index, new: true } => {
            if let Some(d) = app.doc.plan.programs.get(index).and_then(|p| {
                app.doc
                    .plan
                    .dimensions
                    .iter()
                    .position(|d| d.id == p.dimension)
            }) {
                app.view = View::Dimensions;
                app.drill.dimension = d;
                app.drill.pane = Pane::Programs;
                app.drill.programs = Scroll::default();
                app.drill.programs.selected = app
                    .listed_programs()
                    .iter()
                    .position(|&i| i == index)
                    .unwrap_or(0);
            }
        }
        Subject::Milestone {
            program,
            index,
            new: true,
        } => {
            if let Some(p) = app.doc.plan.programs.get(program) {
                app.drill.item.selected = Item::Milestone(index).line(p);
            }
        }
        Subject::Target {
            program,
            index,
            new: true,
        } => {
            if let Some(p) = app.doc.plan.programs.get(program) {
                app.drill.item.selected = Item::Target(index).line(p);
            }
        }
        _ => {}
    }
}

/// The event loop wrote the file. If another officer's changes were merged
/// in, the merge becomes one undoable edit, so nothing of theirs or ours is
/// silently dropped and `u` can still take it back.
fn saved(
    app: &mut App,
    at: String,
    fingerprint: u64,
    merged: Option<Box<crate::plan::model::Plan>>,
    audit: Vec<crate::store::audit::Entry>,
) {
    let t = app.lang.text();
    let mut message = fill(t.e_saved, &[&at]);
    if let Some(plan) = merged
        && *plan != app.doc.plan
    {
        let before = Box::new(app.doc.plan.clone());
        app.history.record(
            &mut app.doc.plan,
            Edit::Whole {
                before,
                after: plan,
            },
        );
        app.rebuild();
        message = fill(t.e_saved_merged, &[&at]);
    }
    app.history.mark_saved();
    app.base = app.doc.plan.clone();
    app.disk = fingerprint;
    app.resolutions.clear();
    app.audit = audit;
    app.saved_at = Some(at);
    app.message = Some(message);
    if app.quit_after_save {
        app.should_quit = true;
    }
}

/// One answer in the conflict prompt; after the last, save again with them.
fn keep(app: &mut App, mine: bool) {
    let Some(Modal::Conflict {
        conflicts,
        at,
        choices,
    }) = app.modal.as_mut()
    else {
        return;
    };
    choices.push(if mine {
        crate::plan::merge::Choice::Mine
    } else {
        crate::plan::merge::Choice::Theirs
    });
    *at += 1;
    if *at < conflicts.len() {
        return;
    }
    let Some(Modal::Conflict {
        conflicts, choices, ..
    }) = app.modal.take()
    else {
        return;
    };
    app.resolutions = conflicts.into_iter().zip(choices).collect();
    app.effect = Some(if app.quit_after_save {
        Effect::SaveAndQuit
    } else {
        Effect::Save
    });
}
