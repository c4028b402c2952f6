/* Unit tests for navigation (tui/nav.c: the count before G, `/` search
 * with its wrap and smart case, the step at a source line, the outline's
 * selection) and for playing a question as autoplay and record do
 * (tui/teach.c: question, the simulator's answer, narration), on the
 * built-in lesson names-and-references. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "nav.h"
#include "session.h"
#include "teach.h"

typedef struct {
    Lesson *l;
    Session *s;
} Fix;

static int setup(void **state)
{
    StrBuf err = {0};
    int st = 0;
    Fix *f = calloc(1, sizeof *f);
    f->l = session_load_target("names-and-references", &err, &st);
    assert_non_null(f->l);
    f->s = session_new(f->l, NULL, &err, &st);
    assert_non_null(f->s);
    sb_free(&err);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fix *f = *state;
    session_free(f->s);
    lesson_free(f->l);
    free(f);
    return 0;
}

static void test_count(void **state)
{
    (void)state;
    Nav n = {0};
    assert_int_equal(nav_take_count(&n), 0);
    nav_digit(&n, 1);
    nav_digit(&n, 2);
    assert_int_equal(nav_take_count(&n), 12);
    assert_int_equal(nav_take_count(&n), 0);   /* taken once */
    for (int i = 0; i < 12; i++) nav_digit(&n, 9);
    assert_true(nav_take_count(&n) <= 10000000);   /* bounded, no overflow */
}

static void test_find_forward_back_and_wrap(void **state)
{
    Fix *f = *state;
    int w = 0;
    /* getrefcount: the source lines of steps 2, 4, 5, 6, 8 and the
       narration or question of steps 2, 3, 4 */
    assert_int_equal(nav_find(f->l, f->s, "getrefcount", 0, 1, &w), 2);
    assert_false(w);
    assert_int_equal(nav_find(f->l, f->s, "getrefcount", 2, 1, &w), 3);
    assert_int_equal(nav_find(f->l, f->s, "getrefcount", 8, 1, &w), 2);
    assert_true(w);
    assert_int_equal(nav_find(f->l, f->s, "getrefcount", 2, -1, &w), 8);
    assert_true(w);
    assert_int_equal(nav_find(f->l, f->s, "getrefcount", 6, -1, &w), 5);
    assert_false(w);
    assert_int_equal(nav_find(f->l, f->s, "no such text zqx", 0, 1, &w), 0);
    assert_false(w);
    assert_int_equal(nav_find(f->l, f->s, "", 0, 1, &w), 0);
}

static void test_find_smart_case(void **state)
{
    Fix *f = *state;
    int w = 0;
    /* step 1's narration: "Python builds a list object ..." */
    assert_int_equal(nav_find(f->l, f->s, "python builds", 0, 1, &w), 1);
    assert_int_equal(nav_find(f->l, f->s, "Python builds", 0, 1, &w), 1);
    assert_int_equal(nav_find(f->l, f->s, "PYTHON builds", 0, 1, &w), 0);   /* a capital: exact case */
}

static void test_search_run_messages(void **state)
{
    Fix *f = *state;
    Nav n = {0};
    assert_int_equal(nav_search_run(&n, f->l, f->s, 0, 1), 0);
    assert_string_equal(n.msg, "no previous search: / searches");
    strcpy(n.last, "getrefcount");
    assert_int_equal(nav_search_run(&n, f->l, f->s, 8, 1), 2);
    assert_string_equal(n.msg, "/getrefcount: search hit BOTTOM, continuing at TOP");
    strcpy(n.last, "zqx");
    assert_int_equal(nav_search_run(&n, f->l, f->s, 3, -1), 0);
    assert_string_equal(n.msg, "not found: zqx");
    nav_free(&n);
    assert_null(n.msg);
}

static void test_search_field(void **state)
{
    (void)state;
    Nav n = {0};
    int sub = 0;
    ScreenKey k = {.code = SK_CHAR};
    assert_false(nav_search_key(&n, &k, &sub));   /* closed: keys pass */
    nav_search_open(&n);
    k.ch = 'a';
    assert_true(nav_search_key(&n, &k, &sub));
    k.ch = 'b';
    nav_search_key(&n, &k, &sub);
    ScreenKey enter = {.code = SK_ENTER};
    assert_true(nav_search_key(&n, &enter, &sub));
    assert_true(sub);
    assert_string_equal(n.last, "ab");
    assert_false(n.searching);
    nav_search_open(&n);
    ScreenKey bs = {.code = SK_BACKSPACE};
    assert_true(nav_search_key(&n, &bs, &sub));   /* erasing past the start: cancelled */
    assert_false(n.searching);
    assert_false(sub);
    assert_string_equal(n.last, "ab");
}

