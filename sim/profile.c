/* The per-version parameters of the object model and the choice of one
 * (profile.h).  The numbers were measured with each release's python3
 * (/root/.pyenv/versions/3.1X.Y/bin/python3) and read in its sources:
 * Include/cpython/unicodeobject.h (3.12 dropped wstr and wstr_length: 8 bytes
 * off an ASCII str, 16 off the others), Include/object.h (PEP 683), Python/gc.c
 * (3.13's threshold 2000; 3.12+ _Py_ScheduleGC), Objects/typeobject.c (the
 * managed dict: 3.12's plain instance is 48 bytes), Objects/listobject.c. */
#include "profile.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const Profile profiles[PY_PROFILES] = {
    [PY311] = {
        .v = PY311, .name = "3.11", .release = "3.11.7",
        .immortal = 0, .interned_immortal = 0, .gc_at_eval_breaker = 0,
        .list_extend_rounds = 0, .list_del_item_keeps = 0,
        .str_ascii_header = 48, .str_compact_header = 72, .latin1_utf8_cached = 0,
        .managed_weakref = 0, .function_size = 152, .class_size = 1688,
        .range_iter_size = 48, .gc_threshold0 = 700,
        .first_write_allocates = 1, .setrecursionlimit_extra = 2, .max_nested_blocks = 20, .slots_setattr_hint = 0,
    },
    [PY312] = {
        .v = PY312, .name = "3.12", .release = "3.12.1",
        .immortal = 1, .interned_immortal = 1, .gc_at_eval_breaker = 1,
        .list_extend_rounds = 0, .list_del_item_keeps = 0,
        .str_ascii_header = 40, .str_compact_header = 56, .latin1_utf8_cached = 1,
        .managed_weakref = 1, .function_size = 160, .class_size = 1704,
        .range_iter_size = 40, .gc_threshold0 = 700,
        .first_write_allocates = 0, .setrecursionlimit_extra = 1, .max_nested_blocks = 20, .slots_setattr_hint = 0,
    },
    [PY313] = {
        .v = PY313, .name = "3.13", .release = "3.13.0",
        .immortal = 1, .interned_immortal = 0, .gc_at_eval_breaker = 1,
        .list_extend_rounds = 1, .list_del_item_keeps = 1,
        .str_ascii_header = 40, .str_compact_header = 56, .latin1_utf8_cached = 1,
        .managed_weakref = 1, .function_size = 160, .class_size = 1712,
        .range_iter_size = 40, .gc_threshold0 = 2000,
        .first_write_allocates = 0, .setrecursionlimit_extra = 1, .max_nested_blocks = 21, .slots_setattr_hint = 1,
    },
};

const Profile *py_profile = &profiles[PY311];

const Profile *profile_get(PyVersion v)
{
    return v >= 0 && v < PY_PROFILES ? &profiles[v] : NULL;
}

const Profile *profile_find(const char *name)
{
    if (!name) return NULL;
    for (int i = 0; i < PY_PROFILES; i++)
        if (!strcmp(name, profiles[i].name)) return &profiles[i];
    return NULL;
}

void profile_set(const Profile *p)
{
    if (p) py_profile = p;
}

const char *profile_names(void)
{
    return "3.11, 3.12 or 3.13";
}

/* "3.12.1" or "3.12" (or "python3.12") → the profile of 3.12, else NULL */
static const Profile *from_version_text(const char *s)
{
    if (!s) return NULL;
    if (!strncmp(s, "python", 6)) s += 6;
    for (int i = 0; i < PY_PROFILES; i++) {
        size_t n = strlen(profiles[i].name);
        if (!strncmp(s, profiles[i].name, n) && (s[n] == '\0' || s[n] == '.' || s[n] == '\n'))
            return &profiles[i];
    }
    return NULL;
}

static int is_exec_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, X_OK) == 0;
}

/* the first line of a small file into buf; 0 when it cannot be read */
static int first_line(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    int ok = fgets(buf, (int)n, f) != NULL;
    fclose(f);
    if (ok) buf[strcspn(buf, "\r\n")] = '\0';
    return ok;
}

/* a venv's pyvenv.cfg next to bin/: its "version = 3.12.1" (or version_info) */
static const Profile *from_pyvenv(const char *bindir)
{
    char path[PATH_MAX + 32], line[256];
    snprintf(path, sizeof path, "%s/../pyvenv.cfg", bindir);
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    const Profile *p = NULL;
    while (!p && fgets(line, sizeof line, f)) {
        char *s = line;
        if (strncmp(s, "version", 7)) continue;
        s += 7;
        if (!strncmp(s, "_info", 5)) s += 5;
        while (*s == ' ' || *s == '\t') s++;
        if (*s++ != '=') continue;
        while (*s == ' ' || *s == '\t') s++;
        p = from_version_text(s);
    }
    fclose(f);
    return p;
}

