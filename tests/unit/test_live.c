/* Unit tests for the live prompt: interp_exec_live (statements run in the
 * paused frame on the interpreter thread; errors in Python's words; the
 * program goes on) and the session's record and replay of live statements
 * (going back re-runs them after the step they were typed at; dropping them
 * undoes them). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "lesson.h"
#include "session.h"

static Interp *start(const char *src)
{
    InterpOptions o;
    interp_default_options(&o);
    o.trace = 1;
    StrBuf err = {0};
    int st = 0;
    Interp *in = interp_new("t.py", src, strlen(src), &o, &err, &st);
    if (!in) print_error("%s", err.s ? err.s : "");
    assert_non_null(in);
    sb_free(&err);
    return in;
}

/* The value of an expression, as str() gives it (static buffer). */
static const char *ev(Interp *in, const char *expr)
{
    static char buf[256];
    StrBuf out = {0};
    interp_eval_repr(in, expr, &out);
    snprintf(buf, sizeof buf, "%s", out.s ? out.s : "");
    sb_free(&out);
    return buf;
}

static void live_ok(Interp *in, const char *src)
{
    StrBuf err = {0};
    RunState r = interp_exec_live(in, src, &err);
    if (r != RUN_PAUSED) print_error("%s: %s", src, err.s ? err.s : "");
    assert_int_equal(r, RUN_PAUSED);
    sb_free(&err);
}

static void test_live_binds_a_global(void **state)
{
    (void)state;
    Interp *in = start("import sys\nx = [1, 2]\ny = 0\n");
    assert_int_equal(interp_advance(in, 2), RUN_PAUSED);
    int64_t steps = interp_steps(in);
    live_ok(in, "z = x");
    assert_string_equal(ev(in, "sys.getrefcount(x)"), "3");
    assert_string_equal(ev(in, "z is x"), "True");
    /* a live statement is not a step of the program */
    assert_int_equal(interp_steps(in), steps);
    /* the program goes on from the changed state */
    assert_int_equal(interp_advance(in, 3), RUN_PAUSED);
    assert_string_equal(ev(in, "len(z)"), "2");
    assert_int_equal(interp_advance(in, -1), RUN_DONE);
    interp_free(in);
}

static void test_live_events_logged(void **state)
{
    (void)state;
    Interp *in = start("a = 1\nb = 2\n");
    interp_advance(in, 1);
    live_ok(in, "n = [a, a]");
    const EventLog *log = interp_heap(in)->log;
    assert_non_null(log);
    int allocs = 0;
    for (uint32_t i = 0; i < log->n; i++)
        if (log->ev[i].kind == EV_ALLOC && log->ev[i].otype == T_LIST) allocs++;
    assert_int_equal(allocs, 1);
    interp_free(in);
}

static void test_live_error_in_python_words(void **state)
{
    (void)state;
    Interp *in = start("a = 1\nb = 2\n");
    interp_advance(in, 1);
    StrBuf err = {0};
    assert_int_equal(interp_exec_live(in, "c = zz + 1", &err), RUN_ERROR);
    assert_string_equal(err.s, "NameError: name 'zz' is not defined");
    sb_clear(&err);
    assert_int_equal(interp_exec_live(in, "[1][5]", &err), RUN_ERROR);
    assert_string_equal(err.s, "IndexError: list index out of range");
    sb_clear(&err);
    assert_int_equal(interp_exec_live(in, "x = = 1", &err), RUN_ERROR);
    assert_non_null(strstr(err.s, "SyntaxError"));
    sb_free(&err);
    /* still paused, and the program goes on normally */
    assert_int_equal(interp_state(in), RUN_PAUSED);
    assert_int_equal(interp_advance(in, -1), RUN_DONE);
    assert_int_equal(interp_exit_status(in), 0);
    interp_free(in);
}

static void test_live_in_function_frame(void **state)
{
    (void)state;
    Interp *in = start("def f(p):\n    q = [p]\n    return q\nr = f(5)\n");
    /* pause inside f after `q = [p]` */
    assert_int_equal(interp_advance(in, 2), RUN_PAUSED);
    assert_int_equal(interp_frame_count(in), 2);
    /* the function's locals are its own; a new name becomes a global */
    live_ok(in, "q.append(p)\nkept = q");
    assert_string_equal(ev(in, "len(q)"), "2");
    assert_int_equal(interp_advance(in, -1), RUN_DONE);
    interp_free(in);
    in = start("def f(p):\n    q = [p]\n    return q\nr = f(5)\nprint(len(kept), r is kept)\n");
    interp_advance(in, 2);
    live_ok(in, "kept = q");
    interp_advance(in, 4);
    assert_string_equal(ev(in, "kept is r"), "True");
    interp_free(in);
}

