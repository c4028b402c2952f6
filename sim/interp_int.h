/* Internals shared by the interpreter's files (interp.c, builtins.c, repr.c):
 * the value stack, frames, compiled code units, exceptions. */
#ifndef MEMTUTOR_INTERP_INT_H
#define MEMTUTOR_INTERP_INT_H
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>

#include "gc.h"
#include "interp.h"

#define RECURSION_LIMIT 1000   /* sys.getrecursionlimit() at start */

typedef enum { SC_GLOBAL, SC_LOCAL, SC_ENCLOSING, SC_CLASS } Scope;
typedef enum { CODE_MODULE, CODE_FUNC, CODE_COMP, CODE_CLASS } CodeKind;

typedef struct Code {
    const Node *node;
    CodeKind kind;
    Sym name;
    int nparams;
    int nlocals;
    Sym *names;          /* params first, then locals in order of first binding */
    int names_cap;
    Sym *globals_decl;
    int nglobals_decl;
    struct Code *parent;
    int index;           /* place in Interp.codes */
    int *consts;         /* co_consts: indexes into Interp.consts, each holding a reference */
    int nconsts, consts_cap;
} Code;

typedef struct Frame {
    Code *code;
    Obj **locals;
    struct Frame *back;
    Obj *func;           /* strong: the function being run (f_func) */
    AttrMap *ns;         /* class body namespace */
    uint32_t vs_base;
    int line;
    const char *name;
} Frame;

typedef enum {
    X_NONE, X_NAME, X_TYPE, X_INDEX, X_KEY, X_ATTRIBUTE, X_VALUE, X_ZERODIV,
    X_RECURSION, X_MEMORY, X_SYNTAX, X_OVERFLOW, X_STOPITER, X_RUNTIME, X_UNBOUNDLOCAL,
    X_UNSUPPORTED   /* outside memtutor's subset: not a Python exception, the run stops (exit 2) */
} ExcType;

typedef struct TbEntry { int line; const char *fname; } TbEntry;

/* The builtin type objects (Interp.types): one per ObjType, and one per
 * iterator and dict view kind, so that each has CPython's name and identity
 * (type(iter([])) is list_iterator, enumerate and zip are classes).  A
 * static class's keys_cached holds its index here. */
enum {
    TY_ITER = T_COUNT,                  /* + IterKind */
    TY_STR_ITER = TY_ITER + IT_KINDS,   /* str_iterator: over a str that is not ASCII */
    TY_VIEW,                            /* + DictViewKind */
    TY_REVERSED = TY_VIEW + 3,          /* reversed (of a sequence that is not a list) */
    TY_MEMBER_DESCR,                    /* member_descriptor (types[T_DESCR]: getset_descriptor) */
    TY_COUNT
};

struct Interp {
    Heap *h;
    Module *mod;
    char *filename;
    InterpOptions opt;

    /* value stack: every temporary a statement holds lives here */
    Obj **vs;
    uint32_t vn, vcap;

    Frame *frame;        /* innermost */
    Frame *top;          /* module frame */
    int depth;
    int recursion_limit; /* sys.setrecursionlimit() */
    Obj *globals;        /* module dict (DictObj) */
    Code *module_code;
    Code **codes;
    int ncodes, codes_cap;

    /* constants (co_consts, merged module-wide) */
    int unsup_line, unsup_col;   /* where the X_UNSUPPORTED was met */
    int stmt_col;                /* the running statement's column */
    Obj **consts;
    int nconsts, consts_cap;
    int *const_refs;         /* references the interpreter holds on consts[i] */
    uint8_t *const_arena;    /* consts[i] still held by the parse tree */
    int *ctab;               /* consts by value: index + 1, 0 empty (open addressing) */
    uint32_t ctab_mask;
    Obj **arena_extra;       /* folded values equal to an earlier constant: only the parse tree holds them */
    int narena_extra, arena_extra_cap;
    uint64_t *cuse;          /* (code index + 1) << 32 | const index: in that co_consts */
    uint32_t cuse_mask, cuse_n;

    /* the interned str of every name (co_names): global dict keys use these */
    Obj **symstr;
    uint32_t nsymstr;

    /* builtin objects that are always alive */
    Obj **builtins;      /* indexed by builtin id */
    int16_t *method_cache; /* [sym * T_COUNT + type]: builtin method id + 2 (0 unknown, 1 none) */
    uint32_t method_cache_syms;
    int nbuiltins;
    Obj *mod_gc, *mod_sys, *mod_array;
    Obj **types;         /* static class objects for builtin types, by TY_* (above) */

    /* exception state */
    ExcType exc;
    StrBuf exc_msg;
    TbEntry *tb;
    int ntb, tbcap;
    StrBuf error;        /* formatted traceback / limit message */
    int exit_status;

    /* output */
    StrBuf out;
    StrBuf warnings;     /* compile-time SyntaxWarnings, as CPython prints them */

