/* Unit tests for sim/object.c sizes: sys.getsizeof of every kind, and the
 * growth of list, dict, set and array as CPython 3.11 (64-bit) grows them.
 * Every expected number was measured with
 * /root/.pyenv/versions/3.11.7/bin/python3 (the script is quoted beside each
 * table).  After every operation the heap's byte total must equal the sum
 * of getsizeof over the live objects, and heap_check must pass. */
#include <stdio.h>
#include <stdlib.h>

#include "bigint.h"
#include "heap_fixture.h"

/* ------------------------------------------------------------------ fixture */

/* A growth table: from length `len` on, getsizeof is `size`. */
typedef struct { int64_t len, size; } Step;

static int64_t size_at(const Step *steps, size_t n, int64_t len)
{
    int64_t s = steps[0].size;
    for (size_t i = 0; i < n && steps[i].len <= len; i++) s = steps[i].size;
    return s;
}

/* ------------------------------------------------------------------ scalars */

static Obj *bigint(Heap *h, const char *digits)
{
    BigInt *b = bi_from_str(digits, strlen(digits), 10);
    assert_non_null(b);
    return new_bigint(h, b);
}

/* [sys.getsizeof(x) for x in (0, 1, 2**30-1, 2**30, -1, -(2**30), 2**60,
 *  2**63-1, -2**63, 2**64, 2**64-1, -(2**64), 2**90, 10**30)] */
static void test_sizeof_int(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    static const struct { int64_t v, size; } small[] = {
        {0, 28}, {1, 28}, {(1 << 30) - 1, 28}, {1 << 30, 32}, {-1, 28}, {-(1 << 30), 32},
        {-(1 << 30) + 1, 28}, {(int64_t)1 << 60, 36}, {INT64_MAX, 36}, {INT64_MIN, 36},
        {256, 28}, {257, 28}, {-5, 28}, {-6, 28},
    };
    for (size_t i = 0; i < sizeof small / sizeof small[0]; i++) {
        Obj *o = new_int(h, small[i].v);
        assert_non_null(o);
        assert_int_equal(obj_sizeof(o), small[i].size);
        decref(h, o);
    }
    static const struct { const char *digits; int64_t size; } big[] = {
        {"18446744073709551616", 36},   /* 2**64 */
        {"18446744073709551615", 36},   /* 2**64-1 */
        {"-18446744073709551616", 36},  /* -(2**64) */
        {"1237940039285380274899124224", 40},  /* 2**90 */
        {"1000000000000000000000000000000", 40}, /* 10**30 */
    };
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        Obj *o = name(t, bigint(h, big[i].digits));
        assert_true(o->flags & OF_BIG);
        assert_int_equal(obj_sizeof(o), big[i].size);
        check(t);
        unname(t, o);
    }
    /* a BigInt that fits comes back in the small form */
    Obj *o = name(t, bigint(h, "1073741824"));
    assert_false(o->flags & OF_BIG);
    assert_int_equal(obj_sizeof(o), 32);
    check(t);
    Obj *s = bigint(h, "7");
    assert_ptr_equal(s, new_int(h, 7));   /* a small int is shared */
    decref(h, s);
    decref(h, s);
    check(t);
}

/* None 16, True 28, False 28, 1.5 24, range(10) 48 */
static void test_sizeof_scalars(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    assert_int_equal(obj_sizeof(h->none), 16);
    assert_int_equal(obj_sizeof(h->true_), 28);
    assert_int_equal(obj_sizeof(h->false_), 28);
    Obj *f = name(t, new_float(h, 1.5));
    assert_int_equal(obj_sizeof(f), 24);
    Obj *r = name(t, new_range(h, 0, 10, 1));
    assert_int_equal(obj_sizeof(r), 48);
    assert_int_equal(((RangeObj *)r)->len, 10);
    check(t);
}

/* [sys.getsizeof(s) for s in ('', 'a', 'ab', 'é', 'aé', '€', 'a€', '😀',
 *  'a😀', 'x'*100)] */
