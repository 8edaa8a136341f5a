//! The fiscal year's figures to the end of a quarter or a month: the pagu
//! then, the cash plan (RAK) and spending to date, absorption against each,
//! the RAK deviation, physical progress, and the same summed per agency,
//! dimension or plan with physical progress weighted by pagu (WP-SIPD's
//! Σ(fisik × pagu) ÷ Σ pagu). Figures only: no words, no clock (the caller
//! passes the day that decides which periods have ended).

use crate::plan::model::{Plan, Program};
use crate::plan::year::quarter_of_month;
use jiff::civil::Date;

/// The end of what is asked: a quarter or a month of a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Asked {
    pub year: i32,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    /// Triwulan 1–4.
    Quarter(u8),
    /// Month 1–12.
    Month(u8),
}

impl Asked {
    pub fn quarter(year: i32, q: u8) -> Asked {
        Asked {
            year,
            span: Span::Quarter(q),
        }
    }

    pub fn month(year: i32, m: u8) -> Asked {
        Asked {
            year,
            span: Span::Month(m),
        }
    }

    /// The last month it covers, 1–12; `None` for a quarter or month out of range.
    pub fn last_month(self) -> Option<u8> {
        match self.span {
            Span::Quarter(q @ 1..=4) => Some(q * 3),
            Span::Month(m @ 1..=12) => Some(m),
            _ => None,
        }
    }

    /// Its last day.
    pub fn last_day(self) -> Option<Date> {
        let m = i8::try_from(self.last_month()?).ok()?;
        let first = Date::new(i16::try_from(self.year).ok()?, m, 1).ok()?;
        Some(first.last_of_month())
    }

    /// Whether it has ended on `today`: its last day is behind.
    pub fn ended(self, today: Date) -> bool {
        self.last_day().is_some_and(|d| d < today)
    }
}

/// Whether a programme's period is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// Spending of the period is given.
    Yes,
    /// The period has ended and nothing is reported: never read as zero.
    Missing,
    /// The period is still running and nothing is reported yet.
    Running,
}

/// One programme's figures to the end of an asked period, in rupiah and
/// percent; a figure not known is `None`, never zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// The pagu on the period's last day: the latest budget change of the
    /// year dated on or before it, else the year's budget lines.
    pub pagu: Option<f64>,
    /// The cash plan from the start of the year to the period's end.
    pub rak: Option<f64>,
    /// Spending from the start of the year to the period's end; `None`
    /// unless the period itself is reported.
    pub spent: Option<f64>,
    /// Physical progress at the period's end (cumulative, %): the latest
    /// reported on or before it, when the period itself reports it.
    pub physical: Option<f64>,
    pub reported: Reported,
}

fn percent(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0)
        .then(|| part / whole * 100.0)
        .filter(|p| p.is_finite())
}

impl Figures {
    /// Realisation against the pagu, %.
    pub fn absorption(&self) -> Option<f64> {
        percent(self.spent?, self.pagu?)
    }

    /// The cash plan against the pagu, %.
    pub fn rak_share(&self) -> Option<f64> {
        percent(self.rak?, self.pagu?)
    }

    /// Realisation against the cash plan, %.
    pub fn against_rak(&self) -> Option<f64> {
        percent(self.spent?, self.rak?)
    }

    /// Deviation (deviasi) as WP-SIPD's RFK page: (RAK% − realisation%) ÷
    /// RAK%, in percent; positive when spending lags the plan.
    pub fn deviation(&self) -> Option<f64> {
        deviation(self.rak?, self.spent?)
    }

    /// Absorption minus physical progress, in points: money ahead of work
    /// when positive.
    pub fn gap(&self) -> Option<f64> {
        Some(self.absorption()? - self.physical?)
    }
}

/// (RAK% − real%) ÷ RAK% with both shares of the same pagu: the pagu cancels.
fn deviation(rak: f64, spent: f64) -> Option<f64> {
    percent(rak - spent, rak)
}

/// The pagu of `p`'s fiscal year `year` on `day`: the latest budget change
/// of the year dated on or before it, else the sum of the year's budget
/// lines; `None` when it has neither.
pub fn pagu_on(p: &Program, year: i32, day: Date) -> Option<f64> {
    let changed = p
        .budget_changes
        .iter()
        .filter(|c| c.year == year)
        .filter_map(|c| Some((crate::plan::model::parse_date(&c.date)?, c.allocation)))
        .filter(|(d, _)| *d <= day)
        .max_by_key(|(d, _)| *d)
        .map(|(_, a)| a);
    changed.or_else(|| {
        let lines: Vec<f64> = p
            .budget
            .iter()
            .filter(|b| b.year == year)
            .map(|b| b.allocation)
            .collect();
        (!lines.is_empty()).then(|| lines.iter().sum())
    })
}

