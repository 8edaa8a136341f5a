//! pantau as officers use it: over SSH. A throwaway `sshd` on 127.0.0.1 with
//! its own keys and config, an `ssh -tt` client in tmux, and the real binary
//! at the far end.
//!
//! Skipped (with a note) when `/usr/sbin/sshd` is missing, unless `CI` is set
//! (to anything but empty, `0` or `false`): then it fails, because CI must
//! install openssh-server (see `.ci/run`). Needs tmux, as the tmux tests do,
//! and under CI fails without it too.
#![cfg(target_os = "linux")]

use crate::common;

use common::looks;
use common::ssh::{Remote, alive, kill, parent, sshd_or_skip};
use std::time::{Duration, Instant};

/// pantau over ssh on `ssh-plan.ron`, its dashboard settled.
fn start() -> Remote {
    let session = Remote::start("ssh-plan.ron", false);
    session
        .tmux
        .wait_for("the dashboard over ssh", looks::dashboard);
    session
}

#[test]
fn over_ssh_keys_esc_resize_and_quit_work() {
    if !sshd_or_skip() {
        return;
    }
    let session = start();
    let t = &session.tmux;
    let original = std::fs::read(&session.plan).unwrap();
    assert_eq!(session.pantaus().len(), 1, "one pantau at the far end");

    t.key("2");
    t.wait_for("the dimension list", |s| {
        looks::dimension_selected(s, "Smart Governance")
    });
    t.key("Enter");
    t.wait_for("the program list", |s| looks::program_selected(s, "GOV-01"));
    t.key("Enter");
    t.wait_for("GOV-01's detail", |s| {
        looks::detail(s, "GOV-01") && s.contains("Super App Luwu Utara")
    });

    // Esc over ssh arrives alone and acts at once: no escape-sequence delay
    // (a terminal library waiting to see whether more of a sequence follows
    // typically waits a whole second). How fast a key shows depends on the
    // machine's load, so Esc is measured against plain keys in the same
    // session, just before: `?` opening and closing the help overlay.
    let mut plain = Duration::ZERO;
    for (what, open) in [("the help overlay", true), ("the help closed", false)] {
        let pressed = Instant::now();
        t.key("?");
        let (_, first) = t.wait_for_timed(what, |s| {
            s.contains(" Keys ") == open && (open || looks::detail(s, "GOV-01"))
        });
        plain = plain.max(first.saturating_duration_since(pressed));
    }
    let bound = Duration::from_millis(500) + plain * 3;
    let pressed = Instant::now();
    t.key("Escape");
    let (_, first) = t.wait_for_timed("Esc back to the list", |s| {
        looks::program_selected(s, "GOV-01") && !s.contains("Milestones (")
    });
    let back = first.saturating_duration_since(pressed);
    assert!(
        back <= bound,
        "Esc took {back:?}, a plain key at most {plain:?}"
    );
    let pressed = Instant::now();
    t.key("Escape");
    let (_, first) = t.wait_for_timed("Esc back to the dimensions", |s| {
        looks::dimension_selected(s, "Smart Governance")
    });
    let back_again = first.saturating_duration_since(pressed);
    assert!(
        back_again <= bound,
        "Esc took {back_again:?}, a plain key at most {plain:?}"
    );
    common::note(&format!(
        "over ssh: a plain key showed within {} ms, Esc within {} and {} ms",
        plain.as_millis(),
        back.as_millis(),
        back_again.as_millis()
    ));

    // A bigger window reaches pantau through ssh and it redraws to fit.
    let before = t.screen();
    t.resize(100, 30);
    let screen = t.wait_for("a redraw at 100x30", |s| {
        s.lines().count() == 30
            && common::line(s, 1).chars().count() == 100
            && common::bottom_line(s).contains("ssh-plan.ron")
            && looks::dimensions(s)
    });
    assert_ne!(screen, before);
    assert!(!looks::too_small(&screen), "{screen}");
    // Room for more of a program's name now (80 columns show "Super App Luwu U…").
    assert!(screen.contains("Super App Luwu Uta"), "{screen}");
    t.key("1");
    t.wait_for("the dashboard at 100x30", |s| {
        looks::dashboard(s) && common::line(s, 1).chars().count() == 100
    });

    t.key("q");
    let screen = t.wait_for("ssh to end after q", |s| s.contains("ssh exited: "));
    assert!(
        screen.contains("ssh exited: 0"),
        "pantau's exit status, through ssh:\n{screen}"
    );
    assert!(
        !screen.contains("Smart Governance"),
        "screen restored:\n{screen}"
    );
    t.wait_for_exit("the pane to close");
    assert!(session.pantaus().is_empty(), "pantau still running");
    assert_eq!(std::fs::read(&session.plan).unwrap(), original);
}

