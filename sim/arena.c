/* Arena allocator: a linked list of chunks; each allocation bumps a pointer in
 * the newest chunk, big requests get a chunk of their own. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN 16

typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} Chunk;

struct Arena {
    Chunk *head;
    size_t total;
};

Arena *arena_new(void)
{
    Arena *a = xcalloc(1, sizeof *a);
    return a;
}

static Chunk *chunk_new(size_t cap)
{
    Chunk *c = xmalloc(sizeof(Chunk) + cap);
    c->next = NULL;
    c->used = 0;
    c->cap = cap;
    return c;
}

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (n == 0) n = ARENA_ALIGN;
    Chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        if (n > ARENA_CHUNK / 4) {
            /* A big block gets its own chunk, linked behind the current one so
             * the current chunk's free space is not wasted. */
            Chunk *big = chunk_new(n);
            big->used = n;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                a->head = big;
            }
            a->total += n;
            memset(big->data, 0, n);
            return big->data;
        }
        c = chunk_new(ARENA_CHUNK);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

size_t arena_used(const Arena *a) { return a->total; }

void arena_destroy(Arena *a)
{
    if (!a) return;
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}
