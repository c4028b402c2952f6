/* The panes other than the graph (see views.h).  Each is a pure function of
 * what it is handed: no state survives between frames, so the live screen
 * and `memtutor render` draw the same cells. */
#include "views.h"
#include "profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- wrapping */

static int utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4; }

/* Linear in the text: each word is measured code point by code point only
 * as far as the line has room, so a word longer than the pane (a 900 kB
 * one) is cut piece by piece without being measured again per line. */
int views_wrap(const char *text, int width, view_line_fn fn, void *arg)
{
    if (width < 1) width = 1;
    int lines = 0;
    const char *p = text;
    for (;;) {
        /* one hard line (up to '\n') at a time */
        const char *e = strchr(p, '\n');
        size_t hl = e ? (size_t)(e - p) : strlen(p);
        const char *q = p, *end = p + hl;
        if (hl == 0) { fn(arg, p, 0); lines++; }
        while (q < end) {
            /* take words while they fit */
            const char *line = q, *cut = NULL, *r = q;
            int w = 0;
            while (r < end) {
                int ww = 0, over = 0;
                while (r < end && *r != ' ') {
                    uint32_t cp;
                    size_t n = canvas_utf8_decode(r, (size_t)(end - r), &cp);
                    int cw = canvas_cp_width(cp);
                    if (w + ww + cw > width) {
                        over = 1;
                        if (r == line) r += n;   /* at least one character a line */
                        break;
                    }
                    ww += cw;
                    r += n;
                }
                if (over) {
                    if (!cut) cut = r;   /* a word wider than the line: cut it */
                    break;
                }
                w += ww;
                cut = r;
                /* the spaces after the word */
                while (r < end && *r == ' ') { r++; w++; }
            }
            if (!cut || cut == line) cut = r > line ? r : end;
            size_t n = (size_t)(cut - line);
            while (n > 0 && line[n - 1] == ' ') n--;
            fn(arg, line, n);
            lines++;
            q = cut;
            while (q < end && *q == ' ') q++;
        }
        if (!e) break;
        p = e + 1;
    }
    return lines;
}

/* ------------------------------------------------------------------- panes */

void views_pane(Canvas *c, Rect r, const char *title, bool focused)
{
    canvas_fill(c, r.x, r.y, r.w, r.h, ' ', STYLE_NORMAL);
    canvas_box(c, r.x, r.y, r.w, r.h, focused ? (STYLE_FRAME | CF_BOLD) : STYLE_FRAME, NULL);
    if (title && *title) {
        char buf[256];
        snprintf(buf, sizeof buf, " %s ", title);
        canvas_put_utf8_fit(c, r.x + 1, r.y, buf, r.w - 2, focused ? (STYLE_TITLE | CF_BOLD) : STYLE_TITLE);
    }
}

void views_title(Canvas *c, Rect r, const char *left, const char *right)
{
    canvas_fill(c, r.x, r.y, r.w, r.h, ' ', STYLE_TITLE);
    int rw = right ? canvas_text_width(right) : 0;
    canvas_put_utf8_fit(c, r.x + 1, r.y, left, r.w - rw - 3, STYLE_TITLE | CF_BOLD);
    if (rw) canvas_put_utf8(c, r.x + r.w - rw - 1, r.y, right, STYLE_TITLE);
}

/* ------------------------------------------------------------------ source */

static int is_ident(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
           (ch >= '0' && ch <= '9') || (unsigned char)ch >= 0x80;
}

static int is_keyword(const char *s, size_t n)
{
    static const char *const kw[] = {
        "False", "None", "True", "and", "as", "break", "class", "continue", "def", "del",
        "elif", "else", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "not", "or", "pass", "return", "while", "with", "yield", NULL};
    for (int i = 0; kw[i]; i++)
        if (strlen(kw[i]) == n && !memcmp(kw[i], s, n)) return 1;
    return 0;
}

