//! The shared office server, tried as a hostile colleague would: two local
//! logins in one group, a setgid group folder, the plan at 0660, and what
//! one officer can plant beside the plan to make the other's pantau write
//! where they choose, lock them out, or act in their name.
//!
//! Needs root to create the logins and group (CI runs as root); elsewhere
//! each test prints why it is skipped (under `CI` it fails instead). The
//! logins `pantau-test-PID-a`, `pantau-test-PID-b` and the group
//! `pantau-test-PID` are made for the run and removed when its last test is
//! done, whether it passed or not (see `OFFICES`).

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// The logins and group of this run: named after the process, so that two
/// runs on one machine (two worktrees, a developer and CI) never share or
/// remove each other's.
fn group() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| format!("{PREFIX}{}", std::process::id()))
}

fn andi() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| format!("{}-a", group()))
}

fn budi() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| format!("{}-b", group()))
}

/// A login of the same server outside the office's group.
fn outsider() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| format!("{}-x", group()))
}

/// What every test login and group starts with (`getent passwd | grep
/// pantau-test` shows any left behind).
const PREFIX: &str = "pantau-test-";

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// An office with its two officers, or `None`, with a note, where the logins
/// cannot be made (not root, outside CI; under CI that fails instead).
fn office_or_skip() -> Option<Office> {
    let why = match Logins::acquire() {
        Ok(logins) => return Some(Office::new(logins)),
        Err(why) => why,
    };
    if ci() {
        panic!("{why}, and CI is set: the shared-folder tests must run");
    }
    eprintln!("skipped: {why}");
    None
}

/// The offices in use, which share the run's logins: the first one made
/// creates them, and the last one dropped removes them (`userdel`,
/// `groupdel`). Dropping happens on a failed assertion or a panic too, as
/// the test unwinds.
static OFFICES: Mutex<usize> = Mutex::new(0);

/// One office's hold on the run's logins; see `OFFICES`.
struct Logins(());

impl Logins {
    fn acquire() -> Result<Logins, String> {
        if pantau::store::safe::effective_uid() != 0 {
            return Err("not root: cannot create the test logins".into());
        }
        let mut offices = OFFICES.lock().unwrap_or_else(PoisonError::into_inner);
        if *offices == 0 {
            remove_orphans();
            create_logins()?;
        }
        *offices += 1;
        Ok(Logins(()))
    }
}

impl Drop for Logins {
    fn drop(&mut self) {
        let mut offices = OFFICES.lock().unwrap_or_else(PoisonError::into_inner);
        *offices -= 1;
        if *offices == 0 {
            remove_logins(group());
        }
    }
}

fn run(args: &[&str]) -> Result<Output, String> {
    Command::new(args[0])
        .args(&args[1..])
        .output()
        .map_err(|e| format!("{}: {e}", args[0]))
}

