# A default value is held by the function: it lives as long as the function.
import sys
class Config:
    def __del__(self):
        print("Config freed")

def make():
    def handler(cfg=Config()):
        return cfg
    return handler

h = make()
c = h()
print(sys.getrefcount(c))
del c
print("dropped the result")
del h
print("dropped the function")
