# gc.get_referrers of an instance held by a list and by another instance's attribute
import gc
gc.collect()
class Box:
    pass
def referrer_kinds(obj):
    kinds = []
    for r in gc.get_referrers(obj):
        kinds.append(str(type(r)))
    return sorted(kinds)
item = Box()
holder = Box()
holder.content = item
shelf = [item]
print(referrer_kinds(item))
del shelf
print(referrer_kinds(item))
holder.content = None
print(referrer_kinds(item))
print(len(gc.get_referents(holder)))