fn create_logins() -> Result<(), String> {
    let made = run(&["groupadd", group()])?;
    if !made.status.success() {
        return Err(format!(
            "groupadd {}: {}",
            group(),
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    for user in [andi(), budi()] {
        let made = run(&["useradd", "-M", "-N", "-g", group(), "-s", "/bin/sh", user])?;
        if !made.status.success() {
            remove_logins(group());
            return Err(format!(
                "useradd {user}: {}",
                String::from_utf8_lossy(&made.stderr)
            ));
        }
    }
    let made = run(&[
        "useradd",
        "-M",
        "-N",
        "-g",
        "nogroup",
        "-s",
        "/bin/sh",
        outsider(),
    ])?;
    if !made.status.success() {
        remove_logins(group());
        return Err(format!(
            "useradd {}: {}",
            outsider(),
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    Ok(())
}

/// Removes the three logins and the group named after `group`, whichever exist.
fn remove_logins(group: &str) {
    for user in [
        format!("{group}-a"),
        format!("{group}-b"),
        format!("{group}-x"),
    ] {
        let _ = run(&["userdel", &user]);
    }
    let _ = run(&["groupdel", group]);
}

/// Removes the logins of runs that were killed before they could (their
/// process is gone), so a killed run leaves them only until the next one.
fn remove_orphans() {
    let Ok(out) = run(&["getent", "group"]) else {
        return;
    };
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let name = line.split(':').next().unwrap_or("");
        let Some(pid) = name.strip_prefix(PREFIX) else {
            continue;
        };
        let gone = pid.parse::<u32>().is_ok_and(|pid| {
            pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
        });
        if gone {
            remove_logins(name);
        }
    }
}

fn uid(user: &str) -> u32 {
    pantau::store::audit::user_id(user).expect("the test login exists")
}

fn gid() -> u32 {
    let out = Command::new("getent")
        .args(["group", group()])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split(':')
        .nth(2)
        .and_then(|g| g.trim().parse().ok())
        .expect("the test group exists")
}

/// An office: a group folder `root:pantau-test 2770` with the plan at 0660
/// (as docs/SHARING.md sets it up),
/// each officer's home, and a copy of the binary every login may run.
struct Office {
    root: tempfile::TempDir,
    bin: PathBuf,
    // Last: the files go before the logins that own them.
    _logins: Logins,
}

impl Office {
    fn new(logins: Logins) -> Office {
        let root = tempfile::Builder::new()
            .prefix("pantau-office")
            .tempdir()
            .unwrap();
        fs::set_permissions(root.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let bin = root.path().join("pantau");
        fs::copy(env!("CARGO_BIN_EXE_pantau"), &bin).unwrap();
        fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
        let folder = root.path().join("shared");
        fs::create_dir(&folder).unwrap();
        std::os::unix::fs::chown(&folder, Some(0), Some(gid())).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o2770)).unwrap();
        let plan = folder.join("plan.ron");
        fs::write(&plan, pantau::store::EXAMPLE).unwrap();
        std::os::unix::fs::chown(&plan, Some(uid(andi())), Some(gid())).unwrap();
        fs::set_permissions(&plan, fs::Permissions::from_mode(0o660)).unwrap();
        for user in [andi(), budi()] {
            let home = root.path().join(user);
            fs::create_dir(&home).unwrap();
            std::os::unix::fs::chown(&home, Some(uid(user)), Some(gid())).unwrap();
            fs::set_permissions(&home, fs::Permissions::from_mode(0o700)).unwrap();
        }
        Office {
            root,
            bin,
            _logins: logins,
        }
    }

    fn folder(&self) -> PathBuf {
        self.root.path().join("shared")
    }

    fn plan(&self) -> PathBuf {
        self.folder().join("plan.ron")
    }

    fn home(&self, user: &str) -> PathBuf {
        self.root.path().join(user)
    }

    /// Runs pantau as `user` (a real login, through runuser), with `umask`
    /// and extra environment.
    fn pantau(&self, user: &str, umask: &str, env: &[(&str, &str)], args: &[&str]) -> Output {
        let mut script = format!("umask {umask}; exec env");
        for (k, v) in env {
            script.push_str(&format!(" {k}='{v}'"));
        }
        script.push_str(" \"$0\" \"$@\"");
        let mut command = Command::new("/usr/sbin/runuser");
        command
            .args(["-u", user, "--", "/bin/sh", "-c", &script])
            .arg(&self.bin)
            .args(args)
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("HOME", self.home(user))
            .env("LANG", "C.UTF-8");
        command.output().expect("runuser runs")
    }

    /// Runs a shell `script` as `user` (a real login) with `umask`.
    fn sh(&self, user: &str, umask: &str, script: &str) -> Output {
        self.sh_command(user, umask, script)
            .output()
            .expect("runuser runs")
    }

    fn sh_command(&self, user: &str, umask: &str, script: &str) -> Command {
        let mut command = Command::new("/usr/sbin/runuser");
        command
            .args(["-u", user, "--", "/bin/sh", "-c"])
            .arg(format!("umask {umask}; {script}"))
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("HOME", self.home(user))
            .env("LANG", "C.UTF-8");
        command
    }

    /// `pantau doctor` as `user`: what it printed.
    fn doctor(&self, user: &str) -> String {
        let plan = self.plan();
        text(
            &self
                .pantau(user, "002", &[], &["doctor", plan.to_str().unwrap()])
                .stdout,
        )
    }

    fn set(&self, user: &str, umask: &str, change: &str) -> Output {
        let plan = self.plan();
        self.pantau(
            user,
            umask,
            &[],
            &["set", "-f", plan.to_str().unwrap(), "GOV-01", change],
        )
    }
}

/// The fixes doctor gives for the findings whose line contains `about`.
fn fixes_for(doctor: &str, about: &str) -> Vec<String> {
    let mut fixes = Vec::new();
    let mut lines = doctor.lines();
    while let Some(line) = lines.next() {
        if line.contains(about) {
            let fix = lines.next().unwrap_or_default();
            fixes.push(
                fix.trim()
                    .strip_prefix("fix: ")
                    .unwrap_or_else(|| panic!("a fix follows {line:?}: {doctor}"))
                    .to_string(),
            );
        }
    }
    assert!(
        !fixes.is_empty(),
        "doctor says nothing about {about:?}: {doctor}"
    );
    fixes
}

/// The one fix doctor gives for the finding whose line contains `about`.
fn fix_for(doctor: &str, about: &str) -> String {
    let fixes = fixes_for(doctor, about);
    assert_eq!(fixes.len(), 1, "{doctor}");
    fixes[0].clone()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn status_of(plan: &Path) -> String {
    let doc = pantau::store::load(plan).expect("the plan loads");
    doc.plan.program("GOV-01").unwrap().status.key().to_string()
}

#[test]
fn a_link_planted_at_the_log_or_backup_never_sends_a_save_elsewhere() {
    let Some(office) = office_or_skip() else {
        return;
    };
    // Andi plants links at the side files, pointing into Budi's home.
    let victim = office.home(budi()).join(".bashrc");
    fs::write(&victim, "# budi's shell\n").unwrap();
    std::os::unix::fs::chown(&victim, Some(uid(budi())), Some(gid())).unwrap();
    for side in ["plan.ron.log", "plan.ron.bak", ".plan.ron.lock"] {
        std::os::unix::fs::symlink(&victim, office.folder().join(side)).unwrap();
    }
    // And the journals' folder, pointing at Budi's home.
    std::os::unix::fs::symlink(
        office.home(budi()),
        office.folder().join("plan.ron.journal"),
    )
    .unwrap();
    let out = office.set(budi(), "002", "status=Done");
    assert!(
        out.status.success(),
        "the save itself goes ahead: {}",
        text(&out.stderr)
    );
    assert_eq!(status_of(&office.plan()), "Done");
    assert_eq!(
        fs::read_to_string(&victim).unwrap(),
        "# budi's shell\n",
        "nothing was appended or copied through the links"
    );
    assert_eq!(
        fs::read_dir(office.home(budi())).unwrap().count(),
        1,
        "no journal made in Budi's home through the folder's link"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("audit log") && stderr.contains("symbolic link"),
        "the officer is told the log was not written, and why: {stderr}"
    );
    // The planted backup link was replaced by a real backup, not written through.
    let bak = fs::symlink_metadata(office.folder().join("plan.ron.bak")).unwrap();
    assert!(bak.is_file());
    let doctor = office.pantau(
        budi(),
        "002",
        &[],
        &["doctor", office.plan().to_str().unwrap()],
    );
    assert_eq!(
        doctor.status.code(),
        Some(1),
        "doctor reports the planted log link"
    );
    assert!(
        text(&doctor.stdout).contains("plan.ron.log is a symbolic link"),
        "{}",
        text(&doctor.stdout)
    );
}

#[test]
fn a_save_with_umask_022_or_by_root_never_locks_the_other_officer_out() {
    let Some(office) = office_or_skip() else {
        return;
    };
    let first = office.set(andi(), "022", "status=Done");
    assert!(first.status.success(), "{}", text(&first.stderr));
    let journals = office.folder().join("plan.ron.journal");
    let folder = fs::metadata(&journals).unwrap();
    let log = fs::metadata(journals.join(format!("{}.jsonl", andi()))).unwrap();
    let plan = fs::metadata(office.plan()).unwrap();
    assert_eq!(
        (
            folder.mode() & 0o7777,
            folder.gid(),
            log.mode() & 0o777,
            log.uid(),
            log.gid(),
            plan.mode() & 0o777,
            plan.gid()
        ),
        (0o3770, gid(), 0o640, uid(andi()), gid(), 0o660, gid()),
        "the journals' folder sticky in the plan's group, Andi's journal his own and \
         readable by the group, the saved plan as it was, whatever the umask"
    );
    let second = office.set(budi(), "022", "status=Delayed");
    assert!(
        second.status.success(),
        "Budi can save after Andi: {}",
        text(&second.stderr)
    );
    // Root (sudo) saves, then Budi again.
    let root = Command::new(&office.bin)
        .args([
            "set",
            "-f",
            office.plan().to_str().unwrap(),
            "GOV-01",
            "status=OnHold",
        ])
        .env("SUDO_USER", andi())
        .env("SUDO_UID", uid(andi()).to_string())
        .output()
        .unwrap();
    assert!(root.status.success(), "{}", text(&root.stderr));
    let plan = fs::metadata(office.plan()).unwrap();
    assert_ne!(plan.uid(), 0, "root gave the plan back to its owner");
    assert_eq!((plan.gid(), plan.mode() & 0o777), (gid(), 0o660));
    let third = office.set(budi(), "022", "status=Done");
    assert!(
        third.status.success(),
        "Budi can save after root: {}",
        text(&third.stderr)
    );
    let log = office.pantau(
        budi(),
        "002",
        &[],
        &["log", "-f", office.plan().to_str().unwrap()],
    );
    let log = text(&log.stdout);
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].contains(budi()) && lines[0].contains("On hold -> Done"),
        "{log}"
    );
    assert!(
        lines[1].contains(&format!("{} (sudo)", andi())),
        "sudo is recorded as the officer behind it: {log}"
    );
    assert!(
        lines[2].contains(budi()) && lines[3].contains(andi()),
        "{log}"
    );
}

#[test]
fn no_one_can_write_another_login_into_the_audit_log() {
    let Some(office) = office_or_skip() else {
        return;
    };
    let forged = office.pantau(
        budi(),
        "002",
        &[
            ("SUDO_USER", andi()),
            ("SUDO_UID", &uid(andi()).to_string()),
            ("USER", andi()),
            ("LOGNAME", andi()),
            ("SSH_CLIENT", "10.9.9.9 1 22"),
        ],
        &[
            "set",
            "-f",
            office.plan().to_str().unwrap(),
            "GOV-01",
            "status=Done",
        ],
    );
    assert!(forged.status.success(), "{}", text(&forged.stderr));
    let journals = office.folder().join("plan.ron.journal");
    assert!(
        !journals.join(format!("{}.jsonl", andi())).exists(),
        "nothing written as Andi"
    );
    let log = fs::read_to_string(journals.join(format!("{}.jsonl", budi()))).unwrap();
    assert!(
        log.contains(&format!("\"user\":\"{}\"", budi())) && !log.contains(andi()),
        "the real login, not the one in the environment: {log}"
    );
    assert!(
        log.contains("\"from\":\"10.9.9.9\""),
        "the address as the session claims it: {log}"
    );
}

#[test]
fn a_read_only_plan_is_refused_with_a_reason_not_silently_replaced() {
    let Some(office) = office_or_skip() else {
        return;
    };
    fs::set_permissions(office.plan(), fs::Permissions::from_mode(0o640)).unwrap();
    let before = fs::read(office.plan()).unwrap();
    let out = office.set(budi(), "002", "status=Done");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("read-only for you") && stderr.contains("chmod g+w"),
        "{stderr}"
    );
    assert_eq!(
        fs::read(office.plan()).unwrap(),
        before,
        "the plan is untouched"
    );
}

#[test]
fn fifos_and_devices_are_refused_in_bounded_time() {
    let Some(office) = office_or_skip() else {
        return;
    };
    let fifo = office.folder().join("fifo.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let out = office.pantau(budi(), "002", &[], &["check", fifo.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not a regular file"),
        "{}",
        text(&out.stderr)
    );
    // A log that is /dev/zero: `pantau log` refuses it instead of reading for ever.
    std::os::unix::fs::symlink("/dev/zero", office.folder().join("plan.ron.log")).unwrap();
    let out = office.pantau(
        budi(),
        "002",
        &[],
        &["log", "-f", office.plan().to_str().unwrap()],
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "refused, not hung (a hang would take far longer than this)"
    );
}

#[test]
fn a_held_lock_is_waited_for_with_a_notice_and_then_given_up_keeping_nothing_half_done() {
    let Some(office) = office_or_skip() else {
        return;
    };
    // Another officer's save in progress: the plan's lock held.
    let held = pantau::store::lock(&office.plan(), &mut |_| {}).unwrap();
    let before = fs::read(office.plan()).unwrap();
    let out = office.pantau(
        budi(),
        "002",
        &[("PANTAU_LOCK_TIMEOUT", "2")],
        &[
            "set",
            "-f",
            office.plan().to_str().unwrap(),
            "GOV-01",
            "status=Done",
        ],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("waiting for another officer's save"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(fs::read(office.plan()).unwrap(), before);
    drop(held);
    let out = office.set(budi(), "002", "status=Done");
    assert!(
        out.status.success(),
        "once released, the save goes through: {}",
        text(&out.stderr)
    );
}

#[test]
fn report_output_never_replaces_a_link_or_another_logins_file() {
    let Some(office) = office_or_skip() else {
        return;
    };
    let plan = office.plan();
    let theirs = office.folder().join("report.txt");
    fs::write(&theirs, "andi's report\n").unwrap();
    std::os::unix::fs::chown(&theirs, Some(uid(andi())), Some(gid())).unwrap();
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o664)).unwrap();
    let victim = office.home(budi()).join("notes.txt");
    fs::write(&victim, "mine\n").unwrap();
    std::os::unix::fs::chown(&victim, Some(uid(budi())), Some(gid())).unwrap();
    let link = office.folder().join("link.txt");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    for (output, force) in [(&theirs, true), (&link, true), (&link, false)] {
        let mut args = vec![
            "report",
            plan.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        let out = office.pantau(budi(), "002", &[], &args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    }
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "andi's report\n");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "mine\n");
    // Budi's own file: refused without --force, replaced with it, no .bak.
    let own = office.home(budi()).join("summary.txt");
    let args = |force: bool| {
        let mut a = vec![
            "report".to_string(),
            plan.display().to_string(),
            "-o".into(),
            own.display().to_string(),
        ];
        if force {
            a.push("--force".into());
        }
        a
    };
    let first = office.pantau(
        budi(),
        "002",
        &[],
        &args(false).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    let again = office.pantau(
        budi(),
        "002",
        &[],
        &args(false).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(again.status.code(), Some(2));
    let forced = office.pantau(
        budi(),
        "002",
        &[],
        &args(true).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(!office.home(budi()).join("summary.txt.bak").exists());
}

/// Every byte pantau writes to a terminal, from every command, with hostile
/// values in the file name, the plan, the environment and the arguments.
#[test]
fn nothing_raw_reaches_a_terminal_from_any_command() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}";
    let folder = dir.path().join(format!("f{evil}"));
    fs::create_dir(&folder).unwrap();
    let plan = folder.join(format!("plan{evil}.ron"));
    let hostile = pantau::store::EXAMPLE
        .replacen(
            "id: \"governance\"",
            &format!("id: \"gov{}\"", "\\u{1b}]0;x\\u{7}"),
            1,
        )
        .replacen(
            "dimension: \"governance\"",
            "dimension: \"nowhere\\u{1b}[31m\"",
            1,
        );
    fs::write(&plan, &hostile).unwrap();
    let good = folder.join("good.ron");
    fs::write(&good, pantau::store::EXAMPLE).unwrap();
    let p = plan.to_str().unwrap();
    let g = good.to_str().unwrap();
    let (bad_field, bad_lead) = (format!("{evil}=x"), format!("lead={evil}"));
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", p],
        vec!["summary", p],
        vec!["check", g],
        vec!["summary", g, "--dimension", evil],
        vec!["report", g, "--program", evil],
        vec!["report", g, "--status", evil],
        vec!["set", "-f", g, evil, "status=Done"],
        vec!["set", "-f", g, "GOV-01", &bad_field],
        vec!["set", "-f", g, "GOV-01", &bad_lead],
        vec!["log", "-f", g],
        vec!["doctor", g],
        vec![evil],
        vec!["summry", evil],
        vec!["--today", evil, "check", g],
        vec!["init", p],
    ];
    for args in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_pantau"))
            .args(&args)
            .env("HOME", dir.path())
            .env("PANTAU_FILE", &plan)
            .env("SSH_CLIENT", format!("{evil} 1 22"))
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let shown = String::from_utf8_lossy(bytes);
            let raw = shown
                .chars()
                .find(|&c| (c.is_control() && c != '\n') || pantau::text::is_bidi_control(c));
            assert_eq!(
                raw,
                None,
                "{args:?}: a raw control character on {stream}: {}",
                shown.escape_debug()
            );
        }
    }
}

