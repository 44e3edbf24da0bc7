/* export_graphml.c — the knowledge graph as GraphML, written by igraph's
 * writer to a temporary file beside the target and renamed into place.
 * Key ids are prefixed (g_, v_, e_): nodes and edges both have a `label`
 * attribute, and GraphML wants every key id unique; readers use the
 * attr.name, which stays unprefixed. */
#include "graph.h"

#include <errno.h>
#include <unistd.h>

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
    setvbuf(fp, NULL, _IOFBF, 1 << 20);   /* fewer write calls on big graphs */
    igraph_error_t e = igraph_write_graph_graphml(&g->g, fp, 1);
    int bad = ferror(fp);
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
