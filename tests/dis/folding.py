def f(x):
    return [[x + i + j for j in range(2)] for i in range(2)]
for k in [1, 2]:
    if k in [2, 3] and not k in {4, 5}:
        print(f(k)["ab"[0] == "a"])
w = -7, ~3, not 0, 2 ** 10
w2 = +1.5
w3 = "ab"[1]
w4 = (1, 2)[-1]
w5 = "x" * 3, "é€"[1], [10, 20][0]
