/* util.c — allocation, growable strings, whole-file reads and atomic file
 * replacement, plus the lia_diag functions declared in liaison.h. */
#include "util.h"

#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void out_of_memory(void)
{
    fputs("liaison: fatal: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    strbuf b;
    va_list ap;
    sb_init(&b);
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    b.s = xrealloc(b.s, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b.s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return b.s;
}

void sb_init(strbuf *b)
{
    b->s = NULL;
    b->len = b->cap = 0;
}

void sb_release(strbuf *b)
{
    free(b->s);
    sb_init(b);
}

void sb_clear(strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

static void sb_grow(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_reserve(strbuf *b, size_t n)
{
    sb_grow(b, n);
}

void sb_add(strbuf *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_adds(strbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

void sb_addc(strbuf *b, char c)
{
    sb_grow(b, 1);
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

void sb_addf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_addl(strbuf *b, long v)
{
    char digits[24];
    size_t n = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        digits[sizeof digits - 1 - n++] = '-';
    sb_add(b, digits + sizeof digits - n, n);
}

char *sb_detach(strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    sb_init(b);
    return s;
}

void lia_diag_init(lia_diag *d)
{
    memset(d, 0, sizeof *d);
}

void lia_diag_release(lia_diag *d)
{
    if (!d)
        return;
    free(d->warnings);
    lia_diag_init(d);
}

void lia_diag_append_warnings(lia_diag *to, const lia_diag *from)
{
    for (const char *w = from->warnings; w && *w;) {
        const char *nl = strchr(w, '\n');
        size_t n = nl ? (size_t)(nl - w) : strlen(w);
        lia_warn(to, "%.*s", (int)n, w);
        w += n + (nl ? 1 : 0);
    }
}

lia_status lia_fail(lia_diag *d, lia_status st, const char *fmt, ...)
{
    if (d) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->message, sizeof d->message, fmt, ap);
        va_end(ap);
    }
    return st;
}

void lia_warn(lia_diag *d, const char *fmt, ...)
{
    if (!d)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    /* Appends in place: a run with many warnings stays linear. */
    size_t need = d->warnings_len + (size_t)n + 2;
    if (need > d->warnings_cap || !d->warnings) {
        size_t cap = d->warnings_cap ? d->warnings_cap : 256;
        while (cap < need)
            cap *= 2;
        d->warnings = xrealloc(d->warnings, cap);
        d->warnings_cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(d->warnings + d->warnings_len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    /* One warning, one line: line breaks quoted from the input (a document
     * id, a file name) would split it. */
    for (char *p = d->warnings + d->warnings_len; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    d->warnings_len += (size_t)n;
    d->warnings[d->warnings_len++] = '\n';
    d->warnings[d->warnings_len] = '\0';
    d->n_warnings++;
}

typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    size_t mapped;                /* bytes mmap'd for a large arena's block, else 0 */
    _Alignas(max_align_t) char data[];
} arena_block;

struct lia_arena {
    arena_block *head;
    int large;                    /* blocks of LARGE_BLOCK, mmap'd on huge pages */
};

enum { SMALL_BLOCK = 16384, LARGE_BLOCK = 2 << 20 };

lia_arena *lia_arena_new(void)
{
    return xcalloc(1, sizeof(lia_arena));
}

lia_arena *lia_arena_new_large(void)
{
    lia_arena *a = lia_arena_new();
    a->large = 1;
    return a;
}

/* size bytes (a multiple of LARGE_BLOCK) at an address aligned to
 * LARGE_BLOCK, asked to be on huge pages; NULL when mmap fails.  The
 * memory is zero, and faulted in a huge page at a time. */
static void *map_huge(size_t size)
{
    size_t span = size + LARGE_BLOCK;
    char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    /* Trim to an aligned range: a huge page needs an aligned address. */
    uintptr_t at = ((uintptr_t)p + LARGE_BLOCK - 1) & ~(uintptr_t)(LARGE_BLOCK - 1);
    char *q = (char *)at;
    if (q > p)
        munmap(p, (size_t)(q - p));
    if (q + size < p + span)
        munmap(q + size, (size_t)(p + span - (q + size)));
#ifdef MADV_HUGEPAGE
    madvise(q, size, MADV_HUGEPAGE);   /* only a hint: without it, 4 KB pages */
#endif
    return q;
}

static size_t huge_size(size_t n)
{
    return (n + LARGE_BLOCK - 1) & ~(size_t)(LARGE_BLOCK - 1);
}

void *lia_huge_calloc(size_t n)
{
    void *p = map_huge(huge_size(n ? n : 1));
    if (!p)
        out_of_memory();
    return p;
}

void lia_huge_free(void *p, size_t n)
{
    if (p)
        munmap(p, huge_size(n ? n : 1));
}

/* A block with room for n bytes: a large arena's from map_huge (or
 * malloc when that fails), a small one's from malloc. */
static arena_block *block_new(const lia_arena *a, size_t n)
{
    arena_block *b = NULL;
    if (a->large) {
        size_t size = huge_size(sizeof *b + n);
        b = map_huge(size);
        if (b) {
            b->mapped = size;
            b->cap = size - sizeof *b;
            return b;
        }
    }
    size_t cap = n > SMALL_BLOCK ? n : SMALL_BLOCK;
    b = xmalloc(sizeof *b + cap);
    b->mapped = 0;
    b->cap = cap;
    return b;
}

static void block_free(arena_block *b)
{
    if (b->mapped)
        munmap(b, b->mapped);
    else
        free(b);
}

void lia_arena_free(lia_arena *a)
{
    if (!a)
        return;
    for (arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        block_free(b);
    }
    free(a);
}

void lia_arena_reset(lia_arena *a)
{
    arena_block *keep = a->head;
    if (!keep)
        return;
    for (arena_block *b = keep->next, *next; b; b = next) {
        next = b->next;
        block_free(b);
    }
    keep->next = NULL;
    keep->used = 0;
}

/* n bytes from the current block, a new one when it is full. */
static char *arena_take(lia_arena *a, size_t n, size_t align)
{
    arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at + n > b->cap) {
        b = block_new(a, n);
        b->next = a->head;
        a->head = b;
        at = 0;
    }
    b->used = at + n;
    return b->data + at;
}

void *lia_arena_alloc(lia_arena *a, size_t n)
{
    return arena_take(a, n, _Alignof(max_align_t));
}

void *lia_arena_calloc(lia_arena *a, size_t n)
{
    void *p = lia_arena_alloc(a, n);
    memset(p, 0, n);
    return p;
}

char *lia_arena_strndup(lia_arena *a, const char *s, size_t n)
{
    char *p = arena_take(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *lia_arena_strdup(lia_arena *a, const char *s)
{
    return lia_arena_strndup(a, s, strlen(s));
}

lia_status lia_read_file(const char *path, char **out, size_t *len, lia_diag *d)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return lia_fail(d, LIA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
    /* Straight into the buffer, sized once from the file's size when it
     * has one (a pipe or a growing file is still read to its end). */
    struct stat st;
    size_t room = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
                  ? (size_t)st.st_size + 1 : 65536;
    strbuf b;
    sb_init(&b);
    for (;;) {
        if (b.len + 1 >= b.cap)
            sb_reserve(&b, room);
        size_t n = fread(b.s + b.len, 1, b.cap - b.len - 1, fp);
        if (n == 0)
            break;
        b.len += n;
        room = 65536;
    }
    b.s[b.len] = '\0';
    int err = ferror(fp);
    fclose(fp);
    if (err) {
        sb_release(&b);
        return lia_fail(d, LIA_ERR_IO, "cannot read '%s': %s", path, strerror(errno));
    }
    *len = b.len;
    *out = sb_detach(&b);
    return LIA_OK;
}

char *lia_tmp_path_beside(const char *path)
{
    static atomic_uint counter;
    return xasprintf("%s.tmp.%ld.%u", path, (long)getpid(), atomic_fetch_add(&counter, 1));
}

lia_status lia_commit_tmp(const char *tmp, const char *path, lia_diag *d)
{
    if (rename(tmp, path) != 0) {
        lia_status st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
        unlink(tmp);
        return st;
    }
    return LIA_OK;
}

lia_status lia_outfile_open(lia_outfile *o, const char *path, lia_diag *d)
{
    o->path = xstrdup(path);
    o->tmp = lia_tmp_path_beside(path);
    o->fp = fopen(o->tmp, "wb");
    if (!o->fp) {
        lia_status st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
        free(o->path);
        free(o->tmp);
        o->path = o->tmp = NULL;
        return st;
    }
    return LIA_OK;
}

lia_status lia_outfile_commit(lia_outfile *o, lia_diag *d)
{
    int bad = ferror(o->fp);
    bad |= fclose(o->fp) != 0;
    o->fp = NULL;
    lia_status st;
    if (bad) {
        st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", o->path, strerror(errno));
        unlink(o->tmp);
    } else {
        st = lia_commit_tmp(o->tmp, o->path, d);
    }
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
    return st;
}

int lia_is_iso_date(const char *s)
{
    if (!s || strlen(s) != 10)
        return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (!isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

int lia_cmp_strp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int lia_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

unsigned long lia_hash(const char *key)
{
    unsigned long h = LIA_HASH_EMPTY;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 1099511628211UL;
    }
    return h;
}

unsigned long lia_hash_bytes(const char *s, size_t n)
{
    /* Multiply and fold per word; the final folds mix the high bits into
     * the low ones, which pick the map's slot. */
    const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
    uint64_t h = (uint64_t)n * k, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, sizeof w);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    /* The last bytes: one overlapping word when there are eight, so that
     * no read goes past s + n. */
    w = 0;
    if (n >= 8)
        memcpy(&w, s + n - 8, sizeof w);
    else
        for (; i < n; i++)
            w = w << 8 | (unsigned char)s[i];
    h = (h ^ w) * k;
    h ^= h >> 29;
    h *= k;
    h ^= h >> 32;
    return (unsigned long)h;
}

void lia_map_init(lia_map *m)
{
    memset(m, 0, sizeof *m);
}

void lia_map_init_in(lia_map *m, lia_arena *a)
{
    lia_map_init(m);
    m->arena = a;
}

void lia_map_release(lia_map *m)
{
    if (m->arena) {
        lia_map_init(m);
        return;
    }
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    lia_map_init(m);
}

/* The slot holding key, or the empty slot where it would go. */
static size_t map_slot(const lia_map *m, const char *key, unsigned long hash)
{
    size_t mask = m->cap - 1;
    size_t i = hash & mask;
    for (;;) {
        const lia_map_slot *s = &m->slots[i];
        if (!s->key || (s->hash == hash && strcmp(s->key, key) == 0))
            return i;
        i = (i + 1) & mask;
    }
}

void *lia_map_get_hashed(const lia_map *m, const char *key, unsigned long hash)
{
    if (!m->cap)
        return NULL;
    const lia_map_slot *s = &m->slots[map_slot(m, key, hash)];
    return s->key ? s->val : NULL;
}

void *lia_map_get(const lia_map *m, const char *key)
{
    return m->cap ? lia_map_get_hashed(m, key, lia_hash(key)) : NULL;
}

void lia_key_filter_build(lia_key_filter *f, const lia_map *m)
{
    size_t bits = 64;
    while (bits < 16 * m->n)              /* about one false hit in twenty */
        bits *= 2;
    f->bits = xcalloc(bits / 64, sizeof *f->bits);
    f->mask = bits - 1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            f->bits[(m->slots[i].hash & f->mask) >> 6] |= UINT64_C(1) << (m->slots[i].hash & 63);
}

void lia_key_filter_release(lia_key_filter *f)
{
    free(f->bits);
    f->bits = NULL;
    f->mask = 0;
}

void *lia_map_put(lia_map *m, const char *key, void *val)
{
    return lia_map_put_hashed(m, key, lia_hash(key), val);
}

void *lia_map_put_hashed(lia_map *m, const char *key, unsigned long hash, void *val)
{
    /* At most half full.  Small to start: a rule trie has a map per node,
     * most with one or two children. */
    if (2 * (m->n + 1) > m->cap) {
        lia_map old = *m;
        m->cap = old.cap ? 2 * old.cap : 8;
        m->slots = m->arena ? lia_arena_calloc(m->arena, m->cap * sizeof *m->slots)
                            : xcalloc(m->cap, sizeof *m->slots);
        for (size_t i = 0; i < old.cap; i++)
            if (old.slots[i].key)
                m->slots[map_slot(m, old.slots[i].key, old.slots[i].hash)] = old.slots[i];
        if (!m->arena)
            free(old.slots);
    }
    lia_map_slot *s = &m->slots[map_slot(m, key, hash)];
    if (s->key) {
        void *prev = s->val;
        s->val = val;
        return prev;
    }
    s->hash = hash;
    s->key = m->arena ? lia_arena_strdup(m->arena, key) : xstrdup(key);
    s->val = val;
    m->n++;
    return NULL;
}
