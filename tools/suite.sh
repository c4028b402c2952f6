#!/bin/sh
# Run one test suite, show its output, and record its closing "N passed, N failed"
# line in BUILD/results.  A suite that ends without such a line counts as failed.
build=$1; name=$2; shift 2
out=$build/suite-$name.log
"$@" 2>&1 | tee "$out"
line=$(grep -E '^([a-z0-9-]+: )?[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
if [ -z "$line" ]; then
    echo "$name: no result line (suite crashed?)" >&2
    echo "$name 0 1" >> "$build/results"
    exit 1
fi
p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
echo "$name $p $f" >> "$build/results"
