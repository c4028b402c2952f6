/* Shared helpers: allocation that never returns NULL, string buffers, formatting. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(size_t n)
{
    fprintf(stderr, "memtutor: out of real memory (asked for %zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

int64_t default_max_memory(void)
{
    /* simulated objects take about as much real memory as they model: a
     * ceiling over half the machine's memory would let a runaway program
     * get the whole process killed instead of raising MemoryError */
    int64_t cap = (int64_t)8 << 30;
    long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
    if (pages > 0 && psize > 0) {
        int64_t half = (int64_t)pages * psize / 2;
        if (half < ((int64_t)256 << 20)) half = (int64_t)256 << 20;
        if (half < cap) cap = half;
    }
    return cap;
}

int64_t memory_headroom(void)
{
    int64_t room = INT64_MAX;
    long psize = sysconf(_SC_PAGESIZE);
    long vm = 0, data = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        long rss, shared, text, lib;
        if (fscanf(f, "%ld %ld %ld %ld %ld %ld", &vm, &rss, &shared, &text, &lib, &data) != 6) vm = data = 0;
        fclose(f);
    }
    const int res[2] = {RLIMIT_AS, RLIMIT_DATA};
    const long used[2] = {vm, data};
    for (int i = 0; i < 2; i++) {
        struct rlimit rl;
        if (getrlimit(res[i], &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) continue;
        int64_t lim = rl.rlim_cur > (rlim_t)INT64_MAX ? INT64_MAX : (int64_t)rl.rlim_cur;
        int64_t left = lim - (int64_t)used[i] * psize;
        if (left < 0) left = 0;
        if (left / 2 < room) room = left / 2;
    }
    return room;
}

void *xmap(size_t size)
{
    void *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) oom(size);
    return m;
}

void xunmap(void *p, size_t size) { munmap(p, size); }

#define ALTSTACK_SIZE (64 * 1024)

void *altstack_on(void)
{
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_sp = xmalloc(ALTSTACK_SIZE);
    ss.ss_size = ALTSTACK_SIZE;
    if (sigaltstack(&ss, NULL) != 0) {
        free(ss.ss_sp);
        return NULL;
    }
    return ss.ss_sp;
}

void altstack_off(void *stack)
{
    if (!stack) return;
    stack_t ss;
    memset(&ss, 0, sizeof ss);
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    free(stack);
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static _Thread_local size_t sb_limit;

void sb_thread_limit(size_t max) { sb_limit = max; }

/* Room for extra more bytes; false (and b->over) past the thread's limit. */
static bool sb_grow(StrBuf *b, size_t extra)
{
    if (b->over) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    if (sb_limit && (extra > sb_limit || b->len + extra > sb_limit)) {
        b->over = true;
        return false;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    if (sb_limit && cap > sb_limit + 1) cap = sb_limit + 1;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
    return true;
}

void sb_putc(StrBuf *b, char c)
{
    if (!sb_grow(b, 1)) return;
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

void sb_put(StrBuf *b, const char *s, size_t n)
{
    if (!sb_grow(b, n)) return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_puts(StrBuf *b, const char *s) { sb_put(b, s, strlen(s)); }

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) len = 2, v = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, v = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, v = c & 0x07, min = 0x10000;
    else return 0;
    if ((size_t)len > n) return 0;
    for (int k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

void sb_put_utf8(StrBuf *b, uint32_t cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_put(b, t, n);
}

void sb_vprintf(StrBuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    char probe[1];
    va_copy(ap2, ap);
    int n = vsnprintf(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    if (n < 0 || !sb_grow(b, (size_t)n)) return;
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void sb_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(b, fmt, ap);
    va_end(ap);
}

void sb_clear(StrBuf *b)
{
    b->len = 0;
    b->over = false;
    if (b->s) b->s[0] = '\0';
}

char *sb_take(StrBuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    b->over = false;
    return s;
}

void sb_free(StrBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->over = false;
}

char *fmt_thousands(char *buf, int64_t v)
{
    char tmp[32];
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int n = 0, digits = 0;
    do {
        if (digits && digits % 3 == 0) tmp[n++] = ',';
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
        digits++;
    } while (u);
    if (v < 0) tmp[n++] = '-';
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

char *fmt_bytes(char *buf, uint64_t bytes)
{
    static const char *units[] = {"kB", "MB", "GB", "TB"};
    if (bytes < 1000) {
        snprintf(buf, 32, "%u B", (unsigned)bytes);
        return buf;
    }
    double v = (double)bytes;
    int u = -1;
    while (v >= 1000 && u < 3) {
        v /= 1000;
        u++;
    }
    snprintf(buf, 32, "%.1f %s", v, units[u]);
    return buf;
}

char *read_file_limited(const char *path, size_t max, size_t *len, const char **err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        *err = errno == ENOENT ? "no such file" : strerror(errno);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = "is a directory";
        return NULL;
    }
    /* O_NONBLOCK: opening a FIFO nobody writes to must not hang (it reads
     * as empty); the reads then block as usual */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        *err = strerror(errno);
        return NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        *err = strerror(errno);
        close(fd);
        return NULL;
    }
    StrBuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max) {
            fclose(f);
            sb_free(&b);
            *err = "file too large";
            return NULL;
        }
        sb_put(&b, chunk, n);
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_free(&b);
        *err = "read error";
        return NULL;
    }
    *len = b.len;
    return sb_take(&b);
}

void error_text(const char *msg, StrBuf *out)
{
    size_t n = msg ? strlen(msg) : 0;
    if (n && msg[n - 1] == '\n') sb_puts(out, msg);
    else sb_printf(out, "memtutor: %s\n", n ? msg : "failed");
}

void error_report(const char *msg)
{
    StrBuf b = {0};
    error_text(msg, &b);
    fputs(b.s, stderr);
    sb_free(&b);
}

void error_last_line(const char *msg, StrBuf *out)
{
    if (!msg) return;
    size_t len = strlen(msg);
    while (len > 0 && msg[len - 1] == '\n') len--;
    size_t s0 = len;
    while (s0 > 0 && msg[s0 - 1] != '\n') s0--;
    const char *p = msg + s0;
    size_t n = len - s0;
    if (n >= 10 && !strncmp(p, "memtutor: ", 10)) { p += 10; n -= 10; }
    sb_put(out, p, n);
}

/* Option values are parsed strictly: decimal digits only (no sign, blanks,
 * or trailing text), overflow checked, within [lo, hi]. */
int opt_parse_count(const char *s, long long lo, long long hi, long long *out)
{
    if (!s || *s < '0' || *s > '9') return -1;
    unsigned long long v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > (ULLONG_MAX - 9) / 10) return -1;
        v = v * 10 + (unsigned)(*s - '0');
    }
    if (*s || v < (unsigned long long)lo || v > (unsigned long long)hi) return -1;
    *out = (long long)v;
    return 0;
}

/* COLSxROWS, each 1..1000 */
int opt_parse_cols_rows(const char *s, int *cols, int *rows)
{
    const char *x = strchr(s, 'x');
    if (!x || x - s > 8) return -1;
    char c[9];
    memcpy(c, s, (size_t)(x - s));
    c[x - s] = '\0';
    long long a, b;
    if (opt_parse_count(c, 1, 1000, &a) < 0 || opt_parse_count(x + 1, 1, 1000, &b) < 0) return -1;
    *cols = (int)a;
    *rows = (int)b;
    return 0;
}
