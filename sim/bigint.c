/* Arbitrary-precision integers with Python int semantics; see bigint.h.
 * Schoolbook and Karatsuba multiplication and Knuth long division on 30-bit
 * digits, as in CPython's longobject.c.  Nothing here needs libm. */
#include "bigint.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

/* ---------------------------------------------------------------- basics */

/* Room for n digits; ndigits = n, sign = 1, digits uninitialised. */
static BigInt *bi_alloc(size_t n) {
    BigInt *r = xmalloc(sizeof(BigInt) + (n ? n : 1) * sizeof(uint32_t));
    r->sign = 1;
    r->ndigits = (uint32_t)n;
    return r;
}

/* Strip leading zero digits; zero gets sign 0. Returns r. */
static BigInt *bi_norm(BigInt *r) {
    uint32_t n = r->ndigits;
    while (n > 0 && r->d[n - 1] == 0) n--;
    r->ndigits = n;
    if (n == 0) r->sign = 0;
    return r;
}

static BigInt *bi_zero(void) {
    BigInt *r = bi_alloc(0);
    r->sign = 0;
    return r;
}

void bi_free(BigInt *a) { free(a); }

BigInt *bi_from_u64(uint64_t v) {
    BigInt *r = bi_alloc(3);
    r->d[0] = (uint32_t)(v & BI_MASK);
    r->d[1] = (uint32_t)((v >> BI_SHIFT) & BI_MASK);
    r->d[2] = (uint32_t)(v >> (2 * BI_SHIFT));
    return bi_norm(r);
}

BigInt *bi_from_i64(int64_t v) {
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    BigInt *r = bi_from_u64(m);
    if (v < 0) r->sign = -1;
    return r;
}

BigInt *bi_copy(const BigInt *a) {
    BigInt *r = bi_alloc(a->ndigits);
    r->sign = a->sign;
    if (a->ndigits) memcpy(r->d, a->d, a->ndigits * sizeof(uint32_t));
    return r;
}

/* Magnitude as uint64 if it fits (returns 1). */
static int mag_to_u64(const BigInt *a, uint64_t *out) {
    if (a->ndigits > 3) return 0;
    if (a->ndigits == 3 && a->d[2] >= (1u << (64 - 2 * BI_SHIFT))) return 0;
    uint64_t m = 0;
    for (uint32_t i = a->ndigits; i-- > 0;) m = (m << BI_SHIFT) | a->d[i];
    *out = m;
    return 1;
}

int bi_to_i64(const BigInt *a, int64_t *out) {
    uint64_t m;
    if (!mag_to_u64(a, &m)) return 0;
    if (a->sign >= 0) {
        if (m > (uint64_t)INT64_MAX) return 0;
        *out = (int64_t)m;
    } else {
        if (m > (uint64_t)INT64_MAX + 1) return 0;
        *out = m == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)m;
    }
    return 1;
}

int bi_is_zero(const BigInt *a) { return a->ndigits == 0; }

static unsigned bits_in_digit(uint32_t d) {
    unsigned n = 0;
    while (d) {
        n++;
        d >>= 1;
    }
    return n;
}

uint64_t bi_bit_length(const BigInt *a) {
    if (a->ndigits == 0) return 0;
    return (uint64_t)(a->ndigits - 1) * BI_SHIFT + bits_in_digit(a->d[a->ndigits - 1]);
}

size_t bi_sizeof(const BigInt *a) { return 24 + 4 * (size_t)(a->ndigits ? a->ndigits : 1); }

size_t bi_i64_sizeof(int64_t v) {
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    size_t n = 1;
    while (m >>= BI_SHIFT) n++;
    return 24 + 4 * n;
}

/* ---------------------------------------------------------- magnitudes */

