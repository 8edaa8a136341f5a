//! The province dashboard (`pantau DIR`): every plan found under the folder,
//! one row per region with the rollup's figures ([`Rollup::of`]), and the
//! plans that did not load. Enter opens a region's own dashboard, an [`App`]
//! on a copy of that plan that refuses every edit ([`App::read_only`]); Esc
//! there, with nothing left to back out of, comes back here.

use crate::i18n::Lang;
use crate::plan::province::{Region, Rollup};
use crate::store::Document;
use crate::tui::action::{Action, View};
use crate::tui::app::{App, Pane, Scroll, Session, Today};
use crate::tui::keymap::{self, Context};
use crate::tui::update::update;
use crossterm::event::KeyEvent;
use jiff::civil::Date;
use std::path::PathBuf;

/// One region's row, as the rollup computes it.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionRow {
    /// Index into [`Province::plans`].
    pub plan: usize,
    pub code: String,
    pub region: String,
    pub programs: usize,
    /// Share of programmes done.
    pub done: u32,
    pub quick_wins: String,
    pub late: usize,
    pub achievement: Option<f64>,
    pub index: Option<f64>,
}

pub struct Province {
    /// The folder as given, for the status bar.
    pub label: String,
    pub plans: Vec<(PathBuf, Result<Document, String>)>,
    /// Sorted by code, then name (as the rollup).
    pub rows: Vec<RegionRow>,
    /// (file, error) of the plans that did not load.
    pub failed: Vec<(String, String)>,
    pub selected: Scroll,
    /// The region opened from here, read-only.
    pub open: Option<Box<App>>,
    pub help: bool,
    pub should_quit: bool,
    pub today: Date,
    pub lang: Lang,
    pub ascii: bool,
    pub size: (u16, u16),
}

impl Province {
    pub fn new(
        label: String,
        plans: Vec<(PathBuf, Result<Document, String>)>,
        today: Date,
        lang: Lang,
    ) -> Province {
        let regions: Vec<Region> = plans
            .iter()
            .map(|(path, result)| Region {
                file: path.display().to_string(),
                plan: result.as_ref().map(|d| &d.plan).map_err(String::clone),
            })
            .collect();
        let rollup = Rollup::of(&regions, today);
        let rows = rollup
            .rows
            .iter()
            .map(|r| RegionRow {
                plan: r.source,
                code: r.code().to_string(),
                region: r.region().to_string(),
                programs: r.programs,
                done: r.total.percent_done(),
                quick_wins: crate::report::rollup::quick_wins(&r.total),
                late: r.late,
                achievement: r.achievement,
                index: r.index,
            })
            .collect();
        let failed = rollup
            .failed
            .iter()
            .map(|(f, e)| (f.to_string(), e.to_string()))
            .collect();
        Province {
            label,
            plans,
            rows,
            failed,
            selected: Scroll::default(),
            open: None,
            help: false,
            should_quit: false,
            today,
            lang,
            ascii: false,
            size: (80, 24),
        }
    }

    /// Where the keys go: the open region's context, else the province's
    /// (or its help).
    pub fn context(&self) -> Context {
        match &self.open {
            Some(app) => keymap::current_context(app),
            None if self.help => Context::Help,
            None => Context::Province,
        }
    }

    /// The action for a key press, from the one keymap.
    pub fn resolve(&self, event: KeyEvent) -> Option<Action> {
        keymap::resolve_in(self.context(), event)
    }

    /// Rows a page holds: the screen less the title, borders, heading and
    /// status bar.
    fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(6)).max(1)
    }

    pub fn update(&mut self, action: Action) {
        self.apply(action);
        // The selected region stays in view as the table is laid out, so
        // drawing only reads. An open region is drawn instead of the table.
        if self.open.is_none()
            && let Some(rows) = crate::tui::ui::province_rows(self.size, self.failed.len())
        {
            self.selected.follow(rows, self.rows.len());
        }
    }

    fn apply(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
        }
        if let Some(app) = &mut self.open {
            if action == Action::Back && nothing_to_back_out_of(app) {
                self.open = None;
                return;
            }
            // The region never asks for effects: everything that would
            // (save, sync, print) is refused as read-only.
            let _ = update(app, action);
            if app.should_quit {
                self.should_quit = true;
            }
            return;
        }
        let len = self.rows.len();
        let big = isize::MAX / 2;
        let page = self.page() as isize;
        let by = |s: &mut Scroll, d: isize| {
            s.selected = s
                .selected
                .saturating_add_signed(d)
                .min(len.saturating_sub(1));
        };
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => self.help = !self.help,
            Action::Up => by(&mut self.selected, -1),
            Action::Down => by(&mut self.selected, 1),
            Action::PageUp => by(&mut self.selected, -page),
            Action::PageDown => by(&mut self.selected, page),
            Action::First => by(&mut self.selected, -big),
            Action::Last => by(&mut self.selected, big),
            Action::Open => self.open_selected(),
            _ => {}
        }
    }

    /// The selected region's own dashboard, on a copy of its plan, read-only.
    pub fn open_selected(&mut self) {
        let Some(row) = self.rows.get(self.selected.selected) else {
            return;
        };
        let Some((path, Ok(doc))) = self.plans.get(row.plan) else {
            return;
        };
        let label = path.display().to_string();
        let shown = format!("{label} {}", self.lang.text().ui.u_read_only_tag);
        // The province's loop reads no clock: its day holds, as a given one does.
        let mut app = App::open(
            doc.clone(),
            Session {
                ascii: self.ascii,
                read_only: Some(label),
                message: Some(self.lang.text().ui.u_province_back.to_string()),
                ..Session::new(shown, Today::Given(self.today), self.lang)
            },
        );
        let _ = update(&mut app, Action::Resize(self.size.0, self.size.1));
        self.open = Some(Box::new(app));
    }
}

/// Esc in a region with no help, filter or pane to close: back to the province.
fn nothing_to_back_out_of(app: &App) -> bool {
    app.modal.is_none()
        && !app.filtering
        && !app.help
        && app.filter.is_empty()
        && (app.view != View::Dimensions || app.drill.pane == Pane::Dimensions)
}
