# References to self while a method runs.
import sys
class C:
    def probe(self):
        return sys.getrefcount(self)
    def probe_deeper(self):
        return self.probe()
    def __init__(self):
        self.at_init = sys.getrefcount(self)
c = C()
print(c.at_init)
print(sys.getrefcount(c))
print(c.probe())
print(c.probe_deeper())
m = c.probe
print(m())
print(C.probe(c))
