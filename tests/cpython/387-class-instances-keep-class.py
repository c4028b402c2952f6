# Instances keep their class alive; the class lives until its instances die.
import gc
gc.collect()
class Thing:
    def __del__(self):
        print("instance freed")
t = Thing()
del Thing
print(gc.collect())
print(type(t).__name__)
del t
print(gc.collect())
