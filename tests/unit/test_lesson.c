/* Unit tests for the lesson loader and validator (sim/lesson.c): a good lesson
 * with every field, the source forms, every error message format, line:col
 * after multi-byte characters, "did you mean", the size and nesting limits,
 * and that the expect-key table agrees with the schema and the guide. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "lesson.h"
#include "util.h"

static const char good[] =
    "{\n"
    "  \"$schema\": \"lesson.schema.json\",\n"
    "  \"id\": \"del-alias\",\n"
    "  \"title\": \"del and an alias\",\n"
    "  \"summary\": \"Why del does not free a list that another name holds.\",\n"
    "  \"source\": [\"import gc\", \"a = [1, 2]\", \"b = a\", \"del a\", \"print(b)\", \"gc.collect()\"],\n"
    "  \"steps\": [\n"
    "    {\"line\": 2, \"say\": \"A list.\", \"notes\": \"Point at the badge.\",\n"
    "     \"expect\": {\"refcount\": {\"a\": 2}, \"size\": {\"a\": 72}, \"live\": {\"list\": 1, \"int\": 2}}},\n"
    "    {\"line\": 3, \"line_end\": 4, \"say\": \"Alias, then del.\",\n"
    "     \"ask\": {\"question\": \"What is sys.getrefcount(b) now?\", \"answer\": \"sys.getrefcount(b)\"}},\n"
    "    {\"line\": 5, \"say\": \"Still there.\", \"expect\": {\"output\": \"[1, 2]\\n\", \"freed\": 0}},\n"
    "    {\"line\": 6, \"say\": \"Nothing to collect.\", \"expect\": {\"collected\": 0}}\n"
    "  ]\n"
    "}\n";

/* Parse text as "t.json"; return the lesson or NULL with the message in *msg
 * (caller frees). */
static Lesson *parse(const char *text, size_t len, char **msg)
{
    StrBuf err = {0};
    Lesson *l = lesson_parse("t.json", text, len, &err);
    *msg = sb_take(&err);
    return l;
}

/* Expect text to be refused with exactly want. */
static void assert_error(const char *text, const char *want)
{
    char *msg;
    Lesson *l = parse(text, strlen(text), &msg);
    if (l) fail_msg("accepted: %s", text);
    assert_string_equal(msg, want);
    free(msg);
}

/* A minimal valid lesson with STEP as its only step and a 3-line source. */
static char *with_step(const char *step)
{
    StrBuf b = {0};
    sb_printf(&b,
              "{\"id\": \"x\", \"title\": \"T\", \"summary\": \"\", \"source\": \"a = 1\\nb = a\\ndel a\\n\","
              " \"steps\": [%s]}",
              step);
    return sb_take(&b);
}

static void assert_step_error(const char *step, const char *want)
{
    char *text = with_step(step);
    assert_error(text, want);
    free(text);
}

/* ---- good lessons ---- */

