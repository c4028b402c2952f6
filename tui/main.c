/* memtutor's command line (DESIGN.md section 2). */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "canvas.h"
#include "export.h"
#include "notes.h"
#include "interp.h"
#include "outfile.h"
#include "profile.h"
#include "progress.h"
#include "record.h"
#include "session.h"
#include "trace.h"
#include "util.h"

#define MEMTUTOR_VERSION "0.1.0"

static void usage(FILE *f)
{
    fputs("usage: memtutor                          lesson menu\n"
          "       memtutor TARGET [--autoplay] [--delay MS] [--ascii] [--color[=WHEN]]\n"
          "                                         open a lesson or a .py script; --autoplay\n"
          "                                         plays it, MS apart (1500; p, + and - too)\n"
          "       memtutor TARGET --presenter       on the projector: no notes here, for ...\n"
          "       memtutor notes [--ascii]          ... a second screen: notes, answers, next step, time\n"
          "       memtutor exec SCRIPT.py           run headless; prints what python3 prints\n"
          "       memtutor dis [--code-info] SCRIPT.py\n"
          "                                         its CPython 3.11 instructions, as python3 -m dis\n"
          "       memtutor check [LESSON...]        verify lessons\n"
          "       memtutor list                     built-in lessons\n"
          "       memtutor render TARGET [--step N] [--event K] [--size COLSxROWS]\n"
          "                       [--ascii] [--color] [--pane heap|memory] [--played]\n"
          "       memtutor record TARGET -o FILE.cast [--size COLSxROWS] [--delay MS]\n"
          "                       [--end-delay MS] [--title T] [--animate] [--ascii]\n"
          "                       [--hints] [--timestamp] [--pane heap|memory]\n"
          "       memtutor export TARGET -o FILE.html|FILE.svg [--format html|svg] [--size COLSxROWS]\n"
          "                       [--delay MS] [--end-delay MS]\n"
          "                                         one self-contained web page, or an animated SVG\n"
          "       memtutor trace TARGET             JSON lines, one per step\n"
          "       memtutor --reset-progress         forget the lessons finished and answers given\n"
          "       memtutor --help | --version\n"
          "Every command takes --python 3.11|3.12|3.13 (or MEMTUTOR_PYTHON): whose numbers\n"
          "to show; the default is the version of python3 on PATH, else 3.13.\n"
          "In a lesson: → next step, ← back, g/G first/last, 12G step 12, / search\n"
          "(n/N next/previous), o outline, p autoplay, ? every key.  A terminal of 100x30\n"
          "or more.\n"
          "The manual: man memtutor (or, in the source tree, man ./memtutor.1).\n",
          f);
}

/* Text from a lesson or script (its source, output, names) on its way to a
 * terminal: no raw escape sequence gets through (canvas_sanitize). */
static void put_clean(FILE *f, const char *s)
{
    StrBuf b = {0};
    canvas_sanitize(s ? s : "", s ? strlen(s) : 0, &b);
    fputs(b.s ? b.s : "", f);
    sb_free(&b);
}

/* error_report, sanitized: its source lines, names and messages are the
 * script's or the lesson's. */
static void print_error(const char *msg)
{
    StrBuf b = {0};
    error_text(msg, &b);
    put_clean(stderr, b.s);
    sb_free(&b);
}

/* A size: digits and an optional K, M or G (binary), 1 .. 2^62 bytes. */
static int parse_size_opt(const char *s, int64_t *out)
{
    size_t n = strlen(s);
    int shift = 0;
    char unit = n ? s[n - 1] : 0;
    if (unit == 'K' || unit == 'k') shift = 10;
    else if (unit == 'M' || unit == 'm') shift = 20;
    else if (unit == 'G' || unit == 'g') shift = 30;
    char digits[32];
    size_t nd = shift ? n - 1 : n;
    if (nd == 0 || nd >= sizeof digits) return -1;
    memcpy(digits, s, nd);
    digits[nd] = '\0';
    long long v;
    if (opt_parse_count(digits, 1, (long long)1 << 62, &v) < 0 || v > ((long long)1 << 62) >> shift) return -1;
    *out = (int64_t)v << shift;
    return 0;
}

