/* The cycle collector, after CPython 3.11's Modules/gcmodule.c: three
 * generations, thresholds (700, 10, 10), and collect() as the same passes
 * (update_refs, subtract_refs, move_unreachable, untrack, finalize, the
 * resurrection check, delete_garbage, promotion). */
#ifndef MEMTUTOR_GC_H
#define MEMTUTOR_GC_H
#include "heap.h"

#define GC_DEBUG_SAVEALL 32

void gc_init(Heap *h);

/* Generation-0 accounting: +1 per GC-object allocation (which may start an
 * automatic collection, as _PyObject_GC_Link does), -1 per deallocation. */
void gc_count_alloc(Heap *h);
void gc_count_dealloc(Heap *h);

/* The interpreter's eval breaker check (3.12+: RESUME at a Python
 * function's start, the end of a CALL, a loop's jump back): runs the
 * automatic collection an allocation asked for (gc_count_alloc), if one did
 * and the counts still call for it.  Nothing otherwise, and in 3.11, whose
 * collection runs inside the allocation. */
void gc_eval_breaker(Heap *h);

/* gc.collect(generation): returns CPython's number (unreachable found,
 * excluding resurrected objects, plus uncollectable). */
int64_t gc_collect(Heap *h, int generation);

/* The automatic trigger: oldest generation over its threshold first. */
void gc_collect_generations(Heap *h);

int64_t gc_generation_size(Heap *h, int gen);  /* objects in a generation list */
/* Which generation a tracked object is in (0..2, 3 = permanent after
 * gc.freeze), or -1 if it is not tracked.  It walks the lists: for viewers,
 * not hot paths (Obj.gen is not kept up to date by collections). */
int gc_generation(Heap *h, const Obj *o);
void gc_freeze(Heap *h);
void gc_unfreeze(Heap *h);
int64_t gc_freeze_count(Heap *h);

/* Objects directly referring to target among the tracked objects of the three
 * generations (not the permanent one), in generation list order. */
typedef void (*gc_each_fn)(Obj *o, void *arg);
void gc_referrers(Heap *h, Obj *target, gc_each_fn fn, void *arg);
/* Visit every tracked object in generation order (0, 1, 2, permanent). */
void gc_foreach_tracked(Heap *h, gc_each_fn fn, void *arg);

#endif
