//! Numbers and dates as people read them, in the reader's language: the one
//! place that decides the decimal mark, thousands, percentages and written
//! dates for reports, validation messages and the interface alike.

use super::Lang;
use crate::plan::model::Target;
use jiff::civil::Date;

/// A figure as people write it: no trailing `.0`, thousands grouped and
/// the decimal mark of the language: `1.234.567,5` in Indonesian,
/// `1,234,567.5` in English.
pub fn number(value: f64, lang: Lang) -> String {
    written(&format!("{value}"), lang)
}

/// A figure with the language's decimal mark and no thousands grouped:
/// the two readings of a figure that reads two ways (`36500`, `36.5`),
/// where a grouped `36.500` would be the very question.
pub fn ungrouped(value: f64, lang: Lang) -> String {
    let plain = format!("{value}");
    match lang {
        Lang::Id => plain.replace('.', ","),
        Lang::En => plain,
    }
}

/// A figure with two decimals (an index, a score, a share), written as
/// [`number`] and rounded as [`round2`] says.
pub fn decimal(value: f64, lang: Lang) -> String {
    written(&format!("{:.2}", round2(value)), lang)
}

/// `value` to two decimals, half away from zero as a person rounds
/// (3,125 → 3,13; Rust's own `{:.2}` would give 3,12, half to even), after
/// a millionth's rounding so that a binary fraction such as 114,999… of
/// 115 ÷ 100 × 100 rounds as the figure it stands for. The rule capaian
/// follows (`plan::achievement`); FORMAT.md, "Figures".
pub fn round2(value: f64) -> f64 {
    // Beyond a thousand million a millionth is below what an f64 holds.
    let settled = if value.abs() < 1e9 {
        (value * 1e6).round() / 1e6
    } else {
        value
    };
    (settled * 100.0).round() / 100.0 + 0.0
}

/// Rupiah in full, whole rupiah, as [`number`] groups them: 1.500.000.000
/// in Indonesian, 1,500,000,000 in English.
pub fn money(amount: f64, lang: Lang) -> String {
    let whole = amount.abs().round();
    let sign = if amount < 0.0 && whole > 0.0 { "-" } else { "" };
    format!("{sign}{}", written(&format!("{whole}"), lang))
}

/// `plain` (as Rust writes a figure: `-1234.5`) in `lang`'s way.
fn written(plain: &str, lang: Lang) -> String {
    let (thousands, mark) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(plain.len() + whole.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push(mark);
        out.push_str(f);
    }
    out
}

/// A target as it is printed wherever one is: `80`, or a range as a range,
/// `80–90` (`dash` is the glyph between, `-` in ASCII).
pub fn goal(t: &Target, lang: Lang, dash: &str) -> String {
    match t.upper {
        Some(upper) => format!("{}{dash}{}", number(t.target, lang), number(upper, lang)),
        None => number(t.target, lang),
    }
}

/// An achievement (capaian) as reports, sheets and letters print it: two
/// decimals and a spaced sign, `98,72 %` in Indonesian, `98.72 %` in English.
pub fn capaian(p: f64, lang: Lang) -> String {
    format!("{} %", decimal(p, lang))
}

/// A share in whole percent for a narrow screen column only (the
/// dashboard's gauge, the province's columns, the rollup's `Achv`): `45%`,
/// cut down, so a share just short of 100 never shows as all. Reports write
/// [`share`].
pub fn percent(p: f64) -> String {
    format!("{}%", p.floor() as i64)
}

/// [`percent`], or `missing` when there is none.
pub fn percent_or(p: Option<f64>, missing: &str) -> String {
    p.map_or_else(|| missing.to_string(), percent)
}

/// Rupiah as the summary for the regent says it: in the largest of juta,
/// miliar and triliun that keeps a whole part, with two decimals rounded
/// half away from zero (Rp 1.455.000.000 → "Rp 1,46 miliar"); below a
/// million in full. Tables keep [`money`], the rupiah in full.
pub fn rupiah_words(amount: f64, lang: Lang) -> String {
    let units: [(f64, &str, &str); 3] = [
        (1e12, "triliun", "trillion"),
        (1e9, "miliar", "billion"),
        (1e6, "juta", "million"),
    ];
    let whole = amount.abs();
    for (size, id, en) in units {
        if whole >= size {
            let word = match lang {
                Lang::Id => id,
                Lang::En => en,
            };
            let sign = if amount < 0.0 { "-" } else { "" };
            let scaled = (whole / size * 100.0).round() / 100.0;
            return format!("Rp {sign}{} {word}", decimal(scaled, lang));
        }
    }
    format!("Rp {}", money(amount, lang))
}

/// A share as every report and the detail view print it (absorption,
/// physical progress, programmes done or running, an evaluation aspect):
/// two decimals rounded as [`round2`] and a spaced sign, `68,57 %` in
/// Indonesian, `68.57 %` in English.
pub fn share(p: f64, lang: Lang) -> String {
    format!("{} %", decimal(p, lang))
}

/// [`share`], or `missing` when there is none.
pub fn share_or(p: Option<f64>, missing: &str, lang: Lang) -> String {
    p.map_or_else(|| missing.to_string(), |p| share(p, lang))
}

/// A date in a table: `30-09-2026` in Indonesian, day first as officers
/// write it; `2026-09-30` in English. The data file, JSON and CSV keep ISO.
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year()),
        Lang::En => d.to_string(),
    }
}

