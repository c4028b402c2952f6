/* Unit tests for tui/memmap: the memory-map pane's pure drawing of the
 * pymalloc model (fill glyphs, the bar, freed marks, folding, zoom, cursor
 * moves, clipping).  Allocators are built directly with sim/alloc. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "canvas.h"
#include "memmap.h"

/* ---------------------------------------------------------------- helpers */

static char *text_of(const Canvas *c, bool ascii)
{
    StrBuf b = {0};
    canvas_to_text(c, ascii, &b);
    return sb_take(&b);
}

/* Draw a into a w x h canvas filling it all; returns the text. */
static char *draw_text(const Alloc *a, const MemmapView *v, int w, int h, bool ascii)
{
    Canvas *c = canvas_new(w, h);
    memmap_draw(c, (Rect){0, 0, w, h}, a, v);
    char *t = text_of(c, ascii);
    canvas_free(c);
    if (getenv("MEMMAP_SHOW")) fprintf(stderr, "----\n%s", t);
    return t;
}

static int count_cp(const char *s, const char *needle)
{
    int n = 0;
    size_t l = strlen(needle);
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += l) n++;
    return n;
}

/* Occurrences of needle in the zoom grid's rows (those starting with a
 * right-aligned block number). */
static int count_in_grid(const char *s, const char *needle)
{
    int n = 0;
    size_t l = strlen(needle);
    while (*s) {
        const char *e = strchr(s, '\n');
        if (!e) e = s + strlen(s);
        const char *p = s;
        while (p < e && *p == ' ') p++;
        if (p < e && *p >= '0' && *p <= '9')
            for (const char *q = s; q + l <= e; q++)
                if (!memcmp(q, needle, l)) n++;
        s = *e ? e + 1 : e;
    }
    return n;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

/* n requests of `size` bytes; returns a malloc'd array of refs. */
static AllocRef *alloc_many(Alloc *a, size_t size, size_t n)
{
    AllocRef *r = malloc((n ? n : 1) * sizeof *r);
    assert_non_null(r);
    for (size_t i = 0; i < n; i++) {
        r[i] = alloc_malloc(a, size);
        assert_int_not_equal(r[i], ALLOC_NONE);
    }
    return r;
}

/* 32-byte blocks filling `arenas` whole arenas (510 per pool, 63 pools). */
#define PER_ARENA (510u * 63u)

/* ------------------------------------------------------------------ tests */

static void test_pool_glyphs(void **state)
{
    (void)state;
    AllocPoolInfo p = {0};
    p.state = ALLOC_POOL_UNCARVED;
    assert_int_equal(memmap_pool_glyph(&p), 0x00b7);            /* · */
    p = (AllocPoolInfo){ALLOC_POOL_EMPTY, 1, 32, 510, 0, 0};
    assert_int_equal(memmap_pool_glyph(&p), 0x00b7);
    p.freed_this_step = 3;                                      /* emptied now */
    assert_int_equal(memmap_pool_glyph(&p), 0x00d7);            /* × */
    assert_int_equal(STYLE_ID(memmap_pool_style(&p)), STYLE_GHOST);
    p = (AllocPoolInfo){ALLOC_POOL_PARTIAL, 1, 32, 510, 1, 0};
    assert_int_equal(memmap_pool_glyph(&p), 0x2581);            /* ▁ at 1 block */
    assert_int_equal(STYLE_ID(memmap_pool_style(&p)), STYLE_LIVE);
    p.used = 255;
    assert_int_equal(memmap_pool_glyph(&p), 0x2584);            /* ▄ at half */
    p.used = 509;
    assert_int_equal(memmap_pool_glyph(&p), 0x2587);            /* ▇ one short */
    p.used = 510;
    p.state = ALLOC_POOL_FULL;
    assert_int_equal(memmap_pool_glyph(&p), 0x2588);            /* █ */
    /* the ASCII stand-ins keep the levels apart */
    assert_int_equal(canvas_ascii(0x2581), '1');
    assert_int_equal(canvas_ascii(0x2584), '4');
    assert_int_equal(canvas_ascii(0x2587), '7');
    assert_int_equal(canvas_ascii(0x2588), '#');
    assert_int_equal(canvas_ascii(0x00b7), '.');
    assert_int_equal(canvas_ascii(0x00d7), 'x');
}

static void test_cells_per_row(void **state)
{
    (void)state;
    assert_int_equal(memmap_cells_per_row(100, 32), 63);
    assert_int_equal(memmap_cells_per_row(77, 32), 63);     /* 80-column stacked pane */
    assert_int_equal(memmap_cells_per_row(57, 32), 32);     /* 100-column wide pane: two rows */
    assert_int_equal(memmap_cells_per_row(30, 32), 16);     /* four rows */
    assert_true(memmap_cells_per_row(1, 32) >= 1);
}

static void test_empty_allocator(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    MemmapView v = {0};
    char *t = draw_text(a, &v, 60, 12, false);
    assert_non_null(strstr(t, "no arena yet"));
    assert_non_null(strstr(t, "in use 0 B"));
    assert_non_null(strstr(t, "returned to the OS 0 B"));
    free(t);
    alloc_destroy(a);
}

static void test_bar_numbers(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 28, 1000);      /* 1000 blocks of 32 B */
    AllocRef big = alloc_malloc(a, 8000);       /* raw: malloc */
    MemmapView v = {0};
    char *t = draw_text(a, &v, 70, 14, false);
    assert_non_null(strstr(t, "█ in use 32.0 kB"));
    assert_non_null(strstr(t, "held by Python 1.0 MB (1 arena)"));
    assert_non_null(strstr(t, "returned to the OS 0 B (0 arenas)"));
    assert_non_null(strstr(t, "malloc 8.0 kB"));
    /* the bar: in use is a small part of the held arena, nothing returned */
    assert_true(strncmp(t, "██▒▒▒", strlen("██▒▒▒")) == 0);   /* 2 of 70 cells */
    assert_int_equal(count_cp(t, "░"), 1);      /* only the legend's */
    /* arena 0: pools 0 and 1 full (510 each would be 1020 > 1000: pool 0
     * full, pool 1 with 490 of 510 = ▇) */
    assert_non_null(strstr(t, "#0   █▇·"));
    assert_non_null(strstr(t, "2/63 pools"));
    free(t);
    alloc_release(a, big);
    for (int i = 0; i < 1000; i++) alloc_release(a, r[i]);
    free(r);
    alloc_destroy(a);
}

