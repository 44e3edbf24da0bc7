/* export_dot.c — the knowledge graph as a Graphviz drawing: builds a cgraph
 * graph (styles by entity type and relation, a legend, optional clusters by
 * country, node size by a centrality), writes DOT with agwrite and renders
 * SVG/PNG with gvc, each to a temporary file renamed into place. */
#include "graph.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <unistd.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

/* ---- styles (Okabe-Ito palette: colour-blind safe) ---------------------- */

typedef struct {
    const char *type, *shape, *color, *fill, *title;
} node_style;

static const node_style node_styles[] = {
    {LIA_PERSON, "ellipse", "#0072B2", "#D6EAF8", "person"},
    {LIA_AGENCY, "box", "#E69F00", "#FCEBC7", "agency"},
    {LIA_COUNTRY, "hexagon", "#009E73", "#CDEFE4", "country"},
    {LIA_CITY, "house", "#56B4E9", "#E3F3FC", "city"},
    {LIA_ORGANIZATION, "component", "#CC79A7", "#F5E1EC", "organization"},
    {LIA_EVENT, "note", "#B8860B", "#FBF6CF", "event"},
};
static const node_style other_node = {"", "ellipse", "#666666", "#EEEEEE", "other"};

typedef struct {
    const char *relation, *style, *color, *arrowhead, *dir;
} edge_style;

static const edge_style edge_styles[] = {
    {"met", "bold", "#0072B2", "none", "none"},
    {"visited", "dashed", "#D55E00", "normal", "forward"},
    {"attended", "dotted", "#009E73", "empty", "forward"},
    {"heads", "solid", "#000000", "diamond", "forward"},
    {"hosted", "bold,dashed", "#CC79A7", "box", "forward"},
};
static const edge_style other_edge = {"", "solid", "#888888", "normal", "forward"};

#define FONT "Noto Sans Arabic,Noto Sans,DejaVu Sans,sans-serif"

static const node_style *style_of_type(const char *type)
{
    for (size_t i = 0; i < sizeof node_styles / sizeof node_styles[0]; i++)
        if (strcmp(type, node_styles[i].type) == 0)
            return &node_styles[i];
    return &other_node;
}

static const edge_style *style_of_relation(const char *rel)
{
    for (size_t i = 0; i < sizeof edge_styles / sizeof edge_styles[0]; i++)
        if (strcmp(rel, edge_styles[i].relation) == 0)
            return &edge_styles[i];
    return &other_edge;
}

/* ---- Graphviz error capture --------------------------------------------- */

static _Thread_local strbuf gv_messages;

static int on_graphviz_message(char *msg)
{
    sb_adds(&gv_messages, msg);
    return 0;
}

/* Moves Graphviz's messages into d as warnings, one per line. */
static void take_gv_messages(lia_diag *d)
{
    if (!gv_messages.len)
        return;
    char *p = gv_messages.s;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        if (*p)
            lia_warn(d, "graphviz: %s", p);
        if (!nl)
            break;
        p = nl + 1;
    }
    sb_clear(&gv_messages);
}

/* ---- deterministic object IDs ------------------------------------------- */

/* cgraph's default ID discipline uses the address of a name's string as its
 * ID, and agwrite writes subgraphs in ID order: the order of the clusters
 * would then depend on malloc.  This discipline numbers names in the order
 * they are first seen (even IDs) and anonymous objects separately (odd). */
typedef struct {
    Agraph_t *root;
    lia_map index;               /* name -> position + 1 */
    VEC(char *) names;           /* refstrs of root (agwrite checks their flags) */
    IDTYPE next_anonymous;
} id_state;

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)disc;
    id_state *st = xcalloc(1, sizeof *st);
    st->root = g;
    lia_map_init(&st->index);
    return st;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    id_state *st = state;
    (void)objtype;
    if (!str) {
        *id = 2 * st->next_anonymous++ + 1;
        return 1;
    }
    uintptr_t pos = (uintptr_t)lia_map_get(&st->index, str);
    if (!pos) {
        if (!createflag)
            return 0;
        VEC_PUSH(st->names, agstrdup(st->root, str));
        pos = st->names.n;
        lia_map_put(&st->index, str, (void *)pos);
    }
    *id = 2 * (IDTYPE)(pos - 1);
    return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    return (id & 1) == 0;
}

