/* `memtutor export` (see export.h): the frames of app_frames (each step's
 * end state, and a question step once more with the simulator's answer)
 * turned into one HTML page or one animated SVG.  Lesson text only ever
 * reaches the output through export_escape; the page's script reads no
 * lesson text, it only shows and hides what the HTML already holds. */
#include "export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "canvas.h"
#include "lesson.h"
#include "outfile.h"

#define EXPORT_VERSION "0.1.0"

/* ------------------------------------------------------------- escaping */

static int bad_cp(uint32_t cp)
{
    if (cp < 0x20) return cp != '\n' && cp != '\t';
    if (cp >= 0x7f && cp < 0xa0) return 1;                     /* DEL, C1 */
    if (cp >= 0xfdd0 && cp <= 0xfdef) return 1;                /* noncharacters */
    if ((cp & 0xfffe) == 0xfffe) return 1;                     /* U+xFFFE, U+xFFFF */
    if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 1;   /* bidi */
    return 0;
}

static void put_cp(StrBuf *out, uint32_t cp)
{
    switch (cp) {
    case '&': sb_puts(out, "&amp;"); return;
    case '<': sb_puts(out, "&lt;"); return;
    case '>': sb_puts(out, "&gt;"); return;
    case '"': sb_puts(out, "&quot;"); return;
    case '\'': sb_puts(out, "&#39;"); return;
    default: break;
    }
    canvas_utf8_put(out, bad_cp(cp) ? 0xfffd : cp);
}

void export_escape(StrBuf *out, const char *s, size_t len)
{
    while (len > 0) {
        uint32_t cp;
        size_t n = canvas_utf8_decode(s, len, &cp);
        if (!(cp == '\r' && len > 1 && s[1] == '\n')) put_cp(out, cp);   /* CRLF: one line end */
        s += n;
        len -= n;
    }
}

static void esc(StrBuf *out, const char *s)
{
    if (s) export_escape(out, s, strlen(s));
}

/* --------------------------------------------------------------- frames */

typedef struct {
    int step, revealed, hold_pct;
    Canvas *canvas;
    char *answer, *output, *say;
    int line;
} XFrame;

typedef struct {
    char *question, *notes;
    int line, line_end;
} XStep;

typedef struct {
    XFrame *f;
    int n, cap;
    int cols, rows, nsteps;
    char *id, *title, *summary, *source;
    XStep *steps;          /* 1..nsteps (index 0 unused) */
} Export;

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

static int collect_cb(void *ctx, const AppFrame *fr)
{
    Export *x = ctx;
    if (!x->title) {
        const Lesson *l = fr->lesson;
        x->nsteps = fr->nsteps;
        x->id = xstrdup(l && l->id ? l->id : "lesson");
        x->title = xstrdup(fr->title ? fr->title : "");
        x->summary = xstrdup(l && l->summary ? l->summary : "");
        x->source = xstrdup(l && l->source ? l->source : "");
        x->steps = xcalloc((size_t)x->nsteps + 1, sizeof *x->steps);
        for (int k = 1; l && k <= x->nsteps && k <= l->nsteps; k++) {
            const LessonStep *st = &l->steps[k - 1];
            x->steps[k] = (XStep){dup_or_null(st->ask_question), dup_or_null(st->notes), st->line,
                                  st->line_end};
        }
    }
    if (fr->phase >= 0) return 0;   /* end states only */
    if (fr->step >= 1 && fr->step <= x->nsteps && !x->steps[fr->step].line) {
        x->steps[fr->step].line = fr->line;      /* a script's step: the line that ran */
        x->steps[fr->step].line_end = fr->line;
    }
    if (x->n == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 32;
        x->f = xrealloc(x->f, (size_t)x->cap * sizeof *x->f);
    }
    x->f[x->n++] = (XFrame){fr->step, fr->stage > 0, fr->hold_pct, canvas_copy(fr->canvas), dup_or_null(fr->answer),
                            dup_or_null(fr->output), dup_or_null(fr->say), fr->line};
    return 0;
}

