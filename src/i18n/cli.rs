//! The commands: saving, creating, `set`, `log`.

/// The commands: saving, creating, `set`, `log`.
pub struct Cli {
    pub save_failed: &'static str,
    pub created_default: &'static str,
    pub init_exists: &'static str,
    pub init_exists_hint: &'static str,
    pub init_done: &'static str,
    pub bad_width: &'static str,
    pub unknown_dimension_flag: &'static str,
    pub ui_needs_terminal: &'static str,
    pub no_home: &'static str,
    pub file_before_command: &'static str,
    pub e_stdout: &'static str,
    pub kept_for_recovery: &'static str,
    pub log_empty: &'static str,
    pub set_conflicts: &'static str,
    pub set_conflict: &'static str,
    /// `{0}`: the plan's name in the repository. Git's merge driver merged cleanly.
    pub md_merged: &'static str,
    /// `{0}`: the plan, `{1}`: how many fields are left for a person.
    pub md_conflicts: &'static str,
    /// `{0}`: the item, `{1}`: the field; ours in the file, theirs listed.
    pub md_conflict: &'static str,
    /// `{0}`: the item, kept although one branch deleted it.
    pub md_kept: &'static str,
    /// `{0}`: the plan, `{1}`: how many merge conflicts its top comment lists.
    pub check_conflicts: &'static str,
    pub check_unchecked: &'static str,
    /// `{0}` the plan, `{1}` how many budget lines spend above their pagu.
    pub check_overspent: &'static str,
    /// `pantau git setup`: `{0}` the .gitattributes line, `{1}` the work tree.
    pub gs_attribute_added: &'static str,
    pub gs_attribute_kept: &'static str,
    /// `{0}`: the driver command in the repository's config.
    pub gs_driver_set: &'static str,
    pub gs_driver_kept: &'static str,
    pub gs_commit_hint: &'static str,
    /// `pantau check` on a plan git would merge line by line; `{0}`: the plan.
    pub check_no_driver: &'static str,
    pub git_not_installed: &'static str,
    /// `{0}`: the folder that is not in a git work tree.
    pub git_not_repo: &'static str,
    pub git_not_trusted: &'static str,
    pub git_detached: &'static str,
    /// `{0}`: git's arguments, `{1}`: what git said.
    pub git_failed: &'static str,
    /// `pantau sync`: `{0}` the commit's first line.
    pub sy_committed: &'static str,
    pub sy_nothing_new: &'static str,
    /// `{0}`: commits that came in, `{1}`: the remote or bundle.
    pub sy_came_in: &'static str,
    /// `{0}`: commits sent, `{1}`: the remote or bundle.
    pub sy_went_out: &'static str,
    pub sy_up_to_date: &'static str,
    /// A merge left questions in the plan; `{0}`: the plan.
    pub sy_conflicts: &'static str,
    /// `{0}`: the remote, `{1}`: what git said.
    pub sy_offline: &'static str,
    pub sy_refused: &'static str,
    pub set_no_program: &'static str,
    pub set_no_changes: &'static str,
    pub did_you_mean: &'static str,
    pub unknown_command: &'static str,
    pub did_you_mean_command: &'static str,
    pub unknown_topic: &'static str,
    pub set_not_assignment: &'static str,
    pub set_invalid_result: &'static str,
    pub save_replaced: &'static str,
    pub save_read_only: &'static str,
    pub save_read_only_hint: &'static str,
    pub save_busy: &'static str,
    pub save_denied_hint: &'static str,
    pub save_full_hint: &'static str,
    pub save_waiting: &'static str,
    pub log_failed: &'static str,
    pub bak_moved_aside: &'static str,
    pub bak_replaced: &'static str,
    pub bak_not_kept: &'static str,
    /// `--demo`: the private copy, said before the interface opens and after it.
    pub demo_opened: &'static str,
    pub demo_removed: &'static str,
    pub demo_label: &'static str,
    pub demo_with_file: &'static str,
    /// `pantau doctor`: each finding, and after `|` the command that fixes it.
    pub d_ok: &'static str,
    pub d_unsafe: &'static str,
    pub d_warning: &'static str,
    pub d_note: &'static str,
    pub d_fix: &'static str,
    pub d_plan_link: &'static str,
    pub d_plan_not_regular: &'static str,
    pub d_plan_world: &'static str,
    pub d_plan_group: &'static str,
    pub d_plan_group_differs: &'static str,
    pub d_folder_world: &'static str,
    pub d_folder_group: &'static str,
    pub d_folder_setgid: &'static str,
    pub d_folder_sticky: &'static str,
    pub d_side_link: &'static str,
    pub d_side_not_regular: &'static str,
    pub d_side_folder: &'static str,
    pub d_set_aside: &'static str,
    pub d_side_wider: &'static str,
    pub d_side_group: &'static str,
    pub d_lock_open: &'static str,
    pub d_lock_not_regular: &'static str,
    pub d_folder_others: &'static str,
    pub d_leftover: &'static str,
}
