//! The man page and the shell completions are generated from the same clap
//! definitions as the parser and checked in (`docs/generated/`), for the package and
//! for servers without the repository; this fails when they are out of date.
//! `INSTA_UPDATE=always cargo test` writes them afresh, as it accepts every
//! golden (`common::golden`). The man page is made here, not in the
//! library: only this test writes it, so `clap_mangen` is a dev-dependency.

use crate::common::golden;
use std::path::Path;

fn check(path: &str, now: &[u8]) {
    golden::assert_artifact(path, now);
}

#[test]
fn the_checked_in_man_page_is_the_one_the_command_line_makes() {
    let page = man_page().unwrap();
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
    check("docs/generated/pantau.1", &page);
}

#[test]
fn the_checked_in_completions_are_the_ones_the_command_line_makes() {
    for (shell, path) in [
        (
            clap_complete::Shell::Bash,
            "docs/generated/completions/pantau.bash",
        ),
        (
            clap_complete::Shell::Zsh,
            "docs/generated/completions/_pantau",
        ),
        (
            clap_complete::Shell::Fish,
            "docs/generated/completions/pantau.fish",
        ),
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
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/generated/completions/pantau.bash");
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
         prints it in each language; `tests/it/manpage.rs` keeps it current.\n\n\
         ## English\n\n```text\n{}```\n\n## Bahasa Indonesia\n\n```text\n{}```\n",
        reference(Lang::En),
        reference(Lang::Id)
    );
    assert!(page.contains("Milestones (Tahapan)") && page.contains("Tahapan (Milestones)"));
    check("docs/generated/IMPORT.md", page.as_bytes());
}

/// The man page (`docs/generated/pantau.1`), from the same definitions as the parser:
/// the top level, then each command's options as a section of its own.
fn man_page() -> std::io::Result<Vec<u8>> {
    use clap::CommandFactory;
    let command = pantau::cli::Cli::command();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    for sub in command.get_subcommands().filter(|c| !c.is_hide_set()) {
        let name = sub.get_name();
        let sub = sub.clone().bin_name(format!("pantau {name}"));
        let mut text = Vec::new();
        let man = clap_mangen::Man::new(sub);
        man.render_synopsis_section(&mut text)?;
        man.render_options_section(&mut text)?;
        // Each command's sections under its own heading, not a second SYNOPSIS.
        let text = String::from_utf8_lossy(&text)
            .replace(
                ".SH SYNOPSIS",
                &format!(".SH \"PANTAU {}\"", name.to_uppercase()),
            )
            .replace(".SH OPTIONS", ".SS Options");
        out.extend_from_slice(text.as_bytes());
    }
    man.render_extra_section(&mut out)?;
    out.extend_from_slice(config_section().as_bytes());
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// `.SH FILES` in roff: the configuration's text and example.
fn config_section() -> String {
    let roff = |text: &str| {
        text.lines()
            .map(|line| {
                let line = line.replace('\\', "\\\\").replace('-', "\\-");
                if line.starts_with(['.', '\'']) {
                    format!("\\&{line}")
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let paragraphs: Vec<String> = pantau::cli::CONFIG_HELP.split("\n\n").map(roff).collect();
    format!(
        ".SH FILES\n.TP\n~/.config/pantau/config.ron\n{}\n.PP\n{}\n.PP\n.nf\n{}\n.fi\n",
        paragraphs[0],
        paragraphs[1..].join("\n.PP\n"),
        roff(pantau::cli::CONFIG_EXAMPLE)
    )
}
