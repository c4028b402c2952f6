/* The syntax tree of the Python subset (DESIGN.md section 3), produced by
 * parser.c from lexer.c's tokens and walked by interp.c.  Nodes live in one
 * arena owned by the Module; names are interned symbols (Sym). */
#ifndef MEMTUTOR_AST_H
#define MEMTUTOR_AST_H
#include <stddef.h>
#include <stdint.h>

typedef uint32_t Sym; /* index into the module's symbol table; 0 is "no name" */

typedef enum {
    /* ---- expressions ---- */
    E_NAME,       /* name: sym */
    E_INT,        /* ival (fits in int64) */
    E_BIGINT,     /* str/len: the literal's decimal/hex/octal/binary digits, underscores removed, with prefix ("0x..") */
    E_FLOAT,      /* fval */
    E_STR,        /* str/len: the decoded string bytes (UTF-8), escapes already processed */
    E_NONE, E_TRUE, E_FALSE,
    E_FSTRING,    /* list: parts, each an E_STR or an E_FORMAT */
    E_FORMAT,     /* a: the expression inside {}; op: conversion ('r','s','a' or 0); b: format spec as E_FSTRING or NULL */
    E_LIST, E_TUPLE, E_SET, /* list: elements */
    E_DICT,       /* list: keys, list2: values (same length) */
    E_LISTCOMP,   /* a: element; comp: the generators */
    E_SETCOMP,    /* a: element; comp */
    E_DICTCOMP,   /* a: key, b: value; comp */
    E_BINOP,      /* op: BinOp; a, b */
    E_UNARY,      /* op: UnOp; a */
    E_BOOLOP,     /* op: OP_AND / OP_OR; list: operands (>= 2) */
    E_COMPARE,    /* a: first operand; list: further operands; ops: CmpOp per operand (list.n of them) */
    E_IFEXP,      /* a: body, b: test, c: orelse   (a if b else c) */
    E_CALL,       /* a: callee; list: positional args; kwnames/list2: keyword args (names and values) */
    E_ATTR,       /* a: object; name: attribute sym */
    E_SUBSCRIPT,  /* a: object; b: index (may be an E_SLICE) */
    E_SLICE,      /* a: lower, b: upper, c: step (each may be NULL) */

    /* ---- statements ---- */
    S_EXPR,       /* a: expression */
    S_ASSIGN,     /* list: targets (>= 1; a = b = v has two), a: value */
    S_AUGASSIGN,  /* op: BinOp; a: target; b: value */
    S_DEL,        /* list: targets */
    S_IF,         /* a: test; body; orelse (elif is an S_IF alone in orelse) */
    S_WHILE,      /* a: test; body; orelse */
    S_FOR,        /* a: target; b: iterable; body; orelse */
    S_BREAK, S_CONTINUE, S_PASS,
    S_DEF,        /* name; params: parameter syms; list: default values for the last list.n params; body */
    S_RETURN,     /* a: value or NULL */
    S_GLOBAL,     /* syms: names */
    S_CLASS,      /* name; list: bases; body */
    S_IMPORT,     /* syms: module names; syms2: as-names (0 = none) */
    S_FROMIMPORT, /* name: module; syms: imported names; syms2: as-names (0 = none) */
    NODE_KIND_COUNT
} NodeKind;

typedef enum {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_BITAND, OP_BITOR, OP_BITXOR, OP_MATMUL,
    OP_AND, OP_OR /* boolean, for E_BOOLOP */
} BinOp;

typedef enum { UOP_NEG, UOP_POS, UOP_NOT, UOP_INVERT } UnOp;

typedef enum { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE, CMP_IS, CMP_IS_NOT, CMP_IN, CMP_NOT_IN } CmpOp;

typedef struct Node Node;

typedef struct {
    Node **items;
    int n;
} NodeList;

typedef struct {
    Sym *items;
    int n;
} SymList;

/* One `for target in iter if cond...` clause of a comprehension. */
typedef struct {
    Node *target;
    Node *iter;
    NodeList ifs;
} CompFor;

typedef struct {
    CompFor *items;
    int n;
} CompList;

struct Node {
    uint16_t kind;   /* NodeKind */
    uint8_t op;      /* BinOp / UnOp / conversion char */
    uint8_t flags;   /* parser: NF_PAREN when written in parentheses */
    int line, col;           /* 1-based start; col counts characters (code points) from 1 */
    int end_line, end_col;   /* position just after the node's last character */

    Node *a, *b, *c;
    NodeList list, list2;
    NodeList body, orelse;
    SymList syms, syms2;     /* S_GLOBAL, S_IMPORT, S_FROMIMPORT; S_CALL uses kwnames */
    SymList params;          /* S_DEF */
    SymList kwnames;         /* E_CALL keyword names (list2 holds the values) */
    uint8_t *ops;            /* E_COMPARE: CmpOp per element of list */
    CompList comp;           /* comprehensions */
    Sym name;                /* E_NAME, E_ATTR, S_DEF, S_CLASS, S_FROMIMPORT */
    int64_t ival;            /* E_INT */
    double fval;             /* E_FLOAT */
    const char *str;         /* E_STR, E_BIGINT: bytes (NUL-terminated, may contain NULs) */
    size_t len;

    /* Filled by the interpreter's resolver, zero from the parser. */
    int32_t slot;            /* E_NAME: local slot, or -1 for global lookup */
    uint8_t scope;           /* E_NAME: resolved scope kind */
    void *aux;               /* per-node data owned by the interpreter (e.g. a constant object, a code unit) */
};

#define NF_PAREN 1

/* A parsed program. Everything hangs off the arena; module_free releases it all. */
typedef struct Module {
    char *filename;
    char *source;            /* the source text (owned) */
    NodeList body;
    char **symnames;         /* symnames[sym] (symnames[0] is "") */
    uint32_t nsyms;
    struct Arena *arena;
    void *symtab;            /* the parser's intern table (private) */
    size_t mem_limit;        /* 0, or the most bytes its tokens and nodes may take:
                                past that the parse stops with MemoryError */
} Module;

/* Intern a name (used by the interpreter too, e.g. "__init__"). */
Sym module_intern(Module *m, const char *name, size_t len);
const char *module_symname(const Module *m, Sym s);

/* Allocate n zeroed bytes in the module's arena (lives as long as the module). */
void *module_alloc(Module *m, size_t n);

void module_free(Module *m);

#endif
