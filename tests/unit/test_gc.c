/* Unit tests for sim/gc.c: every gc.collect() case of DESIGN section 4 built
 * directly on the heap, finalizers (__del__ once, in generation list order,
 * resurrection), DEBUG_SAVEALL, generations and thresholds, the 25% rule,
 * tracking rules, get_referrers and freeze.  Expected numbers were checked
 * with /root/.pyenv/versions/3.11.7/bin/python3; heap_check() runs after
 * every operation. */
#include "heap_fixture.h"

/* ------------------------------------------------------------------ fixture */

/* gc.collect(gen), then heap_check */
static int64_t collect(T *t, int gen)
{
    int64_t n = gc_collect(t->h, gen);
    check(t);
    return n;
}

/* del a, b; heap_check before and after */
static void unname2(T *t, Obj *a, Obj *b)
{
    check(t);
    unname(t, a);
    unname(t, b);
    check(t);
}

/* l = []; l.append(l): a named list that holds itself */
static Obj *self_list(T *t)
{
    Obj *l = name(t, new_list(t->h, 0));
    assert_int_equal(list_append(t->h, (ListObj *)l, incref(t->h, l)), 0);
    return l;
}

/* a = []; b = [a]; a.append(b): two named lists in a cycle */
static void list_cycle(T *t, Obj **a, Obj **b)
{
    *a = name(t, new_list(t->h, 0));
    *b = name(t, new_list(t->h, 0));
    assert_int_equal(list_append(t->h, (ListObj *)*b, incref(t->h, *a)), 0);
    assert_int_equal(list_append(t->h, (ListObj *)*a, incref(t->h, *b)), 0);
}

/* ... and del a, b: the cycle is unreachable (a and b still point at the
 * lists, which live until a collection frees them) */
static void unreachable_list_cycle(T *t, Obj **a, Obj **b)
{
    list_cycle(t, a, b);
    unname2(t, *a, *b);
}

/* a = C(); b = C(); a.x = b; b.x = a: two named instances of c in a cycle */
static void instance_cycle(T *t, ClassObj *c, Obj **a, Obj **b)
{
    *a = name(t, new_instance(t->h, c));
    *b = name(t, new_instance(t->h, c));
    set_attr(t, *a, 10, incref(t->h, *b));
    set_attr(t, *b, 10, incref(t->h, *a));
}

/* ------------------------------------------------------------------ gc.collect() */

/* l = []; l.append(l); del l; gc.collect() -> 1 */
static void test_self_list(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    int64_t lists = h->live_count[T_LIST];
    Obj *l = self_list(t);
    check(t);
    unname(t, l);
    assert_int_equal(h->live_count[T_LIST], lists + 1);
    check(t);
    assert_int_equal(collect(t, 2), 1);
    assert_int_equal(h->live_count[T_LIST], lists);
    assert_int_equal(collect(t, 2), 0);
}

/* a = []; b = [a]; a.append(b); del a, b -> 2 */
static void test_two_lists(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *a, *b;
    list_cycle(t, &a, &b);
    check(t);
    /* still named: nothing to collect, and both survive into generation 2 */
    assert_int_equal(collect(t, 2), 0);
    assert_int_equal(gc_generation(h, a), 2);
    unname(t, a);
    check(t);
    assert_int_equal(collect(t, 2), 0);   /* b's name keeps a alive */
    unname(t, b);
    check(t);
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(h->live_count[T_LIST], 0);
}

/* d = {}; d['me'] = d; del d -> 1 (the str key is not a GC object) */
static void test_dict_self_cycle(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *d = name(t, new_dict(h));
    Obj *k = name(t, new_str(h, "me", 2));
    assert_false(gc_is_tracked(d));
    assert_int_equal(dict_set(h, (DictObj *)d, k, d), 0);
    assert_true(gc_is_tracked(d));
    unname2(t, k, d);
    assert_int_equal(h->live_count[T_DICT], 1);
    assert_int_equal(collect(t, 2), 1);
    assert_int_equal(h->live_count[T_DICT], 0);
    assert_int_equal(h->live_count[T_STR], 0);
}

