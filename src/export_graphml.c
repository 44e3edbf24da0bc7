/* export_graphml.c — the knowledge graph as GraphML, streamed to a
 * temporary file beside the target and renamed into place.
 *
 * The document is the one igraph_write_graph_graphml writes (same keys,
 * order, escaping and "%.15g" numbers; tests/unit/test_graph.c compares
 * the two byte for byte), written here because igraph's writer spends its
 * time in fprintf: one call per value, and libgfortran, which igraph's
 * ARPACK and LAPACK bring in, loads libquadmath, whose printf hooks put
 * every printf of the process on glibc's slow path.  On a 100k-node,
 * 1M-edge graph igraph's writer takes about 4.5 s, this one under 1 s.
 *
 * Key ids are prefixed (g_, v_, e_): nodes and edges both have a `label`
 * attribute, and GraphML wants every key id unique; readers use the
 * attr.name, which stays unprefixed. */
#include "graph.h"

#include <errno.h>
#include <math.h>
#include <unistd.h>

/* A write buffer in front of a FILE: a few large fwrite calls. */
typedef struct {
    FILE *fp;
    char buf[1 << 16];
    size_t n;
    int failed;
} out;

static void out_flush(out *o)
{
    if (o->n && fwrite(o->buf, 1, o->n, o->fp) != o->n)
        o->failed = 1;
    o->n = 0;
}

static void out_mem(out *o, const char *s, size_t len)
{
    if (o->n + len > sizeof o->buf) {
        out_flush(o);
        if (len > sizeof o->buf) {
            if (fwrite(s, 1, len, o->fp) != len)
                o->failed = 1;
            return;
        }
    }
    memcpy(o->buf + o->n, s, len);
    o->n += len;
}

static void out_str(out *o, const char *s)
{
    out_mem(o, s, strlen(s));
}

/* s with & < > " ' as entities, as igraph escapes them.  The graph holds
 * no other control characters than TAB and LF (graph.c replaces them). */
static void out_escaped(out *o, const char *s)
{
    for (;;) {
        size_t plain = strcspn(s, "&<>\"'");
        out_mem(o, s, plain);
        s += plain;
        switch (*s) {
        case '&': out_mem(o, "&amp;", 5); break;
        case '<': out_mem(o, "&lt;", 4); break;
        case '>': out_mem(o, "&gt;", 4); break;
        case '"': out_mem(o, "&quot;", 6); break;
        case '\'': out_mem(o, "&apos;", 6); break;
        default: return;
        }
        s++;
    }
}

