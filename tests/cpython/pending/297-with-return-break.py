# __exit__ runs on return, break and continue out of the block.
class Log:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit", self.tag)

def f():
    with Log("return"):
        return "value"

print(f())
for i in range(3):
    with Log("loop " + str(i)):
        if i == 0:
            continue
        if i == 1:
            break
print("done")
