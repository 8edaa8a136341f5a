//! The terminal edge: set-up, the event loop, drawing, saving, watching the
//! file, signals, tear-down.
//!
//! Redraws only after an event (no timer), inside synchronized-output brackets,
//! and lets ratatui send only the cells that changed: over a slow SSH link
//! every byte counts. `update` stays pure and returns effects; this loop
//! performs them (saving, printing, discarding a recovery), feeds their
//! outcomes back, watches the file and the date, and keeps edits safe when
//! the session dies.

use crate::plan::merge::Choice;
use crate::store::audit::{self, Who};
use crate::store::recovery::{self, Recovery};
use crate::store::{self, PlanFile, Saved};
use crate::tui::action::{Action, Effect, Outcome, PrintError};
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::ui;
use crate::tui::update::update;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::DefaultTerminal;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the file is looked at for saves by others (a `stat`, not a read).
const WATCH_EVERY: Duration = Duration::from_secs(2);
/// How long one wait for a key lasts, so signals are noticed promptly.
const WAKE_EVERY: Duration = Duration::from_millis(250);

/// How the session ended.
#[derive(Debug)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// The link dropped or the process was told to stop; unsaved edits, if
    /// any, were kept in this recovery file.
    Stopped(Option<PathBuf>),
}

/// Runs the interface until the user quits or the session is stopped. The
/// terminal is restored on return, on error, and on panic; on a panic or a
/// hang-up, unsaved edits go to the recovery file first. Saves go to `file`
/// as it was opened, nowhere else.
pub fn run(app: &mut App, theme: &Theme, file: &PlanFile) -> io::Result<Ending> {
    let path = file.path.as_path();
    let stop = Arc::new(AtomicBool::new(false));
    // An interrupt from outside (raw mode makes Ctrl-C a key, so `kill -INT`)
    // keeps the edits and an open form like a hang-up does.
    for signal in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    // Pasted text arrives as one event, not as keys that would run commands.
    if let Err(e) = crossterm::execute!(io::stdout(), EnableBracketedPaste) {
        let _ = ratatui::try_restore();
        return Err(e);
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut terminal, app, theme, file, &stop)
    }));
    let result = match outcome {
        Ok(Ok(ending)) => Ok(ending),
        // The terminal is gone (the SSH link dropped) or unusable: keep the edits.
        Ok(Err(_)) => Ok(Ending::Stopped(keep(app, path))),
        Err(panic) => {
            keep(app, path);
            let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
            let _ = ratatui::try_restore();
            std::panic::resume_unwind(panic);
        }
    };
    // Restoring a terminal that is gone fails; that is no error of ours.
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
    let restored = ratatui::try_restore();
    match result {
        Ok(Ending::Quit) => restored.map(|()| Ending::Quit),
        other => other,
    }
}

/// Writes the recovery file when there is anything unsaved: the edits, and
/// an open form with what was typed in it (reopened as it was on restore).
fn keep(app: &App, path: &Path) -> Option<PathBuf> {
    let form = app.form().and_then(|form| form.to_kept());
    if !app.modified() && form.is_none() {
        return None;
    }
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let kept = Recovery {
        file: absolute.display().to_string(),
        written: jiff::ZonedDateTime::now()
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        base: app.base_plan().into_owned(),
        mine: app.doc().plan.clone(),
        form,
    };
    recovery::write(path, &app.session, &kept).ok()
}

