//! What `pantau report` and `pantau rollup` take, turned into the report
//! layer's own [`Request`].

use super::{PlanFile, parse_today, parse_width};
use crate::i18n::Lang;
use crate::report::{
    Filter, Format, Kind, Letter, Logo, Paper, ReportError, Request, Signer, parse_horizon,
    parse_status,
};
use clap::{Args, ValueEnum};
use jiff::civil::Date;
use std::path::PathBuf;
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub file: PlanFile,
    /// What to report
    #[arg(long, value_enum, default_value_t = ReportKind::Overview)]
    pub kind: ReportKind,
    /// How to write it
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Only this dimension (its id, e.g. governance)
    #[arg(long, value_name = "ID")]
    pub dimension: Option<String>,
    /// The program for --kind program (its id, e.g. GOV-01)
    #[arg(long, value_name = "ID")]
    pub program: Option<String>,
    /// Only programs with this status
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Only programs with this horizon
    #[arg(long, value_name = "HORIZON")]
    pub horizon: Option<String>,
    /// Follow-ups: only those of this agency (--agency is the letterhead's)
    #[arg(long = "for", value_name = "AGENCY")]
    pub for_agency: Option<String>,
    /// Text: never wider than this many columns (40 to 1000)
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = parse_width)]
    pub width: usize,
    /// Text: a page break (form feed) and the header again every N lines
    #[arg(long, value_name = "N")]
    pub pages: Option<usize>,
    /// Upcoming: how many days ahead
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(i32).range(0..=3660))]
    pub days: i32,
    /// The year evaluated, and the fiscal year of physical progress and absorption (default: this year)
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: Option<i32>,
    /// The quarterly report's quarter, 1-4 (default: the last ended)
    #[arg(long, value_name = "Q", value_parser = clap::value_parser!(u8).range(1..=4), conflicts_with = "month")]
    pub quarter: Option<u8>,
    /// The quarterly report for a month instead, 1-12
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(u8).range(1..=12))]
    pub month: Option<u8>,
    /// CSV: the separator (default `;` with a decimal comma where figures are written the Indonesian way, as a spreadsheet in that locale reads them, else `,`)
    #[arg(long, value_name = "CHAR")]
    pub sep: Option<char>,
    /// Write to this file (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// With --output: replace the file if it is there (only a regular file of yours)
    #[arg(long, requires = "output")]
    pub force: bool,
    /// The printable report's paper, letterhead and signature. Boxed: only
    /// `--format html` uses them.
    #[command(flatten)]
    pub letter: Box<LetterArgs>,
}

/// `--format html`: the paper, the letterhead and the signature.
#[derive(Debug, Clone, Args)]
pub struct LetterArgs {
    /// The paper to lay the report out for (F4 is folio, 215×330 mm)
    #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4, help_heading = HTML)]
    pub paper: PaperArg,
    /// The agency on the letterhead, under the region, e.g. "Dinas Komunikasi, Informatika dan Persandian"
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub agency: Option<String>,
    /// The letterhead's address line
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub address: Option<String>,
    /// A logo for the letterhead, embedded in the file (.png, .jpg, .jpeg or .svg)
    #[arg(long, value_name = "PATH", help_heading = HTML)]
    pub logo: Option<PathBuf>,
    /// Where the report is signed, before the date, e.g. Masamba
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub place: Option<String>,
    /// The signer's name, under the room for the signature
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub signer_name: Option<String>,
    /// The signer's position, above the signature, e.g. "Kepala Dinas"
    #[arg(long, value_name = "TEXT", help_heading = HTML)]
    pub signer_position: Option<String>,
    /// The signer's NIP (civil-servant number), under the name
    #[arg(long, value_name = "NIP", help_heading = HTML)]
    pub signer_nip: Option<String>,
    /// The date above the signature (default: today, or --today)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today, help_heading = HTML)]
    pub date: Option<Date>,
}

pub(super) const HTML: &str = "Printable report (--format html)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    F4,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Paper {
        match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::F4 => Paper::F4,
        }
    }
}

impl ReportArgs {
    /// The report these arguments ask for: clap's values mapped onto the
    /// report's own types, status and horizon names read in either language,
    /// and what can be checked without the plan checked now.
    /// `numbers` is how figures are written (the configuration's
    /// `numbers`, else the language): it chooses the CSV's separator when
    /// `--sep` does not.
    pub fn request(&self, ascii: bool, numbers: Lang) -> Result<Request, ReportError> {
        let request = Request {
            kind: self.kind.into(),
            format: self.format.into(),
            filter: Filter {
                dimension: self.dimension.clone(),
                program: self.program.clone(),
                status: self.status.as_deref().map(parse_status).transpose()?,
                horizon: self.horizon.as_deref().map(parse_horizon).transpose()?,
                query: String::new(),
                agency: self.for_agency.clone(),
            },
            width: self.width,
            ascii,
            pages: self.pages,
            days: self.days,
            sep: self
                .sep
                .unwrap_or_else(|| crate::report::csv_separator(numbers)),
            letter: Box::new(self.letter()?),
            year: self.year,
            fiscal: match (self.quarter, self.month) {
                (Some(q), _) => Some(crate::plan::fiscal::Span::Quarter(q)),
                (None, Some(m)) => Some(crate::plan::fiscal::Span::Month(m)),
                (None, None) => None,
            },
        };
        request.check()?;
        Ok(request)
    }

