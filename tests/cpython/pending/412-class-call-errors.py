# Errors from calling a class and its methods with the wrong arguments.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def move(self, dx):
        self.x += dx
for attempt in range(3):
    try:
        if attempt == 0:
            Point(1)
        elif attempt == 1:
            Point(1, 2).move()
        else:
            Point.move(1)
    except TypeError as e:
        print(e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
