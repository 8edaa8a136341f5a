//! Shared by the end-to-end tests (`tmux.rs`, `ssh.rs`, …): the real binary in a
//! real terminal, which is a private tmux server per test, driven with
//! `send-keys` and read back with `capture-pane`.
//!
//! Every wait polls the screen (every 50 ms) until a condition holds, instead
//! of sleeping for a fixed time, and every server is killed by a `Drop`
//! guard, so a failed assertion still cleans up. The one deadline, `WAIT`, is
//! there only to turn a real hang into a failure: a loaded machine (a parallel
//! build, two busy loops on two cores) must never reach it.

// Each test crate uses a different part of this module.
#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_pantau");
pub const EXAMPLE_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/luwu-utara.ron");
pub const TODAY: &str = "2026-12-02";

/// How long to wait for the screen (or a process, or a file) to show something
/// before failing. Generous on purpose: only a hang reaches it, never load. A
/// test that also wants to bound how fast something happens measures the time
/// and asserts on it separately, with a bound of its own.
pub const WAIT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(50);

/// Large generated plans (also the benchmarks' and `examples/gen.rs`).
pub mod generator;
/// The golden files, as insta snapshots.
pub mod golden;
/// The interface in-process (`app()` and its variants).
pub mod interface;
/// The printable report's test letter.
pub mod letter;
/// The throwaway sshd harness of the SSH tests.
#[cfg(target_os = "linux")]
pub mod ssh;

#[allow(unused_imports)] // each runner uses a different part
pub use interface::{app, app_of, app_with, example_app};

/// The six dimension names of the example, in order.
pub const DIMENSIONS: [&str; 6] = [
    "Smart Governance",
    "Smart Branding",
    "Smart Economy",
    "Smart Living",
    "Smart Society",
    "Smart Environment",
];

/// A note that shows even when the test harness captures output.
pub fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "note: {text}");
}

/// Polls `probe` (every 50 ms) until it gives a value; panics after `WAIT`,
/// saying what was expected. For conditions that are not on a screen: a
/// process started, a file written, a title set.
pub fn wait_until<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(start.elapsed() < WAIT, "waited {WAIT:?} for {what}");
        std::thread::sleep(POLL);
    }
}

/// What an end-to-end test does about a tool it needs (tmux, sshd).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The tool is there: run.
    Run,
    /// Missing, and skipping is allowed here: skip, with a note.
    Skip,
    /// Missing, and it must not be: fail.
    Fail,
}

/// The one rule for a missing tool: a CI run (`ci`) must have installed
/// everything (`.ci/run` does), so there a missing tool fails whatever else
/// is set; elsewhere it is skipped only when `may_skip` (the user asked to,
/// or the tool is one a developer's machine may lack), and fails otherwise.
pub fn verdict(installed: bool, ci: bool, may_skip: bool) -> Verdict {
    match (installed, ci, may_skip) {
        (true, _, _) => Verdict::Run,
        (false, true, _) | (false, false, false) => Verdict::Fail,
        (false, false, true) => Verdict::Skip,
    }
}

/// Whether the value of `CI` marks a CI run: set to anything but empty, `0`
/// or `false` (CI services set `CI=true`).
pub fn is_ci(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| {
        let v = v.to_string_lossy().trim().to_ascii_lowercase();
        !matches!(v.as_str(), "" | "0" | "false")
    })
}

/// Whether this run is a CI run (see `is_ci`).
pub fn in_ci() -> bool {
    is_ci(std::env::var_os("CI").as_deref())
}

/// Whether the tmux tests can run: tmux is installed (then `true`), or,
/// outside CI, the user asked to skip them with `PANTAU_SKIP_TMUX=1` (then
/// `false` and a printed note). Panics otherwise, so neither a machine
/// without tmux nor a CI run can pass by accident (see `verdict`).
pub fn tmux_or_skip() -> bool {
    let installed = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    let asked = std::env::var("PANTAU_SKIP_TMUX").as_deref() == Ok("1");
    match verdict(installed, in_ci(), asked) {
        Verdict::Run => true,
        Verdict::Skip => {
            note("skipped: tmux is not installed and PANTAU_SKIP_TMUX=1");
            false
        }
        Verdict::Fail if in_ci() => panic!(
            "tmux is not installed and CI is set: CI must install tmux (see .ci/run); \
             PANTAU_SKIP_TMUX does not apply under CI"
        ),
        Verdict::Fail => panic!(
            "tmux is not installed, and the end-to-end tests need it: install tmux \
             (e.g. `apt-get install tmux`), or set PANTAU_SKIP_TMUX=1 to skip these tests"
        ),
    }
}

/// The example plan, as the file in `data/`.
pub fn example() -> String {
    std::fs::read_to_string(EXAMPLE_FILE).expect("data/luwu-utara.ron is readable")
}

/// The plan at `path` as pantau reads it, or a failure that says why.
pub fn load(path: &Path) -> pantau::plan::model::Plan {
    match pantau::store::load(path) {
        Ok(doc) => doc.plan,
        Err(e) => panic!(
            "{} does not load: {}",
            path.display(),
            e.render(&pantau::i18n::EN)
        ),
    }
}

