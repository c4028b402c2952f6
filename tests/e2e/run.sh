#!/bin/sh
# End-to-end tests of the live TUI: tmux drives the real binary in a private
# server (-L, -f /dev/null) with a 100x30 window, and the tests wait for text
# on the screen (polling capture-pane with a timeout), never for fixed sleeps.
# No terminal is needed: tmux provides one.
#
# usage: tests/e2e/run.sh MEMTUTOR_BINARY
# Ends with "e2e: N passed, N failed"; exit 1 if any failed, 2 bad usage.
# Without tmux every test is skipped (reported, counted as passed: 0).
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/tmux.sh source-path=SCRIPTDIR
. "$here/../lib/tmux.sh"
suite_begin e2e e2e "$@"
# the TUI records self-study progress: keep it out of the real home
export XDG_STATE_HOME="$tmp/state"
LESSON=${E2E_LESSON:-names-and-references}
TIMEOUT=${E2E_TIMEOUT:-30}
FAIL_SCREEN=40

nsteps=$("$bin" trace "$LESSON" 2>/dev/null | grep -c '"step"')
[ -n "$nsteps" ] && [ "$nsteps" -ge 3 ] || { echo "e2e: cannot count the steps of $LESSON"; nsteps=3; }

# the event number the status bar shows ("end": the step's end state), and
# whether the screen shows another one than $1
event_shown() { capture; n=$(sed -n 's/.* event \([0-9]*\)\/.*/\1/p' "$tmp/screen" | head -n 1); echo "${n:-end}"; }
moved_from() { [ "$(event_shown)" != "$1" ]; }
# the event list shows an event other than $1 as the current one
list_moved_from() { matches "events · [0-9]+ of" && ! grep -qF "events · $1 of" "$tmp/screen"; }

