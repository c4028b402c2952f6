/* The cycle collector (see gc.h).  It reads as CPython's gcmodule.c does.
 *
 * During a collection each object of the collected generation carries
 * gc_refs, a copy of its reference count from which every reference held by
 * another object of the same collection is subtracted.  What is left is the
 * number of references from outside: names, frames, temporaries, older
 * generations.  An object with gc_refs > 0 is reachable, and so is all that
 * it reaches; the rest is garbage that only refers to itself. */
#include "gc.h"
#include "profile.h"

#include <stdlib.h>

/* ------------------------------------------------------------------ lists */

static void gc_list_init(GCObj *head) { head->gc_next = head->gc_prev = head; }
static int gc_list_is_empty(const GCObj *head) { return head->gc_next == head; }

static void gc_list_append(GCObj *node, GCObj *head)
{
    GCObj *last = head->gc_prev;
    node->gc_prev = last;
    node->gc_next = head;
    last->gc_next = node;
    head->gc_prev = node;
}

static void gc_list_remove(GCObj *node)
{
    node->gc_prev->gc_next = node->gc_next;
    node->gc_next->gc_prev = node->gc_prev;
    node->gc_next = node->gc_prev = NULL;
}

static void gc_list_move(GCObj *node, GCObj *head)
{
    node->gc_prev->gc_next = node->gc_next;
    node->gc_next->gc_prev = node->gc_prev;
    gc_list_append(node, head);
}

/* append list `from` onto `to`, leaving `from` empty */
static void gc_list_merge(GCObj *from, GCObj *to)
{
    if (gc_list_is_empty(from)) return;
    GCObj *tail = to->gc_prev;
    tail->gc_next = from->gc_next;
    tail->gc_next->gc_prev = tail;
    to->gc_prev = from->gc_prev;
    to->gc_prev->gc_next = to;
    gc_list_init(from);
}

static int64_t gc_list_size(const GCObj *head)
{
    int64_t n = 0;
    for (const GCObj *g = head->gc_next; g != head; g = g->gc_next) n++;
    return n;
}

static void set_gen(GCObj *head, int gen)
{
    for (GCObj *g = head->gc_next; g != head; g = g->gc_next) g->ob.gen = (uint8_t)gen;
}

/* ------------------------------------------------------------------ state */

void gc_init(Heap *h)
{
    const int64_t thresholds[3] = {py_profile->gc_threshold0, 10, 10};
    for (int i = 0; i < 3; i++) {
        gc_list_init(&h->gen[i].head);
        h->gen[i].threshold = thresholds[i];
        h->gen[i].count = 0;
    }
    gc_list_init(&h->permanent);
    h->gc_enabled = 1;
}

void gc_track(Heap *h, Obj *o)
{
    if (o->flags & OF_TRACKED) return;
    o->flags |= OF_TRACKED;
    o->gen = 0;
    gc_list_append((GCObj *)o, &h->gen[0].head);
}

void gc_untrack(Heap *h, Obj *o)
{
    (void)h;
    if (!(o->flags & OF_TRACKED)) return;
    o->flags &= (uint8_t)~(OF_TRACKED | OF_COLLECTING | OF_UNREACHABLE);
    gc_list_remove((GCObj *)o);
}

void gc_count_alloc(Heap *h)
{
    h->gen[0].count++;
    if (h->gen[0].count > h->gen[0].threshold && h->gc_enabled && h->gen[0].threshold &&
        !h->collecting && h->finalize) {
        if (py_profile->gc_at_eval_breaker) h->gc_scheduled = 1;   /* _Py_ScheduleGC */
        else gc_collect_generations(h);
    }
}

void gc_eval_breaker(Heap *h)
{
    if (!h->gc_scheduled) return;
    h->gc_scheduled = 0;
    /* _Py_RunGC: collect_generations looks at the counts as they are now */
    if (h->gc_enabled && !h->collecting && h->finalize) gc_collect_generations(h);
}

void gc_count_dealloc(Heap *h)
{
    if (h->gen[0].count > 0) h->gen[0].count--;
}

