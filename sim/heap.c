/* The simulated heap.  Objects live in size-classed slabs (no malloc per
 * object); each also has a modelled place in the pymalloc model (alloc.c).
 * Reference counts are exact; when one reaches zero the object is released at
 * once, in CPython's order, by an explicit work stack (CPython's trashcan
 * keeps its C stack flat the same way), running __del__ through a hook. */
#include "heap.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "gc.h"
#include "profile.h"

/* ------------------------------------------------------------------ slabs */

#define SLAB_PAGE (64 * 1024)
#define SLAB_MAX 512
#define SLAB_NCLASS (SLAB_MAX / 8)

typedef struct SlabPage {
    struct SlabPage *next;
    uint32_t cell, ncells;
    uint64_t pad;
    char data[];
} SlabPage;

/* Slab pages are carved from 4 MiB regions.  A heap that goes leaves its
 * regions for the next one (up to SPARE_MAX): a step back re-runs the
 * program on a fresh heap, and its million objects then land in memory that
 * is already mapped and faulted in, instead of costing the kernel tens of
 * thousands of page faults again. */
#define REGION_SIZE ((size_t)4 << 20)
#define SPARE_MAX 64

typedef struct Regions {
    void **base;          /* this heap's regions */
    size_t n, cap;
    char *cur;            /* the next free page of the newest region */
    size_t left;
} Regions;

static struct {
    pthread_mutex_t mu;
    void *r[SPARE_MAX];
    size_t n;
} spare = {PTHREAD_MUTEX_INITIALIZER, {0}, 0};

static void *region_page(Regions *r)
{
    if (r->left < SLAB_PAGE) {
        char *a = NULL;
        pthread_mutex_lock(&spare.mu);
        if (spare.n > 0) a = spare.r[--spare.n];
        pthread_mutex_unlock(&spare.mu);
        if (!a) a = xmap(REGION_SIZE);
        if (r->n == r->cap) {
            r->cap = r->cap ? r->cap * 2 : 16;
            r->base = xrealloc(r->base, r->cap * sizeof(void *));
        }
        r->base[r->n++] = a;
        r->cur = a;
        r->left = REGION_SIZE;
    }
    void *p = r->cur;
    r->cur += SLAB_PAGE;
    r->left -= SLAB_PAGE;
    return p;
}

static void regions_free(Regions *r)
{
    for (size_t i = 0; i < r->n; i++) {
        pthread_mutex_lock(&spare.mu);
        int kept = spare.n < SPARE_MAX;
        if (kept) spare.r[spare.n++] = r->base[i];
        pthread_mutex_unlock(&spare.mu);
        if (!kept) xunmap(r->base[i], REGION_SIZE);
    }
    free(r->base);
    r->base = NULL;
    r->n = r->cap = r->left = 0;
}

typedef struct LargeHdr {
    struct LargeHdr *prev, *next;
} LargeHdr;

typedef struct FreeCell {
    Obj hdr;              /* type == T_FREE */
    struct FreeCell *next;
} FreeCell;

struct Slabs {
    struct Slabs *arrays;     /* small item arrays live in slabs of their own */
    Regions *regions;         /* where pages come from (shared with arrays) */
    void *free[SLAB_NCLASS + 1];  /* FreeCell, or for arrays a bare link */
    SlabPage *pages[SLAB_NCLASS + 1];
    LargeHdr large;       /* circular list of objects too big for a slab */
};

static inline size_t slab_class(size_t size) { return (size + 7) / 8; }

/* A fresh page of cells of class c (c * 8 bytes each), linked to the class. */
static SlabPage *slab_page_new(struct Slabs *s, size_t c)
{
    SlabPage *p = region_page(s->regions);
    p->cell = (uint32_t)(c * 8);
    p->ncells = (uint32_t)((SLAB_PAGE - sizeof(SlabPage)) / (c * 8));
    p->next = s->pages[c];
    s->pages[c] = p;
    return p;
}

/* The rare paths: an object too big for a slab, or a class with no free
 * cell left (a fresh page is carved). */
__attribute__((noinline)) static void *slab_alloc_slow(struct Slabs *s, size_t size)
{
    if (size > SLAB_MAX) {
        LargeHdr *l = xmalloc(sizeof(LargeHdr) + size);
        l->next = s->large.next;
        l->prev = &s->large;
        s->large.next->prev = l;
        s->large.next = l;
        return l + 1;
    }
    size_t c = slab_class(size), cell = c * 8;
    SlabPage *p = slab_page_new(s, c);
    FreeCell *f = NULL;
    for (uint32_t i = p->ncells; i-- > 0;) {
        FreeCell *fc = (FreeCell *)(p->data + (size_t)i * cell);
        fc->hdr.type = T_FREE;
        fc->next = f;
        f = fc;
    }
    s->free[c] = f->next;
    return f;
}

static inline void *slab_alloc(struct Slabs *s, size_t size)
{
    if (size < sizeof(FreeCell)) size = sizeof(FreeCell);
    if (size <= SLAB_MAX) {
        size_t c = slab_class(size);
        FreeCell *f = s->free[c];
        if (f) {
            s->free[c] = f->next;
            return f;
        }
    }
    return slab_alloc_slow(s, size);
}

static void slab_free(struct Slabs *s, void *p, size_t size)
{
    if (size < sizeof(FreeCell)) size = sizeof(FreeCell);
    if (size > SLAB_MAX) {
        LargeHdr *l = (LargeHdr *)p - 1;
        l->prev->next = l->next;
        l->next->prev = l->prev;
        free(l);
        return;
    }
    size_t c = slab_class(size);
    FreeCell *f = p;
    f->hdr.type = T_FREE;
    f->next = s->free[c];
    s->free[c] = f;
}

/* Item arrays carry no object header: a free cell links through its first
 * word, so the array of a one-item list takes 8 bytes (CPython's takes a
 * 16-byte pymalloc block). */
static inline size_t arr_class(size_t nb) { return nb > 8 ? (nb + 7) / 8 : 1; }

__attribute__((noinline)) static void *arr_carve(struct Slabs *s, size_t c)
{
    size_t cell = c * 8;
    SlabPage *p = slab_page_new(s, c);
    void *f = NULL;
    for (uint32_t i = p->ncells; i-- > 1;) {
        void **fc = (void **)(p->data + (size_t)i * cell);
        *fc = f;
        f = fc;
    }
    s->free[c] = f;
    return p->data;
}

static inline void *arr_alloc(struct Slabs *s, size_t nb)
{
    size_t c = arr_class(nb);
    void **f = s->free[c];
    if (f) {
        s->free[c] = *f;
        return f;
    }
    return arr_carve(s, c);
}

static inline void arr_free(struct Slabs *s, void *p, size_t nb)
{
    size_t c = arr_class(nb);
    *(void **)p = s->free[c];
    s->free[c] = p;
}

/* A list's item array: array cells up to SLAB_MAX bytes, malloc above. */
static Obj **items_resize(struct Slabs *s, Obj **old, int64_t oldcap, int64_t newcap)
{
    size_t ob = (size_t)oldcap * sizeof(Obj *), nb = (size_t)newcap * sizeof(Obj *);
    if (ob > SLAB_MAX && nb > SLAB_MAX) return xrealloc(old, nb);
    if (old && ob <= SLAB_MAX && nb <= SLAB_MAX && arr_class(ob) == arr_class(nb)) return old;
    Obj **p = nb <= SLAB_MAX ? arr_alloc(s->arrays, nb) : xmalloc(nb);
    if (old) {
        memcpy(p, old, ob < nb ? ob : nb);
        if (ob <= SLAB_MAX) arr_free(s->arrays, old, ob);
        else free(old);
    }
    return p;
}

static void items_free(struct Slabs *s, Obj **p, int64_t cap)
{
    if (!p) return;
    size_t b = (size_t)cap * sizeof(Obj *);
    if (b <= SLAB_MAX) arr_free(s->arrays, p, b);
    else free(p);
}

static void slabs_destroy(struct Slabs *s)
{
    if (s->arrays) {
        slabs_destroy(s->arrays);
        regions_free(s->regions);   /* every page of both, at once */
        free(s->regions);
    }
    LargeHdr *l = s->large.next;
    while (l != &s->large) {
        LargeHdr *n = l->next;
        free(l);
        l = n;
    }
    free(s);
}

