# The del lesson's program up to its million-object step (render's counterpart).
import sys
large_list = [i for i in range(1000000)]
print(sys.getsizeof(large_list))
alias = large_list
del large_list
