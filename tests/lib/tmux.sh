# Helpers shared by the suites that drive the real TUI in tmux (tests/e2e,
# tests/teach, tests/record, tests/e2e-safety).  POSIX sh; a suite sources it
#     here=$(cd "$(dirname "$0")" && pwd)
#     . "$here/../lib/tmux.sh"
# calls suite_begin NAME TAG "$@" (or its parts: suite_binary, need_tmux,
# tmux_setup) and sets
#     SUITE         its name, for "SUITE: N passed, N failed" (tools/suite.sh
#                   parses that closing line)
#     TIMEOUT       seconds a wait_* helper polls the screen before it gives up
#     FAIL_SCREEN   how many lines of the last captured screen `bad` shows (0: none)
#     FAIL_BLANKS   1 (default): keep blank screen lines in that excerpt; 0: drop them
#     CAPTURE_FROM  where capture starts (capture-pane -S), e.g. -100 for history
# Every tmux server is private (-L, -f /dev/null) and every wait polls the
# screen with a timeout, never a fixed sleep.  This folder holds no run.sh:
# the Makefile runs every tests/*/run.sh as a suite.

pass=0
fail=0
SUITE=tmux
TIMEOUT=10
FAIL_SCREEN=0
FAIL_BLANKS=1
CAPTURE_FROM=

# suite_binary "$@": the memtutor binary named by the first argument (usage
# and exit 2 without one) in $bin, made absolute: a path with a slash, or a
# bare name of a file here, is taken from the current directory; any other
# bare name is left to PATH.
suite_binary() {
    if [ $# -lt 1 ]; then
        echo "usage: $0 MEMTUTOR_BINARY" >&2
        exit 2
    fi
    bin=$1
    case "$bin" in
        /*) ;;
        */*) bin=$(pwd)/$bin ;;
        *) [ -e "$bin" ] && bin=$(pwd)/$bin ;;
    esac
}

ok() { pass=$((pass + 1)); echo "ok   $1"; }
# bad NAME: a failure; FAIL_SCREEN lines of the last screen follow it
bad() {
    fail=$((fail + 1))
    echo "FAIL $1"
    [ "$FAIL_SCREEN" -gt 0 ] && [ -f "$tmp/screen" ] || return 0
    if [ "$FAIL_BLANKS" = 1 ]; then show "$tmp/screen" "$FAIL_SCREEN"
    else grep -v '^ *$' "$tmp/screen" | show - "$FAIL_SCREEN"; fi
}
# show FILE [N]: its first N lines (12), indented under a FAIL line
show() { sed 's/^/     | /' "$1" | head -n "${2:-12}"; }
# finish: the closing line; exit 0 when nothing failed, else 1
finish() { echo "$SUITE: $pass passed, $fail failed"; [ "$fail" = 0 ]; exit $?; }

# need_tmux: without tmux every test is skipped (reported; 0 passed, 0 failed)
need_tmux() {
    if ! command -v tmux >/dev/null 2>&1; then
        echo "$SUITE: tmux not found: skipped"
        echo "$SUITE: 0 passed, 0 failed"
        exit 0
    fi
}

# suite_begin NAME TAG "$@": the usual start of a suite: SUITE=NAME, the
# binary from the arguments, skipped without tmux, tmux_setup TAG
suite_begin() {
    SUITE=$1
    _tag=$2
    shift 2
    suite_binary "$@"
    need_tmux
    tmux_setup "$_tag"
}

# tmux_setup TAG: a temporary directory $tmp, private servers named
# memtutor-TAG-PID-N (one per start: a server being killed may still hold its
# socket), and the cleanup of both at exit
tmux_setup() {
    sock_tag=$1
    nserver=0
    sock=memtutor-$sock_tag-$$-0
    tmp=$(mktemp -d) || exit 2
    trap 'tm kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT INT TERM
}
tm() { tmux -L "$sock" -f /dev/null "$@"; }

# start CMD...: a fresh server with one 100x30 window running the command.
# remain-on-exit is set before the pane starts, so no exit is missed (the
# last screen stays readable); a wrapper shell records the exit status in
# $tmp/status (tmux may reap the pane late)
start() {
    tm kill-server >/dev/null 2>&1
    nserver=$((nserver + 1))
    sock=memtutor-$sock_tag-$$-$nserver
    rm -f "$tmp/status"
    tm set-option -g remain-on-exit on \; new-session -d -x 100 -y 30 -s t \
        sh -c 'st=$1; shift; "$@"; echo $? > "$st"' sh "$tmp/status" "$@"
}
# start_sh SHELL-COMMAND: start it with sh -c in a UTF-8 xterm-256color terminal
start_sh() { start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color sh -c "$1"; }

# capture [OPTIONS]: the pane's text (capture-pane OPTIONS, e.g. -e) in $tmp/screen
capture() { tm capture-pane -t t -p ${CAPTURE_FROM:+-S "$CAPTURE_FROM"} "$@" > "$tmp/screen" 2>/dev/null; }
keys() { tm send-keys -t t "$@"; }
# text STRING: type it literally
text() { tm send-keys -t t -l "$1"; }

# poll CMD...: run CMD every 0.05 s until it succeeds, for TIMEOUT seconds
poll() {
    _poll=0
    while [ $_poll -lt $((TIMEOUT * 20)) ]; do
        "$@" && return 0
        sleep 0.05
        _poll=$((_poll + 1))
    done
    return 1
}
shows() { capture; grep -qF -- "$1" "$tmp/screen"; }
lacks() { capture; ! grep -qF -- "$1" "$tmp/screen"; }
matches() { capture; grep -qE -- "$1" "$tmp/screen"; }
# wait_for TEXT: until the screen shows TEXT (a fixed string)
wait_for() { poll shows "$1"; }
# wait_gone TEXT: until the screen no longer shows it
wait_gone() { poll lacks "$1"; }
# wait_match REGEX: until a line of the screen matches the extended regex
wait_match() { poll matches "$1"; }
# wait_file F: until F exists and is not empty
wait_file() { poll test -s "$1"; }
# wait_dead: until the program has exited; prints its status ("timeout": 1)
wait_dead() { poll dead_status || { echo timeout; return 1; }; }
dead_status() {
    if [ -s "$tmp/status" ]; then cat "$tmp/status"; return 0; fi
    _dead=$(tm display-message -p -t t '#{pane_dead} #{pane_dead_status}' 2>/dev/null)
    case "$_dead" in "1 "?*) echo "${_dead#1 }"; return 0 ;; esac
    # some tmux versions fill in the status only in the pane's last line
    capture
    _dead=$(sed -n 's/.*Pane is dead (status \([0-9]*\).*/\1/p' "$tmp/screen")
    [ -n "$_dead" ] && { echo "$_dead"; return 0; }
    return 1
}
# quit: press q and wait until the program has exited
quit() { keys q; wait_dead >/dev/null; }

# trimmed FILE: trailing blanks trimmed, trailing empty rows dropped
trimmed() { sed 's/[[:space:]]*$//' "$1" | awk '{ l[NR] = $0 } END { n = NR; while (n > 0 && l[n] == "") n--; for (i = 1; i <= n; i++) print l[i] }'; }
# screen_is FILE: the screen, trimmed, equals FILE (trimmed screen in $tmp/got)
screen_is() { capture; trimmed "$tmp/screen" > "$tmp/got"; cmp -s "$1" "$tmp/got"; }
