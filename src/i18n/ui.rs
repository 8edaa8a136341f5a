//! The terminal interface: views, prompts, the status bar.

/// The terminal interface: views, prompts, the status bar.
pub struct Ui {
    pub view_names: [&'static str; 4],
    pub u_too_small: &'static str,
    /// An editing key in a region opened from the province: `{0}` its file.
    pub u_read_only: &'static str,
    /// The province dashboard's title: `{0}` regions, `{1}` programmes, `{2}` today.
    pub u_province_title: &'static str,
    /// The province table's columns: code, region, programmes, done, quick
    /// wins, late, achievement, index.
    pub u_province_cols: [&'static str; 8],
    /// `{0}` how many plans did not load.
    pub u_province_failed: &'static str,
    /// The status bar over a region opened from the province.
    pub u_province_back: &'static str,
    pub u_province_none: &'static str,
    /// After the file's name in the status bar of a region opened read-only.
    pub u_read_only_tag: &'static str,
    pub u_lead: &'static str,
    pub u_id: &'static str,
    pub u_program: &'static str,
    pub u_horizon: &'static str,
    pub u_status: &'static str,
    pub u_milestones_short: &'static str,
    /// The drill-down's legend of [`Ui::u_milestones_short`].
    pub u_steps_legend: &'static str,
    pub u_dimensions: &'static str,
    pub u_years: &'static str,
    pub u_milestones: &'static str,
    pub u_targets: &'static str,
    pub u_due_soon: &'static str,
    pub u_days: &'static str,
    pub u_filter: &'static str,
    pub u_filter_keys: &'static str,
    pub u_no_match: &'static str,
    pub u_nothing: &'static str,
    pub u_help_title: &'static str,
    pub u_programs_count: &'static str,
    pub u_overdue_count: &'static str,
    pub u_legend: [&'static str; 6],
    pub u_next_due: &'static str,
    pub e_printed: &'static str,
    pub e_no_free_name: &'static str,
    /// A save refused by a full disk, in one status line of 80 columns.
    pub e_save_full: &'static str,
    /// `{0}`: the formats and their keys.
    pub q_print_format: &'static str,
    pub u_recent_changes: &'static str,
    pub e_saved_merged: &'static str,
    pub e_reloaded: &'static str,
    pub e_changed_on_disk: &'static str,
    pub e_recovered: &'static str,
    /// `{0}`: how many other sessions' kept edits wait for the next start.
    pub e_recovered_more: &'static str,
    /// `{0}`: the first problem; `{1}`: the recovery file, left in place.
    pub e_recovery_invalid: &'static str,
    /// `{0} more`: what else the kept edits change, after the first few.
    pub q_recover_more: &'static str,
    /// In the recovery question: a form was open, with text typed in it.
    pub q_recover_form: &'static str,
    pub e_not_saved: &'static str,
    /// `{0} of {1}`: which question, `{2}`: what it is about
    /// (`Conflict::what`), `{3}` mine, `{4}` theirs, `{5}` who made theirs.
    pub q_conflict: &'static str,
    pub q_recover: &'static str,
    pub q_title: &'static str,
    pub q_save_changes: &'static str,
    pub q_delete_program: &'static str,
    pub q_delete_milestone: &'static str,
    pub q_delete_target: &'static str,
    /// `{0}` the year, `{1}` the programme.
    pub q_delete_budget: &'static str,
    pub q_delete_evidence: &'static str,
    pub q_yes_no: &'static str,
    pub t_new_program: &'static str,
    pub t_edit_program: &'static str,
    pub t_new_milestone: &'static str,
    pub t_edit_milestone: &'static str,
    pub t_new_target: &'static str,
    pub t_new_budget: &'static str,
    pub t_edit_budget: &'static str,
    pub t_new_evidence: &'static str,
    pub t_edit_evidence: &'static str,
    /// `{0}` the aspect, `{1}` the year.
    pub t_edit_score: &'static str,
    /// `{0}` the document, `{1}` its state now.
    pub e_evidence_state: &'static str,
    pub t_edit_target: &'static str,
    pub t_edit_dimension: &'static str,
    pub t_edit_plan: &'static str,
    pub t_form_keys: &'static str,
    pub u_saved_at: &'static str,
    pub e_saved: &'static str,
    pub e_refused: &'static str,
    /// A paste with no text field or filter to take it.
    pub e_paste_nowhere: &'static str,
    pub e_status: &'static str,
    pub e_done: &'static str,
    pub e_not_done: &'static str,
    pub e_nothing_to_undo: &'static str,
    pub e_nothing_to_redo: &'static str,
    /// `{0}`: what the undone edit had changed ([`Ui::c_added`] and the rest).
    pub e_undone: &'static str,
    /// Ctrl-G with unsaved edits.
    pub e_sync_save_first: &'static str,
    pub e_syncing: &'static str,
    /// `{0}` the remote, `{1}` commits in, `{2}` commits out.
    pub e_synced: &'static str,
    pub e_sync_conflicts: &'static str,
    /// `{0}` the remote, `{1}` what git said.
    pub e_sync_offline: &'static str,
    /// `{0}`: why.
    pub e_sync_failed: &'static str,
    /// A git merge's questions answered in the plan.
    pub e_conflicts_answered: &'static str,
    pub e_conflicts_unasked: &'static str,
    /// Esc to a git merge's questions: they stay in the file.
    pub e_conflicts_left: &'static str,
    /// `{0}`: the labels of the fields someone else changed under an open form.
    pub e_form_changed: &'static str,
    /// What an open form edits was deleted by someone else.
    pub e_form_gone: &'static str,
    /// `{0}`: the programme an open form edits, deleted by someone else:
    /// Enter adds it again as new with the typed text, Esc closes; on
    /// the form's one problem line, so within 74 columns.
    pub e_form_gone_program: &'static str,
    /// `{0}`: the programme added again as new from such a form.
    pub e_form_revived: &'static str,
    /// `{0}`: the value someone else saved, beside the field.
    pub e_field_changed: &'static str,
    /// `{0}`: what someone else changed since (`Conflict::what`, or the
    /// item); `{1}`: who, from the journals or git, else `e_someone_else`.
    pub e_undo_dropped: &'static str,
    pub e_redo_dropped: &'static str,
    /// `{0}`: the item someone else deleted since; `{1}`: who.
    pub e_undo_deleted: &'static str,
    pub e_redo_deleted: &'static str,
    /// Undoing (or redoing) would leave the plan invalid.
    pub e_undo_invalid: &'static str,
    pub e_redo_invalid: &'static str,
    /// `{0}`: what the redone edit changes.
    pub e_redone: &'static str,
    /// After a form or a key that has no message of its own: `{0}` what it changed.
    pub e_changed: &'static str,
    /// What an edit changed, for the messages above: `{0}` a programme's id.
    pub c_added: &'static str,
    pub c_deleted: &'static str,
    pub c_moved: &'static str,
    /// `{0}` the dimension's id.
    pub c_dimension: &'static str,
    /// The plan's own fields (region, title, period…).
    pub c_header: &'static str,
    /// Edits restored from a session that ended badly, or a merge.
    pub c_whole: &'static str,
    /// After the first change when an edit made more: `{0}` how many more.
    pub c_more: &'static str,
    /// The title of the list of statuses: `{0}` the programme's id.
    pub q_status: &'static str,
    /// Beside the programme's status as it is now, in that list.
    pub q_status_now: &'static str,
    /// Under the print formats: `{0}` the folder the report goes to.
    pub q_print_folder: &'static str,
    /// The drill-down's legend for its overdue mark.
    pub u_legend_overdue: &'static str,
    /// After `L`, in the language switched to.
    pub e_language: &'static str,
    pub e_fix_fields: &'static str,
    /// Under "too small" while a question or a form waits for an answer.
    pub u_too_small_question: &'static str,
    /// Esc on a form with typed text: once more throws it away.
    pub e_form_esc_again: &'static str,
    /// A key that would act while the terminal is too small to show on what.
    pub e_too_small_refused: &'static str,
    /// `{0}`: keys typed while a save waited for another officer's, not acted
    /// on; said before how the save ended, so a long notice is cut after it.
    pub e_keys_ignored: &'static str,
    /// Ctrl-Z where nothing could continue pantau after a stop.
    pub e_no_job_control: &'static str,
    /// The journals do not check out (at open or after a save): one line
    /// under 80 columns, naming the commands that say what and where.
    pub e_history_tampered: &'static str,
    /// `{0}`: what was selected, gone from the plan after a reload; `{1}`:
    /// who deleted it, from the journals or git, else `e_someone_else`.
    pub e_selection_gone: &'static str,
    /// Who changed something when neither the journals nor git say.
    pub e_someone_else: &'static str,
    /// `{0}`: what was selected and is gone; a key that acts on the selection.
    pub e_nothing_selected: &'static str,
    pub u_none_choice: &'static str,
    pub u_more_below: &'static str,
    pub u_dash_cols: [&'static str; 6],
    pub u_dash_legend: &'static str,
    /// The dashboard's physical-progress and absorption columns.
    pub u_dash_more: [&'static str; 2],
    /// `{0}`: the fiscal year the physical progress and absorption are for.
    pub u_fiscal_year: &'static str,
}
