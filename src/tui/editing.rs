//! The actions that change the plan (quick edits, forms, add, delete,
//! reorder, undo, redo, saving) and the outcomes the event loop reports
//! back. Pure, like all of `update`: each returns the effects for the edge.
//! Every edit dispatches on the one computed [`Focus`].

use crate::i18n::fill;
use crate::plan::edit::Edit;
use crate::plan::history::Step;
use crate::plan::merge::Choice;
use crate::plan::model::{Milestone, Plan, Program, Status, Target};
use crate::store::SaveError;
use crate::tui::action::{Action, Effect, Outcome, PrintError, View};
use crate::tui::app::{App, Deletion, Focus, Item, Modal, Pane, Scroll};
use crate::tui::form::{Form, Input, Subject};
use crate::tui::told;

pub(crate) fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // A key for the selected item while it is gone says so, rather than
    // doing nothing unexplained (the focus is nothing).
    if let Some(lost) = &app.lost
        && action.acts_on_selection()
    {
        let what = crate::text::escape(&lost.name).into_owned();
        app.message = Some(fill(app.lang.text().ui.e_nothing_selected, &[&what]));
        return Vec::new();
    }
    match action {
        Action::ChooseStatus => choose_status(app),
        Action::PickStatus(n) => {
            if let Some(Modal::Status { program, .. }) = app.modal.take() {
                set_status(app, program, n);
            }
        }
        Action::ChoiceMove { down } => {
            if let Some(Modal::Status { selected, .. }) = &mut app.modal {
                *selected = if down {
                    (*selected + 1).min(Status::ALL.len() - 1)
                } else {
                    selected.saturating_sub(1)
                };
            }
        }
        Action::ToggleDone => toggle_done(app),
        Action::ShiftYear { start, by } => shift_year(app, start, by),
        Action::Add => add(app),
        Action::AddBudget => add_to_program(app, true),
        Action::AddEvidence => add_to_program(app, false),
        Action::Delete => ask_delete(app),
        Action::Reorder { down } => reorder(app, down),
        Action::Edit => open_form(app),
        Action::EditHeader => {
            let form = Form::header(&app.doc.plan, app.lang);
            app.modal = Some(Modal::Form(Box::new(form)));
        }
        Action::Undo => undo_redo(app, true),
        Action::Redo => undo_redo(app, false),
        Action::Save => return save_with_form(app),
        Action::Sync => {
            // Sync sends what is saved; unsaved edits would be left behind unseen.
            if app.modified() {
                app.message = Some(app.lang.text().ui.e_sync_save_first.to_string());
            } else {
                app.message = Some(app.lang.text().ui.e_syncing.to_string());
                return vec![Effect::Sync];
            }
        }
        Action::KeepMine | Action::KeepTheirs => return keep(app, action == Action::KeepMine),
        Action::Recover => return recover(app),
        Action::Discard => {
            if let Some(Modal::Recover(kept)) = app.modal.take() {
                app.offer_next_recovery();
                return vec![Effect::DiscardRecovery(kept.path)];
            }
        }
        Action::ChoosePrint => app.modal = Some(Modal::PrintFormat),
        Action::Print(format) => {
            app.modal = None;
            return vec![Effect::Print(app.report_request(format))];
        }
        Action::Yes | Action::No | Action::Cancel => return answer(app, action),
        form_action => return form(app, form_action),
    }
    Vec::new()
}

/// Ctrl-S: an open form's text is part of what is saved. A form that
/// cannot be accepted yet stays open saying what to fix, and nothing is
/// saved without it.
fn save_with_form(app: &mut App) -> Vec<Effect> {
    if matches!(app.modal, Some(Modal::Form(_))) {
        accept(app);
        if matches!(app.modal, Some(Modal::Form(_))) {
            return Vec::new();
        }
    }
    vec![save(Vec::new())]
}

fn save(resolutions: Vec<(crate::plan::merge::Conflict, Choice)>) -> Effect {
    Effect::Save { resolutions }
}

