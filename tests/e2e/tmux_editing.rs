//! End to end, editing: the real `pantau` binary in a real terminal (tmux,
//! 80×24), driven by key presses, and then the plan file read back with
//! `pantau::store::load` to check what was (or was not) written.
//!
//! Needs tmux, as `tmux.rs` does; the SSH test also needs sshd, as `ssh.rs` does.

use crate::common;

use common::{
    Tmux, bottom_line, example, line, load, looks, original, pantau_argv, program, program_mut,
    tmux_or_skip,
};
use pantau::i18n::EN;
use pantau::plan::model::{Plan, Status};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The file name of the copy each test edits; the status bar shows it.
const FILE: &str = "luwu-utara.ron";

/// What the wrapper shell prints once pantau has ended.
const EXITED: &str = "pantau exited: ";

/// pantau on its own copy of the example plan, at 80×24, started by a shell
/// that prints pantau's exit status when it ends.
struct Editing {
    // First, so the server (and pantau) go before the folders they use.
    tmux: Tmux,
    plan: PathBuf,
    _home: TempDir,
    _data: TempDir,
}

impl Editing {
    /// Starts pantau and waits for the dashboard.
    fn start() -> Editing {
        Editing::start_with_env(&[])
    }

    /// Starts pantau with `env` (`NAME=value`) added to its environment.
    fn start_with_env(env: &[&str]) -> Editing {
        let home = TempDir::new().unwrap();
        let data = TempDir::new().unwrap();
        let plan = data.path().join(FILE);
        std::fs::write(&plan, example()).unwrap();
        let mut argv: Vec<std::ffi::OsString> = vec![
            "sh".into(),
            "-c".into(),
            // Then waits, so that the pane (and what it printed) stays.
            format!(r#""$@"; echo "{EXITED}$?"; read -r _"#).into(),
            "sh".into(),
        ];
        let mut pantau = pantau_argv(home.path(), &plan, &[]);
        // `env`'s assignments go just before the program it runs.
        let at = pantau
            .iter()
            .position(|a| a == "NO_COLOR=1")
            .map_or(1, |i| i + 1);
        for (i, var) in env.iter().enumerate() {
            pantau.insert(at + i, var.into());
        }
        argv.extend(pantau);
        let tmux = Tmux::start((80, 24), &argv);
        let session = Editing {
            tmux,
            plan,
            _home: home,
            _data: data,
        };
        session.tmux.wait_for("the dashboard", looks::dashboard);
        session
    }

    /// From the dashboard to Smart Governance's program list, GOV-01 selected.
    fn governance_programs(&self) -> String {
        let t = &self.tmux;
        t.key("2");
        t.wait_for("the dimension list", |s| {
            looks::dimension_selected(s, "Smart Governance")
        });
        t.key("Enter");
        t.wait_for("Smart Governance's programs", |s| {
            looks::program_selected(s, "GOV-01") && s.contains("GOV-06")
        })
    }

    /// From the dashboard to GOV-01's detail, which opens on its first milestone.
    fn gov_01_detail(&self) -> String {
        self.governance_programs();
        self.tmux.key("Enter");
        self.tmux
            .wait_for("GOV-01's detail, first milestone selected", |s| {
                looks::detail(s, "GOV-01") && s.lines().any(|l| l.contains("> ["))
            })
    }

    /// GOV-01's detail with its program line selected (k from the first milestone).
    fn gov_01_program_line(&self) -> String {
        self.gov_01_detail();
        self.tmux.key("k");
        self.tmux.wait_for("GOV-01's program line selected", |s| {
            looks::detail(s, "GOV-01") && !s.lines().any(|l| l.contains("> ["))
        })
    }

    /// Clears the message in the status bar with an action that changes
    /// nothing (the help overlay, opened and closed), so the bar shows the
    /// file's state again; the screen.
    fn show_file_state(&self) -> String {
        let t = &self.tmux;
        t.key("?");
        t.wait_for("the help overlay", |s| s.contains(" Keys "));
        t.key("?");
        t.wait_for("the status bar with the file's state", |s| {
            !s.contains(" Keys ") && bottom_line(s).starts_with(&format!(" {FILE}"))
        })
    }

    /// Ctrl-S, and waits for the status bar to say the file was saved.
    fn save(&self) {
        self.tmux.key("C-s");
        self.tmux.wait_for("\"Saved at HH:MM\" after Ctrl-S", |s| {
            has_time_after(bottom_line(s), "Saved at ")
        });
    }

    /// Waits for pantau to end with status 0, with no question asked.
    fn wait_for_clean_exit(&self, what: &str) {
        let screen = self.tmux.wait_for(what, |s| s.contains(EXITED));
        assert!(
            screen.contains(&format!("{EXITED}0")),
            "exit status 0:\n{screen}"
        );
        assert!(
            !screen.contains("Save changes before quitting?"),
            "{screen}"
        );
    }

    /// `q` with nothing unsaved: pantau ends at once, asking nothing.
    fn quit_unprompted(&self) {
        self.tmux.key("q");
        self.wait_for_clean_exit("pantau to quit on q without asking");
    }

    /// The plan as the file now holds it.
    fn read_back(&self) -> Plan {
        load(&self.plan)
    }

    fn backup(&self) -> PathBuf {
        self.plan.with_file_name(format!("{FILE}.bak"))
    }

    /// The file is byte for byte the example, and nothing else was left beside it.
    fn assert_untouched(&self) {
        assert!(
            std::fs::read(&self.plan).unwrap() == example().as_bytes(),
            "the plan file is byte for byte what it was"
        );
        assert_eq!(
            self.leftovers(),
            vec![FILE.to_string()],
            "no .bak, no temp files"
        );
    }

    /// The file was saved over the example: the backup is the example itself.
    fn assert_backup_is_the_original(&self) {
        let backup = self.backup();
        assert!(backup.exists(), "{} exists", backup.display());
        assert!(
            std::fs::read(&backup).unwrap() == example().as_bytes(),
            "{FILE}.bak holds the original, byte for byte"
        );
        assert_eq!(
            self.leftovers(),
            vec![
                FILE.to_string(),
                format!("{FILE}.bak"),
                format!("{FILE}.journal")
            ],
            "no temp files left; the journals beside the plan"
        );
    }

    /// The names in the plan's folder, sorted.
    fn leftovers(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.plan.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            // The advisory lock file stays, by design: removing it would race with other savers.
            .filter(|n| n != &format!(".{FILE}.lock"))
            .collect();
        names.sort();
        names
    }
}

/// The status `s` moves to from `status` (`S` the other way).
fn next_status(status: Status) -> Status {
    let at = Status::ALL.iter().position(|s| *s == status).unwrap();
    Status::ALL[(at + 1) % Status::ALL.len()]
}

/// The row of the program list (or the line of any list) showing program `id`.
fn row<'a>(screen: &'a str, id: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(&format!(" {id} ")))
        .unwrap_or("")
}

