# replace with a count; ljust, rjust, center, zfill; expandtabs.
s = "a-b-c-d"
print(s.replace("-", ""), s.replace("-", "+", 2), s.replace("x", "y"))
print("aaa".replace("a", "b", 1), "aaa".replace("", "-"), "abc".replace("", "|", 2))
print(repr("ab".ljust(5)), repr("ab".rjust(5, ".")), repr("ab".center(7, "*")))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print(repr("a\tbc\td".expandtabs(4)), repr("x".center(4)))
