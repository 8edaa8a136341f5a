//! Follow-ups (tindak lanjut) in words: their fields, statuses and sources,
//! their problems, the follow-up report and the late ones beside late
//! milestones; and the chat message (`--format whatsapp`) they are sent in.
//!
//! The words themselves are in `en.rs` and `id.rs` (`FOLLOWUPS`).

use super::{Lang, Text, fill};
use crate::plan::followup::{FollowUpStatus, Source};
use crate::plan::schema::FollowUpField;
use crate::plan::validate::FollowUpProblem;
use crate::text::escape;

pub struct FollowUpText {
    /// One follow-up in a sentence: "follow-up", "tindak lanjut".
    pub item: &'static str,
    /// `{0}` the number: "follow-up 2" in the audit log.
    pub numbered: &'static str,
    /// The list: "follow-ups".
    pub list: &'static str,
    /// In a merge question: `{0}` the programme (or the plan), `{1}` the number, `{2}` the id.
    pub in_merge: &'static str,
    /// The owner of a follow-up about no one programme.
    pub of_plan: &'static str,
    pub order: &'static str,
    pub labels: FollowUpLabels,
    pub open: &'static str,
    pub in_progress: &'static str,
    pub done: &'static str,
    pub dropped: &'static str,
    /// The statuses in a narrow text column, in the same order.
    pub short: [&'static str; 4],
    pub meeting: &'static str,
    pub letter: &'static str,
    // What a field takes.
    pub printable: &'static str,
    /// `{0}`: the line that does not start with a date.
    pub dated_lines: &'static str,
    pub free_id: &'static str,
    // Problems: `{0}` the follow-up's number in its list, `{1}` its id.
    pub p_no_id: &'static str,
    /// `{1}`: the id used twice.
    pub p_duplicate: &'static str,
    pub p_no_what: &'static str,
    /// `{2}`: the field's label.
    pub p_empty_name: &'static str,
    /// `{2}` the field's label, `{3}` the value escaped.
    pub p_control: &'static str,
    /// `{2}` the field's label, `{3}` the value as written.
    pub p_date: &'static str,
    /// `{2}` the deadline, `{3}` the date it may not precede.
    pub p_before: &'static str,
    pub p_no_reason: &'static str,
    // The follow-up report.
    pub title: &'static str,
    /// `{0}`: the agency it is narrowed to.
    pub title_agency: &'static str,
    pub col_no: &'static str,
    pub col_remarks: &'static str,
    pub col_what: &'static str,
    pub col_source: &'static str,
    pub col_pic: &'static str,
    pub col_agency: &'static str,
    pub col_deadline: &'static str,
    pub col_status: &'static str,
    pub col_late: &'static str,
    pub col_program: &'static str,
    /// `{0}` late, `{1}` open (not closed), `{2}` all.
    pub tally: &'static str,
    pub none: &'static str,
    /// The "late" cell and the summary's lines: `{0}` days.
    pub late_days: &'static str,
    /// The Keterangan cell: `{0}` the last progress note's date, `{1}` the note.
    pub last_note: &'static str,
    /// The Keterangan of a dropped one: `{0}` the reason.
    pub dropped_because: &'static str,
    /// Of a done one: `{0}` the evidence.
    pub closed_by: &'static str,
    /// A source in a cell: `{0}` the meeting's title or letter's number, `{1}` its date.
    pub source_dated: &'static str,
    // The summary and the dashboard.
    /// `{0}`: how many follow-ups are late.
    pub late_heading: &'static str,
    /// One late follow-up: `{0}` id, `{1}` what, `{2}` PIC, `{3}` agency, `{4}` deadline, `{5}` days.
    pub late_line: &'static str,
    /// A chat message's list cut to fit a phone's screen: `{0}` how many more.
    pub chat_more: &'static str,
}

pub struct FollowUpLabels {
    pub id: &'static str,
    pub what: &'static str,
    pub source: &'static str,
    pub reference: &'static str,
    pub source_date: &'static str,
    pub created: &'static str,
    pub pic: &'static str,
    pub agency: &'static str,
    pub deadline: &'static str,
    pub status: &'static str,
    pub reason: &'static str,
    pub evidence: &'static str,
    pub progress: &'static str,
}

impl FollowUpStatus {
    pub fn word(self, lang: Lang) -> &'static str {
        let w = lang.followups();
        match self {
            FollowUpStatus::Open => w.open,
            FollowUpStatus::InProgress => w.in_progress,
            FollowUpStatus::Done => w.done,
            FollowUpStatus::Dropped => w.dropped,
        }
    }
}

impl FollowUpStatus {
    /// The status in a narrow column: "Proses" for "Dalam proses".
    pub fn short_word(self, lang: Lang) -> &'static str {
        let [open, in_progress, done, dropped] = lang.followups().short;
        match self {
            FollowUpStatus::Open => open,
            FollowUpStatus::InProgress => in_progress,
            FollowUpStatus::Done => done,
            FollowUpStatus::Dropped => dropped,
        }
    }
}

impl Source {
    pub fn word(self, lang: Lang) -> &'static str {
        let w = lang.followups();
        match self {
            Source::Meeting => w.meeting,
            Source::Letter => w.letter,
        }
    }
}

impl FollowUpField {
    pub fn label(self, lang: Lang) -> &'static str {
        let l = &lang.followups().labels;
        match self {
            FollowUpField::Id => l.id,
            FollowUpField::What => l.what,
            FollowUpField::Source => l.source,
            FollowUpField::Reference => l.reference,
            FollowUpField::SourceDate => l.source_date,
            FollowUpField::Created => l.created,
            FollowUpField::Pic => l.pic,
            FollowUpField::Agency => l.agency,
            FollowUpField::Deadline => l.deadline,
            FollowUpField::Status => l.status,
            FollowUpField::Reason => l.reason,
            FollowUpField::Evidence => l.evidence,
            FollowUpField::Progress => l.progress,
        }
    }
}

impl FollowUpText {
    /// "3 days late", "terlambat 3 hari".
    pub fn late(&self, days: i64) -> String {
        fill(self.late_days, &[&days])
    }
}

impl Text {
    /// A follow-up's problem in a sentence, its values escaped.
    pub fn followup_problem(&self, number: usize, id: &str, problem: &FollowUpProblem) -> String {
        let f = self.lang.followups();
        let id = escape(id);
        let at = |template: &str, more: &[&dyn std::fmt::Display]| {
            let mut args: Vec<&dyn std::fmt::Display> = vec![&number, &id];
            args.extend_from_slice(more);
            fill(template, &args)
        };
        let label = |field: FollowUpField| field.label(self.lang).to_lowercase();
        match problem {
            FollowUpProblem::NoId => fill(f.p_no_id, &[&number]),
            FollowUpProblem::Duplicate => at(f.p_duplicate, &[]),
            FollowUpProblem::NoWhat => at(f.p_no_what, &[]),
            FollowUpProblem::Empty(field) => at(f.p_empty_name, &[&label(*field)]),
            FollowUpProblem::Control(field, value) => {
                at(f.p_control, &[&label(*field), &escape(value)])
            }
            FollowUpProblem::Date(field, value) => at(f.p_date, &[&label(*field), &escape(value)]),
            FollowUpProblem::DeadlineBefore { deadline, set } => at(
                f.p_before,
                &[
                    &super::format::date(*deadline, self.lang),
                    &super::format::date(*set, self.lang),
                ],
            ),
            FollowUpProblem::NoReason => at(f.p_no_reason, &[]),
        }
    }
}
