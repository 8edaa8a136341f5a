//! The printable report: one self-contained HTML document laid out as an
//! official document (tata naskah dinas) for a browser to print or save as PDF.
//!
//! A4 or F4 (`@page`), the letterhead (kop) with an optional logo embedded as a
//! `data:` URI, the title, tables whose header row repeats on every page and
//! whose rows never split, page numbers in the bottom margin, and the
//! signature block (place, date, position, name, NIP) at the end on the right.
//! Nothing is fetched: no scripts, links, web fonts or images from elsewhere;
//! fonts are the system's (Arial, else Liberation Sans, …).
//!
//! All data is escaped twice over: control and bidi characters as in text
//! (`\u{1b}`), then `& < > " '` as character references, so a name can never
//! become markup.

use super::document::{Block, Document, Holds, Table as DocTable, TargetRow};
use super::{Ctx, Kind, ReportError};
use crate::i18n::format::long_date;
use crate::i18n::{Lang, fill};
use crate::text::Glyphs;
use jiff::civil::Date;
use std::path::Path;

/// The sheet the report is laid out for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paper {
    /// 210 × 297 mm, the standard for official documents.
    #[default]
    A4,
    /// Folio, 215 × 330 mm, which some regions still use.
    F4,
}

impl Paper {
    /// The CSS `@page` size.
    fn size(self) -> &'static str {
        match self {
            Paper::A4 => "210mm 297mm",
            Paper::F4 => "215mm 330mm",
        }
    }

    /// The same page turned.
    fn landscape(self) -> &'static str {
        match self {
            Paper::A4 => "297mm 210mm",
            Paper::F4 => "330mm 215mm",
        }
    }
}

/// How the printable report is dressed: paper, letterhead and signature.
/// Empty text leaves its line out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Letter {
    pub paper: Paper,
    /// The agency under the region, e.g. "Dinas Komunikasi, Informatika dan Persandian".
    pub agency: String,
    /// The letterhead's address line.
    pub address: String,
    pub logo: Option<Logo>,
    /// Where the report is signed, e.g. "Masamba".
    pub place: String,
    pub signer: Signer,
    /// The date written above the signature; `None` for today.
    pub date: Option<Date>,
}

/// Who signs the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signer {
    pub name: String,
    /// E.g. "Kepala Dinas Komunikasi, Informatika dan Persandian".
    pub position: String,
    /// The civil-servant number (Nomor Induk Pegawai).
    pub nip: String,
}

/// A letterhead logo: a PNG, JPEG or SVG image, checked and kept as bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Logo {
    mime: &'static str,
    bytes: Vec<u8>,
}

impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Logo({}, {} bytes)", self.mime, self.bytes.len())
    }
}

impl Logo {
    /// The largest logo embedded: a letterhead's emblem is some kilobytes, and
    /// every copy of the report carries it.
    pub const MAX_BYTES: u64 = 2_000_000;

    /// The image in `bytes`, read from `path`: its type by the extension
    /// (`.png`, `.jpg`, `.jpeg`, `.svg`), and the content must be one.
    pub fn new(path: &Path, bytes: Vec<u8>) -> Result<Logo, ReportError> {
        if bytes.len() as u64 > Logo::MAX_BYTES {
            return Err(ReportError::LogoSize {
                path: path.to_string_lossy().into_owned(),
                bytes: bytes.len() as u64,
            });
        }
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let fits = match extension.as_str() {
            "png" => bytes
                .starts_with(b"\x89PNG\r\n\x1a\n")
                .then_some("image/png"),
            "jpg" | "jpeg" => bytes
                .starts_with(&[0xFF, 0xD8, 0xFF])
                .then_some("image/jpeg"),
            "svg" => std::str::from_utf8(&bytes)
                .is_ok_and(|text| text.contains("<svg"))
                .then_some("image/svg+xml"),
            _ => None,
        };
        match fits {
            Some(mime) => Ok(Logo { mime, bytes }),
            None => Err(ReportError::LogoType {
                path: path.to_string_lossy().into_owned(),
            }),
        }
    }

