//! `update`: the one place the interface's state changes. Pure: no I/O and
//! no clock; what the edge must do comes back as effects, and what the edge
//! learns comes in as outcomes.

use crate::tui::action::{Action, Effect, Msg, View};
use crate::tui::app::{App, DashFocus, DrillState, Focus, Item, Modal, Pane};

use crate::i18n::Lang;
use crate::tui::editing;

/// Applies one action or outcome and returns the work for the event loop.
pub fn update(app: &mut App, msg: impl Into<Msg>) -> Vec<Effect> {
    let effects = apply(app, msg.into());
    // What is selected stays in view as the screen lays it out, so drawing
    // only reads the state.
    app.follow(crate::tui::ui::measure(app));
    app.hold();
    effects
}

fn apply(app: &mut App, msg: Msg) -> Vec<Effect> {
    let action = match msg {
        Msg::Outcome(outcome) => return editing::outcome(app, outcome),
        Msg::Action(action) => action,
    };
    if !matches!(action, Action::Resize(..)) {
        app.message = None;
    }
    if let Some(file) = &app.read_only
        && action.writes()
    {
        let file = crate::text::escape(file);
        app.message = Some(crate::i18n::fill(app.lang.text().ui.u_read_only, &[&file]));
        return Vec::new();
    }
    // Nothing acts unseen: while only "too small" shows, every key but
    // quitting (which asks when anything is unsaved) and Esc to a question
    // is refused, and says so under the size.
    if crate::tui::ui::too_small(app.size)
        && !matches!(action, Action::Resize(..) | Action::Quit | Action::Cancel)
    {
        app.message = Some(app.lang.text().ui.e_too_small_refused.to_string());
        return Vec::new();
    }
    // Something selected was deleted by someone else: the first move shows
    // where the selection is again, and only then do keys act on it.
    if app.lost.is_some() {
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last
            | Action::Open => {
                app.lost = None;
                return Vec::new();
            }
            Action::Left
            | Action::Right
            | Action::Back
            | Action::Show(_)
            | Action::NextView
            | Action::PrevView => app.lost = None,
            _ => {}
        }
    }
    let big = isize::MAX / 2;
    match action {
        Action::Quit => {
            // Unsaved changes are never dropped by a stray `q` or Ctrl-C, nor
            // is text typed in a form: ask first, and keep the form for the
            // answer (saved with the rest, or open again).
            let form = match app.modal.take() {
                Some(Modal::Form(form)) => Some(form).filter(|f| f.typed()),
                other => {
                    app.modal = other;
                    None
                }
            };
            if app.modified() || form.is_some() {
                app.modal = Some(Modal::QuitPrompt(form));
            } else {
                app.should_quit = true;
            }
        }
        Action::Resize(w, h) => app.size = (w, h),
        Action::ToggleHelp => app.help = !app.help,
        Action::SwitchLanguage => {
            app.lang = match app.lang {
                Lang::En => Lang::Id,
                Lang::Id => Lang::En,
            };
            app.message = Some(app.lang.text().ui.e_language.to_string());
        }
        Action::Show(view) => {
            app.view = view;
            app.came_from = None;
            app.help = false;
        }
        Action::NextView | Action::PrevView => {
            let at = View::ALL.iter().position(|v| *v == app.view).unwrap_or(0);
            let n = View::ALL.len();
            let next = if action == Action::NextView {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            app.view = View::ALL[next];
            app.came_from = None;
        }
        Action::Up => app.move_by(-1),
        Action::Down => app.move_by(1),
        Action::PageUp => app.move_by(-(app.page() as isize)),
        Action::PageDown => app.move_by(app.page() as isize),
        Action::First => app.move_by(-big),
        Action::Last => app.move_by(big),
        Action::Left => match app.view {
            View::Dashboard => app.dashboard.focus = DashFocus::Overdue,
            View::Dimensions => back(app),
            View::Timeline => app.timeline.year_offset = app.timeline.year_offset.saturating_sub(1),
            View::Evaluation => {
                app.evaluation.year = (app.evaluation.year - 1).max(app.doc.plan.period.start)
            }
        },
        Action::Right => match app.view {
            View::Dashboard => app.dashboard.focus = DashFocus::DueSoon,
            View::Dimensions => {
                if app.drill.pane == Pane::Dimensions {
                    app.drill.pane = Pane::Programs;
                }
            }
            View::Timeline => {
                let years = (app.doc.plan.period.end - app.doc.plan.period.start).max(0) as u16;
                app.timeline.year_offset = (app.timeline.year_offset + 1).min(years);
            }
            View::Evaluation => {
                app.evaluation.year = (app.evaluation.year + 1).min(app.doc.plan.period.end)
            }
        },
        Action::Open => match app.focus() {
            Focus::DueMilestone { program, milestone } => {
                // On the milestone that was chosen, so Space ticks that one.
                app.open_detail(program);
                if app.view == View::Dimensions {
                    let p = &app.doc.plan.programs[program];
                    app.drill.item.selected = Item::Milestone(milestone).line(p);
                }
            }
            Focus::Dimension(_) => app.drill.pane = Pane::Programs,
            Focus::Program {
                index,
                opened: false,
            } => {
                if app.view == View::Dimensions {
                    app.drill.pane = Pane::Detail;
                    app.drill.item = DrillState::open_at(&app.doc.plan.programs[index]);
                } else {
                    app.open_detail(index);
                }
            }
            _ => {}
        },
        Action::Back => {
            if app.help {
                app.help = false;
            } else if !app.filter.is_empty() {
                app.filter.clear();
                app.reindex();
            } else if let Some(view) = app
                .came_from
                .take()
                .filter(|_| app.view == View::Dimensions && app.drill.pane == Pane::Detail)
            {
                // Back where the officer opened it from; the drill-down
                // shows its list when they next go there.
                app.drill.pane = Pane::Programs;
                app.view = view;
            } else if app.view == View::Dimensions {
                back(app);
            }
        }
        Action::StartFilter => app.filtering = true,
        Action::FilterInput(c) => {
            if !c.is_control() {
                app.filter.push(c);
                app.reindex();
            }
        }
        Action::FilterBackspace => {
            if app.filter.pop().is_some() {
                app.reindex();
            }
        }
        Action::Paste(text) => return paste(app, text),
        Action::FilterAccept => app.filtering = false,
        Action::FilterClear => {
            app.filtering = false;
            app.filter.clear();
            app.reindex();
        }
        editing => return editing::update(app, editing),
    }
    Vec::new()
}

