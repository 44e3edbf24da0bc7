/* resolve.c — turns one document's mentions and pattern matches into facts.
 *
 * In: lia_matches (mentions with keys where the gazetteer knew them), the
 * tokens and the document.  Out: entities and relations added to lia_facts.
 * Within a document it resolves anaphors ("الأخير"), title-only mentions
 * (through the officials' tenures and the document date, or the holder the
 * document already named), "this forum", implicit subjects, and the date and
 * place each relation inherits from its sentence or from the visit or event
 * the article set up earlier.
 */
#include "resolve.h"

#include <ctype.h>
#include <stdint.h>

/* A visit implied by meeting or attending abroad (its strings in
 * rctx.implied_strings). */
typedef struct {
    char *person, *place, *date;
    size_t sent, anchor;
} implied_visit;

/* "ترأس X في إسلام أباد الدورة السابعة ...": a city an attendance's own
 * sentence names, where the event it names there took place; added once
 * the relations are read, if no pattern told another host (its date in
 * rctx.implied_strings). */
typedef struct {
    const char *event, *place;   /* keys borrowed from the mentions */
    char *date;
    size_t sent;
} attended_here;

typedef struct {
    const lia_rules *r;
    const lia_doc *doc;
    const lia_tokens *t;
    lia_matches *m;
    lia_facts *f;
    char *context_date;       /* date of the visit or event the article sets up */
    char *context_place;      /* place of that visit or event */
    int subject;              /* mention index of the current subject, or -1 */
    int joint[2];             /* two persons last told acting together ("زار X وY"):
                                 whom "الوزيران" with an object stands for; -1 */
    int pair[2];              /* the two persons last told acting together or
                                 meeting: whom "استقبلهما" stands for; -1 */
    int crowd[16], n_crowd;   /* the persons last told acting together, two or
                                 more: whom "في استقبالهم" stands for */
    size_t anchor;            /* token the current relation hangs on (for evidence) */
    size_t args_end;          /* end of the current relation's last argument
                                 mention, or 0 when none is known ... */
    size_t args_anchor;       /* ... for the relation at this trigger */
    /* Visits implied by meeting or attending abroad, added after the
     * visits the text tells outright, so that those give the date. */
    VEC(implied_visit) implied;
    lia_arena *implied_strings;  /* owns the implied visits' strings */
    VEC(attended_here) attended_here;
    /* Relations a headline told without a date of its own: they take the
     * story's date at the end if the body leaves them undated. */
    VEC(lia_relation *) headline_undated;
    /* Relations a headline told first: the body's telling places them. */
    VEC(lia_relation *) headline_told;
    /* The last meeting told: its sentence + 1 (0: none), date and place,
     * which a sentence opened by "كما" goes on with. */
    size_t met_sent;
    const char *met_date, *met_place;
    unsigned long margin_hash;  /* lia_hash("هامش"): margin_event runs for every meeting */
    unsigned long program_hash; /* lia_hash("فعاليات") */
    /* Per token (n + 1 entries): how many clause breaks (clause_break)
     * come before it in the document, so that clause_of, asked for every
     * date of a sentence, is a difference instead of a scan.  Owned here. */
    size_t *breaks_before;
    /* Per sentence: 1 + the index in c->f->relations of the first meeting
     * it told, or 0.  Owned here. */
    size_t *first_met_of_sent;
    lia_named_classes cls;    /* c->r->named, copied for one load per test */
} rctx;

static const char *type_name(int type)
{
    switch (type) {
    case LIA_T_PERSON: return LIA_PERSON;
    case LIA_T_AGENCY: return LIA_AGENCY;
    case LIA_T_COUNTRY: return LIA_COUNTRY;
    case LIA_T_CITY: return LIA_CITY;
    case LIA_T_ORG: return LIA_ORGANIZATION;
    default: return LIA_EVENT;
    }
}

static int date_covers(const char *start, const char *end, const char *date)
{
    if (!date || !*date)
        return !end[0];   /* no document date: whoever is in office now */
    if (strncmp(start, date, strlen(start)) > 0)
        return 0;
    return !end[0] || strncmp(date, end, strlen(end)) <= 0;
}

/* The official who held office@body on the document's date. */
static int office_holder(const rctx *c, const char *office, const char *body)
{
    int best = -1;
    const char *best_start = "";
    const lia_role_refs *roles = lia_rules_roles_of(c->r, body);
    for (size_t q = 0; roles && q < roles->n; q++) {
        const lia_role *ro = &c->r->officials.v[roles->v[q].official].roles[roles->v[q].role];
        if (office[0] && strcmp(ro->office, office) != 0)
            continue;
        if (!date_covers(ro->start, ro->end, c->doc->date))
            continue;
        if (best < 0 || strcmp(ro->start, best_start) > 0) {
            best = roles->v[q].official;
            best_start = ro->start;
        }
    }
    return best;
}

/* The secretary general of a body that also has a president heads its
 * general secretariat ("الأمين العام للإنتربول" is not its president):
 * that secretariat's holder for title-only mention mm, else -1. */
static int secretary_general_of(const rctx *c, const lia_mention *mm, const char *body)
{
    if (mm->title < 0 || strcmp(c->r->titles.v[mm->title].id, "secretary") != 0
        || strcmp(mm->office, "head") != 0)
        return -1;
    char key[256];
    snprintf(key, sizeof key, "%s-general-secretariat", body);
    return lia_rules_lookup(c->r, key) ? office_holder(c, "head", key) : -1;
}

static void set_key(const rctx *c, lia_mention *mm, const char *key, const char *name,
                    const char *latin, const char *country)
{
    mm->key = lia_arena_strdup(c->m->strings, key);
    mm->name = lia_arena_strdup(c->m->strings, name);
    mm->latin = lia_arena_strdup(c->m->strings, latin);
    if (country && country[0])
        mm->country = lia_arena_strdup(c->m->strings, country);
}

/* Title-only mention k means a person named before with an office of a
 * body alike its own: "مدير الاستخبارات الروسية" after the SVR's director
 * is his office, not the FSB's.  The title and the body it named inside
 * it take that body. */
static void rebind_title_body(rctx *c, size_t k, const char *body)
{
    lia_mention *mm = &c->m->mentions.v[k];
    const lia_gaz_ref *g = lia_rules_lookup(c->r, body);
    char *old = mm->bodies[0];
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        lia_mention *in = &c->m->mentions.v[q];
        if (in->inner && in->type == LIA_T_AGENCY && in->first >= mm->first && in->last <= mm->last
            && !strcmp(in->key, old)) {
            /* A body the rules name takes its identity; a kind of another
             * country ("sa-defence-ministry") is named where it is held. */
            if (g && g->kind == LIA_G_AGENCY) {
                const lia_agency *a = &c->r->agencies.v[g->index];
                set_key(c, in, a->key, a->name, a->latin, a->country);
            } else {
                set_key(c, in, "", "", "", NULL);
            }
        }
    }
    mm->bodies[0] = lia_arena_strdup(c->m->strings, body);
}

/* The style a styled pronoun names, as a rule-entry key: "سموه" → "سمو",
 * "فخامتها" → "فخامه" (ة is normalized to ه). */
static void style_of(const char *pronoun, char *out, size_t cap)
{
    static const char HA[] = "\xd9\x87\xd8\xa7", H[] = "\xd9\x87", T[] = "\xd8\xaa";
    size_t n = strlen(pronoun);
    if (n >= 4 && memcmp(pronoun + n - 4, HA, 4) == 0)
        n -= 4;
    else if (n >= 2 && memcmp(pronoun + n - 2, H, 2) == 0)
        n -= 2;
    int ta = n >= 2 && memcmp(pronoun + n - 2, T, 2) == 0;
    if (ta)
        n -= 2;
    snprintf(out, cap, "%.*s%s", (int)n, pronoun, ta ? H : "");
}

/* Do the words of tokens [first, last) occur in a row within tokens
 * [from, to)? */
static int words_within(const rctx *c, size_t first, size_t last, size_t from, size_t to)
{
    size_t n = last - first;
    for (size_t i = from; i + n <= to; i++) {
        size_t w = 0;
        while (w < n && strcmp(c->t->tok[i + w].forms[0], c->t->tok[first + w].forms[0]) == 0)
            w++;
        if (w == n)
            return 1;
    }
    return 0;
}

/* "الشيخ تميم بن حمد آل ثاني أمير البلاد" ... "سمو الأمير": is the rank
 * of styled mention mm told right after p's name, its office not part of
 * p's mention? */
static int rank_right_after(const rctx *c, const lia_mention *mm, const lia_mention *p)
{
    size_t n = mm->last - mm->first - 1;
    return p->last + n <= c->t->n && words_within(c, mm->first + 1, mm->last, p->last, p->last + n);
}

/* The person named first before mention k with the style a styled
 * pronoun names ("صاحب السمو الشيخ X" ... "سموه"), or -1: agency copy
 * styles the story's principal, and guests named after him with the same
 * style ("التقى معالي X ... معالي Y") do not take his pronoun. */
static int styled_antecedent(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    const lia_token *pron = &c->t->tok[mm->first];
    char style[64];
    int honorific = c->cls.honorific;
    /* A pronoun ("سموه") names its style; a style before a rank with no
     * name ("سمو ولي العهد") is the style itself. */
    if (lia_lex_at(c->m, mm->first, c->cls.styled_ref))
        style_of(pron->forms[pron->n_forms - 1], style, sizeof style);
    else
        snprintf(style, sizeof style, "%s", pron->forms[0]);
    /* "سمو ولي العهد": the one so styled whose name or office has the
     * rank too ("صاحب السمو الملكي الأمير محمد ... ولي العهد"), else the
     * first so styled. */
    int rank_words = !lia_lex_at(c->m, mm->first, c->cls.styled_ref) && mm->last > mm->first + 1;
    int first_styled = -1;
    for (size_t q = 0; q < k; q++) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (p->type != LIA_T_PERSON || p->inner || !p->key[0] || p->styled)
            continue;
        /* The style in the run of honorifics just before the name or in
         * the mention itself; forms[0] only, as the other forms strip
         * more ("سموه" is no "سمو"). */
        size_t from = p->first;
        /* ... not across و: in "سمو الأمير والرئيس الإكوادوري" the style
         * is the emir's. */
        for (int moved = 1; moved && !c->t->tok[from].has_conj;) {     /* "صاحب السمو الملكي الأمير X" */
            moved = 0;
            for (size_t h = from; h-- > 0 && h + 4 > from;)
                if (h + (size_t)lia_lex_at(c->m, h, honorific) == from) {
                    from = h;
                    moved = 1;
                    break;
                }
        }
        for (size_t i = from; i < p->last; i++)
            if (strcmp(c->t->tok[i].forms[0], style) == 0) {
                if (first_styled < 0)
                    first_styled = (int)q;
                if (!rank_words || words_within(c, mm->first + 1, mm->last, from, p->last)
                    || rank_right_after(c, mm, p))
                    return (int)q;
                break;
            }
    }
    return first_styled;
}

/* Does person p hold mm's office in a body of the same kind as mm's first
 * ("sa-defence-ministry" for "ir-defence-ministry")?  The body, or NULL. */
static const char *same_kind_office(const lia_mention *p, const lia_mention *mm)
{
    const char *kind = strlen(mm->bodies[0]) > 3 && mm->bodies[0][2] == '-' ? mm->bodies[0] + 2 : NULL;
    if (!kind || p->type != LIA_T_PERSON || !p->key[0] || p->inner || strcmp(p->office, mm->office))
        return NULL;
    for (int b = 0; b < 3 && p->bodies[b]; b++)
        if (strlen(p->bodies[b]) > 3 && p->bodies[b][2] == '-' && !strcmp(p->bodies[b] + 2, kind))
            return p->bodies[b];
    return NULL;
}

/* Is the word at i one of a prince's styles ("سمو"، "السمو"; with
 * given, "الأمير" and "الشيخ" too)? */
static int prince_style_at(const rctx *c, size_t i, int given)
{
    static const char *const styles[] = { "سمو", "السمو", "الامير", "الشيخ" };
    for (size_t w = 0; w < (given ? 4u : 2u); w++)
        if (lia_token_matches(&c->t->tok[i], styles[w]))
            return 1;
    return 0;
}

/* "سمو وزير الخارجية": is title-only mention mm styled right before it as
 * a prince? */
static int styled_prince_title(const rctx *c, const lia_mention *mm)
{
    for (size_t i = mm->first; i-- > 0 && i + 4 > mm->first;) {
        if (!lia_lex_at(c->m, i, c->cls.honorific) && !lia_lex_at(c->m, i, c->cls.style))
            return 0;
        if (prince_style_at(c, i, 0))
            return 1;
    }
    return 0;
}

/* Is person mention p a prince's, by a style in the run of honorifics
 * before it or in its own words ("صاحب السمو الأمير فيصل"، "الشيخ X")? */
static int styled_prince(const rctx *c, const lia_mention *p)
{
    size_t from = p->first;
    while (from > 0 && from + 4 > p->first
           && (lia_lex_at(c->m, from - 1, c->cls.honorific) || lia_lex_at(c->m, from - 1, c->cls.style)))
        from--;
    for (size_t i = from; i < p->last; i++)
        if (prince_style_at(c, i, 1))
            return 1;
    return 0;
}

/* "سمو وزير الدفاع يزور طهران" in a headline, the Saudi minister named in
 * the story: title-only mention k, whose country was only guessed, is the
 * last holder of that office of any country named before it, else the
 * first named after it.  Index, and his body in *body; or -1. */
static int holder_of_kind(const rctx *c, size_t k, const char **body)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    /* "سمو وزير الخارجية": a royal style is a prince's, not the Chinese
     * minister's named before. */
    int royal = styled_prince_title(c, mm);
    /* "اللواء مجدي عبد الغفار وزير الداخلية" ... "الوزير البحريني" ...
     * "وكان وزير الداخلية قد وصل": the same bare title again is who bore
     * it, not the last foreign minister named with his nisba. */
    for (size_t q = k; q-- > 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (p->role && mm->role && !strcmp(p->role, mm->role) && (!royal || styled_prince(c, p))
            && (*body = same_kind_office(p, mm)))
            return (int)q;
    }
    for (size_t q = k; q-- > 0;)
        if ((!royal || styled_prince(c, &c->m->mentions.v[q])) && (*body = same_kind_office(&c->m->mentions.v[q], mm)))
            return (int)q;
    for (size_t q = k + 1; q < c->m->mentions.n; q++)
        if ((!royal || styled_prince(c, &c->m->mentions.v[q])) && (*body = same_kind_office(&c->m->mentions.v[q], mm)))
            return (int)q;
    return -1;
}

static int pattern_has_class(const lia_pattern *p, int cls);
static int class_count(const lia_pattern *p, int cls);

static int is_relation(const lia_pattern *p, const char *rel)
{
    /* First bytes first: asked many times per relation, mostly "no". */
    return p->relation[0] == rel[0] && strcmp(p->relation, rel) == 0;
}

/* Is person mention p named as a head of state or government: "الرئيس
 * التركي" (a head of no body), "العاهل الأردني"، "رئيس الوزراء"? */
static int named_as_leader(const lia_mention *p)
{
    return strncmp(p->office, "head-of-", 8) == 0 || (strcmp(p->office, "head") == 0 && !p->bodies[0]);
}

/* Is person mention p titled the head of his country ("الرئيس الصربي":
 * the matcher puts the country's ISO code as the body)? */
static int heads_own_country(const rctx *c, const lia_mention *p)
{
    return strcmp(p->office, "head") == 0 && p->bodies[0] && lia_rules_country(c->r, p->bodies[0]);
}

/* Is person mention p titled "رئيس" of a body, not of his country ("رئيس
 * مكتب الرئاسة X", "رئيس جهاز المخابرات X")?  "الرئيس الأوكراني" told
 * after him is his country's president, not he. */
static int chief_of_a_body(const rctx *c, const lia_mention *p)
{
    return p->title >= 0 && !strcmp(c->r->titles.v[p->title].id, "chief") && p->bodies[0]
           && !lia_rules_country(c->r, p->bodies[0]);
}

/* "الزعيم الإثيوبي" (mention k) after "رئيس الوزراء الإثيوبي X": the
 * leader of a country is the one the story named first as its head of
 * state or government, whatever his title.  The mention, or -1. */
static int leader_named_before(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    if (!mm->country[0] || !lia_token_matches(&c->t->tok[mm->first], "زعيم"))
        return -1;
    for (size_t q = 0; q < k; q++) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (p->type == LIA_T_PERSON && !p->inner && p->key[0] && !strcmp(p->country, mm->country)
            && (named_as_leader(p) || heads_own_country(c, p)))
            return (int)q;
    }
    return -1;
}

/* Is mention k one of match m's objects (B)? */
static int has_object(const lia_rel_match *m, int k)
{
    for (int b = 0; b < m->n_b; b++)
        if (m->b[b] == k)
            return 1;
    return 0;
}

/* How the rules read mention k: a bitmask of READ_SUBJECT (some rule's
 * subject), READ_OBJECT (some rule's object) and READ_LONE_OBJECT (the
 * object of a rule that matched without a subject of its own). */
enum { READ_SUBJECT = 1, READ_OBJECT = 2, READ_LONE_OBJECT = 4 };
static int read_as(const rctx *c, int k)
{
    int how = 0;
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *rm = &c->m->rels.v[q];
        for (int a = 0; a < rm->n_a; a++)
            if (rm->as[a] == k)
                how |= READ_SUBJECT;
        if (has_object(rm, k))
            how |= READ_OBJECT | (rm->a < 0 ? READ_LONE_OBJECT : 0);
    }
    return how;
}

static int relative_subject(const rctx *c, const lia_rel_match *rm, int *out, int max);

/* Who made a visit told without a subject ("غادر X إسلام آباد في ختام
 * زيارة رسمية لباكستان"): the person a relative pronoun right before it
 * follows ("استقبل X، اليوم، Y، الذي بدأ زيارة"), else a person named
 * before it in its sentence whom no rule read as a party, or -1. */
static int unnamed_visitor(const rctx *c, const lia_rel_match *rm)
{
    int follows[1];
    if (relative_subject(c, rm, follows, 1) == 1)
        return follows[0];
    const lia_sentence *se = &c->t->sent[rm->sentence];
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->first >= se->first && mm->first < rm->anchor && mm->type == LIA_T_PERSON && mm->key[0]
            && !mm->inner && !mm->possessor && !read_as(c, (int)k))
            return (int)k;
    }
    return -1;
}

/* The story's first person: the first named (not as whom someone met:
 * "يختتم زيارته بلقاء قائد الجيش"), or -1. */
static int first_person_named(const rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++)
        if (c->m->mentions.v[k].type == LIA_T_PERSON && c->m->mentions.v[k].key[0]
            && !c->m->mentions.v[k].inner && !c->m->mentions.v[k].possessor
            && read_as(c, (int)k) != (READ_OBJECT | READ_LONE_OBJECT))
            return (int)k;
    return -1;
}

/* Is p a person of country cc named by a key of his own (no inner
 * mention)?  The country scans below add what else they ask of him. */
static int named_person_of(const lia_mention *p, const char *cc)
{
    return p->type == LIA_T_PERSON && !p->inner && p->key[0] && !strcmp(p->country, cc);
}

/* The last person of country cc named before mention k, not counting
 * heads of state and government (no text calls them "the official" or
 * "the guest"), or -1.  guest: nor an ambassador, who is posted where
 * the story is ("والسفير الياباني لدى المملكة X" is no "الضيف الياباني"). */
static int last_of_country(const rctx *c, size_t k, const char *cc, int guest)
{
    for (size_t q = k; q-- > 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        /* (Nor one named as whom another serves or sent: "بصفته مبعوثا
         * للجنرال X" is no "المسؤول النيجري".) */
        if (named_person_of(p, cc) && !p->anaphor && !named_as_leader(p) && !p->possessor
            && !(guest && p->title >= 0 && !strcmp(c->r->titles.v[p->title].id, "ambassador")))
            return (int)q;
    }
    return -1;
}

/* The last person of country cc named before mention k with the rank
 * that mention k opens with ("الجنرال ستيفن تاونسند" for "الجنرال
 * الأمريكي"), or -1. */
static int last_ranked_of_country(const rctx *c, size_t k, const char *cc)
{
    const lia_token *rank = &c->t->tok[c->m->mentions.v[k].first];
    for (size_t q = k; q-- > 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (!named_person_of(p, cc) || p->anaphor)
            continue;
        for (size_t t = p->first; t < p->last; t++)
            if (lia_token_matches(&c->t->tok[t], rank->norm))
                return (int)q;
    }
    return -1;
}

/* (match.c's heir_country_before asks the same of the tokens, with the
 * title right before or after the name: keep the two alike.)
 * The last person of country cc (any, when NULL) named before mention k with a crown
 * prince's title right before, in or right after his name ("ولي العهد
 * رئيس مجلس الوزراء الأمير X"، "X ولي العهد") for "ولي العهد السعودي",
 * or -1: whoever of that country was named last may be another. */
static int last_heir_of_country(const rctx *c, size_t k, const char *cc)
{
    for (size_t q = k; q-- > 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (!(cc ? named_person_of(p, cc) : p->type == LIA_T_PERSON && !p->inner && p->key[0]) || p->anaphor)
            continue;
        size_t last = p->last + 3 < c->m->mentions.v[k].first ? p->last + 3 : c->m->mentions.v[k].first;
        /* (Not a title that is a reference of its own: "التقى ولي العهد
         * قائد الجيش X" does not make X a crown prince.) */
        for (size_t t = p->first > 6 ? p->first - 6 : 0; t < last; t++)
            if (lia_lex_at(c->m, t, c->cls.heir) && !c->m->mention_at[t])
                return (int)q;
    }
    return -1;
}

/* The first person named after mention k (a title with no name) with
 * the same office of a body alike to its first, or -1. */
static int same_office_named_after(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    for (size_t q = k + 1; q < c->m->mentions.n; q++) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (p->type != LIA_T_PERSON || !p->key[0] || p->inner || p->anaphor || strcmp(p->office, mm->office) != 0)
            continue;
        for (int b = 0; b < 3 && p->bodies[b]; b++)
            if (lia_rules_bodies_alike(c->r, p->bodies[b], mm->bodies[0]))
                return (int)q;
    }
    return -1;
}

/* Was the person of that key named as a head of state or government by
 * some mention before mention k? */
static int key_named_as_leader(const rctx *c, const char *key, size_t k)
{
    for (size_t q = 0; q < k; q++) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (p->type == LIA_T_PERSON && !p->inner && !strcmp(p->key, key) && named_as_leader(p))
            return 1;
    }
    return 0;
}

/* The person named last before mention k in its sentence (whose
 * counterpart "نظيره" is), or NULL. */
static const lia_mention *person_named_before(const rctx *c, size_t k)
{
    for (size_t q = k; q-- > 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (c->t->tok[p->first].sentence != c->t->tok[c->m->mentions.v[k].first].sentence)
            return NULL;
        if (p->type == LIA_T_PERSON && !p->inner && p->key[0])
            return p;
    }
    return NULL;
}

/* "أقام وزير الدفاع الأمريكي X مراسم استقبال لنظيره العراقي": the
 * counterpart (mention k, "نظيره" and a nisba) of one named before it in
 * the sentence with his body is that country's holder of the same kind of
 * body the story named ("وزير الدفاع العراقي Y"), not whoever of that
 * country was named last; or -1. */
static int counterpart_of_same_office(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    if (c->cls.counterpart < 0 || !lia_lex_at(c->m, mm->first, c->cls.counterpart))
        return -1;
    const lia_mention *subject = person_named_before(c, k);
    if (!subject || !subject->bodies[0])
        return -1;
    int found = -1;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (q != k && p->type == LIA_T_PERSON && !p->inner && p->key[0] && !p->anaphor && p->bodies[0]
            && !strcmp(p->country, mm->country) && strcmp(p->key, subject->key) != 0
            && lia_rules_bodies_counterparts(c->r, subject->bodies[0], p->bodies[0])
            && (found < 0 || q < k))
            found = (int)q;
    }
    return found;
}

/* "التقى وزير الخارجية الأمريكي X نظيره الفرنسي" when no holder of that
 * office was named before: the counterpart (mention k, "نظيره" and a
 * nisba) is whoever held, on the story's day, the office of the person
 * named before it in the sentence in the counterpart's country: its head
 * of state or government, or the head of its body of the same kind; not
 * whoever of that country the story named last (its emir, when the
 * foreign ministers met).  An official index, or -1. */
static int counterpart_in_office(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    if (c->cls.counterpart < 0 || !lia_lex_at(c->m, mm->first, c->cls.counterpart) || !c->doc->date
        || !c->doc->date[0])
        return -1;
    const lia_mention *subject = person_named_before(c, k);
    if (!subject || !strcmp(subject->country, mm->country))
        return -1;
    char body[128];
    /* The office his title names ("وزير الخارجية الأمريكي") ... */
    if (subject->bodies[0] && !strcmp(subject->office, "head"))
        return lia_rules_counterpart_body(c->r, subject->bodies[0], mm->country, body, sizeof body)
                   ? office_holder(c, "head", body)
                   : -1;
    /* ... else the one he held that day, for a known official named
     * without it ("الرئيس ترامب"). */
    const lia_gaz_ref *g = lia_rules_lookup(c->r, subject->key);
    if (!g || g->kind != LIA_G_PERSON)
        return -1;
    const lia_official *o = &c->r->officials.v[g->index];
    for (size_t j = 0; j < o->n_roles; j++) {
        const lia_role *ro = &o->roles[j];
        if (!date_covers(ro->start, ro->end, c->doc->date))
            continue;
        if (!strcmp(ro->office, "head-of-state") || !strcmp(ro->office, "head-of-government"))
            return office_holder(c, ro->office, mm->country);
        if (!strcmp(ro->office, "head") && lia_rules_counterpart_body(c->r, ro->body, mm->country, body, sizeof body))
            return office_holder(c, "head", body);
    }
    return -1;
}

/* "استقبل الرئيس البولوني X نظيره الأمريكي": the counterpart (mention k,
 * "نظيره" and a nisba) of a leader named right before it in the sentence
 * is the last leader of that country named, not its last minister; or -1. */
static int leaders_counterpart(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    int counterpart = c->cls.counterpart;
    /* "نظيريه التونسي والموريتاني": the list's later nisbas go with the
     * counterpart word that opens it. */
    if (counterpart < 0)
        return -1;
    size_t lead = k;
    while (lead > 0 && !lia_lex_at(c->m, c->m->mentions.v[lead].first, counterpart)
           && c->m->mentions.v[lead - 1].anaphor && c->m->mentions.v[lead - 1].last == c->m->mentions.v[lead].first)
        lead--;
    if (!lia_lex_at(c->m, c->m->mentions.v[lead].first, counterpart))
        return -1;
    int subject = -1;
    for (size_t q = lead; q-- > 0 && subject < 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (c->t->tok[p->first].sentence != c->t->tok[mm->first].sentence)
            break;
        if (p->type == LIA_T_PERSON && !p->inner && p->key[0])
            subject = (int)q;
    }
    if (subject < 0 || !key_named_as_leader(c, c->m->mentions.v[subject].key, k))
        return -1;
    for (size_t q = k; q-- > 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (p->type == LIA_T_PERSON && !p->inner && p->key[0] && !strcmp(p->country, mm->country)
            && key_named_as_leader(c, p->key, k))
            return (int)q;
    }
    return -1;
}

/* Gives anaphors, title-only persons and "this forum" the entity they
 * stand for; those that stay unknown keep an empty key. */
/* Does normalized name a start with all the words of b ("محمد بن عبد
 * الرحمن آل ثاني" with "محمد بن عبد الرحمن")? */
static int name_starts_with(const char *a, const char *b)
{
    size_t n = strlen(b);
    return n && strncmp(a, b, n) == 0 && (a[n] == ' ' || a[n] == 0);
}

/* The last person named before mention k whose name begins with the
 * normalized words `words`: a known official when `official`, one with the
 * token `style` in his mention when that is not NULL; or -1. */
static int earlier_person_named(const rctx *c, size_t k, const char *words, int official,
                                const lia_token *style)
{
    int found = -1;
    for (size_t q = 0; q < k; q++) {
        const lia_mention *pm = &c->m->mentions.v[q];
        if (pm->type != LIA_T_PERSON || (official && !pm->official) || pm->inner || !pm->key[0] || !pm->name[0])
            continue;
        int styled = !style;
        for (size_t t = pm->first; t < pm->last && !styled; t++)
            styled = strcmp(c->t->tok[t].norm, style->norm) == 0;
        if (!styled)
            continue;
        char *theirs = lia_normalize_str(pm->name);
        if (name_starts_with(theirs, words))
            found = (int)q;
        free(theirs);
    }
    return found;
}

/* "الشيخ محمد بن عبد الرحمن" after "محمد بن عبد الرحمن آل ثاني": an
 * unknown name of three words or more that begins the name of an official
 * the document named before is his. */
static int official_named_longer(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    if (mm->type != LIA_T_PERSON || mm->official || !mm->surface || !mm->surface[0])
        return -1;
    char *mine = lia_normalize_str(mm->surface);
    int words = 1;
    for (const char *p = mine; *p; p++)
        words += *p == ' ';
    int found = words >= 3 ? earlier_person_named(c, k, mine, 1, NULL) : -1;
    free(mine);
    return found;
}

/* "الأمير محمد": the last person named before mention k with that style
 * in his mention and a name that begins with that given name. */
static int styled_first_name(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    char *given = lia_normalize_str(mm->surface);
    int found = earlier_person_named(c, k, given, 0, &c->t->tok[mm->first]);
    free(given);
    return found;
}

/* The body word of a titled reference "رئيس الجهاز" ("جهاز", its article
 * off), or NULL for one like "الوزير". */
static const char *titled_body_word(const rctx *c, const lia_mention *mm)
{
    const lia_token *t0 = &c->t->tok[mm->first];
    if (mm->last < mm->first + 2 || (strncmp(t0->norm, "ال", 4) == 0))
        return NULL;
    const char *w = c->t->tok[mm->first + 1].norm;
    return strncmp(w, "ال", 4) == 0 ? w + 4 : NULL;
}

/* Does mention mm open with a woman's title ("الوزيرة"، "وزيرة الداخلية
 * الألمانية")?  Arabic titles take ة for a woman, which the normalized
 * form writes ه; no title of a man ends so. */
static int feminine_title(const rctx *c, const lia_mention *mm)
{
    if (mm->title < 0 && !(mm->role && mm->role[0]))
        return 0;
    const char *w = c->t->tok[mm->first].norm;
    size_t n = strlen(w);
    return n > 2 && strcmp(w + n - 2, "\xd9\x87") == 0;   /* ه */
}

/* Is a phrase of lexicon class cls ("وزراء"، "كل منهما") in tokens
 * [from, to)?  No when the rules have no such class. */
static int class_between(const rctx *c, size_t from, size_t to, int cls)
{
    for (size_t i = from; i < to && cls >= 0; i++)
        if (lia_lex_at(c->m, i, cls))
            return 1;
    return 0;
}

/* Is word w (normalized, clitics allowed on the tokens) in tokens
 * [first, last)? */
static int span_has_word(const rctx *c, size_t first, size_t last, const char *w)
{
    for (size_t k = first; k < last && k < c->t->n; k++)
        if (lia_token_matches(&c->t->tok[k], w))
            return 1;
    return 0;
}

/* "وقالت في كلمتها إن اجتماع اليوم ...": is there, in tokens [from, to),
 * a verb of saying and after it إن or أن, opening reported speech?  A day
 * told in it is the speaker's ("اليوم" of the speech), not the paper's. */
static int reported_speech_between(const rctx *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (lia_lex_at(c->m, i, c->cls.said))
            for (size_t k = i + 1; k < to; k++)
                if (!strcmp(c->t->tok[k].norm, "ان"))
                    return 1;
    return 0;
}

/* "منذ قمة بو الفرنسية": an event named as a time in the past, which a
 * later "القمة" does not stand for. */
static int since_event(const rctx *c, const lia_mention *mm)
{
    return class_between(c, mm->first >= 2 ? mm->first - 2 : 0, mm->first, c->cls.since_event);
}

/* "قبل القمة العربية"، "تمهيدا لقمة الرياض": an event named as one still
 * ahead, which the sentence neither holds nor attends. */
static int ahead_event(const rctx *c, const lia_mention *mm)
{
    return mm->first > 0 && lia_lex_at(c->m, mm->first - 1, c->cls.ahead_of_event);
}

/* Do tokens a and b read as one word once their clitics are off
 * ("للمنتدى" and "منتدى")? */
static int tokens_share_form(const lia_token *a, const lia_token *b)
{
    for (int i = 0; i < a->n_forms; i++)
        if (lia_token_matches(b, a->forms[i]))
            return 1;
    return 0;
}

/* Does the name p was found under open with the title word of mm ("الملك
 * سلمان بن عبد العزيز", a gazetteer name, before "وكان الملك قد استقبل")? */
static int named_with_title_word(const rctx *c, const lia_mention *p, const lia_mention *mm)
{
    return tokens_share_form(&c->t->tok[mm->first], &c->t->tok[p->first]);
}

/* Do mentions a and b stand in one sentence? */
static int same_sentence(const rctx *c, const lia_mention *a, const lia_mention *b)
{
    return c->t->tok[a->first].sentence == c->t->tok[b->first].sentence;
}

/* The event that the head word at token h stands for ("المنتدى"، "هذا
 * المؤتمر", "الدورة العشرين للمنتدى"): the last named before it with
 * that head word ("منتدى حوار شانغريلا", not the trilateral meeting told
 * since); -1 when none was. */
static int event_referred(const rctx *c, size_t h, int last_event)
{
    const lia_token *head = &c->t->tok[h];
    for (int q = last_event; q >= 0; q--) {
        const lia_mention *e = &c->m->mentions.v[q];
        if (e->type != LIA_T_EVENT || !e->key[0] || e->inner || e->event_ref || since_event(c, e))
            continue;
        /* ... and the head word right before a known name: منتدى "حوار
         * شانغريلا". */
        size_t from = e->first >= 2 ? e->first - 2 : 0;
        for (size_t i = from; i < e->last; i++)
            if ((i >= e->first || lia_lex_at(c->m, i, c->cls.event_head))
                && tokens_share_form(&c->t->tok[i], head))
                return q;
    }
    return -1;
}

/* "التقى فانس زيلينسكي على هامش مؤتمر ميونيخ. وشارك في الاجتماع X": a
 * meeting word at token h (no event of the story was named by it), in or
 * right after a sentence that told of a meeting on an event's margins, is
 * that meeting. */
static int margin_event(const rctx *c, size_t s);

static int meeting_just_told(const rctx *c, size_t h)
{
    if (!lia_lex_at(c->m, h, c->cls.meeting_ref))
        return 0;
    size_t s = (size_t)c->t->tok[h].sentence;
    for (size_t k = 0; k < c->m->rels.n; k++) {
        const lia_rel_match *rm = &c->m->rels.v[k];
        if ((rm->sentence + 1 == s || (rm->sentence == s && rm->anchor < h))
            && is_relation(&c->r->patterns.v[rm->pattern], "met") && margin_event(c, rm->sentence) >= 0)
            return 1;
    }
    return 0;
}

/* The head word of an event reference ("هذا المنتدى"، "الدورة الحالية";
 * SIZE_MAX for one without, "هذا اللقاء"). */
static size_t ref_head(const rctx *c, const lia_mention *mm)
{
    for (size_t i = mm->first; i < mm->last; i++)
        if (lia_lex_at(c->m, i, c->cls.event_head))
            return i;
    return SIZE_MAX;
}

/* "الدورة العشرين للمنتدى": an edition of the event named before, its
 * head after لل with only ordinals between; the head's token, or
 * SIZE_MAX. */
static size_t edition_of_head(const rctx *c, const lia_mention *mm)
{
    size_t h = mm->last - 1;
    if (mm->last < mm->first + 3 || !lia_lex_at(c->m, mm->first, c->cls.event_head)
        || !lia_lex_at(c->m, h, c->cls.event_head) || strncmp(c->t->tok[h].norm, "لل", 4) != 0)
        return SIZE_MAX;
    for (size_t i = mm->first + 1; i < h; i++)
        if (!lia_lex_at(c->m, i, c->cls.ordinal))
            return SIZE_MAX;
    return h;
}

