//! An XLS (BIFF) workbook held to the [`bounds`](super::bounds) before calamine opens it: calamine reads every sheet whole at open, so the records are scanned here first.
//!
//! calamine's XLS reader lays out each sheet as the rectangle of its cells
//! and reserves room for what a sheet's DIMENSIONS record claims, both when
//! the file is opened, and a shared string is copied into every cell that
//! names it. A few hundred bytes can claim a sheet of four billion rows, or
//! name one 64 K-character string a million times. So the compound file's
//! workbook stream is found as calamine finds it and its records walked as
//! calamine walks them, counting what they would become. A file that does
//! not parse here is left to calamine to name, unless following it would
//! never end (a sector chain that loops).

use super::ReadError;
use super::bounds::{MAX_CELLS, MAX_UNPACKED_BYTES, Tally, TooLarge};

const SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Sector ids at or above this end a chain or mark a FAT or DIFAT sector.
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// A stream shorter than this lives in the mini stream.
const MINI_CUTOFF: u64 = 4096;

/// The workbook's sheets as calamine would lay them out, against the
/// bounds. `Ok` for a file that is not a compound file or that calamine
/// will refuse on its own.
pub fn check(bytes: &[u8]) -> Result<(), ReadError> {
    if !bytes.starts_with(SIGNATURE) {
        return Ok(());
    }
    let Some(compound) = Compound::new(bytes)? else {
        return Ok(());
    };
    let Some(stream) = compound.stream("Workbook")?.or(compound.stream("Book")?) else {
        return Ok(());
    };
    scan(&stream)
}

/// The compound file (OLE) around the workbook stream, read the way
/// calamine's own reader reads it.
struct Compound<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
    /// Each directory entry's name, first sector and length.
    entries: Vec<(String, u32, u64)>,
    mini_fat_start: u32,
    mini_fat_sectors: u64,
}

impl<'a> Compound<'a> {
    fn new(bytes: &'a [u8]) -> Result<Option<Self>, TooLarge> {
        let (Some(header), Some(shift)) = (bytes.get(..512), u16_at(bytes, 30)) else {
            return Ok(None);
        };
        let sector = match shift {
            9 => 512,
            12 => 4096,
            _ => return Ok(None),
        };
        let mut compound = Compound {
            bytes,
            sector,
            fat: Vec::new(),
            entries: Vec::new(),
            mini_fat_start: u32_at(header, 60).unwrap_or(END_OF_CHAIN),
            mini_fat_sectors: u32_at(header, 64).map_or(0, u64::from),
        };
        let mut difat: Vec<u32> = header[76..512].chunks(4).filter_map(le_u32).collect();
        let mut next = u32_at(header, 68).unwrap_or(END_OF_CHAIN);
        let mut hops = 0;
        while next < RESERVED {
            hops += 1;
            let Some(sector) = compound
                .sector_bytes(next)
                .filter(|_| hops <= compound.count())
            else {
                return Ok(None);
            };
            difat.extend(sector.chunks(4).filter_map(le_u32));
            let Some(last) = difat.pop() else {
                return Ok(None);
            };
            next = last;
        }
        for id in difat.into_iter().filter(|&id| id < DIFAT_SECTOR) {
            let Some(sector) = compound.sector_bytes(id) else {
                return Ok(None);
            };
            compound.fat.extend(sector.chunks(4).filter_map(le_u32));
        }
        // calamine follows the directory's chain to its end, however long.
        let directory = u32_at(header, 48).unwrap_or(END_OF_CHAIN);
        let Some(directory) = compound.chain(directory, u64::MAX, "directory")? else {
            return Ok(None);
        };
        let large = sector == 4096;
        compound.entries = (directory.chunks_exact(128))
            .map(|e| {
                let units = e[..64].chunks(2).filter_map(|u| u.try_into().ok());
                let name: String = char::decode_utf16(units.map(u16::from_le_bytes))
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .take_while(|&c| c != '\0')
                    .collect();
                let start = u32_at(e, 116).unwrap_or(END_OF_CHAIN);
                let len = if large {
                    u64_at(e, 120)
                } else {
                    u32_at(e, 120).map(u64::from)
                };
                (name, start, len.unwrap_or(0))
            })
            .collect();
        Ok(Some(compound))
    }

