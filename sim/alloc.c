/* pymalloc model: the bookkeeping of CPython 3.11's obmalloc.c (arenas, pools,
 * size classes, free lists), with the same list disciplines so that blocks,
 * pools and arenas are chosen in the order CPython chooses them. No memory is
 * handed out for simulated objects; a block is a (arena, pool, index) triple.
 *
 * Invariants (re-verified by alloc_check):
 * - a pool with 0 < count < nblocks is on usedpools[its class]; a full pool is
 *   on no list; an empty carved pool is on its arena's freepools list;
 * - while a pool is on usedpools its free list is non-empty; the block at the
 *   end of the list is the one pymalloc_pool_extend replaces with the next
 *   never-carved block (index nextblk) if there is one;
 * - arena->nfreepools = ntotalpools - (pools with count > 0);
 * - usable_arenas holds exactly the live arenas with nfreepools > 0, sorted by
 *   nfreepools ascending (most full first); nfp2lasta[n] is the last arena in
 *   that list with nfreepools == n, or NONE.
 * Names follow obmalloc.c (usedpools, freepools, usable_arenas, nfp2lasta,
 * unused_arena_objects, insert_to_freepool...) so the two read side by side. */
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NONE32 UINT32_MAX
#define NONE16 UINT16_MAX
#define DUMMY_SIZE_IDX 0xFFu     /* szidx of a pool never initialised */
#define BITMAP_WORDS ((ALLOC_MAX_BLOCKS + 63) / 64)
#define POOL_SHIFT 6             /* global pool id = arena << 6 | pool */
#define INITIAL_ARENA_OBJECTS 16 /* as obmalloc.c */
#define RAW_TAG 0x80000000u
#define RAW_FREE_BIT (UINT64_C(1) << 63)
/* The rare paths (a new pool, a full or emptied pool, raw requests) stay out
 * of line so that the common block hand-out and release are short leaves. */
#define COLD __attribute__((noinline, cold))

/* The header of one pool (struct pool_header, minus what is implied). */
typedef struct Pool {
    uint32_t nextpool, prevpool; /* usedpools: global pool ids; freepools:
                                    nextpool is a pool index in the arena */
    uint32_t freed_epoch;        /* epoch of the freed[] marks */
    uint16_t count;              /* ref.count: blocks in use */
    uint16_t freeblock;          /* head of the free list, NONE16 if full */
    uint16_t nextblk;            /* nextoffset as a block index */
    uint16_t nblocks;            /* (maxnextoffset - 48) / size + 1 */
    uint8_t szidx;               /* size class, DUMMY_SIZE_IDX if never set */
} Pool;

/* Per-block bookkeeping of one arena, kept with its slot for reuse. slot[p][b]
 * is, like the first word of a real block, the next free block when the block
 * is free; when it is used it holds the size that was asked for.  A pool's
 * row is made when the pool is first given a size class, as long as that
 * class has blocks (a 64-byte class row is a quarter of a 16-byte one's). */
typedef struct ArenaMem {
    uint16_t *slot[ALLOC_POOLS_PER_ARENA];
    uint16_t slot_cap[ALLOC_POOLS_PER_ARENA];
    uint64_t used[ALLOC_POOLS_PER_ARENA][BITMAP_WORDS];
    uint64_t freed[ALLOC_POOLS_PER_ARENA][BITMAP_WORDS]; /* valid iff the
                                     pool's freed_epoch is the current one */
} ArenaMem;

/* struct arena_object. */
typedef struct Arena {
    ArenaMem *mem;               /* NULL until the slot is first used */
    uint32_t nextarena, prevarena; /* usable_arenas, or unused_arena_objects */
    uint32_t released_epoch;     /* epoch of the release, if !live */
    uint16_t nfreepools, ntotalpools;
    uint16_t pools_carved;       /* pool_address as a pool index */
    uint16_t freepools;          /* head of the free-pool list, NONE16 */
    bool live;                   /* address != 0 */
    Pool pools[ALLOC_POOLS_PER_ARENA];
} Arena;

struct Alloc {
    Arena *arenas;               /* the arena table (allarenas) */
    uint32_t maxarenas;          /* slots allocated in the table */
    uint32_t slots_used;         /* slots ever handed out (view's count) */
    uint32_t unused_arena_objects;
    uint32_t usable_arenas;
    uint32_t nfp2lasta[ALLOC_POOLS_PER_ARENA + 1];
    uint32_t usedpools[ALLOC_NCLASSES]; /* front pool id of each class */
    uint32_t epoch;

