# str.maketrans and str.translate.
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table))
print("hello world".translate(str.maketrans("", "", "lo")))
print("a-b_c".translate(str.maketrans({"-": " ", "_": None})))
print(sorted(str.maketrans("ab", "cd").items()))
print("ÀÉ".translate({0xC0: "A", 0xC9: "E"}))
