# __lt__ lets sorted(), min() and max() order instances.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return self.s
vs = [Version("1.10"), Version("1.2"), Version("1.9.1")]
print(sorted(vs), min(vs), max(vs))
print(Version("2.0") > Version("1.0"))
try:
    Version("1.0") <= Version("2.0")
except TypeError as e:
    print(e)
