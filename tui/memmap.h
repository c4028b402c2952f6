/* The memory-map pane: the pymalloc model's state (sim/alloc.h) drawn on a
 * Canvas region.  Pure: it reads an Alloc and draws; no curses, no App.
 *
 * Arena view (the default):
 *   - a bar "in use / held by Python / returned to the OS" with the numbers
 *     (and what went to the system malloc: blocks over 512 bytes);
 *   - one row (or two, when the region is narrow) per arena, one cell per
 *     16 KiB pool showing its fill level: · free, ▁..▇ partly used (in
 *     eighths), █ full, × emptied during this step (its blocks were all
 *     freed now); in ASCII (canvas_ascii): . free, 1..7 eighths, # full,
 *     x emptied now;
 *     at the end of the row the pools in use and "×N" blocks freed this step;
 *   - an arena released to the OS is one row "returned to the OS";
 *   - when the arenas do not fit, consecutive arenas that look the same fold
 *     into one summary row ("#1–30 ▁▁▁… 63/63 pools each"), and if that is not enough
 *     the rows far from the cursor fold into "▲/▼ N more arenas" rows, so a
 *     heap of a million ints (32 arenas) or of a thousand arenas stays
 *     readable.
 * Pool view (zoom): the blocks of one pool, one cell each (several per cell
 *   when they do not fit): █ used, · free, × freed during this step, blank
 *   never handed out.
 * Marks are symbols, not only colours: NO_COLOR and --ascii keep them. */
#ifndef MEMTUTOR_MEMMAP_H
#define MEMTUTOR_MEMMAP_H
#include <stdbool.h>
#include <stdint.h>

#include "alloc.h"
#include "canvas.h"
#include "layout.h"

/* What the pane shows: the cursor (a pool), whether it is zoomed in, and
 * how it is drawn.  The App keeps one; memmap_key moves it. */
typedef struct MemmapView {
    uint32_t arena;   /* cursor: arena slot (snapped to a live one when drawn) */
    unsigned pool;    /* cursor: pool 0..ALLOC_POOLS_PER_ARENA-1 */
    bool zoom;        /* show the cursor pool's blocks */
    bool focused;     /* the pane has the focus: the cursor is highlighted */
} MemmapView;

/* Draw the pane's content inside r (no border: the caller draws the pane
 * frame around it).  Clipped to r. */
void memmap_draw(Canvas *c, Rect r, const Alloc *a, const MemmapView *v);

/* Where the pool cells went in the last drawing, for the mouse: one entry
 * per drawn arena (or run of alike arenas, named by its first). */
#define MEMMAP_MAX_HITS 256
typedef struct MemmapHit {
    int x, y, rows, cells;   /* the first cell, rows drawn, cells per row */
    uint32_t arena;
} MemmapHit;
typedef struct MemmapHits {
    int n;
    MemmapHit e[MEMMAP_MAX_HITS];
} MemmapHits;

/* memmap_draw, also filling hits (NULL: not). */
void memmap_draw_hits(Canvas *c, Rect r, const Alloc *a, const MemmapView *v, MemmapHits *hits);

/* The pool cell at screen (x, y) of the last drawing: true and *arena,
 * *pool set, or false (not on a pool cell). */
bool memmap_hit(const MemmapHits *hits, int x, int y, uint32_t *arena, unsigned *pool);

/* Cursor moves for a pane of content width `width` (the one given to
 * memmap_draw): dx = -1/+1 the previous/next pool (crossing arenas), dy =
 * -1/+1 the cell above/below (the previous/next live arena when the arena
 * takes one row).  Released arenas are skipped. */
void memmap_move(const Alloc *a, MemmapView *v, int width, int dx, int dy);

/* The live arena the cursor stands on: arena if live, else the nearest live
 * one after it, else before it; UINT32_MAX when no arena is live. */
uint32_t memmap_cursor_arena(const Alloc *a, uint32_t arena);

/* The glyph of a pool cell (see above) and its style. */
uint32_t memmap_pool_glyph(const AllocPoolInfo *p);
Style memmap_pool_style(const AllocPoolInfo *p);

/* Pool cells per arena row for a content width: 63 when they fit beside the
 * labels, else split over two (or more) rows. */
int memmap_cells_per_row(int width, uint32_t narenas);

/* One line for the status of the cursor pool ("pool 3.17: 32-byte blocks,
 * 5 of 510 used, ×505 freed now") into buf. */
void memmap_describe_pool(const Alloc *a, uint32_t arena, unsigned pool, char *buf, size_t n);

#endif
