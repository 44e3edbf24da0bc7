/* analyse.c — centralities and Leiden communities of the actor network,
 * written back onto the knowledge graph's vertices.  Every measure follows
 * networkx's definition (see analyse.h) so that check_networkx.py agrees;
 * where igraph and networkx differ the networkx algorithm is done here. */
#include "analyse.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <unistd.h>
#ifdef _OPENMP
#include <omp.h>
#endif

static const char *const measure_names[LIA_M_COUNT] = {
    "degree", "strength", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
};

/* Leiden visits vertices in random order: a fixed seed keeps it deterministic. */
#define LIA_LOUVAIN_SEED 20240601u

int lia_measure_from_name(const char *name)
{
    for (int i = 0; name && i < LIA_M_COUNT; i++)
        if (strcmp(name, measure_names[i]) == 0)
            return i;
    return -1;
}

const char *lia_measure_name(lia_measure m)
{
    return (int)m >= 0 && m < LIA_M_COUNT ? measure_names[m] : "?";
}

/* The "weight" edge attribute of net into w (1 when absent). */
static igraph_error_t edge_weights(const igraph_t *net, igraph_vector_t *w)
{
    igraph_error_t e = igraph_vector_resize(w, igraph_ecount(net));
    if (e)
        return e;
    if (igraph_cattribute_has_attr(net, IGRAPH_ATTRIBUTE_EDGE, "weight"))
        return igraph_cattribute_EANV(net, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), w);
    igraph_vector_fill(w, 1.0);
    return IGRAPH_SUCCESS;
}

/* Betweenness (Brandes, unweighted, undirected, unnormalized as networkx),
 * closeness (Wasserman-Faust, as networkx) and harmonic centrality, all
 * from one BFS per source.  Any output may be NULL.
 *
 * Up to LIA_EXACT_MAX vertices every vertex is a source and the values are
 * exact.  Above, LIA_PIVOTS sources spread evenly over the vertex order are
 * used and the sums scaled by n / pivots (Brandes and Pich's estimate):
 * exact all-pairs work on a 100k-vertex network would take hours, and the
 * ranking is what an analyst asks of a network that size.  The GraphML
 * says which (graph attribute "centrality_sources").
 *
 * The sources are cut into LIA_PATH_CHUNKS fixed chunks, each summed into
 * its own arrays and run on the machine's cores; the chunks are added in
 * order, so the values do not depend on how many cores there are. */
enum { LIA_EXACT_MAX = 5000, LIA_PIVOTS = 128, LIA_PATH_CHUNKS = 8 };

/* The network as compressed adjacency (neighbours of v are
 * nb[first[v] .. first[v+1]), no loops, no multi-edges): one flat array
 * walks far faster than igraph's vector per vertex. */
typedef struct {
    int32_t n;
    int64_t *first;
    int32_t *nb;
} adjacency;

typedef struct {
    const adjacency *adj;
    int exact;
    int32_t sources;
    int32_t from, to;       /* this chunk's source indexes [from, to) */
    int want_betw;
    /* Sums over this chunk's sources (each n long, sampled ones NULL when exact). */
    double *betw, *sum_d, *sum_inv, *seen;
    /* Exact: closeness and harmonic of each source, written at the source. */
    double *clos, *harm;
} path_chunk;

static int32_t source_vertex(const path_chunk *c, int32_t si)
{
    return c->exact ? si : (int32_t)((double)si * (double)c->adj->n / c->sources);
}