static int mag_cmp(const BigInt *a, const BigInt *b) {
    if (a->ndigits != b->ndigits) return a->ndigits < b->ndigits ? -1 : 1;
    for (uint32_t i = a->ndigits; i-- > 0;)
        if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* |a| + |b|, sign 1 (or 0). */
static BigInt *mag_add(const BigInt *a, const BigInt *b) {
    if (a->ndigits < b->ndigits) {
        const BigInt *t = a;
        a = b;
        b = t;
    }
    BigInt *r = bi_alloc((size_t)a->ndigits + 1);
    uint32_t carry = 0, i;
    for (i = 0; i < b->ndigits; i++) {
        carry += a->d[i] + b->d[i];
        r->d[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    for (; i < a->ndigits; i++) {
        carry += a->d[i];
        r->d[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    r->d[i] = carry;
    return bi_norm(r);
}

/* |a| - |b| where |a| >= |b|, sign 1 (or 0). */
static BigInt *mag_sub(const BigInt *a, const BigInt *b) {
    BigInt *r = bi_alloc(a->ndigits);
    uint32_t borrow = 0, i;
    for (i = 0; i < b->ndigits; i++) {
        borrow = a->d[i] - b->d[i] - borrow;
        r->d[i] = borrow & BI_MASK;
        borrow = (borrow >> BI_SHIFT) & 1;
    }
    for (; i < a->ndigits; i++) {
        borrow = a->d[i] - borrow;
        r->d[i] = borrow & BI_MASK;
        borrow = (borrow >> BI_SHIFT) & 1;
    }
    return bi_norm(r);
}

/* Signed sum of sa*|a| + sb*|b| (sa, sb in {-1, 1} or the value's sign). */
static BigInt *signed_add(const BigInt *a, int sa, const BigInt *b, int sb) {
    if (a->ndigits == 0) {
        BigInt *r = bi_copy(b);
        r->sign = b->ndigits ? sb : 0;
        return r;
    }
    if (b->ndigits == 0) {
        BigInt *r = bi_copy(a);
        r->sign = sa;
        return r;
    }
    BigInt *r;
    if (sa == sb) {
        r = mag_add(a, b);
        r->sign = sa;
    } else if (mag_cmp(a, b) >= 0) {
        r = mag_sub(a, b);
        if (r->ndigits) r->sign = sa;
    } else {
        r = mag_sub(b, a);
        r->sign = sb;
    }
    return r;
}

BigInt *bi_add(const BigInt *a, const BigInt *b) { return signed_add(a, a->sign, b, b->sign); }
BigInt *bi_sub(const BigInt *a, const BigInt *b) { return signed_add(a, a->sign, b, -b->sign); }

BigInt *bi_neg(const BigInt *a) {
    BigInt *r = bi_copy(a);
    r->sign = -a->sign;
    return r;
}

BigInt *bi_abs(const BigInt *a) {
    BigInt *r = bi_copy(a);
    if (r->sign < 0) r->sign = 1;
    return r;
}

/* ~a == -(a + 1) */
BigInt *bi_invert(const BigInt *a) {
    BigInt *one = bi_from_i64(1);
    BigInt *t = bi_add(a, one);
    bi_free(one);
    t->sign = -t->sign;
    return t;
}

/* ------------------------------------------------------ multiplication
 *
 * Products are computed on raw little-endian digit arrays.  Small operands
 * use the schoolbook method (with a squaring variant that forms each cross
 * product once); large ones use Karatsuba as CPython's k_mul does:
 *
 *   a = ah*B**s + al, b = bh*B**s + bl   (B = 2**30, s = len(b) / 2)
 *   a*b = ah*bh*B**2s + ((ah+al)*(bh+bl) - ah*bh - al*bl)*B**s + al*bl
 *
 * and operands of very different sizes are cut into slices the size of the
 * smaller one (CPython's k_lopsided_mul), so each sub-product is balanced.
 * Every routine writes the full na + nb digits of the product (leading zero
 * digits included), so results are exactly the schoolbook ones. */

/* Up to these sizes (digits of the smaller operand) the schoolbook method is
 * used; see bigint.h for how they were measured. */
static size_t kara_cutoff = BI_KARATSUBA_CUTOFF;
static size_t kara_sq_cutoff = BI_KARATSUBA_SQUARE_CUTOFF;

void bi_set_karatsuba_cutoffs(size_t mul, size_t sqr) {
    /* k_mul only makes progress on operands of 4 digits or more */
    kara_cutoff = mul == 0 ? BI_KARATSUBA_CUTOFF : mul < 3 ? 3 : mul;
    kara_sq_cutoff = sqr == 0 ? BI_KARATSUBA_SQUARE_CUTOFF : sqr < 3 ? 3 : sqr;
}

/* r[0..na+nb) = a[0..na) * b[0..nb), schoolbook.  r must not overlap a, b. */
static void digits_mul_school(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    memset(r, 0, (na + nb) * sizeof(uint32_t));
    for (size_t i = 0; i < na; i++) {
        uint64_t carry = 0, ai = a[i];
        if (ai == 0) continue;
        uint32_t *pr = r + i;
        for (size_t j = 0; j < nb; j++) {
            carry += pr[j] + ai * b[j];
            pr[j] = (uint32_t)(carry & BI_MASK);
            carry >>= BI_SHIFT;
        }
        pr[nb] = (uint32_t)carry;
    }
}

/* r[0..2n) = a[0..n)**2, schoolbook with each cross product a[i]*a[j]
 * (i < j) formed once and doubled, as CPython's x_mul does for a == b. */
static void digits_sqr_school(uint32_t *r, const uint32_t *a, size_t n) {
    memset(r, 0, 2 * n * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) {
        uint64_t f = a[i];
        uint32_t *pr = r + 2 * i;
        uint64_t carry = *pr + f * f;
        *pr++ = (uint32_t)(carry & BI_MASK);
        carry >>= BI_SHIFT;
        f <<= 1; /* < 2**31: f * a[j] < 2**61, so carry stays below 2**62 */
        for (size_t j = i + 1; j < n; j++) {
            carry += *pr + a[j] * f;
            *pr++ = (uint32_t)(carry & BI_MASK);
            carry >>= BI_SHIFT;
        }
        /* carry < 2**33 here; the partial result stays below B**(2n) */
        while (carry) {
            carry += *pr;
            *pr++ = (uint32_t)(carry & BI_MASK);
            carry >>= BI_SHIFT;
        }
    }
}

/* r[0..n) += a[0..m) (m <= n); returns the carry out of r[n - 1]. */
static uint32_t digits_add_into(uint32_t *r, size_t n, const uint32_t *a, size_t m) {
    uint32_t carry = 0;
    size_t i;
    for (i = 0; i < m; i++) {
        carry += r[i] + a[i];
        r[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    for (; carry && i < n; i++) {
        carry += r[i];
        r[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    return carry;
}

/* r[0..n) -= a[0..m) (m <= n); returns the borrow out of r[n - 1]. */
static uint32_t digits_sub_into(uint32_t *r, size_t n, const uint32_t *a, size_t m) {
    uint32_t borrow = 0;
    size_t i;
    for (i = 0; i < m; i++) {
        borrow = r[i] - a[i] - borrow;
        r[i] = borrow & BI_MASK;
        borrow = (borrow >> BI_SHIFT) & 1;
    }
    for (; borrow && i < n; i++) {
        borrow = r[i] - borrow;
        r[i] = borrow & BI_MASK;
        borrow = (borrow >> BI_SHIFT) & 1;
    }
    return borrow;
}

/* r[0..max(na, nb) + 1) = a[0..na) + b[0..nb). */
static void digits_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    if (na < nb) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    uint32_t carry = 0;
    size_t i;
    for (i = 0; i < nb; i++) {
        carry += a[i] + b[i];
        r[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = carry & BI_MASK;
        carry >>= BI_SHIFT;
    }
    r[na] = carry;
}

static void digits_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb);

/* a much shorter than b (2 * na <= nb): b in slices of na digits, each
 * multiplied by a (a balanced product) and added in at its offset. */
static void digits_mul_lopsided(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    size_t nr = na + nb;
    memset(r, 0, nr * sizeof(uint32_t));
    uint32_t *t = xmalloc(2 * na * sizeof(uint32_t));
    for (size_t off = 0; off < nb; off += na) {
        size_t len = nb - off < na ? nb - off : na;
        digits_mul(t, a, na, b + off, len);
        uint32_t c = digits_add_into(r + off, nr - off, t, na + len);
        (void)c; /* 0: the partial sums never exceed the full product */
    }
    free(t);
}

/* r[0..na+nb) = a[0..na) * b[0..nb) for any sizes (leading zero digits
 * allowed); a == b with na == nb is a square.  r must not overlap a, b. */
static void digits_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    size_t nr = na + nb;
    int square = a == b && na == nb;
    while (na > 0 && a[na - 1] == 0) na--;
    if (square) nb = na;
    else
        while (nb > 0 && b[nb - 1] == 0) nb--;
    if (na + nb < nr) memset(r + na + nb, 0, (nr - na - nb) * sizeof(uint32_t));
    if (na == 0 || nb == 0) {
        memset(r, 0, (na + nb) * sizeof(uint32_t));
        return;
    }
    if (na > nb) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (na <= (square ? kara_sq_cutoff : kara_cutoff)) {
        if (square) digits_sqr_school(r, a, na);
        else digits_mul_school(r, a, na, b, nb);
        return;
    }
    if (2 * na <= nb) {
        digits_mul_lopsided(r, a, na, b, nb);
        return;
    }
    /* Karatsuba: s < na <= nb, so ah and bh are not empty */
    size_t s = nb / 2;
    size_t n = na + nb;
    digits_mul(r, a, s, b, s);                       /* al*bl -> r[0..2s)   */
    digits_mul(r + 2 * s, a + s, na - s, b + s, nb - s); /* ah*bh -> r[2s..n) */
    size_t la = (s > na - s ? s : na - s) + 1, lb = nb - s + 1;
    uint32_t *tmp = xmalloc((square ? 3 * la : 2 * (la + lb)) * sizeof(uint32_t));
    uint32_t *sa = tmp, *sb, *t3;
    digits_add(sa, a, s, a + s, na - s); /* al + ah, la digits */
    if (square) {
        sb = sa;
        t3 = tmp + la;
    } else {
        sb = tmp + la;
        t3 = sb + lb;
        digits_add(sb, b, s, b + s, nb - s); /* bl + bh, lb digits */
    }
    size_t n3 = la + lb; /* >= nb + 2 > max(2s, n - 2s) */
    digits_mul(t3, sa, la, sb, lb);
    /* t3 - al*bl - ah*bh = al*bh + ah*bl >= 0, below B**(n - s) */
    digits_sub_into(t3, n3, r, 2 * s);
    digits_sub_into(t3, n3, r + 2 * s, n - 2 * s);
    while (n3 > 0 && t3[n3 - 1] == 0) n3--;
    digits_add_into(r + s, n - s, t3, n3);
    free(tmp);
}

BigInt *bi_mul(const BigInt *a, const BigInt *b) {
    if (a->ndigits == 0 || b->ndigits == 0) return bi_zero();
    size_t n = (size_t)a->ndigits + b->ndigits;
    BigInt *r = bi_alloc(n);
    /* x * x of equal values (not only the same object) is a square */
    if (a != b && a->ndigits == b->ndigits && !memcmp(a->d, b->d, a->ndigits * sizeof(uint32_t)))
        digits_mul(r->d, a->d, a->ndigits, a->d, a->ndigits);
    else
        digits_mul(r->d, a->d, a->ndigits, b->d, b->ndigits);
    r->sign = a->sign * b->sign;
    return bi_norm(r);
}

BigInt *bi_mul_schoolbook(const BigInt *a, const BigInt *b) {
    if (a->ndigits == 0 || b->ndigits == 0) return bi_zero();
    size_t n = (size_t)a->ndigits + b->ndigits;
    BigInt *r = bi_alloc(n);
    digits_mul_school(r->d, a->d, a->ndigits, b->d, b->ndigits);
    r->sign = a->sign * b->sign;
    return bi_norm(r);
}

/* In place: r[0..n) = r * m + add; returns the carry out (< 2**30). */
static uint32_t digits_muladd(uint32_t *r, size_t n, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (uint64_t)r[i] * m;
        r[i] = (uint32_t)(carry & BI_MASK);
        carry >>= BI_SHIFT;
    }
    return (uint32_t)carry;
}

/* In place: r[0..n) /= dv (0 < dv < 2**30); returns the remainder. */
static uint32_t digits_divsmall(uint32_t *r, size_t n, uint32_t dv) {
    uint64_t rem = 0;
    for (size_t i = n; i-- > 0;) {
        rem = (rem << BI_SHIFT) | r[i];
        r[i] = (uint32_t)(rem / dv);
        rem %= dv;
    }
    return (uint32_t)rem;
}

/* Truncating division of magnitudes: *q = |a| / |b|, *r = |a| % |b|, both
 * with sign 1 (or 0).  |b| != 0. */
static void mag_divrem(const BigInt *a, const BigInt *b, BigInt **qo, BigInt **ro) {
    uint32_t na = a->ndigits, nb = b->ndigits;
    if (mag_cmp(a, b) < 0) {
        *qo = bi_zero();
        *ro = bi_copy(a);
        if ((*ro)->ndigits) (*ro)->sign = 1;
        return;
    }
    if (nb == 1) {
        BigInt *q = bi_copy(a);
        q->sign = 1;
        uint32_t rem = digits_divsmall(q->d, na, b->d[0]);
        *qo = bi_norm(q);
        *ro = bi_from_u64(rem);
        return;
    }
    /* Knuth algorithm D (TAOCP 4.3.1), after CPython's x_divrem. */
    unsigned sh = BI_SHIFT - bits_in_digit(b->d[nb - 1]);
    uint32_t *w = xmalloc(nb * sizeof(uint32_t));
    uint32_t *v = xmalloc(((size_t)na + 1) * sizeof(uint32_t));
    uint32_t carry = 0;
    for (uint32_t i = 0; i < nb; i++) {
        uint64_t t = ((uint64_t)b->d[i] << sh) | carry;
        w[i] = (uint32_t)(t & BI_MASK);
        carry = (uint32_t)(t >> BI_SHIFT);
    }
    carry = 0;
    for (uint32_t i = 0; i < na; i++) {
        uint64_t t = ((uint64_t)a->d[i] << sh) | carry;
        v[i] = (uint32_t)(t & BI_MASK);
        carry = (uint32_t)(t >> BI_SHIFT);
    }
    v[na] = carry;
    size_t k = (size_t)na + 1 - nb; /* quotient digits */
    BigInt *q = bi_alloc(k);
    uint64_t wm1 = w[nb - 1], wm2 = w[nb - 2];
    for (size_t j = k; j-- > 0;) {
        uint32_t *vk = v + j;
        uint64_t vtop = vk[nb];
        uint64_t vv = (vtop << BI_SHIFT) | vk[nb - 1];
        uint64_t qh = vv / wm1, rh = vv % wm1;
        while (qh >= BI_BASE || qh * wm2 > ((rh << BI_SHIFT) | vk[nb - 2])) {
            qh--;
            rh += wm1;
            if (rh >= BI_BASE) break;
        }
        /* vk[0..nb] -= qh * w */
        int64_t zhi = 0;
        for (uint32_t i = 0; i < nb; i++) {
            int64_t z = (int64_t)vk[i] + zhi - (int64_t)(qh * w[i]);
            vk[i] = (uint32_t)((uint64_t)z & BI_MASK);
            /* floor division by 2**30 (arithmetic shift, spelled portably) */
            zhi = z >= 0 ? z >> BI_SHIFT : -(int64_t)((((uint64_t)-z) + BI_MASK) >> BI_SHIFT);
        }
        if ((int64_t)vtop + zhi < 0) {
            uint32_t c = 0;
            for (uint32_t i = 0; i < nb; i++) {
                c += vk[i] + w[i];
                vk[i] = c & BI_MASK;
                c >>= BI_SHIFT;
            }
            qh--;
        }
        vk[nb] = 0; /* the top digit is consumed */
        q->d[j] = (uint32_t)qh;
    }
    BigInt *r = bi_alloc(nb);
    carry = 0;
    for (uint32_t i = nb; i-- > 0;) {
        uint64_t t = ((uint64_t)carry << BI_SHIFT) | v[i];
        r->d[i] = (uint32_t)(t >> sh);
        carry = (uint32_t)(t & (((uint64_t)1 << sh) - 1));
    }
    free(w);
    free(v);
    *qo = bi_norm(q);
    *ro = bi_norm(r);
}

int bi_divmod(const BigInt *a, const BigInt *b, BigInt **qo, BigInt **ro) {
    if (b->ndigits == 0) return -1;
    BigInt *q, *r;
    mag_divrem(a, b, &q, &r);
    if (a->sign * b->sign < 0) {
        if (r->ndigits) {
            /* q = -(Q + 1), r = sign(b) * (|b| - R) */
            BigInt *one = bi_from_i64(1);
            BigInt *q1 = mag_add(q, one);
            bi_free(one);
            bi_free(q);
            q = q1;
            BigInt *r1 = mag_sub(b, r);
            bi_free(r);
            r = r1;
        }
        if (q->ndigits) q->sign = -1;
    }
    if (r->ndigits) r->sign = b->sign;
    if (qo) *qo = q; else bi_free(q);
    if (ro) *ro = r; else bi_free(r);
    return 0;
}

BigInt *bi_pow(const BigInt *base, uint64_t exp, size_t max_digits) {
    if (max_digits == 0) max_digits = BI_MAX_DIGITS;
    int neg = base->sign < 0 && (exp & 1);
    if (exp == 0) return bi_from_i64(1);
    if (base->ndigits == 0) return bi_zero();
    if (base->ndigits == 1 && base->d[0] == 1) return bi_from_i64(neg ? -1 : 1);
    /* |base| >= 2: result has more than (bitlen - 1) * exp bits */
    uint64_t bl = bi_bit_length(base);
    uint64_t max_bits = (uint64_t)max_digits * BI_SHIFT;
    if (exp > max_bits / (bl - 1)) return NULL;
    BigInt *r = bi_from_i64(1);
    int top = 63;
    while (!((exp >> top) & 1)) top--;
    for (int i = top; i >= 0; i--) {
        BigInt *t = bi_mul(r, r);
        bi_free(r);
        r = t;
        if ((exp >> i) & 1) {
            t = bi_mul(r, base);
            bi_free(r);
            r = t;
        }
        if (r->ndigits > max_digits) {
            bi_free(r);
            return NULL;
        }
    }
    r->sign = neg ? -1 : 1;
    return r;
}

/* ---------------------------------------------------------- comparison */

int bi_cmp(const BigInt *a, const BigInt *b) {
    if (a->sign != b->sign) return a->sign < b->sign ? -1 : 1;
    int c = mag_cmp(a, b);
    return a->sign < 0 ? -c : c;
}

int bi_cmp_i64(const BigInt *a, int64_t v) {
    BigInt *b = bi_from_i64(v);
    int c = bi_cmp(a, b);
    bi_free(b);
    return c;
}

/* -------------------------------------------------------------- shifts */

BigInt *bi_lshift(const BigInt *a, uint64_t n) {
    if (a->ndigits == 0) return bi_zero();
    uint64_t ds = n / BI_SHIFT;
    unsigned bs = (unsigned)(n % BI_SHIFT);
    if (ds >= BI_MAX_DIGITS) return NULL; /* also keeps the sizes below sane */
    size_t nr = a->ndigits + (size_t)ds + 1;
    BigInt *r = bi_alloc(nr);
    memset(r->d, 0, (size_t)ds * sizeof(uint32_t));
    uint32_t carry = 0;
    for (uint32_t i = 0; i < a->ndigits; i++) {
        uint64_t t = ((uint64_t)a->d[i] << bs) | carry;
        r->d[ds + i] = (uint32_t)(t & BI_MASK);
        carry = (uint32_t)(t >> BI_SHIFT);
    }
    r->d[nr - 1] = carry;
    r->sign = a->sign;
    bi_norm(r);
    if (r->ndigits > BI_MAX_DIGITS) {
        bi_free(r);
        return NULL;
    }
    return r;
}

BigInt *bi_rshift(const BigInt *a, uint64_t n) {
    if (a->ndigits == 0) return bi_zero();
    uint64_t ds = n / BI_SHIFT;
    unsigned bs = (unsigned)(n % BI_SHIFT);
    if (ds >= a->ndigits) return a->sign < 0 ? bi_from_i64(-1) : bi_zero();
    size_t nr = a->ndigits - (size_t)ds;
    int lost = 0; /* any 1 bits shifted out? */
    for (uint64_t i = 0; i < ds; i++)
        if (a->d[i]) lost = 1;
    if (a->d[ds] & ((1u << bs) - 1)) lost = 1;
    BigInt *r = bi_alloc(nr);
    for (size_t i = 0; i < nr; i++) {
        uint32_t lo = a->d[ds + i] >> bs;
        uint32_t hi = (i + 1 < nr && bs) ? (a->d[ds + i + 1] << (BI_SHIFT - bs)) & BI_MASK : 0;
        r->d[i] = lo | hi;
    }
    r->sign = 1;
    bi_norm(r);
    if (a->sign < 0) {
        if (lost) {
            /* floor: -(|a| >> n) - 1 */
            BigInt *one = bi_from_i64(1);
            BigInt *t = mag_add(r, one);
            bi_free(one);
            bi_free(r);
            r = t;
        }
        r->sign = r->ndigits ? -1 : 0;
    }
    return r;
}

/* ------------------------------------------------------------- bitwise */

/* Two's complement of a in n digits (n > a->ndigits, so the top digit holds
 * the sign: all ones for negatives). */
static uint32_t *to_twos(const BigInt *a, size_t n) {
    uint32_t *t = xmalloc(n * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) t[i] = i < a->ndigits ? a->d[i] : 0;
    if (a->sign < 0) {
        uint32_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (~t[i]) & BI_MASK;
            t[i] = carry & BI_MASK;
            carry >>= BI_SHIFT;
        }
    }
    return t;
}

static BigInt *bitop(const BigInt *a, const BigInt *b, char op) {
    size_t n = (a->ndigits > b->ndigits ? a->ndigits : b->ndigits) + (size_t)1;
    uint32_t *x = to_twos(a, n), *y = to_twos(b, n);
    int na = a->sign < 0, nb = b->sign < 0, nr;
    BigInt *r = bi_alloc(n);
    for (size_t i = 0; i < n; i++) {
        uint32_t v = op == '&' ? (x[i] & y[i]) : op == '|' ? (x[i] | y[i]) : (x[i] ^ y[i]);
        r->d[i] = v;
    }
    nr = op == '&' ? (na & nb) : op == '|' ? (na | nb) : (na ^ nb);
    if (nr) {
        uint32_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (~r->d[i]) & BI_MASK;
            r->d[i] = carry & BI_MASK;
            carry >>= BI_SHIFT;
        }
    }
    free(x);
    free(y);
    r->sign = nr ? -1 : 1;
    return bi_norm(r);
}

BigInt *bi_and(const BigInt *a, const BigInt *b) { return bitop(a, b, '&'); }
BigInt *bi_or(const BigInt *a, const BigInt *b) { return bitop(a, b, '|'); }
BigInt *bi_xor(const BigInt *a, const BigInt *b) { return bitop(a, b, '^'); }

/* ------------------------------------------------------------- strings */

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

BigInt *bi_from_str_ex(const char *s, size_t n, int base, size_t max_digits, int *err) {
    int dummy;
    if (!err) err = &dummy;
    *err = BI_ERR_SYNTAX;
    if (base < 2 || base > 36 || !s) return NULL;
    int sign = 1;
    size_t i = 0;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) {
        sign = s[0] == '-' ? -1 : 1;
        i = 1;
    }
    /* validate and count digits */
    size_t ndig = 0;
    int prev_us = 1; /* at start, '_' is not allowed */
    for (size_t j = i; j < n; j++) {
        if (s[j] == '_') {
            if (prev_us) return NULL;
            prev_us = 1;
        } else {
            if (digit_value(s[j]) >= base) return NULL;
            prev_us = 0;
            ndig++;
        }
    }
    if (ndig == 0 || prev_us) return NULL;
    if (max_digits && (base & (base - 1)) != 0 && ndig > max_digits) {
        *err = BI_ERR_TOO_MANY_DIGITS;
        return NULL;
    }
    if ((base & (base - 1)) == 0) {
        /* base 2, 4, 8, 16, 32: each character is k bits, packed from the
         * least significant end in linear time */
        unsigned k = 0;
        while ((1 << k) < base) k++;
        BigInt *r = bi_alloc(ndig * k / BI_SHIFT + 1);
        size_t used = 0;
        uint64_t acc = 0;
        unsigned nbits = 0;
        for (size_t j = n; j-- > i;) {
            if (s[j] == '_') continue;
            acc |= (uint64_t)digit_value(s[j]) << nbits;
            nbits += k;
            if (nbits >= BI_SHIFT) {
                r->d[used++] = (uint32_t)(acc & BI_MASK);
                acc >>= BI_SHIFT;
                nbits -= BI_SHIFT;
            }
        }
        if (nbits) r->d[used++] = (uint32_t)acc;
        r->ndigits = (uint32_t)used;
        r->sign = sign;
        *err = BI_OK;
        return bi_norm(r);
    }
    /* chunk: the largest power of base that stays below 2**30 */
    uint32_t chunk_mul = (uint32_t)base;
    int chunk_len = 1;
    while ((uint64_t)chunk_mul * (uint32_t)base < BI_BASE) {
        chunk_mul *= (uint32_t)base;
        chunk_len++;
    }
    size_t cap = ndig / 5 + 2; /* base <= 36 < 2**6: <= 6 bits per digit */
    BigInt *r = bi_alloc(cap);
    size_t used = 0;
    uint32_t acc = 0, accmul = 1;
    int cnt = 0;
    for (size_t j = i; j < n; j++) {
        if (s[j] == '_') continue;
        acc = acc * (uint32_t)base + (uint32_t)digit_value(s[j]);
        accmul *= (uint32_t)base;
        if (++cnt == chunk_len) {
            uint32_t c = digits_muladd(r->d, used, accmul, acc);
            if (c) r->d[used++] = c;
            acc = 0;
            accmul = 1;
            cnt = 0;
        }
    }
    if (cnt) {
        uint32_t c = digits_muladd(r->d, used, accmul, acc);
        if (c) r->d[used++] = c;
    }
    r->ndigits = (uint32_t)used;
    r->sign = sign;
    *err = BI_OK;
    return bi_norm(r);
}

BigInt *bi_from_str(const char *digits, size_t n, int base) {
    return bi_from_str_ex(digits, n, base, 0, NULL);
}

#define DEC_CHUNK 1000000000u /* 10**9 < 2**30 */

int bi_to_str_limited(const BigInt *a, StrBuf *out, size_t max_digits) {
    if (a->ndigits == 0) {
        sb_putc(out, '0');
        return 0;
    }
    /* fast fail: the value has at least floor((bits-1)*log10(2)) + 1 digits */
    if (max_digits) {
        uint64_t lowbits = (uint64_t)(a->ndigits - 1) * BI_SHIFT;
        if (lowbits / 4 > max_digits) return -1; /* log10(2) > 1/4 */
    }
    size_t n = a->ndigits;
    uint32_t *t = xmalloc(n * sizeof(uint32_t));
    memcpy(t, a->d, n * sizeof(uint32_t));
    /* base-10**9 groups, least significant first */
    size_t gcap = n * 30 / 29 + 2, ng = 0;
    uint32_t *g = xmalloc(gcap * sizeof(uint32_t));
    while (n > 0) {
        g[ng++] = digits_divsmall(t, n, DEC_CHUNK);
        while (n > 0 && t[n - 1] == 0) n--;
    }
    free(t);
    char top[16];
    int toplen = snprintf(top, sizeof top, "%u", (unsigned)g[ng - 1]);
    size_t total = (size_t)toplen + (ng - 1) * 9;
    if (max_digits && total > max_digits) {
        free(g);
        return -1;
    }
    if (a->sign < 0) sb_putc(out, '-');
    sb_put(out, top, (size_t)toplen);
    for (size_t i = ng - 1; i-- > 0;) {
        char buf[16];
        int len = snprintf(buf, sizeof buf, "%09u", (unsigned)g[i]);
        sb_put(out, buf, (size_t)len);
    }
    free(g);
    return 0;
}

void bi_to_str(const BigInt *a, StrBuf *out) { (void)bi_to_str_limited(a, out, 0); }

/* Bits [pos, pos + k) of the magnitude (k <= 30). */
static uint32_t get_bits(const BigInt *a, uint64_t pos, unsigned k) {
    uint32_t v = 0;
    for (unsigned i = 0; i < k; i++) {
        uint64_t p = pos + i, di = p / BI_SHIFT;
        if (di < a->ndigits && ((a->d[di] >> (p % BI_SHIFT)) & 1)) v |= 1u << i;
    }
    return v;
}

void bi_to_str_base(const BigInt *a, int base, StrBuf *out) {
    unsigned k = base == 2 ? 1 : base == 8 ? 3 : 4;
    char pfx = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    if (a->sign < 0) sb_putc(out, '-');
    sb_putc(out, '0');
    sb_putc(out, pfx);
    uint64_t bl = bi_bit_length(a);
    if (bl == 0) {
        sb_putc(out, '0');
        return;
    }
    uint64_t nch = (bl + k - 1) / k;
    for (uint64_t i = nch; i-- > 0;) sb_putc(out, "0123456789abcdef"[get_bits(a, i * k, k)]);
}

/* ------------------------------------------------------------- floats */

static double scale2(double x, int64_t e) {
    while (e >= 64) {
        x *= 18446744073709551616.0; /* 2**64 */
        e -= 64;
    }
    while (e > 0) {
        x *= 2.0;
        e--;
    }
    return x;
}

double bi_to_double(const BigInt *a, int *overflow) {
    int dummy;
    if (!overflow) overflow = &dummy;
    *overflow = 0;
    uint64_t m = 0, bl = bi_bit_length(a);
    double x;
    if (bl <= 64) {
        mag_to_u64(a, &m);
        x = (double)m; /* one correct rounding */
    } else if (bl > 1025) {
        *overflow = 1;
        x = INFINITY;
    } else {
        /* top 64 bits, with a sticky bit for everything below, so the single
         * rounding in the conversion is correct round-half-even */
        uint64_t shift = bl - 64;
        m = 0;
        for (int i = 63; i >= 0; i--) m = (m << 1) | get_bits(a, shift + (uint64_t)i, 1);
        int sticky = 0;
        uint64_t full = shift / BI_SHIFT;
        for (uint64_t i = 0; i < full && !sticky; i++)
            if (a->d[i]) sticky = 1;
        if (a->d[full] & ((1u << (shift % BI_SHIFT)) - 1)) sticky = 1;
        x = scale2((double)(m | (uint64_t)sticky), (int64_t)shift);
        if (x > 1.7976931348623157e308) *overflow = 1;
    }
    return a->sign < 0 ? -x : x;
}

BigInt *bi_from_double(double x) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int neg = (int)(bits >> 63);
    int e = (int)((bits >> 52) & 0x7ff);
    uint64_t mant = bits & (((uint64_t)1 << 52) - 1);
    if (e == 0x7ff) return NULL; /* inf or nan */
    if (e == 0) return bi_zero(); /* zero or subnormal: |x| < 1 */
    mant |= (uint64_t)1 << 52;
    int shift = e - 1075; /* x = mant * 2**shift */
    BigInt *r;
    if (shift <= -53) return bi_zero();
    if (shift < 0) {
        r = bi_from_u64(mant >> -shift);
    } else {
        BigInt *t = bi_from_u64(mant);
        r = bi_lshift(t, (uint64_t)shift);
        bi_free(t);
    }
    if (neg && r->ndigits) r->sign = -1;
    return r;
}

/* --------------------------------------------------------------- hash */

static uint64_t hash_finish(uint64_t x, int neg) {
    if (neg) x = (uint64_t)0 - x;
    if (x == (uint64_t)-1) x = (uint64_t)-2;
    return x;
}

uint64_t bi_hash(const BigInt *a) {
    uint64_t x = 0;
    for (uint32_t i = a->ndigits; i-- > 0;) {
        x = ((x << BI_SHIFT) & HASH_MOD) | (x >> (HASH_BITS - BI_SHIFT));
        x += a->d[i];
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    return hash_finish(x, a->sign < 0);
}

uint64_t bi_i64_hash(int64_t v) {
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return hash_finish(m % HASH_MOD, v < 0);
}

/* -------------------------------------------------------- int64 paths */

int bi_i64_add_overflows(int64_t a, int64_t b, int64_t *out) {
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) return 1;
    *out = r;
    return 0;
}

int bi_i64_sub_overflows(int64_t a, int64_t b, int64_t *out) {
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r)) return 1;
    *out = r;
    return 0;
}

