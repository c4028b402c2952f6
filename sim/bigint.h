/* Arbitrary-precision integers with Python int semantics.
 *
 * Representation mirrors CPython's longobject: a sign and a magnitude stored
 * as little-endian 30-bit digits (one uint32_t each), so the digit count gives
 * sys.getsizeof exactly (see bi_sizeof).  Zero has sign 0 and ndigits 0; a
 * non-zero value never has a leading (most significant) zero digit.
 *
 * Ownership: every function returning BigInt* returns a NEW, independently
 * allocated value owned by the caller, who releases it with bi_free().  Values
 * are immutable once returned; the arguments of every function are only read
 * (const) and may alias each other.  Allocation goes through xmalloc, which
 * aborts on exhaustion of real memory, so NULL is returned only for the
 * documented Python-level failures (bad input, result too large). */
#ifndef MEMTUTOR_BIGINT_H
#define MEMTUTOR_BIGINT_H
#include <stddef.h>
#include <stdint.h>
#include "util.h"

#define BI_SHIFT 30
#define BI_BASE ((uint32_t)1 << BI_SHIFT)
#define BI_MASK (BI_BASE - 1)

/* Default cap on result size (in 30-bit digits) for the operations that can
 * explode from small inputs (bi_pow with max_digits 0, bi_lshift): 1<<20
 * digits = 31,457,280 bits, about 4 MB.  Callers raise MemoryError on NULL. */
#define BI_MAX_DIGITS ((size_t)1 << 20)

/* CPython 3.11's default sys.get_int_max_str_digits(). */
#define BI_MAX_STR_DIGITS 4300

typedef struct BigInt {
    int sign;          /* -1, 0, 1 */
    uint32_t ndigits;  /* number of used digits; 0 for zero */
    uint32_t d[];      /* d[0] least significant, each < 2**30 */
} BigInt;

/* ---- construction / conversion ---- */
BigInt *bi_from_i64(int64_t v);
BigInt *bi_from_u64(uint64_t v);
/* int(x) for a finite double (truncates toward zero); NULL for inf/nan
 * (caller raises OverflowError / ValueError respectively). */
BigInt *bi_from_double(double x);
BigInt *bi_copy(const BigInt *a);
/* 1 and *out = value if a fits in int64_t; 0 (out untouched) otherwise. */
int bi_to_i64(const BigInt *a, int64_t *out);

/* Parse digits in base 2..36 (letters case-insensitive).  An optional single
 * leading '+' or '-' is accepted; single '_' may appear between digits (not
 * leading, trailing or doubled).  No whitespace, no 0x prefix.  Returns NULL
 * on bad input (empty, bad digit, misplaced '_', bad base). */
BigInt *bi_from_str(const char *digits, size_t n, int base);
enum { BI_OK = 0, BI_ERR_SYNTAX = 1, BI_ERR_TOO_MANY_DIGITS = 2 };
/* As bi_from_str, but with CPython's int-max-str-digits check: for bases
 * that are not powers of two, more than max_digits digits (underscores and
 * sign excluded) fails with BI_ERR_TOO_MANY_DIGITS (ValueError in Python).
 * max_digits 0 disables the check.  *err (may be NULL) gets BI_OK or a code. */
BigInt *bi_from_str_ex(const char *digits, size_t n, int base, size_t max_digits, int *err);

/* Append Python's decimal repr (e.g. "-123") to out.  No digit limit. */
void bi_to_str(const BigInt *a, StrBuf *out);
/* As bi_to_str but returns -1 (out untouched) if the decimal form would have
 * more than max_digits digits (str() raises ValueError); 0 on success.
 * max_digits 0 disables the check. */
int bi_to_str_limited(const BigInt *a, StrBuf *out, size_t max_digits);
/* Append bin()/oct()/hex() form ("-0x1f", "0b101", "0o17") for base 2/8/16. */
void bi_to_str_base(const BigInt *a, int base, StrBuf *out);

/* float(a), correctly rounded (round-half-even) like CPython.  On overflow
 * sets *overflow = 1 (caller raises OverflowError) and returns +-HUGE value
 * (infinity); otherwise *overflow = 0.  overflow may be NULL. */
double bi_to_double(const BigInt *a, int *overflow);

/* ---- arithmetic (all results new; see ownership above) ---- */
BigInt *bi_neg(const BigInt *a);
BigInt *bi_abs(const BigInt *a);
BigInt *bi_invert(const BigInt *a);   /* ~a == -a - 1 */
BigInt *bi_add(const BigInt *a, const BigInt *b);
BigInt *bi_sub(const BigInt *a, const BigInt *b);
/* Schoolbook below the Karatsuba cutoffs, Karatsuba above (see bigint.c). */
BigInt *bi_mul(const BigInt *a, const BigInt *b);
/* Floor division: *q = a // b, *r = a % b (r has the sign of b, or is 0).
 * Either q or r may be NULL if not wanted.  Returns 0, or -1 on division by
 * zero (nothing allocated; caller raises ZeroDivisionError). */
