//! End to end, shared use (issue 5): several officers on one plan file, the
//! file changing on disk under an open session, the conflict prompt, dropped
//! links (SIGHUP, SIGTERM) and recovering what was unsaved, and two stress
//! tests: concurrent `pantau set` calls, and `kill -9` during saves of a
//! 10,000-program file.
//!
//! The tmux tests run the real binary at 80×24 as `tmux_editing.rs` does (each
//! officer in a tmux server of their own, with their own temporary HOME), then
//! read the file back with `pantau::store::load`. The stress tests need no
//! terminal; they run alone (see `turn`), so that their load does not eat
//! into the tmux tests' time limits.

use crate::common;

use crate::generator;

use common::{
    BIN, Tmux, bottom_line, example, framed, load, looks, note, original, pantau_argv, program,
    program_mut, tmux_or_skip,
};
use pantau::i18n::EN;
use pantau::plan::model::{Plan, Status};
use std::collections::BTreeSet;
use std::ffi::OsString;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The file name of the copy each test shares between its officers.
const FILE: &str = "luwu-utara.ron";

/// What the wrapper shell prints once pantau has ended.
const EXITED: &str = "pantau exited: ";

/// How soon an open session must notice a save by someone else. pantau looks
/// every 2 s when no key is pending (the issue asks for about 2 s). The tests
/// wait for the notice as long as any wait (`common::WAIT`), then check the
/// time from the save to the first screen that showed it against this bound:
/// well above 2 s plus what a loaded machine adds to a poll and a redraw, and
/// still far below what a session that stopped looking by itself would take.
/// Each test notes the time it measured.
const NOTICE: Duration = Duration::from_secs(15);

/// How soon pantau must end after SIGHUP or SIGTERM, measured the same way:
/// from the signal to the first screen with the wrapper shell's line.
const STOPS_WITHIN: Duration = Duration::from_secs(15);

/// Waits (up to `common::WAIT`) for `test` on `tmux`'s screen, then asserts
/// the screen first passed it within `bound` of `since`; the screen, and
/// how long that took.
fn wait_bounded(
    tmux: &Tmux,
    since: Instant,
    bound: Duration,
    what: &str,
    test: impl Fn(&str) -> bool,
) -> (String, Duration) {
    let (screen, first) = tmux.wait_for_timed(what, test);
    let took = first.saturating_duration_since(since);
    assert!(
        took <= bound,
        "{what} took {} ms, more than {} ms:\n{}",
        took.as_millis(),
        bound.as_millis(),
        framed(&screen)
    );
    (screen, took)
}

// The English texts the tests look for.
const RELOADED: &str = "Reloaded: the file was changed on disk by someone else";
const CHANGED_ON_DISK: &str =
    "The file changed on disk; your edits will be merged with it when you save";
const MERGED: &str = "merged with changes another officer saved meanwhile";
const CONFLICT_KEYS: &str = "m: keep mine   t: keep theirs   Esc: do not save";
const RECOVER: &str = "Recover unsaved edits";
const RECOVER_KEYS: &str = "r: restore them  d: discard them";
const RECOVERED: &str = "Recovered edits restored";
const KEPT: &str = "pantau: unsaved edits kept in ";

/// The tmux tests share the machine (read); a stress test has it alone (write).
static MACHINE: RwLock<()> = RwLock::new(());

fn turn() -> RwLockReadGuard<'static, ()> {
    MACHINE.read().unwrap_or_else(PoisonError::into_inner)
}

fn alone() -> RwLockWriteGuard<'static, ()> {
    MACHINE.write().unwrap_or_else(PoisonError::into_inner)
}

/// Environment variables that would let the outside world in: another state
/// folder, another plan, another identity in the audit log.
const UNSET: [&str; 7] = [
    "XDG_STATE_HOME",
    "XDG_CONFIG_HOME",
    "SUDO_USER",
    "SSH_CLIENT",
    "SSH_CONNECTION",
    "LOGNAME",
    "USER",
];

/// A folder with its own copy of the example plan, which a test's officers share.
struct Data {
    plan: PathBuf,
    dir: TempDir,
}

impl Data {
    fn new() -> Data {
        let dir = TempDir::new().unwrap();
        let plan = dir.path().join(FILE);
        std::fs::write(&plan, example()).unwrap();
        Data { plan, dir }
    }

    fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.plan).unwrap()
    }

    /// The names in the folder, sorted, without the advisory lock file (which
    /// stays by design).
    fn names(&self) -> Vec<String> {
        names_in(self.dir.path(), FILE)
    }

    /// Runs `pantau ARGS` as `user` with `home` (for `set` and `log`).
    fn cli(&self, home: &Path, user: &str, args: &[&str]) -> Output {
        cli(home, user, args, &self.plan)
    }

    /// `pantau set -f FILE id change` from outside any session; must succeed.
    fn set(&self, home: &Path, user: &str, id: &str, change: &str) {
        let out = self.cli(home, user, &["set", "-f", "{plan}", id, change]);
        assert!(
            out.status.success(),
            "pantau set {id} {change}: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `pantau log -f FILE [more]`'s lines.
    fn log(&self, home: &Path, more: &[&str]) -> Vec<String> {
        let mut args = vec!["log", "-f", "{plan}"];
        args.extend_from_slice(more);
        let out = self.cli(home, "auditor", &args);
        assert!(
            out.status.success(),
            "pantau log: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect()
    }
}

fn names_in(dir: &Path, file: &str) -> Vec<String> {
    let lock = format!(".{file}.lock");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| *n != lock)
        .collect();
    names.sort();
    names
}

/// `pantau ARGS` with `{plan}` in ARGS standing for `plan`, as `user`, with a
/// private HOME, an English locale and no colour.
fn cli(home: &Path, user: &str, args: &[&str], plan: &Path) -> Output {
    let mut command = Command::new(BIN);
    for arg in args {
        if *arg == "{plan}" {
            command.arg(plan);
        } else {
            command.arg(arg);
        }
    }
    command
        .env("HOME", home)
        .env("USER", user)
        .env("PANTAU_OFFICER", user)
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
    for var in UNSET.iter().filter(|v| **v != "USER") {
        command.env_remove(var);
    }
    for var in ["LC_ALL", "LC_MESSAGES", "PANTAU_FILE", "XDG_DATA_HOME"] {
        command.env_remove(var);
    }
    command.output().expect("pantau runs")
}

/// One officer: pantau on `plan` in a tmux server of their own, at 80×24,
/// started by a shell that prints pantau's exit status when it ends.
struct Officer {
    tmux: Tmux,
    /// pantau's process id.
    pid: u32,
}

impl Officer {
    /// Starts pantau and waits for the dashboard.
    fn start(plan: &Path, home: &Path, user: &str) -> Officer {
        let officer = Officer::open(plan, home, user);
        officer.tmux.wait_for("the dashboard", |s| {
            looks::dashboard(s) && !s.contains(RECOVER)
        });
        officer
    }

    /// Starts pantau and waits until it shows `what`.
    fn open_to(
        plan: &Path,
        home: &Path,
        user: &str,
        what: &str,
        test: impl Fn(&str) -> bool,
    ) -> Officer {
        let officer = Officer::open(plan, home, user);
        officer.tmux.wait_for(what, test);
        officer
    }

    fn open(plan: &Path, home: &Path, user: &str) -> Officer {
        let mut argv: Vec<OsString> = vec![
            "sh".into(),
            "-c".into(),
            // Then waits, so that the pane (and what it printed) stays.
            format!(r#""$@"; echo "{EXITED}$?"; read -r _"#).into(),
            "sh".into(),
        ];
        let mut env = pantau_argv(home, plan, &[]);
        assert_eq!(env[0], "env");
        // Options before assignments: `env -u A … HOME=… USER=… pantau …`.
        let unset = UNSET
            .iter()
            .flat_map(|v| [OsString::from("-u"), OsString::from(v)]);
        env.splice(1..1, unset);
        let at = env
            .iter()
            .position(|a| a.to_string_lossy().starts_with("HOME="))
            .expect("HOME= among the arguments");
        env.insert(at, format!("USER={user}").into());
        env.insert(at, format!("PANTAU_OFFICER={user}").into());
        argv.extend(env);
        let tmux = Tmux::start((80, 24), &argv);
        // The pane runs the shell; its child is `env`, which becomes pantau.
        let shell = tmux.format("#{pane_pid}");
        let start = Instant::now();
        let pid = loop {
            let children = pgrep(&["-P", &shell]);
            if let [pid] = children[..]
                && comm(pid).as_deref() == Some("pantau")
            {
                break pid;
            }
            assert!(
                start.elapsed() < common::WAIT,
                "pantau did not start under the pane's shell ({children:?}):\n{}",
                framed(&tmux.screen())
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        Officer { tmux, pid }
    }

    fn key(&self, key: &str) {
        self.tmux.key(key);
    }

    fn wait(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        self.tmux.wait_for(what, test)
    }

    /// From the dashboard to Smart Governance's program list, GOV-01 selected.
    fn governance_programs(&self) -> String {
        self.key("2");
        self.wait("the dimension list", |s| {
            looks::dimension_selected(s, "Smart Governance")
        });
        self.key("Enter");
        self.wait("Smart Governance's programs", |s| {
            looks::program_selected(s, "GOV-01") && s.contains("GOV-06")
        })
    }

    /// `s` on the selected program `id`, and waits for its new status.
    fn next_status_of(&self, id: &str, now: Status) -> String {
        // `s` opens the list of statuses: j the next, Enter takes it.
        self.tmux.keys_at_once(&["s", "j", "Enter"]);
        self.wait(&format!("{id}'s status to become {now:?}"), |s| {
            row_shows(s, id, now)
                && bottom_line(s).contains(&format!("{id}: status is now {}", EN.status(now)))
        })
    }

    /// Clears the message in the status bar with an action that changes
    /// nothing (the help overlay, opened and closed); the status bar then.
    fn file_state(&self) -> String {
        self.key("?");
        self.wait("the help overlay", |s| s.contains(" Keys "));
        self.key("?");
        let screen = self.wait("the status bar with the file's state", |s| {
            !s.contains(" Keys ") && bottom_line(s).starts_with(&format!(" {FILE}"))
        });
        bottom_line(&screen).to_string()
    }

    /// Ctrl-S, and waits for the status bar to say the file was saved; the screen.
    fn save(&self) -> String {
        self.key("C-s");
        self.wait("\"Saved at HH:MM\" after Ctrl-S", |s| {
            has_time_after(bottom_line(s), "Saved at ")
        })
    }

    /// `q` with nothing unsaved: pantau ends at once with status 0, asking nothing.
    fn quit_unprompted(&self) {
        self.key("q");
        self.wait_for_clean_exit("pantau to quit on q without asking");
    }

    fn wait_for_clean_exit(&self, what: &str) {
        let screen = self.wait(what, |s| s.contains(EXITED));
        assert!(
            screen.contains(&format!("{EXITED}0")),
            "exit status 0:\n{screen}"
        );
        assert!(
            !screen.contains("Save changes before quitting?"),
            "{screen}"
        );
    }
}

impl Drop for Officer {
    /// A session still running when its test ends is killed with SIGKILL
    /// before its tmux server goes, so that the hang-up does not write a
    /// recovery file into a HOME that is being removed.
    fn drop(&mut self) {
        if comm(self.pid).as_deref() == Some("pantau") {
            signal(self.pid, "KILL");
            let start = Instant::now();
            while alive(self.pid) && start.elapsed() < Duration::from_secs(2) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

/// `pgrep ARGS`'s process ids.
fn pgrep(args: &[&str]) -> Vec<u32> {
    let out = Command::new("pgrep")
        .args(args)
        .output()
        .expect("pgrep runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

/// The pantau process that has `plan` open, found by its command line (the
/// plan's path is unique to the test): exactly one.
fn pantau_on(plan: &Path) -> u32 {
    let escape = |s: &str| s.replace('.', "\\.");
    let pattern = format!(
        "^{} {}( |$)",
        escape(BIN),
        escape(&plan.display().to_string())
    );
    let found: Vec<u32> = pgrep(&["-f", &pattern])
        .into_iter()
        .filter(|&pid| comm(pid).as_deref() == Some("pantau"))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one pantau on {}: {found:?}",
        plan.display()
    );
    found[0]
}

/// The process's name, while it runs (not once it is a zombie).
fn comm(pid: u32) -> Option<String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    if status
        .lines()
        .any(|l| l.starts_with("State:") && l.contains("zombie"))
    {
        return None;
    }
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|c| c.trim().to_string())
}

fn alive(pid: u32) -> bool {
    comm(pid).is_some()
}

fn signal(pid: u32, name: &str) {
    let out = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .output()
        .expect("kill runs");
    assert!(
        out.status.success(),
        "kill -{name} {pid}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The recovery folder inside a test's HOME (XDG_STATE_HOME unset).
fn recovery_folder(home: &Path) -> PathBuf {
    home.join(".local/state/pantau/recovery")
}

/// Everything in the recovery folder (none when there is no folder).
fn recovery_files(home: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(recovery_folder(home)) {
        Ok(entries) => {
            let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            files.sort();
            files
        }
        Err(_) => Vec::new(),
    }
}

/// The example with the given programs' statuses changed.
fn example_with(statuses: &[(&str, Status)]) -> Plan {
    let mut plan = original();
    for (id, status) in statuses {
        program_mut(&mut plan, id).status = *status;
    }
    plan
}

/// The status `s` moves to from `status`.
fn next_status(status: Status) -> Status {
    let at = Status::ALL.iter().position(|s| *s == status).unwrap();
    Status::ALL[(at + 1) % Status::ALL.len()]
}

/// The row of the program list showing program `id`.
fn row<'a>(screen: &'a str, id: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(&format!(" {id} ")))
        .unwrap_or("")
}

/// Whether program `id`'s row in the list shows `status`.
fn row_shows(screen: &str, id: &str, status: Status) -> bool {
    row(screen, id).contains(&format!(" {} ", EN.status(status)))
}

/// The first line of `screen` containing `text`, or "".
fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen.lines().find(|l| l.contains(text)).unwrap_or("")
}

/// Whether `text` has `prefix` followed by a time, `HH:MM`.
fn has_time_after(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(at, _)| {
        let time: Vec<char> = text[at + prefix.len()..].chars().take(5).collect();
        time.len() == 5 && time[2] == ':' && [0, 1, 3, 4].iter().all(|&i| time[i].is_ascii_digit())
    })
}

/// `pantau log`'s line for a change, without its time: `user (local)  ID field: old -> new`.
/// A line of `pantau log`: the tests' officers share this process's login
/// and name themselves with PANTAU_OFFICER, recorded beside it; statuses are
/// logged by their file names and read back in words.
fn logged(user: &str, id: &str, field: &str, old: &str, new: &str) -> String {
    let login = pantau::store::audit::user_name(pantau::store::safe::real_uid())
        .unwrap_or_else(|| format!("uid {}", pantau::store::safe::real_uid()));
    let words = |v: &str| match (field, Status::parse(v)) {
        ("status", Some(s)) => EN.status(s).to_string(),
        _ => v.to_string(),
    };
    format!(
        "  {login} [{user}] (local)  {id} {field}: {} -> {}",
        words(old),
        words(new)
    )
}

// ---------------------------------------------------------------------------
// Several officers, one file

#[test]
fn two_officers_editing_different_programs_both_land_and_the_log_names_each() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let (home_a, home_b) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let base = original();
    let (gov01, gov02) = (
        program(&base, "GOV-01").status,
        program(&base, "GOV-02").status,
    );
    let (gov01_new, gov02_new) = (next_status(gov01), next_status(gov02));

    let andi = Officer::start(&data.plan, home_a.path(), "andi");
    let sari = Officer::start(&data.plan, home_b.path(), "sari");
    andi.governance_programs();
    andi.next_status_of("GOV-01", gov01_new);
    sari.governance_programs();
    sari.key("j");
    sari.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
    sari.next_status_of("GOV-02", gov02_new);

    let screen = andi.save();
    assert!(
        !bottom_line(&screen).contains(MERGED),
        "nothing to merge yet:\n{screen}"
    );

    sari.key("C-s");
    let screen = sari.wait("sari's save, merged with andi's", |s| {
        has_time_after(bottom_line(s), "Saved at ") && bottom_line(s).contains(MERGED)
    });
    // No later than this did the file change on disk.
    let saved = Instant::now();
    assert!(
        row_shows(&screen, "GOV-01", gov01_new) && row_shows(&screen, "GOV-02", gov02_new),
        "sari's list shows both changes after the merge:\n{screen}"
    );
    assert!(!sari.file_state().contains(" [+]"), "sari: nothing unsaved");

    // andi, with nothing unsaved, takes in sari's save by himself.
    let (screen, took) = wait_bounded(
        &andi.tmux,
        saved,
        NOTICE,
        "andi's session to reload sari's save",
        |s| bottom_line(s).contains(RELOADED) && row_shows(s, "GOV-02", gov02_new),
    );
    note(&format!(
        "andi's session reloaded sari's save {} ms after it",
        took.as_millis()
    ));
    assert!(row_shows(&screen, "GOV-01", gov01_new), "{screen}");
    andi.quit_unprompted();
    sari.quit_unprompted();

    assert_eq!(
        load(&data.plan),
        example_with(&[("GOV-01", gov01_new), ("GOV-02", gov02_new)]),
        "the file has both changes and nothing else"
    );
    assert_eq!(
        data.names(),
        [
            FILE.to_string(),
            format!("{FILE}.bak"),
            format!("{FILE}.journal")
        ],
        "no temp files left"
    );

    let log = data.log(home_a.path(), &[]);
    let line_of = |expected: &str| {
        log.iter()
            .position(|l| l.ends_with(expected))
            .unwrap_or_else(|| panic!("`pantau log` has {expected:?}:\n{}", log.join("\n")))
    };
    let by_andi = line_of(&logged(
        "andi",
        "GOV-01",
        "status",
        gov01.key(),
        gov01_new.key(),
    ));
    let by_sari = line_of(&logged(
        "sari",
        "GOV-02",
        "status",
        gov02.key(),
        gov02_new.key(),
    ));
    assert_eq!(log.len(), 2, "one line per change:\n{}", log.join("\n"));
    assert!(by_sari < by_andi, "newest first:\n{}", log.join("\n"));
    let only_gov02 = data.log(home_a.path(), &["--program", "GOV-02"]);
    assert_eq!(only_gov02, vec![log[by_sari].clone()], "--program GOV-02");
}

#[test]
fn a_session_without_edits_reloads_a_change_saved_from_outside_and_says_so() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let andi = Officer::start(&data.plan, home.path(), "andi");
    let screen = andi.governance_programs();
    let before = program(&original(), "GOV-03").status;
    assert_eq!(before, Status::Done);
    assert!(row_shows(&screen, "GOV-03", before), "{screen}");

    data.set(home.path(), "budi", "GOV-03", "status=Delayed");
    let saved = Instant::now();
    let (screen, took) = wait_bounded(
        &andi.tmux,
        saved,
        NOTICE,
        "the reload notice and GOV-03 Delayed",
        |s| bottom_line(s).contains(RELOADED) && row_shows(s, "GOV-03", Status::Delayed),
    );
    note(&format!(
        "reload noticed {} ms after `pantau set` returned",
        took.as_millis()
    ));
    assert!(
        RELOADED.to_lowercase().contains("reloaded"),
        "the English notice says \"reloaded\""
    );
    assert!(
        looks::program_selected(&screen, "GOV-01"),
        "the list stays where it was:\n{screen}"
    );
    assert!(
        !andi.file_state().contains(" [+]"),
        "a reload is not an edit"
    );
    andi.quit_unprompted();
    assert_eq!(
        load(&data.plan),
        example_with(&[("GOV-03", Status::Delayed)])
    );
}

/// A save by someone else that lands between two looks at the file (every
/// 2 s), followed at once by a key press, must still be noticed: the event
/// loop once re-read the file's stamp after every key and so missed it.
#[test]
fn a_key_pressed_right_after_an_outside_save_does_not_hide_it() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    data.set(home.path(), "budi", "GOV-03", "status=Delayed");
    let saved = Instant::now();
    // Moving the selection: no edit, just a key, well within the 2 s between looks.
    andi.key("j");
    andi.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
    // The bug this guards against made the save go unnoticed for good (until
    // the file changed again), so waiting long enough catches it for sure.
    let (_, took) = wait_bounded(
        &andi.tmux,
        saved,
        NOTICE,
        "the reload notice after a key press",
        |s| bottom_line(s).contains(RELOADED) && row_shows(s, "GOV-03", Status::Delayed),
    );
    note(&format!(
        "reload after a key press noticed {} ms after `pantau set` returned",
        took.as_millis()
    ));
}

#[test]
fn a_session_with_unsaved_edits_says_the_file_changed_and_merges_it_at_save() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let base = original();
    let gov01_new = next_status(program(&base, "GOV-01").status);
    let gov04 = program(&base, "GOV-04").status;
    assert_eq!(gov04, Status::Delayed);

    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.next_status_of("GOV-01", gov01_new);
    data.set(home.path(), "budi", "GOV-04", "status=OnHold");
    let saved = Instant::now();
    let (screen, took) = wait_bounded(
        &andi.tmux,
        saved,
        NOTICE,
        "the changed-on-disk notice",
        |s| bottom_line(s).contains(CHANGED_ON_DISK),
    );
    note(&format!(
        "change on disk noticed {} ms after `pantau set` returned",
        took.as_millis()
    ));
    assert!(
        row_shows(&screen, "GOV-01", gov01_new) && row_shows(&screen, "GOV-04", gov04),
        "the session keeps its edit and does not reload over it:\n{screen}"
    );
    assert!(andi.file_state().contains(" [+]"), "still unsaved");

    let screen = andi.save();
    assert!(bottom_line(&screen).contains(MERGED), "{screen}");
    assert!(
        row_shows(&screen, "GOV-01", gov01_new) && row_shows(&screen, "GOV-04", Status::OnHold),
        "the session now shows both:\n{screen}"
    );
    andi.quit_unprompted();
    assert_eq!(
        load(&data.plan),
        example_with(&[("GOV-01", gov01_new), ("GOV-04", Status::OnHold)])
    );
    let log = data.log(home.path(), &[]);
    assert!(
        log[0].ends_with(&logged("andi", "GOV-01", "status", "InProgress", "Done"))
            && log[1].ends_with(&logged("budi", "GOV-04", "status", "Delayed", "OnHold")),
        "{}",
        log.join("\n")
    );
}

