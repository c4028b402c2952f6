#!/bin/sh
# memtutor dis against CPython 3.11's `python3 -m dis`.
#
# usage: tests/dis/run.sh MEMTUTOR_BINARY
#
# 1. Every tests/dis/NAME.py: `memtutor dis NAME.py` (cwd = this directory,
#    PYTHONHASHSEED=0) must print NAME.dis, which is python3.11 -m dis's
#    listing with code object addresses written 0xADDR, and `memtutor dis
#    --code-info NAME.py` NAME.info, what code_info.py prints (dis.code_info
#    of every code object: names, constants, variables, stack size, flags).
#    When a CPython 3.11 is found (as tests/cpython/run.sh finds it;
#    CPYTHON_LIVE=0 disables it), both are re-checked against it ("stale
#    expectation").
# 2. With that CPython only: every tests/cpython/*.py script's listing and
#    code info must be CPython's (without it, those checks are reported as
#    skipped).
# 3. Bad input: a syntax error, a construct outside the subset, a missing file.
# Ends with "dis: N passed, N failed".
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 MEMTUTOR_BINARY" >&2
    exit 2
fi
bin=$1
case "$bin" in
    /*) ;;
    */*) bin=$(pwd)/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
py=""
if [ "${CPYTHON_LIVE:-1}" != 0 ]; then
    for p in "${PYTHON:-}" /root/.pyenv/versions/3.11.7/bin/python3 /usr/bin/python3 "$(command -v python3 2>/dev/null)"; do
        [ -n "$p" ] && [ -x "$p" ] || continue
        v=$("$p" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
        if [ "$v" = "3.11" ]; then py=$p; break; fi
    done
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
export PYTHONHASHSEED=0
norm() { sed -E 's/ at 0x[0-9a-f]+, file / at 0xADDR, file /'; }
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL $1"; [ -n "${2:-}" ] && diff -u "$2" "$3" | head -n 20 | sed 's/^/    /'; failed=$((failed + 1)); }

cd "$here" || exit 2
for f in *.py; do
    name=${f%.py}
    [ "$f" = code_info.py ] && continue
    "$bin" dis "$f" 2>"$tmp/err" | norm >"$tmp/got"
    if cmp -s "$name.dis" "$tmp/got" && [ ! -s "$tmp/err" ]; then ok; else bad "$name: listing differs" "$name.dis" "$tmp/got"; fi
    "$bin" dis --code-info "$f" 2>"$tmp/err" | norm >"$tmp/got"
    if cmp -s "$name.info" "$tmp/got" && [ ! -s "$tmp/err" ]; then ok; else bad "$name: code info differs" "$name.info" "$tmp/got"; fi
    if [ -n "$py" ]; then
        "$py" -m dis "$f" 2>/dev/null | norm >"$tmp/exp"
        if cmp -s "$name.dis" "$tmp/exp"; then ok; else bad "$name: stale expectation" "$name.dis" "$tmp/exp"; fi
        "$py" code_info.py "$f" 2>/dev/null | norm >"$tmp/exp"
        if cmp -s "$name.info" "$tmp/exp"; then ok; else bad "$name: stale code info expectation" "$name.info" "$tmp/exp"; fi
    fi
done

# tests/cpython scripts whose listing cannot be python3's, and why
known_different() {
    case "$1" in
        467-int-operators.py) echo "(-8) ** (1 / 3) folds to a complex constant in CPython; memtutor has no complex type" ;;
        *) return 1 ;;
    esac
}

ncorpus=0
if [ -n "$py" ]; then
    cd "$here/../cpython" || exit 2
    for f in [0-9][0-9][0-9]-*.py; do
        if why=$(known_different "$f"); then
            echo "SKIP cpython/$f: $why"
            continue
        fi
        "$py" -m dis "$f" 2>/dev/null | norm >"$tmp/exp"
        "$bin" dis "$f" 2>/dev/null | norm >"$tmp/got"
        if cmp -s "$tmp/exp" "$tmp/got"; then ok; else bad "cpython/$f: listing differs from python3 -m dis" "$tmp/exp" "$tmp/got"; fi
        "$py" "$here/code_info.py" "$f" 2>/dev/null | norm >"$tmp/exp"
        "$bin" dis --code-info "$f" 2>/dev/null | norm >"$tmp/got"
        if cmp -s "$tmp/exp" "$tmp/got"; then ok; else bad "cpython/$f: code info differs from dis.code_info" "$tmp/exp" "$tmp/got"; fi
    done
    cd "$here" || exit 2
else
    ncorpus=$(($(ls "$here"/../cpython/[0-9][0-9][0-9]-*.py | wc -l) * 2))
fi

# bad input: one message, the exit status python3 -m dis / memtutor use
printf 'x = (1,\n' >"$tmp/syntax.py"
"$bin" dis "$tmp/syntax.py" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc = 1 ] && [ ! -s "$tmp/out" ] && tail -n 1 "$tmp/err" | grep -q "^SyntaxError: '(' was never closed$"; then ok; else bad "syntax error: exit $rc, $(tail -n 1 "$tmp/err")"; fi
printf 'try:\n    pass\nexcept:\n    pass\n' >"$tmp/unsup.py"
"$bin" dis "$tmp/unsup.py" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc = 2 ] && [ ! -s "$tmp/out" ] && grep -q "^memtutor: .*unsup.py:1:1: not supported: try statement$" "$tmp/err"; then ok; else bad "unsupported: exit $rc, $(cat "$tmp/err")"; fi
"$bin" dis "$tmp/missing.py" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc = 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" = 1 ]; then ok; else bad "missing file: exit $rc"; fi
"$bin" dis >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc = 2 ] && grep -q 'missing SCRIPT.py' "$tmp/err"; then ok; else bad "no argument: exit $rc"; fi

[ "$ncorpus" -gt 0 ] && echo "dis: skipped $ncorpus listings and code infos of tests/cpython (no CPython 3.11 found)"
echo "dis: $passed passed, $failed failed"
[ $failed = 0 ]
