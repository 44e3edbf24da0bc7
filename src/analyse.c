/* analyse.c — centralities and Leiden communities of the actor network,
 * written back onto the knowledge graph's vertices.  Every measure follows
 * networkx's definition (see analyse.h) so that check_networkx.py agrees;
 * where igraph and networkx differ the networkx algorithm is done here. */
#include "analyse.h"

#include <math.h>

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
 * says which (graph attribute "centrality_sources"). */
enum { LIA_EXACT_MAX = 5000, LIA_PIVOTS = 128 };

static igraph_error_t path_measures(const igraph_t *net, igraph_vector_t *betw,
                                    igraph_vector_t *clos, igraph_vector_t *harm)
{
    igraph_integer_t n = igraph_vcount(net);
    igraph_adjlist_t adj;
    igraph_error_t e = igraph_adjlist_init(net, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS,
                                           IGRAPH_NO_MULTIPLE);
    if (e)
        return e;
    igraph_vector_t *outs[3] = { betw, clos, harm };
    for (int k = 0; k < 3; k++)
        if (outs[k] && !e) {
            e = igraph_vector_resize(outs[k], n);
            if (!e)
                igraph_vector_null(outs[k]);
        }
    if (e) {
        igraph_adjlist_destroy(&adj);
        return e;
    }
    size_t nn = (size_t)(n ? n : 1);
    igraph_integer_t *dist = xmalloc(nn * sizeof *dist);
    igraph_integer_t *order = xmalloc(nn * sizeof *order);
    double *sigma = xmalloc(nn * sizeof *sigma);
    double *delta = xmalloc(nn * sizeof *delta);
    /* Sampled: per vertex, the distances and counts seen from the sources. */
    double *sum_d = NULL, *sum_inv = NULL, *seen = NULL;
    int exact = n <= LIA_EXACT_MAX;
    igraph_integer_t sources = exact ? n : LIA_PIVOTS;
    if (!exact) {
        sum_d = xcalloc(nn, sizeof *sum_d);
        sum_inv = xcalloc(nn, sizeof *sum_inv);
        seen = xcalloc(nn, sizeof *seen);
    }
    for (igraph_integer_t i = 0; i < n; i++)
        dist[i] = -1;
    for (igraph_integer_t si = 0; si < sources; si++) {
        igraph_integer_t s = exact ? si : (igraph_integer_t)((double)si * (double)n / sources);
        igraph_integer_t head = 0, tail = 0;
        dist[s] = 0;
        sigma[s] = 1;
        order[tail++] = s;
        double total = 0, inv = 0;
        while (head < tail) {
            igraph_integer_t u = order[head++];
            igraph_vector_int_t *nb = igraph_adjlist_get(&adj, u);
            igraph_integer_t deg = igraph_vector_int_size(nb);
            for (igraph_integer_t k = 0; k < deg; k++) {
                igraph_integer_t w = VECTOR(*nb)[k];
                if (dist[w] < 0) {
                    dist[w] = dist[u] + 1;
                    sigma[w] = 0;
                    order[tail++] = w;
                    total += (double)dist[w];
                    inv += 1.0 / (double)dist[w];
                }
                if (dist[w] == dist[u] + 1)
                    sigma[w] += sigma[u];
            }
        }
        igraph_integer_t reached = tail - 1;
        if (exact) {
            if (harm)
                VECTOR(*harm)[s] = inv;
            if (clos)
                VECTOR(*clos)[s] = total > 0 && n > 1
                    ? ((double)reached / total) * ((double)reached / (double)(n - 1)) : 0;
        } else {
            for (igraph_integer_t q = 1; q < tail; q++) {
                igraph_integer_t v = order[q];
                sum_d[v] += (double)dist[v];
                sum_inv[v] += 1.0 / (double)dist[v];
                seen[v] += 1;
            }
        }
        if (betw) {
            for (igraph_integer_t q = 0; q < tail; q++)
                delta[order[q]] = 0;
            /* Dependencies in reverse BFS order (Brandes). */
            for (igraph_integer_t q = tail - 1; q > 0; q--) {
                igraph_integer_t w = order[q];
                igraph_vector_int_t *nb = igraph_adjlist_get(&adj, w);
                igraph_integer_t deg = igraph_vector_int_size(nb);
                for (igraph_integer_t k = 0; k < deg; k++) {
                    igraph_integer_t v = VECTOR(*nb)[k];
                    if (dist[v] == dist[w] - 1)
                        delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
                VECTOR(*betw)[w] += delta[w];
            }
        }
        for (igraph_integer_t q = 0; q < tail; q++)
            dist[order[q]] = -1;
    }
    /* Undirected: every pair was counted from both ends. */
    double scale = exact ? 0.5 : 0.5 * (double)n / (double)sources;
    for (igraph_integer_t v = 0; betw && v < n; v++)
        VECTOR(*betw)[v] *= scale;
    if (!exact) {
        double f = (double)n / (double)sources;
        for (igraph_integer_t v = 0; v < n; v++) {
            if (harm)
                VECTOR(*harm)[v] = sum_inv[v] * f;
            if (clos) {
                double reached = seen[v] * f, total = sum_d[v] * f;
                VECTOR(*clos)[v] = total > 0 && n > 1
                    ? (reached / total) * (reached / (double)(n - 1)) : 0;
            }
        }
    }
    free(dist);
    free(order);
    free(sigma);
    free(delta);
    free(sum_d);
    free(sum_inv);
    free(seen);
    igraph_adjlist_destroy(&adj);
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
            if (n > 0)
                e = igraph_pagerank(net, IGRAPH_PAGERANK_ALGO_PRPACK, values, NULL,
                                    igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, &w, NULL);
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
