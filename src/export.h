/* export.h — the knowledge graph for other tools: node-link JSON (networkx
 * node_link_data, d3) and the node and relationship CSV files of
 * `neo4j-admin database import`.  Both work on any lia_graph (built, or
 * read back with lia_graph_load) and write atomically.
 */
#ifndef LIA_EXPORT_H
#define LIA_EXPORT_H

#include "graph.h"

/* Writes {"directed", "multigraph": true, "graph", "nodes", "links"} to
 * path.  A node's "id" is its identifier from lia_vertex_ids (the `key`);
 * every vertex attribute follows (except igraph's `id`).  A link carries
 * "source" and "target" node ids, "key" (0, 1 ... among the edges with the
 * same ends, in edge order, as networkx numbers parallel edges) and every
 * edge attribute; the edge attribute `source` (the document) is written as
 * "document", and attributes named target, key or id as "attr_NAME", so
 * that they do not collide with node-link's own fields.  Numbers use the
 * shortest exact form; NaN and infinities become null. */
lia_status lia_export_json(const lia_graph *g, const char *path, lia_diag *d);

/* Writes nodes_path (`key:ID,name,name_latin,...,:LABEL`) and edges_path
 * (`:START_ID,:END_ID,:TYPE,date,place,source,evidence,rule,weight:int`,
 * then any other edge attribute) with RFC 4180 quoting and LF line ends.
 * Counts (mentions, degree, community, weight) are `:int` when every value
 * is whole, other numbers `:double`, booleans `:boolean`.  :LABEL comes
 * from the `labels` attribute (":Person" → "Person"), :TYPE from
 * `relation`.  Both files are written before either replaces its target. */
lia_status lia_export_csv(const lia_graph *g, const char *nodes_path, const char *edges_path,
                          lia_diag *d);

#endif