/* Draw one line of Python with light highlighting; returns nothing. */
static void put_python(Canvas *c, int x, int y, const char *s, size_t len, Style base)
{
    size_t i = 0;
    char tok[1024];
    while (i < len) {
        size_t j = i;
        Style st = base;
        char ch = s[i];
        if (ch == '#') { j = len; st = STYLE_COMMENT; }
        else if (ch == '\'' || ch == '"' ||
                 ((ch == 'f' || ch == 'r' || ch == 'b') && i + 1 < len && (s[i + 1] == '\'' || s[i + 1] == '"'))) {
            if (ch != '\'' && ch != '"') j++;
            char q = s[j++];
            while (j < len && s[j] != q) { if (s[j] == '\\' && j + 1 < len) j++; j++; }
            if (j < len) j++;
            st = STYLE_STRING;
        } else if (ch >= '0' && ch <= '9') {
            while (j < len && (is_ident(s[j]) || s[j] == '.')) j++;
            st = STYLE_NUMBER;
        } else if (is_ident(ch)) {
            while (j < len && is_ident(s[j])) j++;
            if (is_keyword(s + i, j - i)) st = STYLE_KEYWORD;
        } else {
            j = i + (size_t)utf8_len((unsigned char)ch);
            if (j > len) j = len;
        }
        if (STYLE_ID(base) == STYLE_CURLINE) st = base;
        size_t n = j - i < sizeof tok - 1 ? j - i : sizeof tok - 1;
        memcpy(tok, s + i, n);
        tok[n] = 0;
        x += canvas_put_utf8(c, x, y, tok, st);
        i = j;
    }
}

static int count_lines(const char *source)
{
    int nlines = 0;
    for (const char *p = source; *p; p++)
        if (*p == '\n') nlines++;
    if (*source && source[strlen(source) - 1] != '\n') nlines++;
    return nlines;
}

int views_source_top(const char *source, int ih, int line)
{
    /* a pure function of the current line, so render equals live */
    int nlines = count_lines(source), top = 0;
    if (nlines > ih && line > 0) {
        top = line - 1 - ih / 3;
        if (top > nlines - ih) top = nlines - ih;
        if (top < 0) top = 0;
    }
    return top;
}

void views_source(Canvas *c, Rect r, const char *source, int line, int line_end, bool focused)
{
    views_source_above(c, r, source, line, line_end, focused, 0);
}

void views_source_above(Canvas *c, Rect r, const char *source, int line, int line_end, bool focused, int reserve)
{
    views_pane(c, r, "source", focused);
    int ih = r.h - 2 - (reserve > 0 ? reserve : 0), iw = r.w - 2;
    if (ih <= 0 || iw <= 0) return;
    int nlines = count_lines(source);
    if (line_end < line) line_end = line;
    int top = views_source_top(source, ih, line);
    char num[16];
    int nw = snprintf(num, sizeof num, "%d", nlines > 0 ? nlines : 1);
    canvas_set_clip(c, r.x + 1, r.y + 1, iw, ih);
    const char *p = source;
    for (int l = 1; *p && l <= top + ih; l++) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (l > top) {
            int y = r.y + 1 + (l - 1 - top);
            bool cur = line > 0 && l >= line && l <= line_end;
            if (cur) canvas_fill(c, r.x + 1, y, iw, 1, ' ', STYLE_CURLINE);
            canvas_put_utf8(c, r.x + 1, y, cur && l == line ? "▶" : " ", cur ? STYLE_CURLINE | CF_BOLD : STYLE_NORMAL);
            snprintf(num, sizeof num, "%*d", nw, l);
            canvas_put_utf8(c, r.x + 2, y, num, cur ? (STYLE_CURLINE | CF_BOLD) : STYLE_LINENO);
            int tx = r.x + 2 + nw + 2;
            put_python(c, tx, y, p, n, cur ? (STYLE_CURLINE | CF_BOLD) : STYLE_NORMAL);
            /* a line wider than the pane ends in … at the pane's edge */
            char *lt = xstrndup(p, n);
            if (tx + canvas_text_width(lt) > r.x + 1 + iw)
                canvas_put_utf8(c, r.x + iw, y, "…", cur ? (STYLE_CURLINE | CF_BOLD) : STYLE_DIM);
            free(lt);
        }
        if (!e) break;
        p = e + 1;
    }
    canvas_reset_clip(c);
}

