/* The simulated heap: object creation, reference counting with a reason for
 * every change, deallocation in CPython's order (iteratively: no C stack per
 * level), the event log for the front end, live statistics, and the heap
 * checker.  The cycle collector is gc.c; the allocator model alloc.c. */
#ifndef MEMTUTOR_HEAP_H
#define MEMTUTOR_HEAP_H
#include <stdint.h>

#include "alloc.h"
#include "object.h"

/* Why a reference count changed. */
typedef enum {
    R_NONE,
    R_BIND,        /* a name was bound: x = ...            */
    R_UNBIND,      /* a name was unbound or rebound        */
    R_DEL,         /* del x                                */
    R_STORE,       /* stored into a container slot          */
    R_REMOVE,      /* removed from a container slot         */
    R_ATTR_SET, R_ATTR_DEL,
    R_ARG,         /* held as a call argument               */
    R_ARG_DONE,    /* argument released after the call      */
    R_RETURN,      /* a function's locals released at return */
    R_TEMP,        /* a temporary value of an expression    */
    R_ITER,        /* held by an iterator                    */
    R_CONTAINER_FREED, /* its container was freed            */
    R_GC_CLEAR,    /* the cycle collector broke a reference  */
    R_PROGRAM_END, /* globals cleared at program end         */
    R_INTERNAL,
    R_COUNT
} Reason;

typedef enum {
    EV_ALLOC,      /* obj, type, bytes (getsizeof) */
    EV_INCREF,     /* obj, rc after, reason */
    EV_DECREF,
    EV_FREE,       /* obj, type, bytes */
    EV_FINALIZE,   /* __del__ called on obj */
    EV_RESURRECT,  /* __del__ made obj reachable again */
    EV_GC_BEGIN,   /* n = generation, count = objects in the collected generations */
    EV_GC_REFS,    /* obj, gc_refs after pass `pass` */
    EV_GC_PASS,    /* pass finished: pass, count = objects */
    EV_GC_UNREACHABLE, /* obj tentatively unreachable */
    EV_GC_END,     /* count = CPython's return value */
    EV_SUMMARY,    /* many events of one kind folded: kind2, type, count, bytes */
    EV_COUNT
} EventKind;

typedef enum { GCP_UPDATE_REFS, GCP_SUBTRACT_REFS, GCP_MOVE_UNREACHABLE, GCP_FINALIZE,
               GCP_RESURRECT, GCP_CLEAR, GCP_PROMOTE } GCPass;

typedef struct Event {
    uint8_t kind;      /* EventKind */
    uint8_t otype;     /* ObjType of the object */
    uint8_t reason;    /* Reason */
    uint8_t sub;       /* EV_SUMMARY: the folded EventKind; GC: the GCPass */
    uint32_t serial;   /* the object */
    int64_t rc;        /* refcount after the change, or gc_refs */
    int64_t count;     /* summaries and gc: how many */
    int64_t bytes;
    int32_t line;      /* the source line being executed */
    Sym detail;        /* a name involved, if any */
} Event;

typedef struct EventLog {
    Event *ev;
    uint32_t n, cap;
    uint32_t limit;            /* detailed events kept per step; beyond: summaries */
    /* folded counts per (kind, type) beyond the limit */
    int64_t fold_count[EV_COUNT][T_COUNT];
    int64_t fold_bytes[EV_COUNT][T_COUNT];
    int folded;
} EventLog;

typedef struct GCGen {
    GCObj head;       /* sentinel of a circular doubly linked list */
    int64_t threshold;
    int64_t count;
} GCGen;

typedef struct GCStats { int64_t collections, collected, uncollectable; } GCStats;

typedef struct Heap Heap;
typedef void (*finalizer_fn)(void *ctx, Obj *o);

typedef struct FreeList { AllocRef *refs; uint32_t n, cap; } FreeList;

struct Heap {
    Alloc *alloc;
    struct Slabs *slabs;

    /* collector state (gc.c) */
    GCGen gen[3];
    GCObj permanent;
    GCStats stats[3];
    int64_t long_lived_total, long_lived_pending;
    int64_t startup_objects;  /* CPython's own objects in generation 2 (not simulated, counted for the 25% rule) */
    int gc_enabled;
    int collecting;
    int debug;               /* gc.DEBUG_* flags */
    Obj *garbage;            /* gc.garbage list (a ListObj), owned */

    /* free lists (3.11): counted, so that reuse does not count toward thresholds */
    FreeList fl_float, fl_list, fl_dict, fl_tuple[21];

    /* the next allocation bypasses the free lists (type(...)() uses PyType_GenericAlloc) */
    int generic_alloc;

