//! The interface's state: the plan, the views' selections, what the views
//! list (`Index`), and the one computed answer to "what is selected"
//! (`Focus`), on which every key that acts dispatches. `update` (in
//! `tui::update`) is the one place it changes.

use crate::i18n::Lang;
use crate::plan::history::History;
use crate::plan::model::{Budget, Evidence, Milestone, Plan, Program, Target};
use crate::plan::progress::Tally;
use crate::store::Document;
use crate::tui::action::View;
use crate::tui::bindings::Keymap;
use crate::tui::form::Form;
use jiff::civil::Date;

/// How far ahead the dashboard's "due soon" list looks.
pub const DUE_SOON_DAYS: i32 = 30;

/// Only the interface's own modules reach the fields: `update` (with
/// `editing`) changes them, the edge performs what it asks, and everyone
/// else reads through the methods below.
pub struct App {
    pub(super) doc: Document,
    /// The file name shown in the status bar.
    pub(super) file_label: String,
    /// The day the session counts from, and whether the clock may move it.
    pub(super) today: Today,
    pub(super) lang: Lang,
    /// Only ASCII in what pantau writes (reports from `p`), as on screen.
    pub(super) ascii: bool,
    /// The name the officer gave (`--officer`), for the audit log.
    pub(super) officer: String,
    pub(super) view: View,
    /// The view a programme's detail was opened from (the dashboard, the
    /// timeline): Esc in the detail goes back there, not up the drill-down.
    pub(super) came_from: Option<View>,
    pub(super) help: bool,
    /// Live filter over id, name and lead agency; empty shows everything.
    pub(super) filter: String,
    /// The filter prompt has the keyboard.
    pub(super) filtering: bool,
    pub(super) message: Option<String>,
    pub(super) should_quit: bool,
    /// Every change since the file was opened, for undo, redo and "modified".
    pub(super) history: History,
    /// A form or a question that has the keyboard until answered.
    pub(super) modal: Option<Modal>,
    /// Local time of the last save, `HH:MM`, for the status bar.
    pub(super) saved_at: Option<String>,
    /// The plan this session's edits are merged from when another officer
    /// saved meanwhile: only kept here when it is not the last saved state
    /// (restored edits carry their own); otherwise [`App::base_plan`]
    /// reaches it through the history, so no second copy of the plan is
    /// made at start, after a save or after a reload.
    pub(super) base: Option<Plan>,
    pub(super) disk: u64,
    /// This session's name for its own recovery file.
    pub(super) session: String,
    /// Kept edits of other sessions not yet offered (the first is in the
    /// recovery question).
    pub(super) recoveries: Vec<crate::store::recovery::Kept>,
    /// Quit once the save under way (perhaps after conflicts) succeeds.
    pub(super) quit_after_save: bool,
    /// The audit log of this plan, oldest first, for the detail's recent changes.
    pub(super) audit: Vec<crate::store::audit::Entry>,
    /// Terminal size, so paging knows how many rows a page holds.
    pub(super) size: (u16, u16),
    pub(super) dashboard: DashboardState,
    pub(super) drill: DrillState,
    pub(super) timeline: TimelineState,
    pub(super) evaluation: EvaluationState,
    /// Derived from the plan and the filter; rebuilt by `reindex` whenever either changes.
    pub(super) index: Index,
    /// The keys in effect: the defaults with the user's configuration.
    pub(super) keymap: Keymap,
    /// Opened from the province dashboard: nothing may change the plan, and
    /// the keys that would say how to open it to edit (the file, as given).
    pub(super) read_only: Option<String>,
    /// What was selected after the last update, by identity: the rows are
    /// found again from it whenever the plan or the filter changes.
    pub(super) anchor: Anchor,
    /// What was selected and is gone from the plan (someone else deleted
    /// it): nothing is selected until the officer moves.
    pub(super) lost: Option<Lost>,
    /// Programmes deleted by a change that came through git, and who
    /// deleted them, as the edge found when it reloaded: the journals do
    /// not hold another office's deletions.
    pub(super) deleted_by_git: Vec<(String, crate::plan::merge::Author)>,
    /// Which conflict lines git bears out, as the edge last found ([`Session`]).
    pub(super) conflict_lines: Option<Vec<bool>>,
    /// See [`Session::merge_by`]; the edge tells it again after a sync.
    pub(super) merge_by: Option<crate::plan::merge::Author>,
    /// Where `p` writes reports ([`Session::reports`]).
    pub(super) reports: Option<std::path::PathBuf>,
}

/// What was selected, by identity rather than by row, so that after a
/// reload, a merge, a reorder or a filter cleared the same item is selected
/// and a key never lands on the row's new occupant.
#[derive(Debug, Clone, Default)]
pub(super) struct Anchor {
    /// The drill-down's programme, and (in its detail) the line's item.
    program: Option<String>,
    line: Option<Held>,
    /// The timeline's programme.
    timeline: Option<String>,
    /// The dashboard's two lists' milestones, with their programme's id.
    overdue: Option<(String, Milestone)>,
    due_soon: Option<(String, Milestone)>,
}

/// What was selected and is gone from the plan, and where it was.
#[derive(Debug, Clone)]
pub(crate) struct Lost {
    /// How the officer knows it: the programme's id, a milestone's title.
    pub name: String,
    /// The programme it was (in).
    pub program: String,
    /// The list of the programme it was an item of (`milestone`), if an item.
    pub list: Option<&'static str>,
}

/// An item of a programme's detail, as it was, matched again as a merge
/// matches it.
#[derive(Debug, Clone)]
enum Held {
    Milestone(Milestone),
    Target(Target),
    Budget(Budget),
    Evidence(Evidence),
}

impl Held {
    fn of(program: &Program, item: Item) -> Option<Held> {
        Some(match item {
            Item::Milestone(i) => Held::Milestone(program.milestones.get(i)?.clone()),
            Item::Target(i) => Held::Target(program.targets.get(i)?.clone()),
            Item::Budget(i) => Held::Budget(program.budget.get(i)?.clone()),
            Item::Evidence(i) => Held::Evidence(program.evidence.get(i)?.clone()),
            Item::Program | Item::Below(_) => return None,
        })
    }

