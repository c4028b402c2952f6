/* A character grid with semantic styles: the one drawing path of memtutor.
 * No curses and no terminal I/O here: screen.c blits a canvas to curses,
 * `memtutor render` prints it as text, record.c turns it into ANSI. */
#ifndef MEMTUTOR_CANVAS_H
#define MEMTUTOR_CANVAS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Semantic styles. Drawing code names what a thing *is*; the scheme table
 * (canvas_style_spec) decides how it looks. X-macro: name, then what it is for. */
#define CANVAS_STYLES(X)                                                       \
    X(NORMAL,      "plain text")                                               \
    X(FRAME,       "pane borders")                                             \
    X(TITLE,       "pane titles, the top line")                                \
    X(CURLINE,     "the current source line")                                  \
    X(NEW,         "an object just allocated")                                 \
    X(INC,         "a refcount going up")                                      \
    X(DEC,         "a refcount going down")                                    \
    X(GHOST,       "an object just freed, shown for a beat")                   \
    X(BADGE,       "refcount badge on an object")                              \
    X(ARROW,       "reference arrows")                                         \
    X(NAME,        "variable names in frames")                                 \
    X(STATUS,      "the status bar")                                           \
    X(KEY,         "key hints in the status bar")                              \
    X(DIM,         "secondary text")                                           \
    X(ERROR,       "errors, exceptions")                                       \
    X(OK,          "a correct answer, success")                                \
    X(SELECTED,    "the selected item (menu, inspected object)")               \
    X(LIVE,        "live blocks in the memory map")                            \
    X(UNREACHABLE, "objects the collector found unreachable")                  \
    X(FREE,        "free blocks in the memory map")                            \
    X(LINENO,      "source line numbers")                                      \
    X(KEYWORD,     "Python keywords in source")                                \
    X(STRING,      "string literals in source")                                \
    X(NUMBER,      "numbers: sizes, counts")                                   \
    X(COMMENT,     "comments in source")                                       \
    X(EMPH,        "emphasis in narration")                                    \
    X(PROMPT,      "the live prompt")                                          \
    X(GC,          "collector passes and gc_refs")

typedef enum {
#define CANVAS_STYLE_ENUM(name, doc) STYLE_##name,
    CANVAS_STYLES(CANVAS_STYLE_ENUM)
#undef CANVAS_STYLE_ENUM
    STYLE_COUNT
} StyleId;

/* A Style is a StyleId or'ed with CF_* flags: STYLE_NAME | CF_BOLD.
 * Flags add to what the scheme gives (except that the NO_COLOR scheme never
 * underlines). */
typedef uint16_t Style;
#define CF_BOLD      0x0100u
#define CF_REVERSE   0x0200u
#define CF_DIM       0x0400u
#define CF_UNDERLINE 0x0800u
#define CF_MASK      0x0f00u
#define STYLE_ID(s)  ((StyleId)((s) & 0xffu))

/* Colour schemes. SCHEME_MONO is the NO_COLOR scheme: bold/reverse/dim only. */
typedef enum { SCHEME_NORMAL, SCHEME_CONTRAST, SCHEME_MONO, SCHEME_COUNT } Scheme;

/* How a style looks in a scheme. fg/bg: 0-7 the ANSI colours, 8-15 their
 * bright versions, -1 the terminal's default (bg is always -1: memtutor never
 * paints a white or black background). attrs: CF_* flags. */
typedef struct {
    int fg, bg;
    unsigned attrs;
} StyleSpec;

const StyleSpec *canvas_style_spec(Scheme scheme, StyleId id);
/* The style's resolved look: scheme entry plus the cell's CF_* flags. */
StyleSpec canvas_style_resolve(Scheme scheme, Style style);
const char *canvas_style_name(StyleId id);   /* "NORMAL", "FRAME", ... */

