/* cmd_build.c — `liaison build`: the main job.  Reads the inputs, extracts
 * facts from every document on N threads, builds and analyses the graph,
 * writes GraphML, DOT and SVG (PNG on request) and prints the most central
 * actors.  Also the facts → outputs step and the helpers `merge` shares
 * (outputs.h). */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "facts.h"
#include "graph.h"
#include "normalize.h"
#include "outputs.h"
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
    LIA_INPUT_HELP
    "  -q, --quiet            no warnings, summary or progress line\n"
    "  -h, --help             show this help\n";

static int ensure_dir(const char *dir)
{
    struct stat sb;
    if (stat(dir, &sb) == 0)
        return S_ISDIR(sb.st_mode) ? 0 : ENOTDIR;
    return mkdir(dir, 0777) == 0 ? 0 : errno;
}

/* Actors by PageRank, highest first, ties by key. */
typedef struct {
    double pagerank;
    const char *key;
    igraph_integer_t v;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->pagerank != b->pagerank)
        return a->pagerank < b->pagerank ? 1 : -1;
    return strcmp(a->key, b->key);
}

static void print_top(const lia_graph *g, int top)
{
    const igraph_t *ig = &g->g;
    igraph_integer_t n = igraph_vcount(ig);
    if (top <= 0 || n == 0 || !igraph_cattribute_has_attr(ig, IGRAPH_ATTRIBUTE_VERTEX, "pagerank"))
        return;
    ranked *rows = xmalloc((size_t)n * sizeof *rows);
    size_t m = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *t = VAS(ig, "type", v);
        if (strcmp(t, "person") == 0 || strcmp(t, "agency") == 0 || strcmp(t, "country") == 0
            || strcmp(t, "organization") == 0)
            rows[m++] = (ranked){ VAN(ig, "pagerank", v), VAS(ig, "key", v), v };
    }
    qsort(rows, m, sizeof *rows, cmp_ranked);
    size_t shown = m < (size_t)top ? m : (size_t)top;
    int wk = 0, wt = 0;
    for (size_t i = 0; i < shown; i++) {
        int k = lia_text_width(rows[i].key), t = lia_text_width(VAS(ig, "type", rows[i].v));
        wk = k > wk ? k : wk;
        wt = t > wt ? t : wt;
    }
    printf("most central actors (PageRank on the actor network):\n");
    for (size_t i = 0; i < shown; i++) {
        printf("  %2d. ", (int)i + 1);
        lia_put_padded(rows[i].key, wk + 1);
        lia_put_padded(VAS(ig, "type", rows[i].v), wt + 1);
        printf("%.4f  \u2068", rows[i].pagerank);
        lia_put_flat(VAS(ig, "name", rows[i].v));
        printf("\u2069\n");
    }
    free(rows);
}

int lia_check_stream_inputs(const char *cmd, const char *what, int argc, char **argv, int first)
{
    if (first >= argc)
        return lia_usage_error(cmd, "no %s given (- reads %s from stdin)", what,
                               strcmp(what, "INPUT") == 0 ? "JSON Lines" : "them");
    int stdin_uses = 0;
    for (int i = first; i < argc; i++)
        stdin_uses += strcmp(argv[i], "-") == 0;
    if (stdin_uses > 1)
        return lia_usage_error(cmd, "'-' given more than once");
    return 0;
}

/* ---- shared with merge (outputs.h) ------------------------------------- */

int lia_write_outputs(lia_facts *facts, const char *summary, const lia_output_options *o,
                      lia_diag *d)
{
    int rc = LIA_EXIT_FAIL;
    lia_graph *graph = NULL;
    char *graphml = NULL, *dot = NULL, *svg_path = NULL, *png_path = NULL;
    lia_facts_sort(facts);
    if (lia_graph_build(facts, &graph, d) != LIA_OK) {
        lia_error("%s", d->message);
        goto done;
    }
    int err = ensure_dir(o->out_dir);
    if (err) {
        lia_error("cannot create output directory '%s': %s", o->out_dir, strerror(err));
        goto done;
    }
    graphml = xasprintf("%s/graph.graphml", o->out_dir);
    dot = xasprintf("%s/graph.dot", o->out_dir);
    svg_path = o->svg ? xasprintf("%s/graph.svg", o->out_dir) : NULL;
    png_path = o->png ? xasprintf("%s/graph.png", o->out_dir) : NULL;
    if (lia_export_graphml(graph, graphml, d) != LIA_OK) {
        lia_error("%s", d->message);
        goto done;
    }
    lia_dot_options dopt = { o->size_by, o->cluster_country, 0 };
    if (lia_export_dot(graph, &dopt, dot, svg_path, png_path, d) != LIA_OK) {
        lia_error("%s", d->message);
        goto done;
    }
    if (!o->quiet) {
        if (summary)
            printf("%s\n", summary);
        printf("wrote %s, %s%s%s%s%s\n", graphml, dot, svg_path ? ", " : "",
               svg_path ? svg_path : "", png_path ? ", " : "", png_path ? png_path : "");
        print_top(graph, o->top);
    }
    rc = LIA_EXIT_OK;
done:
    free(graphml);
    free(dot);
    free(svg_path);
    free(png_path);
    lia_graph_free(graph);
    return rc;
}

