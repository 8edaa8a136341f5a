//! `pantau doctor`: looks at a plan's folder and the files beside it the way
//! a careful administrator would, and says what is unsafe or will lock
//! officers out, with the command that fixes it.

use std::fs;
use std::path::{Path, PathBuf};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth knowing; nothing to do.
    Note,
    /// An officer may be locked out, or a colleague's work lost.
    Warning,
    /// A colleague could make pantau write where they choose, or hang it.
    Unsafe,
}

/// One thing found, with what it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    PlanIsLink {
        to: PathBuf,
    },
    PlanNotRegular,
    PlanWorldWritable {
        mode: u32,
    },
    PlanNotGroupWritable {
        mode: u32,
    },
    PlanGroupDiffers {
        plan: String,
        folder: String,
    },
    FolderWorldWritable {
        mode: u32,
    },
    /// Logins outside the group may enter or list the folder.
    FolderOpenToOthers {
        mode: u32,
    },
    FolderNotGroupWritable {
        mode: u32,
    },
    FolderNotSetgid,
    FolderSticky,
    SideIsLink {
        path: PathBuf,
    },
    SideNotRegular {
        path: PathBuf,
    },
    /// A folder at `<file>.bak`: the next save moves it to `aside`.
    SideIsFolder {
        path: PathBuf,
        aside: PathBuf,
    },
    /// Something planted at `<file>.bak` that a save moved aside.
    SetAside {
        path: PathBuf,
    },
    SideWider {
        path: PathBuf,
        mode: u32,
        plan: u32,
    },
    SideOtherGroup {
        path: PathBuf,
        group: String,
    },
    /// The lock file may be opened by logins outside the group, who could
    /// then hold it and stop every save.
    LockOpenToOthers {
        path: PathBuf,
        mode: u32,
    },
    /// Something not a regular file at the lock's name: saves lock the
    /// folder instead.
    LockNotRegular {
        path: PathBuf,
    },
    Leftover {
        path: PathBuf,
    },
    // The journals: one that does not check out (or the old log, read as
    // unverified); their folder owned by a login, who can remove the
    // others', or not sticky, or open to all.
    Journal(super::journal::Problem),
    JournalFolderOwner {
        path: PathBuf,
        owner: String,
    },
    JournalFolderMode {
        path: PathBuf,
        mode: u32,
    },
}

impl Finding {
    pub fn severity(&self) -> Severity {
        match self {
            Finding::Journal(p) if p.is_tampering() => Severity::Unsafe,
            Finding::Journal(super::journal::Problem::Unverified { .. }) => Severity::Note,
            Finding::Journal(_) => Severity::Warning,
            Finding::JournalFolderMode { mode, .. } if mode & 0o002 != 0 => Severity::Unsafe,
            Finding::PlanNotRegular
            | Finding::PlanWorldWritable { .. }
            | Finding::FolderWorldWritable { .. }
            | Finding::SideIsLink { .. }
            | Finding::SideNotRegular { .. }
            | Finding::LockOpenToOthers { .. } => Severity::Unsafe,
            Finding::PlanNotGroupWritable { .. }
            | Finding::PlanGroupDiffers { .. }
            | Finding::FolderNotGroupWritable { .. }
            | Finding::FolderNotSetgid
            | Finding::FolderOpenToOthers { .. }
            | Finding::LockNotRegular { .. }
            | Finding::FolderSticky
            | Finding::SideIsFolder { .. }
            | Finding::SetAside { .. }
            | Finding::SideWider { .. }
            | Finding::SideOtherGroup { .. }
            | Finding::JournalFolderOwner { .. }
            | Finding::JournalFolderMode { .. } => Severity::Warning,
            Finding::PlanIsLink { .. } | Finding::Leftover { .. } => Severity::Note,
        }
    }
}

/// The name of group `gid`, from the system's group database, else the number.
pub fn group_name(gid: u32) -> String {
    super::login::group_name(gid).unwrap_or_else(|| gid.to_string())
}

