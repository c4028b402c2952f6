#!/bin/sh
# Say, for each pending case, what memtutor does with it today: one line
#   NNN-topic: refused: WHAT
#   NNN-topic: wrong exception: LAST STDERR LINE (exit N; CPython: exit M)
#   NNN-topic: wrong output, first difference: got `...`, CPython `...`
#   NNN-topic: traceback differs (stdout, exit status and last line match)
#   NNN-topic: matches (move it to tests/cpython)
# A refusal after wrong output says so ("refused: WHAT, after wrong output").
# Not a test: always exits 0 (2 on bad usage). The column "what memtutor does
# wrong today" of README.md was made from this output, the wrong values then
# spelled out by hand.
#
# usage: tests/cpython/pending/triage.sh MEMTUTOR_BINARY [NNN-topic.py ...]
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 MEMTUTOR_BINARY [NNN-topic.py ...]" >&2
    exit 2
fi
bin=$1
shift
case "$bin" in
    /*) ;;
    */*) bin=$(pwd)/$bin ;;
esac
cd "$(dirname "$0")" || exit 2
# as make test runs it: the simulator's heap check after every statement
MEMTUTOR_HEAP_CHECK=${MEMTUTOR_HEAP_CHECK:-1}
export MEMTUTOR_HEAP_CHECK
if [ $# -gt 0 ]; then set -- "$@"; else set -- [0-9][0-9][0-9]-*.py; fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
for f in "$@"; do
    f=$(basename "$f")
    n=${f%.py}
    PYTHONHASHSEED=0 timeout -k 2 20 "$bin" exec "$f" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    last=$(tail -n 1 "$tmp/err")
    exprc=$(cat "$n.rc")
    got=$(diff "$n.out" "$tmp/out" | grep -m 1 '^>' | cut -c3-80)
    want=$(diff "$n.out" "$tmp/out" | grep -m 1 '^<' | cut -c3-80)
    lines=$(wc -l <"$tmp/out")
    prefix_ok=1
    head -n "$lines" "$n.out" | cmp -s - "$tmp/out" || prefix_ok=0
    if [ "$rc" = 2 ] && echo "$last" | grep -q 'not supported: '; then
        what=$(echo "$last" | sed 's/.*not supported: //')
        if [ $prefix_ok = 1 ]; then
            echo "$n: refused: $what"
        else
            echo "$n: refused: $what, after wrong output: got \`$got\`, CPython \`$want\`"
        fi
    elif [ "$rc" != "$exprc" ] || [ "$last" != "$(cat "$n.err")" ]; then
        echo "$n: wrong exception: $last (exit $rc; CPython: exit $exprc)"
    elif ! cmp -s "$n.out" "$tmp/out"; then
        echo "$n: wrong output, first difference: got \`$got\`, CPython \`$want\`"
    elif [ -f "$n.tb" ] && ! cmp -s "$n.tb" "$tmp/err"; then
        echo "$n: traceback differs (stdout, exit status and last line match)"
    else
        echo "$n: matches (move it to tests/cpython)"
    fi
done
exit 0
