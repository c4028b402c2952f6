/* The tokenizer for the Python subset: turns UTF-8 source into a token array
 * with CPython's NEWLINE/INDENT/DEDENT structure and 1-based line/column
 * positions (columns count code points).  Errors that CPython's tokenizer
 * raises (unterminated strings, bad indentation, bracket mismatches, too deep
 * nesting, bad characters) stop the lexer with a ParseError. */
#ifndef MEMTUTOR_LEXER_H
#define MEMTUTOR_LEXER_H
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "parser.h"

typedef enum {
    T_EOF, T_NEWLINE, T_INDENT, T_DEDENT,
    T_NAME,      /* sym; kw != KW_NONE for keywords */
    T_INT,       /* ival */
    T_BIGINT,    /* str/len: digits with prefix, underscores removed */
    T_FLOAT,     /* fval */
    T_IMAG,      /* complex literal (unsupported) */
    T_STRING,    /* str/len: decoded; flags: TF_* */
    T_FSTRING,   /* body: raw text between the quotes at [boff, bend); flags: TF_RAW */
    T_BYTES,     /* bytes literal (unsupported) */
    T_ERROR,     /* a character the tokenizer does not know ($, ?, !) */
    /* operators and delimiters */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE,
    T_COLON, T_COMMA, T_SEMI, T_DOT, T_ARROW, T_ELLIPSIS, T_COLONEQUAL, T_AT,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_DSLASH, T_PERCENT, T_DSTAR,
    T_VBAR, T_AMPER, T_CIRCUMFLEX, T_TILDE, T_LSHIFT, T_RSHIFT,
    T_LESS, T_GREATER, T_EQUAL, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL, T_GREATEREQUAL,
    /* augmented assignment, in BinOp order after T_PLUSEQUAL */
    T_PLUSEQUAL, T_MINEQUAL, T_STAREQUAL, T_SLASHEQUAL, T_DSLASHEQUAL, T_PERCENTEQUAL,
    T_DSTAREQUAL, T_LSHIFTEQUAL, T_RSHIFTEQUAL, T_AMPEREQUAL, T_VBAREQUAL,
    T_CIRCUMFLEXEQUAL, T_ATEQUAL,
    T_KIND_COUNT
} TokKind;

typedef enum {
    KW_NONE_, /* not a keyword */
    KW_FALSE, KW_NONE, KW_TRUE, KW_AND, KW_AS, KW_ASSERT, KW_ASYNC, KW_AWAIT,
    KW_BREAK, KW_CLASS, KW_CONTINUE, KW_DEF, KW_DEL, KW_ELIF, KW_ELSE, KW_EXCEPT,
    KW_FINALLY, KW_FOR, KW_FROM, KW_GLOBAL, KW_IF, KW_IMPORT, KW_IN, KW_IS,
    KW_LAMBDA, KW_NONLOCAL, KW_NOT, KW_OR, KW_PASS, KW_RAISE, KW_RETURN, KW_TRY,
    KW_WHILE, KW_WITH, KW_YIELD
} Keyword;

#define TF_RAW 1      /* r'' prefix */
#define TF_TRIPLE 2   /* triple-quoted */

typedef struct {
    uint8_t kind;  /* TokKind */
    uint8_t kw;    /* Keyword for T_NAME */
    uint8_t flags;
    int line, col, end_line, end_col; /* 1-based; end is just after the token */
    uint32_t off, end;                /* byte offsets of the token in the source */
    uint32_t boff, bend;              /* T_FSTRING: byte range of the body */
    int bline, bcol;                  /* T_FSTRING: position of the body start */
    Sym sym;
    int64_t ival;
    double fval;
    const char *str;
    size_t len;
} Token;

typedef struct {
    Token *toks;
    int n;
    /* When the source ends inside brackets: the innermost open bracket, for
     * "'(' was never closed" (reported only if the parse fails at the end). */
    int unclosed;       /* 0 or the bracket character */
    int unclosed_line, unclosed_col;
} TokenList;

/* Tokenize src[0..len) (need not be NUL-terminated).  first_line numbers the
 * first line.  If `bracketed`, the text is treated as if inside parentheses
 * (no NEWLINE/INDENT; used for f-string expressions): then first_col gives the
 * column of the first character.  Names are interned in m; strings live in m's
 * arena.  On a tokenizer error returns -1 with err filled and out->toks freed;
 * else 0 (free out->toks with free()). */
int lex_source(Module *m, const char *src, size_t len, int first_line, int first_col,
               int bracketed, TokenList *out, ParseError *err);

/* Check that src is UTF-8 without NUL bytes; 0 if so, else -1 with err filled
 * as CPython does. */
int lex_check_encoding(const char *src, size_t len, const char *filename, ParseError *err);

/* The text of a token kind for messages ("'('", "NEWLINE"). */
const char *lex_kind_text(int kind);


/* Decode the escapes of a string body (not raw) into m's arena.  On a bad
 * \x or \u escape returns -1 and sets *bad to the offset of the backslash. */
int lex_decode_string(Module *m, const char *s, size_t n, int raw, const char **out,
                      size_t *outlen, size_t *bad, const char **why);

#endif
