/* A bump allocator: many small allocations, one release.  The parser puts
 * every node, string and list of a Module in one arena; arena_destroy frees
 * them all at once.  Allocation never fails (xmalloc aborts on exhaustion). */
#ifndef MEMTUTOR_ARENA_H
#define MEMTUTOR_ARENA_H
#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
/* n zeroed bytes, aligned for any scalar type; valid until arena_destroy. */
void *arena_alloc(Arena *a, size_t n);
/* A NUL-terminated copy of s[0..n) (s may contain NULs). */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* Bytes handed out so far (for tests and statistics). */
size_t arena_used(const Arena *a);
void arena_destroy(Arena *a);

#endif
