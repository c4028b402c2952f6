#!/bin/sh
# The presenter's second screen: `memtutor LESSON --presenter` in one tmux
# session (the projector), `memtutor notes` in another of the same private
# server (the instructor's screen).  Stepping the presenter moves the notes
# screen; it shows the instructor notes, a question's answer before the
# audience sees it, the next step's narration and the time; the projector
# never shows notes; quitting the presenter ends the notes screen cleanly.
# XDG_RUNTIME_DIR and TMPDIR point into a temporary directory.
#
# usage: tests/presenter/run.sh MEMTUTOR_BINARY
# Ends with "presenter: N passed, N failed"; exit 1 if any failed, 2 bad usage.
# Without tmux every test is skipped (reported; 0 passed, 0 failed).
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/tmux.sh source-path=SCRIPTDIR
. "$here/../lib/tmux.sh"
suite_begin presenter pres "$@"
TIMEOUT=${PRESENTER_TIMEOUT:-10}
FAIL_SCREEN=32
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run" TMPDIR="$tmp/tmpdir"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$TMPDIR"
chmod 700 "$XDG_RUNTIME_DIR"
sockpath=$XDG_RUNTIME_DIR/memtutor-presenter.sock
envs="HOME=$HOME XDG_STATE_HOME=$XDG_STATE_HOME XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR TMPDIR=$TMPDIR LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"

# the notes screen: session n of the same server, its exit status in $tmp/nstatus
notes_start() {
    rm -f "$tmp/nstatus"
    # shellcheck disable=SC2086
    # (the pane stays alive after notes exits: tmux 3.3 loses a dead pane's last output)
    tm new-session -d -x 100 -y 30 -s n sh -c 'st=$1; shift; "$@"; echo $? > "$st"; exec sleep 600' sh "$tmp/nstatus" \
        env $envs "$@" "$bin" notes
}
ncap() { tm capture-pane -t n -p > "$tmp/nscreen" 2>/dev/null; }
nshows() { ncap; grep -qF -- "$1" "$tmp/nscreen"; }
nlacks() { ncap; ! grep -qF -- "$1" "$tmp/nscreen"; }
nmatch() { ncap; grep -qE -- "$1" "$tmp/nscreen"; }
nwait() { poll nshows "$1"; }
nbad() { bad "$1"; show "$tmp/nscreen" 30; }

L=names-and-references
# 1. no presenter: notes says so, exit 2 (no terminal needed to say it)
"$bin" notes > "$tmp/out" 2> "$tmp/err" < /dev/null
rc=$?
if [ "$rc" = 2 ] && grep -qF "no presenter is running" "$tmp/err" && grep -qF "$sockpath" "$tmp/err" && [ ! -s "$tmp/out" ]
then ok "notes without a presenter: 'no presenter is running (looked for SOCKET)', exit 2"
else bad "notes without a presenter: exit $rc"; show "$tmp/err"; fi

# 2. the pair
# shellcheck disable=SC2086
start env $envs "$bin" $L --presenter
if wait_for "Names and references" || wait_for "source"; then
    perms=$(stat -c %a "$sockpath" 2>/dev/null)
    if [ -S "$sockpath" ] && [ "$perms" = 600 ]; then ok "presenter: listens on \$XDG_RUNTIME_DIR/memtutor-presenter.sock, mode 600"
    else bad "presenter: socket $sockpath (mode $perms)"; fi
    notes_start
    if nwait "step 0/8" && nwait "Names and references" && nwait "Python builds a list object"; then
        ok "notes: connects; shows step 0/8 and the next step's narration"
    else nbad "notes: connects; shows step 0/8 and the next step's narration"; fi
    if nmatch "elapsed [0-9]+:[0-9][0-9] · this step [0-9]+:[0-9][0-9]"; then ok "notes: elapsed time and time on this step"
    else nbad "notes: elapsed time"; fi
    keys Right
    if nwait "step 1/8" && nwait "Point at the arrow from the name a"; then
        ok "presenter → : the notes screen follows to step 1, with its instructor notes"
    else nbad "presenter → : the notes screen follows to step 1"; fi
    # the projector: no notes, even when asked for them, also with P's layout off
    keys "#"
    keys P
    if wait_for "step 1/8" && lacks "Point at the arrow" && lacks "┌ notes"; then
        ok "projector: never shows the notes (#, also after P)"
    else bad "projector: shows the notes"; fi
    keys P
    keys "#"
    wait_gone "step 1/8" || true
    keys Right
    # step 2 asks sys.getrefcount(a): the answer is on the notes screen only
    if nwait "step 2/8" && nwait "What does sys.getrefcount(a) return?" && nwait "answer: 2   (sys.getrefcount(a))" &&
       wait_for "answer: " && lacks "answer: 2"; then
        ok "notes: the question's answer ahead of time (answer: 2); the projector asks"
    else nbad "notes: the question's answer ahead of time"; fi
    if nshows "next · step 3 · line 4" && nshows "answer: 3   (sys.getrefcount(b))"; then
        ok "notes: the next step and its question's answer"
    else nbad "notes: the next step"; fi
    keys Left
    if nwait "step 1/8"; then ok "presenter ← : the notes screen goes back to step 1"
    else nbad "presenter ← : the notes screen goes back"; fi
    keys G
    if nwait "step 8/8" && nlacks "next ·"; then ok "presenter G: step 8/8, no next step"
    else nbad "presenter G: step 8/8"; fi

    # a second presenter is refused while this one runs
    # shellcheck disable=SC2086
    env $envs "$bin" $L --presenter > /dev/null 2> "$tmp/err2" < /dev/null
    rc=$?
    # (not a terminal: refused before or after the socket check, exit 2 either way)
    if [ "$rc" = 2 ] && [ -S "$sockpath" ]; then ok "a second presenter: exit 2, the first one's socket kept"
    else bad "a second presenter: exit $rc"; fi

    # quitting the presenter ends the notes screen, which says so
    quit
    if poll test -s "$tmp/nstatus" && [ "$(cat "$tmp/nstatus")" = 0 ] && nwait "the presenter has quit"; then
        ok "presenter q: the notes screen says 'the presenter has quit' and exits 0"
    else nbad "presenter q: the notes screen ($(cat "$tmp/nstatus" 2>/dev/null))"; fi
    if [ ! -e "$sockpath" ] && [ "$(cat "$tmp/status" 2>/dev/null)" = 0 ]; then ok "presenter q: exit 0, its socket removed"
    else bad "presenter q: exit $(cat "$tmp/status" 2>/dev/null), or the socket is left"; fi
