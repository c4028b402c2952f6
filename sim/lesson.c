/* Lesson loader and validator. A lesson file goes through four gates, each of
 * which stops at the first problem with one line of text:
 *   bytes  -> size limit, UTF-8, no NUL bytes            (FILE:LINE:COL)
 *   syntax -> strict RFC 8259 JSON, nesting <= 1000       (FILE:LINE:COL)
 *   tree   -> cJSON builds it (cJSON keeps no positions)
 *   schema -> keys, types, ranges, step lines in source   (FILE: json.path)
 * The syntax gate is our own scanner: cJSON's error offsets are approximate
 * (often one character past the problem) and it accepts things JSON does not
 * (01, raw tabs in strings, a BOM), so the scanner decides what is valid and
 * where the error is, and cJSON only builds the tree of a text already known
 * to be good. */
#include "lesson.h"
#include "profile.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h> /* isfinite */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Integers in a lesson must be exact in a double (cJSON stores doubles). */
#define MAX_EXACT_INT 9007199254740991.0

/* ------------------------------------------------------------------------ */
/* The expect keys: the one table (see lesson.h).                          */

static const LessonExpectKey expect_keys[] = {
    {"refcount", LESSON_EXPECT_NAME_INTS, 1,
     "sys.getrefcount(name) after the step, for each name",
     offsetof(LessonExpect, nrefcount), offsetof(LessonExpect, refcount)},
    {"size", LESSON_EXPECT_NAME_INTS, 0,
     "sys.getsizeof(name) in bytes after the step, for each name",
     offsetof(LessonExpect, nsize), offsetof(LessonExpect, size)},
    {"live", LESSON_EXPECT_NAME_INTS, 0,
     "number of live objects of each type (by type name, e.g. \"list\") after the step",
     offsetof(LessonExpect, nlive), offsetof(LessonExpect, live)},
    {"output", LESSON_EXPECT_STRING, 0,
     "exactly what the step printed, newlines included (\"\" for nothing)",
     offsetof(LessonExpect, has_output), offsetof(LessonExpect, output)},
    {"collected", LESSON_EXPECT_INT, 0,
     "what the gc.collect() call in this step returned",
     offsetof(LessonExpect, has_collected), offsetof(LessonExpect, collected)},
    {"freed", LESSON_EXPECT_INT, 0,
     "number of objects deallocated during this step",
     offsetof(LessonExpect, has_freed), offsetof(LessonExpect, freed)},
    {"arenas", LESSON_EXPECT_INT, 0,
     "number of pymalloc arenas (1 MiB each) held after the step, as the memory map shows",
     offsetof(LessonExpect, has_arenas), offsetof(LessonExpect, arenas)},
};

const LessonExpectKey *lesson_expect_keys(size_t *n)
{
    *n = ARRAY_LEN(expect_keys);
    return expect_keys;
}

static const LessonExpectKey *expect_key_find(const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(expect_keys); i++)
        if (strcmp(expect_keys[i].name, name) == 0) return &expect_keys[i];
    return NULL;
}

/* The other objects' keys; a NULL ends each list. */
static const char *const top_keys[] = {"$schema", "id", "title", "summary", "source", "steps", NULL};
static const char *const top_required[] = {"id", "title", "summary", "source", "steps", NULL};
static const char *const step_keys[] = {"line", "line_end", "say", "notes", "expect", "ask", "versions", NULL};
static const char *const version_keys[] = {"say", "expect", NULL};
static const char *const step_required[] = {"line", "say", NULL};
static const char *const ask_keys[] = {"question", "answer", NULL};

/* ------------------------------------------------------------------------ */
/* Text helpers.                                                            */

/* 1-based line and column of byte offset off; the column counts UTF-8 code
 * points (the text before off is valid UTF-8 when this is called). */
static void line_col(const char *t, size_t off, long *line, long *col)
{
    long l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char b = (unsigned char)t[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* Length of the valid UTF-8 sequence at t[i..n), or 0 if it is not valid
 * (overlong forms, surrogates and code points past U+10FFFF are not). */
static size_t utf8_seq(const unsigned char *t, size_t i, size_t n)
{
    unsigned char b = t[i];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b >= 0xE0 && b <= 0xEF) len = 3;
    else if (b >= 0xF0 && b <= 0xF4) len = 4;
    else return 0;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
    if (n - i < len) return 0;
    if (t[i + 1] < lo || t[i + 1] > hi) return 0;
    for (size_t k = 2; k < len; k++)
        if ((t[i + k] & 0xC0) != 0x80) return 0;
    return len;
}

/* Append s as a double-quoted string for a message: escapes quotes,
 * backslashes and control characters, and shortens it past 40 bytes so an
 * error stays one readable line. */
static void sb_put_quoted(StrBuf *b, const char *s)
{
    size_t n = strlen(s), shown = n > 40 ? 40 : n;
    while (shown < n && shown > 0 && ((unsigned char)s[shown] & 0xC0) == 0x80) shown--;
    sb_putc(b, '"');
    for (size_t i = 0; i < shown; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            sb_putc(b, '\\');
            sb_putc(b, (char)c);
        } else if (c == '\n') {
            sb_puts(b, "\\n");
        } else if (c == '\t') {
            sb_puts(b, "\\t");
        } else if (c < 0x20 || c == 0x7F) {
            sb_printf(b, "\\u%04x", c);
        } else {
            sb_putc(b, (char)c);
        }
    }
    if (shown < n) sb_puts(b, "...");
    sb_putc(b, '"');
}

