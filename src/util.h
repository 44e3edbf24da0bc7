/* util.h — small helpers shared by every stage: growable arrays and strings,
 * checked allocation, and atomic file replacement.  Nothing here knows about
 * Arabic or graphs. */
#ifndef LIA_UTIL_H
#define LIA_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison.h"

/* Allocation that aborts with a message on exhaustion: the tool cannot
 * recover from it and every caller would do the same. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable array of T: struct { T *v; size_t n, cap; }. */
#define VEC(T) struct { T *v; size_t n, cap; }
#define VEC_PUSH(vec, item) do { \
        if ((vec).n == (vec).cap) { \
            (vec).cap = (vec).cap ? 2 * (vec).cap : 8; \
            (vec).v = xrealloc((vec).v, (vec).cap * sizeof *(vec).v); \
        } \
        (vec).v[(vec).n++] = (item); \
    } while (0)
#define VEC_FREE(vec) do { free((vec).v); (vec).v = NULL; (vec).n = (vec).cap = 0; } while (0)

/* A growable NUL-terminated string. */
typedef struct {
    char *s;
    size_t len, cap;
} strbuf;

void sb_init(strbuf *b);
void sb_release(strbuf *b);
void sb_clear(strbuf *b);
void sb_add(strbuf *b, const char *s, size_t n);
void sb_adds(strbuf *b, const char *s);
void sb_addc(strbuf *b, char c);
void sb_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends v in decimal without printf, which is slow in this process
 * (libquadmath, linked through igraph, registers printf specifiers). */
void sb_addl(strbuf *b, long v);
/* Makes room for n more bytes without moving the buffer again. */
void sb_reserve(strbuf *b, size_t n);
/* Hands the buffer to the caller (free() it) and leaves b empty. */
char *sb_detach(strbuf *b);

/* An arena: memory handed out in pieces and released all at once, for
 * many small strings that live and die together (a document's tokens, a
 * facts store). */
typedef struct lia_arena lia_arena;
lia_arena *lia_arena_new(void);
/* An arena for megabytes that live as long as the process (the rules'
 * tries): its blocks are 2 MB, on huge pages where the kernel gives them,
 * one page fault each instead of 512 (a fault costs microseconds on a
 * virtual machine). */
lia_arena *lia_arena_new_large(void);
void lia_arena_free(lia_arena *a);            /* accepts NULL */
/* Releases everything handed out (all of it becomes invalid) but keeps
 * the newest block, for an arena refilled many times with a little. */
void lia_arena_reset(lia_arena *a);
/* n bytes, aligned for any object; lia_arena_calloc zeroes them. */
void *lia_arena_alloc(lia_arena *a, size_t n);
void *lia_arena_calloc(lia_arena *a, size_t n);
/* Copies s[0..n) plus a NUL. */
char *lia_arena_strndup(lia_arena *a, const char *s, size_t n);
char *lia_arena_strdup(lia_arena *a, const char *s);

/* n zeroed bytes for a table that lives long and fills over time (a
 * thread's word caches): on huge pages where the kernel gives them, so
 * that filling it costs a page fault per 2 MB rather than per 4 KB.
 * Release with lia_huge_free(p, n), n the same. */
void *lia_huge_calloc(size_t n);
void lia_huge_free(void *p, size_t n);             /* accepts NULL */

/* Reads a whole file into a malloc'd NUL-terminated buffer. */
lia_status lia_read_file(const char *path, char **out, size_t *len, lia_diag *d);

/* Atomic output: open a temporary file beside path, write, then commit
 * (rename into place; a failed write unlinks the temporary).  An interrupted run
 * never leaves a truncated file at path. */
typedef struct {
    char *path;
    char *tmp;
    FILE *fp;
} lia_outfile;
lia_status lia_outfile_open(lia_outfile *o, const char *path, lia_diag *d);
lia_status lia_outfile_commit(lia_outfile *o, lia_diag *d);
/* The name of a fresh temporary path beside path (malloc'd). */
char *lia_tmp_path_beside(const char *path);
lia_status lia_commit_tmp(const char *tmp, const char *path, lia_diag *d);

/* Appends from's warnings to to's, in order (a warning made on another
 * thread, or in another run, reported in its place). */
void lia_diag_append_warnings(lia_diag *to, const lia_diag *from);

/* Is s a valid date of the form YYYY-MM-DD? */
int lia_is_iso_date(const char *s);

/* strcmp for qsort over arrays of char *. */
int lia_cmp_strp(const void *a, const void *b);
/* Does s end with suffix? */
int lia_ends_with(const char *s, const char *suffix);



/* A string-keyed hash map to void *.  Keys are copied; values are not
 * owned.  Iteration (every slot with a key, in slot order) is unspecified:
 * sort before any output.  Each slot keeps its key's hash, so a probe
 * compares strings only when the hashes agree. */
typedef struct {
    unsigned long hash;
    char *key;                    /* NULL: an empty slot */
    void *val;
} lia_map_slot;

typedef struct {
    lia_map_slot *slots;
    size_t n, cap;
    lia_arena *arena;             /* NULL: slots and keys are malloc'd */
} lia_map;

void lia_map_init(lia_map *m);
/* A map whose slots and key copies are taken from a (which owns them):
 * for the many small maps of a structure freed all at once, where
 * lia_map_release has nothing to free. */
void lia_map_init_in(lia_map *m, lia_arena *a);
void lia_map_release(lia_map *m);
/* The hash lia_map uses for key (FNV-1a over its bytes). */
unsigned long lia_hash(const char *key);
#define LIA_HASH_EMPTY 1469598103934665603UL   /* lia_hash(""), the FNV-1a basis */
/* Another hash for a map's keys, of the n bytes of s read eight at a
 * time: for maps of long keys (the facts' relation ids, some sixty bytes)
 * asked far more often than filled.  Its values are not lia_hash's: a map
 * takes one of the two for all its keys, through the _hashed calls. */
unsigned long lia_hash_bytes(const char *s, size_t n);
void *lia_map_get(const lia_map *m, const char *key);
/* lia_map_get with hash = lia_hash(key) computed once by the caller (a
 * token's forms are hashed when it is made, then looked up many times). */
void *lia_map_get_hashed(const lia_map *m, const char *key, unsigned long hash);
/* Sets key to val; returns the previous value or NULL. */
void *lia_map_put(lia_map *m, const char *key, void *val);
/* lia_map_put with hash = lia_hash(key) known (a key just looked up). */
void *lia_map_put_hashed(lia_map *m, const char *key, unsigned long hash, void *val);

/* One bit per key hash of a map that no longer changes: a key whose bit
 * is clear is surely absent, and is answered without a probe (a map asked
 * once per token form misses nearly always).  The filter owns its bits;
 * a zeroed filter lets every key through. */
typedef struct {
    uint64_t *bits;
    unsigned long mask;           /* number of bits - 1 */
} lia_key_filter;

void lia_key_filter_build(lia_key_filter *f, const lia_map *m);
void lia_key_filter_release(lia_key_filter *f);   /* leaves it zeroed */
static inline int lia_key_filter_may_have(const lia_key_filter *f, unsigned long hash)
{
    return !f->bits || (f->bits[(hash & f->mask) >> 6] >> (hash & 63) & 1);
}

#endif
