/* pipeline.c — documents through the extraction stages, in order:
 * normalize → tokenize → match → resolve, one document at a time or a whole
 * corpus on a pool of threads.  Owns nothing beyond the call: every
 * per-document structure is released before it returns. */
#include <pthread.h>

#include "facts.h"
#include "liaison.h"
#include "match.h"
#include "normalize.h"
#include "resolve.h"
#include "tokenize.h"
#include "util.h"

/* Extracts doc into a fresh facts *out (caller frees). */
static lia_status extract_fresh(const lia_rules *r, const lia_doc *doc, lia_facts **out,
                                lia_diag *d)
{
    *out = NULL;
    lia_normtext nt;
    lia_status st = lia_normalize(doc->text, doc->len, &nt, d);
    if (st != LIA_OK)
        return st;
    lia_tokens toks;
    st = lia_tokenize(&nt, &toks, d);
    if (st != LIA_OK) {
        lia_normtext_release(&nt);
        return st;
    }
    lia_facts *f = lia_facts_new();
    lia_matches m;
    lia_match(r, &toks, doc->text, doc->date, &m);
    lia_resolve(r, doc, &toks, &m, f);
    lia_matches_release(&m);
    lia_tokens_release(&toks);
    lia_normtext_release(&nt);
    *out = f;
    return LIA_OK;
}

/* The document is resolved against facts of its own only, then merged:
 * what a document yields never depends on the documents before it, which
 * is what makes sharded and threaded runs exact. */
lia_status lia_extract_doc(const lia_rules *r, const lia_doc *doc, lia_facts *f, lia_diag *d)
{
    lia_facts *own;
    lia_status st = extract_fresh(r, doc, &own, d);
    if (st != LIA_OK)
        return st;
    lia_facts_merge(f, own);
    lia_facts_free(own);
    return LIA_OK;
}

/* ---- a corpus on a pool of threads ---------------------------------------
 *
 * Workers take runs of consecutive documents (a chunk: up to CHUNK_DOCS
 * documents or CHUNK_BYTES of text) from a shared counter, so that the
 * threads meet once per chunk rather than once per document; on a virtual
 * machine every wake-up is an interrupt between cores.  They never run more
 * than a window of documents ahead of the one the caller's thread hands to
 * the callback next, so memory stays bounded however long the corpus.
 *
 * Each worker owns its results (facts, rendered text, warnings): it makes
 * them, and after the caller has delivered one it reuses and frees it
 * itself.  Memory allocated by one thread and freed by another goes back
 * through the other thread's allocator arena under its lock, which cost
 * two threads a third of their time. */

enum { CHUNK_DOCS = 32, CHUNK_BYTES = 64 << 10, CHUNKS_AHEAD_PER_THREAD = 3 };

typedef struct {
    lia_facts *facts;        /* NULL: skipped as too big */
    strbuf text;             /* the facts as JSON Lines, when the pool renders */
    lia_status status;
    lia_diag diag;
    int busy;                /* taken by its worker, not yet delivered */
} result;

typedef struct pool pool;

typedef struct {
    pool *p;
    pthread_t tid;
    result *results;         /* p->window of them: enough for any window */
} worker;

struct pool {
    const lia_rules *rules;
    const lia_corpus *corpus;
    const lia_extract_options *opt;
    int render;              /* render the facts as JSON Lines on the worker */
    size_t n_docs, window;
    result **ring;           /* document i's result at ring[i % window] once done */
    size_t *ring_doc;        /* which document ring[k] holds, or SIZE_MAX */
    size_t next_take;        /* next document a worker takes */
    size_t next_give;        /* next document the caller delivers */
    int stop;
    int workers_waiting;
    size_t caller_waits_for; /* document the caller waits on, or SIZE_MAX */
    pthread_mutex_t lock;
    pthread_cond_t room_cv;  /* room for a chunk in the window, or stop */
    pthread_cond_t done_cv;  /* a chunk is done */
};

static int too_big(const lia_extract_options *o, const lia_doc *doc)
{
    return o->max_doc_bytes && doc->len > o->max_doc_bytes;
}