/// What the effects need of the edge: the terminal (to show a wait) and the
/// plan's file as this session opened it.
struct Edge<'a> {
    terminal: &'a mut DefaultTerminal,
    theme: &'a Theme,
    file: &'a PlanFile,
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    file: &PlanFile,
    stop: &AtomicBool,
) -> io::Result<Ending> {
    let path = file.path.as_path();
    let mut edge = Edge {
        terminal,
        theme,
        file,
    };
    let edge = &mut edge;
    let size = edge.terminal.size()?;
    let _ = update(app, Action::Resize(size.width, size.height));
    draw(edge.terminal, app, theme)?;
    let mut stamp = store::stamp(path);
    let mut looked = Instant::now();
    // The day as the clock last read it: a new day is news for `update`,
    // which moves only a day that came from the clock (not `--today`).
    let mut clock = app.today();
    while !app.should_quit() {
        if stop.load(Ordering::SeqCst) {
            return Ok(Ending::Stopped(keep(app, path)));
        }
        if !event::poll(WAKE_EVERY)? {
            if looked.elapsed() >= WATCH_EVERY {
                looked = Instant::now();
                let today = jiff::ZonedDateTime::now().date();
                if today != clock {
                    clock = today;
                    let effects = update(app, Outcome::Tick { today });
                    perform(edge, app, effects);
                    draw(edge.terminal, app, theme)?;
                }
                // A hung-up terminal cannot be opened again; with no SIGHUP
                // (some SSH servers send none) this is how we learn it is gone.
                #[cfg(unix)]
                if std::fs::File::open("/dev/tty").is_err() {
                    return Ok(Ending::Stopped(keep(app, path)));
                }
                if watch(edge, app, &mut stamp) {
                    draw(edge.terminal, app, theme)?;
                }
            }
            continue;
        }
        let keys = match event::read()? {
            // Esc and the next key arriving in one read (fast typing, a laggy
            // link) come as Alt+key; act on both, in order.
            Event::Key(key) => keymap::unfold(key),
            Event::Resize(w, h) => {
                let _ = update(app, Action::Resize(w, h));
                Vec::new()
            }
            // One action for the whole paste: into the field or the filter, never as keys.
            Event::Paste(text) => {
                let effects = update(app, Action::Paste(text));
                perform(edge, app, effects);
                Vec::new()
            }
            _ => continue,
        };
        for key in keys {
            // Job control is the terminal's, in every view, form and question.
            #[cfg(unix)]
            if is_suspend(&key) {
                if job_control() {
                    suspend(edge, app)?;
                } else {
                    let _ = update(app, Outcome::NoJobControl);
                }
                continue;
            }
            if let Some(action) = keymap::resolve(app, key) {
                let effects = update(app, action);
                perform(edge, app, effects);
            }
        }
        if !app.should_quit() {
            draw(edge.terminal, app, theme)?;
        }
    }
    Ok(Ending::Quit)
}

/// Ctrl-Z, which raw mode hands over as a key instead of a signal.
#[cfg(unix)]
fn is_suspend(key: &event::KeyEvent) -> bool {
    key.code == event::KeyCode::Char('z')
        && key.modifiers.contains(event::KeyModifiers::CONTROL)
        && key.kind != event::KeyEventKind::Release
}

/// Whether a shell with job control runs pantau as a job of its own, which
/// it continues after a stop (`fg`). Such a shell puts each job in a process
/// group apart from its session's; under a plain `sh -c` or `ssh host pantau`
/// the group is the session's, and a stopped pantau would leave the terminal
/// with nothing that could continue it.
#[cfg(unix)]
fn job_control() -> bool {
    // SAFETY: neither call takes a pointer; both only ask about this process.
    let (group, session) = unsafe { (libc::getpgrp(), libc::getsid(0)) };
    session >= 0 && group != session
}

/// Ctrl-Z: the terminal given back to the shell as it was, then the process
/// stopped as the shell's job control expects (so `fg` is typed to the
/// shell, never to pantau); once continued, the screen set up and drawn
/// again at whatever size the terminal has now.
#[cfg(unix)]
fn suspend(edge: &mut Edge, app: &mut App) -> io::Result<()> {
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
    ratatui::try_restore()?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Here again after SIGCONT.
    *edge.terminal = ratatui::try_init()?;
    crossterm::execute!(io::stdout(), EnableBracketedPaste)?;
    edge.terminal.clear()?;
    let size = edge.terminal.size()?;
    let _ = update(app, Action::Resize(size.width, size.height));
    Ok(())
}

/// Has someone else saved the file? Reload it when this session has no edits;
/// otherwise say so, and merge at save time. Returns whether to redraw.
fn watch(edge: &mut Edge, app: &mut App, stamp: &mut Option<store::Stamp>) -> bool {
    let now = store::stamp(&edge.file.path);
    if now == *stamp {
        return false;
    }
    *stamp = now;
    let Ok(opened) = edge.file.open() else {
        // Half-way through someone's hand edit, perhaps: keep what we have.
        return false;
    };
    if opened.fingerprint == app.disk() {
        return false;
    }
    let news = if app.modified() {
        vec![Outcome::ChangedOnDisk]
    } else {
        reloaded(&edge.file.path, app, opened)
    };
    for outcome in news {
        let effects = update(app, outcome);
        perform(edge, app, effects);
    }
    true
}

