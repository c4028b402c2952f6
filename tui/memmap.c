/* The memory-map pane (see memmap.h). */
#include "memmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define NPOOLS ALLOC_POOLS_PER_ARENA
#define INFO_MIN 7          /* columns kept right of the pool cells */

/* ------------------------------------------------------------- glyphs */

#define CP_FREE   0x00b7u   /* · */
#define CP_FULL   0x2588u   /* █ */
#define CP_X      0x00d7u   /* × */
#define CP_HELD   0x2592u   /* ▒ */
#define CP_GONE   0x2591u   /* ░ */

uint32_t memmap_pool_glyph(const AllocPoolInfo *p)
{
    if (p->state == ALLOC_POOL_UNCARVED || p->nblocks == 0) return CP_FREE;
    if (p->used == 0) return p->freed_this_step ? CP_X : CP_FREE;
    if (p->used >= p->nblocks) return CP_FULL;
    unsigned e = p->used * 8u / p->nblocks;   /* ▁ U+2581 .. ▇ U+2587 */
    return 0x2580u + (e < 1 ? 1 : e > 7 ? 7 : e);
}

Style memmap_pool_style(const AllocPoolInfo *p)
{
    if (p->freed_this_step) return STYLE_GHOST | CF_BOLD;
    if (p->state == ALLOC_POOL_UNCARVED || p->used == 0) return STYLE_FREE;
    return STYLE_LIVE;
}

/* Unicode only: canvas_ascii gives the ASCII stand-ins (· '.', ▁..▇ '1'..'7',
 * █ '#', × 'x', ▒ ':', ░ '.', ▲▼ '^' 'v'), so --ascii, the ASCII fallback and
 * recordings all show the same marks. */

/* ------------------------------------------------------------- geometry */

static int digits(uint32_t v)
{
    int d = 1;
    while (v >= 10) { v /= 10; d++; }
    return d;
}

/* "#12–30 ": room for a folded range of the largest arena number. */
static int label_width(uint32_t narenas)
{
    int d = digits(narenas ? narenas - 1 : 0);
    return 2 * d + 3;
}

int memmap_cells_per_row(int width, uint32_t narenas)
{
    int avail = width - label_width(narenas) - INFO_MIN;
    if (avail >= (int)NPOOLS) return NPOOLS;
    if (avail < 4) avail = 4;
    int rows = ((int)NPOOLS + avail - 1) / avail;
    return ((int)NPOOLS + rows - 1) / rows;
}

static int rows_per_arena(int cpr) { return ((int)NPOOLS + cpr - 1) / cpr; }

uint32_t memmap_cursor_arena(const Alloc *a, uint32_t arena)
{
    uint32_t n = alloc_arena_count(a);
    AllocArenaInfo ai;
    if (n == 0) return UINT32_MAX;
    if (arena >= n) arena = n - 1;
    for (uint32_t i = arena; i < n; i++)
        if (alloc_arena_info(a, i, &ai) && ai.live) return i;
    for (uint32_t i = arena; i-- > 0;)
        if (alloc_arena_info(a, i, &ai) && ai.live) return i;
    return UINT32_MAX;
}

/* ------------------------------------------------------------ arena rows */

typedef struct {
    bool live, released_now;
    unsigned pools_used;
    uint64_t blocks_used, freed_now;
    uint32_t glyph[NPOOLS];
    Style style[NPOOLS];
} ArenaRow;

static void arena_row(const Alloc *a, uint32_t i, ArenaRow *r)
{
    memset(r, 0, sizeof *r);
    AllocArenaInfo ai;
    if (!alloc_arena_info(a, i, &ai)) return;
    r->live = ai.live;
    r->released_now = ai.released_this_step;
    if (!ai.live) return;
    r->pools_used = ai.pools_used;
    for (unsigned p = 0; p < NPOOLS; p++) {
        AllocPoolInfo pi;
        if (!alloc_pool_info(a, i, p, &pi)) {
            memset(&pi, 0, sizeof pi);
            pi.state = ALLOC_POOL_UNCARVED;
        }
        r->glyph[p] = memmap_pool_glyph(&pi);
        r->style[p] = memmap_pool_style(&pi);
        r->blocks_used += pi.used;
        r->freed_now += pi.freed_this_step;
    }
}

static bool rows_alike(const ArenaRow *x, const ArenaRow *y)
{
    if (x->live != y->live) return false;
    if (!x->live) return x->released_now == y->released_now;
    return memcmp(x->glyph, y->glyph, sizeof x->glyph) == 0 &&
           memcmp(x->style, y->style, sizeof x->style) == 0;
}