static void export_free(Export *x)
{
    for (int i = 0; i < x->n; i++) {
        canvas_free(x->f[i].canvas);
        free(x->f[i].answer);
        free(x->f[i].output);
        free(x->f[i].say);
    }
    free(x->f);
    for (int k = 0; x->steps && k <= x->nsteps; k++) {
        free(x->steps[k].question);
        free(x->steps[k].notes);
    }
    free(x->steps);
    free(x->id);
    free(x->title);
    free(x->summary);
    free(x->source);
}

/* -------------------------------------------------------------- colours */

/* The palette a terminal would have (One Dark; One Light for a light page):
 * ANSI 0-15, then the default foreground and background. */
static const char *const dark[18] = {
    "#3f4451", "#e06c75", "#98c379", "#d19a66", "#61afef", "#c678dd", "#56b6c2", "#dcdfe4",
    "#5c6370", "#ff7b86", "#b5e890", "#f0c08a", "#8cc8ff", "#e3a6ff", "#7fd8e3", "#ffffff",
    "#dcdfe4", "#1e2127",
};
static const char *const light[18] = {
    "#383a42", "#d0393f", "#3f8f3e", "#986801", "#4078f2", "#a626a4", "#0184bc", "#a0a1a7",
    "#696c77", "#e45649", "#50a14f", "#c18401", "#2f6fe0", "#b93cb7", "#0997b3", "#fafafa",
    "#383a42", "#fafafa",
};

/* Distinct resolved looks, each one class (k0, k1, ...). */
typedef struct {
    StyleSpec *s;
    int n, cap;
} Looks;

static int plain(StyleSpec s) { return s.fg < 0 && s.bg < 0 && s.attrs == 0; }

static int look_of(Looks *lk, StyleSpec s)
{
    if (plain(s)) return -1;
    for (int i = 0; i < lk->n; i++)
        if (lk->s[i].fg == s.fg && lk->s[i].bg == s.bg && lk->s[i].attrs == s.attrs) return i;
    if (lk->n == lk->cap) {
        lk->cap = lk->cap ? 2 * lk->cap : 32;
        lk->s = xrealloc(lk->s, (size_t)lk->cap * sizeof *lk->s);
    }
    lk->s[lk->n] = s;
    return lk->n++;
}

static StyleSpec cell_look(const Cell *c) { return canvas_style_resolve(SCHEME_NORMAL, c->style); }

/* The colour a look paints its text with and (reverse, or a background)
 * behind it: CSS values; *back NULL when there is no background. */
static void look_colours(StyleSpec s, int svg, const char **fore, const char **back)
{
    static char f[24], b[24];
    if (svg) {
        snprintf(f, sizeof f, "%s", s.fg < 0 ? dark[16] : dark[s.fg & 15]);
        snprintf(b, sizeof b, "%s", s.bg < 0 ? dark[17] : dark[s.bg & 15]);
    } else {
        if (s.fg < 0) snprintf(f, sizeof f, "var(--fg)");
        else snprintf(f, sizeof f, "var(--c%d)", s.fg & 15);
        if (s.bg < 0) snprintf(b, sizeof b, "var(--bg)");
        else snprintf(b, sizeof b, "var(--c%d)", s.bg & 15);
    }
    if (s.attrs & CF_REVERSE) {
        *fore = b;
        *back = f;
    } else {
        *fore = f;
        *back = s.bg < 0 ? NULL : b;
    }
}

static void looks_css(StrBuf *o, const Looks *lk, int svg)
{
    for (int i = 0; i < lk->n; i++) {
        StyleSpec s = lk->s[i];
        const char *fore, *back;
        look_colours(s, svg, &fore, &back);
        sb_printf(o, ".k%d{%s:%s", i, svg ? "fill" : "color", fore);
        if (back && !svg) sb_printf(o, ";background:%s", back);
        if (s.attrs & CF_BOLD) sb_puts(o, ";font-weight:bold");
        if (s.attrs & CF_DIM) sb_puts(o, ";opacity:.6");
        if (s.attrs & CF_UNDERLINE) sb_puts(o, ";text-decoration:underline");
        sb_puts(o, "}\n");
        if (back && svg) sb_printf(o, ".b%d{fill:%s}\n", i, back);
    }
}

/* Trailing cells that show nothing (as canvas.c's ANSI output trims). */
static int row_end(const Cell *row, int w)
{
    while (w > 0) {
        const Cell *c = &row[w - 1];
        StyleSpec s = cell_look(c);
        if (c->cp != ' ' || s.bg >= 0 || (s.attrs & (CF_REVERSE | CF_UNDERLINE))) break;
        w--;
    }
    return w;
}

