/* Unit tests for tui/canvas: drawing, clipping, line junctions, widths,
 * ASCII mode, and the text/ANSI outputs (replayed through a tiny VT). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "canvas.h"

/* The canvas as text (UTF-8 or ASCII), for comparisons. */
static char *text_of(const Canvas *c, bool ascii)
{
    StrBuf b = {0};
    canvas_to_text(c, ascii, &b);
    return sb_take(&b);
}

static void assert_text(const Canvas *c, bool ascii, const char *want)
{
    char *got = text_of(c, ascii);
    assert_string_equal(got, want);
    free(got);
}

static uint32_t cp_at(const Canvas *c, int x, int y)
{
    const Cell *p = canvas_cell(c, x, y);
    assert_non_null(p);
    return p->cp;
}

/* ---- a tiny VT: enough of CUP, ED, SGR and UTF-8 text to replay output --- */

typedef struct {
    int w, h, x, y;
    uint32_t *cp;
    StyleSpec *st;
    StyleSpec cur;
} Vt;

static Vt *vt_new(int w, int h)
{
    Vt *v = calloc(1, sizeof *v);
    v->w = w;
    v->h = h;
    v->cp = calloc((size_t)(w * h), sizeof *v->cp);
    v->st = calloc((size_t)(w * h), sizeof *v->st);
    v->cur = (StyleSpec){-1, -1, 0};
    for (int i = 0; i < w * h; i++) {
        v->cp[i] = '#';   /* garbage: a full frame must clear it */
        v->st[i] = v->cur;
    }
    return v;
}

static void vt_free(Vt *v)
{
    free(v->cp);
    free(v->st);
    free(v);
}

static void vt_sgr(Vt *v, const int *p, int n)
{
    if (n == 0) {
        v->cur = (StyleSpec){-1, -1, 0};
        return;
    }
    for (int i = 0; i < n; i++) {
        int k = p[i];
        if (k == 0)
            v->cur = (StyleSpec){-1, -1, 0};
        else if (k == 1)
            v->cur.attrs |= CF_BOLD;
        else if (k == 2)
            v->cur.attrs |= CF_DIM;
        else if (k == 4)
            v->cur.attrs |= CF_UNDERLINE;
        else if (k == 7)
            v->cur.attrs |= CF_REVERSE;
        else if (k >= 30 && k <= 37)
            v->cur.fg = k - 30;
        else if (k == 39)
            v->cur.fg = -1;
        else if (k >= 90 && k <= 97)
            v->cur.fg = k - 90 + 8;
        else if (k >= 40 && k <= 47)
            v->cur.bg = k - 40;
        else if (k == 49)
            v->cur.bg = -1;
        else if (k >= 100 && k <= 107)
            v->cur.bg = k - 100 + 8;
        else
            fail_msg("unexpected SGR %d", k);
    }
}

static void vt_write(Vt *v, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] == '\x1b') {
            assert_true(i + 1 < len && s[i + 1] == '[');
            i += 2;
            bool priv = false;
            if (i < len && s[i] == '?') {
                priv = true;
                i++;
            }
            int p[16], n = 0;
            while (i < len) {
                if (s[i] >= '0' && s[i] <= '9') {
                    if (n == 0)
                        p[n++] = 0;
                    p[n - 1] = p[n - 1] * 10 + (s[i] - '0');
                    i++;
                } else if (s[i] == ';') {
                    if (n == 0)
                        p[n++] = 0;
                    assert_true(n < 16);
                    p[n++] = 0;
                    i++;
                } else {
                    break;
                }
            }
            assert_true(i < len);
            char f = s[i++];
            if (priv) {
                assert_true(f == 'h' || f == 'l');
            } else if (f == 'H') {
                v->y = n >= 1 && p[0] ? p[0] - 1 : 0;
                v->x = n >= 2 && p[1] ? p[1] - 1 : 0;
            } else if (f == 'J') {
                assert_int_equal(p[0], 2);
                for (int k = 0; k < v->w * v->h; k++) {
                    v->cp[k] = ' ';
                    v->st[k] = v->cur;
                }
            } else if (f == 'm') {
                vt_sgr(v, p, n);
            } else {
                fail_msg("unexpected CSI final %c", f);
            }
            continue;
        }
        assert_true((unsigned char)s[i] >= 0x20);
        uint32_t cp;
        i += canvas_utf8_decode(s + i, len - i, &cp);
        int cw = canvas_cp_width(cp);
        assert_true(v->x + cw <= v->w && v->y < v->h);
        v->cp[v->y * v->w + v->x] = cp;
        v->st[v->y * v->w + v->x] = v->cur;
        if (cw == 2) {
            v->cp[v->y * v->w + v->x + 1] = CANVAS_CONT;
            v->st[v->y * v->w + v->x + 1] = v->cur;
        }
        v->x += cw;
    }
}

