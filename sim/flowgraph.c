/* The control-flow graph's optimizer and the assembler, as CPython 3.11's
 * compile.c runs them on a unit's basic blocks: constant conditions, jump
 * threading, tuple folding, SWAP elimination, NOP removal, copies of exit
 * blocks, line numbers; then forward/backward jumps, EXTENDED_ARG and byte
 * offsets, into a code object. */
#include <stdlib.h>
#include <string.h>

#include "compile_int.h"

/* ================================================================ the optimizer */

static int block_nofallthrough(const Block *b)
{
    if (!b->n) return 0;
    int op = b->ins[b->n - 1].op;
    return opcode_is_uncond_jump(op) || op == OPC_RETURN_VALUE;
}

static int block_exits(const Block *b) { return b->n && b->ins[b->n - 1].op == OPC_RETURN_VALUE; }

#define MAX_COPY_SIZE 4

/* A block ending in a jump to a small exit block gets a copy of it. */
static void extend_block(Block *b)
{
    if (!b->n) return;
    BInstr *last = &b->ins[b->n - 1];
    if (!opcode_is_uncond_jump(last->op)) return;
    Block *t = last->target;
    if (block_exits(t) && t->n <= MAX_COPY_SIZE) {
        for (int i = 0; i < t->n; i++)
            if (t->ins[i].line >= 0) return;   /* only blocks without a line (the implicit return None) */
        last->op = OPC_NOP;
        for (int i = 0; i < t->n; i++) compile_block_add(b, t->ins[i].op, t->ins[i].arg, t->ins[i].line, t->ins[i].target);
    }
}

/* Remove NOPs when legal: without a line, or next to an instruction of the same line. */
static void clean_block(Block *b)
{
    int dest = 0, prev_line = -1;
    for (int src = 0; src < b->n; src++) {
        int line = b->ins[src].line;
        if (b->ins[src].op == OPC_NOP) {
            if (line < 0) continue;
            if (prev_line == line) continue;
            if (src < b->n - 1) {
                int next_line = b->ins[src + 1].line;
                if (next_line < 0 || next_line == line) {
                    b->ins[src + 1].line = line;
                    continue;
                }
            } else {
                Block *next = b->next;
                while (next && !next->n) next = next->next;
                if (next && line == next->ins[0].line) continue;
            }
        }
        if (dest != src) b->ins[dest] = b->ins[src];
        dest++;
        prev_line = line;
    }
    b->n = dest;
}

static int jump_thread(BInstr *inst, const BInstr *target, int op)
{
    if (inst->line == target->line && inst->target != target->target) {
        inst->target = target->target;
        inst->op = op;
        return 1;
    }
    return 0;
}

static int fold_tuple(C *c, Block *b, int i, int n)
{
    BInstr *inst = &b->ins[i - n];
    for (int j = 0; j < n; j++)
        if (inst[j].op != OPC_LOAD_CONST) return 0;
    Const *k = compile_const_new(c, CK_TUPLE);
    k->n = n;
    k->items = compile_alloc(c->mem, (size_t)n * sizeof(Const *));
    for (int j = 0; j < n; j++) k->items[j] = c->u->consts[inst[j].arg];
    int index = compile_add_const(c, k);
    for (int j = 0; j < n; j++) inst[j].op = OPC_NOP;
    inst[n].op = OPC_LOAD_CONST;
    inst[n].arg = index;
    return 1;
}

