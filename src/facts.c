/* facts.c — the facts store between extraction and the graph: entities
 * unique by key, relations deduplicated per document, canonical sorting and
 * the JSON Lines form (writer and a small strict reader).  No I/O but the
 * FILE * the caller hands to the writer. */
#include "facts.h"

#include <errno.h>
#include <stdint.h>

/* ---- lifecycle ---------------------------------------------------------- */

lia_facts *lia_facts_new(void)
{
    lia_facts *f = xcalloc(1, sizeof *f);
    f->strings = lia_arena_new();
    /* The maps only grow and go with the facts: their slots and key copies
     * come from the arena too (no malloc and free for each key). */
    lia_map_init_in(&f->by_key, f->strings);
    lia_map_init_in(&f->rel_seen, f->strings);
    sb_init(&f->id);
    return f;
}

void lia_facts_free(lia_facts *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->entities.n; i++)
        free(f->entities.v[i]->aliases);
    VEC_FREE(f->entities);
    VEC_FREE(f->relations);
    lia_map_release(&f->by_key);
    lia_map_release(&f->rel_seen);
    lia_arena_free(f->strings);
    sb_release(&f->id);
    free(f);
}

/* ---- entities ----------------------------------------------------------- */

/* A copy of s (NULL: "") in the arena. */
static char *dup_or_empty(lia_arena *a, const char *s)
{
    return lia_arena_strdup(a, s ? s : "");
}

/* Replaces *field with a copy of s when *field is empty and s is not. */
static void fill(lia_arena *a, char **field, const char *s)
{
    if (s && *s && !**field)
        *field = lia_arena_strdup(a, s);
}

lia_entity *lia_facts_entity(lia_facts *f, const char *key, const char *type,
                             const char *name, const char *name_latin, const char *country)
{
    unsigned long hash = lia_hash_bytes(key, strlen(key));
    lia_entity *e = lia_map_get_hashed(&f->by_key, key, hash);
    if (e) {
        fill(e->strings, &e->type, type);
        fill(e->strings, &e->name, name);
        fill(e->strings, &e->name_latin, name_latin);
        fill(e->strings, &e->country, country);
        return e;
    }
    e = lia_arena_calloc(f->strings, sizeof *e);
    e->strings = f->strings;
    e->key = lia_arena_strdup(f->strings, key);
    e->type = dup_or_empty(f->strings, type);
    e->name = dup_or_empty(f->strings, name);
    e->name_latin = dup_or_empty(f->strings, name_latin);
    e->country = dup_or_empty(f->strings, country);
    e->role = dup_or_empty(f->strings, "");
    VEC_PUSH(f->entities, e);
    lia_map_put_hashed(&f->by_key, key, hash, e);
    return e;
}

lia_entity *lia_facts_find(const lia_facts *f, const char *key)
{
    return key ? lia_map_get_hashed(&f->by_key, key, lia_hash_bytes(key, strlen(key))) : NULL;
}

/* Aliases stay sorted (strcmp) and distinct; insertion by binary search. */
void lia_facts_add_alias(lia_entity *e, const char *alias)
{
    if (!alias || !*alias)
        return;
    size_t lo = 0, hi = e->n_aliases;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(e->aliases[mid], alias);
        if (c == 0)
            return;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    e->aliases = xrealloc(e->aliases, (e->n_aliases + 1) * sizeof *e->aliases);
    memmove(e->aliases + lo + 1, e->aliases + lo, (e->n_aliases - lo) * sizeof *e->aliases);
    e->aliases[lo] = lia_arena_strdup(e->strings, alias);
    e->n_aliases++;
}

void lia_facts_mention(lia_entity *e, const char *surface)
{
    lia_facts_add_alias(e, surface);
    e->mentions++;
}

void lia_facts_set_role(lia_entity *e, const char *role)
{
    fill(e->strings, &e->role, role);
}

int lia_facts_rekey_entity(lia_facts *f, const char *old_key, const char *new_key)
{
    lia_entity *e = lia_facts_find(f, old_key);
    if (!e || lia_facts_find(f, new_key))
        return 0;
    char *old = lia_arena_strdup(f->strings, old_key);    /* old_key may be e->key */
    e->key = lia_arena_strdup(f->strings, new_key);
    lia_map_put_hashed(&f->by_key, e->key, lia_hash_bytes(e->key, strlen(e->key)), e);
    for (size_t i = 0; i < f->relations.n; i++) {
        lia_relation *r = f->relations.v[i];
        if (!strcmp(r->a, old))
            r->a = e->key;
        if (!strcmp(r->b, old))
            r->b = e->key;
    }
    return 1;
}

