/* A session: one target (a lesson, or a .py script as a lesson with one step
 * per executed statement) run on the simulator, positioned at a step.  Going
 * back re-runs the program from the start (deterministic), so any step's
 * state is exactly the state going forward gives. */
#ifndef MEMTUTOR_SESSION_H
#define MEMTUTOR_SESSION_H
#include "interp.h"
#include "lesson.h"

/* Load a target: a built-in lesson id, a path to a lesson .json, or a path to
 * a .py script.  NULL on error: one line in err (no "memtutor: " prefix),
 * *status 2. */
Lesson *session_load_target(const char *target, StrBuf *err, int *status);

/* Every built-in lesson in course order (parsed; NULL entries never). */
int session_builtin_count(void);
Lesson *session_builtin(int i, StrBuf *err);

typedef struct SessionOptions {
    int64_t max_steps;      /* statement budget */
    int64_t max_memory;     /* simulated bytes */
    uint32_t event_limit;   /* detailed events kept per step */
} SessionOptions;

void session_default_options(SessionOptions *o);

typedef struct Session Session;

/* Start a session on a lesson (borrowed: it must outlive the session).  For a
 * script (lesson with no steps) the steps are counted by a first run.  NULL on
 * error (a parse error: CPython's text in err, *status 1 or 2). */
Session *session_new(Lesson *l, const SessionOptions *o, StrBuf *err, int *status);
void session_free(Session *s);

int session_nsteps(const Session *s);      /* lesson steps (for a script: statements executed) */
int session_step(const Session *s);        /* current step: 0 before anything ran */

/* Move to step k (0..nsteps).  Forward runs on; backward re-runs from the
 * start.  Returns the run state after it: RUN_PAUSED normally (a lesson step
 * whose line never runs ends the program instead: RUN_DONE); RUN_ERROR /
 * RUN_LIMIT as interp.h.  A script's last step is the end of the program
 * (the globals released, their finalizers run). */
RunState session_goto(Session *s, int k);
/* The same, logging no events for step k either: a state to look at (the
 * front end's "before" picture), not a step to show. */
RunState session_goto_quiet(Session *s, int k);

/* The interpreter at the current step (its heap, frames, event log). */
Interp *session_interp(Session *s);
/* What the current step printed (valid until the next session_goto). */
const char *session_output(const Session *s);
/* Source line of step k (1-based k), and whether step k was reached at all
 * (a lesson line that never runs: 0). */
int session_step_line(const Session *s, int k);
/* Number of objects freed and the value of gc.collect() during the current step
 * (-1 if the step called no gc.collect()). */
int64_t session_step_freed(const Session *s);
int64_t session_step_collected(const Session *s);

/* Evaluate an expression at step k without disturbing the session: a fresh
 * run is taken to step k, the expression evaluated there, and the run
 * discarded.  Writes str() of the value, or the error line, into out. */
int session_eval_at(Session *s, int k, const char *expr, StrBuf *out);

/* The live prompt: run statements at the current step, in the current frame
 * (interp_exec_live), as CPython's REPL runs them (an expression statement
 * displays its repr), and keep them: a re-run (going back) replays them right
 * after the step they were typed at, so every later step continues from the
 * changed state.  session_live_drop_after(s, k) forgets those typed after
 * step k (the front end calls it on arriving back at k: undone).
 * Statements that do not parse change nothing and are not kept.  Returns as
 * interp_exec_live (RUN_ERROR: err has one line in Python's words, and
 * traceback, unless NULL, the whole of what the REPL prints); what
 * they print is kept with them (session_live_result), apart from the step's
 * own session_output().  The heap's event log then holds their events. */
RunState session_exec_live(Session *s, const char *src, StrBuf *err, StrBuf *traceback);
int session_live_count(const Session *s);
void session_live_drop_after(Session *s, int k);
/* The i-th live statement still in effect and the step it was typed at. */
const char *session_live_src(const Session *s, int i, int *step);
/* What the i-th live statement printed (its displayed repr included; "" if
 * nothing), and its error line and whole traceback (NULL when it ran). */
const char *session_live_result(const Session *s, int i, const char **err, const char **traceback);
/* The program's source followed by the live statements' text, one after the
 * other (their events quote lines beyond the program's). */
const char *session_source(const Session *s);

#endif