/// The example plan as pantau reads it.
pub fn original() -> pantau::plan::model::Plan {
    load(Path::new(EXAMPLE_FILE))
}

pub fn program<'a>(
    plan: &'a pantau::plan::model::Plan,
    id: &str,
) -> &'a pantau::plan::model::Program {
    plan.program(id)
        .unwrap_or_else(|| panic!("{id} is in the plan"))
}

pub fn program_mut<'a>(
    plan: &'a mut pantau::plan::model::Plan,
    id: &str,
) -> &'a mut pantau::plan::model::Program {
    plan.programs
        .iter_mut()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("{id} is in the plan"))
}

/// `env …` arguments that run pantau on `plan` with a private HOME, an English
/// locale, no colour and a fixed today, then `extra`.
pub fn pantau_argv(home: &Path, plan: &Path, extra: &[&str]) -> Vec<OsString> {
    let mut argv: Vec<OsString> = [
        "env",
        "-u",
        "LC_ALL",
        "-u",
        "LC_MESSAGES",
        "-u",
        "PANTAU_FILE",
        "-u",
        "XDG_DATA_HOME",
        // Recovery files go under HOME too, never into a real state folder.
        "-u",
        "XDG_STATE_HOME",
        // The configuration too: the test's HOME has none unless it writes one.
        "-u",
        "XDG_CONFIG_HOME",
        "-u",
        "PANTAU_CONFIG",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    let mut home_var = OsString::from("HOME=");
    home_var.push(home);
    argv.push(home_var);
    argv.push("LANG=C.UTF-8".into());
    argv.push("NO_COLOR=1".into());
    argv.push(BIN.into());
    argv.push(plan.into());
    argv.push("--today".into());
    argv.push(TODAY.into());
    argv.extend(extra.iter().map(OsString::from));
    argv
}

/// A private tmux server (its own socket in its own temp folder) with one
/// detached session. Dropping it kills the server and everything in it.
///
/// `remain-on-exit` is on, so a pane whose program ended stays readable:
/// its exit status, and any message it printed, such as a panic.
pub struct Tmux {
    socket: PathBuf,
    config: PathBuf,
    /// The pane the session started with, e.g. `%0`.
    pane: String,
    // Last, so the server is killed before its folder goes.
    _dir: TempDir,
}

impl Tmux {
    /// Starts a server with a `width`×`height` session running `argv` directly
    /// (no shell in between).
    pub fn start<S: AsRef<OsStr>>(size: (u16, u16), argv: &[S]) -> Tmux {
        let dir = TempDir::new().expect("temp folder for tmux");
        let config = dir.path().join("tmux.conf");
        std::fs::write(&config, "set -g remain-on-exit on\nset -g status off\n")
            .expect("tmux.conf written");
        let mut tmux = Tmux {
            socket: dir.path().join("tmux.sock"),
            config,
            pane: String::new(),
            _dir: dir,
        };
        let out = tmux
            .command()
            .args(["new-session", "-d", "-P", "-F", "#{pane_id}"])
            .args(["-x", &size.0.to_string(), "-y", &size.1.to_string(), "--"])
            .args(argv)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux.pane = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(tmux.pane.starts_with('%'), "pane id: {:?}", tmux.pane);
        tmux
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.arg("-S").arg(&self.socket).arg("-f").arg(&self.config);
        cmd
    }

    /// Runs a tmux command, which must succeed; its standard output.
    pub fn run(&self, args: &[&str]) -> String {
        let out: Output = self.command().args(args).output().expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends one key by tmux's name for it (`Enter`, `Escape`, `BTab`, `C-c`, `j`).
    /// One key per call, so that the program reads each on its own.
    pub fn key(&self, key: &str) {
        self.run(&["send-keys", "-t", &self.pane, key]);
    }

    /// Sends several keys in one write, as a fast typist or a laggy link would.
    pub fn keys_at_once(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.pane];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` literally.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", &self.pane, "-l", text]);
    }

    /// Pastes `text` as a terminal does: through a tmux buffer, with `-p`, so
    /// it arrives bracketed when the program asked for bracketed paste (and
    /// as plain keys when it did not). Line ends are sent as CR, as a
    /// terminal sends them.
    pub fn paste(&self, text: &str) {
        self.run(&["set-buffer", "-b", "pantau-test", "--", text]);
        self.run(&[
            "paste-buffer",
            "-p",
            "-d",
            "-b",
            "pantau-test",
            "-t",
            &self.pane,
        ]);
    }

    /// The visible screen, as text.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.pane])
    }

    /// The visible screen with its attributes and colours as escape sequences.
    pub fn screen_with_attributes(&self) -> String {
        self.run(&["capture-pane", "-p", "-e", "-t", &self.pane])
    }

    /// A tmux format (`#{pane_dead}`, `#{pane_title}`, …) for the pane.
    pub fn format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", &self.pane, format])
            .trim_end_matches('\n')
            .to_string()
    }

    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            &self.pane,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Whether the pane's program has ended.
    pub fn dead(&self) -> bool {
        self.format("#{pane_dead}") == "1"
    }

    /// Polls the screen until `test` accepts it and it has stopped changing
    /// (the same on two captures in a row, so not caught halfway through a
    /// redraw); the screen. Panics after `WAIT`, showing `what` was expected
    /// and the last screen.
    pub fn wait_for(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        self.wait_within(WAIT, what, test)
    }

    /// `wait_for` with its own time limit.
    pub fn wait_within(&self, limit: Duration, what: &str, test: impl Fn(&str) -> bool) -> String {
        self.wait_timed(limit, what, test).0
    }

    /// `wait_for`, also saying when the screen was first seen to pass `test`
    /// (so a test can bound how soon something showed, apart from the deadline).
    pub fn wait_for_timed(&self, what: &str, test: impl Fn(&str) -> bool) -> (String, Instant) {
        self.wait_timed(WAIT, what, test)
    }

    fn wait_timed(
        &self,
        limit: Duration,
        what: &str,
        test: impl Fn(&str) -> bool,
    ) -> (String, Instant) {
        let start = Instant::now();
        let mut accepted: Option<(String, Instant)> = None;
        loop {
            let seen = Instant::now();
            let screen = self.screen();
            if test(&screen) {
                match accepted {
                    Some((ref previous, first)) if *previous == screen => return (screen, first),
                    Some((_, first)) => accepted = Some((screen.clone(), first)),
                    None => accepted = Some((screen.clone(), seen)),
                }
            } else {
                accepted = None;
            }
            if start.elapsed() > limit {
                let dead = if self.dead() {
                    format!(
                        " (the program has ended, status {})",
                        self.format("#{pane_dead_status}")
                    )
                } else {
                    String::new()
                };
                panic!(
                    "waited {limit:?} for {what}{dead}; the screen shows:\n{}",
                    framed(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen contains every one of `texts`.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_for(&format!("{texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    /// Waits until the pane's program has ended; its exit status (`"0"`),
    /// `"signal N"`, or `"unknown"`: tmux 3.3 sometimes marks a pane dead
    /// without ever recording the status, so tests that care about a status
    /// print it from a wrapper shell instead.
    pub fn wait_for_exit(&self, what: &str) -> String {
        let start = Instant::now();
        let mut dead_since: Option<Instant> = None;
        loop {
            let end = self.format("#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}");
            match end.split(':').collect::<Vec<_>>()[..] {
                ["1", status, _] if !status.is_empty() => return status.to_string(),
                ["1", _, signal] if !signal.is_empty() => return format!("signal {signal}"),
                ["1", ..] => {
                    let since = *dead_since.get_or_insert_with(Instant::now);
                    if since.elapsed() > Duration::from_secs(1) {
                        return "unknown".to_string();
                    }
                }
                _ => {}
            }
            if start.elapsed() > WAIT {
                panic!(
                    "waited {WAIT:?} for {what}; pane state {end:?}, the screen shows:\n{}",
                    framed(&self.screen())
                );
            }
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
    }
}

/// The screen between rules, for failure messages.
pub fn framed(screen: &str) -> String {
    format!("-----\n{}\n-----", screen.trim_end())
}

/// Line `n` (from 0) of a screen, or "".
pub fn line(screen: &str, n: usize) -> &str {
    screen.lines().nth(n).unwrap_or("")
}

/// The last non-blank line: the status bar.
pub fn bottom_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// What each screen of the interface looks like, by text that only it shows.
/// The body's top border (line 1) carries the view's title.
pub mod looks {
    use super::line;

    pub fn dashboard(s: &str) -> bool {
        line(s, 1).contains(" Period ") && s.contains("Total") && s.contains("Overdue milestones (")
    }

    /// The drill-down's two lists (not a program's detail).
    pub fn dimensions(s: &str) -> bool {
        line(s, 1).contains(" Dimensions ")
    }

    /// The drill-down with the dimension list focused on `name`.
    pub fn dimension_selected(s: &str, name: &str) -> bool {
        dimensions(s) && s.contains(&format!("> {name}"))
    }

    /// The drill-down's program list focused on `id`. Below 110 columns the
    /// list has the whole width and its heading row is the screen's third line.
    pub fn program_selected(s: &str, id: &str) -> bool {
        line(s, 2).contains(" ID ")
            && line(s, 2).contains("Program")
            && s.contains(&format!("> {id} "))
    }

    /// A program's detail page.
    pub fn detail(s: &str, id: &str) -> bool {
        line(s, 1).contains(&format!(" {id} ")) && s.contains("Milestones (")
    }

    pub fn timeline(s: &str) -> bool {
        line(s, 1).contains(" Timeline 2022")
    }

    /// The evaluation view: the estimate's title and the aspects.
    pub fn evaluation(s: &str) -> bool {
        line(s, 1).contains("(estimate)") && s.contains("Quick win")
    }

    pub fn too_small(s: &str) -> bool {
        s.contains("Terminal too small")
    }
}
