/* The object protocol, as CPython's Objects/abstract.c and the number,
 * sequence and mapping slots of its object files: truth and len, iteration,
 * int/float arithmetic, comparison, items and slices, attributes. */
#include "interp_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "profile.h"

/* ================================================================ truth, len */

int obj_truth(Interp *in, Obj *o)
{
    (void)in;
    switch ((ObjType)o->type) {
    case T_NONE: return 0;
    case T_BOOL: return ((IntObj *)o)->v != 0;
    case T_INT: return (o->flags & OF_BIG) ? 1 : ((IntObj *)o)->v != 0;
    case T_FLOAT: return ((FloatObj *)o)->v != 0.0;
    case T_STR: return ((StrObj *)o)->len != 0;
    case T_TUPLE: return ((TupleObj *)o)->n != 0;
    case T_LIST: return ((ListObj *)o)->n != 0;
    case T_DICT: return ((DictObj *)o)->used != 0;
    case T_SET: return ((SetObj *)o)->used != 0;
    case T_RANGE: return ((RangeObj *)o)->len != 0;
    case T_ARRAY: return ((ArrayObj *)o)->n != 0;
    case T_DICTVIEW: return ((DictViewObj *)o)->dict->used != 0;
    default: return 1;
    }
}

int obj_len(Interp *in, Obj *o, int64_t *n)
{
    switch ((ObjType)o->type) {
    case T_STR: *n = ((StrObj *)o)->nchars; return 0;
    case T_TUPLE: *n = ((TupleObj *)o)->n; return 0;
    case T_LIST: *n = ((ListObj *)o)->n; return 0;
    case T_DICT: *n = ((DictObj *)o)->used; return 0;
    case T_SET: *n = ((SetObj *)o)->used; return 0;
    case T_RANGE: *n = ((RangeObj *)o)->len; return 0;
    case T_ARRAY: *n = ((ArrayObj *)o)->n; return 0;
    case T_DICTVIEW: *n = ((DictViewObj *)o)->dict->used; return 0;
    default:
        return exc_set(in, X_TYPE, "object of type '%s' has no len()", o->type == T_INSTANCE
                       ? symname(in, ((InstanceObj *)o)->cls->name) : obj_type_name(o));
    }
}

int int_value(Interp *in, Obj *o, int64_t *v, const char *what)
{
    if ((o->type == T_INT || o->type == T_BOOL) && !(o->flags & OF_BIG)) {
        *v = ((IntObj *)o)->v;
        return 0;
    }
    if (o->type == T_INT) return exc_set(in, X_OVERFLOW, "Python int too large to convert to C ssize_t");
    return exc_set(in, X_TYPE, "%s", what);
}

/* ================================================================ iteration */

Obj *get_iter(Interp *in, Obj *o)
{
    IterKind k;
    switch ((ObjType)o->type) {
    case T_LIST: k = IT_LIST; break;
    case T_TUPLE: k = IT_TUPLE; break;
    case T_STR: k = IT_STR; break;
    case T_DICT: k = IT_DICT_KEYS; break;
    case T_SET: k = IT_SET; break;
    case T_ARRAY: k = IT_ARRAY; break;
    case T_ITER: return incref(in->h, o);
    case T_DICTVIEW:
        k = o->sub == DV_KEYS ? IT_DICT_KEYS : o->sub == DV_VALUES ? IT_DICT_VALUES : IT_DICT_ITEMS;
        o = &((DictViewObj *)o)->dict->gc.ob;
        break;
    case T_RANGE: {
        RangeObj *r = (RangeObj *)o;
        Obj *it = new_iter(in->h, IT_RANGE, NULL);
        if (!it) {
            exc_nomem(in);
            return NULL;
        }
        IterObj *ri = (IterObj *)it;
        ri->i = r->start;
        ri->stop = r->len;
        ri->step = r->step;
        return it;
    }
    default: {
        const char *tn = o->type == T_INSTANCE ? symname(in, ((InstanceObj *)o)->cls->name) : obj_type_name(o);
        exc_set(in, X_TYPE, "'%s' object is not iterable", tn);
        return NULL;
    }
    }
    Obj *it = new_iter(in->h, k, o);
    if (!it) exc_nomem(in);
    if (it && k == IT_DICT_ITEMS) ((IterObj *)it)->extra = iter_result_holder(in, 2);
    /* as dictiter/setiter: the size seen at the start (stop), and for a dict
     * the items still to come (step), to tell a key changed at the same size */
    if (it && (k == IT_DICT_KEYS || k == IT_DICT_VALUES || k == IT_DICT_ITEMS)) {
        ((IterObj *)it)->stop = ((DictObj *)((IterObj *)it)->seq)->used;
        ((IterObj *)it)->step = ((IterObj *)it)->stop;
    }
    if (it && k == IT_SET) ((IterObj *)it)->stop = ((SetObj *)((IterObj *)it)->seq)->used;
    return it;
}

static Obj *utf8_char_at(Interp *in, StrObj *s, int64_t *bytepos)
{
    int64_t p = *bytepos;
    unsigned char c = (unsigned char)s->s[p];
    int k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    *bytepos = p + k;
    return make_str(in, s->s + p, (size_t)k);
}

/* enumerate, zip and dict item iterators keep their last result tuple and
 * reuse it when nobody else holds it (CPython's en_result / di_result). */
static Obj *result_tuple(Interp *in, IterObj *it, uint32_t n, Obj **items)
{
    Heap *h = in->h;
    Obj *r = it->extra;
    if (r && r->rc == 1 && ((TupleObj *)r)->n == n) {
        incref(h, r);
        TupleObj *t = (TupleObj *)r;
        Obj *old[8];
        for (uint32_t i = 0; i < n && i < 8; i++) {
            old[i] = t->items[i];
            t->items[i] = items[i];
        }
        for (uint32_t i = 0; i < n && i < 8; i++) decref(h, old[i]);
        if (!(r->flags & OF_TRACKED)) gc_track(h, r);
        return r;
    }
    r = new_tuple(h, n);
    if (!r) {
        for (uint32_t i = 0; i < n; i++) decref(h, items[i]);
        exc_nomem(in);
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) ((TupleObj *)r)->items[i] = items[i];
    return r;
}

Obj *iter_result_holder(Interp *in, uint32_t n)
{
    Obj *t = new_tuple(in->h, n);
    if (!t) return NULL;
    for (uint32_t i = 0; i < n; i++) ((TupleObj *)t)->items[i] = incref(in->h, in->h->none);
    return t;
}

Obj *array_item(Interp *in, ArrayObj *a, int64_t i);

/* The items of a list or tuple (NULL for other kinds). */
Obj **seq_items(Obj *o, int64_t *n)
{
    if (o->type == T_LIST) {
        *n = ((ListObj *)o)->n;
        return ((ListObj *)o)->items;
    }
    if (o->type == T_TUPLE) {
        *n = ((TupleObj *)o)->n;
        return ((TupleObj *)o)->items;
    }
    *n = 0;
    return NULL;
}

/* An iterator that has run out drops its sequence at once, as CPython's do
 * (the sequence's count goes down the moment the loop ends). */
