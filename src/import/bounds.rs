//! How far a spreadsheet may expand when read: checked on the file's own structure (the zip's parts, an ODS sheet's repeat counts, an XLSX sheet's cells as they stream) before anything is read whole.
//!
//! A workbook is small on disk and large in memory by design (a cell
//! repeated a million times is a few bytes of XML), so the file size the
//! loader bounds says nothing of what reading it costs. Each bound is set
//! above what the largest plan pantau opens ([`crate::store::MAX_FILE_BYTES`])
//! exports to, so no workbook pantau wrote is refused.

use crate::store::MAX_FILE_BYTES;
use std::io::{Read, Seek};

/// Parts (files) in a workbook's zip: an XLSX has about fifteen.
pub const MAX_PARTS: u64 = 10_000;
/// The zip's parts together, unpacked: a 10,000-programme export is 19 MB.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Cells of all sheets together, each sheet counted as the rectangle from
/// column A of its first used row to its last used row and column: a
/// 10,000-programme export spans 0.63 million.
pub const MAX_CELLS: u64 = 5_000_000;
/// The text of all cells together, a repeated cell counted each time: no
/// more than a plan pantau can open holds.
pub const MAX_TEXT_BYTES: u64 = MAX_FILE_BYTES;

/// A spreadsheet refused for what reading it would cost, and where.
#[derive(Debug, Clone, PartialEq)]
pub enum TooLarge {
    /// More parts than [`MAX_PARTS`].
    Parts,
    /// Unpacking reaches [`MAX_UNPACKED_BYTES`] in this part.
    Unpacked { part: String },
    /// This sheet takes the cells past [`MAX_CELLS`].
    Cells { sheet: Option<String> },
    /// This sheet takes the text past [`MAX_TEXT_BYTES`].
    Text { sheet: Option<String> },
}

/// What the sheets read so far add up to, against the bounds.
#[derive(Debug, Default)]
pub struct Tally {
    cells: u64,
    text: u64,
}

impl Tally {
    /// A sheet's rectangle from column A of `first_row` to `last_row` and
    /// `last_column` (0-based, inclusive).
    pub fn span(
        &mut self,
        sheet: Option<&str>,
        first_row: u64,
        last_row: u64,
        last_column: u64,
    ) -> Result<(), TooLarge> {
        let rows = last_row.saturating_sub(first_row).saturating_add(1);
        self.cells(sheet, rows.saturating_mul(last_column.saturating_add(1)))
    }

    /// `n` more cells.
    pub fn cells(&mut self, sheet: Option<&str>, n: u64) -> Result<(), TooLarge> {
        self.cells = self.cells.saturating_add(n);
        if self.cells > MAX_CELLS {
            return Err(TooLarge::Cells {
                sheet: sheet.map(str::to_string),
            });
        }
        Ok(())
    }

    /// `bytes` more of cell text.
    pub fn text(&mut self, sheet: Option<&str>, bytes: u64) -> Result<(), TooLarge> {
        self.text = self.text.saturating_add(bytes);
        if self.text > MAX_TEXT_BYTES {
            return Err(TooLarge::Text {
                sheet: sheet.map(str::to_string),
            });
        }
        Ok(())
    }
}

/// The zip of an XLSX or ODS workbook: its count of parts from the end
/// record (before anything allocates one entry per part), then the sizes
/// its directory declares for them unpacked. A part that unpacks past its
/// declared size fails to read in the `zip` crate ("larger than its
/// declared uncompressed size"; `tests/it/hostile_sheets.rs` pins it), so
/// the declared sizes bound what calamine can unpack. Not a zip (an XLS) is
/// for the caller; a zip that does not open is left to calamine to name.
pub fn check_zip(bytes: &[u8]) -> Result<(), TooLarge> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    if declared_parts(bytes).is_none_or(|n| n > MAX_PARTS) {
        return Err(TooLarge::Parts);
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut unpacked = 0u64;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            return Ok(());
        };
        unpacked = unpacked.saturating_add(part.size());
        if unpacked > MAX_UNPACKED_BYTES {
            let part = part.name().map(|n| n.into_owned()).unwrap_or_default();
            return Err(TooLarge::Unpacked { part });
        }
    }
    Ok(())
}

/// The number of parts the zip's end record declares; `None` for a ZIP64
/// count (more than 65,534), which no workbook needs.
fn declared_parts(bytes: &[u8]) -> Option<u64> {
    // The end record is the last 22 bytes, before a comment of at most 64 KiB.
    let from = bytes.len().saturating_sub(22 + 0xFFFF);
    let at = (from..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))?;
    let total = u16::from_le_bytes([*bytes.get(at + 10)?, *bytes.get(at + 11)?]);
    (total != 0xFFFF).then_some(u64::from(total))
}

/// An ODS workbook's sheets as calamine will lay them out, counted from
/// `content.xml`'s repeat attributes without expanding them: calamine reads
/// every sheet whole when it opens the file, a row repeated a million times
/// included. `Ok` when the file is not an ODS or does not parse (calamine
/// then says why).
pub fn check_ods(bytes: &[u8]) -> Result<(), TooLarge> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut ods = Ods::default();
    let mut buf = Vec::new();
    loop {
        use quick_xml::events::Event;
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => ods.open(&e, false)?,
            Event::Empty(e) => ods.open(&e, true)?,
            Event::End(e) => ods.close(e.name().as_ref())?,
            Event::Text(t) => ods.cell_text += t.len() as u64,
            Event::CData(t) => ods.cell_text += t.len() as u64,
            Event::GeneralRef(_) => ods.cell_text += 1,
            _ => {}
        }
        buf.clear();
    }
}

