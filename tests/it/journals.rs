//! A reader's own record of the journals' heads: `pantau log` and `pantau
//! doctor` find journals gone or cut short since this login last read them,
//! even when every journal went at once and none is left to witness it.

use std::path::Path;
use std::process::Command;

fn pantau(home: &Path, dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .current_dir(dir)
        .args(args)
        .env("HOME", home)
        .env("LANG", "C.UTF-8")
        .env("PANTAU_OFFICER", "tester")
        .env_remove("XDG_STATE_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("PANTAU_FILE")
        .env_remove("PANTAU_CONFIG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    // doctor says it on stdout, log on stderr.
    let said = [out.stdout, out.stderr].concat();
    (
        out.status.code(),
        String::from_utf8_lossy(&said).into_owned(),
    )
}

#[test]
fn journals_gone_or_cut_since_this_reader_last_read_them_are_reported() {
    let dir = tempfile::TempDir::new().unwrap();
    let (d, home, stranger) = (
        dir.path(),
        dir.path().join("home"),
        dir.path().join("other"),
    );
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&stranger).unwrap();
    std::fs::write(d.join("plan.ron"), pantau::store::EXAMPLE).unwrap();
    for status in ["Done", "Delayed"] {
        let change = format!("status={status}");
        let (code, err) = pantau(&home, d, &["set", "-f", "plan.ron", "GOV-01", &change]);
        assert_eq!(code, Some(0), "{err}");
    }
    let (code, err) = pantau(&home, d, &["log", "-f", "plan.ron"]);
    assert_eq!(code, Some(0), "{err}");
    let folder = d.join("plan.ron.journal");
    let journal = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = journal.file_stem().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(&journal).unwrap();

    // The whole folder gone: no journal is left to say what it saw.
    std::fs::remove_dir_all(&folder).unwrap();
    let gone =
        format!("journal {name} is gone, but it held 2 entries when you last read this history");
    for _ in 0..2 {
        let (code, err) = pantau(&home, d, &["log", "-f", "plan.ron"]);
        assert_eq!(code, Some(1), "said at every reading: {err}");
        assert!(err.contains(&gone), "{err}");
    }
    let (code, err) = pantau(&home, d, &["doctor", "-f", "plan.ron"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&format!("unsafe: {gone}")), "{err}");
    // A login that never read it has nothing to compare: the limit.
    let (code, err) = pantau(&stranger, d, &["log", "-f", "plan.ron"]);
    assert_eq!(code, Some(0), "{err}");

    // Back, but cut to its first entry.
    std::fs::create_dir(&folder).unwrap();
    let first = text.lines().next().unwrap();
    std::fs::write(&journal, format!("{first}\n")).unwrap();
    let (code, err) = pantau(&home, d, &["log", "-f", "plan.ron"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "journal {name} ends at entry 1, but it reached entry 2 when you last read this history"
        )),
        "{err}"
    );
}
