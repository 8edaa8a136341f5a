//! pantau in a real git repository: `pantau git setup` registers the merge
//! driver (idempotently), and `git merge` of two branches that changed the
//! plan then merges per programme, milestone and field; a real conflict
//! leaves a valid plan that lists the other branch's value and makes git
//! report the conflict.

use crate::common;

use common::{BIN, example};
use pantau::plan::model::{Plan, Status};
use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

fn git_installed() -> bool {
    let installed = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        installed || !common::in_ci(),
        "git is not installed and CI is set: .ci/run must install it"
    );
    installed
}

/// Runs `program args` in `dir` with a private HOME (no one's global git config).
fn run(dir: &Path, home: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "andi")
        .env("GIT_AUTHOR_EMAIL", "andi@example.org")
        .env("GIT_COMMITTER_NAME", "andi")
        .env("GIT_COMMITTER_EMAIL", "andi@example.org")
        .env("PANTAU_OFFICER", "andi")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .expect("runs")
}

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: {}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

struct Repo {
    dir: TempDir,
    home: TempDir,
}

impl Repo {
    /// A repository with the example plan committed on `main`.
    fn new() -> Repo {
        let repo = Repo {
            dir: TempDir::new().unwrap(),
            home: TempDir::new().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        std::fs::write(repo.dir.path().join("plan.ron"), example()).unwrap();
        // pantau's side files stay out of the history.
        std::fs::write(
            repo.dir.path().join(".gitignore"),
            "*.bak\n*.log\n*.journal/\n.*.lock\n",
        )
        .unwrap();
        repo.git(&["add", "."]);
        repo.git(&["commit", "-qm", "plan"]);
        repo
    }

    fn git(&self, args: &[&str]) -> String {
        ok(
            run(self.dir.path(), self.home.path(), "git", args),
            &format!("git {}", args.join(" ")),
        )
    }

    fn pantau(&self, args: &[&str]) -> Output {
        run(self.dir.path(), self.home.path(), BIN, args)
    }

    fn set(&self, id: &str, change: &str) {
        ok(
            self.pantau(&["set", "-f", "plan.ron", id, change]),
            &format!("pantau set {id} {change}"),
        );
    }

    fn commit(&self, message: &str) {
        self.git(&["commit", "-qam", message]);
    }

    fn plan(&self) -> Plan {
        let text = std::fs::read_to_string(self.dir.path().join("plan.ron")).unwrap();
        pantau::store::parse(&text, Path::new("plan.ron"))
            .unwrap_or_else(|e| panic!("{}\n{text}", e.render(&pantau::i18n::EN)))
            .plan
    }
}

#[test]
fn git_setup_registers_the_driver_once_and_check_warns_without_it() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    let out = repo.pantau(&["check", "plan.ron"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pantau git setup"),
        "check says the plan would be merged line by line: {stderr}"
    );

    let said = ok(repo.pantau(&["git", "setup", "plan.ron"]), "git setup");
    assert!(said.contains("added `/plan.ron merge=pantau`"), "{said}");
    assert!(said.contains("now runs"), "{said}");
    let attributes = std::fs::read_to_string(repo.dir.path().join(".gitattributes")).unwrap();
    assert_eq!(attributes, "/plan.ron merge=pantau\n");
    let driver = repo.git(&["config", "--get", "merge.pantau.driver"]);
    let driver = driver.trim_end();
    assert!(driver.ends_with(" merge-driver %O %A %B %P"), "{driver}");

    let again = ok(
        repo.pantau(&["git", "setup", "plan.ron"]),
        "git setup again",
    );
    assert!(
        again.contains("already has") && again.contains("already runs"),
        "{again}"
    );
    assert_eq!(
        std::fs::read_to_string(repo.dir.path().join(".gitattributes")).unwrap(),
        attributes,
        "nothing added twice"
    );
    let out = repo.pantau(&["check", "plan.ron"]);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("pantau git setup"),
        "no warning once set up"
    );

