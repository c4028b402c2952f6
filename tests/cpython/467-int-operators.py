# Integer division, modulo, powers and bit operations, including negatives.
print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3)
print(2 ** 10, 2 ** -2, (-2) ** 3, (-8) ** (1 / 3) == 2, 0 ** 0)
print(~5, ~-1, 5 & 3, 5 | 3, 5 ^ 3, -5 & 0xFF, 1 << 70, -16 >> 2)
print(int(" 12 "), int("-0"), int(-3.7), int("+5"), 10 ** 20 // 7)
print(abs(-2 ** 63), -2 ** 2, (-2) ** 2, 3 * True, True + True)
