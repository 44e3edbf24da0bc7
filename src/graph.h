/* graph.h — the knowledge graph in igraph, built from facts.
 *
 * Vertices are entities in key order; edges are relations in facts order,
 * one edge per relation (multi-edges kept), directed a → b.  Vertex and edge
 * attributes live in igraph's C attribute handler under the names of the
 * graph contract (README): key, type, name, name_latin, aliases, country,
 * mentions, and after lia_analyse the centralities; relation, date, place,
 * source, evidence, rule, weight on edges.
 */
#ifndef LIA_GRAPH_H
#define LIA_GRAPH_H

#include <igraph.h>

#include "facts.h"

struct lia_graph {
    igraph_t g;            /* directed knowledge graph with attributes */
};

/* Installs liaison's igraph error handler and the C attribute handler.
 * Idempotent; called by every function that touches igraph. */
void lia_igraph_setup(void);

/* The actor network: persons, agencies, countries and organizations;
 * undirected; edges of the given relation (or every relation between actors
 * when relation is NULL) collapsed into one edge per pair with weight =
 * their count.  vertex_of_actor[i] is the knowledge-graph vertex of actor i
 * (caller destroys both outputs). */
lia_status lia_actor_network(const igraph_t *kg, const char *relation, igraph_t *net,
                             igraph_vector_int_t *vertex_of_actor, lia_diag *d);

/* Turns a failed igraph call into a lia_diag message "WHAT: igraph's
 * reason" (the reason recorded by liaison's error handler) and returns
 * LIA_ERR_GRAPH (LIA_ERR_NOMEM for IGRAPH_ENOMEM). */
lia_status lia_igraph_fail(igraph_error_t err, lia_diag *d, const char *what);
/* Moves the igraph warnings collected since the last call into d (as
 * lia_warn lines); with d NULL they are dropped. */
void lia_igraph_take_warnings(lia_diag *d);

/* Is type one of the actor types (person, agency, country, organization)? */
int lia_is_actor_type(const char *type);
/* The Neo4j label of a type (":Person" ...; ":Entity" when unknown). */
const char *lia_type_label(const char *type);

/* A vertex's string attribute, or "" when the graph has no such attribute. */
const char *lia_vstr(const igraph_t *g, const char *attr, igraph_integer_t v);
const char *lia_estr(const igraph_t *g, const char *attr, igraph_integer_t e);

/* Reads a GraphML file (liaison's, or any GraphML igraph's reader accepts)
 * into a new lia_graph the caller releases with lia_graph_free.  Refuses
 * XML with a DOCTYPE or ENTITY declaration (no entity expansion, no
 * external entities) and empty files; igraph's warnings go into d. */
lia_status lia_graph_load(const char *path, lia_graph **out, lia_diag *d);

/* One identifier per vertex, unique and stable: the `key` attribute; for a
 * vertex without one, the GraphML node id (igraph's `id` attribute), else
 * "n<index>"; an identifier already taken gets "#<index>" appended.
 * Returns igraph_vcount(g) malloc'd strings in a malloc'd array (the
 * caller releases it with lia_vertex_ids_free). */
char **lia_vertex_ids(const igraph_t *g);
void lia_vertex_ids_free(char **ids, igraph_integer_t n);

/* The attributes of one kind (graph, vertex or edge) in igraph's order,
 * with their types (IGRAPH_ATTRIBUTE_STRING, _NUMERIC, _BOOLEAN ...).
 * lia_attrs_list fills l (names are copies); lia_attrs_release frees them. */
typedef struct {
    char **names;
    igraph_attribute_type_t *types;
    size_t n;
} lia_attrs;
lia_status lia_attrs_list(const igraph_t *g, igraph_attribute_elemtype_t kind, lia_attrs *l,
                          lia_diag *d);
void lia_attrs_release(lia_attrs *l);
/* Index of name in l, or -1. */
long lia_attrs_find(const lia_attrs *l, const char *name);

/* Formats x with the fewest significant digits (15 to 17) that read back
 * as the same double; "nan", "inf", "-inf" for the others.  buf holds at
 * least 32 bytes. */
void lia_format_real(char *buf, size_t size, double x);

#endif
