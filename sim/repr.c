/* repr() and str() as CPython prints them: shortest round-trip floats, str
 * quoting, containers with the [...] guard for recursion, and the small
 * format-spec language f-strings use. */
#include "interp_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"

void repr_float(double v, StrBuf *out)
{
    if (isnan(v)) { sb_puts(out, "nan"); return; }
    if (isinf(v)) { sb_puts(out, v > 0 ? "inf" : "-inf"); return; }
    if (v == 0) { sb_puts(out, signbit(v) ? "-0.0" : "0.0"); return; }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v) break;
    }
    /* buf is [-]d.ddde[+-]XX: split into digits and exponent */
    char digits[32];
    int nd = 0, neg = 0;
    const char *p = buf;
    if (*p == '-') { neg = 1; p++; }
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = '\0';
    int decpt = exp + 1;
    if (neg) sb_putc(out, '-');
    if (decpt > 16 || decpt < -3) {
        sb_putc(out, digits[0]);
        if (nd > 1) {
            sb_putc(out, '.');
            sb_puts(out, digits + 1);
        }
        sb_printf(out, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return;
    }
    if (decpt <= 0) {
        sb_puts(out, "0.");
        for (int i = 0; i < -decpt; i++) sb_putc(out, '0');
        sb_puts(out, digits);
    } else if (decpt >= nd) {
        sb_puts(out, digits);
        for (int i = nd; i < decpt; i++) sb_putc(out, '0');
        sb_puts(out, ".0");
    } else {
        sb_put(out, digits, (size_t)decpt);
        sb_putc(out, '.');
        sb_puts(out, digits + decpt);
    }
}

static void repr_str(const StrObj *s, StrBuf *out) { repr_str_bytes(s->s, s->len, out); }

void repr_str_bytes(const char *str, size_t len, StrBuf *out)
{
    int has_sq = memchr(str, '\'', len) != NULL, has_dq = memchr(str, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    sb_putc(out, q);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)str[i];
        if (c == (unsigned char)q || c == '\\') {
            sb_putc(out, '\\');
            sb_putc(out, (char)c);
        } else if (c == '\n') sb_puts(out, "\\n");
        else if (c == '\r') sb_puts(out, "\\r");
        else if (c == '\t') sb_puts(out, "\\t");
        else if (c < 0x20 || c == 0x7f) sb_printf(out, "\\x%02x", c);
        else if (c == 0xC2 && i + 1 < len && (unsigned char)str[i + 1] < 0xA0) {
            /* C1 controls U+0080..U+009F are not printable */
            sb_printf(out, "\\x%02x", (unsigned char)str[i + 1] - 0x80 + 0x80);
            i++;
        } else sb_putc(out, (char)c);
    }
    sb_putc(out, q);
}

static Heap *repr_heap;
static uintptr_t fake_addr(const Obj *o) { return (uintptr_t)heap_address(repr_heap, o); }

static int repr_enter(Interp *in, Obj *o)
{
    if (!in->repr_entered) {
        /* Py_ReprEnter keeps a list in the thread state's dict from its
         * first use, and PyThreadState_GetDict makes that dict then */
        in->repr_entered = 1;
        gc_count_alloc(in->h);
        gc_count_alloc(in->h);
    }
    for (int i = 0; i < in->nrepr; i++)
        if (in->repr_stack[i] == o) return 1;
    if (in->nrepr == in->repr_cap) {
        in->repr_cap = in->repr_cap ? in->repr_cap * 2 : 16;
        in->repr_stack = xrealloc(in->repr_stack, in->repr_cap * sizeof(Obj *));
    }
    in->repr_stack[in->nrepr++] = o;
    return 0;
}

static void repr_leave(Interp *in) { in->nrepr--; }

static const char *sname(Interp *in, Sym s) { return module_symname(in->mod, s); }

static void repr_array_items(Interp *in, ArrayObj *a, StrBuf *out)
{
    for (int64_t i = 0; i < a->n; i++) {
        if (i) sb_puts(out, ", ");
        extern Obj *array_item(Interp *, ArrayObj *, int64_t);
        Obj *v = array_item(in, a, i);
        if (v) {
            obj_repr(in, v, out);
            decref(in->h, v);
        }
    }
}