/// One month's or one quarter's figures of a year, after quarters are
/// derived from months: (cash plan, spent, physical) of that span alone,
/// physical being the cumulative figure at its end.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Span3 {
    cash_plan: Option<f64>,
    spent: Option<f64>,
    physical: Option<f64>,
}

fn add(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x + y),
        (x, y) => x.or(y),
    }
}

/// The year's periods as twelve months: a month's own entry, and a
/// quarter's entry where none of its months has one (placed on its last
/// month: it cannot be split).
fn months_of(p: &Program, year: i32) -> [Span3; 12] {
    let mut months = [Span3::default(); 12];
    let mut has_month = [false; 4];
    let of_year = || p.periods.iter().filter(move |x| x.year == year);
    for x in of_year() {
        if let (None, Some(m @ 1..=12)) = (x.quarter, x.month) {
            let slot = &mut months[usize::from(m - 1)];
            slot.cash_plan = add(slot.cash_plan, x.cash_plan);
            slot.spent = add(slot.spent, x.spent);
            slot.physical = x.physical.or(slot.physical);
            if let Some(q) = quarter_of_month(m) {
                has_month[usize::from(q - 1)] = true;
            }
        }
    }
    for x in of_year() {
        if let (Some(q @ 1..=4), None) = (x.quarter, x.month)
            && !has_month[usize::from(q - 1)]
        {
            let slot = &mut months[usize::from(q * 3 - 1)];
            slot.cash_plan = add(slot.cash_plan, x.cash_plan);
            slot.spent = add(slot.spent, x.spent);
            slot.physical = x.physical.or(slot.physical);
        }
    }
    months
}

/// The months the asked period itself covers, from 0.
fn own_months(asked: Asked) -> std::ops::Range<usize> {
    match asked.span {
        Span::Quarter(q @ 1..=4) => usize::from(q * 3 - 3)..usize::from(q * 3),
        Span::Month(m @ 1..=12) => usize::from(m - 1)..usize::from(m),
        _ => 0..0,
    }
}

/// Whether the programme reports the fiscal year at all: a budget line, a
/// period or a budget change of it. Others have no row for the year.
pub fn in_year(p: &Program, year: i32) -> bool {
    p.budget.iter().any(|b| b.year == year)
        || p.periods.iter().any(|x| x.year == year)
        || p.budget_changes.iter().any(|c| c.year == year)
}

/// `p`'s figures to the end of `asked`; `today` decides whether a period
/// with nothing reported is missing or still running.
pub fn figures(p: &Program, asked: Asked, today: Date) -> Figures {
    let (Some(last), Some(last_day)) = (asked.last_month(), asked.last_day()) else {
        return Figures {
            pagu: None,
            rak: None,
            spent: None,
            physical: None,
            reported: Reported::Running,
        };
    };
    let months = months_of(p, asked.year);
    let to_date = &months[..usize::from(last)];
    let own = &months[own_months(asked)];
    let reported = if own.iter().any(|m| m.spent.is_some()) {
        Reported::Yes
    } else if asked.ended(today) {
        Reported::Missing
    } else {
        Reported::Running
    };
    let rak = to_date.iter().fold(None, |s, m| add(s, m.cash_plan));
    let spent = (reported == Reported::Yes)
        .then(|| to_date.iter().fold(None, |s, m| add(s, m.spent)))
        .flatten();
    let physical = own
        .iter()
        .any(|m| m.physical.is_some())
        .then(|| to_date.iter().rev().find_map(|m| m.physical))
        .flatten();
    Figures {
        pagu: pagu_on(p, asked.year, last_day),
        rak,
        spent,
        physical,
        reported,
    }
}