/* A displayed entry: arenas first..last (one, or a folded run of alike). */
typedef struct {
    uint32_t first, last;
    int rows;
} Entry;

static int entry_rows(const ArenaRow *rows, uint32_t first, int rpa)
{
    return rows[first].live ? rpa : 1;
}

/* ------------------------------------------------------------- drawing */

static void put_fit(Canvas *c, int x, int y, int x_end, const char *s, Style st)
{
    if (x < x_end) canvas_put_utf8_fit(c, x, y, s, x_end - x, st);
}

static void draw_bar(Canvas *c, Rect r, const Alloc *a, int *y)
{
    AllocStats st;
    alloc_stats(a, &st);
    uint64_t inuse = st.block_bytes, held = st.held_bytes;
    uint64_t gone = st.arenas_released * (uint64_t)ALLOC_ARENA_SIZE;
    uint64_t total = held + gone;
    if (inuse > held) inuse = held;
    int w = r.w;
    if (*y < r.h) {
        if (total == 0) {
            for (int x = 0; x < w; x++) canvas_put_cp(c, r.x + x, r.y + *y, CP_FREE, STYLE_DIM);
        } else {
            int n_in = (int)((inuse * (uint64_t)w + total / 2) / total);
            int n_held = (int)((held * (uint64_t)w + total / 2) / total);
            if (inuse > 0 && n_in == 0) n_in = 1;
            if (held > inuse && n_held <= n_in) n_held = n_in + 1;
            if (gone > 0 && n_held >= w) n_held = w - 1;
            if (n_held > w) n_held = w;
            if (n_in > n_held) n_in = n_held;
            for (int x = 0; x < w; x++) {
                uint32_t cp = x < n_in ? CP_FULL : x < n_held ? CP_HELD : CP_GONE;
                Style s = x < n_in ? STYLE_LIVE : x < n_held ? STYLE_FREE : STYLE_DIM;
                canvas_put_cp(c, r.x + x, r.y + *y, cp, s);
            }
        }
        (*y)++;
    }
    char b1[32], b2[32], b3[32], line[200];
    if (*y < r.h) {
        int x = r.x, xe = r.x + r.w;
        x += canvas_put_cp(c, x, r.y + *y, CP_FULL, STYLE_LIVE);
        snprintf(line, sizeof line, " in use %s  ", fmt_bytes(b1, inuse));
        x += canvas_put_utf8_fit(c, x, r.y + *y, line, xe - x, STYLE_NORMAL);
        if (x < xe) x += canvas_put_cp(c, x, r.y + *y, CP_HELD, STYLE_FREE);
        snprintf(line, sizeof line, " held by Python %s (%u arena%s)", fmt_bytes(b2, held), st.arenas,
                 st.arenas == 1 ? "" : "s");
        put_fit(c, x, r.y + *y, xe, line, STYLE_NORMAL);
        (*y)++;
    }
    if (*y < r.h) {
        int x = r.x, xe = r.x + r.w;
        x += canvas_put_cp(c, x, r.y + *y, CP_GONE, STYLE_DIM);
        snprintf(line, sizeof line, " returned to the OS %s (%llu arena%s)", fmt_bytes(b1, gone),
                 (unsigned long long)st.arenas_released, st.arenas_released == 1 ? "" : "s");
        x += canvas_put_utf8_fit(c, x, r.y + *y, line, xe - x, STYLE_NORMAL);
        snprintf(line, sizeof line, "  malloc %s", fmt_bytes(b3, st.raw_bytes));
        if (x + canvas_text_width(line) <= xe) canvas_put_utf8(c, x, r.y + *y, line, STYLE_DIM);
        (*y)++;
    }
}

static void draw_label(Canvas *c, int x, int y, int lw, uint32_t first, uint32_t last, Style st)
{
    char buf[48];
    if (first == last) snprintf(buf, sizeof buf, "#%u", first);
    else snprintf(buf, sizeof buf, "#%u–%u", first, last);
    canvas_put_utf8_fit(c, x, y, buf, lw - 1, st);
}

