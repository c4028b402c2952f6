# The exceptions raised in 219-call-method-keywords (keywords accepted by methods learners use, and one they reject), caught and printed.
xs = [5, 3, 9, 1]
xs.sort(reverse=True)
d = {"a": 1}
try:
    xs.append(item=1)
except TypeError as e:
    print(e)
try:
    len(obj=xs)
except TypeError as e:
    print(e)
