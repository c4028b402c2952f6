/* Object kinds: names, sys.getsizeof as CPython 3.11 (64-bit) computes it,
 * traversal in tp_traverse order, hashing and equality for dict/set keys. */
#include "object.h"

#include <math.h>
#include <string.h>

#include "bigint.h"
#include "profile.h"

static const char *const kind_names[T_COUNT] = {
    [T_FREE] = "<free>", [T_NONE] = "NoneType", [T_BOOL] = "bool", [T_INT] = "int",
    [T_FLOAT] = "float", [T_STR] = "str", [T_TUPLE] = "tuple", [T_LIST] = "list",
    [T_DICT] = "dict", [T_SET] = "set", [T_CLASS] = "type", [T_INSTANCE] = "object",
    [T_FUNCTION] = "function", [T_METHOD] = "method",
    [T_BUILTIN] = "builtin_function_or_method", [T_MODULE] = "module",
    [T_RANGE] = "range", [T_ARRAY] = "array", [T_ITER] = "iterator",
    [T_DICTVIEW] = "dict_view", [T_NOTIMPL] = "NotImplementedType",
    [T_DESCR] = "getset_descriptor",
};

const char *type_kind_name(ObjType t) { return t < T_COUNT ? kind_names[t] : "?"; }

static const char *const iter_names[] = {
    [IT_LIST] = "list_iterator", [IT_TUPLE] = "tuple_iterator", [IT_RANGE] = "range_iterator",
    [IT_STR] = "str_ascii_iterator", [IT_DICT_KEYS] = "dict_keyiterator",
    [IT_DICT_VALUES] = "dict_valueiterator", [IT_DICT_ITEMS] = "dict_itemiterator",
    [IT_SET] = "set_iterator", [IT_ENUMERATE] = "enumerate", [IT_ZIP] = "zip",
    [IT_ARRAY] = "arrayiterator", [IT_REVERSED] = "list_reverseiterator",
};

static const char *const view_names[] = {"dict_keys", "dict_values", "dict_items"};

const char *iter_type_name(int kind, int ascii)
{
    return kind == IT_STR && !ascii ? "str_iterator" : iter_names[kind];
}

const char *dictview_type_name(int kind) { return view_names[kind]; }

/* a str iterator over a str that is not ASCII is a str_iterator */
static int iter_over_ascii(const Obj *o)
{
    const IterObj *it = (const IterObj *)o;
    return o->sub != IT_STR || !it->seq || ((const StrObj *)it->seq)->kind == 1;
}

const char *obj_type_name(const Obj *o)
{
    switch (o->type) {
    case T_ITER:
        if (o->sub == IT_REVERSED && ((const IterObj *)o)->step) return "reversed";
        return iter_type_name(o->sub, iter_over_ascii(o));
    case T_DICTVIEW: return view_names[o->sub];
    case T_DESCR: return o->sub == DESCR_MEMBER ? "member_descriptor" : "getset_descriptor";
    default: return type_kind_name((ObjType)o->type);
    }
}

static int64_t int_sizeof(const IntObj *o)
{
    if (o->ob.flags & OF_BIG) return (int64_t)bi_sizeof(o->big);
    return small_int_sizeof(o->v);
}

static int64_t dict_keys_size(const DictObj *d)
{
    if (d->log2size == 0) return 0;
    int64_t size = (int64_t)1 << d->log2size;
    int64_t ix = d->log2size < 8 ? 1 : d->log2size < 16 ? 2 : d->log2size < 32 ? 4 : 8;
    int64_t usable = (size * 2) / 3;
    return 32 + size * ix + usable * (d->unicode ? 16 : 24);
}

