/* Unit tests for sim/alloc: the pymalloc model. Each test states the CPython
 * 3.11 behaviour it pins down; alloc_check re-verifies the invariants. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "alloc.h"

#define CHECK(a) assert_null(alloc_check(a))

static uint32_t arena_of(const Alloc *a, AllocRef r)
{
    uint32_t ar;
    unsigned p, b;
    assert_true(alloc_locate(a, r, &ar, &p, &b));
    return ar;
}

static unsigned pool_of(const Alloc *a, AllocRef r)
{
    uint32_t ar;
    unsigned p, b;
    assert_true(alloc_locate(a, r, &ar, &p, &b));
    return p;
}

static unsigned block_of(const Alloc *a, AllocRef r)
{
    uint32_t ar;
    unsigned p, b;
    assert_true(alloc_locate(a, r, &ar, &p, &b));
    return b;
}

static AllocStats stats(const Alloc *a)
{
    AllocStats st;
    alloc_stats(a, &st);
    return st;
}

/* n requests of `size` bytes; returns a malloc'd array of refs. */
static AllocRef *alloc_many(Alloc *a, size_t size, size_t n)
{
    AllocRef *r = malloc(n * sizeof *r);
    assert_non_null(r);
    for (size_t i = 0; i < n; i++) {
        r[i] = alloc_malloc(a, size);
        assert_int_not_equal(r[i], ALLOC_NONE);
    }
    return r;
}

static void test_size_classes(void **state)
{
    (void)state;
    assert_int_equal(alloc_class_of(1), 0);
    assert_int_equal(alloc_class_of(16), 0);
    assert_int_equal(alloc_class_of(17), 1);
    assert_int_equal(alloc_class_of(32), 1);
    assert_int_equal(alloc_class_of(33), 2);
    assert_int_equal(alloc_class_of(512), 31);
    assert_int_equal(alloc_class_size(0), 16);
    assert_int_equal(alloc_class_size(31), 512);

    Alloc *a = alloc_new();
    const size_t sizes[] = {1, 16, 17, 28, 56, 100, 496, 497, 512};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        AllocRef r = alloc_malloc(a, sizes[i]);
        assert_false(alloc_is_raw(a, r));
        assert_int_equal(alloc_size_of(a, r), sizes[i]);
        AllocPoolInfo pi;
        assert_true(alloc_pool_info(a, arena_of(a, r), pool_of(a, r), &pi));
        assert_int_equal(pi.size_class, (int)((sizes[i] - 1) / 16));
        assert_int_equal(pi.block_size, ((sizes[i] + 15) / 16) * 16);
    }
    /* classes 0, 0, 1, 1, 3, 6, 30, 31, 31: one pool per distinct class */
    assert_int_equal(stats(a).pools_in_use, 6);
    assert_int_equal(stats(a).arenas, 1);
    CHECK(a);
    alloc_destroy(a);
}

static void test_blocks_per_pool(void **state)
{
    (void)state;
    assert_int_equal(alloc_class_blocks(0), 1021);
    assert_int_equal(alloc_class_blocks(1), 510);
    assert_int_equal(alloc_class_blocks(2), 340);
    assert_int_equal(alloc_class_blocks(31), 31);
    for (unsigned c = 0; c < ALLOC_NCLASSES; c++)
        assert_int_equal(alloc_class_blocks(c), (16384 - 48) / ((c + 1) * 16));

    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 32, 510);
    /* blocks are handed out in address order from a fresh pool */
    for (unsigned i = 0; i < 510; i++) {
        assert_int_equal(pool_of(a, r[i]), 0);
        assert_int_equal(block_of(a, r[i]), i);
    }
    AllocPoolInfo pi;
    assert_true(alloc_pool_info(a, 0, 0, &pi));
    assert_int_equal(pi.state, ALLOC_POOL_FULL);
    assert_int_equal(pi.nblocks, 510);
    assert_int_equal(pi.used, 510);
    AllocRef next = alloc_malloc(a, 32);
    assert_int_equal(pool_of(a, next), 1);
    assert_int_equal(block_of(a, next), 0);
    assert_int_equal(stats(a).pools_in_use, 2);
    assert_int_equal(stats(a).class_pools[1], 2);
    CHECK(a);
    free(r);
    alloc_destroy(a);
}

