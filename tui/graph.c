/* The heap graph (see graph.h).  Building is in three parts:
 *   1. collect: the boxes (objects bound to names first, then what they reach,
 *      breadth first and depth-limited), the ghosts of objects freed in this
 *      step, and summaries standing in for the items of big containers;
 *   2. annotate: each box's badge, highlight and note from the step's events
 *      up to the animation phase (new, +1/-1 with its reason, gc_refs);
 *   3. place and route: frames in column 0, boxes stacked by serial in one
 *      column, name arrows in lanes of the left channel and object arrows in
 *      lanes of the right channel.  Horizontal segments only ever run between
 *      a box edge and its channel, so no arrow crosses a box. */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_DEPTH 4
#define DEFAULT_NODES 40
#define MAX_ROWS 6          /* item rows a container shows before "… N more" */
#define MAX_GHOSTS 8
#define BIG_ITEMS 1000      /* containers above this get a summary of their items */
#define MIN_BOX_W 16
#define MAX_BOX_W 40
#define MIN_WIDE_BOX 36  /* boxes grow to this when the pane has room */
#define TILE_BOX_W 30     /* the boxes of tiles beside the main column (wide panes) */
#define GROUP_MIN 3      /* this many look-alike unreachable groups fold into one box */
#define GROUP_MAX_OBJS 8 /* a group of more objects than this is drawn as it is */

/* GN_GROUP: look-alike unreachable groups (cycles) folded into one box */
typedef enum { GN_OBJ, GN_GHOST, GN_SUMMARY, GN_GROUP } GNodeKind;

typedef struct {
    char *text;     /* label ("[0] 1", ".other") */
    int ref;        /* node index the row points at, or -1 */
    Style style;
} Row;

typedef struct {
    GNodeKind kind;
    uint32_t serial;
    uint32_t key2;          /* sort tie-break: 0 the object, 1 its summary */
    Obj *o;                 /* GN_OBJ only */
    int depth;
    char *head;             /* "list · 88 B" */
    char *tname, *size;     /* its type name and size ("list", "88 B") */
    char *badge;            /* "refs 2", "gc_refs 0", "freed" */
    Style head_style, badge_style, box_style;
    Row *rows;
    int nrows;
    char *note;             /* the line under the box, or NULL */
    Style note_style;
    int hidden;             /* not allocated yet at this phase */
    int free_folded;
    int otype;              /* ghosts: the ObjType */
    int orphan;             /* alive, but no name or root reaches it */        /* a ghost whose free event was folded into the counts */
    int x, y, w, h;         /* h includes the note row */
    int boxh;
    uint32_t *members;      /* GN_GROUP: the serials folded into it, sorted */
    uint32_t nmembers;
    int tile;               /* 0: the main column; k: the k-th tile of unreachable
                               objects laid out beside it (a wide pane) */
} GNode;

typedef struct {
    int frame, idx;         /* the name's frame and index */
    int node;               /* target node or -1 */
    const char *inline_text;/* for names of functions, classes, modules */
} NameRef;

typedef struct {
    char *title;
    int nnames;
    char **names;
    int *node;              /* per name: target node, -1 none */
    char **inl;             /* per name: inline text or NULL */
    int also;               /* the row of folded names (compact), or -1 */
    int x, y, w, h;
} FrameBox;

typedef struct {
    int x0, y0, x1, y1;     /* from (x0,y0) to the head at (x1,y1) */
    int lane_x;             /* vertical run */
    int target;
    int left;               /* 1: a name arrow (head ▶), 0: right channel (head ◀) */
    int source;             /* right channel: the node the arrow starts from */
    int frame, name;        /* left channel: the frame and name it starts from */
    Style style;            /* STYLE_ARROW, or STYLE_GC: a reference subtract_refs took off */
} Arrow;

struct Graph {
    GNode *nodes;
    int n, cap;
    FrameBox *frames;
    int nframes;
    Arrow *arrows;
    int narrows, acap;
    char *banner;           /* gc pass or result line, or NULL */
    char *more;             /* "… N more objects", or NULL */
    int more_y;
    int w, h;
    int fw, ox, ow;         /* frames column width, object column x, box width */
};

/* ------------------------------------------------------------------ helpers */

static char *sb_dup_text(StrBuf *b) { char *s = xstrdup(b->s ? b->s : ""); sb_clear(b); return s; }

static int node_find(const Graph *g, uint32_t serial, GNodeKind k)
{
    for (int i = 0; i < g->n; i++)
        if (g->nodes[i].serial == serial && g->nodes[i].kind == k) return i;
    return -1;
}

static int node_add(Graph *g, GNodeKind k, uint32_t serial, Obj *o, int depth)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 32;
        g->nodes = xrealloc(g->nodes, (size_t)g->cap * sizeof(GNode));
    }
    GNode *n = &g->nodes[g->n];
    memset(n, 0, sizeof *n);
    n->kind = k;
    n->serial = serial;
    n->o = o;
    n->depth = depth;
    n->head_style = STYLE_NORMAL | CF_BOLD;
    n->badge_style = STYLE_BADGE;
    n->box_style = STYLE_FRAME;
    return g->n++;
}

static void row_add(GNode *n, const char *text, int ref, Style st)
{
    n->rows = xrealloc(n->rows, (size_t)(n->nrows + 1) * sizeof(Row));
    n->rows[n->nrows++] = (Row){xstrdup(text), ref, st};
}

/* Objects shown in a frame as text, never as boxes: they are program
 * structure, not data, and would crowd out what the lesson is about. */
static int is_inline_kind(const Obj *o)
{
    switch ((ObjType)o->type) {
    case T_FUNCTION: case T_CLASS: case T_MODULE: case T_BUILTIN: case T_METHOD:
    case T_ITER: case T_DICTVIEW: case T_NOTIMPL: case T_DESCR:
        return 1;
    default:
        return 0;
    }
}

/* Values drawn inside their container's box rather than as their own box. */
static int is_scalar(const Obj *o)
{
    switch ((ObjType)o->type) {
    case T_NONE: case T_BOOL: case T_INT: case T_FLOAT: case T_STR: case T_RANGE:
        return 1;
    default:
        return 0;
    }
}

static const char *symtext(const GraphScene *s, Sym sym)
{
    const char *t = s->symname && sym ? s->symname(s->ctx, sym) : NULL;
    return t ? t : "?";
}

static const char *type_name(const GraphScene *s, const Obj *o)
{
    if (o->type == T_INSTANCE) return symtext(s, ((const InstanceObj *)o)->cls->name);
    return obj_type_name(o);
}

/* Short text for a value: repr for scalars (strings cut early, so a huge
 * string costs nothing), the type name otherwise. */
static void short_text(const GraphScene *s, Obj *o, StrBuf *out)
{
    if (o->type == T_STR) {
        const StrObj *so = (const StrObj *)o;
        sb_putc(out, '\'');
        size_t n = so->len > 40 ? 40 : so->len;
        while (n > 0 && n < so->len && ((unsigned char)so->s[n] & 0xc0) == 0x80) n--;
        for (size_t i = 0; i < n; i++) {
            char c = so->s[i];
            if (c == '\n') sb_puts(out, "\\n");
            else if (c == '\'') sb_puts(out, "\\'");
            else if (c == '\\') sb_puts(out, "\\\\");
            else sb_putc(out, c);
        }
        sb_puts(out, n < so->len ? "…'" : "'");
        return;
    }
    if (is_scalar(o) && s->repr) {
        s->repr(s->ctx, o, out);
        return;
    }
    if (o->type == T_FUNCTION) { sb_printf(out, "function %s", symtext(s, ((FuncObj *)o)->name)); return; }
    if (o->type == T_CLASS) { sb_printf(out, "class %s", symtext(s, ((ClassObj *)o)->name)); return; }
    if (o->type == T_MODULE) { sb_printf(out, "module %s", symtext(s, ((ModuleObj *)o)->name)); return; }
    sb_puts(out, type_name(s, o));
}

static void fmt_size(char *buf, int64_t bytes)
{
    fmt_bytes(buf, bytes < 0 ? 0 : (uint64_t)bytes);
}

/* -------------------------------------------------------------- 1. collect */

typedef struct {
    const GraphScene *s;
    Graph *g;
    int from;        /* node whose children are visited */
    int max_nodes;
    int max_depth;
    int max_rows;    /* item rows a container shows before "… N more" */
    uint32_t *incoming;  /* per serial: references from reachable containers (orphans_collect) */
    uint32_t nser;
} Collect;

/* Was this object allocated in the step after the current phase (so that the
 * animation has not shown it yet)? */
static int alloc_index(const EventLog *log, uint32_t serial)
{
    if (!log) return -1;
    for (uint32_t i = 0; i < log->n; i++)
        if (log->ev[i].kind == EV_ALLOC && log->ev[i].serial == serial) return (int)i;
    return -1;
}

static int not_yet(const GraphScene *s, const Obj *o)
{
    int ai = alloc_index(s->log, o->serial);
    return ai >= 0 && (uint32_t)ai >= s->phase;
}

/* The node for a child value: an existing box, a new box (breadth first,
 * within the limits), or -1 (drawn as text). */
static int child_node(Collect *c, Obj *o, int depth)
{
    int k = node_find(c->g, o->serial, GN_OBJ);
    if (k >= 0) return k;
    if (o->rc == 0) return -1;   /* being freed (seen between two events) */
    if (is_scalar(o) || is_inline_kind(o)) return -1;
    if (depth > c->max_depth || c->g->n >= c->max_nodes) return -1;
    if (not_yet(c->s, o)) return -1;
    return node_add(c->g, GN_OBJ, o->serial, o, depth);
}

static void item_row(Collect *c, GNode *n, const char *label, Obj *v)
{
    StrBuf b = {0};
    if (!v || v->rc == 0) {
        /* between two events: a slot not filled yet, or an object being freed */
        sb_printf(&b, "%s%s(empty)", label, *label ? "  " : "");
        row_add(n, b.s, -1, STYLE_DIM);
        sb_free(&b);
        return;
    }
    int ref = child_node(c, v, n->depth + 1);
    n = &c->g->nodes[c->from];      /* node_add may have moved the array */
    if (ref >= 0) {
        sb_printf(&b, "%s%s●", label, *label ? "  " : "");
        row_add(n, b.s, ref, STYLE_NORMAL);
    } else {
        if (*label) sb_printf(&b, "%s  ", label);
        short_text(c->s, v, &b);
        if (!is_scalar(v) && !is_inline_kind(v)) sb_puts(&b, " …");
        row_add(n, b.s, -1, is_scalar(v) ? STYLE_NORMAL : STYLE_DIM);
    }
    sb_free(&b);
}

static void more_row(Graph *g, int ni, int64_t more)
{
    char num[32], t[64];
    snprintf(t, sizeof t, "… %s more", fmt_thousands(num, more));
    row_add(&g->nodes[ni], t, -1, STYLE_DIM);
}

/* A summary box for the items of a big container: how many distinct
 * non-shared objects stand behind it, of which types, and their bytes. */