/// andi moves GOV-01 from InProgress to Done with `s`; budi sets it to
/// Delayed from outside; andi's Ctrl-S asks, showing both values.
fn conflict_prompt() -> (Data, TempDir, Officer, Vec<u8>) {
    let data = Data::new();
    let home = TempDir::new().unwrap();
    assert_eq!(program(&original(), "GOV-01").status, Status::InProgress);
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.next_status_of("GOV-01", Status::Done);
    data.set(home.path(), "budi", "GOV-01", "status=Delayed");
    let theirs = data.bytes();
    andi.key("C-s");
    let screen = andi.wait("the conflict prompt", |s| {
        s.contains("1 of 1: Status of GOV-01 “Super App Luwu Utara”") && s.contains(CONFLICT_KEYS)
    });
    let mine = line_with(&screen, "mine:");
    let their = line_with(&screen, "theirs:");
    assert!(mine.contains("Done"), "mine is Done: {mine:?}\n{screen}");
    assert!(
        their.contains("Delayed (by budi, "),
        "theirs is Delayed, by budi: {their:?}\n{screen}"
    );
    assert_eq!(data.bytes(), theirs, "nothing written while asking");
    (data, home, andi, theirs)
}

#[test]
fn conflict_prompt_m_keeps_mine() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let (data, home, andi, _) = conflict_prompt();
    andi.key("m");
    let screen = andi.wait("saved after m", |s| {
        has_time_after(bottom_line(s), "Saved at ") && !s.contains(CONFLICT_KEYS)
    });
    assert!(row_shows(&screen, "GOV-01", Status::Done), "{screen}");
    assert!(!andi.file_state().contains(" [+]"));
    andi.quit_unprompted();
    assert_eq!(load(&data.plan), example_with(&[("GOV-01", Status::Done)]));
    let log = data.log(home.path(), &[]);
    assert!(
        log[0].ends_with(&logged("andi", "GOV-01", "status", "Delayed", "Done"))
            && log[1].ends_with(&logged("budi", "GOV-01", "status", "InProgress", "Delayed")),
        "{}",
        log.join("\n")
    );
}

#[test]
fn conflict_prompt_t_keeps_theirs() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let (data, home, andi, theirs) = conflict_prompt();
    andi.key("t");
    let screen = andi.wait("saved after t", |s| {
        has_time_after(bottom_line(s), "Saved at ") && !s.contains(CONFLICT_KEYS)
    });
    assert!(
        row_shows(&screen, "GOV-01", Status::Delayed),
        "the session shows theirs:\n{screen}"
    );
    assert!(!andi.file_state().contains(" [+]"));
    andi.quit_unprompted();
    assert_eq!(
        load(&data.plan),
        example_with(&[("GOV-01", Status::Delayed)])
    );
    assert_eq!(data.bytes(), theirs, "theirs, byte for byte");
    let log = data.log(home.path(), &[]);
    assert_eq!(
        log.len(),
        1,
        "only budi changed anything:\n{}",
        log.join("\n")
    );
    assert!(log[0].ends_with(&logged("budi", "GOV-01", "status", "InProgress", "Delayed")));
}

#[test]
fn conflict_prompt_esc_saves_nothing_and_keeps_the_edit_unsaved() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let (data, _home, andi, theirs) = conflict_prompt();
    andi.key("Escape");
    let screen = andi.wait("\"Not saved\"", |s| {
        bottom_line(s).contains("Not saved") && !s.contains(CONFLICT_KEYS)
    });
    assert!(
        row_shows(&screen, "GOV-01", Status::Done),
        "mine stays in the session:\n{screen}"
    );
    assert!(andi.file_state().contains(" [+]"), "still modified");
    assert_eq!(data.bytes(), theirs, "nothing saved");
    // Asked again at the next save, and Esc again.
    andi.key("C-s");
    andi.wait("the conflict prompt again", |s| s.contains(CONFLICT_KEYS));
    andi.key("Escape");
    andi.wait("\"Not saved\" again", |s| {
        bottom_line(s).contains("Not saved") && !s.contains(CONFLICT_KEYS)
    });
    andi.key("q");
    andi.wait("the save-changes prompt", |s| {
        s.contains("Save changes before quitting?")
    });
    andi.key("n");
    andi.wait_for_clean_exit("pantau to quit on n");
    assert_eq!(data.bytes(), theirs, "nothing saved");
    assert_eq!(
        load(&data.plan),
        example_with(&[("GOV-01", Status::Delayed)])
    );
}

// ---------------------------------------------------------------------------
// Dropped links

/// andi moves GOV-01 on with `s`; pantau gets `signal`; it must end within
/// `STOPS_WITHIN`, restoring the terminal, leaving the data file byte for
/// byte as it was and the edit in a private recovery file, whose path it returns.
fn edit_then_signal(data: &Data, home: &Path, name: &str) -> PathBuf {
    let before = data.bytes();
    let andi = Officer::start(&data.plan, home, "andi");
    andi.governance_programs();
    andi.next_status_of("GOV-01", Status::Done);
    let pid = pantau_on(&data.plan);
    assert_eq!(pid, andi.pid, "pgrep found the session's pantau");
    let sent = Instant::now();
    signal(pid, name);
    let (screen, took) = wait_bounded(
        &andi.tmux,
        sent,
        STOPS_WITHIN,
        &format!("pantau to end after SIG{name}"),
        |s| s.contains(EXITED),
    );
    note(&format!(
        "SIG{name} with an edit: pantau ended within {} ms, {}",
        took.as_millis(),
        line_with(&screen, EXITED).trim()
    ));
    assert!(!alive(pid), "pantau {pid} is gone");
    assert_eq!(
        andi.tmux.format("#{alternate_on}"),
        "0",
        "the terminal was restored (the alternate screen left):\n{screen}"
    );
    assert!(!looks::dashboard(&screen), "{screen}");
    assert!(
        data.bytes() == before,
        "the data file is byte for byte what it was"
    );
    assert_eq!(
        data.names(),
        [FILE],
        "no temp, backup or log file beside it"
    );

    let files = recovery_files(home);
    assert_eq!(files.len(), 1, "one recovery file: {files:?}");
    let kept = files[0].clone();
    assert_eq!(
        kept.extension().and_then(|e| e.to_str()),
        Some("ron"),
        "{kept:?}"
    );
    let mode = std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the recovery file is private: {mode:o}");
    // The message wraps at 80 columns; the lines joined again hold it whole.
    let joined: String = screen.lines().collect();
    assert!(
        joined.contains(&format!("{KEPT}{}", kept.display())),
        "pantau said where the edits are:\n{screen}"
    );
    let text = std::fs::read_to_string(&kept).unwrap();
    assert!(
        text.contains(&data.plan.display().to_string()),
        "keyed to the data file"
    );
    kept
}

/// Opens the plan again with the same HOME: the recovery question comes first.
fn reopen_to_the_recovery_question(data: &Data, home: &Path) -> Officer {
    Officer::open_to(&data.plan, home, "andi", "the recovery question", |s| {
        s.contains(RECOVER) && s.contains(RECOVER_KEYS)
    })
}

#[test]
fn sighup_keeps_the_edit_for_recovery_and_r_restores_it_unsaved_then_ctrl_s_saves_it() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let kept = edit_then_signal(&data, home.path(), "HUP");

    let andi = reopen_to_the_recovery_question(&data, home.path());
    andi.key("r");
    andi.wait("the edits restored", |s| {
        bottom_line(s).contains(RECOVERED) && !s.contains(RECOVER_KEYS)
    });
    assert!(andi.file_state().contains(" [+]"), "restored, not saved");
    assert_eq!(data.bytes(), example().as_bytes(), "not saved yet");
    let screen = andi.governance_programs();
    assert!(row_shows(&screen, "GOV-01", Status::Done), "{screen}");

    andi.save();
    assert!(!kept.exists(), "the recovery file is gone once saved");
    assert_eq!(recovery_files(home.path()), Vec::<PathBuf>::new());
    assert!(!andi.file_state().contains(" [+]"));
    andi.quit_unprompted();
    assert_eq!(load(&data.plan), example_with(&[("GOV-01", Status::Done)]));
    let log = data.log(home.path(), &[]);
    assert_eq!(log.len(), 1, "{}", log.join("\n"));
    assert!(log[0].ends_with(&logged("andi", "GOV-01", "status", "InProgress", "Done")));
}

#[test]
fn sighup_keeps_the_edit_for_recovery_and_d_discards_it() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let kept = edit_then_signal(&data, home.path(), "HUP");

    let andi = reopen_to_the_recovery_question(&data, home.path());
    andi.key("d");
    let screen = andi.wait("the question gone", |s| {
        looks::dashboard(s) && !s.contains(RECOVER)
    });
    assert!(!bottom_line(&screen).contains(RECOVERED), "{screen}");
    assert!(!kept.exists(), "the recovery file is gone");
    assert!(!andi.file_state().contains(" [+]"), "nothing restored");
    let screen = andi.governance_programs();
    assert!(row_shows(&screen, "GOV-01", Status::InProgress), "{screen}");
    andi.quit_unprompted();
    assert_eq!(data.bytes(), example().as_bytes(), "the file is untouched");
    assert_eq!(data.names(), [FILE]);
    drop(andi);

    // And the next start asks nothing.
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.quit_unprompted();
}

