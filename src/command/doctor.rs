//! `pantau doctor`: the plan's folder and side files as an administrator
//! would look at them.

use super::{CommandError, Console, Settings};
use crate::i18n::fill;
use crate::store::doctor::{Finding, Severity, examine};
use crate::store::{self, LoadError};
use crate::text::{escape, escape_path};
use std::path::{Path, PathBuf};

/// `pantau doctor`: the plan's folder and side files, as an administrator
/// would look at them; exit 1 when something is unsafe.
pub fn doctor(
    file: Option<PathBuf>,
    settings: &Settings,
    io: &mut Console,
) -> Result<(), CommandError> {
    let t = settings.text();
    let path = settings.plan(file, io)?;
    if std::fs::symlink_metadata(&path).is_err() {
        return Err(LoadError::NotFound(path).into());
    }
    let found = examine(&path).map_err(|error| CommandError::Log {
        path: path.clone(),
        error,
    })?;
    let c = &t.cli;
    let plan = escape_path(&path);
    let target = store::resolve_symlink(&path).unwrap_or_else(|_| path.clone());
    let folder = escape_path(target.parent().unwrap_or(Path::new(".")));
    let mut out = String::new();
    if found.is_empty() {
        out.push_str(&fill(c.d_ok, &[&plan]));
        out.push('\n');
    }
    let mode = |m: &u32| format!("{m:04o}");
    for finding in &found {
        let text = match finding {
            Finding::PlanIsLink { to } => fill(c.d_plan_link, &[&escape_path(to)]),
            Finding::PlanNotRegular => c.d_plan_not_regular.to_string(),
            Finding::PlanWorldWritable { mode: m } => fill(c.d_plan_world, &[&mode(m), &plan]),
            Finding::PlanNotGroupWritable { mode: m } => fill(c.d_plan_group, &[&mode(m), &plan]),
            Finding::PlanGroupDiffers { plan: g, folder: f } => {
                fill(c.d_plan_group_differs, &[&escape(g), &escape(f), &plan])
            }
            Finding::FolderWorldWritable { mode: m } => {
                fill(c.d_folder_world, &[&mode(m), &folder])
            }
            Finding::FolderOpenToOthers { mode: m } => {
                fill(c.d_folder_others, &[&mode(m), &folder])
            }
            Finding::FolderNotGroupWritable { mode: m } => {
                fill(c.d_folder_group, &[&mode(m), &folder])
            }
            Finding::FolderNotSetgid => fill(c.d_folder_setgid, &[&folder]),
            Finding::FolderSticky => fill(c.d_folder_sticky, &[&folder]),
            Finding::SideIsLink { path: p } => fill(c.d_side_link, &[&escape_path(p)]),
            Finding::SideNotRegular { path: p } => fill(c.d_side_not_regular, &[&escape_path(p)]),
            Finding::SideIsFolder { path: p, aside } => {
                fill(c.d_side_folder, &[&escape_path(p), &escape_path(aside)])
            }
            Finding::SetAside { path: p } => fill(c.d_set_aside, &[&escape_path(p)]),
            Finding::SideWider {
                path: p,
                mode: m,
                plan: pm,
            } => fill(c.d_side_wider, &[&escape_path(p), &mode(m), &mode(pm)]),
            Finding::SideOtherGroup { path: p, group } => {
                fill(c.d_side_group, &[&escape_path(p), &escape(group), &plan])
            }
            Finding::LockOpenToOthers { path: p, mode: m } => {
                fill(c.d_lock_open, &[&escape_path(p), &mode(m)])
            }
            Finding::LockNotRegular { path: p } => fill(c.d_lock_not_regular, &[&escape_path(p)]),
            Finding::Leftover { path: p } => fill(c.d_leftover, &[&escape_path(p)]),
            Finding::Journal(problem) => problem.render(t, &crate::store::journal::folder(&target)),
            Finding::JournalFolderOwner { path: p, owner } => {
                fill(t.log.j_folder_owner, &[&escape_path(p), &escape(owner)])
            }
            Finding::JournalFolderMode { path: p, mode: m } => {
                fill(t.log.j_folder_mode, &[&escape_path(p), &mode(m)])
            }
        };
        let label = match finding.severity() {
            Severity::Unsafe => c.d_unsafe,
            Severity::Warning => c.d_warning,
            Severity::Note => c.d_note,
        };
        match text.split_once('|') {
            Some((what, fix)) => out.push_str(&format!("{label}: {what}\n  {}: {fix}\n", c.d_fix)),
            None => out.push_str(&format!("{label}: {text}\n")),
        }
    }
    io.print(&out)?;
    if found.iter().any(|f| f.severity() == Severity::Unsafe) {
        return Err(CommandError::Stopped);
    }
    Ok(())
}
