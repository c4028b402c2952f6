/* Recursive-descent parser for the Python subset, following the shape of
 * CPython's Grammar/python.gram (expression precedence, statement forms) and
 * its error messages.  The whole source is tokenized first; tokenizer errors
 * win over parser errors, as CPython's full-source check makes them.
 *
 * Errors come in three strengths, and the strongest found wins:
 *   1. syntax errors (parse stops at once),
 *   2. compile-time errors CPython raises after parsing ('break' outside
 *      loop, duplicate arguments ...), remembered and reported at the end,
 *   3. constructs outside the subset (lambda, try, ...): remembered, parsed
 *      past where possible, reported at the end when no syntax error exists.
 * Recursion depth is bounded (MAX_DEPTH), so hostile input cannot overflow
 * the C stack; every loop consumes a token, so time is linear. */
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lexer.h"
#include "profile.h"

#define MAX_DEPTH 1000   /* nested expressions (unary chains, operator chains) */
#define MAX_FSTRING_NEST 2

typedef struct {
    Module *m;
    const char *src; /* text the tokens index into */
    size_t srclen;
    Token *t;
    int n, i;
    TokenList *tl;
    ParseError *err;      /* syntax errors */
    ParseError later;     /* first compile-time or unsupported error */
    int depth;
    int loop_depth;       /* loops enclosing the current statement (within the function) */
    int in_func;
    int fstring_nest;
    int prev_line, prev_col; /* end of the last consumed token */
    int saw_eof;             /* the end-of-input token was looked at */
    int in_fstring;          /* errors get CPython's "f-string: " prefix */
} Parser;

typedef enum { TGT_ASSIGN, TGT_DEL, TGT_FOR, TGT_AUG } TargetCtx;

static Node *p_expression(Parser *p);
static Node *p_star_expressions(Parser *p, int allow_star);
static Node *p_disjunction(Parser *p);
static Node *p_bitor(Parser *p);
static int p_block(Parser *p, NodeList *out, const char *what, int line);
static void *missing_comma(Parser *p, Node *elem);

/* ---- growable node lists in the arena ---- */

typedef struct {
    Node **items;
    int n, cap;
} Vec;

static void vec_push(Parser *p, Vec *v, Node *x)
{
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        Node **ni = arena_alloc(p->m->arena, (size_t)ncap * sizeof *ni);
        if (v->n) memcpy(ni, v->items, (size_t)v->n * sizeof *ni);
        v->items = ni;
        v->cap = ncap;
    }
    v->items[v->n++] = x;
}

static NodeList vec_list(Vec *v)
{
    NodeList l = {v->items, v->n};
    return l;
}

static int p_statement(Parser *p, Vec *out);

typedef struct {
    Sym *items;
    int n, cap;
} SVec;

static void svec_push(Parser *p, SVec *v, Sym s)
{
    if (v->n == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        Sym *ni = arena_alloc(p->m->arena, (size_t)ncap * sizeof *ni);
        if (v->n) memcpy(ni, v->items, (size_t)v->n * sizeof *ni);
        v->items = ni;
        v->cap = ncap;
    }
    v->items[v->n++] = s;
}

static SymList svec_list(SVec *v)
{
    SymList l = {v->items, v->n};
    return l;
}

/* ---- tokens ---- */

static Token *cur(Parser *p) { return &p->t[p->i]; }
static Token *peek(Parser *p, int k)
{
    int j = p->i + k;
    return &p->t[j < p->n ? j : p->n - 1];
}
static int at(Parser *p, int kind) { return p->t[p->i].kind == kind; }
static int at_kw(Parser *p, int kw) { return p->t[p->i].kind == T_NAME && p->t[p->i].kw == kw; }

static Token *advance(Parser *p)
{
    Token *t = &p->t[p->i];
    if (t->kind != T_NEWLINE && t->kind != T_INDENT && t->kind != T_DEDENT) {
        p->prev_line = t->end_line;
        p->prev_col = t->end_col;
    }
    if (p->i < p->n - 1) p->i++;
    if (p->i == p->n - 1) p->saw_eof = 1;
    return t;
}

static int accept(Parser *p, int kind)
{
    if (!at(p, kind)) return 0;
    advance(p);
    return 1;
}

static int accept_kw(Parser *p, int kw)
{
    if (!at_kw(p, kw)) return 0;
    advance(p);
    return 1;
}

/* ---- errors ---- */

static int failed(Parser *p) { return p->err->kind != PERR_NONE; }

static void set_error(ParseError *e, ParseErrorKind kind, const char *type, int line, int col,
                      int end_col, const char *msg)
{
    e->kind = kind;
    snprintf(e->type, sizeof e->type, "%s", type);
    e->line = line;
    e->col = col;
    e->end_col = end_col > col ? end_col : col + 1;
    snprintf(e->msg, sizeof e->msg, "%s", msg);
}

static void *syntax_error_at(Parser *p, int line, int col, int end_line, int end_col,
                             const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void *syntax_error_at(Parser *p, int line, int col, int end_line, int end_col,
                             const char *fmt, ...)
{
    if (failed(p)) return NULL;
    if ((p->saw_eof || p->i == p->n - 1) && p->tl->unclosed && !p->in_fstring) {
        /* CPython raises this as soon as the parser reads the end of input
         * inside brackets. */
        set_error(p->err, PERR_SYNTAX, "SyntaxError", p->tl->unclosed_line, p->tl->unclosed_col,
                  p->tl->unclosed_col + 1, "");
        snprintf(p->err->msg, sizeof p->err->msg, "'%c' was never closed", p->tl->unclosed);
        return NULL;
    }
    char msg[256];
    int k = p->in_fstring ? snprintf(msg, sizeof msg, "f-string: ") : 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + k, sizeof msg - (size_t)k, fmt, ap);
    va_end(ap);
    /* A range over several lines: CPython underlines to the end of the first line. */
    if (end_line != line) end_col = 100000;
    set_error(p->err, PERR_SYNTAX, "SyntaxError", line, col, end_col, msg);
    return NULL;
}

static void *node_error(Parser *p, const Node *n, const char *what, const char *name)
{
    /* what is "cannot assign to" or "cannot delete" etc. */
    return syntax_error_at(p, n->line, n->col, n->end_line, n->end_col, "%s %s", what, name);
}

static void *indentation_error(Parser *p, Token *t, const char *msg)
{
    if (failed(p)) return NULL;
    set_error(p->err, PERR_SYNTAX, "IndentationError", t->line, t->col, t->col + 1, msg);
    return NULL;
}

/* The generic error at the current token, with CPython's special cases. */
static void *invalid_syntax(Parser *p)
{
    if (failed(p)) return NULL;
    Token *t = cur(p);
    if (t->kind == T_EOF && p->tl->unclosed) {
        return syntax_error_at(p, p->tl->unclosed_line, p->tl->unclosed_col, p->tl->unclosed_line,
                               p->tl->unclosed_col + 1, "'%c' was never closed",
                               p->tl->unclosed);
    }
    if (t->kind == T_INDENT) {
        set_error(p->err, PERR_SYNTAX, "IndentationError", t->line, 1, 2, "unexpected indent");
        return NULL;
    }
    if (t->kind == T_DEDENT) {
        set_error(p->err, PERR_SYNTAX, "IndentationError", t->line, t->col, t->col + 1,
                  "unexpected unindent");
        return NULL;
    }
    if (t->kind == T_EOF)
        return syntax_error_at(p, t->line, t->col, t->line, t->col + 1,
                               "unexpected EOF while parsing");
    return syntax_error_at(p, t->line, t->col, t->end_line, t->end_col, "invalid syntax");
}

/* Remember an error that CPython would raise after parsing (compile time). */
static void later_error(Parser *p, ParseErrorKind kind, int line, int col, int end_line, int end_col,
                        const char *msg)
{
    if (p->later.kind != PERR_NONE) return;
    if (end_line != line) end_col = 100000;
    set_error(&p->later, kind, kind == PERR_SYNTAX ? "SyntaxError" : "", line, col, end_col, msg);
}

static void unsupported_tok(Parser *p, Token *t, const char *what)
{
    char msg[128];
    snprintf(msg, sizeof msg, "not supported: %s", what);
    later_error(p, PERR_UNSUPPORTED, t->line, t->col, t->end_line, t->end_col, msg);
}

static void unsupported_node(Parser *p, Node *n, const char *what)
{
    char msg[128];
    snprintf(msg, sizeof msg, "not supported: %s", what);
    later_error(p, PERR_UNSUPPORTED, n->line, n->col, n->end_line, n->end_col, msg);
}

/* ---- nodes ---- */

void parse_memory_error(ParseError *e)
{
    if (e->kind != PERR_NONE) return;
    e->kind = PERR_SYNTAX;
    snprintf(e->type, sizeof e->type, "MemoryError");
    e->msg[0] = '\0';
    e->no_location = 1;
}

/* The parse tree counts against the module's ceiling. */
static void count_node(Parser *p)
{
    if (p->m->mem_limit && arena_used(p->m->arena) > p->m->mem_limit) parse_memory_error(p->err);
}

