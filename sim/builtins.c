/* The builtins of the subset: functions (print, len, ...), the constructors
 * of the builtin types, the methods of list/dict/set/str/array, and the gc,
 * sys and array modules.  One table names them all. */
#include "interp_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "profile.h"

/* name, group, receiver type (0 = none) */
#define BUILTINS(X) \
    X(PRINT, "print", BG_FUNC, 0) X(LEN, "len", BG_FUNC, 0) X(ID, "id", BG_FUNC, 0) \
    X(ISINSTANCE, "isinstance", BG_FUNC, 0) X(MIN, "min", BG_FUNC, 0) X(MAX, "max", BG_FUNC, 0) \
    X(SUM, "sum", BG_FUNC, 0) X(SORTED, "sorted", BG_FUNC, 0) X(ABS, "abs", BG_FUNC, 0) \
    X(REPR, "repr", BG_FUNC, 0) X(HASH, "hash", BG_FUNC, 0) X(ITER, "iter", BG_FUNC, 0) \
    X(NEXT, "next", BG_FUNC, 0) X(REVERSED, "reversed", BG_FUNC, 0) X(ANY, "any", BG_FUNC, 0) \
    X(ALL, "all", BG_FUNC, 0) X(ROUND, "round", BG_FUNC, 0) X(CHR, "chr", BG_FUNC, 0) X(ORD, "ord", BG_FUNC, 0) \
    X(L_APPEND, "append", BG_METHOD, T_LIST) X(L_EXTEND, "extend", BG_METHOD, T_LIST) \
    X(L_INSERT, "insert", BG_METHOD, T_LIST) X(L_POP, "pop", BG_METHOD, T_LIST) \
    X(L_REMOVE, "remove", BG_METHOD, T_LIST) X(L_CLEAR, "clear", BG_METHOD, T_LIST) \
    X(L_COPY, "copy", BG_METHOD, T_LIST) X(L_INDEX, "index", BG_METHOD, T_LIST) \
    X(L_COUNT, "count", BG_METHOD, T_LIST) X(L_SORT, "sort", BG_METHOD, T_LIST) \
    X(L_REVERSE, "reverse", BG_METHOD, T_LIST) \
    X(D_GET, "get", BG_METHOD, T_DICT) X(D_KEYS, "keys", BG_METHOD, T_DICT) \
    X(D_VALUES, "values", BG_METHOD, T_DICT) X(D_ITEMS, "items", BG_METHOD, T_DICT) \
    X(D_UPDATE, "update", BG_METHOD, T_DICT) X(D_SETDEFAULT, "setdefault", BG_METHOD, T_DICT) \
    X(D_POP, "pop", BG_METHOD, T_DICT) X(D_CLEAR, "clear", BG_METHOD, T_DICT) X(D_COPY, "copy", BG_METHOD, T_DICT) \
    X(S_ADD, "add", BG_METHOD, T_SET) X(S_DISCARD, "discard", BG_METHOD, T_SET) \
    X(S_REMOVE, "remove", BG_METHOD, T_SET) X(S_CLEAR, "clear", BG_METHOD, T_SET) \
    X(S_COPY, "copy", BG_METHOD, T_SET) X(S_UPDATE, "update", BG_METHOD, T_SET) X(S_POP, "pop", BG_METHOD, T_SET) \
    X(T_INDEX_, "index", BG_METHOD, T_TUPLE) X(T_COUNT_, "count", BG_METHOD, T_TUPLE) \
    X(STR_JOIN, "join", BG_METHOD, T_STR) X(STR_UPPER, "upper", BG_METHOD, T_STR) \
    X(STR_LOWER, "lower", BG_METHOD, T_STR) X(STR_SPLIT, "split", BG_METHOD, T_STR) \
    X(STR_STRIP, "strip", BG_METHOD, T_STR) X(STR_REPLACE, "replace", BG_METHOD, T_STR) \
    X(STR_STARTSWITH, "startswith", BG_METHOD, T_STR) X(STR_ENDSWITH, "endswith", BG_METHOD, T_STR) \
    X(A_APPEND, "append", BG_METHOD, T_ARRAY) X(A_EXTEND, "extend", BG_METHOD, T_ARRAY) \
    X(A_TOLIST, "tolist", BG_METHOD, T_ARRAY) \
    X(GC_COLLECT, "collect", BG_GC, 0) X(GC_ENABLE, "enable", BG_GC, 0) X(GC_DISABLE, "disable", BG_GC, 0) \
    X(GC_ISENABLED, "isenabled", BG_GC, 0) X(GC_GET_COUNT, "get_count", BG_GC, 0) \
    X(GC_GET_THRESHOLD, "get_threshold", BG_GC, 0) X(GC_SET_THRESHOLD, "set_threshold", BG_GC, 0) \
    X(GC_IS_TRACKED, "is_tracked", BG_GC, 0) X(GC_GET_STATS, "get_stats", BG_GC, 0) \
    X(GC_GET_REFERRERS, "get_referrers", BG_GC, 0) X(GC_GET_REFERENTS, "get_referents", BG_GC, 0) \
    X(GC_FREEZE, "freeze", BG_GC, 0) X(GC_UNFREEZE, "unfreeze", BG_GC, 0) \
    X(GC_GET_FREEZE_COUNT, "get_freeze_count", BG_GC, 0) X(GC_SET_DEBUG, "set_debug", BG_GC, 0) \
    X(GC_GET_DEBUG, "get_debug", BG_GC, 0) X(GC_GET_OBJECTS, "get_objects", BG_GC, 0) \
    X(SYS_GETREFCOUNT, "getrefcount", BG_SYS, 0) X(SYS_GETSIZEOF, "getsizeof", BG_SYS, 0) \
    X(SYS_GETRECURSIONLIMIT, "getrecursionlimit", BG_SYS, 0) \
    X(SYS_SETRECURSIONLIMIT, "setrecursionlimit", BG_SYS, 0) \
    X(ARRAY_ARRAY, "array", BG_ARRAY, 0) \
    X(OBJECT_INIT, "__init__", BG_HIDDEN, 0)

enum {
#define X(id, name, group, recv) B_##id,
    BUILTINS(X)
#undef X
    B_COUNT
};

static const struct { const char *name; uint8_t group; uint8_t recv; } btab[] = {
#define X(id, name, group, recv) {name, group, recv},
    BUILTINS(X)
#undef X
};

const char *builtin_name(int id);
const char *builtin_name(int id) { return id >= 0 && id < B_COUNT ? btab[id].name : "?"; }

static const char *sym(Interp *in, Sym s) { return module_symname(in->mod, s); }

static const char *tn(Interp *in, Obj *o)
{
    if (o->type == T_INSTANCE) return sym(in, ((InstanceObj *)o)->cls->name);
    return obj_type_name(o);
}

int builtins_init(Interp *in)
{
    in->nbuiltins = B_COUNT;
    in->builtins = xcalloc(B_COUNT, sizeof(Obj *));
    /* The builtin functions exist before the program starts (in CPython they
     * live in the builtins module): static objects, never freed. */
    static BuiltinObj statics[B_COUNT];
    (void)statics;
    for (int i = 0; i < B_COUNT; i++) {
        if (btab[i].group == BG_METHOD) continue;
        BuiltinObj *b = xcalloc(1, sizeof(BuiltinObj));
        b->gc.ob.type = T_BUILTIN;
        b->gc.ob.flags = OF_STATIC | OF_GC;
        b->gc.ob.rc = 1u << 30;
        b->gc.ob.sub = btab[i].group;
        b->id = (uint16_t)i;
        in->builtins[i] = &b->gc.ob;
    }
    return 0;
}

void builtins_free(Interp *in)
{
    for (int i = 0; i < in->nbuiltins; i++) free(in->builtins[i]);
}

Obj *builtin_object_init(Interp *in) { return in->builtins[B_OBJECT_INIT]; }

Obj *builtin_lookup(Interp *in, Sym name)
{
    const char *n = sym(in, name);
    static const struct { const char *n; ObjType t; } types[] = {
        {"int", T_INT}, {"float", T_FLOAT}, {"str", T_STR}, {"list", T_LIST}, {"dict", T_DICT},
        {"tuple", T_TUPLE}, {"set", T_SET}, {"bool", T_BOOL}, {"range", T_RANGE}, {"type", T_CLASS},
        {"object", T_INSTANCE},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(n, types[i].n)) return in->types[types[i].t];
    if (!strcmp(n, "enumerate")) return in->types[TY_ITER + IT_ENUMERATE];
    if (!strcmp(n, "zip")) return in->types[TY_ITER + IT_ZIP];
    if (!strcmp(n, "reversed")) return in->types[TY_REVERSED];
    for (int i = 0; i < B_COUNT; i++)
        if (btab[i].group == BG_FUNC && !strcmp(btab[i].name, n)) return in->builtins[i];
    return NULL;
}

int builtin_method_id(Interp *in, Obj *self, Sym name)
{
    if (name >= in->method_cache_syms) {
        uint32_t n = in->mod->nsyms > name + 1 ? in->mod->nsyms : name + 1;
        in->method_cache = xrealloc(in->method_cache, (size_t)n * T_COUNT * sizeof(int16_t));
        memset(in->method_cache + (size_t)in->method_cache_syms * T_COUNT, 0,
               (size_t)(n - in->method_cache_syms) * T_COUNT * sizeof(int16_t));
        in->method_cache_syms = n;
    }
    int16_t *slot = &in->method_cache[(size_t)name * T_COUNT + self->type];
    if (*slot) return *slot - 2;
    const char *n = sym(in, name);
    int found = -1;
    for (int i = 0; i < B_COUNT; i++)
        if (btab[i].group == BG_METHOD && btab[i].recv == self->type && !strcmp(btab[i].name, n)) {
            found = i;
            break;
        }
    *slot = (int16_t)(found + 2);
    return found;
}

int builtin_method(Interp *in, Obj *self, Sym name, Obj **result)
{
    int id = builtin_method_id(in, self, name);
    if (id < 0) return 0;
    *result = new_builtin(in->h, (uint16_t)id, self, BG_METHOD);
    if (!*result) return exc_nomem(in);
    return 1;
}

