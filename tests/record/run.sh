#!/bin/sh
# memtutor record and autoplay: every built-in lesson recorded at 100x30 and
# its asciicast v2 checked (check_cast.py: header, [number, code, string]
# events, times, one marker per step, UTF-8, no blank lines); each recording
# teaches (cast_teach.py, on the screens the cast draws: every question, then
# its answer as the simulator computes it, then the step's narration, whole;
# no key hints); recordings are byte-identical when repeated; the real
# asciinema plays each one (in tmux: it needs a tty) and its final screen
# equals `memtutor render --step LAST --played`; the last frame is held
# (--end-delay); bad usage exits 2; the TUI's --autoplay reaches the last
# step by itself, plays a question as question, then answer, stops there,
# and any key pauses it.
#
# usage: tests/record/run.sh MEMTUTOR_BINARY
# Ends with "record: N passed, N failed"; exit 1 if any failed, 2 bad usage.
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/tmux.sh source-path=SCRIPTDIR
. "$here/../lib/tmux.sh"
SUITE=record
suite_binary "$@"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

[ -x "$bin" ] || { bad "$bin: no such program (build it first)"; finish; }
for tool in python3 tmux asciinema; do
    if ! command -v $tool >/dev/null 2>&1; then
        bad "$tool not found: install it with 'make deps' (Debian package $tool)"
    fi
done
[ "$fail" = 0 ] || finish

tmux_setup rec
# a private copy: the tree may be rebuilt while the suite runs
cp "$bin" "$tmp/memtutor" 2>/dev/null && bin=$tmp/memtutor
TIMEOUT=${RECORD_TIMEOUT:-20}

# play CAST: asciinema plays it in tmux; ok when it exits 0 with nothing on
# stderr and the final screen equals `render TARGET --step LAST [RENDER-ARGS]`
play_check() {  # play_check NAME CAST TARGET LAST [RENDER-ARGS...]
    rm -f "$tmp/rc" "$tmp/perr"
    start_sh "asciinema play -i 0.01 \"$2\" 2>\"$tmp/perr\"; echo \$? > \"$tmp/rc\"; exec sleep 600"
    if ! wait_file "$tmp/rc"; then bad "$1: asciinema play did not finish"; return; fi
    if [ "$(cat "$tmp/rc")" != 0 ] || [ -s "$tmp/perr" ]; then
        bad "$1: asciinema play failed (status $(cat "$tmp/rc"))"; show "$tmp/perr"; return
    fi
    pc_name=$1 pc_target=$3 pc_last=$4
    shift 4
    "$bin" render "$pc_target" --step "$pc_last" --size 100x30 "$@" > "$tmp/render" 2>/dev/null
    trimmed "$tmp/render" > "$tmp/want"
    if screen_is "$tmp/want"; then ok "$pc_name: asciinema plays it; final screen equals render --step $pc_last $*"
    else bad "$pc_name: final screen after asciinema play differs from render --step $pc_last $*"; diff "$tmp/want" "$tmp/got" | head -n 20; fi
}

