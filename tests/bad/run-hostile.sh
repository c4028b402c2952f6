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
    # one 1 MB word in a narration: wrapped (cut) and drawn; wrapping is
    # linear now (the cost is measured in the report, not asserted here)
    gen "'{\"id\": \"w\", \"title\": \"t\", \"summary\": \"s\", \"source\": [\"a = 1\"], \"steps\": [{\"line\": 1, \"say\": \"' + 'x' * 1000000 + '\"}]}'" longword.json
    run "a 1 MB word in a narration (render)" 0 "" render --step 1 "$tmp/longword.json"
    rm -f "$tmp/longword.json"
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

# one statement that never ends: the budget counts work (every iteration,
# builtin loop and comprehension step), not statements, so each stops
budget="stopped after 1000000 steps of work (the budget counts statements and loop steps; raise it with --max-steps)"
for e in 'sum(range(10**12))' 'max(range(10**12))' 'min(range(10**12))' 'all(range(1, 10**12))' \
         'any([0] * 10**7)' 'sorted(range(10**7))' 'list(range(10**7))' 'tuple(range(10**7))' \
         'sum(range(10**12)) if 1 else 0' '[0 for i in range(10**12) if 0]' \
         '{0 for i in range(10**12) if 0}' '{0: 0 for i in range(10**12) if 0}' \
         'len([i for i, j in enumerate(range(10**12)) if 0])' \
         'len([i for i, j in zip(range(10**12), range(10**12)) if 0])' 'sum([1 for c in "ab" * 10**8 if 0])' \
         '[x for x in [1] for y in range(10**12) if 0]' 'sum(reversed(list(range(10**7))))'; do
    printf 'x = %s\n' "$e" > "$tmp/endless.py"
    run "endless statement: $e" 2 "memtutor: $tmp/endless.py: $budget" exec --max-steps 1000000 "$tmp/endless.py"
done
# sized up front as CPython does (its length hint): MemoryError at once
for e in 'sorted(range(10**12))' 'list(range(10**12))'; do
    printf 'x = %s\n' "$e" > "$tmp/endless.py"
    run "$e: MemoryError, as CPython" 1 "MemoryError" exec --max-steps 1000000 "$tmp/endless.py"
done
# and trace, render, check of one, at the default budget: exit 2 there too
full="stopped after 100000000 steps of work (the budget counts statements and loop steps; raise it with --max-steps)"
printf 'a = []\nn = sum(range(10**12))\nb = a\n' > "$tmp/endless.py"
run "trace of an endless statement" 2 "memtutor: $tmp/endless.py: $full" trace "$tmp/endless.py"
run "render of an endless statement" 2 "memtutor: $tmp/endless.py: $full" render "$tmp/endless.py"
cat > "$tmp/endless.json" <<'JSON'
{"id": "endless", "title": "An endless second line", "summary": "one statement, endless work",
 "source": ["a = []", "n = sum(range(10**12))", "b = a"],
 "steps": [{"line": 1, "say": "a list"}, {"line": 2, "say": "never ends"}, {"line": 3, "say": "never reached"}]}
