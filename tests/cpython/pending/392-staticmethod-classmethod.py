# staticmethod and classmethod; a classmethod as an alternative constructor.
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.count += 1
    @classmethod
    def from_string(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
class MyDate(Date):
    pass
d = MyDate.from_string("2024-02-29")
print(type(d).__name__, d.y, d.m, d.d, Date.count)
print(Date.is_leap(2000), d.is_leap(1900), Date.is_leap(2024))
print(type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["from_string"]).__name__)
