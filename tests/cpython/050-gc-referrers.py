# gc.get_referrers: which tracked containers refer to an object (membership and counts)
import gc
gc.collect()
def holders(obj):
    return gc.get_referrers(obj)
target = []
a = [target]
b = {'k': target}
c = (target, 1)
r = holders(target)
# the list, the dict, the tuple and the module's globals dict
print(len(r))
found = []
for holder in r:
    if holder is a:
        found.append('list')
    elif holder is b:
        found.append('dict')
    elif holder is c:
        found.append('tuple')
print(sorted(found))
del a, r, holder
print(len(holders(target)))
lonely = [0]
print(len(holders(lonely)))