    /// Sectors in the file after the header, as calamine counts them.
    fn count(&self) -> usize {
        self.bytes.len() / self.sector
    }

    fn sector_bytes(&self, id: u32) -> Option<&'a [u8]> {
        let from = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        let to = from.checked_add(self.sector)?.min(self.bytes.len());
        self.bytes.get(from..to).filter(|s| !s.is_empty())
    }

    /// The bytes of the chain from `start`, at most `len` of them. A chain
    /// of more sectors than the file holds loops, and calamine would read
    /// it round until `len` (the directory's: for ever), so it is refused;
    /// one that breaks off is `None`, for calamine.
    fn chain(&self, start: u32, len: u64, part: &str) -> Result<Option<Vec<u8>>, TooLarge> {
        let mut out = Vec::new();
        let mut id = start;
        let mut hops = 0;
        while id != END_OF_CHAIN && (out.len() as u64) < len {
            hops += 1;
            if hops > self.count() {
                return Err(TooLarge::Unpacked { part: part.into() });
            }
            let Some(sector) = self.sector_bytes(id) else {
                return Ok(None);
            };
            let take = sector
                .len()
                .min(usize::try_from(len - out.len() as u64).unwrap_or(usize::MAX));
            out.extend_from_slice(&sector[..take]);
            let Some(&next) = self.fat.get(id as usize) else {
                return Ok(None);
            };
            id = next;
        }
        Ok(Some(out))
    }

    /// The stream of the first entry named `name` (in any case), as
    /// calamine picks it; `None` when there is none or it cannot be read.
    fn stream(&self, name: &str) -> Result<Option<Vec<u8>>, TooLarge> {
        let Some(&(_, start, len)) = (self.entries.iter())
            .find(|(entry, ..)| entry.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
        else {
            return Ok(None);
        };
        if len > MAX_UNPACKED_BYTES {
            return Err(TooLarge::Unpacked { part: name.into() });
        }
        if len >= MINI_CUTOFF {
            return self.chain(start, len, name);
        }
        let Some(&(_, root_start, root_len)) = self.entries.first() else {
            return Ok(None);
        };
        let (Some(mini), Some(mini_fat)) = (
            self.chain(root_start, root_len, name)?,
            self.chain(
                self.mini_fat_start,
                self.mini_fat_sectors.saturating_mul(self.sector as u64),
                name,
            )?,
        ) else {
            return Ok(None);
        };
        let mini_fat: Vec<u32> = mini_fat.chunks(4).filter_map(le_u32).collect();
        let mut out = Vec::new();
        let mut id = start;
        while id != END_OF_CHAIN && (out.len() as u64) < len {
            let from = (id as usize).saturating_mul(64);
            let Some(sector) = mini.get(from..from.saturating_add(64).min(mini.len())) else {
                return Ok(None);
            };
            let take = sector.len().min((len - out.len() as u64) as usize);
            out.extend_from_slice(&sector[..take]);
            let Some(&next) = mini_fat.get(id as usize) else {
                return Ok(None);
            };
            id = next;
        }
        Ok(Some(out))
    }
}

/// One BIFF record with its CONTINUE records, as calamine joins them.
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
    continued: Vec<&'a [u8]>,
}

/// The records from the start of `stream`; `None` ends them, as a record
/// that runs past the stream ends calamine's reading with an error.
fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let kind = u16_at(stream, 0)?;
        let len = usize::from(u16_at(stream, 2)?);
        let data = stream.get(4..4 + len)?;
        stream = &stream[4 + len..];
        let mut continued = Vec::new();
        while stream.len() > 4 && u16_at(stream, 0) == Some(0x003C) {
            let len = usize::from(u16_at(stream, 2)?);
            continued.push(stream.get(4..4 + len)?);
            stream = &stream[4 + len..];
        }
        Some(Record {
            kind,
            data,
            continued,
        })
    })
}

