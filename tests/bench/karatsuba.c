/* Measures the Karatsuba cutoffs of sim/bigint.c on this machine: the time of
 * one n x n digit product (and one n-digit square) for a range of sizes n,
 * under each candidate cutoff, best of 5 runs.  The last row sums each
 * column's times relative to the best time of its row (lower is better; the
 * best column is marked), which is how BI_KARATSUBA_CUTOFF and
 * BI_KARATSUBA_SQUARE_CUTOFF in bigint.h were chosen.
 * Usage: karatsuba [mul|sq]   (default: both) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bigint.h"

static uint64_t rng = 88172645463325252u;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* a random n-digit magnitude, built from hex (7.5 hex digits per digit) */
static BigInt *rand_big(uint32_t n)
{
    size_t nh = (size_t)n * BI_SHIFT / 4;
    char *h = malloc(nh);
    for (size_t i = 0; i < nh; i++) h[i] = "0123456789abcdef"[rnd() % 16];
    h[0] = 'f';
    BigInt *b = bi_from_str(h, nh, 16);
    free(h);
    return b;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* microseconds per product, best of 5 */
static double time_mul(const BigInt *a, const BigInt *b, int reps)
{
    double best = 1e30;
    for (int k = 0; k < 5; k++) {
        double t0 = now();
        for (int i = 0; i < reps; i++) bi_free(bi_mul(a, b));
        double t = (now() - t0) / reps * 1e6;
        if (t < best) best = t;
    }
    return best;
}

static void table(int square)
{
    static const size_t cuts[] = {8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 70, 96, 140};
    static const uint32_t sizes[] = {20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000, 3000};
    enum { NC = sizeof cuts / sizeof cuts[0], NS = sizeof sizes / sizeof sizes[0] };
    double score[NC] = {0};
    printf("%s: microseconds per product of two n-digit numbers, by cutoff\n", square ? "square" : "multiply");
    printf("%6s", "n");
    for (int c = 0; c < NC; c++) printf("%8zu", cuts[c]);
    printf("\n");
    for (int s = 0; s < NS; s++) {
        uint32_t n = sizes[s];
        BigInt *a = rand_big(n), *b = square ? a : rand_big(n);
        int reps = (int)(2e6 / ((double)n * n)) + 1;
        double t[NC], best = 1e30;
        for (int c = 0; c < NC; c++) {
            bi_set_karatsuba_cutoffs(cuts[c], cuts[c]);
            t[c] = time_mul(a, b, reps);
            if (t[c] < best) best = t[c];
        }
        printf("%6u", n);
        for (int c = 0; c < NC; c++) {
            printf("%8.1f", t[c]);
            score[c] += t[c] / best;
        }
        printf("\n");
        bi_free(a);
        if (!square) bi_free(b);
    }
    int bc = 0;
    for (int c = 1; c < NC; c++)
        if (score[c] < score[bc]) bc = c;
    printf("%6s", "score");
    for (int c = 0; c < NC; c++) printf("%7.2f%c", score[c], c == bc ? '*' : ' ');
    printf("\n\n");
    bi_set_karatsuba_cutoffs(0, 0);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (strcmp(what, "sq") != 0) table(0);
    if (strcmp(what, "mul") != 0) table(1);
    return 0;
}