/* ------------------------------------------------------------------ passes */

static int gen_index(Heap *h, GCObj *head);

/* update_refs: gc_refs = refcount for every object in `containers`; after
 * this, every object there is marked as taking part in the collection. */
static void update_refs(Heap *h, GCObj *containers)
{
    for (GCObj *g = containers->gc_next; g != containers; g = g->gc_next) {
        g->gc_refs = g->ob.rc;
        g->ob.flags |= OF_COLLECTING;
        if (h->log) heap_log_emit(h, EV_GC_REFS, &g->ob, g->gc_refs, 0, 0, GCP_UPDATE_REFS);
    }
}

static void visit_decref(Obj *op, void *arg)
{
    (void)arg;
    if ((op->flags & OF_GC) && (op->flags & OF_COLLECTING)) ((GCObj *)op)->gc_refs--;
}

/* subtract_refs: subtract the references held inside the collection; after
 * this gc_refs >= 0 counts only references from outside. */
static void subtract_refs(Heap *h, GCObj *containers)
{
    for (GCObj *g = containers->gc_next; g != containers; g = g->gc_next)
        obj_traverse(&g->ob, visit_decref, NULL);
    if (h->log)
        for (GCObj *g = containers->gc_next; g != containers; g = g->gc_next)
            heap_log_emit(h, EV_GC_REFS, &g->ob, g->gc_refs, 0, 0, GCP_SUBTRACT_REFS);
}

/* visit_reachable: an object reached from a reachable one is reachable; if it
 * was already moved to the unreachable list, it comes back to the end of the
 * young list so that it is scanned in turn. */
static void visit_reachable(Obj *op, void *arg)
{
    GCObj *reachable = arg;
    if (!(op->flags & OF_GC) || !(op->flags & OF_COLLECTING)) return;
    GCObj *g = (GCObj *)op;
    if (op->flags & OF_UNREACHABLE) {
        op->flags &= (uint8_t)~OF_UNREACHABLE;
        gc_list_move(g, reachable);
        g->gc_refs = 1;
    } else if (g->gc_refs == 0) {
        g->gc_refs = 1;
    }
}

/* move_unreachable: scan young in order; gc_refs > 0 means reachable from
 * outside, and everything it reaches is marked reachable; gc_refs == 0
 * objects move (tentatively) to the end of `unreachable`.  After this young
 * holds only reachable objects and their COLLECTING mark is cleared. */
static void move_unreachable(GCObj *young, GCObj *unreachable)
{
    GCObj *g = young->gc_next;
    while (g != young) {
        GCObj *next;
        if (g->gc_refs) {
            obj_traverse(&g->ob, visit_reachable, young);
            g->ob.flags &= (uint8_t)~OF_COLLECTING;
            next = g->gc_next;
        } else {
            next = g->gc_next;
            gc_list_move(g, unreachable);
            g->ob.flags |= OF_UNREACHABLE;
        }
        g = next;
    }
}

static void clear_unreachable_mask(GCObj *unreachable)
{
    for (GCObj *g = unreachable->gc_next; g != unreachable; g = g->gc_next)
        g->ob.flags &= (uint8_t)~OF_UNREACHABLE;
}

/* untrack_tuples: a tuple whose items can never be part of a cycle leaves
 * the collector's lists for good (_PyTuple_MaybeUntrack). */
static void untrack_tuples(Heap *h, GCObj *head)
{
    GCObj *g = head->gc_next;
    while (g != head) {
        GCObj *next = g->gc_next;
        if (g->ob.type == T_TUPLE) {
            TupleObj *t = (TupleObj *)g;
            int may = 0;
            for (uint32_t i = 0; i < t->n && !may; i++)
                if (!t->items[i] || obj_may_be_tracked(t->items[i])) may = 1;
            if (!may) gc_untrack(h, &g->ob);
        }
        g = next;
    }
}

