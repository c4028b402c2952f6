/* Pane geometry for a terminal of a given size: where the title row, source,
 * heap graph, narration and status bar go.  Pure arithmetic (no canvas, no
 * curses), so that `render` and the live screen agree cell for cell. */
#ifndef MEMTUTOR_LAYOUT_H
#define MEMTUTOR_LAYOUT_H
#include <stdbool.h>

/* Below this the TUI shows "terminal too small" instead of panes. */
#define LAYOUT_MIN_COLS 50
#define LAYOUT_MIN_ROWS 14
/* From this width on, source and narration sit left of the graph. */
#define LAYOUT_WIDE_COLS 90

typedef struct { int x, y, w, h; } Rect;

typedef struct {
    bool too_small;   /* below LAYOUT_MIN_*: only the message fits */
    bool wide;        /* side by side (else stacked) */
    Rect title;       /* the top row */
    Rect source;      /* boxes: the border is part of the rect */
    Rect graph;
    Rect narration;
    Rect status;      /* the bottom row */
} Layout;

/* Lay out the lesson screen for cols x rows.  source_lines sizes the source
 * pane in the stacked layout (it takes no more rows than the source needs). */
void layout_compute(int cols, int rows, int source_lines, Layout *out);

/* Is (x,y) inside r? */
bool layout_contains(Rect r, int x, int y);

#endif
