//! The printable HTML report printed for real: Debian's `chromium` prints it
//! to PDF, `pdfinfo` and `pdftotext` read the PDF back (page size, page
//! count, page numbers, the signer). What the document holds is
//! `tests/it/html.rs`'s.
//!
//! Needs `chromium` and `pdfinfo`/`pdftotext` (poppler-utils); `.ci/run`
//! installs them. Without them it fails under CI and, outside CI, is skipped
//! with a note when `PANTAU_SKIP_BROWSER=1`.

use crate::common;
use crate::common::letter::{html, letter};
use pantau::i18n::Lang;
use pantau::plan::model::Plan;
use pantau::report::{Kind, Letter, Paper};
use pantau::store::{self, EXAMPLE};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

fn example() -> Plan {
    store::parse(EXAMPLE, Path::new("x")).unwrap().plan
}

/// Whether chromium and poppler's tools are there; see the module's note.
fn browser_or_skip() -> bool {
    let found = |tool: &str| {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(tool).is_file()))
    };
    let installed = found("chromium") && found("pdfinfo") && found("pdftotext");
    let asked = std::env::var("PANTAU_SKIP_BROWSER").as_deref() == Ok("1");
    match common::verdict(installed, common::in_ci(), asked) {
        common::Verdict::Run => true,
        common::Verdict::Skip => {
            common::note("skipped: chromium or poppler-utils missing and PANTAU_SKIP_BROWSER=1");
            false
        }
        common::Verdict::Fail => panic!(
            "the print test needs chromium, pdfinfo and pdftotext: \
             apt-get install chromium poppler-utils (.ci/run does), \
             or outside CI set PANTAU_SKIP_BROWSER=1"
        ),
    }
}

/// Prints `html` with headless chromium; the PDF's path.
fn print_to_pdf(dir: &Path, name: &str, html: &str) -> PathBuf {
    let page = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&page, html).unwrap();
    let mut child = Command::new("chromium")
        .arg("--headless")
        .arg("--no-sandbox")
        .arg("--disable-gpu")
        .arg("--no-first-run")
        // A container's /dev/shm is often too small for chromium.
        .arg("--disable-dev-shm-usage")
        .arg("--no-pdf-header-footer")
        .arg(format!(
            "--user-data-dir={}",
            dir.join("chromium").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Only a hang reaches this: a loaded machine prints in seconds.
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not print {name} in 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut err = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        use std::io::Read;
        let _ = stderr.read_to_string(&mut err);
    }
    assert!(status.success(), "chromium failed: {err}");
    assert!(pdf.is_file(), "chromium wrote no PDF: {err}");
    pdf
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(name).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Pages and page size (points) as pdfinfo says.
fn pdf_info(pdf: &Path) -> (usize, f64, f64) {
    let info = tool("pdfinfo", &[pdf.as_os_str()]);
    let field = |key: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no {key} in {info}"))
            .to_string()
    };
    let pages = field("Pages:").parse().unwrap();
    // "594.96 x 841.92 pts (A4)"
    let size = field("Page size:");
    let mut numbers = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    let (w, h) = (numbers.next().unwrap(), numbers.next().unwrap());
    (pages, w, h)
}

#[test]
fn chromium_prints_the_report_on_a4_and_f4_with_page_numbers_and_signature() {
    if !browser_or_skip() {
        return;
    }
    let dir = TempDir::new().unwrap();
    let plan = example();
    let mm = |mm: f64| mm / 25.4 * 72.0;

    // The long one: every target, on A4, in Indonesian.
    let targets = html(&plan, Kind::Targets, Lang::Id, letter());
    let pdf = print_to_pdf(dir.path(), "targets-a4", &targets);
    let (pages, w, h) = pdf_info(&pdf);
    assert!(
        (w - mm(210.0)).abs() < 2.0 && (h - mm(297.0)).abs() < 2.0,
        "A4: {w} × {h}"
    );
    assert!(pages > 1, "every target takes more than a page: {pages}");
    let text = tool(
        "pdftotext",
        &["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()],
    );
    for page in 1..=pages {
        assert!(
            text.contains(&format!("Halaman {page} dari {pages}")),
            "page {page} of {pages} numbered: {text}"
        );
    }
    assert!(text.contains("PEMERINTAH KABUPATEN LUWU UTARA"));
    assert!(text.contains("Masamba, 2 Desember 2026"));
    // The signature ends the last page.
    let last = text.split('\u{c}').rfind(|p| !p.trim().is_empty()).unwrap();
    assert!(last.contains("Andi Baso, S.Kom.") && last.contains("NIP 19700101 199503 1 001"));
    // Each page's table starts with the header row again.
    let headed = text
        .split('\u{c}')
        .filter(|p| p.contains("Indikator") && p.contains("Capaian"))
        .count();
    assert!(
        headed >= pages - 1,
        "{headed} of {pages} pages have the header"
    );

    // The overview on F4, in English.
    let f4 = html(
        &plan,
        Kind::Overview,
        Lang::En,
        Letter {
            paper: Paper::F4,
            ..letter()
        },
    );
    let pdf = print_to_pdf(dir.path(), "overview-f4", &f4);
    let (pages, w, h) = pdf_info(&pdf);
    assert!(
        (w - mm(215.0)).abs() < 2.0 && (h - mm(330.0)).abs() < 2.0,
        "F4: {w} × {h}"
    );
    let text = tool("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    assert!(text.contains(&format!("Page 1 of {pages}")), "{text}");
    assert!(text.contains("GOVERNMENT OF KABUPATEN LUWU UTARA"));
    assert!(text.contains("Masamba, 2 December 2026") && text.contains("Andi Baso, S.Kom."));
}