static void resolve_references(rctx *c)
{
    int last_person = -1, last_event = -1;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        lia_mention *mm = &c->m->mentions.v[k];
        if (mm->inner)
            continue;
        if (mm->first_name_only) {
            int named = styled_first_name(c, k);
            if (named >= 0) {
                const lia_mention *pm = &c->m->mentions.v[named];
                set_key(c, mm, pm->key, pm->name, pm->latin, pm->country);
                mm->official = pm->official;
            }
            continue;
        }
        int longer = official_named_longer(c, k);
        if (longer >= 0) {
            const lia_mention *pm = &c->m->mentions.v[longer];
            set_key(c, mm, pm->key, pm->name, pm->latin, pm->country);
            mm->official = 1;
        }
        if (mm->type == LIA_T_PERSON && mm->styled) {
            int p = styled_antecedent(c, k);
            if (p >= 0) {
                const lia_mention *pm = &c->m->mentions.v[p];
                set_key(c, mm, pm->key, pm->name, pm->latin, pm->country);
            }
            continue;
        }
        if (mm->type == LIA_T_PERSON && mm->titled_ref) {
            /* The person named first before with that title (of that
             * country, when a nisba says): the story's own, when several
             * held one. */
            int who = -1;
            const char *tid = c->r->titles.v[mm->title].id;
            /* "رئيس الجهاز": one whose title names a body with that word. */
            const char *body_word = titled_body_word(c, mm);
            /* "سمو وزير الخارجية": one so styled, not a foreign minister. */
            int royal = styled_prince_title(c, mm);
            /* "والتقت الوزيرة": a woman's title stands for a woman given
             * it, when one was. */
            for (int woman = feminine_title(c, mm); woman >= 0 && who < 0; woman--)
                for (size_t q = 0; q < c->m->mentions.n; q++) {
                    const lia_mention *p = &c->m->mentions.v[q];
                    if (p->type == LIA_T_PERSON && !p->inner && p->key[0] && p->first < mm->first
                        && (!royal || styled_prince(c, p))
                        && (p->title >= 0 ? !strcmp(c->r->titles.v[p->title].id, tid)
                                          : named_with_title_word(c, p, mm))
                        && (!mm->country[0] || !strcmp(p->country, mm->country))
                        && (!body_word || span_has_word(c, p->first, p->last, body_word))
                        && (!woman || feminine_title(c, p))
                        && (who < 0 || p->first < c->m->mentions.v[who].first))
                        who = (int)q;
                }
            if (who < 0)
                who = leader_named_before(c, k);
            if (who >= 0) {
                const lia_mention *p = &c->m->mentions.v[who];
                set_key(c, mm, p->key, p->name, p->latin, p->country);
            }
            continue;
        }
        if (mm->type == LIA_T_PERSON && mm->anaphor) {
            int who = last_person;
            /* "واستقبل ولي العهد X": the crown prince named before, of
             * whichever country; nobody when none was. */
            if (!mm->country[0] && lia_lex_at(c->m, mm->first, c->cls.heir)) {
                who = last_heir_of_country(c, k, NULL);
                if (who < 0)
                    continue;
            }
            if (mm->country[0]) {
                who = leaders_counterpart(c, k);
                if (who < 0)
                    who = counterpart_of_same_office(c, k);
                if (who < 0 && lia_lex_at(c->m, mm->first, c->cls.heir)) {
                    who = last_heir_of_country(c, k, mm->country);   /* "ولي العهد السعودي" */
                    if (who < 0)
                        continue;
                }
                if (who < 0 && lia_lex_at(c->m, mm->first, c->cls.military_rank))
                    who = last_ranked_of_country(c, k, mm->country);   /* "الجنرال الأمريكي" */
                int in_office = who < 0 ? counterpart_in_office(c, k) : -1;
                if (in_office >= 0) {
                    const lia_official *o = &c->r->officials.v[in_office];
                    set_key(c, mm, o->key, o->name, o->latin, o->country);
                    continue;
                }
                if (who < 0)
                    who = last_of_country(c, k, mm->country, 0);   /* "المسؤول المصري" */
            }
            if (who >= 0) {
                const lia_mention *p = &c->m->mentions.v[who];
                set_key(c, mm, p->key, p->name, p->latin, p->country);
            }
            continue;
        }
        if (mm->type == LIA_T_PERSON && mm->host_ref) {
            /* Who received someone last before it ("استقبل X Y ... وسلم Y
             * مضيفه رسالة"); of the host's nisba when it has one ("مضيفه
             * التركي" is no Iranian who received a Turk). */
            int host = -1, receive = c->cls.receive;
            for (size_t q = 0; q < c->m->rels.n; q++) {
                const lia_rel_match *rm = &c->m->rels.v[q];
                if (rm->a >= 0 && rm->anchor < mm->first && c->m->mentions.v[rm->a].key[0]
                    && c->m->mentions.v[rm->a].type == LIA_T_PERSON
                    && (!mm->country[0] || !strcmp(c->m->mentions.v[rm->a].country, mm->country))
                    && pattern_has_class(&c->r->patterns.v[rm->pattern], receive))
                    host = rm->a;
            }
            if (host >= 0) {
                const lia_mention *h = &c->m->mentions.v[host];
                set_key(c, mm, h->key, h->name, h->latin, h->country);
            }
            continue;
        }
        if (mm->type == LIA_T_PERSON && mm->guest) {
            /* The person a visit pattern named before: the visitor; else
             * who made a visit told without a subject. */
            int visitor = -1, accompany = c->cls.accompany;
            for (int unnamed = 0; unnamed < 2 && visitor < 0; unnamed++)
                for (size_t q = 0; q < c->m->rels.n; q++) {
                    const lia_rel_match *rm = &c->m->rels.v[q];
                    const lia_pattern *p = &c->r->patterns.v[rm->pattern];
                    int a = !unnamed ? rm->a : rm->a < 0 && rm->anchor < mm->first ? unnamed_visitor(c, rm) : -1;
                    /* Who came along ("يرافقه X") is not the guest; nor
                     * is a visitor of another country than the guest's
                     * nisba ("ضيفه الليبي" after the Algerian's visit). */
                    if (is_relation(p, "visited") && !pattern_has_class(p, accompany) && a >= 0
                        && c->m->mentions.v[a].first < mm->first && c->m->mentions.v[a].key[0]
                        && (!mm->country[0] || !strcmp(c->m->mentions.v[a].country, mm->country))
                        && (visitor < 0 || c->m->mentions.v[a].first > c->m->mentions.v[visitor].first))
                        visitor = a;
                }
            /* ... else, with a nisba ("الضيف البريطاني"), the last person
             * of that country named before; else whom the story's first
             * reception received ("استقبل الأمير ... ريكس تيلرسون ... الذي
             * يزور البلاد"). */
            if (visitor < 0 && mm->country[0])
                visitor = last_of_country(c, k, mm->country, 1);
            int receive = c->cls.receive;
            for (size_t q = 0; q < c->m->rels.n && visitor < 0; q++) {
                const lia_rel_match *rm = &c->m->rels.v[q];
                if (rm->n_b < 1 || !pattern_has_class(&c->r->patterns.v[rm->pattern], receive))
                    continue;
                const lia_mention *b = &c->m->mentions.v[rm->b[0]];
                if (b->type == LIA_T_PERSON && b->key[0] && b->first < mm->first)
                    visitor = rm->b[0];
            }
            /* ... else, as whom someone received ("وكان لولا قد استقبل
             * ضيفه"), the last person named before of another country
             * than the host's. */
            for (size_t q = 0; q < c->m->rels.n && visitor < 0; q++) {
                const lia_rel_match *rm = &c->m->rels.v[q];
                if (rm->a < 0 || rm->n_b < 1 || rm->b[0] != (int)k
                    || !pattern_has_class(&c->r->patterns.v[rm->pattern], receive))
                    continue;
                const char *host_country = c->m->mentions.v[rm->a].country;
                for (size_t o = 0; o < k && host_country[0]; o++) {
                    const lia_mention *p = &c->m->mentions.v[o];
                    if (p->type == LIA_T_PERSON && !p->inner && p->key[0] && p->country[0]
                        && strcmp(p->country, host_country) != 0)
                        visitor = (int)o;
                }
            }
            if (visitor >= 0) {
                const lia_mention *v = &c->m->mentions.v[visitor];
                set_key(c, mm, v->key, v->name, v->latin, v->country);
            }
            continue;
        }
        /* "وزيرة الدفاع ووزيرة الخارجية بالوكالة زينة عكر": two offices
         * joined by و before one name are that person's. */
        if (mm->type == LIA_T_PERSON && !mm->key[0] && mm->bodies[0] && mm->role && mm->role[0]) {
            const lia_mention *next = NULL;
            for (size_t q = k + 1; q < c->m->mentions.n && !next; q++)
                if (!c->m->mentions.v[q].inner)
                    next = &c->m->mentions.v[q];
            if (next && next->type == LIA_T_PERSON && next->key[0] && next->first == mm->last
                && c->t->tok[next->first].has_conj && next->role && next->role[0] && !next->anaphor
                && (!mm->country[0] || !next->country[0] || !strcmp(mm->country, next->country)
                    || mm->guessed_country)) {
                /* A body whose country was guessed is not known to be hers. */
                if (mm->guessed_country && strcmp(mm->country, next->country) != 0)
                    mm->bodies[0] = NULL;
                set_key(c, mm, next->key, next->name, next->latin, next->country);
                continue;
            }
        }
        if (mm->type == LIA_T_PERSON && !mm->key[0] && mm->bodies[0]) {
            /* A holder named earlier in the document wins over the
             * gazetteer: the article knows whom it means. */
            int found = -1;
            const char *found_body = NULL;
            /* Not for an office many hold (an ambassador, an adviser: the
             * head of his country is not "سفير موريتانيا"), nor for a title
             * with only a country ("الوزير الروسي": matched by title below,
             * never by whoever heads the country). */
            int by_body = strcmp(mm->office, "member") != 0 && strcmp(mm->bodies[0], mm->country) != 0;
            /* "سمو وزير الداخلية" is a prince, not a minister named before
             * without that style. */
            int royal = mm->guessed_country && styled_prince_title(c, mm);
            for (size_t q = 0; q < k && by_body; q++) {
                const lia_mention *p = &c->m->mentions.v[q];
                if (p->type != LIA_T_PERSON || !p->key[0] || p->inner || (royal && !styled_prince(c, p)))
                    continue;
                /* The same office of the same body: a deputy minister is
                 * not the minister named before. */
                for (int b = 0; b < 3 && p->bodies[b]; b++)
                    if (lia_rules_bodies_alike(c->r, p->bodies[b], mm->bodies[0])
                        && !strcmp(p->office, mm->office)) {
                        found = (int)q;
                        found_body = p->bodies[b];
                    }
                if (found < 0 && p->official) {
                    const lia_gaz_ref *g = lia_rules_lookup(c->r, p->key);
                    if (g && g->kind == LIA_G_PERSON) {
                        const lia_official *o = &c->r->officials.v[g->index];
                        for (size_t j = 0; j < o->n_roles; j++)
                            if (strcmp(o->roles[j].body, mm->bodies[0]) == 0
                                && !strcmp(o->roles[j].office, mm->office)
                                && date_covers(o->roles[j].start, o->roles[j].end, c->doc->date))
                                found = (int)q;
                    }
                }
            }
            /* "الوزير المصري" after "وزير الداخلية المصري محمود توفيق": the
             * same title and country named earlier. */
            for (size_t q = 0; q < k && found < 0 && !strcmp(mm->bodies[0], mm->country); q++) {
                const lia_mention *p = &c->m->mentions.v[q];
                if (p->type == LIA_T_PERSON && p->key[0] && !p->inner && p->title == mm->title
                    && mm->title >= 0 && !strcmp(p->country, mm->country) && !chief_of_a_body(c, p))
                    found = (int)q;
            }
            /* "الوزير التونسي" after "ونظيره التونسي كمال الفقي": else the
             * last minister of that country named, a counterpart included;
             * so for "القائدة العسكرية الأمريكية" and "المدير الروسي" (not
             * "الرئيس الأمريكي": the head of state, below). */
            const char *tid = mm->title >= 0 ? c->r->titles.v[mm->title].id : "";
            if (found < 0 && !strcmp(mm->bodies[0], mm->country)
                && (!strcmp(tid, "minister") || !strcmp(tid, "commander") || !strcmp(tid, "director"))) {
                int counterpart = c->cls.counterpart;
                for (size_t q = 0; q < k; q++) {
                    const lia_mention *p = &c->m->mentions.v[q];
                    if (p->type != LIA_T_PERSON || !p->key[0] || p->inner || strcmp(p->country, mm->country))
                        continue;
                    int minister = p->title >= 0 && !strcmp(c->r->titles.v[p->title].id, tid);
                    int other = p->title < 0 && counterpart >= 0 && lia_lex_at(c->m, p->first, counterpart);
                    /* ... or one named with no title of his own ("وزيرا
                     * الخارجية الروسي X والأمريكي Y"، "كيري"). */
                    other |= p->title < 0 && ((!strcmp(p->office, "head") && p->bodies[0]
                                               && strlen(p->bodies[0]) > 2)
                                              || !p->office[0]);
                    if (minister || other)
                        found = (int)q;
                }
            }
            /* A title whose country was only guessed: a holder of that
             * office of any country the story names (holder_of_kind). */
            if (found < 0 && mm->guessed_country && by_body)
                found = holder_of_kind(c, k, &found_body);
            if (found < 0)
                found = leader_named_before(c, k);
            /* A headline's title is the holder its story names ("بوريطة
             * يستقبل وكيل الأمين العام للأمم المتحدة ..." and "... وكيل
             * الأمين العام ...، السيد X" below), not the gazetteer's. */
            if (found < 0 && by_body && c->t->tok[mm->first].sentence == 0)
                found = same_office_named_after(c, k);
            if (found >= 0) {
                const lia_mention *p = &c->m->mentions.v[found];
                set_key(c, mm, p->key, p->name, p->latin, p->country);
                if (found_body && strcmp(found_body, mm->bodies[0]) != 0)
                    rebind_title_body(c, k, found_body);
            } else {
                /* Only an office one person holds at a time names him:
                 * an ambassador or an adviser is one of many. */
                int h = -1;
                for (int b = 0; b < 3 && mm->bodies[b] && h < 0; b++) {
                    /* Today's holder is not who held it "آنذاك". */
                    if (strcmp(mm->office, "member") == 0 || !mm->office[0] || mm->former)
                        break;
                    h = secretary_general_of(c, mm, mm->bodies[b]);
                    if (h < 0)
                        h = office_holder(c, mm->office, mm->bodies[b]);
                    /* "الرئيس الروسي": the head of a country is its head of
                     * state ("الوزير التونسي" is no president). */
                    if (h < 0 && !strcmp(mm->office, "head") && strlen(mm->bodies[b]) == 2
                        && mm->title >= 0 && !strcmp(c->r->titles.v[mm->title].id, "chief"))
                        h = office_holder(c, "head-of-state", mm->bodies[b]);
                }
                if (h >= 0) {
                    const lia_official *o = &c->r->officials.v[h];
                    set_key(c, mm, o->key, o->name, o->latin, o->country);
                }
            }
        }
        if (mm->type == LIA_T_EVENT && mm->event_ref) {
            size_t h = ref_head(c, mm);
            int referred = h != SIZE_MAX ? event_referred(c, h, last_event) : -1;
            if (referred < 0 && h != SIZE_MAX && meeting_just_told(c, h))
                continue;
            /* "ترأس X وفد بلاده إلى الدورة الأربعين ...، وألقى كلمة أمام
             * الاجتماع": the event its own sentence named comes before
             * one of an earlier sentence with the same head word. */
            if (referred >= 0 && referred != last_event && last_event >= 0
                && same_sentence(c, &c->m->mentions.v[last_event], mm)
                && !same_sentence(c, &c->m->mentions.v[referred], mm))
                referred = last_event;
            if (referred < 0)
                referred = last_event;
            if (referred >= 0) {
                const lia_mention *e = &c->m->mentions.v[referred];
                set_key(c, mm, e->key, e->name, e->latin, e->country);
            }
            continue;
        }
        size_t edition_head = mm->type == LIA_T_EVENT ? edition_of_head(c, mm) : SIZE_MAX;
        if (edition_head != SIZE_MAX) {
            int referred = event_referred(c, edition_head, last_event);
            if (referred >= 0) {
                const lia_mention *e = &c->m->mentions.v[referred];
                set_key(c, mm, e->key, e->name, e->latin, e->country);
                continue;
            }
        }
        if (mm->type == LIA_T_PERSON && mm->key[0])
            last_person = (int)k;
        if (mm->type == LIA_T_EVENT && mm->key[0] && !since_event(c, mm))
            last_event = (int)k;
    }
}

/* An edition's head without their or her pronoun: "اجتماعهم التاسع
 * والثلاثين" is "الاجتماع التاسع والثلاثين", "دورتها" is "الدورة" (ه
 * alone is left: it is also how ة folds). */
static void add_head_without_pronoun(strbuf *b, const char *head)
{
    size_t n = strlen(head);
    static const char *const pronouns[] = { "هما", "هم", "ها" };
    for (size_t p = 0; p < sizeof pronouns / sizeof *pronouns; p++) {
        size_t pl = strlen(pronouns[p]);
        if (n > pl + 4 && lia_ends_with(head, pronouns[p])) {
            n -= pl;
            break;
        }
    }
    if (n < strlen(head) && n >= 2 && !strncmp(head + n - 2, "ت", 2)) {   /* دورت+ها: the ة */
        sb_add(b, head, n - 2);
        sb_adds(b, "ه");
    } else {
        sb_add(b, head, n);
    }
}

/* Does an event's first word carry a pronoun ("اجتماعهم"، "دورتها")? */
static int head_has_pronoun(const rctx *c, const lia_mention *mm)
{
    strbuf b;
    sb_init(&b);
    const char *head = c->t->tok[mm->first].forms[0];
    add_head_without_pronoun(&b, head);
    int differs = strcmp(b.s ? b.s : "", head) != 0;
    sb_release(&b);
    return differs;
}

/* An event's edition: its head word and ordinal words ("الدورة الحادية
 * والأربعين", "الاجتماع ... الثاني عشر"), as normalized forms joined by
 * spaces; "" when the name holds no ordinal in its first words. */
static char *event_edition(const rctx *c, const lia_mention *mm)
{
    int ordinal = c->cls.ordinal;
    strbuf b;
    sb_init(&b);
    int found = 0;
    size_t upto = mm->first;
    for (size_t i = mm->first; i < mm->last && i < mm->first + 6; i++)
        if (ordinal >= 0 && lia_lex_at(c->m, i, ordinal)) {
            found = 1;
            upto = i + 1;
        }
    /* The head word and the ordinals only: "الاحتفالات الرسمية بالذكرى
     * المئوية الثانية" and "احتفالات المئوية الثانية" are one edition. */
    for (size_t i = mm->first; found && i < upto; i++) {
        const lia_token *tk = &c->t->tok[i];
        if (i > mm->first && !lia_lex_at(c->m, i, ordinal))
            continue;
        if (i == mm->first)
            add_head_without_pronoun(&b, tk->forms[0]);
        else
            sb_adds(&b, tk->forms[0]);    /* without the article */
        sb_adds(&b, " ");
    }
    char *out = xstrdup(b.s ? b.s : "");
    sb_release(&b);
    return out;
}

/* The number an edition's ordinal words spell ("دوره ثانيه والاربعين"
 * after its head word: 42; "حادي عشر": 11), or 0 when a word is no
 * ordinal of 1 to 99. */
static int edition_number(const char *edition)
{
    static const char *const units[] = { "اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع" };
    static const char *const tens[] = { "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين" };
    int n = 0, words = 0;
    const char *w = strchr(edition, ' ');       /* past the head word */
    while (w && *w) {
        while (*w == ' ')
            w++;
        size_t len = strcspn(w, " ");
        if (!len)
            break;
        char word[64];
        if (len >= sizeof word)
            return 0;
        memcpy(word, w, len);
        word[len] = 0;
        w += len;
        const char *v = word;
        if (!strncmp(v, "و", strlen("و")) && strlen(v) > strlen("و") + 4)
            v += strlen("و");
        if (!strncmp(v, "ال", strlen("ال")))
            v += strlen("ال");
        char stem[64];
        snprintf(stem, sizeof stem, "%s", v);
        size_t sl = strlen(stem);
        if (sl > strlen("ه") && !strcmp(stem + sl - strlen("ه"), "ه"))
            stem[sl - strlen("ه")] = 0;                 /* feminine: ثانيه */
        int value = 0;
        if (!strcmp(stem, "حادي") || !strcmp(stem, "اولي"))
            value = 1;
        for (int k = 0; k < 9 && !value; k++)
            if (!strcmp(stem, units[k]))
                value = k + 1;
        if (!value && (!strcmp(stem, "عاشر") || !strcmp(stem, "عشر")))
            value = 10;
        for (int k = 0; k < 8 && !value; k++)
            if (!strcmp(stem, tens[k]))
                value = 20 + 10 * k;
        if (!value)
            return 0;
        n += value;
        words++;
    }
    return words && n < 100 ? n : 0;
}

/* Every event mention keyed old_key (the naming and what took its key:
 * "هذه الدورة") becomes the event of mention to. */
static void rekey_event(rctx *c, const char *old_key, const lia_mention *to)
{
    char *old = xstrdup(old_key);
    for (size_t r = 0; r < c->m->mentions.n; r++) {
        lia_mention *o = &c->m->mentions.v[r];
        if (o->type == LIA_T_EVENT && !strcmp(o->key, old))
            set_key(c, o, to->key, to->name, to->latin, to->country);
    }
    free(old);
}

/* "الدورة الحادية والأربعين لمجلس وزراء الداخلية العرب" then "الدورة
 * الحادية والأربعين للمجلس": one document's event editions named twice
 * in different words are one event (the first naming's). */
static void merge_event_editions(rctx *c)
{
    size_t n = c->m->mentions.n;
    char **edition = xcalloc(n ? n : 1, sizeof *edition);
    for (size_t k = 0; k < n; k++) {
        lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_EVENT || !mm->key[0] || mm->event_ref)
            continue;
        edition[k] = event_edition(c, mm);
        if (!edition[k][0])
            continue;
        for (size_t q = 0; q < k; q++) {
            const lia_mention *first = &c->m->mentions.v[q];
            if (edition[q] && !strcmp(edition[q], edition[k]) && strcmp(first->key, mm->key) != 0) {
                /* "اجتماعهم التاسع والثلاثين" in a headline, then "الاجتماع
                 * التاسع والثلاثين لوزراء الداخلية": the body's naming
                 * says whose meeting it was. */
                if (head_has_pronoun(c, first) && !head_has_pronoun(c, mm))
                    rekey_event(c, first->key, mm);
                else
                    rekey_event(c, mm->key, first);
                break;
            }
        }
    }
    for (size_t k = 0; k < n; k++)
        free(edition[k]);
    free(edition);
}

/* Is key that of an event the gazetteer knows (a recurring one)? */
static int known_event_key(const rctx *c, const char *key)
{
    const lia_gaz_ref *g = lia_rules_lookup(c->r, key);
    return g && g->kind == LIA_G_EVENT;
}

/* "الدورة الثامنة والخمسين لمؤتمر ميونيخ للأمن": a document that names
 * one edition of a recurring event the gazetteer knows tells of that
 * edition, not of the series: the edition and every other naming of the
 * event in the document ("مؤتمر ميونيخ"، "المؤتمر") take a key of their
 * own, so that the editions other stories tell stay apart.  Not when the
 * document names two editions of it (which one the rest means is unsaid). */
static void key_known_event_editions(rctx *c)
{
    size_t n = c->m->mentions.n;
    for (size_t k = 0; k < n; k++) {
        lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_EVENT || mm->inner || mm->event_ref || !known_event_key(c, mm->key))
            continue;
        char *edition = event_edition(c, mm);
        int other = 0;
        for (size_t q = 0; edition[0] && q < n && !other; q++) {
            const lia_mention *o = &c->m->mentions.v[q];
            if (q != k && o->type == LIA_T_EVENT && !o->event_ref && !strcmp(o->key, mm->key)) {
                char *theirs = event_edition(c, o);
                other = theirs[0] && strcmp(theirs, edition) != 0;
                free(theirs);
            }
        }
        if (edition[0] && !other) {
            /* "munich-security-conference-58"; the words' letters when
             * they spell no number. */
            int number = edition_number(edition);
            char *series = xstrdup(mm->key), *slug = number ? xasprintf("%d", number) : lia_slug(edition);
            char *key = xasprintf("%s-%s", series, slug);
            set_key(c, mm, key, mm->name, mm->latin, mm->country);
            rekey_event(c, series, mm);
            free(series);
            free(slug);
            free(key);
        }
        free(edition);
    }
}

static void add_entities(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        lia_mention *mm = &c->m->mentions.v[k];
        if (!mm->key || !mm->key[0])
            continue;
        lia_entity *e = lia_facts_entity(c->f, mm->key, type_name(mm->type), mm->name, mm->latin,
                                         mm->country);
        e->mentions++;
        /* Names only: not a pronoun-like reference ("الوزير الضيف"،
         * "سموه") nor a title standing for its holder ("الوزير الأمريكي"),
         * which would tie different holders together elsewhere. */
        int title_only = mm->role[0] && !strcmp(mm->surface, mm->role);
        if (mm->surface[0] && !mm->anaphor && !mm->event_ref && !mm->guest && !mm->styled
            && !mm->both_sides && !mm->group && !title_only && !mm->titled_ref && !mm->host_ref)
            lia_facts_add_alias(e, mm->surface);
        /* The office goes in role, not among the names: a title names
         * whoever holds it, and a reader (or a matcher) taking it for a
         * name would tie different holders together. */
        if (mm->type == LIA_T_PERSON && mm->role[0])
            lia_facts_set_role(e, mm->role);
    }
}

/* The evidence: sentence s as written; a sentence longer than a paragraph
 * (text without punctuation) is cut to a window around the trigger. */
static void evidence_span(const rctx *c, size_t s, size_t *start_out, size_t *end_out)
{
    enum { MAX_EVIDENCE = 1200 };
    const lia_sentence *se = &c->t->sent[s];
    size_t start = se->start, end = se->end;
    if (end - start > MAX_EVIDENCE) {
        /* Around the trigger when it is in this sentence (c->anchor may be
         * left from another sentence's relation). */
        size_t mid = c->anchor >= se->first && c->anchor < se->last ? c->t->tok[c->anchor].start : start;
        start = mid > start + MAX_EVIDENCE / 2 ? mid - MAX_EVIDENCE / 2 : start;
        end = start + MAX_EVIDENCE < end ? start + MAX_EVIDENCE : end;
        while (start > se->start && ((unsigned char)c->doc->text[start] & 0xC0) == 0x80)
            start--;
        while (end < se->end && ((unsigned char)c->doc->text[end] & 0xC0) == 0x80)
            end++;
    }
    *start_out = start;
    *end_out = end;
}

/* The evidence of sentence s, copied into the facts' arena (up to a NUL,
 * as a C string of it would be). */
static char *evidence_copy(const rctx *c, size_t s)
{
    size_t start, end;
    evidence_span(c, s, &start, &end);
    const char *text = c->doc->text + start;
    return lia_arena_strndup(c->f->strings, text, strnlen(text, end - start));
}

/* Tokens between date d and token t. */
/* How far date d is from trigger t, in tokens; a clause opened by "قبل أن"
 * or "بعد أن" between them tells of another day ("استقبله بوتين في 14
 * تموز، قبل أن يجري الأخير محادثات ... في اليوم التالي"). */
static size_t date_distance(const rctx *c, const lia_date *d, size_t t)
{
    size_t lo = t < d->first ? t : d->last, hi = t < d->first ? d->first : t;
    size_t far = 0;
    for (size_t i = lo; i + 1 < hi; i++)
        if ((lia_token_matches(&c->t->tok[i], "قبل") || lia_token_matches(&c->t->tok[i], "بعد"))
            && strcmp(c->t->tok[i + 1].norm, "ان") == 0)
            far = 1000;
    /* "حل بالرباط الأربعاء 12 يناير، وأجرى في اليوم الموالي مباحثات": a
     * comma between sets a date apart from the trigger. */
    for (size_t i = lo; i < hi; i++)
        far += c->t->tok[i].kind == LIA_TOK_PUNCT && !strcmp(c->t->tok[i].norm, ",");
    return far + (t < d->first ? d->first - t : t >= d->last ? t - d->last + 1 : 0);
}

/* Is date (ISO, a range's first day first) after the paper's own day?
 * What a story dates so is a plan ("ويتوجه غدا الأربعاء إلى سانتياغو
 * للقاء الرئيس"), not a meeting or a visit that took place. */
static int planned_date(const rctx *c, const char *date)
{
    return date && c->doc->date && strlen(date) >= 10 && date[0] != '-' && strlen(c->doc->date) >= 10
           && strncmp(date, c->doc->date, 10) > 0;
}

/* Is date (ISO: a month or a year) wholly after the paper's day ("صيف
 * العام المقبل" in December 2023)? */
static int after_paper(const rctx *c, const char *date)
{
    size_t n = date ? strlen(date) : 0;
    return (n == 4 || n == 7) && date[0] != '-' && c->doc->date && strlen(c->doc->date) >= 10
           && strncmp(date, c->doc->date, n) > 0;
}

/* ... or a day after it: to come, so no day of what a sentence tells ("على
 * أمل إبرامها قبل نهاية 2024" in July 2023). */
static int date_to_come(const rctx *c, const char *date)
{
    return after_paper(c, date) || planned_date(c, date);
}

/* Is date d what something dates from ("منذ تسلمه منصبه في 29 كانون
 * الثاني")?  A starting point, not when a relation took place; but the
 * date of one told inside the منذ clause ("منذ القمة التي جمعت ترامب
 * وكيم في الثاني عشر من حزيران", c->anchor between). */
static int since_date(const rctx *c, const lia_date *d)
{
    /* منذ may open the date's own span ("منذ 2014"), or the event it
     * dates ("منذ سقوط الموصل في أيدي تنظيم «داعش» في العاشر من حزيران"):
     * quotes go on, a comma ends it. */
    for (size_t k = d->first + 1; k > 0 && k + 12 > d->first; k--) {
        const lia_token *tk = &c->t->tok[k - 1];
        if (tk->kind == LIA_TOK_PUNCT && (!strcmp(tk->norm, "«") || !strcmp(tk->norm, "»")
                                          || !strcmp(tk->norm, "\"")))
            continue;
        if (tk->kind != LIA_TOK_WORD)
            return 0;
        if (lia_token_matches(tk, "منذ"))
            return !(c->anchor >= k - 1 && c->anchor < d->first);
    }
    return 0;
}

/* Is date d part of a name of something past ("حرب أكتوبر 1973"، "ثورة
 * أول نوفمبر 1954"), or told in a relative clause of such a thing ("في
 * خضم الحرب التي اندلعت مع حماس في السابع من أكتوبر")?  It dates that,
 * not when a relation took place. */
static int named_by_date(const rctx *c, const lia_date *d)
{
    if (d->first == 0)
        return 0;
    if (lia_lex_at(c->m, d->first - 1, c->cls.dated_name))
        return 1;
    int sent = c->t->tok[d->first].sentence;
    for (size_t k = d->first - 1; k > 0 && k + 8 > d->first && c->t->tok[k - 1].sentence == sent; k--)
        if (lia_lex_at(c->m, k, c->cls.relative) && lia_lex_at(c->m, k - 1, c->cls.dated_name))
            return 1;
    return 0;
}

/* Does token i open a clause: a contrast word ("في حين"، "فيما"،
 * "بينما"), "ثم" after a comma (what came next), or a clause of what came
 * before or is to come ("على أن"، "قبل أن")? */
static int clause_break(const rctx *c, size_t i, unsigned long then_hash)
{
    return (c->cls.contrast_clause >= 0 && lia_lex_has(c->m, i, c->cls.contrast_clause))
           || (c->cls.subordinate_clause >= 0 && lia_lex_has(c->m, i, c->cls.subordinate_clause))
           || (i > 0 && c->t->tok[i - 1].kind == LIA_TOK_PUNCT && !strcmp(c->t->tok[i - 1].norm, ",")
               && lia_token_matches_hashed(&c->t->tok[i], "ثم", then_hash));
}

/* Fills c->breaks_before; none when the rules have no contrast class. */
static void count_clause_breaks(rctx *c)
{
    size_t n = c->t->n;
    unsigned long then_hash = lia_hash("ثم");
    int any = c->cls.contrast_clause >= 0 || c->cls.subordinate_clause >= 0;
    c->breaks_before = xmalloc((n + 1) * sizeof *c->breaks_before);
    c->breaks_before[0] = 0;
    for (size_t i = 0; i < n; i++)
        c->breaks_before[i + 1] = c->breaks_before[i] + (size_t)(any && clause_break(c, i, then_hash));
}

/* Which clause of sentence s token t is in: how many clause breaks come
 * before it in the sentence. */
static int clause_of(const rctx *c, size_t s, size_t t)
{
    size_t first = c->t->sent[s].first;
    if (t <= first)
        return 0;
    if (t > c->t->n)
        t = c->t->n;
    return (int)(c->breaks_before[t] - c->breaks_before[first]);
}

/* Is token k a semicolon? */
static int semicolon_at(const rctx *c, size_t k)
{
    return c->t->tok[k].kind == LIA_TOK_PUNCT && !strcmp(c->t->tok[k].norm, ";");
}

/* Is there a semicolon between tokens a and b (either order)? */
static int semicolon_between(const rctx *c, size_t a, size_t b)
{
    for (size_t k = a < b ? a : b, e = a < b ? b : a; k < e && k < c->t->n; k++)
        if (semicolon_at(c, k))
            return 1;
    return 0;
}

/* Does a semicolon between tokens a < b open a clause of its own ("وتعود
 * الصلة بين X والحلف إلى ...؛ ففي 2018 حل Y ...، واستقبله Z": X acts no
 * further)?  Not one that explains the clause before with its subject
 * ("؛ إذ كان قد أجرى محادثات"). */
static int new_clause_between(const rctx *c, size_t a, size_t b)
{
    for (size_t k = a; k < b && k + 1 < c->t->n; k++)
        if (semicolon_at(c, k) && !lia_token_matches(&c->t->tok[k + 1], "اذ"))
            return 1;
    return 0;
}

/* Is token t a word joined by و right after a comma ("، واجتمع")?  Not
 * a verb whose own first letter is و ("، وقّع"، "، وصل"): the word after
 * the و has three letters at least. */
static int opens_clause_after_comma(const rctx *c, size_t t)
{
    const lia_token *tk = &c->t->tok[t];
    return t > 0 && tk->has_conj && !strncmp(tk->norm, "و", 2) && strlen(tk->norm) >= 8
           && c->t->tok[t - 1].kind == LIA_TOK_PUNCT && !strcmp(c->t->tok[t - 1].norm, ",");
}

static int came_from(const rctx *c, const lia_mention *mm);
static int source_place(const rctx *c, const lia_mention *mm);

/* "ووصل X إلى عشق آباد قادما من دوشنبه، حيث أجرى الثلاثاء محادثات": is
 * there, in tokens (from, to), a clause link or a relative pronoun ("،
 * التي زارها يومي 9 و10") right after a place one came from?  What that
 * clause tells happened there, on its own day. */
static int origin_clause_between(const rctx *c, size_t from, size_t to)
{
    for (size_t k = from + 1; k < to; k++) {
        if (!lia_lex_at(c->m, k, c->cls.clause_link) && !lia_lex_at(c->m, k, c->cls.relative))
            continue;
        size_t end = k > 0 && c->t->tok[k - 1].kind == LIA_TOK_PUNCT ? k - 1 : k;
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *mm = &c->m->mentions.v[q];
            if (mm->last == end && (mm->type & LIA_T_PLACE) && came_from(c, mm))
                return 1;
        }
    }
    return 0;
}

/* Does a word of beginning (a tour: "بدأها") stand right before token
 * last, after first, with at most "في" or "منذ" between? */
static int tour_began_before(const rctx *c, size_t first, size_t last)
{
    size_t k = last;
    if (k > first && (lia_token_matches(&c->t->tok[k - 1], "في") || lia_token_matches(&c->t->tok[k - 1], "منذ")))
        k--;
    return k > first && lia_lex_at(c->m, k - 1, c->cls.tour_begin);
}

/* Is there a pluperfect ("كان ... قد", "كانت قد") in tokens [first, last)? */
static int pluperfect_between(const rctx *c, size_t first, size_t last)
{
    for (size_t k = first; k < last; k++)
        if (lia_lex_at(c->m, k, c->cls.was))
            for (size_t j = k + 1; j < last && j <= k + 3; j++)
                if (lia_lex_at(c->m, j, c->cls.already))
                    return 1;
    return 0;
}

/* Does the date at token first end a span: after "حتى" or "(إلى) غاية"
 * (Maghreb usage), an ordinal day word ("ثاني") or "يوم" between ("الذي
 * يستمر حتى يوم غد الأحد")? */
static int ends_span(const rctx *c, size_t first)
{
    size_t k = first;
    if (k > 0 && lia_lex_at(c->m, k - 1, c->cls.ordinal))
        k--;
    else if (k > 0 && !strcmp(c->t->tok[k - 1].norm, "يوم"))
        k--;
    if (k == 0)
        return 0;
    const char *before = c->t->tok[k - 1].norm;
    return !strcmp(before, "حتي") || !strcmp(before, "غايه") || !strcmp(before, "لغايه");
}

/* "وكانت زيارة يونيو الماضي قد شكلت ...": a month right after a visit
 * word is the month of a visit told before with its days ("يومي 13 و14
 * يونيو"): the last such days before token limit, else the month's own
 * date. */
static const char *visit_of_month_told_before(const rctx *c, const lia_date *month, size_t limit)
{
    if (strlen(month->iso) != 7 || month->first == 0 || !lia_lex_at(c->m, month->first - 1, c->cls.visit_noun))
        return month->iso;
    const char *days = month->iso;
    for (size_t i = 0; i < c->m->n_dates; i++) {
        const lia_date *d = &c->m->dates[i];
        if (d->first < limit && d->has_day && !d->dateline && !strncmp(d->iso, month->iso, 7) && d->iso[7] == '-')
            days = d->iso;
    }
    return days;
}

/* "وتأتي زيارة X بعد نحو شهر من محادثات أجراها يوم 19 يوليو": does
 * "بعد" and, within four words, "من" (after a while since) stand in
 * tokens [from, to)?  A date after them is the earlier occasion's. */
static int interval_since_between(const rctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        /* (Not when the relation's own parties come after it: "بعد أسبوع
         * من وصول X إلى الرياض في العشرين".) */
        if (!lia_token_matches(&c->t->tok[k], "بعد") || (c->args_anchor == c->anchor && c->args_end > k))
            continue;
        for (size_t j = k + 2; j < to && j <= k + 4; j++)
            if (lia_token_matches(&c->t->tok[j], "من"))
                return 1;
    }
    return 0;
}

/* The end of rm's last argument mention (0 when it has none). */
static size_t args_end_of(const rctx *c, const lia_rel_match *rm)
{
    size_t end = rm->a >= 0 ? c->m->mentions.v[rm->a].last : 0;
    for (int b = 0; b < rm->n_b; b++)
        if (c->m->mentions.v[rm->b[b]].last > end)
            end = c->m->mentions.v[rm->b[b]].last;
    return end;
}

/* The date of sentence s, or NULL: the longest day-precise expression
 * ("الاثنين 24 نوفمبر 2025" over a bare "اليوم"), the first of equals; one
 * not phrased as the past wins over one that is ("منذ ... السابع من أكتوبر
 * الماضي" is background to "اليوم الأربعاء 20 ديسمبر"). */
static const char *sentence_date(const rctx *c, size_t s)
{
    const lia_sentence *se = &c->t->sent[s];
    const lia_date *best = NULL;
    int best_rank = 0;
    /* Between two dates of a sentence, the one nearer the trigger: "أجرى
     * X، يوم أمس الأربعاء، مباحثات مع Y، الذي وصل ... الثلاثاء". */
    int anchored = c->anchor >= se->first && c->anchor < se->last;
    /* ... and one of the trigger's own clause when there is one: "زار X
     * أبوجا في مايو الماضي، في حين أطلق Y ... في الخامس والعشرين منه". */
    int own_clause = anchored ? clause_of(c, s, c->anchor) : -1, in_clause = 0;
    /* ... the clause a trigger opens after "، و" too: "عباس، الذي وصل
     * يوم الأحد، واجتمع به قابوس مساء الاثنين". */
    size_t clause_first = anchored && opens_clause_after_comma(c, c->anchor) ? c->anchor : se->first;
    for (size_t i = 0; own_clause >= 0 && i < c->m->n_dates; i++) {
        const lia_date *d = &c->m->dates[i];
        in_clause |= d->first >= clause_first && d->first < se->last && !d->dateline && !since_date(c, d)
                     && clause_of(c, s, d->first) == own_clause;
    }
    for (size_t i = 0; i < c->m->n_dates; i++) {
        const lia_date *d = &c->m->dates[i];
        if (d->first < se->first || d->first >= se->last)
            continue;           /* another sentence's: the checks below cost */
        if (in_clause && (clause_of(c, s, d->first) != own_clause || d->first < clause_first))
            continue;
        /* A semicolon parts a sentence in two as a full stop would. */
        if (anchored && semicolon_between(c, d->first, c->anchor))
            continue;
        /* "حتى الخميس"، "إلى غاية ثاني نونبر" end a span: no day something
         * happened on. */
        if (ends_span(c, d->first))
            continue;
        /* A clause after the trigger's told in the pluperfect is of an
         * earlier occasion: "عقد X لقاء مع Y بعد المراسم، بينما كان Z قد
         * وصل ليل الأربعاء". */
        if (anchored && d->first > c->anchor && d->first < se->last && clause_of(c, s, d->first) > own_clause
            && span_has_word(c, c->anchor + 1, d->first, "قد"))
            continue;
        if (anchored && d->first > c->anchor && d->first < se->last && origin_clause_between(c, c->anchor, d->first))
            continue;
        /* "... الألعاب الأولمبية التي تحتضنها العاصمة الفرنسية صيف العام
         * المقبل": a month or year to come in a relative clause after the
         * trigger is another thing's (a day to come is a plan: below). */
        if (anchored && d->first > c->anchor && d->first < se->last
            && after_paper(c, d->iso) && class_between(c, c->anchor + 1, d->first, c->cls.relative))
            continue;
        if (anchored && d->first > c->anchor + 1 && d->first < se->last
            && interval_since_between(c, c->anchor + 1, d->first))
            continue;
        /* "وترأس X وفد بلاده، بعدما وصل مساء أمس": the clause after
         * "بعدما" tells an earlier step, the arrival, not the relation. */
        if (anchored && d->first > c->anchor + 1 && d->first < se->last
            && span_has_word(c, c->anchor + 1, d->first, "بعدما"))
            continue;
        if (anchored && d->first > c->anchor + 1 && d->first < se->last
            && reported_speech_between(c, c->anchor + 1, d->first))
            continue;
        /* "يختتم X في الأردن جولة بدأها في التاسع": the day a tour began,
         * told after the trigger, is not the day of what it tells. */
        if (anchored && d->first > c->anchor + 1 && d->first < se->last
            && tour_began_before(c, c->anchor + 1, d->first))
            continue;
        /* "والتقى X، تلبية لدعوة كان قد وجهها إليه الأسبوع الماضي": a
         * date after a pluperfect told after the trigger is of that
         * earlier deed. */
        if (anchored && d->first > c->anchor + 1 && d->first < se->last
            && pluperfect_between(c, c->anchor + 1, d->first))
            continue;
        /* A day or a range; else a month of a known year ("في نيسان
         * الماضي") or a year ("عام 2011"), which beat the story's date for
         * a past event. */
        int rank = d->has_day || strchr(d->iso, '/') ? 2
                   : (strlen(d->iso) == 7 || strlen(d->iso) == 4) && d->iso[0] != '-';
        if (d->first < se->first || d->first >= se->last || !rank || d->dateline || since_date(c, d)
            || named_by_date(c, d))
            continue;
        /* A day to come in another clause than the trigger's is of what
         * was agreed, not of the talks: "اتفاق ... يسري اعتبارا من ليل
         * السبت المقبل، وذلك بعد مفاوضات ... بين X وY". */
        if (anchored && clause_of(c, s, d->first) != own_clause && date_to_come(c, d->iso))
            continue;
        /* A day after the paper's is told as what is to come ("يوم الاثنين
         * المقبل"): any other day of the sentence is the relation's. */
        int later = planned_date(c, d->iso), best_later = best && planned_date(c, best->iso);
        if (!best || rank > best_rank
            || (rank == best_rank
                && ((best_later && !later)
                    || (best_later == later
                        && (anchored ? date_distance(c, d, c->anchor) < date_distance(c, best, c->anchor)
                            : ((best->relative_past && !d->relative_past)
                               || (best->relative_past == d->relative_past
                                   && d->last - d->first > best->last - best->first))))))) {
            best = d;
            best_rank = rank;
        }
    }
    if (best && !best->has_day)
        return visit_of_month_told_before(c, best, se->first);
    return best ? best->iso : NULL;
}

