//! Saving: atomic, backed up, permissions and symlinks kept, byte-stable; and
//! load → save → load is the identity for any plan.

use pantau::i18n::EN;
use pantau::plan::model::{
    Aspect, AspectScore, Bands, Budget, BudgetChange, BudgetChangeKind, Dimension, Direction,
    Evaluation, Evidence, EvidenceKind, EvidenceState, FiscalPeriod, Horizon, Measure, Milestone,
    OfficialResult, Period, Plan, Program, Status, SubActivity, Target, Weights,
};
use pantau::store::{self, Document, EXAMPLE};
use proptest::prelude::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use tempfile::TempDir;

fn example() -> Document {
    store::parse(EXAMPLE, Path::new("x")).unwrap()
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect()
}

#[test]
fn save_replaces_the_file_and_keeps_the_old_one_as_backup() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    let mut doc = store::load(&path).unwrap();
    doc.plan.programs[0].status = Status::Done;
    store::save(&path, &doc.to_ron()).unwrap();

    let reloaded = store::load(&path).unwrap();
    assert_eq!(reloaded.plan.programs[0].status, Status::Done);
    assert_eq!(
        reloaded.preamble, doc.preamble,
        "the top comment survives a save"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap(),
        EXAMPLE
    );
    assert!(
        leftovers(dir.path()).is_empty(),
        "no temporary files left: {:?}",
        leftovers(dir.path())
    );
}

#[test]
fn saving_an_unchanged_plan_leaves_the_file_byte_identical_and_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let doc = store::load(&path).unwrap();
    store::save(&path, &doc.to_ron()).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), EXAMPLE);
    assert_eq!(
        fs::metadata(&path).unwrap().modified().unwrap(),
        before,
        "not even rewritten"
    );
    assert!(!dir.path().join("plan.ron.bak").exists());
}

#[test]
fn save_keeps_the_files_permissions() {
    for mode in [0o600, 0o640, 0o664] {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("plan.ron");
        fs::write(&path, EXAMPLE).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        let mut doc = example();
        doc.plan.title.push_str(" (revisi)");
        store::save(&path, &doc.to_ron()).unwrap();
        let got = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(got, mode, "mode {mode:o} kept, got {got:o}");
        let backup = fs::metadata(dir.path().join("plan.ron.bak"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(backup, mode, "backup no wider than the file");
    }
}

#[test]
fn save_writes_through_a_symlink_to_its_target() {
    let dir = TempDir::new().unwrap();
    let real = dir.path().join("shared").join("plan.ron");
    fs::create_dir(real.parent().unwrap()).unwrap();
    fs::write(&real, EXAMPLE).unwrap();
    let link = dir.path().join("mine.ron");
    std::os::unix::fs::symlink("shared/plan.ron", &link).unwrap();

    let mut doc = store::load(&link).unwrap();
    doc.plan.region = "Kabupaten Luwu Utara (salinan)".into();
    store::save(&link, &doc.to_ron()).unwrap();

    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert!(
        fs::read_to_string(&real).unwrap().contains("(salinan)"),
        "the target was written"
    );
    assert!(
        dir.path().join("shared/plan.ron.bak").exists(),
        "backup beside the target"
    );
}

#[test]
fn a_failed_save_leaves_the_old_file_whole() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    // A read-only folder makes the temporary file impossible to create (as
    // root, permissions do not stop us, so only check when they do).
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();
    let result = store::save(&path, "(changed)");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    if result.is_err() {
        assert_eq!(fs::read_to_string(&path).unwrap(), EXAMPLE);
    }
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn create_new_refuses_an_existing_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("sub/plan.ron");
    store::create_new(&path, EXAMPLE).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), EXAMPLE);
    let err = store::create_new(&path, "other").unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read_to_string(&path).unwrap(), EXAMPLE);
    assert!(leftovers(path.parent().unwrap()).is_empty());
}

#[test]
fn byte_order_mark_and_crlf_line_ends_are_accepted() {
    let windows = format!("\u{feff}{}", EXAMPLE.replace('\n', "\r\n"));
    let doc = store::parse(&windows, Path::new("x")).unwrap();
    assert_eq!(
        doc.to_ron(),
        EXAMPLE,
        "saved back with \\n line ends and no BOM"
    );
}

