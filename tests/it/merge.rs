//! Properties of the three-way merge, over generated edit sequences on the
//! bundled plan: a side that changed nothing takes the other's plan as it
//! is; two officers who work on different programmes (or different
//! milestones of one programme) never get a question and both keep
//! everything; the result does not depend on who saved first.

use pantau::plan::merge::{Choice, Conflict, Renamed, Why, merge, merge_following, next_id};
use pantau::plan::model::{Bands, Milestone, Plan, Program, Status};
use pantau::store::{self, EXAMPLE};
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::Path;

fn base() -> Plan {
    store::parse(EXAMPLE, Path::new("x")).unwrap().plan
}

fn undecided(_: &Conflict) -> Option<Choice> {
    None
}

/// One quick edit an officer makes to programme `at` (an index into the
/// programmes that officer works on).
#[derive(Debug, Clone)]
enum Op {
    Status(usize, usize),
    Tick(usize, usize),
    AddMilestone(usize, String),
    RemoveMilestone(usize, usize),
    Actual(usize, usize, i32),
    Lead(usize, String),
    Delete(usize),
    Add(usize),
    /// Moves programme `at` one place down (only for the properties where
    /// one side did nothing: two officers' moves of neighbours may touch).
    Move(usize),
}

fn op(moves: bool) -> impl Strategy<Value = Op> {
    let text = "[a-zA-Z ]{1,12}";
    let edits = prop_oneof![
        (any::<usize>(), 0..Status::ALL.len()).prop_map(|(a, s)| Op::Status(a, s)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, m)| Op::Tick(a, m)),
        (any::<usize>(), text).prop_map(|(a, t)| Op::AddMilestone(a, t)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, m)| Op::RemoveMilestone(a, m)),
        (any::<usize>(), any::<usize>(), 0..500i32).prop_map(|(a, t, v)| Op::Actual(a, t, v)),
        (any::<usize>(), text).prop_map(|(a, l)| Op::Lead(a, l)),
        any::<usize>().prop_map(Op::Delete),
        any::<usize>().prop_map(Op::Add),
    ];
    if moves {
        prop_oneof![4 => edits, 1 => any::<usize>().prop_map(Op::Move)].boxed()
    } else {
        edits.boxed()
    }
}

/// Applies `ops` to the programmes whose ids are in `mine` (new programmes
/// get ids starting with `tag`, so two sides never add the same id).
fn apply(plan: &mut Plan, ops: &[Op], mine: &[String], tag: &str) {
    let mut added = 0;
    for op in ops {
        let live: Vec<usize> = plan
            .programs
            .iter()
            .enumerate()
            .filter(|(_, p)| mine.contains(&p.id) || p.id.starts_with(tag))
            .map(|(i, _)| i)
            .collect();
        if live.is_empty() {
            return;
        }
        let pick = |a: &usize| live[a % live.len()];
        match op {
            Op::Status(a, s) => plan.programs[pick(a)].status = Status::ALL[*s],
            Op::Tick(a, m) => {
                let ms = &mut plan.programs[pick(a)].milestones;
                if !ms.is_empty() {
                    let n = ms.len();
                    ms[m % n].done = !ms[m % n].done;
                }
            }
            Op::AddMilestone(a, title) => plan.programs[pick(a)].milestones.push(Milestone {
                title: format!("{tag} {title}"),
                due: "2027-06-30".into(),
                done: false,
                weight: None,
            }),
            Op::RemoveMilestone(a, m) => {
                let ms = &mut plan.programs[pick(a)].milestones;
                if !ms.is_empty() {
                    let n = ms.len();
                    ms.remove(m % n);
                }
            }
            Op::Actual(a, t, v) => {
                let ts = &mut plan.programs[pick(a)].targets;
                if !ts.is_empty() {
                    let n = ts.len();
                    ts[t % n].actual = Some(f64::from(*v));
                }
            }
            Op::Lead(a, lead) => plan.programs[pick(a)].lead = lead.clone(),
            Op::Delete(a) => {
                plan.programs.remove(pick(a));
            }
            Op::Add(a) => {
                let at = pick(a);
                let mut p = plan.programs[at].clone();
                added += 1;
                p.id = format!("{tag}-{added}");
                plan.programs.insert(at + 1, p);
            }
            Op::Move(a) => {
                let at = pick(a);
                if at + 1 < plan.programs.len() {
                    plan.programs.swap(at, at + 1);
                }
            }
        }
    }
}

