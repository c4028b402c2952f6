# isinstance and issubclass with classes and tuples of classes.
class Animal:
    pass
class Dog(Animal):
    pass

d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object))
print(isinstance(3, (str, int)), isinstance(True, int), isinstance(3.0, int))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(bool, int))
print(issubclass(Dog, (str, Animal)), type(d) is Animal)
