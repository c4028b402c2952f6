# Refcounts seen inside comprehensions (3.11 runs them as nested functions;
# 3.12 inlines them, PEP 709).
import sys
def inside():
    obj = []
    counts = [sys.getrefcount(obj) for _ in range(1)]
    direct = sys.getrefcount(obj)
    return counts[0], direct
print(inside())
g = []
print([sys.getrefcount(g) for _ in range(1)], sys.getrefcount(g))
def uses_loop_var():
    items = [[1], [2]]
    return [sys.getrefcount(x) for x in items]
print(uses_loop_var())
