/* Navigation as in tig and less (see nav.h): the count before G, `/`
 * search with n/N, the step outline, the step a source line runs to. */
#include "nav.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "views.h"

void nav_reset(Nav *n)
{
    n->count = 0;
    n->searching = 0;
    n->query.len = 0;
    n->query.buf[0] = '\0';
    n->outline = 0;
    nav_say(n, NULL);
}

void nav_free(Nav *n)
{
    nav_say(n, NULL);
}

void nav_say(Nav *n, const char *fmt, ...)
{
    free(n->msg);
    n->msg = NULL;
    if (!fmt) return;
    StrBuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    sb_puts(&b, line);
    n->msg = sb_take(&b);
}

/* ----------------------------------------------------------------- count */

void nav_digit(Nav *n, int digit)
{
    if (n->count <= 100000) n->count = n->count * 10 + digit;
}

int nav_take_count(Nav *n)
{
    int c = n->count;
    n->count = 0;
    return c;
}

/* ---------------------------------------------------------------- search */

/* A step's source line: the lesson's, or for a script the statement's. */
static void step_lines(const Lesson *l, const Session *s, int k, int *line, int *line_end)
{
    if (l && k >= 1 && k <= l->nsteps) {
        *line = l->steps[k - 1].line;
        *line_end = l->steps[k - 1].line_end;
    } else {
        *line = *line_end = session_step_line(s, k);
    }
    if (*line_end < *line) *line_end = *line;
}

static void append_source_line(const char *src, int line, StrBuf *out)
{
    for (int l = 1; *src; l++) {
        const char *e = strchr(src, '\n');
        size_t len = e ? (size_t)(e - src) : strlen(src);
        if (l == line) {
            sb_put(out, src, len);
            sb_putc(out, '\n');
            return;
        }
        if (!e) return;
        src = e + 1;
    }
}

void nav_step_text(const Lesson *l, const Session *s, int k, StrBuf *out)
{
    int line, le;
    step_lines(l, s, k, &line, &le);
    for (int i = line; i > 0 && i <= le; i++) append_source_line(l->source, i, out);
    if (l && k >= 1 && k <= l->nsteps) {
        const LessonStep *st = &l->steps[k - 1];
        if (st->say && *st->say) { sb_puts(out, st->say); sb_putc(out, '\n'); }
        if (st->ask_question) { sb_puts(out, st->ask_question); sb_putc(out, '\n'); }
    }
    if (!out->s) sb_puts(out, "");
}

static int has_upper(const char *q)
{
    for (; *q; q++)
        if (isupper((unsigned char)*q)) return 1;
    return 0;
}

static int holds(const char *text, const char *q, int fold)
{
    if (!fold) return strstr(text, q) != NULL;
    size_t m = strlen(q);
    for (; *text; text++)
        if (strncasecmp(text, q, m) == 0) return 1;
    return 0;
}

int nav_find(const Lesson *l, const Session *s, const char *q, int from, int dir, int *wrapped)
{
    int n = session_nsteps(s);
    *wrapped = 0;
    if (!q || !*q || n <= 0) return 0;
    int fold = !has_upper(q);
    StrBuf t = {0};
    int found = 0;
    for (int i = 1; i <= n && !found; i++) {
        int k = from + dir * i;
        if (k > n || k < 1) {
            k = ((k - 1) % n + n) % n + 1;   /* round past the end */
            *wrapped = 1;
        }
        sb_clear(&t);
        nav_step_text(l, s, k, &t);
        if (holds(t.s, q, fold)) found = k;
    }
    sb_free(&t);
    if (!found) *wrapped = 0;
    return found;
}

void nav_search_open(Nav *n)
{
    n->searching = 1;
    n->query.len = 0;
    n->query.buf[0] = '\0';
    nav_say(n, NULL);
}

int nav_search_key(Nav *n, const ScreenKey *k, int *submitted)
{
    *submitted = 0;
    if (!n->searching) return 0;
    if (k->code == SK_ESC) { n->searching = 0; return 1; }
    if (k->code == SK_ENTER) {
        n->searching = 0;
        if (n->query.len > 0) {
            snprintf(n->last, sizeof n->last, "%s", n->query.buf);
            *submitted = 1;
        }
        return 1;
    }
    if ((k->code == SK_BACKSPACE || k->code == SK_DELETE) && n->query.len == 0) {
        n->searching = 0;   /* as in less: erasing past the start cancels */
        return 1;
    }
    teach_edit_key(&n->query, k);
    return 1;   /* the field takes every key */
}

int nav_search_run(Nav *n, const Lesson *l, const Session *s, int cur, int dir)
{
    if (!n->last[0]) {
        nav_say(n, "no previous search: / searches");
        return 0;
    }
    int wrapped = 0;
    int k = nav_find(l, s, n->last, cur, dir, &wrapped);
    if (!k) nav_say(n, "not found: %s", n->last);
    else if (wrapped) nav_say(n, "/%s: search hit %s, continuing at %s", n->last, dir > 0 ? "BOTTOM" : "TOP",
                              dir > 0 ? "TOP" : "BOTTOM");
    else nav_say(n, "/%s: step %d", n->last, k);
    return k;
}

