# gc.is_finalized: an object whose __del__ already ran (resurrected here).
import gc
saved = []
class Phoenix:
    def __del__(self):
        print("__del__ runs once")
        saved.append(self)
p = Phoenix()
print(gc.is_finalized(p))
del p
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("cleared; no second __del__")
