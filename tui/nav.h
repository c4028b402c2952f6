/* Navigation as in tig and less, kept out of app.c's state machine: a count
 * before G (12G: step 12), `/` search over the steps' source lines and
 * narration with n/N (wrapping), the step outline (`o`), and the step a
 * click on a source line runs to.  app.c owns one Nav, binds the keys in its
 * one key table and calls in here; everything draws onto a Canvas only. */
#ifndef MEMTUTOR_NAV_H
#define MEMTUTOR_NAV_H
#include "canvas.h"
#include "layout.h"
#include "screen.h"
#include "session.h"
#include "teach.h"

typedef struct Nav {
    int count;            /* the digits typed before G or g; 0: none */
    int searching;        /* the `/` field is open */
    LineEdit query;       /* what is typed in it */
    char last[256];       /* the last search ("": none yet) */
    char *msg;            /* a one-line message for the title row, or NULL */
    int outline;          /* the outline is open */
    int out_sel, out_top; /* its selected step (1..n) and first row shown */
} Nav;

/* Forget the lesson's state (count, field, outline, message); the last
 * search is kept, as less keeps it across files. */
void nav_reset(Nav *n);
void nav_free(Nav *n);
/* Set the message (printf-style; NULL clears it). */
void nav_say(Nav *n, const char *fmt, ...);

/* ---- count */

/* A digit typed: the count grows (up to 1,000,000). */
void nav_digit(Nav *n, int digit);
/* The count typed before this key, cleared: 0 when none. */
int nav_take_count(Nav *n);

/* ---- search */

/* The text of step k (1..nsteps) that `/` searches: its source lines
 * (line..line_end), its narration and its question, one per line. */
void nav_step_text(const Lesson *l, const Session *s, int k, StrBuf *out);
/* The step after (dir 1) or before (dir -1) `from` whose text holds q (case
 * ignored unless q has a capital, as less -I/-i's "smart" case), wrapping
 * past the last (first) step: 1..nsteps, or 0 when no step holds it.
 * *wrapped is set when the search went round. */
int nav_find(const Lesson *l, const Session *s, const char *q, int from, int dir, int *wrapped);
/* Open the `/` field. */
void nav_search_open(Nav *n);
/* A key while the field is open: 1 when taken; *submitted when Enter gave
 * a search to run (it is then in n->last). */
int nav_search_key(Nav *n, const ScreenKey *k, int *submitted);
/* Run the last search from step `cur` in direction dir: the step to go to,
 * or 0 (with a message: "not found", "no previous search").  A message
 * says when it wrapped, as "search hit BOTTOM, continuing at TOP". */
int nav_search_run(Nav *n, const Lesson *l, const Session *s, int cur, int dir);
/* The field, over the status row r. */
void nav_draw_search(const Nav *n, Canvas *c, Rect r);

/* ---- outline */

void nav_outline_open(Nav *n, int cur, int nsteps);
/* Move the selection by delta rows (clamped to 1..nsteps). */
void nav_outline_move(Nav *n, int delta, int nsteps);
/* The outline box over the whole canvas: one row per step (number, line,
 * first words of the narration), the current step marked. */
void nav_draw_outline(Nav *n, Canvas *c, const Lesson *l, const Session *s, int ascii);

/* ---- source lines */

/* The first step at source line `line` (a step whose line is it, else one
 * whose range holds it): 1..nsteps, or 0. */
int nav_step_at_line(const Lesson *l, const Session *s, int line);

#endif
