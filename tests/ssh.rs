//! pantau as officers use it: over SSH. A throwaway `sshd` on 127.0.0.1 with
//! its own keys and config, an `ssh -tt` client in tmux, and the real binary
//! at the far end.
//!
//! Skipped (with a note) when `/usr/sbin/sshd` is missing, unless `CI` is set:
//! then it fails, because CI must install openssh-server (see `.ci/run`).
//! Needs tmux, as the tmux tests do.
#![cfg(target_os = "linux")]

mod common;

use common::{Tmux, looks, note, tmux_or_skip};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const SSHD: &str = "/usr/sbin/sshd";

/// Whether the SSH tests can run here; see the module comment.
fn sshd_or_skip() -> bool {
    if !tmux_or_skip() {
        return false;
    }
    if Path::new(SSHD).exists() {
        for tool in ["ssh", "ssh-keygen"] {
            let found = Command::new(tool)
                .arg("-V")
                .stdin(Stdio::null())
                .output()
                .is_ok();
            assert!(found, "{tool} is missing: install openssh-client");
        }
        return true;
    }
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("{SSHD} is missing and CI is set: CI must install openssh-server (see .ci/run)");
    }
    note(&format!(
        "skipped: {SSHD} is not installed (apt-get install openssh-server); \
         CI would fail here instead"
    ));
    false
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `'text'` for a POSIX shell.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// A private sshd, listening on 127.0.0.1 until dropped.
struct Sshd {
    child: Child,
    port: u16,
    user: String,
    dir: TempDir,
}

impl Sshd {
    fn start() -> Sshd {
        // The privilege-separation folder sshd insists on.
        if let Err(e) = std::fs::create_dir_all("/run/sshd") {
            note(&format!("could not create /run/sshd: {e}"));
        }
        let dir = TempDir::new().unwrap();
        for key in ["host_key", "user_key"] {
            run(Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", "pantau-test", "-f"])
                .arg(dir.path().join(key)));
        }
        std::fs::copy(
            dir.path().join("user_key.pub"),
            dir.path().join("authorized_keys"),
        )
        .unwrap();
        let out = Command::new("id").arg("-un").output().expect("id runs");
        let user = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let log = dir.path().join("sshd.log");
        let mut last_log = String::new();
        // A port picked by binding :0 can be taken again before sshd binds it: retry.
        for _ in 0..5 {
            let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let mut child = spawn_sshd(dir.path(), port, &log);
            let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(10) && child.try_wait().unwrap().is_none() {
                if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                    return Sshd {
                        child,
                        port,
                        user,
                        dir,
                    };
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
            last_log = std::fs::read_to_string(&log).unwrap_or_default();
            if !last_log.contains("Address already in use") {
                break;
            }
        }
        panic!("{SSHD} did not start listening; its log:\n{last_log}");
    }

    /// `ssh` arguments that run `remote` on this server in a terminal.
    fn ssh_argv(&self, remote: &str) -> Vec<String> {
        let key = self.dir.path().join("user_key");
        let mut argv: Vec<String> = ["ssh", "-F", "/dev/null", "-tt", "-i", path_str(&key), "-p"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        argv.push(self.port.to_string());
        for option in [
            "StrictHostKeyChecking=no",
            "UserKnownHostsFile=/dev/null",
            "BatchMode=yes",
            "IdentitiesOnly=yes",
            "LogLevel=ERROR",
            "ConnectTimeout=10",
        ] {
            argv.extend(["-o".to_string(), option.to_string()]);
        }
        argv.push(format!("{}@127.0.0.1", self.user));
        argv.push(remote.to_string());
        argv
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `sshd -D -e` on 127.0.0.1:`port` with keys and config in `dir`, logging to `log`.
fn spawn_sshd(dir: &Path, port: u16, log: &Path) -> Child {
    let d = path_str(dir);
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\n\
             ListenAddress 127.0.0.1\n\
             HostKey \"{d}/host_key\"\n\
             AuthorizedKeysFile \"{d}/authorized_keys\"\n\
             PidFile \"{d}/sshd.pid\"\n\
             StrictModes no\n\
             UsePAM no\n\
             PermitRootLogin prohibit-password\n\
             PubkeyAuthentication yes\n\
             PasswordAuthentication no\n\
             KbdInteractiveAuthentication no\n\
             PrintMotd no\n\
             PrintLastLog no\n\
             X11Forwarding no\n\
             AllowTcpForwarding no\n"
        ),
    )
    .unwrap();
    Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(&config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).unwrap())
        .spawn()
        .unwrap_or_else(|e| panic!("{SSHD} does not start: {e}"))
}

/// Processes whose arguments satisfy `test`, by pid (from /proc).
fn processes(test: impl Fn(&[String]) -> bool) -> Vec<u32> {
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<String> = cmdline
            .split(|&b| b == 0)
            .filter(|a| !a.is_empty())
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        if !args.is_empty() && test(&args) && !is_zombie(pid) {
            pids.push(pid);
        }
    }
    pids
}

fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            // State is the field after the parenthesised command name.
            stat.rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X']))
        })
        .unwrap_or(true)
}

fn parent(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists() && !is_zombie(pid)
}

fn kill(signal: &str, pid: u32) {
    let _ = Command::new("kill")
        .args([signal, &pid.to_string()])
        .output();
}

/// pantau on a copy of the example at the far end of an SSH session shown in
/// tmux at 80×24. Dropping it ends the session, the server, and any pantau
/// the test left running on its plan.
struct Remote {
    // `drop` kills stray pantaus first; then these go in this order: the
    // client (with its tmux), the server, the files.
    tmux: Tmux,
    sshd: Sshd,
    plan: PathBuf,
    _home: TempDir,
    _data: TempDir,
}

impl Remote {
    fn start() -> Remote {
        let sshd = Sshd::start();
        let home = TempDir::new().unwrap();
        let data = TempDir::new().unwrap();
        // The plan's path (in a fresh temp folder) marks this test's processes.
        let plan = data.path().join("ssh-plan.ron");
        std::fs::copy(common::EXAMPLE_FILE, &plan).unwrap();
        let remote = format!(
            "env -u LC_ALL -u LC_MESSAGES -u PANTAU_FILE -u XDG_DATA_HOME \
             HOME={} LANG=C.UTF-8 NO_COLOR=1 {} {} --today {}",
            quote(path_str(home.path())),
            quote(common::BIN),
            quote(path_str(&plan)),
            common::TODAY
        );
        // A shell around ssh prints its exit status (tmux does not always keep it).
        let mut argv: Vec<String> = ["sh", "-c", r#""$@"; echo "ssh exited: $?""#, "sh"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        argv.extend(sshd.ssh_argv(&remote));
        let tmux = Tmux::start((80, 24), &argv);
        let session = Remote {
            tmux,
            sshd,
            plan,
            _home: home,
            _data: data,
        };
        let start = Instant::now();
        while !looks::dashboard(&session.tmux.screen()) {
            if session.tmux.dead() || start.elapsed() > common::WAIT {
                panic!(
                    "no dashboard over ssh; the screen:\n{}\nsshd's log:\n{}",
                    common::framed(&session.tmux.screen()),
                    std::fs::read_to_string(session.sshd.dir.path().join("sshd.log"))
                        .unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        session
            .tmux
            .wait_for("the dashboard over ssh", looks::dashboard);
        session
    }

    /// Running pantau processes on this test's plan.
    fn pantaus(&self) -> Vec<u32> {
        let plan = path_str(&self.plan).to_string();
        processes(|args| args[0] == common::BIN && args.contains(&plan))
    }

    /// Running ssh clients for this test.
    fn ssh_clients(&self) -> Vec<u32> {
        let plan = path_str(&self.plan).to_string();
        processes(|args| {
            args[0] == "ssh" && args.last().is_some_and(|remote| remote.contains(&plan))
        })
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        // Fields drop after this: kill strays first, by pid, only ours.
        for pid in self.pantaus() {
            kill("-KILL", pid);
        }
    }
}

#[test]
fn over_ssh_keys_esc_resize_and_quit_work() {
    if !sshd_or_skip() {
        return;
    }
    let session = Remote::start();
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

    // Esc over ssh arrives alone and acts at once: no escape-sequence delay.
    let pressed = Instant::now();
    t.key("Escape");
    t.wait_within(Duration::from_secs(2), "Esc back to the list", |s| {
        looks::program_selected(s, "GOV-01") && !s.contains("Milestones (")
    });
    let back = pressed.elapsed();
    assert!(back < Duration::from_secs(2), "Esc took {back:?}");
    let pressed = Instant::now();
    t.key("Escape");
    t.wait_within(Duration::from_secs(2), "Esc back to the dimensions", |s| {
        looks::dimension_selected(s, "Smart Governance")
    });
    assert!(pressed.elapsed() < Duration::from_secs(2));

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
    // Room for a program's full name now.
    assert!(screen.contains("GOV-01 Super App Luwu Utara "), "{screen}");
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
    let session = Remote::start();
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
    while alive(pantau[0]) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "pantau (pid {}) still running 5 s after its ssh link dropped",
            pantau[0]
        );
        std::thread::sleep(Duration::from_millis(50));
    }
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