int module_getattr(Interp *in, Obj *mod, Sym name, Obj **result)
{
    Heap *h = in->h;
    const char *n = sym(in, name);
    int group = mod == in->mod_gc ? BG_GC : mod == in->mod_sys ? BG_SYS : BG_ARRAY;
    if (group == BG_ARRAY && (!strcmp(n, "ArrayType") || !strcmp(n, "array"))) {
        *result = incref(h, in->types[T_ARRAY]);   /* the class array.array */
        return 0;
    }
    for (int i = 0; i < B_COUNT; i++)
        if (btab[i].group == group && !strcmp(btab[i].name, n)) {
            *result = incref(h, in->builtins[i]);
            return 0;
        }
    if (group == BG_GC && !strcmp(n, "garbage")) {
        if (!h->garbage) h->garbage = new_list(h, 0);
        if (!h->garbage) return exc_nomem(in);
        *result = incref(h, h->garbage);
        return 0;
    }
    if (group == BG_GC && !strcmp(n, "DEBUG_SAVEALL")) { *result = make_int(in, GC_DEBUG_SAVEALL); return *result ? 0 : -1; }
    if (group == BG_GC && !strcmp(n, "DEBUG_STATS")) { *result = make_int(in, 1); return *result ? 0 : -1; }
    if (group == BG_GC && !strcmp(n, "DEBUG_COLLECTABLE")) { *result = make_int(in, 2); return *result ? 0 : -1; }
    if (group == BG_GC && !strcmp(n, "DEBUG_UNCOLLECTABLE")) { *result = make_int(in, 4); return *result ? 0 : -1; }
    if (group == BG_GC && !strcmp(n, "DEBUG_LEAK")) { *result = make_int(in, 38); return *result ? 0 : -1; }
    if (group == BG_SYS && !strcmp(n, "maxsize")) { *result = make_int(in, INT64_MAX); return *result ? 0 : -1; }
    return exc_set(in, X_ATTRIBUTE, "module '%s' has no attribute '%s'", sym(in, ((ModuleObj *)mod)->name), n);
}

/* ---------------------------------------------------------------- helpers */

static int nargs_exact(Interp *in, const char *name, int nargs, int want)
{
    if (nargs == want) return 0;
    if (want == 0) return exc_set(in, X_TYPE, "%s() takes no arguments (%d given)", name, nargs);
    if (want == 1) return exc_set(in, X_TYPE, "%s() takes exactly one argument (%d given)", name, nargs);
    return exc_set(in, X_TYPE, "%s expected %d arguments, got %d", name, want, nargs);
}

static int nargs_range(Interp *in, const char *name, int nargs, int lo, int hi)
{
    if (nargs >= lo && nargs <= hi) return 0;
    if (nargs < lo) return exc_set(in, X_TYPE, "%s expected at least %d argument%s, got %d", name, lo, lo == 1 ? "" : "s", nargs);
    return exc_set(in, X_TYPE, "%s expected at most %d argument%s, got %d", name, hi, hi == 1 ? "" : "s", nargs);
}

static Obj *new_tuple_of(Interp *in, int n, Obj **items) /* steals items */
{
    Obj *t = new_tuple(in->h, (uint32_t)n);
    if (!t) {
        for (int i = 0; i < n; i++) decref(in->h, items[i]);
        exc_nomem(in);
        return NULL;
    }
    for (int i = 0; i < n; i++) ((TupleObj *)t)->items[i] = items[i];
    return t;
}

static int known_length(Obj *o, int64_t *n)
{
    switch ((ObjType)o->type) {
    case T_STR: *n = ((StrObj *)o)->nchars; return 1;
    case T_TUPLE: *n = ((TupleObj *)o)->n; return 1;
    case T_LIST: *n = ((ListObj *)o)->n; return 1;
    case T_DICT: *n = ((DictObj *)o)->used; return 1;
    case T_SET: *n = ((SetObj *)o)->used; return 1;
    case T_RANGE: *n = ((RangeObj *)o)->len; return 1;
    case T_ARRAY: *n = ((ArrayObj *)o)->n; return 1;
    case T_DICTVIEW: *n = ((DictViewObj *)o)->dict->used; return 1;
    default: return 0;
    }
}

static int64_t length_hint(Obj *o)
{
    int64_t n;
    if (known_length(o, &n)) return n;
    if (o->type == T_ITER) {
        IterObj *it = (IterObj *)o;
        switch ((IterKind)o->sub) {
        case IT_RANGE: return it->stop;
        case IT_LIST: return it->seq ? ((ListObj *)it->seq)->n - it->i : 0;
        case IT_TUPLE: return it->seq ? (int64_t)((TupleObj *)it->seq)->n - it->i : 0;
        default: break;
        }
    }
    return 8;
}

/* list.extend / list += : CPython's list_extend, including its sizing. */
int list_extend_iter(Interp *in, ListObj *l, Obj *v)
{
    Heap *h = in->h;
    if (v->type == T_LIST || v->type == T_TUPLE) {
        int64_t n = v->type == T_LIST ? ((ListObj *)v)->n : ((TupleObj *)v)->n;
        if (n == 0) return 0;
        int64_t m = l->n;
        if (!l->items) {
            if (list_reserve_exact(h, l, (n + 1) & ~(int64_t)1) < 0) return exc_nomem(in);
            l->n = n;
        } else if (list_resize(h, l, m + n) < 0) return exc_nomem(in);
        Obj **src = v->type == T_LIST ? ((ListObj *)v)->items : ((TupleObj *)v)->items;
        for (int64_t i = 0; i < n; i++) l->items[m + i] = incref(h, src[i]);
        return 0;
    }
    Obj *it = get_iter(in, v);
    if (!it) return -1;
    int64_t hint = length_hint(v->type == T_ITER ? it : v);
    int64_t m = l->n;
    if (hint > 0 && !l->items) {
        if (list_reserve_exact(h, l, (hint + 1) & ~(int64_t)1) < 0) {
            decref(h, it);
            return exc_nomem(in);
        }
    } else if (hint > 0) {
        if (list_resize(h, l, m + hint) < 0) {
            decref(h, it);
            return exc_nomem(in);
        }
        l->n = m;
    }
    for (;;) {
        Obj *x;
        int r = iter_step(in, it, &x);
        if (r < 0) {
            decref(h, it);
            return -1;
        }
        if (r == 0) break;
        if (list_append(h, l, x) < 0) {
            decref(h, it);
            return exc_nomem(in);
        }
    }
    decref(h, it);
    if (l->n < l->cap && list_resize(h, l, l->n) < 0) return exc_nomem(in);
    return 0;
}

static Obj *list_fill(Interp *in, Obj *l, Obj *v);

static Obj *list_from(Interp *in, Obj *v)
{
    Obj *l = new_list(in->h, 0);
    return list_fill(in, l, v);
}

static Obj *list_fill(Interp *in, Obj *l, Obj *v)
{
    if (!l) {
        exc_nomem(in);
        return NULL;
    }
    int64_t n;
    int over = py_profile->list_extend_rounds && (v->type == T_DICT || v->type == T_DICTVIEW || v->type == T_SET);
    if (known_length(v, &n) && n > 0 &&
        list_reserve_exact(in->h, (ListObj *)l, over ? list_grow_capacity(0, n) : (n + 1) & ~(int64_t)1) < 0) {
        decref(in->h, l);
        exc_nomem(in);
        return NULL;
    }
    if (list_extend_iter(in, (ListObj *)l, v) < 0) {
        decref(in->h, l);
        return NULL;
    }
    return l;
}

/* stable merge sort; returns -1 if a comparison raised */
static int sort_items(Interp *in, Obj **a, int64_t n, Obj **keys, int reverse)
{
    if (n < 2) return 0;
    Obj **k = keys ? keys : a;
    int64_t *idx = xmalloc(sizeof(int64_t) * (size_t)n), *tmp = xmalloc(sizeof(int64_t) * (size_t)n);
    for (int64_t i = 0; i < n; i++) idx[i] = i;
    int err = 0;
    for (int64_t width = 1; width < n && !err; width *= 2) {
        for (int64_t lo = 0; lo < n && !err; lo += 2 * width) {
            int64_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            int64_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi) {
                int lt;
                /* take from the right only if strictly less (stability) */
                if (reverse) {
                    if (compare(in, k[idx[i]], k[idx[j]], CMP_LT, &lt) < 0) { err = 1; break; }
                } else {
                    if (compare(in, k[idx[j]], k[idx[i]], CMP_LT, &lt) < 0) { err = 1; break; }
                }
                if (lt) tmp[o++] = idx[j++];
                else tmp[o++] = idx[i++];
            }
            if (err) break;
            while (i < mid) tmp[o++] = idx[i++];
            while (j < hi) tmp[o++] = idx[j++];
            memcpy(idx + lo, tmp + lo, sizeof(int64_t) * (size_t)(hi - lo));
        }
    }
    if (!err) {
        Obj **copy = xmalloc(sizeof(Obj *) * (size_t)n);
        for (int64_t i = 0; i < n; i++) copy[i] = a[idx[i]];
        memcpy(a, copy, sizeof(Obj *) * (size_t)n);
        free(copy);
    }
    free(idx);
    free(tmp);
    return err ? -1 : 0;
}

static int kw_find(Interp *in, Sym *kwnames, int nkw, const char *name)
{
    for (int i = 0; i < nkw; i++)
        if (!strcmp(sym(in, kwnames[i]), name)) return i;
    return -1;
}

static int check_kw(Interp *in, const char *fname, Sym *kwnames, int nkw, const char *const *allowed)
{
    for (int i = 0; i < nkw; i++) {
        int ok = 0;
        for (int j = 0; allowed && allowed[j]; j++)
            if (!strcmp(sym(in, kwnames[i]), allowed[j])) ok = 1;
        if (!ok) {
            if (!allowed) return exc_set(in, X_TYPE, "%s() takes no keyword arguments", fname);
            return exc_set(in, X_TYPE, "'%s' is an invalid keyword argument for %s()", sym(in, kwnames[i]), fname);
        }
    }
    return 0;
}