/* the one lib/python3.X directory beside bin/ (a build installed under a
 * prefix whose binary is called just python3) */
static const Profile *from_libdir(const char *bindir)
{
    const Profile *found = NULL;
    int n = 0;
    for (int i = 0; i < PY_PROFILES; i++) {
        char path[PATH_MAX + 32];
        struct stat st;
        snprintf(path, sizeof path, "%s/../lib/python%s", bindir, profiles[i].name);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            found = &profiles[i];
            n++;
        }
    }
    return n == 1 ? found : NULL;
}

/* A pyenv shim (PYENV_ROOT/shims/python3): the version pyenv would pick,
 * as pyenv itself finds it: $PYENV_VERSION, else a .python-version in the
 * working directory or above, else PYENV_ROOT/version.  *system set when
 * that is "system" (the next python3 on PATH then). */
static const Profile *from_pyenv(const char *shimdir, int *system)
{
    char root[PATH_MAX], ver[256] = "";
    size_t n = strlen(shimdir);
    if (n < 6 || strcmp(shimdir + n - 6, "/shims") || n - 6 >= sizeof root) return NULL;
    memcpy(root, shimdir, n - 6);
    root[n - 6] = '\0';
    const char *env = getenv("PYENV_VERSION");
    if (env && *env) {
        snprintf(ver, sizeof ver, "%.*s", (int)strcspn(env, ":"), env);
    } else {
        char dir[PATH_MAX];
        if (getcwd(dir, sizeof dir)) {
            for (;;) {
                char path[PATH_MAX + 32];
                snprintf(path, sizeof path, "%s/.python-version", dir);
                if (first_line(path, ver, sizeof ver)) break;
                char *slash = strrchr(dir, '/');
                if (!slash || slash == dir) {
                    snprintf(path, sizeof path, "/.python-version");
                    first_line(path, ver, sizeof ver);
                    break;
                }
                *slash = '\0';
            }
        }
        if (!*ver) {
            char path[PATH_MAX + 32];
            snprintf(path, sizeof path, "%s/version", root);
            if (!first_line(path, ver, sizeof ver)) snprintf(ver, sizeof ver, "system");
        }
    }
    if (!strcmp(ver, "system")) {
        *system = 1;
        return NULL;
    }
    const Profile *p = from_version_text(ver);
    if (p) return p;
    /* a virtualenv's name: PYENV_ROOT/versions/NAME/bin */
    char bindir[PATH_MAX + 300];
    snprintf(bindir, sizeof bindir, "%s/versions/%s/bin", root, ver);
    return from_pyvenv(bindir);
}

const Profile *profile_detect(const char *path, const char **how)
{
    const char *note = "no python3 on PATH";
    if (!path) path = getenv("PATH");
    const Profile *found = NULL;
    const char *p = path ? path : "";
    while (!found) {
        size_t n = strcspn(p, ":");
        char dir[PATH_MAX];
        if (n == 0 || n >= sizeof dir - 16) goto next;
        memcpy(dir, p, n);
        dir[n] = '\0';
        char exe[PATH_MAX + 16];
        snprintf(exe, sizeof exe, "%s/python3", dir);
        if (!is_exec_file(exe)) goto next;
        int system = 0;
        found = from_pyenv(dir, &system);
        if (found) { note = "the pyenv version"; break; }
        if (system) goto next;
        if (n >= 6 && !strcmp(dir + n - 6, "/shims")) {
            note = "python3 on PATH is a shim of an unknown version";
            break;
        }
        char real[PATH_MAX];
        if (realpath(exe, real)) {
            const char *base = strrchr(real, '/');
            base = base ? base + 1 : real;
            found = from_version_text(base);
            if (found) { note = "the name of python3's real path"; break; }
            char *slash = strrchr(real, '/');
            if (slash) *slash = '\0';
            if ((found = from_pyvenv(dir))) { note = "pyvenv.cfg"; break; }
            if ((found = from_libdir(real))) { note = "the lib/python3.X beside it"; break; }
        }
        note = "python3 on PATH is not 3.11, 3.12 or 3.13";
        break;
    next:
        if (!p[n]) break;
        p += n + 1;
    }
    if (!found) found = &profiles[PY_PROFILES - 1];
    if (how) *how = note;
    return found;
}

int profile_select(const char *opt, char *err, size_t errlen)
{
    if (opt) {
        const Profile *p = profile_find(opt);
        if (!p) {
            snprintf(err, errlen, "--python: expected %s", profile_names());
            return -1;
        }
        profile_set(p);
        return 0;
    }
    const char *env = getenv("MEMTUTOR_PYTHON");
    if (env && *env) {
        const Profile *p = profile_find(env);
        if (!p) {
            snprintf(err, errlen, "MEMTUTOR_PYTHON: expected %s", profile_names());
            return -1;
        }
        profile_set(p);
        return 0;
    }
    profile_set(profile_detect(NULL, NULL));
    return 0;
}