static void test_good_lesson_all_fields(void **state)
{
    (void)state;
    char *msg;
    Lesson *l = parse(good, strlen(good), &msg);
    if (!l) fail_msg("refused: %s", msg);
    free(msg);
    assert_string_equal(l->path, "t.json");
    assert_string_equal(l->id, "del-alias");
    assert_string_equal(l->title, "del and an alias");
    assert_string_equal(l->summary, "Why del does not free a list that another name holds.");
    assert_string_equal(l->source, "import gc\na = [1, 2]\nb = a\ndel a\nprint(b)\ngc.collect()\n");
    assert_int_equal(l->nlines, 6);
    assert_int_equal(l->nsteps, 4);

    LessonStep *s = &l->steps[0];
    assert_int_equal(s->line, 2);
    assert_int_equal(s->line_end, 2);
    assert_string_equal(s->say, "A list.");
    assert_string_equal(s->notes, "Point at the badge.");
    assert_true(s->has_expect);
    assert_int_equal(s->expect.nrefcount, 1);
    assert_string_equal(s->expect.refcount[0].name, "a");
    assert_int_equal(s->expect.refcount[0].value, 2);
    assert_int_equal(s->expect.nsize, 1);
    assert_int_equal(s->expect.size[0].value, 72);
    assert_int_equal(s->expect.nlive, 2);
    assert_string_equal(s->expect.live[0].name, "list");
    assert_int_equal(s->expect.live[0].value, 1);
    assert_string_equal(s->expect.live[1].name, "int");
    assert_int_equal(s->expect.live[1].value, 2);
    assert_false(s->expect.has_output);
    assert_null(s->expect.output);
    assert_false(s->expect.has_collected);
    assert_false(s->expect.has_freed);
    assert_null(s->ask_question);

    s = &l->steps[1];
    assert_int_equal(s->line, 3);
    assert_int_equal(s->line_end, 4);
    assert_null(s->notes);
    assert_false(s->has_expect);
    assert_string_equal(s->ask_question, "What is sys.getrefcount(b) now?");
    assert_string_equal(s->ask_answer, "sys.getrefcount(b)");

    s = &l->steps[2];
    assert_true(s->has_expect);
    assert_true(s->expect.has_output);
    assert_string_equal(s->expect.output, "[1, 2]\n");
    assert_true(s->expect.has_freed);
    assert_int_equal(s->expect.freed, 0);
    assert_int_equal(s->expect.nrefcount, 0);

    s = &l->steps[3];
    assert_true(s->expect.has_collected);
    assert_int_equal(s->expect.collected, 0);
    lesson_free(l);
}

static void test_source_forms(void **state)
{
    (void)state;
    char *msg;
    const char *arr = "{\"id\":\"a\",\"title\":\"T\",\"summary\":\"s\",\"source\":[\"x = 1\",\"\",\"y = x\"],"
                      "\"steps\":[{\"line\":3,\"say\":\"s\"}]}";
    Lesson *l = parse(arr, strlen(arr), &msg);
    assert_non_null(l);
    assert_string_equal(l->source, "x = 1\n\ny = x\n");
    assert_int_equal(l->nlines, 3);
    lesson_free(l);
    free(msg);

    /* a string without a final newline gets one */
    const char *str = "{\"id\":\"a\",\"title\":\"T\",\"summary\":\"s\",\"source\":\"x = 1\\ny = x\","
                      "\"steps\":[{\"line\":2,\"say\":\"s\"}]}";
    l = parse(str, strlen(str), &msg);
    assert_non_null(l);
    assert_string_equal(l->source, "x = 1\ny = x\n");
    assert_int_equal(l->nlines, 2);
    lesson_free(l);
    free(msg);
}

static void test_text_need_not_be_terminated(void **state)
{
    (void)state;
    size_t n = strlen(good);
    char *copy = malloc(n);
    memcpy(copy, good, n); /* no NUL: ASan catches any read past the end */
    char *msg;
    Lesson *l = parse(copy, n, &msg);
    assert_non_null(l);
    lesson_free(l);
    free(msg);
    free(copy);
}

static void test_integers_like_json_schema(void **state)
{
    (void)state;
    char *msg;
    char *text = with_step("{\"line\": 2.0, \"line_end\": 3e0, \"say\": \"s\", \"expect\": {\"size\": {\"a\": 8448728}}}");
    Lesson *l = parse(text, strlen(text), &msg);
    if (!l) fail_msg("refused: %s", msg);
    assert_int_equal(l->steps[0].line, 2);
    assert_int_equal(l->steps[0].line_end, 3);
    assert_int_equal(l->steps[0].expect.size[0].value, 8448728);
    lesson_free(l);
    free(msg);
    free(text);
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"size\": {\"a\": 1e300}}}",
                      "t.json: steps[0].expect.size.a: integer out of range");
    assert_step_error("{\"line\": 1.5, \"say\": \"s\"}", "t.json: steps[0].line: expected an integer");
}

/* ---- schema errors ---- */

