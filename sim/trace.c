/* memtutor trace and memtutor check (see trace.h). */
#include "trace.h"
#include "profile.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "gc.h"

static const char *const event_names[EV_COUNT] = {
    [EV_ALLOC] = "alloc", [EV_INCREF] = "incref", [EV_DECREF] = "decref", [EV_FREE] = "free",
    [EV_FINALIZE] = "finalize", [EV_RESURRECT] = "resurrect", [EV_GC_BEGIN] = "gc_begin",
    [EV_GC_REFS] = "gc_refs", [EV_GC_PASS] = "gc_pass", [EV_GC_UNREACHABLE] = "gc_unreachable",
    [EV_GC_END] = "gc_end", [EV_SUMMARY] = "summary",
};

static const char *const reason_names[R_COUNT] = {
    [R_NONE] = "", [R_BIND] = "bind", [R_UNBIND] = "unbind", [R_DEL] = "del", [R_STORE] = "store",
    [R_REMOVE] = "remove", [R_ATTR_SET] = "attr_set", [R_ATTR_DEL] = "attr_del", [R_ARG] = "arg",
    [R_ARG_DONE] = "arg_done", [R_RETURN] = "return", [R_TEMP] = "temp", [R_ITER] = "iter",
    [R_CONTAINER_FREED] = "container_freed", [R_GC_CLEAR] = "gc_clear", [R_PROGRAM_END] = "program_end",
    [R_INTERNAL] = "internal",
};

static const char *const pass_names[] = {"update_refs", "subtract_refs", "move_unreachable", "finalize",
                                         "resurrect", "clear", "promote"};

typedef struct { cJSON *obj; Interp *in; } NameArg;

static void add_name(void *arg, const char *name, Obj *value)
{
    NameArg *a = arg;
    cJSON *n = cJSON_CreateObject();
    cJSON_AddStringToObject(n, "type", value->type == T_INSTANCE
                                           ? module_symname(interp_module(a->in), ((InstanceObj *)value)->cls->name)
                                           : obj_type_name(value));
    cJSON_AddNumberToObject(n, "id", value->serial);
    cJSON_AddNumberToObject(n, "refcount", (double)obj_refcount(value));
    cJSON_AddNumberToObject(n, "size", (double)obj_sizeof(value));
    cJSON_AddItemToObject(a->obj, name, n);
}