# 1. stepping forward and back, and the live screen equals render
if start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$bin" "$LESSON" && wait_for "step 0/$nsteps"; then
    ok "opens at step 0/$nsteps"
    keys Space
    keys Right
    if wait_for "step 2/$nsteps"; then ok "forward: Space, Right"; else bad "forward: Space, Right"; fi
    keys l
    wait_for "step 3/$nsteps" || true
    keys Left
    if wait_for "step 2/$nsteps"; then ok "back: Left"; else bad "back: Left"; fi
    keys G
    if wait_for "step $nsteps/$nsteps"; then ok "last: G"; else bad "last: G"; fi
    keys g
    if wait_for "step 0/$nsteps"; then ok "first: g"; else bad "first: g"; fi
    # step to 2, skip the animation with a key that does nothing else (Tab twice round)
    keys Right Right
    wait_for "step 2/$nsteps" || true
    keys Space      # skips the animation if any is left; else moves to 3
    wait_for "step" || true
    # go to a known state: the end state of step 2
    keys g
    wait_for "step 0/$nsteps" || true
    keys Right
    wait_for "step 1/$nsteps" || true
    keys Right
    wait_for "step 2/$nsteps" || true
    keys Tab Tab Tab  # focus round the three panes and back: skips any animation
    "$bin" render "$LESSON" --step 2 --size 100x30 > "$tmp/render" 2>/dev/null
    trimmed "$tmp/render" > "$tmp/want"
    if poll screen_is "$tmp/want"; then ok "live step 2 equals render --step 2 --size 100x30"
    else bad "live step 2 equals render --step 2 --size 100x30"; diff "$tmp/want" "$tmp/got" | head -n 20; fi

    # 2. help overlay from the key table, closed by Esc and by q
    keys '?'
    if wait_for "closes this help" && grep -qF "autoplay on/off" "$tmp/screen"; then ok "help: ? opens"; else bad "help: ? opens"; fi
    keys Escape
    if wait_gone "closes this help"; then ok "help: Esc closes"; else bad "help: Esc closes"; fi
    keys F1
    wait_for "closes this help" || true
    keys q
    if wait_gone "closes this help" && [ "$(tm display-message -p -t t '#{pane_dead}')" = 0 ]; then
        ok "help: F1 opens, q closes it (and does not quit)"
    else bad "help: F1 opens, q closes it (and does not quit)"; fi

    # 3. resize to tiny and back
    tm resize-window -t t -x 30 -y 8
    if wait_for "terminal too small"; then ok "resize 30x8: too small"; else bad "resize 30x8: too small"; fi
    tm resize-window -t t -x 100 -y 30
    if wait_for "step 2/$nsteps"; then ok "resize back: panes again"; else bad "resize back: panes again"; fi

    # 3b. inside a step: , and . go event by event (the heap as it was then,
    # equal to render --event K), e lists the step's events
    if [ "$LESSON" = names-and-references ]; then
        keys g
        wait_for "step 0/$nsteps" || true
        for _ in 1 2 3 4 5 6; do keys Right; done
        wait_for "step 6/$nsteps" || true
        keys Tab Tab Tab   # any animation left ends: the step's end state
        wait_gone " · event " || true
        found=0 last=end
        for _ in $(seq 1 30); do
            keys ,
            # one key at a time: wait until the frame it asked for is drawn
            poll moved_from "$last" || true
            last=$(event_shown)
            if shows "refs 6" && shows "peek()"; then found=1; break; fi
        done
        k=$(sed -n 's/.* event \([0-9]*\)\/.*/\1/p' "$tmp/screen" | head -n 1)
        if [ $found = 1 ] && [ -n "$k" ]; then
            ok ", steps back through the events to peek's frame at refs 6 (event $k)"
            "$bin" render "$LESSON" --step 6 --event "$k" --size 100x30 > "$tmp/render" 2>/dev/null
            trimmed "$tmp/render" > "$tmp/want"
            if poll screen_is "$tmp/want"; then ok "live event $k equals render --step 6 --event $k"
            else bad "live event $k equals render --step 6 --event $k"; diff "$tmp/want" "$tmp/got" | head -n 20; fi
            keys e
            if wait_for "events · $k of" && shows "▶"; then ok "e: the event list marks event $k"
            else bad "e: the event list marks event $k"; show "$tmp/screen"; fi
            tm resize-window -t t -x 160 -y 30   # the list's lines whole
            if wait_for "+1 list → refs 5 · parameter x of peek"; then
                ok "e: the argument that becomes peek's x is 'parameter x of peek'"
            else bad "e: the argument that becomes peek's x is 'parameter x of peek'"; show "$tmp/screen" 30; fi
            tm resize-window -t t -x 100 -y 30
            wait_for "events · $k of" || true
            keys .
            if poll list_moved_from "$k"; then ok ". moves on to a later event"
            else bad ". moves on to a later event"; show "$tmp/screen"; fi
            keys e
            if wait_gone "events · "; then ok "e again: the narration"; else bad "e again: the narration"; fi
        else
            bad ", steps back through the events to peek's frame at refs 6"
            show "$tmp/screen" 30
        fi
        keys g
        wait_for "step 0/$nsteps" || true
        keys Right Right
        wait_for "step 2/$nsteps" || true
        keys Tab Tab Tab
    fi

    # 3c. why is it still alive: the inspector's shortest chain from a root,
    # also under the object's box; and a cycle that no root reaches
    printf 'class Node:\n    pass\nholder = {"k": [Node()]}\nx = 1\n' > "$tmp/alive.py"
    if start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$bin" "$tmp/alive.py" 2>/dev/null &&
       wait_for "step 0/"; then
        keys Right Right Right
        wait_for "step 3/" || true
        keys Tab Tab Tab i
        if wait_for "why is it still alive?" && wait_for "→ ['k'] list (1 item)" && shows "→ [0] this object" &&
           shows "name holder in globals"; then
            ok "why alive: name holder in globals → dict → ['k'] list → [0] this object"
        else bad "why alive: name holder in globals → dict → ['k'] list → [0] this object"; show "$tmp/screen" 30; fi
        if shows "alive through holder['k'][0]"; then ok "why alive: the chain under the box on the graph"
        else bad "why alive: the chain under the box on the graph"; show "$tmp/screen" 30; fi
        quit
    else
        bad "why alive: the script opens"
    fi
    if start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$bin" reference-cycles &&
       wait_for "step 0/"; then
        keys G Left Left
        wait_for "step 7/" || true
        keys Tab Tab Tab i
        wait_for "why is it still alive?" || true
        got_note=0
        shows "unreachable: only gc can free it" && got_note=1
        keys PageDown
        if [ $got_note = 1 ] && wait_for "no root reaches it (no name," && wait_for "collector can free it"; then
            ok "why alive: a dropped cycle is reached by no root, only the collector frees it"
        else bad "why alive: a dropped cycle is reached by no root, only the collector frees it"; show "$tmp/screen" 30; fi
        quit
    else
        bad "why alive: reference-cycles opens"
    fi
    # 3d. at 80x24 the whole narration reads with PgDn and PgUp, whichever
    # pane has the focus (no Tab to the narration first), and the heap shows
    # the step's objects: peek(a) leaves the list at refs 4
    if start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$bin" names-and-references &&
       wait_for "step 0/"; then
        tm resize-window -t t -x 80 -y 24
        keys 6 G
        wait_for "step 6/" || true
        keys Tab Tab Tab   # any animation left ends; the focus is back on the source
        if wait_for "PgDn more" && shows "refs 4" && lacks "output:"; then
            ok "80x24: the narration says PgDn for more; the heap shows the list at refs 4"
        else bad "80x24: the narration says PgDn for more; the heap shows the list at refs 4"; show "$tmp/screen" 24; fi
        keys NPage
        if wait_for "output:" && wait_gone "PgDn more" && lacks "Inside peek"; then
            ok "80x24: PgDn with the source focused shows the narration's end (the output)"
        else bad "80x24: PgDn with the source focused shows the narration's end"; show "$tmp/screen" 24; fi
        keys PPage
        if wait_for "Inside peek" && wait_for "PgDn more"; then ok "80x24: PgUp goes back to its start"
        else bad "80x24: PgUp goes back to its start"; show "$tmp/screen" 24; fi
        quit
    else
        bad "80x24: names-and-references opens"
    fi
    # 3e. look-alike groups: the capstone's 180 unreachable cycles are one
    # box; Tab selects it (the heap line says Enter expands), Enter draws
    # them one by one and selects the first, scrolled into view
    if start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$bin" capstone-leaky-service &&
       wait_for "step 0/"; then
        keys 3 G
        wait_for "step 3/" || true
        keys Tab Tab Tab i
        wait_for "Esc: leave" || true
        found=0
        for _ in $(seq 1 60); do
            if shows "180 × Request ⇄ Handler cycles · Enter expands ·"; then found=1; break; fi
            keys Tab
            poll shows "Esc: leave" || true
        done
        if [ $found = 1 ]; then
            ok "groups: Tab in the inspector selects the box of 180 × Request ⇄ Handler cycles"
            keys Enter
            if wait_gone "180 × Request" && wait_for "Request · 56 B · refs 1 · held by Handler.request"; then
                ok "groups: Enter draws the cycles one by one and selects the first"
            else bad "groups: Enter draws the cycles one by one and selects the first"; show "$tmp/screen" 30; fi
            # a wide terminal uses its width: the cycles as tiles, side by side
            tm resize-window -t t -x 220 -y 50
            if poll matches "│ Request · 56 B +refs 1 │.*│ Request · 56 B +refs 1 │"; then
                ok "wide (220x50): the unreachable cycles side by side beside the main column"
            else bad "wide (220x50): the unreachable cycles side by side beside the main column"; show "$tmp/screen" 50; fi
        else bad "groups: Tab in the inspector selects the box of 180 × Request ⇄ Handler cycles"; show "$tmp/screen" 30; fi
        quit
    else
        bad "groups: capstone-leaky-service opens"
    fi
    # back to the lesson the rest of the suite uses
    start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$bin" "$LESSON" && wait_for "step 0/$nsteps" || true
    keys Right Right
    wait_for "step 2/$nsteps" || true

    # 4. q quits with status 0
    keys q
    st=$(wait_dead)
    if [ "$st" = 0 ]; then ok "q quits with status 0"; else bad "q quits with status 0 (got $st)"; fi