    /* finalizers: the interpreter runs __del__ */
    finalizer_fn finalize;
    void *finalize_ctx;
    /* automatic collection may run Python code: the interpreter allows it */
    int in_alloc;
    /* 3.12+: an allocation crossed the threshold; the collection runs at the
     * next eval breaker check (gc_eval_breaker) */
    int gc_scheduled;

    /* dealloc work stack (iterative release) */
    struct DeallocFrame *dstack;
    uint32_t dn, dcap;

    /* statistics */
    int64_t live_count[T_COUNT];
    int64_t live_bytes[T_COUNT];   /* sum of getsizeof */
    int64_t live_total, bytes_total;
    int64_t freed_total;           /* objects released so far */
    int64_t collect_calls;         /* explicit gc.collect() calls so far */
    int64_t last_collected;        /* what the last explicit gc.collect() returned */
    uint32_t next_serial;
    int64_t mem_limit;             /* simulated bytes; exceeding raises MemoryError */

    /* the event log: NULL when not tracing (exec mode), or while quiet */
    EventLog *log;
    /* A viewer's look at the heap between events: called as each detailed
     * event is logged, with the heap as it stood before that event took
     * effect (an incref's count not yet raised) and the log holding it as
     * its last entry (log->n - 1 events came before).  The log is detached
     * (h->log NULL) during the call, so the viewer's reads log nothing.
     * NULL: no viewer. */
    void (*on_event)(void *ctx, Heap *h, const EventLog *log);
    void *on_event_ctx;
    /* during a collection, the lists the collector moved objects to
     * (tentatively and finally unreachable), so viewers still find them;
     * NULL otherwise */
    GCObj *gc_unreachable, *gc_final_unreachable;
    EventLog *log_aside;           /* the log kept aside while quiet */
    Reason reason;
    Sym reason_detail;
    int32_t line;

    /* static objects */
    Obj *none, *true_, *false_, *notimpl;
    IntObj *small_ints;            /* -5 .. 256 */
    StrObj *empty_str;
    StrObj *latin1[256];           /* one-character strings, made when first used */
    StrObj **static_strs;          /* new_static_str's (CPython's _Py_ID strings) */
    uint32_t nstatic_strs;
    TupleObj *empty_tuple;
};

#define SMALL_INT_MIN (-5)
#define SMALL_INT_MAX 256

Heap *heap_new(void);
/* The free lists as CPython 3.11 has them when a script starts (measured with
 * sys._debugmallocstats()): the first lists, dicts, floats and small tuples a
 * program makes come from them (same blocks, not counted by the collector). */
void heap_startup_free_lists(Heap *h);
void heap_free(Heap *h);

/* Tracing: start a fresh log for a step (limit detailed events, then fold). */
void heap_trace_enable(Heap *h, uint32_t limit);
void heap_log_clear(Heap *h);
/* Quiet: no events at all (the log is kept aside) while re-running steps
 * whose events nobody reads; the log is back, empty, when quiet ends. */
void heap_log_quiet(Heap *h, int quiet);
void heap_log_emit(Heap *h, EventKind k, const Obj *o, int64_t rc, int64_t count, int64_t bytes, int sub);

static inline void heap_set_reason(Heap *h, Reason r, Sym detail) { h->reason = (Reason)r; h->reason_detail = detail; }

/* ---- reference counting ---- */
void heap_dealloc(Heap *h, Obj *o);   /* rc reached 0 */
void heap_note_incref(Heap *h, Obj *o);
void heap_note_decref(Heap *h, Obj *o);

static inline Obj *incref(Heap *h, Obj *o)
{
    o->rc++;
    if (h->log) heap_note_incref(h, o);
    return o;
}

static inline void decref(Heap *h, Obj *o)
{
    if (h->log) heap_note_decref(h, o);
    if (--o->rc == 0) heap_dealloc(h, o);
}

static inline void xdecref(Heap *h, Obj *o) { if (o) decref(h, o); }

/* ---- creation: each returns a new reference (rc 1), or NULL when the
 * simulated memory limit would be exceeded (the caller raises MemoryError). ---- */
Obj *new_int(Heap *h, int64_t v);
Obj *new_bigint(Heap *h, struct BigInt *b);   /* takes ownership; normalises to small form if it fits */
Obj *new_float(Heap *h, double v);
Obj *new_str(Heap *h, const char *s, size_t len);
Obj *new_str_cat(Heap *h, const Obj *a, const Obj *b);   /* a + b, both str */
/* A str that exists before any program (CPython's statically allocated
 * identifiers, _Py_ID): never freed, not counted among the live objects. */