static int iter_exhausted(Heap *h, IterObj *it)
{
    Obj *seq = it->seq;
    it->seq = NULL;
    decref(h, seq);
    return 0;
}

int iter_next(Interp *in, Obj *ito, Obj **out)
{
    if (ito->sub != IT_RANGE && interp_work(in) < 0) return -1;
    IterObj *it = (IterObj *)ito;
    Heap *h = in->h;
    switch ((IterKind)ito->sub) {
    case IT_RANGE:
        return iter_step(in, ito, out);
    case IT_LIST: case IT_TUPLE: {
        if (!it->seq) return 0;
        int64_t n;
        Obj **items = seq_items(it->seq, &n);
        if (it->i < n) {
            *out = incref(h, items[it->i++]);
            return 1;
        }
        return iter_exhausted(h, it);
    }
    case IT_STR: {
        if (!it->seq) return 0;
        StrObj *s = (StrObj *)it->seq;
        if (it->i < s->len) {
            *out = utf8_char_at(in, s, &it->i);
            return *out ? 1 : -1;
        }
        return iter_exhausted(h, it);
    }
    case IT_ARRAY: {
        if (!it->seq) return 0;
        ArrayObj *a = (ArrayObj *)it->seq;
        if (it->i < a->n) {
            *out = array_item(in, a, it->i++);
            return *out ? 1 : -1;
        }
        return iter_exhausted(h, it);
    }
    case IT_DICT_KEYS: case IT_DICT_VALUES: case IT_DICT_ITEMS: {
        if (!it->seq) return 0;
        DictObj *d = (DictObj *)it->seq;
        if ((int64_t)d->used != it->stop) {
            it->stop = -1;
            return exc_set(in, X_RUNTIME, "dictionary changed size during iteration");
        }
        while (it->i < d->nentries && !d->entries[it->i].key) it->i++;
        if (it->i < d->nentries) {
            if (it->step <= 0) {
                it->stop = -1;   /* sticky, as CPython's */
                return exc_set(in, X_RUNTIME, "dictionary keys changed during iteration");
            }
            it->step--;
            DictEntry *e = &d->entries[it->i++];
            if (ito->sub == IT_DICT_KEYS) *out = incref(h, e->key);
            else if (ito->sub == IT_DICT_VALUES) *out = incref(h, e->value);
            else {
                Obj *pair[2] = {incref(h, e->key), incref(h, e->value)};
                *out = result_tuple(in, it, 2, pair);
                if (!*out) return -1;
            }
            return 1;
        }
        return iter_exhausted(h, it);
    }
    case IT_SET: {
        if (!it->seq) return 0;
        SetObj *s = (SetObj *)it->seq;
        if ((int64_t)s->used != it->stop) {
            it->stop = -1;
            return exc_set(in, X_RUNTIME, "Set changed size during iteration");
        }
        while (it->i <= (int64_t)s->mask) {
            SetEntry *e = &s->table[it->i++];
            if (e->key && e->hash != -1) {
                *out = incref(h, e->key);
                return 1;
            }
        }
        return iter_exhausted(h, it);
    }
    case IT_ENUMERATE: {
        Obj *item;
        int r = iter_next(in, it->seq, &item);
        if (r <= 0) return r;
        Obj *idx = make_int(in, it->i++);
        if (!idx) {
            decref(h, item);
            return -1;
        }
        Obj *pair[2] = {idx, item};
        *out = result_tuple(in, it, 2, pair);
        return *out ? 1 : -1;
    }
    case IT_ZIP: {
        TupleObj *its = (TupleObj *)it->seq;
        if (its->n == 0 || its->n > 8) return 0;
        Obj *items[8];
        for (uint32_t i = 0; i < its->n; i++) {
            int r = iter_step(in, its->items[i], &items[i]);
            if (r <= 0) {
                for (uint32_t j = 0; j < i; j++) decref(h, items[j]);
                return r;
            }
        }
        *out = result_tuple(in, it, its->n, items);
        return *out ? 1 : -1;
    }
    case IT_REVERSED: {
        if (!it->seq) return 0;
        ListObj *l = (ListObj *)it->seq;
        if (it->i >= 0 && it->i < l->n) {
            *out = incref(h, l->items[it->i--]);
            return 1;
        }
        return iter_exhausted(h, it);
    }
    }
    return 0;
}

/* ================================================================ numbers */

static BigInt *to_big(Obj *o)
{
    if (o->flags & OF_BIG) return bi_copy(((IntObj *)o)->big);
    return bi_from_i64(((IntObj *)o)->v);
}

int is_intlike(const Obj *o) { return o->type == T_INT || o->type == T_BOOL; }

static int to_double(Interp *in, Obj *o, double *d)
{
    if (o->type == T_FLOAT) { *d = ((FloatObj *)o)->v; return 0; }
    if (o->flags & OF_BIG) {
        int ovf = 0;
        *d = bi_to_double(((IntObj *)o)->big, &ovf);
        if (ovf) return exc_set(in, X_OVERFLOW, "int too large to convert to float");
        return 0;
    }
    *d = (double)((IntObj *)o)->v;
    return 0;
}

static Obj *big_result(Interp *in, BigInt *b)
{
    if (!b) {
        exc_nomem(in);
        return NULL;
    }
    Obj *o = new_bigint(in->h, b);
    if (!o) exc_nomem(in);
    return o;
}

static const char *op_symbol(int op)
{
    static const char *const s[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};
    return op <= OP_MATMUL ? s[op] : "?";
}

const char *tname(Interp *in, Obj *o)
{
    if (o->type == T_INSTANCE) return symname(in, ((InstanceObj *)o)->cls->name);
    return obj_type_name(o);
}

const char *obj_tname(Interp *in, Obj *o) { return tname(in, o); }

