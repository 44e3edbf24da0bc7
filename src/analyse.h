/* analyse.h — centralities and communities on the actor network.
 *
 * The measures, computed on the undirected, weight-collapsed actor network
 * over all relations (see lia_actor_network), and written as vertex
 * attributes of the knowledge graph (0 for non-actors): degree, strength,
 * betweenness (unnormalized, unweighted), closeness (Wasserman-Faust, as
 * networkx), harmonic, pagerank (alpha 0.85, weighted), eigenvector (unit
 * Euclidean norm, as networkx), community (Leiden on modularity, weighted, -1 for
 * non-actors).
 */
#ifndef LIA_ANALYSE_H
#define LIA_ANALYSE_H

#include "graph.h"

typedef enum {
    LIA_M_DEGREE, LIA_M_STRENGTH, LIA_M_BETWEENNESS, LIA_M_CLOSENESS,
    LIA_M_HARMONIC, LIA_M_PAGERANK, LIA_M_EIGENVECTOR, LIA_M_COUNT
} lia_measure;

/* "degree" → LIA_M_DEGREE ...; -1 when unknown. */
int lia_measure_from_name(const char *name);
const char *lia_measure_name(lia_measure m);

/* Computes measure m on an undirected weighted network (edge attribute
 * "weight"); values gets one entry per vertex (caller initialises it). */
lia_status lia_centrality(const igraph_t *net, lia_measure m, igraph_vector_t *values,
                          lia_diag *d);

/* Leiden communities of net (as lia_analyse stores them), numbered 0, 1,
 * ... in order of first vertex; membership gets one entry per vertex. */
lia_status lia_communities(const igraph_t *net, igraph_vector_int_t *membership, lia_diag *d);

/* Computes every measure and the communities and stores them on g's vertices. */
lia_status lia_analyse(lia_graph *g, lia_diag *d);

#endif