// ---- property: load → save → load is the identity ----

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, weighted towards what breaks writers: quotes, backslashes,
    // control characters, escapes, bidi overrides, combining marks.
    prop_oneof![
        4 => "\\PC{0,12}",
        2 => proptest::collection::vec(
            prop_oneof![
                Just('"'), Just('\\'), Just('\n'), Just('\r'), Just('\t'), Just('\0'),
                Just('\u{1b}'), Just('\u{7f}'), Just('\u{202e}'), Just('\u{301}'), Just('\''),
                Just('}'), Just(')'), Just('/'), Just('*'), any::<char>(),
            ],
            0..10,
        )
        .prop_map(|cs| cs.into_iter().collect()),
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1e6f64..1e6),
        any::<f64>().prop_filter("not NaN (NaN != NaN)", |v| !v.is_nan()),
        Just(0.1),
        Just(-0.0),
        Just(1e21),
        Just(5e-324),
    ]
}

fn milestone() -> impl Strategy<Value = Milestone> {
    (
        text(),
        text(),
        any::<bool>(),
        proptest::option::of(number()),
    )
        .prop_map(|(title, due, done, weight)| Milestone {
            title,
            due,
            done,
            weight,
        })
}

fn budget() -> impl Strategy<Value = Budget> {
    (
        any::<i32>(),
        number(),
        proptest::option::of(number()),
        text(),
    )
        .prop_map(|(year, allocation, spent, source)| Budget {
            year,
            allocation,
            spent,
            source,
        })
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (text(), 0..4usize, 0..3usize, text()).prop_map(|(name, k, s, link)| Evidence {
        name,
        kind: EvidenceKind::ALL[k],
        state: EvidenceState::ALL[s],
        link,
    })
}

/// Any follow-up: every text field any text, so the writer's escaping and
/// its fields left out when empty are both crossed.
fn followup() -> impl Strategy<Value = pantau::plan::followup::FollowUp> {
    use pantau::plan::followup::{FollowUp, FollowUpStatus, Progress, Source};
    (
        (text(), text(), 0..2usize, text(), text(), text()),
        (text(), text(), text(), 0..4usize, text(), text()),
        proptest::collection::vec((text(), text()), 0..3),
    )
        .prop_map(
            |(
                (id, what, source, reference, source_date, created),
                (pic, agency, deadline, status, reason, evidence),
                progress,
            )| FollowUp {
                id,
                what,
                source: Source::ALL[source],
                reference,
                source_date,
                created,
                pic,
                agency,
                deadline,
                status: FollowUpStatus::ALL[status],
                reason,
                evidence,
                progress: progress
                    .into_iter()
                    .map(|(date, note)| Progress { date, note })
                    .collect(),
            },
        )
}

fn target() -> impl Strategy<Value = Target> {
    (
        any::<i32>(),
        text(),
        text(),
        proptest::option::of(number()),
        number(),
        proptest::option::of(number()),
        (
            0..3usize,
            proptest::option::of(number()),
            proptest::option::of(any::<i32>()),
            text(),
            text(),
        ),
        0..4usize,
    )
        .prop_map(
            |(
                year,
                indicator,
                unit,
                baseline,
                target,
                actual,
                (d, upper, base_year, source, definition),
                m,
            )| Target {
                year,
                indicator,
                unit,
                baseline,
                target,
                actual,
                direction: Direction::ALL[d],
                upper,
                base_year,
                source,
                definition,
                measures: Measure::ALL[m],
            },
        )
}

/// A target as version 1 wrote it: none of the later optional fields.
fn v1_target() -> impl Strategy<Value = Target> {
    target().prop_map(|t| Target {
        direction: Direction::Higher,
        upper: None,
        base_year: None,
        source: String::new(),
        definition: String::new(),
        measures: Measure::Output,
        ..t
    })
}