static void id_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
    id_state *st = state;
    (void)objtype;
    if ((id & 1) || id / 2 >= st->names.n)
        return NULL;
    return st->names.v[id / 2];
}

static void id_close(void *state)
{
    id_state *st = state;
    /* The names live in the graph's string pool, which agclose frees. */
    VEC_FREE(st->names);
    lia_map_release(&st->index);
    free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t ordered_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close,
                                 id_register};

/* ---- building the cgraph graph ------------------------------------------ */

static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* Text for a Graphviz label: backslashes doubled (Graphviz reads \N, \n,
 * \l ... in labels), & written as &amp; (Graphviz decodes entities), CR and
 * other controls as spaces, LF as the centred line break \n.  The DOT
 * writer quotes the result. */
static void add_label_text(strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\\')
            sb_adds(b, "\\\\");
        else if (*p == '&')
            sb_adds(b, "&amp;");
        else if (*p == '\n')
            sb_adds(b, "\\n");
        else if (*p < 0x20 || *p == 0x7f)
            sb_addc(b, ' ');
        else
            sb_addc(b, (char)*p);
    }
}

static double vnum(const igraph_t *g, const char *attr, igraph_integer_t v)
{
    if (!attr || !igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, attr))
        return 0;
    igraph_attribute_type_t t;
    if (igraph_cattribute_table.gettype(g, &t, IGRAPH_ATTRIBUTE_VERTEX, attr) ||
        t != IGRAPH_ATTRIBUTE_NUMERIC)
        return 0;
    double x = igraph_cattribute_VAN(g, attr, v);
    return isfinite(x) ? x : 0;
}

static void add_legend(Agraph_t *root, const igraph_t *kg)
{
    Agraph_t *lg = agsubg(root, (char *)"cluster_legend", 1);
    set(lg, "label", "Legend");
    set(lg, "style", "rounded,dashed");
    set(lg, "color", "#999999");
    set(lg, "fontsize", "12");
    char buf[64];
    for (size_t i = 0; i < sizeof node_styles / sizeof node_styles[0]; i++) {
        const node_style *s = &node_styles[i];
        snprintf(buf, sizeof buf, "legend:%s", s->type);
        Agnode_t *n = agnode(lg, buf, 1);
        set(n, "label", s->title);
        set(n, "shape", s->shape);
        set(n, "color", s->color);
        set(n, "fillcolor", s->fill);
        set(n, "fontsize", "10");
        set(n, "width", "0.6");
        set(n, "height", "0.3");
    }
    /* Relations: the five of the contract, then any other the graph uses. */
    VEC(const char *) rels = {0};
    for (size_t i = 0; i < sizeof edge_styles / sizeof edge_styles[0]; i++)
        VEC_PUSH(rels, edge_styles[i].relation);
    for (igraph_integer_t k = 0; k < igraph_ecount(kg); k++) {
        const char *r = lia_estr(kg, "relation", k);
        int seen = 0;
        for (size_t i = 0; i < rels.n && !seen; i++)
            seen = strcmp(rels.v[i], r) == 0;
        if (!seen && *r)
            VEC_PUSH(rels, r);
    }
    if (rels.n > 5)
        qsort(rels.v + 5, rels.n - 5, sizeof *rels.v, lia_cmp_strp);
    strbuf name;
    sb_init(&name);
    for (size_t i = 0; i < rels.n; i++) {
        const edge_style *s = style_of_relation(rels.v[i]);
        sb_clear(&name);
        sb_addf(&name, "legend:%s:from", rels.v[i]);
        Agnode_t *a = agnode(lg, name.s, 1);
        sb_clear(&name);
        sb_addf(&name, "legend:%s:to", rels.v[i]);
        Agnode_t *b = agnode(lg, name.s, 1);
        set(a, "shape", "point");
        set(a, "width", "0.08");
        set(a, "label", "");
        set(b, "shape", "plaintext");
        sb_clear(&name);
        add_label_text(&name, rels.v[i]);
        set(b, "label", name.s);
        set(b, "fontsize", "10");
        set(b, "style", "");
        Agedge_t *e = agedge(lg, a, b, NULL, 1);
        set(e, "style", s->style);
        set(e, "color", s->color);
        set(e, "arrowhead", s->arrowhead);
        set(e, "dir", s->dir);
        set(e, "label", "");
    }
    sb_release(&name);
    VEC_FREE(rels);
}