#[test]
fn a_folder_the_officer_cannot_write_says_so_and_what_to_do() {
    let Some(office) = office_or_skip() else {
        return;
    };
    fs::set_permissions(office.folder(), fs::Permissions::from_mode(0o2755)).unwrap();
    let before = fs::read(office.plan()).unwrap();
    let out = office.set(budi(), "002", "status=Done");
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("is not writable for you") && stderr.contains("chmod g+w"),
        "names the folder and the fix: {stderr}"
    );
    assert_eq!(fs::read(office.plan()).unwrap(), before);
    assert!(
        fs::read_dir(office.folder()).unwrap().count() == 1,
        "nothing half-written left beside the plan"
    );
}

#[test]
fn a_folder_planted_at_the_backup_never_stops_a_save_and_doctors_fixes_work() {
    let Some(office) = office_or_skip() else {
        return;
    };
    let bak = office.folder().join("plan.ron.bak");
    // Andi plants a folder, with a folder of his own inside that nobody
    // else may empty, where every save keeps its backup.
    let plant = format!("mkdir -p {0}/inner && touch {0}/inner/mine", bak.display());
    let planted = office.sh(andi(), "022", &plant);
    assert!(planted.status.success(), "{}", text(&planted.stderr));
    // Before: doctor says how to free the name, and its fix works for Budi
    // (the `rm` it gave before could not remove a folder).
    let doctor = office.doctor(budi());
    let fix = fix_for(&doctor, "is a folder, not pantau's backup");
    assert!(fix.starts_with("mv "), "{fix}");
    let fixed = office.sh(budi(), "002", &fix);
    assert!(fixed.status.success(), "{fix}: {}", text(&fixed.stderr));
    assert!(!bak.is_dir(), "the name is free: {fix}");
    // Planted again: Budi's save goes on all the same, and says what it did.
    let planted = office.sh(andi(), "022", &plant);
    assert!(planted.status.success(), "{}", text(&planted.stderr));
    let out = office.set(budi(), "002", "status=Done");
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "the save goes ahead: {stderr}");
    assert!(
        stderr.contains("was a folder, not pantau's backup") && stderr.contains("moved aside"),
        "{stderr}"
    );
    assert_eq!(status_of(&office.plan()), "Done");
    assert!(
        fs::symlink_metadata(&bak).unwrap().is_file(),
        "a backup kept"
    );
    // After: doctor lists what was set aside (by Budi's `mv` and by the
    // save), and the owner's fix removes each.
    let doctor = office.doctor(budi());
    let fixes = fixes_for(&doctor, "has been moved aside");
    assert_eq!(fixes.len(), 2, "{doctor}");
    for fix in fixes {
        assert!(fix.starts_with("rm -r "), "{fix}");
        let fixed = office.sh(andi(), "022", &fix);
        assert!(fixed.status.success(), "{fix}: {}", text(&fixed.stderr));
    }
    let names: Vec<String> = fs::read_dir(office.folder())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("set-aside"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_login_outside_the_group_cannot_hold_the_lock_and_stop_saves() {
    let Some(office) = office_or_skip() else {
        return;
    };
    // The worst case: the folder as the README used to set it up, 2775,
    // which any login may open and so `flock`.
    fs::set_permissions(office.folder(), fs::Permissions::from_mode(0o2775)).unwrap();
    let folder = office.folder();
    let lock = folder.join(".plan.ron.lock");
    let try_lock = |path: &Path| {
        office
            .sh(
                outsider(),
                "022",
                &format!("flock -n {} true", path.display()),
            )
            .status
            .success()
    };
    assert!(!try_lock(&lock), "an outsider cannot make the lock file");
    // A save with umask 022 makes it 0660 all the same.
    let out = office.set(budi(), "022", "status=Done");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let meta = fs::metadata(&lock).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o660);
    assert_eq!(meta.gid(), gid());
    assert!(!try_lock(&lock), "an outsider cannot open the lock file");
    // The outsider holds the folder, which was the lock before, until told to stop.
    let mut holder = office
        .sh_command(
            outsider(),
            "022",
            &format!(
                "exec flock {} /bin/sh -c 'echo held; read x; true'",
                folder.display()
            ),
        )
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(holder.stdout.take().unwrap()),
        &mut said,
    )
    .unwrap();
    assert_eq!(said.trim(), "held");
    let out = office.pantau(
        budi(),
        "002",
        &[("PANTAU_LOCK_TIMEOUT", "2")],
        &[
            "set",
            "-f",
            office.plan().to_str().unwrap(),
            "GOV-01",
            "status=Delayed",
        ],
    );
    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "the save is not stopped: {stderr}");
    assert!(!stderr.contains("waiting"), "{stderr}");
    assert_eq!(status_of(&office.plan()), "Delayed");
    // doctor warns about such a folder; with its fix (2770, as docs/SHARING.md
    // now says) the outsider cannot even open it.
    let doctor = office.doctor(budi());
    let fix = fix_for(&doctor, "open to logins outside the group");
    assert_eq!(fix, format!("chmod o-rwx {}", folder.display()));
    let fixed = office.sh(budi(), "002", &fix);
    assert!(
        !fixed.status.success(),
        "only the folder's owner may chmod it"
    );
    let fixed = Command::new("/bin/sh").args(["-c", &fix]).status().unwrap();
    assert!(fixed.success());
    assert_eq!(fs::metadata(&folder).unwrap().mode() & 0o7777, 0o2770);
    assert!(!try_lock(&folder), "the outsider cannot open the folder");
    assert!(
        !office.doctor(budi()).contains("outside the group"),
        "{}",
        office.doctor(budi())
    );
}