fn evaluation() -> impl Strategy<Value = Evaluation> {
    (
        proptest::option::of((number(), number(), number(), number(), number())),
        proptest::collection::vec((any::<i32>(), 0..5usize, number(), text()), 0..3),
        proptest::collection::vec(
            (
                any::<i32>(),
                number(),
                proptest::option::of(number()),
                proptest::option::of(number()),
                text(),
            ),
            0..3,
        ),
        proptest::collection::btree_map(any::<i32>(), number(), 0..3),
    )
        .prop_map(|(w, scores, results, survey)| Evaluation {
            weights: w.map(|(baseline, output, outcome, impact, quick_win)| Weights {
                baseline,
                output,
                outcome,
                impact,
                quick_win,
            }),
            scores: scores
                .into_iter()
                .map(|(year, a, score, note)| AspectScore {
                    year,
                    aspect: Aspect::ALL[a],
                    score,
                    note,
                })
                .collect(),
            results: results
                .into_iter()
                .map(|(year, index, outcome, quick_win, letter)| OfficialResult {
                    year,
                    index,
                    outcome,
                    quick_win,
                    letter,
                    ..OfficialResult::default()
                })
                .collect(),
            survey,
        })
}

fn program() -> impl Strategy<Value = Program> {
    (
        (text(), text(), text(), text(), text(), 0..4usize, text()),
        (
            proptest::collection::vec(text(), 0..3),
            proptest::collection::vec(text(), 0..3),
        ),
        (any::<i32>(), any::<i32>(), 0..6usize),
        (
            proptest::collection::vec(milestone(), 0..3),
            proptest::collection::vec(target(), 0..3),
            proptest::collection::vec(budget(), 0..2),
            proptest::collection::vec(evidence(), 0..2),
            text(),
            proptest::option::of(text()),
            proptest::collection::vec(followup(), 0..2),
        ),
        fiscal(),
    )
        .prop_map(
            |(
                (id, name, description, dimension, element, h, lead),
                (support, funding),
                (start, end, s),
                (milestones, targets, budget, evidence, notes, rpjmd, followups),
                (renstra, periods, budget_changes, subactivities),
            )| Program {
                id,
                name,
                description,
                dimension,
                element,
                rpjmd,
                renstra,
                horizon: Horizon::ALL[h],
                lead,
                support,
                funding,
                start,
                end,
                status: Status::ALL[s],
                milestones,
                targets,
                budget,
                evidence,
                periods,
                budget_changes,
                subactivities,
                followups,
                notes,
            },
        )
}

/// The fiscal year's parts of a programme: Renstra, periods, budget
/// changes, sub-activities, each with every optional field.
fn fiscal() -> impl Strategy<Value = FiscalParts> {
    let small = || proptest::option::of(0..20u8);
    let period = (
        any::<i32>(),
        small(),
        small(),
        (
            proptest::option::of(number()),
            proptest::option::of(number()),
            proptest::option::of(number()),
        ),
        text(),
        text(),
    )
        .prop_map(
            |(year, quarter, month, (cash_plan, spent, physical), problems, follow_up)| {
                FiscalPeriod {
                    year,
                    quarter,
                    month,
                    cash_plan,
                    spent,
                    physical,
                    problems,
                    follow_up,
                }
            },
        );
    let change = (any::<i32>(), text(), number(), 0..2usize, text()).prop_map(
        |(year, date, allocation, k, note)| BudgetChange {
            year,
            date,
            allocation,
            kind: BudgetChangeKind::ALL[k],
            note,
        },
    );
    let sub = (text(), text(), text(), proptest::option::of(number())).prop_map(
        |(code, name, agency, allocation)| SubActivity {
            code,
            name,
            agency,
            allocation,
        },
    );
    (
        proptest::option::of(text()),
        proptest::collection::vec(period, 0..3),
        proptest::collection::vec(change, 0..2),
        proptest::collection::vec(sub, 0..2),
    )
}

type FiscalParts = (
    Option<String>,
    Vec<FiscalPeriod>,
    Vec<BudgetChange>,
    Vec<SubActivity>,
);