static void put_cell(StrBuf *o, uint32_t cp)
{
    if (cp == '\'' || cp == '"') canvas_utf8_put(o, cp);   /* text, not an attribute */
    else put_cp(o, cp);
}

/* A canvas as the rows of a <pre>: one span per run of one look. */
static void html_canvas(StrBuf *o, const Canvas *c, Looks *lk)
{
    for (int y = 0; y < c->h; y++) {
        const Cell *row = &c->cells[(size_t)y * (size_t)c->w];
        int end = row_end(row, c->w);
        for (int x = 0; x < end;) {
            if (row[x].cp == CANVAS_CONT) { x++; continue; }
            int k = look_of(lk, cell_look(&row[x]));
            if (k >= 0) sb_printf(o, "<span class=\"k%d\">", k);
            for (; x < end; x++) {
                if (row[x].cp == CANVAS_CONT) continue;
                if (look_of(lk, cell_look(&row[x])) != k) break;
                if (x + 1 < c->w && row[x + 1].cp == CANVAS_CONT) {
                    sb_puts(o, "<span class=\"w\">");   /* a wide character: two columns */
                    put_cell(o, row[x].cp);
                    sb_puts(o, "</span>");
                } else {
                    put_cell(o, row[x].cp);
                }
            }
            if (k >= 0) sb_puts(o, "</span>");
        }
        sb_putc(o, '\n');
    }
}

/* ----------------------------------------------------------------- HTML */

static const char page_css[] =
    ":root{color-scheme:dark light;--bg:#1e2127;--fg:#dcdfe4;--panel:#262a31;--line:#3f4451;"
    "--accent:#61afef;--cur:#2c323c}\n"
    "@media (prefers-color-scheme: light){:root{--bg:#fafafa;--fg:#383a42;--panel:#f0f0f1;"
    "--line:#d4d4d8;--accent:#2f6fe0;--cur:#e5e9f0}}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"
    "'Segoe UI',sans-serif}\n"
    "header,nav,#lesson{max-width:1400px;margin:0 auto;padding:0 1rem}\n"
    "h1{font-size:1.5rem;margin:1rem 0 .25rem}h2{font-size:1.1rem;margin:.5rem 0}\n"
    "h3{font-size:.9rem;margin:.75rem 0 .25rem;text-transform:uppercase;letter-spacing:.05em}\n"
    ".summary{margin:0 0 .5rem;max-width:70ch}\n"
    "nav{position:sticky;top:0;background:var(--bg);padding:.5rem 1rem;display:flex;gap:.5rem;"
    "align-items:center;flex-wrap:wrap;z-index:1;border-bottom:1px solid var(--line)}\n"
    "button{font:inherit;color:inherit;background:var(--panel);border:1px solid var(--line);"
    "border-radius:6px;padding:.25rem .75rem;cursor:pointer}\n"
    "button:disabled{opacity:.4;cursor:default}\n"
    "button:focus-visible,summary:focus-visible,a:focus-visible{outline:2px solid var(--accent)}\n"
    "#counter{font-variant-numeric:tabular-nums;min-width:7em;text-align:center}\n"
    ".keys{opacity:.7;font-size:.85rem}\n"
    "#lesson{display:grid;grid-template-columns:minmax(0,auto) minmax(16rem,1fr);gap:1.5rem;"
    "align-items:start;padding-top:1rem;padding-bottom:2rem}\n"
    "@media (max-width:1100px){#lesson{grid-template-columns:minmax(0,1fr)}}\n"
    ".term{font:14px/1.2 ui-monospace,'DejaVu Sans Mono','Cascadia Mono',Menlo,Consolas,"
    "monospace;background:var(--bg);color:var(--fg);margin:0;padding:.5rem;"
    "border:1px solid var(--line);border-radius:6px;overflow-x:auto;white-space:pre}\n"
    ".w{display:inline-block;width:2ch}\n"
    ".text{max-width:80ch}.text p{white-space:pre-line}\n"
    ".question{font-weight:bold;color:var(--c6)}\n"
    ".answer{font-weight:bold;color:var(--c2)}\n"
    "details.reveal summary{cursor:pointer;color:var(--accent)}\n"
    ".output pre{margin:0;padding:.25rem .5rem;background:var(--panel);border-radius:4px;"
    "white-space:pre-wrap}\n"
    "aside{position:sticky;top:3.5rem;max-height:calc(100vh - 4rem);overflow:auto}\n"
    "pre.source{font:13px/1.4 ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;"
    "margin:0;padding:.25rem 0;background:var(--panel);border-radius:6px;overflow-x:auto}\n"
    ".ln{display:block;padding:0 .5rem;white-space:pre}.ln .no{opacity:.55;"
    "user-select:none}\n"
    ".ln.cur{background:var(--cur);box-shadow:inset 3px 0 var(--accent)}\n"
    "ol.outline{margin:0;padding:0;list-style:none;font-size:.9rem}\n"
    "ol.outline a{display:block;padding:.15rem .5rem;color:inherit;text-decoration:none;"
    "border-radius:4px}\n"
    "ol.outline a:hover{background:var(--panel)}\n"
    "ol.outline li.cur a{background:var(--cur);box-shadow:inset 3px 0 var(--accent)}\n"
    "ol.outline .n{display:inline-block;min-width:2.5em;opacity:.7;"
    "font-variant-numeric:tabular-nums}\n"
    "[hidden]{display:none!important}\n";

