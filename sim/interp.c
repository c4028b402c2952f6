/* The interpreter: walks the tree that symtable.c resolved, with the object
 * protocol of abstract.c (issue 14 replaces the walk by a loop over
 * compile.c's instructions).  Every
 * temporary lives on an explicit value stack, as on CPython's, so reference
 * counts agree with CPython's inside expressions and calls, an exception
 * releases exactly what was held, and the heap checker can see every holder. */
#include "interp_int.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bigint.h"


/* ================================================================ errors */

static const char *const exc_names[] = {
    [X_NONE] = "Exception", [X_NAME] = "NameError", [X_TYPE] = "TypeError",
    [X_INDEX] = "IndexError", [X_KEY] = "KeyError", [X_ATTRIBUTE] = "AttributeError",
    [X_VALUE] = "ValueError", [X_ZERODIV] = "ZeroDivisionError",
    [X_RECURSION] = "RecursionError", [X_MEMORY] = "MemoryError", [X_SYNTAX] = "SyntaxError",
    [X_OVERFLOW] = "OverflowError", [X_STOPITER] = "StopIteration", [X_RUNTIME] = "RuntimeError",
    [X_UNBOUNDLOCAL] = "UnboundLocalError", [X_UNSUPPORTED] = "",
};

/* Names and methods CPython 3.11 has that the subset does not: using one
 * stops the run with "not supported" instead of a NameError or
 * AttributeError that python3 would never give. */
static const char *const cpython_builtins[] = {
    "aiter", "anext", "ascii", "bin", "breakpoint", "bytearray", "bytes", "callable", "classmethod",
    "compile", "complex", "copyright", "credits", "delattr", "dir", "divmod", "eval", "exec", "exit", "filter",
    "format", "frozenset", "getattr", "globals", "hasattr", "help", "hex", "input", "issubclass", "license",
    "locals", "map", "memoryview", "oct", "open", "pow", "property", "quit", "setattr", "slice",
    "staticmethod", "super", "vars", "__import__", "__build_class__", "Ellipsis",
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup",
    "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
    "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError",
    "NotADirectoryError", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
    "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning",
    "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning",
    "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning",
    "UserWarning", "ValueError", "Warning", "ZeroDivisionError", NULL,
};

int not_supported(Interp *in, int line, int col, const char *what, const char *name)
{
    in->unsup_line = line;
    in->unsup_col = col;
    return exc_set(in, X_UNSUPPORTED, "not supported: %s%s", what, name);
}

const char *exc_name(ExcType t) { return exc_names[t]; }

int exc_set(Interp *in, ExcType t, const char *fmt, ...)
{
    in->exc = t;
    sb_clear(&in->exc_msg);
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        sb_vprintf(&in->exc_msg, fmt, ap);
        va_end(ap);
    }
    in->ntb = 0;
    return -1;
}

int exc_nomem(Interp *in) { return exc_set(in, X_MEMORY, NULL); }

static void tb_add(Interp *in, int line, const char *fname)
{
    if (in->ntb == in->tbcap) {
        in->tbcap = in->tbcap ? in->tbcap * 2 : 16;
        in->tb = xrealloc(in->tb, in->tbcap * sizeof(TbEntry));
    }
    in->tb[in->ntb].line = line;
    in->tb[in->ntb].fname = fname;
    in->ntb++;
}

const char *source_line(Interp *in, int line, size_t *len)
{
    const char *s = in->mod->source;
    for (int l = 1; l < line && *s; s++)
        if (*s == '\n') l++;
    const char *e = strchr(s, '\n');
    *len = e ? (size_t)(e - s) : strlen(s);
    return s;
}

static void format_traceback(Interp *in, StrBuf *out)
{
    sb_puts(out, "Traceback (most recent call last):\n");
    for (int i = in->ntb - 1; i >= 0; i--) {
        int line = in->tb[i].line;
        if (line > in->prog_lines && in->nlive_starts) {
            /* a line typed at the live prompt: as the REPL gives it, numbered
             * within its own statement, with no source text */
            int start = in->live_starts[0];
            for (int k = 0; k < in->nlive_starts && in->live_starts[k] <= line; k++) start = in->live_starts[k];
            sb_printf(out, "  File \"<stdin>\", line %d, in %s\n", line - start + 1, in->tb[i].fname);
            continue;
        }
        sb_printf(out, "  File \"%s\", line %d, in %s\n", in->filename, line, in->tb[i].fname);
        size_t n;
        const char *s = source_line(in, in->tb[i].line, &n);
        while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
        if (n) {
            sb_puts(out, "    ");
            sb_put(out, s, n);
            sb_putc(out, '\n');
        }
    }
    sb_puts(out, exc_names[in->exc]);
    if (in->exc_msg.len) {
        sb_puts(out, ": ");
        sb_puts(out, in->exc_msg.s);
    }
    sb_putc(out, '\n');
}

/* ================================================================ helpers */

Obj *make_int(Interp *in, int64_t v)
{
    Obj *o = new_int(in->h, v);
    if (!o) exc_nomem(in);
    return o;
}

Obj *make_str(Interp *in, const char *s, size_t n)
{
    Obj *o = new_str(in->h, s, n);
    if (!o) exc_nomem(in);
    return o;
}

Obj *make_str_sb(Interp *in, const StrBuf *b)
{
    if (b->over) {   /* longer than the memory ceiling */
        exc_nomem(in);
        return NULL;
    }
    return make_str(in, b->s ? b->s : "", b->len);
}

void print_out(Interp *in, const char *s, size_t n)
{
    if (in->opt.out) fwrite(s, 1, n, in->opt.out);
    else sb_put(&in->out, s, n);
}


Obj *type_of(Interp *in, Obj *o)
{
    if (o->type == T_ITER) {
        IterObj *it = (IterObj *)o;
        if (o->sub == IT_STR && it->seq && ((StrObj *)it->seq)->kind != 1) return in->types[TY_STR_ITER];
        if (o->sub == IT_REVERSED && it->step) return in->types[TY_REVERSED];
        return in->types[TY_ITER + o->sub];
    }
    if (o->type == T_DICTVIEW) return in->types[TY_VIEW + o->sub];
    if (o->type == T_DESCR && o->sub == DESCR_MEMBER) return in->types[TY_MEMBER_DESCR];
    if (o->type == T_INSTANCE) return &((InstanceObj *)o)->cls->gc.ob;
    return in->types[o->type];
}

/* ================================================================ names */

/* The interned name string (new reference); names made after start-up (the
 * live prompt, lesson answers) get theirs on first use. */
Obj *str_for_sym(Interp *in, Sym s)
{
    if (s >= in->nsymstr) {
        uint32_t n = in->mod->nsyms > s + 1 ? in->mod->nsyms : s + 1;
        in->symstr = xrealloc(in->symstr, n * sizeof(Obj *));
        memset(in->symstr + in->nsymstr, 0, (n - in->nsymstr) * sizeof(Obj *));
        in->nsymstr = n;
    }
    if (!in->symstr[s]) {
        const char *n = symname(in, s);
        in->symstr[s] = new_str(in->h, n, strlen(n));
        if (!in->symstr[s]) return NULL;
        ((StrObj *)in->symstr[s])->interned = STR_INTERNED_NAME;
    }
    return incref(in->h, in->symstr[s]);
}

Obj *str_for_sym_borrowed(Interp *in, Sym s)
{
    if (s < in->nsymstr && in->symstr[s]) return in->symstr[s];
    Obj *k = str_for_sym(in, s);
    if (k) k->rc--;   /* the table keeps its reference: no event for it */
    return k;
}

/* The module dict is keyed by the interned name strings (in->symstr), so a
 * lookup is by hash and then identity, as CPython's LOAD_GLOBAL usually is. */
static Obj *global_find(Interp *in, Sym s, int32_t *where);

static Obj *global_get(Interp *in, Sym s)
{
    int32_t ix;
    return global_find(in, s, &ix);
}

static Obj *global_find(Interp *in, Sym s, int32_t *where)
{
    DictObj *d = (DictObj *)in->globals;
    if (!d->log2size) return NULL;
    StrObj *key = s < in->nsymstr ? (StrObj *)in->symstr[s] : NULL;
    const char *n;
    size_t len;
    int64_t hash;
    if (key) {
        if (key->hash == -1) key->hash = str_hash_bytes(key->s, key->len);
        hash = key->hash;
        n = key->s;
        len = key->len;
    } else {
        n = symname(in, s);
        len = strlen(n);
        hash = str_hash_bytes(n, len);
    }
    uint32_t mask = (1u << d->log2size) - 1;
    uint32_t p = (uint32_t)hash & mask;
    for (;;) {
        int32_t ix = d->index[p];
        if (ix == -1) return NULL;
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (key && e->key == &key->ob) {
                *where = ix;
                return e->value;
            }
            if (e->key && e->hash == hash) {
                StrObj *k = (StrObj *)e->key;
                if (k->len == len && memcmp(k->s, n, len) == 0) {
                    *where = ix;
                    return e->value;
                }
            }
        }
        p = (p + 1) & mask;
    }
}

static int global_set(Interp *in, Sym s, Obj *v) /* steals v */
{
    /* rebinding an existing name: swap the value in its entry (no resize) */
    DictObj *d = (DictObj *)in->globals;
    Obj *ik = s < in->nsymstr ? in->symstr[s] : NULL;
    if (ik && d->log2size && ((StrObj *)ik)->hash != -1) {
        int64_t ix;
        if (dict_lookup(d, ik, ((StrObj *)ik)->hash, &ix)) {
            Obj *old = d->entries[ix].value;
            d->entries[ix].value = v;
            dict_maybe_track(in->h, d, ik, v);
            heap_set_reason(in->h, R_UNBIND, s);
            decref(in->h, old);
            return 0;
        }
    }
    Obj *key = str_for_sym(in, s);
    if (!key) {
        decref(in->h, v);
        return exc_nomem(in);
    }
    int r = dict_set(in->h, (DictObj *)in->globals, key, v);
    decref(in->h, key);
    decref(in->h, v);
    return r < 0 ? exc_nomem(in) : 0;
}

static int global_del(Interp *in, Sym s)
{
    Obj *key = str_for_sym(in, s);
    if (!key) return exc_nomem(in);
    int r = dict_del(in->h, (DictObj *)in->globals, key);
    decref(in->h, key);
    return r;
}

static int name_error(Interp *in, const Node *e)
{
    const char *n = symname(in, e->name);
    for (int i = 0; cpython_builtins[i]; i++)
        if (!strcmp(cpython_builtins[i], n)) {
            char what[96];
            snprintf(what, sizeof what, n[0] >= 'A' && n[0] <= 'Z' ? "the built-in name %s" : "the builtin %s()", n);
            return not_supported(in, e->line, e->col, what, "");
        }
    return exc_set(in, X_NAME, "name '%s' is not defined", n);
}

static Frame *enclosing(Interp *in, int depth)
{
    Frame *f = in->frame;
    while (depth-- > 0 && f) f = f->back;
    return f;
}

