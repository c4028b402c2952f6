# int(x, base) and its errors.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("101", 2), int("0b101", 0), int("777", 8), int("0o17", 0))
print(int("z", 36), int(" 42 "), int("-12"), int("1_000"))
print(int("10", base=3))
for bad in ["12a", "", "0x10"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
try:
    int(5, 10)
except TypeError as e:
    print(e)