/* The token after a clause link ("حيث"، "حين") that is the trigger of rm
 * or stands just before it, as index + 1; or 0. */
static size_t clause_link_at(const rctx *c, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    int link = c->cls.clause_link;
    for (size_t k = rm->anchor + 1; k > se->first && k + 3 > rm->anchor; k--)
        if (lia_lex_at(c->m, k - 1, link))
            return k;
    return 0;
}


/* Is place mention mm named after إلى ("إلى رام الله"، "إلى مدينة حلب")?
 * city_word and to are those lexicon classes. */
/* "لدى وصوله (أمس) إلى كينيا": is place mention mm where someone
 * arrived, the place of what the sentence tells? */
static int arrived_at(const rctx *c, const lia_mention *mm, int city_word, int to)
{
    size_t pi = mm->first;
    if (pi < 2)
        return 0;
    pi--;
    if (pi > 0 && lia_lex_at(c->m, pi, city_word))
        pi--;
    if (!lia_lex_at(c->m, pi, to))
        return 0;
    int arrival = c->cls.arrival;
    for (size_t k = pi > 2 ? pi - 2 : 0; k < pi && arrival >= 0; k++)
        if (lia_lex_at(c->m, k, arrival))
            return 1;
    return 0;
}

static int to_place(const rctx *c, const lia_mention *mm, int city_word, int to)
{
    size_t pi = mm->first;
    if (pi == 0)
        return 0;
    pi--;
    if (pi > 0 && lia_lex_at(c->m, pi, city_word))
        pi--;
    return lia_lex_at(c->m, pi, to) && !arrived_at(c, mm, city_word, to);
}

/* Is mention k what a visit told in sentence s went to? */
static int visited_in_sentence(const rctx *c, size_t s, int k)
{
    for (size_t r = 0; r < c->m->rels.n; r++) {
        const lia_rel_match *vm = &c->m->rels.v[r];
        const lia_pattern *p = &c->r->patterns.v[vm->pattern];
        /* Not a place of his own country one left ("غادر برلين أمس،
         * واستهل جولته بالمغرب، حيث أجرى ... محادثات"): what follows
         * happened abroad.  (A visitor leaving his host's city, "غادر
         * بيروت إثر محادثات مع بري", had been there.) */
        int left_home = pattern_has_class(p, c->cls.depart_verb) && vm->a >= 0
                        && !strcmp(c->m->mentions.v[vm->a].country, c->m->mentions.v[k].country);
        if (vm->sentence == s && is_relation(p, "visited") && has_object(vm, k) && !left_home)
            return 1;
    }
    return 0;
}

/* A place named in sentence s with في or ب that is not one of the
 * relation's arguments; cities win over countries. */
/* Is place mention pm part of a person's title ("ولي العهد رئيس مجلس
 * الوزراء في مملكة البحرين")?  Then it says whose office, not where. */
static int inside_person(const rctx *c, const lia_mention *pm)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_PERSON && mm->first <= pm->first && mm->last >= pm->last && mm != pm)
            return 1;
        if (mm->first > pm->first)
            break;
    }
    return 0;
}

/* Does sentence s go on with the one before: opened by كما, ثم or كذلك,
 * in the same paragraph? */
static int goes_on_sentence(const rctx *c, size_t s)
{
    if (s == 0)
        return 0;
    const lia_token *first = &c->t->tok[c->t->sent[s].first];
    return lia_lex_at(c->m, c->t->sent[s].first, c->cls.clause_join)
           && first->paragraph == c->t->tok[c->t->sent[s - 1].first].paragraph;
}

/* The token before the words of a spot inside a city that end at pi
 * ("في أحد فنادق وسط العاصمة"), at most three of them; pi when none. */
static size_t before_venue_spot(const rctx *c, size_t pi, size_t first)
{
    size_t j = pi;
    while (j > first && pi - j < 3 && lia_lex_at(c->m, j, c->cls.venue_spot))
        j--;
    return j;
}

static int place_led_by_preposition(const rctx *c, const lia_mention *mm);

/* "ثم التقى ... رئيس الوزراء X في مكتبه بإسلام أباد": the city of the
 * office (or palace, or seat) the met person received him in, after the
 * trigger in sentence s; its key, or NULL. */
static const char *city_of_own_office(const rctx *c, size_t s, const lia_rel_match *rm)
{
    static const char *const seats[] = { "مكتبه", "مكتبها", "مقره", "مقرها", "قصره", "قصرها" };
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_CITY || mm->inner || !mm->key[0] || mm->first < rm->anchor + 3
            || (size_t)c->t->tok[mm->first].sentence != s || !place_led_by_preposition(c, mm)
            || strncmp(c->t->tok[mm->first].norm, "ب", 2) != 0
            || !lia_token_matches(&c->t->tok[mm->first - 2], "في"))
            continue;
        for (size_t w = 0; w < sizeof seats / sizeof *seats; w++)
            if (strcmp(c->t->tok[mm->first - 1].norm, seats[w]) == 0)
                return mm->key;
    }
    return NULL;
}

/* "حيث استقبله العاهل الأردني X في عمّان": a city named with في right
 * after the trigger's last object is where it happened, whatever city
 * the clause before "حيث" named.  Its key, or NULL. */
static const char *city_after_object(const rctx *c, size_t s, const lia_rel_match *rm)
{
    if (rm->n_b == 0)
        return NULL;
    size_t end = c->m->mentions.v[rm->b[rm->n_b - 1]].last;
    if (end <= rm->anchor || end + 1 >= c->t->n || !lia_token_matches(&c->t->tok[end], "في"))
        return NULL;
    int m = c->m->mention_at[end + 1];
    const lia_mention *mm = m ? &c->m->mentions.v[m - 1] : NULL;
    return mm && mm->type == LIA_T_CITY && mm->key[0] && (size_t)c->t->tok[mm->first].sentence == s
           ? mm->key : NULL;
}

/* Is the trigger of rm (in sentence s) told at a place (into *place)?  In
 * order of trust: the place of an event it is in, a place that hosted
 * it, a city (else a country) in في right after it, a city in في after
 * its last object, the city of the met one's own office.  One pass over
 * the mentions keeps the first of each of the first kinds. */
static int place_at_trigger(const rctx *c, size_t s, const lia_rel_match *rm, const char **place)
{
    const char *hosted = NULL, *city_after = NULL, *country_after = NULL;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        /* "قمة هلسنكي التي جمعت الرئيسين": a trigger in an event with a
         * place, or right after it (past a relative pronoun), happened
         * there. */
        if (mm->type == LIA_T_EVENT && mm->place_mention && mm->first <= rm->anchor
            && mm->last + 1 >= rm->anchor && (size_t)c->t->tok[mm->first].sentence == s) {
            *place = c->m->mentions.v[mm->place_mention - 1].key;
            return 1;
        }
        /* "محادثات رفيعة المستوى احتضنتها الدوحة ... بين X وY": the place
         * that hosted the trigger's meeting, right after it. */
        if (!hosted && (mm->type & LIA_T_PLACE) && !mm->inner && mm->key[0] && mm->first > rm->anchor + 1
            && mm->first <= rm->anchor + 4 && lia_lex_at(c->m, mm->first - 1, c->cls.host_verb))
            hosted = mm->key;
        /* "ثم يتوجه إلى بغداد للقاء X": a trigger that is the way to a
         * place ("إلى") happened there. */
        if ((mm->type & LIA_T_PLACE) && !mm->inner && mm->key[0] && mm->first == rm->anchor + 1
            && lia_lex_at(c->m, rm->anchor, c->cls.to)) {
            *place = mm->key;
            return 1;
        }
        /* "حيث التقى في العاصمة جيبوتي X": a city in في right after the
         * trigger is where it happened. */
        if (!city_after && mm->type == LIA_T_CITY && !mm->inner && mm->key[0] && mm->first > rm->anchor + 1
            && mm->first <= rm->anchor + 3 && (size_t)c->t->tok[mm->first].sentence == s
            && lia_token_matches(&c->t->tok[mm->first - 1], "في"))
            city_after = mm->key;
        /* "قد التقى في سنغافورة ... نظيره": a country in في right after
         * the trigger is where it happened, as a city is. */
        if (!country_after && mm->type == LIA_T_COUNTRY && !mm->inner && mm->key[0] && !mm->delegation
            && mm->first == rm->anchor + 2 && (size_t)c->t->tok[mm->first].sentence == s
            && lia_token_matches(&c->t->tok[mm->first - 1], "في"))
            country_after = mm->key;
    }
    if (!city_after)
        city_after = country_after;
    if (!city_after)
        city_after = city_after_object(c, s, rm);
    if (!city_after)
        city_after = city_of_own_office(c, s, rm);
    *place = hosted ? hosted : city_after;
    return *place != NULL;
}

/* "عاد X إلى نواكشوط قادما من لومي، ... بعد مشاركته في القمة": what he
 * did before coming back happened where he came from; that city, or NULL. */
static const char *origin_of_trigger(const rctx *c, size_t s, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[s];
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_CITY && !mm->inner && mm->key[0] && mm->first >= se->first
            && mm->last <= rm->anchor && came_from(c, mm) && span_has_word(c, mm->last, rm->anchor, "بعد"))
            return mm->key;
    }
    return NULL;
}

/* "وكان X قد اجتمع هناك أيضا بـ Y": "there", right after a meeting
 * verb, is the place the sentence before told (not "there is": "أن
 * هناك تنسيقا"). */
static int there_after_trigger(const rctx *c, size_t s, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[s];
    return rm->anchor + 1 < se->last && lia_lex_at(c->m, rm->anchor, c->cls.met_verb)
           && lia_token_matches(&c->t->tok[rm->anchor + 1], "هناك");
}

/* Does token tk open with a ب proclitic (it has a form without it:
 * "بمدريد"، "وبالرباط"), not a name that starts with ب ("بيروت")? */
static int bi_proclitic(const rctx *c, const lia_token *tk)
{
    /* (The word without its و is the one to test: "وبكين" is Beijing.) */
    int bare = strncmp(tk->norm, "وب", 4) == 0 && tk->n_forms > 2 ? 1 : 0;
    return tk->n_forms > 1 && (strncmp(tk->norm, "ب", 2) == 0 || strncmp(tk->norm, "وب", 4) == 0)
           && !lia_trie_step_hashed(&c->r->names, tk->forms[0], tk->form_hash[0])
           && !lia_trie_step_hashed(&c->r->names, tk->forms[bare], tk->form_hash[bare]);
}

/* "محطة سابقة في المملكة المغربية، حيث استقبله X بمكتبه في الرباط": a
 * city of the country where حيث points, named after في in the clause
 * from token link on, is where the clause happens.  Its key, else the
 * country's (place's) own. */
static const char *city_in_clause(const rctx *c, const lia_sentence *se, size_t link, const lia_mention *place)
{
    if (place->type != LIA_T_COUNTRY)
        return place->key;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        /* ... or with ب: "استهل جولته بالمغرب، حيث أجرى صباح اليوم
         * بالرباط محادثات". */
        if (!mm->inner && mm->type == LIA_T_CITY && mm->first > link && mm->first < se->last
            && !strcmp(mm->country, place->key)
            && (lia_token_matches(&c->t->tok[mm->first - 1], "في") || bi_proclitic(c, &c->t->tok[mm->first])))
            return mm->key;
    }
    return place->key;
}

/* The place a visit told in sentence s before token before went to: its
 * city when it names one, else its country; NULL when none. */
static const char *place_visited_before(const rctx *c, size_t s, size_t before)
{
    const lia_mention *best = NULL;
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *om = &c->m->rels.v[q];
        if (om->sentence != s || om->anchor >= before || !is_relation(&c->r->patterns.v[om->pattern], "visited"))
            continue;
        for (int k = 0; k < om->n_b; k++) {
            const lia_mention *pm = &c->m->mentions.v[om->b[k]];
            if ((pm->type & LIA_T_PLACE) && pm->key[0] && !came_from(c, pm)
                && (!best || (best->type != LIA_T_CITY && pm->type == LIA_T_CITY)))
                best = pm;
        }
    }
    return best ? best->key : NULL;
}

/* Is token i "فيها" or "فيه" (there, in it)? */
static int there_pronoun_at(const rctx *c, size_t i)
{
    return lia_token_matches(&c->t->tok[i], "فيها") || lia_token_matches(&c->t->tok[i], "فيه");
}

/* "قادما من أبوظبي، التي زارها يومي 9 و10، وأجرى فيها محادثات": "فيها"
 * next to the trigger is the place a relative clause of sentence s said
 * was visited; or the place whose relative clause the trigger opens
 * ("قادما من تونس، التي التقى فيها الرئيس X", a rule anchored on the
 * relative pronoun).  Its key, or NULL. */
static const char *place_there_visited(const rctx *c, size_t s, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[s];
    int there = 0;
    for (size_t k = rm->anchor > se->first ? rm->anchor - 1 : rm->anchor; k <= rm->anchor + 1 && k < se->last; k++)
        there |= k != rm->anchor && there_pronoun_at(c, k);
    int opens_relative = lia_lex_at(c->m, rm->anchor, c->cls.relative) && rm->anchor + 2 < se->last
                         && there_pronoun_at(c, rm->anchor + 2);
    if (!there && !opens_relative)
        return NULL;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        size_t j = mm->last;
        if (!(mm->type & LIA_T_PLACE) || mm->inner || !mm->key[0] || mm->first < se->first || j > rm->anchor)
            continue;
        if (j < se->last && c->t->tok[j].kind == LIA_TOK_PUNCT)
            j++;
        if (opens_relative && j == rm->anchor)
            return mm->key;
        if (there && j + 1 < se->last && lia_lex_at(c->m, j, c->cls.relative)
            && (lia_lex_at(c->m, j + 1, c->cls.visited_it) || j + 1 == rm->anchor))
            return mm->key;
    }
    return NULL;
}

/* "وكان X قد حل بموسكو يوم الاثنين 31 يوليو. وحظي الضيف بمراسم استقبال
 * رسمية بالمطار، حيث كان في استقباله Y": does sentence s tell of a
 * reception at the airport right after a sentence that told an arrival,
 * whose day it then is? */
static int airport_reception_after_arrival(const rctx *c, size_t s)
{
    if (s == 0 || c->cls.arrived < 0)
        return 0;
    int reception = 0, airport = 0, arrived = 0;
    for (size_t i = c->t->sent[s].first; i < c->t->sent[s].last; i++) {
        reception |= lia_lex_at(c->m, i, c->cls.receive_noun) || lia_lex_at(c->m, i, c->cls.receive_pron);
        airport |= lia_token_matches(&c->t->tok[i], "مطار");
    }
    for (size_t i = c->t->sent[s - 1].first; i < c->t->sent[s - 1].last && reception && airport; i++)
        arrived |= lia_lex_at(c->m, i, c->cls.arrived) || lia_lex_at(c->m, i, c->cls.arrival);
    return reception && airport && arrived;
}

/* Does sentence s tell its day by the occasion of the sentence before
 * ("وفي اليوم التالي التقى X"، "واستقبله X في اليوم نفسه")? */
static int day_of_sentence_before(const rctx *c, size_t s)
{
    const lia_sentence *se = &c->t->sent[s];
    for (size_t i = se->first; s > 0 && i < se->last; i++)
        if (lia_lex_at(c->m, i, c->cls.day_of_sentence_before))
            return 1;
    return 0;
}

static const char *place_of_sentence_before(const rctx *c, size_t s);

/* Does a place joined by و start at token i ("إلى الجزائر والمغرب": a
 * tour of several stops, "during it" names none of them)? */
static int place_listed_at(const rctx *c, size_t i)
{
    if (i >= c->t->n || !c->t->tok[i].has_conj)
        return 0;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->first == i && !mm->inner && (mm->type & LIA_T_PLACE))
            return 1;
    }
    return 0;
}

/* "بعد محطة يوم الجمعة في تل أبيب التقى خلالها X": a trigger with
 * "during it" right after it happened in the stop or visit just told, at
 * the place named after "في" in the few words before the trigger; or
 * after إلى, a little further ("جولة قادته إلى إسرائيل والضفة الغربية،
 * التقى خلالها X"); or NULL. */
static const char *place_of_stop_during(const rctx *c, size_t s, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[s];
    if (rm->anchor + 1 >= se->last || !lia_lex_at(c->m, rm->anchor + 1, c->cls.during))
        return NULL;
    const char *place = NULL;
    /* (A place told after the trigger is the meeting's own: "زيارة إلى
     * باكستان التقى خلالها X في إسلام آباد".) */
    int placed_after = 0;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        placed_after |= !mm->inner && (mm->type & LIA_T_PLACE) && mm->first > rm->anchor && mm->last <= se->last;
    }
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->inner || !mm->key[0] || !(mm->type & LIA_T_PLACE) || mm->first <= se->first || mm->last > rm->anchor)
            continue;
        const lia_token *before = &c->t->tok[mm->first - 1];
        if ((mm->last + 3 > rm->anchor && lia_token_matches(before, "في"))
            || (mm->last + 5 > rm->anchor && lia_lex_at(c->m, mm->first - 1, c->cls.to)
                && !place_listed_at(c, mm->last) && !placed_after))
            place = mm->key;
    }
    return place;
}

/* "قادما من طهران، التي أجرى فيها محادثات مع X": a trigger next to "فيها"
 * in a relative clause that follows a place and a comma happened in that
 * place; its key, or NULL. */
static const char *place_of_relative_there(const rctx *c, size_t s, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[s];
    size_t from = rm->anchor > se->first + 3 ? rm->anchor - 3 : se->first;
    for (size_t k = from; k <= rm->anchor + 1 && k < se->last; k++) {
        if (!lia_token_matches(&c->t->tok[k], "فيها") && !lia_token_matches(&c->t->tok[k], "فيه"))
            continue;
        for (size_t r = k; r-- > se->first + 1 && r + 4 > k;) {
            if (!lia_lex_at(c->m, r, c->cls.relative) || c->t->tok[r - 1].kind != LIA_TOK_PUNCT)
                continue;
            for (size_t q = 0; q < c->m->mentions.n; q++) {
                const lia_mention *mm = &c->m->mentions.v[q];
                if (!mm->inner && mm->key[0] && (mm->type & LIA_T_PLACE) && !mm->delegation && mm->last == r - 1)
                    return mm->key;
            }
            return NULL;
        }
    }
    return NULL;
}

/* Is place mention mm the place a topic is about, not where the sentence
 * happens: right after the topic ("احتواء التوتر في طرابلس"، "الأوضاع في
 * السودان"), or named past what rm's meeting discussed (a topic word after
 * the last party named after the trigger: "بحث X مع Y سبل تطوير الدوريات
 * ... في سبتة ومليلية")? */
static int topic_place(const rctx *c, const lia_rel_match *rm, const lia_mention *mm)
{
    if (mm->first >= 2 && lia_token_matches(&c->t->tok[mm->first - 1], "في")
        && lia_lex_at(c->m, mm->first - 2, c->cls.place_topic) == 1)
        return 1;
    if (!rm || c->cls.topic_noun < 0 || mm->first <= rm->anchor)
        return 0;
    /* (After the last party named before it: "بحث الملفات ذاتها في الرباط
     * مع X" met X in Rabat.) */
    /* (Its objects; a rule with none reads its parties as subjects.) */
    const int *party = rm->n_b ? rm->b : rm->as;
    int n = rm->n_b ? rm->n_b : rm->n_a;
    size_t from = 0;
    for (int k = 0; k < n; k++) {
        const lia_mention *pm = &c->m->mentions.v[party[k]];
        if (pm->first > rm->anchor && pm->last > from && pm->last <= mm->first)
            from = pm->last;
    }
    /* ... unless the meeting is told again after the topic: "ناقش X مع Y
     * مستجدات ملف الهجرة، خلال اجتماع عقد ... في العاصمة روما". */
    int topic = 0;
    for (size_t i = from ? from : mm->first; i < mm->first; i++) {
        if (lia_lex_has(c->m, i, c->cls.topic_noun))
            topic = 1;
        else if (lia_lex_at(c->m, i, c->cls.met_noun))
            topic = 0;
    }
    return topic;
}

static int countries_officials(const rctx *c, int mi);

/* "برفقة ... وقادة بلجيكا والنمسا وقبرص": is country mention k in a list
 * of countries whose leaders or ministers a plural title names (whose
 * officials, no place)? */
static int country_of_officials_list(const rctx *c, int k)
{
    int first = k;
    while (first > 0) {
        const lia_mention *prev = &c->m->mentions.v[first - 1], *cur = &c->m->mentions.v[first];
        if (prev->type != LIA_T_COUNTRY || prev->last != cur->first || !c->t->tok[cur->first].has_conj)
            break;
        first--;
    }
    return countries_officials(c, first);
}

/* "وكانت بيروت أولى المحطات"، "كانت القاهرة محطة له": is city mention mm
 * told, after كان, as a stop of the trip?  What the sentence goes on to
 * tell happened there. */
static int city_told_as_stop(const rctx *c, const lia_mention *mm)
{
    return mm->type == LIA_T_CITY && mm->first > 0 && mm->last < c->t->n
           && lia_lex_at(c->m, mm->first - 1, c->cls.was) && lia_lex_at(c->m, mm->last, c->cls.tour_stop);
}

/* "في أول زيارة لزعيم عربي إلى واشنطن": is place mention mm led by "إلى"
 * after a visit noun a few words before it (no verb of going between)? */
static int visit_to_city(const rctx *c, const lia_mention *mm)
{
    size_t f = mm->first;
    if (f < 2 || !lia_lex_at(c->m, f - 1, c->cls.to))
        return 0;
    /* (Not another's visit: "زيارة رئيس الوزراء إلى أنقرة".) */
    for (size_t k = f - 1; k-- > 0 && k + 5 >= f;) {
        if (c->t->tok[k].kind != LIA_TOK_WORD || c->t->tok[k].sentence != c->t->tok[f].sentence
            || (c->m->mention_at[k] && c->m->mentions.v[c->m->mention_at[k] - 1].type == LIA_T_PERSON))
            return 0;
        if (lia_lex_at(c->m, k, c->cls.visit_noun))
            return 1;
    }
    return 0;
}

/* The month of an ISO date ("2024-08-13", "--08-13", "2024-08"), as its
 * two digits, or NULL when it tells none. */
static const char *iso_month(const char *iso)
{
    const char *m = !strncmp(iso, "--", 2) ? iso + 2 : strlen(iso) >= 7 && iso[4] == '-' ? iso + 5 : NULL;
    return m && isdigit((unsigned char)m[0]) && isdigit((unsigned char)m[1]) ? m : NULL;
}

/* "استهلها من الدوحة في العشرين من الشهر، حيث": a date (with its في)
 * ending right before token end stands between a place and what follows;
 * returns the end of what comes before the date, else end. */
static size_t before_date_ending_at(const rctx *c, size_t end, size_t first)
{
    for (size_t i = 0; i < c->m->n_dates; i++) {
        const lia_date *d = &c->m->dates[i];
        if (d->last != end || d->first <= first)
            continue;
        size_t e = d->first;
        if (e > first + 1 && lia_token_matches(&c->t->tok[e - 1], "في"))
            e--;
        return e;
    }
    return end;
}

/* "أجرى يوم الثلاثاء محادثات ... خلال الزيارة التي قام بها إلى طهران في
 * أغسطس الماضي": does a date of its own follow place mention mm (within
 * two words), a month other than that of a date told before it in
 * sentence s, or, when none is, the story's?  Then the visit to it was
 * another occasion than the story's. */
static int visit_dated_otherwise(const rctx *c, size_t s, const lia_mention *mm)
{
    const lia_sentence *se = &c->t->sent[s];
    const lia_date *own = NULL, *before = NULL;
    for (size_t i = 0; i < c->m->n_dates; i++) {
        const lia_date *d = &c->m->dates[i];
        if (d->dateline || d->first < se->first || d->first >= se->last)
            continue;
        if (d->first >= mm->last && d->first <= mm->last + 2)
            own = d;
        else if (d->first < mm->first)
            before = d;
    }
    if (!own)
        return 0;
    /* (A month named, not a day: "ليل الثلاثاء" may fall in the month
     * before the story's and still be its trip.) */
    if (own->has_day)
        return 0;
    const char *m = iso_month(own->iso);
    const char *story = before ? iso_month(before->iso) : c->doc->date ? iso_month(c->doc->date) : NULL;
    return m && story && strncmp(m, story, 2) != 0;
}

/* "في البيت الأبيض"، "بقصر الإليزيه"، "في الكرملين": an agency named by
 * its building, led by في or ب, is a venue in the city of its seat: that
 * city's key when the story names the city too, else "" (somewhere the
 * story does not name: a city the text never names is no entity of it);
 * NULL when mm is no such venue. */
static const char *seat_of_venue(const rctx *c, const lia_mention *mm)
{
    if (mm->type != LIA_T_AGENCY || mm->first == 0)
        return NULL;
    if (!lia_token_matches(&c->t->tok[mm->first - 1], "في") && !bi_proclitic(c, &c->t->tok[mm->first]))
        return NULL;
    const char *seat = lia_rules_seat_of(c->r, mm->key);
    return !seat[0] ? NULL : lia_facts_find(c->f, seat) ? seat : "";
}

/* "في سنغافورة": after في, a country whose capital bears its name is a
 * venue as a city is, not a topic. */
static int city_state(const rctx *c, const lia_mention *mm)
{
    const lia_country *co = mm->type == LIA_T_COUNTRY ? lia_rules_country(c->r, mm->key) : NULL;
    return co && co->capital >= 0 && !strcmp(c->r->cities.v[co->capital].name, co->name);
}

static const char *sentence_place(const rctx *c, size_t s, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[s];
    const char *stop = rm ? place_of_stop_during(c, s, rm) : NULL;
    if (!stop && rm)
        stop = place_of_relative_there(c, s, rm);
    if (stop)
        return stop;
    const char *at_trigger;
    if (rm && place_at_trigger(c, s, rm, &at_trigger))
        return at_trigger;
    const char *visited_there = rm ? place_there_visited(c, s, rm) : NULL;
    if (visited_there)
        return visited_there;
    const char *there = rm && s > 0 && there_after_trigger(c, s, rm) ? sentence_place(c, s - 1, NULL) : NULL;
    if (there)
        return there;
    const char *origin = rm ? origin_of_trigger(c, s, rm) : NULL;
    if (origin)
        return origin;
    /* "... إلى رام الله، حيث استقبله X": where حيث points. */
    size_t link = rm ? clause_link_at(c, rm) : 0;
    if (link) {
        size_t end = link - 1;
        if (end > se->first && c->t->tok[end - 1].kind == LIA_TOK_PUNCT)
            end--;
        size_t undated_end = before_date_ending_at(c, end, se->first);
        /* ... else (an event or a date before it: "تحادثا في لاهاي ... على
         * هامش قمة الأمن النووي، حيث") the last place named after في
         * before it. */
        const char *last_in = NULL;
        for (size_t k = 0; k < c->m->mentions.n; k++) {
            const lia_mention *mm = &c->m->mentions.v[k];
            if (mm->inner || !mm->key[0] || !(mm->type & LIA_T_PLACE) || mm->delegation)
                continue;
            if (mm->last == end && !country_of_officials_list(c, (int)k))
                return city_in_clause(c, se, link, mm);
            /* ... or a city before a date: "استهلها من الدوحة في العشرين
             * من الشهر، حيث" (a country so is only where the trip went:
             * "زيارة إلى روسيا في 23 نوفمبر، حين التقى ... في سوتشي"). */
            if (undated_end != end && mm->last == undated_end && mm->type == LIA_T_CITY)
                return mm->key;
            if (mm->first > se->first && mm->last < end && lia_token_matches(&c->t->tok[mm->first - 1], "في"))
                last_in = mm->key;
        }
        if (last_in)
            return last_in;
    }
    const char *country = NULL, *visited_country = NULL, *city_before = NULL;
    int city_word = c->cls.city_word, to = c->cls.to;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->inner || mm->first < se->first || mm->first >= se->last || !mm->key[0])
            continue;
        /* (A building's seat stands for the city: "في الكرملين".) */
        const char *seat = seat_of_venue(c, mm);
        const char *key = seat ? seat : mm->key;
        int is_city = seat || mm->type == LIA_T_CITY;
        if (!seat && (!(mm->type & LIA_T_PLACE) || mm->delegation))
            continue;
        int arg = rm && (rm->a == (int)k || has_object(rm, (int)k));
        /* "وصل X قادما من اليابان": where one came from is not where the
         * sentence happens. */
        if (arg || inside_person(c, mm) || came_from(c, mm) || source_place(c, mm) || topic_place(c, rm, mm))
            continue;
        /* "بمدريد"، "بالعاصمة الإسبانية مدريد". */
        int prep = bi_proclitic(c, &c->t->tok[mm->first]);
        int after_fi = 0;   /* "في نيودلهي" */
        if (mm->first > se->first) {
            /* "في مدينة إسطنبول"، "وفي جنيف": a city word may stand between,
             * and و before في. */
            size_t pi = mm->first - 1;
            /* ... or carry the ب itself: "بمدينة جنيف". */
            if (pi > se->first && lia_lex_at(c->m, pi, city_word))
                prep |= bi_proclitic(c, &c->t->tok[pi--]);
            pi = before_venue_spot(c, pi, se->first);
            const lia_token *prev = &c->t->tok[pi];
            after_fi = lia_token_matches(prev, "في");
            is_city |= after_fi && city_state(c, mm);
            prep |= after_fi || strcmp(prev->norm, "الي") == 0;
            /* "احتضنت مدينة العقبة اجتماعين": the city that hosted; not
             * one hosting something else in a relative clause after the
             * trigger ("الألعاب التي تحتضنها العاصمة الفرنسية"). */
            prep |= lia_lex_at(c->m, pi, c->cls.host_verb) > 0
                    && !(rm && pi > rm->anchor && lia_lex_at(c->m, pi - 1, c->cls.relative));
        }
        /* "خلال لقائه X في البيت الأبيض ...، في أول زيارة لزعيم عربي إلى
         * واشنطن": the city of the visit the meeting was part of. */
        if (rm && mm->first > rm->anchor && is_city && !city_before && visit_to_city(c, mm)
            && !visit_dated_otherwise(c, s, mm))
            return key;
        /* "ثم توجه إلى رام الله": a destination named after the relation's
         * trigger is where the subject went next, not where it happened. */
        if (rm && mm->first > rm->anchor && to_place(c, mm, city_word, to))
            continue;
        /* "زار X رام الله والتقى Y": the place visited before the trigger. */
        int visited = (rm && mm->first < rm->anchor
                       && (visited_in_sentence(c, s, (int)k) || city_told_as_stop(c, mm)))
                      || arrived_at(c, mm, city_word, to);
        if (!prep && !visited)
            continue;
        /* "محادثات أجراها وانغ في نيودلهي مع مودي": a city after في
         * between the trigger and whom it met is where they met, whatever
         * city an earlier clause named. */
        if (city_before && after_fi && is_city && rm && rm->n_b > 0 && mm->first > rm->anchor
            && mm->last <= c->m->mentions.v[rm->b[0]].first)
            return key;
        /* The city nearest before the trigger: "وانتقل إلى أنقرة ... ثم
         * يتوجه إلى بغداد للقاء X" met X in Baghdad. */
        if (is_city && rm && mm->first < rm->anchor) {
            city_before = key;
            continue;
        }
        if (city_before)
            return city_before;
        if (is_city)
            return key;
        if (visited && !visited_country)
            visited_country = key;
        if (!country)
            country = key;
    }
    if (city_before)
        return city_before;
    /* "في السودان" is as often a topic as a venue: a country is the place
     * only when the article set up no venue of its own, or when it is
     * where the sentence's visit went ("زار قطر والتقى"). */
    if (visited_country)
        return visited_country;
    /* ... that occasion's place, when the sentence names none: where its
     * meeting was, if it told one ("حيث استقبله تبون ... كما عقد في
     * اليوم ذاته جلسة محادثات مع شنقريحة"). */
    const char *before = !country && day_of_sentence_before(c, s) ? place_of_sentence_before(c, s) : NULL;
    if (before)
        return before;
    /* "كما التقى X ..." goes on with the sentence before, and where it was:
     * where its meeting was, if it told one. */
    if (!country && goes_on_sentence(c, s)) {
        /* ... unless it tells a day of its own ("كما سبق له أن التقى X في
         * 20 أغسطس 2020"): another occasion. */
        const char *own = sentence_date(c, s);
        if (own && (!c->met_date || strcmp(own, c->met_date) != 0))
            return c->context_place ? NULL : country;
        return place_of_sentence_before(c, s);
    }
    return c->context_place ? NULL : country;
}

/* Where the occasion sentence s - 1 told was: its meeting's place, else
 * the place it names. */
static const char *place_of_sentence_before(const rctx *c, size_t s)
{
    return c->met_sent == s && c->met_place && c->met_place[0] ? c->met_place : sentence_place(c, s - 1, NULL);
}

static const char *country_of_place(const rctx *c, const char *key)
{
    const lia_entity *e = lia_facts_find(c->f, key);
    return e ? e->country : "";
}

/* Is the event one the gazetteer places in another country than place
 * ("مؤتمر ميونيخ للأمن" told from Vienna is still Germany's)? */
static int held_elsewhere(const rctx *c, const char *event, const char *place)
{
    const lia_entity *e = lia_facts_find(c->f, event);
    const char *country = country_of_place(c, place);
    return e && e->country[0] && country[0] && strcmp(country, e->country) != 0;
}

/* The day of sentence s near one of its visit or talks words that is
 * not to come, else planned (the sentence's planned day). */
static const char *unplanned_topic_date(rctx *c, size_t s, const char *planned)
{
    const lia_sentence *se = &c->t->sent[s];
    int cls[] = { c->cls.visit_noun, c->cls.visit_verb, c->cls.met_noun };
    const char *d = planned;
    for (size_t i = se->first; i < se->last && planned_date(c, d); i++)
        for (int k = 0; k < 3; k++)
            if (lia_lex_at(c->m, i, cls[k])) {
                c->anchor = i;
                const char *own = sentence_date(c, s);
                c->anchor = SIZE_MAX;
                if (!planned_date(c, own))
                    d = own;
                break;
            }
    return d;
}

/* The day of the document's dateline ("المنامة في 5 نوفمبر/وام/"), or
 * NULL. */
static const char *lead_dateline_date(const rctx *c)
{
    for (size_t k = 0; k < c->m->n_dates; k++)
        if (c->m->dates[k].dateline && c->m->dates[k].has_day)
            return c->m->dates[k].iso;
    return NULL;
}

static int is_headline(const rctx *c, size_t s);

/* Does sentence s write a date of its own, a dateline's aside? */
static int dated_words_in(const rctx *c, size_t s)
{
    for (size_t k = 0; k < c->m->n_dates; k++) {
        const lia_date *d = &c->m->dates[k];
        if (!d->dateline && d->first >= c->t->sent[s].first && d->first < c->t->sent[s].last)
            return 1;
    }
    return 0;
}

/* The first sentence after the headline a relation pattern fired in, or
 * SIZE_MAX. */
static size_t first_relation_sentence(const rctx *c)
{
    size_t first = SIZE_MAX;
    for (size_t k = 0; k < c->m->rels.n; k++)
        if (c->m->rels.v[k].sentence < first && !is_headline(c, c->m->rels.v[k].sentence))
            first = c->m->rels.v[k].sentence;
    return first;
}

static size_t lead_sentence(const rctx *c);

/* Is there, in tokens [first, last - 2), "بعد" with "من" at most three
 * words after it ("بعد أشهر من"), behind a visit or talks word? */
static int came_after_before(const rctx *c, size_t first, size_t last)
{
    for (size_t i = first; i + 2 < last; i++)
        if (lia_token_matches(&c->t->tok[i], "بعد") && span_has_word(c, i + 1, i + 4, "من")
            && (class_between(c, first, i, c->cls.visit_noun) || class_between(c, first, i, c->cls.met_noun)))
            return 1;
    return 0;
}

/* Does every date of sentence s come after "بعد ... من" ("بعد أشهر من"،
 * "بعد أيام من"), told after a visit or talks word: the time of an
 * earlier occasion the story's came after? */
static int only_dates_of_earlier_occasion(const rctx *c, size_t s)
{
    const lia_sentence *se = &c->t->sent[s];
    int any = 0;
    for (size_t k = 0; k < c->m->n_dates; k++) {
        const lia_date *d = &c->m->dates[k];
        if (d->dateline || d->first < se->first || d->first >= se->last)
            continue;
        any = 1;
        if (!came_after_before(c, se->first, d->first))
            return 0;
    }
    return any;
}

/* Sets the date and place the article's visit or event happens on: the
 * first sentence that has a date and talks about a visit, a meeting or an
 * event. */