/* untrack_dicts: full collections only (_PyDict_MaybeUntrack). */
static void untrack_dicts(Heap *h, GCObj *head)
{
    GCObj *g = head->gc_next;
    while (g != head) {
        GCObj *next = g->gc_next;
        if (g->ob.type == T_DICT) {
            DictObj *d = (DictObj *)g;
            int may = 0;
            for (uint32_t i = 0; i < d->nentries && !may; i++) {
                if (!d->entries[i].key) continue;
                if (obj_may_be_tracked(d->entries[i].value) || obj_may_be_tracked(d->entries[i].key)) may = 1;
            }
            if (!may) gc_untrack(h, &g->ob);
        }
        g = next;
    }
}

/* finalize_garbage: call __del__ once per object, in list order. */
static void finalize_garbage(Heap *h, GCObj *collectable)
{
    GCObj seen;
    gc_list_init(&seen);
    while (!gc_list_is_empty(collectable)) {
        GCObj *g = collectable->gc_next;
        gc_list_move(g, &seen);
        Obj *op = &g->ob;
        if (op->type == T_INSTANCE && ((InstanceObj *)op)->cls->has_del && !(op->flags & OF_FINALIZED) &&
            h->finalize) {
            op->flags |= OF_FINALIZED;
            if (h->log) heap_log_emit(h, EV_FINALIZE, op, op->rc, 0, 0, GCP_FINALIZE);
            incref(h, op);
            Reason saved = h->reason;
            Sym detail = h->reason_detail;
            h->finalize(h->finalize_ctx, op);
            h->reason = saved;
            h->reason_detail = detail;
            decref(h, op);
        }
    }
    gc_list_merge(&seen, collectable);
}

/* handle_resurrected_objects: a finalizer may have made some garbage
 * reachable again; recompute, and move what is reachable to `old`. */
static void handle_resurrected_objects(Heap *h, GCObj *unreachable, GCObj *still_unreachable, GCObj *old)
{
    update_refs(h, unreachable);
    subtract_refs(h, unreachable);
    clear_unreachable_mask(unreachable);
    move_unreachable(unreachable, still_unreachable);
    clear_unreachable_mask(still_unreachable);
    for (GCObj *g = unreachable->gc_next; g != unreachable; g = g->gc_next) {
        g->ob.flags &= (uint8_t)~OF_COLLECTING;
        g->ob.gen = (uint8_t)gen_index(h, old);
        if (h->log) heap_log_emit(h, EV_RESURRECT, &g->ob, g->ob.rc, 0, 0, GCP_RESURRECT);
    }
    gc_list_merge(unreachable, old);
}

/* The cycle breaker of each kind (tp_clear); tuples, methods and iterators
 * have none: clearing the other members of the cycle frees them. */
static void clear_object(Heap *h, Obj *op)
{
    switch ((ObjType)op->type) {
    case T_LIST: list_clear(h, (ListObj *)op); break;
    case T_DICT: dict_clear(h, (DictObj *)op); break;
    case T_SET: set_clear(h, (SetObj *)op); break;
    case T_INSTANCE: {
        InstanceObj *in = (InstanceObj *)op;
        for (uint32_t i = 0; i < in->nvals; i++) {
            Obj *v = in->vals[i];
            if (!v) continue;
            in->vals[i] = NULL;
            decref(h, v);
        }
        break;
    }
    case T_FUNCTION: {
        FuncObj *f = (FuncObj *)op;
        Obj *g = f->globals;
        TupleObj *d = f->defaults;
        f->globals = NULL;
        f->defaults = NULL;
        if (g) decref(h, g);
        if (d) decref(h, &d->gc.ob);
        break;
    }
    case T_CLASS: { /* type_clear: empty the dict (it stays), drop the MRO */
        ClassObj *c = (ClassObj *)op;
        if (c->dict) dict_clear(h, c->dict);
        TupleObj *mro = c->mro;
        c->mro = NULL;
        if (mro) decref(h, &mro->gc.ob);
        break;
    }
    default: break;
    }
}

static void ensure_garbage_list(Heap *h)
{
    if (!h->garbage) h->garbage = new_list(h, 0);
}

