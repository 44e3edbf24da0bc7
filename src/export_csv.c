/* export_csv.c — the knowledge graph as the node and relationship CSV files
 * of `neo4j-admin database import` (typed headers, :ID/:LABEL/:START_ID/
 * :END_ID/:TYPE columns), RFC 4180 quoting, deterministic, written
 * atomically.  Never prints. */
#include "export.h"

#include <errno.h>
#include <math.h>
#include <unistd.h>

/* Appends s as one CSV field, quoted when it holds a comma, a quote, a
 * line break or leading/trailing space; quotes are doubled. */
static void add_field(strbuf *b, const char *s)
{
    size_t n = strlen(s);
    int quote = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (const char *p = s; *p && !quote; p++)
        quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
    if (!quote) {
        sb_adds(b, s);
        return;
    }
    sb_addc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sb_addc(b, '"');
        sb_addc(b, *p);
    }
    sb_addc(b, '"');
}

/* One property column: the attribute, its header and how to print it. */
typedef struct {
    const char *attr;
    igraph_attribute_type_t type;
    int as_int;
} column;

static int is_count(const char *name)
{
    static const char *const counts[] = {"mentions", "degree", "community", "weight"};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
        if (strcmp(name, counts[i]) == 0)
            return 1;
    return 0;
}

static double num_at(const igraph_t *g, int vertex, const char *attr, igraph_integer_t i)
{
    return vertex ? igraph_cattribute_VAN(g, attr, i) : igraph_cattribute_EAN(g, attr, i);
}

/* Builds the column for attribute a of attrs: a count is :int only when
 * every value is whole. */
static column make_column(const igraph_t *g, int vertex, const lia_attrs *attrs, size_t a)
{
    column c = {attrs->names[a], attrs->types[a], 0};
    if (c.type == IGRAPH_ATTRIBUTE_NUMERIC && is_count(c.attr)) {
        igraph_integer_t n = vertex ? igraph_vcount(g) : igraph_ecount(g);
        c.as_int = 1;
        for (igraph_integer_t i = 0; i < n && c.as_int; i++) {
            double x = num_at(g, vertex, c.attr, i);
            c.as_int = isfinite(x) && x == floor(x) && fabs(x) < 9.0e15;
        }
    }
    return c;
}

static void add_header(strbuf *b, const column *c)
{
    sb_addc(b, ',');
    strbuf h;
    sb_init(&h);
    sb_adds(&h, c->attr);
    if (c->type == IGRAPH_ATTRIBUTE_NUMERIC)
        sb_adds(&h, c->as_int ? ":int" : ":double");
    else if (c->type == IGRAPH_ATTRIBUTE_BOOLEAN)
        sb_adds(&h, ":boolean");
    add_field(b, h.s);
    sb_release(&h);
}

static void add_cell(strbuf *b, const igraph_t *g, int vertex, const column *c,
                     igraph_integer_t i)
{
    char num[40];
    sb_addc(b, ',');
    if (c->type == IGRAPH_ATTRIBUTE_NUMERIC) {
        double x = num_at(g, vertex, c->attr, i);
        if (!isfinite(x))
            return;   /* empty: no property */
        if (c->as_int)
            snprintf(num, sizeof num, "%.0f", x);
        else
            lia_format_real(num, sizeof num, x);
        sb_adds(b, num);
    } else if (c->type == IGRAPH_ATTRIBUTE_BOOLEAN) {
        igraph_bool_t v = vertex ? igraph_cattribute_VAB(g, c->attr, i)
                                 : igraph_cattribute_EAB(g, c->attr, i);
        sb_adds(b, v ? "true" : "false");
    } else if (c->type == IGRAPH_ATTRIBUTE_STRING) {
        add_field(b, vertex ? lia_vstr(g, c->attr, i) : lia_estr(g, c->attr, i));
    }
}

/* Orders the columns: first the names in `first` that exist, then every
 * other attribute in igraph's order except those in `skip`.  Returns the
 * number of columns written to cols (room for attrs->n). */
static size_t plan_columns(const igraph_t *g, int vertex, const lia_attrs *attrs,
                           const char *const *first, const char *const *skip, column *cols)
{
    size_t n = 0;
    for (size_t k = 0; first[k]; k++) {
        long a = lia_attrs_find(attrs, first[k]);
        if (a >= 0)
            cols[n++] = make_column(g, vertex, attrs, (size_t)a);
    }
    for (size_t a = 0; a < attrs->n; a++) {
        int taken = 0;
        for (size_t k = 0; first[k] && !taken; k++)
            taken = strcmp(first[k], attrs->names[a]) == 0;
        for (size_t k = 0; skip[k] && !taken; k++)
            taken = strcmp(skip[k], attrs->names[a]) == 0;
        if (!taken)
            cols[n++] = make_column(g, vertex, attrs, a);
    }
    return n;
}

/* The :LABEL cell of v: the `labels` attribute (":Person:Agency" →
 * "Person;Agency"), else the label of its type. */