else
    bad "opens at step 0/$nsteps"
fi

# 5. q still works on the too-small screen
if start env LANG=C.UTF-8 TERM=xterm-256color "$bin" "$LESSON" && wait_for "step 0/$nsteps"; then
    tm resize-window -t t -x 30 -y 8
    if wait_for "terminal too small"; then
        keys q
        st=$(wait_dead)
        if [ "$st" = 0 ]; then ok "too small: q quits (0)"; else bad "too small: q quits (got $st)"; fi
    else bad "too small screen at 30x8"; fi
fi

# 6. NO_COLOR: no colour codes (SGR 30-37, 38, 39, 40-49, 90-107) on the screen
if start env LANG=C.UTF-8 TERM=xterm-256color NO_COLOR=1 "$bin" "$LESSON" && wait_for "step 0/$nsteps"; then
    keys Right
    wait_for "step 1/$nsteps" || true
    capture -e
    if grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m" "$tmp/screen"; then
        bad "NO_COLOR: no colour codes"
    else ok "NO_COLOR: no colour codes"; fi
    quit
else bad "NO_COLOR: starts"; fi
# ...while without NO_COLOR there are some (the test above can fail)
if start env LANG=C.UTF-8 TERM=xterm-256color "$bin" "$LESSON" && wait_for "step 0/$nsteps"; then
    capture -e
    if grep -qE "$(printf '\033')\[([0-9;]*;)?(3[0-9]|9[0-7])(;[0-9;]*)?m" "$tmp/screen"; then
        ok "colour codes without NO_COLOR"
    else bad "colour codes without NO_COLOR"; fi
    quit
