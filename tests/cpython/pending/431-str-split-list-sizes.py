# str.split() preallocates its result list: the sizes of the lists it returns.
import sys
print(sys.getsizeof("a".split()))
print(sys.getsizeof("a b".split()))
print(sys.getsizeof("a b c d e".split()))
print(sys.getsizeof("a,b,c".split(",")))
print(sys.getsizeof(" ".join(["w"] * 12).split()))
print(sys.getsizeof(" ".join(["w"] * 13).split()))
print(sys.getsizeof("".split()), sys.getsizeof("x".split(",")))
parts = "one two three".split()
parts.append("four")
print(sys.getsizeof(parts))
