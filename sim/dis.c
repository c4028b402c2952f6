/* The listing `python3 -m dis` prints (Lib/dis.py of 3.11): per code object,
 * line numbers, jump-target marks, byte offsets, opnames, opargs and what
 * they mean, then the code objects among its constants, depth first. */
#include <stdlib.h>
#include <string.h>

#include "compile_int.h"

/* ================================================================ dis */

static void const_repr(Interp *in, const Const *k, const char *filename, StrBuf *out)
{
    switch (k->kind) {
    case CK_OBJ: obj_repr(in, k->obj, out); break;
    case CK_STR: repr_str_bytes(k->s, k->len, out); break;
    case CK_TUPLE:
        sb_putc(out, '(');
        for (int i = 0; i < k->n; i++) {
            if (i) sb_puts(out, ", ");
            const_repr(in, k->items[i], filename, out);
        }
        sb_puts(out, k->n == 1 ? ",)" : ")");
        break;
    case CK_FROZENSET: {
        /* the element order is the set's: built on the heap, shown, dropped */
        Obj *s = new_set(in->h);
        for (int i = 0; s && i < k->n; i++)
            if (k->items[i]->kind == CK_OBJ) set_add(in->h, (SetObj *)s, k->items[i]->obj);
        sb_puts(out, "frozenset(");
        if (s) obj_repr(in, s, out);
        sb_putc(out, ')');
        if (s) decref(in->h, s);
        break;
    }
    case CK_CODE:
        sb_printf(out, "<code object %s at 0x%llx, file \"%s\", line %d>", k->code->name,
                  0x7f0000000000ULL + ((unsigned long long)(uintptr_t)k->code & 0xffffffffULL), filename,
                  k->code->firstlineno);
        break;
    }
}

static int has_name(int op)
{
    switch (op) {
    case OPC_STORE_NAME: case OPC_DELETE_NAME: case OPC_STORE_ATTR: case OPC_DELETE_ATTR: case OPC_STORE_GLOBAL:
    case OPC_DELETE_GLOBAL: case OPC_LOAD_NAME: case OPC_LOAD_ATTR: case OPC_IMPORT_NAME: case OPC_IMPORT_FROM:
    case OPC_LOAD_METHOD:
        return 1;
    default: return 0;
    }
}

