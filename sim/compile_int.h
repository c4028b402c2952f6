/* The compiler's internals, shared by its three parts as CPython 3.12 splits
 * them: codegen (compile.c), the control-flow graph's optimizer and the
 * assembler (flowgraph.c), and the listing (dis.c). */
#ifndef MEMTUTOR_COMPILE_INT_H
#define MEMTUTOR_COMPILE_INT_H
#include "compile.h"
#include "interp_int.h"

/* everything a compilation allocates, freed at once with the module's code */
typedef struct { void **p; size_t n, cap; } Mem;

#define GROW(arr, n, cap)                                                   \
    do {                                                                    \
        if ((n) == (cap)) {                                                 \
            (cap) = (cap) ? (cap) * 2 : 8;                                  \
            (arr) = xrealloc((arr), (size_t)(cap) * sizeof(*(arr)));        \
        }                                                                   \
    } while (0)


typedef struct Block Block;
typedef struct BInstr { int op, arg, line; Block *target; } BInstr;
struct Block {
    BInstr *ins;
    int n, cap;
    Block *next;        /* layout order (b_next) */
    Block *list;        /* every block of the unit, newest first (b_list) */
    int preds, visited, offset;
};

typedef enum { FB_WHILE, FB_FOR } FBlockKind;
typedef struct { FBlockKind kind; Block *start, *exit; } FBlock;

typedef struct Unit {
    Code *rc;                  /* the resolver's unit (locals, globals declared) */
    CodeKind kind;
    const char *name;
    char *qualname;
    int firstlineno;
    Const **consts; int nconsts, consts_cap;
    Sym *names; int nnames, names_cap;
    Sym *varnames; int nvarnames, varnames_cap;
    Sym *cells; int ncells;    /* sorted by name, as CPython's dictbytype */
    Sym *frees; int nfrees;
    Sym *cglobals; int ncglobals;   /* a class body's `global` names */
    Block *blocks, *entry, *cur;
    int line;
    FBlock fb[64]; int nfb;
    struct Unit *parent;
    int nested;                /* inside a function (symtable's ste_nested) */
} Unit;

/* cell and free variables of each resolver unit, found before codegen */
typedef struct { Sym *cells; int ncells; Sym *frees; int nfrees; } ScopeVars;

typedef struct {
    Interp *in;
    Mem *mem;
    Sym *imported; int nimported;     /* names bound by an import in the module scope */
    Sym *mglobals; int nmglobals;     /* `global` in the module or a class body */
    ScopeVars *sv;            /* by Code.index */
    Unit *u;
    int ncodes;
    Sym s_name, s_module, s_qualname, s_doc;
} C;

/* a deref operand before the cell offsets are fixed: which list, which index */
#define DEREF_CELL (1 << 24)
#define DEREF_FREE (2 << 24)


void *compile_alloc(Mem *m, size_t n);                  /* zeroed */
Block *compile_new_block(C *c);                        /* in the current unit */
void compile_block_add(Block *b, int op, int arg, int line, Block *target);
Const *compile_const_new(C *c, ConstKind kind);
Const *compile_const_obj(C *c, Obj *o);
int compile_add_const(C *c, Const *k);                 /* merged with an equal one: its index */
int compile_const_truth(C *c, const Const *k);
int compile_sym_find(const Sym *a, int n, Sym s);
int opcode_is_jump(int op);
int opcode_is_uncond_jump(int op);
int opcode_ext_args(int arg);                          /* EXTENDED_ARG prefixes an oparg needs */
CodeObj *compile_assemble(C *c);                       /* the current unit's code object */

#endif
