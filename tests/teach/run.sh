#!/bin/sh
# End-to-end tests of the teaching features (questions, live prompt,
# inspector, notes, progress, the menu): tmux drives the real binary in a
# private server (-L, -f /dev/null) with a 100x30 window; the tests poll the
# screen for text with a timeout.  HOME and XDG_STATE_HOME point into a
# temporary directory, so no real progress file is read or written.
#
# usage: tests/teach/run.sh MEMTUTOR_BINARY
# Ends with "teach: N passed, N failed"; exit 1 if any failed, 2 bad usage.
# Without tmux every test is skipped (reported; 0 passed, 0 failed).
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib/tmux.sh source-path=SCRIPTDIR
. "$here/../lib/tmux.sh"
suite_begin teach teach "$@"
TIMEOUT=${TEACH_TIMEOUT:-10}
FAIL_SCREEN=32
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state"
mkdir -p "$HOME"
progress=$XDG_STATE_HOME/memtutor/progress.json

# tui ARGS...: memtutor ARGS in a fresh 100x30 window, with the private HOME
tui() {
    start env HOME="$HOME" XDG_STATE_HOME="$XDG_STATE_HOME" LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
        "$bin" "$@"
}

L=names-and-references   # step 2 asks sys.getrefcount(a) (2); step 3 sys.getrefcount(b) (3)

# 1. a question answered right, then one answered wrong; the narration follows
if tui $L && wait_for "step 0/"; then
    keys Right
    wait_for "step 1/" || true
    keys Right
    if wait_for "answer: " && ! grep -qF "prints 2, not 1" "$tmp/screen"; then
        ok "question: shown with an answer field before the narration"
    else bad "question: shown with an answer field before the narration"; fi
    text 2
    keys Enter
    if wait_for "Correct" && wait_for "prints 2, not 1"; then ok "question: right answer: Correct, then the narration"
    else bad "question: right answer: Correct, then the narration"; fi
    keys Right
    wait_for "step 3/" || true
    text 7
    keys Enter
    if wait_for "Not quite: it is 3"; then ok "question: wrong answer: Not quite: it is 3"
    else bad "question: wrong answer: Not quite: it is 3"; fi
    # s skips a question (back to step 2 keeps its reply; a fresh lesson asks again)
    quit
else bad "question: lesson opens"; fi
if tui $L && wait_for "step 0/"; then
    keys Right Right
    wait_for "answer: " || true
    keys s
    if wait_for "(skipped)" && wait_for "prints 2, not 1"; then ok "question: s skips"
    else bad "question: s skips"; fi
    quit
fi

# 2. the live prompt adds an object, which then shows in the graph; errors inline
if tui $L && wait_for "step 0/"; then
    keys Right
    wait_for "step 1/" || true
    keys Right
    wait_for "answer: " || true
    keys s
    keys :
    wait_for ">>> " || true
    text 'extra = [a, a]'
    keys Enter
    # (the statement animates as a step does: its end state is the one checked)
    if wait_for "extra = [a, a]" && wait_for "live @2" && wait_for "list · 72 B" && wait_for "extra     ●"; then
        ok "live: the statement runs, is marked live, its list shows in the graph"
    else bad "live: the statement runs, is marked live, its list shows in the graph"; fi
    if grep -qF "refs 3" "$tmp/screen"; then ok "live: the aliased list's count went up by 2"
    else bad "live: the aliased list's count went up by 2"; fi
    # the prompt stays open, as the REPL's does
    text 'zz + 1'
    keys Enter
    if wait_for "NameError: name 'zz' is not defined"; then ok "live: an error shows in Python's words"
    else bad "live: an error shows in Python's words"; fi
    keys Escape
    wait_gone ">>> ▏" || true
    keys Right
    if wait_for "step 3/" && wait_for "extra     ●"; then ok "live: going forward continues from the changed state"
    else bad "live: going forward continues from the changed state"; fi
    keys Left Left
    if wait_for "step 1/" && wait_gone "extra     ●" && wait_gone "live @2"; then ok "live: going back past it undoes it"
    else bad "live: going back past it undoes it"; fi
    quit
fi

