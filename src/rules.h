/* rules.h — the loaded rules: gazetteers, titles, lexicon classes and the
 * compiled relation patterns (the files of rules/, see rules/README.md).
 *
 * lia_rules_load parses every file of a rules directory into one lia_rules
 * that owns all of it; loading is all-or-nothing (any error, no rules).
 * Later stages only read it, so one lia_rules serves many threads.
 */
#ifndef LIA_RULES_H
#define LIA_RULES_H

#include <stdint.h>

#include "liaison.h"
#include "util.h"

typedef VEC(int) lia_intvec;

/* What a gazetteer phrase names. */
typedef enum {
    LIA_G_COUNTRY,     /* index into rules->countries */
    LIA_G_NISBA,       /* adjective of a country: index into countries */
    LIA_G_CITY,
    LIA_G_AGENCY,
    LIA_G_KIND,        /* generic body (agency_kinds.tsv) */
    LIA_G_ORG,
    LIA_G_EVENT,
    LIA_G_PERSON,      /* officials */
    LIA_G_TITLE,
} lia_gaz_kind;

typedef struct {
    lia_gaz_kind kind;
    int index;
} lia_gaz_ref;

/* A trie over entry-key sequences (one key per word, see lia_entry_key). */
typedef struct lia_trie lia_trie;
struct lia_trie {
    lia_map kids;                 /* word key → lia_trie * */
    VEC(lia_gaz_ref) refs;        /* what a phrase ending here names */
    /* A root (every token's forms are looked up there, and most are no
     * key) also has one bit per key hash, so that a miss rarely touches
     * the large map: NULL for other nodes. */
    uint64_t *key_bits;
    unsigned long key_bits_mask;  /* number of bits - 1 */
};

typedef struct {
    char code[3];
    char *name;                   /* Arabic display name (ICU or first variant) */
    char *latin;                  /* English display name (ICU) */
    int capital;                  /* index into cities, or -1 */
    /* The first words of its formal names, normalized, article removed,
     * between bars ("|مملكه|"): the forms of state a bare "المملكة" or
     * "السلطنة" in a story may stand for.  NULL when none. */
    char *state_words;
} lia_country;

typedef struct {
    char *key, *country, *latin, *name;
    int capital;
} lia_city;

typedef struct {
    char *key, *country, *parent, *kind, *latin, *name;
    char *seat;                   /* city key of the building it names, "" when none */
} lia_agency;

typedef struct {
    char *kind, *latin, *name;
} lia_agency_kind;

typedef struct {
    char *key, *category, *country, *parent, *latin, *name;
    char *seat;                   /* city key of its headquarters, "" when none */
} lia_org;

typedef struct {
    char *key, *country, *latin, *name;
} lia_event_entry;

typedef struct {
    char *office;                 /* head, deputy, head-of-state, ... */
    char *body;                   /* agency key, <cc>-<kind>, org key or ISO code */
    char start[11], end[11];      /* YYYY[-MM[-DD]], end "" = in office */
} lia_role;

typedef struct {
    char *key, *country, *latin, *name;
    lia_role *roles;
    size_t n_roles;
} lia_official;

typedef struct {
    char *id, *office;
} lia_title;

/* One tenure: officials.v[official].roles[role]. */
typedef struct {
    int official, role;
} lia_role_ref;
typedef VEC(lia_role_ref) lia_role_refs;

/* A relation pattern element. */
typedef enum { LIA_P_WORD, LIA_P_CLASS, LIA_P_CAPTURE, LIA_P_GAP } lia_pelem_kind;

/* Bits for capture types. */
enum {
    LIA_T_PERSON = 1, LIA_T_AGENCY = 2, LIA_T_COUNTRY = 4, LIA_T_CITY = 8,
    LIA_T_ORG = 16, LIA_T_EVENT = 32,
    LIA_T_ACTOR = LIA_T_PERSON | LIA_T_AGENCY | LIA_T_COUNTRY | LIA_T_ORG,
    LIA_T_PLACE = LIA_T_CITY | LIA_T_COUNTRY,
    /* A capture type only: a person, or a country named by its delegation
     * ("الوفدين الروسي والأوكراني"), never a country as such. */
    LIA_T_PARTY = 64,
};