int bi_divmod(const BigInt *a, const BigInt *b, BigInt **q, BigInt **r);
/* base ** exp (0 ** 0 == 1).  Returns NULL if the result would need more than
 * max_digits 30-bit digits (max_digits 0 means BI_MAX_DIGITS); the check is
 * made up front where possible, so huge exponents fail fast. */
BigInt *bi_pow(const BigInt *base, uint64_t exp, size_t max_digits);

/* ---- comparison / queries ---- */
int bi_cmp(const BigInt *a, const BigInt *b);     /* -1, 0, 1 */
int bi_cmp_i64(const BigInt *a, int64_t v);        /* -1, 0, 1 */
int bi_is_zero(const BigInt *a);
uint64_t bi_bit_length(const BigInt *a);           /* int.bit_length() */

/* ---- shifts and bitwise (infinite two's complement semantics) ---- */
/* a << n; NULL if the result would exceed BI_MAX_DIGITS digits. */
BigInt *bi_lshift(const BigInt *a, uint64_t n);
/* a >> n (floor: -1 >> 100 == -1). */
BigInt *bi_rshift(const BigInt *a, uint64_t n);
BigInt *bi_and(const BigInt *a, const BigInt *b);
BigInt *bi_or(const BigInt *a, const BigInt *b);
BigInt *bi_xor(const BigInt *a, const BigInt *b);

/* sys.getsizeof(a) in CPython 3.11: 24 + 4 * max(1, ndigits). */
size_t bi_sizeof(const BigInt *a);
/* hash(a): a mod (2**61 - 1) with the sign of a, -1 mapped to -2; returned as
 * the two's complement bit pattern of Python's (signed) hash value. */
uint64_t bi_hash(const BigInt *a);
/* sys.getsizeof / hash for a value held as int64 (same results as above). */
size_t bi_i64_sizeof(int64_t v);
uint64_t bi_i64_hash(int64_t v);

void bi_free(BigInt *a);   /* NULL is fine */

/* ---- multiplication internals, for tests and benchmarks ----
 * bi_mul uses the schoolbook method while the smaller operand has at most
 * BI_KARATSUBA_CUTOFF digits (BI_KARATSUBA_SQUARE_CUTOFF for a square, whose
 * schoolbook form does about half the work) and Karatsuba above.  Measured
 * with `make bench-karatsuba` (AMD EPYC, gcc 12 -O2): for multiplication the
 * cutoffs 20..32 are within 3% of each other and 24 is best; for squares
 * 32..64 are within 3% and 40 is best.  (CPython's 70 and 140 are tuned for
 * its own x_mul, whose temporaries are Python objects.) */
#define BI_KARATSUBA_CUTOFF 24
#define BI_KARATSUBA_SQUARE_CUTOFF 40
/* The schoolbook product at any size: what bi_mul must agree with. */
BigInt *bi_mul_schoolbook(const BigInt *a, const BigInt *b);
/* Set the cutoffs bi_mul uses (values below 3 count as 3; 0 restores the
 * default).  Process-wide; meant for tests and measurements only. */
void bi_set_karatsuba_cutoffs(size_t mul, size_t sqr);

/* ---- int64 fast paths ----
 * The *_overflows helpers return 1 if the exact result does not fit in
 * int64_t (*out untouched: redo the operation with BigInt), else 0 with the
 * result in *out. */
int bi_i64_add_overflows(int64_t a, int64_t b, int64_t *out);
int bi_i64_sub_overflows(int64_t a, int64_t b, int64_t *out);
int bi_i64_mul_overflows(int64_t a, int64_t b, int64_t *out);
int bi_i64_neg_overflows(int64_t a, int64_t *out);
/* a << n for n >= 0 */
int bi_i64_lshift_overflows(int64_t a, uint64_t n, int64_t *out);
/* a >> n (floor) never overflows. */
int64_t bi_i64_rshift(int64_t a, uint64_t n);
/* Python floor division and modulo.  Returns -1 if b == 0 (ZeroDivisionError),
 * 1 if the quotient overflows (only INT64_MIN // -1; then *r is still set
 * to 0 and q untouched), else 0.  q or r may be NULL. */
int bi_i64_divmod(int64_t a, int64_t b, int64_t *q, int64_t *r);

#endif