/* two instances referring to each other through attributes -> 2 */
static void test_two_instances(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 0);
    Obj *a, *b;
    instance_cycle(t, c, &a, &b);
    unname2(t, a, b);
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
    assert_int_equal(c->gc.ob.rc, 1);
}

/* ... plus a list payload on one of them -> 3 */
static void test_two_instances_payload(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 0);
    Obj *a, *b;
    instance_cycle(t, c, &a, &b);
    Obj *payload = new_list(h, 0);
    assert_int_equal(list_append(h, (ListObj *)payload, new_int(h, 12345)), 0);
    set_attr(t, a, 11, payload);
    unname2(t, a, b);
    assert_int_equal(collect(t, 2), 3);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
    assert_int_equal(h->live_count[T_LIST], 0);
    assert_int_equal(h->live_count[T_INT], 0);
}

/* l = []; t = (l,); l.append(t); del l, t -> 2 */
static void test_list_tuple_cycle(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *l = name(t, new_list(h, 0));
    Obj *tup = name(t, new_tuple(h, 1));
    ((TupleObj *)tup)->items[0] = incref(h, l);
    assert_int_equal(list_append(h, (ListObj *)l, incref(h, tup)), 0);
    unname2(t, tup, l);
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(h->live_count[T_TUPLE], 0);
    assert_int_equal(h->live_count[T_LIST], 0);
}

/* Unreachable objects that are not in a cycle but hang off one are found too
 * (a list held only by a garbage list): they count. */
static void test_garbage_hanging_off_cycle(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *l = self_list(t);
    assert_int_equal(list_append(h, (ListObj *)l, new_list(h, 0)), 0);
    Obj *d = new_dict(h);                    /* untracked dict: not counted */
    assert_int_equal(list_append(h, (ListObj *)l, d), 0);
    unname(t, l);
    check(t);
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(h->live_count[T_LIST], 0);
    assert_int_equal(h->live_count[T_DICT], 0);
}

/* ------------------------------------------------------------------ finalizers */

/* __del__ once per object, in generation list order (tracking order):
 * a, b, c created in that order, linked c->a->b->c. */
static void test_del_in_cycle_list_order(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 1);
    Obj *a = name(t, new_instance(h, c));
    Obj *b = name(t, new_instance(h, c));
    Obj *cc = name(t, new_instance(h, c));
    uint32_t want[] = {a->serial, b->serial, cc->serial};
    set_attr(t, cc, 10, incref(h, a));
    set_attr(t, a, 10, incref(h, b));
    set_attr(t, b, 10, incref(h, cc));
    check(t);
    unname(t, cc);
    unname(t, a);
    unname(t, b);
    check(t);
    assert_int_equal(t->norder, 0);
    assert_int_equal(collect(t, 2), 3);
    assert_order(t, want, 3);                /* each exactly once */
    assert_int_equal(h->live_count[T_INSTANCE], 0);
}

/* The list order after merging generations: x survived a collect(0) and is
 * in generation 1; y, z are young.  collect(2) appends generation 0, then 1,
 * to generation 2: CPython prints y, z, x. */
static void test_del_order_across_generations(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 1);
    assert_int_equal(collect(t, 2), 0);        /* the class goes to generation 2 */
    Obj *x = name(t, new_instance(h, c));
    assert_int_equal(collect(t, 0), 0);
    assert_int_equal(gc_generation(h, x), 1);
    Obj *y = name(t, new_instance(h, c));
    Obj *z = name(t, new_instance(h, c));
    uint32_t want[] = {y->serial, z->serial, x->serial};
    set_attr(t, x, 10, incref(h, y));
    set_attr(t, y, 10, incref(h, z));
    set_attr(t, z, 10, incref(h, x));
    unname(t, x);
    unname(t, y);
    unname(t, z);
    check(t);
    assert_int_equal(collect(t, 2), 3);
    assert_order(t, want, 3);
}

/* A __del__ that stores a reference to its object: the cycle survives and
 * collect() returns 0; once the reference is dropped, the next collection
 * frees them without calling __del__ again (PEP 442). */
