# An operand already evaluated is held on the stack while the rest are evaluated.
import sys
x = []
def pair(a, b):
    return b
print(sys.getrefcount(x))
print(pair(x, sys.getrefcount(x)))
print([x, sys.getrefcount(x)][1])
print((x, x, sys.getrefcount(x))[2])
print({"k": x, "n": sys.getrefcount(x)}["n"])
x.append(sys.getrefcount(x))
print(x.pop())
print(len(x) + sys.getrefcount(x))
