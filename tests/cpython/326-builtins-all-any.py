# all() and any(), including on empty iterables.
print(all([]), any([]))
print(all([1, 2, 3]), all([1, 0, 3]))
print(any([0, "", None]), any([0, "", 5]))
print(all("abc"), any(""), all([[]]), any([[0]]))
nums = [2, 4, 6]
print(all([n % 2 == 0 for n in nums]), any([n > 5 for n in nums]))