    /* stepping */
    RunState state;
    int64_t steps;
    /* work: statements and iteration steps (interp_work), against the budget */
    int64_t work;
    int64_t work_budget;           /* opt.max_steps, or a live statement's own */
    int64_t work_check;            /* the next count at which interp_work_over runs */
    volatile sig_atomic_t interrupted;   /* interp_interrupt: pause at the statement's end */
    int64_t interrupt_deadline;    /* past this much work the statement is stopped */
    int paused_early;              /* the last pause came from the interrupt, before the target */
    int target_line;
    int64_t target_step;
    int last_line;
    int started, finished;
    pthread_t thread;
    sem_t go, paused;
    int thread_alive;
    int abort_run;
    int heap_check;
    int in_finalizer;
    int has_finalizers;  /* some class defines __del__ */
    Obj *argtuple;       /* the args tuple of the builtin being called (gc.get_referrers skips it) */
    /* CPython allocates a few hidden container objects the first time some
     * things happen; they count toward generation 0 like any other. */
    int printed;         /* a first write to sys.stdout happened */
    int repr_entered;    /* first repr of a container: Py_ReprEnter's list (+1) */    /* __del__ running: its object is held by the release machinery */      /* MEMTUTOR_HEAP_CHECK=1: verify every refcount after each statement */

    /* the live prompt (interp_exec_live): statements handed to the paused thread */
    const NodeList *live_body;
    StrBuf *live_err;
    int live_failed;
    int in_live;
    int live_line;       /* line number the next live statement is given */
    int live_display;    /* show an expression statement's repr (the REPL's PRINT_EXPR) */
    Frame *live_frame;   /* the frame the live statements run in */
    StrBuf *live_tb;     /* where the whole traceback of a failed live statement goes */
    int *live_starts;    /* first line of each live statement run so far, ascending */
    int nlive_starts, live_starts_cap;
    int prog_lines;      /* lines of the program's own source */

    /* repr recursion guard */
    Obj **repr_stack;
    int nrepr, repr_cap;
    int repr_nest;       /* obj_repr calls in progress (counted against the recursion limit) */
    int repr_failed;     /* the last top-level obj_repr raised (RecursionError, ValueError) */

    /* well-known symbols */
    Sym s_init, s_del, s_slots, s_name, s_dict, s_class, s_self, s_object, s_dot0;
    Sym s_module, s_qualname, s_main, s_doc, s_weakref;   /* what type_new puts in a class's dict */
};

/* value stack */
static inline void vpush(Interp *in, Obj *o)
{
    if (in->vn == in->vcap) {
        in->vcap = in->vcap ? in->vcap * 2 : 256;
        in->vs = xrealloc(in->vs, in->vcap * sizeof(Obj *));
    }
    in->vs[in->vn++] = o;
}
static inline Obj *vpop(Interp *in) { return in->vs[--in->vn]; }
static inline Obj *vtop(Interp *in) { return in->vs[in->vn - 1]; }

