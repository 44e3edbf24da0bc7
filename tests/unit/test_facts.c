/* test_facts.c — unit tests of the facts store: entity merging, relation
 * deduplication, canonical sorting and the JSON Lines round trip (Arabic,
 * quotes, newlines, backslashes, \u escapes and surrogate pairs), and the
 * JSON string writer against a plain byte-by-byte one on random strings (its
 * fast paths take sixteen or eight bytes at a time). */
#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "json.h"
#include "util.h"

#include "check.h"

static int streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The JSON Lines of f as a malloc'd string. */
static char *jsonl(const lia_facts *f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    lia_facts_write_jsonl(f, fp);
    fclose(fp);
    return buf;
}

static void test_entities(void)
{
    lia_facts *f = lia_facts_new();
    lia_entity *e = lia_facts_entity(f, "abdellatif-hammouchi", LIA_PERSON, "عبد اللطيف حموشي",
                                     NULL, "");
    CHECK("entity.1 new", e && streq(e->name_latin, "") && streq(e->country, ""));
    lia_entity *e2 = lia_facts_entity(f, "abdellatif-hammouchi", LIA_AGENCY, "حموشي",
                                      "Abdellatif Hammouchi", "MA");
    CHECK("entity.2 same key same object", e == e2 && f->entities.n == 1);
    CHECK("entity.3 fields kept", streq(e->type, LIA_PERSON) && streq(e->name, "عبد اللطيف حموشي"));
    CHECK("entity.4 gaps filled", streq(e->name_latin, "Abdellatif Hammouchi") &&
          streq(e->country, "MA"));
    CHECK("entity.5 find", lia_facts_find(f, "abdellatif-hammouchi") == e &&
          !lia_facts_find(f, "nobody") && !lia_facts_find(f, NULL));
    lia_facts_add_alias(e, "حموشي");
    lia_facts_add_alias(e, "عبد اللطيف حموشي");
    lia_facts_add_alias(e, "حموشي");
    lia_facts_add_alias(e, "");
    lia_facts_add_alias(e, NULL);
    CHECK("alias.1 distinct", e->n_aliases == 2);
    CHECK("alias.2 sorted", e->n_aliases == 2 && strcmp(e->aliases[0], e->aliases[1]) < 0);
    CHECK("mention.0 none counted by alias", e->mentions == 0);
    lia_facts_mention(e, "المدير العام");
    lia_facts_mention(e, "حموشي");
    CHECK("mention.1 counted", e->mentions == 2 && e->n_aliases == 3);
    lia_facts_set_role(e, "المدير العام");
    lia_facts_set_role(e, "other");
    CHECK("role.1 first wins", streq(e->role, "المدير العام"));
    lia_facts_free(f);
    lia_facts_free(NULL);
}

static void test_relations(void)
{
    lia_facts *f = lia_facts_new();
    lia_relation *r = lia_facts_add_relation(f, "met", "zeta", "alpha", NULL, NULL, "d1", "ev",
                                             "r1");
    CHECK("rel.1 met ordered a<b", r && streq(r->a, "alpha") && streq(r->b, "zeta"));
    CHECK("rel.2 NULL is empty", r && streq(r->date, "") && streq(r->place, ""));
    lia_relation *r2 = lia_facts_add_relation(f, "met", "alpha", "zeta", "2025-05-06", "moscow",
                                              "d1", "other evidence", "r2");
    CHECK("rel.3 dedup per doc", r2 == r && f->relations.n == 1);
    CHECK("rel.4 first wins, gaps filled", streq(r->evidence, "ev") && streq(r->rule, "r1") &&
          streq(r->date, "2025-05-06") && streq(r->place, "moscow"));
    lia_facts_add_relation(f, "met", "alpha", "zeta", "2025-01-01", "rabat", "d1", "", "");
    CHECK("rel.5 date not overwritten", streq(r->date, "2025-05-06") && streq(r->place, "moscow"));
    lia_relation *r3 = lia_facts_add_relation(f, "met", "alpha", "zeta", NULL, NULL, "d2", "", "");
    CHECK("rel.6 other doc kept", r3 && r3 != r && f->relations.n == 2);
    lia_relation *r4 = lia_facts_add_relation(f, "visited", "zeta", "alpha", NULL, NULL, "d1",
                                              "", "");
    CHECK("rel.7 directed not swapped", r4 && streq(r4->a, "zeta") && streq(r4->b, "alpha"));
    CHECK("rel.8 self relation refused",
          !lia_facts_add_relation(f, "met", "alpha", "alpha", NULL, NULL, "d1", "", ""));
    CHECK("rel.9 symmetric", lia_relation_is_symmetric("met") &&
          !lia_relation_is_symmetric("heads"));
    lia_facts_free(f);
}

