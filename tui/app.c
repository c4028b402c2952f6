/* The TUI state machine (see app.h).  One App struct holds all state; the
 * screen is redrawn from it by app_draw, a pure function of the state, which
 * `render` shares.  Keys are looked up in APP_KEYS, the one table that also
 * writes the help overlay, so the help can never disagree with the keys. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "canvas.h"
#include "graph.h"
#include "interp.h"
#include "layout.h"
#include "memmap.h"
#include "nav.h"
#include "notes.h"
#include "screen.h"
#include "session.h"
#include "teach.h"
#include "timeline.h"
#include "views.h"

/* ------------------------------------------------------------- key table */

/* Where a binding applies.  Lookup order: help overlay; focused pane; lesson
 * or menu; anywhere. */
typedef enum { CTX_LESSON, CTX_GRAPH, CTX_MEMORY, CTX_NARRATION, CTX_MENU, CTX_HELP, CTX_ANY,
               CTX_INSPECT, CTX_TEXT, CTX_OUTLINE } KeyCtx;

typedef struct { ScreenKeyCode code; uint32_t ch; } KeyBind;
#define KB(code, ch) {code, ch}
#define CH(c) {SK_CHAR, c}

/* X(action, context, keys as the help shows them, what it does, bindings...) */
#define APP_KEYS(X)                                                                          \
    X(NEXT,      CTX_LESSON,    "→ Space l",     "next step (any key ends an animation)",   \
      KB(SK_RIGHT, 0), CH(' '), CH('l'))                                                     \
    X(BACK,      CTX_LESSON,    "← h Backspace", "previous step",                            \
      KB(SK_LEFT, 0), CH('h'), KB(SK_BACKSPACE, 0))                                          \
    X(FIRST,     CTX_LESSON,    "g Home",        "first step (before line 1 runs)",          \
      CH('g'), KB(SK_HOME, 0))                                                               \
    X(LAST,      CTX_LESSON,    "G End",         "last step (the program has ended)",        \
      CH('G'), KB(SK_END, 0))                                                                \
    X(DIGIT,     CTX_LESSON,    "12G 12g",       "step 12 (a count before G or g)",          \
      CH('0'), CH('1'), CH('2'), CH('3'), CH('4'), CH('5'), CH('6'), CH('7'), CH('8'), CH('9')) \
    X(SEARCH,    CTX_LESSON,    "/",             "search the source and narration",  CH('/')) \
    X(SEARCH_NEXT, CTX_LESSON,  "n",             "next match (wraps round)",         CH('n')) \
    X(SEARCH_PREV, CTX_LESSON,  "N",             "previous match (wraps round)",     CH('N')) \
    X(OUTLINE,   CTX_LESSON,    "o",             "outline of every step, to jump from", CH('o')) \
    X(EV_NEXT,   CTX_LESSON,    ". >",           "next event of the step (the heap as it was then)", \
      CH('.'), CH('>'))                                                                      \
    X(EV_PREV,   CTX_LESSON,    ", <",           "previous event of the step",  CH(','), CH('<')) \
    X(EV_LIST,   CTX_LESSON,    "e",             "the step's events in words (again: the narration)", \
      CH('e'))                                                                               \
    X(NARR_PAGE, CTX_LESSON,    "PgDn PgUp",     "scroll the narration, whichever pane has the focus", \
      KB(SK_PGDN, 0), KB(SK_PGUP, 0))                                                        \
    X(AUTOPLAY,  CTX_LESSON,    "p",             "autoplay on/off",            CH('p'))      \
    X(FASTER,    CTX_LESSON,    "+",             "autoplay faster",            CH('+'), CH('=')) \
    X(SLOWER,    CTX_LESSON,    "-",             "autoplay slower",            CH('-'))      \
    X(FOCUS,     CTX_LESSON,    "Tab",           "focus the next pane (source, heap, narration)", \
      KB(SK_TAB, 0), KB(SK_BTAB, 0))                                                         \
    X(NOTES,     CTX_LESSON,    "#",             "instructor notes on/off",    CH('#'))      \
    X(SELECT,    CTX_LESSON,    "click",         "an object, a pool (again: clear/open); a line: its step", \
      KB(SK_MOUSE, 1))                                                                       \
    X(SKIP,      CTX_LESSON,    "s",             "skip the step's question",   CH('s'))      \
    X(INSPECT,   CTX_LESSON,    "i Enter",       "inspect an object (Enter on a group of look-alikes opens it)", \
      CH('i'), KB(SK_ENTER, 0))                                                              \
    X(LIVE,      CTX_LESSON,    ":",             "live prompt: run a statement at this step", CH(':')) \
    X(TRACEBACK, CTX_LESSON,    "t",             "the whole traceback of the last live error (t, Esc: back)", \
      CH('t'), KB(SK_ESC, 0))                                                                \
    X(LIVE_FOLD, CTX_LESSON,    "L",             "live statements: one row each, or one row per step", CH('L')) \
    X(PRESENTER, CTX_LESSON,    "P",             "presenter mode: high contrast, bigger, fewer panes", \
      CH('P'))                                                                               \
    X(INS_NEXT,  CTX_INSPECT,   "Tab → ↓",       "inspect the next object",                  \
      KB(SK_TAB, 0), KB(SK_RIGHT, 0), KB(SK_DOWN, 0), CH('l'), CH('j'))                      \
    X(INS_PREV,  CTX_INSPECT,   "S-Tab ← ↑",     "inspect the previous object",              \
      KB(SK_BTAB, 0), KB(SK_LEFT, 0), KB(SK_UP, 0), CH('h'), CH('k'))                        \
    X(INS_PGDN,  CTX_INSPECT,   "PgDn PgUp",     "scroll the inspector",                     \
      KB(SK_PGDN, 0), KB(SK_PGUP, 0))                                                        \
    X(INS_LEAVE, CTX_INSPECT,   "Esc i",         "leave the inspector",  KB(SK_ESC, 0), CH('i')) \
    X(ANSWER,    CTX_TEXT,      "type, Enter",   "answer a question with a value (2, True, [1, 2])", \
      KB(SK_NONE, 0))                                                                        \
    X(LIVE_RUN,  CTX_TEXT,      "Enter, Esc",    "live prompt: run the statement (a line ending in ':' continues until an empty line), or close", \
      KB(SK_NONE, 0))                                                                        \
    X(LIVE_EDIT, CTX_TEXT,      "↑ ↓",           "live prompt: the lines entered before (history)", \
      KB(SK_NONE, 0))                                                                        \
    X(LIVE_KEYS, CTX_TEXT,      "← → Home End",  "move; Ctrl-A/E start/end, Ctrl-U/K/W delete to start/end/word", \
      KB(SK_NONE, 0))                                                                        \
    X(SEARCH_RUN, CTX_TEXT,     "Enter, Esc",    "search (/): find the text, or cancel",  KB(SK_NONE, 0)) \
    X(OUT_UP,    CTX_OUTLINE,   "↑ k",           "previous step",      KB(SK_UP, 0), CH('k'))     \
    X(OUT_DOWN,  CTX_OUTLINE,   "↓ j",           "next step",          KB(SK_DOWN, 0), CH('j'))   \
    X(OUT_PAGE,  CTX_OUTLINE,   "PgUp PgDn",     "a page up or down",  KB(SK_PGUP, 0), KB(SK_PGDN, 0)) \
    X(OUT_FIRST, CTX_OUTLINE,   "g Home",        "the first step",     CH('g'), KB(SK_HOME, 0))  \
    X(OUT_LAST,  CTX_OUTLINE,   "G End",         "the last step",      CH('G'), KB(SK_END, 0))   \
    X(OUT_GO,    CTX_OUTLINE,   "Enter →",       "go to the chosen step", KB(SK_ENTER, 0), KB(SK_RIGHT, 0)) \
    X(OUT_CLOSE, CTX_OUTLINE,   "Esc o q",       "close the outline",  KB(SK_ESC, 0), CH('o'), CH('q')) \
    X(MEMORY,    CTX_LESSON,    "m",             "memory map in place of the heap (again: back)", CH('m')) \
    X(MM_LEFT,   CTX_MEMORY,    "← h",           "previous pool",       KB(SK_LEFT, 0), CH('h'))  \
    X(MM_RIGHT,  CTX_MEMORY,    "→ l",           "next pool",           KB(SK_RIGHT, 0), CH('l')) \
    X(MM_UP,     CTX_MEMORY,    "↑ k",           "pool above",          KB(SK_UP, 0), CH('k'))    \
    X(MM_DOWN,   CTX_MEMORY,    "↓ j",           "pool below",          KB(SK_DOWN, 0), CH('j'))  \
    X(MM_ZOOM,   CTX_MEMORY,    "Enter",         "zoom: a pool's blocks",  KB(SK_ENTER, 0)) \
    X(PAN_LEFT,  CTX_GRAPH,     "← h",           "pan the heap left",   KB(SK_LEFT, 0), CH('h'))  \
    X(PAN_RIGHT, CTX_GRAPH,     "→ l",           "pan the heap right",  KB(SK_RIGHT, 0), CH('l')) \
    X(PAN_UP,    CTX_GRAPH,     "↑ k",           "pan the heap up",     KB(SK_UP, 0), CH('k'))    \
    X(PAN_DOWN,  CTX_GRAPH,     "↓ j",           "pan the heap down",   KB(SK_DOWN, 0), CH('j'))  \
    X(SCROLL_UP, CTX_NARRATION, "↑ k",           "scroll the narration up",   KB(SK_UP, 0), CH('k')) \
    X(SCROLL_DN, CTX_NARRATION, "↓ j",           "scroll the narration down", KB(SK_DOWN, 0), CH('j')) \
    X(MENU_UP,   CTX_MENU,      "↑ k",           "previous lesson",     KB(SK_UP, 0), CH('k'))    \
    X(MENU_DOWN, CTX_MENU,      "↓ j",           "next lesson",         KB(SK_DOWN, 0), CH('j'))  \
    X(MENU_OPEN, CTX_MENU,      "Enter →",       "open the lesson",     KB(SK_ENTER, 0), KB(SK_RIGHT, 0)) \
    X(MENU_FIRST, CTX_MENU,     "g Home",        "first lesson",        CH('g'), KB(SK_HOME, 0))  \
    X(MENU_LAST, CTX_MENU,      "G End",         "last row (open a script…)", CH('G'), KB(SK_END, 0)) \
    X(MENU_NUM,  CTX_MENU,      "1-9",           "lesson by number (1 then 1: lesson 11)", \
      CH('0'), CH('1'), CH('2'), CH('3'), CH('4'), CH('5'), CH('6'), CH('7'), CH('8'), CH('9')) \
    X(HELP_CLOSE, CTX_HELP,     "Esc q ? F1",    "close this help",                          \
      KB(SK_ESC, 0), CH('q'), CH('?'), KB(SK_F1, 0))                                         \
    X(HELP,      CTX_ANY,       "? F1",          "help (this screen)",  CH('?'), KB(SK_F1, 0)) \
    X(REDRAW,    CTX_ANY,       "Ctrl-L",        "redraw the screen",   KB(SK_CTRL, 'l'))     \
    X(QUIT,      CTX_ANY,       "q",             "quit (a lesson opened from the menu: back to it)", \
      CH('q'))

