//! The summary (`pantau summary`, the overview report).

/// The summary (`pantau summary`, the overview report).
pub struct Summary {
    pub s_period: &'static str,
    pub s_as_of: &'static str,
    pub s_dimension: &'static str,
    pub s_programs: &'static str,
    pub s_done: &'static str,
    pub s_in_progress: &'static str,
    pub s_delayed: &'static str,
    pub s_percent_done: &'static str,
    pub s_percent_running: &'static str,
    /// The table's headings where the full ones leave a dimension's name
    /// no room (a 60-column page): programmes, done, in progress, delayed,
    /// % done, quick wins; [`Summary::s_short_legend`] says what they are.
    pub s_short: [&'static str; 6],
    /// The line under a table headed by [`Summary::s_short`].
    pub s_short_legend: &'static str,
    /// `{0}` programmes under way or delivered of `{1}`, `{2}` their share.
    pub s_running: &'static str,
    /// The year's spending `{1}` of its allocation `{2}` in rupiah words,
    /// `{0}` the fiscal year.
    pub s_spent: &'static str,
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
}

/// "Spent in 2026: Rp 11.81 billion of an allocation of Rp 17.95 billion":
/// the amounts behind the absorption, as the regent hears them (rupiah in
/// words, [`super::format::rupiah_words`]), when the year has any.
pub fn spent_line(lang: super::Lang, tally: &crate::plan::progress::Tally) -> Option<String> {
    let words = |a: u128| super::format::rupiah_words(a as f64, lang);
    (tally.allocated > 0).then(|| {
        super::fill(
            lang.text().summary.s_spent,
            &[&tally.year, &words(tally.spent), &words(tally.allocated)],
        )
    })
}
