# Counting live instances with a class attribute and __del__.
class Session:
    live = 0
    def __init__(self):
        Session.live += 1
    def __del__(self):
        Session.live -= 1
a = Session()
b = Session()
c = Session()
print(Session.live)
del a
print(Session.live)
b = c
print(Session.live)
del b, c
print(Session.live)
sessions = [Session() for _ in range(5)]
print(Session.live)
sessions = sessions[:2]
print(Session.live)
