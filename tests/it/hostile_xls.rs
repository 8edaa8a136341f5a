//! XLS (BIFF8) workbooks built here byte by byte, a compound file around a
//! workbook stream: one whose DIMENSIONS record claims a billion rows, one
//! with two cells far apart, one naming a long shared string in a thousand
//! cells, one whose directory chain loops. Each is refused naming the
//! sheet and the bound before calamine opens it; an ordinary one still reads.

use pantau::import::bounds::TooLarge;
use pantau::import::{self, Raw, ReadError};

fn record(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut out = kind.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

fn bof(kind: u16) -> Vec<u8> {
    let mut data = vec![0u8; 16];
    data[..2].copy_from_slice(&0x0600u16.to_le_bytes());
    data[2..4].copy_from_slice(&kind.to_le_bytes());
    record(0x0809, &data)
}

fn cell(row: u16, column: u16) -> Vec<u8> {
    row.to_le_bytes()
        .into_iter()
        .chain(column.to_le_bytes())
        .chain([0, 0])
        .collect()
}

fn number(row: u16, column: u16, value: f64) -> Vec<u8> {
    let mut data = cell(row, column);
    data.extend(value.to_le_bytes());
    record(0x0203, &data)
}

fn label(row: u16, column: u16, text: &str) -> Vec<u8> {
    let mut data = cell(row, column);
    data.extend((text.len() as u16).to_le_bytes());
    data.push(0);
    data.extend(text.as_bytes());
    record(0x0204, &data)
}

fn shared(row: u16, column: u16, index: u32) -> Vec<u8> {
    let mut data = cell(row, column);
    data.extend(index.to_le_bytes());
    record(0x00FD, &data)
}

fn dimensions(first_row: u32, rows_end: u32, columns_end: u16) -> Vec<u8> {
    let mut data = first_row.to_le_bytes().to_vec();
    data.extend(rows_end.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(columns_end.to_le_bytes());
    data.extend([0, 0]);
    record(0x0200, &data)
}

/// A workbook stream: the globals (with `globals` records before their
/// end), then one sheet named Programmes of `cells` records.
fn workbook(globals: &[Vec<u8>], cells: &[Vec<u8>]) -> Vec<u8> {
    let name = b"Programmes";
    let head: Vec<u8> = bof(0x0005).into_iter().chain(globals.concat()).collect();
    let sheet_at = head.len() + 4 + 8 + name.len() + 4;
    let mut bound = (sheet_at as u32).to_le_bytes().to_vec();
    bound.extend([0, 0, name.len() as u8, 0]);
    bound.extend(name);
    let mut stream = head;
    stream.extend(record(0x0085, &bound));
    stream.extend(record(0x000A, &[]));
    assert_eq!(stream.len(), sheet_at);
    stream.extend(bof(0x0010));
    stream.extend(cells.concat());
    stream.extend(record(0x000A, &[]));
    stream
}

const FREE: u32 = 0xFFFF_FFFF;
const END: u32 = 0xFFFF_FFFE;

fn entry(name: &str, kind: u8, start: u32, len: u32) -> Vec<u8> {
    let mut e = vec![0u8; 128];
    let units: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    e[..units.len()].copy_from_slice(&units);
    e[64..66].copy_from_slice(&((units.len() + 2) as u16).to_le_bytes());
    e[66] = kind;
    for at in [68, 72, 76] {
        e[at..at + 4].copy_from_slice(&FREE.to_le_bytes());
    }
    e[116..120].copy_from_slice(&start.to_le_bytes());
    e[120..124].copy_from_slice(&len.to_le_bytes());
    e
}

/// A compound file (version 3, 512-byte sectors) holding `stream` as its
/// Workbook: the FAT's sectors first, then the directory, then the stream,
/// in the mini stream when it is shorter than 4096 bytes as the format
/// requires. `directory_loops` makes the directory's sector its own next.
fn compound(stream: &[u8], directory_loops: bool) -> Vec<u8> {
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let put = |h: &mut Vec<u8>, at: usize, v: u32| h[at..at + 4].copy_from_slice(&v.to_le_bytes());
    header[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
    header[26..28].copy_from_slice(&3u16.to_le_bytes());
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    header[30..32].copy_from_slice(&9u16.to_le_bytes());
    header[32..34].copy_from_slice(&6u16.to_le_bytes());
    let sectors = |bytes: &[u8], size: usize| bytes.len().div_ceil(size) as u32;
    let fat_sectors = (sectors(stream, 512) + 3).div_ceil(127);
    assert!(fat_sectors <= 109, "the header's DIFAT only");
    put(&mut header, 44, fat_sectors);
    put(&mut header, 48, fat_sectors);
    put(&mut header, 56, 4096);
    put(&mut header, 68, END);
    for (i, at) in (76..512).step_by(4).enumerate() {
        let i = i as u32;
        put(&mut header, at, if i < fat_sectors { i } else { FREE });
    }
    let mut fat = vec![0xFFFF_FFFDu32; fat_sectors as usize];
    fat.push(if directory_loops { fat_sectors } else { END });
    let mut body = Vec::new();
    let chain = |fat: &mut Vec<u32>, n: u32| {
        let first = fat.len() as u32;
        fat.extend((first + 1..first + n).chain([END]));
        first
    };
    let mut pad = |bytes: &[u8], size: usize| {
        body.extend(bytes);
        body.resize(body.len().next_multiple_of(size), 0);
    };
    let (root, book) = if stream.len() < 4096 {
        let mini_fat: Vec<u8> = (1..sectors(stream, 64))
            .chain([END])
            .flat_map(u32::to_le_bytes)
            .collect();
        put(&mut header, 60, chain(&mut fat, 1));
        put(&mut header, 64, 1);
        pad(&mini_fat, 512);
        let root_start = chain(&mut fat, sectors(stream, 512));
        pad(stream, 512);
        (
            entry("Root Entry", 5, root_start, sectors(stream, 64) * 64),
            entry("Workbook", 2, 0, stream.len() as u32),
        )
    } else {
        put(&mut header, 60, END);
        let start = chain(&mut fat, sectors(stream, 512));
        pad(stream, 512);
        (
            entry("Root Entry", 5, END, 0),
            entry("Workbook", 2, start, stream.len() as u32),
        )
    };
    fat.resize(fat_sectors as usize * 128, FREE);
    let mut file = header;
    file.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    file.extend(root.into_iter().chain(book).chain(vec![0; 256]));
    file.extend(body);
    file
}

fn xls(globals: &[Vec<u8>], cells: &[Vec<u8>]) -> Vec<u8> {
    compound(&workbook(globals, cells), false)
}

fn refused_for_cells(bytes: Vec<u8>) {
    assert_eq!(
        import::read_workbook(bytes).err(),
        Some(ReadError::TooLarge(TooLarge::Cells {
            sheet: Some("Programmes".into())
        }))
    );
}

#[test]
fn an_ordinary_xls_still_reads_from_the_mini_stream_and_the_large_one() {
    let small = xls(&[], &[label(0, 0, "Id"), number(1, 0, 7.0)]);
    assert!(small.len() < 4096, "{}", small.len());
    let big: Vec<Vec<u8>> = (1..400).map(|row| number(row, 1, 2.5)).collect();
    let big = xls(&[], &[vec![label(0, 0, "Id")], big].concat());
    for (bytes, rows) in [(small, 2), (big, 400)] {
        let sheets = import::read_workbook(bytes).unwrap();
        assert_eq!(sheets[0].name.as_deref(), Some("Programmes"));
        assert_eq!(sheets[0].rows.len(), rows);
        assert_eq!(sheets[0].rows[0].1[0], Raw::Text("Id".into()));
    }
}

#[test]
fn a_dimensions_record_claiming_a_billion_rows_is_refused_before_calamine_reserves_them() {
    // calamine reserves room for 256 billion cells: it aborts on the allocation.
    refused_for_cells(xls(
        &[],
        &[dimensions(0, 1_000_000_000, 256), label(0, 0, "Id")],
    ));
    // Rows that run backwards wrap calamine's subtraction to four billion.
    refused_for_cells(xls(&[], &[dimensions(10, 2, 1), label(0, 0, "Id")]));
}

#[test]
fn two_cells_far_apart_are_refused_for_the_rectangle_between_them() {
    // calamine lays out 65,536 × 256 cells between them: 16.8 million.
    refused_for_cells(xls(&[], &[label(0, 0, "Id"), number(65_535, 255, 1.0)]));
}

/// A shared-string table of one string of `chars` one-byte characters, its
/// characters split over a CONTINUE record as Excel splits them.
fn one_shared_string(chars: u16) -> Vec<u8> {
    let mut sst = 1u32.to_le_bytes().to_vec();
    sst.extend(1u32.to_le_bytes());
    sst.extend(chars.to_le_bytes());
    sst.push(0);
    let first = usize::from(chars).min(8_000);
    sst.extend(vec![b'x'; first]);
    let mut rest = vec![0u8];
    rest.extend(vec![b'x'; usize::from(chars) - first]);
    [record(0x00FC, &sst), record(0x003C, &rest)].concat()
}

#[test]
fn one_long_shared_string_in_many_cells_is_refused_for_its_text() {
    // 1,100 cells of 65,535 characters: 72 MB of text from a 20 KB file.
    let cells: Vec<Vec<u8>> = (0..1_100).map(|row| shared(row, 0, 0)).collect();
    let bytes = xls(&[one_shared_string(u16::MAX)], &cells);
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    assert_eq!(
        import::read_workbook(bytes).err(),
        Some(ReadError::TooLarge(TooLarge::Text {
            sheet: Some("Programmes".into())
        }))
    );
    // Under the bound it reads, each cell its whole string.
    let cells: Vec<Vec<u8>> = (0..100).map(|row| shared(row, 0, 0)).collect();
    let sheets = import::read_workbook(xls(&[one_shared_string(u16::MAX)], &cells)).unwrap();
    assert_eq!(sheets[0].rows.len(), 100);
    assert_eq!(sheets[0].rows[99].1[0], Raw::Text("x".repeat(65_535)));
}

#[test]
fn a_directory_chain_that_loops_is_refused_instead_of_read_for_ever() {
    // The directory's sector names itself as the next.
    let bytes = compound(&workbook(&[], &[label(0, 0, "Id")]), true);
    assert_eq!(
        import::read_workbook(bytes).err(),
        Some(ReadError::TooLarge(TooLarge::Unpacked {
            part: "directory".into()
        }))
    );
}

#[test]
fn the_refusal_names_the_file_sheet_and_bound() {
    let dir = tempfile::TempDir::new().unwrap();
    let d = dir.path();
    std::fs::write(d.join("plan.ron"), pantau::store::EXAMPLE).unwrap();
    let bytes = xls(&[], &[dimensions(0, 1_000_000_000, 256), label(0, 0, "Id")]);
    std::fs::write(d.join("huge.xls"), bytes).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"))
        .current_dir(d)
        .args(["import", "huge.xls", "--into", "plan.ron"])
        .env("HOME", d)
        .env_remove("PANTAU_FILE")
        .env_remove("PANTAU_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("PANTAU_OFFICER", "tester")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "huge.xls, sheet Programmes: refused: the sheets span more than 5000000 cells"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("plan.ron")).unwrap(),
        pantau::store::EXAMPLE
    );
}
