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
 * Workers take document indices in order from a shared counter, but never
 * more than WINDOW_PER_THREAD * threads ahead of the document the caller's
 * thread hands to the callback next, so memory stays bounded however long
 * the corpus.  Each result slot holds the document's facts, status and
 * warnings until the caller's thread delivers it. */

enum { WINDOW_PER_THREAD = 4, WAKE_AHEAD = 3 };

typedef struct {
    lia_facts *facts;
    lia_status status;
    lia_diag diag;
    int state;               /* 0 free, 1 taken, 2 done */
    size_t index;
} slot;

typedef struct {
    const lia_rules *rules;
    const lia_corpus *corpus;
    const lia_extract_options *opt;
    size_t n_docs, window;
    slot *slots;             /* window slots; document i lives in slots[i % window] */
    size_t next_take;        /* next document a worker takes */
    size_t next_give;        /* next document the caller delivers */
    int stop;
    /* Waiters, so that a wake-up is sent only to someone waiting: on a
     * virtual machine each one is an interrupt between cores. */
    int workers_waiting;
    size_t caller_waits_for; /* document the caller waits on, or SIZE_MAX */
    pthread_mutex_t lock;
    pthread_cond_t taken_cv; /* a slot was freed or stop set */
    pthread_cond_t done_cv;  /* a slot became done */
} pool;

/* Is document i's result in its slot?  (lock held) */
static int slot_done(const pool *p, size_t i)
{
    const slot *s = &p->slots[i % p->window];
    return s->state == 2 && s->index == i;
}

static int too_big(const lia_extract_options *o, const lia_doc *doc)
{
    return o->max_doc_bytes && doc->len > o->max_doc_bytes;
}

/* Runs document i into slot s (no lock held).  The slot's previous facts,
 * delivered already, are freed here, by the thread that made them: a free
 * from another thread contends for the allocator's arena lock. */
static void run_one(pool *p, slot *s, size_t i)
{
    const lia_doc *doc = lia_corpus_doc(p->corpus, i);
    lia_facts_free(s->facts);
    s->facts = NULL;
    s->status = LIA_OK;
    if (too_big(p->opt, doc))
        return;
    s->status = extract_fresh(p->rules, doc, &s->facts, &s->diag);
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stop && p->next_take < p->n_docs
               && p->next_take >= p->next_give + p->window) {
            p->workers_waiting++;
            pthread_cond_wait(&p->taken_cv, &p->lock);
            p->workers_waiting--;
        }
        if (p->stop || p->next_take >= p->n_docs)
            break;
        size_t i = p->next_take++;
        slot *s = &p->slots[i % p->window];
        s->state = 1;
        s->index = i;
        pthread_mutex_unlock(&p->lock);
        run_one(p, s, i);
        pthread_mutex_lock(&p->lock);
        s->state = 2;
        if (p->caller_waits_for == i)
            pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Hands document i's result to the callback and releases it; returns the
 * status to stop with (LIA_OK to go on). */
static lia_status deliver(pool *p, slot *s, size_t i, lia_extract_fn fn, void *ctx, lia_diag *d)
{
    const lia_doc *doc = lia_corpus_doc(p->corpus, i);
    lia_status st = s->status;
    if (s->diag.warnings) {
        /* Warnings keep document order whatever thread made them. */
        const char *w = s->diag.warnings;
        while (*w) {
            const char *nl = strchr(w, '\n');
            size_t n = nl ? (size_t)(nl - w) : strlen(w);
            lia_warn(d, "%.*s", (int)n, w);
            w += n + (nl ? 1 : 0);
        }
    }
    if (st != LIA_OK) {
        lia_fail(d, st, "'%s': %s", doc->id, s->diag.message);
    } else if (!s->facts) {
        lia_warn(d, "document '%s' has %zu bytes, more than the limit of %zu; skipped", doc->id,
                 doc->len, p->opt->max_doc_bytes);
    } else if (fn) {
        st = fn(ctx, doc, s->facts, d);
    }
    /* The facts stay in the slot for the worker that takes it next. */
    lia_diag_release(&s->diag);
    lia_diag_init(&s->diag);
    return st;
}

lia_status lia_extract_each(const lia_rules *r, const lia_corpus *c,
                            const lia_extract_options *o, lia_extract_fn fn, void *ctx,
                            lia_diag *d)
{
    static const lia_extract_options defaults = { 1, 0 };
    if (!o)
        o = &defaults;
    pool p = { .rules = r, .corpus = c, .opt = o, .n_docs = lia_corpus_count(c),
               .caller_waits_for = SIZE_MAX };
    int threads = o->threads < 1 ? 1 : o->threads;
    if ((size_t)threads > p.n_docs)
        threads = p.n_docs ? (int)p.n_docs : 1;
    p.window = (size_t)threads * WINDOW_PER_THREAD;
    p.slots = xcalloc(p.window, sizeof *p.slots);
    for (size_t k = 0; k < p.window; k++)
        lia_diag_init(&p.slots[k].diag);
    lia_status st = LIA_OK;

    if (threads == 1) {
        for (size_t i = 0; i < p.n_docs && st == LIA_OK; i++) {
            run_one(&p, &p.slots[0], i);
            st = deliver(&p, &p.slots[0], i, fn, ctx, d);
        }
    } else {
        pthread_mutex_init(&p.lock, NULL);
        pthread_cond_init(&p.taken_cv, NULL);
        pthread_cond_init(&p.done_cv, NULL);
        pthread_t *tid = xcalloc((size_t)threads, sizeof *tid);
        int started = 0;
        for (; started < threads; started++)
            if (pthread_create(&tid[started], NULL, worker, &p) != 0)
                break;
        if (started == 0) {
            st = lia_fail(d, LIA_ERR_NOMEM, "cannot start extraction threads");
        } else {
            pthread_mutex_lock(&p.lock);
            while (p.next_give < p.n_docs && st == LIA_OK) {
                size_t i = p.next_give;
                slot *s = &p.slots[i % p.window];
                if (!slot_done(&p, i)) {
                    /* Sleep until a few documents are ready, not one: every
                     * wake-up is an interrupt between cores, costly on a
                     * virtual machine.  Then wait for i itself if need be. */
                    size_t ahead = i + WAKE_AHEAD < p.n_docs ? i + WAKE_AHEAD : p.n_docs - 1;
                    size_t want = slot_done(&p, ahead) ? i : ahead;
                    p.caller_waits_for = want;
                    while (!slot_done(&p, want))
                        pthread_cond_wait(&p.done_cv, &p.lock);
                    p.caller_waits_for = SIZE_MAX;
                    continue;
                }
                pthread_mutex_unlock(&p.lock);
                st = deliver(&p, s, i, fn, ctx, d);
                pthread_mutex_lock(&p.lock);
                s->state = 0;
                p.next_give++;
                if (p.workers_waiting)
                    pthread_cond_signal(&p.taken_cv);
            }
            p.stop = 1;
            pthread_cond_broadcast(&p.taken_cv);
            pthread_mutex_unlock(&p.lock);
        }
        for (int k = 0; k < started; k++)
            pthread_join(tid[k], NULL);
        free(tid);
        pthread_cond_destroy(&p.done_cv);
        pthread_cond_destroy(&p.taken_cv);
        pthread_mutex_destroy(&p.lock);
    }
    for (size_t k = 0; k < p.window; k++) {
        lia_facts_free(p.slots[k].facts);
        lia_diag_release(&p.slots[k].diag);
    }
    free(p.slots);
    return st;
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
