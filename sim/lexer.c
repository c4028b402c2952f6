/* Tokenizer for the Python subset, after CPython's Parser/tokenizer.c: one
 * pass over the source producing the whole token array.  Indentation is a
 * stack of columns (tabs to multiples of 8, checked against tab-size-1 for
 * TabError); brackets are a stack too, so mismatches are reported where
 * CPython reports them.  Positions are 1-based, columns in code points, kept
 * by a cursor that only moves forward (linear time on any input). */
#include "lexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define MAXINDENT 100 /* CPython's limit, counting the outermost level */
#define MAXLEVEL 200  /* nested brackets */
#define TABSIZE 8

typedef struct {
    Module *m;
    const unsigned char *s;
    size_t n;
    size_t i;
    int line;
    size_t line_start; /* byte offset of the current line */
    int line_first_col;
    size_t cc_off;     /* column cursor: cc_col is the column of byte cc_off */
    int cc_col;
    int bracketed;
    TokenList *out;
    int cap;
    int indstack[MAXINDENT + 1], altstack[MAXINDENT + 1];
    int indent;
    char brstack[MAXLEVEL];
    int brline[MAXLEVEL], brcol[MAXLEVEL];
    int level;
    ParseError *err;
} Lexer;

static const struct {
    const char *word;
    Keyword kw;
} keywords[] = {
    {"False", KW_FALSE}, {"None", KW_NONE}, {"True", KW_TRUE}, {"and", KW_AND},
    {"as", KW_AS}, {"assert", KW_ASSERT}, {"async", KW_ASYNC}, {"await", KW_AWAIT},
    {"break", KW_BREAK}, {"class", KW_CLASS}, {"continue", KW_CONTINUE}, {"def", KW_DEF},
    {"del", KW_DEL}, {"elif", KW_ELIF}, {"else", KW_ELSE}, {"except", KW_EXCEPT},
    {"finally", KW_FINALLY}, {"for", KW_FOR}, {"from", KW_FROM}, {"global", KW_GLOBAL},
    {"if", KW_IF}, {"import", KW_IMPORT}, {"in", KW_IN}, {"is", KW_IS},
    {"lambda", KW_LAMBDA}, {"nonlocal", KW_NONLOCAL}, {"not", KW_NOT}, {"or", KW_OR},
    {"pass", KW_PASS}, {"raise", KW_RAISE}, {"return", KW_RETURN}, {"try", KW_TRY},
    {"while", KW_WHILE}, {"with", KW_WITH}, {"yield", KW_YIELD},
};

/* ---- positions ---- */

/* Column (1-based, code points) of byte `off` on the current line; off must
 * not be before the line start.  Amortised O(1) for forward-moving calls. */
static int col_at(Lexer *L, size_t off)
{
    if (off < L->cc_off) {
        L->cc_off = L->line_start;
        L->cc_col = L->line_first_col;
    }
    while (L->cc_off < off) {
        if ((L->s[L->cc_off] & 0xC0) != 0x80) L->cc_col++;
        L->cc_off++;
    }
    return L->cc_col;
}

static void new_line(Lexer *L, size_t start)
{
    L->line++;
    L->line_start = start;
    L->line_first_col = 1;
    L->cc_off = start;
    L->cc_col = 1;
}

/* ---- errors ---- */

static int lex_error(Lexer *L, const char *type, int line, int col, int end_col, const char *fmt,
                     ...) __attribute__((format(printf, 6, 7)));

static int lex_error(Lexer *L, const char *type, int line, int col, int end_col, const char *fmt,
                     ...)
{
    ParseError *e = L->err;
    if (e->kind != PERR_NONE) return -1;
    e->kind = PERR_SYNTAX;
    snprintf(e->type, sizeof e->type, "%s", type);
    e->line = line;
    e->col = col;
    e->end_col = end_col > col ? end_col : col + 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return -1;
}

/* An error whose caret sits on the last character consumed (byte before cur),
 * as CPython's tokenizer reports number errors. */
static int err_last(Lexer *L, size_t cur, const char *msg)
{
    int c = col_at(L, cur) - 1;
    if (c < 1) c = 1;
    return lex_error(L, "SyntaxError", L->line, c, c + 1, "%s", msg);
}

/* ---- helpers ---- */