static int load_name(Interp *in, Node *e)
{
    Obj *v = NULL;
    switch (e->scope) {
    case SC_LOCAL:
        v = in->frame->locals[e->slot];
        if (!v)
            return exc_set(in, X_UNBOUNDLOCAL, "cannot access local variable '%s' where it is not associated with a value",
                           symname(in, e->name));
        break;
    case SC_ENCLOSING: {
        Frame *f = enclosing(in, e->op);
        v = f ? f->locals[e->slot] : NULL;
        if (!v)
            return exc_set(in, X_NAME, "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                           symname(in, e->name));
        break;
    }
    case SC_CLASS:
        if (in->frame->ns) v = attrmap_get(in->frame->ns, e->name);
        /* fall through */
    default:
        if (!v && e->scope == SC_GLOBAL && e->name < in->nsymstr) {
            /* LOAD_GLOBAL's cache: the entry index, valid while the dict's version holds */
            DictObj *d = (DictObj *)in->globals;
            if (e->ival == (int64_t)d->version + 1 && (uint32_t)e->slot < d->nentries &&
                d->entries[e->slot].key && d->entries[e->slot].key == in->symstr[e->name]) {
                v = d->entries[e->slot].value;
            } else {
                int32_t ix = -1;
                v = global_find(in, e->name, &ix);
                if (v) {
                    e->slot = ix;
                    e->ival = (int64_t)d->version + 1;
                }
            }
        }
        if (!v) v = global_get(in, e->name);
        if (!v) v = builtin_lookup(in, e->name);
        if (!v) return name_error(in, e);
    }
    vpush(in, incref(in->h, v));
    return 0;
}

/* ================================================================ calls */

static int exec_body(Interp *in, const NodeList *body);
static int eval_full(Interp *in, Node *e);

/* Evaluate e and push its value.  LOAD_FAST of a bound local is done here,
 * inline in every caller; everything else in eval_full. */
static inline int eval(Interp *in, Node *e)
{
    if (e->kind == E_NAME && e->scope == SC_LOCAL) {
        Obj *v = in->frame->locals[e->slot];
        if (v) {
            vpush(in, incref(in->h, v));
            return 0;
        }
    }
    return eval_full(in, e);
}
static void drop_to(Interp *in, uint32_t base);

enum { EX_OK = 0, EX_ERR = -1, EX_BREAK = 1, EX_CONTINUE = 2, EX_RETURN = 3 };

static void frame_release_locals(Interp *in, Frame *f)
{
    Heap *h = in->h;
    Reason saved = h->reason;
    heap_set_reason(h, R_RETURN, 0);
    for (int i = 0; i < f->code->nlocals; i++) {
        Obj *v = f->locals[i];
        if (v) {
            f->locals[i] = NULL;
            h->reason_detail = f->code->names[i];
            decref(h, v);
        }
    }
    h->reason = saved;
}

/* Run a Python function.  args[0..nargs) are owned references that move into
 * the new frame's locals (as CPython 3.11 moves them); the result is pushed. */
static int call_function(Interp *in, FuncObj *fn, Obj **args, int nargs, Obj *self)
{
    Heap *h = in->h;
    Code *c = fn->code;
    int total = nargs + (self ? 1 : 0);
    int ndef = fn->defaults ? (int)fn->defaults->n : 0;
    const char *fname = symname(in, fn->name);
    if (total > c->nparams || total < c->nparams - ndef) {
        if (self) decref(h, self);
        for (int i = 0; i < nargs; i++) decref(h, args[i]);
        if (total > c->nparams) {
            if (ndef)
                return exc_set(in, X_TYPE, "%s() takes from %d to %d positional arguments but %d were given", fname,
                               c->nparams - ndef, c->nparams, total);
            return exc_set(in, X_TYPE, "%s() takes %d positional argument%s but %d %s given", fname, c->nparams,
                           c->nparams == 1 ? "" : "s", total, total == 1 ? "was" : "were");
        }
        int missing = c->nparams - ndef - total;
        StrBuf names = {0};
        for (int i = total; i < c->nparams - ndef; i++) {
            if (i > total) sb_puts(&names, i == c->nparams - ndef - 1 ? (missing == 2 ? " and " : ", and ") : ", ");
            sb_printf(&names, "'%s'", symname(in, c->names[i]));
        }
        exc_set(in, X_TYPE, "%s() missing %d required positional argument%s: %s", fname, missing,
                missing == 1 ? "" : "s", names.s);
        sb_free(&names);
        return -1;
    }
    if (recursion_exceeded(in)) {
        if (self) decref(h, self);
        for (int i = 0; i < nargs; i++) decref(h, args[i]);
        return exc_set(in, X_RECURSION, "maximum recursion depth exceeded");
    }
    Frame f = {0};
    f.code = c;
    f.locals = c->nlocals ? xcalloc((size_t)c->nlocals, sizeof(Obj *)) : NULL;
    int k = 0;
    if (self) f.locals[k++] = self;
    for (int i = 0; i < nargs; i++) f.locals[k++] = args[i];
    for (; k < c->nparams; k++) f.locals[k] = incref(h, fn->defaults->items[k - (c->nparams - ndef)]);
    f.func = incref(h, &fn->gc.ob);
    f.back = in->frame;
    f.vs_base = in->vn;
    f.name = fname;
    f.line = fn->def->line;
    in->frame = &f;
    in->depth++;
    gc_eval_breaker(h);   /* RESUME */
    int r = exec_body(in, &fn->def->body);
    in->depth--;
    Obj *ret = NULL;
    if (r == EX_RETURN) ret = vpop(in);
    if (r == EX_ERR) tb_add(in, f.line, fname);
    if (r < 0) drop_to(in, f.vs_base);
    in->frame = f.back;
    frame_release_locals(in, &f);
    free(f.locals);
    decref(h, f.func);
    if (r < 0) return -1;
    vpush(in, ret ? ret : incref(h, h->none));
    return 0;
}

static int instantiate(Interp *in, ClassObj *cls, Obj **args, int nargs)
{
    Heap *h = in->h;
    /* the caller's references to the arguments stay on the stack meanwhile */
    uint32_t base = in->vn;
    for (int i = 0; i < nargs; i++) vpush(in, args[i]);
    Obj *argtuple = NULL;
    if (nargs > 0) {
        /* a class is called through tp_call: its arguments travel in a tuple */
        argtuple = new_tuple(h, (uint32_t)nargs);
        if (!argtuple) {
            drop_to(in, base);
            return exc_nomem(in);
        }
        for (int i = 0; i < nargs; i++) ((TupleObj *)argtuple)->items[i] = incref(h, args[i]);
        vpush(in, argtuple);
    }
    Obj *o = new_instance(h, cls);
    if (!o) {
        drop_to(in, base);
        return exc_nomem(in);
    }
    Obj *init = class_lookup(in, cls, in->s_init);
    int r = 0;
    if (init && init->type == T_FUNCTION) {
        /* type_call holds the new object and __init__ while it runs;
         * slot_tp_init passes the tuple's items to __init__'s frame */
        vpush(in, o);
        vpush(in, incref(h, init));
        Obj **fargs = xmalloc(sizeof(Obj *) * (size_t)(nargs + 1));
        for (int i = 0; i < nargs; i++) fargs[i] = incref(h, args[i]);
        r = call_function(in, (FuncObj *)init, fargs, nargs, incref(h, o));
        free(fargs);
        Obj *ret = r == 0 ? vpop(in) : NULL;
        decref(h, vpop(in));
        vpop(in);
        if (r == 0 && ret->type != T_NONE)
            r = exc_set(in, X_TYPE, "__init__() should return None, not '%s'", tname(in, ret));
        if (ret) decref(h, ret);
    } else if (nargs) {
        r = exc_set(in, X_TYPE, "%s() takes no arguments", symname(in, cls->name));
    }
    drop_to(in, base);
    if (r < 0) {
        decref(h, o);
        return -1;
    }
    vpush(in, o);
    return 0;
}

/* Call with the callable and its arguments on the value stack (the CPython
 * layout): callable at vs[base], positional args after it, then keyword
 * values.  Everything is consumed; the result is pushed. */
static int call_on_stack(Interp *in, uint32_t base, int nargs, Sym *kwnames, int nkw)
{
    Heap *h = in->h;
    Obj *callable = in->vs[base];
    Obj **args = &in->vs[base + 1];
    int r;
    if (nkw && callable->type != T_BUILTIN) {
        const char *n = callable->type == T_FUNCTION ? symname(in, ((FuncObj *)callable)->name) : "function";
        r = exc_set(in, X_TYPE, "%s() got an unexpected keyword argument '%s'", n, symname(in, kwnames[0]));
        goto drop_all;
    }
    switch ((ObjType)callable->type) {
    case T_FUNCTION: {
        /* the arguments move into the callee's frame */
        Obj **moved = xmalloc(sizeof(Obj *) * (size_t)(nargs + 1));
        memcpy(moved, args, sizeof(Obj *) * (size_t)nargs);
        in->vn = base + 1;
        r = call_function(in, (FuncObj *)callable, moved, nargs, NULL);
        free(moved);
        Obj *res = r == 0 ? vpop(in) : NULL;
        in->vn = base;
        decref(h, callable);
        if (r < 0) return -1;
        vpush(in, res);
        return 0;
    }
    case T_METHOD: {
        MethodObj *m = (MethodObj *)callable;
        Obj **moved = xmalloc(sizeof(Obj *) * (size_t)(nargs + 1));
        memcpy(moved, args, sizeof(Obj *) * (size_t)nargs);
        in->vn = base + 1;
        if (m->func->type == T_FUNCTION)
            r = call_function(in, (FuncObj *)m->func, moved, nargs, incref(h, m->self));
        else
            r = exc_set(in, X_TYPE, "bad method");
        free(moved);
        Obj *res = r == 0 ? vpop(in) : NULL;
        in->vn = base;
        decref(h, callable);
        if (r < 0) return -1;
        vpush(in, res);
        return 0;
    }
    case T_CLASS: {
        ClassObj *cls = (ClassObj *)callable;
        if (cls->gc.ob.flags & OF_STATIC) break; /* builtin type: handled by builtin_call */
        Obj **moved = xmalloc(sizeof(Obj *) * (size_t)(nargs + 1));
        memcpy(moved, args, sizeof(Obj *) * (size_t)nargs);
        in->vn = base + 1;
        r = instantiate(in, cls, moved, nargs);
        free(moved);
        Obj *res = r == 0 ? vpop(in) : NULL;
        in->vn = base;
        decref(h, callable);
        if (r < 0) return -1;
        vpush(in, res);
        gc_eval_breaker(h);   /* the end of CALL */
        return 0;
    }
    default: break;
    }
    if (callable->type == T_BUILTIN || callable->type == T_CLASS) {
        Obj *res = NULL;
        r = builtin_call(in, callable, args, nargs, kwnames, args + nargs, nkw, &res);
        /* release the arguments first to last, then the callable */
        heap_set_reason(h, R_ARG_DONE, 0);
        for (int i = 0; i < nargs + nkw; i++) decref(h, args[i]);
        in->vn = base;
        decref(h, callable);
        if (r < 0) return -1;
        vpush(in, res);
        gc_eval_breaker(h);   /* the end of CALL */
        return 0;
    }
    r = exc_set(in, X_TYPE, "'%s' object is not callable", tname(in, callable));
drop_all:
    for (int i = 0; i < nargs + nkw; i++) decref(h, args[i]);
    in->vn = base;
    decref(h, callable);
    return -1;
}

int call_object(Interp *in, Obj *callable, Obj **args, int nargs, Obj **result)
{
    uint32_t base = in->vn;
    vpush(in, incref(in->h, callable));
    for (int i = 0; i < nargs; i++) vpush(in, incref(in->h, args[i]));
    if (call_on_stack(in, base, nargs, NULL, 0) < 0) return -1;
    *result = vpop(in);
    return 0;
}

/* The finalizer hook: run __del__ at the moment the count reaches zero.  An
 * exception inside it is printed and ignored, as CPython does. */
static void run_finalizer(void *ctx, Obj *o)
{
    Interp *in = ctx;
    Heap *h = in->h;
    if (in->abort_run || in->state == RUN_LIMIT) return;
    Obj *del = class_lookup(in, ((InstanceObj *)o)->cls, in->s_del);
    if (!del || del->type != T_FUNCTION) return;
    /* save a pending exception: finalizers run while one may propagate */
    ExcType saved = in->exc;
    StrBuf msg = in->exc_msg;
    TbEntry *tb = in->tb;
    int ntb = in->ntb, tbcap = in->tbcap;
    in->exc_msg = (StrBuf){0};
    in->tb = NULL;
    in->ntb = in->tbcap = 0;
    in->exc = X_NONE;
    Reason rs = h->reason;
    in->in_finalizer++;
    vpush(in, incref(h, del));
    int r = call_function(in, (FuncObj *)del, NULL, 0, incref(h, o));
    if (r == 0) decref(h, vpop(in));
    decref(h, vpop(in));
    in->in_finalizer--;
    if (r != 0) {
        StrBuf tbtext = {0};
        format_traceback(in, &tbtext);
        fprintf(stderr, "Exception ignored in: <function %s.__del__>\n%s", symname(in, ((InstanceObj *)o)->cls->name),
                tbtext.s);
        sb_free(&tbtext);
    }
    h->reason = rs;
    sb_free(&in->exc_msg);
    free(in->tb);
    in->exc = saved;
    in->exc_msg = msg;
    in->tb = tb;
    in->ntb = ntb;
    in->tbcap = tbcap;
}

/* ================================================================ eval */

int is_const_node(const Node *e)
{
    switch (e->kind) {
    case E_INT: case E_BIGINT: case E_FLOAT: case E_STR: case E_NONE: case E_TRUE: case E_FALSE: return 1;
    case E_UNARY: return (e->op == UOP_NEG || e->op == UOP_POS) && (e->a->kind == E_INT || e->a->kind == E_FLOAT);
    case E_TUPLE:
        for (int i = 0; i < e->list.n; i++)
            if (!is_const_node(e->list.items[i])) return 0;
        return 1;
    default: return 0;
    }
}

static int eval_list_as(Interp *in, const NodeList *l, Reason why)
{
    uint32_t base = in->vn;
    for (int i = 0; i < l->n; i++) {
        heap_set_reason(in->h, why, 0);
        if (eval(in, l->items[i]) < 0) {
            while (in->vn > base) decref(in->h, vpop(in));
            return -1;
        }
    }
    return 0;
}

static int eval_list(Interp *in, const NodeList *l)
{
    uint32_t base = in->vn;
    for (int i = 0; i < l->n; i++) {
        if (eval(in, l->items[i]) < 0) {
            while (in->vn > base) decref(in->h, vpop(in));
            return -1;
        }
    }
    return 0;
}

static void drop_to(Interp *in, uint32_t base)
{
    while (in->vn > base) decref(in->h, vpop(in));
}

int set_presize(Heap *h, SetObj *s, int64_t n);
int format_value(Interp *in, Obj *v, const Node *spec, StrBuf *out);

static int eval_fstring(Interp *in, Node *e)
{
    StrBuf b = {0};
    for (int i = 0; i < e->list.n; i++) {
        Node *p = e->list.items[i];
        if (p->kind == E_STR) {
            sb_put(&b, p->str, p->len);
            continue;
        }
        if (eval(in, p->a) < 0) {
            sb_free(&b);
            return -1;
        }
        Obj *v = vpop(in);
        int r = 0;
        if (p->op == 'r' || p->op == 'a') obj_repr(in, v, &b);
        else if (p->b) r = format_value(in, v, p->b, &b);
        else obj_str(in, v, &b);
        if (!p->b && in->repr_failed) r = -1;
        decref(in->h, v);
        if (r < 0) {
            sb_free(&b);
            return -1;
        }
    }
    Obj *s = make_str_sb(in, &b);
    sb_free(&b);
    if (!s) return -1;
    vpush(in, s);
    return 0;
}

static int assign(Interp *in, Node *t, Obj *v);

/* Assign the next item of a loop and consume its reference.  A local takes
 * the reference over, as STORE_FAST does (the old value goes after); any
 * other target is assigned and the item's reference dropped. */
static inline int assign_steal(Interp *in, Node *t, Obj *v)
{
    Heap *h = in->h;
    if (t->kind == E_NAME && t->scope == SC_LOCAL) {
        Obj **slot = &in->frame->locals[t->slot];
        Obj *old = *slot;
        heap_set_reason(h, R_BIND, t->name);
        *slot = v;
        if (old) {
            heap_set_reason(h, R_UNBIND, t->name);
            decref(h, old);
        }
        return 0;
    }
    int r = assign(in, t, v);
    decref(h, v);
    return r;
}

/* A comprehension runs as a function of its own (3.11): the first iterator
 * is its argument `.0`, its targets are its locals, released at its return. */
static int eval_comp(Interp *in, Node *e)
{
    Heap *h = in->h;
    Code *c = e->aux;
    /* the first iterable is evaluated outside, then iter() of it */
    if (eval(in, e->comp.items[0].iter) < 0) return -1;
    Obj *seq = vpop(in);
    Obj *it = get_iter(in, seq);
    decref(h, seq);
    if (!it) return -1;
    Obj *fn = new_function(h, e, c, NULL, in->s_dot0);
    if (!fn) {
        decref(h, it);
        return exc_nomem(in);
    }
    if (recursion_exceeded(in)) {
        decref(h, it);
        decref(h, fn);
        return exc_set(in, X_RECURSION, "maximum recursion depth exceeded");
    }
    Frame f = {0};
    f.code = c;
    f.locals = xcalloc((size_t)c->nlocals, sizeof(Obj *));
    f.locals[0] = it;
    f.func = fn;
    f.back = in->frame;
    f.vs_base = in->vn;
    f.name = e->kind == E_LISTCOMP ? "<listcomp>" : e->kind == E_DICTCOMP ? "<dictcomp>" : "<setcomp>";
    f.line = e->line;
    in->frame = &f;
    in->depth++;
    Obj *acc = e->kind == E_LISTCOMP ? new_list(h, 0) : e->kind == E_DICTCOMP ? new_dict(h) : new_set(h);
    int rc = acc ? 0 : exc_nomem(in);
    if (acc) vpush(in, acc);
    /* nested loops: an explicit stack of iterators (level k uses vs slot) */
    int nlev = e->comp.n;
    uint32_t itbase = in->vn;
    int level = 0;
    Obj *cur = it;
    while (rc == 0) {
        Obj *item;
        int r = iter_step(in, level == 0 ? cur : in->vs[itbase + level - 1], &item);
        if (r < 0) { rc = -1; break; }
        if (r == 0) {
            if (level == 0) break;
            decref(h, vpop(in));
            level--;
            continue;
        }
        CompFor *cf = &e->comp.items[level];
        if (assign_steal(in, cf->target, item) < 0) { rc = -1; break; }
        int ok = 1;
        for (int k = 0; k < cf->ifs.n && ok; k++) {
            if (eval(in, cf->ifs.items[k]) < 0) { rc = -1; break; }
            Obj *cv = vpop(in);
            ok = obj_truth(in, cv);
            decref(h, cv);
        }
        if (rc < 0 || !ok) continue;
        if (level + 1 < nlev) {
            if (eval(in, e->comp.items[level + 1].iter) < 0) { rc = -1; break; }
            Obj *s2 = vpop(in);
            Obj *it2 = get_iter(in, s2);
            decref(h, s2);
            if (!it2) { rc = -1; break; }
            vpush(in, it2);
            level++;
            continue;
        }
        if (e->kind == E_LISTCOMP) {
            if (eval(in, e->a) < 0) { rc = -1; break; }
            Obj *v = vpop(in);
            if (list_append(h, (ListObj *)acc, v) < 0) { rc = exc_nomem(in); break; }
        } else if (e->kind == E_SETCOMP) {
            if (eval(in, e->a) < 0) { rc = -1; break; }
            Obj *v = vpop(in);
            int sr = set_add(h, (SetObj *)acc, v);
            if (sr == -2) rc = exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, v));
            else if (sr < 0) rc = exc_nomem(in);
            decref(h, v);
        } else {
            if (eval(in, e->a) < 0) { rc = -1; break; }
            if (eval(in, e->b) < 0) { decref(h, vpop(in)); rc = -1; break; }
            Obj *v = vpop(in), *k = vpop(in);
            int dr = dict_set(h, (DictObj *)acc, k, v);
            if (dr == -2) rc = exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, k));
            else if (dr < 0) rc = exc_nomem(in);
            decref(h, k);
            decref(h, v);
        }
    }
    drop_to(in, itbase);
    Obj *res = NULL;
    if (rc == 0) res = vpop(in);
    else drop_to(in, f.vs_base);
    in->depth--;
    if (rc < 0) tb_add(in, in->frame->line, f.name);
    in->frame = f.back;
    frame_release_locals(in, &f);
    free(f.locals);
    decref(h, fn);
    if (rc < 0) return -1;
    vpush(in, res);
    return 0;
}

