/* cmd_extract.c — `liaison extract` (map: documents → facts as JSON Lines on
 * stdout, one document at a time, in memory that does not grow with the
 * input) and `liaison merge` (reduce: fact files → the graph and its
 * outputs, the same bytes as one `build` over all the documents). */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "facts.h"
#include "normalize.h"
#include "outputs.h"
#include "util.h"

const char lia_usage_extract[] =
    "usage: liaison extract [options] INPUT...\n"
    "\n"
    "Reads Arabic news and writes what it finds as JSON Lines on stdout, document by\n"
    "document in input order: {\"kind\":\"entity\",...} and {\"kind\":\"relation\",...}\n"
    "lines with the document id, date, place, evidence sentence and rule.  INPUT is a\n"
    ".txt file, a directory of .txt and .jsonl files, a .jsonl file ({\"id\", \"date\",\n"
    "\"text\"} per line), or - for JSON Lines on stdin.  Memory does not grow with the\n"
    "input.  `liaison merge` turns the output of one or many runs into the graph.\n"
    "\n"
    "options:\n"
    "      --rules DIR        rules directory (default: $LIAISON_RULES, else the rules\n"
    "                         installed with liaison or beside the build)\n"
    "      --doc-date DATE    publication date (YYYY-MM-DD) of documents that have none\n"
    LIA_INPUT_HELP
    "  -q, --quiet            no warnings or progress line\n"
    "  -h, --help             show this help\n";

const char lia_usage_merge[] =
    "usage: liaison merge [options] FACTS...\n"
    "\n"
    "Reads fact files written by `liaison extract` (- for stdin), in any order and any\n"
    "split, and writes DIR/graph.graphml, DIR/graph.dot and DIR/graph.svg: the same\n"
    "bytes as one `liaison build` over all the documents.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR       where to write (default: output)\n"
    "      --png              also render DIR/graph.png\n"
    "      --no-svg           do not render the SVG\n"
    "      --size-by MEASURE  centrality that sizes the nodes of the picture (default pagerank)\n"
    "      --cluster country  group the picture's nodes by country\n"
    "      --top N            how many central actors to print (default 10, 0 for none)\n"
    "  -q, --quiet            no warnings or summary\n"
    "  -h, --help             show this help\n";

/* ---- extract ------------------------------------------------------------ */

/* JSON Lines input is cut into batches of whole lines of about this size;
 * one batch (three with threads: two fed to the stream while the next is
 * parsed) and the documents in flight are in memory at a time.  Small, so
 * that the threads start early and the memory is reused rather than newly
 * faulted in (a page fault costs microseconds on a virtual machine). */
enum { BATCH_BYTES = 1 << 20 };

typedef struct {
    const lia_input_options *in;
    lia_rules *rules;          /* NULL until load_rules; owned by cmd_extract */
    const char *doc_date;
    lia_extract_options xo;
    int bad_input, quiet;
    FILE *out;
    lia_progress progress;
    lia_diag *d;
    size_t docs;
} extract_run;

/* Loads the rules unless they are loaded: a first JSON Lines input on
 * threads starts its reader before (the reader needs no rules). */
static lia_status load_rules(extract_run *x)
{
    return x->rules ? LIA_OK : lia_load_rules_for(x->in, &x->rules, x->d);
}

/* The facts arrive sorted and written as JSON Lines by the worker thread. */
static lia_status write_doc(void *ctx, const lia_doc *doc, const char *jsonl, size_t len,
                            lia_diag *d)
{
    extract_run *x = ctx;
    (void)d;
    if (len)
        fwrite(jsonl, 1, len, x->out);
    lia_progress_doc(&x->progress, doc->len);
    x->docs++;
    return LIA_OK;
}

/* Prints d's warnings now (so that a long stream reports as it goes),
 * writing `from` as `to` in them, and forgets them. */