int lex_check_encoding(const char *src, size_t len, const char *filename, ParseError *err)
{
    const unsigned char *s = (const unsigned char *)src;
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == 0) {
            /* CPython: the line is shown, without a caret. */
            err->kind = PERR_SYNTAX;
            snprintf(err->type, sizeof err->type, "SyntaxError");
            err->line = line;
            err->col = 0;
            err->end_col = 0;
            snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
            return -1;
        }
        if (s[i] == '\n') {
            line++;
            line_start = i + 1;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            err->kind = PERR_SYNTAX;
            snprintf(err->type, sizeof err->type, "SyntaxError");
            err->line = line;
            err->col = (int)(i - line_start) + 1;
            err->end_col = 0;
            err->no_location = 1;
            snprintf(err->msg, sizeof err->msg,
                     "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                     "encoding declared; see https://peps.python.org/pep-0263/ for details",
                     s[i], filename ? filename : "<string>", line);
            return -1;
        }
        i += (size_t)k;
    }
    return 0;
}

static Token *push_tok(Lexer *L, int kind, size_t off, size_t end, int line, int col, int end_line,
                       int end_col)
{
    TokenList *o = L->out;
    if (o->n == L->cap) {
        L->cap = L->cap ? L->cap * 2 : 256;
        if (L->m->mem_limit && (size_t)L->cap * sizeof *o->toks + arena_used(L->m->arena) > L->m->mem_limit)
            parse_memory_error(L->err);
        o->toks = xrealloc(o->toks, (size_t)L->cap * sizeof *o->toks);
    }
    Token *t = &o->toks[o->n++];
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)kind;
    t->off = (uint32_t)off;
    t->end = (uint32_t)end;
    t->line = line;
    t->col = col;
    t->end_line = end_line;
    t->end_col = end_col;
    return t;
}

