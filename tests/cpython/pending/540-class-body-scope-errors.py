# The exceptions of 240-class-body-scope: a method cannot see the class body's names.
class Config:
    limit = 3
    def check(self):
        return limit
try:
    Config().check()
except NameError as e:
    print(e)
print(Config.limit)