Obj *new_static_str(Heap *h, const char *s, size_t len);
Obj *new_tuple(Heap *h, uint32_t n);          /* items NULL: the caller fills them (owned refs) */
Obj *new_list(Heap *h, int64_t cap);          /* empty, with capacity cap */
Obj *new_dict(Heap *h);
Obj *new_dict_presized(Heap *h, int64_t n, int unicode);  /* _PyDict_FromItems sizing */
Obj *dict_copy(Heap *h, DictObj *d);                      /* PyDict_Copy */
Obj *new_set(Heap *h);
Obj *new_class(Heap *h, Sym name, ClassObj *base);   /* bare: sim/typeobject.c's type_new fills it */
Obj *new_descr(Heap *h, int kind, ClassObj *owner, Sym name);   /* DESCR_GETSET or DESCR_MEMBER */
/* add_subclass: the weakref to sub in base->tp_subclasses (base NULL: object's) */
void class_add_subclass(Heap *h, ClassObj *base, ClassObj *sub);
Obj *new_instance(Heap *h, ClassObj *cls);
Obj *new_function(Heap *h, const Node *def, struct Code *code, TupleObj *defaults, Sym name);
Obj *new_method(Heap *h, Obj *func, Obj *self);   /* takes new refs to both */
Obj *new_builtin(Heap *h, uint16_t id, Obj *self, uint8_t group);
Obj *new_module(Heap *h, Sym name);
Obj *new_range(Heap *h, int64_t start, int64_t stop, int64_t step);
Obj *new_array(Heap *h, char typecode);
Obj *new_iter(Heap *h, IterKind k, Obj *seq);      /* takes a new ref to seq */
Obj *new_dictview(Heap *h, DictViewKind k, DictObj *d);
Obj *bool_obj(Heap *h, int b);                     /* new reference to True/False */

static inline int is_small_int(int64_t v) { return v >= SMALL_INT_MIN && v <= SMALL_INT_MAX; }

/* ---- container operations that keep sizes, tracking and the allocator model right ---- */
int list_append(Heap *h, ListObj *l, Obj *v);           /* steals v; -1: MemoryError */
int list_resize(Heap *h, ListObj *l, int64_t newsize);  /* CPython's list_resize */
int list_reserve_exact(Heap *h, ListObj *l, int64_t cap);
void list_clear(Heap *h, ListObj *l);                   /* releases items last to first */

int dict_lookup(DictObj *d, const Obj *key, int64_t hash, int64_t *entry);  /* 1 found */
int dict_set(Heap *h, DictObj *d, Obj *key, Obj *value); /* new refs taken; -1 MemoryError, -2 unhashable */
Obj *dict_get(DictObj *d, const Obj *key);              /* borrowed or NULL (unhashable: NULL) */
int dict_del(Heap *h, DictObj *d, const Obj *key);      /* 1 deleted, 0 missing */
void dict_clear(Heap *h, DictObj *d);                   /* first to last, key then value */

int set_add(Heap *h, SetObj *s, Obj *key);              /* new ref taken if added; -2 unhashable */
int set_contains(SetObj *s, const Obj *key);
int set_discard(Heap *h, SetObj *s, const Obj *key);
void set_clear(Heap *h, SetObj *s);

int set_presize(Heap *h, SetObj *s, int64_t n);   /* room for n items at once */
int array_append_raw(Heap *h, ArrayObj *a, const void *item);
int array_resize(Heap *h, ArrayObj *a, int64_t newsize);

/* Attribute maps (class namespaces) */
Obj *attrmap_get(const AttrMap *m, Sym k);
void attrmap_set(Heap *h, AttrMap *m, Sym k, Obj *v);   /* steals v */

/* Instances: attribute slots */
Obj **instance_slot(Heap *h, InstanceObj *in, Sym name, int create); /* NULL: no such slot */

/* Objects may be big: account a resize of a separately allocated array. */
int heap_charge(Heap *h, int64_t delta_bytes);          /* -1 if over the memory limit */

/* GC tracking */
void gc_track(Heap *h, Obj *o);
void gc_untrack(Heap *h, Obj *o);
static inline int gc_is_tracked(const Obj *o) { return (o->flags & OF_TRACKED) != 0; }
void dict_maybe_track(Heap *h, DictObj *d, const Obj *k, const Obj *v);

/* The object's address in the modelled process: its pymalloc block (so an
 * object reused from a free list, or a block reused after a free, has the
 * address CPython would give it again).  id() and reprs use it. */
uint64_t heap_address(const Heap *h, const Obj *o);

/* Iterate over every live object (slabs and large objects). */
typedef void (*heap_each_fn)(Obj *o, void *arg);
void heap_foreach(Heap *h, heap_each_fn fn, void *arg);

/* Heap checker: every live object's refcount must equal the references other
 * live objects hold plus the external references the roots callback reports
 * (frames, globals, temporaries, constants).  Returns the number of
 * mismatches; writes a description of the first few into report. */
typedef void (*roots_fn)(void *ctx, visit_fn visit, void *arg);
int heap_check(Heap *h, roots_fn roots, void *ctx, StrBuf *report);

#endif