fn plan() -> impl Strategy<Value = Plan> {
    (
        (
            0..=pantau::plan::model::FORMAT_VERSION,
            text(),
            text(),
            text(),
            any::<i32>(),
            any::<i32>(),
        ),
        proptest::collection::vec(
            (
                text(),
                text(),
                text(),
                proptest::collection::vec(text(), 0..3),
            )
                .prop_map(|(id, name, lead, elements)| Dimension {
                    id,
                    name,
                    lead,
                    elements,
                }),
            0..3,
        ),
        proptest::collection::vec(program(), 0..4),
    )
        .prop_map(
            |((version, region, title, vision, start, end), dimensions, programs)| Plan {
                version,
                region,
                code: String::new(),
                province: String::new(),
                title,
                vision,
                period: Period { start, end },
                bands: Bands::Lkjip,
                dimensions,
                programs,
                followups: Vec::new(),
                evaluation: Box::default(),
            },
        )
}

/// Any plan, the evaluation section, the region code and province, the
/// band regime and the newer target fields included.
fn plan_with_evaluation() -> impl Strategy<Value = Plan> {
    (
        plan(),
        evaluation(),
        proptest::option::of("[0-9]{2}(\\.[0-9]{2})?"),
        text(),
        proptest::sample::select(Bands::ALL.to_vec()),
        proptest::collection::vec(followup(), 0..2),
    )
        .prop_map(
            |(plan, evaluation, code, province, bands, followups)| Plan {
                evaluation: Box::new(evaluation),
                followups,
                code: code.unwrap_or_default(),
                province,
                bands,
                ..plan
            },
        )
}

/// A plan as version 1 of the format could write it.
fn v1_plan() -> impl Strategy<Value = Plan> {
    (plan(), proptest::collection::vec(v1_target(), 0..3)).prop_map(|(mut plan, targets)| {
        for p in &mut plan.programs {
            p.targets.clone_from(&targets);
            p.budget.clear();
            p.evidence.clear();
            p.renstra = None;
            p.periods.clear();
            p.budget_changes.clear();
            p.subactivities.clear();
            p.followups.clear();
            for m in &mut p.milestones {
                m.weight = None;
            }
        }
        plan
    })
}

