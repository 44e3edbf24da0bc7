/* match.h — what a document's tokens name, and which relation patterns fire.
 *
 * Input: the tokens of one document and the rules.  Output: a lia_matches
 * the caller owns: the mentions (entities found by gazetteer, by title or by
 * shape, each with the entity key it stands for), the dates, and the raw
 * relation matches of the patterns.  Nothing here decides dates, places or
 * implicit subjects of relations: that is resolve's job.
 */
#ifndef LIA_MATCH_H
#define LIA_MATCH_H

#include <stdint.h>

#include "dates.h"
#include "rules.h"
#include "tokenize.h"

typedef struct {
    size_t first, last;      /* token span [first, last) */
    int type;                /* one LIA_T_* bit */
    char *key;               /* the entity's key */
    char *name;              /* canonical Arabic name */
    char *latin;             /* "" when unknown */
    char *country;           /* ISO code or "" */
    char *surface;           /* the entity's own words as written (original text) */
    /* Persons: the office named in the text and the bodies it names. */
    char *role;              /* title phrase as written, or "" */
    char *office;            /* head, deputy, ... or "" */
    int title;               /* index into rules->titles of its title, or -1 */
    char *bodies[3];         /* agency keys the title names (NULL-terminated) */
    int official;            /* known official or named with a title */
    int guessed_country;     /* title only, its body's country guessed ("وزير الدفاع") */
    int former;              /* the office is past: "وزير الداخلية آنذاك"، "السابق" */
    int anaphor;             /* "الأخير": stands for the last person named */
    int styled;              /* "سموه"، "معاليه": the person last styled so */
    int group;               /* "الوزراء المشاركين": every attendee of the current event */
    int both_sides;          /* "الجانبان": the two persons the text just named */
    int first_name_only;     /* "الأمير محمد": the one of that style and given name named before */
    int counted;             /* "الوزراء الثلاثة": that many persons named together before, or 0 */
    int guest;               /* "الوزير الضيف"، "ضيفه": the visitor the text told of */
    int host_ref;            /* "مضيفه": who received the visitor */
    int titled_ref;          /* "وانتقل الموفد": a title naming no one after it (title
                                set): the first person given that title before */
    int event_ref;           /* "هذا المنتدى": stands for the current event */
    int delegation;          /* a country named by its delegation */
    int member;              /* persons: listed in a delegation or an entourage */
    int possessor;           /* persons: whose envoy or adviser ("مبعوث ترامب"), no party */
    int second_office;       /* persons: a title joined by و right after a named person's
                                office, naming no one: his ("X وزير الداخلية وقائد قوة
                                الأمن الداخلي"); the mention just before is the holder */
    int inner;               /* part of a larger mention (a title's body) */
    char *parent_of;         /* agencies: key of the body this one contains, or NULL */
    size_t place_first;      /* events: a place right after the name ("بموسكو"), else 0 */
    int place_mention;       /* events: index of that place mention + 1, else 0 */
} lia_mention;

/* One firing of a relation pattern. */
typedef struct {
    int pattern;             /* index into rules->patterns */
    int a;                   /* first A mention index, or -1 when implicit */
    int as[16];              /* every A mention (a list capture: A:type+) */
    int n_a;
    int b[16];               /* mention indexes */
    int n_b;
    size_t sentence;
    size_t anchor;           /* token of the trigger */
} lia_rel_match;

typedef struct {
    VEC(lia_mention) mentions;   /* in text order (by first token) */
    struct lia_arena *strings;   /* owns every string of the mentions: a mention's
                                    fields are rewritten often and all die together */
    VEC(lia_rel_match) rels;
    lia_date *dates;
    size_t n_dates;
    /* Per token: the lexicon classes of phrases starting there. */
    struct lia_lexhit { int cls; int len; } **lex;
    int *n_lex;
    struct lia_lexhit *lex_hits;  /* every lex[i] points into this one block */
    uint64_t *lex_classes;       /* per token, lex_class_words words: bit cls set for
                                    each class in lex[i] */
    size_t lex_class_words;
    size_t n_tok;
    int *mention_at;             /* token → top-level mention starting there + 1, or 0 */
    int dateline;                /* the dateline's city mention + 1 ("عمّان - ..."), or 0 */
} lia_matches;

/* Finds mentions, dates and relation matches in one document. */
void lia_match(const lia_rules *r, const lia_tokens *t, const char *text, const char *doc_date,
               lia_matches *out);
void lia_matches_release(lia_matches *m);

/* Is there a phrase of lexicon class cls at token i? Its length, else 0. */
int lia_lex_at(const lia_matches *m, size_t i, int cls);

/* lia_lex_at(m, i, cls) != 0 for a class cls >= 0 and a token i < n_tok,
 * told by the token's class bits alone, inline: for loops over every token. */
static inline int lia_lex_has(const lia_matches *m, size_t i, int cls)
{
    return m->lex_classes[i * m->lex_class_words + ((unsigned)cls >> 6)] >> (cls & 63) & 1;
}

/* Runs one pattern at every anchor of a sentence (used by lia_match and by
 * `rules test`). */

#endif