/// What the event loop reports: saves, the watcher's news, printing, the clock.
pub(crate) fn outcome(app: &mut App, outcome: Outcome) -> Vec<Effect> {
    let t = app.lang.text();
    match outcome {
        Outcome::Saved {
            at,
            fingerprint,
            merged,
            renamed,
            audit,
            log_error,
            tampered,
            backup,
        } => {
            saved(app, at, fingerprint, merged, &renamed, audit);
            if let Some(backup) = backup {
                app.message = Some(backup.render(t));
            }
            if tampered {
                app.message = Some(t.ui.e_history_tampered.to_string());
            }
            if let Some((log, error)) = log_error {
                app.message = Some(fill(
                    t.cli.log_failed,
                    &[
                        &crate::text::escape_path(&log),
                        &crate::text::escape(&error.to_string()),
                    ],
                ));
            }
        }
        Outcome::Waiting { since } => app.message = Some(fill(t.cli.save_waiting, &[&since])),
        Outcome::NoJobControl => app.message = Some(t.ui.e_no_job_control.to_string()),
        Outcome::KeysIgnored { keys } => {
            // Short, before how the save ended, which stays in view after it.
            let ignored = fill(t.ui.e_keys_ignored, &[&keys]);
            app.message = Some(match app.message.take() {
                Some(said) => format!("{ignored} {said}"),
                None => ignored,
            });
        }
        Outcome::SaveFailed { path, error } => {
            app.should_quit = false;
            app.quit_after_save = false;
            app.message = Some(save_failure(app, &path, &error));
        }
        Outcome::Conflicts(conflicts) => {
            let n = conflicts.len();
            app.modal = Some(Modal::Conflict {
                conflicts,
                at: 0,
                choices: Vec::with_capacity(n),
                in_file: false,
            });
        }
        Outcome::Reloaded { doc, fingerprint } => {
            // Only reached without unsaved edits. The undo history stays:
            // its edits are rebased onto the new plan when undone. An open
            // form follows its item and shows what changed under it.
            if let Some(Modal::Form(form)) = &app.modal {
                let followed = form.follow(&app.doc.plan, &doc.plan);
                app.modal = Some(Modal::Form(Box::new(followed)));
            }
            for r in crate::plan::merge::renames(&app.doc.plan, &doc.plan) {
                app.history.follow(&r.from, &r.to);
                app.anchor_follows(&r.from, &r.to);
            }
            app.doc = *doc;
            app.base = None;
            app.disk = fingerprint;
            app.rebuild();
            app.message = Some(match &app.lost {
                Some(lost) => gone(app, lost),
                None => t.ui.e_reloaded.to_string(),
            });
        }
        Outcome::Authors {
            audit,
            deleted_by_git,
            merge_by,
        } => {
            app.audit = audit;
            app.deleted_by_git = deleted_by_git;
            app.merge_by = merge_by;
        }
        Outcome::ChangedOnDisk => app.message = Some(t.ui.e_changed_on_disk.to_string()),
        Outcome::Synced(result) => app.message = Some(synced(app, result)),
        Outcome::Printed(Ok(path)) => {
            app.message = Some(fill(t.ui.e_printed, &[&crate::text::escape_path(&path)]));
        }
        Outcome::Printed(Err(error)) => app.message = Some(print_failure(app, &error)),
        Outcome::Tick { today } => {
            let moved = app.today.after_tick(today);
            if moved != app.today {
                app.today = moved;
                app.rebuild();
            }
        }
    }
    Vec::new()
}

/// "GOV-06 was deleted by andi; nothing is selected": what was selected
/// and who deleted it, as far as the journals or git say.
fn gone(app: &App, lost: &crate::tui::app::Lost) -> String {
    let who = deleted_by(app, &lost.program, lost.list);
    fill(
        app.lang.text().ui.e_selection_gone,
        &[&crate::text::escape(&lost.name), &who],
    )
}

/// Who deleted programme `id` (or an item of its `list`): the newest
/// journal entry that did, else the git commit the edge found, else
/// "someone else"; escaped.
fn deleted_by(app: &App, id: &str, list: Option<&str>) -> String {
    let journal = crate::store::authors::deleted_by(&app.audit, id, list);
    let git = || {
        list.is_none()
            .then(|| app.deleted_by_git.iter().find(|(gone, _)| gone == id))
            .flatten()
            .map(|(_, by)| by.clone())
    };
    named(app, journal.or_else(git))
}

/// Who made the other side of a conflict undo ran into: the newest journal
/// entry for its item and field, else "someone else"; escaped.
fn changed_by(app: &App, c: &crate::plan::merge::Conflict) -> String {
    let by = c.log_key().and_then(|(subject, field)| {
        crate::store::authors::changed_by(&app.audit, &subject, field)
    });
    named(app, by)
}

fn named(app: &App, by: Option<crate::plan::merge::Author>) -> String {
    match by {
        Some(by) => crate::text::escape(&by.who).into_owned(),
        None => app.lang.text().ui.e_someone_else.to_string(),
    }
}

/// A failed save in the officer's words, naming the file.
fn save_failure(app: &App, path: &std::path::Path, error: &SaveError) -> String {
    error.render_line(path, app.lang.text())
}

fn print_failure(app: &App, error: &PrintError) -> String {
    let t = app.lang.text();
    match error {
        PrintError::Report(e) => e.message(app.lang),
        PrintError::Io { path, error } => {
            fill(t.cli.save_failed, &[&crate::text::escape_path(path), error])
        }
        PrintError::NoFreeName { folder } => fill(
            t.cli.save_failed,
            &[&crate::text::escape_path(folder), &t.ui.e_no_free_name],
        ),
    }
}