int64_t obj_sizeof(const Obj *o)
{
    switch ((ObjType)o->type) {
    case T_NONE: return 16;
    case T_NOTIMPL: return 16;
    case T_BOOL: return 28;
    case T_INT: return int_sizeof((const IntObj *)o);
    case T_FLOAT: return 24;
    case T_STR: {
        const StrObj *s = (const StrObj *)o;
        int64_t compact = py_profile->str_compact_header;
        switch (s->kind) {
        case 1: return py_profile->str_ascii_header + 1 + s->nchars;
        case 2: /* 3.12+: a static latin-1 character carries its UTF-8 form */
            return compact + 1 + s->nchars +
                   (py_profile->latin1_utf8_cached && (o->flags & OF_STATIC) && s->nchars == 1 ? 3 : 0);
        case 3: return compact + 2 + 2 * (int64_t)s->nchars;
        default: return compact + 4 + 4 * (int64_t)s->nchars;
        }
    }
    case T_TUPLE: return 40 + 8 * (int64_t)((const TupleObj *)o)->n;
    case T_LIST: return 56 + 8 * ((const ListObj *)o)->cap;
    case T_DICT: return 64 + dict_keys_size((const DictObj *)o);
    case T_SET: {
        const SetObj *s = (const SetObj *)o;
        return 216 + (s->table != s->small ? 16 * ((int64_t)s->mask + 1) : 0);
    }
    case T_CLASS: return py_profile->class_size;
    case T_INSTANCE: {
        /* tp_basicsize, the GC header, and the two pre-header words when
         * the class gave its instances a managed __dict__ (or, from 3.12,
         * a managed __weakref__) */
        const ClassObj *c = ((const InstanceObj *)o)->cls;
        int pre = c->managed_dict || (py_profile->managed_weakref && c->weaklist);
        return (int64_t)c->basicsize + 16 + (pre ? 16 : 0);
    }
    case T_FUNCTION: return py_profile->function_size;
    case T_METHOD: return 48;
    case T_BUILTIN: return 72;
    case T_MODULE: return 72;
    case T_RANGE: return 48;
    case T_ARRAY: {
        const ArrayObj *a = (const ArrayObj *)o;
        return 80 + a->cap * a->itemsize;
    }
    case T_ITER:
        switch ((IterKind)o->sub) {
        case IT_DICT_KEYS: case IT_DICT_VALUES: case IT_DICT_ITEMS: return 72;
        case IT_SET: return 64;
        case IT_ENUMERATE: return 72;
        case IT_ZIP: return 64;
        case IT_RANGE: return py_profile->range_iter_size;
        default: return 48;
        }
    case T_DICTVIEW: return 40;
    case T_DESCR: return 64;
    case T_FREE: case T_COUNT: break;
    }
    return 0;
}

int obj_is_immortal(const Obj *o)
{
    if (!py_profile->immortal) return 0;
    if (o->flags & OF_STATIC)   /* not the modules and builtin functions, heap objects in CPython */
        return o->type != T_MODULE && o->type != T_BUILTIN;
    if (o->type == T_STR) {
        int in = ((const StrObj *)o)->interned;
        return in == STR_INTERNED_NAME || (in == STR_INTERNED_CONST && py_profile->interned_immortal);
    }
    return 0;
}

int64_t obj_refcount(const Obj *o)
{
    return obj_is_immortal(o) ? PY_IMMORTAL_REFCNT : (int64_t)o->rc;
}

size_t obj_alloc_size(const Obj *o)
{
    switch ((ObjType)o->type) {
    case T_LIST: return 56;
    case T_DICT: return 64;
    case T_SET: return 216;
    case T_ARRAY: return 80;
    case T_INSTANCE: return 48;
    default: return (size_t)obj_sizeof(o);
    }
}

int obj_may_be_tracked(const Obj *o)
{
    if (!(o->flags & OF_GC)) return 0;
    if (o->type == T_TUPLE) return (o->flags & OF_TRACKED) != 0;
    if (o->type == T_ITER && o->sub == IT_RANGE) return 0;
    if (o->type == T_CLASS && (o->flags & OF_STATIC)) return 0; /* type_is_gc: heap types only */
    return 1;
}

