#!/usr/bin/env python3
"""Check that a recording teaches: replay the cast's output on a small
terminal model and read its screens.

usage: cast_teach.py FILE.cast LESSON.json

The cast is played frame by frame ("o" events: cursor moves, SGR, clear and
text, the codes memtutor record writes) on a WIDTHxHEIGHT grid; each frame's
step is read from the status bar ("step K/N").  For every step with a
question ("ask"), in the frames of that step, in this order:
  - the question is shown, with neither its answer nor the narration;
  - then the answer as the simulator computes it: "<answer expression>
    returns <value>" for a call, "<expression> evaluates to <value>"
    otherwise, never "(the answer does not evaluate";
  - then the step's narration (the whole "say" text, in the narration pane).
For every step, its narration appears in some frame of that step.  No frame
shows an interactive key hint ("? help", "q quit", "→/← step", "Type a
value", "Press →", "s skips", "PgDn", ...: HINTS below).  Prints one line per problem, "answer: STEP
TEXT" per answer seen, and exits 1 if there is any problem."""
import json
import re
import sys
import unicodedata

HINTS = ["? help", "q quit", "→/← step", "Type a value", "Press →", "s skips", "Enter to answer", "PgDn",
         "PgUp", "./, event"]


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class Screen:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.rows = [[" "] * w for _ in range(h)]
        self.x = self.y = 0

    def feed(self, data):
        i = 0
        while i < len(data):
            ch = data[i]
            if ch == "\x1b" and i + 1 < len(data) and data[i + 1] == "[":
                m = re.compile(r"\x1b\[([?0-9;]*)([A-Za-z])").match(data, i)
                if not m:
                    raise ValueError(f"unknown escape at {data[i:i + 12]!r}")
                params, final = m.group(1), m.group(2)
                if final == "H":
                    p = [int(v) if v else 1 for v in (params.split(";") if params else [])] + [1, 1]
                    self.y, self.x = p[0] - 1, p[1] - 1
                elif final == "J" and params == "2":
                    self.rows = [[" "] * self.w for _ in range(self.h)]
                elif final == "K":
                    for x in range(self.x, self.w):
                        self.rows[self.y][x] = " "
                elif final in "mlh":
                    pass
                else:
                    raise ValueError(f"unexpected escape {m.group(0)!r}")
                i = m.end()
                continue
            if ch in "\r\n":
                raise ValueError("a raw newline in a frame")
            cw = width(ch)
            if 0 <= self.y < self.h and 0 <= self.x < self.w:
                self.rows[self.y][self.x] = ch
                if cw == 2 and self.x + 1 < self.w:
                    self.rows[self.y][self.x + 1] = ""
            self.x += cw
            i += 1

    def text(self):
        return ["".join(r) for r in self.rows]


def narration_pane(lines, step):
    """The text inside the pane titled "step K" (whitespace removed)."""
    for y, row in enumerate(lines):
        m = re.search(r"┌ step %d\b" % step, row)
        if not m:
            continue
        x0 = m.start()
        x1 = row.find("┐", x0)
        if x1 < 0:
            continue
        body = []
        for r in lines[y + 1:]:
            if r[x0:x0 + 1] == "└":
                break
            body.append(r[x0 + 1:x1])
        return squeeze(" ".join(body))
    return ""


def is_call(e):
    """NAME(...) with its parentheses closing at the end: sys.getrefcount(a)
    is one, len(a) // 2 is not."""
    m = re.match(r"[\w.]+\(", e)
    if not m:
        return False
    depth = 0
    for i in range(m.end() - 1, len(e)):
        depth += {"(": 1, ")": -1}.get(e[i], 0)
        if depth == 0:
            return i == len(e) - 1
    return False


def shown_whole(text, panes):
    """text (squeezed) read through panes in order: each pane shows the
    next part of it (a narration paged through its pane, pages
    overlapping by a line)."""
    rest = text
    for p in panes:
        if not rest:
            break
        lo, hi = 0, len(rest)
        while lo < hi:   # the longest beginning of rest this pane shows
            mid = (lo + hi + 1) // 2
            if rest[:mid] in p:
                lo = mid
            else:
                hi = mid - 1
        if lo >= min(20, len(rest)):
            rest = rest[lo:]
    return not rest


def squeeze(s):
    return re.sub(r"\s+", "", s)


def main():
    path, lesson_path = sys.argv[1], sys.argv[2]
    lesson = json.load(open(lesson_path, encoding="utf-8"))
    lines = open(path, encoding="utf-8").read().splitlines()
    head = json.loads(lines[0])
    scr = Screen(head["width"], head["height"])
    frames = []   # (step, screen lines)
    problems = []
    for n, line in enumerate(lines[1:], start=2):
        t, code, data = json.loads(line)
        if code != "o":
            continue
        try:
            scr.feed(data)
        except ValueError as e:
            problems.append(f"{n}: {e}")
            break
        text = scr.text()
        m = re.match(r" step (\d+)/\d+ ", text[-1])
        frames.append((int(m.group(1)) if m else -1, text))
    for i, (step, text) in enumerate(frames):
        whole = "\n".join(text)
        for h in HINTS:
            if h in whole:
                problems.append(f"frame {i + 1} (step {step}): key hint {h!r}")
    for k, st in enumerate(lesson["steps"], start=1):
        mine = [t for s, t in frames if s == k]
        say = squeeze(st.get("say", ""))
        if not mine:
            problems.append(f"step {k}: no frame")
            continue
        panes = [narration_pane(t, k) for t in mine]
        if say and not shown_whole(say, panes):
            problems.append(f"step {k}: the narration never shows whole: {st['say'][:50]!r}…")
        if "ask" not in st:
            continue
        q, expr = squeeze(st["ask"]["question"]), st["ask"]["answer"]
        verb = "returns" if is_call(expr) else "evaluates to"
        want = re.compile(re.escape(squeeze(expr + " " + verb)) + r"(\S+?)(?:$|" + re.escape(say[:12]) + ")")
        first_q = first_a = first_say = None
        for j, p in enumerate(panes):
            if q in p and first_q is None:
                first_q = j
                if squeeze(expr + " " + verb) in p or (say and say[:20] in p):
                    problems.append(f"step {k}: the question's first frame already shows the answer or narration")
            if squeeze(expr + " " + verb) in p and first_a is None:
                first_a = j
                if say and say[:20] in p:
                    problems.append(f"step {k}: the answer comes with the narration, not before it")
                m = want.search(p)
                print(f"answer: {k} {expr} {verb} {m.group(1) if m else '?'}")
            if say and say[:20] in p and first_say is None:
                first_say = j
            if "(theanswerdoesnotevaluate" in p:
                problems.append(f"step {k}: the answer does not evaluate")
        if first_q is None:
            problems.append(f"step {k}: the question never shows")
        if first_a is None:
            problems.append(f"step {k}: the answer never shows ({expr} {verb} …)")
        if None not in (first_q, first_a, first_say) and not first_q < first_a < first_say:
            problems.append(f"step {k}: question, answer, narration out of order ({first_q}, {first_a}, {first_say})")
    for p in problems[:20]:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
