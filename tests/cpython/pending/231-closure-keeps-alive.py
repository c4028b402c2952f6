# The most common surprise: a closure keeps its captured object alive.
import sys
class Buffer:
    def __init__(self, n):
        self.data = [0] * n
    def __del__(self):
        print("Buffer freed")

def make_reader():
    buf = Buffer(1000)
    def read(i):
        return buf.data[i]
    return read

r = make_reader()
print("make_reader returned")
print(r(5))
print(sys.getrefcount(r.__closure__[0].cell_contents))
del r
print("reader dropped")