static int int_op(Interp *in, int op, Obj *a, Obj *b, Obj **res)
{
    if (!(a->flags & OF_BIG) && !(b->flags & OF_BIG)) {
        int64_t x = ((IntObj *)a)->v, y = ((IntObj *)b)->v, r, q;
        switch (op) {
        case OP_ADD: if (!bi_i64_add_overflows(x, y, &r)) goto small; break;
        case OP_SUB: if (!bi_i64_sub_overflows(x, y, &r)) goto small; break;
        case OP_MUL: if (!bi_i64_mul_overflows(x, y, &r)) goto small; break;
        case OP_FLOORDIV: case OP_MOD: {
            int k = bi_i64_divmod(x, y, &q, &r);
            if (k < 0)
                return exc_set(in, X_ZERODIV, op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
            if (k == 0) {
                r = op == OP_FLOORDIV ? q : r;
                goto small;
            }
            break;
        }
        case OP_LSHIFT:
            if (y < 0) return exc_set(in, X_VALUE, "negative shift count");
            if (!bi_i64_lshift_overflows(x, (uint64_t)y, &r)) goto small;
            break;
        case OP_RSHIFT:
            if (y < 0) return exc_set(in, X_VALUE, "negative shift count");
            r = bi_i64_rshift(x, (uint64_t)y);
            goto small;
        case OP_BITAND: r = x & y; goto small;
        case OP_BITOR: r = x | y; goto small;
        case OP_BITXOR: r = x ^ y; goto small;
        case OP_POW:
            if (y < 0) {
                double d = pow((double)x, (double)y);
                if (x == 0) return exc_set(in, X_ZERODIV, "0.0 cannot be raised to a negative power");
                *res = new_float(in->h, d);
                return *res ? 0 : exc_nomem(in);
            }
            {
                int64_t acc = 1, base = x;
                uint64_t e = (uint64_t)y;
                int ovf = 0;
                while (e && !ovf) {
                    if (e & 1) ovf |= bi_i64_mul_overflows(acc, base, &acc);
                    e >>= 1;
                    if (e) ovf |= bi_i64_mul_overflows(base, base, &base);
                }
                if (!ovf) { r = acc; goto small; }
            }
            break;
        default: break;
        }
        goto big;
    small:
        *res = make_int(in, r);
        return *res ? 0 : -1;
    }
big:;
    BigInt *x = to_big(a), *y = to_big(b), *r = NULL;
    int rc = 0;
    switch (op) {
    case OP_ADD: r = bi_add(x, y); break;
    case OP_SUB: r = bi_sub(x, y); break;
    case OP_MUL: r = bi_mul(x, y); break;
    case OP_FLOORDIV: case OP_MOD:
        if (bi_divmod(x, y, op == OP_FLOORDIV ? &r : NULL, op == OP_MOD ? &r : NULL) < 0)
            rc = exc_set(in, X_ZERODIV, op == OP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
        break;
    case OP_LSHIFT: case OP_RSHIFT: {
        int64_t n;
        if (!bi_to_i64(y, &n)) { rc = exc_nomem(in); break; }
        if (n < 0) { rc = exc_set(in, X_VALUE, "negative shift count"); break; }
        r = op == OP_LSHIFT ? bi_lshift(x, (uint64_t)n) : bi_rshift(x, (uint64_t)n);
        break;
    }
    case OP_BITAND: r = bi_and(x, y); break;
    case OP_BITOR: r = bi_or(x, y); break;
    case OP_BITXOR: r = bi_xor(x, y); break;
    case OP_POW: {
        int64_t n;
        if (!bi_to_i64(y, &n) || n < 0) { rc = exc_nomem(in); break; }
        r = bi_pow(x, (uint64_t)n, 0);
        break;
    }
    default: rc = -1; break;
    }
    bi_free(x);
    bi_free(y);
    if (rc < 0) return -1;
    *res = big_result(in, r);
    return *res ? 0 : -1;
}

static int float_op(Interp *in, int op, double x, double y, Obj **res)
{
    double r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV:
        if (y == 0) return exc_set(in, X_ZERODIV, "float division by zero");
        r = x / y;
        break;
    case OP_FLOORDIV:
        if (y == 0) return exc_set(in, X_ZERODIV, "float floor division by zero");
        r = floor(x / y);
        {
            double m = fmod(x, y);
            if (m != 0 && ((y < 0) != (m < 0))) m += y;
            r = (x - m) / y;
            r = floor(r + 0.5) == r ? r : floor(r);
            double fl = floor(r);
            if (r - fl > 0.5) fl += 1.0;
            r = fl;
        }
        break;
    case OP_MOD:
        if (y == 0) return exc_set(in, X_ZERODIV, "float modulo");
        r = fmod(x, y);
        if (r != 0) {
            if ((y < 0) != (r < 0)) r += y;
        } else {
            r = copysign(0.0, y);
        }
        break;
    case OP_POW:
        if (x == 0 && y < 0) return exc_set(in, X_ZERODIV, "0.0 cannot be raised to a negative power");
        /* a negative base to a fractional power is complex in CPython */
        if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y))
            return not_supported(in, in->frame ? in->frame->line : 0, in->stmt_col, "complex numbers",
                                 " (a negative number to a fractional power)");
        r = pow(x, y);
        /* as float_pow: a finite result too large is an error, not inf */
        if (isinf(r) && isfinite(x) && isfinite(y))
            return exc_set(in, X_OVERFLOW, "(34, 'Numerical result out of range')");
        break;
    default: return 1; /* not supported for floats */
    }
    *res = new_float(in->h, r);
    return *res ? 0 : exc_nomem(in);
}

static int seq_repeat(Interp *in, Obj *seq, int64_t n, Obj **res);
static int seq_concat(Interp *in, Obj *a, Obj *b, Obj **res);

int binary_op(Interp *in, int op, Obj *a, Obj *b, Obj **res)
{
    if (is_intlike(a) && is_intlike(b)) {
        if (op == OP_DIV) {
            double x, y;
            if (to_double(in, a, &x) < 0 || to_double(in, b, &y) < 0) return -1;
            if (y == 0) return exc_set(in, X_ZERODIV, "division by zero");
            *res = new_float(in->h, x / y);
            return *res ? 0 : exc_nomem(in);
        }
        if (op != OP_MATMUL) return int_op(in, op, a, b, res);
    }
    if ((a->type == T_FLOAT || is_intlike(a)) && (b->type == T_FLOAT || is_intlike(b))) {
        double x, y;
        if (to_double(in, a, &x) < 0 || to_double(in, b, &y) < 0) return -1;
        int r = float_op(in, op, x, y, res);
        if (r <= 0) return r;
    }
    if (op == OP_ADD && a->type == b->type &&
        (a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE))
        return seq_concat(in, a, b, res);
    if (op == OP_MUL) {
        if ((a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE) && is_intlike(b)) {
            int64_t n;
            if (int_value(in, b, &n, "") < 0) return exc_set(in, X_OVERFLOW, "cannot fit 'int' into an index-sized integer");
            return seq_repeat(in, a, n, res);
        }
        if ((b->type == T_STR || b->type == T_LIST || b->type == T_TUPLE) && is_intlike(a)) {
            int64_t n;
            if (int_value(in, a, &n, "") < 0) return exc_set(in, X_OVERFLOW, "cannot fit 'int' into an index-sized integer");
            return seq_repeat(in, b, n, res);
        }
    }
    if (op == OP_ADD && a->type == T_STR && b->type != T_STR)
        return exc_set(in, X_TYPE, "can only concatenate str (not \"%s\") to str", tname(in, b));
    if (op == OP_ADD && a->type == T_LIST && b->type != T_LIST)
        return exc_set(in, X_TYPE, "can only concatenate list (not \"%s\") to list", tname(in, b));
    if (op == OP_ADD && a->type == T_TUPLE && b->type != T_TUPLE)
        return exc_set(in, X_TYPE, "can only concatenate tuple (not \"%s\") to tuple", tname(in, b));
    if ((op == OP_MUL) && (a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE || b->type == T_STR ||
                           b->type == T_LIST || b->type == T_TUPLE))
        return exc_set(in, X_TYPE, "can't multiply sequence by non-int of type '%s'",
                       (a->type == T_STR || a->type == T_LIST || a->type == T_TUPLE) ? tname(in, b) : tname(in, a));
    if (a->type == T_SET && b->type == T_SET && (op == OP_BITOR || op == OP_BITAND || op == OP_SUB || op == OP_BITXOR)) {
        Obj *r = new_set(in->h);
        if (!r) return exc_nomem(in);
        SetObj *sa = (SetObj *)a, *sb = (SetObj *)b;
        for (uint32_t i = 0; i <= sa->mask; i++) {
            Obj *k = sa->table[i].key;
            if (!k || sa->table[i].hash == -1) continue;
            int inb = set_contains(sb, k);
            if ((op == OP_BITOR) || (op == OP_BITAND && inb) || ((op == OP_SUB || op == OP_BITXOR) && !inb))
                set_add(in->h, (SetObj *)r, k);
        }
        if (op == OP_BITOR || op == OP_BITXOR)
            for (uint32_t i = 0; i <= sb->mask; i++) {
                Obj *k = sb->table[i].key;
                if (!k || sb->table[i].hash == -1) continue;
                if (op == OP_BITOR || !set_contains(sa, k)) set_add(in->h, (SetObj *)r, k);
            }
        *res = r;
        return 0;
    }
    if (op == OP_MOD && a->type == T_STR) return str_percent(in, a, b, res);
    return exc_set(in, X_TYPE, "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol(op), tname(in, a),
                   tname(in, b));
}

