/* cmd_rank.c — `liaison rank`: reads a GraphML knowledge graph, rebuilds
 * its actor network (optionally for one relation), computes a centrality
 * and prints the actors by rank as a table, TSV or JSON. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "cli.h"
#include "graph.h"
#include "util.h"

const char lia_usage_rank[] =
    "usage: liaison rank [options] GRAPH.graphml\n"
    "\n"
    "Ranks the actors (persons, agencies, countries, organizations) of a knowledge\n"
    "graph written by 'liaison build' by a centrality of the actor network: the\n"
    "undirected network in which the relations between two actors are collapsed\n"
    "into one edge weighted by their count.\n"
    "\n"
    "options:\n"
    "  -m, --measure M     degree, strength, betweenness, closeness, harmonic,\n"
    "                      pagerank or eigenvector (default pagerank)\n"
    "  -r, --relation REL  only relations REL (met, visited, attended, heads, hosted ...)\n"
    "  -t, --type TYPE     only actors of TYPE: person, agency, country or organization\n"
    "  -n, --top N         print the first N (default 10; 0 prints all)\n"
    "  -f, --format F      table, tsv or json (default table)\n"
    "  -h, --help          show this help\n";

enum { FMT_TABLE, FMT_TSV, FMT_JSON };

typedef struct {
    igraph_integer_t vertex;   /* in the knowledge graph */
    double value;
    const char *key, *name, *latin, *type;
} row;

static int cmp_row(const void *x, const void *y)
{
    const row *a = x, *b = y;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return strcmp(a->key, b->key);
}

static void print_table(const row *rows, size_t n, const char *measure)
{
    int wk = 3, wt = 4, wl = 5, wv = (int)strlen(measure);
    char num[64];
    for (size_t i = 0; i < n; i++) {
        snprintf(num, sizeof num, "%.6g", rows[i].value);
        if (lia_text_width(num) > wv)
            wv = lia_text_width(num);
        if (lia_text_width(rows[i].key) > wk)
            wk = lia_text_width(rows[i].key);
        if (lia_text_width(rows[i].type) > wt)
            wt = lia_text_width(rows[i].type);
        if (lia_text_width(rows[i].latin) > wl)
            wl = lia_text_width(rows[i].latin);
    }
    printf("rank  ");
    lia_put_padded(measure, wv);
    printf("  ");
    lia_put_padded("type", wt);
    printf("  ");
    lia_put_padded("key", wk);
    printf("  ");
    lia_put_padded("latin", wl);
    printf("  name\n");
    for (size_t i = 0; i < n; i++) {
        snprintf(num, sizeof num, "%.6g", rows[i].value);
        printf("%4zu  %*s  ", i + 1, wv, num);
        lia_put_padded(rows[i].type, wt);
        printf("  ");
        lia_put_padded(rows[i].key, wk);
        printf("  ");
        lia_put_padded(*rows[i].latin ? rows[i].latin : "-", wl);
        printf("  \xe2\x81\xa8");   /* FSI */
        lia_put_flat(rows[i].name);
        printf("\xe2\x81\xa9\n");   /* PDI */
    }
}

static void print_tsv(const row *rows, size_t n)
{
    printf("rank\tkey\tname\ttype\tvalue\n");
    for (size_t i = 0; i < n; i++) {
        printf("%zu\t", i + 1);
        lia_put_flat(rows[i].key);
        putchar('\t');
        lia_put_flat(rows[i].name);
        putchar('\t');
        lia_put_flat(rows[i].type);
        printf("\t%.12g\n", rows[i].value);
    }
}

static void print_json(const row *rows, size_t n, const char *measure)
{
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '[');
    for (size_t i = 0; i < n; i++) {
        sb_adds(&b, i ? ",\n " : "\n ");
        sb_addf(&b, "{\"rank\":%zu,\"key\":", i + 1);
        lia_json_escape(&b, rows[i].key);
        sb_adds(&b, ",\"name\":");
        lia_json_escape(&b, rows[i].name);
        sb_adds(&b, ",\"name_latin\":");
        lia_json_escape(&b, rows[i].latin);
        sb_adds(&b, ",\"type\":");
        lia_json_escape(&b, rows[i].type);
        sb_adds(&b, ",\"measure\":");
        lia_json_escape(&b, measure);
        sb_addf(&b, ",\"value\":%.12g}", isfinite(rows[i].value) ? rows[i].value : 0.0);
    }
    sb_adds(&b, n ? "\n]\n" : "]\n");
    fputs(b.s, stdout);
    sb_release(&b);
}

