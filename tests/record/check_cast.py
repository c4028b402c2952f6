#!/usr/bin/env python3
"""Check an asciicast v2 file as memtutor record writes it.

usage: check_cast.py FILE.cast WIDTH HEIGHT MARKERS [TITLE]

The header is one JSON object with version 2, width, height, a title and an
idle_time_limit (and no timestamp); every later line is [number, code, string]
with code "o" or "m"; times never decrease; exactly MARKERS "m" events, each
"step N: ..." with N = 1, 2, ... in order; the file is valid UTF-8 with no
blank lines and no comment lines; it ends with a newline. Prints one line per
problem and exits 1 if there is any."""
import json
import re
import sys


def main():
    path, width, height, markers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    title = sys.argv[5] if len(sys.argv) > 5 else None
    problems = []
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        print(f"{path}: not valid UTF-8: {e}")
        return 1
    if not text.endswith("\n"):
        problems.append("does not end with a newline")
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    if not lines or not lines[0]:
        print(f"{path}: empty")
        return 1
    try:
        h = json.loads(lines[0])
    except ValueError as e:
        print(f"{path}:1: header is not JSON: {e}")
        return 1
    if not isinstance(h, dict):
        problems.append("1: header is not an object")
        h = {}
    if h.get("version") != 2 or type(h.get("version")) is not int:
        problems.append(f"1: version {h.get('version')!r}, want 2")
    if h.get("width") != width or h.get("height") != height:
        problems.append(f"1: size {h.get('width')!r}x{h.get('height')!r}, want {width}x{height}")
    if not isinstance(h.get("title"), str) or not h.get("title"):
        problems.append("1: no title")
    elif title is not None and h["title"] != title:
        problems.append(f"1: title {h['title']!r}, want {title!r}")
    itl = h.get("idle_time_limit")
    if not isinstance(itl, (int, float)) or isinstance(itl, bool) or itl <= 0:
        problems.append(f"1: idle_time_limit {itl!r}")
    if "timestamp" in h:
        problems.append("1: a timestamp (the file is not deterministic)")
    last = 0.0
    nmark = 0
    nout = 0
    for i, line in enumerate(lines[1:], start=2):
        if line.strip() == "" or line.lstrip().startswith("#"):
            problems.append(f"{i}: blank or comment line")
            continue
        try:
            ev = json.loads(line)
        except ValueError as e:
            problems.append(f"{i}: not JSON: {e}")
            continue
        if not (isinstance(ev, list) and len(ev) == 3 and isinstance(ev[0], (int, float))
                and not isinstance(ev[0], bool) and isinstance(ev[1], str) and isinstance(ev[2], str)):
            problems.append(f"{i}: not [number, code, string]: {line[:80]}")
            continue
        t, code, data = ev
        if t < last:
            problems.append(f"{i}: time {t} before {last}")
        last = max(last, t)
        if code == "m":
            nmark += 1
            m = re.match(r"step (\d+)(: .+)?$", data)
            if not m or int(m.group(1)) != nmark:
                problems.append(f"{i}: marker {data!r}, want 'step {nmark}: ...'")
        elif code == "o":
            nout += 1
        else:
            problems.append(f"{i}: event code {code!r}")
    if nmark != markers:
        problems.append(f"{nmark} markers, want {markers} (one per step)")
    if nout == 0:
        problems.append("no output events")
    for p in problems[:20]:
        print(f"{path}:{p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
