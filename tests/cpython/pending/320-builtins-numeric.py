# abs, divmod, pow, round and sum, including the surprising cases.
print(abs(-7), abs(3.5), abs(-0.0), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-2, 3))
print(round(2.5), round(3.5), round(-0.5), round(0.125, 2))
print(round(1234, -2), round(7.0), type(round(7.0)).__name__)
print(sum([0.1] * 10), sum(range(101)), sum([[1], [2]], []))
print(pow(7, -1, 11))