static void *path_chunk_run(void *arg)
{
    path_chunk *c = arg;
    const adjacency *a = c->adj;
    size_t n = (size_t)a->n;
    int32_t *dist = xmalloc(n * sizeof *dist);
    int32_t *order = xmalloc(n * sizeof *order);
    double *sigma = xmalloc(n * sizeof *sigma);
    double *delta = xmalloc(n * sizeof *delta);
    for (size_t i = 0; i < n; i++)
        dist[i] = -1;
    for (int32_t si = c->from; si < c->to; si++) {
        int32_t s = source_vertex(c, si);
        int32_t head = 0, tail = 0;
        dist[s] = 0;
        sigma[s] = 1;
        order[tail++] = s;
        double total = 0, inv = 0;
        while (head < tail) {
            int32_t u = order[head++];
            int32_t du = dist[u];
            for (int64_t k = a->first[u]; k < a->first[u + 1]; k++) {
                int32_t w = a->nb[k];
                if (dist[w] < 0) {
                    dist[w] = du + 1;
                    sigma[w] = 0;
                    order[tail++] = w;
                    total += (double)dist[w];
                    inv += 1.0 / (double)dist[w];
                }
                if (dist[w] == du + 1)
                    sigma[w] += sigma[u];
            }
        }
        int32_t reached = tail - 1;
        if (c->exact) {
            c->harm[s] = inv;
            c->clos[s] = total > 0 && n > 1
                ? ((double)reached / total) * ((double)reached / (double)(n - 1)) : 0;
        } else {
            for (int32_t q = 1; q < tail; q++) {
                int32_t v = order[q];
                c->sum_d[v] += (double)dist[v];
                c->sum_inv[v] += 1.0 / (double)dist[v];
                c->seen[v] += 1;
            }
        }
        if (c->want_betw) {
            for (int32_t q = 0; q < tail; q++)
                delta[order[q]] = 0;
            /* Dependencies in reverse BFS order (Brandes). */
            for (int32_t q = tail - 1; q > 0; q--) {
                int32_t w = order[q];
                int32_t dw = dist[w];
                double share = (1.0 + delta[w]) / sigma[w];
                for (int64_t k = a->first[w]; k < a->first[w + 1]; k++) {
                    int32_t v = a->nb[k];
                    if (dist[v] == dw - 1)
                        delta[v] += sigma[v] * share;
                }
                c->betw[w] += delta[w];
            }
        }
        for (int32_t q = 0; q < tail; q++)
            dist[order[q]] = -1;
    }
    free(dist);
    free(order);
    free(sigma);
    free(delta);
    return NULL;
}

static igraph_error_t adjacency_init(const igraph_t *net, adjacency *a)
{
    igraph_adjlist_t list;
    igraph_error_t e = igraph_adjlist_init(net, &list, IGRAPH_ALL, IGRAPH_NO_LOOPS,
                                           IGRAPH_NO_MULTIPLE);
    if (e)
        return e;
    igraph_integer_t n = igraph_vcount(net);
    a->n = (int32_t)n;
    a->first = xmalloc((size_t)(n + 1) * sizeof *a->first);
    int64_t total = 0;
    for (igraph_integer_t v = 0; v < n; v++) {
        a->first[v] = total;
        total += igraph_vector_int_size(igraph_adjlist_get(&list, v));
    }
    a->first[n] = total;
    a->nb = xmalloc((size_t)(total ? total : 1) * sizeof *a->nb);
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_vector_int_t *nb = igraph_adjlist_get(&list, v);
        for (int64_t k = 0; k < a->first[v + 1] - a->first[v]; k++)
            a->nb[a->first[v] + k] = (int32_t)VECTOR(*nb)[k];
    }
    igraph_adjlist_destroy(&list);
    return IGRAPH_SUCCESS;
}

/* One thread's share of the chunks. */
typedef struct {
    path_chunk *chunk;
    int n_chunks, index, threads;
} path_worker;

static void *path_worker_run(void *arg)
{
    path_worker *w = arg;
    for (int i = w->index; i < w->n_chunks; i += w->threads)
        path_chunk_run(&w->chunk[i]);
    return NULL;
}

static int core_count(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores < 1 ? 1 : cores > LIA_PATH_CHUNKS ? LIA_PATH_CHUNKS : (int)cores;
}