static void test_type_errors(void **state)
{
    (void)state;
    assert_error("[]", "t.json: expected a JSON object (the lesson) at the top level");
    assert_error("{\"id\": 1, \"title\": \"T\", \"summary\": \"\", \"source\": \"\", \"steps\": []}",
                 "t.json: id: expected a string");
    assert_error("{\"id\": \"x\", \"title\": null, \"summary\": \"\", \"source\": \"\", \"steps\": []}",
                 "t.json: title: expected a string");
    assert_error("{\"id\": \"x\", \"title\": \"T\", \"summary\": \"\", \"source\": [\"a\", {}], \"steps\": []}",
                 "t.json: source[1]: expected a string (one line of the source)");
    assert_error("{\"id\": \"x\", \"title\": \"T\", \"summary\": \"\", \"source\": \"a\\n\", \"steps\": {}}",
                 "t.json: steps: expected an array of steps");
    assert_step_error("{\"line\": \"1\", \"say\": \"s\"}", "t.json: steps[0].line: expected an integer");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"notes\": 4}", "t.json: steps[0].notes: expected a string");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"refcount\": {\"a\": \"2\"}}}",
                      "t.json: steps[0].expect.refcount.a: expected an integer");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"live\": {\"my list\": true}}}",
                      "t.json: steps[0].expect.live[\"my list\"]: expected an integer");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"output\": []}}",
                      "t.json: steps[0].expect.output: expected a string");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"ask\": {\"question\": \"q\", \"answer\": 2}}",
                      "t.json: steps[0].ask.answer: expected a string");
    assert_step_error("7", "t.json: steps[0]: expected an object (a step)");
}

static void test_missing_keys(void **state)
{
    (void)state;
    assert_error("{\"id\": \"x\", \"title\": \"T\", \"summary\": \"\", \"source\": \"\"}", "t.json: missing \"steps\"");
    assert_step_error("{\"line\": 1}", "t.json: steps[0]: missing \"say\"");
    assert_step_error("{\"say\": \"s\"}", "t.json: steps[0]: missing \"line\"");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"ask\": {\"question\": \"q\"}}",
                      "t.json: steps[0].ask: missing \"answer\"");
}

static void test_unknown_keys_and_suggestions(void **state)
{
    (void)state;
    assert_step_error("{\"line\": 1, \"sya\": \"s\"}", "t.json: steps[0]: unknown key \"sya\" (did you mean \"say\"?)");
    assert_step_error("{\"lien\": 1, \"say\": \"s\"}", "t.json: steps[0]: unknown key \"lien\" (did you mean \"line\"?)");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"exepct\": {}}",
                      "t.json: steps[0]: unknown key \"exepct\" (did you mean \"expect\"?)");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"lineend\": 2}",
                      "t.json: steps[0]: unknown key \"lineend\" (did you mean \"line_end\"?)");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"refcnt\": {}}}",
                      "t.json: steps[0].expect: unknown key \"refcnt\" (did you mean \"refcount\"?)");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"collect\": 2}}",
                      "t.json: steps[0].expect: unknown key \"collect\" (did you mean \"collected\"?)");
    /* too far from everything: no suggestion */
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"bytes\": 2}}",
                      "t.json: steps[0].expect: unknown key \"bytes\"");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"xy\": 2}", "t.json: steps[0]: unknown key \"xy\"");
    /* an expect key one level too high */
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"output\": \"\"}",
                      "t.json: steps[0]: unknown key \"output\" (it belongs inside \"expect\")");
    assert_error("{\"id\": \"x\", \"Title\": \"T\"}", "t.json: unknown key \"Title\" (did you mean \"title\"?)");
    /* odd key text is quoted and shortened, the message stays one line */
    assert_error("{\"a\\nb\\\"c\": 1}", "t.json: unknown key \"a\\nb\\\"c\"");
    assert_error("{\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": 1}",
                 "t.json: unknown key \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"");
}

static void test_duplicate_keys(void **state)
{
    (void)state;
    assert_error("{\"id\": \"x\", \"id\": \"y\"}", "t.json: duplicate key \"id\"");
    /* the repeat that comes first in the file is named */
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"live\": {\"z\": 1, \"b\": 1, \"b\": 2, \"z\": 3}}}",
                      "t.json: steps[0].expect.live: duplicate key \"b\"");
}