static int is_id_start_ascii(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Approximation of Unicode categories for identifiers (no tables): returns 1
 * for identifier characters, 0 for symbols, -1 for non-printable ones. */
static int classify_cp(uint32_t cp)
{
    if (cp < 0xA0 || cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
        (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
        cp == 0xFEFF || cp == 0x1680)
        return -1;
    if (cp < 0xC0) return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? 1 : 0;
    if (cp == 0xD7 || cp == 0xF7) return 0;
    if (cp >= 0x2010 && cp <= 0x2BFF) return 0; /* punctuation, symbols, arrows, maths */
    if (cp >= 0x3001 && cp <= 0x303F) return 0;
    if (cp >= 0xFF01 && cp <= 0xFF0F) return 0;
    if (cp >= 0xFE10 && cp <= 0xFE6F) return 0;
    if (cp >= 0x1F000 && cp <= 0x1FBFF) return 0; /* emoji and pictographs */
    if (cp >= 0xE000 && cp <= 0xF8FF) return 0;   /* private use */
    return 1;
}

/* ---- string escapes ---- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int lex_decode_string(Module *m, const char *s, size_t n, int raw, const char **out,
                      size_t *outlen, size_t *bad, const char **why)
{
    if (raw || !memchr(s, '\\', n)) {
        *out = arena_strndup(m->arena, s, n);
        *outlen = n;
        return 0;
    }
    StrBuf b = {0};
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\\' || i + 1 >= n) {
            sb_putc(&b, c);
            continue;
        }
        char e = s[++i];
        switch (e) {
        case '\n': break; /* line continuation inside the string */
        case '\r':
            if (i + 1 < n && s[i + 1] == '\n') i++;
            break;
        case '\\': sb_putc(&b, '\\'); break;
        case '\'': sb_putc(&b, '\''); break;
        case '"': sb_putc(&b, '"'); break;
        case 'a': sb_putc(&b, '\a'); break;
        case 'b': sb_putc(&b, '\b'); break;
        case 'f': sb_putc(&b, '\f'); break;
        case 'n': sb_putc(&b, '\n'); break;
        case 'r': sb_putc(&b, '\r'); break;
        case 't': sb_putc(&b, '\t'); break;
        case 'v': sb_putc(&b, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(e - '0');
            for (int k = 0; k < 2 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7'; k++)
                v = v * 8 + (uint32_t)(s[++i] - '0');
            sb_put_utf8(&b, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            int k;
            for (k = 0; k < digits && i + 1 < n && hexval((unsigned char)s[i + 1]) >= 0; k++)
                v = v * 16 + (uint32_t)hexval((unsigned char)s[++i]);
            if (k < digits) {
                sb_free(&b);
                *bad = i - (size_t)k - 1;
                *why = e == 'x' ? "truncated \\xXX escape"
                       : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                return -1;
            }
            if (v > 0x10FFFF) {
                sb_free(&b);
                *bad = i - (size_t)k - 1;
                *why = "illegal Unicode character";
                return -1;
            }
            sb_put_utf8(&b, v);
            break;
        }
        case 'N':
            sb_free(&b);
            *bad = i - 1;
            *why = "\\N{...} escapes are not supported";
            return -1;
        default:
            sb_putc(&b, '\\');
            sb_putc(&b, e);
        }
    }
    *outlen = b.len;
    *out = arena_strndup(m->arena, b.s ? b.s : "", b.len);
    sb_free(&b);
    return 0;
}

/* ---- numbers ---- */

/* Scan digits of a base with single underscores between them; returns the
 * end offset, or 0 on a misplaced underscore (error already set). */
static size_t scan_digits(Lexer *L, size_t i, int base, const char *kind)
{
    const unsigned char *s = L->s;
    for (;;) {
        while (i < L->n && (base == 16 ? hexval(s[i]) >= 0 : is_digit(s[i]) && s[i] - '0' < base)) i++;
        if (i < L->n && s[i] == '_') {
            int ok = i + 1 < L->n &&
                     (base == 16 ? hexval(s[i + 1]) >= 0 : is_digit(s[i + 1]) && s[i + 1] - '0' < base);
            if (!ok) {
                char msg[64];
                snprintf(msg, sizeof msg, "invalid %s literal", kind);
                err_last(L, i + 1, msg);
                return 0;
            }
            i++;
            continue;
        }
        return i;
    }
}

/* After a number: a letter right after it is an error unless it starts one of
 * the keywords that may follow a number (CPython only warns then). */
static int verify_end(Lexer *L, size_t i, const char *kind)
{
    const unsigned char *s = L->s;
    if (i >= L->n) return 0;
    int c = s[i];
    if (!(is_id_start_ascii(c) || is_digit(c) || c >= 0x80)) return 0;
    static const char *const follow[] = {"and", "else", "for", "if", "in", "is", "or", "not"};
    for (size_t k = 0; k < sizeof follow / sizeof *follow; k++) {
        size_t fl = strlen(follow[k]);
        if (i + fl <= L->n && memcmp(s + i, follow[k], fl) == 0) return 0;
    }
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    return err_last(L, i, msg);
}

static int lex_number(Lexer *L, size_t start, int col)
{
    const unsigned char *s = L->s;
    size_t i = start;
    int is_float = 0;
    if (s[i] == '0' && i + 1 < L->n && strchr("xXoObB", s[i + 1]) && s[i + 1]) {
        int c = s[i + 1] | 0x20;
        int base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
        const char *kind = c == 'x' ? "hexadecimal" : c == 'o' ? "octal" : "binary";
        i += 2;
        if (i < L->n && s[i] == '_') i++;
        int ok = i < L->n && (base == 16 ? hexval(s[i]) >= 0 : is_digit(s[i]) && s[i] - '0' < base);
        if (!ok) {
            if (i < L->n && is_digit(s[i])) {
                char msg[64];
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", s[i], kind);
                return err_last(L, i + 1, msg);
            }
            char msg[64];
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            return err_last(L, i, msg);
        }
        i = scan_digits(L, i, base, kind);
        if (!i) return -1;
        if (i < L->n && is_digit(s[i])) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", s[i], kind);
            return err_last(L, i + 1, msg);
        }
        if (verify_end(L, i, kind)) return -1;
        /* value */
        uint64_t v = 0;
        int big = 0;
        StrBuf digits = {0};
        sb_putc(&digits, '0');
        sb_putc(&digits, (char)c);
        for (size_t k = start + 2; k < i; k++) {
            if (s[k] == '_') continue;
            sb_putc(&digits, (char)s[k]);
            uint64_t d = (uint64_t)hexval(s[k]);
            if (v > (UINT64_MAX - d) / (uint64_t)base) big = 1;
            else v = v * (uint64_t)base + d;
        }
        if (v > (uint64_t)INT64_MAX) big = 1;
        Token *t = push_tok(L, big ? T_BIGINT : T_INT, start, i, L->line, col, L->line, col_at(L, i));
        if (big) {
            t->len = digits.len;
            t->str = arena_strndup(L->m->arena, digits.s, digits.len);
        } else {
            t->ival = (int64_t)v;
        }
        sb_free(&digits);
        L->i = i;
        return 0;
    }
    /* decimal */
    if (s[i] != '.') {
        i = scan_digits(L, i, 10, "decimal");
        if (!i) return -1;
    }
    size_t int_end = i;
    if (i < L->n && s[i] == '.') {
        is_float = 1;
        i++;
        if (i < L->n && is_digit(s[i])) {
            i = scan_digits(L, i, 10, "decimal");
            if (!i) return -1;
        } else if (i < L->n && s[i] == '_') {
            return err_last(L, i, "invalid decimal literal");
        }
    }
    if (i < L->n && (s[i] == 'e' || s[i] == 'E')) {
        size_t e = i + 1;
        if (e < L->n && (s[e] == '+' || s[e] == '-')) e++;
        if (e < L->n && is_digit(s[e])) {
            is_float = 1;
            i = scan_digits(L, e, 10, "decimal");
            if (!i) return -1;
        } else if (e > i + 1) {
            return err_last(L, e, "invalid decimal literal");
        } else {
            /* "1e" or "1.e": the caret goes before the e */
            if (verify_end(L, i, "decimal")) return -1;
        }
    }
    int imag = 0;
    if (i < L->n && (s[i] == 'j' || s[i] == 'J')) {
        imag = 1;
        i++;
    }
    if (verify_end(L, i, imag ? "imaginary" : "decimal")) return -1;
    if (!is_float && !imag) {
        /* leading zeros: 0 may be followed only by more zeros */
        if (s[start] == '0') {
            size_t k = start;
            while (k < int_end && (s[k] == '0' || s[k] == '_')) k++;
            if (k < int_end) {
                int c2 = col_at(L, k);
                return lex_error(L, "SyntaxError", L->line, col, c2,
                                 "leading zeros in decimal integer literals are not permitted; "
                                 "use an 0o prefix for octal integers");
            }
        }
    }
    StrBuf digits = {0};
    for (size_t k = start; k < i; k++)
        if (s[k] != '_') sb_putc(&digits, (char)s[k]);
    int endc = col_at(L, i);
    if (imag) {
        push_tok(L, T_IMAG, start, i, L->line, col, L->line, endc);
    } else if (is_float) {
        Token *t = push_tok(L, T_FLOAT, start, i, L->line, col, L->line, endc);
        t->fval = strtod(digits.s, NULL);
    } else {
        uint64_t v = 0;
        int big = 0;
        for (size_t k = 0; k < digits.len; k++) {
            uint64_t d = (uint64_t)(digits.s[k] - '0');
            if (v > (UINT64_MAX - d) / 10) {
                big = 1;
                break;
            }
            v = v * 10 + d;
        }
        if (v > (uint64_t)INT64_MAX) big = 1;
        Token *t = push_tok(L, big ? T_BIGINT : T_INT, start, i, L->line, col, L->line, endc);
        if (big) {
            t->str = arena_strndup(L->m->arena, digits.s, digits.len);
            t->len = digits.len;
        } else {
            t->ival = (int64_t)v;
        }
    }
    sb_free(&digits);
    L->i = i;
    return 0;
}

