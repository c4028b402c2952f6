/* The resolver, as CPython's Python/symtable.c and Python/ast_opt.c: which
 * names are a code unit's locals (slots), globals, or a comprehension's
 * enclosing function's; the constants (co_consts, merged module-wide by
 * value) and constant folding with CPython's limits; compile-time warnings. */
#include "interp_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"

/* ================================================================ resolver */

Code *code_new(Interp *in, CodeKind kind, const Node *node, Code *parent)
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

int code_find(const Code *c, Sym s)
{
    for (int i = 0; i < c->nlocals; i++)
        if (c->names[i] == s) return i;
    return -1;
}

int code_is_global_decl(const Code *c, Sym s)
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
    if (o->type == T_STR && !((StrObj *)o)->interned) {
        /* intern_string_constants: a str of name characters only */
        const StrObj *so = (const StrObj *)o;
        size_t i = 0;
        while (i < so->len && (so->s[i] == '_' || (so->s[i] >= '0' && so->s[i] <= '9') ||
                               ((so->s[i] | 0x20) >= 'a' && (so->s[i] | 0x20) <= 'z')))
            i++;
        if (i == so->len) ((StrObj *)o)->interned = STR_INTERNED_CONST;
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

void resolve_expr(Interp *in, Code *c, Node *e)
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

void resolve_body(Interp *in, Code *c, NodeList *body)
{
    for (int i = 0; i < body->n; i++) resolve_stmt(in, c, body->items[i]);
}

