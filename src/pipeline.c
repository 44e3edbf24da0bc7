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

/* What a thread reuses from one document to the next, whatever corpus or
 * stream it comes from: the memory of the normalized text and of the
 * tokens (made afresh for each document, they were a third of the page
 * faults of a run).  Each thread owns its own, freed when it exits. */
typedef struct {
    lia_normalizer *nz;
    lia_tokenizer *tz;
} doc_scratch;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *arg)
{
    doc_scratch *s = arg;
    if (!s)
        return;
    lia_normalizer_free(s->nz);
    lia_tokenizer_free(s->tz);
    free(s);
}

static void scratch_key_init(void)
{
    pthread_key_create(&scratch_key, scratch_free);
}

/* This thread's scratch, made on first use. */
static doc_scratch *thread_scratch(void)
{
    pthread_once(&scratch_once, scratch_key_init);
    doc_scratch *s = pthread_getspecific(scratch_key);
    if (!s) {
        s = xmalloc(sizeof *s);
        s->nz = lia_normalizer_new();
        s->tz = lia_tokenizer_new();
        pthread_setspecific(scratch_key, s);
    }
    return s;
}

/* The facts of doc, fresh (caller frees).  Nothing in it can fail: the
 * normalizer and tokenizer take any bytes. */
static lia_facts *extract_fresh(const lia_rules *r, const lia_doc *doc)
{
    doc_scratch *scratch = thread_scratch();
    const lia_normtext *nt = lia_normalizer_run(scratch->nz, doc->text, doc->len);
    const lia_tokens *toks = lia_tokenizer_run(scratch->tz, nt);
    lia_facts *f = lia_facts_new();
    lia_matches m;
    lia_match(r, toks, doc->text, doc->date, &m);
    lia_resolve(r, doc, toks, &m, f);
    lia_matches_release(&m);
    return f;
}

/* The document is resolved against facts of its own only, then merged:
 * what a document yields never depends on the documents before it, which
 * is what makes sharded and threaded runs exact. */
lia_status lia_extract_doc(const lia_rules *r, const lia_doc *doc, lia_facts *f, lia_diag *d)
{
    (void)d;
    lia_facts *own = extract_fresh(r, doc);
    lia_facts_merge(f, own);
    lia_facts_free(own);
    return LIA_OK;
}

/* ---- a stream of corpora on a pool of threads ---------------------------
 *
 * The documents of the corpora fed to a stream are numbered in one
 * sequence, and the workers go on from one corpus to the next without
 * waiting for the last documents of the one before to be delivered: a long
 * input read batch by batch keeps every thread busy to its end, and the
 * threads (with their caches of words, facts and transliterators) live as
 * long as the stream, not one batch.
 *
 * Workers take runs of consecutive documents of one corpus (a chunk: up to
 * CHUNK_DOCS documents or CHUNK_BYTES of text) from a shared counter, so
 * that the threads meet once per chunk rather than once per document; on a
 * virtual machine every wake-up is an interrupt between cores.  They never
 * run more than a window of documents ahead of the one the caller's thread
 * hands to the callback next, and at most FEEDS_AHEAD corpora wait, so
 * memory stays bounded however long the stream.
 *
 * Each worker owns its results (facts, rendered text, warnings): it makes
 * them, and after the caller has delivered one it reuses and frees it
 * itself.  Memory allocated by one thread and freed by another goes back
 * through the other thread's allocator arena under its lock, which cost
 * two threads a third of their time. */

enum { CHUNK_DOCS = 32, CHUNK_BYTES = 64 << 10, CHUNKS_AHEAD_PER_THREAD = 3, FEEDS_AHEAD = 2 };

typedef struct {
    lia_facts *facts;        /* NULL once rendered as text, or when skipped */
    strbuf text;             /* the facts as JSON Lines, when the pool renders */
    int skipped;             /* too big to extract */
    int busy;                /* taken by its worker, not yet delivered */
} result;

/* A corpus fed to the stream, until its last document is delivered. */
typedef struct feed {
    const lia_corpus *corpus;
    void *tag;               /* the feeder's, handed to the begin and end callbacks */
    size_t first, n;         /* its documents' numbers in the stream */
    int begun;
    struct feed *next;
} feed;

typedef struct {
    lia_extract_stream *p;
    pthread_t tid;
    result *results;         /* p->window of them: enough for any window */
} worker;