static igraph_error_t path_measures(const igraph_t *net, igraph_vector_t *betw,
                                    igraph_vector_t *clos, igraph_vector_t *harm)
{
    igraph_integer_t n = igraph_vcount(net);
    if (n >= INT32_MAX)
        return IGRAPH_EOVERFLOW;   /* vertex ids are 32-bit below */
    igraph_vector_t *outs[3] = { betw, clos, harm };
    for (int k = 0; k < 3; k++)
        if (outs[k]) {
            IGRAPH_CHECK(igraph_vector_resize(outs[k], n));
            igraph_vector_null(outs[k]);
        }
    if (n == 0)
        return IGRAPH_SUCCESS;
    adjacency adj;
    IGRAPH_CHECK(adjacency_init(net, &adj));
    size_t nn = (size_t)n;
    int exact = n <= LIA_EXACT_MAX;
    int32_t sources = exact ? (int32_t)n : LIA_PIVOTS;
    int n_chunks = sources < LIA_PATH_CHUNKS ? sources : LIA_PATH_CHUNKS;
    path_chunk chunk[LIA_PATH_CHUNKS];
    double *clos_v = exact ? xcalloc(nn, sizeof *clos_v) : NULL;
    double *harm_v = exact ? xcalloc(nn, sizeof *harm_v) : NULL;
    for (int i = 0; i < n_chunks; i++) {
        path_chunk *c = &chunk[i];
        *c = (path_chunk){ .adj = &adj, .exact = exact, .sources = sources,
                           .from = (int32_t)((int64_t)sources * i / n_chunks),
                           .to = (int32_t)((int64_t)sources * (i + 1) / n_chunks),
                           .want_betw = betw != NULL, .clos = clos_v, .harm = harm_v };
        if (betw)
            c->betw = xcalloc(nn, sizeof *c->betw);
        if (!exact) {
            c->sum_d = xcalloc(nn, sizeof *c->sum_d);
            c->sum_inv = xcalloc(nn, sizeof *c->sum_inv);
            c->seen = xcalloc(nn, sizeof *c->seen);
        }
    }
    /* Chunk i runs on thread i % threads; the caller is thread 0 and also
     * runs the share of any thread that could not be started. */
    int threads = core_count() < n_chunks ? core_count() : n_chunks;
    path_worker worker[LIA_PATH_CHUNKS];
    pthread_t tid[LIA_PATH_CHUNKS];
    int started[LIA_PATH_CHUNKS] = { 0 };
    for (int t = 0; t < threads; t++)
        worker[t] = (path_worker){ chunk, n_chunks, t, threads };
    for (int t = 1; t < threads; t++)
        started[t] = pthread_create(&tid[t], NULL, path_worker_run, &worker[t]) == 0;
    path_worker_run(&worker[0]);
    for (int t = 1; t < threads; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        else
            path_worker_run(&worker[t]);
    }

    /* Undirected: every pair was counted from both ends. */
    double scale = exact ? 0.5 : 0.5 * (double)n / (double)sources;
    double f = (double)n / (double)sources;
    for (igraph_integer_t v = 0; v < n; v++) {
        double b = 0, sd = 0, si = 0, seen = 0;
        for (int i = 0; i < n_chunks; i++) {
            if (betw)
                b += chunk[i].betw[v];
            if (!exact) {
                sd += chunk[i].sum_d[v];
                si += chunk[i].sum_inv[v];
                seen += chunk[i].seen[v];
            }
        }
        if (betw)
            VECTOR(*betw)[v] = b * scale;
        if (exact) {
            if (harm)
                VECTOR(*harm)[v] = harm_v[v];
            if (clos)
                VECTOR(*clos)[v] = clos_v[v];
        } else {
            if (harm)
                VECTOR(*harm)[v] = si * f;
            if (clos) {
                double reached = seen * f, total = sd * f;
                VECTOR(*clos)[v] = total > 0 && n > 1
                    ? (reached / total) * (reached / (double)(n - 1)) : 0;
            }
        }
    }
    for (int i = 0; i < n_chunks; i++) {
        free(chunk[i].betw);
        free(chunk[i].sum_d);
        free(chunk[i].sum_inv);
        free(chunk[i].seen);
    }
    free(clos_v);
    free(harm_v);
    free(adj.first);
    free(adj.nb);
    return IGRAPH_SUCCESS;
}

/* networkx's eigenvector_centrality, step for step: power iteration on
 * A + I from the uniform vector, Euclidean normalisation, stopping when the
 * L1 change is below n * 1e-6.  Doing the same iteration (rather than
 * ARPACK's exact eigenvector) matters on disconnected networks, where
 * networkx leaves small non-zero values on the weaker components.
 * networkx gives up after 100 iterations; we go on to 10000 (and warn
 * only when even that does not converge). */
static igraph_error_t eigenvector(const igraph_t *net, igraph_vector_t *res, lia_diag *d)
{
    igraph_integer_t n = igraph_vcount(net), m = igraph_ecount(net);
    igraph_error_t e = igraph_vector_resize(res, n);
    if (e || n == 0)
        return e;
    double *x = xmalloc((size_t)n * sizeof *x), *last = xmalloc((size_t)n * sizeof *last);
    for (igraph_integer_t i = 0; i < n; i++)
        x[i] = 1.0 / (double)n;
    int converged = 0;
    for (int it = 0; it < 10000 && !converged; it++) {
        memcpy(last, x, (size_t)n * sizeof *x);
        for (igraph_integer_t k = 0; k < m; k++) {
            igraph_integer_t u = IGRAPH_FROM(net, k), v = IGRAPH_TO(net, k);
            if (u == v) {
                x[u] += last[u];
                continue;
            }
            x[v] += last[u];
            x[u] += last[v];
        }
        double norm = 0;
        for (igraph_integer_t i = 0; i < n; i++)
            norm += x[i] * x[i];
        norm = sqrt(norm);
        if (norm == 0)
            norm = 1;
        double change = 0;
        for (igraph_integer_t i = 0; i < n; i++) {
            x[i] /= norm;
            change += fabs(x[i] - last[i]);
        }
        /* networkx gives up after 100 iterations; going on to the fixed
         * point is the answer it would give with a larger max_iter. */
        if (change < (double)n * 1e-6)
            converged = 1;
    }
    if (!converged)
        lia_warn(d, "eigenvector centrality did not converge");
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(*res)[i] = x[i];
    free(x);
    free(last);
    return IGRAPH_SUCCESS;
}