# 1. every built-in lesson: structure and playback
lessons=$("$bin" list | awk '{ print $1 }')
[ -n "$lessons" ] || bad "memtutor list gives no lessons"
first=
for id in $lessons; do
    [ -n "$first" ] || first=$id
    n=$("$bin" trace "$id" 2>/dev/null | grep -c '"step"')
    title=$("$bin" list | awk -v id="$id" '$1 == id { sub(/^[^ ]+ +/, ""); print }')
    if ! "$bin" record "$id" -o "$tmp/$id.cast" --size 100x30 2>"$tmp/err"; then
        bad "$id: record failed"; show "$tmp/err"; continue
    fi
    if python3 "$here/check_cast.py" "$tmp/$id.cast" 100 30 "$n" "memtutor · $title" > "$tmp/check"; then
        ok "$id: asciicast v2, $n markers for $n steps, $(wc -c < "$tmp/$id.cast") bytes"
    else
        bad "$id: asciicast structure"; show "$tmp/check"
    fi
    lfile=$(grep -l "\"id\": \"$id\"" "$here"/../../lessons/*.json | head -n 1)
    if [ -z "$lfile" ]; then bad "$id: no lessons/*.json with this id"
    elif python3 "$here/cast_teach.py" "$tmp/$id.cast" "$lfile" > "$tmp/teach"; then
        ok "$id: each question, then its answer ($(grep -c '^answer:' "$tmp/teach")), then the narration; every narration whole; no key hints"
    else bad "$id: the recording does not teach"; show "$tmp/teach"; fi
    play_check "$id" "$tmp/$id.cast" "$id" "$n" --played
done
# the answers are the simulator's, in the words the issue asks for
if python3 "$here/cast_teach.py" "$tmp/names-and-references.cast" "$here/../../lessons/01-names-and-references.json" |
   grep -q "^answer: 2 sys.getrefcount(a) returns 2$"; then
    ok "names-and-references step 2 shows 'sys.getrefcount(a) returns 2' (python3 prints 2)"
else bad "names-and-references step 2: no 'sys.getrefcount(a) returns 2'"; fi
# the checker sees key hints when there are some (--hints keeps the TUI's)
"$bin" record names-and-references -o "$tmp/hints.cast" --hints 2>/dev/null
if python3 "$here/cast_teach.py" "$tmp/hints.cast" "$here/../../lessons/01-names-and-references.json" |
   grep -q "key hint '? help'"; then ok "--hints: the key hints stay (and the checker finds them)"
else bad "--hints: no key hints found"; fi

# 2. options: --animate, --ascii, --title, --delay, and determinism
id=$first
n=$("$bin" trace "$id" 2>/dev/null | grep -c '"step"')
"$bin" record "$id" -o "$tmp/a1.cast" 2>/dev/null
"$bin" record "$id" -o "$tmp/a2.cast" 2>/dev/null
if [ -s "$tmp/a1.cast" ] && cmp -s "$tmp/a1.cast" "$tmp/a2.cast"; then ok "deterministic: two recordings are byte-identical"
else bad "deterministic: two recordings differ"; fi
if "$bin" record "$id" -o "$tmp/an1.cast" --animate 2>/dev/null && "$bin" record "$id" -o "$tmp/an2.cast" --animate 2>/dev/null &&
   cmp -s "$tmp/an1.cast" "$tmp/an2.cast"; then ok "deterministic with --animate"
else bad "deterministic with --animate"; fi
if python3 "$here/check_cast.py" "$tmp/an1.cast" 100 30 "$n" > "$tmp/check" &&
   [ "$(grep -c '"o"' "$tmp/an1.cast")" -gt "$(grep -c '"o"' "$tmp/a1.cast")" ]; then
    ok "--animate: more frames ($(grep -c '"o"' "$tmp/an1.cast") against $(grep -c '"o"' "$tmp/a1.cast")), same markers"
else bad "--animate: structure or frame count"; show "$tmp/check"; fi
if python3 "$here/cast_teach.py" "$tmp/an1.cast" "$(grep -l "\"id\": \"$id\"" "$here"/../../lessons/*.json | head -n 1)" > "$tmp/teach"
then ok "--animate: still question, answer, narration; no key hints"
else bad "--animate: the recording does not teach"; show "$tmp/teach"; fi
play_check "--animate" "$tmp/an1.cast" "$id" "$n" --played
# --pane memory: the memory map in place of the heap graph, step by step
mid=why-the-process-does-not-shrink
mn=$("$bin" trace "$mid" 2>/dev/null | grep -c '"step"')
if "$bin" record "$mid" -o "$tmp/mem.cast" --pane memory 2>"$tmp/err" &&
   python3 "$here/check_cast.py" "$tmp/mem.cast" 100 30 "$mn" > "$tmp/check" &&
   grep -q 'arenas of 1 MiB' "$tmp/mem.cast" && ! grep -q 'arenas of 1 MiB' "$tmp/$mid.cast"; then
    ok "--pane memory: asciicast v2 with the memory map, $mn markers"
else bad "--pane memory: record, structure or pane"; show "$tmp/err"; show "$tmp/check"; fi
play_check "--pane memory" "$tmp/mem.cast" "$mid" "$mn" --pane memory --played
if "$bin" record "$id" -o "$tmp/t.cast" --size 90x28 --delay 500 --title 'Demo "quoted" ✓' --ascii 2>/dev/null &&
   python3 "$here/check_cast.py" "$tmp/t.cast" 90 28 "$n" 'Demo "quoted" ✓' > "$tmp/check" &&
   python3 - "$tmp/t.cast" "$n" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
h = json.loads(lines[0])
ev = [json.loads(l) for l in lines[1:]]
marks = [e[0] for e in ev if e[1] == "m"]
assert h["idle_time_limit"] == 3.0, h   # the longest pause: --end-delay's default
assert len(marks) == int(sys.argv[2]) and all(b - a >= 0.5 for a, b in zip(marks, marks[1:])), marks
out = "".join(e[2] for e in ev if e[1] == "o")
assert all(ord(ch) < 128 for ch in out), "non-ASCII output with --ascii"
PY
then ok "--size 90x28 --delay 500 --title --ascii: header, markers, ASCII frames"
else bad "--size --delay --title --ascii"; show "$tmp/check"; fi
if "$bin" record "$id" -o "$tmp/ts.cast" --timestamp 2>/dev/null &&
   head -n 1 "$tmp/ts.cast" | grep -q '"timestamp": [1-9]'; then ok "--timestamp: header has a timestamp"
else bad "--timestamp"; fi
if "$bin" record "$id" -o - > "$tmp/stdout.cast" 2>/dev/null && cmp -s "$tmp/stdout.cast" "$tmp/a1.cast"; then
    ok "-o -: the same recording on stdout"
else bad "-o -: recording on stdout"; fi

# the times: steps --delay apart, a question held --delay, its answer half
# of it, its narration --delay; the last frame held --end-delay
if "$bin" record names-and-references -o "$tmp/times.cast" --delay 1000 --end-delay 4000 2>/dev/null &&
   python3 - "$tmp/times.cast" > "$tmp/check" 2>&1 <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
h = json.loads(lines[0])
ev = [json.loads(l) for l in lines[1:]]
assert h["idle_time_limit"] == 4.0, h
marks = [e[0] for e in ev if e[1] == "m"]
out = [e[0] for e in ev if e[1] == "o"]
assert marks[0] == 1.0, marks            # step 1: a delay after step 0
m2 = marks[1]                             # step 2 asks a question
assert m2 + 1.0 in out and m2 + 1.5 in out, (m2, out)   # its answer, then its narration
assert all(t not in out for t in (m2 + 0.5, m2 + 1.25)), out
assert ev[-1][0] == out[-2] + 4.0, (ev[-1], out[-2])   # the last frame held 4 s
PY
then ok "--delay 1000 --end-delay 4000: question 1 s, answer 0.5 s, narration; last frame held 4 s"
else bad "--delay --end-delay: times"; show "$tmp/check"; fi
printf 'a = [1, 2]\nb = a\ndel a\n' > "$tmp/st.py"
if "$bin" record "$tmp/st.py" -o "$tmp/st.cast" --delay 500 --end-delay 0 2>/dev/null &&
   python3 - "$tmp/st.cast" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
h = json.loads(lines[0])
ev = [json.loads(l) for l in lines[1:]]
assert h["idle_time_limit"] == 0.5, h
assert [e[0] for e in ev if e[1] == "m"] == [0.5, 1.0, 1.5, 2.0], [e for e in ev if e[1] == "m"]
assert ev[-1][0] == 2.0, ev[-1]
PY
then ok "a script, --delay 500 --end-delay 0: markers at 0.5, 1.0, 1.5, 2.0; nothing held"
else bad "a script, --delay 500 --end-delay 0: marker times"; fi

# a script target: one marker per executed statement
printf 'a = [1, 2]\nb = a\ndel a\n' > "$tmp/s.py"
ns=$("$bin" trace "$tmp/s.py" 2>/dev/null | grep -c '"step"')
if "$bin" record "$tmp/s.py" -o "$tmp/s.cast" 2>/dev/null &&
   python3 "$here/check_cast.py" "$tmp/s.cast" 100 30 "$ns" > "$tmp/check" && grep -q '"step 1: line 1"' "$tmp/s.cast"; then
    ok "a .py script: $ns markers ('step 1: line 1')"
else bad "a .py script"; show "$tmp/check"; fi

# playback with script(1) as the tty, as the README suggests for CI
if command -v script >/dev/null 2>&1; then
    if script -qec "asciinema play -i 0.01 $tmp/a1.cast" /dev/null > "$tmp/sout" 2>&1 </dev/null &&
       ! grep -q "Traceback\|Error" "$tmp/sout"; then ok "asciinema play under script -qec: no error"
    else bad "asciinema play under script -qec"; show "$tmp/sout"; fi
fi

# 3. bad usage: "memtutor: ..." on stderr, exit 2, no file left behind
usage_check() {  # usage_check NAME WANT-IN-STDERR ARGS...
    name=$1; want=$2; shift 2
    "$bin" record "$@" > "$tmp/out" 2> "$tmp/err"
    st=$?
    if [ $st = 2 ] && grep -q "^memtutor: .*$want" "$tmp/err" && [ ! -s "$tmp/out" ]; then ok "error: $name (exit 2)"
    else bad "error: $name (status $st)"; show "$tmp/err"; fi
}
usage_check "missing -o" "-o" "$id"
usage_check "missing TARGET" "TARGET" -o "$tmp/x.cast"
usage_check "bad --size" "size" "$id" -o "$tmp/x.cast" --size 100by30
usage_check "zero --size" "size" "$id" -o "$tmp/x.cast" --size 0x30
usage_check "bad --delay" "delay" "$id" -o "$tmp/x.cast" --delay soon
usage_check "bad --end-delay" "end-delay" "$id" -o "$tmp/x.cast" --end-delay -1
usage_check "unknown option" "unknown option" "$id" -o "$tmp/x.cast" --bogus
usage_check "unwritable file" "$tmp/no/such/dir/x.cast" "$id" -o "$tmp/no/such/dir/x.cast"
usage_check "unknown lesson" "" no-such-lesson -o "$tmp/x.cast"
if [ ! -e "$tmp/x.cast" ]; then ok "errors leave no file behind"; else bad "errors leave no file behind"; fi
# a write error on a device: a private node like /dev/full (char 1,7) in the
# temporary directory, never the machine's own; the node stays where it was
if [ "$(id -u)" = 0 ] && mknod "$tmp/full" c 1 7 2>/dev/null; then
    usage_check "write error (a private full device)" "write" "$id" -o "$tmp/full"
    if [ -c "$tmp/full" ]; then ok "a write error leaves the device node in place"
    else bad "a write error removed the device node"; fi
else
    echo "skip write error on a full device: needs root to make a private device node"
fi

# 4. autoplay in the TUI
if start_sh "exec \"$bin\" \"$id\" --autoplay --delay 100" && wait_for "autoplay"; then
    ok "--autoplay: playing from the start"
    if wait_for "step $n/$n"; then ok "--autoplay --delay 100: reaches step $n/$n by itself"
    else bad "--autoplay --delay 100: does not reach step $n/$n"; show "$tmp/screen" 40; fi
    if wait_gone "autoplay"; then ok "--autoplay: stops on the last step"
    else bad "--autoplay: still playing on the last step"; fi
    keys Left
    if wait_for "step $((n - 1))/$n"; then ok "after autoplay the presenter steps (←)"
    else bad "after autoplay the presenter steps (←)"; show "$tmp/screen" 40; fi
else
    bad "--autoplay: does not start playing"; show "$tmp/screen" 40
fi
if start_sh "exec \"$bin\" \"$id\" --autoplay --delay 300" && wait_for "step 1/$n"; then
    keys x          # a key bound to nothing still pauses
    if wait_gone "autoplay"; then
        capture
        at=$(sed -n 's/.* step \([0-9]*\)\/.*/\1/p' "$tmp/screen" | head -n 1)
        sleep 1.5                # five delays: a playing autoplay would move on
        capture
        now=$(sed -n 's/.* step \([0-9]*\)\/.*/\1/p' "$tmp/screen" | head -n 1)
        if [ -n "$at" ] && [ "$at" = "$now" ]; then ok "a key pauses autoplay (stays at step $at)"
        else bad "a key pauses autoplay (step $at, then $now)"; fi
        keys p
        if wait_for "autoplay" && wait_for "step $n/$n"; then ok "p resumes autoplay to the last step"
        else bad "p resumes autoplay"; show "$tmp/screen" 40; fi
    else
        bad "a key pauses autoplay: still playing"; show "$tmp/screen" 40
    fi
else
    bad "--autoplay --delay 300: does not reach step 1"; show "$tmp/screen" 40
fi

# autoplay plays a question as a recording does: the question, then its answer
if start_sh "exec \"$bin\" names-and-references --autoplay --delay 600" && wait_for "step 2/8"; then
    if wait_for "answer: …" && lacks "sys.getrefcount(a) returns 2" && lacks "Type a value"; then
        ok "--autoplay: a question shows alone first (no answer field)"
    else bad "--autoplay: a question shows alone first"; show "$tmp/screen" 30; fi
    if wait_for "sys.getrefcount(a) returns 2"; then ok "--autoplay: then its answer, computed (sys.getrefcount(a) returns 2)"
    else bad "--autoplay: the answer never shows"; show "$tmp/screen" 30; fi
    if wait_for "prints 2, not 1" && wait_for "step 3/8"; then ok "--autoplay: then the narration, then the next step"
    else bad "--autoplay: narration or next step missing"; show "$tmp/screen" 30; fi
    quit
else bad "--autoplay --delay 600: does not reach step 2"; show "$tmp/screen" 30; fi
# a key during the question leaves it to be answered
if start_sh "exec \"$bin\" names-and-references --autoplay --delay 3000" && wait_for "step 2/8" && wait_for "answer: …"; then
    keys x
    if wait_for "Type a value" && wait_gone "autoplay"; then ok "a key while a question plays: paused, the question waits for an answer"
    else bad "a key while a question plays: no answer field"; show "$tmp/screen" 30; fi
    quit
else bad "--autoplay --delay 3000: does not reach step 2's question"; show "$tmp/screen" 30; fi

sz=$(wc -c < "$tmp/a1.cast" 2>/dev/null || echo 0)
sza=$(wc -c < "$tmp/an1.cast" 2>/dev/null || echo 0)
echo "size: $id at 100x30: $sz bytes; with --animate: $sza bytes"
finish