struct lia_extract_stream {
    const lia_rules *rules;
    lia_extract_options opt;
    lia_stream_callbacks to;
    lia_extract_fn facts_fn;   /* instead of to.doc: the facts themselves */
    size_t window;
    result **ring;           /* document i's result at ring[i % window] once done */
    size_t *ring_doc;        /* which document ring[k] holds, or SIZE_MAX */
    feed *head, *tail;       /* oldest corpus not wholly delivered .. newest */
    size_t n_feeds;          /* in the list */
    size_t n_fed;            /* documents fed so far */
    size_t next_take;        /* next document a worker takes */
    size_t next_give;        /* next document the caller delivers */
    int closed, stop;
    int workers_waiting, feeder_waiting, caller_waiting;
    size_t caller_waits_for; /* document the caller waits on, or SIZE_MAX */
    pthread_mutex_t lock;
    pthread_cond_t room_cv;  /* room for a chunk in the window, new documents, or the end */
    pthread_cond_t done_cv;  /* a chunk is done, a corpus fed, or the feeding closed */
    pthread_cond_t feed_cv;  /* room for another corpus, or stop */
    worker *workers;
    int started;
};

static int too_big(const lia_extract_options *o, const lia_doc *doc)
{
    return o->max_doc_bytes && doc->len > o->max_doc_bytes;
}

/* Runs doc into res, which its thread made or reused (no lock held). */
static void run_one(const lia_extract_stream *p, result *res, const lia_doc *doc)
{
    lia_facts_free(res->facts);
    res->facts = NULL;
    sb_clear(&res->text);
    res->skipped = too_big(&p->opt, doc);
    if (res->skipped)
        return;
    res->facts = extract_fresh(p->rules, doc);
    if (p->to.doc) {
        lia_facts_sort(res->facts);
        lia_facts_render_jsonl(res->facts, &res->text);
        /* Only the text is delivered: the facts go now, while their memory
         * is in this core's cache and can serve the next document, not a
         * window of documents later (with two threads, a window of facts
         * kept alive was a few megabytes, faulted in and missed in cache). */
        lia_facts_free(res->facts);
        res->facts = NULL;
    }
}

static void result_release(result *res)
{
    lia_facts_free(res->facts);
    sb_release(&res->text);
}

/* The corpus that document i of the stream belongs to (i < n_fed; lock held). */
static feed *feed_of(const lia_extract_stream *p, size_t i)
{
    feed *f = p->head;
    while (f->first + f->n <= i)
        f = f->next;
    return f;
}

/* How many documents of f the next chunk from document first holds: at
 * least one, and no more than room. (lock held) */
static size_t chunk_size(const feed *f, size_t first, size_t room)
{
    size_t n = 0, bytes = 0, end = f->first + f->n;
    while (n < room && n < CHUNK_DOCS && first + n < end && (n == 0 || bytes < CHUNK_BYTES))
        bytes += lia_corpus_doc(f->corpus, first + n++ - f->first)->len;
    return n;
}

/* Free room in the window for the workers to take. (lock held) */
static size_t window_room(const lia_extract_stream *p)
{
    return p->next_give + p->window - p->next_take;
}

/* A worker waits for room for a whole chunk (or for the last documents
 * fed), not for one document: fewer wake-ups. (lock held) */
static int worker_may_take(const lia_extract_stream *p)
{
    size_t left = p->n_fed - p->next_take;
    size_t need = left < CHUNK_DOCS ? left : CHUNK_DOCS;
    return left && window_room(p) >= need;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    lia_extract_stream *p = w->p;
    result *mine[CHUNK_DOCS];
    const lia_doc *docs[CHUNK_DOCS];
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stop && !worker_may_take(p) && !(p->closed && p->next_take == p->n_fed)) {
            p->workers_waiting++;
            pthread_cond_wait(&p->room_cv, &p->lock);
            p->workers_waiting--;
        }
        if (p->stop || p->next_take == p->n_fed)
            break;
        size_t first = p->next_take;
        const feed *f = feed_of(p, first);
        size_t n = chunk_size(f, first, window_room(p));
        p->next_take += n;
        size_t k = 0;
        for (size_t r = 0; k < n; r++) /* window results: never runs out */
            if (!w->results[r].busy) {
                w->results[r].busy = 1;
                docs[k] = lia_corpus_doc(f->corpus, first + k - f->first);
                mine[k++] = &w->results[r];
            }
        /* f stays: its documents cannot be delivered before these are done. */
        pthread_mutex_unlock(&p->lock);
        for (k = 0; k < n; k++)
            run_one(p, mine[k], docs[k]);
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

/* Hands document doc's result to the callback; returns the status to stop
 * with (LIA_OK to go on).  The result stays with its worker for reuse. */