    /// The paper, letterhead and signature; reads the logo, if one is given,
    /// only for HTML (nothing else shows it).
    fn letter(&self) -> Result<Letter, ReportError> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let a = &self.letter;
        let logo = match &a.logo {
            Some(path) if self.format == ReportFormat::Html => {
                let name = || path.to_string_lossy().into_owned();
                let read = |e: std::io::Error| ReportError::LogoRead {
                    path: name(),
                    reason: e.to_string(),
                };
                // Looked at first: reading a FIFO would wait for ever, and
                // a huge file is refused before it is read.
                let meta = std::fs::metadata(path).map_err(read)?;
                if !meta.is_file() {
                    return Err(ReportError::LogoNotFile { path: name() });
                }
                if meta.len() > Logo::MAX_BYTES {
                    return Err(ReportError::LogoSize {
                        path: name(),
                        bytes: meta.len(),
                    });
                }
                Some(Logo::new(path, std::fs::read(path).map_err(read)?)?)
            }
            _ => None,
        };
        Ok(Letter {
            paper: a.paper.into(),
            agency: text(&a.agency),
            address: text(&a.address),
            logo,
            place: text(&a.place),
            signer: Signer {
                name: text(&a.signer_name),
                position: text(&a.signer_position),
                nip: text(&a.signer_nip),
            },
            date: a.date,
        })
    }
}

impl From<ReportKind> for Kind {
    fn from(kind: ReportKind) -> Kind {
        match kind {
            ReportKind::Overview => Kind::Overview,
            ReportKind::Dimension => Kind::Dimension,
            ReportKind::Program => Kind::Program,
            ReportKind::Timeline => Kind::Timeline,
            ReportKind::Overdue => Kind::Overdue,
            ReportKind::Upcoming => Kind::Upcoming,
            ReportKind::Targets => Kind::Targets,
            ReportKind::Evaluation => Kind::Evaluation,
            ReportKind::Quarter => Kind::Quarter,
            ReportKind::Alignment => Kind::Alignment,
            ReportKind::Followups => Kind::FollowUps,
        }
    }
}

impl From<ReportFormat> for Format {
    fn from(format: ReportFormat) -> Format {
        match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
            ReportFormat::Html => Format::Html,
            ReportFormat::Xlsx => Format::Xlsx,
            ReportFormat::Whatsapp => Format::WhatsApp,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    Overview,
    Dimension,
    Program,
    Timeline,
    Overdue,
    Upcoming,
    Targets,
    /// The yearly evaluation: aspects, estimated index, evidence, budget
    Evaluation,
    /// The quarterly monitoring table (with --year and --quarter or --month)
    Quarter,
    /// The alignment matrix: masterplan, RPJMD, Renstra, sub-activities
    Alignment,
    /// Follow-ups (tindak lanjut): what, source, PIC, agency, deadline, status, days late
    Followups,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupSection {
    Regions,
    Overdue,
    Behind,
    Failed,
}

impl From<RollupSection> for crate::report::rollup::Section {
    fn from(s: RollupSection) -> Self {
        use crate::report::rollup::Section;
        match s {
            RollupSection::Regions => Section::Regions,
            RollupSection::Overdue => Section::Overdue,
            RollupSection::Behind => Section::Behind,
            RollupSection::Failed => Section::Failed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Markdown,
    Csv,
    Json,
    Html,
    /// A workbook, a sheet per table (the overview: every part of the
    /// plan, as `pantau import` reads it back); needs --output or a
    /// redirect
    Xlsx,
    /// A message for a WhatsApp group: *bold* headings, a line per row, no
    /// tables; cut to what a phone shows before "Read more"
    Whatsapp,
}

/// The rollup's formats: a report's, but XLSX.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupFormat {
    Text,
    Markdown,
    Csv,
    Json,
    Html,
}

impl From<RollupFormat> for Format {
    fn from(format: RollupFormat) -> Format {
        match format {
            RollupFormat::Text => Format::Text,
            RollupFormat::Markdown => Format::Markdown,
            RollupFormat::Csv => Format::Csv,
            RollupFormat::Json => Format::Json,
            RollupFormat::Html => Format::Html,
        }
    }
}
