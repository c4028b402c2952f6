# Every list method, and the errors of remove, index and pop.
xs = [3, 1, 4]
xs.append(1)
xs.extend([5, 9])
xs.insert(0, 2)
xs.insert(100, 6)
xs.insert(-1, 0)
print(xs)
print(xs.pop(), xs.pop(0), xs.index(1), xs.index(1, 2), xs.count(1))
xs.remove(1)
print(xs)
ys = xs.copy()
xs.reverse()
print(xs, ys)
xs.sort()
print(xs)
xs.clear()
print(xs, ys)
for bad in ["remove", "index", "pop"]:
    try:
        getattr([], bad)(7) if bad != "pop" else [].pop()
    except (ValueError, IndexError) as e:
        print(bad, e)
