/* Self-study progress (see progress.h).  Kept in memory as the JSON tree
 * itself: unknown members survive a load and save. */
#include "progress.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct Progress {
    cJSON *root;
    cJSON *touched;   /* ids of the lessons this instance changed (keys) */
    int last_set;     /* this instance set "last" */
    int stuck;        /* the file could not be used nor moved aside */
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

/* The file the progress is in: the path, or the file it names when it is a
 * symlink (a symlink is followed, never replaced by a regular file). */
static char *real_path(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)) return xstrdup(path);
    char *r = realpath(path, NULL);
    if (r) {
        char *c = xstrdup(r);
        free(r);
        return c;
    }
    /* a dangling link: the file it names, relative to the link's directory */
    char buf[4096];
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    if (n <= 0) return xstrdup(path);
    buf[n] = '\0';
    StrBuf b = {0};
    const char *slash = strrchr(path, '/');
    if (buf[0] != '/' && slash) sb_printf(&b, "%.*s", (int)(slash - path + 1), path);
    sb_puts(&b, buf);
    return sb_take(&b);
}

/* Move path aside to PATH.corrupt, PATH.corrupt.1, ...: the first name not
 * taken (an earlier copy is never overwritten).  Returns the name (malloc'd)
 * or NULL with errno set. */
static char *move_aside(const char *path)
{
    StrBuf c = {0};
    for (int k = 0; k < 1000; k++) {
        sb_clear(&c);
        if (k == 0) sb_printf(&c, "%s.corrupt", path);
        else sb_printf(&c, "%s.corrupt.%d", path, k);
        if (link(path, c.s) == 0) {
            if (unlink(path) == 0) return sb_take(&c);
            int e = errno;
            unlink(c.s);
            sb_free(&c);
            errno = e;
            return NULL;
        }
        if (errno == EEXIST) continue;
        /* no hard links here (or a directory): rename, when the name is free */
        struct stat st;
        if (lstat(c.s, &st) == 0) continue;
        if (rename(path, c.s) == 0) return sb_take(&c);
        break;
    }
    sb_free(&c);
    return NULL;
}

/* Read the progress file at path: the tree, or NULL when there is none
 * (*missing) or it cannot be used, in which case it is moved aside and a
 * line goes to warning; *stuck when it could not even be moved aside (it
 * must then never be overwritten). */
static cJSON *read_tree(const char *path, StrBuf *warning, int *missing, int *stuck)
{
    const char *why = NULL;
    size_t len = 0;
    *missing = *stuck = 0;
    char *text = read_file_limited(path, (size_t)4 << 20, &len, &why);
    if (text) {
        cJSON *r = cJSON_ParseWithLength(text, len);
        free(text);
        if (r && well_formed(r)) {
            if (!cJSON_GetObjectItemCaseSensitive(r, "lessons")) cJSON_AddObjectToObject(r, "lessons");
            return r;
        }
        cJSON_Delete(r);
        why = "corrupt";
    } else if (!strcmp(why, "no such file")) {
        *missing = 1;
        return NULL;
    }
    char *aside = move_aside(path);
    if (aside)
    {
        if (!strcmp(why, "corrupt")) sb_printf(warning, "progress file was corrupt, moved aside: %s", aside);
        else sb_printf(warning, "progress file could not be read (%s), moved aside: %s", why, aside);
    }
    else {
        sb_printf(warning, "progress file %s is %s and cannot be moved aside (%s): progress is not saved",
                  path, why, strerror(errno));
        *stuck = 1;
    }
    free(aside);
    return NULL;
}

Progress *progress_load(StrBuf *warning)
{
    Progress *p = xcalloc(1, sizeof *p);
    p->touched = cJSON_CreateObject();
    char *path = progress_path();
    if (path) {
        char *real = real_path(path);
        int missing, stuck;
        p->root = read_tree(real, warning, &missing, &stuck);
        p->stuck = stuck;
        free(real);
    }
    if (!p->root) p->root = fresh();
    free(path);
    return p;
}