/* Runs document i into res, which its thread made or reused (no lock held). */
static void run_one(pool *p, result *res, size_t i)
{
    const lia_doc *doc = lia_corpus_doc(p->corpus, i);
    lia_facts_free(res->facts);
    res->facts = NULL;
    sb_clear(&res->text);
    res->status = LIA_OK;
    if (too_big(p->opt, doc))
        return;
    res->status = extract_fresh(p->rules, doc, &res->facts, &res->diag);
    if (res->status == LIA_OK && p->render) {
        lia_facts_sort(res->facts);
        lia_facts_render_jsonl(res->facts, &res->text);
    }
}

static void result_release(result *res)
{
    lia_facts_free(res->facts);
    sb_release(&res->text);
    lia_diag_release(&res->diag);
}

/* How many documents the next chunk from document first holds: at least
 * one, and no more than room. (lock held) */
static size_t chunk_size(const pool *p, size_t first, size_t room)
{
    size_t n = 0, bytes = 0;
    while (n < room && n < CHUNK_DOCS && first + n < p->n_docs && (n == 0 || bytes < CHUNK_BYTES))
        bytes += lia_corpus_doc(p->corpus, first + n++)->len;
    return n;
}

/* Free room in the window for the workers to take. (lock held) */
static size_t window_room(const pool *p)
{
    return p->next_give + p->window - p->next_take;
}

/* A worker waits for room for a whole chunk (or for the last documents),
 * not for one document: fewer wake-ups. (lock held) */
static int worker_may_take(const pool *p)
{
    size_t left = p->n_docs - p->next_take;
    size_t need = left < CHUNK_DOCS ? left : CHUNK_DOCS;
    return window_room(p) >= need;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    pool *p = w->p;
    result *mine[CHUNK_DOCS];
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stop && p->next_take < p->n_docs && !worker_may_take(p)) {
            p->workers_waiting++;
            pthread_cond_wait(&p->room_cv, &p->lock);
            p->workers_waiting--;
        }
        if (p->stop || p->next_take >= p->n_docs)
            break;
        size_t first = p->next_take;
        size_t n = chunk_size(p, first, window_room(p));
        p->next_take += n;
        size_t k = 0;
        for (size_t r = 0; k < n; r++) /* window results: never runs out */
            if (!w->results[r].busy) {
                w->results[r].busy = 1;
                mine[k++] = &w->results[r];
            }
        pthread_mutex_unlock(&p->lock);
        for (k = 0; k < n; k++)
            run_one(p, mine[k], first + k);
        pthread_mutex_lock(&p->lock);
        for (k = 0; k < n; k++) {
            p->ring[(first + k) % p->window] = mine[k];
            p->ring_doc[(first + k) % p->window] = first + k;
        }
        if (p->caller_waits_for >= first && p->caller_waits_for < first + n)
            pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

typedef struct {
    lia_extract_fn facts_fn;
    lia_extract_jsonl_fn jsonl_fn;
    void *ctx;
} delivery;

/* Hands document i's result to the callback; returns the status to stop
 * with (LIA_OK to go on).  The result stays with its worker for reuse. */
static lia_status deliver(pool *p, result *res, size_t i, const delivery *to, lia_diag *d)
{
    const lia_doc *doc = lia_corpus_doc(p->corpus, i);
    lia_status st = res->status;
    /* Warnings keep document order whatever thread made them. */
    lia_diag_append_warnings(d, &res->diag);
    if (st != LIA_OK) {
        lia_fail(d, st, "'%s': %s", doc->id, res->diag.message);
    } else if (!res->facts) {
        lia_warn(d, "document '%s' has %zu bytes, more than the limit of %zu; skipped", doc->id,
                 doc->len, p->opt->max_doc_bytes);
    } else if (to->jsonl_fn) {
        st = to->jsonl_fn(to->ctx, doc, res->text.s ? res->text.s : "", res->text.len, d);
    } else if (to->facts_fn) {
        st = to->facts_fn(to->ctx, doc, res->facts, d);
    }
    lia_diag_release(&res->diag);
    lia_diag_init(&res->diag);
    return st;
}

/* The caller's side: delivers every document in order as its chunk
 * arrives.  (lock held on entry and exit) */
static lia_status deliver_all(pool *p, const delivery *to, lia_diag *d)
{
    lia_status st = LIA_OK;
    while (p->next_give < p->n_docs && st == LIA_OK) {
        size_t i = p->next_give, k = i % p->window;
        if (p->ring_doc[k] != i) {
            p->caller_waits_for = i;
            while (p->ring_doc[k] != i)
                pthread_cond_wait(&p->done_cv, &p->lock);
            p->caller_waits_for = SIZE_MAX;
        }
        result *res = p->ring[k];
        pthread_mutex_unlock(&p->lock);
        st = deliver(p, res, i, to, d);
        pthread_mutex_lock(&p->lock);
        res->busy = 0;
        p->ring_doc[k] = SIZE_MAX;
        p->next_give++;
        if (p->workers_waiting && worker_may_take(p))
            pthread_cond_signal(&p->room_cv);
    }
    return st;
}