/* A cell: one code point (or CANVAS_CONT, the right half of a wide char). */
#define CANVAS_CONT 0x110000u
typedef struct {
    uint32_t cp;
    Style style;
    uint8_t lines;  /* line arms (LINE_N|E|S|W) when drawn by the line code */
} Cell;

enum { LINE_N = 1, LINE_E = 2, LINE_S = 4, LINE_W = 8 };

typedef struct {
    int w, h;
    Cell *cells;                 /* h rows of w cells */
    int clip_x0, clip_y0, clip_x1, clip_y1;   /* half-open, within the grid */
} Canvas;

/* Create a w x h canvas of blanks (sizes below 0 are taken as 0); never NULL.
 * canvas_free(NULL) is a no-op. */
Canvas *canvas_new(int w, int h);
void canvas_free(Canvas *c);
/* A deep copy (clip included). */
Canvas *canvas_copy(const Canvas *c);
/* Same size and the same cells (code points and styles). */
bool canvas_equal(const Canvas *a, const Canvas *b);
/* Blank every cell (STYLE_NORMAL) and reset the clip. */
void canvas_clear(Canvas *c);
/* New size; the content is cleared and the clip reset. */
void canvas_resize(Canvas *c, int w, int h);

/* All drawing below is clipped to the canvas and to the clip rectangle.
 * canvas_set_clip intersects (x,y,w,h) with the grid; reset_clip = whole grid. */
void canvas_set_clip(Canvas *c, int x, int y, int w, int h);
void canvas_reset_clip(Canvas *c);

const Cell *canvas_cell(const Canvas *c, int x, int y);   /* NULL outside */

/* Display width of a code point: 2 for East Asian wide/fullwidth and emoji,
 * 0 for combining marks and zero-width characters, 1 otherwise.
 * A built-in table (generated from glibc 2.36, Unicode 15) is used, not
 * wcwidth(): output must not depend on the locale it runs in, so a render or
 * a recording is the same everywhere. Zero-width code points are dropped
 * when drawing (a cell holds one code point); C0/C1 controls are drawn as
 * U+FFFD, except TAB, drawn as one space. */
int canvas_cp_width(uint32_t cp);
/* Columns that canvas_put_utf8 would advance for s (invalid bytes: 1 each). */
int canvas_text_width(const char *s);

/* Decode one UTF-8 sequence at s (len >= 1 bytes available). Returns the
 * bytes consumed (>= 1) and the code point in *cp; an invalid or truncated
 * sequence, an overlong form or a surrogate consumes one byte and gives
 * U+FFFD. */
size_t canvas_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Append cp as UTF-8 (U+FFFD for values that are not scalar values). */
void canvas_utf8_put(StrBuf *out, uint32_t cp);
/* The one rule for text that reaches a terminal outside a canvas (check's
 * report, error lines): s[0..n) appended to out with what drawing does to
 * it, controls (ESC, C1, DEL) and invalid UTF-8 as U+FFFD; newlines and TAB
 * are kept. */
void canvas_sanitize(const char *s, size_t n, StrBuf *out);

/* Put one code point at (x,y); returns its width (0, 1 or 2) whether or not
 * it was clipped. A wide char cut by the clip edge is drawn as a blank in its
 * visible half. Overwriting half of a wide char blanks its other half. */
int canvas_put_cp(Canvas *c, int x, int y, uint32_t cp, Style style);
/* Put a UTF-8 string on row y from column x (no wrapping; '\n' is drawn as
 * U+FFFD like other controls). Returns the columns the text advances (its
 * width, not reduced by clipping), so calls chain: x += canvas_put_utf8(...). */
int canvas_put_utf8(Canvas *c, int x, int y, const char *s, Style style);
/* As canvas_put_utf8 but at most maxw columns: a longer text is cut and ends
 * with '…'. Returns the columns used (<= maxw). */
