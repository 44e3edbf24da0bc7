/* fuzz_match.c — fuzz target for the whole extraction of one document over
 * the shipped rules (normalize, tokenize, match, resolve), then the graph
 * and its centralities.  Facts must point inside the document. */
#include <string.h>

#include "facts.h"
#include "fuzz.h"
#include "util.h"

static lia_rules *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    lia_diag d;
    lia_diag_init(&d);
    if (lia_rules_load(fuzz_rules_dir(), &rules, &d) != LIA_OK) {
        fprintf(stderr, "fuzz_match: %s\n", d.message);
        abort();
    }
    lia_diag_release(&d);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 14)
        return 0;
    char *text = xstrndup((const char *)data, size);
    /* The document date comes from the input's length, so both branches run. */
    lia_doc doc = { "fuzz.txt", size % 2 ? "2025-05-06" : NULL, text, size };
    lia_facts *f = lia_facts_new();
    lia_diag d;
    lia_diag_init(&d);
    lia_status st = lia_extract_doc(rules, &doc, f, &d);
    FUZZ_CHECK(st == LIA_OK);
    lia_facts_sort(f);
    if (size % 3 == 0) {
        lia_graph *g = NULL;
        if (lia_graph_build(f, &g, &d) == LIA_OK)
            lia_graph_free(g);
    }
    lia_facts_free(f);
    lia_diag_release(&d);
    free(text);
    return 0;
}