/// Applies an edit through the history, keeping the plan valid: an edit that
/// would make it invalid is taken back and the reason shown.
fn apply(app: &mut App, edit: Edit) -> bool {
    let t = app.lang.text();
    app.keep_base_before_new_edit();
    if !edit.apply(&mut app.doc.plan) {
        return false;
    }
    let problems = crate::plan::validate::validate_edit(&app.doc.plan, &edit);
    if let Some(problem) = problems.first() {
        // Taken back before it reaches the history, so redo is not lost either.
        edit.inverse().apply(&mut app.doc.plan);
        let what = match &problem.program {
            Some(id) => format!("{}: {}", crate::text::escape(id), problem.message(t)),
            None => problem.message(t),
        };
        app.message = Some(fill(t.ui.e_refused, &[&what]));
        return false;
    }
    app.reindex_after(&edit);
    // Keys with words of their own (status, done) say it over this.
    app.message = Some(fill(t.ui.e_changed, &[&told::what(&edit, t)]));
    app.history.push_applied(edit);
    // The officer's own edit (a delete, say) shows where the selection went.
    app.lost = None;
    true
}

/// Changes program `index` with `change`, as one undoable edit. False when
/// nothing changed or validation refused it (the message then says why).
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

/// `s`: the list of statuses over the view, on the programme's own.
fn choose_status(app: &mut App) {
    let Some(program) = app
        .focus()
        .program()
        .filter(|_| app.view != View::Dashboard)
    else {
        return;
    };
    let now = app.doc.plan.programs[program].status;
    let selected = Status::ALL.iter().position(|s| *s == now).unwrap_or(0);
    app.modal = Some(Modal::Status { program, selected });
}

/// The status of number `n` (from 0) for programme `index`, as one edit.
fn set_status(app: &mut App, index: usize, n: usize) {
    let Some(&status) = Status::ALL.get(n) else {
        return;
    };
    let t = app.lang.text();
    let changed = change_program(app, index, |p| p.status = status);
    // A refusal keeps its own message: never "status is now …" for a change that did not happen.
    if changed {
        let id = app.doc.plan.programs[index].id.clone();
        app.message = Some(fill(
            t.ui.e_status,
            &[&crate::text::escape(&id), &t.status(status)],
        ));
    }
}

fn toggle_done(app: &mut App) {
    let (program, milestone) = match app.focus() {
        Focus::DueMilestone { program, milestone } => (program, milestone),
        Focus::Milestone { program, index } => (program, index),
        Focus::Evidence { program, index } => return next_evidence_state(app, program, index),
        _ => return,
    };
    let t = app.lang.text();
    let mut done = false;
    let changed = change_program(app, program, |p| {
        let m = &mut p.milestones[milestone];
        m.done = !m.done;
        done = m.done;
    });
    if changed {
        let title = app.doc.plan.programs[program].milestones[milestone]
            .title
            .clone();
        let what = if done { t.ui.e_done } else { t.ui.e_not_done };
        app.message = Some(fill(what, &[&crate::text::escape(&title)]));
    }
}

/// Space on a document: missing → draft → ready → missing, as the
/// evaluation's paperwork moves along in a meeting.
fn next_evidence_state(app: &mut App, program: usize, index: usize) {
    use crate::plan::model::EvidenceState;
    let t = app.lang.text();
    let mut now = EvidenceState::Missing;
    let changed = change_program(app, program, |p| {
        let e = &mut p.evidence[index];
        let at = EvidenceState::ALL
            .iter()
            .position(|s| *s == e.state)
            .unwrap_or(0);
        e.state = EvidenceState::ALL[(at + 1) % EvidenceState::ALL.len()];
        now = e.state;
    });
    if changed {
        let name = app.doc.plan.programs[program].evidence[index].name.clone();
        app.message = Some(fill(
            t.ui.e_evidence_state,
            &[&crate::text::escape(&name), &now.word(app.lang)],
        ));
    }
}