#[test]
fn after_a_hang_up_the_recovery_question_at_40x12_is_not_hidden_and_d_does_not_drop_the_kept_edits()
{
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let kept = edit_then_signal(&data, home.path(), "HUP");

    let andi = reopen_to_the_recovery_question(&data, home.path());
    andi.tmux.resize(40, 12);
    andi.wait("too small, saying a question is open", |s| {
        looks::too_small(s) && s.contains("A question or a form is open")
    });
    andi.key("d");
    andi.wait("d refused under the size", |s| {
        looks::too_small(s) && s.contains("Not done")
    });
    assert!(kept.exists(), "the kept edits stay");
    andi.tmux.resize(80, 24);
    andi.wait("the recovery question again", |s| {
        s.contains(RECOVER) && s.contains(RECOVER_KEYS)
    });
    andi.key("r");
    andi.wait("the edits restored", |s| {
        bottom_line(s).contains(RECOVERED) && !s.contains(RECOVER_KEYS)
    });
    let screen = andi.governance_programs();
    assert!(row_shows(&screen, "GOV-01", Status::Done), "{screen}");
}

#[test]
fn sigterm_keeps_the_edit_like_sighup() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let kept = edit_then_signal(&data, home.path(), "TERM");

    let andi = reopen_to_the_recovery_question(&data, home.path());
    andi.key("r");
    andi.wait("the edits restored", |s| bottom_line(s).contains(RECOVERED));
    let screen = andi.governance_programs();
    assert!(
        row_shows(&screen, "GOV-01", Status::Done),
        "the edit is back:\n{screen}"
    );
    // Saved this time through the quit question.
    andi.key("q");
    andi.wait("the save-changes prompt", |s| {
        s.contains("Save changes before quitting?")
    });
    andi.key("y");
    andi.wait_for_clean_exit("pantau to save and quit on y");
    assert!(!kept.exists(), "the recovery file is gone once saved");
    assert_eq!(load(&data.plan), example_with(&[("GOV-01", Status::Done)]));
}

#[test]
fn sighup_or_sigterm_without_edits_writes_no_recovery_file() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    for name in ["HUP", "TERM"] {
        let data = Data::new();
        let home = TempDir::new().unwrap();
        let andi = Officer::start(&data.plan, home.path(), "andi");
        // Looking around is not editing.
        andi.governance_programs();
        andi.key("j");
        andi.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
        let pid = pantau_on(&data.plan);
        let sent = Instant::now();
        signal(pid, name);
        let (screen, took) = wait_bounded(
            &andi.tmux,
            sent,
            STOPS_WITHIN,
            &format!("pantau to end after SIG{name}"),
            |s| s.contains(EXITED),
        );
        note(&format!(
            "SIG{name} without edits: pantau ended within {} ms, {}",
            took.as_millis(),
            line_with(&screen, EXITED).trim()
        ));
        assert!(!screen.contains(KEPT), "nothing kept:\n{screen}");
        assert_eq!(
            andi.tmux.format("#{alternate_on}"),
            "0",
            "terminal restored"
        );
        assert_eq!(
            recovery_files(home.path()),
            Vec::<PathBuf>::new(),
            "SIG{name}: no recovery file"
        );
        assert!(data.bytes() == example().as_bytes());
        assert_eq!(data.names(), [FILE]);
    }
}

// ---------------------------------------------------------------------------
// Stress

#[test]
fn stress_ten_concurrent_pantau_set_calls_on_different_programs_all_land() {
    let _alone = alone();
    const ROUNDS: usize = 5;
    const AT_ONCE: usize = 10;
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let mut expected = original();
    let ids: Vec<String> = expected.programs.iter().map(|p| p.id.clone()).collect();
    let started = Instant::now();
    for round in 0..ROUNDS {
        let round_started = Instant::now();
        let chosen: Vec<&String> = (0..AT_ONCE)
            .map(|k| &ids[(round * AT_ONCE + k) % ids.len()])
            .collect();
        let children: Vec<_> = chosen
            .iter()
            .enumerate()
            .map(|(k, id)| {
                let note = format!("stress round {round} by officer{k}");
                let mut command = Command::new(BIN);
                command
                    .arg("set")
                    .arg("-f")
                    .arg(&data.plan)
                    .arg(id.as_str())
                    .arg(format!("notes={note}"))
                    .env("HOME", home.path())
                    .env("USER", format!("officer{k}"))
                    .env("PANTAU_OFFICER", format!("officer{k}"))
                    .env("LANG", "C.UTF-8")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                for var in UNSET.iter().filter(|v| **v != "USER") {
                    command.env_remove(var);
                }
                command.env_remove("LC_ALL").env_remove("LC_MESSAGES");
                (
                    k,
                    id.to_string(),
                    note,
                    command.spawn().expect("pantau set starts"),
                )
            })
            .collect();
        for (k, id, note, child) in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: pantau set {id} (officer{k}) failed: {}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            program_mut(&mut expected, &id).notes = note;
        }
        assert_eq!(
            load(&data.plan),
            expected,
            "round {round}: all {AT_ONCE} changes landed and nothing else changed"
        );
        let check = data.cli(home.path(), "auditor", &["check", "{plan}"]);
        assert!(check.status.success(), "pantau check: {check:?}");
        assert_eq!(
            data.names(),
            [
                FILE.to_string(),
                format!("{FILE}.bak"),
                format!("{FILE}.journal")
            ],
            "round {round}: no temp files left"
        );
        let log = data.log(home.path(), &[]);
        assert_eq!(log.len(), AT_ONCE * (round + 1), "{}", log.join("\n"));
        let this_round: Vec<&String> = log
            .iter()
            .filter(|l| l.contains(&format!("-> stress round {round} by ")))
            .collect();
        assert_eq!(this_round.len(), AT_ONCE, "round {round}'s log lines");
        for (k, id) in chosen.iter().enumerate() {
            let wanted = format!(" [officer{k}] (local)  {id} notes: ");
            let ending = format!("-> stress round {round} by officer{k}");
            assert!(
                this_round
                    .iter()
                    .any(|l| l.contains(&wanted) && l.ends_with(&ending)),
                "round {round}: the log names officer{k} and {id}:\n{}",
                log.join("\n")
            );
        }
        note(&format!(
            "concurrent set, round {round}: {AT_ONCE} calls landed in {} ms",
            round_started.elapsed().as_millis()
        ));
    }
    note(&format!(
        "concurrent set: {ROUNDS} rounds × {AT_ONCE} calls, {} changes, all landed and logged, {:.1} s",
        ROUNDS * AT_ONCE,
        started.elapsed().as_secs_f64()
    ));
}

/// How a `pantau set` under `kill -9` ended: how far its save had got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Killed; the file is the old version.
    KilledOld,
    /// Killed after the new version was in place (before the process ended).
    KilledNew,
    /// It finished before the kill.
    Finished,
}

/// Where in the run a kill was aimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aim {
    /// Not killed: watched closely to measure the save window.
    Watched,
    /// 0–150 ms after the start: still reading the file (a debug build takes
    /// seconds to get to its save).
    Start,
    /// Inside the save, before the rename: at a random offset after its
    /// temporary file appeared, shorter than any rename seen so far took
    /// (writing, syncing, keeping the backup).
    BeforeRename,
    /// Inside the save, after the rename: at a random delay after the new
    /// version was seen in place, shorter than any process took from there
    /// to its end (syncing the folder, appending to the audit log, exiting).
    AfterRename,
}

/// Whether `dir` holds a temporary file of the save by process `pid` of `name`
/// (`.NAME.pantau-PID-N-NANOS.tmp`, see `store::temp_path`).
fn save_temp_exists(dir: &Path, name: &str, pid: u32) -> bool {
    let prefix = format!(".{name}.pantau-{pid}-");
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let file = e.file_name();
            let file = file.to_string_lossy();
            file.starts_with(&prefix) && file.ends_with(".tmp")
        })
    })
}

/// Whether `file` is one of the temporary files process `pid` writes while
/// saving `name`: the new version, or the backup's staging link.
fn own_temp(file: &str, name: &str, pid: u32) -> bool {
    (file.starts_with(&format!(".{name}.pantau-{pid}-"))
        || file.starts_with(&format!("{name}.bak.pantau-{pid}-")))
        && file.ends_with(".tmp")
}

/// What watching a running `pantau set` saw, and when.
#[derive(Default)]
struct Seen {
    /// Its save's temporary file.
    temp: Option<Instant>,
    /// The new version in place (the plan's inode changed).
    renamed: Option<Instant>,
    /// The process's end, by itself.
    exited: Option<Instant>,
}

/// Watches `child` (a `pantau set` on `dir/name`, whose inode was
/// `old_inode`) every 100 µs until `stop` says so or the process ends.
fn watch(
    child: &mut std::process::Child,
    dir: &Path,
    name: &str,
    old_inode: u64,
    mut stop: impl FnMut(&Seen) -> bool,
) -> Seen {
    let pid = child.id();
    let plan = dir.join(name);
    let mut seen = Seen::default();
    loop {
        if child.try_wait().unwrap().is_some() {
            seen.exited = Some(Instant::now());
            return seen;
        }
        let now = Instant::now();
        if seen.temp.is_none() && save_temp_exists(dir, name, pid) {
            seen.temp = Some(now);
        }
        if seen.renamed.is_none() && std::fs::metadata(&plan).is_ok_and(|m| m.ino() != old_inode) {
            seen.renamed = Some(now);
            // A temporary file that came and went between two looks.
            seen.temp.get_or_insert(now);
        }
        if stop(&seen) {
            return seen;
        }
        std::thread::sleep(Duration::from_micros(100));
    }
}

