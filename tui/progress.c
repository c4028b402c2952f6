/* Self-study progress (see progress.h).  Kept in memory as the JSON tree
 * itself: unknown members survive a load and save. */
#include "progress.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct Progress {
    cJSON *root;
};

char *progress_path(void)
{
    const char *x = getenv("XDG_STATE_HOME");
    StrBuf b = {0};
    if (x && x[0] == '/') {
        sb_printf(&b, "%s/memtutor/progress.json", x);
    } else {
        const char *home = getenv("HOME");
        if (!home || !*home) return NULL;
        sb_printf(&b, "%s/.local/state/memtutor/progress.json", home);
    }
    return sb_take(&b);
}

static cJSON *fresh(void)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddNumberToObject(r, "version", 1);
    cJSON_AddObjectToObject(r, "lessons");
    return r;
}

/* Is the tree shaped as progress.json should be? */
static int well_formed(const cJSON *r)
{
    if (!cJSON_IsObject(r)) return 0;
    const cJSON *ls = cJSON_GetObjectItemCaseSensitive(r, "lessons");
    if (ls && !cJSON_IsObject(ls)) return 0;
    const cJSON *last = cJSON_GetObjectItemCaseSensitive(r, "last");
    if (last && !cJSON_IsString(last)) return 0;
    const cJSON *l;
    cJSON_ArrayForEach(l, ls) {
        if (!cJSON_IsObject(l)) return 0;
    }
    return 1;
}

Progress *progress_load(StrBuf *warning)
{
    Progress *p = xcalloc(1, sizeof *p);
    char *path = progress_path();
    if (!path) {
        p->root = fresh();
        return p;
    }
    const char *why = NULL;
    size_t len = 0;
    char *text = read_file_limited(path, (size_t)4 << 20, &len, &why);
    if (text) {
        cJSON *r = cJSON_ParseWithLength(text, len);
        if (r && well_formed(r)) {
            p->root = r;
            if (!cJSON_GetObjectItemCaseSensitive(r, "lessons")) cJSON_AddObjectToObject(r, "lessons");
        } else {
            cJSON_Delete(r);
            StrBuf aside = {0};
            sb_printf(&aside, "%s.corrupt", path);
            if (rename(path, aside.s) == 0)
                sb_printf(warning, "progress file was corrupt, moved aside: %s", aside.s);
            else
                sb_printf(warning, "progress file %s is corrupt (%s): starting afresh", path, strerror(errno));
            sb_free(&aside);
        }
        free(text);
    } else if (strcmp(why, "no such file") != 0) {
        sb_printf(warning, "progress file %s: %s: starting afresh", path, why);
    }
    if (!p->root) p->root = fresh();
    free(path);
    return p;
}

void progress_free(Progress *p)
{
    if (!p) return;
    cJSON_Delete(p->root);
    free(p);
}

/* mkdir -p of the directory part of path */
static int make_dirs(const char *path)
{
    char *d = xstrdup(path);
    char *slash = strrchr(d, '/');
    if (slash) *slash = '\0';
    for (char *q = d + 1; *q; q++) {
        if (*q != '/') continue;
        *q = '\0';
        if (mkdir(d, 0700) != 0 && errno != EEXIST) { free(d); return -1; }
        *q = '/';
    }
    int r = mkdir(d, 0700) != 0 && errno != EEXIST ? -1 : 0;
    free(d);
    return r;
}

