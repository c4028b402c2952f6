/* pymalloc model: CPython 3.11's small-object allocator (Objects/obmalloc.c)
 * as pure bookkeeping. Every simulated allocation gets a modelled place
 * (arena, pool, block) or a slot in the "raw" (system malloc) table; no real
 * memory is handed out for simulated objects. The memory-map view reads the
 * layout back through the iteration functions at the end of this file. */
#ifndef MEMTUTOR_ALLOC_H
#define MEMTUTOR_ALLOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Geometry of CPython 3.11 on 64-bit Linux. */
#define ALLOC_ALIGNMENT 16u      /* block sizes are multiples of this */
#define ALLOC_SMALL_MAX 512u     /* SMALL_REQUEST_THRESHOLD; larger -> raw */
#define ALLOC_NCLASSES 32u       /* size classes 16, 32, ..., 512 */
#define ALLOC_POOL_SIZE 16384u   /* POOL_SIZE: 16 KiB */
#define ALLOC_POOL_OVERHEAD 48u  /* sizeof(struct pool_header), aligned */
#define ALLOC_ARENA_SIZE 1048576u /* ARENA_SIZE: 1 MiB, 64 pool-sized slices */
/* Usable pools per arena. obmalloc's new_arena() mmaps 1 MiB, which the kernel
 * aligns to a 4 KiB page, not to 16 KiB; when the address is not pool-aligned
 * the first partial slice is skipped and the arena holds 63 pools ("bytes lost
 * to arena alignment" in sys._debugmallocstats()). Measured on these machines,
 * nearly every arena is unaligned, so the model always uses 63. */
#define ALLOC_POOLS_PER_ARENA 63u
/* Blocks in the pool of the smallest class: (16384 - 48) / 16. */
#define ALLOC_MAX_BLOCKS 1021u
/* Most arenas that can be live at once (the handle's arena field): 32 GiB. */
#define ALLOC_MAX_ARENAS 32767u

/* A handle to one simulated allocation: 4 bytes, 0 means "none". It encodes
 * the arena slot, pool and block of a small block, or a raw-table slot. A
 * released handle may be handed out again by a later allocation. */
typedef uint32_t AllocRef;
#define ALLOC_NONE ((AllocRef)0)

typedef struct Alloc Alloc;

/* Size class of a request of n bytes, 1..512: (n - 1) >> 4. */
static inline unsigned alloc_class_of(size_t n) { return (unsigned)((n - 1) >> 4); }
/* Block size of class c: (c + 1) * 16. */
static inline unsigned alloc_class_size(unsigned c) { return (c + 1) * ALLOC_ALIGNMENT; }
/* Blocks in one pool of class c: (16384 - 48) / ((c + 1) * 16). */
static inline unsigned alloc_class_blocks(unsigned c)
{
    return (ALLOC_POOL_SIZE - ALLOC_POOL_OVERHEAD) / alloc_class_size(c);
}

/* A fresh allocator holding no arenas. Never NULL (aborts on real OOM).
 * Release with alloc_destroy. */
Alloc *alloc_new(void);
/* Frees the allocator and all its bookkeeping. NULL is allowed. Outstanding
 * AllocRefs become meaningless. */
void alloc_destroy(Alloc *a);
/* Forgets every allocation and arena, as if just made by alloc_new, but keeps
 * the bookkeeping buffers for reuse: the cheap way to re-run a program from
 * the start. */
void alloc_reset(Alloc *a);

/* PyObject_Malloc(n). 1..512 bytes take a block of class (n-1)>>4 from the
 * front pool of that class's used pools, else a pool from the fullest usable
 * arena, else a newly mapped arena. Larger requests, and n == 0 (3.11's
 * pymalloc_alloc refuses 0 and passes it to the system malloc, which is asked
 * for 1 byte), are raw. Returns ALLOC_NONE only when the model is out of room
 * (ALLOC_MAX_ARENAS arenas live, or 2^31 raw allocations): callers treat it
 * as MemoryError. */
AllocRef alloc_malloc(Alloc *a, size_t n);
/* PyObject_Free(ref). ALLOC_NONE is ignored. Releasing a handle that is not
 * live is a bug in the caller: it is detected and aborts with a message. The
 * block is marked "freed during this step". An emptied pool goes to its
 * arena's free pools; an arena whose pools are all free is released unless it
 * is the last one in the usable-arena list (see alloc.c). */
void alloc_release(Alloc *a, AllocRef ref);
/* PyObject_Realloc(ref, n), following 3.11's pymalloc_realloc:
 * - ref == ALLOC_NONE: same as alloc_malloc(n);
 * - a raw allocation stays raw whatever n is (system realloc): same handle;
 * - a small block is kept (same handle) when n fits in its block and does not
 *   shrink it by 25% or more (4n > 3 * block size); otherwise a new place is
 *   taken with alloc_malloc(n) (possibly in the same class, possibly raw) and
 *   the old block is released.
 * Returns the handle to use from now on (the old one is dead if different),
 * or ALLOC_NONE if alloc_malloc failed, in which case ref is untouched. */
AllocRef alloc_resize(Alloc *a, AllocRef ref, size_t n);
/* The size last asked for (alloc_malloc / alloc_resize) for a live handle; 0
 * for ALLOC_NONE. */
size_t alloc_size_of(const Alloc *a, AllocRef ref);
/* True if the live handle is a raw (system malloc) allocation. */
bool alloc_is_raw(const Alloc *a, AllocRef ref);
/* Where a small live handle lives. Returns false (outputs untouched) for a raw
 * handle or ALLOC_NONE. */