static int parse_int_str(Interp *in, StrObj *s, Obj **res)
{
    const char *p = s->s, *e = s->s + s->len;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')) p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == '\f' || e[-1] == '\v')) e--;
    int ok = p < e;
    const char *q = p;
    if (q < e && (*q == '+' || *q == '-')) q++;
    if (q >= e || *q == '_') ok = 0;
    for (const char *c = q; c < e && ok; c++) {
        if (*c == '_') {
            if (c + 1 >= e || c[1] == '_' || !(c[1] >= '0' && c[1] <= '9')) ok = 0;
        } else if (!(*c >= '0' && *c <= '9')) ok = 0;
    }
    int why = BI_OK;
    BigInt *b = ok ? bi_from_str_ex(p, (size_t)(e - p), 10, 4300, &why) : NULL;
    if (!b && why == BI_ERR_TOO_MANY_DIGITS) {
        size_t digits = 0;
        for (const char *c = p; c < e; c++) digits += *c >= '0' && *c <= '9';
        return exc_set(in, X_VALUE, "Exceeds the limit (4300 digits) for integer string conversion: value has %zu digits; "
                                    "use sys.set_int_max_str_digits() to increase the limit", digits);
    }
    if (!b) {
        StrBuf r = {0};
        obj_repr(in, &s->ob, &r);
        exc_set(in, X_VALUE, "invalid literal for int() with base 10: %s", r.s);
        sb_free(&r);
        return -1;
    }
    *res = new_bigint(in->h, b);
    return *res ? 0 : exc_nomem(in);
}

static int minmax(Interp *in, int ismax, Obj **args, int nargs, Obj **res)
{
    Heap *h = in->h;
    const char *fname = ismax ? "max" : "min";
    if (nargs == 0) return exc_set(in, X_TYPE, "%s expected at least 1 argument, got 0", fname);
    Obj *best = NULL;
    if (nargs == 1) {
        Obj *it = get_iter(in, args[0]);
        if (!it) return -1;
        for (;;) {
            Obj *x;
            int r = iter_step(in, it, &x);
            if (r < 0) { decref(h, it); if (best) decref(h, best); return -1; }
            if (r == 0) break;
            if (!best) { best = x; continue; }
            int better;
            if (compare(in, x, best, ismax ? CMP_GT : CMP_LT, &better) < 0) {
                decref(h, x); decref(h, best); decref(h, it);
                return -1;
            }
            if (better) { decref(h, best); best = x; }
            else decref(h, x);
        }
        decref(h, it);
        if (!best) return exc_set(in, X_VALUE, "%s() arg is an empty sequence", fname);
        *res = best;
        return 0;
    }
    best = args[0];
    for (int i = 1; i < nargs; i++) {
        int better;
        if (compare(in, args[i], best, ismax ? CMP_GT : CMP_LT, &better) < 0) return -1;
        if (better) best = args[i];
    }
    *res = incref(h, best);
    return 0;
}

static int is_instance_of(Interp *in, Obj *o, Obj *cls)
{
    if (cls->type != T_CLASS) return -1;
    if (cls->flags & OF_STATIC) {
        int k = (int)((ClassObj *)cls)->keys_cached;
        if (k >= T_COUNT) return type_of(in, o) == cls;   /* an iterator or view kind */
        if (k == T_INSTANCE) return 1; /* object */
        if (o->type == (uint8_t)k) return 1;
        if (k == T_INT && o->type == T_BOOL) return 1;
        return 0;
    }
    if (o->type != T_INSTANCE) return 0;
    for (ClassObj *c = ((InstanceObj *)o)->cls; c; c = c->base)
        if (&c->gc.ob == cls) return 1;
    (void)in;
    return 0;
}

/* ---------------------------------------------------------------- constructors */

/* round(x, nd) for a float, correctly rounded as CPython's double_round
 * (dtoa): printf's conversions are correctly rounded too, half to even on
 * the exact binary value.  nd > 323: x itself; nd < -308: a signed zero. */
static double round_double(double x, int64_t nd)
{
    if (!isfinite(x) || x == 0 || nd > 323) return x;
    if (nd < -308) return copysign(0.0, x);
    char buf[1024];
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return strtod(buf, NULL);
    }
    /* to a multiple of 10**-nd: keep exp + nd + 1 significant digits */
    snprintf(buf, sizeof buf, "%.20e", x);
    long exp10 = strtol(strchr(buf, 'e') + 1, NULL, 10);
    long sig = exp10 + (long)nd + 1;
    if (sig <= 0) {
        /* below the first kept digit: 0, or one unit of 10**-nd past half */
        double unit = pow(10.0, (double)-nd);
        double half = unit / 2;
        return fabs(x) > half ? copysign(unit, x) : copysign(0.0, x);
    }
    snprintf(buf, sizeof buf, "%.*e", (int)(sig - 1), x);
    return strtod(buf, NULL);
}

/* round(n, nd) for an int: n itself for nd >= 0, else to a multiple of
 * 10**-nd, half to even (int.__round__). */
static int round_int(Interp *in, Obj *a, int64_t nd, Obj **res)
{
    Heap *h = in->h;
    IntObj *io = (IntObj *)a;
    if (nd >= 0) {
        *res = a->type == T_BOOL ? new_int(h, io->v) : incref(h, a);
        return *res ? 0 : exc_nomem(in);
    }
    BigInt *n = (a->flags & OF_BIG) ? bi_copy(io->big) : bi_from_i64(io->v);
    /* |n| < 10**-nd / 2 when it has fewer bits than 10**-nd: 0 */
    if ((double)bi_bit_length(n) + 1 < (double)-nd * 3.3219280948873622) {
        bi_free(n);
        *res = new_int(h, 0);
        return 0;
    }
    BigInt *ten = bi_from_i64(10), *p = bi_pow(ten, (uint64_t)-nd, 0), *q = NULL, *r = NULL;
    bi_free(ten);
    if (!p) {
        bi_free(n);
        return exc_nomem(in);
    }
    bi_divmod(n, p, &q, &r);
    BigInt *r2 = bi_add(r, r), *one = bi_from_i64(1), *odd = bi_and(q, one);
    int c = bi_cmp(r2, p);
    if (c > 0 || (c == 0 && !bi_is_zero(odd))) {
        BigInt *q1 = bi_add(q, one);
        bi_free(q);
        q = q1;
    }
    BigInt *m = bi_mul(q, p);
    bi_free(n); bi_free(p); bi_free(q); bi_free(r); bi_free(r2); bi_free(one); bi_free(odd);
    *res = new_bigint(h, m);
    return *res ? 0 : exc_nomem(in);
}

static int builtin_call_inner(Interp *in, Obj *callable, Obj **args, int nargs, Sym *kwnames, Obj **kwvals, int nkw,
                              Obj **res);
static int make_array(Interp *in, Obj **args, int nargs, Obj **res);