/// `kill -9` at moments inside saves of a 10,000-program file (about 10 MB):
/// whatever moment the kill lands, the file is the old version or the new
/// one, whole, and `.bak` is a whole previous version.
///
/// A save is a few tens of milliseconds at the end of a run of seconds
/// (reading and checking 10 MB in a debug build), so kills at random moments
/// of a run would almost never land inside one. Instead every run is watched
/// (every 100 µs): when its temporary file appears, when the rename puts the
/// new version in place, when the process ends. A first, unkilled run
/// measures that on this machine; then, aiming at whichever outcome has been
/// seen less, a run is killed either at a random offset after its temporary
/// file appeared, shorter than any rename seen so far took, or at a random
/// delay after its rename was seen, shorter than any process took from there
/// to its end. Every run that gets that far adds to what is known. The test
/// fails unless kills landed both before the rename (the old version left)
/// and after it (the new one) at least once.
/// It stops once each has been hit a few times, or when its time budget
/// (`PANTAU_STRESS_SECS`, 40 s by default) is spent; while one of the two
/// has not been hit yet, it goes on aiming for up to half as long again.
#[test]
fn stress_kill_9_during_saves_of_a_10000_program_file_leaves_it_whole() {
    let _alone = alone();
    let budget = Duration::from_secs(
        std::env::var("PANTAU_STRESS_SECS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(40),
    );
    // Only while a kind of kill inside the save is still missing.
    let extended = budget + budget / 2;
    /// Enough hits of each outcome to stop early.
    const ENOUGH: usize = 3;
    /// At most this many aimed runs.
    const MAX_AIMED: usize = 30;
    let seed = std::env::var("PANTAU_STRESS_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    let mut rng = generator::Rng::new(seed);
    let data = TempDir::new().unwrap();
    let home = TempDir::new().unwrap();
    const NAME: &str = "big.ron";
    let plan = data.path().join(NAME);
    let backup = data.path().join(format!("{NAME}.bak"));
    let made = Instant::now();
    std::fs::write(&plan, generator::generate_text(10_000, 7)).unwrap();
    let mut old = std::fs::read(&plan).unwrap();
    let mut old_backup: Option<Vec<u8>> = None;
    let mut expected = load(&plan);
    assert_eq!(expected.programs.len(), 10_000);
    note(&format!(
        "kill -9: seed {seed}; {} bytes generated and loaded in {:.1} s",
        old.len(),
        made.elapsed().as_secs_f64()
    ));

    let started = Instant::now();
    let mut outcomes: Vec<(Aim, Outcome, String)> = Vec::new();
    let mut leftovers: Vec<String> = Vec::new();
    let mut landed: Vec<(String, String)> = Vec::new();
    // How long saves took here: from the temporary file to the rename, and
    // from the rename to the process's end.
    let mut renames: Vec<Duration> = Vec::new();
    let mut tails: Vec<Duration> = Vec::new();
    let mut longest_run = Duration::ZERO;
    let mut aimed = 0;
    let mut i = 0;
    loop {
        let hits = |o: Outcome| {
            outcomes
                .iter()
                .filter(|(a, out, _)| {
                    matches!(a, Aim::BeforeRename | Aim::AfterRename) && *out == o
                })
                .count()
        };
        let (old_hits, new_hits) = (hits(Outcome::KilledOld), hits(Outcome::KilledNew));
        let calibrating = renames.is_empty() || tails.is_empty();
        // Every other run is a cheap kill at the start; the rest aim at the save.
        let aim = if calibrating {
            Aim::Watched
        } else if i % 2 == 1 {
            Aim::Start
        } else if old_hits <= new_hits {
            Aim::BeforeRename
        } else {
            Aim::AfterRename
        };
        if matches!(aim, Aim::BeforeRename | Aim::AfterRename)
            && ((old_hits >= ENOUGH && new_hits >= ENOUGH)
                || aimed >= MAX_AIMED
                // Only a run that fits in what is left of the budget.
                || started.elapsed() + longest_run
                    > if old_hits > 0 && new_hits > 0 {
                        budget
                    } else {
                        extended
                    })
        {
            break;
        }
        let id = format!("GEN-{:05}", 1 + rng.below(10_000));
        let value = format!("kill9 {i} {:x}", rng.next_u64());
        let mut command = Command::new(BIN);
        command
            .args(["set", "-f"])
            .arg(&plan)
            .arg(&id)
            .arg(format!("notes={value}"))
            .env("HOME", home.path())
            .env("USER", "stress")
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for var in UNSET.iter().filter(|v| **v != "USER") {
            command.env_remove(var);
        }
        let old_inode = std::fs::metadata(&plan).unwrap().ino();
        let spawned = Instant::now();
        let mut child = command.spawn().expect("pantau set starts");
        let pid = child.id();
        // Where an aimed kill went: "N ms after the temp file/rename".
        let mut offset = None;
        let seen = match aim {
            Aim::Start => {
                std::thread::sleep(Duration::from_millis(rng.below(151)));
                Seen::default()
            }
            // Unkilled, watched to its end.
            Aim::Watched => watch(&mut child, data.path(), NAME, old_inode, |_| false),
            Aim::BeforeRename => {
                let shortest = *renames.iter().min().unwrap();
                let at = Duration::from_micros(rng.below(shortest.as_micros() as u64 * 4 / 5 + 1));
                offset = Some(format!(
                    "{:.1} ms after the temp file",
                    at.as_secs_f64() * 1e3
                ));
                watch(&mut child, data.path(), NAME, old_inode, |s| {
                    s.renamed.is_some() || s.temp.is_some_and(|t| t.elapsed() >= at)
                })
            }
            Aim::AfterRename => {
                let shortest = *tails.iter().min().unwrap();
                let at = Duration::from_micros(rng.below(shortest.as_micros() as u64 / 2 + 1));
                offset = Some(format!("{:.1} ms after the rename", at.as_secs_f64() * 1e3));
                watch(&mut child, data.path(), NAME, old_inode, |s| {
                    s.renamed.is_some_and(|r| r.elapsed() >= at)
                })
            }
        };
        if let (Some(temp), Some(renamed)) = (seen.temp, seen.renamed) {
            renames.push(renamed - temp);
        }
        if let (Some(renamed), Some(exited)) = (seen.renamed, seen.exited) {
            tails.push(exited - renamed);
        }
        // SIGKILL; a process that already ended is not an error.
        let _ = child.kill();
        let at = spawned.elapsed();
        let status = child.wait().unwrap();
        longest_run = longest_run.max(spawned.elapsed());
        let killed = status.signal() == Some(9);
        if !killed {
            let mut stderr = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut stderr);
            }
            assert!(
                status.success(),
                "run {i}: pantau set {id} ended by itself but failed: {status}\n{stderr}"
            );
        }

        let now = std::fs::read(&plan).unwrap();
        let outcome = if now == old {
            // Byte for byte the version that loaded before.
            assert!(
                killed,
                "run {i}: pantau set {id} succeeded but the file did not change"
            );
            // The backup is whole too: the one before, or, if the kill came
            // after the save had kept it, the version still in place.
            let bak = std::fs::read(&backup).ok();
            assert!(
                bak == old_backup || bak.as_ref() == Some(&old),
                "run {i}: after kill -9 ({aim:?}) the backup is neither the previous backup nor the current version"
            );
            old_backup = bak;
            Outcome::KilledOld
        } else {
            let loaded = match pantau::store::load(&plan) {
                Ok(doc) => doc.plan,
                Err(e) => panic!(
                    "run {i}: after kill -9 {} ms in ({aim:?}) the file does not load: {}",
                    at.as_millis(),
                    e.render(&EN)
                ),
            };
            program_mut(&mut expected, &id).notes = value.clone();
            assert!(
                loaded == expected,
                "run {i}: the file is neither the old version nor the old one with {id}'s note"
            );
            let bak = std::fs::read(&backup).unwrap();
            assert!(bak == old, "run {i}: the backup is the previous version");
            old_backup = Some(bak);
            old = now;
            landed.push((id.clone(), value.clone()));
            if killed {
                Outcome::KilledNew
            } else {
                Outcome::Finished
            }
        };

        // Only the killed process's own temporary files may be left, never under the data file's name.
        for name in names_in(data.path(), NAME) {
            if name == NAME || name == format!("{NAME}.bak") || name == format!("{NAME}.journal") {
                continue;
            }
            assert!(
                killed && own_temp(&name, NAME, pid),
                "run {i}: {name} left beside the plan (pid {pid}, {outcome:?})"
            );
            // pantau sweeps these at its next save; removed here so that each
            // run starts from the same folder.
            std::fs::remove_file(data.path().join(&name)).unwrap();
            leftovers.push(name);
        }

        if offset.is_some() {
            aimed += 1;
        }
        if calibrating {
            match (renames.last(), tails.last()) {
                (Some(rename), Some(tail)) => note(&format!(
                    "kill -9: a save on this machine: the new version in place {} µs after its temporary file appeared, the process gone {} µs after that; a whole run {} ms",
                    rename.as_micros(),
                    tail.as_micros(),
                    at.as_millis()
                )),
                _ => assert!(
                    started.elapsed() < extended,
                    "kill -9: never saw a save's temporary file, its rename and the end in {} runs",
                    i + 1
                ),
            }
        }
        outcomes.push((
            aim,
            outcome,
            offset.unwrap_or_else(|| format!("{} ms after the start", at.as_millis())),
        ));
        i += 1;
    }

    // The log records only changes that landed, each at most once.
    let log = pantau::store::audit::read(&plan).unwrap();
    let logged: BTreeSet<(String, String)> = log
        .iter()
        .map(|e| (e.subject.clone(), e.new.clone()))
        .collect();
    assert_eq!(logged.len(), log.len(), "no change logged twice");
    for entry in &log {
        assert!(
            landed.contains(&(entry.subject.clone(), entry.new.clone())),
            "logged but not in the file: {entry:?}"
        );
    }
    let unlogged: Vec<&(String, String)> = landed.iter().filter(|l| !logged.contains(l)).collect();

    let count = |aim: Aim, outcome: Outcome| {
        outcomes
            .iter()
            .filter(|(a, o, _)| *a == aim && *o == outcome)
            .count()
    };
    for aim in [
        Aim::Watched,
        Aim::BeforeRename,
        Aim::AfterRename,
        Aim::Start,
    ] {
        note(&format!(
            "kill -9 aimed {aim:?}: {} killed with the old version, {} killed after the new one was in place, {} finished first",
            count(aim, Outcome::KilledOld),
            count(aim, Outcome::KilledNew),
            count(aim, Outcome::Finished)
        ));
    }
    let inside: Vec<String> = outcomes
        .iter()
        .filter(|(a, _, _)| matches!(a, Aim::BeforeRename | Aim::AfterRename))
        .map(|(_, o, when)| format!("{o:?} {when}"))
        .collect();
    note(&format!(
        "kill -9: {} runs in {:.1} s, aimed inside the save: {inside:?}; \
         the file always loaded as the old or the new version; {} changes landed, {} logged{}; \
         {} temp files left by killed processes: {:?}",
        outcomes.len(),
        started.elapsed().as_secs_f64(),
        landed.len(),
        log.len(),
        if unlogged.is_empty() {
            String::new()
        } else {
            format!(" (landed without a log line: {unlogged:?})")
        },
        leftovers.len(),
        leftovers
    ));
    let inside =
        |outcome: Outcome| count(Aim::BeforeRename, outcome) + count(Aim::AfterRename, outcome);
    let (old_hits, new_hits) = (inside(Outcome::KilledOld), inside(Outcome::KilledNew));
    assert!(
        old_hits > 0 && new_hits > 0,
        "kill -9 never landed inside a save on {} (before the rename {old_hits} times, after it {new_hits} times, \
         in {aimed} aimed runs): the claim was not exercised",
        if old_hits == 0 {
            "its first half"
        } else {
            "its second half"
        }
    );
}

