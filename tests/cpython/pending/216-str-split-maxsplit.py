# str.split(sep, maxsplit) and rsplit, by position and by keyword.
s = "a b  c d"
print(s.split())
print(s.split(" "))
print(s.split(" ", 1))
print(s.split(maxsplit=2))
print(s.rsplit(" ", 1))
print(s.rsplit(maxsplit=1))
print("k=v=w".split("=", maxsplit=1))
print("a,b,,c".split(","))
print("".split(), "".split(","))
