/* match.c — finds what a document names and which relation patterns fire.
 *
 * In: tokens and rules.  Out: lia_matches (mentions with entity keys, dates,
 * raw pattern matches).  Mentions are built left to right, longest first:
 * a title with its body and the name it introduces is one person mention;
 * an agency absorbs its nisba and a bracketed acronym; a generic body tied to
 * a country becomes that country's agency.  Patterns then run over tokens
 * and top-level mentions.  No relation is assembled here (see resolve.c).
 */
#include "match.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>

#include "normalize.h"
#include "spelling.h"

/* ---------------------------------------------------------------- context */

typedef struct {
    const lia_rules *r;
    const lia_tokens *t;
    const char *text;
    lia_matches *m;
    size_t n_tok;            /* c->t->n */
    const uint64_t *lex_bits;  /* c->m->lex_classes, once annotate_lexicon has set it */
    size_t lex_words;        /* c->m->lex_class_words */
    /* Per token: what the rules say about its word alone (see word_facts). */
    const struct word_facts **facts;
    struct lia_arena *uncached_facts;  /* facts of words the full cache could not take */
    /* Per token: the longest gazetteer phrase starting there. */
    const lia_trie **gaz;
    int *gaz_len;
    int *covered;            /* token → top-level mention index + 1 */
    size_t *date_end;        /* token → end of the date expression starting there, or 0 */
    int home_country;        /* the country the document is most about, or -1 */
    int *country_score;      /* per country: how much the document names it */
    int dateline_city;       /* city of the document's dateline, or -1 */
    size_t dateline_date;    /* first token of a date in a dateline, or SIZE_MAX */
    size_t *first_denial;    /* per sentence: token of its first denial, or SIZE_MAX */
    uint64_t *sent_classes;  /* per sentence, class_words words: bit cls set when a
                                phrase of lexicon class cls starts in it */
    size_t class_words;
    unsigned char *joined;   /* per token: another relation's trigger joined by و */
    int *remote;             /* per sentence: it tells of a phone or video call */
    int subject_country;     /* country of the first official named, or -1 */
    uint64_t *opener_classes;  /* lex_words words: the classes that open a reading
                                  of mention_at (see set_opener_classes) */
    uint64_t *lister_classes;  /* lex_words words: delegation, includes, with */
    lia_named_classes cls;   /* c->r->named, copied for one load per test */
} ctx;

/* Token i, or past the end a blank punctuation token that matches
 * nothing, so that looking one token ahead is always safe. */
static const lia_token *tok(const ctx *c, size_t i)
{
    static const lia_token past_end = { .kind = LIA_TOK_PUNCT, .norm = "", .norm_hash = LIA_HASH_EMPTY, .forms = { "" },
                                        .form_hash = { LIA_HASH_EMPTY }, .n_forms = 1, .sentence = -1, .paragraph = -1 };
    return i < c->t->n ? &c->t->tok[i] : &past_end;
}

/* "بن", "ابن", "بنت", "ولد": the word that opens a father's name. */
static int patronymic_word(const lia_token *tk)
{
    static const char *const words[] = { "بن", "ابن", "بنت", "ولد" };
    /* Each is two or three letters opening with ب, ا or و: a word of
     * another length or first letter (nearly every word asked) is none of
     * them, told without the four compares. */
    const unsigned char *s = (const unsigned char *)tk->norm;
    size_t n = strnlen(tk->norm, 7);
    if ((n != 4 && n != 6)
        || !((s[0] == 0xD8 && (s[1] == 0xA8 || s[1] == 0xA7)) || (s[0] == 0xD9 && s[1] == 0x88)))
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strcmp(tk->norm, words[k]) == 0)
            return 1;
    return 0;
}

static int same_sentence(const ctx *c, size_t i, size_t j)
{
    return i < c->t->n && j < c->t->n && tok(c, i)->sentence == tok(c, j)->sentence;
}

/* "ضيف شرف"، "ضيفة شرف" at token i: a guest of honour. */
static int guest_of_honour_at(const ctx *c, size_t i)
{
    return (lia_token_matches(tok(c, i), "ضيف") || lia_token_matches(tok(c, i), "ضيفه"))
           && lia_token_matches(tok(c, i + 1), "شرف") && same_sentence(c, i, i + 1);
}

/* The longest phrase of class cls at token i, found by a scan. */
static inline int lex_scan(const lia_matches *m, size_t i, int cls)
{
    int best = 0;
    for (int k = 0; k < m->n_lex[i]; k++)
        if (m->lex[i][k].cls == cls && m->lex[i][k].len > best)
            best = m->lex[i][k].len;
    return best;
}

int lia_lex_at(const lia_matches *m, size_t i, int cls)
{
    /* Asked several times per token and class, mostly for a class that is
     * not there: the bit answers without a scan. */
    if (cls >= 0 && !lia_lex_has(m, i, cls))
        return 0;
    return lex_scan(m, i, cls);
}

/* lia_lex_at inlined: the matcher asks it millions of times, mostly for a
 * class that is not there, which the token's class bits answer; they and
 * the token count are read from the context itself (c->lex_bits is
 * c->m->lex_classes) to keep that answer a few instructions. */
static inline int lex(const ctx *c, size_t i, int cls)
{
    if (i >= c->n_tok || cls < 0
        || !(c->lex_bits[i * c->lex_words + ((unsigned)cls >> 6)] >> (cls & 63) & 1))
        return 0;
    return lex_scan(c->m, i, cls);
}

static int has_article(const lia_token *tk);

static int any_lex(const ctx *c, size_t i)
{
    return i < c->t->n && c->m->n_lex[i] > 0;
}

/* Does the longest gazetteer phrase at i name something of kind k? */
static int gaz_ref(const ctx *c, size_t i, lia_gaz_kind k, int *index)
{
    if (i >= c->t->n || !c->gaz[i])
        return 0;
    const lia_trie *n = c->gaz[i];
    for (size_t j = 0; j < n->refs.n; j++)
        if (n->refs.v[j].kind == k) {
            if (index)
                *index = n->refs.v[j].index;
            return c->gaz_len[i];
        }
    return 0;
}

/* The length of the city or country named at i, or 0. */
static int place_len(const ctx *c, size_t i)
{
    int len = gaz_ref(c, i, LIA_G_CITY, NULL);
    return len ? len : gaz_ref(c, i, LIA_G_COUNTRY, NULL);
}

static int is_punct(const ctx *c, size_t i, const char *p)
{
    return i < c->t->n && tok(c, i)->kind == LIA_TOK_PUNCT && strcmp(tok(c, i)->norm, p) == 0;
}

/* ------------------------------------------------------------ word facts
 *
 * What the rules say about a word by itself — the lexicon and gazetteer
 * trie nodes one step from the roots, the patterns anchored on its forms —
 * depends only on the token's kind and norm (its forms are made from the
 * norm alone), and news repeats its words.  Each thread keeps these facts
 * for the words it has matched, so a word seen again is one probe instead
 * of a look-up per form in each trie and in the pattern index; the walks
 * then go on from the cached nodes exactly as they would have from the
 * root.  The cache belongs to one lia_rules (by serial) and is emptied
 * only between documents, so what a document was handed stays valid until
 * it is done. */
enum { FACTS_SLOTS = 1 << 15, FACTS_MAX_BYTES = 64 };

typedef struct word_facts {
    const char *norm;                 /* NULL: an empty slot */
    unsigned long hash;               /* the token's norm_hash */
    unsigned char len, kind;
    unsigned char n_lexicon, n_names, n_patterns;
    signed char known_form;           /* its first form that a lexicon or gazetteer
                                         phrase starts with (known_form), or -1 */
    /* One block, NULL when all three are empty: */
    const lia_trie **lexicon;         /* distinct lexicon nodes a form steps to, in form order */
    const lia_trie **names;           /* gazetteer nodes a form steps to, in form order */
    const lia_intvec **patterns;      /* pattern lists anchored on a form, in form order */
} word_facts;

typedef struct {
    word_facts *slots;                /* FACTS_SLOTS of them */
    size_t n;
    unsigned long rules_serial;       /* whose rules the facts are */
    lia_arena *mem;                   /* the words' bytes and node lists */
} facts_cache;

static pthread_key_t facts_cache_key;
static pthread_once_t facts_cache_once = PTHREAD_ONCE_INIT;

static void facts_cache_free(void *arg)
{
    facts_cache *fc = arg;
    if (!fc)
        return;
    lia_huge_free(fc->slots, FACTS_SLOTS * sizeof *fc->slots);
    lia_arena_free(fc->mem);
    free(fc);
}

static void facts_cache_key_init(void)
{
    pthread_key_create(&facts_cache_key, facts_cache_free);
}

static void facts_cache_clear(facts_cache *fc)
{
    memset(fc->slots, 0, FACTS_SLOTS * sizeof *fc->slots);
    lia_arena_free(fc->mem);
    fc->mem = lia_arena_new();
    fc->n = 0;
}

/* This thread's cache, ready for a document of r: made on first use
 * (freed when the thread exits), emptied when it holds another rules'
 * facts or is half full. */
static facts_cache *thread_facts_cache(const lia_rules *r)
{
    pthread_once(&facts_cache_once, facts_cache_key_init);
    facts_cache *fc = pthread_getspecific(facts_cache_key);
    if (!fc) {
        fc = xcalloc(1, sizeof *fc);
        fc->slots = lia_huge_calloc(FACTS_SLOTS * sizeof *fc->slots);   /* fills over time */
        fc->mem = lia_arena_new();
        fc->rules_serial = r->serial;
        pthread_setspecific(facts_cache_key, fc);
    }
    if (fc->rules_serial != r->serial || 2 * fc->n > FACTS_SLOTS) {
        facts_cache_clear(fc);
        fc->rules_serial = r->serial;
    }
    return fc;
}

/* Is form k of token tk no reading of the word, because a preposition
 * (ب ك ل) would stand before the conjunction (و ف) on a particle, which
 * Arabic never writes: "كوفي" is not ك + "وفي" (و + في), though "لوزير"
 * is ل + "وزير" and "لوزارة" ل + "وزارة" (not و + "زارة"). */
static int preposition_before_conjunction(const lia_rules *r, const lia_token *tk, int k)
{
    const char *form = tk->forms[k];
    size_t pl = strlen(tk->norm) - strlen(form);
    if (pl < 2 || (strncmp(form, "و", 2) != 0 && strncmp(form, "ف", 2) != 0))
        return 0;
    const char *last = tk->norm + pl - 2;   /* the stripped letter next to the form */
    if (strncmp(last, "ب", 2) != 0 && strncmp(last, "ك", 2) != 0 && strncmp(last, "ل", 2) != 0)
        return 0;
    if (pl > 4 || (pl == 4 && strncmp(tk->norm, "و", 2) != 0 && strncmp(tk->norm, "ف", 2) != 0))
        return 0;                           /* the article (ال، لل) was stripped too */
    /* The form reads as the conjunction on a particle ("وفي"، "ومن"). */
    const lia_trie *t = r->named.stop >= 0 ? lia_trie_step(&r->lexicon, form + 2) : NULL;
    for (size_t i = 0; t && i < t->refs.n; i++)
        if (t->refs.v[i].index == r->named.stop)
            return 1;
    return 0;
}

/* Is the word as written (forms[0]) a given name of the lexicon ("كمال")? */
static int written_given_name(const lia_rules *r, const lia_token *tk)
{
    const lia_trie *t = r->named.given_name >= 0 && tk->n_forms > 0
                        ? lia_trie_step_hashed(&r->lexicon, tk->forms[0], tk->form_hash[0]) : NULL;
    for (size_t i = 0; t && i < t->refs.n; i++)
        if (t->refs.v[i].index == r->named.given_name)
            return 1;
    return 0;
}

/* Works out the facts of token tk's word into f, its lists taken from a.
 * A word that is a given name as written names no gazetteer entry once a
 * clitic is taken off: "كمال" is no ك + "المال" (the finance ministry). */
static void word_facts_make(const lia_rules *r, const lia_token *tk, lia_arena *a, word_facts *f)
{
    const lia_trie *lexicon[LIA_MAX_FORMS], *names[LIA_MAX_FORMS];
    const lia_intvec *patterns[LIA_MAX_FORMS];
    int nl = 0, nn = 0, np = 0;
    int given_name = written_given_name(r, tk);
    f->known_form = -1;
    for (int k = 0; k < tk->n_forms; k++) {
        if (preposition_before_conjunction(r, tk, k))
            continue;
        const lia_trie *next = lia_trie_step_hashed(&r->lexicon, tk->forms[k], tk->form_hash[k]);
        int dup = 0;
        for (int q = 0; q < nl; q++)
            dup |= lexicon[q] == next;
        if (next && !dup)
            lexicon[nl++] = next;
        if (next && f->known_form < 0)
            f->known_form = (signed char)k;
        next = k > 0 && given_name ? NULL : lia_trie_step_hashed(&r->names, tk->forms[k], tk->form_hash[k]);
        if (next)
            names[nn++] = next;
        if (next && f->known_form < 0)
            f->known_form = (signed char)k;
        const lia_intvec *list = lia_rules_patterns_of_word(r, tk->forms[k], tk->form_hash[k]);
        if (list)
            patterns[np++] = list;
    }
    f->n_lexicon = (unsigned char)nl;
    f->n_names = (unsigned char)nn;
    f->n_patterns = (unsigned char)np;
    f->lexicon = f->names = NULL;
    f->patterns = NULL;
    if (nl + nn + np == 0)
        return;
    void **block = lia_arena_alloc(a, (size_t)(nl + nn + np) * sizeof *block);
    f->lexicon = (const lia_trie **)block;
    f->names = f->lexicon + nl;
    f->patterns = (const lia_intvec **)(block + nl + nn);
    memcpy(f->lexicon, lexicon, (size_t)nl * sizeof *lexicon);
    memcpy(f->names, names, (size_t)nn * sizeof *names);
    memcpy(f->patterns, patterns, (size_t)np * sizeof *patterns);
}

/* The facts of token tk's word: from the cache, else worked out and cached;
 * when the cache is too full for more (a very long document), kept in
 * spill, which the caller frees after the document. */
static const word_facts *word_facts_of(facts_cache *fc, const lia_rules *r, const lia_token *tk,
                                       lia_arena *spill)
{
    size_t n = (size_t)(tk->nend - tk->nstart);
    size_t mask = FACTS_SLOTS - 1, k = tk->norm_hash & mask;
    if (n <= FACTS_MAX_BYTES) {
        for (; fc->slots[k].norm; k = (k + 1) & mask) {
            const word_facts *f = &fc->slots[k];
            if (f->hash == tk->norm_hash && f->len == n && f->kind == tk->kind
                && memcmp(f->norm, tk->norm, n) == 0)
                return f;
        }
    }
    if (n > FACTS_MAX_BYTES || 4 * (fc->n + 1) > 3 * FACTS_SLOTS) {
        word_facts *f = lia_arena_calloc(spill, sizeof *f);
        word_facts_make(r, tk, spill, f);
        return f;
    }
    word_facts *f = &fc->slots[k];
    word_facts_make(r, tk, fc->mem, f);
    f->norm = lia_arena_strndup(fc->mem, tk->norm, n);
    f->hash = tk->norm_hash;
    f->len = (unsigned char)n;
    f->kind = (unsigned char)tk->kind;
    fc->n++;
    return f;
}

/* Sets c->facts for every token. */
static void look_up_word_facts(ctx *c)
{
    facts_cache *fc = thread_facts_cache(c->r);
    c->uncached_facts = lia_arena_new();
    c->facts = xmalloc((c->t->n + 1) * sizeof *c->facts);
    for (size_t i = 0; i < c->t->n; i++)
        c->facts[i] = word_facts_of(fc, c->r, &c->t->tok[i], c->uncached_facts);
}

/* Does a phrase ending at this trie node name a known official? */
static int trie_has_person(const lia_trie *node)
{
    for (size_t r = 0; r < node->refs.n; r++)
        if (node->refs.v[r].kind == LIA_G_PERSON)
            return 1;
    return 0;
}

/* Walks the trie from token i, every form of every token, within one
 * sentence; returns the deepest node with refs and its length in tokens. */
static void trie_longest(const ctx *c, const lia_trie *node, size_t i, size_t start, int depth,
                         const lia_trie **best, int *best_len);

/* trie_longest through the quoted words i..q-1 of a name, every one
 * matched, then on after the closing quote at q. */
static void trie_quoted(const ctx *c, const lia_trie *node, size_t i, size_t q, size_t start, int depth,
                        const lia_trie **best, int *best_len)
{
    if (i == q) {
        trie_longest(c, node, q + 1, start, depth + 1, best, best_len);
        return;
    }
    const lia_token *tk = tok(c, i);
    for (int f = 0; f < tk->n_forms; f++) {
        const lia_trie *next = lia_trie_step_hashed(node, tk->forms[f], tk->form_hash[f]);
        if (next)
            trie_quoted(c, next, i + 1, q, start, depth + 1, best, best_len);
    }
}

static void trie_longest(const ctx *c, const lia_trie *node, size_t i, size_t start, int depth,
                         const lia_trie **best, int *best_len)
{
    if (node->refs.n && depth > *best_len) {
        *best = node;
        *best_len = depth;
    }
    if (i >= c->t->n || !same_sentence(c, start, i))
        return;
    const lia_token *tk = tok(c, i);
    for (int f = 0; f < tk->n_forms; f++) {
        const lia_trie *next = lia_trie_step_hashed(node, tk->forms[f], tk->form_hash[f]);
        if (next)
            trie_longest(c, next, i + 1, start, depth + 1, best, best_len);
    }
    /* Words of a known name set in quotes after its first ones ("قمة
     * مجموعة «بريكس»"، "منتدى «حوار المنامة»"): the quotes are passed
     * over, not matched. */
    if (depth > 0 && is_punct(c, i, "\"")) {
        size_t q = i + 2;
        while (q < i + 6 && q < c->t->n && tok(c, q)->kind == LIA_TOK_WORD)
            q++;
        if (q < c->t->n && is_punct(c, q, "\"") && same_sentence(c, start, q))
            trie_quoted(c, node, i + 1, q, start, depth + 1, best, best_len);
    }
    /* ... and a name whose first words are quoted, its nisba outside
     * ("«الجيش الوطني» الليبي"): the closing quote is passed over. */
    if (depth > 0 && is_punct(c, i, "\"") && start > 0 && is_punct(c, start - 1, "\"")
        && (size_t)depth == i - start)
        trie_longest(c, node, i + 1, start, depth + 1, best, best_len);
    /* An edition's ordinal inside a known name ("الاجتماع الدولي الثالث
     * عشر لكبار ...") does not stop the match. */
    if (depth > 0 && lex(c, i, c->cls.ordinal))
        trie_longest(c, node, i + 1, start, depth + 1, best, best_len);
    /* Middle names the gazetteer leaves out ("عباس مصطفى كامل" for "عباس
     * كامل", "عمر حسن أحمد البشير" for "عمر البشير"): one or two given
     * names, then the family name that ends a known person's name. */
    if (depth > 0 && lex(c, i, c->cls.given_name) && !tk->has_conj) {
        for (size_t m = i + 1; m <= i + 2 && m < c->t->n && same_sentence(c, start, m); m++) {
            if (m > i + 1 && (!lex(c, m - 1, c->cls.given_name) || tok(c, m - 1)->has_conj))
                break;
            const lia_token *family = tok(c, m);
            for (int f = 0; f < family->n_forms; f++) {
                const lia_trie *next = lia_trie_step_hashed(node, family->forms[f], family->form_hash[f]);
                int len = depth + (int)(m - i) + 1;
                if (next && trie_has_person(next) && len > *best_len) {
                    *best = next;
                    *best_len = len;
                }
            }
        }
    }
    /* A patronymic the gazetteer leaves out: "مساعد بن محمد العيبان" for
     * "مساعد العيبان", "محمد ولد الشيخ الغزواني" spelled in full. */
    if (depth > 0 && i + 2 < c->t->n && same_sentence(c, start, i + 2) && patronymic_word(tok(c, i))
        && tok(c, i + 1)->kind == LIA_TOK_WORD && !lex(c, i + 1, c->cls.name_part)) {
        /* Only when the name goes on after it: the skip is no match itself. */
        const lia_token *after = tok(c, i + 2);
        for (int f = 0; f < after->n_forms; f++) {
            const lia_trie *next = lia_trie_step(node, after->forms[f]);
            if (next)
                trie_longest(c, next, i + 3, start, depth + 3, best, best_len);
        }
    }
}

/* Records every lexicon phrase starting at each token. */
static void annotate_lexicon(ctx *c)
{
    size_t n = c->t->n;
    /* Hits go into one block, token after token; lex[i] is set once the
     * block has stopped moving. */
    VEC(struct lia_lexhit) hits = { 0 };
    size_t *first_hit = xmalloc((n + 1) * sizeof *first_hit);
    c->m->n_lex = xcalloc(n + 1, sizeof *c->m->n_lex);
    for (size_t i = 0; i < n; i++) {
        first_hit[i] = hits.n;
        /* Breadth over forms: collect every (node, depth) reachable.  The
         * walk starts from the word's cached first steps, which are the
         * nodes a step from the root pushes, in the same order. */
        struct { const lia_trie *node; int depth; } stack[256];
        int sp = 0;
        const word_facts *f = c->facts[i];
        for (; sp < f->n_lexicon; sp++) {
            stack[sp].node = f->lexicon[sp];
            stack[sp].depth = 1;
        }
        while (sp > 0) {
            sp--;
            const lia_trie *node = stack[sp].node;
            int depth = stack[sp].depth;
            if (depth > 0) {
                for (size_t k = 0; k < node->refs.n; k++) {
                    struct lia_lexhit h = { node->refs.v[k].index, depth };
                    VEC_PUSH(hits, h);
                    c->m->n_lex[i]++;
                }
            }
            size_t j = i + (size_t)depth;
            if (j >= n || !same_sentence(c, i, j) || depth >= 8)
                continue;
            const lia_token *tk = tok(c, j);
            for (int f = 0; f < tk->n_forms && sp < 250; f++) {
                const lia_trie *next = lia_trie_step_hashed(node, tk->forms[f], tk->form_hash[f]);
                int dup = 0;
                for (int s = 0; s < sp; s++)
                    dup |= stack[s].node == next;
                if (next && !dup) {
                    stack[sp].node = next;
                    stack[sp].depth = depth + 1;
                    sp++;
                }
            }
        }
    }
    c->m->lex = xcalloc(n + 1, sizeof *c->m->lex);
    c->m->lex_class_words = c->r->classes.n / 64 + 1;
    c->m->lex_classes = xcalloc((n + 1) * c->m->lex_class_words, sizeof *c->m->lex_classes);
    for (size_t i = 0; i < n; i++) {
        if (!c->m->n_lex[i])
            continue;
        c->m->lex[i] = hits.v + first_hit[i];
        /* A word that is a given name and, with the article, a style
         * ("عماد الطرابلسي" / "العماد جوزاف عون", "أمير عبد اللهيان" /
         * "الأمير تركي") is the style only with the article. */
        int given = 0;
        for (int k = 0; k < c->m->n_lex[i]; k++)
            given |= c->m->lex[i][k].cls == c->cls.given_name;
        if (given && !has_article(tok(c, i))) {
            int kept = 0;
            for (int k = 0; k < c->m->n_lex[i]; k++)
                if (!(c->m->lex[i][k].cls == c->cls.honorific && c->m->lex[i][k].len == 1))
                    c->m->lex[i][kept++] = c->m->lex[i][k];
            c->m->n_lex[i] = kept;
        }
        for (int k = 0; k < c->m->n_lex[i]; k++) {
            int cls = c->m->lex[i][k].cls;
            c->m->lex_classes[i * c->m->lex_class_words + (size_t)(cls >> 6)] |= UINT64_C(1) << (cls & 63);
        }
    }
    c->m->lex_hits = hits.v;
    c->lex_bits = c->m->lex_classes;
    c->lex_words = c->m->lex_class_words;
    free(first_hit);
}

/* "يعقدها"، "لبرلمانها": a word with a pronoun for its object or owner
 * refers back to something; it is never part of an event's name. */
static int pronoun_suffixed(const lia_token *tk)
{
    size_t n = strlen(tk->norm);
    return n > 6 && (!strcmp(tk->norm + n - 4, "ها") || !strcmp(tk->norm + n - 6, "هما"));
}

/* Does word i end, as written, in the Arabic letter U+06xx whose UTF-8
 * second byte is last (the normalizer folds ى into ي and ة into ه)? */
static int ends_in_written(const ctx *c, size_t i, unsigned char last)
{
    const lia_token *tk = tok(c, i);
    const unsigned char *e = (const unsigned char *)c->text + tk->end;
    return tk->end - tk->start >= 2 && e[-2] == 0xD9 && e[-1] == last;
}

/* Does word i end in a possessive pronoun as written ("محطته"، "زيارتها";
 * the ه of "مدينة" is its ة folded)? */
static int possessive_suffixed(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    return (tk->end - tk->start >= 6 && ends_in_written(c, i, 0x87)) || pronoun_suffixed(tk);   /* ه */
}

/* Does word i carry his, her or their pronoun ("اجتماعه"، "دورتها"،
 * "اجتماعهم")? */
static int with_pronoun(const ctx *c, size_t i)
{
    return possessive_suffixed(c, i) || lia_ends_with(tok(c, i)->norm, "هم");
}

/* Is word i a noun or verb with his pronoun as written ("ثقته"، "عزمه"،
 * "حمّله")?  Names that end in ه end so after ي، ا or و ("نزيه"، "شاه"،
 * "أوليفييه"), in Persian "زاده", or are given names the lexicon lists
 * ("طه"، "عبده"). */
static int his_pronoun_written(const ctx *c, size_t i)
{
    const char *w = tok(c, i)->norm;
    size_t n = strlen(w);
    if (!possessive_suffixed(c, i) || n < 8)
        return 0;
    const char *before = w + n - 4;   /* the letter before ه */
    return strncmp(before, "ي", 2) != 0 && strncmp(before, "ا", 2) != 0 && strncmp(before, "و", 2) != 0
           && !lia_ends_with(w, "زاده");  /* Persian "-zadeh": "نصير زاده" */
}

/* Does word i end in ى as written ("على", the preposition; the name is
 * written "علي")? */
static int ends_in_alef_maqsura(const ctx *c, size_t i)
{
    return ends_in_written(c, i, 0x89);
}

/* Is token i a preposition that only a noun follows ("في"، "خلال")? */
static int preposition_at(const ctx *c, size_t i)
{
    static const char *const prepositions[] = { "في", "خلال", "منذ", "عن", "علي", "الي", "من", "بعد", "قبل" };
    for (size_t k = 0; k < sizeof prepositions / sizeof *prepositions; k++)
        if (lia_token_matches(tok(c, i), prepositions[k]))
            return 1;
    return 0;
}

/* Is token i written with a hamza on its first alef (ألينا، إلياس)?  Then
 * its "ال" after normalization is no article. */
static int hamza_initial(const ctx *c, size_t i)
{
    const unsigned char *p = (const unsigned char *)c->text + tok(c, i)->start;
    /* ... after the list's و: "وإليزابيث". */
    if (tok(c, i)->has_conj && p[0] == 0xD9 && p[1] == 0x88 && tok(c, i)->end - tok(c, i)->start > 4)
        p += 2;
    return p[0] == 0xD8 && (p[1] == 0xA3 || p[1] == 0xA5);
}

/* Is token i written with an initial آ and no clitic ("آلن دنكن"): a
 * foreign name's alef, not the article its normalized form reads as? */
static int madda_initial(const ctx *c, size_t i)
{
    const unsigned char *p = (const unsigned char *)c->text + tok(c, i)->start;
    return !tok(c, i)->has_conj && p[0] == 0xD8 && p[1] == 0xA2;
}

/* Does the name of the place the gazetteer ref stands for start with ال
 * ("ألماتي"، "الرياض")? */
static int place_name_has_al(const ctx *c, const lia_gaz_ref *g)
{
    const char *name = g->kind == LIA_G_CITY ? c->r->cities.v[g->index].name
                       : g->kind == LIA_G_COUNTRY || g->kind == LIA_G_NISBA ? c->r->countries.v[g->index].name
                       : NULL;
    if (!name)
        return 1;
    char *norm = lia_normalize_str(name);
    int al = norm && strncmp(norm, "ال", 4) == 0;
    free(norm);
    return al;
}

/* "ألباريس" is no article and "باريس": a one-word place found at token i
 * through an "ال" that was a hamza'd alef, whose own name has no ال, is
 * not there (the word is a name of its own, "خوسيه مانويل ألباريس"). */
static int hamza_word_not_place(const ctx *c, size_t i)
{
    const lia_trie *g = c->gaz[i];
    const unsigned char *p = (const unsigned char *)c->text + tok(c, i)->start;
    if (c->gaz_len[i] != 1 || !hamza_initial(c, i) || p[2] != 0xD9 || p[3] != 0x84)   /* أل */
        return 0;
    for (size_t k = 0; k < g->refs.n; k++)
        if (place_name_has_al(c, &g->refs.v[k]))
            return 0;
    return 1;
}

/* "أمريكا الوسطى"، "أمريكا اللاتينية": a region named longer than the
 * country its first word names is not that country; nor is a news outlet
 * a place its name opens with ("«القدس العربي»"). */
static int region_over_country(const ctx *c, size_t i)
{
    int len = lex(c, i, c->cls.region);
    if (len > c->gaz_len[i] && gaz_ref(c, i, LIA_G_COUNTRY, NULL))
        return 1;
    if (lex(c, i, c->cls.outlet) > c->gaz_len[i])
        return 1;
    /* ... or a sea that opens a word before it ("في بحر عمان"). */
    return i > 0 && gaz_ref(c, i, LIA_G_COUNTRY, NULL) && same_sentence(c, i - 1, i)
           && lex(c, i - 1, c->cls.region) > c->gaz_len[i];
}

/* Is the place at i an adjective of the language after the noun it
 * qualifies ("دعم مالي": financial support, not Mali)?  The class
 * place_adjective lists such words, finance_noun the nouns they follow. */
static int adjective_not_place(const ctx *c, size_t i)
{
    return i > 0 && lex(c, i, c->cls.place_adjective) && lex(c, i - 1, c->cls.finance_noun)
           && same_sentence(c, i - 1, i) && !tok(c, i)->has_conj;
}

/* Is the one-word place at i a name that always has the article written
 * bare ("كاميرون" for "الكاميرون": David Cameron's name, not Cameroon)?
 * Only where the word is the name itself, not another alias ("أمريكا"). */
static int bare_article_place(const ctx *c, size_t i)
{
    const lia_trie *g = c->gaz[i];
    const lia_token *tk = tok(c, i);
    if (c->gaz_len[i] != 1 || tk->has_article)
        return 0;
    for (size_t k = 0; k < g->refs.n; k++) {
        const lia_gaz_ref *r = &g->refs.v[k];
        if (r->kind != LIA_G_COUNTRY && r->kind != LIA_G_CITY)
            return 0;
        const char *name = r->kind == LIA_G_CITY ? c->r->cities.v[r->index].name : c->r->countries.v[r->index].name;
        /* (Most places' names have no article: no normalizing for them.) */
        if (strncmp(name, "ال", 4) != 0)
            return 0;
        char *norm = lia_normalize_str(name);
        int bare = norm && strncmp(norm, "ال", 4) == 0 && strcmp(norm + 4, tk->norm) == 0;
        free(norm);
        if (!bare)
            return 0;
    }
    return 1;
}

/* The country of the first city the gazetteer node names, or NULL. */
static const char *city_country_of(const ctx *c, const lia_trie *node)
{
    for (size_t k = 0; node && k < node->refs.n; k++)
        if (node->refs.v[k].kind == LIA_G_CITY)
            return c->r->cities.v[node->refs.v[k].index].country;
    return NULL;
}

/* "إلى الرياض وجدة": a word that is one city whole (Oujda) and another
 * after its و (Jeddah) is the second when a city of that one's country
 * ends right before it. */
static void coordinated_city(ctx *c, size_t i)
{
    const word_facts *f = c->facts[i];
    const char *whole = c->gaz_len[i] == 1 ? city_country_of(c, c->gaz[i]) : NULL;
    if (!whole || i == 0 || !same_sentence(c, i - 1, i))
        return;
    const char *before = NULL;
    for (size_t j = i; j-- > 0 && j + 4 > i && !before;)
        if (c->gaz[j] && j + (size_t)c->gaz_len[j] == i)
            before = city_country_of(c, c->gaz[j]);
    if (!before || !strcmp(before, whole))
        return;
    for (int k = 1; k < f->n_names; k++) {
        const lia_trie *alt = NULL;
        int len = 0;
        trie_longest(c, f->names[k], i + 1, i, 1, &alt, &len);
        const char *other = len == 1 ? city_country_of(c, alt) : NULL;
        if (other && !strcmp(other, before)) {
            c->gaz[i] = alt;
            return;
        }
    }
}

static void annotate_gazetteer(ctx *c)
{
    size_t n = c->t->n;
    c->gaz = xcalloc(n + 1, sizeof *c->gaz);
    c->gaz_len = xcalloc(n + 1, sizeof *c->gaz_len);
    /* trie_longest from the root at i, which (at depth 0) only steps each
     * form: started instead from the word's cached first steps. */
    for (size_t i = 0; i < n; i++) {
        const word_facts *f = c->facts[i];
        for (int k = 0; k < f->n_names; k++)
            trie_longest(c, f->names[k], i + 1, i, 1, &c->gaz[i], &c->gaz_len[i]);
        if (c->gaz[i] && (hamza_word_not_place(c, i) || region_over_country(c, i) || bare_article_place(c, i)
                         || adjective_not_place(c, i))) {
            c->gaz[i] = NULL;
            c->gaz_len[i] = 0;
        }
        coordinated_city(c, i);
    }
}

/* The country a document is most about: its country names and nisbas,
 * and the countries of the officials it names (twice).  Ties go to the
 * first named. */
/* Is the phrase at i both a country and a city (الجزائر، عمان)? */
static int ambiguous_place(const ctx *c, size_t i)
{
    return gaz_ref(c, i, LIA_G_COUNTRY, NULL) && gaz_ref(c, i, LIA_G_CITY, NULL);
}

/* The country of the news agency whose dateline tag ("واس"، "أ ش أ")
 * starts at token i, or -1; *len is the tag's number of tokens. */
static int news_tag_at(const ctx *c, size_t i, size_t *len)
{
    const lia_trie *t = &c->r->news_tags;
    for (size_t j = i; j < c->t->n && j < i + 6; j++) {
        const lia_token *tk = tok(c, j);
        const lia_trie *next = NULL;
        for (int f = 0; f < tk->n_forms && !next; f++)
            next = lia_trie_step_hashed(t, tk->forms[f], tk->form_hash[f]);
        if (!next)
            return -1;
        t = next;
        if (t->refs.n && t->refs.v[0].kind == LIA_G_COUNTRY) {
            *len = j + 1 - i;
            return t->refs.v[0].index;
        }
    }
    return -1;
}

/* Is the place at token i country cc or one of its cities? */
static int place_of_country(const ctx *c, size_t i, int cc)
{
    int ci;
    if (gaz_ref(c, i, LIA_G_COUNTRY, &ci) && ci == cc)
        return 1;
    return gaz_ref(c, i, LIA_G_CITY, &ci)
           && lia_rules_country_index(c->r, c->r->cities.v[ci].country) == cc;
}

/* Is date d in a dateline: a place opens its paragraph, then the date
 * ("الرياض 09 ربيع الأول 1439 هـ الموافق 27 نوفمبر 2017 م (واس) -"),
 * then nothing but letters, a source in brackets or between slashes and
 * the dash?  A source tag closes a dateline even with no dash after it
 * ("مسقط في 4 يونيو /العمانية/ اختتم"), and so does a news agency's own
 * tag at home, even unbracketed at the end of the line ("الرياض 07 صفر
 * 1445 هـ الموافق 23 أغسطس 2023 م واس"); abroad ("لندن ... واس") such a
 * line stays unread, as its city would give the agency's officials the
 * host's country. */
static int dateline_date(const ctx *c, const lia_date *d)
{
    size_t p = d->first;
    while (p > 0 && tok(c, p - 1)->paragraph == tok(c, d->first)->paragraph)
        p--;
    if (!c->gaz[p] || d->first > p + 14)
        return 0;
    int open = 0, tagged = 0;
    for (size_t j = d->last; j < c->t->n && j < d->last + 10; j++) {
        const lia_token *tk = tok(c, j);
        if (tk->paragraph != tok(c, p)->paragraph)
            return 0;
        size_t len;
        int tag = news_tag_at(c, j, &len);
        if (is_punct(c, j, "-") || (tag >= 0 && place_of_country(c, p, tag)))
            return 1;
        if (is_punct(c, j, "(")) {
            open = 1;
        } else if (is_punct(c, j, ")") || is_punct(c, j, "/")) {
            tagged = open;
            open = is_punct(c, j, "/") && !open;
        } else if (!open && tk->kind == LIA_TOK_WORD && strlen(tk->norm) > 2) {
            return tagged;   /* a word of the story: a dateline only after a tag */
        }
    }
    return 0;
}

/* Is the gap before token j, as written, a dash of tatweels between
 * spaces ("الرياض ــ العربي الجديد")?  The normalizer drops tatweel, so
 * only the original text still shows it. */
static int tatweel_dash_before(const ctx *c, size_t j)
{
    if (j == 0 || j >= c->t->n)
        return 0;
    const unsigned char *p = (const unsigned char *)c->text + tok(c, j - 1)->end;
    const unsigned char *e = (const unsigned char *)c->text + tok(c, j)->start;
    int tatweels = 0;
    while (p < e) {
        if (p + 1 < e && p[0] == 0xD9 && p[1] == 0x80) {   /* U+0640 */
            tatweels++;
            p += 2;
        } else if (*p == ' ') {
            p++;
        } else {
            return 0;
        }
    }
    return tatweels > 0;
}

/* A dateline: a place at the start of a line followed by "-" ("عمّان - "),
 * or by a dash of tatweels ("الرياض ــ "), or by a date that ends on it. */
static int dateline_at(const ctx *c, size_t i)
{
    if (i >= c->t->n || !c->gaz[i])
        return 0;
    if (i > 0 && tok(c, i - 1)->paragraph == tok(c, i)->paragraph)
        return 0;
    /* "الرياض: «الشرق الأوسط»": a colon, then the paper's name in quotes. */
    size_t after = i + (size_t)c->gaz_len[i];
    if (after + 1 < c->t->n && is_punct(c, after, ":") && is_punct(c, after + 1, "\"")
        && tok(c, after + 1)->paragraph == tok(c, i)->paragraph)
        return 1;
    /* "عمّان - ", "تونس (وات) - ", "بغداد / المدى - " */
    for (size_t j = after; j < c->t->n && j < i + 9; j++) {
        if (is_punct(c, j, "-") || tatweel_dash_before(c, j))
            return 1;
        if (tok(c, j)->paragraph != tok(c, i)->paragraph)
            return 0;
    }
    return c->dateline_date > i && c->dateline_date <= i + 14;
}

static void find_home_country(ctx *c)
{
    size_t n = c->r->countries.n;
    int *score = xcalloc(n + 1, sizeof *score);
    int *first = xcalloc(n + 1, sizeof *first);
    for (size_t i = 0; i < c->t->n; i++) {
        const lia_trie *g = c->gaz[i];
        if (!g || (ambiguous_place(c, i) && !dateline_at(c, i)))
            continue;
        for (size_t k = 0; k < g->refs.n; k++) {
            int ci = -1, w = 1;
            lia_gaz_kind kind = g->refs.v[k].kind;
            int idx = g->refs.v[k].index;
            if (kind == LIA_G_COUNTRY || kind == LIA_G_NISBA) {
                if (dateline_at(c, i))
                    continue;
                ci = idx;
            } else if (kind == LIA_G_PERSON) {
                ci = lia_rules_country_index(c->r, c->r->officials.v[idx].country);
                w = 2;
            } else if (kind == LIA_G_CITY && dateline_at(c, i)) {
                ci = lia_rules_country_index(c->r, c->r->cities.v[idx].country);
                w = 8;
            } else if (kind == LIA_G_AGENCY) {
                ci = lia_rules_country_index(c->r, c->r->agencies.v[idx].country);
            }
            if (ci >= 0) {
                if (!score[ci])
                    first[ci] = (int)i;
                score[ci] += w;
            }
        }
    }
    c->dateline_city = -1;
    for (size_t i = 0; i < c->t->n && c->dateline_city < 0 && i < 40; i++) {
        int ci2;
        if (dateline_at(c, i) && gaz_ref(c, i, LIA_G_CITY, &ci2))
            c->dateline_city = ci2;
    }
    /* Whose country a body named without one belongs to: the dateline's,
     * else the first official's. */
    c->subject_country = c->dateline_city >= 0
        ? lia_rules_country_index(c->r, c->r->cities.v[c->dateline_city].country) : -1;
    for (size_t i = 0; i < c->t->n && c->subject_country < 0; i++) {
        int oi;
        if (gaz_ref(c, i, LIA_G_PERSON, &oi))
            c->subject_country = lia_rules_country_index(c->r, c->r->officials.v[oi].country);
    }
    c->home_country = -1;
    for (size_t ci = 0; ci < n; ci++)
        if (score[ci] && (c->home_country < 0 || score[ci] > score[c->home_country]
                          || (score[ci] == score[c->home_country]
                              && first[ci] < first[c->home_country])))
            c->home_country = (int)ci;
    c->country_score = score;
    free(first);
}

/* Is the word at token i ("بالمملكة") the first word of one of the
 * country's formal names? */
static int state_word_of(const ctx *c, size_t i, int country)
{
    const lia_token *tk = tok(c, i);
    for (int f = 0; f < tk->n_forms; f++)
        if (lia_rules_country_has_state_word(c->r, country, tk->forms[f]))
            return 1;
    return 0;
}

/* The country of the first official the story names, or -1. */
static int first_official_country(const ctx *c)
{
    int oi;
    for (size_t i = 0; i < c->t->n; i++)
        if (gaz_ref(c, i, LIA_G_PERSON, &oi))
            return lia_rules_country_index(c->r, c->r->officials.v[oi].country);
    return -1;
}

/* The country of the story's dateline city, or -1. */
static int dateline_country(const ctx *c)
{
    return c->dateline_city >= 0 ? lia_rules_country_index(c->r, c->r->cities.v[c->dateline_city].country) : -1;
}

/* The country a bare "المملكة" or "السلطنة" at token i stands for: the
 * story's own country when it is a kingdom (or a sultanate) by one of its
 * names, else the one of those the story names most ("وصل الشرع إلى
 * المملكة" in a story mostly about an American president's stop in
 * Riyadh), else the story's country. */
static int home_ref_country(const ctx *c, size_t i)
{
    if (state_word_of(c, i, c->home_country))
        return c->home_country;
    int best = -1;
    for (size_t ci = 0; ci < c->r->countries.n; ci++)
        if (c->country_score[ci] && (best < 0 || c->country_score[ci] > c->country_score[best])
            && state_word_of(c, i, (int)ci))
            best = (int)ci;
    if (best >= 0)
        return best;
    /* "بمناسبة زيارتها للبلاد" in a story datelined الدوحة about a Qatari
     * host: "البلاد", no state's own word, is the country of the dateline
     * and of the first official named (a Kuwaiti agency's story datelined
     * Baghdad still means Kuwait). */
    int dateline = dateline_country(c);
    return dateline >= 0 && dateline == first_official_country(c) ? dateline : c->home_country;
}

/* ---------------------------------------------------------------- mentions */

static char *span_text(const ctx *c, size_t first, size_t last)
{
    if (last <= first)
        return xstrdup("");
    size_t s = tok(c, first)->start, e = tok(c, last - 1)->end;
    return xstrndup(c->text + s, e - s);
}

/* Byte length of the UTF-8 character at p. */
static size_t u8len(const unsigned char *p)
{
    return *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 4;
}

static size_t count_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i += u8len((const unsigned char *)s + i))
        k++;
    return k;
}

/* The first form of token tk (the most literal) that a rule word starts
 * with: the lexicon's, and with names the gazetteers' too.  NULL if none. */
static const char *known_form(const ctx *c, const lia_token *tk, int names)
{
    for (int f = 0; f < tk->n_forms; f++)
        if (preposition_before_conjunction(c->r, tk, f))
            continue;
        else if ((names && lia_trie_step_hashed(&c->r->names, tk->forms[f], tk->form_hash[f]))
            || lia_trie_step_hashed(&c->r->lexicon, tk->forms[f], tk->form_hash[f]))
            return tk->forms[f];
    return NULL;
}

/* The words of a mention as written, without the proclitics of its first
 * word: "للمديرية العامة" → "المديرية العامة", "وبموسكو" → "موسكو".  The
 * clitics are those the rules' tries needed stripped to match.  The text
 * is the returned prefix ("" or the alef of an article written لل) then
 * c->text[*from, *to): found without copying, as most of it is copied
 * straight into a mention. */
static const char *clean_span(const ctx *c, size_t first, size_t last, size_t *from, size_t *to)
{
    *from = *to = 0;
    if (last > first) {
        *from = tok(c, first)->start;
        *to = tok(c, last - 1)->end;
    }
    const char *raw = c->text + *from;
    const lia_token *tk = tok(c, first);
    if (tk->kind != LIA_TOK_WORD)
        return "";
    /* known_form(c, tk, 1), which the word's facts hold. */
    int known = c->facts[first]->known_form;
    if (known < 0)
        return "";
    const char *form = tk->forms[known];
    size_t nl = strlen(tk->norm), fl = strlen(form);
    if (fl >= nl || strcmp(tk->norm + nl - fl, form) != 0)
        return "";
    /* What was stripped, and whether it held the article (ال, or لل). */
    size_t pl = nl - fl;
    const char *pre = tk->norm;
    int article = (pl >= 4 && strncmp(pre + pl - 4, "ال", 4) == 0)
                  || (pl >= 4 && strncmp(pre + pl - 4, "لل", 4) == 0);
    size_t skip = count_chars(pre, pl);
    if (pl >= 4 && strncmp(pre + pl - 4, "ال", 4) == 0)
        skip -= 2;               /* keep the article as written */
    else if (article)
        skip -= 1;               /* لل: drop one lam, write the article */
    /* Skip that many letters of the original, with their marks. */
    size_t i = 0, letters = 0, n = *to - *from;
    while (i < n && letters < skip) {
        size_t l = u8len((const unsigned char *)raw + i);
        unsigned int cp = 0;
        if (l == 2)
            cp = ((unsigned)(raw[i] & 0x1F) << 6) | (unsigned)(raw[i + 1] & 0x3F);
        int mark = (cp >= 0x64B && cp <= 0x65F) || cp == 0x670 || cp == 0x640;
        if (!mark)
            letters++;
        i += l;
    }
    while (i + 1 < n && (unsigned char)raw[i] == 0xD9 && (unsigned char)raw[i + 1] >= 0x8B
           && (unsigned char)raw[i + 1] <= 0x9F)
        i += 2;              /* marks on the last stripped letter */
    *from += i < n ? i : n;
    return pl >= 4 && strncmp(pre + pl - 4, "لل", 4) == 0 && article ? "ا" : "";
}

/* clean_span's text, in the arena a (NULL: malloc'd). */
static char *clean_span_copy(const ctx *c, size_t first, size_t last, lia_arena *a)
{
    size_t from, to;
    const char *pre = clean_span(c, first, last, &from, &to);
    size_t pn = strlen(pre);
    char *out = a ? lia_arena_alloc(a, pn + (to - from) + 1) : xmalloc(pn + (to - from) + 1);
    memcpy(out, pre, pn);
    memcpy(out + pn, c->text + from, to - from);
    out[pn + (to - from)] = '\0';
    return out;
}

/* clean_span's text, malloc'd. */
static char *clean_span_text(const ctx *c, size_t first, size_t last)
{
    return clean_span_copy(c, first, last, NULL);
}

/* clean_span's text, owned by the matches. */
static char *mention_text(const ctx *c, size_t first, size_t last)
{
    return clean_span_copy(c, first, last, c->m->strings);
}

/* A copy of s (NULL: "") owned by the matches, for a mention's field. */
static char *keep(const ctx *c, const char *s)
{
    return lia_arena_strdup(c->m->strings, s ? s : "");
}

static char *lower_cc(const char *cc)
{
    char *s = xstrdup(cc);
    for (char *p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
}

static lia_mention *new_mention(ctx *c, size_t first, size_t last, int type)
{
    lia_mention mm;
    memset(&mm, 0, sizeof mm);
    mm.first = first;
    mm.last = last;
    mm.type = type;
    mm.surface = mention_text(c, first, last);
    mm.role = keep(c, "");
    mm.office = keep(c, "");
    mm.title = -1;
    VEC_PUSH(c->m->mentions, mm);
    return &c->m->mentions.v[c->m->mentions.n - 1];
}

static void set_identity(const ctx *c, lia_mention *mm, const char *key, const char *name,
                         const char *latin, const char *country)
{
    mm->key = keep(c, key);
    mm->name = keep(c, name);
    mm->latin = keep(c, latin);
    mm->country = keep(c, country);
}

/* The country a nisba or country name at i names (index), and its length. */
/* A nisba at i ("التركي"), but not a given name that looks like one:
 * "الأمير تركي بن محمد" (a nisba before بن). */
static int nisba_at(const ctx *c, size_t i, int *country)
{
    int len = gaz_ref(c, i, LIA_G_NISBA, country);
    if (len && i + (size_t)len < c->t->n && patronymic_word(tok(c, i + (size_t)len)))
        return 0;
    return len;
}

static int country_at(const ctx *c, size_t i, int *country)
{
    int len = nisba_at(c, i, country);
    if (len)
        return len;
    return gaz_ref(c, i, LIA_G_COUNTRY, country);
}

/* A country tied to the body that ends at i: a nisba ("التركية"), or
 * "في/ب + country" ("وزارة الداخلية في تركيا"). */
static int country_after(const ctx *c, size_t i, int *country)
{
    /* "وزير الداخلية المكلف بحكومة ...": words that qualify the office. */
    size_t skip = 0;
    while (i + skip < c->t->n && skip < 2 && lex(c, i + skip, c->cls.office_modifier))
        skip++;
    if (skip) {
        int l = country_after(c, i + skip, country);
        return l ? l + (int)skip : 0;
    }
    int len = nisba_at(c, i, country);
    if (len)
        return len;
    if (i < c->t->n && strcmp(tok(c, i)->norm, "في") == 0) {
        len = gaz_ref(c, i + 1, LIA_G_COUNTRY, country);
        if (!len && lex(c, i + 1, c->cls.polity))
            len = country_after(c, i + 1, country);   /* "في الجمهورية الإيطالية" */
        return len ? len + 1 : 0;
    }
    /* "بحكومة الوحدة الوطنية الليبية": a polity word, then its nisba. */
    if (i < c->t->n && lex(c, i, c->cls.polity)) {
        for (size_t j = i + 1; j < i + 5 && j < c->t->n && same_sentence(c, i, j); j++) {
            int l = nisba_at(c, j, country);
            if (!l)
                l = gaz_ref(c, j, LIA_G_COUNTRY, country);
            if (l)
                return (int)(j - i) + l;
            if (tok(c, j)->kind != LIA_TOK_WORD || lex(c, j, c->cls.stop))
                break;
        }
    }
    /* "بسلطنة عمان", "لدولة الكويت": a country with ب or ل. */
    if (i < c->t->n && (strncmp(tok(c, i)->norm, "ب", 2) == 0 || strncmp(tok(c, i)->norm, "ل", 2) == 0)
        && strncmp(tok(c, i)->norm, "ال", 4) != 0)
        return gaz_ref(c, i, LIA_G_COUNTRY, country);
    return 0;
}

/* A body's strings are borrowed: from the rules, or (made from the text)
 * owned by the matches; body_release has nothing to free.  Bodies are
 * parsed speculatively, over a hundred thousand times on 10 MB of news,
 * mostly gazetteer agencies whose strings the rules already hold. */
typedef struct {
    const char *key, *name, *latin, *country;
    size_t start, end;       /* token span of the body's own words */
    int kind;                /* agency kind index when generic, else -1 */
    size_t kind_first, kind_last; /* generic: the kind's words */
    int defaulted;           /* its country was guessed (the home country) */
    int is_org;              /* an organization (rules' organizations.tsv), not a state body */
    int anaphoric;           /* "للمنظمة": the organization named before, no mention of its own */
} body;

static void body_release(body *b)
{
    memset(b, 0, sizeof *b);
}

/* s (malloc'd, freed here) as a body's string, owned by the matches. */
static const char *body_string(const ctx *c, char *s)
{
    const char *kept = keep(c, s);
    free(s);
    return kept;
}

/* Does normalized name hold the word (without its article) as a word? */
static int name_holds_word(const char *name, const char *word)
{
    size_t n = strlen(word);
    for (const char *w = name; *w; ) {
        const char *end = strchr(w, ' ');
        size_t len = end ? (size_t)(end - w) : strlen(w);
        const char *bare = len > 4 && !strncmp(w, "ال", 4) ? w + 4 : w;
        if ((size_t)(w + len - bare) == n && !strncmp(bare, word, n))
            return 1;
        if (!end)
            break;
        w = end + 1;
    }
    return 0;
}

/* The last agency of country code named before token i whose name or
 * words as written hold the head word at i ("المديرية" of "المديرية
 * العامة لمراقبة التراب الوطني"): its mention index, or -1. */
static int agency_named_before(const ctx *c, size_t i, const char *code)
{
    const char *head = tok(c, i)->forms[0];
    int best = -1;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_AGENCY || mm->last > i || !mm->key[0] || strcmp(mm->country, code) != 0)
            continue;
        int holds = 0;
        for (size_t t = mm->first; t < mm->last && !holds; t++)
            holds = lia_token_matches(tok(c, t), head);
        char *name = lia_normalize_str(mm->name);
        if (holds || name_holds_word(name, head))
            best = (int)k;
        free(name);
    }
    return best;
}

/* The agency of kind k in country ci: the gazetteer's agency of that kind,
 * else the generic one keyed <cc>-<kind>. */
static void body_identity(body *b, const char *key, const char *name, const char *latin,
                          const char *country)
{
    b->key = key;
    b->name = name;
    b->latin = latin;
    b->country = country;
}

/* Country ci's agency of kind k in the rules (index + 1), or 0; *key_out,
 * when given, gets the key "<cc>-<kind>" (malloc'd). */
static intptr_t kind_agency_index(const ctx *c, int k, int ci, char **key_out)
{
    char *lcc = lower_cc(c->r->countries.v[ci].code);
    char *key = xasprintf("%s-%s", lcc, c->r->kinds.v[k].kind);
    free(lcc);
    intptr_t ai = (intptr_t)lia_map_get(&c->r->agency_of_kind, key);
    if (key_out)
        *key_out = key;
    else
        free(key);
    return ai;
}

/* Country ci's agency whose name is the words [first, last) and one more
 * (its nisba): "الأمن العام" in a Lebanese text is "الأمن العام اللبناني",
 * General Security, not the police the kind names elsewhere.  Index + 1,
 * or 0. */
static intptr_t country_agency_named(const ctx *c, size_t first, size_t last, int ci)
{
    const lia_trie *node = &c->r->names;
    for (size_t i = first; i < last && node; i++) {
        const lia_token *tk = tok(c, i);
        const lia_trie *next = NULL;
        for (int f = 0; f < tk->n_forms && !next; f++)
            next = lia_trie_step_hashed(node, tk->forms[f], tk->form_hash[f]);
        node = next;
    }
    if (!node || last <= first)
        return 0;
    const char *code = c->r->countries.v[ci].code;
    for (size_t s = 0; s < node->kids.cap; s++) {
        const char *word = node->kids.slots[s].key;
        const lia_trie *kid = word ? node->kids.slots[s].val : NULL;
        /* The word after must be the country's nisba. */
        const lia_trie *alone = kid ? lia_trie_step(&c->r->names, word) : NULL;
        int nisba = 0;
        for (size_t r = 0; alone && r < alone->refs.n; r++)
            nisba |= alone->refs.v[r].kind == LIA_G_NISBA && alone->refs.v[r].index == ci;
        if (!nisba)
            continue;
        for (size_t r = 0; r < kid->refs.n; r++)
            if (kid->refs.v[r].kind == LIA_G_AGENCY
                && strcmp(c->r->agencies.v[kid->refs.v[r].index].country, code) == 0)
                return kid->refs.v[r].index + 1;
    }
    return 0;
}

/* Country ci's body of kind k named by the words [first, last). */
static void kind_agency(const ctx *c, int k, int ci, size_t first, size_t last, body *b)
{
    const lia_country *co = &c->r->countries.v[ci];
    char *key;
    intptr_t ai = kind_agency_index(c, k, ci, &key);
    intptr_t named = country_agency_named(c, first, last, ci);
    if (named)
        ai = named;
    if (ai) {
        const lia_agency *a = &c->r->agencies.v[ai - 1];
        body_identity(b, a->key, a->name, a->latin, a->country);
        free(key);
    } else {
        b->key = body_string(c, key);
        b->name = body_string(c, xasprintf("%s (%s)", c->r->kinds.v[k].name, co->name));
        b->latin = body_string(c, xasprintf("%s of %s", c->r->kinds.v[k].latin, co->latin));
        b->country = co->code;
    }
}

/* "حاكم دبي" at j, an office that names the city its holder rules: its
 * length, or 0. */
static size_t ruler_of_city(const ctx *c, size_t j)
{
    int rl = lex(c, j, c->cls.ruler_of);
    int cl = rl ? gaz_ref(c, j + (size_t)rl, LIA_G_CITY, NULL) : 0;
    return cl && same_sentence(c, j, j + (size_t)(rl + cl) - 1) ? (size_t)(rl + cl) : 0;
}

/* The country of the place named last in i's sentence before a
 * reception word at most four tokens before i ("كان في استقباله بالمطار
 * X"), or -1. */
static int reception_place_country(const ctx *c, size_t i)
{
    size_t r = i;
    for (size_t s = i > 4 ? i - 4 : 0; s < i && r == i; s++)
        if (lex(c, s, c->cls.receive_noun) && same_sentence(c, s, i))
            r = s;
    if (r == i)
        return -1;
    int ci = -1, idx;
    for (size_t s = c->t->sent[tok(c, r)->sentence].first; s < r; s++) {
        if (gaz_ref(c, s, LIA_G_CITY, &idx))
            ci = lia_rules_country_index(c->r, c->r->cities.v[idx].country);
        else if (gaz_ref(c, s, LIA_G_COUNTRY, &idx))
            ci = idx;
    }
    return ci;
}

/* "من الجانب المغربي"، "عن الطرف النمساوي": a side and its nisba ending
 * at most gap tokens before i in its sentence; the country, or -1. */
static int side_country_before(const ctx *c, size_t i, size_t gap)
{
    for (size_t s = i > 7 ? i - 7 : 0; s < i; s++) {
        int sl = lex(c, s, c->cls.side_of), sci, snl;
        if (sl && (snl = nisba_at(c, s + (size_t)sl, &sci)) && s + (size_t)(sl + snl) + gap >= i
            && s + (size_t)(sl + snl) <= i && same_sentence(c, s, i))
            return sci;
    }
    return -1;
}

/* "وسلمت بلجيكا الرئاسة إلى بوركينا فاسو، التي مثلها الوزير X": the
 * country a title right after "التي مثلها" represented; -1 when none. */
static int represented_country_before(const ctx *c, size_t i)
{
    if (i < 4 || !same_sentence(c, i - 4, i) || !lex(c, i - 2, c->cls.relative) || !is_punct(c, i - 3, ",")
        || !(lia_token_matches(tok(c, i - 1), "مثلها") || lia_token_matches(tok(c, i - 1), "مثله")))
        return -1;
    for (size_t k = i - 3 > 4 ? i - 7 : 0; k < i - 3; k++) {
        int ci, cl = gaz_ref(c, k, LIA_G_COUNTRY, &ci);
        if (cl && k + (size_t)cl == i - 3)
            return ci;
    }
    return -1;
}

/* Skips a bracketed or quoted acronym right after i ("(FBI)", "« FSB »",
 * "“IGEF 24”") and returns the index after it, or i. */
static size_t skip_bracketed(const ctx *c, size_t i)
{
    if (i >= c->t->n || tok(c, i)->kind != LIA_TOK_PUNCT)
        return i;
    const char *open = tok(c, i)->norm;
    if (strcmp(open, "(") != 0 && strcmp(open, "\"") != 0)
        return i;
    const char *close = strcmp(open, "(") == 0 ? ")" : "\"";
    for (size_t j = i + 1; j < c->t->n && j <= i + 5 && same_sentence(c, i, j); j++) {
        const lia_token *tk = tok(c, j);
        if (tk->kind == LIA_TOK_PUNCT) {
            if (strcmp(tk->norm, close) == 0 && j > i + 1)
                return j + 1;
            if (strcmp(tk->norm, "\"") != 0)
                return i;
        }
        if (tk->kind == LIA_TOK_WORD && j > i + 4)
            return i;
    }
    return i;
}

/* "للقوات المسلحة السعودية" right after a generic kind ("هيئة الأركان
 * العامة"): the parent body the kind belongs to, with ل, naming the
 * country by its nisba or as a known agency.  The words it takes (0 when
 * none); *country gets the country. */
static int parent_body_country(const ctx *c, size_t e, int *country)
{
    if (e >= c->t->n || tok(c, e)->n_forms < 2 || strncmp(tok(c, e)->norm, "ل", 2) != 0)
        return 0;
    int idx, len = gaz_ref(c, e, LIA_G_AGENCY, &idx);
    if (len) {
        *country = lia_rules_country_index(c->r, c->r->agencies.v[idx].country);
        return *country >= 0 ? len : 0;
    }
    len = gaz_ref(c, e, LIA_G_KIND, &idx);
    int cl = len ? nisba_at(c, e + (size_t)len, country) : 0;
    return cl ? len + cl : 0;
}

/* "وحدة سوريا"، "وحدة الأراضي السورية": the unity of a state or of its
 * territory, no unit named so. */
static int unity_of_territory(const ctx *c, size_t i)
{
    if (!lia_token_matches(tok(c, i), "وحده") || i + 1 >= c->t->n || !same_sentence(c, i, i + 1))
        return 0;
    const lia_token *next = tok(c, i + 1);
    return gaz_ref(c, i + 1, LIA_G_COUNTRY, NULL) || lia_token_matches(next, "اراضي") || lia_token_matches(next, "تراب");
}

/* An agency body at i: a gazetteer agency (with its nisba), a generic kind
 * tied to a country, or an agency-shaped phrase ending in a nisba.
 * want_country: a generic kind needs a country (else it is not a body). */
/* "وفق قرار مجلس الأمن 2254"، "وقراري مجلس الأمن": a resolution of the
 * bare "مجلس الأمن" (len words at i, with no country after) is the United
 * Nations Security Council's; its index in the organizations, or -1. */
static int security_council_resolution(const ctx *c, size_t i, int len)
{
    if (len != 2 || i == 0 || !same_sentence(c, i - 1, i) || strcmp(tok(c, i)->norm, "مجلس") != 0
        || !lia_token_matches(tok(c, i + 1), "الامن") || nisba_at(c, i + 2, NULL)
        || !(lia_token_matches(tok(c, i - 1), "قرار") || lia_token_matches(tok(c, i - 1), "قرارات")
             || lia_token_matches(tok(c, i - 1), "قراري")))
        return -1;
    const lia_gaz_ref *g = lia_rules_lookup(c->r, "un-security-council");
    return g && g->kind == LIA_G_ORG ? g->index : -1;
}

static int parse_body(const ctx *c, size_t i, int default_country, int top, body *b)
{
    memset(b, 0, sizeof *b);
    b->kind = -1;
    int idx, len, ci;
    if ((len = gaz_ref(c, i, LIA_G_AGENCY, &idx))) {
        const lia_agency *a = &c->r->agencies.v[idx];
        body_identity(b, a->key, a->name, a->latin, a->country);
        size_t e = i + (size_t)len;
        int nl = nisba_at(c, e, &ci);
        if (nl)
            e += (size_t)nl;
        b->end = skip_bracketed(c, e);
        return 1;
    }
    if ((len = gaz_ref(c, i, LIA_G_ORG, &idx))) {
        const lia_org *o = &c->r->orgs.v[idx];
        body_identity(b, o->key, o->name, o->latin, o->country);
        b->end = skip_bracketed(c, i + (size_t)len);
        b->is_org = 1;
        return 2;
    }
    if ((len = gaz_ref(c, i, LIA_G_KIND, &idx))) {
        size_t e = i + (size_t)len;
        int cl = country_after(c, e, &ci);
        int unsc = cl ? -1 : security_council_resolution(c, i, len);
        if (unsc >= 0) {
            const lia_org *o = &c->r->orgs.v[unsc];
            body_identity(b, o->key, o->name, o->latin, o->country);
            b->end = e;
            b->is_org = 1;
            return 2;
        }
        /* "الأمن الداخلي الإسباني": the name goes on past the kind, so it
         * is not the kind; the shape below reads it with its country. */
        if (!cl && lex(c, i, c->cls.agency_head) && tok(c, e)->kind == LIA_TOK_WORD
            && has_article(tok(c, e)) && !c->gaz[e] && !any_lex(c, e)
            && country_after(c, e + 1, &ci))
            goto shape;
        /* "أركان القوات المسلحة القطرية": "أركان" alone without its
         * article is in construct with the body after it, which the
         * shape reads; "الأركان" alone is the staff ("رئيس الأركان التركي"). */
        if (len == 1 && !has_article(tok(c, i)) && lia_token_matches(tok(c, i), "اركان"))
            goto shape;
        /* "القوات المشتركة السودانية التشادية": two countries' nisbas make
         * a body the two share, which the shape reads. */
        int ci2;
        if (cl && lex(c, i, c->cls.agency_head) && e + (size_t)cl < c->t->n
            && !tok(c, e + (size_t)cl)->has_conj && nisba_at(c, e + (size_t)cl, &ci2) && ci2 != ci)
            goto shape;
        /* "أركان الجيش الوطني الشعبي الجزائري": adjectives of the body's
         * own name, then its country's nisba. */
        size_t own_end = e;   /* past the adjectives of its own name */
        if (!cl) {
            size_t j = e;
            while (j < e + 3 && j < c->t->n && same_sentence(c, i, j) && tok(c, j)->kind == LIA_TOK_WORD
                   && has_article(tok(c, j)) && !tok(c, j)->has_conj && !lex(c, j, c->cls.stop)
                   && !nisba_at(c, j, NULL) && !gaz_ref(c, j, LIA_G_KIND, NULL)
                   && !gaz_ref(c, j, LIA_G_TITLE, NULL)
                   /* "وزير الدفاع الضيف الإيراني": the guest is whom he met. */
                   && !lex(c, j, c->cls.guest))
                j++;
            int nl = j > e ? nisba_at(c, j, &ci) : 0;
            if (nl)
                cl = (int)(j - e) + nl;
            own_end = j;
        }
        /* "هيئة الأركان (المشتركة) للقوات المسلحة الأمريكية": the parent
         * body, after the adjectives of the kind's own name. */
        int pl = cl ? 0 : parent_body_country(c, own_end, &ci);
        if (pl)
            cl = (int)(own_end - e) + pl;
        /* "في مكتب رئاسة الحكومة": the kind's last word written without
         * its article before definite words is a construct going on to
         * another name ("مكتب الرئاسة" is not the prime minister's office). */
        if (top && !cl && own_end > e && !has_article(tok(c, e - 1)) && !c->gaz[e])
            return 0;
        /* "أركان الجيش الوطني الشعبي": a known body whose name starts
         * inside the kind's words and goes past them gives the country. */
        for (size_t k = i + 1; !cl && k < e; k++) {
            int ai3, al3 = gaz_ref(c, k, LIA_G_AGENCY, &ai3);
            if (al3 && k + (size_t)al3 > e && same_sentence(c, i, k + (size_t)al3 - 1)) {
                ci = lia_rules_country_index(c->r, c->r->agencies.v[ai3].country);
                if (ci >= 0)
                    cl = (int)(k + (size_t)al3 - e);
            }
        }
        /* Without a country, a multi-word generic name ("وزارة الداخلية")
         * is the home country's; a single word ("الداخلية") is too vague. */
        /* "من الجانب المغربي، مسؤولون بالمديرية العامة للأمن الوطني": the
         * side named just before. */
        int side = !cl && default_country < 0 ? side_country_before(c, i, 4) : -1;
        if (side >= 0)
            default_country = side;
        if (!cl && default_country < 0
            && ((len >= 2 && lex(c, i, c->cls.institution)) || !top))
            default_country = c->subject_country >= 0 ? c->subject_country : c->home_country;
        if (!cl && default_country < 0)
            return 0;
        /* "رئيس أركان القوات البرية التابعة للقيادة العامة في شرق ليبيا":
         * a service's staff names its country, or it is no guess's. */
        if (!cl && lia_token_matches(tok(c, i), "اركان") && lia_token_matches(tok(c, i + 1), "قوات"))
            return 0;
        if (!cl)
            ci = default_country;
        /* Alone in running text, a one-word kind ("الأمن المصري") names a
         * body only where the rules know that country's body of that kind. */
        if (top && len == 1 && !kind_agency_index(c, idx, ci, NULL))
            return 0;
        kind_agency(c, idx, ci, i, i + (size_t)len, b);
        b->kind = idx;
        b->kind_first = i;
        b->kind_last = i + (size_t)len;
        b->defaulted = !cl;
        b->end = skip_bracketed(c, e + (size_t)cl);
        return 1;
    }
shape:
    /* "المعارك الدائرة جنوب العاصمة الليبية": after a definite noun,
     * "الدائرة" is the participle (ongoing), no department. */
    if (i > 0 && same_sentence(c, i - 1, i) && !strcmp(tok(c, i)->norm, "الدايره") && has_article(tok(c, i - 1))
        && tok(c, i - 1)->kind == LIA_TOK_WORD && !c->gaz[i - 1] && !any_lex(c, i - 1))
        return 0;
    if (unity_of_territory(c, i))
        return 0;
    /* "تحالف ... بقيادة المملكة": led by, not a command named so. */
    if ((len = lex(c, i, c->cls.agency_head)) && !(lex(c, i, c->cls.led_by) && tok(c, i)->n_forms > 1)) {
        /* Shape: head word + up to five words + nisba. */
        size_t e = i + (size_t)len;
        for (size_t j = e; j < e + 6 && j < c->t->n && same_sentence(c, i, j); j++) {
            const lia_token *tk = tok(c, j);
            /* ... or + في + country: "لجنة الدولة للأمن القومي في طاجيكستان". */
            int in_country = j > e + 1 && strcmp(tk->norm, "في") == 0
                             ? gaz_ref(c, j + 1, LIA_G_COUNTRY, &ci) : 0;
            if (!in_country && (tk->kind != LIA_TOK_WORD || lex(c, j, c->cls.stop) || lex(c, j, c->cls.relative)))
                break;
            if (j > e && tk->has_conj)
                break;
            /* "مقر الوزارة بالعاصمة الأميركية": where the body sits, not
             * its name ("مديرية أمن العاصمة" keeps it). */
            if (lex(c, j, c->cls.capital) && strncmp(tk->norm, "ب", 2) == 0)
                break;
            int cl = in_country ? 1 + in_country : nisba_at(c, j, &ci);
            /* "الإدارة الأمريكية"، "القيادة السورية": such a head with only a
             * nisba is the country's government, not one of its bodies. */
            if (cl && j == e && lex(c, i, c->cls.vague_head))
                break;
            int ci2, cl2 = cl ? nisba_at(c, j + (size_t)cl, &ci2) : 0;
            if (cl2 && ci2 != ci && same_sentence(c, i, j + (size_t)(cl + cl2) - 1)) {
                /* Two countries' nisbas ("مجلس التنسيق السعودي الكويتي"،
                 * "اللجنة الأمنية العراقية الإيرانية"): a body the two
                 * share, an organization of neither alone. */
                size_t end = j + (size_t)(cl + cl2);
                char *words = span_text(c, i, end);
                char *norm = lia_normalize_str(words);
                b->key = body_string(c, lia_slug(norm));
                b->name = mention_text(c, i, end);
                b->latin = "";
                b->country = "";
                b->is_org = 1;
                b->end = skip_bracketed(c, end);
                free(words);
                free(norm);
                return 2;
            }
            /* "الوكالة الموريتانية للأنباء": a news agency, no state body. */
            if (cl && j + (size_t)cl < c->t->n && lia_token_matches(tok(c, j + (size_t)cl), "انباء"))
                break;
            /* "وأكدت المديرية المغربية"، "أجهزة الوزارة المصرية": a
             * definite head word with only its nisba is that country's
             * body named before it whose name holds the word. */
            int prev = cl && j == e && has_article(tok(c, i))
                       ? agency_named_before(c, i, c->r->countries.v[ci].code) : -1;
            if (prev >= 0) {
                const lia_mention *pm = &c->m->mentions.v[prev];
                body_identity(b, pm->key, pm->name, pm->latin, pm->country);
                b->end = skip_bracketed(c, j + (size_t)cl);
                return 1;
            }
            if (cl) {
                /* A shape around a known kind ("المديرية المشتركة العامة
                 * للأمن الوطني المغربي") is that country's body of the kind. */
                for (size_t k = i + 1; k < j; k++) {
                    int ki, ai2, al2 = gaz_ref(c, k, LIA_G_AGENCY, &ai2);
                    if (al2 && k + (size_t)al2 <= j + (size_t)cl
                        && !strcmp(c->r->agencies.v[ai2].country, c->r->countries.v[ci].code)) {
                        const lia_agency *a = &c->r->agencies.v[ai2];
                        body_identity(b, a->key, a->name, a->latin, a->country);
                        b->end = skip_bracketed(c, j + (size_t)cl);
                        return 1;
                    }
                    int kl = gaz_ref(c, k, LIA_G_KIND, &ki);
                    if (kl && k + (size_t)kl <= j && kind_agency_index(c, ki, ci, NULL)) {
                        kind_agency(c, ki, ci, k, k + (size_t)kl, b);
                        b->end = skip_bracketed(c, j + (size_t)cl);
                        return 1;
                    }
                }
                const lia_country *co = &c->r->countries.v[ci];
                char *words = span_text(c, i, j);
                char *norm = lia_normalize_str(words);
                char *slug = lia_slug(norm);
                char *lcc = lower_cc(co->code);
                b->key = body_string(c, xasprintf("%s-%s", lcc, slug));
                b->name = mention_text(c, i, j + (size_t)cl);
                b->latin = "";
                b->country = co->code;
                b->end = skip_bracketed(c, j + (size_t)cl);
                free(words);
                free(norm);
                free(slug);
                free(lcc);
                return 1;
            }
            if (gaz_ref(c, j, LIA_G_TITLE, NULL) || gaz_ref(c, j, LIA_G_PERSON, NULL))
                break;
        }
    }
    return 0;
}

/* Does the word carry the article, possibly behind proclitics (الدولة،
 * بالدور، والمهام، للأمن)? */
/* Does the word end in a pronoun (ها، هم، هما) after at least two
 * letters: "خلالها"، "هامشها"? */
static int led_by_preposition(const lia_token *tk);

static int pronoun_ending(const lia_token *tk)
{
    const char *w = tk->norm;
    size_t n = strlen(w);
    return (n > 6 && !strcmp(w + n - 4, "ها")) || (n > 6 && !strcmp(w + n - 4, "هم"))
           || (n > 8 && !strcmp(w + n - 6, "هما"));
}

/* "بها"، "له"، "معهم": a preposition with its pronoun, too short for
 * pronoun_ending, is no word of a name ("زيارة يقوم بها شريف"). */
static int preposition_with_pronoun(const lia_token *tk)
{
    static const char *const words[] = { "به", "بها", "بهم", "بهما", "له", "لها", "لهم", "لهما", "منه", "منها",
                                         "عنه", "عنها", "فيه", "فيها", "معه", "معها", "معهم", "اليه", "اليها",
                                         "عليه", "عليها" };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (!strcmp(tk->norm, words[k]))
            return 1;
    return 0;
}

static int has_article(const lia_token *tk)
{
    return tk->has_article;
}

/* Can token i be part of a person's name found after a title? */
/* Is token i a given name and nothing else ("محمود" after "علي")? */
static int only_given_name(const ctx *c, size_t i)
{
    if (!lex(c, i, c->cls.given_name))
        return 0;
    for (int k = 0; k < c->m->n_lex[i]; k++)
        if (c->m->lex[i][k].cls != c->cls.given_name)
            return 0;
    return 1;
}

static int word_in_class(const ctx *c, const char *w, int cls);

/* "الأمير فيصل": is token i, as written, only a given name, whatever it
 * reads as once a proclitic is taken off (ف + يصل "arrives")? */
static int given_name_as_written(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    if (!word_in_class(c, tk->forms[0], c->cls.given_name))
        return 0;
    for (int k = 0; k < c->m->n_lex[i]; k++) {
        const struct lia_lexhit *h = &c->m->lex[i][k];
        if (h->cls != c->cls.given_name && (h->len > 1 || word_in_class(c, tk->forms[0], h->cls)))
            return 0;
    }
    return 1;
}

/* Is every token of [from, to) a word that reads only as a given name? */
static int given_names_only(const ctx *c, size_t from, size_t to)
{
    if (to > c->t->n || from >= to)
        return 0;
    for (size_t k = from; k < to; k++)
        if (tok(c, k)->kind != LIA_TOK_WORD || !only_given_name(c, k))
            return 0;
    return 1;
}

/* name_word's first: the word after a list's و, which opens the next name
 * ("، وماتوش شوتاي إشتوك وزير ..."). */
enum { NAME_AFTER_LIST_CONJ = 2 };

/* Is token i written with a final ي, not ى ("علي" the name, not "على")? */
static int ends_with_ya(const ctx *c, size_t i)
{
    return ends_in_written(c, i, 0x8A);
}

static int word_in_class(const ctx *c, const char *w, int cls);

/* Is token i, a word opening with و after a name word, the name's last
 * word ("الفريق تادسي ويريدي،")?  Only where nothing else reads it: the
 * word after و is no word the rules know and is not a verb of form IV
 * ("وأكد") nor a noun with a pronoun ("ونائبه"), and the sentence or
 * clause ends right after it; "X وY" of two persons keeps the و. */
static int waw_family_name(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    const char *rest = tk->norm + 2;
    size_t n = strlen(rest);
    if (strncmp(tk->norm, "و", 2) != 0 || n < 6 || i == 0 || any_lex(c, i) || c->gaz[i] || has_article(tk))
        return 0;
    if (!strncmp(rest, "ا", 2) || !strncmp(rest, "و", 2) || !strcmp(rest + n - 2, "ه")
        || pronoun_ending(tk) || word_in_class(c, rest, c->cls.given_name))
        return 0;
    const lia_token *prev = tok(c, i - 1);
    if (prev->kind != LIA_TOK_WORD || prev->has_conj || has_article(prev))
        return 0;
    return i + 1 >= c->t->n || tok(c, i + 1)->kind == LIA_TOK_PUNCT;
}

static size_t class_ends_before(const ctx *c, size_t i, int cls);

/* Is token i right after a military rank and one given name ("اللواء
 * عادل"), or two ("اللواء عبدالله محمد": his own and his father's)? */
static int ranked_given_name_before(const ctx *c, size_t i)
{
    if (i < 2 || !lex(c, i - 1, c->cls.given_name))
        return 0;
    if (class_ends_before(c, i - 1, c->cls.military_rank) != SIZE_MAX)
        return 1;
    return i >= 3 && lex(c, i - 2, c->cls.given_name) && !tok(c, i - 1)->has_conj
           && class_ends_before(c, i - 2, c->cls.military_rank) != SIZE_MAX;
}

/* Is the word at i "سنة" or "عام" before a number, the year it names? */
static int year_word_at(const ctx *c, size_t i)
{
    return i + 1 < c->t->n && tok(c, i + 1)->kind == LIA_TOK_NUMBER
           && (lia_token_matches(tok(c, i), "سنه") || lia_token_matches(tok(c, i), "عام"));
}

/* Is the city word at i a given name, as cities named after persons are
 * ("فيكتوريا نولاند"، "ليون برايس"، "سانتياغو رودريغيز")?  So it is where a
 * name is read (after a title, as a verb's subject) when it is one word
 * written bare (no article, no clitic) and a word that reads as nothing
 * else, the family name, follows it in its sentence ("بيونغ يانغ" is one
 * city of two words). */
static int city_as_given_name(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    for (size_t k = 0; k < c->gaz[i]->refs.n; k++)
        if (c->gaz[i]->refs.v[k].kind != LIA_G_CITY)
            return 0;
    if (!c->gaz[i]->refs.n || c->gaz_len[i] != 1 || has_article(tk) || c->facts[i]->known_form != 0   /* "وليون": no */
        || i + 1 >= c->t->n || !same_sentence(c, i, i + 1))
        return 0;
    const lia_token *nx = tok(c, i + 1);
    return nx->kind == LIA_TOK_WORD && !nx->has_conj && !has_article(nx) && !any_lex(c, i + 1)
           && !c->gaz[i + 1] && !pronoun_ending(nx);
}

static int name_word(const ctx *c, size_t i, int first)
{
    if (i >= c->t->n)
        return 0;
    const lia_token *tk = tok(c, i);
    if (tk->kind != LIA_TOK_WORD)
        return 0;
    /* "الرئيس الراحل فرانسوا ميتران عام 1983": the year is no part of it. */
    if (!first && year_word_at(c, i))
        return 0;
    if (lex(c, i, c->cls.name_part))
        return 1;
    /* The word after عبد، أبو، بن belongs to the name whatever it is
     * ("بن فيصل" too: not ف + "يصل"). */
    if (!first && i > 0 && lex(c, i - 1, c->cls.name_part)
        && (!tk->has_conj || word_in_class(c, tk->forms[0], c->cls.given_name)))
        return 1;
    if (!first && lex(c, i, c->cls.name_inner))
        return 1;
    /* A given name that is also a function word (علي / على) counts as a
     * name when a name-like word follows it. */
    /* "حسام زكي والأمين المساعد ...": a word joined by و that opens a
     * title is the next person's office, though it is a given name too. */
    if (!first && tk->has_conj && gaz_ref(c, i, LIA_G_TITLE, NULL))
        return 0;
    /* "زار ... الفريق البحري فيصل رسول الرياض": a city with the article
     * after a name is where he went, though "رياض" is a given name. */
    if (!first && has_article(tk) && gaz_ref(c, i, LIA_G_CITY, NULL))
        return 0;
    if (lex(c, i, c->cls.given_name)) {
        int other = 0;
        for (int k = 0; k < c->m->n_lex[i]; k++)
            other |= c->m->lex[i][k].cls != c->cls.given_name;
        if (!other)
            return 1;
        /* Inside a name, "علي" is a name before a given name, a family
         * name with the article or the name's end ("محمد علي الحوثي"), and
         * the preposition before a plain noun ("توفيق على حفاوة"). */
        if (!first) {
            const lia_token *nx = i + 1 < c->t->n ? tok(c, i + 1) : NULL;
            return !nx || nx->kind != LIA_TOK_WORD || lex(c, i + 1, c->cls.given_name)
                   || has_article(nx) || patronymic_word(nx)
                   /* "أحمد علي أبوشحمة": written with ي, before a word
                    * that reads as nothing else, it is the name */
                   || (ends_with_ya(c, i) && !any_lex(c, i + 1) && !c->gaz[i + 1]
                       && !nx->has_conj && same_sentence(c, i, i + 1));
        }
        /* "على" written with ى is the preposition: "وزير الخارجية على
         * صفحة وزارته" names no one. */
        if (strcmp(tk->norm, "علي") == 0 && !ends_with_ya(c, i))
            return 0;
        /* ... but not before a plural ("على مبادرات العمل"). */
        const char *nn = i + 1 < c->t->n ? tok(c, i + 1)->norm : "";
        size_t nl = strlen(nn);
        /* ... nor before a word with a pronoun ("على هامشها"). */
        if (i + 1 < c->t->n && tok(c, i + 1)->kind == LIA_TOK_WORD
            && (!any_lex(c, i + 1) || only_given_name(c, i + 1)) && !has_article(tok(c, i + 1))
            && !(nl > 6 && strcmp(nn + nl - 4, "ات") == 0) && !pronoun_ending(tok(c, i + 1)))
            return 1;
        if (patronymic_word(tok(c, i + 1)))
            return 1;            /* "علي بن حماد الشامسي" */
    }
    if (any_lex(c, i))
        return 0;
    if (c->gaz[i]) {
        /* "اللواء عادل التونسي": after a rank and a given name, a nisba
         * with the article is the family name. */
        if (!first && ranked_given_name_before(c, i) && nisba_at(c, i, NULL) == 1 && has_article(tk))
            return 1;
        if (first && city_as_given_name(c, i))
            return 1;
        for (size_t k = 0; k < c->gaz[i]->refs.n; k++)
            if (c->gaz[i]->refs.v[k].kind != LIA_G_PERSON)
                return 0;
    } else if (pronoun_ending(tk) || preposition_with_pronoun(tk) || (first && his_pronoun_written(c, i))) {
        return 0;       /* "بتسيير شؤونها"، "أبدى الرئيس ثقته": a noun with its pronoun */
    }
    /* "اللواء فياض بن حامد": after a rank and before a patronymic or a
     * family name, a word with ف that reads as nothing else is a name, not
     * ف and a word ("اللواء فرج تحيات" is Faraj's greetings). */
    int fa_name = strncmp(tk->norm, "ف", 2) == 0 && i > 0 && lex(c, i - 1, c->cls.honorific)
                  && i + 1 < c->t->n
                  && (lex(c, i + 1, c->cls.name_part) || has_article(tok(c, i + 1)));
    /* ... and after an office's nisba, before a word that reads as
     * nothing else: "مستشار الأمن القومي الهندي فيكرام ميسري". */
    fa_name |= strncmp(tk->norm, "ف", 2) == 0 && i > 0 && nisba_at(c, i - 1, NULL) == 1
               && i + 1 < c->t->n && tok(c, i + 1)->kind == LIA_TOK_WORD && !any_lex(c, i + 1)
               && !tok(c, i + 1)->has_conj && same_sentence(c, i, i + 1);
    /* ... and a long foreign name opening with ف before a plain word:
     * "نائب وزير الخارجية فرانسيسكو كوي" (ف + a word ال-less and long
     * enough not to be a verb like "فقال"). */
    fa_name |= first == 1 && strncmp(tk->norm, "ف", 2) == 0 && strlen(tk->norm) >= 10
               && strncmp(tk->norm + 2, "ال", 4) != 0 && i + 1 < c->t->n
               && tok(c, i + 1)->kind == LIA_TOK_WORD && (!any_lex(c, i + 1) || only_given_name(c, i + 1))
               && !c->gaz[i + 1] && !tok(c, i + 1)->has_conj && (!has_article(tok(c, i + 1)) || hamza_initial(c, i + 1))
               && same_sentence(c, i, i + 1);
    if (first && ((tk->has_conj && first != NAME_AFTER_LIST_CONJ && !fa_name)
                  || (strncmp(tk->norm, "ال", 4) == 0 && !hamza_initial(c, i) && !madda_initial(c, i)))
        && !lex(c, i, c->cls.given_name))
        return 0;
    /* و after a name opens the next item; a word with ف that reads as
     * nothing else is a name's own letter ("ألكسندر فومين"), and so is
     * a و of a family name that ends the name ("تادسي ويريدي"). */
    if (!first && tk->has_conj && strncmp(tk->norm, "ف", 2) != 0 && !waw_family_name(c, i))
        return 0;
    return 1;
}

/* Is word i a feminine noun with the article and a feminine nisba after
 * it ("الوزير ولد سيدي المقاربة الموريتانية": the approach he set out,
 * no family name)? */
static int feminine_noun_with_nisba(const ctx *c, size_t i)
{
    const char *w = tok(c, i)->norm;
    if (strlen(w) < 4 || !lia_ends_with(w, "ه") || i + 1 >= c->t->n || !same_sentence(c, i, i + 1))
        return 0;
    const lia_token *nx = tok(c, i + 1);
    return has_article(nx) && !nx->has_conj && strlen(nx->norm) > 4 && lia_ends_with(nx->norm, "يه")
           && nisba_at(c, i + 1, NULL) == 1;
}

/* The end of an unknown name starting at i (two or three words, not
 * counting connectors such as بن and عبد), or i.  A family name with the
 * article (الخليفي) or a third word that reads as a plural noun ends it.
 * A name that does not open with a given name or a connector has no word
 * with the article: that keeps "حرص الدولة" and "ملف النزوح" out. */
static size_t scan_name_opening(const ctx *c, size_t i, int first)
{
    size_t j = i, words = 0;
    int known_start = lex(c, i, c->cls.given_name) || lex(c, i, c->cls.name_part);
    int seen_part = 0;           /* "فياض بن حامد الرويلي": a patronymic makes it a name */
    while (j < c->t->n && words < 4 && same_sentence(c, i, j) && name_word(c, j, j == i ? first : 0)) {
        const lia_token *tk = tok(c, j);
        int part = lex(c, j, c->cls.name_part) != 0;
        int after_part = j > i && lex(c, j - 1, c->cls.name_part);
        int article = has_article(tk) && !hamza_initial(c, j) && !(j == i && madda_initial(c, j));
        seen_part |= part && j > i;
        /* "مجبل فهد الرشيدي": a father's given name makes the family
         * name with the article after it part of the name. */
        if (!known_start && !seen_part && article && !(words == 2 && lex(c, j - 1, c->cls.given_name)))
            break;
        if (j == i && article && !lex(c, j, c->cls.given_name))
            break;
        /* Nor does one open with ب or ل and the article: "اجتمع رئيس
         * الحكومة اليابانية بالأمين العام لمجلس التعاون" met him. */
        if (j == i && led_by_preposition(tk) && strncmp(tk->norm + 2, "ال", 4) == 0
            && !word_in_class(c, tk->forms[0], c->cls.given_name))
            break;
        /* "مون بانتظاره"، "بإعادة انتخابه": a word with his pronoun goes on
         * a name only after a given name ("محمد بمبه مكت"). */
        if (j > i && !known_start && his_pronoun_written(c, j))
            break;
        /* "أحمد معيتيق وعبد السلام كاجمان": و before a connector opens
         * the next name of a list. */
        if (j > i && tk->has_conj && strncmp(tk->norm, "و", 2) == 0 && part
            && !word_in_class(c, tk->forms[0], c->cls.name_part))
            break;
        /* A feminine past verb (تضمنت، تناولت، تسلمت) is no part of a name
         * ("مع الأمير محمد تناولت الملف"). */
        size_t nb = strlen(tk->norm);
        if (nb >= 8 && strncmp(tk->norm, "ت", 2) == 0 && strcmp(tk->norm + nb - 2, "ت") == 0
            && !lex(c, j, c->cls.given_name))
            break;
        if (!part && !after_part) {
            size_t l = strlen(tk->norm);
            if (words >= 2 && l > 4 && strcmp(tk->norm + l - 4, "ات") == 0)
                break;
            if (j > i && article && feminine_noun_with_nisba(c, j))
                break;
            /* "بمراسم عسكرية رسمية": an adjective in -ية after the first
             * word is no part of a name. */
            /* But right after a given name and nothing else, it is a family
             * name: "الفريق محمد عثامنية". */
            if (words >= 1 && l > 6 && strcmp(tk->norm + l - 4, "يه") == 0 && !lex(c, j, c->cls.given_name)
                && !(words == 1 && j == i + 1 && only_given_name(c, i) && !has_article(tk) && !tk->has_conj))
                break;
            /* "مارك فان دير ستور": a European name's particles are no
             * words of their own. */
            int particle = j > i && lex(c, j, c->cls.name_inner) && !has_article(tk);
            /* ... but a family name with the article may end a name of
             * three words that opens with a given name ("محمد علي مصلح
             * الأحبابي"): the article word ends it below. */
            int family_end = words == 3 && known_start && article;
            if (words >= 3 && !particle && !family_end)
                break;
            words += !particle;
        } else if (!part && after_part && words == 0 && patronymic_word(tok(c, j - 1))) {
            words++;            /* "عبد الله بن خالد": the father's name counts */
        }
        j++;
        /* "فومزيلي ملامبو-نغكوكا"، "آن-ماري": a hyphen written tight
         * between two words of a name joins them. */
        if (j + 1 < c->t->n && is_punct(c, j, "-") && tok(c, j)->start == tok(c, j - 1)->end
            && tok(c, j + 1)->start == tok(c, j)->end && tok(c, j + 1)->kind == LIA_TOK_WORD
            && name_word(c, j + 1, 0))
            j++;
        /* An article word ends the name ("... الفيصل"), unless it is a given
         * name with a family name after it ("محمد الطاهر سيالة"). */
        if (!part && !after_part && j > i + 1 && strncmp(tk->norm, "ال", 4) == 0 && !hamza_initial(c, j - 1)
            && !lex(c, j - 1, c->cls.name_inner)
            /* ... unless it is compounded with الله ("خالد الجار الله"),
             * or a South Asian name goes on with خان ("حمود الزمان خان") */
            && !(j < c->t->n && same_sentence(c, j - 1, j) && !tok(c, j)->has_conj
                 && (lia_token_matches(tok(c, j), "الله") || lia_token_matches(tok(c, j), "خان")))
            && !(words == 2 && lex(c, j - 1, c->cls.given_name) && j < c->t->n && same_sentence(c, i, j)
                 && tok(c, j)->kind == LIA_TOK_WORD && !tok(c, j)->has_conj && !any_lex(c, j)
                 && !has_article(tok(c, j)) && !c->gaz[j]))
            break;
        /* "... بن سعود الفيصل" ends on the family name; "بن عبد الله" is
         * a father's compound name, and the family name may follow. */
        if (after_part && strncmp(tk->norm, "ال", 4) == 0 && words >= 1 && j > i + 2
            && strcmp(tok(c, j - 2)->norm, "عبد") != 0)
            break;
        /* "... بن محمد آل نهيان أوجه التعاون": the clan's name after آل is
         * the last word of a name. */
        if (after_part && j >= i + 2 && strcmp(tok(c, j - 2)->norm, "ال") == 0)
            break;
    }
    /* A name does not end on a connector (بن، عبد) nor on a particle
     * ("دي" of "دي لا"). */
    while (j > i && (lex(c, j - 1, c->cls.name_part) || (j > i + 1 && lex(c, j - 1, c->cls.name_inner)
                                                         && !has_article(tok(c, j - 1)))))
        j--;
    /* "عنان حامد محمد عمر"، "عادل محمد أحمد بشائر،": a first name, the
     * given names of father and grandfather, and a fourth word that is a
     * given name too or ends at punctuation is a name of four. */
    if (words == 3 && j + 1 < c->t->n && given_names_only(c, i + 1, j) && same_sentence(c, i, j + 1)
        && !tok(c, j)->has_conj && !has_article(tok(c, j))
        && (only_given_name(c, j) || (name_word(c, j, 0) && tok(c, j + 1)->kind == LIA_TOK_PUNCT)))
        return j + 1;
    /* Three plain words and more to come is a phrase, not a name
     * ("تقدير بلاده لمواقف طهران"): names end where plain words do. */
    if (!known_start && words >= 3 && j < c->t->n && same_sentence(c, i, j) && name_word(c, j, 0)
        && !has_article(tok(c, j)))
        return i;
    return words >= 2 || (words >= 1 && j > i + 1) ? j : i;
}

static size_t scan_name(const ctx *c, size_t i)
{
    return scan_name_opening(c, i, 1);
}

/* Is the token a royal style, after which the given name alone names a
 * person ("الأمير فيصل"، "الشيخ محمد")? */
static int royal_style(const lia_token *tk)
{
    return lia_token_matches(tk, "الامير") || lia_token_matches(tk, "الاميره")
           || lia_token_matches(tk, "الشيخ") || lia_token_matches(tk, "الشيخه");
}

/* Does the person's own name end in the word tk ("لانغلي" of "مايكل
 * لانغلي، قائد أفريكوم", whose mention runs on to the office)?  whole:
 * as the word is written, without taking a preposition off. */
static int name_ends_in(const lia_mention *mm, const lia_token *tk, int whole)
{
    const char *sp = strrchr(mm->surface, ' ');
    if (!sp)
        return 0;
    char *word = lia_normalize_str(sp + 1);
    const char *key = lia_entry_key_in(word);
    /* (و or ف may lead it: "مميش ولانغلي".) */
    int same = whole ? !strcmp(tk->norm + (tk->has_conj ? 2 : 0), key) : lia_token_matches(tk, key);
    free(word);
    return same;
}

/* "أكد الرئيس سوبيانتو تضامن بلاده" after "برابوو سوبيانتو": is the
 * word at i the last word of a person named before?  After a title it
 * is his surname (find_surnames reads it), and the words after it are
 * the clause's, not more of a name.  whole: only as name_ends_in reads
 * the word written whole. */
static int surname_named_before(const ctx *c, size_t i, int whole)
{
    for (size_t m = 0; m < c->m->mentions.n; m++) {
        const lia_mention *mm = &c->m->mentions.v[m];
        if (mm->type == LIA_T_PERSON && mm->last <= i && mm->last >= mm->first + 2
            && ((!whole && lia_token_matches(tok(c, i), tok(c, mm->last - 1)->norm))
                || name_ends_in(mm, tok(c, i), whole)))
            return 1;
        /* ... or a compound family name: "الوزير ولد سيدي" after "حننه ولد
         * سيدي", "عبد المهدي" after "عادل عبد المهدي". */
        if (mm->type == LIA_T_PERSON && mm->last <= i && mm->last >= mm->first + 3 && i + 1 < c->t->n
            && lex(c, mm->last - 2, c->cls.name_part) && lia_token_matches(tok(c, i), tok(c, mm->last - 2)->norm)
            && lia_token_matches(tok(c, i + 1), tok(c, mm->last - 1)->norm))
            return 1;
    }
    return 0;
}

/* A known official at i: index and length. */
static int official_at(const ctx *c, size_t i, int *idx)
{
    return gaz_ref(c, i, LIA_G_PERSON, idx);
}

/* Is the honorific of h words at i the first word of a known official's
 * name, the words after it naming no one ("أمير" of "أمير خان متقي", not
 * "الشيخ" of "الشيخ تميم بن حمد")? */
static int honorific_starts_name(const ctx *c, size_t i, size_t h)
{
    return official_at(c, i, NULL) && !official_at(c, i + h, NULL);
}

/* Does a person's name (a known official's or one scan_name reads) start
 * at i? */
static int name_at(const ctx *c, size_t i)
{
    return official_at(c, i, NULL) || scan_name(c, i) > i;
}

static void person_from_official(const ctx *c, lia_mention *mm, int idx)
{
    const lia_official *o = &c->r->officials.v[idx];
    set_identity(c, mm, o->key, o->name, o->latin, o->country);
    mm->official = 1;
}

static void person_from_name_text(ctx *c, lia_mention *mm, char *name, int ci);

/* "وعبد الرحمن الزعبي": the name without the و that joined it to a list. */
static void person_from_name(ctx *c, lia_mention *mm, size_t first, size_t last, int ci)
{
    person_from_name_text(c, mm, clean_span_text(c, first, last), ci);
}

/* The first word of name, normalized and reduced to its entry key (malloc'd). */
static char *first_word_key(const char *name)
{
    char *norm = lia_normalize_str(name);
    char *space = strchr(norm, ' ');
    if (space)
        *space = '\0';
    char *key = lia_entry_key(norm);
    free(norm);
    return key;
}

/* Do two names open with two different given names of the lexicon
 * ("كمال حسني", "جميل حسن")?  Arabic given names have one spelling each:
 * alike skeletons (ك and ج fold together for foreign names) do not make
 * them one name. */
static int other_given_name(const ctx *c, const char *name, const char *official_name)
{
    char *a = first_word_key(name), *b = first_word_key(official_name);
    int other = strcmp(a, b) != 0 && word_in_class(c, a, c->cls.given_name)
                && word_in_class(c, b, c->cls.given_name);
    free(a);
    free(b);
    return other;
}

/* A person named by name (owned, freed here), of country ci or -1. */
static void person_from_name_text(ctx *c, lia_mention *mm, char *name, int ci)
{
    /* Another spelling of a known official of that country ("قالن" for
     * "كالن"): the official. */
    char *sk = lia_name_skeleton(name);
    int oi = lia_rules_official_by_skeleton(c->r, sk);
    free(sk);
    if (oi >= 0 && (ci < 0 || !strcmp(c->r->officials.v[oi].country, c->r->countries.v[ci].code))
        && !other_given_name(c, name, c->r->officials.v[oi].name)) {
        free(name);
        person_from_official(c, mm, oi);
        return;
    }
    /* Spelled as the officials' names spell its words, and keyed by that
     * spelling ("محمد ولد سيدي" → mohamed-ould-sidi, not mhmd-wld-sydy). */
    const char *cc = ci >= 0 ? c->r->countries.v[ci].code : "";
    char *norm = lia_normalize_str(name);
    char *latin = lia_spellings_spell(c->r->spellings, norm, cc);
    char *slug = lia_slug(latin);
    set_identity(c, mm, slug, name, latin, cc);
    free(name);
    free(norm);
    free(slug);
    free(latin);
}

/* A title phrase at i with the bodies and country it names, up to end. */
typedef struct {
    size_t end;
    int title;               /* index into rules->titles, or -1 (counterpart) */
    const char *office;
    body bodies[3];
    int n_bodies;
    int country;             /* from a nisba, or -1 */
    size_t country_first;    /* a country's name in the title ("رئيس وزراء
                                دومينيكا"): its tokens, or 0 and 0 */
    size_t country_last;
} title_info;

static void title_release(title_info *ti)
{
    for (int k = 0; k < ti->n_bodies; k++)
        body_release(&ti->bodies[k]);
}

/* A generic body ("وزارة الخارجية") made country ci's, keeping its span. */
static void body_rebind(const ctx *c, body *b, int ci)
{
    int kind = b->kind;
    size_t start = b->start, end = b->end, kf = b->kind_first, kl = b->kind_last;
    body_release(b);
    kind_agency(c, kind, ci, kf, kl, b);
    b->kind = kind;
    b->kind_first = kf;
    b->kind_last = kl;
    b->start = start;
    b->end = end;
}

/* Every body of ti whose country was only guessed becomes country ci's. */
static void rebind_defaulted_bodies(const ctx *c, title_info *ti, int ci)
{
    for (int k = 0; ci >= 0 && k < ti->n_bodies; k++) {
        body *b = &ti->bodies[k];
        if (b->defaulted && b->kind >= 0 && strcmp(b->country, c->r->countries.v[ci].code) != 0)
            body_rebind(c, b, ci);
    }
}

/* "وزير المالية X" with no country of his own (no nisba, delegation or
 * side): a finance, energy or oil minister travels with his head of state
 * as often as he receives, so the dateline's country is no guess for his
 * ministry.  Such a guessed body is dropped, and the country it alone
 * gave the title. */
static void drop_guessed_civil_bodies(const ctx *c, title_info *ti)
{
    int kept = 0, from_dropped = 0;
    for (int k = 0; k < ti->n_bodies; k++) {
        body *b = &ti->bodies[k];
        if (b->defaulted && b->kind >= 0 && b->kind_first > 0
            && lex(c, b->kind_first - 1, c->cls.civil_portfolio)) {
            from_dropped |= ti->country >= 0 && !strcmp(b->country, c->r->countries.v[ti->country].code);
            body_release(b);
            continue;
        }
        if (kept != k) {
            ti->bodies[kept] = *b;
            body_release(b);
        }
        kept++;
    }
    ti->n_bodies = kept;
    if (from_dropped && !(kept && ti->bodies[0].country[0]
                          && !strcmp(ti->bodies[0].country, c->r->countries.v[ti->country].code)))
        ti->country = -1;
}

/* Is token i a title by itself ("رئيس")?  Its index, or -1. */
static int one_word_title(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    for (int f = 0; f < tk->n_forms; f++) {
        const lia_trie *n = lia_trie_step_hashed(&c->r->names, tk->forms[f], tk->form_hash[f]);
        for (size_t r = 0; n && r < n->refs.n; r++)
            if (n->refs.v[r].kind == LIA_G_TITLE)
                return n->refs.v[r].index;
    }
    return -1;
}

static int joined_by_waw(const ctx *c, size_t i);
static size_t charged_with(const ctx *c, size_t j);
static int name_set_off(const ctx *c, size_t i);
static int serves_someone(const ctx *c, int t);
static int principal_in_construct(const ctx *c, size_t j);

/* Is key an international or regional organization of the rules (not an
 * armed group, a party or a body the text named)? */
static int international_org(const ctx *c, const char *key)
{
    const lia_gaz_ref *g = lia_rules_lookup(c->r, key);
    if (!g || g->kind != LIA_G_ORG)
        return 0;
    const char *cat = c->r->orgs.v[g->index].category;
    return !strcmp(cat, "international") || !strcmp(cat, "regional");
}

/* Fills b as the body m, named before and referred to by tokens
 * [start, end). */
static void body_named_before(body *b, const lia_mention *m, size_t start, size_t end)
{
    memset(b, 0, sizeof *b);
    body_identity(b, m->key, m->name, m->latin, m->country);
    b->start = start;
    b->end = end;
    b->kind = -1;
    b->anaphoric = 1;
}

/* "الأمين العام للمنظمة X": a word for an organization (class org_ref) at
 * token i stands for the last organization named before it, within a few
 * sentences.  Fills b and returns 1, or 0. */
static int organization_named_before(const ctx *c, size_t i, body *b)
{
    int len = lex(c, i, c->cls.org_ref);
    if (!len)
        return 0;
    const lia_mention *best = NULL;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_ORG && mm->key[0] && mm->last <= i && tok(c, i)->sentence <= tok(c, mm->first)->sentence + 3
            && (!best || mm->first > best->first) && international_org(c, mm->key))
            best = mm;
    }
    if (!best)
        return 0;
    body_named_before(b, best, i, i + (size_t)len);
    b->is_org = 1;
    return 1;
}

/* Does token k match a form of ref without the article ("اجتماع" for
 * "الاجتماع")? */
static int same_word_bare(const ctx *c, size_t k, const lia_token *ref)
{
    for (int f = 0; f < ref->n_forms; f++)
        if (strncmp(ref->forms[f], "ال", 4) != 0 && lia_token_matches(tok(c, k), ref->forms[f]))
            return 1;
    return 0;
}

/* "اجتمع بالقائد العام للحرس اللواء X" after "حرس الثورة الإسلامية":
 * one word of a body's head, alone after a title (a body that parses no
 * further) and before a rank or style, is the last agency the story named
 * with that head word.  Fills b over that word and returns 1, or 0. */
static int agency_by_head_word_before(const ctx *c, size_t i, body *b)
{
    if (i + 1 >= c->t->n || !lex(c, i, c->cls.agency_head) || !has_article(tok(c, i)) || c->gaz[i]
        || !(lex(c, i + 1, c->cls.military_rank) || lex(c, i + 1, c->cls.honorific)))
        return 0;   /* only before the holder's rank and name: "أمين المجلس الأعلى" is another body */
    const lia_mention *best = NULL;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_AGENCY && mm->key[0] && mm->last <= i && same_word_bare(c, mm->first, tok(c, i))
            && (!best || mm->first > best->first))
            best = mm;
    }
    if (!best)
        return 0;
    body_named_before(b, best, i, i + 1);
    return 1;
}

/* Is the office next, read right after ti, a body of another state than
 * ti's country ("التقى وزير الخارجية القطري قائد قوات سوريا الديمقراطية X":
 * two persons, not offices in a row)?  Releases next when it is. */
static int other_states_office(const ctx *c, const title_info *ti, title_info *next)
{
    /* Only a country the text gave: one guessed from the dateline for a
     * body ("وزير الدفاع وزير الداخلية الكويتي" told from Manama) is no
     * state of its own. */
    if (ti->country < 0 || (ti->n_bodies && ti->bodies[0].defaulted))
        return 0;
    const char *cc = c->r->countries.v[ti->country].code;
    for (int k = 0; k < next->n_bodies; k++)
        if (!next->bodies[k].defaulted && next->bodies[k].country[0] && strcmp(next->bodies[k].country, cc) != 0) {
            title_release(next);
            return 1;
        }
    return 0;
}

/* Was the word at i (definite: "الاجتماع") told indefinite ("في اجتماع
 * استمر ساعة") earlier in its sentence or the one before, outside an
 * event's name, while the last event named is no such word ("مؤتمر
 * ميونيخ للأمن")?  Then it is that meeting, not the event. */
static int told_indefinite_before(const ctx *c, size_t i)
{
    const lia_token *ref = tok(c, i);
    const lia_mention *last_event = NULL;
    for (size_t q = 0; q < c->m->mentions.n; q++)
        if (c->m->mentions.v[q].type == LIA_T_EVENT && c->m->mentions.v[q].key[0] && c->m->mentions.v[q].last <= i)
            last_event = &c->m->mentions.v[q];
    for (size_t k = last_event ? last_event->first : 0; last_event && k < last_event->last; k++)
        if (same_word_bare(c, k, ref))
            return 0;
    size_t from = i;
    while (from > 0 && tok(c, from - 1)->sentence + 1 >= ref->sentence)
        from--;
    for (size_t k = from; k < i; k++) {
        /* "وفي مؤتمر صحفي مشترك ..." told before "وحضر المؤتمر": a press
         * conference is never the event a later "المؤتمر" refers to. */
        if (has_article(tok(c, k)) || lex(c, k, c->cls.press_conference))
            continue;
        int named = 0;
        for (size_t q = 0; q < c->m->mentions.n && !named; q++)
            named = c->m->mentions.v[q].type == LIA_T_EVENT && c->m->mentions.v[q].first <= k
                    && k < c->m->mentions.v[q].last;
        if (!named && same_word_bare(c, k, ref))
            return 1;
    }
    return 0;
}

/* "مدير جهاز (الموساد)"، "رئيس جهاز الأمن العام (الشاباك)": a head word
 * of a body, at most three words describing it, then the known agency's
 * own name in brackets, which says which body it is.  Fills b up to the
 * closing bracket and returns 1, or 0. */
static int bracketed_agency(const ctx *c, size_t i, body *b)
{
    /* ... or a plain noun in construct that heads it ("قائد قوة الأمن
     * الداخلي (لخويا)"): the known agency in brackets says it is one. */
    if (!lex(c, i, c->cls.agency_head)
        && (tok(c, i)->kind != LIA_TOK_WORD || has_article(tok(c, i)) || tok(c, i)->has_conj || any_lex(c, i)))
        return 0;
    for (size_t k = i + 1; k < c->t->n && k <= i + 4 && same_sentence(c, i, k); k++) {
        if (is_punct(c, k, "(")) {
            if (k + 1 >= c->t->n || !gaz_ref(c, k + 1, LIA_G_AGENCY, NULL))
                return 0;
            if (parse_body(c, k + 1, -1, 0, b) && b->end < c->t->n && is_punct(c, b->end, ")")) {
                b->end++;
                return 1;
            }
            body_release(b);
            return 0;
        }
        if (tok(c, k)->kind != LIA_TOK_WORD || tok(c, k)->has_conj)
            return 0;
    }
    return 0;
}

static int parse_title(const ctx *c, size_t i, title_info *ti)
{
    memset(ti, 0, sizeof *ti);
    ti->country = -1;
    int idx, len = gaz_ref(c, i, LIA_G_TITLE, &idx);
    /* "رئيس حكومة الوفاق الوطني": the title "رئيس" and a body, not the
     * title "رئيس الحكومة" and words after it. */
    int short_idx;
    if (len >= 2 && c->gaz_len[i + (size_t)len - 1] > 1 && gaz_ref(c, i + (size_t)len - 1, LIA_G_AGENCY, NULL)
        && (short_idx = one_word_title(c, i)) >= 0) {
        len = 1;
        idx = short_idx;
    }
    int counterpart = 0;
    if (!len) {
        len = lex(c, i, c->cls.counterpart);
        if (!len)
            return 0;
        counterpart = 1;
        ti->office = "";
        ti->title = -1;
    } else {
        ti->office = c->r->titles.v[idx].office;
        ti->title = idx;
    }
    size_t j = i + (size_t)len;
    /* A second title word ("رئيس" after "نائب" when not listed together). */
    /* "نائب" + "رئيس": a one-word title qualifying the next one. */
    int idx2, len2 = gaz_ref(c, j, LIA_G_TITLE, &idx2);
    if (len2 && !counterpart && len == 1 && !strcmp(ti->office, "deputy")) {
        j += (size_t)len2;
    }
    if (!counterpart) {
        for (int k = 0; k < 3; k++) {
            size_t s = j;
            /* "و" or a quote between two bodies; "لـ" written apart before
             * a quoted one ("القائد العام لـ«الجيش الوطني» الليبي"). */
            while (s < c->t->n && s < j + 2
                   && ((tok(c, s)->kind == LIA_TOK_PUNCT && strcmp(tok(c, s)->norm, "\"") == 0)
                       || strcmp(tok(c, s)->norm, "و") == 0 || strcmp(tok(c, s)->norm, "ل") == 0))
                s++;
            if (k > 0 && s == j && !tok(c, j)->has_conj)
                break;
            body b;
            /* "قائد قوات «الجيش الوطني الليبي»": a head word before a
             * quoted body the rules know. */
            size_t head = (size_t)lex(c, s, c->cls.agency_head);
            if (head && s + head + 1 < c->t->n && is_punct(c, s + head, "\"")
                && parse_body(c, s + head + 1, -1, 0, &b)) {
                b.start = s;
                ti->bodies[ti->n_bodies++] = b;
                j = b.end;
                while (j < c->t->n && is_punct(c, j, "\""))
                    j++;
                continue;
            }
            if (!bracketed_agency(c, s, &b) && !parse_body(c, s, -1, 0, &b)
                && (k > 0 || (!organization_named_before(c, s, &b) && !agency_by_head_word_before(c, s, &b))))
                break;
            b.start = s;
            ti->bodies[ti->n_bodies++] = b;
            j = b.end;
            while (j < c->t->n && is_punct(c, j, "\""))
                j++;
        }
    }
    /* "رئيس مجلس الوزراء (العراقي)": a head of government's title that
     * names the cabinet he heads. */
    if (!ti->n_bodies && !counterpart && len > 1 && !strcmp(ti->office, "head-of-government")) {
        body b;
        if (parse_body(c, i + 1, -1, 0, &b) && b.end >= j) {
            b.start = i + 1;
            ti->bodies[ti->n_bodies++] = b;
            j = b.end;
        } else {
            body_release(&b);
        }
    }
    /* "المدير العام لوزارة الخارجية"، "الأمين العام لوزارة الدفاع": a
     * ministry's director or secretary general is its highest civil
     * servant; the minister heads it. */
    if (ti->n_bodies && ti->title >= 0 && !strcmp(ti->office, "head")
        && (!strcmp(c->r->titles.v[ti->title].id, "director") || !strcmp(c->r->titles.v[ti->title].id, "secretary"))
        && lia_token_matches(tok(c, ti->bodies[0].start), "وزاره"))
        ti->office = "member";
    /* A generic body whose country was guessed takes the country of a
     * named sibling: "المدير العام للأمن الوطني ومراقبة التراب الوطني". */
    for (int k = 0; k < ti->n_bodies; k++) {
        if (!ti->bodies[k].defaulted)
            continue;
        for (int q = 0; q < ti->n_bodies; q++) {
            int sc = q != k && !ti->bodies[q].defaulted && ti->bodies[q].country[0]
                     ? lia_rules_country_index(c->r, ti->bodies[q].country) : -1;
            if (sc >= 0) {
                body_rebind(c, &ti->bodies[k], sc);
                break;
            }
        }
    }
    /* "قائد الإدارة السورية الجديدة أحمد الشرع": a vague head with a nisba
     * is the country's government; the title is that country's. */
    int vh = ti->n_bodies == 0 && !counterpart ? lex(c, j, c->cls.vague_head) : 0;
    if (vh && nisba_at(c, j + (size_t)vh, NULL))
        j += (size_t)vh;
    /* Not a country on the next line: a headline's last words and a
     * dateline ("... من رئيس الوزراء" / "الكويت - واع"). */
    int ci, cl = j < c->t->n && same_sentence(c, i, j) ? country_at(c, j, &ci) : 0;
    /* "نائب رئيس جمهورية نيجيريا X": a polity word in construct with the
     * country names the state whose office it is. */
    if (!cl && !ti->n_bodies && !counterpart && j + 1 < c->t->n && same_sentence(c, i, j + 1)
        && lex(c, j, c->cls.polity) == 1 && !has_article(tok(c, j))
        && (cl = gaz_ref(c, j + 1, LIA_G_COUNTRY, &ci)))
        cl += 1;
    /* "وزير خارجية رواندا X": a body without the article is in construct
     * with the country that follows, the holder's name after it ("زار
     * وزير الخارجية تركيا" is a visit). */
    int construct = cl && ti->n_bodies && !has_article(tok(c, ti->bodies[ti->n_bodies - 1].end - 1))
                    && gaz_ref(c, j, LIA_G_COUNTRY, NULL) == cl && name_at(c, j + (size_t)cl);
    if (construct)
        rebind_defaulted_bodies(c, ti, ci);
    if (cl && (ti->n_bodies == 0 || construct || gaz_ref(c, j, LIA_G_NISBA, NULL))) {
        ti->country = ci;
        /* (The name, not a nisba; "كمبوديا" is both, the name after "ملك".) */
        if (gaz_ref(c, j, LIA_G_COUNTRY, NULL) == cl
            && (!gaz_ref(c, j, LIA_G_NISBA, NULL) || !has_article(tok(c, j)))) {
            ti->country_first = j;
            ti->country_last = j + (size_t)cl;
        }
        j += (size_t)cl;
    }
    if (ti->n_bodies && ti->country < 0 && ti->bodies[0].country[0])
        ti->country = lia_rules_country_index(c->r, ti->bodies[0].country);
    ti->end = j;
    /* Offices in a row ("نائب رئيس مجلس الوزراء وزير الداخلية"): the next
     * one's bodies join, and the last office with a body is the one held.
     * The first may be held in acting ("رئيس مجلس الوزراء بالإنابة وزير
     * الخارجية"). */
    int acting = j > i ? lex(c, j, c->cls.acting) : 0;
    if (acting && j + (size_t)acting < c->t->n && gaz_ref(c, j + (size_t)acting, LIA_G_TITLE, NULL))
        j += (size_t)acting;
    title_info next;
    /* Not behind ب: "التقى وزير الداخلية بوزير الدفاع" names two persons;
     * nor after a bare one-word title: "استقبل الرئيس وزير الداخلية". */
    int bare = j == i + 1 && ti->n_bodies == 0 && ti->country < 0 && !counterpart;
    /* Nor joined by و: "وزير الخارجية والوزير الضيف" are two persons; nor
     * a title with the article after a complete one: "استقبل ... رئيس مجلس
     * الوزراء الوزير الإسرائيلي" names the one received. */
    int definite_next = j > i && j < c->t->n && has_article(tok(c, j)) && !hamza_initial(c, j)
                        && !led_by_preposition(tok(c, j)) && (ti->n_bodies || ti->country >= 0 || j > i + 1);
    /* Nor after a definite title with its nisba alone: "التقى الوزير
     * السعودي رئيس مجلس النواب X" names the one he met. */
    int complete_ref = has_article(tok(c, i)) && ti->n_bodies == 0 && ti->country >= 0 && !counterpart;
    /* Nor whom an envoy or adviser serves: "الممثل الخاص للأمين العام
     * للأمم المتحدة" is not the secretary general. */
    int principal = !counterpart && ti->title >= 0 && serves_someone(c, ti->title) && j < c->t->n
                    && (strncmp(tok(c, j)->norm, "لل", 4) == 0 || principal_in_construct(c, j));
    if (!counterpart && !bare && !definite_next && !complete_ref && !principal && gaz_ref(c, j, LIA_G_TITLE, NULL) && same_sentence(c, i, j)
        && strncmp(tok(c, j)->norm, "ب", 2) != 0 && !joined_by_waw(c, j) && parse_title(c, j, &next)
        && !other_states_office(c, ti, &next)) {
        /* "نائب القائد العام للجيش والقوات المسلحة وزير الدفاع": the
         * bodies of a deputy's office are no bodies he heads by the next. */
        if (next.n_bodies && !strcmp(ti->office, "deputy") && strcmp(next.office, "deputy") != 0) {
            int guessed = ti->n_bodies > 0;   /* the country came only from their guess */
            for (int k = 0; k < ti->n_bodies; k++)
                guessed &= ti->bodies[k].defaulted;
            title_release(ti);
            ti->n_bodies = 0;
            if (guessed)
                ti->country = -1;
        }
        for (int k = 0; k < next.n_bodies && ti->n_bodies < 3; k++) {
            ti->bodies[ti->n_bodies++] = next.bodies[k];
            memset(&next.bodies[k], 0, sizeof next.bodies[k]);
        }
        if (next.n_bodies) {
            ti->office = next.office;
            ti->title = next.title;
        }
        if (ti->country < 0)
            ti->country = next.country;
        /* "مساعد الرئيس الكازاخستاني أمين مجلس الأمن": the first office's
         * nisba is the country of a body the next one only guessed. */
        else
            rebind_defaulted_bodies(c, ti, ti->country);
        ti->end = next.end;
        title_release(&next);
    }
    /* "الأمير عبد العزيز": a word that is both a title and an honorific,
     * with neither body nor country, is the honorific. */
    /* ... unless the affairs it is for follow ("المستشار لشؤون الأمن
     * الوطني X"; not "الأمير لشؤون ...": whose adviser he is), or whom
     * an adviser serves ("مستشار الرئيس X": not the president). */
    int serves_next = ti->title >= 0 && serves_someone(c, ti->title) && principal_in_construct(c, i + 1);
    /* ... or where he is posted ("السفير لدى هانوي X"). */
    int posted = lex(c, i + 1, c->cls.attached_to) && strcmp(ti->office, "head-of-state") != 0;
    if (!counterpart && len == 1 && ti->n_bodies == 0 && ti->country < 0 && lex(c, i, c->cls.honorific)
        && (!charged_with(c, i + 1) || !strcmp(ti->office, "head-of-state")) && !serves_next && !posted) {
        title_release(ti);
        return 0;
    }
    return 1;
}

/* Does a body or a place of the gazetteer open at i ("بالبيت الأبيض"،
 * "في"-less "بموسكو"), no word of a person's name? */
static int names_body_or_place(const ctx *c, size_t i)
{
    return gaz_ref(c, i, LIA_G_AGENCY, NULL) || gaz_ref(c, i, LIA_G_ORG, NULL) || gaz_ref(c, i, LIA_G_CITY, NULL)
           || gaz_ref(c, i, LIA_G_COUNTRY, NULL);
}

/* Does a person of country nci start at i, past styles and a title: a
 * known official of that country, or a title of that country or of none?
 * ("ولي العهد السعودي وزير الدفاع الأمير X" is one person, "ولي العهد
 * البحريني رئيس الوزراء الأردني X" two.) */
static int person_of_country_at(const ctx *c, size_t i, int nci)
{
    size_t h;
    while ((h = (size_t)lex(c, i, c->cls.honorific)))
        i += h;
    int title_country = -1, titled = 0;
    title_info ti;
    if (gaz_ref(c, i, LIA_G_TITLE, NULL) && parse_title(c, i, &ti)) {
        titled = 1;
        title_country = ti.country;
        i = ti.end;
        title_release(&ti);
        while ((h = (size_t)lex(c, i, c->cls.honorific)))
            i += h;
    }
    int oi;
    if (official_at(c, i, &oi))
        return !strcmp(c->r->officials.v[oi].country, c->r->countries.v[nci].code);
    return titled && (title_country < 0 || title_country == nci);
}

static void attach_title(lia_mention *mm, title_info *ti, const ctx *c, size_t first, size_t last)
{
    mm->role = mention_text(c, first, last);
    mm->office = keep(c, ti->office);
    mm->title = ti->title;
    for (int k = 0; k < ti->n_bodies && k < 2; k++)
        mm->bodies[k] = keep(c, ti->bodies[k].key);
    mm->official = 1;
    /* "وزير الداخلية آنذاك"، "رئيس الوزراء الأسبق": an office held once. */
    for (size_t k = first; k < last + 3 && k < c->t->n && same_sentence(c, first, k); k++) {
        if (k >= last && tok(c, k)->kind != LIA_TOK_WORD)
            break;
        mm->former |= lex(c, k, c->cls.former) != 0;
    }
}

/* Adds the agencies a title names as inner mentions, so that they become
 * nodes with their surface forms. */
/* "دائرة الاستخبارات بالمديرية العامة للأمن": when the name of an agency
 * holds the name of its parent body, the parent is named too.  Adds the
 * parent as an inner mention; resolve links the two. */
static void add_named_parent(ctx *c, const char *key, size_t first, size_t last)
{
    const lia_gaz_ref *g = lia_rules_lookup(c->r, key);
    if (!g || g->kind != LIA_G_AGENCY)
        return;
    const lia_agency *a = &c->r->agencies.v[g->index];
    if (!a->parent[0])
        return;
    for (size_t k = first + 1; k < last; k++) {
        body pb;
        if (!parse_body(c, k, lia_rules_country_index(c->r, a->country), 0, &pb))
            continue;
        int hit = strcmp(pb.key, a->parent) == 0 && pb.end <= last;
        if (hit) {
            lia_mention *pm = new_mention(c, k, pb.end, LIA_T_AGENCY);
            set_identity(c, pm, pb.key, pb.name, pb.latin, pb.country);
            pm->inner = 1;
            pm->parent_of = keep(c, key);
        }
        body_release(&pb);
        if (hit)
            return;
    }
}

static void add_body_mentions(ctx *c, title_info *ti, size_t first)
{
    for (int k = 0; k < ti->n_bodies; k++) {
        body *b = &ti->bodies[k];
        if (b->anaphoric)
            continue;
        size_t start = b->start > first ? b->start : first;
        lia_mention *am = new_mention(c, start, b->end, b->is_org ? LIA_T_ORG : LIA_T_AGENCY);
        set_identity(c, am, b->key, b->name, b->latin, b->country);
        am->inner = 1;
        add_named_parent(c, b->key, start, b->end);
    }
    /* The country a title names is named too. */
    if (ti->country_last > ti->country_first && ti->country_first >= first) {
        lia_mention *cm = new_mention(c, ti->country_first, ti->country_last, LIA_T_COUNTRY);
        const lia_country *co = &c->r->countries.v[ti->country];
        set_identity(c, cm, co->code, co->name, co->latin, co->code);
        cm->inner = 1;
    }
}

/* Does the title at t, parsed up to title_end, introduce another name,
 * even past the words of the office the title parse left ("استقبل حموشي
 * وزير الأمن الداخلي الإسباني فرناندو ...")?  Up to three more words, not
 * past punctuation. */
static int title_names_another(const ctx *c, size_t t, size_t title_end)
{
    for (size_t k = title_end, extra = 0; extra <= 3 && same_sentence(c, t, k); extra++) {
        /* "X وزير الداخلية اليوم معالي Y": a day word ends the office;
         * so does a style, a counterpart or a name joined by و ("X رئيس
         * جمهورية الكونغو وفخامة الرئيس Y"، "X رئيس الأركان ونظيره Y"، "X
         * رئيس مجلس الوزراء الكويتي وتيلرسون": the next of a list). */
        if (lex(c, k, c->cls.day_word)
            || (k == title_end && tok(c, k)->has_conj
                && (lex(c, k, c->cls.honorific) || lex(c, k, c->cls.counterpart)
                    || (joined_by_waw(c, k) && (official_at(c, k, NULL) || scan_name(c, k) > k)))))
            break;
        /* "جمع X وزير الداخلية بوزير الداخلية الباكستاني Y": a title led
         * by ب opens whom he was with; the name is that title's. */
        if (led_by_preposition(tok(c, k)) && strncmp(tok(c, k)->norm, "ب", 2) == 0
            && gaz_ref(c, k, LIA_G_TITLE, NULL))
            break;
        while (lex(c, k, c->cls.honorific))
            k += (size_t)lex(c, k, c->cls.honorific);
        if (official_at(c, k, NULL) || (extra == 0 ? scan_name(c, k) > k
                                                    : lex(c, k, c->cls.given_name) && scan_name(c, k) > k))
            return 1;
        if (tok(c, k)->kind != LIA_TOK_WORD)
            break;
        k++;
    }
    return 0;
}

/* Is the title at t another person's: "، وتحدث فيه وزير الخارجية
 * الأميركي ريكس تيلرسون"? */
static int title_heads_name(const ctx *c, size_t t)
{
    title_info ti;
    int named = parse_title(c, t, &ti) && title_names_another(c, t, ti.end);
    if (ti.end)
        title_release(&ti);
    return named;
}

static int office_word(const ctx *c, size_t k, int first);

/* Is token i a name led by the preposition ب ("بمحمد")?  Not a name
 * that starts with ب ("بشار"). */
static int name_led_by_bi(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    return led_by_preposition(tk) && strncmp(tk->norm, "ب", 2) == 0
           && !lia_trie_step_hashed(&c->r->names, tk->forms[0], tk->form_hash[0]);
}

/* Is token i joined by و ("وسعادة")?  Not a word that starts with و
 * ("وزير"، "وكيل"، "ولي العهد"). */
static int joined_by_waw(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    if (!tk->has_conj || strncmp(tk->norm, "و", 2) != 0)
        return 0;
    return !lia_trie_step_hashed(&c->r->names, tk->forms[0], tk->form_hash[0])
           && !lia_trie_step_hashed(&c->r->lexicon, tk->forms[0], tk->form_hash[0]);
}

/* "خالد العطية نائب رئيس مجلس الوزراء وزير الدولة لشؤون الدفاع، وY":
 * offices of no body the rules know, right after the name at t..end and
 * naming nobody after them, are his: the mention spans them, so a list
 * of persons goes on after them.  The new end, or t. */
static size_t absorb_office_chain(ctx *c, size_t person, size_t t, size_t end)
{
    size_t e = end;
    for (int n = 0; n < 3; n++) {
        if (title_names_another(c, t, e))
            return t;
        while (e < end + 12 && office_word(c, e, 1) && same_sentence(c, t, e))
            e++;
        /* "... رئيس مجلس الوزراء الوزير الإسرائيلي": a title with the
         * article after his offices is the object's. */
        if (e < c->t->n && e > t && has_article(tok(c, e)) && !hamza_initial(c, e)
            && !led_by_preposition(tok(c, e)) && gaz_ref(c, e, LIA_G_TITLE, NULL))
            break;
        title_info next;
        if (!parse_title(c, e, &next))
            break;
        size_t ne = next.end;
        title_release(&next);
        if (!same_sentence(c, t, ne))
            break;
        e = ne;
    }
    /* Only offices that end the phrase ("...، وY"، "... - حفظه الله -"،
     * "... وفخامة الرئيس Y": the next of a list, styled):
     * "مستشار الأمن الوطني في الولايات المتحدة جيك سوليفان" goes on to
     * another's name. */
    int next_item = e < c->t->n && tok(c, e)->has_conj && same_sentence(c, t, e) && lex(c, e, c->cls.honorific);
    if (title_names_another(c, t, e) || e >= c->t->n || (tok(c, e)->kind != LIA_TOK_PUNCT && !next_item))
        return t;
    c->m->mentions.v[person].last = e;
    return e;
}

/* "X، مدير Y،": a title in apposition after a person names his office. */
static size_t absorb_apposition(ctx *c, size_t person, size_t j)
{
    /* "X، مدير Y" or, for a known name, "X وزير الداخلية بسلطنة عمان". */
    size_t t = j, h;
    if (is_punct(c, j, ",")) {
        t = j + 1;
    } else if (j >= c->t->n || !gaz_ref(c, j, LIA_G_TITLE, NULL)) {
        /* "سلمان بن حمد آل خليفة ولي العهد رئيس مجلس الوزراء": a style,
         * then the title. */
        size_t k = j;
        while (k < c->t->n && (h = (size_t)lex(c, k, c->cls.honorific)) && same_sentence(c, j, k))
            k += h;
        if (k == j || k >= c->t->n || !gaz_ref(c, k, LIA_G_TITLE, NULL))
            return j;
    }
    /* "X، ولي العهد نائب رئيس مجلس الوزراء": a style before the title. */
    while (t < c->t->n && !gaz_ref(c, t, LIA_G_TITLE, NULL) && (h = (size_t)lex(c, t, c->cls.honorific)))
        t += h;
    if (!same_sentence(c, j, t))
        return j;
    /* "X ومعاون وزير الخارجية": a title joined by و is another person. */
    if (joined_by_waw(c, t))
        return j;
    title_info ti;
    if (!parse_title(c, t, &ti) || ti.n_bodies == 0) {
        size_t e = ti.end;
        /* "X، رئيس الوزراء في مملكة البحرين": the office's country after في. */
        int nci, nl;
        if (e && ti.country < 0 && e < c->t->n && strcmp(tok(c, e)->norm, "في") == 0
            && (nl = country_after(c, e, &nci)) && same_sentence(c, e, e + (size_t)nl - 1)) {
            ti.country = nci;
            /* The country is still named. */
            lia_mention *cm = new_mention(c, e + 1, e + (size_t)nl, LIA_T_COUNTRY);
            const lia_country *co = &c->r->countries.v[nci];
            set_identity(c, cm, co->code, co->name, co->latin, co->code);
            cm->inner = 1;
            e += (size_t)nl;
        }
        int other_country = ti.end && ti.country >= 0 && c->m->mentions.v[person].country[0]
                            && strcmp(c->r->countries.v[ti.country].code,
                                      c->m->mentions.v[person].country) != 0;
        if (ti.end)
            title_release(&ti);
        /* Not "الكاظمي الوزير الضيف": a definite title is the object. */
        if (e > t && !other_country && !has_article(tok(c, t)) && !joined_by_waw(c, t)) {
            size_t end = absorb_office_chain(c, person, t, e);
            return end > t ? end : j;
        }
        return j;
    }
    /* "استقبل السيسي وزير الداخلية السعودي": another country's office is
     * the object of the sentence, not his; an office whose country was
     * only guessed ("قالن، رئيس جهاز الاستخبارات الوطنية") is his
     * country's. */
    const lia_mention *who = &c->m->mentions.v[person];
    int defaulted = 0;
    for (int k = 0; k < ti.n_bodies; k++)
        defaulted |= ti.bodies[k].defaulted;
    int wci = who->country[0] ? lia_rules_country_index(c->r, who->country) : -1;
    if (defaulted && wci >= 0) {
        rebind_defaulted_bodies(c, &ti, wci);
    } else if (ti.country >= 0 && who->country[0]
               && strcmp(c->r->countries.v[ti.country].code, who->country) != 0) {
        title_release(&ti);
        return j;
    }
    if (title_names_another(c, t, ti.end)) {
        title_release(&ti);
        return j;
    }
    if (wci < 0)
        drop_guessed_civil_bodies(c, &ti);
    lia_mention *mm = &c->m->mentions.v[person];
    attach_title(mm, &ti, c, t, ti.end);
    /* An unknown name takes the country of his office. */
    if (!mm->country[0] && (ti.country >= 0 || ti.n_bodies))
        mm->country = keep(c, ti.country >= 0 ? c->r->countries.v[ti.country].code : ti.bodies[0].country);
    /* "X، قائد القوات البرية سابقا، وY": the word that dates the office
     * is part of it, so the list goes on after it. */
    size_t end = ti.end + (size_t)lex(c, ti.end, c->cls.former);
    mm->last = end;
    add_body_mentions(c, &ti, t);
    title_release(&ti);
    return end;
}

/* The country of the last person named in tokens [first, end) (the
 * mentions made so far), or -1. */
static int person_country_before(const ctx *c, size_t first, size_t end)
{
    for (size_t m = c->m->mentions.n; m-- > 0;) {
        const lia_mention *mm = &c->m->mentions.v[m];
        if (mm->first < first)
            break;
        if (mm->type == LIA_T_PERSON && !mm->inner && mm->last < end && mm->country[0])
            return lia_rules_country_index(c->r, mm->country);
    }
    return -1;
}

/* Does token i continue a list of persons: "X وزير الداخلية في مملكة
 * البحرين، وكي شانموغام الوزير ..."?  A comma, then و, with a person
 * named earlier in the sentence. */
static int listed_after_person(const ctx *c, size_t i)
{
    if (i < 2 || !tok(c, i)->has_conj || !is_punct(c, i - 1, ","))
        return 0;
    /* "، ووجه خلالها الوزير ...": a word with a pronoun ending is a
     * verb's clause, not a name. */
    for (size_t k = i; k < i + 3 && k < c->t->n && tok(c, k)->kind == LIA_TOK_WORD; k++)
        if (pronoun_ending(tok(c, k)))
            return 0;
    size_t first = c->t->sent[tok(c, i)->sentence].first;
    return person_country_before(c, first, i) >= 0;
}

/* The country of the nisba among the words right after the delegation
 * word at k, before token end ("وفد أمني رفيع المستوى قطري"), or -1. */
static int nisba_after_delegation(const ctx *c, size_t k, size_t end)
{
    for (size_t q = k + 1; q < end; q++) {
        int ci;
        if (gaz_ref(c, q, LIA_G_NISBA, &ci))
            return ci;
        if (tok(c, q)->kind != LIA_TOK_WORD)
            break;
    }
    return -1;
}

/* "وكان الوفد قد حل بالنيجر ...، وضم X": the country of the delegation a
 * sentence before sentence-start first told with its nisba ("وفد أمريكي
 * رفيع"), the last one told; -1 when none. */
static int delegation_told_before(const ctx *c, size_t first)
{
    for (size_t k = first; k-- > 0;) {
        int ci;
        if (lex(c, k, c->cls.delegation) && (ci = nisba_after_delegation(c, k, first < k + 4 ? first : k + 4)) >= 0)
            return ci;
    }
    return -1;
}

/* The country of a delegation named earlier in token i's sentence ("ضم
 * الوفد المرافق للوزير السعودي"، "ضمن الوفد السنغالي"), the nearest one
 * ("ترأس الوفد اللبناني X، بينما ترأس الوفد الإسرائيلي Y"), or -1. */
static int delegation_country_before(const ctx *c, size_t i)
{
    if (i >= c->t->n)
        return -1;
    size_t first = c->t->sent[tok(c, i)->sentence].first;
    for (size_t k = i; k-- > first;) {
        /* "يترأس وفد السعودية X، فيما يلقي Y كلمة الرئيس Z": a clause of
         * its own after "فيما" lists no member. */
        if (lex(c, k, c->cls.contrast_clause))
            return -1;
        if (!lex(c, k, c->cls.delegation))
            continue;
        /* Not one named in a relative clause about something else: "وقدم
         * الوفد الأوكراني شرحا للصيغة التي طرحها الرئيس X" (unless it
         * lists the delegation: "الوفد الذي ضم X"). */
        /* ... nor "وضم الوفد التركي، الذي وصل صباح اليوم، X": the verb
         * that lists it stands before the delegation. */
        int other_clause = 0, listed = k > first && lex(c, k - 1, c->cls.includes);
        for (size_t q = k + 1; q < i; q++) {
            other_clause |= lex(c, q, c->cls.relative) != 0;
            listed |= lex(c, q, c->cls.includes) || lex(c, q, c->cls.led_by);
        }
        if (other_clause && !listed)
            continue;
        int ci = nisba_after_delegation(c, k, i < k + 5 ? i : k + 5);
        if (ci >= 0)
            return ci;
        /* "يرافقه وفد يضم ..."، "الوفد المرافق له": the delegation of the
         * person named before it in the sentence ... */
        int accompanying = 0, includes = 0;
        for (size_t q = k > first + 2 ? k - 2 : first; q < k + 3 && q < i && !accompanying; q++)
            accompanying = lex(c, q, c->cls.accompany) || lex(c, q, c->cls.entourage);
        /* ... when the person is listed as one of it ("يضم ..."), not as
         * someone present ("والوفد المرافق لها، بحضور ..."). */
        for (size_t q = k + 1; q < i && !includes; q++)
            includes = lex(c, q, c->cls.includes);
        ci = accompanying && includes ? person_country_before(c, first, k + 1) : -1;
        if (ci >= 0)
            return ci;
        /* ... and a delegation that names no country is its leader's,
         * told before the member it lists: "وترأس وفد الحركة X، وضم وزير
         * الخارجية Y"، "وفد ... برئاسة X، وضم الوفد Y". */
        size_t lead = k > first && lex(c, k - 1, c->cls.chair_verb) ? k - 1 : SIZE_MAX, lists = SIZE_MAX;
        for (size_t q = first; q < i; q++) {
            if (lead == SIZE_MAX && lex(c, q, c->cls.led_by))
                lead = q;
            if (lead != SIZE_MAX && q > lead && lex(c, q, c->cls.includes))
                lists = q;
        }
        if (lists != SIZE_MAX)
            ci = person_country_before(c, lead, lists);
        if (ci >= 0)
            return ci;
        /* "الوفد" again, listing its members: the one told before. */
        if (has_article(tok(c, k)) && includes)
            return delegation_told_before(c, first);
    }
    return -1;
}

/* The country of the person accompanied (the last named before the
 * accompanying word in the sentence) for token i at most window words
 * after that word ("يرافقه وزير الخارجية X، ومدير ... Y"), or -1.  Not
 * past "بحضور" ("يرافقه السفير X، بحضور وزير الدولة Y": who was present
 * is the host's side, not the entourage); with same_clause, not past a
 * clause break either ("يرافقها السفير Y، قبل أن تتفقد القوة حيث
 * استقبلها قائدها الجنرال Z"). */
static int accompanied_country(const ctx *c, size_t i, size_t window, int same_clause)
{
    size_t first = c->t->sent[tok(c, i)->sentence].first;
    for (size_t k = i; k > first && k + window > i; k--) {
        if (lex(c, k - 1, c->cls.accompany))
            return person_country_before(c, first, k);
        if (lex(c, k - 1, c->cls.attend_noun))
            return -1;
        if (same_clause
            && (lex(c, k - 1, c->cls.clause_link) || lex(c, k - 1, c->cls.relative) || lex(c, k - 1, c->cls.clause_join)
                || (tok(c, k - 1)->kind == LIA_TOK_PUNCT && !is_punct(c, k - 1, ","))))
            return -1;
    }
    return -1;
}

/* Is some token in [from, to) covered by a mention? */
static int covered_between(const ctx *c, size_t from, size_t to)
{
    for (size_t t = from; t < to; t++)
        if (c->covered[t])
            return 1;
    return 0;
}

/* Is the token led by the preposition ل or ب ("للاستعلامات", "بالخارج")? */
static int led_by_preposition(const lia_token *tk)
{
    return tk->n_forms > 1 && (strncmp(tk->norm, "ل", 2) == 0 || strncmp(tk->norm, "ب", 2) == 0);
}

/* Is the one-word place at i named with the ل or ب its word opens with
 * ("لبنان"، "بيروت"), rather than led by that preposition ("للبنان")? */
static int place_opens_with_clitic_letter(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    if (!c->gaz[i] || c->gaz_len[i] != 1 || !led_by_preposition(tk)
        || !(gaz_ref(c, i, LIA_G_COUNTRY, NULL) || gaz_ref(c, i, LIA_G_CITY, NULL)))
        return 0;
    /* The whole word is a name (the names trie holds it as written). */
    return lia_trie_step_hashed(&c->r->names, tk->forms[0], tk->form_hash[0]) != NULL;
}

/* A word of an office's name the rules do not know: led by ل or ب
 * ("للاستعلامات", "بالأمن") or with the article ("الاندماج الإفريقي
 * والشؤون"); no name, place, nisba, title or function word. */
static int office_word(const ctx *c, size_t k, int first)
{
    if (k >= c->t->n || lex(c, k, c->cls.stop) || lex(c, k, c->cls.relative) || lex(c, k, c->cls.counterpart)
        || gaz_ref(c, k, LIA_G_PERSON, NULL) || gaz_ref(c, k, LIA_G_COUNTRY, NULL)
        || gaz_ref(c, k, LIA_G_CITY, NULL) || gaz_ref(c, k, LIA_G_TITLE, NULL))
        return 0;
    const lia_token *tk = tok(c, k);
    if (tk->kind != LIA_TOK_WORD)
        return 0;
    if (nisba_at(c, k, NULL))
        return 0;             /* the country's nisba ends the office */
    if (first && led_by_preposition(tk))
        return 1;
    /* "للهجرة وشؤون المصريين": a noun joined by و before an article word. */
    if (!first && tk->has_conj && !has_article(tk) && k + 1 < c->t->n
        && has_article(tok(c, k + 1)))
        return 1;
    return has_article(tk);
}

/* Where a known official's name that starts at i and matched up to end
 * really ends: the gazetteer may list a shorter form ("سيف بن زايد آل
 * نهيان", "محمد بن سلمان بن عبد العزيز آل سعود"). */
static size_t longer_name_end(const ctx *c, size_t i, size_t end)
{
    while (end + 1 < c->t->n && same_sentence(c, i, end + 1) && lex(c, end, c->cls.name_part)
           && !tok(c, end)->has_conj && tok(c, end + 1)->kind == LIA_TOK_WORD) {
        end += 2;
        /* "بن عبد العزيز": عبد takes the word after it too. */
        if (lex(c, end - 1, c->cls.name_part) && end < c->t->n && same_sentence(c, i, end)
            && tok(c, end)->kind == LIA_TOK_WORD && !tok(c, end)->has_conj)
            end++;
    }
    return end;
}

/* A city led by ب ("بالرباط") or after في ("في عمان") at j: its length,
 * or 0. */
static size_t city_phrase(const ctx *c, size_t j)
{
    if (strncmp(tok(c, j)->norm, "ب", 2) == 0 && tok(c, j)->n_forms > 1)
        return (size_t)gaz_ref(c, j, LIA_G_CITY, NULL);
    int l = strcmp(tok(c, j)->norm, "في") == 0 ? gaz_ref(c, j + 1, LIA_G_CITY, NULL) : 0;
    return l ? 1 + (size_t)l : 0;
}

/* "لليمن"، "إلى ليبيا"، "في العراق": the country an envoy is sent to,
 * between his title and his name.  Its length, or 0. */
/* ... or a region: "للشرق الأوسط"، "إلى منطقة الساحل". */
static size_t destination_country(const ctx *c, size_t j)
{
    int l;
    if (strncmp(tok(c, j)->norm, "ل", 2) == 0 && tok(c, j)->n_forms > 1)
        return (l = gaz_ref(c, j, LIA_G_COUNTRY, NULL)) ? (size_t)l : (size_t)lex(c, j, c->cls.region);
    if (!lex(c, j, c->cls.to) && strcmp(tok(c, j)->norm, "في") != 0)
        return 0;
    l = gaz_ref(c, j + 1, LIA_G_COUNTRY, NULL);
    if (!l)
        l = lex(c, j + 1, c->cls.region);
    if (!l)
        return 0;
    /* "... إلى الشرق الأوسط وإفريقيا": a second place joined by و. */
    size_t p = j + 1 + (size_t)l;
    int more = p < c->t->n && same_sentence(c, j, p) && tok(c, p)->has_conj ? gaz_ref(c, p, LIA_G_COUNTRY, NULL) : 0;
    if (!more && p < c->t->n && same_sentence(c, j, p) && tok(c, p)->has_conj)
        more = lex(c, p, c->cls.region);
    return 1 + (size_t)l + (size_t)more;
}

/* "نظيره في الحكومة المؤقتة جليل عباس جيلاني": after a counterpart, the
 * government he serves in (في, a polity word, its modifiers or nisba)
 * before his name.  Where the name starts, or j. */
static size_t counterpart_in_government(const ctx *c, size_t j)
{
    size_t k = j + 1 + (size_t)lex(c, j + 1, c->cls.polity);
    size_t h;
    while (k < j + 5 && ((h = (size_t)lex(c, k, c->cls.office_modifier)) || (h = (size_t)nisba_at(c, k, NULL))))
        k += h;
    if (same_sentence(c, j, k) && name_at(c, k))
        return k;
    return j;
}

/* "وزير الداخلية في الحكومة نفسها X": the government named just before,
 * between an office and its holder's name.  Its length at j, or 0. */
static size_t same_government_at(const ctx *c, size_t j)
{
    if (j + 2 >= c->t->n || strcmp(tok(c, j)->norm, "في") != 0 || lex(c, j + 1, c->cls.polity) != 1
        || !same_sentence(c, j, j + 3))
        return 0;
    const char *self = tok(c, j + 2)->norm;
    return !strcmp(self, "نفسها") || !strcmp(self, "ذاتها") ? 3 : 0;
}

/* "اللواء X"، "الجنرال الباكستاني المتقاعد X": a rank at i, maybe its
 * holder's nisba (of country, when that is not empty) and more of the
 * rank after it, before a name.  Its length, or 0 when no rank opens it. */
static size_t rank_of_country(const ctx *c, size_t i, const char *country)
{
    size_t h = (size_t)lex(c, i, c->cls.honorific);
    int ci, nl = h ? nisba_at(c, i + h, &ci) : 0;
    if (!nl || (country[0] && strcmp(c->r->countries.v[ci].code, country) != 0)
        || !same_sentence(c, i, i + h + (size_t)nl))
        return h;
    size_t e = i + h + (size_t)nl, more;
    while ((more = (size_t)lex(c, e, c->cls.honorific)))
        e += more;
    return e - i;
}

/* "في حكومة طالبان"، "في الحكومة السورية": a government named by a body
 * or an organization of a country, or by its nisba, at i; or one whose
 * own name the gazetteer knows ("في حكومة الوحدة الوطنية"); or an
 * administration ("في الإدارة السورية الجديدة"، "في الإدارة الأمريكية").
 * Returns its length (and the country), or 0. */
static size_t government_of(const ctx *c, size_t i, int *country)
{
    if (i + 2 >= c->t->n)
        return 0;
    const lia_token *g = tok(c, i + 1);
    if (strcmp(tok(c, i)->norm, "في") != 0
        || !(lia_token_matches(g, "حكومه") || lia_token_matches(g, "الحكومه") || lia_token_matches(g, "اداره")
             || lia_token_matches(g, "الاداره"))
        || !same_sentence(c, i, i + 2))
        return 0;
    int idx, len;
    if ((len = gaz_ref(c, i + 1, LIA_G_AGENCY, &idx)) && c->r->agencies.v[idx].country[0]
        && same_sentence(c, i, i + (size_t)len)
        && (*country = lia_rules_country_index(c->r, c->r->agencies.v[idx].country)) >= 0)
        return 1 + (size_t)len;
    if ((len = nisba_at(c, i + 2, country)))
        return 2 + (size_t)len;
    if ((len = gaz_ref(c, i + 2, LIA_G_ORG, &idx)) && c->r->orgs.v[idx].country[0]
        && (*country = lia_rules_country_index(c->r, c->r->orgs.v[idx].country)) >= 0)
        return 2 + (size_t)len;
    if ((len = gaz_ref(c, i + 2, LIA_G_AGENCY, &idx)) && c->r->agencies.v[idx].country[0]
        && (*country = lia_rules_country_index(c->r, c->r->agencies.v[idx].country)) >= 0)
        return 2 + (size_t)len;
    return 0;
}

/* The token after the run of phrases of class cls from j: the office
 * modifiers ("الجديدة"، "المؤقتة"), the ordinals ("التاسع والثلاثين"). */
static size_t past_class_run(const ctx *c, size_t j, int cls)
{
    int l;
    while (j < c->t->n && (l = lex(c, j, cls)) > 0)
        j += (size_t)l;
    return j;
}

/* "حاكم إقليم بريمورسكي X"، "حاكم ولاية تكساس X": the region a governor
 * rules, between his title and a name of two words or more: up to a comma
 * ("حاكم إقليم تييرا ديل فويغو، X"), else a place the gazetteer knows,
 * else one word.  Its length, or 0. */
static size_t governed_region(const ctx *c, const title_info *ti, size_t j)
{
    if (ti->title < 0 || strcmp(c->r->titles.v[ti->title].id, "governor") != 0 || j >= c->t->n)
        return 0;
    for (size_t k = j + 1; k < j + 5 && k + 1 < c->t->n && same_sentence(c, j, k + 1); k++)
        if (is_punct(c, k, ","))
            return scan_name(c, k + 1) >= k + 3 ? k + 1 - j : 0;
    size_t h = (size_t)gaz_ref(c, j, LIA_G_CITY, NULL);
    if (!h)
        h = (size_t)gaz_ref(c, j, LIA_G_COUNTRY, NULL);
    if (!h)
        h = 1;
    return same_sentence(c, j, j + h) && !official_at(c, j, NULL) && scan_name(c, j + h) >= j + h + 2 ? h : 0;
}

/* Is title t one whose holder serves another (an envoy, an adviser)? */
static int serves_someone(const ctx *c, int t)
{
    const char *id = c->r->titles.v[t].id;
    return !strcmp(id, "envoy") || !strcmp(id, "adviser");
}

/* Did known official oi ever hold that office (his roles in the rules)? */
static int held_office(const ctx *c, int oi, const char *office)
{
    const lia_official *o = &c->r->officials.v[oi];
    for (size_t k = 0; k < o->n_roles; k++)
        if (!strcmp(o->roles[k].office, office))
            return 1;
    return 0;
}

/* Has known official oi held any office at body key? */
static int served_body(const ctx *c, int oi, const char *key)
{
    const lia_official *o = &c->r->officials.v[oi];
    for (size_t k = 0; k < o->n_roles && key; k++)
        if (!strcmp(o->roles[k].body, key))
            return 1;
    return 0;
}

/* Does a known official who has held a head of state's or government's
 * office stand at token after (past a nisba)?  Then he is the one an
 * envoy's or adviser's title before serves, not the envoy ("مستشار رئيس
 * الوزراء الإثيوبي رضوان حسين", never a head, is the adviser). */
static int known_head_after(const ctx *c, size_t after)
{
    int oi;
    return official_at(c, after + (size_t)nisba_at(c, after, NULL), &oi)
           && (held_office(c, oi, "head-of-state") || held_office(c, oi, "head-of-government"));
}

/* "مستشار مدير جهاز الأمن الفيدرالي X"، "مستشار وزير الخارجية الروسي X":
 * is the title of tl words at j a head's, without the article, in
 * construct with the body he heads (whom the adviser before it serves)? */
static int head_of_body_in_construct(const ctx *c, size_t j, int ti, int tl)
{
    size_t after = j + (size_t)tl;
    return !strcmp(c->r->titles.v[ti].office, "head") && !has_article(tok(c, after - 1)) && after < c->t->n
           && !led_by_preposition(tok(c, j)) && same_sentence(c, j, after)
           && (gaz_ref(c, after, LIA_G_AGENCY, NULL) || gaz_ref(c, after, LIA_G_KIND, NULL)
               || gaz_ref(c, after, LIA_G_ORG, NULL));
}

/* "مستشار الرئيس X"، "مستشار رئيس الوزراء الإثيوبي X": the title of
 * whom an adviser or envoy serves, in construct after his title (a head
 * of state's or a chief's with the article, a head of government's of
 * two words and more).  Not "مبعوث الرئيس الأمريكي دونالد ترامب": a known
 * head of state or government after it is the one served, and the envoy
 * is named elsewhere.  The title's length, or 0. */
static int principal_in_construct(const ctx *c, size_t j)
{
    int ti, tl = j < c->t->n ? gaz_ref(c, j, LIA_G_TITLE, &ti) : 0;
    if (tl && head_of_body_in_construct(c, j, ti, tl))
        return tl;
    if (!tl || !has_article(tok(c, j + (size_t)tl - 1)))
        return 0;
    const char *office = c->r->titles.v[ti].office;
    int principal = (tl == 1 && (!strcmp(office, "head-of-state") || !strcmp(c->r->titles.v[ti].id, "chief")))
                    || (tl > 1 && !strcmp(office, "head-of-government"));
    if (!principal)
        return 0;
    return known_head_after(c, j + (size_t)tl) ? 0 : tl;
}

/* "للأمين العام للأمم المتحدة X"، "للرئيس الأمريكي X": after an envoy's
 * or adviser's title, whom he serves (a title led by ل, with its body or
 * country, or a principal's title in construct), which is not his name.
 * Its length, or 0. */
static size_t principal_of(const ctx *c, size_t j)
{
    int tl;
    if (j >= c->t->n || !(tl = gaz_ref(c, j, LIA_G_TITLE, NULL)))
        return 0;
    if (strncmp(tok(c, j)->norm, "لل", 4) != 0 && !principal_in_construct(c, j))
        return 0;
    /* "المبعوث الخاص للرئيس فلاديمير بوتين": the head named is the one
     * served; the envoy is named elsewhere. */
    if (known_head_after(c, j + (size_t)tl))
        return 0;
    size_t k = j + (size_t)tl;
    int bl;
    if ((bl = gaz_ref(c, k, LIA_G_ORG, NULL)) || (bl = gaz_ref(c, k, LIA_G_AGENCY, NULL))
        || (bl = gaz_ref(c, k, LIA_G_COUNTRY, NULL)) || (bl = nisba_at(c, k, NULL)))
        k += (size_t)bl;
    /* ... or a generic body and its nisba: "مستشار وزير الخارجية الروسي X". */
    else if ((bl = gaz_ref(c, k, LIA_G_KIND, NULL))) {
        k += (size_t)bl;
        k += (size_t)nisba_at(c, k, NULL);
    }
    return k <= c->t->n && same_sentence(c, j, k - 1) ? k - j : 0;
}

/* "المكلف بالصحراء الغربية ودول المغرب العربي X"، "المكلف بإدارة الدفاع
 * الوطني X": after "المكلف", the portfolio (led by ب, a few words) up to
 * the name.  Its length, or 0. */
static size_t charged_with(const ctx *c, size_t j)
{
    if (j == 0 || j >= c->t->n)
        return 0;
    /* ... and "لشؤون الأمن الوطني X": the affairs an office is for. */
    int affairs = lia_token_matches(tok(c, j), "لشوون") || lia_token_matches(tok(c, j), "للشوون");
    if (!affairs && (!(lia_token_matches(tok(c, j - 1), "المكلف") || lia_token_matches(tok(c, j - 1), "المكلفه"))
                     || strncmp(tok(c, j)->norm, "ب", 2) != 0))
        return 0;
    for (size_t k = j + 1; k < j + 8 && k < c->t->n && same_sentence(c, j, k); k++) {
        /* The affairs name at least one word or region, and may join
         * more by و: "لشؤون أوروبا والأميركيتين آلن دنكن". */
        int region = affairs ? lex(c, k, c->cls.region) : 0;
        if (region > 1) {
            k += (size_t)region - 1;
            continue;
        }
        int in_affairs = affairs && (region || k == j + 1 || tok(c, k)->has_conj);
        if (!in_affairs && name_at(c, k))
            return k - j;
        /* "المكلف بإدارة الدفاع الوطني، عبد اللطيف لوديي،": a comma
         * before a name set off by another. */
        if (!affairs && is_punct(c, k, ",") && name_set_off(c, k + 1))
            return k - j;
        if (tok(c, k)->kind != LIA_TOK_WORD)
            return 0;
    }
    return 0;
}

/* "الوزير المنتدب ... المكلف بإدارة الدفاع الوطني X": a portfolio
 * [first, last) that is a known body all through is the body the office
 * is of, when the title named none. */
static void charged_body(const ctx *c, title_info *ti, size_t first, size_t last)
{
    body b;
    if (ti->n_bodies || !gaz_ref(c, first, LIA_G_AGENCY, NULL))
        return;
    if (!parse_body(c, first, -1, 0, &b) || b.end != last) {
        body_release(&b);
        return;
    }
    b.start = first;
    ti->bodies[ti->n_bodies++] = b;
    if (ti->country < 0 && b.country[0])
        ti->country = lia_rules_country_index(c->r, b.country);
}

/* Is a name at i set off by a comma after it ("، ديو أكيكي،")? */
static int name_set_off(const ctx *c, size_t i)
{
    size_t e = official_at(c, i, NULL) ? i + (size_t)official_at(c, i, NULL) : scan_name(c, i);
    return e > i && e < c->t->n && is_punct(c, e, ",") && same_sentence(c, i, e);
}

/* "...، الفريق X Y،": a rank or style at first, then an unknown name
 * closed by punctuation; first is the token after the comma, n the one
 * after the styles.  The name's end, or n. */
static size_t ranked_name_in_apposition(const ctx *c, size_t first, size_t n)
{
    if (n == first || n >= c->t->n || !same_sentence(c, first, n))
        return n;
    size_t e = scan_name(c, n);
    if (e <= n || (e < c->t->n && tok(c, e)->kind != LIA_TOK_PUNCT))
        return n;
    return e;
}

static size_t try_title_person(ctx *c, size_t i);

/* "رئيس الجمهورية، القائد الأعلى للقوات المسلحة، وزير الدفاع الوطني،
 * السيد X": the bodies the offices after the first one name, of X's
 * country ci, become mentions, so that the offices the gazetteer knows
 * he holds ("heads.known-office") are read; titles start at at[0..n). */
static void add_stacked_title_bodies(ctx *c, const size_t *at, int n, int ci)
{
    for (int k = 0; k < n; k++) {
        title_info t2;
        if (!parse_title(c, at[k], &t2))
            continue;
        rebind_defaulted_bodies(c, &t2, ci);
        add_body_mentions(c, &t2, at[k]);
        title_release(&t2);
    }
}

/* "وزير الدفاع ورئيس الأركان السوري آنذاك العماد X": a nameless office
 * whose body has no country of its own, joined by و to another kind of
 * office, may be held by the one the second names (stacked_title_person
 * decides). */
static int office_joined_by_waw(const ctx *c, size_t j, const title_info *ti)
{
    if (!joined_by_waw(c, j) || !ti->n_bodies || ti->title < 0)
        return 0;
    for (int k = 0; k < ti->n_bodies; k++)
        if (!ti->bodies[k].defaulted)
            return 0;
    int idx;
    return gaz_ref(c, j, LIA_G_TITLE, &idx) && strcmp(c->r->titles.v[idx].id, c->r->titles.v[ti->title].id) != 0;
}

/* "رئيس مجلس السيادة الانتقالي القائد العام للقوات المسلحة الفريق أول
 * X"، "رئيس المخابرات العامة المصرية الوزير X": a title with the article
 * right after another title (parsed as ti, from i to j) stacks a second
 * office on the same person, unless it names another country ("استقبل
 * رئيس الوزراء الوزير الإسرائيلي X" is two persons).  Extends the person
 * the second title makes back to i with ti's bodies and sets *stacked.
 * Returns where the second title's reading ended, or j. */
/* "وزير الدفاع ورئيس الأركان السوري X": does the title at j name one
 * generic body tied to its country by the text (a nisba), which the
 * office before و, of a guessed country, shares?  Not a body the rules
 * name ("ومدير جهاز الأمن والمخابرات الوطني X" is another person). */
static int kind_bound_by_nisba(const ctx *c, size_t j)
{
    title_info t2;
    if (!parse_title(c, j, &t2))
        return 0;
    int bound = t2.n_bodies == 1 && t2.bodies[0].kind >= 0 && !t2.bodies[0].defaulted;
    title_release(&t2);
    return bound;
}

static size_t stacked_title_person(ctx *c, size_t i, size_t j, title_info *ti, int *stacked)
{
    /* Not "مبعوث الرئيس الأمريكي X": a title that names no body yet is
     * whose envoy or adviser. */
    int waw = j < c->t->n && office_joined_by_waw(c, j, ti);
    if (!ti->n_bodies || j >= c->t->n || !same_sentence(c, i, j) || (!has_article(tok(c, j)) && !waw)
        || led_by_preposition(tok(c, j)) || (joined_by_waw(c, j) && !waw) || !gaz_ref(c, j, LIA_G_TITLE, NULL)
        || lex(c, j, c->cls.guest))
        return j;
    size_t before = c->m->mentions.n;
    size_t end = try_title_person(c, j);
    size_t pi = before;
    while (pi < c->m->mentions.n && c->m->mentions.v[pi].first != j)
        pi++;
    if (end <= j || pi == c->m->mentions.n)
        return end > j ? end : j;
    lia_mention *pm = &c->m->mentions.v[pi];
    /* (Joined by و, the first office's country was only guessed.) */
    const char *cc = waw ? ""
                     : ti->country >= 0 ? c->r->countries.v[ti->country].code
                     : ti->n_bodies && !ti->bodies[0].defaulted ? ti->bodies[0].country : "";
    if (pm->type != LIA_T_PERSON || !pm->key[0] || (cc && cc[0] && pm->country[0] && strcmp(cc, pm->country)))
        return end;
    /* Joined by و, the first office is his only when the second names no
     * body, only the country both are of; "وزير الخارجية المكلف ومدير
     * جهاز المخابرات العامة X" names two persons. */
    if (waw && ((pm->bodies[0] && !kind_bound_by_nisba(c, j)) || !pm->country[0]))
        return end;
    /* A body only guessed is of the holder's country. */
    rebind_defaulted_bodies(c, ti, lia_rules_country_index(c->r, pm->country));
    /* A deputy's office stacked on a head's is not his: only offices of
     * one rank, or a bare style ("الوزير") after the office, stack. */
    if (pm->bodies[0] && (!ti->office || !pm->office || strcmp(ti->office, pm->office)))
        return end;
    char *merged[3] = { NULL, NULL, NULL };
    int n = 0;
    if (ti->n_bodies)
        merged[n++] = keep(c, ti->bodies[0].key);
    for (int k = 0; k < 2 && pm->bodies[k] && n < 2; k++)
        merged[n++] = pm->bodies[k];
    memcpy(pm->bodies, merged, sizeof merged);
    if (!pm->bodies[1] && ti->office)
        pm->office = keep(c, ti->office);
    pm->first = i;
    pm->role = mention_text(c, i, j);
    if (!pm->country[0])
        pm->country = keep(c, cc && cc[0] ? cc : ti->bodies[0].country);
    add_body_mentions(c, ti, i);
    *stacked = 1;
    return end;
}

static int person_ends_at(const ctx *c, size_t i);

/* A person introduced by a title at i ("نائب وزير الداخلية التركي منير
 * كارال أوغلو"), or a title-only mention resolved to the office holder. */
/* "وكان رئيس الأركان قد حل بموسكو": the bare word "الأركان" with no
 * country of its own is the staff of whichever army the story is about,
 * not of the dateline's country; alone, such a title names nobody here. */
static int bare_staff_guessed(const ctx *c, const title_info *ti)
{
    for (int k = 0; k < ti->n_bodies; k++) {
        const body *b = &ti->bodies[k];
        if (b->defaulted && b->kind >= 0 && b->kind_last == b->kind_first + 1
            && lia_token_matches(tok(c, b->kind_first), "الاركان"))
            return 1;
    }
    return 0;
}

/* Does a body the rules know open at k or right after it and close the
 * office's words ("... والشؤون الخارجية X"), not go on to one more word
 * of an office they do not know ("... والصناعة والتجارة والخدمات X")? */
static int known_office_closes(const ctx *c, size_t k)
{
    for (size_t q = k; q <= k + 1 && q < c->t->n; q++) {
        int len = gaz_ref(c, q, LIA_G_KIND, NULL);
        if (!len)
            len = gaz_ref(c, q, LIA_G_AGENCY, NULL);
        if (len && !office_word(c, q + (size_t)len, 0))
            return 1;
    }
    return 0;
}

/* Does the title read as ti, ending at j, end with a minister's title:
 * its own ("وزير") or the last of offices in a row ("نائب الرئيس وزير")? */
static int minister_ends_title(const ctx *c, const title_info *ti, size_t j)
{
    if (ti->title >= 0 && !strcmp(c->r->titles.v[ti->title].id, "minister"))
        return 1;
    int idx = j > 0 ? one_word_title(c, j - 1) : -1;
    return idx >= 0 && !strcmp(c->r->titles.v[idx].id, "minister");
}

static size_t try_title_person(ctx *c, size_t i)
{
    title_info ti;
    /* "والوزير الضيف": the guest, resolved later, not a title. */
    if (lex(c, i, c->cls.guest) || !parse_title(c, i, &ti))
        return i;
    /* "الوزير المنتدب لدى رئيس الحكومة X": the office X is attached to is
     * not his. */
    if (i > 0 && same_sentence(c, i - 1, i) && lex(c, i - 1, c->cls.attached_to)) {
        title_release(&ti);
        return i;
    }
    /* "مبعوث ترامب"، "مستشار بوتين": an envoy's or adviser's one-word
     * title without the article right before a known official is whose
     * envoy or adviser it is. */
    if (ti.end == i + 1 && !has_article(tok(c, i)) && !ti.n_bodies && ti.country < 0 && ti.title >= 0
        && (!strcmp(c->r->titles.v[ti.title].id, "envoy") || !strcmp(c->r->titles.v[ti.title].id, "adviser"))
        && official_at(c, i + 1, NULL) && same_sentence(c, i, i + 1)) {
        title_release(&ti);
        return i;
    }
    /* "نظيره وزير الداخلية والجماعات المحلية، السيد X": the counterpart's
     * own office follows; the title there makes the person, with its body. */
    title_info own;
    if (ti.title < 0 && ti.country < 0 && ti.end < c->t->n && same_sentence(c, i, ti.end)
        && gaz_ref(c, ti.end, LIA_G_TITLE, NULL)
        && parse_title(c, ti.end, &own)) {
        int bodies = own.n_bodies;
        title_release(&own);
        if (bodies) {
            title_release(&ti);
            return i;
        }
    }
    size_t j = ti.end;
    size_t h, hl;
    size_t gov_first = 0, gov_last = 0;   /* "بحكومة الوفاق" between office and name */
    int served = 0;                       /* whom an adviser serves was read */
    int gov = -1;
    for (;;) {
        int nci;
        int ai;
        if (((h = (size_t)lex(c, j, c->cls.honorific)) && !honorific_starts_name(c, j, h))
            || (h = (size_t)lex(c, j, c->cls.office_modifier)))
            j += h;
        else if (ti.country < 0 && (h = (size_t)nisba_at(c, j, &nci))) {
            ti.country = nci;        /* "رئيس المنظمة اللواء الإماراتي ..." */
            j += h;
        } else if (ti.title < 0 && strcmp(tok(c, j)->norm, "في") == 0 && lex(c, j + 1, c->cls.polity)
                   && (h = counterpart_in_government(c, j)) > j) {
            j = h;                   /* "نظيره في الحكومة المؤقتة X" */
        } else if ((h = same_government_at(c, j)) && name_at(c, j + h)) {
            j += h;                  /* "وزير الداخلية في الحكومة نفسها X" */
        } else if (lex(c, j, c->cls.attached_to) && same_sentence(c, j, j + 1)
                   && ((h = (size_t)gaz_ref(c, j + 1, LIA_G_COUNTRY, NULL))
                       || (h = (size_t)lex(c, j + 1, c->cls.the_country))
                       || (h = (size_t)gaz_ref(c, j + 1, LIA_G_ORG, NULL))
                       || (h = (size_t)gaz_ref(c, j + 1, LIA_G_CITY, NULL)))
                   && same_sentence(c, j, j + 1 + h) && name_at(c, j + 1 + h)) {
            j += 1 + h;              /* "السفير الأمريكي لدى البلاد X"، "مندوب سوريا لدى الأمم المتحدة X"، "السفير لدى هانوي X" */
        } else if (j == ti.end && (h = governed_region(c, &ti, j))) {
            j += h;                  /* "حاكم إقليم بريمورسكي X"، "حاكم ولاية تكساس X" */
        } else if ((h = ruler_of_city(c, j))) {
            j += h;                  /* "رئيس مجلس الوزراء حاكم دبي الشيخ X": the city he rules */
        } else if ((h = city_phrase(c, j)) && same_sentence(c, j, j + h) && name_at(c, j + h)) {
            j += h;                  /* "سفير الولايات المتحدة بالرباط X"، "... في عمان X" */
        } else if ((h = destination_country(c, j)) && same_sentence(c, j, j + h) && name_at(c, j + h)) {
            j += h;                  /* "المبعوث الأمريكي الخاص لليمن X"، "... إلى ليبيا X" */
        } else if (ti.country < 0 && !ti.n_bodies && strcmp(tok(c, j)->norm, "في") == 0
                   && (h = (size_t)country_after(c, j, &nci))
                   && name_at(c, j + h)) {
            ti.country = nci;        /* "مستشار الأمن الوطني في الولايات المتحدة X" */
            j += h;
        } else if (ti.n_bodies && ti.bodies[0].country && strncmp(tok(c, j)->norm, "ب", 2) == 0
                   && (h = (size_t)gaz_ref(c, j, LIA_G_AGENCY, &ai))
                   && !strcmp(c->r->agencies.v[ai].country, ti.bodies[0].country)
                   && name_at(c, j + h)) {
            gov = ai;                /* "وزير الداخلية بحكومة الوفاق فتحي باشاغا" */
            gov_first = j;
            gov_last = j + h;
            j += h;
            /* The government names the office's country outright. */
            ti.country = lia_rules_country_index(c->r, c->r->agencies.v[ai].country);
            for (int k = 0; k < ti.n_bodies; k++)
                ti.bodies[k].defaulted = 0;
        } else if (ti.title >= 0 && serves_someone(c, ti.title) && (h = principal_of(c, j)) > 0) {
            /* "مستشار وزير الخارجية الروسي X": his principal's country is his. */
            for (size_t w = j; w < j + h && ti.country < 0; w++)
                if (!nisba_at(c, w, &ti.country))
                    ti.country = -1;
            j += h;                  /* "المبعوث الشخصي للأمين العام للأمم المتحدة X" */
            served = 1;
        } else if (lex(c, j, c->cls.attached_to) && same_sentence(c, j, j + 1)
                   && (h = (size_t)gaz_ref(c, j + 1, LIA_G_TITLE, NULL))) {
            j += 1 + h;              /* "الوزير المنتدب لدى رئيس الحكومة" */
        } else if ((h = charged_with(c, j)) > 0) {
            charged_body(c, &ti, j, j + h);
            j += h;                  /* "المبعوث الخاص المكلف بالصحراء الغربية ودول المغرب العربي X" */
        } else if (ti.n_bodies && ti.bodies[0].country && strcmp(tok(c, j)->norm, "في") == 0
                   && (h = (size_t)gaz_ref(c, j + 1, LIA_G_AGENCY, &ai))
                   && (ti.bodies[0].defaulted || !strcmp(c->r->agencies.v[ai].country, ti.bodies[0].country))
                   && is_punct(c, j + 1 + h, ",") && lex(c, j + 2 + h, c->cls.honorific)) {
            /* "رئيس جهاز الاستخبارات العسكرية في قوات الدفاع الشعبية
             * الأوغندية، اللواء X": the body it belongs to, whose country
             * is the office's. */
            j += 1 + h;
            ti.country = lia_rules_country_index(c->r, c->r->agencies.v[ai].country);
            rebind_defaulted_bodies(c, &ti, ti.country);
        } else if (ti.country >= 0 && !ti.n_bodies && strcmp(tok(c, j)->norm, "في") == 0
                   && (h = (size_t)gaz_ref(c, j + 1, LIA_G_KIND, NULL)) && is_punct(c, j + 1 + h, ",")
                   && same_sentence(c, j, j + 2 + h) && (hl = (size_t)lex(c, j + 2 + h, c->cls.honorific))
                   && name_at(c, j + 2 + h + hl)) {
            /* "كاتب الدولة الأمريكي في الخارجية، السيد X": the ministry
             * of the office's country he serves in, a comma, his rank. */
            j += 2 + h;
        } else if (ti.n_bodies && is_punct(c, j, ",") && j + 1 < c->t->n && same_sentence(c, j, j + 1)
                   && !tok(c, j + 1)->has_conj
                   && (((h = rank_of_country(c, j + 1, ti.bodies[0].defaulted ? "" : ti.bodies[0].country))
                        && name_at(c, j + 1 + h))
                       || name_set_off(c, j + 1))) {
            /* "رئيس جهاز الاستخبارات العسكرية، اللواء X"، "نائب المتحدث
             * باسم وزارة الدفاع، ديو أكيكي،": a comma, a rank or not, and
             * the name (set off by another comma when it has no rank). */
            j += 1;
        } else if (ti.n_bodies && (h = government_of(c, j, &nci)) && name_at(c, past_class_run(c, j + h, c->cls.office_modifier))) {
            /* "وزير الدفاع في حكومة طالبان الملا محمد يعقوب": the
             * government's country is the office's. */
            j += h;
            ti.country = nci;
            rebind_defaulted_bodies(c, &ti, nci);
        } else
            break;
    }
    /* "وزير الداخلية والجماعات المحلية والتهيئة العمرانية كمال بلجود",
     * "وزير الشؤون الخارجية والتعاون الدولي عبد الله ديوب": more of the
     * office's words after the body, before an unknown name. */
    /* ... also led by ل or ب with the article: "مفوضة الاتحاد الأوروبي
     * للشؤون الداخلية إيلفا جوهانسون" (not a purpose: "لبحث"). */
    if (ti.n_bodies && !official_at(c, j, NULL) && scan_name(c, j) <= j && j < c->t->n
        && has_article(tok(c, j))
        && (!led_by_preposition(tok(c, j)) || strncmp(tok(c, j)->norm, "لل", 4) == 0
            || strncmp(tok(c, j)->norm, "بال", 6) == 0)) {
        size_t k = j;
        while (k < j + 6 && office_word(c, k, 0))
            k++;
        /* "... والجماعات المحلية الجزائري إبراهيم مراد": the office's
         * country after its words. */
        int nci2, nl2 = k > j ? nisba_at(c, k, &nci2) : 0;
        if (nl2 && ti.bodies[0].country[0]
            && !strcmp(c->r->countries.v[nci2].code, ti.bodies[0].country))
            k += (size_t)nl2;
        while ((h = (size_t)lex(c, k, c->cls.honorific)))
            k += h;
        /* A known official after them only when he is of the office's
         * country ("... والتهيئة العمرانية إبراهيم مراد"), or the country
         * was only guessed ("جدة - وقع وزير الدفاع الوطني اللواء ميشال
         * منسى": his office is Lebanon's, rebound below). */
        int oi2, ol2 = official_at(c, k, &oi2);
        int same = ol2 && ti.bodies[0].country
                   && (ti.bodies[0].defaulted
                       || !strcmp(c->r->officials.v[oi2].country, ti.bodies[0].country));
        if (k > j && same_sentence(c, i, k) && (ol2 ? same : scan_name(c, k) > k))
            j = ti.end = k;
    }
    /* "وزير الموارد الطبيعية الروسي ألكسندر كوزلوف": a minister of a
     * ministry the rules do not know, its words, maybe its country, then
     * a name no rule knows either. */
    if (!ti.n_bodies && minister_ends_title(c, &ti, j) && j == ti.end
        && j < c->t->n && has_article(tok(c, j)) && !led_by_preposition(tok(c, j)) && !official_at(c, j, NULL)) {
        size_t k = j;
        /* Not past "و" to an office the rules know: "وزيرة الاندماج
         * الإفريقي والشؤون الخارجية"; past it to words of none: "وزير
         * التنمية والصناعة والتجارة X". */
        while (k < j + 4 && office_word(c, k, 0)
               && (k == j || !tok(c, k)->has_conj || !known_office_closes(c, k)))
            k++;
        int nci4, nl4 = k > j && ti.country < 0 ? nisba_at(c, k, &nci4) : 0;
        if (nl4)
            k += (size_t)nl4;
        if (k > j && same_sentence(c, i, k) && !official_at(c, k, NULL) && scan_name(c, k) > k) {
            if (nl4)
                ti.country = nci4;
            j = ti.end = k;
        }
    }
    /* "وزير الداخلية وأقاليم ما وراء البحار الفرنسي جيرالد دارمانان": words
     * of an office that read as nothing, then its country's nisba and the
     * holder's name.  Only for a body whose country was guessed. */
    if (ti.n_bodies && !official_at(c, j, NULL) && scan_name(c, j) <= j) {
        for (size_t q = j; q < j + 6 && q < c->t->n && same_sentence(c, i, q); q++) {
            /* "... للجمهورية الفرنسية، السيد جيرالد دارمانان": the state
             * led by ل, its nisba, and the name after a comma. */
            int nci3, nl3 = 0, state = q > j && strncmp(tok(c, q)->norm, "ل", 2) == 0
                                        && lex(c, q, c->cls.polity) == 1 && (nl3 = nisba_at(c, q + 1, &nci3));
            /* Not past a phrase led by ب: "سمو وزير الدفاع باستقبال مرشد
             * الجمهورية الإيرانية علي خامنئي" names a second person. */
            if (!state && (tok(c, q)->kind != LIA_TOK_WORD || gaz_ref(c, q, LIA_G_TITLE, NULL)
                           || gaz_ref(c, q, LIA_G_PERSON, NULL) || lex(c, q, c->cls.relative)
                           || lex(c, q, c->cls.counterpart) || led_by_preposition(tok(c, q))))
                break;
            if (state)
                nl3 += 1;
            else
                nl3 = q > j ? nisba_at(c, q, &nci3) : 0;
            if (!nl3)
                continue;
            size_t a = q + (size_t)nl3, office_end = a;
            if (state && is_punct(c, a, ","))
                a++;
            while ((h = (size_t)lex(c, a, c->cls.honorific)))
                a += h;
            int oi3, ol3 = official_at(c, a, &oi3);
            const char *cc = c->r->countries.v[nci3].code;
            if (ti.bodies[0].defaulted && same_sentence(c, i, a)
                && (ol3 ? !strcmp(c->r->officials.v[oi3].country, cc) : scan_name(c, a) > a)) {
                rebind_defaulted_bodies(c, &ti, nci3);
                ti.country = nci3;
                ti.end = state ? office_end : a;
                j = a;
            }
            break;
        }
    }
    /* "المفوض العام للاستعلامات أوخينيو بيريرو بلانكو", "كاتب الدولة
     * الإسباني المكلف بالأمن رافاييل بيريز رويث": the words of an office the
     * rules do not know, a phrase led by ل or ب, before an unknown name. */
    if (!ti.n_bodies && !official_at(c, j, NULL) && scan_name(c, j) <= j) {
        size_t k = j;
        while (k < j + 5 && office_word(c, k, k == j))
            k++;
        /* Led by an article word ("وزيرة الاندماج الإفريقي والشؤون الخارجية
         * السنغالية ياسين فال"), the phrase must end on the country's nisba. */
        int nci, nl = k > j ? nisba_at(c, k, &nci) : 0;
        int by_preposition = k > j && led_by_preposition(tok(c, j));
        /* A minister's portfolio the rules do not know ("وزير المال غازي
         * وزني", "وزير الطاقة والمياه ريمون غجر") is one to three words. */
        int portfolio = k > j && k <= j + 3 && ti.title >= 0
                        && (strcmp(c->r->titles.v[ti.title].id, "minister") == 0
                            || strcmp(c->r->titles.v[ti.title].id, "commission-member") == 0);
        /* A body the rules know among them is read as that body, not here. */
        for (size_t w = j; w < k && portfolio; w++)
            portfolio = !gaz_ref(c, w, LIA_G_KIND, NULL) && !gaz_ref(c, w, LIA_G_AGENCY, NULL);
        /* "المستشار الأول للأمن القومي لدى رئيس الجمهورية التونسية اللواء
         * X": an office at another's side; the name after it is the
         * adviser's, of that office's country. */
        title_info side;
        if (lex(c, k, c->cls.attached_to) && same_sentence(c, i, k + 1) && parse_title(c, k + 1, &side)) {
            size_t a = side.end;
            int sc = side.country;
            if (sc < 0 && side.n_bodies && side.bodies[0].country && !side.bodies[0].defaulted)
                sc = lia_rules_country_index(c->r, side.bodies[0].country);
            title_release(&side);
            size_t office_end = a;
            while ((h = (size_t)lex(c, a, c->cls.honorific)))
                a += h;
            if (same_sentence(c, i, a) && name_at(c, a)) {
                if (ti.country < 0)
                    ti.country = sc;
                ti.end = office_end;
                j = k = a;
            }
        }
        /* "وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين
         * بالخارج ناصر بوريطة": a minister's long portfolio with a kind of
         * body among its words, then a known official. */
        int kind_words = 0;
        for (size_t w = j; w < k && !kind_words; w++)
            kind_words = gaz_ref(c, w, LIA_G_KIND, NULL) != 0;
        /* ... the name set off by a comma and a style: "وزير الشؤون
         * الخارجية، السيد صبري بوقدوم" (the Algerian press). */
        size_t styled = k + 1;
        while (styled < c->t->n && (h = (size_t)lex(c, styled, c->cls.honorific)))
            styled += h;
        int set_off = kind_words && k + 1 < styled && is_punct(c, k, ",") && official_at(c, styled, NULL);
        /* (Not an office charged with a body: "المكلف بإدارة الدفاع الوطني".) */
        for (size_t w = j; w < k && set_off; w++)
            set_off = !led_by_preposition(tok(c, w));
        int known_after = kind_words && ti.title >= 0 && !strcmp(c->r->titles.v[ti.title].id, "minister")
                          && (official_at(c, k, NULL) || set_off) && same_sentence(c, i, set_off ? styled : k);
        /* "رئيس المرحلة الانتقالية العقيد آسيمي غويتا"، "الرئيس الانتقالي
         * X": a head's office in a few article words, then a known official. */
        size_t after_style = k;
        while ((h = (size_t)lex(c, after_style, c->cls.honorific)))
            after_style += h;
        const lia_title *tt = ti.title >= 0 ? &c->r->titles.v[ti.title] : NULL;
        int head_known = !nl && k > j && k <= j + 4 && !by_preposition && tt
                         && (!strcmp(tt->office, "head-of-state") || !strcmp(tt->id, "chief"))
                         && official_at(c, after_style, NULL) && same_sentence(c, i, after_style);
        if (k > j && (by_preposition || nl || portfolio || known_after || head_known)) {
            size_t words_end = k;
            k += (size_t)nl;
            /* "... وشؤون المصريين بالخارج": the office goes on after the
             * nisba with a phrase led by ل or ب. */
            /* ... or with article words ("والمغاربة المقيمين بالخارج"). */
            while (nl && k < words_end + (size_t)nl + 3 && office_word(c, k, 1)
                   && (led_by_preposition(tok(c, k)) || has_article(tok(c, k))))
                k++;
            /* "... السفيرة سها جندي": a style between office and name;
             * "رئيس الأركان السوري آنذاك العماد X": when he held it. */
            if (!nl && known_after && set_off)
                k++;
            while ((h = (size_t)lex(c, k, c->cls.honorific)) || (h = (size_t)lex(c, k, c->cls.former)))
                k += h;
            /* A known official after them when of the nisba's country
             * ("... والشؤون الخارجية السنغالية ياسين فال"). */
            int oi4, ol4 = official_at(c, k, &oi4);
            /* ... or after whom an adviser serves and his portfolio
             * ("مستشار الرئيس الأمريكي للأمن القومي جيك سوليفان"). */
            if (ol4 ? (nl && !strcmp(c->r->officials.v[oi4].country, c->r->countries.v[nci].code))
                          || (!nl && (known_after || head_known || (served && by_preposition)))
                    : scan_name(c, k) > k) {
                if (nl && ti.country < 0)
                    ti.country = nci;
                if (!nl && ol4 && ti.country < 0)
                    ti.country = lia_rules_country_index(c->r, c->r->officials.v[oi4].country);
                /* A generic body among the words ("والشؤون الخارجية") is
                 * that country's: the minister heads its ministry (an
                 * adviser's portfolio, "للأمن القومي", names none). */
                for (size_t w = j; w < words_end && ti.country >= 0 && !served; w++) {
                    int ki, kl = gaz_ref(c, w, LIA_G_KIND, &ki);
                    if (kl && w + (size_t)kl <= words_end && !ti.n_bodies) {
                        body *b = &ti.bodies[ti.n_bodies++];
                        memset(b, 0, sizeof *b);
                        kind_agency(c, ki, ti.country, w, w + (size_t)kl, b);
                        b->kind = ki;
                        b->kind_first = w;
                        b->kind_last = w + (size_t)kl;
                        b->start = w;
                        b->end = w + (size_t)kl;
                    }
                }
                j = k;
                ti.end = !nl && known_after && set_off ? words_end : k;
            }
        }
    }
    int oi;
    /* "ضم X رئيس مجلس الوزراء الكويتي وتيلرسون": a name joined by و after
     * an office is the next of a list, not the office's holder. */
    int joined = joined_by_waw(c, j);
    int ol = joined ? 0 : official_at(c, j, &oi);
    /* "جمع رئيس المخابرات العامة بمحمد المنفي": a name led by ب is whom
     * the verb joins the title's holder with, not the holder. */
    if (ol && name_led_by_bi(c, j))
        ol = 0;
    /* "ثم استقبل الوزير المصري غروسي": a known official of another country
     * than the title's is the verb's object, not the title's holder. */
    if (ol && ti.country >= 0 && !ti.n_bodies
        && strcmp(c->r->officials.v[oi].country, c->r->countries.v[ti.country].code) != 0)
        ol = 0;
    /* "هنأ رئيس المخابرات المصرية الفريق أول ركن صدام حفتر": nor one with
     * a rank of his own, of another country than the body the title names
     * outright, who never served it ("رئيس حكومة الوفاق رامي الحمد الله"
     * stays: a body's name may be another country's too). */
    int ranked = 0;
    for (size_t w = ti.end; w < j && !ranked; w++)
        ranked = lex(c, w, c->cls.military_rank) != 0;
    if (ol && ranked && ti.n_bodies && !ti.bodies[0].defaulted && ti.bodies[0].country && ti.bodies[0].country[0]
        && strcmp(c->r->officials.v[oi].country, ti.bodies[0].country) != 0
        && !served_body(c, oi, ti.bodies[0].key))
        ol = 0;
    /* "استقبل صاحب السمو رئيس الدولة دينيس مانتوروف": a head of state's
     * title with no country of its own, then a known official who never
     * was one (his roles known), is the verb's subject; he its object.
     * The title is the head of the state the story is in (WAM's "رئيس
     * الدولة"). */
    if (ol && ti.country < 0 && ti.title >= 0 && !strcmp(c->r->titles.v[ti.title].office, "head-of-state")
        && c->r->officials.v[oi].n_roles > 0 && !held_office(c, oi, "head-of-state")) {
        ol = 0;
        ti.country = c->home_country;
    }
    /* A known official set aside above is no unknown name either. */
    size_t name_end = joined ? j
                      : ol ? longer_name_end(c, j, j + (size_t)ol)
                      : official_at(c, j, NULL) ? j : scan_name(c, j);
    if (!ol && name_end > j + 1 && surname_named_before(c, j, 0))
        name_end = j;
    /* "طالب X الأمين العام لمنظمة التعاون الإسلامي بوقف فوري": the title
     * is the office of X, named right before it; an unknown word led by ب
     * after it is the verb's complement, not a name. */
    if (!ol && name_end > j && strncmp(tok(c, j)->norm, "ب", 2) == 0 && tok(c, j)->n_forms > 1
        && person_ends_at(c, i))
        name_end = j;
    /* "التقى رئيس مجلس الوزراء الأمين العام لجامعة الدول العربية X": a
     * title of two words or more that reads as a name ("الأمين" is a given
     * name too) is the next person's office, not the first one's name. */
    if (!ol && name_end > j && gaz_ref(c, j, LIA_G_TITLE, NULL) >= 2)
        name_end = j;
    /* After a title, an unknown first name and a family name with the
     * article, closed by punctuation ("ونظيره الأردني عاطف الطراونة."،
     * "ألكاش الهادا،"); not a verbal noun (تعزيز، مكافحة), nor one with
     * his pronoun, though a name joined with الله ends in ه too
     * ("عطاالله السرحان،"). */
    if (!ol && name_end <= j && j + 2 < c->t->n && same_sentence(c, j, j + 2)
        && tok(c, j)->kind == LIA_TOK_WORD && !any_lex(c, j) && !c->gaz[j] && !has_article(tok(c, j))
        && !tok(c, j)->has_conj && tok(c, j)->n_forms == 1
        && strncmp(tok(c, j)->norm, "ت", 2) != 0 && strncmp(tok(c, j)->norm, "م", 2) != 0
        && (strcmp(tok(c, j)->norm + strlen(tok(c, j)->norm) - 2, "ه") != 0 || lia_ends_with(tok(c, j)->norm, "الله"))
        && tok(c, j + 1)->kind == LIA_TOK_WORD && has_article(tok(c, j + 1)) && !any_lex(c, j + 1)
        && !c->gaz[j + 1] && !led_by_preposition(tok(c, j + 1)) && !nisba_at(c, j + 1, NULL)
        && tok(c, j + 2)->kind == LIA_TOK_PUNCT)
        name_end = j + 2;
    /* After a title, a given name that is also a function word, with a
     * family name, is the name ("وزير الخارجية المكلف السفير علي الصادق":
     * Ali, not the preposition على; written "على", it is the preposition:
     * "شكر الرئيس الأمريكي على الدعوة"). */
    if (!ol && name_end <= j && j + 1 < c->t->n && lex(c, j, c->cls.given_name) && !only_given_name(c, j)
        && !tok(c, j)->has_conj && !ends_in_alef_maqsura(c, j) && same_sentence(c, j, j + 1)
        && tok(c, j + 1)->kind == LIA_TOK_WORD
        && has_article(tok(c, j + 1)) && !led_by_preposition(tok(c, j + 1)) && !any_lex(c, j + 1)
        && !c->gaz[j + 1])
        name_end = j + 2;
    /* "وزير خارجيته سيشهد التوقيع": after a body told with a pronoun
     * (his ministry) only a known name, or one opening with a given name,
     * is read: the words after it are as often the clause's verb. */
    for (int k = 0; k < ti.n_bodies && name_end > j && !ol; k++)
        if (possessive_suffixed(c, ti.bodies[k].start) && !lex(c, j, c->cls.given_name))
            name_end = j;
    /* "وضم الوفد السعودي ... مدير عام حرس الحدود اللواء X": a member of a
     * foreign delegation holds his own country's office. */
    int dc = name_end > j ? delegation_country_before(c, i) : -1;
    if (dc < 0 && name_end > j)
        dc = accompanied_country(c, i, 30, 0);
    int member = dc >= 0;
    if (ol)
        dc = -1;                 /* a known official's own country stands */
    int defaulted = 0;
    for (int k = 0; k < ti.n_bodies; k++)
        defaulted |= ti.bodies[k].defaulted;
    if (dc >= 0 && (ti.country < 0 || defaulted)) {
        ti.country = dc;
        rebind_defaulted_bodies(c, &ti, dc);
    }
    /* "شارك فيها من الجانب النيجيري رئيس ديوان الرئاسة X": the side named
     * right before is the country of an office that names none. */
    int side = dc < 0 && (ti.country < 0 || defaulted) ? side_country_before(c, i, 0) : -1;
    /* ... and who received a visitor is of the place he came to, named
     * before in the sentence: "حل بنواكشوط ...، حيث كان في استقباله
     * بالمطار وزير الداخلية X". */
    if (side < 0 && dc < 0 && (ti.country < 0 || defaulted))
        side = reception_place_country(c, i);
    if (side < 0 && dc < 0 && ti.country < 0)
        side = represented_country_before(c, i);
    if (side >= 0) {
        ti.country = side;
        rebind_defaulted_bodies(c, &ti, side);
    }
    if (!ol && dc < 0 && side < 0)
        drop_guessed_civil_bodies(c, &ti);
    if (name_end > j) {
        lia_mention *mm = new_mention(c, i, name_end, LIA_T_PERSON);
        mm->member = member;
        mm->surface = mention_text(c, j, name_end);
        if (ol) {
            person_from_official(c, mm, oi);
            /* "وفد تركي يضم وزير الخارجية هاكان فيدان" in a Baghdad story:
             * a known official's office is his own country's, not the
             * home country the bare title would have defaulted to. */
            if (mm->country[0])
                rebind_defaulted_bodies(c, &ti, lia_rules_country_index(c->r, mm->country));
        } else
            person_from_name(c, mm, j, name_end, ti.country);
        if (!mm->country[0] && ti.country >= 0)
            mm->country = keep(c, c->r->countries.v[ti.country].code);
        attach_title(mm, &ti, c, i, ti.end);
        size_t me = c->m->mentions.n - 1;
        add_body_mentions(c, &ti, i);
        title_release(&ti);
        if (gov >= 0) {
            const lia_agency *a = &c->r->agencies.v[gov];
            lia_mention *gm = new_mention(c, gov_first, gov_last, LIA_T_AGENCY);
            set_identity(c, gm, a->key, a->name, a->latin, a->country);
            gm->inner = 1;
        }
        /* "الأمير عبد العزيز بن سعود وزير الداخلية": a second office after
         * the name. */
        if (!c->m->mentions.v[me].bodies[0]) {
            size_t e = absorb_apposition(c, me, name_end);
            c->m->mentions.v[me].last = e;
            return e;
        }
        return name_end;
    }
    /* "وزير الداخلية والجماعات المحلية، إبراهيم مراد،": the rest of a long
     * office name, a comma, then a known official. */
    /* ... and several offices separated by commas before the name: "رئيس
     * الجمهورية، القائد الأعلى للقوات المسلحة، وزير الدفاع الوطني، السيد
     * عبد المجيد تبون". */
    size_t window = 12;
    size_t more_titles[2];     /* where the titles after commas start */
    int n_more = 0;
    for (size_t k = j; k < j + window && k < c->t->n && same_sentence(c, j, k); k++) {
        /* A bracketed gloss: "(جهاز المخابرات الداخلية)". */
        if (is_punct(c, k, "(")) {
            size_t q = k + 1;
            while (q < c->t->n && q < k + 8 && !is_punct(c, q, ")"))
                q++;
            if (q < c->t->n && is_punct(c, q, ")")) {
                k = q;
                continue;
            }
            break;
        }
        if (is_punct(c, k, "\""))
            continue;
        if (is_punct(c, k, ",")) {
            size_t n = k + 1;
            /* "...، وسعادة السيد X": و opens the next person of a list. */
            if (joined_by_waw(c, n))
                break;
            while (n < c->t->n && (h = (size_t)lex(c, n, c->cls.honorific)))
                n += h;
            int pi, pl = official_at(c, n, &pi);
            int other = pl && ti.country >= 0 && !defaulted
                        && strcmp(c->r->officials.v[pi].country, c->r->countries.v[ti.country].code) != 0;
            /* "قائد الأركان العامة للجيوش، الفريق X Y،": an unknown name
             * after a rank, in apposition between commas, is the holder's. */
            size_t un = pl ? n : ranked_name_in_apposition(c, k + 1, n);
            if ((pl && !other && same_sentence(c, k, n)) || un > n) {
                lia_mention *mm = new_mention(c, i, pl ? n + (size_t)pl : un, LIA_T_PERSON);
                mm->surface = mention_text(c, n, pl ? n + (size_t)pl : un);
                if (pl)
                    person_from_official(c, mm, pi);
                else
                    person_from_name(c, mm, n, un, defaulted ? -1 : ti.country);
                if (!mm->country[0])
                    mm->country = keep(c, ti.country >= 0 ? c->r->countries.v[ti.country].code
                                       : ti.n_bodies ? ti.bodies[0].country : "");
                attach_title(mm, &ti, c, i, k);
                /* add_body_mentions may move the mention array. */
                size_t last = mm->last;
                int ci = lia_rules_country_index(c->r, mm->country);
                add_body_mentions(c, &ti, i);
                title_release(&ti);
                add_stacked_title_bodies(c, more_titles, n_more, ci);
                return last;
            }
            if (!pl && n < c->t->n && gaz_ref(c, n, LIA_G_TITLE, NULL) && window < 28) {
                if (n_more < 2)
                    more_titles[n_more++] = n;
                window += 10;
                continue;
            }
            break;
        }
        if (tok(c, k)->kind != LIA_TOK_WORD || lex(c, k, c->cls.stop) || official_at(c, k, NULL))
            break;
    }
    int stacked = 0;
    size_t after = stacked_title_person(c, i, j, &ti, &stacked);
    if (stacked) {
        title_release(&ti);
        return after;
    }
    /* Title only: the person is resolved later from the office.  Not
     * behind ل after a noun ("المبعوث الخاص للرئيس الروسي", "رسالة لرئيس
     * الجمهورية"): that office only qualifies the noun; but after سبق
     * ("وسبق لقائد الجيش أن زار") ل names who did it. */
    int genitive = i > 0 && tok(c, i)->n_forms > 1 && strncmp(tok(c, i)->norm, "ل", 2) == 0
                   && tok(c, i - 1)->kind == LIA_TOK_WORD && same_sentence(c, i - 1, i)
                   && !lex(c, i - 1, c->cls.precedent);
    /* "شغل في السابق منصب وزير الداخلية": the post, not its holder. */
    genitive |= i > 0 && lex(c, i - 1, c->cls.post);
    /* A country has many envoys at once: the title alone names none. */
    int many = ti.office && !strcmp(ti.office, "envoy");
    if (!genitive && !many && !bare_staff_guessed(c, &ti) && (ti.n_bodies || (ti.country >= 0 && ti.office && ti.office[0]))) {
        lia_mention *mm = new_mention(c, i, ti.end, LIA_T_PERSON);
        attach_title(mm, &ti, c, i, ti.end);
        set_identity(c, mm, "", "", "", ti.country >= 0 ? c->r->countries.v[ti.country].code : "");
        if (!ti.n_bodies && ti.country >= 0)
            mm->bodies[0] = keep(c, c->r->countries.v[ti.country].code);
        for (int k = 0; k < ti.n_bodies; k++)
            mm->guessed_country |= ti.bodies[k].defaulted;
        add_body_mentions(c, &ti, i);
        title_release(&ti);
        return after > ti.end ? after : ti.end;
    }
    title_release(&ti);
    return after > j ? after : i;
}

/* The head word of an event without its proclitics ("لقمة سمرقند" is
 * "قمة سمرقند"): its first form the lexicon knows. */
static const char *head_form(const ctx *c, size_t i)
{
    const char *form = known_form(c, tok(c, i), 0);
    return form ? form : tok(c, i)->forms[0];
}

/* "الدولي"، "الإقليمية": a word ending as a relative adjective does (ي،
 * ية). */
static int adjective_like(const lia_token *tk)
{
    size_t n = strlen(tk->norm);
    return (n >= 2 && !strcmp(tk->norm + n - 2, "ي")) || (n >= 4 && !strcmp(tk->norm + n - 4, "يه"));
}

/* Is the word at i a plain indefinite accusative ("بديلا"، "حضوريا"):
 * no article, no و, ending in alef, and no name or class? */
static int indefinite_accusative(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    size_t n = strlen(tk->norm);
    return tk->kind == LIA_TOK_WORD && !has_article(tk) && !tk->has_conj && n > 4
           && !strcmp(tk->norm + n - 2, "ا") && !c->gaz[i] && !any_lex(c, i);
}

/* Does the word read as a verb in the imperfect ("يعقده"، "تتناول")?
 * Nouns rarely open with ي or with تت. */
static int imperfect_verb_like(const lia_token *tk)
{
    return !tk->has_article && strlen(tk->norm) >= 8
           && (strncmp(tk->norm, "ي", 2) == 0 || strncmp(tk->norm, "تت", 4) == 0);
}

/* An event the gazetteer does not know, named by tokens [i, end): its
 * name as written, its key from the words without the article.  A shape
 * (edition) key ignores ordinals, so editions of a series read as one
 * event unless the gazetteer says otherwise, and takes the head word
 * without its proclitics.  A head with only ordinals ("القمة الأولى"،
 * "القمة الثالثة") keeps them: nothing else tells those editions apart. */
static void name_event_by_words(ctx *c, lia_mention *mm, size_t i, size_t end, int edition)
{
    size_t plain_words = 0;
    for (size_t k = i; k < end; k++)
        plain_words += !lex(c, k, c->cls.ordinal);
    int drop_ordinals = edition && plain_words > 1;
    strbuf b;
    sb_init(&b);
    for (size_t k = i; k < end; k++) {
        if (drop_ordinals && lex(c, k, c->cls.ordinal))
            continue;
        if (b.len)
            sb_addc(&b, ' ');
        /* ("لتمرين «رعد الشمال»": the head's key without its ل.) */
        sb_adds(&b, k == i && (edition || led_by_preposition(tok(c, k))) ? head_form(c, k) : tok(c, k)->forms[0]);
    }
    char *slug = lia_slug(b.s ? b.s : "");
    char *name = clean_span_text(c, i, end);
    set_identity(c, mm, slug, name, "", "");
    free(slug);
    free(name);
    sb_release(&b);
}

/* "الجولة الأولى من المحادثات غير المباشرة": a round of talks is an
 * event; so is "جولة جديدة من مفاوضات وقف إطلاق النار", a new round
 * (not "جولة خليجية", a tour).  Its length at i, or 0. */
static size_t round_of_talks(const ctx *c, size_t i)
{
    if (i + 3 >= c->t->n || !lia_token_matches(tok(c, i), "جوله"))
        return 0;
    size_t j = i + 1, l;
    int fresh = !has_article(tok(c, i)) && lia_token_matches(tok(c, j), "جديده");
    if (!(l = fresh) && !(has_article(tok(c, i)) && (l = (size_t)lex(c, j, c->cls.ordinal))))
        return 0;
    j += l;
    if (j + 1 >= c->t->n || !lia_token_matches(tok(c, j), "من"))
        return 0;
    j++;
    /* ... and so is one of a dialogue: "الجولة الثامنة من الحوار
     * الاستراتيجي", with the adjectives that name which. */
    int dialogue = lia_token_matches(tok(c, j), "الحوار");
    if (!(l = (size_t)lex(c, j, c->cls.met_noun)) && !(l = (size_t)dialogue))
        return 0;
    /* (An indefinite noun of talks, of a new round only: "من مفاوضات
     * وقف إطلاق النار", whose complement names them.) */
    if (!has_article(tok(c, j)) && !fresh)
        return 0;
    j += l;
    if (j + 1 < c->t->n && lia_token_matches(tok(c, j), "غير") && has_article(tok(c, j + 1)))
        j += 2;                 /* "غير المباشرة" */
    size_t named = j;
    while (dialogue && j < c->t->n && same_sentence(c, i, j) && has_article(tok(c, j)) && adjective_like(tok(c, j))
           && !c->gaz[j] && !lex(c, j, c->cls.relative) && !lex(c, j, c->cls.stop))
        j++;
    /* (A dialogue is named by an adjective at least, and one whose name
     * goes on, "من الحوار الثلاثي لوزراء خارجية ...", is an event of its
     * own the round is of.) */
    if (dialogue && (j == named || (j < c->t->n && same_sentence(c, i, j) && led_by_preposition(tok(c, j))
                                    && strncmp(tok(c, j)->norm, "ل", 2) == 0)))
        return 0;
    return same_sentence(c, i, j - 1) ? j - i : 0;
}

/* "الاجتماع الثلاثي لوزراء الدفاع في مصر واليونان وقبرص": is the country
 * at token p the first of a list joined by و, the members an event
 * gathers rather than where it sits? */
static int countries_listed_at(const ctx *c, size_t p)
{
    int len = gaz_ref(c, p, LIA_G_COUNTRY, NULL);
    size_t next = p + (size_t)len;
    return len && next < c->t->n && same_sentence(c, p, next) && tok(c, next)->has_conj
           && gaz_ref(c, next, LIA_G_COUNTRY, NULL);
}

/* The place at token p inside an event's name ("قمة هلسنكي") as an inner
 * mention that the event takes for its place.  The mention vector may
 * move: the caller looks the event up again.  Returns 1 when made. */
static int place_inside_event(ctx *c, size_t p)
{
    int ci, cl = gaz_ref(c, p, LIA_G_CITY, &ci), kind = LIA_T_CITY;
    if (!cl && (cl = gaz_ref(c, p, LIA_G_COUNTRY, &ci)))
        kind = LIA_T_COUNTRY;
    if (!cl)
        return 0;
    c->m->mentions.v[c->m->mentions.n - 1].place_first = p + 1;
    lia_mention *pm = new_mention(c, p, p + (size_t)cl, kind);
    if (kind == LIA_T_CITY) {
        const lia_city *city = &c->r->cities.v[ci];
        set_identity(c, pm, city->key, city->name, city->latin, city->country);
    } else {
        const lia_country *co = &c->r->countries.v[ci];
        set_identity(c, pm, co->code, co->name, co->latin, co->code);
    }
    pm->inner = 1;
    return 1;
}

/* "مسؤول السياسة الخارجية في الاتحاد الأوروبي جوزيب بوريل": a body
 * named right before a person, nothing between, is where his office is
 * (the words before it read as no title): patterns take the person, and
 * the body stays an entity inside his mention's reach. */
static void bodies_before_persons(ctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        lia_mention *b = &c->m->mentions.v[k];
        if (b->inner || !(b->type & (LIA_T_AGENCY | LIA_T_ORG)) || b->last >= c->t->n)
            continue;
        for (size_t q = k + 1; q < c->m->mentions.n && c->m->mentions.v[q].first <= b->last; q++) {
            const lia_mention *p = &c->m->mentions.v[q];
            if (p->first == b->last && p->type == LIA_T_PERSON && !p->inner && !tok(c, p->first)->has_conj
                && same_sentence(c, b->first, p->first))
                b->inner = 1;
        }
    }
}

/* Was a mention made at token k by the event whose name starts at first
 * (the last ones made: "قمة هلسنكي" names its place)? */
static int mention_made_at(const ctx *c, size_t first, size_t k)
{
    for (size_t q = c->m->mentions.n; q-- > 0 && c->m->mentions.v[q].first >= first;)
        if (c->m->mentions.v[q].first == k)
            return 1;
    return 0;
}

/* "قمة منظمة شنغهاي للتعاون"، "اجتماع قادة حلف شمال الأطلسي": an
 * organization the gazetteer knows, named inside an event's name
 * [first, end), is named too (an inner mention, no party of its own);
 * so are the states of a list in it ("لوزراء خارجية مصر والأردن"). */
static void orgs_inside_event(ctx *c, size_t first, size_t end)
{
    size_t list_end = 0;
    for (size_t k = first + 1; k < end; k++) {
        int idx, len = gaz_ref(c, k, LIA_G_COUNTRY, &idx);
        if (len && k + (size_t)len <= end && (countries_listed_at(c, k) || (list_end == k && tok(c, k)->has_conj))
            && !mention_made_at(c, first, k)) {
            const lia_country *co = &c->r->countries.v[idx];
            lia_mention *cm = new_mention(c, k, k + (size_t)len, LIA_T_COUNTRY);
            set_identity(c, cm, co->code, co->name, co->latin, co->code);
            cm->inner = 1;
            list_end = k + (size_t)len;
            k = list_end - 1;
            continue;
        }
        len = gaz_ref(c, k, LIA_G_ORG, &idx);
        if (!len || k + (size_t)len > end)
            continue;
        const lia_org *o = &c->r->orgs.v[idx];
        lia_mention *om = new_mention(c, k, k + (size_t)len, LIA_T_ORG);
        set_identity(c, om, o->key, o->name, o->latin, o->country);
        om->inner = 1;
        k += (size_t)len - 1;
    }
}

/* The token after a name of one to four words in quotes starting at token
 * j ("«رباعية نورماندي»": the normalizer writes both as "), in j's
 * sentence; or 0. */
static size_t quoted_name_end(const ctx *c, size_t j)
{
    if (j >= c->t->n || !is_punct(c, j, "\""))
        return 0;
    for (size_t k = j + 1; k < c->t->n && k < j + 6 && same_sentence(c, j, k); k++) {
        if (is_punct(c, k, "\""))
            return k > j + 1 ? k + 1 : 0;
        /* "«ساها إكسبو 2024»"، "«IDEF 2025»": an edition's year or a Latin
         * name may stand in it; "قمة «فيشغراد + اليابان»": a plus joins two
         * words of the name. */
        int plus = is_punct(c, k, "+") && k > j + 1 && tok(c, k - 1)->kind == LIA_TOK_WORD;
        /* "«حراس السماء - 1»": a dash before the edition's number. */
        int edition_dash = is_punct(c, k, "-") && k > j + 1 && tok(c, k - 1)->kind == LIA_TOK_WORD
                           && k + 2 < c->t->n && tok(c, k + 1)->kind == LIA_TOK_NUMBER && is_punct(c, k + 2, "\"");
        if (tok(c, k)->kind == LIA_TOK_PUNCT && !plus && !edition_dash)
            return 0;
    }
    return 0;
}

/* The text of the head [i, j) without the preposition that leads it:
 * "لتمرين" → "تمرين", "للمؤتمر" → "المؤتمر" (ل + ال).  Malloc'd. */
static char *head_text_unled(const ctx *c, size_t i, size_t j)
{
    char *h = clean_span_text(c, i, j);
    if (!led_by_preposition(tok(c, i)) || tok(c, i)->has_conj)
        return h;
    if (!strncmp(h, "لل", 4))
        memcpy(h, "ا", 2);
    else if (!strncmp(h, "ل", 2) || !strncmp(h, "ب", 2))
        memmove(h, h + 2, strlen(h + 2) + 1);
    return h;
}

/* The event of a head [i, j) and its name in the quotes [j, q): named
 * by both without the quotes ("قمة رباعية نورماندي"، "التمرين المشترك
 * سيف العرب").  Returns q. */
static size_t add_quote_named_event(ctx *c, size_t i, size_t j, size_t q)
{
    lia_mention *mm = new_mention(c, i, q, LIA_T_EVENT);
    name_event_by_words(c, mm, i, q, 0);
    char *h = head_text_unled(c, i, j), *w = clean_span_text(c, j + 1, q - 1);
    char *name = xasprintf("%s %s", h, w);
    mm->name = keep(c, name);
    free(h);
    free(w);
    free(name);
    return q;
}

/* "المناورة الختامية لتمرين «رعد الشمال»"، "الحفل الختامي للتمرين
 * التعبوي المشترك ... «أمن الخليج العربي 3»": within three words after
 * the head at i (whose name starts at j), another head whose words reach
 * a quoted name: the first head names a part of that event, no event of
 * its own. */
static int quoted_event_ahead(const ctx *c, size_t i, size_t j)
{
    /* ("الدورة السابعة للمعرض ... «مراكش إير شو 2024»": an edition of
     * it, named so.) */
    if (j < c->t->n && lex(c, j, c->cls.ordinal))
        return 0;
    for (size_t k = j; k < j + 3 && k < c->t->n && same_sentence(c, i, k) && tok(c, k)->kind == LIA_TOK_WORD; k++) {
        int len = lex(c, k, c->cls.event_head);
        if (!len)
            continue;
        size_t m = k + (size_t)len;
        while (m < k + 14 && m < c->t->n && same_sentence(c, i, m) && tok(c, m)->kind == LIA_TOK_WORD
               && !lex(c, m, c->cls.stop) && !lex(c, m, c->cls.relative))
            m++;
        if (quoted_name_end(c, m))
            return 1;
    }
    return 0;
}

/* "معرض «ساها إكسبو 2024»": a head (or a description) from i, then in
 * the quotes [q0, q) the name of an event the gazetteer knows.  Adds the
 * event over [i, q) and returns 1, or 0. */
static int quoted_known_event(ctx *c, size_t i, size_t q0, size_t q)
{
    int known;
    if (!gaz_ref(c, q0 + 1, LIA_G_EVENT, &known))
        return 0;
    lia_mention *mm = new_mention(c, i, q, LIA_T_EVENT);
    const lia_event_entry *e = &c->r->events.v[known];
    set_identity(c, mm, e->key, e->name, e->latin, e->country);
    return 1;
}

/* One party a meeting is between, by name: a country, a region, or دول
 * and a region ("دول آسيا الوسطى").  Its length in tokens, or 0. */
static size_t named_party(const ctx *c, size_t k)
{
    size_t d = k < c->t->n && lia_token_matches(tok(c, k), "دول") ? 1 : 0;
    int len = gaz_ref(c, k + d, LIA_G_COUNTRY, NULL);
    if (!len)
        len = lex(c, k + d, c->cls.region);
    return len ? d + (size_t)len : 0;
}

/* "القمة الأولى بين الصين ودول آسيا الوسطى": the two parties named after
 * بين are part of a summit's name.  The index after them, or j. */
static size_t between_parties_end(const ctx *c, size_t j)
{
    if (j + 1 >= c->t->n || !lia_token_matches(tok(c, j), "بين"))
        return j;
    size_t a = named_party(c, j + 1);
    size_t k = j + 1 + a;
    if (!a || k >= c->t->n || !tok(c, k)->has_conj || !same_sentence(c, j, k))
        return j;
    size_t b = named_party(c, k);
    return b && same_sentence(c, j, k + b - 1) ? k + b : j;
}

/* "عقدوا اجتماعهم التاسع والثلاثين"، "في ختام دورتها السابعة والثمانين":
 * a meeting head with the body's pronoun and an ordinal names an edition
 * of that body's meetings, as a definite head would; so does one with an
 * adjective before the ordinal ("احتضنت مراكش مؤتمره الوزاري الخامس").
 * The token of its first ordinal, or 0. */
static size_t possessed_edition(const ctx *c, size_t i)
{
    if (!with_pronoun(c, i))
        return 0;
    size_t o = i + 1;
    if (o + 1 < c->t->n && has_article(tok(c, o)) && adjective_like(tok(c, o)) && !lex(c, o, c->cls.ordinal))
        o++;
    return o < c->t->n && same_sentence(c, i, o) && lex(c, o, c->cls.ordinal) ? o : 0;
}


/* "قمة بيمستك"، "قمة مجموعة (بيمستك)": an organization the gazetteer
 * knows, right after a summit's indefinite head at token i (or after
 * "مجموعة" with its name in brackets), names that body's summit.  The
 * token after the organization's name, or 0. */
static size_t summit_of_organization(const ctx *c, size_t i)
{
    int len = lex(c, i, c->cls.summit);
    size_t j = i + (size_t)len;
    if (!len || has_article(tok(c, i)) || with_pronoun(c, i) || j >= c->t->n || !same_sentence(c, i, j))
        return 0;
    if ((len = gaz_ref(c, j, LIA_G_ORG, NULL)))
        return j + (size_t)len;
    size_t b = j + 1;
    if (b + 1 >= c->t->n || !lia_token_matches(tok(c, j), "مجموعه") || tok(c, b)->kind != LIA_TOK_PUNCT
        || strcmp(tok(c, b)->norm, "(") != 0 || !(len = gaz_ref(c, b + 1, LIA_G_ORG, NULL)))
        return 0;
    size_t end = skip_bracketed(c, b);
    return end == b + 1 + (size_t)len + 1 ? end : 0;
}

/* A nisba without the article at j, after an indefinite head: whose
 * the talks are ("محادثات سعودية إيرانية"), not where they sit. */
static int nisba_of_party(const ctx *c, size_t j)
{
    return !has_article(tok(c, j)) && nisba_at(c, j, NULL);
}

/* "مشاورات السلام اليمنية": peace talks named by the nisba, with its
 * article, of the country at peace; 1 when "السلام" at j opens them. */
static int peace_of_nisba(const ctx *c, size_t j)
{
    return j + 1 < c->t->n && has_article(tok(c, j)) && lia_token_matches(tok(c, j), "سلام")
           && has_article(tok(c, j + 1)) && nisba_at(c, j + 1, NULL);
}

/* "محادثات سعودية إيرانية ...، استضافتها الصين"، "مشاورات السلام
 * اليمنية التي تستضيفها الكويت": talks named by the nisbas of their
 * parties right after their indefinite head at i (or after its "السلام"),
 * that a place hosted, are an event (they name no place; talks only held
 * between the parties are their meeting).  The token after the last
 * nisba, or 0. */
static size_t talks_named_by_parties(const ctx *c, size_t i)
{
    int len = lex(c, i, c->cls.talks_named), nl;
    size_t j = i + (size_t)len;
    if (!len || has_article(tok(c, i)) || with_pronoun(c, i))
        return 0;
    int peace = peace_of_nisba(c, j);
    j += (size_t)peace;
    size_t end = j;
    while (end < c->t->n && same_sentence(c, i, end) && (nl = nisba_at(c, end, NULL))
           && (peace || !has_article(tok(c, end))))
        end += (size_t)nl;
    for (size_t k = end; end > j && k < end + 8 && k < c->t->n && same_sentence(c, i, k); k++)
        if (lex(c, k, c->cls.host_verb) && !lex(c, k, c->cls.host_verb_plain))
            return end;
    return 0;
}

/* "محادثات جدة"، "مشاورات السويد": talks named by the city or country
 * right after their indefinite head at i are a round of talks held
 * there.  Not talks between two places ("مباحثات بغداد وأنقرة") nor of
 * one with another ("محادثات الرياض مع طهران").  The token after the
 * place, or 0. */
static size_t talks_named_by_place(const ctx *c, size_t i)
{
    int len = lex(c, i, c->cls.talks_named);
    size_t j = i + (size_t)len;
    /* (A place whose name opens with ب, "محادثات باريس"، "مشاورات
     * بوزنيقة", is the place, not the preposition.) */
    if (!len || has_article(tok(c, i)) || with_pronoun(c, i) || j >= c->t->n || !same_sentence(c, i, j)
        || (led_by_preposition(tok(c, j)) && !place_opens_with_clitic_letter(c, j)))
        return 0;
    int pl = nisba_of_party(c, j) ? gaz_ref(c, j, LIA_G_CITY, NULL) : place_len(c, j);
    size_t end = j + (size_t)pl;
    if (!pl || !same_sentence(c, i, end - 1))
        return 0;
    if (end < c->t->n && same_sentence(c, i, end)
        && ((tok(c, end)->has_conj && place_len(c, end))
            || lex(c, end, c->cls.with)))
        return 0;
    return end;
}

/* "مراسم التوقيع على اتفاق الرياض"، "حفل توقيع اتفاقية الجزائر": the
 * signing ceremony at i of an agreement named by a city or country is an
 * event (not the signing of an agreement named otherwise: "مراسم توقيع
 * اتفاقية السلام").  The token after the agreement's name, or 0. */
static size_t signing_of_named_agreement(const ctx *c, size_t i)
{
    int len = lex(c, i, c->cls.signing_ceremony);
    size_t j = i + (size_t)len;
    if (!len || j + 1 >= c->t->n || !same_sentence(c, i, j + 1))
        return 0;
    const lia_token *agreement = tok(c, j);
    if (has_article(agreement) || led_by_preposition(agreement)
        || !(lia_token_matches(agreement, "اتفاق") || lia_token_matches(agreement, "اتفاقيه")
             || lia_token_matches(agreement, "معاهده")))
        return 0;
    int pl = place_len(c, j + 1);
    return pl && same_sentence(c, i, j + (size_t)pl) ? j + 1 + (size_t)pl : 0;
}

/* "«مؤتمر دعم استقرار ليبيا»": quotes opened right before an indefinite
 * head at i, whose name [j, close) of two plain words or more closes them,
 * enclose an event's whole name.  Not a description in quotes ("«لقاء
 * أخوي ودي»"): no adjective, no word joined by و.  The index of the
 * closing quote, or 0. */
static size_t quoted_indefinite_event_end(const ctx *c, size_t i, size_t j)
{
    if (i == 0 || has_article(tok(c, i)) || !quoted_name_end(c, i - 1))
        return 0;
    size_t close = quoted_name_end(c, i - 1) - 1;
    if (close < j + 2)
        return 0;
    for (size_t k = j; k < close; k++) {
        const lia_token *tk = tok(c, k);
        if (tk->kind != LIA_TOK_WORD || tk->has_conj || adjective_like(tk) || pronoun_suffixed(tk))
            return 0;
    }
    return close;
}

/* "القمة الإفريقية لمكافحة الإرهاب"، "القمة الأفريقية للمناخ": a summit
 * the gazetteer knows by its head and one adjective (a series: "القمة
 * الأفريقية"), then what it is for, led by ل (not a place: "لبنان"), is
 * another summit, named by its words; "تحتضن قمة إفريقية استثنائية",
 * without the article, is a summit, not that series.  len is the
 * gazetteer name's length at i. */
static int summit_not_the_series(const ctx *c, size_t i, int len)
{
    size_t j = i + (size_t)len;
    if (len != 2 || lex(c, i, c->cls.summit) != 1)
        return 0;
    if (!has_article(tok(c, i)) && !has_article(tok(c, i + 1)) && adjective_like(tok(c, i + 1))
        && !gaz_ref(c, i + 1, LIA_G_CITY, NULL) && !gaz_ref(c, i + 1, LIA_G_COUNTRY, NULL))
        return 1;   /* (not "قمة شنغهاي", named for its place) */
    if (j + 1 >= c->t->n || !same_sentence(c, i, j + 1))
        return 0;
    const lia_token *tk = tok(c, j);
    return tk->kind == LIA_TOK_WORD && led_by_preposition(tk) && strncmp(tk->norm, "ل", 2) == 0
           && !gaz_ref(c, j, LIA_G_COUNTRY, NULL) && !gaz_ref(c, j, LIA_G_CITY, NULL)
           && (has_article(tk) || has_article(tok(c, j + 1)));
}

/* Is there a hosting verb without its object ("احتضنت"، "من احتضان") in
 * the ten words before token i of its sentence? */
static int hosting_verb_before(const ctx *c, size_t i)
{
    for (size_t k = i; k-- > 0 && k + 10 >= i && same_sentence(c, k, i);)
        if (lex(c, k, c->cls.host_verb_plain))
            return 1;
    return 0;
}

/* "احتضنت وزارة الخارجية في بغداد اجتماعا أمنيا تشاوريا رفيع المستوى"،
 * "احتضان برلين مؤتمرا دوليا حول ليبيا": an accusative head at i with
 * accusative adjectives, how high it is and the place it is about, the
 * object of a hosting verb before it, names the event hosted.  The token
 * after its name, or 0. */
static size_t hosted_indefinite_event(const ctx *c, size_t i)
{
    int len = lex(c, i, c->cls.event_head_acc);
    size_t j = i + (size_t)len;
    if (!len || !hosting_verb_before(c, i))
        return 0;
    while (j < c->t->n && same_sentence(c, i, j) && tok(c, j)->kind == LIA_TOK_WORD && !has_article(tok(c, j))
           && !tok(c, j)->has_conj && strlen(tok(c, j)->norm) > 6 && !c->gaz[j]
           && !strcmp(tok(c, j)->norm + strlen(tok(c, j)->norm) - 2, "ا"))
        j++;
    if (j == i + (size_t)len)
        return 0;
    size_t adjectives = j - i - (size_t)len;
    int high = lex(c, j, c->cls.high_level);
    if (high && same_sentence(c, i, j + (size_t)high - 1))
        j += (size_t)high;
    if (j + 1 < c->t->n && same_sentence(c, i, j + 1)
        && (lia_token_matches(tok(c, j), "حول") || lia_token_matches(tok(c, j), "بشأن"))) {
        int pl = place_len(c, j + 1);
        j += pl ? 1 + (size_t)pl : 0;
    }
    /* (One adjective alone, "اجتماعا ثلاثيا"، "اجتماعا أمنيا", tells a
     * meeting, not an event of its own.) */
    return adjectives + (j - i - (size_t)len - adjectives > 0) >= 2 ? j : 0;
}

/* Is the head at i inside quotes whose first word is another one
 * ("«اتفاقية الدوحة ... في الحوار الوطني الشامل»")?  Then it is a word
 * of a title, no event; a quoted name opening with its head ("«منتدى
 * الدوحة»") is one. */
static int inside_quoted_title(const ctx *c, size_t i)
{
    size_t quotes = 0, open = 0;
    for (size_t k = i; k-- > 0 && same_sentence(c, k, i);)
        if (is_punct(c, k, "\"")) {
            if (!quotes)
                open = k;
            quotes++;
        }
    if (quotes % 2 == 0)
        return 0;
    /* (The nearest quote is the opening one when their count is odd.) */
    return open + 1 < i && !lex(c, open + 1, c->cls.event_head);
}

static size_t try_event(ctx *c, size_t i)
{
    int idx, len = gaz_ref(c, i, LIA_G_EVENT, &idx);
    size_t end = 0, rl;
    lia_mention *mm = NULL;
    if (summit_not_the_series(c, i, len))
        len = 0;
    if (!len && (rl = round_of_talks(c, i))) {
        end = i + rl;
        mm = new_mention(c, i, end, LIA_T_EVENT);
        name_event_by_words(c, mm, i, end, 0);
    } else if (!len && (rl = hosted_indefinite_event(c, i))) {
        end = rl;
        mm = new_mention(c, i, end, LIA_T_EVENT);
        name_event_by_words(c, mm, i, end, 0);
    } else if (!len && ((rl = summit_of_organization(c, i)) || (rl = signing_of_named_agreement(c, i)))) {
        end = rl;
        mm = new_mention(c, i, end, LIA_T_EVENT);
        name_event_by_words(c, mm, i, end, 0);
    } else if (!len && (rl = talks_named_by_parties(c, i))) {
        mm = new_mention(c, i, rl, LIA_T_EVENT);
        name_event_by_words(c, mm, i, rl, 0);
        return rl;
    } else if (!len && (rl = talks_named_by_place(c, i))) {
        /* (The place that names the talks is where they were held.) */
        mm = new_mention(c, i, rl, LIA_T_EVENT);
        name_event_by_words(c, mm, i, rl, 0);
        place_inside_event(c, i + (size_t)lex(c, i, c->cls.talks_named));
        return rl;
    } else if (len) {
        end = skip_bracketed(c, i + (size_t)len);
        /* "IGEF 24": a number right after a Latin acronym is its edition. */
        if (end < c->t->n && tok(c, end)->kind == LIA_TOK_NUMBER && tok(c, end - 1)->kind == LIA_TOK_LATIN)
            end++;
        mm = new_mention(c, i, end, LIA_T_EVENT);
        const lia_event_entry *e = &c->r->events.v[idx];
        set_identity(c, mm, e->key, e->name, e->latin, e->country);
    } else if (!lex(c, i, c->cls.press_conference) && (len = lex(c, i, c->cls.event_head))
               && !(len == 1 && with_pronoun(c, i) && !possessed_edition(c, i)) && !inside_quoted_title(c, i)) {
        /* (Not a head with a pronoun: "بدوره الديني والتاريخي" is "in its
         * role", which folds to the letters of "الدورة"; unless an ordinal
         * follows: "اجتماعهم التاسع والثلاثين".) */
        /* Shape: a head word and at least two words of its name.  An
         * indefinite head names an event only with a place ("مؤتمر بغداد
         * الدولي"); a definite one only with a definite, ل- or ordinal
         * word after it ("الاجتماع الدولي", "المؤتمر السابع"), not with a
         * verbal noun ("وناقش الاجتماع تطوير ..."). */
        size_t j = i + (size_t)len;
        size_t words = 0;
        const lia_token *head = tok(c, i + (size_t)len - 1);
        /* "قمة «رباعية نورماندي»": a head and a name in quotes. */
        size_t q = quoted_name_end(c, j);
        if (q && quoted_known_event(c, i, j, q))
            return q;
        if (q)
            return add_quote_named_event(c, i, j, q);
        if (j >= c->t->n || !same_sentence(c, i, j))
            return i;
        size_t close = quoted_indefinite_event_end(c, i, j);
        if (close) {
            mm = new_mention(c, i, close, LIA_T_EVENT);
            name_event_by_words(c, mm, i, close, 0);
            return close;
        }
        if (quoted_event_ahead(c, i, j))
            return i;
        /* "الشق الثاني من المنتدى لاجتماع وزراء الداخلية": a meeting led
         * by ل right after a definite head is held within that event, no
         * event of its own. */
        if (!has_article(head) && led_by_preposition(tok(c, i)) && strncmp(tok(c, i)->norm, "ل", 2) == 0
            && i > 0 && same_sentence(c, i - 1, i) && has_article(tok(c, i - 1)) && lex(c, i - 1, c->cls.event_head))
            return i;
        if (!has_article(head) && !possessed_edition(c, i)) {
            /* "اجتماع لقادة الشرطة"، "قمة للمنظمة القارية": an
             * indefinite head with ل and whose officials, or an
             * organization named by its kind, says what kind of meeting,
             * it names none ("اجتماع للجنة الأمنية المشتركة" does). */
            if (led_by_preposition(tok(c, j)) && strncmp(tok(c, j)->norm, "ل", 2) == 0
                && (lex(c, j, c->cls.officials_of) || lex(c, j, c->cls.org_ref)))
                return i;
            /* "معرض الأمن الوطني", "مؤتمر ميونخ": a construct with a
             * definite word or a place; not "اجتماع مطبوع ...". */
            /* ... or a construct of plain words that reaches one: "اجتماع
             * دول جوار سوريا"، "قمة رؤساء دول وحكومات الصومال". */
            size_t k = j;
            /* ... "اجتماع وزراء خارجية مجموعة العشرين": plural titles too;
             * up to four words ("اجتماع وزراء خارجية دول جوار ليبيا"). */
            /* ... but a verb or a word with a pronoun is no link of it:
             * "قمة تتناول التعاون"، "اجتماع يعقده المجلس". */
            while (k < j + 4 && k < c->t->n && same_sentence(c, i, k) && tok(c, k)->kind == LIA_TOK_WORD
                   && !has_article(tok(c, k)) && (!c->gaz[k] || gaz_ref(c, k, LIA_G_KIND, NULL))
                   && !(!c->gaz[k] && imperfect_verb_like(tok(c, k))) && !his_pronoun_written(c, k)
                   && (!any_lex(c, k) || lex(c, k, c->cls.dual_officials) || lex(c, k, c->cls.officials_of)
                       || lex(c, k, c->cls.agency_head) || lex(c, k, c->cls.finance_noun)))
                k++;
            /* ("مؤتمر دعم ليبيا": a place whose word opens with ل or ب.) */
            int reaches = k > j && k < c->t->n && same_sentence(c, i, k) && tok(c, k)->kind == LIA_TOK_WORD
                          && (!led_by_preposition(tok(c, k)) || place_opens_with_clitic_letter(c, k))
                          && !lex(c, k, c->cls.stop)
                          && (has_article(tok(c, k)) || gaz_ref(c, k, LIA_G_COUNTRY, NULL)
                              || gaz_ref(c, k, LIA_G_CITY, NULL) || gaz_ref(c, k, LIA_G_ORG, NULL)
                              || lex(c, k, c->cls.region));   /* "مؤتمر أمن أمريكا الوسطى" */
            /* "قمة ثلاثية مصرية أردنية فلسطينية": a summit of a kind,
             * then the nisbas of the states that hold it, names it. */
            int summit_of_states = lex(c, i, c->cls.summit) && lex(c, j, c->cls.meeting_kind_adj)
                                   && j + 1 < c->t->n && same_sentence(c, i, j + 1) && nisba_at(c, j + 1, NULL);
            if (!gaz_ref(c, j, LIA_G_CITY, NULL) && !gaz_ref(c, j, LIA_G_COUNTRY, NULL)
                && !has_article(tok(c, j)) && !reaches && !summit_of_states)
                return i;
        } else {
            const lia_token *next = tok(c, j);
            /* "الاجتماع غير الرسمي لوزراء خارجية ...": a negated adjective. */
            int not_adjective = strcmp(next->norm, "غير") == 0 && j + 1 < c->t->n
                                && same_sentence(c, i, j + 1) && has_article(tok(c, j + 1));
            /* "الندوة رفيعة المستوى حول ..."، "الاجتماع رفيع المستوى لرؤساء
             * ...": how high it is, without the article, names it too. */
            if (!has_article(next) && !lex(c, j, c->cls.ordinal) && strncmp(next->norm, "ل", 2) != 0
                && !not_adjective && !lex(c, j, c->cls.high_level))
                return i;
            /* "الحوار والوسائل الدبلوماسية": a word joined by و right after
             * the head is another noun, not the event's name. */
            if (next->has_conj)
                return i;
            /* "أن تعزز مقررات القمة التضامن العربي": a definite verbal noun
             * (تفاعل، تفعيل) right after a definite head is the verb's
             * object; the words naming an event there are adjectives
             * ("التشاوري"، "التحضيري") or ordinals ("التاسعة"). */
            if (strncmp(next->norm, "الت", 6) == 0 && !adjective_like(next) && !lex(c, j, c->cls.ordinal)
                && !c->gaz[j] && !any_lex(c, j))
                return i;
            /* "وأحيط الاجتماع بالكتمان": a word led by ب after the head is
             * what is said of the meeting, not its name. */
            if (led_by_preposition(next) && strncmp(next->norm, "ب", 2) == 0)
                return i;
            /* "ويخصص الشق الثاني من المنتدى لاجتماع وزراء الداخلية": a
             * head led by ل right after is another meeting, held within
             * the one the definite head refers to. */
            if (led_by_preposition(next) && strncmp(next->norm, "ل", 2) == 0 && lex(c, j, c->cls.event_head))
                return i;
        }
        size_t country_list_end = 0;
        while (j < c->t->n && j < i + 16 && same_sentence(c, i, j)) {
            const lia_token *tk = tok(c, j);
            if (tk->kind != LIA_TOK_WORD)
                break;
            /* "الخلوة الثانية عشرة لمجلس السلم والأمن التابع للاتحاد
             * الإفريقي": an organization the gazetteer knows goes on the
             * name whole, whatever words its name holds. */
            int org_len = j > i + (size_t)len && !tk->has_conj ? gaz_ref(c, j, LIA_G_ORG, NULL) : 0;
            if (org_len && j + (size_t)org_len <= i + 16 && same_sentence(c, i, j + (size_t)org_len - 1)) {
                j += (size_t)org_len;
                words += (size_t)org_len;
                continue;
            }
            size_t parties_end = words && lex(c, i, c->cls.summit) ? between_parties_end(c, j) : j;
            if (parties_end > j) {
                words += parties_end - j;
                j = parties_end;
                break;
            }
            /* How high a meeting is goes on its name, right after a
             * definite head too: "الاجتماع الرفيع المستوى بشأن هايتي". */
            int high = lex(c, j, c->cls.high_level);
            if (high) {
                j += (size_t)high;
                words += (size_t)high;
                continue;
            }
            /* "المؤتمر الدولي حول ليبيا"، "الاجتماع الوزاري بشأن السودان":
             * the country or city a definite head is about ends its name
             * ("مؤتمر برلين حول ليبيا" is named by its place already). */
            if (words >= 1 && has_article(head) && j + 1 < c->t->n && same_sentence(c, j, j + 1)
                && (lia_token_matches(tk, "حول") || lia_token_matches(tk, "بشأن"))) {
                int pl = place_len(c, j + 1);
                if (pl) {
                    j += 1 + (size_t)pl;
                    words += 2;
                    break;
                }
            }
            /* "... لمجلس الأمن الجماعي برئاسة X": who chaired it is no part
             * of its name ("قادة" of "اجتماع قادة الحلف" reads as قاده). */
            if (lex(c, j, c->cls.stop) || lex(c, j, c->cls.relative) || pronoun_suffixed(tk)
                || (lex(c, j, c->cls.led_by) && led_by_preposition(tk) && strncmp(tk->norm, "ب", 2) == 0))
                break;
            /* "الاجتماع الثاني بالتراضي": right after the edition, a
             * definite word led by ب says how it went, not which it was
             * ("الاتجار بالمخدرات" inside a name stays). */
            /* ... so after a country's nisba: "الدورة الأولى للجنة الحدودية
             * الموريتانية الجزائرية بالتوقيع على محضر". */
            if (j > i + (size_t)len && (lex(c, j - 1, c->cls.ordinal) || nisba_at(c, j - 1, NULL) == 1)
                && led_by_preposition(tk) && strncmp(tk->norm, "بال", 6) == 0 && !c->gaz[j])
                break;
            /* "قمة إفريقية لمكافحة الإرهاب بدعم من مكتب ..."، "بمبادرة من":
             * a word led by ب with من after it says by whose hand, not
             * which event. */
            if (j > i + (size_t)len && led_by_preposition(tk) && strncmp(tk->norm, "ب", 2) == 0
                && !has_article(tk) && j + 1 < c->t->n && lia_token_matches(tok(c, j + 1), "من"))
                break;
            /* "الدورة العشرين للمنتدى مساء الجمعة": a time of the day ends it;
             * so does a year ("الجمعية العامة للمنظمة سنة 2007"). */
            if (j > i + (size_t)len && lex(c, j, c->cls.time_of_day))
                break;
            if (j > i + (size_t)len && year_word_at(c, j))
                break;
            /* "في قمة نيامي النظام الداخلي": after the place that names
             * the event only an adjective ("مؤتمر بغداد الدولي") goes on. */
            /* ... nor a verb or a plain word ("قمة العلا تطوي صفحة ..."،
             * "قمة لومي امتدادا لقمة ياوندي"); ل or ب still may ("مؤتمر
             * ميونخ للأمن"). */
            /* ... or the next of a list of states that names it ("لوزراء
             * خارجية مصر والأردن والعراق"). */
            int listed;
            if (j > i + (size_t)len && tk->has_conj && (listed = gaz_ref(c, j, LIA_G_COUNTRY, NULL))
                && (country_list_end == j || gaz_ref(c, j - 1, LIA_G_COUNTRY, NULL))) {
                j += (size_t)listed;
                words += (size_t)listed;
                country_list_end = j;
                continue;
            }
            if (j > i + (size_t)len && !led_by_preposition(tk) && !(has_article(tk) && adjective_like(tk))
                && (country_list_end == j || gaz_ref(c, j - 1, LIA_G_CITY, NULL)
                    || gaz_ref(c, j - 1, LIA_G_COUNTRY, NULL)))
                break;
            /* "وجاء انعقاد القمة المشتركة بديلا عن ...": an indefinite
             * accusative after a definite word says what the event was,
             * it is no word of its name. */
            if (j > i + (size_t)len && has_article(tok(c, j - 1)) && !led_by_preposition(tok(c, j - 1))
                && indefinite_accusative(c, j))
                break;
            /* A definite word closes a construct: "وحضر حفل التوقيع وزراء
             * ومسؤولون" — the plain word after it starts the subject. */
            if (j > i + (size_t)len && has_article(tok(c, j - 1)) && !led_by_preposition(tok(c, j - 1))
                && !has_article(tk) && !led_by_preposition(tk)
                && (tk->has_conj || lex(c, j, c->cls.dual_officials) || lex(c, j, c->cls.officials_of)))
                break;
            /* A place after ب/في ends the name: "... بموسكو"; one that a
             * construct governs is the name's own: "قمة دول جوار السودان". */
            int governed = j > 0 && tok(c, j - 1)->kind == LIA_TOK_WORD && !has_article(tok(c, j - 1))
                           && !tok(c, j - 1)->has_conj
                           && (!led_by_preposition(tok(c, j)) || place_opens_with_clitic_letter(c, j))
                           && strcmp(tok(c, j - 1)->norm, "في") != 0;
            if ((gaz_ref(c, j, LIA_G_CITY, NULL) || gaz_ref(c, j, LIA_G_COUNTRY, NULL))
                && words >= 2 && !governed)
                break;
            if (gaz_ref(c, j, LIA_G_TITLE, NULL) || gaz_ref(c, j, LIA_G_PERSON, NULL))
                break;
            if (any_lex(c, j) && !lex(c, j, c->cls.ordinal) && !lex(c, j, c->cls.agency_head)
                && !lex(c, j, c->cls.event_head) && !lex(c, j, c->cls.delegation)
                && !lex(c, j, c->cls.dual_officials)   /* "اجتماع وزراء داخلية ..." */
                && !lex(c, j, c->cls.officials_of)     /* "المؤتمر العربي لرؤساء أجهزة ..." */
                && !lex(c, j, c->cls.given_name) && !lex(c, j, c->cls.delegation_adj)
                && !lex(c, j, c->cls.office_modifier) && !lex(c, j, c->cls.meeting_kind_adj)
                && !lex(c, j, c->cls.region) && !lex(c, j, c->cls.org_ref)
                && !lex(c, j, c->cls.finance_noun))   /* "مؤتمر دعم استقرار ليبيا" */
                break;
            j++;
            words++;
        }
        /* "قمة نواكشوط"، "مؤتمر ميونخ": one word after an indefinite head
         * when it is the place. */
        int place_name = words == 1 && !has_article(head)
                         && (gaz_ref(c, i + (size_t)len, LIA_G_CITY, NULL)
                             || gaz_ref(c, i + (size_t)len, LIA_G_COUNTRY, NULL));
        /* ... and a city right after it, then more of the name: "مؤتمر
         * باريس لدعم لبنان"، "قمة بغداد للتعاون والشراكة" were held
         * there too. */
        int city_len = gaz_ref(c, i + (size_t)len, LIA_G_CITY, NULL);
        int city_named = !place_name && !has_article(head) && city_len && words > (size_t)city_len;
        /* "القمة الثلاثية"، "قمة طارئة": a summit is an event with one
         * word of its own. */
        /* Not with a word that only describes the summit the story told
         * of ("أعمال القمة المغلقة"، "وجاء انعقاد القمة المشتركة") or is
         * the verb's object ("تعزز مقررات القمة التضامن العربي"): the
         * word must read as an adjective, a kind or an ordinal. */
        size_t w1 = i + (size_t)len;
        int summit = words == 1
                     && ((lex(c, i, c->cls.summit)
                          && (adjective_like(tok(c, w1)) || lex(c, w1, c->cls.ordinal) || nisba_at(c, w1, NULL)
                              || lex(c, w1, c->cls.meeting_kind_adj)))
                         || (has_article(head) && lex(c, w1, c->cls.meeting_kind_adj)));
        /* "التمرين المشترك «سيف العرب»": a head and one word, then the
         * event's own name in quotes. */
        const lia_token *w1_tok = tok(c, i + (size_t)len);
        size_t named_q = words == 1 && has_article(head) && has_article(w1_tok) && !led_by_preposition(w1_tok)
                         ? quoted_name_end(c, j) : 0;
        if (named_q)
            return add_quote_named_event(c, i, j, named_q);
        if (words < 2 && !place_name && !summit)
            return i;
        /* "ترفع إلى الاجتماع الوزاري المقبل": the next meeting of a series,
         * no event the story tells. */
        if (j < c->t->n && same_sentence(c, i, j) && lex(c, j, c->cls.next_occasion))
            return i;
        /* "الدورة السادسة لمنتدى داكار الدولي حول السلام والأمن": an
         * edition of a known event whose name goes past the words read. */
        int known = -1;
        /* "الدورة السابعة عشرة من معرض الدفاع الدولي": an edition, then
         * من and the known event it is of. */
        int of_len = j + 1 < c->t->n && lia_token_matches(tok(c, j), "من") && same_sentence(c, j, j + 1)
                     ? gaz_ref(c, j + 1, LIA_G_EVENT, NULL) : 0;
        if (of_len && lex(c, j - 1, c->cls.ordinal))
            j += 1 + (size_t)of_len;
        /* ... its name in quotes: "الدورة الرابعة عشرة من «حوار المنامة»". */
        size_t of_q = !of_len && lex(c, j - 1, c->cls.ordinal) && j + 2 < c->t->n
                              && lia_token_matches(tok(c, j), "من") ? quoted_name_end(c, j + 1) : 0;
        int quoted_len = of_q ? gaz_ref(c, j + 2, LIA_G_EVENT, NULL) : 0;
        if (quoted_len && j + 2 + (size_t)quoted_len + 1 >= of_q && j + 2 + (size_t)quoted_len <= of_q)
            j = of_q;
        for (size_t k = i + (size_t)len; k < j && known < 0; k++) {
            int el = gaz_ref(c, k, LIA_G_EVENT, &known);
            if (!el)
                known = -1;
            else if (k + (size_t)el > j)
                j = k + (size_t)el;
        }
        /* "معرض الأمن الداخلي للدول «ميليبول قطر 2022»": the description,
         * then the known event's own name in quotes. */
        size_t q2 = known < 0 ? quoted_name_end(c, j) : 0;
        if (q2 && quoted_known_event(c, i, j, q2))
            return q2;
        /* "احتضنت العاصمة دورته الأولى يومي ...": a possessed edition is
         * named by its head and ordinals alone. */
        size_t ordinal = possessed_edition(c, i);
        if (ordinal)
            j = past_class_run(c, ordinal, c->cls.ordinal);
        end = skip_bracketed(c, j);
        mm = new_mention(c, i, end, LIA_T_EVENT);
        /* (A possessed edition keeps its ordinals in its key: whose
         * "مؤتمره الوزاري" it is, only the story says.) */
        name_event_by_words(c, mm, i, j, !ordinal);
        /* "قمة هلسنكي": the place the event is named for is where it was
         * held, and is still named. */
        if ((place_name || city_named) && place_inside_event(c, i + (size_t)len))
            mm = &c->m->mentions.v[c->m->mentions.n - 2];
        /* "الدورة الستين لمؤتمر ميونخ للأمن": an edition of an event the
         * gazetteer knows is that event. */
        if (known >= 0) {
            const lia_event_entry *e = &c->r->events.v[known];
            set_identity(c, mm, e->key, e->name, e->latin, e->country);
        }
    } else {
        return i;
    }
    /* A place right after the name: "... بموسكو في روسيا", "في فيينا".
     * Not a bare one after a purpose ("مؤتمر الكويت لإعادة إعمار العراق"):
     * that is what the event is about. */
    size_t p = end;
    /* (After its date: "... أمس في الرياض".) */
    if (p < c->t->n && c->date_end[p] > p && same_sentence(c, p, c->date_end[p] - 1))
        p = c->date_end[p];
    int in = p < c->t->n && strcmp(tok(c, p)->norm, "في") == 0;
    if (in)
        p++;
    /* "... للمحيطات في مدينة نيس"، "... بمدينة نيس": the word for a city
     * before its name, after في or with its ب. */
    int city_word_bi = !in && p < c->t->n && led_by_preposition(tok(c, p)) && strncmp(tok(c, p)->norm, "ب", 2) == 0;
    if ((in || city_word_bi) && p + 1 < c->t->n && lex(c, p, c->cls.city_word) == 1
        && gaz_ref(c, p + 1, LIA_G_CITY, NULL)) {
        p++;
        in = 1;
    }
    /* "في فندق شيراتون الدوحة"، "في قصر الدرعية بالرياض": the building's
     * city, a few words on in the same clause; the one led by ب where the
     * building is named after another place. */
    if (in && p < c->t->n && lex(c, p, c->cls.venue)) {
        size_t city = 0;
        for (size_t k = p + 1; k < p + 6 && k < c->t->n && same_sentence(c, p, k)
                               && tok(c, k)->kind != LIA_TOK_PUNCT; k++)
            if (gaz_ref(c, k, LIA_G_CITY, NULL) && (!city || strncmp(tok(c, k)->norm, "ب", 2) == 0))
                city = k;
        if (city)
            p = city;
    }
    int purpose = 0;
    for (size_t k = i; k < end && !purpose; k++)
        purpose = tok(c, k)->n_forms > 1 && strncmp(tok(c, k)->norm, "ل", 2) == 0
                  && strncmp(tok(c, k)->norm, "ال", 4) != 0;
    int bare = !in && p < c->t->n && !led_by_preposition(tok(c, p));
    /* "مؤتمر رؤساء أركان الدول المجاورة لسوريا": a place led by ل is whom
     * the event is for or about, not where it sits. */
    int for_place = !in && p < c->t->n && led_by_preposition(tok(c, p)) && strncmp(tok(c, p)->norm, "ل", 2) == 0
                    && !place_opens_with_clitic_letter(c, p);
    /* ... in its own sentence: a headline's event is not placed by the
     * dateline after it. */
    if (p < c->t->n && same_sentence(c, end - 1, p)
        && (gaz_ref(c, p, LIA_G_CITY, NULL) || gaz_ref(c, p, LIA_G_COUNTRY, NULL)) && !(purpose && bare)
        && !for_place && !countries_listed_at(c, p))
        mm->place_first = p + 1;
    orgs_inside_event(c, i, end);      /* last: it moves the mentions mm points into */
    return end;
}

/* Does a phrase of class cls end right before token i in its sentence?
 * Its first token, or SIZE_MAX. */
static size_t class_ends_before(const ctx *c, size_t i, int cls)
{
    for (size_t k = i > 3 ? i - 3 : 0; k < i; k++)
        if (lex(c, k, cls) == (int)(i - k) && same_sentence(c, k, i))
            return k;
    return SIZE_MAX;
}

/* Does a rank or a style ("الجنرال"، "السيد") end right before token i
 * in its sentence?  Not "ولي عهد", which a place follows ("ولي عهد
 * أبوظبي"). */
static int after_honorific(const ctx *c, size_t i)
{
    size_t k = class_ends_before(c, i, c->cls.honorific);
    return k != SIZE_MAX && !lia_token_matches(tok(c, k), "ولي");
}

/* How many persons "الوزراء الثلاثة" or "الأربعة" stands for: the number
 * word in tokens [first, last). */
static int counted_number(const ctx *c, size_t first, size_t last)
{
    static const char *const numbers[] = { "الثلاثه", "الاربعه", "الخمسه", "السته" };
    for (size_t j = first; j < last; j++)
        for (int k = 0; k < 4; k++)
            if (lia_token_matches(tok(c, j), numbers[k]))
                return k + 3;
    return 0;
}

/* "يحل فيها لانغلي بتونس" after "مايكل لانغلي": a one-word city's name
 * that is the surname of a person named before, written bare and after
 * no preposition or word for a city, is that person's (find_surnames
 * reads it); "في لانغلي"، "بلانغلي" stay the city. */
static int surname_not_city(const ctx *c, size_t i, int cityl)
{
    if (cityl != 1)
        return 0;
    if (i > 0 && same_sentence(c, i - 1, i)
        && ((preposition_at(c, i - 1) && !preposition_with_pronoun(tok(c, i - 1)))
            || class_ends_before(c, i, c->cls.city_word) != SIZE_MAX))
        return 0;
    return surname_named_before(c, i, 1);
}

/* "ويعيد ترتيب المشهد": a one-word city whose name has no article
 * (مشهد), written with it, is the common noun. */
static int common_noun_not_city(const ctx *c, size_t i, int city)
{
    if (!has_article(tok(c, i)))
        return 0;
    char *name = lia_normalize_str(c->r->cities.v[city].name);
    char *defined = xasprintf("ال%s", name);
    const char *w = tok(c, i)->norm;
    size_t nw = strlen(w), nd = strlen(defined);
    /* (The token ends with the name with the article before it: not
     * "باليرمو", whose ب and ا are the name's own.) */
    int common = strncmp(name, "ال", strlen("ال")) != 0 && nw >= nd && strcmp(w + nw - nd, defined) == 0;
    free(defined);
    free(name);
    return common;
}

/* Was the city mention mm named as where the story goes ("إلى
 * بورتسودان"، "مدينة شرم الشيخ", the dateline), not in passing ("القتال
 * في الخرطوم") or as a government ("بين موسكو وكييف")? */
static int city_named_as_destination(const ctx *c, const lia_mention *mm)
{
    if (c->dateline_city >= 0 && !strcmp(mm->key, c->r->cities.v[c->dateline_city].key))
        return 1;
    return mm->first > 0 && (lex(c, mm->first - 1, c->cls.city_word) || lex(c, mm->first - 1, c->cls.to));
}

/* "ووصل X إلى المدينة"، "إذ وصل إلى المدينة X": a bare "the city", with
 * no name after it ("المدينة الساحلية طرطوس"), is the city named last
 * before it in its sentence ("يزور كابول ... التقى في المدينة"), else
 * the one named last as where the story goes.  Makes that mention at i
 * and says whether it did. */
static int the_city_told(ctx *c, size_t i)
{
    if (!has_article(tok(c, i)) || !lia_token_matches(tok(c, i), "المدينه") || gaz_ref(c, i, LIA_G_CITY, NULL))
        return 0;
    for (size_t j = i + 1; j < c->t->n && j <= i + 2 && same_sentence(c, i, j); j++)
        if (gaz_ref(c, j, LIA_G_CITY, NULL))
            return 0;
    for (size_t k = c->m->mentions.n; k-- > 0;) {
        const lia_mention *told = &c->m->mentions.v[k];
        if (told->type != LIA_T_CITY || told->inner || !told->key[0] || told->first >= i
            || !(same_sentence(c, told->first, i) || city_named_as_destination(c, told)))
            continue;
        lia_mention *mm = new_mention(c, i, i + 1, LIA_T_CITY);
        told = &c->m->mentions.v[k];   /* (new_mention may move the vector) */
        set_identity(c, mm, told->key, told->name, told->latin, told->country);
        return 1;
    }
    return 0;
}

static size_t try_place(ctx *c, size_t i)
{
    int idx, ci, len;
    /* "العاصمة الروسية موسكو", "العاصمة أنقرة", "العاصمة النمساوية". */
    if ((len = lex(c, i, c->cls.capital))) {
        size_t j = i + (size_t)len;
        /* "العاصمة الإدارية الجديدة": a city whose own name opens with the
         * word; "العاصمة عمان": a city right after the word is that city. */
        int own = gaz_ref(c, i, LIA_G_CITY, &idx);
        int direct = own > len ? 0 : gaz_ref(c, j, LIA_G_CITY, &idx);
        if (own > len || direct) {
            lia_mention *mm = new_mention(c, i, own > len ? i + (size_t)own : j + (size_t)direct,
                                          LIA_T_CITY);
            const lia_city *city = &c->r->cities.v[idx];
            set_identity(c, mm, city->key, city->name, city->latin, city->country);
            return mm->last;
        }
        int cl = country_at(c, j, &ci);
        int cityl = gaz_ref(c, j + (size_t)cl, LIA_G_CITY, &idx);
        if (cityl) {
            lia_mention *mm = new_mention(c, i, j + (size_t)cl + (size_t)cityl, LIA_T_CITY);
            const lia_city *city = &c->r->cities.v[idx];
            set_identity(c, mm, city->key, city->name, city->latin, city->country);
            return mm->last;
        }
        if (cl && c->r->countries.v[ci].capital >= 0) {
            const lia_city *city = &c->r->cities.v[c->r->countries.v[ci].capital];
            lia_mention *mm = new_mention(c, i, j + (size_t)cl, LIA_T_CITY);
            set_identity(c, mm, city->key, city->name, city->latin, city->country);
            return mm->last;
        }
        return i;
    }
    /* "مدينة غلاسكو": a city the gazetteer does not know. */
    if ((len = lex(c, i, c->cls.city_word)) && i + (size_t)len < c->t->n
        && same_sentence(c, i, i + (size_t)len) && !gaz_ref(c, i, LIA_G_CITY, NULL)) {
        size_t j = i + (size_t)len;
        const lia_token *tk = tok(c, j);
        /* Not "زار المسؤول المدينة معربا": "the city" is one the story
         * named, and the word after it no name. */
        if (tk->kind == LIA_TOK_WORD && !any_lex(c, j) && !c->gaz[j] && !has_article(tk)
            && !has_article(tok(c, i))) {
            int nl = gaz_ref(c, j + 1, LIA_G_NISBA, &ci);
            lia_mention *mm = new_mention(c, i, j + 1 + (size_t)nl, LIA_T_CITY);
            char *word = clean_span_text(c, j, j + 1);
            char *slug = lia_slug(tk->norm);
            char *latin = lia_transliterate(tk->norm);
            if (latin[0])
                latin[0] = (char)toupper((unsigned char)latin[0]);
            set_identity(c, mm, slug, word, latin, nl ? c->r->countries.v[ci].code : "");
            free(word);
            free(slug);
            free(latin);
            return mm->last;
        }
    }
    if (the_city_told(c, i))
        return i + 1;
    int cityl = gaz_ref(c, i, LIA_G_CITY, &idx);
    int countryl = gaz_ref(c, i, LIA_G_COUNTRY, &ci);
    /* "للجنرال لانغلي": after a rank or a style, a city's name is a
     * person's (his surname, read later). */
    if (cityl && !countryl && (after_honorific(c, i) || surname_not_city(c, i, cityl)))
        return i;
    if (cityl == 1 && !countryl && common_noun_not_city(c, i, idx))
        return i;
    /* A name that is a country and a city (عمان: Oman or Amman; الجزائر):
     * the city when it is a dateline, or when the document names the
     * city's country more than the other.  The city of a country of the
     * same name (سنغافورة، الكويت) still names its country too. */
    int same_name_country = -1;
    if (countryl && cityl == countryl) {
        int cc = lia_rules_country_index(c->r, c->r->cities.v[idx].country);
        if (cc != ci && (dateline_at(c, i) || c->country_score[cc] > c->country_score[ci]))
            countryl = 0;
        else if (cc == ci && (dateline_at(c, i) || c->dateline_city == idx)) {
            countryl = 0;
            same_name_country = ci;
        }
    }
    if (countryl && countryl >= cityl) {
        lia_mention *mm = new_mention(c, i, i + (size_t)countryl, LIA_T_COUNTRY);
        const lia_country *co = &c->r->countries.v[ci];
        set_identity(c, mm, co->code, co->name, co->latin, co->code);
        return mm->last;
    }
    if (cityl) {
        lia_mention *mm = new_mention(c, i, i + (size_t)cityl, LIA_T_CITY);
        const lia_city *city = &c->r->cities.v[idx];
        set_identity(c, mm, city->key, city->name, city->latin, city->country);
        size_t end = mm->last;
        if (same_name_country >= 0) {
            lia_mention *cm = new_mention(c, i, end, LIA_T_COUNTRY);
            const lia_country *co = &c->r->countries.v[same_name_country];
            set_identity(c, cm, co->code, co->name, co->latin, co->code);
            cm->inner = 1;
        }
        return end;
    }
    return i;
}

/* Is a delegation named before token i in its sentence? */
static int delegation_earlier_in_sentence(const ctx *c, size_t i)
{
    for (size_t k = c->m->mentions.n; k > 0; k--) {
        const lia_mention *mm = &c->m->mentions.v[k - 1];
        if (!same_sentence(c, mm->first, i))
            return 0;
        if (mm->delegation)
            return 1;
    }
    return 0;
}

/* "وفد أمني قطري": a delegation named by its country stands for it. */
static size_t try_delegation(ctx *c, size_t i)
{
    int len = lex(c, i, c->cls.delegation);
    int ci0, cl0;
    /* "الوفد الروسي برئاسة X، والإيراني برئاسة Y": after a delegation, a
     * nisba with و and a word of leading is another delegation. */
    if (!len && tok(c, i)->has_conj && (cl0 = gaz_ref(c, i, LIA_G_NISBA, &ci0))
        && lex(c, i + (size_t)cl0, c->cls.led_by) && same_sentence(c, i, i + (size_t)cl0)
        && delegation_earlier_in_sentence(c, i)) {
        lia_mention *mm = new_mention(c, i, i + (size_t)cl0, LIA_T_COUNTRY);
        const lia_country *co = &c->r->countries.v[ci0];
        set_identity(c, mm, co->code, co->name, co->latin, co->code);
        mm->delegation = 1;
        return mm->last;
    }
    if (!len)
        return i;
    /* "محادثات بين وفدي الولايات المتحدة وأوكرانيا"، "وفد مصر": a
     * delegation word in construct with a country's name, one country
     * per name joined by و. */
    size_t j0 = i + (size_t)len;
    int ci1, cl1 = !has_article(tok(c, i + (size_t)len - 1)) && same_sentence(c, i, j0)
                   ? gaz_ref(c, j0, LIA_G_COUNTRY, &ci1) : 0;
    /* (A name that is also a nisba's form, "أوكرانيا", reads as the name.) */
    if (cl1 && cl1 >= gaz_ref(c, j0, LIA_G_NISBA, NULL)) {
        size_t end = j0;
        int ci = ci1, cl = cl1;
        do {
            lia_mention *mm = new_mention(c, end == j0 ? i : end, end + (size_t)cl, LIA_T_COUNTRY);
            const lia_country *co = &c->r->countries.v[ci];
            set_identity(c, mm, co->code, co->name, co->latin, co->code);
            mm->delegation = 1;
            end += (size_t)cl;
        } while (end < c->t->n && same_sentence(c, i, end) && tok(c, end)->has_conj
                 && (cl = gaz_ref(c, end, LIA_G_COUNTRY, &ci)) && cl >= gaz_ref(c, end, LIA_G_NISBA, NULL));
        return end;
    }
    for (size_t j = i + (size_t)len; j < i + 5 && j < c->t->n && same_sentence(c, i, j); j++) {
        int ci, cl = gaz_ref(c, j, LIA_G_NISBA, &ci);
        if (cl) {
            lia_mention *mm = new_mention(c, i, j + (size_t)cl, LIA_T_COUNTRY);
            const lia_country *co = &c->r->countries.v[ci];
            set_identity(c, mm, co->code, co->name, co->latin, co->code);
            mm->delegation = 1;
            size_t end = j + (size_t)cl;
            /* "الوفدين الموريتاني والتشادي": one country per nisba. */
            while (end < c->t->n && same_sentence(c, i, end) && tok(c, end)->has_conj
                   && (cl = gaz_ref(c, end, LIA_G_NISBA, &ci))) {
                lia_mention *m2 = new_mention(c, end, end + (size_t)cl, LIA_T_COUNTRY);
                co = &c->r->countries.v[ci];
                set_identity(c, m2, co->code, co->name, co->latin, co->code);
                m2->delegation = 1;
                end += (size_t)cl;
            }
            return end;
        }
        if (tok(c, j)->kind != LIA_TOK_WORD || !lex(c, j, c->cls.delegation_adj))
            break;
    }
    return i;
}

static void mark_covered(ctx *c, size_t from_mention)
{
    for (size_t k = from_mention; k < c->m->mentions.n; k++) {
        lia_mention *mm = &c->m->mentions.v[k];
        if (mm->inner)
            continue;
        for (size_t j = mm->first; j < mm->last && j < c->t->n; j++)
            if (!c->covered[j])
                c->covered[j] = (int)k + 1;
    }
}

/* A person the gazetteers do not know, named by tokens [first, end),
 * with his office in apposition if one follows; returns where it ends. */
static size_t unknown_person(ctx *c, size_t first, size_t end, int after_list_conj, int after_rank)
{
    lia_mention *mm = new_mention(c, first, end, LIA_T_PERSON);
    /* "العماد رودولف هيكل قائد الجيش": a rank that opens the span is no
     * word of the name. */
    size_t name_first = first;
    int rl;
    while (name_first + 1 < end && (rl = lex(c, name_first, c->cls.military_rank)) > 0 && name_first + (size_t)rl < end)
        name_first += (size_t)rl;
    /* ... and the words after it may be a known official's name
     * ("سلف هيكل، العماد جوزاف عون،"). */
    int oi;
    if (name_first > first && official_at(c, name_first, &oi) == (int)(end - name_first)) {
        person_from_official(c, mm, oi);
    } else {
        char *name = clean_span_text(c, name_first, end);
        /* "، وماتوش شوتاي إشتوك": the list's و is not the name's. */
        if (after_list_conj && strncmp(name, "و", 2) == 0)
            memmove(name, name + 2, strlen(name + 2) + 1);
        person_from_name_text(c, mm, name, -1);
    }
    /* "وقعها عن الجانب القطري اللواء X، المدير العام للأمن العام": the
     * side named right before his rank is his country, and so of the
     * office told after his name. */
    size_t ranked = first;
    while (ranked > 0 && ranked + 3 > first && lex(c, ranked - 1, c->cls.honorific) > 0)
        ranked--;
    int side = mm->country[0] ? -1 : side_country_before(c, ranked, 0);
    if (side >= 0)
        mm->country = keep(c, c->r->countries.v[side].code);
    size_t pidx = c->m->mentions.n - 1;
    size_t e = absorb_apposition(c, pidx, end);
    c->m->mentions.v[pidx].last = e;
    /* "يرافقه مساعد رئيس الأركان الجنرال X": an officer named by his
     * rank in an entourage, his country untold, is of the one he
     * accompanies (within twelve words, in the same clause). */
    int ci = !after_rank || c->m->mentions.v[pidx].country[0] ? -1 : accompanied_country(c, first, 12, 1);
    if (ci >= 0) {
        c->m->mentions.v[pidx].country = keep(c, c->r->countries.v[ci].code);
        c->m->mentions.v[pidx].member = 1;
    }
    return e;
}

/* "يرافقه المستشارون الرئاسيون X وY وZ": after a plural title (and its
 * adjectives), each name of two words or more in the list is a person of
 * the country of the one accompanied or of the delegation, if any.  The
 * end of the last, or i. */
static size_t plural_title_names(ctx *c, size_t i)
{
    size_t t = i;
    int len = lex(c, t, c->cls.plural_title);
    if (!len)
        return i;
    t += (size_t)len;
    for (int adj = 0; adj < 2 && t < c->t->n && same_sentence(c, i, t) && has_article(tok(c, t))
                      && !hamza_initial(c, t) && !any_lex(c, t) && (!c->gaz[t] || gaz_ref(c, t, LIA_G_NISBA, NULL));
         adj++)
        t++;
    size_t end = t < c->t->n && same_sentence(c, i, t) && !c->gaz[t] ? scan_name_opening(c, t, 1) : t;
    if (end < t + 2 || !same_sentence(c, i, end - 1))
        return i;
    int ci = accompanied_country(c, i, 30, 0);
    if (ci < 0)
        ci = delegation_country_before(c, i);
    size_t last = i;
    for (size_t first = t; end >= first + 2 && same_sentence(c, i, end - 1);) {
        /* The first name's mention takes the title in, as a titled
         * name's does. */
        lia_mention *mm = new_mention(c, first == t ? i : first, end, LIA_T_PERSON);
        char *name = clean_span_text(c, first, end);
        if (first > t && strncmp(name, "و", 2) == 0)
            memmove(name, name + 2, strlen(name + 2) + 1);
        person_from_name_text(c, mm, name, ci);
        mm->surface = mention_text(c, first, end);
        mm->role = mention_text(c, i, t);
        mm->official = 1;
        mm->member = ci >= 0;
        last = end;
        /* The next item: "وليزلي فولتير"، "، ولويس جيرالد جيل". */
        first = end < c->t->n && is_punct(c, end, ",") ? end + 1 : end;
        if (first >= c->t->n || !tok(c, first)->has_conj || c->gaz[first] || !same_sentence(c, i, first))
            break;
        end = scan_name_opening(c, first, NAME_AFTER_LIST_CONJ);
    }
    return last;
}

/* Does a phrase of one of the classes (a bit per class, lex_words words)
 * start at token i? */
static inline int lex_any_of(const ctx *c, size_t i, const uint64_t *classes)
{
    const uint64_t *bits = c->lex_bits + i * c->lex_words;
    uint64_t hit = 0;
    for (size_t w = 0; w < c->lex_words; w++)
        hit |= bits[w] & classes[w];
    return hit != 0;
}

/* The classes one of which a reading of mention_at needs at token i itself
 * when no gazetteer phrase starts there: each reading below opens with a
 * test of one of these at i, or of gaz[i] (a title, official, body, event,
 * place or nisba), or is one of the exceptions no_mention_at lists. */
static void set_opener_classes(ctx *c)
{
    const int openers[] = { c->cls.separately, c->cls.honorific, c->cls.counterpart, c->cls.agency_head,
                            c->cls.event_head, c->cls.event_head_acc, c->cls.event_ref, c->cls.delegation, c->cls.capital,
                            c->cls.city_word, c->cls.home_ref, c->cls.anaphor, c->cls.group_ref, c->cls.guest,
                            c->cls.both_sides, c->cls.styled_ref, c->cls.counted_ref, c->cls.given_name,
                            c->cls.name_part, c->cls.host_ref, c->cls.plural_title, c->cls.portfolio, c->cls.heir,
                            c->cls.talks_named, c->cls.signing_ceremony };
    const int listers[] = { c->cls.delegation, c->cls.includes, c->cls.with };
    /* One block: the openers' words, then the listers'. */
    c->opener_classes = xcalloc(2 * c->lex_words, sizeof *c->opener_classes);
    c->lister_classes = c->opener_classes + c->lex_words;
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++)
        if (openers[k] >= 0)
            c->opener_classes[(unsigned)openers[k] >> 6] |= UINT64_C(1) << (openers[k] & 63);
    for (size_t k = 0; k < sizeof listers / sizeof *listers; k++)
        if (listers[k] >= 0)
            c->lister_classes[(unsigned)listers[k] >> 6] |= UINT64_C(1) << (listers[k] & 63);
}

/* Does a visit noun phrase end right before token i ("بزيارة للمملكة"،
 * "بزيارة عمل للمملكة"), or before the visitor named right before i
 * ("زيارة إسبر للمملكة")? */
static int visit_noun_ends_before(const ctx *c, size_t i)
{
    if (i > 0 && c->covered[i - 1] && c->m->mentions.v[c->covered[i - 1] - 1].type == LIA_T_PERSON
        && c->m->mentions.v[c->covered[i - 1] - 1].last == i)
        i = c->m->mentions.v[c->covered[i - 1] - 1].first;
    for (size_t k = i; k > 0 && k + 3 > i; k--)
        if ((size_t)lex(c, k - 1, c->cls.visit_noun) == i - (k - 1))
            return 1;
    return 0;
}

/* Can no mention start at token i?  Every reading in mention_at needs a
 * gazetteer phrase at i or a lexicon phrase of an opener class at i
 * (set_opener_classes; a place named after a person needs an honorific, a
 * title or an official at i too), with three exceptions: a round of talks
 * ("الجولة الثانية من المحادثات", an ordinal right after i), a name after
 * a word that lists people (delegation, includes, with just before i) and
 * a name listed after a person's ("، وماتوش ...").  Most tokens (function
 * words, verbs) have none of these and skip the readings.  A new reading
 * in mention_at that needs something else must be allowed here. */
static int no_mention_at(const ctx *c, size_t i)
{
    /* (A token without lexicon phrases, n_lex 0, has no class bits.) */
    if (c->gaz[i] || (c->m->n_lex[i] && lex_any_of(c, i, c->opener_classes)))
        return 0;
    /* A round of talks is read only on a word with some lexicon phrase
     * ("الجولة" is one), as it always was; a new one too ("جولة جديدة"). */
    if (c->m->n_lex[i] && (lex(c, i + 1, c->cls.ordinal)
                           || (lex(c, i, c->cls.tour) && i + 1 < c->t->n && lia_token_matches(tok(c, i + 1), "جديده"))))
        return 0;
    if (i > 0 && c->m->n_lex[i - 1] && lex_any_of(c, i - 1, c->lister_classes))
        return 0;
    /* listed_after_person needs the conjunction on i. */
    return !(tok(c, i)->has_conj && listed_after_person(c, i));
}

/* Is token i named by a building in construct right before it ("مطار
 * الملك خالد"، "بمطار الكويت")?  Not the facility with the article
 * ("وكان في استقباله بالمطار X"). */
static int after_facility_construct(const ctx *c, size_t i)
{
    return i > 0 && lex(c, i - 1, c->cls.facility) && !has_article(tok(c, i - 1)) && same_sentence(c, i - 1, i);
}

/* Is the crown prince's title at i..i+len alone: no style, title, nisba,
 * place or name of his after it ("واستقبل ولي العهد أمير قطر")? */
static int bare_heir_title_at(const ctx *c, size_t i, size_t len)
{
    size_t j = i + len;
    int nci;
    if (j >= c->t->n || !same_sentence(c, i, j) || tok(c, j)->kind != LIA_TOK_WORD)
        return 1;
    return !c->gaz[j] && !lex(c, j, c->cls.honorific) && !nisba_at(c, j, &nci) && !name_at(c, j);
}

/* The entities of one position, most specific first.  Returns the token
 * after what was consumed (i when nothing starts here).  The caller has
 * asked no_mention_at first. */
static size_t mention_at(ctx *c, size_t i)
{
    size_t e;
    int idx, len;
    /* "كلا على حدة" (each separately) names nobody: "على" is no "علي". */
    if ((len = lex(c, i, c->cls.separately)))
        return i + (size_t)len;
    /* "الذي يتولى أيضا حقيبة الخارجية": the ministry a portfolio names,
     * of the country of the person named before it in the sentence. */
    if ((len = lex(c, i, c->cls.portfolio)) && i + (size_t)len < c->t->n && same_sentence(c, i, i + (size_t)len)) {
        size_t j = i + (size_t)len;
        body b;
        int pc = person_country_before(c, c->t->sent[tok(c, i)->sentence].first, i);
        if (pc >= 0 && parse_body(c, j, pc, 0, &b) && b.kind >= 0 && !b.is_org) {
            lia_mention *am = new_mention(c, j, b.end, LIA_T_AGENCY);
            set_identity(c, am, b.key, b.name, b.latin, b.country);
            size_t end = b.end;
            body_release(&b);
            return end;
        }
    }
    /* "مطار الملك خالد الدولي": a place named after a person. */
    /* Not after the facility with the article ("وكان في استقباله بالمطار
     * رئيس الوزراء X"): only a construct names it after someone. */
    /* ... also a bare name with an adjective after it: "بمطار موديبو كيتا
     * الدولي". */
    int named_after = 0, ol0;
    if (after_facility_construct(c, i) && (ol0 = official_at(c, i, NULL)) && i + (size_t)ol0 < c->t->n
        && same_sentence(c, i, i + (size_t)ol0) && has_article(tok(c, i + (size_t)ol0))
        && adjective_like(tok(c, i + (size_t)ol0)))
        named_after = 1;
    if (after_facility_construct(c, i)
        && (lex(c, i, c->cls.honorific) || gaz_ref(c, i, LIA_G_TITLE, NULL) || named_after)) {
        size_t j = i + (size_t)(lex(c, i, c->cls.honorific) ? lex(c, i, c->cls.honorific)
                                                          : gaz_ref(c, i, LIA_G_TITLE, NULL));
        int ol = official_at(c, j, NULL);
        size_t end = ol ? j + (size_t)ol : scan_name(c, j);
        /* ... a given name alone too: "بمطار الملك عبدالعزيز الدولي". */
        if (end == j && j < c->t->n && same_sentence(c, i, j) && lex(c, j, c->cls.given_name))
            end = j + 1;
        return end > j ? end : j;
    }
    /* "ونظيراه التركي X والإيراني Y": after a counterpart, و with another
     * nisba and a name is one more counterpart. */
    int nci, nl;
    if (tok(c, i)->has_conj && c->m->mentions.n && (nl = nisba_at(c, i, &nci))) {
        const lia_mention *prev = &c->m->mentions.v[c->m->mentions.n - 1];
        size_t j = i + (size_t)nl, h;
        while (j < c->t->n && (h = (size_t)lex(c, j, c->cls.honorific)))
            j += h;             /* "والسوري العماد علي محمود عباس" */
        if (prev->type == LIA_T_PERSON && !prev->inner && prev->last == i
            && lex(c, prev->first, c->cls.counterpart) && same_sentence(c, i, j)) {
            int oi, ol = official_at(c, j, &oi);
            size_t end = ol ? longer_name_end(c, j, j + (size_t)ol) : scan_name(c, j);
            if (end > j) {
                lia_mention *mm = new_mention(c, i, end, LIA_T_PERSON);
                if (ol)
                    person_from_official(c, mm, oi);
                else
                    person_from_name(c, mm, j, end, nci);
                return end;
            }
        }
    }
    /* A known official, possibly with an office in apposition. */
    if ((len = official_at(c, i, &idx)) && len >= gaz_ref(c, i, LIA_G_TITLE, NULL)) {
        /* A longer form of the name than the gazetteer lists: "سيف بن
         * زايد آل نهيان", "عبدالعزيز بن سعود بن نايف بن عبدالعزيز". */
        size_t end = longer_name_end(c, i, i + (size_t)len);
        /* ... or one the gazetteer lists from the next word, past a style
         * it lists too: "الشيخ مشعل الأحمد" then "مشعل الأحمد الجابر
         * الصباح". */
        int idx2, len2 = official_at(c, i + 1, &idx2);
        if (len2 && idx2 == idx && i + 1 + (size_t)len2 > end)
            end = longer_name_end(c, i, i + 1 + (size_t)len2);
        lia_mention *mm = new_mention(c, i, end, LIA_T_PERSON);
        person_from_official(c, mm, idx);
        size_t pidx = c->m->mentions.n - 1;
        e = absorb_apposition(c, pidx, end);
        c->m->mentions.v[pidx].last = e;
        return e;
    }
    if ((e = try_title_person(c, i)) > i)
        return e;
    body b;
    /* "قاعدة نور خان الجوية": an indefinite facility word is no body
     * ("القاعدة" is al-Qaeda only with the article, and not before an
     * adjective: "القاعدة البحرية" is a naval base). */
    int got_body = parse_body(c, i, -1, 1, &b);
    if (got_body && b.end == i + 1 && lex(c, i, c->cls.facility)
        && (!has_article(tok(c, i))
            || (i + 1 < c->t->n && same_sentence(c, i, i + 1) && has_article(tok(c, i + 1))
                && adjective_like(tok(c, i + 1)) && !tok(c, i + 1)->has_conj))) {
        body_release(&b);
        got_body = 0;
    }
    if (got_body) {
        int ai;
        int type = b.is_org || (gaz_ref(c, i, LIA_G_ORG, &ai) && !gaz_ref(c, i, LIA_G_AGENCY, NULL))
                   ? LIA_T_ORG : LIA_T_AGENCY;
        lia_mention *mm = new_mention(c, i, b.end, type);
        set_identity(c, mm, b.key, b.name, b.latin, b.country);
        body_release(&b);
        size_t end = mm->last;
        add_named_parent(c, c->m->mentions.v[c->m->mentions.n - 1].key, i, end);
        return end;
    }
    if ((e = try_event(c, i)) > i)
        return e;
    /* "امتدادا للمؤتمر الأول"، "الدورة السابقة": another edition, not the
     * event the story is about. */
    if ((len = lex(c, i, c->cls.event_ref)) && i + (size_t)len < c->t->n && same_sentence(c, i, i + (size_t)len)
        && (lex(c, i + (size_t)len, c->cls.ordinal) || lex(c, i + (size_t)len, c->cls.former)))
        return i + (size_t)len;
    /* "أول اجتماع تشاوري": an indefinite head is a new meeting, no
     * reference to the one named before; nor is "الاجتماع" after "في
     * اجتماع استمر ساعة" just told: that meeting, not the event. */
    if ((len = lex(c, i, c->cls.event_ref)) && (len > 1 || has_article(tok(c, i)))
        && !(len == 1 && told_indefinite_before(c, i))) {
        lia_mention *mm = new_mention(c, i, i + (size_t)len, LIA_T_EVENT);
        set_identity(c, mm, "", "", "", "");
        mm->event_ref = 1;
        return mm->last;
    }
    /* "مع نظيره السوري" with no name after it: the last person named of
     * that country, resolved as an anaphor. */
    if ((len = lex(c, i, c->cls.counterpart))) {
        int nci, nl = nisba_at(c, i + (size_t)len, &nci);
        size_t after = i + (size_t)len + (size_t)nl;
        /* Nameless only when no word follows that could be a name the
         * scan missed ("ونظيره الأردني عاطف الطراونة"). */
        int ends = after >= c->t->n || !same_sentence(c, i, after) || tok(c, after)->kind != LIA_TOK_WORD
                   || any_lex(c, after) || names_body_or_place(c, after);
        /* "المصالح الأمنية المغربية ونظيرتها الفرنسية": joined to a body
         * with its nisba, the counterpart is a body, no person. */
        int of_body = tok(c, i)->has_conj && i > 0 && nisba_at(c, i - 1, NULL) == 1
                      && !(c->m->mentions.n && c->m->mentions.v[c->m->mentions.n - 1].last == i
                           && c->m->mentions.v[c->m->mentions.n - 1].type == LIA_T_PERSON);
        /* "مع نظرائهم السوريين: وزير الخارجية X ووزير الدفاع Y": the
         * counterparts are named after the colon. */
        int named_after_colon = is_punct(c, after, ":") && after + 1 < c->t->n && same_sentence(c, i, after + 1);
        if (nl && ends && !of_body && !named_after_colon && !official_at(c, after, NULL)
            && scan_name(c, after) <= after) {
            lia_mention *mm = new_mention(c, i, after, LIA_T_PERSON);
            set_identity(c, mm, "", "", "", c->r->countries.v[nci].code);
            mm->anaphor = 1;
            return mm->last;
        }
        /* "ونظراؤه الإماراتي والبحريني والمغربي": one counterpart for each
         * nisba of the list, each the last person named of that country. */
        size_t k = after;
        int mci;
        while (nl && k < c->t->n && same_sentence(c, i, k) && tok(c, k)->has_conj && nisba_at(c, k, &mci) == 1)
            k++;
        int list_ends = k > after && (k >= c->t->n || !same_sentence(c, i, k) || tok(c, k)->kind != LIA_TOK_WORD
                                      || any_lex(c, k));
        if (list_ends && !of_body) {
            lia_mention *mm = new_mention(c, i, after, LIA_T_PERSON);
            set_identity(c, mm, "", "", "", c->r->countries.v[nci].code);
            mm->anaphor = 1;
            for (size_t q = after; q < k; q++) {
                nisba_at(c, q, &mci);
                lia_mention *om = new_mention(c, q, q + 1, LIA_T_PERSON);
                set_identity(c, om, "", "", "", c->r->countries.v[mci].code);
                om->anaphor = 1;
            }
            return k;
        }
    }
    if ((e = try_delegation(c, i)) > i)
        return e;
    if ((e = try_place(c, i)) > i)
        return e;
    /* "اللذين حلا بالمملكة"، "زيارته إلى البلاد"، "بزيارة للمملكة": a
     * bare word for a state after ب or إلى, or ل after a visit, is the
     * country the story is about. */
    if ((len = lex(c, i, c->cls.home_ref)) && c->home_country >= 0 && !nisba_at(c, i + (size_t)len, NULL)
        && !gaz_ref(c, i + (size_t)len, LIA_G_COUNTRY, NULL)
        && ((tok(c, i)->n_forms > 1 && strncmp(tok(c, i)->norm, "ب", 2) == 0)
            || (i > 0 && same_sentence(c, i - 1, i) && strcmp(tok(c, i - 1)->norm, "الي") == 0)
            /* "زار المملكة": a state's own word (not "البلاد", which a
             * story may use of the dateline's country or its guest's,
             * unless it is the dateline's: "الذي يزور البلاد حاليا") */
            || (i > 0 && same_sentence(c, i - 1, i) && lex(c, i - 1, c->cls.visit_verb)
                && (state_word_of(c, i, home_ref_country(c, i)) || home_ref_country(c, i) == dateline_country(c)))
            /* "يقوم بزيارة للمملكة" */
            || (i > 0 && tok(c, i)->n_forms > 1 && strncmp(tok(c, i)->norm, "ل", 2) == 0
                && visit_noun_ends_before(c, i)))) {
        lia_mention *mm = new_mention(c, i, i + (size_t)len, LIA_T_COUNTRY);
        const lia_country *co = &c->r->countries.v[home_ref_country(c, i)];
        set_identity(c, mm, co->code, co->name, co->latin, co->code);
        return mm->last;
    }
    /* Words that stand for persons named elsewhere, resolved later:
     * "الأخير" (the last named), "الوزراء المشاركين" (the attendees),
     * "الوزير الضيف" (the visitor), "الجانبان" (the two sides). */
    enum { REF_ANAPHOR, REF_GROUP, REF_GUEST, REF_BOTH_SIDES, REF_STYLED, REF_COUNTED, REF_HOST };
    const int ref_class[] = { c->cls.anaphor, c->cls.group_ref, c->cls.guest, c->cls.both_sides,
                              c->cls.styled_ref, c->cls.counted_ref, c->cls.host_ref };
    for (int k = 0; k < (int)(sizeof ref_class / sizeof *ref_class); k++) {
        if (!(len = lex(c, i, ref_class[k])))
            continue;
        /* "ثلاثة أيام" is a count, "الثلاثة" the three persons. */
        if (k == REF_COUNTED && !has_article(tok(c, i)))
            continue;
        /* "أعرب عن سعادته" is his happiness: "سعادته" is the person so
         * styled only as the subject of a verb of meeting right before it
         * ("كما سبق أن استقبل سعادته في الدوحة X"). */
        if (k == REF_STYLED && (lia_token_matches(tok(c, i), "سعادته") || lia_token_matches(tok(c, i), "سعادتها"))
            && !(i > 0 && same_sentence(c, i - 1, i) && (lex(c, i - 1, c->cls.receive) || lex(c, i - 1, c->cls.met_verb))))
            continue;
        /* "مسؤول أمريكي" is some American official, "المسؤول الأمريكي" the
         * one named before; but "أول زيارة يقوم بها مسؤول إماراتي" is
         * the visitor the story tells of. */
        if (k == REF_ANAPHOR && !has_article(tok(c, i)) && !(i > 0 && lia_token_matches(tok(c, i - 1), "بها")))
            continue;
        /* "المحطة الجزائرية الأخيرة"، "السنوات الأخيرة": after a definite
         * noun or adjective, "الأخيرة" qualifies it and names nobody. */
        if (k == REF_ANAPHOR && len == 1 && i > 0 && same_sentence(c, i - 1, i) && !tok(c, i)->has_conj
            && (lia_token_matches(tok(c, i), "الاخير") || lia_token_matches(tok(c, i), "الاخيره"))
            && tok(c, i - 1)->kind == LIA_TOK_WORD && has_article(tok(c, i - 1))
            && (!any_lex(c, i - 1) || lex(c, i - 1, c->cls.event_ref))   /* "المناورة الأخيرة" */
            && !(c->m->mentions.n && c->m->mentions.v[c->m->mentions.n - 1].last == i
                 && c->m->mentions.v[c->m->mentions.n - 1].type != LIA_T_EVENT))
            continue;
        /* "وفي محطته الأخيرة": after a preposition and a noun with a
         * possessive suffix too (not "منذ تولي الأخير منصبه", whose noun
         * the anaphor completes). */
        if (k == REF_ANAPHOR && len == 1 && i > 1 && same_sentence(c, i - 2, i) && !tok(c, i)->has_conj
            && (lia_token_matches(tok(c, i), "الاخير") || lia_token_matches(tok(c, i), "الاخيره"))
            && tok(c, i - 1)->kind == LIA_TOK_WORD && !c->covered[i - 1] && preposition_at(c, i - 2)
            && possessive_suffixed(c, i - 1))
            continue;
        /* "الرئيسين جو بايدن وفلاديمير بوتين": the two are named right
         * after, and the dual is their title. */
        int each = k == REF_BOTH_SIDES && lex(c, i, c->cls.dual_each);
        if (k == REF_BOTH_SIDES && i + (size_t)len < c->t->n && same_sentence(c, i, i + (size_t)len)
            && name_at(c, i + (size_t)len) && !each)
            continue;
        /* "رئيسا الوفدين الروسي والصيني": the delegations are told right
         * after, and their heads are read from them. */
        if (k == REF_BOTH_SIDES && lex(c, i, c->cls.dual_delegation_heads)
            && nisba_at(c, i + (size_t)len, NULL))
            continue;
        /* "كل منهما" stands for persons only as whom a verb's subjects met
         * ("بكل منهما"); as a subject ("التقى كل منهما X") the verb's
         * subject readings find them. */
        if (each && strncmp(tok(c, i)->norm, "ب", 2) != 0)
            continue;
        lia_mention *mm = new_mention(c, i, i + (size_t)len, LIA_T_PERSON);
        set_identity(c, mm, "", "", "", "");
        mm->anaphor = k == REF_ANAPHOR;
        mm->group = k == REF_GROUP;
        mm->guest = k == REF_GUEST;
        mm->host_ref = k == REF_HOST;
        mm->both_sides = k == REF_BOTH_SIDES;
        mm->styled = k == REF_STYLED;
        if (k == REF_COUNTED)
            mm->counted = counted_number(c, i, i + (size_t)len);
        /* "المسؤول المصري": the last person named of that country; "الضيف
         * البريطاني": the visitor, of that country. */
        int nci, nl;
        /* "المسؤول العسكري الأمريكي": a modifier may stand before the nisba. */
        size_t nisba = mm->last;
        int ml = k == REF_ANAPHOR && nisba < c->t->n && same_sentence(c, i, nisba)
                 ? lex(c, nisba, c->cls.office_modifier) : 0;
        if (ml && nisba_at(c, nisba + (size_t)ml, NULL))
            nisba += (size_t)ml;
        if ((k == REF_ANAPHOR || k == REF_GUEST || k == REF_HOST) && (nl = nisba_at(c, nisba, &nci))) {
            mm->country = keep(c, c->r->countries.v[nci].code);
            mm->last = nisba + (size_t)nl;
        }
        /* "استقبل ماركوس الوزيرين اليابانيين": not the two sides but the
         * two of that country named before. */
        if (k == REF_BOTH_SIDES && (nl = nisba_at(c, mm->last, &nci))) {
            mm->both_sides = 0;
            mm->counted = 2;
            mm->country = keep(c, c->r->countries.v[nci].code);
            mm->last += (size_t)nl;
        }
        return mm->last;
    }
    /* "ووصل الجنرال الأمريكي إلى طرابلس": a military rank with the article
     * and a nisba, and no name after, is the last named of that country,
     * as "المسؤول الأمريكي" is. */
    /* So is "ولي العهد السعودي": a crown prince, named before by name
     * ("ولي العهد الكويتي الشيخ X"، "ولي العهد السعودي وزير الدفاع X":
     * not when that country's named person follows). */
    int rank_nci, rank_nl;
    if (((len = lex(c, i, c->cls.military_rank)) ? has_article(tok(c, i)) : (len = lex(c, i, c->cls.heir)) > 0)
        && (rank_nl = nisba_at(c, i + (size_t)len, &rank_nci))
        && !name_at(c, i + (size_t)len + (size_t)rank_nl)
        /* ("ولي العهد السعودي الأسبق": a former one is not the one the
         * story named) */
        && !lex(c, i + (size_t)len + (size_t)rank_nl, c->cls.former)
        /* ("ولي العهد الكويتي الشيخ X وزير ...": a style, a title or a
         * known name after it is his, and it is no reference) */
        && !person_of_country_at(c, i + (size_t)len + (size_t)rank_nl, rank_nci)) {
        lia_mention *mm = new_mention(c, i, i + (size_t)len + (size_t)rank_nl, LIA_T_PERSON);
        set_identity(c, mm, "", "", "", "");
        mm->anaphor = 1;
        mm->country = keep(c, c->r->countries.v[rank_nci].code);
        return mm->last;
    }
    /* "واستقبل ولي العهد أمير قطر": a crown prince's title alone, with no
     * style, title, place or name of his after it, stands for the crown
     * prince named before (resolve finds him, of any country). */
    if ((len = lex(c, i, c->cls.heir)) > 0 && bare_heir_title_at(c, i, (size_t)len)) {
        lia_mention *mm = new_mention(c, i, i + (size_t)len, LIA_T_PERSON);
        set_identity(c, mm, "", "", "", "");
        mm->anaphor = 1;
        return mm->last;
    }
    /* A rank or honorific, then a name the gazetteers do not know:
     * "المفوض عبدول لاي"، "والمفوض فضيلي ولد الناجي، المدير العام ...". */
    if (lex(c, i, c->cls.honorific)) {
        size_t j = i, h;
        while ((h = (size_t)lex(c, j, c->cls.honorific)) && (j == i || !honorific_starts_name(c, j, h)))
            j += h;
        size_t end = scan_name(c, j);
        if (end > j && same_sentence(c, i, end - 1) && !official_at(c, j, NULL)
            && !gaz_ref(c, j, LIA_G_TITLE, NULL) && !c->gaz[j]) {
            return unknown_person(c, j, end, 0, lex(c, i, c->cls.military_rank) != 0);
        }
        /* "التقى سمو ولي العهد ..." with no name: a style and its rank
         * stand for the person named before with that style, like "سموه". */
        /* Only when the run is whole: "سمو أمير البلاد الشيخ X" goes on. */
        int whole = j >= c->t->n || tok(c, j)->kind != LIA_TOK_WORD || lex(c, j, c->cls.stop)
                    || lex(c, j, c->cls.separately)
                    || (any_lex(c, j) && !lex(c, j, c->cls.given_name) && !lex(c, j, c->cls.name_part)
                        && !lex(c, j, c->cls.honorific) && !lex(c, j, c->cls.home_ref)
                        && !lex(c, j, c->cls.polity) && !lex(c, j, c->cls.the_country));
        /* "لقاء بوتين مع الأمير محمد": a royal style and a given name
         * alone stand for the one so styled and named before. */
        if (end == j && j == i + 1 && j < c->t->n && same_sentence(c, i, j) && royal_style(tok(c, i))
            && ((only_given_name(c, j) && !tok(c, j)->has_conj) || given_name_as_written(c, j))) {
            lia_mention *mm = new_mention(c, i, j + 1, LIA_T_PERSON);
            set_identity(c, mm, "", "", "", "");
            mm->surface = mention_text(c, j, j + 1);
            mm->first_name_only = 1;
            return mm->last;
        }
        if (end == j && j > i + 1 && whole && lex(c, i, c->cls.style) && same_sentence(c, i, j - 1)) {
            lia_mention *mm = new_mention(c, i, j, LIA_T_PERSON);
            set_identity(c, mm, "", "", "", "");
            mm->styled = 1;
            return mm->last;
        }
        /* "جلالة السلطان والوفد المرافق"، "فخامة الرئيس": a style and a head
         * of state's title with no name after them stand for him too. */
        int ti2, tl = end == j && j == i + 1 && lex(c, i, c->cls.style) ? gaz_ref(c, j, LIA_G_TITLE, &ti2) : 0;
        if (tl == 1 && !strcmp(c->r->titles.v[ti2].office, "head-of-state") && same_sentence(c, i, j)
            && !name_at(c, j + 1) && !nisba_at(c, j + 1, NULL) && !gaz_ref(c, j + 1, LIA_G_COUNTRY, NULL)
            && !lex(c, j + 1, c->cls.honorific)) {
            lia_mention *mm = new_mention(c, i, j + 1, LIA_T_PERSON);
            set_identity(c, mm, "", "", "", "");
            mm->styled = 1;
            return mm->last;
        }
    }
    if ((e = plural_title_names(c, i)) > i)
        return e;
    /* A name with its office after it: "عبد الله مكي الرفاعي قائد
     * العمليات الخارجية", "محمد الحسن، مدير ...": a given name or a
     * connector opens it, a title closes it. */
    /* ... or, after a word that lists people ("وضم الوفد بريتي باتيل وزيرة
     * الدولة ..."), any two-word name with a title after it. */
    /* ... or after "مع" ("التقى ... مع كارليتو غالفيز، وكيل وزارة ..."). */
    int listed = i > 0 && same_sentence(c, i - 1, i)
                 && (lex(c, i - 1, c->cls.delegation) || lex(c, i - 1, c->cls.includes)
                     || lex(c, i - 1, c->cls.with));
    int after_list_conj = !listed && listed_after_person(c, i);
    listed |= after_list_conj;
    if (lex(c, i, c->cls.given_name) || lex(c, i, c->cls.name_part) || listed) {
        size_t end = scan_name_opening(c, i, after_list_conj ? NAME_AFTER_LIST_CONJ : 1);
        size_t t = end < c->t->n && is_punct(c, end, ",") ? end + 1 : end;
        if (end > i && (!listed || end >= i + 2) && same_sentence(c, i, t)
            && gaz_ref(c, t, LIA_G_TITLE, NULL)
            && !(after_list_conj && title_heads_name(c, t))) {
            return unknown_person(c, i, end, after_list_conj, 0);
        }
    }
    /* "وفد الفصائل برئاسة محمد علوش": whoever leads is a person, so a
     * name that opens with a given name needs no title after it. */
    if (i > 0 && lex(c, i - 1, c->cls.led_by) && same_sentence(c, i - 1, i)
        && (lex(c, i, c->cls.given_name) || lex(c, i, c->cls.name_part)) && !tok(c, i)->has_conj) {
        size_t end = scan_name(c, i);
        if (end >= i + 2 && same_sentence(c, i, end - 1))
            return unknown_person(c, i, end, 0, 0);
    }
    return i;
}

/* Later mentions of a person by the last word of the name ("حموشي" after
 * "عبد اللطيف حموشي") or by the full name again. */
/* A person named again by the full name ("ناصر أحمد") when its words are
 * common given names that find_surnames leaves alone.  Tokens from i;
 * returns the length matched, or 0. */
static size_t full_name_at(const ctx *c, size_t i, char *const *words,
                           const unsigned long *hashes, size_t n)
{
    if (n < 2 || i + n > c->t->n)
        return 0;
    const lia_token *first = tok(c, i);
    int hit = 0;
    for (int f = 0; f < first->n_forms && !hit; f++)
        hit = first->form_hash[f] == hashes[0];
    if (!hit || !same_sentence(c, i, i + n - 1))
        return 0;
    for (size_t w = 0; w < n; w++)
        if (c->covered[i + w] || !lia_token_matches_hashed(tok(c, i + w), words[w], hashes[w]))
            return 0;
    return n;
}

/* Is token i a time of day before a day word ("صباح أمس"، "مساء اليوم")? */
static int time_of_day(const ctx *c, size_t i)
{
    /* "صباح" is also a name: not in the class, but a time before "أمس"
     * or a day ("صباح الأحد الماضي"). */
    if (i + 1 >= c->t->n || !(lex(c, i, c->cls.time_of_day) || lia_token_matches(tok(c, i), "صباح")))
        return 0;
    if (lex(c, i + 1, c->cls.day_word))
        return 1;
    for (size_t k = 0; k < c->m->n_dates; k++)
        if (c->m->dates[k].first == i + 1)
            return 1;
    return 0;
}

/* Does a person mention end right before token i?  Only while mentions
 * are found: covered[] indexes them in the order they were made, which
 * sorting them changes (person_ending_at serves the patterns after). */
static int person_ends_at(const ctx *c, size_t i)
{
    int k = i > 0 ? c->covered[i - 1] : 0;
    return k > 0 && c->m->mentions.v[k - 1].type == LIA_T_PERSON && c->m->mentions.v[k - 1].last == i;
}

/* A given name standing alone as a surname ("والتقى إبراهيم بعد الظهر"
 * after "عباس إبراهيم"): no other class, and no name word on either side. */
static int lone_given_name(const ctx *c, size_t i)
{
    if (!only_given_name(c, i))
        return 0;
    /* A name word before it is the same name's, unless a person named
     * there already ("واستقبل الفيصل شكري"). */
    if (i > 0 && ((name_word(c, i - 1, 0) && !person_ends_at(c, i)) || lex(c, i - 1, c->cls.honorific)))
        return 0;
    /* "صالح وعبد المهدي": و opens the next name; "شكري صباح ذلك اليوم":
     * a time of day is no name's next word. */
    return i + 1 >= c->t->n || tok(c, i + 1)->has_conj || !name_word(c, i + 1, 0)
           || lex(c, i + 1, c->cls.time_of_day) || lia_token_matches(tok(c, i + 1), "صباح");
}

/* "وكان آبي قد التقى" after "شينزو آبي": a surname that is also a word
 * of names ("أبي" of "ابن أبي طالب") and nothing else, standing alone:
 * what follows is no word of the name (punctuation, a function word,
 * or the next word joined by و). */
static int lone_name_part(const ctx *c, size_t i)
{
    if (c->m->n_lex[i] != 1 || !lex(c, i, c->cls.name_part))
        return 0;
    return i + 1 >= c->t->n || !same_sentence(c, i, i + 1) || tok(c, i + 1)->kind != LIA_TOK_WORD
           || tok(c, i + 1)->has_conj || any_lex(c, i + 1);
}

/* Is the single word w (an entry key) a phrase of lexicon class cls? */
static int word_in_class(const ctx *c, const char *w, int cls)
{
    const lia_trie *t = cls >= 0 ? lia_trie_step(&c->r->lexicon, w) : NULL;
    for (size_t k = 0; t && k < t->refs.n; k++)
        if (t->refs.v[k].index == cls)
            return 1;
    return 0;
}

/* Is token i - 1, not read yet and in i's sentence, the particle of a
 * family name ("دي" of "لويجي دي مايو") that the name's words put right
 * before its last word, which token i is? */
static int particle_before_surname(const ctx *c, size_t i, char *const *words, size_t n)
{
    return n >= 3 && !c->covered[i - 1] && same_sentence(c, i - 1, i)
           && word_in_class(c, words[n - 2], c->cls.family_particle)
           && lia_token_matches(tok(c, i - 1), words[n - 2]);
}

/* Is the token's own word (no clitic taken off) one of a name's words? */
static int own_name_word(const lia_token *tk, char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(tk->forms[0], words[k]) == 0)
            return 1;
    return 0;
}

/* Do the rank words at [rank, end) stand in person mention m or right
 * before it ("قائد الجيش العماد جوزاف عون")? */
static int rank_in_mention(const ctx *c, const lia_mention *m, size_t rank, size_t end)
{
    size_t n = end - rank;
    size_t from = m->first >= n ? m->first - n : 0;
    for (size_t k = from; k + n <= m->last; k++) {
        size_t w = 0;
        while (w < n && lia_token_matches(tok(c, k + w), tok(c, rank + w)->norm))
            w++;
        if (w == n)
            return 1;
    }
    return 0;
}

static void find_surnames(ctx *c)
{
    /* The last word of each person's name, as an entry key, computed once;
     * and the whole name's words. */
    typedef struct {
        size_t mention;
        char *surname;           /* NULL when too short or another's too; this and
                                    alt are words[] entries (strings in the arena words) */
        unsigned long hash;
        int bare_surname;        /* the name's last word is written without the
                                    article: "مودي" is not "المؤدي" */
        char *alt;               /* a known official's word before the last: "إدريس
                                    ديبي إتنو" named again as "ديبي"; or NULL */
        unsigned long alt_hash;
        char *words[6];
        unsigned long word_hashes[6];
        size_t n_words;
        int compound;            /* ends in عبد X or أبو X */
    } known;
    VEC(known) persons = { 0 };
    lia_arena *words = lia_arena_new();   /* every string of persons: freed at once */
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_PERSON || mm->inner || !mm->key || !mm->key[0] || !mm->surface[0])
            continue;
        known kn = { .mention = k };
        /* A person is often named again with the same words: copy the
         * words of an earlier mention written alike rather than normalize
         * them again (the words depend on the surface alone). */
        const known *same = NULL;
        for (size_t q = persons.n; q-- > 0 && !same;)
            if (strcmp(c->m->mentions.v[persons.v[q].mention].surface, mm->surface) == 0)
                same = &persons.v[q];
        if (same) {
            for (; kn.n_words < same->n_words; kn.n_words++) {
                kn.words[kn.n_words] = same->words[kn.n_words];
                kn.word_hashes[kn.n_words] = same->word_hashes[kn.n_words];
            }
        } else {
            char *norm = lia_normalize_str(mm->surface);
            /* "عبد الفتاح البرهان عبد الرحمن": a known official named with
             * his father's name after his own is named again by his own
             * name's last word. */
            char *own = mm->official && mm->name[0] ? lia_normalize_str(mm->name) : NULL;
            size_t ol = own ? strlen(own) : 0;
            if (own && strncmp(norm, own, ol) == 0 && norm[ol] == ' ')
                norm[ol] = '\0';
            free(own);
            char *save = NULL;
            for (char *w = strtok_r(norm, " ", &save); w && kn.n_words < 6; w = strtok_r(NULL, " ", &save)) {
                kn.words[kn.n_words] = lia_arena_strdup(words, lia_entry_key_in(w));
                kn.word_hashes[kn.n_words] = lia_hash(kn.words[kn.n_words]);
                kn.n_words++;
            }
            free(norm);
        }
        if (!kn.n_words)
            continue;
        /* (A Mauritanian family name is "ولد X": "الوزير ولد سيدي".) */
        kn.compound = kn.n_words >= 3 && (!strcmp(kn.words[kn.n_words - 2], "عبد")
                                          || !strcmp(kn.words[kn.n_words - 2], "ابو")
                                          || !strcmp(kn.words[kn.n_words - 2], "ولد"));
        {
            const char *sp = strrchr(mm->surface, ' ');
            sp = sp ? sp + 1 : mm->surface;
            kn.bare_surname = strncmp(sp, "\xd8\xa7\xd9\x84", 4) != 0;   /* no "ال" */
        }
        char *key = kn.words[kn.n_words - 1];
        int seen = strlen(key) < 6;   /* three letters at least, once each */
        for (size_t q = 0; q < persons.n && !seen; q++)
            seen = persons.v[q].surname && strcmp(persons.v[q].surname, key) == 0;
        if (seen)
            key = NULL;
        kn.surname = key;
        kn.hash = key ? lia_hash(key) : 0;
        const lia_gaz_ref *g = lia_rules_lookup(c->r, mm->key);
        if (g && g->kind == LIA_G_PERSON && kn.n_words >= 3 && !kn.compound) {
            /* "لولا دا سيلفا" named again as "لولا": the word before a
             * particle of the family name. */
            size_t at = kn.n_words - 2;
            if (word_in_class(c, kn.words[at], c->cls.family_particle))
                at--;
            const char *w = kn.words[at];
            int ok = strlen(w) >= 6 && strcmp(w, "بن") && strcmp(w, "ابن") && strcmp(w, "ولد");
            for (size_t q = 0; q < persons.n && ok; q++)
                ok = !(persons.v[q].surname && !strcmp(persons.v[q].surname, w))
                     && !(persons.v[q].alt && !strcmp(persons.v[q].alt, w));
            const lia_trie *t = ok ? lia_trie_step(&c->r->lexicon, w) : NULL;
            if (ok && !t) {
                kn.alt = kn.words[at];
                kn.alt_hash = lia_hash(w);
            }
        }
        /* A Chinese or Korean name puts the family name first: "وانغ" is
         * "وانغ يي" named again, "تشونغ" "تشونغ إيوي يونغ". */
        int family_first = !strcmp(mm->country, "CN") || !strcmp(mm->country, "KR") || !strcmp(mm->country, "KP");
        /* ... two letters will do for a known official's ("شي" for "شي
         * جينبينغ"): the name the rules hold says it is one. */
        size_t family_min = g && g->kind == LIA_G_PERSON ? 4 : 6;
        if (kn.n_words >= 2 && family_first && strlen(kn.words[0]) >= family_min) {
            const char *w = kn.words[0];
            int ok = 1;
            for (size_t q = 0; q < persons.n && ok; q++)
                ok = !(persons.v[q].surname && !strcmp(persons.v[q].surname, w))
                     && !(persons.v[q].alt && !strcmp(persons.v[q].alt, w));
            if (ok && !lia_trie_step(&c->r->lexicon, w)) {
                kn.alt = kn.words[0];
                kn.alt_hash = lia_hash(w);
            }
        }
        VEC_PUSH(persons, kn);
    }
    /* A later mention starts with a word of a person's name: the first
     * (the full name again), the surname, the alternative or the عبد/أبو
     * of a compound.  One bit per hash of those words rules out most
     * tokens without comparing them with every person. */
    uint64_t may_start[16] = { 0 };
#define MAY_START_BIT(h) (may_start[(h) >> 6 & 15] >> ((h) & 63) & 1)
#define SET_MAY_START(h) (may_start[(h) >> 6 & 15] |= UINT64_C(1) << ((h) & 63))
    for (size_t p = 0; p < persons.n; p++) {
        const known *kn = &persons.v[p];
        SET_MAY_START(kn->word_hashes[0]);
        if (kn->surname)
            SET_MAY_START(kn->hash);
        if (kn->alt)
            SET_MAY_START(kn->alt_hash);
        if (kn->compound)
            SET_MAY_START(kn->word_hashes[kn->n_words - 2]);
    }
    for (size_t i = 0; i < c->t->n && persons.n; i++) {
        if (c->covered[i] || tok(c, i)->kind != LIA_TOK_WORD)
            continue;
        /* (The bits first: they pass over most words.) */
        int candidate = 0;
        for (int f = 0; f < tok(c, i)->n_forms; f++)
            candidate |= (int)MAY_START_BIT(tok(c, i)->form_hash[f]);
        if (!candidate)
            continue;
        /* "للأمين العام للأمم المتحدة": a title of two words or more is no
         * surname ("محمد أحمد ولد محمد الأمين" named before). */
        if (gaz_ref(c, i, LIA_G_TITLE, NULL) >= 2)
            continue;
        size_t len = 0;
        size_t p = 0;
        for (; p < persons.n && !len; p++)
            len = full_name_at(c, i, persons.v[p].words, persons.v[p].word_hashes,
                               persons.v[p].n_words);
        /* "النوري": a given name with the article is a family name. */
        int family = has_article(tok(c, i)) && only_given_name(c, i);
        /* "الرئيس رئيسي": right after a title, a surname that is also a
         * word of the lexicon ("رئيسي") is the name. */
        int titled = i > 0 && same_sentence(c, i - 1, i) && !c->covered[i - 1]
                     && gaz_ref(c, i - 1, LIA_G_TITLE, NULL) == 1 && !tok(c, i)->has_conj;
        /* "بمطار الملك عبدالعزيز الدولي": a place named after a king, not
         * "محمد بن سلمان بن عبدالعزيز" named again. */
        if (titled && after_facility_construct(c, i - 1))
            continue;
        /* "اللواء توفيق"، "اللواء كامل": after a military or police rank,
         * a surname that is also a given name is the name (Egyptian and
         * Levantine papers name officers so). */
        int ranked = class_ends_before(c, i, c->cls.military_rank) != SIZE_MAX && only_given_name(c, i);
        if (!len && (!any_lex(c, i) || lone_given_name(c, i) || lone_name_part(c, i) || family || titled || ranked)
            && !time_of_day(c, i)) {
            for (p = 0; p < persons.n && !len; p++)
                if (persons.v[p].surname
                    && !(persons.v[p].bare_surname && has_article(tok(c, i)) && !hamza_initial(c, i))
                    && lia_token_matches_hashed(tok(c, i), persons.v[p].surname, persons.v[p].hash))
                    len = 1;
            for (p = len ? p : 0; p < persons.n && !len; p++)
                if (persons.v[p].alt && lia_token_matches_hashed(tok(c, i), persons.v[p].alt, persons.v[p].alt_hash))
                    len = 1;
        }
        /* A compound family name ("عادل عبد المهدي" named again as "وعبد
         * المهدي"): عبد or أبو and the last word. */
        for (p = len ? p : 0; !len && p < persons.n; p++) {
            const known *kn = &persons.v[p];
            if (kn->compound && i + 1 < c->t->n && same_sentence(c, i, i + 1) && !c->covered[i + 1]
                && lia_token_matches(tok(c, i), kn->words[kn->n_words - 2])
                && lia_token_matches_hashed(tok(c, i + 1), kn->words[kn->n_words - 1],
                                            kn->word_hashes[kn->n_words - 1]))
                len = 2;
        }
        if (!len)
            continue;
        /* "مباحثات مع خلف شمخاني علي أكبر أحمديان": the successor of the
         * one named before, whose name follows, is not he.  (Only خلف
         * before a name: as a given name it is no class word.) */
        if (len == 1 && i > 0 && i + 1 < c->t->n && same_sentence(c, i - 1, i + 1)
            && lia_token_matches(tok(c, i - 1), "خلف") && c->covered[i + 1])
            continue;
        /* "لامورجيزي ودي مايو": a surname named again with the particle
         * of its family name ("دي مايو" of "لويجي دي مايو") takes it in,
         * and so the و that joins the list. */
        if (len == 1 && i > 0 && particle_before_surname(c, i, &persons.v[p - 1].words[0], persons.v[p - 1].n_words)) {
            i--;
            len = 2;
        }
        /* "العماد عون" after "الرئيس ميشال عون" and "قائد الجيش العماد
         * جوزاف عون": of namesakes, the one the story named with that rank
         * (when the first found was not). */
        size_t rank = len == 1 ? class_ends_before(c, i, c->cls.military_rank) : SIZE_MAX;
        if (rank != SIZE_MAX && !rank_in_mention(c, &c->m->mentions.v[persons.v[p - 1].mention], rank, i)) {
            const known *found = &persons.v[p - 1];
            for (size_t q = 0; q < persons.n; q++) {
                const known *kn = &persons.v[q];
                const lia_mention *qm = &c->m->mentions.v[kn->mention];
                if (!strcmp(kn->words[kn->n_words - 1], found->words[found->n_words - 1])
                    && strcmp(qm->key, c->m->mentions.v[found->mention].key) != 0
                    && rank_in_mention(c, qm, rank, i)) {
                    p = q + 1;
                    break;
                }
            }
        }
        lia_mention copy = c->m->mentions.v[persons.v[p - 1].mention];
        /* "حيدر العبادي ونظيره الجعفري": a counterpart word before the
         * surname is the mention's role, as before a full name. */
        size_t first = i;
        if (i > 0 && same_sentence(c, i - 1, i) && !c->covered[i - 1] && lex(c, i - 1, c->cls.counterpart) == 1)
            first = i - 1;
        /* ... and so is a title of one word: "كما اجتمع بالوزيرة ديدي";
         * not before a surname read only by taking off ب or ل: in
         * "التقى الرئيس بسوبوتكا" the title is the one who met him. */
        if (first == i && len == 1 && titled
            && !(led_by_preposition(tok(c, i)) && !own_name_word(tok(c, i), &persons.v[p - 1].words[0],
                                                                    persons.v[p - 1].n_words)))
            first = i - 1;
        /* "استقبل العماد عون X": the rank before the surname is part of
         * the mention (no office), as it is of a full name. */
        size_t start = first;
        if (first == i && rank != SIZE_MAX) {
            if (!covered_between(c, rank, i))
                start = rank;
        }
        lia_mention *mm = new_mention(c, start, i + len, LIA_T_PERSON);
        set_identity(c, mm, copy.key, copy.name, copy.latin, copy.country);
        mm->official = copy.official;
        if (first < i)
            mm->role = mention_text(c, first, i);
        for (size_t w = start; w < i + len; w++)
            c->covered[w] = (int)c->m->mentions.n;
        i += len - 1;
    }
#undef MAY_START_BIT
#undef SET_MAY_START
    lia_arena_free(words);
    VEC_FREE(persons);
}

/* "في مدينة لفيف" names the city; the story then calls it "لفيف" alone
 * (a word the gazetteer cannot list by itself: "لفيف من المسؤولين"). */
static void find_cities_again(ctx *c)
{
    size_t n = c->m->mentions.n;
    for (size_t k = 0; k < n; k++) {
        lia_mention city = c->m->mentions.v[k];
        if (city.type != LIA_T_CITY || city.inner || !city.key[0] || city.last != city.first + 2
            || lex(c, city.first, c->cls.city_word) != 1)
            continue;
        const lia_token *word = tok(c, city.first + 1);
        for (size_t i = 0; i < c->t->n; i++) {
            if (c->covered[i] || any_lex(c, i)
                || !lia_token_matches_hashed(tok(c, i), word->norm, word->norm_hash))
                continue;
            lia_mention *mm = new_mention(c, i, i + 1, LIA_T_CITY);
            set_identity(c, mm, city.key, city.name, city.latin, city.country);
            c->covered[i] = (int)c->m->mentions.n;
        }
    }
}

/* Does a person's mention start at token i with a title or a
 * counterpart word of its own ("وزير الخارجية السعودي X"، "نظيره")? */
static int titled_person_starts_at(ctx *c, size_t i)
{
    if (!c->covered[i])
        return 0;
    const lia_mention *p = &c->m->mentions.v[c->covered[i] - 1];
    return p->type == LIA_T_PERSON && p->first == i
           && (gaz_ref(c, i, LIA_G_TITLE, NULL) > 0 || lex(c, i, c->cls.counterpart) > 0);
}

/* Do honorifics at i lead to a person of a country other than ci
 * ("سعادة الشيخ X" after "المبعوث الصيني")? */
static int styled_person_of_other_country(const ctx *c, size_t i, int ci)
{
    size_t k = i, h;
    while (k < c->t->n && !c->covered[k] && same_sentence(c, i, k) && (h = (size_t)lex(c, k, c->cls.honorific)))
        k += h;
    if (k == i || k >= c->t->n || !c->covered[k] || !same_sentence(c, i, k))
        return 0;
    const lia_mention *p = &c->m->mentions.v[c->covered[k] - 1];
    return p->type == LIA_T_PERSON && p->country[0] && strcmp(p->country, c->r->countries.v[ci].code) != 0;
}

/* "وانتقل الموفد بعدها"، "الموفد الأميركي عقد": a definite title with no
 * name, body or office after it stands for whom the story gave that title
 * (resolve decides).  After the surnames, which a title may stand before
 * ("الرئيس غني"). */
static void find_titled_refs(ctx *c)
{
    for (size_t i = 0; i < c->t->n; i++) {
        int ti_idx, tl;
        if (c->covered[i] || (tl = gaz_ref(c, i, LIA_G_TITLE, &ti_idx)) <= 0)
            continue;
        size_t after = i + (size_t)tl;
        /* "وكان رئيس الجهاز قد التقى": a title and a definite word for a
         * body (class institution) stand for the one named before who
         * heads a body so called. */
        int construct = !has_article(tok(c, i)) && after < c->t->n && same_sentence(c, i, after)
                        && lex(c, after, c->cls.institution) == 1 && has_article(tok(c, after))
                        && !tok(c, after)->has_conj && !led_by_preposition(tok(c, after));
        /* "رئيس الجمهورية": a title of two words or more whose last has
         * the article is definite as a whole. */
        int definite_phrase = tl >= 2 && has_article(tok(c, after - 1));
        if (!has_article(tok(c, i)) && !construct && !definite_phrase)
            continue;
        if (construct) {
            after++;
            /* ... with its adjectives: "أمين المجلس الأعلى". */
            for (int a = 0; a < 2 && after < c->t->n && same_sentence(c, i, after) && has_article(tok(c, after))
                            && !any_lex(c, after) && !c->gaz[after] && !led_by_preposition(tok(c, after))
                            && !tok(c, after)->has_conj && adjective_like(tok(c, after));
                 a++)
                after++;
        }
        /* "المبعوث الأممي"، "الوزير المنتدب المغربي": words that qualify
         * the office go with it. */
        int ml;
        size_t title_end = after;
        while (after < c->t->n && same_sentence(c, i, after) && (ml = lex(c, after, c->cls.office_modifier)))
            after += (size_t)ml;
        int nci = -1, nl = nisba_at(c, after, &nci);
        size_t end = after + (size_t)nl;
        int free_run = 1;
        for (size_t w = i; w < end && free_run; w++)
            free_run = !c->covered[w];
        /* No name, body or office goes on after it: an office word is one
         * with the article or led by ل ("لمجلس"; "بعدها" is none). */
        /* ... or a place it went to: "خلال زيارة الرئيس لواشنطن". */
        int to_place = end < c->t->n && same_sentence(c, i, end) && has_article(tok(c, i))
                       && led_by_preposition(tok(c, end)) && strncmp(tok(c, end)->norm, "ل", 2) == 0
                       && (gaz_ref(c, end, LIA_G_CITY, NULL) || gaz_ref(c, end, LIA_G_COUNTRY, NULL));
        /* ... or a person it met, led by ب: "التقى الرئيس بسوبوتكا". */
        /* (Not a given name that starts with ب: "الأمير بدر بن سلطان";
         * but a title led by ب that is also a given name is the title:
         * "اجتمع رئيس الأركان بأمين المجلس X".) */
        int to_person = end < c->t->n && c->covered[end] && led_by_preposition(tok(c, end))
                        && (!word_in_class(c, tok(c, end)->forms[0], c->cls.given_name)
                            || gaz_ref(c, end, LIA_G_TITLE, NULL) > 0)
                        && c->m->mentions.v[c->covered[end] - 1].type == LIA_T_PERSON;
        /* ... or another person with a title of his own: "والتقى الوزير
         * وزير الخارجية السعودي X"، "الوزير نظيره" (not a title that
         * goes on an office before it: "نائب الرئيس وزير الدفاع"). */
        int to_titled = end < c->t->n && has_article(tok(c, i)) && !joined_by_waw(c, end)
                        && titled_person_starts_at(c, end) && !(i > 0 && (c->covered[i - 1] || gaz_ref(c, i - 1, LIA_G_TITLE, NULL) > 0));
        /* ... or a styled person of another country: "التقى المبعوث
         * الصيني سعادة الشيخ X" (the style is X's, not the envoy's). */
        to_titled |= nl && has_article(tok(c, i)) && styled_person_of_other_country(c, end, nci);
        int ends = end >= c->t->n || !same_sentence(c, i, end) || tok(c, end)->kind != LIA_TOK_WORD || to_place
                   || to_person || to_titled
                   || (!c->covered[end] && !c->gaz[end] && !lex(c, end, c->cls.honorific)
                       && scan_name(c, end) <= end
                       && !(office_word(c, end, 1)
                            && (has_article(tok(c, end)) || strncmp(tok(c, end)->norm, "ل", 2) == 0)));
        /* Not a title told after a name ("محمد علوش القيادي في ..."), nor
         * an office in a body ("القيادي في", "الممثل لدى"). */
        int apposition = !tok(c, i)->has_conj
                         && (person_ends_at(c, i) || (i > 1 && is_punct(c, i - 1, ",") && person_ends_at(c, i - 1)));
        /* ("وأجرى الوزير في اليوم نفسه محادثات": "في" before a date
         * tells when, not where he serves.) */
        int office_in = end < c->t->n && (lia_token_matches(tok(c, end), "لدى")
                                          || (lia_token_matches(tok(c, end), "في")
                                              && !(end + 1 < c->t->n && c->date_end[end + 1] > end + 1)));
        /* "المبعوث الخاص للرئيس الروسي": whom an office serves. */
        office_in |= tok(c, i)->n_forms > 1 && strncmp(tok(c, i)->norm, "ل", 2) == 0;
        /* "والمبعوث الخاص للولايات المتحدة وسفيرها لدى ليبيا X": an
         * envoy's title goes on with the country that sent him. */
        office_in |= serves_someone(c, ti_idx) && end < c->t->n && same_sentence(c, i, end)
                     && strncmp(tok(c, end)->norm, "ل", 2) == 0 && gaz_ref(c, end, LIA_G_COUNTRY, NULL);
        /* "والممثل الشخصي لملك البحرين X": whom the qualified office
         * serves comes next, then the holder's name. */
        office_in |= after > title_end && end < c->t->n && same_sentence(c, i, end)
                     && strncmp(tok(c, end)->norm, "ل", 2) == 0;
        if (!free_run || !ends || apposition || office_in)
            continue;
        lia_mention *mm = new_mention(c, i, end, LIA_T_PERSON);
        set_identity(c, mm, "", "", "", nl ? c->r->countries.v[nci].code : "");
        mm->title = ti_idx;
        mm->titled_ref = 1;
        for (size_t w = i; w < end; w++)
            c->covered[w] = (int)c->m->mentions.n;
        i = end - 1;
    }
}

/* (resolve.c's last_heir_of_country finds the person the same way.)
 * The country of the last crown prince named before token i: a person
 * with a crown prince's title right before, in or right after his name
 * ("ولي العهد السعودي الأمير X"), or NULL. */
static const char *heir_country_before(const ctx *c, size_t i)
{
    const lia_mention *best = NULL;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *p = &c->m->mentions.v[k];
        if (p->type != LIA_T_PERSON || p->inner || !p->key[0] || p->last > i || (best && p->first < best->first))
            continue;
        /* The title right before his name (a nisba and styles between)
         * or right after it: not one further on ("X يبحث مع ولي العهد"). */
        for (size_t t = p->first > 4 ? p->first - 4 : 0; t <= p->last + 1 && t < i; t++) {
            int hl = lex(c, t, c->cls.heir);
            if (hl > 0 && (t >= p->last || !covered_between(c, t + (size_t)hl, p->first))) {
                best = p;
                break;
            }
        }
    }
    return best ? best->country : NULL;
}

/* "واستقبل ولي العهد أمير قطر X": a crown prince's title alone before
 * another's title of another country than the crown prince named before
 * is a reference to him, not a title of the one after ("ولي العهد وزير
 * الدفاع السعودي X" is one person). */
static void find_heir_refs_before_titles(ctx *c)
{
    for (size_t i = 0; i < c->t->n; i++) {
        int len = lex(c, i, c->cls.heir);
        size_t j = i + (size_t)len;
        if (len <= 0 || j >= c->t->n || c->covered[i] || !titled_person_starts_at(c, j) || joined_by_waw(c, j))
            continue;
        const lia_mention *next = &c->m->mentions.v[c->covered[j] - 1];
        const char *heir_cc = heir_country_before(c, i);
        if (!next->country[0] || !heir_cc || !heir_cc[0] || !strcmp(heir_cc, next->country))
            continue;
        lia_mention *mm = new_mention(c, i, j, LIA_T_PERSON);
        set_identity(c, mm, "", "", "", "");
        mm->anaphor = 1;
        for (size_t w = i; w < j; w++)
            c->covered[w] = (int)c->m->mentions.n;
    }
}

/* The top mention (not inner) that starts at token i, or NULL.  The
 * mentions are not sorted yet: a linear search, for the rare callers. */
static lia_mention *unsorted_mention_at(ctx *c, size_t i)
{
    for (size_t k = 0; k < c->m->mentions.n; k++)
        if (c->m->mentions.v[k].first == i && !c->m->mentions.v[k].inner)
            return &c->m->mentions.v[k];
    return NULL;
}

/* "مستشار الرئيس الأمريكي جو بايدن للأمن القومي جيك سوليفان": an
 * adviser's or envoy's title, the principal it serves (a known person
 * with his title), the affairs led by ل, then the adviser's own name.
 * The adviser's mention takes the title; the principal is whose adviser
 * he is, no party. */
static void find_advisers_of_named_principals(ctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        lia_mention *p = &c->m->mentions.v[k];
        int ti;
        if (p->type != LIA_T_PERSON || p->inner || !p->key[0] || p->first == 0)
            continue;
        /* (The title may be of two words: "كبير مستشاري الرئيس".) */
        size_t t = p->first - 1;
        if (t > 0 && !c->covered[t - 1] && gaz_ref(c, t - 1, LIA_G_TITLE, NULL) == 2)
            t--;
        if (c->covered[t] || gaz_ref(c, t, LIA_G_TITLE, &ti) != (int)(p->first - t) || !serves_someone(c, ti)
            || p->last >= c->t->n || !same_sentence(c, t, p->last) || c->covered[p->last]
            || !led_by_preposition(tok(c, p->last)) || strncmp(tok(c, p->last)->norm, "ل", 2) != 0)
            continue;
        size_t j = p->last + 1;
        while (j < p->last + 4 && j < c->t->n && same_sentence(c, t, j) && !c->covered[j]
               && tok(c, j)->kind == LIA_TOK_WORD)
            j++;
        /* ... the name set off by a comma: "للشؤون الأفريقية، مسعد بولس". */
        if (is_punct(c, j, ","))
            j++;
        lia_mention *q = j < c->t->n ? unsorted_mention_at(c, j) : NULL;
        if (!q || q->type != LIA_T_PERSON || !same_sentence(c, t, j))
            continue;
        size_t qi = (size_t)(q - c->m->mentions.v);
        q->role = mention_text(c, t, j);
        q->title = ti;
        q->office = keep(c, c->r->titles.v[ti].office);
        q->official = 1;
        q->first = t;
        p = &c->m->mentions.v[k];
        p->inner = 1;
        p->possessor = 1;
        for (size_t w = t; w < q->last; w++)
            c->covered[w] = (int)qi + 1;
    }
}

/* "رئيسا توغو فور غناسينغبي وبنين توماس بوني يايي": a dual title shared by
 * two country-and-name pairs.  Each name takes the title with its country
 * (its country becomes part of it, no place of its own). */
static void find_shared_dual_titles(ctx *c)
{
    for (size_t t = 0; t + 4 < c->t->n; t++) {
        if (!lex(c, t, c->cls.dual_officials))
            continue;
        lia_mention *pair[2][2];   /* [k][0] the country, [k][1] the person */
        size_t at = t + 1;
        int k;
        for (k = 0; k < 2; k++) {
            lia_mention *cm = unsorted_mention_at(c, at);
            lia_mention *pm = cm ? unsorted_mention_at(c, cm->last) : NULL;
            if (!cm || cm->type != LIA_T_COUNTRY || !pm || pm->type != LIA_T_PERSON || !pm->key[0]
                || (k == 1 && !tok(c, at)->has_conj) || !same_sentence(c, t, pm->last - 1))
                break;
            pair[k][0] = cm;
            pair[k][1] = pm;
            at = pm->last;
        }
        if (k < 2)
            continue;
        for (k = 0; k < 2; k++) {
            lia_mention *cm = pair[k][0], *pm = pair[k][1];
            size_t from = k == 0 ? t : cm->first;
            char *title = mention_text(c, t, t + 1), *country = mention_text(c, cm->first, cm->last);
            char *role = xasprintf("%s %s", title, country);
            pm->role = keep(c, role);
            free(role);
            if (!pm->office[0])
                pm->office = keep(c, "head");
            pm->official = 1;
            pm->first = from;
            cm->inner = 1;
        }
        t = at - 1;
    }
}

/* Has the official of key ever held an office in body, by the rules? */
static int ever_held(const ctx *c, const char *key, const char *body)
{
    const lia_gaz_ref *g = lia_rules_lookup(c->r, key);
    const lia_role_refs *roles = body[0] ? lia_rules_roles_of(c->r, body) : NULL;
    for (size_t q = 0; g && g->kind == LIA_G_PERSON && roles && q < roles->n; q++)
        if (roles->v[q].official == (int)g->index)
            return 1;
    return 0;
}

/* Has the official of key ever held the office title mention pm names?
 * (A head of government or state holds it of his country.) */
static int ever_held_title(const ctx *c, const char *key, const lia_mention *pm)
{
    return ever_held(c, key, pm->bodies[0])
           || ((!strcmp(pm->office, "head-of-government") || !strcmp(pm->office, "head-of-state"))
               && ever_held(c, key, pm->country));
}

/* "رئيس مجلس الوزراء بالإنابة ووزير الدفاع ووزير الداخلية الشيخ X":
 * offices naming no one, joined by و to a named official's title right
 * after them, are his when the rules know him in that office or he holds
 * it in acting (a modifier "بالإنابة" may close each).  His mention takes
 * them in; they become inner.  Run before the mentions are sorted. */
static void fold_leading_offices(ctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        lia_mention *nm = &c->m->mentions.v[k];
        if (nm->type != LIA_T_PERSON || nm->inner || !nm->key[0] || nm->title < 0)
            continue;
        for (int folded = 1; folded;) {
            folded = 0;
            for (size_t q = 0; q < c->m->mentions.n && nm->first > 0 && joined_by_waw(c, nm->first); q++) {
                lia_mention *pm = &c->m->mentions.v[q];
                if (q == k || pm->inner || pm->type != LIA_T_PERSON || pm->key[0] || !pm->role || !pm->role[0]
                    || !pm->bodies[0] || pm->last > nm->first || pm->last + 4 < nm->first
                    || (pm->country[0] && nm->country[0] && strcmp(pm->country, nm->country) != 0))
                    continue;
                size_t gap = pm->last;
                int acting = 0, l;
                while (gap < nm->first && (l = lex(c, gap, c->cls.office_modifier)) > 0) {
                    acting |= lex(c, gap, c->cls.acting) > 0;
                    gap += (size_t)l;
                }
                if (gap != nm->first || (!acting && !ever_held_title(c, nm->key, pm)))
                    continue;
                pm->inner = 1;
                nm->first = pm->first;
                for (int b = 0; b < 2 && pm->bodies[b] && !acting; b++) {
                    if (!nm->bodies[0])
                        nm->bodies[0] = pm->bodies[b];
                    else if (!nm->bodies[1] && strcmp(nm->bodies[0], pm->bodies[b]) != 0)
                        nm->bodies[1] = pm->bodies[b];
                }
                folded = 1;
            }
        }
    }
}

/* "وزيرا الخارجية الروسي X والأمريكي Y": a dual title with the kind of
 * body both hold, each name after his own nisba.  Each heads his
 * country's body of that kind (named by the title's words, inner). */
static void find_dual_titles_of_a_kind(ctx *c)
{
    for (size_t t = 0; t + 4 < c->t->n; t++) {
        int ki, kl;
        if (!lex(c, t, c->cls.dual_officials) || !(kl = gaz_ref(c, t + 1, LIA_G_KIND, &ki)))
            continue;
        size_t kind_first = t + 1, at = kind_first + (size_t)kl;
        for (int n = 0; n < 4 && at < c->t->n; n++) {
            int ci, nl = nisba_at(c, at, &ci);
            if (!nl || (n > 0 && !tok(c, at)->has_conj))
                break;
            lia_mention *pm = unsorted_mention_at(c, at + (size_t)nl);
            if (!pm || pm->type != LIA_T_PERSON || !pm->key[0] || pm->bodies[0]
                || !same_sentence(c, t, pm->last - 1))
                break;
            size_t person_last = pm->last;
            body b;
            memset(&b, 0, sizeof b);
            kind_agency(c, ki, ci, kind_first, at, &b);
            pm->office = keep(c, "head");
            pm->bodies[0] = keep(c, b.key);
            pm->official = 1;
            lia_mention *am = new_mention(c, kind_first, kind_first + (size_t)kl, LIA_T_AGENCY);
            set_identity(c, am, b.key, b.name, b.latin, b.country);
            am->inner = 1;
            body_release(&b);
            at = person_last;
        }
    }
}

static int cmp_mentions(const void *a, const void *b);

/* "رئيس مجلس شورى حركة حماس X"، "القيادي في حركة حماس X": an
 * organization named inside an office told right before a person's name
 * is part of his title (inner), no argument of the sentence; the person's
 * mention takes the title in.  Mentions are sorted, and stay so. */
static void orgs_in_titles_before_names(ctx *c)
{
    lia_mention *v = c->m->mentions.v;
    size_t n = c->m->mentions.n;
    int moved = 0;
    for (size_t k = 0; k < n; k++) {
        if (v[k].type != LIA_T_ORG || v[k].inner)
            continue;
        size_t q = k + 1;
        while (q < n && v[q].inner)
            q++;
        if (q >= n || v[q].type != LIA_T_PERSON || !v[q].key[0] || v[q].first != v[k].last)
            continue;
        /* A title word at most four words before it, in its sentence,
         * with no other mention between. */
        size_t title = SIZE_MAX;
        for (size_t s = v[k].first; title == SIZE_MAX && s > 0 && s + 4 > v[k].first
                                    && same_sentence(c, s - 1, v[k].first); s--) {
            if (k > 0 && !v[k - 1].inner && v[k - 1].last > s - 1)
                break;
            if (gaz_ref(c, s - 1, LIA_G_TITLE, NULL))
                title = s - 1;
        }
        if (title == SIZE_MAX)
            continue;
        v[k].inner = 1;
        if (!v[q].role || !v[q].role[0])
            v[q].role = mention_text(c, title, v[k].last);
        v[q].official = 1;
        v[q].first = title;
        moved = 1;
    }
    if (moved)
        qsort(v, n, sizeof *v, cmp_mentions);
}

static int cmp_mentions(const void *a, const void *b)
{
    const lia_mention *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->inner != y->inner)
        return x->inner - y->inner;
    return x->last > y->last ? -1 : x->last < y->last;
}

/* ---------------------------------------------------------------- patterns */

typedef struct {
    const ctx *c;
    const lia_pattern *p;
    size_t sent_last;
    size_t anchor_el, anchor_pos;
    int as[16];
    int n_a;
    int b[16];
    int n_b;
} pmatch;

static int top_mention(const ctx *c, size_t i)
{
    return i < c->t->n ? c->m->mention_at[i] - 1 : -1;
}

static int type_ok(const ctx *c, int mi, int types)
{
    const lia_mention *mm = &c->m->mentions.v[mi];
    if (types & LIA_T_PARTY)
        return mm->type == LIA_T_PERSON || mm->delegation;
    if (!(mm->type & types))
        return 0;
    /* A delegation stands for its country as a party, never as a place. */
    if (mm->delegation && !(types & LIA_T_PERSON))
        return 0;
    /* A bare country mention is a party only when it stands for its
     * people (a list of countries, a delegation): any country counts. */
    return 1;
}

static int match_from(pmatch *pm, size_t el, size_t pos);

/* Does a mention start at token i? */
static int mention_starts_at(const ctx *c, size_t i)
{
    int mi = top_mention(c, i);
    return mi >= 0 && c->m->mentions.v[mi].first == i;
}

/* "ولي عهد أبوظبي"، "وولي عهد البحرين": the crown prince of a place
 * named by a mention, before his name.  Its length, or 0. */
static size_t crown_prince_of(const ctx *c, size_t j)
{
    if (j + 2 >= c->t->n || !lia_token_matches(tok(c, j), "ولي") || !lia_token_matches(tok(c, j + 1), "عهد")
        || !mention_starts_at(c, j + 2) || !same_sentence(c, j, j + 2))
        return 0;
    const lia_mention *pm = &c->m->mentions.v[top_mention(c, j + 2)];
    return pm->type & LIA_T_PLACE ? pm->last - j : 0;
}

/* "وفد الحكومة السورية برئاسة X"، "والإيراني برئاسة Y": a delegation
 * word with up to five words of its own (or a nisba standing for it),
 * then a word of leading, at j.  Where the leader's name starts, or j. */
static size_t delegation_leader_at(const ctx *c, size_t j, size_t sent_last)
{
    size_t k = j;
    int nl = 0;
    /* Past the nisba already ("والإيراني" read as the next item's). */
    size_t l0 = (size_t)lex(c, j, c->cls.led_by);
    if (l0 && j > 0 && nisba_at(c, j - 1, NULL) == 1 && j + l0 < sent_last && mention_starts_at(c, j + l0))
        return j + l0;
    if (lex(c, j, c->cls.delegation))
        k = j + (size_t)lex(c, j, c->cls.delegation);
    else if ((nl = nisba_at(c, j, NULL)))
        k = j + (size_t)nl;
    else
        return j;
    for (size_t limit = k + (nl ? 0 : 5); k < sent_last && k <= limit; k++) {
        size_t l = (size_t)lex(c, k, c->cls.led_by);
        if (l && k + l < sent_last && mention_starts_at(c, k + l))
            return k + l;
        const lia_token *tk = tok(c, k);
        if (tk->kind != LIA_TOK_WORD || (k > j && tk->has_conj))
            return j;
        /* "وفد الحوثيين"، "الوفد الروسي": a country or a group is the
         * delegation's own; a person is an item of his own. */
        int mi = top_mention(c, k);
        if (mi >= 0 && !(c->m->mentions.v[mi].type & (LIA_T_COUNTRY | LIA_T_ORG)))
            return j;
    }
    return j;
}

/* The person (not inside another mention) whose mention ends just before
 * token t, or NULL. */
static const lia_mention *person_ending_at(const ctx *c, size_t t)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->last == t && !mm->inner && mm->type == LIA_T_PERSON)
            return mm;
    }
    return NULL;
}

/* Is token i "من" or "عن" written apart, a preposition that may lead each
 * item of a list ("من الأمير X، ومن الأمين العام Y")? */
static int repeatable_preposition(const ctx *c, size_t i)
{
    const char *w = tok(c, i)->norm;
    return tok(c, i)->kind == LIA_TOK_WORD && (!strcmp(w, "من") || !strcmp(w, "عن"));
}

/* "التقت الرئيس X في قصر بعبدا ورئيس الحكومة Y في السراي": after a
 * person met, where he was met (a few words after في, no punctuation but
 * a comma right before the next: "في قصر بعبدا، ورئيس مجلس النواب Y"),
 * then the next titled person joined by و.  Returns the token of that
 * next person, or j when the list does not go on so. */
static size_t past_where_item_was_met(const ctx *c, size_t j, size_t last)
{
    if (j + 2 >= last || !lia_token_matches(tok(c, j), "في"))
        return j;
    for (size_t k = j + 2; k < last && k <= j + 4; k++) {
        int comma_before_next = k > j + 2 && is_punct(c, k - 1, ",") && tok(c, k)->has_conj;
        if (tok(c, k - 1)->kind != LIA_TOK_WORD && !comma_before_next)
            return j;
        int m = top_mention(c, k);
        if (m < 0 || c->m->mentions.v[m].type != LIA_T_PERSON) {
            if (comma_before_next)
                return j;
            continue;
        }
        const lia_mention *next = &c->m->mentions.v[m];
        return next->first == k && tok(c, k)->has_conj && next->role && next->role[0] ? k : j;
    }
    return j;
}

/* "الرئيس عون في قصر بعبدا": a title that named its holder without the
 * surname after it (a surname of two officials), then where he was met.
 * Returns the token of "في" past that surname, or j. */
static size_t past_surname_left_out(const ctx *c, size_t j, size_t last)
{
    const lia_mention *pm = j + 1 < last ? person_ending_at(c, j) : NULL;
    if (!pm || pm->key[0] || tok(c, j)->kind != LIA_TOK_WORD || tok(c, j)->has_conj || any_lex(c, j) || c->gaz[j]
        || !lia_token_matches(tok(c, j + 1), "في"))
        return j;
    return j + 1;
}

/* "رئيس إقليم كردستان نيجيرفان بارزاني": a title that named no one
 * (mention mi), then plain words of where it governs and a known person:
 * that person is the one the title names.  His mention, or mi. */
static int named_after_title(const ctx *c, int mi, size_t last)
{
    const lia_mention *tm = &c->m->mentions.v[mi];
    if (tm->type != LIA_T_PERSON || tm->key[0] || !tm->role || !tm->role[0])
        return mi;
    for (size_t k = tm->last; k < last && k < tm->last + 4; k++) {
        int m = top_mention(c, k);
        if (m >= 0 && c->m->mentions.v[m].first == k)
            return k > tm->last && c->m->mentions.v[m].type == LIA_T_PERSON && c->m->mentions.v[m].key[0] ? m : mi;
        if (tok(c, k)->kind != LIA_TOK_WORD || tok(c, k)->has_conj || any_lex(c, k) || c->date_end[k] > k)
            return mi;
    }
    return mi;
}

/* After a list item ending at pos: the next item's mention, past
 * separators (",", "و", "فضلا عن", "كلا من"), or -1.  lead: the token of
 * the preposition before the list's first item, or SIZE_MAX; the same
 * preposition joined by و leads the next item too. */
static int next_list_item(const pmatch *pm, size_t pos, int types, size_t lead)
{
    const ctx *c = pm->c;
    size_t j = pos;
    int seen = 0;
    size_t l0;
    /* "X نائب رئيس الشرطة والأمن العام في دبي، وY": past the place that
     * closes an office told after the name, to the comma. */
    int pl = j + 2 < pm->sent_last && lia_token_matches(tok(c, j), "في") ? top_mention(c, j + 1) : -1;
    if (pl >= 0 && (c->m->mentions.v[pl].type & LIA_T_PLACE) && c->m->mentions.v[pl].last < pm->sent_last
        && is_punct(c, c->m->mentions.v[pl].last, ","))
        j = c->m->mentions.v[pl].last;
    /* "بعد زيارة X في يناير الماضي، وY مطلع فبراير": past the date of
     * the item's own occasion, to the comma. */
    size_t dated = j < pm->sent_last && lia_token_matches(tok(c, j), "في") ? j + 1 : j;
    if (dated < pm->sent_last && c->date_end[dated] > dated && c->date_end[dated] < pm->sent_last
        && is_punct(c, c->date_end[dated], ","))
        j = c->date_end[dated];
    if (types & LIA_T_PERSON)
        j = past_where_item_was_met(c, past_surname_left_out(c, j, pm->sent_last), pm->sent_last);
    /* "بالملك X عاهل المملكة الأردنية الهاشمية ورئيس دولة فلسطين Y": an
     * office of X's country told right after his name, naming no one of
     * its own, is X's; the list goes on after it. */
    const lia_mention *named = j < pm->sent_last ? person_ending_at(c, j) : NULL;
    int office_after = named && named->key[0] ? top_mention(c, j) : -1;
    if (office_after >= 0) {
        const lia_mention *om = &c->m->mentions.v[office_after];
        if (om->first == j && om->type == LIA_T_PERSON && !om->key[0] && om->role && om->role[0]
            && !tok(c, j)->has_conj && om->country[0] && !strcmp(om->country, named->country))
            j = om->last;
    }
    /* "X بصفته رئيس المجموعة الرباعية، وY": past the capacity he came
     * in, to the comma that closes it. */
    if (j < pm->sent_last && lex(c, j, c->cls.capacity)) {
        size_t k = j + 1;
        while (k < pm->sent_last && k < j + 12 && !is_punct(c, k, ","))
            k++;
        if (k < pm->sent_last && is_punct(c, k, ","))
            j = k;
    }
    /* "X، الذي خصته ميلوني بلقاء، وY": past a relative clause, to the
     * comma that closes it. */
    /* ... and, in a list of places, past a clause of what was done there:
     * "إلى تونس، حيث وقع وثيقة مماثلة، ثم إلى الجزائر". */
    if (j + 1 < pm->sent_last && is_punct(c, j, ",")
        && (lex(c, j + 1, c->cls.relative) || ((types & LIA_T_PLACE) && lex(c, j + 1, c->cls.clause_link)))) {
        size_t k = j + 2;
        while (k < pm->sent_last && k < j + 16 && !is_punct(c, k, ","))
            k++;
        /* ... not when the clause ends on a person of its own: "ومثلها X،
         * الذي التقى على هامشها نظيره Y، ووزير الخارجية Z" lists whom X
         * met, not more of those who represented it. */
        if (k < pm->sent_last && is_punct(c, k, ",") && !((types & LIA_T_PERSON) && person_ending_at(c, k)))
            j = k;
    }
    /* "محمد علوش القيادي في «جيش الإسلام»، ووفد ...": past an office
     * told after the name (naming nobody else), to the comma. */
    /* ... and "X، وزير الشؤون الخارجية لبوركينا فاسو، وY": after a comma. */
    /* ... and the rest of an office told before the name's item ends:
     * "X، وزير الشؤون الخارجية والتعاون الإقليمي والبوركينابيين بالخارج
     * لبوركينا فاسو، وY". */
    /* ... and "X، مساعد وزير الداخلية لقطاع الأمن العام، وY": the office
     * goes on with the field it is for, led by ل, in a construct with a
     * definite word (not "X لقاءات ثنائية"). */
    size_t t0 = j < pm->sent_last && is_punct(c, j, ",") ? j + 1 : j;
    int office_for = office_word(c, j, 1) && strncmp(tok(c, j)->norm, "ل", 2) == 0
                     && !lex(c, j, c->cls.met_noun) && j + 1 < pm->sent_last && has_article(tok(c, j + 1));
    const lia_mention *pe = t0 == j && (office_word(c, j, 0) || office_for) ? person_ending_at(c, j) : NULL;
    int office_goes_on = pe && pe->role && pe->role[0];
    /* ... and "X وزير المالية ووزير الخزانة الأمريكي Y": an office right
     * after a name the scan gave none. */
    const lia_mention *pt = t0 == j && gaz_ref(c, j, LIA_G_TITLE, NULL) ? person_ending_at(c, j) : NULL;
    int bare_office = pt && !(pt->role && pt->role[0]);
    /* ... and "X الأمين العام لمجلس التعاون والممثل الأعلى ... Y" when the
     * scan gave X that office: the next item's own title opens right after. */
    const lia_mention *pr = t0 == j && t0 < pm->sent_last ? person_ending_at(c, j) : NULL;
    int next_item_title = pr && pr->role && pr->role[0] && tok(c, t0)->has_conj
                          && gaz_ref(c, t0, LIA_G_TITLE, NULL);
    if (t0 < pm->sent_last && top_mention(c, t0) < 0
        && (office_goes_on || bare_office
            || ((t0 > j || has_article(tok(c, t0))) && gaz_ref(c, t0, LIA_G_TITLE, NULL)))) {
        size_t k = t0 + 1, next_title = 0;
        while (k < pm->sent_last && k < t0 + 14
               && (tok(c, k)->kind != LIA_TOK_PUNCT || is_punct(c, k, "\""))
               && (top_mention(c, k) < 0 || c->m->mentions.v[top_mention(c, k)].type != LIA_T_PERSON)) {
            /* "X الأمين العام لمجلس التعاون والممثل الأعلى ... Y": the
             * next item's own title, joined by و; or its style: "X أمير
             * البلاد المفدى وفخامة الرئيس Y". */
            if (!next_title && tok(c, k)->has_conj
                && (gaz_ref(c, k, LIA_G_TITLE, NULL) || lex(c, k, c->cls.honorific)))
                next_title = k;
            k++;
        }
        /* "X، ونائب رئيس الوزراء لشؤون العلاقات والتعاون الدولي في سلطنة
         * عمان السيد Y": after a comma, a title joined by و is the next
         * item's, whose holder ends it. */
        int joined_after_comma = t0 > j && joined_by_waw(c, t0);
        if (k < pm->sent_last && is_punct(c, k, ","))
            j = k;
        else if ((bare_office || next_item_title || joined_after_comma) && k < pm->sent_last && mention_starts_at(c, k)
                 && (tok(c, k)->has_conj || next_title || next_item_title || joined_after_comma)) {
            j = k;
            seen = 1;
        }
    }
    for (int g = 0; g < 4 && j < pm->sent_last; g++) {
        size_t l;
        if (is_punct(c, j, ",") || is_punct(c, j, "(") || is_punct(c, j, ")")
            || is_punct(c, j, "\"")) {
            j++;
            seen = 1;
        } else if ((l = (size_t)lex(c, j, c->cls.list_sep)) || (l = (size_t)lex(c, j, c->cls.list_intro))
                   || ((tok(c, j)->has_conj || seen) && (l = (size_t)lex(c, j, c->cls.with)))
                   || ((tok(c, j)->has_conj || seen) && (types & LIA_T_PLACE) && !(types & LIA_T_PERSON)
                       && (l = (size_t)lex(c, j, c->cls.to)))) {
            /* "بحث مع X ومع Y"، "مع X، ثم مع Y": the repeated preposition
             * joins the list too; so does "إلى" in a list of places ("إلى
             * تونس ثم إلى الجزائر"). */
            j += l;
            seen = 1;
        } else if (lead != SIZE_MAX && tok(c, j)->has_conj && tok(c, j)->n_forms > 1
                   && lia_token_matches(tok(c, j), tok(c, lead)->norm)) {
            j++;                     /* "من X، ومن Y" */
            seen = 1;
        } else if ((l = (size_t)lex(c, j, c->cls.side_of)) && nisba_at(c, j + l, NULL)) {
            /* "X وY، ومن الجانب الأمريكي Z وW": the other side's persons
             * are more items. */
            j += l + (size_t)nisba_at(c, j + l, NULL);
            seen = 1;
        } else {
            break;
        }
    }
    /* "المفوضان الأوروبيان للشؤون الداخلية X، ولسياسة الجوار Y": after a
     * comma, the next item led by its own portfolio (و and ل, then words
     * of an office the rules do not know). */
    if (seen && j < pm->sent_last && !mention_starts_at(c, j) && tok(c, j)->has_conj
        && tok(c, j)->n_forms > 1 && strncmp(tok(c, j)->norm, "\xd9\x88\xd9\x84", 4) == 0) {
        size_t k = j + 1;
        while (k < pm->sent_last && k < j + 5 && office_word(c, k, 0))
            k++;
        if (k < pm->sent_last && mention_starts_at(c, k) && c->m->mentions.v[top_mention(c, k)].type == LIA_T_PERSON)
            j = k;
    }
    /* "X وY، ونظيريهما التركيين Z وW": the counterparts are more items. */
    size_t cl;
    /* ... also joined by و alone: "X ووزير الخارجية Y ونظراؤهما الروسي Z". */
    if (j < pm->sent_last && !mention_starts_at(c, j) && tok(c, j)->has_conj
        && (cl = (size_t)lex(c, j, c->cls.counterpart))) {
        size_t nl2 = (size_t)nisba_at(c, j + cl, NULL);
        if (nl2 && j + cl + nl2 < pm->sent_last && mention_starts_at(c, j + cl + nl2))
            j += cl + nl2;
    }
    /* "ونظيراه التركي X والسوري Y": a nisba with و opens the next item. */
    int nci;
    size_t nl;
    if (j < pm->sent_last && !mention_starts_at(c, j) && tok(c, j)->has_conj
        && (nl = (size_t)nisba_at(c, j, &nci)) && j + nl < pm->sent_last) {
        j += nl;
        seen = 1;
    }
    /* "، وأمناء مجالس الأمن في طاجيكستان X، وقرغيزستان Y": a plural
     * title opens the items of persons each led by his country. */
    if (!(types & LIA_T_COUNTRY) && j < pm->sent_last && tok(c, j)->has_conj && !mention_starts_at(c, j)
        && (l0 = (size_t)lex(c, j, c->cls.officials_of))) {
        size_t k = j + l0;
        while (k < pm->sent_last && k < j + 6 && !mention_starts_at(c, k) && tok(c, k)->kind == LIA_TOK_WORD)
            k++;
        int ci = k < pm->sent_last && mention_starts_at(c, k) ? top_mention(c, k) : -1;
        size_t after = ci >= 0 ? c->m->mentions.v[ci].last : 0;
        if (ci >= 0 && c->m->mentions.v[ci].type == LIA_T_COUNTRY && after < pm->sent_last
            && mention_starts_at(c, after) && c->m->mentions.v[top_mention(c, after)].type == LIA_T_PERSON) {
            j = after;
            seen = 1;
        }
    }
    /* "وزراء خارجية الأردن X والعراق Y ومصر Z": a list of persons each
     * led by his country. */
    if (!(types & LIA_T_COUNTRY) && j < pm->sent_last && tok(c, j)->has_conj && mention_starts_at(c, j)) {
        int ci = top_mention(c, j);
        size_t after = c->m->mentions.v[ci].last;
        if (c->m->mentions.v[ci].type == LIA_T_COUNTRY && after < pm->sent_last && mention_starts_at(c, after)
            && c->m->mentions.v[top_mention(c, after)].type == LIA_T_PERSON) {
            j = after;
            seen = 1;
        }
    }
    /* "X، ووفد الفصائل برئاسة Y، والتركي برئاسة Z": a delegation (or
     * its nisba alone) and who leads it is the next item. */
    if (j < pm->sent_last && (seen || tok(c, j)->has_conj) && !(types & LIA_T_COUNTRY)) {
        size_t lb = delegation_leader_at(c, j, pm->sent_last);
        if (lb > j) {
            j = lb;
            seen = 1;
        }
    }
    /* "وقائد القيادة الغربية لمينداناو اللواء X": an office joined by و
     * that no mention covers (its body is unknown), then a rank and the
     * name, is the next item; so is the office before a bare name the
     * story gave earlier ("ورئيس الوزراء الكاظمي"). */
    if (j < pm->sent_last && tok(c, j)->has_conj && !mention_starts_at(c, j) && gaz_ref(c, j, LIA_G_TITLE, NULL)) {
        size_t k = j + 1;
        while (k < pm->sent_last && k < j + 8 && tok(c, k)->kind == LIA_TOK_WORD && !tok(c, k)->has_conj
               && !mention_starts_at(c, k) && !lex(c, k, c->cls.honorific))
            k++;
        size_t r = k;
        while (r < pm->sent_last && r < k + 3 && !mention_starts_at(c, r) && lex(c, r, c->cls.honorific))
            r += (size_t)lex(c, r, c->cls.honorific);
        int pi = r < pm->sent_last && mention_starts_at(c, r) ? top_mention(c, r) : -1;
        if (pi >= 0 && c->m->mentions.v[pi].type == LIA_T_PERSON
            && (r > k || !c->m->mentions.v[pi].role || !c->m->mentions.v[pi].role[0])) {
            j = r;
            seen = 1;
        }
    }
    /* Honorifics before a name ("ومعالي الشيخ ..."), unless a mention
     * starts with one ("المفوض العام ..."). */
    size_t h;
    /* ... and styles ("ومستشار جلالة الملك X"). */
    /* ... and "ولي عهد أبوظبي" (the crown prince of a place). */
    while (j < pm->sent_last && !mention_starts_at(c, j)
           && ((h = crown_prince_of(c, j)) || (h = (size_t)lex(c, j, c->cls.honorific))
               || (h = (size_t)lex(c, j, c->cls.style)))) {
        j += h;
        seen |= tok(c, j - h)->has_conj;
    }
    int ni = j < pm->sent_last ? top_mention(c, j) : -1;
    int conj = j < pm->sent_last && tok(c, j)->has_conj;
    if (ni < 0 || c->m->mentions.v[ni].first != j || !(seen || conj) || !type_ok(c, ni, types))
        return -1;
    return ni;
}

/* "سلف السيد X على رأس الوزارة، Y": is the person at token i, maybe
 * styled, the one whose predecessor is told (no party: Y is)?  Not after
 * "سلفه": "سلفه X" names the predecessor himself. */
static int predecessor_of_named(const ctx *c, size_t i)
{
    size_t k = i;
    while (k > 0 && k + 3 > i && same_sentence(c, k - 1, i) && lex(c, k - 1, c->cls.honorific))
        k--;
    return k > 0 && same_sentence(c, k - 1, i) && lex(c, k - 1, c->cls.predecessor_of)
           && !possessive_suffixed(c, k - 1);
}

/* Does "رسالة من" end at most nine words before token i, in its
 * sentence, with no person named between ("رسالة من رئيس المرحلة
 * الانتقالية في مالي الجنرال X")?  Who sent a message was not there. */
static int message_sender(const ctx *c, size_t i)
{
    for (size_t k = i; k > 0 && k + 10 > i && same_sentence(c, k - 1, i); k--) {
        int l = 0;
        for (size_t s = k > 6 ? k - 6 : 0; s < k && !l; s++)
            if (lex(c, s, c->cls.message_from) == (int)(k - s))
                l = 1;
        if (l)
            return 1;
        /* "رسالة من القاهرة إلى الرئيس X": whom it was sent to. */
        if (lia_token_matches(tok(c, k - 1), "الي"))
            return 0;
        if (tok(c, k - 1)->kind != LIA_TOK_WORD || (c->m->mention_at[k - 1]
                                                    && c->m->mentions.v[c->m->mention_at[k - 1] - 1].type == LIA_T_PERSON))
            return 0;
    }
    return 0;
}

/* "وفدا أوفده الرئيس X"، "نيابة عن خادم الحرمين الشريفين الملك X": is
 * the person at i, past his styles, the one who sent someone or on whose
 * behalf someone acted? */
static int sent_by_before(const ctx *c, size_t i)
{
    for (size_t s = i > 8 ? i - 8 : 0; s < i; s++) {
        size_t k = s + (size_t)lex(c, s, c->cls.sent_by), h;
        if (k == s || !same_sentence(c, s, i))
            continue;
        size_t styles = k;
        while (k < i && (h = (size_t)lex(c, k, c->cls.honorific)))
            k += h;
        /* Not a title after the styles: "نيابة عن سمو ولي العهد رئيس
         * مجلس الوزراء X" may glue the styled one's office to the deputy
         * who acted. */
        if (k == i && (k == styles || !gaz_ref(c, i, LIA_G_TITLE, NULL)))
            return 1;
    }
    return 0;
}

/* "بصفته مستشارا للمرشد الأعلى علي خامنئي": is token i a name after the
 * title, led by ل, of whom someone serves? */
static int served_by_someone(const ctx *c, size_t i)
{
    for (size_t s = i > 4 ? i - 4 : 0; s + 1 < i; s++) {
        if (!lex(c, s, c->cls.serving_as) || !same_sentence(c, s, i) || strncmp(tok(c, s + 1)->norm, "ل", 2) != 0)
            continue;
        int tl = gaz_ref(c, s + 1, LIA_G_TITLE, NULL);
        if (!tl)
            tl = lex(c, s + 1, c->cls.honorific);
        if (tl && s + 1 + (size_t)tl == i)
            return 1;
    }
    return 0;
}

/* "مدير مكتب وزير الدفاع X"، "المدير العام لمكتب سمو وزير الدفاع X":
 * does the person mention starting at token i open on the title of the
 * principal whose office X directs (a style may stand between)? */
static int directs_office_of_title(const ctx *c, size_t i)
{
    size_t k = i;
    if (k > 0 && lex(c, k - 1, c->cls.style))
        k--;
    if (k < 2 || !lia_token_matches(tok(c, k - 1), "مكتب") || !same_sentence(c, k - 2, i))
        return 0;
    size_t d = k - 2;
    if (d > 0 && lia_token_matches(tok(c, d), "العام"))
        d--;
    return lia_token_matches(tok(c, d), "مدير") || lia_token_matches(tok(c, d), "مديره");
}

/* "المبعوث الخاص للرئيس فلاديمير بوتين": does the person mention at
 * token i open on a title led by ل right after an envoy's or adviser's
 * title (whom the envoy serves)? */
static int served_by_envoy_title(const ctx *c, size_t i)
{
    if (strncmp(tok(c, i)->norm, "لل", 4) != 0 || !gaz_ref(c, i, LIA_G_TITLE, NULL))
        return 0;
    for (size_t s = i > 3 ? i - 3 : 0; s < i; s++) {
        int ti, tl = gaz_ref(c, s, LIA_G_TITLE, &ti);
        if (tl && s + (size_t)tl == i && serves_someone(c, ti) && same_sentence(c, s, i))
            return 1;
    }
    return 0;
}

/* Is token i right after a title word without the article that no
 * mention covers ("مبعوث ترامب"، "ومستشار بوتين")? */
static int possessor_of_title(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i - 1);
    if (tk->kind != LIA_TOK_WORD || has_article(tk) || !same_sentence(c, i - 1, i)
        || gaz_ref(c, i - 1, LIA_G_TITLE, NULL) != 1)
        return 0;
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->first <= i - 1 && mm->last > i - 1)
            return 0;
    }
    return 1;
}

/* "استقبل علييف وعقيلته مهريبان علييفا الرئيس التركي وعقيلته أمينة
 * أردوغان": a person named as someone's spouse goes along with him and is
 * no argument of the sentence's relations (inner). */
static void mark_spouses(ctx *c)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type != LIA_T_PERSON || mm->first == 0 || !same_sentence(c, mm->first - 1, mm->first))
            continue;
        /* ... her given name may be one the gazetteer does not know, and
         * her family name his ("وعقيلته بريجيت ماكرون"). */
        size_t w = mm->first - 1;
        if (!lex(c, w, c->cls.spouse) && w > 0 && tok(c, w)->kind == LIA_TOK_WORD && !any_lex(c, w)
            && !c->gaz[w])
            w--;
        if (lex(c, w, c->cls.spouse))
            mm->inner = 1;
    }
}

/* Is the verb a feminine past ("التقت"، "استقبلت"، "وبحثت")?  Only verbs
 * of meeting and receiving are asked, and none of their masculine past
 * forms ends in ت. */
static int feminine_verb(const lia_token *tk)
{
    size_t n = strlen(tk->norm);
    return n > 6 && !strcmp(tk->norm + n - 2, "ت");
}

/* Is mention mi a person named by a masculine title ("رئيس مجلس
 * الوزراء"، not "رئيسة" nor "السفيرة")? */
static int masculine_title(const ctx *c, int mi)
{
    const lia_mention *mm = &c->m->mentions.v[mi];
    if (mm->type != LIA_T_PERSON || !mm->role || !mm->role[0])
        return 0;
    const char *w = tok(c, mm->first)->norm;
    size_t n = strlen(w);
    return gaz_ref(c, mm->first, LIA_G_TITLE, NULL) && n > 2 && strcmp(w + n - 2, "ه") != 0;
}

/* Is mention mi a person named by a title led by the preposition ب
 * ("يجتمع بنائبة الرئيس X")?  The title as written has no ب of its own. */
static int title_led_by_ba(const ctx *c, int mi)
{
    const lia_mention *mm = &c->m->mentions.v[mi];
    const lia_token *tk = tok(c, mm->first);
    return mm->type == LIA_T_PERSON && mm->role && mm->role[0] && tk->n_forms > 1
           && strncmp(tk->norm, "ب", 2) == 0 && strncmp(mm->role, "ب", 2) != 0;
}

/* Is person mention mi led by the preposition ب ("بكوليبا"، "بنائبة
 * الرئيس X"), not a name that starts with the letter ("بلينكن")? */
static int person_led_by_ba(const ctx *c, int mi)
{
    const lia_mention *mm = &c->m->mentions.v[mi];
    const lia_token *tk = tok(c, mm->first);
    if (mm->type != LIA_T_PERSON || tk->n_forms < 2 || strncmp(tk->norm, "ب", 2) != 0)
        return 0;
    if (title_led_by_ba(c, mi))
        return 1;
    /* "بكل منهما": a word that stands for persons, its ب stripped. */
    if (!mm->name || !mm->name[0]) {
        for (int f = 1; f < tk->n_forms; f++)
            if (!strcmp(tk->forms[f], tk->norm + 2))
                return 1;
        return 0;
    }
    char *name = lia_normalize_str(mm->name);
    size_t n = strlen(tk->norm);
    int own = 0;
    for (const char *w = name ? strstr(name, tk->norm) : NULL; w && !own; w = strstr(w + 1, tk->norm))
        own = (w == name || w[-1] == ' ') && (w[n] == ' ' || w[n] == 0);
    free(name);
    return !own;
}

/* Is the person starting at token start led, within a few words and no
 * mention, by a word of accompanying ("مرفوقا بصاحب السمو الملكي ولي العهد")? */
static int accompanied_by_before(const ctx *c, size_t start)
{
    for (size_t k = start; k > 0 && k + 8 > start; k--) {
        if (lex(c, k - 1, c->cls.accompany))
            return 1;
        if (tok(c, k - 1)->kind != LIA_TOK_WORD || c->m->mention_at[k - 1])
            return 0;
    }
    return 0;
}

/* Does a place led by في ("في ليبيا") end right before token i? */
static int place_in_before(const ctx *c, size_t i)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->last == i && !mm->inner && (mm->type & LIA_T_PLACE) && mm->first > 0
            && same_sentence(c, mm->first - 1, i) && lia_token_matches(tok(c, mm->first - 1), "في"))
            return 1;
    }
    return 0;
}

/* Is body mention mi, at token start, where something took place rather
 * than a party to it: an agency right after في ("يلتقي بوتين في الكرملين")
 * or any body after a building ("استقبله في مقر الاتحاد الإفريقي X")? */
static int venue_body(const ctx *c, int mi, size_t start)
{
    int type = c->m->mentions.v[mi].type;
    if (type != LIA_T_AGENCY && type != LIA_T_ORG)
        return 0;
    const lia_token *before = tok(c, start - 1);
    /* ... or where one goes: "توجه إلى البيت الأبيض حيث التقى X". */
    return (type == LIA_T_AGENCY && (strcmp(before->norm, "في") == 0 || lex(c, start - 1, c->cls.to)))
           || lex(c, start - 1, c->cls.facility) || lia_token_matches(before, "مقر");
}


/* Has pattern p an element of that kind: a class of that index
 * (LIA_P_CLASS) or a capture of that letter (LIA_P_CAPTURE)? */
static int pattern_has(const lia_pattern *p, lia_pelem_kind kind, int which)
{
    for (size_t k = 0; k < p->n_el; k++)
        if (p->el[k].kind == kind
            && (kind == LIA_P_CAPTURE ? p->el[k].capture == which : p->el[k].cls == which))
            return 1;
    return 0;
}

/* "X وزير الداخلية وقائد قوة الأمن الداخلي، اليوم، Y": is mention k a
 * title joined by و right after a named person's office that names no
 * one (punctuation or "قد" after it, not a name the scan missed: "ووزير
 * خارجية النيجر كالا أنكوراو")?  Then it is that person's second office. */
static int second_office(const ctx *c, size_t k)
{
    const lia_mention *mm = &c->m->mentions.v[k];
    if (mm->type != LIA_T_PERSON || mm->inner || mm->key[0] || mm->first == 0 || !joined_by_waw(c, mm->first))
        return 0;
    size_t after = mm->last;
    /* ... or whom they met led by ب: "جمع X وزير الداخلية وقائد قوة الأمن
     * الداخلي (لخويا) بوزير الداخلية الرواندي Y". */
    if (after < c->t->n && tok(c, after)->kind != LIA_TOK_PUNCT && !lex(c, after, c->cls.already)
        && !(mention_starts_at(c, after) && person_led_by_ba(c, top_mention(c, after))))
        return 0;
    for (size_t q = k; q-- > 0;) {
        const lia_mention *pm = &c->m->mentions.v[q];
        if (pm->inner)
            continue;
        /* (An office of another country is another person's: "X
         * ووزير الخارجية السعودي" lists two.) */
        return pm->type == LIA_T_PERSON && pm->key[0] && pm->last == mm->first && !pm->former
               && (!mm->country[0] || !pm->country[0] || !strcmp(mm->country, pm->country));
    }
    return 0;
}

/* Is the pattern's trigger a verb of receiving joined by و with a person
 * named right after it ("..، واستقبل الرئيس علييف الجنرال")?  Such a
 * verb opens a clause of its own whose subject is that person, the host,
 * so no one named before it is its subject.  (After "والتقى" the person
 * is as often whom the subject the story follows met.) */
static int verb_opens_own_clause(const pmatch *pm)
{
    const ctx *c = pm->c;
    size_t at = pm->anchor_pos;
    const lia_token *verb = tok(c, at);
    if (!verb->has_conj || strncmp(verb->norm, "و", 2) != 0)
        return 0;
    int len = lex(c, at, c->cls.receive);
    if (!len || at + (size_t)len >= pm->sent_last)
        return 0;
    int mi = top_mention(c, at + (size_t)len);
    return mi >= 0 && c->m->mentions.v[mi].first == at + (size_t)len
           && c->m->mentions.v[mi].type == LIA_T_PERSON;
}

/* The token after "في" and a place mention at i ("في القاهرة"), or i. */
static size_t place_phrase_end(const ctx *c, size_t i, size_t sent_last)
{
    if (i + 1 >= sent_last || !lia_token_matches(tok(c, i), "في") || !mention_starts_at(c, i + 1))
        return i;
    const lia_mention *mm = &c->m->mentions.v[top_mention(c, i + 1)];
    return mm->type & LIA_T_PLACE ? mm->last : i;
}

/* The token after a day told right after a verb ("، أمس الثلاثاء،"، "بعد
 * ظهر الثلاثاء"، "مساء اليوم") when a person's name follows it, else i. */
static size_t day_before_subject(const ctx *c, size_t i, size_t sent_last)
{
    size_t k = i;
    if (k < sent_last && is_punct(c, k, ","))
        k++;
    /* ... after the place: "لقاء جمع في القاهرة يوم 3 مارس X بنظيره". */
    size_t place = place_phrase_end(c, k, sent_last);
    if (place > k)
        k = place;
    if (k + 1 < sent_last && lia_token_matches(tok(c, k), "بعد") && lex(c, k + 1, c->cls.time_of_day))
        k++;
    while (k < sent_last && lex(c, k, c->cls.time_of_day))
        k++;
    if (k + 1 < sent_last && lex(c, k, c->cls.day_word) && c->date_end[k] <= k && c->date_end[k + 1] > k + 1)
        k++;             /* "يوم 3 مارس" */
    if (k >= sent_last || c->date_end[k] <= k)
        return i;
    k = c->date_end[k];
    if (k < sent_last && is_punct(c, k, ","))
        k++;
    /* ... maybe styled: "جمع أمس الأربعاء سعادة الشيخ X بنظيره". */
    size_t name = k, h;
    while (name < sent_last && !mention_starts_at(c, name) && (h = (size_t)lex(c, name, c->cls.honorific)))
        name += h;
    return name < sent_last && mention_starts_at(c, name)
           && c->m->mentions.v[top_mention(c, name)].type == LIA_T_PERSON ? k : i;
}

/* "ولي عهد أبوظبي الشيخ X": is the place at i the realm of the construct
 * honorific before it, a person named after it?  That person's first
 * token, else i. */
static size_t past_realm_before_person(const ctx *c, size_t i, size_t sent_last)
{
    if (!mention_starts_at(c, i))
        return i;
    const lia_mention *realm = &c->m->mentions.v[top_mention(c, i)];
    if (realm->type != LIA_T_CITY && realm->type != LIA_T_COUNTRY)
        return i;
    size_t k = realm->last, h;
    while (k < sent_last && !mention_starts_at(c, k) && (h = (size_t)lex(c, k, c->cls.honorific)))
        k += h;
    return k < sent_last && mention_starts_at(c, k)
           && c->m->mentions.v[top_mention(c, k)].type == LIA_T_PERSON ? k : i;
}

/* "في البيت الأبيض"، "بقصر الإليزيه": is a body named by its building
 * (an agency with a seat) told at i as a venue, led by في or ب?  The
 * token after it, else i. */
static size_t past_venue_building(const ctx *c, size_t i, size_t end)
{
    int mi = i < end ? top_mention(c, i) : -1;
    if (mi < 0 || c->m->mentions.v[mi].type != LIA_T_AGENCY || c->m->mentions.v[mi].first != i
        || !lia_rules_seat_of(c->r, c->m->mentions.v[mi].key)[0])
        return i;
    int led = (led_by_preposition(tok(c, i)) && strncmp(tok(c, i)->norm, "ب", 2) == 0)
              || (i > 0 && lia_token_matches(tok(c, i - 1), "في"));
    return led ? c->m->mentions.v[mi].last : i;
}

static int match_capture(pmatch *pm, size_t el, size_t pos)
{
    const ctx *c = pm->c;
    const lia_pelem *e = &pm->p->el[el];
    size_t start = pos, h;
    /* "وصل بعد ظهر الثلاثاء X"، "استقبل، أمس، X": the day told between the
     * verb and its subject is skipped. */
    if (e->capture == 'A' && el > 0 && pm->p->el[el - 1].kind == LIA_P_CLASS && !mention_starts_at(c, pos))
        start = day_before_subject(c, pos, pm->sent_last);
    /* Honorifics before a name ("صاحب السمو الشيخ ..."), up to a mention
     * that starts with one (المستشار may open a title, الشيخ a name). */
    while (start < pm->sent_last && !mention_starts_at(c, start)
           && (h = (size_t)lex(c, start, c->cls.honorific)))
        start += h;
    /* "جمعت الرئيسين جو بايدن وفلاديمير بوتين": a dual before the names
     * is their title. */
    if (start < pm->sent_last && !mention_starts_at(c, start) && (h = (size_t)lex(c, start, c->cls.both_sides))
        && e->list)
        start += h;
    /* ... and the country's nisba among them: "ولي العهد السعودي الأمير X". */
    size_t nl;
    if (start > pos && start < pm->sent_last && !mention_starts_at(c, start)
        && (nl = (size_t)nisba_at(c, start, NULL)) && start + nl < pm->sent_last) {
        size_t k = start + nl;
        while (k < pm->sent_last && !mention_starts_at(c, k) && (h = (size_t)lex(c, k, c->cls.honorific)))
            k += h;
        if (k < pm->sent_last && mention_starts_at(c, k) && c->m->mentions.v[top_mention(c, k)].type == LIA_T_PERSON)
            start = k;
    }
    /* ... or the realm a construct honorific names: "ولي عهد أبوظبي الشيخ X". */
    if (start > pos && start < pm->sent_last && !has_article(tok(c, start - 1)))
        start = past_realm_before_person(c, start, pm->sent_last);
    /* "استقبل ماكرون بقصر الإليزيه X": past the building the meeting was
     * in, a body named by it, to whom it names. */
    if (e->capture == 'B')
        start = past_venue_building(c, start, pm->sent_last);
    int mi = start < pm->sent_last ? top_mention(c, start) : -1;
    /* A pattern's opening subject is no preposition's object: in "... مع
     * شمخاني ويلتقي الرئيس" شمخاني is not who meets. */
    if (el == 0 && start > 0 && lex(c, start - 1, c->cls.with))
        mi = -1;
    /* ... so is a person after إلى: in "حمّله تحياته إلى رئيس الوزراء،
     * واستعرض الجانبان" the one greeted is not who met. */
    if (mi >= 0 && el == 0 && start > 0 && lex(c, start - 1, c->cls.to)
        && c->m->mentions.v[mi].type == LIA_T_PERSON)
        mi = -1;
    /* ... nor where one came from: in "قادمة من الهند، والتقت الأمير"
     * الهند is no one who met the prince. */
    if (mi >= 0 && el == 0 && e->capture == 'A' && class_ends_before(c, start, c->cls.origin) != SIZE_MAX
        && (c->m->mentions.v[mi].type == LIA_T_COUNTRY || c->m->mentions.v[mi].type == LIA_T_CITY))
        mi = -1;
    /* ... nor a visit verb's place: in "زار المملكة في سبتمبر والتقى
     * الملك" المملكة is where he went, not who met the king.  A pattern
     * that wants only a place there reads it as such ("يزور مصر منذ زيارة
     * X": the place X visited before). */
    if (mi >= 0 && el == 0 && start > 0 && lex(c, start - 1, c->cls.visit_verb) && (e->types & ~LIA_T_PLACE)
        && (c->m->mentions.v[mi].type == LIA_T_COUNTRY || c->m->mentions.v[mi].type == LIA_T_CITY))
        mi = -1;
    /* "قبل أن يجتمع بنائبة الرئيس X ووزير الخارجية Y": right after a
     * meeting verb, a person led by ب is whom the subject met, not the
     * subject of a pattern that reads one. */
    if (mi >= 0 && e->capture == 'A' && start > 0 && lex(c, start - 1, c->cls.met_verb)
        && title_led_by_ba(c, mi) && pattern_has(pm->p, LIA_P_CAPTURE, 'B'))
        mi = -1;
    /* "يستقبل المفتش العام لوزارة الداخلية": a body led by ل after a
     * definite word no rule reads is that word's complement (an office
     * the rules do not know), not whom the meeting verb names. */
    if (mi >= 0 && e->capture == 'B' && c->m->mentions.v[mi].type == LIA_T_AGENCY && start > 0
        && !strcmp(pm->p->relation, "met") && led_by_preposition(tok(c, start))
        && strncmp(tok(c, start)->norm, "ل", 2) == 0 && tok(c, start - 1)->kind == LIA_TOK_WORD
        && has_article(tok(c, start - 1)) && !c->covered[start - 1] && !any_lex(c, start - 1) && !c->gaz[start - 1])
        mi = -1;
    /* "حلت دولة الإمارات ضيف شرف على الدورة": a place followed by "ضيف
     * شرف" is the guest of honour, the verb's subject, not where anyone
     * went. */
    if (mi >= 0 && e->capture == 'B' && !strcmp(pm->p->relation, "visited")
        && guest_of_honour_at(c, c->m->mentions.v[mi].last))
        mi = -1;
    /* "والتقى سموه فور وصوله X": a styled pronoun right after a meeting
     * verb is its subject, not whom the story's subject met. */
    if (mi >= 0 && e->capture == 'B' && start == pos && start > 0 && lex(c, start - 1, c->cls.met_verb)
        && lex(c, start, c->cls.styled_ref))
        mi = -1;
    /* "مبعوث ترامب يلتقي مادورو": a person after an indefinite title
     * that names no one is whose envoy (adviser, deputy) it is, not a
     * party. */
    if (mi >= 0 && c->m->mentions.v[mi].possessor)
        mi = -1;
    /* "استقبل X وزير الداخلية وقائد قوة الأمن الداخلي، اليوم، Y": X's
     * second office is not whom he received. */
    if (mi >= 0 && e->capture == 'B' && c->m->mentions.v[mi].second_office)
        mi = -1;
    /* "حيث التقت رئيس مجلس الوزراء X": a verb agrees with the subject
     * right after it, so a man named by his title after a feminine verb
     * is its object. */
    if (mi >= 0 && e->capture == 'A' && start == pos && start > 0
        && (lex(c, start - 1, c->cls.met_verb) || lex(c, start - 1, c->cls.receive))
        && feminine_verb(tok(c, start - 1)) && masculine_title(c, mi) && pattern_has(pm->p, LIA_P_CAPTURE, 'B'))
        mi = -1;
    /* "والتقى نظيره العراقي X ورئيس الوزراء Y": "his counterpart" right
     * after the verb is whom its subject met, never that subject. */
    if (mi >= 0 && e->capture == 'A' && start == pos && start > 0
        && (lex(c, start - 1, c->cls.met_verb) || lex(c, start - 1, c->cls.receive))
        && lex(c, c->m->mentions.v[mi].first, c->cls.counterpart) && pattern_has(pm->p, LIA_P_CAPTURE, 'B'))
        mi = -1;
    /* "وفي فرنسا، التقى X": a place after في is where, not who; after
     * إلى ("بزيارة إلى تركيا يلتقي خلالها") it is where one goes. */
    if (mi >= 0 && (e->types & LIA_T_PERSON) && (c->m->mentions.v[mi].type & LIA_T_PLACE)
        && start > 0 && (lia_token_matches(tok(c, start - 1), "في") || lex(c, start - 1, c->cls.to)))
        mi = -1;
    /* ... and so is the place of a visit: "لدى وصوله في زيارة لمصر". */
    if (mi >= 0 && (e->types & LIA_T_PERSON) && (c->m->mentions.v[mi].type & LIA_T_PLACE) && start > 0
        && lex(c, start - 1, c->cls.visit_noun) && strncmp(tok(c, start)->norm, "ل", 2) == 0)
        mi = -1;
    /* ... and so is a place joined by و to such a place: "يبحث معه الوضع
     * في ليبيا ومالي". */
    if (mi >= 0 && (e->types & LIA_T_PERSON) && (c->m->mentions.v[mi].type & LIA_T_PLACE)
        && tok(c, start)->has_conj && place_in_before(c, start))
        mi = -1;
    /* ... and a place that names a building in construct ("وكان في
     * استقباله بمطار الكويت الدولي X") is part of where; so is the person
     * it is named after, even one read as a title alone ("بقاعدة الملك
     * عبدالعزيز الجوية X"). */
    if (mi >= 0 && start > 0
        && (c->m->mentions.v[mi].type == LIA_T_PERSON
            || ((e->types & LIA_T_PERSON) && (c->m->mentions.v[mi].type & LIA_T_PLACE)))
        && after_facility_construct(c, start))
        mi = -1;
    /* "استقبل الملك، مرفوقا بولي العهد الأمير X، وفدا ...": who came along
     * with the subject is no party the pattern reads (unless it reads the
     * accompanying itself). */
    if (mi >= 0 && c->m->mentions.v[mi].type == LIA_T_PERSON && accompanied_by_before(c, start)
        && !pattern_has(pm->p, LIA_P_CLASS, c->cls.accompany))
        mi = -1;
    if (mi >= 0 && start > 0 && venue_body(c, mi, start))
        mi = -1;
    /* "حيث التقى الجنرال X والرئيس المعزول Y": after a clause link the
     * verb's subject is the one the story follows; two persons joined by
     * و after it are both whom he met, neither the other's subject.  So
     * after a subject told before the verb: "بوتين يستقبل X وY". */
    /* So after "كما"/"ثم" and a verb of receiving ("كما استقبل X وY"),
     * which, unlike "التقى", two persons do not do to each other. */
    if (mi >= 0 && e->capture == 'A' && pos >= 2
        && (lex(c, pos - 1, c->cls.met_verb) || lex(c, pos - 1, c->cls.receive))
        && (lex(c, pos - 2, c->cls.clause_link)
            || person_ending_at(c, pos - 1)
            || (lex(c, pos - 1, c->cls.receive) && lex(c, pos - 2, c->cls.clause_join)))
        && pattern_has(pm->p, LIA_P_CAPTURE, 'B')) {
        size_t after = c->m->mentions.v[mi].last;
        if (after < pm->sent_last && tok(c, after)->has_conj && mention_starts_at(c, after))
            mi = -1;
        /* ... and "حيث التقى X، في حضور Y": a person after the link and
         * the meeting verb, closed by a comma, is whom he met, not the
         * subject of a meeting with whoever the comma leads to. */
        if (lex(c, pos - 2, c->cls.clause_link) && lex(c, pos - 1, c->cls.met_verb)
            && after < pm->sent_last && is_punct(c, after, ","))
            mi = -1;
    }
    if (mi >= 0 && e->capture == 'A' && el < pm->anchor_el && verb_opens_own_clause(pm))
        mi = -1;
    /* "اجتمع بلينكن وأوستن بكوليبا وريزنيكوف": right after a meeting
     * verb's list of subjects (two or more; one is the single-subject
     * rules' reading), whom they met is told by ب. */
    if (mi >= 0 && e->capture == 'B' && el > 0 && pm->p->el[el - 1].kind == LIA_P_CAPTURE
        && pm->p->el[el - 1].capture == 'A' && pm->p->el[el - 1].list && lex(c, pm->anchor_pos, c->cls.met_verb)
        && (pm->n_a < 2 || !person_led_by_ba(c, mi)))
        mi = -1;
    /* "التقى X، ومنها إلى عين التينة للقاء Y": a person right after a
     * meeting noun later in the sentence is that meeting's, not the
     * object of this trigger (unless the word before him is the
     * pattern's own: "وانتقل X بعدها للقاء Y" with @to_meet). */
    if (mi >= 0 && e->capture == 'B' && start > pm->anchor_pos + 1 && lex(c, start - 1, c->cls.met_noun)
        && !pattern_has(pm->p, LIA_P_CLASS, c->cls.met_noun)
        && !(el > 0 && pm->p->el[el - 1].kind == LIA_P_CLASS && lex(c, start - 1, pm->p->el[el - 1].cls)))
        mi = -1;
    if (mi >= 0 && c->m->mentions.v[mi].first == start && type_ok(c, mi, e->types)) {
        int *list = e->capture == 'A' ? pm->as : pm->b;
        int *n = e->capture == 'A' ? &pm->n_a : &pm->n_b;
        int save_n = *n;
        mi = named_after_title(c, mi, pm->sent_last);
        list[(*n)++] = mi;
        size_t next = c->m->mentions.v[mi].last;
        if (e->list) {
            int ni;
            size_t lead = pos > pm->anchor_pos + 1 && repeatable_preposition(c, pos - 1) ? pos - 1 : SIZE_MAX;
            while (*n < 16 && (ni = next_list_item(pm, next, e->types, lead)) >= 0) {
                /* "بلينكن وأوستن بكوليبا": whom subjects met starts at ب. */
                if (e->capture == 'A' && person_led_by_ba(c, ni))
                    break;
                list[(*n)++] = ni;
                next = c->m->mentions.v[ni].last;
            }
        }
        if (match_from(pm, el + 1, next))
            return 1;
        *n = save_n;
    }
    if (e->optional)
        return match_from(pm, el + 1, pos);
    return 0;
}

/* Is token j a relation's one-word trigger joined by و ("التقى X ...،
 * وزار مقر Y": Y is what he visited, not whom he met)?  Not a word that is
 * itself in the class with its و ("وفود").  Computed once per token into
 * c->joined, which pattern gaps read. */
static int joined_trigger(const ctx *c, size_t j)
{
    const lia_token *tk = tok(c, j);
    if (!tk->has_conj || strncmp(tk->norm, "و", 2) != 0)
        return 0;
    const lia_trie *whole = lia_trie_step_hashed(&c->r->lexicon, tk->forms[0], tk->form_hash[0]);
    for (int k = 0; k < c->m->n_lex[j]; k++) {
        int cls = c->m->lex[j][k].cls;
        if (c->m->lex[j][k].len != 1 || !c->r->patterns_by_anchor[cls].n)
            continue;
        int own = 0;
        for (size_t r = 0; whole && r < whole->refs.n; r++)
            own |= whole->refs.v[r].index == cls;
        if (!own)
            return 1;
    }
    return 0;
}

/* Is the joined verb at j the second verb of a relative clause opened
 * after token from, with no punctuation between ("ويشارك في الدورة، التي
 * افتتحت أمس وتختتم غدا، عشرات ...")?  It tells of the event, not a
 * new occasion. */
static int joined_in_relative_clause(const ctx *c, size_t from, size_t j)
{
    for (size_t k = j; k-- > from + 1;) {
        if (tok(c, k)->kind == LIA_TOK_PUNCT)
            return 0;
        if (lex(c, k, c->cls.relative))
            return 1;
    }
    return 0;
}

/* Does the title word at j, which made no person, govern the next
 * mention: an event right after it ("رئيس الجمعية العامة"), or one led
 * by ل after plain words ("رئيس اللجنة التنفيذية للإنتربول")? */
static int unnamed_title_governs(const ctx *c, size_t j, size_t last)
{
    size_t k = j + 1;
    while (k < last && tok(c, k)->kind == LIA_TOK_WORD && !mention_starts_at(c, k))
        k++;
    if (k >= last || !mention_starts_at(c, k))
        return 0;
    const lia_mention *mm = &c->m->mentions.v[top_mention(c, k)];
    /* Not a title whose holder is named after it, maybe after a rank:
     * "الرئيس الانتقالي لبوركينا فاسو النقيب إبراهيم تراوري". */
    for (size_t e = mm->last; e < last && e < mm->last + 3 && tok(c, e)->kind == LIA_TOK_WORD; e++)
        if (mention_starts_at(c, e) && c->m->mentions.v[top_mention(c, e)].type == LIA_T_PERSON)
            return 0;
    return (k == j + 1 && mm->type == LIA_T_EVENT)
           || (led_by_preposition(tok(c, k)) && strncmp(tok(c, k)->norm, "ل", 2) == 0);
}

/* "بحضور"، "وبحضور": in the presence of. */
static int in_presence_of(const lia_token *tk)
{
    return strcmp(tk->norm, "بحضور") == 0 || strcmp(tk->norm, "وبحضور") == 0;
}

/* Can element el of the pattern match from pos at all?  0 only where
 * match_from(pm, el, pos) surely fails at once: a class or word it needs
 * is not at pos, or a capture it needs finds no mention (nor honorific
 * before one) starting there.  A gap tries many positions, most of them
 * failing so: they are passed over without a call. */
static int may_start(const pmatch *pm, size_t el, size_t pos)
{
    const ctx *c = pm->c;
    if (el == pm->p->n_el || pm->p->el[el].optional)
        return 1;
    const lia_pelem *e = &pm->p->el[el];
    switch (e->kind) {
    case LIA_P_CLASS:
        return pos < pm->sent_last && lex(c, pos, e->cls);
    case LIA_P_WORD:
        return pos < pm->sent_last && lia_token_matches_hashed(tok(c, pos), e->word, e->word_hash);
    case LIA_P_CAPTURE:
        return mention_starts_at(c, pos) || lex(c, pos, c->cls.honorific);
    default:
        return 1;
    }
}

static int match_from(pmatch *pm, size_t el, size_t pos)
{
    const ctx *c = pm->c;
    if (el == pm->p->n_el)
        return 1;
    if (el == pm->anchor_el && pos != pm->anchor_pos)
        return 0;
    if (el < pm->anchor_el && pos > pm->anchor_pos)
        return 0;
    const lia_pelem *e = &pm->p->el[el];
    switch (e->kind) {
    case LIA_P_GAP: {
        size_t j = pos;
        /* Before an optional capture, a mention it can take within the gap
         * is taken rather than skipped ("زيارة أداها بيانتيدوزي إلى"). */
        const lia_pelem *nx = el + 1 < pm->p->n_el ? &pm->p->el[el + 1] : NULL;
        if (nx && nx->kind == LIA_P_CAPTURE && nx->optional) {
            for (int g = 0; g <= e->gap && j < pm->sent_last; g++) {
                int mi = top_mention(c, j);
                if (mi >= 0 && c->m->mentions.v[mi].first == j && type_ok(c, mi, nx->types)
                    && match_from(pm, el + 1, j))
                    return 1;
                j = mi >= 0 && c->m->mentions.v[mi].first == j ? c->m->mentions.v[mi].last
                    : c->date_end[j] > j ? c->date_end[j] : j + 1;
            }
            j = pos;
        }
        /* Not past another trigger of the pattern's own kind after it:
         * "حيث التقى X، كما التقى في بنغازي Y" is two meetings. */
        const lia_pelem *an = &pm->p->el[pm->anchor_el];
        int anchor_again = 0;    /* "@lead ... @lead": the pattern wants a second trigger */
        for (size_t k = pm->anchor_el + 1; k < pm->p->n_el && an->kind == LIA_P_CLASS; k++)
            anchor_again |= pm->p->el[k].kind == LIA_P_CLASS && pm->p->el[k].cls == an->cls;
        for (int g = 0; g <= e->gap && j <= pm->sent_last; g++) {
            /* But a relative clause goes on past و: in "الاجتماع الذي احتضنه
             * ...، وضم X" the joined verb is the pattern's next element; so
             * does a tour: "جولة قام بها في 2015 وشملت كوبا". */
            if (g > 0 && j > pm->anchor_pos && an->kind == LIA_P_CLASS && !anchor_again
                && j < pm->sent_last && (lex(c, j, an->cls) || (c->joined[j] && !joined_in_relative_clause(c, pm->anchor_pos, j)))
                && !((an->cls == c->cls.relative || an->cls == c->cls.tour) && nx && nx->kind == LIA_P_CLASS
                     && lex(c, j, nx->cls)))
                break;
            /* "X، كما التقى Y": X is the object of what came before, not
             * the subject of the verb "كما" joins. */
            if (j < pm->anchor_pos && el < pm->anchor_el && j < pm->sent_last && lex(c, j, c->cls.clause_join))
                break;
            /* "تلبية لدعوة من X، حيث التقى به Y": what "، حيث" follows
             * is where or when, not who. */
            if (j < pm->anchor_pos && el < pm->anchor_el && j > 0 && is_punct(c, j - 1, ",")
                && lex(c, j, c->cls.clause_link))
                break;
            /* "والتقى X، في حين أطلق Y ...": a clause set against this one
             * has its own parties (a pattern may still name its trigger:
             * "ترأس X الوفد، فيما ترأس Y"). */
            if (j > pm->anchor_pos && j < pm->sent_last && nx && nx->kind == LIA_P_CAPTURE
                && lex(c, j, c->cls.contrast_clause))
                break;
            /* "والتقى الوزير X، قبل أن يستقبله الرئيس Y": the clause of
             * another occasion has its own parties too. */
            if (j > pm->anchor_pos && j < pm->sent_last && nx && nx->kind == LIA_P_CAPTURE
                && is_punct(c, j - 1, ",") && lex(c, j, c->cls.subordinate_clause))
                break;
            /* "والتقى X لبحث آلية التنسيق بين مصر وإريتريا": past what the
             * meeting discussed, a state or a person is the topic's. */
            if (j > pm->anchor_pos && j < pm->sent_last && nx && nx->kind == LIA_P_CAPTURE
                && lex(c, j, c->cls.topic_noun))
                break;
            /* "والتقى الرئيس X في مقر الرئاسة بحضور Y وZ": who sat in is
             * no party the trigger names (patterns that want them say so). */
            if (j > pm->anchor_pos && j < pm->sent_last && nx && nx->kind == LIA_P_CAPTURE
                && in_presence_of(tok(c, j)))
                break;
            if (may_start(pm, el + 1, j) && match_from(pm, el + 1, j))
                return 1;
            if (j >= pm->sent_last)
                break;
            int mi = top_mention(c, j);
            /* "مع رئيس الجمعية العامة لأفريبول"، "مع رئيس اللجنة التنفيذية
             * للإنتربول": a title that named no person is the party; the
             * body it governs is not. */
            if (j > pm->anchor_pos && nx && nx->kind == LIA_P_CAPTURE && (mi < 0 || c->m->mentions.v[mi].first != j)
                && gaz_ref(c, j, LIA_G_TITLE, NULL) && unnamed_title_governs(c, j, pm->sent_last))
                break;
            /* A mention or a date ("، الثلاثاء 17 ديسمبر 2024،") is skipped whole. */
            j = mi >= 0 && c->m->mentions.v[mi].first == j ? c->m->mentions.v[mi].last
                : c->date_end[j] > j ? c->date_end[j] : j + 1;
        }
        return 0;
    }
    case LIA_P_CLASS: {
        int len = pos < pm->sent_last ? lex(c, pos, e->cls) : 0;
        if (len && pos + (size_t)len <= pm->sent_last && match_from(pm, el + 1, pos + (size_t)len))
            return 1;
        return e->optional && match_from(pm, el + 1, pos);
    }
    case LIA_P_WORD:
        if (pos < pm->sent_last && lia_token_matches_hashed(tok(c, pos), e->word, e->word_hash)
            && match_from(pm, el + 1, pos + 1))
            return 1;
        return e->optional && match_from(pm, el + 1, pos);
    case LIA_P_CAPTURE:
        return match_capture(pm, el, pos);
    }
    return 0;
}

/* Does the subject right after the verb at anchor take another's place
 * ("وحلت السيدة نولاند محل الوزير")? */
static int takes_place_of(const ctx *c, size_t anchor)
{
    size_t j = anchor + 1;
    while (j < c->t->n && j < anchor + 3 && lex(c, j, c->cls.honorific))
        j++;
    if (j < c->t->n && c->m->mention_at[j])
        j = c->m->mentions.v[c->m->mention_at[j] - 1].last;
    return j < c->t->n && same_sentence(c, anchor, j) && lex(c, j, c->cls.in_place_of);
}

/* "ووجه X دعوة إلى Y لزيارة طهران"، "دعاه لزيارة الرباط": is the visit
 * at anchor, led by ل, what an invitation a few words before asks for?
 * An invitation answered ("تلبية لدعوة ... لزيارة البلاد") is no plan. */
static int invited_for(const ctx *c, size_t anchor, size_t sent_first)
{
    const lia_token *tr = tok(c, anchor);
    if (tr->n_forms < 2 || strncmp(tr->norm, "ل", 2) != 0)
        return 0;
    for (size_t k = anchor; k > sent_first && k + 10 > anchor; k--) {
        const lia_token *tk = tok(c, k - 1);
        int invitation = lex(c, k - 1, c->cls.invite) || lia_token_matches(tk, "دعوه")
                         || lia_token_matches(tk, "الدعوه");
        if (invitation)
            return !(k >= 2 + sent_first && lia_token_matches(tok(c, k - 2), "تلبيه"))
                   && !(tk->n_forms > 1 && strncmp(tk->norm, "ل", 2) == 0);
    }
    return 0;
}

/* Is the visit at anchor one someone was invited to ("داعيا المسؤولين
 * العمانيين إلى زيارة طهران", "ودعا نظيره إلى زيارة الرباط")?  An
 * invitation verb a few words before "إلى زيارة" makes it a plan. */
static int invited_to(const ctx *c, size_t anchor, size_t sent_first)
{
    if (anchor == sent_first)
        return 0;
    if (!lex(c, anchor - 1, c->cls.to))
        return invited_for(c, anchor, sent_first);
    for (size_t k = anchor - 1; k > sent_first && k + 10 > anchor; k--)
        if (lex(c, k - 1, c->cls.invite))
            return 1;
    return 0;
}

/* Is the visit verb at anchor a noun after a preposition ("مؤشرا على
 * توجه الرياض نحو ..."، "عن توجه"): an orientation, not a journey? */
static int verb_read_as_noun(const ctx *c, size_t anchor, size_t sent_first)
{
    static const char *const prepositions[] = { "علي", "عن", "مع", "من", "في" };
    if (anchor == sent_first || !lex(c, anchor, c->cls.visit_verb))
        return 0;
    for (size_t k = 0; k < sizeof prepositions / sizeof *prepositions; k++)
        if (!strcmp(tok(c, anchor - 1)->norm, prepositions[k]))
            return 1;
    return 0;
}

/* "بعد تشاور المملكة مع جامعة الدول العربية": a verb of meeting read as
 * a noun after a time word, whose subject is a state ("المملكة"، "البلاد",
 * a country's name): states consult, no person met anyone. */
static int states_consulting(const ctx *c, size_t anchor, size_t sent_first)
{
    static const char *const time_words[] = { "بعد", "قبل", "عقب", "اثر" };
    if (anchor == sent_first || anchor + 1 >= c->t->n || !lex(c, anchor, c->cls.met_verb)
        || !same_sentence(c, anchor, anchor + 1))
        return 0;
    int after_time_word = 0;
    for (size_t k = 0; k < sizeof time_words / sizeof *time_words; k++)
        after_time_word |= lia_token_matches(tok(c, anchor - 1), time_words[k]);
    return after_time_word
           && (lex(c, anchor + 1, c->cls.home_ref) || gaz_ref(c, anchor + 1, LIA_G_COUNTRY, NULL));
}

/* Is there a comma followed by a word joined by و in tokens (from, to]
 * (the word may be the trigger at to itself: "في زيارة مرتقبة، والتقى")? */
static int clause_joined_between(const ctx *c, size_t from, size_t to)
{
    for (size_t k = from + 1; k < to; k++)
        if (is_punct(c, k, ",") && tok(c, k + 1)->has_conj)
            return 1;
    return 0;
}

/* Does token t read as a verb in the imperfect (a form starting with ي:
 * "ويتوجه" → "يتوجه")? */
static int imperfect_form(const lia_token *t)
{
    for (int k = 0; k < t->n_forms; k++)
        if (strncmp(t->forms[k], "ي", strlen("ي")) == 0 && strlen(t->forms[k]) > 4)
            return 1;
    return 0;
}

/* Is there, in tokens (from, to), "بعد أن" or a contrast clause ("فيما"،
 * "بينما")?  Either opens a clause that tells of an occasion already
 * past, beyond the reach of a plan or a denial before it. */
static int past_occasion_between(const ctx *c, size_t from, size_t to)
{
    for (size_t i = from + 1; i < to; i++)
        if (lex(c, i, c->cls.contrast_clause)
            || (lia_token_matches(tok(c, i), "بعد") && i + 1 < to && strcmp(tok(c, i + 1)->norm, "ان") == 0))
            return 1;
    return 0;
}

/* Is the trigger at anchor the first word of a style ("زيارة حضرة صاحب
 * السمو X": "حضرة" folds to the letters of "حضره", attended it)? */
static int trigger_opens_style(const ctx *c, size_t anchor)
{
    return lex(c, anchor, c->cls.honorific) > 1;
}

/* "طائرات محملة بالمساعدات هبطت في مطار حلب": craft or cargo named a
 * few words before a visit verb, with no person between, is what arrived. */
static int vehicle_arrived(const ctx *c, size_t anchor, size_t sent_first)
{
    if (!lex(c, anchor, c->cls.visit_verb))
        return 0;
    for (size_t k = anchor; k > sent_first && k + 5 > anchor; k--) {
        if (c->covered[k - 1] || tok(c, k - 1)->kind == LIA_TOK_PUNCT)
            return 0;
        if (lex(c, k - 1, c->cls.vehicle))
            return 1;
    }
    return 0;
}

/* Is the trigger at anchor negated: a particle just before it ("لم
 * يلتق"), or a denial earlier in its sentence ("نفى ... زيارة")? */
static int negated(const ctx *c, size_t anchor, size_t sent_first, size_t sent)
{
    for (size_t k = anchor; k > sent_first && k + 3 > anchor; k--)
        if (lex(c, k - 1, c->cls.negation))
            return 1;
    /* "ولم يشر البيان إلى أي لقاء بين X وY": "أي" before the trigger
     * and a particle a few words earlier. */
    if (anchor > sent_first && !strcmp(tok(c, anchor - 1)->norm, "اي"))
        for (size_t k = anchor - 1; k > sent_first && k + 7 > anchor; k--)
            if (lex(c, k - 1, c->cls.negation))
                return 1;
    if (takes_place_of(c, anchor) || invited_to(c, anchor, sent_first) || verb_read_as_noun(c, anchor, sent_first)
        || states_consulting(c, anchor, sent_first) || trigger_opens_style(c, anchor)
        || vehicle_arrived(c, anchor, sent_first))
        return 1;
    /* "على أن يزور لاحقا المكسيك": what is still to come. */
    if (anchor >= 2 && !strcmp(tok(c, anchor - 1)->norm, "ان") && !strcmp(tok(c, anchor - 2)->norm, "علي"))
        return 1;
    /* "ويتوجه لاحقا إلى الدوحة": a verb in the imperfect with "later"
     * right after it is still to come ("والتقى لاحقا X" is done). */
    if (anchor + 1 < c->t->n && same_sentence(c, anchor, anchor + 1)
        && lia_token_matches(tok(c, anchor + 1), "لاحقا") && imperfect_form(tok(c, anchor)))
        return 1;
    /* "في مستهل جولة أفريقية تقوده أيضا إلى الكونغو": legs still ahead. */
    for (size_t k = anchor + 1; k < c->t->n && k <= anchor + 3 && same_sentence(c, anchor, k); k++)
        if (lex(c, anchor, c->cls.visit_noun) && lex(c, k, c->cls.tour_ahead))
            return 1;
    /* "لزيارة محتملة"، "الزيارة المرتقبة": a plan named right after;
     * or after the visitor: "لزيارة الرئيس X المرتقبة إلى بغداد". */
    size_t after = anchor + 1;
    if (after < c->t->n && c->m->mention_at[after])
        after = c->m->mentions.v[c->m->mention_at[after] - 1].last;
    if (after < c->t->n && same_sentence(c, anchor, after) && lex(c, after, c->cls.future))
        return 1;
    size_t d = c->first_denial[sent];
    /* "في زيارة تسبق زيارة مرتقبة لرئيس بلاده، وكان في استقباله X": a
     * plan named after its visit is that visit's alone; a clause joined
     * by و after a comma is told as done. */
    if (d < anchor && d > sent_first && !lex(c, d, c->cls.denial) && lex(c, d - 1, c->cls.visit_noun)
        && clause_joined_between(c, d, anchor))
        return 0;
    /* "وقال إن الزيارة لا تعني تغييرا في الموقف، والتقى X Y": a verb in
     * the perfect joined by و right after a comma opens a clause told as
     * done, out of the reach of a denial or plan before it. */
    if (d < anchor && anchor > sent_first + 1 && is_punct(c, anchor - 1, ",") && joined_by_waw(c, anchor)
        && !imperfect_form(tok(c, anchor)))
        return 0;
    /* "إرجاء لقاء كان مقررا ...، بعد أن أعلنت الهيئة في ختام القمة التي
     * احتضنتها جيبوتي": a trigger in the perfect there is told as done. */
    if (d < anchor && !imperfect_form(tok(c, anchor)) && past_occasion_between(c, d, anchor))
        return 0;
    return d < anchor;
}

/* Can pattern p match in sentence sent at all?  Not when the class of one
 * of its fixed elements occurs nowhere in the sentence: most patterns
 * tried fail so, and are ruled out here without a walk (the classes a
 * pattern needs are a bitset made with the rules). */
static inline int sentence_may_match(const ctx *c, const lia_pattern *p, size_t sent)
{
    const uint64_t *classes = c->sent_classes + sent * c->class_words;
    if (p->never_matches)
        return 0;
    for (size_t w = 0; w < c->class_words; w++)
        if (p->needed_classes[w] & ~classes[w])
            return 0;
    return 1;
}

/* Is a phrase of class cls somewhere in sentence sent? */
static int sentence_has_class(const ctx *c, size_t sent, int cls)
{
    return cls >= 0 && (c->sent_classes[sent * c->class_words + (size_t)cls / 64] >> (cls % 64) & 1);
}

/* Does a new clause that tells of another occasion start at token i:
 * "قبل أن"، "بعد أن", a clause set against the one before ("، فيما شارك
 * أردوغان عبر الهاتف"), or a place then "، حيث" ("وقبل ذلك في موسكو، حيث
 * استقبل ...")?  "اتصالا هاتفيا، حيث بحثا" goes on telling of the call. */
static int occasion_break(const ctx *c, size_t i)
{
    const lia_token *tk = tok(c, i);
    if (lex(c, i, c->cls.contrast_clause))
        return 1;
    if ((lia_token_matches(tk, "قبل") || lia_token_matches(tk, "بعد"))
        && i + 1 < c->t->n && strcmp(tok(c, i + 1)->norm, "ان") == 0)
        return 1;
    if (lex(c, i, c->cls.clause_link) && i >= 2 && is_punct(c, i - 1, ",")) {
        int mi = c->m->mention_at[i - 2] - 1;
        return mi >= 0 && (c->m->mentions.v[mi].type & LIA_T_PLACE) && c->m->mentions.v[mi].last == i - 1;
    }
    return 0;
}

/* Is the trigger at anchor in the same occasion as a phone or video call
 * its sentence tells of? */
static int remote_clause(const ctx *c, size_t sent, size_t anchor)
{
    const lia_sentence *se = &c->t->sent[sent];
    size_t from = se->first, to = se->last;
    for (size_t i = se->first + 1; i <= anchor && i < se->last; i++)
        if (occasion_break(c, i))
            from = i;
    for (size_t i = anchor + 1; i < se->last; i++)
        if (occasion_break(c, i)) {
            to = i;
            break;
        }
    for (size_t i = from; i < to; i++)
        if (lex(c, i, c->cls.remote))
            return 1;
    return 0;
}

/* Is the fixed element e (a class or a word) at token pos (< c->n_tok)?
 * For a class its bit answers, as for lex() != 0. */
static inline int fixed_element_at(const ctx *c, const lia_pelem *e, size_t pos)
{
    if (e->kind == LIA_P_CLASS)
        return e->cls >= 0 && (c->lex_bits[pos * c->lex_words + ((unsigned)e->cls >> 6)] >> (e->cls & 63) & 1);
    return lia_token_matches_hashed(&c->t->tok[pos], e->word, e->word_hash);
}

/* Can the required element e start at token pos (< c->n_tok)?  A class or
 * a word must be there; a capture takes a mention of its types that
 * starts there (match_capture may skip honorifics before it, but the
 * mention it takes starts at a token of its own all the same). */
static inline int element_may_be_at(const ctx *c, const lia_pelem *e, size_t pos)
{
    if (e->kind != LIA_P_CAPTURE)
        return fixed_element_at(c, e, pos);
    int mi = c->m->mention_at[pos] - 1;
    return mi >= 0 && c->m->mentions.v[mi].first == pos && type_ok(c, mi, e->types);
}

/* Can pattern p, anchored on element anchor_el at token anchor_pos, find
 * its other required classes, words and captures in their order: those
 * after the anchor among tokens (anchor_pos, sent_last), those before it
 * among [lo, anchor_pos)?  match_from puts each of them at a token of its
 * own (a capture: where its mention starts), later than the previous
 * one's, so when they do not fit so no start position can match: 0 then,
 * without a walk (most patterns tried fail so, for want of the word,
 * class or mention that follows their trigger). */
static int fixed_elements_fit(const ctx *c, const lia_pattern *p, size_t anchor_el, size_t anchor_pos,
                              size_t lo, size_t sent_last)
{
    size_t pos = anchor_pos + 1;
    for (size_t k = anchor_el + 1; k < p->n_el; k++) {
        const lia_pelem *e = &p->el[k];
        if (e->optional || e->kind == LIA_P_GAP)
            continue;
        while (pos < sent_last && !element_may_be_at(c, e, pos))
            pos++;
        if (pos >= sent_last)
            return 0;
        pos++;
    }
    size_t end = anchor_pos;       /* the next one back lies before end */
    for (size_t k = anchor_el; k-- > 0;) {
        const lia_pelem *e = &p->el[k];
        if (e->optional || e->kind == LIA_P_GAP)
            continue;
        while (end > lo && !element_may_be_at(c, e, end - 1))
            end--;
        if (end <= lo)
            return 0;
        end--;
    }
    return 1;
}

/* Is token i, a given name, a word of a person's name ("الأمير فيصل بن
 * فرحان": فيصل reads as ف + يصل, "and he arrives"), and so no trigger? */
static int given_name_in_person(const ctx *c, size_t i)
{
    for (size_t k = 0; k < c->m->mentions.n; k++) {
        const lia_mention *mm = &c->m->mentions.v[k];
        if (mm->type == LIA_T_PERSON && mm->first <= i && i < mm->last)
            return 1;
    }
    return 0;
}

/* "اختتم الوزير X زيارة رسمية إلى الكويت": a verb of opening or closing
 * whose object is a visit or a tour tells of the trip, not of chairing
 * the story's event (an attendance rule that named no event). */
static int concludes_a_visit(const ctx *c, const lia_pattern *p, const pmatch *pm)
{
    if (strcmp(p->relation, "attended") != 0 || pm->n_b > 0 || pm->n_a == 0
        || !lex(c, pm->anchor_pos, c->cls.chair_verb))
        return 0;
    size_t after = c->m->mentions.v[pm->as[pm->n_a - 1]].last;
    return after < pm->sent_last && (lex(c, after, c->cls.visit_noun) || lex(c, after, c->cls.tour));
}

/* Runs pattern pi anchored at anchor_pos, which the caller has seen may
 * match in sentence sent (sentence_may_match). */
static void run_pattern(ctx *c, int pi, size_t sent, size_t anchor_pos)
{
    const lia_pattern *p = &c->r->patterns.v[pi];
    const lia_sentence *s = &c->t->sent[sent];
    size_t anchor_el = p->anchor_el;
    /* Start positions: the anchor itself when the pattern starts with it,
     * else every earlier token of the sentence. */
    /* The part of a pattern before its anchor spans a few mentions and
     * gaps: a bounded window keeps one long sentence from costing n². */
    size_t lo = anchor_el == 0 ? anchor_pos
                : anchor_pos > s->first + 48 ? anchor_pos - 48 : s->first;
    if (!fixed_elements_fit(c, p, anchor_el, anchor_pos, lo, s->last))
        return;
    if (negated(c, anchor_pos, s->first, sent))
        return;
    if (lex(c, anchor_pos, c->cls.given_name) && given_name_in_person(c, anchor_pos))
        return;
    if (c->remote[sent] && strcmp(p->relation, "met") == 0 && remote_clause(c, sent, anchor_pos))
        return;
    pmatch pm;
    memset(&pm, 0, sizeof pm);
    pm.c = c;
    pm.p = p;
    pm.sent_last = s->last;
    pm.anchor_pos = anchor_pos;
    pm.anchor_el = anchor_el;
    /* A pattern that opens with one mention and a gap ("B:event ...13
     * @chaired_by A") takes the mention nearest the rest of it: "الاجتماع
     * ... لقرار القمة ... برئاسة X" is the summit's chair.  A list stays
     * read from its first item. */
    int nearest = p->n_el > 1 && p->el[0].kind == LIA_P_CAPTURE && !p->el[0].list
                  && !p->el[0].optional && p->el[1].kind == LIA_P_GAP;
    /* A pattern that opens with a capture it needs can start only where a
     * mention or an honorific before one starts (match_capture takes
     * nothing else there): other tokens are passed over without a walk. */
    int opens_with_capture = p->n_el > 0 && p->el[0].kind == LIA_P_CAPTURE && !p->el[0].optional;
    for (size_t k = 0; k <= anchor_pos - lo; k++) {
        size_t start = nearest ? anchor_pos - k : lo + k;
        if (opens_with_capture && !mention_starts_at(c, start) && !lex(c, start, c->cls.honorific))
            continue;
        pm.n_a = 0;
        pm.n_b = 0;
        if (match_from(&pm, 0, start)) {
            if (concludes_a_visit(c, p, &pm))
                return;
            lia_rel_match rm;
            memset(&rm, 0, sizeof rm);
            rm.pattern = pi;
            rm.a = pm.n_a ? pm.as[0] : -1;
            rm.n_a = pm.n_a;
            memcpy(rm.as, pm.as, sizeof rm.as);
            rm.n_b = pm.n_b;
            memcpy(rm.b, pm.b, sizeof rm.b);
            rm.sentence = sent;
            rm.anchor = anchor_pos;
            VEC_PUSH(c->m->rels, rm);
            return;
        }
    }
}

static void run_patterns(ctx *c)
{
    const lia_rules *r = c->r;
    c->first_denial = xmalloc((c->t->n_sent + 1) * sizeof *c->first_denial);
    c->class_words = r->classes.n / 64 + 1;
    c->sent_classes = xcalloc((c->t->n_sent + 1) * c->class_words, sizeof *c->sent_classes);
    for (size_t s = 0; s < c->t->n_sent; s++) {
        uint64_t *classes = c->sent_classes + s * c->class_words;
        for (size_t i = c->t->sent[s].first; i < c->t->sent[s].last; i++)
            for (int k = 0; k < c->m->n_lex[i]; k++)
                classes[c->m->lex[i][k].cls / 64] |= UINT64_C(1) << (c->m->lex[i][k].cls % 64);
    }
    c->remote = xcalloc(c->t->n_sent + 1, sizeof *c->remote);
    c->joined = xcalloc(c->t->n + 1, 1);
    for (size_t i = 0; i < c->t->n; i++)
        c->joined[i] = (unsigned char)joined_trigger(c, i);
    /* A class is at some token of a sentence exactly when its bit is in
     * the sentence's classes: only a sentence with a denial or future
     * phrase is scanned for the first one. */
    for (size_t s = 0; s < c->t->n_sent; s++) {
        const lia_sentence *se = &c->t->sent[s];
        c->first_denial[s] = SIZE_MAX;
        c->remote[s] = sentence_has_class(c, s, c->cls.remote);
        if (!sentence_has_class(c, s, c->cls.denial) && !sentence_has_class(c, s, c->cls.future))
            continue;
        for (size_t i = se->first; i < se->last; i++)
            if (lex(c, i, c->cls.denial) || lex(c, i, c->cls.future)) {
                c->first_denial[s] = i;
                break;
            }
    }
    for (size_t s = 0; s < c->t->n_sent; s++) {
        const lia_sentence *se = &c->t->sent[s];
        for (size_t i = se->first; i < se->last; i++) {
            for (int k = 0; k < c->m->n_lex[i]; k++) {
                int cls = c->m->lex[i][k].cls;
                /* The same class may be listed at several lengths. */
                int dup = 0;
                for (int q = 0; q < k; q++)
                    dup |= c->m->lex[i][q].cls == cls;
                if (dup)
                    continue;
                const lia_intvec *list = &r->patterns_by_anchor[cls];
                for (size_t q = 0; q < list->n; q++)
                    if (sentence_may_match(c, &r->patterns.v[list->v[q]], s))
                        run_pattern(c, list->v[q], s, i);
            }
            const word_facts *f = c->facts[i];
            for (int k = 0; k < f->n_patterns; k++)
                for (size_t q = 0; q < f->patterns[k]->n; q++)
                    if (sentence_may_match(c, &r->patterns.v[f->patterns[k]->v[q]], s))
                        run_pattern(c, f->patterns[k]->v[q], s, i);
        }
    }
}

/* The inner place mention starting at token t ("هلسنكي" in "قمة
 * هلسنكي"), as index + 1, or 0. */
static int inner_place_at(const lia_matches *out, size_t t)
{
    for (size_t k = 0; k < out->mentions.n; k++) {
        const lia_mention *mm = &out->mentions.v[k];
        if (mm->inner && mm->first == t && (mm->type & LIA_T_PLACE))
            return (int)k + 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- entry */

void lia_match(const lia_rules *r, const lia_tokens *t, const char *text, const char *doc_date,
               lia_matches *out)
{
    memset(out, 0, sizeof *out);
    ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    c.t = t;
    c.text = text;
    c.m = out;
    c.n_tok = t->n;
    out->strings = lia_arena_new();
    c.cls = r->named;
    out->n_tok = t->n;
    look_up_word_facts(&c);
    annotate_lexicon(&c);
    annotate_gazetteer(&c);
    lia_find_dates(t, 0, t->n, doc_date, &out->dates, &out->n_dates);
    c.dateline_date = SIZE_MAX;
    for (size_t k = 0; k < out->n_dates; k++) {
        out->dates[k].dateline = dateline_date(&c, &out->dates[k]);
        if (out->dates[k].dateline && c.dateline_date == SIZE_MAX)
            c.dateline_date = out->dates[k].first;
    }
    c.date_end = xcalloc(t->n + 1, sizeof *c.date_end);
    for (size_t k = 0; k < out->n_dates; k++)
        if (out->dates[k].first < t->n && out->dates[k].last > c.date_end[out->dates[k].first])
            c.date_end[out->dates[k].first] = out->dates[k].last;
    find_home_country(&c);
    c.covered = xcalloc(t->n + 1, sizeof *c.covered);
    set_opener_classes(&c);
    for (size_t i = 0; i < t->n;) {
        if (no_mention_at(&c, i)) {
            i++;
            continue;
        }
        size_t before = out->mentions.n;
        size_t e = mention_at(&c, i);
        mark_covered(&c, before);
        i = e > i ? e : i + 1;
    }
    find_surnames(&c);
    find_cities_again(&c);
    find_titled_refs(&c);
    find_heir_refs_before_titles(&c);
    find_advisers_of_named_principals(&c);
    find_shared_dual_titles(&c);
    find_dual_titles_of_a_kind(&c);
    fold_leading_offices(&c);
    if (out->mentions.n)
        qsort(out->mentions.v, out->mentions.n, sizeof *out->mentions.v, cmp_mentions);
    mark_spouses(&c);
    orgs_in_titles_before_names(&c);
    /* "في أول نشاط له على رأس وزارة الدفاع": the body one heads, told as
     * his post, is no party of what the sentence tells. */
    for (size_t k = 0; k < out->mentions.n; k++) {
        lia_mention *mm = &out->mentions.v[k];
        if ((mm->type == LIA_T_AGENCY || mm->type == LIA_T_ORG) && !mm->inner && mm->first >= 2
            && same_sentence(&c, mm->first - 2, mm->first) && lia_token_matches(tok(&c, mm->first - 2), "علي")
            && lia_token_matches(tok(&c, mm->first - 1), "راس"))
            mm->inner = 1;
    }
    bodies_before_persons(&c);
    out->mention_at = xcalloc(t->n + 1, sizeof *out->mention_at);
    for (size_t k = 0; k < out->mentions.n; k++) {
        const lia_mention *mm = &out->mentions.v[k];
        if (!mm->inner && mm->first < t->n && !out->mention_at[mm->first])
            out->mention_at[mm->first] = (int)k + 1;
    }
    for (size_t k = 0; k < out->mentions.n; k++) {
        lia_mention *mm = &out->mentions.v[k];
        /* ... and "وفدا أوفده الرئيس X": who sent someone is no party;
         * nor "مساعدي وزير الداخلية": whose aides were there. */
        /* ("ممثلة بوزير الداخلية X": a person led by ب is no title's
         * possessor; the country was represented by him.) */
        if (mm->type == LIA_T_PERSON && !mm->inner && mm->first > 0
            && ((possessor_of_title(&c, mm->first) && !person_led_by_ba(&c, (int)k))
                || served_by_someone(&c, mm->first) || served_by_envoy_title(&c, mm->first)
                || sent_by_before(&c, mm->first) || lex(&c, mm->first - 1, c.cls.aides_of)
                || message_sender(&c, mm->first) || predecessor_of_named(&c, mm->first)))
            mm->possessor = 1;
    }
    /* The director of a minister's office is named after his principal's
     * title, which is not his office. */
    for (size_t k = 0; k < out->mentions.n; k++) {
        lia_mention *mm = &out->mentions.v[k];
        if (mm->type == LIA_T_PERSON && !mm->inner && mm->title >= 0 && directs_office_of_title(&c, mm->first)) {
            mm->role = mm->office = (char *)"";
            mm->title = -1;
            memset(mm->bodies, 0, sizeof mm->bodies);
        }
    }
    for (size_t k = 0; k < out->mentions.n && !out->dateline; k++) {
        const lia_mention *mm = &out->mentions.v[k];
        /* (A country too, punctuation right after it: "الكويت (كونا) -"
         * files from a city-state; not a headline that opens with one.) */
        if ((mm->type == LIA_T_CITY
             || (mm->type == LIA_T_COUNTRY && mm->last < t->n && tok(&c, mm->last)->kind == LIA_TOK_PUNCT))
            && !mm->inner && mm->key[0] && mm->first < 40 && dateline_at(&c, mm->first))
            out->dateline = (int)k + 1;
    }
    /* Resolve event places to mention indexes now that the order is final. */
    for (size_t k = 0; k < out->mentions.n; k++) {
        lia_mention *mm = &out->mentions.v[k];
        if (mm->place_first && out->mention_at[mm->place_first - 1])
            mm->place_mention = out->mention_at[mm->place_first - 1];
        else if (mm->place_first)
            mm->place_mention = inner_place_at(out, mm->place_first - 1);
    }
    for (size_t k = 0; k < out->mentions.n; k++)
        out->mentions.v[k].second_office = second_office(&c, k);
    run_patterns(&c);
    free(c.facts);
    lia_arena_free(c.uncached_facts);
    free(c.date_end);
    free(c.gaz);
    free(c.gaz_len);
    free(c.covered);
    free(c.country_score);
    free(c.first_denial);
    free(c.sent_classes);
    free(c.joined);
    free(c.remote);
    free(c.opener_classes);
}

void lia_matches_release(lia_matches *m)
{
    lia_arena_free(m->strings);
    VEC_FREE(m->mentions);
    VEC_FREE(m->rels);
    free(m->dates);
    free(m->lex);
    free(m->n_lex);
    free(m->lex_hits);
    free(m->lex_classes);
    free(m->mention_at);
    memset(m, 0, sizeof *m);
}