fn shift_year(app: &mut App, start: bool, by: i32) {
    let Focus::Program { index, .. } = app.focus() else {
        return;
    };
    if app.view != View::Timeline {
        return;
    }
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

/// A new program of dimension `d`, after the last one of it so the file stays grouped.
fn new_program_form(app: &App, d: usize) -> Option<Form> {
    let plan = &app.doc.plan;
    let dimension = plan.dimensions.get(d)?;
    let index = plan
        .programs
        .iter()
        .rposition(|p| p.dimension == dimension.id)
        .map_or(plan.programs.len(), |i| i + 1);
    let year = i32::from(app.today().year()).clamp(plan.period.start, plan.period.end);
    let template = Program::new(
        next_id(plan, &dimension.id),
        dimension.id.clone(),
        dimension.lead.clone(),
        year,
    );
    Some(Form::program(plan, index, &template, true, app.lang))
}

fn add(app: &mut App) {
    let plan = &app.doc.plan;
    let new_milestone = |program: usize, after: usize| {
        let due = app
            .today()
            .checked_add(jiff::Span::new().days(30))
            .unwrap_or(app.today());
        let blank = Milestone {
            title: String::new(),
            due: due.to_string(),
            ..Milestone::default()
        };
        Form::milestone(plan, program, after, &blank, true, app.lang)
    };
    let form = match app.focus() {
        Focus::Dimension(d) => new_program_form(app, d),
        Focus::Program {
            index,
            opened: false,
        } => plan
            .dimensions
            .iter()
            .position(|d| d.id == plan.programs[index].dimension)
            .and_then(|d| new_program_form(app, d)),
        Focus::Program {
            index,
            opened: true,
        } => Some(new_milestone(index, plan.programs[index].milestones.len())),
        Focus::Milestone { program, index } => Some(new_milestone(program, index + 1)),
        Focus::Target { program, index } => {
            let blank = Target {
                year: plan.programs[program].targets[index].year,
                indicator: String::new(),
                unit: String::new(),
                baseline: None,
                target: 0.0,
                actual: None,
                ..Target::default()
            };
            Some(Form::target(
                plan,
                program,
                index + 1,
                &blank,
                true,
                app.lang,
            ))
        }
        Focus::Budget { program, index } => Some(new_budget(app, program, index + 1)),
        Focus::Evidence { program, index } => Some(new_evidence(app, program, index + 1)),
        Focus::Nothing | Focus::DueMilestone { .. } | Focus::Aspect(_) => None,
    };
    if let Some(form) = form {
        app.modal = Some(Modal::Form(Box::new(form)));
    }
}

/// A budget year after the programme's last, the year after it (or this year).
fn new_budget(app: &App, program: usize, at: usize) -> Form {
    let plan = &app.doc.plan;
    let p = &plan.programs[program];
    let year = p
        .budget
        .iter()
        .map(|b| b.year + 1)
        .max()
        .unwrap_or(i32::from(app.today().year()))
        .clamp(plan.period.start, plan.period.end);
    let blank = crate::plan::model::Budget {
        year,
        source: p.funding.first().cloned().unwrap_or_default(),
        ..Default::default()
    };
    Form::budget(
        plan,
        program,
        at.min(p.budget.len()),
        &blank,
        true,
        app.lang,
    )
}

fn new_evidence(app: &App, program: usize, at: usize) -> Form {
    let plan = &app.doc.plan;
    let blank = crate::plan::model::Evidence::default();
    let at = at.min(plan.programs[program].evidence.len());
    Form::evidence(plan, program, at, &blank, true, app.lang)
}

/// `b` and `E`: a budget year or a document for the programme in view,
/// wherever in it the selection is.
fn add_to_program(app: &mut App, budget: bool) {
    let Some(program) = app.focus().program() else {
        return;
    };
    let form = if budget {
        new_budget(app, program, usize::MAX)
    } else {
        new_evidence(app, program, usize::MAX)
    };
    app.modal = Some(Modal::Form(Box::new(form)));
}

/// The next free id in a dimension's numbering: `GOV-06` → `GOV-07`.
fn next_id(plan: &Plan, dimension: &str) -> String {
    let last = plan
        .programs
        .iter()
        .rev()
        .find(|p| p.dimension == dimension);
    crate::plan::merge::next_id(last.map(|p| p.id.as_str()), dimension, |id| {
        plan.programs.iter().any(|p| p.id == id)
    })
}

fn ask_delete(app: &mut App) {
    let what = match app.focus() {
        Focus::Program { index, .. } => Deletion::Program(index),
        Focus::Milestone { program, index } => Deletion::Milestone(program, index),
        Focus::Target { program, index } => Deletion::Target(program, index),
        Focus::Budget { program, index } => Deletion::Budget(program, index),
        Focus::Evidence { program, index } => Deletion::Evidence(program, index),
        Focus::Nothing | Focus::Dimension(_) | Focus::DueMilestone { .. } | Focus::Aspect(_) => {
            return;
        }
    };
    app.modal = Some(Modal::Confirm(what));
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
        Deletion::Budget(index, b) => {
            change_program(app, index, |p| {
                p.budget.remove(b);
            });
        }
        Deletion::Evidence(index, e) => {
            change_program(app, index, |p| {
                p.evidence.remove(e);
            });
        }
    }
}

/// The neighbour of `at` in a list of `len`, one step down or up.
fn neighbour(at: usize, down: bool, len: usize) -> Option<usize> {
    if down {
        at.checked_add(1)
    } else {
        at.checked_sub(1)
    }
    .filter(|&o| o < len)
}