int canvas_put_utf8_fit(Canvas *c, int x, int y, const char *s, int maxw, Style style);
int canvas_printf(Canvas *c, int x, int y, Style style, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Fill the rectangle with cp (use ' ' to blank an area). */
void canvas_fill(Canvas *c, int x, int y, int w, int h, uint32_t cp, Style style);
/* Set the style of cells in the rectangle, keeping their characters
 * (e.g. highlight the current source line). */
void canvas_restyle(Canvas *c, int x, int y, int w, int h, Style style);

/* Lines. Every cell a line passes through gets "arms" toward its neighbours
 * on the line (the end cells only the inward arm); the arms merge with those
 * already in the cell, and the cell shows the box-drawing character for the
 * union: a vertical line across a horizontal one gives ┼, a horizontal line
 * starting on a box's right side gives ├, two segments meeting at a point give
 * a corner. A cell with a single arm shows a full ─ or │. Box characters put
 * as text (canvas_put_utf8("┌")) count as their arms too. Text, fills and
 * arrow heads replace lines. */
void canvas_hline(Canvas *c, int x, int y, int len, Style style);
void canvas_vline(Canvas *c, int x, int y, int len, Style style);
/* An orthogonal segment from (x0,y0) to (x1,y1) inclusive, either end first;
 * the two points must share a row or a column (else nothing is drawn). */
void canvas_line(Canvas *c, int x0, int y0, int x1, int y1, Style style);

typedef struct { int x, y; } CanvasPoint;
typedef enum { DIR_NONE, DIR_UP, DIR_RIGHT, DIR_DOWN, DIR_LEFT } CanvasDir;
/* A routed path through n points joined by orthogonal segments; corners and
 * crossings merge as above. With head, the last point gets an arrow head
 * pointing along the last segment (▶ ◀ ▲ ▼). */
void canvas_polyline(Canvas *c, const CanvasPoint *pts, size_t n, Style style, bool head);
void canvas_arrow_head(Canvas *c, int x, int y, CanvasDir dir, Style style);
uint32_t canvas_arrow_cp(CanvasDir dir);

/* A box with its border on the outer cells of (x,y,w,h) (w,h >= 2), drawn as
 * lines so that it joins lines already there; title (may be NULL or "") goes
 * in the top border as "┌ title ──┐", cut with '…' to fit. The inside is not
 * touched: canvas_fill it first if needed. */
void canvas_box(Canvas *c, int x, int y, int w, int h, Style style, const char *title);

/* ASCII stand-in for a code point (ASCII itself unchanged): box corners and
 * junctions '+', ─ '-', │ '|', arrows > < ^ v, • ● '*', · '.', … '~',
 * − '-', × 'x', ✓ 'v', blocks '#' (but the lower eighths ▁..▇, fill levels,
 * '1'..'7'), shades ':', anything else '?'. The right
 * half of a wide char becomes '?' too, so columns stay aligned. */
char canvas_ascii(uint32_t cp);

/* Rows joined by '\n' (after the last row too), no styles. Trailing spaces of
 * each row are trimmed, so golden files do not depend on invisible blanks. */
void canvas_to_text(const Canvas *c, bool ascii, StrBuf *out);
/* As canvas_to_text with SGR sequences (each row ends with a reset when
 * styled): for `render --color` to a terminal. */
void canvas_to_ansi_text(const Canvas *c, bool ascii, Scheme scheme, StrBuf *out);
/* A full frame for a terminal of the canvas's size: reset, home, clear, then
 * each row placed with a cursor move; SGR only where the style changes; ends
 * with the attributes reset. */
void canvas_to_ansi(const Canvas *c, bool ascii, Scheme scheme, StrBuf *out);
/* Only what changed from prev to cur: for each run of changed cells a cursor
 * move and the run's text (a wide char is never split). Appends nothing when
 * the canvases are equal; a full frame when prev is NULL or of another size.
 * Starts and ends with default attributes. */
void canvas_diff_ansi(const Canvas *prev, const Canvas *cur, bool ascii, Scheme scheme,
                      StrBuf *out);

#endif