/* ---- strings ---- */

/* s[start..q) is the prefix (may be empty), s[q] the quote. */
static int lex_string(Lexer *L, size_t start, size_t q, int col)
{
    const unsigned char *s = L->s;
    int raw = 0, fstr = 0, bytes = 0;
    for (size_t k = start; k < q; k++) {
        int c = s[k] | 0x20;
        if (c == 'r') raw = 1;
        else if (c == 'f') fstr = 1;
        else if (c == 'b') bytes = 1;
    }
    int line0 = L->line;
    char quote = (char)s[q];
    int triple = q + 2 < L->n && s[q + 1] == quote && s[q + 2] == quote;
    size_t body = q + (triple ? 3 : 1);
    size_t i = body;
    int bline = L->line, bcol = col_at(L, body);
    for (;;) {
        if (i >= L->n) {
            /* CPython's tokenizer is at the last line that has text: a final
             * newline does not start another */
            if (triple)
                return lex_error(L, "SyntaxError", line0, col, col + 1,
                                 "unterminated triple-quoted string literal (detected at line %d)",
                                 L->line - (L->n > 0 && s[L->n - 1] == '\n' && L->line > line0));
            return lex_error(L, "SyntaxError", line0, col, col + 1,
                             "unterminated string literal (detected at line %d)", L->line);
        }
        unsigned char c = s[i];
        if (c == (unsigned char)quote) {
            if (!triple) break;
            if (i + 2 < L->n && s[i + 1] == quote && s[i + 2] == quote) break;
            i++;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple)
                return lex_error(L, "SyntaxError", line0, col, col + 1,
                                 "unterminated string literal (detected at line %d)", L->line);
            if (c == '\r' && i + 1 < L->n && s[i + 1] == '\n') i++;
            i++;
            new_line(L, i);
            continue;
        }
        if (c == '\\' && i + 1 < L->n) {
            unsigned char d = s[i + 1];
            if (d == '\n' || d == '\r') {
                i += 2;
                if (d == '\r' && i < L->n && s[i] == '\n') i++;
                new_line(L, i);
                continue;
            }
            i += 2;
            continue;
        }
        i++;
    }
    size_t body_end = i;
    size_t end = i + (triple ? 3 : 1);
    int endc = col_at(L, end);
    int kind = bytes ? T_BYTES : fstr ? T_FSTRING : T_STRING;
    Token *t = push_tok(L, kind, start, end, line0, col, L->line, endc);
    t->flags = (uint8_t)((raw ? TF_RAW : 0) | (triple ? TF_TRIPLE : 0));
    t->boff = (uint32_t)body;
    t->bend = (uint32_t)body_end;
    t->bline = bline;
    t->bcol = bcol;
    if (kind == T_STRING) {
        size_t bad;
        const char *why;
        if (lex_decode_string(L->m, (const char *)s + body, body_end - body, raw, &t->str, &t->len,
                              &bad, &why) < 0) {
            /* CPython reports these at the end of the string token */
            L->out->n--;
            if (strstr(why, "\\N")) {
                ParseError *e = L->err;
                e->kind = PERR_UNSUPPORTED;
                e->line = line0;
                e->col = col;
                e->end_col = col + 1;
                snprintf(e->msg, sizeof e->msg, "not supported: \\N{...} escapes");
                return -1;
            }
            size_t j = bad + 1;
            while (j < body_end - body && j < bad + 2 + (why[12] == 'x' ? 2u : why[12] == 'u' ? 4u : 8u) &&
                   hexval(s[body + j + 1]) >= 0)
                j++;
            return lex_error(L, "SyntaxError", L->line, endc, endc + 1,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                             "%zu-%zu: %s",
                             bad, j, why);
        }
    }
    L->i = end;
    return 0;
}

