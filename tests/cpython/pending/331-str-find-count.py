# find, rfind, index, count, startswith and endswith with start/end.
s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("z"))
print(s.rfind("a"), s.rfind("a", 0, 10), s.index("c"), s.rindex("b"))
print(s.count("a"), s.count("a", 4), s.count("abra"), s.count(""))
print(s.startswith("abr"), s.startswith("cad", 4), s.endswith(("x", "ra")))
print("".find(""), "abc".find("", 5), "abc".count("", 1))
