//! A monitoring workbook laid out as SIPD and WP-SIPD download it: one row
//! per sub-activity (kode sub kegiatan), with its allocation (pagu), its
//! spending per month or to date, its physical progress, problems and
//! follow-up. This module finds such a sheet and reads its rows; matching
//! them to programmes by code is [`apply`]'s.
//!
//! Headers are found by the words officers and SIPD use, in Indonesian or
//! English, below any title rows; the fiscal year comes from a Tahun column
//! or from a title line such as "Tahun Anggaran 2026" above the header.

use super::{Problem, Raw, RawSheet, letter};
use crate::i18n::{Text, fill};
use crate::plan::typed;

/// What a monitoring sheet's column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// Kode sub kegiatan.
    Code,
    Name,
    /// Pagu.
    Allocation,
    /// The fiscal year (tahun anggaran).
    Year,
    /// The month a row's cumulative figures run to.
    Month,
    /// The quarter (triwulan) they run to.
    Quarter,
    /// Spending to date (realisasi keuangan s.d.).
    SpentToDate,
    /// The cash plan to date (RAK s.d.).
    CashPlanToDate,
    /// One month's own spending (1–12).
    SpentIn(u8),
    /// One month's own cash plan (1–12).
    CashPlanIn(u8),
    /// Physical progress to date, in percent.
    Physical,
    Problems,
    FollowUp,
}

impl Col {
    /// The headings that name the column, folded (see [`fold`]), in
    /// Indonesian as SIPD writes them and in English.
    pub fn headings(self) -> &'static [&'static str] {
        match self {
            Col::Code => &[
                "kodesubkegiatan",
                "kode",
                "kodesub",
                "kodesubkeg",
                "kodenomenklatur",
                "subactivitycode",
                "code",
            ],
            Col::Name => &[
                "subkegiatan",
                "namasubkegiatan",
                "uraian",
                "nomenklatur",
                "uraiansubkegiatan",
                "subactivity",
                "name",
            ],
            Col::Allocation => &[
                "pagu",
                "pagudpa",
                "paguanggaran",
                "paguindikatif",
                "anggaran",
                "allocation",
            ],
            Col::Year => &["tahun", "tahunanggaran", "year", "fiscalyear"],
            Col::Month => &["bulan", "month"],
            Col::Quarter => &["triwulan", "tw", "quarter"],
            Col::SpentToDate => &[
                "realisasi",
                "realisasikeuangan",
                "realisasianggaran",
                "realisasisd",
                "realisasikumulatif",
                "realisasikeuangansd",
                "spent",
                "spenttodate",
            ],
            Col::CashPlanToDate => &[
                "rak",
                "raksd",
                "rakkumulatif",
                "rencanaanggarankas",
                "cashplan",
                "cashplantodate",
            ],
            Col::SpentIn(_) | Col::CashPlanIn(_) => &[],
            Col::Physical => &[
                "fisik",
                "realisasifisik",
                "progresfisik",
                "capaianfisik",
                "physical",
                "physicalprogress",
            ],
            Col::Problems => &["permasalahan", "masalah", "kendala", "problems"],
            Col::FollowUp => &["tindaklanjut", "followup", "solusi"],
        }
    }
}

/// Month names and their short forms, Indonesian then English, folded.
const MONTHS: [&[&str]; 12] = [
    &["januari", "jan", "january"],
    &["februari", "feb", "pebruari", "february"],
    &["maret", "mar", "march"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "jun", "june"],
    &["juli", "jul", "july"],
    &["agustus", "agu", "ags", "agt", "aug", "august"],
    &["september", "sep", "sept"],
    &["oktober", "okt", "oct", "october"],
    &["november", "nov", "nopember"],
    &["desember", "des", "dec", "december"],
];

/// Letters and digits, lower case; a trailing `rp` (from `(Rp)`) set aside.
fn fold(s: &str) -> String {
    let folded: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match folded.strip_suffix("rp") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => folded,
    }
}

/// The month `folded` names, 1–12.
fn month_named(folded: &str) -> Option<u8> {
    (MONTHS.iter().position(|names| names.contains(&folded))).map(|i| i as u8 + 1)
}

