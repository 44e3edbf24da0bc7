/* cmd_query.c — `liaison neighbors`, `path` and `export`: questions asked of
 * a written knowledge graph (read back with lia_graph_load) and its export
 * to node-link JSON or Neo4j CSV.  All printing happens here; the graph
 * reading and the exports are library calls. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "export.h"
#include "facts.h"
#include "graph.h"
#include "util.h"

const char lia_usage_neighbors[] =
    "usage: liaison neighbors [options] GRAPH.graphml KEY\n"
    "\n"
    "Lists every relation of the knowledge graph that touches KEY, in either\n"
    "direction, grouped by neighbour: the neighbour's key, type and names, then\n"
    "each relation with its direction (-- symmetric, -> KEY is the subject,\n"
    "<- the neighbour is), date, place and source document.  Relations are\n"
    "sorted by relation, date (undated last) and neighbour key; a neighbour's\n"
    "group comes where its first relation falls.  An unknown KEY is an error\n"
    "that suggests keys and names close to it.\n"
    "\n"
    "options:\n"
    "  -r, --relation REL  only relations REL (met, visited, attended, heads, hosted ...)\n"
    "  -f, --format F      table, tsv or json (default table; tsv and json also give\n"
    "                      the evidence sentence and the rule)\n"
    "  -h, --help          show this help\n";

const char lia_usage_path[] =
    "usage: liaison path [options] GRAPH.graphml A B\n"
    "\n"
    "Finds a shortest path from A to B in the knowledge graph taken as undirected\n"
    "(persons, agencies, countries, organizations, cities and events alike) and\n"
    "prints each hop with every relation that joins its two ends: relation,\n"
    "direction, date, place, source document and the evidence sentence.  Among\n"
    "equally short paths the search from A visits neighbours in key order, so\n"
    "the answer is always the same.  No path is an error (exit 1).\n"
    "\n"
    "options:\n"
    "  -r, --relation REL  walk only relations REL (e.g. met)\n"
    "  -f, --format F      table, tsv or json (default table)\n"
    "  -h, --help          show this help\n";

const char lia_usage_export[] =
    "usage: liaison export [options] GRAPH.graphml --format json|csv\n"
    "\n"
    "Writes a knowledge graph in another format, with every attribute:\n"
    "  json  DIR/graph.json: node-link JSON as networkx (node_link_graph, with\n"
    "        edges=\"links\") and d3 read it; node \"id\" is the key, parallel\n"
    "        edges are numbered by \"key\", and the edge attribute source (the\n"
    "        document) is named \"document\"\n"
    "  csv   DIR/nodes.csv and DIR/edges.csv with the headers of\n"
    "        'neo4j-admin database import full --nodes=nodes.csv\n"
    "        --relationships=edges.csv' (key:ID ... :LABEL; :START_ID, :END_ID,\n"
    "        :TYPE, date, place, source, evidence, rule, weight:int)\n"
    "\n"
    "options:\n"
    "  -f, --format F      json or csv (required)\n"
    "  -o, --output DIR    where to write (default: the directory of GRAPH)\n"
    "  -q, --quiet         do not print what was written\n"
    "  -h, --help          show this help\n";

enum { FMT_TABLE, FMT_TSV, FMT_JSON };

static int parse_format(const char *cmd, const char *arg, int *format)
{
    if (strcmp(arg, "table") == 0)
        *format = FMT_TABLE;
    else if (strcmp(arg, "tsv") == 0)
        *format = FMT_TSV;
    else if (strcmp(arg, "json") == 0)
        *format = FMT_JSON;
    else
        return lia_usage_error(cmd, "unknown format '%s' (table, tsv or json)", arg);
    return 0;
}

/* ---- shared: loading, finding nodes, printing ---------------------------- */

/* A loaded graph with its vertex identifiers. */
typedef struct {
    const char *path;
    lia_graph *graph;
    const igraph_t *g;
    char **ids;
    igraph_integer_t n;
} loaded;