    uint64_t *raw;               /* requested size, or RAW_FREE_BIT | next */
    uint32_t raw_cap, raw_top, raw_free;

    /* counters for alloc_stats */
    uint32_t narenas, narenas_peak, step_arenas_released;
    uint64_t arenas_allocated, arenas_released;
    uint32_t pools_in_use;
    uint32_t class_pools[ALLOC_NCLASSES];
    uint64_t class_blocks[ALLOC_NCLASSES];
    uint64_t requested, raw_count, raw_bytes, step_blocks_freed, step_raw_freed;
};

/* ---------------------------------------------------------------- helpers */

static Pool *pool_of(Alloc *a, uint32_t id)
{
    return &a->arenas[id >> POOL_SHIFT].pools[id & ((1u << POOL_SHIFT) - 1)];
}

static bool bit_get(const uint64_t *bm, unsigned i) { return (bm[i >> 6] >> (i & 63)) & 1; }
static void bit_set(uint64_t *bm, unsigned i) { bm[i >> 6] |= UINT64_C(1) << (i & 63); }
static void bit_clear(uint64_t *bm, unsigned i) { bm[i >> 6] &= ~(UINT64_C(1) << (i & 63)); }

static AllocRef small_ref(uint32_t arena, unsigned pool, unsigned block)
{
    return ((arena + 1) << 16) | ((uint32_t)pool << 10) | block;
}

static void die(const char *what, AllocRef ref)
{
    fprintf(stderr, "memtutor: internal error: alloc: %s (ref 0x%08x)\n", what, (unsigned)ref);
    abort();
}

/* Decodes a live small handle; in checking builds (the sanitizer build
 * defines MEMTUTOR_CHECKS) aborts on anything else. */
static void small_decode(const Alloc *a, AllocRef ref, uint32_t *ai, unsigned *pi, unsigned *bi)
{
    uint32_t arena = (ref >> 16) - 1;
    unsigned pool = (ref >> 10) & 63, block = ref & 1023;
#ifdef MEMTUTOR_CHECKS
    if (arena >= a->slots_used || !a->arenas[arena].live || pool >= a->arenas[arena].pools_carved)
        die("handle names no live pool", ref);
    const Pool *p = &a->arenas[arena].pools[pool];
    if (p->szidx == DUMMY_SIZE_IDX || block >= p->nblocks || !bit_get(a->arenas[arena].mem->used[pool], block))
        die("handle names no block in use", ref);
#else
    (void)a;
#endif
    *ai = arena;
    *pi = pool;
    *bi = block;
}

static uint32_t raw_decode(const Alloc *a, AllocRef ref)
{
    uint32_t slot = ref & ~RAW_TAG;
    if (slot >= a->raw_top || (a->raw[slot] & RAW_FREE_BIT))
        die("handle names no live raw allocation", ref);
    return slot;
}

/* -------------------------------------------------------- create, destroy */

Alloc *alloc_new(void)
{
    Alloc *a = xcalloc(1, sizeof *a);
    alloc_reset(a);
    return a;
}

void alloc_destroy(Alloc *a)
{
    if (!a)
        return;
    for (uint32_t i = 0; i < a->maxarenas; i++) {
        ArenaMem *m = a->arenas[i].mem;
        if (!m)
            continue;
        for (unsigned p = 0; p < ALLOC_POOLS_PER_ARENA; p++)
            free(m->slot[p]);
        free(m);
    }
    free(a->arenas);
    free(a->raw);
    free(a);
}

void alloc_reset(Alloc *a)
{
    /* The table keeps its size and per-slot buffers; the unused list is
     * rebuilt in index order, as obmalloc builds it when the table grows. */
    for (uint32_t i = 0; i < a->maxarenas; i++) {
        a->arenas[i].live = false;
        a->arenas[i].nextarena = i + 1 < a->maxarenas ? i + 1 : NONE32;
    }
    a->unused_arena_objects = a->maxarenas ? 0 : NONE32;
    a->slots_used = 0;
    a->usable_arenas = NONE32;
    for (unsigned i = 0; i <= ALLOC_POOLS_PER_ARENA; i++)
        a->nfp2lasta[i] = NONE32;
    for (unsigned c = 0; c < ALLOC_NCLASSES; c++) {
        a->usedpools[c] = NONE32;
        a->class_pools[c] = 0;
        a->class_blocks[c] = 0;
    }
    a->epoch = 1;
    a->raw_top = 0;
    a->raw_free = NONE32;
    a->narenas = a->narenas_peak = a->step_arenas_released = 0;
    a->arenas_allocated = a->arenas_released = 0;
    a->pools_in_use = 0;
    a->requested = a->raw_count = a->raw_bytes = 0;
    a->step_blocks_freed = a->step_raw_freed = 0;
}

