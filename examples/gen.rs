//! Writes a large, valid, canonical plan (`tests/common/generator.rs`) for
//! the scale scripts and by hand:
//!
//! ```text
//! cargo run --release --example gen -- --programs 10000 [--seed N] [--region N] [--output FILE]
//! ```
//!
//! `--region N` makes the plan one regency of a generated province; see the
//! generator for what N means.

#[path = "../tests/common/generator.rs"]
mod generator;

use generator::{generate_region, generate_text, preamble};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen --programs N [--seed N] [--region N] [--output FILE]";

struct Args {
    programs: usize,
    seed: u64,
    region: Option<usize>,
    output: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut programs = None;
    let mut seed = 1;
    let mut region = None;
    let mut output = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--programs" => {
                let v = value("--programs")?;
                programs = Some(v.parse().map_err(|_| format!("bad --programs: {v}"))?);
            }
            "--seed" => {
                let v = value("--seed")?;
                seed = v.parse().map_err(|_| format!("bad --seed: {v}"))?;
            }
            "--region" => {
                let v = value("--region")?;
                region = Some(v.parse().map_err(|_| format!("bad --region: {v}"))?);
            }
            "--output" | "-o" => output = Some(PathBuf::from(value("--output")?)),
            other => return Err(format!("unexpected argument: {other}")),
        }
    }
    Ok(Args {
        programs: programs.ok_or("--programs is required")?,
        seed,
        region,
        output,
    })
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(raw.into_iter()) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("gen: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = match args.region {
        Some(n) => pantau::plan::canonical::to_ron(
            &generate_region(args.programs, args.seed, n),
            &preamble(args.programs, args.seed),
        ),
        None => generate_text(args.programs, args.seed),
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, &text),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let to = args
                .output
                .as_deref()
                .map_or("stdout".into(), |p| p.display().to_string());
            eprintln!("gen: writing {to}: {e}");
            ExitCode::FAILURE
        }
    }
}