int progress_save(const Progress *p, StrBuf *err)
{
    char *path = progress_path();
    if (!path) {
        sb_puts(err, "progress: neither XDG_STATE_HOME nor HOME is set");
        return -1;
    }
    int rc = -1;
    char *text = cJSON_Print(p->root);
    StrBuf tmp = {0};
    sb_printf(&tmp, "%s.XXXXXX", path);
    if (make_dirs(path) < 0) {
        sb_printf(err, "progress: cannot create the directory of %s: %s", path, strerror(errno));
        goto out;
    }
    int fd = mkstemp(tmp.s);
    if (fd < 0) {
        sb_printf(err, "progress: %s: %s", tmp.s, strerror(errno));
        goto out;
    }
    size_t len = strlen(text), off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            break;
        }
        off += (size_t)w;
    }
    int ok = off == len && write(fd, "\n", 1) == 1 && fsync(fd) == 0;
    if (close(fd) != 0) ok = 0;
    if (!ok || rename(tmp.s, path) != 0) {
        sb_printf(err, "progress: cannot write %s: %s", path, strerror(errno));
        unlink(tmp.s);
        goto out;
    }
    rc = 0;
out:
    free(text);
    sb_free(&tmp);
    free(path);
    return rc;
}

int progress_reset(StrBuf *err)
{
    char *path = progress_path();
    if (!path) return 0;
    int rc = 0;
    if (unlink(path) != 0 && errno != ENOENT) {
        sb_printf(err, "cannot remove %s: %s", path, strerror(errno));
        rc = -1;
    }
    free(path);
    return rc;
}

static cJSON *lesson_node(const Progress *p, const char *id, int create)
{
    cJSON *ls = cJSON_GetObjectItemCaseSensitive(p->root, "lessons");
    cJSON *l = cJSON_GetObjectItemCaseSensitive(ls, id);
    if (!l && create) l = cJSON_AddObjectToObject(ls, id);
    return l;
}

static int get_int(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valueint : 0;
}

static void set_num(cJSON *o, const char *k, double v)
{
    cJSON *n = cJSON_CreateNumber(v);
    if (cJSON_GetObjectItemCaseSensitive(o, k)) cJSON_ReplaceItemInObjectCaseSensitive(o, k, n);
    else cJSON_AddItemToObject(o, k, n);
}

static void set_item(cJSON *o, const char *k, cJSON *v)
{
    if (cJSON_GetObjectItemCaseSensitive(o, k)) cJSON_ReplaceItemInObjectCaseSensitive(o, k, v);
    else cJSON_AddItemToObject(o, k, v);
}

void progress_reached(Progress *p, const char *id, int step, int nsteps)
{
    if (!p || !id) return;
    cJSON *l = lesson_node(p, id, 1);
    if (step > get_int(l, "furthest")) set_num(l, "furthest", step);
    set_num(l, "nsteps", nsteps);
    set_num(l, "at", step);
    if (step >= nsteps && nsteps > 0) set_item(l, "finished", cJSON_CreateTrue());
    else if (!cJSON_GetObjectItemCaseSensitive(l, "finished")) set_item(l, "finished", cJSON_CreateFalse());
    set_item(p->root, "last", cJSON_CreateString(id));
}

void progress_answer(Progress *p, const char *id, int step, const char *given, int correct)
{
    if (!p || !id) return;
    cJSON *l = lesson_node(p, id, 1);
    cJSON *ans = cJSON_GetObjectItemCaseSensitive(l, "answers");
    if (!cJSON_IsObject(ans)) {
        ans = cJSON_CreateObject();
        set_item(l, "answers", ans);
    }
    char key[16];
    snprintf(key, sizeof key, "%d", step);
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "given", given ? given : "");
    cJSON_AddBoolToObject(a, "correct", correct != 0);
    set_item(ans, key, a);
}

int progress_finished(const Progress *p, const char *id)
{
    if (!p || !id) return 0;
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(lesson_node(p, id, 0), "finished"));
}

int progress_furthest(const Progress *p, const char *id)
{
    if (!p || !id) return 0;
    return get_int(lesson_node(p, id, 0), "furthest");
}

int progress_at(const Progress *p, const char *id)
{
    if (!p || !id) return 0;
    return get_int(lesson_node(p, id, 0), "at");
}

const char *progress_last(const Progress *p)
{
    if (!p) return NULL;
    const cJSON *l = cJSON_GetObjectItemCaseSensitive(p->root, "last");
    return cJSON_IsString(l) ? l->valuestring : NULL;
}
