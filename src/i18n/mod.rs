//! Every string a person reads, in Indonesian and English.
//!
//! Officers read Indonesian first; English is the interface's second language.
//! Templates use `{}` placeholders filled in order by [`fill`], so a translation
//! may move words around a value but not reorder values.

use crate::plan::model::{Horizon, Status};

pub mod report;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    /// `--lang` wins; otherwise the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// decides (POSIX precedence): Indonesian when it starts with `id`.
    pub fn detect(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| env(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.starts_with("id") {
            Lang::Id
        } else {
            Lang::En
        }
    }

    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &EN,
            Lang::Id => &ID,
        }
    }

    /// The strings of the reports (`pantau report`).
    pub fn report(self) -> &'static report::ReportText {
        match self {
            Lang::En => &report::EN,
            Lang::Id => &report::ID,
        }
    }
}

/// Replaces each `{}` in `template` with the next of `args`.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        if let Some(arg) = args.next() {
            out.push_str(&arg.to_string());
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

pub struct Text {
    pub status: StatusLabels,
    pub horizon: HorizonLabels,

    // Loading and checking a file.
    pub error: &'static str,
    pub hint: &'static str,
    pub not_found: &'static str,
    pub not_found_hint: &'static str,
    pub is_directory: &'static str,
    pub too_large: &'static str,
    pub too_large_hint: &'static str,
    pub unreadable: &'static str,
    pub not_utf8: &'static str,
    pub not_utf8_hint: &'static str,
    pub empty_file: &'static str,
    pub empty_file_hint: &'static str,
    pub syntax_hint: &'static str,
    pub unknown_field: &'static str,
    pub unknown_field_hint: &'static str,
    pub unknown_value: &'static str,
    pub missing_field: &'static str,
    pub missing_field_hint: &'static str,
    pub duplicate_field: &'static str,
    pub too_deep: &'static str,
    pub wrong_type: &'static str,
    pub expected_option: &'static str,
    pub unexpected_end: &'static str,
    pub unexpected_end_hint: &'static str,
    pub expected_comma: &'static str,
    pub unclosed_string: &'static str,
    pub unexpected_char: &'static str,
    pub trailing: &'static str,
    pub valid_values: &'static str,
    /// The model's type names as ron reports them, in the reader's words.
    pub things: &'static [(&'static str, &'static str)],
    pub version_newer: &'static str,
    pub problems_found: &'static str,
    pub problems_hint: &'static str,
    pub check_ok: &'static str,

    // Validation problems.
    pub p_version: &'static str,
    pub p_period: &'static str,
    pub p_empty_title: &'static str,
    pub p_dimension_empty_id: &'static str,
    pub p_dimension_empty_name: &'static str,
    pub p_dimension_duplicate: &'static str,
    pub p_empty_id: &'static str,
    pub p_duplicate_id: &'static str,
    pub p_empty_name: &'static str,
    pub p_unknown_dimension: &'static str,
    pub p_unknown_element: &'static str,
    pub p_end_before_start: &'static str,
    pub p_year_outside: &'static str,
    pub p_milestone_title: &'static str,
    pub p_milestone_date: &'static str,
    pub p_target_year: &'static str,
    pub p_target_indicator: &'static str,
    pub p_target_number: &'static str,
    pub p_string_too_long: &'static str,

    // Saving and the command line.
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

    // The summary.
    pub s_period: &'static str,
    pub s_as_of: &'static str,
    pub s_dimension: &'static str,
    pub s_programs: &'static str,
    pub s_done: &'static str,
    pub s_in_progress: &'static str,
    pub s_delayed: &'static str,
    pub s_percent_done: &'static str,
    pub s_quick_wins: &'static str,
    pub s_total: &'static str,
    pub s_overdue: &'static str,
    pub s_due_soon: &'static str,
    pub s_targets_year: &'static str,
    pub s_none: &'static str,
    pub s_days_late: &'static str,
    pub s_in_days: &'static str,
    pub s_today: &'static str,
    pub s_actual: &'static str,

