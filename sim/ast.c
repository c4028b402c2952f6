/* The Module's own services: the symbol table (interned names), the arena
 * behind module_alloc, and module_free.  Nodes themselves come from parser.c. */
#include "ast.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parser.h"
#include "util.h"

/* Open-addressing table of symbol numbers, keyed by the name's bytes. */
typedef struct {
    uint32_t *slots; /* 0 = empty, else a Sym */
    uint32_t cap;    /* power of two */
    uint32_t capnames;
} SymTab;

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

Module *module_new(const char *filename, const char *src, size_t len)
{
    Module *m = xcalloc(1, sizeof *m);
    m->arena = arena_new();
    m->filename = arena_strndup(m->arena, filename ? filename : "<string>",
                                filename ? strlen(filename) : 8);
    m->source = arena_strndup(m->arena, src ? src : "", src ? len : 0);
    SymTab *t = xcalloc(1, sizeof *t);
    t->cap = 256;
    t->slots = xcalloc(t->cap, sizeof *t->slots);
    t->capnames = 64;
    m->symtab = t;
    m->symnames = xmalloc(t->capnames * sizeof *m->symnames);
    m->symnames[0] = arena_strndup(m->arena, "", 0);
    m->nsyms = 1;
    return m;
}

Sym module_intern(Module *m, const char *name, size_t len)
{
    SymTab *t = m->symtab;
    uint32_t h = hash_bytes(name, len);
    uint32_t mask = t->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t s = t->slots[i];
        if (s == 0) break;
        const char *nm = m->symnames[s];
        if (strlen(nm) == len && memcmp(nm, name, len) == 0) return s;
    }
    /* Not present: add it. */
    if (m->nsyms == t->capnames) {
        t->capnames *= 2;
        m->symnames = xrealloc(m->symnames, t->capnames * sizeof *m->symnames);
    }
    Sym s = m->nsyms++;
    m->symnames[s] = arena_strndup(m->arena, name, len);
    if ((uint64_t)m->nsyms * 2 > t->cap) {
        uint32_t ncap = t->cap * 2;
        uint32_t *ns = xcalloc(ncap, sizeof *ns);
        for (uint32_t k = 1; k < m->nsyms; k++) {
            const char *nm = m->symnames[k];
            uint32_t j = hash_bytes(nm, strlen(nm)) & (ncap - 1);
            while (ns[j]) j = (j + 1) & (ncap - 1);
            ns[j] = k;
        }
        free(t->slots);
        t->slots = ns;
        t->cap = ncap;
    } else {
        uint32_t i = h & mask;
        while (t->slots[i]) i = (i + 1) & mask;
        t->slots[i] = s;
    }
    return s;
}

const char *module_symname(const Module *m, Sym s)
{
    if (s >= m->nsyms) return "";
    return m->symnames[s];
}

void *module_alloc(Module *m, size_t n) { return arena_alloc(m->arena, n); }

void module_free(Module *m)
{
    if (!m) return;
    SymTab *t = m->symtab;
    if (t) {
        free(t->slots);
        free(t);
    }
    free(m->symnames);
    arena_destroy(m->arena);
    free(m);
}