typedef struct {
    lia_pelem_kind kind;
    char *word;                   /* LIA_P_WORD: entry key */
    unsigned long word_hash;      /* LIA_P_WORD: lia_hash(word) */
    int cls;                      /* LIA_P_CLASS: lexicon class index */
    char capture;                 /* LIA_P_CAPTURE: 'A' or 'B' */
    int types;                    /* LIA_P_CAPTURE: LIA_T_* bits */
    int list;                     /* LIA_P_CAPTURE: a list of mentions (+) */
    int optional;
    int gap;                      /* LIA_P_GAP: at most this many tokens */
} lia_pelem;

typedef struct {
    char *text, *expect_a, *expect_b;  /* expect_* NULL when none */
} lia_example;

typedef struct {
    char *id, *relation;
    lia_pelem *el;
    size_t n_el;
    int has_b;                    /* captures a B (possibly optional) */
    /* The classes of its non-optional @class elements, a bit per class in
     * classes.n / 64 + 1 words: a sentence lacking one of them cannot
     * match.  never_matches: such an element names no class. */
    uint64_t *needed_classes;
    int never_matches;
    size_t anchor_el;             /* its first required class or word, which
                                     index_patterns anchors it on; n_el if none */
    lia_example *examples;
    size_t n_examples;
    char *file;
    int line;
} lia_pattern;

/* The lexicon classes that the matcher's and the resolver's code names,
 * each a class index or -1 when the rules have no such class.  Looked up
 * by name once when the rules load, not once per document. */
typedef struct {
    int accompany, acting, aides_of, after_talks, agency_head, attend_pron, already, among, anaphor, arrival, arrival_pron, arrived, arrival_moment, attached_to, attend_noun, attend_verb, civil_portfolio,
        ahead_of_event, both_sides, capacity, capital, chair_verb, city_word, clause_join, clause_link, contrast_clause, counted_ref,
        counterpart, dated_name, day_of_sentence_before, day_word, during, delegation, delegation_adj, denial, depart_verb, dual_delegation_heads, dual_each, dual_guests,
        dual_leaders, dual_ministers, dual_object_pron, dual_officials, dual_visit, each_counterpart, entourage, event_head, event_head_acc,
        event_ref, facility, family_particle, finance_noun, former, future, gathered, given_name, group_ref, guest, heir,
        heading_to, held_then, high_level, home_ref, honorific, host_ref, host_verb, host_verb_plain, in_place_of, includes, institution, invite, joined_them,
        lead, led_by, list_intro, list_sep, made_by, margin, margin_pron, meeting_kind_adj, meeting_ref,
        byname,
        message_from, met_noun, met_noun_pron, met_verb, met_verb_dual, military_rank, multi_party, name_inner, name_part, place_adjective,
        negation, next_occasion, office_modifier, officials_of, one_meeting, ordinal, org_ref, origin, outlet, plural_title, portfolio, own_attendance, participants, place_topic, polity, post,
        precedent, predecessor_of,
        press_conference, reached_together, receive, receive_noun, receive_pron, region, relative, relative_dual, relative_plural,
        remote, reported_source, ruler_of, said, sent_by, serving_as, separately, sign_verb, since_event, spouse, side_of, stop, style, styled_ref, subordinate_clause, summit,
        talks_named, signing_ceremony, vehicle,
        the_country, time_of_day, to, topic_noun, tour, tour_ahead, tour_begin, tour_stop, tour_took_in, vague_head, venue, venue_spot, visit_noun, visit_verb, visited_it, was, welcome_ceremony,
        with;
} lia_named_classes;

