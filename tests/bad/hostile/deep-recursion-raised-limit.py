# A recursion limit far above what the C stack of memtutor's tree-walker can
# hold: the run ends with a RecursionError, never a crash (CPython 3.11, whose
# Python calls take no C stack, would print 900000).
import sys
sys.setrecursionlimit(10 ** 7)


def f(n):
    if n == 0:
        return 0
    return 1 + f(n - 1)


print(f(900000))
