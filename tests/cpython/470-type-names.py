# every builtin type the simulator has keeps CPython's name and identity
import array
print(type(iter([])), type(iter(())), type(iter(range(3))), type(iter("ab")), type(iter("é")))
print(type({}.keys()), type({}.values()), type({}.items()))
print(type(iter({})), type(iter({}.values())), type(iter({}.items())), type(iter(set())))
print(type(enumerate([])), type(zip()), type(reversed([])), type(reversed(range(2))), type(reversed((1,))))
print(zip, enumerate, reversed, range, array.array, array.ArrayType, type(iter(array.array("i"))))
print(type(zip()) is zip, type(enumerate("a")) is enumerate, type(array.array("b")) is array.array)
print(isinstance(iter([]), type(iter([]))), isinstance(iter(()), type(iter([]))))
print(isinstance(iter("é"), type(iter("a"))), isinstance(reversed("ab"), reversed))
print(list(reversed(range(1, 10, 3))), list(reversed((1, 2))), list(zip([1, 2], "ab")), list(enumerate("ab", 1)))
a = array.array("i", [1, 2])
print(a, isinstance(a, array.array), type({}.keys()) is type({1: 2}.keys()))
print(type(iter([]))())