/// The line of an open form showing the field labelled `label`, or "".
/// Multi-line text holding letters that are commands outside a field:
/// move, add, save, delete, yes, undo, quit.
const PASTED: &str = "Rapat warga 3 Nov:\nl a s d y u q\nselesai";

#[test]
fn a_multi_line_paste_goes_into_the_form_fields_and_runs_no_commands() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let mut expected = original();
    let gov_01 = expected
        .programs
        .iter_mut()
        .find(|p| p.id == "GOV-01")
        .unwrap();
    let old_name = gov_01.name.clone();
    // One line in the name (its cursor waits at the end): newlines as spaces.
    gov_01
        .name
        .push_str(" Rapat warga 3 Nov: l a s d y u q selesai");
    // The description keeps the lines.
    gov_01.description.push_str(&format!("\n{PASTED}"));

    ui.gov_01_program_line();
    t.key("e");
    t.wait_for("GOV-01's edit form", |s| {
        s.contains("Edit program GOV-01") && field(s, "Name").contains(&old_name)
    });
    t.paste(&format!(" {PASTED}"));
    t.wait_for("the paste in the Name field, on one line", |s| {
        s.contains("Edit program GOV-01") && field(s, "Name").contains("Rapat warga 3")
    });
    // Tab, Tab to the description; its cursor waits at the end.
    t.key("Tab");
    t.key("Tab");
    t.paste(&format!("\n{PASTED}"));
    t.wait_for("the paste in the description, its lines kept", |s| {
        s.contains("Edit program GOV-01")
            && s.lines().any(|l| {
                l.trim_start_matches(['│', ' '])
                    .starts_with("l a s d y u q")
            })
    });
    // Tab off the description, then Enter accepts the form.
    t.key("Tab");
    t.key("Enter");
    t.wait_for("the detail with the pasted name", |s| {
        !s.contains("Edit program") && line(s, 1).contains("Rapat warga")
    });
    ui.save();
    assert_eq!(
        ui.read_back(),
        expected,
        "the file holds the pasted text and nothing else changed"
    );
    let log = pantau::store::audit::read(&ui.plan).unwrap();
    let fields: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.subject.as_str(), e.field.as_str()))
        .collect();
    assert_eq!(
        fields,
        [("GOV-01", "name"), ("GOV-01", "description")],
        "the log names the two fields pasted into, and only them"
    );
    ui.quit_unprompted();
}

