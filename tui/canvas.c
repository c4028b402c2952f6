/* The canvas: a grid of cells (code point + semantic style), the drawing
 * primitives the views use, and the three ways out of it (plain text, a full
 * ANSI frame, an ANSI diff). Nothing here knows about lessons or the heap. */
#include "canvas.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- style tables ------------------------------------------------------ */

#define B CF_BOLD
#define R CF_REVERSE
#define D CF_DIM
#define U CF_UNDERLINE

/* Colours avoid yellow and white (unreadable on light backgrounds) and
 * blue on its own (dark on dark backgrounds); emphasis that must survive a
 * projector uses bold or reverse, never colour alone. */
static const StyleSpec scheme_normal[STYLE_COUNT] = {
    [STYLE_NORMAL]      = {-1, -1, 0},
    [STYLE_FRAME]       = {-1, -1, 0},
    [STYLE_TITLE]       = {-1, -1, B},
    [STYLE_CURLINE]     = {-1, -1, R | B},
    [STYLE_NEW]         = {2, -1, B},
    [STYLE_INC]         = {2, -1, 0},
    [STYLE_DEC]         = {1, -1, 0},
    [STYLE_GHOST]       = {-1, -1, D},
    [STYLE_BADGE]       = {5, -1, B},
    [STYLE_ARROW]       = {6, -1, 0},
    [STYLE_NAME]        = {-1, -1, B},
    [STYLE_STATUS]      = {-1, -1, R},
    [STYLE_KEY]         = {-1, -1, R | B},
    [STYLE_DIM]         = {-1, -1, D},
    [STYLE_ERROR]       = {1, -1, B},
    [STYLE_OK]          = {2, -1, B},
    [STYLE_SELECTED]    = {-1, -1, R},
    [STYLE_LIVE]        = {2, -1, 0},
    [STYLE_UNREACHABLE] = {5, -1, B},
    [STYLE_FREE]        = {-1, -1, D},
    [STYLE_LINENO]      = {-1, -1, D},
    [STYLE_KEYWORD]     = {5, -1, B},
    [STYLE_STRING]      = {2, -1, 0},
    [STYLE_NUMBER]      = {6, -1, 0},
    [STYLE_COMMENT]     = {-1, -1, D},
    [STYLE_EMPH]        = {-1, -1, B},
    [STYLE_PROMPT]      = {6, -1, B},
    [STYLE_GC]          = {5, -1, 0},
};

/* High contrast: bright colours, bold for everything that carries meaning,
 * no dim (it vanishes on projectors): ghosts and free blocks are red/plain. */
static const StyleSpec scheme_contrast[STYLE_COUNT] = {
    [STYLE_NORMAL]      = {-1, -1, 0},
    [STYLE_FRAME]       = {-1, -1, B},
    [STYLE_TITLE]       = {-1, -1, B | U},
    [STYLE_CURLINE]     = {-1, -1, R | B},
    [STYLE_NEW]         = {10, -1, B},
    [STYLE_INC]         = {10, -1, B},
    [STYLE_DEC]         = {9, -1, B},
    [STYLE_GHOST]       = {9, -1, 0},
    [STYLE_BADGE]       = {13, -1, B},
    [STYLE_ARROW]       = {14, -1, B},
    [STYLE_NAME]        = {-1, -1, B},
    [STYLE_STATUS]      = {-1, -1, R | B},
    [STYLE_KEY]         = {-1, -1, R | B | U},
    [STYLE_DIM]         = {-1, -1, 0},
    [STYLE_ERROR]       = {9, -1, B | R},
    [STYLE_OK]          = {10, -1, B},
    [STYLE_SELECTED]    = {-1, -1, R | B},
    [STYLE_LIVE]        = {10, -1, B},
    [STYLE_UNREACHABLE] = {13, -1, B | R},
    [STYLE_FREE]        = {-1, -1, 0},
    [STYLE_LINENO]      = {-1, -1, 0},
    [STYLE_KEYWORD]     = {13, -1, B},
    [STYLE_STRING]      = {10, -1, B},
    [STYLE_NUMBER]      = {14, -1, B},
    [STYLE_COMMENT]     = {-1, -1, 0},
    [STYLE_EMPH]        = {-1, -1, B | U},
    [STYLE_PROMPT]      = {14, -1, B},
    [STYLE_GC]          = {13, -1, B},
};

