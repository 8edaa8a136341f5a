//! `pantau report --format html`, the printable official report: what the
//! document holds (letterhead, dates in the report's language, signature,
//! paper, escaped data, nothing fetched). The real print with chromium is
//! `tests/e2e/print.rs`.

use crate::common;
use crate::common::letter::{html, letter};

use jiff::civil::{Date, date};
use pantau::i18n::Lang;
use pantau::plan::model::Plan;
use pantau::report::{self, Format, Kind, Letter, Logo, Paper, Signer};
use pantau::store::{self, EXAMPLE};
use std::path::Path;
use std::process::Command;
use tempfile::TempDir;

fn today() -> Date {
    date(2023, 11, 2)
}

fn example() -> Plan {
    store::parse(EXAMPLE, Path::new("x")).unwrap().plan
}

#[test]
fn every_kind_is_one_whole_document_that_fetches_nothing() {
    let plan = example();
    for kind in [
        Kind::Overview,
        Kind::Dimension,
        Kind::Program,
        Kind::Timeline,
        Kind::Overdue,
        Kind::Upcoming,
        Kind::Targets,
    ] {
        for lang in [Lang::En, Lang::Id] {
            let out = html(&plan, kind, lang, letter());
            let what = format!("{kind:?} {lang:?}");
            assert!(out.starts_with("<!DOCTYPE html>\n"), "{what}");
            assert!(out.ends_with("</html>\n"), "{what}");
            assert_eq!(out.matches("<body>").count(), 1, "{what}");
            for remote in ["<script", "<link", "@import", "url(", "src=", "href="] {
                assert!(!out.contains(remote), "{what} holds {remote}");
            }
            // An evidence document's address is printed as text to read,
            // never as something the page follows.
            for link in out.match_indices("http").map(|(at, _)| &out[..at]) {
                let tag = link.rfind('<').map(|at| &link[at..]).unwrap_or("");
                assert!(
                    tag.starts_with("<td>") || tag.starts_with("<td "),
                    "{what}: {tag}"
                );
            }
            assert!(
                !out.chars()
                    .any(|c| c.is_control() && c != '\n' || c == '\u{7f}'),
                "{what} holds a control character"
            );
            // Tables repeat their header on each page and never split a row.
            assert!(out.contains("thead { display: table-header-group; }"));
            assert!(out.contains("tr { break-inside: avoid;"));
            let lang_attr = if lang == Lang::Id { "id" } else { "en" };
            assert!(out.contains(&format!("<html lang=\"{lang_attr}\">")));
        }
    }
}

#[test]
fn the_letterhead_names_the_region_and_agency_in_capitals_over_a_rule() {
    let out = html(&example(), Kind::Overview, Lang::Id, letter());
    assert!(out.contains("<div class=\"government\">PEMERINTAH KABUPATEN LUWU UTARA</div>"));
    assert!(
        out.contains("<div class=\"agency\">DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN</div>")
    );
    assert!(out.contains("<div class=\"address\">Jl. Simpurusiang No. 1, Masamba 92961</div>"));
    assert!(out.contains("border-bottom: 3pt double #000"));
    let en = html(&example(), Kind::Overview, Lang::En, letter());
    assert!(en.contains("GOVERNMENT OF KABUPATEN LUWU UTARA"));
    // Without an agency or address, their lines are left out.
    let bare = html(&example(), Kind::Overview, Lang::Id, Letter::default());
    assert!(!bare.contains("class=\"agency\"") && !bare.contains("class=\"address\""));
    assert!(bare.contains("PEMERINTAH KABUPATEN LUWU UTARA"));
}