static void set_context(rctx *c)
{
    int visit = c->cls.visit_noun;
    int visit_v = c->cls.visit_verb;
    int talks = c->cls.met_noun;
    int earlier = 0, plan_after_story = 0;
    for (size_t s = 0; s < c->t->n_sent && !c->context_date; s++) {
        const char *d = sentence_date(c, s);
        if (!d)
            continue;
        const lia_sentence *se = &c->t->sent[s];
        int topical = 0;
        /* ... or talks: "اتفق X ونظيره Y أمس ... في ختام محادثات"; or a
         * signing: "وقعت مصر وأوغندا، مساء الأربعاء، مذكرة تفاهم". */
        for (size_t i = se->first; i < se->last && !topical; i++)
            topical = lia_lex_at(c->m, i, visit) || lia_lex_at(c->m, i, visit_v) || lia_lex_at(c->m, i, talks)
                      || lia_lex_at(c->m, i, c->cls.sign_verb);
        /* A day to come may be another clause's ("اتفاق يسري اعتبارا من
         * ليل السبت المقبل، وذلك بعد مفاوضات"): the talks' own day. */
        if (topical && planned_date(c, d) && !(d = unplanned_topic_date(c, s, d)))
            continue;
        /* "ومن المقرر أن يتوجه X غدا إلى بيشكيك" after the story told its
         * meetings undated: the plan's day is not theirs. */
        if (topical && planned_date(c, d) && first_relation_sentence(c) < s) {
            plan_after_story = 1;
            continue;
        }
        /* "... ويعتزم زيارة روسيا في نيسان المقبل" (a headline): a month
         * or a year still ahead is a plan's, not the story's. */
        if (topical && after_paper(c, d))
            continue;
        for (size_t k = 0; k < c->m->mentions.n && !topical; k++) {
            const lia_mention *mm = &c->m->mentions.v[k];
            topical = mm->type == LIA_T_EVENT && mm->first >= se->first && mm->first < se->last;
        }
        for (size_t k = 0; k < c->m->rels.n && !topical; k++)
            topical = c->m->rels.v[k].sentence == s;
        /* "المنامة في 5 نوفمبر/وام/ قلد X Y وسام ...": a lead that tells
         * a relation but no day of its own happened on its dateline's
         * day, not on a day the background tells later. */
        const char *filed = lead_dateline_date(c);
        size_t told = first_relation_sentence(c);
        if (filed && told < s && !dated_words_in(c, told))
            d = filed, topical = 1;
        /* "وتأتي زيارة X بعد أشهر من احتضان مراكش، يومي 10 و11 دجنبر،
         * المؤتمر": the days of what the visit came after. */
        if (topical && only_dates_of_earlier_occasion(c, s)) {
            earlier = 1;
            continue;
        }
        if (topical)
            c->context_date = xstrdup(d);
    }
    /* ... when that was all, the lead's own day ("أشاد مدير فرونتكس،
     * الثلاثاء، ..."; past a dateline of its own), the story being told
     * on it. */
    size_t lead = earlier && !c->context_date ? lead_sentence(c) : SIZE_MAX;
    for (size_t s = lead; s != SIZE_MAX && s < lead + 2 && s < c->t->n_sent && !c->context_date; s++) {
        const char *own = sentence_date(c, s);
        if (own && !planned_date(c, own))
            c->context_date = xstrdup(own);
    }
    /* "ميونخ - قنا: التقى X ..." with no day told anywhere (but a plan's):
     * a story filed under a dateline tells what happened on its paper's
     * day. */
    if (!c->context_date && c->m->dateline && (!c->m->n_dates || plan_after_story) && c->doc->date
        && strlen(c->doc->date) >= 10)
        c->context_date = xstrndup(c->doc->date, 10);
}

/* Is sentence s in the headline: the first paragraph of a story that has
 * more? */
static int is_headline(const rctx *c, size_t s)
{
    /* Not a first paragraph that opens with a dateline ("جنيف - ..."):
     * that is the story's lead. */
    if (c->m->dateline && c->t->tok[c->m->mentions.v[c->m->dateline - 1].first].paragraph == 0)
        return 0;
    return c->t->n && c->t->tok[c->t->sent[s].first].paragraph == 0
           && c->t->tok[c->t->n - 1].paragraph > 0;
}

/* The city named inside event mention ev ("قمة العلا"): its mention, or -1. */
static int city_in_event_name(const rctx *c, const lia_mention *ev)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *pm = &c->m->mentions.v[k];
        if (pm->type == LIA_T_CITY && pm->key[0] && pm->first >= ev->first && pm->last <= ev->last)
            return (int)k;
    }
    return -1;
}

/* Is city key named, outside any event's name, in the sentence of event
 * mention ev ("... التي عقدت في قاعة مرايا بمحافظة العلا")? */
static int city_in_event_sentence(const rctx *c, const lia_mention *ev, const char *city)
{
    int s = c->t->tok[ev->first].sentence;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *pm = &c->m->mentions.v[k];
        if (pm->type == LIA_T_CITY && !pm->inner && !strcmp(pm->key, city)
            && c->t->tok[pm->first].sentence == s)
            return 1;
    }
    return 0;
}

/* "قمة العلا تطوي صفحة الخلاف" over "ترأس X أعمال الدورة الحادية
 * والأربعين للمجلس الأعلى ... التي عقدت بمحافظة العلا": a headline names
 * the story's event by its city, the body by its own name; the first body
 * event whose sentence names that city is the one the headline meant. */
static void merge_headline_city_events(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *h = &c->m->mentions.v[k];
        if (h->type != LIA_T_EVENT || !h->key[0] || h->inner || h->event_ref
            || !is_headline(c, (size_t)c->t->tok[h->first].sentence))
            continue;
        int city = city_in_event_name(c, h);
        if (city < 0)
            continue;
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *e = &c->m->mentions.v[q];
            if (e->type != LIA_T_EVENT || !e->key[0] || e->inner || e->event_ref
                || is_headline(c, (size_t)c->t->tok[e->first].sentence) || !strcmp(e->key, h->key))
                continue;
            if (city_in_event_sentence(c, e, c->m->mentions.v[city].key))
                rekey_event(c, h->key, e);
            break;
        }
    }
}

/* Does event mention e name, in its own words, the words [h, end) of
 * another's name, a head and a city ("الدورة الثامنة والخمسين لمؤتمر
 * ميونيخ للأمن" has "مؤتمر ميونيخ")? */
static int names_words_of(const rctx *c, const lia_mention *e, size_t h, size_t end)
{
    size_t n = end - h;
    for (size_t k = e->first; k + n <= e->last; k++) {
        size_t w = 0;
        while (w < n && tokens_share_form(&c->t->tok[h + w], &c->t->tok[k + w]))
            w++;
        if (w == n)
            return 1;
    }
    return 0;
}

/* "السيسي يترأس قمة الثماني النامية" over "ترأس ... القمة الحادية عشرة
 * لمنظمة الدول الثماني النامية للتعاون الاقتصادي": a headline's event is
 * the first body event with the same head word whose name has the
 * headline's other words in a row. */
static void merge_headline_short_events(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *h = &c->m->mentions.v[k];
        if (h->type != LIA_T_EVENT || !h->key[0] || h->inner || h->event_ref || h->last - h->first < 2
            || !is_headline(c, (size_t)c->t->tok[h->first].sentence))
            continue;
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *e = &c->m->mentions.v[q];
            if (e->type == LIA_T_EVENT && e->key[0] && !e->inner && !e->event_ref && strcmp(e->key, h->key) != 0
                && !is_headline(c, (size_t)c->t->tok[e->first].sentence) && e->last - e->first > h->last - h->first
                && tokens_share_form(&c->t->tok[h->first], &c->t->tok[e->first])
                && names_words_of(c, e, h->first + 1, h->last)) {
                rekey_event(c, h->key, e);
                break;
            }
        }
    }
}

/* Is event mention e a summit: headed by one ("القمة الخليجية") or
 * naming its level ("الدورة العادية ... على مستوى القمة")? */
static int summit_event(const rctx *c, const lia_mention *e)
{
    return class_between(c, e->first, e->last, c->cls.summit);
}

/* Is event mention e a name in quotes («قمة القدس»)? */
static int quoted_event(const rctx *c, const lia_mention *e)
{
    return e->first > 0 && c->t->tok[e->first - 1].kind == LIA_TOK_PUNCT
           && !strcmp(c->t->tok[e->first - 1].norm, "\"");
}

/* Is quoted event mention e given as a byname: in a headline, or after a
 * word that names ("ويطلق عليها «قمة القدس»"، "تسمية الدورة «...»")? */
static int byname_event(const rctx *c, const lia_mention *e)
{
    size_t s = (size_t)c->t->tok[e->first].sentence;
    if (is_headline(c, s))
        return 1;
    size_t from = e->first > 4 ? e->first - 4 : 0;
    if (from < c->t->sent[s].first)
        from = c->t->sent[s].first;
    return e->first > 0 && class_between(c, from, e->first - 1, c->cls.byname);
}

/* "ويطلق عليها «قمة القدس»"، "قبيل افتتاح «قمة لم الشمل»" in a
 * headline: a summit named in quotes as a byname, in a story of one other
 * summit, is that summit, not another meeting («قمة باريس» recalled in
 * the body is one). */
static void merge_summit_bynames(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *q = &c->m->mentions.v[k];
        if (q->type != LIA_T_EVENT || !q->key[0] || q->inner || q->event_ref || !quoted_event(c, q)
            || !lia_lex_at(c->m, q->first, c->cls.summit) || !byname_event(c, q))
            continue;
        const lia_mention *other = NULL;
        int several = 0;
        for (size_t o = 0; o < c->m->mentions.n; o++) {
            const lia_mention *e = &c->m->mentions.v[o];
            if (e->type != LIA_T_EVENT || !e->key[0] || e->inner || e->event_ref || quoted_event(c, e)
                || !strcmp(e->key, q->key) || !summit_event(c, e))
                continue;
            several |= other && strcmp(other->key, e->key) != 0;
            if (!other)
                other = e;
        }
        if (other && !several)
            rekey_event(c, q->key, other);
    }
}

/* The event named within three words after the first word of sentence s
 * that is word (hashed: hash): its mention, or -1. */
static int event_after_word(const rctx *c, size_t s, const char *word, unsigned long hash)
{
    const lia_sentence *se = &c->t->sent[s];
    for (size_t i = se->first; i < se->last; i++) {
        if (!lia_token_matches_hashed(&c->t->tok[i], word, hash))
            continue;
        for (size_t k = 0; k < c->m->mentions.n; k++) {
            const lia_mention *mm = &c->m->mentions.v[k];
            if (mm->first > i && mm->first <= i + 3 && mm->type == LIA_T_EVENT && mm->key[0] && !mm->inner)
                return (int)k;
        }
        return -1;
    }
    return -1;
}

/* The event whose margin sentence s tells of ("على هامش الاجتماع"،
 * "على هامش أعمال القمة"), or during whose programme ("في إطار فعاليات
 * اليوم الثاني لمعرض X"): its mention, or -1. */
static int margin_event(const rctx *c, size_t s)
{
    int me = event_after_word(c, s, "هامش", c->margin_hash);
    return me >= 0 ? me : event_after_word(c, s, "فعاليات", c->program_hash);
}

/* The event of "المشاركين في EVENT" in sentence s (those met are among
 * its participants: "التقى X عددا من الوزراء المشاركين في الاجتماع
 * الوزاري"), when the sentence also tells of meeting: its mention, or -1. */
static int participants_event(const rctx *c, size_t s)
{
    const lia_sentence *se = &c->t->sent[s];
    int met = 0, at = -1;
    for (size_t i = se->first; i < se->last; i++) {
        met |= lia_lex_at(c->m, i, c->cls.met_verb) || lia_lex_at(c->m, i, c->cls.met_noun);
        if (at < 0 && lia_lex_at(c->m, i, c->cls.participants) && i + 1 < se->last
            && lia_token_matches(&c->t->tok[i + 1], "في"))
            at = (int)i + 2;
    }
    for (size_t k = 0; met && at >= 0 && k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_EVENT && mm->key[0] && !mm->inner && mm->first >= (size_t)at
            && mm->first <= (size_t)at + 1)
            return (int)k;
    }
    return -1;
}

/* The event that gathered those the meeting at anchor names: "القمة
 * الثلاثية التي احتضنتها طهران ...، وجمعت X بضيفيه Y وZ" (the trigger is
 * the verb "جمعت" after the event, in its sentence): its mention, or -1. */
static int gathering_event(const rctx *c, size_t s, size_t anchor)
{
    if (anchor >= c->t->n || c->t->tok[anchor].sentence != (int)s || !lia_lex_at(c->m, anchor, c->cls.gathered))
        return -1;
    /* The event is the verb's subject: the verb goes on the event's clause
     * ("وجمعت") or opens its relative clause ("القمة التي جمعت"); "خلال
     * المنتدى، جمع لقاء X بY" tells of a meeting of its own. */
    if (!c->t->tok[anchor].has_conj && !(anchor > 0 && lia_lex_at(c->m, anchor - 1, c->cls.relative)))
        return -1;
    int ev = -1;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_EVENT && mm->key[0] && !mm->inner && mm->first < anchor
            && c->t->tok[mm->first].sentence == (int)s && (ev < 0 || mm->first > c->m->mentions.v[ev].first))
            ev = (int)k;
    }
    return ev;
}

/* lia_facts_add_relation with the evidence copied only for a new
 * relation: most are told again, and keep their first evidence. */
static lia_relation *add_fact(rctx *c, const char *rel, const char *a, const char *b,
                              const char *date, const char *place, size_t sent, const char *rule)
{
    size_t known = c->f->relations.n;
    lia_relation *r = lia_facts_add_relation(c->f, rel, a, b, date, place, c->doc->id, "", rule);
    if (c->f->relations.n > known)
        r->evidence = evidence_copy(c, sent);
    return r;
}

/* Where r is among the relations a headline told first that the body has
 * not placed: its index, or headline_told.n when it is not. */
static size_t headline_told_index(const rctx *c, const lia_relation *r)
{
    size_t k = 0;
    while (k < c->headline_told.n && c->headline_told.v[k] != r)
        k++;
    return k;
}

/* Does a headline name the place of that key (any place, when NULL)? */
static int headline_names_place(const rctx *c, const char *place)
{
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if ((mm->type & LIA_T_PLACE) && (!place || !strcmp(mm->key, place))
            && is_headline(c, (size_t)c->t->tok[mm->first].sentence))
            return 1;
    }
    return 0;
}

/* "مدير «سي آي إيه» يحل بطرابلس وبنغازي.. لقاءات مع الدبيبة وحفتر": a
 * headline lists its places, the body says which meeting was where; r,
 * told first by the headline, takes the body's place when the headline
 * named it too, or named no place at all ("السيسي يترأس قمة الثماني
 * النامية": its place was only the story's). */
static void place_told_in_headline(rctx *c, lia_relation *r, const char *place)
{
    size_t k = headline_told_index(c, r);
    if (k == c->headline_told.n || (headline_names_place(c, NULL) && !headline_names_place(c, place)))
        return;
    lia_facts_replace_place(c->f, r, place);
    c->headline_told.v[k] = c->headline_told.v[--c->headline_told.n];
}

static void add_relation(rctx *c, const char *rel, const char *a, const char *b,
                         const char *date, const char *place, size_t sent, const char *rule)
{
    if (!a || !b || !a[0] || !b[0] || strcmp(a, b) == 0)
        return;
    /* A country named only through a city or an office gets its node. */
    for (int k = 0; k < 2; k++) {
        const char *key = k ? b : a;
        if (lia_facts_find(c->f, key))
            continue;
        const lia_country *co = lia_rules_country(c->r, key);
        if (!co)
            return;
        lia_facts_entity(c->f, co->code, LIA_COUNTRY, co->name, co->latin, co->code);
    }
    size_t known = c->f->relations.n;
    lia_relation *r = add_fact(c, rel, a, b, date, place, sent, rule);
    int headline = is_headline(c, sent);
    if (r && headline && c->f->relations.n > known)
        VEC_PUSH(c->headline_told, r);
    else if (r && place && place[0] && !headline)
        place_told_in_headline(c, r, place);
    if (strcmp(rel, "met") == 0) {
        if (c->f->relations.n > known && !c->first_met_of_sent[sent])
            c->first_met_of_sent[sent] = known + 1;
        c->met_sent = sent + 1;
        c->met_date = date;
        c->met_place = place;
        /* "وعلى هامش الاجتماع، التقى X Y": both were at the event; so
         * were those met among its participants, told in the sentence or
         * the one before ("... المشاركين في الاجتماع. وشملت لقاءاته Y"). */
        int me = margin_event(c, sent);
        const char *how = "attended.met-on-margin";
        if (me < 0) {
            how = "attended.met-among-participants";
            me = participants_event(c, sent);
            if (me < 0 && sent > 0)
                me = participants_event(c, sent - 1);
        }
        if (me < 0) {
            how = "attended.gathered-by-event";
            me = gathering_event(c, sent, c->anchor);
        }
        for (int k = 0; k < 2 && me >= 0; k++) {
            const lia_entity *x = lia_facts_find(c->f, k ? b : a);
            if (x && !strcmp(x->type, LIA_PERSON))
                add_fact(c, "attended", k ? b : a, c->m->mentions.v[me].key, date, place, sent, how);
        }
    }
    if (r && !r->date[0] && strcmp(rel, "heads") != 0 && headline)
        VEC_PUSH(c->headline_undated, r);
}

/* "وترأس X مراسم الاستقبال الرسمي للضيف": what X chaired, right after
 * him, is a welcome ceremony, not the event the story is about. */
static int chaired_reception(const rctx *c, const lia_mention *am)
{
    return am->last < c->t->n && lia_lex_at(c->m, am->last, c->cls.welcome_ceremony);
}

/* "افتتح المركز في احتفال ترأسه X": an indefinite occasion right before
 * a trigger at anchor (its pronoun's) is one of its own, unnamed, not an
 * event named before. */
static int unnamed_occasion_before(const rctx *c, size_t anchor)
{
    const lia_token *w = anchor > 0 ? &c->t->tok[anchor - 1] : NULL;
    return w && w->sentence == c->t->tok[anchor].sentence && lia_lex_at(c->m, anchor - 1, c->cls.event_head)
           && strncmp(w->norm, "ال", 4) != 0 && !c->m->mention_at[anchor - 1];
}

/* The event mention the document is about at sentence s (the last named
 * one before or in it). */
static int current_event(const rctx *c, size_t s)
{
    int ev = -1;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_EVENT || !mm->key[0] || mm->inner || ahead_event(c, mm))
            continue;
        if (c->t->tok[mm->first].sentence > (int)s)
            break;
        ev = (int)k;
    }
    return ev;
}

/* The event a trigger at token anchor of sentence s stands in: the one
 * its "في" or "إلى" names right after it (after its person when he
 * follows the trigger), else the last
 * named before it in its sentence ("القمة الأولى ... بمشاركة X، فيما
 * احتضنت عمان القمة الثالثة"), else the document's current one. */
static int event_before_trigger(const rctx *c, size_t s, size_t anchor, size_t person_end)
{
    int ev = -1;
    size_t from = person_end > anchor ? person_end : anchor + 1;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        /* "قبل أن يشارك الأسد في القمة العربية", "ترأس X وفد بلاده إلى
         * الدورة الأربعين": the event the trigger's own "في" or "إلى"
         * names a few words on is the one it stands in. */
        if (mm->type == LIA_T_EVENT && mm->key[0] && !mm->inner && mm->first > from
            && mm->first <= from + 7 && c->t->tok[mm->first].sentence == (int)s
            && (lia_token_matches(&c->t->tok[mm->first - 1], "في")
                || lia_lex_at(c->m, mm->first - 1, c->cls.to)))
            return (int)k;
        if (mm->type == LIA_T_EVENT && mm->key[0] && !mm->inner && mm->first < anchor
            && c->t->tok[mm->first].sentence == (int)s)
            ev = (int)k;
    }
    return ev >= 0 ? ev : current_event(c, s);
}

static int named_in_sentence(const rctx *c, const char *key, size_t s);

/* "القمة الثلاثية التي احتضنتها طهران ... وجمعت X": the city a hosting
 * pattern of sentence s says held the event of that key, or NULL; it
 * comes before what other sentences said of an event of the same key. */
static const char *city_hosting_in_sentence(const rctx *c, size_t s, const char *event_key)
{
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *hm = &c->m->rels.v[q];
        if (hm->sentence != s || hm->a < 0 || !hm->n_b || !is_relation(&c->r->patterns.v[hm->pattern], "hosted"))
            continue;
        const lia_mention *am = &c->m->mentions.v[hm->a], *em = &c->m->mentions.v[hm->b[0]];
        if (am->type == LIA_T_CITY && am->key[0] && em->type == LIA_T_EVENT && !strcmp(em->key, event_key))
            return am->key;
    }
    return NULL;
}

/* Where an event took place: the place named right after it. */
static const char *event_place(const rctx *c, const char *event_key)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_EVENT && strcmp(mm->key, event_key) == 0 && mm->place_mention)
            return c->m->mentions.v[mm->place_mention - 1].key;
    }
    for (size_t k = 0; k < c->f->relations.n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "hosted") == 0 && strcmp(r->b, event_key) == 0
            && strcmp(r->source, c->doc->id) == 0
            && strcmp(lia_facts_find(c->f, r->a)->type, LIA_CITY) == 0)
            return r->a;
    }
    /* "افتتح X في شرم الشيخ الاجتماع ...": where someone attended it
     * (not as a headline told it, placed by the story's place alone). */
    for (size_t k = 0; k < c->f->relations.n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "attended") == 0 && strcmp(r->b, event_key) == 0
            && strcmp(r->source, c->doc->id) == 0 && r->place && r->place[0]
            && strcmp(lia_facts_find(c->f, r->place)->type, LIA_CITY) == 0
            && headline_told_index(c, r) == c->headline_told.n)
            return r->place;
    }
    return NULL;
}

/* Does sentence s mention the event? */
static int event_in_sentence(const rctx *c, const char *event, size_t s)
{
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if ((size_t)c->t->tok[mm->first].sentence == s && strcmp(mm->key, event) == 0)
            return 1;
    }
    return 0;
}

/* The sentence of the first mention of key (0 when none). */
static size_t first_sentence_of(const rctx *c, const char *key)
{
    for (size_t q = 0; q < c->m->mentions.n; q++)
        if (strcmp(c->m->mentions.v[q].key, key) == 0)
            return (size_t)c->t->tok[c->m->mentions.v[q].first].sentence;
    return 0;
}

/* Does the document already say which city or country hosted the event? */
static int event_has_host(const rctx *c, const char *event)
{
    for (size_t k = 0; k < c->f->relations.n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "hosted") == 0 && strcmp(r->b, event) == 0
            && strcmp(r->source, c->doc->id) == 0)
            return 1;
    }
    return 0;
}

/* The key of the first event the document names (the story's own), or NULL. */
static const char *story_event(const rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *em = &c->m->mentions.v[k];
        if (em->type == LIA_T_EVENT && em->key[0] && !em->inner)
            return em->key;
    }
    return NULL;
}

/* This document's first attendance of the event at place, or NULL. */
static const lia_relation *attended_at(const rctx *c, const char *event, const char *place)
{
    for (size_t k = 0; k < c->f->relations.n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "attended") == 0 && strcmp(r->source, c->doc->id) == 0
            && strcmp(r->b, event) == 0 && strcmp(r->place, place) == 0)
            return r;
    }
    return NULL;
}

/* "افتتح X أعمال الدورة يوم الأحد ... وشهد الافتتاح Y": an attendance
 * its sentence leaves undated (or dates by a reception) is of the day of the last dated attendance
 * of the event this document told, or else of its hosting, not the story's day; else date. */
static const char *attendance_date(const rctx *c, const lia_pattern *p, const lia_mention *event,
                                   const char *date, int dated_here)
{
    /* "وكان X قد استقبل يوم الأحد نظراءه القادمين للمشاركة في الدورة":
     * the day told is the reception's, not the event's. */
    if (pattern_has_class(p, c->cls.receive))
        dated_here = 0;
    for (size_t k = c->f->relations.n; !dated_here && is_relation(p, "attended") && k-- > 0;) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "attended") == 0 && strcmp(r->source, c->doc->id) == 0
            && strcmp(r->b, event->key) == 0 && r->date[0])
            return r->date;
    }
    /* "القمة التي احتضنتها جيبوتي في التاسع من ديسمبر ... وكان البرهان قد
     * حضر تلك القمة": else, for "that" event told before (not its name,
     * which may be another edition's), the day it was said held. */
    int that_event = event->event_ref && event->first > 0
                     && (lia_token_matches(&c->t->tok[event->first - 1], "تلك")
                         || lia_token_matches(&c->t->tok[event->first - 1], "ذلك"));
    for (size_t k = c->f->relations.n; !dated_here && that_event && is_relation(p, "attended") && k-- > 0;) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "hosted") == 0 && strcmp(r->source, c->doc->id) == 0
            && strcmp(r->b, event->key) == 0 && r->date[0])
            return r->date;
    }
    return date;
}

/* The place mention a clause link points back to ("... من بروكسل، حيث"):
 * the one ending right before the link at token link - 1 (a comma between
 * allowed); -1 if none.  link is clause_link_at's answer, 4 or more. */
static int place_before_link(const rctx *c, size_t link)
{
    size_t end = link - 1;
    if (c->t->tok[end - 1].kind == LIA_TOK_PUNCT)
        end--;
    int pl = -1;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (!mm->inner && mm->last == end && (mm->type & LIA_T_PLACE))
            pl = (int)q;
    }
    return pl;
}

/* "وصل X إلى إسرائيل قادما من بروكسل، حيث شارك في اجتماع ...": the city
 * the clause link of attendance rm points back to hosted event em, unless
 * the document names another host. */
static void hosted_where_linked(rctx *c, const lia_rel_match *rm, const lia_mention *em, const char *date)
{
    size_t link = clause_link_at(c, rm);
    int pl = link >= 4 ? place_before_link(c, link) : -1;
    if (pl < 0 || c->m->mentions.v[pl].type != LIA_T_CITY || !em->key[0] || event_has_host(c, em->key))
        return;
    add_relation(c, "hosted", c->m->mentions.v[pl].key, em->key, date, NULL, rm->sentence, "hosted.where-linked");
}

/* Was the event of key named in sentence s by its name, not by a word
 * that refers back to it ("القمة"، "الاجتماع")? */
static int event_named_in_sentence(const rctx *c, const char *key, size_t s)
{
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->type == LIA_T_EVENT && !mm->event_ref && !mm->inner
            && (size_t)c->t->tok[mm->first].sentence == s && strcmp(mm->key, key) == 0)
            return 1;
    }
    return 0;
}

/* "ترأس X اليوم في إسلام أباد الدورة السابعة ..."، "التقيا في القاهرة على
 * هامش قمة ...": the city that the sentence of an attendance (pattern p)
 * or of a meeting on an event's margin names, and where it says that
 * happened, may have hosted the event it names there
 * (hosted_where_attended_here decides). */
static void note_attended_here(rctx *c, const lia_pattern *p, const lia_mention *em, const char *place,
                               const char *date, size_t s)
{
    /* (A meeting on the margin of an event, or on the occasion of its
     * holding, "التقيا بمدينة شتوتغارت بمناسبة انعقاد الدورة ...", is
     * where the event is.) */
    int margin = is_relation(p, "met") ? margin_event(c, s) : -1;
    if (margin < 0 && is_relation(p, "met"))
        margin = event_after_word(c, s, "مناسبه", lia_hash("مناسبه"));
    if (margin >= 0)
        em = &c->m->mentions.v[margin];
    else if (!is_relation(p, "attended"))
        return;
    const lia_entity *city = place ? lia_facts_find(c->f, place) : NULL;
    if (!city || strcmp(city->type, LIA_CITY) != 0 || !em->key[0] || !event_named_in_sentence(c, em->key, s))
        return;
    VEC_PUSH(c->attended_here, ((attended_here){
        em->key, place, date ? lia_arena_strdup(c->implied_strings, date) : NULL, s }));
}

/* The cities note_attended_here noted hosted their events, unless the
 * document names another host or the event belongs to another country. */
static void hosted_where_attended_here(rctx *c)
{
    for (size_t k = 0; k < c->attended_here.n; k++) {
        const attended_here *h = &c->attended_here.v[k];
        if (!event_has_host(c, h->event) && !held_elsewhere(c, h->event, h->place))
            add_relation(c, "hosted", h->place, h->event, h->date, NULL, h->sent, "hosted.where-attended-here");
    }
}

/* "الرياض (واس) - عقد وزراء الداخلية ... الاجتماع التاسع والثلاثين": the
 * story's own event, when no sentence places it, is hosted by the city of
 * the story where those who attended it were. */
static void hosted_where_attended(rctx *c)
{
    const char *own = story_event(c), *place = c->context_place;
    const lia_relation *attended = own && place ? attended_at(c, own, place) : NULL;
    if (!attended || event_has_host(c, own))
        return;
    const lia_entity *city = lia_facts_find(c->f, place);
    if (!city || strcmp(city->type, LIA_CITY) != 0 || held_elsewhere(c, own, place))
        return;
    char *date = attended->date[0] ? xstrdup(attended->date) : NULL;
    add_relation(c, "hosted", place, own, date, NULL, first_sentence_of(c, own),
                 "hosted.where-attended");
    free(date);
}

/* Is country mention q named as one of an event's parties rather than
 * its host: inside the event's name ("الاجتماع الثلاثي لوزراء داخلية
 * العراق وإيران وباكستان") or in a list of countries ("الصين وأفغانستان")? */
static int country_among_participants(const rctx *c, size_t q, const char *event)
{
    const lia_mention *cm = &c->m->mentions.v[q];
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (k == q || mm->last + 2 < cm->first || mm->first > cm->last + 2)
            continue;
        if ((mm->type == LIA_T_EVENT && !strcmp(mm->key, event) && mm->first <= cm->first && cm->last <= mm->last)
            || (mm->type == LIA_T_COUNTRY && !mm->inner))
            return 1;
    }
    return 0;
}

/* An event hosted by a city is hosted by its country when a sentence that
 * tells of the event names that country; one hosted by a country is hosted by the city the
 * document's events or visit take place in, when it is in that country. */
static void hosted_city_and_country(rctx *c)
{
    size_t n = c->f->relations.n;
    for (size_t k = 0; k < n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "hosted") != 0 || strcmp(r->source, c->doc->id) != 0)
            continue;
        const lia_entity *host = lia_facts_find(c->f, r->a);
        if (!host)
            continue;
        size_t sent = first_sentence_of(c, r->b);
        char *event = xstrdup(r->b), *date = xstrdup(r->date);
        if (strcmp(host->type, LIA_CITY) == 0 && host->country[0]) {
            for (size_t q = 0; q < c->m->mentions.n; q++) {
                const lia_mention *mm = &c->m->mentions.v[q];
                if (mm->type == LIA_T_COUNTRY && strcmp(mm->key, host->country) == 0
                    && event_in_sentence(c, event, (size_t)c->t->tok[mm->first].sentence)
                    && !country_among_participants(c, q, event)) {
                    add_relation(c, "hosted", host->country, event, date, NULL, sent,
                                 "hosted.city-country");
                    break;
                }
            }
        } else if (strcmp(host->type, LIA_COUNTRY) == 0) {
            const char *city = event_place(c, event);
            if (!city)
                city = c->context_place;
            const lia_entity *ce = city ? lia_facts_find(c->f, city) : NULL;
            if (ce && strcmp(ce->type, LIA_CITY) == 0 && strcmp(ce->country, host->key) == 0)
                add_relation(c, "hosted", ce->key, event, date, NULL, sent, "hosted.country-city");
        }
        free(event);
        free(date);
    }
}

/* Does mention m name its person by an ambassador's title? */
static int ambassador_title(const rctx *c, const lia_mention *m)
{
    return m->title >= 0 && !strcmp(c->r->titles.v[m->title].id, "ambassador");
}

/* Is person p (a key) tied to the country or agency x by his office? */
static int own_side(const rctx *c, const lia_mention *a, const lia_mention *b)
{
    if (b->type == LIA_T_COUNTRY && a->country[0] && strcmp(a->country, b->key) == 0)
        return 1;
    /* "وكان في استقباله ... وسفير إيطاليا لدى ليبيا X": an ambassador with
     * his own country's visitor is of the visiting side. */
    if (a->type == LIA_T_PERSON && b->type == LIA_T_PERSON && a->country[0]
        && !strcmp(a->country, b->country)
        && (ambassador_title(c, a) || ambassador_title(c, b)))
        return 1;
    for (int k = 0; k < 3 && a->bodies[k]; k++)
        if (strcmp(a->bodies[k], b->key) == 0)
            return 1;
    return 0;
}

static const char *dateline_city(const rctx *c);
static const char *dateline_city_in(const rctx *c, size_t sent, const lia_mention *bm);

/* Is event mention mm named right after "لاحتضان" or "لاستضافة", what a
 * place bids or prepares to host? */
static int bid_to_host(const rctx *c, const lia_mention *mm)
{
    const lia_token *tk = mm->first > 0 ? &c->t->tok[mm->first - 1] : NULL;
    return tk && strncmp(tk->norm, "ل", 2) == 0 && tk->n_forms > 1
           && (lia_token_matches(tk, "احتضان") || lia_token_matches(tk, "استضافه"));
}

/* The city of the story's dateline when it is its country's capital, or
 * NULL: what a bare "العاصمة" of the story stands for. */
static const char *dateline_capital(const rctx *c)
{
    const char *city = dateline_city(c);
    const lia_gaz_ref *g = city ? lia_rules_lookup(c->r, city) : NULL;
    return g && g->kind == LIA_G_CITY && c->r->cities.v[g->index].capital ? city : NULL;
}

/* "معرض الدفاع الدولي «آيدكس 2025» الذي تستضيفه العاصمة هذا الأسبوع": a
 * bare "العاصمة" (no nisba, no name after it) that hosts an event named
 * right before the hosting verb is the capital the story is filed from. */
static void hosted_by_bare_capital(rctx *c)
{
    const char *capital = dateline_capital(c);
    for (size_t k = 0; capital && k < c->m->mentions.n; k++) {
        const lia_mention *em = &c->m->mentions.v[k];
        if (em->type != LIA_T_EVENT || !em->key[0] || em->inner || em->event_ref || event_has_host(c, em->key))
            continue;
        size_t s = (size_t)c->t->tok[em->first].sentence;
        for (size_t i = em->last; i + 1 < c->t->n && i <= em->last + 2 && (size_t)c->t->tok[i + 1].sentence == s; i++) {
            if (!lia_lex_at(c->m, i, c->cls.host_verb) || !lia_token_matches(&c->t->tok[i + 1], "العاصمه")
                || c->m->mention_at[i + 1])
                continue;
            c->anchor = em->first;
            const char *date = sentence_date(c, s);
            c->anchor = SIZE_MAX;
            if (!date)
                date = c->context_date;
            if (!date_to_come(c, date))
                add_relation(c, "hosted", capital, em->key, date, NULL, s, "hosted.bare-capital");
            break;
        }
    }
}

static void hosted_from_event_places(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_EVENT || !mm->place_mention || !mm->key[0])
            continue;
        const lia_mention *pl = &c->m->mentions.v[mm->place_mention - 1];
        size_t s = (size_t)c->t->tok[mm->first].sentence;
        c->anchor = mm->first;   /* the date nearest the event's name */
        const char *date = sentence_date(c, s);
        if (!date)
            date = c->context_date;
        /* "ومن المنتظر أن تحتضن العاصمة الألمانية يوم الأحد المقبل مؤتمر
         * برلين الدولي": an event still to come is hosted by no one yet;
         * nor is one a city bids for ("ملف ترشيح المملكة لاحتضان الدورة
         * ... بمدينة مراكش"). */
        if (date_to_come(c, date) || bid_to_host(c, mm))
            continue;
        add_relation(c, "hosted", pl->key, mm->key, date, NULL, s, "hosted.event-place");
        /* "بموسكو في روسيا": the country hosts it too. */
        size_t j = pl->last;
        if (j + 1 < c->t->n && strcmp(c->t->tok[j].norm, "في") == 0) {
            int ni = c->m->mention_at[j + 1] - 1;
            if (ni >= 0 && c->m->mentions.v[ni].type == LIA_T_COUNTRY)
                add_relation(c, "hosted", c->m->mentions.v[ni].key, mm->key, date,
                             NULL, s, "hosted.event-place");
        }
    }
}

/* "إسماعيل هنية" and "حماس" in one dated story: the gazetteer knows he
 * headed it then, though the text's title was too loose to read. */
static void heads_from_known_offices(rctx *c)
{
    if (!c->doc->date || !c->doc->date[0])
        return;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_PERSON || !mm->key[0] || mm->anaphor || mm->guest)
            continue;
        const lia_gaz_ref *g = lia_rules_lookup(c->r, mm->key);
        if (!g || g->kind != LIA_G_PERSON)
            continue;
        const lia_official *o = &c->r->officials.v[g->index];
        for (size_t j = 0; j < o->n_roles; j++) {
            const lia_role *role = &o->roles[j];
            if (strcmp(role->office, "head") != 0
                || !date_covers(role->start, role->end, c->doc->date))
                continue;
            for (size_t q = 0; q < c->m->mentions.n; q++)
                if (c->m->mentions.v[q].type != LIA_T_PERSON
                    && strcmp(c->m->mentions.v[q].key, role->body) == 0) {
                    add_relation(c, "heads", mm->key, role->body, NULL, NULL,
                                 (size_t)c->t->tok[mm->first].sentence, "heads.known-office");
                    break;
                }
        }
    }
}

/* "X وزير الداخلية وقائد قوة الأمن الداخلي قد عقد": the person whose
 * second office mention k is (match.c tells), or NULL. */
static const lia_mention *second_office_of(const rctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    if (mm->key[0] || !mm->second_office)
        return NULL;
    for (size_t q = k; q-- > 0;)
        if (!c->m->mentions.v[q].inner)
            return &c->m->mentions.v[q];
    return NULL;
}

/* "عضو المكتب السياسي ... وزير الخارجية X"، "عضو مجلس الأمن الروسي وزير
 * الخارجية": in stacked titles, a body right after "عضو" is one he sits
 * on, not one he heads. */
static int member_of_body_in_title(const rctx *c, const lia_mention *mm, const char *body)
{
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *in = &c->m->mentions.v[q];
        if (in->inner && in->first > mm->first && in->first < mm->last && !strcmp(in->key, body)
            && (lia_token_matches(&c->t->tok[in->first - 1], "عضو")
                || lia_token_matches(&c->t->tok[in->first - 1], "عضوه")))
            return 1;
    }
    return 0;
}

/* "وزير الدفاع الياباني آنذاك X": an office told as held at the time the
 * story tells of (not "السابق", "الراحل": held once, before). */
static int office_held_then(const rctx *c, const lia_mention *mm)
{
    return class_between(c, mm->first, mm->last, c->cls.held_then);
}

static void heads_from_titles(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        /* (A head of government heads the cabinet his title names.) */
        if (mm->type != LIA_T_PERSON || (mm->former && !office_held_then(c, mm))
            || (strcmp(mm->office, "head") != 0 && strcmp(mm->office, "head-of-government") != 0))
            continue;
        const lia_mention *holder = mm->key[0] ? mm : second_office_of(c, k);
        for (int b = 0; holder && b < 3 && mm->bodies[b]; b++) {
            const lia_entity *e = lia_facts_find(c->f, mm->bodies[b]);
            if (!e || strcmp(e->type, LIA_COUNTRY) == 0 || member_of_body_in_title(c, mm, mm->bodies[b]))
                continue;
            add_relation(c, "heads", holder->key, mm->bodies[b], NULL, NULL,
                         (size_t)c->t->tok[mm->first].sentence, "heads.title");
        }
    }
}

/* "وفق ما أفادت به مصادر رسمية في نيودلهي": is place mention mm, after
 * في, where the source of the report sits (a source word at most three
 * words before في)? */
