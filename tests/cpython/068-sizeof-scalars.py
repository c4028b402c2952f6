# sys.getsizeof of float, None, ASCII str (49 + n), range and tuples (40 + 8n)
import sys
print(sys.getsizeof(1.5), sys.getsizeof(0.0), sys.getsizeof(1e300))
print(sys.getsizeof(None))
print(sys.getsizeof(''), sys.getsizeof('a'), sys.getsizeof('hello'), sys.getsizeof('x' * 100))
s = 'ab'
t = s * 10
print(sys.getsizeof(t), sys.getsizeof(s + s))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2)), sys.getsizeof((1, 2, 3)))
n = 7
print(sys.getsizeof((n,) * 10), sys.getsizeof(tuple(range(100))))
print(sys.getsizeof(range(10)), sys.getsizeof(range(10 ** 9)))
print(sys.getsizeof(str(12345)), sys.getsizeof(f"{n}{n}"))