static void test_sizeof_str(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    char x100[101];
    memset(x100, 'x', 100);
    x100[100] = 0;
    static const int64_t want[] = {49, 50, 51, 74, 75, 76, 78, 80, 84, 149};
    const char *strs[] = {"", "a", "ab", "\xc3\xa9", "a\xc3\xa9", "\xe2\x82\xac", "a\xe2\x82\xac",
                          "\xf0\x9f\x98\x80", "a\xf0\x9f\x98\x80", x100};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Obj *s = name(t, new_str(h, strs[i], strlen(strs[i])));
        assert_int_equal(obj_sizeof(s), want[i]);
        check(t);
    }
}

/* tuple: 40 + 8n; () is 40 */
static void test_sizeof_tuple(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    for (uint32_t n = 0; n <= 25; n++) {
        Obj *tup = new_tuple(h, n);
        for (uint32_t i = 0; i < n; i++) ((TupleObj *)tup)->items[i] = new_int(h, (int64_t)i);
        assert_int_equal(obj_sizeof(tup), 40 + 8 * (int64_t)n);
        name(t, tup);
        check(t);
        unname(t, tup);
    }
    check(t);
}

/* ------------------------------------------------------------------ list */

/* l = []; for i in range(101): record getsizeof(l); l.append(i)
 * capacities 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108 */
static const Step LIST_APPEND[] = {
    {0, 56}, {1, 88}, {5, 120}, {9, 184}, {17, 248}, {25, 312},
    {33, 376}, {41, 472}, {53, 568}, {65, 664}, {77, 792}, {93, 920},
};

static void test_list_growth(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *l = name(t, new_list(h, 0));
    static const int64_t caps[] = {0, 4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108};
    int ci = 0;
    for (int64_t n = 0; n <= 100; n++) {
        ListObj *lo = (ListObj *)l;
        assert_int_equal(lo->n, n);
        assert_int_equal(obj_sizeof(l), size_at(LIST_APPEND, sizeof LIST_APPEND / sizeof LIST_APPEND[0], n));
        if (lo->cap != caps[ci]) ci++;
        assert_int_equal(lo->cap, caps[ci]);
        assert_int_equal(obj_sizeof(l), 56 + 8 * lo->cap);
        check(t);
        assert_int_equal(list_append(h, lo, new_int(h, n)), 0);
    }
    assert_int_equal(ci, 11);
    /* the capacity formula itself */
    assert_int_equal(list_grow_capacity(0, 1), 4);
    assert_int_equal(list_grow_capacity(4, 5), 8);
    assert_int_equal(list_grow_capacity(8, 9), 16);
    assert_int_equal(list_grow_capacity(92, 93), 108);
    assert_int_equal(list_grow_capacity(0, 1000000), 1000000);   /* a large jump: (n + 3) & ~3 */
    assert_int_equal(list_grow_capacity(0, 0), 0);
    list_clear(h, (ListObj *)l);
    assert_int_equal(obj_sizeof(l), 56);
    check(t);
}

/* ------------------------------------------------------------------ dict */

/* d = {}; for i in range(700): d[i] = i; record changes of getsizeof(d) */
static const Step DICT_INT[] = {
    {0, 64}, {1, 224}, {6, 352}, {11, 632}, {22, 1168}, {43, 2264},
    {86, 4688}, {171, 9304}, {342, 18512}, {683, 36952},
};

static void test_dict_growth_int_keys(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *d = name(t, new_dict(h));
    DictObj *dd = (DictObj *)d;
    for (int64_t n = 0; n <= 700; n++) {
        assert_int_equal(dd->used, n);
        assert_int_equal(obj_sizeof(d), size_at(DICT_INT, sizeof DICT_INT / sizeof DICT_INT[0], n));
        if (n < 50 || n % 50 == 0) check(t);
        if (n == 700) break;
        Obj *k = new_int(h, n);
        assert_int_equal(dict_set(h, dd, k, k), 0);
        decref(h, k);
    }
    check(t);
    /* del never shrinks */
    for (int64_t n = 0; n < 600; n++) {
        Obj *k = new_int(h, n);
        assert_int_equal(dict_del(h, dd, k), 1);
        decref(h, k);
    }
    assert_int_equal(dd->used, 100);
    assert_int_equal(obj_sizeof(d), 36952);
    check(t);
    /* clear() gives back the empty dict */
    dict_clear(h, dd);
    assert_int_equal(obj_sizeof(d), 64);
    check(t);
}

