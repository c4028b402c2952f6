# Methods of int.
n = 1000
print(n.bit_length(), (255).bit_count(), (-8).bit_length(), (0).bit_length())
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-1).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x03\xe8", "big"), int.from_bytes(b"\xff", "big", signed=True))
print((6).as_integer_ratio(), (7).conjugate(), (5).real, (5).imag, (5).numerator)
print((10).__add__(5), (3).__mul__(4), int.__name__)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)
