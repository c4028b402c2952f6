# Keyword arguments of builtins and methods, with no other new syntax.
words = ["pear", "Fig", "apple"]
print(sorted(words, key=len))
print(sorted(words, reverse=True))
print(min([3, -7, 2], key=abs), max([3, -7, 2], key=abs))
print(max([], default=0))
print(1, 2, sep="-", end="!\n")
print(int("ff", 16), int("11", base=2))
print(dict(a=1, b=2))
print("a b c".split(" ", 1), "a b c".split(maxsplit=1))
nums = [3, 1, 2]
nums.sort(reverse=True)
print(nums)