/* d = {}; for i in range(100): d['k%d' % i] = i */
static const Step DICT_STR[] = {
    {0, 64}, {1, 184}, {6, 272}, {11, 464}, {22, 832}, {43, 1584}, {86, 3328},
};

static Obj *key_str(Heap *h, int64_t i)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "k%lld", (long long)i);
    return new_str(h, buf, (size_t)n);
}

static void test_dict_growth_str_keys(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *d = name(t, new_dict(h));
    DictObj *dd = (DictObj *)d;
    for (int64_t n = 0; n <= 100; n++) {
        assert_int_equal(obj_sizeof(d), size_at(DICT_STR, sizeof DICT_STR / sizeof DICT_STR[0], n));
        check(t);
        if (n == 100) break;
        Obj *k = key_str(h, n);
        Obj *v = new_int(h, n);
        assert_int_equal(dict_set(h, dd, k, v), 0);
        decref(h, k);
        decref(h, v);
    }
    assert_false(gc_is_tracked(d));
    /* str keys then one int key: the table becomes a general one */
    Obj *d2 = name(t, new_dict(h));
    for (int i = 0; i < 5; i++) {
        Obj *k = key_str(h, i);
        assert_int_equal(dict_set(h, (DictObj *)d2, k, k), 0);
        decref(h, k);
    }
    assert_int_equal(obj_sizeof(d2), 184);
    Obj *k = new_int(h, 100);
    assert_int_equal(dict_set(h, (DictObj *)d2, k, k), 0);
    decref(h, k);
    assert_int_equal(obj_sizeof(d2), 352);      /* d = {5 str keys}; d[100] = 1 */
    check(t);
}

/* d = {'a': 1}; d[1] = 2 -> 352 and d = {'a': 1, 'b': 2}; d[1] = 2 -> 352:
 * insertion_resize(GROWTH_RATE = used*3) with calculate_log2_keysize, which
 * is bit_length((minsize | 8) - 1): used*3 = 3 or 6 gives 16 slots. */
static void test_dict_unicode_to_general_small(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    for (int nstr = 1; nstr <= 2; nstr++) {
        Obj *d = name(t, new_dict(h));
        for (int i = 0; i < nstr; i++) {
            Obj *k = key_str(h, i);
            assert_int_equal(dict_set(h, (DictObj *)d, k, k), 0);
            decref(h, k);
        }
        assert_int_equal(obj_sizeof(d), 184);
        Obj *k = new_int(h, 1);
        assert_int_equal(dict_set(h, (DictObj *)d, k, k), 0);
        decref(h, k);
        check(t);
        assert_int_equal(obj_sizeof(d), 352);
    }
}

/* d = {i: i for i in range(5)}; del d[0..3]; d[10] = 1 -> 352 (the table is
 * full of dummies; insertion_resize(used*3 = 3) gives 16 slots).  With str
 * keys: 'k0'..'k4', del 4, d['z'] = 1 -> 272. */
static void test_dict_regrow_after_deletes(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *d = name(t, new_dict(h));
    for (int i = 0; i < 5; i++) {
        Obj *k = new_int(h, i);
        assert_int_equal(dict_set(h, (DictObj *)d, k, k), 0);
        decref(h, k);
    }
    for (int i = 0; i < 4; i++) {
        Obj *k = new_int(h, i);
        assert_int_equal(dict_del(h, (DictObj *)d, k), 1);
        decref(h, k);
    }
    assert_int_equal(obj_sizeof(d), 224);
    Obj *k = new_int(h, 10);
    assert_int_equal(dict_set(h, (DictObj *)d, k, k), 0);
    decref(h, k);
    check(t);
    Obj *s = name(t, new_dict(h));
    for (int i = 0; i < 5; i++) {
        Obj *sk = key_str(h, i);
        assert_int_equal(dict_set(h, (DictObj *)s, sk, sk), 0);
        decref(h, sk);
    }
    for (int i = 0; i < 4; i++) {
        Obj *sk = key_str(h, i);
        assert_int_equal(dict_del(h, (DictObj *)s, sk), 1);
        decref(h, sk);
    }
    Obj *z = new_str(h, "z", 1);
    assert_int_equal(dict_set(h, (DictObj *)s, z, z), 0);
    decref(h, z);
    check(t);
    assert_int_equal(obj_sizeof(d), 352);
    assert_int_equal(obj_sizeof(s), 272);
}