static void test_pool_reuse(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef x = alloc_malloc(a, 24);
    AllocRef y = alloc_malloc(a, 24);
    AllocRef z = alloc_malloc(a, 24);
    /* LIFO free list: the last block freed is the next handed out */
    alloc_release(a, x);
    alloc_release(a, z);
    assert_int_equal(alloc_malloc(a, 24), z);
    assert_int_equal(alloc_malloc(a, 24), x);
    (void)y;

    /* A full pool that gets a free block goes to the front of its class's
     * used pools and serves the next request ahead of the newer pool. */
    AllocRef *r = alloc_many(a, 512, 31 + 1); /* pool 0 of class 31 full, pool 1 started */
    assert_int_equal(pool_of(a, r[31]), pool_of(a, r[0]) + 1);
    alloc_release(a, r[5]);
    AllocRef again = alloc_malloc(a, 500);
    assert_int_equal(again, r[5]);
    /* now the full pool leaves the list again; next comes from the newer pool */
    AllocRef more = alloc_malloc(a, 500);
    assert_int_equal(pool_of(a, more), pool_of(a, r[31]));
    assert_int_equal(block_of(a, more), 1);
    CHECK(a);
    free(r);
    alloc_destroy(a);
}

static void test_empty_pool_to_free_list(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef x = alloc_malloc(a, 32);
    AllocRef y = alloc_malloc(a, 64);
    assert_int_equal(pool_of(a, x), 0);
    assert_int_equal(pool_of(a, y), 1);
    alloc_release(a, x);
    AllocPoolInfo pi;
    assert_true(alloc_pool_info(a, 0, 0, &pi));
    assert_int_equal(pi.state, ALLOC_POOL_EMPTY);
    assert_int_equal(pi.size_class, 1); /* keeps its class until reused */
    AllocStats st = stats(a);
    assert_int_equal(st.pools_in_use, 1);
    assert_int_equal(st.pools_free, ALLOC_POOLS_PER_ARENA - 1);
    AllocArenaInfo ai;
    assert_true(alloc_arena_info(a, 0, &ai));
    assert_int_equal(ai.pools_carved, 2);
    assert_int_equal(ai.pools_free, ALLOC_POOLS_PER_ARENA - 1);
    CHECK(a);

    /* Same class again: the free pool comes back with its free list as is. */
    AllocRef x2 = alloc_malloc(a, 20);
    assert_int_equal(x2, x);
    alloc_release(a, x2);
    /* Another class: the free pool (head of freepools) is re-initialised
     * rather than a new one carved. */
    AllocRef w = alloc_malloc(a, 200);
    assert_int_equal(pool_of(a, w), 0);
    assert_int_equal(block_of(a, w), 0);
    assert_true(alloc_pool_info(a, 0, 0, &pi));
    assert_int_equal(pi.size_class, 12);
    assert_int_equal(pi.state, ALLOC_POOL_PARTIAL);
    assert_true(alloc_arena_info(a, 0, &ai));
    assert_int_equal(ai.pools_carved, 2);
    CHECK(a);
    alloc_destroy(a);
}

/* Fills whole arenas with 512-byte blocks (31 per pool, 63 pools). */
#define PER_ARENA (31u * ALLOC_POOLS_PER_ARENA)

