/* The interpreter: resolves names to frame slots, then walks the tree.  Every
 * temporary lives on an explicit value stack, as on CPython's, so reference
 * counts agree with CPython's inside expressions and calls, an exception
 * releases exactly what was held, and the heap checker can see every holder. */
#include "interp_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bigint.h"

#define RECURSION_LIMIT 1000

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

static const struct { ObjType t; const char *names; } cpython_methods[] = {
    {T_INT, " as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes "},
    {T_BOOL, " as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes "},
    {T_FLOAT, " as_integer_ratio conjugate fromhex hex imag is_integer real "},
    {T_STR, " capitalize casefold center count encode endswith expandtabs find format format_map index isalnum "
            "isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper "
            "join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust "
            "rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill "},
    {T_LIST, " append clear copy count extend index insert pop remove reverse sort "},
    {T_DICT, " clear copy fromkeys get items keys pop popitem setdefault update values "},
    {T_SET, " add clear copy difference difference_update discard intersection intersection_update isdisjoint "
            "issubset issuperset pop remove symmetric_difference symmetric_difference_update union update "},
    {T_TUPLE, " count index "},
    {T_RANGE, " count index start step stop "},
};

static int not_supported(Interp *in, int line, int col, const char *what, const char *name)
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

static const char *source_line(Interp *in, int line, size_t *len)
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

static const char *symname(Interp *in, Sym s) { return module_symname(in->mod, s); }

Obj *type_of(Interp *in, Obj *o)
{
    if (o->type == T_INSTANCE) return &((InstanceObj *)o)->cls->gc.ob;
    return in->types[o->type];
}

/* ================================================================ resolver */

static int is_const_node(const Node *e);
static const char *source_line(Interp *in, int line, size_t *len);

static Code *code_new(Interp *in, CodeKind kind, const Node *node, Code *parent)
{
    Code *c = xcalloc(1, sizeof(Code));
    c->index = in->ncodes;
    c->kind = kind;
    c->node = node;
    c->parent = parent;
    if (in->ncodes == in->codes_cap) {
        in->codes_cap = in->codes_cap ? in->codes_cap * 2 : 16;
        in->codes = xrealloc(in->codes, in->codes_cap * sizeof(Code *));
    }
    in->codes[in->ncodes++] = c;
    return c;
}

static int code_find(const Code *c, Sym s)
{
    for (int i = 0; i < c->nlocals; i++)
        if (c->names[i] == s) return i;
    return -1;
}

static int code_is_global_decl(const Code *c, Sym s)
{
    for (int i = 0; i < c->nglobals_decl; i++)
        if (c->globals_decl[i] == s) return 1;
    return 0;
}

static int code_add(Code *c, Sym s)
{
    int i = code_find(c, s);
    if (i >= 0) return i;
    if (c->nlocals == c->names_cap) {
        c->names_cap = c->names_cap ? c->names_cap * 2 : 8;
        c->names = xrealloc(c->names, c->names_cap * sizeof(Sym));
    }
    c->names[c->nlocals] = s;
    return c->nlocals++;
}

/* Collect `global` declarations of a function body (not nested scopes). */
static void collect_globals(Code *c, const NodeList *body)
{
    for (int i = 0; i < body->n; i++) {
        const Node *s = body->items[i];
        if (s->kind == S_GLOBAL) {
            for (int j = 0; j < s->syms.n; j++) {
                c->globals_decl = xrealloc(c->globals_decl, (c->nglobals_decl + 1) * sizeof(Sym));
                c->globals_decl[c->nglobals_decl++] = s->syms.items[j];
            }
        }
        if (s->kind == S_IF || s->kind == S_WHILE || s->kind == S_FOR) {
            collect_globals(c, &s->body);
            collect_globals(c, &s->orelse);
        }
    }
}

static void bind_target(Code *c, const Node *t)
{
    if (!t) return;
    if (t->kind == E_NAME) {
        if (c->kind == CODE_FUNC || c->kind == CODE_COMP)
            if (!code_is_global_decl(c, t->name)) code_add(c, t->name);
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->list.n; i++) bind_target(c, t->list.items[i]);
    }
}

/* First pass over a function body: local names in order of first binding. */
static void collect_locals(Code *c, const NodeList *body)
{
    for (int i = 0; i < body->n; i++) {
        const Node *s = body->items[i];
        switch (s->kind) {
        case S_ASSIGN:
            for (int j = 0; j < s->list.n; j++) bind_target(c, s->list.items[j]);
            break;
        case S_AUGASSIGN: bind_target(c, s->a); break;
        case S_DEL:
            for (int j = 0; j < s->list.n; j++) bind_target(c, s->list.items[j]);
            break;
        case S_FOR:
            bind_target(c, s->a);
            collect_locals(c, &s->body);
            collect_locals(c, &s->orelse);
            break;
        case S_IF: case S_WHILE:
            collect_locals(c, &s->body);
            collect_locals(c, &s->orelse);
            break;
        case S_DEF: case S_CLASS:
            if (!code_is_global_decl(c, s->name)) code_add(c, s->name);
            break;
        case S_IMPORT:
            for (int j = 0; j < s->syms.n; j++) {
                Sym n = s->syms2.items && s->syms2.items[j] ? s->syms2.items[j] : s->syms.items[j];
                if (!code_is_global_decl(c, n)) code_add(c, n);
            }
            break;
        case S_FROMIMPORT:
            for (int j = 0; j < s->syms.n; j++) {
                Sym n = s->syms2.items && s->syms2.items[j] ? s->syms2.items[j] : s->syms.items[j];
                if (!code_is_global_decl(c, n)) code_add(c, n);
            }
            break;
        default: break;
        }
    }
}

/* Constants.  A literal's object is made when the source is parsed and
 * the parse tree (CPython's AST arena) holds it until the module has run;
 * the compiler merges equal constants module-wide, and each code object
 * (the module, a function, a class body, a comprehension) that uses one
 * holds it in its co_consts.  in->const_refs[i] counts the references the
 * interpreter holds on consts[i]: the arena's and the code objects'. */
/* A constant's value, to merge equal ones: ints of one word, floats (by
 * their bits), strs and tuples (by their items, merged already).  type 0:
 * not merged (big ints). */
typedef struct {
    uint8_t type;
    int64_t iv;
    double fv;
    const char *s;
    size_t n;
    Obj *const *items;
} ConstKey;

static ConstKey const_key(const Obj *o)
{
    ConstKey k = {0};
    switch ((ObjType)o->type) {
    case T_INT: if (!(o->flags & OF_BIG)) { k.type = T_INT; k.iv = ((const IntObj *)o)->v; } break;
    case T_FLOAT: k.type = T_FLOAT; k.fv = ((const FloatObj *)o)->v; break;
    case T_STR: k.type = T_STR; k.s = ((const StrObj *)o)->s; k.n = ((const StrObj *)o)->len; break;
    case T_TUPLE: k.type = T_TUPLE; k.items = ((const TupleObj *)o)->items; k.n = ((const TupleObj *)o)->n; break;
    default: break;
    }
    return k;
}

static uint64_t const_key_hash(const ConstKey *k)
{
    uint64_t x = k->type;
    switch (k->type) {
    case T_INT: x += (uint64_t)k->iv * 0x9E3779B97F4A7C15ULL; break;
    case T_FLOAT: { uint64_t b; memcpy(&b, &k->fv, sizeof b); x += b * 0x9E3779B97F4A7C15ULL; break; }
    case T_STR: x += (uint64_t)str_hash_bytes(k->s, k->n); break;
    case T_TUPLE:
        for (size_t i = 0; i < k->n; i++) x = (x ^ (uint64_t)(uintptr_t)k->items[i]) * 0x100000001B3ULL;
        break;
    }
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    return x ^ (x >> 33);
}

static int const_key_equal(const ConstKey *a, const ConstKey *b)
{
    if (a->type != b->type || a->n != b->n) return 0;
    switch (a->type) {
    case T_INT: return a->iv == b->iv;
    case T_FLOAT: return memcmp(&a->fv, &b->fv, sizeof(double)) == 0;
    case T_STR: return memcmp(a->s, b->s, a->n) == 0;
    case T_TUPLE: return memcmp(a->items, b->items, a->n * sizeof(Obj *)) == 0;
    default: return 0;
    }
}

/* The constant equal to k, or -1. */
static int const_find(Interp *in, const ConstKey *k)
{
    if (!k->type || !in->ctab) return -1;
    for (uint32_t p = (uint32_t)const_key_hash(k) & in->ctab_mask;; p = (p + 1) & in->ctab_mask) {
        int i = in->ctab[p] - 1;
        if (i < 0) return -1;
        ConstKey ck = const_key(in->consts[i]);
        if (const_key_equal(&ck, k)) return i;
    }
}

static void ctab_put(Interp *in, int i)
{
    ConstKey k = const_key(in->consts[i]);
    if (!k.type) return;
    uint32_t p = (uint32_t)const_key_hash(&k) & in->ctab_mask;
    while (in->ctab[p]) p = (p + 1) & in->ctab_mask;
    in->ctab[p] = i + 1;
}

/* Constants.  A literal's object is made when the source is parsed and
 * the parse tree (CPython's AST arena) holds it until the module has run;
 * the compiler merges equal constants module-wide, and each code object
 * (the module, a function, a class body, a comprehension) that uses one
 * holds it in its co_consts.  in->const_refs[i] counts the references the
 * interpreter holds on consts[i]: the arena's and the code objects'. */
static int add_const(Interp *in, Obj *o)
{
    if (in->nconsts == in->consts_cap) {
        in->consts_cap = in->consts_cap ? in->consts_cap * 2 : 64;
        in->consts = xrealloc(in->consts, in->consts_cap * sizeof(Obj *));
        in->const_refs = xrealloc(in->const_refs, in->consts_cap * sizeof(int));
        in->const_arena = xrealloc(in->const_arena, in->consts_cap * sizeof(uint8_t));
        /* the table at most half full */
        free(in->ctab);
        in->ctab_mask = (uint32_t)in->consts_cap * 2 - 1;
        in->ctab = xcalloc((size_t)in->ctab_mask + 1, sizeof(int));
        for (int i = 0; i < in->nconsts; i++) ctab_put(in, i);
    }
    in->consts[in->nconsts] = o;
    in->const_refs[in->nconsts] = 1;    /* the parse tree's (the new object's own) */
    in->const_arena[in->nconsts] = 1;
    ctab_put(in, in->nconsts);
    return in->nconsts++;
}