static int source_place(const rctx *c, const lia_mention *mm)
{
    if (mm->first < 2 || !lia_token_matches(&c->t->tok[mm->first - 1], "في"))
        return 0;
    size_t fi = mm->first - 1;
    for (size_t k = fi; k-- > 0 && k + 3 >= fi;)
        if (lia_lex_at(c->m, k, c->cls.reported_source) == 1)
            return 1;
    return 0;
}

/* Is place mention mm where someone came from ("وصل X قادما من بغداد"),
 * not where he went? */
static int came_from(const rctx *c, const lia_mention *mm)
{
    /* ("قادما من دولة قطر": a word for a state may stand between.) */
    size_t first = mm->first;
    if (first > 0 && lia_lex_at(c->m, first - 1, c->cls.polity) == 1)
        first--;
    for (size_t len = 1; len <= 3 && len <= first; len++)
        if (lia_lex_at(c->m, first - len, c->cls.origin) == (int)len)
            return 1;
    return 0;
}

static long iso_day_number(const char *iso);

/* Adds the visit; one trip told on several days ("وصل ... مساء الأربعاء"
 * after "في زيارة ... أمس الخميس") is dated by its first day. */
static void add_visit_relation(rctx *c, const char *person, const char *place, const char *date,
                               size_t sent, const char *rule)
{
    lia_relation *told = date ? lia_facts_find_relation(c->f, "visited", person, place, c->doc->id) : NULL;
    if (told && strlen(told->date) == 10) {
        long was = iso_day_number(told->date), now = iso_day_number(date);
        if (was >= 0 && now >= 0 && now < was && was - now <= 3)
            lia_facts_redate_relation(c->f, told, date);
    }
    add_relation(c, "visited", person, place, date, NULL, sent, rule);
}

/* Does sentence s name the country code right before its clause word
 * ("في المملكة المغربية، حيث")? */
static int country_before_link(const rctx *c, size_t s, const char *code)
{
    const lia_sentence *se = &c->t->sent[s];
    for (size_t t = se->first + 1; t < se->last; t++) {
        if (!lia_lex_at(c->m, t, c->cls.clause_link))
            continue;
        size_t end = c->t->tok[t - 1].kind == LIA_TOK_PUNCT ? t - 1 : t;
        for (size_t k = 0; k < c->m->mentions.n; k++) {
            const lia_mention *mm = &c->m->mentions.v[k];
            if (!mm->inner && mm->type == LIA_T_COUNTRY && mm->last == end && !strcmp(mm->key, code))
                return 1;
        }
    }
    return 0;
}

/* A visit to a city is a visit to its country too.  Travel inside one's
 * own country is not a visit in this graph's sense (a foreign trip): a
 * Saudi minister "arriving in Riyadh" is going home. */
static void add_visit(rctx *c, const char *person, const char *place, const char *date,
                      size_t sent, const char *rule)
{
    const lia_entity *e = lia_facts_find(c->f, place);
    const lia_entity *who = lia_facts_find(c->f, person);
    const char *place_country = !e ? "" : strcmp(e->type, LIA_COUNTRY) == 0 ? e->key : e->country;
    if (who && who->country[0] && place_country[0] && strcmp(who->country, place_country) == 0)
        return;
    add_visit_relation(c, person, place, date, sent, rule);
    /* A visit the text tells is to the city's country too; one only
     * implied by meeting or attending there stays with the city, unless
     * its clause goes on from that country ("محطة في المملكة المغربية،
     * حيث استقبله X في الرباط"). */
    if (e && strcmp(e->type, LIA_CITY) == 0 && e->country[0]
        && (strcmp(rule, "visited.abroad") != 0 || country_before_link(c, sent, e->country)))
        add_visit_relation(c, person, e->country, date, sent, "visited.city-country");
}

/* The persons of the list whose last item is mention last ("X، وY والنيجيري
 * Z"): items at most two words apart, none before token first; at most
 * max of them, last first, into out.  Returns how many. */
static int list_ending_at(const rctx *c, int last, size_t first, int *out, int max)
{
    int n = 0;
    out[n++] = last;
    size_t start = c->m->mentions.v[last].first;
    for (int q = last; q-- > 0 && n < max;) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->inner || (mm->type == LIA_T_COUNTRY && mm->last <= start && mm->last + 1 >= start))
            continue;           /* a nisba between: "والإيفواري" */
        if (mm->type != LIA_T_PERSON || !mm->key[0] || mm->first < first || mm->last + 2 < start)
            break;
        out[n++] = q;
        start = mm->first;
    }
    return n;
}

/* "... بيانتيدوزي، الذي يقوم بزيارة": a relative pronoun just before the
 * trigger makes the person it follows the subject ("اللذين" the two, "الذين" the
 * list, at most max).  Returns how many it put in out, or 0. */
static int relative_subject(const rctx *c, const lia_rel_match *rm, int *out, int max)
{
    int rel = c->cls.relative;
    const lia_sentence *se = &c->t->sent[rm->sentence];
    for (size_t k = rm->anchor; k > se->first && k + 4 > rm->anchor; k--) {
        if (!lia_lex_at(c->m, k - 1, rel))
            continue;
        /* The nearest person before the pronoun in its sentence: "...
         * مومني ... والوفد المرافق له، الذي يزور". */
        int best = -1, second = -1;
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *mm = &c->m->mentions.v[q];
            if (!mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && mm->first >= se->first
                && mm->last <= k - 1) {
                if (best < 0 || strcmp(c->m->mentions.v[best].key, mm->key) != 0)
                    second = best;
                best = (int)q;
            }
        }
        if (best < 0)
            return 0;
        out[0] = best;
        /* "... X وY، اللذين حلا بالمملكة": a dual relative, the two. */
        if (second >= 0 && max >= 2 && lia_lex_at(c->m, k - 1, c->cls.relative_dual)) {
            out[1] = second;
            return 2;
        }
        /* "... يوسفو والنيجيري محمد بخاري والسنغالي ماكي سال، الذين
         * اجتمعوا": a plural relative, the list that ends before it. */
        if (lia_lex_at(c->m, k - 1, c->cls.relative_plural))
            return list_ending_at(c, best, se->first, out, max);
        return 1;
    }
    return 0;
}

/* "أجرى محادثات مع X وY، ثم توجه إلى دمشق حيث التقى Z": X, the one met
 * by a relation told before token `before` in rm's sentence, is not the
 * one who went on; whoever held the talks did.  Returns -1 when mention q
 * is no such object, else the number of that relation's subjects put in
 * out (when it had none of its own, the document's subject). */
static int object_before(const rctx *c, const lia_rel_match *rm, size_t before, int q, int *out)
{
    /* "استقبل بايدن نظيره الكيني روتو ... في إطار زيارة إلى الولايات
     * المتحدة": the visit a reception is part of is its guest's. */
    int visit_of_guest = lia_lex_at(c->m, rm->anchor, c->cls.visit_noun)
                         && is_relation(&c->r->patterns.v[rm->pattern], "visited");
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om->sentence != rm->sentence || om->anchor >= before)
            continue;
        if (visit_of_guest && pattern_has_class(&c->r->patterns.v[om->pattern], c->cls.receive))
            continue;
        for (int b = 0; b < om->n_b; b++)
            if (om->b[b] == q) {
                if (om->n_a == 0 && c->subject >= 0) {
                    out[0] = c->subject;
                    return 1;
                }
                memcpy(out, om->as, (size_t)om->n_a * sizeof *out);
                return om->n_a;
            }
    }
    return -1;
}

/* "وعقب مأدبة غداء أقامها مضيفه، توجه لولا ...": where sentence s,
 * opened by a phrase of time (class after_talks) up to its first comma,
 * has its main clause begin; else its first token. */
static size_t after_fronted_phrase(const rctx *c, size_t s)
{
    const lia_sentence *se = &c->t->sent[s];
    if (!lia_lex_at(c->m, se->first, c->cls.after_talks))
        return se->first;
    for (size_t k = se->first + 1; k < se->last && k < se->first + 12; k++)
        if (c->t->tok[k].kind == LIA_TOK_PUNCT)
            return strcmp(c->t->tok[k].norm, ",") == 0 ? k + 1 : se->first;
    return se->first;
}

static int visit_maker(const rctx *c, const lia_mention *mm);

/* "انتقل بيانتيدوزي إلى ...، حيث التقى X" (and "حين"): after "حيث" the
 * subject is the first person of the sentence's main clause.  Returns 1 and sets out[0],
 * or 0. */
static int where_subject(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    size_t link = clause_link_at(c, rm);
    size_t main_first = after_fronted_phrase(c, rm->sentence);
    /* "وتصريحات أدلى بها الوزير X في بروكسل، حيث شارك": the person told
     * right before "في" and the place the link points to. */
    if (link >= 4) {
        int pl = place_before_link(c, link), who = -1;
        size_t at = pl >= 0 ? c->m->mentions.v[pl].first : 0;
        if (at > se->first + 1 && lia_token_matches(&c->t->tok[at - 1], "في"))
            for (size_t q = 0; q < c->m->mentions.n; q++) {
                const lia_mention *mm = &c->m->mentions.v[q];
                if (!mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && !mm->possessor && mm->last == at - 1)
                    who = (int)q;
            }
        if (who >= 0) {
            out[0] = who;
            return 1;
        }
    }
    /* "الزيارة التي قام بها X إلى العاصمة العراقية، حيث التقى Y": who
     * made the visit the link follows, whoever opened the sentence
     * ("وتأتي زيارة Z في أعقاب ..."). */
    int maker = -1;
    for (size_t q = 0; link && q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (!mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && mm->first >= main_first
            && mm->last <= link - 1 && visit_maker(c, mm))
            maker = (int)q;
    }
    if (maker >= 0) {
        out[0] = maker;
        return 1;
    }
    for (size_t q = 0; link && q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (!mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && !mm->possessor && mm->first >= main_first
            && mm->last <= link - 1) {
            int n = object_before(c, rm, link - 1, (int)q, out);
            if (n >= 0)
                return n;
            /* "زار X، وY، طرابلس، حيث عقدا اجتماعا مع Z": the main
             * clause's subjects, all of them. */
            for (size_t o = 0; o < c->m->rels.n; o++) {
                const lia_rel_match *om = &c->m->rels.v[o];
                if (om->sentence == rm->sentence && om->anchor < link - 1 && om->n_a >= 2
                    && om->as[0] == (int)q) {
                    memcpy(out, om->as, (size_t)om->n_a * sizeof *out);
                    return om->n_a;
                }
            }
            out[0] = (int)q;
            return 1;
        }
    }
    return 0;
}

/* "أجرى X جولة خليجية استهلها من الدوحة، ... ثم انتقل إلى مسقط، ...
 * قبل أن يختتم جولته في أبوظبي": the clauses of a sentence that tells a
 * tour go on with whom made it, the person named right before the tour
 * noun ("قام X بجولة": right after its verb).  Returns 1 and sets out[0],
 * or 0. */
static int tour_maker(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    for (size_t i = se->first; i < rm->anchor; i++) {
        if (!lia_lex_at(c->m, i, c->cls.tour))
            continue;
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *mm = &c->m->mentions.v[q];
            if (!mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && !mm->possessor
                && mm->first >= se->first && (mm->last == i || mm->last + 1 == i)) {
                out[0] = (int)q;
                return 1;
            }
        }
        return 0;
    }
    return 0;
}

/* "شارك في اجتماعات رابطة آسيان، والتقى هناك X": a verb joined by و
 * after a comma goes on with the clause before, whose subject is not the
 * mention right before the comma. */
static int coordinated_verb_after(const rctx *c, const lia_rel_match *rm)
{
    if (rm->a < 0 || !c->t->tok[rm->anchor].has_conj)
        return 0;
    const lia_mention *am = &c->m->mentions.v[rm->as[rm->n_a - 1]];
    if (am->last >= rm->anchor)
        return 0;
    for (size_t i = am->last; i < rm->anchor; i++)
        if (c->t->tok[i].kind == LIA_TOK_PUNCT && !strcmp(c->t->tok[i].norm, ","))
            return 1;
    return 0;
}

/* Does a clause word ("كما"، "ثم") stand right before token i? */
static int after_clause_join(const rctx *c, size_t i)
{
    return i > 0 && lia_lex_at(c->m, i - 1, c->cls.clause_join);
}

/* Is match q's first object one of the subjects another match at its
 * trigger lists along with q's subject, of the same country (of two, the
 * fellow subjects met each other too)? */
static int fellow_subject(const rctx *c, size_t q)
{
    const lia_rel_match *rm = &c->m->rels.v[q];
    const char *ca = c->m->mentions.v[rm->a].country, *cb = c->m->mentions.v[rm->b[0]].country;
    if (!ca[0] || strcmp(ca, cb) != 0)
        return 0;
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (o == q || om->anchor != rm->anchor || om->n_a < 2 || om->pattern == rm->pattern)
            continue;
        int has_a = 0, has_b = 0;
        for (int k = 0; k < om->n_a; k++) {
            has_a |= om->as[k] == rm->a;
            has_b |= om->as[k] == rm->b[0];
        }
        if (has_a && has_b)
            return 1;
    }
    return 0;
}

/* Does another met match, with a subject of its own named after q's
 * subject (or a meeting of "his" after "her" verb), have a trigger between
 * q's subject and the object they share?
 * "لقاء جمع الوزراء الثلاثة في بكين، وساعات بعد محادثات أجراها وانغ مع
 * مودي": Modi is whom the nearer trigger's subject met. */
static int his_meeting_after_her_verb(const rctx *c, const lia_rel_match *rm);

static int object_of_nearer_trigger(const rctx *c, size_t q)
{
    const lia_rel_match *rm = &c->m->rels.v[q];
    const lia_mention *sa = &c->m->mentions.v[rm->a];
    size_t object_at = c->m->mentions.v[rm->b[0]].first;
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (o == q || om->a == rm->a || om->n_b < 1 || om->b[0] != rm->b[0]
            || !is_relation(&c->r->patterns.v[om->pattern], "met"))
            continue;
        /* "التقت X Z، وأشادت بلقائه مع Y": his meeting, Z's. */
        if (om->a < 0 && om->anchor > sa->last && om->anchor < object_at && his_meeting_after_her_verb(c, om) >= 0)
            return 1;
        if (om->a < 0)
            continue;
        const lia_mention *oa = &c->m->mentions.v[om->a];
        if (om->anchor > sa->last && om->anchor < object_at && oa->first > sa->last && oa->last <= object_at)
            return 1;
    }
    return 0;
}

/* Does the subject fronted by كان end at token i, before قد ("وكان X قد
 * زار"), or the one fronted by سبق (precedent) before أن ("وسبق لـX أن
 * زار")? */
static int fronted_subject_ends(const rctx *c, size_t i, int precedent)
{
    if (precedent)
        return i < c->t->n && !strcmp(c->t->tok[i].norm, "ان");
    return lia_lex_at(c->m, i, c->cls.already);
}

/* "وكانت المسؤولة الألمانية، التي يرافقها X، قد التقت": a relative
 * clause between commas after a subject at token i (before limit) is
 * skipped; returns the token after its closing comma, else i. */
static size_t past_relative_clause(const rctx *c, size_t i, size_t limit)
{
    if (i + 1 >= limit || strcmp(c->t->tok[i].norm, ",") != 0 || !lia_lex_at(c->m, i + 1, c->cls.relative))
        return i;
    for (size_t k = i + 2; k < limit; k++)
        if (!strcmp(c->t->tok[k].norm, ","))
            return k + 1;
    return i;
}

/* "وكان كامل قد عقد ...", "وكان كامل قد استهل جولته ... حيث استقبله X",
 * "وسبق لقائد الجيش أن زار المملكة، إذ التقى ...": the person between كان
 * and قد (or سبق and أن) earlier in the sentence is the subject of what
 * follows; "وكان X ووزير الدفاع Y قد وصلا": the persons.  Sets out[]
 * (room for four) and returns how many, or 0. */
static int kana_subject(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    int n = 0;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        /* "وكان الوزيران المصريان قد أجريا": a counted reference too. */
        if (mm->inner || mm->type != LIA_T_PERSON || (!mm->key[0] && !mm->counted) || mm->first <= se->first
            || mm->last >= rm->anchor || mm->first >= se->last)
            continue;
        int precedent = lia_lex_at(c->m, mm->first - 1, c->cls.precedent) > 0;
        if (!precedent && !lia_lex_at(c->m, mm->first - 1, c->cls.was))
            continue;
        int list[4], nl = 0;
        list[nl++] = (int)q;
        for (size_t o = q + 1; o < c->m->mentions.n && nl < 4
                               && !fronted_subject_ends(c, c->m->mentions.v[list[nl - 1]].last, precedent); o++) {
            const lia_mention *om = &c->m->mentions.v[o];
            if (om->inner)
                continue;
            if (om->type != LIA_T_PERSON || !om->key[0] || om->first != c->m->mentions.v[list[nl - 1]].last
                || om->last >= rm->anchor || !c->t->tok[om->first].has_conj)
                break;
            list[nl++] = (int)o;
        }
        size_t end = past_relative_clause(c, c->m->mentions.v[list[nl - 1]].last, rm->anchor);
        if (fronted_subject_ends(c, end, precedent)) {
            memcpy(out, list, (size_t)nl * sizeof *out);
            n = nl;
        }
    }
    return n;
}

/* Is mention q the object of a met match of rm's sentence whose trigger
 * comes before rm's? */
static int object_earlier_in_sentence(const rctx *c, const lia_rel_match *rm, int q)
{
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om->sentence == rm->sentence && om->anchor < rm->anchor
            && is_relation(&c->r->patterns.v[om->pattern], "met") && has_object(om, q))
            return 1;
    }
    return 0;
}

/* Is mention mm named right after "قام بها"، "أجراها" (who made a visit),
 * or after "وصول" (whose arrival)? */
static int visit_maker(const rctx *c, const lia_mention *mm)
{
    int made_by = c->cls.made_by;
    for (size_t k = mm->first > 3 ? mm->first - 3 : 0; k < mm->first; k++)
        if (lia_lex_at(c->m, k, made_by) == (int)(mm->first - k))
            return 1;
    return mm->first > 0 && lia_lex_at(c->m, mm->first - 1, c->cls.arrival) == 1
           && lia_token_matches(&c->t->tok[mm->first - 1], "وصول");
}

/* Is rm's trigger a reception told with a pronoun: "استقبله"، or "كان X
 * في استقباله" (the reception a few words after the trigger)? */
static int reception_of_pronoun(const rctx *c, const lia_rel_match *rm)
{
    if (lia_lex_at(c->m, rm->anchor, c->cls.receive_pron))
        return 1;
    if (!lia_lex_at(c->m, rm->anchor, c->cls.was))
        return 0;
    const lia_sentence *se = &c->t->sent[rm->sentence];
    for (size_t k = rm->anchor + 1; k < se->last && k < rm->anchor + 12; k++)
        if (lia_lex_at(c->m, k, c->cls.receive_noun))
            return 1;
    return 0;
}

/* "زيارة قام بها برابوو إلى كانبرا، استقبله فيها ألبانيزي"، "وصول X إلى
 * دمشق، حيث كان Y في استقباله": the pronoun of a reception is who made
 * the visit (or the arrival) told before it in its sentence.
 * Returns 1 and sets out[0], or 0. */
static int visit_maker_received(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    if (!reception_of_pronoun(c, rm))
        return 0;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first >= rm->anchor)
            break;
        if (mm->first >= se->first && !mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && visit_maker(c, mm)) {
            out[0] = (int)q;
            return 1;
        }
    }
    /* "... للرئيس جوكو ويدودو، الذي حل ضيفا على أبوظبي ...، حيث استقبله
     * X": the last one a visit pattern of the sentence named as visitor,
     * in a relative clause after his name. */
    int visitor = -1;
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *om = &c->m->rels.v[q];
        if (om->sentence != rm->sentence || om->anchor >= rm->anchor || om->a < 0 || om->n_b == 0
            || !is_relation(&c->r->patterns.v[om->pattern], "visited"))
            continue;
        const lia_mention *vm = &c->m->mentions.v[om->a];
        size_t after = vm->last;
        if (vm->type == LIA_T_PERSON && vm->key[0] && after + 1 < se->last
            && c->t->tok[after].kind == LIA_TOK_PUNCT && lia_lex_at(c->m, after + 1, c->cls.relative)
            && (visitor < 0 || vm->first > c->m->mentions.v[visitor].first))
            visitor = om->a;
    }
    if (visitor >= 0) {
        out[0] = visitor;
        return 1;
    }
    return 0;
}

/* "زار X العاصمة المقدونية يومي ...، وعقد خلالها لقاءات مع Y": a
 * trigger with "during it" right after it (or, for the meeting noun,
 * right before it), and no subject of its own, is of whoever made the
 * visit its sentence told before it (all of them: "زار X وY طرابلس،
 * والتقيا خلالها Z").  Returns their number, set in out, or 0. */
static int visitor_during(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    int after = rm->anchor + 1 < se->last && lia_lex_at(c->m, rm->anchor + 1, c->cls.during);
    int before = rm->anchor > se->first && lia_lex_at(c->m, rm->anchor - 1, c->cls.during) == 1;
    if (!after && !before)
        return 0;
    const lia_rel_match *visit = NULL;
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *om = &c->m->rels.v[q];
        if (om->sentence == rm->sentence && om->anchor < rm->anchor && om->a >= 0 && om->n_b > 0
            && is_relation(&c->r->patterns.v[om->pattern], "visited")
            && c->m->mentions.v[om->a].type == LIA_T_PERSON && c->m->mentions.v[om->a].key[0])
            visit = om;
    }
    if (!visit)
        return 0;
    memcpy(out, visit->as, (size_t)visit->n_a * sizeof *out);
    return visit->n_a;
}

static int delegation_head_before(const rctx *c, size_t k, const char *cc);

/* "وكان الوفد السوري قد وصل إلى الرياض، وكان في استقباله X": the
 * pronoun of a reception is the delegation named before it in its
 * sentence (no person named before it), through the one told before to
 * lead it.  Returns 1 and sets out[0], or 0. */
static int delegation_received(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    if (!reception_of_pronoun(c, rm) && !lia_lex_at(c->m, rm->anchor, c->cls.receive_noun))
        return 0;
    int d = -1;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first >= rm->anchor)
            break;
        if (mm->first < se->first || mm->inner)
            continue;
        if (mm->type == LIA_T_PERSON)
            return 0;
        if (mm->delegation && d < 0)
            d = (int)q;
    }
    int who = d >= 0 ? delegation_head_before(c, (size_t)d, c->m->mentions.v[d].key) : -1;
    if (who < 0)
        return 0;
    out[0] = who;
    return 1;
}

/* Does person mention mm open a contrast clause as its subject: "فيما
 * ترأست X"، "في حين وصل X" (the clause word, one verb, then mm)? */
static int contrast_clause_subject(const rctx *c, const lia_mention *mm)
{
    for (size_t k = mm->first >= 4 ? mm->first - 4 : 0; k + 1 < mm->first; k++)
        if (lia_lex_at(c->m, k, c->cls.contrast_clause) == (int)(mm->first - 1 - k))
            return c->t->tok[mm->first - 1].kind == LIA_TOK_WORD;
    return 0;
}

/* "أما الرئيس التركي فأوضح، عقب استقباله المسؤول الإماراتي": a person
 * named earlier in the trigger's own sentence, not one of its B, is whom
 * the sentence is about.  Sets out[] (room for four: the leaders of a
 * delegation named together) and returns how many, or 0. */
static int sentence_subject(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    /* Only for a meeting with persons: "المحادثات مع إيران" is a topic. */
    for (int b = 0; b < rm->n_b; b++)
        if (c->m->mentions.v[rm->b[b]].type != LIA_T_PERSON)
            return 0;
    int found = -1, with = c->cls.with, join = c->cls.clause_join;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first >= rm->anchor)
            break;
        if (mm->inner || mm->type != LIA_T_PERSON || !mm->key[0] || mm->first < se->first
            || mm->both_sides || mm->group || mm->possessor)
            continue;
        if (new_clause_between(c, mm->last, rm->anchor))
            continue;
        int is_b = has_object(rm, (int)q);
        /* "مباحثات مع شمخاني ويلتقي ...": whom he talked with is no subject;
         * nor, unless right before the verb, whom an earlier verb of the
         * sentence met ("حيث التقت X، ومنها إلى عين التينة للقاء Y"). */
        if (is_b || (with >= 0 && mm->first > 0 && lia_lex_at(c->m, mm->first - 1, with)))
            continue;
        if (found < 0 && !object_earlier_in_sentence(c, rm, (int)q))
            found = (int)q;
        /* "... وأن المسؤول الروسي أجرى مباحثات": a person right before the
         * verb is its subject, whoever opened the sentence; not across
         * "كما" ("حيث التقى X، كما التقى Y": X is an object) nor "، و"
         * ("X، ومنها إلى ... للقاء Y"، "بيلاوسوف، واستقبله بوتين": a verb
         * after "، و" opens a clause of its own). */
        int joined = 0;
        for (size_t t = mm->last; t < rm->anchor && join >= 0; t++)
            joined |= lia_lex_at(c->m, t, join) != 0
                      || (c->t->tok[t].kind == LIA_TOK_PUNCT && !strcmp(c->t->tok[t].norm, ",")
                          && c->t->tok[t + 1].has_conj);
        if (mm->last + 2 >= rm->anchor && !joined)
            found = (int)q;
        /* "وشارك X، فيما ترأست Y الوفد، وكانت قد أجرت محادثات": the verb
         * after the contrast clause goes on with that clause's subject. */
        else if (found >= 0 && (int)q != found && contrast_clause_subject(c, mm))
            found = (int)q;
    }
    if (found < 0)
        return 0;
    out[0] = found;
    /* "وفد برئاسة X وY، وأجرى مع Z محادثات": the delegation's leaders
     * named together act together. */
    int n = 1;
    const lia_mention *fm = &c->m->mentions.v[found];
    if (fm->first > 0 && lia_lex_at(c->m, fm->first - 1, c->cls.led_by))
        for (size_t q = (size_t)found + 1; q < c->m->mentions.n && n < 4; q++) {
            const lia_mention *nm = &c->m->mentions.v[q];
            if (nm->inner)
                continue;
            const lia_mention *pm = &c->m->mentions.v[out[n - 1]];
            /* "و" opens the next one, maybe with an office the mention
             * left out ("وأمين المجلس الأعلى للأمن القومي X"). */
            int joined = nm->type == LIA_T_PERSON && nm->key[0] && nm->first >= pm->last
                         && nm->first < rm->anchor && nm->first <= pm->last + 6 && c->t->tok[pm->last].has_conj;
            for (size_t t = pm->last; t < nm->first && joined; t++)
                joined = c->t->tok[t].kind == LIA_TOK_WORD;
            if (!joined)
                break;
            out[n++] = (int)q;
        }
    /* "وصل رئيسا توغو X وبنين Y للقاء نظيرهما": the list the subject
     * closes acts together. */
    for (int q = found - 1; n == 1 && q >= 0 && c->t->tok[fm->first].has_conj; q--) {
        const lia_mention *pm = &c->m->mentions.v[q];
        if (pm->inner)
            continue;
        if (pm->type != LIA_T_PERSON || !pm->key[0] || pm->last != fm->first || pm->first < se->first
            || pm->possessor || has_object(rm, q) || object_earlier_in_sentence(c, rm, q))
            break;
        out[n++] = q;
        fm = pm;
    }
    return n;
}

/* "وخلال لقائه الوزير الياباني، طلب الرئيس فوك": a sentence that opens
 * on "his meeting" with whom he met, then a comma, names him as the
 * subject of the verb after the comma.  Sets out[0] and returns 1, or 0. */
static int fronted_possessor(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    if (rm->n_b == 0 || rm->anchor > se->first + 3 || !lia_lex_at(c->m, rm->anchor, c->cls.met_noun_pron))
        return 0;
    size_t b_end = 0;
    for (int b = 0; b < rm->n_b; b++)
        if (c->m->mentions.v[rm->b[b]].last > b_end)
            b_end = c->m->mentions.v[rm->b[b]].last;
    if (b_end >= se->last || c->t->tok[b_end].kind != LIA_TOK_PUNCT || strcmp(c->t->tok[b_end].norm, ","))
        return 0;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first <= b_end || mm->inner)
            continue;
        if (mm->first > b_end + 3 || mm->type != LIA_T_PERSON || !mm->key[0])
            return 0;
        out[0] = (int)q;
        return 1;
    }
    return 0;
}

/* The person mention named last before rm's trigger in its sentence, or
 * -1. */
static int last_person_before(const rctx *c, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    int best = -1;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first >= rm->anchor)
            break;
        if (mm->inner || mm->type != LIA_T_PERSON || !mm->key[0] || mm->first < se->first || mm->possessor)
            continue;
        best = (int)q;
    }
    return best;
}

/* "التقت ويليامز X، وأشادت بلقائه مع Y": a meeting noun with "his"
 * (ه) right after a verb in the feminine past (ت) is the meeting of the
 * man named last before it, not of the woman the verb tells of.  That
 * mention, or -1. */
static int his_meeting_after_her_verb(const rctx *c, const lia_rel_match *rm)
{
    const lia_token *tr = &c->t->tok[rm->anchor];
    if (rm->anchor == 0 || !lia_lex_at(c->m, rm->anchor, c->cls.met_noun_pron) || !lia_ends_with(tr->norm, "ه"))
        return -1;
    const lia_token *verb = &c->t->tok[rm->anchor - 1];
    size_t n = strlen(verb->norm);
    if (verb->kind != LIA_TOK_WORD || n < 6 || strcmp(verb->norm + n - 2, "ت") != 0 || c->m->mention_at[rm->anchor - 1])
        return -1;
    int last = last_person_before(c, rm);
    return last >= 0 && !feminine_title(c, &c->m->mentions.v[last]) ? last : -1;
}

/* "استقبل X الرئيس Y لدى وصوله إلى المطار للمشاركة في القمة": who takes
 * part is the one arriving, named right before "لدى وصوله" ahead of rm's
 * trigger in its sentence, not the one who received him.  The mention, or
 * -1. */
static int arriving_participant(const rctx *c, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    int arrival = c->cls.arrival_moment;
    for (size_t i = rm->anchor; i-- > se->first && rm->anchor - i <= 12;) {
        if (!lia_lex_at(c->m, i, arrival))
            continue;
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *mm = &c->m->mentions.v[q];
            if (mm->last == i && !mm->inner && mm->type == LIA_T_PERSON && mm->key[0])
                return (int)q;
        }
        return -1;
    }
    return -1;
}

/* Is visit rm's destination (its first B) in the country of person
 * mention m? */
static int visit_home_of(const rctx *c, const lia_rel_match *rm, int m)
{
    if (m < 0 || rm->n_b < 1 || !is_relation(&c->r->patterns.v[rm->pattern], "visited"))
        return 0;
    const char *home = c->m->mentions.v[m].country, *there = c->m->mentions.v[rm->b[0]].country;
    return home[0] && there[0] && !strcmp(home, there);
}

/* Is mention mm the subject of a relative clause ("قوات الدعم السريع
 * التي يقودها X": the relative word, one verb, then mm)?  Such a person
 * acts in that clause only. */
static int relative_clause_subject(const rctx *c, const lia_mention *mm)
{
    return mm->first >= 2 && lia_lex_at(c->m, mm->first - 2, c->cls.relative) == 1
           && c->t->tok[mm->first - 1].kind == LIA_TOK_WORD && !c->m->mention_at[mm->first - 1];
}

/* "وتمثل المحطة الزيارة الخارجية الخامسة للبرهان ...، إذ سبقتها زيارات
 * إلى مصر": the person a visit noun earlier in rm's sentence belongs to
 * (led by ل within four words of it) made the visits the sentence goes on
 * to tell.  Returns 1 and sets out[0], or 0. */
static int visit_owner_before(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first >= rm->anchor)
            break;
        if (mm->inner || mm->type != LIA_T_PERSON || !mm->key[0] || mm->first < se->first
            || strncmp(c->t->tok[mm->first].norm, "ل", 2) != 0 || c->t->tok[mm->first].n_forms < 2)
            continue;
        for (size_t k = mm->first > se->first + 4 ? mm->first - 4 : se->first; k < mm->first; k++)
            if (lia_lex_at(c->m, k, c->cls.visit_noun)) {
                out[0] = (int)q;
                return 1;
            }
    }
    return 0;
}

/* The person named last before rm's trigger in its sentence, close to it
 * (within eight tokens): who made a visit without a subject of its own
 * ("ويقوم X بزيارة إلى تركيا"، "وعاد رئيس الوزراء العراقي ... بعد زيارة
 * ... إلى واشنطن"), whose counterpart "نظيره" is.  Returns 1 and sets
 * out[0], or 0. */
static int person_before(const rctx *c, const lia_rel_match *rm, int *out)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    int best = last_person_before(c, rm);
    /* "وحطت طائرة X ... في أول زيارة يقوم بها إلى": who made the visit
     * may be named further back in the sentence. */
    size_t reach = pattern_has_class(&c->r->patterns.v[rm->pattern], c->cls.made_by) ? 24 : 8;
    /* "زيارة يقوم بها شريف إلى الخليج خلال أسبوع، إذ سبق له أن توجه إلى
     * الدوحة": the pronoun of "سبق له أن" is the person named last. */
    if (rm->anchor >= se->first + 3 && lia_lex_at(c->m, rm->anchor - 3, c->cls.precedent)
        && c->t->tok[rm->anchor - 2].kind == LIA_TOK_WORD && strncmp(c->t->tok[rm->anchor - 2].norm, "ل", 2) == 0
        && lia_token_matches(&c->t->tok[rm->anchor - 1], "ان"))
        reach = 24;
    /* "إذ كان سلفه X، الذي انتخب رئيسا مطلع العام، قد زار الدوحة": a
     * relative clause after the name does not count in the distance. */
    if (best < 0 || past_relative_clause(c, c->m->mentions.v[best].last, rm->anchor) + reach < rm->anchor)
        return 0;
    /* "الزيارة الرابعة لX منذ تشكيل الحكومة التي يرأسها Y، إذ سبقتها
     * زيارات إلى ...": Y acts in the relative clause only. */
    if (relative_clause_subject(c, &c->m->mentions.v[best]))
        return 0;
    /* "لبى X دعوة وجهها إليه Y، فتوجه إلى ...": a verb with ف after a
     * comma goes on with the main clause, whose subject is named first. */
    const lia_token *tr = &c->t->tok[rm->anchor];
    if (rm->anchor > se->first && tr->has_conj && strncmp(tr->norm, "ف", 2) == 0
        && c->t->tok[rm->anchor - 1].kind == LIA_TOK_PUNCT && !strcmp(c->t->tok[rm->anchor - 1].norm, ","))
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *mm = &c->m->mentions.v[q];
            if (!mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && mm->first >= se->first
                && !mm->possessor) {
                best = (int)q;
                break;
            }
        }
    /* ... unless that subject is at home where the visit went and the
     * one met is not: "التقى X [مصري] Y [أردني] خلال زيارة رسمية قام بها
     * إلى مصر" is Y's visit. */
    int n = object_before(c, rm, rm->anchor, best, out);
    if (n >= 0 && !(n == 1 && visit_home_of(c, rm, out[0]) && !visit_home_of(c, rm, best)))
        return n;
    out[0] = best;
    return 1;
}

/* Does a country follow rm's trigger right away ("وشاركت موريتانيا في
 * قمة للحلف"): the verb's own subject, no person's attendance? */
static int country_after_trigger(const rctx *c, const lia_rel_match *rm)
{
    size_t at = rm->anchor + 1;
    int m = at < c->t->n ? c->m->mention_at[at] : 0;
    return m && c->m->mentions.v[m - 1].type == LIA_T_COUNTRY;
}

/* Does the person of mention mm hold an office in an armed group? */
static int serves_armed_group(const rctx *c, const lia_mention *mm)
{
    for (int b = 0; b < 3 && mm->bodies[b]; b++) {
        const lia_gaz_ref *g = lia_rules_lookup(c->r, mm->bodies[b]);
        if (g && g->kind == LIA_G_ORG && !strcmp(c->r->orgs.v[g->index].category, "armed-group"))
            return 1;
    }
    return 0;
}

/* Does a plural or dual title stand right before mention mi, the first
 * of a list of countries: "مع وزراء خارجية الإمارات والبحرين"? */
static int countries_officials(const rctx *c, int mi)
{
    const lia_mention *mm = &c->m->mentions.v[mi];
    int cls = c->cls.officials_of;
    if (mm->type != LIA_T_COUNTRY || mm->delegation)
        return 0;
    for (size_t i = mm->first; i > 0 && i + 3 > mm->first; i--)
        if (lia_lex_at(c->m, i - 1, cls))
            return 1;
    return 0;
}

/* The first official of country cc the document names, or -1. */
static int official_of_country(const rctx *c, const char *cc)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (!mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && mm->official
            && !strcmp(mm->country, cc))
            return (int)k;
    }
    return -1;
}

/* Does s open with "YYYY-MM-DD" in ASCII digits?  Then sscanf's
 * "%4d-%2d-%2d" reads exactly those three numbers, which are read here
 * without it (two calls per relation date, most of a sscanf each). */
static int plain_iso_day(const char *s)
{
    for (int k = 0; k < 10; k++)
        if (k == 4 || k == 7 ? s[k] != '-' : (s[k] < '0' || s[k] > '9'))
            return 0;
    return 1;
}

static int digits_value(const char *s, int n)
{
    int v = 0;
    for (int k = 0; k < n; k++)
        v = 10 * v + (s[k] - '0');
    return v;
}

/* Days since 1970-01-01 of an ISO day (the start of a range), or -1. */
static long iso_day_number(const char *iso)
{
    int y, m, d;
    if (!iso || strlen(iso) < 10)
        return -1;
    if (plain_iso_day(iso)) {
        y = digits_value(iso, 4);
        m = digits_value(iso + 5, 2);
        d = digits_value(iso + 8, 2);
    } else if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        return -1;
    }
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* Is date another month than the story's?  A few days apart is the same
 * trip, even across the turn of a month. */
static int background_date(const rctx *c, const char *date)
{
    if (!date || !c->context_date)
        return 0;
    long a = iso_day_number(date), b = iso_day_number(c->context_date);
    if (a >= 0 && b >= 0)
        return labs(a - b) > 3 && strncmp(date, c->context_date, 7) != 0;
    size_t n = strlen(date) < strlen(c->context_date) ? strlen(date) : strlen(c->context_date);
    return strncmp(date, c->context_date, n < 7 ? n : 7) != 0;
}

/* Is body the key of a body whose seat is the city pl? */
static int body_seated_at(const rctx *c, const char *body, const char *pl)
{
    const char *seat = lia_rules_seat_of(c->r, body);
    return seat[0] && !strcmp(seat, pl);
}

/* Does who serve an organization seated in the city pl (NATO's secretary
 * general in Brussels, the Arab interior ministers' council's in Tunis),
 * by his title's body or, for a known official, a tenure of the story's
 * day?  He works there: meeting there is no visit. */
static int serves_body_seated_at(const rctx *c, const lia_mention *who, const char *pl)
{
    for (int b = 0; b < 3 && who->bodies[b]; b++)
        if (body_seated_at(c, who->bodies[b], pl))
            return 1;
    const lia_gaz_ref *g = who->key[0] ? lia_rules_lookup(c->r, who->key) : NULL;
    if (!g || g->kind != LIA_G_PERSON || !c->doc->date || !c->doc->date[0])
        return 0;
    const lia_official *o = &c->r->officials.v[g->index];
    for (size_t j = 0; j < o->n_roles; j++)
        if (date_covers(o->roles[j].start, o->roles[j].end, c->doc->date) && body_seated_at(c, o->roles[j].body, pl))
            return 1;
    return 0;
}