/* The VT screen shows exactly the canvas: characters and resolved looks
 * (the look of a blank only matters when it shows: reverse/underline/bg). */
static void assert_vt_shows(const Vt *v, const Canvas *c, Scheme scheme)
{
    for (int y = 0; y < c->h; y++)
        for (int x = 0; x < c->w; x++) {
            const Cell *p = canvas_cell(c, x, y);
            StyleSpec want = canvas_style_resolve(scheme, p->style);
            StyleSpec got = v->st[y * v->w + x];
            if (v->cp[y * v->w + x] != p->cp)
                fail_msg("cell %d,%d: vt U+%04X canvas U+%04X", x, y,
                         (unsigned)v->cp[y * v->w + x], (unsigned)p->cp);
            bool blank = p->cp == ' ' && !(want.attrs & (CF_REVERSE | CF_UNDERLINE));
            if (!blank && (got.fg != want.fg || got.bg != want.bg || got.attrs != want.attrs))
                fail_msg("cell %d,%d: style differs", x, y);
        }
}

/* ---- tests -------------------------------------------------------------- */

static void test_put_and_clip(void **state)
{
    (void)state;
    Canvas *c = canvas_new(10, 3);
    assert_int_equal(canvas_put_utf8(c, 0, 0, "hello", STYLE_NORMAL), 5);
    /* clipped by the right edge: the width is still returned */
    assert_int_equal(canvas_put_utf8(c, 7, 1, "abcdef", STYLE_NORMAL), 6);
    /* starting left of the canvas */
    assert_int_equal(canvas_put_utf8(c, -2, 2, "xyz", STYLE_NORMAL), 3);
    /* off the canvas entirely */
    assert_int_equal(canvas_put_utf8(c, 0, 5, "gone", STYLE_NORMAL), 4);
    assert_text(c, false, "hello\n       abc\nz\n");

    canvas_clear(c);
    canvas_set_clip(c, 2, 0, 3, 2);
    canvas_put_utf8(c, 0, 0, "0123456789", STYLE_NAME);
    canvas_put_utf8(c, 0, 2, "outside", STYLE_NAME);
    canvas_fill(c, 0, 1, 10, 5, '*', STYLE_NORMAL);
    assert_text(c, false, "  234\n  ***\n\n");
    assert_int_equal(canvas_cell(c, 2, 0)->style, STYLE_NAME);
    canvas_reset_clip(c);
    canvas_put_utf8(c, 0, 2, "in", STYLE_NORMAL);
    assert_text(c, false, "  234\n  ***\nin\n");
    assert_null(canvas_cell(c, 10, 0));
    assert_null(canvas_cell(c, -1, 0));

    /* a clip larger than the canvas is cut to it */
    canvas_set_clip(c, -5, -5, 100, 100);
    assert_int_equal(c->clip_x0, 0);
    assert_int_equal(c->clip_x1, 10);
    assert_int_equal(c->clip_y1, 3);
    canvas_free(c);
    canvas_free(NULL);
}

static void test_printf_fit_restyle(void **state)
{
    (void)state;
    Canvas *c = canvas_new(12, 3);
    assert_int_equal(canvas_printf(c, 0, 0, STYLE_NUMBER, "refs %d", 12), 7);
    assert_int_equal(canvas_put_utf8_fit(c, 0, 1, "hello world", 5, STYLE_NORMAL), 5);
    assert_int_equal(canvas_put_utf8_fit(c, 0, 2, "hi", 5, STYLE_NORMAL), 2);
    assert_text(c, false, "refs 12\nhell…\nhi\n");
    canvas_restyle(c, 0, 1, 12, 1, STYLE_CURLINE);
    assert_int_equal(canvas_cell(c, 11, 1)->style, STYLE_CURLINE);
    assert_int_equal(cp_at(c, 0, 1), 'h');
    assert_int_equal(canvas_cell(c, 0, 0)->style, STYLE_NUMBER);
    canvas_free(c);
}

