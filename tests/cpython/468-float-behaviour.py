# Float repr, rounding, inf and nan, float // and %.
print(0.1 + 0.2, 1 / 3, 2 / 2, 1e16 + 1, 1e-7, 123456789.0 * 10)
print(round(2.675, 2), round(0.5), round(1.5), round(-1.5), round(2.5, 0))
print(float("1e309"), -float("1e309"), float("inf") - float("inf"))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 5 / 2.0, 2 ** 0.5)
print(float(10 ** 20), 1e22, 1e21 == 10 ** 21, int(1e22))