    // Outside a repository: a clear error, nothing written.
    let outside = TempDir::new().unwrap();
    std::fs::write(outside.path().join("plan.ron"), example()).unwrap();
    let out = run(
        outside.path(),
        repo.home.path(),
        BIN,
        &["git", "setup", "plan.ron"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not inside a git repository"));
    assert!(!outside.path().join(".gitattributes").exists());
}

/// The numbers (from 1) of GOV-01's first two open milestones.
fn two_open_milestones(plan: &Plan) -> (usize, usize) {
    let open: Vec<usize> = plan
        .program("GOV-01")
        .unwrap()
        .milestones
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.done)
        .map(|(i, _)| i + 1)
        .collect();
    (open[0], open[1])
}

#[test]
fn git_merge_of_two_branches_keeps_both_officers_work_and_a_real_conflict_stays_valid() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    ok(repo.pantau(&["git", "setup", "plan.ron"]), "git setup");
    repo.git(&["add", ".gitattributes"]);
    repo.commit("merge plans with pantau");
    let base = repo.plan();
    let (a, b) = two_open_milestones(&base);

    // Two offices tick different milestones of one programme, and one
    // changes another programme's lead.
    repo.git(&["checkout", "-qb", "dlh"]);
    repo.set("GOV-01", &format!("milestone.{a}.done=true"));
    repo.set("GOV-02", "lead=Dinas PMD");
    repo.commit("dlh");
    repo.git(&["checkout", "-q", "main"]);
    repo.set("GOV-01", &format!("milestone.{b}.done=true"));
    repo.commit("kominfo");
    let out = run(
        repo.dir.path(),
        repo.home.path(),
        "git",
        &["merge", "-q", "--no-edit", "dlh"],
    );
    ok(out, "a clean merge");
    let merged = repo.plan();
    let gov01 = merged.program("GOV-01").unwrap();
    assert!(gov01.milestones[a - 1].done && gov01.milestones[b - 1].done);
    assert_eq!(merged.program("GOV-02").unwrap().lead, "Dinas PMD");
    ok(
        repo.pantau(&["check", "plan.ron"]),
        "the merged plan checks",
    );

    // The same field two ways: git reports a conflict, the file stays a
    // valid plan with ours in it and theirs listed at the top.
    repo.git(&["checkout", "-qb", "bpbd"]);
    repo.set("GOV-03", "status=Delayed");
    repo.commit("bpbd");
    repo.git(&["checkout", "-q", "main"]);
    repo.set("GOV-03", "status=OnHold");
    repo.commit("main");
    let out = run(
        repo.dir.path(),
        repo.home.path(),
        "git",
        &["merge", "--no-edit", "bpbd"],
    );
    assert!(!out.status.success(), "git reports the conflict");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("ours `On hold`, theirs `Delayed`"),
        "the driver names the field: {said}"
    );
    let text = std::fs::read_to_string(repo.dir.path().join("plan.ron")).unwrap();
    assert!(!text.contains("<<<<<<<"), "no conflict markers");
    assert!(text.contains("// pantau-conflict "), "{}", &text[..400]);
    let plan = repo.plan();
    assert_eq!(plan.program("GOV-03").unwrap().status, Status::OnHold);
    let out = repo.pantau(&["check", "plan.ron"]);
    assert_eq!(out.status.code(), Some(2), "check says a conflict is open");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 merge conflict(s) are still open"));

    // pantau asks the question with the same prompt as a save; `t` takes
    // the other branch's value, Ctrl-S saves, and git can commit the merge.
    if !common::tmux_or_skip() {
        return;
    }
    let plan_path = repo.dir.path().join("plan.ron");
    let tmux = common::Tmux::start(
        (80, 24),
        &common::pantau_argv(repo.home.path(), &plan_path, &[]),
    );
    tmux.wait_for("the merge question", |s| {
        s.contains("1 of 1: Status of GOV-03") && s.contains("m: keep mine")
    });
    tmux.key("t");
    tmux.wait_for("the answer in the plan", |s| {
        s.contains("Merge conflicts answered")
    });
    tmux.key("C-s");
    tmux.wait_for("saved", |s| s.contains("Saved at "));
    tmux.key("q");
    tmux.wait_for("pantau to end", |_| tmux.dead());
    let text = std::fs::read_to_string(&plan_path).unwrap();
    assert!(
        !text.contains("pantau-conflict"),
        "the question is gone from the file"
    );
    assert_eq!(
        repo.plan().program("GOV-03").unwrap().status,
        Status::Delayed
    );
    ok(
        repo.pantau(&["check", "plan.ron"]),
        "the answered plan checks",
    );
    repo.git(&["commit", "-qam", "merge bpbd"]);
}