static void test_values(void **state)
{
    (void)state;
    assert_step_error("{\"line\": 0, \"say\": \"s\"}", "t.json: steps[0].line: expected an integer >= 1, got 0");
    assert_step_error("{\"line\": -4, \"say\": \"s\"}", "t.json: steps[0].line: expected an integer >= 1, got -4");
    assert_step_error("{\"line\": 9, \"say\": \"s\"}", "t.json: steps[0].line: line 9 is outside the source (3 lines)");
    assert_step_error("{\"line\": 2, \"line_end\": 1, \"say\": \"s\"}",
                      "t.json: steps[0].line_end: line_end 1 is before line 2");
    assert_step_error("{\"line\": 2, \"line_end\": 4, \"say\": \"s\"}",
                      "t.json: steps[0].line_end: line 4 is outside the source (3 lines)");
    assert_step_error("{\"line\": 1, \"say\": \"\"}", "t.json: steps[0].say: must not be empty");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"freed\": -1}}",
                      "t.json: steps[0].expect.freed: expected an integer >= 0, got -1");
    assert_step_error("{\"line\": 1, \"say\": \"s\", \"expect\": {\"refcount\": {\"\": 2}}}",
                      "t.json: steps[0].expect.refcount: empty name");
    assert_error("{\"id\": \"Big Id\", \"title\": \"T\", \"summary\": \"\", \"source\": \"\", \"steps\": []}",
                 "t.json: id: \"Big Id\" is not a valid id (use only a-z, 0-9 and -)");
    assert_error("{\"id\": \"x\", \"title\": \"T\", \"summary\": \"\", \"source\": \"a\\n\", \"steps\": []}",
                 "t.json: steps: expected at least one step");
    assert_error("{\"id\": \"x\", \"title\": \"T\", \"summary\": \"\", \"source\": [\"a\"],"
                 " \"steps\": [{\"line\": 2, \"say\": \"s\"}]}",
                 "t.json: steps[0].line: line 2 is outside the source (1 line)");
}

static void test_step_limit(void **state)
{
    (void)state;
    for (int n = 1000; n <= 1001; n++) {
        StrBuf b = {0};
        sb_puts(&b, "{\"id\": \"x\", \"title\": \"T\", \"summary\": \"\", \"source\": \"a = 1\\n\", \"steps\": [");
        for (int i = 0; i < n; i++) sb_printf(&b, "%s{\"line\": 1, \"say\": \"s\"}", i ? "," : "");
        sb_puts(&b, "]}");
        char *msg;
        Lesson *l = parse(b.s, b.len, &msg);
        if (n == 1000) {
            assert_non_null(l);
            assert_int_equal(l->nsteps, 1000);
        } else {
            assert_null(l);
            assert_string_equal(msg, "t.json: steps: too many steps (1001, limit 1000)");
        }
        lesson_free(l);
        free(msg);
        sb_free(&b);
    }
}

/* ---- syntax and bytes ---- */