fn by_id(plan: &Plan) -> HashMap<&str, &pantau::plan::model::Program> {
    plan.programs.iter().map(|p| (p.id.as_str(), p)).collect()
}

/// The programmes split between two officers by `split`, one bit each.
fn sides(plan: &Plan, split: u64) -> (Vec<String>, Vec<String>) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (i, p) in plan.programs.iter().enumerate() {
        if split >> (i % 64) & 1 == 1 {
            a.push(p.id.clone());
        } else {
            b.push(p.id.clone());
        }
    }
    (a, b)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_side_that_changed_nothing_takes_the_other_as_it_is(
        ops in prop::collection::vec(op(true), 0..12),
    ) {
        let base = base();
        let everyone: Vec<String> = base.programs.iter().map(|p| p.id.clone()).collect();
        let mut changed = base.clone();
        apply(&mut changed, &ops, &everyone, "N");
        let (merged, conflicts) = merge(&base, &changed, &base, &undecided);
        prop_assert!(conflicts.is_empty());
        prop_assert_eq!(&merged, &changed, "merge(base, mine, base) == mine");
        let (merged, conflicts) = merge(&base, &base, &changed, &undecided);
        prop_assert!(conflicts.is_empty());
        prop_assert_eq!(&merged, &changed, "merge(base, base, theirs) == theirs");
    }

    #[test]
    fn officers_on_different_programmes_never_conflict_and_both_keep_their_work(
        split in any::<u64>(),
        mine_ops in prop::collection::vec(op(false), 0..10),
        their_ops in prop::collection::vec(op(false), 0..10),
    ) {
        let base = base();
        let (a, b) = sides(&base, split);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        apply(&mut mine, &mine_ops, &a, "M");
        apply(&mut theirs, &their_ops, &b, "T");
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        prop_assert!(conflicts.is_empty(), "{:?}", conflicts);

        let (bm, mm, tm, gm) = (by_id(&base), by_id(&mine), by_id(&theirs), by_id(&merged));
        // Every programme is where the side that touched it left it.
        for (id, p) in &gm {
            let expected = match (mm.get(id), tm.get(id), bm.get(id)) {
                (Some(m), _, Some(b)) if m != b => m,
                (_, Some(t), _) => t,
                (Some(m), None, _) => m,
                _ => unreachable!("{id} came from nowhere"),
            };
            prop_assert_eq!(p, expected, "{}", id);
        }
        // Nothing added is missing, nothing deleted is back.
        for id in mm.keys().chain(tm.keys()) {
            let deleted = bm.contains_key(id) && !(mm.contains_key(id) && tm.contains_key(id));
            prop_assert_eq!(gm.contains_key(id), !deleted, "{}", id);
        }
        // Who saved first does not matter for what the plan holds.
        let (other_way, conflicts) = merge(&base, &theirs, &mine, &undecided);
        prop_assert!(conflicts.is_empty());
        prop_assert_eq!(gm, by_id(&other_way));
    }

    #[test]
    fn officers_on_different_milestones_of_one_programme_both_keep_theirs(
        program in 0..8usize,
        ticks in prop::collection::vec((any::<bool>(), any::<usize>()), 1..8),
        mine_adds in 0..3usize,
        their_adds in 0..3usize,
    ) {
        let base = base();
        let p = program % base.programs.len();
        let n = base.programs[p].milestones.len();
        prop_assume!(n >= 2);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        // Even milestones are mine to tick, odd ones theirs.
        for (me, m) in &ticks {
            let (plan, k) = if *me { (&mut mine, (m % n) & !1) } else { (&mut theirs, (m % n) | 1) };
            if k < n {
                plan.programs[p].milestones[k].done ^= true;
            }
        }
        let add = |plan: &mut Plan, count: usize, who: &str| {
            for i in 0..count {
                plan.programs[p].milestones.push(Milestone {
                    title: format!("{who} {i}"),
                    due: "2027-01-31".into(),
                    done: false,
                    weight: None,
                });
            }
        };
        add(&mut mine, mine_adds, "mine");
        add(&mut theirs, their_adds, "theirs");
        let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
        prop_assert!(conflicts.is_empty(), "{:?}", conflicts);
        let got = &merged.programs[p].milestones;
        prop_assert_eq!(got.len(), n + mine_adds + their_adds);
        for (k, m) in got.iter().enumerate().take(n) {
            let side = if k % 2 == 0 { &mine } else { &theirs };
            prop_assert_eq!(m, &side.programs[p].milestones[k]);
        }
    }
}

