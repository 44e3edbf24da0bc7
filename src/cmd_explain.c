/* cmd_explain.c — `liaison explain`: why liaison said what it said.  Runs
 * the extraction on the inputs and prints, for an entity, every mention
 * (document, byte span, surface, how it was found) and, for an edge, every
 * relation between the two with its sentence and rule. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "facts.h"
#include "match.h"
#include "normalize.h"
#include "outputs.h"
#include "resolve.h"
#include "tokenize.h"

const char lia_usage_explain[] =
    "usage: liaison explain [--rules DIR] [--doc-date DATE] INPUT... --entity KEY\n"
    "       liaison explain [--rules DIR] [--doc-date DATE] INPUT... --edge A B\n"
    "\n"
    "Reads the inputs as `liaison build` does and shows the evidence behind one entity\n"
    "(every mention: document, byte span, text, what found it) or one edge (every\n"
    "relation between A and B: relation, date, place, document, rule, sentence).\n"
    "\n"
    "options:\n"
    "      --entity KEY     explain an entity (a key as in the graph: abdellatif-hammouchi, MA)\n"
    "      --edge A B       explain the relations between A and B\n"
    "      --rules DIR      rules directory (default: as for build)\n"
    "      --doc-date DATE  publication date of documents that have none\n"
    "  -h, --help           show this help\n";

static const char *how_found(const lia_mention *mm)
{
    if (mm->anaphor)
        return "anaphor";
    if (mm->event_ref)
        return "reference to the current event";
    if (mm->delegation)
        return "delegation named by its country";
    if (mm->inner)
        return "body named in a title";
    if (mm->role[0] && mm->type == LIA_T_PERSON)
        return "title and name";
    return "gazetteer or shape";
}

/* Prints the mentions of key in one document. */
static int explain_entity_doc(const lia_rules *r, const lia_doc *doc, const char *key)
{
    lia_normtext nt;
    lia_tokens toks;
    if (lia_normalize(doc->text, doc->len, &nt, NULL) != LIA_OK)
        return 0;
    lia_tokenize(&nt, &toks, NULL);
    lia_matches m;
    lia_match(r, &toks, doc->text, doc->date, &m);
    lia_facts *scratch = lia_facts_new();
    lia_resolve(r, doc, &toks, &m, scratch);   /* resolves anaphors in m */
    int n = 0;
    for (size_t k = 0; k < m.mentions.n; k++) {
        const lia_mention *mm = &m.mentions.v[k];
        if (!mm->key || strcmp(mm->key, key) != 0)
            continue;
        size_t s = toks.tok[mm->first].start, e = toks.tok[mm->last - 1].end;
        printf("  %s:%zu-%zu  \u2068%.*s\u2069  (%s)\n", doc->id, s, e, (int)(e - s),
               doc->text + s, how_found(mm));
        n++;
    }
    lia_facts_free(scratch);
    lia_matches_release(&m);
    lia_tokens_release(&toks);
    lia_normtext_release(&nt);
    return n;
}

int cmd_explain(int argc, char **argv)
{
    if (lia_wants_help("explain", argc, argv))
        return LIA_EXIT_OK;
    enum { OPT_ENTITY = 256, OPT_EDGE };
    static const struct option longopts[] = {
        { "rules", required_argument, NULL, LIA_OPT_RULES },
        { "doc-date", required_argument, NULL, LIA_OPT_DOC_DATE },
        { "entity", required_argument, NULL, OPT_ENTITY },
        { "edge", required_argument, NULL, OPT_EDGE },
        { NULL, 0, NULL, 0 },
    };
    lia_input_options in = LIA_INPUT_OPTIONS_INIT;
    const char *entity = NULL, *edge_a = NULL, *edge_b = NULL;
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_ENTITY: entity = optarg; break;
        case OPT_EDGE:
            edge_a = optarg;
            if (optind >= argc)
                return lia_usage_error("explain", "--edge wants two keys");
            edge_b = argv[optind++];
            break;
        default: {
            int r = lia_input_option("explain", opt, optarg, &in);
            if (r < 0)
                return LIA_EXIT_USAGE;
            if (!r)
                return lia_usage_error("explain", "unknown option '%s'", argv[optind - 1]);
            break;
        }
        }
    }
    if (!entity == !edge_a)
        return lia_usage_error("explain", "give either --entity KEY or --edge A B");
    if (optind >= argc)
        return lia_usage_error("explain", "no INPUT given");
    if (!lia_input_finish(&in))
        return LIA_EXIT_FAIL;
    int rc = LIA_EXIT_FAIL;
    lia_diag d;
    lia_diag_init(&d);
    lia_rules *rules = NULL;
    lia_corpus *corpus = lia_corpus_new();
    lia_facts *facts = lia_facts_new();
    if (lia_rules_load(in.rules_dir, &rules, &d) != LIA_OK) {
        lia_error("%s", d.message);
        goto done;
    }
    for (int i = optind; i < argc; i++)
        if (lia_corpus_add_path(corpus, argv[i], in.doc_date, &d) != LIA_OK) {
            lia_error("%s", d.message);
            goto done;
        }
    lia_corpus_sort(corpus);
    for (size_t i = 0; i < lia_corpus_count(corpus); i++)
        lia_extract_doc(rules, lia_corpus_doc(corpus, i), facts, &d);
    lia_facts_sort(facts);
    if (entity) {
        const lia_entity *e = lia_facts_find(facts, entity);
        if (!e) {
            lia_error("no entity '%s' in these documents", entity);
            goto done;
        }
        printf("%s  %s  \u2068%s\u2069  %s  country=%s  mentions=%ld\n", e->key, e->type, e->name,
               e->name_latin, e->country, e->mentions);
        if (e->role[0])
            printf("role: \u2068%s\u2069\n", e->role);
        printf("mentions:\n");
        for (size_t i = 0; i < lia_corpus_count(corpus); i++)
            explain_entity_doc(rules, lia_corpus_doc(corpus, i), entity);
        printf("relations:\n");
        for (size_t i = 0; i < facts->relations.n; i++) {
            const lia_relation *r = facts->relations.v[i];
            if (strcmp(r->a, entity) == 0 || strcmp(r->b, entity) == 0)
                printf("  %s %s -> %s  date=%s place=%s  [%s] %s\n", r->relation, r->a, r->b,
                       r->date, r->place, r->rule, r->source);
        }
    } else {
        int n = 0;
        for (size_t i = 0; i < facts->relations.n; i++) {
            const lia_relation *r = facts->relations.v[i];
            if (!((strcmp(r->a, edge_a) == 0 && strcmp(r->b, edge_b) == 0)
                  || (strcmp(r->a, edge_b) == 0 && strcmp(r->b, edge_a) == 0)))
                continue;
            printf("%s %s -> %s\n  date: %s\n  place: %s\n  source: %s\n  rule: %s\n"
                   "  evidence: \u2068%s\u2069\n", r->relation, r->a, r->b,
                   r->date[0] ? r->date : "-", r->place[0] ? r->place : "-", r->source, r->rule,
                   r->evidence);
            n++;
        }
        if (!n) {
            lia_error("no relation between '%s' and '%s' in these documents", edge_a, edge_b);
            goto done;
        }
    }
    rc = LIA_EXIT_OK;
done:
    lia_facts_free(facts);
    lia_corpus_free(corpus);
    lia_rules_free(rules);
    lia_diag_release(&d);
    return rc;
}
