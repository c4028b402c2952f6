# A class body runs once, at definition, top to bottom.
print("before class")
class Config:
    print("class body runs")
    values = [i * i for i in range(3)]
    total = 0
    for v in [1, 2, 3]:
        total += v
    del v
    def method(self):
        return self.total
print("after class")
print(Config.values, Config.total, Config().method(), hasattr(Config, "v"))