fn field<'a>(screen: &'a str, label: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(&format!("│{label} ")))
        .unwrap_or("")
}

/// Whether program `id`'s row in the list shows `status`.
fn row_shows(screen: &str, id: &str, status: Status) -> bool {
    row(screen, id).contains(&format!(" {} ", EN.status(status)))
}

/// Whether `text` has `prefix` followed by a time, `HH:MM`.
fn has_time_after(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(at, _)| {
        let time: Vec<char> = text[at + prefix.len()..].chars().take(5).collect();
        time.len() == 5 && time[2] == ':' && [0, 1, 3, 4].iter().all(|&i| time[i].is_ascii_digit())
    })
}

/// `N` in the dashboard's "Overdue milestones (N)" title.
fn overdue_count(screen: &str) -> usize {
    let start = screen
        .find("Overdue milestones (")
        .expect("the overdue list's title")
        + "Overdue milestones (".len();
    let digits: String = screen[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().expect("a count in the overdue title")
}

#[test]
fn s_changes_a_status_ctrl_s_saves_it_with_a_backup_and_q_then_quits_without_asking() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let mut expected = original();
    let before = program(&expected, "GOV-01").status;
    let after = next_status(before);

    let screen = ui.governance_programs();
    assert!(row_shows(&screen, "GOV-01", before), "{screen}");
    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("GOV-01's new status in the list and the status bar", |s| {
        row_shows(s, "GOV-01", after)
            && bottom_line(s).contains(&format!("GOV-01: status is now {}", EN.status(after)))
    });
    let status = bottom_line(&ui.show_file_state()).to_string();
    assert!(status.contains(" [+]"), "modified: {status:?}");
    assert!(!ui.backup().exists(), "nothing written before Ctrl-S");

    ui.save();
    let status = bottom_line(&ui.show_file_state()).to_string();
    assert!(has_time_after(&status, "saved "), "saved HH:MM: {status:?}");
    assert!(!status.contains(" [+]"), "no longer modified: {status:?}");

    ui.quit_unprompted();
    program_mut(&mut expected, "GOV-01").status = after;
    assert_eq!(ui.read_back(), expected, "the file has the new status");
    assert_eq!(program(&load(&ui.backup()), "GOV-01").status, before);
    ui.assert_backup_is_the_original();
}

#[test]
fn a_program_name_edited_in_its_form_is_saved_exactly_with_non_ascii_text() {
    if !tmux_or_skip() {
        return;
    }
    const NAME: &str = "Layanan Terpadu – Luwu Utara ✓ Bugis ᨒᨘᨓᨘ";
    let ui = Editing::start();
    let t = &ui.tmux;
    let mut expected = original();
    let old = program(&expected, "GOV-01").name.clone();

    ui.gov_01_program_line();
    t.key("e");
    let screen = t.wait_for("GOV-01's edit form", |s| {
        s.contains("Edit program GOV-01") && field(s, "Name").contains(&old)
    });
    // The cursor waits at the end of the name.
    let (x, y) = t
        .format("#{cursor_x} #{cursor_y}")
        .split_once(' ')
        .map(|(x, y)| (x.parse::<usize>().unwrap(), y.parse::<usize>().unwrap()))
        .unwrap();
    let name_line = line(&screen, y);
    assert!(
        name_line.contains("Name"),
        "cursor on the Name line: {name_line:?}"
    );
    let at = name_line
        .find(&old)
        .expect("the old name on the cursor's line");
    assert_eq!(
        x,
        name_line[..at].chars().count() + old.chars().count(),
        "cursor just after the name on {name_line:?}"
    );

    t.key("C-u");
    t.wait_for("the Name field cleared", |s| {
        s.contains("Edit program GOV-01")
            && field(s, "Name").contains("required")
            && !field(s, "Name").contains(&old)
    });
    t.type_text(NAME);
    t.wait_for("the new name in the form", |s| {
        field(s, "Name").contains("Layanan Terpadu – Luwu Utara ✓ Bugis")
    });
    t.key("Enter");
    t.wait_for("the detail with the new name", |s| {
        !s.contains("Edit program") && line(s, 1).contains(" GOV-01 · Layanan Terpadu – Luwu")
    });
    ui.save();
    ui.quit_unprompted();

    program_mut(&mut expected, "GOV-01").name = NAME.to_string();
    let saved = ui.read_back();
    assert_eq!(program(&saved, "GOV-01").name, NAME);
    assert_eq!(saved, expected, "nothing else changed");
    ui.assert_backup_is_the_original();
}

