//! Spreadsheets built to exhaust the machine, each made here in code: a cell
//! at XFD1048576, one long string in many cells, a zip part that unpacks
//! past the bound (and one that lies about its size), an ODS row repeated a
//! million times and a run of spaces four billion long, a CSV of separators
//! alone, an import whose plan would be too large to open. Each is refused
//! with the file, the sheet and the bound named, before anything is read
//! whole, and nothing is written.

use pantau::import::bounds::{self, TooLarge};
use pantau::import::{self, ReadError};
use pantau::store::EXAMPLE;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_pantau");

fn import_into_example(name: &str, bytes: &[u8]) -> (tempfile::TempDir, Output) {
    let dir = tempfile::TempDir::new().unwrap();
    let d = dir.path();
    std::fs::write(d.join("plan.ron"), EXAMPLE).unwrap();
    std::fs::write(d.join(name), bytes).unwrap();
    let out = Command::new(BIN)
        .current_dir(d)
        .args(["import", name, "--into", "plan.ron"])
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
    (dir, out)
}

fn refused_and_untouched(dir: &Path, out: &Output, expected: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(expected), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("plan.ron")).unwrap(),
        EXAMPLE
    );
    assert!(!dir.join("plan.ron.log").exists());
}

fn xlsx(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Programmes").unwrap();
    sheet.write_string(0, 0, "Id").unwrap();
    fill(sheet);
    book.save_to_buffer().unwrap()
}

#[test]
fn a_cell_at_the_last_row_and_column_is_refused_naming_the_sheet() {
    let bytes = xlsx(|sheet| {
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
    });
    assert!(bytes.len() < 20_000);
    assert_eq!(
        import::read_workbook(bytes.clone()).err(),
        Some(ReadError::TooLarge(TooLarge::Cells {
            sheet: Some("Programmes".into())
        }))
    );
    let (dir, out) = import_into_example("huge.xlsx", &bytes);
    refused_and_untouched(
        dir.path(),
        &out,
        "huge.xlsx, sheet Programmes: refused: the sheets span more than 5000000 cells",
    );
}

#[test]
fn one_long_string_in_many_cells_is_refused_for_its_text() {
    // Excel's longest cell text, 32,767 characters, 2,100 times.
    let long = "x".repeat(32_000);
    let bytes = xlsx(|sheet| {
        for row in 1..=2_100 {
            sheet.write_string(row, 0, &long).unwrap();
        }
    });
    // Stored once as a shared string: the file stays small.
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    let (dir, out) = import_into_example("strings.xlsx", &bytes);
    refused_and_untouched(
        dir.path(),
        &out,
        "strings.xlsx, sheet Programmes: refused: the cells hold more than 64 MB of text",
    );
}

/// `n` zero bytes as one raw deflate block of fixed codes: a literal 0,
/// then copies of 258 bytes at distance 1, so a few MB unpack to hundreds.
fn deflated_zeros(copies: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut used) = (0u32, 0u32);
    let mut bits = |value: u32, n: u32, msb_first: bool| {
        for i in 0..n {
            let bit = if msb_first {
                (value >> (n - 1 - i)) & 1
            } else {
                (value >> i) & 1
            };
            acc |= bit << used;
            used += 1;
            if used == 8 {
                out.push(acc as u8);
                (acc, used) = (0, 0);
            }
        }
    };
    bits(1, 1, false); // the last block
    bits(1, 2, false); // of fixed codes
    bits(0x30, 8, true); // literal 0
    for _ in 0..copies {
        bits(0xC5, 8, true); // length 258
        bits(0, 5, true); // distance 1
    }
    bits(0, 7, true); // end of block
    if used > 0 {
        out.push(acc as u8);
    }
    out
}

