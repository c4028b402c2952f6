/* Sessions: a target run on the simulator and positioned at a step (see
 * session.h).  Stepping back re-runs from the start: the simulator is
 * deterministic, so the state reached is exactly the one going forward gave. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "lessons_builtin.h"
#include "parser.h"

struct Session {
    Lesson *lesson;
    SessionOptions opt;
    int is_script;
    int nsteps;
    int64_t script_statements;   /* statements a script executes in all */
    Interp *in;
    int step;
    RunState state;
    char *output;
    int64_t freed_before, freed_after;
    int64_t calls_before, calls_after;
    int64_t collected;
    /* live statements: typed at `step`, replayed after it on every re-run */
    struct LiveStmt {
        int step, line;
        char *src;
        char *out;               /* what it printed (and the repr it displayed) */
        char *err;               /* its error in one line, or NULL */
        char *traceback;         /* the whole traceback, or NULL */
    } *live;
    int nlive, live_cap;
    StrBuf src_ext;              /* the source, then each live statement's text */
    int src_lines;
};

void session_default_options(SessionOptions *o)
{
    memset(o, 0, sizeof *o);
    o->max_steps = 100000000;
    o->max_memory = default_max_memory();
    o->event_limit = 2000;
}

int session_builtin_count(void) { return (int)builtin_lesson_count; }

