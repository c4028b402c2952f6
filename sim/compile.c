/* The compiler: the resolved syntax tree (interp.c's symbol pass and
 * constant folding have run) to CPython 3.11 instructions, in three steps
 * as Python/compile.c takes them: codegen into basic blocks, the
 * control-flow-graph optimizer (constant jumps, jump threading, tuple
 * folding, swaps, NOP removal, exit-block copies, line numbers), and the
 * assembler (forward/backward jumps, EXTENDED_ARG, byte offsets).  Then
 * dis_module lists the result as `python3 -m dis` does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "compile_int.h"

/* ================================================================ opcodes */

typedef struct { const char *name; int num, caches; } OpInfo;
static const OpInfo op_info[] = {
#define OPC_INFO(name, num, caches) {#name, num, caches},
    OPCODES(OPC_INFO)
#undef OPC_INFO
};

static const OpInfo *op_lookup(int op)
{
    for (size_t i = 0; i < sizeof op_info / sizeof op_info[0]; i++)
        if (op_info[i].num == op) return &op_info[i];
    return NULL;
}

const char *opcode_name(int op)
{
    const OpInfo *o = op_lookup(op);
    return o ? o->name : "<unknown>";
}

int opcode_caches(int op)
{
    const OpInfo *o = op_lookup(op);
    return o ? o->caches : 0;
}

int opcode_is_jump(int op)
{
    switch (op) {
    case OPC_JUMP: case OPC_POP_JUMP_IF_FALSE: case OPC_POP_JUMP_IF_TRUE: case OPC_POP_JUMP_IF_NONE:
    case OPC_POP_JUMP_IF_NOT_NONE: case OPC_JUMP_FORWARD: case OPC_JUMP_BACKWARD: case OPC_FOR_ITER:
    case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP:
    case OPC_POP_JUMP_FORWARD_IF_FALSE: case OPC_POP_JUMP_FORWARD_IF_TRUE:
    case OPC_POP_JUMP_FORWARD_IF_NONE: case OPC_POP_JUMP_FORWARD_IF_NOT_NONE:
    case OPC_POP_JUMP_BACKWARD_IF_FALSE: case OPC_POP_JUMP_BACKWARD_IF_TRUE:
    case OPC_POP_JUMP_BACKWARD_IF_NONE: case OPC_POP_JUMP_BACKWARD_IF_NOT_NONE:
        return 1;
    default: return 0;
    }
}

int opcode_is_uncond_jump(int op) { return op == OPC_JUMP || op == OPC_JUMP_FORWARD || op == OPC_JUMP_BACKWARD; }
/* ================================================================ memory */

void *compile_alloc(Mem *m, size_t n)
{
    void *p = xcalloc(1, n ? n : 1);
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        m->p = xrealloc(m->p, m->cap * sizeof(void *));
    }
    m->p[m->n++] = p;
    return p;
}

/* ================================================================ the graph */

Block *compile_new_block(C *c)
{
    Block *b = compile_alloc(c->mem, sizeof(Block));
    b->list = c->u->blocks;
    c->u->blocks = b;
    return b;
}

static void use_next_block(C *c, Block *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
}

void compile_block_add(Block *b, int op, int arg, int line, Block *target)
{
    GROW(b->ins, b->n, b->cap);
    b->ins[b->n++] = (BInstr){op, arg, line, target};
}

static void emit(C *c, int op, int arg) { compile_block_add(c->u->cur, op, arg, c->u->line, NULL); }
static void emit_noline(C *c, int op, int arg) { compile_block_add(c->u->cur, op, arg, -1, NULL); }

/* A jump ends its block (CPython's NEXT_BLOCK after every jump). */
static void emit_jump_line(C *c, int op, Block *target, int line)
{
    compile_block_add(c->u->cur, op, 0, line, target);
    use_next_block(c, compile_new_block(c));
}
static void emit_jump(C *c, int op, Block *target) { emit_jump_line(c, op, target, c->u->line); }

/* ================================================================ constants */

static int obj_const_eq(const Obj *a, const Obj *b)
{
    if (a == b) return 1;
    if (a->type != b->type) return 0;
    switch (a->type) {
    case T_INT:
        if ((a->flags & OF_BIG) != (b->flags & OF_BIG)) return 0;
        if (a->flags & OF_BIG) return bi_cmp(((const IntObj *)a)->big, ((const IntObj *)b)->big) == 0;
        return ((const IntObj *)a)->v == ((const IntObj *)b)->v;
    case T_FLOAT: return memcmp(&((const FloatObj *)a)->v, &((const FloatObj *)b)->v, sizeof(double)) == 0;
    case T_STR: {
        const StrObj *x = (const StrObj *)a, *y = (const StrObj *)b;
        return x->len == y->len && !memcmp(x->s, y->s, x->len);
    }
    default: return 0;
    }
}

static int const_str(const Const *k, const char **s, size_t *n)
{
    if (k->kind == CK_STR) { *s = k->s; *n = k->len; return 1; }
    if (k->kind == CK_OBJ && k->obj->type == T_STR) {
        *s = ((const StrObj *)k->obj)->s;
        *n = ((const StrObj *)k->obj)->len;
        return 1;
    }
    return 0;
}

static int const_eq(const Const *a, const Const *b)
{
    const char *s1, *s2;
    size_t n1, n2;
    if (a == b) return 1;
    if (const_str(a, &s1, &n1) && const_str(b, &s2, &n2)) return n1 == n2 && !memcmp(s1, s2, n1);
    if (a->kind != b->kind) return 0;
    switch (a->kind) {
    case CK_OBJ: return obj_const_eq(a->obj, b->obj);
    case CK_TUPLE: case CK_FROZENSET:
        if (a->n != b->n) return 0;
        for (int i = 0; i < a->n; i++)
            if (!const_eq(a->items[i], b->items[i])) return 0;
        return 1;
    case CK_CODE: return a->code == b->code;
    default: return 0;
    }
}

Const *compile_const_new(C *c, ConstKind kind)
{
    Const *k = compile_alloc(c->mem, sizeof(Const));
    k->kind = kind;
    return k;
}

/* An interpreter constant; a tuple becomes a tuple of constants (so that it
 * merges with tuples the optimizer folds), keeping its object. */
Const *compile_const_obj(C *c, Obj *o)
{
    if (o->type == T_TUPLE) {
        TupleObj *t = (TupleObj *)o;
        Const *k = compile_const_new(c, CK_TUPLE);
        k->obj = o;
        k->n = (int)t->n;
        k->items = compile_alloc(c->mem, t->n * sizeof(Const *));
        for (uint32_t i = 0; i < t->n; i++) k->items[i] = compile_const_obj(c, t->items[i]);
        return k;
    }
    Const *k = compile_const_new(c, CK_OBJ);
    k->obj = o;
    return k;
}

static Const *const_sym(C *c, Sym s)
{
    Const *k = compile_const_new(c, CK_STR);
    k->s = module_symname(c->in->mod, s);
    k->len = strlen(k->s);
    return k;
}

int compile_add_const(C *c, Const *k)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++)
        if (const_eq(u->consts[i], k)) return i;
    GROW(u->consts, u->nconsts, u->consts_cap);
    u->consts[u->nconsts] = k;
    return u->nconsts++;
}

static void load_const(C *c, Const *k) { emit(c, OPC_LOAD_CONST, compile_add_const(c, k)); }