/// Where the scan of an ODS `content.xml` is: the sheet, row and column
/// (0-based, repeats counted), and the used rectangle so far.
#[derive(Default)]
struct Ods {
    tally: Tally,
    sheet: Option<String>,
    row: u64,
    row_repeats: u64,
    column: u64,
    /// The cell open now: its repeats, and whether it holds a value.
    cell: Option<(u64, bool)>,
    cell_text: u64,
    used: Option<(u64, u64, u64)>,
}

impl Ods {
    fn open(&mut self, e: &quick_xml::events::BytesStart, empty: bool) -> Result<(), TooLarge> {
        match e.name().as_ref() {
            "table:table" => {
                self.sheet = attribute(e, "table:name");
                (self.row, self.used) = (0, None);
            }
            "table:table-row" => {
                let repeats = number(e, "table:number-rows-repeated");
                (self.row_repeats, self.column) = (repeats, 0);
                if empty {
                    self.row = self.row.saturating_add(repeats);
                }
            }
            // calamine writes out a run of spaces, however long it says it is.
            "text:s" => self.cell_text = (self.cell_text).saturating_add(number(e, "text:c")),
            "text:p" | "text:tab" | "text:line-break" => self.cell_text += 1,
            "table:table-cell" | "table:covered-table-cell" => {
                let repeats = number(e, "table:number-columns-repeated");
                let valued = e.attributes().flatten().any(|a| {
                    let key = a.key.as_ref();
                    key == "office:value-type" || key == "table:formula"
                });
                let text: u64 = (e.attributes().flatten())
                    .filter(|a| {
                        let key = a.key.as_ref();
                        key.ends_with("string-value")
                            || key.ends_with("date-value")
                            || key.ends_with("time-value")
                            || key == "table:formula"
                    })
                    .map(|a| a.value.len() as u64)
                    .sum();
                self.cell = Some((repeats, valued));
                self.cell_text = text;
                if empty {
                    self.cell_done()?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<(), TooLarge> {
        match name {
            "table:table" => {
                if let Some((first, last, last_column)) = self.used.take() {
                    let sheet = self.sheet.as_deref();
                    self.tally.span(sheet, first, last, last_column)?;
                }
            }
            "table:table-row" => self.row = self.row.saturating_add(self.row_repeats),
            "table:table-cell" | "table:covered-table-cell" => self.cell_done()?,
            _ => {}
        }
        Ok(())
    }

    /// A cell ends: one with a value or text widens the used rectangle and
    /// adds its text once for every row and column it is repeated in.
    fn cell_done(&mut self) -> Result<(), TooLarge> {
        let Some((repeats, valued)) = self.cell.take() else {
            return Ok(());
        };
        if valued || self.cell_text > 0 {
            let last_row = self.row.saturating_add(self.row_repeats.saturating_sub(1));
            let last_column = self.column.saturating_add(repeats.saturating_sub(1));
            self.used = Some(match self.used {
                None => (self.row, last_row, last_column),
                Some((first, last, right)) => (
                    first.min(self.row),
                    last.max(last_row),
                    right.max(last_column),
                ),
            });
            let copies = repeats.saturating_mul(self.row_repeats);
            let sheet = self.sheet.as_deref();
            self.tally
                .text(sheet, self.cell_text.saturating_mul(copies))?;
            // A rectangle checked only at the sheet's end could already be
            // vast; what the sheet spans so far is checked on the way.
            let (first, last, right) = self.used.unwrap_or_default();
            let rows = last.saturating_sub(first).saturating_add(1);
            if rows.saturating_mul(right.saturating_add(1)) > MAX_CELLS {
                return Err(TooLarge::Cells {
                    sheet: self.sheet.clone(),
                });
            }
        }
        self.column = self.column.saturating_add(repeats);
        self.cell_text = 0;
        Ok(())
    }
}

fn attribute(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    let value = e.try_get_attribute(key).ok()??;
    Some(value.value.into_owned())
}

/// A repeat count; absent or unreadable counts once, as calamine's own
/// reading would then fail on it anyway.
fn number(e: &quick_xml::events::BytesStart, key: &str) -> u64 {
    attribute(e, key)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// An XLSX sheet's cells as they stream from the zip, bounded as they come,
/// gathered sparse: calamine's own `worksheet_range` would first lay out
/// the whole rectangle, a cell at XFD1048576 making it 17 billion cells.
pub fn xlsx_sheet<RS: Read + Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
    tally: &mut Tally,
) -> Result<Result<calamine::Range<calamine::Data>, calamine::XlsxError>, TooLarge> {
    use calamine::{Cell, Data, DataRef, XlsxError};
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet reads as an empty one, as calamine's own range does.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Ok(calamine::Range::default())),
        Err(e) => return Ok(Err(e)),
    };
    let sheet = Some(name);
    let mut cells = Vec::new();
    let (mut first, mut last, mut right) = (u32::MAX, 0u32, 0u32);
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => return Ok(Err(e)),
        };
        let text = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 0,
        };
        tally.text(sheet, text as u64)?;
        let (row, column) = cell.get_position();
        (first, last, right) = (first.min(row), last.max(row), right.max(column));
        let rows = u64::from(last - first) + 1;
        if rows.saturating_mul(u64::from(right) + 1) > MAX_CELLS {
            return Err(TooLarge::Cells {
                sheet: sheet.map(str::to_string),
            });
        }
        // The same cell written again and again spans nothing new.
        if cells.len() as u64 >= MAX_CELLS {
            return Err(TooLarge::Cells {
                sheet: sheet.map(str::to_string),
            });
        }
        cells.push(Cell::new(
            (row, column),
            Data::from(cell.get_value().clone()),
        ));
    }
    if !cells.is_empty() {
        tally.span(sheet, first.into(), last.into(), right.into())?;
    }
    Ok(Ok(calamine::Range::from_sparse(cells)))
}
