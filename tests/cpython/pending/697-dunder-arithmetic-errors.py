# The exceptions of 397-dunder-arithmetic: NotImplemented from both sides becomes a TypeError.
class V:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
for left, right in [(V(), 1), (1, V()), (V(), V())]:
    try:
        left + right
    except TypeError as e:
        print(e)
try:
    -V()
except TypeError as e:
    print(e)
