/* Unit tests for sim/heap.c: reference counts and the reasons the event log
 * gives for them, CPython 3.11's deallocation orders (recorded through the
 * finalizer hook), deep chains freed without C recursion, mass operations,
 * small-int sharing and the simulated memory limit.  Every order below was
 * checked against /root/.pyenv/versions/3.11.7/bin/python3; the scenario
 * tests run heap_check() after every operation. */
#include <stdio.h>

#include "heap_fixture.h"

/* ------------------------------------------------------------------ fixture */

/* A class whose instances have __del__ (the finalizer hook records them). */
static ClassObj *del_class(T *t)
{
    ClassObj *c = make_class(t, 1);
    install_finalizer(t);
    return c;
}

static const Event *last_event(const Heap *h)
{
    assert_non_null(h->log);
    assert_true(h->log->n > 0);
    return &h->log->ev[h->log->n - 1];
}

/* ------------------------------------------------------------------ refcounts */

static void test_refcount_arithmetic(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *x = name(t, new_list(h, 0));          /* x = []        */
    assert_int_equal(x->rc, 1);
    check(t);
    name(t, incref(h, x));                     /* y = x         */
    assert_int_equal(x->rc, 2);
    check(t);
    Obj *holder = name(t, new_list(h, 0));     /* h = [x]       */
    assert_int_equal(list_append(h, (ListObj *)holder, incref(h, x)), 0);
    assert_int_equal(x->rc, 3);
    check(t);
    Obj *tup = name(t, new_tuple(h, 2));       /* t = (x, x)    */
    ((TupleObj *)tup)->items[0] = incref(h, x);
    ((TupleObj *)tup)->items[1] = incref(h, x);
    assert_int_equal(x->rc, 5);
    check(t);
    Obj *d = name(t, new_dict(h));             /* d = {'kk': x} (a one-character key would be shared) */
    Obj *k = name(t, new_str(h, "kk", 2));
    assert_int_equal(dict_set(h, (DictObj *)d, k, x), 0);
    assert_int_equal(x->rc, 6);
    assert_int_equal(k->rc, 2);
    check(t);
    assert_int_equal(dict_set(h, (DictObj *)d, k, x), 0); /* same value again: no change */
    assert_int_equal(x->rc, 6);
    check(t);
    unname(t, k);
    assert_int_equal(k->rc, 1);
    check(t);
    assert_int_equal(dict_del(h, (DictObj *)d, k), 1);  /* k is still alive: the dict's */
    assert_int_equal(x->rc, 5);
    check(t);
    unname(t, tup);                            /* del t: -2     */
    assert_int_equal(x->rc, 3);
    check(t);
    list_clear(h, (ListObj *)holder);
    assert_int_equal(x->rc, 2);
    check(t);
    unname(t, x);
    assert_int_equal(x->rc, 1);
    check(t);
    int64_t lists = h->live_count[T_LIST];
    unname(t, x);
    assert_int_equal(h->live_count[T_LIST], lists - 1);
    check(t);
}

static void test_static_objects_never_freed(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    int64_t live = h->live_total;
    Obj *none = h->none;
    uint32_t rc = none->rc;
    incref(h, none);
    decref(h, none);
    decref(h, none);
    assert_int_equal(none->rc, rc - 1);
    Obj *z = new_int(h, 0);
    assert_true(z->flags & OF_STATIC);
    decref(h, z);
    assert_int_equal(h->live_total, live);
    Obj *e = new_str(h, "", 0);
    assert_ptr_equal(e, new_str(h, "", 0));
    decref(h, e);
    decref(h, e);
    Obj *et = new_tuple(h, 0);
    assert_ptr_equal(et, new_tuple(h, 0));
    decref(h, et);
    decref(h, et);
    /* one latin-1 character: CPython 3.11's static singletons */
    Obj *a = new_str(h, "a", 1), *eacute = new_str(h, "\xc3\xa9", 2), *euro = new_str(h, "\xe2\x82\xac", 3);
    assert_true(a->flags & OF_STATIC);
    assert_ptr_equal(a, new_str(h, "a", 1));
    assert_true(eacute->flags & OF_STATIC);
    assert_int_equal(obj_sizeof(eacute), 74);
    assert_false(euro->flags & OF_STATIC);   /* past latin-1: a str of its own */
    decref(h, a);
    decref(h, a);
    decref(h, eacute);
    decref(h, euro);
    assert_int_equal(h->live_total, live);
    check(t);
}