/* swaptimize: a run of SWAPs and NOPs becomes the fewest SWAPs */
static void swaptimize(Block *b, int *ix)
{
    BInstr *ins = &b->ins[*ix];
    int depth = ins[0].arg, len = 0, more = 0, limit = b->n - *ix;
    while (++len < limit) {
        if (ins[len].op == OPC_SWAP) {
            if (ins[len].arg > depth) depth = ins[len].arg;
            more = 1;
        } else if (ins[len].op != OPC_NOP) {
            break;
        }
    }
    if (!more) return;
    int *stack = xcalloc((size_t)depth, sizeof(int));
    for (int i = 0; i < depth; i++) stack[i] = i;
    for (int i = 0; i < len; i++) {
        if (ins[i].op == OPC_SWAP) {
            int top = stack[0];
            stack[0] = stack[ins[i].arg - 1];
            stack[ins[i].arg - 1] = top;
        }
    }
    int current = len - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[i] == -1 || stack[i] == i) continue;
        int j = i;
        for (;;) {
            if (j) {
                ins[current].op = OPC_SWAP;
                ins[current--].arg = j + 1;
            }
            if (stack[j] == -1) break;
            int next_j = stack[j];
            stack[j] = -1;
            j = next_j;
        }
    }
    while (current >= 0) ins[current--].op = OPC_NOP;
    free(stack);
    *ix += len - 1;
}

static int swappable(int op) { return op == OPC_STORE_FAST || op == OPC_POP_TOP; }

static int next_swappable(Block *b, int i, int line)
{
    while (++i < b->n) {
        BInstr *in = &b->ins[i];
        if (line >= 0 && in->line != line) return -1;
        if (in->op == OPC_NOP) continue;
        if (swappable(in->op)) return i;
        return -1;
    }
    return -1;
}

/* SWAPs done by swapping the stores they feed instead of stack items */
static void apply_static_swaps(Block *b, int i)
{
    for (; i >= 0; i--) {
        BInstr *swap = &b->ins[i];
        if (swap->op != OPC_SWAP) {
            if (swap->op == OPC_NOP || swappable(swap->op)) continue;
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0) return;
        int k = j, line = b->ins[j].line;
        for (int count = swap->arg - 1; count > 0; count--) {
            k = next_swappable(b, k, line);
            if (k < 0) return;
        }
        swap->op = OPC_NOP;
        BInstr t = b->ins[j];
        b->ins[j] = b->ins[k];
        b->ins[k] = t;
    }
}