#[test]
fn undo_and_redo_step_through_status_changes_and_undoing_to_the_saved_state_clears_the_marker() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let mut expected = original();
    let first = program(&expected, "GOV-01").status;
    let second = next_status(first);
    let third = next_status(second);

    ui.governance_programs();
    let steps = [
        ("s j Enter", second, "status is now"),
        ("s j Enter", third, "status is now"),
        ("u", second, "Undone"),
        ("C-r", third, "Redone"),
        ("u", second, "Undone"),
        ("u", first, "Undone"),
    ];
    for (i, (key, status, message)) in steps.into_iter().enumerate() {
        // `s` opens the list of statuses: j the next, Enter takes it.
        t.keys_at_once(&key.split(' ').collect::<Vec<_>>());
        t.wait_for(
            &format!("step {i}: {key} leaves GOV-01 {status:?}, saying {message:?}"),
            |s| row_shows(s, "GOV-01", status) && bottom_line(s).contains(message),
        );
        if i == 3 {
            let status = bottom_line(&ui.show_file_state()).to_string();
            assert!(status.contains(" [+]"), "modified after redo: {status:?}");
        }
    }
    let status = bottom_line(&ui.show_file_state()).to_string();
    assert!(
        !status.contains(" [+]"),
        "undone back to the file: not modified: {status:?}"
    );
    // Nothing left to undo.
    t.key("u");
    t.wait_for("nothing to undo", |s| {
        bottom_line(s).contains("Nothing to undo") && row_shows(s, "GOV-01", first)
    });

    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("GOV-01's status changed again", |s| {
        row_shows(s, "GOV-01", second)
    });
    ui.save();
    ui.quit_unprompted();
    program_mut(&mut expected, "GOV-01").status = second;
    assert_eq!(ui.read_back(), expected);
}

#[test]
fn q_with_unsaved_changes_asks_and_n_quits_leaving_the_file_untouched() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    ui.governance_programs();
    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("the status changed", |s| {
        bottom_line(s).contains("GOV-01: status is now")
    });
    t.key("q");
    t.wait_for("the save-changes prompt", |s| {
        s.contains("Save changes before quitting?") && !s.contains(EXITED)
    });
    t.key("n");
    ui.wait_for_clean_exit("pantau to quit on n");
    ui.assert_untouched();
}

#[test]
fn q_with_unsaved_changes_asks_and_y_saves_then_quits() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let mut expected = original();
    let after = next_status(program(&expected, "GOV-01").status);
    ui.governance_programs();
    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("the status changed", |s| row_shows(s, "GOV-01", after));
    t.key("q");
    t.wait_for("the save-changes prompt", |s| {
        s.contains("Save changes before quitting?")
    });
    t.key("y");
    let screen = t.wait_for("pantau to save and quit on y", |s| s.contains(EXITED));
    assert!(screen.contains(&format!("{EXITED}0")), "{screen}");
    program_mut(&mut expected, "GOV-01").status = after;
    assert_eq!(ui.read_back(), expected, "the file has the change");
    ui.assert_backup_is_the_original();
}

#[test]
fn esc_at_the_save_changes_prompt_keeps_working_with_the_changes_still_unsaved() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let first = program(&original(), "GOV-01").status;
    let second = next_status(first);
    ui.governance_programs();
    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("the status changed", |s| row_shows(s, "GOV-01", second));
    t.key("q");
    t.wait_for("the save-changes prompt", |s| {
        s.contains("Save changes before quitting?")
    });
    t.key("Escape");
    let screen = t.wait_for("the prompt gone", |s| {
        !s.contains("Save changes before quitting?") && looks::program_selected(s, "GOV-01")
    });
    assert!(
        bottom_line(&screen).contains(" [+]"),
        "still modified:\n{screen}"
    );
    assert!(!screen.contains(EXITED) && !t.dead(), "still running");

    // Still working: keys act on the plan again.
    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("another status change", |s| {
        row_shows(s, "GOV-01", next_status(second))
    });
    t.key("q");
    t.wait_for("the prompt again", |s| {
        s.contains("Save changes before quitting?")
    });
    t.key("n");
    ui.wait_for_clean_exit("pantau to quit on n");
    ui.assert_untouched();
}

