# zip(strict=True), map over two iterables, enumerate with start.
print(list(zip([1, 2], "ab", strict=True)))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
print(list(enumerate(["x", "y"], start=-1)))