/* ------------------------------------------------------------------ arenas */

/* new_arena(): take a slot from unused_arena_objects (growing the table by
 * doubling when it is empty) and "mmap" 1 MiB for it. Returns NONE32 when
 * ALLOC_MAX_ARENAS slots are all live. */
static uint32_t new_arena(Alloc *a)
{
    if (a->unused_arena_objects == NONE32) {
        uint32_t old = a->maxarenas;
        uint32_t n = old ? old * 2 : INITIAL_ARENA_OBJECTS;
        if (n > ALLOC_MAX_ARENAS)
            n = ALLOC_MAX_ARENAS;
        if (n <= old)
            return NONE32;
        a->arenas = xrealloc(a->arenas, (size_t)n * sizeof *a->arenas);
        for (uint32_t i = old; i < n; i++) {
            a->arenas[i].mem = NULL;
            a->arenas[i].live = false;
            a->arenas[i].nextarena = i + 1 < n ? i + 1 : NONE32;
        }
        a->maxarenas = n;
        a->unused_arena_objects = old;
    }
    uint32_t ai = a->unused_arena_objects;
    Arena *ao = &a->arenas[ai];
    a->unused_arena_objects = ao->nextarena;
    if (!ao->mem)
        ao->mem = xcalloc(1, sizeof *ao->mem);
    ao->live = true;
    ao->nextarena = ao->prevarena = NONE32;
    ao->released_epoch = 0;
    ao->nfreepools = ao->ntotalpools = ALLOC_POOLS_PER_ARENA;
    ao->pools_carved = 0;
    ao->freepools = NONE16;
    if (ai + 1 > a->slots_used)
        a->slots_used = ai + 1;
    a->narenas++;
    a->arenas_allocated++;
    if (a->narenas > a->narenas_peak)
        a->narenas_peak = a->narenas;
    return ai;
}

/* Unlinks arena ai from usable_arenas. */
static void usable_unlink(Alloc *a, uint32_t ai)
{
    Arena *ao = &a->arenas[ai];
    if (ao->prevarena == NONE32)
        a->usable_arenas = ao->nextarena;
    else
        a->arenas[ao->prevarena].nextarena = ao->nextarena;
    if (ao->nextarena != NONE32)
        a->arenas[ao->nextarena].prevarena = ao->prevarena;
}

/* -------------------------------------------------------------- allocation */

/* Puts pool id at the front of its class's used pools. */
COLD static void usedpools_push_front(Alloc *a, unsigned cls, uint32_t id)
{
    Pool *p = pool_of(a, id);
    uint32_t head = a->usedpools[cls];
    p->prevpool = NONE32;
    p->nextpool = head;
    if (head != NONE32)
        pool_of(a, head)->prevpool = id;
    a->usedpools[cls] = id;
}

static void usedpools_unlink(Alloc *a, unsigned cls, uint32_t id)
{
    Pool *p = pool_of(a, id);
    if (p->prevpool == NONE32)
        a->usedpools[cls] = p->nextpool;
    else
        pool_of(a, p->prevpool)->nextpool = p->nextpool;
    if (p->nextpool != NONE32)
        pool_of(a, p->nextpool)->prevpool = p->prevpool;
}

/* allocate_from_new_pool(): no used pool of class cls has room, so take a
 * pool from the head of usable_arenas (the fullest arena), preferring its
 * free-pool list to carving a new pool; map an arena if none is usable.
 * Returns the handle of the first block handed out, ALLOC_NONE if no arena. */
