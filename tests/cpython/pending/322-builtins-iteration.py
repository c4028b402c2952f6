# enumerate, zip, map, filter, reversed, iter and next.
names = ["ann", "bob", "cy"]
ages = [31, 25]
print(list(enumerate(names)))
print(list(zip(names, ages)))
print(list(map(len, names)), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "x", None, []])))
print(list(reversed(names)), list(reversed(range(3))))
it = iter(names)
print(next(it), next(it), next(it), next(it, "end"))
print(list(zip()), list(zip("ab", "cd", "ef")))
print(dict(enumerate("xy", 10)))