static void test_resurrection(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 1);
    Obj *a, *b;
    instance_cycle(t, c, &a, &b);
    uint32_t sa = a->serial, sb = b->serial;
    unname2(t, a, b);
    t->resurrect = 1;
    int64_t before = h->live_count[T_INSTANCE];
    assert_int_equal(collect(t, 2), 0);
    uint32_t want[] = {sa, sb};
    assert_order(t, want, 2);                  /* both finalized, a kept */
    assert_int_equal(h->live_count[T_INSTANCE], before);
    assert_int_equal(t->n, 2);                 /* the class and the resurrected a */
    assert_ptr_equal(t->names[1], a);
    assert_true(a->flags & OF_FINALIZED);
    assert_true(b->flags & OF_FINALIZED);
    assert_true(gc_is_tracked(a));
    assert_true(gc_is_tracked(b));
    assert_int_equal(gc_generation(h, a), 2);

    unname(t, a);
    check(t);
    assert_int_equal(t->norder, 2);            /* no __del__ at rc 0 again */
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(t->norder, 2);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
}

/* A __del__ outside a cycle that resurrects: the object survives and its
 * __del__ never runs again. */
static void test_resurrection_by_refcount(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 1);
    Obj *a = name(t, new_instance(h, c));
    t->resurrect = 1;
    unname(t, a);
    assert_int_equal(t->norder, 1);
    assert_int_equal(a->rc, 1);
    check(t);
    unname(t, a);
    assert_int_equal(t->norder, 1);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
    check(t);
}

/* ------------------------------------------------------------------ DEBUG_SAVEALL */

static void test_debug_saveall(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *a, *b;
    unreachable_list_cycle(t, &a, &b);
    uint32_t sa = a->serial, sb = b->serial;
    h->debug = GC_DEBUG_SAVEALL;
    assert_int_equal(collect(t, 2), 2);
    assert_non_null(h->garbage);
    assert_int_equal(h->garbage->type, T_LIST);
    ListObj *g = (ListObj *)h->garbage;
    assert_int_equal(g->n, 2);
    assert_int_equal(g->items[0]->serial, sa);   /* list order */
    assert_int_equal(g->items[1]->serial, sb);
    assert_int_equal(a->rc, 2);
    assert_true(gc_is_tracked(a));
    assert_int_equal(gc_generation(h, a), 2);
    assert_int_equal(h->live_count[T_LIST], 3);  /* a, b, gc.garbage */
    /* nothing new: saved garbage is reachable from gc.garbage */
    assert_int_equal(collect(t, 2), 0);
    assert_int_equal(g->n, 2);

    /* gc.garbage.clear(); the cycle is garbage again */
    h->debug = 0;
    list_clear(h, g);
    check(t);
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(h->live_count[T_LIST], 1);
}

/* ------------------------------------------------------------------ generations */

static void test_generation_promotion(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *a = name(t, new_list(h, 0));
    assert_int_equal(gc_generation(h, a), 0);
    assert_int_equal(gc_generation_size(h, 0), 1);
    assert_int_equal(collect(t, 0), 0);
    assert_int_equal(gc_generation(h, a), 1);
    assert_int_equal(gc_generation_size(h, 0), 0);
    assert_int_equal(gc_generation_size(h, 1), 1);
    Obj *b = name(t, new_list(h, 0));
    assert_int_equal(collect(t, 1), 0);       /* merges 0 into 1, then promotes */
    assert_int_equal(gc_generation(h, a), 2);
    assert_int_equal(gc_generation(h, b), 2);
    assert_int_equal(gc_generation_size(h, 2), 2);
    assert_int_equal(h->long_lived_pending, 2);
    Obj *c = name(t, new_list(h, 0));
    assert_int_equal(collect(t, 0), 0);
    assert_int_equal(gc_generation(h, c), 1);
    assert_int_equal(collect(t, 2), 0);
    assert_int_equal(gc_generation(h, c), 2);
    assert_int_equal(gc_generation_size(h, 2), 3);
    assert_int_equal(h->long_lived_total, 3);
    assert_int_equal(h->long_lived_pending, 0);
    /* counters: collect(g) zeroes 0..g and adds one to g+1 */
    assert_int_equal(h->gen[0].count, 0);
    assert_int_equal(h->gen[1].count, 0);
    assert_int_equal(h->stats[0].collections, 2);
    assert_int_equal(h->stats[1].collections, 1);
    assert_int_equal(h->stats[2].collections, 1);
    /* a cycle found in generation 1 is collected by collect(1) */
    Obj *l = self_list(t);
    assert_int_equal(collect(t, 0), 0);
    assert_int_equal(gc_generation(h, l), 1);
    unname(t, l);
    assert_int_equal(collect(t, 0), 0);       /* it is not in generation 0 */
    assert_int_equal(collect(t, 1), 1);
    assert_int_equal(h->stats[1].collected, 1);
}

