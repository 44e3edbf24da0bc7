/* cmd_build.c — `liaison build`: the main job.  Reads the inputs, extracts
 * facts from every document, builds and analyses the graph, writes GraphML,
 * DOT and SVG (PNG on request) and prints the most central actors. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "facts.h"
#include "graph.h"
#include "util.h"

const char lia_usage_build[] =
    "usage: liaison build [options] INPUT...\n"
    "\n"
    "Reads Arabic news and writes the knowledge graph of who met whom, where and when.\n"
    "INPUT is a UTF-8 .txt file, a directory (its .txt and .jsonl files, sorted by name)\n"
    "or a .jsonl file with one document per line: {\"id\": ..., \"date\": \"YYYY-MM-DD\",\n"
    "\"text\": ...}.  Writes DIR/graph.graphml, DIR/graph.dot and DIR/graph.svg and prints\n"
    "the most central actors.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR       where to write (default: output)\n"
    "      --rules DIR        rules directory (default: $LIAISON_RULES, else the rules\n"
    "                         installed with liaison or beside the build)\n"
    "      --doc-date DATE    publication date (YYYY-MM-DD) of documents that have none;\n"
    "                         resolves relative dates and title-only mentions\n"
    "      --png              also render DIR/graph.png\n"
    "      --no-svg           do not render the SVG\n"
    "      --size-by MEASURE  centrality that sizes the nodes of the picture (default pagerank)\n"
    "      --cluster country  group the picture's nodes by country\n"
    "      --top N            how many central actors to print (default 10, 0 for none)\n"
    "  -q, --quiet            no warnings or summary\n"
    "  -h, --help             show this help\n";

static int ensure_dir(const char *dir)
{
    struct stat sb;
    if (stat(dir, &sb) == 0)
        return S_ISDIR(sb.st_mode) ? 0 : ENOTDIR;
    return mkdir(dir, 0777) == 0 ? 0 : errno;
}

static void print_top(const lia_graph *g, int top)
{
    const igraph_t *ig = &g->g;
    igraph_integer_t n = igraph_vcount(ig);
    if (top <= 0 || n == 0 || !igraph_cattribute_has_attr(ig, IGRAPH_ATTRIBUTE_VERTEX, "pagerank"))
        return;
    igraph_vector_int_t order;
    igraph_vector_int_init(&order, 0);
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *t = VAS(ig, "type", v);
        if (strcmp(t, "person") == 0 || strcmp(t, "agency") == 0 || strcmp(t, "country") == 0
            || strcmp(t, "organization") == 0)
            igraph_vector_int_push_back(&order, v);
    }
    /* Selection by value desc, key asc: n is small enough. */
    igraph_integer_t m = igraph_vector_int_size(&order);
    for (igraph_integer_t i = 0; i < m; i++)
        for (igraph_integer_t j = i + 1; j < m; j++) {
            igraph_integer_t a = VECTOR(order)[i], b = VECTOR(order)[j];
            double va = VAN(ig, "pagerank", a), vb = VAN(ig, "pagerank", b);
            if (vb > va || (vb == va && strcmp(VAS(ig, "key", b), VAS(ig, "key", a)) < 0)) {
                VECTOR(order)[i] = b;
                VECTOR(order)[j] = a;
            }
        }
    printf("most central actors (PageRank on the actor network):\n");
    for (igraph_integer_t i = 0; i < m && i < top; i++) {
        igraph_integer_t v = VECTOR(order)[i];
        printf("  %2d. %-28s %-13s %.4f  \u2068%s\u2069\n", (int)i + 1, VAS(ig, "key", v),
               VAS(ig, "type", v), VAN(ig, "pagerank", v), VAS(ig, "name", v));
    }
    igraph_vector_int_destroy(&order);
}

