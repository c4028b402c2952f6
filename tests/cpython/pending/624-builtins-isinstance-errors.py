# The exceptions raised in 324-builtins-isinstance (isinstance and issubclass with classes and tuples of classes), caught and printed.
class Animal:
    pass
class Dog(Animal):
    pass

d = Dog()
try:
    isinstance(d, "Dog")
except TypeError as e:
    print(e)
