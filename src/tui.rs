//! The terminal edge: set-up, the event loop, drawing, saving, tear-down.
//!
//! Redraws only after an event (no timer), inside synchronized-output brackets,
//! and lets ratatui send only the cells that changed: over a slow SSH link
//! every byte counts. `update` stays pure; saving, which it can only ask for,
//! happens here.

use crate::action::{Action, Effect};
use crate::app::{App, update};
use crate::keymap;
use crate::store;
use crate::theme::Theme;
use crate::ui;
use crossterm::event::{self, Event};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::DefaultTerminal;
use std::io::{self, Write};
use std::path::Path;

/// Runs the interface until the user quits. The terminal is restored on
/// return, on error, and (by ratatui's panic hook) on panic.
pub fn run(app: &mut App, theme: &Theme, path: &Path) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app, theme, path);
    let restored = ratatui::try_restore();
    result.and(restored)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    path: &Path,
) -> io::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    draw(terminal, app, theme)?;
    while !app.should_quit {
        let keys = match event::read()? {
            // Esc and the next key arriving in one read (fast typing, a laggy
            // link) come as Alt+key; act on both, in order.
            Event::Key(key) => keymap::unfold(key),
            Event::Resize(w, h) => {
                update(app, Action::Resize(w, h));
                Vec::new()
            }
            _ => continue,
        };
        for key in keys {
            if let Some(action) = keymap::resolve(app, key) {
                update(app, action);
                perform(app, path);
            }
        }
        if !app.should_quit {
            draw(terminal, app, theme)?;
        }
    }
    Ok(())
}

/// Does what `update` asked for and reports the outcome back to it.
fn perform(app: &mut App, path: &Path) {
    let Some(effect) = app.effect.take() else {
        return;
    };
    let t = app.lang.text();
    match store::save(path, &app.doc.to_ron()) {
        Ok(()) => {
            let at = jiff::ZonedDateTime::now().strftime("%H:%M").to_string();
            update(app, Action::Saved { at });
            if effect == Effect::SaveAndQuit {
                app.should_quit = true;
            }
        }
        Err(e) => {
            let why = crate::i18n::fill(t.save_failed, &[&path.display(), &e]);
            update(app, Action::SaveFailed(why));
        }
    }
}

fn draw(terminal: &mut DefaultTerminal, app: &App, theme: &Theme) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, app, theme))?;
    crossterm::queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}