/* Edit distance counting a swap of two neighbours as one edit ("sya" is one
 * edit from "say"); strings longer than 64 bytes are simply "far". */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64) return SIZE_MAX;
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++) d[i][0] = i;
    for (size_t j = 0; j <= m; j++) d[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

/* The known key nearest to an unknown one, if it is near enough to be a slip
 * of the fingers (at most 2 edits, and at most a third of the key), else NULL.
 * Ties go to the earlier key in the list. */
static const char *nearest_key(const char *unknown, const char *const *known)
{
    const char *best = NULL;
    size_t bestd = SIZE_MAX;
    for (size_t i = 0; known[i]; i++) {
        size_t d = edit_distance(unknown, known[i]);
        if (d < bestd) {
            bestd = d;
            best = known[i];
        }
    }
    if (!best || bestd == 0 || bestd > 2 || bestd * 3 > strlen(best) + 1) return NULL;
    return best;
}

/* ------------------------------------------------------------------------ */
/* Gate 1: bytes.                                                           */

/* Offset of the first byte that is not valid UTF-8 or is NUL, or n. */
static size_t check_bytes(const char *t, size_t n, const char **msg)
{
    const unsigned char *u = (const unsigned char *)t;
    for (size_t i = 0; i < n;) {
        if (u[i] == 0) {
            *msg = "NUL byte (is this a binary file?)";
            return i;
        }
        size_t k = utf8_seq(u, i, n);
        if (k == 0) {
            *msg = "invalid UTF-8";
            return i;
        }
        i += k;
    }
    return n;
}

/* ------------------------------------------------------------------------ */
/* Gate 2: strict JSON syntax. An iterative scanner (a stack of open
 * brackets, no recursion) so that no input can exhaust the C stack; it fails
 * at exactly the depth where cJSON would. The scanner's state is which token
 * it expects next: a value, an object key, or what follows a value. */

typedef struct {
    const char *t;
    size_t n, i;
    size_t err_off;
    StrBuf msg;
} Scan;

static int scan_fail(Scan *s, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int scan_fail(Scan *s, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&s->msg, fmt, ap);
    va_end(ap);
    s->err_off = off;
    return -1;
}

static void scan_ws(Scan *s)
{
    while (s->i < s->n) {
        char c = s->t[s->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        s->i++;
    }
}

/* Describe the character at i for "unexpected ..." messages. */
static void describe_char(Scan *s, size_t i, char *buf, size_t size)
{
    unsigned char c = (unsigned char)s->t[i];
    if (c == '\'') {
        snprintf(buf, size, "\"'\"");
    } else if (c >= 0x20 && c < 0x7F) {
        snprintf(buf, size, "'%c'", c);
    } else if (c < 0x80) {
        snprintf(buf, size, "character U+%04X", c);
    } else {
        /* valid UTF-8 here: decode for the code point */
        size_t k = utf8_seq((const unsigned char *)s->t, i, s->n);
        unsigned long cp = c & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
        for (size_t j = 1; j < k; j++) cp = (cp << 6) | ((unsigned char)s->t[i + j] & 0x3F);
        snprintf(buf, size, "character U+%04lX", cp);
    }
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

/* A string starting at the '"' at s->i; leaves s->i after the closing quote. */
static int scan_string(Scan *s)
{
    size_t start = s->i, i = s->i + 1;
    for (;;) {
        if (i >= s->n) return scan_fail(s, start, "unterminated string");
        unsigned char c = (unsigned char)s->t[i];
        if (c == '"') break;
        if (c == '\n') return scan_fail(s, i, "unterminated string (a newline inside a string is written \\n)");
        if (c < 0x20) {
            if (c == '\t') return scan_fail(s, i, "tab in string (write \\t)");
            return scan_fail(s, i, "control character U+%04X in string (write \\u%04x)", c, c);
        }
        if (c != '\\') {
            i++;
            continue;
        }
        if (i + 1 >= s->n) return scan_fail(s, start, "unterminated string");
        char e = s->t[i + 1];
        if (strchr("\"\\/bfnrt", e) && e) {
            i += 2;
            continue;
        }
        if (e != 'u') {
            char d[32];
            describe_char(s, i + 1, d, sizeof d);
            return scan_fail(s, i, "invalid escape in string: backslash followed by %s", d);
        }
        unsigned u, lo;
        if (s->n - i < 6 || hex4(s->t + i + 2, &u) != 0)
            return scan_fail(s, i, "invalid \\u escape (needs 4 hex digits)");
        if (u == 0) return scan_fail(s, i, "\\u0000 is not allowed in a lesson");
        if (u >= 0xDC00 && u <= 0xDFFF) return scan_fail(s, i, "unpaired surrogate in \\u escape");
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (s->n - i < 12 || s->t[i + 6] != '\\' || s->t[i + 7] != 'u' ||
                hex4(s->t + i + 8, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF)
                return scan_fail(s, i, "unpaired surrogate in \\u escape");
            i += 12;
        } else {
            i += 6;
        }
    }
    s->i = i + 1;
    return 0;
}

/* A number starting at s->i (a '-' or a digit). */
static int scan_number(Scan *s)
{
    size_t start = s->i, i = s->i;
    const char *t = s->t;
    if (t[i] == '-') i++;
    if (i >= s->n || !isdigit((unsigned char)t[i])) return scan_fail(s, start, "invalid number");
    if (t[i] == '0') {
        i++;
        if (i < s->n && isdigit((unsigned char)t[i]))
            return scan_fail(s, start, "invalid number (no leading zeros in JSON)");
    } else {
        while (i < s->n && isdigit((unsigned char)t[i])) i++;
    }
    if (i < s->n && t[i] == '.') {
        i++;
        if (i >= s->n || !isdigit((unsigned char)t[i]))
            return scan_fail(s, start, "invalid number (digits needed after '.')");
        while (i < s->n && isdigit((unsigned char)t[i])) i++;
    }
    if (i < s->n && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        if (i < s->n && (t[i] == '+' || t[i] == '-')) i++;
        if (i >= s->n || !isdigit((unsigned char)t[i]))
            return scan_fail(s, start, "invalid number (digits needed in the exponent)");
        while (i < s->n && isdigit((unsigned char)t[i])) i++;
    }
    if (i - start > 63) return scan_fail(s, start, "number too long");
    s->i = i;
    return 0;
}

/* A value that is not a string, number, object or array. */
static int scan_word(Scan *s)
{
    static const char *const words[] = {"true", "false", "null"};
    static const char *const python[][2] = {{"True", "true"}, {"False", "false"}, {"None", "null"}};
    size_t i = s->i, j = i;
    while (j < s->n && (isalnum((unsigned char)s->t[j]) || s->t[j] == '_')) j++;
    size_t len = j - i;
    for (size_t k = 0; k < ARRAY_LEN(words); k++) {
        if (len == strlen(words[k]) && memcmp(s->t + i, words[k], len) == 0) {
            s->i = j;
            return 0;
        }
    }
    for (size_t k = 0; k < ARRAY_LEN(python); k++)
        if (len == strlen(python[k][0]) && memcmp(s->t + i, python[k][0], len) == 0)
            return scan_fail(s, i, "JSON spells %s as %s", python[k][0], python[k][1]);
    if (len > 0 && len <= 20)
        return scan_fail(s, i, "invalid value '%.*s' (a string needs double quotes)", (int)len, s->t + i);
    char d[32];
    describe_char(s, i, d, sizeof d);
    return scan_fail(s, i, "unexpected %s", d);
}

static int scan_json(Scan *s)
{
    char stack[CJSON_NESTING_LIMIT];
    size_t depth = 0;
    size_t comma = 0; /* offset + 1 of the ',' just read, for "trailing comma" */
    enum { VALUE, KEY, AFTER } state = VALUE;

    for (;;) {
        scan_ws(s);
        if (s->i >= s->n) {
            if (state == AFTER && depth == 0) return 0;
            return scan_fail(s, s->n, "unexpected end of file");
        }
        char c = s->t[s->i];
        char d[32];
        switch (state) {
        case VALUE:
            if (c == '{' || c == '[') {
                if (depth >= CJSON_NESTING_LIMIT)
                    return scan_fail(s, s->i, "nesting too deep (more than %d levels)", CJSON_NESTING_LIMIT);
                stack[depth++] = c;
                s->i++;
                scan_ws(s);
                if (s->i < s->n && s->t[s->i] == (c == '{' ? '}' : ']')) {
                    depth--;
                    s->i++;
                    state = AFTER;
                } else {
                    state = c == '{' ? KEY : VALUE;
                }
                comma = 0;
                continue;
            }
            if (c == '"') {
                if (scan_string(s) != 0) return -1;
            } else if (c == '-' || isdigit((unsigned char)c)) {
                if (scan_number(s) != 0) return -1;
            } else if (c == ']' && comma) {
                return scan_fail(s, comma - 1, "trailing comma before ']'");
            } else if (c == ']' || c == '}' || c == ',' || c == ':') {
                describe_char(s, s->i, d, sizeof d);
                return scan_fail(s, s->i, "expected a value, found %s", d);
            } else {
                if (scan_word(s) != 0) return -1;
            }
            state = AFTER;
            comma = 0;
            continue;
        case KEY:
            if (c == '}' && comma) return scan_fail(s, comma - 1, "trailing comma before '}'");
            if (c != '"') {
                describe_char(s, s->i, d, sizeof d);
                return scan_fail(s, s->i, "expected a key in double quotes, found %s", d);
            }
            if (scan_string(s) != 0) return -1;
            scan_ws(s);
            if (s->i >= s->n) return scan_fail(s, s->n, "unexpected end of file");
            if (s->t[s->i] != ':') {
                describe_char(s, s->i, d, sizeof d);
                return scan_fail(s, s->i, "expected ':' after the key, found %s", d);
            }
            s->i++;
            state = VALUE;
            comma = 0;
            continue;
        case AFTER:
            if (depth == 0) return scan_fail(s, s->i, "trailing characters after the lesson");
            if (c == ',') {
                comma = s->i + 1;
                s->i++;
                state = stack[depth - 1] == '{' ? KEY : VALUE;
                continue;
            }
            if (c == (stack[depth - 1] == '{' ? '}' : ']')) {
                depth--;
                s->i++;
                continue;
            }
            describe_char(s, s->i, d, sizeof d);
            return scan_fail(s, s->i, "expected ',' or '%c', found %s", stack[depth - 1] == '{' ? '}' : ']', d);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Gate 4: the schema. Every check stops at the first error (c->failed).    */

typedef struct {
    const char *file;
    StrBuf *err;
    StrBuf jp; /* JSON path of the value being checked, e.g. steps[3].line */
    int failed;
} Ctx;

static int fail(Ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(Ctx *c, const char *fmt, ...)
{
    if (c->failed) return -1;
    c->failed = 1;
    sb_printf(c->err, "%s: ", c->file);
    if (c->jp.len) sb_printf(c->err, "%s: ", c->jp.s);
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(c->err, fmt, ap);
    va_end(ap);
    return -1;
}

static int is_identifier(const char *s)
{
    if (!*s || isdigit((unsigned char)*s)) return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_') return 0;
    return 1;
}

/* Extend the path by .key (or ["key"], shortened, when it is not a short
 * plain name); returns the mark to pass to path_pop. */
static size_t path_key(Ctx *c, const char *key)
{
    size_t mark = c->jp.len;
    if ((is_identifier(key) && strlen(key) <= 40) || strcmp(key, "$schema") == 0) {
        if (c->jp.len) sb_putc(&c->jp, '.');
        sb_puts(&c->jp, key);
    } else {
        sb_putc(&c->jp, '[');
        sb_put_quoted(&c->jp, key);
        sb_putc(&c->jp, ']');
    }
    return mark;
}

static size_t path_index(Ctx *c, int i)
{
    size_t mark = c->jp.len;
    sb_printf(&c->jp, "[%d]", i);
    return mark;
}

static void path_pop(Ctx *c, size_t mark)
{
    c->jp.len = mark;
    if (c->jp.s) c->jp.s[mark] = '\0';
}

static int is_listed(const char *name, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], name) == 0) return 1;
    return 0;
}

typedef struct {
    const char *name;
    size_t pos;
} KeyPos;

static int keypos_cmp(const void *a, const void *b)
{
    const KeyPos *x = a, *y = b;
    int r = strcmp(x->name, y->name);
    if (r) return r;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* cJSON keeps every member of {"a":1,"a":2}; JSON parsers disagree on which
 * one wins, so a lesson may not repeat a key. Reports the repeat that comes
 * first in the file. Sorting keeps a 100,000-key object fast. */
static int check_duplicates(Ctx *c, const cJSON *obj)
{
    size_t n = 0;
    for (const cJSON *it = obj->child; it; it = it->next) n++;
    if (n < 2) return 0;
    KeyPos *kp = xmalloc(n * sizeof *kp);
    size_t i = 0;
    for (const cJSON *it = obj->child; it; it = it->next, i++) {
        kp[i].name = it->string;
        kp[i].pos = i;
    }
    qsort(kp, n, sizeof *kp, keypos_cmp);
    const char *dup = NULL;
    size_t first = SIZE_MAX;
    for (i = 1; i < n; i++) {
        if (strcmp(kp[i].name, kp[i - 1].name) == 0 && kp[i].pos < first) {
            first = kp[i].pos;
            dup = kp[i].name;
        }
    }
    int rc = 0;
    if (dup) {
        StrBuf q = {0};
        sb_put_quoted(&q, dup);
        rc = fail(c, "duplicate key %s", q.s);
        sb_free(&q);
    }
    free(kp);
    return rc;
}

/* Duplicates, then unknown keys (in file order), then missing required keys
 * (in list order). hint_keys, if given, are keys that belong one level down:
 * a step with "refcount" is told to put it inside "expect". */
static int check_keys(Ctx *c, const cJSON *obj, const char *const *known, const char *const *required,
                      const char *const *hint_keys, const char *hint_parent)
{
    if (check_duplicates(c, obj) != 0) return -1;
    for (const cJSON *it = obj->child; it; it = it->next) {
        if (is_listed(it->string, known)) continue;
        StrBuf q = {0};
        sb_put_quoted(&q, it->string);
        const char *near = nearest_key(it->string, known);
        if (hint_keys && is_listed(it->string, hint_keys))
            fail(c, "unknown key %s (it belongs inside \"%s\")", q.s, hint_parent);
        else if (near)
            fail(c, "unknown key %s (did you mean \"%s\"?)", q.s, near);
        else
            fail(c, "unknown key %s", q.s);
        sb_free(&q);
        return -1;
    }
    for (size_t i = 0; required && required[i]; i++) {
        if (!cJSON_GetObjectItemCaseSensitive(obj, required[i]))
            return fail(c, "missing \"%s\"", required[i]);
    }
    return 0;
}

static const cJSON *member(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* An integer >= min that a double holds exactly (1 and 1.0 and 1e0 alike, as
 * in JSON Schema). */
static int get_int(Ctx *c, const cJSON *v, long min, long *out)
{
    if (!cJSON_IsNumber(v)) return fail(c, "expected an integer");
    double d = v->valuedouble;
    if (!isfinite(d)) return fail(c, "expected an integer");
    /* every double this large is a whole number */
    if (d > MAX_EXACT_INT || d < -MAX_EXACT_INT) return fail(c, "integer out of range");
    if ((double)(long long)d != d) return fail(c, "expected an integer");
    if (d < (double)min) return fail(c, "expected an integer >= %ld, got %.0f", min, d);
    *out = (long)d;
    return 0;
}

static int get_string(Ctx *c, const cJSON *v, int nonempty, char **out)
{
    if (!cJSON_IsString(v)) return fail(c, "expected a string");
    if (nonempty && !v->valuestring[0]) return fail(c, "must not be empty");
    *out = xstrdup(v->valuestring);
    return 0;
}

/* Check and copy the string at key of obj (absent is fine: *out stays NULL). */
static int field_string(Ctx *c, const cJSON *obj, const char *key, int nonempty, char **out)
{
    const cJSON *v = member(obj, key);
    if (!v) return 0;
    size_t mark = path_key(c, key);
    int rc = get_string(c, v, nonempty, out);
    path_pop(c, mark);
    return rc;
}

static int field_int(Ctx *c, const cJSON *obj, const char *key, long min, long *out)
{
    const cJSON *v = member(obj, key);
    size_t mark = path_key(c, key);
    int rc = get_int(c, v, min, out);
    path_pop(c, mark);
    return rc;
}

static int check_id(Ctx *c, const cJSON *obj, char **out)
{
    if (field_string(c, obj, "id", 1, out) != 0) return -1;
    for (const char *p = *out; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-') continue;
        size_t mark = path_key(c, "id");
        StrBuf q = {0};
        sb_put_quoted(&q, *out);
        fail(c, "%s is not a valid id (use only a-z, 0-9 and -)", q.s);
        sb_free(&q);
        path_pop(c, mark);
        return -1;
    }
    return 0;
}

/* The source ends with '\n' unless it is empty; nlines counts its lines. */
static char *normalise_source(StrBuf *b, int *nlines)
{
    if (b->len && b->s[b->len - 1] != '\n') sb_putc(b, '\n');
    int n = 0;
    for (size_t i = 0; i < b->len; i++)
        if (b->s[i] == '\n') n++;
    *nlines = n;
    return sb_take(b);
}

static int check_source(Ctx *c, const cJSON *v, Lesson *l)
{
    size_t mark = path_key(c, "source");
    StrBuf b = {0};
    int rc = 0;
    if (cJSON_IsString(v)) {
        sb_puts(&b, v->valuestring);
    } else if (cJSON_IsArray(v)) {
        int i = 0;
        for (const cJSON *it = v->child; it; it = it->next, i++) {
            if (!cJSON_IsString(it)) {
                size_t m2 = path_index(c, i);
                rc = fail(c, "expected a string (one line of the source)");
                path_pop(c, m2);
                break;
            }
            sb_puts(&b, it->valuestring);
            sb_putc(&b, '\n');
        }
    } else {
        rc = fail(c, "expected a string or an array of strings (the lines)");
    }
    path_pop(c, mark);
    if (rc == 0) l->source = normalise_source(&b, &l->nlines);
    sb_free(&b);
    return rc;
}

static int check_line_in_source(Ctx *c, const char *key, long line, const Lesson *l)
{
    if (line <= l->nlines) return 0;
    size_t mark = path_key(c, key);
    fail(c, "line %ld is outside the source (%d line%s)", line, l->nlines, l->nlines == 1 ? "" : "s");
    path_pop(c, mark);
    return -1;
}

static int check_name_ints(Ctx *c, const cJSON *v, long min, NameInt **out, int *nout)
{
    if (!cJSON_IsObject(v)) return fail(c, "expected an object {name: integer}");
    if (check_duplicates(c, v) != 0) return -1;
    int n = cJSON_GetArraySize(v), i = 0;
    NameInt *a = xcalloc((size_t)n ? (size_t)n : 1, sizeof *a);
    *out = a;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        if (!it->string[0]) return fail(c, "empty name");
        size_t mark = path_key(c, it->string);
        int rc = get_int(c, it, min, &a[i].value);
        path_pop(c, mark);
        if (rc != 0) return -1;
        a[i].name = xstrdup(it->string);
        *nout = i + 1;
    }
    return 0;
}

static int check_expect(Ctx *c, const cJSON *v, LessonExpect *e)
{
    if (!cJSON_IsObject(v)) return fail(c, "expected an object");
    const char *names[ARRAY_LEN(expect_keys) + 1];
    for (size_t i = 0; i < ARRAY_LEN(expect_keys); i++) names[i] = expect_keys[i].name;
    names[ARRAY_LEN(expect_keys)] = NULL;
    if (check_keys(c, v, names, NULL, NULL, NULL) != 0) return -1;

    for (const cJSON *it = v->child; it; it = it->next) {
        const LessonExpectKey *k = expect_key_find(it->string);
        char *base = (char *)e;
        int *has = (int *)(base + k->has_off);
        size_t mark = path_key(c, k->name);
        int rc = 0;
        switch (k->kind) {
        case LESSON_EXPECT_INT:
            rc = get_int(c, it, k->min, (long *)(base + k->val_off));
            if (rc == 0) *has = 1;
            break;
        case LESSON_EXPECT_STRING:
            rc = get_string(c, it, 0, (char **)(base + k->val_off));
            if (rc == 0) *has = 1;
            break;
        case LESSON_EXPECT_NAME_INTS:
            rc = check_name_ints(c, it, k->min, (NameInt **)(base + k->val_off), has);
            break;
        }
        path_pop(c, mark);
        if (rc != 0) return -1;
    }
    return 0;
}

static void free_name_ints(NameInt *a, int n);

/* Forget what e expects for key k (a version's own value replaces it). */
static void expect_drop(LessonExpect *e, const LessonExpectKey *k)
{
    char *base = (char *)e;
    int *has = (int *)(base + k->has_off);
    switch (k->kind) {
    case LESSON_EXPECT_INT: break;
    case LESSON_EXPECT_STRING:
        free(*(char **)(base + k->val_off));
        *(char **)(base + k->val_off) = NULL;
        break;
    case LESSON_EXPECT_NAME_INTS:
        free_name_ints(*(NameInt **)(base + k->val_off), *has);
        *(NameInt **)(base + k->val_off) = NULL;
        break;
    }
    *has = 0;
}

/* "versions": {"3.12": {"say": ..., "expect": {...}}, ...}: what differs
 * under a profile.  Every entry is checked; the one of the profile in use
 * replaces the step's narration and, key by key, its expectations. */
static int check_versions(Ctx *c, const cJSON *v, LessonStep *st)
{
    if (!cJSON_IsObject(v)) return fail(c, "expected an object {\"3.12\": {...}, ...}");
    if (check_duplicates(c, v) != 0) return -1;
    for (const cJSON *it = v->child; it; it = it->next) {
        size_t mark = path_key(c, it->string);
        int rc = 0;
        if (!profile_find(it->string)) rc = fail(c, "expected a CPython version: %s", profile_names());
        else if (!cJSON_IsObject(it)) rc = fail(c, "expected an object with \"say\" and/or \"expect\"");
        else rc = check_keys(c, it, version_keys, NULL, NULL, NULL);
        int mine = rc == 0 && profile_find(it->string) == py_profile;
        char *say = NULL;
        if (rc == 0) rc = field_string(c, it, "say", 0, &say);
        const cJSON *e = rc == 0 ? member(it, "expect") : NULL;
        if (e) {
            LessonExpect x = {0};
            size_t m2 = path_key(c, "expect");
            rc = check_expect(c, e, &x);
            path_pop(c, m2);
            if (rc == 0 && mine) {
                for (size_t i = 0; i < ARRAY_LEN(expect_keys); i++)
                    if (member(e, expect_keys[i].name)) expect_drop(&st->expect, &expect_keys[i]);
                for (const cJSON *k = e->child; k; k = k->next) {
                    const LessonExpectKey *key = expect_key_find(k->string);
                    char *to = (char *)&st->expect, *from = (char *)&x;
                    memcpy(to + key->has_off, from + key->has_off, sizeof(int));
                    memcpy(to + key->val_off, from + key->val_off,
                           key->kind == LESSON_EXPECT_INT ? sizeof(long) : sizeof(void *));
                    memset(from + key->has_off, 0, sizeof(int));
                    memset(from + key->val_off, 0, key->kind == LESSON_EXPECT_INT ? sizeof(long) : sizeof(void *));
                }
                st->has_expect = 1;
            }
            free(x.output);
            free_name_ints(x.refcount, x.nrefcount);
            free_name_ints(x.size, x.nsize);
            free_name_ints(x.live, x.nlive);
        }
        if (rc == 0 && mine && say) {
            free(st->say);
            st->say = say;
            say = NULL;
        }
        free(say);
        path_pop(c, mark);
        if (rc != 0) return -1;
    }
    return 0;
}

static int check_ask(Ctx *c, const cJSON *v, LessonStep *st)
{
    if (!cJSON_IsObject(v)) return fail(c, "expected an object {\"question\": ..., \"answer\": ...}");
    if (check_keys(c, v, ask_keys, ask_keys, NULL, NULL) != 0) return -1;
    if (field_string(c, v, "question", 1, &st->ask_question) != 0) return -1;
    return field_string(c, v, "answer", 1, &st->ask_answer);
}

static int check_step(Ctx *c, const cJSON *v, LessonStep *st, const Lesson *l)
{
    if (!cJSON_IsObject(v)) return fail(c, "expected an object (a step)");
    const char *hints[ARRAY_LEN(expect_keys) + 1];
    for (size_t i = 0; i < ARRAY_LEN(expect_keys); i++) hints[i] = expect_keys[i].name;
    hints[ARRAY_LEN(expect_keys)] = NULL;
    if (check_keys(c, v, step_keys, step_required, hints, "expect") != 0) return -1;

    long line, line_end;
    if (field_int(c, v, "line", 1, &line) != 0) return -1;
    if (check_line_in_source(c, "line", line, l) != 0) return -1;
    line_end = line;
    if (member(v, "line_end")) {
        if (field_int(c, v, "line_end", 1, &line_end) != 0) return -1;
        if (line_end < line) {
            size_t mark = path_key(c, "line_end");
            fail(c, "line_end %ld is before line %ld", line_end, line);
            path_pop(c, mark);
            return -1;
        }
        if (check_line_in_source(c, "line_end", line_end, l) != 0) return -1;
    }
    st->line = (int)line;
    st->line_end = (int)line_end;
    if (field_string(c, v, "say", 1, &st->say) != 0) return -1;
    if (field_string(c, v, "notes", 0, &st->notes) != 0) return -1;

    const cJSON *e = member(v, "expect");
    if (e) {
        size_t mark = path_key(c, "expect");
        int rc = check_expect(c, e, &st->expect);
        path_pop(c, mark);
        if (rc != 0) return -1;
        st->has_expect = 1;
    }
    const cJSON *vs = member(v, "versions");
    if (vs) {
        size_t mark = path_key(c, "versions");
        int rc = check_versions(c, vs, st);
        path_pop(c, mark);
        if (rc != 0) return -1;
    }
    const cJSON *a = member(v, "ask");
    if (a) {
        size_t mark = path_key(c, "ask");
        int rc = check_ask(c, a, st);
        path_pop(c, mark);
        if (rc != 0) return -1;
    }
    return 0;
}

static int check_steps(Ctx *c, const cJSON *v, Lesson *l)
{
    size_t mark = path_key(c, "steps");
    int rc = 0;
    int n = cJSON_IsArray(v) ? cJSON_GetArraySize(v) : 0;
    if (!cJSON_IsArray(v)) rc = fail(c, "expected an array of steps");
    else if (n == 0) rc = fail(c, "expected at least one step");
    else if (n > LESSON_MAX_STEPS) rc = fail(c, "too many steps (%d, limit %d)", n, LESSON_MAX_STEPS);
    if (rc == 0) {
        l->steps = xcalloc((size_t)n, sizeof *l->steps);
        l->nsteps = l->steps_cap = n;
        int i = 0;
        for (const cJSON *it = v->child; it && rc == 0; it = it->next, i++) {
            size_t m2 = path_index(c, i);
            rc = check_step(c, it, &l->steps[i], l);
            path_pop(c, m2);
        }
    }
    path_pop(c, mark);
    return rc;
}

static int check_lesson(Ctx *c, const cJSON *root, Lesson *l)
{
    if (!cJSON_IsObject(root)) return fail(c, "expected a JSON object (the lesson) at the top level");
    if (check_keys(c, root, top_keys, top_required, NULL, NULL) != 0) return -1;
    char *schema = NULL;
    int rc = field_string(c, root, "$schema", 0, &schema);
    free(schema);
    if (rc != 0) return -1;
    if (check_id(c, root, &l->id) != 0) return -1;
    if (field_string(c, root, "title", 1, &l->title) != 0) return -1;
    if (field_string(c, root, "summary", 0, &l->summary) != 0) return -1;
    if (check_source(c, member(root, "source"), l) != 0) return -1;
    return check_steps(c, member(root, "steps"), l);
}

/* ------------------------------------------------------------------------ */
/* Public entry points.                                                     */

static void report_at(StrBuf *err, const char *path, const char *t, size_t off, const char *msg)
{
    long line, col;
    line_col(t, off, &line, &col);
    sb_printf(err, "%s:%ld:%ld: %s", path, line, col, msg);
}

Lesson *lesson_parse(const char *path, const char *text, size_t len, StrBuf *err)
{
    if (len > LESSON_MAX_BYTES) {
        sb_printf(err, "%s: lesson too large (%zu bytes, limit %zu)", path, len, LESSON_MAX_BYTES);
        return NULL;
    }
    if (len == 0) {
        sb_printf(err, "%s: file is empty", path);
        return NULL;
    }
    const char *msg = NULL;
    size_t bad = check_bytes(text, len, &msg);
    if (bad < len) {
        report_at(err, path, text, bad, msg);
        return NULL;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        report_at(err, path, text, 0, "UTF-8 byte order mark at the start (save the file without it)");
        return NULL;
    }

    Scan s = {.t = text, .n = len};
    if (scan_json(&s) != 0) {
        report_at(err, path, text, s.err_off, s.msg.s);
        sb_free(&s.msg);
        return NULL;
    }
    sb_free(&s.msg);

    char *copy = xstrndup(text, len); /* cJSON wants a NUL-terminated text */
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(copy, &end, 1);
    if (!root) { /* the scanner accepted it: only a cJSON limit or no memory */
        report_at(err, path, copy, end ? (size_t)(end - copy) : 0, "invalid JSON");
        free(copy);
        return NULL;
    }
    free(copy);

    Lesson *l = xcalloc(1, sizeof *l);
    l->path = xstrdup(path);
    Ctx c = {.file = path, .err = err};
    int rc = check_lesson(&c, root, l);
    sb_free(&c.jp);
    cJSON_Delete(root);
    if (rc != 0) {
        lesson_free(l);
        return NULL;
    }
    return l;
}

Lesson *lesson_load_file(const char *path, StrBuf *err)
{
    size_t len = 0;
    const char *why = NULL;
    char *text = read_file_limited(path, LESSON_MAX_BYTES, &len, &why);
    if (!text) {
        struct stat st;
        if (strcmp(why, "file too large") == 0 && stat(path, &st) == 0)
            sb_printf(err, "%s: lesson too large (%lld bytes, limit %zu)", path, (long long)st.st_size,
                      LESSON_MAX_BYTES);
        else if (strcmp(why, "file too large") == 0)
            sb_printf(err, "%s: lesson too large (limit %zu bytes)", path, LESSON_MAX_BYTES);
        else
            sb_printf(err, "%s: %s", path, why);
        return NULL;
    }
    Lesson *l = lesson_parse(path, text, len, err);
    free(text);
    return l;
}

Lesson *lesson_from_script(const char *path, const char *source)
{
    Lesson *l = xcalloc(1, sizeof *l);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n >= 3 && strcmp(base + n - 3, ".py") == 0) n -= 3;
    StrBuf id = {0};
    for (size_t i = 0; i < n; i++) {
        char ch = (char)tolower((unsigned char)base[i]);
        sb_putc(&id, (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : '-');
    }
    if (!id.len) sb_puts(&id, "script");
    l->path = xstrdup(path);
    l->id = sb_take(&id);
    l->title = xstrdup(base);
    l->summary = xstrdup("");
    StrBuf src = {0};
    sb_puts(&src, source);
    l->source = normalise_source(&src, &l->nlines);
    sb_free(&src);
    return l;
}

LessonStep *lesson_add_step(Lesson *l, int line, int line_end)
{
    if (l->nsteps == l->steps_cap) {
        l->steps_cap = l->steps_cap ? l->steps_cap * 2 : 16;
        l->steps = xrealloc(l->steps, (size_t)l->steps_cap * sizeof *l->steps);
    }
    LessonStep *st = &l->steps[l->nsteps++];
    memset(st, 0, sizeof *st);
    st->line = line;
    st->line_end = line_end < line ? line : line_end;
    st->say = xstrdup("");
    return st;
}

int lesson_check_unique_ids(Lesson *const *lessons, size_t n, StrBuf *err)
{
    for (size_t i = 1; i < n; i++) {
        for (size_t j = 0; j < i; j++) {
            if (strcmp(lessons[i]->id, lessons[j]->id) == 0) {
                sb_printf(err, "%s: id \"%s\" is already used by %s", lessons[i]->path, lessons[i]->id,
                          lessons[j]->path);
                return -1;
            }
        }
    }
    return 0;
}

static void free_name_ints(NameInt *a, int n)
{
    for (int i = 0; i < n; i++) free(a[i].name);
    free(a);
}

void lesson_free(Lesson *l)
{
    if (!l) return;
    for (int i = 0; i < l->nsteps; i++) {
        LessonStep *st = &l->steps[i];
        free(st->say);
        free(st->notes);
        free(st->ask_question);
        free(st->ask_answer);
        free(st->expect.output);
        free_name_ints(st->expect.refcount, st->expect.nrefcount);
        free_name_ints(st->expect.size, st->expect.nsize);
        free_name_ints(st->expect.live, st->expect.nlive);
    }
    free(l->steps);
    free(l->path);
    free(l->id);
    free(l->title);
    free(l->summary);
    free(l->source);
    free(l);
}
