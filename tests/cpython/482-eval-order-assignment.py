# Evaluation order: call arguments left to right; in `a[i] = v` the value first.
def t(label, value):
    print("eval", label)
    return value

def f(a, b, c):
    return (a, b, c)

print(f(t("first", 1), t("second", 2), t("third", 3)))
box = [0, 0]
def target():
    print("eval target")
    return box
target()[t("index", 1)] = t("value", 9)
print(box)
d = {t("k1", "a"): t("v1", 1), t("k2", "b"): t("v2", 2)}
print(d)