/// The column `header` names.
fn column(header: &str) -> Option<Col> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    let fixed = [
        Col::Code,
        Col::Name,
        Col::Allocation,
        Col::Year,
        Col::Month,
        Col::Quarter,
        Col::SpentToDate,
        Col::CashPlanToDate,
        Col::Physical,
        Col::Problems,
        Col::FollowUp,
    ];
    if let Some(c) = fixed
        .into_iter()
        .find(|c| c.headings().contains(&h.as_str()))
    {
        return Some(c);
    }
    // A month's own column: `Januari`, `Realisasi Januari`, `RAK Jan`.
    for (prefix, cash) in [
        ("", false),
        ("realisasi", false),
        ("realisasikeuangan", false),
        ("spent", false),
        ("rak", true),
        ("cashplan", true),
    ] {
        if let Some(m) = h.strip_prefix(prefix).and_then(month_named) {
            return Some(if cash {
                Col::CashPlanIn(m)
            } else {
                Col::SpentIn(m)
            });
        }
    }
    None
}

/// A period a cumulative figure runs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upto {
    Month(u8),
    Quarter(u8),
}

/// One sub-activity's row as read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reported {
    pub file: String,
    pub sheet: Option<String>,
    pub row: u32,
    pub code: String,
    pub name: String,
    pub allocation: Option<f64>,
    pub year: i32,
    /// Each month's own spending and cash plan, where the sheet has a
    /// column per month.
    pub spent: [Option<f64>; 12],
    pub cash_plan: [Option<f64>; 12],
    /// Figures to date and the period they run to.
    pub upto: Option<Upto>,
    pub spent_to_date: Option<f64>,
    pub cash_plan_to_date: Option<f64>,
    pub physical: Option<f64>,
    pub problems: String,
    pub follow_up: String,
}

impl Reported {
    /// Whether the row gives a month its own figures.
    pub fn monthly(&self) -> bool {
        self.spent
            .iter()
            .chain(&self.cash_plan)
            .any(Option::is_some)
    }
}

/// A monitoring sheet read: its sub-activity rows, how many rows were
/// headings of the nomenclature above them (urusan … kegiatan), and the
/// columns it does not read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read {
    pub rows: Vec<Reported>,
    pub headings: usize,
    pub skipped: Vec<String>,
}

/// The header row of a monitoring sheet: the first of its first rows with a
/// code column and a figure; `None` for a sheet that is none.
fn header_row(sheet: &RawSheet) -> Option<usize> {
    sheet.rows.iter().take(20).position(|(_, cells)| {
        let cols: Vec<Option<Col>> = cells.iter().map(|c| column(&c.text())).collect();
        cols.contains(&Some(Col::Code))
            && cols.iter().flatten().any(|c| {
                matches!(
                    c,
                    Col::Allocation
                        | Col::SpentToDate
                        | Col::SpentIn(_)
                        | Col::Physical
                        | Col::CashPlanToDate
                )
            })
    })
}

/// Whether `sheet` is laid out as a monitoring sheet.
pub fn is_monitoring(sheet: &RawSheet) -> bool {
    header_row(sheet).is_some()
}

