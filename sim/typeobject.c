/* Classes as CPython 3.11's Objects/typeobject.c builds them: type_new makes
 * a heap type with its own namespace dict, its __bases__ and __mro__ tuples
 * (the MRO holds the class itself, so every class is a cycle the collector
 * frees), the __dict__/__weakref__ getset descriptors or the __slots__
 * member descriptors (each holding the class), and its entry in the base's
 * tp_subclasses; and looks attributes up along the MRO. */
#include "interp_int.h"

#include <stdlib.h>
#include <string.h>

#include "gc.h"
#include "profile.h"

#define name_key str_for_sym_borrowed

Obj *class_lookup(Interp *in, ClassObj *c, Sym name)
{
    Obj *key = NULL;
    for (; c; c = c->base) {
        if (!c->dict) continue;
        if (!key && !(key = name_key(in, name))) return NULL;
        Obj *v = dict_get(c->dict, key);
        if (v) return v;
    }
    return NULL;
}

int class_set(Interp *in, ClassObj *c, Sym name, Obj *v)
{
    Obj *key = name_key(in, name);
    if (!key || !c->dict || dict_set(in->h, c->dict, key, v) < 0) return exc_nomem(in);
    if (name == in->s_del) c->has_del = in->has_finalizers = 1;
    return 0;
}

int class_del(Interp *in, ClassObj *c, Sym name)
{
    Obj *key = name_key(in, name);
    if (!key) return exc_nomem(in);
    if (!c->dict || dict_del(in->h, c->dict, key) != 1)
        return exc_set(in, X_ATTRIBUTE, "type object '%s' has no attribute '%s'", symname(in, c->name),
                       symname(in, name));
    return 0;
}

static Obj *dict_get_sym(Interp *in, DictObj *d, Sym name)   /* borrowed or NULL */
{
    Obj *key = name_key(in, name);
    return key ? dict_get(d, key) : NULL;
}

/* type_new_copy_slots sorts the names: the member descriptors go in in that order */
static void sort_syms(Interp *in, Sym *s, uint32_t n)
{
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t j = i; j > 0 && strcmp(symname(in, s[j - 1]), symname(in, s[j])) > 0; j--) {
            Sym t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
}

/* The __slots__ names (str items of a tuple or list, or one str), and
 * whether '__dict__' / '__weakref__' are among them. */
static uint32_t slot_names(Interp *in, Obj *slots, Sym **out, int *want_dict, int *want_weak)
{
    Obj **items = &slots;
    int64_t n = 1;
    if (slots->type == T_TUPLE) { items = ((TupleObj *)slots)->items; n = ((TupleObj *)slots)->n; }
    else if (slots->type == T_LIST) { items = ((ListObj *)slots)->items; n = ((ListObj *)slots)->n; }
    else if (slots->type != T_STR) n = 0;
    Sym *s = xcalloc((size_t)n + 1, sizeof(Sym));
    uint32_t k = 0;
    for (int64_t i = 0; i < n; i++) {
        if (items[i]->type != T_STR) continue;
        StrObj *so = (StrObj *)items[i];
        if (!strcmp(so->s, "__dict__")) *want_dict = 1;
        else if (!strcmp(so->s, "__weakref__")) *want_weak = 1;
        else s[k++] = module_intern(in->mod, so->s, so->len);
    }
    *out = s;
    return k;
}

static int dict_put(Interp *in, DictObj *d, Sym name, Obj *v)   /* v: a new reference, consumed */
{
    Obj *key = name_key(in, name);
    int r = v && key ? dict_set(in->h, d, key, v) : -1;
    if (v) decref(in->h, v);
    return r < 0 ? exc_nomem(in) : 0;
}

