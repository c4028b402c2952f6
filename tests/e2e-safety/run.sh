#!/bin/sh
# Terminal safety: whatever ends or stops the TUI gives the terminal back.
# tmux runs `sh -c 'memtutor LESSON; stty -a'` in a private server; after a
# signal the same pane must show stty's report with echo and icanon on.
# Ctrl-Z and fg run in an interactive shell; a storm of resizes must not kill
# it. The screen is polled with a timeout, never waited on with sleeps alone.
# usage: tests/e2e-safety/run.sh MEMTUTOR_BINARY   Ends with "e2e-safety: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/tmux.sh source-path=SCRIPTDIR
. "$here/../lib/tmux.sh"
suite_begin e2e-safety safety "$@"
LESSON=names-and-references
TIMEOUT=${E2E_TIMEOUT:-10}
FAIL_SCREEN=15
FAIL_BLANKS=0
CAPTURE_FROM=-100    # the history too: stty's report may scroll
pid_of_memtutor() { pgrep -n -f "^$bin $LESSON" ; }
restored() { grep -qE '(^| )echo( |$)' "$tmp/screen" && grep -qE '(^| )icanon( |$)' "$tmp/screen"; }

# crashes are caught in release builds only: the sanitizers keep their reports
sigs="INT TERM HUP SEGV ABRT"
if nm "$bin" 2>/dev/null | grep -q __asan_init; then
    sigs="INT TERM HUP"; echo "skip SIGSEGV, SIGABRT: a sanitizer build"
fi
for sig in $sigs; do
    start_sh "\"$bin\" $LESSON; echo status=\$?; stty -a"
    if ! wait_for "step 0/"; then bad "SIG$sig: the lesson did not open"; continue; fi
    p=$(pid_of_memtutor)
    [ -n "$p" ] && kill -s "$sig" "$p"
    if wait_for "icanon" && restored; then ok "SIG$sig restores the terminal ($(grep -o 'status=[0-9]*' "$tmp/screen"))"
    else bad "SIG$sig: no echo/icanon after the signal"; fi
done

# Ctrl-Z suspends, fg resumes with a full redraw
start_sh "sh -i"
keys "PS1='prompt> '; \"$bin\" $LESSON" Enter
if wait_for "step 0/"; then
    keys C-z
    if wait_match "prompt> *$"; then
        keys "clear; stty -a" Enter
        if wait_for "icanon" && restored; then ok "Ctrl-Z: the shell gets a sane terminal"; else bad "Ctrl-Z: terminal not restored"; fi
        keys "fg" Enter
        if wait_for "step 0/"; then ok "fg: the lesson is redrawn in full"; else bad "fg: no redraw"; fi
        keys q
    else
        bad "Ctrl-Z: no shell prompt"
    fi
else
    bad "Ctrl-Z: the lesson did not open"
fi

# a storm of 100 resizes in about a second
start_sh "\"$bin\" $LESSON; echo status=\$?; stty -a"
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
    keys Right
    if wait_for "step 1/"; then ok "100 resizes: still running and redrawn"; else tm capture-pane -t t -p | tail -n 3 > "$tmp/screen"; bad "100 resizes: not responding"; fi
    keys q
    if wait_for "status=0" && wait_for "icanon" && restored; then ok "quit after the storm: exit 0, terminal restored"
    else bad "quit after the storm"; fi
else
    bad "resize storm: the lesson did not open"
fi

finish