/// The plan's band names are a field of its own: one officer's change of
/// regime and another's change of title both survive, whoever saved first.
#[test]
fn a_change_of_band_names_merges_like_any_header_field() {
    let base = base();
    let mut mine = base.clone();
    mine.bands = Bands::Lkjip;
    let mut theirs = base.clone();
    theirs.title = "Masterplan Smart City 2027".into();
    for (a, b) in [(&mine, &theirs), (&theirs, &mine)] {
        let (merged, conflicts) = merge(&base, a, b, &undecided);
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert_eq!(merged.bands, Bands::Lkjip);
        assert_eq!(merged.title, theirs.title);
    }
}

/// A new programme as the interface adds it: the next free id in its dimension.
fn add_program(plan: &mut Plan, dimension: &str, name: &str) -> String {
    let last = plan
        .programs
        .iter()
        .rev()
        .find(|p| p.dimension == dimension)
        .map(|p| p.id.clone());
    let id = next_id(last.as_deref(), dimension, |id| {
        plan.programs.iter().any(|p| p.id == id)
    });
    let mut p = Program::new(id.clone(), dimension.into(), "Dinas".into(), 2026);
    p.name = name.into();
    plan.programs.push(p);
    id
}

/// Two officers each add a programme, both forms offering the same id: the
/// later save keeps both, its own under the next free id, and says so.
#[test]
fn two_new_programmes_under_one_id_are_both_kept_the_later_under_a_free_id() {
    let base = base();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let dimension = base.programs[0].dimension.clone();
    let offered = add_program(&mut mine, &dimension, "Program Budi");
    assert_eq!(
        add_program(&mut theirs, &dimension, "Program Andi"),
        offered
    );
    let merged = merge_following(&base, &mine, &theirs, &undecided);
    assert_eq!(merged.open, [], "never asked to choose");
    assert_eq!(merged.plan.programs.len(), base.programs.len() + 2);
    let andi = merged.plan.program(&offered).map(|p| p.name.as_str());
    assert_eq!(andi, Some("Program Andi"), "theirs keeps the id");
    let [Renamed { from, to, why, .. }] = &merged.renamed[..] else {
        panic!("one renumbering: {:?}", merged.renamed);
    };
    assert_eq!((from, *why), (&offered, Why::Taken));
    assert_eq!(
        merged.plan.program(to).map(|p| p.name.as_str()),
        Some("Program Budi")
    );
    assert!(pantau::plan::validate::validate(&merged.plan).is_empty());
    // Two additions in the log, not a rename of Andi's.
    let logged = pantau::plan::merge::changes(&theirs, &merged.plan);
    assert_eq!(
        logged
            .iter()
            .map(|(s, f, _, _)| (s.as_str(), f.as_str()))
            .collect::<Vec<_>>(),
        [(to.as_str(), "(program)")]
    );
    // The same programme added alike on both sides is one.
    let merged = merge_following(&base, &mine, &mine.clone(), &undecided);
    assert_eq!(merged.plan.programs.len(), base.programs.len() + 1);
    assert_eq!(merged.renamed, []);
}