static int eval_call(Interp *in, Node *e)
{
    Heap *h = in->h;
    uint32_t base = in->vn;
    Node *callee = e->a;
    /* LOAD_METHOD: obj.name(args) calls without making a bound method */
    if (callee->kind == E_ATTR) {
        if (eval(in, callee->a) < 0) return -1;
        Obj *self = vtop(in);
        if (self->type == T_INSTANCE) {
            InstanceObj *inst = (InstanceObj *)self;
            Obj **slot = instance_slot(h, inst, callee->name, 0);
            Obj *fv = (!slot || !*slot) ? class_lookup(in, inst->cls, callee->name) : NULL;
            if (fv && fv->type == T_FUNCTION) {
                /* stack: self, args... ; the function is held aside */
                incref(h, fv);
                if (eval_list(in, &e->list) < 0) {
                    decref(h, fv);
                    drop_to(in, base);
                    return -1;
                }
                if (e->kwnames.n) {
                    decref(h, fv);
                    drop_to(in, base);
                    return exc_set(in, X_TYPE, "%s() got an unexpected keyword argument '%s'",
                                   symname(in, callee->name), symname(in, e->kwnames.items[0]));
                }
                int nargs = e->list.n;
                Obj **moved = xmalloc(sizeof(Obj *) * (size_t)(nargs + 1));
                memcpy(moved, &in->vs[base + 1], sizeof(Obj *) * (size_t)nargs);
                in->vn = base;
                vpush(in, fv);   /* the function stays on the stack during the call */
                int r = call_function(in, (FuncObj *)fv, moved, nargs, self);
                free(moved);
                Obj *res = r == 0 ? vpop(in) : NULL;
                decref(h, vpop(in));
                if (r < 0) return -1;
                vpush(in, res);
                return 0;
            }
        } else if (self->type != T_CLASS && self->type != T_MODULE) {
            int id = builtin_method_id(in, self, callee->name);
            if (id >= 0) {
                if (eval_list(in, &e->list) < 0) {
                    drop_to(in, base);
                    return -1;
                }
                if (e->kwnames.n) {
                    drop_to(in, base);
                    return exc_set(in, X_TYPE, "%s() takes no keyword arguments", symname(in, callee->name));
                }
                Obj *res = NULL;
                int r = call_method_id(in, id, self, &in->vs[base + 1], e->list.n, &res);
                for (uint32_t i = base + 1; i < in->vn; i++) decref(h, in->vs[i]);
                in->vn = base + 1;
                decref(h, vpop(in));
                if (r < 0) return -1;
                vpush(in, res);
                gc_eval_breaker(h);   /* the end of CALL */
                return 0;
            }
        }
        /* plain attribute, then call it */
        Obj *o = vpop(in);
        Obj *attr;
        int r = getattr(in, o, callee->name, &attr);
        decref(h, o);
        if (r < 0) return -1;
        vpush(in, attr);
    } else {
        if (eval(in, callee) < 0) return -1;
    }
    if (eval_list_as(in, &e->list, R_ARG) < 0) {
        drop_to(in, base);
        return -1;
    }
    if (eval_list_as(in, &e->list2, R_ARG) < 0) {
        drop_to(in, base);
        return -1;
    }
    return call_on_stack(in, base, e->list.n, e->kwnames.items, e->kwnames.n);
}

static int eval_subscript(Interp *in, Node *e)
{
    Heap *h = in->h;
    if (eval(in, e->a) < 0) return -1;
    if (e->b->kind == E_SLICE) {
        Node *sl = e->b;
        Obj *vals[3] = {NULL, NULL, NULL};
        Node *parts[3] = {sl->a, sl->b, sl->c};
        for (int i = 0; i < 3; i++) {
            if (!parts[i]) continue;
            if (eval(in, parts[i]) < 0) {
                for (int j = 0; j < i; j++) if (vals[j]) decref(h, vals[j]);
                decref(h, vpop(in));
                return -1;
            }
            vals[i] = vpop(in);
        }
        Obj *o = vpop(in), *res = NULL;
        int r = getslice(in, o, sl, vals, &res);
        for (int i = 0; i < 3; i++) if (vals[i]) decref(h, vals[i]);
        decref(h, o);
        if (r < 0) return -1;
        vpush(in, res);
        return 0;
    }
    if (eval(in, e->b) < 0) {
        decref(h, vpop(in));
        return -1;
    }
    Obj *idx = vpop(in), *o = vpop(in), *res = NULL;
    int r = getitem(in, o, idx, &res);
    decref(h, o);
    decref(h, idx);
    if (r < 0) return -1;
    vpush(in, res);
    return 0;
}

