#!/bin/sh
# Golden frames: `memtutor render` of every built-in lesson at its first,
# middle and last step, at 100x30 and 80x24, in ASCII at 100x30, plus the
# fixtures here (*.py), the memory-map pane and the "too small" screen,
# compared with golden/.
#
# usage: tests/screens/run.sh MEMTUTOR_BINARY [--update]
#   --update   rewrite the golden files from what the binary draws now
# A mismatch writes golden/NAME.txt.actual beside the golden file (review it
# with `diff golden/NAME.txt golden/NAME.txt.actual`); a missing golden file
# is a failure too (run with --update, then review and commit).
# Ends with "screens: N passed, N failed"; exit 1 if any failed, 2 bad usage.
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 MEMTUTOR_BINARY [--update]" >&2
    exit 2
fi
bin=$1
update=0
[ "${2:-}" = "--update" ] && update=1
case "$bin" in
    /*) ;;
    */*) bin=$(pwd)/$bin ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
gold=$here/golden
mkdir -p "$gold"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR
pass=0
fail=0

# check NAME TARGET STEP SIZE [--ascii]
check() {
    name=$1 target=$2 step=$3 size=$4
    shift 4
    file=$gold/$name.txt
    out=$(mktemp) || exit 2
    if ! "$bin" render "$target" --step "$step" --size "$size" "$@" >"$out" 2>"$out.err"; then
        echo "FAIL $name: render exited $? ($(head -n 1 "$out.err"))"
        fail=$((fail + 1))
        rm -f "$out" "$out.err"
        return
    fi
    if [ $update = 1 ]; then
        cp "$out" "$file"
        rm -f "$file.actual"
        pass=$((pass + 1))
    elif [ ! -f "$file" ]; then
        cp "$out" "$file.actual"
        echo "FAIL $name: no golden file (run $0 BIN --update, review, commit)"
        fail=$((fail + 1))
    elif cmp -s "$out" "$file"; then
        rm -f "$file.actual"
        pass=$((pass + 1))
    else
        cp "$out" "$file.actual"
        echo "FAIL $name: frame differs (golden/$name.txt.actual)"
        diff "$file" "$file.actual" | head -n 12
        fail=$((fail + 1))
    fi
    rm -f "$out" "$out.err"
}

# frames TARGET NAME: first, middle and last step at both sizes, ASCII at 100x30
# (sh has no locals: check() owns name/target/step, so these use f*)
frames() {
    ftarget=$1 fname=$2
    fn=$("$bin" trace "$ftarget" 2>/dev/null | grep -c '"step"')
    if [ -z "$fn" ] || [ "$fn" -lt 1 ]; then
        echo "FAIL $fname: cannot count the steps (memtutor trace)"
        fail=$((fail + 1))
        return
    fi
    for fstep in 0 $(( (fn + 1) / 2 )) "$fn"; do
        check "$fname.step$fstep.100x30" "$ftarget" "$fstep" 100x30
        check "$fname.step$fstep.80x24" "$ftarget" "$fstep" 80x24
        check "$fname.step$fstep.100x30.ascii" "$ftarget" "$fstep" 100x30 --ascii
    done
    # the busiest step (most events in `trace`) at the smallest usual size
    fbusy=$("$bin" trace "$ftarget" 2>/dev/null | awk '{ n = gsub(/"kind":/, "&"); if (n > best) { best = n; s = NR } } END { print s }')
    case " 0 $(( (fn + 1) / 2 )) $fn " in
        *" $fbusy "*) ;;
        *) [ -n "$fbusy" ] && check "$fname.step$fbusy.busiest.80x24" "$ftarget" "$fbusy" 80x24 ;;
    esac
}

# event_of TARGET STEP REGEX [N]: the number of the N-th (default 1st) event
# of step STEP in `trace` whose JSON matches REGEX (empty when none), so that
# the sub-step frames below follow the event log if its sequence changes
event_of() {
    "$bin" trace "$1" 2>/dev/null | sed -n "$2p" | sed 's/.*"events":\[{//; s/}\]}$//' |
        awk -v re="$3" -v nth="${4:-1}" 'BEGIN { RS = "},{" } $0 ~ re { if (++k == nth) { print NR; exit } }'
}

