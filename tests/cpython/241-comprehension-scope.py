# A comprehension has its own scope: its loop variable does not leak.
x = "outer"
squares = [x * x for x in range(4)]
print(squares, x)
evens = {n for n in range(6) if n % 2 == 0}
print(sorted(evens))
table = {k: k * 10 for k in range(3)}
print(table)
nested = [[i * j for j in range(3)] for i in range(3)]
print(nested)
k = 5
print([k + i for i in range(3)])
