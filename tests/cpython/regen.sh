#!/bin/sh
# Regenerate the expectations (.out, .rc, .err) of every tests/cpython script
# from the reference interpreter, CPython 3.11.
#
# usage: tests/cpython/regen.sh [NNN-topic.py ...]     (default: all scripts)
#
# The interpreter is $PYTHON if set, else /root/.pyenv/versions/3.11.7/bin/python3,
# else /usr/bin/python3, else python3 on PATH; it must be 3.11.x (exit 2 otherwise).
# Each script runs with its own directory as cwd and PYTHONHASHSEED=0.
#   NNN-topic.out  exact stdout
#   NNN-topic.rc   exit status, a number and a newline
#   NNN-topic.err  the last line of stderr (with a newline), or empty
set -u
here=$(cd "$(dirname "$0")" && pwd)

find_python() {
    for p in "${PYTHON:-}" /root/.pyenv/versions/3.11.7/bin/python3 /usr/bin/python3 \
             "$(command -v python3 2>/dev/null)"; do
        [ -n "$p" ] && [ -x "$p" ] || continue
        v=$("$p" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
        if [ "$v" = "3.11" ]; then echo "$p"; return 0; fi
    done
    return 1
}

py=$(find_python) || {
    echo "regen.sh: no CPython 3.11 found (set PYTHON=/path/to/python3.11); refusing to regenerate" >&2
    exit 2
}
echo "regen.sh: using $py ($("$py" -V 2>&1))"

cd "$here" || exit 2
if [ $# -gt 0 ]; then set -- "$@"; else set -- [0-9][0-9][0-9]-*.py; fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
for f in "$@"; do
    f=$(basename "$f")
    name=${f%.py}
    [ -f "$f" ] || { echo "regen.sh: no such script: $f" >&2; exit 2; }
    PYTHONHASHSEED=0 "$py" "$f" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    cp "$tmp/out" "$name.out"
    echo "$rc" >"$name.rc"
    if [ -s "$tmp/err" ]; then
        tail -n 1 "$tmp/err" >"$tmp/last"
        # make sure the stored line ends with a newline
        printf '%s\n' "$(cat "$tmp/last")" >"$name.err"
    else
        : >"$name.err"
    fi
    n=$((n + 1))
done
echo "regen.sh: regenerated $n expectation(s)"