static void test_freed_marks_symbols(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 32, 600);       /* pool 0 full (510), pool 1: 90 */
    alloc_begin_step(a);
    for (int i = 0; i < 10; i++) alloc_release(a, r[i]);       /* 10 from pool 0 */
    for (int i = 510; i < 600; i++) alloc_release(a, r[i]);    /* all of pool 1 */
    MemmapView v = {0};
    char *t = draw_text(a, &v, 90, 14, false);
    /* pool 1 was emptied during the step: ×, with the count of freed blocks */
    assert_non_null(strstr(t, "#0   ▇×·"));
    assert_non_null(strstr(t, "×100"));
    free(t);
    t = draw_text(a, &v, 90, 14, true);
    assert_non_null(strstr(t, "#0   7x."));
    assert_non_null(strstr(t, "x100"));
    free(t);
    /* zoomed on pool 0: 10 blocks marked ×, the rest █ */
    v.zoom = true;
    v.pool = 0;
    t = draw_text(a, &v, 70, 20, false);
    assert_non_null(strstr(t, "arena #0 · pool 0 · 32-byte blocks"));
    assert_non_null(strstr(t, "blocks: 500 of 510 used · ×10 freed this step"));
    assert_int_equal(count_in_grid(t, "×"), 10);
    assert_int_equal(count_in_grid(t, "█"), 500);
    assert_non_null(strstr(t, "   0 ××××××××××███"));
    free(t);
    /* the next step: the marks are gone, the blocks are just free */
    alloc_begin_step(a);
    t = draw_text(a, &v, 70, 20, false);
    assert_int_equal(count_in_grid(t, "×"), 0);
    assert_int_equal(count_in_grid(t, "·"), 10);
    free(t);
    v.zoom = false;
    t = draw_text(a, &v, 90, 14, false);
    assert_non_null(strstr(t, "#0   ▇··"));
    free(t);
    for (int i = 10; i < 510; i++) alloc_release(a, r[i]);
    free(r);
    alloc_destroy(a);
}