static int seq_concat(Interp *in, Obj *a, Obj *b, Obj **res)
{
    Heap *h = in->h;
    if (a->type == T_STR) {
        /* PyUnicode_Concat: with the empty string, the other one itself */
        if (((StrObj *)b)->len == 0) { *res = incref(h, a); return 0; }
        if (((StrObj *)a)->len == 0) { *res = incref(h, b); return 0; }
        *res = new_str_cat(h, a, b);
        return *res ? 0 : exc_nomem(in);
    }
    if (a->type == T_LIST) {
        ListObj *x = (ListObj *)a, *y = (ListObj *)b;
        Obj *r = new_list(h, x->n + y->n);
        if (!r) return exc_nomem(in);
        ListObj *l = (ListObj *)r;
        for (int64_t i = 0; i < x->n; i++) l->items[i] = incref(h, x->items[i]);
        for (int64_t i = 0; i < y->n; i++) l->items[x->n + i] = incref(h, y->items[i]);
        l->n = x->n + y->n;
        *res = r;
        return 0;
    }
    TupleObj *x = (TupleObj *)a, *y = (TupleObj *)b;
    if (y->n == 0) { *res = incref(h, a); return 0; }
    if (x->n == 0) { *res = incref(h, b); return 0; }
    Obj *r = new_tuple(h, x->n + y->n);
    if (!r) return exc_nomem(in);
    TupleObj *t = (TupleObj *)r;
    for (uint32_t i = 0; i < x->n; i++) t->items[i] = incref(h, x->items[i]);
    for (uint32_t i = 0; i < y->n; i++) t->items[x->n + i] = incref(h, y->items[i]);
    *res = r;
    return 0;
}

static int seq_repeat(Interp *in, Obj *seq, int64_t n, Obj **res)
{
    Heap *h = in->h;
    if (n < 0) n = 0;
    if (seq->type == T_STR) {
        StrObj *s = (StrObj *)seq;
        if (s->len && n > ((int64_t)1 << 34) / (int64_t)s->len) return exc_nomem(in);
        if (heap_charge(h, (int64_t)s->len * n) < 0) return exc_nomem(in);
        StrBuf sb = {0};
        for (int64_t i = 0; i < n; i++) sb_put(&sb, s->s, s->len);
        *res = make_str_sb(in, &sb);
        sb_free(&sb);
        return *res ? 0 : -1;
    }
    if (seq->type == T_LIST) {
        ListObj *s = (ListObj *)seq;
        if (s->n && n > ((int64_t)1 << 40) / s->n) return exc_nomem(in);
        int64_t total = s->n * n;
        Obj *r = new_list(h, total);
        if (!r) return exc_nomem(in);
        ListObj *l = (ListObj *)r;
        if (s->n == 1) {
            Obj *v = s->items[0];
            v->rc += (uint32_t)total;
            for (int64_t i = 0; i < total; i++) l->items[i] = v;
        } else {
            for (int64_t i = 0; i < total; i++) l->items[i] = incref(h, s->items[i % s->n]);
        }
        l->n = total;
        *res = r;
        return 0;
    }
    TupleObj *s = (TupleObj *)seq;
    if (n == 1) { *res = incref(h, seq); return 0; }
    int64_t total = (int64_t)s->n * n;
    if (total > ((int64_t)1 << 31)) return exc_nomem(in);
    Obj *r = new_tuple(h, (uint32_t)total);
    if (!r) return exc_nomem(in);
    for (int64_t i = 0; i < total; i++) ((TupleObj *)r)->items[i] = incref(h, s->items[i % s->n]);
    *res = r;
    return 0;
}

/* ================================================================ compare */