/// A zip of one deflated part whose header declares `declared` bytes.
fn zip_of(name: &str, data: &[u8], declared: u32) -> Vec<u8> {
    let mut z = Vec::new();
    let n = name.len() as u16;
    z.extend(b"PK\x03\x04");
    z.extend(20u16.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(8u16.to_le_bytes());
    z.extend([0u8; 8]); // time, date, crc
    z.extend((data.len() as u32).to_le_bytes());
    z.extend(declared.to_le_bytes());
    z.extend(n.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(name.as_bytes());
    z.extend(data);
    let directory = z.len() as u32;
    z.extend(b"PK\x01\x02");
    z.extend(20u16.to_le_bytes());
    z.extend(20u16.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z.extend(8u16.to_le_bytes());
    z.extend([0u8; 8]);
    z.extend((data.len() as u32).to_le_bytes());
    z.extend(declared.to_le_bytes());
    z.extend(n.to_le_bytes());
    z.extend([0u8; 12]); // extra, comment, disk, attributes
    z.extend(0u32.to_le_bytes()); // offset of the local header
    z.extend(name.as_bytes());
    let size = z.len() as u32 - directory;
    z.extend(b"PK\x05\x06");
    z.extend([0u8; 4]);
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(size.to_le_bytes());
    z.extend(directory.to_le_bytes());
    z.extend(0u16.to_le_bytes());
    z
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let copies = (bounds::MAX_UNPACKED_BYTES / 258 + 2) as usize;
    let zeros = deflated_zeros(copies);
    let unpacked = (1 + 258 * copies) as u32;
    let bomb = zip_of("xl/sharedStrings.xml", &zeros, unpacked);
    assert!(bomb.len() < 2_000_000, "{}", bomb.len());
    assert_eq!(
        bounds::check_zip(&bomb),
        Err(TooLarge::Unpacked {
            part: "xl/sharedStrings.xml".into()
        })
    );
    let (dir, out) = import_into_example("bomb.xlsx", &bomb);
    refused_and_untouched(
        dir.path(),
        &out,
        "bomb.xlsx: refused: unpacked, the workbook passes 256 MB at its part xl/sharedStrings.xml",
    );
}

#[test]
fn a_zip_part_that_unpacks_past_its_declared_size_is_not_read_past_it() {
    let lie = zip_of("xl/sharedStrings.xml", &deflated_zeros(100_000), 1_000);
    assert_eq!(bounds::check_zip(&lie), Ok(()));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&lie[..])).unwrap();
    let mut part = zip.by_index(0).unwrap();
    let read = std::io::copy(&mut part, &mut std::io::sink());
    assert!(read.is_err(), "{read:?}");
    let (dir, out) = import_into_example("lie.xlsx", &lie);
    refused_and_untouched(
        dir.path(),
        &out,
        "lie.xlsx: cannot be read as a spreadsheet",
    );
}

fn ods(table: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>"#)
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Programmes">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_ods_row_repeated_a_million_times_is_refused_before_calamine_opens_it() {
    let bytes = ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Id</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row>"#,
    );
    assert!(bytes.len() < 2_000, "{}", bytes.len());
    let (dir, out) = import_into_example("rows.ods", &bytes);
    refused_and_untouched(
        dir.path(),
        &out,
        "rows.ods, sheet Programmes: refused: the sheets span more than 5000000 cells",
    );
}

#[test]
fn an_ods_run_of_spaces_is_counted_as_the_text_it_becomes() {
    let bytes = ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="4000000000"></text:s>b</text:p></table:table-cell></table:table-row>"#,
    );
    assert_eq!(
        import::read_workbook(bytes).err(),
        Some(ReadError::TooLarge(TooLarge::Text {
            sheet: Some("Programmes".into())
        }))
    );
}

#[test]
fn an_ods_of_ordinary_trailing_repeats_still_reads() {
    // What LibreOffice writes after the last row and column used.
    let bytes = ods(
        r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Id</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
    );
    let sheets = import::read_workbook(bytes).unwrap();
    assert_eq!(sheets[0].rows.len(), 1);
}

#[test]
fn a_csv_of_separators_alone_is_refused_for_its_cells() {
    let text = ",".repeat(bounds::MAX_CELLS as usize + 1);
    assert_eq!(
        import::read_csv(&text).err(),
        Some(ReadError::TooLarge(TooLarge::Cells { sheet: None }))
    );
}

#[test]
fn an_import_whose_plan_pantau_could_not_open_is_refused() {
    use pantau::report::{Format, Request, render_bytes};
    // Every `"` is written `\"`: 35 MB of text become a plan of 69 MB.
    let mut plan = crate::generator::generate(1_100, 7);
    for p in &mut plan.programs {
        p.description = "\"".repeat(32_000);
    }
    let request = Request {
        format: Format::Xlsx,
        ..Request::default()
    };
    let today = jiff::civil::date(2026, 12, 2);
    let bytes = render_bytes(&plan, &request, pantau::i18n::Lang::En, today).unwrap();
    let sheets = import::read_workbook(bytes).unwrap();
    let files = vec![("big.xlsx".to_string(), sheets)];
    let problems = import::import(&pantau::store::new_plan(), &files, pantau::i18n::Lang::En)
        .err()
        .unwrap();
    let [problem] = &problems[..] else {
        panic!("{problems:?}")
    };
    let said = &problem.message;
    assert!(
        said.starts_with("the plan this import makes would be 6")
            && said.ends_with(" MB, and pantau opens plans of at most 64 MB"),
        "{said}"
    );
}