/* ---- the main loop ---- */

static int emit_newline(Lexer *L, size_t off, size_t end)
{
    int c = col_at(L, off);
    push_tok(L, T_NEWLINE, off, end, L->line, c, L->line, c + 1);
    return 0;
}

/* Indentation at the start of a logical line; returns -1 on error, 1 if the
 * line is blank (nothing emitted), 0 otherwise. */
static int lex_indent(Lexer *L)
{
    const unsigned char *s = L->s;
    size_t i = L->i;
    int col = 0, altcol = 0;
    for (; i < L->n; i++) {
        if (s[i] == ' ') col++, altcol++;
        else if (s[i] == '\t') col = (col / TABSIZE + 1) * TABSIZE, altcol++;
        else if (s[i] == '\f') col = altcol = 0;
        else break;
    }
    L->i = i;
    if (i >= L->n || s[i] == '#' || s[i] == '\n' || s[i] == '\r') return 1; /* blank line */
    if (s[i] == '\\' && i + 1 < L->n && (s[i + 1] == '\n' || s[i + 1] == '\r')) return 1;
    int tc = col_at(L, i);
    int top = L->indstack[L->indent];
    if (col == top) {
        if (altcol != L->altstack[L->indent])
            return lex_error(L, "TabError", L->line, 1, 1,
                             "inconsistent use of tabs and spaces in indentation");
    } else if (col > top) {
        if (L->indent + 1 >= MAXINDENT)
            return lex_error(L, "IndentationError", L->line, 1, 1, "too many levels of indentation");
        if (altcol <= L->altstack[L->indent])
            return lex_error(L, "TabError", L->line, 1, 1,
                             "inconsistent use of tabs and spaces in indentation");
        L->indent++;
        L->indstack[L->indent] = col;
        L->altstack[L->indent] = altcol;
        push_tok(L, T_INDENT, L->line_start, i, L->line, 1, L->line, tc);
    } else {
        while (L->indent > 0 && col < L->indstack[L->indent]) {
            L->indent--;
            push_tok(L, T_DEDENT, i, i, L->line, tc, L->line, tc);
        }
        if (col != L->indstack[L->indent]) {
            size_t e = i;
            while (e < L->n && s[e] != '\n' && s[e] != '\r') e++;
            int ec = col_at(L, e);
            return lex_error(L, "IndentationError", L->line, ec, ec + 1,
                             "unindent does not match any outer indentation level");
        }
        if (altcol != L->altstack[L->indent])
            return lex_error(L, "TabError", L->line, 1, 1,
                             "inconsistent use of tabs and spaces in indentation");
    }
    return 0;
}

