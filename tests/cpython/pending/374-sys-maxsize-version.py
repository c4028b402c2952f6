# sys.maxsize and sys.version_info of the running Python.
import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(type(sys.version_info).__name__, len(sys.version_info))
print(sys.version_info.releaselevel)
print([1, 2, 3][sys.maxsize:], len(range(sys.maxsize)))