/* Arenas first..last, all alike (rows[first] describes them). */
static void draw_entry(Canvas *c, Rect r, int y, int maxrows, const ArenaRow *rows, const Entry *e, int lw,
                       int cpr, const MemmapView *v, uint32_t cur, MemmapHits *hits)
{
    const ArenaRow *ar = &rows[e->first];
    int xe = r.x + r.w;
    uint32_t n = e->last - e->first + 1;
    char b1[48], b2[32], info[96];
    bool cursor_here = v->focused && e->first == cur && e->last == cur;
    draw_label(c, r.x, r.y + y, lw, e->first, e->last, cursor_here ? (STYLE_SELECTED | CF_BOLD) : STYLE_NAME);
    if (!ar->live) {
        if (ar->released_now)
            snprintf(info, sizeof info, "× returned to the OS this step");
        else
            snprintf(info, sizeof info, "returned to the OS");
        if (n > 1) {
            size_t l = strlen(info);
            snprintf(info + l, sizeof info - l, " (%u arenas)", n);
        }
        put_fit(c, r.x + lw, r.y + y, xe, info, ar->released_now ? (STYLE_GHOST | CF_BOLD) : STYLE_DIM);
        return;
    }
    int rpa = rows_per_arena(cpr);
    if (hits && hits->n < MEMMAP_MAX_HITS)
        hits->e[hits->n++] = (MemmapHit){r.x + lw, r.y + y, rpa < maxrows ? rpa : maxrows, cpr, e->first};
    for (int row = 0; row < rpa && row < maxrows; row++) {
        for (int k = 0; k < cpr; k++) {
            unsigned p = (unsigned)(row * cpr + k);
            if (p >= NPOOLS) break;
            Style st = ar->style[p];
            if (cursor_here && p == v->pool) st = STYLE_SELECTED | CF_REVERSE;
            canvas_put_cp(c, r.x + lw + k, r.y + y + row, ar->glyph[p], st);
        }
    }
    int ix = r.x + lw + cpr + 1;
    uint64_t freed = 0;
    for (uint32_t i = e->first; i <= e->last; i++) freed += rows[i].freed_now;
    /* pools in use (of each arena, in a folded run: they are alike) */
    snprintf(b1, sizeof b1, "%u/%u pools%s", ar->pools_used, (unsigned)NPOOLS, n > 1 ? " each" : "");
    if (ix + canvas_text_width(b1) > xe) b1[strcspn(b1, " ")] = '\0';   /* "62/63" */
    info[0] = '\0';
    if (freed) snprintf(info, sizeof info, "×%s", fmt_thousands(b2, (int64_t)freed));
    int w = 0;
    if (ix < xe) w = canvas_put_utf8_fit(c, ix, r.y + y, b1, xe - ix, STYLE_NUMBER);
    if (!info[0]) return;
    if (rpa >= 2 && maxrows >= 2) {
        if (ix + canvas_text_width(info) <= xe) canvas_put_utf8(c, ix, r.y + y + 1, info, STYLE_GHOST | CF_BOLD);
    } else if (ix + w + 1 + canvas_text_width(info) <= xe) {
        canvas_put_utf8(c, ix + w + 1, r.y + y, info, STYLE_GHOST | CF_BOLD);
    }
}

/* "▲ #0–9: 10 more arenas, 400 pools in use" for the entries [from, to). */
static void draw_more(Canvas *c, Rect r, int y, const ArenaRow *rows, const Entry *ent, int from, int to, bool up)
{
    if (from >= to) return;
    uint32_t first = ent[from].first, last = ent[to - 1].last;
    uint64_t pools = 0, freed = 0;
    uint32_t live = 0;
    for (uint32_t i = first; i <= last; i++)
        if (rows[i].live) {
            live++;
            pools += rows[i].pools_used;
            freed += rows[i].freed_now;
        }
    char buf[160], b1[32], b2[32];
    int n = snprintf(buf, sizeof buf, "%s #%u–%u: %u more arena%s, %s pools in use", up ? "▲" : "▼",
                     first, last, last - first + 1, last == first ? "" : "s", fmt_thousands(b1, (int64_t)pools));
    if (live < last - first + 1 && n > 0 && (size_t)n < sizeof buf)
        n += snprintf(buf + n, sizeof buf - (size_t)n, ", %u returned", last - first + 1 - live);
    if (freed && n > 0 && (size_t)n < sizeof buf)
        snprintf(buf + n, sizeof buf - (size_t)n, ", %s%s freed", "×", fmt_thousands(b2, (int64_t)freed));
    canvas_put_utf8_fit(c, r.x, r.y + y, buf, r.w, STYLE_DIM);
}