static void optimize_block(C *c, Block *b)
{
    BInstr nop = {OPC_NOP, 0, -1, NULL};
    for (int i = 0; i < b->n; i++) {
        BInstr *inst = &b->ins[i];
        BInstr *target = &nop;
        int oparg = inst->arg;
        int nextop = i + 1 < b->n ? b->ins[i + 1].op : 0;
        if (opcode_is_jump(inst->op)) {
            while (!inst->target->n) inst->target = inst->target->next;
            target = &inst->target->ins[0];
        }
        switch (inst->op) {
        case OPC_LOAD_CONST:
            switch (nextop) {
            case OPC_POP_JUMP_IF_FALSE: case OPC_POP_JUMP_IF_TRUE: {
                int t = compile_const_truth(c, c->u->consts[oparg]);
                inst->op = OPC_NOP;
                b->ins[i + 1].op = t == (nextop == OPC_POP_JUMP_IF_TRUE) ? OPC_JUMP : OPC_NOP;
                break;
            }
            case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP: {
                int t = compile_const_truth(c, c->u->consts[oparg]);
                if (t == (nextop == OPC_JUMP_IF_TRUE_OR_POP)) {
                    b->ins[i + 1].op = OPC_JUMP;
                } else {
                    inst->op = OPC_NOP;
                    b->ins[i + 1].op = OPC_NOP;
                }
                break;
            }
            case OPC_IS_OP: {
                Const *k = c->u->consts[oparg];
                if (k->kind != CK_OBJ || k->obj != c->in->h->none || b->n <= i + 2) break;
                BInstr *jump = &b->ins[i + 2];
                int invert = b->ins[i + 1].arg;
                if (jump->op == OPC_POP_JUMP_IF_FALSE) invert = !invert;
                else if (jump->op != OPC_POP_JUMP_IF_TRUE) break;
                inst->op = OPC_NOP;
                b->ins[i + 1].op = OPC_NOP;
                jump->op = invert ? OPC_POP_JUMP_IF_NOT_NONE : OPC_POP_JUMP_IF_NONE;
                break;
            }
            default: break;
            }
            break;
        case OPC_BUILD_TUPLE:
            if (nextop == OPC_UNPACK_SEQUENCE && oparg == b->ins[i + 1].arg) {
                if (oparg == 1) {
                    inst->op = OPC_NOP;
                    b->ins[i + 1].op = OPC_NOP;
                    continue;
                }
                if (oparg == 2 || oparg == 3) {
                    inst->op = OPC_NOP;
                    b->ins[i + 1].op = OPC_SWAP;
                    continue;
                }
            }
            if (i >= oparg) fold_tuple(c, b, i, oparg);
            break;
        case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP: {
            int same = inst->op, same_pop = same == OPC_JUMP_IF_FALSE_OR_POP ? OPC_POP_JUMP_IF_FALSE : OPC_POP_JUMP_IF_TRUE;
            int opp = same == OPC_JUMP_IF_FALSE_OR_POP ? OPC_JUMP_IF_TRUE_OR_POP : OPC_JUMP_IF_FALSE_OR_POP;
            int opp_pop = same == OPC_JUMP_IF_FALSE_OR_POP ? OPC_POP_JUMP_IF_TRUE : OPC_POP_JUMP_IF_FALSE;
            if (target->op == same_pop) {
                i -= jump_thread(inst, target, same_pop);
            } else if (target->op == OPC_JUMP || target->op == same) {
                i -= jump_thread(inst, target, same);
            } else if (target->op == opp || target->op == opp_pop) {
                if (inst->line == target->line) {
                    inst->op = same_pop;
                    inst->target = inst->target->next;
                    i--;
                }
            }
            break;
        }
        case OPC_POP_JUMP_IF_NOT_NONE: case OPC_POP_JUMP_IF_NONE: case OPC_POP_JUMP_IF_FALSE:
        case OPC_POP_JUMP_IF_TRUE: case OPC_JUMP:
            if (target->op == OPC_JUMP) i -= jump_thread(inst, target, inst->op);
            break;
        case OPC_SWAP:
            if (oparg == 1) {
                inst->op = OPC_NOP;
                break;
            }
            swaptimize(b, &i);
            apply_static_swaps(b, i);
            break;
        case OPC_PUSH_NULL:
            if (nextop == OPC_LOAD_GLOBAL && (b->ins[i + 1].arg & 1) == 0) {
                inst->op = OPC_NOP;
                inst->arg = 0;
                b->ins[i + 1].arg |= 1;
            }
            break;
        default: break;
        }
    }
}

static void eliminate_empty_blocks(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        Block *next = b->next;
        if (next) {
            while (!next->n && next->next) next = next->next;
            b->next = next;
        }
    }
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            if (!opcode_is_jump(b->ins[i].op)) continue;
            Block *t = b->ins[i].target;
            while (!t->n) t = t->next;
            b->ins[i].target = t;
        }
    }
}

static void mark_reachable(Block *entry)
{
    Block **stack = NULL;
    int sp = 0, cap = 0;
    entry->preds = 1;
    GROW(stack, sp, cap);
    stack[sp++] = entry;
    while (sp > 0) {
        Block *b = stack[--sp];
        b->visited = 1;
        if (b->next && !block_nofallthrough(b)) {
            if (!b->next->visited) {
                GROW(stack, sp, cap);
                stack[sp++] = b->next;
            }
            b->next->preds++;
        }
        for (int i = 0; i < b->n; i++) {
            if (!opcode_is_jump(b->ins[i].op)) continue;
            Block *t = b->ins[i].target;
            if (!t->visited) {
                GROW(stack, sp, cap);
                stack[sp++] = t;
            }
            t->preds++;
        }
    }
    free(stack);
}

static void optimize_cfg(C *c, Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        optimize_block(c, b);
        clean_block(b);
    }
    for (Block *b = entry; b; b = b->next) extend_block(b);
    mark_reachable(entry);
    for (Block *b = entry; b; b = b->next)
        if (!b->preds) b->n = 0;
    eliminate_empty_blocks(entry);
    for (Block *b = entry; b; b = b->next) clean_block(b);
    int maybe_empty = 0;
    for (Block *b = entry; b; b = b->next) {
        if (!b->n) continue;
        BInstr *last = &b->ins[b->n - 1];
        if (last->op == OPC_JUMP && last->target == b->next) {
            last->op = OPC_NOP;
            maybe_empty = 1;
        }
    }
    if (maybe_empty) eliminate_empty_blocks(entry);
}

