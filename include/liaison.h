/* liaison.h — the public API of libliaison: Arabic news in, knowledge graph out.
 *
 * Ownership, once for the whole library: a function named *_new or *_load
 * returns an object the caller owns and releases with the matching *_free
 * (every *_free accepts NULL).  Getters return borrowed pointers that stay
 * valid until the owning object is freed.  The library never prints and
 * never exits: failures come back as a lia_status, with a human-readable
 * message in the lia_diag the caller passed in.
 */
#ifndef LIAISON_H
#define LIAISON_H

#include <stddef.h>
#include <stdio.h>

typedef enum {
    LIA_OK = 0,
    LIA_ERR_IO,        /* a file could not be read or written */
    LIA_ERR_INPUT,     /* input text or JSON Lines is malformed */
    LIA_ERR_RULES,     /* the rules directory has errors */
    LIA_ERR_GRAPH,     /* igraph or Graphviz reported a failure */
    LIA_ERR_NOMEM,
} lia_status;

/* A diagnostic: the message of the last failure, and warnings collected on
 * the way (one per line).  Lives on the caller's stack; lia_diag_release
 * frees what it holds. */
typedef struct {
    char message[1024];
    char *warnings;      /* malloc'd, NUL-terminated, may be NULL */
    size_t n_warnings;
    size_t warnings_len, warnings_cap;   /* bookkeeping of warnings */
} lia_diag;

