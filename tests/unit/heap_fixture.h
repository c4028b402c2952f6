/* The heap fixture shared by the unit tests that build objects directly on a
 * Heap (test_gc.c, test_heap.c, test_objects.c): one test's world is the
 * heap, the references the test code holds ("names", reported to heap_check
 * as roots) and the serials of the objects the finalizer hook saw.
 *
 * check(t) runs heap_check (every refcount must equal the references the heap
 * and the names hold) and checks that the heap's byte total equals getsizeof
 * summed over what lives.
 * setup leaves the finalizer hook unset (no automatic collections: gc.c runs
 * them only with a hook, as the interpreter always installs one);
 * setup_with_finalizer installs record_del first.
 *
 * Each test program is compiled alone (Makefile: $(BUILD)/tests/%), so
 * everything here is static inline. */
#ifndef MEMTUTOR_HEAP_FIXTURE_H
#define MEMTUTOR_HEAP_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "gc.h"
#include "heap.h"

#define NAMES_MAX 64
#define ORDER_MAX 64

typedef struct T {
    Heap *h;
    Obj *names[NAMES_MAX];     /* references the test code holds: heap_check roots */
    int n;
    uint32_t order[ORDER_MAX]; /* serials of the objects finalized, in order */
    int norder;
    int resurrect;             /* finalizer: keep the next object it sees alive */
} T;

static inline void names_roots(void *ctx, visit_fn visit, void *arg)
{
    T *t = ctx;
    for (int i = 0; i < t->n; i++) visit(t->names[i], arg);
    if (t->h->garbage) visit(t->h->garbage, arg);
}

static inline void sum_sizes(Obj *o, void *arg) { *(int64_t *)arg += obj_sizeof(o); }

/* Every refcount must equal the references the heap and the names hold, and
 * the byte statistics equal getsizeof of what lives. */
static inline void check(T *t)
{
    StrBuf r = {0};
    int bad = heap_check(t->h, names_roots, t, &r);
    if (bad) print_error("heap_check: %s", r.s ? r.s : "");
    sb_free(&r);
    assert_int_equal(bad, 0);
    int64_t sum = 0;
    heap_foreach(t->h, sum_sizes, &sum);
    assert_int_equal(t->h->bytes_total, sum);
}

/* The test takes over the new reference o (a name now holds it). */
static inline Obj *name(T *t, Obj *o)
{
    assert_non_null(o);
    assert_true(t->n < NAMES_MAX);
    t->names[t->n++] = o;
    return o;
}

/* Forget one name for o without releasing it (the reference was given away). */
static inline void forget(T *t, Obj *o)
{
    for (int i = t->n - 1; i >= 0; i--)
        if (t->names[i] == o) {
            memmove(&t->names[i], &t->names[i + 1], (size_t)(t->n - i - 1) * sizeof(Obj *));
            t->n--;
            return;
        }
    fail_msg("not a name");
}

/* del name: drop one name for o and its reference. */
static inline void unname(T *t, Obj *o)
{
    forget(t, o);
    decref(t->h, o);
}

/* __del__: record the object; when asked, store a new reference to it in
 * the test's names (resurrection). */
static inline void record_del(void *ctx, Obj *o)
{
    T *t = ctx;
    assert_true(t->norder < ORDER_MAX);
    t->order[t->norder++] = o->serial;
    if (t->resurrect) {
        t->resurrect = 0;
        name(t, incref(t->h, o));
    }
}

static inline void install_finalizer(T *t)
{
    t->h->finalize = record_del;
    t->h->finalize_ctx = t;
}

static inline int setup(void **state)
{
    T *t = test_calloc(1, sizeof(T));
    t->h = heap_new();
    *state = t;
    return 0;
}

static inline int setup_with_finalizer(void **state)
{
    setup(state);
    install_finalizer(*state);
    return 0;
}

static inline int teardown(void **state)
{
    T *t = *state;
    heap_free(t->h);
    test_free(t);
    return 0;
}

/* A class (named); has_del: its instances have __del__. */
static inline ClassObj *make_class(T *t, int has_del)
{
    ClassObj *c = (ClassObj *)name(t, new_class(t->h, 1, NULL));
    c->has_del = (uint8_t)has_del;
    return c;
}

/* inst.<attr> = v (steals v) */
static inline void set_attr(T *t, Obj *inst, Sym attr, Obj *v)
{
    Obj **slot = instance_slot(t->h, (InstanceObj *)inst, attr, 1);
    assert_non_null(slot);
    Obj *old = *slot;
    *slot = v;
    if (old) decref(t->h, old);
}

/* The finalizer saw exactly these serials, in this order. */
static inline void assert_order(const T *t, const uint32_t *want, int n)
{
    assert_int_equal(t->norder, n);
    for (int i = 0; i < n; i++) assert_int_equal(t->order[i], want[i]);
}

#endif
