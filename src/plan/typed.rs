//! Numbers, amounts and dates as an officer types them, read as meant or
//! refused — never guessed.
//!
//! Indonesians write thousands with `.` and decimals with `,` (40.000;
//! 12,66); English the other way round. Most input reads the same either
//! way: `12,66`, `0.125`, `1.500.000`, `36.500,5`, `1,234.5`. What does not
//! — one `.` or `,` followed by exactly three digits, `36.500` or `1,500` —
//! is settled by a [`Convention`] where the caller knows one (an Indonesian
//! interface, a form that shows its figures one way, a `;`- or `,`-separated
//! CSV), and otherwise refused with both readings. An English command line
//! does not settle it: an office server often runs in English while its
//! officers write the Indonesian way, and `36.500` stored as 36.5 is the
//! corruption this module exists to stop.

use jiff::civil::Date;

/// Which way a number is written, when the caller knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// `.` groups thousands, `,` is the decimal mark.
    Indonesian,
    /// `,` groups thousands, `.` is the decimal mark.
    English,
}

/// Why a typed number was not read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberError {
    /// Not a number in either convention.
    NotANumber,
    /// Reads as `indonesian` one way and `english` the other.
    Ambiguous { indonesian: f64, english: f64 },
}

/// The number `text` means: digits with an optional sign, thousands
/// separators that group by three, and one decimal mark.
pub fn number(text: &str, convention: Option<Convention>) -> Result<f64, NumberError> {
    let t = text.trim();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    let read = |thousands: char, decimal: char| read(digits, thousands, decimal).map(|v| sign * v);
    let indonesian = read('.', ',');
    let english = read(',', '.');
    match (indonesian, english) {
        (Some(a), Some(b)) if a == b => Ok(a),
        (Some(a), None) => Ok(a),
        (None, Some(b)) => Ok(b),
        (Some(indonesian), Some(english)) => match convention {
            Some(Convention::Indonesian) => Ok(indonesian),
            Some(Convention::English) => Ok(english),
            None => Err(NumberError::Ambiguous {
                indonesian,
                english,
            }),
        },
        (None, None) => Err(NumberError::NotANumber),
    }
}

