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
# and every other signal whose default action ends the process
sigs="INT TERM HUP SEGV ABRT QUIT USR1 USR2 ALRM PIPE TRAP XCPU XFSZ VTALRM PROF SYS PWR IO RTMIN RTMAX"
if nm "$bin" 2>/dev/null | grep -q __asan_init; then
    sigs="INT TERM HUP QUIT USR1 USR2 ALRM PIPE TRAP XCPU XFSZ VTALRM PROF SYS PWR IO RTMIN RTMAX"
    echo "skip SIGSEGV, SIGABRT: a sanitizer build"
fi
for sig in $sigs; do
    start_sh "\"$bin\" $LESSON; echo status=\$?; stty -a"
    if ! wait_for "step 0/"; then bad "SIG$sig: the lesson did not open"; continue; fi
    p=$(pid_of_memtutor)
    [ -n "$p" ] && kill -s "$sig" "$p" 2>/dev/null
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

# Long computations: any key (or Ctrl-C) interrupts them, the screen stays
# usable.  A lesson whose step 2 is one statement that never ends.
cat > "$tmp/endless.json" <<'JSON'
{"id": "endless", "title": "An endless second line", "summary": "one statement, endless work",
 "source": ["a = []", "n = sum(range(10**12))", "b = a"],
 "steps": [{"line": 1, "say": "a list"}, {"line": 2, "say": "never ends"}, {"line": 3, "say": "never reached"}]}
JSON
pid_of() { pgrep -n -f "^$bin $1" ; }
start_sh "\"$bin\" \"$tmp/endless.json\"; echo status=\$?; stty -a"
if wait_for "step 0/3"; then
    keys Right; wait_for "step 1/3"
    keys Right; sleep 0.5
    keys x
    if wait_gone "step 1/3" && wait_for "interrupted" && wait_for "step 2/3"; then ok "a key interrupts a step that never ends (step 2/3, 'interrupted')"
    else bad "a key interrupts a step that never ends"; fi
    keys Left
    if wait_for "step 1/3"; then ok "after the interrupt the lesson steps on (← to step 1)"; else bad "after the interrupt: ← does nothing"; fi
    keys Right; sleep 0.5
    # Ctrl-C's SIGINT, to memtutor alone (tmux's C-c would also hit the
    # wrapper shells of this test, which an interactive shell keeps apart)
    p=$(pid_of "$tmp/endless.json"); [ -n "$p" ] && kill -INT "$p"
    if wait_gone "step 1/3" && wait_for "interrupted" && wait_for "step 2/3"; then ok "Ctrl-C interrupts a step that never ends, the TUI stays"
    else bad "Ctrl-C during a step that never ends"; fi
    keys q
    if wait_for "status=0" && wait_for "icanon" && restored; then ok "q after the interrupts: exit 0, terminal restored"
    else bad "q after the interrupts"; fi
else bad "the endless lesson did not open"; fi
# SIGTERM during such a step: the TUI ends at once, the terminal restored
start_sh "\"$bin\" \"$tmp/endless.json\"; echo status=\$?; stty -a"
if wait_for "step 0/3"; then
    keys Right; wait_for "step 1/3"; keys Right; sleep 0.5
    p=$(pid_of "$tmp/endless.json"); [ -n "$p" ] && kill -TERM "$p"
    if wait_for "status=143" && wait_for "icanon" && restored; then ok "SIGTERM during an endless step: exit 143, terminal restored"
    else bad "SIGTERM during an endless step"; fi
else bad "the endless lesson did not open (SIGTERM)"; fi
# the live prompt: a statement that never ends stops, the program goes on
start_sh "\"$bin\" $LESSON; echo status=\$?; stty -a"
if wait_for "step 0/"; then
    keys :
    text 'n = sum(range(10**12))'
    keys Enter
    if wait_for "stopped"; then ok "live prompt: a statement that never ends is stopped"
    else bad "live prompt: a statement that never ends hangs the TUI"; fi
    keys Escape; keys Right
    if wait_for "step 1/"; then ok "live prompt: the lesson steps on after it"; else bad "live prompt: the lesson is stuck after it"; fi
    keys q; wait_for "status=0" || true