void obj_traverse(Obj *o, visit_fn visit, void *arg)
{
    switch ((ObjType)o->type) {
    case T_TUPLE: {
        TupleObj *t = (TupleObj *)o;
        for (int64_t i = (int64_t)t->n - 1; i >= 0; i--)
            if (t->items[i]) visit(t->items[i], arg);
        break;
    }
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        for (int64_t i = l->n - 1; i >= 0; i--) visit(l->items[i], arg);
        break;
    }
    case T_DICT: {
        DictObj *d = (DictObj *)o;
        for (uint32_t i = 0; i < d->nentries; i++) {
            DictEntry *e = &d->entries[i];
            if (!e->key) continue;
            visit(e->value, arg);
            if (!d->unicode) visit(e->key, arg);
        }
        break;
    }
    case T_SET: {
        SetObj *s = (SetObj *)o;
        for (uint32_t i = 0; i <= s->mask; i++) {
            Obj *k = s->table[i].key;
            if (k && k->type != T_FREE && s->table[i].hash != -1) visit(k, arg);
        }
        break;
    }
    case T_CLASS: { /* type_traverse */
        ClassObj *c = (ClassObj *)o;
        if (c->dict) visit(&c->dict->gc.ob, arg);
        if (c->mro) visit(&c->mro->gc.ob, arg);
        if (c->bases) visit(&c->bases->gc.ob, arg);
        if (c->base) visit(&c->base->gc.ob, arg);
        break;
    }
    case T_DESCR:
        visit(&((DescrObj *)o)->owner->gc.ob, arg);
        break;
    case T_INSTANCE: {
        InstanceObj *in = (InstanceObj *)o;
        for (uint32_t i = 0; i < in->nvals; i++)
            if (in->vals[i]) visit(in->vals[i], arg);
        visit(&in->cls->gc.ob, arg);
        break;
    }
    case T_FUNCTION: {
        FuncObj *f = (FuncObj *)o;
        if (f->globals) visit(f->globals, arg);
        if (f->defaults) visit(&f->defaults->gc.ob, arg);
                break;
    }
    case T_METHOD: {
        MethodObj *m = (MethodObj *)o;
        visit(m->func, arg);
        visit(m->self, arg);
        break;
    }
    case T_BUILTIN: {
        BuiltinObj *b = (BuiltinObj *)o;
        if (b->self) visit(b->self, arg);
        break;
    }
    case T_ITER: {
        IterObj *it = (IterObj *)o;
        if (it->seq) visit(it->seq, arg);
        if (it->extra) visit(it->extra, arg);
        break;
    }
    case T_DICTVIEW: {
        DictViewObj *v = (DictViewObj *)o;
        visit(&v->dict->gc.ob, arg);
        break;
    }
    default: break;
    }
}

void obj_referents(Obj *o, visit_fn visit, void *arg)
{
    if (o->type == T_DICT && ((DictObj *)o)->unicode) {
        DictObj *d = (DictObj *)o;
        for (uint32_t i = 0; i < d->nentries; i++) {
            if (!d->entries[i].key) continue;
            visit(d->entries[i].key, arg);
            visit(d->entries[i].value, arg);
        }
        return;
    }
    obj_traverse(o, visit, arg);
}

int64_t list_grow_capacity(int64_t size, int64_t newsize)
{
    /* list_resize: over-allocate proportionally; round down to a multiple of 4 */
    int64_t nc = (newsize + (newsize >> 3) + 6) & ~(int64_t)3;
    if (newsize - size > nc - newsize) nc = (newsize + 3) & ~(int64_t)3;
    if (newsize == 0) nc = 0;
    return nc;
}

int64_t array_grow_capacity(int64_t cap, int64_t newsize)
{
    (void)cap;
    return newsize + (newsize >> 4) + (cap < 8 ? 3 : 7);
}

/* ---- hashing (Python's numeric hash: modulus 2**61 - 1) ---- */

#define HASH_MOD (((int64_t)1 << 61) - 1)

static int64_t hash_int64(int64_t v)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int64_t h = (int64_t)(u % (uint64_t)HASH_MOD);
    if (v < 0) h = -h;
    return h == -1 ? -2 : h;
}

static int64_t hash_double(double v)
{
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & (uint64_t)HASH_MOD) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= (uint64_t)HASH_MOD) x -= (uint64_t)HASH_MOD;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & (uint64_t)HASH_MOD) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

int64_t str_hash_bytes(const char *s, size_t n)
{
    /* FNV-1a: CPython randomises str hashes, so no particular value is owed */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    int64_t r = (int64_t)(h >> 1);
    return r == -1 ? -2 : r;
}

/* hash() and == of nested tuples recurse in C (CPython's tuplehash does not
 * guard it and overflows its stack first). Past this depth the value is
 * treated as unhashable / unequal instead of overflowing the interpreter
 * thread's stack. */
#define OBJ_NEST_LIMIT 1000000
static _Thread_local int obj_nest;