    // The terminal interface.
    pub view_names: [&'static str; 3],
    pub horizon_short: HorizonLabels,
    pub u_too_small: &'static str,
    pub u_lead: &'static str,
    pub u_id: &'static str,
    pub u_program: &'static str,
    pub u_horizon: &'static str,
    pub u_status: &'static str,
    pub u_milestones_short: &'static str,
    pub u_dimensions: &'static str,
    pub u_element: &'static str,
    pub u_support: &'static str,
    pub u_funding: &'static str,
    pub u_years: &'static str,
    pub u_description: &'static str,
    pub u_milestones: &'static str,
    pub u_targets: &'static str,
    pub u_notes: &'static str,
    pub u_due_soon: &'static str,
    pub u_days: &'static str,
    pub u_filter: &'static str,
    pub u_filter_keys: &'static str,
    pub u_no_match: &'static str,
    pub u_nothing: &'static str,
    pub u_help_title: &'static str,
    pub u_programs_count: &'static str,
    pub u_overdue_count: &'static str,
    pub u_legend: [&'static str; 5],
    pub u_next_due: &'static str,
    pub p_period_range: &'static str,
    pub e_printed: &'static str,
    pub e_no_free_name: &'static str,
    pub q_print_format: &'static str,
    pub u_recent_changes: &'static str,
    pub e_saved_merged: &'static str,
    pub e_reloaded: &'static str,
    pub e_changed_on_disk: &'static str,
    pub e_recovered: &'static str,
    pub e_not_saved: &'static str,
    pub q_conflict: &'static str,
    pub q_recover: &'static str,
    pub kept_for_recovery: &'static str,
    pub log_empty: &'static str,
    pub set_conflicts: &'static str,
    pub set_conflict: &'static str,
    pub q_title: &'static str,
    pub q_save_changes: &'static str,
    pub q_delete_program: &'static str,
    pub q_delete_milestone: &'static str,
    pub q_delete_target: &'static str,
    pub q_yes_no: &'static str,
    pub t_new_program: &'static str,
    pub t_edit_program: &'static str,
    pub t_new_milestone: &'static str,
    pub t_edit_milestone: &'static str,
    pub t_new_target: &'static str,
    pub t_edit_target: &'static str,
    pub t_edit_dimension: &'static str,
    pub t_edit_plan: &'static str,
    pub t_form_keys: &'static str,
    pub u_saved_at: &'static str,
    pub fields: FieldLabels,
    pub e_saved: &'static str,
    pub e_refused: &'static str,
    pub e_status: &'static str,
    pub e_done: &'static str,
    pub e_not_done: &'static str,
    pub e_nothing_to_undo: &'static str,
    pub e_nothing_to_redo: &'static str,
    pub e_undone: &'static str,
    pub e_redone: &'static str,
    pub e_fix_fields: &'static str,
    pub f_year: &'static str,
    pub f_end_after_start: &'static str,
    pub u_none_choice: &'static str,
    pub set_no_program: &'static str,
    pub set_not_assignment: &'static str,
    pub set_invalid_result: &'static str,

    // Editing.
    pub f_unknown_field: &'static str,
    pub f_bad_value: &'static str,
    pub f_no_such_item: &'static str,
    pub f_milestone: &'static str,
    pub f_target: &'static str,
    pub f_required: &'static str,
    pub f_required_short: &'static str,
    pub f_one_of: &'static str,
    pub f_year_in: &'static str,
    pub f_date: &'static str,
    pub f_bool: &'static str,
    pub f_number: &'static str,
    pub f_id_taken: &'static str,
    pub u_more_below: &'static str,
    pub u_dash_cols: [&'static str; 6],
    pub u_dash_legend: &'static str,
}

impl Text {
    pub fn status(&self, s: Status) -> &'static str {
        let l = &self.status;
        match s {
            Status::NotStarted => l.not_started,
            Status::InProgress => l.in_progress,
            Status::Done => l.done,
            Status::Delayed => l.delayed,
            Status::OnHold => l.on_hold,
            Status::Cancelled => l.cancelled,
        }
    }

    pub fn horizon(&self, h: Horizon) -> &'static str {
        self.horizon.of(h)
    }

    /// The one-word horizon for narrow columns.
    pub fn horizon_short(&self, h: Horizon) -> &'static str {
        self.horizon_short.of(h)
    }
}

/// A name for each status, by name rather than by position, so reordering
/// the enum can never shift a label.
pub struct StatusLabels {
    pub not_started: &'static str,
    pub in_progress: &'static str,
    pub done: &'static str,
    pub delayed: &'static str,
    pub on_hold: &'static str,
    pub cancelled: &'static str,
}

pub struct HorizonLabels {
    pub quick_win: &'static str,
    pub short: &'static str,
    pub medium: &'static str,
    pub long: &'static str,
}

impl HorizonLabels {
    pub fn of(&self, h: Horizon) -> &'static str {
        match h {
            Horizon::QuickWin => self.quick_win,
            Horizon::Short => self.short,
            Horizon::Medium => self.medium,
            Horizon::Long => self.long,
        }
    }
}