COLD static AllocRef allocate_from_new_pool(Alloc *a, unsigned cls)
{
    if (a->usable_arenas == NONE32) {
        uint32_t ai = new_arena(a);
        if (ai == NONE32)
            return ALLOC_NONE;
        a->usable_arenas = ai;
        a->nfp2lasta[a->arenas[ai].nfreepools] = ai;
    }
    uint32_t ai = a->usable_arenas;
    Arena *ao = &a->arenas[ai];
    /* The head already has the smallest nfreepools; decreasing it keeps the
     * list sorted. Only nfp2lasta needs fixing. */
    if (a->nfp2lasta[ao->nfreepools] == ai)
        a->nfp2lasta[ao->nfreepools] = NONE32;
    if (ao->nfreepools > 1)
        a->nfp2lasta[ao->nfreepools - 1] = ai;

    unsigned pi;
    if (ao->freepools != NONE16) {
        pi = ao->freepools;
        ao->freepools = (uint16_t)ao->pools[pi].nextpool;
    } else {
        pi = ao->pools_carved++;
        Pool *np = &ao->pools[pi];
        np->szidx = DUMMY_SIZE_IDX;
        np->freed_epoch = 0;
    }
    if (--ao->nfreepools == 0) {
        /* Wholly allocated: leaves the usable list. */
        a->usable_arenas = ao->nextarena;
        if (a->usable_arenas != NONE32)
            a->arenas[a->usable_arenas].prevarena = NONE32;
    }

    uint32_t id = (ai << POOL_SHIFT) | pi;
    Pool *p = &ao->pools[pi];
    usedpools_push_front(a, cls, id);
    p->count = 1;
    a->pools_in_use++;
    a->class_pools[cls]++;
    ArenaMem *m = ao->mem;
    unsigned b;
    if (p->szidx == cls) {
        /* Last held blocks of this class: header and free list still valid. */
        b = p->freeblock;
        p->freeblock = m->slot[pi][b];
    } else {
        /* Initialise: hand out block 0, free list holds just block 1. */
        p->szidx = (uint8_t)cls;
        p->nblocks = (uint16_t)alloc_class_blocks(cls);
        if (m->slot_cap[pi] < p->nblocks) {
            m->slot[pi] = xrealloc(m->slot[pi], p->nblocks * sizeof(uint16_t));
            m->slot_cap[pi] = p->nblocks;
        }
        uint16_t *slot = m->slot[pi];
        p->freed_epoch = 0;
        memset(ao->mem->used[pi], 0, sizeof ao->mem->used[pi]);
        b = 0;
        p->freeblock = 1;
        slot[1] = NONE16;
        p->nextblk = 2;
    }
    return small_ref(ai, pi, b);
}

/* The front pool's free list ran out (pymalloc_pool_extend): hand out the
 * next never-carved block, or, the pool being full, take it off usedpools. */
COLD static void pool_list_empty(Alloc *a, unsigned cls, uint32_t id, Pool *p, uint16_t *slot)
{
    if (p->nextblk < p->nblocks) {
        p->freeblock = p->nextblk++;
        slot[p->freeblock] = NONE16;
    } else {
        usedpools_unlink(a, cls, id); /* full */
    }
}

COLD static AllocRef raw_alloc(Alloc *a, size_t n)
{
    uint32_t s;
    if (a->raw_free != NONE32) {
        s = a->raw_free;
        a->raw_free = (uint32_t)(a->raw[s] & ~RAW_FREE_BIT);
    } else {
        if (a->raw_top >= RAW_TAG - 1)
            return ALLOC_NONE;
        if (a->raw_top == a->raw_cap) {
            a->raw_cap = a->raw_cap ? a->raw_cap * 2 : 64;
            a->raw = xrealloc(a->raw, (size_t)a->raw_cap * sizeof *a->raw);
        }
        s = a->raw_top++;
    }
    a->raw[s] = n;
    a->raw_count++;
    a->raw_bytes += n ? n : 1;
    a->requested += n;
    return RAW_TAG | s;
}

/* pymalloc_alloc(): the front used pool's free-list head, or a block of a
 * pool taken by allocate_from_new_pool. */
AllocRef alloc_malloc(Alloc *a, size_t n)
{
    if (n - 1 >= ALLOC_SMALL_MAX) /* n == 0 wraps round: raw too */
        return raw_alloc(a, n);
    unsigned cls = alloc_class_of(n);
    uint32_t id = a->usedpools[cls];
    uint32_t ai;
    unsigned pi, b;
    if (id != NONE32) {
        ai = id >> POOL_SHIFT;
        pi = id & 63;
        Pool *p = &a->arenas[ai].pools[pi];
        uint16_t *slot = a->arenas[ai].mem->slot[pi];
        p->count++;
        b = p->freeblock;
        p->freeblock = slot[b];
        if (p->freeblock == NONE16)
            pool_list_empty(a, cls, id, p, slot);
    } else {
        AllocRef r = allocate_from_new_pool(a, cls);
        if (r == ALLOC_NONE)
            return r;
        ai = (r >> 16) - 1;
        pi = (r >> 10) & 63;
        b = r & 1023;
    }
    ArenaMem *m = a->arenas[ai].mem;
    bit_set(m->used[pi], b);
    m->slot[pi][b] = (uint16_t)n;
    a->class_blocks[cls]++;
    a->requested += n;
    return small_ref(ai, pi, b);
}

/* ------------------------------------------------------------ deallocation */