/* Loads path; prints the error and returns nonzero on failure. */
static int load(const char *path, loaded *l)
{
    lia_diag d;
    lia_diag_init(&d);
    memset(l, 0, sizeof *l);
    l->path = path;
    lia_status st = lia_graph_load(path, &l->graph, &d);
    lia_print_warnings(&d, 0);
    if (st != LIA_OK) {
        lia_error("%s", d.message);
        lia_diag_release(&d);
        return 1;
    }
    lia_diag_release(&d);
    l->g = &l->graph->g;
    l->n = igraph_vcount(l->g);
    l->ids = lia_vertex_ids(l->g);
    return 0;
}

static void unload(loaded *l)
{
    lia_vertex_ids_free(l->ids, l->n);
    lia_graph_free(l->graph);
}

/* Is text one of the " | "-separated aliases? */
static int has_alias(const char *aliases, const char *text)
{
    size_t n = strlen(text);
    const char *p = aliases;
    while (*p) {
        const char *end = strstr(p, " | ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, text, n) == 0)
            return 1;
        if (!end)
            break;
        p = end + 3;
    }
    return 0;
}

/* The vertex whose identifier is key; otherwise prints an error naming
 * close keys (a key or Latin name containing the text, case-insensitively,
 * or an Arabic name or alias equal to it) and returns -1. */
static igraph_integer_t find_node(const loaded *l, const char *key)
{
    for (igraph_integer_t v = 0; v < l->n; v++)
        if (strcmp(l->ids[v], key) == 0)
            return v;
    strbuf close;
    sb_init(&close);
    int shown = 0, more = 0;
    for (igraph_integer_t v = 0; v < l->n; v++) {
        const char *name = lia_vstr(l->g, "name", v);
        if (!*key || !(strcasestr(l->ids[v], key) ||
                       strcasestr(lia_vstr(l->g, "name_latin", v), key) ||
                       strcmp(name, key) == 0 || has_alias(lia_vstr(l->g, "aliases", v), key)))
            continue;
        if (shown == 8) {
            more++;
            continue;
        }
        const char *latin = lia_vstr(l->g, "name_latin", v);
        sb_addf(&close, "%s'%s' (%s%s\u2068%s\u2069)", shown ? ", " : "", l->ids[v],
                latin, *latin ? ", " : "", name);
        shown++;
    }
    if (shown)
        lia_error("no node '%s' in '%s'; did you mean %s%s?", key, l->path, close.s,
                  more ? ", ..." : "");
    else
        lia_error("no node '%s' in '%s' (keys are listed by 'liaison rank %s --top 0')", key,
                  l->path, l->path);
    sb_release(&close);
    return -1;
}

/* Warns when no edge of the graph has relation rel. */
static void check_relation(const loaded *l, const char *rel)
{
    if (!rel)
        return;
    for (igraph_integer_t e = 0; e < igraph_ecount(l->g); e++)
        if (strcmp(lia_estr(l->g, "relation", e), rel) == 0)
            return;
    lia_warning("'%s' has no '%s' relations", l->path, rel);
}

/* "key  type  Latin  ⁨Arabic⁩" with the Arabic name isolated (FSI … PDI)
 * so that a terminal keeps the line left-to-right. */
static void print_node(const loaded *l, igraph_integer_t v)
{
    const char *latin = lia_vstr(l->g, "name_latin", v);
    lia_put_flat(l->ids[v]);
    printf("  ");
    lia_put_flat(*lia_vstr(l->g, "type", v) ? lia_vstr(l->g, "type", v) : "-");
    if (*latin) {
        printf("  ");
        lia_put_flat(latin);
    }
    printf("  \u2068");
    lia_put_flat(lia_vstr(l->g, "name", v));
    printf("\u2069\n");
}

static void json_node_fields(strbuf *b, const loaded *l, igraph_integer_t v)
{
    sb_adds(b, "\"key\": ");
    lia_json_escape(b, l->ids[v]);
    sb_adds(b, ", \"name\": ");
    lia_json_escape(b, lia_vstr(l->g, "name", v));
    sb_adds(b, ", \"name_latin\": ");
    lia_json_escape(b, lia_vstr(l->g, "name_latin", v));
    sb_adds(b, ", \"type\": ");
    lia_json_escape(b, lia_vstr(l->g, "type", v));
}

/* One edge seen from one of its ends. */
typedef struct {
    igraph_integer_t edge, other;
    const char *relation, *date, *place, *source, *evidence, *rule;
    const char *other_key;
    int direction;   /* 0 symmetric, 1 from this end, -1 towards it */
} hop_edge;

static hop_edge make_hop_edge(const loaded *l, igraph_integer_t e, igraph_integer_t from)
{
    hop_edge h;
    h.edge = e;
    h.other = IGRAPH_FROM(l->g, e) == from ? IGRAPH_TO(l->g, e) : IGRAPH_FROM(l->g, e);
    h.other_key = l->ids[h.other];
    h.relation = lia_estr(l->g, "relation", e);
    h.date = lia_estr(l->g, "date", e);
    h.place = lia_estr(l->g, "place", e);
    h.source = lia_estr(l->g, "source", e);
    h.evidence = lia_estr(l->g, "evidence", e);
    h.rule = lia_estr(l->g, "rule", e);
    if (lia_relation_is_symmetric(h.relation) || !igraph_is_directed(l->g))
        h.direction = 0;
    else
        h.direction = IGRAPH_FROM(l->g, e) == from ? 1 : -1;
    return h;
}

static const char *arrow(int direction)
{
    return direction > 0 ? "->" : direction < 0 ? "<-" : "--";
}

static const char *direction_word(int direction)
{
    return direction > 0 ? "out" : direction < 0 ? "in" : "both";
}

/* Dates compare as strings (ISO), undated last. */
static int cmp_date(const char *a, const char *b)
{
    if (!*a != !*b)
        return *a ? -1 : 1;
    return strcmp(a, b);
}

/* relation, date, neighbour key, source, edge id. */
static int cmp_hop_edge(const void *x, const void *y)
{
    const hop_edge *a = x, *b = y;
    int c;
    if ((c = strcmp(a->relation, b->relation)) || (c = cmp_date(a->date, b->date)) ||
        (c = strcmp(a->other_key, b->other_key)) || (c = strcmp(a->source, b->source)))
        return c;
    return a->edge < b->edge ? -1 : a->edge > b->edge;
}

static void json_edge(strbuf *b, const hop_edge *h)
{
    sb_adds(b, "{\"relation\": ");
    lia_json_escape(b, h->relation);
    sb_adds(b, ", \"direction\": ");
    lia_json_escape(b, direction_word(h->direction));
    sb_adds(b, ", \"date\": ");
    lia_json_escape(b, h->date);
    sb_adds(b, ", \"place\": ");
    lia_json_escape(b, h->place);
    sb_adds(b, ", \"source\": ");
    lia_json_escape(b, h->source);
    sb_adds(b, ", \"evidence\": ");
    lia_json_escape(b, h->evidence);
    sb_adds(b, ", \"rule\": ");
    lia_json_escape(b, h->rule);
    sb_addc(b, '}');
}

static void tsv_edge_fields(const hop_edge *h)
{
    lia_put_flat(h->relation);
    printf("\t%s\t", direction_word(h->direction));
    lia_put_flat(h->date);
    putchar('\t');
    lia_put_flat(h->place);
    putchar('\t');
    lia_put_flat(h->source);
    putchar('\t');
    lia_put_flat(h->evidence);
}

typedef struct {
    const char *relation;
    int format;
} query_opts;

/* Parses the options shared by neighbors and path; returns -1 to go on,
 * otherwise the exit code. */
static int parse_query_opts(const char *cmd, const char *usage, int argc, char **argv,
                            query_opts *o)
{
    static const struct option longopts[] = {
        {"relation", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c, rc;
    o->relation = NULL;
    o->format = FMT_TABLE;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":r:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'r':
            if (!*optarg)
                return lia_usage_error(cmd, "--relation wants a relation name");
            o->relation = optarg;
            break;
        case 'f':
            if ((rc = parse_format(cmd, optarg, &o->format)))
                return rc;
            break;
        case 'h':
            fputs(usage, stdout);
            return LIA_EXIT_OK;
        case ':':
            return lia_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
        default:
            return lia_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
        }
    }
    return -1;
}

static int finish(void)
{
    return fflush(stdout) == 0 ? LIA_EXIT_OK : LIA_EXIT_FAIL;
}

/* ---- neighbors ----------------------------------------------------------- */

static void neighbors_table(const loaded *l, igraph_integer_t v, const hop_edge *rows, size_t n,
                            size_t n_nb)
{
    int wr = 0, wd = 0, wp = 0;
    for (size_t i = 0; i < n; i++) {
        if (lia_text_width(rows[i].relation) > wr)
            wr = lia_text_width(rows[i].relation);
        if (lia_text_width(rows[i].date) > wd)
            wd = lia_text_width(rows[i].date);
        if (lia_text_width(rows[i].place) > wp)
            wp = lia_text_width(rows[i].place);
    }
    if (wd < 1)
        wd = 1;
    if (wp < 1)
        wp = 1;
    print_node(l, v);
    printf("%zu relation%s with %zu neighbour%s\n", n, n == 1 ? "" : "s", n_nb,
           n_nb == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || rows[i].other != rows[i - 1].other) {
            putchar('\n');
            print_node(l, rows[i].other);
        }
        printf("  ");
        lia_put_padded(rows[i].relation, wr);
        printf("  %s  ", arrow(rows[i].direction));
        lia_put_padded(*rows[i].date ? rows[i].date : "-", wd);
        printf("  ");
        lia_put_padded(*rows[i].place ? rows[i].place : "-", wp);
        printf("  ");
        lia_put_flat(rows[i].source);
        putchar('\n');
    }
}

