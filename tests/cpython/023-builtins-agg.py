# min, max, sum, sorted, enumerate, zip
nums = [5, 3, 9, 1, 7]
print(min(nums), max(nums), sum(nums), sum(nums, 100))
print(min(4, 2, 8), max(4, 2, 8), min('pear', 'apple'), max([1, 2], [1, 3]))
print(sum([]), sum([0.5, 0.25]), sum(range(101)))
print(sorted(nums), nums, sorted('banana'), sorted({3: 'c', 1: 'a'}))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')]), sorted([3.5, -1, 2]))
print(list(enumerate('ab')), list(enumerate(['x', 'y'], 10)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip(range(3), range(3, 6), 'xyz')))
print(max(range(7)), min((9, 8)), max({4, 11, 6}))
for i, (a, b) in enumerate(zip('pq', [1, 2])):
    print(i, a, b)
print(sorted(set([9, 0, 4])), min([[2], [1, 5]]))