/* repr() nests inside the Python calls' recursion limit, as CPython 3.11's
 * PyObject_Repr does (Py_EnterRecursiveCall): a deeply nested container
 * raises RecursionError instead of overflowing the C stack. */
#define REPR_DEPTH_LIMIT 1000
/* sys.get_int_max_str_digits() of CPython 3.11 */

/* Set a Python exception from inside a repr: obj_repr cannot return one, so
 * it records the failure (in->repr_failed); the rest of the repr unwinds
 * without output and the caller that raises checks the flag. */
static void repr_fail(Interp *in, ExcType t, const char *msg)
{
    if (in->repr_failed) return;
    in->repr_failed = 1;
    exc_set(in, t, "%s", msg);
}

static void repr_impl(Interp *in, Obj *o, StrBuf *out);

void obj_repr(Interp *in, Obj *o, StrBuf *out)
{
    if (in->repr_nest == 0) in->repr_failed = 0;
    else if (in->repr_failed) return;
    if (in->depth + in->repr_nest >= REPR_DEPTH_LIMIT) {
        repr_fail(in, X_RECURSION, "maximum recursion depth exceeded while getting the repr of an object");
        return;
    }
    in->repr_nest++;
    repr_impl(in, o, out);
    in->repr_nest--;
}

static void repr_impl(Interp *in, Obj *o, StrBuf *out)
{
    repr_heap = in->h;
    switch ((ObjType)o->type) {
    case T_NONE: sb_puts(out, "None"); return;
    case T_NOTIMPL: sb_puts(out, "NotImplemented"); return;
    case T_BOOL: sb_puts(out, ((IntObj *)o)->v ? "True" : "False"); return;
    case T_INT:
        if (o->flags & OF_BIG) {
            if (bi_to_str_limited(((IntObj *)o)->big, out, INT_MAX_STR_DIGITS) < 0)
                repr_fail(in, X_VALUE, "Exceeds the limit (4300 digits) for integer string conversion; "
                                       "use sys.set_int_max_str_digits() to increase the limit");
        } else sb_printf(out, "%lld", (long long)((IntObj *)o)->v);
        return;
    case T_FLOAT: repr_float(((FloatObj *)o)->v, out); return;
    case T_STR: repr_str((StrObj *)o, out); return;
    case T_TUPLE: {
        TupleObj *t = (TupleObj *)o;
        if (t->n == 0) { sb_puts(out, "()"); return; }
        if (repr_enter(in, o)) { sb_puts(out, "(...)"); return; }
        sb_putc(out, '(');
        for (uint32_t i = 0; i < t->n; i++) {
            if (i) sb_puts(out, ", ");
            obj_repr(in, t->items[i], out);
        }
        if (t->n == 1) sb_putc(out, ',');
        sb_putc(out, ')');
        repr_leave(in);
        return;
    }
    case T_LIST: {
        ListObj *l = (ListObj *)o;
        if (l->n == 0) { sb_puts(out, "[]"); return; }
        if (repr_enter(in, o)) { sb_puts(out, "[...]"); return; }
        sb_putc(out, '[');
        for (int64_t i = 0; i < l->n; i++) {
            if (i) sb_puts(out, ", ");
            obj_repr(in, l->items[i], out);
        }
        sb_putc(out, ']');
        repr_leave(in);
        return;
    }
    case T_DICT: {
        DictObj *d = (DictObj *)o;
        if (d->used == 0) { sb_puts(out, "{}"); return; }
        if (repr_enter(in, o)) { sb_puts(out, "{...}"); return; }
        sb_putc(out, '{');
        int first = 1;
        for (uint32_t i = 0; i < d->nentries; i++) {
            if (!d->entries[i].key) continue;
            if (!first) sb_puts(out, ", ");
            first = 0;
            obj_repr(in, d->entries[i].key, out);
            sb_puts(out, ": ");
            obj_repr(in, d->entries[i].value, out);
        }
        sb_putc(out, '}');
        repr_leave(in);
        return;
    }
    case T_SET: {
        SetObj *s = (SetObj *)o;
        if (s->used == 0) { sb_puts(out, "set()"); return; }
        if (repr_enter(in, o)) { sb_puts(out, "set(...)"); return; }
        sb_putc(out, '{');
        int first = 1;
        for (uint32_t i = 0; i <= s->mask; i++) {
            if (!s->table[i].key || s->table[i].hash == -1) continue;
            if (!first) sb_puts(out, ", ");
            first = 0;
            obj_repr(in, s->table[i].key, out);
        }
        sb_putc(out, '}');
        repr_leave(in);
        return;
    }
    case T_CLASS: {
        ClassObj *c = (ClassObj *)o;
        if (o->flags & OF_STATIC) sb_printf(out, "<class '%s'>", sname(in, c->name));
        else sb_printf(out, "<class '__main__.%s'>", sname(in, c->name));
        return;
    }
    case T_DESCR: {
        DescrObj *d = (DescrObj *)o;
        sb_printf(out, o->sub == DESCR_MEMBER ? "<member '%s' of '%s' objects>" : "<attribute '%s' of '%s' objects>",
                  sname(in, d->name), sname(in, d->owner->name));
        return;
    }
    case T_INSTANCE:
        sb_printf(out, "<__main__.%s object at 0x%lx>", sname(in, ((InstanceObj *)o)->cls->name),
                  (unsigned long)fake_addr(o));
        return;
    case T_FUNCTION: {
        FuncObj *f = (FuncObj *)o;
        sb_printf(out, "<function %s at 0x%lx>", sname(in, f->name), (unsigned long)fake_addr(o));
        return;
    }
    case T_METHOD: {
        MethodObj *m = (MethodObj *)o;
        const char *fn = m->func->type == T_FUNCTION ? sname(in, ((FuncObj *)m->func)->name) : "?";
        const char *cn = m->self->type == T_INSTANCE ? sname(in, ((InstanceObj *)m->self)->cls->name) : "object";
        sb_printf(out, "<bound method %s.%s of ", cn, fn);
        obj_repr(in, m->self, out);
        sb_putc(out, '>');
        return;
    }
    case T_BUILTIN: {
        BuiltinObj *b = (BuiltinObj *)o;
        extern const char *builtin_name(int id);
        if (b->self) {
            sb_printf(out, "<built-in method %s of %s object at 0x%lx>", builtin_name(b->id), obj_type_name(b->self),
                      (unsigned long)fake_addr(b->self));
        } else sb_printf(out, "<built-in function %s>", builtin_name(b->id));
        return;
    }
    case T_MODULE: sb_printf(out, "<module '%s' (built-in)>", sname(in, ((ModuleObj *)o)->name)); return;
    case T_RANGE: {
        RangeObj *r = (RangeObj *)o;
        if (r->step == 1) sb_printf(out, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        else sb_printf(out, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
        return;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)o;
        if (a->n == 0) { sb_printf(out, "array('%c')", a->typecode); return; }
        sb_printf(out, "array('%c', [", a->typecode);
        repr_array_items(in, a, out);
        sb_puts(out, "])");
        return;
    }
    case T_DICTVIEW: {
        DictViewObj *v = (DictViewObj *)o;
        static const char *const names[] = {"dict_keys", "dict_values", "dict_items"};
        sb_printf(out, "%s([", names[o->sub]);
        int first = 1;
        DictObj *d = v->dict;
        for (uint32_t i = 0; i < d->nentries; i++) {
            if (!d->entries[i].key) continue;
            if (!first) sb_puts(out, ", ");
            first = 0;
            if (o->sub == DV_KEYS) obj_repr(in, d->entries[i].key, out);
            else if (o->sub == DV_VALUES) obj_repr(in, d->entries[i].value, out);
            else {
                sb_putc(out, '(');
                obj_repr(in, d->entries[i].key, out);
                sb_puts(out, ", ");
                obj_repr(in, d->entries[i].value, out);
                sb_putc(out, ')');
            }
        }
        sb_puts(out, "])");
        return;
    }
    case T_ITER:
        sb_printf(out, "<%s object at 0x%lx>", obj_type_name(o), (unsigned long)fake_addr(o));
        return;
    default: sb_puts(out, "<?>"); return;
    }
}

void obj_str(Interp *in, Obj *o, StrBuf *out)
{
    if (o->type == T_STR) {
        sb_put(out, ((StrObj *)o)->s, ((StrObj *)o)->len);
        return;
    }
    obj_repr(in, o, out);
}

/* The format-spec mini-language, enough for f"{x:>8}", f"{x:,}", f"{x:.2f}",
 * f"{x:05d}" and f"{x:x}". */
int exc_int_str_limit(Interp *in)
{
    return exc_set(in, X_VALUE, "Exceeds the limit (4300 digits) for integer string conversion; "
                                "use sys.set_int_max_str_digits() to increase the limit");
}

int format_value(Interp *in, Obj *v, const Node *specnode, StrBuf *out)
{
    StrBuf spec = {0};
    for (int i = 0; i < specnode->list.n; i++) {
        Node *p = specnode->list.items[i];
        if (p->kind == E_STR) sb_put(&spec, p->str, p->len);
        else {
            extern int interp_eval_part(Interp *, Node *, StrBuf *);
            if (interp_eval_part(in, p, &spec) < 0) {
                sb_free(&spec);
                return -1;
            }
        }
    }
    const char *s = spec.s ? spec.s : "";
    char fill = ' ', align = 0, sign = '-';
    int zero = 0, width = -1, prec = -1, comma = 0, under = 0;
    char type = 0;
    size_t n = strlen(s), i = 0;
    if (n >= 2 && (s[1] == '<' || s[1] == '>' || s[1] == '^' || s[1] == '=')) {
        fill = s[0];
        align = s[1];
        i = 2;
    } else if (n >= 1 && (s[0] == '<' || s[0] == '>' || s[0] == '^' || s[0] == '=')) {
        align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sign = s[i++];
    if (i < n && s[i] == '0') { zero = 1; i++; }
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        width = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (width > 100000000) { /* CPython tries to allocate the padding */
                sb_free(&spec);
                return exc_nomem(in);
            }
            width = width * 10 + (s[i++] - '0');
        }
    }
    if (i < n && s[i] == ',') { comma = 1; i++; }
    if (i < n && s[i] == '_') { under = 1; i++; }
    if (i < n && s[i] == '.') {
        i++;
        prec = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (prec > 100000000) {
                sb_free(&spec);
                return exc_set(in, X_VALUE, "precision too big");
            }
            prec = prec * 10 + (s[i++] - '0');
        }
    }
    if (i < n) type = s[i++];
    if (i != n) {
        exc_set(in, X_VALUE, "Invalid format specifier '%s' for object of type '%s'", s, obj_type_name(v));
        sb_free(&spec);
        return -1;
    }
    sb_free(&spec);
    StrBuf body = {0};
    int numeric = v->type == T_INT || v->type == T_BOOL || v->type == T_FLOAT;
    if (type == 0 && !numeric) {
        obj_str(in, v, &body);
        if (in->repr_failed) {
            sb_free(&body);
            return -1;
        }
    } else if (type == 's') {
        if (v->type != T_STR) {
            sb_free(&body);
            return exc_set(in, X_VALUE, "Unknown format code 's' for object of type '%s'", obj_type_name(v));
        }
        obj_str(in, v, &body);
    } else if (numeric) {
        double d = v->type == T_FLOAT ? ((FloatObj *)v)->v : (double)((IntObj *)v)->v;
        if (isnan(d)) d = fabs(d);   /* a NaN's sign bit is never shown: "nan", not "-nan" */
        int isint = v->type != T_FLOAT;
        char buf[8192]; /* a float, or an int of at most INT_MAX_STR_DIGITS digits and its separators */
        if (type == 'f' || type == 'F' || type == 'e' || type == 'E' || type == '%' || (type == 0 && !isint && prec >= 0) || type == 'g') {
            if (type == '%') { d *= 100; }
            char t = type == '%' ? 'f' : type == 0 ? 'g' : type;
            char fmt[16];
            snprintf(fmt, sizeof fmt, "%%.%d%c", prec < 0 ? 6 : prec, t);
            /* fmt is built from a fixed set of conversions above */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            snprintf(buf, sizeof buf, fmt, d);
#pragma GCC diagnostic pop
            if (type == '%') strcat(buf, "%");
        } else if (type == 'x' || type == 'X' || type == 'o' || type == 'b' || type == 'd' || type == 'n' || type == 0) {
            if (!isint && type != 0) {
                sb_free(&body);
                return exc_set(in, X_VALUE, "Unknown format code '%c' for object of type 'float'", type);
            }
            if (!isint) {
                StrBuf r = {0};
                repr_float(d, &r);
                snprintf(buf, sizeof buf, "%s", r.s);
                sb_free(&r);
            } else if (v->flags & OF_BIG) {
                StrBuf r = {0};
                if (bi_to_str_limited(((IntObj *)v)->big, &r, INT_MAX_STR_DIGITS) < 0) {
                    sb_free(&body);
                    return exc_int_str_limit(in);
                }
                snprintf(buf, sizeof buf, "%s", r.s);
                sb_free(&r);
            } else {
                long long x = (long long)((IntObj *)v)->v;
                unsigned long long ux = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
                const char *sg = x < 0 ? "-" : "";
                if (type == 'x') snprintf(buf, sizeof buf, "%s%llx", sg, ux);
                else if (type == 'X') snprintf(buf, sizeof buf, "%s%llX", sg, ux);
                else if (type == 'o') snprintf(buf, sizeof buf, "%s%llo", sg, ux);
                else if (type == 'b') {
                    char tmp[70];
                    int k = 0;
                    do { tmp[k++] = (char)('0' + (ux & 1)); ux >>= 1; } while (ux);
                    int o2 = snprintf(buf, sizeof buf, "%s", sg);
                    while (k) buf[o2++] = tmp[--k];
                    buf[o2] = 0;
                } else snprintf(buf, sizeof buf, "%lld", x);
            }
        } else {
            sb_free(&body);
            return exc_set(in, X_VALUE, "Unknown format code '%c' for object of type '%s'", type, obj_type_name(v));
        }
        /* thousands separators on the integer part */
        if (comma || under) {
            char *dot = strchr(buf, '.');
            size_t intlen = dot ? (size_t)(dot - buf) : strlen(buf);
            size_t start = buf[0] == '-' ? 1 : 0;
            StrBuf g = {0};
            sb_put(&g, buf, start);
            size_t digits = intlen - start;
            for (size_t k = 0; k < digits; k++) {
                if (k && (digits - k) % 3 == 0) sb_putc(&g, comma ? ',' : '_');
                sb_putc(&g, buf[start + k]);
            }
            sb_puts(&g, buf + intlen);
            snprintf(buf, sizeof buf, "%s", g.s);
            sb_free(&g);
        }
        if (sign == '+' && buf[0] != '-') sb_putc(&body, '+');
        else if (sign == ' ' && buf[0] != '-') sb_putc(&body, ' ');
        sb_puts(&body, buf);
        if (!align) align = '>';
        if (zero && width > 0 && (align == '>' || align == '=')) {
            fill = '0';
            align = '=';
        }
    } else {
        sb_free(&body);
        return exc_set(in, X_VALUE, "Unknown format code '%c' for object of type '%s'", type, obj_type_name(v));
    }
    if (!align) align = '<';
    /* pad by code points */
    int64_t len = 0;
    for (size_t k = 0; k < body.len; k++)
        if (((unsigned char)body.s[k] & 0xC0) != 0x80) len++;
    int64_t pad = width > len ? width - len : 0;
    if (align == '<') {
        sb_put(out, body.s ? body.s : "", body.len);
        for (int64_t k = 0; k < pad; k++) sb_putc(out, fill);
    } else if (align == '>') {
        for (int64_t k = 0; k < pad; k++) sb_putc(out, fill);
        sb_put(out, body.s ? body.s : "", body.len);
    } else if (align == '^') {
        for (int64_t k = 0; k < pad / 2; k++) sb_putc(out, fill);
        sb_put(out, body.s ? body.s : "", body.len);
        for (int64_t k = 0; k < pad - pad / 2; k++) sb_putc(out, fill);
    } else {
        size_t sg = body.len && (body.s[0] == '-' || body.s[0] == '+' || body.s[0] == ' ') ? 1 : 0;
        sb_put(out, body.s, sg);
        for (int64_t k = 0; k < pad; k++) sb_putc(out, fill);
        sb_put(out, body.s + sg, body.len - sg);
    }
    sb_free(&body);
    return 0;
}