/// The journals' folder and what in the journals does not check out.
#[cfg(unix)]
fn journal_findings(target: &Path, found: &mut Vec<Finding>) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let folder = super::journal::folder(target);
    if let Ok(meta) = fs::symlink_metadata(&folder)
        && meta.is_dir()
    {
        let mode = meta.mode() & 0o7777;
        if mode & 0o1000 == 0 || mode & 0o002 != 0 {
            found.push(Finding::JournalFolderMode {
                path: folder.clone(),
                mode,
            });
        }
        if meta.uid() != 0 {
            found.push(Finding::JournalFolderOwner {
                path: folder,
                owner: super::login::user_name(meta.uid())
                    .unwrap_or_else(|| meta.uid().to_string()),
            });
        }
    }
    // An old log that is not a file is a side-file finding of its own.
    let journals = match super::audit::history_remembered(target) {
        Ok(journals) => journals,
        Err(_) => super::journal::read(target, Vec::new())?,
    };
    found.extend(journals.problems.into_iter().map(Finding::Journal));
    Ok(())
}

/// Everything worth saying about the plan at `path`, most serious first.
/// The plan must exist (the caller reports a missing one as a load error).
pub fn examine(path: &Path) -> std::io::Result<Vec<Finding>> {
    let mut found = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let link = fs::symlink_metadata(path)?;
        let target = super::write::resolve_symlink(path)?;
        if link.file_type().is_symlink() {
            found.push(Finding::PlanIsLink { to: target.clone() });
        }
        let plan = fs::metadata(&target)?;
        if !plan.is_file() {
            found.push(Finding::PlanNotRegular);
            return Ok(found);
        }
        let mode = plan.mode() & 0o7777;
        if mode & 0o002 != 0 {
            found.push(Finding::PlanWorldWritable { mode });
        }
        if mode & 0o020 == 0 {
            found.push(Finding::PlanNotGroupWritable { mode });
        }
        let dir = super::write::parent_dir(&target);
        let folder = fs::metadata(&dir)?;
        let folder_mode = folder.mode() & 0o7777;
        if folder.gid() != plan.gid() {
            found.push(Finding::PlanGroupDiffers {
                plan: group_name(plan.gid()),
                folder: group_name(folder.gid()),
            });
        }
        if folder_mode & 0o002 != 0 {
            found.push(Finding::FolderWorldWritable { mode: folder_mode });
        }
        if folder_mode & 0o002 == 0 && folder_mode & 0o005 != 0 {
            found.push(Finding::FolderOpenToOthers { mode: folder_mode });
        }
        if folder_mode & 0o020 == 0 {
            found.push(Finding::FolderNotGroupWritable { mode: folder_mode });
        }
        if folder_mode & 0o2000 == 0 {
            found.push(Finding::FolderNotSetgid);
        }
        if folder_mode & 0o1000 != 0 {
            found.push(Finding::FolderSticky);
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let side = [format!("{name}.log"), format!("{name}.bak")];
        for file in side {
            let side_path = dir.join(&file);
            let Ok(meta) = fs::symlink_metadata(&side_path) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                found.push(Finding::SideIsLink { path: side_path });
                continue;
            }
            if meta.is_dir() {
                found.push(Finding::SideIsFolder {
                    aside: super::write::set_aside_path(&dir, &file),
                    path: side_path,
                });
                continue;
            }
            if !meta.is_file() {
                found.push(Finding::SideNotRegular { path: side_path });
                continue;
            }
            let side_mode = meta.mode() & 0o777;
            if side_mode & !(mode & 0o666) != 0 {
                found.push(Finding::SideWider {
                    path: side_path.clone(),
                    mode: side_mode,
                    plan: mode & 0o666,
                });
            }
            if meta.gid() != plan.gid() {
                found.push(Finding::SideOtherGroup {
                    path: side_path,
                    group: group_name(meta.gid()),
                });
            }
        }
        journal_findings(&target, &mut found)?;
        let lock = dir.join(format!(".{name}.lock"));
        if let Ok(meta) = fs::symlink_metadata(&lock) {
            if !meta.file_type().is_file() {
                found.push(Finding::LockNotRegular { path: lock });
            } else if meta.mode() & 0o007 != 0 {
                found.push(Finding::LockOpenToOthers {
                    path: lock,
                    mode: meta.mode() & 0o7777,
                });
            }
        }
        if let Ok(entries) = fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let file = entry.file_name().to_string_lossy().into_owned();
                if file.starts_with(&format!(".{name}.pantau-")) && file.ends_with(".tmp") {
                    found.push(Finding::Leftover { path: entry.path() });
                }
                if file.starts_with(&format!("{name}.bak{}", super::write::SET_ASIDE)) {
                    found.push(Finding::SetAside { path: entry.path() });
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    found.sort_by_key(|f| std::cmp::Reverse(f.severity()));
    Ok(found)
}