static Node *new_node(Parser *p, int kind, const Token *start)
{
    count_node(p);
    Node *n = arena_alloc(p->m->arena, sizeof *n);
    n->kind = (uint16_t)kind;
    n->line = start->line;
    n->col = start->col;
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

static Node *new_node_at(Parser *p, int kind, const Node *start)
{
    count_node(p);
    Node *n = arena_alloc(p->m->arena, sizeof *n);
    n->kind = (uint16_t)kind;
    n->line = start->line;
    n->col = start->col;
    return n;
}

/* The node ends where the last consumed token ended. */
static Node *finish(Parser *p, Node *n)
{
    n->end_line = p->prev_line;
    n->end_col = p->prev_col;
    return n;
}

static const char *expr_name(const Node *n)
{
    switch (n->kind) {
    case E_ATTR: return "attribute";
    case E_SUBSCRIPT: return "subscript";
    case E_NAME: return "name";
    case E_LIST: return "list";
    case E_TUPLE: return "tuple";
    case E_CALL: return "function call";
    case E_BOOLOP: case E_BINOP: case E_UNARY: return "expression";
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_FSTRING: case E_FORMAT: return "f-string expression";
    case E_NONE: return "None";
    case E_TRUE: return "True";
    case E_FALSE: return "False";
    case E_COMPARE: return "comparison";
    case E_IFEXP: return "conditional expression";
    case E_SLICE: return "slice";
    default: return "literal";
    }
}

static int depth_enter(Parser *p)
{
    if (++p->depth > MAX_DEPTH) {
        Token *t = cur(p);
        syntax_error_at(p, t->line, t->col, t->line, t->col + 1, "too complex");
        return 0;
    }
    return 1;
}

/* ---- f-strings ---- */

/* A forward-only cursor turning byte offsets of the source into positions. */
typedef struct {
    const char *s;
    size_t off;
    int line, col;
} PosCursor;

static void pos_advance(PosCursor *c, size_t off)
{
    while (c->off < off) {
        unsigned char ch = (unsigned char)c->s[c->off];
        if (ch == '\n') {
            c->line++;
            c->col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c->col++;
        }
        c->off++;
    }
}

static Node *parse_fstring_body(Parser *p, const Token *tok, PosCursor *pc, size_t *pos, size_t end,
                                int in_spec, int nest);

static Node *fstr_error(Parser *p, const Token *tok, const char *msg)
{
    /* CPython 3.11 points f-string errors at the end of the string token's line
     * start..., roughly: we point at the string token. */
    return syntax_error_at(p, tok->line, tok->col, tok->end_line, tok->end_col, "%s", msg);
}

static Node *make_str(Parser *p, const Token *tok, const char *s, size_t n, int raw)
{
    Node *x = new_node(p, E_STR, tok);
    size_t bad;
    const char *why;
    if (lex_decode_string(p->m, s, n, raw, &x->str, &x->len, &bad, &why) < 0) {
        char msg[200];
        snprintf(msg, sizeof msg, "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                 bad, bad + 1, why);
        return fstr_error(p, tok, msg);
    }
    return x;
}

/* One replacement field; *pos is just after '{'. */
static Node *parse_fstring_field(Parser *p, const Token *tok, PosCursor *pc, size_t *pos, size_t end,
                                 int nest)
{
    const char *s = p->src;
    if (nest >= MAX_FSTRING_NEST) return fstr_error(p, tok, "f-string: expressions nested too deeply");
    size_t start = *pos, i = start;
    int depth = 0;
    char quote = 0;
    for (; i < end; i++) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        else if (c == ')' || c == ']' || (c == '}' && depth > 0)) depth--;
        else if (depth == 0) {
            if (c == '}' || c == ':') break;
            if (c == '!' && !(i + 1 < end && s[i + 1] == '=')) break;
            if (c == '=' && !(i + 1 < end && s[i + 1] == '=') &&
                !(i > start && strchr("=!<>", s[i - 1])))
                break;
        }
        if (c == '#') return fstr_error(p, tok, "f-string expression part cannot include '#'");
        if (c == '\\') return fstr_error(p, tok, "f-string expression part cannot include a backslash");
    }
    if (quote || i >= end) return fstr_error(p, tok, "f-string: expecting '}'");
    /* the expression text */
    size_t a = start, b = i;
    while (a < b && strchr(" \t\n\r\f", s[a])) a++;
    if (a == b) return fstr_error(p, tok, "f-string: empty expression not allowed");
    if (s[i] == '=') {
        Token t2 = *tok;
        unsupported_tok(p, &t2, "f-string '=' specifier");
        i++;
    }
    pos_advance(pc, start);
    TokenList tl;
    ParseError e2;
    memset(&e2, 0, sizeof e2);
    if (lex_source(p->m, s + start, i - start - (s[i - 1] == '=' && s[i] != '=' ? 0 : 0), pc->line,
                   pc->col, 1, &tl, &e2) < 0) {
        if (!failed(p)) *p->err = e2;
        return NULL;
    }
    /* cut the '=' specifier from the token stream */
    Parser sub = *p;
    sub.t = tl.toks;
    sub.n = tl.n;
    sub.i = 0;
    sub.tl = &tl;
    sub.fstring_nest = nest + 1;
    sub.in_fstring = 1;
    sub.saw_eof = 0;
    Node *x = NULL;
    if (tl.n > 1 && tl.toks[tl.n - 2].kind == T_EQUAL) {
        tl.toks[tl.n - 2] = tl.toks[tl.n - 1];
        tl.n--;
        sub.n = tl.n;
    }
    x = p_star_expressions(&sub, 0);
    if (x && !at(&sub, T_EOF)) {
        missing_comma(&sub, x);
        x = NULL;
    }
    p->later = sub.later;
    free(tl.toks);
    if (!x) return NULL;
    Node *f = new_node(p, E_FORMAT, tok);
    f->a = x;
    if (s[i] == '=') i++;
    if (s[i] == '!') {
        i++;
        if (i >= end || !strchr("rsa", s[i]) || s[i] == 0)
            return fstr_error(p, tok,
                              "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        f->op = (uint8_t)s[i];
        i++;
        if (i >= end || (s[i] != ':' && s[i] != '}')) return fstr_error(p, tok, "f-string: expecting '}'");
    }
    if (i < end && s[i] == ':') {
        i++;
        size_t q = i;
        Node *spec = parse_fstring_body(p, tok, pc, &q, end, 1, nest + 1);
        if (!spec) return NULL;
        f->b = spec;
        i = q;
    }
    if (i >= end || s[i] != '}') return fstr_error(p, tok, "f-string: expecting '}'");
    *pos = i + 1;
    return f;
}

/* Literal text and fields up to `end` (or, in a format spec, up to the '}'
 * that closes the field, left at *pos). */
static Node *parse_fstring_body(Parser *p, const Token *tok, PosCursor *pc, size_t *pos, size_t end,
                                int in_spec, int nest)
{
    const char *s = p->src;
    int raw = (tok->flags & TF_RAW) != 0;
    Node *fs = new_node(p, E_FSTRING, tok);
    Vec parts = {0};
    StrBuf lit = {0};
    size_t i = *pos;
    while (i < end) {
        char c = s[i];
        if (c == '\\' && !raw && i + 1 < end) {
            sb_put(&lit, s + i, 2);
            i += 2;
            continue;
        }
        if (c == '{') {
            if (!in_spec && i + 1 < end && s[i + 1] == '{') {
                sb_putc(&lit, '{');
                i += 2;
                continue;
            }
            if (lit.len) {
                Node *x = make_str(p, tok, lit.s, lit.len, raw);
                if (!x) goto fail;
                vec_push(p, &parts, x);
                sb_clear(&lit);
            }
            i++;
            Node *f = parse_fstring_field(p, tok, pc, &i, end, nest);
            if (!f) goto fail;
            vec_push(p, &parts, f);
            continue;
        }
        if (c == '}') {
            if (in_spec) break;
            if (i + 1 < end && s[i + 1] == '}') {
                sb_putc(&lit, '}');
                i += 2;
                continue;
            }
            fstr_error(p, tok, "f-string: single '}' is not allowed");
            goto fail;
        }
        sb_putc(&lit, c);
        i++;
    }
    if (lit.len) {
        Node *x = make_str(p, tok, lit.s, lit.len, raw);
        if (!x) goto fail;
        vec_push(p, &parts, x);
    }
    sb_free(&lit);
    fs->list = vec_list(&parts);
    *pos = i;
    return fs;
fail:
    sb_free(&lit);
    return NULL;
}

static Node *p_fstring(Parser *p, const Token *tok)
{
    PosCursor pc = {p->src, tok->boff, tok->bline, tok->bcol};
    size_t pos = tok->boff;
    return parse_fstring_body(p, tok, &pc, &pos, tok->bend, 0, p->fstring_nest);
}

/* Adjacent string literals: "a" "b" f"{c}". */
static Node *p_strings(Parser *p)
{
    Token *first = cur(p);
    Node *res = NULL;
    int any_f = 0;
    Vec parts = {0};
    StrBuf acc = {0};
    while (at(p, T_STRING) || at(p, T_FSTRING) || at(p, T_BYTES)) {
        Token *t = advance(p);
        if (t->kind == T_BYTES) {
            unsupported_tok(p, t, "bytes literals");
            continue;
        }
        if (t->kind == T_STRING) {
            sb_put(&acc, t->str, t->len);
            continue;
        }
        any_f = 1;
        Node *f = p_fstring(p, t);
        if (!f) {
            sb_free(&acc);
            return NULL;
        }
        for (int k = 0; k < f->list.n; k++) {
            Node *part = f->list.items[k];
            if (part->kind == E_STR) {
                sb_put(&acc, part->str, part->len);
            } else {
                if (acc.len) {
                    Node *x = new_node(p, E_STR, first);
                    x->str = arena_strndup(p->m->arena, acc.s, acc.len);
                    x->len = acc.len;
                    vec_push(p, &parts, x);
                    sb_clear(&acc);
                }
                vec_push(p, &parts, part);
            }
        }
    }
    if (any_f) {
        if (acc.len) {
            Node *x = new_node(p, E_STR, first);
            x->str = arena_strndup(p->m->arena, acc.s, acc.len);
            x->len = acc.len;
            vec_push(p, &parts, x);
        }
        res = new_node(p, E_FSTRING, first);
        res->list = vec_list(&parts);
    } else {
        res = new_node(p, E_STR, first);
        res->str = arena_strndup(p->m->arena, acc.s ? acc.s : "", acc.len);
        res->len = acc.len;
    }
    sb_free(&acc);
    return finish(p, res);
}

/* ---- expressions ---- */

static int starts_expression(Parser *p)
{
    Token *t = cur(p);
    switch (t->kind) {
    case T_NAME:
        switch (t->kw) {
        case KW_NONE_: case KW_NONE: case KW_TRUE: case KW_FALSE: case KW_NOT: case KW_LAMBDA:
        case KW_AWAIT:
            return 1;
        default:
            return 0;
        }
    case T_INT: case T_BIGINT: case T_FLOAT: case T_IMAG: case T_STRING: case T_FSTRING:
    case T_BYTES: case T_LPAR: case T_LSQB: case T_LBRACE: case T_MINUS: case T_PLUS:
    case T_TILDE: case T_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

/* Target of a `for` clause: bitwise-or expressions separated by commas. */
static Node *p_for_target(Parser *p)
{
    Token *start = cur(p);
    Node *first = p_bitor(p);
    if (!first) return NULL;
    if (!at(p, T_COMMA)) return first;
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (at_kw(p, KW_IN)) break;
        Node *x = p_bitor(p);
        if (!x) return NULL;
        vec_push(p, &v, x);
    }
    Node *t = new_node(p, E_TUPLE, start);
    t->list = vec_list(&v);
    return finish(p, t);
}

static const Node *invalid_target(const Node *n, TargetCtx ctx)
{
    switch (n->kind) {
    case E_NAME: case E_ATTR: case E_SUBSCRIPT:
        return NULL;
    case E_TUPLE: case E_LIST:
        if (ctx == TGT_AUG) return n;
        for (int k = 0; k < n->list.n; k++) {
            const Node *bad = invalid_target(n->list.items[k], ctx);
            if (bad) return bad;
        }
        return NULL;
    default:
        return n;
    }
}

static int check_target(Parser *p, Node *n, TargetCtx ctx)
{
    const Node *bad = invalid_target(n, ctx);
    if (!bad) return 1;
    if (ctx == TGT_AUG) {
        char msg[128];
        snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment",
                 expr_name(n));
        syntax_error_at(p, n->line, n->col, n->end_line, n->end_col, "%s", msg);
        return 0;
    }
    node_error(p, bad, ctx == TGT_DEL ? "cannot delete" : "cannot assign to", expr_name(bad));
    return 0;
}

/* `for` clauses of a comprehension, after the element. */
static int p_comp_for(Parser *p, CompList *out)
{
    int cap = 0;
    out->items = NULL;
    out->n = 0;
    while (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
        if (at_kw(p, KW_ASYNC)) {
            unsupported_tok(p, cur(p), "async");
            advance(p);
            if (!at_kw(p, KW_FOR)) return invalid_syntax(p), 0;
        }
        advance(p);
        Node *target = p_for_target(p);
        if (!target) return 0;
        if (!accept_kw(p, KW_IN)) {
            if (!check_target(p, target, TGT_FOR)) return 0;
            invalid_syntax(p);
            return 0;
        }
        if (!check_target(p, target, TGT_FOR)) return 0;
        Node *iter = p_disjunction(p);
        if (!iter) return 0;
        Vec ifs = {0};
        while (accept_kw(p, KW_IF)) {
            Node *c = p_disjunction(p);
            if (!c) return 0;
            vec_push(p, &ifs, c);
        }
        if (out->n == cap) {
            int ncap = cap ? cap * 2 : 2;
            CompFor *ni = arena_alloc(p->m->arena, (size_t)ncap * sizeof *ni);
            if (out->n) memcpy(ni, out->items, (size_t)out->n * sizeof *ni);
            out->items = ni;
            cap = ncap;
        }
        CompFor *cf = &out->items[out->n++];
        cf->target = target;
        cf->iter = iter;
        cf->ifs = vec_list(&ifs);
    }
    return 1;
}

/* After an element inside brackets, something that is neither ',' nor the
 * closer: CPython's "Perhaps you forgot a comma?" when an expression follows. */
static void *missing_comma(Parser *p, Node *elem)
{
    if (failed(p)) return NULL;
    if (elem && elem->kind != E_IFEXP && starts_expression(p) &&
        !(elem->kind == E_NAME && (at(p, T_STRING) || at(p, T_FSTRING)))) {
        int save_i = p->i, save_depth = p->depth;
        ParseError save_later = p->later;
        int pl = p->prev_line, pc = p->prev_col;
        Node *b = p_expression(p);
        int ok = b != NULL;
        int bl = p->prev_line, bc = p->prev_col;
        if (!ok) memset(p->err, 0, sizeof *p->err);
        p->i = save_i;
        p->depth = save_depth;
        p->later = save_later;
        p->prev_line = pl;
        p->prev_col = pc;
        if (ok)
            return syntax_error_at(p, elem->line, elem->col, bl, bc,
                                   "invalid syntax. Perhaps you forgot a comma?");
    }
    return invalid_syntax(p);
}

/* Element of a display: an expression, or *x (unsupported). */
static Node *p_star_elem(Parser *p)
{
    if (at(p, T_STAR)) {
        Token *st = advance(p);
        unsupported_tok(p, st, "star expressions");
        return p_bitor(p);
    }
    return p_expression(p);
}

static Node *p_paren(Parser *p)
{
    Token *open = advance(p);
    if (accept(p, T_RPAR)) {
        Node *t = new_node(p, E_TUPLE, open);
        return finish(p, t);
    }
    if (at_kw(p, KW_YIELD)) {
        unsupported_tok(p, cur(p), "yield");
        advance(p);
        if (!at(p, T_RPAR)) {
            if (accept_kw(p, KW_FROM)) {}
            if (!p_star_expressions(p, 1)) return NULL;
        }
        if (!accept(p, T_RPAR)) return invalid_syntax(p);
        return finish(p, new_node(p, E_NONE, open));
    }
    Node *first = p_star_elem(p);
    if (!first) return NULL;
    if (at(p, T_COLONEQUAL)) {
        unsupported_tok(p, cur(p), "walrus operator");
        advance(p);
        if (!p_expression(p)) return NULL;
    }
    if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
        unsupported_node(p, first, "generator expressions");
        CompList cl;
        if (!p_comp_for(p, &cl)) return NULL;
        if (!accept(p, T_RPAR)) return missing_comma(p, first);
        return finish(p, new_node(p, E_NONE, open));
    }
    if (accept(p, T_RPAR)) {
        first->flags |= NF_PAREN;
        return first;
    }
    if (!at(p, T_COMMA)) return missing_comma(p, first);
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (at(p, T_RPAR)) break;
        Node *x = p_star_elem(p);
        if (!x) return NULL;
        vec_push(p, &v, x);
        if (!at(p, T_COMMA) && !at(p, T_RPAR)) return missing_comma(p, x);
    }
    if (!accept(p, T_RPAR)) return invalid_syntax(p);
    Node *t = new_node(p, E_TUPLE, open);
    t->list = vec_list(&v);
    t->flags |= NF_PAREN;
    return finish(p, t);
}

