# arithmetic operators: + - * / // % ** and unary minus, precedence, int/float mixing
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b)
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 10 - 2 - 3, 100 // 7 // 2)
print(a + 0.5, b * 2.0, 7 % 2.5, -7 % 2.5, 2 ** 0.5 * 2 ** 0.5)
print(-a, - -a, -(a - 20), -0)
print(3 * 'ab', [0] * 3, (1,) * 2, [1] + [2])
x = 10
x = x * x - x
print(x, x // 3 * 3 + x % 3 == x)
print(2 ** 100 // 2 ** 99, 2 ** 100 % 1000, (2 ** 100) * 0)
