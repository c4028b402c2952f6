# What every object inherits from object.
class C:
    pass
o = C()
print(o.__class__.__name__, type(o.__init__).__name__, type(C.__init__).__name__)
print(C.__eq__(o, o), C.__eq__(o, 1), C.__ne__(o, 1))
print(o.__sizeof__(), object().__sizeof__())
print(str(o) == repr(o), o.__module__)
print(issubclass(C, object), C.__base__.__name__)