static void test_arena_release(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 512, PER_ARENA + 1);
    assert_int_equal(arena_of(a, r[0]), 0);
    assert_int_equal(arena_of(a, r[PER_ARENA - 1]), 0);
    assert_int_equal(arena_of(a, r[PER_ARENA]), 1);
    assert_int_equal(stats(a).arenas, 2);
    alloc_begin_step(a);
    /* emptying arena 0 while arena 1 is still usable releases arena 0 */
    for (unsigned i = 0; i < PER_ARENA; i++) {
        alloc_release(a, r[i]);
        if (i + 1 < PER_ARENA)
            assert_int_equal(stats(a).arenas, 2);
    }
    AllocStats st = stats(a);
    assert_int_equal(st.arenas, 1);
    assert_int_equal(st.arenas_released, 1);
    assert_int_equal(st.arenas_peak, 2);
    assert_int_equal(st.step_arenas_released, 1);
    assert_int_equal(st.held_bytes, ALLOC_ARENA_SIZE);
    AllocArenaInfo ai;
    assert_int_equal(alloc_arena_count(a), 2); /* the released slot stays listed */
    assert_true(alloc_arena_info(a, 0, &ai));
    assert_false(ai.live);
    assert_true(ai.released_this_step);
    assert_false(alloc_pool_info(a, 0, 0, &(AllocPoolInfo){0}));
    alloc_begin_step(a);
    assert_true(alloc_arena_info(a, 0, &ai));
    assert_false(ai.released_this_step);
    CHECK(a);

    /* the next arena mapped reuses the released slot 0 */
    AllocRef *s = alloc_many(a, 512, PER_ARENA);
    assert_int_equal(stats(a).arenas, 2);
    assert_int_equal(arena_of(a, s[PER_ARENA - 1]), 0);
    assert_int_equal(alloc_arena_count(a), 2);
    CHECK(a);
    free(r);
    free(s);
    alloc_destroy(a);
}

static void test_kept_free_arena(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    /* one arena, wholly freed: it is the last usable arena, so it stays */
    AllocRef x = alloc_malloc(a, 40);
    alloc_release(a, x);
    AllocStats st = stats(a);
    assert_int_equal(st.arenas, 1);
    assert_int_equal(st.arenas_released, 0);
    assert_int_equal(st.held_bytes, ALLOC_ARENA_SIZE);
    /* alloc/free in a loop does not map and unmap (bpo-37257) */
    for (int i = 0; i < 1000; i++)
        alloc_release(a, alloc_malloc(a, 40));
    assert_int_equal(stats(a).arenas_allocated, 1);

    /* two wholly free arenas: only one is kept */
    AllocRef *r = alloc_many(a, 512, 2 * PER_ARENA);
    assert_int_equal(stats(a).arenas, 2);
    for (unsigned i = 0; i < 2 * PER_ARENA; i++)
        alloc_release(a, r[i]);
    st = stats(a);
    assert_int_equal(st.arenas, 1);
    assert_int_equal(st.arenas_released, 1);
    assert_int_equal(st.pools_in_use, 0);
    /* the same in the other order */
    AllocRef *s = alloc_many(a, 512, 2 * PER_ARENA);
    for (unsigned i = 2 * PER_ARENA; i-- > 0;)
        alloc_release(a, s[i]);
    assert_int_equal(stats(a).arenas, 1);
    assert_int_equal(stats(a).arenas_released, 2);
    CHECK(a);
    free(r);
    free(s);
    alloc_destroy(a);
}