/* Fills f with the same facts, in an order chosen by flip. */
static void fill_facts(lia_facts *f, int flip)
{
    const char *keys[] = {"ru", "abdellatif-hammouchi", "moscow", "MA", "sergei-shoigu"};
    for (int i = 0; i < 5; i++) {
        int k = flip ? 4 - i : i;
        lia_entity *e = lia_facts_entity(f, keys[k], LIA_PERSON, "اسم", "", "");
        lia_facts_mention(e, keys[k]);
    }
    const char *rels[][4] = {
        {"met", "sergei-shoigu", "abdellatif-hammouchi", "b.txt"},
        {"visited", "abdellatif-hammouchi", "moscow", "a.txt"},
        {"heads", "sergei-shoigu", "ru", "a.txt"},
        {"met", "MA", "ru", "a.txt"},
    };
    for (int i = 0; i < 4; i++) {
        int k = flip ? 3 - i : i;
        lia_facts_add_relation(f, rels[k][0], rels[k][1], rels[k][2], "", "", rels[k][3], "",
                               "");
    }
}

static void test_sort_merge(void)
{
    lia_facts *a = lia_facts_new(), *b = lia_facts_new();
    fill_facts(a, 0);
    fill_facts(b, 1);
    lia_facts_sort(a);
    lia_facts_sort(b);
    char *ja = jsonl(a), *jb = jsonl(b);
    CHECK("sort.1 order independent", streq(ja, jb));
    CHECK("sort.2 entities by key", streq(a->entities.v[0]->key, "MA") &&
          streq(a->entities.v[4]->key, "sergei-shoigu"));
    CHECK("sort.3 relations by source then relation",
          streq(a->relations.v[0]->source, "a.txt") && streq(a->relations.v[0]->relation, "heads")
          && streq(a->relations.v[3]->source, "b.txt"));
    free(ja);
    free(jb);

    lia_facts_merge(a, b);
    CHECK("merge.1 no duplicate entities", a->entities.n == 5);
    CHECK("merge.2 no duplicate relations", a->relations.n == 4);
    CHECK("merge.3 mentions add", lia_facts_find(a, "ru")->mentions == 2);
    lia_facts *c = lia_facts_new();
    lia_facts_entity(c, "ru", LIA_COUNTRY, "", "Russia", "RU");
    lia_facts_add_relation(c, "met", "ru", "MA", "2025-05-27", "", "a.txt", "", "");
    lia_facts_merge(a, c);
    CHECK("merge.4 gaps filled", streq(lia_facts_find(a, "ru")->name_latin, "Russia") &&
          streq(lia_facts_find(a, "ru")->type, LIA_PERSON));
    int found = 0;
    for (size_t i = 0; i < a->relations.n; i++)
        if (streq(a->relations.v[i]->relation, "met") && streq(a->relations.v[i]->a, "MA"))
            found = streq(a->relations.v[i]->date, "2025-05-27");
    CHECK("merge.5 relation date filled", found && a->relations.n == 4);
    lia_facts_free(a);
    lia_facts_free(b);
    lia_facts_free(c);
}

static const char *const hostile[] = {
    "عبد اللطيف حموشي",
    "quote \" backslash \\ slash /",
    "new\nline\ttab\rcr",
    "ctl \x01\x1f del \x7f",
    "\xe2\x80\x8f" "rtl mark \xe2\x80\xab" "embedding",
    "emoji \xf0\x9f\x98\x80 and \xe2\x80\xa8 line sep",
    "<xml> & 'apos'",
    "\\u0041 literal",
    "",
};
#define N_HOSTILE (sizeof hostile / sizeof hostile[0])