typedef enum {
    ACT_NONE,
#define ACT_ENUM(name, ctx, keys, doc, ...) ACT_##name,
    APP_KEYS(ACT_ENUM)
#undef ACT_ENUM
    ACT_COUNT
} Action;

#define ACT_BINDS(name, ctx, keys, doc, ...) \
    static const KeyBind binds_##name[] = {__VA_ARGS__, {SK_NONE, 0}};
APP_KEYS(ACT_BINDS)
#undef ACT_BINDS

typedef struct {
    Action act;
    KeyCtx ctx;
    const char *keys, *doc;
    const KeyBind *binds;
} KeyEntry;

static const KeyEntry key_table[] = {
#define ACT_ENTRY(name, ctx, keys, doc, ...) {ACT_##name, ctx, keys, doc, binds_##name},
    APP_KEYS(ACT_ENTRY)
#undef ACT_ENTRY
};
#define NKEYS ((int)(sizeof key_table / sizeof key_table[0]))

static int bind_matches(const KeyBind *b, const ScreenKey *k)
{
    for (; b->code != SK_NONE; b++) {
        if (b->code != k->code) continue;
        if (k->code == SK_CHAR || k->code == SK_CTRL) {
            if (b->ch == k->ch) return 1;
        } else if (k->code == SK_MOUSE) {
            if ((int)b->ch == k->button) return 1;
        } else {
            return 1;
        }
    }
    return 0;
}

static Action key_lookup(const KeyCtx *order, int n, const ScreenKey *k)
{
    for (int o = 0; o < n; o++)
        for (int i = 0; i < NKEYS; i++)
            if (key_table[i].ctx == order[o] && bind_matches(key_table[i].binds, k))
                return key_table[i].act;
    return ACT_NONE;
}

/* --------------------------------------------------------------- the state */

typedef enum { MODE_MENU, MODE_LESSON } Mode;
typedef enum { FOCUS_SOURCE, FOCUS_GRAPH, FOCUS_NARRATION, FOCUS_COUNT } Focus;

static const int speeds_pct[] = {25, 50, 100, 200, 400};
#define NSPEEDS 5
#define SPEED_1X 2

typedef struct {
    Mode mode;
    int from_menu;
    int cols, rows;
    /* menu */
    Lesson **menu;
    int nmenu, menu_sel;
    int menu_num;            /* the lesson number being typed (digits), 0: none */
    /* lesson */
    Lesson *lesson;
    int own_lesson;
    Session *sess;
    RunState run;
    uint32_t phase;          /* animation: events shown; UINT32_MAX the end */
    int autoplay, speed, delay_ms;
    int hold_pct;            /* autoplay: this stage's pause, in percent of delay_ms */
    int no_hints;            /* a recording: no key hints on screen */
    int played;              /* autoplay ran in this lesson (so: paused when off) */
    int help, notes;
    Focus focus;
    int panx, pany, narr_scroll;
    int narr_total, narr_rows;   /* the last narration drawn: its lines, the rows shown */
    uint32_t selected;
    /* the last frame's graph, for mouse hits */
    Graph *graph;            /* the heap pane's picture, kept while nothing it
                                shows changes (NULL once the session moves) */
    struct { uint32_t phase, selected; int width, large, inspecting, rows, expanded; } graph_key;
    Rect graph_rect;
    Graph *before;           /* the previous step's end state: names the ghosts */
    uint32_t anim_chunk;
    int memory;              /* the memory map in place of the heap graph */
    MemmapView mm;
    MemmapHits mm_hits;      /* where the last drawing put the pool cells */
    Rect mm_rect;            /* the memory map's content, on screen */
    int mm_width;            /* its content width, for cursor moves */
    Teach teach;             /* questions, live prompt, inspector, presenter, progress */
    int headless;            /* render, record: an endless script is refused (exit 2) */
    Nav nav;                 /* count before G, / search, the outline */
    Rect source_rect;        /* the source pane, on screen: a click on a line */
    Timeline tl;             /* the step's pictures event by event; tl.cur the one shown */
    int timeline;            /* capture them: 0 no (render of a step), 1 every event, 2 one (want) */
    uint32_t want_event;     /* timeline 2: the event whose frame render shows */
    int event_list;          /* the event list in place of the narration */
    int64_t pan_frame;       /* the timeline frame the heap was last scrolled to */
    uint32_t pan_selected;   /* the selection the heap was last scrolled to */
    uint32_t *expanded;      /* folded look-alike groups opened with Enter (graph_is_group) */
    int nexpanded;
    int next_done;           /* next_id/next_title looked up (at the last step) */
    char *next_id, *next_title;   /* the built-in lesson after this one, or NULL */
} App;

#define PHASE_END GRAPH_END

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void app_close_lesson(App *a)
{
    session_free(a->sess);
    a->sess = NULL;
    if (a->own_lesson) lesson_free(a->lesson);
    a->lesson = NULL;
    graph_free(a->graph);
    a->graph = NULL;
    graph_free(a->before);
    a->before = NULL;
    timeline_clear(&a->tl);
    free(a->next_id);
    free(a->next_title);
    a->next_id = a->next_title = NULL;
    a->next_done = 0;
    free(a->expanded);
    a->expanded = NULL;
    a->nexpanded = 0;
    teach_close(&a->teach);
    nav_reset(&a->nav);
}

/* The built-in lesson that follows this one in the course, if any. */
static void find_next_lesson(App *a)
{
    if (a->next_done) return;
    a->next_done = 1;
    int found = 0;
    for (int i = 0; i < session_builtin_count() && !a->next_id; i++) {
        StrBuf e = {0};
        Lesson *l = session_builtin(i, &e);
        sb_free(&e);
        if (!l) continue;
        if (found) {
            a->next_id = xstrdup(l->id);
            a->next_title = xstrdup(l->title);
        }
        if (a->lesson->id && !strcmp(l->id, a->lesson->id)) found = 1;
        lesson_free(l);
    }
}

/* Open a lesson (borrowed or owned) at step 0.  On failure err gets a line. */
static int poll_keys(void *ctx)
{
    (void)ctx;
    return screen_poll_interrupt();
}

static int app_open_lesson(App *a, Lesson *l, int own, StrBuf *err)
{
    int status = 0;
    /* a long step, the live prompt or End: any key or Ctrl-C interrupts */
    SessionOptions so;
    session_default_options(&so);
    so.poll = poll_keys;
    so.open_endless = !a->headless;
    Session *s = session_new(l, &so, err, &status);
    if (!s) {
        if (own) lesson_free(l);
        return status ? status : 2;
    }
    a->lesson = l;
    a->own_lesson = own;
    a->sess = s;
    a->mode = MODE_LESSON;
    a->run = RUN_PAUSED;
    a->phase = PHASE_END;
    a->focus = FOCUS_SOURCE;
    a->panx = a->pany = a->narr_scroll = 0;
    a->selected = 0;
    a->played = 0;
    teach_open(&a->teach, s, l);
    return 0;
}

static Graph *build_graph(App *a, uint32_t phase, int width, int before_only);
static Graph *build_graph_log(App *a, const EventLog *log, uint32_t phase, int width, int before_only,
                              const Graph *prev);
static int heap_pane_width(App *a);
static int heap_item_rows(App *a);
static int heap_pane_rows(App *a);
static void anim_start(App *a);

/* The timeline's picture after `phase` events, taken while the step runs */
static Graph *timeline_build(void *ctx, const EventLog *log, uint32_t phase, const Graph *prev)
{
    App *a = ctx;
    return build_graph_log(a, log, phase, heap_pane_width(a), 0, prev);
}
static void anim_tick(App *a);
static int app_play_next(App *a);
static void timeline_renote(App *a);

static void app_goto(App *a, int k, int animate)
{
    int cur = session_step(a->sess);
    if (k < 0) k = 0;
    if (k > session_nsteps(a->sess)) k = session_nsteps(a->sess);
    if (k == cur) return;
    graph_free(a->graph);   /* its objects are about to go */
    a->graph = NULL;
    /* the state just before step k (one step forward from wherever the
     * session is, or a re-run): the same whichever way we came, so that
     * render and the live screen agree */
    graph_free(a->before);
    a->before = NULL;
    int stopped = 0;
    if (k > 0) {
        session_goto_quiet(a->sess, k - 1);
        /* a key interrupted a long way (End on a big script): stay there */
        stopped = session_interrupted(a->sess);
        if (!stopped) a->before = build_graph(a, PHASE_END, 1000, 1);
    }
    timeline_clear(&a->tl);
    if (stopped) {
        k = session_step(a->sess);
        a->run = session_state(a->sess);
    } else {
        Heap *h = k > 0 && a->timeline ? interp_heap(session_interp(a->sess)) : NULL;
        if (h) timeline_begin(&a->tl, h, timeline_build, a, a->timeline == 2 ? a->want_event : 0);
        a->run = session_goto(a->sess, k);
        if (h) {
            timeline_end(&a->tl, interp_heap(session_interp(a->sess)));
            timeline_renote(a);
        }
    }
    if (k < cur) session_live_drop_after(a->sess, k);   /* back past a live statement: undone */
    a->phase = PHASE_END;
    a->narr_scroll = 0;
    teach_stepped(&a->teach, a->sess, a->lesson);
    if (animate && k == cur + 1) anim_start(a);
}