# 3. the inspector lists the referrers of an aliased list (a, b, pair[0], pair[1])
if tui $L && wait_for "step 0/"; then
    for n in 1 2 3 4 5; do keys Right; wait_for "step $n/" || true; done
    keys s
    keys i
    if wait_for "referrers" && wait_for "name a in globals" && grep -qF "name b in globals" "$tmp/screen" &&
        grep -qF "pair[0]" "$tmp/screen" && grep -qF "refcount  4" "$tmp/screen" &&
        { grep -qF "pair[1]" "$tmp/screen" || { keys PageDown; wait_for "pair[1]"; }; }; then
        ok "inspector: the aliased list's referrers (a, b, pair[0], pair[1]) and refcount 4"
    else bad "inspector: the aliased list's referrers (a, b, pair[0], pair[1]) and refcount 4"; fi
    if grep -qF "tracked, generation" "$tmp/screen" && grep -qF "88 B (sys.getsizeof)" "$tmp/screen"; then
        ok "inspector: tracking, generation and size"
    else bad "inspector: tracking, generation and size"; fi
    keys PageUp Tab
    # pair's items come after its referrers and why it is alive: below the fold at 100x30
    if wait_for "list (2 items)" && { shows "items (2)" || { keys PageDown; wait_for "items (2)"; }; }; then
        ok "inspector: Tab moves to the next object (pair, its items)"
    else bad "inspector: Tab moves to the next object (pair, its items)"; fi
    keys Escape
    if wait_gone "referrers"; then ok "inspector: Esc leaves it"; else bad "inspector: Esc leaves it"; fi
    quit
fi

# 4. notes toggle
if tui $L && wait_for "step 0/"; then
    keys Right
    wait_for "step 1/" || true
    keys '#'
    if wait_for "┌ notes" && wait_for "Point at the arrow"; then ok "notes: # shows the notes pane"; else bad "notes: # shows the notes pane"; fi
    keys '#'
    if wait_gone "┌ notes"; then ok "notes: # again hides it"; else bad "notes: # again hides it"; fi
    keys P
    if wait_gone "step 1/8 ·"; then ok "presenter: P leaves source, graph and narration"; else bad "presenter: P leaves source, graph and narration"; fi
    keys P
    if wait_for "step 1/8 ·"; then ok "presenter: P again restores the panes"; else bad "presenter: P again restores the panes"; fi
    quit
fi

# 5. progress: the last step reached is recorded, and the menu shows it
rm -rf "$XDG_STATE_HOME"
if tui $L && wait_for "step 0/"; then
    keys G
    wait_for "step 8/8" || true
    quit
    if [ -f "$progress" ] && grep -q '"finished":[[:space:]]*true' "$progress" && grep -q '"furthest":[[:space:]]*8' "$progress"; then
        ok "progress: the last step reached is recorded (finished)"
    else bad "progress: the last step reached is recorded (finished)"; cat "$progress" 2>/dev/null | head -20; fi
fi
if tui && wait_for "Enter open"; then
    if grep -qF "✓" "$tmp/screen" && grep -F "✓" "$tmp/screen" | grep -qF "$L"; then ok "progress: the menu marks the finished lesson ✓"
    else bad "progress: the menu marks the finished lesson ✓"; fi
    quit
fi
if tui --ascii && wait_for "Enter open"; then
    if grep -F "[x]" "$tmp/screen" | grep -qF "$L"; then ok "progress: [x] in ASCII mode"
    else bad "progress: [x] in ASCII mode"; fi
    quit
fi
# continue where you left off
if tui del-unbinds-names && wait_for "step 0/"; then
    keys Right Right
    wait_for "step 2/" || true
    quit
fi
if tui && wait_for "continue where you left off: del-unbinds-names, step 2"; then
    ok "progress: the menu offers to continue where you left off"
    keys End Up   # the row above "open a script…"
    keys Enter
    if wait_for "step 2/"; then ok "progress: continue opens the lesson at that step"
    else bad "progress: continue opens the lesson at that step"; fi
    quit
else bad "progress: the menu offers to continue where you left off"; fi
"$bin" --reset-progress
if [ ! -f "$progress" ]; then ok "--reset-progress clears it"; else bad "--reset-progress clears it"; fi

# 6. a corrupt progress file does not stop the menu
mkdir -p "$(dirname "$progress")"
printf '{"lessons": [1, 2' > "$progress"
if tui && wait_for "Enter open"; then
    if grep -qF "corrupt" "$tmp/screen" && [ -f "$progress.corrupt" ]; then
        ok "corrupt progress: the menu opens, says so, the file is moved aside"
    else bad "corrupt progress: the menu opens, says so, the file is moved aside"; fi
    keys Enter
    if wait_for "step 0/"; then ok "corrupt progress: lessons still open"; else bad "corrupt progress: lessons still open"; fi
    quit