static void test_box_title(void **state)
{
    (void)state;
    Canvas *c = canvas_new(14, 4);
    canvas_box(c, 0, 0, 12, 3, STYLE_FRAME, "source");
    assert_text(c, false,
                "┌ source ──┐\n"
                "│          │\n"
                "└──────────┘\n"
                "\n");
    assert_int_equal(STYLE_ID(canvas_cell(c, 2, 0)->style), STYLE_TITLE);
    assert_int_equal(STYLE_ID(canvas_cell(c, 0, 0)->style), STYLE_FRAME);
    /* a title too long is cut with an ellipsis, the corners stay */
    canvas_clear(c);
    canvas_box(c, 0, 0, 10, 2, STYLE_FRAME, "narration");
    assert_text(c, false, "┌ narr… ─┐\n└────────┘\n\n\n");
    /* no title */
    canvas_clear(c);
    canvas_box(c, 1, 1, 3, 3, STYLE_FRAME, NULL);
    assert_text(c, false, "\n ┌─┐\n │ │\n └─┘\n");
    canvas_free(c);
}

static void test_line_junctions(void **state)
{
    (void)state;
    Canvas *c = canvas_new(9, 5);

    /* a vertical line across a horizontal one */
    canvas_hline(c, 0, 2, 9, STYLE_ARROW);
    canvas_vline(c, 4, 0, 5, STYLE_ARROW);
    assert_int_equal(cp_at(c, 4, 2), 0x253c);   /* ┼ */
    /* a vertical line ending on the horizontal: ┴ from above, ┬ from below */
    canvas_vline(c, 1, 0, 3, STYLE_ARROW);
    canvas_vline(c, 7, 2, 3, STYLE_ARROW);
    assert_text(c, false,
                " │  │\n"
                " │  │\n"
                "─┴──┼──┬─\n"
                "    │  │\n"
                "    │  │\n");
    /* the order of drawing does not matter */
    Canvas *d = canvas_new(9, 5);
    canvas_vline(d, 7, 2, 3, STYLE_ARROW);
    canvas_vline(d, 1, 0, 3, STYLE_ARROW);
    canvas_vline(d, 4, 0, 5, STYLE_ARROW);
    canvas_hline(d, 0, 2, 9, STYLE_ARROW);
    assert_true(canvas_equal(c, d));
    canvas_free(d);

    /* lines leaving and entering box sides */
    canvas_clear(c);
    canvas_box(c, 0, 0, 3, 5, STYLE_FRAME, NULL);
    canvas_box(c, 6, 0, 3, 5, STYLE_FRAME, NULL);
    canvas_line(c, 2, 1, 6, 1, STYLE_ARROW);          /* side to side */
    canvas_line(c, 4, 4, 4, 3, STYLE_ARROW);          /* a short segment ending between the boxes */
    CanvasPoint path[] = {{2, 3}, {4, 3}, {4, 2}, {5, 2}};
    canvas_polyline(c, path, 4, STYLE_ARROW, true);
    assert_text(c, false,
                "┌─┐   ┌─┐\n"
                "│ ├───┤ │\n"
                "│ │ ┌▶│ │\n"
                "│ ├─┤ │ │\n"
                "└─┘ │ └─┘\n");
    assert_int_equal(cp_at(c, 5, 2), 0x25b6);
    /* a polyline corner: right then down */
    canvas_clear(c);
    CanvasPoint corner[] = {{0, 0}, {3, 0}, {3, 3}};
    canvas_polyline(c, corner, 3, STYLE_ARROW, true);
    assert_text(c, false, "───┐\n   │\n   │\n   ▼\n\n");
    /* text put over a line replaces it; box characters put as text join */
    canvas_clear(c);
    canvas_put_utf8(c, 0, 0, "│", STYLE_FRAME);
    canvas_hline(c, 0, 0, 3, STYLE_FRAME);
    assert_int_equal(cp_at(c, 0, 0), 0x251c);   /* ├ */
    canvas_put_utf8(c, 1, 0, "x", STYLE_NORMAL);
    canvas_vline(c, 1, 0, 2, STYLE_FRAME);
    assert_int_equal(cp_at(c, 1, 0), 0x2502);   /* │, the x is gone, not joined */
    /* arrow heads in every direction */
    for (CanvasDir dir = DIR_UP; dir <= DIR_LEFT; dir++)
        canvas_arrow_head(c, (int)dir, 4, dir, STYLE_ARROW);
    assert_int_equal(cp_at(c, 1, 4), 0x25b2);
    assert_int_equal(cp_at(c, 2, 4), 0x25b6);
    assert_int_equal(cp_at(c, 3, 4), 0x25bc);
    assert_int_equal(cp_at(c, 4, 4), 0x25c0);
    canvas_free(c);
}