void progress_free(Progress *p)
{
    if (!p) return;
    cJSON_Delete(p->root);
    cJSON_Delete(p->touched);
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

static void set_item(cJSON *o, const char *k, cJSON *v);

/* Another instance may have saved since this one loaded: what this one
 * changed (the lessons it touched, the last lesson) goes into the file's
 * tree; the rest of the file is kept.  A lesson both touched keeps the
 * furthest step of either and stays finished once finished; answers are
 * merged, this instance's given last. */
static void merge_into(cJSON *disk, const Progress *p)
{
    cJSON *dls = cJSON_GetObjectItemCaseSensitive(disk, "lessons");
    cJSON *ols = cJSON_GetObjectItemCaseSensitive(p->root, "lessons");
    const cJSON *t;
    cJSON_ArrayForEach(t, p->touched) {
        cJSON *mine = cJSON_GetObjectItemCaseSensitive(ols, t->string);
        if (!mine) continue;
        cJSON *theirs = cJSON_GetObjectItemCaseSensitive(dls, t->string);
        cJSON *m = cJSON_Duplicate(mine, 1);
        if (cJSON_IsObject(theirs)) {
            const cJSON *f = cJSON_GetObjectItemCaseSensitive(theirs, "furthest");
            const cJSON *mf = cJSON_GetObjectItemCaseSensitive(m, "furthest");
            if (cJSON_IsNumber(f) && (!cJSON_IsNumber(mf) || f->valuedouble > mf->valuedouble))
                set_item(m, "furthest", cJSON_CreateNumber(f->valuedouble));
            if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(theirs, "finished")))
                set_item(m, "finished", cJSON_CreateTrue());
            const cJSON *ta = cJSON_GetObjectItemCaseSensitive(theirs, "answers");
            cJSON *ma = cJSON_GetObjectItemCaseSensitive(m, "answers");
            if (cJSON_IsObject(ta)) {
                if (!cJSON_IsObject(ma)) {
                    ma = cJSON_CreateObject();
                    set_item(m, "answers", ma);
                }
                const cJSON *a;
                cJSON_ArrayForEach(a, ta) {
                    if (!cJSON_GetObjectItemCaseSensitive(ma, a->string))
                        cJSON_AddItemToObject(ma, a->string, cJSON_Duplicate(a, 1));
                }
            }
        }
        set_item(dls, t->string, m);
    }
    const cJSON *last = cJSON_GetObjectItemCaseSensitive(p->root, "last");
    if (p->last_set && cJSON_IsString(last)) set_item(disk, "last", cJSON_CreateString(last->valuestring));
}

static int write_all(int fd, const char *s, size_t len)
{
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, s + off, len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        off += (size_t)w;
    }
    return 0;
}

int progress_save(Progress *p, StrBuf *err)
{
    if (p->stuck) {
        sb_puts(err, "progress: the progress file could not be read nor moved aside: not saved");
        return -1;
    }
    char *path = progress_path();
    if (!path) {
        sb_puts(err, "progress: neither XDG_STATE_HOME nor HOME is set");
        return -1;
    }
    char *real = real_path(path);
    int rc = -1, lock = -1;
    char *text = NULL;
    StrBuf tmp = {0}, lockname = {0};
    if (make_dirs(real) < 0) {
        sb_printf(err, "progress: cannot create the directory of %s: %s", real, strerror(errno));
        goto out;
    }
    /* one writer at a time: read what is there now, merge, write, rename */
    sb_printf(&lockname, "%s.lock", real);
    lock = open(lockname.s, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock < 0) {
        sb_printf(err, "progress: %s: %s", lockname.s, strerror(errno));
        goto out;
    }
    while (flock(lock, LOCK_EX) != 0 && errno == EINTR) {}
    StrBuf warn = {0};
    int missing, stuck;
    cJSON *disk = read_tree(real, &warn, &missing, &stuck);
    if (stuck) {
        sb_printf(err, "progress: %s", warn.s);
        sb_free(&warn);
        goto out;
    }
    sb_free(&warn);
    if (disk) {
        merge_into(disk, p);
        cJSON_Delete(p->root);
        p->root = disk;
    }
    text = cJSON_Print(p->root);
    sb_printf(&tmp, "%s.XXXXXX", real);
    int fd = mkostemp(tmp.s, O_CLOEXEC);
    if (fd < 0) {
        sb_printf(err, "progress: %s: %s", tmp.s, strerror(errno));
        goto out;
    }
    int ok = write_all(fd, text, strlen(text)) == 0 && write_all(fd, "\n", 1) == 0 && fsync(fd) == 0;
    if (close(fd) != 0) ok = 0;
    if (!ok || rename(tmp.s, real) != 0) {
        sb_printf(err, "progress: cannot write %s: %s", real, strerror(errno));
        unlink(tmp.s);
        goto out;
    }
    rc = 0;
out:
    if (lock >= 0) close(lock);   /* releases the lock */
    free(text);
    sb_free(&tmp);
    sb_free(&lockname);
    free(real);
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

static void touch(Progress *p, const char *id)
{
    if (!cJSON_GetObjectItemCaseSensitive(p->touched, id)) cJSON_AddTrueToObject(p->touched, id);
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
    touch(p, id);
    p->last_set = 1;
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
    touch(p, id);
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