Lesson *session_builtin(int i, StrBuf *err)
{
    if (i < 0 || (size_t)i >= builtin_lesson_count) return NULL;
    return lesson_parse(builtin_lessons[i].path, builtin_lessons[i].text, builtin_lessons[i].len, err);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

Lesson *session_load_target(const char *target, StrBuf *err, int *status)
{
    *status = 2;
    for (size_t i = 0; i < builtin_lesson_count; i++) {
        StrBuf e = {0};
        Lesson *l = lesson_parse(builtin_lessons[i].path, builtin_lessons[i].text, builtin_lessons[i].len, &e);
        sb_free(&e);
        if (l && strcmp(l->id, target) == 0) {
            *status = 0;
            return l;
        }
        lesson_free(l);
    }
    if (ends_with(target, ".py")) {
        const char *why = NULL;
        size_t len = 0;
        char *src = read_file_limited(target, (size_t)16 << 20, &len, &why);
        if (!src) {
            sb_printf(err, "%s: %s", target, why);
            return NULL;
        }
        if (memchr(src, 0, len)) {
            /* a lesson's source is a C string: refuse NUL bytes here, with
             * the error python3 (and exec) gives */
            ParseError pe;
            Module *m = parse_module(target, src, len, &pe);
            if (!m) {
                parse_format_error(&pe, src, err);
                *status = pe.kind == PERR_UNSUPPORTED ? 2 : 1;
                free(src);
                return NULL;
            }
            module_free(m);
        }
        Lesson *l = lesson_from_script(target, src);
        free(src);
        *status = 0;
        return l;
    }
    if (ends_with(target, ".json")) {
        Lesson *l = lesson_load_file(target, err);
        if (l) *status = 0;
        return l;
    }
    sb_printf(err, "%s: no built-in lesson of that id, and not a .json or .py file (see memtutor list)", target);
    return NULL;
}

/* A script is stepped one statement at a time, up to this many steps (the
 * last one runs the rest of the program). */
#define SCRIPT_MAX_STEPS 1000000

static Interp *start(Session *s, StrBuf *err, int *status, int trace, int64_t max_steps)
{
    InterpOptions o;
    interp_default_options(&o);
    o.max_steps = max_steps;
    o.max_memory = s->opt.max_memory;
    o.trace = trace;
    o.event_limit = s->opt.event_limit;
    o.out = NULL;
    StrBuf e = {0};
    int st = 0;
    Interp *in = interp_new(s->lesson->path, s->lesson->source, strlen(s->lesson->source), &o, &e, &st);
    if (!in) {
        if (err) sb_puts(err, e.s ? e.s : "");
        if (status) *status = st;
    }
    sb_free(&e);
    return in;
}

/* Run one more step on `in` (from step k-1 to k). */
static RunState advance_one(Session *s, Interp *in, int k)
{
    if (s->is_script) {
        if (k >= s->nsteps) return interp_advance(in, -1);
        return interp_advance_to(in, k);
    }
    return interp_advance(in, s->lesson->steps[k - 1].line);
}

Session *session_new(Lesson *l, const SessionOptions *o, StrBuf *err, int *status)
{
    Session *s = xcalloc(1, sizeof(Session));
    s->lesson = l;
    if (o) s->opt = *o;
    else session_default_options(&s->opt);
    s->is_script = l->nsteps == 0;
    *status = 0;
    if (s->is_script) {
        /* count the statements with a first run: as far as the steps go
         * (an endless loop is found out in a moment, not at the budget) */
        int64_t cap = SCRIPT_MAX_STEPS + 1;
        Interp *in = start(s, err, status, 0, s->opt.max_steps < cap ? s->opt.max_steps : cap);
        if (!in) {
            free(s);
            return NULL;
        }
        interp_advance(in, -1);
        s->script_statements = interp_steps(in);
        interp_free(in);
        s->nsteps = (int)(s->script_statements > SCRIPT_MAX_STEPS ? SCRIPT_MAX_STEPS : s->script_statements) + 1;
    } else {
        s->nsteps = l->nsteps;
    }
    s->in = start(s, err, status, 1, s->opt.max_steps);
    if (!s->in) {
        free(s);
        return NULL;
    }
    s->state = RUN_PAUSED;
    return s;
}

static void live_drop_after(Session *s, int k)
{
    while (s->nlive > 0 && s->live[s->nlive - 1].step > k) {
        struct LiveStmt *l = &s->live[--s->nlive];
        free(l->src);
        free(l->out);
        free(l->err);
        free(l->traceback);
    }
}

/* Live statements run as the REPL runs them: an expression's repr shown. */
static RunState live_exec(Interp *in, int line, const char *src, StrBuf *err, StrBuf *traceback)
{
    interp_set_live_line(in, line);
    interp_set_live_display(in, 1, traceback);
    RunState r = interp_exec_live(in, src, err);
    interp_set_live_display(in, 0, NULL);
    return r;
}

/* Re-run the live statements typed at step k on `in`. */
static void live_replay(Session *s, Interp *in, int k)
{
    for (int i = 0; i < s->nlive; i++) {
        if (s->live[i].step != k) continue;
        if (interp_state(in) != RUN_PAUSED) return;
        StrBuf e = {0};
        live_exec(in, s->live[i].line, s->live[i].src, &e, NULL);
        sb_free(&e);
    }
}

void session_free(Session *s)
{
    if (!s) return;
    live_drop_after(s, -1);
    free(s->live);
    sb_free(&s->src_ext);
    interp_free(s->in);
    free(s->output);
    free(s);
}

int session_nsteps(const Session *s) { return s->nsteps; }
int session_step(const Session *s) { return s->step; }
Interp *session_interp(Session *s) { return s->in; }
const char *session_output(const Session *s) { return s->output ? s->output : ""; }
int64_t session_step_freed(const Session *s) { return s->freed_after - s->freed_before; }
int64_t session_step_collected(const Session *s) { return s->calls_after > s->calls_before ? s->collected : -1; }

int session_step_line(const Session *s, int k)
{
    if (k <= 0) return 0;
    if (!s->is_script) return k <= s->lesson->nsteps ? s->lesson->steps[k - 1].line : 0;
    return 0;
}

/* Go to step k; only the last step's events are logged (log_last), the
 * steps re-run on the way are quiet: nobody reads their events, and a
 * million-object step logs a million of them. */
static RunState goto_step(Session *s, int k, int log_last)
{
    if (k < 0) k = 0;
    if (k > s->nsteps) k = s->nsteps;
    if (k == s->step) return s->state;
    if (k < s->step) {
        /* back: a fresh run to step k */
        interp_free(s->in);
        s->in = start(s, NULL, NULL, 1, s->opt.max_steps);
        s->step = 0;
        s->state = RUN_PAUSED;
        if (!s->in) return RUN_ERROR;
        live_replay(s, s->in, 0);
    }
    free(s->output);
    s->output = NULL;
    if (k == 0) {
        s->freed_before = s->freed_after = 0;
        s->calls_before = s->calls_after = 0;
        return s->state;
    }
    Heap *h = interp_heap(s->in);
    while (s->step < k) {
        int last = s->step + 1 == k;
        if (last) {
            free(interp_take_output(s->in));
            s->freed_before = h->freed_total;
            s->calls_before = h->collect_calls;
        }
        heap_log_quiet(h, !(last && log_last));
        if (s->state == RUN_PAUSED) s->state = advance_one(s, s->in, s->step + 1);
        s->step++;
        if (s->state == RUN_PAUSED && !last) live_replay(s, s->in, s->step);
        if (last) {
            s->output = interp_take_output(s->in);
            s->freed_after = h->freed_total;
            s->calls_after = h->collect_calls;
            s->collected = h->last_collected;
            if (s->state == RUN_PAUSED && s->nlive) {
                /* the step's own events stay in the log: replayed statements
                 * typed at this step are undone and redone only on re-runs */
                live_replay(s, s->in, s->step);
            }
        }
    }
    return s->state;
}

RunState session_goto(Session *s, int k) { return goto_step(s, k, 1); }
RunState session_goto_quiet(Session *s, int k) { return goto_step(s, k, 0); }

int session_eval_at(Session *s, int k, const char *expr, StrBuf *out)
{
    Interp *in = start(s, out, NULL, 0, s->opt.max_steps);
    if (!in) return -1;
    RunState st = RUN_PAUSED;
    live_replay(s, in, 0);
    for (int i = 1; i <= k && st == RUN_PAUSED; i++) {
        st = advance_one(s, in, i);
        if (st == RUN_PAUSED) live_replay(s, in, i);
    }
    int r;
    if (st != RUN_PAUSED) {
        sb_puts(out, "the program ended before this step");
        r = -1;
    } else {
        r = interp_eval_repr(in, expr, out);
    }
    interp_free(in);
    return r;
}

static int count_lines(const char *t)
{
    int n = 1;
    for (; *t; t++) n += *t == '\n';
    return n;
}

RunState session_exec_live(Session *s, const char *src, StrBuf *err, StrBuf *traceback)
{
    if (s->state != RUN_PAUSED || !s->in) {
        sb_puts(err, "the program has ended: nothing more runs in it");
        return s->state == RUN_PAUSED ? RUN_DONE : s->state;
    }
    /* statements that do not parse change nothing and are not kept */
    ParseError pe;
    NodeList body;
    if (parse_statements(interp_module(s->in), src, strlen(src), 1, &body, &pe) < 0) {
        if (pe.kind == PERR_UNSUPPORTED) sb_printf(err, "%s", pe.msg);
        else sb_printf(err, "%s: %s", pe.type[0] ? pe.type : "SyntaxError", pe.msg);
        if (traceback && pe.kind != PERR_UNSUPPORTED) {
            snprintf(pe.filename, sizeof pe.filename, "<stdin>");   /* as the REPL names typed text */
            parse_format_error(&pe, src, traceback);
        }
        return RUN_ERROR;
    }
    if (!s->src_ext.s) {
        sb_puts(&s->src_ext, s->lesson->source);
        if (s->src_ext.len && s->src_ext.s[s->src_ext.len - 1] != '\n') sb_putc(&s->src_ext, '\n');
        s->src_lines = count_lines(s->src_ext.s) - 1;
    }
    int line = s->src_lines + 1;
    sb_puts(&s->src_ext, src);
    sb_putc(&s->src_ext, '\n');
    s->src_lines = count_lines(s->src_ext.s) - 1;
    if (s->nlive == s->live_cap) {
        s->live_cap = s->live_cap ? s->live_cap * 2 : 8;
        s->live = xrealloc(s->live, (size_t)s->live_cap * sizeof *s->live);
    }
    struct LiveStmt *l = &s->live[s->nlive++];
    *l = (struct LiveStmt){s->step, line, xstrdup(src), NULL, NULL, NULL};
    free(interp_take_output(s->in));
    StrBuf e = {0}, tb = {0};
    RunState r = live_exec(s->in, line, src, &e, &tb);
    l->out = interp_take_output(s->in);
    if (r != RUN_PAUSED) {
        l->err = xstrdup(e.s ? e.s : "");
        if (tb.len) {
            if (traceback) sb_puts(traceback, tb.s);
            l->traceback = sb_take(&tb);
        }
        sb_puts(err, l->err);
    }
    sb_free(&e);
    sb_free(&tb);
    return r;
}

int session_live_count(const Session *s) { return s->nlive; }

const char *session_live_src(const Session *s, int i, int *step)
{
    if (i < 0 || i >= s->nlive) return NULL;
    if (step) *step = s->live[i].step;
    return s->live[i].src;
}

const char *session_live_result(const Session *s, int i, const char **err, const char **traceback)
{
    if (i < 0 || i >= s->nlive) return NULL;
    if (err) *err = s->live[i].err;
    if (traceback) *traceback = s->live[i].traceback;
    return s->live[i].out ? s->live[i].out : "";
}

const char *session_source(const Session *s)
{
    return s->src_ext.s ? s->src_ext.s : s->lesson->source;
}

void session_live_drop_after(Session *s, int k) { live_drop_after(s, k); }