static void draw_arenas(Canvas *c, Rect r, int y0, int y1, const Alloc *a, const MemmapView *v, MemmapHits *hits)
{
    uint32_t n = alloc_arena_count(a);
    int avail = y1 - y0;
    if (avail <= 0) return;
    if (n == 0) {
        canvas_put_utf8_fit(c, r.x, r.y + y0, "no arena yet: nothing has been allocated", r.w, STYLE_DIM);
        return;
    }
    ArenaRow *rows = xcalloc(n, sizeof *rows);
    for (uint32_t i = 0; i < n; i++) arena_row(a, i, &rows[i]);
    int lw = label_width(n);
    int cpr = memmap_cells_per_row(r.w, n);
    int rpa = rows_per_arena(cpr);
    uint32_t cur = memmap_cursor_arena(a, v->arena);
    Entry *ent = xcalloc(n, sizeof *ent);
    int ne = 0, total = 0;
    for (uint32_t i = 0; i < n; i++) {
        ent[ne] = (Entry){i, i, entry_rows(rows, i, rpa)};
        total += ent[ne++].rows;
    }
    if (total > avail) {
        /* fold runs of alike arenas into one entry (not the cursor's when
         * the pane has the focus: the cursor stays on a row of its own) */
        uint32_t keep = v->focused ? cur : UINT32_MAX;
        int m = 0;
        total = 0;
        for (uint32_t i = 0; i < n;) {
            uint32_t j = i;
            if (i != keep)
                while (j + 1 < n && j + 1 != keep && rows_alike(&rows[i], &rows[j + 1])) j++;
            ent[m] = (Entry){i, j, entry_rows(rows, i, rpa)};
            total += ent[m++].rows;
            i = j + 1;
        }
        ne = m;
    }
    int s = 0, e = ne;
    if (total > avail) {
        /* a window of entries around the cursor; the rest fold into ▲/▼ rows */
        int ci = 0;
        for (int k = 0; k < ne; k++)
            if (ent[k].first <= cur && cur <= ent[k].last && cur != UINT32_MAX) ci = k;
        int used = 0;
        e = 0;
        while (e < ne && used + ent[e].rows + (e + 1 < ne) <= avail) used += ent[e++].rows;
        if (ci >= e) {
            /* the cursor is below: end the window at it, grow it upward */
            s = e = ci + 1;
            used = 0;
            while (s > 0 && used + ent[s - 1].rows + (s - 1 > 0) + (e < ne) <= avail) used += ent[--s].rows;
            while (e < ne && used + ent[e].rows + (s > 0) + (e + 1 < ne) <= avail) used += ent[e++].rows;
            if (s == e) { s = ci; e = ci + 1; }
        }
    }
    int y = y0;
    if (s > 0) draw_more(c, r, y++, rows, ent, 0, s, true);
    for (int k = s; k < e && y < y1; k++) {
        int room = y1 - y - (e < ne ? 1 : 0);
        if (room <= 0) room = y1 - y;
        draw_entry(c, r, y, room, rows, &ent[k], lw, cpr, v, cur, hits);
        y += ent[k].rows < room ? ent[k].rows : room;
    }
    if (e < ne && y < y1) draw_more(c, r, y, rows, ent, e, ne, false);
    free(ent);
    free(rows);
}

void memmap_describe_pool(const Alloc *a, uint32_t arena, unsigned pool, char *buf, size_t n)
{
    AllocPoolInfo pi;
    char b1[32], b2[32], b3[32];
    if (!alloc_pool_info(a, arena, pool, &pi)) {
        snprintf(buf, n, "arena #%u is not mapped", arena);
    } else if (pi.state == ALLOC_POOL_UNCARVED) {
        snprintf(buf, n, "pool %u.%u: never used since its arena was mapped", arena, pool);
    } else {
        int k = snprintf(buf, n, "pool %u.%u: %u-byte blocks, %s of %s used", arena, pool, pi.block_size,
                         fmt_thousands(b1, pi.used), fmt_thousands(b2, pi.nblocks));
        if (pi.freed_this_step && k > 0 && (size_t)k < n)
            snprintf(buf + k, n - (size_t)k, ", ×%s freed now", fmt_thousands(b3, pi.freed_this_step));
    }
}