    /// The image as a `data:` URI: an `<img>` shows it and runs nothing in
    /// it (an SVG's scripts included), and nothing is fetched.
    fn data_uri(&self) -> String {
        format!("data:{};base64,{}", self.mime, base64(&self.bytes))
    }
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub(crate) fn render(ctx: &Ctx) -> String {
    let document = super::build::document(ctx);
    let mut body = String::new();
    let chart = |out: &mut String| timeline(ctx, out);
    blocks(&mut body, &document, ctx.lang, ctx.g, &chart);
    page(ctx, document.title, &body)
}

/// `pantau rollup` as HTML: its title, then its parts, on A4 without a
/// letterhead.
pub(crate) fn listing(document: &Document, lang: Lang, g: &Glyphs) -> String {
    let mut out = format!("<h1>{}</h1>\n", esc(&document.title));
    blocks(&mut out, document, lang, g, &|_| {});
    self::document(lang, Paper::A4, false, &document.title, &out)
}

/// The letter around `body`: the letterhead, the title, the signature.
fn page(ctx: &Ctx, title: String, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 4096);
    letterhead(ctx, &mut out);
    out.push_str(&format!("<h1>{}</h1>\n", esc(&title)));
    out.push_str(&format!("<p class=\"sub\">{}</p>\n", esc(&subtitle(ctx))));
    if let Some(filter) = ctx.filter_line() {
        out.push_str(&format!("<p class=\"sub\">{}</p>\n", esc(&filter)));
    }
    out.push_str("<main>\n");
    out.push_str(body);
    out.push_str("</main>\n");
    signature(ctx, &mut out);
    // The browser's tab and the PDF's title.
    let name = if ctx.request.kind == Kind::Overview {
        title
    } else {
        format!("{}{}{}", ctx.plan.title, ctx.g.dot, title)
    };
    // The quarterly monitoring table has a dozen columns: officers print
    // it across the page.
    let landscape = ctx.request.kind == Kind::Quarter;
    document(ctx.lang, ctx.request.letter.paper, landscape, &name, &out)
}

/// The whole document around `body` (already HTML): the page, the fonts,
/// the page numbers.
fn document(lang: Lang, paper: Paper, landscape: bool, title: &str, body: &str) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::Id => "id",
    };
    let page_of = css_counter(lang.report().page_of);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"pantau\">\n<title>{}</title>\n<style>\n\
         @page {{\n  size: {};\n  margin: 20mm 20mm 20mm 25mm;\n  \
         @bottom-center {{ content: {page_of}; font-family: {FONTS}; font-size: 9pt; }}\n}}\n\
         {STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        esc(title),
        if landscape {
            paper.landscape()
        } else {
            paper.size()
        },
    )
}

const FONTS: &str = "Arial, \"Liberation Sans\", Helvetica, sans-serif";