/* insert_to_freepool(): pool id has just become empty. Move it to its
 * arena's free pools and keep usable_arenas sorted. The four cases are 3.11's:
 * 1. every pool of the arena is free and the arena is not the last in
 *    usable_arenas: release it to the OS. The last arena in the list (the one
 *    with the most free pools) is kept even when wholly free, so a loop that
 *    allocates and frees one object does not map and unmap an arena every
 *    time (bpo-37257). Hence at most one wholly free arena stays mapped;
 * 2. it is the arena's only free pool: the arena rejoins usable_arenas at
 *    the head (it was full, so off the list);
 * 3. the arena now has more free pools than its right neighbour: slide it
 *    right to just after the last arena with its old count (nfp2lasta);
 * 4. otherwise nothing. */
COLD static void insert_to_freepool(Alloc *a, uint32_t id)
{
    Pool *p = pool_of(a, id);
    usedpools_unlink(a, p->szidx, id);
    a->pools_in_use--;
    a->class_pools[p->szidx]--;

    uint32_t ai = id >> POOL_SHIFT;
    Arena *ao = &a->arenas[ai];
    p->nextpool = ao->freepools;
    ao->freepools = (uint16_t)(id & 63);
    unsigned nf = ao->nfreepools;
    uint32_t lastnf = a->nfp2lasta[nf];
    if (lastnf == ai) { /* it was the rightmost with nf */
        uint32_t pv = ao->prevarena;
        a->nfp2lasta[nf] = (pv != NONE32 && a->arenas[pv].nfreepools == nf) ? pv : NONE32;
    }
    ao->nfreepools = (uint16_t)++nf;

    if (nf == ao->ntotalpools && ao->nextarena != NONE32) { /* case 1 */
        usable_unlink(a, ai);
        ao->nextarena = a->unused_arena_objects;
        a->unused_arena_objects = ai;
        ao->live = false;
        ao->released_epoch = a->epoch;
        a->narenas--;
        a->arenas_released++;
        a->step_arenas_released++;
        return;
    }
    if (nf == 1) { /* case 2 */
        ao->prevarena = NONE32;
        ao->nextarena = a->usable_arenas;
        if (a->usable_arenas != NONE32)
            a->arenas[a->usable_arenas].prevarena = ai;
        a->usable_arenas = ai;
        if (a->nfp2lasta[1] == NONE32)
            a->nfp2lasta[1] = ai;
        return;
    }
    if (a->nfp2lasta[nf] == NONE32)
        a->nfp2lasta[nf] = ai;
    if (ai == lastnf) /* case 4 */
        return;
    /* case 3: move after lastnf */
    usable_unlink(a, ai);
    Arena *last = &a->arenas[lastnf];
    ao->prevarena = lastnf;
    ao->nextarena = last->nextarena;
    if (ao->nextarena != NONE32)
        a->arenas[ao->nextarena].prevarena = ai;
    last->nextarena = ai;
}

COLD static void raw_release(Alloc *a, AllocRef ref)
{
    uint32_t s = raw_decode(a, ref);
    size_t n = (size_t)a->raw[s];
    a->raw_count--;
    a->raw_bytes -= n ? n : 1;
    a->requested -= n;
    a->step_raw_freed += n ? n : 1;
    a->raw[s] = RAW_FREE_BIT | a->raw_free;
    a->raw_free = s;
}

/* The first block of a pool freed in this step: last step's marks go. */
COLD static void freed_marks_reset(Alloc *a, Pool *p, ArenaMem *m, unsigned pi)
{
    memset(m->freed[pi], 0, sizeof m->freed[pi]);
    p->freed_epoch = a->epoch;
}

void alloc_release(Alloc *a, AllocRef ref)
{
    if (ref == ALLOC_NONE)
        return;
    if (ref & RAW_TAG) {
        raw_release(a, ref);
        return;
    }
    uint32_t ai;
    unsigned pi, b;
    small_decode(a, ref, &ai, &pi, &b);
    Arena *ao = &a->arenas[ai];
    ArenaMem *m = ao->mem;
    Pool *p = &ao->pools[pi];

    bit_clear(m->used[pi], b);
    if (p->freed_epoch != a->epoch)
        freed_marks_reset(a, p, m, pi);
    bit_set(m->freed[pi], b);
    a->requested -= m->slot[pi][b];
    a->class_blocks[p->szidx]--;
    a->step_blocks_freed++;

    /* Link the block to the front of the pool's free list. */
    uint16_t lastfree = p->freeblock;
    m->slot[pi][b] = lastfree;
    p->freeblock = (uint16_t)b;
    p->count--;
    uint32_t id = (ai << POOL_SHIFT) | pi;
    if (lastfree == NONE16) {
        /* The pool was full, so on no list: back to the front of usedpools
         * (insert_to_usedpool). A full pool has >= 31 blocks, so count > 0. */
        usedpools_push_front(a, p->szidx, id);
        return;
    }
    if (p->count != 0)
        return;
    insert_to_freepool(a, id);
}