static void test_zoom_untouched_and_uncarved(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 512, 3);        /* class 512: 31 blocks per pool */
    MemmapView v = {.zoom = true, .pool = 0};
    char *t = draw_text(a, &v, 60, 12, false);
    assert_non_null(strstr(t, "arena #0 · pool 0 · 512-byte blocks (for 497–512 B)"));
    assert_non_null(strstr(t, "blocks: 3 of 31 used"));
    /* the first free block is carved (on the free list, as pymalloc's
     * pool_extend leaves it); the rest were never handed out: blank */
    assert_non_null(strstr(t, "   0 ███·\n"));
    free(t);
    v.pool = 5;
    t = draw_text(a, &v, 60, 12, false);
    assert_non_null(strstr(t, "never used since the arena was mapped"));
    free(t);
    for (int i = 0; i < 3; i++) alloc_release(a, r[i]);
    free(r);
    alloc_destroy(a);
}

static void test_zoom_folds_blocks_per_cell(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 16, 1021);      /* class 16: 1021 blocks */
    MemmapView v = {.zoom = true};
    char *t = draw_text(a, &v, 40, 14, false);  /* 32 cells a row, 7 rows: 4 per cell */
    assert_true(count_lines(t) == 14);
    assert_non_null(strstr(t, "blocks: 1,021 of 1,021 used"));
    assert_non_null(strstr(t, "   0 ████"));
    assert_non_null(strstr(t, " 128 ████"));   /* 32 cells of 4 blocks a row */
    free(t);
    for (int i = 0; i < 1021; i++) alloc_release(a, r[i]);
    free(r);
    alloc_destroy(a);
}

/* 40 full arenas, then everything but one block in 100 freed. */
static void test_fold_many_arenas(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    size_t n = 40 * (size_t)PER_ARENA;
    AllocRef *r = alloc_many(a, 28, n);
    MemmapView v = {0};
    char *t = draw_text(a, &v, 90, 16, false);
    assert_int_equal(count_lines(t), 16);
    assert_non_null(strstr(t, "#0–39  ███"));
    assert_non_null(strstr(t, "63/63 pools each"));
    assert_non_null(strstr(t, "held by Python 41.9 MB (40 arenas)"));
    free(t);
    alloc_begin_step(a);
    for (size_t i = 0; i < n; i++)
        if (i % 100) alloc_release(a, r[i]);
    t = draw_text(a, &v, 90, 16, false);
    /* every pool keeps a survivor: no arena goes back */
    assert_non_null(strstr(t, "held by Python 41.9 MB (40 arenas)"));
    assert_non_null(strstr(t, "returned to the OS 0 B"));
    assert_non_null(strstr(t, "#0–39  ▁▁▁▁"));   /* no full pool left, all alike */
    free(t);
    t = draw_text(a, &v, 120, 16, false);       /* room for the freed count */
    assert_non_null(strstr(t, "63/63 pools each ×1,272,348"));
    assert_true(count_cp(t, "▁") >= 63);
    free(t);
    alloc_begin_step(a);
    for (size_t i = 0; i < n; i += 100) alloc_release(a, r[i]);
    t = draw_text(a, &v, 90, 16, false);
    /* all but one wholly free arena are returned, this step; the kept one
     * shows its 63 pools emptied now */
    assert_non_null(strstr(t, "returned to the OS 40.9 MB (39 arenas)"));
    assert_non_null(strstr(t, "#1–39  × returned to the OS this step (39 arenas)"));
    assert_non_null(strstr(t, "#0     ×××"));
    assert_non_null(strstr(t, "0/63 pools ×322"));
    assert_non_null(strstr(t, "held by Python 1.0 MB (1 arena)"));
    free(t);
    free(r);
    alloc_destroy(a);
}

/* 20 arenas of 28-byte blocks with a different number of pools freed in
 * each, so that no two look alike; *refs: the handles (free it). */
static Alloc *twenty_distinct_arenas(AllocRef **refs)
{
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 28, 20 * (size_t)PER_ARENA);
    alloc_begin_step(a);
    for (unsigned ar = 0; ar < 20; ar++)
        for (unsigned b = 0; b < (ar + 1) * 510u; b++) alloc_release(a, r[(size_t)ar * PER_ARENA + b]);
    alloc_begin_step(a);
    *refs = r;
    return a;
}

