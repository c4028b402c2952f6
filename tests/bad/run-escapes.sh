#!/bin/sh
# Escape injection: text from a lesson or a script (expected output, answer
# expressions, what the program prints, source lines in a SyntaxError, ids)
# reaches the terminal only through the one sanitizer: no ESC, BEL or C1
# control in what memtutor check (or render, trace) writes.
# Usage: sh tests/bad/run-escapes.sh ./memtutor   Ends with "bad-escapes: N passed, N failed".
[ $# -ge 1 ] || { echo "usage: $0 MEMTUTOR" >&2; exit 2; }
case $1 in /*) memtutor=$1 ;; *) memtutor=$(pwd)/$1 ;; esac
cd "$(dirname "$0")/../.." || exit 2
pass=0; fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
# clean FILE: no ESC, BEL, other C0 but TAB and newline, DEL, nor C1 (UTF-8 C2 80..9F)
clean() { ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" && ! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; }
# check_clean NAME WANT-STATUS WANT-TEXT ARGS...
check_clean() {
    name=$1; want=$2; text=$3; shift 3
    timeout -s KILL 120 "$memtutor" "$@" > "$tmp/out" 2>&1 </dev/null; st=$?
    if [ $st = "$want" ] && clean "$tmp/out" && grep -qF -- "$text" "$tmp/out"; then ok "$name: exit $st, no raw control in the output"
    else bad "$name: exit $st (want $want); $(cat -v "$tmp/out" | head -c 300)"; fi
}
d=tests/bad/escapes
check_clean "check: expected output and program output" 1 "want" check $d/output.json
check_clean "check: an answer expression" 2 "does not evaluate" check $d/answer.json
check_clean "check: a SyntaxError's source line" 2 "SyntaxError" check $d/syntax.json
check_clean "trace: the program's output" 0 "got" trace $d/output.json
check_clean "render: the source and output" 0 "got" render --step 1 $d/output.json
printf 'print("\\033[2J\\033]0;pwned\\007x")\n' > "$tmp/p.py"
check_clean "render: a script that prints escapes" 0 "pwned" render --step 1 "$tmp/p.py"
printf 'x = 1 +  # \033[2J\033]0;pwned\007\n' > "$tmp/s.py"
check_clean "render: a SyntaxError's source line" 1 "SyntaxError" render "$tmp/s.py"
check_clean "trace: a SyntaxError's source line" 1 "SyntaxError" trace "$tmp/s.py"
echo "bad-escapes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
