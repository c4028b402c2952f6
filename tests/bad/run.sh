#!/bin/sh
# Hostile and malformed input: every suite under tests/bad, one closing line.
# usage: tests/bad/run.sh MEMTUTOR
bin=${1:?usage: run.sh MEMTUTOR}
dir=$(dirname "$0")
pass=0; fail=0
for s in "$dir"/run-*.sh; do
    out=$(sh "$s" "$bin" 2>&1); rc=$?
    echo "$out" | grep -v '^ok' | tail -n 40
    line=$(echo "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    if [ -z "$line" ]; then f=1; p=0; echo "$s: no result line"; fi
    if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then f=1; fi
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
done
echo "bad: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