/* delete_garbage: break the cycles.  Each object is held while it is cleared;
 * one that is still alive afterwards moves to `old` (it may die later). */
static void delete_garbage(Heap *h, GCObj *collectable, GCObj *old)
{
    while (!gc_list_is_empty(collectable)) {
        GCObj *g = collectable->gc_next;
        Obj *op = &g->ob;
        op->flags &= (uint8_t)~OF_COLLECTING;
        if (h->debug & GC_DEBUG_SAVEALL) {
            ensure_garbage_list(h);
            if (h->garbage) list_append(h, (ListObj *)h->garbage, incref(h, op));
            gc_list_move(g, old);
            op->gen = (uint8_t)gen_index(h, old);
        } else {
            Reason saved = h->reason;
            heap_set_reason(h, R_GC_CLEAR, 0);
            incref(h, op);
            clear_object(h, op);
            if (collectable->gc_next == g) {
                /* still alive: keep it */
                gc_list_move(g, old);
                op->gen = (uint8_t)gen_index(h, old);
            }
            decref(h, op);
            h->reason = saved;
        }
    }
}

static int gen_index(Heap *h, GCObj *head)
{
    for (int i = 0; i < 3; i++)
        if (head == &h->gen[i].head) return i;
    return 2;
}

/* ------------------------------------------------------------------ collect */

static int64_t collect_main(Heap *h, int generation)
{
    GCObj unreachable, final_unreachable;
    int64_t m = 0, n = 0;

    if (h->log) heap_log_emit(h, EV_GC_BEGIN, NULL, 0, 0, 0, generation);

    /* update collection and allocation counters */
    if (generation + 1 < 3) h->gen[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++) h->gen[i].count = 0;

    /* merge younger generations with the one we are currently collecting */
    for (int i = 0; i < generation; i++) gc_list_merge(&h->gen[i].head, &h->gen[generation].head);

    GCObj *young = &h->gen[generation].head;
    GCObj *old = generation < 2 ? &h->gen[generation + 1].head : young;

    if (h->log) heap_log_emit(h, EV_GC_PASS, NULL, 0, gc_list_size(young), 0, GCP_UPDATE_REFS);

    /* deduce_unreachable */
    gc_list_init(&unreachable);
    gc_list_init(&final_unreachable);
    h->gc_unreachable = &unreachable;
    h->gc_final_unreachable = &final_unreachable;
    update_refs(h, young);
    subtract_refs(h, young);
    move_unreachable(young, &unreachable);
    clear_unreachable_mask(&unreachable);
    if (h->log) {
        heap_log_emit(h, EV_GC_PASS, NULL, 0, gc_list_size(&unreachable), 0, GCP_MOVE_UNREACHABLE);
        for (GCObj *g = unreachable.gc_next; g != &unreachable; g = g->gc_next)
            heap_log_emit(h, EV_GC_UNREACHABLE, &g->ob, g->ob.rc, 0, 0, GCP_MOVE_UNREACHABLE);
    }

    untrack_tuples(h, young);

    /* move reachable objects to the next generation */
    if (young != old) {
        if (generation == 1) h->long_lived_pending += gc_list_size(young);
        gc_list_merge(young, old);
    } else {
        /* dicts are untracked only in full collections (issue #14775) */
        untrack_dicts(h, young);
        h->long_lived_pending = 0;
        h->long_lived_total = gc_list_size(young) + h->startup_objects;
    }
    if (h->log) heap_log_emit(h, EV_GC_PASS, NULL, 0, 0, 0, GCP_PROMOTE);

    /* call __del__ on objects which have one */
    finalize_garbage(h, &unreachable);
    if (h->log) heap_log_emit(h, EV_GC_PASS, NULL, 0, 0, 0, GCP_FINALIZE);

    /* objects made reachable again by a finalizer survive; the rest goes on */
    handle_resurrected_objects(h, &unreachable, &final_unreachable, old);

    /* tp_clear on what is still unreachable: the cycles are broken and
     * reference counting frees the objects */
    m += gc_list_size(&final_unreachable);
    if (h->log) heap_log_emit(h, EV_GC_PASS, NULL, 0, m, 0, GCP_CLEAR);
    delete_garbage(h, &final_unreachable, old);
    h->gc_unreachable = h->gc_final_unreachable = NULL;

    /* clear free lists only during the collection of the highest generation */
    if (generation == 2) {
        FreeList *lists[] = {&h->fl_float, &h->fl_list, &h->fl_dict};
        for (size_t i = 0; i < 3; i++) {
            while (lists[i]->n) alloc_release(h->alloc, lists[i]->refs[--lists[i]->n]);
        }
        for (int k = 1; k <= 20; k++)
            while (h->fl_tuple[k].n) alloc_release(h->alloc, h->fl_tuple[k].refs[--h->fl_tuple[k].n]);
    }

    h->stats[generation].collections++;
    h->stats[generation].collected += m;
    h->stats[generation].uncollectable += n;
    if (h->log) heap_log_emit(h, EV_GC_END, NULL, n + m, n + m, 0, generation);
    return n + m;
}