static int eval_full(Interp *in, Node *e)
{
    Heap *h = in->h;
    switch ((NodeKind)e->kind) {
    case E_NAME: return load_name(in, e);
    case E_INT:
        if (is_small_int(e->ival)) {
            vpush(in, new_int(h, e->ival));
            return 0;
        }
        /* fall through */
    case E_BIGINT: case E_FLOAT: case E_STR:
        vpush(in, incref(h, e->aux));
        return 0;
    case E_NONE: vpush(in, incref(h, h->none)); return 0;
    case E_TRUE: vpush(in, incref(h, h->true_)); return 0;
    case E_FALSE: vpush(in, incref(h, h->false_)); return 0;
    case E_FSTRING: return eval_fstring(in, e);
    case E_LIST: {
        uint32_t base = in->vn;
        if (eval_list_as(in, &e->list, R_STORE) < 0) return -1;
        int n = e->list.n;
        int64_t cap = n;
        if (n >= 3) {
            int allc = 1;
            for (int i = 0; i < n && allc; i++) allc = is_const_node(e->list.items[i]);
            if (allc) cap = (n + 1) & ~1;
        }
        Obj *l = new_list(h, cap);
        if (!l) {
            drop_to(in, base);
            return exc_nomem(in);
        }
        if (n) memcpy(((ListObj *)l)->items, &in->vs[base], sizeof(Obj *) * (size_t)n);
        ((ListObj *)l)->n = n;
        in->vn = base;
        vpush(in, l);
        return 0;
    }
    case E_TUPLE: {
        if (e->aux) {   /* folded at compile time */
            vpush(in, incref(h, e->aux));
            return 0;
        }
        uint32_t base = in->vn;
        if (eval_list_as(in, &e->list, R_STORE) < 0) return -1;
        Obj *t = new_tuple(h, (uint32_t)e->list.n);
        if (!t) {
            drop_to(in, base);
            return exc_nomem(in);
        }
        if (e->list.n) memcpy(((TupleObj *)t)->items, &in->vs[base], sizeof(Obj *) * (size_t)e->list.n);
        in->vn = base;
        vpush(in, t);
        return 0;
    }
    case E_SET: {
        uint32_t base = in->vn;
        if (eval_list_as(in, &e->list, R_STORE) < 0) return -1;
        Obj *s = new_set(h);
        if (!s) {
            drop_to(in, base);
            return exc_nomem(in);
        }
        int allc = e->list.n >= 3;
        for (int i = 0; i < e->list.n && allc; i++) allc = is_const_node(e->list.items[i]);
        if (allc) set_presize(h, (SetObj *)s, (int64_t)e->list.n * 2);
        for (int i = 0; i < e->list.n; i++) {
            Obj *k = in->vs[base + i];
            int r = set_add(h, (SetObj *)s, k);
            if (r < 0) {
                if (r == -2) exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, k));
                else exc_nomem(in);
                drop_to(in, base);
                decref(h, s);
                return -1;
            }
        }
        drop_to(in, base);
        vpush(in, s);
        return 0;
    }
    case E_DICT: {
        uint32_t base = in->vn;
        for (int i = 0; i < e->list.n; i++) {
            heap_set_reason(h, R_STORE, 0);
            if (eval(in, e->list.items[i]) < 0 || (heap_set_reason(h, R_STORE, 0), eval(in, e->list2.items[i])) < 0) {
                drop_to(in, base);
                return -1;
            }
        }
        int n = e->list.n;
        int unicode = 1;
        for (int i = 0; i < n; i++) if (in->vs[base + 2 * i]->type != T_STR) unicode = 0;
        Obj *d = new_dict_presized(h, n, unicode);
        if (!d) {
            drop_to(in, base);
            return exc_nomem(in);
        }
        for (int i = 0; i < n; i++) {
            Obj *k = in->vs[base + 2 * i];
            int r = dict_set(h, (DictObj *)d, k, in->vs[base + 2 * i + 1]);
            if (r < 0) {
                if (r == -2) exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, k));
                else exc_nomem(in);
                drop_to(in, base);
                decref(h, d);
                return -1;
            }
        }
        drop_to(in, base);
        vpush(in, d);
        return 0;
    }
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: return eval_comp(in, e);
    case E_BINOP: {
        if (e->aux) {   /* folded at compile time */
            vpush(in, incref(h, e->aux));
            return 0;
        }
        if (eval(in, e->a) < 0) return -1;
        if (eval(in, e->b) < 0) {
            decref(h, vpop(in));
            return -1;
        }
        Obj *b = vpop(in), *a = vpop(in), *res = NULL;
        int r = binary_op(in, e->op, a, b, &res);
        decref(h, a);
        decref(h, b);
        if (r < 0) return -1;
        vpush(in, res);
        return 0;
    }
    case E_UNARY: {
        if (e->aux) {   /* folded at compile time */
            vpush(in, incref(h, e->aux));
            return 0;
        }
        if (eval(in, e->a) < 0) return -1;
        Obj *a = vpop(in), *res = NULL;
        int r = 0;
        switch (e->op) {
        case UOP_NOT: res = bool_obj(h, !obj_truth(in, a)); break;
        case UOP_POS:
            if (is_intlike(a) || a->type == T_FLOAT) res = a->type == T_BOOL ? make_int(in, ((IntObj *)a)->v) : incref(h, a);
            else r = exc_set(in, X_TYPE, "bad operand type for unary +: '%s'", tname(in, a));
            break;
        case UOP_NEG:
            if (a->type == T_FLOAT) res = new_float(h, -((FloatObj *)a)->v);
            else if (is_intlike(a)) {
                Obj *zero = new_int(h, 0);
                r = binary_op(in, OP_SUB, zero, a, &res);
                decref(h, zero);
            } else r = exc_set(in, X_TYPE, "bad operand type for unary -: '%s'", tname(in, a));
            break;
        case UOP_INVERT:
            if (is_intlike(a)) {
                Obj *m1 = new_int(h, -1);
                r = binary_op(in, OP_BITXOR, a, m1, &res);
                decref(h, m1);
            } else r = exc_set(in, X_TYPE, "bad operand type for unary ~: '%s'", tname(in, a));
            break;
        }
        decref(h, a);
        if (r < 0) return -1;
        if (!res) return exc_nomem(in);
        vpush(in, res);
        return 0;
    }
    case E_BOOLOP: {
        for (int i = 0; i < e->list.n; i++) {
            if (eval(in, e->list.items[i]) < 0) return -1;
            if (i == e->list.n - 1) break;
            Obj *v = vtop(in);
            int t = obj_truth(in, v);
            if ((e->op == OP_OR && t) || (e->op == OP_AND && !t)) return 0;
            decref(h, vpop(in));
        }
        return 0;
    }
    case E_COMPARE: {
        if (eval(in, e->a) < 0) return -1;
        for (int i = 0; i < e->list.n; i++) {
            if (eval(in, e->list.items[i]) < 0) {
                decref(h, vpop(in));
                return -1;
            }
            Obj *b = vpop(in), *a = vpop(in);
            int res;
            int r = compare(in, a, b, e->ops[i], &res);
            decref(h, a);
            if (r < 0) {
                decref(h, b);
                return -1;
            }
            if (!res || i == e->list.n - 1) {
                decref(h, b);
                vpush(in, bool_obj(h, res));
                return 0;
            }
            vpush(in, b);
        }
        return 0;
    }
    case E_IFEXP: {
        if (eval(in, e->b) < 0) return -1;
        Obj *t = vpop(in);
        int c = obj_truth(in, t);
        decref(h, t);
        return eval(in, c ? e->a : e->c);
    }
    case E_CALL: return eval_call(in, e);
    case E_ATTR: {
        if (eval(in, e->a) < 0) return -1;
        Obj *o = vpop(in), *res;
        int r = getattr(in, o, e->name, &res);
        decref(h, o);
        if (r < 0) return -1;
        vpush(in, res);
        return 0;
    }
    case E_SUBSCRIPT: return eval_subscript(in, e);
    default:
        return exc_set(in, X_SYNTAX, "unsupported expression");
    }
}

/* ================================================================ assignment */

static int store_name(Interp *in, Node *t, Obj *v) /* v borrowed */
{
    Heap *h = in->h;
    heap_set_reason(h, R_BIND, t->name);
    switch (t->scope) {
    case SC_LOCAL: {
        Obj *old = in->frame->locals[t->slot];
        in->frame->locals[t->slot] = incref(h, v);
        if (old) {
            heap_set_reason(h, R_UNBIND, t->name);
            decref(h, old);
        }
        return 0;
    }
    case SC_CLASS:
        if (in->frame->ns) {
            attrmap_set(h, in->frame->ns, t->name, incref(h, v));
            return 0;
        }
        /* fall through */
    default:
        if (t->scope == SC_GLOBAL && t->name < in->nsymstr) {
            /* STORE_GLOBAL rebinding a name: the entry found last time (the
             * LOAD_GLOBAL cache of load_name, kept on the target node) */
            DictObj *d = (DictObj *)in->globals;
            if (t->ival == (int64_t)d->version + 1 && (uint32_t)t->slot < d->nentries &&
                d->entries[t->slot].key && d->entries[t->slot].key == in->symstr[t->name]) {
                DictEntry *e = &d->entries[t->slot];
                Obj *old = e->value;
                e->value = incref(h, v);
                dict_maybe_track(h, d, e->key, v);
                heap_set_reason(h, R_UNBIND, t->name);
                decref(h, old);
                return 0;
            }
            int r = global_set(in, t->name, incref(h, v));
            int32_t ix = -1;
            if (r == 0 && global_find(in, t->name, &ix) && ix >= 0) {
                t->slot = ix;
                t->ival = (int64_t)d->version + 1;
            }
            return r;
        }
        return global_set(in, t->name, incref(h, v));
    }
}

static int unpack(Interp *in, Node *t, Obj *v)
{
    Heap *h = in->h;
    int n = t->list.n;
    uint32_t base = in->vn;
    if (v->type == T_TUPLE || v->type == T_LIST) {
        int64_t len;
        Obj **items = seq_items(v, &len);
        if (len != n) {
            if (len > n) return exc_set(in, X_VALUE, "too many values to unpack (expected %d)", n);
            return exc_set(in, X_VALUE, "not enough values to unpack (expected %d, got %lld)", n, (long long)len);
        }
        for (int i = n - 1; i >= 0; i--) vpush(in, incref(h, items[i]));
    } else {
        Obj *it = get_iter(in, v);
        if (!it) return -1;
        Obj **tmp = xcalloc((size_t)n + 1, sizeof(Obj *));
        int got = 0, r = 0;
        while (got <= n) {
            Obj *x;
            r = iter_step(in, it, &x);
            if (r <= 0) break;
            tmp[got++] = x;
        }
        decref(h, it);
        if (r < 0 || got != n) {
            for (int i = 0; i < got; i++) decref(h, tmp[i]);
            free(tmp);
            if (r < 0) return -1;
            if (got > n) return exc_set(in, X_VALUE, "too many values to unpack (expected %d)", n);
            return exc_set(in, X_VALUE, "not enough values to unpack (expected %d, got %d)", n, got);
        }
        for (int i = n - 1; i >= 0; i--) vpush(in, tmp[i]);
        free(tmp);
    }
    for (int i = 0; i < n; i++) {
        Obj *x = vpop(in);
        int r = assign(in, t->list.items[i], x);
        decref(h, x);
        if (r < 0) {
            drop_to(in, base);
            return -1;
        }
    }
    return 0;
}

static int assign_slice(Interp *in, Obj *o, Node *sl, Obj *v)
{
    Heap *h = in->h;
    if (o->type != T_LIST) return exc_set(in, X_TYPE, "'%s' object does not support item assignment", tname(in, o));
    ListObj *l = (ListObj *)o;
    Obj *vals[3] = {NULL, NULL, NULL};
    Node *parts[3] = {sl->a, sl->b, sl->c};
    for (int i = 0; i < 3; i++) {
        if (!parts[i]) continue;
        if (eval(in, parts[i]) < 0) {
            for (int j = 0; j < i; j++) if (vals[j]) decref(h, vals[j]);
            return -1;
        }
        vals[i] = vpop(in);
    }
    int64_t start, stop, step, len;
    int r = slice_indices(in, sl, l->n, &start, &stop, &step, &len, vals);
    for (int i = 0; i < 3; i++) if (vals[i]) decref(h, vals[i]);
    if (r < 0) return -1;
    /* materialise the new items first */
    Obj *nl = new_list(h, 0);
    if (!nl) return exc_nomem(in);
    vpush(in, nl);
    if (list_extend_iter(in, (ListObj *)nl, v) < 0) {
        decref(h, vpop(in));
        return -1;
    }
    ListObj *src = (ListObj *)nl;
    if (step != 1) {
        if (src->n != len) {
            decref(h, vpop(in));
            return exc_set(in, X_VALUE, "attempt to assign sequence of size %lld to extended slice of size %lld",
                           (long long)src->n, (long long)len);
        }
        for (int64_t k = 0; k < len; k++) {
            Obj *old = l->items[start + k * step];
            l->items[start + k * step] = incref(h, src->items[k]);
            decref(h, old);
        }
        decref(h, vpop(in));
        return 0;
    }
    if (stop < start) stop = start;
    int64_t removed = stop - start;
    Obj **gone = removed ? xmalloc(sizeof(Obj *) * (size_t)removed) : NULL;
    for (int64_t k = 0; k < removed; k++) gone[k] = l->items[start + k];
    int64_t oldn = l->n, newn = oldn - removed + src->n;
    Obj **tail = NULL;
    int64_t ntail = oldn - stop;
    if (ntail) {
        tail = xmalloc(sizeof(Obj *) * (size_t)ntail);
        memcpy(tail, l->items + stop, sizeof(Obj *) * (size_t)ntail);
    }
    if (list_resize(h, l, newn) < 0) {
        free(gone);
        free(tail);
        decref(h, vpop(in));
        return exc_nomem(in);
    }
    for (int64_t k = 0; k < src->n; k++) l->items[start + k] = incref(h, src->items[k]);
    if (ntail) memcpy(l->items + start + src->n, tail, sizeof(Obj *) * (size_t)ntail);
    free(tail);
    for (int64_t k = removed - 1; k >= 0; k--) decref(h, gone[k]);
    free(gone);
    decref(h, vpop(in));
    return 0;
}