const STYLE: &str = "\
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: Arial, \"Liberation Sans\", Helvetica, sans-serif; font-size: 11pt; line-height: 1.3; }
@media screen { body { max-width: 165mm; margin: 12mm auto; } }
.kop { display: flex; align-items: center; gap: 4mm; padding-bottom: 2mm; border-bottom: 3pt double #000; margin-bottom: 6mm; }
.kop img { flex: none; width: 22mm; height: 22mm; object-fit: contain; }
.kop .lines { flex: 1; text-align: center; }
.kop .government { font-size: 14pt; font-weight: bold; }
.kop .agency { font-size: 14pt; font-weight: bold; }
.kop .address { font-size: 10pt; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 1mm; }
.sub { text-align: center; font-size: 10pt; margin: 0 0 1mm; }
main { margin-top: 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 0 0 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 0.8mm 1.2mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.long { overflow-wrap: anywhere; }
th.code, td.code { white-space: nowrap; }
/* Codes and numbers as narrow as they are; names and text share the rest. */
th.num, th.code { width: 1%; }
th { background: #e8e8e8; }
th.num, td.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
table.fields th { width: 30%; }
table.chart { font-family: \"DejaVu Sans Mono\", \"Liberation Mono\", monospace; width: auto; margin-top: 3mm; }
table.chart td { border: none; padding: 0; white-space: pre; line-height: 1.2; overflow-wrap: normal; }
.signature { break-inside: avoid; page-break-inside: avoid; width: 75mm; margin: 8mm 0 0 auto; }
.signature p { margin: 0; }
.signature .space { height: 20mm; }
.signature .name { font-weight: bold; text-decoration: underline; }
";

/// A template with `{0}` (this page) and `{1}` (all pages) as a CSS
/// `content` value: `"Page " counter(page) " of " counter(pages)`.
fn css_counter(template: &str) -> String {
    let mut out = String::from("\"");
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        css_string(&rest[..at], &mut out);
        let after = &rest[at..];
        if let Some(tail) = after.strip_prefix("{0}") {
            out.push_str("\" counter(page) \"");
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("{1}") {
            out.push_str("\" counter(pages) \"");
            rest = tail;
        } else {
            out.push('{');
            rest = &after[1..];
        }
    }
    css_string(rest, &mut out);
    out.push('"');
    out
}

/// Text inside a CSS string: quotes, backslashes, markup and controls as escapes.
fn css_string(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | '/' | ':') {
            out.push(c);
        } else if c.is_ascii() {
            out.push_str(&format!("\\{:x} ", c as u32));
        } else {
            out.push(c);
        }
    }
}

/// The letterhead: the logo on the left, the lines centred beside it (a
/// long agency name keeps to one line more often than if they were centred
/// on the page), a double rule under it.
fn letterhead(ctx: &Ctx, out: &mut String) {
    let letter = &ctx.request.letter;
    out.push_str("<header class=\"kop\">\n");
    if let Some(logo) = &letter.logo {
        out.push_str(&format!("<img src=\"{}\" alt=\"\">\n", logo.data_uri()));
    }
    out.push_str("<div class=\"lines\">\n");
    if !ctx.plan.region.trim().is_empty() {
        let government = fill(ctx.r().kop_government, &[&ctx.plan.region.trim()]);
        out.push_str(&format!(
            "<div class=\"government\">{}</div>\n",
            esc(&government.to_uppercase())
        ));
    }
    if !letter.agency.trim().is_empty() {
        out.push_str(&format!(
            "<div class=\"agency\">{}</div>\n",
            esc(&letter.agency.to_uppercase())
        ));
    }
    if !letter.address.trim().is_empty() {
        out.push_str(&format!(
            "<div class=\"address\">{}</div>\n",
            lines(&letter.address)
        ));
    }
    out.push_str("</div>\n</header>\n");
}

/// Plan, region, period and the date the data is as of, written out.
fn subtitle(ctx: &Ctx) -> String {
    let (r, g, p) = (ctx.r(), &ctx.g, ctx.plan.period);
    let mut parts = Vec::new();
    if ctx.request.kind != Kind::Overview {
        parts.push(ctx.plan.title.clone());
    }
    parts.push(ctx.plan.region.clone());
    parts.push(format!("{} {}{}{}", r.period, p.start, g.dash, p.end));
    parts.push(format!("{} {}", r.as_of, long_date(ctx.today, ctx.lang)));
    parts.join(g.dot)
}

/// Place and date, then position, room to sign, name and NIP: on the right,
/// after everything else, as Indonesian official letters end. Left out when
/// none of place, position, name and NIP is given.
fn signature(ctx: &Ctx, out: &mut String) {
    let letter = &ctx.request.letter;
    let s = &letter.signer;
    let given = |v: &str| !v.trim().is_empty();
    if ![&letter.place, &s.position, &s.name, &s.nip]
        .iter()
        .any(|v| given(v))
    {
        return;
    }
    let date = long_date(letter.date.unwrap_or(ctx.today), ctx.lang);
    let line = if given(&letter.place) {
        format!("{}, {date}", letter.place.trim())
    } else {
        date
    };
    out.push_str("<div class=\"signature\">\n");
    out.push_str(&format!("<p>{}</p>\n", esc(&line)));
    if given(&s.position) {
        out.push_str(&format!("<p>{}</p>\n", lines(&s.position)));
    }
    out.push_str("<div class=\"space\"></div>\n");
    if given(&s.name) {
        out.push_str(&format!("<p class=\"name\">{}</p>\n", esc(&s.name)));
    }
    if given(&s.nip) {
        out.push_str(&format!(
            "<p>{} {}</p>\n",
            esc(ctx.r().nip),
            esc(&nip(s.nip.trim()))
        ));
    }
    out.push_str("</div>\n");
}

/// A NIP as it is printed under a signature: 19700101 199003 1 001 (birth
/// date, appointment month, sex, number). Anything but its 18 digits is
/// printed as given.
fn nip(given: &str) -> String {
    let digits: String = given.chars().filter(|c| !c.is_whitespace()).collect();
    match (digits.len(), digits.bytes().all(|b| b.is_ascii_digit())) {
        (18, true) => format!(
            "{} {} {} {}",
            &digits[..8],
            &digits[8..14],
            &digits[14..15],
            &digits[15..]
        ),
        _ => given.to_string(),
    }
}

fn heading(out: &mut String, level: u8, text: &str) {
    out.push_str(&format!("<h{level}>{}</h{level}>\n", esc(text)));
}

/// The text timeline's chart, one line per row: its axis is the table's
/// header, so it repeats on every page.
fn timeline(ctx: &Ctx, out: &mut String) {
    let width = ctx.request.width.min(120);
    let (axis, body) = super::timeline::chart(ctx, width);
    // As large as fits across A4's 165 mm (a monospace column is 0.6 em),
    // at most 9 pt: 80 columns at 9 pt, 120 at 6.5 pt.
    let points = (165.0 / 25.4 * 72.0 / (width as f64 * 0.61)).min(9.0);
    out.push_str(&format!(
        "<table class=\"chart\" style=\"font-size: {points:.1}pt\">\n<thead>\n"
    ));
    for line in &axis {
        out.push_str(&format!("<tr><td>{}</td></tr>\n", esc(line)));
    }
    out.push_str("</thead>\n<tbody>\n");
    for line in body {
        out.push_str(&format!("<tr><td>{}</td></tr>\n", esc(&line.text)));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The most characters a code or a word is kept whole for: longer, and it
/// could push the table off the page.
const LONG: usize = 24;

/// `t` as a table whose header repeats on every page and whose rows never
/// split, its caption above it; "none" when it has no rows. Names and text
/// wrap between words (and after a `/`), inside a word only when one is
/// very long; codes and figures stay on one line; the main columns share
/// half the width.
fn table(out: &mut String, t: &DocTable, lang: Lang) {
    if let Some(caption) = &t.caption {
        out.push_str(&format!("<p>{}</p>\n", esc(caption)));
    }
    if t.rows.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", esc(lang.report().none)));
        return;
    }
    let holds = |i: usize| t.cols.get(i).map(|c| c.holds);
    let class = |i: usize, cell: &str| match holds(i) {
        Some(Holds::Num) => " class=\"num\"",
        // A code or word too long to keep whole may break anywhere: else it
        // could push the table off the page.
        Some(Holds::Code) if cell.chars().count() <= LONG => " class=\"code\"",
        _ if cell.split_whitespace().all(|w| w.chars().count() <= LONG) => "",
        _ => " class=\"long\"",
    };
    // An official table numbers its rows (tata naskah dinas); a total row
    // is no item and goes without.
    out.push_str(&format!(
        "<table>\n<thead>\n<tr><th class=\"num\">{}</th>",
        esc(lang.report().number)
    ));
    for (i, h) in t.cols.iter().map(|c| c.title.as_str()).enumerate() {
        if holds(i) == Some(Holds::Main) {
            // The main columns share half the width; the others fit around them.
            let mains = t.cols.iter().filter(|c| c.holds == Holds::Main).count();
            out.push_str(&format!(
                "<th style=\"width: {}%\">{}</th>",
                50 / mains.max(1),
                esc(h)
            ));
        } else {
            out.push_str(&format!("<th{}>{}</th>", class(i, h), esc(h)));
        }
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (n, row) in t.rows.iter().enumerate() {
        if t.total && n + 1 == t.rows.len() {
            out.push_str("<tr class=\"total\"><td></td>");
        } else {
            out.push_str(&format!("<tr><td class=\"num\">{}.</td>", n + 1));
        }
        for (i, c) in row.iter().enumerate() {
            let c = c.show(lang, false);
            let text = lines(&c);
            let text = match holds(i) {
                Some(Holds::Text | Holds::Main) => text.replace('/', "/<wbr>"),
                _ => text,
            };
            out.push_str(&format!("<td{}>{}</td>", class(i, &c), text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Text for an element's content or an attribute: control and bidi
/// characters shown escaped (`\u{1b}`), then `& < > " '` as references.
fn esc(value: &str) -> String {
    let value = crate::text::escape(value);
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// As [`esc`], but line breaks kept as `<br>`.
fn lines(value: &str) -> String {
    let value = value.replace("\r\n", "\n");
    value.split('\n').map(esc).collect::<Vec<_>>().join("<br>")
}

/// The blocks of a built document in the letter's body.
fn blocks(
    out: &mut String,
    document: &Document,
    lang: Lang,
    g: &Glyphs,
    chart: &dyn Fn(&mut String),
) {
    for block in &document.blocks {
        match block {
            Block::Heading(level, text) => heading(out, *level, text),
            Block::Note(text) | Block::Nothing(text) => {
                out.push_str(&format!("<p>{}</p>\n", esc(text)));
            }
            Block::Subject { id, name } => heading(out, 2, &format!("{id}{}{name}", g.dot)),
            Block::Targets(rows) => table(out, &TargetRow::table(rows, lang), lang),
            Block::Table(t) => table(out, t, lang),
            Block::Fields(fields) => {
                // One row per field, the label as the row's header.
                out.push_str("<table class=\"fields\">\n<tbody>\n");
                for (label, value) in fields {
                    out.push_str(&format!(
                        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
                        esc(label),
                        lines(value)
                    ));
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", esc(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Timeline => chart(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nip_is_grouped_as_it_is_printed_under_a_signature() {
        assert_eq!(nip("197001011990031001"), "19700101 199003 1 001");
        assert_eq!(nip("19700101 199003 1 001"), "19700101 199003 1 001");
        assert_eq!(nip("1970-01"), "1970-01", "anything else as given");
    }

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64(&[0xFF, 0xFE, 0xFD]), "//79");
    }

    #[test]
    fn dates_are_written_out_in_the_report_language() {
        let date = jiff::civil::date(2026, 12, 2);
        assert_eq!(long_date(date, Lang::Id), "2 Desember 2026");
        assert_eq!(long_date(date, Lang::En), "2 December 2026");
        assert_eq!(
            long_date(jiff::civil::date(2027, 2, 28), Lang::Id),
            "28 Februari 2027"
        );
    }

    #[test]
    fn markup_and_control_characters_in_data_are_escaped() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{1b}[31mb\u{202e}"), "a\\u{1b}[31mb\\u{202e}");
        assert_eq!(lines("a\r\nb<\nc"), "a<br>b&lt;<br>c");
    }

    #[test]
    fn page_numbers_become_css_counters() {
        assert_eq!(
            css_counter("Halaman {0} dari {1}"),
            "\"Halaman \" counter(page) \" dari \" counter(pages) \"\""
        );
        assert_eq!(css_counter("\"{0}\""), "\"\\22 \" counter(page) \"\\22 \"");
    }

    #[test]
    fn a_logo_must_be_the_image_its_name_says() {
        let png = b"\x89PNG\r\n\x1a\nrest".to_vec();
        let logo = Logo::new(Path::new("logo.PNG"), png.clone()).unwrap();
        assert!(
            logo.data_uri()
                .starts_with("data:image/png;base64,iVBORw0KGg")
        );
        assert!(Logo::new(Path::new("logo.jpg"), png.clone()).is_err());
        assert!(Logo::new(Path::new("logo.gif"), png).is_err());
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
        assert!(Logo::new(Path::new("a.svg"), svg).is_ok());
    }
}
