#!/bin/sh
# Lessons: every built-in lesson passes `check`; a wrong expectation fails it;
# a broken lesson (unreachable line, bad answer) is refused with exit 2.
# usage: tests/lessons/run.sh MEMTUTOR
bin=${1:?usage: run.sh MEMTUTOR}
dir=$(dirname "$0")
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }

out=$("$bin" check 2>&1); rc=$?
if [ $rc -eq 0 ]; then ok "built-in lessons pass check"; else ko "built-in lessons pass check (exit $rc)"; echo "$out" | sed 's/^/    /'; fi
n=$("$bin" list | wc -l)
if [ "$n" -ge 1 ]; then ok "list shows $n lessons"; else ko "list shows lessons"; fi

out=$("$bin" check "$dir/wrong-expectation.json" 2>&1); rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q 'steps\[1\].expect.refcount.a: expected 4, the simulator gives 3'; then
    ok "a wrong expectation fails check"
else ko "a wrong expectation fails check (exit $rc)"; echo "$out" | sed 's/^/    /'; fi

err=$("$bin" check "$dir/unreachable-line.json" 2>&1 >/dev/null); rc=$?
want="memtutor: $dir/unreachable-line.json: steps[1]: line 5 is never reached"
if [ $rc -eq 2 ] && [ "$(echo "$err" | tail -n 1)" = "$want" ]; then ok "unreachable line refused"
else ko "unreachable line refused (exit $rc): $err"; fi

err=$("$bin" check "$dir/bad-answer.json" 2>&1 >/dev/null); rc=$?
if [ $rc -eq 2 ] && echo "$err" | tail -n 1 | grep -q "steps\[0\].ask.answer: sys.getrefcount(nope) does not evaluate: NameError: name 'nope' is not defined"; then
    ok "an answer that does not evaluate is refused"
else ko "bad answer refused (exit $rc): $err"; fi

# trace: one JSON object per step, valid JSON, with the fields the front end uses
for l in $("$bin" list | awk '{print $1}'); do
    t=$("$bin" trace "$l" 2>&1); rc=$?
    steps=$(printf "%s\n" "$t" | wc -l)
    if [ $rc -eq 0 ] && printf "%s\n" "$t" | python3 -c 'import sys,json
for line in sys.stdin:
    o=json.loads(line)
    for k in ("step","line","output","frames","live","bytes","gc_count","events","memory"): assert k in o, k' 2>/dev/null; then
        ok "trace $l ($steps steps)"
    else ko "trace $l (exit $rc)"; fi
done
size=$("$bin" trace del-unbinds-names 2>/dev/null | wc -c)
if [ "$size" -lt 2000000 ]; then ok "trace of the million-object lesson stays small ($size bytes)"; else ko "trace size $size"; fi

echo "lessons: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