static int assign(Interp *in, Node *t, Obj *v) /* v borrowed */
{
    Heap *h = in->h;
    switch (t->kind) {
    case E_NAME: return store_name(in, t, v);
    case E_TUPLE: case E_LIST: return unpack(in, t, v);
    case E_ATTR: {
        if (eval(in, t->a) < 0) return -1;
        Obj *o = vpop(in);
        heap_set_reason(h, R_ATTR_SET, t->name);
        int r = setattr(in, o, t->name, v);
        decref(h, o);
        return r;
    }
    case E_SUBSCRIPT: {
        if (eval(in, t->a) < 0) return -1;
        if (t->b->kind == E_SLICE) {
            Obj *o = vpop(in);
            vpush(in, o);
            heap_set_reason(h, R_STORE, 0);
            int r = assign_slice(in, o, t->b, v);
            decref(h, vpop(in));
            return r;
        }
        if (eval(in, t->b) < 0) {
            decref(h, vpop(in));
            return -1;
        }
        Obj *idx = vpop(in), *o = vpop(in);
        heap_set_reason(h, R_STORE, 0);
        int r = setitem(in, o, idx, v);
        decref(h, o);
        decref(h, idx);
        return r;
    }
    default:
        return exc_set(in, X_SYNTAX, "cannot assign");
    }
}

static int delete(Interp *in, Node *t)
{
    Heap *h = in->h;
    switch (t->kind) {
    case E_NAME: {
        heap_set_reason(h, R_DEL, t->name);
        if (t->scope == SC_LOCAL) {
            Obj *old = in->frame->locals[t->slot];
            if (!old)
                return exc_set(in, X_UNBOUNDLOCAL, "cannot access local variable '%s' where it is not associated with a value",
                               symname(in, t->name));
            in->frame->locals[t->slot] = NULL;
            decref(h, old);
            return 0;
        }
        if (t->scope == SC_CLASS && in->frame->ns) {
            AttrMap *m = in->frame->ns;
            for (uint32_t i = 0; i < m->n; i++)
                if (m->items[i].key == t->name) {
                    Obj *old = m->items[i].value;
                    memmove(&m->items[i], &m->items[i + 1], (m->n - i - 1) * sizeof(Attr));
                    m->n--;
                    decref(h, old);
                    return 0;
                }
        }
        int r = global_del(in, t->name);
        if (r < 0) return -1;
        if (r == 0) return exc_set(in, X_NAME, "name '%s' is not defined", symname(in, t->name));
        return 0;
    }
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->list.n; i++)
            if (delete(in, t->list.items[i]) < 0) return -1;
        return 0;
    case E_ATTR: {
        if (eval(in, t->a) < 0) return -1;
        Obj *o = vpop(in);
        heap_set_reason(h, R_ATTR_DEL, t->name);
        int r = delattr(in, o, t->name);
        decref(h, o);
        return r;
    }
    case E_SUBSCRIPT: {
        if (eval(in, t->a) < 0) return -1;
        heap_set_reason(h, R_REMOVE, 0);
        if (t->b->kind == E_SLICE) {
            Obj *o = vtop(in);
            if (o->type != T_LIST) {
                decref(h, vpop(in));
                return exc_set(in, X_TYPE, "'%s' object does not support item deletion", tname(in, o));
            }
            Node *sl = t->b;
            Obj *vals[3] = {NULL, NULL, NULL};
            Node *parts[3] = {sl->a, sl->b, sl->c};
            for (int i = 0; i < 3; i++) {
                if (!parts[i]) continue;
                if (eval(in, parts[i]) < 0) {
                    for (int j = 0; j < i; j++) if (vals[j]) decref(h, vals[j]);
                    decref(h, vpop(in));
                    return -1;
                }
                vals[i] = vpop(in);
            }
            int64_t start, stop, step, len;
            int r = slice_indices(in, sl, ((ListObj *)o)->n, &start, &stop, &step, &len, vals);
            for (int i = 0; i < 3; i++) if (vals[i]) decref(h, vals[i]);
            if (r == 0) {
                heap_set_reason(h, R_REMOVE, 0);
                r = list_del_slice(in, (ListObj *)o, start, step, len);
            }
            decref(h, vpop(in));
            return r;
        }
        if (eval(in, t->b) < 0) {
            decref(h, vpop(in));
            return -1;
        }
        Obj *idx = vpop(in), *o = vpop(in);
        heap_set_reason(h, R_REMOVE, 0);
        int r = delitem(in, o, idx);
        decref(h, o);
        decref(h, idx);
        return r;
    }
    default:
        return exc_set(in, X_SYNTAX, "cannot delete");
    }
}

/* ================================================================ statements */

#define EX_ABORT (-2)

/* Called after every statement: count it against the budget, and pause
 * here if the front end asked to stop after this line. */
static void check_heap_now(Interp *in, const Node *s)
{
    Heap *h = in->h;
    if (h->dn || h->collecting || in->in_finalizer || h->live_total > 2000 || h->next_serial > 100000) return;
    StrBuf r = {0};
    if (heap_check(h, interp_roots, in, &r)) {
        fprintf(stderr, "memtutor: heap check failed after line %d:\n%s", s->line, r.s);
        abort();
    }
    sb_free(&r);
}

static void live_pause_loop(Interp *in);

/* Statement budget of one live statement (a `while True: pass` typed at the
 * prompt must not hang the front end). */
#define LIVE_MAX_STEPS 1000000

int interp_work_over(Interp *in)
{
    if (in->interrupted && !in->interrupt_deadline)
        in->interrupt_deadline = in->work + (int64_t)INTERP_POLL_WORK * 16;
    if (in->work > in->work_budget || (in->interrupt_deadline && in->work > in->interrupt_deadline)) {
        if (in->state != RUN_LIMIT) {
            in->state = RUN_LIMIT;
            in->exc = X_UNSUPPORTED;   /* not a Python exception: nothing handles it */
            sb_clear(&in->exc_msg);
            sb_puts(&in->exc_msg, in->interrupted ? "interrupted" : "over the budget");
        }
        in->work_check = in->work + 1;
        return -1;
    }
    if (!in->interrupted && in->opt.poll && in->opt.poll(in->opt.poll_ctx)) in->interrupted = 1;
    if (in->interrupted && !in->interrupt_deadline)
        in->interrupt_deadline = in->work + (int64_t)INTERP_POLL_WORK * 16;
    int64_t next = in->work + INTERP_POLL_WORK;
    if (next > in->work_budget + 1) next = in->work_budget + 1;
    if (in->interrupt_deadline && next > in->interrupt_deadline + 1) next = in->interrupt_deadline + 1;
    in->work_check = next;
    return 0;
}

void interp_interrupt(Interp *in)
{
    in->interrupted = 1;
    in->work_check = 0;   /* seen at the next unit of work */
}

int interp_interrupted(const Interp *in) { return in->interrupted != 0; }
int interp_paused_early(const Interp *in) { return in->state == RUN_PAUSED && in->paused_early; }

/* The front end's waits on the interpreter's thread: a signal (a resize, a
 * Ctrl-Z) must not end them early, or both threads would run at once. */
static void wait_paused(Interp *in)
{
    while (sem_wait(&in->paused) != 0 && errno == EINTR) {}
}

void interp_clear_interrupt(Interp *in)
{
    in->interrupted = 0;
    in->paused_early = 0;
    in->interrupt_deadline = 0;
    in->work_check = 0;
}

static int stmt_done(Interp *in, const Node *s)
{
    if (in->abort_run) return EX_ABORT;
    if (interp_work(in) < 0) return EX_ABORT;
    if (in->in_live) return EX_OK;   /* a live statement: no step counted, no pause */
    if (in->heap_check) check_heap_now(in, s);
    in->steps++;
    in->last_line = s->line;
    int at = in->target_line == 0 || in->target_line == s->line ||
             (in->target_step > 0 && in->steps == in->target_step);
    if (at || in->interrupted) {
        in->paused_early = !at;
        in->state = RUN_PAUSED;
        sem_post(&in->paused);
        sem_wait(&in->go);
        live_pause_loop(in);
        if (in->abort_run) return EX_ABORT;
        if (in->h->log) heap_log_clear(in->h);
        alloc_begin_step(in->h->alloc);
    }
    return EX_OK;
}

static int exec_def(Interp *in, Node *s)
{
    Heap *h = in->h;
    uint32_t base = in->vn;
    if (eval_list(in, &s->list) < 0) return EX_ERR;
    TupleObj *defaults = NULL;
    if (s->list.n) {
        Obj *t = new_tuple(h, (uint32_t)s->list.n);
        if (!t) {
            drop_to(in, base);
            return exc_nomem(in);
        }
        memcpy(((TupleObj *)t)->items, &in->vs[base], sizeof(Obj *) * (size_t)s->list.n);
        in->vn = base;
        defaults = (TupleObj *)t;
    }
    Obj *fn = new_function(h, s, s->aux, defaults, s->name);
    if (!fn) {
        if (defaults) decref(h, &defaults->gc.ob);
        return exc_nomem(in);
    }
    ((FuncObj *)fn)->globals = incref(h, in->globals);
    Node tgt = {0};
    tgt.kind = E_NAME;
    tgt.name = s->name;
    Code *c = in->frame->code;
    if (c->kind == CODE_CLASS) tgt.scope = SC_CLASS;
    else if ((c->kind == CODE_FUNC) && !code_is_global_decl(c, s->name)) {
        tgt.scope = SC_LOCAL;
        tgt.slot = code_find(c, s->name);
    } else tgt.scope = SC_GLOBAL;
    int r = assign(in, &tgt, fn);
    decref(h, fn);
    return r;
}

/* A class statement as CPython 3.11 runs it: MAKE_FUNCTION for the body,
 * the bases, then __build_class__: the bases tuple, the namespace dict
 * (__module__ and __qualname__ first), the body, and type(name, bases, ns)
 * through its args tuple (sim/typeobject.c's type_new).  The tree-walker
 * runs the body over an AttrMap and moves it into the dict at the end. */
static int exec_class(Interp *in, Node *s)
{
    Heap *h = in->h;
    if (s->list.n > 1) return exc_set(in, X_TYPE, "multiple inheritance is not supported by memtutor");
    /* the class body runs as a function of its own (a GC allocation) */
    Obj *bodyfn = new_function(h, s, s->aux, NULL, s->name);
    if (!bodyfn) return exc_nomem(in);
    Obj *b = NULL;
    if (s->list.n == 1) {
        if (eval(in, s->list.items[0]) < 0) {
            decref(h, bodyfn);
            return EX_ERR;
        }
        b = vpop(in);
        if (b->type != T_CLASS) {
            decref(h, b);
            decref(h, bodyfn);
            return exc_set(in, X_TYPE, "bases must be types");
        }
    }
    Obj *bases = new_tuple(h, b ? 1 : 0);
    if (bases && b) ((TupleObj *)bases)->items[0] = b;
    else if (b) decref(h, b);
    Obj *nsd = bases ? new_dict(h) : NULL;
    Obj *modname = nsd ? str_for_sym(in, in->s_main) : NULL;
    Obj *qualname = modname ? str_for_sym(in, s->name) : NULL;
    int r = qualname ? 0 : exc_nomem(in);
    if (!r && (dict_set(h, (DictObj *)nsd, str_for_sym_borrowed(in, in->s_module), modname) < 0 ||
               dict_set(h, (DictObj *)nsd, str_for_sym_borrowed(in, in->s_qualname), qualname) < 0))
        r = exc_nomem(in);
    xdecref(h, modname);
    xdecref(h, qualname);
    AttrMap ns = {0};
    uint32_t held = in->vn;
    if (!r) {
        /* __build_class__ holds the bases and the namespace while the body runs */
        vpush(in, bases);
        vpush(in, nsd);
        Frame f = {0};
        f.code = s->aux;
        f.ns = &ns;
        f.back = in->frame;
        f.func = bodyfn;
        f.vs_base = in->vn;
        f.name = symname(in, s->name);
        f.line = s->line;
        in->frame = &f;
        in->depth++;
        r = exec_body(in, &s->body);
        in->depth--;
        in->frame = f.back;
        if (r == EX_ERR) tb_add(in, f.line, f.name);
        if (r < 0) drop_to(in, f.vs_base);
        in->vn = held;
    }
    for (uint32_t i = 0; r >= 0 && i < ns.n; i++)
        if (dict_set(h, (DictObj *)nsd, str_for_sym_borrowed(in, ns.items[i].key), ns.items[i].value) < 0)
            r = exc_nomem(in);
    for (uint32_t i = 0; i < ns.n; i++) decref(h, ns.items[i].value);
    free(ns.items);
    Obj *co = NULL;
    if (r >= 0) {
        /* type(name, bases, ns): vectorcall falls back to tp_call with a 3-tuple */
        Obj *args = new_tuple(h, 3);
        if (!args) r = exc_nomem(in);
        else {
            TupleObj *t = (TupleObj *)args;
            t->items[0] = str_for_sym(in, s->name);
            t->items[1] = incref(h, bases);
            t->items[2] = incref(h, nsd);
            co = type_new(in, s->name, (TupleObj *)bases, (DictObj *)nsd);
            if (!co) r = EX_ERR;
            decref(h, args);
        }
    }
    xdecref(h, nsd);
    xdecref(h, bases);
    decref(h, bodyfn);
    if (r < 0) return EX_ERR;
    Node tgt = {0};
    tgt.kind = E_NAME;
    tgt.name = s->name;
    Code *c = in->frame->code;
    if (c->kind == CODE_CLASS) tgt.scope = SC_CLASS;
    else if (c->kind == CODE_FUNC && !code_is_global_decl(c, s->name)) {
        tgt.scope = SC_LOCAL;
        tgt.slot = code_find(c, s->name);
    } else tgt.scope = SC_GLOBAL;
    int ar = assign(in, &tgt, co);
    decref(h, co);
    return ar;
}