/// A renames GOV-05 to GOV-50; B's edit of GOV-05 lands on GOV-50, either
/// way round, and no GOV-05 comes back.
#[test]
fn an_edit_to_a_programme_renamed_meanwhile_lands_under_its_new_id() {
    let base = base();
    let old = base.programs[4].id.clone();
    let new = format!("{old}0");
    let (mut renamer, mut editor) = (base.clone(), base.clone());
    renamer.programs[4].id = new.clone();
    renamer.programs[4].lead = "Bappeda".into();
    editor.programs[4].status = Status::Delayed;
    for (mine, theirs) in [(&editor, &renamer), (&renamer, &editor)] {
        let merged = merge_following(&base, mine, theirs, &undecided);
        assert_eq!(merged.open, []);
        assert_eq!(merged.plan.programs.len(), base.programs.len());
        assert!(merged.plan.program(&old).is_none(), "{old} not resurrected");
        let p = merged.plan.program(&new).expect("under its new id");
        assert_eq!((p.status, p.lead.as_str()), (Status::Delayed, "Bappeda"));
    }
    // The editor's session is told what to follow.
    let merged = merge_following(&base, &editor, &renamer, &undecided);
    assert_eq!(
        merged
            .renamed
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str(), r.why))
            .collect::<Vec<_>>(),
        [(old.as_str(), new.as_str(), Why::RenamedThere)]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// Two sessions adding programmes (ids clashing or not) and milestones
    /// concurrently: every addition is in the merged plan, none asked about.
    #[test]
    fn two_sessions_adding_items_concurrently_never_lose_one(
        mine_adds in prop::collection::vec((0..4usize, any::<bool>()), 0..5),
        their_adds in prop::collection::vec((0..4usize, any::<bool>()), 0..5),
    ) {
        let base = base();
        let dimensions: Vec<String> = base.dimensions.iter().map(|d| d.id.clone()).collect();
        let add = |plan: &mut Plan, adds: &[(usize, bool)], who: &str| {
            for (n, &(d, milestone)) in adds.iter().enumerate() {
                let name = format!("{who} {n}");
                if milestone {
                    let at = d % plan.programs.len();
                    plan.programs[at].milestones.push(Milestone {
                        title: name,
                        due: "2027-03-31".into(),
                        done: false,
                        weight: None,
                    });
                } else {
                    add_program(plan, &dimensions[d % dimensions.len()], &name);
                }
            }
        };
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        add(&mut mine, &mine_adds, "Budi");
        add(&mut theirs, &their_adds, "Andi");
        let merged = merge_following(&base, &mine, &theirs, &undecided);
        prop_assert!(merged.open.is_empty(), "{:?}", merged.open);
        prop_assert!(pantau::plan::validate::validate(&merged.plan).is_empty());
        for side in [&mine, &theirs] {
            for p in &side.programs {
                prop_assert!(
                    merged.plan.programs.iter().any(|q| q.name == p.name),
                    "{} kept", p.name
                );
                for m in &p.milestones {
                    prop_assert!(
                        merged.plan.programs.iter().any(|q| q.milestones.contains(m)),
                        "{} kept", m.title
                    );
                }
            }
        }
        let programmes = |plan: &Plan| plan.programs.len() - base.programs.len();
        prop_assert_eq!(
            merged.plan.programs.len(),
            base.programs.len() + programmes(&mine) + programmes(&theirs)
        );
    }
}

/// Saves `plan` as `officer` would, over whatever the file holds (a save
/// from a session that read the file just before).
fn colleague_saves(path: &Path, officer: &str, change: impl FnOnce(&mut Plan)) {
    let opened = store::Opened::open(path).unwrap();
    let mut opened = opened;
    change(&mut opened.doc.plan);
    let who = store::audit::Who::named(Some(officer), "2026-12-07T10:14:00+08:00".into());
    let saved = opened.save(None, &who, &mut |_| {}).unwrap();
    assert!(matches!(saved, store::Saved::Written { .. }));
}

/// A's question shows "theirs: Delayed"; before A answers, C saves Done.
/// A's "mine" does not overwrite a value A never saw: the question comes
/// again with Done, naming who saved it, and only that answer is written.
#[test]
fn an_answer_to_a_question_whose_other_side_moved_meanwhile_is_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let session = store::PlanFile::at(&path);
    let opened = session.open().unwrap();
    let base = opened.doc.plan.clone();
    let mut mine = opened.doc.clone();
    mine.plan.programs[0].status = Status::NotStarted;
    colleague_saves(&path, "Andi", |p| p.programs[0].status = Status::Delayed);
    let who = store::audit::Who::named(Some("Budi"), "2026-12-07T10:15:00+08:00".into());
    let save = |decide: &dyn Fn(&Conflict) -> Option<Choice>| {
        let base = store::Base {
            fingerprint: opened.fingerprint,
            plan: store::BasePlan::Plan(&base),
            changes: None,
        };
        session
            .save(base, &mine, decide, &who, &mut |_| {})
            .unwrap()
    };
    let store::Saved::Conflicts(asked) = save(&undecided) else {
        panic!("asked")
    };
    assert_eq!(asked[0].theirs.as_deref(), Some("Delayed"));
    colleague_saves(&path, "Citra", |p| p.programs[0].status = Status::Done);
    let answered = |c: &Conflict| asked[0].same_question(c).then_some(Choice::Mine);
    let store::Saved::Conflicts(again) = save(&answered) else {
        panic!("a stale answer was written")
    };
    assert_eq!(again[0].theirs.as_deref(), Some("Done"));
    assert_eq!(again[0].by.as_ref().map(|a| a.who.as_str()), Some("Citra"));
    let answered = |c: &Conflict| again[0].same_question(c).then_some(Choice::Mine);
    assert!(matches!(save(&answered), store::Saved::Written { .. }));
    let now = store::load(&path).unwrap().plan;
    assert_eq!(now.programs[0].status, Status::NotStarted);
}