/// A paste goes where typing would: the open form's field, else the filter
/// being typed (as one line). Anywhere else it does nothing but say so.
fn paste(app: &mut App, text: String) -> Vec<Effect> {
    match &app.modal {
        Some(Modal::Form(_)) => return editing::update(app, Action::Paste(text)),
        None if app.filtering => {
            let line = crate::text::pasted(&text, false);
            if !line.is_empty() {
                app.filter.push_str(&line);
                app.reindex();
            }
        }
        _ => app.message = Some(app.lang.text().ui.e_paste_nowhere.to_string()),
    }
    Vec::new()
}

/// One level out of the drill-down: detail → programs → dimensions.
fn back(app: &mut App) {
    // Left the detail by hand: Esc from it later goes up the drill-down.
    app.came_from = None;
    app.drill.pane = match app.drill.pane {
        Pane::Detail => Pane::Programs,
        Pane::Programs | Pane::Dimensions => Pane::Dimensions,
    };
}

#[cfg(test)]
mod tests {
    use super::update;
    use crate::i18n::Lang;
    use crate::tui::action::Outcome;
    use crate::tui::app::{App, Today};
    use jiff::civil::date;

    fn example(today: Today) -> App {
        let doc = crate::store::parse(crate::store::EXAMPLE, std::path::Path::new("x"))
            .expect("the bundled example parses");
        App::new(doc, "x".into(), today, Lang::En)
    }

    #[test]
    fn a_midnight_tick_moves_a_clock_day_but_not_one_given_with_today() {
        let (started, midnight) = (date(2026, 12, 2), date(2026, 12, 3));
        let mut given = example(Today::Given(started));
        let mut clock = example(Today::Clock(started));
        for app in [&mut given, &mut clock] {
            let _ = update(app, Outcome::Tick { today: midnight });
        }
        assert_eq!(given.today(), started, "--today holds past midnight");
        assert_eq!(clock.today(), midnight, "the clock's day moves on");
    }
}