/* --------------------------------------------------------------- drawing */

typedef struct {
    GraphFrame *frames;
    int n;
    GraphName **names;
    int *count, *cap;
} FrameSet;

static void collect_name(void *arg, const char *name, Obj *value)
{
    FrameSet *fs = arg;
    int f = fs->n - 1;
    if (fs->count[f] == fs->cap[f]) {
        fs->cap[f] = fs->cap[f] ? fs->cap[f] * 2 : 16;
        fs->names[f] = xrealloc(fs->names[f], (size_t)fs->cap[f] * sizeof(GraphName));
    }
    fs->names[f][fs->count[f]++] = (GraphName){name, value};
}

static void repr_cb(void *ctx, Obj *o, StrBuf *out) { obj_repr(ctx, o, out); }

static const char *sym_cb(void *ctx, Sym s) { return module_symname(interp_module(ctx), s); }

/* The timeline's pictures, once the step has run: their notes in the light
 * of the whole log (an argument that became a parameter) */
static void timeline_renote(App *a)
{
    const EventLog *log = interp_heap(session_interp(a->sess))->log;
    for (int i = 0; i < a->tl.n; i++)
        graph_renote_event(a->tl.f[i].g, log, a->tl.f[i].event, session_source(a->sess), sym_cb,
                           session_interp(a->sess));
}

static const LessonStep *cur_step(App *a)
{
    int k = session_step(a->sess);
    if (k <= 0 || k > a->lesson->nsteps) return NULL;
    return &a->lesson->steps[k - 1];
}

/* The current line and the last line of its highlighted range. */
static void cur_lines(App *a, int *line, int *line_end)
{
    const LessonStep *st = cur_step(a);
    if (st) { *line = st->line; *line_end = st->line_end; return; }
    *line = *line_end = 0;
    if (session_step(a->sess) > 0 && a->run == RUN_PAUSED) {
        *line = interp_line(session_interp(a->sess));
        *line_end = *line;
    }
}

/* The graph of the current state at an animation phase, for a pane of
 * inner width `width`. */
/* before_only: a picture of the state before a step, to name its ghosts */
static Graph *build_graph(App *a, uint32_t phase, int width, int before_only)
{
    return build_graph_log(a, interp_heap(session_interp(a->sess))->log, phase, width, before_only, NULL);
}

static Graph *build_graph_log(App *a, const EventLog *log, uint32_t phase, int width, int before_only,
                              const Graph *prev)
{
    Interp *in = session_interp(a->sess);
    Heap *h = interp_heap(in);
    int nf = interp_frame_count(in);
    FrameSet fs = {xcalloc((size_t)nf + 1, sizeof(GraphFrame)), 0,
                   xcalloc((size_t)nf + 1, sizeof(GraphName *)), xcalloc((size_t)nf + 1, sizeof(int)),
                   xcalloc((size_t)nf + 1, sizeof(int))};
    char **titles = xcalloc((size_t)nf + 1, sizeof(char *));
    for (int f = 0; f < nf; f++) {
        fs.n = f + 1;
        interp_frame_names(in, f, collect_name, &fs);
        const char *nm = interp_frame_name(in, f);
        StrBuf t = {0};
        if (f == 0) sb_puts(&t, nm ? nm : "globals");
        else sb_printf(&t, "%s()", nm ? nm : "?");
        titles[f] = sb_take(&t);
    }
    for (int f = 0; f < nf; f++)
        fs.frames[f] = (GraphFrame){titles[f], fs.names[f], fs.count[f]};
    int at_start = session_step(a->sess) == 0;
    GraphScene sc = {
        .heap = h, .frames = fs.frames, .nframes = nf,
        .log = at_start ? NULL : log, .phase = phase, .source = session_source(a->sess),
        .repr = repr_cb, .symname = sym_cb, .ctx = in, .roots = interp_roots,
        .selected = a->selected, .width = width, .before = a->before, .large = a->teach.presenter,
        .before_only = before_only, .prev = prev, .max_rows = heap_item_rows(a), .compact = heap_item_rows(a) > 0 ? heap_pane_rows(a) : 0,
        .expanded = a->expanded, .nexpanded = a->nexpanded,
    };
    AliveChain ch = {0};
    StrBuf note = {0};
    if (a->teach.inspecting && a->selected && phase == PHASE_END && !before_only &&
        teach_alive_chain(a->sess, a->selected, &ch) == 0) {
        /* the inspector's "why is it still alive?" chain, on the graph too */
        if (ch.kind == ALIVE_NAME || ch.kind == ALIVE_INTERP) {
            sc.chain = ch.serial;
            sc.nchain = ch.n;
            sc.chain_root = ch.root_name;
            sc.chain_frame = ch.root_frame;
        }
        if (ch.kind == ALIVE_NAME) {
            sb_printf(&note, "alive through %s", ch.root_name);
            for (int i = 1; i < ch.n; i++) sb_puts(&note, ch.label[i]);
        } else if (ch.kind == ALIVE_INTERP) {
            sb_puts(&note, "alive: held by the interpreter");
        } else if (ch.kind == ALIVE_UNREACHABLE) {
            sb_puts(&note, "unreachable: only gc can free it");
        }
        sc.chain_note = note.s;
    }
    Graph *g = graph_build(&sc);
    teach_alive_free(&ch);
    sb_free(&note);
    for (int f = 0; f < nf; f++) { free(fs.names[f]); free(titles[f]); }
    free(fs.names);
    free(fs.count);
    free(fs.cap);
    free(fs.frames);
    free(titles);
    return g;
}

/* The heap pane's inner width at the current size (the timeline's pictures
 * are built while the step runs, before anything is drawn). */
static int heap_pane_width(App *a)
{
    Layout L;
    if (a->teach.presenter) teach_presenter_layout(a->cols, a->rows, a->lesson->nlines, &L);
    else layout_compute(a->cols, a->rows, a->lesson->nlines, &L);
    return L.graph.w - 3;
}

/* The item rows a container's box shows: fewer in a short heap pane (80x24
 * gives it nine rows), so that the boxes a step is about fit; 0: as many
 * as graph.c shows by default. */
static int heap_pane_rows(App *a)
{
    Layout L;
    if (a->teach.presenter) teach_presenter_layout(a->cols, a->rows, a->lesson->nlines, &L);
    else layout_compute(a->cols, a->rows, a->lesson->nlines, &L);
    return L.graph.h - 2;
}

static int heap_item_rows(App *a) { return heap_pane_rows(a) <= 12 ? 3 : 0; }

/* The timeline frame shown, or NULL: the step's end state. */
static const TimelineFrame *cur_frame(App *a)
{
    return a->tl.cur >= 0 && a->tl.cur < a->tl.n ? &a->tl.f[a->tl.cur] : NULL;
}

/* A new event, or a step's end state: scroll the heap to what the event
 * touched, if it is out of view.  At the end state: every object the step's
 * events touched (the collector's banner too, if it ran; not temporaries
 * made and freed within the step), or, when they do not fit together, the
 * highest of them.  Panning by hand stays until the next event or step. */
static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

static void heap_scroll_to_events(App *a, const Graph *g, const TimelineFrame *tf, int ih)
{
    /* an end state from the top, whatever the events before it scrolled
       to: the same picture however it was reached (render, record, keys) */
    if (!tf) a->pany = 0;
    const EventLog *log = session_step(a->sess) > 0 ? interp_heap(session_interp(a->sess))->log : NULL;
    if (!log || log->n == 0) return;
    uint32_t from = tf ? tf->event : 1, to = tf ? tf->event : log->n;
    if (from < 1 || to > log->n) return;
    uint32_t *made = NULL;   /* end state: serials allocated in the step, sorted */
    uint32_t nmade = 0;
    if (!tf) {
        made = xcalloc((size_t)log->n + 1, sizeof(uint32_t));
        for (uint32_t i = 0; i < log->n; i++)
            if (log->ev[i].kind == EV_ALLOC) made[nmade++] = log->ev[i].serial;
        qsort(made, nmade, sizeof(uint32_t), cmp_u32);
    }
    int top = INT32_MAX, toph = 0, bottom = -1, ly = -1, lh = 0;
    uint32_t seen = 0;
    for (uint32_t i = from; i <= to; i++) {
        const Event *e = &log->ev[i - 1];
        int ny, nh;
        if (!tf && e->kind == EV_GC_BEGIN) { top = 0; toph = 1; }   /* the collector's banner */
        if (!e->serial || e->serial == seen || graph_node_rows(g, e->serial, &ny, &nh) != 0) continue;
        seen = e->serial;
        if (made && graph_is_ghost(g, e->serial) &&
            bsearch(&e->serial, made, nmade, sizeof(uint32_t), cmp_u32))
            continue;   /* a temporary, born and freed in the step */
        if (ny < top) { top = ny; toph = nh; }
        if (ny + nh > bottom) bottom = ny + nh;
        ly = ny;
        lh = nh;
    }
    free(made);
    if (!tf) {
        if (top == INT32_MAX) return;
        ly = top;
        lh = bottom - top <= ih ? bottom - top : toph;
    }
    if (ly < 0) return;
    if (lh > ih) lh = ih;
    if (ly + lh > a->pany + ih) a->pany = ly + lh - ih;
    if (ly < a->pany) a->pany = ly;
}

