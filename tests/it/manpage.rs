//! The man page and the shell completions are generated from the same clap
//! definitions as the parser and checked in (`doc/`), for the package and
//! for servers without the repository; this fails when they are out of date.
//! `INSTA_UPDATE=always cargo test` writes them afresh, as it accepts every
//! golden (`common::golden`).

use crate::common::golden;
use std::path::Path;

fn check(path: &str, now: &[u8]) {
    golden::assert_artifact(path, now);
}

#[test]
fn the_checked_in_man_page_is_the_one_the_command_line_makes() {
    let page = pantau::cli::man_page().unwrap();
    let text = String::from_utf8(page.clone()).unwrap();
    // Every command has its own section, with its options.
    for command in ["CHECK", "SUMMARY", "SET", "LOG", "REPORT", "DOCTOR", "INIT"] {
        assert!(
            text.contains(&format!(".SH \"PANTAU {command}\"")),
            "{command}"
        );
    }
    assert!(
        text.contains("pantau help format"),
        "points at the format reference"
    );
    check("doc/pantau.1", &page);
}

#[test]
fn the_checked_in_completions_are_the_ones_the_command_line_makes() {
    for (shell, path) in [
        (clap_complete::Shell::Bash, "doc/completions/pantau.bash"),
        (clap_complete::Shell::Zsh, "doc/completions/_pantau"),
        (clap_complete::Shell::Fish, "doc/completions/pantau.fish"),
    ] {
        let mut out = Vec::new();
        pantau::cli::completions(shell, &mut out);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("summary") && text.contains("demo"), "{shell}");
        check(path, &out);
    }
}

#[test]
fn pantau_completions_prints_what_is_checked_in() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("doc/completions/pantau.bash");
    if !golden::accepting() {
        assert_eq!(out.stdout, std::fs::read(file).unwrap());
    }
}

#[test]
fn pantau_help_format_prints_the_format_reference_without_the_repository() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(["help", "format"])
        // Not from the repository: the text is in the binary.
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMAT.md");
    assert_eq!(out.stdout, std::fs::read(docs).unwrap());
}

#[test]
fn the_checked_in_import_columns_are_the_ones_import_reads() {
    use pantau::i18n::Lang;
    use pantau::report::sheet::reference;
    let page = format!(
        "# Importing spreadsheets\n\n\
         Generated from the column registry (`src/report/sheet.rs`), as `pantau help import`\n\
         prints it in each language; `tests/manpage.rs` keeps it current.\n\n\
         ## English\n\n```text\n{}```\n\n## Bahasa Indonesia\n\n```text\n{}```\n",
        reference(Lang::En),
        reference(Lang::Id)
    );
    assert!(page.contains("Milestones (Tonggak)") && page.contains("Tonggak (Milestones)"));
    check("docs/IMPORT.md", page.as_bytes());
}