/* Code c uses constant k: the first use puts it in c's co_consts. */
static void code_use_const(Interp *in, Code *c, int k)
{
    if (!c || k < 0) return;
    uint64_t key = (uint64_t)(c->index + 1) << 32 | (uint32_t)k;
    if (in->cuse_n * 2 >= in->cuse_mask) {   /* grow: at most half full */
        uint32_t old = in->cuse_mask ? in->cuse_mask + 1 : 0;
        uint64_t *t = in->cuse;
        in->cuse_mask = old ? old * 2 - 1 : 255;
        in->cuse = xcalloc((size_t)in->cuse_mask + 1, sizeof(uint64_t));
        for (uint32_t i = 0; i < old; i++) {
            if (!t[i]) continue;
            uint32_t p = (uint32_t)((t[i] * 0x9E3779B97F4A7C15ULL) >> 32) & in->cuse_mask;
            while (in->cuse[p]) p = (p + 1) & in->cuse_mask;
            in->cuse[p] = t[i];
        }
        free(t);
    }
    uint32_t p = (uint32_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & in->cuse_mask;
    for (; in->cuse[p]; p = (p + 1) & in->cuse_mask)
        if (in->cuse[p] == key) return;
    in->cuse[p] = key;
    in->cuse_n++;
    if (c->nconsts == c->consts_cap) {
        c->consts_cap = c->consts_cap ? c->consts_cap * 2 : 8;
        c->consts = xrealloc(c->consts, (size_t)c->consts_cap * sizeof(int));
    }
    c->consts[c->nconsts++] = k;
    incref(in->h, in->consts[k]);
    in->const_refs[k]++;
}

/* A literal's object, merged module-wide as CPython's compiler does; *index
 * gets its place in in->consts. */
static Obj *const_for(Interp *in, const Node *e, int *index)
{
    ConstKey k = {0};
    switch (e->kind) {
    case E_INT: k.type = T_INT; k.iv = e->ival; break;
    case E_FLOAT: k.type = T_FLOAT; k.fv = e->fval; break;
    case E_STR: k.type = T_STR; k.s = e->str; k.n = e->len; break;
    default: break;
    }
    *index = const_find(in, &k);
    if (*index >= 0) return in->consts[*index];
    *index = -1;
    Obj *o = NULL;
    switch (e->kind) {
    case E_INT: o = new_int(in->h, e->ival); break;
    case E_FLOAT: o = new_float(in->h, e->fval); break;
    case E_STR: o = new_str(in->h, e->str, e->len); break;
    case E_BIGINT: {
        const char *s = e->str;
        size_t n = e->len;
        int base = 10;
        if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) { base = 16; s += 2; n -= 2; }
        else if (n > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) { base = 8; s += 2; n -= 2; }
        else if (n > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) { base = 2; s += 2; n -= 2; }
        BigInt *b = bi_from_str(s, n, base);
        o = b ? new_bigint(in->h, b) : new_int(in->h, 0);
        break;
    }
    default: return NULL;
    }
    *index = add_const(in, o);
    return o;
}

/* CPython's AST optimizer folds a tuple display of constants, and the
 * negation of a number literal, into one constant (made at compile time,
 * held by the parse tree, merged with an equal one). */
static int foldable(const Node *e)
{
    switch (e->kind) {
    case E_INT: case E_BIGINT: case E_FLOAT: case E_STR: case E_NONE: case E_TRUE: case E_FALSE: return 1;
    case E_UNARY: return (e->op == UOP_NEG || e->op == UOP_INVERT || e->op == UOP_NOT) && foldable(e->a);
    case E_TUPLE:
        for (int i = 0; i < e->list.n; i++)
            if (!foldable(e->list.items[i])) return 0;
        return 1;
    case E_BINOP: return e->op != OP_MATMUL && foldable(e->a) && foldable(e->b);
    default: return 0;
    }
}

static uint64_t int_bits(const Obj *o)
{
    if (o->flags & OF_BIG) return bi_bit_length(((const IntObj *)o)->big);
    int64_t v = ((const IntObj *)o)->v;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    return u ? 64 - (uint64_t)__builtin_clzll(u) : 0;
}

/* ast_opt.c's limits: no folding into an int of more than 128 bits, a tuple
 * of more than 256 items or a str of more than 4096 characters, and no
 * folding of str % args. */
static int fold_is_safe(int op, Obj *a, Obj *b)
{
    int ai = a->type == T_INT || a->type == T_BOOL, bi = b->type == T_INT || b->type == T_BOOL;
    int64_t bv = bi && !(b->flags & OF_BIG) ? ((IntObj *)b)->v : 0;
    switch (op) {
    case OP_MUL:
        if (ai && bi) return int_bits(a) == 0 || int_bits(b) == 0 || int_bits(a) + int_bits(b) <= 128;
        if (ai && !bi) return fold_is_safe(op, b, a);
        if (bi && (a->type == T_TUPLE || a->type == T_STR)) {
            int64_t size = a->type == T_TUPLE ? (int64_t)((TupleObj *)a)->n : (int64_t)((StrObj *)a)->nchars;
            if (size == 0) return 1;
            if (b->flags & OF_BIG) return 0;
            return bv >= 0 && bv <= (a->type == T_TUPLE ? 256 : 4096) / size;
        }
        return 1;
    case OP_POW:
        if (ai && bi && int_bits(a) && (b->flags & OF_BIG ? bi_cmp_i64(((IntObj *)b)->big, 0) > 0 : bv > 0)) {
            if (b->flags & OF_BIG) return 0;
            return int_bits(a) <= (uint64_t)(128 / bv);
        }
        return 1;
    case OP_LSHIFT:
        if (ai && bi && int_bits(a) && (b->flags & OF_BIG ? bi_cmp_i64(((IntObj *)b)->big, 0) > 0 : bv > 0)) {
            if ((b->flags & OF_BIG) || bv > 128) return 0;
            return int_bits(a) <= (uint64_t)(128 - bv);
        }
        return 1;
    case OP_MOD: return a->type != T_STR;
    default: return 1;
    }
}

/* A folded value (a new reference) as a constant: a shared object as it is,
 * else merged with an equal constant (the folded object itself goes) or a
 * new constant held by the parse tree.  Borrowed; *k as fold_const's. */
static Obj *fold_result(Interp *in, Obj *res, int *k)
{
    *k = -1;
    if (res->flags & OF_STATIC) {
        decref(in->h, res);
        return res;
    }
    ConstKey key = const_key(res);
    int i = const_find(in, &key);
    if (i >= 0) {
        /* the compiler keeps the earlier one; this one stays in the parse
           tree until the module has run */
        if (in->narena_extra == in->arena_extra_cap) {
            in->arena_extra_cap = in->arena_extra_cap ? in->arena_extra_cap * 2 : 16;
            in->arena_extra = xrealloc(in->arena_extra, (size_t)in->arena_extra_cap * sizeof(Obj *));
        }
        in->arena_extra[in->narena_extra++] = res;
        *k = i;
        return in->consts[i];
    }
    *k = add_const(in, res);
    return res;
}

/* The constant a foldable node stands for (borrowed); *k its index in
 * in->consts, or -1 for a shared object (None, a small int, ()). */
static Obj *fold_const(Interp *in, const Node *e, int *k)
{
    Heap *h = in->h;
    *k = -1;
    switch (e->kind) {
    case E_NONE: return h->none;
    case E_TRUE: return h->true_;
    case E_FALSE: return h->false_;
    case E_INT:
        if (is_small_int(e->ival)) return &h->small_ints[e->ival - SMALL_INT_MIN].ob;
        return const_for(in, e, k);
    case E_BIGINT: case E_FLOAT: case E_STR: return const_for(in, e, k);
    case E_UNARY: {
        int ka;
        Obj *a = fold_const(in, e->a, &ka), *res = NULL;
        if (!a) return NULL;
        int intlike = a->type == T_INT || a->type == T_BOOL;
        if (e->op == UOP_NOT) {
            res = incref(h, obj_truth(in, a) ? h->false_ : h->true_);
        } else if (e->op == UOP_NEG && a->type == T_FLOAT) {
            res = new_float(h, -((FloatObj *)a)->v);
        } else if (intlike) {
            Obj *x = new_int(h, e->op == UOP_NEG ? 0 : -1);
            int r = x ? binary_op(in, e->op == UOP_NEG ? OP_SUB : OP_BITXOR, e->op == UOP_NEG ? x : a,
                                  e->op == UOP_NEG ? a : x, &res) : -1;
            if (x) decref(h, x);
            if (r < 0) {
                in->exc = X_NONE;
                sb_clear(&in->exc_msg);
                return NULL;
            }
        }
        return res ? fold_result(in, res, k) : NULL;
    }
    case E_TUPLE: {
        uint32_t n = (uint32_t)e->list.n;
        if (n == 0) return &h->empty_tuple->gc.ob;
        Obj **items = xcalloc(n, sizeof(Obj *));
        for (uint32_t i = 0; i < n; i++) {
            int ki;
            items[i] = fold_const(in, e->list.items[i], &ki);
            if (!items[i]) {
                free(items);
                return NULL;
            }
        }
        Obj *t = new_tuple(h, n);
        if (!t) {
            free(items);
            return NULL;
        }
        for (uint32_t i = 0; i < n; i++) ((TupleObj *)t)->items[i] = incref(h, items[i]);
        free(items);
        return fold_result(in, t, k);   /* merged with an equal tuple (its items are merged already) */
    }
    case E_BINOP: {
        int ka, kb;
        Obj *a = fold_const(in, e->a, &ka);
        Obj *b = a ? fold_const(in, e->b, &kb) : NULL;
        if (!a || !b || !fold_is_safe(e->op, a, b)) return NULL;
        Obj *res = NULL;
        if (binary_op(in, e->op, a, b, &res) < 0) {
            /* left for the run to raise, as CPython's optimizer leaves it */
            in->exc = X_NONE;
            sb_clear(&in->exc_msg);
            return NULL;
        }
        return fold_result(in, res, k);
    }
    default: return NULL;
    }
}

static void resolve_expr(Interp *in, Code *c, Node *e);
static void resolve_body(Interp *in, Code *c, NodeList *body);

static void resolve_list(Interp *in, Code *c, NodeList *l)
{
    for (int i = 0; i < l->n; i++) resolve_expr(in, c, l->items[i]);
}

static void resolve_name(Code *c, Node *e)
{
    e->slot = -1;
    e->scope = SC_GLOBAL;
    if (c->kind == CODE_CLASS) {
        e->scope = SC_CLASS;
        return;
    }
    if (c->kind == CODE_FUNC || c->kind == CODE_COMP) {
        int i = code_find(c, e->name);
        if (i >= 0 && !code_is_global_decl(c, e->name)) {
            e->scope = SC_LOCAL;
            e->slot = i;
            return;
        }
        if (c->kind == CODE_COMP) {
            /* a comprehension reads its enclosing function's locals */
            int depth = 1;
            for (Code *p = c->parent; p && (p->kind == CODE_FUNC || p->kind == CODE_COMP); p = p->parent, depth++) {
                int j = code_find(p, e->name);
                if (j >= 0 && !code_is_global_decl(p, e->name)) {
                    e->scope = SC_ENCLOSING;
                    e->slot = j;
                    e->op = (uint8_t)depth;
                    return;
                }
            }
        }
    }
}

