# list and dict comprehensions, with and without if
print([i for i in range(10)])
print([i * i for i in range(10) if i % 2 == 0])
print([x for x in [3, 1, 2] if x > 1])
print({i: i * i for i in range(5)})
print({k: v for k, v in [(1, 'a'), (2, 'b'), (3, 'c')] if k != 2})
words = ['aa', 'b', 'cccc']
print([len(w) for w in words], {w: len(w) for w in words})
print([c for c in 'hello' if c != 'l'])
print([[j for j in range(i)] for i in range(4)])
n = 3
print([n * i for i in range(n)])
i = 'outer'
print([i for i in range(2)], i)
print([(a, b) for a, b in zip([1, 2], 'xy')])