static void out_int(out *o, long long v)
{
    char digits[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        digits[n++] = '-';
    char text[24];
    for (int i = 0; i < n; i++)
        text[i] = digits[n - 1 - i];
    out_mem(o, text, (size_t)n);
}

/* A number as igraph_real_fprintf_precise prints it ("%.15g", NaN, Inf):
 * whole numbers directly (what "%.15g" gives them), others through
 * igraph's own formatting. */
static void out_real(out *o, double v)
{
    if (isfinite(v) && v == floor(v) && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
        out_int(o, (long long)v);
        return;
    }
    char text[64];
    int n = igraph_real_snprintf_precise(text, sizeof text, v);
    if (n > 0)
        out_mem(o, text, (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
}

typedef enum { ELEM_GRAPH, ELEM_NODE, ELEM_EDGE } elem;

/* One attribute: its values are read in place, one at a time (copying a
 * million strings into a vector first costs more than writing them). */
typedef struct {
    const char *name;
    int type;                  /* IGRAPH_ATTRIBUTE_STRING, _NUMERIC or _BOOLEAN */
    elem el;
} column;

/* The <data> element of value i of col, with the indent of its element;
 * numbers that are NaN are left out, as igraph does. */
static void out_data(out *o, const igraph_t *g, const char *indent, const char *prefix,
                     const column *col, igraph_integer_t i)
{
    const char *name = col->name;
    switch (col->type) {
    case IGRAPH_ATTRIBUTE_STRING:
    case IGRAPH_ATTRIBUTE_NUMERIC:
    case IGRAPH_ATTRIBUTE_BOOLEAN:
        break;
    default:
        return;                /* other types are not written, as in igraph */
    }
    double num = 0;
    if (col->type == IGRAPH_ATTRIBUTE_NUMERIC) {
        num = col->el == ELEM_GRAPH ? igraph_cattribute_GAN(g, name)
              : col->el == ELEM_NODE ? igraph_cattribute_VAN(g, name, i)
                                     : igraph_cattribute_EAN(g, name, i);
        if (isnan(num))
            return;
    }
    out_str(o, indent);
    out_str(o, "<data key=\"");
    out_str(o, prefix);
    out_escaped(o, name);
    out_str(o, "\">");
    if (col->type == IGRAPH_ATTRIBUTE_STRING) {
        out_escaped(o, col->el == ELEM_GRAPH ? igraph_cattribute_GAS(g, name)
                       : col->el == ELEM_NODE ? igraph_cattribute_VAS(g, name, i)
                                              : igraph_cattribute_EAS(g, name, i));
    } else if (col->type == IGRAPH_ATTRIBUTE_NUMERIC) {
        out_real(o, num);
    } else {
        igraph_bool_t b = col->el == ELEM_GRAPH ? igraph_cattribute_GAB(g, name)
                          : col->el == ELEM_NODE ? igraph_cattribute_VAB(g, name, i)
                                                 : igraph_cattribute_EAB(g, name, i);
        out_str(o, b ? "true" : "false");
    }
    out_str(o, "</data>\n");
}

static void out_key(out *o, const char *prefix, const char *for_what, const column *col)
{
    const char *type = col->type == IGRAPH_ATTRIBUTE_STRING ? "string"
                       : col->type == IGRAPH_ATTRIBUTE_NUMERIC ? "double"
                       : col->type == IGRAPH_ATTRIBUTE_BOOLEAN ? "boolean" : NULL;
    if (!type)
        return;
    out_str(o, "  <key id=\"");
    out_str(o, prefix);
    out_escaped(o, col->name);
    out_str(o, "\" for=\"");
    out_str(o, for_what);
    out_str(o, "\" attr.name=\"");
    out_escaped(o, col->name);
    out_str(o, "\" attr.type=\"");
    out_str(o, type);
    out_str(o, "\"/>\n");
}

static column *columns(const igraph_strvector_t *names, const igraph_vector_int_t *types,
                       elem el, size_t *n)
{
    *n = (size_t)igraph_strvector_size(names);
    column *cols = xcalloc(*n ? *n : 1, sizeof *cols);
    for (size_t k = 0; k < *n; k++)
        cols[k] = (column){ igraph_strvector_get(names, (igraph_integer_t)k),
                            (int)VECTOR(*types)[k], el };
    return cols;
}

static igraph_error_t write_graphml(const igraph_t *g, out *o)
{
    igraph_strvector_t gnames, vnames, enames;
    igraph_vector_int_t gtypes, vtypes, etypes;
    column *gc = NULL, *vc = NULL, *ec = NULL;
    size_t ng = 0, nv = 0, ne = 0;
    int inited = 0;
    igraph_error_t e = IGRAPH_SUCCESS;
    if (!(e = igraph_strvector_init(&gnames, 0)) && ++inited && !(e = igraph_strvector_init(&vnames, 0))
        && ++inited && !(e = igraph_strvector_init(&enames, 0)) && ++inited
        && !(e = igraph_vector_int_init(&gtypes, 0)) && ++inited
        && !(e = igraph_vector_int_init(&vtypes, 0)) && ++inited
        && !(e = igraph_vector_int_init(&etypes, 0)) && ++inited)
        e = igraph_cattribute_list(g, &gnames, &gtypes, &vnames, &vtypes, &enames, &etypes);
    if (!e) {
        gc = columns(&gnames, &gtypes, ELEM_GRAPH, &ng);
        vc = columns(&vnames, &vtypes, ELEM_NODE, &nv);
        ec = columns(&enames, &etypes, ELEM_EDGE, &ne);
        out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns\n"
                   "         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                   "<!-- Created by liaison -->\n");
        for (size_t k = 0; k < ng; k++)
            out_key(o, "g_", "graph", &gc[k]);
        for (size_t k = 0; k < nv; k++)
            out_key(o, "v_", "node", &vc[k]);
        for (size_t k = 0; k < ne; k++)
            out_key(o, "e_", "edge", &ec[k]);
        out_str(o, igraph_is_directed(g) ? "  <graph id=\"G\" edgedefault=\"directed\">\n"
                                         : "  <graph id=\"G\" edgedefault=\"undirected\">\n");
        for (size_t k = 0; k < ng; k++)
            out_data(o, g, "    ", "g_", &gc[k], 0);
        igraph_integer_t vcount = igraph_vcount(g), ecount = igraph_ecount(g);
        for (igraph_integer_t v = 0; v < vcount; v++) {
            out_str(o, "    <node id=\"n");
            out_int(o, v);
            out_str(o, "\">\n");
            for (size_t k = 0; k < nv; k++)
                out_data(o, g, "      ", "v_", &vc[k], v);
            out_str(o, "    </node>\n");
        }
        for (igraph_integer_t ed = 0; ed < ecount; ed++) {
            out_str(o, "    <edge source=\"n");
            out_int(o, IGRAPH_FROM(g, ed));
            out_str(o, "\" target=\"n");
            out_int(o, IGRAPH_TO(g, ed));
            out_str(o, "\">\n");
            for (size_t k = 0; k < ne; k++)
                out_data(o, g, "      ", "e_", &ec[k], ed);
            out_str(o, "    </edge>\n");
        }
        out_str(o, "  </graph>\n</graphml>\n");
        out_flush(o);
    }
    free(gc);
    free(vc);
    free(ec);
    if (inited >= 1) igraph_strvector_destroy(&gnames);
    if (inited >= 2) igraph_strvector_destroy(&vnames);
    if (inited >= 3) igraph_strvector_destroy(&enames);
    if (inited >= 4) igraph_vector_int_destroy(&gtypes);
    if (inited >= 5) igraph_vector_int_destroy(&vtypes);
    if (inited >= 6) igraph_vector_int_destroy(&etypes);
    return e;
}

lia_status lia_export_graphml(const lia_graph *g, const char *path, lia_diag *d)
{
    lia_igraph_setup();
    char *tmp = lia_tmp_path_beside(path);
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        lia_status st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
        free(tmp);
        return st;
    }
    out *o = xcalloc(1, sizeof *o);
    o->fp = fp;
    igraph_error_t e = write_graphml(&g->g, o);
    int bad = o->failed || ferror(fp);
    free(o);
    bad |= fclose(fp) != 0;
    lia_status st = LIA_OK;
    if (e) {
        char *what = xasprintf("cannot write '%s'", path);
        st = lia_igraph_fail(e, d, what);
        free(what);
        unlink(tmp);
    } else if (bad) {
        st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
        unlink(tmp);
    } else {
        st = lia_commit_tmp(tmp, path, d);
    }
    lia_igraph_take_warnings(d);
    free(tmp);
    return st;
}