static void test_most_full_arena_first(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 512, 2 * PER_ARENA);
    assert_int_equal(arena_of(a, r[PER_ARENA]), 1);
    /* arena 0: free 10 whole pools; arena 1: free 5 */
    for (unsigned i = 0; i < 10 * 31; i++)
        alloc_release(a, r[i]);
    for (unsigned i = PER_ARENA; i < PER_ARENA + 5 * 31; i++)
        alloc_release(a, r[i]);
    AllocArenaInfo i0, i1;
    assert_true(alloc_arena_info(a, 0, &i0));
    assert_true(alloc_arena_info(a, 1, &i1));
    assert_int_equal(i0.pools_free, 10);
    assert_int_equal(i1.pools_free, 5);
    assert_int_equal(i1.usable_rank, 0);
    assert_int_equal(i0.usable_rank, 1);
    CHECK(a);

    /* a new pool (class 0 has no used pool) comes from arena 1, the fuller */
    AllocRef n1 = alloc_malloc(a, 8);
    assert_int_equal(arena_of(a, n1), 1);
    /* LIFO free pools: the last pool emptied in arena 1 is the one reused */
    assert_int_equal(pool_of(a, n1), pool_of(a, r[PER_ARENA + 4 * 31]));

    /* Free 8 more pools in arena 1 (now 4 + 8 = 12 free > 10): the list
     * re-sorts and arena 0 becomes the head. */
    for (unsigned i = PER_ARENA + 5 * 31; i < PER_ARENA + 13 * 31; i++)
        alloc_release(a, r[i]);
    assert_true(alloc_arena_info(a, 0, &i0));
    assert_true(alloc_arena_info(a, 1, &i1));
    assert_int_equal(i1.pools_free, 12);
    assert_int_equal(i0.usable_rank, 0);
    assert_int_equal(i1.usable_rank, 1);
    AllocRef n2 = alloc_malloc(a, 100);
    assert_int_equal(arena_of(a, n2), 0);
    CHECK(a);
    free(r);
    alloc_destroy(a);
}

static void test_raw(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef big = alloc_malloc(a, 513);
    assert_true(alloc_is_raw(a, big));
    assert_false(alloc_locate(a, big, &(uint32_t){0}, &(unsigned){0}, &(unsigned){0}));
    AllocStats st = stats(a);
    assert_int_equal(st.arenas, 0);
    assert_int_equal(st.raw_count, 1);
    assert_int_equal(st.raw_bytes, 513);
    assert_int_equal(st.requested_bytes, 513);
    assert_int_equal(alloc_size_of(a, big), 513);

    /* 3.11's pymalloc_alloc refuses 0 bytes: the system malloc gets 1 */
    AllocRef zero = alloc_malloc(a, 0);
    assert_true(alloc_is_raw(a, zero));
    assert_int_equal(alloc_size_of(a, zero), 0);
    st = stats(a);
    assert_int_equal(st.raw_bytes, 514);
    assert_int_equal(st.requested_bytes, 513);
    assert_int_equal(st.arenas, 0);

    /* raw stays raw, whatever the new size */
    assert_int_equal(alloc_resize(a, big, 100000), big);
    assert_int_equal(alloc_size_of(a, big), 100000);
    assert_int_equal(alloc_resize(a, big, 10), big);
    assert_true(alloc_is_raw(a, big));
    assert_int_equal(stats(a).raw_bytes, 11);
    alloc_begin_step(a);
    alloc_release(a, big);
    alloc_release(a, zero);
    st = stats(a);
    assert_int_equal(st.raw_count, 0);
    assert_int_equal(st.raw_bytes, 0);
    assert_int_equal(st.requested_bytes, 0);
    assert_int_equal(st.step_raw_freed, 11);
    /* slots are recycled */
    AllocRef again = alloc_malloc(a, 8000);
    assert_true(again == big || again == zero);
    alloc_release(a, ALLOC_NONE); /* ignored */
    CHECK(a);
    alloc_destroy(a);
}