static int construct(Interp *in, int k, Obj **args, int nargs, Obj **res)
{
    Heap *h = in->h;
    switch (k) {
    case T_INT:
        if (nargs == 0) { *res = new_int(h, 0); return 0; }
        if (nargs_range(in, "int", nargs, 0, 1) < 0) return -1;
        if (args[0]->type == T_INT) { *res = incref(h, args[0]); return 0; }
        if (args[0]->type == T_BOOL) { *res = new_int(h, ((IntObj *)args[0])->v); return 0; }
        if (args[0]->type == T_FLOAT) {
            double d = ((FloatObj *)args[0])->v;
            if (isnan(d)) return exc_set(in, X_VALUE, "cannot convert float NaN to integer");
            if (isinf(d)) return exc_set(in, X_OVERFLOW, "cannot convert float infinity to integer");
            if (fabs(d) < 9e18) { *res = make_int(in, (int64_t)d); return *res ? 0 : -1; }
            *res = new_bigint(h, bi_from_double(d));
            return *res ? 0 : exc_nomem(in);
        }
        if (args[0]->type == T_STR) return parse_int_str(in, (StrObj *)args[0], res);
        return exc_set(in, X_TYPE, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                       tn(in, args[0]));
    case T_FLOAT: {
        if (nargs == 0) { *res = new_float(h, 0.0); return *res ? 0 : exc_nomem(in); }
        if (nargs_range(in, "float", nargs, 0, 1) < 0) return -1;
        Obj *a = args[0];
        double d;
        if (a->type == T_FLOAT) { *res = incref(h, a); return 0; }
        if (a->type == T_INT || a->type == T_BOOL) {
            if (a->flags & OF_BIG) {
                int ovf = 0;
                d = bi_to_double(((IntObj *)a)->big, &ovf);
                if (ovf) return exc_set(in, X_OVERFLOW, "int too large to convert to float");
            } else d = (double)((IntObj *)a)->v;
        } else if (a->type == T_STR) {
            StrObj *s = (StrObj *)a;
            char *end;
            d = strtod(s->s, &end);
            while (*end == ' ' || *end == '\n' || *end == '\t') end++;
            if (end == s->s || *end) {
                StrBuf r = {0};
                obj_repr(in, a, &r);
                exc_set(in, X_VALUE, "could not convert string to float: %s", r.s);
                sb_free(&r);
                return -1;
            }
        } else return exc_set(in, X_TYPE, "float() argument must be a string or a real number, not '%s'", tn(in, a));
        *res = new_float(h, d);
        return *res ? 0 : exc_nomem(in);
    }
    case T_BOOL:
        if (nargs_range(in, "bool", nargs, 0, 1) < 0) return -1;
        *res = bool_obj(h, nargs ? obj_truth(in, args[0]) : 0);
        return 0;
    case T_STR: {
        if (nargs == 0) { *res = new_str(h, "", 0); return 0; }
        if (nargs_range(in, "str", nargs, 0, 1) < 0) return -1;
        if (args[0]->type == T_STR) { *res = incref(h, args[0]); return 0; }
        StrBuf b = {0};
        obj_str(in, args[0], &b);
        if (in->repr_failed) {
            sb_free(&b);
            return -1;
        }
        *res = make_str_sb(in, &b);
        sb_free(&b);
        return *res ? 0 : -1;
    }
    case T_LIST:
        if (nargs_range(in, "list", nargs, 0, 1) < 0) return -1;
        /* list() allocates with PyType_GenericAlloc: never from the free list */
        h->generic_alloc = 1;
        if (nargs == 0) { *res = new_list(h, 0); return *res ? 0 : exc_nomem(in); }
        *res = list_fill(in, new_list(h, 0), args[0]);
        return *res ? 0 : -1;
    case T_TUPLE: {
        if (nargs_range(in, "tuple", nargs, 0, 1) < 0) return -1;
        if (nargs == 0) { *res = new_tuple(h, 0); return 0; }
        if (args[0]->type == T_TUPLE) { *res = incref(h, args[0]); return 0; }
        Obj *l = list_from(in, args[0]);
        if (!l) return -1;
        ListObj *ll = (ListObj *)l;
        Obj *t = new_tuple(h, (uint32_t)ll->n);
        if (!t) { decref(h, l); return exc_nomem(in); }
        for (int64_t i = 0; i < ll->n; i++) ((TupleObj *)t)->items[i] = incref(h, ll->items[i]);
        decref(h, l);
        *res = t;
        return 0;
    }
    case T_SET: {
        if (nargs_range(in, "set", nargs, 0, 1) < 0) return -1;
        Obj *s = new_set(h);
        if (!s) return exc_nomem(in);
        if (nargs) {
            Obj *it = get_iter(in, args[0]);
            if (!it) { decref(h, s); return -1; }
            for (;;) {
                Obj *x;
                int r = iter_step(in, it, &x);
                if (r == 0) break;
                int ar = r < 0 ? -1 : set_add(h, (SetObj *)s, x);
                if (ar == -2) exc_set(in, X_TYPE, "unhashable type: '%s'", tn(in, x));
                else if (ar == -1 && r > 0) exc_nomem(in);
                if (r > 0) decref(h, x);
                if (ar < 0) { decref(h, it); decref(h, s); return -1; }
            }
            decref(h, it);
        }
        *res = s;
        return 0;
    }
    case T_DICT: {
        if (nargs_range(in, "dict", nargs, 0, 1) < 0) return -1;
        h->generic_alloc = 1;  /* dict() uses PyType_GenericAlloc */
        Obj *d = new_dict(h);
        if (!d) return exc_nomem(in);
        if (nargs) {
            if (args[0]->type == T_DICT) {
                DictObj *src = (DictObj *)args[0];
                for (uint32_t i = 0; i < src->nentries; i++)
                    if (src->entries[i].key && dict_set(h, (DictObj *)d, src->entries[i].key, src->entries[i].value) < 0) {
                        decref(h, d);
                        return exc_nomem(in);
                    }
            } else {
                Obj *it = get_iter(in, args[0]);
                if (!it) { decref(h, d); return -1; }
                for (;;) {
                    Obj *x;
                    int r = iter_step(in, it, &x);
                    if (r == 0) break;
                    if (r < 0) { decref(h, it); decref(h, d); return -1; }
                    Obj *key = NULL, *v = NULL;
                    if (x->type == T_TUPLE && ((TupleObj *)x)->n == 2) { key = ((TupleObj *)x)->items[0]; v = ((TupleObj *)x)->items[1]; }
                    else if (x->type == T_LIST && ((ListObj *)x)->n == 2) { key = ((ListObj *)x)->items[0]; v = ((ListObj *)x)->items[1]; }
                    int dr = key ? dict_set(h, (DictObj *)d, key, v) : -3;
                    decref(h, x);
                    if (dr < 0) {
                        if (dr == -3) exc_set(in, X_VALUE, "dictionary update sequence element #0 has wrong length");
                        else if (dr == -2) exc_set(in, X_TYPE, "unhashable type");
                        else exc_nomem(in);
                        decref(h, it);
                        decref(h, d);
                        return -1;
                    }
                }
                decref(h, it);
            }
        }
        *res = d;
        return 0;
    }
    case T_RANGE: {
        int64_t a[3] = {0, 0, 1};
        if (nargs < 1) return exc_set(in, X_TYPE, "range expected at least 1 argument, got 0");
        if (nargs > 3) return exc_set(in, X_TYPE, "range expected at most 3 arguments, got %d", nargs);
        for (int i = 0; i < nargs; i++) {
            if (args[i]->type == T_FLOAT || (args[i]->type != T_INT && args[i]->type != T_BOOL))
                return exc_set(in, X_TYPE, "'%s' object cannot be interpreted as an integer", tn(in, args[i]));
            if (int_value(in, args[i], &a[i], "") < 0) return -1;
        }
        if (nargs == 1) { a[1] = a[0]; a[0] = 0; }
        if (a[2] == 0) return exc_set(in, X_VALUE, "range() arg 3 must not be zero");
        *res = new_range(h, a[0], a[1], a[2]);
        return *res ? 0 : exc_nomem(in);
    }
    case T_CLASS:
        if (nargs == 1) {
            *res = incref(h, type_of(in, args[0]));
            return 0;
        }
        return exc_set(in, X_TYPE, "type() takes 1 or 3 arguments");
    case T_INSTANCE:
        return exc_set(in, X_TYPE, "memtutor cannot create plain object() instances");
    case T_ARRAY: return make_array(in, args, nargs, res);
    case TY_REVERSED: return builtin_call_inner(in, in->builtins[B_REVERSED], args, nargs, NULL, NULL, 0, res);
    case TY_ITER + IT_ENUMERATE: {
        if (nargs_range(in, "enumerate", nargs, 1, 2) < 0) return -1;
        Obj *it = get_iter(in, args[0]);
        if (!it) return -1;
        Obj *e = new_iter(h, IT_ENUMERATE, NULL);
        if (!e) { decref(h, it); return exc_nomem(in); }
        ((IterObj *)e)->seq = it;
        ((IterObj *)e)->extra = iter_result_holder(in, 2);
        if (nargs == 2 && int_value(in, args[1], &((IterObj *)e)->i, "an integer is required") < 0) {
            decref(h, e);
            return -1;
        }
        *res = e;
        return 0;
    }
    case TY_ITER + IT_ZIP: {
        Obj *t = new_tuple(h, (uint32_t)nargs);
        if (!t) return exc_nomem(in);
        for (int i = 0; i < nargs; i++) {
            Obj *it = get_iter(in, args[i]);
            if (!it) {
                if (in->exc == X_TYPE) {
                    sb_clear(&in->exc_msg);
                    sb_printf(&in->exc_msg, "zip argument #%d must support iteration", i + 1);
                }
                decref(h, t);
                return -1;
            }
            ((TupleObj *)t)->items[i] = it;
        }
        Obj *z = new_iter(h, IT_ZIP, NULL);
        if (!z) { decref(h, t); return exc_nomem(in); }
        ((IterObj *)z)->seq = t;
        if (nargs <= 8) ((IterObj *)z)->extra = iter_result_holder(in, (uint32_t)nargs);
        *res = z;
        return 0;
    }
    default:
        return exc_set(in, X_TYPE, "cannot create '%s' instances", sym(in, ((ClassObj *)in->types[k])->name));
    }
}

/* ---------------------------------------------------------------- functions */

/* What print costs the collector in CPython 3.11 (measured with
 * gc.get_count): its clinic packs *args into a tuple (from the tuple free
 * list when it has one of that size); each write looks up file.write, a
 * bound builtin method allocated and released around the call (so a write
 * can trigger a collection); and the very first write leaves one object
 * behind.  They are CPython's internals, modelled as counts and free-list
 * entries only, never as objects on the simulated heap. */
static void freelist_take(Heap *h, FreeList *fl)
{
    if (fl->n > 0) {
        fl->n--;
        alloc_release(h->alloc, fl->refs[fl->n]);
    } else {
        gc_count_alloc(h);
    }
}

static void freelist_give(Heap *h, FreeList *fl, size_t size)
{
    if (fl->n < fl->cap) fl->refs[fl->n++] = alloc_malloc(h->alloc, size);
    else gc_count_dealloc(h);
}

static void stdout_write(Interp *in, const char *s, size_t n)
{
    Heap *h = in->h;
    gc_count_alloc(h);            /* writer = getattr(file, "write") */
    /* 3.12+: a collection that allocation asked for runs before the text is
     * written, as in 3.11 (measured: a cycle's __del__ output comes first) */
    gc_eval_breaker(h);
    if (!in->printed) {
        in->printed = 1;
        if (py_profile->first_write_allocates) gc_count_alloc(h);   /* the first write's lasting allocation */
    }
    print_out(in, s, n);
    gc_count_dealloc(h);          /* the bound method is released */
}

static int do_print(Interp *in, Obj **args, int nargs, Sym *kwnames, Obj **kwvals, int nkw)
{
    static const char *const allowed[] = {"sep", "end", "flush", NULL};
    if (check_kw(in, "print", kwnames, nkw, allowed) < 0) return -1;
    const char *sep = " ", *end = "\n";
    size_t seplen = 1, endlen = 1;
    int ks = kw_find(in, kwnames, nkw, "sep"), ke = kw_find(in, kwnames, nkw, "end");
    if (ks >= 0 && kwvals[ks]->type != T_NONE) {
        if (kwvals[ks]->type != T_STR)
            return exc_set(in, X_TYPE, "sep must be None or a string, not %s", tn(in, kwvals[ks]));
        sep = ((StrObj *)kwvals[ks])->s;
        seplen = ((StrObj *)kwvals[ks])->len;
    }
    if (ke >= 0 && kwvals[ke]->type != T_NONE) {
        if (kwvals[ke]->type != T_STR)
            return exc_set(in, X_TYPE, "end must be None or a string, not %s", tn(in, kwvals[ke]));
        end = ((StrObj *)kwvals[ke])->s;
        endlen = ((StrObj *)kwvals[ke])->len;
    }
    Heap *h = in->h;
    if (nargs >= 1 && nargs <= 20) freelist_take(h, &h->fl_tuple[nargs]);   /* the *args tuple */
    StrBuf b = {0};
    for (int i = 0; i < nargs; i++) {
        if (i) stdout_write(in, sep, seplen);
        sb_clear(&b);
        obj_str(in, args[i], &b);
        /* the text is a new str object (but a str prints itself): over the
         * ceiling it cannot be made, MemoryError, as CPython, not a cut line */
        if (!in->repr_failed && (b.over || (args[i]->type != T_STR && h->bytes_total + (int64_t)b.len > h->mem_limit))) {
            exc_nomem(in);
            in->repr_failed = 1;
        }
        if (in->repr_failed) {
            sb_free(&b);
            if (nargs >= 1 && nargs <= 20) freelist_give(h, &h->fl_tuple[nargs], 40 + 8 * (size_t)nargs);
            return -1;
        }
        stdout_write(in, b.s ? b.s : "", b.len);
    }
    stdout_write(in, end, endlen);
    sb_free(&b);
    if (nargs >= 1 && nargs <= 20) freelist_give(h, &h->fl_tuple[nargs], 40 + 8 * (size_t)nargs);
    return 0;
}

