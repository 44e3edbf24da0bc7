/* facts.h — what extraction found: entities and relations with provenance.
 *
 * The contract between the extraction stages (resolve) and the graph stages.
 * A lia_facts owns every string in it.  Entities are unique by key; adding
 * the same key again merges aliases, mention counts and missing fields.
 * Relations are deduplicated per document on (relation, a, b, source): the
 * first one wins and later ones only fill in a missing date or place.
 * lia_facts_sort puts both lists in a canonical order so that the same
 * documents, in any order, give the same facts.
 */
#ifndef LIA_FACTS_H
#define LIA_FACTS_H

#include <stdio.h>

#include "liaison.h"
#include "json.h"
#include "util.h"

/* Entity types, as written in the graph's `type` attribute. */
#define LIA_PERSON "person"
#define LIA_AGENCY "agency"
#define LIA_COUNTRY "country"
#define LIA_CITY "city"
#define LIA_ORGANIZATION "organization"
#define LIA_EVENT "event"

typedef struct {
    char *key;          /* stable ASCII slug; a country's ISO code */
    char *type;         /* one of the LIA_* type names above */
    char *name;         /* canonical Arabic name */
    char *name_latin;   /* may be "" */
    char *country;      /* ISO alpha-2 of affiliation, or "" */
    char *role;         /* for persons: the office named in the text, or "" */
    char **aliases;     /* distinct surface forms as written, sorted */
    size_t n_aliases;
    long mentions;
    struct lia_arena *strings;  /* its facts' arena, where its strings live */
} lia_entity;

typedef struct {
    char *relation;     /* met, visited, attended, heads, hosted, ... */
    char *a, *b;        /* entity keys (met is undirected: a < b) */
    char *date;         /* ISO date or start/end, or "" */
    char *place;        /* key of a city or country entity, or "" */
    char *source;       /* document id */
    char *evidence;     /* the sentence as written */
    char *rule;         /* id of the rule that made it */
} lia_relation;

struct lia_facts {
    VEC(lia_entity *) entities;
    VEC(lia_relation *) relations;
    /* Both maps hash their keys with lia_hash_bytes. */
    lia_map by_key;         /* key → lia_entity * */
    lia_map rel_seen;       /* relation|a|b|source → lia_relation * */
    /* Owns every entity, relation and string above (not the arrays): a
     * document's facts are made and freed together, thousands of small
     * strings that malloc would handle one by one. */
    struct lia_arena *strings;
    strbuf id;              /* scratch for relation ids */
};

/* Finds or creates the entity with this key.  Empty or NULL fields of an
 * existing entity are filled from the arguments; the strings are copied.
 * Returns a pointer owned by f. */
lia_entity *lia_facts_entity(lia_facts *f, const char *key, const char *type,
                             const char *name, const char *name_latin, const char *country);
lia_entity *lia_facts_find(const lia_facts *f, const char *key);
void lia_facts_add_alias(lia_entity *e, const char *alias);
void lia_facts_set_role(lia_entity *e, const char *role);
/* Records one mention of e written as surface: adds the alias and counts
 * it in e->mentions.  (lia_facts_entity and lia_facts_add_alias count
 * nothing; merging and reading JSON Lines add mention counts.) */
void lia_facts_mention(lia_entity *e, const char *surface);
/* Sets r's date when it has none (r belongs to f). */
void lia_facts_date_relation(lia_facts *f, lia_relation *r, const char *date);
/* Sets r's date, whatever it was (r belongs to f). */
void lia_facts_redate_relation(lia_facts *f, lia_relation *r, const char *date);
/* Sets r's place, whatever it was (r belongs to f). */
void lia_facts_replace_place(lia_facts *f, lia_relation *r, const char *place);
/* The relation of that kind between a and b from source, or NULL. */
lia_relation *lia_facts_find_relation(lia_facts *f, const char *relation, const char *a,
                                      const char *b, const char *source);
/* Gives the entity keyed old_key the key new_key, in the entity and in
 * every relation of f that names it.  Returns 0 when there is no such
 * entity or new_key is taken.  For a document's facts once they are
 * complete: lia_facts_find still finds the entity under its old key too. */
int lia_facts_rekey_entity(lia_facts *f, const char *old_key, const char *new_key);
/* Is relation stored with a < b (met)? */
int lia_relation_is_symmetric(const char *relation);

/* Adds a relation (strings copied; NULL means "").  met and other symmetric
 * relations are stored with a < b.  Returns the stored relation (maybe an
 * earlier one it merged into), or NULL when a == b. */
lia_relation *lia_facts_add_relation(lia_facts *f, const char *relation, const char *a,
                                     const char *b, const char *date, const char *place,
                                     const char *source, const char *evidence,
                                     const char *rule);

/* Merges src into dst, independent of order: aliases union, mentions add,
 * and a field both sides set keeps the greater value (strcmp); inside one
 * document the first value wins. */
void lia_facts_merge(lia_facts *dst, const lia_facts *src);

/* Canonical order: entities by key; relations by (source, relation, a, b). */
void lia_facts_sort(lia_facts *f);

/* Facts as JSON Lines, one object per line: {"kind":"entity",...} and
 * {"kind":"relation",...}.  Reading merges into f; a malformed line is an
 * LIA_ERR_INPUT naming name:line. */
void lia_facts_write_jsonl(const lia_facts *f, FILE *out);
/* The same lines appended to b. */
void lia_facts_render_jsonl(const lia_facts *f, strbuf *b);
lia_status lia_facts_read_jsonl(lia_facts *f, const char *text, size_t len, const char *name,
                                lia_diag *d);

#endif
