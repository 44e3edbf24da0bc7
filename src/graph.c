/* graph.c — facts into the igraph knowledge graph (vertices = entities in
 * key order, edges = relations in facts order, attributes per the graph
 * contract), the actor network derived from it, reading a GraphML back,
 * and liaison's igraph error and warning handlers.  Never prints: igraph
 * messages become lia_diag. */
#include "graph.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <strings.h>

#include "analyse.h"

/* ---- igraph handlers ---------------------------------------------------- */

static _Thread_local char last_error[512];
static _Thread_local strbuf pending_warnings;

/* Records the reason instead of aborting; igraph requires the handler to
 * free what the failing function registered with IGRAPH_FINALLY. */
static void on_igraph_error(const char *reason, const char *file, int line,
                            igraph_error_t err)
{
    (void)file;
    (void)line;
    snprintf(last_error, sizeof last_error, "%s (%s)", reason ? reason : "unknown error",
             igraph_strerror(err));
    IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    sb_adds(&pending_warnings, "igraph: ");
    sb_adds(&pending_warnings, reason ? reason : "warning");
    sb_addc(&pending_warnings, '\n');
}

void lia_igraph_setup(void)
{
    static _Thread_local int done;
    if (done)
        return;
    done = 1;
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(on_igraph_warning);
    igraph_set_attribute_table(&igraph_cattribute_table);
}

lia_status lia_igraph_fail(igraph_error_t err, lia_diag *d, const char *what)
{
    lia_status st = err == IGRAPH_ENOMEM ? LIA_ERR_NOMEM : LIA_ERR_GRAPH;
    const char *why = last_error[0] ? last_error : igraph_strerror(err);
    lia_fail(d, st, "%s: %s", what, why);
    last_error[0] = '\0';
    return st;
}

void lia_igraph_take_warnings(lia_diag *d)
{
    if (!pending_warnings.len)
        return;
    char *p = pending_warnings.s;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (*p)
            lia_warn(d, "%s", p);
        if (!nl)
            break;
        p = nl + 1;
    }
    sb_clear(&pending_warnings);
}

/* ---- small helpers ------------------------------------------------------ */

int lia_is_actor_type(const char *type)
{
    return type && (strcmp(type, LIA_PERSON) == 0 || strcmp(type, LIA_AGENCY) == 0 ||
                    strcmp(type, LIA_COUNTRY) == 0 || strcmp(type, LIA_ORGANIZATION) == 0);
}

const char *lia_type_label(const char *type)
{
    static const char *const map[][2] = {
        {LIA_PERSON, ":Person"}, {LIA_AGENCY, ":Agency"}, {LIA_COUNTRY, ":Country"},
        {LIA_CITY, ":City"}, {LIA_ORGANIZATION, ":Organization"}, {LIA_EVENT, ":Event"},
    };
    for (size_t i = 0; type && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(type, map[i][0]) == 0)
            return map[i][1];
    return ":Entity";
}

static int has_string_attr(const igraph_t *g, igraph_attribute_elemtype_t kind, const char *attr)
{
    igraph_attribute_type_t t;
    if (!igraph_cattribute_has_attr(g, kind, attr))
        return 0;
    if (igraph_cattribute_table.gettype(g, &t, kind, attr) != IGRAPH_SUCCESS)
        return 0;
    return t == IGRAPH_ATTRIBUTE_STRING;
}

const char *lia_vstr(const igraph_t *g, const char *attr, igraph_integer_t v)
{
    if (!has_string_attr(g, IGRAPH_ATTRIBUTE_VERTEX, attr))
        return "";
    const char *s = igraph_cattribute_VAS(g, attr, v);
    return s ? s : "";
}

const char *lia_estr(const igraph_t *g, const char *attr, igraph_integer_t e)
{
    if (!has_string_attr(g, IGRAPH_ATTRIBUTE_EDGE, attr))
        return "";
    const char *s = igraph_cattribute_EAS(g, attr, e);
    return s ? s : "";
}

/* XML 1.0 cannot carry most control characters and normalises CR: the
 * graph keeps TAB and LF and turns other C0 controls into spaces so the
 * GraphML round-trips. */