static Node *p_list(Parser *p)
{
    Token *open = advance(p);
    Node *l = new_node(p, E_LIST, open);
    if (accept(p, T_RSQB)) return finish(p, l);
    Node *first = p_star_elem(p);
    if (!first) return NULL;
    if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
        l->kind = E_LISTCOMP;
        l->a = first;
        if (!p_comp_for(p, &l->comp)) return NULL;
        if (!accept(p, T_RSQB)) return missing_comma(p, first);
        return finish(p, l);
    }
    Vec v = {0};
    vec_push(p, &v, first);
    Node *last = first;
    for (;;) {
        if (accept(p, T_RSQB)) break;
        if (!accept(p, T_COMMA)) return missing_comma(p, last);
        if (accept(p, T_RSQB)) break;
        last = p_star_elem(p);
        if (!last) return NULL;
        vec_push(p, &v, last);
    }
    l->list = vec_list(&v);
    return finish(p, l);
}

static Node *p_dict_or_set(Parser *p)
{
    Token *open = advance(p);
    Node *d = new_node(p, E_DICT, open);
    if (accept(p, T_RBRACE)) return finish(p, d);
    Vec keys = {0}, vals = {0};
    int is_dict;
    Node *k1, *v1 = NULL;
    if (at(p, T_DSTAR)) {
        unsupported_tok(p, cur(p), "dict unpacking");
        advance(p);
        if (!(v1 = p_bitor(p))) return NULL;
        k1 = v1;
        is_dict = 1;
    } else {
        k1 = p_star_elem(p);
        if (!k1) return NULL;
        is_dict = at(p, T_COLON);
        if (is_dict) {
            advance(p);
            v1 = p_expression(p);
            if (!v1) return NULL;
        }
    }
    if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
        d->kind = is_dict ? E_DICTCOMP : E_SETCOMP;
        d->a = k1;
        d->b = v1;
        if (!p_comp_for(p, &d->comp)) return NULL;
        if (!accept(p, T_RBRACE)) return missing_comma(p, is_dict ? v1 : k1);
        return finish(p, d);
    }
    vec_push(p, &keys, k1);
    if (is_dict) vec_push(p, &vals, v1);
    Node *last = is_dict ? v1 : k1;
    for (;;) {
        if (accept(p, T_RBRACE)) break;
        if (!accept(p, T_COMMA)) {
            if (!is_dict && at(p, T_COLON)) return invalid_syntax(p);
            return missing_comma(p, last);
        }
        if (accept(p, T_RBRACE)) break;
        if (is_dict) {
            Node *k, *v;
            if (at(p, T_DSTAR)) {
                unsupported_tok(p, cur(p), "dict unpacking");
                advance(p);
                if (!(v = p_bitor(p))) return NULL;
                k = v;
            } else {
                k = p_expression(p);
                if (!k) return NULL;
                if (!at(p, T_COLON)) {
                    if (at(p, T_COMMA) || at(p, T_RBRACE))
                        return syntax_error_at(p, k->line, k->col, k->end_line, k->end_col,
                                               "':' expected after dictionary key");
                    return missing_comma(p, k);
                }
                advance(p);
                v = p_expression(p);
                if (!v) return NULL;
            }
            vec_push(p, &keys, k);
            vec_push(p, &vals, v);
            last = v;
        } else {
            Node *x = p_star_elem(p);
            if (!x) return NULL;
            vec_push(p, &keys, x);
            last = x;
        }
    }
    if (is_dict) {
        d->list = vec_list(&keys);
        d->list2 = vec_list(&vals);
    } else {
        d->kind = E_SET;
        d->list = vec_list(&keys);
    }
    return finish(p, d);
}

