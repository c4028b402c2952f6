/* asciicast v2 out of canvases: header, then "o" events holding the ANSI
 * diff between consecutive frames and "m" markers. No floating-point
 * formatting through printf (its decimal point follows LC_NUMERIC): times
 * are written as integer microseconds. */
#include "record.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct Recorder {
    FILE *out;
    Canvas *prev;          /* the last frame written, NULL before the first */
    long long last_us;     /* the last time written, in microseconds */
    bool failed;
};

void record_json_string(StrBuf *out, const char *s, size_t len)
{
    sb_putc(out, '"');
    while (len > 0) {
        unsigned char b = (unsigned char)*s;
        uint32_t cp;
        size_t n = canvas_utf8_decode(s, len, &cp);
        if (b >= 0x80) {
            /* Valid sequences copied as they are; bad bytes become U+FFFD. */
            if (cp == 0xfffd && n == 1)
                sb_puts(out, "\xef\xbf\xbd");
            else
                sb_put(out, s, n);
        } else if (b == '"' || b == '\\') {
            sb_putc(out, '\\');
            sb_putc(out, (char)b);
        } else if (b == '\n') {
            sb_puts(out, "\\n");
        } else if (b == '\r') {
            sb_puts(out, "\\r");
        } else if (b == '\t') {
            sb_puts(out, "\\t");
        } else if (b == '\b') {
            sb_puts(out, "\\b");
        } else if (b == '\f') {
            sb_puts(out, "\\f");
        } else if (b < 0x20 || b == 0x7f) {
            sb_printf(out, "\\u%04x", b);
        } else {
            sb_putc(out, (char)b);
        }
        s += n;
        len -= n;
    }
    sb_putc(out, '"');
}

/* Seconds as "S.UUUUUU" from integer microseconds. */
static void put_time(StrBuf *out, long long us)
{
    sb_printf(out, "%lld.%06lld", us / 1000000, us % 1000000);
}

static long long to_us(double t)
{
    if (!(t >= 0))                 /* negative or NaN */
        return 0;
    if (t > 9e12)                  /* ~285 years: keeps llround in range */
        t = 9e12;
    return llround(t * 1e6);
}

static void write_line(Recorder *rec, StrBuf *line)
{
    sb_putc(line, '\n');
    if (fwrite(line->s, 1, line->len, rec->out) != line->len)
        rec->failed = true;
}

Recorder *record_open(FILE *out, int width, int height, const char *title,
                      double idle_time_limit, long long timestamp)
{
    Recorder *rec = xcalloc(1, sizeof *rec);
    StrBuf h = {0};
    rec->out = out;
    sb_printf(&h, "{\"version\": 2, \"width\": %d, \"height\": %d", width, height);
    if (timestamp != 0)
        sb_printf(&h, ", \"timestamp\": %lld", timestamp);
    if (idle_time_limit > 0) {
        sb_puts(&h, ", \"idle_time_limit\": ");
        put_time(&h, to_us(idle_time_limit));
    }
    if (title) {
        sb_puts(&h, ", \"title\": ");
        record_json_string(&h, title, strlen(title));
    }
    sb_putc(&h, '}');
    write_line(rec, &h);
    sb_free(&h);
    return rec;
}

/* Time for the next event: never before the last one. */
static long long next_time(Recorder *rec, double t)
{
    long long us = to_us(t);
    if (us < rec->last_us || isnan(t))
        us = rec->last_us;
    rec->last_us = us;
    return us;
}

static void write_event_us(Recorder *rec, long long us, const char *type,
                           const char *data, size_t len)
{
    StrBuf line = {0};
    sb_putc(&line, '[');
    put_time(&line, us);
    sb_printf(&line, ", \"%s\", ", type);
    record_json_string(&line, data, len);
    sb_putc(&line, ']');
    write_line(rec, &line);
    sb_free(&line);
}

static void write_event(Recorder *rec, double t, const char *type, const char *data,
                        size_t len)
{
    write_event_us(rec, next_time(rec, t), type, data, len);
}

void record_frame(Recorder *rec, double t, const Canvas *c, bool ascii, Scheme scheme)
{
    StrBuf data = {0};
    if (!rec->prev)
        sb_puts(&data, "\x1b[?25l");
    canvas_diff_ansi(rec->prev, c, ascii, scheme, &data);
    if (data.len > 0)
        write_event(rec, t, "o", data.s, data.len);
    sb_free(&data);
    canvas_free(rec->prev);
    rec->prev = canvas_copy(c);
}

void record_marker(Recorder *rec, double t, const char *label)
{
    write_event(rec, t, "m", label, strlen(label));
}

void record_output(Recorder *rec, double t, const char *data)
{
    write_event(rec, t, "o", data, strlen(data));
}

void record_hold(Recorder *rec, double seconds)
{
    rec->last_us += to_us(seconds);
}

int record_close(Recorder *rec)
{
    if (!rec)
        return 0;
    if (rec->prev) {
        static const char restore[] = "\x1b[0m\x1b[?25h";
        write_event_us(rec, rec->last_us, "o", restore, sizeof restore - 1);
    }
    if (fflush(rec->out) != 0 || ferror(rec->out))
        rec->failed = true;
    int rc = rec->failed ? -1 : 0;
    canvas_free(rec->prev);
    free(rec);
    return rc;
}
