/* The lessons compiled into the binary (generated from the lessons folder by
 * tools/embed.sh), so memtutor runs from any directory. */
#ifndef MEMTUTOR_LESSONS_BUILTIN_H
#define MEMTUTOR_LESSONS_BUILTIN_H
#include <stddef.h>

struct builtin_lesson {
    const char *path;  /* e.g. "lessons/01-references.json" */
    const char *text;  /* NUL-terminated JSON */
    size_t len;
};

extern const struct builtin_lesson builtin_lessons[]; /* ends with {NULL,NULL,0} */
extern const size_t builtin_lesson_count;
#endif
