# In 3.11 a comprehension in a class body cannot see the class's names
# (except the first iterable).
class Grid:
    size = 3
    cells = [i for i in range(size)]
    try:
        squares = [size * i for i in range(3)]
    except NameError as e:
        error = str(e)

print(Grid.cells)
print(Grid.error)
