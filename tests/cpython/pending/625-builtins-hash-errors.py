# The exceptions raised in 325-builtins-hash (hash() of numbers and tuples is deterministic (unlike str hashes)), caught and printed.
try:
    hash([1])
except TypeError as e:
    print(e)
try:
    hash({"a": 1})
except TypeError as e:
    print(e)