/* The constant an expression is after the AST optimizer, or NULL. */
static Obj *expr_const(C *c, const Node *e)
{
    Heap *h = c->in->h;
    switch (e->kind) {
    case E_NONE: return h->none;
    case E_TRUE: return h->true_;
    case E_FALSE: return h->false_;
    case E_INT:
        if (is_small_int(e->ival)) return &h->small_ints[e->ival - SMALL_INT_MIN].ob;
        return e->aux;
    case E_BIGINT: case E_FLOAT: case E_STR: return e->aux;
    case E_UNARY:
        if (!e->aux && e->op == UOP_POS) {
            /* ast_opt folds +x too: the same int or float */
            Obj *a = expr_const(c, e->a);
            if (a && (a->type == T_INT || a->type == T_FLOAT)) return a;
        }
        return e->aux;
    case E_TUPLE: case E_BINOP: return e->aux;
    default: return NULL;
    }
}

int compile_const_truth(C *c, const Const *k)
{
    switch (k->kind) {
    case CK_OBJ: return obj_truth(c->in, k->obj);
    case CK_STR: return k->len > 0;
    case CK_TUPLE: case CK_FROZENSET: return k->n > 0;
    default: return 1;
    }
}

/* ================================================================ names */

int compile_sym_find(const Sym *a, int n, Sym s)
{
    for (int i = 0; i < n; i++)
        if (a[i] == s) return i;
    return -1;
}

static int add_name(Sym **a, int *n, int *cap, Sym s)
{
    int i = compile_sym_find(*a, *n, s);
    if (i >= 0) return i;
    GROW(*a, *n, *cap);
    (*a)[*n] = s;
    return (*n)++;
}

static int name_index(C *c, Sym s) { return add_name(&c->u->names, &c->u->nnames, &c->u->names_cap, s); }
static int varname_index(C *c, Sym s) { return add_name(&c->u->varnames, &c->u->nvarnames, &c->u->varnames_cap, s); }

static int is_global_decl(const Code *rc, Sym s)
{
    for (int i = 0; i < rc->nglobals_decl; i++)
        if (rc->globals_decl[i] == s) return 1;
    return 0;
}

static int is_fast_unit(const Unit *u) { return u->kind == CODE_FUNC || u->kind == CODE_COMP; }

enum { CTX_LOAD, CTX_STORE, CTX_DEL };

/* compiler_nameop: which family of instructions a name takes in this unit */
static void name_op(C *c, Sym s, int ctx)
{
    Unit *u = c->u;
    int j;
    static const int deref[3] = {OPC_LOAD_DEREF, OPC_STORE_DEREF, OPC_DELETE_DEREF};
    static const int fast[3] = {OPC_LOAD_FAST, OPC_STORE_FAST, OPC_DELETE_FAST};
    static const int global[3] = {OPC_LOAD_GLOBAL, OPC_STORE_GLOBAL, OPC_DELETE_GLOBAL};
    static const int name[3] = {OPC_LOAD_NAME, OPC_STORE_NAME, OPC_DELETE_NAME};
    if ((j = compile_sym_find(u->frees, u->nfrees, s)) >= 0) {
        emit(c, deref[ctx], DEREF_FREE | j);
        return;
    }
    if ((j = compile_sym_find(u->cells, u->ncells, s)) >= 0) {
        emit(c, deref[ctx], DEREF_CELL | j);
        return;
    }
    if ((u->rc && is_global_decl(u->rc, s)) ||
        (u->kind == CODE_MODULE && compile_sym_find(c->mglobals, c->nmglobals, s) >= 0) ||
        (u->kind == CODE_CLASS && compile_sym_find(u->cglobals, u->ncglobals, s) >= 0)) {
        int k = name_index(c, s);
        emit(c, global[ctx], ctx == CTX_LOAD ? k << 1 : k);
        return;
    }
    if (is_fast_unit(u)) {
        if (u->rc && compile_sym_find(u->rc->names, u->rc->nlocals, s) >= 0) {
            emit(c, fast[ctx], varname_index(c, s));
            return;
        }
        int k = name_index(c, s);
        emit(c, global[ctx], ctx == CTX_LOAD ? k << 1 : k);
        return;
    }
    emit(c, name[ctx], name_index(c, s));
}

/* ================================================================ scopes */

static void sym_add_sorted(C *c, Sym **a, int *n, Sym s)
{
    if (compile_sym_find(*a, *n, s) >= 0) return;
    *a = xrealloc(*a, (size_t)(*n + 1) * sizeof(Sym));
    const char *name = module_symname(c->in->mod, s);
    int i = *n;
    while (i > 0 && strcmp(module_symname(c->in->mod, (*a)[i - 1]), name) > 0) {
        (*a)[i] = (*a)[i - 1];
        i--;
    }
    (*a)[i] = s;
    (*n)++;
}

static void scan_expr(C *c, Code *rc, const Node *e);

static void scan_list(C *c, Code *rc, const NodeList *l)
{
    for (int i = 0; i < l->n; i++) scan_expr(c, rc, l->items[i]);
}

/* A comprehension's name resolved to an enclosing function's local makes it
 * a cell there and a free variable of every comprehension in between. */
static void scan_expr(C *c, Code *rc, const Node *e)
{
    if (!e) return;
    switch (e->kind) {
    case E_NAME:
        if (e->scope == SC_ENCLOSING) {
            Code *x = rc;
            for (int d = 0; d < e->op && x; d++) {
                sym_add_sorted(c, &c->sv[x->index].frees, &c->sv[x->index].nfrees, e->name);
                x = x->parent;
            }
            if (x) sym_add_sorted(c, &c->sv[x->index].cells, &c->sv[x->index].ncells, e->name);
        }
        return;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: {
        Code *cc = e->aux;
        scan_expr(c, rc, e->comp.items[0].iter);
        for (int i = 0; i < e->comp.n; i++) {
            if (i > 0) scan_expr(c, cc, e->comp.items[i].iter);
            scan_expr(c, cc, e->comp.items[i].target);
            scan_list(c, cc, &e->comp.items[i].ifs);
        }
        scan_expr(c, cc, e->a);
        scan_expr(c, cc, e->b);
        return;
    }
    default:
        if (expr_const(c, e)) return;
        scan_expr(c, rc, e->a);
        scan_expr(c, rc, e->b);
        scan_expr(c, rc, e->c);
        scan_list(c, rc, &e->list);
        scan_list(c, rc, &e->list2);
        return;
    }
}

static void scan_body(C *c, Code *rc, const NodeList *body)
{
    for (int i = 0; i < body->n; i++) {
        const Node *s = body->items[i];
        switch (s->kind) {
        case S_DEF:
            scan_list(c, rc, &s->list);
            scan_body(c, s->aux, &s->body);
            break;
        case S_CLASS:
            scan_list(c, rc, &s->list);
            scan_body(c, s->aux, &s->body);
            break;
        default:
            scan_expr(c, rc, s->a);
            scan_expr(c, rc, s->b);
            scan_list(c, rc, &s->list);
            scan_body(c, rc, &s->body);
            scan_body(c, rc, &s->orelse);
            break;
        }
    }
}

static void sym_push(Sym **a, int *n, Sym s)
{
    if (compile_sym_find(*a, *n, s) >= 0) return;
    *a = xrealloc(*a, (size_t)(*n + 1) * sizeof(Sym));
    (*a)[(*n)++] = s;
}

