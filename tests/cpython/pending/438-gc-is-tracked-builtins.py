# gc.is_tracked of builtin functions, types and modules.
import gc
import sys
print(gc.is_tracked(len), gc.is_tracked(print), gc.is_tracked(sorted))
print(gc.is_tracked(int), gc.is_tracked(list), gc.is_tracked(type))
print(gc.is_tracked(sys), gc.is_tracked(gc))
print(gc.is_tracked(sys.getrefcount), gc.is_tracked([].append))
class C:
    pass
print(gc.is_tracked(C), gc.is_tracked(C()), gc.is_tracked(object()))
