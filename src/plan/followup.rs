//! Follow-ups (tindak lanjut): what a meeting or a letter asked of whom by when, and how far it got.
//!
//! A coordination meeting (rakor) ends in decisions with a person in charge
//! (PIC), an agency and a deadline; the ministry's evaluation letter and the
//! regent's instructions end in recommendations of the same shape. Each is
//! one item with an id of its own (stable across a merge, as a programme's),
//! kept under the programme it is about or under the plan when it is about
//! no one programme. Dates are kept as written, as a milestone's, so that a
//! malformed one is reported by validation with every other problem.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// `TL-01`: unique among its programme's (or the plan's) follow-ups.
    pub id: String,
    /// What is to be done.
    pub what: String,
    /// Where it came from: a meeting or a letter.
    #[serde(default)]
    pub source: Source,
    /// The meeting's title ("Rakor Smart City Triwulan III") or the letter's
    /// number ("000.5/1234/Bangda").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// The meeting's or the letter's date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_date: String,
    /// When the follow-up was recorded, `YYYY-MM-DD`; the deadline may not
    /// lie before it (nor before the source's date).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created: String,
    /// The person in charge (penanggung jawab).
    #[serde(default)]
    pub pic: String,
    /// The agency (OPD) that carries it out.
    #[serde(default)]
    pub agency: String,
    /// The deadline (batas waktu), `YYYY-MM-DD`.
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub status: FollowUpStatus,
    /// Why it was dropped; a dropped follow-up must say.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// What closes it: a document's name, path or URL.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// Short dated notes of how it went, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<Progress>,
}

/// Where a follow-up came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    /// A meeting (rakor, rapat evaluasi): its title and date.
    #[default]
    Meeting,
    /// A letter (the ministry's evaluation letter, the regent's
    /// instruction): its number and date.
    Letter,
}

impl Source {
    pub const ALL: [Source; 2] = [Self::Meeting, Self::Letter];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Meeting => "Meeting",
            Self::Letter => "Letter",
        }
    }
}

/// How far a follow-up is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum FollowUpStatus {
    #[default]
    Open,
    InProgress,
    Done,
    /// No longer to be done; the follow-up's `reason` says why.
    Dropped,
}

impl FollowUpStatus {
    pub const ALL: [FollowUpStatus; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Dropped];

    /// The name used in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::InProgress => "InProgress",
            Self::Done => "Done",
            Self::Dropped => "Dropped",
        }
    }

    /// Done or dropped: no longer anyone's to chase.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Done | Self::Dropped)
    }
}

/// One short dated note of how a follow-up went.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub note: String,
}

/// The progress notes as one text, a note a line: `2026-11-03 Draf Perbup
/// dikirim ke Bagian Hukum`; what `pantau set`, a form and a merge's
/// question show, and what [`read_progress`] reads back.
pub fn progress_text(notes: &[Progress]) -> String {
    notes
        .iter()
        .map(|n| format!("{} {}", n.date, n.note))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Notes from their text, a note a line, each line a date then the note
/// (`:` or `-` after the date allowed); blank lines are skipped. `date`
/// reads a date as an officer types it, ISO for the file. `Err` with the
/// first line whose start is not a date.
pub fn read_progress(
    text: &str,
    date: impl Fn(&str) -> Option<String>,
) -> Result<Vec<Progress>, String> {
    let mut notes = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (day, note) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let day = day.trim_end_matches(':');
        let note = note.trim().trim_start_matches(['-', ':']).trim();
        match date(day) {
            Some(iso) if !note.is_empty() => notes.push(Progress {
                date: iso,
                note: note.to_string(),
            }),
            _ => return Err(line.to_string()),
        }
    }
    Ok(notes)
}

/// The id a new follow-up gets among `items`: `TL-` and the lowest free
/// number, two digits at least (`TL-01`, `TL-02` …).
pub fn next_id(items: &[FollowUp]) -> String {
    next_id_where(|id| items.iter().any(|f| f.id == id))
}

/// The lowest free `TL-NN` by `taken`.
pub fn next_id_where(taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("TL-{n:02}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_back_what_it_wrote_and_names_the_line_without_a_date() {
        let iso = |d: &str| crate::plan::typed::date(d).map(|d| d.to_string());
        let notes = read_progress(
            "03-11-2026: Draf dikirim ke Bagian Hukum\n\n2026-11-20 - Paraf Sekda",
            iso,
        )
        .unwrap();
        assert_eq!(
            notes,
            [
                Progress {
                    date: "2026-11-03".into(),
                    note: "Draf dikirim ke Bagian Hukum".into()
                },
                Progress {
                    date: "2026-11-20".into(),
                    note: "Paraf Sekda".into()
                }
            ]
        );
        assert_eq!(read_progress(&progress_text(&notes), iso), Ok(notes));
        assert_eq!(
            read_progress("kemarin rapat", iso),
            Err("kemarin rapat".to_string())
        );
        assert_eq!(
            read_progress("2026-11-03", iso),
            Err("2026-11-03".to_string()),
            "a date without a note says nothing"
        );
    }

    #[test]
    fn a_new_follow_up_takes_the_lowest_free_number() {
        let with = |ids: &[&str]| -> Vec<FollowUp> {
            ids.iter()
                .map(|id| FollowUp {
                    id: id.to_string(),
                    ..FollowUp::default()
                })
                .collect()
        };
        assert_eq!(next_id(&[]), "TL-01");
        assert_eq!(next_id(&with(&["TL-01", "TL-03"])), "TL-02");
    }
}