static void resolve_comp(Interp *in, Code *c, Node *e)
{
    Code *cc = code_new(in, CODE_COMP, e, c);
    e->aux = cc;
    code_add(cc, in->s_dot0);
    for (int i = 0; i < e->comp.n; i++) bind_target(cc, e->comp.items[i].target);
    /* the first iterable is evaluated in the enclosing scope */
    resolve_expr(in, c, e->comp.items[0].iter);
    for (int i = 0; i < e->comp.n; i++) {
        CompFor *f = &e->comp.items[i];
        if (i > 0) resolve_expr(in, cc, f->iter);
        resolve_expr(in, cc, f->target);
        resolve_list(in, cc, &f->ifs);
    }
    resolve_expr(in, cc, e->a);
    if (e->b) resolve_expr(in, cc, e->b);
}

/* CPython's compiler_check_compare: `is` against a literal is a SyntaxWarning. */
static int is_ok_is_arg(const Node *e)
{
    switch (e->kind) {
    case E_INT: case E_BIGINT: case E_FLOAT: case E_STR: case E_FSTRING: return 0;
    case E_TUPLE: return !is_const_node(e);
    case E_UNARY: return !is_const_node(e);
    default: return 1;
    }
}

static void check_compare(Interp *in, const Node *e)
{
    int left_ok = is_ok_is_arg(e->a);
    for (int i = 0; i < e->list.n; i++) {
        int right_ok = is_ok_is_arg(e->list.items[i]);
        if ((e->ops[i] == CMP_IS || e->ops[i] == CMP_IS_NOT) && (!left_ok || !right_ok)) {
            size_t n;
            const char *s = source_line(in, e->line, &n);
            while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
            while (n && (s[n - 1] == ' ' || s[n - 1] == '\r')) n--;
            sb_printf(&in->warnings, "%s:%d: SyntaxWarning: %s\n  %.*s\n", in->filename, e->line,
                      e->ops[i] == CMP_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                         : "\"is not\" with a literal. Did you mean \"!=\"?",
                      (int)n, s);
            return;
        }
        left_ok = right_ok;
    }
}

static void resolve_expr(Interp *in, Code *c, Node *e)
{
    if (!e) return;
    if (e->kind == E_COMPARE) check_compare(in, e);
    switch (e->kind) {
    case E_NAME: resolve_name(c, e); break;
    case E_INT: case E_BIGINT: case E_FLOAT: case E_STR: {
        if (e->kind == E_INT && is_small_int(e->ival)) break;   /* shared: no count to show */
        int k;
        e->aux = const_for(in, e, &k);
        code_use_const(in, c, k);
        break;
    }
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: resolve_comp(in, c, e); break;
    case E_TUPLE: case E_UNARY: case E_BINOP:
        if (foldable(e)) {
            int k;
            e->aux = fold_const(in, e, &k);
            if (e->aux) {
                code_use_const(in, c, k);
                break;
            }
        }
        /* fall through */
    default:
        resolve_expr(in, c, e->a);
        resolve_expr(in, c, e->b);
        resolve_expr(in, c, e->c);
        resolve_list(in, c, &e->list);
        resolve_list(in, c, &e->list2);
        break;
    }
}

static Code *resolve_function(Interp *in, Code *parent, Node *def)
{
    Code *fc = code_new(in, CODE_FUNC, def, parent);
    fc->name = def->name;
    collect_globals(fc, &def->body);
    for (int i = 0; i < def->params.n; i++) code_add(fc, def->params.items[i]);
    fc->nparams = def->params.n;
    collect_locals(fc, &def->body);
    resolve_body(in, fc, &def->body);
    return fc;
}

static void resolve_stmt(Interp *in, Code *c, Node *s)
{
    switch (s->kind) {
    case S_DEF:
        resolve_list(in, c, &s->list); /* defaults, in the enclosing scope */
        s->aux = resolve_function(in, c, s);
        break;
    case S_CLASS: {
        resolve_list(in, c, &s->list);
        Code *cc = code_new(in, CODE_CLASS, s, c);
        cc->name = s->name;
        s->aux = cc;
        resolve_body(in, cc, &s->body);
        break;
    }
    case S_FOR:
        resolve_expr(in, c, s->a);
        resolve_expr(in, c, s->b);
        resolve_body(in, c, &s->body);
        resolve_body(in, c, &s->orelse);
        break;
    case S_IF: case S_WHILE:
        resolve_expr(in, c, s->a);
        resolve_body(in, c, &s->body);
        resolve_body(in, c, &s->orelse);
        break;
    default:
        resolve_expr(in, c, s->a);
        resolve_expr(in, c, s->b);
        resolve_list(in, c, &s->list);
        break;
    }
}

static void resolve_body(Interp *in, Code *c, NodeList *body)
{
    for (int i = 0; i < body->n; i++) resolve_stmt(in, c, body->items[i]);
}

/* ================================================================ names */

/* The interned name string (new reference); names made after start-up (the
 * live prompt, lesson answers) get theirs on first use. */
static Obj *str_for_sym(Interp *in, Sym s)
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
    }
    return incref(in->h, in->symstr[s]);
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

/* ================================================================ truth, len */

int obj_truth(Interp *in, Obj *o)
{
    (void)in;
    switch ((ObjType)o->type) {
    case T_NONE: return 0;
    case T_BOOL: return ((IntObj *)o)->v != 0;
    case T_INT: return (o->flags & OF_BIG) ? 1 : ((IntObj *)o)->v != 0;
    case T_FLOAT: return ((FloatObj *)o)->v != 0.0;
    case T_STR: return ((StrObj *)o)->len != 0;
    case T_TUPLE: return ((TupleObj *)o)->n != 0;
    case T_LIST: return ((ListObj *)o)->n != 0;
    case T_DICT: return ((DictObj *)o)->used != 0;
    case T_SET: return ((SetObj *)o)->used != 0;
    case T_RANGE: return ((RangeObj *)o)->len != 0;
    case T_ARRAY: return ((ArrayObj *)o)->n != 0;
    case T_DICTVIEW: return ((DictViewObj *)o)->dict->used != 0;
    default: return 1;
    }
}

int obj_len(Interp *in, Obj *o, int64_t *n)
{
    switch ((ObjType)o->type) {
    case T_STR: *n = ((StrObj *)o)->nchars; return 0;
    case T_TUPLE: *n = ((TupleObj *)o)->n; return 0;
    case T_LIST: *n = ((ListObj *)o)->n; return 0;
    case T_DICT: *n = ((DictObj *)o)->used; return 0;
    case T_SET: *n = ((SetObj *)o)->used; return 0;
    case T_RANGE: *n = ((RangeObj *)o)->len; return 0;
    case T_ARRAY: *n = ((ArrayObj *)o)->n; return 0;
    case T_DICTVIEW: *n = ((DictViewObj *)o)->dict->used; return 0;
    default:
        return exc_set(in, X_TYPE, "object of type '%s' has no len()", o->type == T_INSTANCE
                       ? symname(in, ((InstanceObj *)o)->cls->name) : obj_type_name(o));
    }
}

int int_value(Interp *in, Obj *o, int64_t *v, const char *what)
{
    if ((o->type == T_INT || o->type == T_BOOL) && !(o->flags & OF_BIG)) {
        *v = ((IntObj *)o)->v;
        return 0;
    }
    if (o->type == T_INT) return exc_set(in, X_OVERFLOW, "Python int too large to convert to C ssize_t");
    return exc_set(in, X_TYPE, "%s", what);
}

/* ================================================================ iteration */

Obj *get_iter(Interp *in, Obj *o)
{
    IterKind k;
    switch ((ObjType)o->type) {
    case T_LIST: k = IT_LIST; break;
    case T_TUPLE: k = IT_TUPLE; break;
    case T_STR: k = IT_STR; break;
    case T_DICT: k = IT_DICT_KEYS; break;
    case T_SET: k = IT_SET; break;
    case T_ARRAY: k = IT_ARRAY; break;
    case T_ITER: return incref(in->h, o);
    case T_DICTVIEW:
        k = o->sub == DV_KEYS ? IT_DICT_KEYS : o->sub == DV_VALUES ? IT_DICT_VALUES : IT_DICT_ITEMS;
        o = &((DictViewObj *)o)->dict->gc.ob;
        break;
    case T_RANGE: {
        RangeObj *r = (RangeObj *)o;
        Obj *it = new_iter(in->h, IT_RANGE, NULL);
        if (!it) {
            exc_nomem(in);
            return NULL;
        }
        IterObj *ri = (IterObj *)it;
        ri->i = r->start;
        ri->stop = r->len;
        ri->step = r->step;
        return it;
    }
    default: {
        const char *tn = o->type == T_INSTANCE ? symname(in, ((InstanceObj *)o)->cls->name) : obj_type_name(o);
        exc_set(in, X_TYPE, "'%s' object is not iterable", tn);
        return NULL;
    }
    }
    Obj *it = new_iter(in->h, k, o);
    if (!it) exc_nomem(in);
    if (it && k == IT_DICT_ITEMS) ((IterObj *)it)->extra = iter_result_holder(in, 2);
    if (it && (k == IT_DICT_KEYS || k == IT_DICT_VALUES || k == IT_DICT_ITEMS))
        ((IterObj *)it)->stop = ((DictObj *)o)->used;
    return it;
}

static Obj *utf8_char_at(Interp *in, StrObj *s, int64_t *bytepos)
{
    int64_t p = *bytepos;
    unsigned char c = (unsigned char)s->s[p];
    int k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    *bytepos = p + k;
    return make_str(in, s->s + p, (size_t)k);
}

/* enumerate, zip and dict item iterators keep their last result tuple and
 * reuse it when nobody else holds it (CPython's en_result / di_result). */
static Obj *result_tuple(Interp *in, IterObj *it, uint32_t n, Obj **items)
{
    Heap *h = in->h;
    Obj *r = it->extra;
    if (r && r->rc == 1 && ((TupleObj *)r)->n == n) {
        incref(h, r);
        TupleObj *t = (TupleObj *)r;
        Obj *old[8];
        for (uint32_t i = 0; i < n && i < 8; i++) {
            old[i] = t->items[i];
            t->items[i] = items[i];
        }
        for (uint32_t i = 0; i < n && i < 8; i++) decref(h, old[i]);
        if (!(r->flags & OF_TRACKED)) gc_track(h, r);
        return r;
    }
    r = new_tuple(h, n);
    if (!r) {
        for (uint32_t i = 0; i < n; i++) decref(h, items[i]);
        exc_nomem(in);
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) ((TupleObj *)r)->items[i] = items[i];
    return r;
}

Obj *iter_result_holder(Interp *in, uint32_t n)
{
    Obj *t = new_tuple(in->h, n);
    if (!t) return NULL;
    for (uint32_t i = 0; i < n; i++) ((TupleObj *)t)->items[i] = incref(in->h, in->h->none);
    return t;
}

