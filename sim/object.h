/* The simulated CPython objects: their layout, kinds, sys.getsizeof and GC
 * tracking rules.  Every object starts with an Obj header; container kinds
 * (the ones CPython's collector knows) start with a GCObj header.
 * Objects are created and released only through heap.c. */
#ifndef MEMTUTOR_OBJECT_H
#define MEMTUTOR_OBJECT_H
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "util.h"

struct BigInt;

typedef enum {
    T_FREE = 0,  /* a free slab cell, never a live object */
    T_NONE, T_BOOL, T_INT, T_FLOAT, T_STR,
    T_TUPLE, T_LIST, T_DICT, T_SET,
    T_CLASS, T_INSTANCE, T_FUNCTION, T_METHOD, T_BUILTIN, T_MODULE,
    T_RANGE, T_ARRAY, T_ITER, T_DICTVIEW, T_NOTIMPL, T_DESCR,
    T_COUNT
} ObjType;

/* Obj.flags */
enum {
    OF_GC        = 1 << 0, /* has a GCObj header (a container CPython's gc knows) */
    OF_TRACKED   = 1 << 1, /* in a generation list */
    OF_FINALIZED = 1 << 2, /* __del__ already ran (PEP 442: once) */
    OF_STATIC    = 1 << 3, /* None, True, False, small ints: never freed */
    OF_BIG       = 1 << 4, /* T_INT holding a BigInt */
    OF_COLLECTING = 1 << 5, /* gc: in the generation being collected */
    OF_UNREACHABLE = 1 << 6, /* gc: tentatively unreachable */
    OF_FROZEN    = 1 << 7, /* gc.freeze()d: in the permanent generation */
};

typedef struct Obj {
    uint32_t rc;      /* ob_refcnt */
    uint8_t type;     /* ObjType */
    uint8_t flags;
    uint8_t gen;      /* scratch; the generation is gc_generation() */
    uint8_t sub;      /* per-type detail: iterator kind, array typecode, builtin group */
    uint32_t blk;     /* the modelled pymalloc block (alloc.h AllocRef), 0 for static objects */
    uint32_t serial;  /* allocation number: stable identity for the front end */
} Obj;

typedef struct GCObj {
    Obj ob;
    struct GCObj *gc_prev, *gc_next; /* generation list links */
    int32_t gc_refs;                 /* scratch during a collection */
    uint32_t blk2;                   /* the modelled block of a separately allocated
                                        part: list items, dict keys, set table, array
                                        data, instance values (alloc.h AllocRef) */
} GCObj;

typedef struct { Obj ob; union { int64_t v; struct BigInt *big; }; } IntObj;
typedef struct { Obj ob; double v; } FloatObj;
typedef struct {
    Obj ob;
    uint32_t len;      /* bytes of UTF-8 */
    uint32_t nchars;   /* code points */
    int64_t hash;      /* -1 until computed */
    uint8_t kind;      /* 1 ASCII, 2 latin-1, 3 UCS-2, 4 UCS-4 (for getsizeof) */
    uint8_t interned;  /* STR_INTERNED_*: which interned str it is (immortality, 3.12+) */
    char s[];          /* NUL-terminated */
} StrObj;
typedef struct TupleObj { GCObj gc; uint32_t n; Obj *items[]; } TupleObj;
typedef struct { GCObj gc; int64_t n, cap; Obj **items; } ListObj;   /* items' block: gc.blk2 */

typedef struct { Obj *key, *value; int64_t hash; } DictEntry;
typedef struct DictObj {
    GCObj gc;
    DictEntry *entries;  /* insertion order; deleted entries have key NULL */
    int32_t *index;      /* 1 << log2size slots: -1 empty, -2 dummy, else entry index */
    uint32_t nentries;   /* entries used (including deleted) */
    uint32_t used;       /* live items */
    uint32_t usable;     /* entries available in this table */
    uint8_t log2size;    /* 0: the shared empty table */
    uint8_t unicode;     /* all keys are str: 16-byte entries in CPython */
    uint32_t version;    /* bumped when entries move or keys come and go (lookup caches) */
} DictObj;

typedef struct { Obj *key; int64_t hash; } SetEntry;
typedef struct {
    GCObj gc;
    SetEntry *table;     /* mask+1 entries; key NULL = empty, &set_dummy = deleted */
    uint32_t mask, fill, used;
    uint32_t finger;
    SetEntry small[8];
} SetObj;

/* A class body's namespace in the tree-walker: a small ordered map. */
typedef struct { Sym key; Obj *value; } Attr;
typedef struct { Attr *items; uint32_t n, cap; } AttrMap;

/* A heap type (PyHeapTypeObject), with the objects CPython gives it: its
 * namespace dict (tp_dict, str keys), its __bases__ and __mro__ tuples (the
 * MRO holds the class itself: a class is always a cycle), and tp_base.
 * sim/typeobject.c builds it as type_new does. */
typedef struct ClassObj {
    GCObj gc;
    Sym name;
    struct ClassObj *base;  /* tp_base, a strong reference; NULL: object */
    struct DictObj *dict;   /* tp_dict, owned; NULL for the static builtin types */
    struct TupleObj *bases; /* tp_bases, owned (NULL: static) */
    struct TupleObj *mro;   /* tp_mro, owned; NULL once the collector cleared it */
    Sym *slots;             /* __slots__ names, or NULL */
    uint32_t nslots;        /* total, including inherited */
    uint8_t has_slots;
    uint8_t has_del;
    uint8_t managed_dict;   /* instances have a (managed) __dict__: 16 more bytes */
    uint8_t weaklist;       /* instances have a __weakref__ slot */
    uint8_t has_subclasses; /* tp_subclasses exists (its dict's blocks below) */
    uint32_t basicsize;     /* tp_basicsize of its instances */
    uint32_t keys_cached;   /* number of attribute names seen on instances (shared keys) */
    Sym *keys;              /* shared key order for instances' inline values */
    uint32_t keys_cap;
    /* the objects CPython keeps out of every traversal, modelled as blocks
     * only: the weakref (and its int key) in the base's tp_subclasses, and
     * this class's own tp_subclasses dict and its table */
    uint32_t subref_blk[2], subdict_blk[2];
} ClassObj;