else bad "live prompt: the lesson did not open"; fi
# End on a script of 1,000,001 steps: a key stops it at the furthest step reached
printf 'for i in range(1100000):\n    x = i\n' > "$tmp/many.py"
TIMEOUT_SAVE=$TIMEOUT; TIMEOUT=$((TIMEOUT * 6))
start_sh "\"$bin\" \"$tmp/many.py\"; echo status=\$?; stty -a"
if wait_for "step 0/1000001"; then
    keys G; sleep 0.3; keys x   # G: End's action (tmux sends End as \e[4~, unknown to xterm-256color)
    # the screen shows step 0 until the stopped End draws the step it reached
    if wait_gone "step 0/1000001" && wait_match "step [0-9]+/1000001" && ! grep -q "step 1000001/" "$tmp/screen"; then
        at=$(sed -n 's/.* step \([0-9]*\)\/.*/\1/p' "$tmp/screen" | head -n 1)
        ok "End on 1,000,001 steps: a key stops it at step $at"
        keys Right
        if wait_for "step $((at + 1))/1000001"; then ok "and → goes on from there"; else bad "→ after the stopped End"; fi
    else bad "End on 1,000,001 steps: a key does not stop it"; fi
    keys G; sleep 0.3
    p=$(pid_of "$tmp/many.py"); [ -n "$p" ] && kill -TERM "$p"
    if wait_for "status=143" && wait_for "icanon" && restored; then ok "SIGTERM during End: exit 143 at once, terminal restored"
    else bad "SIGTERM during End"; fi
else bad "the 1,000,001-step script did not open"; fi
# 200 resizes while a long step runs: no crash, the step finishes, the TUI answers
cat > "$tmp/long.json" <<'JSON'
{"id": "long", "title": "A long second step", "summary": "a long sum",
 "source": ["a = []", "n = sum(range(3 * 10**7))", "b = a"],
 "steps": [{"line": 1, "say": "a list"}, {"line": 2, "say": "a long sum"}, {"line": 3, "say": "done"}]}
JSON
start_sh "\"$bin\" \"$tmp/long.json\"; echo status=\$?; stty -a"
if wait_for "step 0/3"; then
    keys Right; wait_for "step 1/3"; keys Right
    i=0
    while [ $i -lt 200 ]; do
        tm resize-window -t t -x $((40 + (i * 37) % 160)) -y $((10 + (i * 13) % 50)) 2>/dev/null
        i=$((i + 1))
    done
    tm resize-window -t t -x 100 -y 30
    if wait_for "step 2/3"; then
        keys Right
        if wait_for "step 3/3"; then ok "200 resizes during a long step: no crash, it steps on"
        else bad "200 resizes during a long step: not responding"; fi
    else bad "200 resizes during a long step: the step never shows"; fi
    keys q
    if wait_for "status=0" && wait_for "icanon" && restored; then ok "quit after resizes in a long step: exit 0"
    else bad "quit after resizes in a long step"; capture; fi
else bad "the long lesson did not open"; fi
TIMEOUT=$TIMEOUT_SAVE
# the menu's "open a script…" on a FIFO: it does not block
mkfifo "$tmp/pipe.py"
start_sh "\"$bin\"; echo status=\$?; stty -a"
if wait_for "Enter open"; then
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do keys Down; done
    keys Enter
    if wait_for "open a script: "; then
        text "$tmp/pipe.py"; keys Enter
        if wait_match "step 0/|pipe.py"; then
            keys q; keys q
            if wait_for "status=0"; then ok "menu: opening a FIFO does not block"; else bad "menu: after opening a FIFO, q does not quit"; fi
        else bad "menu: opening a FIFO blocks"; fi
    else bad "menu: open a script… asks for no path"; fi
else bad "menu did not open (FIFO)"; fi

