# A class is a cycle: deleting its name leaves garbage for the collector.
import gc
gc.collect()
class Temp:
    pass
del Temp
print(gc.collect())
class WithMethods:
    def a(self):
        pass
    def b(self):
        pass
del WithMethods
print(gc.collect())
class Base:
    pass
class Sub(Base):
    pass
del Sub
print(gc.collect())
del Base
print(gc.collect())