/* --------------------------------------------------------------- narration */

typedef struct {
    Canvas *c;
    int x, y0, row, scroll, h, w;
    Style style;
    int indent;
} NarrCtx;

static void narr_line(void *arg, const char *line, size_t len)
{
    NarrCtx *n = arg;
    int vis = n->row - n->scroll;
    if (vis >= 0 && vis < n->h) {
        char *t = xstrndup(line, len);
        canvas_put_utf8_fit(n->c, n->x + n->indent, n->y0 + vis, t, n->w - n->indent, n->style);
        free(t);
    }
    n->row++;
}

static void count_line(void *arg, const char *line, size_t len)
{
    (void)line;
    (void)len;
    ++*(int *)arg;
}

int views_narration(Canvas *c, Rect r, const char *title, const ViewPara *p, int n, int scroll,
                    bool focused)
{
    return views_narration_keys(c, r, title, p, n, scroll, focused, true);
}

int views_narration_keys(Canvas *c, Rect r, const char *title, const ViewPara *p, int n, int scroll,
                         bool focused, bool keys)
{
    views_pane(c, r, title, focused);
    int ih = r.h - 2, iw = r.w - 4;
    if (ih <= 0 || iw <= 0) return 0;
    int total = 0;
    for (int i = 0; i < n; i++) {
        if (!p[i].text) { total++; continue; }
        views_wrap(p[i].text, iw - p[i].indent, count_line, &total);
    }
    if (scroll > total - ih) scroll = total - ih;
    if (scroll < 0) scroll = 0;
    NarrCtx nc = {c, r.x + 2, r.y + 1, 0, scroll, ih, iw, 0, 0};
    canvas_set_clip(c, r.x + 1, r.y + 1, r.w - 2, ih);
    for (int i = 0; i < n; i++) {
        if (!p[i].text) { nc.row++; continue; }
        nc.style = p[i].style;
        nc.indent = p[i].indent;
        views_wrap(p[i].text, iw - p[i].indent, narr_line, &nc);
    }
    canvas_reset_clip(c);
    if (total > ih) {
        /* more below or above: a hint in the bottom border */
        const char *hint = scroll + ih < total ? (keys ? " ↓ PgDn more " : " ↓ more ")
                                               : (keys ? " ↑ PgUp " : " ↑ ");
        canvas_put_utf8(c, r.x + r.w - 2 - canvas_text_width(hint), r.y + r.h - 1, hint, STYLE_DIM);
    }
    return total;
}

/* ------------------------------------------------------------------ status */

void views_status(Canvas *c, Rect r, const StatusInfo *si)
{
    canvas_fill(c, r.x, r.y, r.w, r.h, ' ', STYLE_STATUS);
    char a[32], b[32], left[256], py[32] = "";
    /* the profile whose numbers these are, when it is not 3.11 (the one
     * every screen was first drawn with) */
    if (py_profile->v != PY311) snprintf(py, sizeof py, " · CPython %s", py_profile->name);
    snprintf(left, sizeof left, " step %d/%d · %s objects · %s · gc %lld %lld %lld%s%s%s", si->step,
             si->nsteps, fmt_thousands(a, si->live), fmt_bytes(b, (uint64_t)(si->bytes < 0 ? 0 : si->bytes)),
             (long long)si->gc[0], (long long)si->gc[1], (long long)si->gc[2], py,
             si->extra ? " · " : "", si->extra ? si->extra : "");
    const char *always = si->no_keys ? "" : "? help  q quit ";
    const char *keys = si->keys && !si->no_keys ? si->keys : "";
    int aw = canvas_text_width(always), kw = canvas_text_width(keys);
    int lw = canvas_text_width(left);
    if (lw + 1 + kw + 2 + aw > r.w) kw = 0;   /* drop the optional hints first (never cut the counts) */
    int x = r.x + r.w - aw;
    canvas_put_utf8(c, x, r.y, always, STYLE_KEY | CF_BOLD);
    if (kw) canvas_put_utf8(c, x - kw - 2, r.y, keys, STYLE_KEY);
    int room = r.w - aw - (kw ? kw + 2 : 0) - 1;
    canvas_put_utf8_fit(c, r.x, r.y, left, room, STYLE_STATUS);
}

