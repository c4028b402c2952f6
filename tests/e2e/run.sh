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
        found=0
        for _ in $(seq 1 30); do
            keys ,
            sleep 0.1
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
            keys .
            if wait_match "events · [0-9]+ of" && ! shows "events · $k of"; then ok ". moves on to a later event"
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

# 9. not a terminal: exit 2, one line on stderr, nothing on stdout
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
