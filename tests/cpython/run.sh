#!/bin/sh
# Differential test: run every tests/cpython script under memtutor, once per
# profile (memtutor --python 3.11, 3.12, 3.13), and compare with what that
# CPython prints.
#
# usage: tests/cpython/run.sh MEMTUTOR_BINARY [--python V[,V...]] [NNN-topic.py ...]
#        tests/cpython/run.sh MEMTUTOR_BINARY --pending [NNN-topic.py ...]
#
# For each script and profile V: `MEMTUTOR_BINARY --python V exec NNN-topic.py`
# (cwd = this directory, PYTHONHASHSEED=0, 20 s timeout) must give exactly
# the expected stdout, exit status and last stderr line: NNN-topic.out, .rc,
# .err for 3.11, and for 3.12 / 3.13 NNN-topic.312.out (.313.rc, ...) where
# that file exists, else the 3.11 one.  When that version's CPython is found
# (as regen.sh finds it; CPYTHON_LIVE=0 disables it), each expectation is
# also re-checked live; a mismatch there is a failure named "stale
# expectation".  A case with an NNN-topic.tb file also compares the whole of
# stderr (the traceback) with it (or NNN-topic.312.tb ...); CPython's
# absolute script paths (File "/dir/NNN-topic.py") are compared without
# their directory.  The profiles are --python's list, else
# $CPYTHON_PROFILES, else all three.
#
# known-3.12.txt and known-3.13.txt list the cases memtutor does not match
# yet under that profile (one name a line, then why): such a case still runs
# and is reported as KNOWN, neither passed nor failed; one that matches is
# reported as MATCH (remove it from the list) and counts as passed.  3.11
# has no such list: every case must match it.  One line per profile
#   cpython 3.12: N of M match, K known to differ, F failed (checked live ...)
# and the last line
#   cpython: N passed, N failed
# (the passes and failures of all the profiles run; KNOWN ones in neither).
# Exit status: 0 all passed, 1 some failed, 2 bad usage.
#
# --pending runs the cases of pending/ instead (the to-do list of the language
# work, not part of make test), under 3.11 unless --python says otherwise: it
# prints a MATCH line for each case memtutor now gets right, ends with
# `cpython pending: N of M now match`, and exits 0 whatever the result
# (PENDING_VERBOSE=1 also shows the failures).
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 MEMTUTOR_BINARY [SCRIPT.py ...]" >&2
    exit 2
fi
bin=$1
shift
pending=0
profiles=""
while [ $# -gt 0 ]; do
    case "$1" in
        --pending) pending=1; shift ;;
        --python) [ $# -ge 2 ] || { echo "run.sh: --python needs a value" >&2; exit 2; }
                  profiles=$(echo "$2" | tr ',' ' '); shift 2 ;;
        *) break ;;
    esac
done
if [ -z "$profiles" ]; then
    if [ $pending = 1 ]; then profiles=3.11; else profiles=${CPYTHON_PROFILES:-3.11 3.12 3.13}; fi
fi
for v in $profiles; do
    case "$v" in 3.11|3.12|3.13) ;; *) echo "run.sh: --python: expected 3.11, 3.12 or 3.13" >&2; exit 2 ;; esac
done
case "$bin" in
    /*) ;;
    */*) bin=$(pwd)/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
TIMEOUT=${CPYTHON_TIMEOUT:-20}

version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

find_python() { # WANTED-VERSION: the interpreter of that version, as regen.sh finds it
    case "$1" in
        3.11) set -- 3.11 "${PYTHON:-}" /root/.pyenv/versions/3.11.7/bin/python3 /usr/bin/python3 \
                  "$(command -v python3 2>/dev/null)" ;;
        # shellcheck disable=SC2046
        3.12) set -- 3.12 "${PYTHON312:-}" $(ls -d /root/.pyenv/versions/3.12.*/bin/python3 2>/dev/null) \
                  "$(command -v python3.12 2>/dev/null)" ;;
        # shellcheck disable=SC2046
        3.13) set -- 3.13 "${PYTHON313:-}" $(ls -d /root/.pyenv/versions/3.13.*/bin/python3 2>/dev/null) \
                  "$(command -v python3.13 2>/dev/null)" ;;
    esac
    want=$1
    shift
    for p in "$@"; do
        [ -n "$p" ] && [ -x "$p" ] || continue
        if [ "$(version_of "$p")" = "$want" ]; then echo "$p"; return 0; fi
    done
    return 1
}

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