static lia_status deliver(const lia_extract_stream *p, result *res, const lia_doc *doc,
                          lia_diag *d)
{
    if (res->skipped) {
        lia_warn(d, "document '%s' has %zu bytes, more than the limit of %zu; skipped", doc->id,
                 doc->len, p->opt.max_doc_bytes);
        return LIA_OK;
    }
    if (p->to.doc)
        return p->to.doc(p->to.ctx, doc, res->text.s ? res->text.s : "", res->text.len, d);
    return p->facts_fn ? p->facts_fn(p->to.ctx, doc, res->facts, d) : LIA_OK;
}

static lia_extract_stream *stream_new(const lia_rules *r, const lia_extract_options *o,
                                      int threads)
{
    lia_extract_stream *p = xcalloc(1, sizeof *p);
    p->rules = r;
    p->opt = *o;
    p->caller_waits_for = SIZE_MAX;
    p->window = (size_t)threads * CHUNKS_AHEAD_PER_THREAD * CHUNK_DOCS;
    p->ring = xcalloc(p->window, sizeof *p->ring);
    p->ring_doc = xcalloc(p->window, sizeof *p->ring_doc);
    for (size_t k = 0; k < p->window; k++)
        p->ring_doc[k] = SIZE_MAX;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->room_cv, NULL);
    pthread_cond_init(&p->done_cv, NULL);
    pthread_cond_init(&p->feed_cv, NULL);
    p->workers = xcalloc((size_t)threads, sizeof *p->workers);
    for (; p->started < threads; p->started++) {
        worker *w = &p->workers[p->started];
        w->p = p;
        w->results = xcalloc(p->window, sizeof *w->results);
        for (size_t k = 0; k < p->window; k++)
            sb_init(&w->results[k].text);
        if (pthread_create(&w->tid, NULL, worker_main, w) != 0) {
            free(w->results);
            break;
        }
    }
    if (p->started == 0) {
        lia_extract_stream_free(p);
        return NULL;
    }
    return p;
}

lia_extract_stream *lia_extract_stream_new(const lia_rules *r, const lia_extract_options *o,
                                           const lia_stream_callbacks *cb)
{
    lia_extract_stream *p = stream_new(r, o, o->threads < 1 ? 1 : o->threads);
    if (p)
        p->to = *cb;
    return p;
}

lia_status lia_extract_stream_put(lia_extract_stream *p, const lia_corpus *c, void *tag)
{
    feed *f = xcalloc(1, sizeof *f);
    f->corpus = c;
    f->tag = tag;
    f->n = lia_corpus_count(c);
    pthread_mutex_lock(&p->lock);
    while (!p->stop && p->n_feeds >= FEEDS_AHEAD) {
        p->feeder_waiting = 1;
        pthread_cond_wait(&p->feed_cv, &p->lock);
        p->feeder_waiting = 0;
    }
    int stopped = p->stop;
    if (!stopped) {
        f->first = p->n_fed;
        if (p->tail)
            p->tail->next = f;
        else
            p->head = f;
        p->tail = f;
        p->n_feeds++;
        p->n_fed += f->n;
        if (p->workers_waiting && f->n)
            pthread_cond_broadcast(&p->room_cv);
        if (p->caller_waiting)
            pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->lock);
    if (stopped) {           /* the delivery failed: nothing more is read */
        if (p->to.end)
            p->to.end(p->to.ctx, tag);
        free(f);
        return LIA_ERR_INPUT;
    }
    return LIA_OK;
}

void lia_extract_stream_close(lia_extract_stream *p)
{
    pthread_mutex_lock(&p->lock);
    p->closed = 1;
    pthread_cond_broadcast(&p->room_cv);
    pthread_cond_signal(&p->done_cv);
    pthread_mutex_unlock(&p->lock);
}

/* Takes the head corpus, wholly delivered, off the list and ends it.
 * (lock held on entry and exit) */
static void pop_feed(lia_extract_stream *p)
{
    feed *h = p->head;
    p->head = h->next;
    if (!p->head)
        p->tail = NULL;
    p->n_feeds--;
    if (p->feeder_waiting)
        pthread_cond_signal(&p->feed_cv);
    pthread_mutex_unlock(&p->lock);
    if (p->to.end)
        p->to.end(p->to.ctx, h->tag);
    free(h);
    pthread_mutex_lock(&p->lock);
}