#[test]
fn an_invalid_milestone_form_cannot_be_accepted_and_esc_cancels_it() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let milestone = program(&original(), "GOV-01").milestones[0].clone();
    // The detail opens on the first milestone.
    ui.gov_01_detail();
    t.wait_for("the first milestone selected", |s| {
        s.lines()
            .any(|l| l.contains("> [") && l.contains(&milestone.due))
    });
    t.key("e");
    t.wait_for("the milestone's form", |s| {
        s.contains("Edit milestone") && s.contains(&milestone.title)
    });
    t.key("Tab");
    t.key("C-u");
    t.type_text("03/31/2023");
    let screen = t.wait_for("the bad date marked", |s| {
        let due = field(s, "Due");
        due.contains("03/31/2023") && due.contains("a date, e.g.")
    });
    assert!(!screen.contains("Fix the marked fields"), "{screen}");

    t.key("Enter");
    let screen = t.wait_for("the form refusing Enter", |s| {
        s.contains("Fix the marked fields first")
    });
    assert!(
        screen.contains("Edit milestone"),
        "the form stays open:\n{screen}"
    );
    assert!(
        screen.contains("a date, e.g."),
        "the error stays:\n{screen}"
    );

    // Esc on typed text asks first; the second throws it away.
    t.key("Escape");
    t.wait_for("Esc asking before the typed date goes", |s| {
        s.contains("Edit milestone") && s.contains("Esc again throws away")
    });
    t.key("Escape");
    let screen = t.wait_for("the form cancelled", |s| {
        !s.contains("Edit milestone") && looks::detail(s, "GOV-01")
    });
    assert!(!bottom_line(&screen).contains(" [+]"), "{screen}");
    ui.quit_unprompted();
    ui.assert_untouched();
}

#[test]
fn space_on_the_dashboard_marks_the_first_overdue_milestone_done_and_ctrl_s_saves_it() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let screen = t.wait_for_all(&["Overdue milestones ("]);
    let overdue = overdue_count(&screen);
    assert!(overdue > 0, "{screen}");
    // The selected row of the overdue list: `> 2026-08-31 LIV-02 Perluasan kemi… 93d`.
    let selected = screen
        .lines()
        .find_map(|l| l.split_once("│> ").map(|(_, rest)| rest))
        .expect("a selected overdue milestone");
    let mut words = selected.split_whitespace();
    let (due, id) = (
        words.next().unwrap().to_string(),
        words.next().unwrap().to_string(),
    );

    let mut expected = original();
    let at = program(&expected, &id)
        .milestones
        .iter()
        .position(|m| m.due == due && !m.done)
        .unwrap_or_else(|| panic!("{id} has an open milestone due {due}"));
    let title = program(&expected, &id).milestones[at].title.clone();

    t.key("Space");
    t.wait_for("one overdue milestone fewer", |s| {
        s.contains(&format!("Overdue milestones ({})", overdue - 1))
            && bottom_line(s).contains(&format!(
                "Done: {}",
                title.chars().take(20).collect::<String>()
            ))
    });
    ui.save();
    ui.quit_unprompted();

    program_mut(&mut expected, &id).milestones[at].done = true;
    let saved = ui.read_back();
    assert!(program(&saved, &id).milestones[at].done, "{id} {due} done");
    assert_eq!(saved, expected, "nothing else changed");
    ui.assert_backup_is_the_original();
}

#[test]
fn a_adds_a_program_with_the_next_id_and_d_y_deletes_it_again() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let count = original().programs.len();
    assert_eq!(count, 36);
    ui.governance_programs();

    t.key("a");
    let screen = t.wait_for("the new-program form", |s| s.contains("New program"));
    assert!(
        field(&screen, "Id").contains("GOV-07"),
        "GOV-07 suggested:\n{screen}"
    );
    t.type_text("Uji tambah program");
    t.wait_for("the name typed", |s| {
        field(s, "Name").contains("Uji tambah program")
    });
    t.key("Enter");
    t.wait_for("GOV-07 listed and selected", |s| {
        !s.contains("New program")
            && looks::program_selected(s, "GOV-07")
            && row(s, "GOV-07").contains("Uji tambah program")
            && bottom_line(s).contains("Changed: GOV-07 added")
    });
    ui.save();
    let saved = ui.read_back();
    assert_eq!(saved.programs.len(), count + 1);
    let added = program(&saved, "GOV-07");
    assert_eq!(
        (added.name.as_str(), added.dimension.as_str(), added.status),
        (
            "Uji tambah program",
            program(&saved, "GOV-06").dimension.as_str(),
            Status::NotStarted
        )
    );
    let at = |id: &str| saved.programs.iter().position(|p| p.id == id).unwrap();
    assert_eq!(
        at("GOV-07"),
        at("GOV-06") + 1,
        "after its dimension's last program"
    );

    t.key("d");
    t.wait_for("the delete question", |s| {
        s.contains("Delete program GOV-07 Uji tambah program")
    });
    t.key("y");
    t.wait_for("GOV-07 gone", |s| {
        // Gone from the list; the bar names what was deleted.
        !s.lines()
            .any(|l| l.starts_with('│') && l.contains("GOV-07"))
            && looks::program_selected(s, "GOV-06")
            && bottom_line(s).contains("Changed: GOV-07 deleted")
    });
    ui.save();
    ui.quit_unprompted();

    let saved = ui.read_back();
    assert!(saved.programs.iter().all(|p| p.id != "GOV-07"), "no GOV-07");
    assert_eq!(saved.programs.len(), count);
    assert_eq!(saved, original(), "the plan is as it was");
}