static int lex_operator(Lexer *L, size_t i, int col)
{
    const unsigned char *s = L->s;
    static const struct {
        const char *text;
        int kind;
    } ops[] = {
        {"**=", T_DSTAREQUAL}, {"//=", T_DSLASHEQUAL}, {">>=", T_RSHIFTEQUAL},
        {"<<=", T_LSHIFTEQUAL}, {"...", T_ELLIPSIS}, {"!=", T_NOTEQUAL}, {"%=", T_PERCENTEQUAL},
        {"&=", T_AMPEREQUAL}, {"**", T_DSTAR}, {"*=", T_STAREQUAL}, {"+=", T_PLUSEQUAL},
        {"-=", T_MINEQUAL}, {"->", T_ARROW}, {"//", T_DSLASH}, {"/=", T_SLASHEQUAL},
        {":=", T_COLONEQUAL}, {"<<", T_LSHIFT}, {"<=", T_LESSEQUAL}, {"<>", T_NOTEQUAL},
        {"==", T_EQEQUAL}, {">=", T_GREATEREQUAL}, {">>", T_RSHIFT}, {"@=", T_ATEQUAL},
        {"^=", T_CIRCUMFLEXEQUAL}, {"|=", T_VBAREQUAL}, {"%", T_PERCENT}, {"&", T_AMPER},
        {"(", T_LPAR}, {")", T_RPAR}, {"*", T_STAR}, {"+", T_PLUS}, {",", T_COMMA},
        {"-", T_MINUS}, {".", T_DOT}, {"/", T_SLASH}, {":", T_COLON}, {";", T_SEMI},
        {"<", T_LESS}, {"=", T_EQUAL}, {">", T_GREATER}, {"@", T_AT}, {"[", T_LSQB},
        {"]", T_RSQB}, {"^", T_CIRCUMFLEX}, {"{", T_LBRACE}, {"|", T_VBAR}, {"}", T_RBRACE},
        {"~", T_TILDE},
    };
    for (size_t k = 0; k < sizeof ops / sizeof *ops; k++) {
        size_t l = strlen(ops[k].text);
        if (i + l > L->n || memcmp(s + i, ops[k].text, l) != 0) continue;
        if (ops[k].text[0] == '<' && ops[k].text[1] == '>') continue; /* Barry as FLUFL: no */
        int kind = ops[k].kind;
        if (kind == T_LPAR || kind == T_LSQB || kind == T_LBRACE) {
            if (L->level >= MAXLEVEL)
                return lex_error(L, "SyntaxError", L->line, col, col + 1, "too many nested parentheses");
            L->brstack[L->level] = (char)s[i];
            L->brline[L->level] = L->line;
            L->brcol[L->level] = col;
            L->level++;
        } else if (kind == T_RPAR || kind == T_RSQB || kind == T_RBRACE) {
            if (L->level == 0 || (L->bracketed && L->level == 1)) {
                if (L->bracketed && L->level == 1) {
                    /* closing the f-string's implicit bracket: let the parser say it */
                } else {
                    return lex_error(L, "SyntaxError", L->line, col, col + 1, "unmatched '%c'", s[i]);
                }
            }
            char open = L->brstack[L->level - 1];
            char want = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (L->bracketed && L->level == 1) want = 0;
            if ((char)s[i] != want) {
                if (L->bracketed && L->level == 1)
                    return lex_error(L, "SyntaxError", L->line, col, col + 1, "unmatched '%c'", s[i]);
                if (L->brline[L->level - 1] != L->line)
                    return lex_error(L, "SyntaxError", L->line, col, col + 1,
                                     "closing parenthesis '%c' does not match opening "
                                     "parenthesis '%c' on line %d",
                                     s[i], open, L->brline[L->level - 1]);
                return lex_error(L, "SyntaxError", L->line, col, col + 1,
                                 "closing parenthesis '%c' does not match opening parenthesis '%c'",
                                 s[i], open);
            }
            L->level--;
        }
        push_tok(L, kind, i, i + l, L->line, col, L->line, col + (int)l);
        L->i = i + l;
        return 0;
    }
    /* Unknown character: ERRORTOKEN, the parser reports "invalid syntax". */
    push_tok(L, T_ERROR, i, i + 1, L->line, col, L->line, col + 1);
    L->i = i + 1;
    return 0;
}

