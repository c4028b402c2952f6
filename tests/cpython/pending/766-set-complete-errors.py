# The exceptions raised in 466-set-complete (more of set: frozensets as keys, sets of tuples, comparisons, comprehensions), caught and printed.
fs = frozenset([1, 2])
d = {fs: "pair"}
pts = {(0, 0), (1, 2), (0, 0)}
sq = {n * n for n in range(-3, 4)}
try:
    {[1]}
except TypeError as e:
    print(e)