else bad "presenter: the lesson opens"; fi

# 3. a second presenter in a terminal: says another one runs
# (this presenter writes its pid, for the SIGKILL of section 4)
# shellcheck disable=SC2086,SC2016
start sh -c 'echo $$ > "$1"; shift; exec "$@"' sh "$tmp/ppid" env $envs "$bin" $L --presenter
wait_for "source" || true
poll test -S "$sockpath" || true
tm new-session -d -x 100 -y 30 -s p2 sh -c "env $envs '$bin' $L --presenter; echo \$? > '$tmp/p2status'; sleep 30"
if poll test -s "$tmp/p2status" && [ "$(cat "$tmp/p2status")" = 2 ] &&
   tm capture-pane -t p2 -p | grep -qF "another presenter is running"; then
    ok "a second presenter in a terminal: 'another presenter is running', exit 2"
else bad "a second presenter in a terminal"; tm capture-pane -t p2 -p | head -n 5; fi

# 4. a presenter killed with SIGKILL leaves its socket: notes says no presenter; the next one starts
[ -s "$tmp/ppid" ] && kill -KILL "$(cat "$tmp/ppid")"
poll test -s "$tmp/status" || true
tm kill-server >/dev/null 2>&1
if [ -S "$sockpath" ]; then
    "$bin" notes > /dev/null 2> "$tmp/err" < /dev/null
    rc=$?
    if [ "$rc" = 2 ] && grep -qF "no presenter is running" "$tmp/err"; then ok "a dead presenter's socket: notes says no presenter is running"
    else bad "a dead presenter's socket: notes exit $rc"; fi
    # shellcheck disable=SC2086
    start env $envs "$bin" $L --presenter
    if wait_for "source" && [ -S "$sockpath" ]; then
        notes_start
        if nwait "step 0/8"; then ok "a dead presenter's socket is replaced by the next presenter"
        else nbad "a dead presenter's socket is replaced"; fi
        quit
    else bad "a presenter after a dead one does not start"; fi
else
    bad "the killed presenter left no socket to test with"
fi

# 5. without XDG_RUNTIME_DIR: ${TMPDIR:-/tmp}/memtutor-UID/presenter.sock, the directory 0700
# shellcheck disable=SC2086
start env -u XDG_RUNTIME_DIR $(echo "$envs" | sed 's/XDG_RUNTIME_DIR=[^ ]*//') "$bin" $L --presenter
d=$TMPDIR/memtutor-$(id -u)
if wait_for "source" && [ -S "$d/presenter.sock" ] && [ "$(stat -c %a "$d")" = 700 ]; then
    ok "no XDG_RUNTIME_DIR: the socket is \$TMPDIR/memtutor-UID/presenter.sock, its directory mode 700"
else bad "no XDG_RUNTIME_DIR: socket in $d"; ls -la "$d" 2>&1 | head -n 5; fi
quit
chmod 755 "$d"
env -u XDG_RUNTIME_DIR "$bin" notes > /dev/null 2> "$tmp/err" < /dev/null
rc=$?
if [ "$rc" = 2 ] && grep -qF "only you can use" "$tmp/err"; then
    ok "a fallback directory others can use is refused (exit 2, says why)"
else bad "a fallback directory others can use: exit $rc"; show "$tmp/err"; fi

finish