void nav_draw_search(const Nav *n, Canvas *c, Rect r)
{
    if (!n->searching || r.w <= 0 || r.h <= 0) return;
    canvas_fill(c, r.x, r.y, r.w, 1, ' ', STYLE_PROMPT | CF_REVERSE);
    StrBuf b = {0};
    sb_printf(&b, "/%s▏", n->query.buf);
    const char *show = b.s;
    while (canvas_text_width(show) > r.w - 2 && *show) show++;   /* the end stays in view */
    canvas_put_utf8_fit(c, r.x + 1, r.y, show, r.w - 2, STYLE_PROMPT | CF_REVERSE | CF_BOLD);
    sb_free(&b);
}

/* --------------------------------------------------------------- outline */

void nav_outline_open(Nav *n, int cur, int nsteps)
{
    n->outline = 1;
    n->out_sel = cur < 1 ? 1 : cur > nsteps ? nsteps : cur;
    n->out_top = 0;
}

void nav_outline_move(Nav *n, int delta, int nsteps)
{
    long v = (long)n->out_sel + delta;
    if (v > nsteps) v = nsteps;
    if (v < 1) v = 1;
    n->out_sel = (int)v;
}

/* The first words of a narration, on one line (newlines become spaces). */
static void first_words(const char *say, StrBuf *out)
{
    for (const char *p = say; p && *p; p++) sb_putc(out, *p == '\n' || *p == '\t' ? ' ' : *p);
    if (!out->s) sb_puts(out, "");
}

void nav_draw_outline(Nav *n, Canvas *c, const Lesson *l, const Session *s, int ascii)
{
    int ns = session_nsteps(s);
    if (ns <= 0 || c->w < 20 || c->h < 6) return;
    int w = c->w - 6 > 96 ? 96 : c->w - 6;
    int h = ns + 4 < c->h - 2 ? ns + 4 : c->h - 2;
    int x = (c->w - w) / 2, y = (c->h - h) / 2;
    canvas_fill(c, x, y, w, h, ' ', STYLE_NORMAL);
    canvas_box(c, x, y, w, h, STYLE_TITLE | CF_BOLD, NULL);
    char title[64];
    snprintf(title, sizeof title, " outline · %d steps ", ns);
    canvas_put_utf8(c, x + 2, y, title, STYLE_TITLE | CF_BOLD);
    int rows = h - 3;
    if (n->out_sel - 1 < n->out_top) n->out_top = n->out_sel - 1;
    if (n->out_sel - 1 >= n->out_top + rows) n->out_top = n->out_sel - rows;
    if (n->out_top > ns - rows) n->out_top = ns - rows;
    if (n->out_top < 0) n->out_top = 0;
    int cur = session_step(s);
    int nw = snprintf(title, sizeof title, "%d", ns);
    StrBuf b = {0};
    for (int i = 0; i < rows && n->out_top + i < ns; i++) {
        int k = n->out_top + i + 1, ry = y + 1 + i;
        int on = k == n->out_sel;
        Style st = on ? (STYLE_SELECTED | CF_REVERSE | CF_BOLD) : STYLE_NORMAL;
        if (on) canvas_fill(c, x + 1, ry, w - 2, 1, ' ', st);
        canvas_put_utf8(c, x + 2, ry, k == cur ? (ascii ? ">" : "▶") : " ", on ? st : STYLE_CURLINE | CF_BOLD);
        char num[16], ln[24];
        snprintf(num, sizeof num, "%*d", nw, k);
        canvas_put_utf8(c, x + 4, ry, num, on ? st : STYLE_LINENO);
        int line, le;
        step_lines(l, s, k, &line, &le);
        if (line > 0) snprintf(ln, sizeof ln, "line %d", line);
        else snprintf(ln, sizeof ln, "-");
        int tx = x + 4 + nw + 2;
        canvas_put_utf8(c, tx, ry, ln, on ? st : STYLE_DIM);
        tx += 10;
        const LessonStep *ls = l && k <= l->nsteps ? &l->steps[k - 1] : NULL;
        if (ls && ls->ask_question) canvas_put_utf8(c, tx - 2, ry, "?", on ? st : STYLE_PROMPT | CF_BOLD);
        sb_clear(&b);
        if (ls && ls->say && *ls->say) first_words(ls->say, &b);
        else if (line > 0) append_source_line(l->source, line, &b);   /* a script: the statement */
        if (b.len && b.s[b.len - 1] == '\n') b.s[--b.len] = '\0';
        canvas_put_utf8_fit(c, tx, ry, b.s ? b.s : "", x + w - 2 - tx, on ? st : STYLE_NORMAL);
    }
    sb_free(&b);
    const char *foot = "↑/↓ choose · Enter go · g/G first/last · Esc close";
    canvas_put_utf8_fit(c, x + 2, y + h - 2, foot, w - 4, STYLE_DIM);
    if (ns > rows) {
        snprintf(title, sizeof title, " %d-%d of %d ", n->out_top + 1, n->out_top + rows, ns);
        canvas_put_utf8(c, x + w - 2 - canvas_text_width(title), y + h - 1, title, STYLE_DIM);
    }
}

/* ----------------------------------------------------------- source lines */

int nav_step_at_line(const Lesson *l, const Session *s, int line)
{
    int n = session_nsteps(s), line0, le;
    for (int k = 1; k <= n; k++) {
        step_lines(l, s, k, &line0, &le);
        if (line0 == line) return k;
    }
    for (int k = 1; k <= n; k++) {
        step_lines(l, s, k, &line0, &le);
        if (line0 > 0 && line0 <= line && line <= le) return k;
    }
    return 0;
}