fn preamble() -> impl Strategy<Value = String> {
    proptest::collection::vec("// [^\n\r]{0,20}", 0..3)
        .prop_map(|lines| lines.iter().map(|l| format!("{l}\n")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn load_save_load_is_the_identity(plan in plan_with_evaluation(), preamble in preamble()) {
        let doc = Document { plan, preamble };
        let text = doc.to_ron();
        let back = store::parse(&text, Path::new("p.ron"))
            .map_err(|e| TestCaseError::fail(format!("{}\n{text}", e.render(&EN))))?;
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(back.to_ron(), text, "saving again is byte-identical");
    }

    #[test]
    fn a_version_1_file_saves_byte_identically_and_gains_no_new_fields(plan in v1_plan(), preamble in preamble()) {
        let doc = Document { plan, preamble };
        let text = doc.to_ron();
        // The canonical v1 target line ends at `actual`; nothing newer is written.
        for line in text.lines().filter(|l| l.trim_start().starts_with("(year: ")) {
            prop_assert!(line.ends_with("None),") || line.ends_with(")),"), "{line}");
        }
        prop_assert!(!text.contains("\n    evaluation: ("));
        prop_assert!(!text.contains("\n    code: ") && !text.contains("\n    province: "));
        prop_assert!(!text.contains("budget: [") && !text.contains("evidence: [") && !text.contains("weight: "));
        prop_assert!(!text.contains("periods: [") && !text.contains("budget_changes: [") && !text.contains("subactivities: [") && !text.contains("renstra: "));
        let back = store::parse(&text, Path::new("p.ron"))
            .map_err(|e| TestCaseError::fail(format!("{}\n{text}", e.render(&EN))))?;
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(back.to_ron(), text);
    }

    #[test]
    fn parsing_on_several_threads_gives_the_plan_one_thread_gives(plan in plan_with_evaluation(), threads in 1usize..5) {
        let text = Document { plan, preamble: String::new() }.to_ron();
        let whole: pantau::plan::model::Plan = ron::Options::default().from_str(&text).unwrap();
        prop_assert_eq!(store::fast::parse(&text, threads), Some(whole));
    }
}

#[test]
fn a_temporary_file_left_by_a_killed_save_does_not_block_the_next() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    // What `kill -9` in the middle of a save by a process with our id leaves.
    let leftover = dir
        .path()
        .join(format!(".plan.ron.pantau-{}.tmp", std::process::id()));
    fs::write(&leftover, "half a plan").unwrap();
    let mut doc = example();
    doc.plan.title.push_str(" (revisi)");
    store::save(&path, &doc.to_ron()).unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("(revisi)"));
    // A save that holds the lock clears such leftovers away.
    let opened = store::Opened::open(&path).unwrap();
    let (base, fingerprint) = (&opened.doc, opened.fingerprint);
    let who = pantau::store::audit::Who {
        user: "t".into(),
        officer: String::new(),
        from: "local".into(),
        when: "now".into(),
    };
    let mut mine = base.clone();
    mine.plan.programs[0].status = Status::Done;
    let from = store::Base {
        fingerprint,
        plan: store::BasePlan::Plan(&base.plan),
        changes: None,
    };
    let saved = opened.file.save(from, &mine, &|_| None, &who, &mut |_| {});
    saved.unwrap();
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn loading_many_plans_gives_each_its_own_result_in_order() {
    let dir = TempDir::new().unwrap();
    let mut paths = Vec::new();
    for n in 0..7 {
        let path = dir.path().join(format!("region-{n}.ron"));
        let text = if n == 3 {
            EXAMPLE.replacen("status: InProgress", "status: Sideways", 1)
        } else {
            EXAMPLE.replacen(
                "region: \"Kabupaten Luwu Utara\"",
                &format!("region: \"Region {n}\""),
                1,
            )
        };
        fs::write(&path, text).unwrap();
        paths.push(path);
    }
    paths.push(dir.path().join("missing.ron"));
    let results = store::load_many(&paths);
    assert_eq!(results.len(), 8);
    for (n, result) in results.iter().enumerate() {
        match n {
            3 => assert!(
                matches!(result, Err(store::LoadError::Syntax { .. })),
                "the broken plan is reported, not skipped"
            ),
            7 => assert!(matches!(result, Err(store::LoadError::NotFound(_)))),
            _ => assert_eq!(
                result.as_ref().unwrap().plan.region,
                format!("Region {n}"),
                "in the order asked"
            ),
        }
    }
}

#[test]
fn a_plan_swapped_for_a_link_behind_an_open_session_is_refused_not_written_through() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    let opened = store::Opened::open(&path).unwrap();
    // A colleague replaces the plan by a dangling link into someone's home.
    let elsewhere = dir.path().join("home-of-the-officer").join("plan.ron");
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &path).unwrap();
    let who = store::audit::Who {
        user: "u".into(),
        officer: String::new(),
        from: "local".into(),
        when: "t".into(),
    };
    let result = opened.save(None, &who, &mut |_| {});
    assert!(
        matches!(result, Err(store::SaveError::Replaced { .. })),
        "{result:?}"
    );
    assert!(
        !elsewhere.exists(),
        "nothing was written where the link points"
    );
    assert!(!dir.path().join("home-of-the-officer").exists());
}

