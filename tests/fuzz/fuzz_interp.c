/* libFuzzer target: the interpreter. Each input is a Python script, run to the
 * end with a small statement budget and memory ceiling, its output thrown
 * away; then the traceback is read and everything freed. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0; /* long inputs spend the time budget lexing */
    if (!devnull) devnull = fopen("/dev/null", "w");
    char *src = malloc(size + 1);
    if (!src) return 0;
    memcpy(src, data, size);
    src[size] = 0;
    InterpOptions opt;
    interp_default_options(&opt);
    opt.max_steps = 20000;
    opt.max_memory = (int64_t)64 << 20;
    opt.out = devnull;
    StrBuf err = {0};
    int status = 0;
    Interp *in = interp_new("fuzz.py", src, size, &opt, &err, &status);
    free(src);
    if (in) {
        interp_advance(in, -1);
        int rc = interp_exit_status(in);
        if (rc < 0 || rc > 2) abort();
        (void)strlen(interp_error(in));
        interp_free(in);
    } else if (status != 1 && status != 2) {
        abort();
    }
    sb_free(&err);
    return 0;
}