/* The page's behaviour.  Keys and buttons step through the sections the
 * HTML holds; Enter (or a) shows a question's answer.  ?keys=K1,K2,...
 * replays key names (KeyboardEvent.key; Space for ' ') through the same
 * handler once the page has loaded: the browser test's way in. */
static const char page_js[] =
    "(function(){'use strict';\n"
    "var steps=[].slice.call(document.querySelectorAll('section.step'));\n"
    "var last=steps.length-1,cur=0;\n"
    "var lines=[].slice.call(document.querySelectorAll('#source .ln'));\n"
    "var items=[].slice.call(document.querySelectorAll('#outline li'));\n"
    "var $=function(id){return document.getElementById(id);};\n"
    "function frames(sec){var d=sec.querySelector('details.reveal'),a=sec.querySelector('.term.asked'),"
    "r=sec.querySelector('.term.revealed');if(d&&a&&r){a.hidden=d.open;r.hidden=!d.open;}}\n"
    "function reveal(){var sec=steps[cur],d=sec.querySelector('details.reveal');"
    "if(d){d.open=!d.open;frames(sec);}}\n"
    "function show(k){k=Math.max(0,Math.min(last,k));cur=k;\n"
    " steps.forEach(function(s,i){s.hidden=i!==k;});\n"
    " var sec=steps[k],l0=+sec.getAttribute('data-line')||0,l1=+sec.getAttribute('data-line-end')||l0;\n"
    " lines.forEach(function(el){var l=+el.getAttribute('data-line');el.classList.toggle('cur',l0>0&&l>=l0&&l<=l1);});\n"
    " items.forEach(function(li,i){li.classList.toggle('cur',i===k);"
    "if(i===k)li.setAttribute('aria-current','step');else li.removeAttribute('aria-current');});\n"
    " $('counter').textContent='step '+k+'/'+last;\n"
    " $('first').disabled=$('prev').disabled=k===0;$('next').disabled=$('last').disabled=k===last;\n"
    " frames(sec);\n"
    " if(history.replaceState)history.replaceState(null,'',location.pathname+location.search+'#step-'+k);}\n"
    "function key(e){if(e.altKey||e.ctrlKey||e.metaKey)return;var k=e.key,t=e.target;\n"
    " if((k==='Enter'||k===' ')&&t&&t.closest&&t.closest('button,summary,a'))return;\n"
    " if(k==='ArrowRight'||k===' '||k==='l'||k==='PageDown')show(cur+1);\n"
    " else if(k==='ArrowLeft'||k==='h'||k==='Backspace'||k==='PageUp')show(cur-1);\n"
    " else if(k==='Home'||k==='g')show(0);\n"
    " else if(k==='End'||k==='G')show(last);\n"
    " else if(k==='Enter'||k==='a')reveal();\n"
    " else return;\n"
    " e.preventDefault();}\n"
    "document.addEventListener('keydown',key);\n"
    "$('first').onclick=function(){show(0);};$('prev').onclick=function(){show(cur-1);};\n"
    "$('next').onclick=function(){show(cur+1);};$('last').onclick=function(){show(last);};\n"
    "steps.forEach(function(sec){var d=sec.querySelector('details.reveal');"
    "if(d)d.addEventListener('toggle',function(){frames(sec);});});\n"
    "function fromHash(){var m=/^#step-(\\d+)$/.exec(location.hash);show(m?+m[1]:cur);}\n"
    "window.addEventListener('hashchange',fromHash);\n"
    "fromHash();\n"
    "var q=/[?&]keys=([^&#]*)/.exec(location.search);\n"
    "if(q)decodeURIComponent(q[1]).split(',').forEach(function(n){if(!n)return;\n"
    " document.dispatchEvent(new KeyboardEvent('keydown',{key:n==='Space'?' ':n,bubbles:true,cancelable:true}));});\n"
    "})();\n";

