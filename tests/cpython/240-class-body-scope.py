# A class body is a scope, but methods do not see its names.
class Shape:
    sides = 0
    label = "shape with " + str(sides) + " sides"
    def describe(self):
        return self.label
    def broken(self):
        return sides

print(Shape.label)
print(Shape().describe())