static int cmp_result(int op, int c)
{
    switch (op) {
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}

static const char *cmp_symbol(int op)
{
    static const char *const s[] = {"==", "!=", "<", "<=", ">", ">="};
    return s[op];
}

static int compare_impl(Interp *in, Obj *a, Obj *b, int op, int *res);

/* Comparing containers recurses into their items: counted against the
 * recursion limit as CPython 3.11's PyObject_RichCompare does, so a deeply
 * nested pair raises RecursionError instead of overflowing the C stack. */
int compare(Interp *in, Obj *a, Obj *b, int op, int *res)
{
    if (a->type != b->type || (a->type != T_LIST && a->type != T_TUPLE && a->type != T_DICT))
        return compare_impl(in, a, b, op, res);
    if (recursion_exceeded(in))
        return exc_set(in, X_RECURSION, "maximum recursion depth exceeded in comparison");
    in->depth++;
    int r = compare_impl(in, a, b, op, res);
    in->depth--;
    return r;
}

static int compare_impl(Interp *in, Obj *a, Obj *b, int op, int *res)
{
    if (op == CMP_IS) { *res = a == b; return 0; }
    if (op == CMP_IS_NOT) { *res = a != b; return 0; }
    if (op == CMP_IN || op == CMP_NOT_IN) {
        int r;
        if (contains(in, b, a, &r) < 0) return -1;
        *res = op == CMP_IN ? r : !r;
        return 0;
    }
    if (is_intlike(a) && is_intlike(b)) {
        int c;
        if (!(a->flags & OF_BIG) && !(b->flags & OF_BIG)) {
            int64_t x = ((IntObj *)a)->v, y = ((IntObj *)b)->v;
            c = x < y ? -1 : x > y;
        } else {
            BigInt *x = to_big(a), *y = to_big(b);
            c = bi_cmp(x, y);
            bi_free(x);
            bi_free(y);
        }
        *res = cmp_result(op, c);
        return 0;
    }
    if ((a->type == T_FLOAT || is_intlike(a)) && (b->type == T_FLOAT || is_intlike(b))) {
        double x, y;
        if (to_double(in, a, &x) < 0 || to_double(in, b, &y) < 0) return -1;
        switch (op) {
        case CMP_EQ: *res = x == y; break;
        case CMP_NE: *res = x != y; break;
        case CMP_LT: *res = x < y; break;
        case CMP_LE: *res = x <= y; break;
        case CMP_GT: *res = x > y; break;
        default: *res = x >= y; break;
        }
        return 0;
    }
    if (a->type == T_STR && b->type == T_STR) {
        StrObj *x = (StrObj *)a, *y = (StrObj *)b;
        size_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->s, y->s, n);
        if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
        *res = cmp_result(op, c);
        return 0;
    }
    if (a->type == b->type && (a->type == T_LIST || a->type == T_TUPLE)) {
        int64_t xn, yn;
        Obj **xi = seq_items(a, &xn), **yi = seq_items(b, &yn);
        if ((op == CMP_EQ || op == CMP_NE) && xn != yn) { *res = op == CMP_NE; return 0; }
        int64_t i;
        for (i = 0; i < xn && i < yn; i++) {
            int eq;
            if (xi[i] == yi[i]) continue;
            if (compare(in, xi[i], yi[i], CMP_EQ, &eq) < 0) return -1;
            if (!eq) break;
        }
        if (i >= xn || i >= yn) {
            int c = xn < yn ? -1 : xn > yn;
            *res = cmp_result(op, c);
            return 0;
        }
        if (op == CMP_EQ) { *res = 0; return 0; }
        if (op == CMP_NE) { *res = 1; return 0; }
        return compare(in, xi[i], yi[i], op, res);
    }
    if (op == CMP_EQ || op == CMP_NE) {
        int eq;
        if (a->type == T_DICT && b->type == T_DICT) {
            DictObj *x = (DictObj *)a, *y = (DictObj *)b;
            eq = x->used == y->used;
            for (uint32_t i = 0; eq && i < x->nentries; i++) {
                if (!x->entries[i].key) continue;
                Obj *v = dict_get(y, x->entries[i].key);
                int e2 = 0;
                if (!v || compare(in, x->entries[i].value, v, CMP_EQ, &e2) < 0 || !e2) eq = 0;
            }
        } else if (a->type == T_SET && b->type == T_SET) {
            SetObj *x = (SetObj *)a, *y = (SetObj *)b;
            eq = x->used == y->used;
            for (uint32_t i = 0; eq && i <= x->mask; i++)
                if (x->table[i].key && x->table[i].hash != -1 && !set_contains(y, x->table[i].key)) eq = 0;
        } else {
            eq = a == b || (a->type == b->type && obj_equal(a, b));
        }
        *res = op == CMP_EQ ? eq : !eq;
        return 0;
    }
    return exc_set(in, X_TYPE, "'%s' not supported between instances of '%s' and '%s'", cmp_symbol(op), tname(in, a),
                   tname(in, b));
}

int contains(Interp *in, Obj *c, Obj *item, int *res)
{
    switch ((ObjType)c->type) {
    case T_LIST: case T_TUPLE: {
        int64_t n;
        Obj **items = seq_items(c, &n);
        for (int64_t i = 0; i < n; i++) {
            int eq;
            if (items[i] == item) { *res = 1; return 0; }
            if (compare(in, items[i], item, CMP_EQ, &eq) < 0) return -1;
            if (eq) { *res = 1; return 0; }
        }
        *res = 0;
        return 0;
    }
    case T_DICT: case T_SET: case T_DICTVIEW: {
        int64_t hh;
        if (c->type == T_DICTVIEW && c->sub != DV_KEYS) {
            Obj *it = get_iter(in, c);
            if (!it) return -1;
            Obj *v;
            int r, found = 0;
            while (!found && (r = iter_step(in, it, &v)) > 0) {
                int eq;
                if (compare(in, v, item, CMP_EQ, &eq) < 0) { decref(in->h, v); decref(in->h, it); return -1; }
                found = eq;
                decref(in->h, v);
            }
            decref(in->h, it);
            *res = found;
            return 0;
        }
        if (obj_hash(item, &hh) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, item));
        if (c->type == T_SET) *res = set_contains((SetObj *)c, item) == 1;
        else {
            DictObj *d = c->type == T_DICT ? (DictObj *)c : ((DictViewObj *)c)->dict;
            int64_t ix;
            *res = dict_lookup(d, item, hh, &ix);
        }
        return 0;
    }
    case T_STR: {
        if (item->type != T_STR)
            return exc_set(in, X_TYPE, "'in <string>' requires string as left operand, not %s", tname(in, item));
        StrObj *s = (StrObj *)c, *t = (StrObj *)item;
        *res = t->len == 0 || (t->len <= s->len && memmem(s->s, s->len, t->s, t->len) != NULL);
        return 0;
    }
    case T_RANGE: {
        RangeObj *r = (RangeObj *)c;
        if (!is_intlike(item) || (item->flags & OF_BIG)) { *res = 0; return 0; }
        int64_t v = ((IntObj *)item)->v;
        if (r->len == 0) { *res = 0; return 0; }
        int64_t last = r->start + (r->len - 1) * r->step;
        int in_range = r->step > 0 ? (v >= r->start && v <= last) : (v <= r->start && v >= last);
        *res = in_range && ((v - r->start) % r->step == 0);
        return 0;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)c;
        for (int64_t i = 0; i < a->n; i++) {
            Obj *v = array_item(in, a, i);
            if (!v) return -1;
            int eq;
            int r = compare(in, v, item, CMP_EQ, &eq);
            decref(in->h, v);
            if (r < 0) return -1;
            if (eq) { *res = 1; return 0; }
        }
        *res = 0;
        return 0;
    }
    default:
        return exc_set(in, X_TYPE, "argument of type '%s' is not iterable", tname(in, c));
    }
}

/* ================================================================ subscripts */

static int norm_index(Interp *in, Obj *idx, int64_t n, int64_t *out, const char *what)
{
    int64_t i;
    if (!is_intlike(idx)) {
        return exc_set(in, X_TYPE, "%s indices must be integers or slices, not %s", what, tname(in, idx));
    }
    if (idx->flags & OF_BIG) return exc_set(in, X_INDEX, "cannot fit 'int' into an index-sized integer");
    i = ((IntObj *)idx)->v;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return exc_set(in, X_INDEX, "%s index out of range", what);
    *out = i;
    return 0;
}

int slice_indices(Interp *in, Node *sl, int64_t n, int64_t *start, int64_t *stop, int64_t *step,
                         int64_t *len, Obj **vals)
{
    /* vals: the evaluated lower, upper, step (NULL where omitted) */
    int64_t st = 1;
    if (vals[2] && vals[2]->type != T_NONE) {
        if (int_value(in, vals[2], &st, "slice indices must be integers or None or have an __index__ method") < 0) return -1;
        if (st == 0) return exc_set(in, X_VALUE, "slice step cannot be zero");
    }
    int64_t lo, hi;
    int64_t dlo = st < 0 ? n - 1 : 0, dhi = st < 0 ? -1 : n;
    if (vals[0] && vals[0]->type != T_NONE) {
        if (int_value(in, vals[0], &lo, "slice indices must be integers or None or have an __index__ method") < 0) return -1;
        if (lo < 0) { lo += n; if (lo < 0) lo = st < 0 ? -1 : 0; }
        else if (lo >= n) lo = st < 0 ? n - 1 : n;
    } else lo = dlo;
    if (vals[1] && vals[1]->type != T_NONE) {
        if (int_value(in, vals[1], &hi, "slice indices must be integers or None or have an __index__ method") < 0) return -1;
        if (hi < 0) { hi += n; if (hi < 0) hi = st < 0 ? -1 : 0; }
        else if (hi >= n) hi = st < 0 ? n - 1 : n;
    } else hi = dhi;
    (void)sl;
    int64_t l = 0;
    if (st > 0 && lo < hi) l = (hi - lo - 1) / st + 1;
    else if (st < 0 && hi < lo) l = (lo - hi - 1) / (-st) + 1;
    *start = lo;
    *stop = hi;
    *step = st;
    *len = l;
    return 0;
}

