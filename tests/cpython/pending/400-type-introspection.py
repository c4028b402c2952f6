# type(), __class__, __name__, __bases__, __mro__ and vars().
class Base:
    x = 1
class Mid(Base):
    pass
class Leaf(Mid):
    def method(self):
        pass
o = Leaf()
print(type(o) is Leaf, o.__class__.__name__, Leaf.__bases__[0].__name__)
print([c.__name__ for c in Leaf.__mro__])
print(sorted(k for k in vars(Leaf) if not k.startswith("__")))
print(type(Leaf).__name__, type(type).__name__, type(3).__name__)
print(Leaf.__module__, Leaf.__qualname__)
print(isinstance(Leaf, type), Leaf.x)