static void test_ascii(void **state)
{
    (void)state;
    Canvas *c = canvas_new(12, 4);
    canvas_box(c, 0, 0, 10, 3, STYLE_FRAME, "heap");
    canvas_put_utf8(c, 1, 1, "●─▶◀▲▼•·", STYLE_NORMAL);
    /* a line over text replaces it (the 'a' of the title, the ◀) */
    canvas_vline(c, 4, 0, 4, STYLE_ARROW);
    assert_text(c, true,
                "+ he|p --+\n"
                "|*->|^v*.|\n"
                "+---+----+\n"
                "    |\n");
    assert_int_equal(canvas_ascii(0x2502), '|');
    assert_int_equal(canvas_ascii(0x2500), '-');
    assert_int_equal(canvas_ascii(0x253c), '+');
    assert_int_equal(canvas_ascii(0x2518), '+');
    assert_int_equal(canvas_ascii(0x2026), '~');
    assert_int_equal(canvas_ascii(0x2212), '-');
    assert_int_equal(canvas_ascii(0x00d7), 'x');
    assert_int_equal(canvas_ascii(0x2588), '#');
    assert_int_equal(canvas_ascii(0x2192), '>');
    assert_int_equal(canvas_ascii('a'), 'a');
    assert_int_equal(canvas_ascii(0x4e2d), '?');
    /* every character of the ASCII output is printable ASCII */
    char *t = text_of(c, true);
    for (const char *p = t; *p; p++)
        assert_true(*p == '\n' || (*p >= 0x20 && *p < 0x7f));
    free(t);
    canvas_free(c);
}

static void test_wide_chars(void **state)
{
    (void)state;
    assert_int_equal(canvas_cp_width('a'), 1);
    assert_int_equal(canvas_cp_width(0x4e2d), 2);    /* 中 */
    assert_int_equal(canvas_cp_width(0x1f600), 2);   /* 😀 */
    assert_int_equal(canvas_cp_width(0x2500), 1);
    assert_int_equal(canvas_cp_width(0x0301), 0);    /* combining acute */
    assert_int_equal(canvas_text_width("a中b"), 4);

    Canvas *c = canvas_new(6, 2);
    assert_int_equal(canvas_put_utf8(c, 0, 0, "a中b", STYLE_NORMAL), 4);
    assert_int_equal(cp_at(c, 1, 0), 0x4e2d);
    assert_int_equal(cp_at(c, 2, 0), CANVAS_CONT);
    assert_int_equal(cp_at(c, 3, 0), 'b');
    assert_text(c, false, "a中b\n\n");
    assert_text(c, true, "a??b\n\n");
    /* writing over the right half blanks the left half */
    canvas_put_cp(c, 2, 0, 'x', STYLE_NORMAL);
    assert_text(c, false, "a xb\n\n");
    /* a wide char over the left half of another: no orphan halves */
    canvas_put_utf8(c, 0, 1, "中文", STYLE_NORMAL);
    canvas_put_utf8(c, 1, 1, "字", STYLE_NORMAL);
    assert_text(c, false, "a xb\n 字\n");
    /* a wide char cut by the right edge: a blank in the visible half */
    canvas_clear(c);
    canvas_put_utf8(c, 4, 0, "x中", STYLE_NORMAL);
    assert_int_equal(cp_at(c, 5, 0), ' ');
    assert_int_equal(cp_at(c, 4, 0), 'x');
    /* combining marks are dropped, controls become U+FFFD, tab a space */
    canvas_clear(c);
    assert_int_equal(canvas_put_utf8(c, 0, 0, "e\xcc\x81\t\x01", STYLE_NORMAL), 3);
    assert_int_equal(cp_at(c, 0, 0), 'e');
    assert_int_equal(cp_at(c, 1, 0), ' ');
    assert_int_equal(cp_at(c, 2, 0), 0xfffd);
    canvas_free(c);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    Canvas *c = canvas_new(12, 1);
    /* a stray byte, an overlong '/', a truncated sequence, a surrogate */
    int w = canvas_put_utf8(c, 0, 0, "a\xff" "b\xc0\xaf" "c\xe4\xb8" "d\xed\xa0\x80", STYLE_NORMAL);
    assert_int_equal(w, 12);
    const uint32_t want[] = {'a', 0xfffd, 'b', 0xfffd, 0xfffd, 'c', 0xfffd, 0xfffd, 'd',
                             0xfffd, 0xfffd, 0xfffd};
    for (int i = 0; i < 12; i++)
        assert_int_equal(cp_at(c, i, 0), want[i]);
    uint32_t cp;
    assert_int_equal(canvas_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1f600);
    assert_int_equal(canvas_utf8_decode("\xf0\x9f\x98\x80", 3, &cp), 1);
    assert_int_equal(cp, 0xfffd);
    assert_int_equal(canvas_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 1);   /* > U+10FFFF */
    canvas_free(c);
}