/* Real (C) size of an object's struct. */
static size_t real_size(const Obj *o)
{
    switch ((ObjType)o->type) {
    case T_NONE: case T_NOTIMPL: return sizeof(Obj);
    case T_BOOL: case T_INT: return sizeof(IntObj);
    case T_FLOAT: return sizeof(FloatObj);
    case T_STR: return sizeof(StrObj) + ((const StrObj *)o)->len + 1;
    case T_TUPLE: return sizeof(TupleObj) + sizeof(Obj *) * ((const TupleObj *)o)->n;
    case T_LIST: return sizeof(ListObj);
    case T_DICT: return sizeof(DictObj);
    case T_SET: return sizeof(SetObj);
    case T_CLASS: return sizeof(ClassObj);
    case T_INSTANCE: return sizeof(InstanceObj);
    case T_FUNCTION: return sizeof(FuncObj);
    case T_METHOD: return sizeof(MethodObj);
    case T_BUILTIN: return sizeof(BuiltinObj);
    case T_MODULE: return sizeof(ModuleObj);
    case T_RANGE: return sizeof(RangeObj);
    case T_ARRAY: return sizeof(ArrayObj);
    case T_ITER: return sizeof(IterObj);
    case T_DICTVIEW: return sizeof(DictViewObj);
    case T_DESCR: return sizeof(DescrObj);
    default: return sizeof(Obj);
    }
}

void heap_foreach(Heap *h, heap_each_fn fn, void *arg)
{
    struct Slabs *s = h->slabs;
    for (size_t c = 0; c <= SLAB_NCLASS; c++)
        for (SlabPage *p = s->pages[c]; p; p = p->next)
            for (uint32_t i = 0; i < p->ncells; i++) {
                Obj *o = (Obj *)(p->data + (size_t)i * p->cell);
                if (o->type != T_FREE) fn(o, arg);
            }
    for (LargeHdr *l = s->large.next; l != &s->large; l = l->next) fn((Obj *)(l + 1), arg);
}

/* ------------------------------------------------------------------ events */

void heap_trace_enable(Heap *h, uint32_t limit)
{
    if (!h->log) h->log = xcalloc(1, sizeof(EventLog));
    h->log->limit = limit;
    heap_log_clear(h);
}

void heap_log_quiet(Heap *h, int quiet)
{
    if (quiet && h->log) {
        h->log_aside = h->log;
        h->log = NULL;
    } else if (!quiet && h->log_aside) {
        h->log = h->log_aside;
        h->log_aside = NULL;
        heap_log_clear(h);
    }
}

void heap_log_clear(Heap *h)
{
    EventLog *l = h->log;
    if (!l) return;
    l->n = 0;
    if (l->folded) {
        memset(l->fold_count, 0, sizeof l->fold_count);
        memset(l->fold_bytes, 0, sizeof l->fold_bytes);
        l->folded = 0;
    }
}

void heap_log_emit(Heap *h, EventKind k, const Obj *o, int64_t rc, int64_t count, int64_t bytes, int sub)
{
    EventLog *l = h->log;
    if (!l) return;
    if (l->n >= l->limit && k != EV_GC_BEGIN && k != EV_GC_END && k != EV_GC_PASS) {
        int t = o ? o->type : 0;
        l->fold_count[k][t] += count ? count : 1;
        l->fold_bytes[k][t] += bytes;
        l->folded = 1;
        return;
    }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->ev = xrealloc(l->ev, l->cap * sizeof(Event));
    }
    Event *e = &l->ev[l->n++];
    e->kind = (uint8_t)k;
    e->otype = o ? o->type : 0;
    e->reason = (uint8_t)h->reason;
    e->sub = (uint8_t)sub;
    e->serial = o ? o->serial : 0;
    e->rc = rc;
    e->count = count;
    e->bytes = bytes;
    e->line = h->line;
    e->detail = h->reason_detail;
    if (h->on_event) {
        /* an incref has raised the count already: show it as it was */
        Obj *m = k == EV_INCREF && o ? (Obj *)o : NULL;
        if (m) m->rc--;
        h->log = NULL;
        h->on_event(h->on_event_ctx, h, l);
        h->log = l;
        if (m) m->rc++;
    }
}

void heap_note_incref(Heap *h, Obj *o)
{
    if (o->flags & OF_STATIC) return;
    heap_log_emit(h, EV_INCREF, o, o->rc, 0, 0, 0);
}

void heap_note_decref(Heap *h, Obj *o)
{
    if (o->flags & OF_STATIC) return;
    heap_log_emit(h, EV_DECREF, o, (int64_t)o->rc - 1, 0, 0, 0);
}

/* ------------------------------------------------------------------ creation */

int heap_charge(Heap *h, int64_t delta)
{
    if (delta > 0 && h->bytes_total + delta > h->mem_limit) return -1;
    return 0;
}

static inline void account_new_sized(Heap *h, Obj *o, int64_t sz)
{
    h->live_count[o->type]++;
    h->live_bytes[o->type] += sz;
    h->live_total++;
    h->bytes_total += sz;
    if (h->log) heap_log_emit(h, EV_ALLOC, o, 1, 0, sz, 0);
}

static void account_new(Heap *h, Obj *o)
{
    int64_t sz = obj_sizeof(o);
    h->live_count[o->type]++;
    h->live_bytes[o->type] += sz;
    h->live_total++;
    h->bytes_total += sz;
    if (h->log) heap_log_emit(h, EV_ALLOC, o, 1, 0, sz, 0);
}

static inline void account_resize(Heap *h, Obj *o, int64_t delta)
{
    h->live_bytes[o->type] += delta;
    h->bytes_total += delta;
}

static FreeList *freelist_for(Heap *h, ObjType t, uint32_t n)
{
    switch (t) {
    case T_FLOAT: return &h->fl_float;
    case T_LIST: return &h->fl_list;
    case T_DICT: return &h->fl_dict;
    case T_TUPLE: return (n >= 1 && n <= 20) ? &h->fl_tuple[n] : NULL;
    default: return NULL;
    }
}

/* Allocate the C memory and the modelled block of a new object; for GC kinds
 * count the allocation toward generation 0 (which may run a collection first,
 * as _PyObject_GC_Link does in 3.11) unless it is reused from a free list. */
static Obj *obj_new(Heap *h, ObjType t, size_t csize, size_t model_size, int gc, uint32_t flcount)
{
    if (h->bytes_total + (int64_t)model_size > h->mem_limit) return NULL;
    FreeList *fl = freelist_for(h, t, flcount);
    if (h->generic_alloc) {
        fl = NULL;
        h->generic_alloc = 0;
    }
    AllocRef blk = 0;
    if (fl && fl->n > 0) {
        blk = fl->refs[--fl->n];
    } else {
        if (gc) gc_count_alloc(h);
        blk = alloc_malloc(h->alloc, model_size);
    }
    Obj *o = slab_alloc(h->slabs, csize);
    memset(o, 0, csize);
    o->rc = 1;
    o->type = (uint8_t)t;
    o->flags = gc ? OF_GC : 0;
    o->blk = blk;
    o->serial = ++h->next_serial;
    if (gc) {
        GCObj *g = (GCObj *)o;
        g->gc_prev = g->gc_next = NULL;
    }
    return o;
}

Obj *new_int(Heap *h, int64_t v)
{
    if (is_small_int(v)) {
        Obj *o = &h->small_ints[v - SMALL_INT_MIN].ob;
        o->rc++;
        return o;
    }
    /* the hot path of every int-heavy program: no free list, not a GC object */
    int64_t sz = small_int_sizeof(v);
    if (h->bytes_total + sz > h->mem_limit) return NULL;
    IntObj *io = slab_alloc(h->slabs, sizeof(IntObj));
    io->ob.rc = 1;
    io->ob.type = T_INT;
    io->ob.flags = 0;
    io->ob.gen = 0;
    io->ob.sub = 0;
    io->ob.blk = alloc_malloc(h->alloc, (size_t)sz);
    io->ob.serial = ++h->next_serial;
    io->v = v;
    account_new_sized(h, &io->ob, sz);
    return &io->ob;
}

Obj *new_bigint(Heap *h, BigInt *b)
{
    int64_t v;
    if (bi_to_i64(b, &v)) {
        bi_free(b);
        return new_int(h, v);
    }
    size_t sz = bi_sizeof(b);
    Obj *o = obj_new(h, T_INT, sizeof(IntObj), sz, 0, 0);
    if (!o) {
        bi_free(b);
        return NULL;
    }
    o->flags |= OF_BIG;
    ((IntObj *)o)->big = b;
    account_new(h, o);
    return o;
}

