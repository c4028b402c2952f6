# str.format and format specs.
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} is {age}".format(name="ann", age=31))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x} {:#b} {:e}".format(3.14159, 5, 1234567, 255, 5, 12345.678))
print("{:.2%} {:5.1f} {!r}".format(0.256, 2.25, "s"))
x = 7
print(f"{x:03d} {x!r:>4} {x * 2 = }")
print(format(3.5, "06.2f"), format(10, "b"), format("x", "*^5"))