/// Figures summed over programmes (an agency, a dimension, the plan).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sum {
    /// Programmes summed: those in the fiscal year.
    pub programmes: usize,
    /// Of them, with the period reported / missing.
    pub reported: usize,
    pub missing: usize,
    /// Σ pagu and Σ RAK to date of the programmes with a pagu.
    pub pagu: f64,
    pub rak: f64,
    /// Σ realisation of the reported programmes with a pagu, and Σ pagu of
    /// those: the base of the absorption, so a missing report is never a zero.
    pub spent: f64,
    pub reported_pagu: f64,
    /// Σ RAK of the reported programmes with a RAK, and their Σ spent.
    rak_base: f64,
    spent_with_rak: f64,
    /// Σ fisik × pagu and Σ pagu of the programmes with both.
    physical_weighted: f64,
    physical_pagu: f64,
}

impl Sum {
    pub fn add(&mut self, f: &Figures) {
        self.programmes += 1;
        match f.reported {
            Reported::Yes => self.reported += 1,
            Reported::Missing => self.missing += 1,
            Reported::Running => {}
        }
        let Some(pagu) = f.pagu.filter(|p| p.is_finite()) else {
            return;
        };
        self.pagu += pagu;
        self.rak += f.rak.unwrap_or(0.0);
        if let Some(spent) = f.spent {
            self.spent += spent;
            self.reported_pagu += pagu;
            if let Some(rak) = f.rak {
                self.rak_base += rak;
                self.spent_with_rak += spent;
            }
        }
        if let Some(physical) = f.physical {
            self.physical_weighted += physical * pagu;
            self.physical_pagu += pagu;
        }
    }

    /// Σ realisation ÷ Σ pagu of the reported programmes, %.
    pub fn absorption(&self) -> Option<f64> {
        percent(self.spent, self.reported_pagu)
    }

    /// Σ RAK ÷ Σ pagu of the reported programmes, %.
    pub fn rak_share(&self) -> Option<f64> {
        (self.rak_base > 0.0)
            .then(|| percent(self.rak_base, self.reported_pagu))
            .flatten()
    }

    /// Σ realisation ÷ Σ RAK of the programmes with both, %.
    pub fn against_rak(&self) -> Option<f64> {
        percent(self.spent_with_rak, self.rak_base)
    }

    /// (RAK% − realisation%) ÷ RAK% over the programmes with both.
    pub fn deviation(&self) -> Option<f64> {
        deviation(self.rak_base, self.spent_with_rak)
    }

    /// Physical progress weighted by pagu: Σ(fisik × pagu) ÷ Σ pagu.
    pub fn physical(&self) -> Option<f64> {
        (self.physical_pagu > 0.0)
            .then(|| self.physical_weighted / self.physical_pagu)
            .filter(|p| p.is_finite())
    }

    /// Absorption minus weighted physical progress, in points.
    pub fn gap(&self) -> Option<f64> {
        Some(self.absorption()? - self.physical()?)
    }
}

/// What a programme's figures are summed under.
pub fn agency(p: &Program) -> &str {
    &p.lead
}

/// The plan's figures to the end of `asked`: per programme in the year (in
/// the plan's order), and summed per agency, per dimension and for the plan.
pub struct Table<'a> {
    pub asked: Asked,
    pub rows: Vec<(&'a Program, Figures)>,
    /// By agency (lead), in order of first appearance.
    pub agencies: Vec<(&'a str, Sum)>,
    /// By dimension id, in the plan's order of dimensions.
    pub dimensions: Vec<(&'a str, Sum)>,
    pub plan: Sum,
}

pub fn table<'a>(plan: &'a Plan, asked: Asked, today: Date) -> Table<'a> {
    let rows: Vec<(&Program, Figures)> = plan
        .programs
        .iter()
        .filter(|p| in_year(p, asked.year))
        .map(|p| (p, figures(p, asked, today)))
        .collect();
    let mut agencies: Vec<(&str, Sum)> = Vec::new();
    let mut dimensions: Vec<(&str, Sum)> = plan
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), Sum::default()))
        .collect();
    let mut total = Sum::default();
    for (p, f) in &rows {
        total.add(f);
        match agencies.iter_mut().find(|(a, _)| *a == agency(p)) {
            Some((_, s)) => s.add(f),
            None => {
                let mut s = Sum::default();
                s.add(f);
                agencies.push((agency(p), s));
            }
        }
        if let Some((_, s)) = dimensions.iter_mut().find(|(d, _)| *d == p.dimension) {
            s.add(f);
        }
    }
    dimensions.retain(|(_, s)| s.programmes > 0);
    Table {
        asked,
        rows,
        agencies,
        dimensions,
        plan: total,
    }
}
