#!/bin/sh
# Hostile input: memtutor must neither crash, hang, eat memory nor print more
# than one clean error. Each tests/bad/hostile/NAME.py has NAME.expect, one
# line per run: "ARGS<TAB>STATUS<TAB>LAST STDERR LINE" (ARGS is the command and
# its options; the file's path is appended). NAME.out, if present, is exec's
# exact stdout. Cases too big to commit are generated here, then every command
# is given bad usage (exit 2, exactly one "memtutor: ..." line on stderr).
# Usage: sh tests/bad/run-hostile.sh ./memtutor    (from anywhere)
# Ends with "bad-hostile: N passed, N failed (N hostile inputs)".

[ $# -ge 1 ] || { echo "usage: $0 MEMTUTOR" >&2; exit 2; }
case $1 in /*) memtutor=$1 ;; *) memtutor=$(pwd)/$1 ;; esac
cd "$(dirname "$0")/../.." || exit 2

pass=0; fail=0; inputs=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
LIMIT=${HOSTILE_TIMEOUT:-120}   # seconds per run (sanitizer builds are slow)

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "     $l"; done; }

# run NAME WANT_STATUS WANT_LAST_LINE ARGS...: run memtutor (with a time
# limit), compare the exit status and the last line of stderr
run() {
    name=$1; want_rc=$2; want_err=$3; shift 3
    inputs=$((inputs + 1))
    timeout -s KILL "$LIMIT" "$memtutor" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    got_err=$(tail -n 1 "$tmp/err")
    if [ "$rc" -eq "$want_rc" ] && [ "$got_err" = "$want_err" ]; then
        ok "$name"
        return 0
    fi
    bad "$name: memtutor $*" "want: exit $want_rc, stderr ends: $want_err" \
        "got:  exit $rc, stderr ends: $(echo "$got_err" | cut -c1-300)"
    return 1
}

# usage ARGS...: bad usage is exit 2 with one "memtutor: " line
usage() {
    inputs=$((inputs + 1))
    timeout -s KILL "$LIMIT" "$memtutor" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    n=$(wc -l <"$tmp/err")
    if [ "$rc" -eq 2 ] && [ "$n" -eq 1 ] && grep -q '^memtutor: ' "$tmp/err"; then
        ok "usage: memtutor $*"
    else
        bad "usage: memtutor $*" "want: exit 2 and one line 'memtutor: ...'" \
            "got:  exit $rc, $n lines: $(head -c 300 "$tmp/err")"
    fi
}

tab=$(printf '\t')
for f in tests/bad/hostile/*.py tests/bad/hostile/*.json; do
    [ -e "$f" ] || continue
    exp=${f%.*}.expect
    if [ ! -f "$exp" ]; then bad "$f: no ${exp##*/}"; continue; fi
    while IFS="$tab" read -r args want_rc want_err; do
        [ -n "$args" ] || continue
        # shellcheck disable=SC2086  # ARGS is split on purpose
        if run "${f##*/} ($args)" "$want_rc" "$want_err" $args "$f"; then
            if [ "${args%% *}" = exec ] && [ -f "${f%.*}.out" ] && ! cmp -s "$tmp/out" "${f%.*}.out"; then
                pass=$((pass - 1))
                bad "${f##*/} ($args): stdout differs from ${f%.*}.out" "$(head -c 200 "$tmp/out")"
            fi
        fi
    done < "$exp"
done