Obj *array_item(Interp *in, ArrayObj *a, int64_t i);

/* The items of a list or tuple (NULL for other kinds). */
static Obj **seq_items(Obj *o, int64_t *n)
{
    if (o->type == T_LIST) {
        *n = ((ListObj *)o)->n;
        return ((ListObj *)o)->items;
    }
    if (o->type == T_TUPLE) {
        *n = ((TupleObj *)o)->n;
        return ((TupleObj *)o)->items;
    }
    *n = 0;
    return NULL;
}

/* An iterator that has run out drops its sequence at once, as CPython's do
 * (the sequence's count goes down the moment the loop ends). */
static int iter_exhausted(Heap *h, IterObj *it)
{
    Obj *seq = it->seq;
    it->seq = NULL;
    decref(h, seq);
    return 0;
}

int iter_next(Interp *in, Obj *ito, Obj **out)
{
    IterObj *it = (IterObj *)ito;
    Heap *h = in->h;
    switch ((IterKind)ito->sub) {
    case IT_RANGE:
        return iter_step(in, ito, out);
    case IT_LIST: case IT_TUPLE: {
        if (!it->seq) return 0;
        int64_t n;
        Obj **items = seq_items(it->seq, &n);
        if (it->i < n) {
            *out = incref(h, items[it->i++]);
            return 1;
        }
        return iter_exhausted(h, it);
    }
    case IT_STR: {
        if (!it->seq) return 0;
        StrObj *s = (StrObj *)it->seq;
        if (it->i < s->len) {
            *out = utf8_char_at(in, s, &it->i);
            return *out ? 1 : -1;
        }
        return iter_exhausted(h, it);
    }
    case IT_ARRAY: {
        if (!it->seq) return 0;
        ArrayObj *a = (ArrayObj *)it->seq;
        if (it->i < a->n) {
            *out = array_item(in, a, it->i++);
            return *out ? 1 : -1;
        }
        return iter_exhausted(h, it);
    }
    case IT_DICT_KEYS: case IT_DICT_VALUES: case IT_DICT_ITEMS: {
        if (!it->seq) return 0;
        DictObj *d = (DictObj *)it->seq;
        if ((int64_t)d->used != it->stop) {
            it->stop = -1;
            return exc_set(in, X_RUNTIME, "dictionary changed size during iteration");
        }
        while (it->i < d->nentries && !d->entries[it->i].key) it->i++;
        if (it->i < d->nentries) {
            DictEntry *e = &d->entries[it->i++];
            if (ito->sub == IT_DICT_KEYS) *out = incref(h, e->key);
            else if (ito->sub == IT_DICT_VALUES) *out = incref(h, e->value);
            else {
                Obj *pair[2] = {incref(h, e->key), incref(h, e->value)};
                *out = result_tuple(in, it, 2, pair);
                if (!*out) return -1;
            }
            return 1;
        }
        return iter_exhausted(h, it);
    }
    case IT_SET: {
        if (!it->seq) return 0;
        SetObj *s = (SetObj *)it->seq;
        while (it->i <= (int64_t)s->mask) {
            SetEntry *e = &s->table[it->i++];
            if (e->key && e->hash != -1) {
                *out = incref(h, e->key);
                return 1;
            }
        }
        return iter_exhausted(h, it);
    }
    case IT_ENUMERATE: {
        Obj *item;
        int r = iter_next(in, it->seq, &item);
        if (r <= 0) return r;
        Obj *idx = make_int(in, it->i++);
        if (!idx) {
            decref(h, item);
            return -1;
        }
        Obj *pair[2] = {idx, item};
        *out = result_tuple(in, it, 2, pair);
        return *out ? 1 : -1;
    }
    case IT_ZIP: {
        TupleObj *its = (TupleObj *)it->seq;
        if (its->n == 0 || its->n > 8) return 0;
        Obj *items[8];
        for (uint32_t i = 0; i < its->n; i++) {
            int r = iter_step(in, its->items[i], &items[i]);
            if (r <= 0) {
                for (uint32_t j = 0; j < i; j++) decref(h, items[j]);
                return r;
            }
        }
        *out = result_tuple(in, it, its->n, items);
        return *out ? 1 : -1;
    }
    case IT_REVERSED: {
        if (!it->seq) return 0;
        ListObj *l = (ListObj *)it->seq;
        if (it->i >= 0 && it->i < l->n) {
            *out = incref(h, l->items[it->i--]);
            return 1;
        }
        return iter_exhausted(h, it);
    }
    }
    return 0;
}

/* ================================================================ numbers */

static BigInt *to_big(Obj *o)
{
    if (o->flags & OF_BIG) return bi_copy(((IntObj *)o)->big);
    return bi_from_i64(((IntObj *)o)->v);
}

static int is_intlike(const Obj *o) { return o->type == T_INT || o->type == T_BOOL; }

static int to_double(Interp *in, Obj *o, double *d)
{
    if (o->type == T_FLOAT) { *d = ((FloatObj *)o)->v; return 0; }
    if (o->flags & OF_BIG) {
        int ovf = 0;
        *d = bi_to_double(((IntObj *)o)->big, &ovf);
        if (ovf) return exc_set(in, X_OVERFLOW, "int too large to convert to float");
        return 0;
    }
    *d = (double)((IntObj *)o)->v;
    return 0;
}

static Obj *big_result(Interp *in, BigInt *b)
{
    if (!b) {
        exc_nomem(in);
        return NULL;
    }
    Obj *o = new_bigint(in->h, b);
    if (!o) exc_nomem(in);
    return o;
}

static const char *op_symbol(int op)
{
    static const char *const s[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};
    return op <= OP_MATMUL ? s[op] : "?";
}

static const char *tname(Interp *in, Obj *o)
{
    if (o->type == T_INSTANCE) return symname(in, ((InstanceObj *)o)->cls->name);
    return obj_type_name(o);
}

const char *obj_tname(Interp *in, Obj *o) { return tname(in, o); }