static int bind_sym(Interp *in, Sym name, Obj *v)
{
    Node tgt = {0};
    tgt.kind = E_NAME;
    tgt.name = name;
    Code *c = in->frame->code;
    if (c->kind == CODE_CLASS) tgt.scope = SC_CLASS;
    else if (c->kind == CODE_FUNC && !code_is_global_decl(c, name)) {
        tgt.scope = SC_LOCAL;
        tgt.slot = code_find(c, name);
    } else tgt.scope = SC_GLOBAL;
    return assign(in, &tgt, v);
}

static Obj *module_for(Interp *in, Sym name)
{
    const char *n = symname(in, name);
    if (!strcmp(n, "gc")) return in->mod_gc;
    if (!strcmp(n, "sys")) return in->mod_sys;
    if (!strcmp(n, "array")) return in->mod_array;
    return NULL;
}

static int exec_stmt(Interp *in, Node *s);

static int exec_body(Interp *in, const NodeList *body)
{
    for (int i = 0; i < body->n; i++) {
        int r = exec_stmt(in, body->items[i]);
        if (r != EX_OK) return r;
    }
    return EX_OK;
}

static int exec_for(Interp *in, Node *s)
{
    Heap *h = in->h;
    if (eval(in, s->b) < 0) return EX_ERR;
    Obj *seq = vpop(in);
    Obj *it = get_iter(in, seq);
    decref(h, seq);
    if (!it) return EX_ERR;
    vpush(in, it);
    int r = EX_OK;
    for (;;) {
        Obj *item;
        int n = iter_step(in, it, &item);
        if (n < 0) { r = EX_ERR; break; }
        if (n == 0) {
            decref(h, vpop(in));
            return exec_body(in, &s->orelse);
        }
        in->frame->line = s->line;
        if (assign_steal(in, s->a, item) < 0) { r = EX_ERR; break; }
        r = exec_body(in, &s->body);
        if (r == EX_BREAK) { r = EX_OK; break; }
        if (r == EX_CONTINUE) r = EX_OK;
        if (r != EX_OK) break;
        gc_eval_breaker(h);   /* JUMP_BACKWARD */
    }
    if (r == EX_RETURN) {
        /* the return value sits above the iterator */
        Obj *ret = vpop(in);
        decref(h, vpop(in));
        vpush(in, ret);
        return r;
    }
    decref(h, vpop(in));
    return r;
}

static int exec_stmt(Interp *in, Node *s)
{
    Heap *h = in->h;
    int r = EX_OK;
    in->frame->line = s->line;
    in->stmt_col = s->col;
    h->line = s->line;
    heap_set_reason(h, R_TEMP, 0);
    switch ((NodeKind)s->kind) {
    case S_EXPR:
        if (eval(in, s->a) < 0) { r = EX_ERR; break; }
        if (in->in_live && in->live_display && in->frame == in->live_frame && vtop(in)->type != T_NONE) {
            /* the REPL's PRINT_EXPR: sys.displayhook writes repr(value) */
            StrBuf b = {0};
            obj_repr(in, vtop(in), &b);
            if (in->repr_failed) r = EX_ERR;
            else {
                sb_putc(&b, '\n');
                print_out(in, b.s, b.len);
            }
            sb_free(&b);
        }
        heap_set_reason(h, R_TEMP, 0);
        decref(h, vpop(in));
        break;
    case S_ASSIGN: {
        if (eval(in, s->a) < 0) { r = EX_ERR; break; }
        Obj *v = vtop(in);
        for (int i = 0; i < s->list.n && r == EX_OK; i++)
            if (assign(in, s->list.items[i], v) < 0) r = EX_ERR;
        heap_set_reason(h, R_TEMP, 0);
        decref(h, vpop(in));
        break;
    }
    case S_AUGASSIGN: {
        Node *t = s->a;
        Obj *cur = NULL;
        Obj *obj = NULL, *idx = NULL;
        if (t->kind == E_NAME) {
            if (load_name(in, t) < 0) { r = EX_ERR; break; }
            cur = vpop(in);
        } else if (t->kind == E_ATTR) {
            /* the object (and below, the index) stay on the value stack while
             * the right side runs, as CPython's COPY keeps them */
            if (eval(in, t->a) < 0) { r = EX_ERR; break; }
            obj = vtop(in);
            if (getattr(in, obj, t->name, &cur) < 0) { decref(h, vpop(in)); r = EX_ERR; break; }
        } else if (t->kind == E_SUBSCRIPT && t->b->kind != E_SLICE) {
            if (eval(in, t->a) < 0) { r = EX_ERR; break; }
            if (eval(in, t->b) < 0) { decref(h, vpop(in)); r = EX_ERR; break; }
            idx = in->vs[in->vn - 1];
            obj = in->vs[in->vn - 2];
            if (getitem(in, obj, idx, &cur) < 0) {
                in->vn -= 2;
                decref(h, obj);
                decref(h, idx);
                r = EX_ERR;
                break;
            }
        } else {
            r = exc_set(in, X_SYNTAX, "illegal expression for augmented assignment");
            break;
        }
        vpush(in, cur);
        if (eval(in, s->b) < 0) {
            decref(h, vpop(in));
            if (idx) in->vn--;
            if (obj) in->vn--;
            if (obj) decref(h, obj);
            if (idx) decref(h, idx);
            r = EX_ERR;
            break;
        }
        Obj *rhs = vpop(in);
        cur = vpop(in);
        Obj *res = NULL;
        int br;
        if (cur->type == T_LIST && s->op == OP_ADD) {
            /* list += iterable extends in place */
            br = list_extend_iter(in, (ListObj *)cur, rhs);
            if (br == 0) res = incref(h, cur);
        } else if (cur->type == T_LIST && s->op == OP_MUL && is_intlike(rhs)) {
            ListObj *l = (ListObj *)cur;
            int64_t times = ((IntObj *)rhs)->v, n0 = l->n;
            if (times <= 0) {
                list_clear(h, l);
                br = 0;
            } else if (list_resize(h, l, n0 * times) < 0) br = exc_nomem(in);
            else {
                for (int64_t k = n0; k < n0 * times; k++) l->items[k] = incref(h, l->items[k % n0]);
                br = 0;
            }
            if (br == 0) res = incref(h, cur);
        } else {
            br = binary_op(in, s->op, cur, rhs, &res);
        }
        decref(h, rhs);
        if (br < 0) {
            decref(h, cur);
            if (idx) in->vn--;
            if (obj) in->vn--;
            if (obj) decref(h, obj);
            if (idx) decref(h, idx);
            r = EX_ERR;
            break;
        }
        vpush(in, res);
        int ar;
        if (t->kind == E_NAME) ar = store_name(in, t, res);
        else if (t->kind == E_ATTR) ar = setattr(in, obj, t->name, res);
        else ar = setitem(in, obj, idx, res);
        decref(h, vpop(in));
        decref(h, cur);
        if (idx) in->vn--;
        if (obj) in->vn--;
        if (obj) decref(h, obj);
        if (idx) decref(h, idx);
        if (ar < 0) r = EX_ERR;
        break;
    }
    case S_DEL:
        for (int i = 0; i < s->list.n && r == EX_OK; i++)
            if (delete(in, s->list.items[i]) < 0) r = EX_ERR;
        break;
    case S_IF: {
        if (eval(in, s->a) < 0) { r = EX_ERR; break; }
        Obj *c = vpop(in);
        int t = obj_truth(in, c);
        decref(h, c);
        r = exec_body(in, t ? &s->body : &s->orelse);
        if (r != EX_OK) return r;
        break;
    }
    case S_WHILE:
        for (;;) {
            in->frame->line = s->line;
            if (eval(in, s->a) < 0) { r = EX_ERR; break; }
            Obj *c = vpop(in);
            int t = obj_truth(in, c);
            decref(h, c);
            if (!t) {
                r = exec_body(in, &s->orelse);
                break;
            }
            r = exec_body(in, &s->body);
            if (r == EX_BREAK) { r = EX_OK; break; }
            if (r == EX_CONTINUE) r = EX_OK;
            if (r != EX_OK) break;
            gc_eval_breaker(h);   /* JUMP_BACKWARD */
        }
        if (r != EX_OK) return r;
        break;
    case S_FOR:
        r = exec_for(in, s);
        if (r != EX_OK) return r;
        break;
    case S_BREAK: return EX_BREAK;
    case S_CONTINUE: return EX_CONTINUE;
    case S_PASS: break;
    case S_DEF: if (exec_def(in, s) < 0) r = EX_ERR; break;
    case S_CLASS: if (exec_class(in, s) < 0) r = EX_ERR; break;
    case S_RETURN:
        if (s->a) {
            if (eval(in, s->a) < 0) { r = EX_ERR; break; }
        } else vpush(in, incref(h, h->none));
        {
            int d = stmt_done(in, s);
            if (d != EX_OK) {
                decref(h, vpop(in));
                return d;
            }
        }
        return EX_RETURN;
    case S_GLOBAL: break;
    case S_IMPORT:
        for (int i = 0; i < s->syms.n && r == EX_OK; i++) {
            Obj *m = module_for(in, s->syms.items[i]);
            if (!m) {
                r = exc_set(in, X_NONE, "No module named '%s'", symname(in, s->syms.items[i]));
                in->exc = X_NONE;
                sb_clear(&in->exc_msg);
                sb_printf(&in->exc_msg, "No module named '%s'", symname(in, s->syms.items[i]));
                break;
            }
            Sym as = s->syms2.items && s->syms2.items[i] ? s->syms2.items[i] : s->syms.items[i];
            if (bind_sym(in, as, m) < 0) r = EX_ERR;
        }
        break;
    case S_FROMIMPORT: {
        Obj *m = module_for(in, s->name);
        if (!m) {
            r = exc_set(in, X_NONE, "No module named '%s'", symname(in, s->name));
            break;
        }
        for (int i = 0; i < s->syms.n && r == EX_OK; i++) {
            Obj *v;
            if (module_getattr(in, m, s->syms.items[i], &v) < 0) {
                sb_clear(&in->exc_msg);
                sb_printf(&in->exc_msg, "cannot import name '%s' from '%s' (unknown location)",
                          symname(in, s->syms.items[i]), symname(in, s->name));
                r = EX_ERR;
                break;
            }
            Sym as = s->syms2.items && s->syms2.items[i] ? s->syms2.items[i] : s->syms.items[i];
            if (bind_sym(in, as, v) < 0) r = EX_ERR;
            decref(h, v);
        }
        break;
    }
    default:
        r = exc_set(in, X_SYNTAX, "unsupported statement");
        break;
    }
    if (r == EX_ERR) return EX_ERR;
    return stmt_done(in, s);
}

/* ================================================================ program end */

typedef struct { Obj **q; size_t n, cap; } ObjQueue;

static void oq_push(ObjQueue *q, Obj *o)
{
    if (q->n == q->cap) {
        q->cap = q->cap ? q->cap * 2 : 256;
        q->q = xrealloc(q->q, q->cap * sizeof(Obj *));
    }
    q->q[q->n++] = o;
}

typedef struct { ObjQueue *q; Heap *h; } BfsArg;

#define OF_SEEN OF_COLLECTING  /* borrowed as a mark while no collection runs */

static void bfs_visit(Obj *o, void *arg)
{
    BfsArg *b = arg;
    if (!(o->flags & OF_GC) || (o->flags & OF_STATIC) || (o->flags & OF_SEEN)) return;
    o->flags |= OF_SEEN;
    oq_push(b->q, o);
}