static void test_syntax_errors(void **state)
{
    (void)state;
    assert_error("", "t.json: file is empty");
    assert_error("  \n", "t.json:2:1: unexpected end of file");
    assert_error("{\n  \"id\": \"x\"\n  \"title\": 1}", "t.json:3:3: expected ',' or '}', found '\"'");
    assert_error("{\"id\": \"x\",}", "t.json:1:11: trailing comma before '}'");
    assert_error("[1, 2,\n ]", "t.json:1:6: trailing comma before ']'");
    assert_error("{\"id\": \"x\"} {}", "t.json:1:13: trailing characters after the lesson");
    assert_error("{\"id\": \"x", "t.json:1:8: unterminated string");
    assert_error("{\"id\" 1}", "t.json:1:7: expected ':' after the key, found '1'");
    assert_error("{\"id\": None}", "t.json:1:8: JSON spells None as null");
    assert_error("{\"id\": tru}", "t.json:1:8: invalid value 'tru' (a string needs double quotes)");
    assert_error("{\"n\": 01}", "t.json:1:7: invalid number (no leading zeros in JSON)");
    assert_error("{\"n\": 1.}", "t.json:1:7: invalid number (digits needed after '.')");
    assert_error("{\"n\": -}", "t.json:1:7: invalid number");
    assert_error("{\"n\": \"a\\x\"}", "t.json:1:9: invalid escape in string: backslash followed by 'x'");
    assert_error("{\"n\": \"\\udc00\"}", "t.json:1:8: unpaired surrogate in \\u escape");
    assert_error("{\"n\": \"a\x01\"}", "t.json:1:9: control character U+0001 in string (write \\u0001)");
    assert_error("\xEF\xBB\xBF{}", "t.json:1:1: UTF-8 byte order mark at the start (save the file without it)");
    assert_error("{\"n\": @}", "t.json:1:7: unexpected '@'");
    /* a surrogate pair escape is fine (the schema error shows it got parsed) */
    assert_error("{\"n\": \"\\ud83d\\ude00\"}", "t.json: unknown key \"n\"");
}

static void test_line_col_counts_code_points(void **state)
{
    (void)state;
    /* é (2 bytes), ☕ (3 bytes) and 𝄞 (4 bytes) are one column each */
    assert_error("{\"say\": \"é☕𝄞\" 1}", "t.json:1:15: expected ',' or '}', found '1'");
    assert_error("{\n\"é\": \"☕\",\n  \"𝄞𝄞\": 1 2}", "t.json:3:11: expected ',' or '}', found '2'");
    /* a non-ASCII character where it does not belong is named by code point */
    assert_error("{\"a\": 1 ☕}", "t.json:1:9: expected ',' or '}', found character U+2615");
}

static void test_bytes(void **state)
{
    (void)state;
    assert_error("{\"title\": \"caf\xE9\"}", "t.json:1:15: invalid UTF-8");
    assert_error("{\n\"é\": \"\xC0\xAF\"}", "t.json:2:7: invalid UTF-8");          /* overlong */
    assert_error("{\"a\": \"\xF4\x90\x80\x80\"}", "t.json:1:8: invalid UTF-8");     /* > U+10FFFF */
    assert_error("{\"a\": \"\xE2\x98\"}", "t.json:1:8: invalid UTF-8");             /* truncated */
    char *msg;
    const char elf[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00";
    assert_null(parse(elf, sizeof elf - 1, &msg));
    assert_string_equal(msg, "t.json:1:8: NUL byte (is this a binary file?)");
    free(msg);
}

static void test_size_and_nesting_limits(void **state)
{
    (void)state;
    char *msg;
    size_t big = 3u << 20;
    char *bomb = malloc(big);
    memset(bomb, '[', big);
    clock_t t0 = clock();
    assert_null(parse(bomb, big, &msg));
    assert_string_equal(msg, "t.json: lesson too large (3145728 bytes, limit 1048576)");
    free(msg);
    /* just under the limit: the nesting limit stops it, fast, no deep recursion */
    assert_null(parse(bomb, LESSON_MAX_BYTES - 1, &msg));
    assert_string_equal(msg, "t.json:1:1001: nesting too deep (more than 1000 levels)");
    free(msg);
    assert_null(parse(bomb, LESSON_MAX_BYTES + 1, &msg));
    assert_string_equal(msg, "t.json: lesson too large (1048577 bytes, limit 1048576)");
    free(msg);
    const char *scale = getenv("MEMTUTOR_TIME_SCALE"); /* CI sets it under valgrind */
    double k = scale && atof(scale) > 0 ? atof(scale) : 1.0;
    free(bomb);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0 * k);

    /* exactly 1000 levels is JSON we accept (it is then not a lesson) */
    StrBuf b = {0};
    for (int i = 0; i < 1000; i++) sb_putc(&b, '[');
    for (int i = 0; i < 1000; i++) sb_putc(&b, ']');
    assert_error(b.s, "t.json: expected a JSON object (the lesson) at the top level");
    sb_clear(&b);
    for (int i = 0; i < 1001; i++) sb_puts(&b, "{\"a\":");
    assert_error(b.s, "t.json:1:5001: nesting too deep (more than 1000 levels)");
    sb_free(&b);
}