/// `text` (no sign) in one convention: `None` unless every separator is
/// where that convention puts it.
fn read(text: &str, thousands: char, decimal: char) -> Option<f64> {
    let (whole, fraction) = match text.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let groups: Vec<&str> = whole.split(thousands).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = match groups.as_slice() {
        [one] => digits(one),
        // Nobody groups the thousands of nothing: `0.125` is a fraction.
        [first, rest @ ..] => {
            digits(first)
                && first.len() <= 3
                && *first != "0"
                && rest.iter().all(|g| g.len() == 3 && digits(g))
        }
        [] => false,
    };
    if !grouped || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let plain = match fraction {
        Some(f) => format!("{}.{f}", groups.concat()),
        None => groups.concat(),
    };
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Rupiah as typed: `1.500.000.000`, `Rp 1.500.000.000`, `1500000000`,
/// `1,5 miliar`, `250 juta`, `2 triliun` (or thousand / million / billion /
/// trillion), rounded to whole rupiah.
pub fn rupiah(text: &str, convention: Option<Convention>) -> Result<f64, NumberError> {
    let t = text.trim();
    let t = t
        .strip_prefix("Rp.")
        .or_else(|| t.strip_prefix("Rp"))
        .or_else(|| t.strip_prefix("rp"))
        .unwrap_or(t)
        .trim();
    let lower = t.to_lowercase();
    const SCALES: [(&str, f64); 8] = [
        ("ribu", 1e3),
        ("thousand", 1e3),
        ("juta", 1e6),
        ("million", 1e6),
        ("miliar", 1e9),
        ("billion", 1e9),
        ("triliun", 1e12),
        ("trillion", 1e12),
    ];
    for (word, scale) in SCALES {
        if let Some(figure) = lower.strip_suffix(word) {
            // With a word, `1,5 miliar` and `1.5 billion` both mean one and
            // a half: a three-digit fraction (`1,250 miliar`) still needs
            // the convention.
            let value = number(figure, convention)?;
            return Ok((value * scale).round());
        }
    }
    number(t, convention).map(f64::round)
}

/// A date as typed: `2026-11-30`, `30-11-2026` or `30/11/2026` (day first,
/// as Indonesians write it; never month first). The data file keeps ISO.
pub fn date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some(date) = crate::plan::model::parse_date(t) {
        return Some(date);
    }
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let small = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !small(day) || !small(month) || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ID: Option<Convention> = Some(Convention::Indonesian);
    const EN: Option<Convention> = Some(Convention::English);

    #[test]
    fn what_reads_the_same_either_way_is_read() {
        for (typed, meant) in [
            ("12,66", 12.66),
            ("12.66", 12.66),
            ("0.125", 0.125),
            ("0,125", 0.125),
            ("1.500.000", 1_500_000.0),
            ("1,500,000", 1_500_000.0),
            ("36.500,5", 36_500.5),
            ("1,234.5", 1234.5),
            ("40000", 40_000.0),
            ("-3,5", -3.5),
            ("  85 ", 85.0),
            ("1.2345", 1.2345),
        ] {
            assert_eq!(number(typed, None), Ok(meant), "{typed}");
            assert_eq!(number(typed, ID), Ok(meant), "{typed}");
            assert_eq!(number(typed, EN), Ok(meant), "{typed}");
        }
    }

    #[test]
    fn a_lone_group_of_three_is_settled_by_a_convention_or_refused_with_both_readings() {
        assert_eq!(number("36.500", ID), Ok(36_500.0));
        assert_eq!(number("1,500", ID), Ok(1.5));
        assert_eq!(number("36.500", EN), Ok(36.5));
        assert_eq!(number("1,500", EN), Ok(1500.0));
        assert_eq!(
            number("36.500", None),
            Err(NumberError::Ambiguous {
                indonesian: 36_500.0,
                english: 36.5
            })
        );
        assert_eq!(
            number("1,500", None),
            Err(NumberError::Ambiguous {
                indonesian: 1.5,
                english: 1500.0
            })
        );
    }

    #[test]
    fn separators_out_of_place_are_not_a_number() {
        for typed in [
            "", "abc", "1..5", "1.50.000", "1,2,3", "12,5.000", "1e9", "NaN", "inf", ".",
        ] {
            assert_eq!(number(typed, None), Err(NumberError::NotANumber), "{typed}");
            assert_eq!(number(typed, ID), Err(NumberError::NotANumber), "{typed}");
        }
    }

    #[test]
    fn rupiah_in_full_or_in_words() {
        assert_eq!(rupiah("1.500.000.000", None), Ok(1_500_000_000.0));
        assert_eq!(rupiah("Rp 1.500.000.000", None), Ok(1_500_000_000.0));
        assert_eq!(rupiah("1,5 miliar", None), Ok(1_500_000_000.0));
        assert_eq!(rupiah("1.5 billion", None), Ok(1_500_000_000.0));
        assert_eq!(rupiah("250 juta", None), Ok(250_000_000.0));
        assert_eq!(rupiah("1,46 Miliar", None), Ok(1_460_000_000.0));
        assert_eq!(rupiah("850000000", None), Ok(850_000_000.0));
        assert!(matches!(
            rupiah("1,250 miliar", None),
            Err(NumberError::Ambiguous { .. })
        ));
        assert_eq!(rupiah("sejuta", None), Err(NumberError::NotANumber));
    }

    #[test]
    fn dates_day_first_or_iso() {
        let d = Date::new(2026, 11, 30).unwrap();
        for typed in ["2026-11-30", "30-11-2026", "30/11/2026", "30/11/2026 "] {
            assert_eq!(date(typed), Some(d), "{typed}");
        }
        assert_eq!(date("1/2/2027"), Date::new(2027, 2, 1).ok());
        for typed in [
            "31-02-2026",
            "11/30/2026",
            "30-11-26",
            "2026/11/30",
            "30.11.2026",
            "",
        ] {
            assert_eq!(date(typed), None, "{typed}");
        }
    }

    /// A figure as pantau writes it in Indonesian: thousands dots, a
    /// decimal comma, up to two decimals.
    fn written_indonesian(v: f64) -> String {
        let fixed = format!("{:.2}", v.abs());
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        let sign = if v < 0.0 { "-" } else { "" };
        format!("{sign}{grouped},{fraction}")
    }

    proptest! {
        #[test]
        fn a_figure_written_either_way_reads_back_as_itself(cents in -10_000_000_000i64..10_000_000_000i64) {
            let v = cents as f64 / 100.0;
            // English as Rust writes it, and Indonesian as officers do.
            prop_assert_eq!(number(&format!("{v}"), None).ok(), Some(v));
            prop_assert_eq!(number(&written_indonesian(v), None), Ok(v));
            prop_assert_eq!(number(&written_indonesian(v), ID), Ok(v));
        }

        #[test]
        fn no_input_is_silently_rescaled(text in "[0-9.,]{1,12}") {
            // Whatever is accepted without a convention reads the same in
            // both; what reads differently is refused.
            if let Ok(v) = number(&text, None) {
                let id = read(&text, '.', ',');
                let en = read(&text, ',', '.');
                prop_assert!(id.is_none_or(|x| x == v) && en.is_none_or(|x| x == v), "{text} → {v}");
            }
        }
    }
}