AllocRef alloc_resize(Alloc *a, AllocRef ref, size_t n)
{
    if (ref == ALLOC_NONE)
        return alloc_malloc(a, n);
    if (ref & RAW_TAG) {
        /* Not pymalloc's block: PyMem_RawRealloc keeps it in the system
         * malloc even when n is small (obmalloc declines to take it over). */
        uint32_t s = raw_decode(a, ref);
        size_t old = (size_t)a->raw[s];
        a->raw_bytes = a->raw_bytes - (old ? old : 1) + (n ? n : 1);
        a->requested = a->requested - old + n;
        a->raw[s] = n;
        return ref;
    }
    uint32_t ai;
    unsigned pi, b;
    small_decode(a, ref, &ai, &pi, &b);
    unsigned size = alloc_class_size(a->arenas[ai].pools[pi].szidx);
    if (n <= size && 4 * n > 3 * (size_t)size) {
        /* Same block: growing within it, or shrinking by less than 25%. */
        uint16_t *slot = &a->arenas[ai].mem->slot[pi][b];
        a->requested = a->requested - *slot + n;
        *slot = (uint16_t)n;
        return ref;
    }
    AllocRef nr = alloc_malloc(a, n); /* before the free, as CPython */
    if (nr == ALLOC_NONE)
        return ALLOC_NONE;
    alloc_release(a, ref);
    return nr;
}

size_t alloc_size_of(const Alloc *a, AllocRef ref)
{
    if (ref == ALLOC_NONE)
        return 0;
    if (ref & RAW_TAG)
        return (size_t)a->raw[raw_decode(a, ref)];
    uint32_t ai;
    unsigned pi, b;
    small_decode(a, ref, &ai, &pi, &b);
    return a->arenas[ai].mem->slot[pi][b];
}

bool alloc_is_raw(const Alloc *a, AllocRef ref)
{
    if (ref == ALLOC_NONE || !(ref & RAW_TAG))
        return false;
    raw_decode(a, ref);
    return true;
}

bool alloc_locate(const Alloc *a, AllocRef ref, uint32_t *arena, unsigned *pool, unsigned *block)
{
    if (ref == ALLOC_NONE || (ref & RAW_TAG))
        return false;
    small_decode(a, ref, arena, pool, block);
    return true;
}

/* ------------------------------------------------------------ steps, stats */

void alloc_begin_step(Alloc *a)
{
    if (++a->epoch == 0) {
        /* Wrapped: forget every mark so no stale epoch can match. */
        for (uint32_t i = 0; i < a->slots_used; i++)
            for (unsigned p = 0; p < ALLOC_POOLS_PER_ARENA; p++)
                a->arenas[i].pools[p].freed_epoch = 0;
        for (uint32_t i = 0; i < a->slots_used; i++)
            if (!a->arenas[i].live)
                a->arenas[i].released_epoch = 0;
        a->epoch = 1;
    }
    a->step_blocks_freed = a->step_raw_freed = 0;
    a->step_arenas_released = 0;
}

void alloc_stats(const Alloc *a, AllocStats *st)
{
    memset(st, 0, sizeof *st);
    st->arenas = a->narenas;
    st->arenas_peak = a->narenas_peak;
    st->arenas_allocated = a->arenas_allocated;
    st->arenas_released = a->arenas_released;
    st->pools_in_use = a->pools_in_use;
    st->pools_free = a->narenas * ALLOC_POOLS_PER_ARENA - a->pools_in_use;
    for (unsigned c = 0; c < ALLOC_NCLASSES; c++) {
        st->class_blocks[c] = a->class_blocks[c];
        st->class_pools[c] = a->class_pools[c];
        st->blocks_in_use += a->class_blocks[c];
        st->block_bytes += a->class_blocks[c] * alloc_class_size(c);
    }
    st->requested_bytes = a->requested;
    st->held_bytes = (uint64_t)a->narenas * ALLOC_ARENA_SIZE;
    st->raw_count = a->raw_count;
    st->raw_bytes = a->raw_bytes;
    st->step_blocks_freed = a->step_blocks_freed;
    st->step_raw_freed = a->step_raw_freed;
    st->step_arenas_released = a->step_arenas_released;
}

/* --------------------------------------------------------------- iteration */

