/* Unit tests for tui/record: the asciicast v2 header, event lines, JSON
 * escaping, time clamping, diffs between frames, and determinism. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

/* ---- capture a recording in memory -------------------------------------- */

typedef struct {
    FILE *f;
    char *buf;
    size_t len;
} Mem;

static void mem_open(Mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
}

static void mem_close(Mem *m)
{
    assert_int_equal(fclose(m->f), 0);
}

/* ---- a strict reader for event lines ------------------------------------ */

/* Parse a JSON string at *p (strict: escapes limited to the JSON set, no raw
 * controls, valid UTF-8); append its decoded bytes to out. */
static void parse_json_string(const char **p, StrBuf *out)
{
    const char *s = *p;
    assert_int_equal(*s, '"');
    s++;
    while (*s != '"') {
        unsigned char b = (unsigned char)*s;
        assert_true(b >= 0x20);
        if (b == '\\') {
            s++;
            switch (*s) {
            case '"': sb_putc(out, '"'); break;
            case '\\': sb_putc(out, '\\'); break;
            case '/': sb_putc(out, '/'); break;
            case 'n': sb_putc(out, '\n'); break;
            case 'r': sb_putc(out, '\r'); break;
            case 't': sb_putc(out, '\t'); break;
            case 'b': sb_putc(out, '\b'); break;
            case 'f': sb_putc(out, '\f'); break;
            case 'u': {
                unsigned v = 0;
                for (int i = 1; i <= 4; i++) {
                    char h = s[i];
                    assert_true((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f'));
                    v = v * 16 + (unsigned)(h <= '9' ? h - '0' : h - 'a' + 10);
                }
                assert_true(v < 0x20 || v == 0x7f);
                sb_putc(out, (char)v);
                s += 4;
                break;
            }
            default: fail_msg("bad escape \\%c", *s);
            }
            s++;
        } else if (b >= 0x80) {
            uint32_t cp;
            size_t n = canvas_utf8_decode(s, strlen(s), &cp);
            assert_false(cp == 0xfffd && n == 1 && memcmp(s, "\xef\xbf\xbd", 3) != 0);
            sb_put(out, s, n);
            s += n;
        } else {
            sb_putc(out, (char)b);
            s++;
        }
    }
    *p = s + 1;
}

typedef struct {
    double t;
    char type;
    char *data;
    size_t len;
} Event;

/* Parse `[number, "o"|"m", "string"]` exactly as we write it. */
static Event parse_event(const char *line)
{
    Event e = {0};
    const char *p = line;
    assert_int_equal(*p++, '[');
    const char *num = p;
    while ((*p >= '0' && *p <= '9') || *p == '.')
        p++;
    assert_true(p > num);
    /* six decimals */
    const char *dot = strchr(num, '.');
    assert_non_null(dot);
    assert_int_equal(p - dot, 7);
    e.t = strtod(num, NULL);
    assert_string_equal(strncmp(p, ", \"o\", ", 7) == 0 || strncmp(p, ", \"m\", ", 7) == 0
                            ? "ok" : p, "ok");
    e.type = p[3];
    p += 7;
    StrBuf d = {0};
    parse_json_string(&p, &d);
    assert_string_equal(p, "]");
    e.len = d.len;
    e.data = sb_take(&d);
    return e;
}

/* Split a recording into lines: header then events; checks there is no blank
 * line and the file ends with a newline. Returns the number of events. */
static size_t parse_cast(char *buf, char **header, Event *ev, size_t max)
{
    size_t n = 0;
    size_t len = strlen(buf);
    assert_true(len > 0);
    assert_int_equal(buf[len - 1], '\n');
    char *save = NULL;
    char *line = strtok_r(buf, "\n", &save);
    *header = line;
    /* strtok_r skips empty lines: count newlines to catch them */
    size_t nl = 0;
    for (size_t i = 0; i < len; i++)
        nl += buf[i] == '\n' || buf[i] == '\0';
    while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
        assert_true(n < max);
        ev[n++] = parse_event(line);
    }
    assert_int_equal(nl, n + 1);
    return n;
}

static void free_events(Event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ev[i].data);
}