static void summarise_items(Collect *c, int ni, Obj **items, int64_t n)
{
    Heap *h = c->s->heap;
    uint32_t nser = h ? h->next_serial + 1 : 0;
    uint8_t *seen = nser ? xcalloc(nser / 8 + 1, 1) : NULL;
    int64_t count[T_COUNT] = {0}, total = 0, bytes = 0;
    for (int64_t i = 0; i < n; i++) {
        Obj *o = items[i];
        if (!o || (o->flags & OF_STATIC)) continue;
        if (seen && o->serial < nser) {
            if (seen[o->serial >> 3] & (1u << (o->serial & 7))) continue;
            seen[o->serial >> 3] |= (uint8_t)(1u << (o->serial & 7));
        }
        count[o->type]++;
        total++;
        bytes += o->type == T_INT && !(o->flags & OF_BIG) ? small_int_sizeof(((IntObj *)o)->v) : obj_sizeof(o);
    }
    free(seen);
    if (total == 0) return;
    int best = 0;
    for (int t = 0; t < T_COUNT; t++)
        if (count[t] > count[best]) best = t;
    char num[32], sz[32];
    StrBuf b = {0};
    int si = node_add(c->g, GN_SUMMARY, c->g->nodes[ni].serial, NULL, c->g->nodes[ni].depth + 1);
    GNode *s = &c->g->nodes[si];
    s->key2 = 1;
    if (count[best] == total)
        sb_printf(&b, "%s %s objects", fmt_thousands(num, total), type_kind_name((ObjType)best));
    else
        sb_printf(&b, "%s objects", fmt_thousands(num, total));
    s->head = sb_dup_text(&b);
    fmt_size(sz, bytes);
    sb_printf(&b, "%s in all", sz);
    row_add(s, b.s, -1, STYLE_DIM);
    sb_free(&b);
    s->box_style = STYLE_FRAME | CF_DIM;
    GNode *parent = &c->g->nodes[ni];
    row_add(parent, "items  ●", si, STYLE_NORMAL);
}

static void slot_names(const ClassObj *cls, Sym *out, uint32_t n)
{
    const ClassObj *chain[64];
    int nc = 0;
    for (const ClassObj *k = cls; k && nc < 64; k = k->base) chain[nc++] = k;
    uint32_t idx = 0;
    for (int j = nc - 1; j >= 0; j--) {
        const ClassObj *k = chain[j];
        uint32_t own = k->has_slots
            ? k->nslots - (k->base && k->base->has_slots ? k->base->nslots : 0) : 0;
        for (uint32_t s = 0; s < own && idx < n; s++) out[idx++] = k->slots[s];
    }
    while (idx < n) out[idx++] = 0;
}

/* Fill in a box's header and rows from its object; children become boxes. */
static void describe_obj(Collect *c, int ni)
{
    const GraphScene *s = c->s;
    Graph *g = c->g;
    Obj *o = g->nodes[ni].o;
    c->from = ni;
    const int mr = c->max_rows;
    char num[32], sz[32];
    StrBuf b = {0};
    int64_t nitems = -1;
    Obj **items = NULL;
    switch ((ObjType)o->type) {
    case T_LIST: nitems = ((ListObj *)o)->n; items = ((ListObj *)o)->items; break;
    case T_TUPLE: nitems = ((TupleObj *)o)->n; items = ((TupleObj *)o)->items; break;
    case T_DICT: nitems = ((DictObj *)o)->used; break;
    case T_SET: nitems = ((SetObj *)o)->used; break;
    case T_ARRAY: nitems = ((ArrayObj *)o)->n; break;
    default: break;
    }
    fmt_size(sz, obj_sizeof(o));
    g->nodes[ni].tname = xstrdup(type_name(s, o));
    g->nodes[ni].size = xstrdup(sz);
    sb_puts(&b, type_name(s, o));
    if (nitems > mr) sb_printf(&b, " · %s items", fmt_thousands(num, nitems));
    sb_printf(&b, " · %s", sz);
    g->nodes[ni].head = sb_dup_text(&b);

    int shown = 0;
    switch ((ObjType)o->type) {
    case T_LIST:
    case T_TUPLE:
        for (int64_t i = 0; i < nitems && shown < mr - (nitems > mr); i++, shown++) {
            char lab[40];
            snprintf(lab, sizeof lab, "[%lld]", (long long)i);
            item_row(c, &g->nodes[ni], lab, items[i]);
        }
        if (nitems > BIG_ITEMS) {
            if (!s->before_only) summarise_items(c, ni, items, nitems);
        }
        else if (nitems > shown) more_row(g, ni, nitems - shown);
        break;
    case T_DICT: {
        DictObj *d = (DictObj *)o;
        for (uint32_t i = 0; i < d->nentries && shown < mr; i++) {
            if (!d->entries[i].key) continue;
            short_text(s, d->entries[i].key, &b);
            sb_putc(&b, ':');
            char *lab = sb_dup_text(&b);
            item_row(c, &g->nodes[ni], lab, d->entries[i].value);
            free(lab);
            shown++;
        }
        if (nitems > shown) more_row(g, ni, nitems - shown);
        break;
    }
    case T_SET: {
        SetObj *st = (SetObj *)o;
        for (uint32_t i = 0; i <= st->mask && shown < mr; i++) {
            Obj *k = st->table[i].key;
            if (!k || k->type == T_FREE || st->table[i].hash == -1) continue;
            item_row(c, &g->nodes[ni], "", k);
            shown++;
        }
        if (nitems > shown) more_row(g, ni, nitems - shown);
        break;
    }
    case T_INSTANCE: {
        InstanceObj *in = (InstanceObj *)o;
        Sym *names = xcalloc(in->nvals + 1, sizeof(Sym));
        if (in->cls->has_slots) slot_names(in->cls, names, in->nvals);
        else
            for (uint32_t i = 0; i < in->nvals && i < in->cls->keys_cached; i++)
                names[i] = in->cls->keys[i];
        for (uint32_t i = 0; i < in->nvals; i++) {
            if (!in->vals[i]) continue;
            if (shown == mr) { shown++; break; }
            sb_printf(&b, ".%s", symtext(s, names[i]));
            char *lab = sb_dup_text(&b);
            item_row(c, &g->nodes[ni], lab, in->vals[i]);
            free(lab);
            shown++;
        }
        free(names);
        break;
    }
    case T_ARRAY: {
        ArrayObj *a = (ArrayObj *)o;
        sb_printf(&b, "typecode '%c', %s items of %d B", a->typecode,
                  fmt_thousands(num, a->n), a->itemsize);
        row_add(&g->nodes[ni], b.s, -1, STYLE_DIM);
        sb_clear(&b);
        break;
    }
    default:
        short_text(s, o, &b);
        row_add(&g->nodes[ni], b.s, -1, STYLE_NORMAL);
        sb_clear(&b);
        break;
    }
    sb_free(&b);
}

static int cmp_nodes(const void *a, const void *b)
{
    const GNode *x = a, *y = b;
    if (x->serial != y->serial) return x->serial < y->serial ? -1 : 1;
    return (int)x->key2 - (int)y->key2;
}

/* ------------------------------------------------------------- 2. annotate */

void graph_event_words(const Event *e, const char *(*symname)(void *ctx, Sym s), void *ctx,
                       StrBuf *out)
{
    const char *nm = e->detail && symname ? symname(ctx, e->detail) : NULL;
    int up = e->kind == EV_INCREF;
    switch ((Reason)e->reason) {
    case R_BIND:
        if (nm) sb_printf(out, up ? "bound to %s" : "name %s rebound", nm);
        else sb_puts(out, up ? "bound to a name" : "a name rebound");
        return;
    case R_UNBIND:
        if (nm) sb_printf(out, "name %s rebound", nm);
        else sb_puts(out, "a name rebound");
        return;
    case R_DEL:
        if (nm) sb_printf(out, "name %s deleted", nm);
        else sb_puts(out, "a name deleted");
        return;
    case R_STORE: sb_puts(out, up ? "stored in a container" : "replaced in a container"); return;
    case R_REMOVE: sb_puts(out, "removed from a container"); return;
    case R_ATTR_SET:
        if (nm) sb_printf(out, up ? "attribute .%s" : "attribute .%s replaced", nm);
        else sb_puts(out, up ? "stored in an attribute" : "an attribute replaced");
        return;
    case R_ATTR_DEL:
        if (nm) sb_printf(out, "attribute .%s deleted", nm);
        else sb_puts(out, "an attribute deleted");
        return;
    case R_ARG:
        sb_puts(out, up ? "call argument (temporary)" : "argument released");
        return;
    case R_ARG_DONE: sb_puts(out, "the call returned: its argument released"); return;
    case R_RETURN:
        if (nm) sb_printf(out, "return: local %s released", nm);
        else sb_puts(out, "return: the call's names released");
        return;
    case R_TEMP: sb_puts(out, up ? "a temporary of the expression" : "a temporary released"); return;
    case R_ITER: sb_puts(out, up ? "held by an iterator" : "released by an iterator"); return;
    case R_CONTAINER_FREED: sb_puts(out, "its container was freed"); return;
    case R_GC_CLEAR: sb_puts(out, "cleared by the collector"); return;
    case R_PROGRAM_END: sb_puts(out, "program end: globals cleared"); return;
    case R_INTERNAL: case R_NONE: case R_COUNT: break;
    }
    sb_puts(out, "held inside the interpreter");
}

/* Who holds the reference an event added, as the graph shows it: "slot [1]
 * of list", "attribute .partner of Node", "key 'k' of dict"; 0 when no box
 * shown points at node k. */
/* The parameter the argument of event i became: the name it is released
 * under at the return of the call (R_RETURN), skipping the calls made inside
 * it (their arguments and returns nest); 0: released as a builtin's
 * argument (R_ARG_DONE), or otherwise. */
static Sym arg_param(const EventLog *log, uint32_t i, int32_t *line)
{
    const Event *a = &log->ev[i];
    int depth = 0;
    for (uint32_t j = i + 1; j < log->n; j++) {
        const Event *e = &log->ev[j];
        if (e->serial != a->serial) continue;
        if (e->kind == EV_INCREF && e->reason == R_ARG) depth++;
        else if (e->kind == EV_DECREF && (e->reason == R_ARG_DONE || e->reason == R_RETURN)) {
            if (depth-- > 0) continue;
            if (e->reason != R_RETURN || !e->detail) return 0;
            *line = e->line;
            return e->detail;
        } else if (e->kind == EV_FREE) return 0;
    }
    return 0;
}

/* The name of the def whose body holds `line` (the nearest def above it,
 * indented less), into out; 0, or -1 when there is none. */
static int def_around(const char *src, int32_t line, char *out, size_t n)
{
    if (!src || line < 1) return -1;
    const char *p = src;
    for (int32_t l = 1; l < line; l++) {   /* the start of the line */
        p = strchr(p, '\n');
        if (!p) return -1;
        p++;
    }
    int ind = (int)strspn(p, " \t");
    while (p > src) {
        /* the line above: back over its newline to its start */
        const char *q = p - 1;
        while (q > src && q[-1] != '\n') q--;
        p = q;
        int li = (int)strspn(p, " \t");
        if (p[li] == '\n' || p[li] == '\0' || p[li] == '#') continue;   /* blank or comment */
        if (li >= ind) continue;
        ind = li;
        q = p + li;
        if (!strncmp(q, "async def ", 10)) q += 6;
        if (strncmp(q, "def ", 4)) continue;   /* an if, a for, a class: look further out */
        q += 4;
        q += strspn(q, " \t");
        size_t k = strcspn(q, "( \t:\n");
        if (k == 0 || k >= n) return -1;
        memcpy(out, q, k);
        out[k] = '\0';
        return 0;
    }
    return -1;
}