static Obj *gc_stats(Interp *in)
{
    Heap *h = in->h;
    Obj *l = new_list(h, 3);
    if (!l) return NULL;
    const char *names[3] = {"collections", "collected", "uncollectable"};
    for (int g = 0; g < 3; g++) {
        Obj *d = new_dict(h);
        int64_t vals[3] = {h->stats[g].collections, h->stats[g].collected, h->stats[g].uncollectable};
        for (int k = 0; k < 3 && d; k++) {
            Obj *key = new_str(h, names[k], strlen(names[k]));
            Obj *v = new_int(h, vals[k]);
            dict_set(h, (DictObj *)d, key, v);
            decref(h, key);
            decref(h, v);
        }
        ((ListObj *)l)->items[g] = d;
    }
    ((ListObj *)l)->n = 3;
    return l;
}

typedef struct { Interp *in; ListObj *l; int err; Obj *exclude, *exclude2; } CollectArg;

static void collect_into(Obj *o, void *arg)
{
    CollectArg *c = arg;
    if (c->err || o == c->exclude || o == c->exclude2) return;
    if (list_append(c->in->h, c->l, incref(c->in->h, o)) < 0) c->err = 1;
}

static int gc_function(Interp *in, int id, Obj **args, int nargs, Obj **res)
{
    Heap *h = in->h;
    const char *name = btab[id].name;
    switch (id) {
    case B_GC_COLLECT: {
        int64_t gen = 2;
        if (nargs_range(in, "collect", nargs, 0, 1) < 0) return -1;
        if (nargs && int_value(in, args[0], &gen, "an integer is required") < 0) return -1;
        if (gen < 0 || gen > 2) return exc_set(in, X_VALUE, "invalid generation");
        int64_t n = gc_collect(h, (int)gen);
        h->collect_calls++;
        h->last_collected = n;
        *res = make_int(in, n);
        return *res ? 0 : -1;
    }
    case B_GC_ENABLE: case B_GC_DISABLE:
        if (nargs_exact(in, name, nargs, 0) < 0) return -1;
        h->gc_enabled = id == B_GC_ENABLE;
        *res = incref(h, h->none);
        return 0;
    case B_GC_ISENABLED:
        if (nargs_exact(in, name, nargs, 0) < 0) return -1;
        *res = bool_obj(h, h->gc_enabled);
        return 0;
    case B_GC_GET_COUNT: case B_GC_GET_THRESHOLD: {
        if (nargs_exact(in, name, nargs, 0) < 0) return -1;
        int64_t v[3];
        for (int g = 0; g < 3; g++) v[g] = id == B_GC_GET_COUNT ? h->gen[g].count : h->gen[g].threshold;
        Obj *items[3];
        for (int g = 0; g < 3; g++) items[g] = new_int(h, v[g]);
        *res = new_tuple_of(in, 3, items);
        return *res ? 0 : -1;
    }
    case B_GC_SET_THRESHOLD: {
        if (nargs_range(in, "set_threshold", nargs, 1, 3) < 0) return -1;
        for (int g = 0; g < nargs; g++) {
            int64_t t;
            if (int_value(in, args[g], &t, "an integer is required") < 0) return -1;
            h->gen[g].threshold = t;
        }
        *res = incref(h, h->none);
        return 0;
    }
    case B_GC_IS_TRACKED:
        if (nargs_exact(in, name, nargs, 1) < 0) return -1;
        *res = bool_obj(h, (args[0]->flags & OF_TRACKED) != 0);
        return 0;
    case B_GC_GET_STATS:
        if (nargs_exact(in, name, nargs, 0) < 0) return -1;
        *res = gc_stats(in);
        return *res ? 0 : exc_nomem(in);
    case B_GC_GET_REFERRERS: {
        Obj *l = new_list(h, 0);
        if (!l) return exc_nomem(in);
        CollectArg c = {in, (ListObj *)l, 0, l, in->argtuple};
        for (int i = 0; i < nargs; i++) gc_referrers(h, args[i], collect_into, &c);
        if (c.err) { decref(h, l); return exc_nomem(in); }
        *res = l;
        return 0;
    }
    case B_GC_GET_REFERENTS: {
        Obj *l = new_list(h, 0);
        if (!l) return exc_nomem(in);
        CollectArg c = {in, (ListObj *)l, 0, NULL, NULL};
        for (int i = 0; i < nargs; i++) {
            if (!(args[i]->flags & OF_GC)) continue;
            /* tp_traverse order; containers' referents only */
            obj_traverse(args[i], (visit_fn)collect_into, &c);
        }
        if (c.err) { decref(h, l); return exc_nomem(in); }
        *res = l;
        return 0;
    }
    case B_GC_GET_OBJECTS: {
        Obj *l = new_list(h, 0);
        if (!l) return exc_nomem(in);
        CollectArg c = {in, (ListObj *)l, 0, l, NULL};
        gc_foreach_tracked(h, collect_into, &c);
        *res = l;
        return 0;
    }
    case B_GC_FREEZE: case B_GC_UNFREEZE:
        if (nargs_exact(in, name, nargs, 0) < 0) return -1;
        if (id == B_GC_FREEZE) gc_freeze(h);
        else gc_unfreeze(h);
        *res = incref(h, h->none);
        return 0;
    case B_GC_GET_FREEZE_COUNT:
        if (nargs_exact(in, name, nargs, 0) < 0) return -1;
        *res = make_int(in, gc_freeze_count(h));
        return *res ? 0 : -1;
    case B_GC_SET_DEBUG: {
        int64_t f;
        if (nargs_exact(in, name, nargs, 1) < 0) return -1;
        if (int_value(in, args[0], &f, "an integer is required") < 0) return -1;
        h->debug = (int)f;
        if ((h->debug & GC_DEBUG_SAVEALL) && !h->garbage) h->garbage = new_list(h, 0);
        *res = incref(h, h->none);
        return 0;
    }
    case B_GC_GET_DEBUG:
        *res = make_int(in, h->debug);
        return *res ? 0 : -1;
    }
    return exc_set(in, X_TYPE, "bad gc call");
}

static int array_extend_from(Interp *in, ArrayObj *a, Obj *v)
{
    Heap *h = in->h;
    if (v->type == T_ARRAY) {
        ArrayObj *src = (ArrayObj *)v;
        if (src->typecode != a->typecode) return exc_set(in, X_TYPE, "can only extend with array of same kind");
        int64_t n = src->n, m = a->n;
        if (array_resize(h, a, m + n) < 0) return exc_nomem(in);
        if (n) memcpy((char *)a->data + m * a->itemsize, src->data, (size_t)(n * a->itemsize));
        return 0;
    }
    Obj *it = get_iter(in, v);
    if (!it) return -1;
    extern int array_store(Interp *, ArrayObj *, Obj *, void *);
    for (;;) {
        Obj *x;
        int r = iter_step(in, it, &x);
        if (r == 0) break;
        if (r < 0) { decref(h, it); return -1; }
        char item[8];
        int sr = array_store(in, a, x, item);
        decref(h, x);
        if (sr < 0 || array_append_raw(h, a, item) < 0) {
            decref(h, it);
            return sr < 0 ? -1 : exc_nomem(in);
        }
    }
    decref(h, it);
    return 0;
}

