/* Lessons: load a lesson JSON file, validate it against the format described in
 * lessons/README.md (and lessons/lesson.schema.json), and hand back a Lesson.
 * Errors are one line, "FILE:LINE:COL: message" for JSON syntax and
 * "FILE: steps[3].line: message" (a JSON path) for everything else. */
#ifndef MEMTUTOR_LESSON_H
#define MEMTUTOR_LESSON_H
#include <stddef.h>

#include "util.h"

/* Files above this are refused before parsing ("lesson too large"). */
#define LESSON_MAX_BYTES ((size_t)1 << 20)
/* At most this many steps in one lesson. */
#define LESSON_MAX_STEPS 1000

/* One "name": integer pair of an expect map (refcount, size, live). */
typedef struct {
    char *name;
    long value;
} NameInt;

/* What a step expects the simulator to show once the step has run. Every
 * has_X / nX says whether the lesson gave that check; absent checks are 0/NULL. */
typedef struct LessonExpect {
    int has_output;
    char *output;       /* exactly what this step printed */
    NameInt *refcount;  /* sys.getrefcount(name) */
    int nrefcount;
    NameInt *size;      /* sys.getsizeof(name) */
    int nsize;
    NameInt *live;      /* live objects of a type, by type name */
    int nlive;
    int has_collected;
    long collected;     /* what this step's gc.collect() returned */
    int has_freed;
    long freed;         /* objects freed (deallocated) during this step */
    int has_arenas;
    long arenas;        /* pymalloc arenas held (mapped) after the step */
} LessonExpect;

/* The keys "expect" accepts. This one table drives the validator, the
 * "did you mean" suggestion and (by a unit test) is kept in step with
 * lessons/lesson.schema.json and lessons/README.md. */
typedef enum {
    LESSON_EXPECT_INT,       /* an integer >= min */
    LESSON_EXPECT_STRING,    /* a string */
    LESSON_EXPECT_NAME_INTS  /* an object {name: integer >= min} */
} LessonExpectKind;

typedef struct {
    const char *name;
    LessonExpectKind kind;
    long min;                 /* smallest integer accepted */
    const char *description;  /* one line, for documentation and help */
    size_t has_off, val_off;  /* offsetof into LessonExpect: has_X/nX, X */
} LessonExpectKey;

/* The table and its length (static storage; never freed). */
const LessonExpectKey *lesson_expect_keys(size_t *n);

/* A step runs the program until the statement on `line` has finished.
 * line_end == line unless the lesson gave a range to highlight. */
typedef struct LessonStep {
    int line, line_end;
    char *say;           /* narration; never NULL ("" for a script lesson) */
    char *notes;         /* instructor notes or NULL */
    int has_expect;
    LessonExpect expect;
    char *ask_question;  /* both NULL, or both set: */
    char *ask_answer;    /* a Python expression the simulator evaluates */
} LessonStep;

typedef struct Lesson {
    char *path;     /* as given to the loader */
    char *id;       /* [a-z0-9-]+ */
    char *title;
    char *summary;
    char *source;   /* Python source, ends with '\n' unless empty */
    int nlines;     /* lines in source */
    LessonStep *steps;
    int nsteps;
    int steps_cap;  /* private: allocated length of steps */
} Lesson;

/* Parse and validate a lesson from len bytes at text (need not be
 * NUL-terminated). path is only used in messages and copied into the result.
 * Returns a new Lesson (free with lesson_free), or NULL with one line (no
 * newline) appended to err, e.g. "lessons/x.json: steps[3].line: expected an
 * integer". Never aborts on bad input. */
Lesson *lesson_parse(const char *path, const char *text, size_t len, StrBuf *err);

/* Read path (at most LESSON_MAX_BYTES) and lesson_parse it. Besides the parse
 * errors: "FILE: no such file", "FILE: is a directory",
 * "FILE: lesson too large (N bytes, limit 1048576)". */
Lesson *lesson_load_file(const char *path, StrBuf *err);

/* A Python script as a lesson without narration: id and title from the file
 * name ("my_test.py" -> id "my-test", title "my_test.py"), summary "", the
 * source copied, no steps. The caller adds steps with lesson_add_step.
 * Never returns NULL. */
Lesson *lesson_from_script(const char *path, const char *source);

/* Append a step (say "", no notes, expect or question) to any lesson and
 * return it; the pointer is valid until the next lesson_add_step. */
LessonStep *lesson_add_step(Lesson *l, int line, int line_end);

/* Check that no two of the n lessons share an id. Returns 0, or -1 with
 * "FILE: id \"x\" is already used by OTHER" appended to err (FILE is the later
 * lesson). */
int lesson_check_unique_ids(Lesson *const *lessons, size_t n, StrBuf *err);

/* Release a lesson and everything it owns; NULL is fine. */
void lesson_free(Lesson *l);

#endif