static void add_labels(strbuf *b, const igraph_t *g, igraph_integer_t v)
{
    const char *labels = lia_vstr(g, "labels", v);
    if (!*labels)
        labels = lia_type_label(lia_vstr(g, "type", v));
    strbuf cell;
    sb_init(&cell);
    for (const char *p = labels; *p; p++) {
        if (*p == ':') {
            if (cell.len && cell.s[cell.len - 1] != ';')
                sb_addc(&cell, ';');
        } else {
            sb_addc(&cell, *p);
        }
    }
    if (cell.len && cell.s[cell.len - 1] == ';')
        cell.s[--cell.len] = '\0';
    sb_addc(b, ',');
    add_field(b, cell.s ? cell.s : "");
    sb_release(&cell);
}

static void write_nodes(strbuf *b, const igraph_t *g, const lia_attrs *attrs, char **ids)
{
    static const char *const first[] = {"name", "name_latin", NULL};
    static const char *const skip[] = {"key", "id", "label", "labels", NULL};
    column *cols = xmalloc((attrs->n ? attrs->n : 1) * sizeof *cols);
    size_t nc = plan_columns(g, 1, attrs, first, skip, cols);
    sb_adds(b, "key:ID");
    for (size_t c = 0; c < nc; c++)
        add_header(b, &cols[c]);
    sb_adds(b, ",:LABEL\n");
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        add_field(b, ids[v]);
        for (size_t c = 0; c < nc; c++)
            add_cell(b, g, 1, &cols[c], v);
        add_labels(b, g, v);
        sb_addc(b, '\n');
    }
    free(cols);
}

static void write_edges(strbuf *b, const igraph_t *g, const lia_attrs *attrs, char **ids)
{
    static const char *const first[] = {"date", "place", "source", "evidence", "rule",
                                        "weight", NULL};
    static const char *const skip[] = {"relation", "label", "id", NULL};
    column *cols = xmalloc((attrs->n ? attrs->n : 1) * sizeof *cols);
    size_t nc = plan_columns(g, 0, attrs, first, skip, cols);
    sb_adds(b, ":START_ID,:END_ID,:TYPE");
    for (size_t c = 0; c < nc; c++)
        add_header(b, &cols[c]);
    sb_addc(b, '\n');
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        const char *type = lia_estr(g, "relation", e);
        if (!*type)
            type = lia_estr(g, "label", e);
        add_field(b, ids[IGRAPH_FROM(g, e)]);
        sb_addc(b, ',');
        add_field(b, ids[IGRAPH_TO(g, e)]);
        sb_addc(b, ',');
        add_field(b, *type ? type : "RELATED");
        for (size_t c = 0; c < nc; c++)
            add_cell(b, g, 0, &cols[c], e);
        sb_addc(b, '\n');
    }
    free(cols);
}

/* Writes text to a fresh temporary file beside path; *tmp receives its
 * name (caller frees, and commits or unlinks it). */
static lia_status write_tmp(const char *path, const strbuf *text, char **tmp, lia_diag *d)
{
    *tmp = lia_tmp_path_beside(path);
    FILE *fp = fopen(*tmp, "wb");
    if (!fp)
        return lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
    if (text->len)
        fwrite(text->s, 1, text->len, fp);
    int bad = ferror(fp);
    bad |= fclose(fp) != 0;
    if (bad) {
        lia_status st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
        unlink(*tmp);
        return st;
    }
    return LIA_OK;
}

lia_status lia_export_csv(const lia_graph *graph, const char *nodes_path, const char *edges_path,
                          lia_diag *d)
{
    const igraph_t *g = &graph->g;
    lia_attrs vattrs = {0}, eattrs = {0};
    lia_status st = lia_attrs_list(g, IGRAPH_ATTRIBUTE_VERTEX, &vattrs, d);
    if (st == LIA_OK)
        st = lia_attrs_list(g, IGRAPH_ATTRIBUTE_EDGE, &eattrs, d);
    if (st != LIA_OK) {
        lia_attrs_release(&vattrs);
        lia_attrs_release(&eattrs);
        return st;
    }
    char **ids = lia_vertex_ids(g);
    strbuf nodes, edges;
    sb_init(&nodes);
    sb_init(&edges);
    write_nodes(&nodes, g, &vattrs, ids);
    write_edges(&edges, g, &eattrs, ids);
    lia_vertex_ids_free(ids, igraph_vcount(g));
    lia_attrs_release(&vattrs);
    lia_attrs_release(&eattrs);

    char *tmp_nodes = NULL, *tmp_edges = NULL;
    st = write_tmp(nodes_path, &nodes, &tmp_nodes, d);
    if (st == LIA_OK) {
        st = write_tmp(edges_path, &edges, &tmp_edges, d);
        if (st != LIA_OK)
            unlink(tmp_nodes);
    }
    if (st == LIA_OK) {
        st = lia_commit_tmp(tmp_nodes, nodes_path, d);
        if (st == LIA_OK)
            st = lia_commit_tmp(tmp_edges, edges_path, d);
        else
            unlink(tmp_edges);
    }
    free(tmp_nodes);
    free(tmp_edges);
    sb_release(&nodes);
    sb_release(&edges);
    return st;
}
