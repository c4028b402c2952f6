# {i: str(i) for i in range(10**6)}, then clear() (issue 14's workload)
d = {i: str(i) for i in range(10 ** 6)}
print(len(d), d[999999])
d.clear()
print(len(d))