/// Two sessions of one login on one plan, each with its own edit, both cut
/// off: two recovery files; the next start offers each with what it holds
/// (oldest first), `d` drops one, `r` restores the other, and quitting
/// without saving leaves nothing to offer again.
#[test]
fn two_sessions_of_one_login_keep_their_edits_apart_and_each_is_offered() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    assert_eq!(program(&original(), "GOV-02").status, Status::Operating);
    let one = Officer::start(&data.plan, home.path(), "andi");
    one.governance_programs();
    one.next_status_of("GOV-01", Status::Done);
    let two = Officer::start(&data.plan, home.path(), "andi");
    two.governance_programs();
    two.key("j");
    two.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
    two.next_status_of("GOV-02", Status::Delayed);
    for session in [&one, &two] {
        signal(session.pid, "HUP");
        session.wait("pantau to end after SIGHUP", |s| s.contains(EXITED));
        // Written a second apart at least, so "oldest first" is well defined.
        std::thread::sleep(Duration::from_millis(1100));
    }
    assert_eq!(
        recovery_files(home.path()).len(),
        2,
        "one file per session, neither overwritten"
    );
    assert_eq!(data.bytes(), example().as_bytes());

    let andi = Officer::open_to(
        &data.plan,
        home.path(),
        "andi",
        "the first kept session",
        |s| s.contains(RECOVER) && s.contains("GOV-01 status"),
    );
    andi.key("d");
    andi.wait("the second kept session", |s| {
        s.contains(RECOVER) && s.contains("GOV-02 status") && !s.contains("GOV-01 status")
    });
    assert_eq!(
        recovery_files(home.path()).len(),
        1,
        "the discarded one is gone"
    );
    andi.key("r");
    andi.wait("the edits restored", |s| {
        bottom_line(s).contains(RECOVERED) && !s.contains(RECOVER_KEYS)
    });
    let screen = andi.governance_programs();
    assert!(row_shows(&screen, "GOV-02", Status::Delayed), "{screen}");
    assert!(row_shows(&screen, "GOV-01", Status::InProgress), "{screen}");
    andi.key("q");
    andi.wait("the save-changes prompt", |s| {
        s.contains("Save changes before quitting?")
    });
    andi.key("n");
    andi.wait_for_clean_exit("pantau to quit without saving on n");
    assert_eq!(data.bytes(), example().as_bytes(), "nothing saved");
    assert_eq!(
        recovery_files(home.path()),
        Vec::<PathBuf>::new(),
        "restored then quit without saving: nothing is offered again"
    );
    drop(andi);
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.quit_unprompted();
}

/// A kept plan that is not valid (edited by hand, or from a pantau with
/// other rules) is refused with the reason and stays for a person to see;
/// the session is not left unable to edit.
#[test]
fn an_invalid_kept_plan_is_not_restored_and_stays_in_its_file() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let kept = edit_then_signal(&data, home.path(), "HUP");
    let text = std::fs::read_to_string(&kept).unwrap();
    let name = program(&original(), "GOV-01").name.clone();
    let broken = text.replacen(&format!("name:\"{name}\""), "name:\"\"", 2);
    assert_ne!(broken, text, "the kept plan names GOV-01");
    std::fs::write(&kept, broken).unwrap();
    let andi = reopen_to_the_recovery_question(&data, home.path());
    andi.key("r");
    let screen = andi.wait("the refusal", |s| bottom_line(s).contains("Not restored"));
    assert!(!screen.contains(RECOVER_KEYS), "{screen}");
    assert!(kept.exists(), "the kept edits stay in their file");
    let screen = andi.governance_programs();
    assert!(row_shows(&screen, "GOV-01", Status::InProgress), "{screen}");
    andi.next_status_of("GOV-01", Status::Done);
    andi.save();
    andi.quit_unprompted();
    assert_eq!(load(&data.plan), example_with(&[("GOV-01", Status::Done)]));
}

// ---------------------------------------------------------------------------
// Nothing an officer did is lost: merges at the grain officers work at

/// The numbers (from 1) of GOV-01's first two open milestones in the example.
fn two_open_milestones() -> (usize, usize) {
    let open: Vec<usize> = program(&original(), "GOV-01")
        .milestones
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.done)
        .map(|(i, _)| i + 1)
        .collect();
    assert!(
        open.len() >= 2,
        "the example's GOV-01 has two open milestones"
    );
    (open[0], open[1])
}

#[test]
fn a_form_open_during_another_officers_save_writes_only_the_field_changed_in_it() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let before = program(&original(), "GOV-02").clone();
    assert_ne!(before.status, Status::Delayed);
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.key("j");
    andi.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
    andi.key("e");
    andi.wait("the form", |s| s.contains("Lead") && s.contains("Status"));
    data.set(home.path(), "budi", "GOV-02", "status=Delayed");
    let screen = andi.wait("the form to show budi's change", |s| {
        s.contains("Changed by someone else") && s.contains("* now Delayed")
    });
    assert!(
        line_with(&screen, "Status").contains("Delayed"),
        "the status field shows the new value:\n{screen}"
    );
    // Tab to the lead (name, id, description, dimension, element, horizon, lead).
    for _ in 0..6 {
        andi.key("Tab");
    }
    andi.key("C-u");
    andi.tmux.type_text("Dinas PMD");
    andi.key("Enter");
    andi.wait("the form accepted", |s| {
        !s.contains("Changed by someone else")
    });
    andi.save();
    andi.quit_unprompted();
    let after = load(&data.plan);
    let p = program(&after, "GOV-02");
    assert_eq!((p.status, p.lead.as_str()), (Status::Delayed, "Dinas PMD"));
    let log = data.log(home.path(), &[]);
    assert!(
        log[0].contains("[andi]") && log[0].contains("GOV-02 lead:") && log.len() == 2,
        "andi is logged for the lead only:\n{}",
        log.join("\n")
    );
    assert!(log[1].ends_with(&logged(
        "budi",
        "GOV-02",
        "status",
        before.status.key(),
        "Delayed"
    )));
}

#[test]
fn two_officers_ticking_different_milestones_of_one_programme_both_keep_them() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let (mine, theirs) = two_open_milestones();
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.key("Enter");
    andi.wait("GOV-01's detail", |s| looks::detail(s, "GOV-01"));
    for _ in 1..mine {
        andi.key("j");
    }
    andi.key("Space");
    andi.wait("the milestone ticked", |s| {
        bottom_line(s).contains("Done: ")
    });
    data.set(
        home.path(),
        "budi",
        "GOV-01",
        &format!("milestone.{theirs}.done=true"),
    );
    andi.wait("the changed-on-disk notice", |s| {
        bottom_line(s).contains(CHANGED_ON_DISK)
    });
    let screen = andi.save();
    assert!(
        bottom_line(&screen).contains(MERGED) && !screen.contains(CONFLICT_KEYS),
        "merged without a question:\n{screen}"
    );
    andi.quit_unprompted();
    let done: Vec<bool> = program(&load(&data.plan), "GOV-01")
        .milestones
        .iter()
        .map(|m| m.done)
        .collect();
    assert!(
        done[mine - 1] && done[theirs - 1],
        "both ticks are in the file: {done:?}"
    );
}

#[test]
fn a_reorder_survives_another_officers_save_and_undo_after_the_merge_is_mine_only() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let base = original();
    let ids = |plan: &Plan| -> Vec<String> {
        plan.programs.iter().take(3).map(|p| p.id.clone()).collect()
    };
    assert_eq!(ids(&base), ["GOV-01", "GOV-02", "GOV-03"]);
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.key("J");
    andi.wait("GOV-01 moved below GOV-02", |s| {
        looks::program_selected(s, "GOV-01")
            && s.find(" GOV-02 ")
                .is_some_and(|at| Some(at) < s.find("> GOV-01 "))
    });
    andi.next_status_of("GOV-01", next_status(program(&base, "GOV-01").status));
    data.set(home.path(), "budi", "GOV-04", "status=OnHold");
    andi.wait("the changed-on-disk notice", |s| {
        bottom_line(s).contains(CHANGED_ON_DISK)
    });
    let screen = andi.save();
    assert!(bottom_line(&screen).contains(MERGED), "{screen}");
    let merged = load(&data.plan);
    assert_eq!(
        ids(&merged),
        ["GOV-02", "GOV-01", "GOV-03"],
        "the move stays"
    );
    assert_eq!(program(&merged, "GOV-04").status, Status::OnHold);

    // One u takes back andi's status change, not budi's.
    andi.key("u");
    let screen = andi.wait("undone", |s| bottom_line(s).contains("Undone"));
    assert!(row_shows(&screen, "GOV-04", Status::OnHold), "{screen}");
    assert!(
        row_shows(&screen, "GOV-01", program(&base, "GOV-01").status),
        "{screen}"
    );
    andi.save();
    let saved = load(&data.plan);
    assert_eq!(program(&saved, "GOV-04").status, Status::OnHold);
    assert_eq!(
        program(&saved, "GOV-01").status,
        program(&base, "GOV-01").status
    );
    let log = data.log(home.path(), &[]);
    assert!(
        !log.iter()
            .any(|l| l.contains("[andi]") && l.contains("GOV-04")),
        "nothing of budi's is logged as andi's:\n{}",
        log.join("\n")
    );

    // A reload keeps the history: u still undoes the move.
    data.set(home.path(), "budi", "GOV-03", "status=Delayed");
    andi.wait("the reload", |s| bottom_line(s).contains(RELOADED));
    andi.key("u");
    let screen = andi.wait("the move undone", |s| bottom_line(s).contains("Undone"));
    assert!(row_shows(&screen, "GOV-03", Status::Delayed), "{screen}");
    andi.save();
    andi.quit_unprompted();
    let last = load(&data.plan);
    assert_eq!(ids(&last), ["GOV-01", "GOV-02", "GOV-03"]);
    assert_eq!(program(&last, "GOV-03").status, Status::Delayed);
}

