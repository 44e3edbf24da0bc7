/* bench_graph.c — time of graph analysis and GraphML export on a synthetic
 * graph: N random actors and M random `met` relations as lia_facts, then
 * lia_graph_build (knowledge graph + every centrality + communities) and
 * lia_export_graphml; then each centrality alone on the actor network.
 * usage: bench_graph N M [MEASURE,...]  — with a measure list, only those
 * measures are timed (no full build), for graphs too big for all of them.
 * Prints "name seconds" lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analyse.h"
#include "facts.h"
#include "graph.h"
#include "util.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long long rng_state = 88172645463325252ULL;

static unsigned long long rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static lia_facts *random_facts(long n, long m)
{
    static const char *const types[] = {
        LIA_PERSON, LIA_PERSON, LIA_PERSON, LIA_AGENCY, LIA_AGENCY, LIA_COUNTRY, LIA_ORGANIZATION,
    };
    lia_facts *f = lia_facts_new();
    char key[32], name[64], a[32], b[32], src[32];
    for (long i = 0; i < n; i++) {
        snprintf(key, sizeof key, "n%07ld", i);
        snprintf(name, sizeof name, "فاعل %ld", i);
        lia_entity *e = lia_facts_entity(f, key, types[rnd() % 7], name, key, "");
        lia_facts_mention(e, name);
    }
    for (long k = 0; k < m; k++) {
        long x = (long)(rnd() % (unsigned long long)n), y = (long)(rnd() % (unsigned long long)n);
        if (x == y)
            y = (y + 1) % n;
        snprintf(a, sizeof a, "n%07ld", x);
        snprintf(b, sizeof b, "n%07ld", y);
        snprintf(src, sizeof src, "d%ld", k);
        lia_facts_add_relation(f, "met", a, b, "2024-05-06", "", src, "التقى الطرفان.", "bench");
    }
    lia_facts_sort(f);
    return f;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: bench_graph N M [MEASURE,...]\n", stderr);
        return 2;
    }
    long n = atol(argv[1]), m = atol(argv[2]);
    const char *only = argc > 3 ? argv[3] : NULL;
    if (n < 2 || m < 1) {
        fputs("bench_graph: N >= 2 and M >= 1\n", stderr);
        return 2;
    }
    lia_diag d;
    lia_diag_init(&d);
    lia_igraph_setup();
    double t = now();
    lia_facts *f = random_facts(n, m);
    printf("facts %.3f\n", now() - t);
    int rc = 0;

    if (!only) {
        lia_graph *g = NULL;
        t = now();
        if (lia_graph_build(f, &g, &d) != LIA_OK) {
            fprintf(stderr, "bench_graph: %s\n", d.message);
            return 1;
        }
        printf("build+analyse %.3f\n", now() - t);
        char path[] = "/tmp/bench_graph_XXXXXX";
        int fd = mkstemp(path);
        if (fd >= 0)
            close(fd);
        t = now();
        if (lia_export_graphml(g, path, &d) != LIA_OK) {
            fprintf(stderr, "bench_graph: %s\n", d.message);
            rc = 1;
        }
        printf("graphml %.3f\n", now() - t);
        unlink(path);
        lia_graph_free(g);
    }

    /* Each measure alone, on the actor network of a graph without analysis. */
    igraph_t kg, net;
    igraph_vector_int_t of;
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    for (size_t i = 0; i < f->relations.n; i++) {
        igraph_vector_int_push_back(&edges, atol(f->relations.v[i]->a + 1));
        igraph_vector_int_push_back(&edges, atol(f->relations.v[i]->b + 1));
    }
    igraph_create(&kg, &edges, n, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&edges);
    for (long v = 0; v < n; v++)
        SETVAS(&kg, "type", v, f->entities.v[v]->type);
    for (size_t i = 0; i < f->relations.n; i++)
        SETEAS(&kg, "relation", (igraph_integer_t)i, "met");
    t = now();
    if (lia_actor_network(&kg, NULL, &net, &of, &d) != LIA_OK) {
        fprintf(stderr, "bench_graph: %s\n", d.message);
        return 1;
    }
    printf("actor-network %.3f\n", now() - t);
    for (int k = 0; k < LIA_M_COUNT; k++) {
        const char *name = lia_measure_name((lia_measure)k);
        if (only) {
            const char *p = strstr(only, name);
            size_t len = strlen(name);
            if (!p || (p != only && p[-1] != ',') || (p[len] && p[len] != ','))
                continue;
        }
        igraph_vector_t values;
        igraph_vector_init(&values, 0);
        t = now();
        if (lia_centrality(&net, (lia_measure)k, &values, &d) != LIA_OK) {
            fprintf(stderr, "bench_graph: %s: %s\n", name, d.message);
            rc = 1;
        }
        printf("%s %.3f\n", name, now() - t);
        fflush(stdout);
        igraph_vector_destroy(&values);
    }
    if (!only || strstr(only, "communities")) {
        igraph_vector_int_t membership;
        igraph_vector_int_init(&membership, 0);
        t = now();
        if (lia_communities(&net, &membership, &d) != LIA_OK) {
            fprintf(stderr, "bench_graph: communities: %s\n", d.message);
            rc = 1;
        }
        printf("communities %.3f\n", now() - t);
        igraph_vector_int_destroy(&membership);
    }
    igraph_vector_int_destroy(&of);
    igraph_destroy(&net);
    igraph_destroy(&kg);
    lia_facts_free(f);
    lia_diag_release(&d);
    return rc;
}