int cmd_build(int argc, char **argv)
{
    if (lia_wants_help("build", argc, argv))
        return LIA_EXIT_OK;
    enum { OPT_RULES = 256, OPT_DOC_DATE, OPT_PNG, OPT_NO_SVG, OPT_SIZE_BY, OPT_CLUSTER, OPT_TOP };
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        { "rules", required_argument, NULL, OPT_RULES },
        { "doc-date", required_argument, NULL, OPT_DOC_DATE },
        { "png", no_argument, NULL, OPT_PNG },
        { "no-svg", no_argument, NULL, OPT_NO_SVG },
        { "size-by", required_argument, NULL, OPT_SIZE_BY },
        { "cluster", required_argument, NULL, OPT_CLUSTER },
        { "top", required_argument, NULL, OPT_TOP },
        { "quiet", no_argument, NULL, 'q' },
        { NULL, 0, NULL, 0 },
    };
    const char *out_dir = "output", *rules_dir = NULL, *doc_date = NULL, *size_by = "pagerank";
    int png = 0, svg = 1, cluster = 0, top = 10, quiet = 0, opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "o:q", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': out_dir = optarg; break;
        case OPT_RULES: rules_dir = optarg; break;
        case OPT_DOC_DATE:
            if (!lia_is_iso_date(optarg))
                return lia_usage_error("build", "--doc-date wants YYYY-MM-DD, not '%s'", optarg);
            doc_date = optarg;
            break;
        case OPT_PNG: png = 1; break;
        case OPT_NO_SVG: svg = 0; break;
        case OPT_SIZE_BY: size_by = optarg; break;
        case OPT_CLUSTER:
            if (strcmp(optarg, "country") != 0)
                return lia_usage_error("build", "--cluster takes 'country', not '%s'", optarg);
            cluster = 1;
            break;
        case OPT_TOP: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 0)
                return lia_usage_error("build", "--top wants a number, not '%s'", optarg);
            top = (int)n;
            break;
        }
        case 'q': quiet = 1; break;
        default:
            return lia_usage_error("build", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return lia_usage_error("build", "no INPUT given");
    if (!rules_dir)
        rules_dir = lia_rules_default_dir(lia_argv0);
    if (!rules_dir) {
        lia_error("cannot find the rules directory; give it with --rules DIR or $LIAISON_RULES");
        return LIA_EXIT_FAIL;
    }

    int rc = LIA_EXIT_FAIL;
    lia_diag d;
    lia_diag_init(&d);
    lia_rules *rules = NULL;
    lia_corpus *corpus = lia_corpus_new();
    lia_facts *facts = lia_facts_new();
    lia_graph *graph = NULL;
    char *graphml = NULL, *dot = NULL, *svg_path = NULL, *png_path = NULL;

    if (lia_rules_load(rules_dir, &rules, &d) != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    for (int i = optind; i < argc; i++) {
        if (lia_corpus_add_path(corpus, argv[i], doc_date, &d) != LIA_OK) {
            lia_error("%s", d.message);
            goto done;
        }
    }
    lia_corpus_sort(corpus);
    if (lia_corpus_count(corpus) == 0) {
        lia_error("no documents in the inputs");
        goto done;
    }
    for (size_t i = 0; i < lia_corpus_count(corpus); i++) {
        const lia_doc *doc = lia_corpus_doc(corpus, i);
        if (lia_extract_doc(rules, doc, facts, &d) != LIA_OK) {
            lia_error("'%s': %s", doc->id, d.message);
            goto done;
        }
    }
    lia_facts_sort(facts);
    if (lia_graph_build(facts, &graph, &d) != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    int err = ensure_dir(out_dir);
    if (err) {
        lia_error("cannot create output directory '%s': %s", out_dir, strerror(err));
        goto done;
    }
    graphml = xasprintf("%s/graph.graphml", out_dir);
    dot = xasprintf("%s/graph.dot", out_dir);
    svg_path = svg ? xasprintf("%s/graph.svg", out_dir) : NULL;
    png_path = png ? xasprintf("%s/graph.png", out_dir) : NULL;
    if (lia_export_graphml(graph, graphml, &d) != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    lia_dot_options dopt = { size_by, cluster };
    if (lia_export_dot(graph, &dopt, dot, svg_path, png_path, &d) != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    if (!quiet) {
        printf("read %zu document%s: %zu entities, %zu relations\n", lia_corpus_count(corpus),
               lia_corpus_count(corpus) == 1 ? "" : "s", facts->entities.n, facts->relations.n);
        printf("wrote %s, %s%s%s%s%s\n", graphml, dot, svg_path ? ", " : "",
               svg_path ? svg_path : "", png_path ? ", " : "", png_path ? png_path : "");
        print_top(graph, top);
    }
    rc = LIA_EXIT_OK;
done:
    lia_print_warnings(&d, quiet);
    free(graphml);
    free(dot);
    free(svg_path);
    free(png_path);
    lia_graph_free(graph);
    lia_facts_free(facts);
    lia_corpus_free(corpus);
    lia_rules_free(rules);
    lia_diag_release(&d);
    return rc;
}
