# gc.get_stats(): one dict per generation.
import gc
stats = gc.get_stats()
print(len(stats), sorted(stats[0].keys()))
before = gc.get_stats()[2]["collections"]
gc.collect()
print(gc.get_stats()[2]["collections"] - before)