static int64_t tuple_hash(const TupleObj *t, int *ok)
{
    /* xxHash-based tuplehash of 3.8+ */
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                   P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (uint32_t i = 0; i < t->n; i++) {
        int64_t lane;
        if (obj_hash(t->items[i], &lane) < 0) {
            *ok = 0;
            return 0;
        }
        acc += (uint64_t)lane * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)t->n ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

int obj_hash(const Obj *o, int64_t *h)
{
    switch ((ObjType)o->type) {
    case T_INT: {
        const IntObj *i = (const IntObj *)o;
        *h = (o->flags & OF_BIG) ? (int64_t)bi_hash(i->big) : hash_int64(i->v);
        return 0;
    }
    case T_BOOL: *h = ((const IntObj *)o)->v; return 0;
    case T_FLOAT: {
        double v = ((const FloatObj *)o)->v;
        if (v == floor(v) && fabs(v) < 9.2e18) *h = hash_int64((int64_t)v);
        else *h = hash_double(v);
        return 0;
    }
    case T_STR: {
        StrObj *s = (StrObj *)o;
        if (s->hash == -1) s->hash = str_hash_bytes(s->s, s->len);
        *h = s->hash;
        return 0;
    }
    case T_TUPLE: {
        int ok = 1;
        if (obj_nest >= OBJ_NEST_LIMIT) return -1;
        obj_nest++;
        *h = tuple_hash((const TupleObj *)o, &ok);
        obj_nest--;
        return ok ? 0 : -1;
    }
    case T_LIST: case T_DICT: case T_SET: case T_ARRAY: case T_DICTVIEW:
        return -1;
    default:
        /* identity hash: address >> 4 rotated, as object.__hash__ */
        *h = (int64_t)((uintptr_t)o >> 4);
        return 0;
    }
}

static int num_value(const Obj *o, double *d, int64_t *i, int *is_int)
{
    if (o->type == T_INT || o->type == T_BOOL) {
        if (o->flags & OF_BIG) return 0;
        *i = ((const IntObj *)o)->v;
        *is_int = 1;
        return 1;
    }
    if (o->type == T_FLOAT) {
        *d = ((const FloatObj *)o)->v;
        *is_int = 0;
        return 1;
    }
    return 0;
}

int obj_equal(const Obj *a, const Obj *b)
{
    if (a == b) return 1; /* identity implies equality for containers, as in dict lookups */
    double da = 0, db = 0;
    int64_t ia = 0, ib = 0;
    int ka, kb;
    if (num_value(a, &da, &ia, &ka) && num_value(b, &db, &ib, &kb)) {
        if (ka && kb) return ia == ib;
        if (ka) da = (double)ia;
        if (kb) db = (double)ib;
        return da == db;
    }
    if (a->type == T_INT && b->type == T_INT) {
        if ((a->flags & OF_BIG) && (b->flags & OF_BIG))
            return bi_cmp(((const IntObj *)a)->big, ((const IntObj *)b)->big) == 0;
        return 0;
    }
    if (a->type != b->type) return 0;
    if ((a->type == T_TUPLE || a->type == T_LIST) && obj_nest >= OBJ_NEST_LIMIT) return 0;
    switch ((ObjType)a->type) {
    case T_STR: {
        const StrObj *x = (const StrObj *)a, *y = (const StrObj *)b;
        return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
    }
    case T_TUPLE: {
        const TupleObj *x = (const TupleObj *)a, *y = (const TupleObj *)b;
        if (x->n != y->n) return 0;
        obj_nest++;
        uint32_t i = 0;
        while (i < x->n && obj_equal(x->items[i], y->items[i])) i++;
        obj_nest--;
        return i == x->n;
    }
    case T_LIST: {
        const ListObj *x = (const ListObj *)a, *y = (const ListObj *)b;
        if (x->n != y->n) return 0;
        obj_nest++;
        int64_t i = 0;
        while (i < x->n && obj_equal(x->items[i], y->items[i])) i++;
        obj_nest--;
        return i == x->n;
    }
    case T_RANGE: {
        const RangeObj *x = (const RangeObj *)a, *y = (const RangeObj *)b;
        if (x->len != y->len) return 0;
        if (x->len == 0) return 1;
        if (x->start != y->start) return 0;
        return x->len == 1 || x->step == y->step;
    }
    default: return 0;
    }
}
