#!/bin/sh
# Terminal safety: whatever ends or stops the TUI gives the terminal back.
# tmux runs `sh -c 'memtutor LESSON; stty -a'` in a private server; after a
# signal the same pane must show stty's report with echo and icanon on.
# Ctrl-Z and fg run in an interactive shell; a storm of resizes must not kill
# it. The screen is polled with a timeout, never waited on with sleeps alone.
# usage: tests/e2e-safety/run.sh MEMTUTOR   Ends with "e2e-safety: N passed, N failed".
set -u
[ $# -ge 1 ] || { echo "usage: $0 MEMTUTOR" >&2; exit 2; }
case $1 in /*) bin=$1 ;; *) bin=$(pwd)/$1 ;; esac
pass=0; fail=0
if ! command -v tmux >/dev/null 2>&1; then
    echo "e2e-safety: tmux not found: skipped"; echo "e2e-safety: 0 passed, 0 failed"; exit 0
fi
tmp=$(mktemp -d) || exit 2
nserver=0
sock=memtutor-safety-$$-0
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT INT TERM
LESSON=names-and-references
TIMEOUT=${E2E_TIMEOUT:-10}
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; sed 's/^/     | /' "$tmp/screen" 2>/dev/null | grep -v '^     | *$' | head -n 15; }
capture() { tm capture-pane -t t -p -S -100 > "$tmp/screen" 2>/dev/null; }
wait_for() {   # wait_for REGEX
    i=0
    while [ $i -lt $((TIMEOUT * 20)) ]; do
        capture; grep -qE -- "$1" "$tmp/screen" && return 0
        sleep 0.05; i=$((i + 1))
    done
    return 1
}
start() {   # start SHELL-COMMAND: a fresh server, one 100x30 window
    tm kill-server >/dev/null 2>&1
    nserver=$((nserver + 1))
    sock=memtutor-safety-$$-$nserver   # a killed server may still hold its socket
    tm set-option -g remain-on-exit on \; new-session -d -x 100 -y 30 -s t \
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $1"
}
pid_of_memtutor() { pgrep -n -f "^$bin $LESSON" ; }
restored() { grep -qE '(^| )echo( |$)' "$tmp/screen" && grep -qE '(^| )icanon( |$)' "$tmp/screen"; }

# crashes are caught in release builds only: the sanitizers keep their reports
sigs="INT TERM HUP SEGV ABRT"
if nm "$bin" 2>/dev/null | grep -q __asan_init; then
    sigs="INT TERM HUP"; echo "skip SIGSEGV, SIGABRT: a sanitizer build"
fi
for sig in $sigs; do
    start "sh -c '\"$bin\" $LESSON; echo status=\$?; stty -a'"
    if ! wait_for "step 0/"; then bad "SIG$sig: the lesson did not open"; continue; fi
    p=$(pid_of_memtutor)
    [ -n "$p" ] && kill -s "$sig" "$p"
    if wait_for "icanon" && restored; then ok "SIG$sig restores the terminal ($(grep -o 'status=[0-9]*' "$tmp/screen"))"
    else bad "SIG$sig: no echo/icanon after the signal"; fi
done

# Ctrl-Z suspends, fg resumes with a full redraw
start "sh -i"
tm send-keys -t t "PS1='prompt> '; \"$bin\" $LESSON" Enter
if wait_for "step 0/"; then
    tm send-keys -t t C-z
    if wait_for "prompt> *$"; then
        tm send-keys -t t "clear; stty -a" Enter
        if wait_for "icanon" && restored; then ok "Ctrl-Z: the shell gets a sane terminal"; else bad "Ctrl-Z: terminal not restored"; fi
        tm send-keys -t t "fg" Enter
        if wait_for "step 0/"; then ok "fg: the lesson is redrawn in full"; else bad "fg: no redraw"; fi
        tm send-keys -t t q
    else
        bad "Ctrl-Z: no shell prompt"
    fi
else
    bad "Ctrl-Z: the lesson did not open"
fi

# a storm of 100 resizes in about a second
start "sh -c '\"$bin\" $LESSON; echo status=\$?; stty -a'"
if wait_for "step 0/"; then
    i=0
    while [ $i -lt 100 ]; do
        tm resize-window -t t -x $((40 + (i * 37) % 160)) -y $((10 + (i * 13) % 50)) 2>/dev/null
        i=$((i + 1))
    done
    tm resize-window -t t -x 100 -y 30
    # let the redraws settle: the same 100-column screen twice in a row
    i=0; prev=""
    while [ $i -lt $((TIMEOUT * 5)) ]; do
        sleep 0.2; capture; cur=$(cat "$tmp/screen")
        [ "$cur" = "$prev" ] && grep -q "q quit" "$tmp/screen" && break
        prev=$cur; i=$((i + 1))
    done
    tm send-keys -t t Right
    if wait_for "step 1/"; then ok "100 resizes: still running and redrawn"; else tm capture-pane -t t -p | tail -n 3 > "$tmp/screen"; bad "100 resizes: not responding"; fi
    tm send-keys -t t q
    if wait_for "status=0" && wait_for "icanon" && restored; then ok "quit after the storm: exit 0, terminal restored"
    else bad "quit after the storm"; fi
else
    bad "resize storm: the lesson did not open"
fi

echo "e2e-safety: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
