# The exceptions of 361-gc-collect-generations: only generations 0, 1 and 2 exist.
import gc
for gen in [3, -1]:
    try:
        gc.collect(gen)
    except ValueError as e:
        print(gen, e)
try:
    gc.collect("2")
except TypeError as e:
    print(e)
