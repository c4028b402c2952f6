# the recursion limit must be at least 1
import sys
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(0)