    /// Where it is in `program` now, if it still is.
    fn find(&self, program: &Program) -> Option<Item> {
        use crate::plan::merge::{
            BUDGET_KEYS, EVIDENCE_KEYS, MILESTONE_KEYS, TARGET_KEYS, find_again,
        };
        Some(match self {
            Held::Milestone(m) => {
                Item::Milestone(find_again(&program.milestones, m, &MILESTONE_KEYS)?)
            }
            Held::Target(x) => Item::Target(find_again(&program.targets, x, &TARGET_KEYS)?),
            Held::Budget(b) => Item::Budget(find_again(&program.budget, b, &BUDGET_KEYS)?),
            Held::Evidence(e) => Item::Evidence(find_again(&program.evidence, e, &EVIDENCE_KEYS)?),
        })
    }

    /// The list it is an item of, as the journals name it.
    fn list(&self) -> &'static str {
        match self {
            Held::Milestone(_) => "milestone",
            Held::Target(_) => "target",
            Held::Budget(_) => "budget",
            Held::Evidence(_) => "evidence",
        }
    }

    /// How the officer knows it.
    fn name(&self) -> String {
        match self {
            Held::Milestone(m) => m.title.clone(),
            Held::Target(x) => format!("{} {}", x.indicator, x.year),
            Held::Budget(b) => b.year.to_string(),
            Held::Evidence(e) => e.name.clone(),
        }
    }
}

/// What the edge knows when it opens a plan in the interface: how to name
/// and show it, on which day, for whom, and what lies beside it on disk.
#[derive(Debug)]
pub struct Session {
    /// The file name shown in the status bar.
    pub file_label: String,
    pub today: Today,
    pub lang: Lang,
    /// Only ASCII in what pantau writes (reports from `p`), as on screen.
    pub ascii: bool,
    /// The name the officer gave (`--officer`), for the audit log.
    pub officer: String,
    /// The keys in effect: the defaults with the user's configuration.
    pub keymap: Keymap,
    /// The plan's fingerprint as read, to tell another officer's save.
    pub fingerprint: u64,
    /// The plan's audit log, oldest first.
    pub audit: Vec<crate::store::audit::Entry>,
    /// This session's name for its own recovery file.
    pub recovery_name: String,
    /// Edits kept by sessions that ended badly, offered back one by one.
    pub recoveries: Vec<crate::store::recovery::Kept>,
    /// Opened from the province dashboard: nothing may change the plan (the
    /// file, as given, for the keys that would say how to open it to edit).
    pub read_only: Option<String>,
    /// What the status bar says first (a region says how to go back).
    pub message: Option<String>,
    /// Which `// pantau-conflict` lines of the plan git's record of the
    /// merge under way bears out (the edge asks git); `None`: not looked at,
    /// every line that reads is asked.
    pub conflict_lines: Option<Vec<bool>>,
    /// Who made the other side of the merge under way, as git has it: what
    /// its questions name when no journal does.
    pub merge_by: Option<crate::plan::merge::Author>,
    /// The folder reports printed from the interface go to: the plan's own
    /// (under `--demo` the demo's private folder), never wherever pantau
    /// happened to be started. `None` only where nothing prints to a file
    /// (tests, benchmarks): the working folder.
    pub reports: Option<std::path::PathBuf>,
}

impl Session {
    /// A session with nothing beside the plan.
    pub fn new(file_label: String, today: Today, lang: Lang) -> Session {
        Session {
            file_label,
            today,
            lang,
            ascii: false,
            officer: String::new(),
            keymap: Keymap::default(),
            fingerprint: 0,
            audit: Vec::new(),
            recovery_name: String::new(),
            recoveries: Vec::new(),
            read_only: None,
            conflict_lines: None,
            merge_by: None,
            message: None,
            reports: None,
        }
    }
}

/// The day the interface counts late and due from. An officer who starts
/// with `--today` is checking the plan as of that day (a printout, a meeting
/// about last week): only a day read from the clock moves at midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Today {
    /// `--today`: holds for the whole session.
    Given(Date),
    /// The machine's date: a session left open past midnight follows it.
    Clock(Date),
}

impl Today {
    pub fn date(self) -> Date {
        match self {
            Today::Given(date) | Today::Clock(date) => date,
        }
    }