Obj *new_float(Heap *h, double v)
{
    Obj *o = obj_new(h, T_FLOAT, sizeof(FloatObj), 24, 0, 0);
    if (!o) return NULL;
    ((FloatObj *)o)->v = v;
    account_new(h, o);
    return o;
}

static void str_measure(const char *s, size_t len, uint32_t *nchars, uint8_t *kind)
{
    uint32_t n = 0, maxcp = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        int k;
        if (c < 0x80) { cp = c; k = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; k = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; k = 3; }
        else { cp = c & 0x07; k = 4; }
        for (int j = 1; j < k && i + (size_t)j < len; j++) cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3F);
        if (cp > maxcp) maxcp = cp;
        i += (size_t)k;
        n++;
    }
    *nchars = n;
    *kind = maxcp < 0x80 ? 1 : maxcp < 0x100 ? 2 : maxcp < 0x10000 ? 3 : 4;
}

static void init_static(Heap *h, Obj *o, ObjType t);

/* A str object of len bytes (contents to fill), checked against the
 * ceiling before any real memory is taken; NULL: MemoryError. */
static StrObj *str_alloc(Heap *h, size_t len, uint32_t nchars, uint8_t kind)
{
    if (len >= UINT32_MAX) return NULL;   /* 4 GiB of text */
    StrObj tmp = {.ob = {.type = T_STR}, .nchars = nchars, .kind = kind};
    Obj *o = obj_new(h, T_STR, sizeof(StrObj) + len + 1, (size_t)obj_sizeof(&tmp.ob), 0, 0);
    if (!o) return NULL;
    StrObj *so = (StrObj *)o;
    so->len = (uint32_t)len;
    so->nchars = nchars;
    so->kind = kind;
    so->hash = -1;
    so->s[len] = '\0';
    account_new(h, o);
    return so;
}

Obj *new_str(Heap *h, const char *s, size_t len)
{
    if (len == 0 && h->empty_str) {
        h->empty_str->ob.rc++;
        return &h->empty_str->ob;
    }
    if (len >= UINT32_MAX) return NULL;
    uint32_t nchars;
    uint8_t kind;
    str_measure(s, len, &nchars, &kind);
    if (nchars == 1 && kind <= 2 && h->empty_str) {
        /* one latin-1 character: CPython 3.11's static singletons (as the
         * small ints, shared by the whole interpreter, never freed) */
        uint32_t cp = '?';
        utf8_decode((const unsigned char *)s, len, &cp);
        StrObj *c = h->latin1[cp & 0xFF];
        if (!c) {
            c = h->latin1[cp & 0xFF] = xcalloc(1, sizeof(StrObj) + 3);
            init_static(h, &c->ob, T_STR);
            memcpy(c->s, s, len);
            c->len = (uint32_t)len;
            c->nchars = 1;
            c->kind = kind;
            c->hash = -1;
        }
        c->ob.rc++;
        return &c->ob;
    }
    StrObj *so = str_alloc(h, len, nchars, kind);
    if (!so) return NULL;
    memcpy(so->s, s, len);
    return &so->ob;
}

Obj *new_static_str(Heap *h, const char *s, size_t len)
{
    StrObj *c = xcalloc(1, sizeof(StrObj) + len + 1);
    init_static(h, &c->ob, T_STR);
    memcpy(c->s, s, len);
    c->len = (uint32_t)len;
    str_measure(s, len, &c->nchars, &c->kind);
    c->hash = -1;
    h->static_strs = xrealloc(h->static_strs, (h->nstatic_strs + 1) * sizeof(StrObj *));
    h->static_strs[h->nstatic_strs++] = c;
    return &c->ob;
}

Obj *new_str_cat(Heap *h, const Obj *a, const Obj *b)
{
    const StrObj *x = (const StrObj *)a, *y = (const StrObj *)b;
    if (x->nchars + y->nchars <= 1) {   /* the empty or a one-character str: shared */
        const StrObj *z = x->len ? x : y;
        return new_str(h, z->s, z->len);
    }
    StrObj *so = str_alloc(h, (size_t)x->len + y->len, x->nchars + y->nchars, x->kind > y->kind ? x->kind : y->kind);
    if (!so) return NULL;
    memcpy(so->s, x->s, x->len);
    memcpy(so->s + x->len, y->s, y->len);
    return &so->ob;
}

Obj *new_tuple(Heap *h, uint32_t n)
{
    if (n == 0 && h->empty_tuple) {
        h->empty_tuple->gc.ob.rc++;
        return &h->empty_tuple->gc.ob;
    }
    Obj *o = obj_new(h, T_TUPLE, sizeof(TupleObj) + sizeof(Obj *) * n, 40 + 8 * (size_t)n, 1, n);
    if (!o) return NULL;
    ((TupleObj *)o)->n = n;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

static int list_set_capacity(Heap *h, ListObj *l, int64_t cap)
{
    if (cap == l->cap) return 0;
    int64_t delta = 8 * (cap - l->cap);
    if (cap > ((int64_t)1 << 40) || heap_charge(h, delta) < 0) return -1;
    if (cap == 0) {
        items_free(h->slabs, l->items, l->cap);
        l->items = NULL;
        if (l->gc.blk2) alloc_release(h->alloc, l->gc.blk2);
        l->gc.blk2 = 0;
    } else {
        AllocRef r = alloc_resize(h->alloc, l->gc.blk2, (size_t)cap * 8);
        if (!r) return -1;
        l->gc.blk2 = r;
        l->items = items_resize(h->slabs, l->items, l->cap, cap);
    }
    l->cap = cap;
    account_resize(h, &l->gc.ob, delta);
    return 0;
}

Obj *new_list(Heap *h, int64_t cap)
{
    if (cap < 0 || heap_charge(h, 56 + 8 * cap) < 0) return NULL;
    Obj *o = obj_new(h, T_LIST, sizeof(ListObj), 56, 1, 0);
    if (!o) return NULL;
    account_new(h, o);
    if (cap && list_set_capacity(h, (ListObj *)o, cap) < 0) {
        decref(h, o);
        return NULL;
    }
    gc_track(h, o);
    return o;
}

int list_resize(Heap *h, ListObj *l, int64_t newsize)
{
    if (l->cap >= newsize && newsize >= (l->cap >> 1)) {
        l->n = newsize;
        return 0;
    }
    int64_t nc = list_grow_capacity(l->n, newsize);
    if (list_set_capacity(h, l, nc) < 0) return -1;
    l->n = newsize;
    return 0;
}

int list_reserve_exact(Heap *h, ListObj *l, int64_t cap)
{
    return list_set_capacity(h, l, cap);
}

int list_append(Heap *h, ListObj *l, Obj *v)
{
    int64_t n = l->n;
    if (n < l->cap) {
        l->items[n] = v;
        l->n = n + 1;
        return 0;
    }
    if (list_resize(h, l, n + 1) < 0) {
        decref(h, v);
        return -1;
    }
    l->items[n] = v;
    return 0;
}

void list_clear(Heap *h, ListObj *l)
{
    Obj **items = l->items;
    int64_t n = l->n;
    int64_t oldcap = l->cap;
    AllocRef blk = l->gc.blk2;
    int64_t cap = l->cap;
    l->items = NULL;
    l->n = 0;
    l->cap = 0;
    l->gc.blk2 = 0;
    account_resize(h, &l->gc.ob, -8 * cap);
    while (--n >= 0) decref(h, items[n]);
    items_free(h->slabs, items, oldcap);
    if (blk) alloc_release(h->alloc, blk);
}

/* ------------------------------------------------------------------ dict */

/* calculate_log2_keysize: bit_length(((n | 8) - 1) | 7) */
static int dict_log2_for(int64_t n)
{
    uint64_t m = (((uint64_t)n | 8) - 1) | 7;
    int l = 0;
    while (m >> l) l++;
    return l;
}

static int dict_rebuild(Heap *h, DictObj *d, int log2size, int unicode)
{
    int64_t oldbytes = obj_sizeof(&d->gc.ob);
    uint32_t size = 1u << log2size;
    uint32_t usable = (size * 2) / 3;
    DictObj probe = *d;
    probe.log2size = (uint8_t)log2size;
    probe.unicode = (uint8_t)unicode;
    int64_t newbytes = obj_sizeof(&probe.gc.ob);
    if (heap_charge(h, newbytes - oldbytes) < 0) return -1;
    DictEntry *ne = xcalloc(usable, sizeof(DictEntry));
    int32_t *ix = xmalloc(sizeof(int32_t) * size);
    memset(ix, 0xff, sizeof(int32_t) * size);
    uint32_t j = 0;
    for (uint32_t i = 0; i < d->nentries; i++) {
        if (!d->entries[i].key) continue;
        ne[j] = d->entries[i];
        uint32_t p = (uint32_t)ne[j].hash & (size - 1);
        while (ix[p] != -1) p = (p + 1) & (size - 1);
        ix[p] = (int32_t)j;
        j++;
    }
    free(d->entries);
    free(d->index);
    d->version++;
    d->entries = ne;
    d->index = ix;
    d->nentries = j;
    d->usable = usable - j;
    d->log2size = (uint8_t)log2size;
    d->unicode = (uint8_t)unicode;
    AllocRef r = alloc_resize(h->alloc, d->gc.blk2, (size_t)(newbytes - 64));
    if (r) d->gc.blk2 = r;
    account_resize(h, &d->gc.ob, newbytes - oldbytes);
    return 0;
}

Obj *new_dict(Heap *h)
{
    Obj *o = obj_new(h, T_DICT, sizeof(DictObj), 64, 1, 0);
    if (!o) return NULL;
    ((DictObj *)o)->unicode = 1;
    account_new(h, o);
    return o;  /* created untracked: tracked once something trackable is inserted */
}

Obj *new_dict_presized(Heap *h, int64_t n, int unicode)
{
    Obj *o = new_dict(h);
    if (!o || n <= 5) return o;
    if (dict_rebuild(h, (DictObj *)o, dict_log2_for((n * 3 + 1) / 2), unicode) < 0) {
        decref(h, o);
        return NULL;
    }
    return o;
}

/* PyDict_Copy (3.11): an empty dict gives a new empty one; one with at most
 * a third of its entries deleted is cloned table and all (clone_combined_dict_keys:
 * the same size, deleted entries kept, tracked if the original is); a
 * sparser one is merged into a dict presized for its items, which compacts it. */
Obj *dict_copy(Heap *h, DictObj *d)
{
    if (d->used == 0) return new_dict(h);
    if (d->used >= (d->nentries * 2) / 3) {
        int64_t keys = obj_sizeof(&d->gc.ob) - 64;
        if (h->bytes_total + keys + 64 > h->mem_limit) return NULL;
        AllocRef kb = alloc_malloc(h->alloc, (size_t)keys);   /* the keys first, then the dict */
        Obj *o = new_dict(h);
        if (!o) {
            alloc_release(h->alloc, kb);
            return NULL;
        }
        DictObj *c = (DictObj *)o;
        uint32_t size = 1u << d->log2size, usable = (size * 2) / 3;
        c->entries = xcalloc(usable, sizeof(DictEntry));
        memcpy(c->entries, d->entries, d->nentries * sizeof(DictEntry));
        c->index = xmalloc(sizeof(int32_t) * size);
        memcpy(c->index, d->index, sizeof(int32_t) * size);
        c->nentries = d->nentries;
        c->used = d->used;
        c->usable = d->usable;
        c->log2size = d->log2size;
        c->unicode = d->unicode;
        c->gc.blk2 = kb;
        for (uint32_t i = 0; i < c->nentries; i++)
            if (c->entries[i].key) {
                incref(h, c->entries[i].key);
                incref(h, c->entries[i].value);
            }
        account_resize(h, o, keys);
        if (gc_is_tracked(&d->gc.ob)) gc_track(h, o);
        return o;
    }
    Obj *c = new_dict_presized(h, d->used, d->unicode);
    if (!c) return NULL;
    for (uint32_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key && dict_set(h, (DictObj *)c, d->entries[i].key, d->entries[i].value) < 0) {
            decref(h, c);
            return NULL;
        }
    return c;
}

int dict_lookup(DictObj *d, const Obj *key, int64_t hash, int64_t *entry)
{
    if (!d->log2size) return 0;
    uint32_t mask = (1u << d->log2size) - 1;
    uint32_t p = (uint32_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[p];
        if (ix == -1) return 0;
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key && (e->key == key || (e->hash == hash && obj_equal(e->key, key)))) {
                *entry = ix;
                return 1;
            }
        }
        p = (p + 1) & mask;
    }
}