/// What each field of the registry (`plan::field`) is called on screen.
pub struct FieldLabels {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub dimension: &'static str,
    pub element: &'static str,
    pub horizon: &'static str,
    pub lead: &'static str,
    pub support: &'static str,
    pub funding: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub status: &'static str,
    pub notes: &'static str,
    pub title: &'static str,
    pub due: &'static str,
    pub done: &'static str,
    pub year: &'static str,
    pub indicator: &'static str,
    pub unit: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    pub region: &'static str,
    pub vision: &'static str,
    pub period_start: &'static str,
    pub period_end: &'static str,
    pub elements: &'static str,
}

pub static EN: Text = Text {
    status: StatusLabels {
        not_started: "Not started",
        in_progress: "In progress",
        done: "Done",
        delayed: "Delayed",
        on_hold: "On hold",
        cancelled: "Cancelled",
    },
    horizon: HorizonLabels {
        quick_win: "Quick win",
        short: "Short term",
        medium: "Medium term",
        long: "Long term",
    },

    error: "error",
    hint: "hint",
    not_found: "{}: no such file",
    not_found_hint: "check the path, or create a new plan with `pantau init {}`",
    is_directory: "{}: is a directory, not a masterplan file",
    too_large: "{}: the file is {} MB; pantau reads plans of at most {} MB",
    too_large_hint: "this is probably not a masterplan file; check the path",
    unreadable: "{}: cannot be read: {}",
    not_utf8: "{}:{}:{}: the file is not valid UTF-8 text",
    not_utf8_hint: "save the file as UTF-8; it may be a binary file or use another encoding",
    empty_file: "{}: the file is empty",
    empty_file_hint: "write a plan into it (see docs/FORMAT.md), or remove it and run `pantau init {}`",
    syntax_hint: "see docs/FORMAT.md for the layout of a plan; `pantau init example.ron` writes a complete example",
    unknown_field: "unknown field `{}` in {}",
    unknown_field_hint: "check the spelling; the valid fields are: {}",
    unknown_value: "unknown value `{}` for {}; valid values: {}",
    missing_field: "{} is missing the field `{}`",
    missing_field_hint: "add `{}: …` to it (see docs/FORMAT.md)",
    duplicate_field: "the field `{}` appears twice in {}",
    too_deep: "brackets are nested too deeply",
    wrong_type: "expected {} but found {}",
    expected_option: "expected `Some(…)` or `None`: optional numbers are written `Some(80.89)`, or `None` when unknown",
    unexpected_end: "the file ends too early",
    unexpected_end_hint: "a bracket, parenthesis or quote is probably not closed; the file may be truncated",
    expected_comma: "expected a comma",
    unclosed_string: "the text in quotes that starts here is never closed",
    unexpected_char: "unexpected character `{}`",
    trailing: "unexpected text after the end of the plan",
    valid_values: "valid values",
    things: &[
        ("Plan", "the plan"),
        ("Period", "the period"),
        ("Dimension", "a dimension"),
        ("Program", "a program"),
        ("Milestone", "a milestone"),
        ("Target", "a target"),
        ("Status", "status"),
        ("Horizon", "horizon"),
    ],
    version_newer: "{}: written for data-file version {}; this pantau reads version {}. Update pantau.",
    problems_found: "{}: {} problem(s) found:",
    problems_hint: "fix these in the file and run `pantau check {}` again",
    check_ok: "{}: valid: {} programs in {} dimensions, {} milestones, {} targets",

    p_version: "version is {}, but this pantau reads version {}",
    p_period: "period ends ({}) before it starts ({})",
    p_empty_title: "the plan has no title",
    p_dimension_empty_id: "dimension #{} has an empty id",
    p_dimension_empty_name: "dimension `{}` has an empty name",
    p_dimension_duplicate: "dimension id `{}` is used more than once",
    p_empty_id: "program #{} has an empty id",
    p_duplicate_id: "the id is used by more than one program",
    p_empty_name: "the name is empty",
    p_unknown_dimension: "dimension `{}` does not exist; defined: {}",
    p_unknown_element: "element `{}` is not an element of `{}`: {}",
    p_end_before_start: "end {} is before start {}",
    p_year_outside: "{} {} is outside the plan's period {}–{}",
    p_milestone_title: "milestone {} has an empty title",
    p_milestone_date: "milestone {}: `{}` is not a date; write YYYY-MM-DD, e.g. 2023-03-31",
    p_target_year: "target {}: year {} is outside the plan's period {}–{}",
    p_target_indicator: "target {} has an empty indicator",
    p_target_number: "target {}: {} is not a finite number",
    p_string_too_long: "{} is {} characters long; at most {} are allowed",

    save_failed: "{}: could not save: {}",
    created_default: "pantau: no plan yet, so created {} from the bundled Luwu Utara example",
    init_exists: "{}: already exists; pantau init never overwrites a file",
    init_exists_hint: "choose another file name, or remove this one first",
    init_done: "wrote the example plan to {}",
    bad_width: "--width must be at least {}",
    unknown_dimension_flag: "no dimension `{}`; the plan has: {}",
    ui_needs_terminal: "pantau's interface needs a terminal; use `pantau summary` for plain text",
    file_before_command: "put the file after the command, e.g. `pantau check {}`",
    e_stdout: "could not write to standard output: {}",
    no_home: "cannot find your home folder for the default plan; name a FILE or set PANTAU_FILE",

    s_period: "Period",
    s_as_of: "as of",
    s_dimension: "Dimension",
    s_programs: "Progs",
    s_done: "Done",
    s_in_progress: "Running",
    s_delayed: "Delayed",
    s_percent_done: "% done",
    s_quick_wins: "Quick wins",
    s_total: "Total",
    s_overdue: "Overdue milestones",
    s_due_soon: "Due in the next {} days",
    s_targets_year: "Targets for {}",
    s_none: "none",
    s_days_late: "{} d late",
    s_in_days: "in {} d",
    s_today: "today",
    s_actual: "actual",

    view_names: ["Dashboard", "Dimensions", "Timeline"],
    horizon_short: HorizonLabels {
        quick_win: "Quick win",
        short: "Short",
        medium: "Medium",
        long: "Long",
    },
    u_too_small: "Terminal too small: {}×{} (pantau needs {}×{})",
    u_lead: "Lead",
    u_id: "ID",
    u_program: "Program",
    u_horizon: "Horizon",
    u_status: "Status",
    u_milestones_short: "Steps",
    u_dimensions: "Dimensions",
    u_element: "Element",
    u_support: "Supporting",
    u_funding: "Funding",
    u_years: "Years",
    u_description: "Description",
    u_milestones: "Milestones",
    u_targets: "Targets",
    u_notes: "Notes",
    u_due_soon: "Due in {} days",
    u_days: "{}d",
    u_filter: "Filter",
    u_filter_keys: "Enter keep, Esc clear",
    u_no_match: "No programs match the filter",
    u_nothing: "Nothing here",
    u_help_title: "Keys",
    u_programs_count: "{} programs",
    u_overdue_count: "{} overdue",
    u_legend: ["years", "milestone", "done", "target", "today"],
    u_next_due: "next",
    p_period_range: "period {}–{} is not a plan period: years must lie in {}–{} and span at most {} years",
    e_printed: "Report written to {}",
    e_no_free_name: "every report name for today is taken; move some reports away",
    q_print_format: "Write the report of this view as:  t text   m Markdown   c CSV   j JSON   (Esc cancels)",
    u_recent_changes: "Recent changes",
    e_saved_merged: "Saved at {}, merged with changes another officer saved meanwhile (u undoes the merge)",
    e_reloaded: "Reloaded: the file was changed on disk by someone else",
    e_changed_on_disk: "The file changed on disk; your edits will be merged with it when you save",
    e_recovered: "Recovered edits restored (not saved yet: Ctrl-S saves)",
    e_not_saved: "Not saved",
    q_conflict: "{} of {}: another officer changed {} of {} too.\n  mine:   {}\n  theirs: {}\nm: keep mine   t: keep theirs   Esc: do not save",
    q_recover: "Recover unsaved edits kept at {} when pantau last stopped without saving?  r: restore them  d: discard them",
    kept_for_recovery: "pantau: unsaved edits kept in {}; open the plan again to recover them",
    log_empty: "no changes recorded",
    set_conflicts: "another officer changed the same fields since this command read the file; nothing was written (run it again to apply yours on top of theirs):",
    set_conflict: "{} {}: theirs `{}`, yours `{}`",
    q_title: "pantau",
    q_save_changes: "Save changes before quitting?  y: save and quit;  n: quit without saving;  Esc: keep working",
    q_delete_program: "Delete program {} with its milestones and targets?",
    q_delete_milestone: "Delete milestone \"{}\"?",
    q_delete_target: "Delete target \"{}\"?",
    q_yes_no: "y: yes;  n: no",
    t_new_program: "New program",
    t_edit_program: "Edit program {}",
    t_new_milestone: "New milestone",
    t_edit_milestone: "Edit milestone",
    t_new_target: "New target",
    t_edit_target: "Edit target",
    t_edit_dimension: "Edit dimension {}",
    t_edit_plan: "Edit the plan",
    t_form_keys: "Enter accept, Tab next field, Space or Left/Right pick, Esc cancel",
    u_saved_at: "saved {}",
    fields: FieldLabels {
        name: "Name",
        id: "Id",
        description: "Description",
        dimension: "Dimension",
        element: "Element",
        horizon: "Horizon",
        lead: "Lead agency",
        support: "Supporting",
        funding: "Funding",
        start: "Start year",
        end: "End year",
        status: "Status",
        notes: "Notes",
        title: "Title",
        due: "Due",
        done: "Done",
        year: "Year",
        indicator: "Indicator",
        unit: "Unit",
        baseline: "Baseline",
        target: "Target",
        actual: "Actual",
        region: "Region",
        vision: "Vision",
        period_start: "Period from",
        period_end: "Period to",
        elements: "Elements",
    },
    e_saved: "Saved at {}",
    e_refused: "Not changed: {}",
    e_status: "{}: status is now {} (u undoes)",
    e_done: "Done: {}",
    e_not_done: "Not done: {}",
    e_nothing_to_undo: "Nothing to undo",
    e_nothing_to_redo: "Nothing to redo",
    e_undone: "Undone",
    e_redone: "Redone",
    e_fix_fields: "Fix the marked fields first (Esc cancels)",
    f_year: "a year, e.g. 2031",
    f_end_after_start: "must not be before the start",
    u_none_choice: "(none)",
    set_no_program: "no program with id `{}` in {}",
    set_not_assignment: "`{}` is not FIELD=VALUE, e.g. status=Done",
    set_invalid_result: "the plan would not be valid after this change; nothing was written:",
    f_unknown_field: "unknown field `{}`; valid fields: {}",
    f_bad_value: "`{}` is not a valid {}: {}",
    f_no_such_item: "there is no {} {}; the program has {}",
    f_milestone: "milestone",
    f_target: "target",
    f_required: "{} must not be empty",
    f_required_short: "required",
    f_one_of: "one of {}",
    f_year_in: "a year from {} to {}",
    f_date: "a date as YYYY-MM-DD, e.g. 2023-03-31",
    f_bool: "true or false",
    f_number: "a number, e.g. 12.5",
    f_id_taken: "another program already has this id",
    u_more_below: "more below: j/Down",
    u_dash_cols: ["Prog", "Done", "Run", "Late", "% done", "QW"],
    u_dash_legend: "Prog programs, Run in progress, Late delayed, QW quick wins done/all",
};