static void test_resize_small(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef r = alloc_malloc(a, 32);
    /* shrink by less than 25%: same block */
    assert_int_equal(alloc_resize(a, r, 30), r);
    assert_int_equal(alloc_size_of(a, r), 30);
    /* shrink by 25% or more: a new block, even of the same class (20 -> 32) */
    AllocRef r2 = alloc_resize(a, r, 20);
    assert_int_not_equal(r2, r);
    assert_int_equal(block_of(a, r2), 1);
    assert_int_equal(alloc_block_state(a, 0, 0, 0), ALLOC_BLOCK_FREED_NOW);
    /* grow beyond the block: a new class */
    AllocRef r3 = alloc_resize(a, r2, 40);
    AllocPoolInfo pi;
    assert_true(alloc_pool_info(a, arena_of(a, r3), pool_of(a, r3), &pi));
    assert_int_equal(pi.size_class, 2);
    /* 512-byte block to 400: 1600 > 1536, stays */
    AllocRef b = alloc_malloc(a, 512);
    assert_int_equal(alloc_resize(a, b, 400), b);
    /* to 384: 1536 is not > 1536, moves to class 23 */
    AllocRef b2 = alloc_resize(a, b, 384);
    assert_int_not_equal(b2, b);
    /* small to large: becomes raw */
    AllocRef big = alloc_resize(a, r3, 600);
    assert_true(alloc_is_raw(a, big));
    assert_int_equal(alloc_resize(a, ALLOC_NONE, 16) != ALLOC_NONE, 1);
    AllocStats st = stats(a);
    assert_int_equal(st.blocks_in_use, 2);
    assert_int_equal(st.requested_bytes, 384 + 600 + 16);
    CHECK(a);
    alloc_destroy(a);
}

static void test_stats(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocStats st = stats(a);
    assert_int_equal(st.arenas, 0);
    assert_int_equal(st.held_bytes, 0);
    AllocRef x = alloc_malloc(a, 28);  /* int: class 1 */
    AllocRef y = alloc_malloc(a, 56);  /* empty list: class 3 */
    AllocRef z = alloc_malloc(a, 49);  /* '' : class 3 */
    AllocRef w = alloc_malloc(a, 1000);
    st = stats(a);
    assert_int_equal(st.arenas, 1);
    assert_int_equal(st.arenas_peak, 1);
    assert_int_equal(st.arenas_allocated, 1);
    assert_int_equal(st.pools_in_use, 2);
    assert_int_equal(st.pools_free, ALLOC_POOLS_PER_ARENA - 2);
    assert_int_equal(st.blocks_in_use, 3);
    assert_int_equal(st.class_blocks[1], 1);
    assert_int_equal(st.class_blocks[3], 2);
    assert_int_equal(st.class_pools[3], 1);
    assert_int_equal(st.requested_bytes, 28 + 56 + 49 + 1000);
    assert_int_equal(st.block_bytes, 32 + 64 + 64);
    assert_int_equal(st.held_bytes, 1048576);
    assert_int_equal(st.raw_bytes, 1000);
    assert_int_equal(st.raw_count, 1);
    alloc_release(a, y);
    st = stats(a);
    assert_int_equal(st.class_blocks[3], 1);
    assert_int_equal(st.requested_bytes, 28 + 49 + 1000);
    assert_int_equal(st.step_blocks_freed, 1);
    (void)x;
    (void)z;
    (void)w;
    CHECK(a);
    alloc_destroy(a);
}

