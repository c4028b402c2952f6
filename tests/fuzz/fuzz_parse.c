/* libFuzzer target: the lexer and parser (parse_module), and the formatting
 * of its syntax errors. Each input is a Python source file's bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* parse_format_error wants the source NUL-terminated, as main.c has it */
    char *src = malloc(size + 1);
    if (!src) return 0;
    memcpy(src, data, size);
    src[size] = 0;
    ParseError pe;
    memset(&pe, 0, sizeof pe);
    Module *m = parse_module("fuzz.py", src, size, &pe);
    if (m) {
        module_free(m);
    } else {
        StrBuf out = {0};
        parse_format_error(&pe, src, &out);
        sb_free(&out);
    }
    free(src);
    return 0;
}
