/* Stepping in the TUI at the million-object step, measured inside one
 * process as a key press does it (app_time_step): a step back re-runs the
 * program to the step before and draws it.  Prints the median.
 * Usage: stepback TARGET FROM TO [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: stepback TARGET FROM TO [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 4 ? atoi(argv[4]) : 9;
    if (rounds < 1 || rounds > 1000) rounds = 9;
    double *ms = calloc((size_t)rounds, sizeof *ms);
    StrBuf err = {0};
    int rc = app_time_step(argv[1], atoi(argv[2]), atoi(argv[3]), 100, 30, rounds, ms, &err);
    if (rc) {
        fprintf(stderr, "stepback: %s\n", err.s ? err.s : "failed");
        return rc;
    }
    qsort(ms, (size_t)rounds, sizeof *ms, cmp);
    printf("%.1f\n", ms[rounds / 2]);
    free(ms);
    sb_free(&err);
    return 0;
}