static int exit_without_line(const Block *b)
{
    if (!block_exits(b)) return 0;
    for (int i = 0; i < b->n; i++)
        if (b->ins[i].line >= 0) return 0;
    return 1;
}

static void duplicate_exits_without_line(C *c, Block *entry)
{
    /* over every block, newest first (b_list), as CPython 3.11 */
    for (Block *b = c->u->blocks; b; b = b->list) {
        if (!b->n || !opcode_is_jump(b->ins[b->n - 1].op)) continue;
        Block *t = b->ins[b->n - 1].target;
        if (exit_without_line(t) && t->preds > 1) {
            Block *copy = compile_new_block(c);
            for (int i = 0; i < t->n; i++) compile_block_add(copy, t->ins[i].op, t->ins[i].arg, t->ins[i].line, t->ins[i].target);
            copy->ins[0].line = b->ins[b->n - 1].line;
            b->ins[b->n - 1].target = copy;
            t->preds--;
            copy->preds = 1;
            copy->next = t->next;
            t->next = copy;
        }
    }
    for (Block *b = entry; b; b = b->next)
        while (b->next && !b->next->n) b->next = b->next->next;
    for (Block *b = entry; b; b = b->next)
        if (!block_nofallthrough(b) && b->next && b->n && exit_without_line(b->next))
            b->next->ins[0].line = b->ins[b->n - 1].line;
}

static void propagate_lines(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        if (!b->n) continue;
        int prev = -1;
        for (int i = 0; i < b->n; i++) {
            if (b->ins[i].line < 0) b->ins[i].line = prev;
            else prev = b->ins[i].line;
        }
        if (!block_nofallthrough(b) && b->next && b->next->preds == 1 && b->next->n && b->next->ins[0].line < 0)
            b->next->ins[0].line = prev;
        if (opcode_is_jump(b->ins[b->n - 1].op)) {
            Block *t = b->ins[b->n - 1].target;
            if (t->preds == 1 && t->ins[0].line < 0) t->ins[0].line = prev;
        }
    }
}

static void guarantee_exit_lines(Block *entry, int firstlineno)
{
    int line = firstlineno;
    for (Block *b = entry; b; b = b->next) {
        if (!b->n) continue;
        BInstr *last = &b->ins[b->n - 1];
        if (last->line < 0) {
            if (last->op == OPC_RETURN_VALUE)
                for (int i = 0; i < b->n; i++) b->ins[i].line = line;
        } else {
            line = last->line;
        }
    }
}

static void normalize_jumps(Block *entry)
{
    for (Block *b = entry; b; b = b->next) b->visited = 0;
    for (Block *b = entry; b; b = b->next) {
        b->visited = 1;
        if (!b->n) continue;
        BInstr *last = &b->ins[b->n - 1];
        if (!opcode_is_jump(last->op)) continue;
        int fwd = !last->target->visited;
        switch (last->op) {
        case OPC_JUMP: last->op = fwd ? OPC_JUMP_FORWARD : OPC_JUMP_BACKWARD; break;
        case OPC_POP_JUMP_IF_FALSE: last->op = fwd ? OPC_POP_JUMP_FORWARD_IF_FALSE : OPC_POP_JUMP_BACKWARD_IF_FALSE; break;
        case OPC_POP_JUMP_IF_TRUE: last->op = fwd ? OPC_POP_JUMP_FORWARD_IF_TRUE : OPC_POP_JUMP_BACKWARD_IF_TRUE; break;
        case OPC_POP_JUMP_IF_NONE: last->op = fwd ? OPC_POP_JUMP_FORWARD_IF_NONE : OPC_POP_JUMP_BACKWARD_IF_NONE; break;
        case OPC_POP_JUMP_IF_NOT_NONE:
            last->op = fwd ? OPC_POP_JUMP_FORWARD_IF_NOT_NONE : OPC_POP_JUMP_BACKWARD_IF_NOT_NONE;
            break;
        default: break;
        }
    }
}