fn reorder(app: &mut App, down: bool) {
    match app.focus() {
        Focus::Program { opened: false, .. } if app.view == View::Dimensions => {
            let listed = app.listed_programs();
            let at = app.drill.programs.selected;
            let Some(other) = neighbour(at, down, listed.len()) else {
                return;
            };
            let (from, to) = (listed[at], listed[other]);
            let id = app.doc.plan.programs[from].id.clone();
            if apply(app, Edit::Move { id, from, to }) {
                app.drill.programs.selected = other;
            }
        }
        focus @ (Focus::Milestone { program, index }
        | Focus::Target { program, index }
        | Focus::Budget { program, index }
        | Focus::Evidence { program, index }) => {
            let p = &app.doc.plan.programs[program];
            let len = match focus {
                Focus::Milestone { .. } => p.milestones.len(),
                Focus::Target { .. } => p.targets.len(),
                Focus::Budget { .. } => p.budget.len(),
                _ => p.evidence.len(),
            };
            let Some(other) = neighbour(index, down, len) else {
                return;
            };
            let moved = change_program(app, program, |p| match focus {
                Focus::Milestone { .. } => p.milestones.swap(index, other),
                Focus::Target { .. } => p.targets.swap(index, other),
                Focus::Budget { .. } => p.budget.swap(index, other),
                _ => p.evidence.swap(index, other),
            });
            if moved {
                let p = &app.doc.plan.programs[program];
                let item = match focus {
                    Focus::Milestone { .. } => Item::Milestone(other),
                    Focus::Target { .. } => Item::Target(other),
                    Focus::Budget { .. } => Item::Budget(other),
                    _ => Item::Evidence(other),
                };
                app.drill.item.selected = item.line(p);
            }
        }
        _ => {}
    }
}

fn open_form(app: &mut App) {
    let plan = &app.doc.plan;
    let lang = app.lang;
    let form = match app.focus() {
        Focus::Dimension(d) => Some(Form::dimension(plan, d, &plan.dimensions[d], lang)),
        Focus::Program { index, .. } => Some(Form::program(
            plan,
            index,
            &plan.programs[index],
            false,
            lang,
        )),
        Focus::Milestone { program, index } => Some(Form::milestone(
            plan,
            program,
            index,
            &plan.programs[program].milestones[index],
            false,
            lang,
        )),
        Focus::Target { program, index } => Some(Form::target(
            plan,
            program,
            index,
            &plan.programs[program].targets[index],
            false,
            lang,
        )),
        Focus::Budget { program, index } => Some(Form::budget(
            plan,
            program,
            index,
            &plan.programs[program].budget[index],
            false,
            lang,
        )),
        Focus::Evidence { program, index } => Some(Form::evidence(
            plan,
            program,
            index,
            &plan.programs[program].evidence[index],
            false,
            lang,
        )),
        Focus::Aspect(a) => Some(Form::score(
            plan,
            app.evaluation.year,
            crate::plan::model::Aspect::ALL[a],
            lang,
        )),
        Focus::Nothing | Focus::DueMilestone { .. } => None,
    };
    if let Some(form) = form {
        app.modal = Some(Modal::Form(Box::new(form)));
    }
}

fn undo_redo(app: &mut App, undo: bool) {
    let t = app.lang.text();
    let valid = |plan: &crate::plan::model::Plan, edit: &Edit| {
        crate::plan::validate::validate_edit(plan, edit).is_empty()
    };
    let step = if undo {
        app.history.undo(&mut app.doc.plan, &valid)
    } else {
        app.history.redo(&mut app.doc.plan, &valid)
    };
    let edit = match step {
        Step::Applied(edit) => edit,
        Step::Nothing => {
            app.message = Some(
                if undo {
                    t.ui.e_nothing_to_undo
                } else {
                    t.ui.e_nothing_to_redo
                }
                .to_string(),
            );
            return;
        }
        Step::Dropped(conflicts) => {
            let item =
                |c: &crate::plan::merge::Conflict| crate::text::escape(&c.item(t)).into_owned();
            app.message = Some(match conflicts.first() {
                // The item itself went: say it was deleted, not a "field" of it.
                Some(c) if c.field == crate::plan::merge::Field::Presence && c.theirs.is_none() => {
                    let words = if undo {
                        t.ui.e_undo_deleted
                    } else {
                        t.ui.e_redo_deleted
                    };
                    let who = match c.program() {
                        Some(id)
                            if matches!(c.subject, crate::plan::merge::Subject::Program { .. }) =>
                        {
                            deleted_by(app, id, None)
                        }
                        Some(id) => deleted_by(app, id, c.log_key().map(|(_, list)| list)),
                        None => app.lang.text().ui.e_someone_else.to_string(),
                    };
                    fill(words, &[&item(c), &who])
                }
                Some(c) => {
                    let what = if c.field == crate::plan::merge::Field::Presence {
                        item(c)
                    } else {
                        crate::text::escape(&c.what(app.lang)).into_owned()
                    };
                    let words = if undo {
                        t.ui.e_undo_dropped
                    } else {
                        t.ui.e_redo_dropped
                    };
                    fill(words, &[&what, &changed_by(app, c)])
                }
                None if undo => t.ui.e_undo_invalid.to_string(),
                None => t.ui.e_redo_invalid.to_string(),
            });
            return;
        }
    };
    app.rebuild();
    app.lost = None;
    // Said as the edit was made, whichever way it went now.
    let made = if undo { edit.inverse() } else { edit.clone() };
    let words = if undo { t.ui.e_undone } else { t.ui.e_redone };
    app.message = Some(fill(words, &[&told::what(&made, t)]));
    // Show what changed back: select its program where it is listed.
    if let Some(index) = edit.program_index()
        && app.view == View::Dimensions
        && let Some(at) = app.listed_programs().iter().position(|&i| i == index)
    {
        app.drill.programs.selected = at;
    }
}

