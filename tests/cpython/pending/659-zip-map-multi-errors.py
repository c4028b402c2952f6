# The exceptions raised in 359-zip-map-multi (zip(strict=True), map over two iterables, enumerate with start), caught and printed.
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as e:
    print(e)
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