/// The plan as another officer saved it, for a session without edits, after
/// who changed it; the text read is dropped here rather than held while the
/// session takes it.
fn reloaded(path: &Path, app: &App, opened: store::Opened) -> Vec<Outcome> {
    let fingerprint = opened.fingerprint;
    let authors = authors(path, &app.doc().plan, &opened.doc.plan);
    vec![
        authors,
        Outcome::Reloaded {
            doc: Box::new(opened.doc),
            fingerprint,
        },
    ]
}

/// The journals as they are now, and for the programmes gone from `old`
/// (not renamed) that no journal says was deleted, who git says deleted
/// them: a change that came through a sync or a pull.
fn authors(path: &Path, old: &crate::plan::model::Plan, new: &crate::plan::model::Plan) -> Outcome {
    let audit = audit::read(path).unwrap_or_default();
    let now: std::collections::HashSet<&str> = new.programs.iter().map(|p| p.id.as_str()).collect();
    let renamed: Vec<String> = crate::plan::merge::renames(old, new)
        .into_iter()
        .map(|r| r.from)
        .collect();
    // A handful is what a notice can name; a whole plan replaced is not
    // worth a git process a programme.
    const LOOKED_UP: usize = 20;
    let deleted_by_git = old
        .programs
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| !now.contains(id) && !renamed.iter().any(|r| r == id))
        .filter(|id| store::authors::deleted_by(&audit, id, None).is_none())
        .take(LOOKED_UP)
        .filter_map(|id| Some((id.to_string(), store::authors::by_git(path, id, true)?)))
        .collect();
    Outcome::Authors {
        audit,
        deleted_by_git,
        merge_by: store::authors::merge_author(path),
    }
}

/// Does what `update` asked for and reports each outcome back to it, until
/// no work is left.
fn perform(edge: &mut Edge, app: &mut App, effects: Vec<Effect>) {
    let path = edge.file.path.as_path();
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let outcome = match effect {
            Effect::DiscardRecovery(file) => {
                recovery::remove(&file);
                continue;
            }
            Effect::DiscardOwnRecovery => {
                recovery::discard_session(path, &app.session);
                continue;
            }
            Effect::Restored(file) => {
                // Kept under this session's name before the old file goes,
                // so a crash in between loses nothing.
                if keep(app, path).is_some() {
                    recovery::remove(&file);
                }
                continue;
            }
            Effect::Print(request) => Outcome::Printed(print(app, &request)),
            Effect::Sync => {
                // git may take a while on a slow link: say so first.
                let _ = draw(edge.terminal, app, edge.theme);
                let officer = Some(app.officer.as_str()).filter(|o| !o.is_empty());
                let who = Who::named(officer, String::new());
                let result = store::git::sync(path, None, &who);
                if let Ok(opened) = edge.file.open()
                    && opened.fingerprint != app.disk()
                {
                    for outcome in reloaded(path, app, opened) {
                        queue.extend(update(app, outcome));
                    }
                }
                Outcome::Synced(result)
            }
            Effect::Save { resolutions } => {
                // Another officer is saving: say so before waiting for them.
                let waited = store::lock_is_held(path);
                if waited {
                    let since = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
                    let _ = update(app, Outcome::Waiting { since });
                    let _ = draw(edge.terminal, app, edge.theme);
                }
                let saved = save(app, edge.file, &resolutions);
                queue.extend(update(app, saved));
                // Keys typed while the screen stood still were typed blind:
                // they are not run against a screen that has changed since
                // (nor do their messages hide how the wait ended).
                if waited {
                    let keys = typed_ahead(app);
                    if keys > 0 {
                        queue.extend(update(app, Outcome::KeysIgnored { keys }));
                    }
                }
                continue;
            }
        };
        queue.extend(update(app, outcome));
    }
}

