# and/or return an operand and stop early; a chained comparison evaluates the middle once.
def t(label, value):
    print("eval", label)
    return value
print(t("a", 0) and t("b", 1))
print(t("c", 2) and t("d", 3))
print(t("e", 0) or t("f", "") or t("g", "last"))
print(t("h", 1) < t("i", 2) < t("j", 3))
print(t("k", 3) < t("l", 2) < t("m", 1))
print(t("n", 1) if t("cond", False) else t("o", 2))
print(not t("p", []))