static int make_array(Interp *in, Obj **args, int nargs, Obj **res)
{
    Heap *h = in->h;
    if (nargs_range(in, "array", nargs, 1, 2) < 0) return -1;
    if (args[0]->type != T_STR || ((StrObj *)args[0])->len != 1)
        return exc_set(in, X_TYPE, "array() argument 1 must be a unicode character, not %s", tn(in, args[0]));
    char tc = ((StrObj *)args[0])->s[0];
    if (!strchr("bBhHiIlLqQfd", tc))
        return exc_set(in, X_VALUE, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    Obj *a = new_array(h, tc);
    if (!a) return exc_nomem(in);
    if (nargs == 2) {
        Obj *v = args[1];
        ArrayObj *arr = (ArrayObj *)a;
        if (v->type == T_LIST || v->type == T_TUPLE) {
            /* a list or tuple initialiser is sized exactly */
            int64_t n = v->type == T_LIST ? ((ListObj *)v)->n : ((TupleObj *)v)->n;
            Obj **items = v->type == T_LIST ? ((ListObj *)v)->items : ((TupleObj *)v)->items;
            extern int array_store(Interp *, ArrayObj *, Obj *, void *);
            if (n) {
                if (heap_charge(h, n * arr->itemsize) < 0) { decref(h, a); return exc_nomem(in); }
                arr->data = xcalloc((size_t)n, arr->itemsize);
                arr->cap = n;
                arr->n = n;
                arr->gc.blk2 = alloc_malloc(h->alloc, (size_t)(n * arr->itemsize));
                h->live_bytes[T_ARRAY] += n * arr->itemsize;
                h->bytes_total += n * arr->itemsize;
            }
            for (int64_t i = 0; i < n; i++)
                if (array_store(in, arr, items[i], (char *)arr->data + i * arr->itemsize) < 0) {
                    decref(h, a);
                    return -1;
                }
        } else if (array_extend_from(in, arr, v) < 0) {
            decref(h, a);
            return -1;
        }
    }
    *res = a;
    return 0;
}

static int builtin_call_inner(Interp *in, Obj *callable, Obj **args, int nargs, Sym *kwnames, Obj **kwvals, int nkw,
                              Obj **res);

/* Does CPython 3.11 call this through tp_call / METH_VARARGS, packing the
 * arguments into a tuple?  (Measured: those tuples count toward gen 0 unless
 * the tuple free list has one.) */
static int takes_arg_tuple(Obj *callable)
{
    if (callable->type == T_CLASS) {
        int k = (int)((ClassObj *)callable)->keys_cached;
        return k == T_STR || k == T_INT || k == TY_ITER + IT_ZIP || k == T_ARRAY;
    }
    BuiltinObj *b = (BuiltinObj *)callable;
    if (b->self) return 0;
    switch (b->id) {
    case B_MIN: case B_MAX: case B_SYS_GETSIZEOF: case B_ARRAY_ARRAY: case B_GC_SET_THRESHOLD:
    case B_GC_GET_REFERRERS: case B_GC_GET_REFERENTS:
        return 1;
    default: return 0;
    }
}

int builtin_call(Interp *in, Obj *callable, Obj **args, int nargs, Sym *kwnames, Obj **kwvals, int nkw, Obj **res)
{
    Heap *h = in->h;
    if (nargs > 0 && takes_arg_tuple(callable)) {
        Obj *t = new_tuple(h, (uint32_t)nargs);
        if (!t) return exc_nomem(in);
        for (int i = 0; i < nargs; i++) ((TupleObj *)t)->items[i] = incref(h, args[i]);
        uint32_t base = in->vn;
        vpush(in, t);
        Obj *saved = in->argtuple;
        in->argtuple = t;
        int r = builtin_call_inner(in, callable, args, nargs, kwnames, kwvals, nkw, res);
        in->argtuple = saved;
        in->vn = base;
        decref(h, t);
        return r;
    }
    return builtin_call_inner(in, callable, args, nargs, kwnames, kwvals, nkw, res);
}

static int builtin_call_inner(Interp *in, Obj *callable, Obj **args, int nargs, Sym *kwnames, Obj **kwvals, int nkw,
                              Obj **res)
{
    Heap *h = in->h;
    if (callable->type == T_CLASS) {
        if (nkw) return exc_set(in, X_TYPE, "%s() takes no keyword arguments", sym(in, ((ClassObj *)callable)->name));
        return construct(in, (int)((ClassObj *)callable)->keys_cached, args, nargs, res);
    }
    BuiltinObj *b = (BuiltinObj *)callable;
    int id = b->id;
    if (b->self) return call_method_id(in, id, b->self, args, nargs, res);
    const char *name = btab[id].name;
    if (id != B_PRINT && id != B_SORTED && nkw) return exc_set(in, X_TYPE, "%s() takes no keyword arguments", name);
    switch (btab[id].group) {
    case BG_GC: return gc_function(in, id, args, nargs, res);
    case BG_ARRAY: return make_array(in, args, nargs, res);
    case BG_SYS:
        if (id == B_SYS_GETRECURSIONLIMIT) {
            if (nargs_exact(in, "getrecursionlimit", nargs, 0) < 0) return -1;
            *res = make_int(in, in->recursion_limit);
            return *res ? 0 : -1;
        }
        if (id == B_SYS_SETRECURSIONLIMIT) {
            if (nargs_exact(in, "setrecursionlimit", nargs, 1) < 0) return -1;
            Obj *a = args[0];
            if (a->type != T_INT && a->type != T_BOOL)
                return exc_set(in, X_TYPE, "'%s' object cannot be interpreted as an integer", tn(in, a));
            int64_t v = (a->flags & OF_BIG) ? INT64_MAX : ((IntObj *)a)->v;
            if ((a->flags & OF_BIG) || v > INT32_MAX || v < INT32_MIN)
                return exc_set(in, X_OVERFLOW, "Python int too large to convert to C int");
            if (v < 1) return exc_set(in, X_VALUE, "recursion limit must be greater or equal than 1");
            /* CPython's depth here: the Python frames (the module's is one) and this call */
            int depth = in->depth + py_profile->setrecursionlimit_extra;
            if (depth >= v)
                return exc_set(in, X_RECURSION,
                               "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                               (int)v, depth);
            in->recursion_limit = (int)v;
            *res = incref(h, h->none);
            return 0;
        }
        if (id == B_SYS_GETREFCOUNT) {
            if (nargs_exact(in, "getrefcount", nargs, 1) < 0) return -1;
            *res = make_int(in, obj_refcount(args[0]));
            return *res ? 0 : -1;
        }
        if (nargs_range(in, "getsizeof", nargs, 1, 2) < 0) return -1;
        *res = make_int(in, obj_sizeof(args[0]));
        return *res ? 0 : -1;
    default: break;
    }
    switch (id) {
    case B_PRINT:
        if (do_print(in, args, nargs, kwnames, kwvals, nkw) < 0) return -1;
        *res = incref(h, h->none);
        return 0;
    case B_LEN: {
        int64_t n;
        if (nargs_exact(in, "len", nargs, 1) < 0) return -1;
        if (obj_len(in, args[0], &n) < 0) return -1;
        *res = make_int(in, n);
        return *res ? 0 : -1;
    }
    case B_ID:
        if (nargs_exact(in, "id", nargs, 1) < 0) return -1;
        *res = make_int(in, (int64_t)heap_address(h, args[0]));
        return *res ? 0 : -1;
    case B_ISINSTANCE: {
        if (nargs != 2) return exc_set(in, X_TYPE, "isinstance expected 2 arguments, got %d", nargs);
        int r = 0;
        if (args[1]->type == T_TUPLE) {
            TupleObj *t = (TupleObj *)args[1];
            for (uint32_t i = 0; i < t->n && !r; i++) {
                int k = is_instance_of(in, args[0], t->items[i]);
                if (k < 0) return exc_set(in, X_TYPE, "isinstance() arg 2 must be a type, a tuple of types, or a union");
                r = k;
            }
        } else {
            r = is_instance_of(in, args[0], args[1]);
            if (r < 0) return exc_set(in, X_TYPE, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        *res = bool_obj(h, r);
        return 0;
    }
    case B_MIN: case B_MAX: return minmax(in, id == B_MAX, args, nargs, res);
    case B_SUM: {
        if (nargs_range(in, "sum", nargs, 1, 2) < 0) return -1;
        Obj *acc = nargs == 2 ? incref(h, args[1]) : new_int(h, 0);
        Obj *it = get_iter(in, args[0]);
        if (!it) { decref(h, acc); return -1; }
        for (;;) {
            Obj *x, *n2;
            int r = iter_step(in, it, &x);
            if (r == 0) break;
            if (r < 0 || binary_op(in, OP_ADD, acc, x, &n2) < 0) {
                if (r > 0) decref(h, x);
                decref(h, acc);
                decref(h, it);
                return -1;
            }
            decref(h, x);
            decref(h, acc);
            acc = n2;
        }
        decref(h, it);
        *res = acc;
        return 0;
    }
    case B_SORTED: {
        static const char *const allowed[] = {"reverse", "key", NULL};
        if (check_kw(in, "sorted", kwnames, nkw, allowed) < 0) return -1;
        if (nargs != 1) return exc_set(in, X_TYPE, "sorted expected 1 argument, got %d", nargs);
        int kr = kw_find(in, kwnames, nkw, "reverse"), kk = kw_find(in, kwnames, nkw, "key");
        Obj *l = list_from(in, args[0]);
        if (!l) return -1;
        ListObj *ll = (ListObj *)l;
        Obj **keys = NULL;
        if (kk >= 0 && kwvals[kk]->type != T_NONE) {
            keys = xcalloc((size_t)ll->n + 1, sizeof(Obj *));
            for (int64_t i = 0; i < ll->n; i++)
                if (call_object(in, kwvals[kk], &ll->items[i], 1, &keys[i]) < 0) {
                    for (int64_t j = 0; j < i; j++) decref(h, keys[j]);
                    free(keys);
                    decref(h, l);
                    return -1;
                }
        }
        int r = sort_items(in, ll->items, ll->n, keys, kr >= 0 && obj_truth(in, kwvals[kr]));
        if (keys) {
            for (int64_t i = 0; i < ll->n; i++) decref(h, keys[i]);
            free(keys);
        }
        if (r < 0) { decref(h, l); return -1; }
        *res = l;
        return 0;
    }
    case B_ABS: {
        if (nargs_exact(in, "abs", nargs, 1) < 0) return -1;
        Obj *a = args[0];
        if (a->type == T_FLOAT) { *res = new_float(h, fabs(((FloatObj *)a)->v)); return *res ? 0 : exc_nomem(in); }
        if (a->type == T_INT || a->type == T_BOOL) {
            int neg;
            Obj *zero = new_int(h, 0);
            if (compare(in, a, zero, CMP_LT, &neg) < 0) { decref(h, zero); return -1; }
            int r = neg ? binary_op(in, OP_SUB, zero, a, res) : (*res = (a->type == T_BOOL ? new_int(h, ((IntObj *)a)->v) : incref(h, a)), 0);
            decref(h, zero);
            return r;
        }
        return exc_set(in, X_TYPE, "bad operand type for abs(): '%s'", tn(in, a));
    }
    case B_REPR: {
        if (nargs_exact(in, "repr", nargs, 1) < 0) return -1;
        StrBuf s = {0};
        obj_repr(in, args[0], &s);
        if (in->repr_failed) {
            sb_free(&s);
            return -1;
        }
        *res = make_str_sb(in, &s);
        sb_free(&s);
        return *res ? 0 : -1;
    }
    case B_HASH: {
        int64_t hv;
        if (nargs_exact(in, "hash", nargs, 1) < 0) return -1;
        if (obj_hash(args[0], &hv) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tn(in, args[0]));
        *res = make_int(in, hv);
        return *res ? 0 : -1;
    }
    case B_ITER:
        if (nargs_exact(in, "iter", nargs, 1) < 0) return -1;
        *res = get_iter(in, args[0]);
        return *res ? 0 : -1;
    case B_NEXT: {
        if (nargs_range(in, "next", nargs, 1, 2) < 0) return -1;
        if (args[0]->type != T_ITER) return exc_set(in, X_TYPE, "'%s' object is not an iterator", tn(in, args[0]));
        int r = iter_step(in, args[0], res);
        if (r < 0) return -1;
        if (r == 0) {
            if (nargs == 2) { *res = incref(h, args[1]); return 0; }
            return exc_set(in, X_STOPITER, NULL);
        }
        return 0;
    }
    case B_REVERSED: {
        if (nargs_exact(in, "reversed", nargs, 1) < 0) return -1;
        if (args[0]->type == T_RANGE) {   /* range.__reversed__: a range_iterator from the end */
            RangeObj *r = (RangeObj *)args[0];
            Obj *it = new_iter(h, IT_RANGE, NULL);
            if (!it) return exc_nomem(in);
            IterObj *ri = (IterObj *)it;
            ri->i = r->start + (r->len - 1) * r->step;
            ri->stop = r->len;
            ri->step = -r->step;
            *res = it;
            return 0;
        }
        if (args[0]->type == T_LIST) {
            Obj *it = new_iter(h, IT_REVERSED, args[0]);
            if (!it) return exc_nomem(in);
            ((IterObj *)it)->i = ((ListObj *)args[0])->n - 1;
            *res = it;
            return 0;
        }
        Obj *l = list_from(in, args[0]);
        if (!l) return -1;
        Obj *it = new_iter(h, IT_REVERSED, l);
        decref(h, l);
        if (!it) return exc_nomem(in);
        ((IterObj *)it)->i = ((ListObj *)l)->n - 1;
        ((IterObj *)it)->step = 1;   /* a `reversed` object */
        *res = it;
        return 0;
    }
    case B_ANY: case B_ALL: {
        if (nargs_exact(in, name, nargs, 1) < 0) return -1;
        Obj *it = get_iter(in, args[0]);
        if (!it) return -1;
        int want = id == B_ANY, result = !want;
        for (;;) {
            Obj *x;
            int r = iter_step(in, it, &x);
            if (r < 0) { decref(h, it); return -1; }
            if (r == 0) break;
            int t = obj_truth(in, x);
            decref(h, x);
            if (t == want) { result = want; break; }
        }
        decref(h, it);
        *res = bool_obj(h, result);
        return 0;
    }
    case B_ROUND: {
        if (nargs_range(in, "round", nargs, 1, 2) < 0) return -1;
        Obj *a = args[0];
        int64_t nd = 0;
        int has_nd = nargs == 2 && args[1]->type != T_NONE;
        if (has_nd && int_value(in, args[1], &nd, "integer required") < 0) return -1;
        if (a->type == T_INT || a->type == T_BOOL) return round_int(in, a, has_nd ? nd : 0, res);
        if (a->type != T_FLOAT) return exc_set(in, X_TYPE, "type %s doesn't define __round__ method", tn(in, a));
        double d = ((FloatObj *)a)->v;
        if (!has_nd) {
            /* to an int, half to even, as float.__round__ */
            if (isnan(d)) return exc_set(in, X_VALUE, "cannot convert float NaN to integer");
            if (isinf(d)) return exc_set(in, X_OVERFLOW, "cannot convert float infinity to integer");
            double r = nearbyint(d);
            if (fabs(r) < 9e18) *res = make_int(in, (int64_t)r);
            else if (!(*res = new_bigint(h, bi_from_double(r)))) return exc_nomem(in);
            return *res ? 0 : -1;
        }
        *res = new_float(h, round_double(d, nd));
        return *res ? 0 : exc_nomem(in);
    }
    case B_CHR: {
        int64_t c;
        if (nargs_exact(in, "chr", nargs, 1) < 0 || int_value(in, args[0], &c, "an integer is required") < 0) return -1;
        if (c < 0 || c > 0x10FFFF) return exc_set(in, X_VALUE, "chr() arg not in range(0x110000)");
        StrBuf ch = {0};
        sb_put_utf8(&ch, (uint32_t)c);
        *res = make_str_sb(in, &ch);
        sb_free(&ch);
        return *res ? 0 : -1;
    }
    case B_ORD: {
        if (nargs_exact(in, "ord", nargs, 1) < 0) return -1;
        if (args[0]->type != T_STR || ((StrObj *)args[0])->nchars != 1)
            return exc_set(in, X_TYPE, "ord() expected a character");
        const unsigned char *s = (const unsigned char *)((StrObj *)args[0])->s;
        int64_t cp = s[0] < 0x80 ? s[0] : (s[0] & 0xE0) == 0xC0 ? ((s[0] & 0x1F) << 6) | (s[1] & 0x3F)
                   : (s[0] & 0xF0) == 0xE0 ? ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)
                   : ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        *res = make_int(in, cp);
        return *res ? 0 : -1;
    }
    }
    return exc_set(in, X_TYPE, "'%s' is not callable here", name);
}

/* ---------------------------------------------------------------- methods */

static int method_args(Interp *in, int id, int nargs, int lo, int hi)
{
    const char *recv = type_kind_name((ObjType)btab[id].recv);
    const char *name = btab[id].name;
    if (nargs >= lo && nargs <= hi) return 0;
    if (lo == hi && lo == 0) return exc_set(in, X_TYPE, "%s.%s() takes no arguments (%d given)", recv, name, nargs);
    if (lo == hi && lo == 1) return exc_set(in, X_TYPE, "%s.%s() takes exactly one argument (%d given)", recv, name, nargs);
    if (lo == hi) return exc_set(in, X_TYPE, "%s expected %d arguments, got %d", name, lo, nargs);
    if (nargs < lo) return exc_set(in, X_TYPE, "%s expected at least %d argument%s, got %d", name, lo, lo == 1 ? "" : "s", nargs);
    return exc_set(in, X_TYPE, "%s expected at most %d argument%s, got %d", name, hi, hi == 1 ? "" : "s", nargs);
}

static int find_index(Interp *in, Obj **items, int64_t n, Obj *x, int64_t *at)
{
    for (int64_t i = 0; i < n; i++) {
        int eq;
        if (items[i] == x) { *at = i; return 1; }
        if (compare(in, items[i], x, CMP_EQ, &eq) < 0) return -1;
        if (eq) { *at = i; return 1; }
    }
    return 0;
}

static int list_method(Interp *in, int id, ListObj *l, Obj **args, int nargs, Obj **res)
{
    Heap *h = in->h;
    switch (id) {
    case B_L_APPEND:
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        heap_set_reason(h, R_STORE, 0);
        if (list_append(h, l, incref(h, args[0])) < 0) return exc_nomem(in);
        break;
    case B_L_EXTEND:
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        heap_set_reason(h, R_STORE, 0);
        if (list_extend_iter(in, l, args[0]) < 0) return -1;
        break;
    case B_L_INSERT: {
        if (method_args(in, id, nargs, 2, 2) < 0) return -1;
        int64_t i;
        if (int_value(in, args[0], &i, "'float' object cannot be interpreted as an integer") < 0) return -1;
        int64_t n = l->n;
        if (i < 0) { i += n; if (i < 0) i = 0; }
        if (i > n) i = n;
        if (list_resize(h, l, n + 1) < 0) return exc_nomem(in);
        memmove(l->items + i + 1, l->items + i, sizeof(Obj *) * (size_t)(n - i));
        l->items[i] = incref(h, args[1]);
        break;
    }
    case B_L_POP: {
        if (method_args(in, id, nargs, 0, 1) < 0) return -1;
        int64_t i = -1;
        if (nargs && int_value(in, args[0], &i, "'float' object cannot be interpreted as an integer") < 0) return -1;
        if (l->n == 0) return exc_set(in, X_INDEX, "pop from empty list");
        if (i < 0) i += l->n;
        if (i < 0 || i >= l->n) return exc_set(in, X_INDEX, "pop index out of range");
        Obj *v = l->items[i];
        memmove(l->items + i, l->items + i + 1, sizeof(Obj *) * (size_t)(l->n - i - 1));
        list_resize(h, l, l->n - 1);
        *res = v;
        return 0;
    }
    case B_L_REMOVE: {
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        int64_t at;
        int r = find_index(in, l->items, l->n, args[0], &at);
        if (r < 0) return -1;
        if (!r) return exc_set(in, X_VALUE, "list.remove(x): x not in list");
        Obj *v = l->items[at];
        memmove(l->items + at, l->items + at + 1, sizeof(Obj *) * (size_t)(l->n - at - 1));
        list_resize(h, l, l->n - 1);
        heap_set_reason(h, R_REMOVE, 0);
        decref(h, v);
        break;
    }
    case B_L_CLEAR:
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        heap_set_reason(h, R_REMOVE, 0);
        list_clear(h, l);
        break;
    case B_L_COPY: {
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        Obj *c = new_list(h, l->n);
        if (!c) return exc_nomem(in);
        for (int64_t i = 0; i < l->n; i++) ((ListObj *)c)->items[i] = incref(h, l->items[i]);
        ((ListObj *)c)->n = l->n;
        *res = c;
        return 0;
    }
    case B_L_INDEX: case B_L_COUNT: {
        if (method_args(in, id, nargs, 1, id == B_L_INDEX ? 3 : 1) < 0) return -1;
        if (id == B_L_COUNT) {
            int64_t c = 0;
            for (int64_t i = 0; i < l->n; i++) {
                int eq;
                if (l->items[i] == args[0]) { c++; continue; }
                if (compare(in, l->items[i], args[0], CMP_EQ, &eq) < 0) return -1;
                c += eq;
            }
            *res = make_int(in, c);
            return *res ? 0 : -1;
        }
        int64_t at, lo = 0, hi = l->n;
        if (nargs >= 2 && int_value(in, args[1], &lo, "slice indices must be integers or have an __index__ method") < 0) return -1;
        if (nargs >= 3 && int_value(in, args[2], &hi, "slice indices must be integers or have an __index__ method") < 0) return -1;
        if (lo < 0) { lo += l->n; if (lo < 0) lo = 0; }
        if (hi < 0) { hi += l->n; if (hi < 0) hi = 0; }
        if (hi > l->n) hi = l->n;
        int r = lo < hi ? find_index(in, l->items + lo, hi - lo, args[0], &at) : 0;
        if (r > 0) at += lo;
        if (r < 0) return -1;
        if (!r) {
            StrBuf s = {0};
            obj_repr(in, args[0], &s);
            exc_set(in, X_VALUE, "%s is not in list", s.s);
            sb_free(&s);
            return -1;
        }
        *res = make_int(in, at);
        return *res ? 0 : -1;
    }
    case B_L_SORT: {
        if (nargs) return exc_set(in, X_TYPE, "sort() takes no positional arguments");
        if (sort_items(in, l->items, l->n, NULL, 0) < 0) return -1;
        break;
    }
    case B_L_REVERSE:
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        for (int64_t i = 0, j = l->n - 1; i < j; i++, j--) {
            Obj *t = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = t;
        }
        break;
    }
    *res = incref(h, h->none);
    return 0;
}

static int key_error(Interp *in, Obj *k)
{
    StrBuf s = {0};
    obj_repr(in, k, &s);
    exc_set(in, X_KEY, "%s", s.s);
    sb_free(&s);
    return -1;
}

static int dict_method(Interp *in, int id, DictObj *d, Obj **args, int nargs, Obj **res)
{
    Heap *h = in->h;
    int64_t hh;
    switch (id) {
    case B_D_GET: {
        if (method_args(in, id, nargs, 1, 2) < 0) return -1;
        if (obj_hash(args[0], &hh) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tn(in, args[0]));
        Obj *v = dict_get(d, args[0]);
        *res = incref(h, v ? v : nargs == 2 ? args[1] : h->none);
        return 0;
    }
    case B_D_KEYS: case B_D_VALUES: case B_D_ITEMS:
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        *res = new_dictview(h, id == B_D_KEYS ? DV_KEYS : id == B_D_VALUES ? DV_VALUES : DV_ITEMS, d);
        return *res ? 0 : exc_nomem(in);
    case B_D_UPDATE: {
        if (method_args(in, id, nargs, 0, 1) < 0) return -1;
        if (nargs) {
            Obj *tmp;
            Obj *argv[1] = {args[0]};
            extern int construct_dict_into(Interp *, DictObj *, Obj *);
            if (args[0]->type == T_DICT) {
                DictObj *src = (DictObj *)args[0];
                for (uint32_t i = 0; i < src->nentries; i++)
                    if (src->entries[i].key && dict_set(h, d, src->entries[i].key, src->entries[i].value) < 0)
                        return exc_nomem(in);
            } else {
                if (construct(in, T_DICT, argv, 1, &tmp) < 0) return -1;
                DictObj *src = (DictObj *)tmp;
                for (uint32_t i = 0; i < src->nentries; i++)
                    if (src->entries[i].key && dict_set(h, d, src->entries[i].key, src->entries[i].value) < 0) {
                        decref(h, tmp);
                        return exc_nomem(in);
                    }
                decref(h, tmp);
            }
        }
        break;
    }
    case B_D_SETDEFAULT: {
        if (method_args(in, id, nargs, 1, 2) < 0) return -1;
        if (obj_hash(args[0], &hh) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tn(in, args[0]));
        Obj *v = dict_get(d, args[0]);
        if (!v) {
            v = nargs == 2 ? args[1] : h->none;
            if (dict_set(h, d, args[0], v) < 0) return exc_nomem(in);
        }
        *res = incref(h, v);
        return 0;
    }
    case B_D_POP: {
        if (method_args(in, id, nargs, 1, 2) < 0) return -1;
        if (obj_hash(args[0], &hh) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tn(in, args[0]));
        Obj *v = dict_get(d, args[0]);
        if (!v) {
            if (nargs == 2) { *res = incref(h, args[1]); return 0; }
            return key_error(in, args[0]);
        }
        *res = incref(h, v);
        dict_del(h, d, args[0]);
        return 0;
    }
    case B_D_CLEAR:
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        heap_set_reason(h, R_REMOVE, 0);
        dict_clear(h, d);
        break;
    case B_D_COPY: {
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        *res = dict_copy(h, d);
        return *res ? 0 : exc_nomem(in);
    }
    }
    *res = incref(h, h->none);
    return 0;
}

static int set_method(Interp *in, int id, SetObj *s, Obj **args, int nargs, Obj **res)
{
    Heap *h = in->h;
    switch (id) {
    case B_S_ADD: {
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        int r = set_add(h, s, args[0]);
        if (r == -2) return exc_set(in, X_TYPE, "unhashable type: '%s'", tn(in, args[0]));
        if (r < 0) return exc_nomem(in);
        break;
    }
    case B_S_DISCARD: case B_S_REMOVE: {
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        int r = set_discard(h, s, args[0]);
        if (r == -2) return exc_set(in, X_TYPE, "unhashable type: '%s'", tn(in, args[0]));
        if (r == 0 && id == B_S_REMOVE) return key_error(in, args[0]);
        break;
    }
    case B_S_CLEAR:
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        set_clear(h, s);
        break;
    case B_S_COPY: {
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        Obj *argv[1] = {&s->gc.ob};
        return construct(in, T_SET, argv, 1, res);
    }
    case B_S_UPDATE:
        for (int i = 0; i < nargs; i++) {
            Obj *it = get_iter(in, args[i]);
            if (!it) return -1;
            for (;;) {
                Obj *x;
                int r = iter_step(in, it, &x);
                if (r == 0) break;
                if (r < 0) { decref(h, it); return -1; }
                int ar = set_add(h, s, x);
                decref(h, x);
                if (ar < 0) { decref(h, it); return ar == -2 ? exc_set(in, X_TYPE, "unhashable type") : exc_nomem(in); }
            }
            decref(h, it);
        }
        break;
    case B_S_POP: {
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        for (uint32_t i = 0; i <= s->mask; i++) {
            Obj *k = s->table[i].key;
            if (k && s->table[i].hash != -1) {
                incref(h, k);
                set_discard(h, s, k);
                *res = k;
                return 0;
            }
        }
        return exc_set(in, X_KEY, "'pop from an empty set'");
    }
    }
    *res = incref(h, h->none);
    return 0;
}

static int str_method(Interp *in, int id, StrObj *s, Obj **args, int nargs, Obj **res)
{
    StrBuf b = {0};
    switch (id) {
    case B_STR_JOIN: {
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        Obj *l = list_from(in, args[0]);
        if (!l) return -1;
        ListObj *ll = (ListObj *)l;
        for (int64_t i = 0; i < ll->n; i++) {
            if (ll->items[i]->type != T_STR) {
                exc_set(in, X_TYPE, "sequence item %lld: expected str instance, %s found", (long long)i, tn(in, ll->items[i]));
                decref(in->h, l);
                sb_free(&b);
                return -1;
            }
            if (i) sb_put(&b, s->s, s->len);
            sb_put(&b, ((StrObj *)ll->items[i])->s, ((StrObj *)ll->items[i])->len);
        }
        decref(in->h, l);
        break;
    }
    case B_STR_UPPER: case B_STR_LOWER:
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        for (uint32_t i = 0; i < s->len; i++) {
            char c = s->s[i];
            if (id == B_STR_UPPER && c >= 'a' && c <= 'z') c = (char)(c - 32);
            if (id == B_STR_LOWER && c >= 'A' && c <= 'Z') c = (char)(c + 32);
            sb_putc(&b, c);
        }
        break;
    case B_STR_STRIP: {
        if (method_args(in, id, nargs, 0, 0) < 0) return -1;
        const char *p = s->s, *e = s->s + s->len;
        while (p < e && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) p++;
        while (e > p && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' || e[-1] == '\r')) e--;
        sb_put(&b, p, (size_t)(e - p));
        break;
    }
    case B_STR_REPLACE: {
        if (method_args(in, id, nargs, 2, 2) < 0) return -1;
        if (args[0]->type != T_STR || args[1]->type != T_STR) return exc_set(in, X_TYPE, "replace() argument must be str");
        StrObj *o = (StrObj *)args[0], *n = (StrObj *)args[1];
        for (uint32_t i = 0; i < s->len;) {
            if (o->len && i + o->len <= s->len && !memcmp(s->s + i, o->s, o->len)) {
                sb_put(&b, n->s, n->len);
                i += o->len;
            } else sb_putc(&b, s->s[i++]);
        }
        break;
    }
    case B_STR_STARTSWITH: case B_STR_ENDSWITH: {
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        if (args[0]->type != T_STR) return exc_set(in, X_TYPE, "%s first arg must be str or a tuple of str, not %s", btab[id].name, tn(in, args[0]));
        StrObj *p = (StrObj *)args[0];
        int r = p->len <= s->len && !memcmp(id == B_STR_STARTSWITH ? s->s : s->s + s->len - p->len, p->s, p->len);
        *res = bool_obj(in->h, r);
        return 0;
    }
    case B_STR_SPLIT: {
        if (method_args(in, id, nargs, 0, 1) < 0) return -1;
        Obj *l = new_list(in->h, 0);
        if (!l) return exc_nomem(in);
        const char *p = s->s, *e = s->s + s->len;
        if (nargs == 0 || args[0]->type == T_NONE) {
            while (p < e) {
                while (p < e && (*p == ' ' || *p == '\n' || *p == '\t')) p++;
                const char *q = p;
                while (q < e && !(*q == ' ' || *q == '\n' || *q == '\t')) q++;
                if (q > p) list_append(in->h, (ListObj *)l, new_str(in->h, p, (size_t)(q - p)));
                p = q;
            }
        } else {
            StrObj *sep = (StrObj *)args[0];
            if (args[0]->type != T_STR || sep->len == 0) { decref(in->h, l); return exc_set(in, X_VALUE, "empty separator"); }
            for (;;) {
                const char *q = memmem(p, (size_t)(e - p), sep->s, sep->len);
                if (!q) { list_append(in->h, (ListObj *)l, new_str(in->h, p, (size_t)(e - p))); break; }
                list_append(in->h, (ListObj *)l, new_str(in->h, p, (size_t)(q - p)));
                p = q + sep->len;
            }
        }
        *res = l;
        return 0;
    }
    }
    *res = make_str_sb(in, &b);
    sb_free(&b);
    return *res ? 0 : -1;
}

int call_method_id(Interp *in, int id, Obj *self, Obj **args, int nargs, Obj **res)
{
    switch (btab[id].recv) {
    case T_LIST: return list_method(in, id, (ListObj *)self, args, nargs, res);
    case T_DICT: return dict_method(in, id, (DictObj *)self, args, nargs, res);
    case T_SET: return set_method(in, id, (SetObj *)self, args, nargs, res);
    case T_STR: return str_method(in, id, (StrObj *)self, args, nargs, res);
    case T_TUPLE: {
        TupleObj *t = (TupleObj *)self;
        if (method_args(in, id, nargs, 1, 1) < 0) return -1;
        if (id == B_T_COUNT_) {
            int64_t c = 0;
            for (uint32_t i = 0; i < t->n; i++) {
                int eq;
                if (compare(in, t->items[i], args[0], CMP_EQ, &eq) < 0) return -1;
                c += eq;
            }
            *res = make_int(in, c);
            return *res ? 0 : -1;
        }
        int64_t at;
        int r = find_index(in, t->items, t->n, args[0], &at);
        if (r < 0) return -1;
        if (!r) return exc_set(in, X_VALUE, "tuple.index(x): x not in tuple");
        *res = make_int(in, at);
        return *res ? 0 : -1;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)self;
        Heap *h = in->h;
        if (id == B_A_APPEND) {
            extern int array_store(Interp *, ArrayObj *, Obj *, void *);
            if (method_args(in, id, nargs, 1, 1) < 0) return -1;
            char item[8];
            if (array_store(in, a, args[0], item) < 0) return -1;
            if (array_append_raw(h, a, item) < 0) return exc_nomem(in);
        } else if (id == B_A_EXTEND) {
            if (method_args(in, id, nargs, 1, 1) < 0) return -1;
            if (array_extend_from(in, a, args[0]) < 0) return -1;
        } else {
            extern Obj *array_item(Interp *, ArrayObj *, int64_t);
            Obj *l = new_list(h, a->n);
            if (!l) return exc_nomem(in);
            for (int64_t i = 0; i < a->n; i++) {
                Obj *v = array_item(in, a, i);
                if (!v) { ((ListObj *)l)->n = i; decref(h, l); return -1; }
                ((ListObj *)l)->items[i] = v;
            }
            ((ListObj *)l)->n = a->n;
            *res = l;
            return 0;
        }
        *res = incref(h, h->none);
        return 0;
    }
    }
    return exc_set(in, X_TYPE, "bad method");
}