static int xml_unsafe_byte(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
}

/* ---- building ----------------------------------------------------------- */

static int cmp_entity_key(const void *x, const void *y)
{
    const lia_entity *a = *(lia_entity *const *)x, *b = *(lia_entity *const *)y;
    return strcmp(a->key, b->key);
}

enum { VA_KEY, VA_TYPE, VA_NAME, VA_LATIN, VA_ALIASES, VA_COUNTRY, VA_ROLE, VA_LABEL,
       VA_LABELS, VA_COUNT };
static const char *const vattr_names[VA_COUNT] = {
    "key", "type", "name", "name_latin", "aliases", "country", "role", "label", "labels",
};
enum { EA_RELATION, EA_LABEL, EA_DATE, EA_PLACE, EA_SOURCE, EA_EVIDENCE, EA_RULE, EA_COUNT };
static const char *const eattr_names[EA_COUNT] = {
    "relation", "label", "date", "place", "source", "evidence", "rule",
};

/* Element i of sv (fresh from igraph_strvector_init, so empty) becomes s,
 * made XML-safe; strings that are already safe, nearly all, are set as
 * they are without a copy of our own. */
static igraph_error_t set_strs(igraph_strvector_t *sv, igraph_integer_t i, const char *s)
{
    if (!s || !*s)
        return IGRAPH_SUCCESS;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && !xml_unsafe_byte(*p))
        p++;
    if (!*p)
        return igraph_strvector_set(sv, i, s);
    char *c = xstrdup(s);
    for (unsigned char *q = (unsigned char *)c; *q; q++)
        if (xml_unsafe_byte(*q))
            *q = ' ';
    igraph_error_t e = igraph_strvector_set(sv, i, c);
    free(c);
    return e;
}

/* A marker for an alias that two entities share (any non-NULL pointer that
 * is no entity). */
static const char shared_alias_mark;

/* The key under which form names en: entities of different types or
 * countries may share a form ("وزارة الدفاع" of Egypt and of Algeria, told
 * apart by their country). */
static void alias_key(strbuf *b, const lia_entity *en, const char *form)
{
    sb_clear(b);
    sb_adds(b, en->type);
    sb_addc(b, '\t');
    sb_adds(b, en->country ? en->country : "");
    sb_addc(b, '\t');
    sb_adds(b, form);
}

/* Notes under form's key the entity that goes by form, or the shared mark
 * when another entity of that type and country went by it already. */
static void note_alias(lia_map *owners, strbuf *b, const lia_entity *en, const char *form)
{
    alias_key(b, en, form);
    const void *prev = lia_map_get(owners, b->s);
    if (!prev)
        lia_map_put(owners, b->s, (void *)en);
    else if (prev != en)
        lia_map_put(owners, b->s, (void *)&shared_alias_mark);
}

/* Fills owners with the names and aliases of ents, the shared ones marked:
 * a bare surname that two persons of one country go by ("شريف" for Nawaz
 * and Shehbaz Sharif) identifies neither, so neither vertex lists it. */
static void find_shared_aliases(lia_entity **ents, size_t n, lia_map *owners)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < n; i++) {
        note_alias(owners, &b, ents[i], ents[i]->name);
        for (size_t k = 0; k < ents[i]->n_aliases; k++)
            note_alias(owners, &b, ents[i], ents[i]->aliases[k]);
    }
    sb_release(&b);
}

static int alias_shared(const lia_map *owners, strbuf *key, const lia_entity *en,
                        const char *alias)
{
    alias_key(key, en, alias);
    return lia_map_get(owners, key->s) == &shared_alias_mark;
}

/* en's aliases joined by " | ", without those another entity shares. */
static void identifying_aliases(strbuf *out, const lia_map *owners, const lia_entity *en)
{
    strbuf key;
    sb_init(&key);
    sb_clear(out);
    for (size_t k = 0; k < en->n_aliases; k++) {
        if (alias_shared(owners, &key, en, en->aliases[k]))
            continue;
        if (out->len)
            sb_adds(out, " | ");
        sb_adds(out, en->aliases[k]);
    }
    sb_release(&key);
}

