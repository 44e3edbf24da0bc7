/* export_json.c — the knowledge graph as node-link JSON (the layout of
 * networkx's node_link_data and of d3), every attribute carried over,
 * deterministic, written atomically.  Never prints. */
#include "export.h"

#include <math.h>
#include <stdint.h>

/* Appends one attribute value of vertex or edge i as JSON. */
static void add_value(strbuf *b, const igraph_t *g, igraph_attribute_elemtype_t kind,
                      const char *name, igraph_attribute_type_t type, igraph_integer_t i)
{
    char num[40];
    double x;
    switch (type) {
    case IGRAPH_ATTRIBUTE_NUMERIC:
        x = kind == IGRAPH_ATTRIBUTE_GRAPH    ? igraph_cattribute_GAN(g, name)
            : kind == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAN(g, name, i)
                                              : igraph_cattribute_EAN(g, name, i);
        if (!isfinite(x)) {
            sb_adds(b, "null");
            return;
        }
        lia_format_real(num, sizeof num, x);
        sb_adds(b, num);
        return;
    case IGRAPH_ATTRIBUTE_BOOLEAN: {
        igraph_bool_t v = kind == IGRAPH_ATTRIBUTE_GRAPH    ? igraph_cattribute_GAB(g, name)
                          : kind == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAB(g, name, i)
                                                            : igraph_cattribute_EAB(g, name, i);
        sb_adds(b, v ? "true" : "false");
        return;
    }
    case IGRAPH_ATTRIBUTE_STRING: {
        const char *s = kind == IGRAPH_ATTRIBUTE_GRAPH    ? igraph_cattribute_GAS(g, name)
                        : kind == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS(g, name, i)
                                                          : igraph_cattribute_EAS(g, name, i);
        lia_json_escape(b, s ? s : "");
        return;
    }
    default:
        sb_adds(b, "null");
        return;
    }
}

/* The JSON member name of an edge attribute (see export.h). */
static const char *link_field(const char *name, char *buf, size_t size)
{
    if (strcmp(name, "source") == 0)
        return "document";
    if (strcmp(name, "target") == 0 || strcmp(name, "key") == 0 || strcmp(name, "id") == 0) {
        snprintf(buf, size, "attr_%s", name);
        return buf;
    }
    return name;
}

static void add_attrs(strbuf *b, const igraph_t *g, igraph_attribute_elemtype_t kind,
                      const lia_attrs *attrs, igraph_integer_t i, int first)
{
    char buf[300];
    for (size_t a = 0; a < attrs->n; a++) {
        const char *name = attrs->names[a];
        if (kind == IGRAPH_ATTRIBUTE_VERTEX && strcmp(name, "id") == 0)
            continue;
        if (kind == IGRAPH_ATTRIBUTE_EDGE)
            name = link_field(name, buf, sizeof buf);
        if (!first)
            sb_adds(b, ", ");
        first = 0;
        lia_json_escape(b, name);
        sb_adds(b, ": ");
        add_value(b, g, kind, attrs->names[a], attrs->types[a], i);
    }
}

lia_status lia_export_json(const lia_graph *graph, const char *path, lia_diag *d)
{
    const igraph_t *g = &graph->g;
    lia_attrs gattrs = {0}, vattrs = {0}, eattrs = {0};
    lia_status st = lia_attrs_list(g, IGRAPH_ATTRIBUTE_GRAPH, &gattrs, d);
    if (st == LIA_OK)
        st = lia_attrs_list(g, IGRAPH_ATTRIBUTE_VERTEX, &vattrs, d);
    if (st == LIA_OK)
        st = lia_attrs_list(g, IGRAPH_ATTRIBUTE_EDGE, &eattrs, d);
    if (st != LIA_OK) {
        lia_attrs_release(&gattrs);
        lia_attrs_release(&vattrs);
        lia_attrs_release(&eattrs);
        return st;
    }

    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    char **ids = lia_vertex_ids(g);
    strbuf b;
    sb_init(&b);
    sb_addf(&b, "{\"directed\": %s, \"multigraph\": true, \"graph\": {",
            igraph_is_directed(g) ? "true" : "false");
    add_attrs(&b, g, IGRAPH_ATTRIBUTE_GRAPH, &gattrs, 0, 1);
    sb_adds(&b, "},\n \"nodes\": [");
    for (igraph_integer_t v = 0; v < n; v++) {
        sb_adds(&b, v ? ",\n  {\"id\": " : "\n  {\"id\": ");
        lia_json_escape(&b, ids[v]);
        add_attrs(&b, g, IGRAPH_ATTRIBUTE_VERTEX, &vattrs, v, 0);
        sb_addc(&b, '}');
    }
    sb_adds(&b, n ? "\n ],\n \"links\": [" : "],\n \"links\": [");
    /* Parallel edges are numbered per (source, target) as networkx does:
     * the counter is stored as count + 1 so that NULL means none yet. */
    lia_map parallel;
    lia_map_init(&parallel);
    strbuf pk;
    sb_init(&pk);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        if (!igraph_is_directed(g) && u > v) {
            igraph_integer_t t = u;
            u = v;
            v = t;
        }
        sb_clear(&pk);
        sb_addf(&pk, "%ld %ld", (long)u, (long)v);
        uintptr_t seen = (uintptr_t)lia_map_get(&parallel, pk.s);
        lia_map_put(&parallel, pk.s, (void *)(seen + 1));
        sb_adds(&b, e ? ",\n  {\"source\": " : "\n  {\"source\": ");
        lia_json_escape(&b, ids[IGRAPH_FROM(g, e)]);
        sb_adds(&b, ", \"target\": ");
        lia_json_escape(&b, ids[IGRAPH_TO(g, e)]);
        sb_addf(&b, ", \"key\": %lu", (unsigned long)seen);
        add_attrs(&b, g, IGRAPH_ATTRIBUTE_EDGE, &eattrs, e, 0);
        sb_addc(&b, '}');
    }
    sb_adds(&b, m ? "\n ]}\n" : "]}\n");
    sb_release(&pk);
    lia_map_release(&parallel);
    lia_vertex_ids_free(ids, n);
    lia_attrs_release(&gattrs);
    lia_attrs_release(&vattrs);
    lia_attrs_release(&eattrs);

    lia_outfile out;
    if ((st = lia_outfile_open(&out, path, d)) == LIA_OK) {
        fwrite(b.s, 1, b.len, out.fp);
        st = lia_outfile_commit(&out, d);
    }
    sb_release(&b);
    return st;
}
