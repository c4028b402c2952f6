# sorted() is stable: equal keys keep their order.
records = [("bob", 3), ("ann", 1), ("cy", 3), ("dee", 1), ("eve", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted([3, 1.5, True, 0]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