static void test_event_reasons(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    heap_trace_enable(h, 1000);
    heap_set_reason(h, R_BIND, 7);
    Obj *x = name(t, new_list(h, 0));
    const Event *e = last_event(h);
    assert_int_equal(e->kind, EV_ALLOC);
    assert_int_equal(e->otype, T_LIST);
    assert_int_equal(e->serial, x->serial);
    assert_int_equal(e->bytes, 56);
    check(t);

    heap_log_clear(h);
    heap_set_reason(h, R_BIND, 9);
    name(t, incref(h, x));
    assert_int_equal(h->log->n, 1);
    e = last_event(h);
    assert_int_equal(e->kind, EV_INCREF);
    assert_int_equal(e->reason, R_BIND);
    assert_int_equal(e->detail, 9);
    assert_int_equal(e->serial, x->serial);
    assert_int_equal(e->rc, 2);
    check(t);

    heap_set_reason(h, R_DEL, 9);
    unname(t, x);
    e = last_event(h);
    assert_int_equal(e->kind, EV_DECREF);
    assert_int_equal(e->reason, R_DEL);
    assert_int_equal(e->rc, 1);
    check(t);

    /* x stored into a list, then its name deleted: only the list holds it */
    Obj *l = name(t, new_list(h, 0));
    heap_set_reason(h, R_STORE, 0);
    assert_int_equal(list_append(h, (ListObj *)l, incref(h, x)), 0);
    e = last_event(h);
    assert_int_equal(e->kind, EV_INCREF);
    assert_int_equal(e->reason, R_STORE);
    assert_int_equal(e->rc, 2);
    heap_set_reason(h, R_DEL, 0);
    unname(t, x);
    check(t);

    /* release the list: list's decref (R_UNBIND), x's decref because its
     * container was freed, x freed, then the list freed */
    uint32_t ls = l->serial, xs = x->serial;
    heap_log_clear(h);
    heap_set_reason(h, R_UNBIND, 3);
    unname(t, l);
    assert_int_equal(h->log->n, 4);
    const Event *ev = h->log->ev;
    assert_int_equal(ev[0].kind, EV_DECREF);
    assert_int_equal(ev[0].serial, ls);
    assert_int_equal(ev[0].reason, R_UNBIND);
    assert_int_equal(ev[0].rc, 0);
    assert_int_equal(ev[1].kind, EV_DECREF);
    assert_int_equal(ev[1].serial, xs);
    assert_int_equal(ev[1].reason, R_CONTAINER_FREED);
    assert_int_equal(ev[1].rc, 0);
    assert_int_equal(ev[2].kind, EV_FREE);
    assert_int_equal(ev[2].serial, ev[1].serial);
    assert_int_equal(ev[2].bytes, 56);
    assert_int_equal(ev[3].kind, EV_FREE);
    assert_int_equal(ev[3].serial, ev[0].serial);
    assert_int_equal(ev[3].bytes, 56 + 8 * 4);
    /* the caller's reason is restored after the release */
    assert_int_equal(h->reason, R_UNBIND);
    assert_int_equal(h->reason_detail, 3);
    check(t);

    /* static objects make no events */
    heap_log_clear(h);
    incref(h, h->none);
    decref(h, h->none);
    Obj *small = new_int(h, 5);
    decref(h, small);
    assert_int_equal(h->log->n, 0);
    check(t);
}

static void test_event_log_folds_beyond_limit(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *x = name(t, new_list(h, 0));
    heap_trace_enable(h, 3);
    heap_set_reason(h, R_TEMP, 0);
    for (int i = 0; i < 10; i++) incref(h, x);
    assert_int_equal(h->log->n, 3);
    assert_int_equal(h->log->folded, 1);
    assert_int_equal(h->log->fold_count[EV_INCREF][T_LIST], 7);
    for (int i = 0; i < 10; i++) decref(h, x);
    assert_int_equal(h->log->fold_count[EV_DECREF][T_LIST], 10);
    assert_int_equal(x->rc, 1);
    heap_log_clear(h);
    assert_int_equal(h->log->n, 0);
    assert_int_equal(h->log->folded, 0);
    assert_int_equal(h->log->fold_count[EV_INCREF][T_LIST], 0);
    check(t);
}

