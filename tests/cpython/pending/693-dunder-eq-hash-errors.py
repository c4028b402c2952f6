# The exceptions of 393-dunder-eq-hash: a class with __eq__ but no __hash__ is unhashable.
class P:
    def __eq__(self, other):
        return True
for make in [lambda: {P()}, lambda: {P(): 1}, lambda: hash(P())]:
    try:
        make()
    except TypeError as e:
        print(e)