static void neighbors_tsv(const loaded *l, const hop_edge *rows, size_t n)
{
    printf("neighbor\tname\tname_latin\ttype\trelation\tdirection\tdate\tplace\tsource\t"
           "evidence\n");
    for (size_t i = 0; i < n; i++) {
        igraph_integer_t o = rows[i].other;
        lia_put_flat(l->ids[o]);
        putchar('\t');
        lia_put_flat(lia_vstr(l->g, "name", o));
        putchar('\t');
        lia_put_flat(lia_vstr(l->g, "name_latin", o));
        putchar('\t');
        lia_put_flat(lia_vstr(l->g, "type", o));
        putchar('\t');
        tsv_edge_fields(&rows[i]);
        putchar('\n');
    }
}

static void neighbors_json(const loaded *l, igraph_integer_t v, const hop_edge *rows, size_t n)
{
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '{');
    json_node_fields(&b, l, v);
    sb_adds(&b, ", \"neighbors\": [");
    for (size_t i = 0; i < n; i++) {
        int first = i == 0 || rows[i].other != rows[i - 1].other;
        int last = i + 1 == n || rows[i + 1].other != rows[i].other;
        if (first) {
            sb_adds(&b, i ? ",\n  {" : "\n  {");
            json_node_fields(&b, l, rows[i].other);
            sb_adds(&b, ", \"edges\": [\n    ");
        } else {
            sb_adds(&b, ",\n    ");
        }
        json_edge(&b, &rows[i]);
        if (last)
            sb_adds(&b, "]}");
    }
    sb_adds(&b, n ? "\n]}\n" : "]}\n");
    fputs(b.s, stdout);
    sb_release(&b);
}