/* ---- tests -------------------------------------------------------------- */

static void test_header(void **state)
{
    (void)state;
    Mem m;
    mem_open(&m);
    Recorder *r = record_open(m.f, 80, 24, "say \"hi\" \\ o/", 2.5, 0);
    assert_int_equal(record_close(r), 0);
    mem_close(&m);
    assert_string_equal(m.buf, "{\"version\": 2, \"width\": 80, \"height\": 24, "
                               "\"idle_time_limit\": 2.500000, "
                               "\"title\": \"say \\\"hi\\\" \\\\ o/\"}\n");
    free(m.buf);

    mem_open(&m);
    r = record_open(m.f, 100, 30, NULL, 0, 1700000000);
    assert_int_equal(record_close(r), 0);
    mem_close(&m);
    assert_string_equal(m.buf, "{\"version\": 2, \"width\": 100, \"height\": 30, "
                               "\"timestamp\": 1700000000}\n");
    free(m.buf);
}

static void test_escaping(void **state)
{
    (void)state;
    StrBuf b = {0};
    const char in[] = "\x1b[1m\"q\"\\\n\t\r\b\f\x01\x7f é 中 \xff\xc3";
    record_json_string(&b, in, sizeof in - 1);
    assert_string_equal(b.s, "\"\\u001b[1m\\\"q\\\"\\\\\\n\\t\\r\\b\\f\\u0001\\u007f é 中 "
                             "\xef\xbf\xbd\xef\xbf\xbd\"");
    sb_clear(&b);
    record_json_string(&b, "a\0b", 3);   /* embedded NUL */
    assert_string_equal(b.s, "\"a\\u0000b\"");
    sb_free(&b);
}

static Canvas *frame(int n)
{
    Canvas *c = canvas_new(20, 4);
    canvas_box(c, 0, 0, 20, 3, STYLE_FRAME, "heap");
    canvas_printf(c, 1, 1, STYLE_NAME, "step %d \"x\"", n);
    canvas_put_utf8(c, 0, 3, " ? help  q quit ", STYLE_STATUS);
    return c;
}

/* A small recording with frames, repeats, markers and a time going back. */
static char *record_sample(void)
{
    Mem m;
    mem_open(&m);
    Recorder *r = record_open(m.f, 20, 4, "demo \x1b", 1.0, 0);
    for (int i = 0; i < 4; i++) {
        Canvas *c = frame(i);
        record_marker(r, i * 0.5, i == 2 ? "step \"2\"\n" : "step");
        record_frame(r, i * 0.5 + 0.1, c, false, SCHEME_NORMAL);
        record_frame(r, i * 0.5 + 0.2, c, false, SCHEME_NORMAL);   /* same: no event */
        canvas_free(c);
    }
    record_marker(r, 0.3, "back in time");   /* clamped to the last time */
    record_marker(r, NAN, "nan");
    record_output(r, 10.0000004, "\x1b[0m");
    assert_int_equal(record_close(r), 0);
    mem_close(&m);
    return m.buf;
}

