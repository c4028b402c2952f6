# An instance attribute shadows a class attribute of the same name.
class Counter:
    total = 0
    items = []
a = Counter()
b = Counter()
a.total += 1
print(a.total, b.total, Counter.total)
a.items.append("shared")
print(b.items, Counter.items is a.items)
del a.total
print(a.total)
Counter.total = 10
print(a.total, b.total)
print("total" in vars(a), "total" in vars(Counter))