/* _PyObject_GC_Link: count0 +1 per GC allocation; a collection of generation
 * 0 runs when it exceeds threshold0; deallocations -1; free-list reuse 0. */
static void test_automatic_trigger(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    h->gen[0].threshold = 5;
    assert_int_equal(h->gen[0].count, 0);
    for (int i = 1; i <= 5; i++) {
        name(t, new_list(h, 0));
        assert_int_equal(h->gen[0].count, i);
        assert_int_equal(h->stats[0].collections, 0);
    }
    name(t, new_list(h, 0));                  /* 6 > 5: collect(0) first */
    assert_int_equal(h->stats[0].collections, 1);
    assert_int_equal(h->gen[0].count, 0);
    assert_int_equal(h->gen[1].count, 1);
    assert_int_equal(gc_generation_size(h, 1), 5);   /* the new one is not in it */
    assert_int_equal(gc_generation_size(h, 0), 1);
    check(t);
    /* non-GC objects do not count */
    Obj *f = name(t, new_float(h, 1.5));
    Obj *s = name(t, new_str(h, "abc", 3));
    Obj *big = name(t, new_int(h, 1000));
    assert_int_equal(h->gen[0].count, 0);
    unname(t, f);
    unname(t, s);
    unname(t, big);
    /* a dict counts though untracked */
    name(t, new_dict(h));
    assert_int_equal(h->gen[0].count, 1);
    for (int i = 2; i <= 5; i++) name(t, new_list(h, 0));
    assert_int_equal(h->gen[0].count, 5);
    assert_int_equal(h->stats[0].collections, 1);
    name(t, new_list(h, 0));
    assert_int_equal(h->stats[0].collections, 2);
    assert_int_equal(h->gen[1].count, 2);
    check(t);

    /* a freed GC object not kept on a free list: -1; a list goes to the
     * free list and back without changing the count */
    Obj *inst_cls = name(t, new_class(h, 1, NULL));
    int64_t c0 = h->gen[0].count;
    Obj *in = name(t, new_instance(h, (ClassObj *)inst_cls));
    assert_int_equal(h->gen[0].count, c0 + 1);
    unname(t, in);
    assert_int_equal(h->gen[0].count, c0);
    Obj *l = name(t, new_list(h, 0));
    c0 = h->gen[0].count;
    unname(t, l);
    assert_int_equal(h->gen[0].count, c0);
    name(t, new_list(h, 0));
    assert_int_equal(h->gen[0].count, c0);
    check(t);

    /* gc.disable() stops automatic runs, not gc.collect() */
    h->gc_enabled = 0;
    int64_t runs = h->stats[0].collections;
    for (int i = 0; i < 20; i++) name(t, new_list(h, 0));
    assert_int_equal(h->stats[0].collections, runs);
    assert_true(h->gen[0].count > 5);
    h->gc_enabled = 1;
    check(t);
}

/* Generation 1 runs when its count (gen-0 collections since) exceeds
 * threshold1; generation 2 also needs long_lived_pending >= total / 4. */