/* Read and prepare a script for exec and dis: NULL (the message printed,
 * *status the exit code) when it cannot be read or does not parse; else its
 * compile-time warnings are printed. */
static Interp *open_script(const char *path, const InterpOptions *opt, int *status)
{
    const char *err = NULL;
    size_t len = 0;
    char *src = read_file_limited(path, (size_t)16 << 20, &len, &err);
    if (!src) {
        fprintf(stderr, "memtutor: %s: %s\n", path, err);
        *status = 2;
        return NULL;
    }
    StrBuf e = {0};
    Interp *in = interp_new(path, src, len, opt, &e, status);
    free(src);
    if (!in) {
        error_report(e.s);
        sb_free(&e);
        return NULL;
    }
    fputs(interp_warnings(in), stderr);
    return in;
}

static int cmd_exec(int argc, char **argv)
{
    InterpOptions opt;
    interp_default_options(&opt);
    const char *path = NULL;
    for (int i = 0; i < argc; i++) {
        if ((!strcmp(argv[i], "--max-steps") || !strcmp(argv[i], "--max-memory")) && i + 1 >= argc) {
            fprintf(stderr, "memtutor: exec: %s needs a value\n", argv[i]);
            return 2;
        }
        if (!strcmp(argv[i], "--max-steps") && i + 1 < argc) {
            if (parse_size_opt(argv[++i], &opt.max_steps) < 0) {
                fprintf(stderr, "memtutor: --max-steps: expected a positive number\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--max-memory") && i + 1 < argc) {
            if (parse_size_opt(argv[++i], &opt.max_memory) < 0) {
                fprintf(stderr, "memtutor: --max-memory: expected a size such as 512M (at most 4294967296G)\n");
                return 2;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "memtutor: exec: unknown option %s\n", argv[i]);
            return 2;
        } else if (!path) path = argv[i];
        else {
            fprintf(stderr, "memtutor: exec: one script at a time\n");
            return 2;
        }
    }
    if (!path) {
        fprintf(stderr, "memtutor: exec: missing SCRIPT.py\n");
        return 2;
    }
    opt.out = stdout;
    int status = 0;
    Interp *in = open_script(path, &opt, &status);
    if (!in) return status;
    interp_advance(in, -1);
    fflush(stdout);
    int rc = interp_exit_status(in);
    if (rc) error_report(interp_error(in));   /* as python3 prints it */
    interp_free(in);
    return rc;
}

/* memtutor dis SCRIPT.py: the script's instructions, as python3 -m dis lists them */
static int cmd_dis(int argc, char **argv)
{
    int code_info = argc > 0 && !strcmp(argv[0], "--code-info");
    argc -= code_info;
    argv += code_info;
    if (argc != 1 || (argv[0][0] == '-' && argv[0][1])) {
        fprintf(stderr, "memtutor: dis: %s\n",
                argc ? "usage: memtutor dis [--code-info] SCRIPT.py" : "missing SCRIPT.py");
        return 2;
    }
    InterpOptions opt;
    interp_default_options(&opt);
    int status = 0;
    Interp *in = open_script(argv[0], &opt, &status);
    if (!in) return status;
    StrBuf out = {0};
    interp_dis(in, code_info, &out);
    fputs(out.s ? out.s : "", stdout);
    sb_free(&out);
    interp_free(in);
    return 0;
}

static int cmd_list(void)
{
    int n = session_builtin_count();
    Lesson **ls = xcalloc((size_t)n + 1, sizeof(Lesson *));
    size_t w = 0;
    int rc = 0;
    for (int i = 0; i < n; i++) {
        StrBuf e = {0};
        ls[i] = session_builtin(i, &e);
        if (!ls[i]) {
            fprintf(stderr, "memtutor: %s\n", e.s ? e.s : "bad built-in lesson");
            rc = 2;
        } else if (strlen(ls[i]->id) > w) w = strlen(ls[i]->id);
        sb_free(&e);
    }
    for (int i = 0; i < n; i++)
        if (ls[i]) printf("%-*s  %s\n", (int)w, ls[i]->id, ls[i]->title);
    for (int i = 0; i < n; i++) lesson_free(ls[i]);
    free(ls);
    return rc;
}

static int cmd_check(int argc, char **argv)
{
    int passed = 0, failed = 0, broken = 0;
    int n = argc ? argc : session_builtin_count();
    for (int i = 0; i < n; i++) {
        StrBuf e = {0};
        int status = 0;
        Lesson *l = argc ? session_load_target(argv[i], &e, &status) : session_builtin(i, &e);
        if (!l) {
            print_error(e.s ? e.s : "cannot load the lesson");
            sb_free(&e);
            broken++;
            continue;
        }
        sb_free(&e);
        if (l->nsteps == 0) {
            fputs("memtutor: ", stderr);
            put_clean(stderr, l->path);
            fputs(": a script has no expectations to check; use exec or trace\n", stderr);
            lesson_free(l);
            broken++;
            continue;
        }
        StrBuf report = {0};
        int r = check_lesson(l, &report);
        if (r == 0) {
            fputs("ok    ", stdout);
            put_clean(stdout, l->id);
            printf(" (%d steps)\n", l->nsteps);
            passed++;
        } else if (r == 1) {
            fputs("FAIL  ", stdout);
            put_clean(stdout, l->id);
            fputc('\n', stdout);
            put_clean(stdout, report.s);
            failed++;
        } else {
            /* the failures found before (stdout), then the error (stderr) */
            fputs("FAIL  ", stdout);
            put_clean(stdout, l->id);
            fputc('\n', stdout);
            const char *msg = report.s ? report.s : "";
            if (report.len && msg[report.len - 1] != '\n') {
                const char *nl = strrchr(msg, '\n');
                if (nl) {
                    StrBuf before = {0};
                    sb_put(&before, msg, (size_t)(nl + 1 - msg));
                    put_clean(stdout, before.s);
                    sb_free(&before);
                    msg = nl + 1;
                }
            }
            fflush(stdout);
            print_error(msg);
            broken++;
        }
        sb_free(&report);
        lesson_free(l);
    }
    printf("%d passed, %d failed\n", passed, failed + broken);
    return broken ? 2 : failed ? 1 : 0;
}

static int cmd_trace(int argc, char **argv)
{
    if (argc != 1) {
        fprintf(stderr, "memtutor: trace: expected one TARGET\n");
        return 2;
    }
    StrBuf e = {0};
    int status = 0;
    Lesson *l = session_load_target(argv[0], &e, &status);
    if (!l) {
        print_error(e.s);
        sb_free(&e);
        return status;
    }
    Session *s = session_new(l, NULL, &e, &status);
    if (!s) {
        print_error(e.s);
        sb_free(&e);
        lesson_free(l);
        return status;
    }
    int rc = 0;
    for (int k = 1; k <= session_nsteps(s); k++) {
        RunState st = session_goto(s, k);
        StrBuf line = {0};
        trace_step_json(s, &line);
        puts(line.s);
        sb_free(&line);
        if (st == RUN_ERROR || st == RUN_LIMIT) {
            print_error(interp_error(session_interp(s)));
            rc = interp_exit_status(session_interp(s));
            break;
        }
        if (st == RUN_DONE && k < session_nsteps(s)) {
            fputs("memtutor: ", stderr);
            put_clean(stderr, l->path);
            fprintf(stderr, ": steps[%d]: line %d is never reached\n", k - 1, session_step_line(s, k));
            rc = 2;
            break;
        }
    }
    session_free(s);
    lesson_free(l);
    sb_free(&e);
    return rc;
}

static int parse_color(const char *v, int *color)
{
    if (!strcmp(v, "auto")) *color = -1;
    else if (!strcmp(v, "always")) *color = 1;
    else if (!strcmp(v, "never")) *color = 0;
    else return -1;
    return 0;
}

/* A render option's number 0..max into *out; -1 (after one line on
 * stderr) when v is not one. */
static int render_number(const char *opt, const char *what, const char *v, long max, int *out)
{
    long long n;
    if (opt_parse_count(v, 0, max, &n) < 0) {
        fprintf(stderr, "memtutor: render: %s: expected %s number\n", opt, what);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int cmd_render(int argc, char **argv)
{
    const char *target = NULL;
    int step = 0, event = -1, cols = 100, rows = 30, ascii = 0, color = 0;
    const char *pane = NULL;
    int played = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--played")) {
            played = 1;
        } else if (!strcmp(a, "--step") && i + 1 < argc) {
            if (render_number("--step", "a step", argv[++i], 1000000, &step) < 0) return 2;
        } else if (!strcmp(a, "--event") && i + 1 < argc) {
            if (render_number("--event", "an event", argv[++i], 100000000, &event) < 0) return 2;
        } else if (!strcmp(a, "--size") && i + 1 < argc) {
            if (opt_parse_cols_rows(argv[++i], &cols, &rows) < 0) {
                fprintf(stderr, "memtutor: render: --size: expected COLSxROWS, e.g. 100x30\n");
                return 2;
            }
        } else if (!strcmp(a, "--ascii")) {
            ascii = 1;
        } else if (!strcmp(a, "--color") || !strcmp(a, "--color=always")) {
            color = 1;
        } else if (!strcmp(a, "--color=never")) {
            color = 0;
        } else if (!strcmp(a, "--pane") && i + 1 < argc) {
            pane = argv[++i];
            if (strcmp(pane, "heap") && strcmp(pane, "memory")) {
                fprintf(stderr, "memtutor: render: --pane: expected heap or memory\n");
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "memtutor: render: unknown option %s\n", a);
            return 2;
        } else if (!target) {
            target = a;
        } else {
            fprintf(stderr, "memtutor: render: one TARGET at a time\n");
            return 2;
        }
    }
    if (!target) {
        fprintf(stderr, "memtutor: render: missing TARGET\n");
        return 2;
    }
    StrBuf out = {0}, err = {0};
    AppRenderOptions ro = {.step = step, .cols = cols, .rows = rows, .ascii = ascii, .color = color,
                           .pane = pane, .played = played, .event = event};
    int rc = app_render_with(target, &ro, &out, &err);
    if (rc == 0) fputs(out.s ? out.s : "", stdout);
    else print_error(err.s ? err.s : "render failed");
    sb_free(&out);
    sb_free(&err);
    return rc;
}

/* record: the frames app_frames draws, as asciicast v2. Step 0 at time 0;
 * each later step `delay` after the previous one's end state (its animation
 * frames, with --animate, anim_ms apart before its end state); a question
 * step's end state is its question, held `delay`, then its answer (half a
 * delay) and its narration (a delay); after each end state of steps 1..N
 * (the question, for a question step) a marker "step N: <first words of the
 * narration>"; the last frame is held end_delay. */
typedef struct {
    const char *path, *title, *target;
    int cols, rows, delay_ms, end_delay_ms, ascii, timestamp;
    OutFile out;
    Recorder *rec;
    long long t_ms;
    long long hold_ms;   /* how long the frame just written stays */
} RecordCtx;

static void marker_label(const AppFrame *fr, StrBuf *out)
{
    sb_printf(out, "step %d", fr->step);
    const char *s = fr->say;
    if (!s || !*s) {
        if (fr->line > 0) sb_printf(out, ": line %d", fr->line);
        return;
    }
    sb_puts(out, ":");
    /* the first words: up to 8, or about 48 bytes, whole words only */
    for (int words = 0; *s && words < 8; words++) {
        while (*s == ' ' || *s == '\n' || *s == '\t') s++;
        size_t n = strcspn(s, " \n\t");
        if (n == 0) break;
        if (words > 0 && out->len + n > 56) {
            sb_puts(out, " …");
            return;
        }
        sb_putc(out, ' ');
        sb_put(out, s, n);
        s += n;
    }
    while (*s == ' ' || *s == '\n' || *s == '\t') s++;
    if (*s) sb_puts(out, " …");
}

static int record_cb(void *arg, const AppFrame *fr)
{
    RecordCtx *r = arg;
    if (!r->rec) {
        StrBuf e = {0};
        if (outfile_open(&r->out, r->path, r->target, &e) < 0) {
            fprintf(stderr, "memtutor: record: %s\n", e.s);
            sb_free(&e);
            return 2;
        }
        StrBuf t = {0};
        if (r->title) sb_puts(&t, r->title);
        else sb_printf(&t, "memtutor · %s", fr->title ? fr->title : "");
        int idle = r->delay_ms > r->end_delay_ms ? r->delay_ms : r->end_delay_ms;
        r->rec = record_open(r->out.f, r->cols, r->rows, t.s ? t.s : "", idle / 1000.0,
                             r->timestamp ? (long long)time(NULL) : 0);
        sb_free(&t);
    } else {
        r->t_ms += r->hold_ms;
    }
    r->hold_ms = fr->phase >= 0 ? fr->anim_ms : (long long)r->delay_ms * fr->hold_pct / 100;
    record_frame(r->rec, (double)r->t_ms / 1000.0, fr->canvas, r->ascii != 0, SCHEME_NORMAL);
    if (fr->phase < 0 && fr->stage == 0 && fr->step > 0) {
        StrBuf label = {0};
        marker_label(fr, &label);
        record_marker(r->rec, (double)r->t_ms / 1000.0, label.s);
        sb_free(&label);
    }
    return 0;
}

static int cmd_record(int argc, char **argv)
{
    RecordCtx r = {.cols = 100, .rows = 30, .delay_ms = 2000, .end_delay_ms = 3000};
    const char *target = NULL;
    int animate = 0, memory = 0, hints = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-o") && i + 1 < argc) {
            r.path = argv[++i];
        } else if (!strcmp(a, "--size") && i + 1 < argc) {
            if (opt_parse_cols_rows(argv[++i], &r.cols, &r.rows) < 0) {
                fprintf(stderr, "memtutor: record: --size: expected COLSxROWS, e.g. 100x30\n");
                return 2;
            }
        } else if (!strcmp(a, "--delay") && i + 1 < argc) {
            long long v;
            if (opt_parse_count(argv[++i], 1, 600000, &v) < 0) {
                fprintf(stderr, "memtutor: record: --delay: expected milliseconds (1 to 600000)\n");
                return 2;
            }
            r.delay_ms = (int)v;
        } else if (!strcmp(a, "--end-delay") && i + 1 < argc) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || end == argv[i] || v < 0 || v > 600000) {
                fprintf(stderr, "memtutor: record: --end-delay: expected milliseconds (0 to 600000)\n");
                return 2;
            }
            r.end_delay_ms = (int)v;
        } else if (!strcmp(a, "--hints")) {
            hints = 1;
        } else if (!strcmp(a, "--title") && i + 1 < argc) {
            r.title = argv[++i];
        } else if (!strcmp(a, "--animate")) {
            animate = 1;
        } else if (!strcmp(a, "--ascii")) {
            r.ascii = 1;
        } else if (!strcmp(a, "--timestamp")) {
            r.timestamp = 1;
        } else if (!strcmp(a, "--pane") && i + 1 < argc) {
            const char *pane = argv[++i];
            if (strcmp(pane, "heap") && strcmp(pane, "memory")) {
                fprintf(stderr, "memtutor: record: --pane: expected heap or memory\n");
                return 2;
            }
            memory = !strcmp(pane, "memory");
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "memtutor: record: unknown option %s\n", a);
            return 2;
        } else if (!target) {
            target = a;
        } else {
            fprintf(stderr, "memtutor: record: one TARGET at a time\n");
            return 2;
        }
    }
    if (!target) {
        fprintf(stderr, "memtutor: record: missing TARGET\n");
        return 2;
    }
    if (!r.path || !*r.path) {
        fprintf(stderr, "memtutor: record: missing -o FILE.cast\n");
        return 2;
    }
    r.target = target;
    StrBuf err = {0};
    AppFrameOptions fo = {.cols = r.cols, .rows = r.rows, .animate = animate, .memory = memory, .hints = hints};
    int rc = app_frames(target, &fo, record_cb, &r, &err);
    if (rc && err.len) print_error(err.s);
    if (rc == 0 && r.rec) record_hold(r.rec, r.end_delay_ms / 1000.0);   /* the last frame stays */
    sb_clear(&err);
    /* only a whole recording replaces the file; a failed one leaves what
     * was there, and a device is written to, never removed */
    if (r.rec && record_close(r.rec) < 0 && rc == 0) {
        fprintf(stderr, "memtutor: record: %s: write failed\n", r.path);
        rc = 2;
    }
    if (r.out.f && rc == 0 && outfile_commit(&r.out, &err) < 0) {
        fprintf(stderr, "memtutor: record: %s\n", err.s);
        rc = 2;
    }
    if (r.out.f) outfile_abort(&r.out);
    sb_free(&err);
    return rc;
}