#[test]
fn a_dropped_ssh_link_ends_the_remote_pantau_and_leaves_the_plan_untouched() {
    if !sshd_or_skip() {
        return;
    }
    let session = start();
    let t = &session.tmux;
    let original = std::fs::read(&session.plan).unwrap();

    // Mid-way through something: a filter being typed in the drill-down.
    t.key("2");
    t.wait_for("the dimension list", looks::dimensions);
    t.key("Enter");
    t.wait_for("the program list", |s| looks::program_selected(s, "GOV-01"));
    t.key("/");
    t.type_text("sup");
    t.wait_for("the filter being typed", |s| {
        common::bottom_line(s).contains("Filter: sup_")
    });

    let pantau = session.pantaus();
    assert_eq!(pantau.len(), 1, "one pantau at the far end: {pantau:?}");
    let clients = session.ssh_clients();
    assert_eq!(clients.len(), 1, "one ssh client: {clients:?}");
    assert_eq!(
        parent(clients[0]).map(|p| p.to_string()),
        Some(t.format("#{pane_pid}")),
        "the ssh client is the pane's"
    );

    // The link drops: the client dies without a word.
    kill("-KILL", clients[0]);
    let start = Instant::now();
    common::wait_until(
        &format!(
            "pantau (pid {}) to end after its ssh link dropped",
            pantau[0]
        ),
        || (!alive(pantau[0])).then_some(()),
    );
    common::note(&format!(
        "pantau ended {} ms after its ssh link dropped",
        start.elapsed().as_millis()
    ));
    assert!(session.pantaus().is_empty());
    assert_eq!(
        std::fs::read(&session.plan).unwrap(),
        original,
        "the plan file is byte for byte what it was"
    );
    let leftovers: Vec<_> = std::fs::read_dir(session.plan.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

/// The rule for a missing tmux or sshd (`common::verdict`), case by case: no
/// CI run can pass by skipping.
mod missing_tools {
    use super::common::{Verdict, is_ci, verdict};
    use std::ffi::OsStr;

    #[test]
    fn an_installed_tool_always_runs() {
        for ci in [false, true] {
            for may_skip in [false, true] {
                assert_eq!(verdict(true, ci, may_skip), Verdict::Run);
            }
        }
    }

    #[test]
    fn under_ci_a_missing_tool_fails_even_when_skipping_is_allowed_or_asked_for() {
        // sshd (may skip outside CI) and tmux with PANTAU_SKIP_TMUX=1.
        assert_eq!(verdict(false, true, true), Verdict::Fail);
        // tmux without PANTAU_SKIP_TMUX.
        assert_eq!(verdict(false, true, false), Verdict::Fail);
    }

    #[test]
    fn outside_ci_a_missing_tool_is_skipped_only_when_allowed() {
        assert_eq!(verdict(false, false, true), Verdict::Skip);
        assert_eq!(verdict(false, false, false), Verdict::Fail);
    }

    #[test]
    fn ci_is_any_value_but_empty_0_or_false() {
        for value in ["true", "1", "yes", "TRUE", "woodpecker"] {
            assert!(is_ci(Some(OsStr::new(value))), "CI={value}");
        }
        for value in ["", "0", "false", "False", " false "] {
            assert!(!is_ci(Some(OsStr::new(value))), "CI={value:?}");
        }
        assert!(!is_ci(None), "CI unset");
    }
}