void dict_maybe_track(Heap *h, DictObj *d, const Obj *k, const Obj *v)
{
    if (!(d->gc.ob.flags & OF_TRACKED) && (obj_may_be_tracked(k) || obj_may_be_tracked(v)))
        gc_track(h, &d->gc.ob);
}

int dict_set(Heap *h, DictObj *d, Obj *key, Obj *value)
{
    int64_t hash, ix;
    if (obj_hash(key, &hash) < 0) return -2;
    if (dict_lookup(d, key, hash, &ix)) {
        Obj *old = d->entries[ix].value;
        d->entries[ix].value = incref(h, value);
        dict_maybe_track(h, d, key, value);
        decref(h, old);
        return 0;
    }
    int unicode = d->unicode;
    if (d->log2size == 0) {
        if (dict_rebuild(h, d, 3, key->type == T_STR) < 0) return -1;
    } else if (unicode && key->type != T_STR) {
        if (dict_rebuild(h, d, dict_log2_for((int64_t)d->used * 3), 0) < 0) return -1;
    }
    if (d->usable == 0 && dict_rebuild(h, d, dict_log2_for((int64_t)d->used * 3), d->unicode) < 0)
        return -1;
    uint32_t mask = (1u << d->log2size) - 1;
    uint32_t p = (uint32_t)hash & mask;
    while (d->index[p] >= 0) p = (p + 1) & mask;
    uint32_t e = d->nentries++;
    d->version++;
    d->index[p] = (int32_t)e;
    d->entries[e].key = incref(h, key);
    d->entries[e].value = incref(h, value);
    d->entries[e].hash = hash;
    d->used++;
    d->usable--;
    dict_maybe_track(h, d, key, value);
    return 0;
}

Obj *dict_get(DictObj *d, const Obj *key)
{
    int64_t hash, ix;
    if (obj_hash(key, &hash) < 0) return NULL;
    if (dict_lookup(d, key, hash, &ix)) return d->entries[ix].value;
    return NULL;
}

int dict_del(Heap *h, DictObj *d, const Obj *key)
{
    int64_t hash, ix;
    if (obj_hash(key, &hash) < 0) return -2;
    if (!dict_lookup(d, key, hash, &ix)) return 0;
    uint32_t mask = (1u << d->log2size) - 1;
    uint32_t p = (uint32_t)hash & mask;
    while (d->index[p] != ix) p = (p + 1) & mask;
    d->index[p] = -2;
    d->version++;
    Obj *k = d->entries[ix].key, *v = d->entries[ix].value;
    d->entries[ix].key = NULL;
    d->entries[ix].value = NULL;
    d->used--;
    decref(h, k);   /* delitem_common: the key goes first */
    decref(h, v);
    return 1;
}

static void dict_release_entries(Heap *h, DictEntry *entries, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (!entries[i].key) continue;
        decref(h, entries[i].key);
        decref(h, entries[i].value);
    }
}

void dict_clear(Heap *h, DictObj *d)
{
    if (d->log2size == 0) return;
    DictEntry *entries = d->entries;
    uint32_t n = d->nentries;
    account_resize(h, &d->gc.ob, 64 - obj_sizeof(&d->gc.ob));
    free(d->index);
    d->index = NULL;
    d->entries = NULL;
    d->version++;
    d->nentries = d->used = d->usable = 0;
    d->log2size = 0;
    d->unicode = 1;
    if (d->gc.blk2) alloc_release(h->alloc, d->gc.blk2);
    d->gc.blk2 = 0;
    dict_release_entries(h, entries, n);
    free(entries);
}

/* ------------------------------------------------------------------ set */

static Obj set_dummy_obj;
#define SET_DUMMY (&set_dummy_obj)