pub static ID: Text = Text {
    status: StatusLabels {
        not_started: "Belum dimulai",
        in_progress: "Berjalan",
        done: "Selesai",
        delayed: "Terlambat",
        on_hold: "Ditunda",
        cancelled: "Dibatalkan",
    },
    horizon: HorizonLabels {
        quick_win: "Quick win",
        short: "Jangka pendek",
        medium: "Jangka menengah",
        long: "Jangka panjang",
    },

    error: "galat",
    hint: "saran",
    not_found: "{}: berkas tidak ditemukan",
    not_found_hint: "periksa jalurnya, atau buat rencana baru dengan `pantau init {}`",
    is_directory: "{}: ini folder, bukan berkas masterplan",
    too_large: "{}: ukuran berkas {} MB; pantau hanya membaca rencana hingga {} MB",
    too_large_hint: "ini mungkin bukan berkas masterplan; periksa jalurnya",
    unreadable: "{}: tidak dapat dibaca: {}",
    not_utf8: "{}:{}:{}: berkas bukan teks UTF-8 yang sah",
    not_utf8_hint: "simpan berkas sebagai UTF-8; mungkin ini berkas biner atau memakai pengodean lain",
    empty_file: "{}: berkas kosong",
    empty_file_hint: "isi dengan rencana (lihat docs/FORMAT.md), atau hapus lalu jalankan `pantau init {}`",
    syntax_hint: "lihat docs/FORMAT.md untuk susunan rencana; `pantau init contoh.ron` menulis contoh lengkap",
    unknown_field: "kolom `{}` tidak dikenal di {}",
    unknown_field_hint: "periksa ejaannya; kolom yang sah: {}",
    unknown_value: "nilai `{}` tidak dikenal untuk {}; nilai yang sah: {}",
    missing_field: "{} tidak memiliki kolom `{}`",
    missing_field_hint: "tambahkan `{}: …` (lihat docs/FORMAT.md)",
    duplicate_field: "kolom `{}` muncul dua kali di {}",
    too_deep: "kurung bersarang terlalu dalam",
    wrong_type: "seharusnya {} tetapi ditemukan {}",
    expected_option: "seharusnya `Some(…)` atau `None`: angka opsional ditulis `Some(80.89)`, atau `None` bila belum ada",
    unexpected_end: "berkas berakhir terlalu cepat",
    unexpected_end_hint: "mungkin ada kurung atau tanda kutip yang belum ditutup; berkas mungkin terpotong",
    expected_comma: "seharusnya ada koma",
    unclosed_string: "teks dalam tanda kutip yang dimulai di sini tidak pernah ditutup",
    unexpected_char: "karakter `{}` tidak terduga",
    trailing: "ada teks tak terduga setelah akhir rencana",
    valid_values: "nilai yang sah",
    things: &[
        ("Plan", "rencana"),
        ("Period", "periode"),
        ("Dimension", "dimensi"),
        ("Program", "program"),
        ("Milestone", "tonggak"),
        ("Target", "target"),
        ("Status", "status"),
        ("Horizon", "horizon"),
    ],
    version_newer: "{}: ditulis untuk versi berkas {}; pantau ini membaca versi {}. Perbarui pantau.",
    problems_found: "{}: ditemukan {} masalah:",
    problems_hint: "perbaiki di berkas lalu jalankan `pantau check {}` lagi",
    check_ok: "{}: sah: {} program dalam {} dimensi, {} tonggak, {} target",

    p_version: "versi {}, padahal pantau ini membaca versi {}",
    p_period: "periode berakhir ({}) sebelum dimulai ({})",
    p_empty_title: "rencana tidak berjudul",
    p_dimension_empty_id: "dimensi #{} tidak memiliki id",
    p_dimension_empty_name: "dimensi `{}` tidak memiliki nama",
    p_dimension_duplicate: "id dimensi `{}` dipakai lebih dari sekali",
    p_empty_id: "program #{} tidak memiliki id",
    p_duplicate_id: "id ini dipakai oleh lebih dari satu program",
    p_empty_name: "nama kosong",
    p_unknown_dimension: "dimensi `{}` tidak ada; yang ada: {}",
    p_unknown_element: "elemen `{}` bukan elemen `{}`: {}",
    p_end_before_start: "tahun akhir {} sebelum tahun mulai {}",
    p_year_outside: "{} {} di luar periode rencana {}–{}",
    p_milestone_title: "tonggak {} tidak berjudul",
    p_milestone_date: "tonggak {}: `{}` bukan tanggal; tulis TTTT-BB-HH, mis. 2023-03-31",
    p_target_year: "target {}: tahun {} di luar periode rencana {}–{}",
    p_target_indicator: "target {} tidak memiliki indikator",
    p_target_number: "target {}: {} bukan bilangan hingga",
    p_string_too_long: "{} panjangnya {} karakter; paling banyak {}",

    save_failed: "{}: gagal menyimpan: {}",
    created_default: "pantau: belum ada rencana, jadi {} dibuat dari contoh Luwu Utara bawaan",
    init_exists: "{}: sudah ada; pantau init tidak pernah menimpa berkas",
    init_exists_hint: "pilih nama berkas lain, atau hapus berkas ini dahulu",
    init_done: "contoh rencana ditulis ke {}",
    bad_width: "--width paling sedikit {}",
    unknown_dimension_flag: "dimensi `{}` tidak ada; rencana ini memiliki: {}",
    ui_needs_terminal: "antarmuka pantau memerlukan terminal; gunakan `pantau summary` untuk teks biasa",
    file_before_command: "tulis berkas setelah perintah, mis. `pantau check {}`",
    e_stdout: "gagal menulis ke keluaran standar: {}",
    no_home: "folder rumah tidak ditemukan untuk rencana bawaan; sebutkan FILE atau atur PANTAU_FILE",

    s_period: "Periode",
    s_as_of: "per",
    s_dimension: "Dimensi",
    s_programs: "Prog",
    s_done: "Selesai",
    s_in_progress: "Berjalan",
    s_delayed: "Terlambat",
    s_percent_done: "% selesai",
    s_quick_wins: "Quick win",
    s_total: "Total",
    s_overdue: "Tonggak terlambat",
    s_due_soon: "Jatuh tempo {} hari ke depan",
    s_targets_year: "Target tahun {}",
    s_none: "tidak ada",
    s_days_late: "telat {} hr",
    s_in_days: "{} hr lagi",
    s_today: "hari ini",
    s_actual: "realisasi",

    view_names: ["Dasbor", "Dimensi", "Linimasa"],
    horizon_short: HorizonLabels {
        quick_win: "Quick win",
        short: "Pendek",
        medium: "Menengah",
        long: "Panjang",
    },
    u_too_small: "Terminal terlalu kecil: {}×{} (pantau perlu {}×{})",
    u_lead: "OPD",
    u_id: "ID",
    u_program: "Program",
    u_horizon: "Horizon",
    u_status: "Status",
    u_milestones_short: "Tgk",
    u_dimensions: "Dimensi",
    u_element: "Elemen",
    u_support: "OPD pendukung",
    u_funding: "Sumber dana",
    u_years: "Tahun",
    u_description: "Deskripsi",
    u_milestones: "Tonggak",
    u_targets: "Target",
    u_notes: "Catatan",
    u_due_soon: "Jatuh tempo {} hari",
    u_days: "{}hr",
    u_filter: "Saring",
    u_filter_keys: "Enter simpan, Esc hapus",
    u_no_match: "Tidak ada program yang cocok",
    u_nothing: "Tidak ada",
    u_help_title: "Tombol",
    u_programs_count: "{} program",
    u_overdue_count: "{} terlambat",
    u_legend: ["tahun", "tonggak", "selesai", "target", "hari ini"],
    u_next_due: "berikutnya",
    p_period_range: "periode {}–{} tidak wajar: tahun harus di antara {}–{} dan paling panjang {} tahun",
    e_printed: "Laporan ditulis ke {}",
    e_no_free_name: "semua nama laporan untuk hari ini sudah terpakai; pindahkan sebagian laporan",
    q_print_format: "Tulis laporan tampilan ini sebagai:  t teks   m Markdown   c CSV   j JSON   (Esc batal)",
    u_recent_changes: "Perubahan terakhir",
    e_saved_merged: "Tersimpan pukul {}, digabung dengan perubahan petugas lain (u membatalkan penggabungan)",
    e_reloaded: "Dimuat ulang: berkas diubah orang lain",
    e_changed_on_disk: "Berkas berubah di disk; perubahan Anda akan digabung saat menyimpan",
    e_recovered: "Perubahan yang dipulihkan dikembalikan (belum disimpan: Ctrl-S menyimpan)",
    e_not_saved: "Tidak disimpan",
    q_conflict: "{} dari {}: petugas lain juga mengubah {} pada {}.\n  milik saya:   {}\n  milik mereka: {}\nm: pakai milik saya   t: pakai milik mereka   Esc: jangan simpan",
    q_recover: "Pulihkan perubahan yang belum disimpan (disimpan sementara pukul {}) saat pantau terakhir berhenti?  r: pulihkan  d: buang",
    kept_for_recovery: "pantau: perubahan yang belum disimpan disimpan di {}; buka rencana lagi untuk memulihkannya",
    log_empty: "belum ada perubahan yang tercatat",
    set_conflicts: "petugas lain mengubah kolom yang sama sejak perintah ini membaca berkas; tidak ada yang ditulis (jalankan lagi untuk menerapkan perubahan Anda di atasnya):",
    set_conflict: "{} {}: milik mereka `{}`, milik Anda `{}`",
    q_title: "pantau",
    q_save_changes: "Simpan perubahan sebelum keluar?  y: simpan lalu keluar;  n/t: keluar tanpa menyimpan;  Esc: lanjut bekerja",
    q_delete_program: "Hapus program {} beserta tonggak dan targetnya?",
    q_delete_milestone: "Hapus tonggak \"{}\"?",
    q_delete_target: "Hapus target \"{}\"?",
    q_yes_no: "y: ya;  n/t: tidak",
    t_new_program: "Program baru",
    t_edit_program: "Ubah program {}",
    t_new_milestone: "Tonggak baru",
    t_edit_milestone: "Ubah tonggak",
    t_new_target: "Target baru",
    t_edit_target: "Ubah target",
    t_edit_dimension: "Ubah dimensi {}",
    t_edit_plan: "Ubah rencana",
    t_form_keys: "Enter terima, Tab kolom berikut, Spasi atau Kiri/Kanan pilih, Esc batal",
    u_saved_at: "disimpan {}",
    fields: FieldLabels {
        name: "Nama",
        id: "Id",
        description: "Deskripsi",
        dimension: "Dimensi",
        element: "Elemen",
        horizon: "Horizon",
        lead: "OPD pengampu",
        support: "OPD pendukung",
        funding: "Sumber dana",
        start: "Tahun mulai",
        end: "Tahun akhir",
        status: "Status",
        notes: "Catatan",
        title: "Judul",
        due: "Tenggat",
        done: "Selesai",
        year: "Tahun",
        indicator: "Indikator",
        unit: "Satuan",
        baseline: "Baseline",
        target: "Target",
        actual: "Realisasi",
        region: "Wilayah",
        vision: "Visi",
        period_start: "Periode dari",
        period_end: "Periode sampai",
        elements: "Elemen",
    },
    e_saved: "Tersimpan pukul {}",
    e_refused: "Tidak diubah: {}",
    e_status: "{}: status kini {} (u membatalkan)",
    e_done: "Selesai: {}",
    e_not_done: "Belum selesai: {}",
    e_nothing_to_undo: "Tidak ada yang bisa dibatalkan",
    e_nothing_to_redo: "Tidak ada yang bisa diulangi",
    e_undone: "Dibatalkan",
    e_redone: "Diulangi",
    e_fix_fields: "Perbaiki kolom yang ditandai dulu (Esc membatalkan)",
    f_year: "tahun, mis. 2031",
    f_end_after_start: "tidak boleh sebelum tahun mulai",
    u_none_choice: "(tidak ada)",
    set_no_program: "tidak ada program dengan id `{}` di {}",
    set_not_assignment: "`{}` bukan KOLOM=NILAI, mis. status=Done",
    set_invalid_result: "rencana tidak akan sah setelah perubahan ini; tidak ada yang ditulis:",
    f_unknown_field: "kolom `{}` tidak dikenal; kolom yang sah: {}",
    f_bad_value: "`{}` bukan nilai {} yang sah: {}",
    f_no_such_item: "tidak ada {} nomor {}; program ini memiliki {}",
    f_milestone: "tonggak",
    f_target: "target",
    f_required: "{} tidak boleh kosong",
    f_required_short: "wajib diisi",
    f_one_of: "salah satu dari {}",
    f_year_in: "tahun {} sampai {}",
    f_date: "tanggal TTTT-BB-HH, mis. 2023-03-31",
    f_bool: "true atau false",
    f_number: "angka, mis. 12,5",
    f_id_taken: "id ini sudah dipakai program lain",
    u_more_below: "masih ada di bawah: j/Down",
    u_dash_cols: ["Prog", "Selesai", "Jalan", "Telat", "% selesai", "QW"],
    u_dash_legend: "Prog program, Jalan berjalan, Telat terlambat, QW quick win selesai/semua",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn indonesian_locale_selects_indonesian() {
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "id_ID.UTF-8")])),
            Lang::Id
        );
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::detect(None, env(&[])), Lang::En);
        assert_eq!(
            Lang::detect(None, env(&[("LC_ALL", "id_ID"), ("LANG", "en_US")])),
            Lang::Id
        );
        assert_eq!(
            Lang::detect(Some(Lang::En), env(&[("LC_ALL", "id_ID")])),
            Lang::En
        );
    }

    #[test]
    fn fill_places_values_in_order() {
        assert_eq!(fill("{}:{}: {}", &[&"a.ron", &3, &"x"]), "a.ron:3: x");
        assert_eq!(fill("no args", &[]), "no args");
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        // A translation that drops or adds a `{}` would print the wrong value.
        let count = |s: &str| s.matches("{}").count();
        macro_rules! same {
            ($($f:ident),*) => {$(
                assert_eq!(count(EN.$f), count(ID.$f), stringify!($f));
            )*};
        }
        same!(
            f_unknown_field,
            f_bad_value,
            f_no_such_item,
            f_required,
            f_one_of,
            f_year_in,
            not_found,
            not_found_hint,
            is_directory,
            too_large,
            unreadable,
            not_utf8,
            empty_file,
            empty_file_hint,
            unknown_field,
            unknown_field_hint,
            unknown_value,
            missing_field,
            missing_field_hint,
            duplicate_field,
            wrong_type,
            unexpected_char,
            version_newer,
            problems_found,
            problems_hint,
            check_ok,
            p_version,
            p_period,
            p_dimension_empty_id,
            p_dimension_empty_name,
            p_dimension_duplicate,
            p_empty_id,
            p_unknown_dimension,
            p_unknown_element,
            p_end_before_start,
            p_year_outside,
            p_milestone_title,
            p_milestone_date,
            p_target_year,
            p_target_indicator,
            p_target_number,
            p_string_too_long,
            save_failed,
            created_default,
            init_exists,
            init_done,
            bad_width,
            unknown_dimension_flag,
            s_due_soon,
            s_targets_year,
            s_days_late,
            s_in_days
        );
    }
}