/* ---- relations ---------------------------------------------------------- */

int lia_relation_is_symmetric(const char *relation)
{
    return strcmp(relation, "met") == 0;
}

/* The relation's id, in id (cleared first). */
static const char *relation_id(strbuf *id, const char *relation, const char *a, const char *b,
                               const char *source)
{
    /* \x1f cannot occur in keys or relation names, so the id is unambiguous.
     * Joined by hand: this runs for every relation found, and a printf
     * costs more than the rest of the look-up. */
    enum { N_PARTS = 4 };
    const char *parts[N_PARTS] = { relation, a, b, source };
    size_t len[N_PARTS], total = N_PARTS - 1;
    for (size_t i = 0; i < N_PARTS; i++)
        total += len[i] = strlen(parts[i]);
    sb_clear(id);
    sb_reserve(id, total);
    char *p = id->s;
    for (size_t i = 0; i < N_PARTS; i++) {
        if (i)
            *p++ = '\x1f';
        memcpy(p, parts[i], len[i]);
        p += len[i];
    }
    *p = '\0';
    id->len = total;
    return id->s;
}

lia_relation *lia_facts_add_relation(lia_facts *f, const char *relation, const char *a,
                                     const char *b, const char *date, const char *place,
                                     const char *source, const char *evidence,
                                     const char *rule)
{
    if (!relation || !a || !b || strcmp(a, b) == 0)
        return NULL;
    if (lia_relation_is_symmetric(relation) && strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    const char *id = relation_id(&f->id, relation, a, b, source ? source : "");
    unsigned long hash = lia_hash_bytes(id, f->id.len);
    lia_relation *r = lia_map_get_hashed(&f->rel_seen, id, hash);
    if (r) {
        fill(f->strings, &r->date, date);
        fill(f->strings, &r->place, place);
        return r;
    }
    r = lia_arena_calloc(f->strings, sizeof *r);
    r->relation = lia_arena_strdup(f->strings, relation);
    r->a = lia_arena_strdup(f->strings, a);
    r->b = lia_arena_strdup(f->strings, b);
    r->date = dup_or_empty(f->strings, date);
    r->place = dup_or_empty(f->strings, place);
    r->source = dup_or_empty(f->strings, source);
    r->evidence = dup_or_empty(f->strings, evidence);
    r->rule = dup_or_empty(f->strings, rule);
    VEC_PUSH(f->relations, r);
    lia_map_put_hashed(&f->rel_seen, id, hash, r);
    return r;
}

void lia_facts_date_relation(lia_facts *f, lia_relation *r, const char *date)
{
    if (!r->date[0])
        r->date = dup_or_empty(f->strings, date);
}

void lia_facts_redate_relation(lia_facts *f, lia_relation *r, const char *date)
{
    r->date = dup_or_empty(f->strings, date);
}

void lia_facts_replace_place(lia_facts *f, lia_relation *r, const char *place)
{
    r->place = dup_or_empty(f->strings, place);
}

lia_relation *lia_facts_find_relation(lia_facts *f, const char *relation, const char *a,
                                      const char *b, const char *source)
{
    if (lia_relation_is_symmetric(relation) && strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    const char *id = relation_id(&f->id, relation, a, b, source ? source : "");
    return lia_map_get_hashed(&f->rel_seen, id, lia_hash_bytes(id, f->id.len));
}

/* ---- merge and sort ----------------------------------------------------- */

/* Merging is commutative and associative, so that facts merged in any order
 * (documents extracted on several threads or machines, fact files read in
 * any order) give the same result: a field that two sides both set keeps
 * the greater value by strcmp, and "" loses to any value.  Inside one
 * document the first value wins instead (lia_facts_entity's fill). */
static void merge_field(lia_arena *a, char **field, const char *s)
{
    if (s && strcmp(s, *field) > 0)
        *field = lia_arena_strdup(a, s);
}

static void merge_entity_fields(lia_facts *dst, const char *key, const char *type,
                                const char *name, const char *name_latin, const char *country,
                                const char *role, char *const *aliases, size_t n_aliases,
                                long mentions)
{
    lia_entity *e = lia_facts_entity(dst, key, type, name, name_latin, country);
    merge_field(dst->strings, &e->type, type);
    merge_field(dst->strings, &e->name, name);
    merge_field(dst->strings, &e->name_latin, name_latin);
    merge_field(dst->strings, &e->country, country);
    merge_field(dst->strings, &e->role, role);
    for (size_t i = 0; i < n_aliases; i++)
        lia_facts_add_alias(e, aliases[i]);
    e->mentions += mentions;
}

static void merge_relation_fields(lia_facts *dst, const char *relation, const char *a,
                                  const char *b, const char *date, const char *place,
                                  const char *source, const char *evidence, const char *rule)
{
    lia_relation *r = lia_facts_add_relation(dst, relation, a, b, date, place, source,
                                             evidence, rule);
    if (!r)
        return;
    merge_field(dst->strings, &r->date, date);
    merge_field(dst->strings, &r->place, place);
    merge_field(dst->strings, &r->evidence, evidence);
    merge_field(dst->strings, &r->rule, rule);
}

void lia_facts_merge(lia_facts *dst, const lia_facts *src)
{
    for (size_t i = 0; i < src->entities.n; i++) {
        const lia_entity *e = src->entities.v[i];
        merge_entity_fields(dst, e->key, e->type, e->name, e->name_latin, e->country, e->role,
                            e->aliases, e->n_aliases, e->mentions);
    }
    for (size_t i = 0; i < src->relations.n; i++) {
        const lia_relation *r = src->relations.v[i];
        merge_relation_fields(dst, r->relation, r->a, r->b, r->date, r->place, r->source,
                              r->evidence, r->rule);
    }
}

static int cmp_entity(const void *x, const void *y)
{
    const lia_entity *a = *(lia_entity *const *)x, *b = *(lia_entity *const *)y;
    return strcmp(a->key, b->key);
}

static int cmp_relation(const void *x, const void *y)
{
    const lia_relation *a = *(lia_relation *const *)x, *b = *(lia_relation *const *)y;
    int c = strcmp(a->source, b->source);
    if (!c)
        c = strcmp(a->relation, b->relation);
    if (!c)
        c = strcmp(a->a, b->a);
    if (!c)
        c = strcmp(a->b, b->b);
    return c;
}

void lia_facts_sort(lia_facts *f)
{
    if (f->entities.n > 1)
        qsort(f->entities.v, f->entities.n, sizeof *f->entities.v, cmp_entity);
    if (f->relations.n > 1)
        qsort(f->relations.v, f->relations.n, sizeof *f->relations.v, cmp_relation);
}

/* ---- JSON Lines writer -------------------------------------------------- */

static void field(strbuf *b, const char *name, const char *value)
{
    /* ,"name": in one piece: written for every field of every fact. */
    size_t n = strlen(name);
    sb_reserve(b, n + 4);
    char *p = b->s + b->len;
    p[0] = ',';
    p[1] = '"';
    memcpy(p + 2, name, n);
    p[n + 2] = '"';
    p[n + 3] = ':';
    b->len += n + 4;
    b->s[b->len] = '\0';
    lia_json_escape(b, value ? value : "");
}

void lia_facts_render_jsonl(const lia_facts *f, strbuf *b)
{
    for (size_t i = 0; i < f->entities.n; i++) {
        const lia_entity *e = f->entities.v[i];
        sb_adds(b, "{\"kind\":\"entity\"");
        field(b, "key", e->key);
        field(b, "type", e->type);
        field(b, "name", e->name);
        field(b, "name_latin", e->name_latin);
        field(b, "country", e->country);
        field(b, "role", e->role);
        sb_adds(b, ",\"aliases\":[");
        for (size_t j = 0; j < e->n_aliases; j++) {
            if (j)
                sb_addc(b, ',');
            lia_json_escape(b, e->aliases[j]);
        }
        sb_adds(b, "],\"mentions\":");
        sb_addl(b, e->mentions);
        sb_adds(b, "}\n");
    }
    for (size_t i = 0; i < f->relations.n; i++) {
        const lia_relation *r = f->relations.v[i];
        sb_adds(b, "{\"kind\":\"relation\"");
        field(b, "relation", r->relation);
        field(b, "a", r->a);
        field(b, "b", r->b);
        field(b, "date", r->date);
        field(b, "place", r->place);
        field(b, "source", r->source);
        field(b, "evidence", r->evidence);
        field(b, "rule", r->rule);
        sb_adds(b, "}\n");
    }
}

void lia_facts_write_jsonl(const lia_facts *f, FILE *out)
{
    strbuf b;
    sb_init(&b);
    lia_facts_render_jsonl(f, &b);
    if (b.len)
        fwrite(b.s, 1, b.len, out);
    sb_release(&b);
}

/* ---- JSON Lines reader -------------------------------------------------- */

/* A parsed line: string members, one string array and one number.  Members
 * the format does not know are parsed and ignored. */
enum { F_KIND, F_KEY, F_TYPE, F_NAME, F_LATIN, F_COUNTRY, F_ROLE, F_RELATION, F_A, F_B,
       F_DATE, F_PLACE, F_SOURCE, F_EVIDENCE, F_RULE, F_COUNT };
static const char *const field_names[F_COUNT] = {
    "kind", "key", "type", "name", "name_latin", "country", "role", "relation", "a", "b",
    "date", "place", "source", "evidence", "rule",
};

typedef struct {
    const char *p, *end;
    const char *err;         /* static message of the first error */
    char *str[F_COUNT];
    VEC(char *) aliases;
    long mentions;
} jline;

static void jl_release(jline *j)
{
    for (int i = 0; i < F_COUNT; i++)
        free(j->str[i]);
    for (size_t i = 0; i < j->aliases.n; i++)
        free(j->aliases.v[i]);
    VEC_FREE(j->aliases);
}

static void skip_ws(jline *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
        j->p++;
}

static int fail(jline *j, const char *msg)
{
    if (!j->err)
        j->err = msg;
    return 0;
}

/* The string at j->p (strict JSON: lone surrogates and \u0000 refused). */
static int parse_string(jline *j, char **out)
{
    if (j->p >= j->end || *j->p != '"')
        return fail(j, "expected a string");
    lia_json lx = { j->p, j->end, NULL };
    char *s = lia_json_string(&lx, 1, NULL);
    if (!s)
        return fail(j, lx.err);
    j->p = lx.p;
    if (out)
        *out = s;
    else
        free(s);
    return 1;
}


static int parse_number(jline *j, double *out)
{
    const char *s = j->p;
    if (j->p < j->end && *j->p == '-')
        j->p++;
    while (j->p < j->end && ((*j->p >= '0' && *j->p <= '9') || *j->p == '.' || *j->p == 'e' ||
                             *j->p == 'E' || *j->p == '+' || *j->p == '-'))
        j->p++;
    if (j->p == s)
        return fail(j, "expected a value");
    char buf[64];
    size_t n = (size_t)(j->p - s);
    if (n >= sizeof buf)
        return fail(j, "number too long");
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *endp;
    errno = 0;
    double v = strtod(buf, &endp);
    if (*endp || errno)
        return fail(j, "bad number");
    if (out)
        *out = v;
    return 1;
}

static int parse_literal(jline *j, const char *lit)
{
    size_t n = strlen(lit);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0)
        return fail(j, "expected a value");
    j->p += n;
    return 1;
}

/* Parses and discards any JSON value (nesting limited to 64). */
/* Any value we do not use, skipped with the shared lexer. */
static int parse_value(jline *j, int depth)
{
    lia_json lx = { j->p, j->end, NULL };
    if (!lia_json_skip(&lx, depth))
        return fail(j, lx.err ? lx.err : "malformed value");
    j->p = lx.p;
    return 1;
}

/* A member we know: a string (or null), the aliases array, or mentions. */
static int parse_member(jline *j, const char *name)
{
    skip_ws(j);
    for (int i = 0; i < F_COUNT; i++) {
        if (strcmp(name, field_names[i]) != 0)
            continue;
        if (j->p < j->end && *j->p == 'n')
            return parse_literal(j, "null");
        free(j->str[i]);
        j->str[i] = NULL;
        return parse_string(j, &j->str[i]);
    }
    if (strcmp(name, "aliases") == 0) {
        if (j->p >= j->end || *j->p != '[')
            return fail(j, "\"aliases\" must be an array of strings");
        j->p++;
        skip_ws(j);
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return 1;
        }
        while (1) {
            skip_ws(j);
            char *s;
            if (!parse_string(j, &s))
                return 0;
            VEC_PUSH(j->aliases, s);
            skip_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                continue;
            }
            if (j->p < j->end && *j->p == ']') {
                j->p++;
                return 1;
            }
            return fail(j, "expected ',' or ']'");
        }
    }
    if (strcmp(name, "mentions") == 0) {
        double v;
        if (!parse_number(j, &v))
            return 0;
        if (v < 0 || v > 1e15 || v != (double)(long)v)
            return fail(j, "\"mentions\" must be a non-negative integer");
        j->mentions = (long)v;
        return 1;
    }
    return parse_value(j, 1);
}