#[test]
fn a_folder_planted_at_the_backup_is_moved_aside_and_the_save_goes_on() {
    use pantau::store::doctor::{Finding, examine};
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    let planted = dir.path().join("plan.ron.bak");
    fs::create_dir(&planted).unwrap();
    fs::write(planted.join("inside"), "a colleague's\n").unwrap();
    let found = examine(&path).unwrap();
    let fix_to = found
        .iter()
        .find_map(|f| match f {
            Finding::SideIsFolder { path: p, aside } if *p == planted => Some(aside.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("doctor names the folder and where to move it: {found:?}"));
    assert_eq!(fix_to.parent(), Some(dir.path()), "moved within the folder");

    let mut doc = store::load(&path).unwrap();
    doc.plan.programs[0].status = Status::Done;
    let backup = store::save_over(&path, &doc.to_ron(), None).expect("the save goes on");
    let Some(store::Backup::MovedAside { from, to }) = backup else {
        panic!("the officer is told what was done: {backup:?}");
    };
    assert_eq!(from, planted);
    assert_eq!(
        store::load(&path).unwrap().plan.programs[0].status,
        Status::Done
    );
    assert_eq!(
        fs::read_to_string(&planted).unwrap(),
        EXAMPLE,
        "the backup is kept"
    );
    assert_eq!(
        fs::read_to_string(to.join("inside")).unwrap(),
        "a colleague's\n",
        "what was planted is set aside whole, not deleted"
    );
    let found = examine(&path).unwrap();
    assert!(
        found.contains(&Finding::SetAside { path: to.clone() }),
        "doctor lists what was set aside: {found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|f| matches!(f, Finding::SideIsFolder { .. })),
        "{found:?}"
    );
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn a_fifo_planted_at_the_backup_is_replaced_by_the_backup_without_being_opened() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    let planted = dir.path().join("plan.ron.bak");
    let made = std::process::Command::new("mkfifo")
        .arg(&planted)
        .status()
        .unwrap();
    assert!(made.success());
    let mut doc = store::load(&path).unwrap();
    doc.plan.programs[0].status = Status::Done;
    let backup = store::save_over(&path, &doc.to_ron(), None).unwrap();
    assert!(
        matches!(backup, Some(store::Backup::Replaced { ref at }) if *at == planted),
        "{backup:?}"
    );
    assert!(fs::symlink_metadata(&planted).unwrap().is_file());
    assert_eq!(fs::read_to_string(&planted).unwrap(), EXAMPLE);
}

#[test]
fn a_save_after_one_killed_between_backup_and_rename_leaves_no_staging_file() {
    // A save killed after keeping the backup (a hard link of the plan) but
    // before renaming the new plan in leaves `.bak` as the plan's own inode;
    // the next save must not leave its staging name behind.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, EXAMPLE).unwrap();
    fs::hard_link(&path, dir.path().join("plan.ron.bak")).unwrap();
    let mut doc = store::load(&path).unwrap();
    doc.plan.programs[0].status = Status::Done;
    store::save_over(&path, &doc.to_ron(), None).unwrap();
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["plan.ron", "plan.ron.bak"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("plan.ron.bak")).unwrap(),
        EXAMPLE
    );
}

#[test]
fn each_problem_names_the_line_of_its_own_programme_even_when_ids_repeat() {
    let programme = |id: &str, name: &str| {
        format!(
            "        (\n            id: {id},\n            name: \"{name}\",\n            dimension: \"governance\",\n            horizon: QuickWin,\n            start: 2022,\n            end: 2027,\n            status: InProgress,\n        ),\n"
        )
    };
    let text = format!(
        "(\n    version: 1,\n    region: \"R\",\n    title: \"T\",\n    period: (start: 2022, end: 2031),\n    dimensions: [(id: \"governance\", name: \"G\", lead: \"L\")],\n    programs: [\n{}{}{}{}    ],\n)\n",
        programme(r#""A \"1\"""#, ""),
        programme(r#""A""#, "ok"),
        programme(r#""A \"1\"""#, "twice"),
        programme(r#""A""#, ""),
    );
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plan.ron");
    fs::write(&path, &text).unwrap();
    let loaded = store::load(&path);
    let Err(store::LoadError::Invalid { problems, .. }) = loaded else {
        panic!("the plan should not load: {loaded:?}");
    };
    let placed: Vec<(Option<usize>, Option<&str>)> = problems
        .iter()
        .map(|p| (p.line, p.problem.program.as_deref()))
        .collect();
    // The ids on lines 9, 18, 27 and 36: the first programme has no name,
    // the third repeats the first's id, the fourth the second's and has no name.
    assert_eq!(
        placed,
        [
            (Some(9), Some("A \"1\"")),
            (Some(27), Some("A \"1\"")),
            (Some(36), Some("A")),
            (Some(36), Some("A")),
        ]
    );
}
