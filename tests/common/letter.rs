//! The printable HTML report's test letter: the letterhead and signer the
//! HTML tests and the real print (chromium) both use.

#![allow(dead_code)]

use jiff::civil::date;
use pantau::i18n::Lang;
use pantau::plan::model::Plan;
use pantau::report::{self, Format, Kind, Letter, Paper, Request, Signer};

/// A letterhead and signer as a regency's office fills them in.
pub fn letter() -> Letter {
    Letter {
        paper: Paper::A4,
        agency: "Dinas Komunikasi, Informatika dan Persandian".into(),
        address: "Jl. Simpurusiang No. 1, Masamba 92961".into(),
        logo: None,
        place: "Masamba".into(),
        signer: Signer {
            name: "Andi Baso, S.Kom.".into(),
            position: "Kepala Dinas".into(),
            nip: "197001011995031001".into(),
        },
        date: Some(date(2026, 12, 2)),
    }
}

/// `kind` of `plan` as the printable HTML report (GOV-01 for the programme
/// report), in `lang`, on 2 November 2023, under `letter`.
pub fn html(plan: &Plan, kind: Kind, lang: Lang, letter: Letter) -> String {
    let request = Request {
        kind,
        format: Format::Html,
        filter: report::Filter {
            program: (kind == Kind::Program).then(|| "GOV-01".to_string()),
            ..Default::default()
        },
        letter: Box::new(letter),
        ..Default::default()
    };
    report::render(plan, &request, lang, date(2023, 11, 2)).expect("the example renders")
}
