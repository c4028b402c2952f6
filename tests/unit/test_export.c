/* Unit tests for tui/export: the HTML/XML escaping of lesson text (the
 * safe writing of outputs is tui/outfile's, tested with record's). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