/* getset_descriptor (sub 0: the __dict__ / __weakref__ a class adds) and
 * member_descriptor (sub 1: one per __slots__ name); d_type is a strong
 * reference to the class */
enum { DESCR_GETSET, DESCR_MEMBER };
typedef struct { GCObj gc; ClassObj *owner; Sym name; } DescrObj;

typedef struct {
    GCObj gc;
    ClassObj *cls;
    Obj **vals;        /* slots, or inline values indexed by the class's shared keys */
    uint32_t nvals;    /* allocated length of vals */
} InstanceObj;

typedef struct {
    GCObj gc;
    const Node *def;   /* S_DEF (or the comprehension node for a comprehension's function) */
    struct Code *code; /* the interpreter's compiled view of the body */
    TupleObj *defaults;/* or NULL */
    Sym name;
    Obj *globals;      /* the module's globals dict (func_globals) */
} FuncObj;

typedef struct { GCObj gc; Obj *func; Obj *self; } MethodObj;
typedef struct { GCObj gc; uint16_t id; Obj *self; } BuiltinObj;   /* builtin function or method */
typedef struct { GCObj gc; Sym name; } ModuleObj;
typedef struct { Obj ob; int64_t start, stop, step, len; } RangeObj;
typedef struct {
    GCObj gc;
    int64_t n, cap;
    void *data;
    uint8_t itemsize;
    char typecode;
} ArrayObj;

typedef enum {
    IT_LIST, IT_TUPLE, IT_RANGE, IT_STR, IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS,
    IT_SET, IT_ENUMERATE, IT_ZIP, IT_ARRAY, IT_REVERSED
} IterKind;
#define IT_KINDS (IT_REVERSED + 1)
typedef struct {
    GCObj gc;          /* range iterators are not GC objects; the header is unused then */
    Obj *seq;          /* what is iterated (or for zip: a tuple of iterators) */
    int64_t i, stop, step;
    Obj *extra;        /* enumerate: the inner iterator */
    /* IT_REVERSED: step is 1 when reversed() made it over a copy of a sequence
     * that is not a list (CPython's `reversed` object), 0 over a list */
} IterObj;

typedef enum { DV_KEYS, DV_VALUES, DV_ITEMS } DictViewKind;
typedef struct { GCObj gc; DictObj *dict; } DictViewObj;

/* sys.getsizeof of an int that fits in int64: 24 + 4 per 30-bit digit (at least one). */
static inline int64_t small_int_sizeof(int64_t v)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return u < ((uint64_t)1 << 30) ? 28 : u < ((uint64_t)1 << 60) ? 32 : 36;
}

/* Type names as type(x).__name__ gives them. */
const char *obj_type_name(const Obj *o);
/* CPython's names of an iterator kind (ascii: over an ASCII str) and of a dict view kind */
const char *iter_type_name(int kind, int ascii);
const char *dictview_type_name(int kind);
const char *type_kind_name(ObjType t);

/* StrObj.interned: a name (co_names, attribute and global keys: immortal
 * from 3.12) or a constant made only of name characters, which the compiler
 * interns (immortal in 3.12 only) */
enum { STR_NOT_INTERNED, STR_INTERNED_NAME, STR_INTERNED_CONST };

/* sys.getsizeof(o), 64-bit, in the profile's version (profile.h). */
int64_t obj_sizeof(const Obj *o);

/* PEP 683: does the profile's CPython make o immortal, and so what does
 * sys.getrefcount report for it (PY_IMMORTAL_REFCNT, or its count)? */
int obj_is_immortal(const Obj *o);
int64_t obj_refcount(const Obj *o);

/* Bytes CPython really allocates for the object itself (for the allocator model),
 * excluding separately allocated item arrays. */
size_t obj_alloc_size(const Obj *o);

/* Does CPython's _PyObject_GC_MAY_BE_TRACKED hold (used by dict/tuple untracking)? */
int obj_may_be_tracked(const Obj *o);

/* Visit each strong reference the object holds, in CPython's tp_traverse order. */
typedef void (*visit_fn)(Obj *child, void *arg);
void obj_traverse(Obj *o, visit_fn visit, void *arg);

/* Every strong reference the object holds (tp_traverse plus what it skips:
 * the str keys of a str-keyed dict).  Used by the heap checker and viewers. */
void obj_referents(Obj *o, visit_fn visit, void *arg);

/* List capacity growth (list_resize), dict and set sizing. */
int64_t list_grow_capacity(int64_t size, int64_t newsize); /* size: current length */
int64_t array_grow_capacity(int64_t cap, int64_t newsize);

/* Python's hash for the hashable kinds; returns 0 and sets *h, or -1 if unhashable. */
int obj_hash(const Obj *o, int64_t *h);
int64_t str_hash_bytes(const char *s, size_t n);

/* Equality as Python's == for hashable keys and containers (no user __eq__). */
int obj_equal(const Obj *a, const Obj *b);

#endif