/// `r`: the kept edits become this session's unsaved edits, if they make a
/// valid plan (checked like a loaded file); otherwise they stay in their
/// file and the officer is told why.
fn recover(app: &mut App) -> Vec<Effect> {
    let t = app.lang.text();
    let Some(Modal::Recover(kept)) = app.modal.take() else {
        return Vec::new();
    };
    let problems = crate::plan::validate::validate(&kept.recovery.mine);
    if let Some(problem) = problems.first() {
        app.message = Some(fill(
            t.ui.e_recovery_invalid,
            &[
                &crate::text::escape(&problem.message(t)),
                &crate::text::escape_path(&kept.path),
            ],
        ));
        app.offer_next_recovery();
        return Vec::new();
    }
    if kept.recovery.mine != app.doc.plan {
        let before = Box::new(app.doc.plan.clone());
        let after = Box::new(kept.recovery.mine.clone());
        if !app
            .history
            .record(&mut app.doc.plan, Edit::Whole { before, after })
        {
            return Vec::new();
        }
        // Merge at save time against the plan the edits were made on.
        app.base = Some(kept.recovery.base.clone());
        app.disk = 0;
        app.rebuild();
        app.lost = None;
    }
    // The form that was open comes back with what was typed in it.
    if let Some(form) = kept
        .recovery
        .form
        .as_ref()
        .and_then(|f| Form::from_kept(f, &app.doc.plan, app.lang))
    {
        app.modal = Some(Modal::Form(Box::new(form)));
    }
    app.message = Some(match app.recoveries.len() {
        0 => t.ui.e_recovered.to_string(),
        more => fill(t.ui.e_recovered_more, &[&more]),
    });
    // The others wait for the next start: restoring two at once would
    // need a merge the officer has not seen.
    app.recoveries.clear();
    vec![Effect::Restored(kept.path)]
}

fn answer(app: &mut App, action: Action) -> Vec<Effect> {
    match (app.modal.take(), action) {
        (Some(Modal::Status { program, selected }), Action::Yes) => {
            set_status(app, program, selected)
        }
        (Some(Modal::Confirm(what)), Action::Yes) => delete(app, what),
        (Some(Modal::QuitPrompt(form)), Action::Yes) => {
            // The form's text is saved with the rest, or, when it cannot be
            // accepted yet, the form comes back saying why and nothing quits.
            if let Some(form) = form {
                app.modal = Some(Modal::Form(form));
            }
            let effects = save_with_form(app);
            app.quit_after_save = !effects.is_empty();
            return effects;
        }
        (Some(Modal::Conflict { in_file: true, .. }), _) => {
            app.message = Some(app.lang.text().ui.e_conflicts_left.to_string());
            app.offer_next_recovery();
        }
        (Some(Modal::Conflict { .. }), _) => {
            app.quit_after_save = false;
            app.message = Some(app.lang.text().ui.e_not_saved.to_string());
        }
        (Some(Modal::QuitPrompt(form)), Action::Cancel) => {
            app.modal = form.map(Modal::Form);
        }
        (Some(Modal::QuitPrompt(_)), Action::No) => {
            app.should_quit = true;
            return vec![Effect::DiscardOwnRecovery];
        }
        // No or Esc to a delete, Esc to the quit prompt: nothing happens.
        (Some(Modal::Form(form)), _) => app.modal = Some(Modal::Form(form)),
        _ => {}
    }
    Vec::new()
}