static void flush_warnings(extract_run *x, const char *from, const char *to)
{
    lia_diag *d = x->d;
    if (!d->warnings)
        return;
    if (!x->quiet) {
        lia_progress_end(&x->progress);
        size_t nf = from ? strlen(from) : 0;
        for (const char *p = d->warnings; *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            strbuf line;
            sb_init(&line);
            for (size_t i = 0; i < n; i++) {
                if (nf && i + nf <= n && memcmp(p + i, from, nf) == 0) {
                    sb_adds(&line, to);
                    i += nf - 1;
                } else {
                    sb_addc(&line, p[i]);
                }
            }
            lia_warning("%s", line.s ? line.s : "");
            sb_release(&line);
            p += n + (nl ? 1 : 0);
        }
        x->progress.on = !x->quiet && isatty(STDERR_FILENO);
    }
    free(d->warnings);
    d->warnings = NULL;
    d->n_warnings = 0;
    d->warnings_len = d->warnings_cap = 0;   /* else the next warning lands past the start */
}

/* Extracts every document of corpus c to the output, in order. */
static lia_status run_corpus(extract_run *x, lia_corpus *c)
{
    lia_status st = load_rules(x);
    if (st != LIA_OK)
        return st;
    st = lia_extract_each_jsonl(x->rules, c, &x->xo, write_doc, x, x->d);
    if (ferror(x->out))
        return lia_fail(x->d, LIA_ERR_IO, "cannot write the facts: %s", strerror(errno));
    return st;
}

/* ---- JSON Lines, batch by batch ---------------------------------------- */

/* A batch of whole JSON Lines, parsed into a corpus, with what reading and
 * parsing it said. */
typedef struct {
    lia_corpus *corpus;
    lia_diag diag;
    lia_status status;
} parsed_batch;

/* Takes a batch over (its corpus and diag); LIA_OK to go on reading. */
typedef lia_status (*batch_fn)(void *ctx, parsed_batch *b);

static void batch_begin(const extract_run *x, parsed_batch *b)
{
    b->corpus = lia_corpus_new();
    lia_apply_bad_input(b->corpus, x->bad_input);
    lia_diag_init(&b->diag);
    b->status = LIA_OK;
}

/* Reads the JSON Lines of fp (called name; "-" is stdin) and hands each
 * batch of about BATCH_BYTES, parsed, to fn.  A line far longer than the
 * document size limit is skipped unread, with a warning naming its line.
 * Touches nothing of x but its settings: it may run on a thread of its own. */
