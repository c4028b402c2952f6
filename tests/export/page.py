#!/usr/bin/env python3
"""Read the DOM chromium dumped (--dump-dom) of an exported page and print
what it shows, for tests/export/run.sh:

    page.py frame DOM.html   the text of the one terminal frame shown (the
                             one <pre class="term"> not hidden, inside the one
                             section.step not hidden); exit 1 unless exactly
                             one of each is shown
    page.py counter DOM.html the step counter's text ("step 3/8")
    page.py text DOM.html    the text of the shown section, outside the frame
                             (question, answer, narration; details that are
                             closed count as hidden, but their summary)
    page.py count TAG DOM.html   how many TAG elements the DOM holds

Trailing blanks of each frame row are dropped (render trims them too)."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, attrs, hidden-here)
        self.sections = []       # shown sections: list of dicts
        self.frames = 0          # shown frames
        self.counter = ""
        self.in_counter = False
        self.tags = {}
        self.cur = None

    def hidden(self):
        return any(h for _, _, h in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        cls = (a.get("class") or "").split()
        h = "hidden" in a
        # inside a closed <details>, only the summary shows
        if self.stack and self.stack[-1][0] == "details" and "open" not in self.stack[-1][1] and tag != "summary":
            h = True
        if tag in VOID:
            return
        self.stack.append((tag, a, h))
        if tag == "section" and "step" in cls and not self.hidden():
            self.cur = {"frame": None, "text": []}
            self.sections.append(self.cur)
        if tag == "pre" and "term" in cls and not self.hidden() and self.cur is not None:
            self.frames += 1
            self.cur["frame"] = []
        if a.get("id") == "counter":
            self.in_counter = True

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, a, _ = self.stack.pop()
            if a.get("id") == "counter":
                self.in_counter = False
            if t == "pre" and self.cur is not None and isinstance(self.cur.get("frame"), list):
                self.cur["frame"] = "".join(self.cur["frame"])
            if t == tag:
                break

    def handle_data(self, data):
        if self.in_counter:
            self.counter += data
        if self.hidden() or self.cur is None:
            return
        if isinstance(self.cur.get("frame"), list):
            self.cur["frame"].append(data)
        elif any(t == "section" for t, _, _ in self.stack):
            self.cur["text"].append(data)


def main():
    what = sys.argv[1]
    p = Page()
    with open(sys.argv[-1], encoding="utf-8") as f:
        p.feed(f.read())
    if what == "frame":
        if len(p.sections) != 1 or p.frames != 1:
            print(f"{len(p.sections)} sections and {p.frames} frames shown, not 1 and 1", file=sys.stderr)
            return 1
        rows = [r.rstrip() for r in p.sections[0]["frame"].split("\n")]
        while rows and rows[-1] == "":
            rows.pop()
        print("\n".join(rows))
    elif what == "counter":
        print(p.counter.strip())
    elif what == "text":
        if len(p.sections) != 1:
            return 1
        print(" ".join("".join(p.sections[0]["text"]).split()))
    elif what == "count":
        print(p.tags.get(sys.argv[2], 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