void trace_step_json(Session *s, StrBuf *out)
{
    Interp *in = session_interp(s);
    Heap *h = interp_heap(in);
    Module *m = interp_module(in);
    cJSON *o = cJSON_CreateObject();
    int k = session_step(s);
    cJSON_AddNumberToObject(o, "step", k);
    cJSON_AddStringToObject(o, "python", py_profile->name);   /* the profile whose numbers these are */
    cJSON_AddNumberToObject(o, "line", interp_line(in));
    cJSON_AddStringToObject(o, "output", session_output(s));
    /* names in scope: globals, then the innermost call's locals */
    cJSON *frames = cJSON_AddArrayToObject(o, "frames");
    int nf = interp_frame_count(in);
    for (int f = 0; f < nf; f++) {
        cJSON *fr = cJSON_CreateObject();
        cJSON_AddStringToObject(fr, "name", interp_frame_name(in, f));
        cJSON *names = cJSON_AddObjectToObject(fr, "names");
        NameArg a = {names, in};
        interp_frame_names(in, f, add_name, &a);
        cJSON_AddItemToArray(frames, fr);
    }
    cJSON *live = cJSON_AddObjectToObject(o, "live");
    for (int t = 1; t < T_COUNT; t++)
        if (h->live_count[t]) cJSON_AddNumberToObject(live, type_kind_name((ObjType)t), (double)h->live_count[t]);
    cJSON_AddNumberToObject(o, "objects", (double)h->live_total);
    cJSON_AddNumberToObject(o, "bytes", (double)h->bytes_total);
    cJSON *gcc = cJSON_AddArrayToObject(o, "gc_count");
    for (int g = 0; g < 3; g++) cJSON_AddItemToArray(gcc, cJSON_CreateNumber((double)h->gen[g].count));
    cJSON_AddNumberToObject(o, "freed", (double)session_step_freed(s));
    int64_t col = session_step_collected(s);
    if (col >= 0) cJSON_AddNumberToObject(o, "collected", (double)col);
    AllocStats st;
    alloc_stats(h->alloc, &st);
    cJSON *mem = cJSON_AddObjectToObject(o, "memory");
    cJSON_AddNumberToObject(mem, "arenas", (double)st.arenas);
    cJSON_AddNumberToObject(mem, "arenas_peak", (double)st.arenas_peak);
    cJSON_AddNumberToObject(mem, "arenas_released", (double)st.arenas_released);
    cJSON_AddNumberToObject(mem, "pools", (double)st.pools_in_use);
    cJSON_AddNumberToObject(mem, "blocks", (double)st.blocks_in_use);
    cJSON_AddNumberToObject(mem, "requested_bytes", (double)st.requested_bytes);
    cJSON_AddNumberToObject(mem, "held_bytes", (double)st.held_bytes);
    cJSON_AddNumberToObject(mem, "raw_bytes", (double)st.raw_bytes);
    cJSON *evs = cJSON_AddArrayToObject(o, "events");
    if (h->log) {
        for (uint32_t i = 0; i < h->log->n; i++) {
            Event *e = &h->log->ev[i];
            cJSON *j = cJSON_CreateObject();
            cJSON_AddStringToObject(j, "kind", event_names[e->kind]);
            if (e->serial) {
                cJSON_AddNumberToObject(j, "id", e->serial);
                cJSON_AddStringToObject(j, "type", type_kind_name((ObjType)e->otype));
            }
            switch (e->kind) {
            case EV_INCREF: case EV_DECREF:
                cJSON_AddNumberToObject(j, "refcount", (double)e->rc);
                if (e->reason) cJSON_AddStringToObject(j, "reason", reason_names[e->reason]);
                if (e->detail) cJSON_AddStringToObject(j, "name", module_symname(m, e->detail));
                break;
            case EV_ALLOC: case EV_FREE: cJSON_AddNumberToObject(j, "bytes", (double)e->bytes); break;
            case EV_GC_REFS:
                cJSON_AddNumberToObject(j, "gc_refs", (double)e->rc);
                cJSON_AddStringToObject(j, "pass", pass_names[e->sub]);
                break;
            case EV_GC_PASS:
                cJSON_AddStringToObject(j, "pass", pass_names[e->sub]);
                cJSON_AddNumberToObject(j, "count", (double)e->count);
                break;
            case EV_GC_BEGIN: cJSON_AddNumberToObject(j, "generation", e->sub); break;
            case EV_GC_END: cJSON_AddNumberToObject(j, "result", (double)e->count); break;
            default: break;
            }
            cJSON_AddNumberToObject(j, "line", e->line);
            cJSON_AddItemToArray(evs, j);
        }
        if (h->log->folded) {
            for (int kk = 0; kk < EV_COUNT; kk++)
                for (int t = 0; t < T_COUNT; t++) {
                    if (!h->log->fold_count[kk][t]) continue;
                    cJSON *j = cJSON_CreateObject();
                    cJSON_AddStringToObject(j, "kind", "summary");
                    cJSON_AddStringToObject(j, "of", event_names[kk]);
                    cJSON_AddStringToObject(j, "type", type_kind_name((ObjType)t));
                    cJSON_AddNumberToObject(j, "count", (double)h->log->fold_count[kk][t]);
                    cJSON_AddNumberToObject(j, "bytes", (double)h->log->fold_bytes[kk][t]);
                    cJSON_AddItemToArray(evs, j);
                }
        }
    }
    char *text = cJSON_PrintUnformatted(o);
    sb_puts(out, text);
    cJSON_free(text);
    cJSON_Delete(o);
}

/* ------------------------------------------------------------------ check */

typedef struct { const char *name; Module *m; int64_t n; } LiveArg;

static void count_live(Obj *o, void *arg)
{
    LiveArg *a = arg;
    const char *tn = o->type == T_INSTANCE ? module_symname(a->m, ((InstanceObj *)o)->cls->name) : obj_type_name(o);
    if (!strcmp(tn, a->name)) a->n++;
}

static void fail(StrBuf *r, int *nfail, const Lesson *l, int k, const char *what, long want, long got)
{
    sb_printf(r, "%s: steps[%d].expect.%s: expected %ld, the simulator gives %ld (line %d)\n", l->path, k - 1, what,
              want, got, l->steps[k - 1].line);
    (*nfail)++;
}

static void show_escaped(StrBuf *r, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n') sb_puts(r, "\\n");
        else sb_putc(r, *s);
    }
}