/* Rows that all differ: the ones far from the cursor fold into ▲/▼ rows. */
static void test_window_around_cursor(void **state)
{
    (void)state;
    AllocRef *r;
    Alloc *a = twenty_distinct_arenas(&r);
    MemmapView v = {.arena = 15, .pool = 40, .focused = true};
    Canvas *c = canvas_new(90, 12);
    memmap_draw(c, (Rect){0, 0, 90, 12}, a, &v);
    char *t = text_of(c, false);
    if (getenv("MEMMAP_SHOW")) fprintf(stderr, "----\n%s", t);
    assert_int_equal(count_lines(t), 12);
    assert_non_null(strstr(t, "▲ #0–"));
    assert_non_null(strstr(t, "#15 "));
    assert_non_null(strstr(t, "▼ #"));
    assert_non_null(strstr(t, "more arenas"));
    /* the cursor cell is highlighted and described in the last row */
    int found = 0;
    for (int y = 0; y < 12; y++)
        for (int x = 0; x < 90; x++) {
            const Cell *cell = canvas_cell(c, x, y);
            if (STYLE_ID(cell->style) == STYLE_SELECTED && (cell->style & CF_REVERSE)) found++;
        }
    assert_int_equal(found, 1);
    assert_non_null(strstr(t, "pool 15.40: 32-byte blocks, 510 of 510 used · Enter: blocks"));
    free(t);
    canvas_free(c);
    free(r);
    alloc_destroy(a);
}

/* The mouse: the cell drawn for a pool is the one memmap_hit names. */
static void test_mouse_hits(void **state)
{
    (void)state;
    AllocRef *r;
    Alloc *a = twenty_distinct_arenas(&r);
    for (int w = 90; w >= 50; w -= 40) {   /* one row per arena, then two */
        MemmapView v = {.arena = 15, .pool = 40, .focused = true};
        MemmapHits hits;
        Canvas *c = canvas_new(w + 3, 14);
        memmap_draw_hits(c, (Rect){3, 1, w, 12}, a, &v, &hits);
        assert_true(hits.n > 0);
        int cx = -1, cy = -1;
        for (int y = 0; y < 14; y++)
            for (int x = 0; x < w + 3; x++) {
                const Cell *cell = canvas_cell(c, x, y);
                if (STYLE_ID(cell->style) == STYLE_SELECTED && (cell->style & CF_REVERSE)) cx = x, cy = y;
            }
        assert_true(cx >= 0);
        uint32_t arena = 99;
        unsigned pool = 99;
        assert_true(memmap_hit(&hits, cx, cy, &arena, &pool));
        assert_int_equal(arena, 15);
        assert_int_equal(pool, 40);
        assert_true(memmap_hit(&hits, cx + 1, cy, &arena, &pool));
        assert_int_equal(arena, 15);
        assert_int_equal(pool, 41);
        /* the label left of the cells, and the bar at the top, are no pool */
        assert_false(memmap_hit(&hits, 3, cy, &arena, &pool));
        assert_false(memmap_hit(&hits, cx, 1, &arena, &pool));
        canvas_free(c);
    }
    free(r);
    alloc_destroy(a);
}

static void test_clipped_to_region(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 100, 5000);
    Canvas *c = canvas_new(50, 20);
    canvas_fill(c, 0, 0, 50, 20, 'Z', STYLE_NORMAL);
    for (int zoom = 0; zoom < 2; zoom++) {
        MemmapView v = {.zoom = zoom != 0, .focused = true};
        memmap_draw(c, (Rect){5, 3, 30, 10}, a, &v);
        for (int y = 0; y < 20; y++)
            for (int x = 0; x < 50; x++)
                if (!(x >= 5 && x < 35 && y >= 3 && y < 13)) assert_int_equal(canvas_cell(c, x, y)->cp, 'Z');
        /* drawing also resets nothing: the clip is as it was */
        assert_int_equal(c->clip_x0, 0);
        assert_int_equal(c->clip_x1, 50);
    }
    canvas_free(c);
    for (int i = 0; i < 5000; i++) alloc_release(a, r[i]);
    free(r);
    alloc_destroy(a);
}

static void test_tiny_regions(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 28, 3 * (size_t)PER_ARENA);
    for (int h = 1; h <= 8; h++)
        for (int w = 1; w <= 40; w += 13) {
            MemmapView v = {.focused = true, .pool = 62};
            char *t = draw_text(a, &v, w, h, false);
            assert_int_equal(count_lines(t), h);
            free(t);
            v.zoom = true;
            t = draw_text(a, &v, w, h, false);
            free(t);
        }
    free(r);
    alloc_destroy(a);
}