/// Runs a shell `script` as `user` in the office's shared folder.
fn shell(office: &Office, user: &str, script: &str) -> Output {
    Command::new("/usr/sbin/runuser")
        .args(["-u", user, "--", "/bin/sh", "-c", script])
        .current_dir(office.folder())
        .env_clear()
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .output()
        .expect("runuser runs")
}

/// `pantau log` and `pantau doctor` as `user`: (exit code, stdout, stderr).
fn log_and_doctor(office: &Office, user: &str) -> [(Option<i32>, String, String); 2] {
    let plan = office.plan();
    let plan = plan.to_str().unwrap();
    [["log", "-f", plan].as_slice(), ["doctor", plan].as_slice()].map(|args| {
        let out = office.pantau(user, "002", &[], args);
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    })
}

#[test]
fn no_officer_can_forge_or_erase_anothers_journal_unnoticed() {
    let Some(office) = office_or_skip() else {
        return;
    };
    let journals = office.folder().join("plan.ron.journal");
    let theirs = journals.join(format!("{}.jsonl", andi()));
    for (user, status) in [
        (andi(), "Done"),
        (budi(), "Delayed"),
        (andi(), "OnHold"),
        (budi(), "Done"),
    ] {
        let out = office.set(user, "002", &format!("status={status}"));
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let [(code, log, _), _] = log_and_doctor(&office, budi());
    assert_eq!(code, Some(0), "{log}");
    assert_eq!(log.lines().count(), 4, "{log}");
    assert!(
        log.lines().all(|l| l.contains(" +") || l.contains(" -")),
        "the offset: {log}"
    );
    let before = fs::read(&theirs).unwrap();

    // Budi cannot write, remove or replace Andi's journal.
    let name = format!("{}.jsonl", andi());
    let mine = format!("{}.jsonl", budi());
    for script in [
        format!("echo forged >> plan.ron.journal/{name}"),
        format!("rm -f plan.ron.journal/{name}"),
        format!("mv -f plan.ron.journal/{mine} plan.ron.journal/{name}"),
        format!("cp plan.ron.journal/{mine} x && mv -f x plan.ron.journal/{name}"),
    ] {
        let out = shell(&office, budi(), &script);
        assert!(!out.status.success(), "{script} was refused");
    }
    let _ = fs::remove_file(office.folder().join("x"));
    assert_eq!(
        fs::read(&theirs).unwrap(),
        before,
        "Andi's journal as he left it"
    );

    // In his own journal, Budi writes a change in Andi's name; he plants a
    // journal named for another login, a FIFO and a link.
    let forged = format!(
        r#"{{"v":2,"n":3,"prev":"","when":"2026-12-01T09:00:00+08:00","user":"{}","from":"local","subject":"GOV-01","field":"status","old":"Done","new":"Cancelled"}}"#,
        andi()
    );
    let out = shell(
        &office,
        budi(),
        &format!(
            "echo '{forged}' >> plan.ron.journal/{mine} && echo '{{}}' > plan.ron.journal/root.jsonl \
             && mkfifo plan.ron.journal/fifo.jsonl && ln -s /etc/shadow plan.ron.journal/link.jsonl"
        ),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Andi's save goes ahead all the same.
    let out = office.set(andi(), "002", "status=InProgress");
    assert!(
        out.status.success() && !text(&out.stderr).contains("could not"),
        "{}",
        text(&out.stderr)
    );
    for (code, out, err) in log_and_doctor(&office, andi()) {
        let said = format!("{out}{err}");
        assert_eq!(code, Some(1), "{said}");
        for expected in [
            format!("entry 3 claims to be by {}", andi()),
            format!("belongs to {}, not to root", budi()),
            "journal fifo in".to_string(),
            "journal link in".to_string(),
        ] {
            assert!(said.contains(&expected), "{expected:?} in:\n{said}");
        }
    }
    let [(_, log, _), _] = log_and_doctor(&office, andi());
    let forged_line = log.lines().find(|l| l.contains("Cancelled")).unwrap();
    assert!(
        forged_line.contains(&format!("[unverified] {} (local)", budi())),
        "the forged change is shown as Budi's: {log}"
    );

    // Budi removes his own journal, which Andi's saves saw: named.
    let out = shell(&office, budi(), &format!("rm plan.ron.journal/{mine}"));
    assert!(out.status.success(), "his own: {}", text(&out.stderr));
    for (code, out, err) in log_and_doctor(&office, andi()) {
        let said = format!("{out}{err}");
        assert_eq!(code, Some(1), "{said}");
        assert!(
            said.contains(&format!(
                "journal {} is gone, but {}'s journal saw",
                budi(),
                andi()
            )),
            "{said}"
        );
    }
}

#[test]
fn the_journals_folder_set_up_as_documented_passes_doctor_and_keeps_each_login_to_its_own() {
    let Some(office) = office_or_skip() else {
        return;
    };
    // As docs/SHARING.md has root make it.
    let journals = office.folder().join("plan.ron.journal");
    fs::create_dir(&journals).unwrap();
    std::os::unix::fs::chown(&journals, Some(0), Some(gid())).unwrap();
    fs::set_permissions(&journals, fs::Permissions::from_mode(0o3770)).unwrap();
    for (user, status) in [(andi(), "Done"), (budi(), "Delayed")] {
        let out = office.set(user, "022", &format!("status={status}"));
        assert!(out.status.success(), "{}", text(&out.stderr));
        let journal = fs::metadata(journals.join(format!("{user}.jsonl"))).unwrap();
        assert_eq!(
            (journal.uid(), journal.gid(), journal.mode() & 0o777),
            (uid(user), gid(), 0o640)
        );
    }
    let [(log_code, log, _), (doctor_code, doctor, _)] = log_and_doctor(&office, andi());
    assert_eq!(log_code, Some(0), "{log}");
    assert!(
        log.lines().next().is_some_and(|l| l.contains(budi()))
            && log.lines().nth(1).is_some_and(|l| l.contains(andi())),
        "both officers' journals, newest first: {log}"
    );
    assert_eq!(doctor_code, Some(0), "{doctor}");
    assert!(doctor.contains("fit for several officers"), "{doctor}");
}
