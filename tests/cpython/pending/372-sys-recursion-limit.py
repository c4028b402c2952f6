# setrecursionlimit changes how deep Python lets calls go.
import sys
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
d = depth(0)
print(150 < d < 200)
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