#[test]
fn an_edit_of_the_top_comment_by_someone_else_survives_this_sessions_saves() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let base = original();
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.next_status_of("GOV-01", next_status(program(&base, "GOV-01").status));
    // Someone adds a line to the comment at the top, by hand.
    let note = "// Catatan rapat 2 Desember: cek ulang target 2026.\n";
    let text = String::from_utf8(data.bytes()).unwrap();
    std::fs::write(&data.plan, format!("{note}{text}")).unwrap();
    andi.wait("the changed-on-disk notice", |s| {
        bottom_line(s).contains(CHANGED_ON_DISK)
    });
    andi.save();
    let now = String::from_utf8(data.bytes()).unwrap();
    assert!(now.starts_with(note), "the comment stays:\n{}", &now[..200]);
    // And the next save, with nothing new on disk, keeps it too.
    andi.key("j");
    andi.next_status_of("GOV-02", next_status(program(&base, "GOV-02").status));
    andi.save();
    andi.quit_unprompted();
    let now = String::from_utf8(data.bytes()).unwrap();
    assert!(now.starts_with(note), "still there:\n{}", &now[..200]);
    assert_eq!(
        program(&load(&data.plan), "GOV-01").status,
        next_status(program(&base, "GOV-01").status)
    );
}

#[test]
fn a_dimension_renamed_by_someone_else_keeps_the_lead_changed_here() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.key("2");
    andi.wait("the dimension list", |s| {
        looks::dimension_selected(s, "Smart Governance")
    });
    andi.key("e");
    andi.wait("the dimension form", |s| s.contains("Elements"));
    andi.key("Tab");
    andi.key("C-u");
    andi.tmux.type_text("Diskominfo SP");
    andi.key("Enter");
    // The bar says what the form changed (it shows [+] again at the next key).
    andi.wait("the form accepted", |s| {
        !s.contains("Elements") && bottom_line(s).contains("Changed: dimension governance")
    });
    // Someone renames the dimension by hand meanwhile.
    let text = String::from_utf8(data.bytes()).unwrap();
    let renamed = text.replacen(
        "name: \"Smart Governance\"",
        "name: \"Tata Kelola Cerdas\"",
        1,
    );
    assert_ne!(renamed, text);
    std::fs::write(&data.plan, renamed).unwrap();
    andi.wait("the changed-on-disk notice", |s| {
        bottom_line(s).contains(CHANGED_ON_DISK)
    });
    let screen = andi.save();
    assert!(
        bottom_line(&screen).contains(MERGED) && !screen.contains(CONFLICT_KEYS),
        "{screen}"
    );
    andi.quit_unprompted();
    let plan = load(&data.plan);
    let d = plan.dimension("governance").unwrap();
    assert_eq!(
        (d.name.as_str(), d.lead.as_str()),
        ("Tata Kelola Cerdas", "Diskominfo SP"),
        "their name and my lead"
    );
}

/// Text typed in an open form when the link drops comes back in the form.
#[test]
fn text_typed_in_an_open_form_is_kept_and_the_form_opens_again_with_it() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let name = program(&original(), "GOV-01").name.clone();
    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.key("e");
    andi.wait("the form", |s| s.contains("Lead") && s.contains("Status"));
    andi.tmux.type_text(" (draf rapat");
    andi.wait("the typed text", |s| s.contains("(draf rapat"));
    signal(andi.pid, "HUP");
    andi.wait("pantau to end after SIGHUP", |s| s.contains(EXITED));
    assert_eq!(recovery_files(home.path()).len(), 1, "the form was kept");
    assert_eq!(data.bytes(), example().as_bytes());
    drop(andi);

    let andi = Officer::open_to(&data.plan, home.path(), "andi", "the question", |s| {
        s.contains(RECOVER) && s.contains("an open form")
    });
    andi.key("r");
    andi.wait("the form back with the text", |s| {
        s.contains("Edit program GOV-01") && s.contains("(draf rapat")
    });
    andi.tmux.type_text(")");
    andi.key("Enter");
    andi.wait("the form accepted", |s| !s.contains("Edit program"));
    andi.save();
    andi.quit_unprompted();
    assert_eq!(
        program(&load(&data.plan), "GOV-01").name,
        format!("{name} (draf rapat)")
    );
    assert_eq!(recovery_files(home.path()), Vec::<PathBuf>::new());
}

/// `--demo` works on a throwaway copy: a hang-up mid-edit ends it like any
/// session, and neither the copy nor a recovery file for it is left behind.
#[test]
fn a_demo_hung_up_mid_edit_leaves_neither_its_copy_nor_a_recovery_file() {
    if !tmux_or_skip() {
        return;
    }
    let home = tempfile::TempDir::new().unwrap();
    let tmp = tempfile::TempDir::new().unwrap();
    // `pantau --demo --today …` (the flag where the plan would go), with the
    // copy under a temporary folder of the test's own.
    let mut argv: Vec<OsString> = vec![
        "sh".into(),
        "-c".into(),
        format!(r#""$@"; echo "{EXITED}$?"; read -r _"#).into(),
        "sh".into(),
    ];
    let mut run = pantau_argv(home.path(), Path::new("--demo"), &[]);
    let at = run.iter().position(|a| a == BIN).unwrap();
    let mut tmpdir = OsString::from("TMPDIR=");
    tmpdir.push(tmp.path());
    run.insert(at, tmpdir);
    argv.extend(run);
    let tmux = Tmux::start((80, 24), &argv);
    tmux.wait_for("the demo's dashboard", looks::dashboard);
    let copies = || -> Vec<String> {
        std::fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("pantau-demo-"))
            .collect()
    };
    assert_eq!(copies().len(), 1, "the private copy is there while it runs");
    tmux.key("2");
    tmux.wait_for("the dimensions", looks::dimensions);
    tmux.key("Enter");
    tmux.wait_for("the programs", |s| looks::program_selected(s, "GOV-01"));
    tmux.keys_at_once(&["s", "j", "Enter"]);
    tmux.wait_for("an unsaved edit", |s| {
        bottom_line(s).contains("[+]") || bottom_line(s).contains("status is now")
    });
    let pid = pgrep(&["-f", &format!("^{} --demo", BIN.replace('.', "\\."))])
        .into_iter()
        .find(|&p| comm(p).as_deref() == Some("pantau"))
        .expect("the demo's pantau");
    signal(pid, "HUP");
    tmux.wait_for("pantau to end after SIGHUP", |s| s.contains(EXITED));
    assert!(copies().is_empty(), "the copy is gone: {:?}", copies());
    assert_eq!(
        recovery_files(home.path()),
        Vec::<PathBuf>::new(),
        "no recovery file for a copy that is gone"
    );
}

// ---------------------------------------------------------------------------
// New ids and renames between two sessions (issue 24)

/// The form field labelled `label` on `screen`, or "".
fn form_field<'a>(screen: &'a str, label: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(&format!("│{label} ")))
        .unwrap_or("")
}

/// `a` in Smart Governance's list: the new-programme form offering `id`,
/// `name` typed and accepted; the programme listed under `id`.
fn add_programme(officer: &Officer, id: &str, name: &str) {
    officer.key("a");
    let screen = officer.wait("the new-program form", |s| s.contains("New program"));
    assert!(
        form_field(&screen, "Id").contains(id),
        "{id} offered:\n{screen}"
    );
    officer.tmux.type_text(name);
    officer.wait("the name typed", |s| form_field(s, "Name").contains(name));
    officer.key("Enter");
    officer.wait(&format!("{id} listed"), |s| {
        !s.contains("New program") && row(s, id).contains(name)
    });
}

#[test]
fn two_officers_adding_a_programme_under_one_offered_id_both_keep_theirs() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let (home_a, home_b) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let count = original().programs.len();
    let andi = Officer::start(&data.plan, home_a.path(), "andi");
    let budi = Officer::start(&data.plan, home_b.path(), "budi");
    andi.governance_programs();
    budi.governance_programs();
    add_programme(&andi, "GOV-07", "Program Andi");
    add_programme(&budi, "GOV-07", "Program Budi");
    andi.save();
    budi.key("C-s");
    let told = "Your new programme is GOV-08: GOV-07 was taken by andi meanwhile";
    let screen = budi.wait("budi told his programme's new id", |s| {
        bottom_line(s).contains(told)
    });
    assert!(
        row(&screen, "GOV-07").contains("Program Andi")
            && row(&screen, "GOV-08").contains("Program Budi"),
        "budi's list shows both:\n{screen}"
    );
    assert!(!budi.file_state().contains(" [+]"), "budi: nothing unsaved");
    andi.wait("andi's session to reload budi's save", |s| {
        row(s, "GOV-08").contains("Program Budi")
    });
    andi.quit_unprompted();
    budi.quit_unprompted();
    let saved = load(&data.plan);
    assert_eq!(saved.programs.len(), count + 2);
    assert_eq!(program(&saved, "GOV-07").name, "Program Andi");
    assert_eq!(program(&saved, "GOV-08").name, "Program Budi");
    // Two additions in the log, each by its officer; no rename of andi's.
    let log = data.log(home_a.path(), &[]);
    let added: Vec<&String> = log.iter().filter(|l| l.contains("(program)")).collect();
    assert_eq!(added.len(), 2, "{}", log.join("\n"));
    assert!(
        added
            .iter()
            .any(|l| l.contains("[andi]") && l.contains("GOV-07"))
            && added
                .iter()
                .any(|l| l.contains("[budi]") && l.contains("GOV-08")),
        "{}",
        log.join("\n")
    );
}