/// Two offices, each with a clone of one bare repository (as a forge or a
/// server would hold it): `pantau sync` commits each office's saves with a
/// message from the plan's diff, merges the other's with the driver and sends
/// its own; with the remote gone, nothing is lost; a bundle carries the
/// plan where there is no link.
/// A bare repository (as a forge or a server holds it) with the plan and
/// its driver, and two offices' clones of it, each set up.
struct Offices {
    server: TempDir,
    bare: std::path::PathBuf,
    dlh: Repo,
    kominfo: Repo,
}

fn offices() -> Offices {
    let origin = Repo::new();
    ok(origin.pantau(&["git", "setup", "plan.ron"]), "git setup");
    origin.git(&["add", ".gitattributes"]);
    origin.commit("merge plans with pantau");
    let server = TempDir::new().unwrap();
    let bare = server.path().join("plan.git");
    let bare_arg = bare.to_string_lossy().into_owned();
    origin.git(&["clone", "-q", "--bare", ".", &bare_arg]);
    let office = |name: &str| -> Repo {
        let repo = Repo {
            dir: TempDir::new().unwrap(),
            home: TempDir::new().unwrap(),
        };
        repo.git(&["clone", "-q", &bare_arg, "."]);
        ok(repo.pantau(&["git", "setup", "plan.ron"]), name);
        std::fs::write(
            repo.dir.path().join(".git/info/exclude"),
            "*.bak\n*.log\n*.journal/\n.*.lock\n",
        )
        .unwrap();
        repo
    };
    Offices {
        dlh: office("dlh"),
        kominfo: office("kominfo"),
        server,
        bare,
    }
}

