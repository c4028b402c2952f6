/* The panes other than the graph, each a pure draw function on a Canvas:
 * title row, source with the current line, narration (word-wrapped styled
 * paragraphs), status bar, lesson menu, help overlay, "too small" screen. */
#ifndef MEMTUTOR_VIEWS_H
#define MEMTUTOR_VIEWS_H
#include <stdbool.h>
#include <stdint.h>

#include "canvas.h"
#include "layout.h"
#include "lesson.h"

/* A paragraph of narration: text wrapped to the pane, in one style.
 * text NULL: a blank line. */
typedef struct {
    const char *text;
    Style style;
    int indent;      /* columns before each wrapped line */
} ViewPara;

/* Word-wrap text to width columns: calls fn(arg, line, len) per line (words
 * longer than the width are cut).  Returns the number of lines. */
typedef void (*view_line_fn)(void *arg, const char *line, size_t len);
int views_wrap(const char *text, int width, view_line_fn fn, void *arg);

/* A titled pane border; focused panes get a bold title. */
void views_pane(Canvas *c, Rect r, const char *title, bool focused);

void views_title(Canvas *c, Rect r, const char *left, const char *right);

/* The first source line shown (0-based) in a source pane of ih inner rows
 * at current line `line`: a line on screen at inner row y is top + y + 1. */
int views_source_top(const char *source, int ih, int line);
/* The source pane: line numbers, a ▶ marker and highlight on lines
 * line..line_end (0: none); scrolled so that the current line shows. */
void views_source(Canvas *c, Rect r, const char *source, int line, int line_end, bool focused);
/* The same with the last `reserve` rows inside the pane left for the
 * caller (live statements, the prompt): the source scrolls in the rows
 * above them, so the current line stays in view. */
void views_source_above(Canvas *c, Rect r, const char *source, int line, int line_end, bool focused, int reserve);

/* The narration pane; scroll: first wrapped line shown (clamped).  Returns
 * the number of wrapped lines. */
int views_narration(Canvas *c, Rect r, const char *title, const ViewPara *p, int n, int scroll,
                    bool focused);
/* As views_narration; without keys (a recording), the "more" hint in the
 * bottom border names no key. */
int views_narration_keys(Canvas *c, Rect r, const char *title, const ViewPara *p, int n, int scroll,
                         bool focused, bool keys);

typedef struct {
    int step, nsteps;
    int64_t live, bytes;
    int64_t gc[3];
    const char *extra;     /* "autoplay 2x" or NULL */
    const char *keys;      /* right-hand hints; "? help  q quit" is always kept */
    bool no_keys;          /* a recording: no key hints at all */
} StatusInfo;
void views_status(Canvas *c, Rect r, const StatusInfo *si);

/* Centered "terminal too small: have WxH, need WxH" and "q quit". */
void views_too_small(Canvas *c, int cols, int rows, int need_cols, int need_rows);

/* A centered box of (keys, description) rows with section headings (keys
 * NULL: a heading).  */
typedef struct { const char *keys, *doc; } HelpRow;
void views_help(Canvas *c, const HelpRow *rows, int n, const char *footer);

/* Lesson menu: n lessons, sel highlighted. */
void views_menu(Canvas *c, Lesson *const *lessons, int n, int sel);

#endif