/* ------------------------------------------------------------------ orders */

/* n instances of cls (new references), serials into ser[] */
static void make_instances(T *t, ClassObj *cls, Obj **out, uint32_t *ser, int n)
{
    for (int i = 0; i < n; i++) {
        out[i] = new_instance(t->h, cls);
        assert_non_null(out[i]);
        ser[i] = out[i]->serial;
    }
}

static void test_list_dealloc_last_to_first(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *v = del_class(t);
    Obj *l = name(t, new_list(h, 0));
    Obj *it[3];
    uint32_t s[3];
    make_instances(t, v, it, s, 3);
    for (int i = 0; i < 3; i++) assert_int_equal(list_append(h, (ListObj *)l, it[i]), 0);
    check(t);
    unname(t, l);
    uint32_t want[] = {s[2], s[1], s[0]};
    assert_order(t, want, 3);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
    check(t);
}

static void test_list_clear_last_to_first(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *v = del_class(t);
    Obj *l = name(t, new_list(h, 0));
    Obj *it[4];
    uint32_t s[4];
    make_instances(t, v, it, s, 4);
    for (int i = 0; i < 4; i++) assert_int_equal(list_append(h, (ListObj *)l, it[i]), 0);
    check(t);
    assert_int_equal(obj_sizeof(l), 56 + 8 * 4);
    list_clear(h, (ListObj *)l);
    uint32_t want[] = {s[3], s[2], s[1], s[0]};
    assert_order(t, want, 4);
    assert_int_equal(((ListObj *)l)->n, 0);
    assert_int_equal(obj_sizeof(l), 56);   /* clear() frees the item array */
    check(t);
}

static void test_tuple_dealloc_last_to_first(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *v = del_class(t);
    Obj *tup = name(t, new_tuple(h, 3));
    Obj *it[3];
    uint32_t s[3];
    make_instances(t, v, it, s, 3);
    for (int i = 0; i < 3; i++) ((TupleObj *)tup)->items[i] = it[i];
    check(t);
    unname(t, tup);
    uint32_t want[] = {s[2], s[1], s[0]};
    assert_order(t, want, 3);
    check(t);
}

/* d = {k1: v1, k2: v2, k3: v3}, keys and values instances with __del__ */
static Obj *make_dict_of_instances(T *t, ClassObj *cls, uint32_t *want)
{
    Heap *h = t->h;
    Obj *d = name(t, new_dict(h));
    assert_false(gc_is_tracked(d));
    for (int i = 0; i < 3; i++) {
        Obj *k = name(t, new_instance(h, cls));
        Obj *v = name(t, new_instance(h, cls));
        want[2 * i] = k->serial;
        want[2 * i + 1] = v->serial;
        assert_int_equal(dict_set(h, (DictObj *)d, k, v), 0);
        check(t);
        unname(t, k);
        unname(t, v);
        check(t);
    }
    assert_true(gc_is_tracked(d));
    return d;
}

static void test_dict_dealloc_first_to_last(void **state)
{
    T *t = *state;
    ClassObj *v = del_class(t);
    uint32_t want[6];
    Obj *d = make_dict_of_instances(t, v, want);
    unname(t, d);
    assert_order(t, want, 6);    /* k1 v1 k2 v2 k3 v3 */
    assert_int_equal(t->h->live_count[T_INSTANCE], 0);
    check(t);
}

static void test_dict_clear_first_to_last(void **state)
{
    T *t = *state;
    ClassObj *v = del_class(t);
    uint32_t want[6];
    Obj *d = make_dict_of_instances(t, v, want);
    assert_int_equal(obj_sizeof(d), 224);
    dict_clear(t->h, (DictObj *)d);
    assert_order(t, want, 6);
    assert_int_equal(obj_sizeof(d), 64);
    assert_int_equal(((DictObj *)d)->used, 0);
    check(t);
}

