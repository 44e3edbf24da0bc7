/* cmd_rules.c — `liaison rules check|test|aliases`: tools for rule authors.
 * check lints a rules directory, test runs every rule's examples through
 * the whole extraction, aliases prints every phrase the gazetteers match. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "facts.h"
#include "normalize.h"
#include "rules.h"
#include "match.h"
#include "tokenize.h"

const char lia_usage_rules[] =
    "usage: liaison rules check [DIR]\n"
    "       liaison rules test [DIR]\n"
    "       liaison rules aliases [DIR]\n"
    "\n"
    "check    lint the rules: malformed lines, unknown references, duplicate ids,\n"
    "         bad or overlapping tenures; prints file:line:col: message, exit 1 on errors\n"
    "test     run every relation rule's example sentences and report those whose\n"
    "         expected relation is not extracted; exit 1 on failures\n"
    "aliases  print every phrase the gazetteers match, one per line (normalized)\n"
    "trace    liaison rules trace TEXT: show the mentions, dates and rule matches\n"
    "         liaison finds in TEXT (uses the default rules)\n"
    "\n"
    "DIR defaults to the rules liaison uses ($LIAISON_RULES, installed, or beside the build).\n";

static void print_alias(const char *alias, void *ctx)
{
    (void)ctx;
    puts(alias);
}

/* Does entity e go by name (normalized comparison with name and aliases)? */
static int entity_named(const lia_entity *e, const char *want_norm)
{
    int hit = 0;
    char *n = lia_normalize_str(e->name);
    hit |= strcmp(n, want_norm) == 0;
    free(n);
    for (size_t i = 0; i < e->n_aliases && !hit; i++) {
        char *a = lia_normalize_str(e->aliases[i]);
        hit |= strcmp(a, want_norm) == 0;
        free(a);
    }
    return hit;
}

static int example_holds(const lia_facts *f, const char *relation, const char *a, const char *b)
{
    char *na = lia_normalize_str(a), *nb = lia_normalize_str(b);
    int ok = 0;
    for (size_t i = 0; i < f->relations.n && !ok; i++) {
        const lia_relation *r = f->relations.v[i];
        if (strcmp(r->relation, relation) != 0)
            continue;
        const lia_entity *ea = lia_facts_find(f, r->a), *eb = lia_facts_find(f, r->b);
        if (!ea || !eb)
            continue;
        ok = entity_named(ea, na) && entity_named(eb, nb);
        if (!ok && strcmp(relation, "met") == 0)
            ok = entity_named(ea, nb) && entity_named(eb, na);
    }
    free(na);
    free(nb);
    return ok;
}

static const char *type_label(int t)
{
    return t == LIA_T_PERSON ? "person" : t == LIA_T_AGENCY ? "agency" : t == LIA_T_COUNTRY
           ? "country" : t == LIA_T_CITY ? "city" : t == LIA_T_ORG ? "organization" : "event";
}

/* Prints what the matcher sees in text: for rule authors. */
static int rules_trace(const lia_rules *r, const char *text)
{
    lia_normtext nt;
    lia_tokens toks;
    lia_normalize(text, strlen(text), &nt, NULL);
    lia_tokenize(&nt, &toks, NULL);
    lia_matches m;
    lia_match(r, &toks, text, NULL, &m);
    printf("tokens:");
    for (size_t i = 0; i < toks.n; i++) {
        printf(" %zu:%s", i, toks.tok[i].norm);
        for (int k = 0; k < m.n_lex[i]; k++)
            printf("@%s/%d", r->classes.v[m.lex[i][k].cls], m.lex[i][k].len);
    }
    printf("\n");
    for (size_t k = 0; k < m.mentions.n; k++) {
        const lia_mention *mm = &m.mentions.v[k];
        printf("mention %zu [%zu,%zu) %s%s key=%s name=%s country=%s office=%s body=%s role=%s\n", k,
               mm->first, mm->last, type_label(mm->type), mm->inner ? " (inner)" : "",
               mm->key ? mm->key : "", mm->name ? mm->name : "", mm->country ? mm->country : "",
               mm->office, mm->bodies[0] ? mm->bodies[0] : "", mm->role);
    }
    for (size_t k = 0; k < m.n_dates; k++)
        printf("date [%zu,%zu) %s\n", m.dates[k].first, m.dates[k].last, m.dates[k].iso);
    for (size_t k = 0; k < m.rels.n; k++) {
        const lia_rel_match *rm = &m.rels.v[k];
        printf("match %s a=%d b=", r->patterns.v[rm->pattern].id, rm->a);
        for (int b = 0; b < rm->n_b; b++)
            printf("%d ", rm->b[b]);
        printf("anchor=%zu\n", rm->anchor);
    }
    lia_matches_release(&m);
    lia_tokens_release(&toks);
    lia_normtext_release(&nt);
    return LIA_EXIT_OK;
}