bool alloc_locate(const Alloc *a, AllocRef ref, uint32_t *arena, unsigned *pool,
                  unsigned *block);

/* Starts a new step: from now on "freed during this step" means freed after
 * this call. O(1): per-pool marks are cleared lazily by epoch. Also resets the
 * step_* counters of AllocStats. */
void alloc_begin_step(Alloc *a);

typedef struct AllocStats {
    uint32_t arenas;            /* arenas currently mapped */
    uint32_t arenas_peak;       /* most arenas mapped at once */
    uint64_t arenas_allocated;  /* arenas ever mapped */
    uint64_t arenas_released;   /* arenas ever returned to the OS */
    uint32_t pools_in_use;      /* pools with at least one used block */
    uint32_t pools_free;        /* pools of live arenas holding no block
                                   (free-pool list and never carved) */
    uint64_t blocks_in_use;     /* small blocks in use, all classes */
    uint64_t class_blocks[ALLOC_NCLASSES]; /* small blocks in use per class */
    uint32_t class_pools[ALLOC_NCLASSES];  /* pools in use per class */
    uint64_t requested_bytes;   /* sum of the live sizes asked for, small+raw */
    uint64_t block_bytes;       /* bytes of the small blocks in use */
    uint64_t held_bytes;        /* arenas * ALLOC_ARENA_SIZE: pymalloc's share */
    uint64_t raw_count;         /* live raw allocations */
    uint64_t raw_bytes;         /* bytes asked of the system malloc, live */
    uint64_t step_blocks_freed; /* small blocks freed since alloc_begin_step */
    uint64_t step_raw_freed;    /* raw bytes freed since alloc_begin_step */
    uint32_t step_arenas_released; /* arenas released since alloc_begin_step */
} AllocStats;

/* Fills *st. O(number of size classes). */
void alloc_stats(const Alloc *a, AllocStats *st);

/* ---- Iteration for the memory map ----
 * Arenas are identified by their slot in CPython's arena table (the index a
 * pool header stores as arenaindex). A slot keeps its index while its arena
 * lives; a released arena's slot is reused, most recently released first, by
 * the next arena mapped. alloc_arena_count counts every slot ever used, live
 * or released, so the view can show released arenas as gaps. */
uint32_t alloc_arena_count(const Alloc *a);

typedef struct AllocArenaInfo {
    bool live;                /* mapped now */
    bool released_this_step;  /* !live and released during this step */
    unsigned npools;          /* ALLOC_POOLS_PER_ARENA when live, else 0 */
    unsigned pools_carved;    /* pools ever initialised since mapping */
    unsigned pools_free;      /* nfreepools: free-list pools + uncarved */
    unsigned pools_used;      /* npools - pools_free */
    unsigned usable_rank;     /* 0-based place in the usable-arena list (0 is
                                 where the next new pool comes from); UINT_MAX
                                 if not in it (full, or not live) */
} AllocArenaInfo;
/* Describes slot `arena`. Returns false for an index >= alloc_arena_count. */
bool alloc_arena_info(const Alloc *a, uint32_t arena, AllocArenaInfo *out);

typedef enum AllocPoolState {
    ALLOC_POOL_UNCARVED, /* never initialised since the arena was mapped */
    ALLOC_POOL_EMPTY,    /* in the arena's free pools: no block in use */
    ALLOC_POOL_PARTIAL,  /* some blocks in use: on its class's used list */
    ALLOC_POOL_FULL      /* every block in use */
} AllocPoolState;

typedef struct AllocPoolInfo {
    AllocPoolState state;
    int size_class;         /* class last initialised for; -1 when uncarved */
    unsigned block_size;    /* bytes per block; 0 when uncarved */
    unsigned nblocks;       /* blocks the pool holds; 0 when uncarved */
    unsigned used;          /* blocks in use */
    unsigned freed_this_step; /* blocks freed this step and not reused */
} AllocPoolInfo;
/* Describes pool `pool` (0..ALLOC_POOLS_PER_ARENA-1) of live arena `arena`.
 * Returns false if the arena is not live or the pool index is out of range. */
bool alloc_pool_info(const Alloc *a, uint32_t arena, unsigned pool, AllocPoolInfo *out);

typedef enum AllocBlockState {
    ALLOC_BLOCK_UNTOUCHED, /* never handed out since the pool was set up */
    ALLOC_BLOCK_FREE,      /* on the pool's free list */
    ALLOC_BLOCK_USED,      /* in use */
    ALLOC_BLOCK_FREED_NOW  /* free, and freed during this step */
} AllocBlockState;
/* State of one block. Out-of-range arena/pool/block give ALLOC_BLOCK_UNTOUCHED. */
AllocBlockState alloc_block_state(const Alloc *a, uint32_t arena, unsigned pool,
                                  unsigned block);
/* States of all blocks of a pool into out[0..n-1] (one AllocBlockState per
 * byte), n = min(cap, nblocks). Returns n; 0 for an uncarved or invalid pool. */
unsigned alloc_pool_blocks(const Alloc *a, uint32_t arena, unsigned pool, uint8_t *out,
                           unsigned cap);

/* Re-derives every counter and list from scratch and compares (the debug
 * checker). Returns NULL when consistent, else a static description. O(heap). */
const char *alloc_check(const Alloc *a);

#endif