#[test]
fn a_form_open_on_a_programme_renamed_meanwhile_follows_it_and_saves_onto_it() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let count = original().programs.len();
    let name = program(&original(), "GOV-02").name.clone();
    let budi = Officer::start(&data.plan, home.path(), "budi");
    budi.governance_programs();
    budi.key("j");
    budi.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
    budi.key("e");
    budi.wait("GOV-02's form", |s| form_field(s, "Name").contains(&name));
    budi.tmux.type_text(" baru");
    budi.wait("the text typed", |s| {
        form_field(s, "Name").contains(&format!("{name} baru"))
    });
    data.set(home.path(), "andi", "GOV-02", "id=GOV-20");
    let screen = budi.wait("the form to follow GOV-02 to GOV-20", |s| {
        form_field(s, "Id").contains("GOV-20")
    });
    assert!(
        !screen.contains("deleted") && form_field(&screen, "Name").contains(" baru"),
        "the form follows, the typed text kept:\n{screen}"
    );
    budi.key("Enter");
    budi.wait("the form accepted, GOV-20 selected", |s| {
        form_field(s, "Name").is_empty() && looks::program_selected(s, "GOV-20")
    });
    budi.save();
    budi.quit_unprompted();
    let saved = load(&data.plan);
    assert_eq!(saved.programs.len(), count, "no GOV-02 brought back");
    assert!(saved.programs.iter().all(|p| p.id != "GOV-02"));
    assert_eq!(program(&saved, "GOV-20").name, format!("{name} baru"));
}

/// Budi types in GOV-02's form while Andi, in a second pantau, deletes
/// GOV-02 and saves: Budi's form says so and Enter adds GOV-02 again as a
/// new programme with his text; his save keeps it, the log has Andi's
/// deletion and Budi's addition.
#[test]
fn a_form_open_on_a_programme_deleted_meanwhile_adds_it_again_with_the_typed_text_on_enter() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let count = original().programs.len();
    let was = program(&original(), "GOV-02").clone();
    let budi = Officer::start(&data.plan, home.path(), "budi");
    budi.governance_programs();
    budi.key("j");
    budi.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
    budi.key("e");
    budi.wait("GOV-02's form", |s| {
        form_field(s, "Name").contains(&was.name)
    });
    budi.tmux.type_text(" baru");
    budi.wait("the text typed", |s| {
        form_field(s, "Name").contains(&format!("{} baru", was.name))
    });

    let andi = Officer::start(&data.plan, home.path(), "andi");
    andi.governance_programs();
    andi.key("j");
    andi.wait("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
    andi.key("d");
    andi.wait("the delete question", |s| {
        s.contains("Delete program GOV-02")
    });
    andi.key("y");
    andi.wait("GOV-02 deleted", |s| {
        !s.contains("Delete program") && !in_box(s, "GOV-02 ")
    });
    andi.save();
    andi.quit_unprompted();

    let screen = budi.wait("the form to say GOV-02 was deleted", |s| {
        s.contains("GOV-02 was deleted meanwhile: Enter adds it again as new, Esc closes")
    });
    assert!(
        form_field(&screen, "Name").contains(" baru"),
        "the typed text is still there:\n{screen}"
    );
    budi.key("Enter");
    budi.wait("GOV-02 added again", |s| {
        bottom_line(s).contains("GOV-02 added again as a new programme, with your text")
    });
    budi.save();
    budi.quit_unprompted();
    let saved = load(&data.plan);
    assert_eq!(saved.programs.len(), count);
    let back = program(&saved, "GOV-02");
    assert_eq!(back.name, format!("{} baru", was.name));
    assert_eq!(
        back.milestones, was.milestones,
        "with its milestones as they were"
    );
    let log = data.log(home.path(), &[]);
    assert!(
        log.iter()
            .any(|l| l.contains("andi") && l.contains("GOV-02") && l.contains("(deleted)"))
            && log
                .iter()
                .any(|l| l.contains("budi") && l.contains("GOV-02")),
        "{}",
        log.join("\n")
    );
}

/// Andi's question shows "theirs: Delayed (by budi)"; while it is open,
/// citra saves On hold. Andi's answer "keep theirs" was about Delayed, a
/// value no longer in the file: the save asks again, showing On hold by
/// citra, and nothing is written until Andi answers that.
#[test]
fn a_question_gone_stale_while_open_is_asked_again_with_the_new_value() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let (data, home, andi, _) = conflict_prompt();
    data.set(home.path(), "citra", "GOV-01", "status=OnHold");
    let citras = data.bytes();
    andi.key("t");
    let screen = andi.wait("the question asked again", |s| {
        s.contains(CONFLICT_KEYS) && line_with(s, "theirs:").contains("On hold (by citra, ")
    });
    assert!(line_with(&screen, "mine:").contains("Done"), "{screen}");
    assert_eq!(data.bytes(), citras, "nothing written on the stale answer");
    andi.key("m");
    let screen = andi.wait("saved after m", |s| {
        has_time_after(bottom_line(s), "Saved at ") && !s.contains(CONFLICT_KEYS)
    });
    assert!(row_shows(&screen, "GOV-01", Status::Done), "{screen}");
    andi.quit_unprompted();
    assert_eq!(load(&data.plan), example_with(&[("GOV-01", Status::Done)]));
    let log = data.log(home.path(), &[]);
    assert!(
        log[0].ends_with(&logged("andi", "GOV-01", "status", "OnHold", "Done")),
        "{}",
        log.join("\n")
    );
}

/// The conflict question at 40×12: Andi's terminal shrinks while Budi's
/// value is asked about; m and t are refused unseen and nothing is written;
/// once larger, the same question is there and m answers it.
#[test]
fn a_conflict_question_at_40x12_refuses_m_and_t_until_it_can_be_read() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let (data, _home, andi, theirs) = conflict_prompt();
    andi.tmux.resize(40, 12);
    andi.wait("too small, saying a question is open", |s| {
        looks::too_small(s) && s.contains("A question or a form is open")
    });
    // Keys are read in order: once the question is back after the resize
    // below, these were refused (an answer would have closed it and saved).
    for key in ["m", "t", "Enter"] {
        andi.key(key);
    }
    andi.tmux.resize(80, 24);
    andi.wait("the same question again", |s| {
        s.contains(CONFLICT_KEYS) && line_with(s, "theirs:").contains("Delayed (by budi, ")
    });
    assert_eq!(data.bytes(), theirs, "nothing written at 40×12");
    andi.key("m");
    andi.wait("saved after m", |s| {
        has_time_after(bottom_line(s), "Saved at ") && !s.contains(CONFLICT_KEYS)
    });
    andi.quit_unprompted();
    assert_eq!(load(&data.plan), example_with(&[("GOV-01", Status::Done)]));
}

/// Budi deletes GOV-06 in a second pantau while Andi has its detail open:
/// Andi reads that Budi deleted it (from Budi's journal) and nothing is
/// selected; shrunk to 40×12, Space, s and d are refused; larger again, s
/// says nothing is selected; the file keeps Budi's save.
#[test]
fn a_programme_deleted_by_another_login_is_named_and_no_key_acts_at_80x24_or_40x12() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let to_gov_06 = |officer: &Officer| {
        officer.governance_programs();
        for _ in 0..5 {
            officer.key("j");
        }
        officer.wait("GOV-06 selected", |s| looks::program_selected(s, "GOV-06"));
    };
    let andi = Officer::start(&data.plan, home.path(), "andi");
    to_gov_06(&andi);
    andi.key("Enter");
    andi.wait("GOV-06's detail", |s| looks::detail(s, "GOV-06"));

    let budi = Officer::start(&data.plan, home.path(), "budi");
    to_gov_06(&budi);
    budi.key("d");
    budi.wait("the delete question", |s| {
        s.contains("Delete program GOV-06")
    });
    budi.key("y");
    budi.wait("GOV-06 deleted", |s| {
        !s.contains("Delete program") && !in_box(s, "GOV-06 ")
    });
    budi.save();
    budi.quit_unprompted();
    let budis = data.bytes();

    andi.wait("the notice naming budi", |s| {
        bottom_line(s).contains("GOV-06 was deleted by budi; nothing is selected")
    });
    andi.tmux.resize(40, 12);
    andi.wait("too small", looks::too_small);
    for key in ["Space", "s", "d"] {
        andi.key(key);
    }
    andi.wait("the keys refused under the size", |s| {
        looks::too_small(s) && s.contains("Not done")
    });
    andi.tmux.resize(80, 24);
    andi.wait("the full screen again, no question open", |s| {
        !looks::too_small(s) && !s.contains("Delete program")
    });
    andi.key("s");
    andi.wait("s refused: nothing selected", |s| {
        bottom_line(s).contains("Nothing is selected (GOV-06 was deleted)")
    });
    andi.quit_unprompted();
    assert_eq!(data.bytes(), budis, "Andi changed nothing");
}

/// Budi, in a second pantau, moves GOV-03 below GOV-04 and saves while
/// Andi has GOV-04 selected: Andi's selection stays on GOV-04 (not the row
/// it was on), and Andi's next `s` changes GOV-04, never its neighbour.
#[test]
fn a_reorder_saved_by_another_login_keeps_the_same_programme_selected_for_s() {
    if !tmux_or_skip() {
        return;
    }
    let _turn = turn();
    let data = Data::new();
    let home = TempDir::new().unwrap();
    let to = |officer: &Officer, id: &str, downs: usize| {
        officer.governance_programs();
        for _ in 0..downs {
            officer.key("j");
        }
        officer.wait(&format!("{id} selected"), |s| {
            looks::program_selected(s, id)
        });
    };
    let andi = Officer::start(&data.plan, home.path(), "andi");
    to(&andi, "GOV-04", 3);
    let budi = Officer::start(&data.plan, home.path(), "budi");
    to(&budi, "GOV-03", 2);
    budi.key("J");
    budi.wait("GOV-03 moved below GOV-04", |s| {
        s.find(" GOV-04 ") < s.find(" GOV-03 ") && looks::program_selected(s, "GOV-03")
    });
    budi.save();
    budi.quit_unprompted();

    andi.wait("the reload, GOV-04 still selected", |s| {
        s.find(" GOV-04 ") < s.find(" GOV-03 ") && looks::program_selected(s, "GOV-04")
    });
    let before = program(&load(&data.plan), "GOV-04").status;
    andi.next_status_of("GOV-04", next_status(before));
    andi.save();
    andi.quit_unprompted();
    let saved = load(&data.plan);
    assert_eq!(program(&saved, "GOV-04").status, next_status(before));
    assert_eq!(
        program(&saved, "GOV-03").status,
        program(&original(), "GOV-03").status,
        "the neighbour untouched"
    );
    let order: Vec<&str> = saved.programs.iter().map(|p| p.id.as_str()).collect();
    assert!(
        order.iter().position(|&id| id == "GOV-04") < order.iter().position(|&id| id == "GOV-03"),
        "Budi's order kept: {order:?}"
    );
}

/// Whether `needle` shows inside the view's box, not on the status bar
/// below it (which names what the last edit changed, "GOV-06 deleted").
fn in_box(screen: &str, needle: &str) -> bool {
    screen
        .lines()
        .filter(|l| l.contains('│'))
        .any(|l| l.contains(needle))
}