/// A year `2000`–`2100` in a title line that speaks of one ("Tahun
/// Anggaran 2026", "TA 2026", "Fiscal year 2026").
fn titled_year(cells: &[Raw]) -> Option<i32> {
    cells.iter().find_map(|c| {
        let text = c.text().to_lowercase();
        if !(text.contains("tahun") || text.contains("ta ") || text.contains("year")) {
            return None;
        }
        text.split(|ch: char| !ch.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .find(|y| (2000..=2100).contains(y))
    })
}

/// Whether `code` is a heading's code of the nomenclature: the first one
/// to five groups of a kode sub kegiatan (`2`, `2.16`, `2.16.02`,
/// `2.16.02.1`, `2.16.02.1.01`).
fn is_heading_code(code: &str) -> bool {
    const WIDTHS: [usize; 5] = [1, 2, 2, 1, 2];
    let groups: Vec<&str> = code.split('.').collect();
    groups.len() <= WIDTHS.len()
        && groups.iter().zip(WIDTHS).enumerate().all(|(i, (g, w))| {
            g.len() == w
                && g.bytes()
                    .all(|b| b.is_ascii_digit() || (i < 2 && (b == b'X' || b == b'x')))
        })
}

/// Whether `code` has the shape of a kode sub kegiatan (`2.16.02.1.01.0001`).
pub fn is_subactivity_code(code: &str) -> bool {
    match code.rsplit_once('.') {
        Some((head, last)) => {
            is_heading_code(head)
                && head.split('.').count() == 5
                && last.len() == 4
                && last.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Reads a monitoring sheet's rows, or every problem with its sheet, row
/// and column.
pub fn read(file: &str, sheet: &RawSheet, t: &Text) -> Result<Read, Vec<Problem>> {
    let s = &t.sheets;
    let Some(at) = header_row(sheet) else {
        return Ok(Read::default());
    };
    let (header_number, header) = &sheet.rows[at];
    let columns: Vec<Option<Col>> = header.iter().map(|c| column(&c.text())).collect();
    let heading = |i: usize| header.get(i).map(Raw::text).unwrap_or_default();
    let place = |row: u32, col: Option<usize>, message: String| Problem {
        file: file.to_string(),
        sheet: sheet.name.clone(),
        row: Some(row),
        column: col.map(|i| (letter(i), heading(i))),
        message,
    };
    let mut problems = Vec::new();
    let mut read = Read::default();
    for (i, c) in columns.iter().enumerate() {
        if let Some(first) = (c.is_some())
            .then(|| columns[..i].iter().position(|x| x == c))
            .flatten()
        {
            problems.push(place(
                *header_number,
                Some(i),
                fill(s.twice, &[&letter(first)]),
            ));
        }
        if c.is_none() && !heading(i).trim().is_empty() {
            read.skipped.push(heading(i).trim().to_string());
        }
    }
    let find = |c: Col| columns.iter().position(|x| *x == Some(c));
    let titled = sheet.rows[..at].iter().find_map(|(_, r)| titled_year(r));
    if find(Col::Year).is_none() && titled.is_none() {
        problems.push(place(*header_number, None, s.sipd_no_year.to_string()));
    }
    let has_months = columns
        .iter()
        .any(|c| matches!(c, Some(Col::SpentIn(_) | Col::CashPlanIn(_))));
    let to_date = find(Col::SpentToDate).or(find(Col::CashPlanToDate));
    if let Some(i) = to_date
        && !has_months
        && find(Col::Month).is_none()
        && find(Col::Quarter).is_none()
    {
        problems.push(place(*header_number, Some(i), s.sipd_no_period.to_string()));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // A figure cell: a number as it is, text read in the file's way.
    let convention = sheet.convention;
    for (number, cells) in &sheet.rows[at + 1..] {
        let cell = |c: Col| find(c).and_then(|i| cells.get(i)).map(Raw::text);
        let code = cell(Col::Code).unwrap_or_default().trim().to_string();
        if code.is_empty() {
            if cells.iter().all(Raw::is_empty) {
                continue;
            }
            // A total or a note under the table: no sub-activity of its own.
            read.headings += 1;
            continue;
        }
        if is_heading_code(&code) {
            read.headings += 1;
            continue;
        }
        if !is_subactivity_code(&code) {
            let message = fill(s.sipd_code_shape, &[&crate::text::escape(&code)]);
            problems.push(place(*number, find(Col::Code), message));
            continue;
        }
        let mut r = Reported {
            file: file.to_string(),
            sheet: sheet.name.clone(),
            row: *number,
            code,
            name: cell(Col::Name).unwrap_or_default().trim().to_string(),
            problems: cell(Col::Problems).unwrap_or_default().trim().to_string(),
            follow_up: cell(Col::FollowUp).unwrap_or_default().trim().to_string(),
            ..Reported::default()
        };
        let mut fail = |col: Col, message: String| {
            problems.push(place(*number, find(col), message));
        };
        let mut money = |col: Col| -> Option<f64> {
            let text = cell(col)?;
            let text = text.trim();
            if matches!(text, "" | "-" | "—") {
                return None;
            }
            match typed::rupiah(text, convention) {
                Ok(v) if v >= 0.0 => Some(v),
                _ => {
                    fail(col, s.sipd_rupiah.to_string());
                    None
                }
            }
        };
        r.allocation = money(Col::Allocation);
        r.spent_to_date = money(Col::SpentToDate);
        r.cash_plan_to_date = money(Col::CashPlanToDate);
        for m in 1..=12u8 {
            r.spent[usize::from(m - 1)] = money(Col::SpentIn(m));
            r.cash_plan[usize::from(m - 1)] = money(Col::CashPlanIn(m));
        }
        let year = cell(Col::Year)
            .and_then(|y| {
                let y = y.trim().to_string();
                (!y.is_empty()).then_some(y)
            })
            .map(|y| y.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)));
        match (year, titled) {
            (Some(Some(y)), _) | (None, Some(y)) => r.year = y,
            _ => problems.push(place(*number, find(Col::Year), s.sipd_year.to_string())),
        }
        r.upto = match (cell(Col::Month), cell(Col::Quarter)) {
            (Some(m), _) if !m.trim().is_empty() => match month_of(&m) {
                Some(m) => Some(Upto::Month(m)),
                None => {
                    let message = fill(s.sipd_month, &[&crate::text::escape(&m)]);
                    problems.push(place(*number, find(Col::Month), message));
                    None
                }
            },
            (_, Some(q)) if !q.trim().is_empty() => match quarter_of(&q) {
                Some(q) => Some(Upto::Quarter(q)),
                None => {
                    let message = fill(s.sipd_quarter, &[&crate::text::escape(&q)]);
                    problems.push(place(*number, find(Col::Quarter), message));
                    None
                }
            },
            _ => None,
        };
        if let Some(text) = cell(Col::Physical) {
            let text = text.trim().trim_end_matches('%').trim();
            if !matches!(text, "" | "-" | "—") {
                match typed::number(text, convention) {
                    Ok(v) if (0.0..=100.0).contains(&v) => r.physical = Some(v),
                    _ => problems.push(place(
                        *number,
                        find(Col::Physical),
                        s.sipd_percent.to_string(),
                    )),
                }
            }
        }
        let reports_to_date = r.spent_to_date.is_some() || r.cash_plan_to_date.is_some();
        if reports_to_date && r.upto.is_none() && !r.monthly() {
            problems.push(place(*number, to_date, s.sipd_no_period.to_string()));
        }
        read.rows.push(r);
    }
    if problems.is_empty() {
        Ok(read)
    } else {
        Err(problems)
    }
}

/// A month as typed: 1–12, or its name in either language.
fn month_of(text: &str) -> Option<u8> {
    let t = text.trim();
    match t.parse::<u8>() {
        Ok(m) => (1..=12).contains(&m).then_some(m),
        Err(_) => month_named(&fold(t)),
    }
}

/// A quarter as typed: 1–4, I–IV, `TW III`, `Triwulan 3`, `Q3`.
fn quarter_of(text: &str) -> Option<u8> {
    let f = fold(text);
    let rest = ["triwulan", "tw", "quarter", "q"]
        .iter()
        .find_map(|p| f.strip_prefix(p))
        .unwrap_or(&f);
    match rest {
        "1" | "i" => Some(1),
        "2" | "ii" => Some(2),
        "3" | "iii" => Some(3),
        "4" | "iv" => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_read_as_sipd_and_officers_write_them() {
        assert_eq!(column("Kode Sub Kegiatan"), Some(Col::Code));
        assert_eq!(column("Pagu DPA (Rp)"), Some(Col::Allocation));
        assert_eq!(column("Realisasi s.d."), Some(Col::SpentToDate));
        assert_eq!(column("Realisasi Fisik (%)"), Some(Col::Physical));
        assert_eq!(column("Agustus"), Some(Col::SpentIn(8)));
        assert_eq!(column("Realisasi Jan"), Some(Col::SpentIn(1)));
        assert_eq!(column("RAK Desember"), Some(Col::CashPlanIn(12)));
        assert_eq!(column("Tindak Lanjut"), Some(Col::FollowUp));
        assert_eq!(column("No."), None);
    }

    #[test]
    fn codes_are_sub_activities_headings_or_neither() {
        assert!(is_subactivity_code("2.16.02.1.01.0001"));
        assert!(!is_subactivity_code("2.16.02.1.01"));
        assert!(is_heading_code("2.16.02.1.01"));
        assert!(is_heading_code("2.16"));
        assert!(is_heading_code("X.XX.01"));
        assert!(!is_heading_code("2.16.02.1.01.0001"));
        assert!(!is_heading_code("216"));
        assert!(!is_subactivity_code("2.16.2.1.01.0001"));
    }

    #[test]
    fn periods_read_in_either_language() {
        assert_eq!(quarter_of("TW III"), Some(3));
        assert_eq!(quarter_of("Triwulan 2"), Some(2));
        assert_eq!(quarter_of("IV"), Some(4));
        assert_eq!(quarter_of("V"), None);
        assert_eq!(month_of("Agustus"), Some(8));
        assert_eq!(month_of("12"), Some(12));
        assert_eq!(month_of("13"), None);
    }
}

/// What a monitoring import did to the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub plan: crate::plan::model::Plan,
    /// Sub-activity rows matched to a programme.
    pub matched: usize,
    /// The programmes they matched.
    pub programmes: usize,
    /// Rows whose code is in no programme: listed, not imported.
    pub unmatched: Vec<Reported>,
    /// Programmes' sub-activities the workbook does not list, as
    /// (programme, code).
    pub not_listed: Vec<(String, String)>,
}

/// The rows of `reads` applied to `base`: each row to the programme whose
/// sub-activity has its code, the figures of a programme's rows of one
/// year summed (physical progress weighted by allocation), then the whole
/// plan validated; or every problem.
pub fn apply(
    base: &crate::plan::model::Plan,
    rows: &[Reported],
    t: &Text,
) -> Result<Applied, Vec<Problem>> {
    use crate::plan::model::FiscalPeriod;
    use std::collections::{BTreeMap, HashMap, HashSet};
    let s = &t.sheets;
    let mut plan = base.clone();
    let mut owners: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in base.programs.iter().enumerate() {
        for x in &p.subactivities {
            let list = owners.entry(x.code.as_str()).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    let at = |r: &Reported, message: String| Problem {
        file: r.file.clone(),
        sheet: r.sheet.clone(),
        row: Some(r.row),
        column: None,
        message,
    };
    let mut problems = Vec::new();
    let mut unmatched = Vec::new();
    // (programme, year) → its rows, in the workbook's order.
    let mut groups: BTreeMap<(usize, i32), Vec<&Reported>> = BTreeMap::new();
    for r in rows {
        match owners.get(r.code.as_str()).map(Vec::as_slice) {
            None | Some([]) => unmatched.push(r.clone()),
            Some([one]) => groups.entry((*one, r.year)).or_default().push(r),
            Some(several) => {
                let ids: Vec<&str> = several
                    .iter()
                    .map(|&i| base.programs[i].id.as_str())
                    .collect();
                let message = fill(s.sipd_several, &[&r.code, &ids.join(", ")]);
                problems.push(at(r, message));
            }
        }
    }
    let listed: HashSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let mut not_listed = Vec::new();
    let mut touched = HashSet::new();
    for (&(index, year), group) in &groups {
        let p = &mut plan.programs[index];
        if touched.insert(index) {
            for x in p
                .subactivities
                .iter()
                .filter(|x| !listed.contains(x.code.as_str()))
            {
                not_listed.push((p.id.clone(), x.code.clone()));
            }
        }
        for r in group {
            if let Some(x) = p.subactivities.iter_mut().find(|x| x.code == r.code) {
                if !r.name.is_empty() {
                    x.name.clone_from(&r.name);
                }
                if r.allocation.is_some() {
                    x.allocation = r.allocation;
                }
            }
        }
        let sum = |f: &dyn Fn(&Reported) -> Option<f64>| {
            let figures: Vec<f64> = group.iter().filter_map(|r| f(r)).collect();
            (!figures.is_empty()).then(|| figures.iter().sum::<f64>())
        };
        // Weighted by allocation (WP-SIPD); a plain mean where none has one.
        let physical = {
            let with: Vec<(f64, f64)> = (group.iter())
                .filter_map(|r| Some((r.physical?, r.allocation.unwrap_or(0.0))))
                .collect();
            let weight: f64 = with.iter().map(|(_, a)| a).sum();
            match with.len() {
                0 => None,
                _ if weight > 0.0 => Some(with.iter().map(|(f, a)| f * a).sum::<f64>() / weight),
                n => Some(with.iter().map(|(f, _)| f).sum::<f64>() / n as f64),
            }
            .map(|v| (v * 100.0).round() / 100.0)
        };
        let text = |f: &dyn Fn(&Reported) -> &str| {
            let said: Vec<&&Reported> = group.iter().filter(|r| !f(r).is_empty()).collect();
            match said.as_slice() {
                [] => String::new(),
                [one] => f(one).to_string(),
                many => (many.iter())
                    .map(|r| format!("{}: {}", r.code, f(r)))
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        };
        let (problems_text, follow_up) = (text(&|r| &r.problems), text(&|r| &r.follow_up));
        if group.iter().any(|r| r.monthly()) {
            // The year's months are the workbook's.
            let mut months = Vec::new();
            for m in 1..=12u8 {
                let i = usize::from(m - 1);
                let spent = sum(&|r| r.spent[i]);
                let cash_plan = sum(&|r| r.cash_plan[i]);
                if spent.is_some() || cash_plan.is_some() {
                    months.push(FiscalPeriod {
                        year,
                        month: Some(m),
                        spent,
                        cash_plan,
                        ..FiscalPeriod::default()
                    });
                }
            }
            if let Some(last) = months.last_mut() {
                last.physical = physical;
                last.problems = problems_text;
                last.follow_up = follow_up;
            }
            let first = p.periods.iter().position(|x| x.year == year);
            p.periods.retain(|x| x.year != year);
            let at = first.unwrap_or(p.periods.len()).min(p.periods.len());
            p.periods.splice(at..at, months);
            continue;
        }
        // Figures to date: the period's own are what the plan lacks before it.
        let mut by_upto: BTreeMap<(u8, u8), Vec<&Reported>> = BTreeMap::new();
        for r in group {
            let key = match r.upto {
                Some(Upto::Month(m)) => (m, 0),
                Some(Upto::Quarter(q)) => (q * 3, q),
                None => continue,
            };
            by_upto.entry(key).or_default().push(r);
        }
        for ((last, quarter), rows) in by_upto {
            let sum = |f: &dyn Fn(&Reported) -> Option<f64>| {
                let figures: Vec<f64> = rows.iter().filter_map(|r| f(r)).collect();
                (!figures.is_empty()).then(|| figures.iter().sum::<f64>())
            };
            let (quarter, month) = if quarter > 0 {
                (Some(quarter), None)
            } else {
                (None, Some(last))
            };
            let first_month = quarter.map_or(last, |q| q * 3 - 2);
            let before = |f: &dyn Fn(&FiscalPeriod) -> Option<f64>| -> f64 {
                (p.periods.iter())
                    .filter(|x| x.year == year && x.last_month().is_some_and(|m| m < first_month))
                    .filter_map(f)
                    .sum()
            };
            let shown = match quarter {
                Some(q) => format!("{year} TW{q}"),
                None => format!("{year} M{last:02}"),
            };
            let mut own = |to_date: Option<f64>, had: f64| -> Option<f64> {
                let to_date = to_date?;
                let v = to_date - had;
                if v < -0.5 {
                    let message = fill(
                        s.sipd_down,
                        &[
                            &p.id,
                            &shown,
                            &crate::i18n::format::money(to_date, t.lang),
                            &crate::i18n::format::money(had, t.lang),
                        ],
                    );
                    problems.push(at(rows[0], message));
                }
                Some(v.max(0.0))
            };
            let spent = own(sum(&|r| r.spent_to_date), before(&|x| x.spent));
            let cash_plan = own(sum(&|r| r.cash_plan_to_date), before(&|x| x.cash_plan));
            let same =
                |x: &FiscalPeriod| x.year == year && x.quarter == quarter && x.month == month;
            let slot = match p.periods.iter().position(same) {
                Some(i) => i,
                None => {
                    p.periods.push(FiscalPeriod {
                        year,
                        quarter,
                        month,
                        ..FiscalPeriod::default()
                    });
                    p.periods.len() - 1
                }
            };
            let x = &mut p.periods[slot];
            if spent.is_some() {
                x.spent = spent;
            }
            if cash_plan.is_some() {
                x.cash_plan = cash_plan;
            }
            if physical.is_some() {
                x.physical = physical;
            }
            if !problems_text.is_empty() {
                x.problems.clone_from(&problems_text);
            }
            if !follow_up.is_empty() {
                x.follow_up.clone_from(&follow_up);
            }
        }
    }
    if problems.is_empty() {
        for v in crate::plan::validate::validate(&plan) {
            let first = (v.program.as_ref()).and_then(|id| {
                rows.iter().find(|r| {
                    owners
                        .get(r.code.as_str())
                        .is_some_and(|o| o.iter().any(|&i| base.programs[i].id == *id))
                })
            });
            problems.push(Problem {
                file: first.map_or_else(
                    || rows.first().map(|r| r.file.clone()).unwrap_or_default(),
                    |r| r.file.clone(),
                ),
                sheet: first.and_then(|r| r.sheet.clone()),
                row: first.map(|r| r.row),
                column: None,
                message: v.message(t),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Applied {
        plan,
        matched: groups.values().map(Vec::len).sum(),
        programmes: touched.len(),
        unmatched,
        not_listed,
    })
}