static void draw_graph(App *a, Canvas *c, Rect r)
{
    views_pane(c, r, "heap", a->focus == FOCUS_GRAPH);
    if (!session_interp(a->sess)) return;
    /* a million objects take milliseconds to lay out: only when the
       picture changes (a step, an animation frame, the selection, the size) */
    if (!a->graph || a->graph_key.phase != a->phase || a->graph_key.selected != a->selected ||
        a->graph_key.width != r.w - 3 || a->graph_key.large != a->teach.presenter ||
        a->graph_key.inspecting != a->teach.inspecting || a->graph_key.rows != heap_item_rows(a) ||
        a->graph_key.expanded != a->nexpanded) {
        graph_free(a->graph);
        a->graph = build_graph(a, a->phase, r.w - 3, 0);
        a->graph_key.phase = a->phase;
        a->graph_key.selected = a->selected;
        a->graph_key.width = r.w - 3;
        a->graph_key.large = a->teach.presenter;
        a->graph_key.inspecting = a->teach.inspecting;
        a->graph_key.rows = heap_item_rows(a);
        a->graph_key.expanded = a->nexpanded;
    }
    const TimelineFrame *tf = cur_frame(a);
    Graph *g = tf ? tf->g : a->graph;   /* an event's picture, or the step's end */
    int gw, gh;
    graph_size(g, &gw, &gh);
    int iw = r.w - 3, ih = r.h - 2;
    StrBuf d = {0};
    if (a->selected && graph_describe(g, a->selected, &d) < 0 && !tf) a->selected = 0;
    if (a->selected) ih--;
    int64_t fkey = (int64_t)session_step(a->sess) << 32 | (tf ? (uint32_t)(a->tl.cur + 1) : UINT32_MAX);
    if (fkey != a->pan_frame) heap_scroll_to_events(a, g, tf, ih);
    a->pan_frame = fkey;
    int sy, sh;
    if (a->selected != a->pan_selected && a->selected && graph_node_rows(g, a->selected, &sy, &sh) == 0) {
        /* a newly selected object (Tab, or a group opened): into view */
        if (sh > ih) sh = ih;
        if (sy + sh > a->pany + ih) a->pany = sy + sh - ih;
        if (sy < a->pany) a->pany = sy;
    }
    a->pan_selected = a->selected;
    if (a->panx > gw - iw) a->panx = gw - iw;
    if (a->pany > gh - ih) a->pany = gh - ih;
    if (a->panx < 0) a->panx = 0;
    if (a->pany < 0) a->pany = 0;
    a->graph_rect = (Rect){r.x + 2, r.y + 1, iw, ih};
    graph_draw(g, c, r.x + 2, r.y + 1, iw, ih, a->panx, a->pany);
    if (a->selected && d.len) {
        canvas_fill(c, r.x + 1, r.y + r.h - 2, r.w - 2, 1, ' ', STYLE_SELECTED | CF_REVERSE);
        canvas_put_utf8_fit(c, r.x + 2, r.y + r.h - 2, d.s, r.w - 4, STYLE_SELECTED | CF_REVERSE);
    }
    sb_free(&d);
    if (gw > iw || gh > ih) {
        char hint[64];
        snprintf(hint, sizeof hint, " %s%s%s%s ", a->panx > 0 ? "←" : "", a->pany > 0 ? "↑" : "",
                 a->pany < gh - ih ? "↓" : "", a->panx < gw - iw ? "→" : "");
        if (strlen(hint) > 2)
            canvas_put_utf8(c, r.x + r.w - 2 - canvas_text_width(hint), r.y + r.h - 1, hint, STYLE_DIM);
    }
}

static void draw_memory(App *a, Canvas *c, Rect r)
{
    /* the allocator is not kept per event: at an event, say which state it shows */
    const char *t = a->mm.zoom ? (cur_frame(a) ? "memory map · pool · at the step's end" : "memory map · pool")
                               : (cur_frame(a) ? "memory map · at the step's end" : "memory map");
    views_pane(c, r, t, a->focus == FOCUS_GRAPH);
    if (!session_interp(a->sess)) return;
    a->mm.focused = a->focus == FOCUS_GRAPH;
    a->mm_width = r.w - 3;
    a->mm_rect = (Rect){r.x + 2, r.y + 1, r.w - 3, r.h - 2};
    memmap_draw_hits(c, a->mm_rect, interp_heap(session_interp(a->sess))->alloc, &a->mm, &a->mm_hits);
}

static void draw_narration(App *a, Canvas *c, Rect r)
{
    ViewPara p[32];
    int n = 0;
    int k = session_step(a->sess), nsteps = session_nsteps(a->sess);
    const LessonStep *st = cur_step(a);
    StrBuf hint = {0}, err = {0}, title = {0}, next = {0};
    if (k == 0) {
        if (a->lesson->summary && *a->lesson->summary)
            p[n++] = (ViewPara){a->lesson->summary, STYLE_NORMAL, 0};
        else
            p[n++] = (ViewPara){"Nothing has run yet.", STYLE_NORMAL, 0};
        p[n++] = (ViewPara){NULL, 0, 0};
        int l1 = session_step_line(a->sess, 1);
        if (a->no_hints) {
            if (l1 > 0) sb_printf(&hint, "Line %d runs next.", l1);
            else sb_puts(&hint, "The first statement runs next.");
        } else if (l1 > 0) sb_printf(&hint, "Press → or Space to run up to line %d.", l1);
        else sb_puts(&hint, "Press → or Space to run the first statement.");
        p[n++] = (ViewPara){hint.s, STYLE_DIM, 0};
        sb_puts(&title, "narration");
        teach_live_paras(&a->teach, a->sess, p, &n, 24);
    } else {
        int line, le;
        cur_lines(a, &line, &le);
        if (line > 0) sb_printf(&title, "step %d · line %d", k, line);
        else sb_printf(&title, "step %d", k);
        /* a question comes first; its narration (and output) once answered */
        int asking = teach_question_paras(&a->teach, a->sess, a->lesson, p, &n, 24);
        if (asking) ;
        else if (st && st->say && *st->say) p[n++] = (ViewPara){st->say, STYLE_NORMAL, 0};
        else if (line > 0) {
            sb_printf(&hint, "Line %d ran.", line);
            p[n++] = (ViewPara){hint.s, STYLE_NORMAL, 0};
        }
        const char *out = session_output(a->sess);
        if (out && *out && !asking) {
            p[n++] = (ViewPara){NULL, 0, 0};
            p[n++] = (ViewPara){"output:", STYLE_DIM, 0};
            p[n++] = (ViewPara){out, STYLE_NUMBER, 2};
        }
        if (a->run == RUN_ERROR || a->run == RUN_LIMIT) {
            const char *e = interp_error(session_interp(a->sess));
            if (e && *e) {
                /* the traceback's last line says what happened */
                size_t len = strlen(e);
                while (len > 0 && e[len - 1] == '\n') len--;
                size_t s0 = len;
                while (s0 > 0 && e[s0 - 1] != '\n') s0--;
                sb_put(&err, e + s0, len - s0);
                p[n++] = (ViewPara){NULL, 0, 0};
                p[n++] = (ViewPara){err.s, STYLE_ERROR | CF_BOLD, 0};
            }
        } else if (k == nsteps && a->run == RUN_DONE) {
            p[n++] = (ViewPara){NULL, 0, 0};
            p[n++] = (ViewPara){"The program has ended: its globals are released.", STYLE_DIM, 0};
        }
        if (k == nsteps && nsteps > 0 && a->lesson->nsteps > 0 && !asking) {
            /* the lesson is over: say so, and what comes next */
            find_next_lesson(a);
            p[n++] = (ViewPara){NULL, 0, 0};
            if (a->next_id && a->from_menu)
                sb_printf(&next, "This lesson is finished. Next: %s (q goes back to the menu, where it is next).",
                          a->next_title);
            else if (a->next_id)
                sb_printf(&next, "This lesson is finished. Next: %s (memtutor %s).", a->next_title,
                          a->next_id);
            else
                sb_puts(&next, "This lesson is finished: that was the last one. Try your own script "
                               "with memtutor FILE.py.");
            p[n++] = (ViewPara){next.s, STYLE_OK | CF_BOLD, 0};
        }
        teach_live_paras(&a->teach, a->sess, p, &n, 24);
    }
    a->narr_total = views_narration_keys(c, r, title.s, p, n, a->narr_scroll, a->focus == FOCUS_NARRATION,
                                         !a->no_hints);
    a->narr_rows = r.h - 2;
    if (a->narr_scroll > a->narr_total - a->narr_rows) a->narr_scroll = a->narr_total - a->narr_rows;
    if (a->narr_scroll < 0) a->narr_scroll = 0;
    sb_free(&hint);
    sb_free(&err);
    sb_free(&title);
    sb_free(&next);
}

static void draw_help(App *a, Canvas *c)
{
    HelpRow rows[NKEYS + 8];
    int n = 0;
    static const struct { KeyCtx ctx; const char *head; } sect[] = {
        {CTX_LESSON, "lesson"}, {CTX_INSPECT, "inspector (i)"}, {CTX_TEXT, "question and live prompt"},
        {CTX_GRAPH, "heap pane focused (Tab)"}, {CTX_MEMORY, "memory map focused (Tab)"},
        {CTX_NARRATION, "narration focused (Tab)"}, {CTX_OUTLINE, "outline (o)"}, {CTX_MENU, "lesson menu"},
        {CTX_ANY, "anywhere"},
    };
    /* the keys that work here: the menu's in the menu; in a lesson the
     * lesson's, the focused pane's and the inspector's when it is open, so
     * the overlay fits a small terminal (`man memtutor` lists them all) */
    for (size_t s = 0; s < sizeof sect / sizeof sect[0]; s++) {
        KeyCtx k = sect[s].ctx;
        int show;
        if (a->mode == MODE_MENU) show = k == CTX_MENU || k == CTX_ANY;
        else
            show = k == CTX_LESSON || k == CTX_ANY ||
                   (k == CTX_INSPECT && a->teach.inspecting) || (k == CTX_OUTLINE && a->nav.outline) ||
                   (k == CTX_GRAPH && a->focus == FOCUS_GRAPH && !a->memory) ||
                   (k == CTX_MEMORY && a->focus == FOCUS_GRAPH && a->memory) ||
                   (k == CTX_NARRATION && a->focus == FOCUS_NARRATION);
        if (!show) continue;
        rows[n++] = (HelpRow){NULL, sect[s].head};
        for (int i = 0; i < NKEYS; i++)
            if (key_table[i].ctx == k) rows[n++] = (HelpRow){key_table[i].keys, key_table[i].doc};
    }
    views_help(c, rows, n, "Esc or q closes this help · man memtutor lists every key");
}

