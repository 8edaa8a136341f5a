//! Follow-ups (tindak lanjut): set from the shell, refused when they name no
//! one or end before they began, logged, and kept when two officers add them at once.

use pantau::plan::followup::{FollowUp, FollowUpStatus};
use pantau::plan::merge::merge;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

const EXAMPLE: &str = pantau::store::EXAMPLE;

fn pantau(args: &[&str]) -> (i32, String, String) {
    let home = TempDir::new().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pantau"))
        .args(args)
        .env("HOME", home.path())
        .env_remove("PANTAU_FILE")
        .env_remove("PANTAU_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("LC_ALL")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn plan_file() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    (dir, path)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn followup(id: &str, what: &str) -> FollowUp {
    FollowUp {
        id: id.into(),
        what: what.into(),
        pic: "Kabid Aptika".into(),
        agency: "Diskominfo".into(),
        deadline: "2026-12-31".into(),
        ..FollowUp::default()
    }
}

#[test]
fn set_adds_a_follow_up_dated_today_says_so_and_logs_it() {
    let (_d, path) = plan_file();
    let (code, stdout, stderr) = pantau(&[
        "set",
        "-f",
        s(&path),
        "--today",
        "2026-11-03",
        "GOV-02",
        "followup.1.what=Susun draf Perbup Satu Data",
        "followup.1.pic=Kabid Statistik",
        "followup.1.agency=Diskominfo",
        "followup.1.deadline=31-12-2026",
        "followup.1.source=surat",
        "followup.1.reference=000.5/1234/Bangda",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("GOV-02: follow-up 1 person in charge: (none) -> Kabid Statistik"),
        "{stdout}"
    );
    let plan = pantau::store::load(&path).unwrap().plan;
    let f = &plan.program("GOV-02").unwrap().followups[0];
    assert_eq!(f.id, "TL-01", "the first follow-up gets the first id");
    assert_eq!(f.deadline, "2026-12-31", "a day-first date is kept as ISO");
    assert_eq!(f.created, "2026-11-03", "dated the day it was added");
    assert_eq!(f.source, pantau::plan::followup::Source::Letter);

    // Its status by the officer's word, and a progress note.
    let (code, _, stderr) = pantau(&[
        "set",
        "--lang",
        "id",
        "-f",
        s(&path),
        "GOV-02",
        "followup.1.status=dalam proses",
        "followup.1.progress=05-11-2026 Draf dikirim ke Bagian Hukum",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let plan = pantau::store::load(&path).unwrap().plan;
    let f = &plan.program("GOV-02").unwrap().followups[0];
    assert_eq!(f.status, FollowUpStatus::InProgress);
    assert_eq!(f.progress[0].date, "2026-11-05");

    let (code, log, stderr) = pantau(&["log", "--lang", "id", "-f", s(&path)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        log.contains("GOV-02 tindak lanjut 1 status: Belum ditindaklanjuti -> Dalam proses"),
        "{log}"
    );
    // The rest of the file is as it was: the follow-up is one block.
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains(
        "            followups: [\n                (\n                    id: \"TL-01\",\n"
    ));
    let without: String = {
        let mut plan = pantau::store::load(&path).unwrap();
        let at = plan.plan.programs.iter().position(|p| p.id == "GOV-02");
        plan.plan.programs[at.unwrap()].followups.clear();
        pantau::plan::canonical::to_ron(&plan.plan, &plan.preamble)
    };
    assert_eq!(without, EXAMPLE, "nothing else moved");
}

#[test]
fn a_follow_up_naming_no_one_or_due_before_it_was_set_is_refused() {
    let (_d, path) = plan_file();
    let base = [
        "set",
        "-f",
        s(&path),
        "--today",
        "2026-11-03",
        "GOV-02",
        "followup.1.what=Rapat lanjutan",
        "followup.1.agency=Bappelitbangda",
    ];
    let refused = |extra: &[&str], needle: &str| {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        let (code, stdout, stderr) = pantau(&args);
        assert_ne!(code, 0, "{args:?} is refused\n{stdout}");
        assert!(stderr.contains(needle), "{needle:?} in:\n{stderr}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            EXAMPLE,
            "the file is untouched"
        );
    };
    refused(
        &["followup.1.pic=\u{1b}[2J", "followup.1.deadline=2026-12-01"],
        "a name without control characters",
    );
    refused(
        &["followup.1.pic=  ", "followup.1.deadline=2026-12-01"],
        "followup.1.pic",
    );
    refused(
        &["followup.1.pic=Kabid", "followup.1.deadline=2026-10-01"],
        "the deadline 2026-10-01 lies before 2026-11-03, when it was set",
    );
    refused(
        &[
            "followup.1.pic=Kabid",
            "followup.1.deadline=2026-12-01",
            "followup.1.status=Dropped",
        ],
        "dropped without a reason",
    );
}

#[test]
fn two_officers_adding_follow_ups_to_one_programme_at_once_keep_both() {
    let base = pantau::store::parse(EXAMPLE, Path::new("x")).unwrap().plan;
    let at = base.programs.iter().position(|p| p.id == "GOV-02").unwrap();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    // Both took the next free id, TL-01, for different decisions.
    mine.programs[at]
        .followups
        .push(followup("TL-01", "Tetapkan walidata"));
    theirs.programs[at]
        .followups
        .push(followup("TL-01", "Unggah 20 dataset"));
    let (merged, open) = merge(&base, &mine, &theirs, &|_| None);
    assert!(open.is_empty(), "nothing to ask: {open:?}");
    let mut kept: Vec<(&str, &str)> = merged.programs[at]
        .followups
        .iter()
        .map(|f| (f.id.as_str(), f.what.as_str()))
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        [
            ("TL-01", "Unggah 20 dataset"),
            ("TL-02", "Tetapkan walidata")
        ],
        "theirs keeps its id, mine takes the next"
    );
    let theirs_first = merged.programs[at].followups[0].id == "TL-01";
    let (one, two) = if theirs_first { (0, 1) } else { (1, 0) };
    assert!(pantau::plan::validate::validate(&merged).is_empty());

    // Then each works on a different field of the same one: both kept.
    let base = merged;
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.programs[at].followups[one].status = FollowUpStatus::Done;
    theirs.programs[at].followups[one].evidence = "SK Walidata No. 12".into();
    let (merged, open) = merge(&base, &mine, &theirs, &|_| None);
    assert!(open.is_empty());
    let f = &merged.programs[at].followups[one];
    assert_eq!(
        (f.status, f.evidence.as_str()),
        (FollowUpStatus::Done, "SK Walidata No. 12")
    );

    // The same field two ways is asked, by the follow-up's id.
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.programs[at].followups[two].deadline = "2027-01-15".into();
    theirs.programs[at].followups[two].deadline = "2027-02-15".into();
    let (_, open) = merge(&base, &mine, &theirs, &|_| None);
    assert_eq!(open.len(), 1);
    assert_eq!(
        open[0].what(pantau::i18n::Lang::En),
        format!("Deadline of follow-up {} TL-02 of GOV-02", two + 1)
    );
}

#[test]
fn the_plans_own_follow_ups_merge_like_a_programmes() {
    let base = pantau::store::parse(EXAMPLE, Path::new("x")).unwrap().plan;
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let next = pantau::plan::followup::next_id(&base.followups);
    mine.followups
        .push(followup(&next, "Lengkapi bukti dukung"));
    theirs
        .followups
        .push(followup(&next, "Perbarui masterplan"));
    let (merged, open) = merge(&base, &mine, &theirs, &|_| None);
    assert!(open.is_empty());
    assert_eq!(merged.followups.len(), base.followups.len() + 2);
    assert!(pantau::plan::validate::validate(&merged).is_empty());
    let text = pantau::plan::canonical::to_ron(&merged, "");
    let again = pantau::store::parse(&text, Path::new("x")).unwrap().plan;
    assert_eq!(again, merged, "the plan's list reads back");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Two sessions each add follow-ups to one programme at once, each
    /// numbering from what it saw: every one is kept, once, under an id of
    /// its own, and the plan stays valid.
    #[test]
    fn follow_ups_added_at_once_by_two_sessions_are_all_kept(
        program in 0usize..36,
        mine_n in 0usize..4,
        theirs_n in 0usize..4,
    ) {
        let base = pantau::store::parse(EXAMPLE, Path::new("x")).unwrap().plan;
        let at = program % base.programs.len();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let add = |plan: &mut pantau::plan::model::Plan, side: &str, n: usize| {
            for k in 0..n {
                let list = &mut plan.programs[at].followups;
                let id = pantau::plan::followup::next_id(list);
                list.push(followup(&id, &format!("{side} {k}")));
            }
        };
        add(&mut mine, "mine", mine_n);
        add(&mut theirs, "theirs", theirs_n);
        let (merged, open) = merge(&base, &mine, &theirs, &|_| None);
        proptest::prop_assert!(open.is_empty(), "{:?}", open);
        let list = &merged.programs[at].followups;
        let before = base.programs[at].followups.len();
        proptest::prop_assert_eq!(list.len(), before + mine_n + theirs_n);
        for (side, n) in [("mine", mine_n), ("theirs", theirs_n)] {
            for k in 0..n {
                let what = format!("{side} {k}");
                proptest::prop_assert_eq!(list.iter().filter(|f| f.what == what).count(), 1);
            }
        }
        let ids: std::collections::HashSet<&str> = list.iter().map(|f| f.id.as_str()).collect();
        proptest::prop_assert_eq!(ids.len(), list.len(), "ids unique");
        proptest::prop_assert!(pantau::plan::validate::validate(&merged).is_empty());
    }
}
