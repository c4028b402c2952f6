# __getattr__ is called only for attributes not found normally.
class Lazy:
    def __init__(self):
        self.real = "here"
    def __getattr__(self, name):
        if name.startswith("computed_"):
            return name[9:].upper()
        raise AttributeError("no " + name)
l = Lazy()
print(l.real, l.computed_abc, getattr(l, "computed_x"))
print(hasattr(l, "other"))
try:
    l.other
except AttributeError as e:
    print(e)