static int int_op(Interp *in, int op, Obj *a, Obj *b, Obj **res)
{
    if (!(a->flags & OF_BIG) && !(b->flags & OF_BIG)) {
        int64_t x = ((IntObj *)a)->v, y = ((IntObj *)b)->v, r, q;
        switch (op) {
        case OP_ADD: if (!bi_i64_add_overflows(x, y, &r)) goto small; break;
        case OP_SUB: if (!bi_i64_sub_overflows(x, y, &r)) goto small; break;
        case OP_MUL: if (!bi_i64_mul_overflows(x, y, &r)) goto small; break;
        case OP_FLOORDIV: case OP_MOD: {
            int k = bi_i64_divmod(x, y, &q, &r);
            if (k < 0)
                return exc_set(in, X_ZERODIV, op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
            if (k == 0) {
                r = op == OP_FLOORDIV ? q : r;
                goto small;
            }
            break;
        }
        case OP_LSHIFT:
            if (y < 0) return exc_set(in, X_VALUE, "negative shift count");
            if (!bi_i64_lshift_overflows(x, (uint64_t)y, &r)) goto small;
            break;
        case OP_RSHIFT:
            if (y < 0) return exc_set(in, X_VALUE, "negative shift count");
            r = bi_i64_rshift(x, (uint64_t)y);
            goto small;
        case OP_BITAND: r = x & y; goto small;
        case OP_BITOR: r = x | y; goto small;
        case OP_BITXOR: r = x ^ y; goto small;
        case OP_POW:
            if (y < 0) {
                double d = pow((double)x, (double)y);
                if (x == 0) return exc_set(in, X_ZERODIV, "0.0 cannot be raised to a negative power");
                *res = new_float(in->h, d);
                return *res ? 0 : exc_nomem(in);
            }
            {
                int64_t acc = 1, base = x;
                uint64_t e = (uint64_t)y;
                int ovf = 0;
                while (e && !ovf) {
                    if (e & 1) ovf |= bi_i64_mul_overflows(acc, base, &acc);
                    e >>= 1;
                    if (e) ovf |= bi_i64_mul_overflows(base, base, &base);
                }
                if (!ovf) { r = acc; goto small; }
            }
            break;
        default: break;
        }
        goto big;
    small:
        *res = make_int(in, r);
        return *res ? 0 : -1;
    }
big:;
    BigInt *x = to_big(a), *y = to_big(b), *r = NULL;
    int rc = 0;
    switch (op) {
    case OP_ADD: r = bi_add(x, y); break;
    case OP_SUB: r = bi_sub(x, y); break;
    case OP_MUL: r = bi_mul(x, y); break;
    case OP_FLOORDIV: case OP_MOD:
        if (bi_divmod(x, y, op == OP_FLOORDIV ? &r : NULL, op == OP_MOD ? &r : NULL) < 0)
            rc = exc_set(in, X_ZERODIV, op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
        break;
    case OP_LSHIFT: case OP_RSHIFT: {
        int64_t n;
        if (!bi_to_i64(y, &n)) { rc = exc_nomem(in); break; }
        if (n < 0) { rc = exc_set(in, X_VALUE, "negative shift count"); break; }
        r = op == OP_LSHIFT ? bi_lshift(x, (uint64_t)n) : bi_rshift(x, (uint64_t)n);
        break;
    }
    case OP_BITAND: r = bi_and(x, y); break;
    case OP_BITOR: r = bi_or(x, y); break;
    case OP_BITXOR: r = bi_xor(x, y); break;
    case OP_POW: {
        int64_t n;
        if (!bi_to_i64(y, &n) || n < 0) { rc = exc_nomem(in); break; }
        r = bi_pow(x, (uint64_t)n, 0);
        break;
    }
    default: rc = -1; break;
    }
    bi_free(x);
    bi_free(y);
    if (rc < 0) return -1;
    *res = big_result(in, r);
    return *res ? 0 : -1;
}

static int float_op(Interp *in, int op, double x, double y, Obj **res)
{
    double r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV:
        if (y == 0) return exc_set(in, X_ZERODIV, "float division by zero");
        r = x / y;
        break;
    case OP_FLOORDIV:
        if (y == 0) return exc_set(in, X_ZERODIV, "float floor division by zero");
        r = floor(x / y);
        {
            double m = fmod(x, y);
            if (m != 0 && ((y < 0) != (m < 0))) m += y;
            r = (x - m) / y;
            r = floor(r + 0.5) == r ? r : floor(r);
            double fl = floor(r);
            if (r - fl > 0.5) fl += 1.0;
            r = fl;
        }
        break;
    case OP_MOD:
        if (y == 0) return exc_set(in, X_ZERODIV, "float modulo");
        r = fmod(x, y);
        if (r != 0) {
            if ((y < 0) != (r < 0)) r += y;
        } else {
            r = copysign(0.0, y);
        }
        break;
    case OP_POW:
        if (x == 0 && y < 0) return exc_set(in, X_ZERODIV, "0.0 cannot be raised to a negative power");
        r = pow(x, y);
        break;
    default: return 1; /* not supported for floats */
    }
    *res = new_float(in->h, r);
    return *res ? 0 : exc_nomem(in);
}

static int seq_repeat(Interp *in, Obj *seq, int64_t n, Obj **res);
static int seq_concat(Interp *in, Obj *a, Obj *b, Obj **res);

int binary_op(Interp *in, int op, Obj *a, Obj *b, Obj **res)
{
    if (is_intlike(a) && is_intlike(b)) {
        if (op == OP_DIV) {
            double x, y;
            if (to_double(in, a, &x) < 0 || to_double(in, b, &y) < 0) return -1;
            if (y == 0) return exc_set(in, X_ZERODIV, "division by zero");
            *res = new_float(in->h, x / y);
            return *res ? 0 : exc_nomem(in);
        }
        if (op != OP_MATMUL) return int_op(in, op, a, b, res);
    }
    if ((a->type == T_FLOAT || is_intlike(a)) && (b->type == T_FLOAT || is_intlike(b))) {
        double x, y;
        if (to_double(in, a, &x) < 0 || to_double(in, b, &y) < 0) return -1;
        int r = float_op(in, op, x, y, res);
        if (r <= 0) return r;
    }
    if (op == OP_ADD && a->type == b->type &&
        (a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE))
        return seq_concat(in, a, b, res);
    if (op == OP_MUL) {
        if ((a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE) && is_intlike(b)) {
            int64_t n;
            if (int_value(in, b, &n, "") < 0) return exc_set(in, X_OVERFLOW, "cannot fit 'int' into an index-sized integer");
            return seq_repeat(in, a, n, res);
        }
        if ((b->type == T_STR || b->type == T_LIST || b->type == T_TUPLE) && is_intlike(a)) {
            int64_t n;
            if (int_value(in, a, &n, "") < 0) return exc_set(in, X_OVERFLOW, "cannot fit 'int' into an index-sized integer");
            return seq_repeat(in, b, n, res);
        }
    }
    if (op == OP_ADD && a->type == T_STR && b->type != T_STR)
        return exc_set(in, X_TYPE, "can only concatenate str (not \"%s\") to str", tname(in, b));
    if (op == OP_ADD && a->type == T_LIST && b->type != T_LIST)
        return exc_set(in, X_TYPE, "can only concatenate list (not \"%s\") to list", tname(in, b));
    if (op == OP_ADD && a->type == T_TUPLE && b->type != T_TUPLE)
        return exc_set(in, X_TYPE, "can only concatenate tuple (not \"%s\") to tuple", tname(in, b));
    if ((op == OP_MUL) && (a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE || b->type == T_STR ||
                           b->type == T_LIST || b->type == T_TUPLE))
        return exc_set(in, X_TYPE, "can't multiply sequence by non-int of type '%s'",
                       (a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE) ? tname(in, b) : tname(in, a));
    if (a->type == T_SET && b->type == T_SET && (op == OP_BITOR || op == OP_BITAND || op == OP_SUB || op == OP_BITXOR)) {
        Obj *r = new_set(in->h);
        if (!r) return exc_nomem(in);
        SetObj *sa = (SetObj *)a, *sb = (SetObj *)b;
        for (uint32_t i = 0; i <= sa->mask; i++) {
            Obj *k = sa->table[i].key;
            if (!k || sa->table[i].hash == -1) continue;
            int inb = set_contains(sb, k);
            if ((op == OP_BITOR) || (op == OP_BITAND && inb) || ((op == OP_SUB || op == OP_BITXOR) && !inb))
                set_add(in->h, (SetObj *)r, k);
        }
        if (op == OP_BITOR || op == OP_BITXOR)
            for (uint32_t i = 0; i <= sb->mask; i++) {
                Obj *k = sb->table[i].key;
                if (!k || sb->table[i].hash == -1) continue;
                if (op == OP_BITOR || !set_contains(sa, k)) set_add(in->h, (SetObj *)r, k);
            }
        *res = r;
        return 0;
    }
    if (op == OP_MOD && a->type == T_STR) return str_percent(in, a, b, res);
    return exc_set(in, X_TYPE, "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol(op), tname(in, a),
                   tname(in, b));
}

static int seq_concat(Interp *in, Obj *a, Obj *b, Obj **res)
{
    Heap *h = in->h;
    if (a->type == T_STR) {
        /* PyUnicode_Concat: with the empty string, the other one itself */
        if (((StrObj *)b)->len == 0) { *res = incref(h, a); return 0; }
        if (((StrObj *)a)->len == 0) { *res = incref(h, b); return 0; }
        *res = new_str_cat(h, a, b);
        return *res ? 0 : exc_nomem(in);
    }
    if (a->type == T_LIST) {
        ListObj *x = (ListObj *)a, *y = (ListObj *)b;
        Obj *r = new_list(h, x->n + y->n);
        if (!r) return exc_nomem(in);
        ListObj *l = (ListObj *)r;
        for (int64_t i = 0; i < x->n; i++) l->items[i] = incref(h, x->items[i]);
        for (int64_t i = 0; i < y->n; i++) l->items[x->n + i] = incref(h, y->items[i]);
        l->n = x->n + y->n;
        *res = r;
        return 0;
    }
    TupleObj *x = (TupleObj *)a, *y = (TupleObj *)b;
    if (y->n == 0) { *res = incref(h, a); return 0; }
    if (x->n == 0) { *res = incref(h, b); return 0; }
    Obj *r = new_tuple(h, x->n + y->n);
    if (!r) return exc_nomem(in);
    TupleObj *t = (TupleObj *)r;
    for (uint32_t i = 0; i < x->n; i++) t->items[i] = incref(h, x->items[i]);
    for (uint32_t i = 0; i < y->n; i++) t->items[x->n + i] = incref(h, y->items[i]);
    *res = r;
    return 0;
}

static int seq_repeat(Interp *in, Obj *seq, int64_t n, Obj **res)
{
    Heap *h = in->h;
    if (n < 0) n = 0;
    if (seq->type == T_STR) {
        StrObj *s = (StrObj *)seq;
        if (s->len && n > ((int64_t)1 << 34) / (int64_t)s->len) return exc_nomem(in);
        if (heap_charge(h, (int64_t)s->len * n) < 0) return exc_nomem(in);
        StrBuf sb = {0};
        for (int64_t i = 0; i < n; i++) sb_put(&sb, s->s, s->len);
        *res = make_str_sb(in, &sb);
        sb_free(&sb);
        return *res ? 0 : -1;
    }
    if (seq->type == T_LIST) {
        ListObj *s = (ListObj *)seq;
        if (s->n && n > ((int64_t)1 << 40) / s->n) return exc_nomem(in);
        int64_t total = s->n * n;
        Obj *r = new_list(h, total);
        if (!r) return exc_nomem(in);
        ListObj *l = (ListObj *)r;
        if (s->n == 1) {
            Obj *v = s->items[0];
            v->rc += (uint32_t)total;
            for (int64_t i = 0; i < total; i++) l->items[i] = v;
        } else {
            for (int64_t i = 0; i < total; i++) l->items[i] = incref(h, s->items[i % s->n]);
        }
        l->n = total;
        *res = r;
        return 0;
    }
    TupleObj *s = (TupleObj *)seq;
    if (n == 1) { *res = incref(h, seq); return 0; }
    int64_t total = (int64_t)s->n * n;
    if (total > ((int64_t)1 << 31)) return exc_nomem(in);
    Obj *r = new_tuple(h, (uint32_t)total);
    if (!r) return exc_nomem(in);
    for (int64_t i = 0; i < total; i++) ((TupleObj *)r)->items[i] = incref(h, s->items[i % s->n]);
    *res = r;
    return 0;
}

/* ================================================================ compare */

static int cmp_result(int op, int c)
{
    switch (op) {
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static const char *cmp_symbol(int op)
{
    static const char *const s[] = {"==", "!=", "<", "<=", ">", ">="};
    return s[op];
}

static int compare_impl(Interp *in, Obj *a, Obj *b, int op, int *res);

/* Comparing containers recurses into their items: counted against the
 * recursion limit as CPython 3.11's PyObject_RichCompare does, so a deeply
 * nested pair raises RecursionError instead of overflowing the C stack. */
int compare(Interp *in, Obj *a, Obj *b, int op, int *res)
{
    if (a->type != b->type || (a->type != T_LIST && a->type != T_TUPLE && a->type != T_DICT))
        return compare_impl(in, a, b, op, res);
    if (in->depth >= RECURSION_LIMIT)
        return exc_set(in, X_RECURSION, "maximum recursion depth exceeded in comparison");
    in->depth++;
    int r = compare_impl(in, a, b, op, res);
    in->depth--;
    return r;
}

static int compare_impl(Interp *in, Obj *a, Obj *b, int op, int *res)
{
    if (op == CMP_IS) { *res = a == b; return 0; }
    if (op == CMP_IS_NOT) { *res = a != b; return 0; }
    if (op == CMP_IN || op == CMP_NOT_IN) {
        int r;
        if (contains(in, b, a, &r) < 0) return -1;
        *res = op == CMP_IN ? r : !r;
        return 0;
    }
    if (is_intlike(a) && is_intlike(b)) {
        int c;
        if (!(a->flags & OF_BIG) && !(b->flags & OF_BIG)) {
            int64_t x = ((IntObj *)a)->v, y = ((IntObj *)b)->v;
            c = x < y ? -1 : x > y;
        } else {
            BigInt *x = to_big(a), *y = to_big(b);
            c = bi_cmp(x, y);
            bi_free(x);
            bi_free(y);
        }
        *res = cmp_result(op, c);
        return 0;
    }
    if ((a->type == T_FLOAT || is_intlike(a)) && (b->type == T_FLOAT || is_intlike(b))) {
        double x, y;
        if (to_double(in, a, &x) < 0 || to_double(in, b, &y) < 0) return -1;
        switch (op) {
        case CMP_EQ: *res = x == y; break;
        case CMP_NE: *res = x != y; break;
        case CMP_LT: *res = x < y; break;
        case CMP_LE: *res = x <= y; break;
        case CMP_GT: *res = x > y; break;
        default: *res = x >= y; break;
        }
        return 0;
    }
    if (a->type == T_STR && b->type == T_STR) {
        StrObj *x = (StrObj *)a, *y = (StrObj *)b;
        size_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->s, y->s, n);
        if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
        *res = cmp_result(op, c);
        return 0;
    }
    if (a->type == b->type && (a->type == T_LIST || a->type == T_TUPLE)) {
        int64_t xn, yn;
        Obj **xi = seq_items(a, &xn), **yi = seq_items(b, &yn);
        if ((op == CMP_EQ || op == CMP_NE) && xn != yn) { *res = op == CMP_NE; return 0; }
        int64_t i;
        for (i = 0; i < xn && i < yn; i++) {
            int eq;
            if (xi[i] == yi[i]) continue;
            if (compare(in, xi[i], yi[i], CMP_EQ, &eq) < 0) return -1;
            if (!eq) break;
        }
        if (i >= xn || i >= yn) {
            int c = xn < yn ? -1 : xn > yn;
            *res = cmp_result(op, c);
            return 0;
        }
        if (op == CMP_EQ) { *res = 0; return 0; }
        if (op == CMP_NE) { *res = 1; return 0; }
        return compare(in, xi[i], yi[i], op, res);
    }
    if (op == CMP_EQ || op == CMP_NE) {
        int eq;
        if (a->type == T_DICT && b->type == T_DICT) {
            DictObj *x = (DictObj *)a, *y = (DictObj *)b;
            eq = x->used == y->used;
            for (uint32_t i = 0; eq && i < x->nentries; i++) {
                if (!x->entries[i].key) continue;
                Obj *v = dict_get(y, x->entries[i].key);
                int e2 = 0;
                if (!v || compare(in, x->entries[i].value, v, CMP_EQ, &e2) < 0 || !e2) eq = 0;
            }
        } else if (a->type == T_SET && b->type == T_SET) {
            SetObj *x = (SetObj *)a, *y = (SetObj *)b;
            eq = x->used == y->used;
            for (uint32_t i = 0; eq && i <= x->mask; i++)
                if (x->table[i].key && x->table[i].hash != -1 && !set_contains(y, x->table[i].key)) eq = 0;
        } else {
            eq = a == b || (a->type == b->type && obj_equal(a, b));
        }
        *res = op == CMP_EQ ? eq : !eq;
        return 0;
    }
    return exc_set(in, X_TYPE, "'%s' not supported between instances of '%s' and '%s'", cmp_symbol(op), tname(in, a),
                   tname(in, b));
}

int contains(Interp *in, Obj *c, Obj *item, int *res)
{
    switch ((ObjType)c->type) {
    case T_LIST: case T_TUPLE: {
        int64_t n;
        Obj **items = seq_items(c, &n);
        for (int64_t i = 0; i < n; i++) {
            int eq;
            if (items[i] == item) { *res = 1; return 0; }
            if (compare(in, items[i], item, CMP_EQ, &eq) < 0) return -1;
            if (eq) { *res = 1; return 0; }
        }
        *res = 0;
        return 0;
    }
    case T_DICT: case T_SET: case T_DICTVIEW: {
        int64_t hh;
        if (c->type == T_DICTVIEW && c->sub != DV_KEYS) {
            Obj *it = get_iter(in, c);
            if (!it) return -1;
            Obj *v;
            int r, found = 0;
            while (!found && (r = iter_step(in, it, &v)) > 0) {
                int eq;
                if (compare(in, v, item, CMP_EQ, &eq) < 0) { decref(in->h, v); decref(in->h, it); return -1; }
                found = eq;
                decref(in->h, v);
            }
            decref(in->h, it);
            *res = found;
            return 0;
        }
        if (obj_hash(item, &hh) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, item));
        if (c->type == T_SET) *res = set_contains((SetObj *)c, item) == 1;
        else {
            DictObj *d = c->type == T_DICT ? (DictObj *)c : ((DictViewObj *)c)->dict;
            int64_t ix;
            *res = dict_lookup(d, item, hh, &ix);
        }
        return 0;
    }
    case T_STR: {
        if (item->type != T_STR)
            return exc_set(in, X_TYPE, "'in <string>' requires string as left operand, not %s", tname(in, item));
        StrObj *s = (StrObj *)c, *t = (StrObj *)item;
        *res = t->len == 0 || (t->len <= s->len && memmem(s->s, s->len, t->s, t->len) != NULL);
        return 0;
    }
    case T_RANGE: {
        RangeObj *r = (RangeObj *)c;
        if (!is_intlike(item) || (item->flags & OF_BIG)) { *res = 0; return 0; }
        int64_t v = ((IntObj *)item)->v;
        if (r->len == 0) { *res = 0; return 0; }
        int64_t last = r->start + (r->len - 1) * r->step;
        int in_range = r->step > 0 ? (v >= r->start && v <= last) : (v <= r->start && v >= last);
        *res = in_range && ((v - r->start) % r->step == 0);
        return 0;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)c;
        for (int64_t i = 0; i < a->n; i++) {
            Obj *v = array_item(in, a, i);
            if (!v) return -1;
            int eq;
            int r = compare(in, v, item, CMP_EQ, &eq);
            decref(in->h, v);
            if (r < 0) return -1;
            if (eq) { *res = 1; return 0; }
        }
        *res = 0;
        return 0;
    }
    default:
        return exc_set(in, X_TYPE, "argument of type '%s' is not iterable", tname(in, c));
    }
}