static void test_step_marks(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef r[4];
    for (int i = 0; i < 4; i++)
        r[i] = alloc_malloc(a, 32);
    alloc_release(a, r[0]); /* freed in step 0 */
    assert_int_equal(alloc_block_state(a, 0, 0, 0), ALLOC_BLOCK_FREED_NOW);
    alloc_begin_step(a);
    assert_int_equal(stats(a).step_blocks_freed, 0);
    assert_int_equal(alloc_block_state(a, 0, 0, 0), ALLOC_BLOCK_FREE);
    alloc_release(a, r[2]);
    assert_int_equal(alloc_block_state(a, 0, 0, 0), ALLOC_BLOCK_FREE);
    assert_int_equal(alloc_block_state(a, 0, 0, 1), ALLOC_BLOCK_USED);
    assert_int_equal(alloc_block_state(a, 0, 0, 2), ALLOC_BLOCK_FREED_NOW);
    assert_int_equal(alloc_block_state(a, 0, 0, 3), ALLOC_BLOCK_USED);
    assert_int_equal(alloc_block_state(a, 0, 0, 4), ALLOC_BLOCK_FREE); /* carved: list tail */
    assert_int_equal(alloc_block_state(a, 0, 0, 5), ALLOC_BLOCK_UNTOUCHED);
    assert_int_equal(alloc_block_state(a, 0, 0, 509), ALLOC_BLOCK_UNTOUCHED);
    assert_int_equal(alloc_block_state(a, 0, 0, 510), ALLOC_BLOCK_UNTOUCHED); /* out of range */
    assert_int_equal(alloc_block_state(a, 0, 1, 0), ALLOC_BLOCK_UNTOUCHED);
    assert_int_equal(alloc_block_state(a, 7, 0, 0), ALLOC_BLOCK_UNTOUCHED);
    AllocPoolInfo pi;
    assert_true(alloc_pool_info(a, 0, 0, &pi));
    assert_int_equal(pi.freed_this_step, 1);
    assert_int_equal(pi.used, 2);
    uint8_t bs[8];
    assert_int_equal(alloc_pool_blocks(a, 0, 0, bs, 8), 8);
    const uint8_t want[8] = {ALLOC_BLOCK_FREE, ALLOC_BLOCK_USED, ALLOC_BLOCK_FREED_NOW,
                             ALLOC_BLOCK_USED, ALLOC_BLOCK_FREE, ALLOC_BLOCK_UNTOUCHED,
                             ALLOC_BLOCK_UNTOUCHED, ALLOC_BLOCK_UNTOUCHED};
    assert_memory_equal(bs, want, 8);
    /* reused within the step: used again */
    assert_int_equal(alloc_malloc(a, 32), r[2]);
    assert_int_equal(alloc_block_state(a, 0, 0, 2), ALLOC_BLOCK_USED);
    assert_true(alloc_pool_info(a, 0, 0, &pi));
    assert_int_equal(pi.freed_this_step, 0);
    /* a whole pool emptied this step still shows its freed blocks */
    alloc_begin_step(a);
    alloc_release(a, r[1]);
    alloc_release(a, r[2]);
    alloc_release(a, r[3]);
    assert_true(alloc_pool_info(a, 0, 0, &pi));
    assert_int_equal(pi.state, ALLOC_POOL_EMPTY);
    assert_int_equal(pi.freed_this_step, 3);
    assert_int_equal(alloc_block_state(a, 0, 0, 0), ALLOC_BLOCK_FREE);
    assert_int_equal(alloc_block_state(a, 0, 0, 3), ALLOC_BLOCK_FREED_NOW);
    /* the pool re-initialised for another class has no stale marks */
    AllocRef o = alloc_malloc(a, 300);
    assert_int_equal(pool_of(a, o), 0);
    assert_int_equal(alloc_block_state(a, 0, 0, 1), ALLOC_BLOCK_FREE);
    assert_true(alloc_pool_info(a, 0, 0, &pi));
    assert_int_equal(pi.freed_this_step, 0);
    CHECK(a);
    alloc_destroy(a);
}

static void test_reset_is_fresh(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 48, 50000);
    for (size_t i = 0; i < 50000; i += 3)
        alloc_release(a, r[i]);
    alloc_reset(a);
    AllocStats st = stats(a);
    assert_int_equal(st.arenas, 0);
    assert_int_equal(st.blocks_in_use, 0);
    assert_int_equal(alloc_arena_count(a), 0);
    Alloc *b = alloc_new();
    for (size_t i = 0; i < 50000; i++) {
        size_t n = 1 + (i * 7919) % 700;
        AllocRef x = alloc_malloc(a, n), y = alloc_malloc(b, n);
        assert_int_equal(x, y);
        if (i % 5 == 2) {
            alloc_release(a, x);
            alloc_release(b, y);
        }
    }
    CHECK(a);
    free(r);
    alloc_destroy(a);
    alloc_destroy(b);
}

