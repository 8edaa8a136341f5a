//! The vice-regent's three questions (use, quality, impact) as the summary,
//! the dashboard, the drill-down and a target's line word them.

pub struct QuestionsText {
    /// The summary's section.
    pub title: &'static str,
    /// `{0}`: the year whose targets are measured, `{1}` the "none" glyph.
    pub intro: &'static str,
    /// Use, quality, impact as a column names them, in `Measure::QUESTIONS`' order.
    pub columns: [&'static str; 3],
    /// One letter each, for the dashboard's counts and the drill-down's
    /// marks of which a programme answers.
    pub letters: [&'static str; 3],
    /// The dashboard's legend of `letters`.
    pub legend: &'static str,
    /// `{0}` the question, `{1}` programmes with an indicator of it, `{2}` the
    /// programmes asked, `{3}` targets measured, `{4}` targets of the year,
    /// `{5}` the year, `{6}` reached, `{7}` the mean capaian and its band.
    pub standing: &'static str,
    /// `{0}` the question, `{1}` and `{2}` as in `standing`, `{3}` the year.
    pub standing_unmeasured: &'static str,
    /// `{0}` the question.
    pub standing_none: &'static str,
    /// `{0}`: how many.
    pub unanswered: &'static str,
    pub without: &'static str,
    pub all_answered: &'static str,
    /// A target's line: `{0}` what it measures ("use").
    pub about: &'static str,
}