    /// The day after the clock read `clock`: a given day stays.
    pub fn after_tick(self, clock: Date) -> Today {
        match self {
            Today::Given(_) => self,
            Today::Clock(_) => Today::Clock(clock),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DashFocus {
    #[default]
    Overdue,
    DueSoon,
}

#[derive(Debug, Default)]
pub struct DashboardState {
    pub focus: DashFocus,
    pub overdue: Scroll,
    pub due_soon: Scroll,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Dimensions,
    Programs,
    Detail,
}

/// The evaluation's aspects, the selectable rows of its view.
pub const ASPECTS: usize = crate::plan::model::Aspect::ALL.len();

/// The evaluation view: which year, and the selected line (the five aspects
/// first, then steps down through the rest of the page).
#[derive(Debug, Default)]
pub struct EvaluationState {
    pub year: i32,
    pub selected: usize,
    /// How many steps past the aspects the page scrolls on, as laid out at
    /// the terminal's size.
    pub below: usize,
}

#[derive(Debug, Default)]
pub struct DrillState {
    pub pane: Pane,
    pub dimension: usize,
    pub programs: Scroll,
    /// The selected line of the detail: 0 the program itself, then its
    /// milestones, then its targets; past them, steps down through what
    /// follows (notes, recent changes), one line each.
    pub item: Scroll,
    /// How many lines below its last target the detail scrolls on to, as
    /// laid out at the terminal's size (it depends on the width the notes
    /// wrap to).
    pub below: usize,
}

impl DrillState {
    /// The detail's positions: its items, then the steps below them.
    pub fn detail_positions(&self, program: &Program) -> usize {
        Item::count(program) + self.below
    }

    /// The line a freshly opened detail selects: the first milestone, so
    /// Space ticks it at once; the program when it has none.
    pub fn open_at(program: &Program) -> Scroll {
        Scroll {
            selected: usize::from(!program.milestones.is_empty()),
            offset: 0,
        }
    }
}

/// What the selected line of a program's detail is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Program,
    Milestone(usize),
    Target(usize),
    Budget(usize),
    Evidence(usize),
    /// Past the last target: reading the notes and recent changes, `n`
    /// lines further down (from 1). The keys act on the program here.
    Below(usize),
}

impl Item {
    /// The item on detail line `line`; past the last one, the lines below
    /// (never an item that does not exist).
    pub fn of(program: &Program, line: usize) -> Item {
        let m = program.milestones.len();
        let x = m + program.targets.len();
        let b = x + program.budget.len();
        let count = Item::count(program);
        match line {
            0 => Item::Program,
            n if n <= m => Item::Milestone(n - 1),
            n if n <= x => Item::Target(n - 1 - m),
            n if n <= b => Item::Budget(n - 1 - x),
            n if n < count => Item::Evidence(n - 1 - b),
            n => Item::Below(n + 1 - count),
        }
    }

    pub fn line(self, program: &Program) -> usize {
        match self {
            Item::Program => 0,
            Item::Milestone(i) => 1 + i,
            Item::Target(i) => 1 + program.milestones.len() + i,
            Item::Budget(i) => 1 + program.milestones.len() + program.targets.len() + i,
            Item::Evidence(i) => {
                1 + program.milestones.len() + program.targets.len() + program.budget.len() + i
            }
            Item::Below(n) => Item::count(program) + n - 1,
        }
    }

    pub fn count(program: &Program) -> usize {
        1 + program.milestones.len()
            + program.targets.len()
            + program.budget.len()
            + program.evidence.len()
    }
}

/// What the keys act on, computed once from the view, the pane and the
/// selections ([`App::focus`]); add, delete, edit, toggle, reorder and the
/// status key all dispatch on it, and every index in it exists in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// An empty list, or a view where nothing is selected.
    Nothing,
    /// A milestone in the dashboard's overdue or due-soon list.
    DueMilestone {
        program: usize,
        milestone: usize,
    },
    /// A dimension in the drill-down, or its empty program list.
    Dimension(usize),
    /// A program in a list, or (`opened`) the first line of its detail.
    Program {
        index: usize,
        opened: bool,
    },
    Milestone {
        program: usize,
        index: usize,
    },
    Target {
        program: usize,
        index: usize,
    },
    Budget {
        program: usize,
        index: usize,
    },
    Evidence {
        program: usize,
        index: usize,
    },
    /// One of the five aspects in the evaluation view, in `Aspect::ALL`'s order.
    Aspect(usize),
}

impl Focus {
    /// The program the focus is in, if any.
    pub fn program(self) -> Option<usize> {
        match self {
            Focus::DueMilestone { program, .. }
            | Focus::Milestone { program, .. }
            | Focus::Target { program, .. }
            | Focus::Budget { program, .. }
            | Focus::Evidence { program, .. } => Some(program),
            Focus::Program { index, .. } => Some(index),
            Focus::Nothing | Focus::Dimension(_) | Focus::Aspect(_) => None,
        }
    }
}

/// Something that holds the keyboard until it is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Form(Box<Form>),
    Confirm(Deletion),
    /// Quitting with unsaved changes: save them? With the form that was
    /// open when its text was typed, saved with them or put back.
    QuitPrompt(Option<Box<Form>>),
    /// Another officer changed the same fields: keep mine or theirs, one by
    /// one. `in_file`: the questions a git merge left in the plan's top
    /// comment, answered in the plan rather than by saving again.
    Conflict {
        conflicts: Vec<crate::plan::merge::Conflict>,
        at: usize,
        choices: Vec<crate::plan::merge::Choice>,
        in_file: bool,
    },
    /// Edits kept from a session that ended badly: restore or discard?
    Recover(Box<crate::store::recovery::Kept>),
    /// Which format for the report of this view?
    PrintFormat,
    /// Which status for programme `program`? `selected` is the highlighted
    /// line, in `Status::ALL`'s order.
    Status {
        program: usize,
        selected: usize,
    },
}

/// What a confirmed delete removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletion {
    Program(usize),
    Milestone(usize, usize),
    Target(usize, usize),
    Budget(usize, usize),
    Evidence(usize, usize),
}

#[derive(Debug, Default)]
pub struct TimelineState {
    pub rows: Scroll,
    /// Years scrolled off to the left when the period does not fit.
    pub year_offset: u16,
}

/// A selection in a list, and the first row shown. The window moves as
/// little as possible, so the first row depends on the frames before:
/// `update` keeps it ([`App::follow`]) at the heights the view lays out, and
/// the view only reads it.
#[derive(Debug, Default)]
pub struct Scroll {
    pub selected: usize,
    pub offset: usize,
}

impl Scroll {
    /// The first row to show so that the selection stays within `height` rows,
    /// moving the window as little as possible from where it is. Asking
    /// again with the same height and length gives the same row.
    pub fn window(&self, height: usize, len: usize) -> usize {
        let mut offset = self.offset.min(len.saturating_sub(1));
        if height == 0 {
            return offset;
        }
        if self.selected < offset {
            offset = self.selected;
        } else if self.selected >= offset + height {
            offset = self.selected + 1 - height;
        }
        // No empty space at the bottom while there are rows above.
        offset.min(len.saturating_sub(height))
    }

    /// Moves the window to keep the selection in view at `height` rows.
    pub fn follow(&mut self, height: usize, len: usize) {
        self.offset = self.window(height, len);
    }

    fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }
}

/// What the view on screen shows of its scrolling parts at the terminal's
/// size, measured by `ui::measure` with the layout the view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewport {
    /// Too small to draw, or nothing that scrolls.
    Fixed,
    /// The dashboard's two lists, their heights in rows.
    Dashboard {
        overdue: usize,
        due_soon: usize,
    },
    /// The drill-down's program list.
    Programs {
        rows: usize,
    },
    /// A program's detail page.
    Detail(DetailPage),
    Timeline {
        rows: usize,
    },
    /// The evaluation page: how many steps past the aspects it reads on down.
    Evaluation {
        below: usize,
    },
}

/// A program's detail page as laid out: its lines, the selected item's
/// first and last line among them, and the height it is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailPage {
    pub first: usize,
    pub last: usize,
    /// The line after the last item's (the notes and recent changes follow).
    pub items_end: usize,
    pub lines: usize,
    pub height: usize,
}

impl DetailPage {
    fn most(&self) -> usize {
        self.lines.saturating_sub(self.height)
    }

    /// The first line shown when the last item is as low as it goes.
    fn items_bottom(&self) -> usize {
        self.items_end.saturating_sub(self.height).min(self.most())
    }

    /// How many steps past the last item the page reads on down, one line
    /// each, until its last line is in view.
    pub fn below(&self) -> usize {
        self.most() - self.items_bottom()
    }

