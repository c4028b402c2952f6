/* The TUI: a small state machine over the lesson menu and the lesson view
 * (stepping both ways, animation of a step's events, autoplay, focus and
 * panning, help overlay, resize, the too-small screen).  Keys come from one
 * table (app.c APP_KEYS) that also writes the help overlay.  Drawing goes
 * through one function onto a Canvas, so that app_render prints exactly the
 * frame the live TUI shows. */
#ifndef MEMTUTOR_APP_H
#define MEMTUTOR_APP_H
#include "canvas.h"
#include "util.h"

typedef struct AppOptions {
    int ascii;      /* ASCII drawing even in a UTF-8 locale */
    int color;      /* -1 auto (honours NO_COLOR), 0 never, 1 always */
    int autoplay;   /* start playing */
    int delay_ms;   /* autoplay: pause after each step at 1x (0: 1500) */
    int presenter;  /* presenter mode from the start, followed by `memtutor notes` */
} AppOptions;

/* Run the TUI on target (a lesson id, .json or .py path), or the lesson menu
 * when target is NULL.  Returns the exit status: 0 on q; 2 when the terminal
 * cannot be used (not a tty, TERM unset or dumb: one line on stderr, nothing
 * on stdout) or the target does not load (its error on stderr); 1 when a
 * script does not parse (SyntaxError); 128+N after signal N (the terminal is
 * restored first). */
int app_run(const char *target, const AppOptions *o);

/* The exact frame the TUI shows at step `step` (0..N; the end state of that
 * step, no animation) in a cols x rows terminal: text rows ending in '\n',
 * trailing blanks trimmed, ASCII drawing when ascii, SGR colour codes when
 * color.  On error writes one line (no "memtutor: " prefix, no newline) to err.
 * Returns the exit status (0, or 2 for a bad target, step or size). */
int app_render(const char *target, int step, int cols, int rows, int ascii, int color, StrBuf *out,
               StrBuf *err);
/* As app_render, with pane "memory" showing the memory map in place of the
 * heap graph (NULL or "heap": the graph). */
int app_render_pane(const char *target, int step, int cols, int rows, int ascii, int color, const char *pane,
                    StrBuf *out, StrBuf *err);
/* As app_render_pane; with played, the frame a recording ends step `step`
 * with: its question answered by the simulator, no key hints. */
typedef struct AppRenderOptions {
    int step, cols, rows, ascii, color;
    const char *pane;   /* NULL or "heap", or "memory" */
    int played;
    /* 1..: the frame after that event of the step (the heap as it was then,
     * as `.` and `,` show it; the event list counts them the same way);
     * an event beyond the step's detailed events is an error (2).  0: the
     * step's end state. */
    int event;
} AppRenderOptions;
int app_render_with(const char *target, const AppRenderOptions *o, StrBuf *out, StrBuf *err);

/* Headless frames, for `record`: every frame the TUI shows stepping forward
 * through target from step 0 to the last, drawn by the same function as the
 * live screen and app_render (a step's end-state frame equals `render --step
 * k` of the same size).  With animate, each step k >= 1 first shows its
 * animation phases, as the TUI plays them.  A step with a question then
 * shows it as autoplay plays it: the question alone (stage 0: this frame
 * differs from `render --step k`), its answer, then the narration.  Without
 * hints, no key hints are drawn.  No terminal is used. */
typedef struct AppFrameOptions {
    int cols, rows;  /* the terminal size (1..1000 each) */
    int animate;     /* also the animation frames within each step */
    int memory;      /* the memory map in place of the heap graph */
    int hints;       /* keep the TUI's key hints (status bar, "Press →") */
    int reveal;      /* for pages: a question is not played; its end state is
                        the asked one (as render draws it), then one more
                        frame (stage 1) with the answer and the narration */
} AppFrameOptions;

typedef struct AppFrame {
    const Canvas *canvas;  /* the frame (valid during the callback only) */
    int step, nsteps;      /* step 0..nsteps (nsteps: as `trace` counts them) */
    int phase;             /* animation frame 0, 1, ...; -1 the step's end state */
    int stage;             /* end state: 0; a question step's later stages
                              (its answer, then its narration): 1, 2 */
    int hold_pct;          /* end state: how long it holds, in percent of
                              the delay between steps */
    int anim_ms;           /* how long the TUI shows an animation frame at 1x */
    int line;              /* the step's source line (0: none) */
    const char *title;     /* the lesson's title */
    const char *say;       /* the step's narration (step 0: the summary); may be NULL */
    const char *answer;    /* with reveal, stage 1: the answer shown, e.g.
                              "sys.getrefcount(a) returns 2" */
    const char *output;    /* what the program printed up to this step */
    const struct Lesson *lesson;   /* the lesson shown (source, steps, questions) */
} AppFrame;

/* Called for each frame in order; a non-zero return stops app_frames, which
 * then returns that value. */
typedef int (*app_frame_fn)(void *ctx, const AppFrame *f);

/* Returns 0, the callback's non-zero value, or 2 (or 1 for a script that does
 * not parse) when the target does not load or the size is out of range: one
 * line in err (no "memtutor: " prefix). */
int app_frames(const char *target, const AppFrameOptions *o, app_frame_fn fn, void *ctx,
               StrBuf *err);

/* For benchmarks (tests/bench/stepback.c): at step `from` of target, the
 * milliseconds of going to step `to` and drawing it, `rounds` times, into
 * ms[].  0, or an exit status with err set. */
int app_time_step(const char *target, int from, int to, int cols, int rows, int rounds, double *ms,
                  StrBuf *err);

#endif