static void test_to_text_trim(void **state)
{
    (void)state;
    Canvas *c = canvas_new(8, 3);
    canvas_put_utf8(c, 0, 0, "ab  ", STYLE_NORMAL);
    canvas_put_utf8(c, 2, 1, " x ", STYLE_SELECTED);
    assert_text(c, false, "ab\n   x\n\n");
    canvas_resize(c, 3, 1);
    assert_int_equal(c->w, 3);
    assert_text(c, false, "\n");
    canvas_resize(c, 0, 0);
    assert_text(c, false, "");
    canvas_free(c);
}

static void test_copy_equal(void **state)
{
    (void)state;
    Canvas *a = canvas_new(5, 2);
    canvas_put_utf8(a, 0, 0, "abc", STYLE_NAME);
    Canvas *b = canvas_copy(a);
    assert_true(canvas_equal(a, b));
    canvas_put_utf8(b, 0, 0, "a", STYLE_NORMAL);   /* same char, other style */
    assert_false(canvas_equal(a, b));
    Canvas *d = canvas_new(5, 3);
    assert_false(canvas_equal(a, d));
    canvas_free(a);
    canvas_free(b);
    canvas_free(d);
}

static char *diff_of(const Canvas *a, const Canvas *b, bool ascii, Scheme s)
{
    StrBuf o = {0};
    canvas_diff_ansi(a, b, ascii, s, &o);
    return sb_take(&o);
}

static void test_diff_exact(void **state)
{
    (void)state;
    Canvas *a = canvas_new(5, 2);
    canvas_put_utf8(a, 0, 0, "hello", STYLE_NORMAL);
    Canvas *b = canvas_copy(a);
    char *d = diff_of(a, b, false, SCHEME_NORMAL);
    assert_string_equal(d, "");
    free(d);

    canvas_put_utf8(b, 2, 1, "X", STYLE_NORMAL);
    d = diff_of(a, b, false, SCHEME_NORMAL);
    assert_string_equal(d, "\x1b[2;3HX");
    free(d);

    /* two runs on one row; a styled run ends with a reset */
    canvas_put_utf8(b, 0, 0, "J", STYLE_NORMAL);
    canvas_put_utf8(b, 3, 0, "p", STYLE_ERROR);
    d = diff_of(a, b, false, SCHEME_NORMAL);
    assert_string_equal(d, "\x1b[1;1HJ\x1b[1;4H\x1b[1;31mp\x1b[2;3H\x1b[0mX");
    free(d);
    d = diff_of(a, b, false, SCHEME_MONO);
    assert_string_equal(d, "\x1b[1;1HJ\x1b[1;4H\x1b[1;7mp\x1b[2;3H\x1b[0mX");
    free(d);

    /* a change in the right half of a wide char rewrites the whole char */
    Canvas *w1 = canvas_new(4, 1), *w2 = canvas_new(4, 1);
    canvas_put_utf8(w1, 0, 0, "中", STYLE_NORMAL);
    canvas_put_utf8(w2, 0, 0, "中", STYLE_NORMAL);
    canvas_put_utf8(w2, 2, 0, "文", STYLE_NORMAL);
    d = diff_of(w1, w2, false, SCHEME_NORMAL);
    assert_string_equal(d, "\x1b[1;3H文");
    free(d);
    d = diff_of(w1, w2, true, SCHEME_NORMAL);
    assert_string_equal(d, "\x1b[1;3H??");
    free(d);

    /* no previous frame, or another size: a full frame */
    d = diff_of(NULL, a, false, SCHEME_NORMAL);
    assert_string_equal(d, "\x1b[0m\x1b[H\x1b[2Jhello");
    free(d);
    d = diff_of(w1, a, false, SCHEME_NORMAL);
    assert_string_equal(d, "\x1b[0m\x1b[H\x1b[2Jhello");
    free(d);
    canvas_free(a);
    canvas_free(b);
    canvas_free(w1);
    canvas_free(w2);
}