lia_status lia_centrality(const igraph_t *net, lia_measure m, igraph_vector_t *values,
                          lia_diag *d)
{
    lia_igraph_setup();
    igraph_integer_t n = igraph_vcount(net);
    igraph_vector_t w;
    igraph_vector_int_t deg;
    igraph_error_t e = igraph_vector_init(&w, 0);
    if (e)
        return lia_igraph_fail(e, d, "cannot compute centrality");
    if (!(e = edge_weights(net, &w)) && !(e = igraph_vector_resize(values, n))) {
        switch (m) {
        case LIA_M_DEGREE:
            if (!(e = igraph_vector_int_init(&deg, n))) {
                e = igraph_degree(net, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
                for (igraph_integer_t i = 0; !e && i < n; i++)
                    VECTOR(*values)[i] = (igraph_real_t)VECTOR(deg)[i];
                igraph_vector_int_destroy(&deg);
            }
            break;
        case LIA_M_STRENGTH:
            e = igraph_strength(net, values, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &w);
            break;
        case LIA_M_BETWEENNESS:
            e = path_measures(net, values, NULL, NULL);
            break;
        case LIA_M_CLOSENESS:
            e = path_measures(net, NULL, values, NULL);
            break;
        case LIA_M_HARMONIC:
            e = path_measures(net, NULL, NULL, values);
            break;
        case LIA_M_PAGERANK:
            if (n > 0) {
#ifdef _OPENMP
                /* PRPACK sums in parallel, in an order that changes the
                 * last digits from run to run: one thread keeps the
                 * output byte-identical. */
                int threads_before = omp_get_max_threads();
                omp_set_num_threads(1);
#endif
                e = igraph_pagerank(net, IGRAPH_PAGERANK_ALGO_PRPACK, values, NULL,
                                    igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, &w, NULL);
#ifdef _OPENMP
                omp_set_num_threads(threads_before);
#endif
            }
            break;
        case LIA_M_EIGENVECTOR:
            e = eigenvector(net, values, d);
            break;
        default:
            igraph_vector_destroy(&w);
            return lia_fail(d, LIA_ERR_GRAPH, "unknown centrality measure %d", (int)m);
        }
    }
    igraph_vector_destroy(&w);
    lia_igraph_take_warnings(d);
    if (e)
        return lia_igraph_fail(e, d, "cannot compute centrality");
    return LIA_OK;
}

/* Communities, renumbered 0, 1, ... in order of first vertex. */
static igraph_error_t communities(const igraph_t *net, igraph_vector_int_t *membership)
{
    igraph_integer_t n = igraph_vcount(net);
    igraph_vector_t w;
    igraph_error_t e = igraph_vector_init(&w, 0);
    if (e)
        return e;
    /* Leiden optimising modularity (node weights = strength, resolution
     * 1 / 2W): Louvain's partitions, well connected, and far faster than
     * igraph 0.10's multilevel on large networks. */
    igraph_vector_t strength;
    int have_strength = 0;
    if (!(e = edge_weights(net, &w)) && n > 0 && !(e = igraph_vector_init(&strength, n))) {
        have_strength = 1;
        e = igraph_strength(net, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w);
        double total = igraph_vector_sum(&w);
        if (!e && total > 0) {
            igraph_rng_seed(igraph_rng_default(), LIA_LOUVAIN_SEED);
            e = igraph_community_leiden(net, &w, &strength, 1.0 / (2.0 * total), 0.01, 0, -1,
                                        membership, NULL, NULL);
        } else if (!e) {
            /* No edges: every actor is its own community. */
            for (igraph_integer_t i = 0; i < n; i++)
                VECTOR(*membership)[i] = i;
        }
    }
    if (have_strength)
        igraph_vector_destroy(&strength);
    igraph_vector_destroy(&w);
    if (e || n == 0)
        return e;
    igraph_integer_t *renum = xmalloc((size_t)n * sizeof *renum);
    for (igraph_integer_t i = 0; i < n; i++)
        renum[i] = -1;
    igraph_integer_t next = 0;
    for (igraph_integer_t i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(*membership)[i];
        if (c < 0 || c >= n)
            continue;
        if (renum[c] < 0)
            renum[c] = next++;
        VECTOR(*membership)[i] = renum[c];
    }
    free(renum);
    return IGRAPH_SUCCESS;
}

lia_status lia_communities(const igraph_t *net, igraph_vector_int_t *membership, lia_diag *d)
{
    lia_igraph_setup();
    igraph_error_t e = igraph_vector_int_resize(membership, igraph_vcount(net));
    if (!e)
        e = communities(net, membership);
    lia_igraph_take_warnings(d);
    return e ? lia_igraph_fail(e, d, "cannot find communities") : LIA_OK;
}

lia_status lia_analyse(lia_graph *g, lia_diag *d)
{
    lia_igraph_setup();
    igraph_t net;
    igraph_vector_int_t actors, membership;
    igraph_vector_t values, out;
    lia_status st = lia_actor_network(&g->g, NULL, &net, &actors, d);
    if (st != LIA_OK)
        return st;
    igraph_integer_t nk = igraph_vcount(&g->g), na = igraph_vcount(&net);
    igraph_error_t e = igraph_vector_init(&values, na);
    if (e) {
        igraph_destroy(&net);
        igraph_vector_int_destroy(&actors);
        return lia_igraph_fail(e, d, "cannot analyse the graph");
    }
    if ((e = igraph_vector_init(&out, nk))) {
        igraph_vector_destroy(&values);
        igraph_destroy(&net);
        igraph_vector_int_destroy(&actors);
        return lia_igraph_fail(e, d, "cannot analyse the graph");
    }
    /* The three path measures share one BFS per source. */
    igraph_vector_t path[3];
    int inited = 0, path_ok = 0;
    while (inited < 3 && igraph_vector_init(&path[inited], 0) == IGRAPH_SUCCESS)
        inited++;
    if (inited == 3)
        path_ok = path_measures(&net, &path[0], &path[1], &path[2]) == IGRAPH_SUCCESS;
    for (int m = 0; m < LIA_M_COUNT && st == LIA_OK; m++) {
        int pi = m == LIA_M_BETWEENNESS ? 0 : m == LIA_M_CLOSENESS ? 1 : m == LIA_M_HARMONIC ? 2 : -1;
        if (pi >= 0 && path_ok)
            e = igraph_vector_update(&values, &path[pi]);
        else
            st = lia_centrality(&net, (lia_measure)m, &values, d);
        if (st != LIA_OK || (pi >= 0 && path_ok && e)) {
            if (e)
                st = lia_igraph_fail(e, d, "cannot analyse the graph");
            break;
        }
        igraph_vector_null(&out);
        for (igraph_integer_t i = 0; i < na; i++)
            VECTOR(out)[VECTOR(actors)[i]] = VECTOR(values)[i];
        if ((e = igraph_cattribute_VAN_setv(&g->g, measure_names[m], &out)))
            st = lia_igraph_fail(e, d, "cannot store centralities");
    }
    if (st == LIA_OK) {
        if ((e = igraph_vector_int_init(&membership, na))) {
            st = lia_igraph_fail(e, d, "cannot analyse the graph");
        } else {
            if ((e = communities(&net, &membership))) {
                st = lia_igraph_fail(e, d, "cannot find communities");
            } else {
                igraph_vector_fill(&out, -1);
                for (igraph_integer_t i = 0; i < na; i++)
                    VECTOR(out)[VECTOR(actors)[i]] = (igraph_real_t)VECTOR(membership)[i];
                if ((e = igraph_cattribute_VAN_setv(&g->g, "community", &out)))
                    st = lia_igraph_fail(e, d, "cannot store communities");
            }
            igraph_vector_int_destroy(&membership);
        }
    }
    if (st == LIA_OK) {
        char src[64];
        if (na <= LIA_EXACT_MAX)
            snprintf(src, sizeof src, "all");
        else
            snprintf(src, sizeof src, "%d sampled", (int)LIA_PIVOTS);
        if ((e = igraph_cattribute_GAS_set(&g->g, "centrality_sources", src)))
            st = lia_igraph_fail(e, d, "cannot store centralities");
    }
    for (int k = 0; k < inited; k++)
        igraph_vector_destroy(&path[k]);
    igraph_vector_destroy(&out);
    igraph_vector_destroy(&values);
    igraph_vector_int_destroy(&actors);
    igraph_destroy(&net);
    lia_igraph_take_warnings(d);
    return st;
}