fn form(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(Modal::Form(form)) = app.modal.as_mut() else {
        return Vec::new();
    };
    let plan = &app.doc.plan;
    let multiline = matches!(
        form.focused().input,
        Input::Text {
            multiline: true,
            ..
        }
    );
    if action != Action::FormCancel {
        form.leaving = false;
    }
    match action {
        Action::FormCancel => {
            // Typed text is thrown away only when asked twice.
            if form.typed() && !form.leaving {
                form.leaving = true;
                form.problem = Some(app.lang.text().ui.e_form_esc_again.to_string());
            } else {
                app.modal = None;
            }
            return Vec::new();
        }
        Action::FormNext => form.focus = (form.focus + 1) % form.fields.len(),
        Action::FormPrev => form.focus = (form.focus + form.fields.len() - 1) % form.fields.len(),
        Action::FormEnter if multiline => edit_text(form, |i| i.insert('\n')),
        Action::Paste(text) => {
            if let Input::Text { input, .. } = &mut form.focused().input {
                input.insert_str(&crate::text::pasted(&text, multiline));
            } else {
                // A choice or a toggle takes no text: say so, change nothing.
                form.problem = Some(app.lang.text().ui.e_paste_nowhere.to_string());
                return Vec::new();
            }
        }
        Action::FormEnter => {
            // Enter on a programme deleted meanwhile adds it again, as its
            // notice says; Ctrl-S and "save? y" do not, unasked.
            if form.revive(plan) {
                let id = form.program_id().unwrap_or_default().to_string();
                accept(app);
                if app.modal.is_none() {
                    app.message = Some(fill(
                        app.lang.text().ui.e_form_revived,
                        &[&crate::text::escape(&id)],
                    ));
                }
                return Vec::new();
            }
            accept(app);
            return Vec::new();
        }
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
        _ => return Vec::new(),
    }
    // A deleted item stays said; the fields someone else changed stay marked.
    if !form.gone {
        form.problem = None;
    }
    form.refresh_choices(plan);
    form.check(plan);
    Vec::new()
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
    let Some(Modal::Form(mut form)) = app.modal.take() else {
        return;
    };
    if form.gone {
        app.modal = Some(Modal::Form(form));
        return;
    }
    if !form.check(&app.doc.plan) {
        form.problem = Some(t.ui.e_fix_fields.to_string());
        app.modal = Some(Modal::Form(form));
        return;
    }
    let Some(edit) = form.to_edit(&app.doc.plan) else {
        // Nothing changed: closing the form is all there is to do.
        return;
    };
    if !apply(app, edit) {
        form.problem = app.message.take();
        app.modal = Some(Modal::Form(form));
        return;
    }
    select_after(app, &form.subject);
}

