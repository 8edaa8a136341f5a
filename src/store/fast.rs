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
    let (list, items) = split(source)?;
    let mut rest = String::with_capacity(source.len() - (list.end - list.start) + 2);
    rest.push_str(&source[..list.start]);
    rest.push_str("[]");
    rest.push_str(&source[list.end..]);
    let threads = threads.clamp(1, 64).min(items.len().max(1));
    let share = items.len().div_ceil(threads).max(1);
    // Each thread fills its share of one list in place, so the programmes are
    // never held twice (memory stays that of a plain parse).
    let mut slots: Vec<Option<Program>> = Vec::with_capacity(items.len());
    slots.resize_with(items.len(), || None);
    let head = std::thread::scope(|scope| {
        for (chunk, out) in items.chunks(share).zip(slots.chunks_mut(share)) {
            scope.spawn(move || {
                for (item, slot) in chunk.iter().zip(out) {
                    *slot = ron::Options::default()
                        .from_str::<Program>(&source[item.clone()])
                        .ok();
                    if slot.is_none() {
                        // The whole parse will say where; stop this share.
                        return;
                    }
                }
            });
        }
        ron::Options::default().from_str::<Plan>(&rest).ok()
    });
    if slots.iter().any(Option::is_none) {
        return None;
    }
    // Same size as `Program` (the niche of its strings), so this reuses the
    // allocation rather than copying into a new one.
    let programs: Vec<Program> = slots.into_iter().map_while(|slot| slot).collect();
    let mut plan = head?;
    if !plan.programs.is_empty() {
        return None;
    }
    plan.programs = programs;
    Some(plan)
}

/// How many programmes the scanner finds (for measuring the scan alone).
#[doc(hidden)]
pub fn scan_only(source: &str) -> usize {
    split(source).map_or(0, |(_, items)| items.len())
}

/// Where the top-level `programs: [ … ]` list is (brackets included) and
/// where each of its items is, in one pass over the text.
fn split(source: &str) -> Option<(std::ops::Range<usize>, Vec<std::ops::Range<usize>>)> {
    let b = source.as_bytes();
    let mut at = 0;
    let mut depth = 0usize;
    let mut list: Option<usize> = None;
    let mut item_start = 0;
    let mut items = Vec::new();
    while at < b.len() {
        // Most of a plan is text and spaces: jump to the next byte that matters.
        match b[at..].iter().position(|&c| {
            matches!(
                c,
                b'"' | b'/' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b'p'
            )
        }) {
            Some(n) => at += n,
            None => break,
        }
        match b[at] {
            b'"' => at = skip_string(b, at)?,
            b'/' if b.get(at + 1) == Some(&b'/') => {
                at = b[at..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(b.len(), |n| at + n);
            }
            b'/' if b.get(at + 1) == Some(&b'*') => at = skip_block_comment(b, at)?,
            b'(' | b'[' | b'{' => {
                depth += 1;
                at += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if let Some(start) = list
                    && depth == 1
                {
                    // The list's own `]`; a stray `)` or `}` is for the whole parse.
                    if b[at] != b']' {
                        return None;
                    }
                    push_item(source, item_start..at, &mut items, true)?;
                    return Some((start..at + 1, items));
                }
                at += 1;
            }
            b',' => {
                if list.is_some() && depth == 2 {
                    push_item(source, item_start..at, &mut items, false)?;
                    item_start = at + 1;
                }
                at += 1;
            }
            b'p' if list.is_none() && depth == 1 && source[at..].starts_with("programs") => {
                let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
                let after = at + "programs".len();
                if at > 0 && ident(b[at - 1]) || b.get(after).copied().is_some_and(ident) {
                    at += 1;
                    continue;
                }
                let rest = source[after..].trim_start().strip_prefix(':')?.trim_start();
                if !rest.starts_with('[') {
                    return None;
                }
                let open = source.len() - rest.len();
                list = Some(open);
                depth += 1;
                at = open + 1;
                item_start = at;
            }
            _ => at += 1,
        }
    }
    None
}

/// Adds the item in `range` (trimmed). Only a trailing comma (or an empty
/// list) leaves nothing before `]`; `,,` is for the whole parse to report.
fn push_item(
    source: &str,
    range: std::ops::Range<usize>,
    items: &mut Vec<std::ops::Range<usize>>,
    last: bool,
) -> Option<()> {
    let text = &source[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.end - (text.len() - text.trim_end().len());
    if start >= end {
        return last.then_some(());
    }
    items.push(start..end);
    Some(())
}

/// Past the string that opens at `at` (a `"`, perhaps the end of `r#"`).
fn skip_string(b: &[u8], at: usize) -> Option<usize> {
    // A raw string `r"…"` or `r#"…"#`: the `"` comes after `r` and hashes.
    let hashes = b[..at].iter().rev().take_while(|&&c| c == b'#').count();
    let r = at.checked_sub(hashes + 1);
    let raw = r.is_some_and(|r| {
        b[r] == b'r'
            && !r
                .checked_sub(1)
                .is_some_and(|p| b[p].is_ascii_alphanumeric() || b[p] == b'_')
    });
    let mut i = at + 1;
    if raw {
        loop {
            i += b.get(i..)?.iter().position(|&c| c == b'"')?;
            if b[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == b'#')
                .count()
                == hashes
            {
                return Some(i + 1 + hashes);
            }
            i += 1;
        }
    }
    loop {
        // A backslash as the last byte leaves `i` past the end: no string end.
        i += b.get(i..)?.iter().position(|&c| c == b'"' || c == b'\\')?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

/// Past the (possibly nested) block comment that opens at `at`.
fn skip_block_comment(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 2;
    let mut nesting = 1;
    while nesting > 0 {
        if i + 1 >= b.len() {
            return None;
        }
        match (b[i], b[i + 1]) {
            (b'/', b'*') => {
                nesting += 1;
                i += 2;
            }
            (b'*', b'/') => {
                nesting -= 1;
                i += 2;
            }
            _ => i += 1,
        }
    }
    Some(i)
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
        // Cut inside a string, right after a backslash: no panic, no plan.
        assert_eq!(parse("(programs: [(name: \"a\\", 2), None);
        assert_eq!(parse("(programs: [r#\"a", 2), None);
        assert_eq!(parse("(programs: [", 2), None);
    }
}
