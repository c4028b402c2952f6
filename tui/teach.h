/* Teaching features of the TUI, kept out of app.c's state machine: the
 * questions (answer field, reply), the live prompt (`:`), the object
 * inspector (referrers, refcount, tracking, size, items), the instructor's
 * notes pane, presenter mode, and the menu's extra rows (progress marks,
 * "continue where you left off", "open a script…").  app.c owns one Teach
 * and calls in at a few points; everything here draws onto a Canvas only,
 * so `memtutor render` and the live screen stay the same. */
#ifndef MEMTUTOR_TEACH_H
#define MEMTUTOR_TEACH_H
#include <stdint.h>

#include "canvas.h"
#include "layout.h"
#include "progress.h"
#include "screen.h"
#include "session.h"
#include "views.h"

/* A one-line text field: UTF-8 text and a cursor (a byte offset at a
 * character boundary). */
typedef struct LineEdit {
    char buf[256];
    int len;
    int cur;
} LineEdit;

/* Q_PLAY_*: the question as autoplay and recordings play it (no answer
 * field): the question alone, then the simulator's answer, then with the
 * step's narration. */
typedef enum { Q_NONE, Q_ASKING, Q_ANSWERED, Q_SKIPPED, Q_PLAY_QUESTION, Q_PLAY_ANSWER, Q_PLAY_SHOWN } QState;

typedef struct InspectLine {
    char *text;
    Style style;
    int indent;
} InspectLine;

typedef struct Teach {
    int ascii;                /* drawing will be shown as ASCII ([x] for ✓) */
    /* questions, per step of the open lesson (1..nsteps) */
    int nsteps;
    unsigned char *qstate;    /* QState */
    char **reply;             /* "Correct" / "Not quite: it is N" */
    unsigned char *qok;
    LineEdit answer;
    /* the live prompt: a REPL (history, line editing, "..." continuation) */
    int prompt;               /* open */
    LineEdit live;
    StrBuf pending;           /* continuation: the lines typed so far */
    char *submit;             /* the statement to run (teach_text_key's *submitted_live) */
    char **hist;              /* lines entered, oldest first (for this run of memtutor) */
    int nhist, hist_cap, hist_at;
    char hist_saved[256];     /* the line being typed before Up */
    char *live_src;           /* a statement that did not parse (not kept by the session) */
    char *live_error;         /* its error, in Python's words */
    char *live_tb;            /* the whole traceback of the last statement that failed */
    int show_tb;              /* the traceback pane is open */
    int live_expanded;        /* live rows: one per statement, not one per step */
    char *paras[24];          /* the narration's transcript of this step's live statements */
    int nparas;
    /* the inspector */
    int inspecting;
    InspectLine *lines;
    int nlines, lines_cap;
    uint32_t cache_serial;    /* what lines describe */
    int cache_step;
    int64_t cache_stamp;
    int inspect_scroll;
    /* instructor */
    int presenter;
    int projected;            /* --presenter: the notes are on `memtutor notes`, never here */
    /* progress (NULL: not recorded, as in render) */
    Progress *progress;
    char *notice;             /* a one-line warning for the menu */
    /* the menu: "open a script…" path input */
    int script_input;
    LineEdit script;
    char *script_matches;     /* Tab: the file names that fit, when more than one */
    char *script_error;       /* the error pane: what opening the script said */
} Teach;

void teach_init(Teach *t);
void teach_free(Teach *t);

/* A lesson was opened / closed. */
void teach_open(Teach *t, Session *s, const Lesson *l);
void teach_close(Teach *t);
/* The session moved to a new step (also after a live statement): sets up the
 * question of that step and records progress. */
void teach_stepped(Teach *t, Session *s, const Lesson *l);

/* ---- questions */

/* Is the current step's question waiting for an answer? */
int teach_asking(const Teach *t, const Session *s);
/* Paragraphs shown before the narration at a step with a question (the
 * question, the answer field or the reply).  Returns 1 when the narration
 * (and the step's output) must stay hidden: the question is not answered. */
int teach_question_paras(Teach *t, const Session *s, const Lesson *l, ViewPara *p, int *n, int max);
/* s: skip the current question. */
void teach_skip(Teach *t, Session *s, const Lesson *l);
/* Autoplay and record: is the current step's question still to be played
 * (asked and not answered, or part way through its playing)? */
int teach_play_pending(const Teach *t, const Session *s);
/* Play the current step's question one stage further: the question alone,
 * then its answer as the simulator computes it ("sys.getrefcount(a)
 * returns 2"), then with the step's narration.  Returns how long the new
 * stage stays on screen, in percent of the autoplay delay (100, 50, 100),
 * or 0 when there is nothing (more) to play at this step. */
int teach_play_advance(Teach *t, Session *s, const Lesson *l);
/* Autoplay stopped: a question shown alone becomes one to answer again; one
 * whose answer was shown stays answered (with its narration). */
void teach_play_stop(Teach *t, const Session *s);

/* ---- text input: the answer field, the live prompt, the script path */

/* Route a key to whichever field has it.  Returns 1 when consumed; sets
 * *submitted_live when the live prompt's statement should run (the text is
 * in t->submit), and *open_script when the script path was submitted. */
