# The exceptions raised in 240-class-body-scope (a class body is a scope, but methods do not see its names), caught and printed.
class Shape:
    sides = 0
    label = "shape with " + str(sides) + " sides"
    def describe(self):
        return self.label
    def broken(self):
        return sides

try:
    Shape().broken()
except NameError as e:
    print(e)