static void test_full_frame(void **state)
{
    (void)state;
    Canvas *c = canvas_new(6, 3);
    canvas_put_utf8(c, 0, 0, "ab", STYLE_NAME);
    canvas_put_utf8(c, 2, 0, "cd", STYLE_NAME | CF_UNDERLINE);
    canvas_fill(c, 0, 2, 6, 1, ' ', STYLE_STATUS);
    StrBuf o = {0};
    canvas_to_ansi(c, false, SCHEME_NORMAL, &o);
    /* row 2 is blank and skipped; the reverse status row is written whole */
    assert_string_equal(o.s, "\x1b[0m\x1b[H\x1b[2J\x1b[1mab\x1b[4mcd"
                             "\x1b[3;1H\x1b[0;7m      \x1b[0m");
    sb_clear(&o);
    canvas_to_ansi_text(c, false, SCHEME_NORMAL, &o);
    assert_string_equal(o.s, "\x1b[1mab\x1b[4mcd\x1b[0m\n\n\x1b[7m      \x1b[0m\n");
    sb_free(&o);
    canvas_free(c);
}

/* Deterministic pseudo-random drawing, for replay tests. */
static uint32_t rng_state = 12345;
static uint32_t rnd(uint32_t n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (rng_state >> 16) % n;
}

static void scribble(Canvas *c, int ops)
{
    static const char *words[] = {"x", "中", "refs 1", "▶", "😀a", "ab", "  ", "●─"};
    for (int i = 0; i < ops; i++) {
        int x = (int)rnd((uint32_t)c->w + 2) - 1, y = (int)rnd((uint32_t)c->h);
        Style st = (Style)rnd(STYLE_COUNT) | (rnd(4) == 0 ? CF_UNDERLINE : 0);
        switch (rnd(4)) {
        case 0: canvas_put_utf8(c, x, y, words[rnd(8)], st); break;
        case 1: canvas_hline(c, x, y, (int)rnd(6) + 1, st); break;
        case 2: canvas_vline(c, x, y, (int)rnd(4) + 1, st); break;
        default: canvas_box(c, x, y, (int)rnd(8) + 2, (int)rnd(4) + 2, st, "t"); break;
        }
    }
}

static void test_diff_replay(void **state)
{
    (void)state;
    for (Scheme s = SCHEME_NORMAL; s < SCHEME_COUNT; s++) {
        Canvas *prev = canvas_new(20, 8);
        Vt *vt = vt_new(20, 8);
        scribble(prev, 20);
        StrBuf o = {0};
        canvas_to_ansi(prev, false, s, &o);
        vt_write(vt, o.s, o.len);
        assert_vt_shows(vt, prev, s);
        for (int frame = 0; frame < 40; frame++) {
            Canvas *cur = canvas_copy(prev);
            if (frame % 10 == 9)
                canvas_clear(cur);
            scribble(cur, (int)rnd(6));
            sb_clear(&o);
            canvas_diff_ansi(prev, cur, false, s, &o);
            if (canvas_equal(prev, cur))
                assert_int_equal(o.len, 0);
            vt_write(vt, o.s ? o.s : "", o.len);
            assert_vt_shows(vt, cur, s);
            canvas_free(prev);
            prev = cur;
        }
        sb_free(&o);
        canvas_free(prev);
        vt_free(vt);
    }
}