# check_event NAME TARGET STEP REGEX N SIZE [options]: the frame after that event
check_event() {
    ev=$(event_of "$2" "$3" "$4" "$5")
    if [ -z "$ev" ]; then
        echo "FAIL $1: no event of step $3 matches $4"
        fail=$((fail + 1))
        return
    fi
    ce_name=$1 ce_target=$2 ce_step=$3 ce_size=$6
    shift 6
    check "$ce_name" "$ce_target" "$ce_step" "$ce_size" --event "$ev" "$@"
}

ids=$("$bin" list 2>/dev/null | awk '{print $1}')
if [ -z "$ids" ]; then
    echo "FAIL: memtutor list gave no lessons"
    fail=$((fail + 1))
fi
for id in $ids; do
    frames "$id" "$id"
done
for py in "$here"/*.py; do
    [ -f "$py" ] || continue
    frames "$py" "fixture-$(basename "$py" .py)"
done
# the memory-map pane (render --pane memory): lesson 10 after `del big` (the
# 1% kept pins all 32 arenas) and after `del keep` (30 arenas go back)
mm=why-the-process-does-not-shrink
if echo "$ids" | grep -qx "$mm"; then
    for fstep in 4 5; do
        check "memory-map.$mm.step$fstep.100x30" "$mm" "$fstep" 100x30 --pane memory
    done
    check "memory-map.$mm.step4.80x24" "$mm" 4 80x24 --pane memory
    check "memory-map.$mm.step5.100x30.ascii" "$mm" 5 100x30 --pane memory --ascii
    # at an event inside the step the map says it is the step's end state
    check "memory-map.$mm.step4.event1.100x30" "$mm" 4 100x30 --pane memory --event 1
fi
# inside a step (render --event): peek(a) while getrefcount's argument makes
# the count 6, with peek's frame and x drawn; the collector's subtract_refs
# with the cycle's arrows; and `del big`, whose memory stays with Python
nr=names-and-references rc=reference-cycles
if echo "$ids" | grep -qx "$nr"; then
    check_event "$nr.step6.refs6.100x30" "$nr" 6 '"type":"list","refcount":6' 1 100x30
    check_event "$nr.step6.refs6.80x24" "$nr" 6 '"type":"list","refcount":6' 1 80x24
    # the argument pushed for peek(a), which becomes its parameter x
    check_event "$nr.step6.param-x.100x30" "$nr" 6 '"type":"list","refcount":5,"reason":"arg"' 1 100x30
fi
if echo "$ids" | grep -qx "$rc"; then
    check_event "$rc.step8.subtract_refs.100x30" "$rc" 8 '"type":"object","gc_refs":0,"pass":"subtract_refs"' 2 100x30
    check_event "$rc.step8.subtract_refs.100x30.ascii" "$rc" 8 '"type":"object","gc_refs":0,"pass":"subtract_refs"' 2 100x30 --ascii
    # at 80x24 the heap scrolls to the object the event touched (the second Node)
    check_event "$rc.step8.subtract_refs.80x24" "$rc" 8 '"type":"object","gc_refs":0,"pass":"subtract_refs"' 2 80x24
fi
if echo "$ids" | grep -qx "$mm"; then
    check "$mm.step4.del-big.100x30" "$mm" 4 100x30
fi
# look-alike groups: the capstone's 180 unreachable Request ⇄ Handler
# cycles in one box (after the loop), in UTF-8 and in ASCII
cl=capstone-leaky-service
if echo "$ids" | grep -qx "$cl"; then
    check "$cl.step3.groups.120x60" "$cl" 3 120x60
    check "$cl.step3.groups.120x60.ascii" "$cl" 3 120x60 --ascii
fi
# wide panes use their width: unreachable groups beside the main column,
# tiles side by side (the fixture's three cycles, before the print)
check "fixture-wide.step26.200x40" "$here/wide.py" 26 200x40
check "fixture-wide.step26.160x40" "$here/wide.py" 26 160x40
# the screen shown below the minimum size
first=$(echo "$ids" | head -n 1)
[ -n "$first" ] && check "too-small.40x10" "$first" 0 40x10

echo "screens: $pass passed, $fail failed"
[ $fail = 0 ]
