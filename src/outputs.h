/* outputs.h — what `build` and `merge` share on the command-line side
 * (implemented in cmd_build.c): facts → graph → GraphML, DOT, SVG/PNG and
 * the summary; thread counts, size limits and the progress line.  Only
 * cmd_*.c include this. */
#ifndef LIA_OUTPUTS_H
#define LIA_OUTPUTS_H

#include <stddef.h>

#include "facts.h"

#define LIA_DEFAULT_MAX_DOC_BYTES ((size_t)4 << 20)

typedef struct {
    const char *out_dir;
    const char *size_by;   /* centrality that sizes the picture's nodes */
    int cluster_country;
    int svg, png;
    int top;               /* central actors to print; 0 for none */
    int quiet;
} lia_output_options;

/* getopt codes of the output options build and merge share. */
enum { LIA_OPT_PNG = 400, LIA_OPT_NO_SVG, LIA_OPT_SIZE_BY, LIA_OPT_CLUSTER, LIA_OPT_TOP };
#define LIA_OUTPUT_LONGOPTS \
    { "png", no_argument, NULL, LIA_OPT_PNG }, \
    { "no-svg", no_argument, NULL, LIA_OPT_NO_SVG }, \
    { "size-by", required_argument, NULL, LIA_OPT_SIZE_BY }, \
    { "cluster", required_argument, NULL, LIA_OPT_CLUSTER }, \
    { "top", required_argument, NULL, LIA_OPT_TOP }

/* Applies output option opt (with its argument) to o: 1 when it was one,
 * 0 when it is not an output option, -1 after a usage error (printed). */
int lia_output_option(const char *cmd, int opt, const char *arg, lia_output_options *o);

/* The input options build, extract and explain share: --rules,
 * --doc-date, -j/--jobs, --max-doc-bytes, --on-bad-input. */
typedef struct {
    const char *rules_dir, *doc_date;
    lia_extract_options xo;   /* threads (0: one per processor), size limit */
    int bad_input;            /* LIA_BAD_INPUT_*, or -1 when not given */
} lia_input_options;
#define LIA_INPUT_OPTIONS_INIT { NULL, NULL, { 0, LIA_DEFAULT_MAX_DOC_BYTES }, -1 }
enum { LIA_OPT_RULES = 420, LIA_OPT_DOC_DATE, LIA_OPT_MAX_DOC, LIA_OPT_BAD_INPUT };
#define LIA_INPUT_LONGOPTS \
    { "rules", required_argument, NULL, LIA_OPT_RULES }, \
    { "doc-date", required_argument, NULL, LIA_OPT_DOC_DATE }, \
    { "jobs", required_argument, NULL, 'j' }, \
    { "max-doc-bytes", required_argument, NULL, LIA_OPT_MAX_DOC }, \
    { "on-bad-input", required_argument, NULL, LIA_OPT_BAD_INPUT }

/* The help lines of the extraction options build and extract share. */
#define LIA_INPUT_HELP \
    "  -j, --jobs N           extraction threads (default: the number of processors);\n" \
    "                         the output is the same for every N\n" \
    "      --max-doc-bytes N  skip, with a warning, documents longer than N bytes\n" \
    "                         (K, M, G suffixes; default 4M; 0 for no limit)\n" \
    "      --on-bad-input=skip|replace|fail\n" \
    "                         invalid UTF-8: drop the bad bytes with a warning (skip,\n" \
    "                         the default), write U+FFFD (replace), or stop (fail)\n"

/* Applies input option opt to in: 1 when it was one, 0 when it is not an
 * input option, -1 after a usage error (printed). */
int lia_input_option(const char *cmd, int opt, const char *arg, lia_input_options *in);
/* Fills in the defaults (the rules directory, the thread count); prints an
 * error and returns 0 when no rules directory can be found. */
int lia_input_finish(lia_input_options *in);

/* lia_rules_load for a command that extracts on in->xo.threads threads:
 * with more than one, ICU's transliterators are opened meanwhile on a
 * thread of their own, off the run's path
 * (lia_transliterate_prepare_in_background). */
lia_status lia_load_rules_for(const lia_input_options *in, lia_rules **out, lia_diag *d);

/* Checks the inputs argv[first..argc) of a streaming command: at least
 * one (else "no <what> given (- reads them from stdin)"), and "-" at most
 * once.  Returns 0, or the usage exit code after the message. */
int lia_check_stream_inputs(const char *cmd, const char *what, int argc, char **argv, int first);

/* Sorts facts, builds and analyses the graph, writes DIR/graph.graphml,
 * DIR/graph.dot and the pictures asked for, and unless quiet prints
 * summary (one line, may be NULL), the files written and the most central
 * actors.  Prints errors itself; returns an exit code.  Warnings go to d. */
int lia_write_outputs(lia_facts *facts, const char *summary, const lia_output_options *o,
                      lia_diag *d);

/* The number of online processors (at least 1). */
int lia_default_threads(void);
/* Parses "-j N" (1..1024); returns 0 when s is not such a number. */
int lia_parse_threads(const char *s);
/* Parses a byte count with an optional K, M or G suffix (powers of 1024);
 * returns 0 on success. */
int lia_parse_bytes(const char *s, size_t *out);

/* A progress line on stderr, redrawn at most five times a second, only
 * when stderr is a terminal and quiet is off: documents, MB, MB/s, elapsed
 * and, when total_bytes is known (not 0), the ETA.  Erased by
 * lia_progress_end. */
typedef struct {
    int on;
    double start, last;
    size_t docs, bytes, total_bytes;
} lia_progress;
void lia_progress_start(lia_progress *p, size_t total_bytes, int quiet);
void lia_progress_doc(lia_progress *p, size_t bytes);
void lia_progress_end(lia_progress *p);

/* --on-bad-input=skip|replace|fail: returns the mode or -1 when unknown. */
int lia_parse_bad_input(const char *s);
/* Applies the mode to a corpus before inputs are added. */
void lia_apply_bad_input(lia_corpus *c, int mode);

#endif