# Progress files: nothing of the user's is lost.  Each run opens $LESSON with
# its own state directory, steps once (which saves) and quits.
state=$tmp/state
prog=$state/memtutor/progress.json
# step_once [DIR]: memtutor LESSON under XDG_STATE_HOME=DIR, one step, quit;
# its stderr in $tmp/perr
step_once() {
    start_sh "XDG_STATE_HOME='${1:-$state}' \"$bin\" ${2:-$LESSON} 2>\"$tmp/perr\""
    wait_for "step 0/" && keys Right && wait_for "step 1/" && keys q && wait_dead >/dev/null
}
has_lesson() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if sys.argv[2] in d['lessons'] else 1)" "$@" 2>/dev/null; }
if command -v python3 >/dev/null 2>&1; then
    # an oversized file (over 4 MiB) is moved aside and the user told
    rm -rf "$state"; mkdir -p "$state/memtutor"
    python3 -c "import sys; sys.stdout.write('{\"version\": 1, \"pad\": \"' + 'x' * (5 << 20) + '\"}')" > "$prog"
    if step_once && [ "$(wc -c < "$prog.corrupt" 2>/dev/null)" -gt 5000000 ] && grep -q "moved aside" "$tmp/perr" &&
       has_lesson "$prog" "$LESSON"; then ok "progress: an oversized file is moved aside (told on stderr), not overwritten"
    else bad "progress: an oversized file: $(ls "$state/memtutor" | tr '\n' ' ')"; show "$tmp/perr"; fi
    # an unreadable file: root reads anything, so only a user can test this
    if [ "$(id -u)" != 0 ]; then
        rm -rf "$state"; mkdir -p "$state/memtutor"
        echo '{"version": 1, "lessons": {"keep": {}}}' > "$prog"; chmod 000 "$prog"
        if step_once && [ -f "$prog.corrupt" ] && grep -q "moved aside" "$tmp/perr"; then ok "progress: an unreadable file is moved aside"
        else bad "progress: an unreadable file: $(ls "$state/memtutor" | tr '\n' ' ')"; fi
    else
        echo "skip progress: an unreadable file (root can read any file)"
    fi
    # a second corrupt file gets its own aside copy: the first is kept
    rm -rf "$state"; mkdir -p "$state/memtutor"
    echo 'first junk' > "$prog"; step_once
    echo 'second junk' > "$prog"
    if step_once && grep -q "first junk" "$prog.corrupt" 2>/dev/null && grep -q "second junk" "$prog.corrupt.1" 2>/dev/null; then
        ok "progress: a second corrupt file is moved aside to .corrupt.1, the first copy kept"
    else bad "progress: a second corrupt file: $(ls "$state/memtutor" | tr '\n' ' ')"; fi
    # a symlinked progress file stays a symlink; the file it names is updated
    rm -rf "$state"; mkdir -p "$state/memtutor" "$tmp/dotfiles"
    echo '{"version": 1, "lessons": {}}' > "$tmp/dotfiles/progress.json"
    ln -s "$tmp/dotfiles/progress.json" "$prog"
    if step_once && [ -L "$prog" ] && has_lesson "$tmp/dotfiles/progress.json" "$LESSON"; then
        ok "progress: a symlink is followed, not replaced"
    else bad "progress: a symlink: $(ls -l "$state/memtutor" | tail -n +2 | tr '\n' ' ')"; fi
    # two instances on one state directory: both lessons are kept
    rm -rf "$state"
    start_sh "XDG_STATE_HOME='$state' \"$bin\" $LESSON"
    tm new-window -d -t t -n w2 env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME="$state" "$bin" del-unbinds-names
    two_shows() { tm capture-pane -t t:w2 -p 2>/dev/null | grep -qF "$1"; }
    if wait_for "step 0/" && poll two_shows "step 0/"; then
        keys Right; wait_for "step 1/"
        tm send-keys -t t:w2 Right; poll two_shows "step 1/"
        keys q; tm send-keys -t t:w2 q
        sleep 0.5
        if has_lesson "$prog" "$LESSON" && has_lesson "$prog" del-unbinds-names; then
            ok "progress: two instances on one file merge (both lessons kept)"
        else bad "progress: two instances: $(cat "$prog" 2>/dev/null | tr -d ' \n' | cut -c1-200)"; fi
    else bad "progress: two instances did not open"; fi
fi

# the terminal closes and no SIGHUP arrives (blocked): the TUI must end, not spin
if msg=$(python3 "$here/hangup.py" "$bin" $LESSON 2>&1); then ok "$msg"; else bad "$msg"; fi

finish