# memory bombs allocate nothing real: peak RSS stays small (not under ASan,
# whose shadow memory and quarantine make RSS meaningless)
if [ -x /usr/bin/time ] && ! nm "$memtutor" 2>/dev/null | grep -q __asan_init; then
    for f in memory-bomb memory-bomb-str memory-bomb-pow; do
        inputs=$((inputs + 1))
        /usr/bin/time -f '%M' -o "$tmp/rss" "$memtutor" exec "tests/bad/hostile/$f.py" >/dev/null 2>&1
        kb=$(tail -n 1 "$tmp/rss")
        if [ "${kb:-999999}" -lt 65536 ]; then ok "$f.py: peak RSS ${kb} KB"; else bad "$f.py: peak RSS ${kb} KB (limit 64 MB)"; fi
    done
    # strings built by +, join and f-strings stop at the ceiling before
    # taking real memory for a string that could not be made anyway
    for f in memory-doubling memory-join memory-fstring; do
        inputs=$((inputs + 1))
        /usr/bin/time -f '%M' -o "$tmp/rss" "$memtutor" exec --max-memory 64M "tests/bad/hostile/$f.py" >/dev/null 2>&1
        kb=$(tail -n 1 "$tmp/rss")
        if [ "${kb:-999999}" -lt 196608 ]; then ok "$f.py --max-memory 64M: peak RSS ${kb} KB"
        else bad "$f.py --max-memory 64M: peak RSS ${kb} KB (limit 192 MB)"; fi
    done
fi

# generated: too big to commit
gen() { python3 -c "import sys; sys.stdout.write($1)" > "$tmp/$2"; }
if command -v python3 >/dev/null 2>&1; then
    gen "'x = ' + '(' * 100000 + ')' * 100000 + '\n'" parens.py
    run "100,000 nested parentheses" 1 "SyntaxError: too many nested parentheses" exec "$tmp/parens.py"
    gen "'x = ' + '[' * 5000 + ']' * 5000 + '\n'" brackets.py
    run "5,000 nested brackets" 1 "SyntaxError: too many nested parentheses" exec "$tmp/brackets.py"
    run "5,000 nested brackets (trace)" 1 "SyntaxError: too many nested parentheses" trace "$tmp/brackets.py"
    gen "'x = ' + '{1: ' * 5000 + '1' + '}' * 5000 + '\n'" braces.py
    run "5,000 nested braces" 1 "SyntaxError: too many nested parentheses" exec "$tmp/braces.py"
    gen "'x = ' + '[' * 100000 + '\n'" unclosed.py
    run "100,000 unclosed brackets" 1 "SyntaxError: too many nested parentheses" exec "$tmp/unclosed.py"
    # memtutor's parser stops at 1,000 levels (CPython: RecursionError or MemoryError)
    gen "'x = ' + '1 + ' * 100000 + '1\n'" chain.py
    run "100,000-term operator chain" 1 "SyntaxError: too complex" exec "$tmp/chain.py"
    gen "'x = ' + '-' * 100000 + '1\n'" unary.py
    run "100,000 unary minuses" 1 "SyntaxError: too complex" exec "$tmp/unary.py"
    gen "'x = 1' + ' if 1 else 1' * 100000 + '\n'" ifexp.py
    run "100,000 conditional expressions" 1 "SyntaxError: too complex" exec "$tmp/ifexp.py"
    gen "'x = ' + 'not ' * 100000 + '1\n'" nots.py
    run "100,000 nots" 1 "SyntaxError: too complex" exec "$tmp/nots.py"
    gen "'x = (1)' + '.real' * 100000 + '\n'" attrs.py
    run "100,000 attribute lookups" 1 "SyntaxError: too complex" exec "$tmp/attrs.py"
    gen "'def f(): return f\n' + 'f' + '()' * 100000 + '\n'" calls.py
    run "100,000 chained calls" 1 "SyntaxError: too complex" exec "$tmp/calls.py"
    gen "'x = ' + '1 + ' * 900 + '1\n'" chain900.py
    run "a 900-term operator chain (accepted)" 0 "" exec "$tmp/chain900.py"
    gen "''.join(' ' * i + 'if True:\n' for i in range(101)) + ' ' * 101 + 'pass\n'" indent.py
    run "101 levels of indentation" 1 "IndentationError: too many levels of indentation" exec "$tmp/indent.py"
    gen "'x = \"' + 'a' * 5000000 + '\"\nprint(len(x))\n'" longstr.py
    run "a 5 MB string literal" 0 "" exec "$tmp/longstr.py"
    gen "'x = 1\n' * 200000" manylines.py
    run "200,000 lines" 0 "" exec "$tmp/manylines.py"
    gen "'x = ' + '9' * 100000 + '\n'" longint.py
    run "a 100,000-digit literal" 1 "SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 100000 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits." exec "$tmp/longint.py"
    gen "'x = 0x' + 'f' * 100000 + '\nprint(x > 0)\n'" longhex.py
    run "a 100,000-digit hex literal" 0 "" exec "$tmp/longhex.py"
    gen "'x = int(\"' + '9' * 5000 + '\")\n'" intstr.py
    run "int() of 5,000 digits" 1 "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit" exec "$tmp/intstr.py"