else bad "corrupt progress: the menu opens"; fi

# 7. the menu's "open a script…"
printf 'x = [1, 2]\ny = x\n' > "$tmp/mine.py"
if tui && wait_for "Enter open"; then
    keys End
    keys Enter
    if wait_for "open a script: "; then
        text "$tmp/mine.py"
        keys Enter
        if wait_for "mine.py" && wait_for "step 0/"; then ok "menu: open a script… opens a .py"
        else bad "menu: open a script… opens a .py"; fi
    else bad "menu: open a script… asks for a path"; fi
    quit
fi

# 8. the live prompt is a REPL: values shown, print at step 0, history,
# line editing, a block over several lines, errors with their traceback
R=reference-cycles   # step 3 runs line 6 (del loop): the cycle is garbage then
if tui $R && wait_for "step 0/"; then
    keys :
    wait_for ">>> " || true
    text 'print("hello")'
    keys Enter
    if wait_for ">>> print(\"hello\")" && wait_match '^│ hello +│'; then ok "repl: print at step 0 prints hello"
    else bad "repl: print at step 0 prints hello"; fi
    keys Up
    if wait_for '>>> print("hello")▏'; then ok "repl: Up recalls the previous entry"
    else bad "repl: Up recalls the previous entry"; fi
    keys Down
    wait_for ">>> ▏" || true
    text 'def f():'
    keys Enter
    if wait_for "... ▏"; then ok "repl: a line ending in ':' continues with ..."
    else bad "repl: a line ending in ':' continues with ..."; fi
    text '    return 6 * 7'
    keys Enter Enter
    text 'f()'
    keys Enter
    if wait_for ">>> f()" && wait_match '^│ 42 +│'; then ok "repl: a def over two lines, then called: 42"
    else bad "repl: a def over two lines, then called: 42"; fi
    # editing: Home inserts at the start, UTF-8 characters are deleted whole
    text 'x = 40 + 2'
    keys Home
    text 'y = '
    keys End Enter
    text 'y'
    keys Enter
    text 's = "héllo"'
    keys Left Left Left Left BSpace Enter
    text 's'
    keys Enter
    if wait_for "'hllo'" && grep -qF ">>> y = x = 40 + 2" "$tmp/screen"; then
        ok "repl: line editing (Home, End, Left, Backspace on a UTF-8 character)"
    else bad "repl: line editing (Home, End, Left, Backspace on a UTF-8 character)"; fi
    text 'junk words'
    keys C-w C-u
    text '7 * 6'
    keys C-a C-e Enter
    if wait_for ">>> 7 * 6" && ! grep -qF "junk" "$tmp/screen"; then ok "repl: Ctrl-W, Ctrl-U, Ctrl-A, Ctrl-E"
    else bad "repl: Ctrl-W, Ctrl-U, Ctrl-A, Ctrl-E"; fi
    text '1 / 0'
    keys Enter
    if wait_for "ZeroDivisionError: division by zero" && wait_for "Ctrl-T: the whole traceback"; then
        ok "repl: an error shows CPython's last line"
    else bad "repl: an error shows CPython's last line"; fi
    keys C-t
    if wait_for "┌ traceback" && wait_for "Traceback (most recent call last):" && wait_for 'File "<stdin>", line 1, in <module>'; then
        ok "repl: Ctrl-T shows the whole traceback"
    else bad "repl: Ctrl-T shows the whole traceback"; fi
    keys C-t Escape
    if wait_gone "┌ traceback" && wait_gone ">>> ▏"; then ok "repl: Esc closes the prompt"; else bad "repl: Esc closes the prompt"; fi
    # the value of an expression: gc.collect() finds the dropped cycle
    for n in 1 2 3; do keys Right; wait_for "step $n/" || true; done
    keys :
    text 'gc.collect()'
    keys Enter
    if wait_for ">>> gc.collect()" && wait_match '^│ 1 +│'; then ok "repl: :gc.collect() shows its value (1, as python3)"
    else bad "repl: :gc.collect() shows its value (1, as python3)"; fi
    text 'None'
    keys Enter Escape
    if wait_for ">>> None" && ! grep -A1 -F ">>> None" "$tmp/screen" | grep -qE '^│ None'; then ok "repl: None shows nothing"
    else bad "repl: None shows nothing"; fi
    quit