static void test_gen2_25_percent_rule(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    for (int i = 0; i < 40; i++) name(t, new_list(h, 0));
    assert_int_equal(collect(t, 2), 0);
    assert_int_equal(h->long_lived_total, 40);
    assert_int_equal(h->long_lived_pending, 0);

    /* gen 2 over threshold, but 9 < 40 / 4: generation 1 is collected */
    h->gen[2].count = 11;
    h->gen[1].count = 11;
    h->long_lived_pending = 9;
    gc_collect_generations(h);
    check(t);
    assert_int_equal(h->stats[2].collections, 1);   /* only the explicit one */
    assert_int_equal(h->stats[1].collections, 1);
    assert_int_equal(h->gen[2].count, 12);

    /* 10 >= 40 / 4: the full collection runs */
    h->gen[1].count = 11;
    h->long_lived_pending = 10;
    gc_collect_generations(h);
    check(t);
    assert_int_equal(h->stats[2].collections, 2);
    assert_int_equal(h->long_lived_pending, 0);
    assert_int_equal(h->gen[2].count, 0);

    /* nothing over its threshold: nothing runs */
    h->gen[0].count = 700;
    gc_collect_generations(h);
    assert_int_equal(h->stats[0].collections, 0);
    h->gen[0].count = 701;
    gc_collect_generations(h);
    assert_int_equal(h->stats[0].collections, 1);
    check(t);
}

/* Survivors of collect(1) add to long_lived_pending. */
static void test_long_lived_pending(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    for (int i = 0; i < 3; i++) name(t, new_list(h, 0));
    assert_int_equal(collect(t, 0), 0);
    assert_int_equal(h->long_lived_pending, 0);
    name(t, new_list(h, 0));
    assert_int_equal(collect(t, 1), 0);
    assert_int_equal(h->long_lived_pending, 4);
    name(t, new_list(h, 0));
    assert_int_equal(collect(t, 1), 0);
    assert_int_equal(h->long_lived_pending, 5);
    assert_int_equal(collect(t, 2), 0);
    assert_int_equal(h->long_lived_pending, 0);
    assert_int_equal(h->long_lived_total, 5);
}

/* ------------------------------------------------------------------ tracking */

static void test_dict_lazy_tracking(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *d = name(t, new_dict(h));
    Obj *k = name(t, new_str(h, "a", 1));
    assert_false(gc_is_tracked(d));
    Obj *one = new_int(h, 1), *two = new_int(h, 2);
    assert_int_equal(dict_set(h, (DictObj *)d, one, two), 0);
    decref(h, one);
    decref(h, two);
    assert_false(gc_is_tracked(d));           /* d[1] = 2 */
    check(t);
    Obj *l = new_list(h, 0);
    assert_int_equal(dict_set(h, (DictObj *)d, k, l), 0);
    decref(h, l);
    assert_true(gc_is_tracked(d));            /* d['a'] = [] */
    check(t);
    Obj *v = new_int(h, 1);
    assert_int_equal(dict_set(h, (DictObj *)d, k, v), 0);
    decref(h, v);
    assert_true(gc_is_tracked(d));            /* d['a'] = 1: still tracked */
    check(t);
    assert_int_equal(collect(t, 0), 0);
    assert_true(gc_is_tracked(d));
    assert_int_equal(collect(t, 1), 0);
    assert_true(gc_is_tracked(d));
    assert_int_equal(collect(t, 2), 0);
    assert_false(gc_is_tracked(d));           /* only a full collection untracks */
    /* a tracked value again tracks it again */
    Obj *l2 = new_list(h, 0);
    assert_int_equal(dict_set(h, (DictObj *)d, k, l2), 0);
    decref(h, l2);
    assert_true(gc_is_tracked(d));
    check(t);
}