/* The stack effect of an instruction, falling through (jump = 0) or
 * jumping (jump = 1): CPython 3.11's stack_effect(). */
static int stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OPC_POP_TOP: case OPC_RETURN_VALUE: case OPC_STORE_NAME: case OPC_DELETE_ATTR: case OPC_STORE_GLOBAL:
    case OPC_STORE_FAST: case OPC_STORE_DEREF: case OPC_LIST_APPEND: case OPC_SET_ADD: case OPC_LIST_EXTEND:
    case OPC_SET_UPDATE: case OPC_DICT_MERGE: case OPC_DICT_UPDATE: case OPC_CALL: case OPC_BINARY_SUBSCR:
    case OPC_COMPARE_OP: case OPC_IS_OP: case OPC_CONTAINS_OP: case OPC_BINARY_OP: case OPC_IMPORT_NAME:
    case OPC_POP_JUMP_IF_FALSE: case OPC_POP_JUMP_IF_TRUE: case OPC_POP_JUMP_IF_NONE: case OPC_POP_JUMP_IF_NOT_NONE:
        return -1;
    case OPC_PUSH_NULL: case OPC_LOAD_BUILD_CLASS: case OPC_LOAD_CONST: case OPC_LOAD_NAME: case OPC_IMPORT_FROM:
    case OPC_COPY: case OPC_LOAD_FAST: case OPC_LOAD_CLOSURE: case OPC_LOAD_DEREF: case OPC_LOAD_METHOD:
        return 1;
    case OPC_STORE_SUBSCR: return -3;
    case OPC_DELETE_SUBSCR: case OPC_STORE_ATTR: case OPC_MAP_ADD: return -2;
    case OPC_UNPACK_SEQUENCE: return arg - 1;
    case OPC_FOR_ITER: return jump ? -1 : 1;
    case OPC_BUILD_TUPLE: case OPC_BUILD_LIST: case OPC_BUILD_SET: case OPC_BUILD_STRING: return 1 - arg;
    case OPC_BUILD_MAP: return 1 - 2 * arg;
    case OPC_BUILD_CONST_KEY_MAP: return -arg;
    case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OPC_LOAD_GLOBAL: return (arg & 1) + 1;
    case OPC_MAKE_FUNCTION: return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
    case OPC_BUILD_SLICE: return arg == 3 ? -2 : -1;
    case OPC_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OPC_PRECALL: return -arg;
    case OPC_CALL_FUNCTION_EX: return -2 - (arg & 1);
    default: return 0;   /* NOP, UNARY_*, GET_ITER, SWAP, jumps, RESUME, MAKE_CELL, KW_NAMES, ... */
    }
}

/* stackdepth(): the deepest the stack gets over every path of the graph (a
 * block's start depth is kept in its offset field until offsets are made) */
static void depth_push(Block ***sp, Block *b, int depth)
{
    if (b->offset < depth && b->offset < 100) {
        b->offset = depth;
        *(*sp)++ = b;
    }
}

static int stackdepth(Block *entry)
{
    int nblocks = 0, max = 0;
    for (Block *b = entry; b; b = b->next) {
        b->offset = -1;
        nblocks++;
    }
    Block **stack = xcalloc((size_t)nblocks * 101 + 1, sizeof(Block *)), **sp = stack;
    depth_push(&sp, entry, 0);
    while (sp != stack) {
        Block *b = *--sp, *next = b->next;
        int depth = b->offset;
        for (int i = 0; i < b->n; i++) {
            BInstr *in = &b->ins[i];
            int nd = depth + stack_effect(in->op, in->arg, 0);
            if (nd > max) max = nd;
            if (opcode_is_jump(in->op)) {
                int td = depth + stack_effect(in->op, in->arg, 1);
                if (td > max) max = td;
                depth_push(&sp, in->target, td);
            }
            depth = nd;
            if (opcode_is_uncond_jump(in->op) || in->op == OPC_RETURN_VALUE) {
                next = NULL;
                break;
            }
        }
        if (next) depth_push(&sp, next, depth);
    }
    free(stack);
    return max;
}