/* The blocks of one pool. */
static void draw_pool(Canvas *c, Rect r, int y0, int y1, const Alloc *a, uint32_t arena, const MemmapView *v)
{
    unsigned pool = v->pool < NPOOLS ? v->pool : NPOOLS - 1;
    char buf[200];
    int y = y0;
    AllocPoolInfo pi;
    if (arena == UINT32_MAX || !alloc_pool_info(a, arena, pool, &pi)) {
        if (y < y1) canvas_put_utf8_fit(c, r.x, r.y + y, "no arena is mapped", r.w, STYLE_DIM);
        return;
    }
    snprintf(buf, sizeof buf, "arena #%u · pool %u", arena, pool);
    if (pi.state != ALLOC_POOL_UNCARVED) {
        size_t l = strlen(buf);
        snprintf(buf + l, sizeof buf - l, " · %u-byte blocks (for %u–%u B)", pi.block_size,
                 pi.block_size - 15, pi.block_size);
    }
    if (y < y1) canvas_put_utf8_fit(c, r.x, r.y + y++, buf, r.w, STYLE_TITLE | CF_BOLD);
    if (pi.state == ALLOC_POOL_UNCARVED) {
        if (y < y1)
            canvas_put_utf8_fit(c, r.x, r.y + y, "never used since the arena was mapped: no blocks yet", r.w, STYLE_DIM);
        return;
    }
    char b1[32], b2[32], b3[32];
    int k = snprintf(buf, sizeof buf, "blocks: %s of %s used", fmt_thousands(b1, pi.used), fmt_thousands(b2, pi.nblocks));
    if (pi.freed_this_step && k > 0)
        snprintf(buf + k, sizeof buf - (size_t)k, " · %s%s freed this step", "×",
                 fmt_thousands(b3, pi.freed_this_step));
    if (y < y1) canvas_put_utf8_fit(c, r.x, r.y + y++, buf, r.w, STYLE_NORMAL);
    uint8_t st[ALLOC_MAX_BLOCKS];
    unsigned nb = alloc_pool_blocks(a, arena, pool, st, ALLOC_MAX_BLOCKS);
    if (nb == 0) return;
    int lab = 5;                       /* "1020 " */
    int cols = r.w - lab;
    if (cols > 64) cols = 64;
    if (cols >= 16) cols -= cols % 8;
    if (cols < 1) return;
    int rows_avail = y1 - y;
    if (rows_avail <= 0) return;
    unsigned per = 1;                  /* blocks per cell */
    while ((((nb + per - 1) / per) + (unsigned)cols - 1) / (unsigned)cols > (unsigned)rows_avail && per < nb) per *= 2;
    unsigned ncells = (nb + per - 1) / per;
    for (unsigned cell = 0; cell < ncells; cell++) {
        int row = (int)(cell / (unsigned)cols), col = (int)(cell % (unsigned)cols);
        if (y + row >= y1) break;
        if (col == 0) {
            snprintf(buf, sizeof buf, "%4u", cell * per);
            canvas_put_utf8(c, r.x, r.y + y + row, buf, STYLE_LINENO);
        }
        unsigned b0 = cell * per, b1e = b0 + per < nb ? b0 + per : nb;
        unsigned used = 0, freed = 0, untouched = 0;
        for (unsigned b = b0; b < b1e; b++) {
            used += st[b] == ALLOC_BLOCK_USED;
            freed += st[b] == ALLOC_BLOCK_FREED_NOW;
            untouched += st[b] == ALLOC_BLOCK_UNTOUCHED;
        }
        unsigned cnt = b1e - b0;
        uint32_t cp;
        Style s;
        if (freed) { cp = CP_X; s = STYLE_GHOST | CF_BOLD; }
        else if (used == cnt) { cp = CP_FULL; s = STYLE_LIVE; }
        else if (untouched == cnt) { cp = ' '; s = STYLE_DIM; }
        else if (used == 0) { cp = CP_FREE; s = STYLE_FREE; }
        else { cp = CP_HELD; s = STYLE_LIVE; }
        canvas_put_cp(c, r.x + lab + col, r.y + y + row, cp, s);
    }
    (void)v;
}

static void draw_legend(Canvas *c, Rect r, int y, const Alloc *a, uint32_t cur, const MemmapView *v)
{
    char buf[200];
    const char *s;
    Style st = STYLE_DIM;
    if (v->zoom)
        s = "█ used  · free  × freed this step  blank: never used  Enter: arenas";
    else if (v->focused && cur != UINT32_MAX) {
        memmap_describe_pool(a, cur, v->pool, buf, sizeof buf);
        size_t l = strlen(buf);
        if (canvas_text_width(buf) + 16 <= r.w) snprintf(buf + l, sizeof buf - l, " · Enter: blocks");
        s = buf;
        st = STYLE_SELECTED;
    } else
        s = "pool: · free  ▁▄▇ part used  █ full  × emptied this step";
    canvas_put_utf8_fit(c, r.x, r.y + y, s, r.w, st);
}

