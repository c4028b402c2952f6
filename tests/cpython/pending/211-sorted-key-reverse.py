# sorted() and list.sort() with key= and reverse=.
words = ["pear", "Fig", "apple", "kiwi", "Banana"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
nums = [3, -7, 2, -1, 5]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted(nums, key=lambda n: (n % 2, n)))
print(sorted((2, 1), reverse=False))