/* Builds the drawing; returns the layout engine to use. */
static const char *build(Agraph_t *root, const igraph_t *kg, const lia_dot_options *o)
{
    igraph_integer_t n = igraph_vcount(kg), m = igraph_ecount(kg);
    int clusters = o && o->cluster_country;
    /* dot for every size: it keeps the legend and the clusters together
     * (sfdp ignores clusters), and unlinked nodes are packed into a grid
     * below so that they do not pile up in one tall column. */
    const char *engine = "dot";

    set(root, "layout", engine);
    set(root, "rankdir", "LR");
    /* newrank: better ranks with clusters, and it avoids a double free in
     * Graphviz 2.42's dot cleanup with clusters and edge labels. */
    set(root, "newrank", "true");
    set(root, "fontname", FONT);
    set(root, "charset", "UTF-8");
    set(root, "overlap", "false");
    set(root, "splines", "true");
    set(root, "nodesep", "0.3");
    set(root, "ranksep", "0.6");
    set(root, "pad", "0.3");
    set(root, "bgcolor", "white");
    agattr(root, AGNODE, (char *)"fontname", (char *)FONT);
    agattr(root, AGNODE, (char *)"style", (char *)"filled");
    agattr(root, AGNODE, (char *)"penwidth", (char *)"1.5");
    agattr(root, AGEDGE, (char *)"fontname", (char *)FONT);
    agattr(root, AGEDGE, (char *)"fontsize", (char *)"9");
    agattr(root, AGEDGE, (char *)"fontcolor", (char *)"#444444");

    /* Size by centrality: relative to the largest value in the graph. */
    const char *size_by = o ? o->size_by : NULL;
    double max = 0;
    for (igraph_integer_t v = 0; v < n && size_by; v++) {
        double x = vnum(kg, size_by, v);
        if (x > max)
            max = x;
    }

    /* Vertices without any relation go into one grid-shaped cluster. */
    igraph_vector_int_t deg;
    igraph_vector_int_init(&deg, 0);
    if (igraph_degree(kg, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) != IGRAPH_SUCCESS)
        igraph_vector_int_clear(&deg);
    Agraph_t *unlinked = NULL;
    VEC(Agnode_t *) grid = {0};

    lia_map cluster_of;
    lia_map_init(&cluster_of);
    strbuf b;
    sb_init(&b);
    char num[32];
    Agnode_t **node = xmalloc((size_t)(n ? n : 1) * sizeof *node);
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *key = lia_vstr(kg, "key", v);
        const char *type = lia_vstr(kg, "type", v);
        const char *country = lia_vstr(kg, "country", v);
        Agraph_t *parent = root;
        int isolated = v < igraph_vector_int_size(&deg) && VECTOR(deg)[v] == 0;
        /* Entities with no relation say nothing in a network picture: they
         * stay in the GraphML, and in the picture only on request. */
        if (isolated && !(o && o->show_isolated)) {
            node[v] = NULL;
            continue;
        }
        if (clusters && *country) {
            parent = lia_map_get(&cluster_of, country);
            if (!parent) {
                sb_clear(&b);
                sb_addf(&b, "cluster_country_%s", country);
                parent = agsubg(root, b.s, 1);
                sb_clear(&b);
                add_label_text(&b, country);
                set(parent, "label", b.s);
                set(parent, "style", "rounded");
                set(parent, "color", "#BBBBBB");
                set(parent, "fontsize", "12");
                lia_map_put(&cluster_of, country, parent);
            }
        }
        if (parent == root && isolated) {
            if (!unlinked) {
                unlinked = agsubg(root, (char *)"cluster_unlinked", 1);
                set(unlinked, "label", "no relation found");
                set(unlinked, "style", "rounded,dotted");
                set(unlinked, "color", "#BBBBBB");
                set(unlinked, "fontsize", "12");
            }
            parent = unlinked;
        }
        Agnode_t *nd = agnode(parent, (char *)(*key ? key : "?"), 1);
        node[v] = nd;
        if (parent == unlinked)
            VEC_PUSH(grid, nd);
        const node_style *s = style_of_type(type);
        sb_clear(&b);
        add_label_text(&b, lia_vstr(kg, "name", v));
        const char *latin = lia_vstr(kg, "name_latin", v);
        if (*latin) {
            sb_adds(&b, "\\n");
            add_label_text(&b, latin);
        }
        set(nd, "label", b.s ? b.s : "");
        set(nd, "shape", s->shape);
        set(nd, "color", s->color);
        set(nd, "fillcolor", s->fill);
        if (strcmp(type, LIA_COUNTRY) == 0)
            set(nd, "peripheries", "2");
        sb_clear(&b);
        sb_adds(&b, s->title);
        const char *role = lia_vstr(kg, "role", v);
        if (*role) {
            sb_adds(&b, ": ");
            add_label_text(&b, role);
        }
        set(nd, "tooltip", b.s);
        if (size_by && max > 0) {
            double r = vnum(kg, size_by, v) / max;
            snprintf(num, sizeof num, "%.1f", 10.0 + 8.0 * sqrt(r));
            set(nd, "fontsize", num);
            snprintf(num, sizeof num, "%.2f", 0.75 + 1.0 * sqrt(r));
            set(nd, "width", num);
            snprintf(num, sizeof num, "%.2f", 0.4 + 0.5 * sqrt(r));
            set(nd, "height", num);
        }
    }
    /* One drawn edge per (from, to, relation): the graph keeps every
     * relation, the picture stays readable.  Its label lists the distinct
     * dates and its width grows with the count. */
    lia_map drawn;
    lia_map_init(&drawn);
    VEC(struct drawn_edge { Agedge_t *e; strbuf dates; int count; }) de = { 0 };
    for (igraph_integer_t k = 0; k < m; k++) {
        const char *rel = lia_estr(kg, "relation", k);
        const char *date = lia_estr(kg, "date", k);
        char *dkey = xasprintf("%ld|%ld|%s", (long)IGRAPH_FROM(kg, k), (long)IGRAPH_TO(kg, k), rel);
        uintptr_t at = (uintptr_t)lia_map_get(&drawn, dkey);
        if (at) {
            struct drawn_edge *d = &de.v[at - 1];
            d->count++;
            if (date[0] && (!d->dates.s || !strstr(d->dates.s, date))) {
                if (d->dates.len)
                    sb_adds(&d->dates, ", ");
                sb_adds(&d->dates, date);
            }
            free(dkey);
            continue;
        }
        Agedge_t *e = agedge(root, node[IGRAPH_FROM(kg, k)], node[IGRAPH_TO(kg, k)], NULL, 1);
        const edge_style *s = style_of_relation(rel);
        set(e, "style", s->style);
        set(e, "color", s->color);
        set(e, "arrowhead", s->arrowhead);
        set(e, "dir", s->dir);
        sb_clear(&b);
        add_label_text(&b, rel);
        set(e, "tooltip", b.s ? b.s : "");
        struct drawn_edge d = { e, { 0 }, 1 };
        sb_init(&d.dates);
        if (date[0])
            sb_adds(&d.dates, date);
        VEC_PUSH(de, d);
        lia_map_put(&drawn, dkey, (void *)(uintptr_t)de.n);
        free(dkey);
    }
    for (size_t i = 0; i < de.n; i++) {
        sb_clear(&b);
        add_label_text(&b, de.v[i].dates.s ? de.v[i].dates.s : "");
        set(de.v[i].e, "label", b.s ? b.s : "");
        if (de.v[i].count > 1) {
            snprintf(num, sizeof num, "%.1f", 1.0 + log2((double)de.v[i].count));
            set(de.v[i].e, "penwidth", num);
        }
        sb_release(&de.v[i].dates);
    }
    VEC_FREE(de);
    lia_map_release(&drawn);
    /* Rows of about sqrt(n) nodes, chained by invisible edges (rankdir LR
     * puts each chain on one line, so the rows stack into a grid). */
    size_t cols = 1;
    while (cols * cols < grid.n)
        cols++;
    for (size_t i = 1; i < grid.n; i++) {
        if (i % cols == 0)
            continue;
        Agedge_t *e = agedge(unlinked, grid.v[i - 1], grid.v[i], NULL, 1);
        set(e, "style", "invis");
    }
    VEC_FREE(grid);
    igraph_vector_int_destroy(&deg);
    add_legend(root, kg);
    free(node);
    sb_release(&b);
    lia_map_release(&cluster_of);
    return engine;
}

