# __del__ is inherited; a subclass can extend it with super().__del__().
class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)
class Child(Base):
    def __del__(self):
        print("Child.__del__")
        super().__del__()
class Quiet(Base):
    pass
c = Child()
del c
q = Quiet()
q = None
print("end")