/* Is who named by a title of those posted abroad (an ambassador, a
 * representative), who meet where they live?  Advisers, envoys and other
 * members travel as ministers do. */
static int posted_abroad(const rctx *c, const lia_mention *who)
{
    if (who->title < 0)
        return 0;
    const char *id = c->r->titles.v[who->title].id;
    return !strcmp(id, "ambassador") || !strcmp(id, "representative");
}

/* Is mm a country named by its delegation ("الوفد السوري") in a headline
 * whose story names its members (persons of that country with an office,
 * heads of state aside)? */
static int delegation_of_named_members(const rctx *c, const lia_mention *mm)
{
    if (mm->type != LIA_T_COUNTRY || !mm->delegation || !is_headline(c, (size_t)c->t->tok[mm->first].sentence))
        return 0;
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (p->type == LIA_T_PERSON && !p->inner && p->key[0] && p->office[0] && !named_as_leader(p)
            && !strcmp(p->country, mm->key))
            return 1;
    }
    return 0;
}

/* Meeting or attending at pl (in country pc) means who travelled there,
 * when he is a person of another country: a visit added once the
 * relations are read.  An ambassador or a representative posted there
 * is not visiting. */
static void imply_visit(rctx *c, const lia_mention *who, const char *pl, const char *pc,
                        const char *when, size_t sentence)
{
    if (who->type == LIA_T_PERSON && who->country[0] && pc[0] && strcmp(pc, who->country) != 0
        && !posted_abroad(c, who) && !serves_body_seated_at(c, who, pl))
        VEC_PUSH(c->implied, ((implied_visit){
            lia_arena_strdup(c->implied_strings, who->key),
            lia_arena_strdup(c->implied_strings, pl),
            when ? lia_arena_strdup(c->implied_strings, when) : NULL,
            sentence, c->anchor }));
}

/* "وشهد المراسم X وY": an occasion of the story's own days (within three
 * of its date) that it names no event for, held where the sentence or the
 * story is; who came from abroad to attend it visited that place. */
static void attended_unnamed_occasion(rctx *c, const lia_mention *who, const char *place, const char *date,
                                      size_t sentence)
{
    const char *pl = place ? place : c->context_place;
    long day = date ? iso_day_number(date) : -1;
    long today = c->doc->date && c->doc->date[0] ? iso_day_number(c->doc->date) : -1;
    if (pl && day >= 0 && today >= 0 && labs(day - today) <= 3)
        imply_visit(c, who, pl, country_of_place(c, pl), date, sentence);
}

/* The latest person mention of key, or NULL. */
static const lia_mention *person_of_key(const rctx *c, const char *key)
{
    for (size_t k = c->m->mentions.n; k-- > 0;) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_PERSON && !strcmp(mm->key, key))
            return mm;
    }
    return NULL;
}

/* "التقى الوزراء المشاركين": a meeting with each person this document has
 * attending an event so far. */
static void met_attendees(rctx *c, const lia_rel_match *rm, const lia_pattern *p,
                          const lia_mention *am, const char *date, const char *place)
{
    VEC(char *) who = { 0 };
    int crowd_attended = 0;
    for (size_t k = 0; k < c->f->relations.n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "attended") == 0 && strcmp(r->source, c->doc->id) == 0) {
            VEC_PUSH(who, xstrdup(r->a));
            crowd_attended |= c->n_crowd > 1 && !strcmp(r->a, c->m->mentions.v[c->crowd[0]].key);
        }
    }
    /* A meeting with no name ("ترأس الاجتماع ... بمشاركة وزراء خارجية مصر
     * X، والأردن Y، ..."), or one whose first listed took part: the
     * persons last told acting together are its participants, but for
     * the host's own (his minister of state among them). */
    int from = who.n == 0 ? 0 : crowd_attended ? 1 : c->n_crowd;
    for (int k = from; k < c->n_crowd; k++) {
        const lia_mention *pm = &c->m->mentions.v[c->crowd[k]];
        if (!am->country[0] || strcmp(pm->country, am->country) != 0)
            VEC_PUSH(who, xstrdup(pm->key));
    }
    const char *pl = place ? place : c->context_place;
    for (size_t k = 0; k < who.n; k++) {
        add_relation(c, "met", am->key, who.v[k], date, pl, rm->sentence, p->id);
        /* Those received where the meeting was came there (unless the
         * place is only the story's and the time another). */
        const lia_mention *wm = pl && pattern_has_class(p, c->cls.receive)
                                && !(pl == c->context_place && background_date(c, date))
                                ? person_of_key(c, who.v[k]) : NULL;
        if (wm)
            imply_visit(c, wm, pl, country_of_place(c, pl), date, rm->sentence);
        free(who.v[k]);
    }
    VEC_FREE(who);
}

/* Whether the person of key was named with a minister's title before
 * mention q ("وزير الخارجية السعودي"، "نائب وزير الدفاع"), or as a
 * minister's counterpart ("نظيره الإيراني"); a secretary of state is of
 * minister's rank ("كاتب الدولة الأمريكي في الخارجية" in Maghreb news). */
static int named_minister_before(const rctx *c, const char *key, int q)
{
    for (int k = 0; k < q; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_PERSON && mm->role[0] && strcmp(mm->key, key) == 0
            && (strstr(mm->role, "وزير") || strstr(mm->role, "نظير") || strstr(mm->role, "كاتب الدولة")
                || strstr(mm->role, "كاتبة الدولة")))
            return 1;
    }
    return 0;
}

/* Was the person of that key named before mention q as a head of state
 * or government ("الرئيس التركي"، "العاهل الأردني"، "رئيس الوزراء")? */
static int named_leader_before(const rctx *c, const char *key, int q)
{
    for (int k = 0; k < q; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_PERSON && strcmp(mm->key, key) == 0 && (named_as_leader(mm) || heads_own_country(c, mm)))
            return 1;
    }
    return 0;
}

/* Is key one of the persons of mentions list[0..n)? */
static int named_among(const rctx *c, const int *list, int n, const char *key)
{
    for (int k = 0; k < n; k++)
        if (strcmp(c->m->mentions.v[list[k]].key, key) == 0)
            return 1;
    return 0;
}

/* "وقعته وزيرة خارجية الكونغو X ووزير خارجية رواندا Y ... وحضرها وزير
 * خارجية توغو Z ... واستقبل ترامب الوزيرين": when the last two named
 * (two[]), of two countries, never met, the two a dual stands for are
 * the latest pair of list (mentions, latest first) the document has
 * already seen meet, if any; two[] is left alone otherwise. */
static void pair_that_met(const rctx *c, const int *list, int n, int two[2])
{
    if (!strcmp(c->m->mentions.v[two[0]].country, c->m->mentions.v[two[1]].country))
        return;
    for (int k = 1; k < n; k++)
        for (int q = 0; q < k; q++)
            if (lia_facts_find_relation(c->f, "met", c->m->mentions.v[list[q]].key,
                                        c->m->mentions.v[list[k]].key, c->doc->id)) {
                two[0] = list[q];
                two[1] = list[k];
                return;
            }
}

static int delegation_leader(const rctx *c, int d);

/* "مع رئيسي الوفدين": the leaders of the two delegations last told before
 * mention si ("وفد عراقي يرأسه X، ووفد سوري برئاسة Y"), as mention
 * indexes into two[].  Returns 1, or 0 when fewer than two are known. */
static int heads_of_two_delegations(const rctx *c, int si, int two[2])
{
    int n = 0;
    for (int q = si - 1; q >= 0 && n < 2; q--) {
        int who = c->m->mentions.v[q].delegation ? delegation_leader(c, q) : -1;
        if (who >= 0 && !named_among(c, two, n, c->m->mentions.v[who].key))
            two[n++] = who;
    }
    return n == 2;
}

/* The two sides "الجانبان" at mention si stands for: the two persons of
 * two countries last named, in its paragraph or the one before ("الوزيران",
 * "الرئيسين": the two ministers or presidents last named, however far
 * back); mention indexes into two[].  received_by, when not NULL, is the
 * country of whom the two met ("استقبل واتارا الوزيرين"): the two are the
 * last named not of it, and may be of one country.  Returns 1, or 0 when
 * there are none. */
static int both_sides_of(const rctx *c, int si, const char *received_by, int two[2])
{
    const lia_mention *sides = &c->m->mentions.v[si];
    if (lia_lex_at(c->m, sides->first, c->cls.dual_delegation_heads))
        return heads_of_two_delegations(c, si, two);
    int para = c->t->tok[sides->first].paragraph;
    int ministers = lia_lex_at(c->m, sides->first, c->cls.dual_ministers);
    int leaders = lia_lex_at(c->m, sides->first, c->cls.dual_leaders);
    /* "استقبل الضيفين": the two last named not of the host's country. */
    int guests = lia_lex_at(c->m, sides->first, c->cls.dual_guests);
    const char *host = guests && c->context_place ? country_of_place(c, c->context_place) : NULL;
    if (guests && !host)
        return 0;
    /* "بكل منهما": each of the two named before its sentence. */
    int each = lia_lex_at(c->m, sides->first, c->cls.dual_each);
    /* The ministers or leaders named: a few of the last, to find a pair. */
    int cand[8], want = ministers || leaders ? 8 : 2;
    int n = 0;
    for (int q = si - 1; q >= 0 && n < want; q--) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (!ministers && !leaders && !guests && c->t->tok[mm->first].paragraph < para - 1)
            break;
        if (mm->inner || mm->type != LIA_T_PERSON || !mm->key[0] || mm->both_sides
            || (guests && (!mm->country[0] || !strcmp(mm->country, host)))
            || (received_by && !strcmp(mm->country, received_by))
            || (each && c->t->tok[mm->first].sentence == c->t->tok[sides->first].sentence))
            continue;
        if ((ministers && !named_minister_before(c, mm->key, si))
            || (leaders && !named_leader_before(c, mm->key, si)))
            continue;
        if (!named_among(c, cand, n, mm->key))
            cand[n++] = q;
    }
    if (n < 2)
        return 0;
    two[0] = cand[0];
    two[1] = cand[1];
    pair_that_met(c, cand, n, two);
    return c->m->mentions.v[two[0]].country[0] && c->m->mentions.v[two[1]].country[0]
           && (guests || each || received_by
               || strcmp(c->m->mentions.v[two[0]].country, c->m->mentions.v[two[1]].country) != 0);
}

/* "قام الوزيران بجولة ...، حيث التقيا Z": the two a "الوزيران" told
 * earlier in rm's sentence stands for, as the subjects of its dual verb,
 * into out.  Returns 2, or 0 when there is no such pair. */
static int dual_subject_before(const rctx *c, const lia_rel_match *rm, int *out)
{
    int two[2];
    for (size_t q = c->m->mentions.n; q-- > 0;) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (!mm->both_sides || mm->first >= rm->anchor
            || (size_t)c->t->tok[mm->first].sentence != rm->sentence)
            continue;
        if (!both_sides_of(c, (int)q, NULL, two))
            return 0;
        out[0] = two[1];
        out[1] = two[0];
        return 2;
    }
    return 0;
}

/* "واستقبل واتارا الوزيرين": a dual naming ministers or leaders (not
 * "الجانبان") told after a subject of a known country, as whom he met. */
static int received_dual(const rctx *c, const lia_mention *am, const lia_mention *bm)
{
    return am->country[0] && bm->first > am->first
           && (lia_lex_at(c->m, bm->first, c->cls.dual_ministers) || lia_lex_at(c->m, bm->first, c->cls.dual_leaders));
}

/* "وبحث الجانبان ...": a meeting of the two sides.  "الوزيران" are the
 * two ministers last named, however far back: a paragraph about their
 * envoys may come between. */
static void met_both_sides(rctx *c, const lia_rel_match *rm, const lia_pattern *p, int si)
{
    int two[2];
    if (!both_sides_of(c, si, NULL, two))
        return;
    /* "واطلع الضيفان بعد الاجتماع على ...": two guests of one country
     * came as one side, and did not meet each other. */
    if (lia_lex_at(c->m, c->m->mentions.v[si].first, c->cls.dual_guests)
        && !strcmp(c->m->mentions.v[two[0]].country, c->m->mentions.v[two[1]].country))
        return;
    c->anchor = rm->anchor;
    const char *date = sentence_date(c, rm->sentence);
    const char *place = sentence_place(c, rm->sentence, rm);
    add_relation(c, "met", c->m->mentions.v[two[1]].key, c->m->mentions.v[two[0]].key,
                 date ? date : c->context_date, place ? place : c->context_place, rm->sentence, p->id);
}

/* Is rm's first B of another country than the place of rm's sentence
 * (or of the story)? */
static int companion_not_host(rctx *c, const lia_rel_match *rm)
{
    c->anchor = rm->anchor;
    const char *place = sentence_place(c, rm->sentence, rm);
    if (!place)
        place = c->context_place;
    const char *cc = place ? country_of_place(c, place) : "";
    const char *bc = c->m->mentions.v[rm->b[0]].country;
    return cc[0] && bc[0] && strcmp(cc, bc) != 0;
}

/* How many elements of pattern p are of class cls. */
static int class_count(const lia_pattern *p, int cls)
{
    int n = 0;
    for (size_t e = 0; cls >= 0 && e < p->n_el; e++)
        n += p->el[e].kind == LIA_P_CLASS && p->el[e].cls == cls;
    return n;
}

static int pattern_has_class(const lia_pattern *p, int cls)
{
    for (size_t e = 0; cls >= 0 && e < p->n_el; e++)
        if (p->el[e].kind == LIA_P_CLASS && p->el[e].cls == cls)
            return 1;
    return 0;
}

/* Does pattern p hold the word (an entry key) as one of its elements? */
static int pattern_has_word(const lia_pattern *p, const char *word)
{
    for (size_t e = 0; e < p->n_el; e++)
        if (p->el[e].kind == LIA_P_WORD && !strcmp(p->el[e].word, word))
            return 1;
    return 0;
}

/* For a met rule naming a meeting of three or more ("في اجتماع ثلاثي")
 * that read one subject: whom another met rule at its trigger read as
 * that subject's objects, two or more, as *out's subjects.  Returns 1, or
 * 0 when there are none. */
static int trigger_objects(const rctx *c, const lia_rel_match *rm, lia_rel_match *out)
{
    if (!pattern_has_class(&c->r->patterns.v[rm->pattern], c->cls.meeting_kind_adj))
        return 0;
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om->anchor != rm->anchor || om->n_b < 2 || om->n_a < 1 || om->as[0] != rm->as[0]
            || !is_relation(&c->r->patterns.v[om->pattern], "met"))
            continue;
        *out = *rm;
        memcpy(out->as, om->b, (size_t)om->n_b * sizeof *om->b);
        out->n_a = om->n_b;
        out->a = om->b[0];
        return 1;
    }
    return 0;
}

/* The last meeting this document told (its last met relation), or NULL. */
static const lia_relation *last_meeting(const rctx *c)
{
    const lia_relation *last = NULL;
    for (size_t k = 0; k < c->f->relations.n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "met") == 0 && strcmp(r->source, c->doc->id) == 0)
            last = r;
    }
    return last;
}

/* "وحضر الجلسة X"، "وشارك في المشاورات X" in the story of event ev, no
 * meeting told yet: the session or the talks are the event's, and X
 * attended it, on its sentence's day and at the event's place. */
static void attended_session(rctx *c, const lia_rel_match *rm, const lia_mention *am, int ev)
{
    const char *event = c->m->mentions.v[ev].key;
    c->anchor = rm->anchor;
    c->args_end = args_end_of(c, rm);
    c->args_anchor = rm->anchor;
    const char *date = sentence_date(c, rm->sentence);
    const char *place = event_place(c, event);
    const char *when = date ? date : c->context_date;
    const char *pl = place ? place : c->context_place;
    add_relation(c, "attended", am->key, event, when, pl, rm->sentence, "attended.joined-session");
    /* Who came from another country to the session travelled there. */
    if (pl)
        imply_visit(c, am, pl, country_of_place(c, pl), when, rm->sentence);
}

/* "وشارك في الاجتماع من الجانب العراقي X": X met everyone of another
 * country in the meetings this document told of so far. */
static void met_joined(rctx *c, const lia_rel_match *rm, const lia_pattern *p, const lia_mention *am)
{
    const char *rule = p->id;
    int ev = current_event(c, rm->sentence);
    if (!am->key[0])
        return;
    /* Inside an event ("وحضر الجلسة الافتتاحية X") the session is the
     * event's: attending it is not meeting everyone. */
    if (ev >= 0) {
        if (!last_meeting(c) && pattern_has_class(p, c->cls.attend_verb) && am->type == LIA_T_PERSON)
            attended_session(c, rm, am, ev);
        return;
    }
    if (!am->country[0])
        return;
    /* The meeting just told: the last met relation and those of its
     * sentence at its place; it gives the date and place. */
    const lia_relation *last = last_meeting(c);
    if (!last) {
        /* No meeting told yet ("وصل X إلى طهران. وخلال اللقاء، أكد الرئيس
         * Y"): the meeting of the visit the story tells, with its subject. */
        const lia_mention *sm = c->subject >= 0 ? &c->m->mentions.v[c->subject] : NULL;
        if (sm && sm->key[0] && sm->country[0] && strcmp(sm->country, am->country) != 0
            && c->context_place && !strcmp(country_of_place(c, c->context_place), am->country)) {
            c->anchor = rm->anchor;
            c->args_end = args_end_of(c, rm);
            c->args_anchor = rm->anchor;
            const char *date = sentence_date(c, rm->sentence);
            add_relation(c, "met", am->key, sm->key, date ? date : c->context_date, c->context_place,
                         rm->sentence, rule);
        }
        return;
    }
    VEC(char *) others = { 0 };
    for (size_t k = 0; k < c->f->relations.n; k++) {
        const lia_relation *r = c->f->relations.v[k];
        if (strcmp(r->relation, "met") != 0 || strcmp(r->source, c->doc->id) != 0
            || strcmp(r->evidence, last->evidence) != 0 || strcmp(r->place, last->place) != 0)
            continue;
        const char *ends[2] = { r->a, r->b };
        for (int e = 0; e < 2; e++) {
            const lia_entity *x = lia_facts_find(c->f, ends[e]);
            if (x && strcmp(x->type, LIA_PERSON) == 0 && x->country[0]
                && strcmp(x->country, am->country) != 0)
                VEC_PUSH(others, xstrdup(x->key));
        }
    }
    c->anchor = rm->anchor;
    /* Copied where the document's strings live: add_relation keeps them
     * as the last meeting's day and place. */
    const char *date = last->date[0] ? lia_arena_strdup(c->m->strings, last->date) : NULL;
    const char *place = last->place[0] ? lia_arena_strdup(c->m->strings, last->place) : NULL;
    for (size_t k = 0; k < others.n; k++) {
        add_relation(c, "met", am->key, others.v[k], date, place, rm->sentence, rule);
        free(others.v[k]);
    }
    VEC_FREE(others);
}

/* "وعقد الوزراء ورئيسا الجهازين لقاءات منفصلة، كلٌّ مع نظيره": each
 * official named so far met the one of the other country holding the same
 * office of a body of the same kind, on the day and at the place of the
 * last meeting told. */
static void met_counterparts(rctx *c, const lia_rel_match *rm, const char *rule)
{
    const lia_relation *last = last_meeting(c);
    const char *date = last && last->date[0] ? lia_arena_strdup(c->m->strings, last->date) : NULL;
    const char *place = last && last->place[0] ? lia_arena_strdup(c->m->strings, last->place) : NULL;
    c->anchor = rm->anchor;
    for (size_t x = 0; x < c->m->mentions.n; x++) {
        const lia_mention *mx = &c->m->mentions.v[x];
        if (mx->first >= rm->anchor)
            break;
        if (mx->type != LIA_T_PERSON || mx->inner || !mx->key[0] || !mx->bodies[0])
            continue;
        for (size_t y = x + 1; y < c->m->mentions.n; y++) {
            const lia_mention *my = &c->m->mentions.v[y];
            if (my->first >= rm->anchor)
                break;
            if (my->type == LIA_T_PERSON && !my->inner && my->key[0] && my->bodies[0]
                && !strcmp(mx->office, my->office) && strcmp(mx->key, my->key) != 0
                && lia_rules_bodies_counterparts(c->r, mx->bodies[0], my->bodies[0]))
                add_relation(c, "met", mx->key, my->key, date, place, rm->sentence, rule);
        }
    }
}

/* "مع وفد سوري يرأسه X": the person leading delegation mention d, named
 * right after a word of class led_by in its sentence; or -1. */
static int delegation_leader_after(const rctx *c, int d);
static int delegation_members(const rctx *c, int d, int *out, int max);

/* Who led the delegation of mention d: named right after it ("وفد قطري
 * برئاسة X"), else anywhere in the document for that country's
 * delegation ("وترأس الوفد الأوكراني X"، "أما الوفد الروسي فترأسه Y"). */
static int delegation_leader(const rctx *c, int d)
{
    int who = delegation_leader_after(c, d);
    if (who >= 0)
        return who;
    const char *country = c->m->mentions.v[d].key;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *dm = &c->m->mentions.v[k];
        if ((int)k != d && dm->delegation && !strcmp(dm->key, country)
            && (who = delegation_leader_after(c, (int)k)) >= 0)
            return who;
    }
    /* "وترأس الوفد الأوكراني X": a rule that reads the leader of a
     * delegation, with that country's delegation between trigger and
     * leader. */
    int lead = c->cls.lead, delegation = c->cls.delegation;
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *rm = &c->m->rels.v[q];
        const lia_pattern *p = &c->r->patterns.v[rm->pattern];
        if (rm->a < 0 || !pattern_has_class(p, lead) || !pattern_has_class(p, delegation))
            continue;
        const lia_mention *am = &c->m->mentions.v[rm->a];
        for (size_t k = 0; k < c->m->mentions.n; k++) {
            const lia_mention *dm = &c->m->mentions.v[k];
            if (dm->delegation && !strcmp(dm->key, country) && dm->first >= rm->anchor
                && dm->last <= am->first && !strcmp(am->country, country))
                return rm->a;
        }
    }
    /* "وضم الوفد الأمريكي وزير الخارجية X ومستشار الأمن القومي Y": with
     * no leader told, the first member named stands for the delegation. */
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *dm = &c->m->mentions.v[k];
        int members[16];
        if (dm->delegation && !strcmp(dm->key, country) && delegation_members(c, (int)k, members, 16) > 0)
            return members[0];
    }
    return -1;
}

static int delegation_leader_after(const rctx *c, int d)
{
    int led_by = c->cls.led_by;
    const lia_mention *dm = &c->m->mentions.v[d];
    int sent = c->t->tok[dm->first].sentence;
    for (size_t j = dm->last; led_by >= 0 && j < c->t->n && j < dm->last + 4; j++) {
        if (c->t->tok[j].sentence != sent)
            break;
        int l = lia_lex_at(c->m, j, led_by);
        if (!l)
            continue;
        for (size_t q = 0; q < c->m->mentions.n; q++) {
            const lia_mention *pm = &c->m->mentions.v[q];
            if (pm->type == LIA_T_PERSON && !pm->inner && pm->key[0] && pm->first >= j + (size_t)l
                && pm->first <= j + (size_t)l + 2)
                return (int)q;
        }
        break;
    }
    return -1;
}

/* The persons delegation mention d includes, listed right after it
 * ("وفداً تركياً رفيع المستوى ضم وزير الخارجية X ووزير الدفاع Y"): at
 * most max into out; returns how many. */
static int delegation_members(const rctx *c, int d, int *out, int max)
{
    int includes = c->cls.includes;
    const lia_mention *dm = &c->m->mentions.v[d];
    int sent = c->t->tok[dm->first].sentence;
    /* "وضم الوفد الأمريكي X وY": the verb before the delegation. */
    int before = dm->first > 0 && includes >= 0 && c->t->tok[dm->first - 1].sentence == sent
                 && lia_lex_at(c->m, dm->first - 1, includes) == 1;
    for (size_t j = dm->last; includes >= 0 && j < c->t->n && j < dm->last + 4; j++) {
        if (c->t->tok[j].sentence != sent || (c->m->mention_at[j] && !before))
            break;
        int l = before ? 0 : lia_lex_at(c->m, j, includes);
        if (!l && !before)
            continue;
        int n = 0;
        size_t next = j + (size_t)l;
        for (size_t q = 0; q < c->m->mentions.n && n < max; q++) {
            const lia_mention *pm = &c->m->mentions.v[q];
            if (pm->inner || pm->first < next)
                continue;
            if (pm->type != LIA_T_PERSON || !pm->key[0] || pm->first > next + 1)
                break;
            out[n++] = (int)q;
            next = pm->last;        /* the next right after, or past "،" */
        }
        return n;
    }
    return 0;
}

/* The last person of country cc named before mention k whose sentence
 * then says he leads a delegation ("X، الذي يقوم بزيارة إلى الجزائر على
 * رأس وفد عسكري"), or -1. */
static int delegation_head_before(const rctx *c, size_t k, const char *cc)
{
    for (size_t q = k; q-- > 0;) {
        const lia_mention *p = &c->m->mentions.v[q];
        if (!named_person_of(p, cc))
            continue;
        const lia_sentence *se = &c->t->sent[c->t->tok[p->first].sentence];
        for (size_t j = p->last; j + 1 < se->last && j < p->last + 20; j++)
            if (lia_lex_at(c->m, j, c->cls.lead) && lia_lex_at(c->m, j + 1, c->cls.delegation))
                return (int)q;
    }
    return -1;
}

/* Who led a delegation of country mention mi's country: named after
 * any mention of that country ("والإيراني برئاسة X"), or -1. */
static int country_delegation_leader(const rctx *c, int mi)
{
    int who = delegation_leader(c, mi);
    const char *country = c->m->mentions.v[mi].key;
    for (size_t k = 0; who < 0 && k < c->m->mentions.n; k++) {
        const lia_mention *cm = &c->m->mentions.v[k];
        if (cm->type == LIA_T_COUNTRY && !strcmp(cm->key, country))
            who = delegation_leader_after(c, (int)k);
    }
    return who;
}

/* "عقد رؤساء الوفود الروسي والإيراني والتركي اجتماعا"، "رئيسا الوفدين
 * الروسي والصيني": a list of delegations (or countries: "وزراء خارجية مصر
 * والأردن") after a plural or dual title stands for their leaders (their
 * officials the story names).  Fills out with rm's A list so mapped, those
 * with none dropped. */
static int heads_of_delegations(const rctx *c, const lia_rel_match *rm, lia_rel_match *out)
{
    const lia_mention *first = &c->m->mentions.v[rm->as[0]];
    int officials_of = c->cls.officials_of, dual = c->cls.dual_officials;
    int titled = 0;
    for (size_t i = first->first; i > 0 && i + 3 > first->first; i--)
        titled |= lia_lex_at(c->m, i - 1, officials_of) || lia_lex_at(c->m, i - 1, dual);
    if (first->type != LIA_T_COUNTRY || !titled)
        return 0;
    *out = *rm;
    out->n_a = 0;
    for (int k = 0; k < rm->n_a; k++) {
        const lia_mention *am = &c->m->mentions.v[rm->as[k]];
        int who = am->type != LIA_T_COUNTRY ? rm->as[k]
                  : am->delegation ? country_delegation_leader(c, rm->as[k])
                  : official_of_country(c, am->key);
        if (who >= 0)
            out->as[out->n_a++] = who;
    }
    out->a = out->n_a ? out->as[0] : -1;
    return 1;
}

/* The headline's relations the story left undated take its date. */
static void date_headline_relations(rctx *c)
{
    for (size_t k = 0; k < c->headline_undated.n && c->context_date; k++) {
        lia_facts_date_relation(c->f, c->headline_undated.v[k], c->context_date);
    }
    VEC_FREE(c->headline_undated);
    VEC_FREE(c->headline_told);
}

/* "وانطلقت المباحثات الموسعة بين الوفدين، بمشاركة X": does sentence s
 * name talks between parties (a meeting word that is no event's name, "بين"
 * close after it) before token before, with no event named before it? */
static int talks_between_before(const rctx *c, size_t s, size_t before)
{
    int talks = 0;
    for (size_t i = c->t->sent[s].first; i < before && i < c->m->n_tok; i++) {
        int named = c->m->mention_at[i];
        if (named && c->m->mentions.v[named - 1].type == LIA_T_EVENT)
            return 0;
        if (named || !lia_lex_at(c->m, i, c->cls.met_noun))
            continue;
        for (size_t k = i + 1; k <= i + 3 && k < before; k++)
            talks |= lia_token_matches(&c->t->tok[k], "بين");
    }
    return talks;
}

/* Does sentence s tell a meeting (a met match) before token before?  Not
 * one read from who came along ("يرافقه X"): that is no meeting told. */
static int met_in_sentence(const rctx *c, size_t s, size_t before)
{
    int accompany = c->cls.accompany;
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_pattern *p = &c->r->patterns.v[c->m->rels.v[o].pattern];
        size_t at = c->m->rels.v[o].anchor;
        if (c->m->rels.v[o].sentence != s || at >= before || !is_relation(p, "met")
            || pattern_has_class(p, accompany))
            continue;
        /* "شارك X في جلسة مع Y، فيما ترأس Z الجلسة الختامية": a meeting
         * of another clause. */
        if (before < c->t->sent[s].last && clause_of(c, s, at) != clause_of(c, s, before))
            continue;
        /* "في ختام «اجتماع جدة» الذي شارك فيه X": the meeting word names
         * the event itself, no meeting of its own inside it. */
        int named = at < c->m->n_tok ? c->m->mention_at[at] : 0;
        if (named && c->m->mentions.v[named - 1].type == LIA_T_EVENT)
            continue;
        /* "ترأس الوفد الفلسطيني X، في حين ضم الوفد الإسرائيلي Y": two
         * delegations at one table meet at the event, in no meeting of
         * their own. */
        if (class_count(p, c->cls.delegation) >= 2)
            continue;
        return 1;
    }
    return 0;
}

static int counted_group(const rctx *c, int k, int *out);

static void relation_pairs(rctx *c, const lia_rel_match *rm, const lia_pattern *p, int ai);

/* rm's relations of subject ai with each of the n mentions objs stands
 * for ("الوزيرين"، "الوزراء الثلاثة"، a delegation's members), one by one. */
static void pairs_with_each(rctx *c, const lia_rel_match *rm, const lia_pattern *p, int ai,
                            const int *objs, int n)
{
    for (int g = 0; g < n; g++) {
        lia_rel_match with_b = *rm;
        with_b.b[0] = objs[g];
        with_b.n_b = 1;
        relation_pairs(c, &with_b, p, ai);
    }
}

/* "ووصل X وY ...، بينما كان Z آخر الواصلين، وأجرى شي محادثات منفصلة
 * مع كل منهم": the persons named before rm's trigger in its sentence,
 * but who (mention), are "each of them" a few words after the trigger
 * and who.
 * Sets out[] (at most max) and returns how many, or 0. */
static int each_of_them(const rctx *c, const lia_rel_match *rm, int who, int *out, int max)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    size_t from = c->m->mentions.v[who].last > rm->anchor ? c->m->mentions.v[who].last : rm->anchor + 1;
    int each = 0;
    for (size_t k = from; k + 1 < se->last && k < from + 5 && !each; k++)
        each = lia_token_matches(&c->t->tok[k], "كل") && lia_token_matches(&c->t->tok[k + 1], "منهم");
    int n = 0;
    for (size_t q = 0; each && q < c->m->mentions.n && n < max; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first >= rm->anchor)
            break;
        if (mm->first >= se->first && !mm->inner && mm->type == LIA_T_PERSON && mm->key[0] && (int)q != who
            && strcmp(mm->key, c->m->mentions.v[who].key) != 0)
            out[n++] = (int)q;
    }
    return n;
}

/* Does rm's sentence tell a reception before its trigger ("حيث كان في
 * استقباله X، يرافقه ...")? */
static int reception_before(const rctx *c, const lia_rel_match *rm)
{
    size_t first = c->t->sent[rm->sentence].first;
    return class_between(c, first, rm->anchor, c->cls.receive)
           || class_between(c, first, rm->anchor, c->cls.receive_noun);
}

/* "وصلوا"، "زاروا": a past verb of a plural subject (ending in وا). */
static int plural_past_verb(const lia_token *tk)
{
    size_t n = strlen(tk->norm);
    return n > 6 && strcmp(tk->norm + n - 4, "وا") == 0;
}

/* Do a and b hold the same office in bodies of one kind of two countries
 * (two foreign ministers, two intelligence chiefs)? */
static int counterparts(const rctx *c, const lia_mention *a, const lia_mention *b)
{
    return a->bodies[0] && b->bodies[0] && !strcmp(a->office, b->office)
           && lia_rules_bodies_counterparts(c->r, a->bodies[0], b->bodies[0]);
}

/* "مع نظرائهم السوريين: وزير الخارجية X ووزير الدفاع Y": are rm's objects
 * listed after a colon that closes "their counterparts"?  Each subject
 * then met his own.  So after a comma: "مع نظيريهما التونسيين، وزير
 * الشؤون الخارجية X ووزير الداخلية Y". */
static int counterparts_listed(const rctx *c, const lia_rel_match *rm)
{
    if (rm->n_b < 2)
        return 0;
    /* (The counterparts' own mention may open the list.) */
    int opens = rm->n_b > 2 && lia_lex_at(c->m, c->m->mentions.v[rm->b[0]].first, c->cls.counterpart);
    size_t f = c->m->mentions.v[rm->b[opens]].first;
    if (f < 2 || c->t->tok[f - 1].kind != LIA_TOK_PUNCT
        || (strcmp(c->t->tok[f - 1].norm, ":") != 0 && strcmp(c->t->tok[f - 1].norm, ",") != 0))
        return 0;
    for (size_t k = f - 1; k-- > 0 && k + 4 >= f;)
        if (lia_lex_at(c->m, k, c->cls.counterpart))
            return 1;
    return 0;
}

/* The index among bs[0..n) of am's counterpart, or -1. */
static int own_counterpart(const rctx *c, const lia_mention *am, const int *bs, int n)
{
    for (int k = 0; k < n; k++)
        if (counterparts(c, am, &c->m->mentions.v[bs[k]]))
            return k;
    return -1;
}

