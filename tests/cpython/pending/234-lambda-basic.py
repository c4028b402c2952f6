# lambda makes a function from one expression.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print(square.__name__)
print((lambda: "called")())
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda n: n + 1, [1, 2, 3])))
print(list(filter(lambda n: n % 2, range(8))))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, add)(2))