static int parse_object(jline *j)
{
    skip_ws(j);
    if (j->p >= j->end || *j->p != '{')
        return fail(j, "expected a JSON object");
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
    } else {
        while (1) {
            skip_ws(j);
            char *name;
            if (!parse_string(j, &name))
                return 0;
            skip_ws(j);
            if (j->p >= j->end || *j->p != ':') {
                free(name);
                return fail(j, "expected ':'");
            }
            j->p++;
            int ok = parse_member(j, name);
            free(name);
            if (!ok)
                return 0;
            skip_ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                continue;
            }
            if (j->p < j->end && *j->p == '}') {
                j->p++;
                break;
            }
            return fail(j, "expected ',' or '}'");
        }
    }
    skip_ws(j);
    if (j->p != j->end)
        return fail(j, "trailing characters after the object");
    return 1;
}

static int is_blank(const char *s, const char *end)
{
    for (; s < end; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r')
            return 0;
    return 1;
}

/* Applies a parsed line to f; returns a static error message or NULL. */
static const char *apply_line(lia_facts *f, jline *j)
{
    const char *kind = j->str[F_KIND];
    if (!kind)
        return "missing \"kind\"";
    if (strcmp(kind, "entity") == 0) {
        if (!j->str[F_KEY] || !*j->str[F_KEY])
            return "entity without \"key\"";
        if (!j->str[F_TYPE] || !*j->str[F_TYPE])
            return "entity without \"type\"";
        merge_entity_fields(f, j->str[F_KEY], j->str[F_TYPE], j->str[F_NAME], j->str[F_LATIN],
                            j->str[F_COUNTRY], j->str[F_ROLE], j->aliases.v, j->aliases.n,
                            j->mentions);
        return NULL;
    }
    if (strcmp(kind, "relation") == 0) {
        if (!j->str[F_RELATION] || !*j->str[F_RELATION] || !j->str[F_A] || !*j->str[F_A] ||
            !j->str[F_B] || !*j->str[F_B])
            return "relation without \"relation\", \"a\" or \"b\"";
        merge_relation_fields(f, j->str[F_RELATION], j->str[F_A], j->str[F_B], j->str[F_DATE],
                              j->str[F_PLACE], j->str[F_SOURCE], j->str[F_EVIDENCE],
                              j->str[F_RULE]);
        return NULL;
    }
    return "unknown \"kind\"";
}

lia_status lia_facts_read_jsonl(lia_facts *f, const char *text, size_t len, const char *name,
                                lia_diag *d)
{
    const char *p = text, *end = text + len;
    long lineno = 0;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        lineno++;
        if (!is_blank(p, eol)) {
            if (memchr(p, '\0', (size_t)(eol - p)))
                return lia_fail(d, LIA_ERR_INPUT, "%s:%ld: NUL byte in line", name, lineno);
            jline j;
            memset(&j, 0, sizeof j);
            j.p = p;
            j.end = eol;
            const char *err = NULL;
            if (!parse_object(&j))
                err = j.err;
            else
                err = apply_line(f, &j);
            long col = (long)(j.p - p) + 1;
            jl_release(&j);
            if (err)
                return lia_fail(d, LIA_ERR_INPUT, "%s:%ld:%ld: %s", name, lineno, col, err);
        }
        p = nl ? nl + 1 : end;
    }
    return LIA_OK;
}