void graph_event_words_at(const EventLog *log, uint32_t i, const char *source,
                          const char *(*symname)(void *ctx, Sym s), void *ctx, StrBuf *out)
{
    const Event *e = &log->ev[i];
    int32_t line = 0;
    Sym p = e->kind == EV_INCREF && e->reason == R_ARG ? arg_param(log, i, &line) : 0;
    const char *pn = p && symname ? symname(ctx, p) : NULL;
    if (pn) {
        char fn[128];
        if (def_around(source, line, fn, sizeof fn) == 0) sb_printf(out, "parameter %s of %s", pn, fn);
        else sb_printf(out, "parameter %s", pn);
        return;
    }
    graph_event_words(e, symname, ctx, out);
}

void graph_renote_event(Graph *g, const EventLog *log, uint32_t k, const char *source,
                        const char *(*symname)(void *ctx, Sym s), void *ctx)
{
    if (!g || !log || k < 1 || k > log->n) return;
    const Event *e = &log->ev[k - 1];
    if (e->kind != EV_INCREF || e->reason != R_ARG) return;
    int i = node_find(g, e->serial, GN_OBJ);
    if (i < 0 || !g->nodes[i].note) return;
    StrBuf w = {0};
    graph_event_words_at(log, k - 1, source, symname, ctx, &w);
    if (w.s && !strncmp(w.s, "parameter ", 10)) {
        free(g->nodes[i].note);
        StrBuf b = {0};
        sb_printf(&b, "+1  %s", w.s);
        g->nodes[i].note = sb_take(&b);
    }
    sb_free(&w);
}

static int holder_words(const Graph *g, int k, StrBuf *out)
{
    for (int i = 0; i < g->n; i++)
        for (int r = 0; r < g->nodes[i].nrows; r++) {
            if (g->nodes[i].rows[r].ref != k) continue;
            const char *t = g->nodes[i].rows[r].text;
            size_t ll = strlen(t) > strlen("●") ? strlen(t) - strlen("●") : 0;
            while (ll > 0 && t[ll - 1] == ' ') ll--;
            const char *tn = g->nodes[i].tname ? g->nodes[i].tname : "container";
            if (ll && t[0] == '[') sb_printf(out, "slot %.*s of %s", (int)ll, t, tn);
            else if (ll && t[0] == '.') sb_printf(out, "attribute %.*s of %s", (int)ll, t, tn);
            else if (ll) sb_printf(out, "key %.*s of %s", (int)(t[ll - 1] == ':' ? ll - 1 : ll), t, tn);
            else sb_printf(out, "an item of %s", tn);
            return 1;
        }
    return 0;
}

/* "+1  bound to b", "−1  name a deleted", "+1  slot [1] of list" */
static void reason_note(const GraphScene *s, const Graph *g, int k, const Event *e, int64_t delta,
                        StrBuf *out)
{
    if (delta > 0) sb_printf(out, "+%lld  ", (long long)delta);
    else sb_printf(out, "−%lld  ", (long long)-delta);
    if (e->kind == EV_INCREF && (e->reason == R_STORE || e->reason == R_ATTR_SET) && k >= 0 &&
        holder_words(g, k, out))
        return;
    if (s->log && e >= s->log->ev && e < s->log->ev + s->log->n)
        graph_event_words_at(s->log, (uint32_t)(e - s->log->ev), s->source, s->symname, s->ctx, out);
    else
        graph_event_words(e, s->symname, s->ctx, out);
}

static const char *pass_name(int pass)
{
    switch ((GCPass)pass) {
    case GCP_UPDATE_REFS: return "update_refs: gc_refs = refcount";
    case GCP_SUBTRACT_REFS: return "subtract_refs: minus references from inside";
    case GCP_MOVE_UNREACHABLE: return "move_unreachable: gc_refs 0 and not reached";
    case GCP_FINALIZE: return "finalize: __del__";
    case GCP_RESURRECT: return "check resurrection";
    case GCP_CLEAR: return "clear: break the references";
    case GCP_PROMOTE: return "survivors move to an older generation";
    }
    return "";
}

/* Reasons worth quoting for a step's net change: not the temporaries of
 * evaluating an expression, which come and go within a statement. */
static int telling(const Event *e)
{
    return e->reason != R_TEMP && e->reason != R_ARG && e->reason != R_ARG_DONE &&
           e->reason != R_ITER && e->reason != R_INTERNAL;
}

/* Badge, highlight and note of one object box for the events before phase. */
static void annotate(const GraphScene *s, Graph *g, GNode *n, int gc_from)
{
    const EventLog *log = s->log;
    uint32_t phase = log ? (s->phase < log->n ? s->phase : log->n) : 0;
    int64_t rc = n->o ? (int64_t)n->o->rc : 0;
    int64_t delta = 0;
    const Event *last_rc = NULL, *first_after = NULL, *latest = NULL;
    const Event *last_up = NULL, *last_down = NULL;   /* the last telling reason each way */
    const Event *alloc_ev = NULL;
    const Event *first_rc = NULL;   /* the step's first count event: the count before it */
    int allocated = 0, unreachable = 0, have_gcrefs = 0;
    int64_t gcrefs = 0;
    if (log) {
        for (uint32_t i = 0; i < log->n; i++) {
            const Event *e = &log->ev[i];
            if (e->serial != n->serial || n->kind == GN_SUMMARY) continue;
            int is_rc = e->kind == EV_INCREF || e->kind == EV_DECREF || e->kind == EV_ALLOC;
            if (i >= phase) {
                if (is_rc && !first_after) first_after = e;
                continue;
            }
            if (i + 1 == phase && s->phase != UINT32_MAX) latest = e;
            if (!first_rc && (e->kind == EV_INCREF || e->kind == EV_DECREF || e->kind == EV_ALLOC)) first_rc = e;
            if (e->kind == EV_ALLOC) { allocated = 1; delta = 0; last_rc = e; alloc_ev = e; }
            if (e->kind == EV_INCREF) { delta++; last_rc = e; if (telling(e)) last_up = e; }
            if (e->kind == EV_DECREF) { delta--; last_rc = e; if (telling(e)) last_down = e; }
            if ((int)i >= gc_from && gc_from >= 0) {
                if (e->kind == EV_GC_REFS) { have_gcrefs = 1; gcrefs = e->rc; }
                if (e->kind == EV_GC_UNREACHABLE) unreachable = 1;
            }
        }
        /* the end state of a step shows the true count and the true net change
         * (the log keeps the first events of a big step only) */
        if (s->phase == UINT32_MAX && n->o && first_rc && !allocated) {
            int64_t before = first_rc->kind == EV_INCREF ? first_rc->rc - 1
                           : first_rc->kind == EV_DECREF ? first_rc->rc + 1 : 0;
            delta = (int64_t)n->o->rc - before;
        }
        if (last_rc && (s->phase != UINT32_MAX || !n->o)) rc = last_rc->rc;
        else if (n->o && s->phase == UINT32_MAX) rc = n->o->rc;
        else if (first_after)
            rc = first_after->kind == EV_INCREF ? first_after->rc - 1
               : first_after->kind == EV_DECREF ? first_after->rc + 1 : first_after->rc;
    }
    StrBuf b = {0};
    if (n->kind == GN_GHOST) {
        int freed = 0;
        if (log)
            for (uint32_t i = 0; i < phase; i++)
                if (log->ev[i].serial == n->serial &&
                    (log->ev[i].kind == EV_FREE || (log->ev[i].kind == EV_DECREF && log->ev[i].rc == 0)))
                    freed = 1;
        if (freed) {
            n->badge = xstrdup("× freed");
            n->box_style = n->head_style = n->badge_style = STYLE_GHOST | CF_DIM;
            for (int r = 0; r < n->nrows; r++) n->rows[r].style = STYLE_GHOST | CF_DIM;
        } else {
            sb_printf(&b, "refs %lld", (long long)rc);
            n->badge = sb_dup_text(&b);
        }
    } else if (n->o && (n->o->flags & OF_STATIC)) {
        /* None, True, False, small ints: shared by the whole interpreter */
        n->badge = xstrdup("shared");
    } else {
        sb_printf(&b, "refs %lld", (long long)rc);
        n->badge = sb_dup_text(&b);
    }
    if (n->kind != GN_OBJ && !(n->kind == GN_GHOST && !strstr(n->badge, "freed"))) {
        sb_free(&b);
        return;
    }
    if (have_gcrefs) {
        free(n->badge);
        sb_printf(&b, "gc_refs %lld", (long long)gcrefs);
        n->badge = sb_dup_text(&b);
        n->badge_style = STYLE_GC | CF_BOLD;
    }
    if (n->orphan && !unreachable) {
        n->box_style = STYLE_UNREACHABLE;
        if (!n->note) {
            n->note = xstrdup("no name reaches it");
            n->note_style = STYLE_UNREACHABLE;
        }
    }
    if (unreachable) {
        n->box_style = STYLE_UNREACHABLE | CF_BOLD;
        n->note = xstrdup("tentatively unreachable");
        n->note_style = STYLE_UNREACHABLE;
    }
    if (latest && latest->kind == EV_GC_REFS && latest->sub == GCP_SUBTRACT_REFS) {
        /* subtract_refs has just counted the references from inside */
        int k = (int)(n - g->nodes);
        StrBuf h = {0};
        sb_printf(&b, "gc_refs %lld", (long long)latest->rc);
        if (holder_words(g, k, &h)) {
            /* "attribute .partner of Node" -> "−1 from .partner" */
            const char *lab = strchr(h.s, ' ');
            const char *of = strstr(h.s, " of ");
            if (lab && of && of > lab) sb_printf(&b, " · −1 from %.*s", (int)(of - lab - 1), lab + 1);
        }
        sb_free(&h);
        free(n->note);
        n->note = sb_dup_text(&b);
        n->note_style = STYLE_GC | CF_BOLD;
        n->badge_style = STYLE_GC | CF_BOLD | CF_REVERSE;
    } else if (latest && (latest->kind == EV_INCREF || latest->kind == EV_DECREF)) {
        /* the animation's current event: flash it */
        reason_note(s, g, (int)(n - g->nodes), latest, latest->kind == EV_INCREF ? 1 : -1, &b);
        free(n->note);
        n->note = sb_dup_text(&b);
        n->note_style = (latest->kind == EV_INCREF ? STYLE_INC : STYLE_DEC) | CF_BOLD;
        n->badge_style = n->note_style | CF_REVERSE;
    } else if (allocated) {
        n->box_style = STYLE_NEW | (latest ? CF_BOLD : 0);
        n->head_style = STYLE_NEW | CF_BOLD;
        if (!n->note && alloc_ev) {
            sb_printf(&b, "new  made on line %d", alloc_ev->line);
            n->note = sb_dup_text(&b);
            n->note_style = STYLE_NEW;
        }
    } else if (delta != 0 && last_rc && !n->note) {
        const Event *why = delta > 0 ? last_up : last_down;
        reason_note(s, g, (int)(n - g->nodes), why ? why : last_rc, delta, &b);
        n->note = sb_dup_text(&b);
        n->note_style = delta > 0 ? STYLE_INC : STYLE_DEC;
        n->badge_style = n->note_style | CF_BOLD;
    }
    sb_free(&b);
}

/* ------------------------------------------------------------ graph_build */