JSON
run "check of a lesson with an endless statement" 2 "memtutor: $tmp/endless.json: steps[1]: the program stopped before line 2: $tmp/endless.json: $full" check "$tmp/endless.json"
run "render --step 3 of that lesson" 2 "memtutor: $tmp/endless.json: $full" render --step 3 "$tmp/endless.json"

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
usage record names-and-references -o "$tmp/x.cast" --pane bogus
usage record names-and-references -o "$tmp/x.cast" --pane
# every number parsed strictly, overflow checked
usage render --size 10x10junk names-and-references
usage render --size 4294967297x1 names-and-references
usage render --size 100x4294967326 names-and-references
usage render --size ' 100x30' names-and-references
usage render --size 100x+30 names-and-references
usage render --step '' names-and-references
usage render --step ' 1' names-and-references
usage render --step 1junk names-and-references
usage render --step 4294967297 names-and-references
usage record names-and-references -o "$tmp/x.cast" --size 10x10junk
usage record names-and-references -o "$tmp/x.cast" --size 4294967297x1
usage record names-and-references -o "$tmp/x.cast" --delay ''
usage record names-and-references -o "$tmp/x.cast" --delay 4294967297
usage --delay 4294967297
usage --delay ''
usage export names-and-references -o "$tmp/x.html" --size 4294967297x1
usage export names-and-references -o "$tmp/x.html" --size 10x10junk
usage export names-and-references -o "$tmp/x.html" --size ' 100x30'
usage export names-and-references -o "$tmp/x.html" --delay ' 5'
usage export names-and-references -o "$tmp/x.html" --delay +5
usage export names-and-references -o "$tmp/x.html" --end-delay 4294967297
[ ! -e "$tmp/x.html" ] && ok "bad usage of export leaves no file" || bad "bad usage of export left $tmp/x.html"
[ ! -e "$tmp/x.cast" ] && ok "bad usage of record leaves no file" || bad "bad usage of record left $tmp/x.cast"

# tiny and real memory limits: MemoryError (exit 1), never a crash
printf 'x = [1, 2, 3]\nprint(x)\n' > "$tmp/small.py"
for m in 17179869184G 9223372036854775808 4294967297G 0 '' ' 5M' 5M5; do
    usage exec --max-memory "$m" "$tmp/small.py"
done
usage exec --max-steps 18446744073709551617 "$tmp/small.py"
usage exec --max-steps '' "$tmp/small.py"
for m in 1 1000 1K 2K; do
    run "exec --max-memory $m: MemoryError" 1 "MemoryError" exec --max-memory $m "$tmp/small.py"
done
run "trace --max-memory 1000 is not an option (exit 2)" 2 "memtutor: trace: expected one TARGET" trace --max-memory 1000 "$tmp/small.py"
if command -v python3 >/dev/null 2>&1; then
    gen "''.join('n%d = %d\\n' % (i, i) for i in range(200000))" names.py
    run "200,000 names under --max-memory 4M: MemoryError" 1 "MemoryError" exec --max-memory 4M "$tmp/names.py"
    # the parse tree counts against the ceiling
    gen "'x=1\\n' * 4000000" parse16.py
    run "a 16 MB script under --max-memory 64M: MemoryError while parsing" 1 "MemoryError" exec --max-memory 64M "$tmp/parse16.py"
    if [ -x /usr/bin/time ] && ! nm "$memtutor" 2>/dev/null | grep -q __asan_init; then
        inputs=$((inputs + 1))
        /usr/bin/time -f '%M' -o "$tmp/rss" "$memtutor" exec --max-memory 64M "$tmp/parse16.py" >/dev/null 2>&1
        kb=$(tail -n 1 "$tmp/rss")
        if [ "${kb:-999999}" -lt 262144 ]; then ok "a 16 MB script under --max-memory 64M: peak RSS ${kb} KB"
        else bad "a 16 MB script under --max-memory 64M: peak RSS ${kb} KB (limit 256 MB)"; fi
    fi
    rm -f "$tmp/parse16.py"
fi
# a real limit (ulimit -v): MemoryError where malloc would fail, not abort
# (not under ASan, which maps terabytes of shadow memory up front)
if ! nm "$memtutor" 2>/dev/null | grep -q __asan_init; then
    printf 'x = [0] * 10**8\nprint(len(x))\n' > "$tmp/real.py"
    inputs=$((inputs + 1))
    (ulimit -v 1000000 && exec "$memtutor" exec "$tmp/real.py") >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    if [ $rc = 1 ] && [ "$(tail -n 1 "$tmp/err")" = MemoryError ]; then ok "ulimit -v 1000000: [0] * 10**8 raises MemoryError"
    else bad "ulimit -v 1000000: [0] * 10**8" "want: exit 1, MemoryError" "got: exit $rc, $(tail -n 1 "$tmp/err")"; fi
else
    echo "skip ulimit -v: a sanitizer build"
fi
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
