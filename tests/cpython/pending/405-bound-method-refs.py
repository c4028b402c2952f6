# A bound method holds its instance: keeping it keeps the instance alive.
import sys
class Worker:
    def run(self):
        return "running"
    def __del__(self):
        print("Worker freed")
w = Worker()
print(sys.getrefcount(w))
m = w.run
print(sys.getrefcount(w), m.__self__ is w, m.__func__ is Worker.run)
print(w.run is w.run, w.run == w.run)
del w
print("name deleted", m())
del m
print("end")
