"""The TUI ends when its terminal goes away, even if no SIGHUP reaches it.

usage: python3 hangup.py MEMTUTOR_BINARY LESSON
Runs the TUI on a fresh pseudo-terminal with SIGHUP blocked (as when the
hang-up is sent only to a parent shell that then dies), waits for its first
frame, closes the terminal's master side and waits up to 10 s for the
process to end.  Prints one line; exit 0 when it ended with status 129
(128 + SIGHUP, the quit a hang-up stands for), else 1 (the process is
killed).  Without the hang-up check the key loop spun at full speed forever.
"""
import os
import pty
import select
import signal
import sys
import time

binary, lesson = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    try:
        os.execv(binary, [binary, lesson])
    finally:
        os._exit(127)

seen = b""
deadline = time.time() + 10
while b"step 0/" not in seen and time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
if b"step 0/" not in seen:
    print("hang-up: the lesson did not open")
    os.kill(pid, signal.SIGKILL)
    sys.exit(1)

os.close(fd)
deadline = time.time() + 10
while time.time() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        code = os.waitstatus_to_exitcode(status)
        print(f"hang-up: the TUI ended, status {code}")
        sys.exit(0 if code == 129 else 1)
    time.sleep(0.1)
print("hang-up: the TUI was still running 10 s after its terminal closed")
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
sys.exit(1)