/* Fills vertex attributes of g from ents (n of them, in vertex order). */
static igraph_error_t set_vertex_attrs(igraph_t *g, lia_entity **ents, size_t n)
{
    lia_map owners;
    lia_map_init(&owners);
    find_shared_aliases(ents, n, &owners);
    igraph_strvector_t sv;
    igraph_vector_t num;
    igraph_error_t e = IGRAPH_SUCCESS;
    strbuf b;
    sb_init(&b);
    for (int a = 0; a < VA_COUNT && !e; a++) {
        if ((e = igraph_strvector_init(&sv, (igraph_integer_t)n)))
            break;
        for (size_t i = 0; i < n && !e; i++) {
            const lia_entity *en = ents[i];
            const char *s = "";
            switch (a) {
            case VA_KEY: s = en->key; break;
            case VA_TYPE: s = en->type; break;
            case VA_NAME: case VA_LABEL: s = en->name; break;
            case VA_LATIN: s = en->name_latin; break;
            case VA_COUNTRY: s = en->country; break;
            case VA_ROLE: s = en->role; break;
            case VA_LABELS: s = lia_type_label(en->type); break;
            case VA_ALIASES:
                identifying_aliases(&b, &owners, en);
                s = b.len ? b.s : "";
                break;
            }
            e = set_strs(&sv, (igraph_integer_t)i, s);
        }
        if (!e)
            e = igraph_cattribute_VAS_setv(g, vattr_names[a], &sv);
        igraph_strvector_destroy(&sv);
    }
    sb_release(&b);
    lia_map_release(&owners);
    if (e)
        return e;
    if ((e = igraph_vector_init(&num, (igraph_integer_t)n)))
        return e;
    for (size_t i = 0; i < n; i++)
        VECTOR(num)[i] = (igraph_real_t)ents[i]->mentions;
    e = igraph_cattribute_VAN_setv(g, "mentions", &num);
    igraph_vector_destroy(&num);
    return e;
}

static igraph_error_t set_edge_attrs(igraph_t *g, lia_relation **rels, size_t m)
{
    igraph_strvector_t sv;
    igraph_vector_t num;
    igraph_error_t e = IGRAPH_SUCCESS;
    for (int a = 0; a < EA_COUNT && !e; a++) {
        if ((e = igraph_strvector_init(&sv, (igraph_integer_t)m)))
            break;
        for (size_t i = 0; i < m && !e; i++) {
            const lia_relation *r = rels[i];
            const char *s = "";
            switch (a) {
            case EA_RELATION: case EA_LABEL: s = r->relation; break;
            case EA_DATE: s = r->date; break;
            case EA_PLACE: s = r->place; break;
            case EA_SOURCE: s = r->source; break;
            case EA_EVIDENCE: s = r->evidence; break;
            case EA_RULE: s = r->rule; break;
            }
            e = set_strs(&sv, (igraph_integer_t)i, s);
        }
        if (!e)
            e = igraph_cattribute_EAS_setv(g, eattr_names[a], &sv);
        igraph_strvector_destroy(&sv);
    }
    if (e)
        return e;
    if ((e = igraph_vector_init(&num, (igraph_integer_t)m)))
        return e;
    igraph_vector_fill(&num, 1.0);
    e = igraph_cattribute_EAN_setv(g, "weight", &num);
    igraph_vector_destroy(&num);
    return e;
}