int check_lesson(Lesson *l, StrBuf *report)
{
    StrBuf err = {0};
    int status = 0;
    Session *s = session_new(l, NULL, &err, &status);
    if (!s) {
        /* the parse error names the file and line itself, as CPython's text
         * (complete, for error_report) or memtutor's one line */
        sb_puts(report, err.s && err.s[0] ? err.s : "the source does not run\n");
        sb_free(&err);
        return 2;
    }
    sb_free(&err);
    int nfail = 0, broken = 0;
    for (int k = 1; k <= l->nsteps && !broken; k++) {
        LessonStep *st = &l->steps[k - 1];
        RunState rs = session_goto(s, k);
        Interp *in = session_interp(s);
        if (rs == RUN_ERROR || rs == RUN_LIMIT) {
            StrBuf last = {0};
            error_last_line(interp_error(in), &last);
            sb_printf(report, "%s: steps[%d]: the program stopped before line %d: %s", l->path, k - 1, st->line,
                      last.s ? last.s : "");
            sb_free(&last);
            broken = 1;
            break;
        }
        if (rs != RUN_PAUSED) {
            sb_printf(report, "%s: steps[%d]: line %d is never reached", l->path, k - 1, st->line);
            broken = 1;
            break;
        }
        if (!st->has_expect && !st->ask_answer) continue;
        LessonExpect *x = &st->expect;
        if (x->has_output && strcmp(x->output, session_output(s)) != 0) {
            sb_printf(report, "%s: steps[%d].expect.output: expected \"", l->path, k - 1);
            show_escaped(report, x->output);
            sb_puts(report, "\", the simulator printed \"");
            show_escaped(report, session_output(s));
            sb_puts(report, "\"\n");
            nfail++;
        }
        for (int i = 0; i < x->nrefcount; i++) {
            Obj *o = interp_lookup(in, x->refcount[i].name);
            char what[160];
            snprintf(what, sizeof what, "refcount.%s", x->refcount[i].name);
            if (!o) {
                sb_printf(report, "%s: steps[%d].expect.%s: no name %s at this step\n", l->path, k - 1, what,
                          x->refcount[i].name);
                nfail++;
            } else {
                /* getrefcount(name): the name's reference and the argument's */
                long rc = obj_is_immortal(o) ? (long)PY_IMMORTAL_REFCNT : (long)o->rc + 1;
                if (rc != x->refcount[i].value) fail(report, &nfail, l, k, what, x->refcount[i].value, rc);
            }
        }
        for (int i = 0; i < x->nsize; i++) {
            Obj *o = interp_lookup(in, x->size[i].name);
            char what[160];
            snprintf(what, sizeof what, "size.%s", x->size[i].name);
            if (!o) {
                sb_printf(report, "%s: steps[%d].expect.%s: no name %s at this step\n", l->path, k - 1, what,
                          x->size[i].name);
                nfail++;
            } else if ((long)obj_sizeof(o) != x->size[i].value) {
                fail(report, &nfail, l, k, what, x->size[i].value, (long)obj_sizeof(o));
            }
        }
        for (int i = 0; i < x->nlive; i++) {
            LiveArg a = {x->live[i].name, interp_module(in), 0};
            heap_foreach(interp_heap(in), count_live, &a);
            char what[160];
            snprintf(what, sizeof what, "live.%s", x->live[i].name);
            if (a.n != x->live[i].value) fail(report, &nfail, l, k, what, x->live[i].value, (long)a.n);
        }
        if (x->has_collected && session_step_collected(s) != x->collected)
            fail(report, &nfail, l, k, "collected", x->collected, (long)session_step_collected(s));
        if (x->has_freed && session_step_freed(s) != x->freed)
            fail(report, &nfail, l, k, "freed", x->freed, (long)session_step_freed(s));
        if (x->has_arenas) {
            AllocStats ast;
            alloc_stats(interp_heap(in)->alloc, &ast);
            if ((long)ast.arenas != x->arenas) fail(report, &nfail, l, k, "arenas", x->arenas, (long)ast.arenas);
        }
        if (st->ask_answer) {
            StrBuf v = {0};
            if (session_eval_at(s, k, st->ask_answer, &v) < 0) {
                sb_printf(report, "%s: steps[%d].ask.answer: %s does not evaluate: %s", l->path, k - 1,
                          st->ask_answer, v.s ? v.s : "");
                broken = 1;
            }
            sb_free(&v);
        }
    }
    session_free(s);
    if (broken) return 2;
    return nfail ? 1 : 0;
}