/* What the module's symbol table knows: the names an import binds there
 * (their method calls are not optimized: is_import_originated), and the
 * names declared global outside functions. */
static void scan_module_scope(C *c, const NodeList *body, int in_class)
{
    for (int i = 0; i < body->n; i++) {
        const Node *s = body->items[i];
        switch (s->kind) {
        case S_IMPORT: case S_FROMIMPORT:
            if (in_class) break;
            for (int j = 0; j < s->syms.n; j++) {
                Sym as = s->syms2.items ? s->syms2.items[j] : 0;
                sym_push(&c->imported, &c->nimported, as ? as : s->syms.items[j]);
            }
            break;
        case S_CLASS: scan_module_scope(c, &s->body, 1); break;
        case S_IF: case S_WHILE: case S_FOR:
            scan_module_scope(c, &s->body, in_class);
            scan_module_scope(c, &s->orelse, in_class);
            break;
        default: break;
        }
    }
}

/* Every `global NAME` (in any function or class) is a global of the module
 * scope too (symtable_add_def puts DEF_GLOBAL in st_global); with
 * defs = 0, those of one class body. */
static void collect_global_stmts(const NodeList *body, int defs, Sym **a, int *n)
{
    for (int i = 0; i < body->n; i++) {
        const Node *s = body->items[i];
        if (s->kind == S_GLOBAL)
            for (int j = 0; j < s->syms.n; j++) sym_push(a, n, s->syms.items[j]);
        if ((s->kind == S_DEF || s->kind == S_CLASS) && !defs) continue;
        collect_global_stmts(&s->body, defs, a, n);
        collect_global_stmts(&s->orelse, defs, a, n);
    }
}

/* ================================================================ units */

static void enter_unit(C *c, Unit *u, Code *rc, CodeKind kind, const char *name, int firstlineno)
{
    u->rc = rc;
    u->kind = kind;
    u->name = name;
    u->firstlineno = firstlineno;
    u->parent = c->u;
    u->nested = u->parent && (u->parent->nested || is_fast_unit(u->parent));
    if (rc) {
        ScopeVars *sv = &c->sv[rc->index];
        u->cells = sv->cells;
        u->ncells = sv->ncells;
        u->frees = sv->frees;
        u->nfrees = sv->nfrees;
    }
    /* compiler_set_qualname */
    if (!u->parent || kind == CODE_MODULE) {
        u->qualname = compile_alloc(c->mem, strlen(name) + 1);
        strcpy(u->qualname, name);
    } else {
        Unit *p = u->parent;
        const char *base = p->qualname;
        int locals = p->kind == CODE_FUNC || p->kind == CODE_COMP;
        if (p->kind == CODE_MODULE) base = NULL;
        size_t n = (base ? strlen(base) + 10 : 0) + strlen(name) + 2;
        u->qualname = compile_alloc(c->mem, n);
        if (base) snprintf(u->qualname, n, "%s%s.%s", base, locals ? ".<locals>" : "", name);
        else snprintf(u->qualname, n, "%s", name);
    }
    c->u = u;
    u->entry = u->cur = compile_new_block(c);
    u->line = kind == CODE_MODULE ? 0 : firstlineno;
    emit(c, OPC_RESUME, 0);
    if (kind == CODE_MODULE) u->line = -1;
}

static void compile_scope_body(C *c, const NodeList *body);

static CodeObj *leave_unit(C *c)
{
    /* every block that falls off the end returns None */
    Block *cur = c->u->cur;
    if (!cur->n || cur->ins[cur->n - 1].op != OPC_RETURN_VALUE) {
        c->u->line = -1;
        load_const(c, compile_const_obj(c, c->in->h->none));
        emit(c, OPC_RETURN_VALUE, 0);
    }
    CodeObj *co = compile_assemble(c);
    c->u = c->u->parent;
    return co;
}

/* ================================================================ codegen */

static void compile_expr(C *c, Node *e);
static void compile_body(C *c, const NodeList *body);
static void jump_if(C *c, Node *e, Block *next, int cond);
static void store_target(C *c, Node *t);

#define STACK_USE_GUIDELINE 30

static int nb_op(int op)
{
    static const int nb[] = {
        [OP_ADD] = 0, [OP_SUB] = 10, [OP_MUL] = 5, [OP_DIV] = 11, [OP_FLOORDIV] = 2, [OP_MOD] = 6,
        [OP_POW] = 8, [OP_LSHIFT] = 3, [OP_RSHIFT] = 9, [OP_BITAND] = 1, [OP_BITOR] = 7, [OP_BITXOR] = 12,
        [OP_MATMUL] = 4,
    };
    return nb[op];
}

static void compare_op(C *c, int op)
{
    switch (op) {
    case CMP_IS: emit(c, OPC_IS_OP, 0); break;
    case CMP_IS_NOT: emit(c, OPC_IS_OP, 1); break;
    case CMP_IN: emit(c, OPC_CONTAINS_OP, 0); break;
    case CMP_NOT_IN: emit(c, OPC_CONTAINS_OP, 1); break;
    default: {
        static const int cmp[] = {[CMP_EQ] = 2, [CMP_NE] = 3, [CMP_LT] = 0, [CMP_LE] = 1, [CMP_GT] = 4, [CMP_GE] = 5};
        emit(c, OPC_COMPARE_OP, cmp[op]);
    }
    }
}

static int all_const(C *c, const NodeList *l, int from, int to)
{
    for (int i = from; i < to; i++)
        if (!expr_const(c, l->items[i])) return 0;
    return 1;
}

static Const *tuple_of(C *c, const NodeList *l, int from, int to, ConstKind kind)
{
    Const *k = compile_const_new(c, kind);
    k->n = to - from;
    k->items = compile_alloc(c->mem, (size_t)k->n * sizeof(Const *));
    for (int i = from; i < to; i++) k->items[i - from] = compile_const_obj(c, expr_const(c, l->items[i]));
    return k;
}

/* starunpack_helper, for displays without starred items */
static void starunpack(C *c, const NodeList *elts, int pushed, int build, int add, int extend, int tuple)
{
    int n = elts->n;
    if (n > 2 && all_const(c, elts, 0, n)) {
        Const *folded = tuple_of(c, elts, 0, n, add == OPC_SET_ADD ? CK_FROZENSET : CK_TUPLE);
        if (tuple && !pushed) {
            load_const(c, folded);
        } else {
            emit(c, build, pushed);
            load_const(c, folded);
            emit(c, extend, 1);
            if (tuple) emit(c, OPC_LIST_TO_TUPLE, 0);
        }
        return;
    }
    if (n + pushed <= STACK_USE_GUIDELINE) {
        for (int i = 0; i < n; i++) compile_expr(c, elts->items[i]);
        emit(c, tuple ? OPC_BUILD_TUPLE : build, n + pushed);
        return;
    }
    emit(c, build, pushed);
    for (int i = 0; i < n; i++) {
        compile_expr(c, elts->items[i]);
        emit(c, add, 1);
    }
    if (tuple) emit(c, OPC_LIST_TO_TUPLE, 0);
}