static void draw_lesson(App *a, Canvas *c)
{
    Layout L;
    int pres = a->teach.presenter;   /* presenter: source, graph, narration only */
    if (pres) teach_presenter_layout(a->cols, a->rows, a->lesson->nlines, &L);
    else layout_compute(a->cols, a->rows, a->lesson->nlines, &L);
    StrBuf t = {0};
    sb_printf(&t, "memtutor · %s", a->lesson->title);
    char right[64] = "";
    if (a->autoplay)
        snprintf(right, sizeof right, "▶ autoplay %g×", speeds_pct[a->speed] / 100.0);
    else if (a->nav.msg)
        snprintf(right, sizeof right, "%s", a->nav.msg);   /* a search's result */
    else if (a->played && session_step(a->sess) < session_nsteps(a->sess))
        snprintf(right, sizeof right, "‖ paused · p resumes");
    if (!pres) views_title(c, L.title, t.s, right[0] ? right : NULL);
    sb_free(&t);
    int line, le;
    cur_lines(a, &line, &le);
    views_source_above(c, L.source, a->lesson->source, line, le, a->focus == FOCUS_SOURCE,
                       teach_source_rows(&a->teach, a->sess, L.source));
    a->source_rect = L.source;
    teach_draw_live(&a->teach, a->sess, c, L.source);
    teach_draw_prompt(&a->teach, c, L.source);
    if (teach_draw_traceback(&a->teach, a->sess, c, L.graph)) ;   /* in place of the heap, for its width */
    else if (a->memory && !pres) draw_memory(a, c, L.graph);
    else draw_graph(a, c, L.graph);
    Rect nr = L.narration;
    const LessonStep *nst = cur_step(a);
    if (a->notes && !pres && !a->teach.projected) teach_draw_notes(c, &nr, nst && nst->notes ? nst->notes : "(no notes for this step)");
    if (a->teach.inspecting && !a->selected) a->teach.inspecting = 0;   /* its object is gone */
    Heap *h = interp_heap(session_interp(a->sess));
    const TimelineFrame *tf = cur_frame(a);
    if (a->teach.inspecting) teach_draw_inspector(&a->teach, a->sess, a->selected, c, nr);
    else if (a->event_list && session_step(a->sess) > 0)
        timeline_draw_list(c, nr, h->log, tf ? tf->event : h->log ? h->log->n : 0, session_source(a->sess), sym_cb,
                           session_interp(a->sess), a->teach.ascii);
    else draw_narration(a, c, nr);
    if (pres) {
        /* no status row: the search field and its result on the bottom row */
        Rect bottom = {0, a->rows - 1, a->cols, 1};
        if (a->nav.msg && !a->nav.searching) {
            StrBuf m = {0};
            sb_printf(&m, " %s ", a->nav.msg);   /* over the panes' bottom border, as a title */
            canvas_put_utf8_fit(c, 1, bottom.y, m.s, a->cols - 2, STYLE_EMPH | CF_BOLD);
            sb_free(&m);
        }
        nav_draw_search(&a->nav, c, bottom);
        return;
    }
    char evpos[48] = "";
    if (tf && h->log) snprintf(evpos, sizeof evpos, "event %u/%u", tf->event, h->log->n);
    StatusInfo si = {
        .step = session_step(a->sess), .nsteps = session_nsteps(a->sess),
        .live = tf ? tf->live : h->live_total, .bytes = tf ? tf->bytes : h->bytes_total,
        .gc = {h->gen[0].count, h->gen[1].count, h->gen[2].count},
        .extra = evpos[0] ? evpos : NULL,
        .keys = a->focus == FOCUS_GRAPH && a->memory ? "arrows pools  Enter zoom  Tab next pane"
              : a->focus == FOCUS_GRAPH ? "arrows pan  Tab next pane  ./, event"
              : a->focus == FOCUS_NARRATION ? "↑/↓ scroll  Tab next pane  ./, event"
              : "→/← step  ./, event",
        .no_keys = a->no_hints != 0,
    };
    views_status(c, L.status, &si);
    nav_draw_search(&a->nav, c, L.status);
}

