//! Indonesian as officers write it: words an earlier pantau used that read
//! like a translation (`../shared/domain.md`, "Vocabulary") never come back,
//! in the strings or in anything the goldens show an officer.

/// The word that was wrong, and the one officers use.
const FORMER: [(&str, &str); 7] = [
    ("tonggak", "tahapan"),
    ("galat", "kesalahan"),
    ("telat", "terlambat"),
    ("tenggat", "batas waktu"),
    ("jatuh tempo", "batas waktu"),
    ("linimasa", "peta jalan"),
    ("hr", "hari"),
];

/// Where `word` stands as a whole word in `text`, case aside.
fn finds(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The Indonesian strings.
fn strings() -> Vec<(String, String)> {
    ["src/i18n/id.rs", "src/tui/help_words.rs"]
        .into_iter()
        .map(|file| (file.to_string(), std::fs::read_to_string(file).unwrap()))
        .collect()
}

/// Every golden file an Indonesian officer would read.
fn indonesian_goldens() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["tests/golden", "tests/it/snapshots", "tests/e2e/snapshots"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().unwrap().to_string_lossy().to_lowercase();
            let indonesian = name.contains("-id") || name.contains(".id.") || name.contains("_id");
            if indonesian && let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn the_former_words_are_gone_from_what_officers_read() {
    let goldens = indonesian_goldens();
    assert!(goldens.len() > 20, "the Indonesian goldens are found");
    let mut found = Vec::new();
    for (file, text) in strings().into_iter().chain(goldens) {
        for (former, now) in FORMER {
            if finds(&text, former) {
                found.push(format!("{file}: `{former}` (write `{now}`)"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_former_word_is_found_as_a_word_only() {
    assert!(finds("Tonggak terlambat", "tonggak"));
    assert!(finds("93 hr lagi", "hr"));
    assert!(!finds("terlambat 3 hari", "hr"), "inside a word");
    assert!(!finds("Christmas", "hr"));
}