static int cmd_tui(int argc, char **argv)
{
    AppOptions o = {0};
    o.color = -1;
    const char *target = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--ascii")) o.ascii = 1;
        else if (!strncmp(a, "--color=", 8)) {
            if (parse_color(a + 8, &o.color) < 0) {
                fprintf(stderr, "memtutor: --color: expected auto, always or never\n");
                return 2;
            }
        } else if (!strcmp(a, "--color")) o.color = 1;
        else if (!strcmp(a, "--autoplay")) o.autoplay = 1;
        else if (!strcmp(a, "--presenter")) o.presenter = 1;
        else if (!strcmp(a, "--delay") && i + 1 < argc) {
            long long v;
            if (opt_parse_count(argv[++i], 0, 600000, &v) < 0) {
                fprintf(stderr, "memtutor: --delay: expected milliseconds\n");
                return 2;
            }
            o.delay_ms = (int)v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "memtutor: unknown option %s (see memtutor --help)\n", a);
            return 2;
        } else if (!target) target = a;
        else {
            fprintf(stderr, "memtutor: one TARGET at a time (see memtutor --help)\n");
            return 2;
        }
    }
    return app_run(target, &o);
}

/* --python V (or --python=V), anywhere on the command line, for every
 * command: taken out of argv, and the profile chosen (profile_select).
 * Returns 0, or 2 after a one-line message. */