Obj *type_new(Interp *in, Sym name, TupleObj *bases, DictObj *ns)
{
    Heap *h = in->h;
    Obj *object = in->types[T_INSTANCE];
    ClassObj *base = NULL;
    TupleObj *tb;
    if (bases->n == 0) {
        /* type_new_get_bases: no bases means (object,) */
        tb = (TupleObj *)new_tuple(h, 1);
        if (!tb) return exc_nomem(in), NULL;
        tb->items[0] = incref(h, object);
    } else {
        tb = (TupleObj *)incref(h, &bases->gc.ob);
        Obj *b = bases->items[0];
        if (!(b->flags & OF_STATIC)) base = (ClassObj *)b;
    }
    /* type_new_init: the namespace is copied, then the type allocated */
    DictObj *dict = (DictObj *)dict_copy(h, ns);
    Obj *co = dict ? new_class(h, name, base) : NULL;
    if (!co) {
        if (dict) decref(h, &dict->gc.ob);
        decref(h, &tb->gc.ob);
        return exc_nomem(in), NULL;
    }
    ClassObj *c = (ClassObj *)co;
    c->dict = dict;
    c->bases = tb;
    Obj *qk = name_key(in, in->s_qualname);
    if (qk) dict_del(h, dict, qk);   /* type_new_set_ht_name */

    /* type_new_slots: what the instances hold */
    Obj *slots = dict_get_sym(in, dict, in->s_slots);
    int want_dict = !slots, want_weak = !slots;
    uint32_t own = 0;
    if (slots) {
        own = slot_names(in, slots, &c->slots, &want_dict, &want_weak);
        c->has_slots = 1;
        c->nslots = (base && base->has_slots ? base->nslots : 0) + own;
    }
    int add_dict = want_dict && !(base && base->managed_dict);
    int add_weak = want_weak && !(base && base->weaklist);
    /* 3.12+: a __weakref__ the class adds is managed, in the pre-header */
    c->basicsize = (base ? base->basicsize : 16) + 8 * own + (add_weak && !py_profile->managed_weakref ? 8 : 0);
    c->managed_dict = (uint8_t)((base && base->managed_dict) || add_dict);
    c->weaklist = (uint8_t)((base && base->weaklist) || add_weak);

    /* PyType_Ready: the MRO, then the descriptors into the dict, then __doc__ */
    Obj *sbase = bases->n && !base && bases->items[0] != object ? bases->items[0] : NULL; /* a builtin type */
    uint32_t nbase = base && base->mro ? base->mro->n : sbase ? 2 : 1;
    TupleObj *mro = (TupleObj *)new_tuple(h, 1 + nbase);
    if (!mro) goto fail;
    mro->items[0] = incref(h, co);
    for (uint32_t i = 0; i < nbase; i++)
        mro->items[1 + i] = incref(h, base && base->mro ? base->mro->items[i] : sbase && i == 0 ? sbase : object);
    c->mro = mro;
    if (own) {
        Sym *sorted = xmalloc(own * sizeof(Sym));
        memcpy(sorted, c->slots, own * sizeof(Sym));
        sort_syms(in, sorted, own);
        for (uint32_t i = 0; i < own; i++)
            if (dict_put(in, dict, sorted[i], new_descr(h, DESCR_MEMBER, c, sorted[i])) < 0) {
                free(sorted);
                goto fail;
            }
        free(sorted);
    }
    if (add_dict && dict_put(in, dict, in->s_dict, new_descr(h, DESCR_GETSET, c, in->s_dict)) < 0) goto fail;
    Sym sweak = in->s_weakref;
    if (add_weak && dict_put(in, dict, sweak, new_descr(h, DESCR_GETSET, c, sweak)) < 0) goto fail;
    Sym sdoc = in->s_doc;
    if (!dict_get_sym(in, dict, sdoc) && dict_put(in, dict, sdoc, incref(h, h->none)) < 0)
        goto fail;
    class_add_subclass(h, base, c);   /* type_ready_add_subclasses */
    c->has_del = class_lookup(in, c, in->s_del) != NULL;
    if (c->has_del) in->has_finalizers = 1;

    /* type_new_set_names iterates over a copy of the dict; type_new_init_subclass
     * makes a super() object and the bound object.__init_subclass__ (both freed) */
    Obj *names = dict_copy(h, dict);
    if (!names) goto fail;
    decref(h, names);
    gc_count_alloc(h);
    gc_count_alloc(h);
    gc_count_dealloc(h);
    gc_count_dealloc(h);
    return co;
fail:
    decref(h, co);
    return exc_nomem(in), NULL;
}
