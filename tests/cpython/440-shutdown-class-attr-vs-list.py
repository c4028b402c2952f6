# At shutdown: the order in which a class attribute and a list item are freed.
class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)
class Holder:
    attr = Loud("class attribute")
items = [Loud("list item")]
single = Loud("global")
print("end")
