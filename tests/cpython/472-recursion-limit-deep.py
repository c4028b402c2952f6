# sys.setrecursionlimit(120000): a 100,000-deep recursion works, as in CPython 3.11
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(120000)
print(sys.getrecursionlimit())


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(100000))
sys.setrecursionlimit(50)
print(sys.getrecursionlimit(), depth(40))
depth(60)
