//! Spreadsheets: the worksheets pantau writes and `pantau import` reads.

/// Spreadsheet tables and `pantau import`.
pub struct Sheets {
    // Worksheet names (at most 31 characters).
    pub plan: &'static str,
    pub programmes: &'static str,
    pub milestones: &'static str,
    pub targets: &'static str,
    pub budget: &'static str,
    pub evidence: &'static str,
    pub dimensions: &'static str,
    pub weights: &'static str,
    pub scores: &'static str,
    pub results: &'static str,
    pub survey: &'static str,
    pub periods: &'static str,
    pub budget_changes: &'static str,
    pub subactivities: &'static str,
    /// The survey sheet's figure.
    pub survey_result: &'static str,
    /// The plan sheet's first column.
    pub field: &'static str,
    /// A done milestone in a CSV cell, and an open one.
    pub yes: &'static str,
    pub no: &'static str,
    /// Where a problem is: `{0}` a worksheet, `{0}` a row, `{0}` a column's
    /// letter and `{1}` its header.
    pub at_sheet: &'static str,
    pub at_row: &'static str,
    pub at_column: &'static str,
    pub skipped_sheet: &'static str,
    pub skipped_column: &'static str,
    pub nothing: &'static str,
    pub empty: &'static str,
    pub partial_report: &'static str,
    pub unknown_table: &'static str,
    /// `{0}`: the letter of the column with the same header.
    pub twice: &'static str,
    /// `{0}`: the column's header.
    pub missing_column: &'static str,
    /// `{0}` what was given, `{1}` the plan's fields.
    pub unknown_field: &'static str,
    pub no_id: &'static str,
    /// `{0}` the id, `{1}` the row it first appears on.
    pub program_twice: &'static str,
    /// `{0}` what the row names (a year, an aspect, a dimension's id), `{1}`
    /// the row it first appears on.
    pub row_twice: &'static str,
    /// `{0}`: the aspects without a weight.
    pub weights_partial: &'static str,
    /// `{0}`: the column a new programme needs.
    pub new_needs: &'static str,
    /// `{0}` the id, `{1}` [`Sheets::near`] or nothing.
    pub no_program: &'static str,
    /// `{0}`: the nearest id.
    pub near: &'static str,
    /// `{0}` file, `{1}` the row a quoted cell starts on.
    pub unclosed_quote: &'static str,
    /// `{0}` file, `{1}` why.
    pub unreadable: &'static str,
    /// `{0}`: file.
    pub not_utf8: &'static str,
    // A workbook refused before it is read whole (import::bounds): `{0}` the
    // file (and sheet), then the bound: `{1}` parts; `{1}` the part, `{2}`
    // MB; `{1}` cells; `{1}` MB.
    pub too_many_parts: &'static str,
    pub too_unpacked: &'static str,
    pub too_many_cells: &'static str,
    pub too_much_text: &'static str,
    /// `import --dry-run`: `{0}` the programme, `{1}` the milestone's title;
    /// `{0}` the programme, `{1}` the target's year, `{2}` its indicator.
    pub would_remove_milestone: &'static str,
    pub would_remove_target: &'static str,
    /// `{0}` the programme, `{1}` the year; `{0}` the programme, `{1}` the
    /// document; `{0}` the dimension's id; `{0}` the year, `{1}` the aspect;
    /// `{0}` the year (a result, a survey); the weights.
    pub would_remove_budget: &'static str,
    pub would_remove_evidence: &'static str,
    pub would_remove_dimension: &'static str,
    pub would_remove_score: &'static str,
    pub would_remove_result: &'static str,
    pub would_remove_survey: &'static str,
    pub would_remove_weights: &'static str,
    /// `{0}` the programme, then `{1}` the period (`2026 TW3`), the budget
    /// change (`2026 2026-08-15`), the sub-activity's code.
    pub would_remove_period: &'static str,
    pub would_remove_budget_change: &'static str,
    pub would_remove_subactivity: &'static str,
    // A monitoring workbook (SIPD, WP-SIPD): `{0}` what was typed.
    /// `{0}`: the file.
    pub sipd_needs_into: &'static str,
    pub sipd_no_year: &'static str,
    pub sipd_no_period: &'static str,
    pub sipd_code_shape: &'static str,
    pub sipd_rupiah: &'static str,
    pub sipd_year: &'static str,
    pub sipd_month: &'static str,
    pub sipd_quarter: &'static str,
    pub sipd_percent: &'static str,
    /// `{0}` the code, `{1}` its name in the sheet.
    pub sipd_unmatched: &'static str,
    /// `{0}` the code, `{1}` the programmes that list it.
    pub sipd_several: &'static str,
    /// `{0}` the programme, `{1}` the code.
    pub sipd_not_listed: &'static str,
    /// `{0}` the programme, `{1}` the period, `{2}` the figure to date,
    /// `{3}` what the plan has before the period.
    pub sipd_down: &'static str,
    /// `{0}`: how many.
    pub sipd_headings: &'static str,
    /// `{0}`: the columns.
    pub sipd_skipped: &'static str,
    /// `{0}` the plan, `{1}` rows matched, `{2}` programmes, `{3}` rows matching none.
    pub sipd_done: &'static str,
    /// `pantau help import`: the monitoring workbook's columns follow, each
    /// with what it holds.
    pub sipd_help_intro: &'static str,
    pub sipd_help_columns: [&'static str; 13],
    pub sipd_help_rules: &'static str,
    /// `{0}` the plan's MB as written, `{1}` the most pantau opens.
    pub result_too_large: &'static str,
    /// `{0}`: file.
    pub not_a_sheet: &'static str,
    pub nothing_written: &'static str,
    /// `{0}` file, `{1}` added, `{2}` changed, `{3}` kept as they were, `{4}` not listed.
    pub done: &'static str,
    /// `{0}`: the plan.
    pub unchanged: &'static str,
    /// `{0}`: the new plan's file.
    pub created: &'static str,
    pub binary_to_terminal: &'static str,
    /// `pantau help import`: the columns of each table follow.
    pub help_intro: &'static str,
    pub help_figures: &'static str,
    /// Before the plan sheet's field names.
    pub help_fields: &'static str,
    pub help_rules: &'static str,
}

/// Indonesian sheet names and column headings pantau 0.2 wrote, each with
/// the word officers use that replaced it (../shared/domain.md,
/// "Vocabulary"), so that a workbook exported then still imports.
pub const FORMER_HEADINGS: [(&str, &str); 10] = [
    ("Tonggak", "Tahapan"),
    ("Elemen", "Subdimensi"),
    ("Tenggat", "Batas waktu"),
    ("Jatuh tempo", "Batas waktu"),
    ("Baseline", "Kondisi awal"),
    ("Horizon", "Jangka"),
    ("Hari telat", "Hari terlambat"),
    // The programmes sheet's count of overdue milestones, until issue 21:
    // "Terlambat" is a programme's status.
    ("Terlambat", "Tahapan lewat batas waktu"),
    ("Overdue", "Overdue milestones"),
    // The lead agency's column, until issue 21 gave it one name in every
    // table, form and sheet ("Lead" is the data file's key and reads as is).
    ("OPD", "OPD penanggung jawab"),
];