/* {'a': 1, ..., 'f': 6} 272 and 12 str keys 464 (BUILD_MAP presizes) */
static void test_dict_presized(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    static const struct { int n; int64_t size; } cases[] = {{6, 272}, {12, 464}, {3, 64}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        Obj *d = name(t, new_dict_presized(h, cases[c].n, 1));
        for (int i = 0; i < cases[c].n; i++) {
            Obj *k = key_str(h, i);
            assert_int_equal(dict_set(h, (DictObj *)d, k, k), 0);
            decref(h, k);
        }
        if (cases[c].n == 3) assert_int_equal(obj_sizeof(d), 184);
        else assert_int_equal(obj_sizeof(d), cases[c].size);
        check(t);
    }
}

/* ------------------------------------------------------------------ set */

/* s = set(); for i in range(100): s.add(i): 216, 728 at 5, 2264 at 19,
 * 8408 at 77; s.clear() -> 216; discard never shrinks */
static const Step SET_ADD[] = {{0, 216}, {5, 728}, {19, 2264}, {77, 8408}};

static void test_set_growth(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    Obj *s = name(t, new_set(h));
    for (int64_t n = 0; n <= 100; n++) {
        assert_int_equal(((SetObj *)s)->used, n);
        assert_int_equal(obj_sizeof(s), size_at(SET_ADD, sizeof SET_ADD / sizeof SET_ADD[0], n));
        check(t);
        if (n == 100) break;
        Obj *k = new_int(h, n);
        assert_int_equal(set_add(h, (SetObj *)s, k), 1);
        decref(h, k);
    }
    Obj *k = new_int(h, 3);
    assert_int_equal(set_add(h, (SetObj *)s, k), 0);   /* already there */
    decref(h, k);
    for (int64_t n = 0; n < 90; n++) {
        Obj *x = new_int(h, n);
        assert_int_equal(set_discard(h, (SetObj *)s, x), 1);
        decref(h, x);
    }
    assert_int_equal(obj_sizeof(s), 8408);
    check(t);
    set_clear(h, (SetObj *)s);
    assert_int_equal(obj_sizeof(s), 216);
    check(t);
}

/* ------------------------------------------------------------------ instances */

static ClassObj *slots_class(T *t, uint32_t nslots)
{
    ClassObj *c = (ClassObj *)name(t, new_class(t->h, 1, NULL));
    c->has_slots = 1;
    c->nslots = nslots;
    /* what type_new gives a class with __slots__ over object: no __dict__, no __weakref__ */
    c->basicsize = 16 + 8 * nslots;
    c->managed_dict = c->weaklist = 0;
    if (nslots) {
        c->slots = malloc(nslots * sizeof(Sym));
        assert_non_null(c->slots);
        for (uint32_t i = 0; i < nslots; i++) c->slots[i] = 100 + i;
    }
    return c;
}

/* class C: pass -> 56 (with any number of attributes);
 * __slots__ = () 32, ('a', 'b') 48, ('a', 'b', 'c') 56 */
static void test_sizeof_instances(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    ClassObj *c = (ClassObj *)name(t, new_class(h, 1, NULL));
    Obj *in = name(t, new_instance(h, c));
    assert_int_equal(obj_sizeof(in), 56);
    for (Sym a = 10; a < 20; a++) {
        Obj **slot = instance_slot(h, (InstanceObj *)in, a, 1);
        assert_non_null(slot);
        *slot = new_int(h, a);
    }
    assert_int_equal(obj_sizeof(in), 56);
    check(t);
    static const struct { uint32_t n; int64_t size; } sl[] = {{0, 32}, {2, 48}, {3, 56}};
    for (size_t i = 0; i < sizeof sl / sizeof sl[0]; i++) {
        ClassObj *s = slots_class(t, sl[i].n);
        Obj *si = name(t, new_instance(h, s));
        assert_int_equal(obj_sizeof(si), sl[i].size);
        check(t);
        if (sl[i].n) {
            Obj **slot = instance_slot(h, (InstanceObj *)si, 101, 0);
            assert_non_null(slot);
            *slot = new_float(h, 2.5);
            assert_null(instance_slot(h, (InstanceObj *)si, 999, 1));  /* not a slot */
            assert_int_equal(obj_sizeof(si), sl[i].size);
            check(t);
        }
    }
}