static lia_status run_pool(const lia_rules *r, const lia_corpus *c, const lia_extract_options *o,
                           const delivery *to, lia_diag *d)
{
    static const lia_extract_options defaults = { 1, 0 };
    if (!o)
        o = &defaults;
    pool p = { .rules = r, .corpus = c, .opt = o, .render = to->jsonl_fn != NULL,
               .n_docs = lia_corpus_count(c), .caller_waits_for = SIZE_MAX };
    int threads = o->threads < 1 ? 1 : o->threads;
    if ((size_t)threads > p.n_docs)
        threads = p.n_docs ? (int)p.n_docs : 1;

    if (threads == 1) {
        result res = { 0 };
        sb_init(&res.text);
        lia_diag_init(&res.diag);
        lia_status st = LIA_OK;
        for (size_t i = 0; i < p.n_docs && st == LIA_OK; i++) {
            run_one(&p, &res, i);
            st = deliver(&p, &res, i, to, d);
        }
        result_release(&res);
        return st;
    }

    p.window = (size_t)threads * CHUNKS_AHEAD_PER_THREAD * CHUNK_DOCS;
    p.ring = xcalloc(p.window, sizeof *p.ring);
    p.ring_doc = xcalloc(p.window, sizeof *p.ring_doc);
    for (size_t k = 0; k < p.window; k++)
        p.ring_doc[k] = SIZE_MAX;
    worker *w = xcalloc((size_t)threads, sizeof *w);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.room_cv, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    int started = 0;
    for (; started < threads; started++) {
        w[started].p = &p;
        w[started].results = xcalloc(p.window, sizeof *w[started].results);
        for (size_t k = 0; k < p.window; k++) {
            sb_init(&w[started].results[k].text);
            lia_diag_init(&w[started].results[k].diag);
        }
        if (pthread_create(&w[started].tid, NULL, worker_main, &w[started]) != 0) {
            free(w[started].results);
            break;
        }
    }
    lia_status st = LIA_OK;
    if (started == 0) {
        st = lia_fail(d, LIA_ERR_NOMEM, "cannot start extraction threads");
    } else {
        pthread_mutex_lock(&p.lock);
        st = deliver_all(&p, to, d);
        p.stop = 1;
        pthread_cond_broadcast(&p.room_cv);
        pthread_mutex_unlock(&p.lock);
    }
    for (int t = 0; t < started; t++) {
        pthread_join(w[t].tid, NULL);
        for (size_t k = 0; k < p.window; k++)
            result_release(&w[t].results[k]);
        free(w[t].results);
    }
    free(w);
    pthread_cond_destroy(&p.done_cv);
    pthread_cond_destroy(&p.room_cv);
    pthread_mutex_destroy(&p.lock);
    free(p.ring_doc);
    free(p.ring);
    return st;
}

lia_status lia_extract_each(const lia_rules *r, const lia_corpus *c,
                            const lia_extract_options *o, lia_extract_fn fn, void *ctx,
                            lia_diag *d)
{
    delivery to = { .facts_fn = fn, .ctx = ctx };
    return run_pool(r, c, o, &to, d);
}

lia_status lia_extract_each_jsonl(const lia_rules *r, const lia_corpus *c,
                                  const lia_extract_options *o, lia_extract_jsonl_fn fn,
                                  void *ctx, lia_diag *d)
{
    delivery to = { .jsonl_fn = fn, .ctx = ctx };
    return run_pool(r, c, o, &to, d);
}

static lia_status merge_into(void *ctx, const lia_doc *doc, lia_facts *facts, lia_diag *d)
{
    (void)doc;
    (void)d;
    lia_facts_merge(ctx, facts);
    return LIA_OK;
}

lia_status lia_extract_corpus(const lia_rules *r, const lia_corpus *c, int threads,
                              lia_facts *out, lia_diag *d)
{
    lia_extract_options o = { threads, 0 };
    return lia_extract_each(r, c, &o, merge_into, out, d);
}
