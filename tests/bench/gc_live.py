# gc.collect() over a heap of 1,000,000 live containers.
import gc
gc.disable()
keep = [[] for i in range(1000000)]
print(gc.collect())
print(gc.collect())
