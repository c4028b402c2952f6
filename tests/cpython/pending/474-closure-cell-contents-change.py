# A cell can be emptied and refilled; the closure sees the current value.
import sys
def make():
    data = [1, 2, 3]
    def get():
        return data
    def drop():
        nonlocal data
        data = None
    return get, drop
get, drop = make()
lst = get()
print(sys.getrefcount(lst))
drop()
print(get(), sys.getrefcount(lst))
print(get.__closure__[0].cell_contents)
