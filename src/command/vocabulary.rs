//! The interface's names as the configuration file writes them (its
//! actions, keys, colour roles and colours), what is wrong with one that is
//! not a name, and the keymap and palette a file's names give.

use crate::config::{Names, Overrides, ThemeConfig};
use crate::i18n::{Text, fill};
use crate::text::escape;
use crate::tui::action::Action;
use crate::tui::keymap::{Key, KeyNameError, Keymap, KeymapError, label, parse_key};
use crate::tui::theme::{COLOURS, Palette, colour_name, colour_named};
use ratatui::style::Color;

/// The terminal interface's names.
pub struct Interface;

pub static INTERFACE: Interface = Interface;

impl Names for Interface {
    fn roles(&self) -> &'static [&'static str] {
        &Palette::ROLES
    }

    fn colour(&self, name: &str, t: &Text) -> Result<(), String> {
        match colour_named(name) {
            Some(_) => Ok(()),
            None => {
                let all: Vec<&str> = COLOURS.iter().map(|(n, _)| *n).collect();
                Err(fill(
                    t.config.unknown_colour,
                    &[&escape(name), &all.join(", ")],
                ))
            }
        }
    }

    fn action(&self, name: &str, t: &Text) -> Result<(), String> {
        Keymap::action_named(name)
            .map(|_| ())
            .map_err(|e| keymap_error(&e, t))
    }

    fn key(&self, name: &str, t: &Text) -> Result<(), String> {
        parse_key(name).map(|_| ()).map_err(|e| key_error(&e, t))
    }

    fn keys(&self, overrides: &Overrides, t: &Text) -> Result<(), (String, String)> {
        match keymap_of(overrides) {
            Ok(_) => Ok(()),
            Err(error) => {
                let name = match &error {
                    KeymapError::Collision { action, .. } | KeymapError::NoKeys { action } => {
                        action.to_string()
                    }
                    KeymapError::UnknownAction { name, .. } => name.clone(),
                };
                Err((name, keymap_error(&error, t)))
            }
        }
    }

    fn colours(&self, theme: Option<&ThemeConfig>) -> Vec<(&'static str, String)> {
        let palette = palette(theme);
        Palette::ROLES
            .iter()
            .map(|role| {
                let colour = palette.role(role).unwrap_or(Color::Reset);
                (*role, colour_name(colour).to_string())
            })
            .collect()
    }

    fn key_labels(
        &self,
        overrides: Option<&Overrides>,
        ascii: bool,
    ) -> Vec<(&'static str, Vec<String>)> {
        let keymap = keymap(overrides);
        Keymap::actions()
            .into_iter()
            .map(|(name, action)| {
                let keys = keymap.keys_of(&action);
                (name, keys.iter().map(|k| label(k, ascii)).collect())
            })
            .collect()
    }
}

/// The default keys with the named actions' keys replaced; the defaults
/// when the names cannot all be had (a file [`crate::config::parse`] read
/// has been checked already).
pub fn keymap(overrides: Option<&Overrides>) -> Keymap {
    overrides
        .and_then(|o| keymap_of(o).ok())
        .unwrap_or_default()
}

/// The default palette with the theme's colours.
pub fn palette(theme: Option<&ThemeConfig>) -> Palette {
    let mut palette = Palette::DEFAULT;
    for (role, name) in theme.map_or(&[][..], |t| &t.colours) {
        if let (Some(slot), Some(colour)) = (palette.role_mut(role), colour_named(name)) {
            *slot = colour;
        }
    }
    palette
}

fn keymap_of(overrides: &Overrides) -> Result<Keymap, KeymapError> {
    let mut typed: Vec<(Action, Vec<Key>)> = Vec::new();
    for (name, keys) in overrides {
        let action = Keymap::action_named(name)?;
        // A name that is no key was refused while the file was read.
        let keys = keys.iter().filter_map(|k| parse_key(k).ok()).collect();
        typed.push((action, keys));
    }
    Keymap::with_overrides(&typed)
}

fn keymap_error(error: &KeymapError, t: &Text) -> String {
    let c = &t.config;
    match error {
        KeymapError::UnknownAction { name, valid } => {
            fill(c.unknown_action, &[&escape(name), &valid.join(", ")])
        }
        KeymapError::NoKeys { action } => fill(c.no_keys, &[action]),
        KeymapError::Collision { key, action, other } => {
            fill(c.collision, &[&label(key, true), action, other])
        }
    }
}

fn key_error(error: &KeyNameError, t: &Text) -> String {
    let c = &t.config;
    match error {
        KeyNameError::Unknown(given) => fill(c.bad_key, &[&escape(given)]),
        KeyNameError::Alt(given) => fill(c.alt_key, &[&escape(given)]),
        KeyNameError::ShiftChar(given) => fill(c.shift_char, &[&escape(given)]),
        KeyNameError::SameAs { given, key } => fill(c.same_key, &[&escape(given), key]),
    }
}
