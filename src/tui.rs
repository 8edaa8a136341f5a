//! The terminal edge: set-up, the event loop, drawing, tear-down.
//!
//! Redraws only after an event (no timer), inside synchronized-output brackets,
//! and lets ratatui send only the cells that changed: over a slow SSH link
//! every byte counts.

use crate::action::Action;
use crate::app::{App, update};
use crate::keymap;
use crate::theme::Theme;
use crate::ui;
use crossterm::event::{self, Event};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::DefaultTerminal;
use std::io::{self, Write};

/// Runs the interface until the user quits. The terminal is restored on
/// return, on error, and (by ratatui's panic hook) on panic.
pub fn run(app: &mut App, theme: &Theme) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app, theme);
    let restored = ratatui::try_restore();
    result.and(restored)
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, theme: &Theme) -> io::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    draw(terminal, app, theme)?;
    while !app.should_quit {
        let action = match event::read()? {
            Event::Key(key) => {
                // Esc and the next key arriving in one read (fast typing, a
                // laggy link) come as Alt+key; act on both, in order.
                for key in keymap::unfold(key) {
                    if let Some(action) = keymap::resolve(app, key) {
                        update(app, action);
                    }
                }
                if !app.should_quit {
                    draw(terminal, app, theme)?;
                }
                continue;
            }
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        let Some(action) = action else { continue };
        update(app, action);
        if !app.should_quit {
            draw(terminal, app, theme)?;
        }
    }
    Ok(())
}

fn draw(terminal: &mut DefaultTerminal, app: &App, theme: &Theme) -> io::Result<()> {
    crossterm::queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, app, theme))?;
    crossterm::queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}