static void test_jsonl_roundtrip(void)
{
    lia_facts *f = lia_facts_new();
    for (size_t i = 0; i < N_HOSTILE; i++) {
        char key[16];
        snprintf(key, sizeof key, "k%zu", i);
        lia_entity *e = lia_facts_entity(f, key, LIA_AGENCY, hostile[i], hostile[(i + 1) % N_HOSTILE],
                                         "MA");
        lia_facts_set_role(e, hostile[(i + 2) % N_HOSTILE]);
        lia_facts_mention(e, hostile[i]);
        lia_facts_mention(e, hostile[(i + 3) % N_HOSTILE]);
        if (i)
            lia_facts_add_relation(f, "met", "k0", key, "2025-05-06/2025-05-08", "moscow",
                                   hostile[i], hostile[(i + 4) % N_HOSTILE], "rule\"1");
    }
    lia_facts_sort(f);
    char *text = jsonl(f);
    CHECK("jsonl.1 one line per fact", text && (size_t)(strchr(text, '\0') - text) > 0);
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    CHECK("jsonl.2 line count", lines == f->entities.n + f->relations.n);
    CHECK("jsonl.3 escapes", strstr(text, "quote \\\" backslash \\\\ slash /") &&
          strstr(text, "new\\nline\\ttab\\rcr") && strstr(text, "ctl \\u0001\\u001f del \\u007f"));

    lia_facts *g = lia_facts_new();
    lia_diag d;
    lia_diag_init(&d);
    lia_status st = lia_facts_read_jsonl(g, text, strlen(text), "rt.jsonl", &d);
    CHECK("jsonl.4 reads back", st == LIA_OK);
    if (st != LIA_OK)
        printf("  %s\n", d.message);
    lia_facts_sort(g);
    char *again = jsonl(g);
    CHECK("jsonl.5 byte-identical round trip", streq(text, again));
    lia_entity *e = lia_facts_find(g, "k1");
    CHECK("jsonl.6 hostile string intact", e && streq(e->name, hostile[1]) &&
          streq(e->name_latin, hostile[2]) && e->mentions == 2);
    e = lia_facts_find(g, "k5");
    CHECK("jsonl.7 4-byte UTF-8 intact", e && streq(e->name, hostile[5]));
    free(text);
    free(again);
    lia_facts_free(f);
    lia_facts_free(g);
    lia_diag_release(&d);
}

typedef struct {
    const char *id;
    const char *input;
    lia_status want;
    const char *want_name;     /* name of entity "x" after reading, or NULL */
    const char *want_message;  /* substring of the error, or NULL */
} read_case;

static const read_case read_cases[] = {
    {"read.1 \\u escapes", "{\"kind\":\"entity\",\"key\":\"x\",\"type\":\"person\","
     "\"name\":\"\\u062d\\u0645\\u0648\\u0634\\u064a\"}\n", LIA_OK, "حموشي", NULL},
    {"read.2 surrogate pair", "{\"kind\":\"entity\",\"key\":\"x\",\"type\":\"person\","
     "\"name\":\"a\\ud83d\\ude00b\"}", LIA_OK, "a\xf0\x9f\x98\x80" "b", NULL},
    {"read.3 escapes", "{\"kind\":\"entity\",\"key\":\"x\",\"type\":\"person\","
     "\"name\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}", LIA_OK, "\"\\/\b\f\n\r\t", NULL},
    {"read.4 blank lines, CRLF, unknown members, null",
     "\n  \r\n{\"kind\":\"entity\",\"extra\":[1,{\"a\":null},true],\"key\":\"x\","
     "\"type\":\"person\",\"name\":\"n\",\"role\":null,\"mentions\":3}\r\n\n", LIA_OK, "n", NULL},
    {"read.5 lone high surrogate", "{\"kind\":\"entity\",\"key\":\"x\",\"type\":\"person\","
     "\"name\":\"\\ud83d\"}", LIA_ERR_INPUT, NULL, "t.jsonl:1:"},
    {"read.6 lone low surrogate", "\n{\"kind\":\"entity\",\"key\":\"x\",\"type\":\"person\","
     "\"name\":\"\\ude00\"}", LIA_ERR_INPUT, NULL, "t.jsonl:2:"},
    {"read.7 missing kind", "{\"key\":\"x\"}", LIA_ERR_INPUT, NULL, "kind"},
    {"read.8 unknown kind", "{\"kind\":\"thing\"}", LIA_ERR_INPUT, NULL, "kind"},
    {"read.9 not JSON", "hello", LIA_ERR_INPUT, NULL, "t.jsonl:1:"},
    {"read.10 trailing garbage", "{\"kind\":\"entity\",\"key\":\"x\",\"type\":\"person\"} x",
     LIA_ERR_INPUT, NULL, "trailing"},
    {"read.11 unterminated", "{\"kind\":\"entity\",\"key\":\"x", LIA_ERR_INPUT, NULL,
     "unterminated"},
    {"read.12 raw control char", "{\"kind\":\"entity\",\"key\":\"x\",\"name\":\"a\tb\"}",
     LIA_ERR_INPUT, NULL, "control"},
    {"read.13 bad escape", "{\"kind\":\"entity\",\"key\":\"x\",\"name\":\"\\x\"}",
     LIA_ERR_INPUT, NULL, "escape"},
    {"read.14 relation needs a and b", "{\"kind\":\"relation\",\"relation\":\"met\",\"a\":\"x\"}",
     LIA_ERR_INPUT, NULL, "relation"},
    {"read.15 aliases must be strings", "{\"kind\":\"entity\",\"key\":\"x\",\"type\":\"person\","
     "\"aliases\":[1]}", LIA_ERR_INPUT, NULL, "string"},
    {"read.16 relation met swapped", "{\"kind\":\"relation\",\"relation\":\"met\",\"a\":\"z\","
     "\"b\":\"x\",\"source\":\"d\"}", LIA_OK, NULL, NULL},
};