/* --------------------------------------------------------------- too small */

void views_too_small(Canvas *c, int cols, int rows, int need_cols, int need_rows)
{
    char msg[128];
    snprintf(msg, sizeof msg, "terminal too small: have %dx%d, need %dx%d", cols, rows, need_cols,
             need_rows);
    int y = rows / 2 - 1;
    if (y < 0) y = 0;
    int w = canvas_text_width(msg);
    if (w > cols) {
        /* split after "too small:" so that both halves show */
        char *colon = strchr(msg, ':');
        *colon = 0;
        const char *rest = colon + 2;
        w = canvas_text_width(msg) + 1;
        canvas_put_utf8(c, w < cols ? (cols - w) / 2 : 0, y > 0 ? y - 1 : 0, msg, STYLE_ERROR | CF_BOLD);
        canvas_put_utf8(c, (w < cols ? (cols - w) / 2 : 0) + w - 1, y > 0 ? y - 1 : 0, ":", STYLE_ERROR | CF_BOLD);
        w = canvas_text_width(rest);
        canvas_put_utf8(c, w < cols ? (cols - w) / 2 : 0, y, rest, STYLE_ERROR | CF_BOLD);
    } else {
        canvas_put_utf8(c, w < cols ? (cols - w) / 2 : 0, y, msg, STYLE_ERROR | CF_BOLD);
    }
    int x;
    const char *q = "q quit";
    w = canvas_text_width(q);
    x = w < cols ? (cols - w) / 2 : 0;
    canvas_put_utf8(c, x, y + 1, q, STYLE_KEY | CF_BOLD);
}

/* -------------------------------------------------------------------- help */

/* Rows [from, to) of the help in one column at (x, y). */
static void help_column(Canvas *c, const HelpRow *rows, int from, int to, int x, int y, int kw)
{
    for (int i = from; i < to; i++) {
        int ry = y + (i - from);
        if (!rows[i].keys) {
            canvas_put_utf8(c, x, ry, rows[i].doc, STYLE_EMPH | CF_BOLD);
            continue;
        }
        canvas_put_utf8(c, x + 1, ry, rows[i].keys, STYLE_KEY | CF_BOLD);
        canvas_put_utf8(c, x + 1 + kw + 2, ry, rows[i].doc, STYLE_NORMAL);
    }
}

void views_help(Canvas *c, const HelpRow *rows, int n, const char *footer)
{
    int kw = 0, dw = 0;
    for (int i = 0; i < n; i++) {
        int a = rows[i].keys ? canvas_text_width(rows[i].keys) : 0;
        int b = canvas_text_width(rows[i].doc);
        if (a > kw) kw = a;
        if (b > dw) dw = b;
    }
    int colw = kw + dw + 3;
    /* one column when it fits the height, else two, split at a heading */
    int split = n;
    if (n + 3 > c->h) {
        split = (n + 1) / 2;
        while (split < n && rows[split].keys) split++;
        if (split == n) split = (n + 1) / 2;
    }
    if (split < n && 2 * colw + 7 > c->w) split = n;   /* two columns would not fit: one, clipped */
    int ncol = split < n ? 2 : 1;
    int inner_h = split > n - split ? split : n - split;
    int w = ncol * colw + (ncol - 1) * 3 + 4, h = inner_h + 3;
    if (footer && canvas_text_width(footer) + 4 > w) w = canvas_text_width(footer) + 4;
    if (w > c->w) w = c->w;
    if (h > c->h) h = c->h;
    int x = (c->w - w) / 2, y = (c->h - h) / 2;
    canvas_fill(c, x, y, w, h, ' ', STYLE_NORMAL);
    canvas_box(c, x, y, w, h, STYLE_TITLE | CF_BOLD, NULL);
    canvas_put_utf8(c, x + 2, y, " help ", STYLE_TITLE | CF_BOLD);
    canvas_set_clip(c, x + 1, y + 1, w - 2, h - 2);
    help_column(c, rows, 0, split, x + 2, y + 1, kw);
    if (ncol == 2) help_column(c, rows, split, n, x + 2 + colw + 3, y + 1, kw);
    if (footer) canvas_put_utf8(c, x + 2, y + h - 2, footer, STYLE_DIM);
    canvas_reset_clip(c);
}