lia_status lia_graph_build(const lia_facts *f, lia_graph **out, lia_diag *d)
{
    lia_igraph_setup();
    *out = NULL;
    size_t n = f->entities.n;
    lia_entity **ents = xmalloc(n * sizeof *ents);
    if (n)
        memcpy(ents, f->entities.v, n * sizeof *ents);
    if (n > 1)
        qsort(ents, n, sizeof *ents, cmp_entity_key);

    /* Key → vertex id, stored as id + 1 so that NULL means absent. */
    lia_map index;
    lia_map_init(&index);
    for (size_t i = 0; i < n; i++)
        lia_map_put(&index, ents[i]->key, (void *)(uintptr_t)(i + 1));

    igraph_vector_int_t edges;
    lia_relation **rels = xmalloc((f->relations.n ? f->relations.n : 1) * sizeof *rels);
    size_t m = 0;
    lia_status st = LIA_OK;
    igraph_error_t e = igraph_vector_int_init(&edges, 0);
    for (size_t i = 0; i < f->relations.n && !e; i++) {
        lia_relation *r = f->relations.v[i];
        uintptr_t va = (uintptr_t)lia_map_get(&index, r->a);
        uintptr_t vb = (uintptr_t)lia_map_get(&index, r->b);
        if (!va || !vb) {
            lia_warn(d, "%s: relation %s between '%s' and '%s' names an unknown entity; "
                     "dropped", r->source, r->relation, r->a, r->b);
            continue;
        }
        rels[m++] = r;
        if (!(e = igraph_vector_int_push_back(&edges, (igraph_integer_t)va - 1)))
            e = igraph_vector_int_push_back(&edges, (igraph_integer_t)vb - 1);
    }
    lia_map_release(&index);

    lia_graph *g = xcalloc(1, sizeof *g);
    int have_graph = 0;
    if (!e && !(e = igraph_empty(&g->g, (igraph_integer_t)n, IGRAPH_DIRECTED)))
        have_graph = 1;
    if (!e)
        e = igraph_add_edges(&g->g, &edges, NULL);
    if (!e)
        e = set_vertex_attrs(&g->g, ents, n);
    if (!e)
        e = set_edge_attrs(&g->g, rels, m);
    igraph_vector_int_destroy(&edges);
    free(ents);
    free(rels);
    if (e) {
        st = lia_igraph_fail(e, d, "cannot build the knowledge graph");
    } else {
        st = lia_analyse(g, d);
    }
    lia_igraph_take_warnings(d);
    if (st != LIA_OK) {
        if (have_graph)
            igraph_destroy(&g->g);
        free(g);
        return st;
    }
    *out = g;
    return LIA_OK;
}

void lia_graph_free(lia_graph *g)
{
    if (!g)
        return;
    igraph_destroy(&g->g);
    free(g);
}

/* ---- actor network ------------------------------------------------------ */

typedef struct {
    igraph_integer_t u, v;
} pair;

static int cmp_pair(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->u != b->u)
        return a->u < b->u ? -1 : 1;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return 0;
}

lia_status lia_actor_network(const igraph_t *kg, const char *relation, igraph_t *net,
                             igraph_vector_int_t *vertex_of_actor, lia_diag *d)
{
    lia_igraph_setup();
    igraph_integer_t n = igraph_vcount(kg), m = igraph_ecount(kg);
    igraph_integer_t *actor_of = xmalloc((size_t)(n ? n : 1) * sizeof *actor_of);
    igraph_integer_t n_actors = 0;
    igraph_error_t e = igraph_vector_int_init(vertex_of_actor, 0);
    if (e) {
        free(actor_of);
        return lia_igraph_fail(e, d, "cannot build the actor network");
    }
    for (igraph_integer_t v = 0; v < n && !e; v++) {
        if (lia_is_actor_type(lia_vstr(kg, "type", v))) {
            actor_of[v] = n_actors++;
            e = igraph_vector_int_push_back(vertex_of_actor, v);
        } else {
            actor_of[v] = -1;
        }
    }
    pair *pairs = xmalloc((size_t)(m ? m : 1) * sizeof *pairs);
    size_t np = 0;
    for (igraph_integer_t i = 0; i < m && !e; i++) {
        if (relation && strcmp(lia_estr(kg, "relation", i), relation) != 0)
            continue;
        igraph_integer_t a = actor_of[IGRAPH_FROM(kg, i)], b = actor_of[IGRAPH_TO(kg, i)];
        if (a < 0 || b < 0 || a == b)
            continue;
        pairs[np].u = a < b ? a : b;
        pairs[np].v = a < b ? b : a;
        np++;
    }
    free(actor_of);
    if (np > 1)
        qsort(pairs, np, sizeof *pairs, cmp_pair);

    igraph_vector_int_t edges;
    igraph_vector_t weights;
    int have_net = 0;
    if (!e && !(e = igraph_vector_int_init(&edges, 0))) {
        if (!(e = igraph_vector_init(&weights, 0))) {
            for (size_t i = 0; i < np && !e; i++) {
                if (i > 0 && cmp_pair(&pairs[i], &pairs[i - 1]) == 0) {
                    VECTOR(weights)[igraph_vector_size(&weights) - 1] += 1;
                    continue;
                }
                if (!(e = igraph_vector_int_push_back(&edges, pairs[i].u)) &&
                    !(e = igraph_vector_int_push_back(&edges, pairs[i].v)))
                    e = igraph_vector_push_back(&weights, 1);
            }
            if (!e && !(e = igraph_empty(net, n_actors, IGRAPH_UNDIRECTED)))
                have_net = 1;
            if (!e)
                e = igraph_add_edges(net, &edges, NULL);
            if (!e)
                e = igraph_cattribute_EAN_setv(net, "weight", &weights);
            igraph_vector_destroy(&weights);
        }
        igraph_vector_int_destroy(&edges);
    }
    free(pairs);
    if (e) {
        if (have_net)
            igraph_destroy(net);
        igraph_vector_int_destroy(vertex_of_actor);
        return lia_igraph_fail(e, d, "cannot build the actor network");
    }
    return LIA_OK;
}

