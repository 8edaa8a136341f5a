//! Short proptest versions of the two fuzz targets in `fuzz/` (run them long
//! with `cargo fuzz`, see fuzz/README.md). The checks themselves are in
//! `fuzz/harness.rs`, included here as a plain module, so an input the fuzzer
//! finds replays as a `#[test]` below with the same bytes.
//!
//! - `load`: text near a plan file (the example with bytes deleted,
//!   duplicated, flipped or swapped for RON tokens; cut-off copies; token
//!   soup) never panics, and a plan that parses and validates survives a
//!   canonical round trip unchanged.
//! - `keys`: ~50 random keys on the example, drawn after each into a frame of
//!   random size, never panic and keep the plan valid; undoing everything
//!   gives back the plan as loaded.

#[path = "../../fuzz/harness.rs"]
mod harness;

use proptest::prelude::*;

// ---------------------------------------------------------------- load ----

/// RON syntax and the plan's own words, spliced into the example.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", ",", ":", "\"", "\\", "\\\"", "\\u{1F600}", "\\u{D800}", "//", "/*", "*/",
    "\n", "\r\n", "\r", " ", "\u{feff}", "\u{2028}", "Some(", "None", "true", "false", "inf",
    "-inf", "NaN", "-0.0", "1e308", "1e309", "0x10", "2147483647", "-2147483648", "2147483648",
    "version: ", "title: ", "period: ", "start: ", "end: ", "id: ", "name: ", "dimension: ",
    "element: ", "elements: ", "horizon: ", "status: ", "milestones: ", "targets: ", "due: ",
    "year: ", "target: ", "baseline: ", "QuickWin", "Long", "InProgress", "OnHold", "Cancelled",
    "\"2024-02-29\"", "\"2023-02-29\"", "\"\"", "é", "漢", "😀", "\u{301}", "\u{202e}",
    "#![enable(implicit_some)]", "r#\"", "\"#",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize, to: usize },
    Flip { at: usize, xor: u8 },
    Set { at: usize, byte: u8 },
    Insert { at: usize, token: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Positions are scaled to the text's length when applied.
    let at = any::<usize>();
    prop_oneof![
        3 => (at, 1..64usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        2 => (at, 1..200usize, any::<usize>())
            .prop_map(|(at, len, to)| Mutation::Duplicate { at, len, to }),
        3 => (at, 1..=255u8).prop_map(|(at, xor)| Mutation::Flip { at, xor }),
        2 => (at, prop::sample::select(b"()[],:\"\\ \n0123456789-.e/*#".to_vec()))
            .prop_map(|(at, byte)| Mutation::Set { at, byte }),
        3 => (at, 0..TOKENS.len()).prop_map(|(at, token)| Mutation::Insert { at, token }),
        1 => at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn mutate(mut text: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = text.len();
        let pos = |at: usize| if len == 0 { 0 } else { at % (len + 1) };
        match *m {
            Mutation::Delete { at, len: n } => {
                let from = pos(at);
                let to = (from + n).min(len);
                text.drain(from..to);
            }
            Mutation::Duplicate { at, len: n, to } => {
                let from = pos(at);
                let piece = text[from..(from + n).min(len)].to_vec();
                let to = pos(to);
                text.splice(to..to, piece);
            }
            Mutation::Flip { at, xor } if len > 0 => text[at % len] ^= xor,
            Mutation::Set { at, byte } if len > 0 => text[at % len] = byte,
            Mutation::Insert { at, token } => {
                let to = pos(at);
                text.splice(to..to, TOKENS[token].bytes());
            }
            Mutation::Truncate { at } => text.truncate(pos(at)),
            _ => {}
        }
    }
    text
}

/// What `load` fuzzes: UTF-8 only (the rest stops in `store::read`).
fn load_bytes(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        harness::load(text);
    }
}

/// A short plan with one of everything, so that small mutations often still
/// parse and reach the round trip.
const SMALL: &str = r#"// a preamble
(
    version: 1,
    region: "R",
    title: "T",
    vision: "V",
    period: (start: 2022, end: 2031),
    dimensions: [(id: "g", name: "G", lead: "L", elements: ["e", "f"])],
    programs: [
        (
            id: "G-1",
            name: "N \"q\" \\ \t é",
            dimension: "g",
            element: "e",
            horizon: QuickWin,
            support: ["S"],
            funding: [],
            start: 2022,
            end: 2023,
            status: InProgress,
            milestones: [(title: "M", due: "2022-02-28", done: true)],
            targets: [(year: 2023, indicator: "I", unit: "%", baseline: Some(1.5), target: 2e3, actual: None)],
            notes: "line\nline",
        ),
    ],
)
"#;

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => (0..TOKENS.len()).prop_map(|i| TOKENS[i].to_string()),
            1 => "[a-zA-Z0-9_ .\\-]{0,6}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_example_mutated_never_panics_and_round_trips(
        mutations in prop::collection::vec(mutation(), 1..6)
    ) {
        let bytes = mutate(pantau::store::EXAMPLE.as_bytes().to_vec(), &mutations);
        load_bytes(&bytes);
        // A byte flip that breaks UTF-8 would stop at `read`; go on with the rest.
        harness::load(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn a_small_plan_mutated_never_panics_and_round_trips(
        mutations in prop::collection::vec(mutation(), 1..4)
    ) {
        let bytes = mutate(SMALL.as_bytes().to_vec(), &mutations);
        harness::load(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn ron_token_soup_never_panics(text in token_soup()) {
        harness::load(&text);
        harness::load(&format!("{SMALL}{text}"));
    }
}

#[test]
fn the_seed_files_load() {
    harness::load(pantau::store::EXAMPLE);
    harness::load(SMALL);
    // Cut-off copies of the example, every few lines.
    let mut cut = String::new();
    for (n, line) in pantau::store::EXAMPLE.split_inclusive('\n').enumerate() {
        cut.push_str(line);
        if n % 11 == 0 {
            harness::load(&cut);
        }
    }
}

// ---------------------------------------------------------------- keys ----

/// Key bytes (see `harness::decode`), weighted toward the keys the keymap binds.
fn key_byte() -> impl Strategy<Value = u8> {
    const BOUND: &[u8] =
        b"123jjjkkhlgG/?qusSJK[]{} aeeddyynnmtrp\r\r\r\x1b\x1b\t\x7f\x03\x12\x13\x15\x17";
    prop_oneof![
        6 => prop::sample::select(BOUND.to_vec()),
        2 => 0x20..=0x7eu8,
        2 => any::<u8>(),
    ]
}

fn session() -> impl Strategy<Value = Vec<u8>> {
    (any::<[u8; 3]>(), prop::collection::vec(key_byte(), 30..70)).prop_map(|(header, keys)| {
        let mut bytes = header.to_vec();
        bytes.extend(keys);
        bytes
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic_keep_the_plan_valid_and_undo_to_the_start(bytes in session()) {
        harness::keys(&bytes);
    }
}

#[test]
fn the_key_seeds_replay() {
    // The same sessions as fuzz/seed.sh writes: header (80×24, English), then keys.
    for keys in [
        &b"2\r\re\x15Layanan Terpadu \x92\x93\x90\ruu"[..],
        b"2\r\rjaUji coba\t\x152023-12-15\rdndy",
        b"1e\t\t\t\t\x152023\r\x1b",
        b"3]]{{{{{{}}}}}}[[[[ll\x1e\x1fhh\r",
        b"2\r/app\x7f\x7fzz\r\x1b/xyz\x1b",
        b"2\rsq\x1bqy",
        b"2\rs\x13uuu\x12",
        b"2\r\re\xc0\x31\x0b\xc0\x00\x00\xc2",
    ] {
        let mut bytes = vec![79, 23, 0];
        bytes.extend_from_slice(keys);
        harness::keys(&bytes);
    }
}

#[test]
fn decode_maps_readable_bytes_to_their_keys() {
    use crossterm::event::{KeyCode, KeyModifiers};
    let session = harness::decode(b"\x4f\x17\x00a\r\x13");
    assert_eq!(session.size, (80, 24));
    let keys: Vec<_> = session
        .steps
        .iter()
        .map(|s| match s {
            harness::Step::Key(k) => (k.code, k.modifiers),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        keys,
        [
            (KeyCode::Char('a'), KeyModifiers::NONE),
            (KeyCode::Enter, KeyModifiers::NONE),
            (KeyCode::Char('s'), KeyModifiers::CONTROL),
        ]
    );
}

// ---- regressions ----
//
// The fuzz targets found nothing so far (fuzz/README.md has the runs). To
// keep an input they find, paste the bytes of `fuzz/artifacts/<target>/crash-…`
// into a test here: `harness::keys(b"\x4f\x17\x00...")` or `load_bytes(b"...")`.
//
// The tests below are plans that load and validate but break the timeline:
// found by drawing odd valid plans (which neither target does: `load` does not
// draw, `keys` only edits the example). They fail until src/ is fixed; the
// same plans are in fuzz/artifacts/ui/ for trying with the binary.

/// A plan with one dimension, the given period and programs.
fn plan_text(start: i64, end: i64, programs: &str) -> String {
    format!(
        "(version: 1, region: \"R\", title: \"T\", period: (start: {start}, end: {end}), \
         dimensions: [(id: \"g\", name: \"G\")], programs: [{programs}])"
    )
}

fn app_for(text: &str) -> pantau::tui::app::App {
    use pantau::plan::validate;
    use pantau::{i18n, store};
    let doc = store::parse(text, std::path::Path::new("plan.ron")).expect("parses");
    assert!(validate::validate(&doc.plan).is_empty(), "valid");
    let today = jiff::civil::date(2023, 11, 2);
    crate::common::app_with(doc, "plan.ron", today, i18n::Lang::En, (80, 24))
}

fn draw(app: &pantau::tui::app::App) {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let theme = pantau::tui::theme::Theme {
        mono: false,
        ascii: false,
        palette: pantau::tui::theme::Palette::DEFAULT,
    };
    terminal
        .draw(|frame| pantau::tui::ui::draw(frame, app, &theme))
        .unwrap();
}

/// Such periods are refused when the plan is read, with a message that says
/// what a period may be; so the views never see them.
fn refused(text: &str) -> String {
    let doc = pantau::store::parse(text, std::path::Path::new("plan.ron")).expect("parses");
    let problems = pantau::plan::validate::validate(&doc.plan);
    assert!(!problems.is_empty(), "an absurd period must not validate");
    problems
        .iter()
        .map(|p| p.message(&pantau::i18n::EN))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn regression_a_period_longer_than_i32_is_refused() {
    let why = refused(&plan_text(i64::from(i32::MIN), i64::from(i32::MAX), ""));
    assert!(why.contains("span at most 100 years"), "{why}");
}

#[test]
fn regression_a_period_near_i32_min_is_refused() {
    let why = refused(&plan_text(-2147483648, -2147483638, ""));
    assert!(why.contains("1900–2200"), "{why}");
}

#[test]
fn regression_a_program_spanning_two_billion_years_is_refused() {
    let program = "(id: \"G-1\", name: \"N\", dimension: \"g\", horizon: Long, \
                   start: 0, end: 2000000000, status: InProgress)";
    refused(&plan_text(0, 2_000_000_000, program));
}

#[test]
fn the_longest_allowed_plan_draws_every_view_quickly() {
    let program = "(id: \"G-1\", name: \"N\", dimension: \"g\", horizon: Long, \
                   start: 1900, end: 2000, status: InProgress, \
                   milestones: [(title: \"m\", due: \"1950-01-01\")], \
                   targets: [(year: 2000, indicator: \"i\", target: 1.0)])";
    let mut app = app_for(&plan_text(1900, 2000, program));
    let started = std::time::Instant::now();
    for view in pantau::tui::action::View::ALL {
        pantau::tui::update::update(&mut app, pantau::tui::action::Action::Show(view));
        for _ in 0..120 {
            pantau::tui::update::update(&mut app, pantau::tui::action::Action::Right);
        }
        draw(&app);
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}