/* The relations of one pattern match for one subject mention ai. */
static void relation_pairs(rctx *c, const lia_rel_match *rm, const lia_pattern *p, int ai)
{
    if (ai < 0 || !c->m->mentions.v[ai].key[0])
        return;
    /* "التقى الوفد العراقي X": the delegation of the person the text is
     * about meets through him. */
    if (is_relation(p, "met") && c->m->mentions.v[ai].delegation) {
        int leader = delegation_leader(c, ai);
        /* ... else the story's subject of that country; else one of that
         * country told before to lead a delegation ("قائد أفريكوم ... على
         * رأس وفد عسكري ... عقد الوفد الأمريكي لقاءات مع X"). */
        int head = leader < 0 ? delegation_head_before(c, (size_t)ai, c->m->mentions.v[ai].key) : -1;
        if (leader >= 0)
            ai = leader;
        else if (c->subject >= 0 && !strcmp(c->m->mentions.v[c->subject].country, c->m->mentions.v[ai].key))
            ai = c->subject;
        else if (head >= 0)
            ai = head;
    }
    const lia_mention *am = &c->m->mentions.v[ai];
    c->anchor = rm->anchor;
    c->args_end = args_end_of(c, rm);
    c->args_anchor = rm->anchor;
    /* A headline's date is the body's to tell: "الشرع يستقبل فيدان ...
     * واتفاق العاشر من آذار على الطاولة" names an agreement's day. */
    const char *date = is_headline(c, rm->sentence) ? NULL : sentence_date(c, rm->sentence);
    int dated_here = date != NULL;
    /* "... حيث التقى يوم الأربعاء X. كما استقبله Y": a sentence that goes
     * on with the one before takes the day of the meeting it told. */
    int goes_on = goes_on_sentence(c, rm->sentence) && c->met_sent == rm->sentence;
    if (!date && goes_on)
        date = c->met_date;
    /* "واستقبله X في ختام تلك الزيارة": the day of the occasion the
     * sentence before told. */
    /* (Not a day to come it told: "... على أمل إبرامها قبل نهاية 2024.
     * وفي اليوم التالي انتقل X إلى أبوظبي".) */
    if (!date && (day_of_sentence_before(c, rm->sentence) || airport_reception_after_arrival(c, rm->sentence))) {
        date = sentence_date(c, rm->sentence - 1);
        if (date_to_come(c, date))
            date = NULL;
    }
    /* A headline's relation without a date of its own waits for the
     * story's telling of it ("باتروشيف في طهران.. مباحثات مع شمخاني"):
     * dated at the end only if the body leaves it undated. */
    if (!date && !is_relation(p, "heads") && !is_headline(c, rm->sentence))
        date = c->context_date;
    if (is_relation(p, "heads"))
        date = NULL;
    if (planned_date(c, date))
        return;
    const char *place = NULL;
    if (is_relation(p, "met") || is_relation(p, "attended"))
        place = sentence_place(c, rm->sentence, rm);
    int nb = rm->n_b;
    int bs[17];
    memcpy(bs, rm->b, sizeof rm->b);
    if (nb == 0 && is_relation(p, "attended")) {
        /* "استقبله الرئيس ... بحضور X": X sat in that meeting, which is
         * not the event the story is about. */
        /* Not so "X ... فيما ترأس الوفد الأمريكي Y": who led a delegation
         * was at the event. */
        int led_delegation = pattern_has_class(p, c->cls.lead)
                             && pattern_has_class(p, c->cls.delegation);
        /* "كلفها بترؤس وفد بلاده في اتصال هاتفي مع X": one named after
         * "مع" is whom someone spoke with, not who led the delegation. */
        if (led_delegation && am->first > rm->anchor && lia_lex_at(c->m, am->first - 1, c->cls.with))
            return;
        /* Nor "استقبل X المشاركين في الاجتماع، ومن بينهم Y": who is named
         * among the participants received took part in the event. */
        int among_received = pattern_has_class(p, c->cls.receive) && pattern_has_class(p, c->cls.among);
        int sat_in_meeting = !led_delegation && !among_received
                             && (met_in_sentence(c, rm->sentence, rm->anchor)
                                 || talks_between_before(c, rm->sentence, rm->anchor));
        /* ... unless the sentence opened on the event, the meeting
         * inside it: "عقب الاجتماع الرابع للآلية الأمنية، الذي ترأسه X
         * ونظيره Y، بمشاركة Z" (not "استقبل X نظراءه القادمين للمشاركة في
         * الدورة، بحضور Z": Z sat in the reception). */
        int ev = event_before_trigger(c, rm->sentence, rm->anchor, am->last);
        const lia_mention *em = ev >= 0 ? &c->m->mentions.v[ev] : NULL;
        int named_here = em && c->t->tok[em->first].sentence == (int)rm->sentence && em->first < rm->anchor
                         && pattern_has_class(p, c->cls.attend_noun)
                         && !met_in_sentence(c, rm->sentence, em->first);
        /* ... nor when the pronoun stands for the event named right
         * before it: "استقبل X Y بالتزامن مع انعقاد الحوار ... الذي
         * احتضنته العاصمة، وشارك فيه Y". */
        named_here |= em && c->t->tok[em->first].sentence == (int)rm->sentence && em->last <= rm->anchor
                      && rm->anchor <= em->last + 5 && pattern_has_class(p, c->cls.attend_pron);
        if ((sat_in_meeting && !named_here) || chaired_reception(c, am) || unnamed_occasion_before(c, rm->anchor))
            ev = -1;
        if (ev >= 0)
            bs[nb++] = ev;
    }
    /* "يرافقها رئيس الشرطة X": A went on the visit its sentence told
     * ("زار تركيا ...، حين حضر معرضا في إسطنبول، وتجول برفقة X"), else
     * the one the document told (not when the sentence tells an earlier
     * occasion: "وتجول في أجنحته برفقة X" of a visit months before). */
    /* (An ambassador who accompanies his country's visitor, "يرافقه سفير
     * المملكة المتحدة X", is posted there: no visit.) */
    if (nb == 0 && is_relation(p, "visited")) {
        if (pattern_has_class(p, c->cls.accompany) && ambassador_title(c, am))
            return;
        const char *place = place_visited_before(c, rm->sentence, rm->anchor);
        if (!place && !(dated_here && background_date(c, date)))
            place = c->context_place;
        if (place)
            add_visit(c, am->key, place, date, rm->sentence, p->id);
        return;
    }
    int officials_of = nb > 0 && is_relation(p, "met") && countries_officials(c, bs[0]);
    int own = is_relation(p, "met") && counterparts_listed(c, rm) ? own_counterpart(c, am, bs, nb) : -1;
    if (own >= 0) {
        bs[0] = bs[own];
        nb = 1;
    }
    for (int k = 0; k < nb; k++) {
        /* A delegation with its members named ("وفداً تركياً رفيع المستوى
         * ضم X وY وZ") meets through each of them; one with its leader
         * named, through him. */
        int members[16], n_members;
        if (is_relation(p, "met") && c->m->mentions.v[bs[k]].delegation
            && (n_members = delegation_members(c, bs[k], members, 16)) > 0) {
            pairs_with_each(c, rm, p, ai, members, n_members);
            continue;
        }
        /* "مع وفد من حركة حماس برئاسة X": an organization's delegation
         * meets through whom it is led by. */
        int org_leader = is_relation(p, "met") && c->m->mentions.v[bs[k]].type == LIA_T_ORG
                         ? delegation_leader_after(c, bs[k]) : -1;
        if (org_leader >= 0)
            bs[k] = org_leader;
        if (is_relation(p, "met") && c->m->mentions.v[bs[k]].delegation) {
            int leader = delegation_leader(c, bs[k]);
            /* ... or the one of that country told before to lead a
             * delegation ("X، الذي يزور المملكة على رأس وفد ... كما استقبل
             * Y الوفد السوري"). */
            if (leader < 0)
                leader = delegation_head_before(c, (size_t)bs[k], c->m->mentions.v[bs[k]].key);
            if (leader >= 0)
                bs[k] = leader;
        }
        /* "مع وزراء خارجية الإمارات والبحرين": each country's official
         * the document names, else nobody. */
        if (officials_of && c->m->mentions.v[bs[k]].type == LIA_T_COUNTRY) {
            int who = official_of_country(c, c->m->mentions.v[bs[k]].key);
            if (who < 0)
                continue;
            bs[k] = who;
        }
        const lia_mention *bm = &c->m->mentions.v[bs[k]];
        /* "استقبل X الوزير Y لدى وصوله ...، قادما من إسرائيل": where the
         * guest came from is no party to the meeting. */
        if (is_relation(p, "met") && bm->type == LIA_T_COUNTRY && came_from(c, bm))
            continue;
        /* Who came along with a visitor met him only as his host, of
         * another country. */
        if (is_relation(p, "met") && pattern_has_class(p, c->cls.accompany)
            && (!am->country[0] || !bm->country[0] || !strcmp(am->country, bm->country))) {
            /* "حيث كان في استقباله X، يرافقه Y وZ": the host's own people
             * came along with him, and met the visitor the story follows. */
            const lia_mention *sm = c->subject >= 0 ? &c->m->mentions.v[c->subject] : NULL;
            if (sm && am->country[0] && !strcmp(am->country, bm->country) && sm->country[0]
                && strcmp(sm->country, bm->country) != 0 && rm->a < 0 && bm->member
                && reception_before(c, rm))
                pairs_with_each(c, rm, p, c->subject, &bs[k], 1);
            continue;
        }
        if (bm->group && is_relation(p, "met")) {
            met_attendees(c, rm, p, am, date, place);
            continue;
        }
        /* "واستقبل ترامب الوزيرين": each of the two sides. */
        int two[2];
        if (bm->both_sides && rm->a >= 0 && is_relation(p, "met") && both_sides_of(c, bs[k], received_dual(c, am, bm) ? am->country : NULL, two)) {
            pairs_with_each(c, rm, p, ai, two, 2);
            continue;
        }
        /* "استقبل الرئيس الوزراء الثلاثة": each of the three named before. */
        if (bm->counted && is_relation(p, "met")) {
            int group[16], ng = counted_group(c, bs[k], group);
            pairs_with_each(c, rm, p, ai, group, ng);
            continue;
        }
        if (!bm->key[0]) {
            if (is_relation(p, "attended") && bm->type == LIA_T_EVENT && pattern_has_class(p, c->cls.attend_verb))
                attended_unnamed_occasion(c, am, place, date, rm->sentence);
            continue;
        }
        /* "احتضنت الجزائر اجتماعا تشاوريا ... قبل القمة العربية". */
        if (bm->type == LIA_T_EVENT && ahead_event(c, bm))
            continue;
        /* "وتأتي في ظرف يشهد تحركات ...، بعد أشهر من احتضان برلين مؤتمرا
         * دوليا": an event that a hosting verb between has for its object
         * is not what the attendance verb before it took part in. */
        if (is_relation(p, "attended") && bm->type == LIA_T_EVENT && bm->first > rm->anchor
            && class_between(c, rm->anchor + 1, bm->first, c->cls.host_verb_plain))
            continue;
        if (is_relation(p, "met") && (own_side(c, am, bm) || own_side(c, bm, am)))
            continue;
        /* Countries and bodies do not meet one another; persons do, and
         * delegations through their leaders ("مفاوضات بين الوفدين الروسي
         * والأوكراني"). */
        if (is_relation(p, "met") && am->type != LIA_T_PERSON && bm->type != LIA_T_PERSON)
            continue;
        /* ... and an organization as such ("بحث X مع وفد من التحالف
         * الدولي") is no party: its envoy who led the talks is, when
         * named. */
        if (is_relation(p, "met") && (am->type == LIA_T_ORG || bm->type == LIA_T_ORG))
            continue;
        /* "يستقبل الوفد السوري" when the story names who the delegation
         * was made of: the meeting is with them, not with the country. */
        if (is_relation(p, "met") && (delegation_of_named_members(c, am) || delegation_of_named_members(c, bm)))
            continue;
        const char *pl = place;
        if (is_relation(p, "attended")) {
            const char *ep = city_hosting_in_sentence(c, rm->sentence, bm->key);
            if (!ep)
                ep = event_place(c, bm->key);
            if (ep)
                pl = ep;
        }
        /* "على هامش أشغال الجمعية العامة للإنتربول، عقد X لقاءات": a
         * meeting on the margins of an event is where that event was (or
         * nowhere known), not where the story was filed. */
        /* ... even where the story's visit seemed to place it ("وتأتي
         * زيارة X بعد شهرين من لقاء جمع Y وZ على هامش القمة التي
         * استضافتها مدينة W"), when the text said where the event was and
         * the sentence names no place of its own. */
        int margin_event = -1, margin = c->cls.margin;
        int on_its_margin = pattern_has_class(p, c->cls.margin_pron);
        int placed_here = pl != NULL && !on_its_margin;
        for (size_t k2 = 0; k2 < c->m->mentions.n && is_relation(p, "met"); k2++) {
            const lia_mention *em = &c->m->mentions.v[k2];
            if (em->type == LIA_T_EVENT && em->key[0] && !em->inner && em->first > 0
                && (size_t)c->t->tok[em->first].sentence == rm->sentence
                && (lia_lex_at(c->m, em->first - 1, margin)
                    || (em->first > 1 && lia_lex_at(c->m, em->first - 2, margin))))
                margin_event = (int)k2;
            /* "شارك في قمة جدة ...، والتقى على هامشها X": the event told
             * before the trigger in its sentence. */
            if (em->type == LIA_T_EVENT && em->key[0] && !em->inner && em->first < rm->anchor
                && (size_t)c->t->tok[em->first].sentence == rm->sentence && on_its_margin)
                margin_event = (int)k2;
        }
        if (on_its_margin && margin_event < 0)
            pl = NULL;          /* the sidelines of an event not named */
        if (margin_event >= 0) {
            const char *ek = c->m->mentions.v[margin_event].key;
            const char *ep = city_hosting_in_sentence(c, rm->sentence, ek);
            if (!ep)
                ep = event_place(c, ek);
            if (!placed_here || (ep && !named_in_sentence(c, pl, rm->sentence)))
                pl = ep;
            /* The story's own event (the first named) is held where the
             * story is; not one told as background ("قمة جدة التي شارك
             * فيها ...، والتقى على هامشها"): unknown when not known. */
            for (size_t k2 = 0; !pl && !on_its_margin && k2 < c->m->mentions.n; k2++) {
                const lia_mention *em = &c->m->mentions.v[k2];
                if (em->type == LIA_T_EVENT && em->key[0] && !em->inner) {
                    if (!strcmp(em->key, ek))
                        pl = c->context_place;
                    break;
                }
            }
        } else if (!pl && (is_relation(p, "met") || is_relation(p, "attended")))
            pl = c->context_place;
        if (pl && pl == c->context_place && is_relation(p, "attended") && held_elsewhere(c, bm->key, pl))
            pl = NULL;
        const char *when = attendance_date(c, p, bm, date, dated_here);
        if (is_relation(p, "visited")) {
            /* Where one came from is no visit, unless the sentence goes on
             * to say he visited it ("قادما من أبوظبي، التي زارها"). */
            const char *city = pattern_has_class(p, c->cls.delegation) && pattern_has_class(p, c->cls.led_by)
                               ? dateline_city_in(c, rm->sentence, bm) : NULL;
            if (!came_from(c, bm) || pattern_has_class(p, c->cls.visited_it))
                add_visit(c, am->key, city ? city : bm->key, date, rm->sentence, p->id);
        }
        else
            add_relation(c, p->relation, am->key, bm->key, when, pl, rm->sentence, p->id);
        if (is_relation(p, "attended"))
            hosted_where_linked(c, rm, bm, when);
        if (pl && place && !strcmp(pl, place))
            note_attended_here(c, p, bm, pl, when, rm->sentence);
        /* Meeting or attending abroad means having travelled there: for
         * every person of the meeting whose country is not the place's. */
        /* ... not when the place is only the story's and the time another
         * ("القمة التي عقدت في أغسطس من العام الماضي"). */
        if ((is_relation(p, "met") || is_relation(p, "attended")) && pl
            && !(pl == c->context_place && background_date(c, date))) {
            const char *pc = country_of_place(c, pl);
            const lia_mention *side[2] = { am, is_relation(p, "met") ? bm : NULL };
            /* Who received the other ("استقبل A B"، "استقبله B") is at home. */
            if (pattern_has_class(p, c->cls.receive))
                side[0] = NULL;
            if (pattern_has_class(p, c->cls.receive_pron))
                side[1] = NULL;
            /* ... and so is who "كان في استقبال" the guest on arrival. */
            if (pattern_has_word(p, "استقبال"))
                side[1] = NULL;
            for (int q = 0; q < 2; q++)
                if (side[q])
                    imply_visit(c, side[q], pl, pc, when, rm->sentence);
        }
    }
}

/* "وكان في استقبال الضيوف X وY": a reception whose guest goes unnamed,
 * every receiver of the country of the story's subject (the host king,
 * not a visitor): they received others, not him.  Is rm such, for the
 * subject subj standing in for its missing A? */
static int receivers_of_own_side(const rctx *c, const lia_pattern *p, const lia_rel_match *rm, int subj)
{
    const char *own = c->m->mentions.v[subj].country;
    if (!pattern_has_word(p, "استقبال") || rm->n_b == 0 || !own[0])
        return 0;
    for (int k = 0; k < rm->n_b; k++)
        if (strcmp(c->m->mentions.v[rm->b[k]].country, own) != 0)
            return 0;
    return 1;
}

/* An agency named inside its child's name is its parent: part_of. */
static void part_of_from_names(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->parent_of && mm->key[0])
            add_relation(c, "part_of", mm->parent_of, mm->key, NULL, NULL,
                         (size_t)c->t->tok[mm->first].sentence, "part_of.name");
    }
}

/* Does a counterpart word ("نظيره") open token i? */
static int counterpart_at(const rctx *c, size_t i)
{
    int counterpart = c->cls.counterpart;
    return counterpart >= 0 && lia_lex_at(c->m, i, counterpart);
}

/* Do all of om's objects stand for its subject ("والتقى ... أحمد الشرع
 * ... تلبية لدعوة كان الأخير قد وجهها": the subject read there, and "الأخير"
 * him again)?  Then om tells no meeting. */
static int objects_are_subject(const rctx *c, const lia_rel_match *om)
{
    const char *a = c->m->mentions.v[om->a].key;
    if (om->n_b == 0 || !a[0])
        return 0;
    for (int k = 0; k < om->n_b; k++)
        if (strcmp(c->m->mentions.v[om->b[k]].key, a) != 0)
            return 0;
    return 1;
}

/* Did match om only split rm's objects into a subject and the rest
 * ("حين التقى X وY" read as X meeting Y)? */
static int reads_objects_as_subject(const lia_rel_match *om, const lia_rel_match *rm)
{
    if (rm->n_b == 0 || om->a != rm->b[0])
        return 0;
    for (int k = 0; k < om->n_b; k++) {
        int in_rm = 0;
        for (int l = 0; l < rm->n_b; l++)
            in_rm |= om->b[k] == rm->b[l];
        if (!in_rm)
            return 0;
    }
    return 1;
}

/* Are the n mentions of list persons named, as many as want (any number
 * from two when want is 0), of ref's country if it tells one? */
static int counted_persons(const rctx *c, const lia_mention *ref, const int *list, int n, int want)
{
    if (n < 2 || (want && n != want))
        return 0;
    for (int a = 0; a < n; a++) {
        const lia_mention *mm = &c->m->mentions.v[list[a]];
        if (mm->type != LIA_T_PERSON || !mm->key[0] || (ref->country[0] && strcmp(ref->country, mm->country) != 0))
            return 0;
    }
    return 1;
}

/* The last two ministers of country cc named before mention k, into
 * out[0..2); returns how many were found. */
static int ministers_named_before(const rctx *c, int k, const char *cc, int *out)
{
    int n = 0;
    for (int q = k - 1; q >= 0 && n < 2; q--) {
        const lia_mention *pm = &c->m->mentions.v[q];
        if (!named_person_of(pm, cc) || pm->title < 0 || strcmp(c->r->titles.v[pm->title].id, "minister") != 0)
            continue;
        if (n == 0 || strcmp(c->m->mentions.v[out[0]].key, pm->key) != 0)
            out[n++] = q;
    }
    return n;
}

/* The persons "الوزراء الثلاثة" (mention k) stands for, into out (at most
 * 16): a rule's list of subjects before it ("عقد X وY وZ اجتماعا"), else a
 * sentence that named that many of one country ("وفد يقوده X ويضم Y وZ"),
 * the nearest with that many.  Returns how many, 0 when none fits. */
static int counted_group(const rctx *c, int k, int *out)
{
    const lia_mention *ref = &c->m->mentions.v[k];
    int want = ref->counted;
    size_t best_at = 0;
    int n = 0;
    /* "الوزيرين السوريين": the two ministers of that country last named. */
    if (want == 2 && ref->country[0] && lia_lex_at(c->m, ref->first, c->cls.dual_ministers)
        && (n = ministers_named_before(c, k, ref->country, out)) == 2)
        return n;
    n = 0;
    /* "وزراء خارجية البلدان الثلاثة، وهم X، وY، وZ": named right after. */
    int among = c->cls.among;
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *om = &c->m->rels.v[q];
        if ((int)om->sentence != c->t->tok[ref->first].sentence || om->n_b < 2 || (want && om->n_b != want)
            || c->m->mentions.v[om->b[0]].first < ref->last
            || !pattern_has_class(&c->r->patterns.v[om->pattern], among))
            continue;
        for (int b = 0; b < om->n_b; b++)
            if (c->m->mentions.v[om->b[b]].type == LIA_T_PERSON && c->m->mentions.v[om->b[b]].key[0])
                out[n++] = om->b[b];
        if (n)
            return n;
    }
    /* The subjects of a relation told before; or, when the count says how
     * many, its objects ("استقبل الملك ... X وY وZ"، then "الوزراء
     * الثلاثة"). */
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *om = &c->m->rels.v[q];
        if (om->anchor >= ref->first || om->anchor < best_at)
            continue;
        const int *list = om->as;
        int nl = om->n_a;
        if (!counted_persons(c, ref, list, nl, want)) {
            list = om->b;
            nl = om->n_b;
            if (!want || !counted_persons(c, ref, list, nl, want))
                continue;
        }
        best_at = om->anchor;
        n = nl;
        memcpy(out, list, (size_t)n * sizeof *out);
    }
    /* A sentence that names them, of one country, before the reference. */
    int s0 = c->t->tok[ref->first].sentence;
    for (int s = s0 - 1; s >= 0 && s >= s0 - 3; s--) {
        int found[16], nf = 0;
        const char *country = NULL;
        for (size_t q = 0; q < c->m->mentions.n && nf < 16; q++) {
            const lia_mention *pm = &c->m->mentions.v[q];
            if (c->t->tok[pm->first].sentence != s || pm->type != LIA_T_PERSON || pm->inner || !pm->key[0]
                || !pm->country[0])
                continue;
            if ((country && strcmp(country, pm->country) != 0)
                || (ref->country[0] && strcmp(ref->country, pm->country) != 0))
                continue;
            int dup = 0;
            for (int f = 0; f < nf; f++)
                dup |= !strcmp(c->m->mentions.v[found[f]].key, pm->key);
            if (!dup) {
                country = pm->country;
                found[nf++] = (int)q;
            }
        }
        if (nf >= 2 && (!want || nf == want) && c->t->sent[s].first >= best_at) {
            memcpy(out, found, (size_t)nf * sizeof *out);
            return nf;
        }
    }
    return n;
}

/* Is rm's trigger "في استقبالهم" (a reception word with a plural or dual
 * pronoun) right after its object? */
static int received_them(const rctx *c, const lia_rel_match *rm)
{
    size_t at = c->m->mentions.v[rm->b[rm->n_b - 1]].last + 1;    /* past "في" */
    if (at >= c->t->n || c->cls.receive_noun < 0 || !lia_lex_at(c->m, at, c->cls.receive_noun))
        return 0;
    const char *w = c->t->tok[at].norm;
    size_t n = strlen(w);
    return (n > 4 && !strcmp(w + n - 4, "هم")) || (n > 6 && !strcmp(w + n - 6, "هما"));
}

/* Is "كل منهما" (class dual_each) between rm's trigger and its first
 * object? */
static int each_of_two_before(const rctx *c, const lia_rel_match *rm)
{
    return class_between(c, rm->anchor + 1, c->m->mentions.v[rm->b[0]].first, c->cls.dual_each);
}

/* Is rm a meeting word ("بلقاء") whose objects are two persons of two
 * countries, or an understanding reached together by two to four persons
 * of as many countries, with no person named before it in its sentence? */
static int meeting_of_sides_listed(const rctx *c, const lia_rel_match *rm)
{
    /* "تفاهم توصل إليه الرئيسان X وY ورئيس الوزراء Z": an understanding
     * the leaders of three states reached together is a meeting of three. */
    int reached = c->cls.reached_together >= 0 && lia_lex_at(c->m, rm->anchor, c->cls.reached_together);
    int met = c->cls.met_noun >= 0 && lia_lex_at(c->m, rm->anchor, c->cls.met_noun);
    if (!(rm->n_b == 2 && met) && !(rm->n_b >= 2 && rm->n_b <= 4 && reached))
        return 0;
    for (int k = 0; k < rm->n_b; k++) {
        const lia_mention *x = &c->m->mentions.v[rm->b[k]];
        if (x->type != LIA_T_PERSON || !x->country[0])
            return 0;
        for (int l = 0; l < k; l++)
            if (!strcmp(x->country, c->m->mentions.v[rm->b[l]].country))
                return 0;
    }
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if (mm->first >= rm->anchor)
            break;
        if (mm->type == LIA_T_PERSON && !mm->inner && mm->first >= c->t->sent[rm->sentence].first)
            return 0;
    }
    return 1;
}

/* The length of list (n mentions) as an entourage: "رامافوزا، الذي
 * رافقته الوزيرة X والوزيرة Y، ورئيس زيمبابوي Z": after a comma, one
 * of another country than the first is no longer of it. */
static int entourage_length(const rctx *c, const int *list, int n)
{
    const char *country = n > 0 ? c->m->mentions.v[list[0]].country : "";
    for (int k = 1; k < n; k++) {
        const lia_mention *mm = &c->m->mentions.v[list[k]];
        size_t before = mm->first > 0 && c->t->tok[mm->first].has_conj ? mm->first : mm->first - 1;
        int comma = before > 0 && c->t->tok[before - 1].kind == LIA_TOK_PUNCT
                    && !strcmp(c->t->tok[before - 1].norm, ",");
        if (comma && country[0] && mm->country[0] && strcmp(mm->country, country) != 0)
            return k;
    }
    return n;
}

/* Trims the lists of the rules that read who came along (class
 * accompany) to the entourage. */
static void trim_entourage_lists(rctx *c)
{
    for (size_t q = 0; q < c->m->rels.n; q++) {
        lia_rel_match *rm = &c->m->rels.v[q];
        if (!pattern_has_class(&c->r->patterns.v[rm->pattern], c->cls.accompany))
            continue;
        rm->n_a = entourage_length(c, rm->as, rm->n_a);
        rm->n_b = entourage_length(c, rm->b, rm->n_b);
    }
}

/* Does a visited rule read a place at the trigger at token anchor? */
static int visit_with_place_at(const rctx *c, size_t anchor)
{
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *om = &c->m->rels.v[q];
        if (om->anchor != anchor || om->n_b == 0 || !is_relation(&c->r->patterns.v[om->pattern], "visited"))
            continue;
        /* Not where someone came from ("ووصل X قادما من الدوحة"). */
        for (int k = 0; k < om->n_b; k++)
            if (!came_from(c, &c->m->mentions.v[om->b[k]]))
                return 1;
    }
    return 0;
}

/* "زيارة لفرنسا، التقى خلالها X": a place led by ل or ب (a proclitic,
 * not the first letter of its name, "بيروت") is where, never who. */
static int place_led_by_preposition(const rctx *c, const lia_mention *mm)
{
    const lia_token *tk = &c->t->tok[mm->first];
    return (mm->type & LIA_T_PLACE) && tk->n_forms > 1
           && (strncmp(tk->norm, "ل", 2) == 0 || strncmp(tk->norm, "ب", 2) == 0)
           && !lia_trie_step_hashed(&c->r->names, tk->forms[0], tk->form_hash[0]);
}

/* The arrival verb of rm: its trigger, or the word after a trigger "قد"
 * ("وكان X قد وصل"). */
static size_t arrival_verb(const rctx *c, const lia_rel_match *rm)
{
    size_t verb = rm->anchor;
    if (verb + 1 < c->t->sent[rm->sentence].last && !lia_lex_at(c->m, verb, c->cls.arrived))
        verb++;
    return verb;
}

/* "وكان X قد وصل مساء أمس ... إلى مطار الملكة علياء": an arrival verb
 * with إلى a few words after it told where he arrived (a place no rule
 * read, or an airport), not the story's place; and so did a rule that
 * read a place at the verb ("قد حل بداكار"). */
static int arrival_destination_told(const rctx *c, const lia_rel_match *rm)
{
    size_t end = c->t->sent[rm->sentence].last, verb = arrival_verb(c, rm);
    size_t upto = verb + 9 < end ? verb + 9 : end;
    return lia_lex_at(c->m, verb, c->cls.arrived)
           && (class_between(c, verb + 1, upto, c->cls.to) || (verb != rm->anchor && visit_with_place_at(c, verb)));
}

/* Are mentions a and b two known persons, not one named twice nor "the
 * two sides": two that "استقبلهما" or "الوزيران" may stand for? */
static int two_persons(const rctx *c, int a, int b)
{
    const lia_mention *x = &c->m->mentions.v[a], *y = &c->m->mentions.v[b];
    return a != b && x->type == LIA_T_PERSON && y->type == LIA_T_PERSON && x->key[0] && y->key[0]
           && strcmp(x->key, y->key) != 0 && !x->both_sides && !y->both_sides;
}

/* "زار بنغازي ... والتقى حفتر ورئيس مجلس النواب عقيلة صالح": a meeting
 * verb joined by و (or led by ل of purpose: "ثم عاد ليلتقي X وY") after a
 * visit told earlier in its sentence goes on with the visit's subject;
 * the persons joined by و after it are both whom he met, not a pair.
 * The visit's subject (maybe the story's), or -1 when rm is not so. */
static int visitor_meeting_objects(const rctx *c, const lia_rel_match *rm)
{
    const lia_token *trigger = &c->t->tok[rm->anchor];
    /* (No meeting verb starts with ل of its own; "لقاء" is a noun.) */
    int purpose = !trigger->has_conj && trigger->n_forms > 1 && !strncmp(trigger->norm, "ل", 2)
                  && lia_lex_at(c->m, rm->anchor, c->cls.met_verb);
    if (rm->a < 0 || rm->n_b == 0 || !(trigger->has_conj || purpose))
        return -1;
    const lia_mention *am = &c->m->mentions.v[rm->a], *bm = &c->m->mentions.v[rm->b[0]];
    if (am->first <= rm->anchor || am->type != LIA_T_PERSON)
        return -1;
    /* "والتقى الوزيرة X، ثم المدير العام Y": persons one after the other
     * are both whom the subject before the verb (else the story's) met. */
    if (trigger->has_conj && bm->first == am->last + 2 && !strcmp(c->t->tok[am->last].norm, ",")
        && after_clause_join(c, bm->first)) {
        int before = last_person_before(c, rm);
        return before >= 0 ? before : c->subject;
    }
    if (bm->first != am->last || !c->t->tok[bm->first].has_conj)
        return -1;
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om->sentence != rm->sentence || om->anchor >= rm->anchor
            || !is_relation(&c->r->patterns.v[om->pattern], "visited"))
            continue;
        /* No new subject between the visit and the meeting. */
        for (size_t k = 0; k < c->m->mentions.n; k++) {
            const lia_mention *mm = &c->m->mentions.v[k];
            if (!mm->inner && mm->type == LIA_T_PERSON && mm->first > om->anchor && mm->first < rm->anchor
                && (int)k != om->a)
                return -1;
        }
        return om->a >= 0 ? om->a : c->subject;
    }
    /* "ثم عاد في يوليو ليلتقي الرئيس X ورئيس الأركان Y": a verb of purpose
     * keeps the subject of its clause; with none named in the sentence
     * before it, the story's. */
    if (!purpose || c->subject < 0 || c->subject == rm->a || last_person_before(c, rm) >= 0)
        return -1;
    return c->subject;
}

/* The two objects of a met match before rm's trigger in its sentence,
 * set in out[0..1]: 2, or 0 when no such match read exactly two. */
static int two_received_before(const rctx *c, const lia_rel_match *rm, int *out)
{
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om->sentence == rm->sentence && om->anchor < rm->anchor && om->n_b == 2
            && is_relation(&c->r->patterns.v[om->pattern], "met")) {
            out[0] = om->b[0];
            out[1] = om->b[1];
            return 2;
        }
    }
    return 0;
}

/* Does pattern p read, among its own elements, the class pattern q is
 * anchored on ("أجرى X مباحثات مع" reads the "مباحثات" of "مباحثات مع")? */
static int reads_trigger_of(const lia_pattern *p, const lia_pattern *q)
{
    return q->anchor_el < q->n_el && q->el[q->anchor_el].kind == LIA_P_CLASS
           && pattern_has_class(p, q->el[q->anchor_el].cls);
}

/* For rm's trigger with no person named before it in its sentence ("وكان
 * قد التقى"، "وبرز اسمه حين ترأس وفدا ... والتقى هناك"): the person
 * named right after the first word of the sentence before, in the same
 * paragraph, when that word is no relation's trigger ("ويجمع الفياض بين
 * منصبي ...", "ويتولى X إدارة الجهاز"), or -1. */
static int opener_of_sentence_before(const rctx *c, const lia_rel_match *rm)
{
    const lia_sentence *se = &c->t->sent[rm->sentence];
    if (rm->sentence == 0)
        return -1;
    for (size_t k = se->first; k < rm->anchor; k++)
        if (c->m->mention_at[k] && c->m->mentions.v[c->m->mention_at[k] - 1].type == LIA_T_PERSON)
            return -1;
    const lia_sentence *pe = &c->t->sent[rm->sentence - 1];
    size_t at = pe->first + 1;
    if (at >= pe->last || c->t->tok[pe->first].kind != LIA_TOK_WORD
        || c->t->tok[pe->first].paragraph != c->t->tok[se->first].paragraph || !c->m->mention_at[at])
        return -1;
    for (size_t o = 0; o < c->m->rels.n; o++)
        if (c->m->rels.v[o].anchor == pe->first)
            return -1;
    int q = c->m->mention_at[at] - 1;
    const lia_mention *mm = &c->m->mentions.v[q];
    /* (A name, not a reference such as "المسؤول الأمريكي" or a bare
     * title, which may stand for another than the story's subject.) */
    int reference = mm->anaphor || mm->styled || mm->guest || mm->host_ref || mm->titled_ref || mm->both_sides
                    || mm->group || mm->counted || (mm->role && mm->role[0] && mm->last - mm->first <= 2);
    return mm->type == LIA_T_PERSON && mm->key[0] && !mm->inner && !reference ? q : -1;
}

/* Is the entity of key named in sentence s? */
static int named_in_sentence(const rctx *c, const char *key, size_t s)
{
    for (size_t q = 0; q < c->m->mentions.n; q++) {
        const lia_mention *mm = &c->m->mentions.v[q];
        if ((size_t)c->t->tok[mm->first].sentence == s && !strcmp(mm->key, key))
            return 1;
    }
    return 0;
}

/* Does a met rule that read someone fire before rm's trigger in its
 * sentence? */
static int meeting_before_in_sentence(const rctx *c, const lia_rel_match *rm)
{
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om->sentence == rm->sentence && om->anchor < rm->anchor && om->n_b > 0
            && is_relation(&c->r->patterns.v[om->pattern], "met"))
            return 1;
    }
    return 0;
}

/* Does another rule triggered at rm's trigger or right after it read a
 * party named after its own ("الذي استقبله سمو الأمير X")? */
static int receiver_named_after(const rctx *c, const lia_rel_match *rm)
{
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om != rm && om->anchor >= rm->anchor && om->anchor <= rm->anchor + 2 && om->n_b > 0
            && c->m->mentions.v[om->b[0]].first > om->anchor)
            return 1;
    }
    return 0;
}

/* "عقد X لقاءات، أبرزها مع Y، كما التقى Z وW": a verb after "كما" or
 * "ثم" goes on with the subject a meeting earlier in its sentence named. */
static int goes_on_with_subject(const rctx *c, const lia_rel_match *rm)
{
    if (rm->anchor == 0 || lia_lex_at(c->m, rm->anchor - 1, c->cls.clause_join) != 1)
        return 0;
    for (size_t o = 0; o < c->m->rels.n; o++) {
        const lia_rel_match *om = &c->m->rels.v[o];
        if (om->sentence == rm->sentence && om->anchor < rm->anchor && om->a >= 0 && om->n_b > 0
            && is_relation(&c->r->patterns.v[om->pattern], "met")
            && c->m->mentions.v[om->a].type == LIA_T_PERSON && c->m->mentions.v[om->a].key[0]
            && om->a < om->b[0])
            return 1;
    }
    return 0;
}

/* "والتقى رئيس الحكومة X ووزيرة الخارجية Y"، "وكان ماس قد التقى X وY":
 * two of one country joined by "و" right after a verb of meeting in the
 * singular are both whom the subject met, not one meeting the other (a
 * rule read the first as the verb's subject).  Sets *out to rm with no
 * subject and both among its objects; returns 1, or 0. */
static int joined_objects(const rctx *c, const lia_rel_match *rm, lia_rel_match *out)
{
    if (rm->a < 0 || rm->n_a != 1 || rm->n_b < 1 || rm->n_b >= 16
        || !is_relation(&c->r->patterns.v[rm->pattern], "met")
        || !lia_lex_at(c->m, rm->anchor, c->cls.met_verb) || lia_lex_at(c->m, rm->anchor, c->cls.met_verb_dual))
        return 0;
    const lia_mention *am = &c->m->mentions.v[rm->a], *bm = &c->m->mentions.v[rm->b[0]];
    if (am->type != LIA_T_PERSON || bm->type != LIA_T_PERSON || am->first <= rm->anchor)
        return 0;
    int one_country = am->country[0] && !strcmp(am->country, bm->country);
    if (!one_country && !goes_on_with_subject(c, rm))
        return 0;
    /* Right after the verb, and the next right after it with "و". */
    for (size_t t = rm->anchor + 1; t < am->first; t++)
        if (c->m->mention_at[t])
            return 0;
    if (bm->first != am->last || !c->t->tok[bm->first].has_conj)
        return 0;
    *out = *rm;
    out->a = -1;
    out->n_a = 0;
    out->b[0] = rm->a;
    memcpy(out->b + 1, rm->b, (size_t)rm->n_b * sizeof *rm->b);
    out->n_b = rm->n_b + 1;
    return 1;
}