/// The later save's new programme under an id taken meanwhile: the store
/// says who took it, from the audit log.
#[test]
fn a_save_whose_new_id_was_taken_says_by_whom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let mut opened = store::Opened::open(&path).unwrap();
    let dimension = opened.doc.plan.programs[0].dimension.clone();
    let id = add_program(&mut opened.doc.plan, &dimension, "Program Budi");
    colleague_saves(&path, "Andi", |p| {
        add_program(p, &dimension, "Program Andi");
    });
    let who = store::audit::Who::named(Some("Budi"), "2026-12-07T10:15:00+08:00".into());
    let store::Saved::Written { renamed, .. } = opened.save(None, &who, &mut |_| {}).unwrap()
    else {
        panic!("never asked")
    };
    let told = renamed[0].message(pantau::i18n::Lang::En.text());
    assert!(told.contains(&format!("{id} was taken by Andi")), "{told}");
    let now = store::load(&path).unwrap().plan;
    assert_eq!(now.programs.len(), base().programs.len() + 2);
    let log = store::audit::read(&path).unwrap();
    let budi: Vec<_> = log.iter().filter(|e| e.officer == "Budi").collect();
    assert_eq!(budi.len(), 1, "one addition logged for Budi, no rename");
    assert_eq!(budi[0].field, "(program)");
}