/* del d[key]: CPython's delitem_common releases the stored key, then the
 * value.  The stored key is a str that only the dict holds (the lookup key
 * is an equal, different str). */
static void test_dict_del_key_then_value(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *v = del_class(t);
    Obj *d = name(t, new_dict(h));
    Obj *k = new_str(h, "key", 3);
    Obj *val = new_instance(h, v);
    uint32_t ks = k->serial;
    assert_int_equal(dict_set(h, (DictObj *)d, k, val), 0);
    decref(h, k);
    decref(h, val);
    Obj *look = name(t, new_str(h, "key", 3));
    assert_ptr_not_equal(look, k);
    check(t);
    heap_trace_enable(h, 1000);
    assert_int_equal(dict_del(h, (DictObj *)d, look), 1);
    check(t);
    int key_free = -1, val_fin = -1;
    for (uint32_t i = 0; i < h->log->n; i++) {
        const Event *e = &h->log->ev[i];
        if (e->kind == EV_FREE && e->serial == ks) key_free = (int)i;
        if (e->kind == EV_FINALIZE && e->otype == T_INSTANCE) val_fin = (int)i;
    }
    assert_true(key_free >= 0 && val_fin >= 0);
    assert_true(key_free < val_fin);
}

static void test_set_dealloc_releases_all(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *v = del_class(t);
    Obj *s = name(t, new_set(h));
    for (int i = 0; i < 10; i++) {
        Obj *in = new_instance(h, v);
        assert_int_equal(set_add(h, (SetObj *)s, in), 1);
        decref(h, in);
        check(t);
    }
    assert_int_equal(((SetObj *)s)->used, 10);
    unname(t, s);
    assert_int_equal(t->norder, 10);
    assert_int_equal(h->live_count[T_INSTANCE], 0);
    check(t);
}

/* Instance attributes go in the class's shared-key order, then the class:
 * CPython prints qa, qb for q.b = ...; q.a = ... after p.a, p.b. */
static void test_instance_attrs_then_class(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *val = del_class(t);
    ClassObj *owner = (ClassObj *)name(t, new_class(h, 2, NULL));
    uint32_t sowner = owner->gc.ob.serial;
    Obj *p = name(t, new_instance(h, owner));
    Obj *q = name(t, new_instance(h, owner));
    check(t);
    Obj *pa = new_instance(h, val), *pb = new_instance(h, val);
    Obj *qb = new_instance(h, val), *qa = new_instance(h, val);
    uint32_t spa = pa->serial, spb = pb->serial, sqa = qa->serial, sqb = qb->serial;
    set_attr(t, p, 10, pa);
    set_attr(t, p, 11, pb);
    set_attr(t, q, 11, qb);
    set_attr(t, q, 10, qa);
    check(t);

    heap_trace_enable(h, 10000);
    unname(t, q);
    uint32_t want_q[] = {sqa, sqb};
    assert_order(t, want_q, 2);
    check(t);

    /* p: its attributes, then the class reference (in the event log) */
    heap_log_clear(h);
    unname(t, &owner->gc.ob);  /* only the instance holds the class now */
    check(t);
    unname(t, p);
    uint32_t want_p[] = {sqa, sqb, spa, spb};
    assert_order(t, want_p, 4);
    uint32_t seen[8];
    int ns = 0;
    for (uint32_t i = 0; i < h->log->n; i++) {
        const Event *e = &h->log->ev[i];
        if (e->kind != EV_DECREF || e->reason != R_CONTAINER_FREED) continue;
        if (e->serial == spa || e->serial == spb || e->serial == sowner) {
            assert_true(ns < 8);
            seen[ns++] = e->serial;
        }
    }
    assert_int_equal(ns, 3);
    assert_int_equal(seen[0], spa);
    assert_int_equal(seen[1], spb);
    assert_int_equal(seen[2], sowner);
    assert_int_equal(h->live_count[T_CLASS], 1);  /* val only: owner was freed */
    check(t);
}

/* A finalizer runs at the moment the count reaches 0, once. */
static void test_del_runs_at_zero(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *v = del_class(t);
    Obj *a = name(t, new_instance(h, v));
    name(t, incref(h, a));
    unname(t, a);
    assert_int_equal(t->norder, 0);
    check(t);
    uint32_t sa = a->serial;
    unname(t, a);
    uint32_t want[] = {sa};
    assert_order(t, want, 1);
    check(t);
}

