//! Parsing a large plan on every core: the programme list is split at its
//! top-level commas and each share is parsed on its own thread, the rest of
//! the file once. ron parses a programme the same way wherever it stands, so
//! the result is the plan a whole-file parse gives.
//!
//! Anything unusual (a file too small to be worth it, ron extensions at the
//! top, a list the scanner cannot find, any parse error at all) returns
//! `None`, and the caller parses the whole text the ordinary way: that path
//! alone reports errors, with their line and column.

use crate::plan::model::{Plan, Program};

/// Below this many bytes one thread is faster than starting several.
pub const PARALLEL_FROM_BYTES: usize = 512 * 1024;

/// The plan in `source`, parsed on up to `threads` threads, or `None` when
/// the ordinary parse must decide.
pub fn parse(source: &str, threads: usize) -> Option<Plan> {
    // `#![enable(...)]` changes how every value reads; leave it to the whole parse.
    if source.trim_start().starts_with("#!") {
        return None;
    }
    let list = programme_list(source)?;
    let items = split_items(source, list.clone())?;
    let mut rest = String::with_capacity(source.len() - (list.end - list.start) + 2);
    rest.push_str(&source[..list.start]);
    rest.push_str("[]");
    rest.push_str(&source[list.end..]);
    let threads = threads.clamp(1, 64).min(items.len().max(1));
    let share = items.len().div_ceil(threads).max(1);
    let (head, programs) = std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(share)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|item| {
                            ron::Options::default()
                                .from_str::<Program>(&source[item.clone()])
                                .ok()
                        })
                        .collect::<Option<Vec<Program>>>()
                })
            })
            .collect();
        let head = ron::Options::default().from_str::<Plan>(&rest).ok();
        let mut programs = Vec::with_capacity(items.len());
        for worker in workers {
            programs.extend(worker.join().ok()??);
        }
        Some((head, programs))
    })?;
    let mut plan = head?;
    if !plan.programs.is_empty() {
        return None;
    }
    plan.programs = programs;
    Some(plan)
}

/// Where the top-level `programs: [ … ]` list is, brackets included.
fn programme_list(source: &str) -> Option<std::ops::Range<usize>> {
    let mut scan = Scanner::new(source);
    while let Some((at, byte, depth)) = scan.next_code() {
        if depth == 1
            && byte == b'p'
            && source[at..].starts_with("programs")
            && !source[..at]
                .bytes()
                .next_back()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            let after = &source[at + "programs".len()..];
            let colon = after.trim_start();
            let open = colon.strip_prefix(':')?.trim_start();
            if !open.starts_with('[') {
                return None;
            }
            let start = source.len() - open.len();
            // Scan from the bracket to its match.
            let mut inner = Scanner::at(source, start);
            while let Some((end, byte, depth)) = inner.next_code() {
                if byte == b']' && depth == 0 {
                    return Some(start..end + 1);
                }
            }
            return None;
        }
    }
    None
}

/// The byte ranges of the items of the list at `list` (`[` to `]`).
fn split_items(source: &str, list: std::ops::Range<usize>) -> Option<Vec<std::ops::Range<usize>>> {
    let mut items = Vec::new();
    let mut scan = Scanner::at(source, list.start);
    let mut start = list.start + 1;
    while let Some((at, byte, depth)) = scan.next_code() {
        if at == list.start {
            continue;
        }
        match (byte, depth) {
            (b',', 1) | (b']', 0) => {
                let item = trim(source, start..at);
                if item.is_empty() {
                    // Only a trailing comma (or an empty list) leaves nothing
                    // before `]`; `,,` is an error for the whole parse to report.
                    if byte == b',' {
                        return None;
                    }
                } else {
                    items.push(item);
                }
                start = at + 1;
                if byte == b']' {
                    return Some(items);
                }
            }
            _ => {}
        }
    }
    None
}

fn trim(source: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let text = &source[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.end - (text.len() - text.trim_end().len());
    start..end.max(start)
}

/// Walks RON text byte by byte, skipping strings and comments, and tells
/// each structural byte with the bracket depth after it.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: i64,
}