int cmd_neighbors(int argc, char **argv)
{
    if (lia_wants_help("neighbors", argc, argv))
        return LIA_EXIT_OK;
    query_opts o;
    int rc = parse_query_opts("neighbors", lia_usage_neighbors, argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (argc - optind < 2)
        return lia_usage_error("neighbors", argc - optind == 0 ? "no graph given"
                                                               : "no KEY given");
    if (argc - optind > 2)
        return lia_usage_error("neighbors", "one graph and one KEY ('%s' is extra)",
                               argv[optind + 2]);
    loaded l;
    if (load(argv[optind], &l))
        return LIA_EXIT_FAIL;
    igraph_integer_t v = find_node(&l, argv[optind + 1]);
    if (v < 0) {
        unload(&l);
        return LIA_EXIT_FAIL;
    }
    check_relation(&l, o.relation);

    VEC(hop_edge) rows = {0};
    for (igraph_integer_t e = 0; e < igraph_ecount(l.g); e++) {
        igraph_integer_t a = IGRAPH_FROM(l.g, e), b = IGRAPH_TO(l.g, e);
        if ((a != v && b != v) || a == b)
            continue;
        if (o.relation && strcmp(lia_estr(l.g, "relation", e), o.relation) != 0)
            continue;
        VEC_PUSH(rows, make_hop_edge(&l, e, v));
    }
    if (rows.n > 1)
        qsort(rows.v, rows.n, sizeof *rows.v, cmp_hop_edge);
    /* Group by neighbour, groups in the order of their first row. */
    hop_edge *grouped = xmalloc((rows.n ? rows.n : 1) * sizeof *grouped);
    char *taken = xcalloc(rows.n ? rows.n : 1, 1);
    size_t k = 0, n_nb = 0;
    for (size_t i = 0; i < rows.n; i++) {
        if (taken[i])
            continue;
        n_nb++;
        for (size_t j = i; j < rows.n; j++)
            if (!taken[j] && rows.v[j].other == rows.v[i].other) {
                grouped[k++] = rows.v[j];
                taken[j] = 1;
            }
    }
    if (o.format == FMT_TABLE)
        neighbors_table(&l, v, grouped, k, n_nb);
    else if (o.format == FMT_TSV)
        neighbors_tsv(&l, grouped, k);
    else
        neighbors_json(&l, v, grouped, k);
    free(taken);
    free(grouped);
    VEC_FREE(rows);
    unload(&l);
    return finish();
}

/* ---- path ---------------------------------------------------------------- */

static const char *const *sort_ids;   /* for cmp_by_id (qsort has no context) */

static int cmp_by_id(const void *x, const void *y)
{
    igraph_integer_t a = *(const igraph_integer_t *)x, b = *(const igraph_integer_t *)y;
    int c = strcmp(sort_ids[a], sort_ids[b]);
    return c ? c : (a > b) - (a < b);
}

/* Breadth-first search from a over the undirected view of the edges that
 * pass the relation filter, neighbours visited in identifier order.
 * Fills parent[] (-1 unreached, a for a) and returns whether b was reached. */
static int search(const loaded *l, const char *relation, igraph_integer_t a, igraph_integer_t b,
                  igraph_integer_t *parent)
{
    igraph_integer_t n = l->n, m = igraph_ecount(l->g);
    size_t *deg = xcalloc((size_t)n + 1, sizeof *deg);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t u = IGRAPH_FROM(l->g, e), v = IGRAPH_TO(l->g, e);
        if (u == v || (relation && strcmp(lia_estr(l->g, "relation", e), relation) != 0))
            continue;
        deg[u + 1]++;
        deg[v + 1]++;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        deg[v + 1] += deg[v];
    igraph_integer_t *adj = xmalloc((deg[n] ? deg[n] : 1) * sizeof *adj);
    size_t *fill = xmalloc(((size_t)n + 1) * sizeof *fill);
    memcpy(fill, deg, ((size_t)n + 1) * sizeof *fill);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t u = IGRAPH_FROM(l->g, e), v = IGRAPH_TO(l->g, e);
        if (u == v || (relation && strcmp(lia_estr(l->g, "relation", e), relation) != 0))
            continue;
        adj[fill[u]++] = v;
        adj[fill[v]++] = u;
    }
    sort_ids = (const char *const *)l->ids;
    for (igraph_integer_t v = 0; v < n; v++)
        if (deg[v + 1] - deg[v] > 1)
            qsort(adj + deg[v], deg[v + 1] - deg[v], sizeof *adj, cmp_by_id);
    igraph_integer_t *queue = xmalloc((size_t)(n ? n : 1) * sizeof *queue);
    size_t head = 0, tail = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        parent[v] = -1;
    parent[a] = a;
    queue[tail++] = a;
    while (head < tail && parent[b] < 0) {
        igraph_integer_t u = queue[head++];
        for (size_t k = deg[u]; k < deg[u + 1]; k++)
            if (parent[adj[k]] < 0) {
                parent[adj[k]] = u;
                queue[tail++] = adj[k];
            }
    }
    free(queue);
    free(fill);
    free(adj);
    free(deg);
    return parent[b] >= 0;
}

