//! `pantau config`: each setting in effect and where it comes from.

use super::{CommandError, Console, Settings};
use crate::config;

/// Exit 2, with the error, when the configuration file is not used.
pub fn show_config(settings: Settings, io: &mut Console) -> Result<(), CommandError> {
    let state = match (&settings.config_error, &settings.config_path) {
        (Some(_), _) => config::FileState::Bad,
        (None, Some(path)) if path.exists() => config::FileState::Read,
        _ => config::FileState::Missing,
    };
    let default_plan = settings.default_plan();
    io.print(&config::render(
        &settings.effective,
        settings.config_path.as_deref(),
        state,
        default_plan.as_deref(),
        settings.text(),
    ))?;
    match settings.config_error {
        Some(error) => Err(CommandError::Config(error)),
        None => Ok(()),
    }
}