    /// The first line to show with `selected` in view, moving as little as
    /// possible from `offset`. Asking again from the answer gives the same.
    pub fn offset(&self, selected: Item, offset: usize) -> usize {
        let mut offset = match selected {
            Item::Program => 0,
            Item::Below(n) => self.items_bottom() + n,
            _ => offset,
        };
        if !matches!(selected, Item::Below(_)) {
            if self.first < offset {
                offset = self.first;
            } else if self.last >= offset + self.height {
                offset = (self.last + 1).saturating_sub(self.height).min(self.first);
            }
        }
        offset.min(self.most())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    Dimension(usize),
    Program(usize),
}

/// A milestone by position: (program index, milestone index).
pub type MilestoneAt = (usize, usize);

/// What the views list, derived from the plan and the filter.
#[derive(Debug)]
pub struct Index {
    /// Programs of each dimension (plan order) that pass the filter.
    pub by_dimension: Vec<Vec<usize>>,
    pub overdue: Vec<MilestoneAt>,
    pub due_soon: Vec<MilestoneAt>,
    /// Dimension headings and their filtered programs, for the timeline.
    pub timeline: Vec<TimelineRow>,
    /// Unfiltered counts per dimension and in total: the dashboard is the
    /// whole plan; money for the fiscal year of `today`.
    pub tallies: Vec<Tally>,
    pub total: Tally,
    /// The unfiltered facts the filter picks from, so a filter keystroke at
    /// 10,000 programs does not re-read every milestone date.
    base: Base,
}

#[derive(Debug, Default)]
struct Base {
    /// Each program's dimension position; `None` for an unknown dimension.
    dimension_of: Vec<Option<usize>>,
    /// Open milestones of open programs, late and due soon, by due date then
    /// program id, with their dates so that one program's can be put back in
    /// place without sorting everything again.
    overdue: Vec<Dated>,
    due_soon: Vec<Dated>,
    /// Each program's id, name and lead agency in lower case, searched by the
    /// filter: folding case once here keeps a keystroke at 10,000 programs fast.
    search: Vec<String>,
}

impl Index {
    /// Everything, from the plan: on start and after the plan changes.
    pub fn build(plan: &Plan, filter: &str, today: Date) -> Index {
        let year = i32::from(today.year());
        let mut tallies = vec![Tally::new(year); plan.dimensions.len()];
        let mut dimension_of = Vec::with_capacity(plan.programs.len());
        let search = plan.programs.iter().map(search_key).collect();
        let mut overdue = Vec::new();
        let mut due_soon = Vec::new();
        // Programs of one dimension usually sit together; remember the last lookup.
        let mut last: Option<(&str, Option<usize>)> = None;
        for (i, p) in plan.programs.iter().enumerate() {
            let d = match last {
                Some((id, d)) if id == p.dimension => d,
                _ => {
                    let d = plan.dimensions.iter().position(|d| d.id == p.dimension);
                    last = Some((&p.dimension, d));
                    d
                }
            };
            dimension_of.push(d);
            let Some(d) = d else { continue };
            tallies[d].add(p);
            let (late, soon) = dated_milestones(p, i, today);
            overdue.extend(late);
            due_soon.extend(soon);
        }
        let mut total = Tally::new(year);
        for t in &tallies {
            total.merge(t);
        }
        let by_date = |mut list: Vec<(Date, usize, usize)>| {
            list.sort_by(|a, b| by_due(plan, a, b));
            list
        };
        let base = Base {
            dimension_of,
            overdue: by_date(overdue),
            due_soon: by_date(due_soon),
            search,
        };
        let mut index = Index {
            by_dimension: Vec::new(),
            overdue: Vec::new(),
            due_soon: Vec::new(),
            timeline: Vec::new(),
            tallies,
            total,
            base,
        };
        index.refilter(filter);
        index
    }

    /// The filtered lists only: on every filter keystroke.
    pub fn refilter(&mut self, filter: &str) {
        let needle = filter.trim().to_lowercase();
        let matches: Vec<bool> = self
            .base
            .search
            .iter()
            .map(|key| key.contains(&needle))
            .collect();
        let mut by_dimension = vec![Vec::new(); self.tallies.len()];
        for (i, d) in self.base.dimension_of.iter().enumerate() {
            if let Some(d) = d
                && matches[i]
            {
                by_dimension[*d].push(i);
            }
        }
        let keep = |list: &[(Date, usize, usize)]| {
            list.iter()
                .filter(|&&(_, p, _)| matches[p])
                .map(|&(_, p, m)| (p, m))
                .collect()
        };
        self.overdue = keep(&self.base.overdue);
        self.due_soon = keep(&self.base.due_soon);
        self.timeline.clear();
        for (d, programs) in by_dimension.iter().enumerate() {
            if !programs.is_empty() || needle.is_empty() {
                self.timeline.push(TimelineRow::Dimension(d));
                self.timeline
                    .extend(programs.iter().map(|&i| TimelineRow::Program(i)));
            }
        }
        self.by_dimension = by_dimension;
    }
}

/// A milestone on the dashboard's lists: its due date, program, milestone.
type Dated = (Date, usize, usize);

/// The order of the dashboard's lists: due date, then program id.
fn by_due(plan: &Plan, a: &Dated, b: &Dated) -> std::cmp::Ordering {
    a.0.cmp(&b.0)
        .then_with(|| plan.programs[a.1].id.cmp(&plan.programs[b.1].id))
        .then_with(|| a.2.cmp(&b.2))
}

fn search_key(p: &Program) -> String {
    format!("{}\n{}\n{}", p.id, p.name, p.lead).to_lowercase()
}

impl Index {
    /// After program `index` changed from `before` to what the plan holds
    /// now: only that program's part of the index is redone, so a quick edit
    /// at 10,000 programs costs what it changes. Same result as [`Index::build`]
    /// (a debug build checks).
    pub fn update_program(
        &mut self,
        plan: &Plan,
        index: usize,
        before: &Program,
        filter: &str,
        today: Date,
    ) {
        let Some(p) = plan.programs.get(index) else {
            return;
        };
        let dimension = |program: &Program| {
            plan.dimensions
                .iter()
                .position(|d| d.id == program.dimension)
        };
        if let Some(d) = self.base.dimension_of.get(index).copied().flatten() {
            self.tallies[d].remove(before);
        }
        let d = dimension(p);
        if let Some(d) = d {
            self.tallies[d].add(p);
        }
        self.base.dimension_of[index] = d;
        self.total = Tally::new(i32::from(today.year()));
        for t in &self.tallies {
            self.total.merge(t);
        }
        self.base.search[index] = search_key(p);
        self.base.overdue.retain(|&(_, i, _)| i != index);
        self.base.due_soon.retain(|&(_, i, _)| i != index);
        if d.is_some() {
            let (late, soon) = dated_milestones(p, index, today);
            for entry in late {
                let at = self
                    .base
                    .overdue
                    .partition_point(|e| by_due(plan, e, &entry).is_lt());
                self.base.overdue.insert(at, entry);
            }
            for entry in soon {
                let at = self
                    .base
                    .due_soon
                    .partition_point(|e| by_due(plan, e, &entry).is_lt());
                self.base.due_soon.insert(at, entry);
            }
        }
        self.refilter(filter);
        #[cfg(debug_assertions)]
        {
            let fresh = Index::build(plan, filter, today);
            debug_assert_eq!(
                (
                    &self.tallies,
                    &self.base.overdue,
                    &self.base.due_soon,
                    &self.by_dimension
                ),
                (
                    &fresh.tallies,
                    &fresh.base.overdue,
                    &fresh.base.due_soon,
                    &fresh.by_dimension
                ),
                "the index of one changed program and the rebuilt index disagree"
            );
        }
    }
}

/// Program `index`'s open milestones, late and due within the dashboard's
/// days, with their dates. A closed program has none to chase.
fn dated_milestones(p: &Program, index: usize, today: Date) -> (Vec<Dated>, Vec<Dated>) {
    let soon_end = today
        .checked_add(jiff::Span::new().days(DUE_SOON_DAYS))
        .unwrap_or(today);
    let (mut late, mut soon) = (Vec::new(), Vec::new());
    if p.status.is_closed() {
        return (late, soon);
    }
    for (m, milestone) in p.milestones.iter().enumerate() {
        if milestone.done {
            continue;
        }
        let Some(due) = milestone.due_date() else {
            continue;
        };
        if due < today {
            late.push((due, index, m));
        } else if due <= soon_end {
            soon.push((due, index, m));
        }
    }
    (late, soon)
}

impl App {
    /// The questions a git merge left in the plan's top comment, if any,
    /// asked before anything else.
    pub fn ask_file_conflicts(&mut self) {
        self.ask_conflicts_borne_out(None);
    }