/* The first words of a narration, for the outline: up to about 60 bytes,
 * whole words, "…" when cut. */
static void first_words(StrBuf *o, const char *s)
{
    size_t used = 0;
    int words = 0;
    while (s && *s) {
        while (*s == ' ' || *s == '\n' || *s == '\t') s++;
        size_t n = strcspn(s, " \n\t");
        if (!n) break;
        if (words > 0 && used + n > 60) {
            sb_puts(o, " …");
            return;
        }
        if (words++) sb_putc(o, ' ');
        export_escape(o, s, n);
        used += n + 1;
        s += n;
    }
}

static void html_text(StrBuf *o, const Export *x, const XFrame *f, const XFrame *rev)
{
    int k = f->step;
    const XStep *st = k >= 1 && k <= x->nsteps ? &x->steps[k] : NULL;
    sb_puts(o, "<div class=\"text\">\n");
    const char *say = f->say;
    StrBuf ran = {0};
    if (k == 0) {
        say = "Nothing has run yet: → or Space runs the first step.";
    } else if (!say || !*say) {
        if (f->line > 0) sb_printf(&ran, "Line %d ran.", f->line);
        say = ran.s;
    }
    if (st && st->question && rev) {
        sb_puts(o, "<p class=\"question\">");
        esc(o, st->question);
        sb_puts(o, "</p>\n<details class=\"reveal\"><summary>Show the answer</summary>\n<p class=\"answer\">");
        esc(o, rev->answer);
        sb_puts(o, "</p>\n");
    }
    if (say && *say) {
        sb_puts(o, "<p class=\"say\">");
        esc(o, say);
        sb_puts(o, "</p>\n");
    }
    if (f->output && *f->output) {
        sb_puts(o, "<div class=\"output\"><h3>output</h3><pre>");
        esc(o, f->output);
        sb_puts(o, "</pre></div>\n");
    }
    if (st && st->question && rev) sb_puts(o, "</details>\n");
    sb_puts(o, "</div>\n");
    sb_free(&ran);
}