/* NO_COLOR: bold, reverse and dim only. */
static const StyleSpec scheme_mono[STYLE_COUNT] = {
    [STYLE_NORMAL]      = {-1, -1, 0},
    [STYLE_FRAME]       = {-1, -1, 0},
    [STYLE_TITLE]       = {-1, -1, B},
    [STYLE_CURLINE]     = {-1, -1, R},
    [STYLE_NEW]         = {-1, -1, B},
    [STYLE_INC]         = {-1, -1, B},
    [STYLE_DEC]         = {-1, -1, B},
    [STYLE_GHOST]       = {-1, -1, D},
    [STYLE_BADGE]       = {-1, -1, B},
    [STYLE_ARROW]       = {-1, -1, 0},
    [STYLE_NAME]        = {-1, -1, B},
    [STYLE_STATUS]      = {-1, -1, R},
    [STYLE_KEY]         = {-1, -1, R | B},
    [STYLE_DIM]         = {-1, -1, D},
    [STYLE_ERROR]       = {-1, -1, B | R},
    [STYLE_OK]          = {-1, -1, B},
    [STYLE_SELECTED]    = {-1, -1, R},
    [STYLE_LIVE]        = {-1, -1, 0},
    [STYLE_UNREACHABLE] = {-1, -1, B | R},
    [STYLE_FREE]        = {-1, -1, D},
    [STYLE_LINENO]      = {-1, -1, D},
    [STYLE_KEYWORD]     = {-1, -1, B},
    [STYLE_STRING]      = {-1, -1, 0},
    [STYLE_NUMBER]      = {-1, -1, 0},
    [STYLE_COMMENT]     = {-1, -1, D},
    [STYLE_EMPH]        = {-1, -1, B},
    [STYLE_PROMPT]      = {-1, -1, B},
    [STYLE_GC]          = {-1, -1, 0},
};

#undef B
#undef R
#undef D
#undef U

static const StyleSpec *const schemes[SCHEME_COUNT] = {
    [SCHEME_NORMAL] = scheme_normal,
    [SCHEME_CONTRAST] = scheme_contrast,
    [SCHEME_MONO] = scheme_mono,
};

static const char *const style_names[STYLE_COUNT] = {
#define CANVAS_STYLE_NAME(name, doc) [STYLE_##name] = #name,
    CANVAS_STYLES(CANVAS_STYLE_NAME)
#undef CANVAS_STYLE_NAME
};

const StyleSpec *canvas_style_spec(Scheme scheme, StyleId id)
{
    if ((unsigned)scheme >= SCHEME_COUNT)
        scheme = SCHEME_NORMAL;
    if ((unsigned)id >= STYLE_COUNT)
        id = STYLE_NORMAL;
    return &schemes[scheme][id];
}

StyleSpec canvas_style_resolve(Scheme scheme, Style style)
{
    StyleSpec s = *canvas_style_spec(scheme, STYLE_ID(style));
    s.attrs |= style & CF_MASK;
    if (scheme == SCHEME_MONO) {
        s.fg = s.bg = -1;
        s.attrs &= CF_BOLD | CF_REVERSE | CF_DIM;
    }
    return s;
}

const char *canvas_style_name(StyleId id)
{
    return (unsigned)id < STYLE_COUNT ? style_names[id] : "?";
}

/* ---- code points and widths -------------------------------------------- */

typedef struct { uint32_t lo, hi; } Range;

