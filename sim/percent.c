/* printf-style string formatting, str % args, as CPython 3.11's
 * PyUnicode_Format (Objects/unicodeobject.c): the same argument rules (a
 * tuple gives the arguments in order; anything else is the one argument;
 * a mapping other than a tuple or str also serves %(key)s), the same
 * conversions (s r a d i u o x X e E f F g G c %), flags (- + space # 0),
 * width and precision (both may be *), and CPython's error messages. */
#include "interp_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bigint.h"

typedef struct {
    Interp *in;
    Obj *args;        /* what follows the %: the tuple, or the one argument */
    Obj *dict;        /* a mapping for %(key)s, or NULL */
    int64_t arglen;   /* the tuple's length, or -1: one argument */
    int64_t argidx;   /* the next argument; -2 before the one argument is used */
} Fmt;

/* unicode_format_getnextarg: a borrowed reference, or NULL (TypeError). */
static Obj *next_arg(Fmt *f)
{
    if (f->argidx < f->arglen) {
        int64_t i = f->argidx++;
        if (f->arglen < 0) return f->args;
        return ((TupleObj *)f->args)->items[i];
    }
    exc_set(f->in, X_TYPE, "not enough arguments for format string");
    return NULL;
}

static int is_mapping(const Obj *o)
{
    /* PyMapping_Check: anything with __getitem__ (a list too) */
    return o->type == T_DICT || o->type == T_LIST || o->type == T_ARRAY || o->type == T_RANGE ||
           o->type == T_DICTVIEW;
}