static lia_status read_batches(const extract_run *x, FILE *fp, const char *name, batch_fn fn,
                               void *ctx)
{
    const char *shown = strcmp(name, "-") == 0 ? "stdin.jsonl" : name;
    size_t max_line = x->xo.max_doc_bytes ? 3 * x->xo.max_doc_bytes + 65536 : 0;
    char buf[1 << 16];
    strbuf text;             /* the batch, whole lines; each is handed to its corpus */
    sb_init(&text);
    sb_reserve(&text, BATCH_BYTES + sizeof buf);
    parsed_batch b;
    batch_begin(x, &b);
    lia_jsonl_tally tally = { 0 };   /* of the whole input: warnings do not depend on batches */
    long line = 0, batch_first = 1;
    size_t line_start = 0;   /* offset in text of the line being read */
    int skipping = 0, eof = 0;
    lia_status st = LIA_OK;
    while (st == LIA_OK && !eof) {
        size_t n = fread(buf, 1, sizeof buf, fp);
        if (n == 0) {
            eof = 1;
            if (ferror(fp)) {
                /* The failure ends the run; this batch is not extracted. */
                b.status = lia_fail(&b.diag, LIA_ERR_IO, "cannot read '%s': %s", name,
                                    strerror(errno));
                break;
            }
            if (text.len > line_start || skipping)
                line++;          /* a last line without newline */
        }
        for (size_t i = 0; i < n; i++) {
            const char *nl = memchr(buf + i, '\n', n - i);
            size_t k = nl ? (size_t)(nl - buf) : n;
            if (!skipping)
                sb_add(&text, buf + i, k - i);
            if (!skipping && max_line && text.len - line_start > max_line) {
                lia_warn(&b.diag, "%s:%ld: line longer than %zu bytes, over the document size "
                         "limit; skipped", shown, line + 1, max_line);
                text.len = line_start;
                text.s[text.len] = '\0';
                skipping = 1;
            }
            if (!nl)
                break;
            line++;
            skipping = 0;           /* a skipped line stays as a blank one: numbers hold */
            sb_addc(&text, '\n');
            line_start = text.len;
            i = k;
            if (text.len >= BATCH_BYTES) {
                /* The corpus takes the text over: its documents point into it. */
                size_t len = text.len;
                b.status = lia_corpus_take_jsonl_text(b.corpus, shown, sb_detach(&text), len,
                                                      batch_first, x->doc_date, &tally, &b.diag);
                st = fn(ctx, &b);
                batch_begin(x, &b);
                sb_init(&text);
                sb_reserve(&text, BATCH_BYTES + sizeof buf);
                line_start = 0;
                batch_first = line + 1;
                if (st != LIA_OK)
                    break;
            }
        }
    }
    if (st == LIA_OK) {
        if (b.status == LIA_OK && text.len > 0) {
            size_t len = text.len;
            b.status = lia_corpus_take_jsonl_text(b.corpus, shown, sb_detach(&text), len,
                                                  batch_first, x->doc_date, &tally, &b.diag);
        }
        if (b.status == LIA_OK)
            lia_jsonl_tally_end(&tally, shown, &b.diag);
        st = fn(ctx, &b);
    } else {
        lia_corpus_free(b.corpus);
        lia_diag_release(&b.diag);
    }
    sb_release(&text);
    return st;
}

/* Reports batch b's warnings, then extracts its documents; frees b. */
static lia_status run_batch(void *ctx, parsed_batch *b)
{
    extract_run *x = ctx;
    lia_diag_append_warnings(x->d, &b->diag);
    flush_warnings(x, NULL, NULL);
    lia_status st = b->status;
    if (st != LIA_OK)
        lia_fail(x->d, st, "%s", b->diag.message);
    else
        st = run_corpus(x, b->corpus);
    lia_corpus_free(b->corpus);
    lia_diag_release(&b->diag);
    flush_warnings(x, NULL, NULL);
    return st;
}

/* With extraction on threads, batches are read and parsed on a thread of
 * their own and fed to one extraction stream: the pool neither waits for a
 * batch to be parsed nor, at the end of one, for its last documents. */

/* Before a batch's documents: its reading's warnings, or its failure. */
static lia_status begin_batch(void *ctx, void *tag, lia_diag *d)
{
    extract_run *x = ctx;
    parsed_batch *b = tag;
    if (ferror(x->out))
        return lia_fail(d, LIA_ERR_IO, "cannot write the facts: %s", strerror(errno));
    lia_diag_append_warnings(d, &b->diag);
    flush_warnings(x, NULL, NULL);
    if (b->status != LIA_OK)
        return lia_fail(d, b->status, "%s", b->diag.message);
    return LIA_OK;
}

static void end_batch(void *ctx, void *tag)
{
    parsed_batch *b = tag;
    (void)ctx;
    lia_corpus_free(b->corpus);
    lia_diag_release(&b->diag);
    free(b);
}

/* The reader thread of one JSON Lines input.  It starts before the
 * extraction stream exists (the rules may still be loading) and parses its
 * first batch meanwhile; the caller then hands it the stream, or NULL:
 * without rules it stops, without threads it runs the batches itself. */
typedef struct {
    extract_run *x;            /* only its settings until the handoff */
    FILE *fp;
    const char *name;
    pthread_mutex_t lock;
    pthread_cond_t handed;
    int ready;                 /* stream and rules_status are set */
    lia_extract_stream *stream;
    lia_status rules_status;
    lia_status read_status;    /* of the batches it ran itself */
} feeder;