int64_t gc_collect(Heap *h, int generation)
{
    if (h->collecting) return 0;
    h->collecting = 1;
    Reason saved = h->reason;
    Sym detail = h->reason_detail;
    int64_t r = collect_main(h, generation);
    h->reason = saved;
    h->reason_detail = detail;
    h->collecting = 0;
    return r;
}

void gc_collect_generations(Heap *h)
{
    for (int i = 2; i >= 0; i--) {
        if (h->gen[i].count > h->gen[i].threshold) {
            /* the 25% rule: a full collection only when enough objects have
             * survived younger collections since the last one */
            if (i == 2 && h->long_lived_pending < h->long_lived_total / 4) continue;
            gc_collect(h, i);
            break;
        }
    }
}

int64_t gc_generation_size(Heap *h, int gen) { return gc_list_size(&h->gen[gen].head); }

int gc_generation(Heap *h, const Obj *o)
{
    if (!(o->flags & OF_TRACKED) || (o->flags & OF_STATIC)) return (o->flags & OF_TRACKED) ? 2 : -1;
    for (int i = 0; i < 3; i++)
        for (GCObj *g = h->gen[i].head.gc_next; g != &h->gen[i].head; g = g->gc_next)
            if (&g->ob == o) return i;
    for (GCObj *g = h->permanent.gc_next; g != &h->permanent; g = g->gc_next)
        if (&g->ob == o) return 3;
    return -1;
}

void gc_freeze(Heap *h)
{
    for (int i = 0; i < 3; i++) {
        set_gen(&h->gen[i].head, 3);
        gc_list_merge(&h->gen[i].head, &h->permanent);
    }
    h->gen[0].count = 0;
}

void gc_unfreeze(Heap *h)
{
    set_gen(&h->permanent, 2);
    gc_list_merge(&h->permanent, &h->gen[2].head);
}

int64_t gc_freeze_count(Heap *h) { return gc_list_size(&h->permanent); }

typedef struct { Obj *target; int found; } RefArg;

static void visit_find(Obj *o, void *arg)
{
    RefArg *r = arg;
    if (o == r->target) r->found = 1;
}

void gc_referrers(Heap *h, Obj *target, gc_each_fn fn, void *arg)
{
    for (int i = 0; i < 3; i++) {
        GCObj *head = &h->gen[i].head;
        for (GCObj *g = head->gc_next; g != head; g = g->gc_next) {
            RefArg r = {target, 0};
            obj_traverse(&g->ob, visit_find, &r);
            if (r.found) fn(&g->ob, arg);
        }
    }
}

void gc_foreach_tracked(Heap *h, gc_each_fn fn, void *arg)
{
    for (int i = 0; i < 3; i++) {
        GCObj *head = &h->gen[i].head;
        for (GCObj *g = head->gc_next; g != head; g = g->gc_next) fn(&g->ob, arg);
    }
    for (GCObj *g = h->permanent.gc_next; g != &h->permanent; g = g->gc_next) fn(&g->ob, arg);
}
