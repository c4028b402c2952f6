/* libFuzzer target: the lesson loader (JSON syntax, validation, every error
 * path). Each input is a lesson file's bytes. */
#include <stddef.h>
#include <stdint.h>

#include "lesson.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    StrBuf err = {0};
    Lesson *l = lesson_parse("fuzz.json", (const char *)data, size, &err);
    lesson_free(l);
    sb_free(&err);
    return 0;
}
