#!/bin/sh
# One message format on every error path: memtutor's own errors are
# "memtutor: FILE:LINE:COL: message" (or "memtutor: FILE: message"), and
# CPython's traceback or SyntaxError text is printed unchanged, with no
# "memtutor: " glued onto it.  Each bad input below goes through every
# command (exec, check, render, record, export, trace, the TUI itself when `script`
# gives it a terminal, list with bad arguments), and stderr must have no
# doubled prefix ("memtutor: memtutor:"), no prefix glued onto CPython's text
# ("memtutor:   File ...", "memtutor: Traceback", "memtutor: SyntaxError"),
# no blank line, and end with either a "memtutor: " line or CPython's last line.
# Usage: sh tests/bad/run-prefix.sh ./memtutor    (from anywhere)
# Ends with "bad-prefix: N passed, N failed".

[ $# -ge 1 ] || { echo "usage: $0 MEMTUTOR" >&2; exit 2; }
case $1 in /*) memtutor=$1 ;; *) memtutor=$(pwd)/$1 ;; esac
cd "$(dirname "$0")/../.." || exit 2

pass=0; fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LIMIT=${HOSTILE_TIMEOUT:-120}

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; sed 's/^/     | /' "$tmp/err" | head -n 8; }

# the inputs: scripts and lessons that fail in each way there is
printf 'x = (\n' > "$tmp/syntax.py"
printf 'if True:\nprint(1)\n' > "$tmp/indent.py"
printf 'async def f():\n    pass\n' > "$tmp/refused.py"
printf 'x = 1\ny = hex(3)\n' > "$tmp/builtin.py"
printf 'x = 1\ny = 1 / 0\n' > "$tmp/raises.py"
printf 'while True:\n    pass\n' > "$tmp/loop.py"
lesson() {
    printf '{"id": "%s", "title": "t", "summary": "s", "source": "%s", "steps": [{"line": 1, "say": "a"}, {"line": 2, "say": "b"}]}\n' \
        "$1" "$2" > "$tmp/$1.json"
}
lesson syntax-lesson 'x = (\ny = 1\n'
lesson refused-lesson 'x = 1\nasync def f(): pass\n'
lesson builtin-lesson 'x = hex(3)\ny = 2\n'
lesson raises-lesson 'x = 1 / 0\ny = 2\n'
printf '{"id": "u", "title": "t", "summary": "s", "source": "x = 1\\nif x > 5:\\n    y = 2\\n", "steps": [{"line": 1, "say": "a"}, {"line": 3, "say": "b"}]}\n' \
    > "$tmp/unreached-lesson.json"
printf '{"id": "x", "title": ' > "$tmp/broken-json.json"
printf '{"id": "x"}\n' > "$tmp/schema.json"

# check_err NAME: the rules above, on $tmp/err
check_err() {
    name=$1
    if grep -qE 'memtutor: .*memtutor: |memtutor: memtutor:' "$tmp/err"; then bad "$name: a doubled memtutor: prefix"; return; fi
    if grep -qE '^memtutor: *(Traceback|File "|  )|^memtutor: [A-Za-z]*(Error|Exception|Warning)(:|$)|: +File "|: Traceback' "$tmp/err"; then
        bad "$name: memtutor: glued onto CPython's text"; return
    fi
    if grep -q '^$' "$tmp/err"; then bad "$name: a blank line on stderr"; return; fi
    last=$(tail -n 1 "$tmp/err")
    case "$last" in
        "memtutor: "?*) ;;
        *) if ! echo "$last" | grep -qE '^[A-Za-z_][A-Za-z_.]*(: .*)?$'; then bad "$name: the last line is neither memtutor's nor CPython's"; return; fi ;;
    esac
    ok "$name"
}

# run NAME ARGS...: memtutor ARGS, stderr checked (it must fail: stderr not empty)
run() {
    name=$1; shift
    timeout -s KILL "$LIMIT" "$memtutor" "$@" >/dev/null 2>"$tmp/err" </dev/null
    if [ ! -s "$tmp/err" ]; then echo "" > "$tmp/err"; bad "$name: no message"; return; fi
    check_err "$name"
}

for f in syntax indent refused builtin raises syntax-lesson refused-lesson builtin-lesson raises-lesson unreached-lesson broken-json schema; do
    case $f in *-lesson|broken-json|schema) p=$tmp/$f.json ;; *) p=$tmp/$f.py ;; esac
    case $f in *-lesson|broken-json|schema) ;; *) run "exec $f" exec "$p" ;; esac
    run "check $f" check "$p"
    # (trace runs a lesson whose last step is never reached to its end)
    [ "$f" = unreached-lesson ] || run "trace $f" trace "$p"
    case $f in builtin|raises|builtin-lesson|raises-lesson|unreached-lesson) steps="--step 2" ;; *) steps="--step 0" ;; esac
    # a run that fails later renders fine up to there: render where it fails
    # shellcheck disable=SC2086
    if [ "$steps" = "--step 0" ]; then run "render $f" render "$p"
    else "$memtutor" render $steps "$p" >/dev/null 2>"$tmp/err"
        if [ -s "$tmp/err" ]; then check_err "render $steps $f"; else ok "render $steps $f: draws the error, no message"; fi
    fi
    case $f in syntax|indent|refused|syntax-lesson|refused-lesson|broken-json|schema)
        run "record $f" record "$p" -o "$tmp/x.cast"
        run "export $f" export "$p" -o "$tmp/x.html" ;;
    esac
done
run "exec --max-steps 100 loop" exec --max-steps 100 "$tmp/loop.py"
run "exec missing" exec "$tmp/missing.py"
run "check missing" check "$tmp/missing.json"
run "render unknown id" render no-such-lesson
run "list with an argument" list extra
run "render --step 99" render --step 99 names-and-references
run "record without -o" record names-and-references
run "check a script" check "$tmp/raises.py"

# memtutor's own errors keep their one form, position included
"$memtutor" exec "$tmp/refused.py" 2>"$tmp/err" >/dev/null
if [ "$(cat "$tmp/err")" = "memtutor: $tmp/refused.py:1:1: not supported: async" ]; then ok "exec: a refusal is memtutor: FILE:LINE:COL: message"
else bad "exec: a refusal is memtutor: FILE:LINE:COL: message"; fi
"$memtutor" check "$tmp/builtin-lesson.json" 2>"$tmp/err" >/dev/null
if [ "$(tail -n 1 "$tmp/err")" = "memtutor: $tmp/builtin-lesson.json: steps[0]: the program stopped before line 1: $tmp/builtin-lesson.json:1:5: not supported: the builtin hex()" ]; then
    ok "check: a refusal at run time, embedded without its own prefix"
else bad "check: a refusal at run time, embedded without its own prefix"; fi

# the TUI's own path (it needs a terminal: script gives it one)
if command -v script >/dev/null 2>&1; then
    for f in syntax.py refused.py syntax-lesson.json refused-lesson.json broken-json.json; do
        rm -f "$tmp/err"
        TERM=xterm timeout -s KILL 20 script -qec "'$memtutor' '$tmp/$f' 2>'$tmp/err'" /dev/null </dev/null >/dev/null 2>&1
        if [ -s "$tmp/err" ]; then check_err "the TUI on $f"; else echo "" > "$tmp/err"; bad "the TUI on $f: no message"; fi
    done
    "$memtutor" exec "$tmp/syntax.py" 2>"$tmp/want" >/dev/null
    TERM=xterm timeout -s KILL 20 script -qec "'$memtutor' '$tmp/syntax.py' 2>'$tmp/err'" /dev/null </dev/null >/dev/null 2>&1
    if cmp -s "$tmp/want" "$tmp/err"; then ok "the TUI prints a syntax error exactly as exec does"
    else bad "the TUI prints a syntax error exactly as exec does"; fi
else
    echo "bad-prefix: script(1) not found: the TUI's error path skipped"
fi

echo "bad-prefix: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
