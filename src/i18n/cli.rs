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
    pub set_no_program: &'static str,
    pub set_not_assignment: &'static str,
    pub set_invalid_result: &'static str,
    pub save_replaced: &'static str,
    pub save_read_only: &'static str,
    pub save_read_only_hint: &'static str,
    pub save_busy: &'static str,
    pub save_waiting: &'static str,
    pub log_failed: &'static str,
}
