//! The yardstick for loading: read a plan and parse it with `ron` alone into
//! pantau's model, nothing else (no validation, no parallel parse), as a
//! whole process. `scripts/peer.sh` runs it beside `pantau summary`.
//!
//! cargo run --release --example ron_parse -- FILE

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: ron_parse FILE");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{}: {e}", path.to_string_lossy());
            return std::process::ExitCode::from(1);
        }
    };
    match ron::Options::default().from_str::<pantau::plan::model::Plan>(&text) {
        Ok(plan) => {
            println!("{} programs", plan.programs.len());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::from(2)
        }
    }
}