static void argrepr(Interp *in, const CodeObj *co, const Instr *i, StrBuf *out)
{
    static const char *const nb[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
    static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
    int op = i->op, arg = i->arg;
    if (op == OPC_LOAD_CONST) {
        const_repr(in, co->consts[arg], in->filename, out);
    } else if (has_name(op)) {
        sb_puts(out, module_symname(in->mod, co->names[arg]));
    } else if (op == OPC_LOAD_GLOBAL) {
        if (arg & 1) sb_puts(out, "NULL + ");
        sb_puts(out, module_symname(in->mod, co->names[arg >> 1]));
    } else if (op == OPC_LOAD_FAST || op == OPC_STORE_FAST || op == OPC_DELETE_FAST || op == OPC_MAKE_CELL ||
               op == OPC_LOAD_CLOSURE || op == OPC_LOAD_DEREF || op == OPC_STORE_DEREF || op == OPC_DELETE_DEREF) {
        sb_puts(out, module_symname(in->mod, co->localsplus[arg]));
    } else if (op == OPC_COMPARE_OP) {
        sb_puts(out, cmp[arg]);
    } else if (op == OPC_BINARY_OP) {
        sb_puts(out, nb[arg % 13]);
        if (arg >= 13) sb_putc(out, '=');
    } else if (op == OPC_FORMAT_VALUE) {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        sb_puts(out, conv[arg & 3]);
        if (arg & 4) sb_puts(out, (arg & 3) ? ", with format" : "with format");
    } else if (op == OPC_MAKE_FUNCTION) {
        static const char *const fl[] = {"defaults", "kwdefaults", "annotations", "closure"};
        int first = 1;
        for (int b = 0; b < 4; b++)
            if (arg & (1 << b)) {
                sb_printf(out, "%s%s", first ? "" : ", ", fl[b]);
                first = 0;
            }
    } else if (opcode_is_jump(op)) {
        sb_printf(out, "to %d", co->code[i->target].offset);
    }
}

static void dis_line(StrBuf *out, int lw, int line, int target, int ow, int offset, const char *name, int hasarg,
                     int arg, const char *rep)
{
    StrBuf l = {0};
    if (line >= 0) sb_printf(&l, "%*d", lw, line);
    else sb_printf(&l, "%*s", lw, "");
    sb_printf(&l, "     %s %*d %-20s", target ? ">>" : "  ", ow, offset, name);
    if (hasarg) {
        sb_printf(&l, " %5d", arg);
        if (rep && *rep) sb_printf(&l, " (%s)", rep);
    }
    size_t n = l.len;
    while (n && l.s[n - 1] == ' ') n--;
    sb_printf(out, "%.*s\n", (int)n, l.s ? l.s : "");
    sb_free(&l);
}

static void dis_code(Interp *in, const CodeObj *co, StrBuf *out)
{
    int maxline = 0;
    for (int i = 0; i < co->ncode; i++)
        if (co->code[i].line > maxline) maxline = co->code[i].line;
    char tmp[32];
    int lw = maxline >= 1000 ? snprintf(tmp, sizeof tmp, "%d", maxline) : 3;
    int ow = co->codesize - 2 >= 10000 ? snprintf(tmp, sizeof tmp, "%d", co->codesize - 2) : 4;
    uint8_t *target = xcalloc((size_t)co->ncode + 1, 1);
    for (int i = 0; i < co->ncode; i++)
        if (co->code[i].target >= 0) target[co->code[i].target] = 1;
    int lastline = -1;
    for (int i = 0; i < co->ncode; i++) {
        const Instr *ins = &co->code[i];
        int start = ins->line >= 0 && ins->line != lastline;
        if (start) lastline = ins->line;
        if (start && ins->offset > 0) sb_putc(out, '\n');
        int off = ins->offset, n = opcode_ext_args(ins->arg);
        for (int e = n; e > 0; e--) {
            dis_line(out, lw, start ? ins->line : -1, target[i] && e == n, ow, off, "EXTENDED_ARG", 1,
                     ins->arg >> (8 * e), NULL);
            start = 0;
            off += 2;
        }
        StrBuf rep = {0};
        argrepr(in, co, ins, &rep);
        dis_line(out, lw, start ? ins->line : -1, target[i] && !n, ow, off, opcode_name(ins->op), ins->op >= 90,
                 ins->arg, rep.s);
        sb_free(&rep);
    }
    free(target);
}

static void dis_recursive(Interp *in, const CodeObj *co, StrBuf *out)
{
    dis_code(in, co, out);
    for (int i = 0; i < co->nconsts; i++) {
        if (co->consts[i]->kind != CK_CODE) continue;
        sb_puts(out, "\nDisassembly of ");
        const_repr(in, co->consts[i], in->filename, out);
        sb_puts(out, ":\n");
        dis_recursive(in, co->consts[i]->code, out);
    }
}

void dis_module(Interp *in, CodeObj *co, StrBuf *out) { dis_recursive(in, co, out); }

static void info_names(Interp *in, StrBuf *out, const char *title, const Sym *names, int n)
{
    if (!n) return;
    sb_printf(out, "%s:\n", title);
    for (int i = 0; i < n; i++) sb_printf(out, "%4d: %s\n", i, module_symname(in->mod, names[i]));
}

void dis_code_info(Interp *in, CodeObj *co, StrBuf *out)
{
    sb_printf(out, "Name:              %s\n", co->name);
    sb_printf(out, "Filename:          %s\n", in->filename);
    sb_printf(out, "Argument count:    %d\n", co->argcount);
    sb_puts(out, "Positional-only arguments: 0\nKw-only arguments: 0\n");
    sb_printf(out, "Number of locals:  %d\n", co->nvarnames);
    sb_printf(out, "Stack size:        %d\n", co->stacksize);
    static const char *const flag[] = {"OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED"};
    sb_puts(out, "Flags:             ");
    if (!co->flags) sb_puts(out, "0x0");
    for (int b = 0, first = 1; b < 5; b++)
        if (co->flags & (1 << b)) {
            sb_printf(out, "%s%s", first ? "" : ", ", flag[b]);
            first = 0;
        }
    sb_putc(out, '\n');
    if (co->nconsts) {
        sb_puts(out, "Constants:\n");
        for (int i = 0; i < co->nconsts; i++) {
            sb_printf(out, "%4d: ", i);
            const_repr(in, co->consts[i], in->filename, out);
            sb_putc(out, '\n');
        }
    }
    info_names(in, out, "Names", co->names, co->nnames);
    info_names(in, out, "Variable names", co->localsplus, co->nvarnames);
    info_names(in, out, "Free variables", co->localsplus + co->nvarnames + co->ncellvars, co->nfreevars);
    info_names(in, out, "Cell variables", co->cellvars, co->ncellnames);
    for (int i = 0; i < co->nconsts; i++) {
        if (co->consts[i]->kind != CK_CODE) continue;
        sb_putc(out, '\n');
        dis_code_info(in, co->consts[i]->code, out);
    }
}

void interp_dis(Interp *in, int code_info, StrBuf *out)
{
    CodeObj *co = compile_module(in);
    if (!co) return;
    if (code_info) dis_code_info(in, co, out);
    else dis_module(in, co, out);
    compile_free(co);
}
