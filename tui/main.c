/* memtutor's command line (DESIGN.md section 2). */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "util.h"

#define MEMTUTOR_VERSION "0.1.0"

static void usage(FILE *f)
{
    fputs("usage: memtutor                          lesson menu\n"
          "       memtutor TARGET                   open a lesson or a .py script\n"
          "       memtutor exec SCRIPT.py           run headless; prints what python3 prints\n"
          "       memtutor check [LESSON...]        verify lessons\n"
          "       memtutor list                     built-in lessons\n"
          "       memtutor render TARGET [--step N] [--size COLSxROWS] [--ascii] [--color]\n"
          "       memtutor record TARGET -o FILE.cast [--size COLSxROWS] [--delay MS]\n"
          "       memtutor trace TARGET             JSON lines, one per step\n"
          "       memtutor --help | --version\n",
          f);
}

static int parse_size_opt(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || v <= 0) return -1;
    if (*end == 'K' || *end == 'k') { v <<= 10; end++; }
    else if (*end == 'M' || *end == 'm') { v <<= 20; end++; }
    else if (*end == 'G' || *end == 'g') { v <<= 30; end++; }
    if (*end) return -1;
    *out = v;
    return 0;
}

static int cmd_exec(int argc, char **argv)
{
    InterpOptions opt;
    interp_default_options(&opt);
    const char *path = NULL;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--max-steps") && i + 1 < argc) {
            if (parse_size_opt(argv[++i], &opt.max_steps) < 0) {
                fprintf(stderr, "memtutor: --max-steps: expected a positive number\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--max-memory") && i + 1 < argc) {
            if (parse_size_opt(argv[++i], &opt.max_memory) < 0) {
                fprintf(stderr, "memtutor: --max-memory: expected a size such as 512M\n");
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
    const char *err = NULL;
    size_t len = 0;
    char *src = read_file_limited(path, (size_t)16 << 20, &len, &err);
    if (!src) {
        fprintf(stderr, "memtutor: %s: %s\n", path, err);
        return 2;
    }
    opt.out = stdout;
    StrBuf e = {0};
    int status = 0;
    Interp *in = interp_new(path, src, len, &opt, &e, &status);
    free(src);
    if (!in) {
        fputs(e.s ? e.s : "", stderr);
        sb_free(&e);
        return status;
    }
    fputs(interp_warnings(in), stderr);
    interp_advance(in, -1);
    fflush(stdout);
    int rc = interp_exit_status(in);
    if (rc) fputs(interp_error(in), stderr);
    interp_free(in);
    return rc;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("memtutor %s\n", MEMTUTOR_VERSION);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "exec")) return cmd_exec(argc - 2, argv + 2);
    usage(stderr);
    return 2;
}
