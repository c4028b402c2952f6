# Run under CPython 3.11: the million-int scenario, printing the arenas
# sys._debugmallocstats() reports (on stderr, read back through a pipe)
# after each statement, as "LABEL ARENAS RELEASED".
import os
import re
import sys


def arenas(label):
    r, w = os.pipe()
    saved = os.dup(2)
    os.dup2(w, 2)
    os.close(w)
    sys._debugmallocstats()
    os.dup2(saved, 2)
    os.close(saved)
    out = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        out += chunk
    os.close(r)
    t = out.decode()
    cur = re.search(r"# arenas allocated current\s*=\s*([\d,]+)", t).group(1).replace(",", "")
    rel = re.search(r"# arenas reclaimed\s*=\s*([\d,]+)", t).group(1).replace(",", "")
    print(label, cur, rel)


arenas("start")
big = [i * 1000 for i in range(1000000)]
arenas("built")
keep = big[::100]
arenas("kept")
del big
arenas("del-big")
del keep
arenas("del-keep")
