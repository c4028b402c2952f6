# [i for i in range(10**7)], then del (issue 14's workload)
big = [i for i in range(10 ** 7)]
print(len(big), big[-1])
del big
