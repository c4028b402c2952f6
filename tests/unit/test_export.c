/* Unit tests for tui/export: the HTML/XML escaping of lesson text and the
 * safe writing of outputs (temporary file beside the target, renamed; the
 * input and directories refused; failures leave the old file). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"

static void escaped(const char *in, size_t len, const char *want)
{
    StrBuf b = {0};
    export_escape(&b, in, len);
    assert_string_equal(b.s ? b.s : "", want);
    sb_free(&b);
}

static void test_escape(void **state)
{
    (void)state;
    escaped("a<b>&\"c'", 8, "a&lt;b&gt;&amp;&quot;c&#39;");
    escaped("</script>", 9, "&lt;/script&gt;");
    escaped("]]>", 3, "]]&gt;");
    escaped("line\nnext\ttab", 13, "line\nnext\ttab");
    escaped("crlf\r\nx", 7, "crlf\nx");
    /* controls, DEL, a C1 control, an invalid byte, a NUL: U+FFFD each */
    escaped("\x1b[31m", 5, "\xef\xbf\xbd[31m");
    escaped("\x7f", 1, "\xef\xbf\xbd");
    escaped("\xc2\x85", 2, "\xef\xbf\xbd");
    escaped("\xff", 1, "\xef\xbf\xbd");
    escaped("a\0b", 3, "a\xef\xbf\xbd" "b");
    /* noncharacters (not allowed in XML) and bidi overrides */
    escaped("\xef\xbf\xbe", 3, "\xef\xbf\xbd");
    escaped("\xe2\x80\xae", 3, "\xef\xbf\xbd");
    /* ordinary text, also wide and astral, passes */
    escaped("λ 漢 \xf0\x9f\x90\x8d", strlen("λ 漢 \xf0\x9f\x90\x8d"), "λ 漢 \xf0\x9f\x90\x8d");
}

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/memtutor-export-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *path_in(const char *name)
{
    static char p[4][128];
    static int i;
    i = (i + 1) % 4;
    snprintf(p[i], sizeof p[i], "%s/%s", dir, name);
    return p[i];
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    static char buf[256];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.' || (e->d_name[1] && strcmp(e->d_name, ".."));
    closedir(d);
    return n;
}

static void test_write_new_and_replace(void **state)
{
    (void)state;
    StrBuf err = {0};
    char *out = path_in("out.html");
    assert_int_equal(export_write_file(out, NULL, "one", 3, &err), 0);
    assert_string_equal(slurp(out), "one");
    chmod(out, 0640);
    assert_int_equal(export_write_file(out, NULL, "two", 3, &err), 0);
    assert_string_equal(slurp(out), "two");
    struct stat st;
    assert_int_equal(stat(out, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_int_equal(entries(), 1);   /* no temporary file left */
    assert_null(err.s);
}

static void test_write_refuses(void **state)
{
    (void)state;
    StrBuf err = {0};
    char *in = path_in("lesson.json");
    put(in, "{}");
    assert_int_equal(export_write_file(in, in, "x", 1, &err), -1);
    assert_non_null(strstr(err.s, "is the input"));
    assert_string_equal(slurp(in), "{}");
    sb_clear(&err);
    char *link = path_in("link.html");
    assert_int_equal(symlink("lesson.json", link), 0);
    assert_int_equal(export_write_file(link, in, "x", 1, &err), -1);
    assert_string_equal(slurp(in), "{}");
    sb_clear(&err);
    assert_int_equal(export_write_file(dir, NULL, "x", 1, &err), -1);
    assert_non_null(strstr(err.s, "is a directory"));
    sb_clear(&err);
    char *missing = path_in("no/such.html");
    assert_int_equal(export_write_file(missing, NULL, "x", 1, &err), -1);
    assert_int_equal(entries(), 2);   /* lesson.json, link.html */
    sb_free(&err);
}

static void test_write_through_symlink(void **state)
{
    (void)state;
    StrBuf err = {0};
    char *real = path_in("real.html"), *link = path_in("link.html");
    put(real, "old");
    assert_int_equal(symlink("real.html", link), 0);
    assert_int_equal(export_write_file(link, NULL, "new", 3, &err), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(slurp(real), "new");
    assert_int_equal(entries(), 2);
    sb_free(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test_setup_teardown(test_write_new_and_replace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_refuses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_through_symlink, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