/// The workbook stream: its globals (where the sheets start, the shared
/// strings' lengths), then each sheet's cells against the bounds.
fn scan(stream: &[u8]) -> Result<(), ReadError> {
    let mut sheets = Vec::new();
    let mut strings = Vec::new();
    for record in records(stream) {
        match record.kind {
            0x0085 => {
                let Some(at) = u32_at(record.data, 0) else {
                    return Ok(());
                };
                let name = sheet_name(record.data);
                sheets.push((at as usize, name));
            }
            0x00FC => strings = string_lengths(&record),
            0x000A => break,
            _ => {}
        }
    }
    let mut tally = Tally::default();
    for (at, name) in sheets {
        let Some(sheet) = stream.get(at..) else {
            // calamine slices the stream there without a check.
            return Err(ReadError::Unreadable(format!(
                "the sheet {name} starts past the end of the workbook stream"
            )));
        };
        scan_sheet(sheet, &name, &strings, &mut tally)?;
    }
    Ok(())
}

/// A BoundSheet8's name, for the refusal only: a short string of one-byte
/// or two-byte characters.
fn sheet_name(data: &[u8]) -> String {
    let (Some(&len), Some(&flags)) = (data.get(6), data.get(7)) else {
        return String::new();
    };
    let text = data.get(8..).unwrap_or_default();
    if flags & 1 == 0 {
        let len = usize::from(len).min(text.len());
        text[..len].iter().map(|&b| char::from(b)).collect()
    } else {
        let units = text.chunks_exact(2).take(usize::from(len));
        char::decode_utf16(units.map(|u| u16::from_le_bytes([u[0], u[1]])))
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }
}

/// Each shared string's length in characters, walked as calamine reads
/// the SST: characters split over CONTINUE records, each continuation
/// starting with its own width flag. A string whose length cannot be read
/// is left out, so the cells that name it count as the longest one can be.
fn string_lengths(record: &Record) -> Vec<u64> {
    let mut parts = std::iter::once(record.data).chain(record.continued.iter().copied());
    let mut lengths = Vec::new();
    let Some(mut data) = parts.next().and_then(|d| d.get(8..)) else {
        return lengths;
    };
    loop {
        if data.is_empty() {
            match parts.next() {
                Some(next) => data = next,
                None => return lengths,
            }
            continue;
        }
        let (Some(chars), Some(&flags)) = (u16_at(data, 0), data.get(2)) else {
            return lengths;
        };
        let mut at = 3;
        let runs = if flags & 0x8 != 0 {
            let Some(runs) = u16_at(data, at) else {
                return lengths;
            };
            at += 2;
            usize::from(runs) * 4
        } else {
            0
        };
        let extra = if flags & 0x4 != 0 {
            let Some(extra) = u32_at(data, at) else {
                return lengths;
            };
            at += 4;
            extra as usize
        } else {
            0
        };
        data = &data[at..];
        let mut left = usize::from(chars);
        let mut wide = flags & 1 != 0;
        while left > 0 {
            let width = if wide { 2 } else { 1 };
            let take = left.min(data.len() / width);
            data = &data[take * width..];
            left -= take;
            if left > 0 {
                let Some(next) = parts.next().filter(|n| !n.is_empty()) else {
                    return lengths;
                };
                wide = next[0] & 1 != 0;
                data = &next[1..];
            }
        }
        let mut skip = runs + extra;
        while skip > 0 {
            if data.is_empty() {
                let Some(next) = parts.next() else {
                    return lengths;
                };
                data = next;
                continue;
            }
            let take = skip.min(data.len());
            data = &data[take..];
            skip -= take;
        }
        lengths.push(u64::from(chars));
    }
}