/* -------------------------------------------------------------------- menu */

typedef struct {
    Canvas *c;
    int x, y, h, w, row;
} WrapCtx;

static void menu_line(void *arg, const char *line, size_t len)
{
    WrapCtx *m = arg;
    if (m->row < m->h) {
        char *t = xstrndup(line, len);
        canvas_put_utf8_fit(m->c, m->x, m->y + m->row, t, m->w, STYLE_NORMAL);
        free(t);
    }
    m->row++;
}

void views_menu(Canvas *c, Lesson *const *lessons, int n, int sel)
{
    int cols = c->w, rows = c->h;
    views_title(c, (Rect){0, 0, cols, 1}, "memtutor · how Python releases memory", "lessons");
    int idw = 4;
    for (int i = 0; i < n; i++) {
        int w = canvas_text_width(lessons[i]->id);
        if (w > idw) idw = w;
    }
    int sum_h = rows >= 20 ? 7 : 5;
    Rect list = {0, 1, cols, rows - 2 - sum_h};
    Rect about = {0, 1 + list.h, cols, sum_h};
    views_pane(c, list, "lessons", true);
    int ih = list.h - 2;
    int top = 0;
    if (ih > 0 && sel >= ih) top = sel - ih + 1;
    for (int i = top; i < n && i - top < ih; i++) {
        int y = list.y + 1 + (i - top);
        Style st = i == sel ? (STYLE_SELECTED | CF_REVERSE | CF_BOLD) : STYLE_NORMAL;
        if (i == sel) canvas_fill(c, list.x + 1, y, list.w - 2, 1, ' ', st);
        char num[16];
        snprintf(num, sizeof num, "%2d", i + 1);
        int x = list.x + 2;
        canvas_put_utf8(c, x, y, i == sel ? "▶" : " ", st);
        canvas_put_utf8(c, x + 2, y, num, i == sel ? st : STYLE_LINENO);
        canvas_put_utf8_fit(c, x + 5, y, lessons[i]->id, idw, i == sel ? st : STYLE_NAME);
        canvas_put_utf8_fit(c, x + 5 + idw + 2, y, lessons[i]->title, list.w - idw - 10, st);
    }
    if (n == 0) canvas_put_utf8(c, list.x + 2, list.y + 1, "(no lessons built in)", STYLE_DIM);
    views_pane(c, about, "summary", false);
    if (n > 0 && sel >= 0 && sel < n) {
        WrapCtx m = {c, about.x + 2, about.y + 1, about.h - 2, about.w - 4, 0};
        views_wrap(lessons[sel]->summary, m.w, menu_line, &m);
    }
    Rect st = {0, rows - 1, cols, 1};
    canvas_fill(c, st.x, st.y, st.w, 1, ' ', STYLE_STATUS);
    char left[64];
    snprintf(left, sizeof left, " %d lessons", n);
    canvas_put_utf8(c, 0, st.y, left, STYLE_STATUS);
    const char *always = "? help  q quit ";
    const char *keys = "↑/↓ choose  Enter open";
    int aw = canvas_text_width(always), kw = canvas_text_width(keys);
    canvas_put_utf8(c, cols - aw, st.y, always, STYLE_KEY | CF_BOLD);
    if (kw + aw + 14 < cols) canvas_put_utf8(c, cols - aw - kw - 2, st.y, keys, STYLE_KEY);
}
