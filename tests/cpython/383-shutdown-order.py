# At exit, module globals are cleared and their __del__ runs.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed at exit:", self.name)

first = Tracked("first")
second = Tracked("second")
holder = [Tracked("in list")]
class Keeper:
    attr = Tracked("class attribute")
print("end of script")