static void test_step_at_line(void **state)
{
    Fix *f = *state;
    assert_int_equal(nav_step_at_line(f->l, f->s, 2), 1);
    assert_int_equal(nav_step_at_line(f->l, f->s, 7), 5);
    assert_int_equal(nav_step_at_line(f->l, f->s, 8), 0);   /* def peek(x): no step */
    assert_int_equal(nav_step_at_line(f->l, f->s, 99), 0);
}

static void test_outline_moves(void **state)
{
    (void)state;
    Nav n = {0};
    nav_outline_open(&n, 0, 8);
    assert_true(n.outline);
    assert_int_equal(n.out_sel, 1);   /* at step 0: the first step */
    nav_outline_move(&n, 3, 8);
    assert_int_equal(n.out_sel, 4);
    nav_outline_move(&n, 100, 8);
    assert_int_equal(n.out_sel, 8);
    nav_outline_move(&n, -100, 8);
    assert_int_equal(n.out_sel, 1);
    nav_outline_open(&n, 6, 8);
    assert_int_equal(n.out_sel, 6);
}

/* A Teach on the fixture's lesson, at step 2 (its question asked). */
static void teach_at_question(Fix *f, Teach *t)
{
    teach_init(t);
    teach_open(t, f->s, f->l);
    session_goto(f->s, 2);
    teach_stepped(t, f->s, f->l);
    assert_true(teach_asking(t, f->s));
}

static void test_question_plays(void **state)
{
    Fix *f = *state;
    Teach t;
    teach_at_question(f, &t);
    assert_true(teach_play_pending(&t, f->s));
    ViewPara p[16];
    int n = 0;
    assert_int_equal(teach_play_advance(&t, f->s, f->l), 100);   /* the question alone */
    assert_false(teach_asking(&t, f->s));
    assert_int_equal(teach_question_paras(&t, f->s, f->l, p, &n, 16), 1);   /* narration hidden */
    assert_string_equal(p[1].text, "answer: …");
    assert_int_equal(teach_play_advance(&t, f->s, f->l), 50);    /* its answer */
    n = 0;
    assert_int_equal(teach_question_paras(&t, f->s, f->l, p, &n, 16), 1);
    assert_string_equal(p[1].text, "sys.getrefcount(a) returns 2");
    assert_int_equal(teach_play_advance(&t, f->s, f->l), 100);   /* with the narration */
    n = 0;
    assert_int_equal(teach_question_paras(&t, f->s, f->l, p, &n, 16), 0);
    assert_false(teach_play_pending(&t, f->s));
    assert_int_equal(teach_play_advance(&t, f->s, f->l), 0);
    /* a step without a question plays nothing */
    session_goto(f->s, 1);
    teach_stepped(&t, f->s, f->l);
    assert_int_equal(teach_play_advance(&t, f->s, f->l), 0);
    /* stopped while the question shows alone: it waits for an answer */
    session_goto(f->s, 3);
    teach_stepped(&t, f->s, f->l);
    assert_int_equal(teach_play_advance(&t, f->s, f->l), 100);
    teach_play_stop(&t, f->s);
    assert_true(teach_asking(&t, f->s));
    teach_free(&t);
}

static void test_count_typed_at_a_question(void **state)
{
    Fix *f = *state;
    Teach t;
    teach_at_question(f, &t);
    int lv = 0, sc = 0;
    ScreenKey d = {.code = SK_CHAR, .ch = '7'};
    assert_true(teach_text_key(&t, f->s, f->l, &d, &lv, &sc));   /* a digit: the answer field */
    ScreenKey G = {.code = SK_CHAR, .ch = 'G'};
    assert_int_equal(teach_take_count(&t, f->s, &G), 7);
    assert_int_equal(t.answer.len, 0);
    ScreenKey x = {.code = SK_CHAR, .ch = 'x'};
    assert_int_equal(teach_take_count(&t, f->s, &x), 0);
    teach_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count),
        cmocka_unit_test_setup_teardown(test_find_forward_back_and_wrap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find_smart_case, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_run_messages, setup, teardown),
        cmocka_unit_test(test_search_field),
        cmocka_unit_test_setup_teardown(test_step_at_line, setup, teardown),
        cmocka_unit_test(test_outline_moves),
        cmocka_unit_test_setup_teardown(test_question_plays, setup, teardown),
        cmocka_unit_test_setup_teardown(test_count_typed_at_a_question, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