static void test_cursor_moves(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    size_t n = 3 * (size_t)PER_ARENA;
    AllocRef *r = alloc_many(a, 28, n);
    MemmapView v = {0};
    /* wide: one row per arena */
    memmap_move(a, &v, 100, 1, 0);
    assert_int_equal(v.pool, 1);
    memmap_move(a, &v, 100, -1, 0);
    memmap_move(a, &v, 100, -1, 0);         /* before the first pool: stays */
    assert_int_equal(v.arena, 0);
    assert_int_equal(v.pool, 0);
    v.pool = 62;
    memmap_move(a, &v, 100, 1, 0);          /* past the last pool: next arena */
    assert_int_equal(v.arena, 1);
    assert_int_equal(v.pool, 0);
    memmap_move(a, &v, 100, 0, 1);          /* down: next arena, same column */
    assert_int_equal(v.arena, 2);
    memmap_move(a, &v, 100, 0, 1);          /* no arena below: stays */
    assert_int_equal(v.arena, 2);
    /* narrow (two rows of 32): down moves within the arena first */
    v = (MemmapView){.arena = 0, .pool = 5};
    memmap_move(a, &v, 57, 0, 1);
    assert_int_equal(v.arena, 0);
    assert_int_equal(v.pool, 37);
    memmap_move(a, &v, 57, 0, 1);
    assert_int_equal(v.arena, 1);
    assert_int_equal(v.pool, 5);
    memmap_move(a, &v, 57, 0, -1);
    assert_int_equal(v.arena, 0);
    assert_int_equal(v.pool, 37);
    /* arena 1 released: moves skip it, and a cursor on it snaps.  Arena 2,
     * wholly free first, is the one free arena kept; arena 1 then goes. */
    for (size_t i = 2 * (size_t)PER_ARENA; i < 3 * (size_t)PER_ARENA; i++) alloc_release(a, r[i]);
    for (size_t i = PER_ARENA; i < 2 * (size_t)PER_ARENA; i++) alloc_release(a, r[i]);
    AllocArenaInfo ai;
    assert_true(alloc_arena_info(a, 1, &ai));
    assert_false(ai.live);
    assert_int_equal(memmap_cursor_arena(a, 1), 2);
    v = (MemmapView){.arena = 0, .pool = 10};
    memmap_move(a, &v, 100, 0, 1);
    assert_int_equal(v.arena, 2);
    memmap_move(a, &v, 100, 0, -1);
    assert_int_equal(v.arena, 0);
    for (size_t i = 0; i < PER_ARENA; i++) alloc_release(a, r[i]);
    free(r);
    alloc_destroy(a);
}

static void test_describe_pool(void **state)
{
    (void)state;
    Alloc *a = alloc_new();
    AllocRef *r = alloc_many(a, 40, 3);         /* class 48: 340 blocks */
    char buf[160];
    memmap_describe_pool(a, 0, 0, buf, sizeof buf);
    assert_string_equal(buf, "pool 0.0: 48-byte blocks, 3 of 340 used");
    alloc_begin_step(a);
    alloc_release(a, r[1]);
    memmap_describe_pool(a, 0, 0, buf, sizeof buf);
    assert_string_equal(buf, "pool 0.0: 48-byte blocks, 2 of 340 used, ×1 freed now");
    memmap_describe_pool(a, 0, 9, buf, sizeof buf);
    assert_string_equal(buf, "pool 0.9: never used since its arena was mapped");
    memmap_describe_pool(a, 7, 0, buf, sizeof buf);
    assert_string_equal(buf, "arena #7 is not mapped");
    alloc_release(a, r[0]);
    alloc_release(a, r[2]);
    free(r);
    alloc_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_glyphs),
        cmocka_unit_test(test_cells_per_row),
        cmocka_unit_test(test_empty_allocator),
        cmocka_unit_test(test_bar_numbers),
        cmocka_unit_test(test_freed_marks_symbols),
        cmocka_unit_test(test_zoom_untouched_and_uncarved),
        cmocka_unit_test(test_zoom_folds_blocks_per_cell),
        cmocka_unit_test(test_fold_many_arenas),
        cmocka_unit_test(test_window_around_cursor),
        cmocka_unit_test(test_mouse_hits),
        cmocka_unit_test(test_clipped_to_region),
        cmocka_unit_test(test_tiny_regions),
        cmocka_unit_test(test_cursor_moves),
        cmocka_unit_test(test_describe_pool),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