int lia_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

int lia_parse_threads(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    return (*s && !*end && n >= 1 && n <= 1024) ? (int)n : 0;
}

int lia_parse_bytes(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (end == s || errno || *s == '-')
        return -1;
    unsigned long long mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1ULL << 10;
    else if (*end == 'M' || *end == 'm')
        mul = 1ULL << 20;
    else if (*end == 'G' || *end == 'g')
        mul = 1ULL << 30;
    if (mul != 1)
        end++;
    if (*end || n > (unsigned long long)SIZE_MAX / mul)
        return -1;
    *out = (size_t)(n * mul);
    return 0;
}

int lia_input_option(const char *cmd, int opt, const char *arg, lia_input_options *in)
{
    switch (opt) {
    case LIA_OPT_RULES: in->rules_dir = arg; return 1;
    case LIA_OPT_DOC_DATE:
        if (!lia_is_iso_date(arg)) {
            lia_usage_error(cmd, "--doc-date wants YYYY-MM-DD, not '%s'", arg);
            return -1;
        }
        in->doc_date = arg;
        return 1;
    case 'j':
        if (!(in->xo.threads = lia_parse_threads(arg))) {
            lia_usage_error(cmd, "-j wants a number from 1 to 1024, not '%s'", arg);
            return -1;
        }
        return 1;
    case LIA_OPT_MAX_DOC:
        if (lia_parse_bytes(arg, &in->xo.max_doc_bytes) != 0) {
            lia_usage_error(cmd, "--max-doc-bytes wants a size such as 4M, not '%s'", arg);
            return -1;
        }
        return 1;
    case LIA_OPT_BAD_INPUT:
        if ((in->bad_input = lia_parse_bad_input(arg)) < 0) {
            lia_usage_error(cmd, "--on-bad-input takes skip, replace or fail, not '%s'", arg);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

int lia_input_finish(lia_input_options *in)
{
    if (!in->rules_dir)
        in->rules_dir = lia_rules_default_dir(lia_argv0);
    if (!in->rules_dir) {
        lia_error("cannot find the rules directory; give it with --rules DIR or $LIAISON_RULES");
        return 0;
    }
    if (!in->xo.threads)
        in->xo.threads = lia_default_threads();
    return 1;
}

lia_status lia_load_rules_for(const lia_input_options *in, lia_rules **out, lia_diag *d)
{
    if (in->xo.threads > 1)
        lia_transliterate_prepare_in_background();
    return lia_rules_load(in->rules_dir, out, d);
}

int lia_output_option(const char *cmd, int opt, const char *arg, lia_output_options *o)
{
    switch (opt) {
    case LIA_OPT_PNG: o->png = 1; return 1;
    case LIA_OPT_NO_SVG: o->svg = 0; return 1;
    case LIA_OPT_SIZE_BY: o->size_by = arg; return 1;
    case LIA_OPT_CLUSTER:
        if (strcmp(arg, "country") != 0) {
            lia_usage_error(cmd, "--cluster takes 'country', not '%s'", arg);
            return -1;
        }
        o->cluster_country = 1;
        return 1;
    case LIA_OPT_TOP: {
        char *end;
        long n = strtol(arg, &end, 10);
        if (*end || n < 0 || end == arg) {
            lia_usage_error(cmd, "--top wants a number, not '%s'", arg);
            return -1;
        }
        o->top = (int)n;
        return 1;
    }
    default:
        return 0;
    }
}

int lia_parse_bad_input(const char *s)
{
    if (strcmp(s, "skip") == 0)
        return LIA_BAD_INPUT_SKIP;
    if (strcmp(s, "replace") == 0)
        return LIA_BAD_INPUT_REPLACE;
    if (strcmp(s, "fail") == 0)
        return LIA_BAD_INPUT_FAIL;
    return -1;
}

void lia_apply_bad_input(lia_corpus *c, int mode)
{
    lia_corpus_set_bad_input(c, mode);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void lia_progress_start(lia_progress *p, size_t total_bytes, int quiet)
{
    memset(p, 0, sizeof *p);
    p->on = !quiet && isatty(STDERR_FILENO);
    p->start = p->last = now_seconds();
    p->total_bytes = total_bytes;
}

void lia_progress_doc(lia_progress *p, size_t bytes)
{
    p->docs++;
    p->bytes += bytes;
    if (!p->on)
        return;
    double t = now_seconds();
    if (t - p->last < 0.2)
        return;
    p->last = t;
    double el = t - p->start, mb = (double)p->bytes / 1e6, rate = el > 0 ? mb / el : 0;
    fprintf(stderr, "\r\033[K%zu documents, %.1f MB, %.1f MB/s, %.0fs elapsed", p->docs, mb,
            rate, el);
    if (p->total_bytes && rate > 0 && p->bytes <= p->total_bytes)
        fprintf(stderr, ", ETA %.0fs", ((double)(p->total_bytes - p->bytes) / 1e6) / rate);
    fflush(stderr);
}

void lia_progress_end(lia_progress *p)
{
    if (p->on && p->last > p->start)
        fputs("\r\033[K", stderr);
    p->on = 0;
}

/* ---- build ------------------------------------------------------------- */

typedef struct {
    lia_facts *facts;
    lia_progress *progress;
} build_ctx;

static lia_status build_doc(void *ctx, const lia_doc *doc, lia_facts *facts, lia_diag *d)
{
    (void)d;
    build_ctx *b = ctx;
    lia_facts_merge(b->facts, facts);
    lia_progress_doc(b->progress, doc->len);
    return LIA_OK;
}

int cmd_build(int argc, char **argv)
{
    if (lia_wants_help("build", argc, argv))
        return LIA_EXIT_OK;
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        LIA_INPUT_LONGOPTS,
        LIA_OUTPUT_LONGOPTS,
        { "quiet", no_argument, NULL, 'q' },
        { NULL, 0, NULL, 0 },
    };
    lia_output_options oo = { "output", "pagerank", 0, 1, 0, 10, 0 };
    lia_input_options in = LIA_INPUT_OPTIONS_INIT;
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:qj:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': oo.out_dir = optarg; break;
        case 'q': oo.quiet = 1; break;
        case ':':
            return lia_usage_error("build", "option '%s' needs a value", argv[optind - 1]);
        default: {
            int r = lia_input_option("build", opt, optarg, &in);
            if (!r)
                r = lia_output_option("build", opt, optarg, &oo);
            if (r < 0)
                return LIA_EXIT_USAGE;
            if (!r)
                return lia_usage_error("build", "unknown option '%s'", argv[optind - 1]);
            break;
        }
        }
    }
    if (optind >= argc)
        return lia_usage_error("build", "no INPUT given");
    if (!lia_input_finish(&in))
        return LIA_EXIT_FAIL;

    int rc = LIA_EXIT_FAIL;
    lia_diag d;
    lia_diag_init(&d);
    lia_rules *rules = NULL;
    lia_corpus *corpus = lia_corpus_new();
    lia_facts *facts = lia_facts_new();
    char *summary = NULL;
    if (in.bad_input >= 0)
        lia_apply_bad_input(corpus, in.bad_input);

    if (lia_load_rules_for(&in, &rules, &d) != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    for (int i = optind; i < argc; i++) {
        if (lia_corpus_add_path(corpus, argv[i], in.doc_date, &d) != LIA_OK) {
            lia_error("%s", d.message);
            goto done;
        }
    }
    lia_corpus_sort(corpus);
    size_t n_docs = lia_corpus_count(corpus), total = 0;
    if (n_docs == 0) {
        lia_error("no documents in the inputs");
        goto done;
    }
    for (size_t i = 0; i < n_docs; i++)
        total += lia_corpus_doc(corpus, i)->len;
    lia_progress progress;
    lia_progress_start(&progress, total, oo.quiet);
    build_ctx bc = { facts, &progress };
    lia_status st = lia_extract_each(rules, corpus, &in.xo, build_doc, &bc, &d);
    lia_progress_end(&progress);
    if (st != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    summary = xasprintf("read %zu document%s: %zu entities, %zu relations", n_docs,
                        n_docs == 1 ? "" : "s", facts->entities.n, facts->relations.n);
    rc = lia_write_outputs(facts, summary, &oo, &d);
done:
    lia_print_warnings(&d, oo.quiet);
    free(summary);
    lia_facts_free(facts);
    lia_corpus_free(corpus);
    lia_rules_free(rules);
    lia_diag_release(&d);
    return rc;
}