#[test]
fn two_offices_sync_through_a_bare_repository_and_a_bundle() {
    if !git_installed() {
        return;
    }
    let Offices {
        server,
        bare,
        dlh,
        kominfo,
    } = offices();
    let (a, b) = two_open_milestones(&dlh.plan());

    dlh.set("GOV-01", &format!("milestone.{a}.done=true"));
    let said = ok(dlh.pantau(&["sync", "plan.ron"]), "dlh's sync");
    // The login that syncs, the officer's own name only beside it.
    let login = pantau::store::audit::user_name(pantau::store::safe::real_uid()).unwrap();
    assert!(
        said.contains(&format!(
            "committed this office's saved changes: pantau: 1 change(s) by {login} [andi] to GOV-01"
        )) && said.contains("1 commit(s) sent to origin"),
        "{said}"
    );
    kominfo.set("GOV-01", &format!("milestone.{b}.done=true"));
    let said = ok(kominfo.pantau(&["sync", "plan.ron"]), "kominfo's sync");
    assert!(
        said.contains("1 commit(s) came in from origin and were merged")
            && said.contains("sent to origin"),
        "{said}"
    );
    let said = ok(dlh.pantau(&["sync", "plan.ron"]), "dlh's second sync");
    assert!(
        said.contains("nothing new to commit") && said.contains("came in"),
        "{said}"
    );
    for repo in [&dlh, &kominfo] {
        let gov01 = repo.plan().program("GOV-01").unwrap().clone();
        assert!(gov01.milestones[a - 1].done && gov01.milestones[b - 1].done);
    }
    let log = dlh.git(&["log", "--format=%B", "-n", "3"]);
    // Fields by their registry path, as the audit log names them.
    for n in [a, b] {
        assert!(
            log.contains(&format!("GOV-01 milestone.{n}.done")),
            "the message lists the field:\n{log}"
        );
    }

    // The remote is gone: the save is committed here, and sync says so.
    std::fs::rename(&bare, server.path().join("away")).unwrap();
    dlh.set("GOV-02", "lead=Dinas PMD");
    let out = dlh.pantau(&["sync", "plan.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("could not be reached") && said.contains("nothing is lost"),
        "{said}"
    );
    assert!(
        dlh.git(&["status", "--porcelain", "plan.ron"]).is_empty(),
        "committed"
    );
    std::fs::rename(server.path().join("away"), &bare).unwrap();
    ok(
        dlh.pantau(&["sync", "plan.ron"]),
        "sync once the link is back",
    );

    // No link at all: a bundle on a flash disk.
    let disk = TempDir::new().unwrap();
    let stick = disk.path().join("plan.bundle");
    let stick_arg = stick.to_string_lossy().into_owned();
    dlh.set("GOV-03", "notes=dari DLH");
    ok(
        dlh.pantau(&["sync", "plan.ron", "--bundle", &stick_arg]),
        "dlh writes the bundle",
    );
    assert!(stick.exists());
    let said = ok(
        kominfo.pantau(&["sync", "plan.ron", "--bundle", &stick_arg]),
        "kominfo reads it",
    );
    assert!(said.contains("came in"), "{said}");
    assert_eq!(kominfo.plan().program("GOV-03").unwrap().notes, "dari DLH");
    assert_eq!(kominfo.plan().program("GOV-02").unwrap().lead, "Dinas PMD");
}

/// Ctrl-G in the interface: refused with unsaved edits (sync sends what is
/// saved); otherwise it syncs, reloads what came in and says what it did.
#[test]
fn ctrl_g_syncs_from_the_interface_and_shows_what_came_in() {
    if !git_installed() || !common::tmux_or_skip() {
        return;
    }
    let Offices {
        dlh,
        kominfo,
        server: _server,
        ..
    } = offices();
    dlh.set("GOV-03", "status=Delayed");
    ok(dlh.pantau(&["sync", "plan.ron"]), "dlh's sync");

    let plan = kominfo.dir.path().join("plan.ron");
    let argv = common::pantau_argv(kominfo.home.path(), &plan, &[]);
    // The pane's pantau runs git in the clone, with the test's identity.
    let mut env: Vec<std::ffi::OsString> = vec!["env".into()];
    env.push("GIT_AUTHOR_NAME=kominfo".into());
    env.push("GIT_AUTHOR_EMAIL=kominfo@example.org".into());
    env.push("GIT_COMMITTER_NAME=kominfo".into());
    env.push("GIT_COMMITTER_EMAIL=kominfo@example.org".into());
    env.push("GIT_CONFIG_NOSYSTEM=1".into());
    env.extend(argv);
    let tmux = common::Tmux::start((80, 24), &env);
    tmux.wait_for("the dashboard", |s| s.contains("Dashboard"));
    tmux.key("2");
    tmux.key("Enter");
    tmux.wait_for("the programmes", |s| s.contains("> GOV-01 "));
    tmux.keys_at_once(&["s", "j", "Enter"]);
    tmux.wait_for("an unsaved edit", |s| s.contains("status is now"));
    tmux.key("C-g");
    tmux.wait_for("the refusal", |s| s.contains("Save first (Ctrl-S)"));
    tmux.key("u");
    tmux.wait_for("undone", |s| s.contains("Undone"));
    tmux.key("C-g");
    let screen = tmux.wait_for("the sync's outcome", |s| {
        s.contains("Synced with origin: 1 commit(s) in, 0 out")
    });
    assert!(
        screen
            .lines()
            .any(|l| l.contains(" GOV-03 ") && l.contains("Delayed")),
        "what came in is on screen:\n{screen}"
    );
    tmux.key("q");
    tmux.wait_for("pantau to end", |_| tmux.dead());
    assert_eq!(
        kominfo.plan().program("GOV-03").unwrap().status,
        Status::Delayed
    );
}

/// A version git hands the driver that is not a plan (a hand edit gone
/// wrong on a branch): the driver names the file, line and column, exits 2
/// and leaves ours as it was, so git reports a conflict and nothing is lost.
#[test]
fn the_merge_driver_refuses_a_broken_version_and_leaves_ours_whole() {
    let dir = TempDir::new().unwrap();
    let (base, ours, theirs) = (
        dir.path().join("base.ron"),
        dir.path().join("ours.ron"),
        dir.path().join("theirs.ron"),
    );
    std::fs::write(&base, example()).unwrap();
    std::fs::write(&ours, example()).unwrap();
    std::fs::write(
        &theirs,
        example().replacen("status: InProgress", "status: Maybe", 1),
    )
    .unwrap();
    let out = Command::new(BIN)
        .arg("merge-driver")
        .args([&base, &ours, &theirs])
        .arg("plan.ron")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:", theirs.display())) && stderr.contains("Maybe"),
        "names the file and the bad value: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&ours).unwrap(),
        example(),
        "ours untouched"
    );
}