fi
# the current line stays in view: five live statements at step 7 (line 18)
if tui $R && wait_for "step 0/"; then
    keys G
    wait_for "step 9/" || true
    for n in 1 2; do keys Left; done
    wait_for "step 7/" || true
    keys :
    for st in 'a1 = 1' 'a2 = [a1]' 'a3 = {}' 'a4 = (1, 2)' 'a5 = a2'; do text "$st"; keys Enter; wait_for ">>> $st" || true; done
    if wait_for "5 live @7" && grep -qF "▶18" "$tmp/screen"; then ok "live: after five statements the current line is in view, one row for them"
    else bad "live: after five statements the current line is in view, one row for them"; fi
    keys Escape
    keys L
    if wait_for "» a5 = a2" && grep -qF "» a1 = 1" "$tmp/screen" && grep -qF "▶18" "$tmp/screen"; then
        ok "live: L shows a row per statement, the current line still in view"
    else bad "live: L shows a row per statement, the current line still in view"; fi
    quit
fi

# 9. scripts from the menu: ~, Tab completion, an empty field each time,
# a syntax error shown whole in a pane
printf 'x = [1, 2]\n' > "$HOME/x.py"
printf 'y = (\n' > "$HOME/broken.py"
if tui && wait_for "Enter open"; then
    keys End Enter
    wait_for "open a script: " || true
    text '~/x'
    keys Tab
    if wait_for "open a script: ~/x.py"; then ok "menu: Tab completes a file name"; else bad "menu: Tab completes a file name"; fi
    keys Enter
    if wait_for "memtutor · x.py" && wait_for "step 0/"; then ok "menu: ~/x.py opens"; else bad "menu: ~/x.py opens"; fi
    quit
    wait_for "Enter open" || true
    keys End Enter
    text '~/broken.py'
    keys Enter
    if wait_for "cannot open the script" && wait_for "File \"$HOME/broken.py\", line 1" && wait_for "    y = (" &&
        wait_for "SyntaxError: '(' was never closed" && grep -qE '^│ *│ +\^ +│' "$tmp/screen"; then
        ok "menu: a syntax error is shown whole (file, line, caret, message)"
    else bad "menu: a syntax error is shown whole (file, line, caret, message)"; fi
    keys Escape
    if wait_gone "cannot open the script"; then ok "menu: Esc goes back from the error"; else bad "menu: Esc goes back from the error"; fi
    keys Enter
    if wait_for "open a script: ▏"; then ok "menu: the path field starts empty again"; else bad "menu: the path field starts empty again"; fi
    keys Escape
    quit
fi
cd "$HOME" || exit 2
if tui x.py && wait_for "memtutor · x.py"; then ok "a relative path opens"; else bad "a relative path opens"; fi
quit
cd "$here" || exit 2

# 10. the menu opens on the next lesson to do; g, G, Home, End and digits
rm -rf "$XDG_STATE_HOME"
if tui $L && wait_for "step 0/"; then keys G; wait_for "step 8/8" || true; quit; fi
if tui && wait_for "Enter open"; then
    if grep -F "▶" "$tmp/screen" | grep -qF "locals-and-globals"; then ok "menu: opens on the next unfinished lesson"
    else bad "menu: opens on the next unfinished lesson"; fi
    keys G
    if wait_match '▶ +open a script'; then ok "menu: G goes to the last row"; else bad "menu: G goes to the last row"; fi
    keys g
    if wait_match "▶.*$L"; then ok "menu: g goes to the first lesson"; else bad "menu: g goes to the first lesson"; fi
    keys End Home
    if wait_match "▶.*$L"; then ok "menu: End, Home"; else bad "menu: End, Home"; fi
    keys 5
    if wait_match "▶.* 5 +reference-cycles"; then ok "menu: 5 selects lesson 5"; else bad "menu: 5 selects lesson 5"; fi
    keys 1 1
    if wait_match "▶.*11 +capstone"; then ok "menu: 1 1 selects lesson 11"; else bad "menu: 1 1 selects lesson 11"; fi
    quit
fi

# 11. autoplay says when it is paused
if tui $L --autoplay --delay 60000 && wait_for "autoplay 1×"; then
    keys p
    if wait_for "‖ paused · p resumes"; then ok "autoplay: p shows paused"; else bad "autoplay: p shows paused"; fi
    keys p
    if wait_for "▶ autoplay 1×"; then ok "autoplay: p again resumes"; else bad "autoplay: p again resumes"; fi
    quit
fi

finish
