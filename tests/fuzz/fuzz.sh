#!/bin/sh
# Run each libFuzzer target for SECONDS (make fuzz FUZZ_SECONDS=N). Not named
# run.sh: make test runs every tests/*/run.sh.
# usage: tests/fuzz/fuzz.sh SECONDS BUILD_DIR TARGET...   (TARGET: lesson parse interp keys)
# Seeds are copied at run time from lessons/, tests/bad/, tests/cpython/ and
# tests/cpython/pending/ (the syntax memtutor does not run yet) into
# BUILD_DIR/corpus-TARGET (kept between runs, never committed). A crash leaves
# BUILD_DIR/crash-* (libFuzzer's artifact) and fails the run; keep the input as
# a regression case under tests/bad/hostile/.
set -u
secs=${1:?usage: fuzz.sh SECONDS BUILD_DIR TARGET...}
build=${2:?usage: fuzz.sh SECONDS BUILD_DIR TARGET...}
shift 2
cd "$(dirname "$0")/../.." || exit 2
jobs=${FUZZ_JOBS:-1}
status=0
summary=""
for t in "$@"; do
    bin=$build/fuzz_$t
    corpus=$build/corpus-$t
    seeds=$(mktemp -d) || exit 2
    mkdir -p "$corpus"
    case $t in
        lesson)
            cp lessons/*.json tests/bad/lessons/*.json "$seeds"/ 2>/dev/null
            dict=tests/fuzz/json.dict ;;
        keys)
            # a few key sequences: step through, a question, the live prompt, search, help
            printf '\001\007\007\007\0052\n' > "$seeds/steps"
            printf '\001\1762\025\007\007\006\006' > "$seeds/answer"
            printf '\001\007\200a.append(1)\025\007' > "$seeds/live"
            printf '\000\025\007\117\025' > "$seeds/menu"
            dict= ;;   # keys are bytes: no dictionary
        *)
            cp tests/cpython/*.py tests/cpython/pending/*.py tests/bad/hostile/*.py "$seeds"/ 2>/dev/null
            dict=tests/fuzz/python.dict ;;
    esac
    extra=""
    [ "$t" = interp ] && extra="-max_len=4096"
    echo "fuzz_$t: $secs s"
    start=$(date +%s)
    "$bin" "$corpus" "$seeds" ${dict:+-dict="$dict"} -max_total_time="$secs" -timeout=20 \
        -rss_limit_mb=2560 -artifact_prefix="$build/crash-$t-" -print_final_stats=1 \
        $extra > "$build/fuzz_$t.log" 2>&1
    rc=$?
    end=$(date +%s)
    rm -rf "$seeds"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz_$t.log" | tail -n 1)
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$build/fuzz_$t.log" | head -n 5
    line="fuzz_$t: ${execs:-?} executions in $((end - start)) s, exit $rc"
    echo "$line"
    summary="$summary$line
"
    [ "$rc" -eq 0 ] || status=1
done
printf '%s' "$summary"
exit $status
