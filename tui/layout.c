/* Pane geometry (see layout.h).  Wide: source above narration on the left,
 * the heap graph on the right, full height.  Stacked: source, graph,
 * narration from top to bottom. */
#include "layout.h"

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

bool layout_contains(Rect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

void layout_compute(int cols, int rows, int source_lines, Layout *o)
{
    *o = (Layout){0};
    o->too_small = cols < LAYOUT_MIN_COLS || rows < LAYOUT_MIN_ROWS;
    o->title = (Rect){0, 0, cols, 1};
    o->status = (Rect){0, rows - 1, cols, 1};
    if (o->too_small) return;
    int body_y = 1, body_h = rows - 2;
    o->wide = cols >= LAYOUT_WIDE_COLS;
    if (o->wide) {
        int lw = clampi(cols * 2 / 5, 34, 60);
        /* source: what it needs (plus borders), at most 55% of the body, at
         * least 5 rows; the narration gets the rest */
        int sh = clampi(source_lines + 2, 5, body_h * 55 / 100);
        o->source = (Rect){0, body_y, lw, sh};
        o->narration = (Rect){0, body_y + sh, lw, body_h - sh};
        o->graph = (Rect){lw, body_y, cols - lw, body_h};
    } else {
        int nh = clampi(body_h / 4, 4, 7);
        int sh = clampi(source_lines + 2, 4, body_h / 3);
        if (body_h >= 20 && body_h <= 24) {
            /* 80x24 and near it: three source lines (the current one and
             * its neighbours) leave the narration four lines and the heap
             * nine rows, where the usual shares gave them three and eight */
            nh = 6;
            sh = clampi(source_lines + 2, 4, 5);
        }
        int gh = body_h - nh - sh;
        o->source = (Rect){0, body_y, cols, sh};
        o->graph = (Rect){0, body_y + sh, cols, gh};
        o->narration = (Rect){0, body_y + sh + gh, cols, nh};
    }
}