static Node *p_atom(Parser *p)
{
    Token *t = cur(p);
    Node *n;
    switch (t->kind) {
    case T_NAME:
        switch (t->kw) {
        case KW_NONE_:
            n = new_node(p, E_NAME, t);
            n->name = t->sym;
            advance(p);
            return n;
        case KW_NONE: advance(p); return new_node(p, E_NONE, t);
        case KW_TRUE: advance(p); return new_node(p, E_TRUE, t);
        case KW_FALSE: advance(p); return new_node(p, E_FALSE, t);
        default: return invalid_syntax(p);
        }
    case T_INT:
        advance(p);
        n = new_node(p, E_INT, t);
        n->ival = t->ival;
        return n;
    case T_BIGINT:
        if (!(t->len > 1 && t->str[0] == '0')) {
            /* a decimal literal: CPython 3.11's int-max-str-digits limit */
            size_t digits = 0;
            for (size_t k = 0; k < t->len; k++) digits += t->str[k] != '_';
            if (digits > 4300) {
                syntax_error_at(p, t->line, t->col, t->line, t->col + 1,
                                "Exceeds the limit (4300 digits) for integer string conversion: value has %zu digits; "
                                "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for "
                                "huge integer literals to avoid decimal conversion limits.", digits);
                if (p->err->kind == PERR_SYNTAX) p->err->no_caret = 1;
                return NULL;
            }
        }
        advance(p);
        n = new_node(p, E_BIGINT, t);
        n->str = t->str;
        n->len = t->len;
        return n;
    case T_FLOAT:
        advance(p);
        n = new_node(p, E_FLOAT, t);
        n->fval = t->fval;
        return n;
    case T_IMAG:
        advance(p);
        unsupported_tok(p, t, "complex numbers");
        return new_node(p, E_INT, t);
    case T_STRING: case T_FSTRING: case T_BYTES:
        return p_strings(p);
    case T_LPAR:
        return p_paren(p);
    case T_LSQB:
        return p_list(p);
    case T_LBRACE:
        return p_dict_or_set(p);
    case T_ELLIPSIS:
        advance(p);
        unsupported_tok(p, t, "Ellipsis");
        return new_node(p, E_NONE, t);
    default:
        return invalid_syntax(p);
    }
}

/* Call arguments after '('. */
static int p_call_args(Parser *p, Node *call)
{
    Vec pos = {0}, kwv = {0};
    SVec kwn = {0};
    while (!at(p, T_RPAR)) {
        Node *x;
        if (at(p, T_STAR) || at(p, T_DSTAR)) {
            Token *st = advance(p);
            unsupported_tok(p, st, "star arguments");
            if (!(x = p_expression(p))) return 0;
        } else if (at(p, T_NAME) && !cur(p)->kw && peek(p, 1)->kind == T_EQUAL) {
            Token *nm = advance(p);
            advance(p);
            for (int k = 0; k < kwn.n; k++)
                if (kwn.items[k] == nm->sym) {
                    later_error(p, PERR_SYNTAX, nm->line, nm->col, p->prev_line, p->prev_col, "");
                    if (p->later.kind == PERR_SYNTAX && p->later.line == nm->line &&
                        p->later.col == nm->col && !p->later.msg[0]) {
                        snprintf(p->later.msg, sizeof p->later.msg, "keyword argument repeated: %s",
                                 module_symname(p->m, nm->sym));
                    }
                }
            if (!(x = p_expression(p))) return 0;
            if (p->later.kind == PERR_SYNTAX && p->later.line == nm->line && p->later.col == nm->col)
                p->later.end_col = x->end_line == nm->line ? x->end_col : 100000;
            svec_push(p, &kwn, nm->sym);
            vec_push(p, &kwv, x);
            goto next;
        } else {
            if (!(x = p_expression(p))) return 0;
            if (at(p, T_EQUAL) && (x->kind == E_TRUE || x->kind == E_FALSE || x->kind == E_NONE))
                return node_error(p, x, "cannot assign to", expr_name(x)) != NULL;
            if (at(p, T_EQUAL)) {
                return syntax_error_at(p, x->line, x->col, p->t[p->i].end_line, cur(p)->end_col,
                                       "expression cannot contain assignment, perhaps you meant \"==\"?") != NULL;
            }
            if (at(p, T_COLONEQUAL)) {
                unsupported_tok(p, cur(p), "walrus operator");
                advance(p);
                if (!p_expression(p)) return 0;
            }
            if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
                unsupported_node(p, x, "generator expressions");
                CompList cl;
                if (!p_comp_for(p, &cl)) return 0;
                if (pos.n || kwn.n || (at(p, T_COMMA) && peek(p, 1)->kind != T_RPAR))
                    return syntax_error_at(p, x->line, x->col, p->prev_line, p->prev_col,
                                           "Generator expression must be parenthesized") != NULL;
            }
            if (kwn.n) /* CPython points at the token after the argument */
                return syntax_error_at(p, cur(p)->line, cur(p)->col, cur(p)->line, cur(p)->col + 1,
                                       "positional argument follows keyword argument") != NULL;
        }
        vec_push(p, &pos, x);
    next:
        if (at(p, T_RPAR)) break;
        if (!accept(p, T_COMMA)) {
            missing_comma(p, x);
            return 0;
        }
    }
    advance(p); /* ')' */
    call->list = vec_list(&pos);
    call->list2 = vec_list(&kwv);
    call->kwnames = svec_list(&kwn);
    return 1;
}

static Node *p_slice_item(Parser *p)
{
    Token *start = cur(p);
    Node *lo = NULL;
    if (!at(p, T_COLON)) {
        if (at(p, T_STAR)) {
            unsupported_tok(p, cur(p), "star expressions");
            advance(p);
        }
        lo = p_expression(p);
        if (!lo) return NULL;
        if (!at(p, T_COLON)) return lo;
    }
    Node *s = new_node(p, E_SLICE, start);
    s->a = lo;
    advance(p); /* ':' */
    if (!at(p, T_COLON) && !at(p, T_COMMA) && !at(p, T_RSQB)) {
        if (!(s->b = p_expression(p))) return NULL;
    }
    if (accept(p, T_COLON)) {
        if (!at(p, T_COMMA) && !at(p, T_RSQB)) {
            if (!(s->c = p_expression(p))) return NULL;
        }
    }
    return finish(p, s);
}

static Node *p_subscript_index(Parser *p)
{
    Token *start = cur(p);
    Node *first = p_slice_item(p);
    if (!first) return NULL;
    if (!at(p, T_COMMA)) return first;
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (at(p, T_RSQB)) break;
        Node *x = p_slice_item(p);
        if (!x) return NULL;
        vec_push(p, &v, x);
    }
    Node *t = new_node(p, E_TUPLE, start);
    t->list = vec_list(&v);
    return finish(p, t);
}

static Node *p_primary(Parser *p)
{
    Node *n = p_atom(p);
    if (!n) return NULL;
    int chain = 0, saved = p->depth;
    for (;;) {
        if (at(p, T_DOT)) {
            advance(p);
            if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
            Token *nm = advance(p);
            Node *a = new_node_at(p, E_ATTR, n);
            a->a = n;
            a->name = nm->sym;
            n = finish(p, a);
        } else if (at(p, T_LPAR)) {
            advance(p);
            Node *c = new_node_at(p, E_CALL, n);
            c->a = n;
            if (!p_call_args(p, c)) return NULL;
            n = finish(p, c);
        } else if (at(p, T_LSQB)) {
            advance(p);
            Node *s = new_node_at(p, E_SUBSCRIPT, n);
            s->a = n;
            if (!(s->b = p_subscript_index(p))) return NULL;
            if (!accept(p, T_RSQB)) return missing_comma(p, s->b);
            n = finish(p, s);
        } else {
            break;
        }
        chain++;
        if (!depth_enter(p)) return NULL;
    }
    (void)chain;
    p->depth = saved;
    return n;
}

static Node *p_factor(Parser *p);

static Node *p_power(Parser *p)
{
    if (at_kw(p, KW_AWAIT)) {
        unsupported_tok(p, cur(p), "async");
        advance(p);
    }
    Node *base = p_primary(p);
    if (!base) return NULL;
    if (!at(p, T_DSTAR)) return base;
    advance(p);
    if (!depth_enter(p)) return NULL;
    Node *exp = p_factor(p);
    p->depth--;
    if (!exp) return NULL;
    Node *b = new_node_at(p, E_BINOP, base);
    b->op = OP_POW;
    b->a = base;
    b->b = exp;
    return finish(p, b);
}

static Node *p_factor(Parser *p)
{
    Token *t = cur(p);
    int op;
    if (t->kind == T_MINUS) op = UOP_NEG;
    else if (t->kind == T_PLUS) op = UOP_POS;
    else if (t->kind == T_TILDE) op = UOP_INVERT;
    else return p_power(p);
    advance(p);
    if (!depth_enter(p)) return NULL;
    Node *x = p_factor(p);
    p->depth--;
    if (!x) return NULL;
    Node *u = new_node(p, E_UNARY, t);
    u->op = (uint8_t)op;
    u->a = x;
    return finish(p, u);
}

