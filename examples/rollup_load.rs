//! Loads plans the way a provincial rollup does, for `scripts/rollup.sh`:
//! `rollup_load DIR` loads every `*.ron` below DIR in parallel
//! (`store::load_many`); `rollup_load FILE` loads one file. Prints how many
//! plans and programmes loaded, and the failures.
//!
//! cargo run --release --example rollup_load -- DIR|FILE

use pantau::store;
use std::path::{Path, PathBuf};

fn plans(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            plans(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

fn main() -> std::process::ExitCode {
    let Some(arg) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: rollup_load DIR|FILE");
        return std::process::ExitCode::from(2);
    };
    let mut paths = Vec::new();
    if arg.is_dir() {
        plans(&arg, &mut paths);
        paths.sort();
    } else {
        paths.push(arg);
    }
    let results = store::load_many(&paths);
    let programmes: usize = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|d| d.plan.programs.len())
        .sum();
    let failed = results.iter().filter(|r| r.is_err()).count();
    println!(
        "{} plans, {programmes} programmes, {failed} failed",
        results.len()
    );
    std::process::ExitCode::SUCCESS
}