struct lia_rules {
    char *dir;
    /* Differs from that of every other lia_rules this process loaded, so a
     * per-thread cache of what the rules say about words can tell whose
     * answers it holds (a later lia_rules may reuse a freed one's address). */
    unsigned long serial;
    VEC(lia_country) countries;
    VEC(lia_city) cities;
    VEC(lia_agency) agencies;
    VEC(lia_agency_kind) kinds;
    VEC(lia_org) orgs;
    VEC(lia_event_entry) events;
    VEC(lia_official) officials;
    VEC(lia_title) titles;
    VEC(char *) classes;          /* lexicon class names */
    lia_map class_by_name;        /* class name → index + 1 (as intptr) */
    lia_named_classes named;      /* the classes code names, by field */
    VEC(lia_pattern) patterns;
    struct lia_arena *tries;      /* owns every node, map, key and ref of the two tries */
    struct lia_tokenizer *phrase_tokenizer;  /* while loading: tokenizes every phrase */
    lia_trie names;               /* gazetteer phrases → lia_gaz_ref */
    lia_trie lexicon;             /* lexicon phrases → class index (ref.index) */
    lia_trie news_tags;           /* news agencies' dateline tags → their country (LIA_G_COUNTRY) */
    lia_map country_by_code;      /* "MA" → index + 1 (as intptr) */
    lia_map entity_by_key;        /* any gazetteer key → lia_gaz_ref * */
    lia_map agency_of_kind;       /* "ma-national-police" → agency index + 1 */
    lia_map official_by_skeleton; /* consonant skeleton of a full name → index + 1 */
    struct lia_spellings *spellings; /* how the officials' names spell name words in Latin */
    lia_map roles_by_body;        /* body → lia_role_refs *: its tenures, in officials order */
    lia_intvec *patterns_by_anchor; /* per lexicon class: patterns anchored on it */
    lia_map patterns_by_word;     /* anchor word → lia_intvec * */
    lia_key_filter pattern_words; /* the keys of patterns_by_word */
    lia_intvec unanchored;          /* patterns whose first fixed element is a capture */
    VEC(lia_gaz_ref *) owned_refs;
};

/* The patterns anchored on a token form (hash = lia_hash(form)), or NULL. */
const lia_intvec *lia_rules_patterns_of_word(const lia_rules *r, const char *form, unsigned long hash);
/* The lexicon class index of name, or -1. */
int lia_rules_class(const lia_rules *r, const char *name);
/* The country with this ISO code, or NULL. */
const lia_country *lia_rules_country(const lia_rules *r, const char *code);
int lia_rules_country_index(const lia_rules *r, const char *code);
/* Is key (a normalized word without its article, "مملكه") the first word
 * of one of country's formal names ("المملكة الأردنية الهاشمية")? */
int lia_rules_country_has_state_word(const lia_rules *r, int country, const char *key);
/* The gazetteer entry with this key (agency, city, org, event, official). */
const lia_gaz_ref *lia_rules_lookup(const lia_rules *r, const char *key);

/* The consonant skeleton of an Arabic name (malloc'd): long vowels dropped,
 * letters that transcribe one foreign sound merged (ق ك ج غ; ت ط; س ص ث;
 * ز ذ ظ ض; ه ح), so "إبراهيم قالن" and "إبراهيم كالن" agree.  Used only to
 * tie a name found after a title to a known official of the same country. */
char *lia_name_skeleton(const char *utf8);
/* Every tenure of an office in body (in officials order), or NULL. */
const lia_role_refs *lia_rules_roles_of(const lia_rules *r, const char *body);

/* The official whose name has this skeleton, or -1. */
int lia_rules_official_by_skeleton(const lia_rules *r, const char *skeleton);

/* Are bodies a and b (agency keys, or "<cc>-<kind>") the same, or two
 * agencies of one country sharing a kind ("مدير الاستخبارات الروسية" may
 * be the SVR's director as well as the FSB's)? */
int lia_rules_bodies_alike(const lia_rules *r, const char *a, const char *b);

/* Are bodies a and b of two countries and one kind ("tr-foreign-ministry"
 * and "sy-foreign-ministry", MIT and "sy-general-intelligence"): the
 * offices of two counterparts? */
int lia_rules_bodies_counterparts(const lia_rules *r, const char *a, const char *b);

/* The city key of the seat of the agency or organization key, or "" when
 * the rules give none. */
const char *lia_rules_seat_of(const lia_rules *r, const char *key);

/* Country cc's body of body's (first) kind: the agency of that kind the
 * rules list for cc, else the kind instance "<cc>-<kind>".  Written to
 * out; 0 when body has no kind. */
int lia_rules_counterpart_body(const lia_rules *r, const char *body, const char *cc, char *out, size_t cap);

/* Walks one step in a trie; NULL when no child has that key. */
const lia_trie *lia_trie_step(const lia_trie *t, const char *key);
/* The same with hash = lia_hash(key) known (a token's form_hash). */
const lia_trie *lia_trie_step_hashed(const lia_trie *t, const char *key, unsigned long hash);

/* Lints a rules directory: prints nothing, collects one warning line per
 * problem in d (file:line:col: message).  Returns LIA_OK when clean. */
lia_status lia_rules_check(const char *dir, lia_diag *d);

/* Every phrase the gazetteers match, as written in the rules, one per call. */
void lia_rules_each_alias(const lia_rules *r, void (*fn)(const char *alias, void *ctx), void *ctx);

#endif