/* Left-associative binary levels, from tightest to loosest. */
typedef struct {
    int tok;
    int op;
} OpMap;

static const OpMap term_ops[] = {{T_STAR, OP_MUL}, {T_SLASH, OP_DIV}, {T_DSLASH, OP_FLOORDIV},
                                 {T_PERCENT, OP_MOD}, {T_AT, OP_MATMUL}, {0, 0}};
static const OpMap sum_ops[] = {{T_PLUS, OP_ADD}, {T_MINUS, OP_SUB}, {0, 0}};
static const OpMap shift_ops[] = {{T_LSHIFT, OP_LSHIFT}, {T_RSHIFT, OP_RSHIFT}, {0, 0}};
static const OpMap and_ops[] = {{T_AMPER, OP_BITAND}, {0, 0}};
static const OpMap xor_ops[] = {{T_CIRCUMFLEX, OP_BITXOR}, {0, 0}};
static const OpMap or_ops[] = {{T_VBAR, OP_BITOR}, {0, 0}};

static const OpMap *const levels[] = {or_ops, xor_ops, and_ops, shift_ops, sum_ops, term_ops};
#define NLEVELS 6

static Node *p_binary(Parser *p, int level)
{
    if (level == NLEVELS) return p_factor(p);
    Node *left = p_binary(p, level + 1);
    if (!left) return NULL;
    int saved = p->depth;
    for (;;) {
        const OpMap *m = levels[level];
        int op = -1;
        for (; m->tok; m++)
            if (at(p, m->tok)) op = m->op;
        if (op < 0) break;
        advance(p);
        if (!depth_enter(p)) return NULL;
        Node *right = p_binary(p, level + 1);
        if (!right) return NULL;
        Node *b = new_node_at(p, E_BINOP, left);
        b->op = (uint8_t)op;
        b->a = left;
        b->b = right;
        left = finish(p, b);
    }
    p->depth = saved;
    return left;
}

static Node *p_bitor(Parser *p) { return p_binary(p, 0); }

static int comp_op(Parser *p, int *op)
{
    Token *t = cur(p);
    switch (t->kind) {
    case T_EQEQUAL: *op = CMP_EQ; break;
    case T_NOTEQUAL: *op = CMP_NE; break;
    case T_LESS: *op = CMP_LT; break;
    case T_LESSEQUAL: *op = CMP_LE; break;
    case T_GREATER: *op = CMP_GT; break;
    case T_GREATEREQUAL: *op = CMP_GE; break;
    case T_NAME:
        if (t->kw == KW_IN) *op = CMP_IN;
        else if (t->kw == KW_IS) {
            if (peek(p, 1)->kind == T_NAME && peek(p, 1)->kw == KW_NOT) {
                advance(p);
                *op = CMP_IS_NOT;
            } else {
                *op = CMP_IS;
            }
        } else if (t->kw == KW_NOT && peek(p, 1)->kind == T_NAME && peek(p, 1)->kw == KW_IN) {
            advance(p);
            *op = CMP_NOT_IN;
        } else {
            return 0;
        }
        break;
    default:
        return 0;
    }
    advance(p);
    return 1;
}

static Node *p_comparison(Parser *p)
{
    Node *first = p_bitor(p);
    if (!first) return NULL;
    int op;
    if (!comp_op(p, &op)) return first;
    Node *c = new_node_at(p, E_COMPARE, first);
    c->a = first;
    Vec v = {0};
    int nops = 0, capops = 0;
    uint8_t *ops = NULL;
    do {
        if (nops == capops) {
            int ncap = capops ? capops * 2 : 4;
            uint8_t *no = arena_alloc(p->m->arena, (size_t)ncap);
            if (nops) memcpy(no, ops, (size_t)nops);
            ops = no;
            capops = ncap;
        }
        ops[nops++] = (uint8_t)op;
        Node *x = p_bitor(p);
        if (!x) return NULL;
        vec_push(p, &v, x);
    } while (comp_op(p, &op));
    c->list = vec_list(&v);
    c->ops = ops;
    return finish(p, c);
}

static Node *p_inversion(Parser *p)
{
    if (!at_kw(p, KW_NOT)) return p_comparison(p);
    Token *t = advance(p);
    if (!depth_enter(p)) return NULL;
    Node *x = p_inversion(p);
    p->depth--;
    if (!x) return NULL;
    Node *u = new_node(p, E_UNARY, t);
    u->op = UOP_NOT;
    u->a = x;
    return finish(p, u);
}

static Node *p_boolop(Parser *p, int kw)
{
    Node *first = kw == KW_OR ? p_boolop(p, KW_AND) : p_inversion(p);
    if (!first || !at_kw(p, kw)) return first;
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept_kw(p, kw)) {
        Node *x = kw == KW_OR ? p_boolop(p, KW_AND) : p_inversion(p);
        if (!x) return NULL;
        vec_push(p, &v, x);
    }
    Node *b = new_node_at(p, E_BOOLOP, first);
    b->op = kw == KW_OR ? OP_OR : OP_AND;
    b->list = vec_list(&v);
    return finish(p, b);
}

static Node *p_disjunction(Parser *p) { return p_boolop(p, KW_OR); }

static Node *p_lambda(Parser *p)
{
    Token *t = advance(p);
    unsupported_tok(p, t, "lambda");
    while (!at(p, T_COLON)) {
        if (at(p, T_NEWLINE) || at(p, T_EOF)) return invalid_syntax(p);
        advance(p);
    }
    advance(p);
    Node *body = p_expression(p);
    if (!body) return NULL;
    Node *n = new_node(p, E_NONE, t);
    return finish(p, n);
}

static Node *p_expression(Parser *p)
{
    if (!depth_enter(p)) return NULL;
    Node *res;
    if (at_kw(p, KW_LAMBDA)) {
        res = p_lambda(p);
    } else {
        Node *body = p_disjunction(p);
        res = body;
        if (body && at_kw(p, KW_IF)) {
            advance(p);
            Node *test = p_disjunction(p);
            if (!test) {
                res = NULL;
            } else if (!accept_kw(p, KW_ELSE)) {
                res = syntax_error_at(p, body->line, body->col, test->end_line, test->end_col,
                                      "expected 'else' after 'if' expression");
            } else {
                Node *orelse = p_expression(p);
                if (!orelse) {
                    res = NULL;
                } else {
                    Node *n = new_node_at(p, E_IFEXP, body);
                    n->a = body;
                    n->b = test;
                    n->c = orelse;
                    res = finish(p, n);
                }
            }
        }
    }
    p->depth--;
    return res;
}

/* expression (',' expression)* [','] -> a tuple when there is a comma. */
static Node *p_star_expressions(Parser *p, int allow_star)
{
    Token *start = cur(p);
    Node *first = allow_star ? p_star_elem(p) : p_expression(p);
    if (!first) return NULL;
    if (!at(p, T_COMMA)) return first;
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (!starts_expression(p) && !at(p, T_STAR)) break;
        Node *x = allow_star ? p_star_elem(p) : p_expression(p);
        if (!x) return NULL;
        vec_push(p, &v, x);
    }
    Node *t = new_node(p, E_TUPLE, start);
    t->list = vec_list(&v);
    return finish(p, t);
}

/* ---- statements ---- */

static Node *new_stmt(Parser *p, int kind, const Token *t) { return new_node(p, kind, t); }

static int end_simple(Parser *p)
{
    return at(p, T_NEWLINE) || at(p, T_SEMI) || at(p, T_EOF);
}

/* Skip an unsupported simple statement's tokens. */
static void skip_simple(Parser *p)
{
    int depth = 0;
    while (!at(p, T_EOF)) {
        int k = cur(p)->kind;
        if (depth == 0 && (k == T_NEWLINE || k == T_SEMI)) break;
        if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) depth++;
        if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) depth--;
        advance(p);
    }
}

static int is_aug(int kind) { return kind >= T_PLUSEQUAL && kind <= T_ATEQUAL; }

static int aug_op(int kind)
{
    static const int map[] = {OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW,
                              OP_LSHIFT, OP_RSHIFT, OP_BITAND, OP_BITOR, OP_BITXOR, OP_MATMUL};
    return map[kind - T_PLUSEQUAL];
}