void lia_diag_init(lia_diag *d);
void lia_diag_release(lia_diag *d);
lia_status lia_fail(lia_diag *d, lia_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void lia_warn(lia_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The rules: gazetteers, titles, triggers and relation patterns (rules/). */
typedef struct lia_rules lia_rules;
lia_status lia_rules_load(const char *dir, lia_rules **out, lia_diag *d);
void lia_rules_free(lia_rules *r);
/* Where the rules live when the user names none: $LIAISON_RULES, the rules
 * installed with the binary, or rules/ beside the source tree.  Returns a
 * static string or NULL when none exists. */
const char *lia_rules_default_dir(const char *argv0);

/* One input document.  text is UTF-8 and owned by the corpus. */
typedef struct {
    char *id;            /* file name for .txt inputs, the "id" field for JSON Lines */
    char *date;          /* YYYY-MM-DD or NULL */
    char *text;
    size_t len;
} lia_doc;

typedef struct lia_corpus lia_corpus;
lia_corpus *lia_corpus_new(void);
/* What the reader does with bytes that are not UTF-8 (reported with the file
 * or document id and the byte offset), NUL bytes and malformed JSON Lines:
 *  SKIP     drop invalid bytes, read NULs as spaces, skip bad lines; warn (default)
 *  REPLACE  as SKIP, but each invalid sequence becomes U+FFFD
 *  FAIL     lia_corpus_add_path fails with LIA_ERR_INPUT on the first of them */
enum { LIA_BAD_INPUT_SKIP = 0, LIA_BAD_INPUT_REPLACE = 1, LIA_BAD_INPUT_FAIL = 2 };
void lia_corpus_set_bad_input(lia_corpus *c, int mode);
/* Adds a .txt file, a directory (its .txt and .jsonl files, sorted by name;
 * not its subdirectories) or a .jsonl file.  default_date, when not NULL, is
 * the date of documents that have none.  Empty files are skipped with a
 * warning; on failure nothing of path is added. */
lia_status lia_corpus_add_path(lia_corpus *c, const char *path, const char *default_date,
                               lia_diag *d);
/* What has been read so far of one JSON Lines input given in parts
 * (zeroed before the first): its limits on warnings hold per input, however
 * it is cut. */
typedef struct {
    size_t bad_lines;        /* malformed lines skipped */
    size_t docs;             /* documents added */
} lia_jsonl_tally;
/* Adds the documents of JSON Lines text[0..len) (whole lines, read as
 * lia_corpus_add_path reads a .jsonl file), whose first line is line
 * first_line of the input called name: messages name name and that line,
 * a document without an id gets "BASENAME:LINE".  The first malformed lines
 * of the input (counted in *tally) are reported one by one; the rest are
 * counted by lia_jsonl_tally_end.  c takes text over (malloc'd; freed with
 * c): the documents' texts are decoded in place and point into it.  On
 * failure nothing of it is added. */
lia_status lia_corpus_take_jsonl_text(lia_corpus *c, const char *name, char *text, size_t len,
                                      long first_line, const char *default_date,
                                      lia_jsonl_tally *tally, lia_diag *d);
/* After the last part of input name: how many malformed lines were skipped
 * unreported, and a warning when it had no documents. */
void lia_jsonl_tally_end(const lia_jsonl_tally *tally, const char *name, lia_diag *d);
/* The .txt and .jsonl files of directory dir, as "dir/name" sorted by
 * name, into *paths (n of them; the caller frees each and the array);
 * fails when there are none. */
lia_status lia_dir_inputs(const char *dir, char ***paths, size_t *n, lia_diag *d);
/* Puts the documents in canonical order (by id, then content), so that the
 * same inputs given in any order give the same graph. */
void lia_corpus_sort(lia_corpus *c);
size_t lia_corpus_count(const lia_corpus *c);
const lia_doc *lia_corpus_doc(const lia_corpus *c, size_t i);
void lia_corpus_free(lia_corpus *c);

/* The facts read out of documents: entities and relations with provenance. */
typedef struct lia_facts lia_facts;
lia_facts *lia_facts_new(void);
void lia_facts_free(lia_facts *f);

/* Reads one document and adds what it says to facts.  What a document
 * yields does not depend on what f already holds, and merging is
 * order-independent, so any split of a corpus gives the same facts. */
lia_status lia_extract_doc(const lia_rules *r, const lia_doc *doc, lia_facts *f, lia_diag *d);

/* Extraction over a corpus on a pool of threads.  The rules are shared
 * read-only.  fn is called on the caller's thread once per document, in
 * corpus order whatever the number of threads, with that document's own
 * facts (borrowed: freed when fn returns); a status other than LIA_OK from
 * fn stops the run and is returned.  A document longer than max_doc_bytes
 * (0: no limit) is skipped with a warning naming it.  Warnings come in
 * document order. */
typedef struct {
    int threads;              /* < 1 means 1 */
    size_t max_doc_bytes;
} lia_extract_options;
typedef lia_status (*lia_extract_fn)(void *ctx, const lia_doc *doc, lia_facts *facts,
                                     lia_diag *d);
lia_status lia_extract_each(const lia_rules *r, const lia_corpus *c,
                            const lia_extract_options *o, lia_extract_fn fn, void *ctx,
                            lia_diag *d);
/* lia_extract_each with each document's facts sorted and written as JSON
 * Lines (the `liaison extract` format) on the worker's thread, so that the
 * writing runs in parallel too: fn gets the text (borrowed), in order. */
typedef lia_status (*lia_extract_jsonl_fn)(void *ctx, const lia_doc *doc, const char *jsonl,
                                           size_t len, lia_diag *d);
lia_status lia_extract_each_jsonl(const lia_rules *r, const lia_corpus *c,
                                  const lia_extract_options *o, lia_extract_jsonl_fn fn,
                                  void *ctx, lia_diag *d);
/* A stream of corpora, fed by one thread while the caller's thread
 * delivers, on a pool of threads that lives as long as the stream: its
 * threads go on to the next corpus while the last documents of one are
 * still being read, so a long input read batch by batch keeps them all
 * busy.  The callbacks run on the caller's thread, in feeding order:
 * begin before a corpus's first document (a status other than LIA_OK stops
 * the stream and is returned), doc once per document as in
 * lia_extract_each_jsonl, end when the stream is done with a corpus (also
 * when it is never delivered; end may then run on the feeding thread). */
typedef struct lia_extract_stream lia_extract_stream;
typedef struct {
    lia_extract_jsonl_fn doc;
    lia_status (*begin)(void *ctx, void *tag, lia_diag *d);
    void (*end)(void *ctx, void *tag);
    void *ctx;
} lia_stream_callbacks;
/* Starts o->threads threads; NULL when none can be started. */
lia_extract_stream *lia_extract_stream_new(const lia_rules *r, const lia_extract_options *o,
                                           const lia_stream_callbacks *cb);
/* Feeds corpus c (borrowed until end is called with tag), waiting while
 * two corpora wait for delivery.  Fails, and ends tag at once, when the
 * stream has stopped. */
lia_status lia_extract_stream_put(lia_extract_stream *s, const lia_corpus *c, void *tag);
/* No more corpora will be fed. */
void lia_extract_stream_close(lia_extract_stream *s);
/* Delivers every document until the feeding is closed and all is
 * delivered, or a callback fails. */
lia_status lia_extract_stream_run(lia_extract_stream *s, lia_diag *d);
/* Stops the threads and ends the corpora left undelivered. */
void lia_extract_stream_free(lia_extract_stream *s);

/* lia_extract_each merging every document into out. */
lia_status lia_extract_corpus(const lia_rules *r, const lia_corpus *c, int threads,
                              lia_facts *out, lia_diag *d);

/* The knowledge graph built from facts, with its centralities. */
typedef struct lia_graph lia_graph;
lia_status lia_graph_build(const lia_facts *f, lia_graph **out, lia_diag *d);
void lia_graph_free(lia_graph *g);

/* Exports.  Each writes to a temporary file beside path and renames it into
 * place, so a failure never leaves a truncated file. */
lia_status lia_export_graphml(const lia_graph *g, const char *path, lia_diag *d);

typedef struct {
    const char *size_by;   /* centrality that sizes nodes, e.g. "pagerank"; NULL for none */
    int cluster_country;   /* group nodes by country */
    int show_isolated;     /* also draw entities that have no relation */
} lia_dot_options;
lia_status lia_export_dot(const lia_graph *g, const lia_dot_options *o, const char *dot_path,
                          const char *svg_path, const char *png_path, lia_diag *d);

#endif