fi

# 7. the lesson menu: Enter opens, q goes back, q quits
if start env LANG=C.UTF-8 TERM=xterm-256color "$bin" && wait_for "Enter open"; then
    ok "menu: shows the lessons"
    keys Enter
    if wait_for "step 0/"; then ok "menu: Enter opens a lesson"; else bad "menu: Enter opens a lesson"; fi
    keys q
    if wait_for "Enter open"; then ok "menu: q in the lesson goes back"; else bad "menu: q in the lesson goes back"; fi
    keys q
    st=$(wait_dead)
    if [ "$st" = 0 ]; then ok "menu: q quits (0)"; else bad "menu: q quits (got $st)"; fi
else bad "menu: shows the lessons"; fi

# 8. ASCII drawing with a non-UTF-8 locale
if start env LANG=C LC_ALL=C TERM=xterm-256color "$bin" "$LESSON" && wait_for "step 0/$nsteps"; then
    capture
    if grep -q '+-' "$tmp/screen" && ! grep -q '─' "$tmp/screen"; then ok "C locale: ASCII drawing"
    else bad "C locale: ASCII drawing"; fi
    quit
fi

# 9. navigation as in tig and less: a count before G, / search with n/N,
# the outline, a click on a source line
tui() { start env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$bin" "$@"; }
i=1; : > "$tmp/long.py"
while [ $i -le 14 ]; do echo "x$i = [$i]" >> "$tmp/long.py"; i=$((i + 1)); done
ln=$("$bin" trace "$tmp/long.py" 2>/dev/null | grep -c '"step"')
if tui "$tmp/long.py" && wait_for "step 0/$ln"; then
    text 12; keys G
    if wait_for "step 12/$ln" && matches '▶12  x12 = \[12\]'; then ok "12G: step 12 (line 12) of $ln"
    else bad "12G: step 12 of $ln"; fi
    text 3; keys g
    if wait_for "step 3/$ln"; then ok "3g: step 3"; else bad "3g: step 3"; fi
    keys G
    if wait_for "step $ln/$ln"; then ok "G alone: the last step"; else bad "G alone: the last step"; fi
    text 99; keys G
    if wait_for "the lesson has $ln" && shows "step $ln/$ln"; then ok "99G: past the end, the last step (said so)"
    else bad "99G: past the end"; fi
    text 4; keys l; text 2; keys G
    if wait_for "step 2/$ln"; then ok "a key between drops the count (4 l 2G: step 2)"
    else bad "a key between drops the count"; fi
    quit
fi
if tui "$LESSON" && wait_for "step 0/$nsteps"; then
    text 5; keys G
    if wait_for "step 5/$nsteps"; then ok "5G: step 5, not the last"; else bad "5G: step 5"; fi
    quit
fi
# the steps / finds, from the lesson's own text (source lines, narration,
# question; case ignored for a query in lower case)
lfile=$(grep -l '"id": "names-and-references"' "$here"/../../lessons/*.json | head -n 1)
want=$(python3 - "$lfile" getrefcount <<'PY'
import json, sys
l = json.load(open(sys.argv[1], encoding="utf-8"))
src = l["source"] if isinstance(l["source"], str) else "\n".join(l["source"])
lines = src.split("\n")
hits = []
for k, st in enumerate(l["steps"], start=1):
    end = st.get("line_end", st["line"])
    text = "\n".join(lines[st["line"] - 1:end]) + "\n" + st.get("say", "") + "\n" + st.get("ask", {}).get("question", "")
    if sys.argv[2].lower() in text.lower():
        hits.append(str(k))
print(" ".join(hits))
PY
)
set -- $want
if [ $# -ge 2 ] && tui names-and-references && wait_for "step 0/"; then
    first=$1; second=$2; eval "last=\${$#}"
    text /; text getrefcount
    if wait_for "/getrefcount▏"; then ok "/ opens the search field on the status row"
    else bad "/ opens the search field"; fi
    keys Enter
    if wait_for "step $first/"; then ok "/getrefcount Enter: the first match, step $first (matches: $want)"
    else bad "/getrefcount: step $first"; fi
    keys n
    if wait_for "step $second/"; then ok "n: the next match, step $second"; else bad "n: step $second"; fi
    text "${last}G"   # at step 3's question: the digits become a count, not an answer
    if wait_for "step $last/"; then ok "${last}G typed at a question goes to step $last"
    else bad "${last}G at a question"; fi
    keys n
    if wait_for "step $first/" && shows "search hit BOTTOM, continuing at TOP"; then
        ok "n after the last match wraps to step $first, and says so"
    else bad "n after the last match: wrap to step $first"; fi
    keys s          # step 2 asks a question: N would start an answer (None); skip it
    keys N
    if wait_for "step $last/" && shows "search hit TOP, continuing at BOTTOM"; then ok "N wraps back to step $last"
    else bad "N: wrap back to step $last"; fi
    keys N
    eval "prev=\${$(($# - 1))}"
    if wait_for "step $prev/"; then ok "N: the previous match, step $prev"; else bad "N: step $prev"; fi
    text /; text zqxjv; keys Enter
    if wait_for "not found: zqxjv" && shows "step $prev/"; then ok "/zqxjv: not found, the step stays"
    else bad "/zqxjv: not found"; fi
    text /; text abc
    wait_for "/abc▏" || true
    keys Escape
    if wait_gone "/abc▏" && wait_for "step $prev/"; then ok "Esc cancels the search field"; else bad "Esc cancels the search field"; fi
    quit
else bad "search: the lesson has fewer than 2 steps mentioning getrefcount ($want)"; fi
# presenter mode has no status row: the field and the result on the bottom row
if tui names-and-references && wait_for "step 0/"; then
    keys P
    wait_gone "step 0/" || true
    text /; text peek
    if wait_for "/peek▏"; then ok "presenter mode: / shows its field on the bottom row"
    else bad "presenter mode: / field"; fi
    keys Enter
    if wait_for "/peek: step 6" && matches '▶10  peek\(a\)'; then ok "presenter mode: /peek goes to step 6 and says so"
    else bad "presenter mode: /peek"; fi
    quit
fi
# the outline: every step (number, line, first words), to jump from
if tui names-and-references && wait_for "step 0/"; then
    keys o
    if wait_for "outline · $nsteps steps" && matches '^.* 1  line 2 +Python builds a list' &&
       matches " $nsteps  line [0-9]+ "; then ok "o: the outline, one row per step (number, line, first words)"
    else bad "o: the outline"; fi
    keys j j Enter
    if wait_for "step 3/$nsteps" && wait_gone "outline ·"; then ok "outline: j j Enter goes to step 3"
    else bad "outline: j j Enter"; fi
    keys o
    wait_for "outline ·" || true
    keys G Enter
    if wait_for "step $nsteps/$nsteps"; then ok "outline: G Enter goes to the last step"; else bad "outline: G Enter"; fi
    keys o
    wait_for "outline ·" || true
    keys g Down Enter
    if wait_for "step 2/$nsteps"; then ok "outline: g Down Enter goes to step 2"; else bad "outline: g Down Enter"; fi
    keys o
    wait_for "outline ·" || true
    keys k Escape
    if wait_gone "outline ·" && shows "step 2/$nsteps"; then ok "outline: Esc closes it, the step stays"
    else bad "outline: Esc"; fi
    keys o
    wait_for "outline ·" || true
    keys q
    if wait_gone "outline ·" && [ "$(tm display-message -p -t t '#{pane_dead}')" = 0 ]; then ok "outline: q closes it (and does not quit)"
    else bad "outline: q closes it"; fi
    # a click on a source line (SGR mouse reports, press and release as a
    # terminal sends them: button 1 at column 10, row 9 = source line 7, the
    # first step at it is 5)
    text "$(printf '\033[<0;10;9M\033[<0;10;9m')"
    if wait_for "step 5/$nsteps" && matches '▶ 7  print'; then ok "a click on source line 7: step 5, the first at it"
    else bad "a click on source line 7: step 5"; fi
    text "$(printf '\033[<0;10;10M\033[<0;10;10m')"
    if wait_for "line 8: no step runs it"; then ok "a click on line 8 (def peek): no step, said so"
    else bad "a click on line 8: no step"; fi
    keys '?'
    if wait_for "closes this help" && shows "12G 12g" && shows "search the source and narration" &&
       shows "next match" && shows "outline of every step"; then ok "help lists 12G, /, n, N and o"
    else bad "help lists the navigation keys"; fi
    quit
fi

# the usage and the manual tell how to step
"$bin" --help > "$tmp/help" 2>&1
if grep -q -- "--autoplay" "$tmp/help" && grep -q -- "--delay MS" "$tmp/help" && grep -q "12G" "$tmp/help" &&
   grep -q "man ./memtutor.1" "$tmp/help"; then ok "--help: --autoplay, --delay, 12G and where the manual is"
else bad "--help: --autoplay, --delay, 12G, the manual"; show "$tmp/help" 30; fi
if command -v man >/dev/null 2>&1; then
    MANWIDTH=100 man --warnings -l "$here/../../memtutor.1" > "$tmp/man" 2> "$tmp/manerr"
    if [ ! -s "$tmp/manerr" ] && grep -q "12G is step 12" "$tmp/man" && grep -q "search hit BOTTOM" "$tmp/man" &&
       grep -q "gc.get_count()" "$tmp/man"; then ok "man ./memtutor.1: no warnings; 12G, / search and the status bar"
    else bad "man ./memtutor.1"; show "$tmp/manerr"; fi
else echo "skip man ./memtutor.1: man not found (not counted)"; fi

# 10. not a terminal: exit 2, one line on stderr, nothing on stdout
"$bin" "$LESSON" </dev/null >"$tmp/out" 2>"$tmp/err"
st=$?
if [ $st = 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" = 1 ]; then
    ok "not a terminal: exit 2, nothing on stdout"
else bad "not a terminal: exit 2, nothing on stdout (status $st)"; fi
out=$( ( "$bin" "$LESSON" </dev/null; echo "rc=$?" >&2 ) 2>"$tmp/err2" | cat)
if [ -z "$out" ] && grep -q "rc=2" "$tmp/err2"; then ok "memtutor lesson </dev/null | cat: exit 2, empty stdout"
else bad "memtutor lesson </dev/null | cat: exit 2, empty stdout"; fi
TERM=dumb "$bin" "$LESSON" >"$tmp/out" 2>"$tmp/err" </dev/null
st=$?
if [ $st = 2 ] && [ ! -s "$tmp/out" ]; then ok "TERM=dumb: exit 2"; else bad "TERM=dumb: exit 2 (status $st)"; fi

finish