static void frames_collect(const GraphScene *s, Graph *g, Collect *c)
{
    g->nframes = s->nframes;
    g->frames = xcalloc((size_t)(s->nframes + 1), sizeof(FrameBox));
    StrBuf b = {0};
    /* a short pane: fold when the frames as they are would not fit in it */
    int frames_h = 0;
    for (int f = 0; f < s->nframes; f++) frames_h += 2 + (s->frames[f].n ? s->frames[f].n : 1) + (f > 0);
    int fold = s->compact > 0 && frames_h + 2 > s->compact;   /* + a margin: frames go down a little */
    for (int f = 0; f < s->nframes; f++) {
        const GraphFrame *sf = &s->frames[f];
        FrameBox *fb = &g->frames[f];
        fb->title = xstrdup(sf->title ? sf->title : "");
        fb->nnames = sf->n;
        fb->names = xcalloc((size_t)sf->n + 1, sizeof(char *));
        fb->node = xcalloc((size_t)sf->n + 1, sizeof(int));
        fb->inl = xcalloc((size_t)sf->n + 1, sizeof(char *));
        for (int i = 0; i < sf->n; i++) {
            Obj *o = sf->names[i].obj;
            fb->names[i] = xstrdup(sf->names[i].name);
            fb->node[i] = -1;
            if (!o || o->rc == 0) continue;   /* rc 0: being freed, seen between two events */
            if (is_inline_kind(o)) {
                /* the name says which; the frame says what kind of thing */
                fb->inl[i] = xstrdup(o->type == T_CLASS ? "class" : o->type == T_FUNCTION ? "function"
                                     : o->type == T_BUILTIN ? "builtin" : obj_type_name(o));
                continue;
            }
            if (not_yet(s, o)) continue;
            int k = node_find(g, o->serial, GN_OBJ);
            if (k < 0 && g->n < c->max_nodes) k = node_add(g, GN_OBJ, o->serial, o, 1);
            fb->node[i] = k;
        }
        fb->also = -1;
        if (fold) {
            /* the names of modules, classes and functions as one row */
            int n = 0, k = 0;
            for (int i = 0; i < fb->nnames; i++) n += fb->inl[i] != NULL;
            if (n < 2) continue;
            sb_puts(&b, "also:");
            for (int i = 0; i < fb->nnames; i++) {
                if (fb->inl[i]) {
                    sb_printf(&b, "%s %s", b.len > 5 ? "," : "", fb->names[i]);
                    free(fb->names[i]);
                    free(fb->inl[i]);
                    continue;
                }
                fb->names[k] = fb->names[i];
                fb->node[k] = fb->node[i];
                fb->inl[k++] = NULL;
            }
            fb->names[k] = sb_dup_text(&b);
            fb->node[k] = -1;
            fb->inl[k] = NULL;
            fb->also = k;
            fb->nnames = k + 1;
        }
    }
    sb_free(&b);
}

/* Ghosts: objects freed in this step that were there before it (not
 * temporaries born and dead within it); scalars only when a name or a
 * statement dropped them, not when their container went. */
static int freed_kind_is_scalar(int t)
{
    return t == T_INT || t == T_FLOAT || t == T_STR || t == T_BOOL || t == T_NONE || t == T_RANGE;
}

static int freed_kind_is_inline(int t)
{
    return t == T_FUNCTION || t == T_CLASS || t == T_MODULE || t == T_BUILTIN || t == T_METHOD ||
           t == T_ITER || t == T_DICTVIEW || t == T_DESCR;
}

/* Orphans: tracked containers alive although no root reaches them (the
 * garbage only the cycle collector can free).  Marks what the roots reach
 * with an explicit stack (no C recursion: chains may be deep). */
typedef struct {
    uint8_t *mark;
    uint32_t nser;
    Obj **stack;
    size_t n, cap;
    uint32_t *incoming;   /* references from the objects walked, per serial (not from roots) */
    int walking;          /* 1 once the roots are pushed: visits are references from objects */
} Reach;

static void reach_visit(Obj *o, void *arg)
{
    Reach *r = arg;
    /* only containers can be orphans or lead to one: an int, str or float
     * (a million of them in a big list) needs no mark */
    if (!o || !(o->flags & OF_GC) || o->serial >= r->nser || o->rc == 0) return;
    if (r->walking) r->incoming[o->serial]++;
    if (r->mark[o->serial >> 3] & (1u << (o->serial & 7))) return;
    r->mark[o->serial >> 3] |= (uint8_t)(1u << (o->serial & 7));
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 1024;
        r->stack = xrealloc(r->stack, r->cap * sizeof(Obj *));
    }
    r->stack[r->n++] = o;
}

static void count_visit(Obj *o, void *arg)
{
    Reach *r = arg;
    if (o && (o->flags & OF_GC) && o->serial < r->nser && o->rc > 0) r->incoming[o->serial]++;
}

/* Look-alike groups.  The orphans fall into connected groups (a Request,
 * its Handler and its payload list); groups of the same make-up (the same
 * types, as many of each) that come GROUP_MIN times or more are drawn as one
 * box, "180 × Request ⇄ Handler cycles", unless the scene expands it (by its
 * first object's serial).  Union-find over the orphans' references. */
typedef struct {
    int *idx;          /* per serial: the orphan's index, or -1 */
    int *up;           /* union-find parent, per orphan */
    uint32_t nser;
    int cur;           /* the orphan whose references are visited */
    int *out, *in;     /* references within the group, per orphan */
    int pass;          /* 0: union; 1: count in and out */
} Groups;

static int uf_find(int *up, int i)
{
    while (up[i] != i) { up[i] = up[up[i]]; i = up[i]; }
    return i;
}

static void group_visit(Obj *o, void *arg)
{
    Groups *gr = arg;
    if (!o || o->serial >= gr->nser || gr->idx[o->serial] < 0) return;
    int j = gr->idx[o->serial];
    if (gr->pass == 0) {
        int a = uf_find(gr->up, gr->cur), b = uf_find(gr->up, j);
        if (a != b) gr->up[a < b ? b : a] = a < b ? a : b;
    } else if (j != gr->cur) {
        gr->out[gr->cur]++;
        gr->in[j]++;
    }
}

typedef struct { int root; char *sig; uint32_t first; int n; } GroupKey;

static int cmp_groupkey(const void *x, const void *y)
{
    const GroupKey *a = x, *b = y;
    int c = strcmp(a->sig, b->sig);
    return c ? c : a->first < b->first ? -1 : a->first > b->first;
}