/* The edges joining u and v (either way) that pass the filter, sorted. */
static size_t hop_edges(const loaded *l, const char *relation, igraph_integer_t u,
                        igraph_integer_t v, hop_edge **out)
{
    VEC(hop_edge) h = {0};
    for (igraph_integer_t e = 0; e < igraph_ecount(l->g); e++) {
        igraph_integer_t a = IGRAPH_FROM(l->g, e), b = IGRAPH_TO(l->g, e);
        if (!((a == u && b == v) || (a == v && b == u)))
            continue;
        if (relation && strcmp(lia_estr(l->g, "relation", e), relation) != 0)
            continue;
        VEC_PUSH(h, make_hop_edge(l, e, u));
    }
    if (h.n > 1)
        qsort(h.v, h.n, sizeof *h.v, cmp_hop_edge);
    *out = h.v;
    return h.n;
}

int cmd_path(int argc, char **argv)
{
    if (lia_wants_help("path", argc, argv))
        return LIA_EXIT_OK;
    query_opts o;
    int rc = parse_query_opts("path", lia_usage_path, argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (argc - optind < 3)
        return lia_usage_error("path", argc - optind == 0 ? "no graph given"
                                                          : "path wants two keys, A and B");
    if (argc - optind > 3)
        return lia_usage_error("path", "one graph and two keys ('%s' is extra)",
                               argv[optind + 3]);
    loaded l;
    if (load(argv[optind], &l))
        return LIA_EXIT_FAIL;
    igraph_integer_t a = find_node(&l, argv[optind + 1]);
    igraph_integer_t b = a < 0 ? -1 : find_node(&l, argv[optind + 2]);
    if (a < 0 || b < 0) {
        unload(&l);
        return LIA_EXIT_FAIL;
    }
    check_relation(&l, o.relation);
    igraph_integer_t *parent = xmalloc((size_t)(l.n ? l.n : 1) * sizeof *parent);
    if (!search(&l, o.relation, a, b, parent)) {
        if (o.relation)
            lia_error("no path between '%s' and '%s' through '%s' relations", l.ids[a], l.ids[b],
                      o.relation);
        else
            lia_error("no path between '%s' and '%s': they are in different components",
                      l.ids[a], l.ids[b]);
        free(parent);
        unload(&l);
        return LIA_EXIT_FAIL;
    }
    /* The path a → b, read back from b's parents. */
    VEC(igraph_integer_t) nodes = {0};
    for (igraph_integer_t v = b; v != a; v = parent[v])
        VEC_PUSH(nodes, v);
    VEC_PUSH(nodes, a);
    for (size_t i = 0, j = nodes.n - 1; i < j; i++, j--) {
        igraph_integer_t t = nodes.v[i];
        nodes.v[i] = nodes.v[j];
        nodes.v[j] = t;
    }
    size_t hops = nodes.n - 1;
    strbuf js;
    sb_init(&js);
    if (o.format == FMT_TABLE) {
        printf("path from %s to %s: %zu hop%s\n\n", l.ids[a], l.ids[b], hops,
               hops == 1 ? "" : "s");
    } else if (o.format == FMT_TSV) {
        printf("hop\tfrom\tto\trelation\tdirection\tdate\tplace\tsource\tevidence\n");
    } else {
        sb_adds(&js, "{\"from\": ");
        lia_json_escape(&js, l.ids[a]);
        sb_adds(&js, ", \"to\": ");
        lia_json_escape(&js, l.ids[b]);
        sb_addf(&js, ", \"hops\": %zu,\n \"nodes\": [", hops);
        for (size_t i = 0; i < nodes.n; i++) {
            sb_adds(&js, i ? ",\n  {" : "\n  {");
            json_node_fields(&js, &l, nodes.v[i]);
            sb_addc(&js, '}');
        }
        sb_adds(&js, "],\n \"steps\": [");
    }
    for (size_t i = 0; i < nodes.n; i++) {
        igraph_integer_t u = nodes.v[i];
        if (o.format == FMT_TABLE)
            print_node(&l, u);
        if (i + 1 == nodes.n)
            break;
        hop_edge *h;
        size_t nh = hop_edges(&l, o.relation, u, nodes.v[i + 1], &h);
        if (o.format == FMT_JSON) {
            sb_adds(&js, i ? ",\n  {\"from\": " : "\n  {\"from\": ");
            lia_json_escape(&js, l.ids[u]);
            sb_adds(&js, ", \"to\": ");
            lia_json_escape(&js, l.ids[nodes.v[i + 1]]);
            sb_adds(&js, ", \"edges\": [");
        }
        for (size_t k = 0; k < nh; k++) {
            if (o.format == FMT_TABLE) {
                printf("   | %s %s  %s", arrow(h[k].direction), h[k].relation,
                       *h[k].date ? h[k].date : "undated");
                if (*h[k].place) {
                    printf("  at ");
                    lia_put_flat(h[k].place);
                }
                printf("  source ");
                lia_put_flat(h[k].source);
                if (*h[k].rule) {
                    printf("  rule ");
                    lia_put_flat(h[k].rule);
                }
                printf("\n   |    \u2068");
                lia_put_flat(h[k].evidence);
                printf("\u2069\n");
            } else if (o.format == FMT_TSV) {
                printf("%zu\t", i + 1);
                lia_put_flat(l.ids[u]);
                putchar('\t');
                lia_put_flat(l.ids[nodes.v[i + 1]]);
                putchar('\t');
                tsv_edge_fields(&h[k]);
                putchar('\n');
            } else {
                sb_adds(&js, k ? ",\n    " : "\n    ");
                json_edge(&js, &h[k]);
            }
        }
        if (o.format == FMT_JSON)
            sb_adds(&js, "]}");
        free(h);
    }
    if (o.format == FMT_JSON) {
        sb_adds(&js, hops ? "\n]}\n" : "]}\n");
        fputs(js.s, stdout);
    }
    sb_release(&js);
    VEC_FREE(nodes);
    free(parent);
    unload(&l);
    return finish();
}

/* ---- export -------------------------------------------------------------- */

/* Creates dir and its missing parents; 0 or an errno value. */
static int make_dirs(const char *dir)
{
    struct stat sb;
    if (stat(dir, &sb) == 0)
        return S_ISDIR(sb.st_mode) ? 0 : ENOTDIR;
    char *copy = xstrdup(dir);
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            int err = errno;
            free(copy);
            return err;
        }
        *p = '/';
    }
    free(copy);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return errno;
    return 0;
}