/* At program end CPython's shutdown collects the module: finalizers run for
 * garbage cycles first, then for the objects reachable from the globals in
 * the order a breadth-first walk from the module dict meets them (instances
 * bound to names first, in insertion order, then what containers hold), and
 * then the globals are cleared, releasing everything. */
static void program_end(Interp *in)
{
    Heap *h = in->h;
    /* Headless, with no __del__ anywhere, nothing at the end can print:
     * heap_free releases everything at once (CPython's teardown is
     * invisible then too). */
    if (in->opt.out && !in->has_finalizers) return;
    heap_set_reason(h, R_PROGRAM_END, 0);
    gc_collect(h, 2);
    ObjQueue q = {0};
    BfsArg ba = {&q, h};
    in->globals->flags |= OF_SEEN;
    obj_traverse(in->globals, bfs_visit, &ba);
    for (size_t i = 0; i < q.n; i++) obj_traverse(q.q[i], bfs_visit, &ba);
    for (size_t i = 0; i < q.n; i++) q.q[i]->flags &= (uint8_t)~OF_SEEN;
    in->globals->flags &= (uint8_t)~OF_SEEN;
    /* keep them alive while finalizers run */
    for (size_t i = 0; i < q.n; i++) incref(h, q.q[i]);
    for (size_t i = 0; i < q.n; i++) {
        Obj *o = q.q[i];
        if (o->type == T_INSTANCE && ((InstanceObj *)o)->cls->has_del && !(o->flags & OF_FINALIZED)) {
            o->flags |= OF_FINALIZED;
            if (h->log) heap_log_emit(h, EV_FINALIZE, o, o->rc, 0, 0, 0);
            run_finalizer(in, o);
        }
    }
    heap_set_reason(h, R_PROGRAM_END, 0);
    dict_clear(h, (DictObj *)in->globals);
    for (size_t i = 0; i < q.n; i++) decref(h, q.q[i]);
    free(q.q);
    gc_collect(h, 2);
}

/* ================================================================ thread */

/* The module has run (run_mod returns): its code object goes, and with it
 * its co_consts (released last to first, as a tuple is), then the parse
 * tree (the arena's list, also last to first). */
static void module_done(Interp *in)
{
    Heap *h = in->h;
    Code *m = in->module_code;
    heap_set_reason(h, R_PROGRAM_END, 0);
    for (int i = m->nconsts; i-- > 0;) {
        int k = m->consts[i];
        in->const_refs[k]--;
        decref(h, in->consts[k]);
    }
    m->nconsts = 0;
    for (int k = in->nconsts; k-- > 0;) {
        if (!in->const_arena[k]) continue;
        in->const_arena[k] = 0;
        in->const_refs[k]--;
        decref(h, in->consts[k]);
    }
    while (in->narena_extra > 0) decref(h, in->arena_extra[--in->narena_extra]);
}

static void finish_run(Interp *in, int r)
{
    if (in->state == RUN_LIMIT) {
        sb_clear(&in->error);
        if (in->interrupted)
            sb_printf(&in->error, "memtutor: %s: interrupted in the statement at line %d\n", in->filename,
                      in->frame ? in->frame->line : in->last_line);
        else
            sb_printf(&in->error, "memtutor: %s: stopped after %lld steps of work (the budget counts statements and loop steps; raise it with --max-steps)\n",
                      in->filename, (long long)in->opt.max_steps);
        in->exit_status = 2;
        drop_to(in, 0);
        return;
    }
    if (in->abort_run) {
        drop_to(in, 0);
        return;
    }
    if (r < 0 && in->exc == X_UNSUPPORTED) {
        /* outside the subset: memtutor's own message, not a traceback */
        sb_clear(&in->error);
        sb_printf(&in->error, "memtutor: %s:%d:%d: %s\n", in->filename, in->unsup_line, in->unsup_col, in->exc_msg.s);
        in->exit_status = 2;
        drop_to(in, 0);
        in->exc = X_NONE;
        in->state = RUN_ERROR;
    } else if (r < 0) {
        tb_add(in, in->top->line, "<module>");
        sb_clear(&in->error);
        format_traceback(in, &in->error);
        in->exit_status = 1;
        drop_to(in, 0);
        in->exc = X_NONE;
        in->state = RUN_ERROR;
    } else {
        in->state = RUN_DONE;
    }
    module_done(in);
    program_end(in);
}

/* Run the live statements handed over by interp_exec_live, on this thread
 * (its big stack; calls pause nowhere), in the paused frame.  An exception
 * is reported in Python's words and cleared: the program goes on. */
static void run_live(Interp *in)
{
    in->in_live = 1;
    /* its own budget; its work does not count against the program's */
    int64_t work = in->work, budget = in->work_budget;
    in->work_budget = in->work + LIVE_MAX_STEPS;
    in->work_check = 0;
    in->live_failed = 0;
    if (in->h->log) heap_log_clear(in->h);
    alloc_begin_step(in->h->alloc);
    uint32_t base = in->vn;
    int ntb = in->ntb;
    Frame *frame = in->frame;
    int depth = in->depth;
    int line = frame->line;
    in->live_frame = frame;
    int r = exec_body(in, in->live_body);
    int stopped = in->state == RUN_LIMIT;
    if (stopped) {
        /* over its budget or interrupted: the live statement stops, the
         * program stays paused where it was */
        sb_printf(in->live_err, in->interrupted ? "stopped: interrupted"
                                                : "stopped: the statement ran over %d steps of work", LIVE_MAX_STEPS);
        in->live_failed = 1;
        in->state = RUN_PAUSED;
    } else if (r == EX_ERR && in->exc == X_UNSUPPORTED) {
        sb_puts(in->live_err, in->exc_msg.s);
        in->live_failed = 1;
    } else if (r == EX_ERR) {
        sb_puts(in->live_err, exc_names[in->exc]);
        if (in->exc_msg.len) sb_printf(in->live_err, ": %s", in->exc_msg.s);
        if (in->live_tb) {
            tb_add(in, frame->line, frame == in->top ? "<module>" : frame->name);
            format_traceback(in, in->live_tb);
        }
        in->live_failed = 1;
    }
    in->exc = X_NONE;
    sb_clear(&in->exc_msg);
    in->ntb = ntb;
    in->frame = frame;
    frame->line = line;   /* the paused statement's line, as before */
    in->depth = depth;
    drop_to(in, base);
    in->in_live = 0;
    in->work = work;
    in->work_budget = budget;
    in->interrupted = 0;
    in->interrupt_deadline = 0;
    in->work_check = 0;
}

static void live_pause_loop(Interp *in)
{
    while (in->live_body && !in->abort_run) {
        run_live(in);
        in->live_body = NULL;
        sem_post(&in->paused);
        sem_wait(&in->go);
    }
}

/* The walk recurses in C for every Python call, on the interpreter thread's
 * 512 MiB stack: past 448 MiB a call raises RecursionError whatever
 * sys.setrecursionlimit() allows, rather than overflow the stack (CPython
 * 3.11 would go deeper).  Code run on another thread (an answer evaluated
 * by the front end) has an ordinary stack: there the depth stops at 10,000. */
#define C_STACK_BUDGET ((size_t)448 << 20)
#define OTHER_THREAD_DEPTH 10000
static _Thread_local char *stack_top;   /* the interpreter thread's first frame */

int recursion_exceeded(Interp *in)
{
    if (in->depth >= in->recursion_limit) return 1;
    if (!stack_top) return in->depth >= OTHER_THREAD_DEPTH;
    char *here = __builtin_frame_address(0);
    return (size_t)(stack_top - here) > C_STACK_BUDGET;
}

static void *interp_thread(void *arg)
{
    Interp *in = arg;
    stack_top = __builtin_frame_address(0);
    void *alt = altstack_on();
    sb_thread_limit(in->opt.max_memory > 0 ? (size_t)in->opt.max_memory : 0);
    sem_wait(&in->go);
    live_pause_loop(in);
    if (in->h->log) heap_log_clear(in->h);
    if (!in->abort_run) {
        int r = exec_body(in, &in->mod->body);
        finish_run(in, r == EX_OK ? 0 : -1);
    }
    altstack_off(alt);
    in->finished = 1;
    sem_post(&in->paused);
    return NULL;
}

/* ================================================================ public API */

void interp_default_options(InterpOptions *o)
{
    memset(o, 0, sizeof *o);
    o->max_steps = 100000000;
    o->max_memory = default_max_memory();
    o->event_limit = 2000;
}

static Obj *make_static_class(Interp *in, const char *name)
{
    ClassObj *c = xcalloc(1, sizeof(ClassObj));
    c->gc.ob.type = T_CLASS;
    c->gc.ob.flags = OF_STATIC | OF_GC;
    c->gc.ob.rc = 1u << 30;
    c->name = module_intern(in->mod, name, strlen(name));
    return &c->gc.ob;
}

Interp *interp_new(const char *filename, const char *src, size_t len, const InterpOptions *opt, StrBuf *err,
                   int *status)
{
    ParseError pe;
    int64_t room = memory_headroom();
    int64_t parse_limit = opt && opt->max_memory < room ? opt->max_memory : room;
    Module *m = parse_module_limited(filename, src, len, parse_limit == INT64_MAX ? 0 : (size_t)parse_limit, &pe);
    if (!m) {
        parse_format_error(&pe, src, err);
        *status = pe.kind == PERR_UNSUPPORTED ? 2 : 1;
        return NULL;
    }
    Interp *in = xcalloc(1, sizeof(Interp));
    in->mod = m;
    in->filename = xstrdup(filename);
    if (opt) in->opt = *opt;
    else interp_default_options(&in->opt);
    in->h = heap_new();
    /* what exists before the first line runs (builtins, interned names)
     * never fails: the ceiling applies from the first line on, so a ceiling
     * too small for even that gives MemoryError there, not a crash here */
    in->h->mem_limit = INT64_MAX;
    const char *hc = getenv("MEMTUTOR_HEAP_CHECK");
    in->heap_check = hc && *hc == '1' && !in->opt.no_heap_check;
    in->h->finalize = run_finalizer;
    in->h->finalize_ctx = in;
    if (in->opt.trace) heap_trace_enable(in->h, in->opt.event_limit ? in->opt.event_limit : 2000);
    in->recursion_limit = RECURSION_LIMIT;
    in->s_init = module_intern(m, "__init__", 8);
    in->s_del = module_intern(m, "__del__", 7);
    in->s_slots = module_intern(m, "__slots__", 9);
    in->s_name = module_intern(m, "__name__", 8);
    in->s_dict = module_intern(m, "__dict__", 8);
    in->s_class = module_intern(m, "__class__", 9);
    in->s_self = module_intern(m, "self", 4);
    in->s_object = module_intern(m, "object", 6);
    in->s_dot0 = module_intern(m, ".0", 2);
    /* what type_new puts in a class's dict: CPython's static identifiers */
    static const char *const ids[] = {"__module__", "__qualname__", "__main__", "__doc__", "__weakref__"};
    Sym *idsyms[] = {&in->s_module, &in->s_qualname, &in->s_main, &in->s_doc, &in->s_weakref};
    for (int i = 0; i < 5; i++) {
        Sym s = *idsyms[i] = module_intern(m, ids[i], strlen(ids[i]));
        if (s >= in->nsymstr) {
            in->symstr = xrealloc(in->symstr, (s + 1) * sizeof(Obj *));
            memset(in->symstr + in->nsymstr, 0, (s + 1 - in->nsymstr) * sizeof(Obj *));
            in->nsymstr = s + 1;
        }
        if (!in->symstr[s]) in->symstr[s] = new_static_str(in->h, ids[i], strlen(ids[i]));
    }

    static const char *const tn[T_COUNT] = {
        [T_NONE] = "NoneType", [T_BOOL] = "bool", [T_INT] = "int", [T_FLOAT] = "float", [T_STR] = "str",
        [T_TUPLE] = "tuple", [T_LIST] = "list", [T_DICT] = "dict", [T_SET] = "set", [T_CLASS] = "type",
        [T_INSTANCE] = "object", [T_FUNCTION] = "function", [T_METHOD] = "method",
        [T_BUILTIN] = "builtin_function_or_method", [T_MODULE] = "module", [T_RANGE] = "range",
        [T_ARRAY] = "array.array", [T_ITER] = "iterator", [T_DICTVIEW] = "dict_view", [T_NOTIMPL] = "NotImplementedType",
        [T_DESCR] = "getset_descriptor",
    };
    in->types = xcalloc(TY_COUNT, sizeof(Obj *));
    for (int t = 1; t < T_COUNT; t++) {
        if (t == T_DESCR) continue;   /* made with the iterator types, below */
        in->types[t] = make_static_class(in, tn[t]);
        ((ClassObj *)in->types[t])->keys_cached = (uint32_t)t; /* the builtin kind */
    }

    /* the module: its globals dict and the builtin modules */
    in->globals = new_dict(in->h);
    in->mod_gc = xcalloc(1, sizeof(ModuleObj));
    in->mod_sys = xcalloc(1, sizeof(ModuleObj));
    in->mod_array = xcalloc(1, sizeof(ModuleObj));
    Obj *mods[3] = {in->mod_gc, in->mod_sys, in->mod_array};
    const char *mn[3] = {"gc", "sys", "array"};
    for (int i = 0; i < 3; i++) {
        mods[i]->type = T_MODULE;
        mods[i]->flags = OF_STATIC | OF_GC | OF_TRACKED; /* gc.is_tracked(sys) is True */
        mods[i]->rc = 1u << 30;
        ((ModuleObj *)mods[i])->name = module_intern(m, mn[i], strlen(mn[i]));
    }
    builtins_init(in);

    in->module_code = code_new(in, CODE_MODULE, NULL, NULL);
    resolve_body(in, in->module_code, &m->body);
    for (Sym s = 1; s < m->nsyms; s++) decref(in->h, str_for_sym(in, s)); /* intern every name now */
    /* The iterator and view kinds' own types (types[T_ITER] and
     * types[T_DICTVIEW] are not what type() gives); made after the names
     * are interned, since CPython has no str object for them either. */
    for (int t = T_COUNT; t < TY_COUNT; t++) {
        const char *name = t == TY_ITER + IT_ARRAY ? "array.arrayiterator"
                           : t < TY_STR_ITER ? iter_type_name(t - TY_ITER, 1)
                           : t == TY_STR_ITER ? iter_type_name(IT_STR, 0)
                           : t == TY_REVERSED ? "reversed"
                           : t == TY_MEMBER_DESCR ? "member_descriptor"
                           : dictview_type_name(t - TY_VIEW);
        in->types[t] = make_static_class(in, name);
        ((ClassObj *)in->types[t])->keys_cached = (uint32_t)t;
    }
    in->types[T_DESCR] = make_static_class(in, "getset_descriptor");
    ((ClassObj *)in->types[T_DESCR])->keys_cached = T_DESCR;

    in->top = xcalloc(1, sizeof(Frame));
    in->top->code = in->module_code;
    in->top->name = "<module>";
    in->top->line = 1;
    for (const char *c = m->source; c && *c; c++)
        if (*c == '\n' || !c[1]) in->prog_lines++;
    in->frame = in->top;

    /* what exists before the first line runs is not the program's doing */
    /* CPython 3.11 starts a script with (248, 0, 2) counted and ~11,000
     * objects in generation 2 (measured); the simulated run starts there too,
     * so automatic collections come where they would in python3 */
    heap_startup_free_lists(in->h);
    in->h->gen[0].count = 248;
    in->h->gen[2].count = 2;
    in->h->startup_objects = 10919;
    in->h->long_lived_total = in->h->startup_objects;
    in->h->mem_limit = in->opt.max_memory;
    in->work_budget = in->opt.max_steps;
    in->state = RUN_PAUSED;
    sem_init(&in->go, 0, 0);
    sem_init(&in->paused, 0, 0);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, (size_t)512 << 20);
    if (pthread_create(&in->thread, &attr, interp_thread, in) != 0) {
        pthread_attr_destroy(&attr);
        sb_puts(err, "memtutor: cannot start the interpreter thread\n");
        *status = 2;
        in->thread_alive = 0;
        interp_free(in);
        return NULL;
    }
    pthread_attr_destroy(&attr);
    /* under a real limit (ulimit -v) the ceiling keeps within it: MemoryError,
     * not a failed malloc (its thread's stack is mapped by now) */
    room = memory_headroom();
    if (room < in->h->mem_limit) in->h->mem_limit = room;
    in->thread_alive = 1;
    *status = 0;
    return in;
}