void memmap_draw(Canvas *c, Rect r, const Alloc *a, const MemmapView *v) { memmap_draw_hits(c, r, a, v, NULL); }

bool memmap_hit(const MemmapHits *hits, int x, int y, uint32_t *arena, unsigned *pool)
{
    for (int i = 0; hits && i < hits->n; i++) {
        int dx = x - hits->e[i].x, dy = y - hits->e[i].y;
        if (dx < 0 || dx >= hits->e[i].cells || dy < 0 || dy >= hits->e[i].rows) continue;
        unsigned p = (unsigned)(dy * hits->e[i].cells + dx);
        if (p >= NPOOLS) return false;
        *arena = hits->e[i].arena;
        *pool = p;
        return true;
    }
    return false;
}

void memmap_draw_hits(Canvas *c, Rect r, const Alloc *a, const MemmapView *v, MemmapHits *hits)
{
    if (hits) hits->n = 0;
    if (r.w <= 0 || r.h <= 0 || !a) return;
    int cx0 = c->clip_x0, cy0 = c->clip_y0, cx1 = c->clip_x1, cy1 = c->clip_y1;
    canvas_set_clip(c, r.x, r.y, r.w, r.h);
    int y = 0;
    draw_bar(c, r, a, &y);
    bool legend = r.h - y >= 4;
    int y1 = r.h - (legend ? 1 : 0);
    uint32_t cur = memmap_cursor_arena(a, v->arena);
    if (v->zoom) {
        draw_pool(c, r, y, y1, a, cur, v);
    } else {
        if (r.h - y >= 6 && y < y1) {
            canvas_put_utf8_fit(c, r.x, r.y + y++, "arenas of 1 MiB, one cell per 16 KiB pool:", r.w, STYLE_DIM);
        }
        draw_arenas(c, r, y, y1, a, v, hits);
    }
    if (legend) draw_legend(c, r, r.h - 1, a, cur, v);
    c->clip_x0 = cx0;
    c->clip_y0 = cy0;
    c->clip_x1 = cx1;
    c->clip_y1 = cy1;
}

/* ---------------------------------------------------------------- moves */

static uint32_t next_live(const Alloc *a, uint32_t from, int dir)
{
    uint32_t n = alloc_arena_count(a);
    AllocArenaInfo ai;
    for (int64_t i = (int64_t)from + dir; i >= 0 && i < (int64_t)n; i += dir)
        if (alloc_arena_info(a, (uint32_t)i, &ai) && ai.live) return (uint32_t)i;
    return UINT32_MAX;
}

void memmap_move(const Alloc *a, MemmapView *v, int width, int dx, int dy)
{
    uint32_t cur = memmap_cursor_arena(a, v->arena);
    if (cur == UINT32_MAX) return;
    v->arena = cur;
    if (v->pool >= NPOOLS) v->pool = NPOOLS - 1;
    int cpr = memmap_cells_per_row(width, alloc_arena_count(a));
    if (v->zoom) cpr = NPOOLS;  /* zoomed: up/down go to the next arena */
    if (dx) {
        int p = (int)v->pool + dx;
        if (p < 0) {
            uint32_t pr = next_live(a, cur, -1);
            if (pr != UINT32_MAX) { v->arena = pr; v->pool = NPOOLS - 1; }
        } else if (p >= (int)NPOOLS) {
            uint32_t nx = next_live(a, cur, 1);
            if (nx != UINT32_MAX) { v->arena = nx; v->pool = 0; }
        } else {
            v->pool = (unsigned)p;
        }
    }
    if (dy) {
        int p = (int)v->pool + dy * cpr;
        if (p >= 0 && p < (int)NPOOLS) {
            v->pool = (unsigned)p;
        } else {
            uint32_t to = next_live(a, cur, dy);
            if (to == UINT32_MAX) return;
            v->arena = to;
            int col = (int)v->pool % cpr;
            if (dy > 0) v->pool = (unsigned)col;
            else {
                int last_row = (rows_per_arena(cpr) - 1) * cpr;
                int q = last_row + col;
                v->pool = (unsigned)(q < (int)NPOOLS ? q : (int)NPOOLS - 1);
            }
        }
    }
}
