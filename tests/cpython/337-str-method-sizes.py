# Sizes of strings made by methods: ASCII, Latin-1, BMP and astral.
import sys
parts = "alpha beta gamma".split()
print([sys.getsizeof(p) for p in parts])
print(sys.getsizeof("abc".upper()), sys.getsizeof("é".upper()), sys.getsizeof("ж".upper()))
print(sys.getsizeof("x" * 100), sys.getsizeof("é" * 100), sys.getsizeof("€" * 100))
print(sys.getsizeof("😀"), sys.getsizeof("a😀"), sys.getsizeof(""))
print(sys.getsizeof(" padded ".strip()), sys.getsizeof("-".join(["a", "b"])))