static void test_tuple_untracking(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    /* (1000, 'x'): tracked at creation, untracked by any collection */
    Obj *a = name(t, new_tuple(h, 2));
    ((TupleObj *)a)->items[0] = new_int(h, 1000);
    ((TupleObj *)a)->items[1] = new_str(h, "x", 1);
    assert_true(gc_is_tracked(a));
    /* ({},): an untracked dict may still be tracked: the tuple stays */
    Obj *b = name(t, new_tuple(h, 1));
    ((TupleObj *)b)->items[0] = new_dict(h);
    assert_false(gc_is_tracked(((TupleObj *)b)->items[0]));
    /* ((a, 2),): the inner tuple is untracked, the outer survives this
     * collection tracked (the inner one was moved behind it in the list) */
    Obj *inner = new_tuple(h, 2);
    ((TupleObj *)inner)->items[0] = new_int(h, 1);
    ((TupleObj *)inner)->items[1] = new_int(h, 2);
    Obj *outer = name(t, new_tuple(h, 1));
    ((TupleObj *)outer)->items[0] = inner;
    check(t);
    assert_int_equal(collect(t, 0), 0);
    assert_false(gc_is_tracked(a));
    assert_true(gc_is_tracked(b));
    assert_false(gc_is_tracked(inner));
    assert_true(gc_is_tracked(outer));
    assert_int_equal(collect(t, 0), 0);     /* the next one untracks it */
    assert_true(gc_is_tracked(outer));      /* it is in generation 1 now */
    assert_int_equal(collect(t, 1), 0);
    assert_false(gc_is_tracked(outer));
    assert_int_equal(collect(t, 2), 0);
    assert_true(gc_is_tracked(b));
    /* untracked tuples are still freed by reference counting */
    unname(t, a);
    unname(t, outer);
    assert_int_equal(h->live_count[T_TUPLE], 1);
    check(t);
}

/* ------------------------------------------------------------------ referrers, freeze */

typedef struct { uint32_t serial[16]; int n; } Found;

static void found_add(Obj *o, void *arg)
{
    Found *f = arg;
    assert_true(f->n < 16);
    f->serial[f->n++] = o->serial;
}

static void test_referrers(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *x = name(t, new_list(h, 0));
    Obj *old = name(t, new_list(h, 0));      /* will be in generation 1 */
    assert_int_equal(list_append(h, (ListObj *)old, incref(h, x)), 0);
    assert_int_equal(collect(t, 0), 0);
    ClassObj *c = make_class(t, 0);
    Obj *in = name(t, new_instance(h, c));
    set_attr(t, in, 10, incref(h, x));
    Obj *tup = name(t, new_tuple(h, 1));
    ((TupleObj *)tup)->items[0] = incref(h, x);
    Obj *d = name(t, new_dict(h));
    Obj *k = name(t, new_str(h, "k", 1));
    assert_int_equal(dict_set(h, (DictObj *)d, k, x), 0);
    Obj *unrelated = name(t, new_list(h, 0));
    (void)unrelated;
    check(t);
    Found f = {{0}, 0};
    gc_referrers(h, x, found_add, &f);
    /* generation 0 in tracking order, then generation 1 */
    assert_int_equal(f.n, 4);
    assert_int_equal(f.serial[0], in->serial);
    assert_int_equal(f.serial[1], tup->serial);
    assert_int_equal(f.serial[2], d->serial);
    assert_int_equal(f.serial[3], old->serial);

    /* an int held by an untracked dict and by a list: only the list */
    Obj *big = name(t, new_int(h, 1000));
    Obj *ud = name(t, new_dict(h));
    assert_int_equal(dict_set(h, (DictObj *)ud, k, big), 0);
    assert_false(gc_is_tracked(ud));
    assert_int_equal(list_append(h, (ListObj *)unrelated, incref(h, big)), 0);
    check(t);
    Found g = {{0}, 0};
    gc_referrers(h, big, found_add, &g);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.serial[0], unrelated->serial);
}

