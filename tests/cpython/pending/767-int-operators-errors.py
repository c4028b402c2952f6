# The exceptions raised in 467-int-operators (integer division, modulo, powers and bit operations, including negatives), caught and printed.
try:
    1 << -1
except ValueError as e:
    print(e)
