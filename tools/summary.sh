#!/bin/sh
# Print the one closing line of `make test` from BUILD/results; fail if anything failed.
build=$1
tp=0; tf=0
echo "---- suites"
while read -r name p f; do
    printf '  %-10s %5d passed, %d failed\n' "$name" "$p" "$f"
    tp=$((tp + p)); tf=$((tf + f))
done < "$build/results"
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