#[test]
fn dates_are_written_out_in_the_report_language() {
    let id = html(&example(), Kind::Targets, Lang::Id, letter());
    assert!(id.contains("<p>Masamba, 2 Desember 2026</p>"), "{id}");
    assert!(id.contains("per 2 November 2023"));
    let en = html(&example(), Kind::Targets, Lang::En, letter());
    assert!(en.contains("<p>Masamba, 2 December 2026</p>"));
    // Without --date, the signature is dated today.
    let undated = Letter {
        date: None,
        ..letter()
    };
    let out = html(&example(), Kind::Targets, Lang::Id, undated);
    assert!(out.contains("<p>Masamba, 2 November 2023</p>"));
}

#[test]
fn the_signature_block_ends_the_report_with_position_name_and_nip() {
    let out = html(&example(), Kind::Overdue, Lang::Id, letter());
    let block = &out[out.find("<div class=\"signature\">").expect("a signature")..];
    let at = |s: &str| block.find(s).unwrap_or_else(|| panic!("{s} in {block}"));
    assert!(at("Masamba, 2 Desember 2026") < at("Kepala Dinas"));
    assert!(at("Kepala Dinas") < at("class=\"space\""));
    assert!(at("class=\"space\"") < at("<p class=\"name\">Andi Baso, S.Kom.</p>"));
    assert!(at("Andi Baso") < at("NIP 19700101 199503 1 001"), "grouped");
    assert!(block.starts_with("<div class=\"signature\">") && !block.contains("<table"));
    // On the right: the block's left margin is auto.
    assert!(out.contains(".signature { break-inside: avoid;"));
    assert!(out.contains("margin: 8mm 0 0 auto;"));
    // Nobody named, no place: no block.
    let none = html(&example(), Kind::Overdue, Lang::Id, Letter::default());
    assert!(!none.contains("class=\"signature\""));
}

#[test]
fn the_paper_is_a4_or_f4_with_page_numbers_in_the_margin() {
    let a4 = html(&example(), Kind::Overview, Lang::Id, letter());
    assert!(a4.contains("size: 210mm 297mm;"));
    assert!(a4.contains(
        "@bottom-center { content: \"Halaman \" counter(page) \" dari \" counter(pages) \"\";"
    ));
    let f4 = html(
        &example(),
        Kind::Overview,
        Lang::En,
        Letter {
            paper: Paper::F4,
            ..letter()
        },
    );
    assert!(f4.contains("size: 215mm 330mm;"));
    assert!(f4.contains("\"Page \" counter(page) \" of \" counter(pages)"));
    assert!(f4.contains("font-family: Arial, \"Liberation Sans\", Helvetica, sans-serif;"));
}

