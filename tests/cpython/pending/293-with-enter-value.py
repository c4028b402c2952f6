# `as` binds what __enter__ returns, not the manager itself.
class Opener:
    def __enter__(self):
        return [1, 2, 3]
    def __exit__(self, *args):
        print("closing, args:", args)

mgr = Opener()
with mgr as data:
    print(data, data is mgr)
with Opener():
    print("no as")
