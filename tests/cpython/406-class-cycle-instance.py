# A parent-child pair of instances forms a cycle; gc.collect() reports it.
import gc
class Tree:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
gc.collect()
root = Tree()
for _ in range(3):
    Tree(root)
del root
print(gc.collect())