    /// [`App::ask_file_conflicts`] after the edge asked git again which
    /// lines its record of the merge bears out (after a sync's merge).
    pub(crate) fn ask_conflicts_borne_out(&mut self, trusted: Option<Vec<bool>>) {
        if trusted.is_some() {
            self.conflict_lines = trusted;
        }
        // "Mine" as the file holds it, never as a line claims; a line git's
        // record of the merge does not bear out is not asked, only counted.
        let (conflicts, unasked) = match &self.conflict_lines {
            Some(trusted) => crate::plan::conflicts::trusted_questions(
                &self.doc.plan,
                &self.doc.preamble,
                trusted,
            ),
            None => (
                crate::plan::conflicts::questions(&self.doc.plan, &self.doc.preamble),
                0,
            ),
        };
        if unasked > 0 {
            let t = self.lang.text();
            self.message = Some(crate::i18n::fill(
                t.ui.e_conflicts_unasked,
                &[&unasked.to_string()],
            ));
        }
        let mut conflicts = conflicts;
        for c in &mut conflicts {
            c.by.clone_from(&self.merge_by);
        }
        if !conflicts.is_empty() {
            let n = conflicts.len();
            self.modal = Some(Modal::Conflict {
                conflicts,
                at: 0,
                choices: Vec::with_capacity(n),
                in_file: true,
            });
        }
    }

    /// Offers the next session's kept edits, if any are left.
    pub fn offer_next_recovery(&mut self) {
        if self.modal.is_none() && !self.recoveries.is_empty() {
            let next = self.recoveries.remove(0);
            self.modal = Some(Modal::Recover(Box::new(next)));
        }
    }

    /// A plan opened with nothing beside it: no officer, no audit log, no
    /// kept edits, the default keys.
    pub fn new(doc: Document, file_label: String, today: Today, lang: Lang) -> App {
        App::open(doc, Session::new(file_label, today, lang))
    }

    /// The plan opened in the interface as the edge found it. A git merge's
    /// open questions come first, then edits kept from sessions that ended
    /// badly, one session at a time.
    pub fn open(doc: Document, session: Session) -> App {
        let Session {
            file_label,
            today,
            lang,
            ascii,
            officer,
            keymap,
            fingerprint,
            audit,
            recovery_name,
            recoveries,
            read_only,
            message,
            conflict_lines,
            merge_by,
            reports,
        } = session;
        let index = Index::build(&doc.plan, "", today.date());
        let mut app = App {
            doc,
            file_label,
            today,
            lang,
            ascii,
            officer,
            view: View::Dashboard,
            came_from: None,
            help: false,
            filter: String::new(),
            filtering: false,
            message,
            should_quit: false,
            history: History::default(),
            modal: None,
            saved_at: None,
            base: None,
            disk: fingerprint,
            session: recovery_name,
            recoveries,
            quit_after_save: false,
            audit,
            size: (80, 24),
            dashboard: DashboardState::default(),
            drill: DrillState::default(),
            timeline: TimelineState::default(),
            evaluation: EvaluationState::default(),
            index,
            keymap,
            read_only,
            anchor: Anchor::default(),
            lost: None,
            deleted_by_git: Vec::new(),
            conflict_lines,
            merge_by,
            reports,
        };
        let period = app.doc.plan.period;
        app.evaluation.year =
            i32::from(app.today().year()).clamp(period.start, period.end.max(period.start));
        app.timeline.rows.selected = app.first_timeline_program().unwrap_or(0);
        app.ask_file_conflicts();
        app.offer_next_recovery();
        app
    }

    pub fn plan(&self) -> &Plan {
        &self.doc.plan
    }

    /// The folder `p` writes reports to, when the edge gave one.
    pub fn reports(&self) -> Option<&std::path::Path> {
        self.reports.as_deref()
    }

    /// The day late and due are counted from.
    pub fn today(&self) -> Date {
        self.today.date()
    }

