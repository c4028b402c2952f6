# CPython builtins outside the subset: "not supported" (exit 2), not a NameError python3 would never give
n = 255
print(hex(n))