impl<'a> Scanner<'a> {
    fn new(source: &'a str) -> Scanner<'a> {
        Scanner::at(source, 0)
    }

    fn at(source: &'a str, at: usize) -> Scanner<'a> {
        Scanner {
            bytes: source.as_bytes(),
            at,
            depth: 0,
        }
    }

    /// The next byte outside strings and comments: its offset, the byte, and
    /// the bracket depth once that byte is counted.
    fn next_code(&mut self) -> Option<(usize, u8, i64)> {
        let b = self.bytes;
        while self.at < b.len() {
            let at = self.at;
            let byte = b[at];
            self.at += 1;
            match byte {
                b'"' => self.skip_string(),
                b'r' if matches!(b.get(at + 1), Some(b'"' | b'#'))
                    && !at
                        .checked_sub(1)
                        .is_some_and(|p| b[p].is_ascii_alphanumeric() || b[p] == b'_') =>
                {
                    self.skip_raw_string()
                }
                b'/' if b.get(at + 1) == Some(&b'/') => {
                    while self.at < b.len() && b[self.at] != b'\n' {
                        self.at += 1;
                    }
                }
                b'/' if b.get(at + 1) == Some(&b'*') => self.skip_block_comment(),
                b'(' | b'[' | b'{' => {
                    self.depth += 1;
                    return Some((at, byte, self.depth));
                }
                b')' | b']' | b'}' => {
                    self.depth -= 1;
                    return Some((at, byte, self.depth));
                }
                _ => return Some((at, byte, self.depth)),
            }
        }
        None
    }

    fn skip_string(&mut self) {
        let b = self.bytes;
        while self.at < b.len() {
            match b[self.at] {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return;
                }
                _ => self.at += 1,
            }
        }
    }

    fn skip_raw_string(&mut self) {
        let b = self.bytes;
        let mut hashes = 0;
        while b.get(self.at) == Some(&b'#') {
            hashes += 1;
            self.at += 1;
        }
        if b.get(self.at) != Some(&b'"') {
            return;
        }
        self.at += 1;
        while self.at < b.len() {
            if b[self.at] == b'"'
                && b[self.at + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == b'#')
                    .count()
                    == hashes
            {
                self.at += 1 + hashes;
                return;
            }
            self.at += 1;
        }
    }

    fn skip_block_comment(&mut self) {
        let b = self.bytes;
        self.at += 1;
        let mut nesting = 1;
        while self.at < b.len() && nesting > 0 {
            if b[self.at] == b'/' && b.get(self.at + 1) == Some(&b'*') {
                nesting += 1;
                self.at += 2;
            } else if b[self.at] == b'*' && b.get(self.at + 1) == Some(&b'/') {
                nesting -= 1;
                self.at += 2;
            } else {
                self.at += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(source: &str) -> Plan {
        ron::Options::default().from_str(source).unwrap()
    }

    #[test]
    fn the_example_parses_the_same_on_several_threads() {
        let source = crate::store::EXAMPLE;
        for threads in [1, 2, 3, 8] {
            assert_eq!(parse(source, threads).as_ref(), Some(&whole(source)));
        }
    }

    #[test]
    fn strings_and_comments_that_look_like_structure_are_skipped() {
        let source = crate::store::EXAMPLE.replacen(
            "name: \"Super App Luwu Utara\"",
            "name: \"Super ], App ( \\\" // Luwu\" /* ] , */ // ), [\n",
            1,
        );
        let expected: Result<Plan, _> = ron::Options::default().from_str(&source);
        let expected = expected.expect("the edited example still parses");
        assert_eq!(parse(&source, 2), Some(expected));
    }

    #[test]
    fn anything_unusual_is_left_to_the_whole_parse() {
        let example = crate::store::EXAMPLE;
        // A syntax error inside a programme, a duplicated list, extensions.
        let broken = example.replacen("status: InProgress", "status: InProgres", 1);
        assert_eq!(parse(&broken, 2), None);
        let twice = example.replacen("programs: [", "programs: [], programs: [", 1);
        assert_eq!(parse(&twice, 2), None);
        let extended = format!("#![enable(implicit_some)]\n{example}");
        assert_eq!(parse(&extended, 2), None);
        assert_eq!(parse("", 2), None);
        assert_eq!(parse("(programs: [", 2), None);
    }
}