static void test_live_calls_and_loops(void **state)
{
    (void)state;
    Interp *in = start("def g(n):\n    return [0] * n\nx = 1\ny = 2\n");
    interp_advance(in, 3);
    live_ok(in, "big = g(3)\nfor i in range(3):\n    big[i] = i");
    assert_string_equal(ev(in, "big"), "[0, 1, 2]");
    /* a runaway statement is stopped, and the program still goes on */
    StrBuf err = {0};
    assert_int_equal(interp_exec_live(in, "while True:\n    pass", &err), RUN_ERROR);
    assert_non_null(strstr(err.s, "stopped"));
    sb_free(&err);
    assert_int_equal(interp_advance(in, -1), RUN_DONE);
    interp_free(in);
}

static void test_live_at_start_and_after_end(void **state)
{
    (void)state;
    Interp *in = start("a = 1\n");
    live_ok(in, "early = [1]");   /* before the first line runs */
    assert_string_equal(ev(in, "early"), "[1]");
    assert_int_equal(interp_advance(in, -1), RUN_DONE);
    StrBuf err = {0};
    assert_int_equal(interp_exec_live(in, "late = 1", &err), RUN_DONE);
    assert_non_null(strstr(err.s, "ended"));
    sb_free(&err);
    interp_free(in);
}

/* A session on a script (its lesson in *l; both freed by session_done). */
static Session *session_on(const char *src, Lesson **l)
{
    *l = lesson_from_script("t.py", src);
    int st = 0;
    StrBuf err = {0};
    Session *s = session_new(*l, NULL, &err, &st);
    if (!s) print_error("%s", err.s ? err.s : "");
    assert_non_null(s);
    sb_free(&err);
    return s;
}

static void session_done(Session *s, Lesson *l)
{
    session_free(s);
    lesson_free(l);
}

static void test_session_replays_live(void **state)
{
    (void)state;
    const char *src = "import sys\na = [1]\nb = 2\nc = 3\nd = 4\n";
    Lesson *l;
    Session *s = session_on(src, &l);
    StrBuf err = {0};
    session_goto(s, 2);
    assert_int_equal(session_exec_live(s, "alias = a", &err, NULL), RUN_PAUSED);
    assert_int_equal(session_live_count(s), 1);
    session_goto(s, 4);
    StrBuf v = {0};
    interp_eval_repr(session_interp(s), "sys.getrefcount(a)", &v);
    assert_string_equal(v.s, "3");
    sb_clear(&v);
    /* back to step 3: a re-run, the live statement replayed after step 2 */
    session_goto(s, 3);
    interp_eval_repr(session_interp(s), "alias is a", &v);
    assert_string_equal(v.s, "True");
    sb_clear(&v);
    /* session_eval_at sees it too (questions are answered in that state) */
    assert_int_equal(session_eval_at(s, 4, "sys.getrefcount(a)", &v), 0);
    assert_string_equal(v.s, "3");
    sb_clear(&v);
    /* back past it: undone */
    session_goto(s, 1);
    session_live_drop_after(s, 1);
    assert_int_equal(session_live_count(s), 0);
    session_goto(s, 3);
    assert_int_equal(interp_eval_repr(session_interp(s), "alias", &v), -1);
    assert_string_equal(v.s, "NameError: name 'alias' is not defined");
    sb_free(&v);
    /* a statement that does not parse is not kept */
    sb_clear(&err);
    assert_int_equal(session_exec_live(s, "x = = 1", &err, NULL), RUN_ERROR);
    assert_int_equal(session_live_count(s), 0);
    /* the source the events quote has the live text after the program */
    sb_clear(&err);
    session_exec_live(s, "e = 5", &err, NULL);
    assert_int_equal(strncmp(session_source(s), src, strlen(src)), 0);
    assert_non_null(strstr(session_source(s) + strlen(src), "\ne = 5\n"));
    sb_free(&err);
    session_done(s, l);
}

/* The REPL's display: an expression statement typed live shows its repr
 * (nothing for None), as CPython 3.11's `python3 -i` does for the same
 * lines; one inside a function or a class body shows nothing. */
