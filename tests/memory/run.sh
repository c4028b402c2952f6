#!/bin/sh
# The pymalloc model through `memtutor trace` (DESIGN.md section 4, issue 6):
# - million.py: [i * 1000 for i in range(1000000)] (ints of at least 1000,
#   none of them a shared small int), keep every hundredth, del the list,
#   del the survivors: about 32 arenas after the million ints; at least 90%
#   of them still held with 1% kept; at most 2 after everything is freed;
#   the 8 MB item array goes back to malloc at once;
# - freelist.py: a freed list goes onto the list free list (its block stays
#   in use) and the next list reuses it (the same id() in the output); a full
#   collection clears the free lists (their blocks go back to the pools);
# - freelist-kinds.py: list, dict and float free lists, LIFO order, and no
#   reuse while the first object lives, as python3 prints them;
# - when a CPython 3.11 is found (CPYTHON_LIVE=0 disables it), the same
#   scenario under CPython with sys._debugmallocstats(): the arenas the
#   million ints add, and those given back, within 10% of the model's.
#
# usage: tests/memory/run.sh MEMTUTOR_BINARY
# Ends with "memory: N passed, N failed"; exit 1 if any failed, 2 bad usage.
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
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }

# check NAME PYTHON-CONDITION FILE: the condition over `steps` (the trace's
# JSON objects, a list) and `m` (steps[k]["memory"] by step number k >= 1)
# must hold; on failure the condition and the figures are shown.
check() {
    name=$1 cond=$2 file=$3
    if out=$(python3 - "$file" "$cond" 2>&1 <<'EOF'
import json, sys
steps = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
m = {s["step"]: s["memory"] for s in steps}
out = {s["step"]: s["output"] for s in steps}
freed = {s["step"]: s["freed"] for s in steps}
if not eval(sys.argv[2]):
    print("  condition:", sys.argv[2])
    for s in steps:
        print("  step %d line %d: %s freed %d output %r" % (s["step"], s["line"], s["memory"], s["freed"], s["output"]))
    sys.exit(1)
EOF
    ); then ok "$name"; else ko "$name"; echo "$out"; fi
}

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# ---- the million ints
if "$bin" trace "$here/million.py" >"$tmp/million.json" 2>"$tmp/err"; then
    ok "trace million.py"
else
    ko "trace million.py: $(head -n 1 "$tmp/err")"
fi
# steps: 1 before, 2 the list, 3 keep, 4 del big, 5 del keep, 6 the end
t=$tmp/million.json
check "every step reports the memory figures" \
    'all(set(s["memory"]) >= {"arenas", "arenas_peak", "arenas_released", "pools", "blocks", "requested_bytes", "held_bytes", "raw_bytes"} for s in steps) and len(steps) == 6' "$t"
check "about 32 arenas after the million ints (29..35)" '29 <= m[2]["arenas"] <= 35' "$t"
check "the million ints use at least 999,999 blocks in 1,961+ pools" \
    'm[2]["blocks"] >= 999999 and m[2]["pools"] >= 1961' "$t"
check "held bytes are the arenas, 1 MiB each" \
    'all(s["memory"]["held_bytes"] == s["memory"]["arenas"] * 1048576 for s in steps)' "$t"
check "the list's item array (8,448,728-byte list) comes from malloc" \
    'm[2]["raw_bytes"] >= 8000000' "$t"
check "keep = big[::100] maps no arena" 'm[3]["arenas"] == m[2]["arenas"]' "$t"
check "with 1% kept, at least 90% of the arenas are still held" \
    'm[4]["arenas"] >= 0.9 * m[4]["arenas_peak"] and m[4]["arenas_released"] == 0' "$t"
check "del big frees 990,001 objects, their blocks and the item array" \
    'freed[4] == 990001 and m[4]["blocks"] < 11000 and m[4]["raw_bytes"] < 100000' "$t"
check "after del keep at most 2 arenas are held" 'm[5]["arenas"] <= 2' "$t"
check "the others went back to the OS" \
    'm[5]["arenas_released"] == m[5]["arenas_peak"] - m[5]["arenas"] and m[5]["arenas_released"] >= 29' "$t"

# ---- free lists
if "$bin" trace "$here/freelist.py" >"$tmp/fl.json" 2>"$tmp/err"; then
    ok "trace freelist.py"
else
    ko "trace freelist.py: $(head -n 1 "$tmp/err")"
fi
t=$tmp/fl.json
# steps: 3 print(id(a)), 4 del a, 6 print(id(b)), 10 gc.collect()
check "a freed list is reused by the next list: the same id()" \
    'out[3] != "" and out[3] == out[6]' "$t"
check "a list on the free list keeps its block" 'freed[4] == 1 and m[4]["blocks"] == m[3]["blocks"]' "$t"
check "a full collection clears the free lists: their blocks go back" \
    'm[10]["blocks"] <= m[9]["blocks"] - 2' "$t"

want="list True
dict True
float True
lifo True True
live False"
got=$(cd "$here" && "$bin" exec freelist-kinds.py 2>&1)
if [ "$got" = "$want" ]; then ok "list, dict and float free lists, LIFO, none while alive"
else ko "free-list kinds"; printf '%s\n' "$got" | sed 's/^/    /'; fi

# ---- CPython 3.11, live
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
[ "${CPYTHON_LIVE:-1}" != 0 ] && py=$(find_python)
if [ -n "$py" ] && "$py" "$here/cpython_arenas.py" >"$tmp/cpy.txt" 2>"$tmp/err"; then
    # CPython starts with its own objects in a few arenas the model does not
    # have: compare what the scenario adds and gives back, not the totals.
    if out=$(python3 - "$tmp/cpy.txt" "$tmp/million.json" 2>&1 <<'EOF'
import json, sys
c = {l.split()[0]: (int(l.split()[1]), int(l.split()[2])) for l in open(sys.argv[1])}
steps = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
m = {s["step"]: s["memory"] for s in steps}
m0 = m[1]["arenas"]
added_c, added_m = c["built"][0] - c["start"][0], m[2]["arenas"] - m0
back_c, back_m = c["del-keep"][1] - c["start"][1], m[5]["arenas_released"]
print("  CPython: start %d, built %d, del big %d, del keep %d (released %d)" % (
    c["start"][0], c["built"][0], c["del-big"][0], c["del-keep"][0], back_c))
print("  model:   start %d, built %d, del big %d, del keep %d (released %d)" % (
    m0, m[2]["arenas"], m[4]["arenas"], m[5]["arenas"], back_m))
good = abs(added_c - added_m) <= 0.1 * added_c and abs(back_c - back_m) <= 0.1 * back_c
good = good and c["del-big"][0] == c["built"][0] and m[4]["arenas"] == m[2]["arenas"]
sys.exit(0 if good else 1)
EOF
    ); then ok "CPython 3.11 agrees within 10% ($py)"; echo "$out"
    else ko "CPython 3.11 agrees within 10% ($py)"; echo "$out"; fi
else
    echo "skip CPython 3.11 live comparison (${py:-CPYTHON_LIVE=0, or no python 3.11})"
fi

echo "memory: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
