#!/bin/sh
# Regenerate the expectations (.out, .rc, .err, and .tb where one exists) of
# tests/cpython scripts from the reference interpreter, CPython 3.11, and the
# per-version record of what CPython 3.12 and 3.13 print differently.
#
# usage: tests/cpython/regen.sh [--pending] [NNN-topic.py ...]   (default: all)
#
# --pending works on pending/ (the cases memtutor does not match yet).
# The interpreter is $PYTHON if set, else /root/.pyenv/versions/3.11.7/bin/python3,
# else /usr/bin/python3, else python3 on PATH; it must be 3.11.x (exit 2 otherwise).
# Each script runs with its own directory as cwd and PYTHONHASHSEED=0.
#   NNN-topic.out  exact stdout
#   NNN-topic.rc   exit status, a number and a newline
#   NNN-topic.err  the last line of stderr (with a newline), or empty
#   NNN-topic.tb   only if the file already exists (create it empty to opt in):
#                  all of stderr, with the script's directory taken out of
#                  CPython's `File "/dir/NNN-topic.py"` lines
# Then, for each of 3.12 and 3.13 that is found ($PYTHON312 / $PYTHON313, else
# /root/.pyenv/versions/3.1X.*/bin/python3, else python3.1X on PATH), the same
# files are captured from it and kept as NNN-topic.312.out (.313.rc, ...) only
# where they differ from the 3.11 file; an override that no longer differs is
# removed. A version that is not found is skipped and its files are left alone.
set -u
here=$(cd "$(dirname "$0")" && pwd)

version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

find_python() { # WANTED-VERSION CANDIDATE...
    want=$1
    shift
    for p in "$@"; do
        [ -n "$p" ] && [ -x "$p" ] || continue
        if [ "$(version_of "$p")" = "$want" ]; then echo "$p"; return 0; fi
    done
    return 1
}

py=$(find_python 3.11 "${PYTHON:-}" /root/.pyenv/versions/3.11.7/bin/python3 /usr/bin/python3 \
        "$(command -v python3 2>/dev/null)") || {
    echo "regen.sh: no CPython 3.11 found (set PYTHON=/path/to/python3.11); refusing to regenerate" >&2
    exit 2
}
echo "regen.sh: using $py ($("$py" -V 2>&1))"
# shellcheck disable=SC2046
py312=$(find_python 3.12 "${PYTHON312:-}" $(ls -d /root/.pyenv/versions/3.12.*/bin/python3 2>/dev/null) \
        "$(command -v python3.12 2>/dev/null)") || py312=""
# shellcheck disable=SC2046
py313=$(find_python 3.13 "${PYTHON313:-}" $(ls -d /root/.pyenv/versions/3.13.*/bin/python3 2>/dev/null) \
        "$(command -v python3.13 2>/dev/null)") || py313=""
# the interpreter of per-version record 312 or 313 (empty when not found)
interp() { if [ "$1" = 312 ]; then echo "$py312"; else echo "$py313"; fi; }
for v in 312 313; do
    p=$(interp $v)
    if [ -n "$p" ]; then
        echo "regen.sh: per-version record $v from $p ($("$p" -V 2>&1))"
    else
        echo "regen.sh: no CPython ${v%??}.${v#?} found; its per-version files are left as they are"
    fi
done

if [ "${1:-}" = --pending ]; then
    here=$here/pending
    shift
fi
cd "$here" || exit 2
if [ $# -gt 0 ]; then set -- "$@"; else set -- [0-9][0-9][0-9]-*.py; fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# capture INTERPRETER SCRIPT NAME: writes $tmp/c.out, c.rc, c.err and c.tb
capture() {
    PYTHONHASHSEED=0 "$1" "$2" >"$tmp/c.out" 2>"$tmp/stderr" </dev/null
    echo "$?" >"$tmp/c.rc"
    if [ -s "$tmp/stderr" ]; then
        # make sure the stored line ends with a newline
        printf '%s\n' "$(tail -n 1 "$tmp/stderr")" >"$tmp/c.err"
    else
        : >"$tmp/c.err"
    fi
    sed "s|File \"$here/|File \"|" "$tmp/stderr" >"$tmp/c.tb"
}

n=0
for f in "$@"; do
    f=$(basename "$f")
    name=${f%.py}
    [ -f "$f" ] || { echo "regen.sh: no such script: $f" >&2; exit 2; }
    kinds="out rc err"
    [ -f "$name.tb" ] && kinds="$kinds tb"
    capture "$py" "$f" "$name"
    for k in $kinds; do cp "$tmp/c.$k" "$name.$k"; done
    for v in 312 313; do
        p=$(interp $v)
        [ -n "$p" ] || continue
        capture "$p" "$f" "$name"
        for k in $kinds; do
            if cmp -s "$tmp/c.$k" "$name.$k"; then
                rm -f "$name.$v.$k"
            else
                cp "$tmp/c.$k" "$name.$v.$k"
            fi
        done
    done
    n=$((n + 1))
done
echo "regen.sh: regenerated $n expectation(s)"