static void build_html(const Export *x, StrBuf *o)
{
    Looks lk = {0};
    StrBuf body = {0};
    /* the steps, each a section with its frame(s) and text */
    sb_puts(&body, "<div id=\"stage\">\n");
    for (int i = 0; i < x->n; i++) {
        const XFrame *f = &x->f[i];
        if (f->revealed) continue;
        const XFrame *rev = i + 1 < x->n && x->f[i + 1].revealed ? &x->f[i + 1] : NULL;
        int k = f->step;
        const XStep *st = k >= 1 && k <= x->nsteps ? &x->steps[k] : NULL;
        int line = st ? st->line : 0, line_end = st && st->line_end ? st->line_end : line;
        sb_printf(&body, "<section class=\"step\" id=\"step-%d\" data-step=\"%d\" data-line=\"%d\" "
                         "data-line-end=\"%d\">\n", k, k, line, line_end);
        if (k == 0) sb_printf(&body, "<h2>Before the first step (%d steps)</h2>\n", x->nsteps);
        else if (line > 0) sb_printf(&body, "<h2>Step %d of %d · line %d</h2>\n", k, x->nsteps, line);
        else sb_printf(&body, "<h2>Step %d of %d</h2>\n", k, x->nsteps);
        sb_printf(&body, "<pre class=\"term asked\" role=\"img\" aria-label=\"the screen at step %d\">", k);
        html_canvas(&body, f->canvas, &lk);
        sb_puts(&body, "</pre>\n");
        if (rev) {
            sb_printf(&body, "<pre class=\"term revealed\" role=\"img\" aria-label=\"the screen at step %d, "
                             "answered\" hidden>", k);
            html_canvas(&body, rev->canvas, &lk);
            sb_puts(&body, "</pre>\n");
        }
        html_text(&body, x, f, rev);
        sb_puts(&body, "</section>\n");
    }
    sb_puts(&body, "</div>\n");

    /* the page */
    sb_puts(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
               "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"generator\" content=\"memtutor " EXPORT_VERSION "\">\n<title>memtutor · ");
    esc(o, x->title);
    sb_puts(o, "</title>\n<style>\n");
    sb_puts(o, page_css);
    sb_puts(o, ":root{");
    for (int i = 0; i < 16; i++) sb_printf(o, "--c%d:%s;", i, dark[i]);
    sb_puts(o, "}\n@media (prefers-color-scheme: light){:root{");
    for (int i = 0; i < 16; i++) sb_printf(o, "--c%d:%s;", i, light[i]);
    sb_puts(o, "}}\n");
    looks_css(o, &lk, 0);
    sb_puts(o, "</style>\n</head>\n<body>\n<header>\n<h1>");
    esc(o, x->title);
    sb_puts(o, "</h1>\n");
    if (x->summary && *x->summary) {
        sb_puts(o, "<p class=\"summary\">");
        esc(o, x->summary);
        sb_puts(o, "</p>\n");
    }
    sb_puts(o, "</header>\n<nav aria-label=\"steps\">\n"
               "<button id=\"first\" title=\"first step (Home)\">« first</button>\n"
               "<button id=\"prev\" title=\"previous step (←)\">← back</button>\n"
               "<span id=\"counter\" aria-live=\"polite\">step 0</span>\n"
               "<button id=\"next\" title=\"next step (→ or Space)\">next →</button>\n"
               "<button id=\"last\" title=\"last step (End)\">last »</button>\n"
               "<span class=\"keys\">keys: → Space next · ← back · Home End · Enter shows an answer</span>\n"
               "</nav>\n<div id=\"lesson\">\n");
    sb_put(o, body.s, body.len);
    /* the source and the outline */
    sb_puts(o, "<aside>\n<h3>source</h3>\n<pre class=\"source\" id=\"source\">");
    const char *src = x->source ? x->source : "";
    for (int ln = 1; *src; ln++) {
        size_t n = strcspn(src, "\n");
        sb_printf(o, "<span class=\"ln\" data-line=\"%d\"><span class=\"no\">%3d  </span>", ln, ln);
        export_escape(o, src, n);
        sb_puts(o, "</span>");
        src += n;
        if (*src == '\n') src++;
    }
    sb_puts(o, "</pre>\n<h3>steps</h3>\n<ol class=\"outline\" id=\"outline\" start=\"0\">\n");
    for (int i = 0; i < x->n; i++) {
        const XFrame *f = &x->f[i];
        if (f->revealed) continue;
        int k = f->step;
        const XStep *st = k >= 1 && k <= x->nsteps ? &x->steps[k] : NULL;
        sb_printf(o, "<li><a href=\"#step-%d\"><span class=\"n\">%d</span>", k, k);
        if (k == 0) sb_puts(o, "start");
        else {
            if (st && st->line > 0) sb_printf(o, "line %d · ", st->line);
            first_words(o, f->say);
            if (st && st->question) sb_puts(o, " (question)");
        }
        sb_puts(o, "</a></li>\n");
    }
    sb_puts(o, "</ol>\n</aside>\n</div>\n<script>\n");
    sb_puts(o, page_js);
    sb_puts(o, "</script>\n</body>\n</html>\n");
    sb_free(&body);
    free(lk.s);
}

/* ------------------------------------------------------------------ SVG */

/* Units: a cell is CW x CH (font size 10, 1.2 line height); the picture is
 * scaled so that the font is 14 px. */
#define CW 6
#define CH 12
#define BASELINE 9