/// The same over SSH, where terminal flow control (XON/XOFF) could swallow
/// Ctrl-S: the sshd harness of `common::ssh`, as `ssh.rs` uses it.
#[cfg(target_os = "linux")]
mod over_ssh {
    use super::{load, next_status, original, program, program_mut, row_shows};
    use crate::common::ssh::{Remote, sshd_or_skip};
    use crate::common::{self, bottom_line, looks};

    #[test]
    fn over_ssh_ctrl_s_saves_a_status_change_and_is_not_taken_for_flow_control() {
        if !sshd_or_skip() {
            return;
        }
        let session = Remote::start("ssh-editing.ron", true);
        let t = &session.tmux;
        let mut expected = original();
        let after = next_status(program(&expected, "GOV-01").status);

        t.key("2");
        t.wait_for("the dimension list", |s| {
            looks::dimension_selected(s, "Smart Governance")
        });
        t.key("Enter");
        t.wait_for("the program list", |s| looks::program_selected(s, "GOV-01"));
        t.keys_at_once(&["s", "j", "Enter"]);
        t.wait_for("the status changed", |s| row_shows(s, "GOV-01", after));
        t.key("C-s");
        // Were Ctrl-S taken as XOFF anywhere on the way, the screen would
        // freeze here instead.
        t.wait_for("\"Saved at\" over ssh", |s| {
            super::has_time_after(bottom_line(s), "Saved at ")
        });
        program_mut(&mut expected, "GOV-01").status = after;
        assert_eq!(load(&session.plan), expected, "saved while still running");

        // The terminal still flows: the next key moves the selection.
        t.key("j");
        let screen = t.wait_for("GOV-02 selected", |s| looks::program_selected(s, "GOV-02"));
        assert!(!bottom_line(&screen).contains(" [+]"), "{screen}");
        t.key("q");
        let screen = t.wait_for("ssh to end after q", |s| s.contains("ssh exited: "));
        assert!(
            screen.contains("ssh exited: 0"),
            "no question, exit 0:\n{screen}"
        );
        assert_eq!(load(&session.plan), expected);
        let backup = session.plan.with_file_name("ssh-editing.ron.bak");
        assert!(
            std::fs::read(&backup).unwrap() == common::example().as_bytes(),
            "the backup is the original"
        );
    }
}