/* Every prefix of a good lesson is refused with one line, never a crash. */
static void test_every_prefix_fails_cleanly(void **state)
{
    (void)state;
    size_t n = strlen(good);
    for (size_t k = 0; k < n; k++) {
        char *msg;
        char *copy = malloc(k ? k : 1);
        memcpy(copy, good, k);
        Lesson *l = parse(copy, k, &msg);
        /* the text minus its last newline is still the whole lesson */
        if (k == n - 1) {
            assert_non_null(l);
        } else {
            assert_null(l);
            assert_true(strncmp(msg, "t.json", 6) == 0);
            assert_null(strchr(msg, '\n'));
        }
        lesson_free(l);
        free(msg);
        free(copy);
    }
}

/* ---- files ---- */

static void test_load_file(void **state)
{
    (void)state;
    StrBuf err = {0};
    assert_null(lesson_load_file("/nonexistent/x.json", &err));
    assert_string_equal(err.s, "/nonexistent/x.json: no such file");
    sb_clear(&err);
    assert_null(lesson_load_file("/tmp", &err));
    assert_string_equal(err.s, "/tmp: is a directory");
    sb_clear(&err);

    char path[] = "/tmp/test_lesson_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(good, f);
    fclose(f);
    Lesson *l = lesson_load_file(path, &err);
    assert_non_null(l);
    assert_string_equal(l->path, path);
    assert_int_equal(l->nsteps, 4);
    lesson_free(l);

    f = fopen(path, "w");
    for (int i = 0; i < 1100; i++) {
        char kb[1024];
        memset(kb, ' ', sizeof kb);
        fwrite(kb, 1, sizeof kb, f);
    }
    fclose(f);
    assert_null(lesson_load_file(path, &err));
    StrBuf want = {0};
    sb_printf(&want, "%s: lesson too large (1126400 bytes, limit 1048576)", path);
    assert_string_equal(err.s, want.s);
    sb_free(&want);
    unlink(path);
    sb_free(&err);
}

static void test_from_script(void **state)
{
    (void)state;
    Lesson *l = lesson_from_script("examples/My_Cycle.py", "a = []\na.append(a)");
    assert_string_equal(l->id, "my-cycle");
    assert_string_equal(l->title, "My_Cycle.py");
    assert_string_equal(l->summary, "");
    assert_string_equal(l->source, "a = []\na.append(a)\n");
    assert_int_equal(l->nlines, 2);
    assert_int_equal(l->nsteps, 0);
    for (int i = 0; i < 100; i++) {
        LessonStep *s = lesson_add_step(l, 1 + i % 2, 0);
        assert_string_equal(s->say, "");
        assert_int_equal(s->line_end, s->line);
    }
    assert_int_equal(l->nsteps, 100);
    assert_int_equal(l->steps[99].line, 2);
    lesson_free(l);

    l = lesson_from_script(".py", "");
    assert_string_equal(l->id, "script");
    assert_int_equal(l->nlines, 0);
    lesson_free(l);
}

static void test_unique_ids(void **state)
{
    (void)state;
    Lesson *a = lesson_from_script("lessons/one.py", "");
    Lesson *b = lesson_from_script("lessons/two.py", "");
    Lesson *c = lesson_from_script("other/one.py", "");
    StrBuf err = {0};
    Lesson *ok[] = {a, b};
    assert_int_equal(lesson_check_unique_ids(ok, 2, &err), 0);
    Lesson *dup[] = {a, b, c};
    assert_int_equal(lesson_check_unique_ids(dup, 3, &err), -1);
    assert_string_equal(err.s, "other/one.py: id \"one\" is already used by lessons/one.py");
    sb_free(&err);
    lesson_free(a);
    lesson_free(b);
    lesson_free(c);
}

/* ---- the expect table agrees with the schema and the guide ---- */

