//! Every string a person reads in a report (`pantau report`), in English and
//! Indonesian. Status and horizon names come from [`super::Text`], so paper and
//! screen use the same words; the overview is the summary and uses its strings.
//!
//! The words themselves are in `en.rs` and `id.rs`.

pub struct ReportText {
    // Report titles.
    pub title_dimension: &'static str,
    pub title_program: &'static str,
    pub title_timeline: &'static str,
    pub title_overdue: &'static str,
    pub title_upcoming: &'static str,
    pub title_targets: &'static str,
    /// `pantau rollup`: `{0}` regions, `{1}` programmes, `{2}` today.
    pub ro_title: &'static str,
    pub ro_region: &'static str,
    pub ro_code: &'static str,
    pub ro_programs: &'static str,
    /// Quick wins done of all, e.g. `3/5`.
    pub ro_quick_wins: &'static str,
    pub ro_late: &'static str,
    pub ro_file: &'static str,
    pub ro_behind: &'static str,
    /// `{0}` region, `{1}` done, `{2}` quick wins, `{3}` percent.
    pub ro_behind_line: &'static str,
    pub ro_failed: &'static str,
    /// Mean achievement of the year's measured targets.
    pub ro_achievement: &'static str,
    /// The estimated smart-city index.
    pub ro_index: &'static str,
    /// All quick wins (CSV of the regions behind).
    pub ro_quick_wins_all: &'static str,
    pub ro_overdue: &'static str,
    /// `{0}` how many more overdue milestones.
    pub ro_more: &'static str,
    pub ro_error: &'static str,

    // The header and filters.
    pub period: &'static str,
    pub as_of: &'static str,
    pub filter: &'static str,
    pub none: &'static str,
    pub no_programs: &'static str,

    // Column and field labels (also the CSV header row).
    pub dimension: &'static str,
    pub id: &'static str,
    pub program: &'static str,
    pub programs: &'static str,
    pub element: &'static str,
    pub horizon: &'static str,
    pub status: &'static str,
    pub lead: &'static str,
    pub support: &'static str,
    pub funding: &'static str,
    pub years: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub description: &'static str,
    /// The official tables' last column (Keterangan): what a row's figures
    /// do not say, never filler.
    pub remarks: &'static str,
    /// The official print's row number column.
    pub number: &'static str,
    /// A programme's remark: "{0} milestones overdue (longest {1} days)".
    pub remark_overdue: &'static str,
    /// The same of a programme with one overdue milestone: "{0}" days.
    pub remark_overdue_one: &'static str,
    /// A programme's remark: "next due {0}".
    pub remark_next: &'static str,
    pub milestones: &'static str,
    pub milestones_done: &'static str,
    pub steps: &'static str,
    pub overdue: &'static str,
    pub next_due: &'static str,
    pub targets: &'static str,
    pub due: &'static str,
    pub milestone: &'static str,
    pub done: &'static str,
    pub days_late: &'static str,
    pub days_left: &'static str,
    pub year: &'static str,
    pub indicator: &'static str,
    pub unit: &'static str,
    pub baseline: &'static str,
    pub target: &'static str,
    pub actual: &'static str,
    /// Before the actual value in a line of text: "actual 150".
    pub actual_inline: &'static str,
    pub achievement: &'static str,
    pub band: &'static str,
    pub value: &'static str,
    pub field: &'static str,

    // Overview tables (Markdown).
    pub in_progress: &'static str,
    pub delayed: &'static str,
    pub percent_done: &'static str,
    pub percent_running: &'static str,
    pub quick_wins: &'static str,
    pub total: &'static str,
    pub targets_year: &'static str,

    // Phrases.
    /// programs, done, in progress, delayed, % done, quick wins done, quick wins
    pub tally: &'static str,
    pub late: &'static str,
    pub in_days: &'static str,
    pub today: &'static str,
    pub milestones_count: &'static str,
    pub targets_count: &'static str,

    /// A target whose year passed without an actual value.
    pub no_data: &'static str,
    /// After the band of a target that was not reached: "Very good · missed".
    pub missed: &'static str,
    /// Achievement bands as LKjIP names them: above 90 %, 76–90 %,
    /// 66–75 %, 51–65 %, 50 % and less.
    pub bands: BandWords,
    /// The same bands as the RKPD evaluation names them.
    pub bands_rkpd: BandWords,

    // The timeline's legend.
    pub legend_years: &'static str,
    pub legend_milestone: &'static str,
    pub legend_done: &'static str,
    pub legend_overdue: &'static str,
    pub legend_target: &'static str,
    pub legend_today: &'static str,

    // Errors (all are exit 2, invalid input).
    pub e_width: &'static str,
    pub e_pages: &'static str,
    pub e_sep: &'static str,
    pub e_unknown_dimension: &'static str,
    pub e_unknown_program: &'static str,
    pub e_unknown_program_near: &'static str,
    pub e_needs_program: &'static str,
    pub e_status: &'static str,
    pub e_horizon: &'static str,
    pub e_output_is_plan: &'static str,
    /// `{0}` plans not loaded of `{1}` found; each follows on a line.
    pub e_not_all_loaded: &'static str,
    pub e_output_exists: &'static str,
    pub e_output_refused: &'static str,

    // The printable (HTML) report.
    /// January to December, for a date written out: "2 Desember 2026".
    pub months: [&'static str; 12],
    /// The letterhead's first line; `{0}`: the plan's region.
    pub kop_government: &'static str,
    /// In every page's bottom margin: `{0}` this page, `{1}` the pages.
    pub page_of: &'static str,
    /// Before the signer's civil-servant number (Nomor Induk Pegawai).
    pub nip: &'static str,
    /// `{0}`: the logo file; `{1}`: why it could not be read.
    pub e_logo_read: &'static str,
    /// `{0}`: the logo file, which is not a PNG, JPEG or SVG image.
    pub e_logo_type: &'static str,
    /// `{0}`: the logo, a folder, FIFO or device.
    pub e_logo_not_file: &'static str,
    /// `{0}`: the logo, `{1}`: its size in MB, `{2}`: the most allowed in MB.
    pub e_logo_size: &'static str,
    /// `{0}`: why.
    pub e_xlsx: &'static str,
}

/// The achievement bands by name, so reordering `Band` can never shift a word.
pub struct BandWords {
    pub very_good: &'static str,
    pub good: &'static str,
    pub fair: &'static str,
    pub poor: &'static str,
    pub very_poor: &'static str,
}