/// A sheet's records from its BOF to its EOF, nested substreams (an
/// embedded chart) skipped as calamine skips them.
fn scan_sheet(
    sheet: &[u8],
    name: &str,
    strings: &[u64],
    tally: &mut Tally,
) -> Result<(), TooLarge> {
    let too_large = || TooLarge::Cells {
        sheet: Some(name.to_string()),
    };
    let mut used: Option<(u64, u64, u64)> = None;
    let mut cells = 0u64;
    let mut formula = (0u64, 0u64);
    let (mut seen_bof, mut depth) = (false, 0usize);
    for record in records(sheet) {
        let data = record.data;
        if depth > 0 {
            match record.kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = || Some((u64::from(u16_at(data, 0)?), u64::from(u16_at(data, 2)?)));
        // The cells this record adds: where, how many, and their text.
        let (place, count, text) = match record.kind {
            0x0809 if seen_bof => {
                depth += 1;
                continue;
            }
            0x0809 => {
                seen_bof = true;
                continue;
            }
            0x0200 => {
                if claimed(data).is_none_or(|n| n > MAX_CELLS) {
                    return Err(too_large());
                }
                continue;
            }
            0x0203 | 0x0205 | 0x027E => (at(), 1, 0),
            0x0204 | 0x00D6 => (at(), 1, data.len() as u64),
            0x0207 => (Some(formula), 1, data.len() as u64),
            0x00FD => {
                let index = u32_at(data, 6).map_or(usize::MAX, |i| i as usize);
                let text = strings.get(index).copied().unwrap_or(u64::from(u16::MAX));
                (at(), 1, text)
            }
            0x00BD => {
                let last = data.len().checked_sub(2).and_then(|i| u16_at(data, i));
                match (at(), last) {
                    (Some((row, first)), Some(last)) => {
                        let count = (data.len().saturating_sub(6) / 6) as u64;
                        let right = u64::from(last).max(first + count.saturating_sub(1));
                        (Some((row, right)), count, 0)
                    }
                    _ => (None, 0, 0),
                }
            }
            // A formula's value and its text each take a cell.
            0x0006 => {
                formula = at().unwrap_or_default();
                (Some(formula), 2, 0)
            }
            0x000A => break,
            _ => continue,
        };
        let Some((row, column)) = place else {
            continue;
        };
        tally.text(Some(name), text)?;
        cells = cells.saturating_add(count);
        let (first, last, right) = used.unwrap_or((row, row, column));
        let span = (first.min(row), last.max(row), right.max(column));
        used = Some(span);
        let rows = span.1 - span.0 + 1;
        if cells > MAX_CELLS || rows.saturating_mul(span.2 + 1) > MAX_CELLS {
            return Err(too_large());
        }
    }
    match used {
        Some((first, last, right)) => tally.span(Some(name), first, last, right),
        None => Ok(()),
    }
}

/// The cells a DIMENSIONS record has calamine reserve room for, read as
/// calamine reads it; `None` when its rows run backwards (calamine's
/// subtraction then wraps to four billion).
fn claimed(data: &[u8]) -> Option<u64> {
    let (first_row, rows_end, mut first_column, columns_end) = match data.len() {
        10 => (
            u64::from(u16_at(data, 0)?),
            u64::from(u16_at(data, 2)?),
            u64::from(u16_at(data, 4)?),
            u64::from(u16_at(data, 6)?),
        ),
        14 | 16 => (
            u64::from(u32_at(data, 0)?),
            u64::from(u32_at(data, 4)?),
            u64::from(u16_at(data, 8)?),
            u64::from(u16_at(data, 10)?),
        ),
        // calamine refuses any other length itself.
        _ => return Some(0),
    };
    if first_column > 0xFF || columns_end < first_column {
        first_column = 0;
    }
    if rows_end < 1 || columns_end < 1 {
        return Some(1);
    }
    let rows = (rows_end - 1).checked_sub(first_row)? + 1;
    let columns = (columns_end - 1).checked_sub(first_column)? + 1;
    Some(rows.saturating_mul(columns))
}

fn le_u32(b: &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(b.try_into().ok()?))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    le_u32(b.get(at..at + 4)?)
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}
