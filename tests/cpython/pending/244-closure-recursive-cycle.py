# A nested function that calls itself is a cycle: function -> closure -> cell
# -> function. Only the collector frees it.
import gc
gc.collect()
class Marker:
    def __del__(self):
        print("Marker freed")

def make():
    m = Marker()
    def walk(n):
        return m if n == 0 else walk(n - 1)
    return walk

w = make()
print(w(3) is w(0))
del w
print("deleted")
print(gc.collect())
