/* The compiler from the resolved syntax tree to code objects of CPython 3.11
 * instructions (Python/compile.c's codegen, its control-flow-graph optimizer
 * and its assembler), and the disassembler that lists them as `python3 -m
 * dis` does.  The interpreter does not run these instructions yet: for now
 * they are what `memtutor dis` shows (issue 14 builds the loop over them). */
#ifndef MEMTUTOR_COMPILE_H
#define MEMTUTOR_COMPILE_H
#include <stdint.h>

#include "interp.h"

/* CPython 3.11's opcodes (Lib/opcode.py), the ones the subset compiles to,
 * with the same numbers. */
#define OPCODES(X) \
    X(POP_TOP, 1, 0) X(PUSH_NULL, 2, 0) X(NOP, 9, 0) X(UNARY_POSITIVE, 10, 0) \
    X(UNARY_NEGATIVE, 11, 0) X(UNARY_NOT, 12, 0) X(UNARY_INVERT, 15, 0) \
    X(BINARY_SUBSCR, 25, 4) X(STORE_SUBSCR, 60, 1) X(DELETE_SUBSCR, 61, 0) \
    X(GET_ITER, 68, 0) X(LOAD_BUILD_CLASS, 71, 0) X(LIST_TO_TUPLE, 82, 0) \
    X(RETURN_VALUE, 83, 0) X(STORE_NAME, 90, 0) X(DELETE_NAME, 91, 0) \
    X(UNPACK_SEQUENCE, 92, 1) X(FOR_ITER, 93, 0) X(STORE_ATTR, 95, 4) \
    X(DELETE_ATTR, 96, 0) X(STORE_GLOBAL, 97, 0) X(DELETE_GLOBAL, 98, 0) \
    X(SWAP, 99, 0) X(LOAD_CONST, 100, 0) X(LOAD_NAME, 101, 0) X(BUILD_TUPLE, 102, 0) \
    X(BUILD_LIST, 103, 0) X(BUILD_SET, 104, 0) X(BUILD_MAP, 105, 0) \
    X(LOAD_ATTR, 106, 4) X(COMPARE_OP, 107, 2) X(IMPORT_NAME, 108, 0) \
    X(IMPORT_FROM, 109, 0) X(JUMP_FORWARD, 110, 0) X(JUMP_IF_FALSE_OR_POP, 111, 0) \
    X(JUMP_IF_TRUE_OR_POP, 112, 0) X(POP_JUMP_FORWARD_IF_FALSE, 114, 0) \
    X(POP_JUMP_FORWARD_IF_TRUE, 115, 0) X(LOAD_GLOBAL, 116, 5) X(IS_OP, 117, 0) \
    X(CONTAINS_OP, 118, 0) X(COPY, 120, 0) X(BINARY_OP, 122, 1) \
    X(LOAD_FAST, 124, 0) X(STORE_FAST, 125, 0) X(DELETE_FAST, 126, 0) \
    X(POP_JUMP_FORWARD_IF_NOT_NONE, 128, 0) X(POP_JUMP_FORWARD_IF_NONE, 129, 0) \
    X(MAKE_FUNCTION, 132, 0) X(BUILD_SLICE, 133, 0) X(MAKE_CELL, 135, 0) \
    X(LOAD_CLOSURE, 136, 0) X(LOAD_DEREF, 137, 0) X(STORE_DEREF, 138, 0) \
    X(DELETE_DEREF, 139, 0) X(JUMP_BACKWARD, 140, 0) X(CALL_FUNCTION_EX, 142, 0) \
    X(EXTENDED_ARG, 144, 0) X(LIST_APPEND, 145, 0) X(SET_ADD, 146, 0) \
    X(MAP_ADD, 147, 0) X(COPY_FREE_VARS, 149, 0) X(RESUME, 151, 0) \
    X(FORMAT_VALUE, 155, 0) X(BUILD_CONST_KEY_MAP, 156, 0) X(BUILD_STRING, 157, 0) \
    X(LOAD_METHOD, 160, 10) X(LIST_EXTEND, 162, 0) X(SET_UPDATE, 163, 0) \
    X(DICT_MERGE, 164, 0) X(DICT_UPDATE, 165, 0) X(PRECALL, 166, 1) X(CALL, 171, 4) \
    X(KW_NAMES, 172, 0) X(POP_JUMP_BACKWARD_IF_NOT_NONE, 173, 0) \
    X(POP_JUMP_BACKWARD_IF_NONE, 174, 0) X(POP_JUMP_BACKWARD_IF_FALSE, 175, 0) \
    X(POP_JUMP_BACKWARD_IF_TRUE, 176, 0) \
    /* the compiler's virtual jumps, resolved to the above by the assembler */ \
    X(JUMP, 256, 0) X(POP_JUMP_IF_FALSE, 257, 0) X(POP_JUMP_IF_TRUE, 258, 0) \
    X(POP_JUMP_IF_NONE, 259, 0) X(POP_JUMP_IF_NOT_NONE, 260, 0)