/* The whole frame from the state: the one drawing path of live and render. */
static void app_draw(App *a, Canvas *c)
{
    a->mm_hits.n = 0;   /* filled again if the memory map is drawn */
    canvas_resize(c, a->cols, a->rows);
    if (a->cols < LAYOUT_MIN_COLS || a->rows < LAYOUT_MIN_ROWS) {
        views_too_small(c, a->cols, a->rows, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
        return;
    }
    if (a->mode == MODE_MENU) teach_draw_menu(&a->teach, c, a->menu, a->nmenu, a->menu_sel);
    else draw_lesson(a, c);
    if (a->mode == MODE_LESSON && a->nav.outline) nav_draw_outline(&a->nav, c, a->lesson, a->sess, a->teach.ascii);
    if (a->help) draw_help(a, c);
}

/* ---------------------------------------------------------------- render */

int app_render(const char *target, int step, int cols, int rows, int ascii, int color, StrBuf *out,
               StrBuf *err)
{
    return app_render_pane(target, step, cols, rows, ascii, color, NULL, out, err);
}

/* A headless App (render, record, benchmarks) with target open at step 0:
 * 0, or an exit status with err set. */
static int app_open_headless(App *a, const char *target, int cols, int rows, StrBuf *err)
{
    a->cols = cols;
    a->rows = rows;
    a->speed = SPEED_1X;
    a->headless = 1;
    int status = 0;
    Lesson *l = session_load_target(target, err, &status);
    if (!l) return status ? status : 2;
    return app_open_lesson(a, l, 1, err);
}

/* The program ran out of its budget of work on the way (an endless
 * statement): headless commands stop there with exit 2, its message in err. */
static int stopped_at_limit(App *a, StrBuf *err)
{
    Interp *in = session_interp(a->sess);
    if (!in || interp_state(in) != RUN_LIMIT) return 0;
    const char *m = interp_error(in);
    size_t n = strlen(m);
    if (!strncmp(m, "memtutor: ", 10)) m += 10, n -= 10;
    if (n && m[n - 1] == '\n') n--;
    sb_put(err, m, n);
    return 1;
}

int app_render_pane(const char *target, int step, int cols, int rows, int ascii, int color, const char *pane,
                    StrBuf *out, StrBuf *err)
{
    AppRenderOptions o = {.step = step, .cols = cols, .rows = rows, .ascii = ascii, .color = color, .pane = pane};
    return app_render_with(target, &o, out, err);
}

int app_render_with(const char *target, const AppRenderOptions *o, StrBuf *out, StrBuf *err)
{
    int step = o->step, cols = o->cols, rows = o->rows, ascii = o->ascii, color = o->color;
    int event = o->event;
    const char *pane = o->pane;
    if (cols < 1 || rows < 1 || cols > 1000 || rows > 1000) {
        sb_printf(err, "render: size %dx%d out of range", cols, rows);
        return 2;
    }
    App a = {0};
    a.cols = cols;
    a.rows = rows;
    a.speed = SPEED_1X;
    a.teach.ascii = ascii;
    int status = 0;
    if (!target) {
        a.mode = MODE_MENU;
        a.nmenu = session_builtin_count();
        a.menu = xcalloc((size_t)a.nmenu + 1, sizeof(Lesson *));
        for (int i = 0; i < a.nmenu; i++) a.menu[i] = session_builtin(i, err);
    } else {
        status = app_open_headless(&a, target, cols, rows, err);
        if (status) return status;
        int n = session_nsteps(a.sess);
        if (step < 0 || step > n) {
            sb_printf(err, "render: step %d out of range (0..%d)", step, n);
            app_close_lesson(&a);
            return 2;
        }
        if (event > 0 && step == 0) {
            sb_puts(err, "render: --event needs a step (1 or more): step 0 has no events");
            app_close_lesson(&a);
            return 2;
        }
        if (event > 0) {
            a.timeline = 2;
            a.want_event = (uint32_t)event;
        }
        app_goto(&a, step, 0);
        if (stopped_at_limit(&a, err)) {
            app_close_lesson(&a);
            return 2;
        }
        if (event > 0) {
            const EventLog *log = interp_heap(session_interp(a.sess))->log;
            uint32_t nev = log ? log->n : 0;
            const TimelineFrame *tf = timeline_frame_at(&a.tl, (uint32_t)event);
            if (!tf) {
                sb_printf(err, "render: --event %d out of range: step %d has %u event%s", event, step, nev,
                          nev == 1 ? "" : "s");
                app_close_lesson(&a);
                return 2;
            }
            a.tl.cur = (int)(tf - a.tl.f);
        }
        a.memory = pane && !strcmp(pane, "memory");
    }
    Canvas *c = canvas_new(cols, rows);
    app_draw(&a, c);
    if (target && o->played) {
        a.no_hints = 1;
        teach_play_advance(&a.teach, a.sess, a.lesson);   /* the question starts */
        do app_draw(&a, c);
        while (app_play_next(&a));
    }
    if (color) canvas_to_ansi_text(c, ascii != 0, SCHEME_NORMAL, out);
    else canvas_to_text(c, ascii != 0, out);
    canvas_free(c);
    app_close_lesson(&a);
    for (int i = 0; i < a.nmenu; i++) lesson_free(a.menu[i]);
    free(a.menu);
    return 0;
}

/* A recording's next frame within the step drawn last: its question one
 * stage further (teach_play_advance), or else a narration longer than its
 * pane a page further (the last line of a page stays in view).  Returns
 * how long that frame holds, in percent of the delay; 0: the step is done. */
static int app_play_next(App *a)
{
    int hold = teach_play_advance(&a->teach, a->sess, a->lesson);
    if (hold) return hold;
    if (a->narr_rows < 2 || a->narr_scroll + a->narr_rows >= a->narr_total) return 0;
    a->narr_scroll += a->narr_rows - 1;
    return 100;
}

/* Headless frames for record: step 0, then each step forward (with its
 * animation phases when asked), drawn by app_draw as the live TUI does. */
static int anim_frame_ms(App *a);

int app_frames(const char *target, const AppFrameOptions *o, app_frame_fn fn, void *ctx,
               StrBuf *err)
{
    if (o->cols < 1 || o->rows < 1 || o->cols > 1000 || o->rows > 1000) {
        sb_printf(err, "record: size %dx%d out of range", o->cols, o->rows);
        return 2;
    }
    App a = {0};
    int status = app_open_headless(&a, target, o->cols, o->rows, err);
    if (status) return status;
    a.memory = o->memory;
    a.timeline = o->animate;
    a.no_hints = !o->hints;
    Canvas *c = canvas_new(o->cols, o->rows);
    int n = session_nsteps(a.sess), rc = 0;
    for (int k = 0; k <= n && rc == 0; k++) {
        app_goto(&a, k, o->animate);
        if (stopped_at_limit(&a, err)) {
            rc = 2;
            break;
        }
        /* a question plays as autoplay plays it: the question (also during
           the animation), its answer, then the narration */
        int hold = o->reveal ? 0 : teach_play_advance(&a.teach, a.sess, a.lesson);
        if (!hold) hold = 100;
        const LessonStep *st = cur_step(&a);
        AppFrame f = {.canvas = c, .step = k, .nsteps = n, .anim_ms = anim_frame_ms(&a),
                      .title = a.lesson->title, .say = k == 0 ? a.lesson->summary : st ? st->say : NULL};
        int le;
        cur_lines(&a, &f.line, &le);
        for (f.phase = 0; a.phase != PHASE_END && rc == 0; f.phase++) {
            app_draw(&a, c);
            rc = fn(ctx, &f);
            anim_tick(&a);
        }
        f.phase = -1;
        f.output = session_output(a.sess);
        f.lesson = a.lesson;
        if (o->reveal) {
            /* the asked state as render draws it; then, for a question, the
               played end of it: the answer and the narration */
            f.hold_pct = 100;
            app_draw(&a, c);
            if (rc == 0) rc = fn(ctx, &f);
            if (rc == 0 && teach_play_pending(&a.teach, a.sess)) {
                while (teach_play_advance(&a.teach, a.sess, a.lesson)) {}
                f.stage = 1;
                f.answer = a.teach.reply[k];
                app_draw(&a, c);
                rc = fn(ctx, &f);
            }
            continue;
        }
        for (f.stage = 0; rc == 0 && hold; f.stage++) {
            f.hold_pct = hold;
            app_draw(&a, c);
            rc = fn(ctx, &f);
            hold = app_play_next(&a);
        }
    }
    canvas_free(c);
    app_close_lesson(&a);
    return rc;
}

/* For benchmarks: open target, go to step `from` and draw it; then `rounds`
 * times, time going to step `to` and drawing it (as the key press does in
 * the TUI: a step back re-runs the program), then return to `from` untimed.
 * ms[] gets each round's milliseconds. */
int app_time_step(const char *target, int from, int to, int cols, int rows, int rounds, double *ms,
                  StrBuf *err)
{
    App a = {0};
    int status = app_open_headless(&a, target, cols, rows, err);
    if (status) return status;
    int n = session_nsteps(a.sess);
    if (from < 0 || from > n || to < 0 || to > n) {
        sb_printf(err, "steps %d and %d: out of range (0..%d)", from, to, n);
        app_close_lesson(&a);
        return 2;
    }
    Canvas *c = canvas_new(cols, rows);
    StrBuf text = {0};
    app_goto(&a, from, 0);
    app_draw(&a, c);
    for (int i = 0; i < rounds; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        app_goto(&a, to, 0);
        app_draw(&a, c);
        sb_clear(&text);
        canvas_to_text(c, 0, &text);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        ms[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        app_goto(&a, from, 0);
        app_draw(&a, c);
    }
    sb_free(&text);
    canvas_free(c);
    app_close_lesson(&a);
    return 0;
}

/* ------------------------------------------------------------------- run */

/* Animation: the step's timeline, one frame per event the picture shows
 * (taken while the step ran), in chunks so that a step takes at most about
 * 40 frames; then the step's end state. */
static int anim_frame_ms(App *a) { return 160 * 100 / speeds_pct[a->speed]; }

static void anim_start(App *a)
{
    a->anim_chunk = a->tl.n > 40 ? (uint32_t)(a->tl.n + 39) / 40 : 1;
    a->tl.cur = a->tl.n > 0 ? 0 : -1;
    a->phase = a->tl.n > 0 ? 0 : PHASE_END;
}

static void anim_tick(App *a)
{
    if (a->phase == PHASE_END) return;
    a->tl.cur += (int)a->anim_chunk;
    a->phase++;
    if (a->tl.cur >= a->tl.n) {
        a->tl.cur = -1;
        a->phase = PHASE_END;
    }
}

/* One event forward (dir 1) or back (-1) in the timeline; past either end
 * of a step, the neighbouring step (forward: its first event). */
static void event_move(App *a, int dir)
{
    Timeline *t = &a->tl;
    int k = session_step(a->sess);
    if (dir > 0) {
        if (t->cur >= 0 && t->cur + 1 < t->n) t->cur++;
        else if (t->cur >= 0) t->cur = -1;
        else if (k < session_nsteps(a->sess)) {
            app_goto(a, k + 1, 0);
            t->cur = t->n > 0 ? 0 : -1;
        }
    } else {
        if (t->cur > 0) t->cur--;
        else if (t->cur < 0 && t->n > 0) t->cur = t->n - 1;
        else if (k > 0) app_goto(a, k - 1, 0);
    }
}

/* Do an action; returns 1 to leave the loop. */
static int app_act(App *a, Action act, const ScreenKey *k, int *status)
{
    int nsteps = a->sess ? session_nsteps(a->sess) : 0;
    int count = nav_take_count(&a->nav);   /* only G and g use it; any other key drops it */
    switch (act) {
    case ACT_NONE: break;
    case ACT_NEXT: app_goto(a, session_step(a->sess) + 1, 1); break;
    case ACT_BACK: app_goto(a, session_step(a->sess) - 1, 0); break;
    case ACT_FIRST:
    case ACT_LAST:
        if (count > nsteps) nav_say(&a->nav, "step %d: the lesson has %d", count, nsteps);
        app_goto(a, count ? count : act == ACT_FIRST ? 0 : nsteps, 0);
        break;
    case ACT_DIGIT:
        a->nav.count = count;
        nav_digit(&a->nav, (int)(k->ch - '0'));
        break;
    case ACT_SEARCH: nav_search_open(&a->nav); break;
    case ACT_SEARCH_NEXT:
    case ACT_SEARCH_PREV: {
        int to = nav_search_run(&a->nav, a->lesson, a->sess, session_step(a->sess),
                                act == ACT_SEARCH_NEXT ? 1 : -1);
        if (to) app_goto(a, to, to == session_step(a->sess) + 1);
        break;
    }
    case ACT_OUTLINE: nav_outline_open(&a->nav, session_step(a->sess), nsteps); break;
    case ACT_OUT_UP: nav_outline_move(&a->nav, -1, nsteps); break;
    case ACT_OUT_DOWN: nav_outline_move(&a->nav, 1, nsteps); break;
    case ACT_OUT_PAGE: nav_outline_move(&a->nav, k->code == SK_PGUP ? -10 : 10, nsteps); break;
    case ACT_OUT_FIRST: nav_outline_move(&a->nav, -nsteps, nsteps); break;
    case ACT_OUT_LAST: nav_outline_move(&a->nav, nsteps, nsteps); break;
    case ACT_OUT_GO:
        a->nav.outline = 0;
        app_goto(a, a->nav.out_sel, 0);
        break;
    case ACT_OUT_CLOSE: a->nav.outline = 0; break;
    case ACT_SEARCH_RUN: break;
    case ACT_EV_NEXT: event_move(a, 1); break;
    case ACT_EV_PREV: event_move(a, -1); break;
    case ACT_EV_LIST: a->event_list = !a->event_list; break;
    case ACT_NARR_PAGE: a->narr_scroll += k->code == SK_PGUP ? -4 : 4; break;
    case ACT_AUTOPLAY:
        a->autoplay = !a->autoplay;
        a->played |= a->autoplay;
        a->hold_pct = 100;
        if (!a->autoplay) teach_play_stop(&a->teach, a->sess);
        break;
    case ACT_FASTER: if (a->speed < NSPEEDS - 1) a->speed++; break;
    case ACT_SLOWER: if (a->speed > 0) a->speed--; break;
    case ACT_FOCUS:
        a->focus = (Focus)((a->focus + (k->code == SK_BTAB ? FOCUS_COUNT - 1 : 1)) % FOCUS_COUNT);
        break;
    case ACT_NOTES: a->notes = !a->notes; break;
    case ACT_SELECT:;   /* a declaration may not follow a label in C11 */
        uint32_t marena;
        unsigned mpool;
        if (a->memory && !a->mm.zoom && memmap_hit(&a->mm_hits, k->x, k->y, &marena, &mpool)) {
            /* a pool: the cursor goes there; a click on the cursor's pool
             * opens it (as Enter does) */
            Alloc *al = interp_heap(session_interp(a->sess))->alloc;
            int same = a->focus == FOCUS_GRAPH && memmap_cursor_arena(al, a->mm.arena) == marena &&
                       a->mm.pool == mpool;
            a->mm.arena = marena;
            a->mm.pool = mpool;
            a->focus = FOCUS_GRAPH;
            if (same) a->mm.zoom = true;
        } else if (a->memory && a->mm.zoom && layout_contains(a->mm_rect, k->x, k->y)) {
            a->mm.zoom = false;   /* a click in the opened pool goes back to the arenas */
        } else if (!a->memory && a->graph && layout_contains(a->graph_rect, k->x, k->y)) {
            uint32_t s = graph_hit(a->graph, k->x - a->graph_rect.x + a->panx,
                                   k->y - a->graph_rect.y + a->pany);
            a->selected = s == a->selected ? 0 : s;
            a->focus = FOCUS_GRAPH;
            a->teach.inspecting = a->selected != 0;
        } else if (layout_contains(a->source_rect, k->x, k->y) && k->y > a->source_rect.y &&
                   k->y < a->source_rect.y + a->source_rect.h - 1 -
                              teach_source_rows(&a->teach, a->sess, a->source_rect)) {
            /* a source line (not a live row below them): run to the first step at it */
            int line, le;
            cur_lines(a, &line, &le);
            int ih = a->source_rect.h - 2 - teach_source_rows(&a->teach, a->sess, a->source_rect);
            int at = views_source_top(a->lesson->source, ih, line) + k->y - a->source_rect.y;
            int to = at <= a->lesson->nlines ? nav_step_at_line(a->lesson, a->sess, at) : 0;
            if (to) app_goto(a, to, to == session_step(a->sess) + 1);
            else if (at <= a->lesson->nlines) nav_say(&a->nav, "line %d: no step runs it", at);
        } else {
            a->selected = 0;
            a->teach.inspecting = 0;
        }
        break;
    case ACT_SKIP: teach_skip(&a->teach, a->sess, a->lesson); break;
    case ACT_INSPECT:
    case ACT_INS_NEXT:
    case ACT_INS_PREV: {
        uint32_t objs[256];
        int no = a->graph ? graph_objects(a->graph, objs, 256) : 0;
        if (act == ACT_INSPECT && a->selected && graph_is_group(a->graph, a->selected) &&
            a->teach.inspecting) {
            /* Enter on folded look-alike groups draws them one by one */
            a->expanded = xrealloc(a->expanded, (size_t)(a->nexpanded + 1) * sizeof(uint32_t));
            a->expanded[a->nexpanded++] = a->selected;
            a->pan_selected = 0;   /* its first object comes into view */
        } else if (act == ACT_INSPECT && a->selected && graph_has(a->graph, a->selected)) {
            /* keep the selection */
        } else {
            a->selected = teach_next_object(objs, no, a->selected, act == ACT_INS_PREV ? -1 : 1);
        }
        a->teach.inspecting = a->selected != 0;
        a->teach.inspect_scroll = 0;
        break;
    }
    case ACT_INS_PGDN:
        a->teach.inspect_scroll += k->code == SK_PGUP ? -5 : 5;
        break;
    case ACT_INS_LEAVE: a->teach.inspecting = 0; a->selected = 0; break;
    case ACT_LIVE:
        if (a->run == RUN_PAUSED) teach_prompt_open(&a->teach);
        else {
            free(a->teach.live_error);
            a->teach.live_error = xstrdup("the program has ended: nothing more runs in it");
        }
        break;
    case ACT_TRACEBACK: a->teach.show_tb = k->code != SK_ESC && !a->teach.show_tb; break;
    case ACT_LIVE_FOLD: a->teach.live_expanded = !a->teach.live_expanded; break;
    case ACT_PRESENTER:
        a->teach.presenter = !a->teach.presenter;
        screen_set_contrast(a->teach.presenter);
        break;
    case ACT_ANSWER: case ACT_LIVE_RUN: case ACT_LIVE_EDIT: case ACT_LIVE_KEYS: break;
    case ACT_MEMORY: a->memory = !a->memory; break;
    case ACT_MM_LEFT: case ACT_MM_RIGHT: case ACT_MM_UP: case ACT_MM_DOWN: {
        int dx = act == ACT_MM_LEFT ? -1 : act == ACT_MM_RIGHT ? 1 : 0;
        int dy = act == ACT_MM_UP ? -1 : act == ACT_MM_DOWN ? 1 : 0;
        memmap_move(interp_heap(session_interp(a->sess))->alloc, &a->mm, a->mm_width, dx, dy);
        break;
    }
    case ACT_MM_ZOOM: a->mm.zoom = !a->mm.zoom; break;
    case ACT_PAN_LEFT: a->panx -= 4; break;
    case ACT_PAN_RIGHT: a->panx += 4; break;
    case ACT_PAN_UP: a->pany -= 2; break;
    case ACT_PAN_DOWN: a->pany += 2; break;
    case ACT_SCROLL_UP: if (a->narr_scroll > 0) a->narr_scroll--; break;
    case ACT_SCROLL_DN: a->narr_scroll++; break;
    case ACT_MENU_UP: if (a->menu_sel > 0) a->menu_sel--; break;
    case ACT_MENU_FIRST: a->menu_sel = 0; break;
    case ACT_MENU_LAST: a->menu_sel = teach_menu_rows(&a->teach, a->menu, a->nmenu) - 1; break;
    case ACT_MENU_NUM: {
        /* a digit picks lesson N; a second one right after, lesson 10a+b if there is one */
        int d = (int)k->ch - '0';
        int two = a->menu_num * 10 + d;
        int num = a->menu_num && two >= 1 && two <= a->nmenu ? two : d;
        if (num >= 1 && num <= a->nmenu) a->menu_sel = num - 1;
        a->menu_num = num >= 1 && num <= a->nmenu ? num : 0;
        break;
    }
    case ACT_MENU_DOWN:
        if (a->menu_sel < teach_menu_rows(&a->teach, a->menu, a->nmenu) - 1) a->menu_sel++;
        break;
    case ACT_MENU_OPEN: {
        int li = -1, at = 0;
        MenuRowKind kind = teach_menu_row(&a->teach, a->menu, a->nmenu, a->menu_sel, &li);
        if (kind == MROW_SCRIPT) {
            teach_script_open(&a->teach);   /* the row becomes a path field, empty */
            break;
        }
        if (kind == MROW_CONTINUE) teach_continue_lesson(&a->teach, a->menu, a->nmenu, &at);
        if (li >= 0 && li < a->nmenu) {
            StrBuf err = {0};
            if (app_open_lesson(a, a->menu[li], 0, &err) == 0) {
                a->from_menu = 1;
                a->autoplay = 0;
                if (at > 0) app_goto(a, at, 0);
            }
            sb_free(&err);
        }
        break;
    }
    case ACT_HELP: a->help = 1; break;
    case ACT_HELP_CLOSE: a->help = 0; break;
    case ACT_REDRAW: screen_redraw(); break;
    case ACT_QUIT:
        if (a->mode == MODE_LESSON && a->from_menu) {
            app_close_lesson(a);
            a->mode = MODE_MENU;
            break;
        }
        *status = 0;
        return 1;
    case ACT_COUNT: break;
    }
    return 0;
}

/* Run the live prompt's statement at the current step; it animates as a
 * step does (from the state just before it). */
static void app_live(App *a)
{
    graph_free(a->graph);
    a->graph = NULL;
    graph_free(a->before);
    a->before = build_graph(a, PHASE_END, 1000, 1);
    StrBuf err = {0}, tb = {0};
    int before = session_live_count(a->sess);
    timeline_begin(&a->tl, interp_heap(session_interp(a->sess)), timeline_build, a, 0);
    RunState r = session_exec_live(a->sess, a->teach.submit, &err, &tb);
    timeline_end(&a->tl, interp_heap(session_interp(a->sess)));
    timeline_renote(a);
    teach_live_done(&a->teach, a->sess, before, r, &err, &tb);
    a->narr_scroll = 1 << 20;   /* the narration shows its end: what the statement printed */
    sb_free(&err);
    sb_free(&tb);
    a->phase = PHASE_END;
    anim_start(a);
}

/* The menu's "open a script…" path was typed. */
static void app_open_script(App *a)
{
    StrBuf err = {0};
    int status = 0;
    char *path = teach_script_path(&a->teach);   /* ~ expanded; relative to where memtutor runs */
    /* headless (the key fuzzer) opens no file a typed path names */
    Lesson *l = a->headless ? NULL : session_load_target(path, &err, &status);
    if (a->headless) sb_puts(&err, "no scripts are opened headless");
    if (l && app_open_lesson(a, l, 1, &err) == 0) {
        a->from_menu = 1;
        a->autoplay = 0;
    } else {
        teach_script_failed(&a->teach, err.s && err.s[0] ? err.s : "cannot open the script");
    }
    free(path);
    sb_free(&err);
}

static Action app_key_action(App *a, const ScreenKey *k)
{
    if (a->help) {
        KeyCtx o[] = {CTX_HELP};
        return key_lookup(o, 1, k);
    }
    if (a->cols < LAYOUT_MIN_COLS || a->rows < LAYOUT_MIN_ROWS) {
        /* only quitting makes sense on the too-small screen */
        return k->code == SK_CHAR && k->ch == 'q' ? ACT_QUIT : ACT_NONE;
    }
    if (a->mode == MODE_MENU) {
        KeyCtx o[] = {CTX_MENU, CTX_ANY};
        return key_lookup(o, 2, k);
    }
    if (a->nav.outline) {
        KeyCtx oo[] = {CTX_OUTLINE, CTX_ANY};
        return key_lookup(oo, 2, k);
    }
    KeyCtx o[4];
    int n = 0;
    if (a->teach.inspecting) o[n++] = CTX_INSPECT;
    if (a->focus == FOCUS_GRAPH) o[n++] = a->memory ? CTX_MEMORY : CTX_GRAPH;
    if (a->focus == FOCUS_NARRATION) o[n++] = CTX_NARRATION;
    o[n++] = CTX_LESSON;
    o[n++] = CTX_ANY;
    return key_lookup(o, n, k);
}

/* One key (not a timeout, signal or resize) in the main loop: the text
 * fields, the search, then the key table.  Returns 1 to quit (status set). */
static int app_key(App *a, ScreenKey *k, int *status, int64_t *last_step_at)
{
    int was_anim = a->mode == MODE_LESSON && a->phase != PHASE_END;
    if (was_anim) a->phase = PHASE_END;   /* a key skips the animation, then acts */
    int live = 0, script = 0, found = 0;
    nav_say(&a->nav, NULL);   /* a message lasts until the next key */
    if (!a->help && a->mode == MODE_LESSON && nav_search_key(&a->nav, k, &found)) {
        /* the / field took it; Enter searches forward from here */
        if (found) {
            int to = nav_search_run(&a->nav, a->lesson, a->sess, session_step(a->sess), 1);
            if (to) app_goto(a, to, to == session_step(a->sess) + 1);
        }
        *last_step_at = now_ms();
        return 0;
    }
    if (!a->help && !a->nav.outline && a->mode == MODE_LESSON) {
        int count = teach_take_count(&a->teach, a->sess, k);   /* 12G typed at a question */
        if (count) a->nav.count = count;
    }
    if (!a->help && !a->nav.outline && teach_text_key(&a->teach, a->mode == MODE_LESSON ? a->sess : NULL, a->lesson, k, &live,
                                  &script)) {
        /* the answer field, the live prompt or the script path took it */
        if (live) app_live(a);
        if (script) app_open_script(a);
        *last_step_at = now_ms();
        return 0;
    }
    Action act = app_key_action(a, k);
    if (act != ACT_MENU_NUM) a->menu_num = 0;
    if (was_anim && act != ACT_EV_NEXT && act != ACT_EV_PREV && act != ACT_EV_LIST)
        a->tl.cur = -1;         /* ... to the step's end; the event keys stop where it is */
    if (a->autoplay && act != ACT_AUTOPLAY && act != ACT_FASTER && act != ACT_SLOWER) {
        a->autoplay = 0;        /* any other key pauses autoplay, then acts */
        teach_play_stop(&a->teach, a->sess);
    }
    if (app_act(a, act, k, status)) return 1;
    *last_step_at = now_ms();
    return 0;
}

/* The lesson menu (the built-in lessons) in place of a lesson. */
static void app_open_menu(App *a, StrBuf *err)
{
    a->mode = MODE_MENU;
    a->nmenu = session_builtin_count();
    a->menu = xcalloc((size_t)a->nmenu + 1, sizeof(Lesson *));
    for (int i = 0; i < a->nmenu; i++) a->menu[i] = session_builtin(i, err);
}

/* Everything an App holds: its lesson, the menu, the teaching state. */
static void app_release(App *a)
{
    app_close_lesson(a);
    for (int i = 0; i < a->nmenu; i++) lesson_free(a->menu[i]);
    free(a->menu);
    a->menu = NULL;
    a->nmenu = 0;
    teach_free(&a->teach);
    nav_free(&a->nav);
}

int app_keys_headless(const char *target, const ScreenKey *keys, int n, int cols, int rows)
{
    App a = {0};
    a.speed = SPEED_1X;
    a.timeline = 1;
    a.tl.cur = -1;
    a.hold_pct = 100;
    a.delay_ms = 1500;
    a.headless = 1;
    StrBuf err = {0};
    int status = 0;
    if (target) {
        Lesson *l = session_load_target(target, &err, &status);
        if (!l || (status = app_open_lesson(&a, l, 1, &err)) != 0) {
            sb_free(&err);
            return status ? status : 2;
        }
    } else {
        app_open_menu(&a, &err);
    }
    Canvas *c = canvas_new(1, 1);
    int64_t last_step_at = 0;
    for (int i = 0; i < n; i++) {
        a.cols = cols;
        a.rows = rows;
        app_draw(&a, c);
        ScreenKey k = keys[i];
        if (k.code == SK_NONE) {
            /* a timeout: the next animation frame */
            if (a.mode == MODE_LESSON && a.phase != PHASE_END) anim_tick(&a);
            continue;
        }
        if (k.code == SK_RESIZE || k.code == SK_SIGNAL) continue;
        if (app_key(&a, &k, &status, &last_step_at)) break;
    }
    a.cols = cols;
    a.rows = rows;
    app_draw(&a, c);
    canvas_free(c);
    app_release(&a);
    sb_free(&err);
    return status;
}

int app_run(const char *target, const AppOptions *o)
{
    const char *why = NULL;
    if (!screen_can_open(&why)) {
        fprintf(stderr, "memtutor: %s\n", why ? why : "not a terminal");
        return 2;
    }
    App a = {0};
    a.speed = SPEED_1X;
    a.timeline = 1;
    a.tl.cur = -1;
    a.hold_pct = 100;
    a.delay_ms = o && o->delay_ms > 0 ? o->delay_ms : 1500;
    StrBuf err = {0};
    int status = 0;
    {
        /* self-study progress; a corrupt file is moved aside, never fatal */
        StrBuf warn = {0};
        a.teach.progress = progress_load(&warn);
        if (warn.s) {
            fprintf(stderr, "memtutor: warning: %s\n", warn.s);
            a.teach.notice = sb_take(&warn);
        }
        sb_free(&warn);
    }
    if (target) {
        Lesson *l = session_load_target(target, &err, &status);
        if (l) status = app_open_lesson(&a, l, 1, &err);
        if (!l || status) {
            error_report(err.s && err.s[0] ? err.s : "cannot open the target");
            sb_free(&err);
            teach_free(&a.teach);   /* the progress loaded above */
            return status ? status : 2;
        }
        a.autoplay = a.played = o && o->autoplay;
    } else {
        app_open_menu(&a, &err);
        a.menu_sel = teach_menu_start(&a.teach, a.menu, a.nmenu);   /* the next lesson to do */
    }
    Presenter *pres = NULL;   /* --presenter: `memtutor notes` follows this screen */
    if (o && o->presenter) {
        if (!(pres = presenter_open(&err))) {
            fprintf(stderr, "memtutor: %s\n", err.s);
            app_close_lesson(&a);
            status = 2;
            goto done;
        }
        a.teach.presenter = a.teach.projected = 1;
    }
    ScreenOpts so = {
        .color = !o || o->color < 0 ? SCREEN_COLOR_AUTO : o->color ? SCREEN_COLOR_ALWAYS : SCREEN_COLOR_NEVER,
        .honour_no_color = true, .ascii = o && o->ascii, .mouse = true, .high_contrast = pres != NULL,
    };
    if (screen_open(&so, &why) < 0) {
        fprintf(stderr, "memtutor: %s\n", why ? why : "cannot use the terminal");
        app_close_lesson(&a);
        presenter_close(pres);
        status = 2;
        goto done;
    }
    a.teach.ascii = screen_ascii();
    Canvas *c = canvas_new(1, 1);
    int64_t last_step_at = now_ms();
    int idle = 0, drawn_cols = -1, drawn_rows = -1;
    for (;;) {
        screen_size(&a.cols, &a.rows);
        if (a.mode == MODE_LESSON && a.autoplay && a.phase == PHASE_END &&
            session_step(a.sess) >= session_nsteps(a.sess) && !teach_play_pending(&a.teach, a.sess))
            a.autoplay = 0;   /* autoplay stops on the last step (its question answered) */
        if (!idle || a.cols != drawn_cols || a.rows != drawn_rows) {
            app_draw(&a, c);
            screen_blit(c);
            drawn_cols = a.cols;
            drawn_rows = a.rows;
        }
        idle = 0;
        int timeout = 500;   /* idle: look at the terminal's size now and then */
        int playing = a.mode == MODE_LESSON && a.autoplay && !a.help;
        if (a.mode == MODE_LESSON && a.phase != PHASE_END) timeout = anim_frame_ms(&a);
        else if (playing) {
            int64_t wait = last_step_at + (int64_t)a.delay_ms * a.hold_pct / speeds_pct[a.speed] - now_ms();
            timeout = wait < 0 ? 0 : (int)wait;
        }
        presenter_update(pres, a.mode == MODE_LESSON ? a.sess : NULL, a.mode == MODE_LESSON ? a.lesson : NULL);
        ScreenKey k;
        ScreenKeyCode code = screen_getkey(timeout, &k);
        if (code == SK_SIGNAL) {
            status = 128 + k.signal;
            break;
        }
        if (code == SK_RESIZE) continue;
        if (code == SK_NONE) {
            /* a timeout with nothing to animate or play: redraw only if the
             * terminal's size changed meanwhile */
            idle = !(a.mode == MODE_LESSON && (a.phase != PHASE_END || playing));
            if (a.mode != MODE_LESSON) continue;
            if (a.phase != PHASE_END) {
                anim_tick(&a);
                if (a.phase == PHASE_END) last_step_at = now_ms();
            } else if (playing) {
                /* a question plays: the question, a delay, its answer; then
                   the next step (its question shown at once) */
                a.hold_pct = teach_play_advance(&a.teach, a.sess, a.lesson);
                if (a.hold_pct) ;
                else if (session_step(a.sess) >= session_nsteps(a.sess)) a.autoplay = 0;
                else {
                    app_goto(&a, session_step(a.sess) + 1, 1);
                    a.hold_pct = teach_play_advance(&a.teach, a.sess, a.lesson);
                }
                if (!a.hold_pct) a.hold_pct = 100;
                last_step_at = now_ms();
            }
            continue;
        }
        if (app_key(&a, &k, &status, &last_step_at)) break;
    }
    canvas_free(c);
    screen_close();
    presenter_close(pres);
done:
    app_release(&a);
    sb_free(&err);
    return status;
}
