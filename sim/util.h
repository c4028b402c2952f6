/* Small shared helpers: the one allocator wrapper (aborts with a message on
 * exhaustion of *real* memory), a growable string buffer, number formatting. */
#ifndef MEMTUTOR_UTIL_H
#define MEMTUTOR_UTIL_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
/* The default ceiling of simulated memory: 8 GiB, or half the machine's
 * memory if that is less (never under 256 MiB). */
int64_t default_max_memory(void);
/* Half the address space and data the process may still take under its
 * resource limits (ulimit -v, -d), INT64_MAX when unlimited: a simulated
 * ceiling within it raises MemoryError before a real allocation fails. */
int64_t memory_headroom(void);
/* An anonymous mapping of size bytes (zero-filled); free with xunmap. */
void *xmap(size_t size);
void xunmap(void *p, size_t size);
/* An alternate signal stack for the calling thread, so that a handler
 * installed with SA_ONSTACK (the front end's, which gives the terminal back)
 * runs even when the thread's own stack overflowed.  altstack_off with what
 * altstack_on returned (NULL is allowed) before the thread ends. */
void *altstack_on(void);
void altstack_off(void *stack);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated byte string. Zero-initialise to start empty;
 * sb_free releases it. sb_take hands the buffer to the caller (never NULL).
 * A buffer that would grow past its thread's limit (sb_thread_limit) stops
 * growing and is marked `over`: what is appended then is dropped. */
typedef struct {
    char *s;
    size_t len, cap;
    bool over;
} StrBuf;

/* The most bytes one StrBuf may hold on the calling thread (0: no limit).
 * The interpreter's thread sets its memory ceiling: no string longer than
 * that can be made anyway, so building one stops there (MemoryError) instead
 * of taking the machine's memory first. */
void sb_thread_limit(size_t max);

void sb_putc(StrBuf *b, char c);
void sb_put(StrBuf *b, const char *s, size_t n);
void sb_puts(StrBuf *b, const char *s);
void sb_put_utf8(StrBuf *b, uint32_t cp);   /* one code point, UTF-8 encoded */
/* Decode one UTF-8 sequence at s (n bytes available); returns its length
 * (1..4) and stores the code point, or 0 if invalid. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *b, const char *fmt, va_list ap);
void sb_clear(StrBuf *b);
char *sb_take(StrBuf *b);
void sb_free(StrBuf *b);

/* "1,234,567" into buf (at least 32 bytes); returns buf. */
char *fmt_thousands(char *buf, int64_t v);
/* Human size: "56 B", "8.4 MB" (decimal units, one decimal) into buf (>= 32). */
char *fmt_bytes(char *buf, uint64_t bytes);

/* The one error report.  An error text is either complete, ending with a
 * newline (CPython's traceback or SyntaxError text, or lines already in
 * memtutor's form "memtutor: FILE:LINE:COL: message"), and stays as it is;
 * or it is one line of memtutor's own with no prefix and no newline
 * ("FILE:LINE:COL: message"), which becomes "memtutor: LINE\n".
 * error_text appends what stderr gets to out; error_report writes it there.
 * A NULL or empty message reads "memtutor: failed". */
void error_text(const char *msg, StrBuf *out);
void error_report(const char *msg);
/* A one-line message taken out of a complete text: its last line, without
 * a "memtutor: " prefix, for embedding in another one-line message. */
void error_last_line(const char *msg, StrBuf *out);

/* Read a whole file. Returns NULL and sets *err (static text) on failure:
 * missing file, a directory, unreadable, or larger than max bytes. */
char *read_file_limited(const char *path, size_t max, size_t *len, const char **err);

/* Command-line numbers, parsed strictly: decimal digits only (no sign,
 * blanks or trailing text), overflow checked, within [lo, hi]; 0, or -1
 * with *out untouched. */
int opt_parse_count(const char *s, long long lo, long long hi, long long *out);
/* COLSxROWS, each 1..1000. */
int opt_parse_cols_rows(const char *s, int *cols, int *rows);

#endif
