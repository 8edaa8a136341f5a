#!/usr/bin/env python3
"""Bytes pantau writes to a real terminal (a PTY at 80x24) for one key press.

    cargo build --release && python3 scripts/pty_bytes.py [target/release/pantau]

Starts pantau on the bundled example in a pseudo-terminal, waits for the first
frame, then presses each key in turn and counts what comes back until the
output has been quiet for 300 ms. Over SSH every one of these bytes crosses
the link, so a cursor move must stay small (the target is under 1 KB).
"""
import fcntl, os, pty, select, struct, sys, termios, time

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/pantau"
plan = os.path.join(os.path.dirname(__file__), "..", "data", "luwu-utara.ron")


def drain(fd, quiet=0.3, limit=5.0):
    got, start, last = b"", time.time(), time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            got += chunk
            last = time.time()
        elif got and time.time() - last > quiet:
            break
    return got


pid, fd = pty.fork()
if pid == 0:
    os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8"})
    os.execv(binary, [binary, plan, "--today", "2023-11-02"])

fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
first = drain(fd, limit=10)
print(f"first frame: {len(first)} bytes")
for label, key in [("j (move down, dashboard)", b"j"), ("2 (switch view)", b"2"),
                   ("Enter (into programs)", b"\r"), ("j (move down, programs)", b"j"),
                   ("3 (timeline)", b"3"), ("j (move down, timeline)", b"j")]:
    os.write(fd, key)
    print(f"{label}: {len(drain(fd))} bytes")
os.write(fd, b"q")
drain(fd, quiet=0.2, limit=2)
os.waitpid(pid, 0)
