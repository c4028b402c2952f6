# bin, hex, oct, chr, ord, bool, float and their inverses.
print(bin(10), hex(255), oct(8), bin(-5), hex(-1))
print(chr(65), chr(0x263A), ord("a"), ord("é"), ord("€"))
print(bool(0), bool(""), bool([]), bool([0]), bool(0.0), bool("False"))
print(float("3.5"), float(" -1e3 "), float("inf"), float("-nan"), float(7))
print(int(3.99), int(-3.99), int(True), str(12), str(1.0))
print(float("1_000.5"), int(float("1e3")))
