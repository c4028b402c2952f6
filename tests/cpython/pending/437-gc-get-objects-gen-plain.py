# gc.get_objects(generation): which generation a new container is in.
import gc
def present(obj, gen):
    for o in gc.get_objects(gen):
        if o is obj:
            return True
    return False
gc.collect()
fresh = [1]
print(present(fresh, 0), present(fresh, 1), present(fresh, 2))
gc.collect(0)
print(present(fresh, 0), present(fresh, 1), present(fresh, 2))
gc.collect(1)
print(present(fresh, 0), present(fresh, 1), present(fresh, 2))
n = 0
for o in gc.get_objects(0):
    n += 1
print(n < 50)