/* Feeds batch b (taken over) to the stream, once the caller has one. */
static lia_status feed_batch(void *ctx, parsed_batch *b)
{
    feeder *f = ctx;
    pthread_mutex_lock(&f->lock);
    while (!f->ready)
        pthread_cond_wait(&f->handed, &f->lock);
    pthread_mutex_unlock(&f->lock);
    if (f->rules_status != LIA_OK) {
        lia_corpus_free(b->corpus);
        lia_diag_release(&b->diag);
        return f->rules_status;
    }
    if (!f->stream)            /* no threads: the caller waits for this one */
        return run_batch(f->x, b);
    parsed_batch *kept = xmalloc(sizeof *kept);
    *kept = *b;
    return lia_extract_stream_put(f->stream, kept->corpus, kept);
}

static void *feeder_main(void *arg)
{
    feeder *f = arg;
    f->read_status = read_batches(f->x, f->fp, f->name, feed_batch, f);
    if (f->stream)
        lia_extract_stream_close(f->stream);
    return NULL;
}

static void hand_over(feeder *f, lia_extract_stream *stream, lia_status rules_status)
{
    pthread_mutex_lock(&f->lock);
    f->stream = stream;
    f->rules_status = rules_status;
    f->ready = 1;
    pthread_cond_signal(&f->handed);
    pthread_mutex_unlock(&f->lock);
}

static lia_status run_batches_overlapped(extract_run *x, FILE *fp, const char *name)
{
    feeder f = { .x = x, .fp = fp, .name = name };
    pthread_mutex_init(&f.lock, NULL);
    pthread_cond_init(&f.handed, NULL);
    pthread_t reader;
    int reading = pthread_create(&reader, NULL, feeder_main, &f) == 0;
    lia_status st = load_rules(x);
    lia_extract_stream *stream = NULL;
    if (st == LIA_OK && reading) {
        lia_stream_callbacks cb = { write_doc, begin_batch, end_batch, x };
        stream = lia_extract_stream_new(x->rules, &x->xo, &cb);
    }
    if (reading) {
        hand_over(&f, stream, st);
        if (stream)
            st = lia_extract_stream_run(stream, x->d);
        /* A failed run stops the stream: the reader's next feeding fails
         * and it stops reading. */
        pthread_join(reader, NULL);
        if (!stream && st == LIA_OK)
            st = f.read_status;
        lia_extract_stream_free(stream);
    } else if (st == LIA_OK) {
        st = read_batches(x, fp, name, run_batch, x);
    }
    pthread_cond_destroy(&f.handed);
    pthread_mutex_destroy(&f.lock);
    flush_warnings(x, NULL, NULL);
    if (st == LIA_OK && ferror(x->out))
        st = lia_fail(x->d, LIA_ERR_IO, "cannot write the facts: %s", strerror(errno));
    return st;
}

/* Streams a JSON Lines input (name "-" is stdin) batch by batch. */
static lia_status run_jsonl(extract_run *x, const char *name)
{
    FILE *fp = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (!fp) {
        int err = errno;
        lia_status st = load_rules(x);   /* a rules error is told first, as ever */
        return st != LIA_OK ? st
                            : lia_fail(x->d, LIA_ERR_IO, "cannot open '%s': %s", name, strerror(err));
    }
    /* On threads, a regular file is read while the rules load (a pipe might
     * keep a rules error waiting for its writer). */
    struct stat sb;
    int regular = fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode);
    lia_status st = regular && x->xo.threads > 1 ? LIA_OK : load_rules(x);
    if (st == LIA_OK)
        st = x->xo.threads > 1 ? run_batches_overlapped(x, fp, name)
                               : read_batches(x, fp, name, run_batch, x);
    if (fp != stdin)
        fclose(fp);
    return st;
}