static int rules_test(const lia_rules *r)
{
    int passed = 0, failed = 0;
    for (size_t i = 0; i < r->patterns.n; i++) {
        const lia_pattern *p = &r->patterns.v[i];
        for (size_t j = 0; j < p->n_examples; j++) {
            const lia_example *ex = &p->examples[j];
            if (!ex->expect_a)
                continue;
            lia_doc doc = { (char *)"example", NULL, ex->text, strlen(ex->text) };
            lia_facts *f = lia_facts_new();
            lia_diag d;
            lia_diag_init(&d);
            lia_extract_doc(r, &doc, f, &d);
            if (example_holds(f, p->relation, ex->expect_a, ex->expect_b)) {
                passed++;
            } else {
                failed++;
                printf("%s:%d: rule '%s': expected %s %s ~ %s in: %s\n", p->file, p->line, p->id,
                       p->relation, ex->expect_a, ex->expect_b, ex->text);
                for (size_t k = 0; k < f->relations.n; k++) {
                    const lia_relation *rel = f->relations.v[k];
                    printf("    got %s %s ~ %s (%s)\n", rel->relation, rel->a, rel->b, rel->rule);
                }
            }
            lia_diag_release(&d);
            lia_facts_free(f);
        }
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? LIA_EXIT_FAIL : LIA_EXIT_OK;
}

int cmd_rules(int argc, char **argv)
{
    if (lia_wants_help("rules", argc, argv))
        return LIA_EXIT_OK;
    if (argc < 2)
        return lia_usage_error("rules", "want a subcommand: check, test or aliases");
    const char *sub = argv[1];
    if (strcmp(sub, "trace") == 0) {
        if (argc != 3)
            return lia_usage_error("rules", "want: liaison rules trace TEXT");
        const char *tdir = lia_rules_default_dir(lia_argv0);
        lia_diag td;
        lia_diag_init(&td);
        lia_rules *tr;
        if (!tdir || lia_rules_load(tdir, &tr, &td) != LIA_OK) {
            lia_error("%s", tdir ? td.message : "cannot find the rules directory");
            lia_diag_release(&td);
            return LIA_EXIT_FAIL;
        }
        int trc = rules_trace(tr, argv[2]);
        lia_rules_free(tr);
        lia_diag_release(&td);
        return trc;
    }
    if (argc > 3)
        return lia_usage_error("rules", "too many arguments");
    const char *dir = argc == 3 ? argv[2] : lia_rules_default_dir(lia_argv0);
    if (!dir) {
        lia_error("cannot find the rules directory; name it: liaison rules %s DIR", sub);
        return LIA_EXIT_FAIL;
    }
    lia_diag d;
    lia_diag_init(&d);
    int rc = LIA_EXIT_OK;
    if (strcmp(sub, "check") == 0) {
        lia_status st = lia_rules_check(dir, &d);
        if (d.warnings)
            fputs(d.warnings, stdout);
        if (st != LIA_OK) {
            lia_error("%s in '%s'", d.message, dir);
            rc = LIA_EXIT_FAIL;
        } else {
            printf("%s: ok\n", dir);
        }
    } else if (strcmp(sub, "test") == 0 || strcmp(sub, "aliases") == 0) {
        lia_rules *r;
        if (lia_rules_load(dir, &r, &d) != LIA_OK) {
            lia_error("%s", d.message);
            rc = LIA_EXIT_FAIL;
        } else {
            if (strcmp(sub, "test") == 0)
                rc = rules_test(r);
            else
                lia_rules_each_alias(r, print_alias, NULL);
            lia_rules_free(r);
        }
    } else {
        rc = lia_usage_error("rules", "unknown subcommand '%s' (check, test, aliases)", sub);
    }
    lia_diag_release(&d);
    return rc;
}