static int take_python_option(int *argc, char **argv)
{
    const char *value = NULL;
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        if (!strcmp(argv[i], "--python")) {
            if (i + 1 >= *argc) {
                fprintf(stderr, "memtutor: --python needs a value: %s\n", profile_names());
                return 2;
            }
            value = argv[++i];
        } else if (!strncmp(argv[i], "--python=", 9)) {
            value = argv[i] + 9;
        } else {
            argv[out++] = argv[i];
        }
    }
    *argc = out;
    argv[out] = NULL;
    char err[160];
    if (profile_select(value, err, sizeof err) < 0) {
        fprintf(stderr, "memtutor: %s\n", err);
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (take_python_option(&argc, argv)) return 2;
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("memtutor %s (the numbers of CPython %s, checked against %s)\n", MEMTUTOR_VERSION,
               py_profile->name, py_profile->release);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "--reset-progress")) {
        /* forget the self-study progress (lessons finished, answers) */
        StrBuf e = {0};
        int rc = progress_reset(&e) < 0 ? 2 : 0;
        if (rc) fprintf(stderr, "memtutor: %s\n", e.s);
        sb_free(&e);
        return rc;
    }
    if (argc >= 2 && !strcmp(argv[1], "exec")) return cmd_exec(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "dis")) return cmd_dis(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "list")) {
        if (argc > 2) {
            fprintf(stderr, "memtutor: list: takes no arguments\n");
            return 2;
        }
        return cmd_list();
    }
    if (argc >= 2 && !strcmp(argv[1], "check")) return cmd_check(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "trace")) return cmd_trace(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "render")) return cmd_render(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "record")) return cmd_record(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "export")) return export_main(argc - 2, argv + 2);
    if (argc >= 2 && !strcmp(argv[1], "notes")) return notes_main(argc - 2, argv + 2);
    return cmd_tui(argc - 1, argv + 1);
}