/* exceptions: set and return -1 (or NULL) */
int exc_set(Interp *in, ExcType t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int exc_nomem(Interp *in);
const char *exc_name(ExcType t);

/* builtins.c */
enum { BG_FUNC, BG_METHOD, BG_GC, BG_SYS, BG_ARRAY, BG_HIDDEN };
Obj *builtin_object_init(Interp *in);   /* object.__init__ (borrowed) */
int builtins_init(Interp *in);
void builtins_free(Interp *in);
Obj *builtin_lookup(Interp *in, Sym name);            /* borrowed; NULL if none */
int builtin_call(Interp *in, Obj *callable, Obj **args, int nargs, Sym *kwnames, Obj **kwvals, int nkw, Obj **result);
int builtin_method(Interp *in, Obj *self, Sym name, Obj **result); /* new ref to a bound builtin, 0 if none */
int builtin_method_id(Interp *in, Obj *self, Sym name); /* id or -1 */
int call_method_id(Interp *in, int id, Obj *self, Obj **args, int nargs, Obj **result);
int module_getattr(Interp *in, Obj *mod, Sym name, Obj **result);

/* interp.c services used by builtins */
int call_object(Interp *in, Obj *callable, Obj **args, int nargs, Obj **result); /* args borrowed */
int obj_truth(Interp *in, Obj *o);
int obj_len(Interp *in, Obj *o, int64_t *n);
Obj *get_iter(Interp *in, Obj *o);             /* new ref or NULL */
int iter_next(Interp *in, Obj *it, Obj **out);  /* 1 item (new ref), 0 end, -1 error */
Obj *make_int(Interp *in, int64_t v);

/* One unit of work: every statement and every step of an iteration calls
 * this (the one place where work is counted, so that no single statement
 * runs forever).  Returns 0, or -1 when the budget ran out or the run was
 * interrupted for too long: the run then stops (RUN_LIMIT); the caller
 * returns its error as for an exception, which nothing catches. */
int interp_work_over(Interp *in);
static inline int interp_work(Interp *in)
{
    if (++in->work < in->work_check) return 0;
    return interp_work_over(in);
}

/* iter_next with the range iterator's step inline: the loop of nearly every
 * int-heavy program (for-loops, comprehensions, array(..., range(...))). */
static inline int iter_step(Interp *in, Obj *ito, Obj **out)
{
    if (ito->sub != IT_RANGE) return iter_next(in, ito, out);
    if (interp_work(in) < 0) return -1;
    IterObj *it = (IterObj *)ito;
    if (it->stop <= 0) return 0;
    it->stop--;
    *out = make_int(in, it->i);
    it->i += it->step;
    return *out ? 1 : -1;
}
int compare(Interp *in, Obj *a, Obj *b, int op, int *res);
int binary_op(Interp *in, int op, Obj *a, Obj *b, Obj **res);
int int_value(Interp *in, Obj *o, int64_t *v, const char *what);
int contains(Interp *in, Obj *container, Obj *item, int *res);
Obj *type_of(Interp *in, Obj *o);              /* borrowed class object */
Obj *make_str(Interp *in, const char *s, size_t n);
Obj *make_str_sb(Interp *in, const StrBuf *b);   /* MemoryError if b went over the limit */
int obj_getitem(Interp *in, Obj *o, Obj *idx, Obj **res);   /* o[idx], a new reference */
int str_percent(Interp *in, Obj *fmt, Obj *args, Obj **res); /* fmt % args (sim/percent.c) */
/* CPython's int <-> str digit limit (sys.int_info.default_max_str_digits), and
 * the ValueError past it */
#define INT_MAX_STR_DIGITS 4300
int exc_int_str_limit(Interp *in);
const char *obj_tname(Interp *in, Obj *o);                     /* type(o).__name__ */
int list_extend_iter(Interp *in, ListObj *l, Obj *iterable);
void print_out(Interp *in, const char *s, size_t n);

/* iterators' cached result tuple (None, None, ...) */
Obj *iter_result_holder(Interp *in, uint32_t n);

/* arrays (interp.c) */
Obj *array_item(Interp *in, ArrayObj *a, int64_t i);
int array_store(Interp *in, ArrayObj *a, Obj *v, void *dst);

static inline const char *symname(Interp *in, Sym s) { return module_symname(in->mod, s); }

/* sim/typeobject.c: classes */
Obj *type_new(Interp *in, Sym name, TupleObj *bases, DictObj *ns); /* type(name, bases, ns); NULL: exception set */
Obj *class_lookup(Interp *in, ClassObj *c, Sym name);  /* along the MRO; borrowed or NULL */
int class_set(Interp *in, ClassObj *c, Sym name, Obj *v);   /* C.name = v (v borrowed) */
int class_del(Interp *in, ClassObj *c, Sym name);           /* del C.name */
/* sim/symtable.c: the resolver (symbol table) and constant folding */
int code_find(const Code *c, Sym s);
int code_is_global_decl(const Code *c, Sym s);
Code *code_new(Interp *in, CodeKind kind, const Node *node, Code *parent);
void resolve_body(Interp *in, Code *c, NodeList *body);
void resolve_expr(Interp *in, Code *c, Node *e);
/* sim/abstract.c: the object protocol (truth, iteration, numbers, compare, items, attributes) */
int delattr(Interp *in, Obj *o, Sym name);
int delitem(Interp *in, Obj *o, Obj *idx);
int getattr(Interp *in, Obj *o, Sym name, Obj **res);
int getitem(Interp *in, Obj *o, Obj *idx, Obj **res);
int getslice(Interp *in, Obj *o, Node *sl, Obj **vals, Obj **res);
int is_intlike(const Obj *o);
int list_del_slice(Interp *in, ListObj *l, int64_t start, int64_t step, int64_t len);
Obj **seq_items(Obj *o, int64_t *n);
int setattr(Interp *in, Obj *o, Sym name, Obj *v);
int setitem(Interp *in, Obj *o, Obj *idx, Obj *v);
int slice_indices(Interp *in, Node *sl, int64_t n, int64_t *start, int64_t *stop, int64_t *step, int64_t *len, Obj **vals);
const char *tname(Interp *in, Obj *o);
/* sim/interp.c: shared with the files above */
int recursion_exceeded(Interp *in);   /* the depth is at the limit, or the C stack nearly used up */
int is_const_node(const Node *e);
int not_supported(Interp *in, int line, int col, const char *what, const char *name);
const char *source_line(Interp *in, int line, size_t *len);
Obj *str_for_sym(Interp *in, Sym s);
Obj *str_for_sym_borrowed(Interp *in, Sym s);   /* the interned name str, borrowed */

/* repr.c */
int format_value(Interp *in, Obj *v, const Node *spec, StrBuf *out);
int interp_eval_part(Interp *in, Node *p, StrBuf *out);
void repr_float(double v, StrBuf *out);
void repr_str_bytes(const char *s, size_t len, StrBuf *out);   /* a str's repr, from its UTF-8 bytes */

#endif
