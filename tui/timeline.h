/* A step's timeline: the heap pane's picture after each of the step's
 * events, taken while the step runs (the heap's on_event hook, sim/heap.h),
 * so that every frame is drawn from the state at that event (a call's frame
 * with its parameters, objects not yet made or already freed) rather than
 * from the end of the step; and the step's events as a list in words.
 * Pure: it holds Graphs and draws on a Canvas. */
#ifndef MEMTUTOR_TIMELINE_H
#define MEMTUTOR_TIMELINE_H
#include <stdint.h>

#include "canvas.h"
#include "graph.h"
#include "heap.h"
#include "layout.h"

/* The picture of the heap after `phase` events of log (the heap as it is
 * now), laid out no box higher than in prev (the frame before, or NULL);
 * NULL: nothing worth a frame. */
typedef Graph *(*timeline_build_fn)(void *ctx, const EventLog *log, uint32_t phase, const Graph *prev);

typedef struct TimelineFrame {
    uint32_t event;          /* the frame after this many events (1..) */
    Graph *g;
    int64_t live, bytes;     /* the heap's totals then */
} TimelineFrame;

#define TIMELINE_MAX_FRAMES 400   /* frames kept per step; later events show in the end state */

typedef struct Timeline {
    TimelineFrame *f;
    int n, cap;
    int cur;                 /* frame shown, or -1: the step's end state */
    uint32_t want;           /* capture only the frame after event `want`; 0: every shown event */
    Graph *hint;             /* want: the last frame before it that the TUI would keep (its layout) */
    timeline_build_fn build;
    void *ctx;
} Timeline;

/* Capture while the heap runs a step: frames after each event whose object
 * the picture shows (and each collector event), up to TIMELINE_MAX_FRAMES.
 * Clears what was captured before.  timeline_end detaches the hook and adds
 * the frame after the last event (built from the heap as the step left it). */
void timeline_begin(Timeline *t, Heap *h, timeline_build_fn build, void *ctx, uint32_t want);
void timeline_end(Timeline *t, Heap *h);
void timeline_clear(Timeline *t);

/* The frame after event k (exactly), or NULL. */
const TimelineFrame *timeline_frame_at(const Timeline *t, uint32_t k);

/* The step's events in words, one a line, the current one (`cur`, 1-based
 * event number; 0: none) marked and scrolled into view, folded events as
 * one summary line per kind and type.  symname: attribute and name text. */
void timeline_draw_list(Canvas *c, Rect r, const EventLog *log, uint32_t cur, const char *source,
                        const char *(*symname)(void *ctx, Sym s), void *ctx, int ascii);

/* Event i of log in words, e.g. "+1 list → refs 5 · parameter x of peek"
 * (source: the program, to name the function a parameter belongs to). */
void timeline_event_text(const EventLog *log, uint32_t i, const char *source,
                         const char *(*symname)(void *ctx, Sym s), void *ctx, StrBuf *out);

#endif