static int cmp_typename(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int cmp_serial(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

static int scene_expanded(const GraphScene *s, uint32_t serial)
{
    for (int i = 0; i < s->nexpanded; i++)
        if (s->expanded[i] == serial) return 1;
    return 0;
}

/* Fold the look-alike groups among the orphans into GN_GROUP boxes; returns
 * per orphan whether it is folded (NULL: none is). */
static uint8_t *groups_fold(const GraphScene *s, Graph *g, Obj **orph, size_t n, uint32_t nser)
{
    if (n < 2 * GROUP_MIN) return NULL;
    Groups gr = {xcalloc(nser, sizeof(int)), xcalloc(n, sizeof(int)), nser, 0,
                 xcalloc(n, sizeof(int)), xcalloc(n, sizeof(int)), 0};
    for (uint32_t i = 0; i < nser; i++) gr.idx[i] = -1;
    for (size_t i = 0; i < n; i++) { gr.idx[orph[i]->serial] = (int)i; gr.up[i] = (int)i; }
    for (gr.pass = 0; gr.pass < 2; gr.pass++)
        for (size_t i = 0; i < n; i++) {
            gr.cur = (int)i;
            obj_traverse(orph[i], group_visit, &gr);
        }
    /* each group's make-up: its members' type names, sorted */
    int *size = xcalloc(n, sizeof(int));
    for (size_t i = 0; i < n; i++) size[uf_find(gr.up, (int)i)]++;
    /* the members of each group together: by[start[root] ..] */
    int *start = xcalloc(n + 1, sizeof(int)), *fill = xcalloc(n + 1, sizeof(int)), *by = xcalloc(n, sizeof(int));
    for (size_t i = 0, at = 0; i < n; i++) { start[i] = (int)at; at += (size_t)size[i]; }
    for (size_t i = 0; i < n; i++) {
        int r = uf_find(gr.up, (int)i);
        by[start[r] + fill[r]++] = (int)i;
    }
    GroupKey *keys = xcalloc(n, sizeof(GroupKey));
    size_t nk = 0;
    const char **names = xcalloc(GROUP_MAX_OBJS + 1, sizeof(char *));
    StrBuf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (uf_find(gr.up, (int)i) != (int)i || size[i] > GROUP_MAX_OBJS) continue;
        int k = 0;
        uint32_t first = UINT32_MAX;
        for (int m = 0; m < size[i]; m++) {
            Obj *o = orph[by[start[i] + m]];
            names[k++] = type_name(s, o);
            if (o->serial < first) first = o->serial;
        }
        qsort(names, (size_t)k, sizeof(char *), cmp_typename);
        for (int t = 0; t < k; t++) sb_printf(&b, "%s%s", t ? "," : "", names[t]);
        keys[nk++] = (GroupKey){(int)i, sb_dup_text(&b), first, k};
    }
    if (nk > 1) qsort(keys, nk, sizeof(GroupKey), cmp_groupkey);
    uint8_t *folded = xcalloc(n, 1);
    uint8_t *in_fold = xcalloc(n, 1);   /* per root: its group is folded */
    char num[32], sz[32];
    for (size_t a = 0; a < nk;) {
        size_t e = a;
        while (e < nk && !strcmp(keys[e].sig, keys[a].sig)) e++;
        size_t count = e - a;
        uint32_t id = keys[a].first;   /* the first group's first object */
        if (count >= GROUP_MIN && !scene_expanded(s, id)) {
            int64_t bytes = 0;
            for (size_t k = a; k < e; k++) in_fold[keys[k].root] = 1;
            uint32_t *ms = xcalloc(n, sizeof(uint32_t)), nms = 0;
            for (size_t i = 0; i < n; i++)
                if (in_fold[uf_find(gr.up, (int)i)]) {
                    folded[i] = 1;
                    bytes += obj_sizeof(orph[i]);
                    ms[nms++] = orph[i]->serial;
                }
            qsort(ms, nms, sizeof(uint32_t), cmp_serial);
            for (size_t k = a; k < e; k++) in_fold[keys[k].root] = 0;
            /* the first group's members in allocation order: those on the
               cycle (referring and referred to within it) name it */
            int root = keys[a].root, cyc = 0;
            Obj **mem = xcalloc((size_t)keys[a].n + 1, sizeof(Obj *));
            int *memi = xcalloc((size_t)keys[a].n + 1, sizeof(int));
            int nm = 0;
            for (; nm < keys[a].n; nm++) { memi[nm] = by[start[root] + nm]; mem[nm] = orph[memi[nm]]; }
            for (int x = 1; x < nm; x++)
                for (int y = x; y > 0 && mem[y]->serial < mem[y - 1]->serial; y--) {
                    Obj *t = mem[y]; mem[y] = mem[y - 1]; mem[y - 1] = t;
                    int ti = memi[y]; memi[y] = memi[y - 1]; memi[y - 1] = ti;
                }
            sb_printf(&b, "%s ×", fmt_thousands(num, (int64_t)count));
            for (int m = 0; m < nm; m++)
                if (gr.out[memi[m]] && gr.in[memi[m]])
                    sb_printf(&b, "%s %s", cyc++ ? " ⇄" : "", type_name(s, mem[m]));
            if (cyc) sb_puts(&b, cyc == 1 ? " self-cycles" : " cycles");
            else
                for (int m = 0; m < nm; m++) sb_printf(&b, "%s %s", m ? " +" : "", type_name(s, mem[m]));
            int k = node_add(g, GN_GROUP, id, NULL, 1);
            GNode *nd = &g->nodes[k];
            nd->head = sb_dup_text(&b);
            nd->badge = xstrdup("");
            nd->orphan = 1;
            nd->members = ms;
            nd->nmembers = nms;
            sb_puts(&b, "each:");
            for (int m = 0; m < nm; m++) sb_printf(&b, "%s %s", m ? "," : "", type_name(s, mem[m]));
            row_add(nd, b.s, -1, STYLE_NORMAL);
            sb_clear(&b);
            fmt_size(sz, bytes);
            sb_printf(&b, "%s in all", sz);
            row_add(nd, b.s, -1, STYLE_NORMAL);
            sb_clear(&b);
            row_add(nd, "Enter expands", -1, STYLE_DIM);
            nd->note = xstrdup(" no name reaches them");
            nd->note_style = STYLE_DIM;
            free(mem);
            free(memi);
        }
        a = e;
    }
    for (size_t k = 0; k < nk; k++) free(keys[k].sig);
    sb_free(&b);
    free(keys);
    free(names);
    free(in_fold);
    free(size);
    free(start);
    free(fill);
    free(by);
    free(gr.idx);
    free(gr.up);
    free(gr.out);
    free(gr.in);
    return folded;
}

static void orphans_collect(const GraphScene *s, Graph *g, Collect *c)
{
    if (!s->roots || !s->heap) return;
    Heap *h = s->heap;
    Reach r = {0};
    r.nser = h->next_serial + 1;
    r.mark = xcalloc(r.nser / 8 + 1, 1);
    r.incoming = xcalloc(r.nser, sizeof(uint32_t));
    s->roots(s->ctx, reach_visit, &r);
    r.walking = 1;
    while (r.n > 0) {
        Obj *o = r.stack[--r.n];
        if (o->type == T_LIST) {
            /* a big list's items, most of them ints, looked at in place */
            ListObj *l = (ListObj *)o;
            for (int64_t i = 0; i < l->n; i++)
                if (l->items[i] && (l->items[i]->flags & OF_GC)) reach_visit(l->items[i], &r);
        } else {
            obj_traverse(o, reach_visit, &r);
        }
    }
    /* the generations, and during a collection the lists it moved objects to */
    GCObj *heads[5] = {&h->gen[0].head, &h->gen[1].head, &h->gen[2].head, h->gc_unreachable,
                       h->gc_final_unreachable};
    Obj **orph = NULL;   /* the orphans, in the generations' order */
    size_t norph = 0, corph = 0;
    for (int gen = 0; gen < 5; gen++) {
        GCObj *head = heads[gen];
        if (!head) continue;
        for (GCObj *q = head->gc_next; q && q != head; q = q->gc_next) {
            Obj *o = &q->ob;
            if (o->rc == 0) continue;
            if (o->serial < r.nser && (r.mark[o->serial >> 3] & (1u << (o->serial & 7)))) continue;
            /* no root reaches it, but its references count as well (counted,
               not walked: what it reaches is in these lists too) */
            obj_traverse(o, count_visit, &r);
            if (is_inline_kind(o) || node_find(g, o->serial, GN_OBJ) >= 0) continue;
            if (norph == corph) {
                corph = corph ? corph * 2 : 64;
                orph = xrealloc(orph, corph * sizeof(Obj *));
            }
            orph[norph++] = o;
        }
    }
    uint8_t *folded = groups_fold(s, g, orph, norph, r.nser);
    for (size_t i = 0; i < norph; i++) {
        if (folded && folded[i]) continue;
        if (g->n >= c->max_nodes) break;   /* counted above; no more boxes */
        int k = node_add(g, GN_OBJ, orph[i]->serial, orph[i], 1);
        g->nodes[k].orphan = 1;
    }
    free(folded);
    free(orph);
    free(r.mark);
    free(r.stack);
    c->incoming = r.incoming;
    c->nser = r.nser;
}

/* What holds a reference the interpreter keeps for itself (the value stack,
 * a call's arguments, the collector clearing it), in a word, from the
 * latest event that took one. */
static const char *interp_holder_word(const GraphScene *s, uint32_t serial)
{
    const EventLog *log = s->log;
    uint32_t phase = log ? (s->phase < log->n ? s->phase : log->n) : 0;
    for (uint32_t i = phase; i-- > 0;) {
        const Event *e = &log->ev[i];
        if (e->serial != serial || e->kind != EV_INCREF) continue;
        switch ((Reason)e->reason) {
        case R_ARG: return "argument";
        case R_TEMP: return "temporary";
        case R_GC_CLEAR: return "collector";
        case R_ITER: return "iterator";
        default: break;
        }
    }
    return "temporary";
}

/* A containers' or an instance's references that nothing drawn accounts
 * for (no name, no object holding it): the interpreter's own, while an
 * expression or a call is under way, drawn as one more frame, "held by
 * the interpreter", whose entries point at the objects. */
static void interp_holders(const GraphScene *s, Graph *g, Collect *c)
{
    if (!c->incoming) return;
    FrameBox *fb = &g->frames[g->nframes];   /* frames_collect left room for one more */
    fb->also = -1;
    int cap = 0;
    for (int i = 0; i < g->n; i++) {
        const GNode *nd = &g->nodes[i];
        if (nd->kind != GN_OBJ || !nd->o) continue;
        Obj *o = nd->o;
        if (o->flags & OF_STATIC || o->serial >= c->nser) continue;
        if (o->type != T_LIST && o->type != T_DICT && o->type != T_SET && o->type != T_INSTANCE &&
            o->type != T_ARRAY)
            continue;
        int64_t known = c->incoming[o->serial];
        for (int f = 1; f < s->nframes; f++)   /* locals: frames are not objects */
            for (int k = 0; k < s->frames[f].n; k++) known += s->frames[f].names[k].obj == o;
        int64_t extra = (int64_t)o->rc - known;
        for (; extra > 0 && fb->nnames < 8; extra--) {
            if (fb->nnames == cap) {
                cap = cap ? cap * 2 : 4;
                fb->names = xrealloc(fb->names, (size_t)cap * sizeof(char *));
                fb->node = xrealloc(fb->node, (size_t)cap * sizeof(int));
                fb->inl = xrealloc(fb->inl, (size_t)cap * sizeof(char *));
            }
            fb->names[fb->nnames] = xstrdup(interp_holder_word(s, o->serial));
            fb->node[fb->nnames] = i;
            fb->inl[fb->nnames] = NULL;
            fb->nnames++;
        }
    }
    if (fb->nnames) {
        fb->title = xstrdup("interpreter");
        g->nframes++;
    }
}

/* Ghosts: objects that died in this step (their count reached 0: a detailed
 * decref to 0, or a free) and were there before it (not temporaries born and
 * dead within it); scalars only when a name or a statement dropped them, not
 * when their container went.  The free event, when kept, gives the size. */
static void ghosts_collect(const GraphScene *s, Graph *g)
{
    const EventLog *log = s->log;
    if (!log) return;
    int nghost = 0;
    int64_t more = 0, more_bytes = 0;
    int64_t counted_folded[T_COUNT] = {0};   /* counted by their decref; their free was folded */
    for (uint32_t i = 0; i < log->n; i++) {
        const Event *e = &log->ev[i];
        int dies = (e->kind == EV_DECREF && e->rc == 0) || e->kind == EV_FREE;
        if (!dies) continue;
        if (alloc_index(log, e->serial) >= 0) continue;
        if (freed_kind_is_inline(e->otype)) continue;
        int64_t bytes = -1;
        const Event *dec = e->kind == EV_DECREF ? e : NULL;
        for (uint32_t j = i + 1; j < log->n && bytes < 0; j++)
            if (log->ev[j].serial == e->serial && log->ev[j].kind == EV_FREE) bytes = log->ev[j].bytes;
        if (e->kind == EV_FREE) {
            /* counted already when its decref to 0 was kept */
            int seen = 0;
            for (uint32_t j = 0; j < i && !seen; j++)
                seen = log->ev[j].serial == e->serial && log->ev[j].kind == EV_DECREF && log->ev[j].rc == 0;
            if (seen) continue;
            bytes = e->bytes;
        }
        if ((freed_kind_is_scalar(e->otype) && dec && dec->reason == R_CONTAINER_FREED) ||
            nghost >= MAX_GHOSTS) {
            if (dec && bytes < 0) counted_folded[e->otype]++;   /* not again in the folded frees */
            more++;
            more_bytes += bytes > 0 ? bytes : 0;
            continue;
        }
        if (node_find(g, e->serial, GN_GHOST) >= 0) continue;
        int k = node_add(g, GN_GHOST, e->serial, NULL, 1);
        char sz[32];
        StrBuf b = {0};
        const GNode *was = NULL;
        if (s->before) {
            int bi = node_find(s->before, e->serial, GN_OBJ);
            if (bi >= 0) was = &s->before->nodes[bi];
        }
        sb_puts(&b, was && was->tname ? was->tname : type_kind_name((ObjType)e->otype));
        if (bytes >= 0) sb_printf(&b, " · %s", (fmt_size(sz, bytes), sz));
        else if (was && was->size) sb_printf(&b, " · %s", was->size);
        g->nodes[k].head = sb_dup_text(&b);
        g->nodes[k].free_folded = bytes < 0;
        g->nodes[k].otype = e->otype;
        sb_free(&b);
        nghost++;
    }
    for (int t = 0; t < T_COUNT; t++) {
        int64_t fc = log->fold_count[EV_FREE][t];
        /* a ghost whose free was folded is not "more" */
        if (fc > 0 && !freed_kind_is_scalar(t))
            for (int i = 0; i < g->n && fc > 0; i++)
                if (g->nodes[i].kind == GN_GHOST && g->nodes[i].free_folded && g->nodes[i].otype == t)
                    fc--;
        fc -= counted_folded[t] < fc ? counted_folded[t] : fc;
        more += fc;
        more_bytes += log->fold_bytes[EV_FREE][t];
    }
    if (more > 0 && s->phase >= log->n) {
        char num[32], sz[32];
        StrBuf b = {0};
        int k = node_add(g, GN_SUMMARY, UINT32_MAX, NULL, 1);
        sb_printf(&b, "× %s more freed · %s", fmt_thousands(num, more),
                  (fmt_size(sz, (uint64_t)more_bytes), sz));
        g->nodes[k].head = sb_dup_text(&b);
        /* where the step's freed memory went, in the memory map's words */
        if (s->heap && s->heap->alloc) {
            AllocStats st;
            alloc_stats(s->heap->alloc, &st);
            if (st.step_blocks_freed) {
                sb_printf(&b, "back in pools: %s blocks", fmt_thousands(num, (int64_t)st.step_blocks_freed));
                row_add(&g->nodes[k], b.s, -1, STYLE_GHOST | CF_DIM);
                sb_clear(&b);
            }
            if (st.step_raw_freed) {
                sb_printf(&b, "back to malloc: %s", (fmt_size(sz, (int64_t)st.step_raw_freed), sz));
                row_add(&g->nodes[k], b.s, -1, STYLE_GHOST | CF_DIM);
                sb_clear(&b);
            }
            if (st.step_arenas_released)
                sb_printf(&b, "returned to the OS: %u arena%s", st.step_arenas_released,
                          st.step_arenas_released == 1 ? "" : "s");
            else
                sb_puts(&b, "returned to the OS: nothing");
            row_add(&g->nodes[k], b.s, -1, STYLE_GHOST | CF_DIM);
        }
        sb_free(&b);
        g->nodes[k].box_style = g->nodes[k].head_style = STYLE_GHOST | CF_DIM;
        g->nodes[k].badge = xstrdup("");
    }
}

static void banner_collect(const GraphScene *s, Graph *g, int *gc_from)
{
    const EventLog *log = s->log;
    *gc_from = -1;
    if (!log) return;
    uint32_t phase = s->phase < log->n ? s->phase : log->n;
    int open = -1, gen = 0, ncoll = 0;
    int64_t found = 0;
    const char *pass = NULL;
    for (uint32_t i = 0; i < phase; i++) {
        const Event *e = &log->ev[i];
        if (e->kind == EV_GC_BEGIN) { open = (int)i; gen = e->sub; pass = "collecting"; }
        else if (e->kind == EV_GC_PASS && open >= 0) pass = pass_name(e->sub);
        else if (e->kind == EV_GC_REFS && open >= 0) pass = pass_name(e->sub);
        else if (e->kind == EV_GC_END) { open = -1; ncoll++; found += e->count; gen = e->sub; }
    }
    StrBuf b = {0};
    if (open >= 0) {
        *gc_from = open;
        sb_printf(&b, "gc: collecting generation %d · %s", gen, pass);
        if (s->width > 0 && canvas_text_width(b.s) > s->width) {
            /* no room for the explanation: the pass's name alone, never cut mid-word */
            sb_clear(&b);
            sb_printf(&b, "gc: generation %d · %.*s", gen, (int)strcspn(pass, ":"), pass);
        }
    } else if (ncoll > 0) {
        char num[32];
        sb_printf(&b, "gc: %d collection%s this step · %s unreachable found", ncoll,
                  ncoll > 1 ? "s" : "", fmt_thousands(num, found));
    }
    if (b.len) g->banner = sb_dup_text(&b);
    sb_free(&b);
}

/* Greedy interval colouring: the lane for [a,b] among those used. */
typedef struct { int a, b, lane; } Span;

static int assign_lanes(Span *sp, int n)
{
    int lanes = 0;
    int *end = xcalloc((size_t)n + 1, sizeof(int));
    for (int i = 0; i < n; i++) {
        int l = 0;
        while (l < lanes && end[l] >= sp[i].a - 0) l++;
        if (l == lanes) lanes++;
        end[l] = sp[i].b + 1;
        sp[i].lane = l;
    }
    free(end);
    return lanes;
}

/* During subtract_refs (the latest event shown is one of its gc_refs), a
 * reference between two objects of the collection is one it has taken off
 * its target's gc_refs, once the target's new gc_refs has been shown. */
static int subtracted(const GraphScene *s, const Graph *g, int from, int to)
{
    const EventLog *log = s->log;
    if (!log || s->phase == UINT32_MAX || s->phase == 0 || s->phase > log->n) return 0;
    const Event *last = &log->ev[s->phase - 1];
    if (last->kind != EV_GC_REFS || last->sub != GCP_SUBTRACT_REFS) return 0;
    const GNode *a = &g->nodes[from], *b = &g->nodes[to];
    if (a->kind != GN_OBJ || b->kind != GN_OBJ || !a->o || !b->o) return 0;
    if (!(a->o->flags & OF_COLLECTING) || !(b->o->flags & OF_COLLECTING)) return 0;
    for (uint32_t i = s->phase; i-- > 0;) {
        const Event *e = &log->ev[i];
        if (e->kind == EV_GC_BEGIN || (e->kind == EV_GC_REFS && e->sub != GCP_SUBTRACT_REFS)) break;
        if (e->kind == EV_GC_REFS && e->serial == b->serial) return 1;
    }
    return 0;
}

static int chain_index(const GraphScene *s, uint32_t serial)
{
    for (int i = 0; i < s->nchain; i++)
        if (s->chain[i] == serial) return i;
    return -1;
}

/* The "why is it still alive?" chain: its boxes and arrows in emphasis. */
static void chain_mark(const GraphScene *s, Graph *g)
{
    if (s->chain_note && s->selected)
        for (int i = 0; i < g->n; i++)
            if (g->nodes[i].kind == GN_OBJ && g->nodes[i].serial == s->selected) {
                free(g->nodes[i].note);
                g->nodes[i].note = xstrdup(s->chain_note);
                g->nodes[i].note_style = STYLE_EMPH | CF_BOLD;
            }
    if (s->nchain <= 0) return;
    for (int i = 0; i < g->n; i++)
        if (g->nodes[i].kind == GN_OBJ && chain_index(s, g->nodes[i].serial) >= 0 &&
            g->nodes[i].serial != s->selected)
            g->nodes[i].box_style = STYLE_EMPH | CF_BOLD;
    for (int i = 0; i < g->narrows; i++) {
        Arrow *a = &g->arrows[i];
        int ti = chain_index(s, g->nodes[a->target].serial);
        if (ti < 0 || g->nodes[a->target].kind != GN_OBJ) continue;
        int on;
        if (a->left)
            on = ti == 0 && s->chain_root && a->frame == s->chain_frame &&
                 !strcmp(g->frames[a->frame].names[a->name], s->chain_root);
        else
            on = ti > 0 && g->nodes[a->source].kind == GN_OBJ &&
                 g->nodes[a->source].serial == s->chain[ti - 1];
        if (on) a->style = STYLE_EMPH | CF_BOLD;
    }
}

static void arrow_add(Graph *g, Arrow a)
{
    if (g->narrows == g->acap) {
        g->acap = g->acap ? g->acap * 2 : 32;
        g->arrows = xrealloc(g->arrows, (size_t)g->acap * sizeof(Arrow));
    }
    g->arrows[g->narrows++] = a;
}

static int text_w(const char *s) { return s ? canvas_text_width(s) : 0; }

/* How many of frame fb's names, at row y, would sit on the head row of a
 * box that a name (of any frame) points at, other than their own target? */
static int name_rows_collide(const Graph *g, const FrameBox *fb, int y)
{
    int n = 0;
    for (int i = 0; i < fb->nnames; i++) {
        int row = y + 1 + i, hit = 0;
        if (fb->node[i] < 0) continue;   /* no arrow from this name */
        for (int f = 0; f < g->nframes && !hit; f++)
            for (int k = 0; k < g->frames[f].nnames && !hit; k++) {
                int t = g->frames[f].node[k];
                hit = t >= 0 && t != fb->node[i] && g->nodes[t].y + 1 == row;
            }
        n += hit;
    }
    return n;
}

/* Lanes for the spans sp[0..ns) (their .lane holding their target until
 * then): sorted by start, coloured greedily; lane_of[target] gets each
 * target's lane.  Returns how many lanes. */
static int span_lanes(Span *sp, int ns, int *lane_of)
{
    int *tgt = xcalloc((size_t)ns + 1, sizeof(int));
    for (int i = 0; i < ns; i++) tgt[i] = sp[i].lane;
    /* spans come in target order (by y), so sorted by their end; sort by start */
    for (int i = 1; i < ns; i++)
        for (int j = i; j > 0 && sp[j].a < sp[j - 1].a; j--) {
            Span tmp = sp[j]; sp[j] = sp[j - 1]; sp[j - 1] = tmp;
            int tt = tgt[j]; tgt[j] = tgt[j - 1]; tgt[j - 1] = tt;
        }
    int nl = assign_lanes(sp, ns);
    for (int i = 0; i < ns; i++) lane_of[tgt[i]] = sp[i].lane;
    free(tgt);
    return nl;
}

/* The right channel of the boxes of one tile (0: the main column): one
 * lane per target, shared by all the rows that point at it; the lanes'
 * count.  lane_of[target] gets each target's lane. */
static int right_lanes(Graph *g, int tile, int *lane_of)
{
    int n = g->n, ns = 0;
    Span *sp = xcalloc((size_t)n + 1, sizeof(Span));
    for (int t = 0; t < n; t++) {
        if (g->nodes[t].tile != tile) continue;
        int a = g->nodes[t].y + 1, b = a, any = 0;
        for (int i = 0; i < n; i++) {
            if (g->nodes[i].tile != tile) continue;
            for (int r = 0; r < g->nodes[i].nrows; r++)
                if (g->nodes[i].rows[r].ref == t) {
                    int ry = g->nodes[i].y + 2 + r;
                    if (ry < a) a = ry;
                    if (ry > b) b = ry;
                    any = 1;
                }
        }
        if (any) sp[ns++] = (Span){a, b, t};
    }
    int nr = span_lanes(sp, ns, lane_of);
    free(sp);
    return nr;
}

/* The arrows of one tile's rows into its right channel (boxes at x = ox). */
static void right_arrows(const GraphScene *s, Graph *g, int tile, int ox, int ow, const int *lane_of)
{
    int rx = ox + ow;   /* first column right of the boxes: heads */
    for (int i = 0; i < g->n; i++) {
        if (g->nodes[i].tile != tile) continue;
        for (int r = 0; r < g->nodes[i].nrows; r++) {
            int t = g->nodes[i].rows[r].ref;
            if (t < 0) continue;
            int ry = g->nodes[i].y + 2 + r;
            int dotx = ox + 2 + text_w(g->nodes[i].rows[r].text) - 1;
            if (dotx > ox + ow - 3) dotx = ox + ow - 3;
            arrow_add(g, (Arrow){dotx + 1, ry, rx, g->nodes[t].y + 1, rx + 2 + lane_of[t], t, 0, i, -1, -1,
                                 subtracted(s, g, i, t) ? STYLE_GC | CF_BOLD : STYLE_ARROW});
        }
    }
}

/* Tiles: in a wide pane, the unreachable objects (no name or root reaches
 * them, as the capstone's cycles) go beside the main column, each group of
 * them that refers only among itself as a small column of its own with its
 * own right channel, the tiles in rows across the pane.  Marks the nodes
 * (GNode.tile, from 1) and returns how many tiles, or 0 when the pane has no
 * room for one beside the main column (whose width is estimated from above:
 * its frames, one lane per name target, the boxes, one lane per target). */
static int tiles_mark(const GraphScene *s, Graph *g, int fw, int ow)
{
    int n = g->n;
    if (n < 2 || s->before_only) return 0;
    int *up = xcalloc((size_t)n, sizeof(int));
    for (int i = 0; i < n; i++) up[i] = i;
    for (int i = 0; i < n; i++)
        for (int r = 0; r < g->nodes[i].nrows; r++) {
            int t = g->nodes[i].rows[r].ref;
            if (t < 0) continue;
            int a = uf_find(up, i), b = uf_find(up, t);
            if (a != b) up[a < b ? b : a] = a < b ? a : b;
        }
    /* a component tiles when all of it is unreachable (orphans and their
       groups) and no name points into it */
    uint8_t *ok = xcalloc((size_t)n, 1);
    for (int i = 0; i < n; i++) ok[uf_find(up, i)] = 1;
    for (int i = 0; i < n; i++)
        if (!g->nodes[i].orphan || g->nodes[i].kind == GN_GHOST) ok[uf_find(up, i)] = 0;
    for (int f = 0; f < g->nframes; f++)
        for (int k = 0; k < g->frames[f].nnames; k++)
            if (g->frames[f].node[k] >= 0) ok[uf_find(up, g->frames[f].node[k])] = 0;
    int name_targets = 0, ref_targets = 0, ntile = 0, widest = 0;
    uint8_t *seen = xcalloc((size_t)n, 1);
    for (int f = 0; f < g->nframes; f++)
        for (int k = 0; k < g->frames[f].nnames; k++) {
            int t = g->frames[f].node[k];
            if (t >= 0 && !seen[t]) { seen[t] = 1; name_targets++; }
        }
    memset(seen, 0, (size_t)n);
    int *tile_of = xcalloc((size_t)n, sizeof(int));   /* per root: its tile */
    int *lanes = xcalloc((size_t)n + 1, sizeof(int));
    for (int i = 0; i < n; i++)
        for (int r = 0; r < g->nodes[i].nrows; r++) {
            int t = g->nodes[i].rows[r].ref;
            if (t < 0 || seen[t]) continue;
            seen[t] = 1;
            if (ok[uf_find(up, t)]) { int root = uf_find(up, t); lanes[root]++; }
            else ref_targets++;
        }
    for (int i = 0; i < n; i++) {
        int root = uf_find(up, i);
        if (!ok[root]) continue;
        if (!tile_of[root]) tile_of[root] = ++ntile;
        if (lanes[root] > widest) widest = lanes[root];
    }
    int nmain = 0;
    for (int i = 0; i < n; i++) nmain += !ok[uf_find(up, i)];
    int main_w = nmain ? fw + name_targets + 3 + ow + ref_targets + 2 : fw + name_targets + 3;
    int tile_w = TILE_BOX_W + widest + 3;   /* a tile's box and its lanes */
    if (ntile == 0 || main_w + tile_w > s->width || (nmain == 0 && ntile < 2)) ntile = 0;
    for (int i = 0; i < n && ntile; i++) {
        int root = uf_find(up, i);
        g->nodes[i].tile = ok[root] ? tile_of[root] : 0;
    }
    free(up);
    free(ok);
    free(seen);
    free(tile_of);
    free(lanes);
    return ntile;
}

/* Place and route the tiles right of the main column (g->w so far): rows of
 * tiles from the top, as many across as the pane takes.  Returns the height
 * they take (0: none). */
static int tiles_place(const GraphScene *s, Graph *g, int ntile, int top, int ow, int *lane_of)
{
    if (ntile == 0) return 0;
    int nmain = 0;
    for (int i = 0; i < g->n; i++) nmain += !g->nodes[i].tile;
    int x0 = nmain ? g->w + 1 : g->ox, x = x0, y = top, rowh = 0, bottom = 0;
    for (int k = 1; k <= ntile; k++) {
        /* the tile's boxes stacked from its top, all tiles' boxes of one
           width (so that no tile moves as a badge or a note changes) */
        int ty = 0, tow = ow < TILE_BOX_W ? ow : TILE_BOX_W;
        for (int i = 0; i < g->n; i++) {
            GNode *nd = &g->nodes[i];
            if (nd->tile != k) continue;
            nd->y = ty;
            ty += nd->h + 1 + (s->large ? 1 : 0);
        }
        int nr = right_lanes(g, k, lane_of);
        int tw = tow + (nr ? nr + 2 : 1) + 1;
        if (x > x0 && x + tw - 1 > s->width) { x = x0; y += rowh; rowh = 0; }
        for (int i = 0; i < g->n; i++) {
            GNode *nd = &g->nodes[i];
            if (nd->tile != k) continue;
            nd->x = x;
            nd->y += y;
            nd->w = tow;
        }
        right_arrows(s, g, k, x, tow, lane_of);
        if (ty > rowh) rowh = ty;
        if (y + ty > bottom) bottom = y + ty;
        if (x + tw - 1 > g->w) g->w = x + tw - 1;
        x += tw;
    }
    return bottom;
}

/* Does a name of some frame that points elsewhere sit on the head row of
 * box t (where t's own arrow arrives)? */
static int head_row_crossed(const Graph *g, int t)
{
    int row = g->nodes[t].y + 1;
    for (int f = 0; f < g->nframes; f++) {
        const FrameBox *fb = &g->frames[f];
        int k = row - fb->y - 1;
        if (k >= 0 && k < fb->nnames && fb->node[k] >= 0 && fb->node[k] != t) return 1;
    }
    return 0;
}

Graph *graph_build(const GraphScene *s)
{
    Graph *g = xcalloc(1, sizeof *g);
    Collect c = {s, g, 0, s->max_nodes > 0 ? s->max_nodes : DEFAULT_NODES,
                 s->max_depth > 0 ? s->max_depth : DEFAULT_DEPTH, s->max_rows > 0 ? s->max_rows : MAX_ROWS,
                 NULL, 0};
    frames_collect(s, g, &c);
    orphans_collect(s, g, &c);
    /* breadth first: nodes are appended while we walk the array */
    for (int i = 0; i < g->n; i++)
        if (g->nodes[i].kind == GN_OBJ) describe_obj(&c, i);
    int truncated = 0;
    /* count what the limits left out (reachable, not shown): rows that
     * point nowhere although their value is a container */
    (void)truncated;
    ghosts_collect(s, g);
    interp_holders(s, g, &c);
    free(c.incoming);
    int gc_from;
    banner_collect(s, g, &gc_from);

    /* sort by serial, remapping references */
    int n = g->n;
    int *order = xcalloc((size_t)n + 1, sizeof(int));
    for (int i = 0; i < n; i++) g->nodes[i].x = i;   /* remember the old index */
    if (n > 1) qsort(g->nodes, (size_t)n, sizeof(GNode), cmp_nodes);
    for (int i = 0; i < n; i++) order[g->nodes[i].x] = i;
    for (int i = 0; i < n; i++)
        for (int r = 0; r < g->nodes[i].nrows; r++)
            if (g->nodes[i].rows[r].ref >= 0) g->nodes[i].rows[r].ref = order[g->nodes[i].rows[r].ref];
    for (int f = 0; f < g->nframes; f++)
        for (int i = 0; i < g->frames[f].nnames; i++)
            if (g->frames[f].node[i] >= 0) g->frames[f].node[i] = order[g->frames[f].node[i]];
    free(order);

    for (int i = 0; i < n; i++) {
        GNode *nd = &g->nodes[i];
        if (nd->kind == GN_SUMMARY || nd->kind == GN_GROUP) {
            if (!nd->badge) nd->badge = xstrdup("");
            if (nd->kind == GN_GROUP && nd->serial == s->selected && s->selected)
                nd->box_style = STYLE_SELECTED | CF_BOLD;
            continue;
        }
        annotate(s, g, nd, gc_from);
        if (nd->serial == s->selected && s->selected) nd->box_style = STYLE_SELECTED | CF_BOLD;
    }

    /* ---- 3. place ---- */
    int top = g->banner ? 2 : 0;
    int fw = 12;
    for (int f = 0; f < g->nframes; f++) {
        FrameBox *fb = &g->frames[f];
        int w = text_w(fb->title) + 6;
        if (w > fw) fw = w;
        for (int i = 0; i < fb->nnames; i++) {
            int nw = text_w(fb->names[i]) + 6 + (fb->inl[i] ? text_w(fb->inl[i]) : 0);
            if (i == fb->also && nw > 24) nw = 24;   /* cut to the frame's width, beyond */
            if (nw > fw) fw = nw;
        }
    }
    if (fw > 28) fw = 28;
    if (s->prev && s->prev->fw > fw) fw = s->prev->fw;
    int y = top;

    /* box width: the widest content, within what the pane allows */
    int ow = MIN_BOX_W;
    for (int i = 0; i < n; i++) {
        GNode *nd = &g->nodes[i];
        int hw = text_w(nd->head) + text_w(nd->badge) + 6;
        if (hw > ow) ow = hw;
        for (int r = 0; r < nd->nrows; r++) {
            int rw = text_w(nd->rows[r].text) + 4 + (nd->rows[r].ref >= 0 ? 1 : 0);
            if (rw > ow) ow = rw;
        }
    }
    if (ow > MAX_BOX_W) ow = MAX_BOX_W;
    int content_w = ow;

    /* stack the boxes (those of tiles: beside, further down) */
    for (int i = 0; i < n; i++) {
        GNode *nd = &g->nodes[i];
        nd->boxh = 3 + nd->nrows;
        nd->h = nd->boxh + (nd->note ? 1 : 0);
    }
    int ntiles = tiles_mark(s, g, fw, ow > MIN_WIDE_BOX ? ow : MIN_WIDE_BOX);
    y = top;
    for (int i = 0; i < n; i++) {
        GNode *nd = &g->nodes[i];
        if (nd->tile) continue;
        if (s->prev) {
            /* never above where it was at the event before */
            int pk = node_find(s->prev, nd->serial, nd->kind);
            if (pk < 0 && nd->kind == GN_GHOST) pk = node_find(s->prev, nd->serial, GN_OBJ);
            if (pk >= 0 && s->prev->nodes[pk].y > y) y = s->prev->nodes[pk].y;
        }
        nd->y = y;
        nd->w = ow;
        y += nd->h + 1 + (s->large ? 1 : 0);
    }
    int objs_h = y;

    /* the frames, each as high as it can go without a name's row on the
     * head row of a box another name points at: there the name's line and
     * the other arrow's head would run together and read as one */
    y = top;
    for (int f = 0; f < g->nframes; f++) {
        FrameBox *fb = &g->frames[f];
        fb->x = 0;
        fb->w = fw;
        fb->h = 2 + (fb->nnames ? fb->nnames : 1);
        int best = y, least = name_rows_collide(g, fb, y);
        for (int d = 1; d <= 6 && least > 0; d++) {
            int hits = name_rows_collide(g, fb, y + d);
            if (hits < least) { least = hits; best = y + d; }
        }
        y = best;
        fb->y = y;
        y += fb->h + 1;
    }
    int frames_h = y;

    /* no name's line along the head row of a box another name points at:
     * there it would run into that box's arrow and read as one line (which
     * name points where would be ambiguous); such a box, and those below
     * it, go down a row until the rows differ */
    for (int i = 0; i < n; i++)
        for (int guard = 0; guard < 64 && !g->nodes[i].tile && head_row_crossed(g, i); guard++) {
            for (int j = i; j < n; j++)
                if (!g->nodes[j].tile) g->nodes[j].y++;
            objs_h++;
        }

    /* left channel: one lane per target, shared by all names bound to it */
    Span *sp = xcalloc((size_t)n + 1, sizeof(Span));
    int *lane_of = xcalloc((size_t)n + 1, sizeof(int));
    int ns = 0;
    for (int t = 0; t < n; t++) {
        int a = g->nodes[t].y + 1, b = a, any = 0;
        for (int f = 0; f < g->nframes; f++)
            for (int i = 0; i < g->frames[f].nnames; i++)
                if (g->frames[f].node[i] == t) {
                    int ry = g->frames[f].y + 1 + i;
                    if (ry < a) a = ry;
                    if (ry > b) b = ry;
                    any = 1;
                }
        if (any) sp[ns++] = (Span){a, b, t};
    }
    int nl = span_lanes(sp, ns, lane_of);
    int ox = fw + nl + 3;
    if (s->prev && s->prev->ox > ox) ox = s->prev->ox;
    for (int i = 0; i < n; i++)
        if (!g->nodes[i].tile) g->nodes[i].x = ox;
    for (int f = 0; f < g->nframes; f++)
        for (int i = 0; i < g->frames[f].nnames; i++) {
            int t = g->frames[f].node[i];
            if (t < 0) continue;
            int ry = g->frames[f].y + 1 + i;
            /* the farthest lane for the nearest target keeps lines apart */
            arrow_add(g, (Arrow){fw - 2, ry, ox - 1, g->nodes[t].y + 1,
                                 fw + 1 + (nl - 1 - lane_of[t]), t, 1, -1, f, i, STYLE_ARROW});
        }

    /* right channel */
    int nr = right_lanes(g, 0, lane_of);
    /* widen the boxes into the room the pane leaves (up to a comfortable
     * width): the right channel only depends on rows, not on the width */
    {
        int room = s->width - ox - (nr ? nr + 2 : 1);
        int wide = s->large ? MIN_WIDE_BOX + 14 : MIN_WIDE_BOX;
        int want = room < wide ? room : wide;
        if (want > ow) ow = want;
        if (s->prev && s->prev->ow > ow) ow = s->prev->ow;
        if (ow > room) ow = room > MIN_BOX_W ? room : MIN_BOX_W;
        (void)content_w;
        for (int i = 0; i < n; i++) g->nodes[i].w = ow;
    }
    int rx = ox + ow;   /* first column right of the boxes: heads */
    right_arrows(s, g, 0, ox, ow, lane_of);
    g->w = rx + (nr ? nr + 2 : 1);
    g->ox = ox;
    int tiles_h = tiles_place(s, g, ntiles, top, ow, lane_of);
    if (tiles_h > objs_h) objs_h = tiles_h;
    free(sp);
    free(lane_of);
    chain_mark(s, g);

    g->fw = fw;
    g->ox = ox;
    g->ow = ow;
    g->h = frames_h > objs_h ? frames_h : objs_h;
    if (g->n >= c.max_nodes) {
        g->more = xstrdup("… more objects beyond the limit: pan or select to explore");
        g->more_y = g->h;
        g->h += 1;
    }
    if (g->banner && text_w(g->banner) > g->w) g->w = text_w(g->banner);
    if (g->h > 0) g->h--;   /* no blank row after the last box */
    if (g->more) g->h++;
    return g;
}

void graph_free(Graph *g)
{
    if (!g) return;
    for (int i = 0; i < g->n; i++) {
        GNode *nd = &g->nodes[i];
        free(nd->head);
        free(nd->tname);
        free(nd->size);
        free(nd->badge);
        free(nd->note);
        free(nd->members);
        for (int r = 0; r < nd->nrows; r++) free(nd->rows[r].text);
        free(nd->rows);
    }
    free(g->nodes);
    for (int f = 0; f < g->nframes; f++) {
        FrameBox *fb = &g->frames[f];
        for (int i = 0; i < fb->nnames; i++) { free(fb->names[i]); free(fb->inl[i]); }
        free(fb->names);
        free(fb->inl);
        free(fb->node);
        free(fb->title);
    }
    free(g->frames);
    free(g->arrows);
    free(g->banner);
    free(g->more);
    free(g);
}

void graph_size(const Graph *g, int *w, int *h)
{
    *w = g->w;
    *h = g->h;
}

int graph_node_count(const Graph *g) { return g->n; }

int graph_objects(const Graph *g, uint32_t *out, int max)
{
    int n = 0;
    for (int i = 0; i < g->n && n < max; i++)
        if ((g->nodes[i].kind == GN_OBJ && !g->nodes[i].hidden) || g->nodes[i].kind == GN_GROUP)
            out[n++] = g->nodes[i].serial;
    return n;
}

int graph_node_rows(const Graph *g, uint32_t serial, int *y, int *h)
{
    for (int i = 0; i < g->n; i++)
        if (g->nodes[i].serial == serial && g->nodes[i].kind != GN_SUMMARY) {
            *y = g->nodes[i].y;
            *h = g->nodes[i].h;
            return 0;
        }
    for (int i = 0; i < g->n; i++)   /* folded into a group's box */
        if (g->nodes[i].kind == GN_GROUP &&
            bsearch(&serial, g->nodes[i].members, g->nodes[i].nmembers, sizeof(uint32_t), cmp_serial)) {
            *y = g->nodes[i].y;
            *h = g->nodes[i].h;
            return 0;
        }
    return -1;
}

int graph_has(const Graph *g, uint32_t serial)
{
    for (int i = 0; i < g->n; i++)
        if (g->nodes[i].serial == serial && g->nodes[i].kind != GN_SUMMARY) return 1;
    return 0;
}

int graph_is_ghost(const Graph *g, uint32_t serial)
{
    return node_find(g, serial, GN_GHOST) >= 0 && node_find(g, serial, GN_OBJ) < 0;
}

int graph_is_group(const Graph *g, uint32_t serial) { return node_find(g, serial, GN_GROUP) >= 0; }

/* ------------------------------------------------------------------ draw */

void graph_draw(const Graph *g, Canvas *c, int x, int y, int w, int h, int panx, int pany)
{
    int ox = x - panx, oy = y - pany;
    canvas_set_clip(c, x, y, w, h);
    if (g->banner) canvas_put_utf8(c, ox, oy, g->banner, STYLE_GC | CF_BOLD);

    /* 1. boxes */
    for (int f = 0; f < g->nframes; f++) {
        const FrameBox *fb = &g->frames[f];
        canvas_box(c, ox + fb->x, oy + fb->y, fb->w, fb->h, STYLE_FRAME, fb->title);
    }
    for (int i = 0; i < g->n; i++) {
        const GNode *nd = &g->nodes[i];
        canvas_box(c, ox + nd->x, oy + nd->y, nd->w, nd->boxh, nd->box_style, NULL);
    }
    /* 2. arrows: the route is start → lane → target row → head */
    for (int i = 0; i < g->narrows; i++) {
        const Arrow *a = &g->arrows[i];
        CanvasPoint pts[4] = {
            {ox + a->x0, oy + a->y0}, {ox + a->lane_x, oy + a->y0},
            {ox + a->lane_x, oy + a->y1}, {ox + a->x1, oy + a->y1},
        };
        canvas_polyline(c, pts, 4, a->style, false);
    }
    /* 3. text */
    for (int f = 0; f < g->nframes; f++) {
        const FrameBox *fb = &g->frames[f];
        int fx = ox + fb->x, fy = oy + fb->y;
        if (fb->nnames == 0) canvas_put_utf8(c, fx + 2, fy + 1, "(empty)", STYLE_DIM);
        for (int i = 0; i < fb->nnames; i++) {
            if (i == fb->also) {
                canvas_put_utf8_fit(c, fx + 2, fy + 1 + i, fb->names[i], fb->w - 4, STYLE_DIM);
                continue;
            }
            int used = canvas_put_utf8_fit(c, fx + 2, fy + 1 + i, fb->names[i], fb->w - 6,
                                           STYLE_NAME | CF_BOLD);
            if (fb->inl[i])
                canvas_put_utf8_fit(c, fx + 2 + used + 2, fy + 1 + i, fb->inl[i],
                                    fb->w - used - 6, STYLE_DIM);
            else if (fb->node[i] >= 0)
                canvas_put_utf8(c, fx + fb->w - 3, fy + 1 + i, "●", STYLE_ARROW);
        }
    }
    for (int i = 0; i < g->n; i++) {
        const GNode *nd = &g->nodes[i];
        int bx = ox + nd->x, by = oy + nd->y, inner = nd->w - 4;
        int bw = text_w(nd->badge);
        int hw = inner - (bw ? bw + 2 : 0);
        if (bw && text_w(nd->head) > hw && bw + 4 <= nd->w - 2) {
            /* no room beside the type: the badge goes in the top border */
            canvas_put_utf8(c, bx + nd->w - 3 - bw, by, " ", nd->box_style);
            canvas_put_utf8(c, bx + nd->w - 2 - bw, by, nd->badge, nd->badge_style);
            canvas_put_utf8(c, bx + nd->w - 2, by, " ", nd->box_style);
            hw = inner;
            bw = 0;
        }
        canvas_put_utf8_fit(c, bx + 2, by + 1, nd->head ? nd->head : "", hw, nd->head_style);
        if (bw) canvas_put_utf8(c, bx + nd->w - 2 - bw, by + 1, nd->badge, nd->badge_style);
        for (int r = 0; r < nd->nrows; r++) {
            const Row *rw = &nd->rows[r];
            if (rw->ref >= 0) {
                /* the label, then the dot where the arrow starts */
                int lw = text_w(rw->text) - 1;
                char *lab = xstrndup(rw->text, strlen(rw->text) - strlen("●"));
                if (lw > inner - 1) lw = inner - 1;
                canvas_put_utf8_fit(c, bx + 2, by + 2 + r, lab, lw, rw->style);
                free(lab);
                canvas_put_utf8(c, bx + 2 + lw, by + 2 + r, "●", STYLE_ARROW);
            } else {
                canvas_put_utf8_fit(c, bx + 2, by + 2 + r, rw->text, inner, rw->style);
            }
        }
        if (nd->note) canvas_put_utf8_fit(c, bx + 1, by + nd->boxh, nd->note, nd->w - 1, nd->note_style);
    }
    /* 4. heads */
    for (int i = 0; i < g->narrows; i++) {
        const Arrow *a = &g->arrows[i];
        canvas_arrow_head(c, ox + a->x1, oy + a->y1, a->left ? DIR_RIGHT : DIR_LEFT, a->style);
    }
    if (g->more) canvas_put_utf8(c, ox, oy + g->more_y, g->more, STYLE_DIM);
    canvas_reset_clip(c);
}

uint32_t graph_hit(const Graph *g, int gx, int gy)
{
    for (int i = 0; i < g->n; i++) {
        const GNode *nd = &g->nodes[i];
        if (nd->kind != GN_SUMMARY && gx >= nd->x && gx < nd->x + nd->w && gy >= nd->y &&
            gy < nd->y + nd->boxh)
            return nd->serial;
    }
    return 0;
}

int graph_describe(const Graph *g, uint32_t serial, StrBuf *out)
{
    int k = -1;
    for (int i = 0; i < g->n; i++)
        if (g->nodes[i].serial == serial && g->nodes[i].kind != GN_SUMMARY) k = i;
    if (k < 0) return -1;
    const GNode *nd = &g->nodes[k];
    if (nd->kind == GN_GROUP) {
        sb_printf(out, "%s · Enter expands · %s · no name reaches them", nd->head,
                  nd->nrows > 1 ? nd->rows[1].text : "");
        return 0;
    }
    sb_printf(out, "%s · %s · held by", nd->head ? nd->head : "?", nd->badge ? nd->badge : "");
    int any = 0;
    for (int f = 0; f < g->nframes; f++)
        for (int i = 0; i < g->frames[f].nnames; i++)
            if (g->frames[f].node[i] == k) {
                sb_printf(out, "%s %s", any ? "," : "", g->frames[f].names[i]);
                any = 1;
            }
    for (int i = 0; i < g->n; i++)
        for (int r = 0; r < g->nodes[i].nrows; r++)
            if (g->nodes[i].rows[r].ref == k) {
                const char *hd = g->nodes[i].head ? g->nodes[i].head : "?";
                size_t tl = strcspn(hd, " ");
                sb_printf(out, "%s %.*s%s", any ? "," : "", (int)tl, hd, "");
                const char *t = g->nodes[i].rows[r].text;
                size_t ll = strlen(t) > strlen("●") ? strlen(t) - strlen("●") : 0;
                while (ll > 0 && t[ll - 1] == ' ') ll--;
                if (ll) sb_printf(out, "%.*s", (int)ll, t[0] == '.' || t[0] == '[' ? t : t);
                any = 1;
            }
    if (!any) sb_puts(out, " nothing shown");
    return 0;
}