/* ------------------------------------------------------------------ deep chains */

/* Each list holds the next: depth lists in all. */
static Obj *list_chain(Heap *h, int64_t depth)
{
    Obj *head = new_list(h, 0);
    assert_non_null(head);
    Obj *cur = head;
    for (int64_t i = 1; i < depth; i++) {
        Obj *nx = new_list(h, 0);
        assert_non_null(nx);
        assert_int_equal(list_append(h, (ListObj *)cur, nx), 0);
        cur = nx;
    }
    return head;
}

static void test_deep_chain_100k(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    int64_t lists = h->live_count[T_LIST], bytes = h->bytes_total;
    Obj *head = name(t, list_chain(h, 100000));
    assert_int_equal(h->live_count[T_LIST], lists + 100000);
    check(t);
    unname(t, head);
    assert_int_equal(h->live_count[T_LIST], lists);
    assert_int_equal(h->bytes_total, bytes);
    check(t);
}

static void test_deep_chain_1m(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    int64_t live = h->live_total, bytes = h->bytes_total;
    Obj *head = list_chain(h, 1000000);
    assert_int_equal(h->live_total, live + 1000000);
    decref(h, head);
    assert_int_equal(h->live_total, live);
    assert_int_equal(h->bytes_total, bytes);
    assert_int_equal(h->dn, 0);
    check(t);
}

/* list -> tuple -> dict -> instance -> list ...: every container kind on
 * the dealloc stack, 100,000 deep. */
static void test_deep_mixed_chain(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *cls = (ClassObj *)name(t, new_class(h, 3, NULL));
    Obj *key = name(t, new_str(h, "next", 4));
    int64_t live = h->live_total, bytes = h->bytes_total;
    Obj *head = new_list(h, 0);
    Obj *cur = head;
    for (int i = 1; i < 100000; i++) {
        Obj *nx;
        switch (i % 4) {
        case 0: nx = new_list(h, 0); break;
        case 1: nx = new_tuple(h, 1); break;
        case 2: nx = new_dict(h); break;
        default: nx = new_instance(h, cls); break;
        }
        assert_non_null(nx);
        switch (cur->type) {
        case T_LIST: assert_int_equal(list_append(h, (ListObj *)cur, nx), 0); break;
        case T_TUPLE: ((TupleObj *)cur)->items[0] = nx; break;
        case T_DICT:
            assert_int_equal(dict_set(h, (DictObj *)cur, key, nx), 0);
            decref(h, nx);
            break;
        default: set_attr(t, cur, 20, nx); break;
        }
        cur = nx;
    }
    if (cur->type == T_TUPLE) ((TupleObj *)cur)->items[0] = incref(h, h->none);
    name(t, head);
    check(t);
    unname(t, head);
    assert_int_equal(h->live_total, live);
    assert_int_equal(h->bytes_total, bytes);
    assert_int_equal(key->rc, 1);
    assert_int_equal(cls->gc.ob.rc, 1);
    check(t);
}

/* ------------------------------------------------------------------ mass */

static void test_million_ints(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    int64_t ints = h->live_count[T_INT], bytes = h->bytes_total, live = h->live_total;
    Obj *l = new_list(h, 0);
    for (int64_t i = 0; i < 1000000; i++) assert_int_equal(list_append(h, (ListObj *)l, new_int(h, 1000 + i)), 0);
    /* [i for i in range(10**6)] is 8,448,728 bytes (appends) */
    assert_int_equal(obj_sizeof(l), 8448728);
    assert_int_equal(h->live_count[T_INT], ints + 1000000);
    assert_int_equal(h->bytes_total, bytes + 8448728 + 28 * 1000000);
    decref(h, l);
    assert_int_equal(h->live_count[T_INT], ints);
    assert_int_equal(h->live_total, live);
    assert_int_equal(h->bytes_total, bytes);
    check(t);
}