static Node *p_expr_or_assign(Parser *p)
{
    Token *start = cur(p);
    Node *first = p_star_expressions(p, 1);
    if (!first) return NULL;
    if (at(p, T_COLON)) {
        /* annotated assignment */
        unsupported_tok(p, cur(p), "annotations");
        advance(p);
        if (!p_expression(p)) return NULL;
        if (accept(p, T_EQUAL))
            if (!p_star_expressions(p, 1)) return NULL;
        return finish(p, new_stmt(p, S_PASS, start));
    }
    if (is_aug(cur(p)->kind)) {
        int op = aug_op(cur(p)->kind);
        if (!check_target(p, first, TGT_AUG)) return NULL;
        advance(p);
        Node *value;
        if (at_kw(p, KW_YIELD)) {
            unsupported_tok(p, cur(p), "yield");
            skip_simple(p);
            return finish(p, new_stmt(p, S_PASS, start));
        }
        value = p_star_expressions(p, 1);
        if (!value) return NULL;
        Node *s = new_stmt(p, S_AUGASSIGN, start);
        s->op = (uint8_t)op;
        s->a = first;
        s->b = value;
        return finish(p, s);
    }
    if (!at(p, T_EQUAL)) {
        if (end_simple(p)) {
            Node *s = new_stmt(p, S_EXPR, start);
            s->a = first;
            return finish(p, s);
        }
        /* print "x" */
        if (first->kind == E_NAME && !(first->flags & NF_PAREN) && starts_expression(p)) {
            const char *nm = module_symname(p->m, first->name);
            if (strcmp(nm, "print") == 0 || strcmp(nm, "exec") == 0) {
                int save = p->i;
                Node *arg = p_star_expressions(p, 0);
                int bl = p->prev_line, bc = p->prev_col;
                if (!arg) memset(p->err, 0, sizeof *p->err);
                p->i = save;
                if (arg)
                    return syntax_error_at(p, first->line, first->col, bl, bc,
                                           "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                           nm, nm);
            }
        }
        return invalid_syntax(p);
    }
    Vec targets = {0};
    Node *value = first;
    while (at(p, T_EQUAL)) {
        Token *eq = advance(p);
        (void)eq;
        Node *target = value;
        if (at_kw(p, KW_YIELD)) {
            unsupported_tok(p, cur(p), "yield");
            skip_simple(p);
            return finish(p, new_stmt(p, S_PASS, start));
        }
        value = p_star_expressions(p, 1);
        if (!value) return NULL;
        const Node *bad = invalid_target(target, TGT_ASSIGN);
        if (bad) {
            int single = targets.n == 0 && target->kind != E_TUPLE && target->kind != E_LIST &&
                         target->kind != E_NONE && target->kind != E_TRUE &&
                         target->kind != E_FALSE && !at(p, T_EQUAL) && value->kind != E_TUPLE;
            if (single)
                return syntax_error_at(p, target->line, target->col, target->end_line,
                                       target->end_col,
                                       "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                       expr_name(target));
            return node_error(p, bad, "cannot assign to", expr_name(bad));
        }
        vec_push(p, &targets, target);
    }
    for (int k = 0; k < targets.n; k++) {
        Node *t = targets.items[k];
        if (t->kind == E_TUPLE || t->kind == E_LIST)
            for (int j = 0; j < t->list.n; j++)
                if (t->list.items[j]->kind == E_NONE) {} /* placeholders of unsupported * */
    }
    Node *s = new_stmt(p, S_ASSIGN, start);
    s->list = vec_list(&targets);
    s->a = value;
    return finish(p, s);
}

static Node *p_dotted_name(Parser *p, Sym *out)
{
    if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
    Token *t = advance(p);
    *out = t->sym;
    if (at(p, T_DOT)) {
        unsupported_tok(p, t, "dotted module names");
        while (accept(p, T_DOT)) {
            if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
            advance(p);
        }
    }
    return (Node *)t; /* non-NULL marker */
}

static Node *p_import(Parser *p)
{
    Token *start = advance(p);
    Node *s = new_stmt(p, S_IMPORT, start);
    SVec names = {0}, as = {0};
    do {
        Sym nm, asn = 0;
        if (!p_dotted_name(p, &nm)) return NULL;
        if (accept_kw(p, KW_AS)) {
            if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
            asn = advance(p)->sym;
        }
        svec_push(p, &names, nm);
        svec_push(p, &as, asn);
    } while (accept(p, T_COMMA));
    s->syms = svec_list(&names);
    s->syms2 = svec_list(&as);
    return finish(p, s);
}

static Node *p_from_import(Parser *p)
{
    Token *start = advance(p);
    Node *s = new_stmt(p, S_FROMIMPORT, start);
    if (at(p, T_DOT) || at(p, T_ELLIPSIS)) {
        unsupported_tok(p, cur(p), "relative imports");
        while (at(p, T_DOT) || at(p, T_ELLIPSIS)) advance(p);
        if (at_kw(p, KW_IMPORT)) goto names;
    }
    if (!p_dotted_name(p, &s->name)) return NULL;
names:
    if (!accept_kw(p, KW_IMPORT)) return invalid_syntax(p);
    if (at(p, T_STAR)) {
        unsupported_tok(p, cur(p), "import *");
        advance(p);
        return finish(p, s);
    }
    int paren = accept(p, T_LPAR);
    SVec names = {0}, as = {0};
    for (;;) {
        if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
        Sym nm = advance(p)->sym, asn = 0;
        if (accept_kw(p, KW_AS)) {
            if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
            asn = advance(p)->sym;
        }
        svec_push(p, &names, nm);
        svec_push(p, &as, asn);
        if (!accept(p, T_COMMA)) break;
        if (paren && at(p, T_RPAR)) break;
        if (!paren && end_simple(p))
            return syntax_error_at(p, p->prev_line, p->prev_col - 1, p->prev_line, p->prev_col,
                                   "trailing comma not allowed without surrounding parentheses");
    }
    if (paren && !accept(p, T_RPAR)) return invalid_syntax(p);
    s->syms = svec_list(&names);
    s->syms2 = svec_list(&as);
    return finish(p, s);
}

static Node *p_simple(Parser *p)
{
    Token *t = cur(p);
    Node *s;
    if (t->kind == T_NAME) {
        switch (t->kw) {
        case KW_PASS: advance(p); return new_stmt(p, S_PASS, t);
        case KW_BREAK:
            advance(p);
            if (!p->loop_depth)
                later_error(p, PERR_SYNTAX, t->line, t->col, t->end_line, t->end_col,
                            "'break' outside loop");
            return new_stmt(p, S_BREAK, t);
        case KW_CONTINUE:
            advance(p);
            if (!p->loop_depth)
                later_error(p, PERR_SYNTAX, t->line, t->col, t->end_line, t->end_col,
                            "'continue' not properly in loop");
            return new_stmt(p, S_CONTINUE, t);
        case KW_RETURN:
            advance(p);
            s = new_stmt(p, S_RETURN, t);
            if (!end_simple(p)) {
                if (!(s->a = p_star_expressions(p, 1))) return NULL;
            }
            finish(p, s);
            if (!p->in_func)
                later_error(p, PERR_SYNTAX, s->line, s->col, s->end_line, s->end_col,
                            "'return' outside function");
            return s;
        case KW_DEL: {
            advance(p);
            s = new_stmt(p, S_DEL, t);
            Vec v = {0};
            do {
                if (end_simple(p)) break;
                Node *x = p_bitor(p);
                if (!x) return NULL;
                if (!check_target(p, x, TGT_DEL)) return NULL;
                vec_push(p, &v, x);
            } while (accept(p, T_COMMA));
            if (v.n == 0 || !end_simple(p)) return invalid_syntax(p);
            s->list = vec_list(&v);
            return finish(p, s);
        }
        case KW_GLOBAL: {
            advance(p);
            s = new_stmt(p, S_GLOBAL, t);
            SVec v = {0};
            do {
                if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
                svec_push(p, &v, advance(p)->sym);
            } while (accept(p, T_COMMA));
            s->syms = svec_list(&v);
            return finish(p, s);
        }
        case KW_NONLOCAL: case KW_RAISE: case KW_ASSERT: case KW_YIELD: {
            const char *what = t->kw == KW_NONLOCAL ? "nonlocal statement"
                               : t->kw == KW_RAISE  ? "raise statement"
                               : t->kw == KW_ASSERT ? "assert statement"
                                                    : "yield";
            unsupported_tok(p, t, what);
            skip_simple(p);
            return finish(p, new_stmt(p, S_PASS, t));
        }
        case KW_IMPORT: return p_import(p);
        case KW_FROM: return p_from_import(p);
        default: break;
        }
    }
    return p_expr_or_assign(p);
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int p_simple_stmts(Parser *p, Vec *out)
{
    for (;;) {
        Node *s = p_simple(p);
        if (!s) return 0;
        vec_push(p, out, s);
        if (accept(p, T_SEMI)) {
            if (at(p, T_NEWLINE)) break;
            continue;
        }
        break;
    }
    if (at(p, T_EOF)) return 1;
    if (!accept(p, T_NEWLINE)) {
        invalid_syntax(p);
        return 0;
    }
    return 1;
}

/* Expect ':' after a compound statement's header. */
static int expect_colon(Parser *p, int forced)
{
    if (accept(p, T_COLON)) return 1;
    if (at(p, T_NEWLINE) || forced) {
        Token *t = cur(p);
        syntax_error_at(p, t->line, t->col, t->end_line, t->end_col, "expected ':'");
        return 0;
    }
    invalid_syntax(p);
    return 0;
}

static int p_block_vec(Parser *p, Vec *out, const char *what, int line)
{
    if (!at(p, T_NEWLINE)) return p_simple_stmts(p, out);
    advance(p);
    if (!at(p, T_INDENT)) {
        char msg[160];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
        if (at(p, T_EOF) || at(p, T_DEDENT)) {
            /* CPython shows the line without a caret (the header's at the end) */
            if (!failed(p)) {
                set_error(p->err, PERR_SYNTAX, "IndentationError",
                          at(p, T_EOF) ? p->prev_line : cur(p)->line, 0, 0, msg);
                p->err->end_col = 0;
            }
            return 0;
        }
        indentation_error(p, cur(p), msg);
        return 0;
    }
    advance(p);
    while (!at(p, T_DEDENT) && !at(p, T_EOF)) {
        if (!p_statement(p, out)) return 0;
    }
    accept(p, T_DEDENT);
    return 1;
}

static int p_block(Parser *p, NodeList *out, const char *what, int line)
{
    Vec v = {0};
    if (!p_block_vec(p, &v, what, line)) return 0;
    *out = vec_list(&v);
    return 1;
}

/* Skip `header: block` of an unsupported compound statement. */
static int skip_compound(Parser *p, const char *what)
{
    int depth = 0;
    Token *t = cur(p);
    while (!at(p, T_EOF)) {
        int k = cur(p)->kind;
        if (depth == 0 && k == T_COLON) break;
        if (depth == 0 && k == T_NEWLINE) return expect_colon(p, 0);
        if (k == T_LPAR || k == T_LSQB || k == T_LBRACE) depth++;
        if (k == T_RPAR || k == T_RSQB || k == T_RBRACE) depth--;
        advance(p);
    }
    if (!expect_colon(p, 0)) return 0;
    NodeList body;
    return p_block(p, &body, what, t->line);
}

static Node *p_if(Parser *p, Token *kwtok, const char *what)
{
    Node *s = new_stmt(p, S_IF, kwtok);
    Node *test = p_expression(p);
    if (!test) return NULL;
    if (at(p, T_EQUAL)) {
        Token *eq = cur(p);
        (void)eq;
        if (test->kind == E_NAME) {
            int save = p->i;
            advance(p);
            Node *rhs = p_bitor(p);
            if (!rhs) {
                memset(p->err, 0, sizeof *p->err);
                p->i = save;
                return invalid_syntax(p);
            }
            return syntax_error_at(p, test->line, test->col, rhs->end_line, rhs->end_col,
                                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        if (invalid_target(test, TGT_ASSIGN) == test || test->kind == E_ATTR ||
            test->kind == E_SUBSCRIPT)
            return syntax_error_at(p, test->line, test->col, test->end_line, test->end_col,
                                   "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                   expr_name(test));
    }
    s->a = test;
    if (!expect_colon(p, 0)) return NULL;
    if (!p_block(p, &s->body, what, kwtok->line)) return NULL;
    if (at_kw(p, KW_ELIF)) {
        Token *e = advance(p);
        Node *elif = p_if(p, e, "'elif' statement");
        if (!elif) return NULL;
        Node **one = arena_alloc(p->m->arena, sizeof *one);
        one[0] = elif;
        s->orelse.items = one;
        s->orelse.n = 1;
    } else if (at_kw(p, KW_ELSE)) {
        Token *e = advance(p);
        if (!expect_colon(p, 1)) return NULL;
        if (!p_block(p, &s->orelse, "'else' statement", e->line)) return NULL;
    }
    return finish(p, s);
}

static int p_else_block(Parser *p, NodeList *out)
{
    if (!at_kw(p, KW_ELSE)) return 1;
    Token *e = advance(p);
    if (!expect_colon(p, 1)) return 0;
    return p_block(p, out, "'else' statement", e->line);
}

/* CPython's compiler keeps at most CO_MAXBLOCKS (20; 21 in 3.13) nested loops (the
 * blocks of the subset) per code object; the 21st is an error, marked from
 * its keyword to the end of its line. */
static void check_blocks(Parser *p, const Token *kw)
{
    const Token *colon = &p->t[p->i - 1];   /* the header's last token */
    if (p->loop_depth > py_profile->max_nested_blocks)
        later_error(p, PERR_SYNTAX, kw->line, kw->col, colon->end_line, colon->end_col,
                    "too many statically nested blocks");
}

static Node *p_while(Parser *p)
{
    Token *kw = advance(p);
    Node *s = new_stmt(p, S_WHILE, kw);
    if (!(s->a = p_expression(p))) return NULL;
    if (!expect_colon(p, 0)) return NULL;
    p->loop_depth++;
    check_blocks(p, kw);
    int ok = p_block(p, &s->body, "'while' statement", kw->line);
    p->loop_depth--;
    if (!ok || !p_else_block(p, &s->orelse)) return NULL;
    return finish(p, s);
}

static Node *p_for(Parser *p)
{
    Token *kw = advance(p);
    Node *s = new_stmt(p, S_FOR, kw);
    Node *target = p_for_target(p);
    if (!target) return NULL;
    if (!check_target(p, target, TGT_FOR)) return NULL;
    if (!accept_kw(p, KW_IN)) return invalid_syntax(p);
    s->a = target;
    if (!(s->b = p_star_expressions(p, 1))) return NULL;
    if (!expect_colon(p, 0)) return NULL;
    p->loop_depth++;
    check_blocks(p, kw);
    int ok = p_block(p, &s->body, "'for' statement", kw->line);
    p->loop_depth--;
    if (!ok || !p_else_block(p, &s->orelse)) return NULL;
    return finish(p, s);
}

static Node *p_def(Parser *p)
{
    Token *kw = advance(p);
    Node *s = new_stmt(p, S_DEF, kw);
    if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
    s->name = advance(p)->sym;
    if (!accept(p, T_LPAR)) return invalid_syntax(p);
    SVec params = {0};
    Vec defaults = {0};
    while (!at(p, T_RPAR)) {
        if (at(p, T_STAR) || at(p, T_DSTAR)) {
            Token *st = advance(p);
            unsupported_tok(p, st, st->kind == T_STAR && (at(p, T_COMMA)) ? "keyword-only parameters"
                                                                           : "star arguments");
            if (at(p, T_NAME)) advance(p);
        } else if (at(p, T_SLASH)) {
            unsupported_tok(p, cur(p), "positional-only parameters");
            advance(p);
        } else {
            if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
            Token *nm = advance(p);
            for (int k = 0; k < params.n; k++)
                if (params.items[k] == nm->sym) {
                    char msg[160];
                    snprintf(msg, sizeof msg, "duplicate argument '%s' in function definition",
                             module_symname(p->m, nm->sym));
                    later_error(p, PERR_SYNTAX, nm->line, nm->col, nm->end_line, nm->end_col, msg);
                }
            if (at(p, T_COLON)) {
                unsupported_tok(p, cur(p), "annotations");
                advance(p);
                if (!p_expression(p)) return NULL;
            }
            if (accept(p, T_EQUAL)) {
                Node *d = p_expression(p);
                if (!d) return NULL;
                vec_push(p, &defaults, d);
            } else if (defaults.n) {
                return syntax_error_at(p, nm->line, nm->col, nm->end_line, nm->end_col,
                                       "non-default argument follows default argument");
            }
            svec_push(p, &params, nm->sym);
        }
        if (at(p, T_RPAR)) break;
        if (!accept(p, T_COMMA)) return invalid_syntax(p);
    }
    advance(p);
    if (at(p, T_ARROW)) {
        unsupported_tok(p, cur(p), "annotations");
        advance(p);
        if (!p_expression(p)) return NULL;
    }
    s->params = svec_list(&params);
    s->list = vec_list(&defaults);
    if (!expect_colon(p, 0)) return NULL;
    int save_loop = p->loop_depth, save_func = p->in_func;
    p->loop_depth = 0;
    p->in_func = 1;
    int ok = p_block(p, &s->body, "function definition", kw->line);
    p->loop_depth = save_loop;
    p->in_func = save_func;
    if (!ok) return NULL;
    return finish(p, s);
}

static Node *p_class(Parser *p)
{
    Token *kw = advance(p);
    Node *s = new_stmt(p, S_CLASS, kw);
    if (!at(p, T_NAME) || cur(p)->kw) return invalid_syntax(p);
    s->name = advance(p)->sym;
    if (accept(p, T_LPAR)) {
        Node *call = new_node(p, E_CALL, kw);
        if (!p_call_args(p, call)) return NULL;
        if (call->kwnames.n) unsupported_node(p, call->list2.items[0], "class keywords");
        s->list = call->list;
    }
    if (!expect_colon(p, 0)) return NULL;
    int save_loop = p->loop_depth, save_func = p->in_func;
    p->loop_depth = 0;
    p->in_func = 0;
    int ok = p_block(p, &s->body, "class definition", kw->line);
    p->loop_depth = save_loop;
    p->in_func = save_func;
    if (!ok) return NULL;
    return finish(p, s);
}

/* Is the line starting here a `match` statement (soft keyword)? */
static int looks_like_match(Parser *p)
{
    Token *t = cur(p);
    if (t->kind != T_NAME || t->kw || strcmp(module_symname(p->m, t->sym), "match") != 0) return 0;
    Token *n1 = peek(p, 1);
    if (n1->kind == T_EQUAL || n1->kind == T_DOT || n1->kind == T_NEWLINE || is_aug(n1->kind) ||
        n1->kind == T_COMMA || n1->kind == T_RPAR || n1->kind == T_SEMI)
        return 0;
    /* find the end of the logical line: ':' NEWLINE INDENT */
    for (int j = p->i + 1; j < p->n - 2; j++) {
        int k = p->t[j].kind;
        if (k == T_NEWLINE || k == T_EOF) return 0;
        if (k == T_COLON && p->t[j + 1].kind == T_NEWLINE && p->t[j + 2].kind == T_INDENT) return 1;
    }
    return 0;
}

/* One statement (simple statements of a line, or a compound statement). */
static int p_statement(Parser *p, Vec *out)
{
    Token *t = cur(p);
    Node *s = NULL;
    if (t->kind == T_NAME) {
        switch (t->kw) {
        case KW_IF: advance(p); s = p_if(p, t, "'if' statement"); break;
        case KW_WHILE: s = p_while(p); break;
        case KW_FOR: s = p_for(p); break;
        case KW_DEF: s = p_def(p); break;
        case KW_CLASS: s = p_class(p); break;
        case KW_WITH:
            unsupported_tok(p, t, "with statement");
            return skip_compound(p, "'with' statement");
        case KW_TRY: {
            unsupported_tok(p, t, "try statement");
            if (!skip_compound(p, "'try' statement")) return 0;
            while (at_kw(p, KW_EXCEPT) || at_kw(p, KW_ELSE) || at_kw(p, KW_FINALLY)) {
                const char *w = at_kw(p, KW_EXCEPT) ? "'except' statement"
                                : at_kw(p, KW_ELSE) ? "'else' statement" : "'finally' statement";
                if (!skip_compound(p, w)) return 0;
            }
            return 1;
        }
        case KW_ASYNC:
            unsupported_tok(p, t, "async");
            advance(p);
            if (at_kw(p, KW_DEF) || at_kw(p, KW_FOR) || at_kw(p, KW_WITH))
                return p_statement(p, out);
            invalid_syntax(p);
            return 0;
        case KW_ELSE: case KW_ELIF: case KW_EXCEPT: case KW_FINALLY:
            invalid_syntax(p);
            return 0;
        default:
            if (!t->kw && looks_like_match(p)) {
                /* Skip the header, then the indented block token by token
                 * (case clauses are not statements we know). */
                unsupported_tok(p, t, "match statement");
                while (!at(p, T_COLON)) advance(p);
                advance(p);
                advance(p); /* NEWLINE */
                int depth = 0;
                do {
                    if (at(p, T_INDENT)) depth++;
                    if (at(p, T_DEDENT)) depth--;
                    advance(p);
                } while (depth > 0 && !at(p, T_EOF));
                return 1;
            }
            return p_simple_stmts(p, out);
        }
        if (!s) return 0;
        vec_push(p, out, s);
        return 1;
    }
    if (t->kind == T_AT) {
        unsupported_tok(p, t, "decorators");
        advance(p);
        if (!p_expression(p)) return 0;
        if (!accept(p, T_NEWLINE)) {
            invalid_syntax(p);
            return 0;
        }
        if (!at_kw(p, KW_DEF) && !at_kw(p, KW_CLASS) && !at(p, T_AT) && !at_kw(p, KW_ASYNC)) {
            invalid_syntax(p);
            return 0;
        }
        return p_statement(p, out);
    }
    if (t->kind == T_NEWLINE) { /* cannot happen after the lexer, but harmless */
        advance(p);
        return 1;
    }
    return p_simple_stmts(p, out);
}

/* ---- entry points ---- */

static void parser_init(Parser *p, Module *m, const char *src, size_t len, TokenList *tl,
                        ParseError *err)
{
    memset(p, 0, sizeof *p);
    p->m = m;
    p->src = src;
    p->srclen = len;
    p->t = tl->toks;
    p->n = tl->n;
    p->tl = tl;
    p->err = err;
}

/* After a successful parse: the first remembered error, if any. */
static int parser_finish(Parser *p)
{
    if (failed(p)) return -1;
    if (p->later.kind != PERR_NONE) {
        ParseError keep = *p->err;
        *p->err = p->later;
        memcpy(p->err->filename, keep.filename, sizeof keep.filename);
        p->err->line_base = keep.line_base;
        return -1;
    }
    return 0;
}

static void err_init(ParseError *err, const char *filename, int line_base)
{
    memset(err, 0, sizeof *err);
    snprintf(err->filename, sizeof err->filename, "%s", filename ? filename : "<string>");
    err->line_base = line_base;
}

static int parse_file_input(Module *m, const char *src, size_t len, int first_line, Vec *body,
                            ParseError *err)
{
    if (lex_check_encoding(src, len, err->filename, err) < 0) {
        err->line += first_line - 1;
        return -1;
    }
    TokenList tl;
    if (lex_source(m, src, len, first_line, 1, 0, &tl, err) < 0) return -1;
    Parser p;
    parser_init(&p, m, src, len, &tl, err);
    while (!at(&p, T_EOF)) {
        if (at(&p, T_NEWLINE)) {
            advance(&p);
            continue;
        }
        if (!p_statement(&p, body)) break;
    }
    int r = parser_finish(&p);
    free(tl.toks);
    return r;
}

Module *parse_module(const char *filename, const char *src, size_t len, ParseError *err)
{
    return parse_module_limited(filename, src, len, 0, err);
}

Module *parse_module_limited(const char *filename, const char *src, size_t len, size_t mem_limit,
                             ParseError *err)
{
    err_init(err, filename, 0);
    Module *m = module_new(filename, src, len);
    m->mem_limit = mem_limit;
    Vec body = {0};
    if (parse_file_input(m, m->source, len, 1, &body, err) < 0) {
        module_free(m);
        return NULL;
    }
    m->body = vec_list(&body);
    return m;
}

int parse_statements(Module *m, const char *src, size_t len, int first_line, NodeList *out,
                     ParseError *err)
{
    err_init(err, m->filename, first_line - 1);
    Vec body = {0};
    out->items = NULL;
    out->n = 0;
    if (parse_file_input(m, src, len, first_line, &body, err) < 0) return -1;
    *out = vec_list(&body);
    return 0;
}

Node *parse_expression(Module *m, const char *src, size_t len, ParseError *err)
{
    err_init(err, m->filename, 0);
    if (lex_check_encoding(src, len, err->filename, err) < 0) return NULL;
    TokenList tl;
    if (lex_source(m, src, len, 1, 1, 0, &tl, err) < 0) return NULL;
    Parser p;
    parser_init(&p, m, src, len, &tl, err);
    while (at(&p, T_NEWLINE)) advance(&p);
    Node *x = NULL;
    if (at(&p, T_INDENT)) {
        advance(&p);
    }
    x = p_star_expressions(&p, 0);
    if (x) {
        while (at(&p, T_NEWLINE) || at(&p, T_DEDENT)) advance(&p);
        if (!at(&p, T_EOF)) x = invalid_syntax(&p);
    }
    if (parser_finish(&p) < 0) x = NULL;
    free(tl.toks);
    return x;
}

/* ---- error formatting ---- */

/* Line `line` (1-based) of src, without its newline. */
static const char *find_line(const char *src, int line, size_t *len)
{
    const char *s = src;
    for (int k = 1; k < line && s; k++) {
        const char *nl = strchr(s, '\n');
        s = nl ? nl + 1 : NULL;
    }
    if (!s) return NULL;
    const char *e = strchr(s, '\n');
    *len = e ? (size_t)(e - s) : strlen(s);
    if (*len && s[*len - 1] == '\r') (*len)--;
    return s;
}

void parse_format_error(const ParseError *e, const char *source, StrBuf *out)
{
    if (e->kind == PERR_UNSUPPORTED) {
        sb_printf(out, "memtutor: %s:%d:%d: %s\n", e->filename, e->line, e->col, e->msg);
        return;
    }
    if (e->no_location) {
        if (e->msg[0]) sb_printf(out, "%s: %s\n", e->type, e->msg);
        else sb_printf(out, "%s\n", e->type);
        return;
    }
    sb_printf(out, "  File \"%s\", line %d\n", e->filename, e->line);
    size_t len = 0;
    const char *text = source ? find_line(source, e->line - e->line_base, &len) : NULL;
    if (text) {
        /* As CPython's print_error_text: strip leading blanks, caret by characters. */
        int offset = e->col - 1, end = e->end_col - 1;
        size_t k = 0;
        while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\f')) {
            k++;
            offset--;
            end--;
        }
        const char *t = text + k;
        size_t tl = len - k;
        int nchars = 0;
        for (size_t j = 0; j < tl; j++)
            if (((unsigned char)t[j] & 0xC0) != 0x80) nchars++;
        sb_puts(out, "    ");
        sb_put(out, t, tl);
        sb_putc(out, '\n');
        if (offset > nchars) offset = nchars;
        if (e->col > 0 && offset >= 0) {
            sb_puts(out, "    ");
            for (int j = 0; j < offset; j++) sb_putc(out, ' ');
            if (end > nchars + 1) end = nchars + 1;
            int carets = end - offset;
            if (carets < 1) carets = 1;
            for (int j = 0; j < carets; j++) sb_putc(out, '^');
            sb_putc(out, '\n');
        }
    }
    sb_printf(out, "%s: %s\n", e->type[0] ? e->type : "SyntaxError", e->msg);
}

const char *parse_kind_name(int kind)
{
    static const char *const names[NODE_KIND_COUNT] = {
        [E_NAME] = "E_NAME",
        [E_INT] = "E_INT",
        [E_BIGINT] = "E_BIGINT",
        [E_FLOAT] = "E_FLOAT",
        [E_STR] = "E_STR",
        [E_NONE] = "E_NONE",
        [E_TRUE] = "E_TRUE",
        [E_FALSE] = "E_FALSE",
        [E_FSTRING] = "E_FSTRING",
        [E_FORMAT] = "E_FORMAT",
        [E_LIST] = "E_LIST",
        [E_TUPLE] = "E_TUPLE",
        [E_SET] = "E_SET",
        [E_DICT] = "E_DICT",
        [E_LISTCOMP] = "E_LISTCOMP",
        [E_SETCOMP] = "E_SETCOMP",
        [E_DICTCOMP] = "E_DICTCOMP",
        [E_BINOP] = "E_BINOP",
        [E_UNARY] = "E_UNARY",
        [E_BOOLOP] = "E_BOOLOP",
        [E_COMPARE] = "E_COMPARE",
        [E_IFEXP] = "E_IFEXP",
        [E_CALL] = "E_CALL",
        [E_ATTR] = "E_ATTR",
        [E_SUBSCRIPT] = "E_SUBSCRIPT",
        [E_SLICE] = "E_SLICE",
        [S_EXPR] = "S_EXPR",
        [S_ASSIGN] = "S_ASSIGN",
        [S_AUGASSIGN] = "S_AUGASSIGN",
        [S_DEL] = "S_DEL",
        [S_IF] = "S_IF",
        [S_WHILE] = "S_WHILE",
        [S_FOR] = "S_FOR",
        [S_BREAK] = "S_BREAK",
        [S_CONTINUE] = "S_CONTINUE",
        [S_PASS] = "S_PASS",
        [S_DEF] = "S_DEF",
        [S_RETURN] = "S_RETURN",
        [S_GLOBAL] = "S_GLOBAL",
        [S_CLASS] = "S_CLASS",
        [S_IMPORT] = "S_IMPORT",
        [S_FROMIMPORT] = "S_FROMIMPORT",
    };
    if (kind < 0 || kind >= NODE_KIND_COUNT || !names[kind]) return "?";
    return names[kind];
}