/* ---- output ------------------------------------------------------------- */

static lia_status write_dot(Agraph_t *g, const char *path, lia_diag *d)
{
    char *tmp = lia_tmp_path_beside(path);
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        lia_status st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
        free(tmp);
        return st;
    }
    int bad = agwrite(g, fp) != 0;
    bad |= ferror(fp);
    bad |= fclose(fp) != 0;
    lia_status st;
    if (bad) {
        st = lia_fail(d, LIA_ERR_IO, "cannot write '%s': %s", path, strerror(errno));
        unlink(tmp);
    } else {
        st = lia_commit_tmp(tmp, path, d);
    }
    free(tmp);
    return st;
}

static lia_status render(GVC_t *gvc, Agraph_t *g, const char *format, const char *path,
                         lia_diag *d)
{
    char *tmp = lia_tmp_path_beside(path);
    lia_status st;
    if (gvRenderFilename(gvc, g, format, tmp) != 0) {
        st = lia_fail(d, LIA_ERR_GRAPH, "cannot render '%s' as %s%s%s", path, format,
                      gv_messages.len ? ": " : "", gv_messages.len ? gv_messages.s : "");
        unlink(tmp);
    } else {
        st = lia_commit_tmp(tmp, path, d);
    }
    free(tmp);
    return st;
}

