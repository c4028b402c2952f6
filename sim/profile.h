/* The CPython version whose numbers memtutor models: one object model with
 * per-version parameters and a few behaviour flags (issue 16).  Each profile
 * was checked against that release's interpreter (Profile.release) and its
 * sources.  The profile in use is a process-wide setting, chosen once before
 * anything runs (profile_select), read by the shared object model (object.c,
 * heap.c, gc.c, builtins.c), so every interpreter loop gets the same numbers. */
#ifndef MEMTUTOR_PROFILE_H
#define MEMTUTOR_PROFILE_H
#include <stddef.h>
#include <stdint.h>

typedef enum { PY311, PY312, PY313, PY_PROFILES } PyVersion;

/* PEP 683's _Py_IMMORTAL_REFCNT on 64-bit builds, what sys.getrefcount
 * reports for an immortal object in 3.12 and 3.13 */
#define PY_IMMORTAL_REFCNT 4294967295LL

typedef struct Profile {
    PyVersion v;
    const char *name;        /* "3.12": what --python takes */
    const char *release;     /* the interpreter it was checked against */
    /* PEP 683 (3.12+): None, True, False, small ints, the empty and the
     * latin-1 one-character strs, the empty tuple and the built-in types
     * report PY_IMMORTAL_REFCNT */
    uint8_t immortal;
    /* 3.12: every interned str is immortal too (names, identifier-like
     * constants); 3.13 interns them mortal */
    uint8_t interned_immortal;
    /* the automatic collection runs at the next eval breaker check (3.12+:
     * _Py_ScheduleGC), not inside the allocation that crossed the threshold */
    uint8_t gc_at_eval_breaker;
    /* 3.13: a list made from a dict, a dict view or a set (list(d),
     * sorted(s)) gets list_resize's over-allocated capacity, as appending
     * them all at once would (3 items: 8 slots, 120 bytes), not the exact one */
    uint8_t list_extend_rounds;
    /* 3.13: del lst[i] moves the items down and keeps the allocation
     * (list_ass_item); 3.11 and 3.12 go through list_resize and shrink */
    uint8_t list_del_item_keeps;
    int32_t str_ascii_header;   /* sizeof(PyASCIIObject) */
    int32_t str_compact_header; /* sizeof(PyCompactUnicodeObject) */
    /* the latin-1 one-character strs are static with their UTF-8 form
     * already made (3.12+): getsizeof counts it (2 bytes and the NUL) */
    uint8_t latin1_utf8_cached;
    /* 3.12+: a class's __weakref__ lives in the two pre-header words the
     * managed __dict__ uses (Py_TPFLAGS_MANAGED_WEAKREF), not in
     * tp_basicsize: a plain instance is 48 bytes, not 56 */
    uint8_t managed_weakref;
    int32_t function_size;
    int32_t class_size;         /* sys.getsizeof of a class */
    int32_t range_iter_size;
    int32_t gc_threshold0;      /* gc.get_threshold()[0] */
    /* 3.11: the first write to stdout leaves one GC object behind (counted
     * in gc.get_count() from then on); not from 3.12 */
    uint8_t first_write_allocates;
    /* sys.setrecursionlimit's depth: the Python frames, plus the call itself
     * in 3.11 (3.12+ counts Python frames only: py_recursion_remaining) */
    int8_t setrecursionlimit_extra;
    /* the most nested loops in one code object (CO_MAXBLOCKS); 3.13: 21 */
    int8_t max_nested_blocks;
    /* 3.13: setting an attribute a __slots__ class lacks adds "and no
     * __dict__ for setting new attributes" to the AttributeError */
    uint8_t slots_setattr_hint;
} Profile;

/* The profile in use (3.11 until profile_select or profile_set). */
extern const Profile *py_profile;

const Profile *profile_get(PyVersion v);
/* "3.11", "3.12", "3.13" → the profile; NULL for anything else. */
const Profile *profile_find(const char *name);
void profile_set(const Profile *p);
/* The names accepted, for messages: "3.11, 3.12 or 3.13". */
const char *profile_names(void);

/* The default: the version of the python3 that PATH (path) finds, when it is
 * one of the profiles, found without running it (the realpath's name,
 * python3.X; a venv's pyvenv.cfg; a pyenv shim's selected version; the
 * lib/python3.X next to it); otherwise the newest profile.  path NULL: $PATH.
 * *how (may be NULL) gets a short note of how it was found. */
const Profile *profile_detect(const char *path, const char **how);

/* Choose the profile once, before anything runs: the value of --python if
 * given (opt, NULL otherwise), else $MEMTUTOR_PYTHON, else profile_detect.
 * Returns 0, or -1 with a one-line message (no "memtutor: " prefix, no
 * newline) in err (at least 160 bytes) for a value that is not a profile. */
int profile_select(const char *opt, char *err, size_t errlen);

#endif