/// Every file under `dir` (not into `target`), with its bytes: what a
/// session must leave as it was.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if name == "target" || name == ".git" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((path.clone(), std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn demo_from_the_repository_edits_and_saves_a_private_copy_and_leaves_nothing_behind() {
    if !tmux_or_skip() {
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data_before = tree(&repo.join("data"));
    let top = |d: &Path| -> Vec<_> {
        let mut names: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        names.sort();
        names
    };
    let top_before = top(repo);
    let home = TempDir::new().unwrap();
    let tmp = TempDir::new().unwrap();
    // As the README's first command runs it: from the repository, no file named.
    let script = format!(
        r#"cd "$0" && env -u LC_ALL -u LC_MESSAGES -u PANTAU_FILE -u XDG_DATA_HOME -u XDG_STATE_HOME HOME="$1" TMPDIR="$2" LANG=C.UTF-8 NO_COLOR=1 "$3" --demo --today {} 2>&1; echo "{EXITED}$?"; read -r _"#,
        common::TODAY
    );
    let argv: Vec<std::ffi::OsString> = vec![
        "sh".into(),
        "-c".into(),
        script.into(),
        repo.into(),
        home.path().into(),
        tmp.path().into(),
        common::BIN.into(),
    ];
    let t = Tmux::start((80, 24), &argv);
    let screen = t.wait_for("the dashboard", looks::dashboard);
    assert!(
        bottom_line(&screen).contains("luwu-utara.ron (demo copy)"),
        "the status bar says it is the demo copy: {screen}"
    );
    let copies: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(copies.len(), 1, "one private folder under TMPDIR");
    let copy = copies[0].path();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o700,
        "the copy's folder is private"
    );

    t.key("2");
    t.wait_for("the dimension list", |s| {
        looks::dimension_selected(s, "Smart Governance")
    });
    t.key("Enter");
    t.wait_for("Smart Governance's programs", |s| {
        looks::program_selected(s, "GOV-01")
    });
    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("the status changed", |s| {
        bottom_line(s).contains("GOV-01: status is now")
    });
    t.key("C-s");
    t.wait_for("saved", |s| bottom_line(s).contains("Saved at "));
    let saved = std::fs::read_to_string(copy.join(FILE)).unwrap();
    assert_ne!(saved, example(), "the save went to the private copy");
    assert!(
        copy.join(format!("{FILE}.journal")).is_dir(),
        "its journals too"
    );

    t.key("q");
    let screen = t.wait_for("pantau to end", |s| s.contains(EXITED));
    assert!(screen.contains(&format!("{EXITED}0")), "{screen}");
    assert!(
        screen.contains("the private copy and its edits were removed"),
        "says the copy is gone: {screen}"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "the private copy is removed"
    );
    assert!(data_before == tree(&repo.join("data")), "data/ untouched");
    assert_eq!(top_before, top(repo), "no side files in the repository");
}

#[test]
fn a_self_assessment_entered_in_the_evaluation_view_is_saved_and_the_index_shows() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    t.key("4");
    let screen = t.wait_for("the evaluation view", |s| {
        s.contains("(estimate)") && s.contains("Baseline") && s.contains("Quick win")
    });
    assert!(
        screen.contains("> Baseline") || screen.contains(">  Baseline"),
        "{screen}"
    );
    t.key("Enter");
    t.wait_for("the self-assessment form", |s| {
        s.contains("Self-assessment: Baseline")
    });
    // The example's own self-assessment is in the form: cleared, and a score
    // off the scale is refused.
    t.key("C-u");
    t.type_text("7");
    t.key("Enter");
    t.wait_for("the form refusing 7", |s| s.contains("a score from 0 to 5"));
    t.key("BSpace");
    // A decimal comma, as Indonesians write it.
    t.type_text("3,4");
    t.key("Tab");
    t.key("C-u");
    t.type_text("Dokumen masterplan 2022");
    t.key("Enter");
    let screen = t.wait_for("Baseline's score from the self-assessment", |s| {
        s.lines()
            .any(|l| l.contains("Baseline") && l.contains("3.40") && l.contains("self-assessment"))
    });
    assert!(
        !screen.contains("Self-assessment: Baseline"),
        "the form closed"
    );
    ui.save();
    ui.quit_unprompted();
    let plan = ui.read_back();
    let scores = &plan.evaluation.scores;
    assert_eq!(
        scores.len(),
        1,
        "the year's one self-assessment, replaced: {scores:?}"
    );
    assert_eq!(scores[0].aspect, pantau::plan::model::Aspect::Baseline);
    assert_eq!(scores[0].score, 3.4);
    assert_eq!(scores[0].note, "Dokumen masterplan 2022");
    let log = pantau::store::audit::read(&ui.plan).unwrap();
    assert!(
        log.iter().any(|e| e.field == "evaluation"),
        "the journal has it: {log:?}"
    );
}

/// GOV-01's edit form with " (rev)" typed after its name; the name it makes.
fn gov_01_form_typed(ui: &Editing) -> String {
    let t = &ui.tmux;
    ui.governance_programs();
    t.key("e");
    t.wait_for("GOV-01's form", |s| s.contains("Edit program GOV-01"));
    t.key("End");
    t.type_text(" (rev)");
    t.wait_for("the typed text", |s| s.contains(" (rev)"));
    format!("{} (rev)", program(&original(), "GOV-01").name)
}

#[test]
fn ctrl_c_with_text_typed_in_a_form_asks_and_y_saves_the_text_before_quitting() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    let name = gov_01_form_typed(&ui);
    t.key("C-c");
    t.wait_for("the save-changes prompt", |s| {
        s.contains("Save changes before quitting?")
    });
    t.key("y");
    ui.wait_for_clean_exit("pantau to save the form and quit");
    assert_eq!(program(&ui.read_back(), "GOV-01").name, name);
}