/// [`date`] of a date as the data file keeps it (`2026-09-30`); text that
/// is no date is left as it is.
pub fn date_text(iso: &str, lang: Lang) -> String {
    crate::plan::model::parse_date(iso).map_or_else(|| iso.to_string(), |d| date(d, lang))
}

/// A date written out in `lang`: "2 Desember 2026", "2 December 2026".
pub fn long_date(date: Date, lang: Lang) -> String {
    let months = lang.report().months;
    let month = usize::try_from(date.month() - 1)
        .ok()
        .and_then(|m| months.get(m))
        .copied()
        .unwrap_or_default();
    format!("{} {} {}", date.day(), month, date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::typed;
    use proptest::prelude::*;

    #[test]
    fn rupiah_in_words_for_the_regent_rounds_to_two_decimals_of_its_unit() {
        assert_eq!(rupiah_words(1_455_000_000.0, Lang::Id), "Rp 1,46 miliar");
        assert_eq!(rupiah_words(1_455_000_000.0, Lang::En), "Rp 1.46 billion");
        assert_eq!(rupiah_words(240_000_000.0, Lang::Id), "Rp 240,00 juta");
        assert_eq!(
            rupiah_words(2_500_000_000_000.0, Lang::Id),
            "Rp 2,50 triliun"
        );
        assert_eq!(rupiah_words(999_999.0, Lang::Id), "Rp 999.999");
        assert_eq!(rupiah_words(0.0, Lang::En), "Rp 0");
    }

    proptest! {
        /// What pantau prints in a language, an officer may copy into a form
        /// or an Indonesian command line of that language and get the same
        /// figure back, never one a thousand times off.
        #[test]
        fn a_figure_pantau_writes_reads_back_as_itself_in_its_language(
            thousandths in -10_000_000_000_000i64..10_000_000_000_000i64,
        ) {
            let v = thousandths as f64 / 1000.0;
            for lang in [Lang::Id, Lang::En] {
                let written = number(v, lang);
                prop_assert_eq!(typed::number(&written, Some(lang.convention())), Ok(v), "{}", written);
                let cents = decimal(v, lang);
                let rounded = round2(v);
                prop_assert_eq!(typed::number(&cents, Some(lang.convention())), Ok(rounded), "{}", cents);
            }
            let indonesian = number(v, Lang::Id);
            prop_assert_eq!(typed::number(&indonesian, Lang::Id.typed_convention()), Ok(v));
            for lang in [Lang::Id, Lang::En] {
                let rupiah = money(v, lang);
                prop_assert_eq!(typed::rupiah(&rupiah, Some(lang.convention())), Ok(v.round()), "{}", rupiah);
            }
        }
    }

    #[test]
    fn indonesian_figures_take_a_decimal_comma_and_money_a_thousands_dot() {
        assert_eq!(number(12.5, Lang::Id), "12,5");
        assert_eq!(number(12.0, Lang::En), "12");
        assert_eq!(decimal(3.1, Lang::Id), "3,10");
        assert_eq!(money(1_250_000.4, Lang::Id), "1.250.000");
        assert_eq!(money(1_250_000.4, Lang::En), "1,250,000");
        assert_eq!(money(-999.0, Lang::Id), "-999");
        assert_eq!(money(-0.2, Lang::Id), "0");
        assert_eq!(number(40_000.0, Lang::Id), "40.000");
        assert_eq!(number(40_000.0, Lang::En), "40,000");
        assert_eq!(number(-1_234_567.25, Lang::Id), "-1.234.567,25");
        assert_eq!(number(-1_234_567.25, Lang::En), "-1,234,567.25");
        assert_eq!(number(0.125, Lang::Id), "0,125");
        assert_eq!(decimal(1234.5, Lang::Id), "1.234,50");
        assert_eq!(percent_or(None, "-"), "-");
        assert_eq!(percent_or(Some(44.6), ""), "44%");
        assert_eq!(capaian(98.72, Lang::Id), "98,72 %");
        let range = Target {
            target: 7.5,
            upper: Some(8.0),
            ..Target::default()
        };
        assert_eq!(goal(&range, Lang::Id, "–"), "7,5–8");
        assert_eq!(goal(&range, Lang::En, "-"), "7.5-8");
        assert_eq!(capaian(102.2, Lang::En), "102.20 %");
    }

    #[test]
    fn a_share_rounds_half_away_from_zero_at_two_decimals() {
        // 1 of 32 is 3.125 exactly: a person writes 3,13.
        assert_eq!(share(100.0 / 32.0, Lang::Id), "3,13 %");
        assert_eq!(share(100.0 / 32.0, Lang::En), "3.13 %");
        assert_eq!(share(100.0 / 6.0, Lang::Id), "16,67 %");
        assert_eq!(share(115.0 / 100.0 * 100.0, Lang::Id), "115,00 %");
        assert_eq!(decimal(-0.004, Lang::Id), "0,00");
        assert_eq!(share_or(None, "—", Lang::Id), "—");
    }

    #[test]
    fn a_table_writes_a_date_day_first_in_indonesian_and_prose_writes_the_month() {
        let d = Date::new(2026, 9, 3).unwrap();
        assert_eq!(date(d, Lang::Id), "03-09-2026");
        assert_eq!(date(d, Lang::En), "2026-09-03");
        assert_eq!(long_date(d, Lang::Id), "3 September 2026");
        assert_eq!(date_text("2026-12-02", Lang::Id), "02-12-2026");
        assert_eq!(date_text("someday", Lang::Id), "someday");
        assert_eq!(
            crate::plan::typed::date(&date(d, Lang::Id)),
            Some(d),
            "reads back"
        );
    }
}