    /// The plan as opened, with its top comment.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The file name shown in the status bar.
    pub fn file_label(&self) -> &str {
        &self.file_label
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// Whether the help overlay is shown.
    pub fn help(&self) -> bool {
        self.help
    }

    /// The live filter over id, name and lead agency.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether the filter prompt has the keyboard.
    pub fn filtering(&self) -> bool {
        self.filtering
    }

    /// What the status bar says about the last key or save.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Every change since the file was opened.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The form or question that has the keyboard.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The form whose text is not in the plan yet: open, or waiting behind
    /// the quit question. A hang-up keeps it with the edits.
    pub fn form(&self) -> Option<&Form> {
        match &self.modal {
            Some(Modal::Form(form) | Modal::QuitPrompt(Some(form))) => Some(form),
            _ => None,
        }
    }

    /// Local time of the last save, `HH:MM`.
    pub fn saved_at(&self) -> Option<&str> {
        self.saved_at.as_deref()
    }

    /// Whether the session quits once the save under way succeeds.
    pub fn quit_after_save(&self) -> bool {
        self.quit_after_save
    }

    /// The plan's audit log, oldest first.
    pub fn audit(&self) -> &[crate::store::audit::Entry] {
        &self.audit
    }

    /// The terminal size the views are laid out for.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn dashboard(&self) -> &DashboardState {
        &self.dashboard
    }

    pub fn drill(&self) -> &DrillState {
        &self.drill
    }

    pub fn timeline(&self) -> &TimelineState {
        &self.timeline
    }

    pub fn evaluation(&self) -> &EvaluationState {
        &self.evaluation
    }

    /// What the views list, from the plan and the filter.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The keys in effect.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The plan's fingerprint as this session last read or wrote it.
    pub fn disk(&self) -> u64 {
        self.disk
    }

    /// The report of what is on screen: the view's kind, its dimension or
    /// program, and the live filter.
    pub fn report_request(&self, format: crate::report::Format) -> crate::report::Request {
        use crate::report::{Filter, Kind, Request};
        let mut filter = Filter {
            query: self.filter.clone(),
            ..Filter::default()
        };
        let kind = match (self.view, self.drill.pane) {
            (View::Dashboard, _) => Kind::Overview,
            (View::Timeline, _) => Kind::Timeline,
            (View::Evaluation, _) => Kind::Evaluation,
            (View::Dimensions, Pane::Detail) => {
                filter.program = self.selected_program().map(|p| p.id.clone());
                Kind::Program
            }
            (View::Dimensions, _) => {
                filter.dimension = self
                    .plan()
                    .dimensions
                    .get(self.drill.dimension)
                    .map(|d| d.id.clone());
                Kind::Dimension
            }
        };
        Request {
            kind,
            format,
            filter,
            ascii: self.ascii,
            year: (kind == Kind::Evaluation).then_some(self.evaluation.year),
            sep: crate::report::csv_separator(self.lang()),
            ..Request::default()
        }
    }

    /// The plan as this session last read or wrote it (or the base restored
    /// edits were made on): the common ancestor of a merge.
    pub fn base_plan(&self) -> std::borrow::Cow<'_, Plan> {
        if let Some(base) = &self.base {
            return std::borrow::Cow::Borrowed(base);
        }
        let back = self.history.to_saved();
        if back.is_empty() {
            return std::borrow::Cow::Borrowed(&self.doc.plan);
        }
        let mut plan = self.doc.plan.clone();
        for edit in &back {
            edit.apply(&mut plan);
        }
        std::borrow::Cow::Owned(plan)
    }

    /// Before an edit that would end the redo chain holding the saved state:
    /// keep that state, the merge base, while it can still be reached.
    pub(crate) fn keep_base_before_new_edit(&mut self) {
        if self.base.is_none() && self.history.saved_is_undone() {
            self.base = Some(self.base_plan().into_owned());
        }
    }

    /// What the keys act on now: nothing while what was selected is gone.
    pub fn focus(&self) -> Focus {
        if self.lost.is_some() {
            return Focus::Nothing;
        }
        match self.view {
            View::Dashboard => {
                let (list, scroll) = match self.dashboard.focus {
                    DashFocus::Overdue => (&self.index.overdue, &self.dashboard.overdue),
                    DashFocus::DueSoon => (&self.index.due_soon, &self.dashboard.due_soon),
                };
                list.get(scroll.selected)
                    .map_or(Focus::Nothing, |&(program, milestone)| {
                        Focus::DueMilestone { program, milestone }
                    })
            }
            View::Evaluation if self.evaluation.selected < ASPECTS => {
                Focus::Aspect(self.evaluation.selected)
            }
            View::Evaluation => Focus::Nothing,
            View::Timeline => self
                .selected_timeline_program()
                .map_or(Focus::Nothing, |index| Focus::Program {
                    index,
                    opened: false,
                }),
            View::Dimensions => {
                let dimension = || {
                    if self.drill.dimension < self.doc.plan.dimensions.len() {
                        Focus::Dimension(self.drill.dimension)
                    } else {
                        Focus::Nothing
                    }
                };
                let Some(index) = self.selected_program_index() else {
                    return dimension();
                };
                match self.drill.pane {
                    Pane::Dimensions => dimension(),
                    Pane::Programs => Focus::Program {
                        index,
                        opened: false,
                    },
                    Pane::Detail => {
                        match Item::of(&self.doc.plan.programs[index], self.drill.item.selected) {
                            Item::Program | Item::Below(_) => Focus::Program {
                                index,
                                opened: true,
                            },
                            Item::Milestone(m) => Focus::Milestone {
                                program: index,
                                index: m,
                            },
                            Item::Target(x) => Focus::Target {
                                program: index,
                                index: x,
                            },
                            Item::Budget(b) => Focus::Budget {
                                program: index,
                                index: b,
                            },
                            Item::Evidence(e) => Focus::Evidence {
                                program: index,
                                index: e,
                            },
                        }
                    }
                }
            }
        }
    }

    /// Whether there are changes not yet saved.
    pub fn modified(&self) -> bool {
        self.history.is_modified()
    }

    /// The index in the plan of the program listed as selected in the drill-down.
    pub fn selected_program_index(&self) -> Option<usize> {
        self.listed_programs()
            .get(self.drill.programs.selected)
            .copied()
    }

    /// The programs listed in the drill-down for the selected dimension.
    pub fn listed_programs(&self) -> &[usize] {
        self.index
            .by_dimension
            .get(self.drill.dimension)
            .map_or(&[], Vec::as_slice)
    }