#[test]
fn ctrl_s_in_a_form_accepts_it_and_saves_the_file() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let name = gov_01_form_typed(&ui);
    ui.save();
    assert_eq!(program(&ui.read_back(), "GOV-01").name, name);
    ui.quit_unprompted();
}

#[test]
fn at_40x12_d_y_ctrl_s_and_p_x_are_refused_with_a_message_and_nothing_is_written() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    ui.governance_programs();
    t.resize(40, 12);
    t.wait_for("the too-small message", |s| {
        s.contains("Terminal too small") && s.contains("40×12")
    });
    for key in ["d", "y", "C-s", "P", "x", "Enter"] {
        t.key(key);
    }
    t.wait_for("the refusal under the size", |s| {
        s.contains("Terminal too small") && s.contains("Not done")
    });
    t.resize(80, 24);
    let screen = t.wait_for("the programmes again", |s| {
        looks::program_selected(s, "GOV-01") && !s.contains("Delete")
    });
    assert!(!bottom_line(&screen).contains(" [+]"), "{screen}");
    ui.quit_unprompted();
    ui.assert_untouched();
}

#[test]
fn keys_typed_while_a_save_waits_for_the_lock_are_dropped_and_the_give_up_stays_in_view() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start_with_env(&["PANTAU_LOCK_TIMEOUT=5"]);
    let t = &ui.tmux;
    ui.governance_programs();
    let first = program(&original(), "GOV-01").status;
    t.keys_at_once(&["s", "j", "Enter"]);
    let second = next_status(first);
    t.wait_for("the status changed", |s| row_shows(s, "GOV-01", second));
    // Another officer's save holds the plan's lock file past the wait.
    drop(pantau::store::safe::lock_file(&ui.plan, true).expect("the lock file is made"));
    let name = ui.plan.file_name().unwrap().to_string_lossy();
    let lock_file = ui.plan.with_file_name(format!(".{name}.lock"));
    let mut holder = std::process::Command::new("flock")
        .arg(&lock_file)
        .args(["sleep", "30"])
        .spawn()
        .expect("flock runs");
    while !pantau::store::lock_is_held(&ui.plan) {
        std::thread::yield_now();
    }
    t.key("C-s");
    t.wait_for("the wait said", |s| {
        bottom_line(s).contains("waiting for another officer's save")
    });
    // Typed blind while the screen stands still: none of them may run.
    for key in ["s", "s", "j"] {
        t.key(key);
    }
    let screen = t.wait_for("the give-up and the dropped keys", |s| {
        bottom_line(s).contains("[3 key(s) typed meanwhile ignored] another officer's save held")
    });
    let _ = holder.kill();
    let _ = holder.wait();
    assert!(row_shows(&screen, "GOV-01", second), "no s ran:\n{screen}");
    assert!(
        looks::program_selected(&screen, "GOV-01"),
        "no j ran:\n{screen}"
    );
    assert_eq!(
        program(&ui.read_back(), "GOV-01").status,
        first,
        "nothing written"
    );
}

#[test]
fn another_officers_delete_of_the_programme_on_screen_is_named_and_space_changes_nothing() {
    if !tmux_or_skip() {
        return;
    }
    let ui = Editing::start();
    let t = &ui.tmux;
    ui.governance_programs();
    for _ in 0..5 {
        t.key("j");
    }
    t.wait_for("GOV-06 selected", |s| looks::program_selected(s, "GOV-06"));
    t.key("Enter");
    t.wait_for("GOV-06's detail", |s| looks::detail(s, "GOV-06"));
    // Another officer's save without GOV-06, written whole as a save is.
    let mut theirs = ui.read_back();
    theirs.programs.retain(|p| p.id != "GOV-06");
    let text = pantau::plan::canonical::to_ron(&theirs, "");
    let next = ui.plan.with_extension("next");
    std::fs::write(&next, &text).unwrap();
    std::fs::rename(&next, &ui.plan).unwrap();
    t.wait_for("GOV-06 named as deleted", |s| {
        bottom_line(s).contains("GOV-06 was deleted by someone else; nothing is selected")
    });
    t.key("Space");
    t.key("s");
    t.wait_for("the keys saying nothing is selected", |s| {
        bottom_line(s).contains("Nothing is selected (GOV-06 was deleted)")
    });
    let screen = ui.show_file_state();
    assert!(!bottom_line(&screen).contains(" [+]"), "{screen}");
    ui.quit_unprompted();
    assert_eq!(std::fs::read_to_string(&ui.plan).unwrap(), text);
}
