# property: computed attributes with getter, setter and deleter.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    @fahrenheit.deleter
    def fahrenheit(self):
        print("deleting")
        del self._c
t = Temperature(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t._c)
del t.fahrenheit
print(hasattr(t, "_c"), type(Temperature.fahrenheit).__name__)
class ReadOnly:
    @property
    def x(self):
        return 1
try:
    ReadOnly().x = 2
except AttributeError as e:
    print(e)
