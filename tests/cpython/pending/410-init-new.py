# __new__ creates the object, __init__ fills it in.
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self):
        print("init")
a = Singleton()
b = Singleton()
print(a is b)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
p = Point(1, 2)
print(p, p[0], type(p).__name__, isinstance(p, tuple))
