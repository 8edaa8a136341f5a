//! Shared by the SSH tests (`ssh.rs`, and the one in `tmux_editing.rs`): a
//! throwaway `sshd` on 127.0.0.1 with its own keys and config, an `ssh -tt`
//! client in tmux, and the real binary at the far end.
//!
//! Skipped (with a note) when `/usr/sbin/sshd` is missing, unless `CI` is set
//! (to anything but empty, `0` or `false`): then it fails, because CI must
//! install openssh-server (see `.ci/run`). Needs tmux, as the tmux tests do,
//! and under CI fails without it too.

use super::{Tmux, Verdict, in_ci, looks, note, tmux_or_skip, verdict};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

pub const SSHD: &str = "/usr/sbin/sshd";

/// Whether the SSH tests can run here; see the module comment. Under CI a
/// missing tmux or sshd fails (`super::verdict`); a missing ssh client fails
/// everywhere, since sshd without it means a broken install.
pub fn sshd_or_skip() -> bool {
    if !tmux_or_skip() {
        return false;
    }
    let installed = Path::new(SSHD).exists();
    match verdict(installed, in_ci(), true) {
        Verdict::Run => {
            for tool in ["ssh", "ssh-keygen"] {
                let found = Command::new(tool)
                    .arg("-V")
                    .stdin(Stdio::null())
                    .output()
                    .is_ok();
                assert!(found, "{tool} is missing: install openssh-client");
            }
            true
        }
        Verdict::Fail => {
            panic!("{SSHD} is missing and CI is set: CI must install openssh-server (see .ci/run)")
        }
        Verdict::Skip => {
            note(&format!(
                "skipped: {SSHD} is not installed (apt-get install openssh-server); \
                 CI would fail here instead"
            ));
            false
        }
    }
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
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// A private sshd, listening on 127.0.0.1 until dropped.
pub struct Sshd {
    child: Child,
    port: u16,
    user: String,
    dir: TempDir,
}

impl Sshd {
    pub fn start() -> Sshd {
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
            while start.elapsed() < super::WAIT && child.try_wait().unwrap().is_none() {
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

    /// What sshd has logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    /// `ssh` arguments that run `remote` on this server in a terminal.
    pub fn ssh_argv(&self, remote: &str) -> Vec<String> {
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
pub fn processes(test: impl Fn(&[String]) -> bool) -> Vec<u32> {
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

/// The parent of process `pid`, from /proc.
pub fn parent(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Whether process `pid` is running (exists and is not a zombie).
pub fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists() && !is_zombie(pid)
}

/// `kill signal pid`, e.g. `kill("-KILL", pid)`; errors ignored.
pub fn kill(signal: &str, pid: u32) {
    let _ = Command::new("kill")
        .args([signal, &pid.to_string()])
        .output();
}

/// pantau on a copy of the example at the far end of an SSH session shown in
/// tmux at 80×24, started by a shell that prints `ssh exited: <status>` when
/// ssh ends. Dropping it ends the session, the server, and any pantau the test
/// left running on its plan.
pub struct Remote {
    // `drop` kills stray pantaus first; then these go in this order: the
    // client (with its tmux), the server, the files.
    pub tmux: Tmux,
    sshd: Sshd,
    pub plan: PathBuf,
    _home: TempDir,
    _data: TempDir,
}

impl Remote {
    /// Starts a server, and pantau over ssh on a copy of the example named
    /// `file_name` (in a fresh temp folder, so its path marks this test's
    /// processes); returns once the dashboard shows. With `hold_pane`, the
    /// wrapper shell then waits for a line, so the pane stays after ssh ends.
    pub fn start(file_name: &str, hold_pane: bool) -> Remote {
        let sshd = Sshd::start();
        let home = TempDir::new().unwrap();
        let data = TempDir::new().unwrap();
        let plan = data.path().join(file_name);
        std::fs::copy(super::EXAMPLE_FILE, &plan).unwrap();
        let remote = format!(
            "env -u LC_ALL -u LC_MESSAGES -u PANTAU_FILE -u XDG_DATA_HOME \
             HOME={} LANG=C.UTF-8 NO_COLOR=1 {} {} --today {}",
            quote(path_str(home.path())),
            quote(super::BIN),
            quote(path_str(&plan)),
            super::TODAY
        );
        // A shell around ssh prints its exit status (tmux does not always keep it).
        let script = if hold_pane {
            r#""$@"; echo "ssh exited: $?"; read -r _"#
        } else {
            r#""$@"; echo "ssh exited: $?""#
        };
        let mut argv: Vec<String> = ["sh", "-c", script, "sh"]
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
            if session.tmux.dead() || start.elapsed() > super::WAIT {
                panic!(
                    "no dashboard over ssh; the screen:\n{}\nsshd's log:\n{}",
                    super::framed(&session.tmux.screen()),
                    session.sshd.log()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        session
    }

    /// Running pantau processes on this test's plan.
    pub fn pantaus(&self) -> Vec<u32> {
        let plan = path_str(&self.plan).to_string();
        processes(|args| args[0] == super::BIN && args.contains(&plan))
    }

    /// Running ssh clients for this test.
    pub fn ssh_clients(&self) -> Vec<u32> {
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