/* ---- reading GraphML back ----------------------------------------------- */

/* The first occurrence of word in s[0..n), or NULL. */
static const char *strstr_n(const char *s, size_t n, const char *word)
{
    size_t m = strlen(word);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, word, m) == 0)
            return s + i;
    return NULL;
}

/* Refuses what a graph file does not need and an XML parser might act on:
 * a document type declaration (entity expansion, external entities), and
 * any encoding but UTF-8 (UTF-16, UTF-7, EBCDIC ... would hide a DOCTYPE
 * from the byte scan below). */
static lia_status check_xml(const char *text, size_t len, const char *path, lia_diag *d)
{
    size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    if (memchr(text, '\0', len) || (i < len && text[i] != '<'))
        return lia_fail(d, LIA_ERR_INPUT, "cannot read '%s': not XML in UTF-8", path);
    const char *decl = text + i, *end;
    if (len - i >= 5 && memcmp(decl, "<?xml", 5) == 0 && (end = memmem(decl, len - i, "?>", 2))) {
        const char *enc = strstr_n(decl, (size_t)(end - decl), "encoding");
        if (enc) {
            const char *q = enc + 8;
            while (q < end && (*q == ' ' || *q == '=' || *q == '"' || *q == '\''))
                q++;
            size_t n = 0;
            while (q + n < end && q[n] != '"' && q[n] != '\'')
                n++;
            if (!((n == 5 && strncasecmp(q, "utf-8", 5) == 0)
                  || (n == 8 && strncasecmp(q, "us-ascii", 8) == 0)))
                return lia_fail(d, LIA_ERR_INPUT,
                                "cannot read '%s': XML encoding '%.*s' is not UTF-8", path,
                                (int)(n < 40 ? n : 40), q);
        }
    }
    static const char *const bad[] = {"<!DOCTYPE", "<!ENTITY"};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(bad[k]);
        for (size_t j = 0; j + n <= len; j++)
            if (text[j] == '<' && strncasecmp(text + j, bad[k], n) == 0)
                return lia_fail(d, LIA_ERR_INPUT,
                                "cannot read '%s': refusing XML with a %s declaration", path,
                                bad[k] + 2);
    }
    return LIA_OK;
}

lia_status lia_graph_load(const char *path, lia_graph **out, lia_diag *d)
{
    char *text;
    size_t len;
    lia_status st;
    *out = NULL;
    FILE *in = fopen(path, "rb");
    if (!in)
        return lia_fail(d, LIA_ERR_IO, "cannot read '%s': %s", path, strerror(errno));
    fclose(in);
    if ((st = lia_read_file(path, &text, &len, d)) != LIA_OK)
        return st;
    if ((st = check_xml(text, len, path, d)) != LIA_OK) {
        free(text);
        return st;
    }
    if (len == 0) {
        free(text);
        return lia_fail(d, LIA_ERR_INPUT, "cannot read '%s': empty file", path);
    }
    FILE *fp = fmemopen(text, len, "rb");
    if (!fp) {
        free(text);
        return lia_fail(d, LIA_ERR_IO, "cannot read '%s': %s", path, strerror(errno));
    }
    lia_igraph_setup();
    lia_graph *g = xcalloc(1, sizeof *g);
    igraph_error_t e = igraph_read_graph_graphml(&g->g, fp, 0);
    fclose(fp);
    free(text);
    lia_igraph_take_warnings(d);
    if (e) {
        free(g);
        char *what = xasprintf("cannot read '%s'", path);
        st = lia_igraph_fail(e, d, what);
        free(what);
        return st;
    }
    *out = g;
    return LIA_OK;
}