lia_status lia_export_dot(const lia_graph *lg, const lia_dot_options *o, const char *dot_path,
                          const char *svg_path, const char *png_path, lia_diag *d)
{
    lia_igraph_setup();
    agseterrf(on_graphviz_message);
    agseterr(AGWARN);
    sb_clear(&gv_messages);

    /* One Graphviz context for the process, created before the first graph
     * and never freed: it declares process-wide attribute defaults (node
     * label "\N") that agwrite would otherwise write only from the second
     * call on, and Graphviz 2.42's pango plugin keeps a pointer into the
     * context's font table, so a second context would read freed memory. */
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    if (!gvc)
        return lia_fail(d, LIA_ERR_GRAPH, "graphviz cannot start");
    Agdisc_t disc = {&AgMemDisc, &ordered_ids, &AgIoDisc};
    Agraph_t *g = agopen((char *)"liaison", Agdirected, &disc);
    if (!g)
        return lia_fail(d, LIA_ERR_GRAPH, "graphviz cannot create a graph");
    const char *engine = build(g, &lg->g, o);
    lia_status st = LIA_OK;
    if (dot_path)
        st = write_dot(g, dot_path, d);
    if (st == LIA_OK && (svg_path || png_path)) {
        if (gvLayout(gvc, g, engine) != 0) {
            st = lia_fail(d, LIA_ERR_GRAPH, "graphviz layout '%s' failed%s%s", engine,
                          gv_messages.len ? ": " : "", gv_messages.len ? gv_messages.s : "");
        } else {
            if (svg_path)
                st = render(gvc, g, "svg", svg_path, d);
            if (st == LIA_OK && png_path)
                st = render(gvc, g, "png", png_path, d);
            gvFreeLayout(gvc, g);
        }
    }
    agclose(g);
    take_gv_messages(d);
    lia_igraph_take_warnings(d);
    return st;
}