static lia_status run_path(extract_run *x, const char *path);

/* A directory: its .txt and .jsonl files, sorted by name, one at a time. */
static lia_status run_dir(extract_run *x, const char *path)
{
    char **names;
    size_t n;
    lia_status st = lia_dir_inputs(path, &names, &n, x->d);
    for (size_t i = 0; i < n; i++) {
        if (st == LIA_OK)
            st = run_path(x, names[i]);
        free(names[i]);
    }
    free(names);
    return st;
}

static lia_status run_path(extract_run *x, const char *path)
{
    if (strcmp(path, "-") == 0 || lia_ends_with(path, ".jsonl"))
        return run_jsonl(x, path);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return lia_fail(x->d, LIA_ERR_IO, "cannot open '%s': %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return run_dir(x, path);
    if (x->xo.max_doc_bytes && S_ISREG(sb.st_mode) && (size_t)sb.st_size > x->xo.max_doc_bytes) {
        lia_warn(x->d, "document '%s' has %lld bytes, more than the limit of %zu; skipped", path,
                 (long long)sb.st_size, x->xo.max_doc_bytes);
        flush_warnings(x, NULL, NULL);
        return LIA_OK;
    }
    lia_corpus *c = lia_corpus_new();
    lia_apply_bad_input(c, x->bad_input);
    lia_status st = lia_corpus_add_path(c, path, x->doc_date, x->d);
    if (st == LIA_OK)
        st = run_corpus(x, c);
    lia_corpus_free(c);
    flush_warnings(x, NULL, NULL);
    return st;
}

int cmd_extract(int argc, char **argv)
{
    if (lia_wants_help("extract", argc, argv))
        return LIA_EXIT_OK;
    static const struct option longopts[] = {
        LIA_INPUT_LONGOPTS,
        { "quiet", no_argument, NULL, 'q' },
        { NULL, 0, NULL, 0 },
    };
    lia_input_options in = LIA_INPUT_OPTIONS_INIT;
    extract_run x = { .in = &in, .out = stdout };
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":qj:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'q': x.quiet = 1; break;
        case ':':
            return lia_usage_error("extract", "option '%s' needs a value", argv[optind - 1]);
        default: {
            int r = lia_input_option("extract", opt, optarg, &in);
            if (r < 0)
                return LIA_EXIT_USAGE;
            if (!r)
                return lia_usage_error("extract", "unknown option '%s'", argv[optind - 1]);
            break;
        }
        }
    }
    int bad = lia_check_stream_inputs("extract", "INPUT", argc, argv, optind);
    if (bad)
        return bad;
    if (!lia_input_finish(&in))
        return LIA_EXIT_FAIL;
    x.doc_date = in.doc_date;
    x.xo = in.xo;
    x.bad_input = in.bad_input < 0 ? LIA_BAD_INPUT_SKIP : in.bad_input;

    lia_diag d;
    lia_diag_init(&d);
    x.d = &d;
    int rc = LIA_EXIT_FAIL;
    static char out_buf[1 << 20];
    setvbuf(stdout, out_buf, _IOFBF, sizeof out_buf);
    /* The total size for the ETA, unknown when stdin is read. */
    size_t total = 0;
    for (int i = optind; i < argc; i++) {
        struct stat sb;
        if (strcmp(argv[i], "-") == 0) {
            total = 0;
            break;
        }
        if (stat(argv[i], &sb) == 0 && S_ISREG(sb.st_mode))
            total += (size_t)sb.st_size;
    }
    /* ICU's transliterators open on a thread of their own while the rules
     * load (lia_load_rules_for does it on threads); one thread over a short
     * input, which may never transliterate, would only share the processor
     * with it. */
    if (total == 0 || total >= BATCH_BYTES)
        lia_transliterate_prepare_in_background();
    /* On threads, a first JSON Lines input is read while the rules load. */
    const char *first = argv[optind];
    if (!(x.xo.threads > 1 && (strcmp(first, "-") == 0 || lia_ends_with(first, ".jsonl")))
        && load_rules(&x) != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    lia_progress_start(&x.progress, total, x.quiet);
    lia_status st = LIA_OK;
    for (int i = optind; i < argc && st == LIA_OK; i++)
        st = run_path(&x, argv[i]);
    lia_progress_end(&x.progress);
    if (fflush(stdout) != 0 && st == LIA_OK)
        st = lia_fail(&d, LIA_ERR_IO, "cannot write the facts: %s", strerror(errno));
    if (st != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    rc = LIA_EXIT_OK;
done:
    flush_warnings(&x, NULL, NULL);
    lia_rules_free(x.rules);
    lia_diag_release(&d);
    return rc;
}

/* ---- merge -------------------------------------------------------------- */

/* Reads all of stdin into a malloc'd buffer. */
static lia_status read_stdin(char **out, size_t *len, lia_diag *d)
{
    strbuf b;
    sb_init(&b);
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
        sb_add(&b, buf, n);
    if (ferror(stdin)) {
        sb_release(&b);
        return lia_fail(d, LIA_ERR_IO, "cannot read stdin: %s", strerror(errno));
    }
    *len = b.len;
    *out = b.s ? sb_detach(&b) : xstrdup("");
    return LIA_OK;
}

int cmd_merge(int argc, char **argv)
{
    if (lia_wants_help("merge", argc, argv))
        return LIA_EXIT_OK;
    static const struct option longopts[] = {
        { "output", required_argument, NULL, 'o' },
        LIA_OUTPUT_LONGOPTS,
        { "quiet", no_argument, NULL, 'q' },
        { NULL, 0, NULL, 0 },
    };
    lia_output_options oo = { "output", "pagerank", 0, 1, 0, 10, 0 };
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:q", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': oo.out_dir = optarg; break;
        case 'q': oo.quiet = 1; break;
        case ':':
            return lia_usage_error("merge", "option '%s' needs a value", argv[optind - 1]);
        default: {
            int r = lia_output_option("merge", opt, optarg, &oo);
            if (r < 0)
                return LIA_EXIT_USAGE;
            if (!r)
                return lia_usage_error("merge", "unknown option '%s'", argv[optind - 1]);
            break;
        }
        }
    }
    int bad = lia_check_stream_inputs("merge", "FACTS", argc, argv, optind);
    if (bad)
        return bad;

    int rc = LIA_EXIT_FAIL;
    lia_diag d;
    lia_diag_init(&d);
    lia_facts *facts = lia_facts_new();
    char *summary = NULL;
    for (int i = optind; i < argc; i++) {
        char *text;
        size_t len;
        int from_stdin = strcmp(argv[i], "-") == 0;
        lia_status st = from_stdin ? read_stdin(&text, &len, &d)
                                   : lia_read_file(argv[i], &text, &len, &d);
        if (st == LIA_OK) {
            st = lia_facts_read_jsonl(facts, text, len, from_stdin ? "stdin" : argv[i], &d);
            free(text);
        }
        if (st != LIA_OK) {
            lia_error("%s", d.message);
            goto done;
        }
    }
    {
        lia_map sources;
        lia_map_init(&sources);
        for (size_t i = 0; i < facts->relations.n; i++)
            lia_map_put(&sources, facts->relations.v[i]->source, facts);
        summary = xasprintf("read %d fact file%s: %zu entities, %zu relations from %zu document%s",
                            argc - optind, argc - optind == 1 ? "" : "s", facts->entities.n,
                            facts->relations.n, sources.n, sources.n == 1 ? "" : "s");
        lia_map_release(&sources);
    }
    rc = lia_write_outputs(facts, summary, &oo, &d);
done:
    lia_print_warnings(&d, oo.quiet);
    free(summary);
    lia_facts_free(facts);
    lia_diag_release(&d);
    return rc;
}
