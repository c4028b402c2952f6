# s += i * 2 % 7 for 3,000,000 iterations in a function (issue 14's workload)
def f(n):
    s = 0
    for i in range(n):
        s += i * 2 % 7
    return s


print(f(3000000))
