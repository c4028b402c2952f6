#!/bin/sh
# Run every cmocka unit-test binary; a binary that crashes counts as one failure.
build=$1; shift
pass=0; fail=0
for t in "$@"; do
    out=$("$t" 2>&1); rc=$?
    echo "$out"
    p=$(echo "$out" | sed -nE 's/^\[  PASSED  \] ([0-9]+) test.*/\1/p' | tail -n 1)
    f=$(echo "$out" | sed -nE 's/^\[  FAILED  \] ([0-9]+) test.*/\1/p' | tail -n 1)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "$t: exited $rc"; fi
    pass=$((pass + p)); fail=$((fail + f))
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