static int64_t code_points(const char *s, size_t n)
{
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Bytes of the first k code points of s. */
static size_t prefix_bytes(const char *s, size_t n, int64_t k)
{
    size_t i = 0;
    for (; i < n && k > 0; k--) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* out += sign, prefix, zeros and body, padded to width: spaces left (or
 * right with '-'), or zeros after the sign and prefix with '0'. */
static void pad_out(StrBuf *out, const char *sign, const char *prefix, const char *body, size_t blen,
                    int64_t width, int left, int zero)
{
    int64_t len = (int64_t)(strlen(sign) + strlen(prefix)) + code_points(body, blen);
    int64_t pad = width > len ? width - len : 0;
    if (!left && !zero)
        for (int64_t i = 0; i < pad; i++) sb_putc(out, ' ');
    sb_puts(out, sign);
    sb_puts(out, prefix);
    if (!left && zero)
        for (int64_t i = 0; i < pad; i++) sb_putc(out, '0');
    sb_put(out, body, blen);
    if (left)
        for (int64_t i = 0; i < pad; i++) sb_putc(out, ' ');
}

/* An int (or bool) in base 10/8/16 without its sign into digits; *neg set. */
static int int_digits(Interp *in, Obj *v, int base, int upper, StrBuf *digits, int *neg)
{
    if (v->flags & OF_BIG) {
        BigInt *b = ((IntObj *)v)->big;
        BigInt *a = bi_abs(b);
        *neg = bi_cmp_i64(b, 0) < 0;
        StrBuf t = {0};
        int r = 0;
        if (base == 10) {
            if (bi_to_str_limited(a, &t, INT_MAX_STR_DIGITS) < 0) r = exc_int_str_limit(in);
            else sb_put(digits, t.s, t.len);
        } else {
            bi_to_str_base(a, base, &t);   /* "0x1f" / "0o17" */
            for (size_t i = 2; i < t.len; i++)
                sb_putc(digits, upper && t.s[i] >= 'a' && t.s[i] <= 'f' ? (char)(t.s[i] - 32) : t.s[i]);
        }
        sb_free(&t);
        bi_free(a);
        return r;
    }
    int64_t x = ((IntObj *)v)->v;
    uint64_t u = x < 0 ? 0ULL - (uint64_t)x : (uint64_t)x;
    *neg = x < 0;
    char buf[32];
    if (base == 10) snprintf(buf, sizeof buf, "%llu", (unsigned long long)u);
    else if (base == 8) snprintf(buf, sizeof buf, "%llo", (unsigned long long)u);
    else snprintf(buf, sizeof buf, upper ? "%llX" : "%llx", (unsigned long long)u);
    sb_puts(digits, buf);
    return 0;
}

/* ascii(): the code points over 0x7f of a repr as \\xNN, \\uNNNN, \\UNNNNNNNN. */
static void ascii_escape(StrBuf *t)
{
    StrBuf e = {0};
    for (size_t i = 0; i < t->len;) {
        unsigned char c = (unsigned char)t->s[i];
        if (c < 0x80) {
            sb_putc(&e, (char)c);
            i++;
            continue;
        }
        uint32_t cp = '?';
        int len = utf8_decode((const unsigned char *)t->s + i, t->len - i, &cp);
        i += len > 0 ? (size_t)len : 1;
        if (cp <= 0xFF) sb_printf(&e, "\\x%02x", cp);
        else if (cp <= 0xFFFF) sb_printf(&e, "\\u%04x", cp);
        else sb_printf(&e, "\\U%08x", cp);
    }
    sb_free(t);
    *t = e;
}

typedef struct { int left, plus, space, alt, zero; int64_t width, prec; } Spec;

/* %d %i %u %o %x %X (mainformatlong / formatlong). */
static int fmt_int(Fmt *f, Obj *v, char c, const Spec *sp, StrBuf *out)
{
    Interp *in = f->in;
    Obj *owned = NULL;
    if (v->type == T_FLOAT && (c == 'd' || c == 'i' || c == 'u')) {
        double d = ((FloatObj *)v)->v;
        if (isinf(d)) return exc_set(in, X_OVERFLOW, "cannot convert float infinity to integer");
        if (isnan(d)) return exc_set(in, X_VALUE, "cannot convert float NaN to integer");
        double t = trunc(d);
        if (t >= -9.2e18 && t <= 9.2e18) owned = new_int(in->h, (int64_t)t);
        else owned = new_bigint(in->h, bi_from_double(t));
        if (!owned) return exc_nomem(in);
        v = owned;
    } else if (v->type != T_INT && v->type != T_BOOL) {
        if (c == 'd' || c == 'i' || c == 'u')
            return exc_set(in, X_TYPE, "%%%c format: a real number is required, not %s", c, obj_tname(in, v));
        return exc_set(in, X_TYPE, "%%%c format: an integer is required, not %s", c, obj_tname(in, v));
    }
    StrBuf digits = {0};
    int neg = 0;
    int base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
    int r = int_digits(in, v, base, c == 'X', &digits, &neg);
    if (owned) decref(in->h, owned);
    if (r < 0) {
        sb_free(&digits);
        return -1;
    }
    /* precision: at least that many digits */
    StrBuf body = {0};
    for (int64_t k = (int64_t)digits.len; k < sp->prec; k++) sb_putc(&body, '0');
    sb_put(&body, digits.s ? digits.s : "", digits.len);
    const char *sign = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    const char *prefix = !sp->alt ? "" : c == 'o' ? "0o" : c == 'x' ? "0x" : c == 'X' ? "0X" : "";
    pad_out(out, sign, prefix, body.s ? body.s : "", body.len, sp->width, sp->left, sp->zero);
    sb_free(&body);
    sb_free(&digits);
    return 0;
}

/* %e %E %f %F %g %G (formatfloat). */
static int fmt_float(Fmt *f, Obj *v, char c, const Spec *sp, StrBuf *out)
{
    Interp *in = f->in;
    double d;
    if (v->type == T_FLOAT) d = ((FloatObj *)v)->v;
    else if (v->type == T_INT || v->type == T_BOOL) {
        if (v->flags & OF_BIG) {
            int ovf = 0;
            d = bi_to_double(((IntObj *)v)->big, &ovf);
            if (ovf) return exc_set(in, X_OVERFLOW, "int too large to convert to float");
        } else {
            d = (double)((IntObj *)v)->v;
        }
    } else {
        return exc_set(in, X_TYPE, "must be real number, not %s", obj_tname(in, v));
    }
    int64_t prec = sp->prec < 0 ? 6 : sp->prec;
    if (prec > 10000) prec = 10000;
    char fmt[16], buf[10100 + 400];
    snprintf(fmt, sizeof fmt, "%%%s.%d%c", sp->alt ? "#" : "", (int)prec, c);
    /* fmt is built from the fixed conversions above */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    snprintf(buf, sizeof buf, fmt, fabs(d));
#pragma GCC diagnostic pop
    int neg = signbit(d) && !isnan(d);
    const char *sign = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
    pad_out(out, sign, "", buf, strlen(buf), sp->width, sp->left, sp->zero);
    return 0;
}

/* One conversion at s[*pos] (just after its '%'); *pos moves past it. */
static int convert(Fmt *f, const char *s, size_t n, size_t *pos, StrBuf *out)
{
    Interp *in = f->in;
    size_t i = *pos;
    Obj *v = NULL, *keyed = NULL;
    if (i < n && s[i] == '(') {
        if (!f->dict) return exc_set(in, X_TYPE, "format requires a mapping");
        size_t start = ++i;
        int depth = 1;
        while (i < n && depth > 0) {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth--;
            i++;
        }
        if (depth > 0) return exc_set(in, X_VALUE, "incomplete format key");
        Obj *key = make_str(in, s + start, i - 1 - start);
        if (!key) return -1;
        int r = obj_getitem(in, f->dict, key, &keyed);
        decref(in->h, key);
        if (r < 0) return -1;
        v = keyed;
        f->arglen = -1;   /* after a key: the positional arguments are gone */
        f->argidx = -2;
    }
    Spec sp = {0, 0, 0, 0, 0, -1, -1};
    for (; i < n; i++) {
        if (s[i] == '-') sp.left = 1;
        else if (s[i] == '+') sp.plus = 1;
        else if (s[i] == ' ') sp.space = 1;
        else if (s[i] == '#') sp.alt = 1;
        else if (s[i] == '0') sp.zero = 1;
        else break;
    }
    int r = 0;
    if (i < n && s[i] == '*') {
        Obj *w = next_arg(f);
        if (!w) goto fail;
        if (w->type != T_INT || (w->flags & OF_BIG)) {
            r = exc_set(in, X_TYPE, "* wants int");
            goto done;
        }
        sp.width = ((IntObj *)w)->v;
        if (sp.width < 0) {
            sp.left = 1;
            sp.width = -sp.width;
        }
        i++;
    } else {
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            if (sp.width < 0) sp.width = 0;
            if (sp.width > 100000000) {
                r = exc_set(in, X_VALUE, "width too big");
                goto done;
            }
            sp.width = sp.width * 10 + (s[i] - '0');
        }
    }
    if (i < n && s[i] == '.') {
        i++;
        sp.prec = 0;
        if (i < n && s[i] == '*') {
            Obj *p = next_arg(f);
            if (!p) goto fail;
            if (p->type != T_INT || (p->flags & OF_BIG)) {
                r = exc_set(in, X_TYPE, "* wants int");
                goto done;
            }
            sp.prec = ((IntObj *)p)->v < 0 ? 0 : ((IntObj *)p)->v;
            i++;
        } else {
            for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
                if (sp.prec > 100000000) {
                    r = exc_set(in, X_VALUE, "precision too big");
                    goto done;
                }
                sp.prec = sp.prec * 10 + (s[i] - '0');
            }
        }
    }
    if (i >= n) {
        r = exc_set(in, X_VALUE, "incomplete format");
        goto done;
    }
    char c = s[i++];
    *pos = i;
    /* the argument is taken before the conversion is looked at ("%5%"
       wants one, then is refused) */
    if (!v && !(v = next_arg(f))) goto fail;
    switch (c) {
    case 's': case 'r': case 'a': {
        StrBuf t = {0};
        if (c == 's') obj_str(in, v, &t);
        else obj_repr(in, v, &t);
        if (in->repr_failed) {
            sb_free(&t);
            goto fail;
        }
        if (c == 'a') ascii_escape(&t);
        size_t len = t.len;
        if (sp.prec >= 0) len = prefix_bytes(t.s ? t.s : "", t.len, sp.prec);
        pad_out(out, "", "", t.s ? t.s : "", len, sp.width, sp.left, 0);
        sb_free(&t);
        break;
    }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        r = fmt_int(f, v, c, &sp, out);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        r = fmt_float(f, v, c, &sp, out);
        break;
    case 'c': {
        StrBuf t = {0};
        if (v->type == T_STR && ((StrObj *)v)->nchars == 1) {
            sb_put(&t, ((StrObj *)v)->s, ((StrObj *)v)->len);
        } else if ((v->type == T_INT || v->type == T_BOOL) && !(v->flags & OF_BIG)) {
            int64_t cp = ((IntObj *)v)->v;
            if (cp < 0 || cp > 0x10FFFF) {
                r = exc_set(in, X_OVERFLOW, "%%c arg not in range(0x110000)");
                break;
            }
            sb_put_utf8(&t, (uint32_t)cp);
        } else if (v->type == T_INT) {
            r = exc_set(in, X_OVERFLOW, "%%c arg not in range(0x110000)");
            break;
        } else {
            r = exc_set(in, X_TYPE, "%%c requires int or char");
            break;
        }
        pad_out(out, "", "", t.s, t.len, sp.width, sp.left, 0);
        sb_free(&t);
        break;
    }
    default: {
        /* the index counts code points, as CPython's does */
        uint32_t cp = (unsigned char)c;
        int len = utf8_decode((const unsigned char *)s + i - 1, n - (i - 1), &cp);
        char shown[8] = {0};
        memcpy(shown, s + i - 1, len > 0 ? (size_t)len : 1);
        r = exc_set(in, X_VALUE, "unsupported format character '%s' (0x%x) at index %lld", shown, cp,
                    (long long)code_points(s, i - 1));
        break;
    }
    }
done:
    if (keyed) decref(in->h, keyed);
    return r;
fail:
    if (keyed) decref(in->h, keyed);
    return -1;
}