/// Each officer gives a different milestone of one programme a weight of
/// 60 %: each is valid, the merge is 120 %, and the refusal names the
/// programme (nothing written).
#[test]
fn merged_milestone_weights_over_100_are_refused_naming_the_programme() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, EXAMPLE).unwrap();
    let mut opened = store::Opened::open(&path).unwrap();
    let at = opened
        .doc
        .plan
        .programs
        .iter()
        .position(|p| p.milestones.len() >= 3 && p.milestones.iter().all(|m| m.weight.is_none()))
        .expect("a programme with unweighted milestones");
    let id = opened.doc.plan.programs[at].id.clone();
    opened.doc.plan.programs[at].milestones[0].weight = Some(60.0);
    colleague_saves(&path, "Andi", |p| {
        p.programs[at].milestones[1].weight = Some(60.0)
    });
    let before = std::fs::read_to_string(&path).unwrap();
    let who = store::audit::Who::named(Some("Budi"), "2026-12-07T10:15:00+08:00".into());
    let error = opened.save(None, &who, &mut |_| {}).unwrap_err();
    let said = error.render(&path, pantau::i18n::Lang::En.text());
    assert!(
        said.contains(&format!("{id}: ")) && said.contains("120"),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

/// Two officers each add the 2027 target of one indicator: the merge keeps
/// both (neither officer's work is dropped) and check warns of the pair.
#[test]
fn two_targets_of_one_year_and_indicator_are_kept_and_check_warns_of_them() {
    let base = base();
    let at = base
        .programs
        .iter()
        .position(|p| !p.targets.is_empty())
        .unwrap();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let mut target = base.programs[at].targets[0].clone();
    target.year = 2027;
    target.target += 1.0;
    mine.programs[at].targets.push(target.clone());
    target.target += 1.0;
    theirs.programs[at].targets.push(target);
    let (merged, conflicts) = merge(&base, &mine, &theirs, &undecided);
    assert_eq!(conflicts, []);
    let n = base.programs[at].targets.len();
    assert_eq!(merged.programs[at].targets.len(), n + 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(
        &path,
        store::Document {
            plan: merged,
            preamble: String::new(),
        }
        .to_ron(),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"))
        .arg("check")
        .arg(&path)
        .env("HOME", dir.path())
        .env_remove("PANTAU_FILE")
        .env_remove("PANTAU_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "a warning does not fail check: {stderr}"
    );
    let id = &base.programs[at].id;
    assert!(
        stderr.contains("warning:")
            && stderr.contains(&format!("{id}: target {}", n + 2))
            && stderr.contains(&format!("same year and indicator as target {}", n + 1)),
        "{stderr}"
    );
}

/// A programme deleted here and changed there: the question says what the
/// other side changed in it (fields and lists), in both languages, rather
/// than only its id; a further change there makes it a new question.
#[test]
fn a_deleted_versus_changed_question_says_which_fields_the_other_side_changed() {
    use pantau::i18n::Lang;
    let base = base();
    let at = base.programs.iter().position(|p| p.id == "GOV-05").unwrap();
    let mut mine = base.clone();
    mine.programs.remove(at);
    let mut theirs = base.clone();
    theirs.programs[at].status = Status::Delayed;
    theirs.programs[at].notes = "rapat 2 Desember".into();
    theirs.programs[at].milestones[0].done = !theirs.programs[at].milestones[0].done;
    let (_, open) = merge(&base, &mine, &theirs, &undecided);
    assert_eq!(open.len(), 1, "{open:?}");
    let c = &open[0];
    assert_eq!(c.show(Choice::Mine, Lang::En), "(deleted)");
    assert_eq!(
        c.show(Choice::Theirs, Lang::En),
        "changed Status, Notes, milestones"
    );
    assert_eq!(
        c.show(Choice::Theirs, Lang::Id),
        "mengubah Status, Catatan, tahapan"
    );
    // The other way round: mine is the changed side.
    let (_, open) = merge(&base, &theirs, &mine, &undecided);
    assert_eq!(
        open[0].show(Choice::Mine, Lang::En),
        "changed Status, Notes, milestones"
    );
    // A later change there is not the question answered before.
    let mut later = theirs.clone();
    later.programs[at].lead = "Dinas PMD".into();
    let (_, again) = merge(&base, &mine, &later, &undecided);
    assert!(!again[0].same_question(c));
    assert!(
        again[0]
            .show(Choice::Theirs, Lang::En)
            .contains("Lead agency")
    );
}

/// `plan` with dimension `from` under the id `to`, its programmes with it
/// (as a hand edit or an import does: no form changes a dimension's id).
fn dimension_renamed(plan: &Plan, from: &str, to: &str) -> Plan {
    let mut plan = plan.clone();
    for d in plan.dimensions.iter_mut().filter(|d| d.id == from) {
        d.id = to.into();
    }
    for p in plan.programs.iter_mut().filter(|p| p.dimension == from) {
        p.dimension = to.into();
    }
    plan
}

/// A dimension renamed on one side is that dimension on the other: the
/// other side's edits to it land on it, and a programme the other side
/// added to it follows it to the new id; the merged plan is valid and has
/// one such dimension, whichever side renamed it.
#[test]
fn a_dimension_renamed_on_one_side_takes_the_other_sides_edits_and_programmes_along() {
    let base = base();
    let renamed = dimension_renamed(&base, "governance", "tata-kelola");
    let mut edited = base.clone();
    edited.dimensions[0].lead = "Diskominfo".into();
    let mut added = Program::new(
        "GOV-90".into(),
        "governance".into(),
        "Bapperida".into(),
        2026,
    );
    added.name = "Program baru".into();
    edited.programs.push(added);
    // Either side renamed it: the same plan.
    for (mine, theirs) in [(&edited, &renamed), (&renamed, &edited)] {
        let merged = merge_following(&base, mine, theirs, &undecided);
        assert!(merged.open.is_empty(), "{:?}", merged.open);
        let plan = merged.plan;
        assert!(
            pantau::plan::validate::validate(&plan).is_empty(),
            "{:?}",
            pantau::plan::validate::validate(&plan)
        );
        assert_eq!(plan.dimensions.len(), base.dimensions.len());
        let d = plan.dimension("tata-kelola").expect("the new id");
        assert_eq!(d.lead, "Diskominfo");
        assert!(plan.dimension("governance").is_none());
        assert_eq!(plan.program("GOV-90").unwrap().dimension, "tata-kelola");
        assert!(plan.programs.iter().all(|p| p.dimension != "governance"));
    }
    let told = merge_following(&base, &edited, &renamed, &undecided).renamed;
    assert!(
        told.iter()
            .any(|r| r.from == "governance" && r.to == "tata-kelola"),
        "{told:?}"
    );
    // Renamed on both sides, differently: theirs stands and mine follow it.
    let mine = dimension_renamed(&base, "governance", "pemerintahan");
    let merged = merge(&base, &mine, &renamed, &undecided).0;
    assert!(pantau::plan::validate::validate(&merged).is_empty());
    assert!(
        merged.dimension("tata-kelola").is_some() && merged.dimension("pemerintahan").is_none()
    );
}