/* ================================================================ subscripts */

static int norm_index(Interp *in, Obj *idx, int64_t n, int64_t *out, const char *what)
{
    int64_t i;
    if (!is_intlike(idx)) {
        return exc_set(in, X_TYPE, "%s indices must be integers or slices, not %s", what, tname(in, idx));
    }
    if (idx->flags & OF_BIG) return exc_set(in, X_INDEX, "cannot fit 'int' into an index-sized integer");
    i = ((IntObj *)idx)->v;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return exc_set(in, X_INDEX, "%s index out of range", what);
    *out = i;
    return 0;
}

static int slice_indices(Interp *in, Node *sl, int64_t n, int64_t *start, int64_t *stop, int64_t *step,
                         int64_t *len, Obj **vals)
{
    /* vals: the evaluated lower, upper, step (NULL where omitted) */
    int64_t st = 1;
    if (vals[2] && vals[2]->type != T_NONE) {
        if (int_value(in, vals[2], &st, "slice indices must be integers or None or have an __index__ method") < 0) return -1;
        if (st == 0) return exc_set(in, X_VALUE, "slice step cannot be zero");
    }
    int64_t lo, hi;
    int64_t dlo = st < 0 ? n - 1 : 0, dhi = st < 0 ? -1 : n;
    if (vals[0] && vals[0]->type != T_NONE) {
        if (int_value(in, vals[0], &lo, "slice indices must be integers or None or have an __index__ method") < 0) return -1;
        if (lo < 0) { lo += n; if (lo < 0) lo = st < 0 ? -1 : 0; }
        else if (lo >= n) lo = st < 0 ? n - 1 : n;
    } else lo = dlo;
    if (vals[1] && vals[1]->type != T_NONE) {
        if (int_value(in, vals[1], &hi, "slice indices must be integers or None or have an __index__ method") < 0) return -1;
        if (hi < 0) { hi += n; if (hi < 0) hi = st < 0 ? -1 : 0; }
        else if (hi >= n) hi = st < 0 ? n - 1 : n;
    } else hi = dhi;
    (void)sl;
    int64_t l = 0;
    if (st > 0 && lo < hi) l = (hi - lo - 1) / st + 1;
    else if (st < 0 && hi < lo) l = (lo - hi - 1) / (-st) + 1;
    *start = lo;
    *stop = hi;
    *step = st;
    *len = l;
    return 0;
}

Obj *array_item(Interp *in, ArrayObj *a, int64_t i)
{
    const char *p = (const char *)a->data + i * a->itemsize;
    switch (a->typecode) {
    case 'b': return make_int(in, *(const int8_t *)p);
    case 'B': return make_int(in, *(const uint8_t *)p);
    case 'h': return make_int(in, *(const int16_t *)p);
    case 'H': return make_int(in, *(const uint16_t *)p);
    case 'i': return make_int(in, *(const int32_t *)p);
    case 'I': return make_int(in, *(const uint32_t *)p);
    case 'l': case 'q': return make_int(in, *(const int64_t *)p);
    case 'L': case 'Q': {
        uint64_t u = *(const uint64_t *)p;
        if (u <= INT64_MAX) return make_int(in, (int64_t)u);
        return big_result(in, bi_from_u64(u));
    }
    case 'f': {
        Obj *o = new_float(in->h, *(const float *)p);
        if (!o) exc_nomem(in);
        return o;
    }
    case 'd': {
        Obj *o = new_float(in->h, *(const double *)p);
        if (!o) exc_nomem(in);
        return o;
    }
    }
    return NULL;
}

/* Store a Python value into an array's raw item (checks the typecode's range). */
int array_store(Interp *in, ArrayObj *a, Obj *v, void *dst)
{
    if (a->typecode == 'f' || a->typecode == 'd') {
        double d;
        if (!is_intlike(v) && v->type != T_FLOAT)
            return exc_set(in, X_TYPE, "must be real number, not %s", tname(in, v));
        if (to_double(in, v, &d) < 0) return -1;
        if (a->typecode == 'f') { float f = (float)d; memcpy(dst, &f, 4); }
        else memcpy(dst, &d, 8);
        return 0;
    }
    if (!is_intlike(v)) return exc_set(in, X_TYPE, "'%s' object cannot be interpreted as an integer", tname(in, v));
    int64_t x;
    if (v->flags & OF_BIG) {
        BigInt *b = ((IntObj *)v)->big;
        if ((a->typecode == 'L' || a->typecode == 'Q') && b->sign > 0 && b->ndigits <= 3) {
            uint64_t u = 0;
            for (int i = (int)b->ndigits - 1; i >= 0; i--) u = (u << 30) | b->d[i];
            if (bi_bit_length(b) <= 64) { memcpy(dst, &u, 8); return 0; }
        }
        return exc_set(in, X_OVERFLOW, "Python int too large to convert to C long");
    }
    x = ((IntObj *)v)->v;
    int64_t lo, hi;
    const char *msg = NULL;
    switch (a->typecode) {
    case 'b': lo = -128; hi = 127; msg = x < lo ? "signed char is less than minimum" : "signed char is greater than maximum"; break;
    case 'B': lo = 0; hi = 255; msg = x < lo ? "unsigned byte integer is less than minimum" : "unsigned byte integer is greater than maximum"; break;
    case 'h': lo = -32768; hi = 32767; msg = x < lo ? "signed short integer is less than minimum" : "signed short integer is greater than maximum"; break;
    case 'H': lo = 0; hi = 65535; msg = x < lo ? "unsigned short is less than minimum" : "unsigned short is greater than maximum"; break;
    case 'i': lo = INT32_MIN; hi = INT32_MAX; msg = x < lo ? "signed integer is less than minimum" : "signed integer is greater than maximum"; break;
    case 'I': lo = 0; hi = UINT32_MAX; msg = x < lo ? "unsigned int is less than minimum" : "unsigned int is greater than maximum"; break;
    case 'L': case 'Q':
        if (x < 0) return exc_set(in, X_OVERFLOW, "can't convert negative value to unsigned int");
        memcpy(dst, &x, 8);
        return 0;
    default: memcpy(dst, &x, 8); return 0;
    }
    if (x < lo || x > hi) return exc_set(in, X_OVERFLOW, "%s", msg);
    switch (a->itemsize) {
    case 1: { int8_t y = (int8_t)x; memcpy(dst, &y, 1); break; }
    case 2: { int16_t y = (int16_t)x; memcpy(dst, &y, 2); break; }
    default: { int32_t y = (int32_t)x; memcpy(dst, &y, 4); break; }
    }
    return 0;
}