int cmd_rank(int argc, char **argv)
{
    if (lia_wants_help("rank", argc, argv))
        return LIA_EXIT_OK;
    static const struct option longopts[] = {
        {"measure", required_argument, NULL, 'm'},
        {"relation", required_argument, NULL, 'r'},
        {"type", required_argument, NULL, 't'},
        {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *measure_name = "pagerank", *relation = NULL, *type = NULL;
    long top = 10;
    int format = FMT_TABLE;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":m:r:t:n:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'm':
            measure_name = optarg;
            break;
        case 'r':
            relation = optarg;
            break;
        case 't':
            type = optarg;
            break;
        case 'n': {
            char *end;
            top = strtol(optarg, &end, 10);
            if (!*optarg || *end || top < 0)
                return lia_usage_error("rank", "--top wants a number >= 0, not '%s'", optarg);
            break;
        }
        case 'f':
            if (strcmp(optarg, "table") == 0)
                format = FMT_TABLE;
            else if (strcmp(optarg, "tsv") == 0)
                format = FMT_TSV;
            else if (strcmp(optarg, "json") == 0)
                format = FMT_JSON;
            else
                return lia_usage_error("rank", "unknown format '%s' (table, tsv or json)",
                                       optarg);
            break;
        case 'h':
            fputs(lia_usage_rank, stdout);
            return LIA_EXIT_OK;
        case ':':
            return lia_usage_error("rank", "option '%s' needs a value", argv[optind - 1]);
        default:
            return lia_usage_error("rank", "unknown option '%s'", argv[optind - 1]);
        }
    }
    int m = lia_measure_from_name(measure_name);
    if (m < 0)
        return lia_usage_error("rank", "unknown measure '%s'", measure_name);
    if (type && !lia_is_actor_type(type))
        return lia_usage_error("rank", "--type wants person, agency, country or organization, "
                               "not '%s'", type);
    if (optind >= argc)
        return lia_usage_error("rank", "no graph given");
    if (optind + 1 < argc)
        return lia_usage_error("rank", "one graph at a time ('%s' is extra)", argv[optind + 1]);
    const char *path = argv[optind];

    lia_diag d;
    lia_diag_init(&d);
    lia_graph *graph;
    igraph_t net;
    igraph_vector_int_t actors;
    igraph_vector_t values;
    lia_status st = lia_graph_load(path, &graph, &d);
    if (st != LIA_OK) {
        lia_print_warnings(&d, 0);
        lia_error("%s", d.message);
        lia_diag_release(&d);
        return LIA_EXIT_FAIL;
    }
    const igraph_t *kg = &graph->g;
    if (!igraph_cattribute_has_attr(kg, IGRAPH_ATTRIBUTE_VERTEX, "type"))
        lia_warning("'%s' has no 'type' node attribute: no actors to rank", path);
    st = lia_actor_network(kg, relation, &net, &actors, &d);
    if (st == LIA_OK) {
        igraph_vector_init(&values, 0);
        st = lia_centrality(&net, (lia_measure)m, &values, &d);
        if (st == LIA_OK) {
            size_t n = (size_t)igraph_vector_int_size(&actors), k = 0;
            row *rows = xmalloc((n ? n : 1) * sizeof *rows);
            for (size_t i = 0; i < n; i++) {
                igraph_integer_t v = VECTOR(actors)[i];
                const char *t = lia_vstr(kg, "type", v);
                if (type && strcmp(t, type) != 0)
                    continue;
                rows[k].vertex = v;
                rows[k].value = VECTOR(values)[i];
                rows[k].key = lia_vstr(kg, "key", v);
                rows[k].name = lia_vstr(kg, "name", v);
                rows[k].latin = lia_vstr(kg, "name_latin", v);
                rows[k].type = t;
                k++;
            }
            if (k > 1)
                qsort(rows, k, sizeof *rows, cmp_row);
            if (top > 0 && (size_t)top < k)
                k = (size_t)top;
            if (format == FMT_TABLE)
                print_table(rows, k, measure_name);
            else if (format == FMT_TSV)
                print_tsv(rows, k);
            else
                print_json(rows, k, measure_name);
            free(rows);
        }
        igraph_vector_destroy(&values);
        igraph_vector_int_destroy(&actors);
        igraph_destroy(&net);
    }
    lia_graph_free(graph);
    lia_print_warnings(&d, 0);
    if (st != LIA_OK) {
        lia_error("%s", d.message);
        lia_diag_release(&d);
        return LIA_EXIT_FAIL;
    }
    lia_diag_release(&d);
    return fflush(stdout) == 0 ? LIA_EXIT_OK : LIA_EXIT_FAIL;
}