static void test_small_ints_shared(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    int64_t live = h->live_total;
    Obj *a = name(t, new_int(h, 256));
    Obj *b = name(t, new_int(h, 256));
    assert_ptr_equal(a, b);
    assert_true(a->flags & OF_STATIC);
    Obj *m = name(t, new_int(h, -5));
    assert_ptr_equal(m, new_int(h, -5));
    decref(h, m);
    assert_int_equal(h->live_total, live);
    Obj *c = name(t, new_int(h, 257));
    Obj *d = name(t, new_int(h, 257));
    assert_ptr_not_equal(c, d);
    assert_int_equal(c->rc, 1);
    Obj *e = name(t, new_int(h, -6));
    Obj *f = name(t, new_int(h, -6));
    assert_ptr_not_equal(e, f);
    assert_int_equal(h->live_total, live + 4);
    check(t);
    unname(t, c);
    unname(t, d);
    unname(t, e);
    unname(t, f);
    assert_int_equal(h->live_total, live);
    check(t);
}

static void test_memory_limit(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *l = name(t, new_list(h, 0));
    h->mem_limit = h->bytes_total + 10000;
    int64_t live = h->live_total, bytes = h->bytes_total;
    assert_null(new_list(h, (int64_t)1 << 20));
    assert_null(new_list(h, 2000));
    assert_int_equal(h->live_total, live);
    assert_int_equal(h->bytes_total, bytes);
    check(t);
    Obj *ok = name(t, new_list(h, 100));       /* 856 bytes fit */
    assert_int_equal(obj_sizeof(ok), 856);
    check(t);

    /* at the limit: appending needs a bigger item array; the value is released */
    h->mem_limit = h->bytes_total;
    Obj *v = new_int(h, 100000);
    assert_null(v);                              /* 28 more bytes do not fit */
    h->mem_limit = h->bytes_total + 28;
    v = new_int(h, 100000);
    assert_non_null(v);
    int64_t ints = h->live_count[T_INT];
    assert_int_equal(list_append(h, (ListObj *)l, v), -1);
    assert_int_equal(h->live_count[T_INT], ints - 1);
    assert_int_equal(((ListObj *)l)->n, 0);
    assert_int_equal(obj_sizeof(l), 56);
    h->mem_limit = h->bytes_total;
    assert_null(new_float(h, 1.5));
    assert_null(new_str(h, "abc", 3));
    assert_null(new_dict(h));
    check(t);
    h->mem_limit = (int64_t)8 << 30;
    assert_int_equal(list_append(h, (ListObj *)l, new_int(h, 100000)), 0);
    check(t);

    /* a str + str is checked against the ceiling before it is made, and
     * 4 GiB of text is more than a str holds (the length is not read) */
    Obj *x = name(t, new_str(h, "abcdef", 6)), *y = name(t, new_str(h, "\xc3\xa9", 2));
    Obj *xy = name(t, new_str_cat(h, x, y));
    assert_string_equal(((StrObj *)xy)->s, "abcdef\xc3\xa9");
    assert_int_equal(((StrObj *)xy)->nchars, 7);
    assert_int_equal(obj_sizeof(xy), obj_sizeof(name(t, new_str(h, "abcdef\xc3\xa9", 8))));
    h->mem_limit = h->bytes_total + obj_sizeof(xy) - 1;
    live = h->live_total;
    assert_null(new_str_cat(h, x, y));
    assert_int_equal(h->live_total, live);
    h->mem_limit = (int64_t)8 << 30;
    assert_null(new_str(h, "x", (size_t)UINT32_MAX));
    assert_int_equal(h->live_total, live);
    check(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_refcount_arithmetic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_static_objects_never_freed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_event_reasons, setup, teardown),
        cmocka_unit_test_setup_teardown(test_event_log_folds_beyond_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_dealloc_last_to_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_clear_last_to_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tuple_dealloc_last_to_first, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dict_dealloc_first_to_last, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dict_clear_first_to_last, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dict_del_key_then_value, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_dealloc_releases_all, setup, teardown),
        cmocka_unit_test_setup_teardown(test_instance_attrs_then_class, setup, teardown),
        cmocka_unit_test_setup_teardown(test_del_runs_at_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_chain_100k, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_chain_1m, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_mixed_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_million_ints, setup, teardown),
        cmocka_unit_test_setup_teardown(test_small_ints_shared, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_limit, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