    pub fn selected_program(&self) -> Option<&Program> {
        let i = *self.listed_programs().get(self.drill.programs.selected)?;
        self.doc.plan.programs.get(i)
    }

    pub fn selected_timeline_program(&self) -> Option<usize> {
        match self.index.timeline.get(self.timeline.rows.selected)? {
            TimelineRow::Program(i) => Some(*i),
            TimelineRow::Dimension(_) => None,
        }
    }

    pub(crate) fn first_timeline_program(&self) -> Option<usize> {
        self.index
            .timeline
            .iter()
            .position(|r| matches!(r, TimelineRow::Program(_)))
    }

    /// Rows a page moves: the body height less headings and borders.
    pub(crate) fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(8)).max(1)
    }

    /// After `edit` was applied: the index redone for what it touched.
    pub(crate) fn reindex_after(&mut self, edit: &crate::plan::edit::Edit) {
        match edit {
            crate::plan::edit::Edit::Program {
                index,
                before: Some(before),
                after: Some(_),
            } => {
                self.index.update_program(
                    &self.doc.plan,
                    *index,
                    before,
                    &self.filter,
                    self.today(),
                );
                self.settle();
            }
            // Adding, removing or moving a program shifts every index after it.
            _ => self.rebuild(),
        }
    }

    /// After the plan changed: everything derived is built again.
    pub fn rebuild(&mut self) {
        self.index = Index::build(&self.doc.plan, &self.filter, self.today());
        self.settle();
    }

    /// After the filter changed: refilter and keep every selection in range.
    pub(crate) fn reindex(&mut self) {
        self.index.refilter(&self.filter);
        self.settle();
    }

    /// What was selected and is gone from the plan, if anything: nothing is
    /// selected until the officer moves.
    pub fn lost(&self) -> Option<&str> {
        self.lost.as_ref().map(|l| l.name.as_str())
    }

    /// After an update: what is selected now, by identity, for the next
    /// change of the plan or the filter to find again. While something is
    /// lost, the anchor stays on it.
    pub(crate) fn hold(&mut self) {
        if self.lost.is_some() {
            return;
        }
        let plan = &self.doc.plan;
        let program = self.selected_program();
        let milestone = |&(p, m): &MilestoneAt| {
            let program = plan.programs.get(p)?;
            Some((program.id.clone(), program.milestones.get(m)?.clone()))
        };
        self.anchor = Anchor {
            program: program.map(|p| p.id.clone()),
            line: program
                .filter(|_| self.drill.pane == Pane::Detail)
                .and_then(|p| Held::of(p, Item::of(p, self.drill.item.selected))),
            timeline: self
                .selected_timeline_program()
                .and_then(|i| plan.programs.get(i))
                .map(|p| p.id.clone()),
            overdue: self
                .index
                .overdue
                .get(self.dashboard.overdue.selected)
                .and_then(milestone),
            due_soon: self
                .index
                .due_soon
                .get(self.dashboard.due_soon.selected)
                .and_then(milestone),
        };
    }

    /// A programme id the merge or another officer changed: what is held
    /// under the old id is found again under the new one, not lost.
    pub(crate) fn anchor_follows(&mut self, from: &str, to: &str) {
        let a = &mut self.anchor;
        for id in [a.program.as_mut(), a.timeline.as_mut()]
            .into_iter()
            .flatten()
        {
            if id == from {
                *id = to.to_string();
            }
        }
        for (id, _) in [a.overdue.as_mut(), a.due_soon.as_mut()]
            .into_iter()
            .flatten()
        {
            if id == from {
                *id = to.to_string();
            }
        }
    }

    /// The plan index of programme `id`, looked for first where it was.
    fn find_program(&self, id: &str, was: Option<usize>) -> Option<usize> {
        let plan = &self.doc.plan;
        was.filter(|&i| plan.programs.get(i).is_some_and(|p| p.id == id))
            .or_else(|| plan.programs.iter().position(|p| p.id == id))
    }

    /// Selects again what the anchor holds, where the lists now show it; what
    /// is gone from the plan becomes `lost`.
    fn find_anchor(&mut self) {
        let anchor = std::mem::take(&mut self.anchor);
        if let Some(id) = &anchor.program {
            match self.find_program(id, self.selected_program_index()) {
                Some(i) => {
                    let listed = |app: &App, d: usize| {
                        app.index.by_dimension.get(d)?.iter().position(|&p| p == i)
                    };
                    if self.selected_program_index() == Some(i) {
                        // Where it was: a quick edit at 10,000 programmes looks no further.
                    } else if let Some(at) = listed(self, self.drill.dimension) {
                        self.drill.programs.selected = at;
                    } else if self.drill.pane == Pane::Detail
                        && let Some(d) = self.index.base.dimension_of.get(i).copied().flatten()
                        && let Some(at) = listed(self, d)
                    {
                        // Moved to another dimension: its detail stays open.
                        self.drill.dimension = d;
                        self.drill.programs.selected = at;
                    }
                    if self.drill.pane == Pane::Detail
                        && self.selected_program_index() == Some(i)
                        && let Some(held) = &anchor.line
                    {
                        let p = &self.doc.plan.programs[i];
                        match held.find(p) {
                            Some(item) => self.drill.item.selected = item.line(p),
                            None => {
                                self.lost = Some(Lost {
                                    name: held.name(),
                                    program: id.clone(),
                                    list: Some(held.list()),
                                });
                            }
                        }
                    }
                }
                None => {
                    self.lost = Some(Lost {
                        name: id.clone(),
                        program: id.clone(),
                        list: None,
                    });
                }
            }
        }
        if let Some(id) = &anchor.timeline {
            let was = self.selected_timeline_program();
            if let Some(i) = self.find_program(id, was)
                && was != Some(i)
                && let Some(at) = self
                    .index
                    .timeline
                    .iter()
                    .position(|r| *r == TimelineRow::Program(i))
            {
                self.timeline.rows.selected = at;
            }
        }
        let plan = &self.doc.plan;
        let at = |list: &[MilestoneAt], was: usize, held: &Option<(String, Milestone)>| {
            let (id, milestone) = held.as_ref()?;
            let same = |&(p, m): &MilestoneAt| {
                plan.programs[p].id == *id && plan.programs[p].milestones[m] == *milestone
            };
            if list.get(was).is_some_and(same) {
                return Some(was);
            }
            list.iter().position(same)
        };
        let (overdue, due_soon) = (
            self.dashboard.overdue.selected,
            self.dashboard.due_soon.selected,
        );
        if let Some(n) = at(&self.index.overdue, overdue, &anchor.overdue) {
            self.dashboard.overdue.selected = n;
        }
        if let Some(n) = at(&self.index.due_soon, due_soon, &anchor.due_soon) {
            self.dashboard.due_soon.selected = n;
        }
        self.anchor = anchor;
    }

    /// Keeps every selection inside its (possibly shorter) list.
    fn settle(&mut self) {
        self.find_anchor();
        // A filter typed in the drill-down looks across all dimensions: if the
        // one on screen has no match, go to the first that has.
        if self.view == View::Dimensions
            && self.listed_programs().is_empty()
            && let Some(d) = self
                .index
                .by_dimension
                .iter()
                .position(|list| !list.is_empty())
        {
            self.drill.dimension = d;
            self.drill.programs = Scroll::default();
        }
        let lens = (
            self.index.overdue.len(),
            self.index.due_soon.len(),
            self.listed_programs().len(),
        );
        self.dashboard.overdue.clamp(lens.0);
        self.dashboard.due_soon.clamp(lens.1);
        self.drill.programs.clamp(lens.2);
        match self
            .selected_program()
            .map(|p| self.drill.detail_positions(p))
        {
            None if self.drill.pane == Pane::Detail => self.drill.pane = Pane::Programs,
            Some(items) => self.drill.item.clamp(items),
            None => {}
        }
        self.timeline.rows.clamp(self.index.timeline.len());
        if self.selected_timeline_program().is_none() {
            self.move_timeline(1);
        }
    }

    /// Opens a program's detail in the drill-down, from anywhere.
    pub(crate) fn open_detail(&mut self, program: usize) {
        let Some(p) = self.doc.plan.programs.get(program) else {
            return;
        };
        let Some(d) = self
            .doc
            .plan
            .dimensions
            .iter()
            .position(|d| d.id == p.dimension)
        else {
            return;
        };
        // The program may be filtered out of its list; show it anyway by clearing the filter.
        if !self.index.by_dimension[d].contains(&program) {
            self.filter.clear();
            self.reindex();
        }
        self.drill.dimension = d;
        self.drill.programs.selected = self.index.by_dimension[d]
            .iter()
            .position(|&i| i == program)
            .unwrap_or(0);
        self.drill.pane = Pane::Detail;
        self.drill.item = DrillState::open_at(&self.doc.plan.programs[program]);
        if self.view != View::Dimensions {
            self.came_from = Some(self.view);
        }
        self.view = View::Dimensions;
    }

    fn move_timeline(&mut self, delta: isize) {
        let rows = &self.index.timeline;
        if rows.is_empty() {
            return;
        }
        let mut at = self.timeline.rows.selected.min(rows.len() - 1);
        let step = |at: usize| {
            at.checked_add_signed(delta.signum())
                .filter(|&n| n < rows.len())
        };
        for _ in 0..delta.unsigned_abs().max(1) {
            // Step at least once, then past dimension headings; stop at the ends.
            let mut next = step(at);
            while let Some(n) = next {
                if matches!(rows[n], TimelineRow::Program(_)) {
                    break;
                }
                next = step(n);
            }
            match next {
                Some(n) => at = n,
                None => break,
            }
        }
        self.timeline.rows.selected = at;
    }

    fn focused_scroll(&mut self) -> Option<(&mut Scroll, usize)> {
        match self.view {
            View::Dashboard => Some(match self.dashboard.focus {
                DashFocus::Overdue => (&mut self.dashboard.overdue, self.index.overdue.len()),
                DashFocus::DueSoon => (&mut self.dashboard.due_soon, self.index.due_soon.len()),
            }),
            View::Dimensions => match self.drill.pane {
                Pane::Programs => {
                    let len = self.listed_programs().len();
                    Some((&mut self.drill.programs, len))
                }
                _ => None,
            },
            View::Timeline | View::Evaluation => None,
        }
    }

    /// Moves the selection of whatever list has focus by `delta` rows.
    pub(crate) fn move_by(&mut self, delta: isize) {
        match (self.view, self.drill.pane) {
            (View::Timeline, _) => return self.move_timeline(delta),
            (View::Evaluation, _) => {
                let positions = ASPECTS + self.evaluation.below;
                self.evaluation.selected = step(self.evaluation.selected, delta, positions);
                return;
            }
            (View::Dimensions, Pane::Dimensions) => {
                let len = self.doc.plan.dimensions.len();
                self.drill.dimension = step(self.drill.dimension, delta, len);
                self.drill.programs = Scroll::default();
                return;
            }
            (View::Dimensions, Pane::Detail) => {
                let items = self
                    .selected_program()
                    .map_or(1, |p| self.drill.detail_positions(p));
                self.drill.item.selected = step(self.drill.item.selected, delta, items);
                return;
            }
            _ => {}
        }
        if let Some((scroll, len)) = self.focused_scroll() {
            scroll.selected = step(scroll.selected, delta, len);
        }
    }

    /// Keeps what is selected in view as the view on screen is laid out:
    /// after every update, so drawing only reads the state.
    pub(crate) fn follow(&mut self, viewport: Viewport) {
        match viewport {
            Viewport::Fixed => {}
            Viewport::Dashboard { overdue, due_soon } => {
                let lens = (self.index.overdue.len(), self.index.due_soon.len());
                self.dashboard.overdue.follow(overdue, lens.0);
                self.dashboard.due_soon.follow(due_soon, lens.1);
            }
            Viewport::Programs { rows } => {
                let len = self.listed_programs().len();
                self.drill.programs.follow(rows, len);
            }
            Viewport::Detail(page) => {
                let selected = self
                    .selected_program()
                    .map_or(Item::Program, |p| Item::of(p, self.drill.item.selected));
                self.drill.below = page.below();
                self.drill.item.offset = page.offset(selected, self.drill.item.offset);
            }
            Viewport::Timeline { rows } => {
                let len = self.index.timeline.len();
                self.timeline.rows.follow(rows, len);
            }
            Viewport::Evaluation { below } => self.evaluation.below = below,
        }
    }
}

fn step(at: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    at.saturating_add_signed(delta).min(len - 1)
}