Obj *array_item(Interp *in, ArrayObj *a, int64_t i)
{
    const char *p = (const char *)a->data + i * a->itemsize;
    switch (a->typecode) {
    case 'b': return make_int(in, *(const int8_t *)p);
    case 'B': return make_int(in, *(const uint8_t *)p);
    case 'h': return make_int(in, *(const int16_t *)p);
    case 'H': return make_int(in, *(const uint16_t *)p);
    case 'i': return make_int(in, *(const int32_t *)p);
    case 'I': return make_int(in, *(const uint32_t *)p);
    case 'l': case 'q': return make_int(in, *(const int64_t *)p);
    case 'L': case 'Q': {
        uint64_t u = *(const uint64_t *)p;
        if (u <= INT64_MAX) return make_int(in, (int64_t)u);
        return big_result(in, bi_from_u64(u));
    }
    case 'f': {
        Obj *o = new_float(in->h, *(const float *)p);
        if (!o) exc_nomem(in);
        return o;
    }
    case 'd': {
        Obj *o = new_float(in->h, *(const double *)p);
        if (!o) exc_nomem(in);
        return o;
    }
    }
    return NULL;
}

/* Store a Python value into an array's raw item (checks the typecode's range). */
int array_store(Interp *in, ArrayObj *a, Obj *v, void *dst)
{
    if (a->typecode == 'f' || a->typecode == 'd') {
        double d;
        if (!is_intlike(v) && v->type != T_FLOAT)
            return exc_set(in, X_TYPE, "must be real number, not %s", tname(in, v));
        if (to_double(in, v, &d) < 0) return -1;
        if (a->typecode == 'f') { float f = (float)d; memcpy(dst, &f, 4); }
        else memcpy(dst, &d, 8);
        return 0;
    }
    if (!is_intlike(v)) return exc_set(in, X_TYPE, "'%s' object cannot be interpreted as an integer", tname(in, v));
    int64_t x;
    if (v->flags & OF_BIG) {
        BigInt *b = ((IntObj *)v)->big;
        if ((a->typecode == 'L' || a->typecode == 'Q') && b->sign > 0 && b->ndigits <= 3) {
            uint64_t u = 0;
            for (int i = (int)b->ndigits - 1; i >= 0; i--) u = (u << 30) | b->d[i];
            if (bi_bit_length(b) <= 64) { memcpy(dst, &u, 8); return 0; }
        }
        return exc_set(in, X_OVERFLOW, "Python int too large to convert to C long");
    }
    x = ((IntObj *)v)->v;
    int64_t lo, hi;
    const char *msg = NULL;
    switch (a->typecode) {
    case 'b': lo = -128; hi = 127; msg = x < lo ? "signed char is less than minimum" : "signed char is greater than maximum"; break;
    case 'B': lo = 0; hi = 255; msg = x < lo ? "unsigned byte integer is less than minimum" : "unsigned byte integer is greater than maximum"; break;
    case 'h': lo = -32768; hi = 32767; msg = x < lo ? "signed short integer is less than minimum" : "signed short integer is greater than maximum"; break;
    case 'H': lo = 0; hi = 65535; msg = x < lo ? "unsigned short is less than minimum" : "unsigned short is greater than maximum"; break;
    case 'i': lo = INT32_MIN; hi = INT32_MAX; msg = x < lo ? "signed integer is less than minimum" : "signed integer is greater than maximum"; break;
    case 'I': lo = 0; hi = UINT32_MAX; msg = x < lo ? "unsigned int is less than minimum" : "unsigned int is greater than maximum"; break;
    case 'L': case 'Q':
        if (x < 0) return exc_set(in, X_OVERFLOW, "can't convert negative value to unsigned int");
        memcpy(dst, &x, 8);
        return 0;
    default: memcpy(dst, &x, 8); return 0;
    }
    if (x < lo || x > hi) return exc_set(in, X_OVERFLOW, "%s", msg);
    switch (a->itemsize) {
    case 1: { int8_t y = (int8_t)x; memcpy(dst, &y, 1); break; }
    case 2: { int16_t y = (int16_t)x; memcpy(dst, &y, 2); break; }
    default: { int32_t y = (int32_t)x; memcpy(dst, &y, 4); break; }
    }
    return 0;
}

int getitem(Interp *in, Obj *o, Obj *idx, Obj **res)
{
    Heap *h = in->h;
    int64_t i;
    switch ((ObjType)o->type) {
    case T_LIST:
        if (norm_index(in, idx, ((ListObj *)o)->n, &i, "list") < 0) return -1;
        *res = incref(h, ((ListObj *)o)->items[i]);
        return 0;
    case T_TUPLE:
        if (norm_index(in, idx, ((TupleObj *)o)->n, &i, "tuple") < 0) return -1;
        *res = incref(h, ((TupleObj *)o)->items[i]);
        return 0;
    case T_STR: {
        StrObj *s = (StrObj *)o;
        if (!is_intlike(idx)) return exc_set(in, X_TYPE, "string indices must be integers, not '%s'", tname(in, idx));
        if (norm_index(in, idx, s->nchars, &i, "string") < 0) return -1;
        int64_t p = 0;
        for (int64_t k = 0; k < i; k++) {
            unsigned char c = (unsigned char)s->s[p];
            p += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        }
        *res = utf8_char_at(in, s, &p);
        return *res ? 0 : -1;
    }
    case T_DICT: {
        int64_t hh;
        if (obj_hash(idx, &hh) < 0) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, idx));
        Obj *v = dict_get((DictObj *)o, idx);
        if (!v) {
            StrBuf r = {0};
            obj_repr(in, idx, &r);
            exc_set(in, X_KEY, "%s", r.s);
            sb_free(&r);
            return -1;
        }
        *res = incref(h, v);
        return 0;
    }
    case T_RANGE: {
        RangeObj *r = (RangeObj *)o;
        if (norm_index(in, idx, r->len, &i, "range object") < 0) return -1;
        *res = make_int(in, r->start + i * r->step);
        return *res ? 0 : -1;
    }
    case T_ARRAY:
        if (norm_index(in, idx, ((ArrayObj *)o)->n, &i, "array") < 0) return -1;
        *res = array_item(in, (ArrayObj *)o, i);
        return *res ? 0 : -1;
    default:
        return exc_set(in, X_TYPE, "'%s' object is not subscriptable", tname(in, o));
    }
}

int obj_getitem(Interp *in, Obj *o, Obj *idx, Obj **res) { return getitem(in, o, idx, res); }