char **lia_vertex_ids(const igraph_t *g)
{
    igraph_integer_t n = igraph_vcount(g);
    char **ids = xmalloc((size_t)(n ? n : 1) * sizeof *ids);
    lia_map seen;
    lia_map_init(&seen);
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *k = lia_vstr(g, "key", v);
        if (!*k)
            k = lia_vstr(g, "id", v);
        char *id = *k ? xstrdup(k) : xasprintf("n%ld", (long)v);
        if (lia_map_get(&seen, id)) {
            char *again = xasprintf("%s#%ld", id, (long)v);
            free(id);
            id = again;
        }
        lia_map_put(&seen, id, (void *)1);
        ids[v] = id;
    }
    lia_map_release(&seen);
    return ids;
}

void lia_vertex_ids_free(char **ids, igraph_integer_t n)
{
    if (!ids)
        return;
    for (igraph_integer_t v = 0; v < n; v++)
        free(ids[v]);
    free(ids);
}

/* ---- attribute lists and numbers for the exports ------------------------ */

lia_status lia_attrs_list(const igraph_t *g, igraph_attribute_elemtype_t kind, lia_attrs *l,
                          lia_diag *d)
{
    igraph_strvector_t names[3];
    igraph_vector_int_t types[3];
    igraph_error_t e = IGRAPH_SUCCESS;
    int k = kind == IGRAPH_ATTRIBUTE_GRAPH ? 0 : kind == IGRAPH_ATTRIBUTE_VERTEX ? 1 : 2;
    int made = 0;
    l->names = NULL;
    l->types = NULL;
    l->n = 0;
    lia_igraph_setup();
    for (; made < 3 && !e; made++) {
        if ((e = igraph_strvector_init(&names[made], 0)))
            break;
        if ((e = igraph_vector_int_init(&types[made], 0))) {
            igraph_strvector_destroy(&names[made]);
            break;
        }
    }
    if (!e)
        e = igraph_cattribute_list(g, &names[0], &types[0], &names[1], &types[1], &names[2],
                                   &types[2]);
    if (!e) {
        size_t n = (size_t)igraph_strvector_size(&names[k]);
        l->names = xmalloc((n ? n : 1) * sizeof *l->names);
        l->types = xmalloc((n ? n : 1) * sizeof *l->types);
        for (size_t i = 0; i < n; i++) {
            l->names[i] = xstrdup(igraph_strvector_get(&names[k], (igraph_integer_t)i));
            l->types[i] = (igraph_attribute_type_t)VECTOR(types[k])[i];
        }
        l->n = n;
    }
    for (int i = 0; i < made; i++) {
        igraph_strvector_destroy(&names[i]);
        igraph_vector_int_destroy(&types[i]);
    }
    return e ? lia_igraph_fail(e, d, "cannot list the graph's attributes") : LIA_OK;
}

void lia_attrs_release(lia_attrs *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->names[i]);
    free(l->names);
    free(l->types);
    l->names = NULL;
    l->types = NULL;
    l->n = 0;
}

long lia_attrs_find(const lia_attrs *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->names[i], name) == 0)
            return (long)i;
    return -1;
}

void lia_format_real(char *buf, size_t size, double x)
{
    if (isnan(x)) {
        snprintf(buf, size, "nan");
        return;
    }
    if (isinf(x)) {
        snprintf(buf, size, x < 0 ? "-inf" : "inf");
        return;
    }
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, size, "%.*g", digits, x);
        if (strtod(buf, NULL) == x)
            return;
    }
}