/* ------------------------------------------------------------------ array */

/* a = array('i'); for i in range(200): a.append(i) */
static const Step ARRAY_I[] = {
    {0, 80}, {1, 96}, {5, 112}, {9, 144}, {17, 180}, {26, 216}, {35, 256}, {45, 296}, {55, 340},
    {66, 388}, {78, 436}, {90, 488}, {103, 544}, {117, 604}, {132, 668}, {148, 736}, {165, 808},
    {183, 884},
};
/* the same for array('b') and array('d'), 60 appends */
static const Step ARRAY_B[] = {
    {0, 80}, {1, 84}, {5, 88}, {9, 96}, {17, 105}, {26, 114}, {35, 124}, {45, 134}, {55, 145},
};
static const Step ARRAY_D[] = {
    {0, 80}, {1, 112}, {5, 144}, {9, 208}, {17, 280}, {26, 352}, {35, 432}, {45, 512}, {55, 600},
};

static void array_case(T *t, char tc, const Step *steps, size_t nsteps, int64_t upto)
{
    Heap *h = t->h;
    Obj *a = name(t, new_array(h, tc));
    assert_true(gc_is_tracked(a));
    uint64_t item = 0;
    for (int64_t n = 0; n <= upto; n++) {
        assert_int_equal(((ArrayObj *)a)->n, n);
        assert_int_equal(obj_sizeof(a), size_at(steps, nsteps, n));
        check(t);
        if (n == upto) break;
        item = (uint64_t)n;
        assert_int_equal(array_append_raw(h, (ArrayObj *)a, &item), 0);
    }
    unname(t, a);
    check(t);
}

static void test_array_growth(void **state)
{
    T *t = *state;
    array_case(t, 'i', ARRAY_I, sizeof ARRAY_I / sizeof ARRAY_I[0], 200);
    array_case(t, 'b', ARRAY_B, sizeof ARRAY_B / sizeof ARRAY_B[0], 60);
    array_case(t, 'd', ARRAY_D, sizeof ARRAY_D / sizeof ARRAY_D[0], 60);
}

/* a = array('i'); 10**6 appends -> 4,091,948 (as array('i', range(10**6))) */
static void test_array_million(void **state)
{
    T *t = *state;
    Heap *h = t->h;
    int64_t bytes = h->bytes_total;
    Obj *a = new_array(h, 'i');
    for (int32_t i = 0; i < 1000000; i++) assert_int_equal(array_append_raw(h, (ArrayObj *)a, &i), 0);
    assert_int_equal(obj_sizeof(a), 4091948);
    assert_int_equal(((int32_t *)((ArrayObj *)a)->data)[999999], 999999);
    assert_int_equal(h->bytes_total, bytes + 4091948);
    decref(h, a);
    assert_int_equal(h->bytes_total, bytes);
    check(t);
}

int main(void)
{
#define T_(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T_(test_sizeof_int),
        T_(test_sizeof_scalars),
        T_(test_sizeof_str),
        T_(test_sizeof_tuple),
        T_(test_list_growth),
        T_(test_dict_growth_int_keys),
        T_(test_dict_growth_str_keys),
        T_(test_dict_unicode_to_general_small),
        T_(test_dict_regrow_after_deletes),
        T_(test_dict_presized),
        T_(test_set_growth),
        T_(test_sizeof_instances),
        T_(test_array_growth),
        T_(test_array_million),
    };
#undef T_
    return cmocka_run_group_tests(tests, NULL, NULL);
}
