//! The one-line text widget of a form field: a value and a cursor that moves
//! by grapheme.

use unicode_segmentation::UnicodeSegmentation;

/// A line of text and a cursor that moves by grapheme, so "é" written as
/// e + combining accent, or an emoji, is one step and one deletion.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    pub value: String,
    /// Byte offset, always on a grapheme boundary.
    pub cursor: usize,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.len(),
        }
    }

    fn prev(&self) -> usize {
        self.value[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self) -> usize {
        self.value[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    pub fn insert(&mut self, c: char) {
        self.value.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        // A combining mark joins the grapheme before it; keep the cursor after the whole cluster.
        self.cursor = self.next_boundary_at_or_after(self.cursor);
    }

    /// A whole paste at the cursor, in one go (a long paste costs its length once).
    pub fn insert_str(&mut self, text: &str) {
        self.value.insert_str(self.cursor, text);
        self.cursor += text.len();
        self.cursor = self.next_boundary_at_or_after(self.cursor);
    }

    fn next_boundary_at_or_after(&self, at: usize) -> usize {
        let mut offset = 0;
        for g in self.value.graphemes(true) {
            if offset >= at {
                return offset;
            }
            offset += g.len();
        }
        offset
    }

    pub fn backspace(&mut self) {
        let start = self.prev();
        self.value.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn delete(&mut self) {
        let end = self.next();
        self.value.replace_range(self.cursor..end, "");
    }

    pub fn left(&mut self) {
        self.cursor = self.prev();
    }

    pub fn right(&mut self) {
        self.cursor = self.next();
    }

    /// Start of the current line (notes are multi-line).
    pub fn home(&mut self) {
        self.cursor = self.value[..self.cursor].rfind('\n').map_or(0, |i| i + 1);
    }

    pub fn end(&mut self) {
        self.cursor = self.value[self.cursor..]
            .find('\n')
            .map_or(self.value.len(), |i| self.cursor + i);
    }

    /// Ctrl-W: the word before the cursor and the spaces after it.
    pub fn delete_word(&mut self) {
        let before = &self.value[..self.cursor];
        let trimmed = before.trim_end_matches(' ');
        let start = trimmed.rfind([' ', '\n']).map_or(0, |i| i + 1);
        self.value.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Ctrl-U: the whole field.
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }
}