static int lex_name_or_string(Lexer *L, size_t i, int col)
{
    const unsigned char *s = L->s;
    size_t j = i;
    while (j < L->n) {
        unsigned char c = s[j];
        if (is_id_start_ascii(c) || is_digit(c)) {
            j++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            int k = utf8_decode(s + j, L->n - j, &cp);
            if (k == 0) break;
            int cl = classify_cp(cp);
            if (cl <= 0) {
                int cc = col_at(L, j);
                char buf[8] = {0};
                memcpy(buf, s + j, (size_t)k);
                if (cl < 0)
                    return lex_error(L, "SyntaxError", L->line, cc, cc + 1,
                                     "invalid non-printable character U+%04X", (unsigned)cp);
                return lex_error(L, "SyntaxError", L->line, cc, cc + 1,
                                 "invalid character '%s' (U+%04X)", buf, (unsigned)cp);
            }
            j += (size_t)k;
            continue;
        }
        break;
    }
    /* string prefix? */
    if (j < L->n && (s[j] == '\'' || s[j] == '"') && j - i <= 2) {
        int r = 0, f = 0, b = 0, u = 0, ok = 1;
        for (size_t k = i; k < j; k++) {
            int c = s[k] | 0x20;
            if (c == 'r' && !r) r = 1;
            else if (c == 'f' && !f) f = 1;
            else if (c == 'b' && !b) b = 1;
            else if (c == 'u' && !u) u = 1;
            else ok = 0;
        }
        if (ok && !(u && (r || f || b)) && !(f && b)) return lex_string(L, i, j, col);
    }
    Token *t = push_tok(L, T_NAME, i, j, L->line, col, L->line, col_at(L, j));
    t->sym = module_intern(L->m, (const char *)s + i, j - i);
    size_t len = j - i;
    if (len >= 2 && len <= 8 && s[i] < 0x80) {
        for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++) {
            if (strlen(keywords[k].word) == len && memcmp(keywords[k].word, s + i, len) == 0) {
                t->kw = (uint8_t)keywords[k].kw;
                break;
            }
        }
    }
    L->i = j;
    return 0;
}