typedef enum {
#define OPC_ENUM(name, num, caches) OPC_##name = num,
    OPCODES(OPC_ENUM)
#undef OPC_ENUM
} Opcode;

enum { CO_OPTIMIZED = 1, CO_NEWLOCALS = 2, CO_NESTED = 16 };

const char *opcode_name(int op);
int opcode_caches(int op);      /* inline CACHE entries after the instruction */

/* A constant of a code object (co_consts): an object the interpreter made
 * for a literal or a folded expression, a str the compiler needs (a keyword
 * name, a class name), a tuple or frozenset of constants, or a code object. */
typedef enum { CK_OBJ, CK_STR, CK_TUPLE, CK_FROZENSET, CK_CODE } ConstKind;
typedef struct CodeObj CodeObj;
typedef struct Const {
    ConstKind kind;
    Obj *obj;                  /* CK_OBJ (borrowed: the interpreter's constant) */
    const char *s;             /* CK_STR (a symbol name, borrowed) */
    size_t len;
    struct Const **items;      /* CK_TUPLE, CK_FROZENSET */
    int n;
    CodeObj *code;             /* CK_CODE */
} Const;

typedef struct Instr {
    uint16_t op;      /* Opcode */
    int32_t arg;      /* CPython's oparg (jumps: relative, in code units) */
    int32_t target;   /* jumps: the index of the target instruction, else -1 */
    int32_t line;     /* -1: none (MAKE_CELL, COPY_FREE_VARS) */
    int32_t offset;   /* in bytes, as CPython's (EXTENDED_ARG and caches counted) */
} Instr;

struct CodeObj {
    const char *name, *qualname;
    int firstlineno;
    int argcount;
    Sym *localsplus;            /* co_varnames, then cellvars, then freevars */
    int nvarnames, ncellvars, nfreevars;
    Sym *cellvars;              /* co_cellvars: every cell, parameters too, in localsplus order */
    int ncellnames;
    Sym *names;                 /* co_names */
    int nnames;
    Const **consts;             /* co_consts */
    int nconsts;
    Instr *code;                /* no exception table yet: the subset has no try/with */
    int ncode;
    int codesize;               /* bytes */
    int stacksize;              /* co_stacksize: the deepest the value stack gets */
    int flags;                  /* co_flags (CO_OPTIMIZED ...) */
    void *mem;                  /* the module's: everything the compiler allocated */
};

/* Compile the interpreter's program (resolved when it was made) to the
 * module's code object; the nested ones hang off its constants.  Owned by
 * the interpreter (freed with it); NULL when the interpreter cannot give it. */
CodeObj *compile_module(Interp *in);
void compile_free(CodeObj *co);

/* The listing `python3 -m dis FILE` prints for the module and, depth first,
 * every code object in its constants.  Code objects have no address in the
 * simulated heap; their repr shows a made-up one. */
void dis_module(Interp *in, CodeObj *co, StrBuf *out);

/* What dis.code_info() says of each code object (name, argument count,
 * locals, stack size, flags, constants, names, variables), depth first. */
void dis_code_info(Interp *in, CodeObj *co, StrBuf *out);

#endif