static void relations_from_matches(rctx *c)
{
    /* The subject of a relation without one: the story's first person,
     * then whoever was last the explicit subject. */
    c->subject = first_person_named(c);
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *rm = &c->m->rels.v[q];
        const lia_pattern *p = &c->r->patterns.v[rm->pattern];
        lia_rel_match objects;
        if (joined_objects(c, rm, &objects))
            rm = &objects;
        /* A rule without an explicit subject yields to one with it at the
         * same trigger; not to one that only read the object as its A
         * ("التقى خلالها X وY": X is whom the subject met).  But "في حين
         * التقى X نظيره Y": X meeting his counterpart is the clause's own
         * subject. */
        if (rm->a < 0) {
            int better = 0;
            size_t object_at = rm->n_b > 0 ? c->m->mentions.v[rm->b[0]].first : rm->anchor;
            for (size_t o = 0; o < c->m->rels.n; o++) {
                const lia_rel_match *om = &c->m->rels.v[o];
                /* Only a rule at this trigger, or between it and the
                 * object, can be better: the others are passed over
                 * before their relation is compared. */
                int near = om->anchor == rm->anchor || (om->anchor > rm->anchor && om->anchor <= object_at);
                /* ... or one that read the same objects with a subject
                 * between its trigger and this one, which its own rule
                 * reads too: "عقد الوفد الأمريكي لقاءات مع X"، "أجرى إسبر
                 * في وقت سابق مباحثات مع Y". */
                int same_objects = o != q && om->sentence == rm->sentence && om->anchor < rm->anchor
                                   && om->n_b > 0 && rm->n_b > 0 && om->b[0] == rm->b[0] && om->a >= 0
                                   && c->m->mentions.v[om->a].first > om->anchor
                                   && c->m->mentions.v[om->a].last <= rm->anchor
                                   && reads_trigger_of(&c->r->patterns.v[om->pattern], p);
                if (same_objects && is_relation(&c->r->patterns.v[om->pattern], p->relation)) {
                    better = 1;
                    break;
                }
                if (o == q || om->a < 0 || !near || !is_relation(&c->r->patterns.v[om->pattern], p->relation)
                    || place_led_by_preposition(c, &c->m->mentions.v[om->a]))
                    continue;
                better |= om->anchor == rm->anchor && !reads_objects_as_subject(om, rm)
                          && !objects_are_subject(c, om);
                better |= om->anchor > rm->anchor && om->anchor <= object_at && om->a == rm->b[0]
                          && om->n_b > 0 && counterpart_at(c, c->m->mentions.v[om->b[0]].first);
                /* "وفي لقاء منفصل، بحث X مع Y": a verb after the meeting
                 * word names its own subject, between the two, for the
                 * same object. */
                better |= om->anchor > rm->anchor && om->anchor <= object_at && om->n_b > 0 && rm->n_b > 0
                          && om->b[0] == rm->b[0] && c->m->mentions.v[om->a].first > rm->anchor
                          && c->m->mentions.v[om->a].last <= object_at;
            }
            if (better)
                continue;
            /* "اجتمع في فيينا وزراء خارجية الولايات المتحدة X وروسيا Y":
             * a plural title before the list makes them the verb's
             * subjects, who met one another, not the story's subject. */
            if (is_relation(p, "met") && rm->n_b > 0 && class_between(c, rm->anchor + 1, object_at, c->cls.officials_of))
                continue;
            /* "نحو عشرة آلاف مغربي وصلوا إلى ألمانيا": a plural verb's
             * subject is the group told before it, not the story's one
             * (but "X من أوائل المسؤولين الذين زاروا دمشق" is one of them). */
            if (is_relation(p, "visited") && plural_past_verb(&c->t->tok[rm->anchor])
                && !(rm->anchor > 0 && lia_lex_at(c->m, rm->anchor - 1, c->cls.relative)))
                continue;
        }
        /* "الزيارة التي قامت بها X إلى القاهرة، برفقة Y": a companion of
         * another country than the place's came along with the visitor;
         * no host escorted him. */
        if (rm->a < 0 && is_relation(p, "met") && pattern_has_class(p, c->cls.accompany) && rm->n_b > 0
            && companion_not_host(c, rm))
            continue;
        /* "X الذي استقبله أمير البلاد Y": with the receiver named after
         * the verb, X is whom he received, not the receiver of the story's
         * subject. */
        if (pattern_has_class(p, c->cls.relative) && pattern_has_class(p, c->cls.receive_pron)
            && receiver_named_after(c, rm))
            continue;
        /* "توج الحوار بلقاء الرئيس X ورئيس الوزراء Y": a meeting word's
         * list of two sides, with no person before it in its sentence,
         * met each other. */
        if (rm->a < 0 && is_relation(p, "met") && meeting_of_sides_listed(c, rm)) {
            for (int k = 0; k + 1 < rm->n_b; k++)
                pairs_with_each(c, rm, p, rm->b[k], &rm->b[k + 1], rm->n_b - k - 1);
            continue;
        }
        /* "التفاهمات التي توصل إليها سموه والرئيس X": who else reached it
         * is no person named; the story's subject is not he. */
        if (rm->a < 0 && c->cls.reached_together >= 0 && lia_lex_at(c->m, rm->anchor, c->cls.reached_together))
            continue;
        /* "زيارة خاطفة قام بها X إلى أبوظبي": a visit whose place a rule
         * at the same trigger read is not one to the story's place. */
        if (is_relation(p, "visited") && rm->n_b == 0
            && (visit_with_place_at(c, rm->anchor) || arrival_destination_told(c, rm)))
            continue;
        /* "بحث X ووزير الدفاع Y مع نظيريهما Z وW": Y is X's fellow
         * subject (another rule at the trigger lists both), not whom X met. */
        if (rm->n_b > 0 && rm->a >= 0 && fellow_subject(c, q))
            continue;
        if (rm->n_b > 0 && rm->a >= 0 && is_relation(p, "met") && object_of_nearer_trigger(c, q))
            continue;
        int visitor = is_relation(p, "met") ? visitor_meeting_objects(c, rm) : -1;
        if (visitor >= 0) {
            pairs_with_each(c, rm, p, visitor, rm->as, rm->n_a);
            pairs_with_each(c, rm, p, visitor, rm->b, rm->n_b);
            continue;
        }
        int alist[17];
        int na = 0;
        int coordinated = coordinated_verb_after(c, rm);
        for (int k = 0; k < rm->n_a && !coordinated; k++)
            alist[na++] = rm->as[k];
        /* "حيث استقبلهما X": the two last told acting together or meeting. */
        /* "وكان X ونظيراه ... قد وصلوا، حيث كان Y في استقبالهم": all of
         * those last told acting together. */
        if (na == 0 && c->n_crowd >= 2 && rm->n_b > 0 && received_them(c, rm)) {
            memcpy(alist, c->crowd, (size_t)c->n_crowd * sizeof *alist);
            na = c->n_crowd;
        }
        /* "التقى خلالهما كل منهما X": each of the two last told acting
         * together met X. */
        if (na == 0 && c->joint[0] >= 0 && rm->n_b > 0 && each_of_two_before(c, rm)) {
            alist[na++] = c->joint[0];
            alist[na++] = c->joint[1];
        }
        /* One of the receiver's own country is the guest's escort, not
         * received ("استقبله الوزير X ... قبل أن يستقبلهما الأمير"). */
        if (na == 0 && c->pair[0] >= 0 && lia_lex_at(c->m, rm->anchor, c->cls.dual_object_pron)) {
            const char *host = rm->n_b > 0 ? c->m->mentions.v[rm->b[0]].country : "";
            for (int k = 0; k < 2; k++)
                if (!host[0] || strcmp(c->m->mentions.v[c->pair[k]].country, host) != 0)
                    alist[na++] = c->pair[k];
        }
        /* "استقبل X Y وZ ... خلال زيارتهما لمصر": a visit of "the two" is
         * the visit of the two received before it in the sentence. */
        if (na == 0 && is_relation(p, "visited") && lia_lex_at(c->m, rm->anchor, c->cls.dual_visit))
            na = two_received_before(c, rm, alist);
        /* "X وY، اللذين حلا بالسلطنة": the pattern read Y, the dual relative
         * names both; "X وY وZ، الذين" all three. */
        if (na == 1) {
            int all[16];
            int n = relative_subject(c, rm, all, 16);
            for (int k = 1; k < n && all[0] == alist[0]; k++)
                alist[na++] = all[k];
        }
        /* "كما التقى الثلاثة مع X": the three named together before (when
         * they are not found, the other readings of the subject below). */
        if (na == 1 && c->m->mentions.v[alist[0]].counted)
            na = counted_group(c, alist[0], alist);
        /* "وكان X ووزير الدفاع Y قد وصلا": the pattern read Y. */
        if (na == 1) {
            int all[4];
            int n = kana_subject(c, rm, all);
            if (n > 1 && all[n - 1] == alist[0]) {
                memcpy(alist, all, (size_t)n * sizeof *alist);
                na = n;
            }
        }
        /* "رحب X بالوزير Y لدى وصوله إلى ريغا": his arrival is of the
         * person named last before it (whom X welcomed), not the
         * sentence's subject; with none, of the story's. */
        if (na == 0 && pattern_has_class(p, c->cls.arrival_pron) && (alist[0] = last_person_before(c, rm)) >= 0)
            na = 1;
        if (na == 0 && is_relation(p, "attended") && pattern_has_class(p, c->cls.attend_noun)
            && (alist[0] = arriving_participant(c, rm)) >= 0)
            na = 1;
        if (na == 0 && is_relation(p, "met") && (alist[0] = his_meeting_after_her_verb(c, rm)) >= 0)
            na = 1;
        if (na == 0)
            na = relative_subject(c, rm, alist, 16);
        /* "وصول X إلى دمشق، حيث كان Y في استقباله": whose arrival, before
         * the subject of the clause "حيث" leans on. */
        if (na == 0)
            na = visit_maker_received(c, rm, alist);
        if (na == 0)
            na = delegation_received(c, rm, alist);
        if (na == 0)
            na = visitor_during(c, rm, alist);
        if (na == 0)
            na = where_subject(c, rm, alist);
        if (na == 0)
            na = tour_maker(c, rm, alist);
        if (na == 0 && (na = kana_subject(c, rm, alist)) == 1 && c->m->mentions.v[alist[0]].counted)
            na = counted_group(c, alist[0], alist);
        /* "حل الضيف الهندي بمقر ...، ثم عقد جلسة مباحثات مع X": the guest,
         * when the sentence names him as its subject, is from then on
         * whom the story follows ("كما التقى Y" next). */
        if (na == 0 && is_relation(p, "met") && rm->n_b > 0 && !coordinated
            && (na = sentence_subject(c, rm, alist)) == 1 && c->m->mentions.v[alist[0]].guest
            && c->m->mentions.v[alist[0]].key[0])
            c->subject = alist[0];
        if (na == 0 && is_relation(p, "met"))
            na = fronted_possessor(c, rm, alist);
        /* "قال X أمس، خلال مشاركته في منتدى ...": whose taking part. */
        if (na == 0 && (is_relation(p, "visited")
                        || (is_relation(p, "attended") && lia_lex_at(c->m, rm->anchor, c->cls.own_attendance))))
            na = person_before(c, rm, alist);
        if (na == 0 && is_relation(p, "visited"))
            na = visit_owner_before(c, rm, alist);
        /* "ثم اجتمعا بـ X": a dual verb with no subject named is the
         * two last told acting together. */
        if (na == 0 && c->joint[0] >= 0 && lia_lex_at(c->m, rm->anchor, c->cls.met_verb_dual)) {
            alist[na++] = c->joint[0];
            alist[na++] = c->joint[1];
        }
        if (na == 0 && lia_lex_at(c->m, rm->anchor, c->cls.met_verb_dual))
            na = dual_subject_before(c, rm, alist);
        /* "ويجمع الفياض بين منصبين ... . وكان قد التقى X": a verb opening
         * its sentence with no subject goes on with whom the sentence
         * before opened on, verb then name. */
        if (na == 0 && !is_relation(p, "hosted") && !is_relation(p, "heads")
            && (alist[0] = opener_of_sentence_before(c, rm)) >= 0)
            na = 1;
        /* "خلال لقائه X ...، في أول زيارة لزعيم عربي إلى واشنطن": a visit
         * with no visitor named, after a meeting its sentence told, is that
         * meeting's (whose visitor meeting abroad records), not the visit
         * of the story's subject when the sentence does not name him. */
        if (na == 0 && is_relation(p, "visited") && meeting_before_in_sentence(c, rm)
            && !(c->subject >= 0 && named_in_sentence(c, c->m->mentions.v[c->subject].key, rm->sentence)))
            continue;
        if (na == 0 && !is_relation(p, "hosted") && !is_relation(p, "heads") && c->subject >= 0
            && !(is_relation(p, "attended") && country_after_trigger(c, rm))) {
            if (is_relation(p, "met") && receivers_of_own_side(c, p, rm, c->subject))
                continue;
            alist[na++] = c->subject;
        }
        /* ... and a group found by the readings after them ("واستهل الضيوف
         * الثلاثة يومهم ...، حيث رحب بهم الوزير X"): its persons. */
        if (na == 1 && c->m->mentions.v[alist[0]].counted)
            na = counted_group(c, alist[0], alist);
        /* "كما عقد الوزيران اجتماعا مع X" after "زار A وB": the two act
         * together, both meet X; with an object, "الوزيران" is not the
         * two sides of a meeting. */
        if (na == 1 && c->m->mentions.v[alist[0]].both_sides) {
            int with_object = rm->n_b > 0;
            for (size_t o = 0; o < c->m->rels.n && !with_object; o++)
                with_object = c->m->rels.v[o].anchor == rm->anchor && c->m->rels.v[o].n_b > 0
                              && is_relation(&c->r->patterns.v[c->m->rels.v[o].pattern], p->relation);
            if (with_object && rm->n_b == 0)
                continue;
            int two[2];
            if (with_object && c->joint[0] >= 0) {
                alist[0] = c->joint[0];
                alist[na++] = c->joint[1];
            } else if (with_object && is_relation(p, "attended") && rm->n_b > 0 && rm->a < rm->b[0]
                       && both_sides_of(c, alist[0], NULL, two)) {
                /* "وترأس الوزيران الاجتماع الوزاري الثاني" after the talks
                 * of X and Y: the two sides of the meeting told before
                 * attended it.  Only when the two act, named before the
                 * event; "القمة التي جمعت الرئيسين" is another's story. */
                alist[0] = two[1];
                alist[na++] = two[0];
            }
        }
        /* Two named as present ("بمشاركة X وY") do not act together:
         * "الوزيران" after them are not they. */
        if (na == 2 && two_persons(c, alist[0], alist[1]) && !pattern_has_class(p, c->cls.attend_noun)) {
            c->pair[0] = c->joint[0] = alist[0];
            c->pair[1] = c->joint[1] = alist[1];
        }
        /* "كلٌّ مع نظيره": each with his counterpart. */
        if (is_relation(p, "met") && rm->n_b == 0
            && pattern_has_class(p, c->cls.each_counterpart)) {
            met_counterparts(c, rm, p->id);
            continue;
        }
        /* A met rule without B ("@met_verb A:person") reads a pair:
         * "الجانبان", or "والتقى نظيره X" with the subject; when the rule
         * names the meeting ("وشارك في الاجتماع X وY"), A joined the
         * meeting the document told just before. */
        if (is_relation(p, "met") && rm->n_b == 0) {
            int counterpart = c->cls.counterpart;
            /* ... or "قبل أن ينضم إليهما X" joins the two who met. */
            int joined = pattern_has_class(p, c->cls.meeting_ref) || pattern_has_class(p, c->cls.joined_them);
            /* "وقع X وY محضرا": the persons of a list met each other;
             * unless a rule at the same trigger names whom they met ("عقد
             * X وY اجتماعا مع Z"), which pairs them by country. */
            /* "التقى X نظيريه Y وZ في اجتماع ثلاثي": the rule read the
             * subject alone; whom the trigger's object rule read met each
             * other too. */
            lia_rel_match objects;
            if (!joined && rm->n_a == 1 && trigger_objects(c, rm, &objects))
                rm = &objects;
            /* "عقد X اجتماعا مع Y وZ" pairs those it lists; with Y alone,
             * the rule of the subject and its object reads the meeting. */
            if (rm->n_a < 2 && pattern_has_class(p, c->cls.one_meeting))
                continue;
            if (!joined && rm->n_a >= 2) {
                int with_other = 0, with = c->cls.with;
                for (size_t o = 0; o < c->m->rels.n; o++) {
                    const lia_rel_match *om = &c->m->rels.v[o];
                    with_other |= om->anchor == rm->anchor && om->n_b > 0 && om->n_a >= 2
                                  && is_relation(&c->r->patterns.v[om->pattern], "met")
                                  && pattern_has_class(&c->r->patterns.v[om->pattern], with);
                }
                if (with_other)
                    continue;
                lia_rel_match leaders;
                if (heads_of_delegations(c, rm, &leaders))
                    rm = &leaders;
                /* Five or more round a table are a multilateral session:
                 * that each met each is not told. */
                if (rm->n_a > 4)
                    continue;
                for (int k = 0; k < rm->n_a; k++)
                    for (int l = k + 1; l < rm->n_a; l++) {
                        /* Two of one country in the list sat on one side
                         * (an armed group's men are a side of their own:
                         * "رئيس أركان الجيش الإثيوبي X، والقائد العام لقوات
                         * تيغراي Y"). */
                        const lia_mention *mk = &c->m->mentions.v[rm->as[k]], *ml = &c->m->mentions.v[rm->as[l]];
                        if (mk->country[0] && !strcmp(mk->country, ml->country)
                            && serves_armed_group(c, mk) == serves_armed_group(c, ml))
                            continue;
                        pairs_with_each(c, rm, p, rm->as[k], &rm->as[l], 1);
                    }
                continue;
            }
            for (int k = 0; k < na; k++) {
                const lia_mention *am = &c->m->mentions.v[alist[k]];
                int each[8], n_each;
                /* An optional B left out is whom the story is about: "وكان
                 * X في مقدمة مستقبليه" (of the visitor). */
                if (p->has_b) {
                    if (c->subject >= 0 && c->subject != alist[k])
                        pairs_with_each(c, rm, p, alist[k], &c->subject, 1);
                    continue;
                }
                if (joined) {
                    if (rm->n_a > 0)
                        met_joined(c, rm, p, am);
                } else if (am->both_sides) {
                    /* "استقبل ضيفيه": whoever received the two guests met
                     * them; the rule names no receiver. */
                    if (!(pattern_has_class(p, c->cls.receive)
                          && lia_lex_at(c->m, am->first, c->cls.dual_guests)))
                        met_both_sides(c, rm, p, alist[k]);
                } else if (counterpart >= 0 && lia_lex_at(c->m, am->first, counterpart)
                           && c->subject >= 0 && c->subject != alist[k]) {
                    /* "ويقوم X بزيارة إلى تركيا يلتقي خلالها نظيره Y": his
                     * counterpart is the sentence's person's, when one is
                     * named before the verb; else the story's subject. */
                    /* ... or further back: "وغادر ماتيس القاهرة ... متوجها
                     * إلى إسرائيل، حيث يلتقي نظيره Y". */
                    int who = c->subject, near, opener[4];
                    if (person_before(c, rm, &near) && near != alist[k])
                        who = near;
                    else if (sentence_subject(c, rm, opener) && opener[0] != alist[k])
                        who = opener[0];
                    pairs_with_each(c, rm, p, who, &alist[k], 1);
                } else if (rm->n_a == 1 && am->type == LIA_T_PERSON
                           && (n_each = each_of_them(c, rm, alist[k], each, 8)) > 0) {
                    pairs_with_each(c, rm, p, alist[k], each, n_each);
                } else if (rm->n_a == 1 && am->type == LIA_T_PERSON
                           && (c->t->tok[rm->anchor].has_conj || after_clause_join(c, rm->anchor))) {
                    /* "وكان الصفدي قد زار دمشق، والتقى ... أحمد الشرع":
                     * the verb joined by و shares the sentence's subject. */
                    /* ... and a sentence opened by "كما التقى X" the
                     * story's subject. */
                    /* Not when a rule at the trigger reads this verb's own
                     * subject and object ("ثم استقبل الوزير المصري غروسي"). */
                    int own_object = 0;
                    for (size_t o = 0; o < c->m->rels.n; o++) {
                        const lia_rel_match *om = &c->m->rels.v[o];
                        own_object |= om->anchor == rm->anchor && om->a == rm->a && om->n_b > 0
                                      && is_relation(&c->r->patterns.v[om->pattern], "met");
                    }
                    if (own_object)
                        continue;
                    int subj = -1, found[4];
                    if (sentence_subject(c, rm, found))
                        subj = found[0];
                    else if (rm->anchor == c->t->sent[rm->sentence].first + 1 && after_clause_join(c, rm->anchor))
                        subj = c->subject;
                    if (subj >= 0 && subj != alist[k])
                        pairs_with_each(c, rm, p, subj, &alist[k], 1);
                }
            }
            continue;
        }
        /* Who attended "بحضور X" is present, and who "يرافقه" accompanies
         * someone, not who the story is about. */
        int presence = rm->a >= 0 && c->m->mentions.v[rm->a].first > rm->anchor
                       && ((is_relation(p, "attended")
                            && pattern_has_class(p, c->cls.attend_noun))
                           || pattern_has_class(p, c->cls.accompany));
        /* ... nor the object right before "، واجتمع بـ Y", which the
         * pattern read as the subject of a verb that goes on with the
         * clause before ("التقى X Z، واجتمع بـ Y": X met Y). */
        int object_before_verb = coordinated && rm->n_b > 0 && c->t->tok[rm->anchor - 1].kind == LIA_TOK_PUNCT;
        /* ... nor who is told as a yardstick: "أول رئيس إيراني يزور مصر
         * منذ زيارة X" (the first of his office, and X of the past). */
        int yardstick = lia_lex_at(c->m, rm->anchor, c->cls.since_event) != 0
                        || (rm->a >= 0 && c->m->mentions.v[rm->a].first > 0
                            && lia_lex_at(c->m, c->m->mentions.v[rm->a].first - 1, c->cls.ordinal));
        if (rm->a >= 0 && c->m->mentions.v[rm->a].type == LIA_T_PERSON
            && c->m->mentions.v[rm->a].key[0] && !presence && !object_before_verb && !yardstick)
            c->subject = rm->a;
        for (int k = 0; k < na; k++)
            relation_pairs(c, rm, p, alist[k]);
        if (na >= 2 && na <= 16) {
            int persons = 1;
            for (int k = 0; k < na; k++)
                persons &= c->m->mentions.v[alist[k]].type == LIA_T_PERSON && c->m->mentions.v[alist[k]].key[0];
            if (persons) {
                memcpy(c->crowd, alist, (size_t)na * sizeof *alist);
                c->n_crowd = na;
            }
        }
        /* Two persons who met are two told acting together too. */
        if (is_relation(p, "met") && na == 1 && rm->n_b == 1 && two_persons(c, alist[0], rm->b[0])) {
            c->pair[0] = alist[0];
            c->pair[1] = rm->b[0];
        }
        /* "عقد X والإسرائيلي Y اجتماعا مع Z": X and Y of two countries sat
         * in the same meeting; two of one delegation did not meet. */
        if (is_relation(p, "met") && rm->n_b > 0)
            for (int k = 0; k < rm->n_a; k++)
                for (int l = k + 1; l < rm->n_a; l++) {
                    const lia_mention *x = &c->m->mentions.v[rm->as[k]], *y = &c->m->mentions.v[rm->as[l]];
                    if (x->type != LIA_T_PERSON || y->type != LIA_T_PERSON || !x->country[0]
                        || !y->country[0] || !strcmp(x->country, y->country))
                        continue;
                    pairs_with_each(c, rm, p, rm->as[k], &rm->as[l], 1);
                }
    }
}

/* The city of the document's dateline (found by the matcher), or NULL. */
static const char *dateline_city(const rctx *c)
{
    return c->m->dateline ? c->m->mentions.v[c->m->dateline - 1].key : NULL;
}

/* "الدوحة في 25 أبريل /قنا/ استضافت دولة قطر وفدا ... برئاسة X": a
 * country told in the dateline's own sentence to receive a delegation
 * received it in the dateline city.  Returns that city when country
 * mention bm is its country and sentence sent holds the dateline, else
 * NULL. */
static const char *dateline_city_in(const rctx *c, size_t sent, const lia_mention *bm)
{
    const char *city = dateline_city(c);
    const lia_entity *e = city ? lia_facts_find(c->f, city) : NULL;
    if (!e || bm->type != LIA_T_COUNTRY || strcmp(e->country, bm->key) != 0)
        return NULL;
    const lia_mention *dm = &c->m->mentions.v[c->m->dateline - 1];
    return (size_t)c->t->tok[dm->first].sentence == sent ? city : NULL;
}

/* The first sentence of the story's body (after the headline), or
 * SIZE_MAX. */
static size_t lead_sentence(const rctx *c)
{
    for (size_t s = 0; s < c->t->n_sent; s++)
        if (c->t->tok[c->t->sent[s].first].paragraph > 0 && !is_headline(c, s))
            return s;
    return SIZE_MAX;
}

/* "عاد رئيس الجمهورية X إلى نواكشوط قادما من لومي ... بعد مشاركته في
 * القمة": a lead that brings its first person home (place, a city of his
 * country) from a city tells the story of that city, which is returned;
 * else NULL. */
static const char *came_home_from(const rctx *c, size_t lead, const char *place)
{
    const lia_sentence *se = &c->t->sent[lead];
    const lia_entity *home = lia_facts_find(c->f, place);
    const lia_mention *who = NULL;
    if (!home || strcmp(home->type, LIA_CITY) != 0)
        return NULL;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->inner || !mm->key[0] || mm->first < se->first || mm->first >= se->last)
            continue;
        if (!who && mm->type == LIA_T_PERSON)
            who = mm;
        if (who && mm->type == LIA_T_CITY && came_from(c, mm))
            return strcmp(who->country, home->country) == 0 && strcmp(mm->country, home->country) != 0
                   ? mm->key : NULL;
    }
    return NULL;
}

static void set_context_place(rctx *c)
{
    const char *dateline = dateline_city(c);
    /* "أجرى وفد ... جولة مباحثات في العاصمة الليبية طرابلس": a city the
     * lead sentence names with في is where the story happens, before a
     * visit told later as background ("بعد ثمانية أيام من زيارة ... إلى
     * بنغازي"). */
    size_t lead = lead_sentence(c);
    const char *lead_place = lead != SIZE_MAX ? sentence_place(c, lead, NULL) : NULL;
    const char *origin = lead_place ? came_home_from(c, lead, lead_place) : NULL;
    if (origin)
        lead_place = origin;
    const lia_entity *lp = lead_place ? lia_facts_find(c->f, lead_place) : NULL;
    for (size_t q = 0; q < c->m->rels.n; q++) {
        const lia_rel_match *rm = &c->m->rels.v[q];
        const lia_pattern *p = &c->r->patterns.v[rm->pattern];
        if (!is_relation(p, "visited"))
            continue;
        /* A visit in another month than the story's is background ("بعد
         * شهر من زيارة X إلى بيونغ يانغ في 27 يوليو"). */
        c->anchor = rm->anchor;
        c->args_end = args_end_of(c, rm);
        c->args_anchor = rm->anchor;
        const char *visit_date = sentence_date(c, rm->sentence);
        int background = background_date(c, visit_date);
        c->anchor = SIZE_MAX;
        if ((background && rm->sentence > lead) || planned_date(c, visit_date))
            continue;
        /* "وسبق لـX أن زار المملكة": a visit told as having come before. */
        if (class_between(c, c->t->sent[rm->sentence].first, rm->anchor, c->cls.precedent))
            continue;
        /* ... or dated by a month of its own right after its place ("خلال
         * الزيارة التي قام بها إلى طهران في أغسطس الماضي"). */
        if (rm->n_b > 0 && visit_dated_otherwise(c, rm->sentence, &c->m->mentions.v[rm->b[rm->n_b - 1]]))
            continue;
        /* A tour's first stop told after the lead ("وكان قد استهل جولته
         * أمس الأول من الكويت") is where the story came from. */
        if (rm->sentence > lead && pattern_has_class(p, c->cls.tour_begin))
            continue;
        /* ... and so are the stops a tour took in, listed after it
         * ("ويختتم في الأردن جولة شملت الإمارات وتركيا"): the tour's
         * summary, not the story's place. */
        if (rm->sentence > lead && pattern_has_class(p, c->cls.tour_took_in))
            continue;
        /* ... and where one left for ("غادر بعدها متوجها إلى مالابو"):
         * the next leg. */
        if (rm->sentence > lead && pattern_has_class(p, c->cls.heading_to))
            continue;
        if (lp && !strcmp(lp->type, LIA_CITY) && rm->sentence > lead
            && c->t->tok[c->t->sent[rm->sentence].first].paragraph
                   > c->t->tok[c->t->sent[lead].first].paragraph) {
            free(c->context_place);
            c->context_place = xstrdup(lead_place);
            return;
        }
        for (int k = 0; k < rm->n_b; k++) {
            const lia_mention *bm = &c->m->mentions.v[rm->b[k]];
            if (came_from(c, bm))
                continue;
            /* A city, unless a visit to another country came first ("يزور
             * إيران" ... "زيارة ... إلى بغداد" told as background). */
            if (bm->type == LIA_T_CITY
                && (!c->context_place || !strcmp(c->context_place, bm->country))) {
                free(c->context_place);
                c->context_place = xstrdup(bm->key);
                return;
            }
            if (!c->context_place)
                c->context_place = xstrdup(bm->key);
        }
    }
    if (c->context_place) {
        /* A visit to a country, reported from one of its cities: the
         * dateline says which city. */
        const lia_entity *dl = dateline ? lia_facts_find(c->f, dateline) : NULL;
        if (dl && !strcmp(dl->country, c->context_place)) {
            free(c->context_place);
            c->context_place = xstrdup(dateline);
        }
        return;
    }
    /* Else the lead's city ("الرباط - ترأس X أمس في مراكش الاجتماع ...",
     * not where the story was filed), else where the article's event is
     * held, else its dateline. */
    if (lp && !strcmp(lp->type, LIA_CITY)) {
        c->context_place = xstrdup(lead_place);
        return;
    }
    /* (The article's event is the first it names: one told further on
     * with its place, "قبل أسابيع من انعقاد الدورة ... في مدينة مراكش",
     * is another story's.) */
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_EVENT || mm->inner || !mm->key[0])
            continue;
        const lia_mention *pl = mm->place_mention ? &c->m->mentions.v[mm->place_mention - 1] : NULL;
        if (pl && pl->key[0] && !since_event(c, mm)) {
            c->context_place = xstrdup(pl->key);
            return;
        }
        break;
    }
    if (dateline)
        c->context_place = xstrdup(dateline);
}

/* "والسفيرة الأميركية في لبنان X": does member mm's title say he is
 * posted in place (its one-word name after في or لدى)?  Then he lives
 * there and is no visitor with the delegation. */
static int posted_in(const rctx *c, const lia_mention *mm, const char *place)
{
    const lia_entity *e = lia_facts_find(c->f, place);
    /* (A city of that country too: "... في لبنان" is not visiting اليرزة.) */
    const lia_entity *country = e && e->country[0] && strcmp(e->key, e->country) != 0
                                ? lia_facts_find(c->f, e->country) : NULL;
    int posted = 0;
    for (int w = 0; w < 2 && !posted; w++) {
        const lia_entity *p = w ? country : e;
        char *name = p ? lia_normalize_str(p->name) : NULL;
        for (size_t k = mm->first + 1; name && k < mm->last && !posted; k++)
            posted = (lia_token_matches(&c->t->tok[k - 1], "في") || lia_token_matches(&c->t->tok[k - 1], "لدي"))
                     && lia_token_matches(&c->t->tok[k], name);
        free(name);
    }
    return posted;
}

/* "بايدن في هانوي: ..."، "تيلرسون وكيلي في المكسيك لاحتواء ..."، "بن شيخ
 * يطالب في تونس ...": a headline that opens with who (maybe and one
 * verb) and then where tells that he was there. */
static void headline_visits(rctx *c)
{
    if (!c->t->n || !is_headline(c, 0))
        return;
    const lia_sentence *se = &c->t->sent[0];
    int who[4], n = 0;
    size_t j = se->first;
    while (n < 4 && j < se->last && c->m->mention_at[j]) {
        const lia_mention *mm = &c->m->mentions.v[c->m->mention_at[j] - 1];
        if (mm->type != LIA_T_PERSON || !mm->key[0] || (n > 0 && !c->t->tok[j].has_conj))
            break;
        who[n++] = c->m->mention_at[j] - 1;
        j = mm->last;
    }
    if (!n || j >= se->last)
        return;
    /* One word of what he does there, a verb ("يطالب"، "يوقع"). */
    if (!c->m->mention_at[j] && c->t->tok[j].kind == LIA_TOK_WORD && !lia_token_matches(&c->t->tok[j], "في"))
        j++;
    int in = j < se->last && lia_token_matches(&c->t->tok[j], "في");
    j += (size_t)in;
    const lia_mention *pl = j < se->last && c->m->mention_at[j] ? &c->m->mentions.v[c->m->mention_at[j] - 1] : NULL;
    if (!pl || !(pl->type & LIA_T_PLACE) || !pl->key[0] || (!in && !place_led_by_preposition(c, pl)))
        return;
    c->anchor = j;
    for (int k = 0; k < n; k++)
        add_visit(c, c->m->mentions.v[who[k]].key, pl->key, NULL, 0, "visited.headline");
}

/* "وضم الوفد الباكستاني X وY": the members of a delegation or an
 * entourage went where someone of their country went in the story (not
 * whom a member serves: "X، المبعوث الخاص للرئيس Y"). */
static void member_visits(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (!mm->member || mm->inner || mm->possessor || !mm->key[0] || !mm->country[0])
            continue;
        /* An ambassador in his country's visitor's entourage is posted
         * where the visit went. */
        if (ambassador_title(c, mm))
            continue;
        size_t n = c->f->relations.n;   /* the visits told before this pass */
        /* The delegation's own day: a compatriot's visit on another day
         * (told as background) is not the one the members made. */
        c->anchor = mm->first;
        const char *when = sentence_date(c, (size_t)c->t->tok[mm->first].sentence);
        if (!when)
            when = c->context_date;
        for (size_t q = 0; q < n; q++) {
            const lia_relation *r = c->f->relations.v[q];
            if (strcmp(r->relation, "visited") != 0 || strcmp(r->source, c->doc->id) != 0
                || !strcmp(r->a, mm->key))
                continue;
            if (when && r->date[0] && strncmp(r->date, when, 10) != 0)
                continue;
            const lia_entity *who = lia_facts_find(c->f, r->a);
            if (!who || strcmp(who->type, LIA_PERSON) != 0 || strcmp(who->country, mm->country) != 0)
                continue;
            if (posted_in(c, mm, r->b))
                continue;
            char *place = xstrdup(r->b), *date = r->date[0] ? xstrdup(r->date) : NULL;
            c->anchor = mm->first;
            add_relation(c, "visited", mm->key, place, date, NULL, c->t->tok[mm->first].sentence,
                         "visited.delegation-member");
            free(place);
            free(date);
        }
    }
}

/* "وضم الوفد التركي X وY" in the story of a meeting of several countries:
 * the members of a delegation attended the event the story is about, when
 * someone is already said to attend it and no other day is told. */
static void member_attendance(rctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (!mm->member || mm->inner || mm->possessor || !mm->key[0] || !mm->country[0])
            continue;
        size_t s = (size_t)c->t->tok[mm->first].sentence;
        int ev = current_event(c, s);
        if (ev < 0)
            continue;
        const char *event = c->m->mentions.v[ev].key;
        int attended = 0;
        for (size_t q = 0; q < c->f->relations.n && !attended; q++) {
            const lia_relation *r = c->f->relations.v[q];
            attended = strcmp(r->relation, "attended") == 0 && strcmp(r->b, event) == 0
                       && strcmp(r->source, c->doc->id) == 0;
        }
        c->anchor = mm->first;
        const char *when = sentence_date(c, s);
        if (!attended || (when && c->context_date && strcmp(when, c->context_date) != 0))
            continue;
        /* A delegation received in a meeting of its own ("استقبل X وفدا
         * ... يترأسه Y") is that meeting's. */
        if (met_in_sentence(c, s, SIZE_MAX))
            continue;
        const char *place = event_place(c, event);
        add_relation(c, "attended", mm->key, event, c->context_date, place ? place : c->context_place,
                     s, "attended.delegation-member");
    }
}

/* Does the word at token i, after a meeting noun or a summit, say the
 * meeting had three parties ("لقاء ثلاثي"، "القمة الثلاثية")?  (Of
 * meetings of four or five, who met whom beyond the host is told less
 * often: the golds leave the guests' pairs out.) */
static int trilateral_meeting_at(const rctx *c, size_t i)
{
    /* ... or "اجتماع اللجنة الثلاثية": a committee of three sides meets
     * as three. */
    return i > 0 && lia_lex_has(c->m, i, c->cls.multi_party)
           && (lia_lex_at(c->m, i - 1, c->cls.met_noun) || lia_lex_at(c->m, i - 1, c->cls.summit)
               || lia_token_matches(&c->t->tok[i - 1], "لجنه"))
           && strstr(c->t->tok[i].norm, "ثلاث");
}

/* "قمة ثلاثية جمعت X وY بدعوة من Z"، "استضاف X كلا من Y وZ في قمة
 * ثلاثية": a meeting of three told with three persons named in its
 * sentence, two of whom the rules already read meeting, has each of them
 * meet the others.  A sentence that names more persons is left as the
 * rules read it. */
static void met_all_of_multiparty(rctx *c)
{
    if (c->cls.multi_party < 0)
        return;
    for (size_t s = 0; s < c->t->n_sent; s++) {
        if (!c->first_met_of_sent[s])
            continue;
        int trilateral = 0;
        for (size_t i = c->t->sent[s].first; i < c->t->sent[s].last && !trilateral; i++)
            trilateral = trilateral_meeting_at(c, i);
        if (!trilateral)
            continue;
        const char *keys[4];   /* a fourth person rules the sentence out */
        int n = 0;
        for (size_t q = 0; q < c->m->mentions.n && n < 4; q++) {
            const lia_mention *mm = &c->m->mentions.v[q];
            if (mm->type != LIA_T_PERSON || mm->inner || !mm->key[0] || c->t->tok[mm->first].sentence != (int)s)
                continue;
            int dup = 0;
            for (int k = 0; k < n; k++)
                dup |= !strcmp(keys[k], mm->key);
            if (!dup)
                keys[n++] = mm->key;
        }
        if (n != 3)
            continue;
        const lia_relation *told = c->f->relations.v[c->first_met_of_sent[s] - 1];
        /* (Copied: adding relations may move the strings' owner array.) */
        char *date = xstrdup(told->date), *place = xstrdup(told->place);
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++)
                add_relation(c, "met", keys[a], keys[b], date, place, s, "met.multiparty-all");
        free(date);
        free(place);
    }
}

/* Does key end in a number: an edition's ("...-session-42") or a year's
 * ("idex-2023")? */
static int key_names_edition(const char *key)
{
    const char *dash = strrchr(key, '-');
    if (!dash || !dash[1])
        return 0;
    for (const char *p = dash + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

/* Does an ISO date (or range, or "--MM-DD") open with a year? */
static int date_has_year(const char *date)
{
    for (int i = 0; i < 4; i++)
        if (date[i] < '0' || date[i] > '9')
            return 0;
    return 1;
}

/* The year event key was held in, as told by this document: the year most
 * of its dated relations start in, else the document's; in out ("" when
 * neither is known). */
static void event_year(const rctx *c, const char *key, char out[5])
{
    /* Years in the order they first come, with their counts (a document
     * dates an event in a few years at most). */
    enum { MAX_YEARS = 16 };
    char years[MAX_YEARS][5];
    int counts[MAX_YEARS], n = 0, best = -1;
    for (size_t i = 0; i < c->f->relations.n; i++) {
        const lia_relation *r = c->f->relations.v[i];
        if (strcmp(r->b, key) != 0 || !date_has_year(r->date))
            continue;
        int y = 0;
        while (y < n && strncmp(years[y], r->date, 4) != 0)
            y++;
        if (y == n) {
            if (n == MAX_YEARS)
                continue;
            memcpy(years[n], r->date, 4);
            years[n][4] = 0;
            counts[n++] = 0;
        }
        counts[y]++;
    }
    for (int y = 0; y < n; y++)
        if (best < 0 || counts[y] > counts[best])
            best = y;
    if (best >= 0)
        memcpy(out, years[best], 5);
    else if (c->doc->date && date_has_year(c->doc->date)) {
        memcpy(out, c->doc->date, 4);
        out[4] = 0;
    } else
        out[0] = 0;
}

/* The country of the host of event key: the one country its hostings in
 * this document name (a country, or a city's country), or NULL. */
static const char *event_host_country(const rctx *c, const char *key)
{
    const char *found = NULL;
    for (size_t i = 0; i < c->f->relations.n; i++) {
        const lia_relation *r = c->f->relations.v[i];
        if (strcmp(r->relation, "hosted") != 0 || strcmp(r->b, key) != 0)
            continue;
        const lia_entity *host = lia_facts_find(c->f, r->a);
        if (!host || !host->country[0])
            continue;
        if (found && strcmp(found, host->country) != 0)
            return NULL;
        found = host->country;
    }
    return found;
}

/* "القمة العربية" of Dhahran 2018 and that of Tunis 2019, each the story
 * of its own document, are two events, not one series node: every event
 * takes the year it was held in into its key (a key that names its
 * edition or year already keeps it), and its host's country when it has
 * none (into the key too), so that
 * the editions other documents tell stay apart in the graph. */
static void key_events_by_year(rctx *c)
{
    size_t n = c->f->entities.n;
    for (size_t k = 0; k < n; k++) {
        const lia_entity *e = c->f->entities.v[k];
        if (strcmp(e->type, LIA_EVENT) != 0)
            continue;
        char year[5];
        event_year(c, e->key, year);
        const char *country = event_host_country(c, e->key);
        /* A series held in a different country each time ("مراسم أداء
         * اليمين الدستورية") holds more than one edition a year. */
        char cc[3] = "";
        if (country && !e->country[0] && strlen(country) == 2) {
            cc[0] = (char)tolower((unsigned char)country[0]);
            cc[1] = (char)tolower((unsigned char)country[1]);
        }
        char *old = xstrdup(e->key);
        char *key = key_names_edition(old) || !year[0] ? xstrdup(old)
                    : cc[0]                             ? xasprintf("%s-%s-%s", old, cc, year)
                                                        : xasprintf("%s-%s", old, year);
        lia_facts_entity(c->f, old, NULL, NULL, NULL, country);
        if (strcmp(key, old) != 0 && lia_facts_rekey_entity(c->f, old, key))
            for (size_t q = 0; q < c->m->mentions.n; q++) {
                lia_mention *mm = &c->m->mentions.v[q];
                if (mm->type == LIA_T_EVENT && mm->key && !strcmp(mm->key, old))
                    mm->key = lia_arena_strdup(c->m->strings, key);
            }
        free(old);
        free(key);
    }
}

void lia_resolve(const lia_rules *r, const lia_doc *doc, const lia_tokens *t,
                 lia_matches *m, lia_facts *f)
{
    rctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.doc = doc;
    c.t = t;
    c.m = m;
    c.f = f;
    c.anchor = SIZE_MAX;
    c.joint[0] = c.joint[1] = c.pair[0] = c.pair[1] = -1;
    c.margin_hash = lia_hash("هامش");
    c.program_hash = lia_hash("فعاليات");
    c.cls = r->named;
    c.implied_strings = lia_arena_new();
    count_clause_breaks(&c);
    c.first_met_of_sent = xcalloc(t->n_sent + 1, sizeof *c.first_met_of_sent);
    resolve_references(&c);
    merge_event_editions(&c);
    key_known_event_editions(&c);
    merge_headline_city_events(&c);
    merge_headline_short_events(&c);
    merge_summit_bynames(&c);
    add_entities(&c);
    set_context(&c);
    set_context_place(&c);
    heads_from_titles(&c);
    heads_from_known_offices(&c);
    part_of_from_names(&c);
    trim_entourage_lists(&c);
    relations_from_matches(&c);
    /* (After the patterns: a hosting a sentence tells in words dates the
     * event before the place named after one of its names does.) */
    hosted_from_event_places(&c);
    met_all_of_multiparty(&c);
    hosted_where_attended_here(&c);
    VEC_FREE(c.attended_here);
    hosted_by_bare_capital(&c);
    for (size_t k = 0; k < c.implied.n; k++) {
        implied_visit *v = &c.implied.v[k];
        c.anchor = v->anchor;
        add_visit(&c, v->person, v->place, v->date, v->sent, "visited.abroad");
    }
    VEC_FREE(c.implied);
    lia_arena_free(c.implied_strings);
    headline_visits(&c);
    member_visits(&c);
    member_attendance(&c);
    hosted_where_attended(&c);
    hosted_city_and_country(&c);
    date_headline_relations(&c);
    key_events_by_year(&c);
    free(c.context_date);
    free(c.context_place);
    free(c.breaks_before);
    free(c.first_met_of_sent);
}