RunState interp_advance_to(Interp *in, int64_t step)
{
    if (in->finished || !in->thread_alive) return in->state;
    if (step <= in->steps) return in->state;
    in->target_line = -1;
    in->target_step = step;
    sem_post(&in->go);
    wait_paused(in);
    in->target_step = 0;
    return in->state;
}

RunState interp_advance(Interp *in, int line)
{
    if (in->finished || !in->thread_alive) return in->state;
    in->target_step = 0;
    in->target_line = line;
    sem_post(&in->go);
    wait_paused(in);
    return in->state;
}

RunState interp_exec_live(Interp *in, const char *src, StrBuf *err)
{
    if (in->finished || !in->thread_alive || in->state != RUN_PAUSED) {
        sb_puts(err, "the program has ended: nothing more runs in it");
        return in->state == RUN_PAUSED ? RUN_DONE : in->state;
    }
    ParseError pe;
    NodeList body;
    int first = in->live_line > 0 ? in->live_line : 1;
    if (parse_statements(in->mod, src, strlen(src), first, &body, &pe) < 0) {
        if (pe.kind == PERR_UNSUPPORTED) sb_printf(err, "%s", pe.msg);
        else sb_printf(err, "%s: %s", pe.type[0] ? pe.type : "SyntaxError", pe.msg);
        return RUN_ERROR;
    }
    if (body.n == 0) return RUN_PAUSED;
    /* names: those of the paused frame's code.  In a function, a name the
     * function does not already have as a local resolves as a global (its
     * locals are a fixed slot array), so new names typed there are globals */
    resolve_body(in, in->frame->code, &body);
    if (!in->nlive_starts || in->live_starts[in->nlive_starts - 1] < first) {
        if (in->nlive_starts == in->live_starts_cap) {
            in->live_starts_cap = in->live_starts_cap ? in->live_starts_cap * 2 : 8;
            in->live_starts = xrealloc(in->live_starts, (size_t)in->live_starts_cap * sizeof(int));
        }
        in->live_starts[in->nlive_starts++] = first;
    }
    in->live_body = &body;
    in->live_err = err;
    sem_post(&in->go);
    wait_paused(in);
    in->live_body = NULL;
    in->live_err = NULL;
    return in->live_failed ? RUN_ERROR : RUN_PAUSED;
}

void interp_set_live_line(Interp *in, int line) { in->live_line = line; }

void interp_set_live_display(Interp *in, int display, StrBuf *traceback)
{
    in->live_display = display;
    in->live_tb = traceback;
}

Obj *interp_globals(Interp *in) { return in->globals; }

RunState interp_state(const Interp *in) { return in->state; }
int interp_exit_status(const Interp *in) { return in->exit_status; }
const char *interp_error(const Interp *in) { return in->error.s ? in->error.s : ""; }
int interp_line(const Interp *in) { return in->last_line; }
const char *interp_warnings(const Interp *in) { return in->warnings.s ? in->warnings.s : ""; }
int64_t interp_steps(const Interp *in) { return in->steps; }
Heap *interp_heap(Interp *in) { return in->h; }
Module *interp_module(Interp *in) { return in->mod; }

char *interp_take_output(Interp *in) { return sb_take(&in->out); }

void interp_free(Interp *in)
{
    if (!in) return;
    if (in->thread_alive) {
        if (!in->finished) {
            in->abort_run = 1;
            sem_post(&in->go);
            wait_paused(in);
        }
        pthread_join(in->thread, NULL);
    }
    sem_destroy(&in->go);
    sem_destroy(&in->paused);
    heap_free(in->h);
    for (int i = 0; i < in->ncodes; i++) {
        free(in->codes[i]->consts);
        free(in->codes[i]->names);
        free(in->codes[i]->globals_decl);
        free(in->codes[i]);
    }
    free(in->codes);
    free(in->consts);
    free(in->const_refs);
    free(in->const_arena);
    free(in->ctab);
    free(in->cuse);
    free(in->arena_extra);
    free(in->live_starts);
    free(in->symstr);
    free(in->method_cache);
    builtins_free(in);
    free(in->builtins);
    for (int t = 1; t < TY_COUNT; t++) free(in->types[t]);
    free(in->types);
    free(in->mod_gc);
    free(in->mod_sys);
    free(in->mod_array);
    free(in->top);
    free(in->vs);
    free(in->tb);
    free(in->repr_stack);
    sb_free(&in->exc_msg);
    sb_free(&in->error);
    sb_free(&in->out);
    sb_free(&in->warnings);
    free(in->filename);
    module_free(in->mod);
    free(in);
}

int interp_frame_count(const Interp *in)
{
    int n = 0;
    for (Frame *f = in->frame; f; f = f->back) n++;
    return n;
}

static Frame *frame_at(const Interp *in, int idx)
{
    int n = interp_frame_count(in);
    Frame *f = in->frame;
    for (int i = n - 1; i > idx && f; i--) f = f->back;
    return f;
}

const char *interp_frame_name(const Interp *in, int idx)
{
    Frame *f = frame_at(in, idx);
    if (!f) return "";
    return f == in->top ? "globals" : f->name;
}

int interp_frame_line(const Interp *in, int idx)
{
    Frame *f = frame_at(in, idx);
    return f ? f->line : 0;
}

void interp_frame_names(Interp *in, int idx, name_fn fn, void *arg)
{
    Frame *f = frame_at(in, idx);
    if (!f) return;
    if (f == in->top) {
        DictObj *d = (DictObj *)in->globals;
        for (uint32_t i = 0; i < d->nentries; i++)
            if (d->entries[i].key) fn(arg, ((StrObj *)d->entries[i].key)->s, d->entries[i].value);
        return;
    }
    if (f->ns) {
        for (uint32_t i = 0; i < f->ns->n; i++) fn(arg, symname(in, f->ns->items[i].key), f->ns->items[i].value);
        return;
    }
    for (int i = 0; i < f->code->nlocals; i++)
        if (f->locals[i]) fn(arg, symname(in, f->code->names[i]), f->locals[i]);
}

Obj *interp_lookup(Interp *in, const char *name)
{
    Sym s = module_intern(in->mod, name, strlen(name));
    Frame *f = in->frame;
    if (f && f != in->top && f->locals) {
        int i = code_find(f->code, s);
        if (i >= 0 && f->locals[i]) return f->locals[i];
    }
    return global_get(in, s);
}

/* Evaluate with the paused program's names; resolve as the innermost frame would. */
int interp_eval_repr(Interp *in, const char *expr, StrBuf *out)
{
    ParseError pe;
    Node *e = parse_expression(in->mod, expr, strlen(expr), &pe);
    if (!e) {
        sb_printf(out, "%s: %s", pe.type[0] ? pe.type : "SyntaxError", pe.msg);
        return -1;
    }
    resolve_expr(in, in->frame->code, e);
    uint32_t base = in->vn;
    int r = eval(in, e);
    if (r < 0) {
        drop_to(in, base);
        sb_printf(out, "%s", exc_names[in->exc]);
        if (in->exc_msg.len) sb_printf(out, ": %s", in->exc_msg.s);
        in->exc = X_NONE;
        return -1;
    }
    Obj *v = vpop(in);
    StrBuf s = {0};
    obj_str(in, v, &s);
    decref(in->h, v);
    if (in->repr_failed) {
        sb_free(&s);
        sb_printf(out, "%s: %s", exc_names[in->exc], in->exc_msg.s ? in->exc_msg.s : "");
        in->exc = X_NONE;
        return -1;
    }
    sb_put(out, s.s ? s.s : "", s.len);
    sb_free(&s);
    return 0;
}

typedef struct { visit_fn visit; void *arg; } RootArg;

void interp_roots(void *ctx, visit_fn visit, void *arg)
{
    Interp *in = ctx;
    visit(in->globals, arg);
    for (int i = 0; i < in->nconsts; i++)
        for (int k = 0; k < in->const_refs[i]; k++) visit(in->consts[i], arg);
    for (int i = 0; i < in->narena_extra; i++) visit(in->arena_extra[i], arg);
    for (uint32_t i = 0; i < in->nsymstr; i++)
        if (in->symstr[i]) visit(in->symstr[i], arg);
    for (uint32_t i = 0; i < in->vn; i++) visit(in->vs[i], arg);
    for (Frame *f = in->frame; f; f = f->back) {
        if (f->func) visit(f->func, arg);
        if (f->locals)
            for (int i = 0; i < f->code->nlocals; i++)
                if (f->locals[i]) visit(f->locals[i], arg);
        if (f->ns)
            for (uint32_t i = 0; i < f->ns->n; i++) visit(f->ns->items[i].value, arg);
    }
    if (in->h->garbage) visit(in->h->garbage, arg);
}

/* Evaluate one f-string part into a string buffer (used by nested format specs). */
int interp_eval_part(Interp *in, Node *p, StrBuf *out);
int interp_eval_part(Interp *in, Node *p, StrBuf *out)
{
    if (eval(in, p->a) < 0) return -1;
    Obj *v = vpop(in);
    obj_str(in, v, out);
    decref(in->h, v);
    return in->repr_failed ? -1 : 0;
}
