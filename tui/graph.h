/* The heap graph: frames (with their names) on the left, the objects they
 * reach as boxes to the right (type, refcount badge, size, small containers'
 * items), references as orthogonal arrows routed in channels beside the
 * object column so that they never pass through a box.  Pure: it reads the
 * simulated heap and the step's event log and draws on a Canvas.
 *
 * Positions are stable: objects are stacked in allocation order (serial), so
 * an object keeps its place relative to the others when unrelated objects
 * come and go, and an object freed in this step stays where it was, as a
 * ghost.  The same scene always gives the same picture. */
#ifndef MEMTUTOR_GRAPH_H
#define MEMTUTOR_GRAPH_H
#include <stdint.h>

#include "canvas.h"
#include "heap.h"

typedef struct GraphName {
    const char *name;
    Obj *obj;
} GraphName;

typedef struct GraphFrame {
    const char *title;          /* "globals", "f()" */
    const GraphName *names;     /* in binding order */
    int n;
} GraphFrame;

#define GRAPH_END UINT32_MAX

typedef struct GraphScene {
    Heap *heap;
    const GraphFrame *frames;   /* outermost first */
    int nframes;
    const EventLog *log;        /* this step's events, or NULL */
    uint32_t phase;             /* animating: events shown so far (0..log->n);
                                   GRAPH_END: the end state of the step */
    const char *source;         /* program text: reasons quote an event's line */
    /* repr() of a scalar for item text; NULL: type names only */
    void (*repr)(void *ctx, Obj *o, StrBuf *out);
    /* a symbol's text (attribute and class names); NULL: "?" */
    const char *(*symname)(void *ctx, Sym s);
    void *ctx;
    /* every external reference (interp_roots): objects no root reaches but
       still alive (a cycle whose names are gone) are shown too; NULL: not */
    void (*roots)(void *ctx, visit_fn visit, void *arg);
    const struct Graph *before; /* the previous step's end state, or NULL: names
                                   ghosts by their class and size */
    uint32_t selected;          /* serial of the selected object, 0: none */
    int width;                  /* room available (columns), to size the boxes */
    int max_depth;              /* 0: 4 levels of references from a name */
    int max_nodes;              /* 0: 40 boxes */
    int max_rows;               /* item rows a container shows (a short pane
                                   shows fewer); 0: 6 */
    /* look-alike unreachable groups (cycles) drawn one by one, not folded
       into one box: by the serial graph_is_group names them by */
    const uint32_t *expanded;
    int nexpanded;
    int compact;                /* a short pane's rows: when the frames would be
                                   taller, a frame's names of modules, classes
                                   and functions fold into one row ("also:
                                   sys, peek"); 0: never */
    int large;                  /* presenter mode: wider boxes, more room between them */
    int before_only;            /* a "before" picture: only what names ghosts (no
                                   summaries of big containers' items) */
    /* "why is it still alive?": a chain of references drawn in emphasis,
       from the name chain_root of frame chain_frame to chain[0], then each
       chain[i-1] -> chain[i]; nchain 0: none */
    const uint32_t *chain;
    int nchain;
    const char *chain_root;
    int chain_frame;
    const char *chain_note;     /* under the selected box: "alive through a['k'][0]" */
    /* the picture of the event before, within the same step, or NULL: no
       box moves up or left of where it was there, and the frames column
       keeps its width, so that objects do not jump between events */
    const struct Graph *prev;
} GraphScene;

typedef struct Graph Graph;

/* Lay out the scene.  Never NULL; free with graph_free. */
Graph *graph_build(const GraphScene *s);
void graph_free(Graph *g);

/* The laid-out size (cells). */
void graph_size(const Graph *g, int *w, int *h);

/* Draw the graph into the rectangle (x,y,w,h) of c, scrolled by (panx,pany)
 * (the graph cell shown at the rectangle's top-left corner); clipped to the
 * rectangle. */
void graph_draw(const Graph *g, Canvas *c, int x, int y, int w, int h, int panx, int pany);

/* The object whose box covers graph cell (gx,gy): its serial, or 0. */
uint32_t graph_hit(const Graph *g, int gx, int gy);

/* One line about the object with this serial (type, count and who holds it,
 * size) into out; returns 0, or -1 when it is not in the graph. */
int graph_describe(const Graph *g, uint32_t serial, StrBuf *out);

/* The rows its box takes (y, and h with its note), for the object with this
 * serial (a box or a ghost): 0, or -1 when it is not in the graph. */
int graph_node_rows(const Graph *g, uint32_t serial, int *y, int *h);

/* Is the object with this serial shown (as a box or a ghost)? */
int graph_has(const Graph *g, uint32_t serial);

/* Is this serial a box of folded look-alike groups ("180 × Request ⇄
 * Handler cycles"), which a scene's `expanded` draws one by one? */
int graph_is_group(const Graph *g, uint32_t serial);

/* Is the object with this serial shown as a ghost (freed), not a live box? */
int graph_is_ghost(const Graph *g, uint32_t serial);

/* The live objects shown as boxes (no ghosts or summaries), in the order
 * they are drawn: their serials into out (at most max).  Returns how many. */
int graph_objects(const Graph *g, uint32_t *out, int max);

/* A reference count change in words, from its reason: "bound to a",
 * "name a deleted", "argument of a call (temporary)", "cleared by the
 * collector" (symname names the event's detail; NULL: left out). */
void graph_event_words(const Event *e, const char *(*symname)(void *ctx, Sym s), void *ctx,
                       StrBuf *out);

/* The same for event i of log, in the light of the events after it: a
 * call's argument that becomes a Python function's parameter (released
 * under that name at the return) is "parameter x of peek", the function
 * named by the def around the return's line in source (NULL: not named). */
void graph_event_words_at(const EventLog *log, uint32_t i, const char *source,
                          const char *(*symname)(void *ctx, Sym s), void *ctx, StrBuf *out);

/* A picture taken after event k (1-based) while the step ran, once the
 * whole log is known: its note for that event says what the events after
 * it tell ("+1  parameter x of peek" where "call argument" was all that
 * was known then). */
void graph_renote_event(Graph *g, const EventLog *log, uint32_t k, const char *source,
                        const char *(*symname)(void *ctx, Sym s), void *ctx);

/* Number of object boxes (ghosts and summaries included). */
int graph_node_count(const Graph *g);

#endif
