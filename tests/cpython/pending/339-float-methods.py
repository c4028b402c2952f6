# Methods of float.
x = 2.5
print(x.is_integer(), (3.0).is_integer(), x.as_integer_ratio(), (0.1).as_integer_ratio())
print(x.hex(), float.fromhex("0x1.8p1"), (1.0).hex())
print(x.real, x.imag, x.conjugate(), int(x), round(x))
print(float("nan") == float("nan"), 0.1 + 0.2 == 0.3, (0.1 + 0.2).__round__(10))
print((1e308 * 10), -(1e308 * 10), 5e-324 / 2)
