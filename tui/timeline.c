/* The step's timeline (see timeline.h): pictures taken from the heap's
 * on_event hook while the step runs, and the event list. */
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Builds tried per step: a step of thousands of events keeps its first
 * frames and shows the rest in its end state (as the log folds them). */
#define MAX_BUILDS (2 * TIMELINE_MAX_FRAMES)
/* ... and a picture costs about what the heap holds (the walk for objects
 * no name reaches): in a heap of a million objects a step keeps its first
 * few frames only */
#define WORK_BUDGET 8000000

typedef struct { Timeline *t; int builds, kept; int64_t work; } Capture;
static Capture capture_state;   /* one step runs at a time */

static int is_gc_event(const Event *e)
{
    return e->kind == EV_GC_BEGIN || e->kind == EV_GC_PASS || e->kind == EV_GC_END ||
           e->kind == EV_GC_REFS || e->kind == EV_GC_UNREACHABLE;
}

static void frame_add(Timeline *t, uint32_t event, Graph *g, const Heap *h)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 32;
        t->f = xrealloc(t->f, (size_t)t->cap * sizeof(TimelineFrame));
    }
    t->f[t->n++] = (TimelineFrame){event, g, h->live_total, h->bytes_total};
}

/* Frame after `done` events, if it shows the last of them.  With want,
 * the frames before it are built as without (each one's layout follows
 * the one before), only the last kept, so that render --event K draws
 * exactly the TUI's frame K. */
static void take(Timeline *t, Heap *h, const EventLog *log, uint32_t done)
{
    if (done == 0 || done > log->n) return;
    if (t->want && done > t->want) return;
    int last = t->want && done == t->want;
    if (!last && (capture_state.kept >= TIMELINE_MAX_FRAMES || capture_state.builds >= MAX_BUILDS ||
                  capture_state.work >= WORK_BUDGET))
        return;
    const Event *e = &log->ev[done - 1];
    capture_state.builds++;
    capture_state.work += h->live_total + 1000;
    const Graph *prev = t->want ? t->hint : t->n ? t->f[t->n - 1].g : NULL;
    Graph *g = t->build(t->ctx, log, done, prev);
    if (!g) return;
    if (last) {
        frame_add(t, done, g, h);
        return;
    }
    if (!is_gc_event(e) && !graph_has(g, e->serial)) {
        graph_free(g);   /* nothing the picture shows changed */
        return;
    }
    capture_state.kept++;
    if (t->want) {
        graph_free(t->hint);
        t->hint = g;
    } else {
        frame_add(t, done, g, h);
    }
}

static void on_event(void *ctx, Heap *h, const EventLog *log)
{
    Timeline *t = ctx;
    /* the event just logged has not taken effect: the picture is the one
       after the events before it */
    take(t, h, log, log->n - 1);
}

void timeline_clear(Timeline *t)
{
    for (int i = 0; i < t->n; i++) graph_free(t->f[i].g);
    free(t->f);
    t->f = NULL;
    t->n = t->cap = 0;
    t->cur = -1;
    graph_free(t->hint);
    t->hint = NULL;
}

void timeline_begin(Timeline *t, Heap *h, timeline_build_fn build, void *ctx, uint32_t want)
{
    timeline_clear(t);
    t->build = build;
    t->ctx = ctx;
    t->want = want;
    capture_state = (Capture){t, 0, 0, 0};
    h->on_event = on_event;
    h->on_event_ctx = t;
}

void timeline_end(Timeline *t, Heap *h)
{
    h->on_event = NULL;
    h->on_event_ctx = NULL;
    if (h->log) take(t, h, h->log, h->log->n);
    capture_state = (Capture){0};
}

const TimelineFrame *timeline_frame_at(const Timeline *t, uint32_t k)
{
    for (int i = 0; i < t->n; i++)
        if (t->f[i].event == k) return &t->f[i];
    return NULL;
}

/* ------------------------------------------------------------ the list */

static const char *pass_words(int pass)
{
    switch ((GCPass)pass) {
    case GCP_UPDATE_REFS: return "update_refs";
    case GCP_SUBTRACT_REFS: return "subtract_refs";
    case GCP_MOVE_UNREACHABLE: return "move_unreachable";
    case GCP_FINALIZE: return "finalize";
    case GCP_RESURRECT: return "resurrection check";
    case GCP_CLEAR: return "clear";
    case GCP_PROMOTE: return "survivors promoted";
    }
    return "?";
}

