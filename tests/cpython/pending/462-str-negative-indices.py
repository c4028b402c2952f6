# Negative and out-of-range start/end in str methods and slices.
s = "hello world"
print(s[-5:], s[:-6], s[-100:3], s[3:100], s[::-1], s[-1::-2])
print(s.find("o", -5), s.rfind("o", 0, -5), s.count("l", -4), s.index("w", -6))
print(s.startswith("world", -5), s.endswith("hello", 0, 5), s.startswith("", 100))
print(s[5:2], repr(s[100:]), s[-3])