/// git's refusals told apart from a remote out of reach, each with the fix
/// that works: a clone whose `master` tracks the remote's `main` sends to
/// `main`; a push the remote refuses says so (not "could not be reached");
/// a detached HEAD commits nothing and says how to get back on a branch; a
/// clone owned by another login gets git's `safe.directory`, not `git init`.
#[test]
fn sync_tells_gits_refusals_apart_and_gives_the_fix_that_works() {
    if !git_installed() {
        return;
    }
    let Offices {
        server: _server,
        bare,
        dlh,
        kominfo: _kominfo,
    } = offices();
    let bare_git = |args: &[&str]| {
        let mut all = vec!["--git-dir", bare.to_str().unwrap()];
        all.extend_from_slice(args);
        dlh.git(&all)
    };

    // Local `master` tracking `origin/main`: git's own `push` refuses it
    // (push.default=simple); sync sends to the branch the upstream names.
    dlh.git(&["branch", "-m", "main", "master"]);
    dlh.set("GOV-01", "notes=dari master");
    let said = ok(dlh.pantau(&["sync", "plan.ron"]), "sync from master");
    assert!(said.contains("1 commit(s) sent to origin"), "{said}");
    assert_eq!(
        bare_git(&["rev-parse", "main"]),
        dlh.git(&["rev-parse", "HEAD"]),
        "the remote's main has it"
    );

    // The remote is reached and refuses: said as a refusal, with what git said.
    let hook = bare.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'protected branch: ask the admin' >&2\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    dlh.set("GOV-02", "notes=ditolak");
    let out = dlh.pantau(&["sync", "plan.ron"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("origin was reached but refused")
            && said.contains("protected branch: ask the admin")
            && said.contains("nothing is lost")
            && !said.contains("could not be reached"),
        "{said}"
    );
    std::fs::remove_file(&hook).unwrap();
    ok(
        dlh.pantau(&["sync", "plan.ron"]),
        "sync once the remote takes it",
    );

    // A detached HEAD: nothing is committed, and the way back is said.
    dlh.git(&["checkout", "-q", "--detach"]);
    dlh.set("GOV-03", "notes=tanpa cabang");
    let out = dlh.pantau(&["sync", "plan.ron"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("detached HEAD") && stderr.contains("switch"),
        "{stderr}"
    );
    assert!(
        !dlh.git(&["status", "--porcelain", "plan.ron"]).is_empty(),
        "nothing committed on no branch"
    );
    dlh.git(&["switch", "-q", "master"]);
    ok(dlh.pantau(&["sync", "plan.ron"]), "sync back on the branch");
    assert_eq!(
        bare_git(&["rev-parse", "main"]),
        dlh.git(&["rev-parse", "HEAD"])
    );

    // A clone owned by another login (needs root to hand it over).
    if pantau::store::safe::effective_uid() != 0 {
        return;
    }
    let chowned = Command::new("chown")
        .args(["-R", "65534"])
        .arg(dlh.dir.path())
        .status()
        .unwrap();
    assert!(chowned.success());
    dlh.set("GOV-04", "notes=klon orang lain");
    let out = dlh.pantau(&["sync", "plan.ron"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr.contains("belongs to another login") && !stderr.contains("git init"),
        "{stderr}"
    );
    let fix = stderr
        .split(": git config")
        .nth(1)
        .map(|rest| format!("git config{}", rest.lines().next().unwrap_or_default()))
        .unwrap_or_else(|| panic!("a fix: {stderr}"));
    let args: Vec<&str> = fix.split_whitespace().skip(1).collect();
    ok(
        run(dlh.dir.path(), dlh.home.path(), "git", &args),
        "the fix pantau gave",
    );
    let said = ok(dlh.pantau(&["sync", "plan.ron"]), "sync once trusted");
    assert!(said.contains("sent to origin"), "{said}");
}

/// `// pantau-conflict` lines are claims anyone who can write the file can
/// make: only a line git's merge driver recorded for the merge under way
/// (its objects are this file at HEAD and MERGE_HEAD, and merging them asks
/// the same question) checks out; a forged or unreadable line is counted
/// by `check` as sync counts it, and said apart; "mine" is what the file holds.
#[test]
fn only_a_question_gits_merge_recorded_checks_out_and_every_line_counts() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    ok(repo.pantau(&["git", "setup", "plan.ron"]), "git setup");
    repo.git(&["add", ".gitattributes"]);
    repo.commit("merge plans with pantau");
    repo.git(&["checkout", "-qb", "bpbd"]);
    repo.set("GOV-03", "status=Delayed");
    repo.commit("bpbd");
    repo.git(&["checkout", "-q", "main"]);
    repo.set("GOV-03", "status=OnHold");
    repo.commit("main");
    let merge = run(
        repo.dir.path(),
        repo.home.path(),
        "git",
        &["merge", "--no-edit", "bpbd"],
    );
    assert!(!merge.status.success(), "git reports the conflict");
    let path = repo.dir.path().join("plan.ron");
    let check = || {
        let out = repo.pantau(&["check", "plan.ron"]);
        assert_eq!(out.status.code(), Some(2), "never valid with a line open");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let said = check();
    assert!(
        said.contains("1 merge conflict(s) are still open") && !said.contains("do not check out"),
        "the driver's own line checks out: {said}"
    );

    // A colleague copies it with another value of theirs and of mine, and
    // adds a line that does not read.
    let text = std::fs::read_to_string(&path).unwrap();
    let real = text
        .lines()
        .find(|l| l.starts_with("// pantau-conflict "))
        .unwrap()
        .to_string();
    assert!(
        real.contains("\"blobs\""),
        "the objects are recorded: {real}"
    );
    let forged = real
        .replace("\"theirs\":\"Delayed\"", "\"theirs\":\"Done\"")
        .replace("\"ours\":\"OnHold\"", "\"ours\":\"Done\"");
    assert_ne!(forged, real);
    let planted = text.replacen(
        &real,
        &format!("{real}\n{forged}\n// pantau-conflict {{not json"),
        1,
    );
    std::fs::write(&path, planted).unwrap();
    let said = check();
    assert!(
        said.contains("3 merge conflict(s) are still open")
            && said.contains("2 of these lines do not check out"),
        "{said}"
    );
    // Whatever a line says, "mine" is what the file holds.
    let doc = pantau::store::load(&path).unwrap();
    let asked = pantau::plan::conflicts::questions(&doc.plan, &doc.preamble);
    assert_eq!(asked.len(), 2, "the unreadable line asks nothing");
    assert!(
        asked.iter().all(|c| c.mine.as_deref() == Some("OnHold")),
        "{asked:?}"
    );
    // The interface, told by git which lines check out (as the edge tells
    // it at open), asks only the driver's own and counts the other two.
    let trusted = pantau::store::git::check_conflicts(&path, &doc.preamble);
    assert_eq!(trusted, [true, false, false]);
    let app = pantau::tui::app::App::open(
        doc.clone(),
        pantau::tui::app::Session {
            conflict_lines: Some(trusted),
            ..pantau::tui::app::Session::new(
                "plan.ron".into(),
                pantau::tui::app::Today::Given(jiff::civil::date(2026, 12, 2)),
                pantau::i18n::Lang::En,
            )
        },
    );
    match app.modal() {
        Some(pantau::tui::app::Modal::Conflict { conflicts, .. }) => {
            assert_eq!(conflicts.len(), 1, "{conflicts:?}");
            assert_eq!(conflicts[0].theirs.as_deref(), Some("Delayed"));
        }
        _ => panic!("the driver's question is asked"),
    }
    assert!(
        app.message().is_some_and(
            |m| m.starts_with("2 merge question line(s)") && m.contains("pantau check")
        ),
        "{:?}",
        app.message()
    );
    // Answering drops every line, the unreadable one too.
    let (rest, _) = pantau::plan::conflicts::read(&doc.preamble);
    assert!(!rest.contains("pantau-conflict"), "{rest}");

    // Once the merge is committed, no line is git's question any more.
    repo.git(&["commit", "-qam", "merge bpbd by hand"]);
    let said = check();
    assert!(said.contains("3 of these lines do not check out"), "{said}");
}

/// What a colleague writes into a log never reaches the commit message:
/// it is built from the plan's own diff, names the login that syncs (the
/// officer's name beside it) and carries no control character.
#[test]
fn the_commit_message_comes_from_the_plans_diff_not_from_a_forged_log() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    ok(repo.pantau(&["git", "setup", "plan.ron"]), "git setup");
    repo.git(&["add", ".gitattributes"]);
    repo.commit("driver");
    // A forged line in the old log: another author, another programme,
    // escape sequences for every terminal that shows the history.
    let forged = concat!(
        r#"{"v":1,"when":"2099-01-01T00:00:00+08:00","user":"budi\u001b]0;x\u0007","#,
        r#""from":"local","subject":"GOV-99\u001b[2J","field":"status","#,
        r#""old":"InProgress","new":"Done"}"#,
        "\n"
    );
    std::fs::write(repo.dir.path().join("plan.ron.log"), forged).unwrap();
    repo.set("GOV-02", "lead=Dinas PMD");
    let disk = TempDir::new().unwrap();
    let bundle = disk.path().join("plan.bundle");
    let bundle = bundle.to_string_lossy();
    ok(
        repo.pantau(&["sync", "plan.ron", "--bundle", &bundle]),
        "sync",
    );
    let message = repo.git(&["log", "-1", "--format=%B"]);
    let login = pantau::store::audit::user_name(pantau::store::safe::real_uid()).unwrap();
    assert!(
        message.starts_with(&format!("pantau: 1 change(s) by {login} [andi] to GOV-02")),
        "{message}"
    );
    assert!(message.contains("GOV-02 lead"), "{message}");
    assert!(
        !message.contains("GOV-99") && !message.contains("budi"),
        "{message}"
    );
    assert!(
        !message.chars().any(|c| c.is_control() && c != '\n'),
        "{message:?}"
    );
}

/// A change that came through git, which no journal here holds, is named by
/// the author of the commit that made it: a programme deleted, another's
/// status changed, and the other side of a merge's question; a change not
/// committed yet is not pinned on whoever committed last.
#[test]
fn a_change_that_came_through_git_is_named_by_its_commits_author() {
    if !git_installed() {
        return;
    }
    let repo = Repo::new();
    let plan = repo.dir.path().join("plan.ron");
    let commit_as = |who: &str, message: &str| {
        let out = Command::new("git")
            .args(["commit", "-qam", message])
            .current_dir(repo.dir.path())
            .env("HOME", repo.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", who)
            .env("GIT_AUTHOR_EMAIL", "x@example.org")
            .env("GIT_COMMITTER_NAME", who)
            .env("GIT_COMMITTER_EMAIL", "x@example.org")
            .output()
            .expect("runs");
        ok(out, "commit");
    };
    let by = |id: &str, gone: bool| pantau::store::authors::by_git(&plan, id, gone).map(|a| a.who);
    let deleting = |id: &str| {
        let text = std::fs::read_to_string(&plan).unwrap();
        let mut doc = pantau::store::parse(&text, &plan).unwrap();
        doc.plan.programs.retain(|p| p.id != id);
        std::fs::write(&plan, doc.to_ron()).unwrap();
    };
    repo.set("GOV-02", "status=Delayed");
    commit_as("citra", "GOV-02 delayed");
    deleting("GOV-06");
    commit_as("dewi", "GOV-06 gone");
    assert_eq!(by("GOV-06", true).as_deref(), Some("dewi"));
    assert_eq!(by("GOV-02", false).as_deref(), Some("citra"));
    assert_eq!(by("GOV-01", false).as_deref(), Some("andi"), "who added it");
    assert_eq!(
        by("GOV-05", true),
        None,
        "GOV-05 is there: no one deleted it"
    );

    // Deleted in the working file only: git did not do it.
    deleting("GOV-05");
    assert_eq!(by("GOV-05", true), None);
    assert_eq!(
        by("GOV-02", false),
        None,
        "the file is not HEAD's: a save since"
    );
    repo.git(&["checkout", "-q", "plan.ron"]);

    // A merge under way: its questions' other side is by the branch's author.
    ok(repo.pantau(&["git", "setup", "plan.ron"]), "git setup");
    repo.git(&["add", ".gitattributes"]);
    repo.commit("merge plans with pantau");
    repo.git(&["checkout", "-qb", "bpbd"]);
    repo.set("GOV-03", "status=Delayed");
    commit_as("eko", "bpbd");
    repo.git(&["checkout", "-q", "main"]);
    repo.set("GOV-03", "status=OnHold");
    repo.commit("main");
    let out = run(
        repo.dir.path(),
        repo.home.path(),
        "git",
        &["merge", "--no-edit", "bpbd"],
    );
    assert!(!out.status.success(), "git reports the conflict");
    let merging = pantau::store::authors::merge_author(&plan).map(|a| a.who);
    assert_eq!(merging.as_deref(), Some("eko"));
    assert_eq!(by("GOV-03", false).as_deref(), Some("eko"));
    // The interface, told by the edge who the merged side is by, names eko.
    let text = std::fs::read_to_string(&plan).unwrap();
    let doc = pantau::store::parse(&text, &plan).unwrap();
    let app = pantau::tui::app::App::open(
        doc.clone(),
        pantau::tui::app::Session {
            conflict_lines: Some(pantau::store::git::check_conflicts(&plan, &doc.preamble)),
            merge_by: pantau::store::authors::merge_author(&plan),
            ..pantau::tui::app::Session::new(
                "plan.ron".into(),
                pantau::tui::app::Today::Given(jiff::civil::date(2026, 12, 2)),
                pantau::i18n::Lang::En,
            )
        },
    );
    match app.modal() {
        Some(pantau::tui::app::Modal::Conflict { conflicts, .. }) => {
            let said = conflicts[0].author(&pantau::i18n::EN);
            assert!(said.starts_with("by eko, "), "{said}");
        }
        _ => panic!("the driver's question is asked"),
    }
}
