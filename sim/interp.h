/* The interpreter of the Python subset over the simulated heap.  It runs on
 * its own thread (with a large stack), so that the front end can stop it at
 * any statement boundary, including inside calls, and resume it. */
#ifndef MEMTUTOR_INTERP_H
#define MEMTUTOR_INTERP_H
#include <stdint.h>
#include <stdio.h>

#include "heap.h"
#include "parser.h"

typedef struct InterpOptions {
    int64_t max_steps;     /* statement budget (default 100,000,000) */
    int64_t max_memory;    /* simulated bytes (default 8 GiB) */
    int trace;             /* keep an event log per step */
    uint32_t event_limit;  /* detailed events per step before folding */
    FILE *out;             /* where print writes; NULL: capture per step */
} InterpOptions;

void interp_default_options(InterpOptions *o);

typedef enum {
    RUN_PAUSED,   /* stopped after a statement (interp_advance) */
    RUN_DONE,     /* the program ended normally (globals released) */
    RUN_ERROR,    /* a Python exception ended it: interp_error() has the traceback */
    RUN_LIMIT,    /* the statement budget was exceeded: interp_error() says so */
} RunState;

typedef struct Interp Interp;

/* Parse and prepare a program.  On a parse error returns NULL, writes the
 * message as CPython (SyntaxError, exit 1) or memtutor (not supported, exit
 * 2) would into err, and sets *status to that exit code. */
Interp *interp_new(const char *filename, const char *src, size_t len, const InterpOptions *opt,
                   StrBuf *err, int *status);
void interp_free(Interp *in);

/* Run until a statement that starts on `line` has finished executing (line 0:
 * the next statement, whatever its line; line -1: to the end of the program,
 * including the release of the globals). */
RunState interp_advance(Interp *in, int line);

/* Run until `step` statements in all have finished (interp_steps() == step). */
RunState interp_advance_to(Interp *in, int64_t step);

RunState interp_state(const Interp *in);
int interp_exit_status(const Interp *in);    /* 0, 1 (exception) or 2 (limit) */
const char *interp_error(const Interp *in);  /* traceback or limit message */
int interp_line(const Interp *in);           /* line of the statement last finished */
int64_t interp_steps(const Interp *in);      /* statements executed so far */

/* Output printed since the last call (when capturing), as a malloc'd string
 * the caller frees; the buffer starts empty again. */
char *interp_take_output(Interp *in);

Heap *interp_heap(Interp *in);
Module *interp_module(Interp *in);

/* Frames from the outermost (globals) to the innermost active call. */
int interp_frame_count(const Interp *in);
const char *interp_frame_name(const Interp *in, int frame);   /* "globals", or the function name */
int interp_frame_line(const Interp *in, int frame);
typedef void (*name_fn)(void *arg, const char *name, Obj *value);
void interp_frame_names(Interp *in, int frame, name_fn fn, void *arg);

/* Compile-time warnings (SyntaxWarning lines as CPython prints them), or "". */
const char *interp_warnings(const Interp *in);

/* Look a name up in the innermost frame (then globals); borrowed or NULL. */
Obj *interp_lookup(Interp *in, const char *name);

/* Evaluate an expression in the current frame while paused; its repr (as
 * print would show it with str()) goes to out.  Returns 0, or -1 with a
 * one-line error ("NameError: name 'x' is not defined") in out. */
int interp_eval_repr(Interp *in, const char *expr, StrBuf *out);

/* The live prompt: run statements (src, one or more lines) in the current
 * frame while paused, on the interpreter thread, as if they followed the
 * statement just finished.  They count no step and never pause; the heap's
 * event log then holds their events (it is cleared first).  Names resolve in
 * the paused frame's code: inside a function its existing locals are its
 * own, and any other name (a new one included) is a global, since a
 * function's locals are a fixed slot array.  Returns RUN_PAUSED when they
 * ran; RUN_ERROR when they did not parse or raised: one line in Python's
 * words in err ("NameError: name 'zz' is not defined"), the exception
 * cleared, the program still paused (what ran before the error stays done);
 * RUN_DONE (or the final state) when the program has already ended: nothing
 * runs.  A statement running over 1,000,000 statements is stopped. */
RunState interp_exec_live(Interp *in, const char *src, StrBuf *err);
/* The line number given to the next live statements' first line (so that
 * their events quote their own text; see session.h).  Default 1. */
void interp_set_live_line(Interp *in, int line);
/* As the REPL runs them (the next interp_exec_live calls): with display, an
 * expression statement of the live statements themselves (not one inside a
 * function they call) writes repr(value) and a newline to the output, as
 * CPython's PRINT_EXPR does through sys.displayhook (nothing for None).
 * traceback (NULL: none) gets the whole traceback of a statement that
 * raises, as CPython's REPL prints it (typed lines are "<stdin>", numbered
 * within their statement); it must outlive those calls. */
void interp_set_live_display(Interp *in, int display, StrBuf *traceback);

/* The module's globals dict (borrowed): viewers skip it as a holder, since
 * the global names stand for it. */
Obj *interp_globals(Interp *in);

/* repr()/str() of an object as Python prints it. */
void obj_repr(Interp *in, Obj *o, StrBuf *out);
void obj_str(Interp *in, Obj *o, StrBuf *out);

/* The listing of the program's code objects in CPython 3.11 instructions, as
 * `python3 -m dis` prints it (sim/compile.c), into out; with code_info,
 * what dis.code_info() says of each code object instead. */
void interp_dis(Interp *in, int code_info, StrBuf *out);

/* For heap_check: visit every external reference (frames, globals, temporaries, constants). */
void interp_roots(void *interp, visit_fn visit, void *arg);

#endif
