# Keywords accepted by methods learners use, and one they reject.
xs = [5, 3, 9, 1]
xs.sort(reverse=True)
print(xs)
d = {"a": 1}
print(d.pop("b", "none"), d.setdefault("c", 3), d)
print("abcabc".count("b", 2), "abcabc".find("c", 3))
print("path/to/file".rsplit("/", maxsplit=1))
print(" x ".strip(), "..x..".strip("."))