static void test_diff_only_changed(void **state)
{
    (void)state;
    Canvas *a = canvas_new(10, 4), *b;
    scribble(a, 15);
    b = canvas_copy(a);
    canvas_put_utf8(b, 3, 2, "Z", STYLE_NORMAL);
    canvas_put_utf8(b, 8, 0, "Q", STYLE_NORMAL);
    /* replay the diff on a VT that starts *empty*: exactly the changed cells
     * get written, nothing else */
    Vt *vt = vt_new(10, 4);
    char *d = diff_of(a, b, false, SCHEME_NORMAL);
    vt_write(vt, d, strlen(d));
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 10; x++) {
            bool changed = cp_at(a, x, y) != cp_at(b, x, y) ||
                           canvas_cell(a, x, y)->style != canvas_cell(b, x, y)->style;
            bool wide_half = (x > 0 && cp_at(b, x, y) == CANVAS_CONT) ||
                             (x + 1 < 10 && cp_at(b, x + 1, y) == CANVAS_CONT);
            if (changed)
                assert_int_equal(vt->cp[y * 10 + x], cp_at(b, x, y));
            else if (!wide_half)
                assert_int_equal(vt->cp[y * 10 + x], '#');
        }
    free(d);
    vt_free(vt);
    canvas_free(a);
    canvas_free(b);
}

/* All SGR parameters in s. */
static int sgr_params(const char *s, int *out, int max)
{
    int n = 0;
    for (const char *p = s; (p = strchr(p, '\x1b')) != NULL;) {
        p += 2;
        const char *q = p;
        while (*q && ((*q >= '0' && *q <= '9') || *q == ';' || *q == '?'))
            q++;
        if (*q != 'm' || *p == '?') {
            p = q;
            continue;
        }
        while (p < q) {
            int v = 0;
            while (p < q && *p != ';')
                v = v * 10 + (*p++ - '0');
            if (n < max)
                out[n++] = v;
            if (p < q)
                p++;
        }
    }
    return n;
}

static bool is_colour_param(int v)
{
    return (v >= 30 && v <= 49) || (v >= 90 && v <= 107);
}

static void test_no_color_scheme(void **state)
{
    (void)state;
    Canvas *c = canvas_new(STYLE_COUNT * 2, 3);
    for (int i = 0; i < STYLE_COUNT; i++) {
        canvas_put_utf8(c, i * 2, 0, "ab", (Style)i);
        canvas_put_utf8(c, i * 2, 1, "c", (Style)(i | CF_UNDERLINE | CF_BOLD));
        const StyleSpec *m = canvas_style_spec(SCHEME_MONO, (StyleId)i);
        assert_int_equal(m->fg, -1);
        assert_int_equal(m->bg, -1);
        assert_int_equal(m->attrs & ~(unsigned)(CF_BOLD | CF_REVERSE | CF_DIM), 0);
        for (Scheme s = SCHEME_NORMAL; s < SCHEME_COUNT; s++)
            assert_int_equal(canvas_style_spec(s, (StyleId)i)->bg, -1);
        assert_string_not_equal(canvas_style_name((StyleId)i), "?");
    }
    assert_string_equal(canvas_style_name(STYLE_UNREACHABLE), "UNREACHABLE");
    Canvas *blank = canvas_new(STYLE_COUNT * 2, 3);
    int params[4096];
    StrBuf o = {0};
    canvas_to_ansi(c, false, SCHEME_MONO, &o);
    canvas_to_ansi_text(c, false, SCHEME_MONO, &o);
    canvas_diff_ansi(blank, c, false, SCHEME_MONO, &o);
    int n = sgr_params(o.s, params, 4096);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        assert_false(is_colour_param(params[i]));
        assert_true(params[i] == 0 || params[i] == 1 || params[i] == 2 || params[i] == 7);
    }
    /* the normal scheme does use colour */
    sb_clear(&o);
    canvas_to_ansi(c, false, SCHEME_NORMAL, &o);
    n = sgr_params(o.s, params, 4096);
    bool colour = false;
    for (int i = 0; i < n; i++)
        colour |= is_colour_param(params[i]);
    assert_true(colour);
    sb_free(&o);
    canvas_free(c);
    canvas_free(blank);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_and_clip),
        cmocka_unit_test(test_printf_fit_restyle),
        cmocka_unit_test(test_box_title),
        cmocka_unit_test(test_line_junctions),
        cmocka_unit_test(test_ascii),
        cmocka_unit_test(test_wide_chars),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_to_text_trim),
        cmocka_unit_test(test_copy_equal),
        cmocka_unit_test(test_diff_exact),
        cmocka_unit_test(test_full_frame),
        cmocka_unit_test(test_diff_replay),
        cmocka_unit_test(test_diff_only_changed),
        cmocka_unit_test(test_no_color_scheme),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