static void svg_canvas(StrBuf *o, const Canvas *c, Looks *lk)
{
    for (int y = 0; y < c->h; y++) {
        const Cell *row = &c->cells[(size_t)y * (size_t)c->w];
        int end = row_end(row, c->w);
        for (int x = 0; x < end;) {
            StyleSpec s = cell_look(&row[x]);
            int k = look_of(lk, s);
            int x0 = x, blank = 1;
            for (; x < end; x++) {
                if (row[x].cp == CANVAS_CONT) continue;
                if (look_of(lk, cell_look(&row[x])) != k) break;
                if (row[x].cp != ' ') blank = 0;
            }
            const char *fore, *back;
            look_colours(s, 1, &fore, &back);
            if (back)
                sb_printf(o, "<rect class=\"b%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", k, x0 * CW, y * CH,
                          (x - x0) * CW, CH);
            if (blank) continue;
            /* runs start at their column; textLength keeps them to the grid
             * whatever the font's advance */
            if (k >= 0) sb_printf(o, "<text class=\"k%d\"", k);
            else sb_puts(o, "<text");
            sb_printf(o, " x=\"%d\" y=\"%d\" textLength=\"%d\">", x0 * CW, y * CH + BASELINE, (x - x0) * CW);
            for (int i = x0; i < x; i++)
                if (row[i].cp != CANVAS_CONT) put_cell(o, row[i].cp);
            sb_puts(o, "</text>");
        }
        sb_putc(o, '\n');
    }
}

static void put_pct(StrBuf *o, long long t, long long total)
{
    long long m = total > 0 ? t * 100000 / total : 0;   /* thousandths of a percent */
    sb_printf(o, "%lld.%03lld%%", m / 1000, m % 1000);
}

/* How long frame i shows: its share of the delay between steps (a question's
 * stages hold as autoplay holds them), the last one end_ms. */
static long long frame_ms(const Export *x, int i, int delay_ms, int end_ms)
{
    if (i == x->n - 1) return end_ms;
    int pct = x->f[i].hold_pct > 0 ? x->f[i].hold_pct : 100;
    long long ms = (long long)delay_ms * pct / 100;
    return ms > 0 ? ms : 1;
}

static void build_svg(const Export *x, int delay_ms, int end_ms, StrBuf *o)
{
    Looks lk = {0};
    StrBuf reel = {0};
    int w = x->cols * CW, h = x->rows * CH;
    long long total = 0;
    for (int i = 0; i < x->n; i++) {
        sb_printf(&reel, "<g transform=\"translate(0 %d)\">\n", i * h);
        svg_canvas(&reel, x->f[i].canvas, &lk);
        sb_puts(&reel, "</g>\n");
        total += frame_ms(x, i, delay_ms, end_ms);
    }
    sb_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                 "xml:space=\"preserve\" font-family=\"ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace\" "
                 "font-size=\"10\" role=\"img\" aria-label=\"memtutor · ",
              (w * 14 + 5) / 10, (h * 14 + 5) / 10, w, h);
    esc(o, x->title);
    sb_puts(o, "\">\n<title>memtutor · ");
    esc(o, x->title);
    sb_printf(o, "</title>\n<desc>%d steps of the lesson ", x->nsteps);
    esc(o, x->id);
    sb_printf(o, ", as autoplay plays it (a question: asked, then answered, then the narration), %d ms a step; made by memtutor " EXPORT_VERSION
                 "</desc>\n<style>\ntext{fill:%s;white-space:pre}\nrect{shape-rendering:crispEdges}\n", delay_ms, dark[16]);
    looks_css(o, &lk, 1);
    if (x->n > 1) {
        sb_printf(o, ".reel{animation:reel %lldms steps(1,end) infinite}\n@keyframes reel{", total);
        long long t = 0;
        for (int i = 0; i < x->n; i++) {
            put_pct(o, t, total);
            sb_printf(o, "{transform:translateY(%dpx)}", -i * h);
            t += frame_ms(x, i, delay_ms, end_ms);
        }
        sb_printf(o, "100%%{transform:translateY(%dpx)}}\n", -(x->n - 1) * h);
        sb_puts(o, "@media (prefers-reduced-motion:reduce){.reel{animation:none}}\n");
    }
    sb_printf(o, "</style>\n<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", w, h, dark[17]);
    sb_printf(o, "<svg width=\"%d\" height=\"%d\">\n<g class=\"reel\">\n", w, h);
    sb_put(o, reel.s, reel.len);
    sb_puts(o, "</g>\n</svg>\n</svg>\n");
    sb_free(&reel);
    free(lk.s);
}