static int getitem(Interp *in, Obj *o, Obj *idx, Obj **res)
{
    Heap *h = in->h;
    int64_t i;
    switch ((ObjType)o->type) {
    case T_LIST:
        if (norm_index(in, idx, ((ListObj *)o)->n, &i, "list") < 0) return -1;
        *res = incref(h, ((ListObj *)o)->items[i]);
        return 0;
    case T_TUPLE:
        if (norm_index(in, idx, ((TupleObj *)o)->n, &i, "tuple") < 0) return -1;
        *res = incref(h, ((TupleObj *)o)->items[i]);
        return 0;
    case T_STR: {
        StrObj *s = (StrObj *)o;
        if (!is_intlike(idx)) return exc_set(in, X_TYPE, "string indices must be integers, not '%s'", tname(in, idx));
        if (norm_index(in, idx, s->nchars, &i, "string") < 0) return -1;
        int64_t p = 0;
        for (int64_t k = 0; k < i; k++) {
            unsigned char c = (unsigned char)s->s[p];
            p += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        }
        *res = utf8_char_at(in, s, &p);
        return *res ? 0 : -1;
    }
    case T_DICT: {
        int64_t hh;
        if (obj_hash(idx, &hh) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, idx));
        Obj *v = dict_get((DictObj *)o, idx);
        if (!v) {
            StrBuf r = {0};
            obj_repr(in, idx, &r);
            exc_set(in, X_KEY, "%s", r.s);
            sb_free(&r);
            return -1;
        }
        *res = incref(h, v);
        return 0;
    }
    case T_RANGE: {
        RangeObj *r = (RangeObj *)o;
        if (norm_index(in, idx, r->len, &i, "range object") < 0) return -1;
        *res = make_int(in, r->start + i * r->step);
        return *res ? 0 : -1;
    }
    case T_ARRAY:
        if (norm_index(in, idx, ((ArrayObj *)o)->n, &i, "array") < 0) return -1;
        *res = array_item(in, (ArrayObj *)o, i);
        return *res ? 0 : -1;
    default:
        return exc_set(in, X_TYPE, "'%s' object is not subscriptable", tname(in, o));
    }
}

int obj_getitem(Interp *in, Obj *o, Obj *idx, Obj **res) { return getitem(in, o, idx, res); }

static int getslice(Interp *in, Obj *o, Node *sl, Obj **vals, Obj **res)
{
    Heap *h = in->h;
    int64_t n, start, stop, step, len;
    switch ((ObjType)o->type) {
    case T_LIST: n = ((ListObj *)o)->n; break;
    case T_TUPLE: n = ((TupleObj *)o)->n; break;
    case T_STR: n = ((StrObj *)o)->nchars; break;
    case T_RANGE: n = ((RangeObj *)o)->len; break;
    case T_ARRAY: n = ((ArrayObj *)o)->n; break;
    default: return exc_set(in, X_TYPE, "'%s' object is not subscriptable", tname(in, o));
    }
    if (slice_indices(in, sl, n, &start, &stop, &step, &len, vals) < 0) return -1;
    if (o->type == T_LIST) {
        Obj *r = new_list(h, len);
        if (!r) return exc_nomem(in);
        for (int64_t k = 0; k < len; k++) ((ListObj *)r)->items[k] = incref(h, ((ListObj *)o)->items[start + k * step]);
        ((ListObj *)r)->n = len;
        *res = r;
        return 0;
    }
    if (o->type == T_TUPLE) {
        if (len == n && step == 1) { *res = incref(h, o); return 0; }
        Obj *r = new_tuple(h, (uint32_t)len);
        if (!r) return exc_nomem(in);
        for (int64_t k = 0; k < len; k++) ((TupleObj *)r)->items[k] = incref(h, ((TupleObj *)o)->items[start + k * step]);
        *res = r;
        return 0;
    }
    if (o->type == T_RANGE) {
        RangeObj *rg = (RangeObj *)o;
        int64_t s0 = rg->start + start * rg->step;
        int64_t st = rg->step * step;
        *res = new_range(h, s0, s0 + len * st, st);
        return *res ? 0 : exc_nomem(in);
    }
    if (o->type == T_ARRAY) {
        ArrayObj *a = (ArrayObj *)o;
        Obj *r = new_array(h, a->typecode);
        if (!r) return exc_nomem(in);
        ArrayObj *ra = (ArrayObj *)r;
        if (len && array_resize(h, ra, len) < 0) { decref(h, r); return exc_nomem(in); }
        for (int64_t k = 0; k < len; k++)
            memcpy((char *)ra->data + k * a->itemsize, (char *)a->data + (start + k * step) * a->itemsize, a->itemsize);
        *res = r;
        return 0;
    }
    /* str: by code points */
    StrObj *s = (StrObj *)o;
    int64_t *offs = xmalloc(sizeof(int64_t) * (size_t)(s->nchars + 1));
    int64_t p = 0;
    for (int64_t k = 0; k < s->nchars; k++) {
        offs[k] = p;
        unsigned char c = (unsigned char)s->s[p];
        p += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    }
    offs[s->nchars] = p;
    StrBuf b = {0};
    for (int64_t k = 0; k < len; k++) {
        int64_t ci = start + k * step;
        sb_put(&b, s->s + offs[ci], (size_t)(offs[ci + 1] - offs[ci]));
    }
    free(offs);
    *res = make_str_sb(in, &b);
    sb_free(&b);
    return *res ? 0 : -1;
}

static int setitem(Interp *in, Obj *o, Obj *idx, Obj *v) /* v borrowed */
{
    Heap *h = in->h;
    int64_t i;
    switch ((ObjType)o->type) {
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        if (norm_index(in, idx, l->n, &i, "list") < 0) {
            if (in->exc == X_INDEX) sb_clear(&in->exc_msg), sb_puts(&in->exc_msg, "list assignment index out of range");
            return -1;
        }
        Obj *old = l->items[i];
        l->items[i] = incref(h, v);
        decref(h, old);
        return 0;
    }
    case T_DICT: {
        int r = dict_set(h, (DictObj *)o, idx, v);
        if (r == -2) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, idx));
        return r < 0 ? exc_nomem(in) : 0;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)o;
        if (norm_index(in, idx, a->n, &i, "array") < 0) {
            if (in->exc == X_INDEX) sb_clear(&in->exc_msg), sb_puts(&in->exc_msg, "array assignment index out of range");
            return -1;
        }
        return array_store(in, a, v, (char *)a->data + i * a->itemsize);
    }
    case T_TUPLE: case T_STR: case T_RANGE:
        return exc_set(in, X_TYPE, "'%s' object does not support item assignment", tname(in, o));
    default:
        return exc_set(in, X_TYPE, "'%s' object does not support item assignment", tname(in, o));
    }
}

static int list_del_slice(Interp *in, ListObj *l, int64_t start, int64_t step, int64_t len)
{
    Heap *h = in->h;
    if (len <= 0) return 0;
    Obj **gone = xmalloc(sizeof(Obj *) * (size_t)len);
    if (step < 0) {
        start = start + (len - 1) * step;
        step = -step;
    }
    int64_t w = start, g = 0;
    for (int64_t r = start; r < l->n; r++) {
        if (g < len && r == start + g * step) {
            gone[g++] = l->items[r];
            continue;
        }
        l->items[w++] = l->items[r];
    }
    int64_t newn = l->n - len;
    list_resize(h, l, newn);
    /* list_ass_slice releases the removed items from the last to the first */
    for (int64_t k = len - 1; k >= 0; k--) decref(h, gone[k]);
    free(gone);
    return 0;
}

static int delitem(Interp *in, Obj *o, Obj *idx)
{
    Heap *h = in->h;
    int64_t i;
    switch ((ObjType)o->type) {
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        if (norm_index(in, idx, l->n, &i, "list") < 0) {
            if (in->exc == X_INDEX) sb_clear(&in->exc_msg), sb_puts(&in->exc_msg, "list assignment index out of range");
            return -1;
        }
        return list_del_slice(in, l, i, 1, 1);
    }
    case T_DICT: {
        int r = dict_del(h, (DictObj *)o, idx);
        if (r == -2) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, idx));
        if (r == 0) {
            StrBuf s = {0};
            obj_repr(in, idx, &s);
            exc_set(in, X_KEY, "%s", s.s);
            sb_free(&s);
            return -1;
        }
        return 0;
    }
    default:
        return exc_set(in, X_TYPE, "'%s' object doesn't support item deletion", tname(in, o));
    }
}

/* ================================================================ attributes */

static Obj *class_lookup(ClassObj *c, Sym name)
{
    for (; c; c = c->base) {
        Obj *v = attrmap_get(&c->attrs, name);
        if (v) return v;
    }
    return NULL;
}

static int attr_error(Interp *in, Obj *o, Sym name)
{
    if (o->type == T_CLASS)
        return exc_set(in, X_ATTRIBUTE, "type object '%s' has no attribute '%s'", symname(in, ((ClassObj *)o)->name),
                       symname(in, name));
    if (o->type == T_MODULE)
        return exc_set(in, X_ATTRIBUTE, "module '%s' has no attribute '%s'", symname(in, ((ModuleObj *)o)->name),
                       symname(in, name));
    const char *n = symname(in, name);
    size_t len = strlen(n);
    for (size_t i = 0; i < sizeof cpython_methods / sizeof cpython_methods[0]; i++) {
        if (cpython_methods[i].t != o->type) continue;
        for (const char *p = strstr(cpython_methods[i].names, n); p; p = strstr(p + 1, n))
            if (p[-1] == ' ' && p[len] == ' ') {
                char what[96];
                snprintf(what, sizeof what, "%s.", obj_type_name(o));
                return not_supported(in, in->frame->line, in->stmt_col, what, n);
            }
    }
    return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), n);
}

