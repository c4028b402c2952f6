# A loop variable keeps its last item alive after the loop; rebinding frees the previous one.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

for i in range(3):
    item = T("item %d" % i)
    print("made", item.name)
print("loop done")
del item
print("---")
for obj in [T("x"), T("y")]:
    print("visiting", obj.name)
print("second loop done")
del obj
print("end")