lia_status lia_extract_stream_run(lia_extract_stream *p, lia_diag *d)
{
    lia_status st = LIA_OK;
    pthread_mutex_lock(&p->lock);
    while (st == LIA_OK) {
        feed *h = p->head;
        if (!h) {
            if (p->closed)
                break;
            p->caller_waiting = 1;
            pthread_cond_wait(&p->done_cv, &p->lock);
            p->caller_waiting = 0;
            continue;
        }
        if (!h->begun) {
            h->begun = 1;
            if (p->to.begin) {
                pthread_mutex_unlock(&p->lock);
                st = p->to.begin(p->to.ctx, h->tag, d);
                pthread_mutex_lock(&p->lock);
            }
            continue;
        }
        if (p->next_give == h->first + h->n) {
            pop_feed(p);
            continue;
        }
        size_t i = p->next_give, k = i % p->window;
        if (p->ring_doc[k] != i) {
            p->caller_waits_for = i;
            while (p->ring_doc[k] != i)
                pthread_cond_wait(&p->done_cv, &p->lock);
            p->caller_waits_for = SIZE_MAX;
        }
        result *res = p->ring[k];
        pthread_mutex_unlock(&p->lock);
        st = deliver(p, res, lia_corpus_doc(h->corpus, i - h->first), d);
        pthread_mutex_lock(&p->lock);
        res->busy = 0;
        p->ring_doc[k] = SIZE_MAX;
        p->next_give++;
        if (p->workers_waiting && worker_may_take(p))
            pthread_cond_signal(&p->room_cv);
    }
    if (st != LIA_OK) {
        p->stop = 1;
        pthread_cond_broadcast(&p->room_cv);
        pthread_cond_signal(&p->feed_cv);
    }
    pthread_mutex_unlock(&p->lock);
    return st;
}

void lia_extract_stream_free(lia_extract_stream *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stop = 1;
    pthread_cond_broadcast(&p->room_cv);
    pthread_cond_signal(&p->feed_cv);
    pthread_mutex_unlock(&p->lock);
    for (int t = 0; t < p->started; t++) {
        pthread_join(p->workers[t].tid, NULL);
        for (size_t k = 0; k < p->window; k++)
            result_release(&p->workers[t].results[k]);
        free(p->workers[t].results);
    }
    while (p->head) {        /* corpora fed but never delivered: a failed run */
        feed *h = p->head;
        p->head = h->next;
        if (p->to.end)
            p->to.end(p->to.ctx, h->tag);
        free(h);
    }
    free(p->workers);
    pthread_cond_destroy(&p->feed_cv);
    pthread_cond_destroy(&p->done_cv);
    pthread_cond_destroy(&p->room_cv);
    pthread_mutex_destroy(&p->lock);
    free(p->ring_doc);
    free(p->ring);
    free(p);
}

/* One corpus, on the caller's thread or a stream of its own. */
static lia_status run_pool(const lia_rules *r, const lia_corpus *c, const lia_extract_options *o,
                           const lia_stream_callbacks *to, lia_extract_fn facts_fn, lia_diag *d)
{
    static const lia_extract_options defaults = { 1, 0 };
    if (!o)
        o = &defaults;
    size_t n_docs = lia_corpus_count(c);
    int threads = o->threads < 1 ? 1 : o->threads;
    if ((size_t)threads > n_docs)
        threads = n_docs ? (int)n_docs : 1;
    lia_extract_stream *p = threads > 1 ? stream_new(r, o, threads) : NULL;
    if (threads > 1 && !p)
        return lia_fail(d, LIA_ERR_NOMEM, "cannot start extraction threads");
    if (p) {
        p->to = *to;
        p->facts_fn = facts_fn;
        lia_extract_stream_put(p, c, NULL);
        lia_extract_stream_close(p);
        lia_status st = lia_extract_stream_run(p, d);
        lia_extract_stream_free(p);
        return st;
    }

    /* One thread: the caller's, with one result reused. */
    lia_extract_stream one = { .rules = r, .opt = *o, .to = *to, .facts_fn = facts_fn };
    result res = { 0 };
    sb_init(&res.text);
    lia_status st = LIA_OK;
    for (size_t i = 0; i < n_docs && st == LIA_OK; i++) {
        const lia_doc *doc = lia_corpus_doc(c, i);
        run_one(&one, &res, doc);
        st = deliver(&one, &res, doc, d);
    }
    result_release(&res);
    return st;
}

lia_status lia_extract_each(const lia_rules *r, const lia_corpus *c,
                            const lia_extract_options *o, lia_extract_fn fn, void *ctx,
                            lia_diag *d)
{
    lia_stream_callbacks to = { .ctx = ctx };
    return run_pool(r, c, o, &to, fn, d);
}

lia_status lia_extract_each_jsonl(const lia_rules *r, const lia_corpus *c,
                                  const lia_extract_options *o, lia_extract_jsonl_fn fn,
                                  void *ctx, lia_diag *d)
{
    lia_stream_callbacks to = { .doc = fn, .ctx = ctx };
    return run_pool(r, c, o, &to, NULL, d);
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
