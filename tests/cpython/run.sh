#!/bin/sh
# Differential test: run every tests/cpython script under memtutor and compare
# with the expectations captured from CPython 3.11.
#
# usage: tests/cpython/run.sh MEMTUTOR_BINARY [NNN-topic.py ...]
#        tests/cpython/run.sh MEMTUTOR_BINARY --pending [NNN-topic.py ...]
#
# For each script: `MEMTUTOR_BINARY exec NNN-topic.py` (cwd = this directory,
# PYTHONHASHSEED=0, 20 s timeout) must give exactly NNN-topic.out on stdout, the
# exit status in NNN-topic.rc and, as the last stderr line, NNN-topic.err.
# When a CPython 3.11 is available (see regen.sh; CPYTHON_LIVE=0 disables it),
# each expectation is also re-checked live; a mismatch there is a failure named
# "stale expectation". A case with an NNN-topic.tb file also compares the
# whole of stderr (the traceback) with it; CPython's absolute script paths
# (File "/dir/NNN-topic.py") are compared without their directory.
# Prints one FAIL line (plus a short diff) per failure and ends with
#   cpython: N passed, N failed
# Exit status: 0 all passed, 1 some failed, 2 bad usage.
#
# --pending runs the cases of pending/ instead (the to-do list of the language
# work, not part of make test): it prints a MATCH line for each case memtutor
# now gets right, ends with `cpython pending: N of M now match`, and exits 0
# whatever the result (PENDING_VERBOSE=1 also shows the failures).
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 MEMTUTOR_BINARY [SCRIPT.py ...]" >&2
    exit 2
fi
bin=$1
shift
pending=0
if [ "${1:-}" = --pending ]; then
    pending=1
    shift
fi
case "$bin" in
    /*) ;;
    */*) bin=$(pwd)/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
TIMEOUT=${CPYTHON_TIMEOUT:-20}

find_python() {
    for p in "${PYTHON:-}" /root/.pyenv/versions/3.11.7/bin/python3 /usr/bin/python3 \
             "$(command -v python3 2>/dev/null)"; do
        [ -n "$p" ] && [ -x "$p" ] || continue
        v=$("$p" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
        if [ "$v" = "3.11" ]; then echo "$p"; return 0; fi
    done
    return 1
}

py=""
if [ "${CPYTHON_LIVE:-1}" != 0 ]; then
    py=$(find_python) || py=""
fi

if command -v timeout >/dev/null 2>&1; then
    to="timeout -k 2 $TIMEOUT"
else
    to=""
fi

# pending cases match only if they would pass make test, which runs the
# simulator's heap check after every statement
if [ $pending = 1 ]; then
    here=$here/pending
    MEMTUTOR_HEAP_CHECK=${MEMTUTOR_HEAP_CHECK:-1}
    export MEMTUTOR_HEAP_CHECK
fi
cd "$here" || exit 2
if [ $# -gt 0 ]; then set -- "$@"; else set -- [0-9][0-9][0-9]-*.py; fi
[ -f "$1" ] || [ -f "$(basename "$1")" ] || { echo "run.sh: no scripts found" >&2; exit 2; }

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# last line of stderr file $1 (empty when the file is empty)
lastline() { tail -n 1 "$1" 2>/dev/null; }

showdiff() { # expected-file actual-file
    diff -u "$1" "$2" 2>&1 | sed -e '1s/^--- .*/--- expected/' -e '2s/^+++ .*/+++ actual/' \
        | head -n 15 | sed 's/^/    /'
}

# compare one run ($1 prefix of files in $tmp, $2 its exit status) with the
# expectation of $name; prints a FAIL line per difference; returns 1 on any
check() { # what prefix rc
    what=$1 pre=$2 rc=$3 bad=0
    if ! cmp -s "$name.out" "$tmp/$pre.out"; then
        echo "FAIL $name: ${what}stdout differs"
        showdiff "$name.out" "$tmp/$pre.out"
        bad=1
    fi
    exprc=$(cat "$name.rc" 2>/dev/null)
    if [ "$rc" != "$exprc" ]; then
        if [ "$rc" = 124 ] && [ -n "$to" ] && [ -z "$what" ]; then
            echo "FAIL $name: ${what}timed out after ${TIMEOUT}s (expected exit status $exprc)"
        else
            echo "FAIL $name: ${what}exit status $rc, expected $exprc"
        fi
        bad=1
    fi
    experr=$(cat "$name.err" 2>/dev/null)
    acterr=$(lastline "$tmp/$pre.err")
    if [ "$experr" != "$acterr" ]; then
        echo "FAIL $name: ${what}last stderr line differs"
        echo "    expected: $experr"
        echo "    actual:   $acterr"
        bad=1
    fi
    if [ -f "$name.tb" ]; then
        if [ "$pre" = p ]; then
            sed "s|File \"$here/|File \"|" "$tmp/p.err" >"$tmp/p.tb"
        else
            cp "$tmp/$pre.err" "$tmp/$pre.tb"
        fi
        if ! cmp -s "$name.tb" "$tmp/$pre.tb"; then
            echo "FAIL $name: ${what}traceback (stderr) differs from $name.tb"
            showdiff "$name.tb" "$tmp/$pre.tb"
            bad=1
        fi
    fi
    return $bad
}

passed=0
failed=0
for f in "$@"; do
    f=$(basename "$f")
    name=${f%.py}
    if [ ! -f "$f" ] || [ ! -f "$name.out" ] || [ ! -f "$name.rc" ] || [ ! -f "$name.err" ]; then
        echo "FAIL $name: missing script or expectation files (run regen.sh)"
        failed=$((failed + 1))
        continue
    fi
    ok=1
    PYTHONHASHSEED=0 $to "$bin" exec "$f" >"$tmp/m.out" 2>"$tmp/m.err" </dev/null
    rc=$?
    if [ $pending = 1 ] && [ "${PENDING_VERBOSE:-0}" = 0 ]; then
        check "" m "$rc" >/dev/null || ok=0
    else
        check "" m "$rc" || ok=0
    fi
    if [ -n "$py" ]; then
        PYTHONHASHSEED=0 "$py" "$f" >"$tmp/p.out" 2>"$tmp/p.err" </dev/null
        prc=$?
        check "stale expectation: " p "$prc" >"$tmp/stale" || {
            ok=0
            cat "$tmp/stale"
        }
    fi
    if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
    [ $pending = 1 ] && [ $ok = 1 ] && echo "MATCH $name (ready to move to tests/cpython)"
done

if [ $pending = 1 ]; then
    echo "cpython pending: $passed of $((passed + failed)) now match"
    exit 0
fi
echo "cpython: $passed passed, $failed failed"
[ $failed = 0 ]