int opcode_ext_args(int arg) { return arg > 0xffffff ? 3 : arg > 0xffff ? 2 : arg > 0xff ? 1 : 0; }
static int instr_size(const BInstr *i) { return opcode_ext_args(i->arg) + 1 + opcode_caches(i->op); }

/* localsplus index of a deref operand (fix_cell_offsets) */
static int deref_index(const Unit *u, int arg)
{
    int j = arg & 0xffffff, extra = 0;
    if (arg & DEREF_CELL) {
        int v = compile_sym_find(u->varnames, u->nvarnames, u->cells[j]);
        if (v >= 0) return v;
        for (int i = 0; i < j; i++)
            if (compile_sym_find(u->varnames, u->nvarnames, u->cells[i]) < 0) extra++;
        return u->nvarnames + extra;
    }
    for (int i = 0; i < u->ncells; i++)
        if (compile_sym_find(u->varnames, u->nvarnames, u->cells[i]) < 0) extra++;
    return u->nvarnames + extra + j;
}

CodeObj *compile_assemble(C *c)
{
    Unit *u = c->u;
    Block *entry = u->entry;
    for (Block *b = u->blocks; b; b = b->list) extend_block(b);

    /* insert_prefix_instructions: MAKE_CELL and COPY_FREE_VARS before RESUME */
    int nprefix = 0, first_cell = u->nfrees ? 1 : 0;
    BInstr prefix[256];
    if (u->nfrees) prefix[nprefix++] = (BInstr){OPC_COPY_FREE_VARS, u->nfrees, -1, NULL};
    for (int i = 0; i < u->ncells && nprefix < 255; i++) prefix[nprefix++] = (BInstr){OPC_MAKE_CELL, DEREF_CELL | i, -1, NULL};
    if (nprefix) {
        for (int i = 0; i < nprefix; i++) compile_block_add(entry, OPC_NOP, 0, -1, NULL);
        memmove(entry->ins + nprefix, entry->ins, (size_t)(entry->n - nprefix) * sizeof(BInstr));
        memcpy(entry->ins, prefix, (size_t)nprefix * sizeof(BInstr));
    }
    /* the cells sorted by their place in localsplus, as CPython emits MAKE_CELL */
    BInstr *cells = entry->ins + first_cell;
    for (int i = 0; i + 1 < u->ncells; i++)
        for (int j = 0; j + 1 < u->ncells - i; j++)
            if (deref_index(u, cells[j].arg) > deref_index(u, cells[j + 1].arg)) {
                BInstr t = cells[j];
                cells[j] = cells[j + 1];
                cells[j + 1] = t;
            }
    for (Block *b = u->blocks; b; b = b->list)
        for (int i = 0; i < b->n; i++) {
            int op = b->ins[i].op;
            if (op == OPC_MAKE_CELL || op == OPC_LOAD_CLOSURE || op == OPC_LOAD_DEREF || op == OPC_STORE_DEREF ||
                op == OPC_DELETE_DEREF)
                b->ins[i].arg = deref_index(u, b->ins[i].arg);
        }

    optimize_cfg(c, entry);
    duplicate_exits_without_line(c, entry);
    /* trim_unused_consts: only the trailing ones (the first, a docstring slot, stays) */
    int max = 0;
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if ((b->ins[i].op == OPC_LOAD_CONST || b->ins[i].op == OPC_KW_NAMES) && b->ins[i].arg > max)
                max = b->ins[i].arg;
    if (max + 1 < u->nconsts) u->nconsts = max + 1;
    propagate_lines(entry);
    guarantee_exit_lines(entry, u->firstlineno ? u->firstlineno : 1);
    for (Block *b = entry; b; b = b->next) clean_block(b);
    int stacksize = stackdepth(entry);
    normalize_jumps(entry);

    /* assemble_jump_offsets, in code units, until EXTENDED_ARGs settle */
    int changed;
    do {
        int total = 0;
        for (Block *b = entry; b; b = b->next) {
            b->offset = total;
            for (int i = 0; i < b->n; i++) total += instr_size(&b->ins[i]);
        }
        changed = 0;
        for (Block *b = entry; b; b = b->next) {
            int pos = b->offset;
            for (int i = 0; i < b->n; i++) {
                BInstr *in = &b->ins[i];
                int size = instr_size(in);
                pos += size;
                if (!opcode_is_jump(in->op)) continue;
                int t = in->target->offset;
                in->arg = t < pos ? pos - t : t - pos;
                if (instr_size(in) != size) changed = 1;
            }
        }
    } while (changed);

    CodeObj *co = compile_alloc(c->mem, sizeof(CodeObj));
    co->name = u->name;
    co->qualname = u->qualname;
    co->firstlineno = u->firstlineno;
    co->stacksize = stacksize;
    if (u->kind == CODE_FUNC || u->kind == CODE_COMP)
        co->flags = CO_OPTIMIZED | CO_NEWLOCALS | (u->nested ? CO_NESTED : 0);
    int n = 0;
    for (Block *b = entry; b; b = b->next) n += b->n;
    co->code = compile_alloc(c->mem, (size_t)n * sizeof(Instr));
    co->ncode = n;
    int k = 0, pos = 0;
    for (Block *b = entry; b; b = b->next) {
        b->visited = k;   /* the index of its first instruction */
        k += b->n;
    }
    k = 0;
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            BInstr *in = &b->ins[i];
            co->code[k] = (Instr){(uint16_t)in->op, in->arg, opcode_is_jump(in->op) ? in->target->visited : -1, in->line,
                                  pos * 2};
            pos += instr_size(in);
            k++;
        }
    co->codesize = pos * 2;
    co->nvarnames = u->nvarnames;
    int extra = 0;
    for (int i = 0; i < u->ncells; i++)
        if (compile_sym_find(u->varnames, u->nvarnames, u->cells[i]) < 0) extra++;
    co->ncellvars = extra;
    co->nfreevars = u->nfrees;
    co->localsplus = compile_alloc(c->mem, (size_t)(u->nvarnames + extra + u->nfrees + 1) * sizeof(Sym));
    if (u->nvarnames) memcpy(co->localsplus, u->varnames, (size_t)u->nvarnames * sizeof(Sym));
    extra = 0;
    for (int i = 0; i < u->ncells; i++)
        if (compile_sym_find(u->varnames, u->nvarnames, u->cells[i]) < 0) co->localsplus[u->nvarnames + extra++] = u->cells[i];
    if (u->nfrees) memcpy(co->localsplus + u->nvarnames + extra, u->frees, (size_t)u->nfrees * sizeof(Sym));
    co->cellvars = compile_alloc(c->mem, (size_t)(u->ncells + 1) * sizeof(Sym));
    for (int i = 0; i < u->nvarnames; i++)
        if (compile_sym_find(u->cells, u->ncells, u->varnames[i]) >= 0) co->cellvars[co->ncellnames++] = u->varnames[i];
    for (int i = 0; i < extra; i++) co->cellvars[co->ncellnames++] = co->localsplus[u->nvarnames + i];
    co->names = compile_alloc(c->mem, (size_t)(u->nnames + 1) * sizeof(Sym));
    if (u->nnames) memcpy(co->names, u->names, (size_t)u->nnames * sizeof(Sym));
    co->nnames = u->nnames;
    co->consts = compile_alloc(c->mem, (size_t)(u->nconsts + 1) * sizeof(Const *));
    if (u->nconsts) memcpy(co->consts, u->consts, (size_t)u->nconsts * sizeof(Const *));
    co->nconsts = u->nconsts;

    for (Block *b = u->blocks; b; b = b->list) free(b->ins);
    free(u->consts);
    free(u->names);
    free(u->varnames);
    return co;
}

