# A function's locals are freed when it returns, except what it returns.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)
def work():
    first = T("first")
    second = T("second")
    result = T("result")
    print("returning")
    return result
r = work()
print("got", r.name)
def nested():
    outer_local = T("outer local")
    return work().name
print(nested())
print("end")
