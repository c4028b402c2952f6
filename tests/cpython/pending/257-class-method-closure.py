# A method defined in a function can close over that function's variables.
def make_class(prefix):
    class Greeter:
        def greet(self, name):
            return prefix + name
    return Greeter

Hi = make_class("hi ")
Yo = make_class("yo ")
print(Hi().greet("a"), Yo().greet("b"))
print(Hi is Yo, Hi.__name__, Hi.__qualname__)