int lex_source(Module *m, const char *src, size_t len, int first_line, int first_col,
               int bracketed, TokenList *out, ParseError *err)
{
    Lexer L;
    memset(&L, 0, sizeof L);
    memset(out, 0, sizeof *out);
    L.m = m;
    L.s = (const unsigned char *)src;
    L.n = len;
    L.line = first_line;
    L.line_first_col = bracketed ? first_col : 1;
    L.cc_col = L.line_first_col;
    L.bracketed = bracketed;
    L.out = out;
    L.err = err;
    if (bracketed) {
        L.level = 1;
        L.brstack[0] = '{';
        L.brline[0] = first_line;
        L.brcol[0] = first_col;
    }
    /* UTF-8 byte order mark */
    if (!bracketed && len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        L.i = 3;
        L.cc_off = 3;
    }
    const unsigned char *s = L.s;
    int atbol = !bracketed;
    int line_has_tokens = 0;
    for (;;) {
        if (err->kind != PERR_NONE) goto fail;   /* out of parse memory */
        if (atbol) {
            atbol = 0;
            int r = lex_indent(&L);
            if (r < 0) goto fail;
        }
        /* skip whitespace */
        while (L.i < L.n && (s[L.i] == ' ' || s[L.i] == '\t' || s[L.i] == '\f')) L.i++;
        size_t i = L.i;
        if (i >= L.n) break;
        unsigned char c = s[i];
        if (c == '#') {
            while (L.i < L.n && s[L.i] != '\n' && s[L.i] != '\r') L.i++;
            continue;
        }
        if (c == '\n' || c == '\r') {
            size_t e = i + 1;
            if (c == '\r' && e < L.n && s[e] == '\n') e++;
            if (L.level == 0 && line_has_tokens) {
                emit_newline(&L, i, e);
                line_has_tokens = 0;
            }
            L.i = e;
            new_line(&L, e);
            if (L.level == 0) atbol = 1;
            continue;
        }
        int col = col_at(&L, i);
        if (c == '\\') {
            size_t e = i + 1;
            if (e >= L.n) {
                lex_error(&L, "SyntaxError", L.line, col + 1, col + 2, "unexpected EOF while parsing");
                goto fail;
            }
            if (s[e] == '\n' || s[e] == '\r') {
                if (s[e] == '\r' && e + 1 < L.n && s[e + 1] == '\n') e++;
                e++;
                if (e >= L.n) {
                    lex_error(&L, "SyntaxError", L.line, col + 1, col + 2,
                              "unexpected EOF while parsing");
                    goto fail;
                }
                L.i = e;
                new_line(&L, e);
                continue;
            }
            lex_error(&L, "SyntaxError", L.line, col + 1, col + 2,
                      "unexpected character after line continuation character");
            goto fail;
        }
        line_has_tokens = 1;
        int r;
        if (is_digit(c) || (c == '.' && i + 1 < L.n && is_digit(s[i + 1])))
            r = lex_number(&L, i, col);
        else if (is_id_start_ascii(c) || c >= 0x80) {
            if (c >= 0x80) {
                uint32_t cp = 0;
                int k = utf8_decode(s + i, L.n - i, &cp);
                int cl = k ? classify_cp(cp) : 0;
                if (cl <= 0) {
                    char buf[8] = {0};
                    memcpy(buf, s + i, k ? (size_t)k : 1);
                    if (cl < 0)
                        lex_error(&L, "SyntaxError", L.line, col, col + 1,
                                  "invalid non-printable character U+%04X", (unsigned)cp);
                    else
                        lex_error(&L, "SyntaxError", L.line, col, col + 1,
                                  "invalid character '%s' (U+%04X)", buf, (unsigned)cp);
                    goto fail;
                }
            }
            r = lex_name_or_string(&L, i, col);
        } else if (c == '\'' || c == '"')
            r = lex_string(&L, i, i, col);
        else
            r = lex_operator(&L, i, col);
        if (r < 0) goto fail;
    }
    /* end of input */
    {
        size_t e = L.n;
        int col = col_at(&L, e);
        if (!bracketed) {
            if (L.level > 0) {
                out->unclosed = L.brstack[L.level - 1];
                out->unclosed_line = L.brline[L.level - 1];
                out->unclosed_col = L.brcol[L.level - 1];
            } else if (line_has_tokens) {
                push_tok(&L, T_NEWLINE, e, e, L.line, col, L.line, col + 1);
            }
            while (L.indent > 0) {
                L.indent--;
                push_tok(&L, T_DEDENT, e, e, L.line, col, L.line, col);
            }
        } else if (L.level > 1) {
            out->unclosed = L.brstack[L.level - 1];
            out->unclosed_line = L.brline[L.level - 1];
            out->unclosed_col = L.brcol[L.level - 1];
        }
        push_tok(&L, T_EOF, e, e, L.line, col, L.line, col);
    }
    return 0;
fail:
    free(out->toks);
    out->toks = NULL;
    out->n = 0;
    return -1;
}

const char *lex_kind_text(int kind)
{
    switch (kind) {
    case T_EOF: return "end of input";
    case T_NEWLINE: return "NEWLINE";
    case T_INDENT: return "INDENT";
    case T_DEDENT: return "DEDENT";
    case T_NAME: return "name";
    case T_INT: case T_BIGINT: case T_FLOAT: case T_IMAG: return "number";
    case T_STRING: case T_FSTRING: case T_BYTES: return "string";
    default: return "operator";
    }
}