/* wcwidth() == 2 in glibc 2.36 (C.UTF-8), Unicode 15. */
static const Range wide_ranges[] = {
    {0x01100, 0x0115F}, {0x0231A, 0x0231B}, {0x02329, 0x0232A},
    {0x023E9, 0x023EC}, {0x023F0, 0x023F0}, {0x023F3, 0x023F3},
    {0x025FD, 0x025FE}, {0x02614, 0x02615}, {0x02648, 0x02653},
    {0x0267F, 0x0267F}, {0x02693, 0x02693}, {0x026A1, 0x026A1},
    {0x026AA, 0x026AB}, {0x026BD, 0x026BE}, {0x026C4, 0x026C5},
    {0x026CE, 0x026CE}, {0x026D4, 0x026D4}, {0x026EA, 0x026EA},
    {0x026F2, 0x026F3}, {0x026F5, 0x026F5}, {0x026FA, 0x026FA},
    {0x026FD, 0x026FD}, {0x02705, 0x02705}, {0x0270A, 0x0270B},
    {0x02728, 0x02728}, {0x0274C, 0x0274C}, {0x0274E, 0x0274E},
    {0x02753, 0x02755}, {0x02757, 0x02757}, {0x02795, 0x02797},
    {0x027B0, 0x027B0}, {0x027BF, 0x027BF}, {0x02B1B, 0x02B1C},
    {0x02B50, 0x02B50}, {0x02B55, 0x02B55}, {0x02E80, 0x02E99},
    {0x02E9B, 0x02EF3}, {0x02F00, 0x02FD5}, {0x02FF0, 0x02FFB},
    {0x03000, 0x03029}, {0x0302E, 0x0303E}, {0x03041, 0x03096},
    {0x0309B, 0x030FF}, {0x03105, 0x0312F}, {0x03131, 0x0318E},
    {0x03190, 0x031E3}, {0x031F0, 0x0321E}, {0x03220, 0x0A48C},
    {0x0A490, 0x0A4C6}, {0x0A960, 0x0A97C}, {0x0AC00, 0x0D7A3},
    {0x0F900, 0x0FA6D}, {0x0FA70, 0x0FAD9}, {0x0FE10, 0x0FE19},
    {0x0FE30, 0x0FE52}, {0x0FE54, 0x0FE66}, {0x0FE68, 0x0FE6B},
    {0x0FF01, 0x0FF60}, {0x0FFE0, 0x0FFE6}, {0x16FE0, 0x16FE3},
    {0x16FF0, 0x16FF1}, {0x17000, 0x187F7}, {0x18800, 0x18CD5},
    {0x18D00, 0x18D08}, {0x1AFF0, 0x1AFF3}, {0x1AFF5, 0x1AFFB},
    {0x1AFFD, 0x1AFFE}, {0x1B000, 0x1B122}, {0x1B150, 0x1B152},
    {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB}, {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248},
    {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F320},
    {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393},
    {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0},
    {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440},
    {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
    {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
    {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5},
    {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7},
    {0x1F6DD, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
    {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A},
    {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FA74},
    {0x1FA78, 0x1FA7C}, {0x1FA80, 0x1FA86}, {0x1FA90, 0x1FAAC},
    {0x1FAB0, 0x1FABA}, {0x1FAC0, 0x1FAC5}, {0x1FAD0, 0x1FAD9},
    {0x1FAE0, 0x1FAE7}, {0x1FAF0, 0x1FAF6}, {0x20000, 0x2A6DF},
    {0x2A700, 0x2B738}, {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1},
    {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A},
};

/* Combining marks and zero-width characters commonly met in text; they are
 * dropped (a cell holds one code point). */
static const Range zero_ranges[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
    {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0000, 0xE0FFF},
};

static bool in_ranges(uint32_t cp, const Range *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/* What a code point is drawn as: controls become U+FFFD, TAB a space. */
static uint32_t drawable(uint32_t cp)
{
    if (cp == '\t')
        return ' ';
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp >= 0x110000 ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0xfffd;
    return cp;
}

void canvas_sanitize(const char *s, size_t n, StrBuf *out)
{
    while (n > 0) {
        uint32_t cp;
        size_t k = canvas_utf8_decode(s, n, &cp);
        if (cp == '\n' || cp == '\t') sb_putc(out, (char)cp);
        else if (k == 1 && (unsigned char)*s < 0x80 && drawable(cp) == cp) sb_putc(out, *s);
        else canvas_utf8_put(out, drawable(cp));
        s += k;
        n -= k;
    }
}

int canvas_cp_width(uint32_t cp)
{
    cp = drawable(cp);
    if (cp < 0x300)
        return 1;
    if (in_ranges(cp, zero_ranges, sizeof zero_ranges / sizeof zero_ranges[0]))
        return 0;
    if (in_ranges(cp, wide_ranges, sizeof wide_ranges / sizeof wide_ranges[0]))
        return 2;
    return 1;
}

size_t canvas_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char b = u[0];
    size_t n;
    uint32_t v, min;
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xc2 && b <= 0xdf) {
        n = 2; v = b & 0x1f; min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
        n = 3; v = b & 0x0f; min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
        n = 4; v = b & 0x07; min = 0x10000;
    } else {
        goto bad;
    }
    if (len < n)
        goto bad;
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xc0) != 0x80)
            goto bad;
        v = (v << 6) | (u[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        goto bad;
    *cp = v;
    return n;
bad:
    *cp = 0xfffd;
    return 1;
}

void canvas_utf8_put(StrBuf *out, uint32_t cp)
{
    char b[4];
    if (cp >= 0x110000 || (cp >= 0xd800 && cp <= 0xdfff))
        cp = 0xfffd;
    if (cp < 0x80) {
        sb_putc(out, (char)cp);
    } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3f));
        sb_put(out, b, 2);
    } else if (cp < 0x10000) {
        b[0] = (char)(0xe0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        sb_put(out, b, 3);
    } else {
        b[0] = (char)(0xf0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[3] = (char)(0x80 | (cp & 0x3f));
        sb_put(out, b, 4);
    }
}

int canvas_text_width(const char *s)
{
    size_t len = strlen(s);
    int w = 0;
    while (len > 0) {
        uint32_t cp;
        size_t n = canvas_utf8_decode(s, len, &cp);
        w += canvas_cp_width(cp);
        s += n;
        len -= n;
    }
    return w;
}

/* ---- the grid ----------------------------------------------------------- */

static const Cell blank_cell = {' ', STYLE_NORMAL, 0};

Canvas *canvas_new(int w, int h)
{
    Canvas *c = xcalloc(1, sizeof *c);
    canvas_resize(c, w, h);
    return c;
}

void canvas_free(Canvas *c)
{
    if (!c)
        return;
    free(c->cells);
    free(c);
}

Canvas *canvas_copy(const Canvas *c)
{
    Canvas *d = xmalloc(sizeof *d);
    *d = *c;
    size_t n = (size_t)c->w * (size_t)c->h;
    d->cells = xmalloc((n ? n : 1) * sizeof(Cell));
    if (n)
        memcpy(d->cells, c->cells, n * sizeof(Cell));
    return d;
}

static bool cell_same(const Cell *a, const Cell *b)
{
    return a->cp == b->cp && a->style == b->style;
}

bool canvas_equal(const Canvas *a, const Canvas *b)
{
    if (a->w != b->w || a->h != b->h)
        return false;
    size_t n = (size_t)a->w * (size_t)a->h;
    for (size_t i = 0; i < n; i++)
        if (!cell_same(&a->cells[i], &b->cells[i]))
            return false;
    return true;
}

void canvas_reset_clip(Canvas *c)
{
    c->clip_x0 = c->clip_y0 = 0;
    c->clip_x1 = c->w;
    c->clip_y1 = c->h;
}

void canvas_clear(Canvas *c)
{
    size_t n = (size_t)c->w * (size_t)c->h;
    for (size_t i = 0; i < n; i++)
        c->cells[i] = blank_cell;
    canvas_reset_clip(c);
}

void canvas_resize(Canvas *c, int w, int h)
{
    if (w < 0)
        w = 0;
    if (h < 0)
        h = 0;
    size_t n = (size_t)w * (size_t)h;
    free(c->cells);
    c->cells = xmalloc((n ? n : 1) * sizeof(Cell));
    c->w = w;
    c->h = h;
    canvas_clear(c);
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void canvas_set_clip(Canvas *c, int x, int y, int w, int h)
{
    /* 64-bit sums: x + w must not overflow for huge w. */
    long long x1 = (long long)x + (w > 0 ? w : 0);
    long long y1 = (long long)y + (h > 0 ? h : 0);
    c->clip_x0 = clampi(x, 0, c->w);
    c->clip_y0 = clampi(y, 0, c->h);
    c->clip_x1 = (int)(x1 > c->w ? c->w : x1 < c->clip_x0 ? c->clip_x0 : x1);
    c->clip_y1 = (int)(y1 > c->h ? c->h : y1 < c->clip_y0 ? c->clip_y0 : y1);
}

static bool in_clip(const Canvas *c, int x, int y)
{
    return x >= c->clip_x0 && x < c->clip_x1 && y >= c->clip_y0 && y < c->clip_y1;
}

static Cell *at(Canvas *c, int x, int y)
{
    return &c->cells[(size_t)y * (size_t)c->w + (size_t)x];
}

const Cell *canvas_cell(const Canvas *c, int x, int y)
{
    if (x < 0 || y < 0 || x >= c->w || y >= c->h)
        return NULL;
    return &c->cells[(size_t)y * (size_t)c->w + (size_t)x];
}

/* Store a cell, keeping the wide-char invariant: a lead is always followed by
 * its CANVAS_CONT and a CANVAS_CONT always follows a lead. Overwriting either
 * half of a wide char blanks the other half. (x,y) must be on the grid. */
static void set_cell(Canvas *c, int x, int y, uint32_t cp, Style style, uint8_t lines)
{
    Cell *p = at(c, x, y);
    if (p->cp == CANVAS_CONT && x > 0)
        at(c, x - 1, y)->cp = ' ';
    if (x + 1 < c->w && at(c, x + 1, y)->cp == CANVAS_CONT && p->cp != CANVAS_CONT)
        *at(c, x + 1, y) = (Cell){' ', at(c, x + 1, y)->style, 0};
    p->cp = cp;
    p->style = style;
    p->lines = lines;
}

int canvas_put_cp(Canvas *c, int x, int y, uint32_t cp, Style style)
{
    cp = drawable(cp);
    int w = canvas_cp_width(cp);
    if (w == 1) {
        if (in_clip(c, x, y))
            set_cell(c, x, y, cp, style, 0);
    } else if (w == 2) {
        bool l = in_clip(c, x, y), r = in_clip(c, x + 1, y);
        if (l && r) {
            set_cell(c, x, y, cp, style, 0);
            /* x+1 may start another wide char: blank its right half. */
            if (x + 2 < c->w && at(c, x + 2, y)->cp == CANVAS_CONT)
                at(c, x + 2, y)->cp = ' ';
            *at(c, x + 1, y) = (Cell){CANVAS_CONT, style, 0};
        } else if (l) {
            set_cell(c, x, y, ' ', style, 0);   /* half a char: a blank */
        } else if (r) {
            set_cell(c, x + 1, y, ' ', style, 0);
        }
    }
    return w;
}

int canvas_put_utf8(Canvas *c, int x, int y, const char *s, Style style)
{
    size_t len = strlen(s);
    int x0 = x;
    while (len > 0) {
        uint32_t cp;
        size_t n = canvas_utf8_decode(s, len, &cp);
        /* Stop early once past the clip: only the width is still needed. */
        if (x >= c->clip_x1 || y < c->clip_y0 || y >= c->clip_y1)
            x += canvas_cp_width(cp);
        else
            x += canvas_put_cp(c, x, y, cp, style);
        s += n;
        len -= n;
    }
    return x - x0;
}

int canvas_put_utf8_fit(Canvas *c, int x, int y, const char *s, int maxw, Style style)
{
    if (maxw <= 0)
        return 0;
    if (canvas_text_width(s) <= maxw)
        return canvas_put_utf8(c, x, y, s, style);
    size_t len = strlen(s);
    int used = 0;
    while (len > 0) {
        uint32_t cp;
        size_t n = canvas_utf8_decode(s, len, &cp);
        int w = canvas_cp_width(cp);
        if (used + w > maxw - 1)
            break;
        used += canvas_put_cp(c, x + used, y, cp, style);
        s += n;
        len -= n;
    }
    used += canvas_put_cp(c, x + used, y, 0x2026, style);
    return used;
}

int canvas_printf(Canvas *c, int x, int y, Style style, const char *fmt, ...)
{
    StrBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&b, fmt, ap);
    va_end(ap);
    int w = canvas_put_utf8(c, x, y, b.s ? b.s : "", style);
    sb_free(&b);
    return w;
}

void canvas_fill(Canvas *c, int x, int y, int w, int h, uint32_t cp, Style style)
{
    int cw = canvas_cp_width(cp);
    if (cw == 0)
        return;
    int x0 = x > c->clip_x0 ? x : c->clip_x0;
    int y0 = y > c->clip_y0 ? y : c->clip_y0;
    long long x1 = (long long)x + w, y1 = (long long)y + h;
    if (x1 > c->clip_x1)
        x1 = c->clip_x1;
    if (y1 > c->clip_y1)
        y1 = c->clip_y1;
    for (int yy = y0; yy < y1; yy++)
        for (int xx = x0; xx < x1; xx += cw)
            canvas_put_cp(c, xx, yy, cp, style);
}

void canvas_restyle(Canvas *c, int x, int y, int w, int h, Style style)
{
    int x0 = x > c->clip_x0 ? x : c->clip_x0;
    int y0 = y > c->clip_y0 ? y : c->clip_y0;
    long long x1 = (long long)x + w, y1 = (long long)y + h;
    if (x1 > c->clip_x1)
        x1 = c->clip_x1;
    if (y1 > c->clip_y1)
        y1 = c->clip_y1;
    for (int yy = y0; yy < y1; yy++)
        for (int xx = x0; xx < x1; xx++)
            at(c, xx, yy)->style = style;
}

/* ---- lines -------------------------------------------------------------- */

#define N_ LINE_N
#define E_ LINE_E
#define S_ LINE_S
#define W_ LINE_W

/* The light box-drawing character for each set of arms. */
static const uint32_t arms_cp[16] = {
    [0] = ' ',
    [N_] = 0x2502, [S_] = 0x2502, [N_ | S_] = 0x2502,
    [E_] = 0x2500, [W_] = 0x2500, [E_ | W_] = 0x2500,
    [E_ | S_] = 0x250c, [W_ | S_] = 0x2510, [N_ | E_] = 0x2514, [N_ | W_] = 0x2518,
    [N_ | S_ | E_] = 0x251c, [N_ | S_ | W_] = 0x2524,
    [E_ | W_ | S_] = 0x252c, [E_ | W_ | N_] = 0x2534,
    [N_ | E_ | S_ | W_] = 0x253c,
};

/* The arms of a box-drawing character (light, heavy, double, rounded), 0 for
 * anything else. */
static unsigned cp_arms(uint32_t cp)
{
    switch (cp) {
    case 0x2500: case 0x2501: case 0x2550: case 0x2504: case 0x2505:
    case 0x2508: case 0x2509: case 0x254c: case 0x254d:
        return E_ | W_;
    case 0x2502: case 0x2503: case 0x2551: case 0x2506: case 0x2507:
    case 0x250a: case 0x250b: case 0x254e: case 0x254f:
        return N_ | S_;
    case 0x250c: case 0x2554: case 0x256d: return E_ | S_;
    case 0x2510: case 0x2557: case 0x256e: return W_ | S_;
    case 0x2514: case 0x255a: case 0x2570: return N_ | E_;
    case 0x2518: case 0x255d: case 0x256f: return N_ | W_;
    case 0x251c: case 0x2560: return N_ | S_ | E_;
    case 0x2524: case 0x2563: return N_ | S_ | W_;
    case 0x252c: case 0x2566: return E_ | W_ | S_;
    case 0x2534: case 0x2569: return E_ | W_ | N_;
    case 0x253c: case 0x256c: return N_ | E_ | S_ | W_;
    case 0x2574: return W_;
    case 0x2575: return N_;
    case 0x2576: return E_;
    case 0x2577: return S_;
    default: return 0;
    }
}

/* Add arms to the cell at (x,y) if it is inside the clip. */
static void add_arms(Canvas *c, int x, int y, unsigned arms, Style style)
{
    if (!in_clip(c, x, y))
        return;
    Cell *p = at(c, x, y);
    unsigned have = p->lines ? p->lines : cp_arms(p->cp);
    unsigned m = (have | arms) & 15u;
    set_cell(c, x, y, arms_cp[m], style, (uint8_t)m);
}

void canvas_hline(Canvas *c, int x, int y, int len, Style style)
{
    if (len <= 0)
        return;
    if (len == 1) {
        add_arms(c, x, y, E_ | W_, style);
        return;
    }
    for (int i = 0; i < len; i++) {
        if (x + i < c->clip_x0)
            continue;
        if (x + i >= c->clip_x1)
            break;
        add_arms(c, x + i, y, (i > 0 ? W_ : 0u) | (i < len - 1 ? E_ : 0u), style);
    }
}

void canvas_vline(Canvas *c, int x, int y, int len, Style style)
{
    if (len <= 0)
        return;
    if (len == 1) {
        add_arms(c, x, y, N_ | S_, style);
        return;
    }
    for (int i = 0; i < len; i++) {
        if (y + i < c->clip_y0)
            continue;
        if (y + i >= c->clip_y1)
            break;
        add_arms(c, x, y + i, (i > 0 ? N_ : 0u) | (i < len - 1 ? S_ : 0u), style);
    }
}

void canvas_line(Canvas *c, int x0, int y0, int x1, int y1, Style style)
{
    if (y0 == y1)
        canvas_hline(c, x0 < x1 ? x0 : x1, y0, (x0 < x1 ? x1 - x0 : x0 - x1) + 1, style);
    else if (x0 == x1)
        canvas_vline(c, x0, y0 < y1 ? y0 : y1, (y0 < y1 ? y1 - y0 : y0 - y1) + 1, style);
}

uint32_t canvas_arrow_cp(CanvasDir dir)
{
    switch (dir) {
    case DIR_UP: return 0x25b2;     /* ▲ */
    case DIR_RIGHT: return 0x25b6;  /* ▶ */
    case DIR_DOWN: return 0x25bc;   /* ▼ */
    case DIR_LEFT: return 0x25c0;   /* ◀ */
    default: return 0x25cf;         /* ● */
    }
}

void canvas_arrow_head(Canvas *c, int x, int y, CanvasDir dir, Style style)
{
    canvas_put_cp(c, x, y, canvas_arrow_cp(dir), style);
}

void canvas_polyline(Canvas *c, const CanvasPoint *pts, size_t n, Style style, bool head)
{
    CanvasDir dir = DIR_NONE;
    for (size_t i = 1; i < n; i++) {
        const CanvasPoint *a = &pts[i - 1], *b = &pts[i];
        if (a->x == b->x && a->y == b->y)
            continue;
        canvas_line(c, a->x, a->y, b->x, b->y, style);
        dir = b->y == a->y ? (b->x > a->x ? DIR_RIGHT : DIR_LEFT)
                           : (b->y > a->y ? DIR_DOWN : DIR_UP);
    }
    if (head && n > 0 && dir != DIR_NONE)
        canvas_arrow_head(c, pts[n - 1].x, pts[n - 1].y, dir, style);
}

void canvas_box(Canvas *c, int x, int y, int w, int h, Style style, const char *title)
{
    if (w < 2 || h < 2)
        return;
    canvas_hline(c, x, y, w, style);
    canvas_hline(c, x, y + h - 1, w, style);
    canvas_vline(c, x, y, h, style);
    canvas_vline(c, x + w - 1, y, h, style);
    if (title && *title && w >= 6) {
        Style ts = STYLE_ID(style) == STYLE_FRAME ? (Style)(STYLE_TITLE | (style & CF_MASK))
                                                  : style;
        canvas_put_cp(c, x + 1, y, ' ', style);
        int tw = canvas_put_utf8_fit(c, x + 2, y, title, w - 5, ts);
        canvas_put_cp(c, x + 2 + tw, y, ' ', style);
    }
}

#undef N_
#undef E_
#undef S_
#undef W_

/* ---- ASCII -------------------------------------------------------------- */

char canvas_ascii(uint32_t cp)
{
    if (cp < 0x80)
        return cp < 0x20 || cp == 0x7f ? '?' : (char)cp;
    if (cp >= 0x2500 && cp <= 0x257f) {
        unsigned a = cp_arms(cp);
        if (cp == 0x2550)
            return '=';
        if (a && !(a & (LINE_N | LINE_S)))
            return '-';
        if (a && !(a & (LINE_E | LINE_W)))
            return '|';
        return '+';
    }
    switch (cp) {
    case 0x25b6: case 0x25b8: case 0x25ba: case 0x2192: case 0x21d2: case 0x276f:
    case 0x00bb: case 0x203a:
        return '>';
    case 0x25c0: case 0x25c2: case 0x25c4: case 0x2190: case 0x21d0: case 0x276e:
    case 0x00ab: case 0x2039:
        return '<';
    case 0x25b2: case 0x25b4: case 0x2191:
        return '^';
    case 0x25bc: case 0x25be: case 0x2193:
        return 'v';
    case 0x2194: case 0x2195: case 0x21c4: case 0x21c6:   /* ↔ ↕ ⇄ ⇆ */
        return '-';
    case 0x2016:   /* ‖ (paused) */
        return '|';
    case 0x21bb: case 0x21ba:   /* ↻ ↺ */
        return '@';
    case 0x2022: case 0x25cf: case 0x25c6: case 0x25a0: case 0x2605: case 0x2217:
    case 0x25aa:
        return '*';
    case 0x00b7: case 0x22c5: case 0x2219:
        return '.';
    case 0x2026: case 0x2248: case 0x223c:
        return '~';
    case 0x2212: case 0x2013: case 0x2014: case 0x2010: case 0x2011: case 0x2015:
        return '-';
    case 0x00d7: case 0x2717: case 0x2718:
        return 'x';
    case 0x2713: case 0x2714:
        return 'v';
    case 0x25cb: case 0x25ef: case 0x25e6: case 0x25a1: case 0x25ab:
        return 'o';
    case 0x2018: case 0x2019: case 0x201a: case 0x2032:
        return '\'';
    case 0x201c: case 0x201d: case 0x201e: case 0x2033:
        return '"';
    case 0x2264:
        return '<';
    case 0x2265:
        return '>';
    case 0x2260:
        return '#';
    case 0x00a0: case 0x2002: case 0x2003: case 0x2009: case 0x3000:
        return ' ';
    case 0x2591:
        return '.';
    case 0x2592:
        return ':';
    case 0x00b1:
        return '+';
    default:
        break;
    }
    if (cp >= 0x2581 && cp <= 0x2587)   /* ▁..▇: fill levels in eighths */
        return (char)('0' + (cp - 0x2580));
    if (cp >= 0x2580 && cp <= 0x259f)
        return '#';
    return '?';
}

/* ---- output ------------------------------------------------------------- */

static void put_cell_text(StrBuf *out, const Cell *p, bool ascii)
{
    if (p->cp == CANVAS_CONT) {
        if (ascii)
            sb_putc(out, '?');
    } else if (ascii) {
        sb_putc(out, canvas_ascii(p->cp));
    } else {
        canvas_utf8_put(out, p->cp);
    }
}

void canvas_to_text(const Canvas *c, bool ascii, StrBuf *out)
{
    for (int y = 0; y < c->h; y++) {
        const Cell *row = &c->cells[(size_t)y * (size_t)c->w];
        int end = c->w;
        while (end > 0 && row[end - 1].cp == ' ')
            end--;
        for (int x = 0; x < end; x++)
            put_cell_text(out, &row[x], ascii);
        sb_putc(out, '\n');
    }
}

/* The SGR state the terminal is in, as far as our output goes. */
static const StyleSpec sgr_default = {-1, -1, 0};

static bool spec_eq(const StyleSpec *a, const StyleSpec *b)
{
    return a->fg == b->fg && a->bg == b->bg && a->attrs == b->attrs;
}

static int sgr_colour(int c, int base, int bright_base, int dflt)
{
    if (c < 0)
        return dflt;
    if (c < 8)
        return base + c;
    return bright_base + (c < 16 ? c - 8 : 7);
}

/* Move the terminal from *have to want with a short SGR: only additions when
 * nothing needs turning off, else a reset and a rebuild. */
static void sgr_to(StrBuf *out, StyleSpec *have, const StyleSpec *want)
{
    static const struct { unsigned flag; int code; } attr_codes[] = {
        {CF_BOLD, 1}, {CF_DIM, 2}, {CF_UNDERLINE, 4}, {CF_REVERSE, 7},
    };
    int codes[8];
    size_t n = 0;
    if (spec_eq(have, want))
        return;
    StyleSpec from = *have;
    if (have->attrs & ~want->attrs) {
        from = sgr_default;
        codes[n++] = 0;
    }
    for (size_t i = 0; i < sizeof attr_codes / sizeof attr_codes[0]; i++)
        if ((want->attrs & attr_codes[i].flag) && !(from.attrs & attr_codes[i].flag))
            codes[n++] = attr_codes[i].code;
    if (want->fg != from.fg)
        codes[n++] = sgr_colour(want->fg, 30, 90, 39);
    if (want->bg != from.bg)
        codes[n++] = sgr_colour(want->bg, 40, 100, 49);
    sb_puts(out, "\x1b[");
    for (size_t i = 0; i < n; i++)
        sb_printf(out, i ? ";%d" : "%d", codes[i]);
    sb_putc(out, 'm');
    *have = *want;
}

/* A blank that shows nothing: trailing ones need not be written. */
static bool invisible(const Cell *p, Scheme scheme)
{
    if (p->cp != ' ')
        return false;
    StyleSpec s = canvas_style_resolve(scheme, p->style);
    return s.bg < 0 && !(s.attrs & (CF_REVERSE | CF_UNDERLINE));
}

static int visible_end(const Cell *row, int w, Scheme scheme)
{
    while (w > 0 && invisible(&row[w - 1], scheme))
        w--;
    return w;
}

static void put_run(StrBuf *out, const Cell *row, int x0, int x1, bool ascii, Scheme scheme,
                    StyleSpec *state)
{
    for (int x = x0; x < x1; x++) {
        StyleSpec s = canvas_style_resolve(scheme, row[x].style);
        sgr_to(out, state, &s);
        put_cell_text(out, &row[x], ascii);
    }
}

void canvas_to_ansi_text(const Canvas *c, bool ascii, Scheme scheme, StrBuf *out)
{
    for (int y = 0; y < c->h; y++) {
        const Cell *row = &c->cells[(size_t)y * (size_t)c->w];
        StyleSpec state = sgr_default;
        put_run(out, row, 0, visible_end(row, c->w, scheme), ascii, scheme, &state);
        sgr_to(out, &state, &sgr_default);
        sb_putc(out, '\n');
    }
}

void canvas_to_ansi(const Canvas *c, bool ascii, Scheme scheme, StrBuf *out)
{
    StyleSpec state = sgr_default;
    sb_puts(out, "\x1b[0m\x1b[H\x1b[2J");
    for (int y = 0; y < c->h; y++) {
        const Cell *row = &c->cells[(size_t)y * (size_t)c->w];
        int end = visible_end(row, c->w, scheme);
        if (end == 0)
            continue;
        if (y > 0)
            sb_printf(out, "\x1b[%d;1H", y + 1);
        put_run(out, row, 0, end, ascii, scheme, &state);
    }
    sgr_to(out, &state, &sgr_default);
}

void canvas_diff_ansi(const Canvas *prev, const Canvas *cur, bool ascii, Scheme scheme,
                      StrBuf *out)
{
    if (!prev || prev->w != cur->w || prev->h != cur->h) {
        canvas_to_ansi(cur, ascii, scheme, out);
        return;
    }
    StyleSpec state = sgr_default;
    for (int y = 0; y < cur->h; y++) {
        const Cell *a = &prev->cells[(size_t)y * (size_t)cur->w];
        const Cell *b = &cur->cells[(size_t)y * (size_t)cur->w];
        int x = 0;
        while (x < cur->w) {
            if (cell_same(&a[x], &b[x])) {
                x++;
                continue;
            }
            int start = x;
            while (x < cur->w && !cell_same(&a[x], &b[x]))
                x++;
            /* Never split a wide char: start on its lead, end after its
             * right half. */
            if (b[start].cp == CANVAS_CONT && start > 0)
                start--;
            if (x < cur->w && b[x].cp == CANVAS_CONT)
                x++;
            sb_printf(out, "\x1b[%d;%dH", y + 1, start + 1);
            put_run(out, b, start, x, ascii, scheme, &state);
        }
    }
    sgr_to(out, &state, &sgr_default);
}
