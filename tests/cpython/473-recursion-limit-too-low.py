# a limit at or below the current depth is refused (the depth counts this call)
import sys


def set_limit(k):
    sys.setrecursionlimit(k)
    print("limit", sys.getrecursionlimit())


set_limit(5)
set_limit(3)
