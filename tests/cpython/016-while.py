# while loops with break and continue
i = 0
total = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    total += i
print(i, total)
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print(steps)
k = 0
while True:
    k += 1
    if k * k > 50:
        break
print(k)
stack = [1, 2, 3]
while stack:
    print(stack.pop(), end=' ')
print()