fi
head -c 16777217 /dev/zero | tr '\0' '#' > "$tmp/huge.py"
run "a 16 MB + 1 script" 2 "memtutor: $tmp/huge.py: file too large" exec "$tmp/huge.py"
rm -f "$tmp/huge.py"
head -c 3145728 /dev/zero | tr '\0' '[' > "$tmp/bomb.py"
run "a 3 MB bracket bomb script" 1 "SyntaxError: too many nested parentheses" exec "$tmp/bomb.py"
printf '\377\376\000\001' > "$tmp/binary.py"
run "binary .py, not UTF-8" 1 "SyntaxError: Non-UTF-8 code starting with '\\xff' in file $tmp/binary.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details" exec "$tmp/binary.py"
: > "$tmp/empty.json"
run "an empty lesson (trace)" 2 "memtutor: $tmp/empty.json: file is empty" trace "$tmp/empty.json"

# missing files, directories, things that are not lessons, for every command
mkdir -p "$tmp/dir.py" "$tmp/dir.json"
for cmd in exec trace render check; do
    run "$cmd: a missing .py" 2 "memtutor: $tmp/missing.py: no such file" $cmd "$tmp/missing.py"
    run "$cmd: a directory .py" 2 "memtutor: $tmp/dir.py: is a directory" $cmd "$tmp/dir.py"
done
for cmd in trace render check; do
    run "$cmd: a missing .json" 2 "memtutor: $tmp/missing.json: no such file" $cmd "$tmp/missing.json"
    run "$cmd: a directory .json" 2 "memtutor: $tmp/dir.json: is a directory" $cmd "$tmp/dir.json"
    run "$cmd: an unknown id" 2 "memtutor: no-such-lesson: no built-in lesson of that id, and not a .json or .py file (see memtutor list)" $cmd no-such-lesson
done
run "exec: /dev/null" 0 "" exec /dev/null

# bad usage
usage exec
usage exec --bogus x.py
usage exec a.py b.py
usage exec --max-steps
usage exec --max-steps 0 x.py
usage exec --max-steps -5 x.py
usage exec --max-steps abc x.py
usage exec --max-steps 99999999999999999999999 x.py
usage exec --max-memory 5Q x.py
usage exec --max-memory
usage trace
usage trace a.py b.py
usage render
usage render --bogus names-and-references
usage render --step
usage render --step -1 names-and-references
usage render --step x names-and-references
usage render --step 99 names-and-references
usage render --step "" names-and-references
usage render --event x --step 6 names-and-references
usage render --event -1 --step 6 names-and-references
usage render --event 3 names-and-references
usage render --event 99999 --step 6 names-and-references
usage render --size 0x0 names-and-references
usage render --size 100000x5 names-and-references
usage render --size abc names-and-references
usage render a b
usage render --pane bogus names-and-references
usage record names-and-references -o /dev/null --pane bogus
usage record names-and-references -o /dev/null --pane
usage check no-such-lesson
usage list extra
usage exec x.py --max-memory
usage --bogus
usage --color=sometimes
usage --delay
usage --delay -1
usage a.py b.py

echo "bad-hostile: $pass passed, $fail failed ($inputs hostile inputs)"
[ "$fail" -eq 0 ]