uint32_t alloc_arena_count(const Alloc *a) { return a->slots_used; }

bool alloc_arena_info(const Alloc *a, uint32_t arena, AllocArenaInfo *out)
{
    if (arena >= a->slots_used)
        return false;
    const Arena *ao = &a->arenas[arena];
    memset(out, 0, sizeof *out);
    out->live = ao->live;
    out->usable_rank = UINT32_MAX;
    if (!ao->live) {
        out->released_this_step = ao->released_epoch == a->epoch;
        return true;
    }
    out->npools = ao->ntotalpools;
    out->pools_carved = ao->pools_carved;
    out->pools_free = ao->nfreepools;
    out->pools_used = ao->ntotalpools - ao->nfreepools;
    unsigned rank = 0;
    for (uint32_t i = a->usable_arenas; i != NONE32; i = a->arenas[i].nextarena, rank++)
        if (i == arena) {
            out->usable_rank = rank;
            break;
        }
    return true;
}

static const Pool *pool_get(const Alloc *a, uint32_t arena, unsigned pool)
{
    if (arena >= a->slots_used || !a->arenas[arena].live || pool >= ALLOC_POOLS_PER_ARENA)
        return NULL;
    return &a->arenas[arena].pools[pool];
}

bool alloc_pool_info(const Alloc *a, uint32_t arena, unsigned pool, AllocPoolInfo *out)
{
    const Pool *p = pool_get(a, arena, pool);
    if (!p)
        return false;
    memset(out, 0, sizeof *out);
    out->size_class = -1;
    if (pool >= a->arenas[arena].pools_carved || p->szidx == DUMMY_SIZE_IDX) {
        out->state = ALLOC_POOL_UNCARVED;
        return true;
    }
    const ArenaMem *m = a->arenas[arena].mem;
    out->size_class = p->szidx;
    out->block_size = alloc_class_size(p->szidx);
    out->nblocks = p->nblocks;
    out->used = p->count;
    out->state = p->count == 0 ? ALLOC_POOL_EMPTY
                 : p->count == p->nblocks ? ALLOC_POOL_FULL
                                          : ALLOC_POOL_PARTIAL;
    if (p->freed_epoch == a->epoch)
        for (unsigned w = 0; w < BITMAP_WORDS; w++)
            out->freed_this_step += (unsigned)__builtin_popcountll(m->freed[pool][w] & ~m->used[pool][w]);
    return true;
}

static AllocBlockState block_state(const Alloc *a, const Pool *p, uint32_t arena, unsigned pool,
                                   unsigned b)
{
    const ArenaMem *m = a->arenas[arena].mem;
    if (b >= p->nextblk)
        return ALLOC_BLOCK_UNTOUCHED;
    if (bit_get(m->used[pool], b))
        return ALLOC_BLOCK_USED;
    if (p->freed_epoch == a->epoch && bit_get(m->freed[pool], b))
        return ALLOC_BLOCK_FREED_NOW;
    return ALLOC_BLOCK_FREE;
}

AllocBlockState alloc_block_state(const Alloc *a, uint32_t arena, unsigned pool, unsigned block)
{
    const Pool *p = pool_get(a, arena, pool);
    if (!p || pool >= a->arenas[arena].pools_carved || p->szidx == DUMMY_SIZE_IDX ||
        block >= p->nblocks)
        return ALLOC_BLOCK_UNTOUCHED;
    return block_state(a, p, arena, pool, block);
}

unsigned alloc_pool_blocks(const Alloc *a, uint32_t arena, unsigned pool, uint8_t *out, unsigned cap)
{
    const Pool *p = pool_get(a, arena, pool);
    if (!p || pool >= a->arenas[arena].pools_carved || p->szidx == DUMMY_SIZE_IDX)
        return 0;
    unsigned n = p->nblocks < cap ? p->nblocks : cap;
    for (unsigned b = 0; b < n; b++)
        out[b] = (uint8_t)block_state(a, p, arena, pool, b);
    return n;
}

/* ------------------------------------------------------------------ checker */

