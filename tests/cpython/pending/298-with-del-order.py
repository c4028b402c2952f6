# A manager created in the with statement is freed right after __exit__.
class Temp:
    def __enter__(self):
        print("enter")
        return "handle"
    def __exit__(self, *a):
        print("exit")
    def __del__(self):
        print("Temp freed")

with Temp() as h:
    print("using", h)
print("after with")
