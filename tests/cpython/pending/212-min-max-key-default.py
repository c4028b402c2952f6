# min() and max() with key= and default=, and their errors.
nums = [3, -7, 2, -1, 5]
print(min(nums), max(nums))
print(min(nums, key=abs), max(nums, key=abs))
print(max(1, 4, 2), min("b", "a", "c"))
print(min([], default=None), max((), default=-1))
print(max(["aa", "b", "ccc"], key=len))