int str_percent(Interp *in, Obj *fmt, Obj *args, Obj **res)
{
    const StrObj *fs = (const StrObj *)fmt;
    Fmt f = {in, args, NULL, -1, -2};
    int plain = memchr(fs->s, '%', fs->len) == NULL;
    if (args->type == T_TUPLE) {
        f.arglen = ((TupleObj *)args)->n;
        f.argidx = 0;
    }
    if (is_mapping(args) && args->type != T_TUPLE && args->type != T_STR) f.dict = args;
    StrBuf out = {0};
    const char *s = fs->s;
    size_t n = fs->len, i = 0;
    while (i < n) {
        const char *pct = memchr(s + i, '%', n - i);
        size_t lit = pct ? (size_t)(pct - (s + i)) : n - i;
        sb_put(&out, s + i, lit);
        i += lit;
        if (i >= n) break;
        i++;   /* the '%' */
        if (i < n && s[i] == '%') {   /* "%%" */
            sb_putc(&out, '%');
            i++;
            continue;
        }
        if (convert(&f, s, n, &i, &out) < 0) {
            sb_free(&out);
            return -1;
        }
    }
    if (f.argidx < f.arglen && !f.dict) {
        sb_free(&out);
        return exc_set(in, X_TYPE, "not all arguments converted during string formatting");
    }
    if (plain) {
        /* nothing to convert: CPython's writer gives back the format itself */
        sb_free(&out);
        *res = incref(in->h, fmt);
        return 0;
    }
    *res = make_str_sb(in, &out);
    sb_free(&out);
    return *res ? 0 : -1;
}