# the expectation file of $name for extension $1 under the profile whose
# suffix is $sfx ("" for 3.11, ".312" ...): the version's own file if any
exp() { if [ -n "$sfx" ] && [ -f "$name$sfx.$1" ]; then echo "$name$sfx.$1"; else echo "$name.$1"; fi; }

# compare one run ($1 prefix of files in $tmp, $2 its exit status) with the
# expectation of $name; prints a FAIL line per difference; returns 1 on any
check() { # what prefix rc
    what=$1 pre=$2 rc=$3 bad=0
    if ! cmp -s "$(exp out)" "$tmp/$pre.out"; then
        echo "FAIL $name$tag: ${what}stdout differs"
        showdiff "$(exp out)" "$tmp/$pre.out"
        bad=1
    fi
    exprc=$(cat "$(exp rc)" 2>/dev/null)
    if [ "$rc" != "$exprc" ]; then
        if [ "$rc" = 124 ] && [ -n "$to" ] && [ -z "$what" ]; then
            echo "FAIL $name$tag: ${what}timed out after ${TIMEOUT}s (expected exit status $exprc)"
        else
            echo "FAIL $name$tag: ${what}exit status $rc, expected $exprc"
        fi
        bad=1
    fi
    experr=$(cat "$(exp err)" 2>/dev/null)
    acterr=$(lastline "$tmp/$pre.err")
    if [ "$experr" != "$acterr" ]; then
        echo "FAIL $name$tag: ${what}last stderr line differs"
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
        if ! cmp -s "$(exp tb)" "$tmp/$pre.tb"; then
            echo "FAIL $name$tag: ${what}traceback (stderr) differs from $(exp tb)"
            showdiff "$(exp tb)" "$tmp/$pre.tb"
            bad=1
        fi
    fi
    return $bad
}

passed=0
failed=0
summary=""
for v in $profiles; do
    sfx=""
    tag=""
    if [ "$v" != 3.11 ]; then sfx=.$(echo "$v" | tr -d .); tag=" ($v)"; fi
    py=""
    if [ "${CPYTHON_LIVE:-1}" != 0 ]; then
        py=$(find_python "$v") || py=""
    fi
    known=$here/known-$v.txt
    [ $pending = 1 ] && known=/dev/null
    vp=0 vf=0 vk=0 vn=0
    for f in "$@"; do
        f=$(basename "$f")
        name=${f%.py}
        vn=$((vn + 1))
        if [ ! -f "$f" ] || [ ! -f "$name.out" ] || [ ! -f "$name.rc" ] || [ ! -f "$name.err" ]; then
            echo "FAIL $name: missing script or expectation files (run regen.sh)"
            vf=$((vf + 1))
            continue
        fi
        isknown=0
        [ -f "$known" ] && grep -q "^$name\( \|$\)" "$known" && isknown=1
        ok=1
        PYTHONHASHSEED=0 $to "$bin" --python "$v" exec "$f" >"$tmp/m.out" 2>"$tmp/m.err" </dev/null
        rc=$?
        if { [ $pending = 1 ] && [ "${PENDING_VERBOSE:-0}" = 0 ]; } || [ $isknown = 1 ]; then
            check "" m "$rc" >/dev/null || ok=0
        else
            check "" m "$rc" || ok=0
        fi
        stale=0
        if [ -n "$py" ]; then
            PYTHONHASHSEED=0 "$py" "$f" >"$tmp/p.out" 2>"$tmp/p.err" </dev/null
            prc=$?
            check "stale expectation: " p "$prc" >"$tmp/stale" || {
                stale=1
                cat "$tmp/stale"
            }
        fi
        if [ $stale = 1 ]; then
            vf=$((vf + 1))
        elif [ $isknown = 1 ] && [ $ok = 0 ]; then
            echo "KNOWN $name$tag: listed in $(basename "$known")"
            vk=$((vk + 1))
        elif [ $ok = 1 ]; then
            vp=$((vp + 1))
            [ $isknown = 1 ] && echo "MATCH $name$tag: now matches; remove it from $(basename "$known")"
        else
            vf=$((vf + 1))
        fi
        [ $pending = 1 ] && [ $ok = 1 ] && echo "MATCH $name (ready to move to tests/cpython)"
    done
    live="checked live against $py"
    [ -n "$py" ] || live="no CPython $v found: not checked live"
    summary="${summary}cpython $v: $vp of $vn match, $vk known to differ, $vf failed ($live)
"
    passed=$((passed + vp))
    failed=$((failed + vf))
done

if [ $pending = 1 ]; then
    echo "cpython pending: $passed of $((passed + failed)) now match"
    exit 0
fi
printf '%s' "$summary"
echo "cpython: $passed passed, $failed failed"
[ $failed = 0 ]