static void subdict(C *c, Node *e, int begin, int end)
{
    int n = end - begin, big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && all_const(c, &e->list, begin, end)) {
        for (int i = begin; i < end; i++) compile_expr(c, e->list2.items[i]);
        load_const(c, tuple_of(c, &e->list, begin, end, CK_TUPLE));
        emit(c, OPC_BUILD_CONST_KEY_MAP, n);
        return;
    }
    if (big) emit(c, OPC_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        compile_expr(c, e->list.items[i]);
        compile_expr(c, e->list2.items[i]);
        if (big) emit(c, OPC_MAP_ADD, 1);
    }
    if (!big) emit(c, OPC_BUILD_MAP, n);
}

static void compile_dict(C *c, Node *e)
{
    int n = e->list.n, elements = 0, have_dict = 0;
    for (int i = 0; i < n; i++) {
        if (elements * 2 > STACK_USE_GUIDELINE) {
            subdict(c, e, i - elements, i + 1);
            if (have_dict) emit(c, OPC_DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        subdict(c, e, n - elements, n);
        if (have_dict) emit(c, OPC_DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict) emit(c, OPC_BUILD_MAP, 0);
}

static Const *kwnames_const(C *c, const Node *e)
{
    Const *k = compile_const_new(c, CK_TUPLE);
    k->n = e->kwnames.n;
    k->items = compile_alloc(c->mem, (size_t)k->n * sizeof(Const *));
    for (int i = 0; i < k->n; i++) k->items[i] = const_sym(c, e->kwnames.items[i]);
    return k;
}

/* compiler_call_helper, without starred arguments */
static void call_helper(C *c, int n, const NodeList *args, Node *e)
{
    int nelts = args->n, nkw = e ? e->kwnames.n : 0;
    if (nelts + nkw * 2 > STACK_USE_GUIDELINE) {
        starunpack(c, args, n, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND, 1);
        if (nkw) {
            int big = nkw * 2 > STACK_USE_GUIDELINE;
            if (nkw > 1 && !big) {
                for (int i = 0; i < nkw; i++) compile_expr(c, e->list2.items[i]);
                load_const(c, kwnames_const(c, e));
                emit(c, OPC_BUILD_CONST_KEY_MAP, nkw);
            } else {
                if (big) emit(c, OPC_BUILD_MAP, 0);
                for (int i = 0; i < nkw; i++) {
                    load_const(c, const_sym(c, e->kwnames.items[i]));
                    compile_expr(c, e->list2.items[i]);
                    if (big) emit(c, OPC_MAP_ADD, 1);
                }
                if (!big) emit(c, OPC_BUILD_MAP, nkw);
            }
        }
        emit(c, OPC_CALL_FUNCTION_EX, nkw > 0);
        return;
    }
    for (int i = 0; i < nelts; i++) compile_expr(c, args->items[i]);
    if (nkw) {
        for (int i = 0; i < nkw; i++) compile_expr(c, e->list2.items[i]);
        emit(c, OPC_KW_NAMES, compile_add_const(c, kwnames_const(c, e)));
    }
    emit(c, OPC_PRECALL, n + nelts + nkw);
    emit(c, OPC_CALL, n + nelts + nkw);
}

static void compile_call(C *c, Node *e)
{
    Node *f = e->a;
    int nargs = e->list.n, nkw = e->kwnames.n;
    int imported = f->kind == E_ATTR && f->a->kind == E_NAME && compile_sym_find(c->imported, c->nimported, f->a->name) >= 0;
    if (f->kind == E_ATTR && !imported && nargs + nkw + (nkw != 0) < STACK_USE_GUIDELINE) {
        /* maybe_optimize_method_call */
        compile_expr(c, f->a);
        int old = c->u->line;
        c->u->line = f->end_line;
        emit(c, OPC_LOAD_METHOD, name_index(c, f->name));
        for (int i = 0; i < nargs; i++) compile_expr(c, e->list.items[i]);
        if (nkw) {
            for (int i = 0; i < nkw; i++) compile_expr(c, e->list2.items[i]);
            emit(c, OPC_KW_NAMES, compile_add_const(c, kwnames_const(c, e)));
        }
        emit(c, OPC_PRECALL, nargs + nkw);
        emit(c, OPC_CALL, nargs + nkw);
        c->u->line = old;
        return;
    }
    c->u->line = f->line;
    emit(c, OPC_PUSH_NULL, 0);
    c->u->line = e->line;
    compile_expr(c, f);
    call_helper(c, 0, &e->list, e);
}

static void compile_iter(C *c, Node *e);

static void compile_last_comparator(C *c, Node *e)
{
    int n = e->list.n - 1;
    if (e->ops[n] == CMP_IN || e->ops[n] == CMP_NOT_IN) compile_iter(c, e->list.items[n]);
    else compile_expr(c, e->list.items[n]);
}

static void compile_compare(C *c, Node *e)
{
    int n = e->list.n - 1;
    compile_expr(c, e->a);
    if (n == 0) {
        compile_last_comparator(c, e);
        compare_op(c, e->ops[0]);
        return;
    }
    Block *cleanup = compile_new_block(c);
    for (int i = 0; i < n; i++) {
        compile_expr(c, e->list.items[i]);
        emit(c, OPC_SWAP, 2);
        emit(c, OPC_COPY, 2);
        compare_op(c, e->ops[i]);
        emit_jump(c, OPC_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_last_comparator(c, e);
    compare_op(c, e->ops[n]);
    Block *end = compile_new_block(c);
    emit_jump_line(c, OPC_JUMP, end, -1);
    use_next_block(c, cleanup);
    emit(c, OPC_SWAP, 2);
    emit(c, OPC_POP_TOP, 0);
    use_next_block(c, end);
}

/* Make the function object for a compiled unit (compiler_make_closure). */
static void make_closure(C *c, CodeObj *co, Unit *child, int flags)
{
    if (child->nfrees) {
        for (int i = 0; i < child->nfrees; i++) {
            Sym s = child->frees[i];
            int j = compile_sym_find(c->u->cells, c->u->ncells, s);
            if (j >= 0) emit(c, OPC_LOAD_CLOSURE, DEREF_CELL | j);
            else emit(c, OPC_LOAD_CLOSURE, DEREF_FREE | compile_sym_find(c->u->frees, c->u->nfrees, s));
        }
        flags |= 8;
        emit(c, OPC_BUILD_TUPLE, child->nfrees);
    }
    Const *k = compile_const_new(c, CK_CODE);
    k->code = co;
    load_const(c, k);
    emit(c, OPC_MAKE_FUNCTION, flags);
}

static void comp_generator(C *c, Node *e, int gen, int depth)
{
    CompFor *g = &e->comp.items[gen];
    Block *start = compile_new_block(c), *if_cleanup = compile_new_block(c), *anchor = compile_new_block(c);
    if (gen == 0) {
        emit(c, OPC_LOAD_FAST, 0);
    } else {
        if ((g->iter->kind == E_LIST || g->iter->kind == E_TUPLE) && g->iter->list.n == 1 &&
            !expr_const(c, g->iter)) {
            compile_expr(c, g->iter->list.items[0]);
            start = NULL;
        }
        if (start) {
            compile_iter(c, g->iter);
            emit(c, OPC_GET_ITER, 0);
        }
    }
    if (start) {
        depth++;
        use_next_block(c, start);
        emit_jump(c, OPC_FOR_ITER, anchor);
    }
    store_target(c, g->target);
    for (int i = 0; i < g->ifs.n; i++) jump_if(c, g->ifs.items[i], if_cleanup, 0);
    if (gen + 1 < e->comp.n) {
        comp_generator(c, e, gen + 1, depth);
    } else {
        compile_expr(c, e->a);
        if (e->kind == E_DICTCOMP) compile_expr(c, e->b);
        emit(c, e->kind == E_LISTCOMP ? OPC_LIST_APPEND : e->kind == E_SETCOMP ? OPC_SET_ADD : OPC_MAP_ADD,
             depth + 1);
    }
    use_next_block(c, if_cleanup);
    if (start) {
        emit_jump(c, OPC_JUMP, start);
        use_next_block(c, anchor);
    }
}

static void compile_comp(C *c, Node *e)
{
    const char *name = e->kind == E_LISTCOMP ? "<listcomp>" : e->kind == E_SETCOMP ? "<setcomp>" : "<dictcomp>";
    Unit *u = compile_alloc(c->mem, sizeof(Unit));
    enter_unit(c, u, e->aux, CODE_COMP, name, e->line);
    u->line = e->line;
    varname_index(c, c->in->s_dot0);
    emit(c, e->kind == E_LISTCOMP ? OPC_BUILD_LIST : e->kind == E_SETCOMP ? OPC_BUILD_SET : OPC_BUILD_MAP, 0);
    comp_generator(c, e, 0, 0);
    emit(c, OPC_RETURN_VALUE, 0);
    u->firstlineno = e->line;
    CodeObj *co = leave_unit(c);
    co->argcount = 1;
    make_closure(c, co, u, 0);
    compile_iter(c, e->comp.items[0].iter);
    emit(c, OPC_GET_ITER, 0);
    emit(c, OPC_PRECALL, 0);
    emit(c, OPC_CALL, 0);
}

static void compile_fstring_parts(C *c, Node *e)
{
    int n = e->list.n;
    if (n > STACK_USE_GUIDELINE) {
        Const *empty = compile_const_new(c, CK_STR);
        empty->s = "";
        load_const(c, empty);
        emit(c, OPC_LOAD_METHOD, name_index(c, module_intern(c->in->mod, "join", 4)));
        emit(c, OPC_BUILD_LIST, 0);
        for (int i = 0; i < n; i++) {
            compile_expr(c, e->list.items[i]);
            emit(c, OPC_LIST_APPEND, 1);
        }
        emit(c, OPC_PRECALL, 1);
        emit(c, OPC_CALL, 1);
        return;
    }
    for (int i = 0; i < n; i++) compile_expr(c, e->list.items[i]);
    if (n != 1) emit(c, OPC_BUILD_STRING, n);
}

static void compile_expr(C *c, Node *e);

/* ast_opt's fold_subscr: a constant str or tuple indexed by a constant int
 * (in range) is the item. */
static Const *fold_subscr(C *c, const Node *e)
{
    Obj *v = expr_const(c, e->a), *ix = e->b->kind == E_SLICE ? NULL : expr_const(c, e->b);
    if (!v || !ix || (ix->type != T_INT && ix->type != T_BOOL) || (ix->flags & OF_BIG)) return NULL;
    int64_t i = ix->type == T_BOOL ? ix == c->in->h->true_ : ((IntObj *)ix)->v;
    if (v->type == T_TUPLE) {
        TupleObj *t = (TupleObj *)v;
        if (i < 0) i += t->n;
        if (i < 0 || i >= t->n) return NULL;
        return compile_const_obj(c, t->items[i]);
    }
    if (v->type != T_STR) return NULL;
    StrObj *str = (StrObj *)v;
    if (i < 0) i += str->nchars;
    if (i < 0 || i >= str->nchars) return NULL;
    const unsigned char *p = (const unsigned char *)str->s, *end = p + str->len;
    for (int64_t k = 0; k < i; k++) {
        p++;
        while (p < end && (*p & 0xC0) == 0x80) p++;
    }
    const unsigned char *q = p + 1;
    while (q < end && (*q & 0xC0) == 0x80) q++;
    Const *k = compile_const_new(c, CK_STR);
    k->s = (const char *)p;
    k->len = (size_t)(q - p);
    return k;
}

/* ast_opt's fold_iter: a list display iterated over (for, a comprehension,
 * the right of `in`) is a tuple, a set display of constants a frozenset. */
static void compile_iter(C *c, Node *e)
{
    if (e->kind == E_LIST || (e->kind == E_SET && all_const(c, &e->list, 0, e->list.n))) {
        int old = c->u->line;
        c->u->line = e->line;
        if (all_const(c, &e->list, 0, e->list.n))
            load_const(c, tuple_of(c, &e->list, 0, e->list.n, e->kind == E_SET ? CK_FROZENSET : CK_TUPLE));
        else
            starunpack(c, &e->list, 0, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND, 1);
        c->u->line = old;
        return;
    }
    compile_expr(c, e);
}

/* ast_opt's fold_unaryop: `not a in b` is `a not in b` (and is / is not);
 * the node's operator is flipped only while it compiles. */
static int inverted_compare(const Node *e)
{
    if (e->kind != E_UNARY || e->op != UOP_NOT || e->a->kind != E_COMPARE || e->a->list.n != 1) return -1;
    switch (e->a->ops[0]) {
    case CMP_IS: return CMP_IS_NOT;
    case CMP_IS_NOT: return CMP_IS;
    case CMP_IN: return CMP_NOT_IN;
    case CMP_NOT_IN: return CMP_IN;
    default: return -1;
    }
}

/* ast_opt's optimize_format: 'lit %s lit %r' % (a, b), with only s, r and a
 * conversions (width and precision of at most 2 digits), is the f-string
 * f'lit {a!s} lit {b!r}'; its literals have no line of their own.  Returns 0
 * (nothing emitted) when the format is not that simple. */
#define FMT_MAXDIGITS 3
typedef struct { size_t start, end; int conv; char spec[16]; } FmtPiece;

static int fmt_parse_arg(const char *f, size_t len, size_t *ppos, int *conv, char *spec)
{
    size_t pos = *ppos;
    int ljust = 0, width = -1, prec = -1;
    char ch;
#define NEXTC do { if (pos >= len) return 0; ch = f[pos++]; } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-') { ljust = 1; continue; }
        if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') continue;
        break;
    }
    if (ch >= '0' && ch <= '9') {
        int digits = 0;
        width = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (ch - '0');
            NEXTC;
            if (++digits >= FMT_MAXDIGITS) return 0;
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            prec = prec * 10 + (ch - '0');
            NEXTC;
            if (++digits >= FMT_MAXDIGITS) return 0;
        }
    }
#undef NEXTC
    if (ch != 's' && ch != 'r' && ch != 'a') return 0;
    *conv = ch == 's' ? 1 : ch == 'r' ? 2 : 3;
    char *p = spec;
    if (!ljust && width > 0) *p++ = '>';
    if (width >= 0) p += sprintf(p, "%d", width);
    if (prec >= 0) p += sprintf(p, ".%d", prec);
    *p = 0;
    *ppos = pos;
    return 1;
}

static int compile_percent(C *c, Node *e)
{
    Obj *fo = expr_const(c, e->a);
    if (!fo || fo->type != T_STR) return 0;
    const char *f = ((StrObj *)fo)->s;
    size_t len = ((StrObj *)fo)->len, pos = 0;
    int nargs = e->b->list.n, cnt = 0, n = 0;
    FmtPiece *pc = xcalloc((size_t)nargs * 2 + 2, sizeof(FmtPiece));
    for (;;) {
        size_t start = pos;
        while (pos < len && (f[pos] != '%' || (pos + 1 < len && f[pos + 1] == '%'))) pos += f[pos] == '%' ? 2 : 1;
        if (pos > start) pc[n++] = (FmtPiece){start, pos, 0, ""};
        if (pos >= len) break;
        if (cnt >= nargs) goto no;
        pos++;
        if (!fmt_parse_arg(f, len, &pos, &pc[n].conv, pc[n].spec)) goto no;
        pc[n].start = (size_t)cnt++;
        n++;
    }
    if (cnt < nargs) goto no;
    int old = c->u->line;
    for (int i = 0; i < n; i++) {
        if (!pc[i].conv) {
            /* the literal, with %% as % */
            char *lit = compile_alloc(c->mem, pc[i].end - pc[i].start + 1);
            size_t k = 0;
            for (size_t j = pc[i].start; j < pc[i].end; j++) {
                lit[k++] = f[j];
                if (f[j] == '%') j++;
            }
            Const *kc = compile_const_new(c, CK_STR);
            kc->s = lit;
            kc->len = k;
            c->u->line = -1;
            load_const(c, kc);
            c->u->line = old;
            continue;
        }
        compile_expr(c, e->b->list.items[pc[i].start]);
        int arg = pc[i].conv;
        if (pc[i].spec[0]) {
            Const *kc = compile_const_new(c, CK_STR);
            kc->len = strlen(pc[i].spec);
            char *sp = compile_alloc(c->mem, kc->len + 1);
            memcpy(sp, pc[i].spec, kc->len);
            kc->s = sp;
            c->u->line = -1;
            load_const(c, kc);
            c->u->line = old;
            arg |= 4;
        }
        emit(c, OPC_FORMAT_VALUE, arg);
    }
    if (n != 1) emit(c, OPC_BUILD_STRING, n);
    free(pc);
    return 1;
no:
    free(pc);
    return 0;
}

static void compile_expr(C *c, Node *e)
{
    int inv = inverted_compare(e);
    if (inv >= 0) {
        uint8_t was = e->a->ops[0];
        e->a->ops[0] = (uint8_t)inv;
        compile_expr(c, e->a);
        e->a->ops[0] = was;
        return;
    }
    int old = c->u->line;
    c->u->line = e->line;
    Obj *k = expr_const(c, e);
    if (k) {
        load_const(c, compile_const_obj(c, k));
        c->u->line = old;
        return;
    }
    switch (e->kind) {
    case E_NAME: name_op(c, e->name, CTX_LOAD); break;
    case E_FSTRING: compile_fstring_parts(c, e); break;
    case E_FORMAT: {
        compile_expr(c, e->a);
        int arg = e->op == 's' ? 1 : e->op == 'r' ? 2 : e->op == 'a' ? 3 : 0;
        if (e->b) {
            compile_expr(c, e->b);
            arg |= 4;
        }
        emit(c, OPC_FORMAT_VALUE, arg);
        break;
    }
    case E_LIST: starunpack(c, &e->list, 0, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND, 0); break;
    case E_TUPLE: starunpack(c, &e->list, 0, OPC_BUILD_LIST, OPC_LIST_APPEND, OPC_LIST_EXTEND, 1); break;
    case E_SET: starunpack(c, &e->list, 0, OPC_BUILD_SET, OPC_SET_ADD, OPC_SET_UPDATE, 0); break;
    case E_DICT: compile_dict(c, e); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: compile_comp(c, e); break;
    case E_BINOP:
        if (e->op == OP_MOD && e->b->kind == E_TUPLE && !expr_const(c, e->b) && compile_percent(c, e)) break;
        compile_expr(c, e->a);
        compile_expr(c, e->b);
        emit(c, OPC_BINARY_OP, nb_op(e->op));
        break;
    case E_UNARY: {
        static const int uop[] = {[UOP_NEG] = OPC_UNARY_NEGATIVE, [UOP_POS] = OPC_UNARY_POSITIVE,
                                  [UOP_NOT] = OPC_UNARY_NOT, [UOP_INVERT] = OPC_UNARY_INVERT};
        compile_expr(c, e->a);
        emit(c, uop[e->op], 0);
        break;
    }
    case E_BOOLOP: {
        int jumpi = e->op == OP_AND ? OPC_JUMP_IF_FALSE_OR_POP : OPC_JUMP_IF_TRUE_OR_POP;
        Block *end = compile_new_block(c);
        int n = e->list.n - 1;
        for (int i = 0; i < n; i++) {
            compile_expr(c, e->list.items[i]);
            emit_jump(c, jumpi, end);
        }
        compile_expr(c, e->list.items[n]);
        use_next_block(c, end);
        break;
    }
    case E_COMPARE: compile_compare(c, e); break;
    case E_IFEXP: {
        Block *end = compile_new_block(c), *next = compile_new_block(c);
        jump_if(c, e->b, next, 0);
        compile_expr(c, e->a);
        emit_jump_line(c, OPC_JUMP, end, -1);
        use_next_block(c, next);
        compile_expr(c, e->c);
        use_next_block(c, end);
        break;
    }
    case E_CALL: compile_call(c, e); break;
    case E_ATTR:
        compile_expr(c, e->a);
        if (c->u->line != e->end_line) c->u->line = e->end_line;
        emit(c, OPC_LOAD_ATTR, name_index(c, e->name));
        break;
    case E_SUBSCRIPT: {
        Const *f = fold_subscr(c, e);
        if (f) {
            load_const(c, f);
            break;
        }
        compile_expr(c, e->a);
        compile_expr(c, e->b);
        emit(c, OPC_BINARY_SUBSCR, 0);
        break;
    }
    case E_SLICE: {
        int n = 2;
        if (e->a) compile_expr(c, e->a);
        else load_const(c, compile_const_obj(c, c->in->h->none));
        if (e->b) compile_expr(c, e->b);
        else load_const(c, compile_const_obj(c, c->in->h->none));
        if (e->c) {
            n++;
            compile_expr(c, e->c);
        }
        emit(c, OPC_BUILD_SLICE, n);
        break;
    }
    default: break;
    }
    c->u->line = old;
}

/* compiler_jump_if: jump to next when e's truth is cond */
static void jump_if(C *c, Node *e, Block *next, int cond)
{
    int inv = inverted_compare(e);
    if (inv >= 0) {
        uint8_t was = e->a->ops[0];
        e->a->ops[0] = (uint8_t)inv;
        jump_if(c, e->a, next, cond);
        e->a->ops[0] = was;
        return;
    }
    int old = c->u->line;
    c->u->line = e->line;
    if (e->kind == E_UNARY && e->op == UOP_NOT && !expr_const(c, e)) {
        jump_if(c, e->a, next, !cond);
        c->u->line = old;
        return;
    }
    if (e->kind == E_BOOLOP) {
        int n = e->list.n - 1, cond2 = e->op == OP_OR;
        Block *next2 = next;
        if (!cond2 != !cond) next2 = compile_new_block(c);
        for (int i = 0; i < n; i++) jump_if(c, e->list.items[i], next2, cond2);
        jump_if(c, e->list.items[n], next, cond);
        if (next2 != next) use_next_block(c, next2);
        c->u->line = old;
        return;
    }
    if (e->kind == E_IFEXP) {
        Block *end = compile_new_block(c), *next2 = compile_new_block(c);
        jump_if(c, e->b, next2, 0);
        jump_if(c, e->a, next, cond);
        emit_jump_line(c, OPC_JUMP, end, -1);
        use_next_block(c, next2);
        jump_if(c, e->c, next, cond);
        use_next_block(c, end);
        c->u->line = old;
        return;
    }
    if (e->kind == E_COMPARE && e->list.n > 1) {
        int n = e->list.n - 1;
        Block *cleanup = compile_new_block(c);
        compile_expr(c, e->a);
        for (int i = 0; i < n; i++) {
            compile_expr(c, e->list.items[i]);
            emit(c, OPC_SWAP, 2);
            emit(c, OPC_COPY, 2);
            compare_op(c, e->ops[i]);
            emit_jump(c, OPC_POP_JUMP_IF_FALSE, cleanup);
        }
        compile_last_comparator(c, e);
        compare_op(c, e->ops[n]);
        emit_jump(c, cond ? OPC_POP_JUMP_IF_TRUE : OPC_POP_JUMP_IF_FALSE, next);
        Block *end = compile_new_block(c);
        emit_jump_line(c, OPC_JUMP, end, -1);
        use_next_block(c, cleanup);
        emit(c, OPC_POP_TOP, 0);
        if (!cond) emit_jump_line(c, OPC_JUMP, next, -1);
        use_next_block(c, end);
        c->u->line = old;
        return;
    }
    c->u->line = old;
    compile_expr(c, e);
    c->u->line = e->line;
    emit_jump(c, cond ? OPC_POP_JUMP_IF_TRUE : OPC_POP_JUMP_IF_FALSE, next);
    c->u->line = old;
}

/* An assignment target (ctx CTX_STORE; the value is on the stack) or a del
 * target (CTX_DEL; a tuple's items are deleted one by one). */
static void target_op(C *c, Node *t, int ctx)
{
    int old = c->u->line;
    c->u->line = t->line;
    switch (t->kind) {
    case E_NAME: name_op(c, t->name, ctx); break;
    case E_ATTR:
        compile_expr(c, t->a);
        if (c->u->line != t->end_line) c->u->line = t->end_line;
        emit(c, ctx == CTX_STORE ? OPC_STORE_ATTR : OPC_DELETE_ATTR, name_index(c, t->name));
        break;
    case E_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        emit(c, ctx == CTX_STORE ? OPC_STORE_SUBSCR : OPC_DELETE_SUBSCR, 0);
        break;
    case E_TUPLE: case E_LIST:
        if (ctx == CTX_STORE) emit(c, OPC_UNPACK_SEQUENCE, t->list.n);
        for (int i = 0; i < t->list.n; i++) target_op(c, t->list.items[i], ctx);
        break;
    default: break;
    }
    c->u->line = old;
}

static void store_target(C *c, Node *t) { target_op(c, t, CTX_STORE); }

static void compile_augassign(C *c, Node *s)
{
    Node *t = s->a;
    int old = c->u->line;
    c->u->line = t->line;
    switch (t->kind) {
    case E_ATTR:
        compile_expr(c, t->a);
        emit(c, OPC_COPY, 1);
        if (c->u->line != t->end_line) c->u->line = t->end_line;
        emit(c, OPC_LOAD_ATTR, name_index(c, t->name));
        break;
    case E_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_expr(c, t->b);
        emit(c, OPC_COPY, 2);
        emit(c, OPC_COPY, 2);
        emit(c, OPC_BINARY_SUBSCR, 0);
        break;
    default: name_op(c, t->name, CTX_LOAD); break;
    }
    c->u->line = old;
    compile_expr(c, s->b);
    emit(c, OPC_BINARY_OP, nb_op(s->op) + 13);
    c->u->line = t->line;
    switch (t->kind) {
    case E_ATTR:
        if (c->u->line != t->end_line) c->u->line = t->end_line;
        emit(c, OPC_SWAP, 2);
        emit(c, OPC_STORE_ATTR, name_index(c, t->name));
        break;
    case E_SUBSCRIPT:
        emit(c, OPC_SWAP, 3);
        emit(c, OPC_SWAP, 2);
        emit(c, OPC_STORE_SUBSCR, 0);
        break;
    default: name_op(c, t->name, CTX_STORE); break;
    }
}

/* compiler_unwind_fblock for the loops inside the one left */
static void unwind_for(C *c, int preserve_tos)
{
    if (preserve_tos) emit(c, OPC_SWAP, 2);
    emit(c, OPC_POP_TOP, 0);
}

static int is_docstring(const NodeList *body)
{
    return body->n && body->items[0]->kind == S_EXPR && body->items[0]->a->kind == E_STR;
}

static void compile_def(C *c, Node *s)
{
    int flags = 0;
    if (s->list.n) {
        for (int i = 0; i < s->list.n; i++) compile_expr(c, s->list.items[i]);
        emit(c, OPC_BUILD_TUPLE, s->list.n);
        flags |= 1;
    }
    Code *rc = s->aux;
    Unit *u = compile_alloc(c->mem, sizeof(Unit));
    enter_unit(c, u, rc, CODE_FUNC, module_symname(c->in->mod, s->name), s->line);
    int doc = is_docstring(&s->body);
    compile_add_const(c, doc ? compile_const_obj(c, s->body.items[0]->a->aux) : compile_const_obj(c, c->in->h->none));
    for (int i = 0; i < s->params.n; i++) varname_index(c, s->params.items[i]);
    NodeList rest = s->body;
    if (doc) {
        rest.items++;
        rest.n--;
    }
    compile_body(c, &rest);
    CodeObj *co = leave_unit(c);
    co->argcount = s->params.n;
    make_closure(c, co, u, flags);
    name_op(c, s->name, CTX_STORE);
}

static void compile_class(C *c, Node *s)
{
    emit(c, OPC_PUSH_NULL, 0);
    emit(c, OPC_LOAD_BUILD_CLASS, 0);
    Unit *u = compile_alloc(c->mem, sizeof(Unit));
    enter_unit(c, u, s->aux, CODE_CLASS, module_symname(c->in->mod, s->name), s->line);
    collect_global_stmts(&s->body, 0, &u->cglobals, &u->ncglobals);
    name_op(c, c->s_name, CTX_LOAD);
    name_op(c, c->s_module, CTX_STORE);
    Const *q = compile_const_new(c, CK_STR);
    q->s = u->qualname;
    q->len = strlen(u->qualname);
    load_const(c, q);
    name_op(c, c->s_qualname, CTX_STORE);
    compile_scope_body(c, &s->body);
    u->line = -1;
    load_const(c, compile_const_obj(c, c->in->h->none));
    emit(c, OPC_RETURN_VALUE, 0);
    CodeObj *co = leave_unit(c);
    free(u->cglobals);
    make_closure(c, co, u, 0);
    load_const(c, const_sym(c, s->name));
    call_helper(c, 2, &s->list, NULL);
    name_op(c, s->name, CTX_STORE);
}

static void compile_stmt(C *c, Node *s)
{
    Unit *u = c->u;
    u->line = s->line;
    switch (s->kind) {
    case S_EXPR:
        if (expr_const(c, s->a)) {
            emit(c, OPC_NOP, 0);
            break;
        }
        compile_expr(c, s->a);
        emit_noline(c, OPC_POP_TOP, 0);
        break;
    case S_ASSIGN:
        compile_expr(c, s->a);
        for (int i = 0; i < s->list.n; i++) {
            if (i < s->list.n - 1) emit(c, OPC_COPY, 1);
            store_target(c, s->list.items[i]);
        }
        break;
    case S_AUGASSIGN: compile_augassign(c, s); break;
    case S_DEL:
        for (int i = 0; i < s->list.n; i++) target_op(c, s->list.items[i], CTX_DEL);
        break;
    case S_IF: {
        Block *end = compile_new_block(c), *next = s->orelse.n ? compile_new_block(c) : end;
        jump_if(c, s->a, next, 0);
        compile_body(c, &s->body);
        if (s->orelse.n) {
            emit_jump_line(c, OPC_JUMP, end, -1);
            use_next_block(c, next);
            compile_body(c, &s->orelse);
        }
        use_next_block(c, end);
        break;
    }
    case S_WHILE: {
        Block *loop = compile_new_block(c), *body = compile_new_block(c), *anchor = compile_new_block(c), *end = compile_new_block(c);
        use_next_block(c, loop);
        u->fb[u->nfb++] = (FBlock){FB_WHILE, loop, end};
        jump_if(c, s->a, anchor, 0);
        use_next_block(c, body);
        compile_body(c, &s->body);
        u->line = s->line;
        jump_if(c, s->a, body, 1);
        u->nfb--;
        use_next_block(c, anchor);
        compile_body(c, &s->orelse);
        use_next_block(c, end);
        break;
    }
    case S_FOR: {
        Block *start = compile_new_block(c), *body = compile_new_block(c), *cleanup = compile_new_block(c), *end = compile_new_block(c);
        u->fb[u->nfb++] = (FBlock){FB_FOR, start, end};
        compile_iter(c, s->b);
        emit(c, OPC_GET_ITER, 0);
        use_next_block(c, start);
        emit_jump(c, OPC_FOR_ITER, cleanup);
        use_next_block(c, body);
        store_target(c, s->a);
        compile_body(c, &s->body);
        emit_jump_line(c, OPC_JUMP, start, -1);
        use_next_block(c, cleanup);
        u->nfb--;
        compile_body(c, &s->orelse);
        use_next_block(c, end);
        break;
    }
    case S_BREAK: {
        emit(c, OPC_NOP, 0);
        FBlock *loop = &u->fb[u->nfb - 1];
        if (loop->kind == FB_FOR) unwind_for(c, 0);
        emit_jump(c, OPC_JUMP, loop->exit);
        break;
    }
    case S_CONTINUE:
        emit(c, OPC_NOP, 0);
        emit_jump(c, OPC_JUMP, u->fb[u->nfb - 1].start);
        break;
    case S_PASS: emit(c, OPC_NOP, 0); break;
    case S_RETURN: {
        Node *v = s->a;
        Obj *k = v ? expr_const(c, v) : NULL;
        int preserve = v && !k;
        if (preserve) {
            compile_expr(c, v);
        } else if (v) {
            u->line = v->line;
            emit(c, OPC_NOP, 0);
        }
        if (!v || v->line != s->line) {
            u->line = s->line;
            emit(c, OPC_NOP, 0);
        }
        for (int i = u->nfb - 1; i >= 0; i--)
            if (u->fb[i].kind == FB_FOR) unwind_for(c, preserve);
        if (!v) load_const(c, compile_const_obj(c, c->in->h->none));
        else if (!preserve) load_const(c, compile_const_obj(c, k));
        emit(c, OPC_RETURN_VALUE, 0);
        use_next_block(c, compile_new_block(c));
        break;
    }
    case S_GLOBAL: break;
    case S_DEF: compile_def(c, s); break;
    case S_CLASS: compile_class(c, s); break;
    case S_IMPORT:
        for (int i = 0; i < s->syms.n; i++) {
            Sym as = s->syms2.items ? s->syms2.items[i] : 0;
            load_const(c, compile_const_obj(c, &c->in->h->small_ints[0 - SMALL_INT_MIN].ob));
            load_const(c, compile_const_obj(c, c->in->h->none));
            emit(c, OPC_IMPORT_NAME, name_index(c, s->syms.items[i]));
            name_op(c, as ? as : s->syms.items[i], CTX_STORE);
        }
        break;
    case S_FROMIMPORT: {
        load_const(c, compile_const_obj(c, &c->in->h->small_ints[0 - SMALL_INT_MIN].ob));
        Const *names = compile_const_new(c, CK_TUPLE);
        names->n = s->syms.n;
        names->items = compile_alloc(c->mem, (size_t)names->n * sizeof(Const *));
        for (int i = 0; i < s->syms.n; i++) names->items[i] = const_sym(c, s->syms.items[i]);
        load_const(c, names);
        emit(c, OPC_IMPORT_NAME, name_index(c, s->name));
        for (int i = 0; i < s->syms.n; i++) {
            Sym as = s->syms2.items ? s->syms2.items[i] : 0;
            emit(c, OPC_IMPORT_FROM, name_index(c, s->syms.items[i]));
            name_op(c, as ? as : s->syms.items[i], CTX_STORE);
        }
        emit(c, OPC_POP_TOP, 0);
        break;
    }
    default: break;
    }
}

static void compile_body(C *c, const NodeList *body)
{
    for (int i = 0; i < body->n; i++) compile_stmt(c, body->items[i]);
}

/* compiler_body for the module and class bodies: the docstring is __doc__ */
static void compile_scope_body(C *c, const NodeList *body)
{
    int i = 0;
    if (c->u->kind == CODE_MODULE && body->n) c->u->line = body->items[0]->line;
    if (is_docstring(body)) {
        compile_expr(c, body->items[0]->a);
        c->u->line = -1;
        name_op(c, c->s_doc, CTX_STORE);
        i = 1;
    }
    for (; i < body->n; i++) compile_stmt(c, body->items[i]);
}

/* ================================================================ entry points */

CodeObj *compile_module(Interp *in)
{
    if (!in->module_code) return NULL;
    Mem *mem = xcalloc(1, sizeof(Mem));
    C c = {0};
    c.in = in;
    c.mem = mem;
    c.ncodes = in->ncodes;
    c.sv = xcalloc((size_t)in->ncodes + 1, sizeof(ScopeVars));
    c.s_name = in->s_name;
    c.s_module = module_intern(in->mod, "__module__", 10);
    c.s_qualname = module_intern(in->mod, "__qualname__", 12);
    c.s_doc = module_intern(in->mod, "__doc__", 7);
    scan_body(&c, in->module_code, &in->mod->body);
    scan_module_scope(&c, &in->mod->body, 0);
    collect_global_stmts(&in->mod->body, 1, &c.mglobals, &c.nmglobals);
    Unit *u = compile_alloc(mem, sizeof(Unit));
    enter_unit(&c, u, in->module_code, CODE_MODULE, "<module>", 1);
    compile_scope_body(&c, &in->mod->body);
    CodeObj *co = leave_unit(&c);
    co->mem = mem;
    for (int i = 0; i < in->ncodes; i++) {
        free(c.sv[i].cells);
        free(c.sv[i].frees);
    }
    free(c.sv);
    free(c.imported);
    free(c.mglobals);
    return co;
}

void compile_free(CodeObj *co)
{
    if (!co) return;
    Mem *m = co->mem;
    for (size_t i = 0; i < m->n; i++) free(m->p[i]);
    free(m->p);
    free(m);
}
