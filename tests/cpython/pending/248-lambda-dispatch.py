# A dict of lambdas as a dispatch table.
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "//": lambda a, b: a // b,
}
for sym in ops:
    print(sym, ops[sym](17, 5))
print(ops["+"].__name__)
print(ops.get("%", lambda a, b: None)(1, 2))