static void test_freeze(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *a, *b;
    list_cycle(t, &a, &b);
    name(t, new_dict(h));                    /* untracked: not frozen */
    assert_int_equal(collect(t, 0), 0);      /* one in generation 1 ... */
    Obj *c = name(t, new_list(h, 0));        /* ... and one in generation 0 */
    int64_t tracked = gc_generation_size(h, 0) + gc_generation_size(h, 1) + gc_generation_size(h, 2);
    assert_int_equal(tracked, 3);
    assert_int_equal(gc_freeze_count(h), 0);
    gc_freeze(h);
    assert_int_equal(gc_freeze_count(h), 3);
    assert_int_equal(gc_generation_size(h, 0), 0);
    assert_int_equal(gc_generation_size(h, 1), 0);
    assert_int_equal(gc_generation_size(h, 2), 0);
    assert_int_equal(h->gen[0].count, 0);
    assert_int_equal(gc_generation(h, a), 3);
    assert_int_equal(gc_generation(h, c), 3);
    check(t);
    /* a frozen cycle is not collected */
    unname2(t, a, b);
    assert_int_equal(collect(t, 2), 0);
    assert_int_equal(h->live_count[T_LIST], 3);
    /* frozen objects still die by reference counting */
    unname(t, c);
    assert_int_equal(gc_freeze_count(h), 2);
    check(t);
    gc_unfreeze(h);
    assert_int_equal(gc_freeze_count(h), 0);
    assert_int_equal(gc_generation_size(h, 2), 2);
    assert_int_equal(gc_generation(h, a), 2);
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(h->live_count[T_LIST], 0);
}

/* gc.collect() while a collection runs (from a finalizer) returns 0. */
static int64_t nested_result = -1;
static void collect_in_del(void *ctx, Obj *o)
{
    T *t = ctx;
    (void)o;
    nested_result = gc_collect(t->h, 2);
}

static void test_collect_reentrant(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 1);
    Obj *a = name(t, new_instance(h, c));
    set_attr(t, a, 10, incref(h, a));
    unname(t, a);
    h->finalize = collect_in_del;
    assert_int_equal(collect(t, 2), 1);
    assert_int_equal(nested_result, 0);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
}

/* a.__del__ sets self.other = None: b dies by reference counting during
 * finalize_garbage (its __del__ runs then), a with it; nothing is left for
 * delete_garbage, and CPython's gc.collect() returns 0. */
static Obj *breaker;
static void del_breaks_cycle(void *ctx, Obj *o)
{
    T *t = ctx;
    record_del(ctx, o);
    if (o == breaker) set_attr(t, o, 10, incref(t->h, t->h->none));
}

static void test_del_breaks_cycle(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 1);
    Obj *a, *b;
    instance_cycle(t, c, &a, &b);
    uint32_t want[] = {a->serial, b->serial};
    unname2(t, a, b);
    breaker = a;
    h->finalize = del_breaks_cycle;
    assert_int_equal(collect(t, 2), 0);
    assert_order(t, want, 2);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
}

/* s = set(); c = C(); c.s = s; s.add(c) -> 2 */
static void test_set_instance_cycle(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 0);
    Obj *s = name(t, new_set(h));
    Obj *in = name(t, new_instance(h, c));
    set_attr(t, in, 10, incref(h, s));
    assert_int_equal(set_add(h, (SetObj *)s, in), 1);
    unname2(t, s, in);
    assert_int_equal(collect(t, 2), 2);
    assert_int_equal(h->live_count[T_SET], 0);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
}

/* DEBUG_SAVEALL with collect(0): gc.collect(0) -> 1, the object is kept in
 * gc.garbage and is now in generation 1. */
static void test_debug_saveall_young(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *l = self_list(t);
    unname(t, l);
    h->debug = GC_DEBUG_SAVEALL;
    assert_int_equal(collect(t, 0), 1);
    assert_int_equal(((ListObj *)h->garbage)->n, 1);
    assert_int_equal(gc_generation(h, l), 1);
    assert_int_equal(gc_generation_size(h, 1), 1);
}

/* An automatic collection (inside an allocation) frees a cycle. */
static void test_automatic_collects_cycle(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    h->gen[0].threshold = 3;
    Obj *l = self_list(t);
    unname(t, l);
    name(t, new_list(h, 0));
    name(t, new_list(h, 0));
    assert_int_equal(h->live_count[T_LIST], 3);
    assert_int_equal(h->stats[0].collections, 0);
    name(t, new_list(h, 0));
    assert_int_equal(h->stats[0].collections, 1);
    assert_int_equal(h->stats[0].collected, 1);
    assert_int_equal(h->live_count[T_LIST], 3);
    check(t);
}

