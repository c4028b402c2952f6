#!/bin/sh
# memtutor export: every built-in lesson as a web page and as an animated SVG
# (written, size reported, self-contained, the SVG well-formed by xmllint);
# the page opened in real headless chromium, driven with the keyboard (the
# page's ?keys= replays key names through its own keydown handler), shows at
# step 3 exactly the frame `memtutor render --step 3` prints; questions open
# with their simulator-computed answer; a hostile lesson's text is escaped;
# tests/bad's malformed lessons are refused as check refuses them; outputs
# never clobber the input or leave temporary files, and a failed
# export leaves the old file as it was.
#
# usage: tests/export/run.sh MEMTUTOR_BINARY
# Ends with "export: N passed, N failed"; exit 1 if any failed, 2 bad usage.
# Without chromium (Debian package chromium, installed by `make deps`) the
# browser tests are skipped and said to be; they are not counted as passed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/tmux.sh source-path=SCRIPTDIR
. "$here/../lib/tmux.sh"
SUITE=export
suite_binary "$@"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
[ -x "$bin" ] || { bad "$bin: no such program (build it first)"; finish; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
page() { python3 "$here/page.py" "$@"; }

chromium=
for c in ${CHROMIUM:-} chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then chromium=$c; break; fi
done
skipped=0
skip() { skipped=$((skipped + 1)); echo "skip $1"; }
# chrome ARGS...: headless chromium with a private profile (no network is
# needed: the pages load nothing)
chrome() {
    timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
        --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chromium.log"
}
# dump FILE QUERY OUT: the DOM of file://FILE?QUERY after its script ran
dump() { chrome --dump-dom "file://$1${2:+?$2}" > "$3"; }
# keys_to N: N times ArrowRight, comma-separated
keys_to() { awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%sArrowRight", i ? "," : "" }'; }
# rendered TARGET STEP OUT: render --step STEP, trailing blanks and rows dropped
rendered() { "$bin" render "$1" --step "$2" > "$tmp/r.txt" && trimmed "$tmp/r.txt" > "$3"; }

self_contained() {
    # no fetch of anything: no src=, no link, no url(), no @import, only #anchors as links
    ! grep -qiE '<(link|img|iframe|object|embed|audio|video|source)[ >]|src=|url\(|@import|href="[^#]' "$1"
}

# 1. every built-in lesson, both formats
lessons=$("$bin" list | awk '{ print $1 }')
[ -n "$lessons" ] || bad "memtutor list gives no lessons"
for id in $lessons; do
    if "$bin" export "$id" -o "$tmp/$id.html" > "$tmp/out" 2>"$tmp/err"; then
        size=$(wc -c < "$tmp/$id.html" | tr -d ' ')
        said=$(sed -n 's/.* \([0-9,]*\) bytes$/\1/p' "$tmp/out" | tr -d ,)
        if [ "$said" = "$size" ] && self_contained "$tmp/$id.html" && grep -q '^<!DOCTYPE html>' "$tmp/$id.html"; then
            ok "$id: page written, its size reported ($size bytes), nothing loaded from elsewhere"
        else bad "$id: page: size reported '$said', file $size, or it refers to other files"; show "$tmp/out"; fi
    else bad "$id: export to HTML failed"; show "$tmp/err"; fi
    if "$bin" export "$id" -o "$tmp/$id.svg" > "$tmp/out" 2>"$tmp/err"; then
        frames=$(sed -n 's/.* \([0-9]*\) frames.*/\1/p' "$tmp/out")
        groups=$(grep -c '^<g transform="translate(0 ' "$tmp/$id.svg")
        if command -v xmllint >/dev/null 2>&1; then
            if xmllint --noout "$tmp/$id.svg" 2>"$tmp/err" && [ "$groups" = "$frames" ] && [ "$frames" -gt 1 ] &&
               grep -q '@keyframes reel' "$tmp/$id.svg" && self_contained "$tmp/$id.svg"; then
                ok "$id: SVG well-formed (xmllint), $frames frames in one keyframe animation"
            else bad "$id: SVG: xmllint, or $groups frame groups for $frames frames"; show "$tmp/err"; fi
        else
            skip "$id: SVG well-formedness: xmllint not found (Debian package libxml2-utils)"
        fi
    else bad "$id: export to SVG failed"; show "$tmp/err"; fi
done

# 2. the same input gives the same bytes
"$bin" export names-and-references -o "$tmp/again.html" >/dev/null 2>&1
"$bin" export names-and-references -o "$tmp/again.svg" >/dev/null 2>&1
if cmp -s "$tmp/again.html" "$tmp/names-and-references.html" && cmp -s "$tmp/again.svg" "$tmp/names-and-references.svg"
then ok "export is deterministic (page and SVG byte-identical when repeated)"
else bad "export is not deterministic"; fi

# 3. in the browser
if [ -z "$chromium" ]; then
    n=$(echo "$lessons" | wc -w)
    echo "export: chromium not found: $((n + 8)) browser tests skipped (install the Debian package chromium, or make deps)"
    skipped=$((skipped + n + 8))
else
    for id in $lessons; do
        f=$tmp/$id.html
        [ -s "$f" ] || { bad "$id: no page to open"; continue; }
        dump "$f" "keys=$(keys_to 3)" "$tmp/dom.html"
        total=$("$bin" trace "$id" 2>/dev/null | grep -c '"step"')
        rendered "$id" 3 "$tmp/want"
        if page frame "$tmp/dom.html" > "$tmp/got" 2>"$tmp/err" && cmp -s "$tmp/want" "$tmp/got" &&
           [ "$(page counter "$tmp/dom.html")" = "step 3/$total" ]; then
            ok "$id: chromium, → → →: the page shows step 3/$total, the frame render --step 3 prints"
        else
            bad "$id: chromium, → → →: the page does not show render --step 3 (counter: $(page counter "$tmp/dom.html"))"
            show "$tmp/err"; diff "$tmp/want" "$tmp/got" | head -n 12
        fi
    done

    L=names-and-references
    f=$tmp/$L.html
    last=$("$bin" trace $L | grep -c '"step"')
    dump "$f" "keys=End" "$tmp/dom.html"
    rendered $L "$last" "$tmp/want"
    if page frame "$tmp/dom.html" > "$tmp/got" && cmp -s "$tmp/want" "$tmp/got" &&
       [ "$(page counter "$tmp/dom.html")" = "step $last/$last" ]; then ok "page: End goes to the last step ($last)"
    else bad "page: End does not show render --step $last"; fi
    dump "$f" "keys=End,ArrowLeft,Home,l,Space" "$tmp/dom.html"
    rendered $L 2 "$tmp/want"
    if page frame "$tmp/dom.html" > "$tmp/got" && cmp -s "$tmp/want" "$tmp/got"; then
        ok "page: End ← Home l Space: step 2"
    else bad "page: End ← Home l Space does not end at step 2 ($(page counter "$tmp/dom.html"))"; fi
    dump "$f" "keys=ArrowRight,ArrowRight,ArrowLeft" "$tmp/dom.html"
    rendered $L 1 "$tmp/want"
    if page frame "$tmp/dom.html" > "$tmp/got" && cmp -s "$tmp/want" "$tmp/got"; then ok "page: → → ←: step 1"
    else bad "page: → → ← does not end at step 1"; fi
    # step 2 asks sys.getrefcount(a): the answer waits behind the reveal
    dump "$f" "keys=ArrowRight,ArrowRight" "$tmp/dom.html"
    page text "$tmp/dom.html" > "$tmp/text"
    page frame "$tmp/dom.html" > "$tmp/got"
    if grep -qF "What does sys.getrefcount(a) return?" "$tmp/text" && ! grep -qF "returns 2" "$tmp/text" &&
       grep -qF "answer: " "$tmp/got"; then
        ok "page: a question step shows the question, its answer hidden"
    else bad "page: the question step shows its answer before the reveal"; show "$tmp/text"; fi
    dump "$f" "keys=ArrowRight,ArrowRight,Enter" "$tmp/dom.html"
    page text "$tmp/dom.html" > "$tmp/text"
    page frame "$tmp/dom.html" > "$tmp/got"
    if grep -qF "sys.getrefcount(a) returns 2" "$tmp/text" && grep -qF "prints 2, not 1" "$tmp/text" &&
       grep -qF "sys.getrefcount(a) returns 2" "$tmp/got" && grep -qF "prints 2, not 1" "$tmp/got" &&
       ! grep -qF "answer: " "$tmp/got"; then
        ok "page: Enter reveals the simulator's answer (sys.getrefcount(a) returns 2) and the narration, in text and frame"
    else bad "page: Enter does not reveal the answer"; show "$tmp/text"; show "$tmp/got"; fi
    dump "$f" "" "$tmp/dom0.html"
    chrome --dump-dom "file://$f#step-5" > "$tmp/dom.html"
    if [ "$(page counter "$tmp/dom.html")" = "step 5/$last" ] && [ "$(page counter "$tmp/dom0.html")" = "step 0/$last" ]
    then ok "page: opens at step 0, or at the step its #step-N names"
    else bad "page: #step-5 or the first step"; fi

    # the hostile lesson: its text stays text
    H=$here/hostile.json
    if "$bin" export "$H" -o "$tmp/h.html" >/dev/null 2>&1 && dump "$tmp/h.html" "keys=ArrowRight" "$tmp/dom.html"; then
        rendered "$H" 1 "$tmp/want"
        if [ "$(page count script "$tmp/dom.html")" = 1 ] && [ "$(page count img "$tmp/dom.html")" = 0 ] &&
           page frame "$tmp/dom.html" > "$tmp/got" && cmp -s "$tmp/want" "$tmp/got" &&
           grep -qF '</script><script>alert(1)' "$tmp/got"; then
            ok "page: a hostile lesson's </script> and <img onerror> stay text; its frame equals render"
        else bad "page: hostile lesson text became markup ($(page count script "$tmp/dom.html") scripts, $(page count img "$tmp/dom.html") images)"; fi
    else bad "page: the hostile lesson does not export"; fi

    # the SVG in the browser: a screenshot of its first frame
    if chrome --window-size=860,540 --screenshot="$tmp/svg.png" "file://$tmp/$L.svg" >/dev/null &&
       [ "$(head -c 4 "$tmp/svg.png" | od -An -c | tr -d ' ')" = "211PNG" ] && [ "$(wc -c < "$tmp/svg.png")" -gt 10000 ]; then
        ok "SVG: chromium renders it (a $(wc -c < "$tmp/svg.png" | tr -d ' ')-byte screenshot)"
        [ -n "${EXPORT_KEEP:-}" ] && cp "$tmp/svg.png" "$EXPORT_KEEP"
    else bad "SVG: chromium gives no screenshot"; tail -n 5 "$tmp/chromium.log"; fi
fi

# 4. hostile text in the SVG: well-formed, no markup of its own
if "$bin" export "$here/hostile.json" -o "$tmp/h.svg" >/dev/null 2>&1 && ! grep -q '<script\|<img' "$tmp/h.svg" &&
   { ! command -v xmllint >/dev/null 2>&1 || xmllint --noout "$tmp/h.svg"; } && ! grep -q "$(printf '\033')" "$tmp/h.svg"; then
    ok "SVG: a hostile lesson's text is escaped (no markup, no escape bytes, well-formed)"
else bad "SVG: the hostile lesson's text is not escaped"; fi

# 4b. every malformed lesson of tests/bad: export refuses it as check does
# (exit 2, the same last line), and writes nothing
nbad=0; badlist=
for f in "$here"/../bad/lessons/*.json; do
    want="memtutor: $(cat "${f%.json}.expect")"
    want=$(printf "%s\n" "$want" | sed "s|tests/bad/lessons/|$here/../bad/lessons/|")
    "$bin" export "$f" -o "$tmp/bad.html" > /dev/null 2> "$tmp/err"
    rc=$?
    if [ $rc != 2 ] || [ "$(tail -n 1 "$tmp/err")" != "$want" ] || [ -e "$tmp/bad.html" ]; then
        nbad=$((nbad + 1)); badlist="$badlist ${f##*/}"
    fi
    rm -f "$tmp/bad.html"
done
if [ $nbad = 0 ]; then ok "every malformed lesson of tests/bad: refused with check's line, exit 2, no file written"
else bad "malformed lessons exported or refused otherwise:$badlist"; fi

# 5. outputs: never over the input, never a half-written file, no leftovers
d=$tmp/files
mkdir -p "$d"
cp "$here/hostile.json" "$d/lesson.json"
cp "$d/lesson.json" "$d/orig.json"
if ! "$bin" export "$d/lesson.json" -o "$d/lesson.json" 2>"$tmp/err" && cmp -s "$d/lesson.json" "$d/orig.json" &&
   grep -q "is the input" "$tmp/err"; then ok "output: -o the input lesson is refused, the lesson unchanged"
else bad "output: -o the input lesson"; show "$tmp/err"; fi
ln -s lesson.json "$d/link.html"
ln "$d/lesson.json" "$d/hard.html"
if ! "$bin" export "$d/lesson.json" -o "$d/link.html" 2>/dev/null && ! "$bin" export "$d/lesson.json" -o "$d/hard.html" 2>/dev/null &&
   cmp -s "$d/lesson.json" "$d/orig.json"; then ok "output: the input through a symlink or a hard link is refused too"
else bad "output: the input was written through a link"; fi
rm -f "$d/link.html" "$d/hard.html"
echo old > "$d/page.html"
chmod 640 "$d/page.html"
if "$bin" export names-and-references -o "$d/page.html" >/dev/null && grep -q '^<!DOCTYPE html>' "$d/page.html" &&
   [ "$(stat -c %a "$d/page.html")" = 640 ]; then ok "output: an existing file is replaced whole, its mode kept"
else bad "output: replacing an existing file"; fi
echo old > "$d/keep.html"
if ! "$bin" export no-such-lesson -o "$d/keep.html" 2>/dev/null && [ "$(cat "$d/keep.html")" = old ]; then
    ok "output: a failed export leaves the old file as it was"
else bad "output: a failed export changed the old file"; fi
echo target > "$d/real.html"
ln -s real.html "$d/sym.html"
if "$bin" export names-and-references -o "$d/sym.html" >/dev/null && [ -L "$d/sym.html" ] &&
   grep -q '^<!DOCTYPE html>' "$d/real.html"; then ok "output: a symlink stays a link; the file it points to is written"
else bad "output: writing through a symlink"; fi
if ! "$bin" export names-and-references -o "$d/no/such/dir/x.html" 2>"$tmp/err" && [ ! -e "$d/no" ] &&
   ! "$bin" export names-and-references -o "$d" 2>/dev/null; then
    ok "output: a missing directory or a directory as -o: exit 2, nothing created"
else bad "output: missing directory / directory target"; fi
leftover=$(ls -A "$d" | grep -v -x -e lesson.json -e orig.json -e page.html -e keep.html -e real.html -e sym.html)
if [ -z "$leftover" ]; then ok "output: no temporary files left beside the targets"
else bad "output: left behind: $leftover"; fi
mkfifo "$d/fifo"
cat "$d/fifo" > "$tmp/from-fifo" &
reader=$!
"$bin" export names-and-references -o "$d/fifo" >/dev/null 2>&1
wait $reader
if [ -p "$d/fifo" ] && cmp -s "$tmp/from-fifo" "$d/page.html"; then ok "output: a FIFO gets the page directly and stays a FIFO"
else bad "output: export to a FIFO"; fi
if "$bin" export names-and-references -o - 2>"$tmp/err" > "$tmp/stdout.html" && cmp -s "$tmp/stdout.html" "$d/page.html" &&
   grep -q "bytes" "$tmp/err"; then ok "output: -o - writes the page to stdout, the report to stderr"
else bad "output: -o -"; fi
if "$bin" export names-and-references --format svg -o "$tmp/fmt.html" >/dev/null && head -n 1 "$tmp/fmt.html" | grep -q '^<?xml'
then ok "--format svg wins over the file name"
else bad "--format svg"; fi

# 6. bad usage: exit 2, one line
for args in "names-and-references" "-o $tmp/x.html" "names-and-references -o $tmp/x.html --format pdf" \
            "names-and-references -o $tmp/x.html --size 10x10junk" "names-and-references -o $tmp/x.html --delay 0" \
            "names-and-references -o $tmp/x.html --bogus"; do
    # shellcheck disable=SC2086
    "$bin" export $args >/dev/null 2>"$tmp/err"
    rc=$?
    if [ $rc = 2 ] && grep -q '^memtutor: export: ' "$tmp/err" && [ ! -e "$tmp/x.html" ]; then ok "usage: export $args: exit 2"
    else bad "usage: export $args: exit $rc"; show "$tmp/err"; fi
done

[ "$skipped" = 0 ] || echo "export: $skipped tests skipped (see the skip lines above)"
finish