static void test_events(void **state)
{
    (void)state;
    char *cast = record_sample();
    char *header;
    Event ev[64];
    size_t n = parse_cast(cast, &header, ev, 64);
    assert_string_equal(header, "{\"version\": 2, \"width\": 20, \"height\": 4, "
                                "\"idle_time_limit\": 1.000000, \"title\": \"demo \\u001b\"}");
    /* 4 markers + 4 frames (repeats skipped) + 2 markers + 1 output + close */
    assert_int_equal(n, 12);
    for (size_t i = 1; i < n; i++)
        assert_true(ev[i].t >= ev[i - 1].t);
    assert_int_equal(ev[0].type, 'm');
    assert_string_equal(ev[0].data, "step");
    assert_int_equal(ev[1].type, 'o');
    /* the first frame is a full screen, the cursor hidden */
    assert_non_null(strstr(ev[1].data, "\x1b[?25l"));
    assert_non_null(strstr(ev[1].data, "\x1b[2J"));
    assert_non_null(strstr(ev[1].data, "step 0 \"x\""));
    /* later frames are diffs: no clear, only the changed digit */
    assert_int_equal(ev[3].type, 'o');
    assert_null(strstr(ev[3].data, "\x1b[2J"));
    assert_string_equal(ev[3].data, "\x1b[2;7H\x1b[1m1\x1b[0m");
    assert_string_equal(ev[4].data, "step \"2\"\n");
    assert_true(fabs(ev[7].t - 1.6) < 1e-9);
    assert_string_equal(ev[8].data, "back in time");
    assert_true(fabs(ev[8].t - 1.6) < 1e-9);
    assert_true(fabs(ev[9].t - 1.6) < 1e-9);
    assert_true(fabs(ev[10].t - 10.0) < 1e-9);
    /* closing restores the cursor */
    assert_int_equal(ev[11].type, 'o');
    assert_string_equal(ev[11].data, "\x1b[0m\x1b[?25h");
    assert_true(fabs(ev[11].t - 10.0) < 1e-9);
    free_events(ev, n);
    free(cast);
}

static void test_time_format(void **state)
{
    (void)state;
    Mem m;
    mem_open(&m);
    Recorder *r = record_open(m.f, 2, 1, NULL, 0, 0);
    record_marker(r, -3, "a");
    record_marker(r, 0.0000015, "b");
    record_marker(r, 123.456789, "c");
    record_marker(r, 123.4567889, "d");   /* rounds to the same microsecond */
    record_marker(r, 1e30, "e");          /* absurd: clamped, still a number */
    assert_int_equal(record_close(r), 0);
    mem_close(&m);
    const char *want = "{\"version\": 2, \"width\": 2, \"height\": 1}\n"
                       "[0.000000, \"m\", \"a\"]\n"
                       "[0.000002, \"m\", \"b\"]\n"
                       "[123.456789, \"m\", \"c\"]\n"
                       "[123.456789, \"m\", \"d\"]\n"
                       "[9000000000000.000000, \"m\", \"e\"]\n";
    assert_string_equal(m.buf, want);
    free(m.buf);
}

static void test_deterministic(void **state)
{
    (void)state;
    char *a = record_sample();
    char *b = record_sample();
    assert_string_equal(a, b);
    free(a);
    free(b);
}

/* SGR parameters in the escaped data must not name colours. */
static void test_ascii_and_mono(void **state)
{
    (void)state;
    Mem m;
    mem_open(&m);
    Recorder *r = record_open(m.f, 20, 4, "t", 0, 0);
    Canvas *c = frame(1);
    record_frame(r, 0, c, true, SCHEME_MONO);
    canvas_free(c);
    assert_int_equal(record_close(r), 0);
    mem_close(&m);
    /* ASCII mode: the whole file is ASCII; mono: no colour SGR */
    for (const char *p = m.buf; *p; p++)
        assert_true((unsigned char)*p < 0x80);
    for (const char *p = m.buf; (p = strstr(p, "\\u001b[")) != NULL;) {
        p += 7;
        const char *q = p;
        while ((*q >= '0' && *q <= '9') || *q == ';' || *q == '?')
            q++;
        if (*q != 'm')
            continue;
        for (; p < q; p++)   /* SGR parameters: only 0 1 2 7 */
            assert_true(*p == ';' || *p == '0' || *p == '1' || *p == '2' || *p == '7');
    }
    assert_non_null(strstr(m.buf, "heap"));
    assert_non_null(strstr(m.buf, "+------"));
    free(m.buf);
}

static void test_write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/null", "r");   /* writes fail */
    assert_non_null(f);
    Recorder *r = record_open(f, 10, 2, NULL, 0, 0);
    Canvas *c = canvas_new(10, 2);
    canvas_put_utf8(c, 0, 0, "x", STYLE_NORMAL);
    record_frame(r, 0, c, false, SCHEME_NORMAL);
    canvas_free(c);
    assert_int_equal(record_close(r), -1);
    fclose(f);
    assert_int_equal(record_close(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_time_format),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_ascii_and_mono),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