static int getattr(Interp *in, Obj *o, Sym name, Obj **res)
{
    Heap *h = in->h;
    if (o->type == T_INSTANCE) {
        InstanceObj *inst = (InstanceObj *)o;
        Obj **slot = instance_slot(h, inst, name, 0);
        if (slot && *slot) {
            *res = incref(h, *slot);
            return 0;
        }
        Obj *v = class_lookup(inst->cls, name);
        if (v) {
            if (v->type == T_FUNCTION) {
                *res = new_method(h, v, o);
                return *res ? 0 : exc_nomem(in);
            }
            *res = incref(h, v);
            return 0;
        }
        if (name == in->s_class) { *res = incref(h, &inst->cls->gc.ob); return 0; }
        if (slot || (inst->cls->has_slots && instance_slot(h, inst, name, 0)))
            return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), symname(in, name));
        return attr_error(in, o, name);
    }
    if (o->type == T_CLASS) {
        ClassObj *c = (ClassObj *)o;
        if (name == in->s_name) {
            *res = str_for_sym(in, c->name);
            return *res ? 0 : exc_nomem(in);
        }
        Obj *v = class_lookup(c, name);
        if (!v && name == in->s_init) v = builtin_object_init(in); /* object.__init__ */
        if (v) {
            *res = incref(h, v);
            return 0;
        }
        return attr_error(in, o, name);
    }
    if (o->type == T_MODULE) return module_getattr(in, o, name, res);
    if (o->type == T_FUNCTION && name == in->s_name) {
        *res = str_for_sym(in, ((FuncObj *)o)->name);
        return *res ? 0 : exc_nomem(in);
    }
    if (o->type == T_METHOD) {
        MethodObj *m = (MethodObj *)o;
        const char *n = symname(in, name);
        if (!strcmp(n, "__self__")) { *res = incref(h, m->self); return 0; }
        if (!strcmp(n, "__func__")) { *res = incref(h, m->func); return 0; }
    }
    if (o->type == T_ARRAY) {
        const char *n = symname(in, name);
        if (!strcmp(n, "itemsize")) { *res = make_int(in, ((ArrayObj *)o)->itemsize); return *res ? 0 : -1; }
        if (!strcmp(n, "typecode")) {
            char tc = ((ArrayObj *)o)->typecode;
            *res = make_str(in, &tc, 1);
            return *res ? 0 : -1;
        }
    }
    int r = builtin_method(in, o, name, res);
    if (r < 0) return -1;
    if (r > 0) return 0;
    return attr_error(in, o, name);
}

static int setattr(Interp *in, Obj *o, Sym name, Obj *v) /* v borrowed */
{
    Heap *h = in->h;
    if (o->type == T_INSTANCE) {
        InstanceObj *inst = (InstanceObj *)o;
        Obj **slot = instance_slot(h, inst, name, 1);
        if (!slot)
            return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), symname(in, name));
        Obj *old = *slot;
        *slot = incref(h, v);
        if (old) decref(h, old);
        return 0;
    }
    if (o->type == T_CLASS) {
        attrmap_set(h, &((ClassObj *)o)->attrs, name, incref(h, v));
        if (name == in->s_del) ((ClassObj *)o)->has_del = in->has_finalizers = 1;
        return 0;
    }
    if (o->type == T_LIST || o->type == T_DICT || o->type == T_TUPLE || o->type == T_STR || o->type == T_INT ||
        o->type == T_SET || o->type == T_FLOAT)
        return exc_set(in, X_ATTRIBUTE, "'%s' object attribute '%s' is read-only", tname(in, o), symname(in, name));
    return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), symname(in, name));
}

static int delattr(Interp *in, Obj *o, Sym name)
{
    Heap *h = in->h;
    if (o->type == T_INSTANCE) {
        InstanceObj *inst = (InstanceObj *)o;
        Obj **slot = instance_slot(h, inst, name, 0);
        if (!slot || !*slot) return exc_set(in, X_ATTRIBUTE, "%s", symname(in, name));
        Obj *old = *slot;
        *slot = NULL;
        decref(h, old);
        return 0;
    }
    return attr_error(in, o, name);
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
    if (in->depth >= RECURSION_LIMIT) {
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
    Obj *init = class_lookup(cls, in->s_init);
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
    Obj *del = class_lookup(((InstanceObj *)o)->cls, in->s_del);
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

static int is_const_node(const Node *e)
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
    if (in->depth >= RECURSION_LIMIT) {
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
            Obj *fv = (!slot || !*slot) ? class_lookup(inst->cls, callee->name) : NULL;
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

static int stmt_done(Interp *in, const Node *s)
{
    if (in->abort_run) return EX_ABORT;
    if (in->in_live) {
        /* a live statement: no step counted, no pause, its own budget */
        if (++in->live_steps > LIVE_MAX_STEPS) return EX_ABORT;
        return EX_OK;
    }
    if (in->heap_check) check_heap_now(in, s);
    in->steps++;
    in->last_line = s->line;
    if (in->steps > in->opt.max_steps) {
        in->state = RUN_LIMIT;
        return EX_ABORT;
    }
    if (in->target_line == 0 || in->target_line == s->line ||
        (in->target_step > 0 && in->steps == in->target_step)) {
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

static int exec_class(Interp *in, Node *s)
{
    Heap *h = in->h;
    ClassObj *base = NULL;
    if (s->list.n > 1) return exc_set(in, X_TYPE, "multiple inheritance is not supported by memtutor");
    if (s->list.n == 1) {
        if (eval(in, s->list.items[0]) < 0) return EX_ERR;
        Obj *b = vpop(in);
        if (b->type != T_CLASS) {
            decref(h, b);
            return exc_set(in, X_TYPE, "bases must be types");
        }
        if (!(b->flags & OF_STATIC)) base = (ClassObj *)b;
        decref(h, b);
    }
    /* the class body runs as a function of its own (a GC allocation) */
    Obj *bodyfn = new_function(h, s, s->aux, NULL, s->name);
    if (!bodyfn) return exc_nomem(in);
    AttrMap ns = {0};
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
    int r = exec_body(in, &s->body);
    in->depth--;
    in->frame = f.back;
    if (r == EX_ERR) tb_add(in, f.line, f.name);
    if (r < 0) drop_to(in, f.vs_base);
    Obj *co = NULL;
    if (r >= 0) {
        co = new_class(h, s->name, base);
        if (!co) r = exc_nomem(in);
    }
    if (co) {
        ClassObj *c = (ClassObj *)co;
        c->attrs = ns;
        ns = (AttrMap){0};
        c->has_del = class_lookup(c, in->s_del) != NULL;
        if (c->has_del) in->has_finalizers = 1;
        Obj *slots = attrmap_get(&c->attrs, in->s_slots);
        uint32_t inherited = base && base->has_slots ? base->nslots : 0;
        if (slots || (base && base->has_slots && !slots)) {
            if (slots) {
                c->has_slots = 1;
                Obj **items = NULL;
                int64_t n = 0;
                if (slots->type == T_TUPLE) { items = ((TupleObj *)slots)->items; n = ((TupleObj *)slots)->n; }
                else if (slots->type == T_LIST) { items = ((ListObj *)slots)->items; n = ((ListObj *)slots)->n; }
                else if (slots->type == T_STR) { items = &slots; n = 1; }
                c->slots = xcalloc((size_t)n + 1, sizeof(Sym));
                for (int64_t i = 0; i < n; i++) {
                    if (items[i]->type != T_STR) continue;
                    StrObj *so = (StrObj *)items[i];
                    c->slots[i] = module_intern(in->mod, so->s, so->len);
                }
                c->nslots = inherited + (uint32_t)n;
            }
        }
        (void)inherited;
    }
    for (uint32_t i = 0; i < ns.n; i++) decref(h, ns.items[i].value);
    free(ns.items);
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
        if (r == EX_CONTINUE) { r = EX_OK; continue; }
        if (r != EX_OK) break;
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
            if (eval(in, t->a) < 0) { r = EX_ERR; break; }
            obj = vpop(in);
            if (getattr(in, obj, t->name, &cur) < 0) { decref(h, obj); r = EX_ERR; break; }
        } else if (t->kind == E_SUBSCRIPT && t->b->kind != E_SLICE) {
            if (eval(in, t->a) < 0) { r = EX_ERR; break; }
            if (eval(in, t->b) < 0) { decref(h, vpop(in)); r = EX_ERR; break; }
            idx = vpop(in);
            obj = vpop(in);
            if (getitem(in, obj, idx, &cur) < 0) { decref(h, obj); decref(h, idx); r = EX_ERR; break; }
        } else {
            r = exc_set(in, X_SYNTAX, "illegal expression for augmented assignment");
            break;
        }
        vpush(in, cur);
        if (eval(in, s->b) < 0) {
            decref(h, vpop(in));
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
            if (r == EX_CONTINUE) { r = EX_OK; continue; }
            if (r != EX_OK) break;
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
        sb_printf(&in->error, "memtutor: %s: stopped after %lld statements (the statement budget; raise it with --max-steps)\n",
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
    in->live_steps = 0;
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
    if (r == EX_ERR && in->exc == X_UNSUPPORTED) {
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
    } else if (r == EX_ABORT && !in->abort_run) {
        sb_printf(in->live_err, "stopped: the statement ran over %d statements", LIVE_MAX_STEPS);
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

static void *interp_thread(void *arg)
{
    Interp *in = arg;
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
    Module *m = parse_module(filename, src, len, &pe);
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
    in->h->mem_limit = in->opt.max_memory;
    const char *hc = getenv("MEMTUTOR_HEAP_CHECK");
    in->heap_check = hc && *hc == '1';
    in->h->finalize = run_finalizer;
    in->h->finalize_ctx = in;
    if (in->opt.trace) heap_trace_enable(in->h, in->opt.event_limit ? in->opt.event_limit : 2000);
    in->s_init = module_intern(m, "__init__", 8);
    in->s_del = module_intern(m, "__del__", 7);
    in->s_slots = module_intern(m, "__slots__", 9);
    in->s_name = module_intern(m, "__name__", 8);
    in->s_dict = module_intern(m, "__dict__", 8);
    in->s_class = module_intern(m, "__class__", 9);
    in->s_self = module_intern(m, "self", 4);
    in->s_object = module_intern(m, "object", 6);
    in->s_dot0 = module_intern(m, ".0", 2);

    static const char *const tn[T_COUNT] = {
        [T_NONE] = "NoneType", [T_BOOL] = "bool", [T_INT] = "int", [T_FLOAT] = "float", [T_STR] = "str",
        [T_TUPLE] = "tuple", [T_LIST] = "list", [T_DICT] = "dict", [T_SET] = "set", [T_CLASS] = "type",
        [T_INSTANCE] = "object", [T_FUNCTION] = "function", [T_METHOD] = "method",
        [T_BUILTIN] = "builtin_function_or_method", [T_MODULE] = "module", [T_RANGE] = "range",
        [T_ARRAY] = "array.array", [T_ITER] = "iterator", [T_DICTVIEW] = "dict_view", [T_NOTIMPL] = "NotImplementedType",
    };
    in->types = xcalloc(T_COUNT, sizeof(Obj *));
    for (int t = 1; t < T_COUNT; t++) {
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
    sem_wait(&in->paused);
    in->target_step = 0;
    return in->state;
}

RunState interp_advance(Interp *in, int line)
{
    if (in->finished || !in->thread_alive) return in->state;
    in->target_step = 0;
    in->target_line = line;
    sem_post(&in->go);
    sem_wait(&in->paused);
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
    sem_wait(&in->paused);
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
            sem_wait(&in->paused);
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
    for (int t = 1; t < T_COUNT; t++) free(in->types[t]);
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