int getslice(Interp *in, Obj *o, Node *sl, Obj **vals, Obj **res)
{
    Heap *h = in->h;
    int64_t n, start, stop, step, len;
    switch ((ObjType)o->type) {
    case T_LIST: n = ((ListObj *)o)->n; break;
    case T_TUPLE: n = ((TupleObj *)o)->n; break;
    case T_STR: n = ((StrObj *)o)->nchars; break;
    case T_RANGE: n = ((RangeObj *)o)->len; break;
    case T_ARRAY: n = ((ArrayObj *)o)->n; break;
    default: return exc_set(in, X_TYPE, "'%s' object is not subscriptable", tname(in, o));
    }
    if (slice_indices(in, sl, n, &start, &stop, &step, &len, vals) < 0) return -1;
    if (o->type == T_LIST) {
        Obj *r = new_list(h, len);
        if (!r) return exc_nomem(in);
        for (int64_t k = 0; k < len; k++) ((ListObj *)r)->items[k] = incref(h, ((ListObj *)o)->items[start + k * step]);
        ((ListObj *)r)->n = len;
        *res = r;
        return 0;
    }
    if (o->type == T_TUPLE) {
        if (len == n && step == 1) { *res = incref(h, o); return 0; }
        Obj *r = new_tuple(h, (uint32_t)len);
        if (!r) return exc_nomem(in);
        for (int64_t k = 0; k < len; k++) ((TupleObj *)r)->items[k] = incref(h, ((TupleObj *)o)->items[start + k * step]);
        *res = r;
        return 0;
    }
    if (o->type == T_RANGE) {
        RangeObj *rg = (RangeObj *)o;
        int64_t s0 = rg->start + start * rg->step;
        int64_t st = rg->step * step;
        *res = new_range(h, s0, s0 + len * st, st);
        return *res ? 0 : exc_nomem(in);
    }
    if (o->type == T_ARRAY) {
        ArrayObj *a = (ArrayObj *)o;
        Obj *r = new_array(h, a->typecode);
        if (!r) return exc_nomem(in);
        ArrayObj *ra = (ArrayObj *)r;
        if (len && array_resize(h, ra, len) < 0) { decref(h, r); return exc_nomem(in); }
        for (int64_t k = 0; k < len; k++)
            memcpy((char *)ra->data + k * a->itemsize, (char *)a->data + (start + k * step) * a->itemsize, a->itemsize);
        *res = r;
        return 0;
    }
    /* str: by code points */
    StrObj *s = (StrObj *)o;
    int64_t *offs = xmalloc(sizeof(int64_t) * (size_t)(s->nchars + 1));
    int64_t p = 0;
    for (int64_t k = 0; k < s->nchars; k++) {
        offs[k] = p;
        unsigned char c = (unsigned char)s->s[p];
        p += c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    }
    offs[s->nchars] = p;
    StrBuf b = {0};
    for (int64_t k = 0; k < len; k++) {
        int64_t ci = start + k * step;
        sb_put(&b, s->s + offs[ci], (size_t)(offs[ci + 1] - offs[ci]));
    }
    free(offs);
    *res = make_str_sb(in, &b);
    sb_free(&b);
    return *res ? 0 : -1;
}

int setitem(Interp *in, Obj *o, Obj *idx, Obj *v) /* v borrowed */
{
    Heap *h = in->h;
    int64_t i;
    switch ((ObjType)o->type) {
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        if (norm_index(in, idx, l->n, &i, "list") < 0) {
            if (in->exc == X_INDEX) sb_clear(&in->exc_msg), sb_puts(&in->exc_msg, "list assignment index out of range");
            return -1;
        }
        Obj *old = l->items[i];
        l->items[i] = incref(h, v);
        decref(h, old);
        return 0;
    }
    case T_DICT: {
        int r = dict_set(h, (DictObj *)o, idx, v);
        if (r == -2) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, idx));
        return r < 0 ? exc_nomem(in) : 0;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)o;
        if (norm_index(in, idx, a->n, &i, "array") < 0) {
            if (in->exc == X_INDEX) sb_clear(&in->exc_msg), sb_puts(&in->exc_msg, "array assignment index out of range");
            return -1;
        }
        return array_store(in, a, v, (char *)a->data + i * a->itemsize);
    }
    case T_TUPLE: case T_STR: case T_RANGE:
        return exc_set(in, X_TYPE, "'%s' object does not support item assignment", tname(in, o));
    default:
        return exc_set(in, X_TYPE, "'%s' object does not support item assignment", tname(in, o));
    }
}

int list_del_slice(Interp *in, ListObj *l, int64_t start, int64_t step, int64_t len)
{
    Heap *h = in->h;
    if (len <= 0) return 0;
    Obj **gone = xmalloc(sizeof(Obj *) * (size_t)len);
    if (step < 0) {
        start = start + (len - 1) * step;
        step = -step;
    }
    int64_t w = start, g = 0;
    for (int64_t r = start; r < l->n; r++) {
        if (g < len && r == start + g * step) {
            gone[g++] = l->items[r];
            continue;
        }
        l->items[w++] = l->items[r];
    }
    int64_t newn = l->n - len;
    list_resize(h, l, newn);
    /* list_ass_slice releases the removed items from the last to the first */
    for (int64_t k = len - 1; k >= 0; k--) decref(h, gone[k]);
    free(gone);
    return 0;
}

int delitem(Interp *in, Obj *o, Obj *idx)
{
    Heap *h = in->h;
    int64_t i;
    switch ((ObjType)o->type) {
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        if (norm_index(in, idx, l->n, &i, "list") < 0) {
            if (in->exc == X_INDEX) sb_clear(&in->exc_msg), sb_puts(&in->exc_msg, "list assignment index out of range");
            return -1;
        }
        if (py_profile->list_del_item_keeps) {
            /* 3.13's list_ass_item: the items move down, the allocation stays */
            Obj *gone = l->items[i];
            memmove(&l->items[i], &l->items[i + 1], sizeof(Obj *) * (size_t)(l->n - i - 1));
            l->n--;
            decref(h, gone);
            return 0;
        }
        return list_del_slice(in, l, i, 1, 1);
    }
    case T_DICT: {
        int r = dict_del(h, (DictObj *)o, idx);
        if (r == -2) return exc_set(in, X_TYPE, "unhashable type: '%s'", tname(in, idx));
        if (r == 0) {
            StrBuf s = {0};
            obj_repr(in, idx, &s);
            exc_set(in, X_KEY, "%s", s.s);
            sb_free(&s);
            return -1;
        }
        return 0;
    }
    default:
        return exc_set(in, X_TYPE, "'%s' object doesn't support item deletion", tname(in, o));
    }
}

/* ================================================================ attributes */

/* Methods CPython 3.11 has that the subset does not (builtins: interp.c's
 * cpython_builtins): using one stops the run with "not supported". */