static void test_jsonl_read(void)
{
    for (size_t i = 0; i < sizeof read_cases / sizeof read_cases[0]; i++) {
        const read_case *c = &read_cases[i];
        lia_facts *f = lia_facts_new();
        lia_diag d;
        lia_diag_init(&d);
        lia_status st = lia_facts_read_jsonl(f, c->input, strlen(c->input), "t.jsonl", &d);
        int ok = st == c->want;
        if (ok && c->want_name) {
            lia_entity *e = lia_facts_find(f, "x");
            ok = e && streq(e->name, c->want_name);
        }
        if (ok && c->want_message)
            ok = strstr(d.message, c->want_message) != NULL;
        if (ok && strstr(c->id, "swapped"))
            ok = f->relations.n == 1 && streq(f->relations.v[0]->a, "x");
        CHECK(c->id, ok);
        if (!ok)
            printf("  status %d, message '%s'\n", (int)st, d.message);
        lia_diag_release(&d);
        lia_facts_free(f);
    }
}

/* What lia_json_escape must write, one byte at a time. */
static void escape_bytewise(strbuf *b, const char *s)
{
    sb_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char u[8];
        switch (*p) {
        case '"': sb_adds(b, "\\\""); break;
        case '\\': sb_adds(b, "\\\\"); break;
        case '\n': sb_adds(b, "\\n"); break;
        case '\r': sb_adds(b, "\\r"); break;
        case '\t': sb_adds(b, "\\t"); break;
        case '\b': sb_adds(b, "\\b"); break;
        case '\f': sb_adds(b, "\\f"); break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                snprintf(u, sizeof u, "\\u%04x", *p);
                sb_adds(b, u);
            } else {
                sb_addc(b, (char)*p);
            }
        }
    }
    sb_addc(b, '"');
}

/* Random strings of 0..99 bytes, mostly letters (ASCII and Arabic) with
 * now and then a byte to escape, at every offset of a 16-byte block. */
static void test_json_escape_random(void)
{
    static const unsigned char special[] = { 1, 0x1f, '"', '\\', '\n', '\r', '\t', '\b', '\f', 0x7f,
                                             0x80, 0xd8, 0xff, ' ' };
    unsigned long long x = 88172645463325252ULL;
    int bad = 0;
    char text[100];
    for (int t = 0; t < 200000; t++) {
        size_t n = 0, len = (size_t)(t % 100);
        while (n < len) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if (x % 23 == 0) {
                text[n++] = (char)special[(x >> 8) % sizeof special];
            } else if (x % 3 == 0 && n + 1 < len) {
                text[n++] = (char)0xd8;                  /* an Arabic letter, U+0621..U+063A */
                text[n++] = (char)(0xa1 + (x >> 8) % 26);
            } else {
                text[n++] = (char)('a' + (x >> 8) % 26);
            }
        }
        text[n] = '\0';
        strbuf got, want;
        sb_init(&got);
        sb_init(&want);
        lia_json_escape(&got, text);
        escape_bytewise(&want, text);
        if (got.len != want.len || memcmp(got.s, want.s, got.len) != 0)
            bad++;
        sb_release(&got);
        sb_release(&want);
    }
    CHECK("json.escape random strings as byte by byte", bad == 0);
}

int main(void)
{
    test_entities();
    test_relations();
    test_sort_merge();
    test_jsonl_roundtrip();
    test_jsonl_read();
    test_json_escape_random();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