int bi_i64_mul_overflows(int64_t a, int64_t b, int64_t *out) {
    int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) return 1;
    *out = r;
    return 0;
}

int bi_i64_neg_overflows(int64_t a, int64_t *out) {
    if (a == INT64_MIN) return 1;
    *out = -a;
    return 0;
}

int64_t bi_i64_rshift(int64_t a, uint64_t n) {
    if (n >= 63) return a < 0 ? -1 : 0;
    return a >= 0 ? a >> n : ~((~a) >> n);
}

int bi_i64_lshift_overflows(int64_t a, uint64_t n, int64_t *out) {
    if (a == 0) {
        *out = 0;
        return 0;
    }
    if (n >= 63) return 1;
    int64_t r = (int64_t)((uint64_t)a << n);
    if (bi_i64_rshift(r, n) != a) return 1;
    *out = r;
    return 0;
}

int bi_i64_divmod(int64_t a, int64_t b, int64_t *q, int64_t *r) {
    if (b == 0) return -1;
    if (a == INT64_MIN && b == -1) {
        if (r) *r = 0;
        return 1;
    }
    int64_t qq = a / b, rr = a % b;
    if (rr != 0 && ((rr < 0) != (b < 0))) {
        qq -= 1;
        rr += b;
    }
    if (q) *q = qq;
    if (r) *r = rr;
    return 0;
}
