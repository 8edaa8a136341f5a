//! The configuration file in the real terminal: a key rebound in the file
//! is the key that works. The rest of the configuration's tests are
//! `tests/it/config.rs`'s.

use crate::common;
use tempfile::TempDir;

#[test]
fn a_key_rebound_in_the_file_saves_in_the_real_terminal() {
    if !common::tmux_or_skip() {
        return;
    }
    let home = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    let plan = data.path().join("luwu-utara.ron");
    std::fs::write(&plan, common::example()).unwrap();
    let config = home.path().join("config.ron");
    std::fs::write(&config, "(keys: { \"save\": [\"ctrl-w\"] })").unwrap();
    let mut argv = common::pantau_argv(home.path(), &plan, &[]);
    let mut var = std::ffi::OsString::from("PANTAU_CONFIG=");
    var.push(&config);
    // Among the assignments, before the program: `env` reads options first.
    let at = argv.iter().position(|a| a == common::BIN).unwrap();
    argv.insert(at, var);
    let t = common::Tmux::start((80, 24), &argv);
    t.wait_for("the dashboard", common::looks::dashboard);
    let screen = t.screen();
    assert!(
        common::bottom_line(&screen).contains("Ctrl-W save"),
        "{screen}"
    );
    // An edit (GOV-01's status), then the user's save key.
    t.key("2");
    t.wait_for("the dimension list", |s| {
        common::looks::dimension_selected(s, "Smart Governance")
    });
    t.key("Enter");
    t.wait_for("Smart Governance's programs", |s| {
        common::looks::program_selected(s, "GOV-01")
    });
    t.keys_at_once(&["s", "j", "Enter"]);
    t.wait_for("the status changed", |s| {
        common::bottom_line(s).contains("GOV-01: status is now")
    });
    t.key("C-s");
    t.key("?");
    t.wait_for("the help, which lists Ctrl-W", |s| {
        s.contains(" Keys ") && s.contains("Ctrl-W")
    });
    t.key("?");
    t.wait_for("the help closed", |s| !s.contains(" Keys "));
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        common::example(),
        "Ctrl-S saves no more"
    );
    t.key("C-w");
    t.wait_for("saved", |s| common::bottom_line(s).contains("Saved at "));
    let written = std::fs::read_to_string(&plan).unwrap();
    assert_ne!(written, common::example(), "the plan was written");
}