static const struct { ObjType t; const char *names; } cpython_methods[] = {
    {T_INT, " as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes "},
    {T_BOOL, " as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes "},
    {T_FLOAT, " as_integer_ratio conjugate fromhex hex imag is_integer real "},
    {T_STR, " capitalize casefold center count encode endswith expandtabs find format format_map index isalnum "
            "isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper "
            "join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust "
            "rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill "},
    {T_LIST, " append clear copy count extend index insert pop remove reverse sort "},
    {T_DICT, " clear copy fromkeys get items keys pop popitem setdefault update values "},
    {T_SET, " add clear copy difference difference_update discard intersection intersection_update isdisjoint "
            "issubset issuperset pop remove symmetric_difference symmetric_difference_update union update "},
    {T_TUPLE, " count index "},
    {T_RANGE, " count index start step stop "},
};

static int attr_error(Interp *in, Obj *o, Sym name)
{
    if (o->type == T_CLASS)
        return exc_set(in, X_ATTRIBUTE, "type object '%s' has no attribute '%s'", symname(in, ((ClassObj *)o)->name),
                       symname(in, name));
    if (o->type == T_MODULE)
        return exc_set(in, X_ATTRIBUTE, "module '%s' has no attribute '%s'", symname(in, ((ModuleObj *)o)->name),
                       symname(in, name));
    const char *n = symname(in, name);
    size_t len = strlen(n);
    for (size_t i = 0; i < sizeof cpython_methods / sizeof cpython_methods[0]; i++) {
        if (cpython_methods[i].t != o->type) continue;
        for (const char *p = strstr(cpython_methods[i].names, n); p; p = strstr(p + 1, n))
            if (p[-1] == ' ' && p[len] == ' ') {
                char what[96];
                snprintf(what, sizeof what, "%s.", obj_type_name(o));
                return not_supported(in, in->frame->line, in->stmt_col, what, n);
            }
    }
    return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), n);
}

int getattr(Interp *in, Obj *o, Sym name, Obj **res)
{
    Heap *h = in->h;
    if (o->type == T_INSTANCE) {
        InstanceObj *inst = (InstanceObj *)o;
        Obj **slot = instance_slot(h, inst, name, 0);
        if (slot && *slot) {
            *res = incref(h, *slot);
            return 0;
        }
        Obj *v = class_lookup(in, inst->cls, name);
        if (v && v->type == T_DESCR) {
            /* the class's data descriptors: an unset slot, __weakref__ (no
             * weak references are made here: None), __dict__ (not modelled) */
            if (v->sub == DESCR_MEMBER)
                return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), symname(in, name));
            if (name == in->s_dict) return not_supported(in, in->frame->line, in->stmt_col, "", "an instance's __dict__");
            *res = incref(h, h->none);
            return 0;
        }
        if (v) {
            if (v->type == T_FUNCTION) {
                *res = new_method(h, v, o);
                return *res ? 0 : exc_nomem(in);
            }
            *res = incref(h, v);
            return 0;
        }
        if (name == in->s_class) { *res = incref(h, &inst->cls->gc.ob); return 0; }
        if (slot || (inst->cls->has_slots && instance_slot(h, inst, name, 0)))
            return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), symname(in, name));
        return attr_error(in, o, name);
    }
    if (o->type == T_CLASS) {
        ClassObj *c = (ClassObj *)o;
        if (name == in->s_name) {
            *res = str_for_sym(in, c->name);
            return *res ? 0 : exc_nomem(in);
        }
        if (name == in->s_dict) return not_supported(in, in->frame->line, in->stmt_col, "", "a class's __dict__");
        const char *n = symname(in, name);
        if (c->mro && !strcmp(n, "__mro__")) { *res = incref(h, &c->mro->gc.ob); return 0; }
        if (c->bases && !strcmp(n, "__bases__")) { *res = incref(h, &c->bases->gc.ob); return 0; }
        if (c->bases && !strcmp(n, "__base__")) {
            *res = incref(h, c->base ? &c->base->gc.ob : c->bases->items[0]);
            return 0;
        }
        Obj *v = class_lookup(in, c, name);
        if (!v && name == in->s_init) v = builtin_object_init(in); /* object.__init__ */
        if (v) {
            *res = incref(h, v);
            return 0;
        }
        return attr_error(in, o, name);
    }
    if (o->type == T_MODULE) return module_getattr(in, o, name, res);
    if (o->type == T_FUNCTION && name == in->s_name) {
        *res = str_for_sym(in, ((FuncObj *)o)->name);
        return *res ? 0 : exc_nomem(in);
    }
    if (o->type == T_METHOD) {
        MethodObj *m = (MethodObj *)o;
        const char *n = symname(in, name);
        if (!strcmp(n, "__self__")) { *res = incref(h, m->self); return 0; }
        if (!strcmp(n, "__func__")) { *res = incref(h, m->func); return 0; }
    }
    if (o->type == T_ARRAY) {
        const char *n = symname(in, name);
        if (!strcmp(n, "itemsize")) { *res = make_int(in, ((ArrayObj *)o)->itemsize); return *res ? 0 : -1; }
        if (!strcmp(n, "typecode")) {
            char tc = ((ArrayObj *)o)->typecode;
            *res = make_str(in, &tc, 1);
            return *res ? 0 : -1;
        }
    }
    int r = builtin_method(in, o, name, res);
    if (r < 0) return -1;
    if (r > 0) return 0;
    return attr_error(in, o, name);
}

int setattr(Interp *in, Obj *o, Sym name, Obj *v) /* v borrowed */
{
    Heap *h = in->h;
    if (o->type == T_INSTANCE) {
        InstanceObj *inst = (InstanceObj *)o;
        Obj **slot = instance_slot(h, inst, name, 1);
        if (!slot)
            return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'%s", tname(in, o), symname(in, name),
                           py_profile->slots_setattr_hint ? " and no __dict__ for setting new attributes" : "");
        Obj *old = *slot;
        *slot = incref(h, v);
        if (old) decref(h, old);
        return 0;
    }
    if (o->type == T_CLASS && !(o->flags & OF_STATIC)) return class_set(in, (ClassObj *)o, name, v);
    if (o->type == T_CLASS)
        return exc_set(in, X_TYPE, "cannot set '%s' attribute of immutable type '%s'", symname(in, name),
                       symname(in, ((ClassObj *)o)->name));
    if (o->type == T_LIST || o->type == T_DICT || o->type == T_TUPLE || o->type == T_STR || o->type == T_INT ||
        o->type == T_SET || o->type == T_FLOAT)
        return exc_set(in, X_ATTRIBUTE, "'%s' object attribute '%s' is read-only", tname(in, o), symname(in, name));
    return exc_set(in, X_ATTRIBUTE, "'%s' object has no attribute '%s'", tname(in, o), symname(in, name));
}

int delattr(Interp *in, Obj *o, Sym name)
{
    Heap *h = in->h;
    if (o->type == T_INSTANCE) {
        InstanceObj *inst = (InstanceObj *)o;
        Obj **slot = instance_slot(h, inst, name, 0);
        if (!slot || !*slot) return exc_set(in, X_ATTRIBUTE, "%s", symname(in, name));
        Obj *old = *slot;
        *slot = NULL;
        decref(h, old);
        return 0;
    }
    if (o->type == T_CLASS && !(o->flags & OF_STATIC)) return class_del(in, (ClassObj *)o, name);
    return attr_error(in, o, name);
}