/// After a form: show what it made.
fn select_after(app: &mut App, subject: &Subject) {
    match subject {
        Subject::Program {
            index,
            new: Some(_),
        } => {
            if let Some(d) = app.doc.plan.programs.get(*index).and_then(|p| {
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
                    .position(|&i| i == *index)
                    .unwrap_or(0);
            }
        }
        Subject::Milestone {
            program,
            index,
            new: true,
        } => {
            if let Some(p) = app.doc.plan.programs.get(*program) {
                app.drill.item.selected = Item::Milestone(*index).line(p);
            }
        }
        Subject::Target {
            program,
            index,
            new: true,
        } => {
            if let Some(p) = app.doc.plan.programs.get(*program) {
                app.drill.item.selected = Item::Target(*index).line(p);
            }
        }
        Subject::Budget {
            program,
            index,
            new: true,
        } => {
            if let Some(p) = app.doc.plan.programs.get(*program) {
                app.drill.item.selected = Item::Budget(*index).line(p);
            }
        }
        Subject::Evidence {
            program,
            index,
            new: true,
        } => {
            if let Some(p) = app.doc.plan.programs.get(*program) {
                app.drill.item.selected = Item::Evidence(*index).line(p);
            }
        }
        _ => {}
    }
}

/// The event loop wrote the file. If another officer's changes were merged
/// in, the plan becomes the merged one without an entry in the undo history:
/// `u` takes back this officer's own edits (rebased onto the merged plan),
/// never the other officer's.
fn saved(
    app: &mut App,
    at: String,
    fingerprint: u64,
    merged: Option<Box<crate::store::Document>>,
    renamed: &[crate::plan::merge::Renamed],
    audit: Vec<crate::store::audit::Entry>,
) {
    let t = app.lang.text();
    let mut message = fill(t.ui.e_saved, &[&at]);
    // Read by the notices below: who deleted what the officer had selected.
    app.audit = audit;
    if let Some(doc) = merged {
        app.doc.preamble = doc.preamble;
        if doc.plan != app.doc.plan {
            // Undo and an open form follow programme ids the merge changed.
            let programs = renamed
                .iter()
                .filter(|r| r.list == crate::plan::merge::List::Programs);
            for r in programs {
                app.history.follow(&r.from, &r.to);
                app.anchor_follows(&r.from, &r.to);
            }
            if let Some(Modal::Form(form)) = &app.modal {
                let followed = form.follow(&app.doc.plan, &doc.plan);
                app.modal = Some(Modal::Form(Box::new(followed)));
            }
            app.doc.plan = doc.plan;
            app.rebuild();
            message = fill(t.ui.e_saved_merged, &[&at]);
            if let Some(lost) = &app.lost {
                message = format!("{message}; {}", gone(app, lost));
            }
        }
    }
    if !renamed.is_empty() {
        let told: Vec<String> = renamed.iter().map(|r| r.message(t)).collect();
        // Saved, as the status bar's "saved at" says once this is read;
        // the new id is what the officer must not miss, and it fits 80 columns.
        message = told.join(" · ");
    }
    app.history.mark_saved();
    app.base = None;
    app.disk = fingerprint;
    app.saved_at = Some(at);
    app.message = Some(message);
    if app.quit_after_save {
        app.should_quit = true;
    }
}

/// What a sync did, in one line for the status bar; a merge's questions are asked now.
fn synced(
    app: &mut App,
    result: Result<crate::store::git::Synced, crate::store::git::GitError>,
) -> String {
    let t = app.lang.text();
    match result {
        Err(e) => fill(t.ui.e_sync_failed, &[&e.render(t)]),
        Ok(done) if done.conflicts => {
            app.ask_conflicts_borne_out(Some(done.conflict_lines.clone()));
            t.ui.e_sync_conflicts.to_string()
        }
        Ok(done) => match (&done.offline, &done.refused) {
            (Some(why), _) => fill(
                t.ui.e_sync_offline,
                &[
                    &crate::text::escape(&done.remote),
                    &crate::text::escape(why),
                ],
            ),
            (None, Some(why)) => fill(
                t.cli.sy_refused,
                &[
                    &crate::text::escape(&done.remote),
                    &crate::text::escape(why),
                ],
            ),
            (None, None) => fill(
                t.ui.e_synced,
                &[
                    &crate::text::escape(&done.remote),
                    &done.came_in,
                    &done.went_out,
                ],
            ),
        },
    }
}

/// One answer in the conflict prompt; after the last, save again with them
/// (or, for a git merge's questions, put the answers into the plan).
fn keep(app: &mut App, mine: bool) -> Vec<Effect> {
    let Some(Modal::Conflict {
        conflicts,
        at,
        choices,
        ..
    }) = app.modal.as_mut()
    else {
        return Vec::new();
    };
    choices.push(if mine { Choice::Mine } else { Choice::Theirs });
    *at += 1;
    if *at < conflicts.len() {
        return Vec::new();
    }
    let Some(Modal::Conflict {
        conflicts,
        choices,
        in_file,
        ..
    }) = app.modal.take()
    else {
        return Vec::new();
    };
    let answers: Vec<_> = conflicts.into_iter().zip(choices).collect();
    if in_file {
        answer_file_conflicts(app, &answers);
        app.offer_next_recovery();
        return Vec::new();
    }
    vec![save(answers)]
}

/// A git merge's questions answered: theirs put into the plan where chosen
/// (ours is already there), the lines dropped from the top comment, all as
/// one undoable, unsaved edit. An answered question always leaves the file:
/// a value of theirs that no longer fits (or would make the plan invalid)
/// keeps the file's value, and says why.
fn answer_file_conflicts(app: &mut App, answers: &[(crate::plan::merge::Conflict, Choice)]) {
    let t = app.lang.text();
    let mut plan = app.doc.plan.clone();
    // The recorded values are pantau's own, figures with a decimal point.
    let words = crate::i18n::Writing(Some(crate::plan::typed::Convention::English));
    let mut refused = None;
    for (c, choice) in answers {
        if *choice != Choice::Theirs {
            continue;
        }
        let mut tried = plan.clone();
        match crate::plan::conflicts::take_theirs(&mut tried, c, &words) {
            Err(e) => refused = Some(e.render(t)),
            Ok(_) => match crate::plan::validate::validate(&tried).first() {
                Some(problem) => refused = Some(problem.message(t)),
                None => plan = tried,
            },
        }
    }
    let before = Box::new(app.doc.plan.clone());
    app.history.record(
        &mut app.doc.plan,
        Edit::Whole {
            before,
            after: Box::new(plan),
        },
    );
    app.doc.preamble = crate::plan::conflicts::read(&app.doc.preamble).0;
    app.rebuild();
    app.lost = None;
    app.message = Some(match refused {
        Some(why) => format!(
            "{} ({})",
            t.ui.e_conflicts_answered,
            fill(t.ui.e_refused, &[&why])
        ),
        None => t.ui.e_conflicts_answered.to_string(),
    });
}