/// Reads what was typed while the event loop was not reading, and counts the
/// keys and pastes dropped; a change of size still counts.
fn typed_ahead(app: &mut App) -> usize {
    let mut keys = 0;
    // crossterm's `/dev/tty` reader does not read at all when asked to wait
    // for nothing: a millisecond is the shortest wait that reads.
    while event::poll(Duration::from_millis(1)).unwrap_or(false) {
        match event::read() {
            Ok(Event::Key(key)) if key.kind != event::KeyEventKind::Release => keys += 1,
            Ok(Event::Paste(_)) => keys += 1,
            Ok(Event::Resize(w, h)) => {
                let _ = update(app, Action::Resize(w, h));
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    keys
}

/// This session's edits saved through the plan's one save, merged with
/// another officer's against the plan this session last read or wrote.
fn save(
    app: &App,
    file: &PlanFile,
    resolutions: &[(crate::plan::merge::Conflict, Choice)],
) -> Outcome {
    let path = file.path.as_path();
    let when = jiff::ZonedDateTime::now();
    let officer = Some(app.officer.as_str()).filter(|o| !o.is_empty());
    let who = Who::named(officer, when.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
    let decide = |c: &crate::plan::merge::Conflict| -> Option<Choice> {
        resolutions
            .iter()
            .find(|(r, _)| r.same_question(c))
            .map(|(_, choice)| *choice)
    };
    let base_plan = app.base_plan();
    let base = store::Base {
        fingerprint: app.disk(),
        plan: store::BasePlan::Plan(&base_plan),
        changes: None,
    };
    match file.save(base, app.doc(), &decide, &who, &mut |_| {}) {
        Ok(Saved::Written {
            text,
            merged,
            renamed,
            log_error,
            backup,
            ..
        }) => {
            recovery::discard_session(path, &app.session);
            let history = audit::history(path).unwrap_or_default();
            Outcome::Saved {
                at: when.strftime("%H:%M").to_string(),
                fingerprint: store::fingerprint(&text),
                merged,
                renamed,
                tampered: history.tampered(),
                audit: history.entries,
                log_error: log_error.map(|e| (crate::store::journal::folder(path), e)),
                backup,
            }
        }
        Ok(Saved::Conflicts(conflicts)) => Outcome::Conflicts(conflicts),
        Err(error) => Outcome::SaveFailed {
            path: path.to_path_buf(),
            error,
        },
    }
}

/// Writes a report to a new file in the reports folder (beside the plan),
/// never over an existing one, and returns where.
fn print(app: &App, request: &crate::report::Request) -> Result<PathBuf, PrintError> {
    let text = crate::report::render_bytes(app.plan(), request, app.lang(), app.today())
        .map_err(PrintError::Report)?;
    let folder = match app.reports() {
        Some(folder) => folder.to_path_buf(),
        None => std::env::current_dir().map_err(|error| PrintError::Io {
            path: PathBuf::from("."),
            error,
        })?,
    };
    let (kind, extension) = (request.kind.name(), request.format.extension());
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = folder.join(format!("pantau-{kind}-{}{suffix}.{extension}", app.today()));
        match store::create_new(&path, &text) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(PrintError::Io { path, error }),
        }
    }
    Err(PrintError::NoFreeName { folder })
}

fn draw(terminal: &mut DefaultTerminal, app: &App, theme: &Theme) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, app, theme))?;
    crossterm::queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}

/// Runs the province dashboard (`pantau DIR`) until the user quits or the
/// session is stopped. Nothing in it is ever written (a region opened from
/// it is read-only), so a hang-up has nothing to keep.
pub fn run_province(
    province: &mut crate::tui::province::Province,
    theme: &Theme,
) -> io::Result<Ending> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        province_loop(&mut terminal, province, theme, &stop)
    }));
    let restored = ratatui::try_restore();
    match outcome {
        Ok(Ok(Ending::Quit)) => restored.map(|()| Ending::Quit),
        Ok(Ok(other)) => Ok(other),
        // The terminal is gone: nothing to keep.
        Ok(Err(_)) => Ok(Ending::Stopped(None)),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn province_loop(
    terminal: &mut DefaultTerminal,
    province: &mut crate::tui::province::Province,
    theme: &Theme,
    stop: &AtomicBool,
) -> io::Result<Ending> {
    let draw = |terminal: &mut DefaultTerminal, p: &crate::tui::province::Province| {
        crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
        terminal.draw(|frame| ui::province::draw(frame, p, theme))?;
        crossterm::queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
        terminal.backend_mut().flush()
    };
    let size = terminal.size()?;
    province.update(Action::Resize(size.width, size.height));
    draw(terminal, province)?;
    while !province.should_quit {
        if stop.load(Ordering::SeqCst) {
            return Ok(Ending::Stopped(None));
        }
        if !event::poll(WAKE_EVERY)? {
            #[cfg(unix)]
            if std::fs::File::open("/dev/tty").is_err() {
                return Ok(Ending::Stopped(None));
            }
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                for key in keymap::unfold(key) {
                    if let Some(action) = province.resolve(key) {
                        province.update(action);
                    }
                }
            }
            Event::Resize(w, h) => province.update(Action::Resize(w, h)),
            _ => continue,
        }
        if !province.should_quit {
            draw(terminal, province)?;
        }
    }
    Ok(Ending::Quit)
}
