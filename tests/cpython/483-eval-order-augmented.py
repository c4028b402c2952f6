# Evaluation order of augmented assignment to an item and an attribute.
def t(label, value):
    print("eval", label)
    return value
class Box:
    pass
b = Box()
b.n = 1
xs = [10, 20]
t("list", xs)[t("index", 0)] += t("increment", 5)
print(xs)
t("object", b).n += t("amount", 2)
print(b.n)
x = t("left", 1) + t("right", 2) * t("factor", 3)
print(x)
