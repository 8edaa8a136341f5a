//! Table cells and inline text for Markdown and HTML, below both renderers
//! and the evaluation report that builds on them (so that none of them
//! imports another's helpers both ways).

/// Markdown: inline text, cells and tables.
pub(crate) mod md {
    /// A GitHub-flavoured table of cells already in Markdown.
    pub(crate) fn table_raw(out: &mut String, head: &[&str], rows: &[Vec<String>], right: &[bool]) {
        let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
            out.push('|');
            for c in cells {
                out.push(' ');
                out.push_str(&c);
                out.push_str(" |");
            }
            out.push('\n');
        };
        line(out, &mut head.iter().map(|h| inline(h)));
        line(
            out,
            &mut right
                .iter()
                .map(|&r| if r { "---:" } else { "---" }.to_string()),
        );
        for row in rows {
            line(out, &mut row.iter().cloned());
        }
    }

    /// Text inside a line (a heading, a cell): control characters shown escaped,
    /// Markdown punctuation backslash-escaped, line breaks as spaces.
    pub(crate) fn inline(value: &str) -> String {
        let mut out = String::with_capacity(value.len() + 8);
        for (i, part) in value.split('\n').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            punctuation(&crate::text::escape(part), &mut out);
        }
        out
    }

    /// A table cell: as [`inline`], but line breaks kept as `<br>`.
    pub(crate) fn cell(value: &str) -> String {
        let mut out = String::with_capacity(value.len() + 8);
        for (i, part) in value.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            punctuation(&crate::text::escape(part), &mut out);
        }
        out
    }

    fn punctuation(text: &str, out: &mut String) {
        for c in text.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
}

/// HTML: escaping, and tables of data cells.
pub(crate) mod html {
    /// What a column holds, which decides how its cells may break.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Col {
        /// Names and running text: wraps between words (and after a `/`), and
        /// inside a word only when one is very long.
        Text,
        /// Text that is what the table is about (a programme's name, an
        /// indicator, a milestone): as [`Col::Text`], and given the most room.
        Main,
        /// Ids, dates, counts: kept on one line, unless very long.
        Code,
        /// Numbers: aligned right, never wrapped.
        Num,
    }

    /// A table of data cells, escaped here.
    pub(crate) struct Table<'a> {
        pub head: &'a [&'a str],
        /// What each column holds.
        pub cols: &'a [Col],
        pub rows: &'a [Vec<String>],
        /// The last row is a total, in bold.
        pub total: bool,
    }

    /// The most characters a code or a word is kept whole for: longer, and it
    /// could push the table off the page.
    const LONG: usize = 24;

    pub(crate) fn table_raw(out: &mut String, t: &Table) {
        let class = |i: usize, cell: &str| match t.cols.get(i) {
            Some(Col::Num) => " class=\"num\"",
            // A code or word too long to keep whole may break anywhere: else it
            // could push the table off the page.
            Some(Col::Code) if cell.chars().count() <= LONG => " class=\"code\"",
            _ if cell.split_whitespace().all(|w| w.chars().count() <= LONG) => "",
            _ => " class=\"long\"",
        };
        out.push_str("<table>\n<thead>\n<tr>");
        for (i, h) in t.head.iter().enumerate() {
            if t.cols.get(i) == Some(&Col::Main) {
                // The main columns share half the width; the others fit around them.
                let mains = t.cols.iter().filter(|c| **c == Col::Main).count();
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
                out.push_str("<tr class=\"total\">");
            } else {
                out.push_str("<tr>");
            }
            for (i, c) in row.iter().enumerate() {
                let text = lines(c);
                let text = match t.cols.get(i) {
                    Some(Col::Text | Col::Main) => text.replace('/', "/<wbr>"),
                    _ => text,
                };
                out.push_str(&format!("<td{}>{}</td>", class(i, c), text));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// Text for an element's content or an attribute: control and bidi
    /// characters shown escaped (`\u{1b}`), then `& < > " '` as references.
    pub(crate) fn esc(value: &str) -> String {
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
    pub(crate) fn lines(value: &str) -> String {
        let value = value.replace("\r\n", "\n");
        value.split('\n').map(esc).collect::<Vec<_>>().join("<br>")
    }
}