int teach_text_key(Teach *t, Session *s, const Lesson *l, const ScreenKey *k, int *submitted_live,
                   int *open_script);
/* At a question, digits go to the answer field; a G or g after them makes
 * them a count (12G: step 12) instead.  Returns that count (the field is
 * emptied), or 0 when the key is no such G. */
int teach_take_count(Teach *t, const Session *s, const ScreenKey *k);
/* Edit a line at its end: printable characters, Backspace (Delete too),
 * Ctrl-U, Ctrl-W.  Returns 1 if the key was used.  (The live prompt and the
 * script field edit anywhere: see teach.c's edit_key.) */
int teach_edit_key(LineEdit *e, const ScreenKey *k);
/* Open the live prompt (it stays open after a statement runs, as the
 * REPL's does; Esc closes it). */
void teach_prompt_open(Teach *t);
/* After the submitted statement ran: r, its error line and traceback as
 * session_exec_live gave them; count_before is session_live_count() before. */
void teach_live_done(Teach *t, Session *s, int count_before, RunState r, const StrBuf *err, const StrBuf *tb);
/* Rows the live statements and the prompt take at the bottom of the source
 * pane (inside its border), so that the source shows above them. */
int teach_source_rows(const Teach *t, Session *s, Rect source);
/* The prompt's rows ("..." lines, then the line being edited), drawn over
 * the bottom of the source pane. */
void teach_draw_prompt(const Teach *t, Canvas *c, Rect source);
/* Live statements typed so far (still in effect), at the bottom of the
 * source pane above the prompt: one row per step they were typed at (all
 * of them when t->live_expanded), marked as typed live. */
void teach_draw_live(const Teach *t, Session *s, Canvas *c, Rect source);
/* The current step's live statements as the REPL shows them (">>> ",
 * "... ", what they printed, their errors), appended to the narration. */
void teach_live_paras(Teach *t, Session *s, ViewPara *p, int *n, int max);
/* The traceback pane (t->show_tb, drawn in place of the heap pane): the whole traceback of the step's last
 * failed live statement.  Returns 0 when there is none (nothing drawn). */
int teach_draw_traceback(Teach *t, Session *s, Canvas *c, Rect r);

/* ---- inspector */

/* The objects shown in the graph, in order (for Tab / arrows). */
uint32_t teach_next_object(const uint32_t *serials, int n, uint32_t cur, int dir);
/* "Why is this still alive?": the shortest chain of references from a root
 * (a frame's name, or what the interpreter holds: constants, temporaries,
 * tracebacks) to the object, as objgraph's find_backref_chain finds it
 * (breadth first).  serial[0] is reached from the root label[0] ("name a in
 * globals", "local x of peek()"); label[i] (i > 0) names the slot of
 * serial[i-1] that holds serial[i] ("[1]", ".partner", "['k']").  kind
 * ALIVE_UNREACHABLE: no root reaches it (a cycle only the collector can
 * free); ALIVE_SHARED: a static object.  -1 when no such object lives.
 * Free with teach_alive_free. */
#define ALIVE_MAX 64
typedef enum { ALIVE_NAME, ALIVE_INTERP, ALIVE_UNREACHABLE, ALIVE_SHARED } AliveKind;
typedef struct AliveChain {
    AliveKind kind;
    int n;
    uint32_t serial[ALIVE_MAX];
    char *label[ALIVE_MAX];
    int root_frame;          /* ALIVE_NAME: the frame of root_name */
    char *root_name;
} AliveChain;
int teach_alive_chain(Session *s, uint32_t serial, AliveChain *out);
void teach_alive_free(AliveChain *c);

/* The inspector panel for the object `serial` in rectangle r. */
void teach_draw_inspector(Teach *t, Session *s, uint32_t serial, Canvas *c, Rect r);

/* ---- instructor */

/* Notes pane: when notes are on and the step has notes, the bottom of the
 * narration rectangle becomes a "notes" pane; *narr shrinks. */
void teach_draw_notes(Canvas *c, Rect *narr, const char *notes);
/* Presenter layout: source, graph and narration only (no title or status
 * rows). */
void teach_presenter_layout(int cols, int rows, int source_lines, Layout *L);

/* ---- menu */

typedef enum { MROW_CONTINUE, MROW_LESSON, MROW_SCRIPT } MenuRowKind;
/* Rows of the menu: lessons..., [continue where you left off], open a script… */
int teach_menu_rows(const Teach *t, Lesson *const *lessons, int n);
MenuRowKind teach_menu_row(const Teach *t, Lesson *const *lessons, int n, int row, int *lesson);
/* The lesson "continue" resumes and its step, or -1. */
int teach_continue_lesson(const Teach *t, Lesson *const *lessons, int n, int *step);
void teach_draw_menu(Teach *t, Canvas *c, Lesson *const *lessons, int n, int sel);
/* The row the menu opens on: the first lesson not finished (0 when all are). */
int teach_menu_start(const Teach *t, Lesson *const *lessons, int n);
/* The menu's "open a script…" field: open it (empty), and the path typed,
 * with ~ expanded (malloc'd). */
void teach_script_open(Teach *t);
char *teach_script_path(const Teach *t);
/* Opening the script failed: the pane shows msg (error_text's form) until
 * Esc, Enter or q. */
void teach_script_failed(Teach *t, const char *msg);

#endif