static void test_live_displays_repr(void **state)
{
    (void)state;
    Lesson *l;
    Session *s = session_on("import gc, sys\nx = [1]\ny = 2\n", &l);
    StrBuf err = {0};
    session_goto(s, 2);
    static const struct { const char *src, *out; } cases[] = {
        {"gc.collect()", "0\n"},
        {"None", ""},
        {"z = 5", ""},
        {"z", "5\n"},
        {"[1, 2]", "[1, 2]\n"},
        {"'a\\tb'", "'a\\tb'\n"},
        {"print('hi')", "hi\n"},
        {"for i in range(2): i", "0\n1\n"},
        {"def f():\n    7\n    return None\n", ""},
        {"f()", ""},
        {"class C:\n    5\n", ""},
        {"sys.getrefcount(x)", "2\n"},   /* showing x took no lasting reference */
        {"x", "[1]\n"},
        {"sys.getrefcount(x)", "2\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sb_clear(&err);
        RunState r = session_exec_live(s, cases[i].src, &err, NULL);
        if (r != RUN_PAUSED) print_error("%s: %s\n", cases[i].src, err.s ? err.s : "");
        assert_int_equal(r, RUN_PAUSED);
        const char *e = "x", *tb = "x";
        const char *out = session_live_result(s, session_live_count(s) - 1, &e, &tb);
        if (strcmp(out, cases[i].out)) print_error("%s: got [%s]\n", cases[i].src, out);
        assert_string_equal(out, cases[i].out);
        assert_null(e);
        assert_null(tb);
    }
    /* the step's own output is apart from the live statements' */
    assert_string_equal(session_output(s), "");
    /* going back and forth replays them; what they showed stays with them */
    session_goto(s, 1);
    session_goto(s, 3);
    assert_string_equal(session_live_result(s, 0, NULL, NULL), "0\n");
    sb_free(&err);
    session_done(s, l);
}

/* A live error: one line, and the whole traceback as the REPL prints it
 * (typed lines are "<stdin>", numbered within their statement). */
static void test_live_traceback(void **state)
{
    (void)state;
    Lesson *l;
    Session *s = session_on("def h():\n    return 1 / 0\na = 1\n", &l);
    StrBuf err = {0}, tb = {0};
    session_goto(s, 2);
    assert_int_equal(session_exec_live(s, "def g():\n    return 1/0\n", &err, &tb), RUN_PAUSED);
    assert_int_equal(session_exec_live(s, "g()", &err, &tb), RUN_ERROR);
    assert_string_equal(err.s, "ZeroDivisionError: division by zero");
    assert_string_equal(tb.s, "Traceback (most recent call last):\n"
                              "  File \"<stdin>\", line 1, in <module>\n"
                              "  File \"<stdin>\", line 2, in g\n"
                              "ZeroDivisionError: division by zero\n");
    const char *e = NULL, *t = NULL;
    session_live_result(s, 1, &e, &t);
    assert_string_equal(e, "ZeroDivisionError: division by zero");
    assert_string_equal(t, tb.s);
    /* a function of the program keeps its file and line */
    sb_clear(&err);
    sb_clear(&tb);
    assert_int_equal(session_exec_live(s, "h()", &err, &tb), RUN_ERROR);
    assert_string_equal(tb.s, "Traceback (most recent call last):\n"
                              "  File \"<stdin>\", line 1, in <module>\n"
                              "  File \"t.py\", line 2, in h\n"
                              "    return 1 / 0\n"
                              "ZeroDivisionError: division by zero\n");
    /* a syntax error as the REPL shows it */
    sb_clear(&err);
    sb_clear(&tb);
    assert_int_equal(session_exec_live(s, "1 +", &err, &tb), RUN_ERROR);
    assert_string_equal(err.s, "SyntaxError: invalid syntax");
    assert_string_equal(tb.s, "  File \"<stdin>\", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n");
    sb_free(&err);
    sb_free(&tb);
    session_done(s, l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_live_binds_a_global),
        cmocka_unit_test(test_live_events_logged),
        cmocka_unit_test(test_live_error_in_python_words),
        cmocka_unit_test(test_live_in_function_frame),
        cmocka_unit_test(test_live_calls_and_loops),
        cmocka_unit_test(test_live_at_start_and_after_end),
        cmocka_unit_test(test_session_replays_live),
        cmocka_unit_test(test_live_displays_repr),
        cmocka_unit_test(test_live_traceback),
    };
    return cmocka_run_group_tests_name("live", tests, NULL, NULL);
}