/* -------------------------------------------------------------- command */

static int usage_error(const char *msg)
{
    /* one line, as every other command's usage error (the usage is in --help) */
    fprintf(stderr, "memtutor: export: %s\n", msg);
    return 2;
}

/* milliseconds, 1 .. 600000 */
static int parse_ms(const char *s, int *out)
{
    long long v;
    if (opt_parse_count(s, 1, 600000, &v) < 0) return -1;
    *out = (int)v;
    return 0;
}

int export_main(int argc, char **argv)
{
    const char *target = NULL, *path = NULL, *format = NULL;
    int cols = 100, rows = 30, delay_ms = 2500, end_ms = 5000;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "-o") && more) path = argv[++i];
        else if (!strcmp(a, "--format") && more) {
            format = argv[++i];
            if (strcmp(format, "html") && strcmp(format, "svg")) return usage_error("--format: expected html or svg");
        } else if (!strncmp(a, "--format=", 9)) {
            format = a + 9;
            if (strcmp(format, "html") && strcmp(format, "svg")) return usage_error("--format: expected html or svg");
        } else if (!strcmp(a, "--size") && more) {
            if (opt_parse_cols_rows(argv[++i], &cols, &rows) < 0)
                return usage_error("--size: expected COLSxROWS, e.g. 100x30");
        } else if (!strcmp(a, "--delay") && more) {
            if (parse_ms(argv[++i], &delay_ms) < 0) return usage_error("--delay: expected milliseconds (1 to 600000)");
        } else if (!strcmp(a, "--end-delay") && more) {
            if (parse_ms(argv[++i], &end_ms) < 0)
                return usage_error("--end-delay: expected milliseconds (1 to 600000)");
        } else if (a[0] == '-' && a[1]) {
            StrBuf m = {0};
            sb_printf(&m, "unknown option %s, or it needs a value", a);
            int rc = usage_error(m.s);
            sb_free(&m);
            return rc;
        } else if (!target) target = a;
        else return usage_error("one TARGET at a time");
    }
    if (!target) return usage_error("missing TARGET");
    if (!path || !*path) return usage_error("missing -o FILE.html or -o FILE.svg");
    if (!format) {
        size_t n = strlen(path);
        format = n > 4 && !strcasecmp(path + n - 4, ".svg") ? "svg" : "html";
    }
    Export x = {.cols = cols, .rows = rows};
    StrBuf err = {0};
    /* the page: the frames render draws (key hints kept, questions asked),
       each question once more answered; the SVG: the frames record draws */
    int svg = !strcmp(format, "svg");
    AppFrameOptions fo = {.cols = cols, .rows = rows, .reveal = !svg, .hints = !svg};
    int rc = app_frames(target, &fo, collect_cb, &x, &err);
    if (rc) {
        error_report(err.len ? err.s : "export failed");
        sb_free(&err);
        export_free(&x);
        return rc;
    }
    StrBuf out = {0};
    if (svg) build_svg(&x, delay_ms, end_ms, &out);
    else build_html(&x, &out);
    /* a lesson or script given as a file is never written over */
    struct stat st;
    const char *input = stat(target, &st) == 0 ? target : NULL;
    OutFile of;
    int wrote = outfile_open(&of, path, input, &err) == 0;
    if (wrote && fwrite(out.s, 1, out.len, of.f) != out.len) {
        sb_printf(&err, "%s: write failed", path);
        outfile_abort(&of);
        wrote = 0;
    } else if (wrote && outfile_commit(&of, &err) < 0) {
        wrote = 0;
    }
    if (!wrote) {
        fprintf(stderr, "memtutor: export: %s\n", err.s);
        rc = 2;
    } else {
        char nb[32];
        FILE *rep = strcmp(path, "-") ? stdout : stderr;
        fprintf(rep, "wrote %s: %s, %d steps, %d frames, %s bytes\n", path,
                !strcmp(format, "svg") ? "animated SVG" : "self-contained HTML page", x.nsteps, x.n,
                fmt_thousands(nb, (int64_t)out.len));
    }
    sb_free(&out);
    sb_free(&err);
    export_free(&x);
    return rc;
}