Obj *new_set(Heap *h)
{
    Obj *o = obj_new(h, T_SET, sizeof(SetObj), 216, 1, 0);
    if (!o) return NULL;
    SetObj *s = (SetObj *)o;
    s->table = s->small;
    s->mask = 7;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

static void set_insert_clean(SetEntry *table, uint32_t mask, Obj *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint32_t i = (uint32_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (!e->key) goto found;
        if (i + 9 <= mask) {
            for (int j = 0; j < 9; j++) {
                e++;
                if (!e->key) goto found;
            }
        }
        perturb >>= 5;
        i = (uint32_t)((i * 5 + 1 + perturb) & mask);
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static int set_table_resize(Heap *h, SetObj *s, int64_t minused)
{
    uint32_t newsize = 8;
    while (newsize <= minused) newsize <<= 1;
    int64_t oldbytes = obj_sizeof(&s->gc.ob);
    int64_t newbytes = 216 + (newsize > 8 ? 16 * (int64_t)newsize : 0);
    if (heap_charge(h, newbytes - oldbytes) < 0) return -1;
    SetEntry *old = s->table;
    uint32_t oldmask = s->mask;
    SetEntry tmp[8];
    if (old == s->small) {
        memcpy(tmp, s->small, sizeof tmp);
        old = tmp;
    }
    SetEntry *nt = newsize == 8 ? s->small : xcalloc(newsize, sizeof(SetEntry));
    if (nt == s->small) memset(s->small, 0, sizeof s->small);
    for (uint32_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != SET_DUMMY) set_insert_clean(nt, newsize - 1, old[i].key, old[i].hash);
    if (old != tmp) free(old);
    if (s->gc.blk2) alloc_release(h->alloc, s->gc.blk2);
    s->gc.blk2 = newsize > 8 ? alloc_malloc(h->alloc, 16 * (size_t)newsize) : 0;
    s->table = nt;
    s->mask = newsize - 1;
    s->fill = s->used;
    account_resize(h, &s->gc.ob, newbytes - oldbytes);
    return 0;
}

static SetEntry *set_find(SetObj *s, const Obj *key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash;
    uint32_t mask = s->mask;
    uint32_t i = (uint32_t)hash & mask;
    for (;;) {
        SetEntry *e = &s->table[i];
        int probes = (i + 9 <= mask) ? 9 : 0;
        do {
            if (!e->key) return NULL;
            if (e->key != SET_DUMMY && e->hash == hash && (e->key == key || obj_equal(e->key, key))) return e;
            e++;
        } while (probes--);
        perturb >>= 5;
        i = (uint32_t)((i * 5 + 1 + perturb) & mask);
    }
}

int set_add(Heap *h, SetObj *s, Obj *key)
{
    int64_t hash;
    if (obj_hash(key, &hash) < 0) return -2;
    if (set_find(s, key, hash)) return 0;
    uint64_t perturb = (uint64_t)hash;
    uint32_t mask = s->mask;
    uint32_t i = (uint32_t)hash & mask;
    SetEntry *e;
    for (;;) {
        e = &s->table[i];
        int probes = (i + 9 <= mask) ? 9 : 0;
        do {
            if (!e->key) goto found;
            e++;
        } while (probes--);
        perturb >>= 5;
        i = (uint32_t)((i * 5 + 1 + perturb) & mask);
    }
found:
    e->key = incref(h, key);
    e->hash = hash;
    s->fill++;
    s->used++;
    if ((uint64_t)s->fill * 5 < (uint64_t)mask * 3) return 1;
    if (set_table_resize(h, s, s->used > 50000 ? (int64_t)s->used * 2 : (int64_t)s->used * 4) < 0) return -1;
    return 1;
}

int set_contains(SetObj *s, const Obj *key)
{
    int64_t hash;
    if (obj_hash(key, &hash) < 0) return -2;
    return set_find(s, key, hash) != NULL;
}

int set_discard(Heap *h, SetObj *s, const Obj *key)
{
    int64_t hash;
    if (obj_hash(key, &hash) < 0) return -2;
    SetEntry *e = set_find(s, key, hash);
    if (!e) return 0;
    Obj *k = e->key;
    e->key = SET_DUMMY;
    e->hash = -1;
    s->used--;
    decref(h, k);
    return 1;
}

static void set_release_table(Heap *h, SetEntry *t, uint32_t mask)
{
    for (uint32_t i = 0; i <= mask; i++)
        if (t[i].key && t[i].key != SET_DUMMY) decref(h, t[i].key);
}

void set_clear(Heap *h, SetObj *s)
{
    SetEntry tmp[8];
    SetEntry *t = s->table;
    uint32_t mask = s->mask;
    if (t == s->small) {
        memcpy(tmp, s->small, sizeof tmp);
        t = tmp;
    }
    account_resize(h, &s->gc.ob, 216 - obj_sizeof(&s->gc.ob));
    memset(s->small, 0, sizeof s->small);
    s->table = s->small;
    s->mask = 7;
    s->fill = s->used = 0;
    if (s->gc.blk2) alloc_release(h->alloc, s->gc.blk2);
    s->gc.blk2 = 0;
    set_release_table(h, t, mask);
    if (t != tmp) free(t);
}

/* ------------------------------------------------------------------ array */

static int array_itemsize(char tc)
{
    switch (tc) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

Obj *new_array(Heap *h, char typecode)
{
    Obj *o = obj_new(h, T_ARRAY, sizeof(ArrayObj), 80, 1, 0);
    if (!o) return NULL;
    ArrayObj *a = (ArrayObj *)o;
    a->typecode = typecode;
    a->itemsize = (uint8_t)array_itemsize(typecode);
    o->sub = (uint8_t)typecode;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

static int array_set_cap(Heap *h, ArrayObj *a, int64_t cap)
{
    int64_t delta = (cap - a->cap) * a->itemsize;
    if (cap > ((int64_t)1 << 40) || heap_charge(h, delta) < 0) return -1;
    if (cap == 0) {
        free(a->data);
        a->data = NULL;
        if (a->gc.blk2) alloc_release(h->alloc, a->gc.blk2);
        a->gc.blk2 = 0;
    } else {
        AllocRef r = alloc_resize(h->alloc, a->gc.blk2, (size_t)(cap * a->itemsize));
        if (!r) return -1;
        a->gc.blk2 = r;
        a->data = xrealloc(a->data, (size_t)(cap * a->itemsize));
    }
    a->cap = cap;
    account_resize(h, &a->gc.ob, delta);
    return 0;
}

int array_resize(Heap *h, ArrayObj *a, int64_t newsize)
{
    if (a->cap >= newsize && a->n < newsize + 16 && a->data) {
        a->n = newsize;
        return 0;
    }
    if (newsize == 0) {
        if (array_set_cap(h, a, 0) < 0) return -1;
        a->n = 0;
        return 0;
    }
    int64_t nc = newsize + (newsize >> 4) + (a->n < 8 ? 3 : 7);
    if (array_set_cap(h, a, nc) < 0) return -1;
    a->n = newsize;
    return 0;
}

int array_append_raw(Heap *h, ArrayObj *a, const void *item)
{
    int64_t n = a->n;
    if (array_resize(h, a, n + 1) < 0) return -1;
    memcpy((char *)a->data + n * a->itemsize, item, a->itemsize);
    return 0;
}

/* ------------------------------------------------------------------ others */

Obj *new_class(Heap *h, Sym name, ClassObj *base)
{
    Obj *o = obj_new(h, T_CLASS, sizeof(ClassObj), 1688, 1, 0);
    if (!o) return NULL;
    ClassObj *c = (ClassObj *)o;
    c->name = name;
    c->base = base;
    if (base) incref(h, &base->gc.ob);
    /* instances as a plain class's: a __weakref__ slot and a managed __dict__ */
    c->basicsize = py_profile->managed_weakref ? 16 : 24;
    c->managed_dict = c->weaklist = 1;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

Obj *new_descr(Heap *h, int kind, ClassObj *owner, Sym name)
{
    Obj *o = obj_new(h, T_DESCR, sizeof(DescrObj), 64, 1, 0);
    if (!o) return NULL;
    o->sub = (uint8_t)kind;
    DescrObj *d = (DescrObj *)o;
    d->owner = (ClassObj *)incref(h, &owner->gc.ob);
    d->name = name;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

void class_add_subclass(Heap *h, ClassObj *base, ClassObj *sub)
{
    if (base && !base->has_subclasses) {
        /* base->tp_subclasses = {}: a dict (from the free list if it has one) and its table */
        base->has_subclasses = 1;
        if (h->fl_dict.n > 0) base->subdict_blk[0] = h->fl_dict.refs[--h->fl_dict.n];
        else {
            gc_count_alloc(h);
            base->subdict_blk[0] = alloc_malloc(h->alloc, 64);
        }
        base->subdict_blk[1] = alloc_malloc(h->alloc, 32 + 8 + 5 * 24);
    }
    /* the key, PyLong_FromVoidPtr(sub), and the weakref to sub */
    sub->subref_blk[0] = alloc_malloc(h->alloc, 32);
    gc_count_alloc(h);
    sub->subref_blk[1] = alloc_malloc(h->alloc, 80);
}

Obj *new_instance(Heap *h, ClassObj *cls)
{
    Obj *o = obj_new(h, T_INSTANCE, sizeof(InstanceObj), 48, 1, 0);
    if (!o) return NULL;
    InstanceObj *in = (InstanceObj *)o;
    in->cls = cls;
    incref(h, &cls->gc.ob);
    if (cls->has_slots && cls->nslots) {
        in->nvals = cls->nslots;
        in->vals = xcalloc(in->nvals, sizeof(Obj *));
    }
    account_new(h, o);
    gc_track(h, o);
    return o;
}

Obj *new_function(Heap *h, const Node *def, struct Code *code, TupleObj *defaults, Sym name)
{
    Obj *o = obj_new(h, T_FUNCTION, sizeof(FuncObj), 152, 1, 0);
    if (!o) return NULL;
    FuncObj *f = (FuncObj *)o;
    f->def = def;
    f->code = code;
    f->defaults = defaults;
    f->name = name;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

Obj *new_method(Heap *h, Obj *func, Obj *self)
{
    Obj *o = obj_new(h, T_METHOD, sizeof(MethodObj), 48, 1, 0);
    if (!o) return NULL;
    MethodObj *m = (MethodObj *)o;
    m->func = incref(h, func);
    m->self = incref(h, self);
    account_new(h, o);
    gc_track(h, o);
    return o;
}

Obj *new_builtin(Heap *h, uint16_t id, Obj *self, uint8_t group)
{
    Obj *o = obj_new(h, T_BUILTIN, sizeof(BuiltinObj), 72, 1, 0);
    if (!o) return NULL;
    BuiltinObj *b = (BuiltinObj *)o;
    b->id = id;
    o->sub = group;
    b->self = self ? incref(h, self) : NULL;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

Obj *new_module(Heap *h, Sym name)
{
    Obj *o = obj_new(h, T_MODULE, sizeof(ModuleObj), 72, 1, 0);
    if (!o) return NULL;
    ((ModuleObj *)o)->name = name;
    account_new(h, o);
    gc_track(h, o);
    return o;
}

Obj *new_range(Heap *h, int64_t start, int64_t stop, int64_t step)
{
    Obj *o = obj_new(h, T_RANGE, sizeof(RangeObj), 48, 0, 0);
    if (!o) return NULL;
    RangeObj *r = (RangeObj *)o;
    r->start = start;
    r->stop = stop;
    r->step = step;
    int64_t len = 0;
    if (step > 0 && start < stop) len = (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    else if (step < 0 && start > stop)
        len = (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-(step + 1) + 1) + 1);
    r->len = len;
    account_new(h, o);
    return o;
}

Obj *new_iter(Heap *h, IterKind k, Obj *seq)
{
    int gc = k != IT_RANGE;
    IterObj tmp = {.gc = {.ob = {.type = T_ITER, .sub = (uint8_t)k}}};
    Obj *o = obj_new(h, T_ITER, sizeof(IterObj), (size_t)obj_sizeof(&tmp.gc.ob), gc, 0);
    if (!o) return NULL;
    o->sub = (uint8_t)k;
    ((IterObj *)o)->seq = seq ? incref(h, seq) : NULL;
    account_new(h, o);
    if (gc) gc_track(h, o);
    return o;
}

Obj *new_dictview(Heap *h, DictViewKind k, DictObj *d)
{
    Obj *o = obj_new(h, T_DICTVIEW, sizeof(DictViewObj), 40, 1, 0);
    if (!o) return NULL;
    o->sub = (uint8_t)k;
    ((DictViewObj *)o)->dict = (DictObj *)incref(h, &d->gc.ob);
    account_new(h, o);
    gc_track(h, o);
    return o;
}

Obj *bool_obj(Heap *h, int b)
{
    Obj *o = b ? h->true_ : h->false_;
    o->rc++;
    return o;
}

Obj *attrmap_get(const AttrMap *m, Sym k)
{
    for (uint32_t i = 0; i < m->n; i++)
        if (m->items[i].key == k) return m->items[i].value;
    return NULL;
}

void attrmap_set(Heap *h, AttrMap *m, Sym k, Obj *v)
{
    for (uint32_t i = 0; i < m->n; i++)
        if (m->items[i].key == k) {
            Obj *old = m->items[i].value;
            m->items[i].value = v;
            decref(h, old);
            return;
        }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 8;
        m->items = xrealloc(m->items, m->cap * sizeof(Attr));
    }
    m->items[m->n].key = k;
    m->items[m->n].value = v;
    m->n++;
}

/* An instance's value slot for an attribute: __slots__ index, or the
 * class's shared key order (3.11 inline values). */
Obj **instance_slot(Heap *h, InstanceObj *in, Sym name, int create)
{
    ClassObj *c = in->cls;
    if (c->has_slots) {
        uint32_t idx = 0;
        /* slots are numbered from the root base down */
        ClassObj *chain[64];
        int nc = 0;
        for (ClassObj *k = c; k && nc < 64; k = k->base) chain[nc++] = k;
        for (int j = nc - 1; j >= 0; j--) {
            ClassObj *k = chain[j];
            uint32_t own = k->has_slots ? (k->nslots - (k->base && k->base->has_slots ? k->base->nslots : 0)) : 0;
            for (uint32_t s = 0; s < own; s++, idx++)
                if (k->slots[s] == name) return &in->vals[idx];
        }
        return NULL;
    }
    uint32_t i;
    for (i = 0; i < c->keys_cached; i++)
        if (c->keys[i] == name) break;
    if (i == c->keys_cached) {
        if (!create) return NULL;
        if (c->keys_cached == c->keys_cap) {
            c->keys_cap = c->keys_cap ? c->keys_cap * 2 : 8;
            c->keys = xrealloc(c->keys, c->keys_cap * sizeof(Sym));
        }
        c->keys[c->keys_cached++] = name;
    }
    if (i >= in->nvals) {
        if (!create) return NULL;
        uint32_t nv = c->keys_cached > i + 1 ? c->keys_cached : i + 1;
        if (nv < 4) nv = 4;
        in->vals = xrealloc(in->vals, nv * sizeof(Obj *));
        memset(in->vals + in->nvals, 0, (nv - in->nvals) * sizeof(Obj *));
        if (in->gc.blk2) alloc_release(h->alloc, in->gc.blk2);
        in->gc.blk2 = alloc_malloc(h->alloc, 8 * (size_t)nv + 8);
        in->nvals = nv;
    }
    return &in->vals[i];
}

uint64_t heap_address(const Heap *h, const Obj *o)
{
    uint32_t arena;
    unsigned pool, block;
    if (!o->blk) return 0x7f0000000000ULL + (uint64_t)o->serial * 16;   /* static objects */
    if (alloc_locate(h->alloc, o->blk, &arena, &pool, &block)) {
        unsigned size = (unsigned)((obj_alloc_size(o) + 15) & ~(size_t)15);
        return 0x7f1000000000ULL + (uint64_t)arena * ALLOC_ARENA_SIZE + (uint64_t)pool * ALLOC_POOL_SIZE +
               ALLOC_POOL_OVERHEAD + (uint64_t)block * size;
    }
    return 0x7e0000000000ULL + (uint64_t)(o->blk & 0x7fffffff) * 4096;       /* system malloc */
}

/* ------------------------------------------------------------------ release */

typedef struct DeallocFrame {
    Obj *o;
    int64_t i;       /* cursor over the children */
    int64_t size;    /* getsizeof at the start of the release */
} DeallocFrame;

static void dpush(Heap *h, Obj *o)
{
    if (h->dn == h->dcap) {
        h->dcap = h->dcap ? h->dcap * 2 : 64;
        h->dstack = xrealloc(h->dstack, h->dcap * sizeof(DeallocFrame));
    }
    DeallocFrame *f = &h->dstack[h->dn++];
    f->o = o;
    f->i = 0;
    f->size = obj_sizeof(o);
    if (o->type == T_LIST) f->i = ((ListObj *)o)->n - 1;
    else if (o->type == T_TUPLE) f->i = (int64_t)((TupleObj *)o)->n - 1;
}

/* The next reference the object gives up, in CPython's dealloc order, or NULL. */
static Obj *next_child(Heap *h, DeallocFrame *f)
{
    Obj *o = f->o;
    switch ((ObjType)o->type) {
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        return f->i >= 0 ? l->items[f->i--] : NULL;
    }
    case T_TUPLE: {
        TupleObj *t = (TupleObj *)o;
        while (f->i >= 0) {
            Obj *c = t->items[f->i--];
            if (c) return c;
        }
        return NULL;
    }
    case T_DICT: {
        DictObj *d = (DictObj *)o;
        while (f->i < 2 * (int64_t)d->nentries) {
            int64_t e = f->i / 2;
            int val = (int)(f->i & 1);
            f->i++;
            if (!d->entries[e].key) continue;
            return val ? d->entries[e].value : d->entries[e].key;
        }
        return NULL;
    }
    case T_SET: {
        SetObj *s = (SetObj *)o;
        while (f->i <= (int64_t)s->mask) {
            SetEntry *e = &s->table[f->i++];
            if (e->key && e->key != SET_DUMMY) return e->key;
        }
        return NULL;
    }
    case T_INSTANCE: {
        InstanceObj *in = (InstanceObj *)o;
        while (f->i < (int64_t)in->nvals) {
            Obj *c = in->vals[f->i];
            in->vals[f->i++] = NULL;
            if (c) return c;
        }
        if (f->i == (int64_t)in->nvals) {
            f->i++;
            return &in->cls->gc.ob;
        }
        return NULL;
    }
    case T_CLASS: { /* type_dealloc */
        ClassObj *c = (ClassObj *)o;
        Obj *child = NULL;
        if (f->i == 0 && c->subref_blk[1]) {
            /* remove_all_subclasses: the base's weakref to it, and its key */
            gc_count_dealloc(h);
            alloc_release(h->alloc, c->subref_blk[1]);
            alloc_release(h->alloc, c->subref_blk[0]);
            c->subref_blk[0] = c->subref_blk[1] = 0;
        }
        while (!child && f->i < 4) {
            switch (f->i++) {
            case 0: child = c->base ? &c->base->gc.ob : NULL; c->base = NULL; break;
            case 1: child = c->dict ? &c->dict->gc.ob : NULL; c->dict = NULL; break;
            case 2: child = c->bases ? &c->bases->gc.ob : NULL; c->bases = NULL; break;
            default: child = c->mro ? &c->mro->gc.ob : NULL; c->mro = NULL; break;
            }
        }
        return child;
    }
    case T_DESCR: {
        DescrObj *d = (DescrObj *)o;
        if (f->i == 0) { f->i = 1; return &d->owner->gc.ob; }
        return NULL;
    }
    case T_FUNCTION: {
        FuncObj *fn = (FuncObj *)o;
        if (f->i == 0) {
            f->i = 1;
            if (fn->globals) return fn->globals;
        }
        if (f->i == 1) {
            f->i = 2;
            if (fn->defaults) return &fn->defaults->gc.ob;
        }
        return NULL;
    }
    case T_METHOD: {
        MethodObj *m = (MethodObj *)o;
        if (f->i == 0) { f->i = 1; return m->func; }
        if (f->i == 1) { f->i = 2; return m->self; }
        return NULL;
    }
    case T_BUILTIN: {
        BuiltinObj *b = (BuiltinObj *)o;
        if (f->i == 0) { f->i = 1; if (b->self) return b->self; }
        return NULL;
    }
    case T_ITER: {
        IterObj *it = (IterObj *)o;
        if (f->i == 0) { f->i = 1; if (it->seq) return it->seq; }
        if (f->i == 1) { f->i = 2; if (it->extra) return it->extra; }
        return NULL;
    }
    case T_DICTVIEW: {
        DictViewObj *v = (DictViewObj *)o;
        if (f->i == 0) { f->i = 1; return &v->dict->gc.ob; }
        return NULL;
    }
    default:
        (void)h;
        return NULL;
    }
}

/* Free the object's own memory: side arrays, modelled blocks, the slab cell. */
static void finish(Heap *h, Obj *o, int64_t size)
{
    switch ((ObjType)o->type) {
    case T_INT:
        if (o->flags & OF_BIG) bi_free(((IntObj *)o)->big);
        break;
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        items_free(h->slabs, l->items, l->cap);
        if (l->gc.blk2) alloc_release(h->alloc, l->gc.blk2);
        break;
    }
    case T_DICT: {
        DictObj *d = (DictObj *)o;
        free(d->entries);
        free(d->index);
        if (d->gc.blk2) alloc_release(h->alloc, d->gc.blk2);
        break;
    }
    case T_SET: {
        SetObj *s = (SetObj *)o;
        if (s->table != s->small) free(s->table);
        if (s->gc.blk2) alloc_release(h->alloc, s->gc.blk2);
        break;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)o;
        free(a->data);
        if (a->gc.blk2) alloc_release(h->alloc, a->gc.blk2);
        break;
    }
    case T_INSTANCE: {
        InstanceObj *in = (InstanceObj *)o;
        free(in->vals);
        if (in->gc.blk2) alloc_release(h->alloc, in->gc.blk2);
        break;
    }
    case T_CLASS: {
        ClassObj *c = (ClassObj *)o;
        if (c->has_subclasses) {
            /* clear_tp_subclasses: its dict goes to the free list if there is room */
            alloc_release(h->alloc, c->subdict_blk[1]);
            if (h->fl_dict.n < h->fl_dict.cap) h->fl_dict.refs[h->fl_dict.n++] = c->subdict_blk[0];
            else {
                gc_count_dealloc(h);
                alloc_release(h->alloc, c->subdict_blk[0]);
            }
        }
        free(c->slots);
        free(c->keys);
        break;
    }
    default: break;
    }
    h->freed_total++;
    h->live_count[o->type]--;
    h->live_bytes[o->type] -= size;
    h->live_total--;
    h->bytes_total -= size;
    if (h->log) heap_log_emit(h, EV_FREE, o, 0, 0, size, 0);
    uint32_t n = o->type == T_TUPLE ? ((TupleObj *)o)->n : 0;
    FreeList *fl = freelist_for(h, (ObjType)o->type, n);
    if (fl && fl->n < fl->cap) {
        fl->refs[fl->n++] = o->blk;
    } else {
        if (o->flags & OF_GC) gc_count_dealloc(h);
        if (o->blk) alloc_release(h->alloc, o->blk);
    }
    slab_free(h->slabs, o, real_size(o));
}

/* Begin releasing an object whose count reached zero.  Returns 0 if it was
 * resurrected by its finalizer. */
static int begin_release(Heap *h, Obj *o)
{
    if (o->type == T_INSTANCE && ((InstanceObj *)o)->cls->has_del && !(o->flags & OF_FINALIZED) && h->finalize) {
        o->flags |= OF_FINALIZED;
        o->rc = 1;
        if (h->log) heap_log_emit(h, EV_FINALIZE, o, 1, 0, 0, 0);
        Reason saved = h->reason;
        Sym sd = h->reason_detail;
        h->finalize(h->finalize_ctx, o);
        h->reason = saved;
        h->reason_detail = sd;
        if (--o->rc != 0) {
            if (h->log) heap_log_emit(h, EV_RESURRECT, o, o->rc, 0, 0, 0);
            return 0;
        }
    }
    if (o->flags & OF_TRACKED) gc_untrack(h, o);
    dpush(h, o);
    return 1;
}

/* An int of one machine word: a leaf with nothing to release but itself
 * (the hot path of every int-heavy program, inlined where ints die). */
static inline int is_leaf_int(const Obj *o) { return o->type == T_INT && !(o->flags & OF_BIG); }

static inline void free_leaf_int(Heap *h, Obj *o)
{
    int64_t size = small_int_sizeof(((IntObj *)o)->v);
    h->freed_total++;
    h->live_count[T_INT]--;
    h->live_bytes[T_INT] -= size;
    h->live_total--;
    h->bytes_total -= size;
    if (h->log) heap_log_emit(h, EV_FREE, o, 0, 0, size, 0);
    alloc_release(h->alloc, o->blk);
    slab_free(h->slabs, o, sizeof(IntObj));
}

void heap_dealloc(Heap *h, Obj *o)
{
    if (o->flags & OF_STATIC) {
        o->rc = 1u << 30; /* never freed; keep it far from zero */
        return;
    }
    if (is_leaf_int(o)) {
        free_leaf_int(h, o);
        return;
    }
    uint32_t base = h->dn;
    Reason saved = h->reason;
    Sym sd = h->reason_detail;
    if (!begin_release(h, o)) return;
    while (h->dn > base) {
        DeallocFrame *f = &h->dstack[h->dn - 1];
        h->reason = R_CONTAINER_FREED;
        h->reason_detail = 0;
        Obj *c = next_child(h, f);
        if (c) {
            if (h->log) heap_note_decref(h, c);
            if (--c->rc == 0) {
                if (c->flags & OF_STATIC) c->rc = 1u << 30;
                else if (is_leaf_int(c)) free_leaf_int(h, c);   /* freed here, as its own dealloc would */
                else begin_release(h, c);
            }
            continue;
        }
        Obj *done = f->o;
        int64_t size = f->size;
        h->dn--;
        finish(h, done, size);
    }
    h->reason = saved;
    h->reason_detail = sd;
}

/* ------------------------------------------------------------------ lifetime */

void heap_startup_free_lists(Heap *h)
{
    /* sys._debugmallocstats() as the first thing a CPython 3.11 script does:
     * 8 free dicts, 4 floats, 40 lists, and tuples of sizes 1 to 20 */
    static const uint8_t tuples[21] = {0, 4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6};
    struct { FreeList *fl; size_t size; int n; } kinds[3] = {
        {&h->fl_dict, 64, 8}, {&h->fl_float, 24, 4}, {&h->fl_list, 56, 40}};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < kinds[k].n && kinds[k].fl->n < kinds[k].fl->cap; i++)
            kinds[k].fl->refs[kinds[k].fl->n++] = alloc_malloc(h->alloc, kinds[k].size);
    for (uint32_t n = 1; n <= 20; n++)
        for (int i = 0; i < tuples[n] && h->fl_tuple[n].n < h->fl_tuple[n].cap; i++)
            h->fl_tuple[n].refs[h->fl_tuple[n].n++] = alloc_malloc(h->alloc, 40 + 8 * (size_t)n);
}

static void init_static(Heap *h, Obj *o, ObjType t)
{
    o->type = (uint8_t)t;
    o->flags = OF_STATIC;
    o->rc = 1u << 30;
    o->serial = ++h->next_serial;
}

Heap *heap_new(void)
{
    Heap *h = xcalloc(1, sizeof(Heap));
    h->alloc = alloc_new();
    h->slabs = xcalloc(1, sizeof(struct Slabs));
    h->slabs->large.next = h->slabs->large.prev = &h->slabs->large;
    h->slabs->arrays = xcalloc(1, sizeof(struct Slabs));
    h->slabs->regions = h->slabs->arrays->regions = xcalloc(1, sizeof(Regions));
    h->slabs->arrays->large.next = h->slabs->arrays->large.prev = &h->slabs->arrays->large;
    h->mem_limit = default_max_memory();
    h->fl_float.cap = 100;
    h->fl_list.cap = 80;
    h->fl_dict.cap = 80;
    for (int i = 1; i <= 20; i++) h->fl_tuple[i].cap = 2000;
    h->fl_float.refs = xmalloc(100 * sizeof(AllocRef));
    h->fl_list.refs = xmalloc(80 * sizeof(AllocRef));
    h->fl_dict.refs = xmalloc(80 * sizeof(AllocRef));
    for (int i = 1; i <= 20; i++) h->fl_tuple[i].refs = xmalloc(2000 * sizeof(AllocRef));
    gc_init(h);

    /* static objects live outside the slabs */
    h->none = xcalloc(1, sizeof(Obj));
    init_static(h, h->none, T_NONE);
    h->notimpl = xcalloc(1, sizeof(Obj));
    init_static(h, h->notimpl, T_NOTIMPL);
    IntObj *t = xcalloc(1, sizeof(IntObj)), *f = xcalloc(1, sizeof(IntObj));
    init_static(h, &t->ob, T_BOOL);
    t->v = 1;
    init_static(h, &f->ob, T_BOOL);
    f->v = 0;
    h->true_ = &t->ob;
    h->false_ = &f->ob;
    int nsmall = SMALL_INT_MAX - SMALL_INT_MIN + 1;
    h->small_ints = xcalloc((size_t)nsmall, sizeof(IntObj));
    for (int i = 0; i < nsmall; i++) {
        init_static(h, &h->small_ints[i].ob, T_INT);
        h->small_ints[i].v = i + SMALL_INT_MIN;
    }
    h->empty_str = xcalloc(1, sizeof(StrObj) + 1);
    init_static(h, &h->empty_str->ob, T_STR);
    h->empty_str->kind = 1;
    h->empty_str->hash = -1;
    h->empty_tuple = xcalloc(1, sizeof(TupleObj));
    init_static(h, &h->empty_tuple->gc.ob, T_TUPLE);
    h->empty_tuple->gc.ob.flags |= OF_GC;
    return h;
}

static void free_side(Obj *o, void *arg)
{
    (void)arg;
    switch ((ObjType)o->type) {
    case T_INT: if (o->flags & OF_BIG) bi_free(((IntObj *)o)->big); break;
    case T_LIST: if (((ListObj *)o)->cap * (int64_t)sizeof(Obj *) > SLAB_MAX) free(((ListObj *)o)->items); break;
    case T_DICT: free(((DictObj *)o)->entries); free(((DictObj *)o)->index); break;
    case T_SET: if (((SetObj *)o)->table != ((SetObj *)o)->small) free(((SetObj *)o)->table); break;
    case T_ARRAY: free(((ArrayObj *)o)->data); break;
    case T_INSTANCE: free(((InstanceObj *)o)->vals); break;
    case T_CLASS:
        free(((ClassObj *)o)->slots);
        free(((ClassObj *)o)->keys);
        break;
    default: break;
    }
}

void heap_free(Heap *h)
{
    if (!h) return;
    heap_foreach(h, free_side, NULL);
    slabs_destroy(h->slabs);
    alloc_destroy(h->alloc);
    free(h->none);
    free(h->notimpl);
    free(h->true_);
    free(h->false_);
    free(h->small_ints);
    free(h->empty_str);
    for (int i = 0; i < 256; i++) free(h->latin1[i]);
    for (uint32_t i = 0; i < h->nstatic_strs; i++) free(h->static_strs[i]);
    free(h->static_strs);
    free(h->empty_tuple);
    free(h->dstack);
    free(h->fl_float.refs);
    free(h->fl_list.refs);
    free(h->fl_dict.refs);
    for (int i = 0; i <= 20; i++) free(h->fl_tuple[i].refs);
    heap_log_quiet(h, 0);
    if (h->log) free(h->log->ev);
    free(h->log);
    free(h);
}

/* ------------------------------------------------------------------ checker */

typedef struct CheckState {
    Heap *h;
    struct { Obj *o; int64_t n; } *tab;
    size_t cap;
} CheckState;

static size_t chk_slot(CheckState *cs, Obj *o)
{
    size_t i = ((uintptr_t)o >> 4) * 11400714819323198485ULL >> 20;
    i &= cs->cap - 1;
    while (cs->tab[i].o && cs->tab[i].o != o) i = (i + 1) & (cs->cap - 1);
    return i;
}

static void chk_count(Obj *child, void *arg)
{
    CheckState *cs = arg;
    if (child->flags & OF_STATIC) return;
    size_t i = chk_slot(cs, child);
    cs->tab[i].o = child;
    cs->tab[i].n++;
}

static void chk_visit_all(Obj *o, void *arg) { obj_referents(o, chk_count, arg); }

typedef struct { CheckState *cs; int bad; StrBuf *report; } CheckCmp;

static void chk_compare(Obj *o, void *arg)
{
    CheckCmp *cc = arg;
    size_t i = chk_slot(cc->cs, o);
    int64_t held = cc->cs->tab[i].o ? cc->cs->tab[i].n : 0;
    if (held != (int64_t)o->rc) {
        if (cc->bad < 5 && cc->report)
            sb_printf(cc->report, "%s object #%u: refcount %u but %lld references found\n",
                      obj_type_name(o), o->serial, o->rc, (long long)held);
        cc->bad++;
    }
}

int heap_check(Heap *h, roots_fn roots, void *ctx, StrBuf *report)
{
    CheckState cs = {.h = h};
    cs.cap = 1024;
    while (cs.cap < (size_t)h->live_total * 4) cs.cap *= 2;
    cs.tab = xcalloc(cs.cap, sizeof *cs.tab);
    heap_foreach(h, chk_visit_all, &cs);
    for (uint32_t i = 0; i < h->dn; i++) {
        /* objects being released are not counted as holders */
    }
    if (roots) roots(ctx, chk_count, &cs);
    CheckCmp cc = {.cs = &cs, .report = report};
    heap_foreach(h, chk_compare, &cc);
    free(cs.tab);
    return cc.bad;
}

/* A set about to receive n items at once (set_update of a frozenset constant). */
int set_presize(Heap *h, SetObj *s, int64_t n)
{
    if ((int64_t)(s->fill + n / 2) * 5 < (int64_t)s->mask * 3) return 0;
    return set_table_resize(h, s, n);
}
