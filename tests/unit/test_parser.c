/* Unit tests for the lexer and parser: token and node positions, every literal
 * kind, precedence, every statement, the unsupported constructs, CPython's
 * syntax error messages and positions, nesting limits, and truncated inputs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexer.h"
#include "parser.h"
#include "util.h"

/* S-expression dump of the tree, for tests. */
static void dump_node(const Module *m, const Node *n, StrBuf *b);
static void dump_list(const Module *m, const NodeList *l, StrBuf *b)
{
    sb_putc(b, '[');
    for (int i = 0; i < l->n; i++) {
        if (i) sb_putc(b, ' ');
        dump_node(m, l->items[i], b);
    }
    sb_putc(b, ']');
}
static void dump_syms(const Module *m, const SymList *l, StrBuf *b)
{
    sb_putc(b, '[');
    for (int i = 0; i < l->n; i++) sb_printf(b, "%s%s", i ? " " : "", l->items[i] ? module_symname(m, l->items[i]) : "-");
    sb_putc(b, ']');
}
static const char *const binop_names[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "and", "or"};
static const char *const cmp_names[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
static const char *const un_names[] = {"neg", "pos", "not", "inv"};
static void dump_node(const Module *m, const Node *n, StrBuf *b)
{
    if (!n) { sb_puts(b, "nil"); return; }
    switch (n->kind) {
    case E_NAME: sb_puts(b, module_symname(m, n->name)); return;
    case E_INT: sb_printf(b, "%lld", (long long)n->ival); return;
    case E_BIGINT: sb_printf(b, "big:%s", n->str); return;
    case E_FLOAT: sb_printf(b, "%g", n->fval); return;
    case E_STR: sb_putc(b, '\''); for (size_t i = 0; i < n->len; i++) { unsigned char c = (unsigned char)n->str[i]; if (c < 32 || c == '\\' || c == '\'') sb_printf(b, "\\x%02x", c); else sb_putc(b, (char)c); } sb_putc(b, '\''); return;
    case E_NONE: sb_puts(b, "None"); return;
    case E_TRUE: sb_puts(b, "True"); return;
    case E_FALSE: sb_puts(b, "False"); return;
    case E_FSTRING: sb_puts(b, "(f "); dump_list(m, &n->list, b); sb_putc(b, ')'); return;
    case E_FORMAT: sb_puts(b, "(fmt "); dump_node(m, n->a, b); if (n->op) sb_printf(b, " !%c", n->op); if (n->b) { sb_putc(b, ' '); dump_node(m, n->b, b); } sb_putc(b, ')'); return;
    case E_LIST: sb_puts(b, "(list "); dump_list(m, &n->list, b); sb_putc(b, ')'); return;
    case E_TUPLE: sb_puts(b, "(tuple "); dump_list(m, &n->list, b); sb_putc(b, ')'); return;
    case E_SET: sb_puts(b, "(set "); dump_list(m, &n->list, b); sb_putc(b, ')'); return;
    case E_DICT: sb_puts(b, "(dict "); dump_list(m, &n->list, b); sb_putc(b, ' '); dump_list(m, &n->list2, b); sb_putc(b, ')'); return;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP:
        sb_puts(b, n->kind == E_LISTCOMP ? "(listcomp " : n->kind == E_SETCOMP ? "(setcomp " : "(dictcomp ");
        dump_node(m, n->a, b);
        if (n->b) { sb_putc(b, ' '); dump_node(m, n->b, b); }
        for (int i = 0; i < n->comp.n; i++) { sb_puts(b, " (for "); dump_node(m, n->comp.items[i].target, b); sb_putc(b, ' '); dump_node(m, n->comp.items[i].iter, b); sb_putc(b, ' '); dump_list(m, &n->comp.items[i].ifs, b); sb_putc(b, ')'); }
        sb_putc(b, ')'); return;
    case E_BINOP: sb_printf(b, "(%s ", binop_names[n->op]); dump_node(m, n->a, b); sb_putc(b, ' '); dump_node(m, n->b, b); sb_putc(b, ')'); return;
    case E_UNARY: sb_printf(b, "(%s ", un_names[n->op]); dump_node(m, n->a, b); sb_putc(b, ')'); return;
    case E_BOOLOP: sb_printf(b, "(%s ", binop_names[n->op]); dump_list(m, &n->list, b); sb_putc(b, ')'); return;
    case E_COMPARE: sb_puts(b, "(cmp "); dump_node(m, n->a, b); for (int i = 0; i < n->list.n; i++) { sb_printf(b, " %s ", cmp_names[n->ops[i]]); dump_node(m, n->list.items[i], b); } sb_putc(b, ')'); return;
    case E_IFEXP: sb_puts(b, "(ifexp "); dump_node(m, n->a, b); sb_putc(b, ' '); dump_node(m, n->b, b); sb_putc(b, ' '); dump_node(m, n->c, b); sb_putc(b, ')'); return;
    case E_CALL: sb_puts(b, "(call "); dump_node(m, n->a, b); sb_putc(b, ' '); dump_list(m, &n->list, b); if (n->kwnames.n) { sb_putc(b, ' '); dump_syms(m, &n->kwnames, b); dump_list(m, &n->list2, b); } sb_putc(b, ')'); return;
    case E_ATTR: sb_puts(b, "(. "); dump_node(m, n->a, b); sb_printf(b, " %s)", module_symname(m, n->name)); return;
    case E_SUBSCRIPT: sb_puts(b, "(sub "); dump_node(m, n->a, b); sb_putc(b, ' '); dump_node(m, n->b, b); sb_putc(b, ')'); return;
    case E_SLICE: sb_puts(b, "(slice "); dump_node(m, n->a, b); sb_putc(b, ' '); dump_node(m, n->b, b); sb_putc(b, ' '); dump_node(m, n->c, b); sb_putc(b, ')'); return;
    case S_EXPR: sb_puts(b, "(expr "); dump_node(m, n->a, b); sb_putc(b, ')'); return;
    case S_ASSIGN: sb_puts(b, "(= "); dump_list(m, &n->list, b); sb_putc(b, ' '); dump_node(m, n->a, b); sb_putc(b, ')'); return;
    case S_AUGASSIGN: sb_printf(b, "(%s= ", binop_names[n->op]); dump_node(m, n->a, b); sb_putc(b, ' '); dump_node(m, n->b, b); sb_putc(b, ')'); return;
    case S_DEL: sb_puts(b, "(del "); dump_list(m, &n->list, b); sb_putc(b, ')'); return;
    case S_IF: case S_WHILE: sb_puts(b, n->kind == S_IF ? "(if " : "(while "); dump_node(m, n->a, b); sb_putc(b, ' '); dump_list(m, &n->body, b); if (n->orelse.n) { sb_putc(b, ' '); dump_list(m, &n->orelse, b); } sb_putc(b, ')'); return;
    case S_FOR: sb_puts(b, "(for "); dump_node(m, n->a, b); sb_putc(b, ' '); dump_node(m, n->b, b); sb_putc(b, ' '); dump_list(m, &n->body, b); if (n->orelse.n) { sb_putc(b, ' '); dump_list(m, &n->orelse, b); } sb_putc(b, ')'); return;
    case S_BREAK: sb_puts(b, "break"); return;
    case S_CONTINUE: sb_puts(b, "continue"); return;
    case S_PASS: sb_puts(b, "pass"); return;
    case S_DEF: sb_printf(b, "(def %s ", module_symname(m, n->name)); dump_syms(m, &n->params, b); sb_putc(b, ' '); dump_list(m, &n->list, b); sb_putc(b, ' '); dump_list(m, &n->body, b); sb_putc(b, ')'); return;
    case S_RETURN: sb_puts(b, "(return "); dump_node(m, n->a, b); sb_putc(b, ')'); return;
    case S_GLOBAL: sb_puts(b, "(global "); dump_syms(m, &n->syms, b); sb_putc(b, ')'); return;
    case S_CLASS: sb_printf(b, "(class %s ", module_symname(m, n->name)); dump_list(m, &n->list, b); sb_putc(b, ' '); dump_list(m, &n->body, b); sb_putc(b, ')'); return;
    case S_IMPORT: sb_puts(b, "(import "); dump_syms(m, &n->syms, b); dump_syms(m, &n->syms2, b); sb_putc(b, ')'); return;
    case S_FROMIMPORT: sb_printf(b, "(from %s ", module_symname(m, n->name)); dump_syms(m, &n->syms, b); dump_syms(m, &n->syms2, b); sb_putc(b, ')'); return;
    default: sb_printf(b, "?%d", n->kind); return;
    }
}

/* Parse src and dump its statements, one per line. */
static char *dump_src(const char *src)
{
    ParseError err;
    Module *m = parse_module("t.py", src, strlen(src), &err);
    StrBuf b = {0};
    if (!m) {
        sb_printf(&b, "ERR %d:%d %s: %s", err.line, err.col, err.type, err.msg);
        return sb_take(&b);
    }
    for (int i = 0; i < m->body.n; i++) {
        if (i) sb_putc(&b, '\n');
        dump_node(m, m->body.items[i], &b);
    }
    module_free(m);
    return sb_take(&b);
}

static void check_dump(const char *src, const char *want)
{
    char *got = dump_src(src);
    if (strcmp(got, want) != 0) print_error("source: %s\n  want: %s\n   got: %s\n", src, want, got);
    assert_string_equal(got, want);
    free(got);
}

/* Parse one expression statement and dump the expression. */
static void check_expr(const char *src, const char *want)
{
    StrBuf s = {0};
    sb_printf(&s, "%s\n", src);
    char *got = dump_src(s.s);
    StrBuf w = {0};
    sb_printf(&w, "(expr %s)", want);
    if (strcmp(got, w.s) != 0) print_error("source: %s\n  want: %s\n   got: %s\n", src, w.s, got);
    assert_string_equal(got, w.s);
    free(got);
    sb_free(&s);
    sb_free(&w);
}

/* ---- tokens ---- */

static void test_token_positions(void **state)
{
    (void)state;
    const char *src = "x = 'é€' + yé\nif a:\n\tb = 1  # c\n";
    Module *m = module_new("t.py", src, strlen(src));
    TokenList tl;
    ParseError err;
    memset(&err, 0, sizeof err);
    assert_int_equal(lex_source(m, src, strlen(src), 1, 1, 0, &tl, &err), 0);
    struct {
        int kind, line, col, end_col;
    } want[] = {
        {T_NAME, 1, 1, 2}, {T_EQUAL, 1, 3, 4}, {T_STRING, 1, 5, 9}, {T_PLUS, 1, 10, 11},
        {T_NAME, 1, 12, 14}, {T_NEWLINE, 1, 14, 15}, {T_NAME, 2, 1, 3}, {T_NAME, 2, 4, 5},
        {T_COLON, 2, 5, 6}, {T_NEWLINE, 2, 6, 7}, {T_INDENT, 3, 1, 2}, {T_NAME, 3, 2, 3},
        {T_EQUAL, 3, 4, 5}, {T_INT, 3, 6, 7}, {T_NEWLINE, 3, 12, 13}, {T_DEDENT, 4, 1, 1},
        {T_EOF, 4, 1, 1},
    };
    int n = (int)(sizeof want / sizeof *want);
    assert_int_equal(tl.n, n);
    for (int i = 0; i < n; i++) {
        assert_int_equal(tl.toks[i].kind, want[i].kind);
        assert_int_equal(tl.toks[i].line, want[i].line);
        assert_int_equal(tl.toks[i].col, want[i].col);
        if (want[i].kind != T_INDENT) assert_int_equal(tl.toks[i].end_col, want[i].end_col);
    }
    assert_int_equal(tl.toks[6].kw, KW_IF);
    assert_int_equal(tl.toks[2].len, strlen("é€"));
    assert_memory_equal(tl.toks[2].str, "é€", strlen("é€"));
    free(tl.toks);
    module_free(m);
}

static int kinds(const char *src, int *out, int max)
{
    Module *m = module_new("t.py", src, strlen(src));
    TokenList tl;
    ParseError err;
    memset(&err, 0, sizeof err);
    int r = lex_source(m, src, strlen(src), 1, 1, 0, &tl, &err);
    int n = 0;
    if (r == 0) {
        for (int i = 0; i < tl.n && n < max; i++) out[n++] = tl.toks[i].kind;
        free(tl.toks);
    }
    module_free(m);
    return r < 0 ? -1 : n;
}

static void test_indent_dedent(void **state)
{
    (void)state;
    int k[64];
    /* blank lines and comments inside blocks produce no tokens */
    int n = kinds("if a:\n    b\n\n    # c\n        \n    if d:\n        e\nf\n", k, 64);
    int want[] = {T_NAME, T_NAME, T_COLON, T_NEWLINE, T_INDENT, T_NAME, T_NEWLINE, T_NAME,
                  T_NAME, T_COLON, T_NEWLINE, T_INDENT, T_NAME, T_NEWLINE, T_DEDENT, T_DEDENT,
                  T_NAME, T_NEWLINE, T_EOF};
    assert_int_equal(n, (int)(sizeof want / sizeof *want));
    for (int i = 0; i < n; i++) assert_int_equal(k[i], want[i]);
    /* no newline at the end: NEWLINE and DEDENTs are still produced */
    n = kinds("if a:\n  b", k, 64);
    int want2[] = {T_NAME, T_NAME, T_COLON, T_NEWLINE, T_INDENT, T_NAME, T_NEWLINE, T_DEDENT, T_EOF};
    assert_int_equal(n, 9);
    for (int i = 0; i < n; i++) assert_int_equal(k[i], want2[i]);
    /* implicit joining in brackets, backslash continuation */
    n = kinds("x = (1,\n  2) + \\\n   3\n", k, 64);
    int want3[] = {T_NAME, T_EQUAL, T_LPAR, T_INT, T_COMMA, T_INT, T_RPAR, T_PLUS, T_INT,
                   T_NEWLINE, T_EOF};
    assert_int_equal(n, 11);
    for (int i = 0; i < n; i++) assert_int_equal(k[i], want3[i]);
    /* tabs: a tab goes to the next multiple of 8 */
    check_dump("if a:\n\tb\n\tc\n", "(if a [(expr b) (expr c)])");
    check_dump("if a:\n\tb\n        c\n", "ERR 3:1 TabError: inconsistent use of tabs and spaces in indentation");
    /* CRLF line ends */
    check_dump("if a:\r\n  b = 1\r\nc\r\n", "(if a [(= [b] 1)])\n(expr c)");
    /* byte order mark */
    check_dump("\xEF\xBB\xBFx = 1\n", "(= [x] 1)");
}

/* ---- literals ---- */

static void test_literals(void **state)
{
    (void)state;
    check_expr("123", "123");
    check_expr("1_000_000", "1000000");
    check_expr("0x_Ff", "255");
    check_expr("0o17", "15");
    check_expr("0b101", "5");
    check_expr("0", "0");
    check_expr("00", "0");
    check_expr("9223372036854775807", "9223372036854775807");
    check_expr("9223372036854775808", "big:9223372036854775808");
    check_expr("1_000_000_000_000_000_000_000", "big:1000000000000000000000");
    check_expr("0xFFFF_FFFF_FFFF_FFFF", "big:0xFFFFFFFFFFFFFFFF");
    check_expr("1.0", "1");
    check_expr(".5", "0.5");
    check_expr("1e10", "1e+10");
    check_expr("1_000.5", "1000.5");
    check_expr("1.5e-3", "0.0015");
    check_expr("5.", "5");
    check_expr("'a\\tb'", "'a\\x09b'");
    check_expr("\"q\\\"\\'\\\\\"", "'q\"\\x27\\x5c'");
    check_expr("'\\n\\r\\0'", "'\\x0a\\x0d\\x00'");
    check_expr("'\\x41\\u00e9\\101'", "'AéA'");
    check_expr("'\\U0001F600'", "'\xF0\x9F\x98\x80'");
    check_expr("'\\q'", "'\\x5cq'");
    check_expr("r'\\n'", "'\\x5cn'");
    check_expr("'''a\nb'''", "'a\\x0ab'");
    check_expr("\"\"\"x\"y\"\"\"", "'x\"y'");
    check_expr("'a' \"b\"  'c'", "'abc'");
    check_expr("'a\\\nb'", "'ab'");
    check_expr("None", "None");
    check_expr("True", "True");
    check_expr("False", "False");
    check_expr("f'x{a}y'", "(f ['x' (fmt a) 'y'])");
    check_expr("f'{{}}{a!r}'", "(f ['{}' (fmt a !r)])");
    check_expr("f'{a:>10}'", "(f [(fmt a (f ['>10']))])");
    check_expr("f'{a!s:{w}.{p}f}'", "(f [(fmt a !s (f [(fmt w) '.' (fmt p) 'f']))])");
    check_expr("'a' f'{b}' 'c'", "(f ['a' (fmt b) 'c'])");
    check_expr("f'{x[\"k\"]}'", "(f [(fmt (sub x 'k'))])");
    check_expr("f'{a + b}\\n'", "(f [(fmt (+ a b)) '\\x0a'])");
    check_expr("rf'\\n{a}'", "(f ['\\x5cn' (fmt a)])");
    check_expr("f''", "(f [])");
}

/* ---- expressions ---- */

static void test_precedence(void **state)
{
    (void)state;
    check_expr("-2**2", "(neg (** 2 2))");
    check_expr("2**-1", "(** 2 (neg 1))");
    check_expr("2**3**2", "(** 2 (** 3 2))");
    check_expr("a or b and c", "(or [a (and [b c])])");
    check_expr("a and b or c and d", "(or [(and [a b]) (and [c d])])");
    check_expr("a or b or c", "(or [a b c])");
    check_expr("not a == b", "(not (cmp a == b))");
    check_expr("not not a", "(not (not a))");
    check_expr("a < b <= c", "(cmp a < b <= c)");
    check_expr("a not in b", "(cmp a not in b)");
    check_expr("a is not b", "(cmp a is not b)");
    check_expr("a is b in c != d", "(cmp a is b in c != d)");
    check_expr("1 + 2 * 3 - 4", "(- (+ 1 (* 2 3)) 4)");
    check_expr("a // b % c / d @ e", "(@ (/ (% (// a b) c) d) e)");
    check_expr("a | b ^ c & d << e + f", "(| a (^ b (& c (<< d (+ e f)))))");
    check_expr("a >> b", "(>> a b)");
    check_expr("~a + -b * +c", "(+ (inv a) (* (neg b) (pos c)))");
    check_expr("a if b else c if d else e", "(ifexp a b (ifexp c d e))");
    check_expr("a or b if c else d", "(ifexp (or [a b]) c d)");
    check_expr("f(a)(b).c[d]", "(sub (. (call (call f [a]) [b]) c) d)");
    check_expr("f(1, x, k=2, j=a+b)", "(call f [1 x] [k j][2 (+ a b)])");
    check_expr("f()", "(call f [])");
    check_expr("f(a,)", "(call f [a])");
    check_expr("a[1:2:3]", "(sub a (slice 1 2 3))");
    check_expr("a[:]", "(sub a (slice nil nil nil))");
    check_expr("a[::2]", "(sub a (slice nil nil 2))");
    check_expr("a[1:]", "(sub a (slice 1 nil nil))");
    check_expr("a[1, 2]", "(sub a (tuple [1 2]))");
    check_expr("a[i, 1:2]", "(sub a (tuple [i (slice 1 2 nil)]))");
    check_expr("(1)", "1");
    check_expr("()", "(tuple [])");
    check_expr("(1,)", "(tuple [1])");
    check_expr("1, 2", "(tuple [1 2])");
    check_expr("[]", "(list [])");
    check_expr("[1, [2], (3,)]", "(list [1 (list [2]) (tuple [3])])");
    check_expr("{}", "(dict [] [])");
    check_expr("{1: 'a', 2: 'b',}", "(dict [1 2] ['a' 'b'])");
    check_expr("{1, 2}", "(set [1 2])");
    check_expr("[x*2 for x in range(3) if x if x > 0]",
               "(listcomp (* x 2) (for x (call range [3]) [x (cmp x > 0)]))");
    check_expr("[(i, j) for i in a for j in b]", "(listcomp (tuple [i j]) (for i a []) (for j b []))");
    check_expr("{k: v for k, v in d.items()}",
               "(dictcomp k v (for (tuple [k v]) (call (. d items) []) []))");
    check_expr("{x for x in s}", "(setcomp x (for x s []))");
    check_expr("a.b.c", "(. (. a b) c)");
}

static void test_node_positions(void **state)
{
    (void)state;
    const char *src = "x = 1\nif a:\n    y = f(b, c)\nz = 'é' + w\n";
    ParseError err;
    Module *m = parse_module("t.py", src, strlen(src), &err);
    assert_non_null(m);
    assert_int_equal(m->body.n, 3);
    Node *s0 = m->body.items[0];
    assert_int_equal(s0->line, 1);
    assert_int_equal(s0->col, 1);
    assert_int_equal(s0->end_col, 6);
    assert_int_equal(s0->a->col, 5);
    Node *ifs = m->body.items[1];
    assert_int_equal(ifs->line, 2);
    assert_int_equal(ifs->end_line, 3);
    assert_int_equal(ifs->end_col, 16);
    Node *as = ifs->body.items[0];
    assert_int_equal(as->line, 3);
    assert_int_equal(as->col, 5);
    Node *call = as->a;
    assert_int_equal(call->kind, E_CALL);
    assert_int_equal(call->col, 9);
    assert_int_equal(call->end_col, 16);
    assert_int_equal(call->list.items[1]->col, 14);
    Node *z = m->body.items[2];
    Node *plus = z->a;
    assert_int_equal(plus->col, 5);
    assert_int_equal(plus->b->col, 11); /* after a 2-byte character */
    assert_int_equal(plus->end_col, 12);
    module_free(m);
}

/* ---- statements ---- */

static void test_statements(void **state)
{
    (void)state;
    check_dump("x = 1", "(= [x] 1)");
    check_dump("a = b = c", "(= [a b] c)");
    check_dump("a, b = b, a", "(= [(tuple [a b])] (tuple [b a]))");
    check_dump("(a, [b, c]) = x", "(= [(tuple [a (list [b c])])] x)");
    check_dump("[a, b] = x", "(= [(list [a b])] x)");
    check_dump("a.b[1] = x.y = 2", "(= [(sub (. a b) 1) (. x y)] 2)");
    check_dump("x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 2\nx **= 2\nx |= 1\nx &= 1\nx ^= 1\nx <<= 1\nx >>= 1",
               "(+= x 1)\n(-= x 1)\n(*= x 2)\n(/= x 2)\n(//= x 2)\n(%= x 2)\n(**= x 2)\n(|= x 1)\n(&= x 1)\n(^= x 1)\n(<<= x 1)\n(>>= x 1)");
    check_dump("a[0] += 1", "(+= (sub a 0) 1)");
    check_dump("del a, b[0], c.d", "(del [a (sub b 0) (. c d)])");
    check_dump("del (a, b)", "(del [(tuple [a b])])");
    check_dump("if a:\n  x\nelif b:\n  y\nelse:\n  z",
               "(if a [(expr x)] [(if b [(expr y)] [(expr z)])])");
    check_dump("while a:\n  break\nelse:\n  pass", "(while a [break] [pass])");
    check_dump("for i, j in x:\n  continue\nelse:\n  pass", "(for (tuple [i j]) x [continue] [pass])");
    check_dump("for (i, j) in x: pass", "(for (tuple [i j]) x [pass])");
    check_dump("for x in 1, 2: pass", "(for x (tuple [1 2]) [pass])");
    check_dump("def f(a, b=1, c=2):\n  global g, h\n  return a, b\n",
               "(def f [a b c] [1 2] [(global [g h]) (return (tuple [a b]))])");
    check_dump("def f():\n  return\n", "(def f [] [] [(return nil)])");
    check_dump("def f(a,): pass", "(def f [a] [] [pass])");
    check_dump("class A:\n  def __init__(self):\n    self.x = 1\n",
               "(class A [] [(def __init__ [self] [] [(= [(. self x)] 1)])])");
    check_dump("class A(B, C): pass", "(class A [B C] [pass])");
    check_dump("class A(): pass", "(class A [] [pass])");
    check_dump("import gc, sys as s", "(import [gc sys][- s])");
    check_dump("from array import array, b as c", "(from array [array b][- c])");
    check_dump("from m import (a,\n  b,)", "(from m [a b][- -])");
    check_dump("a = 1; b = 2;", "(= [a] 1)\n(= [b] 2)");
    check_dump("if x: y = 1; z = 2", "(if x [(= [y] 1) (= [z] 2)])");
    check_dump("while x: pass", "(while x [pass])");
    check_dump("def f():\n  def g():\n    return 1\n  class C: pass\n  return g",
               "(def f [] [] [(def g [] [] [(return 1)]) (class C [] [pass]) (return g)])");
    check_dump("for i in r:\n  def f():\n    pass\n  break", "(for i r [(def f [] [] [pass]) break])");
    check_dump("match = 1\nmatch(x)\ncase = 2", "(= [match] 1)\n(expr (call match [x]))\n(= [case] 2)");
    check_dump("print(x, end='')", "(expr (call print [x] [end]['']))");
    check_dump("", "");
    check_dump("\n\n# only a comment\n", "");
}

/* ---- unsupported ---- */

static void check_unsupported(const char *src, int line, int col, const char *what)
{
    ParseError err;
    Module *m = parse_module("t.py", src, strlen(src), &err);
    if (m) {
        module_free(m);
        print_error("source: %s: parsed, expected 'not supported: %s'\n", src, what);
        fail();
    }
    char want[160];
    snprintf(want, sizeof want, "not supported: %s", what);
    if (err.kind != PERR_UNSUPPORTED || strcmp(err.msg, want) != 0 || err.line != line || err.col != col)
        print_error("source: %s\n  want %d:%d %s\n  got %d:%d %s (kind %d)\n", src, line, col, want,
                    err.line, err.col, err.msg, err.kind);
    assert_int_equal(err.kind, PERR_UNSUPPORTED);
    assert_string_equal(err.msg, want);
    assert_int_equal(err.line, line);
    assert_int_equal(err.col, col);
}

static void test_unsupported(void **state)
{
    (void)state;
    check_unsupported("f = lambda x: x + 1", 1, 5, "lambda");
    check_unsupported("with open(f) as g:\n    pass", 1, 1, "with statement");
    check_unsupported("try:\n    x = 1\nexcept E as e:\n    pass\nfinally:\n    pass", 1, 1, "try statement");
    check_unsupported("x = 1\nraise E", 2, 1, "raise statement");
    check_unsupported("assert x", 1, 1, "assert statement");
    check_unsupported("async def f():\n    await x", 1, 1, "async");
    check_unsupported("def f():\n    yield 1", 2, 5, "yield");
    check_unsupported("def f():\n    x = yield", 2, 9, "yield");
    check_unsupported("@dec\ndef f(): pass", 1, 1, "decorators");
    check_unsupported("def f(*a): pass", 1, 7, "star arguments");
    check_unsupported("def f(**k): pass", 1, 7, "star arguments");
    check_unsupported("def f(a, *, b): pass", 1, 10, "keyword-only parameters");
    check_unsupported("def f(a, /): pass", 1, 10, "positional-only parameters");
    check_unsupported("f(*a)", 1, 3, "star arguments");
    check_unsupported("f(**k)", 1, 3, "star arguments");
    check_unsupported("*a, b = c", 1, 1, "star expressions");
    check_unsupported("x = [*a]", 1, 6, "star expressions");
    check_unsupported("x = {**a}", 1, 6, "dict unpacking");
    check_unsupported("if (y := 1): pass", 1, 7, "walrus operator");
    check_unsupported("match x:\n    case 1:\n        pass\ny = 1", 1, 1, "match statement");
    check_unsupported("def f():\n    nonlocal x", 2, 5, "nonlocal statement");
    check_unsupported("x: int = 1", 1, 2, "annotations");
    check_unsupported("def f(a: int): pass", 1, 8, "annotations");
    check_unsupported("def f() -> int: pass", 1, 9, "annotations");
    check_unsupported("sum(x for x in y)", 1, 5, "generator expressions");
    check_unsupported("t = (x for x in y)", 1, 6, "generator expressions");
    check_unsupported("x = ...", 1, 5, "Ellipsis");
    check_unsupported("import a.b", 1, 8, "dotted module names");
    check_unsupported("from a.b import c", 1, 6, "dotted module names");
    check_unsupported("from . import x", 1, 6, "relative imports");
    check_unsupported("from a import *", 1, 15, "import *");
    check_unsupported("x = b'ab'", 1, 5, "bytes literals");
    check_unsupported("x = 1j", 1, 5, "complex numbers");
    check_unsupported("class A(metaclass=M): pass", 1, 19, "class keywords");
    check_unsupported("print(f'{x=}')", 1, 7, "f-string '=' specifier");
    /* the first one in the source is reported */
    check_unsupported("x = 1\ny = lambda: 1\nwith a: pass", 2, 5, "lambda");
    /* a syntax error anywhere wins over an unsupported construct */
    ParseError err;
    const char *src = "x = lambda: 1\nx = = 2\n";
    assert_null(parse_module("t.py", src, strlen(src), &err));
    assert_int_equal(err.kind, PERR_SYNTAX);
    assert_int_equal(err.line, 2);
}

/* ---- syntax errors ---- */

typedef struct {
    const char *src, *type, *msg;
    int line, col, end_col; /* end_col 0: not checked */
} ErrCase;

static void check_error(const ErrCase *c)
{
    ParseError err;
    Module *m = parse_module("t.py", c->src, strlen(c->src), &err);
    if (m) {
        module_free(m);
        print_error("source: %s: parsed, expected %s\n", c->src, c->msg);
        fail();
    }
    int ok = err.kind == PERR_SYNTAX && strcmp(err.type, c->type) == 0 && strcmp(err.msg, c->msg) == 0 &&
             err.line == c->line && err.col == c->col && (!c->end_col || err.end_col == c->end_col);
    if (!ok)
        print_error("source: %s\n  want %s %d:%d-%d %s\n  got  %s %d:%d-%d %s\n", c->src, c->type,
                    c->line, c->col, c->end_col, c->msg, err.type, err.line, err.col, err.end_col,
                    err.msg);
    assert_true(ok);
}

/* Messages and positions checked against CPython 3.11.7. */
static const ErrCase error_cases[] = {
    {"x = (1", "SyntaxError", "'(' was never closed", 1, 5, 6},
    {"foo(1,\n2", "SyntaxError", "'(' was never closed", 1, 4, 5},
    {"x = [1,\n 2 3", "SyntaxError", "'[' was never closed", 1, 5, 6},
    {"x = (1 2", "SyntaxError", "'(' was never closed", 1, 5, 6},
    {"x = = (1", "SyntaxError", "invalid syntax", 1, 5, 6},
    {"x = = 1\ns = \"abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5, 6},
    {"x = )", "SyntaxError", "unmatched ')'", 1, 5, 6},
    {"x = (1]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7, 8},
    {"x = (1,\n2]", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 3},
    {"x = 1 +", "SyntaxError", "invalid syntax", 1, 8, 9},
    {"x = 1 + import", "SyntaxError", "invalid syntax", 1, 9, 15},
    {"if x", "SyntaxError", "expected ':'", 1, 5, 0},
    {"if x:\n  pass\nelse\n  pass", "SyntaxError", "expected ':'", 3, 5, 0},
    {"def f()\n  pass", "SyntaxError", "expected ':'", 1, 8, 0},
    {"if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 2},
    {"def f():\npass", "IndentationError", "expected an indented block after function definition on line 1", 2, 1, 2},
    {"class A:\npass", "IndentationError", "expected an indented block after class definition on line 1", 2, 1, 2},
    {"for x in y:\npass", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1, 2},
    {"while x:\npass", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1, 2},
    {"if x:\n  pass\nelif y:\npass", "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1, 2},
    {"if x:\n  pass\nelse:\npass", "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1, 2},
    {"  x = 1", "IndentationError", "unexpected indent", 1, 1, 0},
    {"x = 1\n    y = 2", "IndentationError", "unexpected indent", 2, 1, 0},
    {"if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level", 3, 4, 0},
    {"def f():\n\treturn 1\n        return 2", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 0},
    {"s = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 6},
    {"s = '''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 6},
    {"x = [1 2]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 9},
    {"f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 6},
    {"a[1 2]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3, 6},
    {"{1: 2 3}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 5, 8},
    {"x = 1 2", "SyntaxError", "invalid syntax", 1, 7, 8},
    {"1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 2},
    {"f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 4},
    {"a + 1 = 2", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 6},
    {"None = 1", "SyntaxError", "cannot assign to None", 1, 1, 5},
    {"True = 1", "SyntaxError", "cannot assign to True", 1, 1, 5},
    {"x = 1 = 2", "SyntaxError", "cannot assign to literal", 1, 5, 6},
    {"(a, 1) = x", "SyntaxError", "cannot assign to literal", 1, 5, 6},
    {"del 1", "SyntaxError", "cannot delete literal", 1, 5, 6},
    {"del f()", "SyntaxError", "cannot delete function call", 1, 5, 8},
    {"del a + b", "SyntaxError", "cannot delete expression", 1, 5, 10},
    {"for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 5, 6},
    {"x + 1 += 1", "SyntaxError", "'expression' is an illegal expression for augmented assignment", 1, 1, 6},
    {"(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1, 7},
    {"[a, b] += 1", "SyntaxError", "'list' is an illegal expression for augmented assignment", 1, 1, 7},
    {"f() += 1", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1, 4},
    {"break", "SyntaxError", "'break' outside loop", 1, 1, 6},
    {"continue", "SyntaxError", "'continue' not properly in loop", 1, 1, 9},
    {"for x in y:\n  def f():\n    break", "SyntaxError", "'break' outside loop", 3, 5, 10},
    {"return", "SyntaxError", "'return' outside function", 1, 1, 7},
    {"class A:\n  return 1", "SyntaxError", "'return' outside function", 2, 3, 11},
    {"x = 1abc", "SyntaxError", "invalid decimal literal", 1, 5, 0},
    {"x = 1__0", "SyntaxError", "invalid decimal literal", 1, 6, 0},
    {"x = 1_", "SyntaxError", "invalid decimal literal", 1, 6, 0},
    {"x = 0x", "SyntaxError", "invalid hexadecimal literal", 1, 6, 0},
    {"x = 0b12", "SyntaxError", "invalid digit '2' in binary literal", 1, 8, 0},
    {"x = 0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 7, 0},
    {"x = 1e+", "SyntaxError", "invalid decimal literal", 1, 7, 0},
    {"x = 0777", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 0},
    {"x = $", "SyntaxError", "invalid syntax", 1, 5, 6},
    {"x = 1 ! 2", "SyntaxError", "invalid syntax", 1, 7, 8},
    {"x = \xE2\x82\xAC", "SyntaxError", "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 5, 0},
    {"x = \xC2\xA0", "SyntaxError", "invalid non-printable character U+00A0", 1, 5, 0},
    {"x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8, 0},
    {"x = 1 \\ y", "SyntaxError", "unexpected character after line continuation character", 1, 8, 0},
    {"x = \"\\x1\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 10, 0},
    {"x = 1 if y", "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 11},
    {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9, 0},
    {"f(a.b=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3, 7},
    {"f(a=1, a=2)", "SyntaxError", "keyword argument repeated: a", 1, 8, 11},
    {"f(True=1)", "SyntaxError", "cannot assign to True", 1, 3, 0},
    {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3, 15},
    {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12, 13},
    {"def f(a, a): pass", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10, 11},
    {"print \"x\"", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 10},
    {"if x = 1: pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 9},
    {"if x.y = 1: pass", "SyntaxError", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4, 7},
    {"{1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 8, 9},
    {"else: pass", "SyntaxError", "invalid syntax", 1, 1, 5},
    {"x.1", "SyntaxError", "invalid syntax", 1, 2, 4},
    {"x = a.if", "SyntaxError", "invalid syntax", 1, 7, 9},
    {"x = [i for i in]", "SyntaxError", "invalid syntax", 1, 16, 17},
    {"import", "SyntaxError", "invalid syntax", 1, 7, 0},
    {"x = f'{a!z}'", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 5, 0},
    {"x = f'{a'", "SyntaxError", "f-string: expecting '}'", 1, 5, 0},
    {"x = f'{}'", "SyntaxError", "f-string: empty expression not allowed", 1, 5, 0},
    {"x = f'}'", "SyntaxError", "f-string: single '}' is not allowed", 1, 5, 0},
    {"x = f'{a:{b:{c}}}'", "SyntaxError", "f-string: expressions nested too deeply", 1, 5, 0},
    {"x = f'{a b}'", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 8, 11},
    {"if x:", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 0, 0},
};

static void test_syntax_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof error_cases / sizeof *error_cases; i++) check_error(&error_cases[i]);
    ParseError err;
    assert_null(parse_module("t.py", "x = 1\0\n", 7, &err));
    assert_string_equal(err.msg, "source code cannot contain null bytes");
}

static void test_format_error(void **state)
{
    (void)state;
    struct {
        const char *src, *want;
    } cases[] = {
        {"x = (1", "  File \"t.py\", line 1\n    x = (1\n        ^\nSyntaxError: '(' was never closed\n"},
        {"if x:\n    y = [1 2]\n",
         "  File \"t.py\", line 2\n    y = [1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"},
        {"  x = 1", "  File \"t.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n"},
        {"x = 'é' +", "  File \"t.py\", line 1\n    x = 'é' +\n             ^\nSyntaxError: invalid syntax\n"},
        {"x = 1\ny = \"\xff\"\n",
         "SyntaxError: Non-UTF-8 code starting with '\\xff' in file t.py on line 2, but no encoding "
         "declared; see https://peps.python.org/pep-0263/ for details\n"},
        {"f = lambda: 0", "memtutor: t.py:1:5: not supported: lambda\n"},
        {"if x:\n  pass\n else:\n  pass",
         "  File \"t.py\", line 3\n    else:\n         ^\nIndentationError: unindent does not match any outer indentation level\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ParseError err;
        assert_null(parse_module("t.py", cases[i].src, strlen(cases[i].src), &err));
        StrBuf b = {0};
        parse_format_error(&err, cases[i].src, &b);
        if (strcmp(b.s, cases[i].want) != 0) print_error("want:\n%s\ngot:\n%s\n", cases[i].want, b.s);
        assert_string_equal(b.s, cases[i].want);
        sb_free(&b);
    }
}

/* ---- the other entry points ---- */

static void test_parse_statements_and_expression(void **state)
{
    (void)state;
    ParseError err;
    Module *m = parse_module("prog.py", "x = 1\n", 6, &err);
    assert_non_null(m);
    NodeList out;
    const char *line = "y = x + 1; del y";
    assert_int_equal(parse_statements(m, line, strlen(line), 7, &out, &err), 0);
    assert_int_equal(out.n, 2);
    assert_int_equal(out.items[0]->line, 7);
    assert_int_equal(out.items[1]->line, 7);
    assert_int_equal(out.items[1]->col, 12);
    /* an error carries the offset line; formatting finds the snippet's line */
    const char *bad = "y = (";
    assert_int_equal(parse_statements(m, bad, strlen(bad), 9, &out, &err), -1);
    assert_int_equal(err.line, 9);
    StrBuf b = {0};
    parse_format_error(&err, bad, &b);
    assert_string_equal(b.s, "  File \"prog.py\", line 9\n    y = (\n        ^\nSyntaxError: '(' was never closed\n");
    sb_free(&b);
    Node *e = parse_expression(m, " sys.getrefcount(x) ", 20, &err);
    assert_non_null(e);
    assert_int_equal(e->kind, E_CALL);
    b = (StrBuf){0};
    dump_node(m, e, &b);
    assert_string_equal(b.s, "(call (. sys getrefcount) [x])");
    sb_free(&b);
    assert_null(parse_expression(m, "x = 1", 5, &err));
    assert_string_equal(err.msg, "invalid syntax");
    /* names are interned in the module */
    assert_int_equal(module_intern(m, "x", 1), m->body.items[0]->list.items[0]->name);
    assert_string_equal(module_symname(m, module_intern(m, "__init__", 8)), "__init__");
    module_free(m);
}

/* ---- limits ---- */

/* Time limits are multiplied by MEMTUTOR_TIME_SCALE (CI sets it under valgrind). */
static double time_limit(double seconds)
{
    const char *e = getenv("MEMTUTOR_TIME_SCALE");
    double k = e ? atof(e) : 1.0;
    return seconds * (k > 0 ? k : 1.0);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void check_limit(const char *prefix, const char *unit, int count, const char *suffix,
                        const char *type, const char *msg)
{
    StrBuf s = {0};
    sb_puts(&s, prefix);
    for (int i = 0; i < count; i++) sb_puts(&s, unit);
    sb_puts(&s, suffix);
    ParseError err;
    double t0 = now();
    Module *m = parse_module("t.py", s.s, s.len, &err);
    double dt = now() - t0;
    if (msg) {
        assert_null(m);
        if (strcmp(err.msg, msg) != 0) print_error("%s x %d: got %s\n", unit, count, err.msg);
        assert_string_equal(err.msg, msg);
        assert_string_equal(err.type, type);
    } else {
        assert_non_null(m);
        module_free(m);
    }
    sb_free(&s);
    assert_true(dt < time_limit(1.0));
}

static void test_limits(void **state)
{
    (void)state;
    check_limit("x = ", "(", 100000, "1", "SyntaxError", "too many nested parentheses");
    check_limit("x = ", "[", 5000, "1", "SyntaxError", "too many nested parentheses");
    check_limit("x = ", "{", 201, "1", "SyntaxError", "too many nested parentheses");
    check_limit("x = ", "-", 100000, "1", "SyntaxError", "too complex");
    check_limit("x = ", "not ", 100000, "1", "SyntaxError", "too complex");
    check_limit("x = ", "2**", 100000, "1", "SyntaxError", "too complex");
    check_limit("x = 1", "+1", 100000, "", "SyntaxError", "too complex");
    check_limit("x = a", ".b", 100000, "", "SyntaxError", "too complex");
    check_limit("x = a", "[0]", 100000, "", "SyntaxError", "too complex");
    check_limit("x = [", "1,", 100000, "]", NULL, NULL);
    check_limit("x = ", "-", 500, "1", NULL, NULL);
    {
        /* 200 nested parentheses are fine, as in CPython */
        StrBuf s = {0};
        sb_puts(&s, "x = ");
        for (int i = 0; i < 200; i++) sb_putc(&s, '(');
        sb_putc(&s, '1');
        for (int i = 0; i < 200; i++) sb_putc(&s, ')');
        ParseError err;
        Module *m = parse_module("t.py", s.s, s.len, &err);
        assert_non_null(m);
        module_free(m);
        sb_free(&s);
    }
    /* indentation: 99 levels are fine, the 100th is refused */
    for (int levels = 99; levels <= 100; levels++) {
        StrBuf s = {0};
        for (int i = 0; i < levels; i++) {
            for (int k = 0; k < i; k++) sb_putc(&s, ' ');
            sb_puts(&s, "if x:\n");
        }
        for (int k = 0; k < levels; k++) sb_putc(&s, ' ');
        sb_puts(&s, "pass\n");
        ParseError err;
        Module *m = parse_module("t.py", s.s, s.len, &err);
        if (levels == 99) {
            assert_non_null(m);
            module_free(m);
        } else {
            assert_null(m);
            assert_string_equal(err.type, "IndentationError");
            assert_string_equal(err.msg, "too many levels of indentation");
            assert_int_equal(err.line, 101);
        }
        sb_free(&s);
    }
}

static void test_speed(void **state)
{
    (void)state;
    StrBuf s = {0};
    for (int i = 0; i < 2500; i++)
        sb_printf(&s,
                  "def f%d(a, b=1):\n    x = [a * 2 + b for a in range(10) if a %% 3]\n"
                  "    d = {\"k\": x, \"n\": f\"v{a}\"}\n    return x, d[\"k\"][1:2]\n",
                  i);
    ParseError err;
    double t0 = now();
    Module *m = parse_module("t.py", s.s, s.len, &err);
    double dt = now() - t0;
    assert_non_null(m);
    assert_int_equal(m->body.n, 2500);
    module_free(m);
    sb_free(&s);
    assert_true(dt < time_limit(1.0)); /* a few ms in an optimised build; generous for sanitizers */
}

/* Every prefix of a valid program: no crash, no leak, an answer either way. */
static void test_truncated_prefixes(void **state)
{
    (void)state;
    const char *prog =
        "import gc\nfrom array import array\n"
        "class Node:\n    __slots__ = ('v', 'next')\n    def __init__(self, v, nxt=None):\n"
        "        self.v = v; self.next = nxt\n"
        "def build(n):\n    head = None\n    for i in range(n):\n        head = Node(i, head)\n"
        "    return head\n"
        "x = [i * 2 for i in range(10) if i % 2 == 0]\n"
        "d = {'a': [1, 2.5, -3], \"b\": (4,), 'c': {5, 6}}\n"
        "s = f'{x[0]!r:>{10}} and {d[\"a\"]}' 'tail' \"\"\"tri\nple\"\"\"\n"
        "while x and not d or x is not None:\n    x.pop()\n    if len(x) < 2:\n        break\n"
        "else:\n    pass\n"
        "a, (b, c) = 1, (2, 3)\nb **= 2; c //= 1\ndel a, d['a']\n"
        "print(sys.getrefcount(x), 0x_FF, 1_000.5e-3, 99999999999999999999999, end='')\n"
        "y = a if b else c\nz = x[1:2:3], x[::2]\n";
    size_t n = strlen(prog);
    int parsed = 0;
    for (size_t k = 0; k <= n; k++) {
        ParseError err;
        Module *m = parse_module("t.py", prog, k, &err);
        if (m) {
            parsed++;
            module_free(m);
        } else {
            assert_true(err.kind == PERR_SYNTAX || err.kind == PERR_UNSUPPORTED);
            assert_true(err.msg[0] != '\0');
            StrBuf b = {0};
            char *copy = xstrndup(prog, k);
            parse_format_error(&err, copy, &b);
            assert_non_null(b.s);
            sb_free(&b);
            free(copy);
        }
    }
    assert_true(parsed > 10);
    ParseError err;
    Module *m = parse_module("t.py", prog, n, &err);
    if (!m) print_error("%d:%d %s\n", err.line, err.col, err.msg);
    assert_non_null(m);
    module_free(m);
    /* byte-flipped variants */
    char *buf = xstrndup(prog, n);
    const char subst[] = "([{)]}:'\"\\\n \t#=.,0a";
    for (size_t k = 0; k < n; k += 3) {
        char old = buf[k];
        buf[k] = subst[k % (sizeof subst - 1)];
        Module *mm = parse_module("t.py", buf, n, &err);
        module_free(mm);
        buf[k] = old;
    }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_positions),
        cmocka_unit_test(test_indent_dedent),
        cmocka_unit_test(test_literals),
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_node_positions),
        cmocka_unit_test(test_statements),
        cmocka_unit_test(test_unsupported),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_format_error),
        cmocka_unit_test(test_parse_statements_and_expression),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_speed),
        cmocka_unit_test(test_truncated_prefixes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
