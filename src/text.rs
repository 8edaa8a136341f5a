//! Making data strings safe and measured for a terminal or a sheet of paper.
//!
//! Data files are edited by hand and may hold anything: an escape sequence in
//! a programme name must never retitle an officer's terminal, and a long name
//! must never push a printed table past its width.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

/// Bidirectional embedding, override and isolate controls: invisible, and able
/// to make a line read differently from what it contains.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// `value` with control and bidi characters written as `\u{1b}`, so they can be
/// seen but never act. Borrowed when there is nothing to escape (the usual case).
pub fn escape(value: &str) -> Cow<'_, str> {
    if !value.chars().any(needs_escape) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Pasted text made fit for a field: line breaks (`\r\n`, `\r`, `\n`) kept
/// as `\n` when `multiline`, else each made a space (trailing ones dropped,
/// as when a whole line was copied); a tab becomes a space; every other
/// control character (an escape sequence's ESC, a NUL) is dropped.
pub fn pasted(value: &str, multiline: bool) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let value = if multiline {
        value.as_str()
    } else {
        value.trim_end_matches('\n')
    };
    value
        .chars()
        .filter_map(|c| match c {
            '\n' if multiline => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// A path as a person may see it: lossy for bytes that are not UTF-8, and
/// escaped, so a file name holding an escape sequence cannot act on a terminal.
pub fn escape_path(path: &std::path::Path) -> String {
    escape(&path.to_string_lossy()).into_owned()
}

/// Display columns taken by already-escaped text (its length when ASCII,
/// the usual case in a 10,000-row report).
pub fn width(value: &str) -> usize {
    if value.is_ascii() {
        value.len()
    } else {
        value.width()
    }
}

/// Escapes `value` and cuts it to at most `max` display columns, ending in
/// `ellipsis` when something was cut. Cuts between grapheme clusters, so an
/// emoji sequence or a letter with its accent is kept whole or left out whole.
pub fn fit(value: &str, max: usize, ellipsis: &str) -> String {
    let value = escape(value);
    if width(&value) <= max {
        return value.into_owned();
    }
    let room = max.saturating_sub(width(ellipsis));
    let (kept, _) = value.unicode_truncate(room);
    let mut out = String::with_capacity(max + ellipsis.len());
    out.push_str(kept);
    if max >= width(ellipsis) {
        out.push_str(ellipsis);
    }
    out
}

/// `fit`, then padded with spaces to exactly `cols` display columns.
pub fn pad(value: &str, cols: usize, ellipsis: &str) -> String {
    let mut out = fit(value, cols, ellipsis);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Right-aligned in `cols` columns (for numbers, which are ASCII).
pub fn pad_left(value: &str, cols: usize) -> String {
    format!("{value:>cols$}")
}

/// Every character pantau draws that differs between Unicode and plain
/// ASCII (`--ascii`), for the screen and for paper alike.
pub struct Glyphs {
    /// A heading's double rule and a table's thin one (reports).
    pub rule: &'static str,
    pub thin_rule: &'static str,
    /// Marks an overdue milestone in a printed timeline.
    pub overdue: &'static str,
    /// Points down at today above a printed timeline.
    pub today_mark: &'static str,
    pub marker: &'static str,
    pub gauge_full: &'static str,
    pub gauge_empty: &'static str,
    pub bar: &'static str,
    pub milestone: &'static str,
    pub milestone_done: &'static str,
    pub target: &'static str,
    pub today: &'static str,
    pub ellipsis: &'static str,
    pub arrow: &'static str,
    pub dot: &'static str,
    pub dash: &'static str,
    pub check: &'static str,
    pub open: &'static str,
    pub none: &'static str,
    pub pick_left: &'static str,
    pub pick_right: &'static str,
    pub arrow_left: &'static str,
    /// Between a weight and a score: `20 × 3.10`.
    pub times: &'static str,
    /// Before a lower-is-better target: `≤ 10`.
    pub at_most: &'static str,
}

pub const UNICODE: Glyphs = Glyphs {
    rule: "═",
    thin_rule: "─",
    overdue: "!",
    today_mark: "▼",
    marker: "> ",
    gauge_full: "█",
    gauge_empty: "░",
    bar: "█",
    // Hollow until reached, filled once done.
    milestone: "◇",
    milestone_done: "◆",
    target: "▲",
    today: "│",
    ellipsis: "…",
    arrow: "→",
    dot: " · ",
    dash: "–",
    check: "[x]",
    open: "[ ]",
    none: "—",
    pick_left: "◂",
    pick_right: "▸",
    arrow_left: "←",
    times: "×",
    at_most: "≤",
};

pub const ASCII: Glyphs = Glyphs {
    rule: "=",
    thin_rule: "-",
    overdue: "!",
    today_mark: "v",
    marker: "> ",
    gauge_full: "#",
    gauge_empty: ".",
    bar: "=",
    milestone: "o",
    milestone_done: "*",
    target: "^",
    // Not `|`, which the borders already use.
    today: ":",
    ellipsis: "...",
    arrow: "->",
    dot: " | ",
    dash: "-",
    check: "[x]",
    open: "[ ]",
    none: "-",
    pick_left: "<",
    pick_right: ">",
    arrow_left: "<-",
    times: "x",
    at_most: "<=",
};

impl Glyphs {
    pub fn of(ascii: bool) -> &'static Glyphs {
        if ascii { &ASCII } else { &UNICODE }
    }
}

/// The candidate nearest to `given` for a "did you mean" hint: the same
/// ignoring case, else at most a third of its characters away (at least one)
/// by edits (insert, delete, replace, swap of neighbours). None when nothing
/// is near or two are equally near: a wrong guess is worse than none.
pub fn nearest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given = given.to_lowercase();
    let limit = (given.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for candidate in candidates {
        // Optimal string alignment: Levenshtein plus a swap of neighbours
        // (the commonest typo, `sumamry`), by character.
        let d = strsim::osa_distance(&given, &candidate.to_lowercase());
        if d > limit {
            continue;
        }
        match best {
            Some((b, _)) if d > b => {}
            Some((b, _)) if d == b => tied = true,
            _ => {
                best = Some((d, candidate));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

#[cfg(test)]
mod nearest_tests {
    use super::nearest;

    #[test]
    fn typos_find_the_command_or_id_meant_and_far_words_find_nothing() {
        let commands = ["check", "summary", "set", "log", "report", "doctor", "init"];
        assert_eq!(nearest("summry", commands), Some("summary"));
        assert_eq!(nearest("sumamry", commands), Some("summary"));
        assert_eq!(nearest("chek", commands), Some("check"));
        assert_eq!(nearest("plan.ron", commands), None);
        let ids = ["GOV-01", "GOV-02", "BRD-01"];
        assert_eq!(nearest("gov-01", ids), Some("GOV-01"));
        assert_eq!(nearest("GOV-1", ids), Some("GOV-01"));
        assert_eq!(nearest("GOV-03", ids), None, "GOV-01 and GOV-02 tie");
        assert_eq!(nearest("BRD01", ids), Some("BRD-01"));
        assert_eq!(nearest("XYZ-99", ids), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        assert_eq!(
            escape("\u{1b}]0;pwned\u{7}Name"),
            "\\u{1b}]0;pwned\\u{7}Name"
        );
        assert_eq!(escape("a\u{202E}b"), "a\\u{202e}b");
        assert!(matches!(escape("Sarambu Alla'"), Cow::Borrowed(_)));
    }

    #[test]
    fn fit_keeps_emoji_sequences_and_accents_whole() {
        // A family of four code points joined by zero-width joiners, two columns wide.
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        let cut = fit(&format!("ab{family}cd"), 4, "…");
        assert_eq!(
            cut, "ab…",
            "the family is left out whole, not cut after a joiner"
        );
        assert!(width(&cut) <= 4);
        assert_eq!(
            fit(&format!("ab{family}cd"), 5, "…"),
            format!("ab{family}…")
        );
        assert_eq!(fit("Kale\u{301}mpang", 5, "…"), "Kale\u{301}…");
        assert!(
            !wrap(&format!("{family}{family}{family}"), 3)
                .iter()
                .any(|l| l.starts_with('\u{200d}'))
        );
    }

    #[test]
    fn fit_cuts_by_display_columns_not_bytes() {
        assert_eq!(fit("Dinas Kominfo", 8, "…"), "Dinas K…");
        assert_eq!(fit("日本語テキスト", 7, "…"), "日本語…");
        assert_eq!(fit("short", 8, "…"), "short");
        assert_eq!(fit("abcdef", 4, "..."), "a...");
        assert_eq!(width(&pad("日本", 6, "…")), 6);
    }
}

/// Escapes `value` and wraps it into lines of at most `cols` display columns,
/// breaking at spaces where it can and inside a word where it must.
pub fn wrap(value: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut lines = Vec::new();
    for paragraph in value.split('\n') {
        let paragraph = escape(paragraph);
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split(' ') {
            let w = width(word);
            if used > 0 && used + 1 + w <= cols {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            // A word longer than the line is cut into pieces, between graphemes.
            for g in word.graphemes(true) {
                let gw = width(g);
                if used + gw > cols && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push_str(g);
                used += gw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_inside_long_words() {
        assert_eq!(
            wrap("satu dua tiga empat", 9),
            vec!["satu dua", "tiga", "empat"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert!(wrap("日本語のテキスト", 5).iter().all(|l| width(l) <= 5));
    }
}