const char *alloc_check(const Alloc *a)
{
    uint32_t live = 0, pools_used = 0;
    uint64_t blocks[ALLOC_NCLASSES] = {0};
    uint32_t cpools[ALLOC_NCLASSES] = {0};
    uint64_t small_req = 0;
    for (uint32_t ai = 0; ai < a->slots_used; ai++) {
        const Arena *ao = &a->arenas[ai];
        if (!ao->live)
            continue;
        live++;
        unsigned nonempty = 0, onfree = 0;
        for (unsigned pi = 0; pi < ao->pools_carved; pi++) {
            const Pool *p = &ao->pools[pi];
            if (p->szidx == DUMMY_SIZE_IDX)
                return "carved pool never initialised";
            unsigned used = 0;
            for (unsigned b = 0; b < p->nblocks; b++)
                if (bit_get(ao->mem->used[pi], b)) {
                    if (b >= p->nextblk)
                        return "used block beyond nextblk";
                    used++;
                    small_req += ao->mem->slot[pi][b];
                }
            if (used != p->count)
                return "pool count differs from its used bitmap";
            unsigned nfree = 0;
            for (unsigned b = p->freeblock; b != NONE16; b = ao->mem->slot[pi][b]) {
                if (b >= p->nextblk || bit_get(ao->mem->used[pi], b) || ++nfree > p->nblocks)
                    return "bad pool free list";
            }
            if (used + nfree != p->nextblk)
                return "free list misses carved blocks";
            if (p->count > 0) {
                nonempty++;
                pools_used++;
                blocks[p->szidx] += p->count;
                cpools[p->szidx]++;
            }
        }
        for (unsigned pi = ao->freepools; pi != NONE16; pi = (unsigned)ao->pools[pi].nextpool) {
            if (ao->pools[pi].count != 0 || ++onfree > ALLOC_POOLS_PER_ARENA)
                return "bad free-pool list";
        }
        if (onfree + nonempty != ao->pools_carved)
            return "free-pool list misses empty pools";
        if (ao->nfreepools != ao->ntotalpools - nonempty)
            return "nfreepools wrong";
    }
    if (live != a->narenas || pools_used != a->pools_in_use)
        return "arena or pool counters wrong";
    for (unsigned c = 0; c < ALLOC_NCLASSES; c++) {
        if (blocks[c] != a->class_blocks[c] || cpools[c] != a->class_pools[c])
            return "class counters wrong";
        /* used pools of the class: exactly the partial ones */
        unsigned listed = 0;
        for (uint32_t id = a->usedpools[c]; id != NONE32; id = pool_of((Alloc *)a, id)->nextpool) {
            const Pool *p = pool_of((Alloc *)a, id);
            if (p->szidx != c || p->count == 0 || p->count >= p->nblocks || p->freeblock == NONE16)
                return "bad usedpools list";
            if (++listed > a->pools_in_use)
                return "usedpools list loops";
        }
        unsigned partial = 0;
        for (uint32_t ai = 0; ai < a->slots_used; ai++)
            if (a->arenas[ai].live)
                for (unsigned pi = 0; pi < a->arenas[ai].pools_carved; pi++) {
                    const Pool *p = &a->arenas[ai].pools[pi];
                    if (p->szidx == c && p->count > 0 && p->count < p->nblocks)
                        partial++;
                }
        if (listed != partial)
            return "usedpools misses a partial pool";
    }
    /* usable_arenas: live arenas with free pools, sorted, nfp2lasta right */
    unsigned n = 0, prevnf = 0;
    uint32_t prev = NONE32;
    for (uint32_t ai = a->usable_arenas; ai != NONE32; ai = a->arenas[ai].nextarena) {
        const Arena *ao = &a->arenas[ai];
        if (!ao->live || ao->nfreepools == 0 || ao->prevarena != prev || ao->nfreepools < prevnf)
            return "usable_arenas unsorted or broken";
        uint32_t nx = ao->nextarena;
        bool last = nx == NONE32 || a->arenas[nx].nfreepools != ao->nfreepools;
        if ((a->nfp2lasta[ao->nfreepools] == ai) != last)
            return "nfp2lasta wrong";
        prevnf = ao->nfreepools;
        prev = ai;
        if (++n > live)
            return "usable_arenas loops";
    }
    for (unsigned k = 0; k <= ALLOC_POOLS_PER_ARENA; k++) {
        uint32_t ai = a->nfp2lasta[k];
        if (ai != NONE32 && (k == 0 || ai >= a->slots_used || !a->arenas[ai].live ||
                             a->arenas[ai].nfreepools != k))
            return "stale nfp2lasta entry";
    }
    unsigned want = 0;
    for (uint32_t ai = 0; ai < a->slots_used; ai++)
        if (a->arenas[ai].live && a->arenas[ai].nfreepools > 0)
            want++;
    if (want != n)
        return "usable_arenas misses an arena";
    uint64_t raw_req = 0;
    for (uint32_t s = 0; s < a->raw_top; s++)
        if (!(a->raw[s] & RAW_FREE_BIT))
            raw_req += a->raw[s];
    if (small_req + raw_req != a->requested)
        return "requested bytes wrong";
    return NULL;
}