static double now_ms(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* [i + 1000 for i in range(10**6)]: a million 32-byte ints. CPython 3.11
 * maps ~32 arenas for them (35 with the interpreter's own objects). */
static void test_million_ints(void **state)
{
    (void)state;
    enum { N = 1000000 };
    Alloc *a = alloc_new();
    AllocRef *r = malloc(N * sizeof *r);
    assert_non_null(r);
    double t0 = now_ms();
    for (int i = 0; i < N; i++)
        r[i] = alloc_malloc(a, 28);
    double t1 = now_ms();
    AllocStats st = stats(a);
    assert_in_range(st.arenas, 32, 33);
    assert_int_equal(st.blocks_in_use, N);
    assert_int_equal(st.pools_in_use, (N + 509) / 510);
    CHECK(a);

    /* del all but every 100th: every pool keeps survivors, arenas stay */
    for (int i = 0; i < N; i++)
        if (i % 100 != 0)
            alloc_release(a, r[i]);
    AllocStats st2 = stats(a);
    assert_int_equal(st2.blocks_in_use, N / 100);
    assert_true(st2.held_bytes * 10 >= st.held_bytes * 9);
    assert_int_equal(st2.arenas_released, 0);
    CHECK(a);

    double t2 = now_ms();
    for (int i = 0; i < N; i += 100)
        alloc_release(a, r[i]);
    double t3 = now_ms();
    AllocStats st3 = stats(a);
    assert_true(st3.arenas <= 2);
    assert_int_equal(st3.blocks_in_use, 0);
    assert_int_equal(st3.requested_bytes, 0);
    CHECK(a);

    /* timing: a fresh million alloc + free */
    alloc_reset(a);
    double t4 = now_ms();
    for (int i = 0; i < N; i++)
        r[i] = alloc_malloc(a, 28);
    for (int i = 0; i < N; i++)
        alloc_release(a, r[i]);
    double t5 = now_ms();
    print_message("1M alloc: %.1f ms; free all but every 100th then rest: last 10k free %.1f ms; "
                  "1M alloc+free after reset: %.1f ms; arenas peak %u\n",
                  t1 - t0, t3 - t2, t5 - t4, (unsigned)st.arenas_peak);
    /* generous: this binary may carry sanitizers */
    assert_true(t5 - t4 < 2000.0);
    free(r);
    alloc_destroy(a);
}

static void test_random_against_checker(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    enum { N = 20000 };
    static AllocRef live[N];
    size_t nlive = 0;
    unsigned long seed = 12345;
    for (int step = 0; step < 200000; step++) {
        seed = seed * 6364136223846793005UL + 1442695040888963407UL;
        unsigned v = (unsigned)(seed >> 33);
        if ((v & 3) != 0 && nlive < N) {
            size_t n = (v >> 4) % 1100;
            live[nlive++] = alloc_malloc(a, n);
        } else if ((v & 3) == 0 && nlive > 0) {
            size_t k = (v >> 4) % nlive;
            if (v & 0x80000) {
                live[k] = alloc_resize(a, live[k], (v >> 8) % 700);
            } else {
                alloc_release(a, live[k]);
                live[k] = live[--nlive];
            }
        } else {
            while (nlive > 0)
                alloc_release(a, live[--nlive]);
        }
        if (step % 20000 == 0) {
            alloc_begin_step(a);
            CHECK(a);
        }
    }
    CHECK(a);
    while (nlive > 0)
        alloc_release(a, live[--nlive]);
    AllocStats st = stats(a);
    assert_int_equal(st.blocks_in_use, 0);
    assert_true(st.arenas <= 1);
    CHECK(a);
    alloc_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_size_classes),
        cmocka_unit_test(test_blocks_per_pool),
        cmocka_unit_test(test_pool_reuse),
        cmocka_unit_test(test_empty_pool_to_free_list),
        cmocka_unit_test(test_arena_release),
        cmocka_unit_test(test_kept_free_arena),
        cmocka_unit_test(test_most_full_arena_first),
        cmocka_unit_test(test_raw),
        cmocka_unit_test(test_resize_small),
        cmocka_unit_test(test_stats),
        cmocka_unit_test(test_step_marks),
        cmocka_unit_test(test_reset_is_fresh),
        cmocka_unit_test(test_million_ints),
        cmocka_unit_test(test_random_against_checker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