void timeline_event_text(const EventLog *log, uint32_t i, const char *source,
                         const char *(*symname)(void *ctx, Sym s), void *ctx, StrBuf *out)
{
    const Event *e = &log->ev[i];
    const char *tn = type_kind_name((ObjType)e->otype);
    char sz[32];
    switch ((EventKind)e->kind) {
    case EV_ALLOC:
        sb_printf(out, "new %s · %s", tn, fmt_bytes(sz, (uint64_t)(e->bytes < 0 ? 0 : e->bytes)));
        return;
    case EV_INCREF:
    case EV_DECREF:
        sb_printf(out, "%s %s → refs %lld · ", e->kind == EV_INCREF ? "+1" : "−1", tn, (long long)e->rc);
        graph_event_words_at(log, i, source, symname, ctx, out);
        return;
    case EV_FREE:
        sb_printf(out, "× %s freed · %s", tn, fmt_bytes(sz, (uint64_t)(e->bytes < 0 ? 0 : e->bytes)));
        return;
    case EV_FINALIZE: sb_printf(out, "__del__ of %s runs", tn); return;
    case EV_RESURRECT: sb_printf(out, "%s resurrected by __del__", tn); return;
    case EV_GC_BEGIN: sb_printf(out, "gc: collecting generation %d", e->sub); return;
    case EV_GC_REFS:
        sb_printf(out, "gc %s: %s gc_refs %lld", pass_words(e->sub), tn, (long long)e->rc);
        return;
    case EV_GC_PASS: sb_printf(out, "gc: %s done", pass_words(e->sub)); return;
    case EV_GC_UNREACHABLE: sb_printf(out, "gc: %s tentatively unreachable", tn); return;
    case EV_GC_END: sb_printf(out, "gc: done, %lld unreachable found", (long long)e->count); return;
    case EV_SUMMARY: case EV_COUNT: break;
    }
    sb_puts(out, "?");
}

void timeline_draw_list(Canvas *c, Rect r, const EventLog *log, uint32_t cur, const char *source,
                        const char *(*symname)(void *ctx, Sym s), void *ctx, int ascii)
{
    uint32_t n = log ? log->n : 0;
    int nfold = 0;
    if (log && log->folded)
        for (int k = 0; k < EV_COUNT; k++)
            for (int t = 0; t < T_COUNT; t++) nfold += log->fold_count[k][t] != 0;
    char title[64];
    if (cur) snprintf(title, sizeof title, "events · %u of %u", cur, n);
    else snprintf(title, sizeof title, "events · %u", n);
    canvas_box(c, r.x, r.y, r.w, r.h, STYLE_FRAME, title);
    int ih = r.h - 2, iw = r.w - 4;
    if (ih <= 0 || iw <= 0) return;
    int total = (int)n + nfold;
    if (total == 0) {
        canvas_put_utf8(c, r.x + 2, r.y + 1, "(no events in this step)", STYLE_DIM);
        return;
    }
    /* scrolled so that the current event sits in the middle when it can */
    int first = cur ? (int)cur - 1 - ih / 2 : 0;
    if (first > total - ih) first = total - ih;
    if (first < 0) first = 0;
    StrBuf b = {0};
    char num[32], sz[32];
    for (int row = 0; row < ih && first + row < total; row++) {
        int i = first + row;
        sb_clear(&b);
        Style st = STYLE_NORMAL;
        if (i < (int)n) {
            int mark = cur && (uint32_t)i + 1 == cur;
            sb_printf(&b, "%s%4d ", mark ? (ascii ? ">" : "▶") : " ", i + 1);
            timeline_event_text(log, (uint32_t)i, source, symname, ctx, &b);
            if (mark) st = STYLE_SELECTED | CF_REVERSE;
            else if ((uint32_t)i + 1 > cur && cur) st = STYLE_DIM;
        } else {
            /* the folded summaries, in kind and type order */
            int k0 = i - (int)n, seen = 0;
            for (int k = 0; k < EV_COUNT && !b.len; k++)
                for (int t = 0; t < T_COUNT && !b.len; t++) {
                    if (!log->fold_count[k][t]) continue;
                    if (seen++ != k0) continue;
                    static const char *what[EV_COUNT] = {
                        [EV_ALLOC] = "allocations", [EV_INCREF] = "+1s", [EV_DECREF] = "−1s",
                        [EV_FREE] = "frees", [EV_FINALIZE] = "__del__ calls",
                        [EV_GC_REFS] = "gc_refs updates", [EV_GC_UNREACHABLE] = "unreachable marks"};
                    sb_printf(&b, "   … %s %s of %s", fmt_thousands(num, log->fold_count[k][t]),
                              what[k] ? what[k] : "events", type_kind_name((ObjType)t));
                    if (log->fold_bytes[k][t])
                        sb_printf(&b, " · %s", fmt_bytes(sz, (uint64_t)log->fold_bytes[k][t]));
                }
            st = STYLE_DIM;
        }
        if (st & CF_REVERSE) canvas_fill(c, r.x + 1, r.y + 1 + row, r.w - 2, 1, ' ', st);
        canvas_put_utf8_fit(c, r.x + 2, r.y + 1 + row, b.s ? b.s : "", iw, st);
    }
    sb_free(&b);
    if (total > ih) {
        const char *hint = first + ih < total ? " ↓ more " : " ↑ ";
        canvas_put_utf8(c, r.x + r.w - 2 - canvas_text_width(hint), r.y + r.h - 1, hint, STYLE_DIM);
    }
}