#[test]
fn hostile_text_in_the_plan_and_options_stays_text() {
    let mut plan = example();
    let hostile = "<script>alert('x')</script> & \"Dinas\" \u{1b}[31m\u{202e}";
    plan.region = format!("Kabupaten {hostile}");
    plan.title = hostile.to_string();
    for p in &mut plan.programs {
        p.name = format!("{hostile}\nbaris dua");
        p.lead = hostile.to_string();
        for m in &mut p.milestones {
            m.title = hostile.to_string();
        }
        for t in &mut p.targets {
            t.indicator = hostile.to_string();
            t.unit = "</td></tr></table>".to_string();
        }
    }
    let dressed = Letter {
        agency: hostile.into(),
        address: hostile.into(),
        place: hostile.into(),
        signer: Signer {
            name: hostile.into(),
            position: hostile.into(),
            nip: hostile.into(),
        },
        ..letter()
    };
    for kind in [
        Kind::Overview,
        Kind::Dimension,
        Kind::Program,
        Kind::Timeline,
        Kind::Overdue,
        Kind::Upcoming,
        Kind::Targets,
    ] {
        let out = html(&plan, kind, Lang::Id, dressed.clone());
        assert!(!out.contains("<script"), "{kind:?}");
        assert!(!out.contains("</td></tr></table>"), "{kind:?}");
        assert!(out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"));
        assert!(out.contains("\\u{1b}[31m\\u{202e}"), "{kind:?}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{kind:?}"
        );
        // The markup pantau writes is balanced whatever the data.
        for tag in ["table", "tr", "td", "p", "div", "h2"] {
            assert_eq!(
                out.matches(&format!("<{tag}>")).count() + out.matches(&format!("<{tag} ")).count(),
                out.matches(&format!("</{tag}>")).count(),
                "{kind:?} <{tag}>"
            );
        }
    }
    // A line break in a programme's name is a <br>, never raw; a table
    // cell may break after a slash.
    let out = html(&plan, Kind::Dimension, Lang::Id, dressed);
    assert!(out.contains(
        "&#39;x&#39;)&lt;/<wbr>script&gt; &amp; &quot;Dinas&quot; \\u{1b}[31m\\u{202e}<br>baris dua"
    ));
}

#[test]
fn a_logo_is_embedded_and_a_bad_one_is_refused_naming_the_file() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let logo = Logo::new(Path::new("kop.png"), png).unwrap();
    let out = html(
        &example(),
        Kind::Overview,
        Lang::Id,
        Letter {
            logo: Some(logo),
            ..letter()
        },
    );
    assert!(out.contains("<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==\" alt=\"\">"));

    let dir = TempDir::new().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, EXAMPLE).unwrap();
    let gif = dir.path().join("logo.gif");
    std::fs::write(&gif, b"GIF89a").unwrap();
    let huge = dir.path().join("huge.png");
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.resize(3_000_000, 0);
    std::fs::write(&huge, bytes).unwrap();
    let folder = dir.path().join("folder.png");
    std::fs::create_dir(&folder).unwrap();
    for (logo, says) in [
        (dir.path().join("missing.png"), "missing.png"),
        (gif, "not a PNG, JPEG or SVG"),
        (huge, "is 3.0 MB; a letterhead logo may be at most 2.0 MB"),
        (folder, "folder.png is not a regular file"),
    ] {
        let out = pantau(&[
            "report",
            plan.to_str().unwrap(),
            "--format",
            "html",
            "--logo",
            logo.to_str().unwrap(),
            "--lang",
            "en",
        ]);
        assert_eq!(out.status.code(), Some(2), "{says}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.contains("logo"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn the_command_line_takes_the_letter_options() {
    let dir = TempDir::new().unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, EXAMPLE).unwrap();
    let svg = dir.path().join("logo.svg");
    std::fs::write(&svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    let out = pantau(&[
        "report",
        plan.to_str().unwrap(),
        "--format",
        "html",
        "--kind",
        "targets",
        "--paper",
        "F4",
        "--agency",
        "Dinas Kominfo",
        "--address",
        "Jl. Simpurusiang",
        "--logo",
        svg.to_str().unwrap(),
        "--place",
        "Masamba",
        "--signer-name",
        "Andi",
        "--signer-position",
        "Kepala Dinas",
        "--signer-nip",
        "1970",
        "--date",
        "2026-12-02",
        "--lang",
        "id",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for part in [
        "size: 215mm 330mm;",
        "DINAS KOMINFO",
        "Jl. Simpurusiang",
        "data:image/svg+xml;base64,",
        "Masamba, 2 Desember 2026",
        "<p class=\"name\">Andi</p>",
        "NIP 1970",
    ] {
        assert!(text.contains(part), "{part}");
    }
}

#[test]
fn the_rollup_prints_as_html_too() {
    let mut plan = example();
    plan.region = "Kabupaten <b>Luwu</b> Utara".into();
    let regions = [
        report::rollup::Region {
            file: "luwu-utara/plan.ron".into(),
            plan: Ok(&plan),
        },
        report::rollup::Region {
            file: "<bad>.ron".into(),
            plan: Err("line 1: expected `(`".into()),
        },
    ];
    let out = report::rollup::render(
        &regions,
        Format::Html,
        Lang::Id,
        today(),
        80,
        pantau::text::Glyphs::of(false),
    );
    assert!(out.starts_with("<!DOCTYPE html>") && out.ends_with("</html>\n"));
    assert!(out.contains("Kabupaten &lt;b&gt;Luwu&lt;/b&gt; Utara"));
    assert!(out.contains("&lt;bad&gt;.ron: line 1: expected `(`"));
    assert!(!out.contains("<b>") && !out.contains("<bad>"));
    assert!(out.contains("thead { display: table-header-group; }"));
}

fn pantau(args: &[&str]) -> std::process::Output {
    Command::new(common::BIN)
        .args(args)
        .args(["--today", common::TODAY])
        .env_remove("PANTAU_FILE")
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap()
}

/// The letter to the regent carries capaian as officers sign it: two
/// decimals with a decimal comma, no cap, a range written as a range, and
/// the plan's band names.
#[test]
fn the_letter_carries_capaian_with_two_decimals_ranges_and_the_plans_band_names() {
    let mut plan = example();
    // A poverty rate of 12,66 % against a target of 12,5 %: lower is
    // better, so 98,72 %, the top band yet missed.
    for t in plan.programs.iter_mut().flat_map(|p| p.targets.iter_mut()) {
        if t.indicator == "Persentase penduduk miskin" && t.actual == Some(12.66) {
            t.target = 12.5;
        }
    }
    let at = plan.programs.iter().position(|p| p.id == "GOV-02").unwrap();
    let t = &mut plan.programs[at].targets[0];
    (t.target, t.upper, t.actual) = (80.0, Some(90.0), Some(92.0));
    let out = html(&plan, Kind::Targets, Lang::Id, letter());
    for want in [
        "98,72 %",
        "Sangat Tinggi · belum tercapai",
        "80–90",
        "102,22 %",
        "125,00 %",
    ] {
        assert!(out.contains(want), "{want} in\n{out}");
    }
    assert!(!out.contains("→120"), "no cap");
}

/// An official table as tata naskah dinas has it: a No. column counting
/// the rows (a total row is no item) and a Keterangan column that says
/// something true of the row: how late a milestone is, how late a
/// programme's oldest overdue milestone is, what a target says of itself.
#[test]
fn official_tables_number_their_rows_and_remark_on_each() {
    let plan = example();
    let print = |kind, lang| {
        let request = report::Request {
            kind,
            format: Format::Html,
            letter: Box::new(letter()),
            ..Default::default()
        };
        report::render(&plan, &request, lang, date(2026, 12, 2)).unwrap()
    };
    let out = print(Kind::Overdue, Lang::Id);
    assert!(out.contains("<tr><th class=\"num\">No.</th><th"));
    assert!(out.contains("<tr><td class=\"num\">1.</td><td class=\"code\">30-09-2026</td>"));
    assert!(out.contains("<th class=\"code\">Keterangan</th>"));
    assert!(out.contains("<td class=\"code\">terlambat 63 hari</td></tr>"));
    let out = print(Kind::Overdue, Lang::En);
    assert!(out.contains("<th class=\"code\">Remarks</th>"));
    assert!(out.contains("<td class=\"code\">63 d late</td></tr>"));

    let out = print(Kind::Dimension, Lang::Id);
    assert!(out.contains("<th>Keterangan</th>"));
    assert!(out.contains("<td>tahapan terlambat 63 hari</td>"));
    assert!(out.contains("<td>batas waktu berikutnya 30-12-2026</td>"));
    let out = print(Kind::Dimension, Lang::En);
    assert!(out.contains("<td>a milestone 63 days late</td>"));
    assert!(out.contains("<td>next due 2026-12-30</td>"));

    let out = print(Kind::Overview, Lang::Id);
    assert!(out.contains("<tr class=\"total\"><td></td><td>Total</td>"));
    // A target's kind and source leave the indicator's cell for the remarks.
    let out = print(Kind::Targets, Lang::Id);
    assert!(out.contains("<td>Jumlah pengguna terdaftar super app</td>"));
    assert!(out.contains("<td>indikator pemanfaatan"));
}