int cmd_export(int argc, char **argv)
{
    if (lia_wants_help("export", argc, argv))
        return LIA_EXIT_OK;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *format = NULL, *outdir = NULL;
    int quiet = 0, c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "json") != 0 && strcmp(optarg, "csv") != 0)
                return lia_usage_error("export", "unknown format '%s' (json or csv)", optarg);
            format = optarg;
            break;
        case 'o':
            if (!*optarg)
                return lia_usage_error("export", "--output wants a directory");
            outdir = optarg;
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            fputs(lia_usage_export, stdout);
            return LIA_EXIT_OK;
        case ':':
            return lia_usage_error("export", "option '%s' needs a value", argv[optind - 1]);
        default:
            return lia_usage_error("export", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!format)
        return lia_usage_error("export", "no --format given (json or csv)");
    if (optind >= argc)
        return lia_usage_error("export", "no graph given");
    if (optind + 1 < argc)
        return lia_usage_error("export", "one graph at a time ('%s' is extra)",
                               argv[optind + 1]);
    const char *path = argv[optind];
    char *dir;
    if (outdir) {
        dir = xstrdup(outdir);
    } else {
        const char *slash = strrchr(path, '/');
        dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
    }

    loaded l;
    if (load(path, &l)) {
        free(dir);
        return LIA_EXIT_FAIL;
    }
    int rc = LIA_EXIT_OK, err = make_dirs(dir);
    lia_diag d;
    lia_diag_init(&d);
    if (err) {
        lia_error("cannot create directory '%s': %s", dir, strerror(err));
        rc = LIA_EXIT_FAIL;
    } else if (strcmp(format, "json") == 0) {
        char *json = xasprintf("%s/graph.json", dir);
        if (lia_export_json(l.graph, json, &d) != LIA_OK) {
            lia_error("%s", d.message);
            rc = LIA_EXIT_FAIL;
        } else if (!quiet) {
            printf("wrote %s\n", json);
        }
        free(json);
    } else {
        char *nodes = xasprintf("%s/nodes.csv", dir), *edges = xasprintf("%s/edges.csv", dir);
        if (lia_export_csv(l.graph, nodes, edges, &d) != LIA_OK) {
            lia_error("%s", d.message);
            rc = LIA_EXIT_FAIL;
        } else if (!quiet) {
            printf("wrote %s, %s\n", nodes, edges);
        }
        free(nodes);
        free(edges);
    }
    lia_print_warnings(&d, quiet);
    lia_diag_release(&d);
    unload(&l);
    free(dir);
    return rc == LIA_EXIT_OK ? finish() : rc;
}
