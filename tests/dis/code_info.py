# dis.code_info() of a script's module code and, depth first, of every code
# object among its constants: what `memtutor dis --code-info` must print.
# usage: python3.11 tests/dis/code_info.py SCRIPT.py
import dis
import sys


def walk(co):
    print(dis.code_info(co))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            print()
            walk(c)


with open(sys.argv[1], encoding="utf-8") as f:
    walk(compile(f.read(), sys.argv[1], "exec"))