static char *slurp(const char *path)
{
    size_t len;
    const char *why;
    return read_file_limited(path, 1 << 20, &len, &why);
}

static void test_expect_table_documented(void **state)
{
    (void)state;
    char *schema_text = slurp("lessons/lesson.schema.json");
    char *readme = slurp("lessons/README.md");
    if (!schema_text || !readme) {
        free(schema_text);
        free(readme);
        skip(); /* not run from the top of the tree */
    }
    cJSON *schema = cJSON_Parse(schema_text);
    assert_non_null(schema);
    const cJSON *defs = cJSON_GetObjectItemCaseSensitive(schema, "$defs");
    const cJSON *expect = cJSON_GetObjectItemCaseSensitive(defs, "expect");
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(expect, "properties");
    assert_non_null(props);
    size_t n;
    const LessonExpectKey *keys = lesson_expect_keys(&n);
    assert_int_equal((size_t)cJSON_GetArraySize(props), n);
    for (size_t i = 0; i < n; i++) {
        const cJSON *p = cJSON_GetObjectItemCaseSensitive(props, keys[i].name);
        if (!p) fail_msg("schema lacks expect key %s", keys[i].name);
        const cJSON *desc = cJSON_GetObjectItemCaseSensitive(p, "description");
        assert_non_null(desc);
        assert_string_equal(desc->valuestring, keys[i].description);
        const char *type = cJSON_GetObjectItemCaseSensitive(p, "type")->valuestring;
        const cJSON *num = p;
        switch (keys[i].kind) {
        case LESSON_EXPECT_INT: assert_string_equal(type, "integer"); break;
        case LESSON_EXPECT_STRING: assert_string_equal(type, "string"); break;
        case LESSON_EXPECT_NAME_INTS:
            assert_string_equal(type, "object");
            num = cJSON_GetObjectItemCaseSensitive(p, "additionalProperties");
            break;
        }
        if (keys[i].kind != LESSON_EXPECT_STRING) {
            const cJSON *min = cJSON_GetObjectItemCaseSensitive(num, "minimum");
            assert_non_null(min);
            assert_int_equal((long)min->valuedouble, keys[i].min);
        }
        char row[64];
        snprintf(row, sizeof row, "| `%s` |", keys[i].name);
        if (!strstr(readme, row)) fail_msg("lessons/README.md has no row %s", row);
    }
    cJSON_Delete(schema);
    free(schema_text);
    free(readme);
}

/* The worked example in the guide is a valid lesson. */
static void test_readme_example_parses(void **state)
{
    (void)state;
    char *readme = slurp("lessons/README.md");
    if (!readme) skip();
    char *start = strstr(readme, "```json\n");
    assert_non_null(start);
    start += strlen("```json\n");
    char *end = strstr(start, "```");
    assert_non_null(end);
    StrBuf err = {0};
    Lesson *l = lesson_parse("lessons/README.md", start, (size_t)(end - start), &err);
    if (!l) fail_msg("%s", err.s);
    assert_string_equal(l->id, "del-alias");
    lesson_free(l);
    sb_free(&err);
    free(readme);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_lesson_all_fields),
        cmocka_unit_test(test_source_forms),
        cmocka_unit_test(test_text_need_not_be_terminated),
        cmocka_unit_test(test_integers_like_json_schema),
        cmocka_unit_test(test_type_errors),
        cmocka_unit_test(test_missing_keys),
        cmocka_unit_test(test_unknown_keys_and_suggestions),
        cmocka_unit_test(test_duplicate_keys),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_step_limit),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_line_col_counts_code_points),
        cmocka_unit_test(test_bytes),
        cmocka_unit_test(test_size_and_nesting_limits),
        cmocka_unit_test(test_every_prefix_fails_cleanly),
        cmocka_unit_test(test_load_file),
        cmocka_unit_test(test_from_script),
        cmocka_unit_test(test_unique_ids),
        cmocka_unit_test(test_expect_table_documented),
        cmocka_unit_test(test_readme_example_parses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