/* The event log of a collection: GC_BEGIN, each unreachable object, the
 * references tp_clear breaks (R_GC_CLEAR), the frees, GC_END with the
 * returned number. */
static void test_collect_events(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *a, *b;
    unreachable_list_cycle(t, &a, &b);
    uint32_t sa = a->serial, sb = b->serial;
    heap_trace_enable(h, 10000);
    heap_set_reason(h, R_TEMP, 5);
    assert_int_equal(collect(t, 2), 2);
    const EventLog *lg = h->log;
    assert_true(lg->n > 0);
    assert_int_equal(lg->ev[0].kind, EV_GC_BEGIN);
    assert_int_equal(lg->ev[0].sub, 2);
    const Event *end = &lg->ev[lg->n - 1];
    assert_int_equal(end->kind, EV_GC_END);
    assert_int_equal(end->count, 2);
    int unreach = 0, clears = 0, frees = 0, first_free = -1, last_unreach = -1;
    for (uint32_t i = 0; i < lg->n; i++) {
        const Event *e = &lg->ev[i];
        if (e->kind == EV_GC_UNREACHABLE) {
            assert_true(e->serial == sa || e->serial == sb);
            unreach++;
            last_unreach = (int)i;
        }
        if (e->kind == EV_DECREF && e->reason == R_GC_CLEAR && e->otype == T_LIST) clears++;
        if (e->kind == EV_FREE) {
            frees++;
            if (first_free < 0) first_free = (int)i;
        }
    }
    assert_int_equal(unreach, 2);
    assert_true(clears >= 1);
    assert_int_equal(frees, 2);
    assert_true(last_unreach < first_free);
    /* the caller's reason survives the collection */
    assert_int_equal(h->reason, R_TEMP);
    assert_int_equal(h->reason_detail, 5);
}

/* A __del__ run by the collector may set reasons of its own (the
 * interpreter does); the caller's reason is back after gc.collect(). */
static void del_sets_reason(void *ctx, Obj *o)
{
    T *t = ctx;
    record_del(ctx, o);
    heap_set_reason(t->h, R_BIND, 99);
}

static void test_collect_restores_reason_after_del(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = make_class(t, 1);
    Obj *a = name(t, new_instance(h, c));
    set_attr(t, a, 10, incref(h, a));
    unname(t, a);
    h->finalize = del_sets_reason;
    heap_set_reason(h, R_TEMP, 5);
    assert_int_equal(collect(t, 2), 1);
    assert_int_equal(t->norder, 1);
    assert_int_equal(h->reason, R_TEMP);
    assert_int_equal(h->reason_detail, 5);
}

int main(void)
{
#define T_(f) cmocka_unit_test_setup_teardown(f, setup_with_finalizer, teardown)
    const struct CMUnitTest tests[] = {
        T_(test_self_list),
        T_(test_two_lists),
        T_(test_dict_self_cycle),
        T_(test_two_instances),
        T_(test_two_instances_payload),
        T_(test_list_tuple_cycle),
        T_(test_garbage_hanging_off_cycle),
        T_(test_del_in_cycle_list_order),
        T_(test_del_order_across_generations),
        T_(test_resurrection),
        T_(test_resurrection_by_refcount),
        T_(test_debug_saveall),
        T_(test_generation_promotion),
        T_(test_automatic_trigger),
        T_(test_gen2_25_percent_rule),
        T_(test_long_lived_pending),
        T_(test_dict_lazy_tracking),
        T_(test_tuple_untracking),
        T_(test_referrers),
        T_(test_freeze),
        T_(test_collect_reentrant),
        T_(test_del_breaks_cycle),
        T_(test_set_instance_cycle),
        T_(test_debug_saveall_young),
        T_(test_automatic_collects_cycle),
        T_(test_collect_events),
        T_(test_collect_restores_reason_after_del),
    };
#undef T_
    return cmocka_run_group_tests(tests, NULL, NULL);
}
